"""Changes made chunk by chunk to a file the writer wrote: the same bytes and the same schedule
as parsing, changing and parsing again; the lock held briefly; many stages in one change."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from pemilu_timeline.errors import InvalidInput, LockTimeout, WriteRefused
from pemilu_timeline.model import Schedule, Stage, Status
from pemilu_timeline.rules.resolve import dependants
from pemilu_timeline.schedule import cache, patch, store
from pemilu_timeline.schedule import edit as editing
from pemilu_timeline.schedule.locate import bundled_path
from pemilu_timeline.schedule.read import load_schedule, parse_schedule
from pemilu_timeline.schedule.write import canonical_text
from tests.helpers import at_once, run

NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)
Change = Callable[[dict[str, Any], Schedule], Any]


def every_field(schedule: Schedule) -> list[tuple[Any, ...]]:
    """Each stage with the fields equality leaves out (dates a rule gave, the region's
    clock) and the bounds `now` compares."""
    return [(stage, stage.dated_by_rule, stage.estimated, stage.region_zone, stage._lo,
             stage._hi) for stage in schedule.stages]


@pytest.fixture
def patched_calls(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each change went chunk by chunk (True) or the long way (False)."""
    calls: list[bool] = []
    real = patch.Patchable.apply

    def spy(self: patch.Patchable, data: dict[str, Any], path: str) -> Any:
        result = real(self, data, path)
        calls.append(result is not None)
        return result

    monkeypatch.setattr(patch.Patchable, "apply", spy)
    return calls


def both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              changes: list[Change]) -> Iterator[tuple[Path, Path]]:
    """The same changes to two copies of the bundled schedule: one with the cache (so every
    change after the first goes chunk by chunk), one without; after each change, both."""
    fast, slow = tmp_path / "fast.toml", tmp_path / "slow.toml"
    for path in (fast, slow):
        shutil.copyfile(bundled_path(), path)
    for change in changes:
        monkeypatch.delenv(cache.ENV_DISABLE, raising=False)
        store.update_and_read(fast, change)
        monkeypatch.setenv(cache.ENV_DISABLE, "1")
        store.update_and_read(slow, change)
        yield fast, slow
    monkeypatch.delenv(cache.ENV_DISABLE, raising=False)


def anchor_with_followers(schedule: Schedule) -> Stage:
    """A stage with a written date that others are counted from."""
    for stage in schedule.stages:
        if stage.start is not None and not stage.dated_by_rule \
                and len(dependants(schedule, stage.key)) >= 2:
            return stage
    raise AssertionError("the bundled schedule has no dated anchor with followers")


def test_a_change_chunk_by_chunk_gives_the_bytes_and_schedule_of_the_long_way(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, patched_calls: list[bool]) -> None:
    bundled = load_schedule(bundled_path())
    anchor = anchor_with_followers(bundled)
    moved = anchor.start + dt.timedelta(days=3)  # type: ignore[operator]

    def add(data: dict[str, Any], schedule: Schedule) -> Any:
        return editing.add_stage(data, schedule, stage_id="uji-tambah", election="pemilu-2029",
                                 name="Uji Tambah", name_en=None, start=dt.date(2029, 2, 1),
                                 source="uji", now=NOW)

    def move_anchor(data: dict[str, Any], schedule: Schedule) -> Any:
        return editing.edit_stage(data, schedule, anchor.key, {"start": moved}, now=NOW)

    def batch(data: dict[str, Any], schedule: Schedule) -> Any:
        return editing.add_stages(data, schedule, [
            {"id": "uji-b1", "election": "pemilu-2029", "name": "Uji B1",
             "start": dt.date(2029, 3, 1), "end": dt.date(2029, 3, 4), "source": "uji",
             "region": "Papua"},
            {"id": "uji-b2", "election": "pemilu-2029", "name": "Uji B2", "source": "uji",
             "after": {"stage": "pemilu-2029/uji-b1", "working_days": 3}},
            {"id": "uji-b3", "election": "pemilu-2029", "name": "Uji B3", "undated": True,
             "source": "uji"}], now=NOW)

    def remove(data: dict[str, Any], schedule: Schedule) -> Any:
        return editing.remove_stage(data, schedule, "pemilu-2029/uji-tambah")

    def election(data: dict[str, Any], schedule: Schedule) -> Any:
        return editing.edit_election(data, schedule, "pemilu-2029", {"note": "Uji catatan"})

    changes = [add, move_anchor, batch, remove, election, add]
    for fast, slow in both_ways(tmp_path, monkeypatch, changes):
        assert fast.read_bytes() == slow.read_bytes()
        monkeypatch.setenv(cache.ENV_DISABLE, "1")
        parsed = load_schedule(fast)
        monkeypatch.delenv(cache.ENV_DISABLE)
        cached = cache.load_entry(fast, fast.read_bytes())
        assert cached is not None and cached[1], "the writer stores what it wrote"
        assert every_field(cached[0]) == every_field(parsed)
    # The first change parses the hand-written file; the election's note is in the header.
    assert patched_calls == [True, True, True, False, True]
    followers = dependants(parsed, anchor.key)
    assert followers and all(f.dated_by_rule for f in followers if f.after is not None)


