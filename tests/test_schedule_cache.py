"""The parse cache for large files: used only while the file is unchanged, never fatal."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import fields
from pathlib import Path

import pytest

from pemilu_timeline import Schedule, Stage, bundled_path, load_schedule, parse_schedule
from pemilu_timeline.model import StageColumns
from pemilu_timeline.schedule import cache as schedule_cache
from tests.conftest import ASSETS, SMALL

HEADER, _, FIRST_STAGE = SMALL.read_text().partition("[[stages]]")


def big_schedule(path: Path, copies: int = 300) -> Path:
    """A schedule over the cache threshold: the fixture's first stage under many ids."""
    body = "".join("[[stages]]" + FIRST_STAGE.split("[[stages]]")[0].replace(
        'id = "kampanye"', f'id = "kampanye-{n}"') for n in range(copies))
    path.write_text(HEADER + body)
    assert path.stat().st_size >= schedule_cache.MIN_BYTES
    return path


def entries() -> list[Path]:
    return sorted(schedule_cache.cache_dir().glob("*.entry"))


def test_large_file_is_cached_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = big_schedule(tmp_path / "big.toml")
    first = load_schedule(path)
    assert len(entries()) == 1
    # A cache hit must not parse the file: make parsing it fail.
    monkeypatch.setattr("pemilu_timeline.schedule.read.parse_schedule",
                        lambda *a: pytest.fail("the file was parsed again"))
    assert load_schedule(path) == first


def test_an_edit_invalidates_the_entry(tmp_path: Path) -> None:
    path = big_schedule(tmp_path / "big.toml")
    load_schedule(path)
    text = path.read_text().replace('id = "kampanye-0"', 'id = "kampanye-baru"', 1)
    path.write_text(text)
    assert load_schedule(path).get("pemilu-2024/kampanye-baru") is not None


def test_a_broken_entry_falls_back_to_parsing(tmp_path: Path) -> None:
    path = big_schedule(tmp_path / "big.toml")
    expected = load_schedule(path)
    (entry,) = entries()
    entry.write_bytes(b"not a pickle")
    assert load_schedule(path) == expected


