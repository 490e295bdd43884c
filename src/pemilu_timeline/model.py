"""The schedule model: elections, stages and the questions reporters ask of them.

Stage dates are local calendar dates and inclusive, as KPU writes them. A stage's window in
time depends on the viewer's zone ("11–13 Feb" is on until midnight of the 13th wherever the
reader is), except for a timed stage pinned to one zone with ``zone``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from itertools import islice
from operator import attrgetter
from types import MappingProxyType

from pemilu_timeline.errors import (
    AmbiguousRegion,
    AmbiguousStage,
    RegionNotFound,
    StageNotFound,
)
from pemilu_timeline.timing import zone_or_none

ONE_DAY = dt.timedelta(days=1)
Moment = dt.date | dt.datetime


class Status(StrEnum):
    """Where a stage stands at a moment. ``phase_at`` gives its place on the clock (never
    tentative); ``status_at`` what scripts see, which says tentative for a tentative stage.
    JSON writes them as ``phase`` and ``status``."""

    PAST = "past"
    ACTIVE = "active"
    UPCOMING = "upcoming"
    PENDING = "pending"
    TENTATIVE = "tentative"
    CANCELLED = "cancelled"


class State(StrEnum):
    """What the file says of a stage: whether it takes place at all (the ``state`` field)."""

    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"
    CANCELLED = "cancelled"


class Sense(StrEnum):
    """How a relative stage's date follows from its anchor, as the law words it."""

    EXACTLY = "exactly"  # "3 hari setelah"
    AT_LATEST = "at-latest"  # "paling lambat 3 hari setelah": a deadline
    AT_EARLIEST = "at-earliest"  # "paling cepat 3 hari setelah", "paling singkat 2 tahun"
    WINDOW = "window"  # "paling singkat 2 tahun dan paling lama 2 tahun 6 bulan"


class Edge(StrEnum):
    """Which day of the anchor a rule counts from."""

    START = "start"
    END = "end"


class Direction(StrEnum):
    """Whether the rule counts forward from its anchor or back from it."""

    AFTER = "after"  # "setelah", "sejak"
    BEFORE = "before"  # "sebelum"


class Counting(StrEnum):
    """Which day is the first one counted: the law's "setelah" starts on the day after the
    anchor, "sejak" / "terhitung sejak" makes the anchor's own day day 1 of a count of days
    or working days. Months and years land on the same day number either way (a five-year
    term from 12 April ends on 12 April), and days added to them count on from there; hours
    count from the anchor's moment. Only a count forward starts on the anchor's day."""

    NEXT_DAY = "next-day"
    ANCHOR_DAY = "anchor-day"


UNITS = ("years", "months", "days", "working_days", "hours")


@dataclass(frozen=True, slots=True)
class Span:
    """An amount of time as the law writes it: years and months and days together ("2 tahun
    6 bulan"), or working days alone, or hours alone."""

    years: int = 0
    months: int = 0
    days: int = 0
    working_days: int = 0
    hours: int = 0

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, unit) for unit in UNITS)

    @property
    def in_hours(self) -> bool:
        return self.hours > 0

    @property
    def in_working_days(self) -> bool:
        return self.working_days > 0

    def parts(self) -> list[tuple[str, int]]:
        """The units it holds, largest first ("2 tahun 6 bulan")."""
        return [(unit, getattr(self, unit)) for unit in UNITS if getattr(self, unit)]