def test_the_next_read_after_a_change_needs_no_parsing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "stages.toml"
    shutil.copyfile(bundled_path(), path)
    run("add", "uji", "--election", "pemilu-2029", "--name", "Uji", "--start", "2029-01-02",
        "--source", "uji", "--file", path)
    from pemilu_timeline.schedule import read

    def refuse(*args: Any) -> Any:
        raise AssertionError("parsed again")

    monkeypatch.setattr(read, "parse_schedule", refuse)
    monkeypatch.setattr(read, "parse_toml", refuse)
    assert load_schedule(path).get("pemilu-2029/uji") is not None
    run("add", "uji-2", "--election", "pemilu-2029", "--name", "Uji 2", "--start",
        "2029-01-03", "--source", "uji", "--file", path)
    assert load_schedule(path).get("pemilu-2029/uji-2") is not None


def test_a_text_not_in_the_writer_s_shape_goes_the_long_way(tmp_path: Path) -> None:
    text = bundled_path().read_text(encoding="utf-8")
    schedule = parse_schedule(text)
    canonical = canonical_text(schedule)
    assert patch.Patchable.of(canonical, schedule) is not None
    for changed in (canonical.replace('[[stages]]\nid = "', '[[stages]]\nid="', 1),
                    canonical.replace('\n\n[[stages]]\n', '\n[[stages]]\n', 1),
                    canonical + '\n[[stages]]\nid = "x"\nelection = "pemilu-2024"\n',
                    canonical.replace("[[stages]]", "[[ stages ]]")):
        assert patch.Patchable.of(changed, schedule) is None
    other = dataclasses.replace(schedule, stages=schedule.stages[1:])
    assert patch.Patchable.of(canonical, other) is None


def test_a_bad_stage_is_refused_chunk_by_chunk_too(tmp_path: Path, small_file: Path) -> None:
    path = tmp_path / "stages.toml"
    shutil.copyfile(bundled_path(), path)
    run("add", "uji", "--election", "pemilu-2029", "--name", "Uji", "--start", "2029-01-02",
        "--source", "uji", "--file", path)  # now the writer's text, in the cache
    before = path.read_bytes()

    def bad(data: dict[str, Any], schedule: Schedule) -> Any:
        return editing.add_stages(data, schedule, [
            {"id": "uji-x", "election": "pemilu-2029", "name": "X", "start": "kemarin",
             "source": "uji"}], now=NOW)

    def cycle(data: dict[str, Any], schedule: Schedule) -> Any:
        return editing.add_stages(data, schedule, [
            {"id": "c1", "election": "pemilu-2029", "name": "C1", "source": "uji",
             "after": {"stage": "pemilu-2029/c2", "days": 1}},
            {"id": "c2", "election": "pemilu-2029", "name": "C2", "source": "uji",
             "after": {"stage": "pemilu-2029/c1", "days": 1}}], now=NOW)

    for change, words in ((bad, "start"), (cycle, "pemilu-2029/c1")):
        with pytest.raises(WriteRefused) as refused:
            store.update(path, change)
        assert words in refused.value.message("en")
        assert path.read_bytes() == before


# --- the lock -----------------------------------------------------------------------------