def test_small_files_and_disabled_cache_write_nothing(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    load_schedule(SMALL)
    assert entries() == []
    monkeypatch.setenv("PEMILU_TIMELINE_NO_CACHE", "1")
    load_schedule(big_schedule(tmp_path / "big.toml"))
    assert entries() == []


def test_unwritable_cache_dir_is_harmless(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache directory should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    path = big_schedule(tmp_path / "big.toml")
    assert len(load_schedule(path)) == 300
    assert not any(p.name.endswith(".tmp") for p in tmp_path.rglob("*"))
    assert os.path.isfile(blocked)


def test_a_change_to_the_package_code_is_a_miss(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade or an edit in a checkout may build schedules differently: parse again.
    The package is copied, so the edit is real without touching the installed modules."""
    import shutil

    package = tmp_path / "pemilu_timeline"
    shutil.copytree(schedule_cache.PACKAGE_ROOT, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(schedule_cache, "PACKAGE_ROOT", str(package))
    path = big_schedule(tmp_path / "big.toml")
    load_schedule(path)
    assert schedule_cache.load(path, path.read_bytes()) is not None
    module = package / "rules" / "calendar.py"  # a module of a subpackage
    module.write_text(module.read_text() + "\n# edited\n")
    assert schedule_cache.load(path, path.read_bytes()) is None


def test_the_stamp_covers_every_module_of_the_package() -> None:
    stamped = {name for name, _size, _mtime in schedule_cache._code_stamp()}
    on_disk = {str(p.relative_to(schedule_cache.PACKAGE_ROOT))
               for p in Path(schedule_cache.PACKAGE_ROOT).rglob("*.py")}
    assert stamped == on_disk and os.path.join("rules", "calendar.py") in stamped


def test_the_bundled_schedule_is_cached() -> None:
    """The cache is what keeps `now` on the bundled data near the import floor."""
    load_schedule(bundled_path())
    assert len(entries()) == 1


def test_no_cache_directory_at_all_is_harmless(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run of the bundled schedule now asks the cache; a home that cannot be found
    (pathlib raises RuntimeError, not OSError) must not stop `now`."""
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(schedule_cache, "cache_dir", no_home)
    assert len(load_schedule(bundled_path())) > 40


def every_field(schedule: Schedule) -> list[tuple[object, ...]]:
    """Each stage's fields, those equality skips (_lo, _hi, dated_by_rule) too."""
    return [tuple(getattr(stage, f.name) for f in fields(Stage)) for stage in schedule]


@pytest.mark.parametrize("text", [
    SMALL.read_text(),
    # Putusan MK dated: the two stages that follow it get dates from their rules.
    (ASSETS / "relative.toml").read_text().replace("undated = true", "start = 2024-03-20"),
], ids=["small", "dated-by-rule"])
def test_an_entry_gives_back_the_parsed_schedule_field_for_field(text: str,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "stages.toml"
    path.write_text(text)
    parsed = parse_schedule(text, str(path))
    schedule_cache.store(path, path.read_bytes(), parsed)
    cached = schedule_cache.load(path, path.read_bytes())
    assert cached is not None and cached is not parsed
    assert every_field(cached) == every_field(parsed)
    assert (cached.elections, cached.path) == (parsed.elections, parsed.path)
    assert any(stage.dated_by_rule for stage in parsed) == (text != SMALL.read_text())


def test_repeated_texts_are_stored_once(tmp_path: Path) -> None:
    """Regional copies of a stage share its name and source: the entry (and the memory of a
    schedule loaded from it) holds them once."""
    path = big_schedule(tmp_path / "big.toml")
    load_schedule(path)
    cached = schedule_cache.load(path, path.read_bytes())
    assert cached is not None
    first, second = cached.stages[:2]
    assert first.id != second.id
    assert first.name is second.name and first.source is second.source


# --- a cache that others could write to, or that went wrong -------------------------------

def test_an_entry_is_data_never_code(tmp_path: Path) -> None:
    """A pickle planted where an entry goes (which once ran on a plain `now`) is a miss."""
    import pickle

    path = big_schedule(tmp_path / "big.toml")
    expected = load_schedule(path)
    (entry,) = entries()
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, ...]:
            return (marker.write_text, ("code from the cache ran",))

    entry.write_bytes(pickle.dumps(Payload()))
    assert load_schedule(path) == expected
    assert not marker.exists()


def test_a_flipped_byte_in_an_entry_is_a_miss(tmp_path: Path) -> None:
    path = big_schedule(tmp_path / "big.toml")
    expected = load_schedule(path)
    (entry,) = entries()
    data = bytearray(entry.read_bytes())
    spot = data.index(b"Masa Kampanye")  # a stage name in the entry's text table
    data[spot + 1] ^= 0x01
    entry.write_bytes(bytes(data))
    assert schedule_cache.load(path, path.read_bytes()) is None
    assert load_schedule(path) == expected


def test_an_edit_is_seen_when_timestamps_and_inode_do_not_change(tmp_path: Path) -> None:
    """On a filesystem with one-second timestamps two edits in one second look alike to a
    stat; the entry is keyed by the file's bytes."""
    path = big_schedule(tmp_path / "big.toml")
    load_schedule(path)
    before = path.stat()
    text = path.read_text().replace('id = "kampanye-0"', 'id = "kampanye-x"', 1)
    with open(path, "r+", encoding="utf-8") as handle:  # same inode, same size
        handle.write(text)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size,
                                                               before.st_mtime_ns)
    assert load_schedule(path).get("pemilu-2024/kampanye-x") is not None


def test_a_directory_others_can_write_is_never_used(tmp_path: Path) -> None:
    path = big_schedule(tmp_path / "big.toml")
    folder = schedule_cache.cache_dir()
    folder.mkdir(parents=True)
    os.chmod(folder, 0o777)
    load_schedule(path)  # ours: made private, then used
    assert os.stat(folder).st_mode & 0o777 == 0o700 and len(entries()) == 1
    os.chmod(folder, 0o777)  # loosened later: not read until a miss makes it private again
    assert schedule_cache.load(path, path.read_bytes()) is None


def test_the_directory_is_private(tmp_path: Path) -> None:
    load_schedule(big_schedule(tmp_path / "big.toml"))
    (entry,) = entries()
    assert os.stat(schedule_cache.cache_dir()).st_mode & 0o777 == 0o700
    assert os.stat(entry).st_mode & 0o777 == 0o600


def test_a_fifo_or_a_link_as_the_entry_is_a_miss_at_once(tmp_path: Path) -> None:
    """A FIFO once hung `now`; a link could point anywhere."""
    path = big_schedule(tmp_path / "big.toml")
    expected = load_schedule(path)
    (entry,) = entries()
    entry.unlink()
    os.mkfifo(entry)
    assert load_schedule(path) == expected  # returns: the FIFO is not opened to block
    entry.unlink()
    elsewhere = tmp_path / "elsewhere.entry"
    elsewhere.write_text("{}")
    entry.symlink_to(elsewhere)
    assert load_schedule(path) == expected
    assert elsewhere.read_text() == "{}"  # the store replaced the link, not its target


# --- a schedule made from its entry only as far as a command looks -------------------------

def cached_copy(path: Path) -> Schedule:
    """The schedule of ``path`` as a later command gets it: from the entry the first left."""
    load_schedule(path)
    cached = schedule_cache.load(path, path.read_bytes())
    assert cached is not None and isinstance(cached.stages, StageColumns)
    return cached


def test_now_makes_only_the_stages_it_shows(tmp_path: Path) -> None:
    path = big_schedule(tmp_path / "big.toml")
    text = path.read_text()
    path.write_text(text + text.split("[[stages]]")[1].join(["[[stages]]", ""]).replace(
        'id = "kampanye-0"', 'id = "kampanye-lain"').replace("2023-11-28", "2023-12-28"))
    cached = cached_copy(path)
    stages = cached.stages
    assert isinstance(stages, schedule_cache._CachedStages)
    at = dt.datetime(2023, 12, 20, 12, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    overview = cached.overview(at)
    shown = len(overview.active) + len(overview.pending) + (overview.next is not None)
    assert stages.every is None and 0 < len(stages.made) <= shown + 1
    found = cached.get("pemilu-2024/kampanye-7")
    assert found is not None and found.id == "kampanye-7" and stages.every is None
    assert cached.get("pemilu-2024/tidak-ada") is None and not cached.has("x/kampanye-7")
    parsed = parse_schedule(path.read_text(), str(path))
    assert overview == parsed.overview(at)
    assert every_field(cached) == every_field(parsed)  # now all made, those made first kept
    assert stages.every is not None and any(stage is found for stage in stages.every)


def test_the_overview_of_an_entry_is_the_parsed_schedules() -> None:
    """Every tenth day of 2022-2032, with and without --milestones, on the bundled data."""
    source = bundled_path()
    cached, parsed = cached_copy(source), parse_schedule(source.read_text(), str(source))
    moment = dt.datetime(2022, 1, 1, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    while moment.year < 2033:
        for milestones in (False, True):
            assert cached.overview(moment, milestones_only=milestones) == \
                parsed.overview(moment, milestones_only=milestones)
        moment += dt.timedelta(days=10, hours=5)


def test_a_settled_file_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    """Once its entry records the stat of a file that had not changed for a while, a stat
    that still matches tells the file is unchanged; any write changes its stat."""
    path = big_schedule(tmp_path / "big.toml")
    assert schedule_cache.load_unread(path) is None  # just written: not settled yet
    monkeypatch.setattr(schedule_cache, "SETTLED_NS", -10**18)  # every file settled
    expected = load_schedule(path)  # parsed, stored with its stat
    assert schedule_cache.load_unread(path) == expected
    monkeypatch.setattr("pemilu_timeline.schedule.read.read_bytes",
                        lambda *a: pytest.fail("the file was read"))
    assert load_schedule(path) == expected
    monkeypatch.undo()
    before = path.stat()
    text = path.read_text().replace('id = "kampanye-0"', 'id = "kampanye-x"', 1)
    with open(path, "r+", encoding="utf-8") as handle:  # same inode, size and mtime
        handle.write(text)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert schedule_cache.load_unread(path) is None
    assert load_schedule(path).get("pemilu-2024/kampanye-x") is not None


def test_a_read_of_a_settled_file_records_its_stat(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer's entry is made while the file is new; a later read adds the stat."""
    path = big_schedule(tmp_path / "big.toml")
    expected = load_schedule(path)
    monkeypatch.setattr(schedule_cache, "SETTLED_NS", -10**18)
    assert schedule_cache.load_unread(path) is None
    assert load_schedule(path) == expected  # a hit by its bytes, which adds the stat
    assert schedule_cache.load_unread(path) == expected


def test_an_entry_made_by_hand_fails_in_one_line_and_goes(tmp_path: Path) -> None:
    """A place past the table, under a checksum made to match: only someone with the
    user's own account can plant it; the command says so in one line, and it goes."""
    import ast
    import zlib

    from tests.helpers import run

    path = big_schedule(tmp_path / "big.toml")
    load_schedule(path)
    (entry,) = entries()
    head, file_line, body = entry.read_bytes().split(b"\n", 2)
    body = body[:-4] + (2**31).to_bytes(4, "little")  # the last stage's timing
    key, _, written = ast.literal_eval(head.decode())
    head = repr((key, (len(body), zlib.crc32(body), zlib.adler32(body)), written)).encode()
    entry.write_bytes(b"\n".join([head, file_line, body]))
    result = run("now", "--file", path, "--at", "2024-01-01", code=1)
    assert "cache" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not entry.exists()
    run("now", "--file", path, "--at", "2024-01-01")


@pytest.mark.parametrize("seed", range(40))
def test_kept_columns_copied_in_runs_equal_those_copied_place_by_place(seed: int) -> None:
    import random
    from array import array

    rng = random.Random(seed)
    total = rng.randrange(1, 300)
    kept = array(schedule_cache.PLACE, (rng.randrange(1000) for _ in range(total)))
    order = list(range(total))
    for _ in range(rng.randrange(4)):  # stages removed
        if order:
            del order[rng.randrange(len(order))]
    if seed % 5 == 0:  # moved about
        rng.shuffle(order)
    for _ in range(rng.randrange(1, 4)):  # stages added, anywhere, next to one another too
        order.insert(rng.randrange(len(order) + 1), -1)
    fresh = [place for place, came_from in enumerate(order) if came_from < 0]
    pieces = schedule_cache._kept_pieces(order, fresh)
    slow = schedule_cache._kept_column(kept, order, None)
    fast = schedule_cache._kept_column(kept, order, pieces)
    others = [place for place in range(len(order)) if place not in fresh]
    assert [fast[place] for place in others] == [slow[place] for place in others]
    assert len(fast) == len(slow) == len(order)