@dataclass(frozen=True, slots=True)
class Rule:
    """How a stage's date follows from another stage's, as a regulation words it.

    The file writes it as the stage's ``after`` table; ``stage`` is the anchor, the
    ELECTION/ID of the stage counted from. The amount is ``years``, ``months``, ``days``,
    ``working_days`` and ``hours``; a window's other bound is ``latest``. Its arithmetic
    lives in ``pemilu_timeline.rules``.
    """

    stage: str
    days: int = 0
    sense: Sense = Sense.EXACTLY
    edge: str = Edge.END
    duration: int = 1  # length in days of the computed stage (exactly / at-earliest)
    direction: Direction = Direction.AFTER
    years: int = 0
    months: int = 0
    working_days: int = 0
    hours: int = 0
    counting: Counting = Counting.NEXT_DAY
    latest: Span | None = None  # the window's far bound ("paling lama 2 tahun 6 bulan")

    @property
    def span(self) -> Span:
        return Span(self.years, self.months, self.days, self.working_days, self.hours)

    @property
    def in_hours(self) -> bool:
        return self.hours > 0 or (self.latest is not None and self.latest.in_hours)

    @property
    def in_working_days(self) -> bool:
        return self.working_days > 0 or (self.latest is not None
                                         and self.latest.in_working_days)


@dataclass(frozen=True, slots=True)
class Election:
    id: str
    name: str
    name_en: str
    timezone: str
    source: str
    url: str | None = None
    note: str | None = None
    note_en: str | None = None

    def display_name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name

    def note_in(self, lang: str) -> str | None:
        return _in_language(lang, self.note, self.note_en)


class RegionKind(StrEnum):
    PROVINCE = "provinsi"
    REGENCY = "kabupaten"
    CITY = "kota"


@dataclass(frozen=True, slots=True)
class Region:
    """A province, kabupaten or kota, by its Kemendagri code ("32", "36.04"). A kabupaten
    or kota reads its times in its province's zone unless it names its own."""

    code: str
    name: str
    kind: RegionKind
    source: str
    timezone: str | None = None

    @property
    def province(self) -> str:
        return self.code.partition(".")[0]

    def contains(self, code: str) -> bool:
        """Whether ``code`` is this region or lies inside it (a province holds its kab/kota)."""
        return code == self.code or code.startswith(self.code + ".")


def region_zone(regions: Mapping[str, Region], code: str) -> str | None:
    """The zone a region reads its times in: its own, else its province's."""
    region = regions.get(code)
    if region is None:
        return None
    if region.timezone:
        return region.timezone
    province = regions.get(region.province)
    return province.timezone if province is not None else None


def _in_language(lang: str, indonesian: str | None, english: str | None) -> str | None:
    """A text in ``lang``, else in the other language (better than nothing)."""
    if lang == "en":
        return english or indonesian
    return indonesian or english


def _as_start(value: Moment) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())