def test_the_wait_starts_again_when_the_lock_changes_hands(
        monkeypatch: pytest.MonkeyPatch, small_file: Path) -> None:
    """Each holder letting go within the timeout is a queue that moves: keep waiting. The
    same holder all along is one that does not let go: give up."""
    for notes, waits, expected in (([b"A", b"B", b"C", b"D"], [False, False, True], True),
                                   ([b"A", b"A"], [False], False),
                                   # taken, its note not written yet: then written
                                   ([b"A", b"", b"B"], [False, False, True], True),
                                   ([b"A", b"", b""], [False, False], False),
                                   ([b"", b""], [False], False)):
        said = iter(notes)
        waited = iter(waits)
        monkeypatch.setattr(store, "_try_lock", lambda fd: False)
        monkeypatch.setattr(store, "_holder_note", lambda fd, said=said: next(said))
        monkeypatch.setattr(store, "_alarm_usable", lambda: False)
        monkeypatch.setattr(store, "_poll", lambda fd, timeout, waited=waited: next(waited))
        assert store._acquire(0, 1.0) is expected


SLOW_HOLD = 0.4  # seconds each writer holds the lock: more than the waiters' timeout


def _slow_adder(path: str, worker: int, gate: Any) -> None:
    def change(data: dict[str, Any], schedule: Schedule) -> Any:
        time.sleep(SLOW_HOLD)
        return editing.add_stage(data, schedule, stage_id=f"antre-{worker}",
                                 election="pemilu-2024", name=f"Antre {worker}", name_en=None,
                                 start=dt.date(2024, 1, 1 + worker), source="uji", now=NOW)

    gate.wait()
    store.update(Path(path), change, timeout=SLOW_HOLD * 2)


def test_a_queue_longer_than_the_timeout_all_lands(small_file: Path) -> None:
    """Eight writers, each holding the lock 0.4 s and willing to wait 0.8 s for one holder:
    the last waits over 2 s in all, and still lands."""
    count = 8
    assert at_once(_slow_adder, small_file, count, timeout=60) == [0] * count
    keys = {s.key for s in load_schedule(small_file)}
    assert {f"pemilu-2024/antre-{w}" for w in range(count)} <= keys


def test_a_holder_that_does_not_let_go_still_ends_the_wait(small_file: Path) -> None:
    began = time.monotonic()
    with store.locked(small_file, timeout=1), pytest.raises(LockTimeout):
        run_add = store.update
        run_add(small_file, lambda data, schedule: None, timeout=0.3)
    assert time.monotonic() - began < 3


# --- many stages in one change ------------------------------------------------------------

BATCH_TOML = """
[[stages]]
id = "uji-a"
election = "pemilu-2024"
name = "Uji A"
start = 2024-01-05
source = "uji"

[[stages]]
id = "uji-b"
election = "pemilu-2024"
name = "Uji B"
source = "uji"
[stages.after]
stage = "pemilu-2024/uji-a"
days = 3
"""


def test_add_from_a_toml_file_adds_every_stage_in_one_change(
        tmp_path: Path, small_file: Path) -> None:
    batch = tmp_path / "tambah.toml"
    batch.write_text(BATCH_TOML, encoding="utf-8")
    said = run("add", "--from-file", batch, "--file", small_file)
    assert "pemilu-2024/uji-a" in said.stdout and "8 Januari 2024" in said.stdout
    schedule = load_schedule(small_file)
    first, second = schedule.get("pemilu-2024/uji-a"), schedule.get("pemilu-2024/uji-b")
    assert first is not None and second is not None
    assert second.start == dt.date(2024, 1, 8) and second.dated_by_rule
    assert first.revision == 1 and first.updated is not None


def test_add_from_json_csv_and_standard_input(tmp_path: Path, small_file: Path) -> None:
    as_json = tmp_path / "tambah.json"
    as_json.write_text(json.dumps({"stages": [
        {"id": "uji-j", "name": "Uji J", "start": "2024-01-06T09:00", "source": "uji",
         "tags": ["debat"], "milestone": True}]}), encoding="utf-8")
    run("add", "--from-file", as_json, "--election", "pemilu-2024", "--file", small_file)
    as_csv = "id,election,name,start,end,source,tags,milestone\n" \
             "uji-c,pemilu-2024,Uji C,2024-01-07,2024-01-09,uji,debat;kampanye,ya\n"
    run("add", "--from-file", "-", "--file", small_file, input=as_csv)
    schedule = load_schedule(small_file)
    json_stage, csv_stage = schedule.get("pemilu-2024/uji-j"), schedule.get("pemilu-2024/uji-c")
    assert json_stage is not None and json_stage.start == dt.datetime(2024, 1, 6, 9, 0)
    assert json_stage.milestone and json_stage.tags == ("debat",)
    assert csv_stage is not None and csv_stage.end == dt.date(2024, 1, 9)
    assert csv_stage.tags == ("debat", "kampanye") and csv_stage.milestone


