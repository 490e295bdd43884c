"""Exports written as they are made: the same bytes as the whole-file builders, byte for byte.

The iCal writer spells each VEVENT itself; icalendar's object tree (``to_ical_reference``)
is the standard it is held to, on the bundled schedule with every option, on stages built to
hit every folding and escaping edge, and on random texts. JSON and CSV streams are held to
``to_json`` and ``to_csv``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar.parser.string import _foldline

from pemilu_timeline.exports.csv import csv_chunks, to_csv
from pemilu_timeline.exports.ical import (
    _LINE_BREAKS,
    clean_text,
    fold,
    ical_chunks,
    to_ical,
    to_ical_reference,
)
from pemilu_timeline.exports.json import json_chunks, to_json
from pemilu_timeline.fsio import batched, write_atomic
from pemilu_timeline.model import Election, Region, RegionKind, Schedule, Stage, State
from pemilu_timeline.schedule.locate import bundled_path
from pemilu_timeline.schedule.read import load_schedule
from pemilu_timeline.schedule.schema import CONTROL
from tests.helpers import run

ASSETS = Path(__file__).parent / "assets"
SMALL = ASSETS / "small.toml"
STATES = ASSETS / "export" / "states.toml"
AT = dt.datetime(2024, 2, 12, 10, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def no_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(scope="module")
def bundled() -> Schedule:
    return load_schedule(bundled_path())


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Schedule:
    """The bundled stages copied per region, as the benchmark makes them: 2,500 stages."""
    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    try:
        import run as benchmark  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    target = tmp_path_factory.mktemp("synthetic") / "stages.toml"
    return load_schedule(benchmark.synthetic_schedule(2500, target))


def assert_same_ical(schedule: Schedule, stages: list[Stage] | tuple[Stage, ...], lang: str,
                     **options: object) -> bytes:
    """The fast writer's bytes are icalendar's, whole and streamed."""
    expected = to_ical_reference(schedule, stages, lang, **options)  # type: ignore[arg-type]
    chunks = list(ical_chunks(schedule, stages, lang, **options))  # type: ignore[arg-type]
    got = b"".join(chunks)
    if got != expected:  # show the first line that differs, not two megabytes
        for ours, theirs in zip(got.split(b"\r\n"), expected.split(b"\r\n"), strict=False):
            assert ours == theirs
    assert got == expected
    assert to_ical(schedule, stages, lang, **options) == expected  # type: ignore[arg-type]
    return got


# --- iCal: the bundled schedule with every option -------------------------------------------

OPTIONS: list[dict[str, object]] = [
    {}, {"alarm": dt.timedelta(days=1)}, {"alarm": dt.timedelta(hours=1, minutes=30)},
    {"local_zone": "Asia/Makassar"}, {"local_zone": "Asia/Jayapura"}, {"local_zone": "UTC"},
    {"local_zone": "Europe/Berlin"}, {"floating": True},
    {"floating": True, "alarm": dt.timedelta(weeks=1)},
    {"environ": {"SOURCE_DATE_EPOCH": "1707868800"}},
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("options", OPTIONS, ids=repr)
def test_bundled_schedule_with_every_option(bundled: Schedule, lang: str,
                                            options: dict[str, object]) -> None:
    assert_same_ical(bundled, bundled.stages, lang, **options)


@pytest.mark.parametrize("filters", [
    {"elections": ["pemilu-2024"]}, {"elections": ["pilkada-2024", "pemilu-2024"]},
    {"tags": ["kampanye"]}, {"milestones_only": True}, {"statuses": ["active", "upcoming"]},
    {"start_from": dt.date(2024, 2, 14), "until": dt.date(2024, 2, 14)},
], ids=repr)
def test_bundled_schedule_filtered(bundled: Schedule, filters: dict[str, object]) -> None:
    chosen = bundled.select(AT, **filters)  # type: ignore[arg-type]
    assert chosen
    for lang in ("id", "en"):
        assert_same_ical(bundled, chosen, lang, alarm=dt.timedelta(days=1))


@pytest.mark.parametrize("source", [SMALL, STATES], ids=["small", "states"])
def test_small_files_and_an_empty_calendar(source: Path) -> None:
    schedule = load_schedule(source)
    for lang in ("id", "en"):
        assert_same_ical(schedule, schedule.stages, lang, alarm=dt.timedelta(days=1))
    assert_same_ical(schedule, [], "id")


def test_synthetic_schedule(synthetic: Schedule) -> None:
    assert_same_ical(synthetic, synthetic.stages, "id", alarm=dt.timedelta(days=1))


@pytest.mark.parametrize("args", [
    (), ("--lang", "en", "--alarm", "1d"), ("--tz", "Asia/Makassar"), ("--floating",),
    ("--tag", "kampanye", "--from", "2024-01-01"), ("--election", "pemilu-2024"),
], ids=repr)
def test_the_command_writes_icalendars_bytes(bundled: Schedule, tmp_path: Path,
                                             args: tuple[str, ...]) -> None:
    """stdout and -o FILE carry the same bytes, icalendar's."""
    stdout = run("export", "ical", *args).stdout_bytes
    target = tmp_path / "out.ics"
    target.write_bytes(b"old")
    run("export", "ical", *args, "-o", target)
    assert target.read_bytes() == stdout
    lang = "en" if "en" in args else "id"
    zone = "Asia/Makassar" if "Asia/Makassar" in args else None
    filters: dict[str, object] = {}
    if "--tag" in args:
        filters = {"tags": ["kampanye"], "start_from": dt.date(2024, 1, 1)}
    if "--election" in args:
        filters = {"elections": ["pemilu-2024"]}
    chosen = bundled.select(AT, **filters)  # type: ignore[arg-type]
    expected = to_ical_reference(bundled, chosen, lang, local_zone=zone,
                                 floating="--floating" in args,
                                 alarm=dt.timedelta(days=1) if "--alarm" in args else None)
    assert stdout == expected