def _as_end(value: Moment) -> dt.datetime:
    """The exclusive end: a date runs to the end of that day, a date-time ends at that moment."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value + ONE_DAY, dt.time())

# What `now` needs to know of a stage at a moment: whether it makes news, [lo, hi) on its
# clock's wall time, its state, and the zone of that clock.
Timing = tuple[bool, dt.datetime | None, dt.datetime | None, State, str | None]


@dataclass(frozen=True, slots=True)
class Stage:
    id: str
    election: str
    name: str
    name_en: str  # "" while untranslated (the file leaves it out)
    start: Moment | None
    end: Moment | None
    source: str
    tags: tuple[str, ...] = ()
    note: str | None = None
    url: str | None = None
    milestone: bool = False
    zone: str | None = None
    state: State = State.CONFIRMED
    reason: str | None = None
    revision: int = 1
    updated: dt.datetime | None = None
    condition: str | None = None
    region: str | None = None  # the Kemendagri code of the region it is held in
    # English versions for --lang en (the Indonesian is authoritative).
    note_en: str | None = None
    condition_en: str | None = None
    reason_en: str | None = None
    after: Rule | None = None
    why: str | None = None  # the reason of the last change (a decree, a news source)
    conflict: tuple[str, ...] = ()  # fields a merge left to settle, "FIELD: ours …; theirs …"
    # True when start/end were computed from ``after`` rather than written in the file.
    dated_by_rule: bool = field(default=False, compare=False)
    # True when those dates depend on a holiday whose date is not yet fixed (an estimated
    # Islamic holiday, a year whose cuti bersama are not yet decreed), here or upstream.
    estimated: bool = field(default=False, compare=False)
    # The zone of the stage's region, worked out on loading: a stage held in Papua is on
    # Papua's clock (WIT), wherever the reader is, unless ``zone`` pins another.
    region_zone: str | None = field(default=None, compare=False)
    # [lo, hi) as naive wall-clock datetimes, computed once: status checks on large schedules
    # then compare plain datetimes instead of building aware ones per stage and query.
    _lo: dt.datetime | None = field(init=False, default=None, compare=False, repr=False)
    _hi: dt.datetime | None = field(init=False, default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None:
            object.__setattr__(self, "_lo", _as_start(self.start))
            object.__setattr__(self, "_hi", _as_end(self.end))

    @property
    def clock_zone(self) -> str | None:
        """The zone its dates are read in: its pin, else its region's; None for the viewer's."""
        return self.zone or self.region_zone

    def local_bounds(self, at: dt.datetime) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
        """(lo, hi, at) on one wall clock: the stage's own zone, or else the viewer's."""
        assert self._lo is not None and self._hi is not None
        return self._lo, self._hi, wall_clock(at, self.clock_zone)

    @property
    def key(self) -> str:
        return f"{self.election}/{self.id}"

    @property
    def timing(self) -> Timing:
        """What `now` asks of it at any moment (see Timing)."""
        return (self.is_milestone_or_deadline, self._lo, self._hi, self.state, self.clock_zone)

    @property
    def is_dated(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def is_deadline(self) -> bool:
        """Dated by a rule that sets only a limit ("paling lambat"): its day is the last
        allowed, and countdowns count to the end of it."""
        return self.dated_by_rule and self.after is not None \
            and self.after.sense is Sense.AT_LATEST

    @property
    def is_milestone_or_deadline(self) -> bool:
        """A day that makes news: marked a milestone, or the last day a rule allows."""
        return self.milestone or self.is_deadline

    @property
    def is_timed(self) -> bool:
        return isinstance(self.start, dt.datetime)

    def display_name(self, lang: str) -> str:
        """An untranslated stage (``name_en`` empty) shows its Indonesian name in English."""
        return (self.name_en or self.name) if lang == "en" else self.name

    def note_in(self, lang: str) -> str | None:
        return _in_language(lang, self.note, self.note_en)

    def condition_in(self, lang: str) -> str | None:
        return _in_language(lang, self.condition, self.condition_en)

    def reason_in(self, lang: str) -> str | None:
        return _in_language(lang, self.reason, self.reason_en)

    def sort_key(self) -> tuple[dt.datetime, dt.datetime, str, str]:
        if self._lo is None or self._hi is None:
            return (dt.datetime.max, dt.datetime.max, self.election, self.id)
        return (self._lo, self._hi, self.election, self.id)

    def window(self, viewer: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
        """[start, end) as aware datetimes, read in the stage's pinned zone or else the viewer's."""
        if self._lo is None or self._hi is None:
            raise ValueError(f"stage {self.key} has no date yet")
        zone = (zone_or_none(self.clock_zone) if self.clock_zone else None) or viewer
        start = self._lo.replace(tzinfo=zone)
        end = self._hi.replace(tzinfo=zone)
        if zone is not viewer:
            start, end = start.astimezone(viewer), end.astimezone(viewer)
        return start, end

    def phase_at(self, at: dt.datetime) -> Status:
        """Where the stage stands on the clock at ``at``: past, active, upcoming, pending (no
        date yet) or cancelled."""
        if self.state is State.CANCELLED:
            return Status.CANCELLED
        if self._lo is None:
            return Status.PENDING
        lo, hi, local = self.local_bounds(_zone_checked(at))
        if local < lo:
            return Status.UPCOMING
        if local < hi:
            return Status.ACTIVE
        return Status.PAST

    def status_at(self, at: dt.datetime) -> Status:
        """The status scripts see: a tentative stage reports ``tentative`` whatever the clock
        says (its place in time stays in ``phase_at``), a cancelled one ``cancelled``."""
        status = self.phase_at(at)
        if self.state is State.TENTATIVE and status is not Status.CANCELLED:
            return Status.TENTATIVE
        return status

    def is_active_at(self, at: dt.datetime) -> bool:
        return self.phase_at(at) is Status.ACTIVE

    def day_of(self, at: dt.datetime) -> tuple[int, int]:
        """('hari ke-5 dari 75'): which calendar day of the stage ``at`` falls on, and how many."""
        start, end = self.window(_zone_of(at))
        first = start.date()
        last = (end - dt.timedelta(microseconds=1)).date() if end > start else first
        return (at.date() - first).days + 1, (last - first).days + 1

    def progress_at(self, at: dt.datetime) -> float:
        """Share of the stage's window that has passed, 0.0–1.0."""
        start, end = self.window(_zone_of(at))
        if end <= start:
            return 1.0 if at >= start else 0.0
        return min(1.0, max(0.0, (at - start) / (end - start)))