@pytest.mark.parametrize(("name", "text", "words"), [
    ("dua.toml", BATCH_TOML + BATCH_TOML.split("\n\n")[0].replace('"Uji A"', '"Lagi"'),
     "uji-a"),
    ("cap.json", '[{"id": "x", "election": "pemilu-2024", "name": "X", "start": "2024-01-01",'
                 ' "source": "s", "revision": 3}]', "revision"),
    ("tanggal.json", '[{"id": "x", "election": "pemilu-2024", "name": "X", '
                     '"start": "14 Februari", "source": "s"}]', "14 Februari"),
    ("aturan.csv", "id,election,name,source,after\nx,pemilu-2024,X,s,pemilu-2024/a\n", "CSV"),
    ("lebar.csv", "id,name\nx,X,tambahan\n", "header"),
    ("kolom.toml", '[[stages]]\nid = "x"\nelection = "pemilu-2024"\nname = "X"\n'
                   'start = 2024-01-01\nsource = "s"\nvenue = "Papua"\n', "venue"),
    ("ada.toml", '[[stages]]\nid = "pemungutan-suara"\nelection = "pemilu-2024"\n'
                 'name = "X"\nstart = 2024-01-01\nsource = "s"\n', "already exists"),
    ("pemilihan.toml", '[elections.x]\nname = "X"\n', "election add"),
    ("kosong.json", "[]", "no stages"),
    ("aturan.json", '[{"id": "x", "election": "pemilu-2024", "name": "X", "source": "s", '
                    '"after": "pemilu-2024/pemungutan-suara"}]', "not a table"),
    ("tabel.toml", '[[stages]]\nid = "x"\nelection = "pemilu-2024"\nname = {a = "b"}\n'
                   'start = 2024-01-01\nsource = "s"\n', "not a valid name"),
    ("null.json", '[{"id": "x", "election": "pemilu-2024", "name": "X", "start": '
                  '"2024-01-01", "source": "s", "tags": ["a", null]}]', "not a valid tags"),
    ("rusak.json", '[{"id": ', "not valid JSON"),
    ("bukan.json", '[1]', "not a table"),
])
def test_a_bad_batch_changes_nothing_and_says_what_is_wrong(
        tmp_path: Path, small_file: Path, name: str, text: str, words: str) -> None:
    batch = tmp_path / name
    batch.write_text(text, encoding="utf-8")
    before = small_file.read_bytes()
    said = run("add", "--from-file", batch, "--file", small_file, "--lang", "en", code=1)
    message = " ".join(said.stderr.split())
    assert words in message and "Traceback" not in message
    assert small_file.read_bytes() == before


def test_add_says_what_it_needs_without_a_batch_file(small_file: Path) -> None:
    said = run("add", "x", "--source", "s", "--file", small_file, "--lang", "en", code=2)
    assert "add needs --name" in said.stderr
    said = run("add", "--from-file", "x.toml", "--name", "X", "--file", small_file, code=2)
    assert "--name" in said.stderr


def test_a_batch_stage_counted_from_a_stage_of_the_same_batch_is_placed_after_it() -> None:
    schedule = parse_schedule(bundled_path().read_text(encoding="utf-8"))
    data: dict[str, Any] = {"stages": [{"election": "pemilu-2029", "id": "a"}]}
    editing.add_stages(data, schedule, [
        {"id": "uji-1", "election": "pemilu-2029", "name": "1", "undated": True,
         "source": "s"},
        {"id": "uji-2", "election": "pemilu-2029", "name": "2", "source": "s",
         "after": {"stage": "pemilu-2029/uji-1", "days": 1}}], now=NOW)
    assert [s["id"] for s in data["stages"]] == ["a", "uji-1", "uji-2"]
    with pytest.raises(InvalidInput):
        editing.add_stages(data, schedule, [{"id": "Bukan Id", "election": "pemilu-2029"}],
                           now=NOW)


