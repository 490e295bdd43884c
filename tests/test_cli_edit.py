"""The edit commands as staff use them: init, add, edit, remove, validate, diff."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pemilu_timeline.cli import edit as cli_edit
from pemilu_timeline.schedule.locate import bundled_path, user_path
from pemilu_timeline.schedule.read import load_schedule
from tests.helpers import run, run_json

NOW = dt.datetime(2024, 2, 1, 3, 4, 5, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_edit, "_now", lambda: NOW)


def stage(path: Path, key: str) -> dict[str, object]:
    found = load_schedule(path).get(key)
    assert found is not None, f"{key} is not in {path}"
    return {"start": found.start, "end": found.end, "name": found.name,
            "name_en": found.name_en, "tags": found.tags, "note": found.note,
            "zone": found.zone, "revision": found.revision, "updated": found.updated,
            "source": found.source, "milestone": found.milestone}


def add_debate(path: Path, *extra: str) -> None:
    run("add", "debat-capres-1", "-f", path, "-e", "pemilu-2024",
        "--name", "Debat Pertama Capres", "--start", "Selasa, 12 Desember 2023 pukul 19.00 WIB",
        "--end", "12/12/2023 21.00", "--source", "KPU, 29 Nov 2023", *extra)


# --- init -----------------------------------------------------------------------------------

def test_init_writes_the_user_copy_that_other_commands_then_use() -> None:
    result = run("init")
    assert str(user_path()) in result.stdout
    assert load_schedule(user_path()).stages == load_schedule(bundled_path()).stages
    assert run_json("info")["origin"] == "user"
    run("add", "uji", "-e", "pemilu-2024", "--name", "Uji", "--start", "1 Mei 2024",
        "--source", "uji")
    assert load_schedule(user_path()).get("pemilu-2024/uji") is not None


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "copy.toml"
    run("init", target)
    target.write_text(target.read_text() + "\n")
    before = target.read_bytes()
    result = run("init", target, code=1)
    assert "--force" in result.stderr
    assert target.read_bytes() == before
    run("init", target, "--force")
    assert target.read_bytes() != before


def test_editing_the_bundled_schedule_says_how_to_get_a_copy() -> None:
    before = bundled_path().read_bytes()
    result = run("add", "uji", "-e", "pemilu-2024", "--name", "Uji", "--start", "2024-05-01",
                 "--source", "uji", code=1)
    assert "pemilu-timeline init" in result.stderr
    result = run("remove", "pemungutan-suara", "--yes", "--lang", "en", code=1)
    assert "Make an editable copy with `pemilu-timeline init`" in result.stderr
    assert bundled_path().read_bytes() == before


# --- add ------------------------------------------------------------------------------------

def test_add_in_indonesian_date_forms(small_file: Path) -> None:
    add_debate(small_file, "--tag", "kampanye", "--tag", "debat")
    assert stage(small_file, "pemilu-2024/debat-capres-1") == {
        "start": dt.datetime(2023, 12, 12, 19), "end": dt.datetime(2023, 12, 12, 21),
        "name": "Debat Pertama Capres", "name_en": "",  # untranslated: no copy of the name
        "tags": ("kampanye", "debat"), "note": None, "zone": "Asia/Jakarta", "revision": 1,
        "updated": NOW, "source": "KPU, 29 Nov 2023", "milestone": False}


def test_add_prints_what_it_added(small_file: Path) -> None:
    result = run("add", "pemilu-2024/rapat-pleno", "-f", small_file, "--name", "Rapat Pleno",
                 "--name-en", "Plenary", "--start", "20 Mar 2024", "--source", "KPU",
                 "--milestone", "--lang", "en")
    assert result.stdout.splitlines() == [
        "Added pemilu-2024/rapat-pleno: Plenary — 20 March 2024 (revision 1).",
        f"File: {small_file}"]
    assert stage(small_file, "pemilu-2024/rapat-pleno")["end"] == dt.date(2024, 3, 20)


def test_add_finds_the_election_when_the_file_has_one(small_file: Path) -> None:
    run("add", "uji", "-f", small_file, "--name", "Uji", "--start", "2024-05-01",
        "--source", "uji")
    assert stage(small_file, "pemilu-2024/uji")["start"] == dt.date(2024, 5, 1)


def test_file_from_the_environment(small_file: Path) -> None:
    run("add", "uji", "--name", "Uji", "--start", "2024-05-01", "--source", "uji",
        env={"PEMILU_TIMELINE_FILE": str(small_file)})
    assert stage(small_file, "pemilu-2024/uji")["revision"] == 1


# --- refused input: one line, exit 1, file byte-identical -----------------------------------

ADD = ("add", "uji", "-e", "pemilu-2024", "--name", "Uji", "--source", "uji")
REFUSED = [
    pytest.param((*ADD, "--start", "30 Februari 2024"), "is not a date on the calendar",
                 id="impossible-date"),
    pytest.param((*ADD, "--start", "kemarin sore"), "is not a date I can read", id="not-a-date"),
    pytest.param((*ADD, "--start", "2024-03-01", "--end", "2024-02-01"), "before the start",
                 id="end-before-start"),
    pytest.param((*ADD, "--start", "2024-03-01", "--end", "2024-03-01T10:00"), "one kind",
                 id="mixed-kinds"),
    pytest.param(("edit", "pemilu-2024/masa-tenang", "--start", "2024-02-11 10:00"),
                 "Give --end too", id="edit-start-of-another-kind-keeps-the-end"),
    pytest.param(("add", "uji", "-e", "pemilu-2024", "--name", "Uji\x1b[31m", "--source", "x",
                  "--start", "2024-03-01"), "control character (U+001B)", id="control-name"),
    pytest.param((*ADD, "--start", "2024-03-01", "--note", "a\x00b"), "control character",
                 id="control-note"),
    pytest.param(("add", "kampanye", "-e", "pemilu-2024", "--name", "X", "--source", "x",
                  "--start", "2024-03-01"), "already exists", id="duplicate"),
    pytest.param(("add", "Uji Coba", "-e", "pemilu-2024", "--name", "X", "--source", "x",
                  "--start", "2024-03-01"), "not a valid id", id="bad-id"),
    pytest.param(("add", "uji", "-e", "pilkada-2099", "--name", "X", "--source", "x",
                  "--start", "2024-03-01"), "Known: pemilu-2024", id="unknown-election"),
    pytest.param((*ADD, "--start", "2024-03-01", "--zone", "Mars/Olympus"), "is unknown",
                 id="unknown-zone"),
    pytest.param((*ADD, "--start", "2024-03-01", "--zone", "WIB"), "zone",
                 id="zone-on-a-date"),
    pytest.param((*ADD, "--start", "2024-03-01", "--source", "  "), "must not be empty",
                 id="empty-source"),
    pytest.param(("edit", "masa-tenang", "--start", "2024-02-20"), "Give --end too",
                 id="edit-start-after-end"),
    pytest.param(("edit", "rekapitulasi", "--name", ""), "must not be empty",
                 id="edit-empty-name"),
    pytest.param(("edit", "kampanye", "--state", "cancelled"), "needs a reason",
                 id="cancel-without-reason"),
    pytest.param(("edit", "kampanye", "--state", "maybe"), "must be one of",
                 id="bad-state"),
    pytest.param(("edit", "tidak-ada", "--name", "X"), "Unknown stage", id="unknown-stage"),
    pytest.param(("edit", "suara pemungutan", "--name", "X"), "matches several stages",
                 id="ambiguous-stage"),
    pytest.param(("remove", "tidak-ada", "--yes"), "Unknown stage", id="remove-unknown"),
    pytest.param(("remove", "kampanye"), "use --yes", id="remove-without-terminal"),
    pytest.param((*ADD, "--start", "2024-03-01", "--lock-timeout", "-1"), None,
                 id="negative-timeout"),
]


@pytest.mark.parametrize(("args", "why"), REFUSED)
def test_refused_input_leaves_the_file_byte_identical(small_file: Path, args: tuple[str, ...],
                                                      why: str | None) -> None:
    before = small_file.read_bytes()
    code = 2 if why is None else 1  # a malformed option is a usage error (click's exit 2)
    result = run(*args, "-f", small_file, "--lang", "en", code=code)
    assert small_file.read_bytes() == before
    if why is not None:
        assert why in result.stderr
        assert result.stderr.count("\n") == 1, result.stderr  # one line
        assert result.stdout == ""


def test_refusals_are_in_indonesian_by_default(small_file: Path) -> None:
    result = run(*ADD, "--start", "30 Februari 2024", "-f", small_file, code=1)
    assert result.stderr.startswith("Kesalahan: --start '30 Februari 2024' bukan tanggal")


def test_a_file_with_comments_is_refused_and_the_way_forward_named(small_file: Path) -> None:
    small_file.write_text("# Jadwal uji\n" + small_file.read_text())
    before = small_file.read_bytes()
    result = run(*ADD, "--start", "2024-03-01", "-f", small_file, "--lang", "en", code=1)
    assert "has comments (line 1)" in result.stderr and "--drop-comments" in result.stderr
    assert small_file.read_bytes() == before
    run(*ADD, "--start", "2024-03-01", "-f", small_file, "--drop-comments")
    assert "Jadwal uji" not in small_file.read_text()


# --- edit -----------------------------------------------------------------------------------

def test_edit_changes_only_the_fields_given(small_file: Path) -> None:
    add_debate(small_file, "--note", "Di KPU")
    before = stage(small_file, "pemilu-2024/debat-capres-1")
    later = NOW + dt.timedelta(days=1)
    cli_edit._now = lambda: later  # type: ignore[assignment]  # restored by the fixture
    result = run("edit", "debat-capres-1", "-f", small_file, "--end", "12 Des 2023 21.30",
                 "--lang", "en")
    assert result.stdout.splitlines()[:2] == [
        "Changed pemilu-2024/debat-capres-1 (revision 2):",
        "  end: 2023-12-12T21:00 → 2023-12-12T21:30"]
    after = stage(small_file, "pemilu-2024/debat-capres-1")
    assert after == {**before, "end": dt.datetime(2023, 12, 12, 21, 30), "revision": 2,
                     "updated": later}


def test_edit_by_name_words_and_removing_optional_fields(small_file: Path) -> None:
    run("edit", "jam pemungutan", "-f", small_file, "--note", "", "--tag", "jam",
        "--milestone")
    changed = stage(small_file, "pemilu-2024/jam-pemungutan-suara")
    assert (changed["note"], changed["tags"], changed["milestone"]) == (None, ("jam",), True)
    run("edit", "jam-pemungutan-suara", "-f", small_file, "--no-tags", "--no-milestone")
    changed = stage(small_file, "pemilu-2024/jam-pemungutan-suara")
    assert (changed["tags"], changed["milestone"], changed["revision"]) == ((), False, 3)


def test_edit_that_changes_nothing_does_not_write(small_file: Path) -> None:
    before = small_file.read_bytes()
    result = run("edit", "kampanye", "-f", small_file, "--name", "Masa Kampanye Pemilu")
    assert "Tidak ada yang berubah" in result.stdout
    assert small_file.read_bytes() == before


def test_edit_a_one_day_stage_moves_as_one_day(small_file: Path) -> None:
    run("edit", "pemilu-2024/pemungutan-suara", "-f", small_file, "--start", "15/2/2024")
    moved = stage(small_file, "pemilu-2024/pemungutan-suara")
    assert (moved["start"], moved["end"], moved["revision"]) == (
        dt.date(2024, 2, 15), dt.date(2024, 2, 15), 2)


def test_cancel_with_reason(small_file: Path) -> None:
    run("edit", "rekapitulasi", "-f", small_file, "--state", "cancelled",
        "--reason", "Diganti jadwal baru")
    assert run_json("show", "rekapitulasi", "-f", small_file)["state"] == "cancelled"


def test_edit_needs_something_to_change(small_file: Path) -> None:
    result = run("edit", "kampanye", "-f", small_file, code=2)
    assert "--start" in result.stderr


# --- remove ---------------------------------------------------------------------------------

def test_remove_asks_at_a_terminal(small_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_edit, "_interactive", lambda: True)
    before = small_file.read_bytes()
    result = run("remove", "masa-tenang", "-f", small_file, input="n\n", code=1)
    assert "Hapus pemilu-2024/masa-tenang (Masa Tenang, 11–13 Februari 2024)" in result.stdout
    assert small_file.read_bytes() == before
    run("remove", "masa-tenang", "-f", small_file, input="y\n")
    assert load_schedule(small_file).get("pemilu-2024/masa-tenang") is None


def test_remove_with_yes(small_file: Path) -> None:
    result = run("remove", "pemilu-2024/masa-tenang", "-f", small_file, "--yes")
    assert result.stdout.startswith("Dihapus pemilu-2024/masa-tenang: Masa Tenang — 11–13 "
                                    "Februari 2024.")
    assert len(load_schedule(small_file)) == 4


def test_remove_refuses_a_stage_others_are_dated_from(tmp_path: Path) -> None:
    relative = tmp_path / "relative.toml"
    relative.write_bytes((Path(__file__).parent / "assets" / "relative.toml").read_bytes())
    before = relative.read_bytes()
    result = run("remove", "putusan-mk", "--yes", "-f", relative, "--lang", "en", code=1)
    assert "counted from it" in result.stderr
    assert relative.read_bytes() == before


# --- validate -------------------------------------------------------------------------------

def test_validate_a_good_file(small_file: Path) -> None:
    result = run("validate", small_file, "--lang", "en")
    assert result.stdout.startswith(f"OK: {small_file} — 1 election(s), 5 stage(s).")
    assert "not in canonical form" in result.stdout
    run("validate", "--fix-format", "-f", small_file)
    assert "canonical" not in run("validate", small_file).stdout


def test_validate_lists_every_problem_with_its_place(small_file: Path) -> None:
    text = small_file.read_text()
    text = text.replace("end = 2024-02-13", "end = 2024-02-01")
    text = text.replace('id = "rekapitulasi"', 'id = "Rekapitulasi"')
    small_file.write_text(text)
    result = run("validate", small_file, "--lang", "en", code=1)
    lines = result.stderr.splitlines()
    assert "2 problem(s)" in lines[0]
    assert any(f"{small_file}:24:" in line and "masa-tenang" in line for line in lines)
    assert any(f"{small_file}:" in line and "Rekapitulasi" in line for line in lines)
    data = json.loads(run("validate", small_file, "--json", code=1).stdout)
    assert data["valid"] is False and len(data["problems"]) == 2
    assert data["problems"][0]["line"] == 24


def test_validate_json_of_a_good_file(small_file: Path) -> None:
    data = run_json("validate", "-f", small_file)
    assert (data["valid"], data["stages"], data["canonical"]) == (True, 5, False)


# --- diff -----------------------------------------------------------------------------------

def test_diff_for_a_correction_note(small_file: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    old.write_bytes(small_file.read_bytes())
    add_debate(small_file)
    run("edit", "rekapitulasi", "-f", small_file, "--end", "21 Maret 2024")
    run("remove", "masa-tenang", "-f", small_file, "--yes")
    result = run("diff", old, small_file, "--lang", "en")
    assert result.stdout.splitlines() == [
        f"{old} → {small_file}: 1 added, 1 removed, 1 changed.",
        "+ pemilu-2024/debat-capres-1  Debat Pertama Capres — 12 December 2023, 19.00–21.00 WIB",
        "- pemilu-2024/masa-tenang  Quiet period — 11–13 February 2024",
        "~ pemilu-2024/rekapitulasi  Recapitulation of vote counts",
        "    end: 2024-03-20 → 2024-03-21",
        "    revision: 1 → 2",
        "    updated: — → 2024-02-01T03:04:05Z",
    ]
    data = run_json("diff", old, small_file)
    assert [s["key"] for s in data["added"]] == ["pemilu-2024/debat-capres-1"]
    assert [s["key"] for s in data["removed"]] == ["pemilu-2024/masa-tenang"]
    assert data["changed"][0]["changes"][0] == {"field": "end", "old": "2024-03-20",
                                                "new": "2024-03-21"}


def test_diff_of_identical_files(small_file: Path) -> None:
    assert "Tidak ada perbedaan" in run("diff", small_file, small_file).stdout


def test_diff_of_an_invalid_file_lists_its_problems(small_file: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[stages]\n")
    result = run("diff", small_file, broken, code=1)
    assert f"{broken}:1:" in result.stderr


def test_every_edit_command_has_help() -> None:
    for name in ("init", "add", "edit", "remove", "validate", "diff"):
        assert f"pemilu-timeline {name}" in run(name, "--help").stdout


def test_an_id_must_match_exactly_for_a_change(small_file: Path) -> None:
    """Name words would find jam-pemungutan-suara: a script's second remove must not."""
    run("remove", "pemilu-2024/pemungutan-suara", "--yes", "-f", small_file)
    before = small_file.read_bytes()
    result = run("remove", "pemilu-2024/pemungutan-suara", "--yes", "-f", small_file,
                 "--lang", "en", code=1)
    assert "Unknown stage 'pemilu-2024/pemungutan-suara'" in result.stderr
    run("edit", "pemungutan-suara", "--name", "X", "-f", small_file, code=1)
    assert small_file.read_bytes() == before


