"""The iCal export: golden files, strict parsers, stable UIDs, exact text, RFC 5545 framing.

Golden files are compared byte for byte. After an intended change, regenerate them with

    UPDATE_GOLDEN=1 /tmp/venv/bin/python -m pytest tests/test_export_ical.py -k golden

and review the diff of tests/assets/export/*.ics before committing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from pathlib import Path

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from pemilu_timeline.exports.ical import describe, parse_duration, stage_uid, summary, to_ical
from pemilu_timeline.model import Election, Schedule, Stage, State
from pemilu_timeline.schedule.locate import bundled_path
from pemilu_timeline.schedule.read import load_schedule
from tests.helpers import run

ASSETS = Path(__file__).parent / "assets"
SMALL = ASSETS / "small.toml"
STATES = ASSETS / "export" / "states.toml"
GOLDEN = ASSETS / "export"


@pytest.fixture(autouse=True)
def no_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def export(*args: str | Path) -> bytes:
    return run("export", "ical", *args).stdout_bytes


def parse_both(data: bytes) -> tuple[vobject.base.Component, object]:
    """Both strict parsers must accept the file; returns what each made of it."""
    text = data.decode("utf-8")
    return vobject.readOne(text, validate=True), IcsCalendarStream.calendar_from_ics(text)


def events_by_uid(data: bytes) -> dict[str, str]:
    """Each VEVENT's raw text, keyed by UID."""
    text = data.decode("utf-8")
    blocks = re.findall(r"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", text, flags=re.S)
    return {re.search(r"\r\nUID:(.*?)\r\n", b).group(1): b for b in blocks}  # type: ignore[union-attr]


def lines_of(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def unfolded(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


# --- golden files ---------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "args"), [
    ("small.ics", ("-f", SMALL)),
    ("states.ics", ("-f", STATES, "--lang", "en", "--alarm", "1d")),
])
def test_golden(name: str, args: tuple[str | Path, ...]) -> None:
    data = export(*args)
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(data)
    assert data == golden.read_bytes(), f"{name} changed; see this module's docstring"


# --- every export is valid ------------------------------------------------------------------

@pytest.mark.parametrize("source", [SMALL, STATES, bundled_path()], ids=["small", "states",
                                                                          "bundled"])
@pytest.mark.parametrize("extra", [(), ("--lang", "en"), ("--alarm", "2h"), ("--tz", "WIT")])
def test_strict_parsers_accept_every_export(source: Path, extra: tuple[str, ...]) -> None:
    data = export("-f", source, *extra)
    strict, other = parse_both(data)
    dated = [s for s in load_schedule(source) if s.is_dated]
    assert len(strict.vevent_list) == len(dated)
    assert len(other.events) == len(dated)  # type: ignore[attr-defined]


@pytest.mark.parametrize("source", [SMALL, STATES, bundled_path()], ids=["small", "states",
                                                                          "bundled"])
def test_crlf_and_lines_of_at_most_75_octets(source: Path) -> None:
    data = export("-f", source, "--alarm", "1d")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    for line in lines_of(data):
        assert len(line) <= 75, line
        line.decode("utf-8")  # folding never splits a UTF-8 sequence


def test_version_and_prodid_once_and_calendar_named_after_the_election() -> None:
    text = export("-f", SMALL).decode()
    assert text.count("\r\nVERSION:2.0\r\n") == 1
    assert text.count("\r\nPRODID:") == 1
    assert "\r\nNAME:Pemilihan Umum 2024\r\n" in text
    assert "\r\nX-WR-CALNAME:Pemilihan Umum 2024\r\n" in text
    english = export("-f", SMALL, "--lang", "en").decode()
    assert "\r\nX-WR-CALNAME:2024 General Election\r\n" in english
    assert "\r\nSUMMARY:Quiet period\r\n" in english