# --- iCal: stages built to hit every edge ---------------------------------------------------

ELECTION = Election(id="e", name="Pemilihan Umum Uji Coba", name_en="Trial Election",
                    timezone="Asia/Jakarta", source="s")
OTHER = Election(id="f", name="Pemilihan Lain", name_en="Other Election",
                 timezone="Asia/Jayapura", source="s")
REGIONS = {"32": Region(code="32", name="Jawa Barat", kind=RegionKind.PROVINCE, source="s"),
           "32.01": Region(code="32.01", name="Kabupaten Bogor — “Tegar Beriman”",
                           kind=RegionKind.REGENCY, source="s")}
DAY = dt.date(2024, 2, 14)
PIECES = ["é", "—", "🗳️", "中文", "👩‍👩‍👧", "\\", "\\N", "\\n", ";", ",", "^", "\n", "\r",
          "\r\n", "\x00", "\x1b[31m", "\u2028", "\u202e", "\t", ":", '"']


def hostile_texts() -> Iterator[str]:
    """Names and notes whose escapes and multi-byte characters land on every fold point."""
    for length in range(60, 80):  # "SUMMARY:" + 67 = 75 octets: 74, 75, 76 on either side
        yield "x" * length
    for piece in PIECES:
        for lead in range(60, 70):
            yield "a" * lead + piece * 6 + "b" * 70 + piece
    yield "Tahapan Pemutakhiran Data dan Penyusunan Daftar Pemilih, Rekapitulasi; " * 4
    yield "Penetapan 中华人民共和国 選挙管理委員会 ülkü 🗳️🇮🇩 " * 5
    yield "\\" * 200
    yield "^" * 200
    yield "é" * 100


