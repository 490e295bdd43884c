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
import os
import re
import stat as st
import sys
import time
import zlib
from array import array
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, fields
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter, sub
from pathlib import Path
from typing import Any, cast, overload

from pemilu_timeline.errors import CacheDamaged
from pemilu_timeline.gcpause import collection_paused
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
    StageColumns,
    State,
    Timing,
)

MIN_BYTES = 8 * 1024
MAX_ENTRY_BYTES = 256 * 1024 * 1024
FORMAT = 10
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


def content_key(data: bytes | memoryview) -> tuple[int, int, int]:
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


def _key(resolved: str) -> list[Any]:
    return [FORMAT, sys.implementation.cache_tag, _code_stamp(PACKAGE_ROOT), _fields_stored(),
            resolved]


# A file whose inode last changed this long before it was looked at is settled: any later
# change gives it another change time, even on a filesystem that keeps times to the second or
# two (the reasoning of git's "racy clean" entries). Its entry then also records the file's
# stat, and a read whose stat matches needs not read the file to know it is unchanged.
SETTLED_NS = 3_000_000_000


def file_stamp(info: os.stat_result) -> tuple[int, ...] | None:
    """What stat says of a regular file, if it is settled; None otherwise."""
    if not st.S_ISREG(info.st_mode) or info.st_ctime_ns > time.time_ns() - SETTLED_NS:
        return None
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


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


def load(path: Path, content: bytes, stamp: tuple[int, ...] | None = None
         ) -> Schedule | None:
    """The cached schedule for the file ``path`` whose bytes are ``content``, or None;
    ``stamp``, the file's (taken before it was read), is kept when the entry lacks it."""
    try:
        found = _found(path, content, stamp)
    except Exception:  # as in load_entry
        return None
    return found[0] if found else None


def load_unread(path: Path) -> Schedule | None:
    """The cached schedule for ``path`` if its entry records the file's settled stat and the
    file's stat is still that, without reading the file; None otherwise."""
    if os.environ.get(ENV_DISABLE):
        return None
    try:
        stamp = file_stamp(os.stat(path))
        found = _found(path, None, stamp) if stamp else None
        return found[0] if found else None
    except Exception:  # as in load_entry
        return None


def load_entry(path: Path, content: bytes, stamp: tuple[int, ...] | None = None
               ) -> tuple[Schedule, bool] | None:
    """The cached schedule for ``path`` holding ``content``, and whether the writer wrote
    those bytes (its canonical text, which it can change chunk by chunk); None on a miss.
    For the writer, which looks at every stage: they are all made at once."""
    try:
        found = _found(path, content, stamp)
        if found is not None and isinstance(found[0].stages, _CachedStages):
            found[0].stages.all()
        return found
    except Exception:  # a missing, partial, damaged or foreign entry is just a miss
        return None


def _found(path: Path, content: bytes | None, stamp: tuple[int, ...] | None
           ) -> tuple[Schedule, bool] | None:
    """The entry's schedule if the entry is for ``content`` (for a file whose stat is
    ``stamp``, when no content is given)."""
    if _private_dir(create=False) is None:
        return None
    resolved = str(path.resolve())
    entry = _entry(resolved)
    data = _read_entry(entry)
    if data is None:
        return None
    head_end = data.index(b"\n")
    file_end = data.index(b"\n", head_end + 1)
    head, file_line = data[:head_end], data[head_end + 1:file_end]
    body = memoryview(data)[file_end + 1:]  # not copied
    recorded = tuple(map(int, file_line.split()))
    if content is not None:
        if recorded[:3] != content_key(content):
            return None
    elif recorded[3:] != stamp:
        return None
    key, body_key = _key(resolved), content_key(body)
    for written in (True, False):
        if head == _header(key, body_key, written):
            schedule = _decode(body, str(path), entry)
            if content is not None and stamp is not None and not recorded[3:]:
                _write_entry(entry, head, content_key(content) + stamp, body)
            return schedule, written
    return None


def _header(key: list[Any], body_key: tuple[int, int, int], written: bool) -> bytes:
    """The entry's first line: what it was made from, and the checksum of the rest."""
    return repr((key, body_key, written)).encode("utf-8")