# --- a busy moment: the copies of one stage in many regions --------------------------------

COPY = """
[[stages]]
id = "masa-tenang-r{n}"
election = "pemilu-2024"
name = "Masa Tenang"
name_en = "Quiet period"
start = 2024-02-11
end = 2024-02-13
source = "uji"
"""


def test_copies_of_one_stage_are_one_row_with_their_count(small_file: Path) -> None:
    small_file.write_text(small_file.read_text(encoding="utf-8")
                          + "".join(COPY.format(n=n) for n in range(40)), encoding="utf-8")
    shown = run("now", "--at", "2024-02-12T10:00", "--file", small_file, "--lang", "en").stdout
    assert "Quiet period (40 alike)" in shown
    assert "pemilu-2024/masa-tenang-r0 +39" in shown
    assert "pemilu-2024/masa-tenang-r17" not in shown
    assert "--all shows every one" in " ".join(shown.split())
    assert shown.count("Quiet period") == 2  # the file's own stage (a milestone) apart
    every = run("now", "--at", "2024-02-12T10:00", "--file", small_file, "--all").stdout
    assert all(f"pemilu-2024/masa-tenang-r{n}" in every for n in range(40))
    assert "serupa" not in every
    data = json.loads(run("now", "--at", "2024-02-12T10:00", "--file", small_file,
                          "--json").stdout)
    assert len(data["active"]) == 41  # scripts get every stage


def test_a_moment_with_nothing_alike_shows_as_before(small_file: Path) -> None:
    shown = run("now", "--at", "2024-02-12T10:00", "--file", small_file).stdout
    assert "serupa" not in shown and "+" not in shown.split("Berikutnya")[0]


# --- JSON at scale ----------------------------------------------------------------------------


def test_the_fast_json_is_the_standard_library_s_text() -> None:
    from pemilu_timeline.exports.json import StageObjects, dumps, now_to_dict

    schedule = load_schedule(bundled_path())
    at = dt.datetime(2024, 2, 12, 10, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    for data in (list(map(StageObjects(at), schedule.stages)),
                 now_to_dict(at, schedule.overview(at)),
                 {"kosong": [], "tabel": {}, "teks": "é\u2028\x1f<\"\\", "angka": 1.5}):
        assert dumps(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_stage_objects_for_many_stages_are_each_stage_s_own() -> None:
    """The shared texts of regional copies are never one object two stages change."""
    from pemilu_timeline.exports.json import StageObjects, stage_to_dict

    schedule = load_schedule(bundled_path())
    at = dt.datetime(2024, 2, 12, 10, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    many = StageObjects(at)
    objects = [many(stage) for stage in schedule.stages]
    assert objects == [stage_to_dict(stage, at) for stage in schedule.stages]
    for name in ("tags", "after", "window"):
        shared = [o[name] for o in objects if o.get(name)]
        assert len({id(value) for value in shared}) == len(shared)


def test_the_one_pass_overview_answers_as_each_question_alone() -> None:
    """`now` at every tenth day of 2022-2032, in three zones, with and without
    --milestones: the same stages as asking for each part on its own."""
    schedule = load_schedule(bundled_path())
    zones = [dt.timezone(dt.timedelta(hours=h)) for h in (7, 8, 9)]
    moment = dt.datetime(2022, 1, 1, 10, 30)
    while moment.year < 2033:
        for zone in zones:
            at = moment.replace(tzinfo=zone)
            for milestones in (False, True):
                seen = schedule.overview(at, milestones_only=milestones)
                active = schedule.active(at, milestones_only=milestones)
                assert seen.active == active
                assert seen.next == schedule.next_to_start(at, milestones_only=milestones)
                last = None if active else schedule.last_ended(at, milestones_only=milestones)
                assert seen.last_ended == last
                assert all(s.phase_at(at) is Status.CANCELLED for s in seen.cancelled)
                assert all(not s.is_dated for s in seen.pending)
        moment += dt.timedelta(days=10, hours=5)