def hostile_stages() -> list[Stage]:
    stages: list[Stage] = []
    base = Stage(id="x", election="e", name="Nama", name_en="Name", start=DAY, end=DAY,
                 source="s")
    for number, text in enumerate(hostile_texts()):
        stages.append(dataclasses.replace(
            base, id=f"t{number}", name=text, name_en=text[::-1], note=text, note_en=text,
            source=text, tags=(text[:40], "tag"), condition=text if number % 3 == 0 else None,
            reason=text if number % 5 == 0 else None))
    times = dt.datetime(2024, 2, 14, 7), dt.datetime(2024, 2, 14, 13)
    stages += [
        dataclasses.replace(base, id="timed", start=times[0], end=times[1]),
        dataclasses.replace(base, id="pinned", start=times[0], end=times[1], zone="Asia/Jayapura"),
        dataclasses.replace(base, id="utc", start=times[0], end=times[1], zone="UTC"),
        dataclasses.replace(base, id="moment", start=times[0], end=times[0]),
        dataclasses.replace(base, id="moment-pinned", start=times[0], end=times[0],
                            zone="Asia/Makassar"),
        dataclasses.replace(base, id="seconds", start=dt.datetime(2024, 2, 14, 7, 0, 59),
                            end=dt.datetime(2024, 2, 14, 7, 1, 1)),
        dataclasses.replace(base, id="long", start=dt.date(1999, 1, 1), end=dt.date(2031, 12, 31)),
        dataclasses.replace(base, id="cancelled", state=State.CANCELLED, reason="Dibatalkan, MK",
                            reason_en="Cancelled; MK"),
        dataclasses.replace(base, id="tentative", state=State.TENTATIVE, condition="Bila; perlu",
                            condition_en="If, needed"),
        dataclasses.replace(base, id="edited", revision=7,
                            updated=dt.datetime(2024, 1, 5, 3, tzinfo=dt.UTC)),
        dataclasses.replace(base, id="edited-wib", revision=2,
                            updated=dt.datetime(2024, 1, 5, 10, 30, 15,
                                                tzinfo=dt.timezone(dt.timedelta(hours=7)))),
        dataclasses.replace(base, id="url", url="https://kpu.go.id/" + "a/b,c;d" * 40
                            + "?q=\\x&r=é\x00"),
        dataclasses.replace(base, id="blank-url", url="\x00\x01"),
        dataclasses.replace(base, id="tags", tags=tuple(f"tag-{n},;\\" for n in range(60))),
        dataclasses.replace(base, id="region", region="32.01"),
        dataclasses.replace(base, id="province", region="32"),
        dataclasses.replace(base, id="same-title", election="f"),  # "Nama" in two elections
        dataclasses.replace(base, id="pending", start=None, end=None),
        dataclasses.replace(base, id="uid,with;odd\\chars"),
    ]
    return stages


@pytest.fixture(scope="module")
def hostile() -> Schedule:
    return Schedule.build({"e": ELECTION, "f": OTHER}, hostile_stages(), regions=REGIONS)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("options", [
    {}, {"alarm": dt.timedelta(minutes=15)}, {"local_zone": "Asia/Makassar"},
    {"floating": True}, {"local_zone": "Etc/UTC"},
], ids=repr)
def test_hostile_stages(hostile: Schedule, lang: str, options: dict[str, object]) -> None:
    data = assert_same_ical(hostile, hostile.stages, lang, **options)
    assert data.count(b"BEGIN:VEVENT") == len(hostile.stages) - 1  # the pending one is out


def test_an_event_is_one_piece_and_the_head_comes_first(hostile: Schedule) -> None:
    chunks = list(ical_chunks(hostile, hostile.stages, "id"))
    assert chunks[0].startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"BEGIN:VEVENT" not in chunks[0]
    assert chunks[-1] == b"END:VCALENDAR\r\n"
    assert all(c.startswith(b"BEGIN:VEVENT\r\n") and c.endswith(b"END:VEVENT\r\n")
               for c in chunks[1:-1])


TEXT = st.text(st.characters(codec="utf-8"), max_size=300)
FOLDED = st.lists(st.one_of(TEXT, st.sampled_from(PIECES)), max_size=8).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=FOLDED, note=FOLDED, tags=st.lists(FOLDED, max_size=4), lead=st.integers(0, 80))
def test_random_texts(name: str, note: str, tags: list[str], lead: int) -> None:
    stage = Stage(id="x", election="e", name="a" * lead + name, name_en=name, start=DAY,
                  end=DAY, source=note, note=note, tags=tuple(tags), state=State.TENTATIVE)
    schedule = Schedule.build({"e": ELECTION}, [stage])
    assert_same_ical(schedule, schedule.stages, "id", alarm=dt.timedelta(hours=1))


@settings(max_examples=500, deadline=None)
@given(line=st.lists(st.one_of(TEXT, st.sampled_from(PIECES)), max_size=10).map("".join))
def test_fold_is_icalendars_folding(line: str) -> None:
    line = line.replace("\n", "\\n")
    assert fold(line) == _foldline(line).encode("utf-8")