def _write_entry(entry: Path, head: bytes, recorded: tuple[int, ...],
                 body: bytes | memoryview) -> None:
    """The header, the file's content key (and its stat when settled), then the body."""
    from pemilu_timeline.fsio import write_atomic

    line = " ".join(map(str, recorded)).encode("ascii")
    write_atomic(entry, b"".join([head, b"\n", line, b"\n", body]),
                 mode=0o600, durable=False, through_symlink=False)


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


def store(path: Path, content: bytes, schedule: Schedule, *, written: bool = False,
          stamp: tuple[int, ...] | None = None) -> None:
    """Save through the atomic writer, so a concurrent reader never sees half an entry;
    ``written`` when the writer wrote ``content`` (see load_entry); ``stamp``, the file's
    settled stat taken before it was read (see file_stamp)."""
    try:
        if _private_dir(create=True) is None:
            return
        resolved = str(path.resolve())
        body = _encode(schedule)
        _write_entry(_entry(resolved), _header(_key(resolved), content_key(body), written),
                     content_key(content) + (stamp or ()), body)
    except Exception:  # a read-only home, a full disk or no home at all only costs speed
        return


# --- the entry's data ------------------------------------------------------------------------
#
# Data read by splitting and counting, nothing else. A text part first: the Stage fields, a
# table of every value once (a letter each for its kind, then the values as text, a unit (US)
# each: regional copies of a stage share their name, source and dates, which then load as one
# object), the elections and the regions. Then, for each Stage field in turn, and for what
# `now` asks of a stage (``DERIVED``), a place in the table per stage, as unsigned 32-bit
# integers: the stages are made field by field from those columns, without running code per
# stage, and only when asked for. A valid schedule never holds the separators, and a text that
# did would not be cached.

GS, RS, US = "\x1d", "\x1e", "\x1f"  # groups (elections), records, units
_SEPARATORS = re.compile("[\x1d\x1e\x1f]")
PLACE = "I"  # the array type of a place in the table
DERIVED = ("timing",)


def _fields_stored() -> list[str]:
    """Every field of a Stage, those it works out on loading too (they load as they are)."""
    return [f.name for f in fields(Stage)]


def _columns_stored() -> list[str]:
    """The fields, then what `now` reads of each stage (some of them fields too)."""
    return [*_fields_stored(), *DERIVED]


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
    stages: _CachedStages


_loaded: _Loaded | None = None


def _encode(schedule: Schedule) -> bytes:
    kinds, texts, places = _columns_changed(schedule, _loaded) or _columns(schedule)
    if sys.byteorder == "big":
        places.byteswap()
    text = RS.join([US.join([str(len(schedule.stages)), *_columns_stored()]), kinds,
                    US.join(texts), _rows(schedule.elections.values(), Election),
                    _rows(schedule.regions.values(), Region)]).encode("utf-8")
    return b"%d\n" % len(text) + text + places.tobytes()


def _place_tags(table: _Table, value: Any) -> None:
    """A tuple's texts placed before it: its unit names their places."""
    if type(value) is tuple:
        for tag in value:
            table[type(tag), tag]  # placed by __missing__


def _columns(schedule: Schedule) -> tuple[str, list[str], array[int]]:
    """Every value once, as its kind and its text, and each column's places."""
    table = _Table()
    places = array(PLACE)
    for name in _columns_stored():
        column = list(map(attrgetter(name), schedule.stages))
        kinds = list(map(type, column))
        if tuple in kinds:
            for value in set(column):
                _place_tags(table, value)
        places.extend(map(table.__getitem__, zip(kinds, column, strict=True)))
    units = [_unit(kind, value, table) for kind, value in table]
    return "".join(kind for kind, _ in units), [text for _, text in units], places