def test_one_event_per_stage_in_the_filters() -> None:
    assert len(events_by_uid(export("-f", SMALL))) == 5
    by_tag = events_by_uid(export("-f", SMALL, "--tag", "kampanye"))
    assert set(by_tag) == {"pemilu-2024.kampanye@pemilu-timeline",
                           "pemilu-2024.masa-tenang@pemilu-timeline"}
    window = events_by_uid(export("-f", SMALL, "--from", "2024-02-14", "--to", "2024-02-14"))
    assert len(window) == 2  # the voting day and its hours


# --- stable identity, updates and determinism -----------------------------------------------

def test_uid_is_the_stage_key() -> None:
    schedule = load_schedule(SMALL)
    stage = schedule.find("pemilu-2024/masa-tenang")
    assert stage_uid(stage) == "pemilu-2024.masa-tenang@pemilu-timeline"
    assert set(events_by_uid(export("-f", SMALL))) == {stage_uid(s) for s in schedule}


def test_events_unchanged_when_another_stage_is_added_or_removed() -> None:
    schedule = load_schedule(SMALL)
    before = events_by_uid(to_ical(schedule, schedule.stages, "id"))
    extra = dataclasses.replace(schedule.stages[0], id="debat-capres", name="Debat Capres",
                                start=dt.date(2023, 12, 12), end=dt.date(2023, 12, 12))
    removed = schedule.find("rekapitulasi")
    changed = Schedule.build(schedule.elections,
                             [s for s in schedule if s is not removed] + [extra])
    after = events_by_uid(to_ical(changed, changed.stages, "id"))
    assert set(after) == set(before) - {stage_uid(removed)} | {stage_uid(extra)}
    for uid in set(before) & set(after):
        assert after[uid] == before[uid]


def test_two_exports_give_the_same_bytes() -> None:
    assert export("-f", STATES) == export("-f", STATES)
    assert export("-f", bundled_path()) == export("-f", bundled_path())


def test_sequence_last_modified_and_dtstamp_come_from_the_data() -> None:
    events = events_by_uid(export("-f", STATES))
    edited = events["pemilu-2024.pemungutan-suara@pemilu-timeline"]
    assert "\r\nSEQUENCE:3\r\n" in edited
    assert "\r\nLAST-MODIFIED:20240105T030000Z\r\n" in edited
    assert "\r\nDTSTAMP:20240105T030000Z\r\n" in edited
    # A stage never edited is stamped with the schedule's latest edit, and has no LAST-MODIFIED.
    other = events["pemilu-2024.sengketa-mk@pemilu-timeline"]
    assert "\r\nSEQUENCE:1\r\n" in other
    assert "LAST-MODIFIED" not in other
    assert "\r\nDTSTAMP:20240105T030000Z\r\n" in other
    # No `updated` anywhere: a fixed epoch, never the clock.
    assert "\r\nDTSTAMP:19700101T000000Z\r\n" in export("-f", SMALL).decode()


def test_source_date_epoch_stamps_stages_without_updated() -> None:
    env = {"SOURCE_DATE_EPOCH": "1707868800"}  # 2024-02-14T00:00:00Z
    data = run("export", "ical", "-f", STATES, env=env).stdout_bytes
    events = events_by_uid(data)
    assert "\r\nDTSTAMP:20240214T000000Z\r\n" in events["pemilu-2024.sengketa-mk@pemilu-timeline"]
    assert "\r\nDTSTAMP:20240105T030000Z\r\n" in events[
        "pemilu-2024.pemungutan-suara@pemilu-timeline"]
    run("export", "ical", "-f", STATES, env={"SOURCE_DATE_EPOCH": "soon"}, code=1)


# --- dates and times --------------------------------------------------------------------------