def test_clean_text_shortcut_skips_only_text_it_would_leave_alone() -> None:
    """clean_text returns printable text as it is: every character it takes out or changes
    must be one that ``str.isprintable`` refuses."""
    changed = [chr(c) for c in range(sys.maxunicode + 1)
               if CONTROL.match(chr(c)) or _LINE_BREAKS.match(chr(c))]
    assert changed
    assert not [c for c in changed if c.isprintable()]
    assert clean_text("a\tb\nc") == "a\tb\nc"
    assert clean_text("a\r\nb\rc\x00d\u202e") == "a\nb\ncd"


# --- JSON and CSV ---------------------------------------------------------------------------

def schedules(bundled: Schedule, synthetic: Schedule) -> list[Schedule]:
    return [bundled, synthetic, load_schedule(STATES)]


@pytest.mark.parametrize("at", [None, AT])
def test_json_stream_is_to_json(bundled: Schedule, synthetic: Schedule,
                                at: dt.datetime | None) -> None:
    for schedule in schedules(bundled, synthetic):
        stages = schedule.stages
        assert b"".join(json_chunks(stages, at)) == to_json(stages, at).encode("utf-8")
    assert b"".join(json_chunks([], at)) == to_json([], at).encode("utf-8") == b"[]\n"
    one = bundled.stages[:1]
    assert b"".join(json_chunks(one, at)) == to_json(one, at).encode("utf-8")


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_csv_stream_is_to_csv(bundled: Schedule, synthetic: Schedule, bom: bool,
                              lang: str) -> None:
    for schedule in schedules(bundled, synthetic):
        stages = schedule.stages
        expected = to_csv(stages, lang, bom=bom).encode("utf-8")
        for rows in (1, 7, 256):
            assert b"".join(csv_chunks(stages, lang, bom=bom, rows=rows)) == expected
    assert b"".join(csv_chunks([], lang, bom=bom)) == to_csv([], lang, bom=bom).encode()


@pytest.mark.parametrize(("fmt", "args"), [("json", ("--at", "2024-02-12")),
                                           ("csv", ("--excel", "--lang", "en"))])
def test_the_command_streams_json_and_csv(bundled: Schedule, tmp_path: Path, fmt: str,
                                          args: tuple[str, ...]) -> None:
    stdout = run("export", fmt, *args).stdout_bytes
    target = tmp_path / f"out.{fmt}"
    run("export", fmt, *args, "-o", target)
    assert target.read_bytes() == stdout
    at = dt.datetime(2024, 2, 12, tzinfo=dt.UTC)
    if fmt == "json":
        parsed = run("list", "--at", "2024-02-12", "--json").stdout_bytes
        assert stdout == parsed
    else:
        assert stdout == to_csv(bundled.select(at), "en", bom=True).encode("utf-8")


# --- writing as it is made --------------------------------------------------------------------

def test_batched_joins_small_pieces_and_keeps_every_byte() -> None:
    pieces = [bytes([n % 256]) * n for n in range(300)]
    out = list(batched(pieces, size=1000))
    assert b"".join(out) == b"".join(pieces)
    assert all(len(chunk) >= 1000 for chunk in out[:-1])
    assert list(batched([])) == []


def test_a_failure_while_streaming_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "calendar.ics"
    target.write_bytes(b"old calendar")

    def pieces() -> Iterator[bytes]:
        yield b"BEGIN:VCALENDAR\r\n" * 10000  # more than one write
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_atomic(target, pieces())
    assert target.read_bytes() == b"old calendar"
    assert [p.name for p in tmp_path.iterdir()] == ["calendar.ics"]
    write_atomic(target, iter([b"new ", b"calendar"]))
    assert target.read_bytes() == b"new calendar"


def test_a_failed_export_to_a_file_is_worded_and_leaves_the_old_file(tmp_path: Path) -> None:
    from pemilu_timeline.cli.options import write_output
    from pemilu_timeline.errors import InvalidInput

    target = tmp_path / "out.json"
    target.write_bytes(b"[]\n")

    def pieces() -> Iterator[bytes]:
        yield b"[\n"
        raise OSError(5, "Input/output error")

    with pytest.raises(InvalidInput):
        write_output(pieces(), target)
    assert target.read_bytes() == b"[]\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