def _zone_of(at: dt.datetime) -> dt.tzinfo:
    if at.tzinfo is None:
        raise ValueError("moments must be timezone-aware")
    return at.tzinfo


def _zone_checked(at: dt.datetime) -> dt.datetime:
    if at.tzinfo is None:
        raise ValueError("moments must be timezone-aware")
    return at


# Longer than any key or name a person types: a longer query names no stage, and looking
# for close matches to it would cost time and memory in proportion to its length.
MAX_QUERY = 200
QUOTED_QUERY = 60


def over_long(query: str) -> StageNotFound | None:
    """The refusal of a query too long to name any stage; it quotes only the start, as a
    message that echoed megabytes back would bury the terminal."""
    if len(query) <= MAX_QUERY:
        return None
    return StageNotFound(query=query[:QUOTED_QUERY] + "…", close=[])


def _fold(text: str) -> str:
    """Case- and accent-insensitive form for matching what people type."""
    if text.isascii():  # nearly every name: nothing to decompose
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_TOKEN = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    """The words of what people type or a stage is called: "Sumpah/Janji" is two, and so is
    "masa-tenang"."""
    return _TOKEN.findall(_fold(text))


@dataclass(frozen=True, slots=True)
class _Findable:
    """The words a stage can be found by, split once per search: its key, both names and
    its tags."""

    stage: Stage
    names: tuple[list[str], list[str]]
    words: list[str]

    @classmethod
    def of(cls, stage: Stage) -> _Findable:
        names = (_words(stage.name), _words(stage.name_en or ""))
        return cls(stage, names, [*_words(stage.key), *names[0], *names[1],
                                  *_words(" ".join(stage.tags))])


def _is_name(words: list[str], findable: _Findable) -> bool:
    return words in findable.names


def _has_words(words: list[str], findable: _Findable) -> bool:
    return set(words) <= set(findable.words)


def _starts_words(words: list[str], findable: _Findable) -> bool:
    """Each word begins one of the stage's ("pelantik" for pelantikan); a number is whole,
    so "tes 1" is not "tes 10", and so is a single letter (it begins half the words)."""
    own = findable.words
    return all(w in own if w.isdecimal() or len(w) < 2 else any(o.startswith(w) for o in own)
               for w in words)


def _inside_words(words: list[str], findable: _Findable) -> bool:
    """Each word lies inside the stage's text ("tenang" in "ketenangan"); numbers still whole,
    and a word of a letter or two too short to be found inside others (it is in most)."""
    own = findable.words
    joined = " ".join(own)
    return all(w in own if w.isdecimal() or len(w) < 3 else w in joined for w in words)


# From what the user most likely meant to the loosest reading: the first that finds any
# stage decides, so a partial match never competes with an exact name.
_MATCH_TIERS = (_is_name, _has_words, _starts_words, _inside_words)