def _columns_changed(schedule: Schedule, loaded: _Loaded | None
                     ) -> tuple[str, list[str], array[int]] | None:
    """The columns of a schedule made from the one last loaded: its stages kept take their
    places from there, and only the new ones' values are placed and written. None when the
    schedule is not such a one, or when so much changed (or the table holds so many values no
    stage uses any more) that encoding it all is as cheap."""
    if loaded is None or not schedule.stages:
        return None
    before = loaded.stages
    old = {id(stage): place for place, stage in enumerate(loaded.schedule.stages)}
    order = [old.get(id(stage), -1) for stage in schedule.stages]
    fresh = [place for place, came_from in enumerate(order) if came_from < 0]
    if len(fresh) * 4 > len(order):
        return None
    values = before.values.all()
    table = _Table({(type(value), value): place for place, value in enumerate(values)})
    if len(table) != len(values):
        return None  # two places for one value: leave it to the full encoding
    pieces = _kept_pieces(order, fresh)
    places = array(PLACE)
    for kept, name in zip(before.columns, _columns_stored(), strict=True):
        column_places = _kept_column(kept, order, pieces)
        if len(column_places) != len(order):
            return None  # a column shorter than its stages: leave it to the full encoding
        for place in fresh:
            value = getattr(schedule.stages[place], name)
            _place_tags(table, value)
            column_places[place] = table[type(value), value]
        places.extend(column_places)
    if (len(table) - len(set(places))) * 2 > len(table):
        return None  # values of stages gone pile up: start again
    units = [_unit(kind, value, table) for kind, value in list(table)[len(values):]]
    return (before.values.kinds + "".join(kind for kind, _ in units),
            before.values.texts + [text for _, text in units], places)


def _kept_pieces(order: list[int], fresh: list[int]) -> list[tuple[int, int]] | None:
    """The new stages' order as pieces of the old columns: (first old place, length) for
    stages kept one after another, (-1, 1) for a new one; None when the pieces are so many
    that copying place by place is as cheap (stages moved about)."""
    steps = map(sub, order[1:], order)
    cuts = {0, *compress(range(1, len(order)), map((1).__ne__, steps)), *fresh,
            *(place + 1 for place in fresh)}
    cuts.discard(len(order))
    starts = sorted(cuts)
    if len(starts) * 16 > len(order):
        return None
    return [(order[start], end - start)
            for start, end in zip(starts, [*starts[1:], len(order)], strict=True)]


_BLANK = array(PLACE, [0])  # a new stage's place, until its value is placed


def _kept_column(kept: array[int], order: list[int], pieces: list[tuple[int, int]] | None
                 ) -> array[int]:
    """A column's places in the new order (anything at a new stage's): copied a run of kept
    stages at a time when ``pieces`` gives the runs."""
    if pieces is None:
        return array(PLACE, map(kept.__getitem__, order))
    column = array(PLACE)
    for first, length in pieces:
        column += kept[first:first + length] if first >= 0 else _BLANK
    return column


def _rows(items: Any, kind: type) -> str:
    """Elections or regions: a group each, a unit per field (empty for none)."""
    cells = [[str(getattr(item, f.name) or "") for f in fields(kind)] for item in items]
    if any(_SEPARATORS.search(cell) for row in cells for cell in row):
        raise ValueError("a separator in a text")
    return GS.join(US.join(row) for row in cells)


def _unit(kind: type, value: Any, table: dict[tuple[type, Any], int]) -> tuple[str, str]:
    """One value of the table: a letter for its kind, and the value as text."""
    if value is None:
        return "n", ""
    if kind is bool:
        return "b", "1" if value else "0"
    if kind is int:
        return "i", str(value)
    if kind is tuple:
        return "g", ",".join(str(table[(type(tag), tag)]) for tag in value)
    if kind is dt.datetime or kind is dt.date:
        return ("t" if kind is dt.datetime else "d"), str(value.isoformat())
    if kind is State:
        return "e", str(value.value)
    if kind is Rule:
        return "r", _rule_text(value)
    text = str(value)
    if _SEPARATORS.search(text):  # never in a validated schedule; never cached either
        raise ValueError("a separator in a text")
    return "s", text


_UNREAD = object()


