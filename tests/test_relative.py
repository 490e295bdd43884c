"""Stages as the law writes them: relative, pending, cancelled, tentative, zone-pinned."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from pemilu_timeline import ScheduleInvalid, countdown_to, parse_moment, parse_schedule
from pemilu_timeline.model import Schedule, Status
from pemilu_timeline.rules.describe import describe_rule
from pemilu_timeline.timing import resolve_zone
from tests.conftest import ASSETS
from tests.helpers import run, run_json

RELATIVE = ASSETS / "relative.toml"
TEXT = RELATIVE.read_text()
D = dt.date


def load(text: str = TEXT) -> Schedule:
    return parse_schedule(text, "relative.toml")


def at(text: str, zone: str = "WIB") -> dt.datetime:
    return parse_moment(text, resolve_zone(zone))


def dated_ruling(day: str = "2024-04-22") -> str:
    return TEXT.replace("undated = true", f"start = {day}")


def window(schedule: Schedule, key: str) -> tuple[object, object]:
    stage = schedule.get(f"pemilu-2024/{key}")
    assert stage is not None
    return stage.start, stage.end


def test_until_the_anchor_is_dated_the_chain_is_pending() -> None:
    schedule = load()
    moment = at("2024-04-23")
    for key in ("putusan-mk", "penetapan-terpilih", "pelantikan-persiapan"):
        stage = schedule.get(f"pemilu-2024/{key}")
        assert stage is not None and stage.phase_at(moment) is Status.PENDING
    assert schedule.active(moment) == []
    assert schedule.next_to_start(at("2024-04-01")) is None


def test_dating_the_anchor_dates_the_chain() -> None:
    schedule = load(dated_ruling())
    # "paling lambat 3 hari setelah putusan": a deadline, dated on its last allowed day.
    assert window(schedule, "penetapan-terpilih") == (D(2024, 4, 25), D(2024, 4, 25))
    # "paling cepat 2 hari setelah" that deadline, lasting 5 days.
    assert window(schedule, "pelantikan-persiapan") == (D(2024, 4, 27), D(2024, 5, 1))
    stage = schedule.get("pemilu-2024/penetapan-terpilih")
    assert stage is not None and stage.dated_by_rule
    # Counted down to as a deadline: upcoming the day before, on on its day.
    assert stage.phase_at(at("2024-04-24")) is Status.UPCOMING
    assert stage.phase_at(at("2024-04-25")) is Status.ACTIVE


def test_a_date_written_in_the_file_must_obey_its_rule() -> None:
    text = dated_ruling().replace('name = "Penetapan Calon Terpilih"',
                                  'name = "Penetapan Calon Terpilih"\nstart = 2024-04-24')
    assert window(load(text), "penetapan-terpilih") == (D(2024, 4, 24), D(2024, 4, 24))
    with pytest.raises(ScheduleInvalid) as error:
        load(text.replace("start = 2024-04-24", "start = 2024-04-29"))
    assert [p.key for p in error.value.problems] == ["problem.anchor_contradicts"]


def test_unknown_anchor_and_cycles_are_refused() -> None:
    with pytest.raises(ScheduleInvalid) as error:
        load(TEXT.replace('stage = "putusan-mk"', 'stage = "putusan-ma"'))
    (problem,) = error.value.problems
    assert problem.key == "problem.anchor_unknown" and problem.stage == \
        "pemilu-2024/penetapan-terpilih" and problem.line == 41
    cyclic = TEXT.replace('undated = true',
                          'after = { stage = "pelantikan-persiapan", days = 1 }')
    with pytest.raises(ScheduleInvalid) as error:
        load(cyclic)
    assert {p.key for p in error.value.problems} == {"problem.anchor_cycle"}
    assert {p.stage for p in error.value.problems} == {
        "pemilu-2024/putusan-mk", "pemilu-2024/penetapan-terpilih",
        "pemilu-2024/pelantikan-persiapan"}
    # A stage that only leads into a cycle is not part of it.
    two = TEXT.replace('stage = "pemilu-2024/penetapan-terpilih"', 'stage = "debat-tambahan"')
    two = two.replace('undated = true', 'after = { stage = "penetapan-terpilih" }')
    two = two.replace('start = 2024-02-04\nstate = "tentative"',
                      'after = { stage = "putusan-mk" }')
    with pytest.raises(ScheduleInvalid) as error:
        load(two)
    assert sorted(p.stage or "" for p in error.value.problems) == [
        "pemilu-2024/penetapan-terpilih", "pemilu-2024/putusan-mk"]


def test_a_stage_needs_a_start_an_anchor_or_undated() -> None:
    with pytest.raises(ScheduleInvalid) as error:
        load(TEXT.replace("undated = true\n", ""))
    assert [p.key for p in error.value.problems] == ["problem.missing_start"]


def test_contradictory_rules_are_refused() -> None:
    both = TEXT.replace('source = "PKPU 3/2022, Lampiran"\n\n[stages.after]',
                        'source = "PKPU 3/2022, Lampiran"\nundated = true\n\n[stages.after]')
    latest_with_length = TEXT.replace('sense = "at-latest"\n',
                                      'sense = "at-latest"\nduration = 2\n')
    for text, key in ((both, "problem.undated_with_after"),
                      (latest_with_length, "rule.problem.duration_unused")):
        assert text != TEXT
        with pytest.raises(ScheduleInvalid) as error:
            load(text)
        assert [(p.stage, p.key) for p in error.value.problems] == [
            ("pemilu-2024/penetapan-terpilih", key)]


def test_cancelled_stages_are_never_counted_down_to() -> None:
    schedule = load()
    moment = at("2024-05-01")
    runoff = schedule.get("pemilu-2024/kampanye-putaran-kedua")
    assert runoff is not None and runoff.phase_at(moment) is Status.CANCELLED
    assert runoff.phase_at(at("2024-06-10")) is Status.CANCELLED
    assert schedule.active(at("2024-06-10")) == []
    assert schedule.next_to_start(moment) is None
    result = run("countdown", "kampanye-putaran-kedua", "-f", RELATIVE, code=1)
    assert "dibatalkan" in result.stderr and "Putaran pertama" in result.stderr


def test_pending_stage_has_no_countdown_and_says_what_it_waits_for() -> None:
    result = run("countdown", "penetapan-terpilih", "-f", RELATIVE, "--lang", "en", code=1)
    assert "waits for pemilu-2024/putusan-mk" in result.stderr
    assert "pemilu-timeline edit pemilu-2024/putusan-mk --start" in result.stderr


def test_json_says_which_is_which() -> None:
    data = {s["id"]: s for s in run_json("list", "-f", RELATIVE, "--at", "2024-02-14T10:00")}
    assert data["putusan-mk"]["status"] == "pending" and data["putusan-mk"]["start"] is None
    assert data["penetapan-terpilih"]["after"] == {
        "stage": "pemilu-2024/putusan-mk", "days": 3, "sense": "at-latest", "edge": "end",
        "duration": 1, "direction": "after", "years": 0, "months": 0, "working_days": 0, "hours": 0,
        "counting": "next-day", "latest": None, "computed": False}
    assert data["kampanye-putaran-kedua"]["status"] == "cancelled"
    assert data["kampanye-putaran-kedua"]["reason"] == "Putaran pertama menghasilkan pemenang"
    assert data["debat-tambahan"]["state"] == "tentative"
    # A tentative stage reports `tentative`; where it stands in time is its `phase`.
    assert (data["debat-tambahan"]["status"], data["debat-tambahan"]["phase"]) == (
        "tentative", "past")
    assert data["kampanye-putaran-kedua"]["phase"] == "cancelled"
    assert data["pemungutan-suara"]["status"] == "active"
    assert [s["id"] for s in run_json("list", "-f", RELATIVE, "--status", "pending")] == [
        "pelantikan-persiapan", "penetapan-terpilih", "putusan-mk"]


def test_list_shows_pending_apart_and_show_explains_the_rule(tmp_path: Path) -> None:
    out = run("list", "-f", RELATIVE, "--at", "2024-02-14").stdout
    assert "Belum bertanggal (3)" in out
    assert "menunggu Putusan MK" in out  # the anchor by name, as a reporter would say it
    out = run("show", "penetapan-terpilih", "-f", RELATIVE, "--lang", "en").stdout
    assert "at the latest 3 days after Constitutional Court ruling (date not yet known)" in out
    dated = tmp_path / "dated.toml"
    dated.write_text(dated_ruling())
    out = run("show", "penetapan-terpilih", "-f", dated, "--at", "2024-04-20").stdout
    assert "paling lambat 3 hari setelah Putusan MK (22 April 2024)" in out
    assert "paling lambat 25 April 2024" in out


@pytest.mark.parametrize(("zone", "clock"), [("WIB", "15.00 WIB"), ("WITA", "16.00 WITA"),
                                             ("WIT", "17.00 WIT")])
def test_a_moment_pinned_to_wib_reads_right_in_every_zone(zone: str, clock: str) -> None:
    out = run("countdown", "hitung-cepat", "-f", RELATIVE, "--at", "2024-02-14T06:00:00Z",
              "--tz", zone).stdout
    assert f"Rabu, 14 Februari 2024 {clock}" in out
    assert "2 jam lagi" in out  # 06.00 UTC is 13.00 WIB: two hours to go everywhere


def test_zone_pinned_moment_status_in_the_east() -> None:
    schedule = load()
    quick = schedule.get("pemilu-2024/hitung-cepat")
    assert quick is not None
    # 16.30 WIT is 14.30 WIB: not yet, although it is past 15.00 on a Jayapura clock.
    assert quick.phase_at(at("2024-02-14T16:30", "WIT")) is Status.UPCOMING
    assert quick.phase_at(at("2024-02-14T17:00", "WIT")) is Status.PAST
    cd = countdown_to(quick, at("2024-02-14T16:30", "WIT"))
    assert cd.delta == dt.timedelta(minutes=30) and cd.label == "H"


def test_tentative_stages_are_shown_while_on_and_filtered_either_way() -> None:
    on_the_day = ("-f", RELATIVE, "--at", "2024-02-04T10:00")
    assert [s["id"] for s in run_json("list", *on_the_day, "--status", "tentative")] == [
        "debat-tambahan"]
    active = [s["id"] for s in run_json("list", *on_the_day, "--status", "active")]
    assert "debat-tambahan" in active
    now = run_json("now", *on_the_day)
    assert [(s["id"], s["status"], s["phase"]) for s in now["active"]
            if s["id"] == "debat-tambahan"] == [("debat-tambahan", "tentative", "active")]
    assert "berlangsung (tentatif)" in run("list", *on_the_day).stdout


def test_a_stage_counted_from_a_cancelled_one_says_it_will_not_be_dated(tmp_path: Path) -> None:
    text = TEXT + textwrap.dedent("""
        [[stages]]
        id = "masa-tenang-putaran-kedua"
        election = "pemilu-2024"
        name = "Masa Tenang Putaran Kedua"
        name_en = "Runoff quiet period"
        source = "fixture"
        after = { stage = "kampanye-putaran-kedua", days = 1, duration = 3 }
        """)
    path = tmp_path / "s.toml"
    path.write_text(text)
    stage = load(text).get("pemilu-2024/masa-tenang-putaran-kedua")
    assert stage is not None and not stage.is_dated
    out = run("show", "masa-tenang-putaran-kedua", "-f", path, "--at", "2024-06-01").stdout
    assert "tidak akan bertanggal: Masa Kampanye Putaran Kedua dibatalkan" in out


def test_now_names_the_pending_and_the_cancelled_stages() -> None:
    data = run_json("now", "-f", RELATIVE, "--at", "2024-06-10T10:00")
    assert [s["id"] for s in data["pending"]] == [
        "pelantikan-persiapan", "penetapan-terpilih", "putusan-mk"]
    assert all(s["status"] == "pending" for s in data["pending"])
    assert [(s["id"], s["status"]) for s in data["cancelled"]] == [
        ("kampanye-putaran-kedua", "cancelled")]
    assert data["active"] == []  # a cancelled stage is never "on"
    before = run_json("now", "-f", RELATIVE, "--at", "2024-06-01T10:00")
    assert before["cancelled"] == []  # only while its dates would have it on
    out = " ".join(run("now", "-f", RELATIVE, "--at", "2024-06-10T10:00").stdout.split())
    assert "Dibatalkan, tidak berlangsung: Masa Kampanye Putaran Kedua" in out
    assert "Belum bertanggal (3):" in out and "menunggu Putusan MK" in out


def test_timeline_lists_waiting_stages_after_the_bars_and_marks_cancelled_ones() -> None:
    lines = run("timeline", "-f", RELATIVE, "--at", "2024-02-14", "--width", "100"
                ).stdout.splitlines()
    runoff = next(line for line in lines if line.startswith("Masa Kampanye Putaran Kedua"))
    assert "╳" in runoff and "█" not in runoff
    marker = next(i for i, line in enumerate(lines) if "▲ sekarang" in line)
    waiting = [line.split(maxsplit=2)[-1] for line in lines[marker + 1:]]
    assert [line.split("  ")[0] for line in lines[marker + 1:]] == [
        "Persiapan Pelantikan", "Penetapan Calon Terpilih", "Putusan MK"]
    assert waiting[1].strip().endswith("menunggu Putusan MK")
    assert lines[-1].rstrip().endswith("tanggal belum diketahui")


@pytest.mark.parametrize("width", [30, 40, 60])
def test_timeline_rows_never_wrap_at_narrow_widths(width: int) -> None:
    out = run("timeline", "-e", "pilkada-2024", "--tag", "kampanye", "--at", "2024-11-01",
              env={"COLUMNS": str(width)}).stdout
    rows = out.splitlines()
    assert len(rows) == 6  # title, months, three stages, the now marker
    assert all(len(row.rstrip()) <= width for row in rows)


def test_export_words_a_rule_as_show_does(tmp_path: Path) -> None:
    path = tmp_path / "dated.toml"
    path.write_text(dated_ruling())
    schedule = load(dated_ruling())
    data = run("export", "ical", "-f", path).stdout_bytes.decode().replace("\r\n ", "")
    for key in ("pemilu-2024/penetapan-terpilih", "pemilu-2024/pelantikan-persiapan"):
        stage = schedule.get(key)
        assert stage is not None
        rule = describe_rule(schedule, stage, "id").replace(",", "\\,")
        assert f"Aturan: {rule}" in data
        assert rule in " ".join(run("show", key, "-f", path).stdout.split())