@pytest.mark.parametrize("args", [
    ("add", "x\x1b[2J", "-e", "pemilu-2024", "--name", "X", "--start", "2024-03-01",
     "--source", "x"),
    ("add", "x", "-e", "pemilu\x1b[2J", "--name", "X", "--start", "2024-03-01", "--source", "x"),
    ("add", "x", "--name", "X", "--start", "2024-03-01\x1b[2J", "--source", "x"),
    ("edit", "x\x1b[2J", "--name", "X"),
])
def test_control_characters_are_never_echoed_raw(small_file: Path, args: tuple[str, ...]
                                                 ) -> None:
    before = small_file.read_bytes()
    result = run(*args, "-f", small_file, code=1)
    assert "\x1b" not in result.stderr and "\\x1b" in result.stderr
    assert small_file.read_bytes() == before


@pytest.mark.parametrize(("args", "shown"), [
    (("edit", "x\u202e", "--name", "X"), "x\\u202e"),
    (("add", "x", "-e", "pemilu\x85", "--name", "X", "--start", "2024-03-01", "--source", "x"),
     "pemilu\\x85"),
    (("add", "x\u2066", "-e", "pemilu-2024", "--name", "X", "--start", "2024-03-01",
      "--source", "x"), "x\\u2066"),
    (("add", "x", "--name", "X\u202eY", "--start", "2024-03-01", "--source", "x"), "U+202E"),
    (("add", "x", "--name", "X", "--note", "a\u2028b", "--start", "2024-03-01",
      "--source", "x"), "U+2028"),
    (("add", "x", "--name", "X", "--start", "2024-03-01\u202e", "--source", "x"), "\\u202e"),
])
def test_c1_and_bidi_controls_are_never_echoed_raw(small_file: Path, args: tuple[str, ...],
                                                   shown: str) -> None:
    """A bidi override or a C1 control in an argument must not reorder or drive the terminal."""
    before = small_file.read_bytes()
    result = run(*args, "-f", small_file, "--lang", "en", code=1)
    assert not any(c in result.stderr for c in "\x85\u202e\u2066\u2028"), result.stderr
    assert shown in result.stderr
    assert small_file.read_bytes() == before


