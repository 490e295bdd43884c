"""A cache of parsed, validated schedules, so files load without re-parsing TOML.

Loading an entry costs far less than importing a TOML parser, parsing and validating, and
that keeps `now` at the import floor. Files smaller than ``MIN_BYTES`` parse in about the
time a lookup costs, so they are not cached (the bundled schedule, which every `now` reads,
is larger), unless a rule counts working days: loading the holiday calendar costs more.

An entry is data, never code: text that names each stage's fields and values, read by
splitting, and columns of numbers, so a file planted in the cache can at worst be a miss. It is
used only when its key matches: the schedule file's own bytes (their length and two checksums,
so an edit is seen even on a filesystem whose timestamps are too coarse to tell two edits
apart), its path, the package code and the Stage layout; and when the checksum of the entry
itself matches, so a damaged entry is a miss too. Entries live in a directory private to the
user (0700, owned by them); a directory or entry that is not is never read or written. Any
problem reading or writing the cache falls back to parsing: the cache can never make a command
fail. Set PEMILU_TIMELINE_NO_CACHE=1 to turn it off.

The writer stores the schedule of each file it writes, marked as its own text, before it lets
go of the lock: the next read needs no parsing, and the next change can be made chunk by
chunk (``patch``).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import stat as st
import sys
import zlib
from array import array
from collections import deque
from dataclasses import dataclass, fields
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import Any

from pemilu_timeline.model import (
    UNITS,
    Counting,
    Direction,
    Election,
    Region,
    RegionKind,
    Rule,
    Schedule,
    Sense,
    Span,
    Stage,
    State,
)

MIN_BYTES = 8 * 1024
MAX_ENTRY_BYTES = 256 * 1024 * 1024
FORMAT = 8
ENV_DISABLE = "PEMILU_TIMELINE_NO_CACHE"
PACKAGE_ROOT = os.path.dirname(os.path.dirname(__file__))  # src/pemilu_timeline
SUFFIX = ".entry"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pemilu-timeline"


def enabled(data: bytes) -> bool:
    """Whether a file is worth an entry: a large one, or one with a rule in working days,
    whose holiday calendar costs far more to load than a lookup."""
    if os.environ.get(ENV_DISABLE):
        return False
    return len(data) >= MIN_BYTES or b"working_days" in data


def content_key(data: bytes) -> tuple[int, int, int]:
    """The schedule file's bytes, in three numbers that change when any byte does."""
    return len(data), zlib.crc32(data), zlib.adler32(data)


def _entry(resolved: str) -> Path:
    # The name only spreads files over entries; the key inside says which file it holds, so
    # two paths sharing a checksum only take turns (a miss), never read each other's entry.
    return cache_dir() / f"{zlib.crc32(resolved.encode()):08x}{SUFFIX}"


def _code_stamp(root: str = PACKAGE_ROOT) -> list[list[Any]]:
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
                    stamp.append([entry.path[len(root) + 1:], info.st_size, info.st_mtime_ns])
                elif entry.is_dir() and entry.name.isidentifier() \
                        and entry.name != "__pycache__":  # a subpackage (or the data)
                    folders.append(entry.path)
    return sorted(stamp)


def _key(resolved: str, content: bytes) -> list[Any]:
    return [FORMAT, sys.implementation.cache_tag, _code_stamp(PACKAGE_ROOT), _fields_stored(),
            resolved, list(content_key(content))]


def _private_dir(create: bool) -> Path | None:
    """The cache directory, if it is the user's own and no one else's to read or write."""
    folder = cache_dir()
    if create:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.lstat(folder)
    if not st.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        return None
    if info.st_mode & 0o077:
        if not create:
            return None
        os.chmod(folder, 0o700)  # ours, made by an older version under a loose umask
    return folder


def load(path: Path, content: bytes) -> Schedule | None:
    """The cached schedule for the file ``path`` whose bytes are ``content``, or None."""
    found = load_entry(path, content)
    return found[0] if found else None


def load_entry(path: Path, content: bytes) -> tuple[Schedule, bool] | None:
    """The cached schedule for ``path`` holding ``content``, and whether the writer wrote
    those bytes (its canonical text, which it can change chunk by chunk); None on a miss."""
    try:
        if _private_dir(create=False) is None:
            return None
        resolved = str(path.resolve())
        data = _read_entry(_entry(resolved))
        if data is None:
            return None
        head, _, body = data.partition(b"\n")
        key = _key(resolved, content)
        for written in (True, False):
            if head == _header(key, body, written):
                return _decode(body, str(path)), written
        return None
    except Exception:  # a missing, partial, damaged or foreign entry is just a miss
        return None


def _header(key: list[Any], body: bytes, written: bool) -> bytes:
    """The entry's first line: what it was made from, and the checksum of the rest."""
    return repr((key, content_key(body), written)).encode("utf-8")