@pytest.mark.parametrize(("stage", "start", "end"), [
    ("masa-tenang", dt.date(2024, 2, 11), dt.date(2024, 2, 14)),
    ("pemungutan-suara", dt.date(2024, 2, 14), dt.date(2024, 2, 15)),
    ("kampanye", dt.date(2023, 11, 28), dt.date(2024, 2, 11)),
])
def test_all_day_end_is_the_day_after_the_last(stage: str, start: dt.date, end: dt.date) -> None:
    _, calendar = parse_both(export("-f", SMALL))
    (event,) = [e for e in calendar.events  # type: ignore[attr-defined]
                if e.uid == f"pemilu-2024.{stage}@pemilu-timeline"]
    assert (event.dtstart, event.dtend) == (start, end)
    raw = events_by_uid(export("-f", SMALL))[f"pemilu-2024.{stage}@pemilu-timeline"]
    assert f"DTSTART;VALUE=DATE:{start:%Y%m%d}\r\n" in raw
    assert f"DTEND;VALUE=DATE:{end:%Y%m%d}\r\n" in raw


def test_local_time_stages_carry_the_election_zone_by_default() -> None:
    data = export("-f", SMALL)
    raw = events_by_uid(data)["pemilu-2024.jam-pemungutan-suara@pemilu-timeline"]
    assert "\r\nDTSTART;TZID=Asia/Jakarta:20240214T070000\r\n" in raw
    assert "\r\nDTEND;TZID=Asia/Jakarta:20240214T130000\r\n" in raw
    assert data.decode().count("BEGIN:VTIMEZONE") == 1
    assert "dalam zona Asia/Jakarta" in "".join(unfolded(data))


def test_floating_writes_local_time_stages_without_a_zone() -> None:
    data = export("-f", SMALL, "--floating")
    raw = events_by_uid(data)["pemilu-2024.jam-pemungutan-suara@pemilu-timeline"]
    assert "\r\nDTSTART:20240214T070000\r\n" in raw
    assert "\r\nDTEND:20240214T130000\r\n" in raw
    assert "VTIMEZONE" not in data.decode()
    parse_both(data)
    run("export", "ical", "-f", SMALL, "--floating", "--tz", "WIT", code=2)
    run("export", "json", "-f", SMALL, "--floating", code=2)


def test_tz_pins_local_time_stages_with_a_vtimezone() -> None:
    data = export("-f", SMALL, "--tz", "WITA")
    text = data.decode()
    assert "\r\nDTSTART;TZID=Asia/Makassar:20240214T070000\r\n" in text
    assert "\r\nDTEND;TZID=Asia/Makassar:20240214T130000\r\n" in text
    assert text.count("BEGIN:VTIMEZONE") == 1
    assert "\r\nTZID:Asia/Makassar\r\n" in text
    _, calendar = parse_both(data)
    (event,) = [e for e in calendar.events  # type: ignore[attr-defined]
                if isinstance(e.dtstart, dt.datetime)]
    assert event.dtstart.utcoffset() == dt.timedelta(hours=8)
    run("export", "ical", "-f", SMALL, "--tz", "Mars/Olympus", code=1)


def test_zone_pinned_stage_keeps_its_zone_and_has_no_bare_offsets() -> None:
    data = export("-f", STATES)
    text = data.decode()
    raw = events_by_uid(data)["pemilu-2024.hitung-cepat@pemilu-timeline"]
    assert "\r\nDTSTART;TZID=Asia/Jakarta:20240214T150000\r\n" in raw
    assert "DTEND" not in raw  # a moment: RFC 5545 wants DTEND after DTSTART, so none
    assert "\r\nTZID:Asia/Jakarta\r\n" in text
    for line in unfolded(data):
        if line.startswith(("DTSTART", "DTEND")):
            assert not re.search(r"[+-]\d{2}:?\d{2}$|Z$", line), line
    strict, _ = parse_both(data)
    (moment,) = [e for e in strict.vevent_list if e.uid.value.startswith("pemilu-2024.hitung")]
    assert moment.dtstart.value.astimezone(dt.UTC) == dt.datetime(2024, 2, 14, 8, tzinfo=dt.UTC)


# --- states ----------------------------------------------------------------------------