def test_a_read_only_file_is_not_replaced(small_file: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from pemilu_timeline.schedule import store

    small_file.chmod(0o444)
    if os.access(small_file, os.W_OK):  # root may write anything; pretend it may not
        monkeypatch.setattr(store, "_writable", lambda target: False)
    before = small_file.read_bytes()
    result = run(*ADD, "--start", "2024-03-01", "-f", small_file, "--lang", "en", code=1)
    assert "read-only" in result.stderr
    assert small_file.read_bytes() == before


def test_core_of_editing_needs_no_typer_and_read_commands_no_edit_libraries() -> None:
    """editing/store/diff/dateparse are core; `now` must not pay for dateutil's parser,
    tomli-w or the lock."""
    import subprocess
    import sys

    core = ("import sys; import pemilu_timeline.schedule.edit, pemilu_timeline.schedule.store, "
            "pemilu_timeline.diff, pemilu_timeline.dateparse; "
            "print(sorted(m for m in ('typer', 'rich', 'click') if m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", core], capture_output=True, text=True,
                          check=True).stdout.strip() == "[]"
    read = ("import sys; from typer.testing import CliRunner; "
            "from pemilu_timeline.cli.app import app; "
            "CliRunner().invoke(app, ['now', '--at', '2024-02-12']); "
            "print(sorted(m for m in ('dateutil.parser', 'tomli_w', "
            "'pemilu_timeline.schedule.store', 'pemilu_timeline.schedule.edit') "
            "if m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", read], capture_output=True, text=True,
                          check=True).stdout.strip() == "[]"


