"""The parse cache for large files: used only while the file is unchanged, never fatal."""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path

import pytest

from pemilu_timeline import Schedule, Stage, load_schedule, parse_schedule
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
    return sorted(schedule_cache.cache_dir().glob("*.pickle"))


def test_large_file_is_cached_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = big_schedule(tmp_path / "big.toml")
    first = load_schedule(path)
    assert len(entries()) == 1
    # A cache hit must not read the file: make reading it fail.
    monkeypatch.setattr("pemilu_timeline.schedule.read.read_text",
                        lambda p: pytest.fail("the file was parsed again"))
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
    assert schedule_cache.load(path, path.stat()) is not None
    module = package / "rules" / "calendar.py"  # a module of a subpackage
    module.write_text(module.read_text() + "\n# edited\n")
    assert schedule_cache.load(path, path.stat()) is None


def test_the_stamp_covers_every_module_of_the_package() -> None:
    stamped = {name for name, _size, _mtime in schedule_cache._code_stamp()}
    on_disk = {str(p.relative_to(schedule_cache.PACKAGE_ROOT))
               for p in Path(schedule_cache.PACKAGE_ROOT).rglob("*.py")}
    assert stamped == on_disk and os.path.join("rules", "calendar.py") in stamped


def test_the_bundled_schedule_is_cached() -> None:
    """The cache is what keeps `now` on the bundled data near the import floor."""
    from pemilu_timeline import bundled_path

    load_schedule(bundled_path())
    assert len(entries()) == 1


def test_no_cache_directory_at_all_is_harmless(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run of the bundled schedule now asks the cache; a home that cannot be found
    (pathlib raises RuntimeError, not OSError) must not stop `now`."""
    from pemilu_timeline import bundled_path

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
    schedule_cache.store(path, path.stat(), parsed)
    cached = schedule_cache.load(path, path.stat())
    assert cached is not None and cached is not parsed
    assert every_field(cached) == every_field(parsed)
    assert (cached.elections, cached.path) == (parsed.elections, parsed.path)
    assert any(stage.dated_by_rule for stage in parsed) == (text != SMALL.read_text())


def test_repeated_texts_are_stored_once(tmp_path: Path) -> None:
    """Regional copies of a stage share its name and source: the entry (and the memory of a
    schedule loaded from it) holds them once."""
    path = big_schedule(tmp_path / "big.toml")
    load_schedule(path)
    cached = schedule_cache.load(path, path.stat())
    assert cached is not None
    first, second = cached.stages[:2]
    assert first.id != second.id
    assert first.name is second.name and first.source is second.source