def _read_entry(entry: Path) -> bytes | None:
    """The entry's bytes if it is a regular file of this user's, else None (a FIFO, a link or
    a device planted there is never opened for reading in a way that could block)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) \
        | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(entry, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not st.S_ISREG(info.st_mode) or info.st_uid != os.getuid() \
                or info.st_mode & 0o077 or info.st_size > MAX_ENTRY_BYTES:
            return None
        return handle.read(MAX_ENTRY_BYTES + 1)


def store(path: Path, content: bytes, schedule: Schedule, *, written: bool = False) -> None:
    """Save through the atomic writer, so a concurrent reader never sees half an entry;
    ``written`` when the writer wrote ``content`` (see load_entry)."""
    from pemilu_timeline.fsio import write_atomic

    try:
        if _private_dir(create=True) is None:
            return
        resolved = str(path.resolve())
        body = _encode(schedule)
        head = _header(_key(resolved, content), body, written)
        write_atomic(_entry(resolved), head + b"\n" + body,
                     mode=0o600, durable=False, through_symlink=False)
    except Exception:  # a read-only home, a full disk or no home at all only costs speed
        return


# --- the entry's data ------------------------------------------------------------------------
#
# Data read by splitting and counting, nothing else. A text part first: the Stage fields, a
# table of every value once, a unit (US) each (regional copies of a stage share their name,
# source and dates, which then load as one object), the elections and the regions. Then, for
# each Stage field in turn, a place in the table per stage, as unsigned 32-bit integers: the
# stages are made field by field from those columns, without running code per stage. A
# valid schedule never holds the separators, and a text that did would not be cached.

GS, RS, US = "\x1d", "\x1e", "\x1f"  # groups (elections), records, units
_SEPARATORS = re.compile("[\x1d\x1e\x1f]")
PLACE = "I"  # the array type of a place in the table


def _fields_stored() -> list[str]:
    """Every field of a Stage, those it works out on loading too (they load as they are)."""
    return [f.name for f in fields(Stage)]


class _Table(dict[tuple[type, Any], int]):
    """Each value's place, by type and value (True and 1 are equal, not the same value): a
    value met the first time takes the next free place."""

    def __missing__(self, key: tuple[type, Any]) -> int:
        place = self[key] = len(self)
        return place


@dataclass
class _Loaded:
    """The last entry loaded, as columns: a change's schedule, which keeps most of its stages,
    is then stored without encoding every stage again."""

    schedule: Schedule
    units: list[str]
    values: list[Any]
    places: array[int]


_loaded: _Loaded | None = None


def _encode(schedule: Schedule) -> bytes:
    units, places = _columns_changed(schedule, _loaded) or _columns(schedule)
    if sys.byteorder == "big":
        places.byteswap()
    text = RS.join([US.join([str(len(schedule.stages)), *_fields_stored()]), US.join(units),
                    _rows(schedule.elections.values(), Election),
                    _rows(schedule.regions.values(), Region)]).encode("utf-8")
    return b"%d\n" % len(text) + text + places.tobytes()


def _place_tags(table: _Table, value: Any) -> None:
    """A tuple's texts placed before it: its unit names their places."""
    if type(value) is tuple:
        for tag in value:
            table[type(tag), tag]  # placed by __missing__


def _columns(schedule: Schedule) -> tuple[list[str], array[int]]:
    """Every value once, as units, and each field's column of places."""
    table = _Table()
    places = array(PLACE)
    for name in _fields_stored():
        column = list(map(attrgetter(name), schedule.stages))
        kinds = list(map(type, column))
        if tuple in kinds:
            for value in set(column):
                _place_tags(table, value)
        places.extend(map(table.__getitem__, zip(kinds, column, strict=True)))
    return [_unit(kind, value, table) for kind, value in table], places


def _columns_changed(schedule: Schedule, loaded: _Loaded | None
                     ) -> tuple[list[str], array[int]] | None:
    """The columns of a schedule made from the one last loaded: its stages kept take their
    places from there, and only the new ones' values are placed and written. None when the
    schedule is not such a one, or when so much changed (or the table holds so many values no
    stage uses any more) that encoding it all is as cheap."""
    if loaded is None or not schedule.stages:
        return None
    old = {id(stage): place for place, stage in enumerate(loaded.schedule.stages)}
    order = [old.get(id(stage), -1) for stage in schedule.stages]
    fresh = [place for place, came_from in enumerate(order) if came_from < 0]
    if len(fresh) * 4 > len(order):
        return None
    table = _Table({(type(value), value): place for place, value in enumerate(loaded.values)})
    if len(table) != len(loaded.values):
        return None  # two places for one value: leave it to the full encoding
    total, names = len(loaded.schedule.stages), _fields_stored()
    places = array(PLACE)
    for column, name in enumerate(names):
        kept = loaded.places[column * total:(column + 1) * total]
        column_places = array(PLACE, map(kept.__getitem__, order))
        for place in fresh:
            value = getattr(schedule.stages[place], name)
            _place_tags(table, value)
            column_places[place] = table[type(value), value]
        places.extend(column_places)
    if (len(table) - len(set(places))) * 2 > len(table):
        return None  # values of stages gone pile up: start again
    units = loaded.units + [_unit(kind, value, table)
                            for kind, value in list(table)[len(loaded.units):]]
    return units, places