def test_english_reason_and_condition_are_shown_in_english(small_file: Path) -> None:
    run("edit", "kampanye", "-f", small_file, "--state", "cancelled", "--reason", "Dibatalkan",
        "--reason-en", "Called off", "--condition-en", "Only if needed")
    shown = run("show", "kampanye", "-f", small_file, "--lang", "en").stdout
    assert "cancelled: Called off" in shown and "Dibatalkan" not in shown
    assert "Only if needed" in shown  # no Indonesian condition: the English one stands
    data = run_json("show", "kampanye", "-f", small_file)
    assert (data["reason"], data["reason_en"], data["condition_en"]) == (
        "Dibatalkan", "Called off", "Only if needed")
    assert "dibatalkan: Dibatalkan" in run("show", "kampanye", "-f", small_file).stdout


def test_diff_of_a_missing_file_points_at_the_name_not_at_file(small_file: Path,
                                                                tmp_path: Path) -> None:
    result = run("diff", tmp_path / "before.toml", small_file, "--lang", "en", code=1)
    assert "no such file or directory. Check the file name." in result.stderr
    assert "--file" not in result.stderr
    result = run("validate", tmp_path / "before.toml", "--lang", "en", code=1)
    assert "Check the file name." in result.stderr


def test_a_note_in_each_language(small_file: Path) -> None:
    run("edit", "kampanye", "-f", small_file, "--note", "Catatan.", "--note-en", "A note.")
    assert "A note." in run("show", "kampanye", "-f", small_file, "--lang", "en").stdout
    shown = run("show", "kampanye", "-f", small_file).stdout
    assert "Catatan." in shown and "A note." not in shown
    assert run_json("list", "-f", small_file, "--tag", "kampanye")[0]["note_en"] == "A note."