def _one_meant(query: str, words: list[str], found: list[Stage]) -> Stage:
    """The one stage among ``found`` the user meant, or the ambiguity to report.

    "masa tenang" names the stage whose id is masa-tenang rather than every stage with both
    words (masa-tenang-putaran-kedua); a word that is a stage's tag says what kind of stage
    is meant; a stage that still takes place beats one called off.
    """
    if len(found) == 1:
        return found[0]
    slug = "-".join(words)
    exact = [s for s in found if slug in (s.id, s.key.replace("/", "-"))]
    if exact:
        found = exact
    # "pelantikan presiden": the stages tagged pelantikan, not one whose long name merely
    # mentions an inauguration as its anchor.
    kind = [s for s in found if set(words) & set(s.tags)]
    if kind:
        found = kind
    held = [s for s in found if s.state is not State.CANCELLED]
    if held:
        found = held
    if len(found) == 1:
        return found[0]
    raise AmbiguousStage(query=query, matches=[s.key for s in found])


@dataclass(frozen=True)
class Schedule:
    """The elections and their stages in date order, with every stage found by key at once."""

    elections: dict[str, Election]
    stages: Sequence[Stage]  # a tuple, or the cache's columns (StageColumns)
    path: str | None = None
    regions: dict[str, Region] = field(default_factory=dict)

    @cached_property
    def _by_key(self) -> Mapping[str, Stage]:
        if isinstance(self.stages, StageColumns):
            return self.stages.keyed()
        return {s.key: s for s in self.stages}

    @classmethod
    def build(cls, elections: dict[str, Election], stages: Iterable[Stage],
              path: str | None = None, regions: dict[str, Region] | None = None) -> Schedule:
        return cls(elections, tuple(sorted(stages, key=Stage.sort_key)), path, regions or {})

    def changed(self, gone: set[str], fresh: Iterable[Stage]) -> Schedule:
        """This schedule without the stages of ``gone`` and with the ``fresh`` ones, in the
        order ``build`` gives: a change's result, without sorting every stage again."""
        removed = {id(self._by_key[key]) for key in gone if key in self._by_key}
        stages = [stage for stage in self.stages if id(stage) not in removed]
        for stage in fresh:
            bisect.insort(stages, stage, key=Stage.sort_key)
        return Schedule(self.elections, tuple(stages), self.path, self.regions)

    def has(self, key: str) -> bool:
        return key in self._by_key

    def by_key(self) -> Mapping[str, Stage]:
        """Every stage by its ELECTION/ID (read-only)."""
        return MappingProxyType(self._by_key)

    def of_elections(self, elections: Sequence[str]) -> Schedule:
        """Only the stages of ``elections`` (all of them when none is named), still sorted."""
        if not elections:
            return self
        return Schedule(self.elections,
                        tuple(s for s in self.stages if s.election in elections), self.path,
                        self.regions)

    def in_region(self, region: Region | None) -> Schedule:
        """What concerns ``region``: its stages and those of the regions inside it, those of
        the province it lies in, and the stages that name no region (they hold everywhere)."""
        if region is None:
            return self
        return Schedule(self.elections, tuple(
            s for s in self.stages
            if not s.region or region.contains(s.region)
            or region.code.startswith(s.region + ".")), self.path, self.regions)

    def region_zone(self, code: str) -> str | None:
        return region_zone(self.regions, code)

    def region_label(self, code: str) -> str | None:
        """'Kabupaten Serang, Banten': a kab/kota with its province, or a province's name."""
        region = self.regions.get(code)
        if region is None:
            return None
        province = self.regions.get(region.province)
        if province is None or province is region:
            return region.name
        return f"{region.name}, {province.name}"

    def find_region(self, query: str) -> Region:
        """The region a user names: its code, or words of its name ("Papua", "Kab. Serang",
        "serang" when only one region's name has it)."""
        text = query.strip()
        if len(text) == 4 and text.isdecimal() and text.isascii():
            text = f"{text[:2]}.{text[2:]}"  # 3604 is how codes are written without the dot
        if text in self.regions:
            return self.regions[text]
        words = _fold(text).replace(".", " ").split()
        words = [_REGION_ABBREVIATIONS.get(w, w) for w in words]
        if not words or len(text) > MAX_QUERY:
            raise RegionNotFound(query=text[:QUOTED_QUERY], close=[])
        found = [r for r in self.regions.values()
                 if all(w in _fold(r.name).split() for w in words)]
        if not found:  # "Pangkalpinang" for "Kota Pangkal Pinang": spaces left out
            joined = "".join(words)
            found = [r for r in self.regions.values()
                     if joined in _fold(r.name).replace(" ", "")]
        exact = [r for r in found if _fold(r.name).split() == words]
        if len(exact) == 1:
            return exact[0]
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousRegion(query=text, example=found[0].name,
                                  matches=[f"{r.name} ({r.code})" for r in found])
        names = [r.name for r in self.regions.values()]
        close = difflib.get_close_matches(text, names, n=5, cutoff=0.6)
        raise RegionNotFound(query=text, close=close)

    def __iter__(self) -> Iterator[Stage]:
        return iter(self.stages)

    def __len__(self) -> int:
        return len(self.stages)

    def default_zone_name(self, election: str | None = None) -> str:
        """The zone to view in when the user names none: the (first) election's own."""
        if election and election in self.elections:
            return self.elections[election].timezone
        for item in self.elections.values():
            return item.timezone
        return "Asia/Jakarta"

    def get(self, key: str) -> Stage | None:
        """The stage whose ELECTION/ID is ``key``, or None."""
        return self._by_key.get(key)

    def waits_for(self, stage: Stage) -> Stage | None:
        """The stage whose date a pending ``stage`` waits for at the end of its chain of anchors
        (the voting day, not the quiet period counted from it); None when the chain ends at a
        stage not in the schedule."""
        rule = stage.after
        current = stage
        seen = {stage.key}
        while rule is not None:
            anchor = self.get(rule.stage)
            if anchor is None or anchor.key in seen:
                return None
            if anchor.is_dated or anchor.state is State.CANCELLED or anchor.after is None:
                return anchor
            seen.add(anchor.key)
            current, rule = anchor, anchor.after
        return current

    def find(self, query: str) -> Stage:
        """Resolve what a user typed: ELECTION/ID, a bare id, or words from the name."""
        text = query.strip()
        too_long = over_long(text)
        if too_long is not None:
            raise too_long
        if "/" in text:
            found = self.get(text) or self.get(text.lower())
            if found is not None:
                return found
            if _KEY.fullmatch(text.lower()):
                # A full ELECTION/ID names one stage; never stand in a look-alike for it
                # (pemilu-2024/masa-tenang must not become ...masa-tenang-putaran-kedua).
                # Close matches by id within that election: the shared prefix would make
                # every key of the election look alike.
                election, _, stage_id = text.lower().partition("/")
                ids = [s.id for s in self.stages if s.election == election]
                close = difflib.get_close_matches(stage_id, ids, n=5, cutoff=0.6)
                raise StageNotFound(query=query, close=[f"{election}/{c}" for c in close])
        by_id = [s for s in self.stages if s.id == text]
        if len(by_id) == 1:
            return by_id[0]
        if len(by_id) > 1:
            raise AmbiguousStage(query=query, matches=[s.key for s in by_id])
        words = _words(text)
        if words:
            findables = [_Findable.of(s) for s in self.stages]
            for matches in _MATCH_TIERS:
                candidates = [f.stage for f in findables if matches(words, f)]
                if candidates:
                    return _one_meant(query, words, candidates)
        keys = [s.key for s in self.stages] + [s.id for s in self.stages]
        close = difflib.get_close_matches(text, keys, n=5, cutoff=0.6)
        raise StageNotFound(query=query, close=list(dict.fromkeys(close)))

    def overview(self, at: dt.datetime, *, milestones_only: bool = False) -> Overview:
        """What `now` reports: every stage on, the next to start (or, when none is on, the
        last that ended), and the stages that cannot be on: waiting for an anchor's date,
        or cancelled while their dates would have them on. ``milestones_only`` keeps, in
        each, only the days that make news.

        The same answers as ``active``, ``next_to_start`` and ``last_ended``, which each pass
        over every stage; here each distinct timing (regional copies share theirs) is judged
        once, with the moment read once per clock, and only the stages shown are looked at."""
        local_at = _LocalClock(at)
        rows, timing_of = timings(self.stages)
        active: list[int] = []  # places in the order of the stages
        pending: list[int] = []
        cancelled: list[int] = []
        shown_in: dict[Hashable, list[int]] = {}  # the list a row's stages go to
        upcoming: tuple[dt.timedelta, list[Hashable]] | None = None
        ended: tuple[dt.timedelta, list[Hashable]] | None = None
        for row in dict.fromkeys(rows):
            news, lo, hi, state, zone = timing_of(row)
            if milestones_only and not news:
                continue
            if lo is None or hi is None:
                if state is not State.CANCELLED:
                    shown_in[row] = pending
                continue
            local = local_at(zone)
            if state is State.CANCELLED:
                if lo <= local < hi:
                    shown_in[row] = cancelled
            elif local < lo:
                upcoming = _closest(upcoming, lo - local, row)
            elif local < hi:
                shown_in[row] = active
            else:
                ended = _closest(ended, local - hi, row)
        if shown_in:
            for place, row in enumerate(rows):
                if row in shown_in:
                    shown_in[row].append(place)
        first = [min(map(rows.index, upcoming[1]))] if upcoming else []
        # Of the stages that ended equally close, the last in order (as last_ended gives).
        last = [max(len(rows) - 1 - rows[::-1].index(row) for row in ended[1])] \
            if ended and not active else []
        made = iter(stages_at(self.stages, [*active, *first, *last, *pending, *cancelled]))
        return Overview(active=sorted(islice(made, len(active)), key=_news_first),
                        next=next(made) if first else None,
                        last_ended=next(made) if last else None,
                        pending=list(islice(made, len(pending))), cancelled=list(made))

    def active(self, at: dt.datetime, *, milestones_only: bool = False) -> list[Stage]:
        """The stages on at ``at``, the news first: milestones and deadlines, then the shorter
        stages before the longer (a two-year planning stage would otherwise lead every day of
        it), ties by start."""
        on = [s for s in self.stages if s.phase_at(at) is Status.ACTIVE
              and (s.is_milestone_or_deadline or not milestones_only)]
        return sorted(on, key=_news_first)

    def next_to_start(self, at: dt.datetime, *, milestones_only: bool = False) -> Stage | None:
        """The stage that starts soonest after ``at`` (cancelled and pending ones never count)."""
        best: tuple[dt.timedelta, Stage] | None = None
        for stage in self._countable(at, milestones_only):
            lo, _hi, local = stage.local_bounds(at)
            if lo > local and (best is None or lo - local < best[0]):
                best = (lo - local, stage)
        return best[1] if best else None

    def last_ended(self, at: dt.datetime, *, milestones_only: bool = False) -> Stage | None:
        """The stage whose end lies closest before ``at``."""
        best: tuple[dt.timedelta, Stage] | None = None
        for stage in self._countable(at, milestones_only):
            _lo, hi, local = stage.local_bounds(at)
            if hi <= local and (best is None or local - hi <= best[0]):
                best = (local - hi, stage)
        return best[1] if best else None

    def _countable(self, at: dt.datetime, milestones_only: bool) -> Iterator[Stage]:
        _zone_checked(at)
        for stage in self.stages:
            if stage._lo is None or stage.state is State.CANCELLED:
                continue
            if milestones_only and not stage.is_milestone_or_deadline:
                continue
            yield stage

    def select(self, at: dt.datetime, *, elections: Sequence[str] = (),
               tags: Sequence[str] = (), statuses: Sequence[str] = (),
               milestones_only: bool = False,
               start_from: dt.date | None = None, until: dt.date | None = None) -> list[Stage]:
        """Stages matching every filter given. --from/--to keep stages that overlap the range."""
        chosen = []
        for stage in self.stages:
            if milestones_only and not stage.is_milestone_or_deadline:
                continue
            if elections and stage.election not in elections:
                continue
            if tags and not set(tags) & set(stage.tags):
                continue
            if statuses and not _status_matches(stage, at, statuses):
                continue
            if (start_from or until) and not _overlaps(stage, start_from, until):
                continue
            chosen.append(stage)
        return chosen