def test_status_follows_the_stage_state_and_pending_stages_are_left_out() -> None:
    data = export("-f", STATES)
    events = events_by_uid(data)
    status = {uid: re.search(r"\r\nSTATUS:(\w+)\r\n", raw).group(1)  # type: ignore[union-attr]
              for uid, raw in events.items()}
    assert status["pemilu-2024.pemungutan-suara-putaran-2@pemilu-timeline"] == "CANCELLED"
    assert status["pemilu-2024.sengketa-mk@pemilu-timeline"] == "TENTATIVE"
    assert status["pemilu-2024.pemungutan-suara@pemilu-timeline"] == "CONFIRMED"
    assert "pemilu-2024.putusan-ulang@pemilu-timeline" not in events
    assert "pemilu-2024.penetapan-ulang@pemilu-timeline" not in events
    # A stage dated by its rule is exported, and says which rule.
    assert "pemilu-2024.penetapan-presiden@pemilu-timeline" in events


def test_cancelled_stage_says_why_in_title_and_description() -> None:
    strict, _ = parse_both(export("-f", STATES))
    (event,) = [e for e in strict.vevent_list if e.uid.value.startswith(
        "pemilu-2024.pemungutan-suara-putaran-2")]
    assert event.summary.value == "[Dibatalkan] Pemungutan Suara Putaran Kedua"
    assert event.description.value.startswith(
        "Dibatalkan. Alasan: Putaran pertama menghasilkan pemenang;")
    assert event.url.value == "https://jdih.kpu.go.id/"


# --- text ----------------------------------------------------------------------------

def test_description_categories_and_no_injected_property() -> None:
    strict, other = parse_both(export("-f", STATES))
    (event,) = [e for e in strict.vevent_list if e.uid.value.startswith("pemilu-2024.sengketa")]
    assert "DESCRIPTION:injected\n" in event.description.value
    assert len(event.contents["description"]) == 1
    assert event.description.value.endswith("\nSumber: PKPU 3/2022; UU 7/2017")
    (parsed,) = [e for e in other.events if e.uid.startswith("pemilu-2024.sengketa")]  # type: ignore[attr-defined]
    assert parsed.categories == ["sengketa", '=HYPERLINK("x")']


# Text the loader accepts: names have no control characters, notes may hold tabs and newlines;
# neither holds C1 controls, line or paragraph separators or bidirectional controls.
REFUSED_ANYWHERE = [*range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F, *range(0x2028, 0x202F),
                    *range(0x2066, 0x206A)]
NAME = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=[
    chr(c) for c in [*range(0x20), *REFUSED_ANYWHERE]]), min_size=1, max_size=300
    ).filter(str.strip)
NOTE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=[
    chr(c) for c in [*range(0x09), *range(0x0B, 0x20), *REFUSED_ANYWHERE]]), min_size=1,
    max_size=600)
TRICKY = st.sampled_from([";", ",", "\\", "\\n", "\n", ":", '"', "🗳️", "é" * 80,
                          "\nEND:VEVENT\nBEGIN:VEVENT", "\\;", " ", "\t"])


def _mixed(base: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(base, TRICKY), min_size=1, max_size=6).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_mixed(NAME), name_en=_mixed(NAME), note=_mixed(NOTE), tag=NAME)
def test_arbitrary_names_and_notes_round_trip_exactly(name: str, name_en: str, note: str,
                                                      tag: str) -> None:
    election = Election(id="e", name=name, name_en=name_en, timezone="Asia/Jakarta",
                        source="s")
    stage = Stage(id="x", election="e", name=name, name_en=name_en, start=dt.date(2024, 2, 14),
                  end=dt.date(2024, 2, 14), source=note, note=note, tags=(tag,),
                  state=State.TENTATIVE)
    plain = dataclasses.replace(stage, id="y", state=State.CONFIRMED)
    schedule = Schedule.build({"e": election}, [stage, plain])
    for lang, title in (("id", name), ("en", name_en)):
        data = to_ical(schedule, schedule.stages, lang, alarm=dt.timedelta(hours=1))
        for line in lines_of(data):
            assert len(line) <= 75
            line.decode("utf-8")
        strict, other = parse_both(data)
        assert strict.contents["name"][0].value == title
        assert other.name == [title]  # type: ignore[attr-defined]
        for event in strict.vevent_list:
            original = stage if event.uid.value == stage_uid(stage) else plain
            assert event.summary.value == summary(original, lang)
            assert event.description.value == describe(schedule, original, lang)
            assert note in event.description.value
            assert event.valarm.description.value == summary(original, lang)
        by_uid = {e.uid: e for e in other.events}  # type: ignore[attr-defined]
        assert by_uid[stage_uid(plain)].summary == title
        assert by_uid[stage_uid(stage)].description == describe(schedule, stage, lang)
        assert strict.vevent.categories.value == [tag]
        if "," not in tag:  # ical 14 splits CATEGORIES on escaped commas too (its bug)
            assert by_uid[stage_uid(stage)].categories == [tag]


