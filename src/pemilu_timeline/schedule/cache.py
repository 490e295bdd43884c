"""A cache of parsed, validated schedules, so files load without re-parsing TOML.

Loading an entry costs far less than importing a TOML parser, parsing and validating, and
that keeps `now` at the import floor. Files smaller than ``MIN_BYTES`` parse in about the
time a lookup costs, so they are not cached (the bundled schedule, which every `now` reads,
is larger), unless a rule counts working days: loading the holiday calendar costs more.

An entry is data, never code: plain text that names each stage's fields, read by splitting,
so a file planted in the cache can at worst be a miss. It is used only when its key matches: the
schedule file's own bytes (their length and two checksums, so an edit is seen even on a
filesystem whose timestamps are too coarse to tell two edits apart), its path, the package
code and the Stage layout; and when the checksum of the entry itself matches, so a damaged
entry is a miss too. Entries live in a directory private to the user (0700, owned by them);
a directory or entry that is not is never read or written. Any problem reading or writing
the cache falls back to parsing: the cache can never make a command fail. Set
PEMILU_TIMELINE_NO_CACHE=1 to turn it off.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat as st
import sys
import zlib
from dataclasses import fields
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
FORMAT = 7
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


def _init_fields() -> list[str]:
    return [f.name for f in fields(Stage) if f.init]


def _key(resolved: str, content: bytes) -> list[Any]:
    return [FORMAT, sys.implementation.cache_tag, _code_stamp(PACKAGE_ROOT), _init_fields(),
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
    try:
        if _private_dir(create=False) is None:
            return None
        resolved = str(path.resolve())
        data = _read_entry(_entry(resolved))
        if data is None:
            return None
        head, _, body = data.partition(b"\n")
        if head != _header(resolved, content, body):
            return None
        return _decode(body.decode("utf-8"), str(path))
    except Exception:  # a missing, partial, damaged or foreign entry is just a miss
        return None


def _header(resolved: str, content: bytes, body: bytes) -> bytes:
    """The entry's first line: what it was made from, and the checksum of the rest."""
    return repr((_key(resolved, content), content_key(body))).encode("utf-8")


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


def store(path: Path, content: bytes, schedule: Schedule) -> None:
    """Save through the atomic writer, so a concurrent reader never sees half an entry."""
    from pemilu_timeline.fsio import write_atomic

    try:
        if _private_dir(create=True) is None:
            return
        resolved = str(path.resolve())
        body = _encode(schedule).encode("utf-8")
        write_atomic(_entry(resolved), _header(resolved, content, body) + b"\n" + body,
                     mode=0o600, durable=False, through_symlink=False)
    except Exception:  # a read-only home, a full disk or no home at all only costs speed
        return


# --- the entry's data ------------------------------------------------------------------------
#
# Plain text, read by splitting and nothing else. The first records hold the Stage fields and
# a table of every value once, a unit (US) each: regional copies of a stage share their name,
# source and dates, which then load as one object. Then one record (RS) per Stage field: a
# character per stage, whose code point is the value's place in the table. A valid schedule
# never holds the separators, and a text that did would not be cached.

GS, RS, US = "\x1d", "\x1e", "\x1f"  # groups (elections), records, units
_SEPARATORS = re.compile("[\x1d\x1e\x1f]")
_FIRST = 0x100  # table places start past the separators; surrogates are skipped
_SURROGATES = 0x800


def _char(place: int) -> str:
    code = place + _FIRST
    return chr(code if code < 0xD800 else code + _SURROGATES)


def _encode(schedule: Schedule) -> str:
    table: dict[tuple[type, Any], int] = {}

    def ref(value: Any) -> str:
        key = (type(value), value)
        if key not in table:
            if type(value) is tuple:  # its texts first: the tuple's unit names their places
                for tag in value:
                    ref(tag)
            table[key] = len(table)
        return _char(table[key])

    names = _init_fields()
    columns = ["".join(ref(getattr(stage, name)) for stage in schedule.stages)
               for name in names]
    values = [_unit(kind, value, table) for kind, value in table]  # in place order
    return RS.join([US.join([str(len(schedule.stages)), *names]), US.join(values),
                    _rows(schedule.elections.values(), Election),
                    _rows(schedule.regions.values(), Region), *columns])


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


def _decode(text: str, path: str) -> Schedule:
    head, values_text, elections_text, regions_text, *columns = text.split(RS)
    count, *names = head.split(US)
    if names != _init_fields() or len(columns) != len(names):
        raise ValueError("another Stage layout")
    values: list[Any] = []
    for unit in values_text.split(US) if values_text else ():
        values.append(_value(unit, values))
    decoded = [[values[o - _FIRST] if o < 0xD800 else values[o - _FIRST - _SURROGATES]
                for o in map(ord, column)] for column in columns]
    stages = tuple(Stage(*row) for row in zip(*decoded, strict=True))
    if len(stages) != int(count):
        raise ValueError("a short entry")
    elections = {}
    for row in elections_text.split(GS) if elections_text else ():
        cells = [cell or None for cell in row.split(US)]
        elections[str(cells[0])] = Election(*cells)  # type: ignore[arg-type]
    regions = {}
    for row in regions_text.split(GS) if regions_text else ():
        code, name, kind, source, zone = [cell or None for cell in row.split(US)]
        regions[str(code)] = Region(str(code), str(name), RegionKind(str(kind)), str(source), zone)
    return Schedule(elections, stages, path, regions)


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