def _news_first(stage: Stage) -> tuple[bool, dt.timedelta, tuple[object, ...]]:
    order = stage.sort_key()  # (start, end, election, id): the ties by start
    return (not stage.is_milestone_or_deadline, order[1] - order[0], order)



class StageColumns(Sequence[Stage]):
    """Stages kept as columns of values (the cache's), made into Stage objects only when
    one is asked for: `now` on a regional schedule shows a few of many thousands."""

    def timings(self) -> tuple[Sequence[Hashable], Callable[[Hashable], Timing]]:
        """A row per stage, in order, that equal timings share, and the timing of a row."""
        raise NotImplementedError

    def at(self, places: Sequence[int]) -> list[Stage]:
        """The stages at ``places``, made together."""
        raise NotImplementedError

    def keyed(self) -> Mapping[str, Stage]:
        """Every stage by its key, each made when it is looked up."""
        raise NotImplementedError


def timings(stages: Sequence[Stage]
            ) -> tuple[Sequence[Hashable], Callable[[Hashable], Timing]]:
    if isinstance(stages, StageColumns):
        return stages.timings()
    rows: list[Hashable] = list(map(_TIMING, stages))
    return rows, _same_row


_TIMING = attrgetter("timing")


def stages_at(stages: Sequence[Stage], places: Sequence[int]) -> list[Stage]:
    if isinstance(stages, StageColumns):
        return stages.at(places)
    return list(map(stages.__getitem__, places))