def _rows(items: Any, kind: type) -> str:
    """Elections or regions: a group each, a unit per field (empty for none)."""
    cells = [[str(getattr(item, f.name) or "") for f in fields(kind)] for item in items]
    if any(_SEPARATORS.search(cell) for row in cells for cell in row):
        raise ValueError("a separator in a text")
    return GS.join(US.join(row) for row in cells)


def _unit(kind: type, value: Any, table: dict[tuple[type, Any], int]) -> str:
    """One value of the table as text: a letter for its kind, then the value."""
    if value is None:
        return "n"
    if kind is bool:
        return "b1" if value else "b0"
    if kind is int:
        return f"i{value}"
    if kind is tuple:
        return "g" + ",".join(str(table[(type(tag), tag)]) for tag in value)
    if kind is dt.datetime or kind is dt.date:
        return ("t" if kind is dt.datetime else "d") + str(value.isoformat())
    if kind is State:
        return "e" + str(value.value)
    if kind is Rule:
        return "r" + _rule_text(value)
    text = str(value)
    if _SEPARATORS.search(text):  # never in a validated schedule; never cached either
        raise ValueError("a separator in a text")
    return "s" + text


def _decode(body: bytes, path: str) -> Schedule:
    size, _, rest = body.partition(b"\n")
    head, values_text, elections_text, regions_text = \
        rest[:int(size)].decode("utf-8").split(RS)
    count, *names = head.split(US)
    if names != _fields_stored():
        raise ValueError("another Stage layout")
    total = int(count)
    places = array(PLACE)
    places.frombytes(rest[int(size):])
    if sys.byteorder == "big":
        places.byteswap()
    if len(places) != total * len(names):
        raise ValueError("a short entry")
    values: list[Any] = []
    units = values_text.split(US) if values_text else []
    for unit in units:
        values.append(unit[1:] if unit[:1] == "s" else _value(unit, values))
    collecting = gc.isenabled()
    gc.disable()  # what is made here lives as long as the schedule: a collection finds nothing
    try:
        stages = list(map(object.__new__, repeat(Stage, total)))
        for column, field_name in enumerate(names):  # as the dataclass's __init__ sets a slot
            setter = getattr(Stage, field_name).__set__
            deque(map(setter, stages, map(values.__getitem__,
                                          places[column * total:(column + 1) * total])),
                  maxlen=0)
    finally:
        if collecting:
            gc.enable()
    elections = {}
    for row in elections_text.split(GS) if elections_text else ():
        cells = [cell or None for cell in row.split(US)]
        elections[str(cells[0])] = Election(*cells)  # type: ignore[arg-type]
    regions = {}
    for row in regions_text.split(GS) if regions_text else ():
        code, name, kind, source, zone = [cell or None for cell in row.split(US)]
        regions[str(code)] = Region(str(code), str(name), RegionKind(str(kind)), str(source), zone)
    schedule = Schedule(elections, tuple(stages), path, regions)
    global _loaded
    _loaded = _Loaded(schedule, units, values, places)
    return schedule


def _value(unit: str, values: list[Any]) -> Any:
    kind, value = unit[:1], unit[1:]
    if kind == "s":
        return value
    if kind == "d":
        return dt.date.fromisoformat(value)
    if kind == "t":
        return dt.datetime.fromisoformat(value)
    if kind == "g":
        return tuple(values[int(i)] for i in value.split(",")) if value else ()
    if kind == "n":
        return None
    if kind == "b":
        return value == "1"
    if kind == "i":
        return int(value)
    if kind == "e":
        return State(value)
    if kind == "r":
        return _rule_from(value)
    raise ValueError(f"unknown value {kind!r}")


# A rule as its fields in order, comma-separated; the window's far bound as its units joined
# by '.'. Ids and choices never hold either character.
def _rule_text(rule: Rule) -> str:
    parts = []
    for item in fields(Rule):
        value = getattr(rule, item.name)
        if isinstance(value, Span):
            value = ".".join(str(getattr(value, unit)) for unit in UNITS)
        parts.append("" if value is None else str(value))
    return ",".join(parts)


def _rule_from(text: str) -> Rule:
    (stage, days, sense, edge, duration, direction, years, months, working_days, hours,
     counting, latest) = text.split(",")
    return Rule(stage, int(days), Sense(sense), edge, int(duration), Direction(direction),
                int(years), int(months), int(working_days), int(hours), Counting(counting),
                Span(*map(int, latest.split("."))) if latest else None)