class _Values:
    """The table's values: texts (most of them) as they are, the few dates, tags and the like
    read at once, and rules (one per stage counted from another) when a stage that holds
    them is made."""

    def __init__(self, kinds: str, texts: list[str]) -> None:
        if len(kinds) != len(texts):
            raise ValueError("a short table")
        self.kinds, self.texts = kinds, texts
        self.known: list[Any] = list(texts)
        self.unread = {found.start() for found in re.finditer("[^s]", kinds)}
        self.read([place for place in self.unread if kinds[place] != "r"])

    def __getitem__(self, place: int) -> Any:
        if place in self.unread:
            self.read([place])
        return self.known[place]

    def read(self, places: Iterable[int]) -> None:
        """Read the values at ``places`` that are not read yet."""
        for place in sorted(self.unread.intersection(places)):  # a tuple's tags come first
            self.known[place] = _value(self.kinds[place], self.texts[place], self)
            self.unread.discard(place)

    def all(self) -> list[Any]:
        """Every value, read: a list to index at C speed."""
        self.read(list(self.unread))
        return self.known


MADE_APART = 64  # requests for some stages before all are made (`now` makes a handful)


class _CachedStages(StageColumns):
    """The stages of an entry, made when asked for: those `now` shows, or all of them when
    the stages are iterated."""

    def __init__(self, total: int, values: _Values, columns: list[array[int]],
                 entry: Path) -> None:
        self.total, self.values, self.columns, self.entry = total, values, columns, entry
        self.made: dict[int, Stage] = {}
        self.asked = 0
        self.every: tuple[Stage, ...] | None = None
        self.setters = [(getattr(Stage, name).__set__, column)
                        for name, column in zip(_fields_stored(), columns, strict=False)]

    def __len__(self) -> int:
        return self.total

    @overload
    def __getitem__(self, index: int) -> Stage: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Stage, ...]: ...

    def __getitem__(self, index: int | slice) -> Stage | tuple[Stage, ...]:
        if self.every is not None or isinstance(index, slice):
            return self.all()[index]
        return self.at([range(self.total)[index]])[0]  # past the end: IndexError, as a tuple

    def at(self, places: Sequence[int]) -> list[Stage]:
        self.asked += 1
        if self.every is None and self.asked > MADE_APART:
            self.all()  # a change looks up stage after stage: make them all at once
        if self.every is not None:
            return list(map(self.every.__getitem__, places))
        missing = [place for place in dict.fromkeys(places) if place not in self.made]
        if missing:
            known = self.values.known
            stages = list(map(object.__new__, repeat(Stage, len(missing))))
            with self._read():
                for setter, column in self.setters:  # as the dataclass's __init__ sets a slot
                    needed = list(map(column.__getitem__, missing))
                    if self.values.unread:
                        self.values.read(needed)
                    deque(map(setter, stages, map(known.__getitem__, needed)), maxlen=0)
            self.made.update(zip(missing, stages, strict=True))
        return list(map(self.made.__getitem__, places))

    def __iter__(self) -> Iterator[Stage]:
        return iter(self.all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return self.all() == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a tuple, yet changing in form

    def all(self) -> tuple[Stage, ...]:
        """Every stage, made field by field from the columns at C speed (those made before
        stay the same objects)."""
        if self.every is None:
            with collection_paused(), self._read():  # stages live as long as the schedule
                values = self.values.all()
                stages = list(map(object.__new__, repeat(Stage, self.total)))
                for setter, column in self.setters:
                    deque(map(setter, stages, map(values.__getitem__, column)), maxlen=0)
            for place, stage in self.made.items():
                stages[place] = stage
            self.every = tuple(stages)
        return self.every

    def keyed(self) -> Mapping[str, Stage]:
        if self.every is not None:  # all made (the writer's): a plain index
            return {stage.key: stage for stage in self.every}
        return _Keyed(self)

    def timings(self) -> tuple[Sequence[Hashable], Callable[[Hashable], Timing]]:
        known = self.values.known  # timings are tuples, read with the table

        def timing_of(row: Hashable) -> Timing:
            with self._read():
                return cast(Timing, known[cast(int, row)])

        return self.columns[_columns_stored().index("timing")], timing_of

    @contextmanager
    def _read(self) -> Iterator[None]:
        """Reading values and places the entry's checksum vouched for: only an entry made by
        hand (in the user's own private folder) fails here, and then it goes, with one line."""
        try:
            yield
        except (IndexError, ValueError, TypeError) as error:
            with suppress(OSError):
                self.entry.unlink()
            raise CacheDamaged(entry=str(self.entry)) from error


class _Keyed(Mapping[str, Stage]):
    """The stages by ELECTION/ID, found through the id column: a stage is made only when it
    is looked up."""

    def __init__(self, stages: _CachedStages) -> None:
        names, self.known = _fields_stored(), stages.values.known
        self.stages = stages
        self.id_places = stages.columns[names.index("id")]
        self.election_places = stages.columns[names.index("election")]
        self.last = dict(zip(map(self.known.__getitem__, self.id_places), range(stages.total),
                             strict=True))  # an id held in several elections: its last place
        self.by_pair: dict[tuple[str, str], int] | None = None
        self.by_key: dict[str, Stage] | None = None

    def made(self) -> dict[str, Stage] | None:
        """Once every stage is made (a change looks up many), a plain index of them."""
        if self.by_key is None and self.stages.every is not None:
            self.by_key = {stage.key: stage for stage in self.stages.every}
        return self.by_key

    def get(self, key: str, default: Any = None) -> Any:
        made = self.made()
        if made is not None:
            return made.get(key, default)
        place = self.place(key)
        return default if place is None else self.stages[place]

    def place(self, key: str) -> int | None:
        election, _, stage_id = key.partition("/")
        place = self.last.get(stage_id)
        if place is None or self.known[self.election_places[place]] == election:
            return place
        if self.by_pair is None:  # the id is another election's too: index both
            known = self.known
            self.by_pair = dict(zip(zip(map(known.__getitem__, self.election_places),
                                        map(known.__getitem__, self.id_places), strict=True),
                                    range(self.stages.total), strict=True))
        return self.by_pair.get((election, stage_id))

    def __getitem__(self, key: str) -> Stage:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return cast(Stage, found)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        known = self.known
        return map("{}/{}".format, map(known.__getitem__, self.election_places),
                   map(known.__getitem__, self.id_places))

    def __len__(self) -> int:
        return self.stages.total


def _decode(body: bytes | memoryview, path: str, entry: Path) -> Schedule:
    size_end = bytes(body[:24]).index(b"\n")
    text_end = size_end + 1 + int(bytes(body[:size_end]))
    head, kinds, values_text, elections_text, regions_text = \
        str(body[size_end + 1:text_end], "utf-8").split(RS)
    count, *names = head.split(US)
    if names != _columns_stored():
        raise ValueError("another Stage layout")
    total = int(count)
    places = array(PLACE)
    places.frombytes(body[text_end:])
    if sys.byteorder == "big":
        places.byteswap()
    if len(places) != total * len(names):
        raise ValueError("a short entry")
    values = _Values(kinds, values_text.split(US) if kinds else [])
    columns = [places[column * total:(column + 1) * total] for column in range(len(names))]
    stages = _CachedStages(total, values, columns, entry)
    elections = {}
    for row in elections_text.split(GS) if elections_text else ():
        cells = [cell or None for cell in row.split(US)]
        elections[str(cells[0])] = Election(*cells)  # type: ignore[arg-type]
    regions = {}
    for row in regions_text.split(GS) if regions_text else ():
        code, name, kind, source, zone = [cell or None for cell in row.split(US)]
        regions[str(code)] = Region(str(code), str(name), RegionKind(str(kind)), str(source), zone)
    schedule = Schedule(elections, stages, path, regions)
    global _loaded
    _loaded = _Loaded(schedule, stages)
    return schedule


def _value(kind: str, value: str, values: _Values) -> Any:
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
    stage, _, rest = text.partition(",")
    return Rule(stage, *_rule_rest(rest))


@lru_cache(maxsize=1024)
def _rule_rest(text: str) -> tuple[Any, ...]:
    """A rule's fields after its anchor: regional copies of a rule share them."""
    (days, sense, edge, duration, direction, years, months, working_days, hours, counting,
     latest) = text.split(",")
    return (int(days), Sense(sense), edge, int(duration), Direction(direction), int(years),
            int(months), int(working_days), int(hours), Counting(counting),
            Span(*map(int, latest.split("."))) if latest else None)
