"""The read commands as a user runs them: JSON shapes, languages, bad input."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import SMALL
from tests.helpers import run, run_json

F = ("--file", str(SMALL))


def test_now_json_shape_and_overlap() -> None:
    data = run_json("now", *F, "--at", "2024-02-14T10:00")
    assert set(data) >= {"at", "timezone", "active", "next"}
    assert data["timezone"] == "Asia/Jakarta"
    assert [s["id"] for s in data["active"]] == ["pemungutan-suara", "jam-pemungutan-suara"]
    stage = data["active"][0]
    assert {"id", "election", "name", "name_en", "start", "end", "tags", "source",
            "status"} <= set(stage)
    assert stage["status"] == "active" and stage["start"] == "2024-02-14"
    assert data["next"]["id"] == "rekapitulasi"


def test_now_zone_across_midnight() -> None:
    wib = run_json("now", *F, "--at", "2024-02-13T16:30:00Z", "--tz", "WIB")
    wit = run_json("now", *F, "--at", "2024-02-13T16:30:00Z", "--tz", "WIT")
    assert [s["id"] for s in wib["active"]] == ["masa-tenang"]
    assert [s["id"] for s in wit["active"]] == ["pemungutan-suara"]
    assert wit["at"] == "2024-02-14T01:30:00+09:00" and wit["timezone"] == "Asia/Jayapura"


def test_now_when_nothing_is_active_shows_last_and_next() -> None:
    out = run("now", *F, "--at", "2023-11-01").stdout
    assert "Tidak ada tahapan yang berlangsung" in out
    assert "Masa Kampanye Pemilu" in out and "H-27" in out
    data = run_json("now", *F, "--at", "2024-04-01")
    assert data["active"] == [] and data["next"] is None
    assert data["last_ended"]["id"] == "rekapitulasi"


def test_now_table_in_both_languages() -> None:
    out = run("now", *F, "--at", "2024-02-12T10:00").stdout
    assert "Senin, 12 Februari 2024 10.00 WIB" in out
    assert "hari ke-2 dari 3" in out and "Masa Tenang" in out
    out = run("now", *F, "--at", "2024-02-12T10:00", "--lang", "en").stdout
    assert "Monday, 12 February 2024 10.00 WIB" in out
    assert "day 2 of 3" in out and "Quiet period" in out


def test_lang_from_environment() -> None:
    out = run("now", *F, "--at", "2024-02-12T10:00",
              env={"PEMILU_TIMELINE_LANG": "en"}).stdout
    assert "Quiet period" in out


def test_countdown_json() -> None:
    data = run_json("countdown", "pemungutan-suara", *F, "--at", "2024-01-31")
    assert data["label"] == "H-14" and data["days"] == 14
    assert data["stage"]["id"] == "pemungutan-suara" and data["target"] == "start"
    assert data["remaining"] == {"days": 14, "hours": 0, "minutes": 0, "seconds": 0}


def test_countdown_default_is_next_milestone() -> None:
    data = run_json("countdown", *F, "--at", "2024-02-12")
    assert data["stage"]["id"] == "pemungutan-suara" and data["label"] == "H-2"


def test_countdown_text() -> None:
    out = run("countdown", "pemilu-2024/pemungutan-suara", *F, "--at", "2023-12-31").stdout
    assert "H-45" in out and "Rabu, 14 Februari 2024" in out
    assert "1 bulan 14 hari lagi" in out and "45 hari 0 jam 0 menit" in out


def test_countdown_with_no_milestone_left() -> None:
    out = run("countdown", *F, "--at", "2024-05-01", "--lang", "en").stdout
    assert "No milestone comes after" in out and "Voting day (H+77)" in out
    assert run_json("countdown", *F, "--at", "2024-05-01")["stage"] is None


def test_watch_refuses_json() -> None:
    # --watch --at is a rehearsal (tests/test_polish.py); a running clock is not JSON.
    result = run("countdown", *F, "--watch", "--json", code=2)
    assert "--watch" in result.stderr


def test_list_filters() -> None:
    ids = [s["id"] for s in run_json("list", *F, "--tag", "kampanye", "--at", "2024-01-01")]
    assert ids == ["kampanye", "masa-tenang"]
    data = run_json("list", *F, "--status", "upcoming", "--at", "2024-02-14T12:00")
    assert [s["id"] for s in data] == ["rekapitulasi"]
    data = run_json("list", *F, "--from", "2024-02-14", "--to", "2024-02-14", "--at", "2024-01-01")
    assert [s["id"] for s in data] == ["pemungutan-suara", "jam-pemungutan-suara"]


def test_list_table() -> None:
    out = run("list", *F, "--at", "2024-02-12").stdout
    assert "Jadwal tahapan (5)" in out and "berlangsung" in out and "selesai" in out


def test_show() -> None:
    out = run("show", "tenang", *F, "--at", "2024-02-01", "--lang", "en").stdout
    assert "Quiet period" in out and "PKPU 3/2022, Lampiran" in out and "H-10" in out
    data = run_json("show", "masa-tenang", *F, "--at", "2024-02-01")
    assert data["key"] == "pemilu-2024/masa-tenang" and data["status"] == "upcoming"


def test_timeline_fits_the_width_and_marks_now(tmp_path: Path) -> None:
    out = run("timeline", *F, "--at", "2024-02-12", "--width", "80").stdout
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "▲ sekarang" in out and "Masa Tenang" in out
    svg = tmp_path / "chart.svg"
    run("timeline", *F, "--at", "2024-02-12", "--svg", str(svg))
    assert svg.read_text().startswith("<?xml") and "<svg" in svg.read_text()[:200]


def test_info_shows_the_file_in_use() -> None:
    data = run_json("info", *F)
    assert data["file"] == str(SMALL) and data["origin"] == "option" and data["stages"] == 5


def test_version() -> None:
    from pemilu_timeline import __version__

    assert run("--version").stdout.strip() == f"pemilu-timeline {__version__}"


@pytest.mark.parametrize(("args", "code", "needle"), [
    (("now", "--at", "kemarin"), 1, "14 Februari 2024"),
    (("now", "--at", "2024-02-30"), 1, "bukan tanggal yang ada di kalender"),
    (("now", "--tz", "Mars"), 1, "WIB, WITA, WIT"),
    (("show", "nope"), 1, "pemilu-timeline list"),
    (("show", "pemungutan"), 1, "PEMILIHAN/ID"),
    (("list", "--from", "yesterday"), 1, "2024-02-14"),
    (("list", "--election", "pemilu-2029"), 1, "pemilu-2024"),
    (("now", "--lang", "fr"), 2, "fr"),
    (("now", "--bogus"), 2, "--bogus"),
])
def test_bad_input_is_one_line_without_traceback(args: tuple[str, ...], code: int,
                                                 needle: str) -> None:
    result = run(*args, *F, code=code)
    assert needle in result.stderr
    assert "Traceback" not in result.output
    if code == 1:
        assert len(result.stderr.strip().splitlines()) == 1


def test_bad_file_lists_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(SMALL.read_text().replace("end = 2024-02-13", "end = 2024-02-01"))
    result = run("now", "--file", str(bad), code=1)
    assert f"{bad}:24:" in result.stderr and "sebelum mulai" in result.stderr
    result = run("now", "--file", str(tmp_path / "missing.toml"), code=1)
    assert "pemilu-timeline init" in result.stderr


def test_show_and_countdown_take_words_without_quotes() -> None:
    data = run_json("show", "penetapan", "presiden", "terpilih", "--at", "2024-04-23")
    assert data["key"] == "pemilu-2024/penetapan-presiden-terpilih"
    result = run_json("countdown", "pemungutan", "suara", "--election", "pilkada-2024",
                      "--at", "2024-11-13")
    assert (result["stage"]["key"], result["label"]) == ("pilkada-2024/pemungutan-suara", "H-14")


def test_show_gives_hours_for_timed_stages_and_no_length_for_a_moment() -> None:
    hours = run("show", "pemilu-2024/jam-pemungutan-suara", "--at", "2024-02-14T08:00",
                "--tz", "WIT").stdout
    assert "Durasi" in hours and "6 jam" in hours and "1 hari" not in hours
    moment = run("show", "pemilu-2024/hitung-cepat-boleh-diumumkan", "--lang", "en").stdout
    assert "Duration" not in moment
    days = run("show", "pemilu-2024/masa-tenang", "--lang", "en").stdout
    assert "3 days" in days


@pytest.mark.parametrize(("at", "why"), [("2024-02-30", "is not a date on the calendar"),
                                         ("2024-02-13T25:00", "is not a date on the calendar"),
                                         ("12 Feb", "needs a four-digit year")])
def test_a_bad_at_says_what_is_wrong(at: str, why: str) -> None:
    result = run("now", "--at", at, "--lang", "en", code=1)
    assert why in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["show", "countdown"])
def test_a_huge_stage_query_is_not_found_at_once(command: str) -> None:
    """Close matches to a query of megabytes would take minutes and gigabytes; no query that
    long names a stage."""
    import time

    began = time.monotonic()
    result = run(command, *F, "a" * 10**6, "--lang", "en", code=1)
    assert time.monotonic() - began < 0.5
    assert result.stderr.startswith("Error: Unknown stage 'aaaa") and "…'" in result.stderr
    assert len(result.stderr) < 300  # the query is not echoed back


WATCH = ("countdown", "kampanye", *F, "--watch")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty and POSIX signals")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_watch_stopped_by_a_signal_shows_the_cursor_again(signame: str) -> None:
    """Stopped as Ctrl-C stops it: Live puts the cursor back, and the exit is clean."""
    import os
    import pty
    import select
    import signal
    import subprocess
    import time

    controller, terminal = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "LINES": "30",
           "PEMILU_TIMELINE_LANG": "en"}
    child = subprocess.Popen([sys.executable, "-m", "pemilu_timeline", *WATCH],
                             stdin=terminal, stdout=terminal, stderr=terminal, env=env,
                             start_new_session=True)
    os.close(terminal)
    seen = b""

    def read_until(done: bytes, seconds: float) -> None:
        nonlocal seen
        deadline = time.monotonic() + seconds
        while done not in seen and time.monotonic() < deadline:
            if select.select([controller], [], [], 0.05)[0]:
                try:
                    chunk = os.read(controller, 65536)
                except OSError:  # the child has gone and closed the terminal
                    return
                if not chunk:
                    return
                seen += chunk

    try:
        read_until(b"Ctrl-C", 10)  # the first frame is on screen
        assert b"\x1b[?25l" in seen  # the cursor is hidden while it runs
        child.send_signal(getattr(signal, signame))
        read_until(b"\x1b[?25h", 5)
        assert child.wait(timeout=5) == 0
    finally:
        child.kill()
        child.wait()
        os.close(controller)
    assert seen.rstrip().endswith(b"\x1b[?25h"), seen[-200:]
    assert b"Traceback" not in seen


@pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals")
def test_watch_puts_back_the_signal_handlers_it_replaced(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    import signal

    from pemilu_timeline.views import console

    def ctrl_c(seconds: float) -> None:
        assert signal.getsignal(signal.SIGTERM) is not mine  # replaced while it runs
        raise KeyboardInterrupt

    def mine(signum: int, frame: object) -> None:
        raise AssertionError("not while watching")

    monkeypatch.setattr(console.time, "sleep", ctrl_c)
    before = signal.signal(signal.SIGTERM, mine)
    hup = signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as under nohup: left ignored
    try:
        console.watch(lambda: "H-1", "en")
        assert signal.getsignal(signal.SIGTERM) is mine
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, before)
        signal.signal(signal.SIGHUP, hup)