def test_control_characters_from_code_cannot_break_the_file() -> None:
    election = Election(id="e", name="E", name_en="E", timezone="Asia/Jakarta", source="s")
    stage = Stage(id="x", election="e", name="a\r\nDESCRIPTION:x\rb\x00c", name_en="n",
                  start=dt.date(2024, 1, 1), end=dt.date(2024, 1, 1), source="s",
                  url="https://example.org/\r\nX-INJECTED:1")
    schedule = Schedule.build({"e": election}, [stage])
    data = to_ical(schedule, schedule.stages, "id")
    strict, _ = parse_both(data)
    assert strict.vevent.summary.value == "a\nDESCRIPTION:x\nbc"
    assert "X-INJECTED" not in unfolded(data)[0]
    assert not any(line.startswith("X-INJECTED") for line in unfolded(data))


@pytest.mark.parametrize(("char", "summary_text"), [
    ("\u2028", "a\nUID:evil"), ("\u2029", "a\nUID:evil"), ("\x85", "a\nUID:evil"),
    ("\u202e", "aUID:evil"), ("\u2066", "aUID:evil"), ("\x9b", "aUID:evil"),
])
def test_unicode_breaks_and_bidi_from_code_cannot_break_the_file(char: str,
                                                                  summary_text: str) -> None:
    """A reader that splits lines the Unicode way must not see a property of the note's."""
    election = Election(id="e", name="E", name_en="E", timezone="Asia/Jakarta", source="s")
    stage = Stage(id="x", election="e", name=f"a{char}UID:evil", name_en="n",
                  start=dt.date(2024, 1, 1), end=dt.date(2024, 1, 1), source="s",
                  note=f"a{char}UID:evil", tags=(f"t{char}UID:evil",),
                  url=f"https://example.org/{char}UID:evil")
    schedule = Schedule.build({"e": election}, [stage])
    text = to_ical(schedule, schedule.stages, "id").decode("utf-8")
    assert char not in text
    lines = text.splitlines()
    assert not any(line.startswith("UID:evil") for line in lines)
    assert [line for line in lines if line.startswith("UID:")] == ["UID:e.x@pemilu-timeline"]
    strict, _ = parse_both(text.encode("utf-8"))
    assert strict.vevent.summary.value == summary_text


# --- alarms ----------------------------------------------------------------------------

def test_alarm_before_each_stage_but_not_cancelled_ones() -> None:
    data = export("-f", STATES, "--alarm", "1d")
    events = events_by_uid(data)
    for uid, raw in events.items():
        if "STATUS:CANCELLED" in raw:
            assert "VALARM" not in raw
        else:
            assert "BEGIN:VALARM\r\nACTION:DISPLAY\r\n" in raw, uid
            assert "\r\nTRIGGER:-P1D\r\n" in raw
    strict, _ = parse_both(data)
    assert strict.vevent.valarm.trigger.value == -dt.timedelta(days=1)


