"""A cache of parsed, validated schedules, so files load without re-parsing TOML.

Loading an entry costs far less than importing a TOML parser, parsing and validating, and
that keeps `now` at the import floor. Files smaller than ``MIN_BYTES`` parse in about the
time a lookup costs, so they are not cached (the bundled schedule, which every `now` reads,
is larger). An entry is used only while the file's size, mtime, inode and ctime are
unchanged (every write through `store` replaces the file, which changes them), and only by
the same package code and Stage layout. Any problem reading or writing the cache falls back
to parsing: the cache can never make a command fail. Set PEMILU_TIMELINE_NO_CACHE=1 to turn it off.
"""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path
from typing import Any

from pemilu_timeline.model import Schedule

MIN_BYTES = 8 * 1024
FORMAT = 4
ENV_DISABLE = "PEMILU_TIMELINE_NO_CACHE"
PACKAGE_ROOT = os.path.dirname(os.path.dirname(__file__))  # src/pemilu_timeline


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pemilu-timeline"


def enabled(size: int) -> bool:
    return size >= MIN_BYTES and not os.environ.get(ENV_DISABLE)


def _entry(resolved: str) -> Path:
    # The name only spreads files over entries; the key inside says which file it holds, so
    # two paths sharing a checksum only take turns (a miss), never read each other's entry.
    return cache_dir() / f"{zlib.crc32(resolved.encode()):08x}.pickle"


def _code_stamp(root: str = PACKAGE_ROOT) -> tuple[tuple[str, int, int], ...]:
    """Every module of the package, subpackages included, as it is on disk: an upgrade, or
    an edit in a development checkout, is a miss. (The version number would miss the
    latter, and reading it through importlib.metadata costs more than the cache saves on
    the bundled schedule.)"""
    stamp = []
    folders = [root]
    while folders:
        folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(".py"):
                    info = entry.stat()
                    name = os.path.relpath(entry.path, root)
                    stamp.append((name, info.st_size, info.st_mtime_ns))
                elif entry.is_dir() and entry.name.isidentifier() \
                        and entry.name != "__pycache__":  # a subpackage (or the data)
                    folders.append(entry.path)
    return tuple(sorted(stamp))


def _key(resolved: str, stat: os.stat_result) -> tuple[Any, ...]:
    from dataclasses import fields

    from pemilu_timeline.model import Stage

    return (FORMAT, sys.implementation.cache_tag, _code_stamp(PACKAGE_ROOT),
            tuple(f.name for f in fields(Stage)), resolved,
            stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_ctime_ns)


def load(path: Path, stat: os.stat_result) -> Schedule | None:
    """The cached schedule for this exact file state, or None."""
    import pickle

    try:
        resolved = str(path.resolve())
        with open(_entry(resolved), "rb") as handle:
            key, schedule = pickle.load(handle)
        if key != _key(resolved, stat) or not isinstance(schedule, Schedule):
            return None
    except Exception:  # a missing, partial or stale-format entry is just a miss
        return None
    return schedule


def store(path: Path, stat: os.stat_result, schedule: Schedule) -> None:
    """Save through the atomic writer, so a concurrent reader never sees half an entry."""
    import io

    from pemilu_timeline.fsio import write_atomic

    try:
        resolved = str(path.resolve())
        entry = _entry(resolved)
        entry.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        _dump((_key(resolved, stat), schedule), buffer)
        write_atomic(entry, buffer.getvalue(), mode=0o600, durable=False, through_symlink=False)
    except Exception:  # a read-only home, a full disk or no home at all only costs speed
        return


def _dump(value: Any, handle: Any) -> None:
    """Pickle with each Stage as its constructor's arguments, equal texts and dates once.

    A frozen, slotted dataclass unpickles through dataclasses' __setstate__, which calls
    fields() and sets each field by name. Calling Stage(...) is faster, and stages share much
    text (a regional sub-stage repeats its national stage's name, source and dates), which
    stored once makes a large entry several times smaller, on disk and in memory once
    loaded, and faster to load than a plain pickle. Only
    immutable values of exact types are shared, so sharing changes no stage.
    """
    import datetime as dt
    import pickle
    from dataclasses import fields

    from pemilu_timeline.model import Stage

    names = tuple(f.name for f in fields(Stage) if f.init)
    shared: dict[tuple[type, Any], Any] = {}

    def one(item: Any) -> Any:
        kind = type(item)
        if kind is str or kind is dt.date or (kind is tuple and all(type(t) is str for t in item)):
            return shared.setdefault((kind, item), item)
        return item

    class Pickler(pickle.Pickler):
        def reducer_override(self, obj: Any) -> Any:
            if type(obj) is Stage:
                return Stage, tuple([one(getattr(obj, name)) for name in names])
            return NotImplemented

    Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