def _same_row(row: Hashable) -> Timing:
    return row  # type: ignore[return-value]  # the rows of a tuple are the timings


def _closest(best: tuple[dt.timedelta, list[Hashable]] | None, gap: dt.timedelta,
             row: Hashable) -> tuple[dt.timedelta, list[Hashable]]:
    """The smallest gap so far, with every row at that gap."""
    if best is None or gap < best[0]:
        return gap, [row]
    if gap == best[0]:
        best[1].append(row)
    return best


class _LocalClock:
    """The wall-clock time of one moment on each stage's clock, worked out once per clock
    (a regional schedule has a few zones and thousands of stages)."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = _zone_checked(at)
        self.times: dict[str | None, dt.datetime] = {}

    def __call__(self, zone_name: str | None) -> dt.datetime:
        if zone_name not in self.times:
            self.times[zone_name] = wall_clock(self.at, zone_name)
        return self.times[zone_name]


def wall_clock(at: dt.datetime, zone_name: str | None) -> dt.datetime:
    """``at`` as the clocks of ``zone_name`` show it (naive), or the viewer's without one."""
    zone = zone_or_none(zone_name) if zone_name else None
    if zone is not None and zone is not at.tzinfo:
        at = at.astimezone(zone)
    return at.replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class Overview:
    """A schedule at one moment, as `now` shows it (and names it in JSON)."""

    active: list[Stage]
    next: Stage | None
    last_ended: Stage | None  # only when nothing is active
    pending: list[Stage]
    cancelled: list[Stage]  # called off, though their dates would have them on


def _status_matches(stage: Stage, at: dt.datetime, statuses: Sequence[str]) -> bool:
    """`--status active` also keeps a tentative stage that is on; `--status tentative` keeps
    every tentative one."""
    return (stage.phase_at(at).value in statuses
            or stage.status_at(at).value in statuses)


# How region names are shortened in what people type: "Kab. Serang", "Kep. Talaud".
_REGION_ABBREVIATIONS = {"kab": "kabupaten", "kep": "kepulauan", "prov": "provinsi"}

# ELECTION/ID as the schedule file spells ids (schema.ID_PATTERN on each side).
_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*")


def _overlaps(stage: Stage, start_from: dt.date | None, until: dt.date | None) -> bool:
    if stage._lo is None or stage._hi is None:
        return False
    first = stage._lo.date()
    last = max(first, (stage._hi - dt.timedelta(microseconds=1)).date())
    if start_from and last < start_from:
        return False
    return not (until and first > until)