@pytest.mark.parametrize(("text", "expected"), [
    ("1d", dt.timedelta(days=1)), ("2h", dt.timedelta(hours=2)),
    ("30m", dt.timedelta(minutes=30)), ("1d12h", dt.timedelta(days=1, hours=12)),
    ("1w", dt.timedelta(weeks=1)), ("2H", dt.timedelta(hours=2)),
    ("P1D", dt.timedelta(days=1)), ("PT2H", dt.timedelta(hours=2)),
    ("PT30M", dt.timedelta(minutes=30)), ("P1DT6H", dt.timedelta(days=1, hours=6)),
    ("P1W", dt.timedelta(weeks=1)), (" 0m ", dt.timedelta(0)),
])
def test_parse_duration(text: str, expected: dt.timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "d", "1", "-1d", "1x", "P", "PT", "P1H", "1d 2h", "1.5h",
                                  "999999999999d"])
def test_parse_duration_refuses_nonsense(text: str) -> None:
    from pemilu_timeline.errors import InvalidInput

    with pytest.raises(InvalidInput):
        parse_duration(text)


def test_bad_alarm_and_alarm_without_ical() -> None:
    result = run("export", "ical", "-f", SMALL, "--alarm", "soon", code=1)
    assert "1d, 2h" in result.stderr
    run("export", "csv", "-f", SMALL, "--alarm", "1d", code=2)
    run("export", "json", "-f", SMALL, "--excel", code=2)


# --- output ----------------------------------------------------------------------------

def test_output_file_is_written_and_stdout_stays_clean(tmp_path: Path) -> None:
    target = tmp_path / "pemilu.ics"
    result = run("export", "ical", "-f", SMALL, "-o", target)
    assert result.stdout == ""
    assert result.stderr == f"5 tahapan ditulis ke {target}.\n"
    assert target.read_bytes() == export("-f", SMALL)
    assert [p.name for p in tmp_path.iterdir()] == ["pemilu.ics"]  # no temporary left behind
    target.chmod(0o640)
    run("export", "ical", "-f", SMALL, "--lang", "en", "-o", target)
    assert b"Quiet period" in target.read_bytes()
    assert target.stat().st_mode & 0o777 == 0o640  # replaced, but the mode is kept


def test_output_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.ics"
    real.write_text("old")
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    run("export", "ical", "-f", SMALL, "-o", link)
    assert link.is_symlink() and real.read_bytes() == export("-f", SMALL)


def test_output_to_a_pipe_writes_into_it(tmp_path: Path) -> None:
    import os
    import threading

    fifo = tmp_path / "calendar.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    run("export", "ical", "-f", SMALL, "-o", fifo)
    reader.join(timeout=10)
    assert received == [export("-f", SMALL)]
    assert not fifo.is_file()  # still a pipe, never replaced by a file


def test_output_dash_is_stdout() -> None:
    assert run("export", "ical", "-f", SMALL, "-o", "-").stdout_bytes == export("-f", SMALL)


def test_output_to_a_missing_directory_fails_cleanly(tmp_path: Path) -> None:
    result = run("export", "ical", "-f", SMALL, "-o", tmp_path / "nope" / "x.ics", code=1)
    assert "nope" in result.stderr
    assert result.stdout == ""


def test_unknown_election_is_refused() -> None:
    result = run("export", "ical", "-f", SMALL, "--election", "pemilu-2029", code=1)
    assert "pemilu-2024" in result.stderr


def test_a_stage_pinned_to_utc_is_written_with_z_and_no_vtimezone() -> None:
    election = Election(id="e", name="E", name_en="E", timezone="Asia/Jakarta", source="s")
    stage = Stage(id="x", election="e", name="n", name_en="n", source="s", zone="UTC",
                  start=dt.datetime(2024, 2, 14, 8), end=dt.datetime(2024, 2, 14, 9))
    schedule = Schedule.build({"e": election}, [stage])
    data = to_ical(schedule, schedule.stages, "id")
    assert "\r\nDTSTART:20240214T080000Z\r\n" in data.decode()
    assert b"VTIMEZONE" not in data
    parse_both(data)