@pytest.mark.parametrize("seconds", ["nan", "inf", "-inf", "-1", "3601"])
@pytest.mark.parametrize("given", ["option", "environment"])
def test_a_lock_timeout_beyond_reason_is_a_usage_error(small_file: Path, seconds: str,
                                                       given: str) -> None:
    before = small_file.read_bytes()
    args = ("--lock-timeout", seconds) if given == "option" else ()
    env = {"PEMILU_TIMELINE_LOCK_TIMEOUT": seconds} if given == "environment" else None
    result = run(*ADD, "--start", "2024-03-01", "-f", small_file, *args, "--lang", "en",
                 code=2, env=env)
    assert result.stderr.strip() == (
        "Error: --lock-timeout (or $PEMILU_TIMELINE_LOCK_TIMEOUT) must be seconds from 0 to "
        f"3600, not '{float(seconds):g}'.")
    assert small_file.read_bytes() == before


@pytest.mark.parametrize("command", [("now",), ("validate",), (*ADD, "--start", "2024-03-01")])
def test_a_symlink_loop_as_the_file_is_one_line_not_a_traceback(tmp_path: Path,
                                                                command: tuple[str, ...]) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    result = run(*command, "-f", loop, "--lang", "en", code=1)
    assert isinstance(result.exception, SystemExit), result.exception  # not a traceback
    assert result.stderr.startswith(f"Error: Cannot read schedule file {loop}")
    assert "its symbolic links go round in a loop" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_huge_stage_query_is_refused_at_once(small_file: Path) -> None:
    import time

    began = time.monotonic()
    result = run("edit", "a" * 10**6, "--name", "X", "-f", small_file, "--lang", "en", code=1)
    assert time.monotonic() - began < 0.5
    assert result.stderr.startswith("Error: Unknown stage 'aaaa") and "…'" in result.stderr
    assert len(result.stderr) < 300
