"""The schedule model: elections, stages and the questions reporters ask of them.

Stage dates are local calendar dates and inclusive, as KPU writes them. A stage's window in
time depends on the viewer's zone ("11–13 Feb" is on until midnight of the 13th wherever the
reader is), except for a timed stage pinned to one zone with ``zone``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from pemilu_timeline.errors import AmbiguousStage, StageNotFound
from pemilu_timeline.timing import zone_or_none

ONE_DAY = dt.timedelta(days=1)
Moment = dt.date | dt.datetime


class Status(StrEnum):
    PAST = "past"
    ACTIVE = "active"
    UPCOMING = "upcoming"
    PENDING = "pending"
    CANCELLED = "cancelled"


class State(StrEnum):
    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Election:
    id: str
    name: str
    name_en: str
    timezone: str
    source: str
    url: str | None = None
    note: str | None = None

    def display_name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name


def _as_start(value: Moment) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())


def _as_end(value: Moment) -> dt.datetime:
    """The exclusive end: a date runs to the end of that day, a date-time ends at that moment."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value + ONE_DAY, dt.time())


@dataclass(frozen=True, slots=True)
class Stage:
    id: str
    election: str
    name: str
    name_en: str
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
    line: int | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        return f"{self.election}/{self.id}"

    @property
    def is_dated(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def is_timed(self) -> bool:
        return isinstance(self.start, dt.datetime)

    def display_name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name

    def sort_key(self) -> tuple[dt.datetime, dt.datetime, str, str]:
        if self.start is None or self.end is None:
            return (dt.datetime.max, dt.datetime.max, self.election, self.id)
        return (_as_start(self.start), _as_end(self.end), self.election, self.id)

    def window(self, viewer: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
        """[start, end) as aware datetimes, read in the stage's pinned zone or else the viewer's."""
        if self.start is None or self.end is None:
            raise ValueError(f"stage {self.key} has no date yet")
        zone = (zone_or_none(self.zone) if self.zone else None) or viewer
        start = _as_start(self.start).replace(tzinfo=zone)
        end = _as_end(self.end).replace(tzinfo=zone)
        if zone is not viewer:
            start, end = start.astimezone(viewer), end.astimezone(viewer)
        return start, end

    def status_at(self, at: dt.datetime) -> Status:
        if self.state is State.CANCELLED:
            return Status.CANCELLED
        if not self.is_dated:
            return Status.PENDING
        start, end = self.window(_zone_of(at))
        if at < start:
            return Status.UPCOMING
        if at < end:
            return Status.ACTIVE
        return Status.PAST

    def is_active_at(self, at: dt.datetime) -> bool:
        return self.status_at(at) is Status.ACTIVE

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


def _fold(text: str) -> str:
    """Case- and accent-insensitive form for matching what people type."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Schedule:
    elections: dict[str, Election]
    stages: tuple[Stage, ...]
    path: str | None = None

    @classmethod
    def build(cls, elections: dict[str, Election], stages: Iterable[Stage],
              path: str | None = None) -> Schedule:
        return cls(elections, tuple(sorted(stages, key=Stage.sort_key)), path)

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
        election, _, stage_id = key.partition("/")
        for stage in self.stages:
            if stage.election == election and stage.id == stage_id:
                return stage
        return None

    def find(self, query: str) -> Stage:
        """Resolve what a user typed: ELECTION/ID, a bare id, or words from the name."""
        text = query.strip()
        if "/" in text:
            found = self.get(text)
            if found is not None:
                return found
        by_id = [s for s in self.stages if s.id == text]
        if len(by_id) == 1:
            return by_id[0]
        if len(by_id) > 1:
            raise AmbiguousStage(query=query, matches=[s.key for s in by_id])
        words = _fold(text).replace("/", " ").replace("-", " ").split()
        if words:
            by_words = [s for s in self.stages
                        if all(w in _fold(f"{s.key} {s.name} {s.name_en}").replace("-", " ")
                               for w in words)]
            if len(by_words) == 1:
                return by_words[0]
            if len(by_words) > 1:
                raise AmbiguousStage(query=query, matches=[s.key for s in by_words][:12])
        keys = [s.key for s in self.stages] + [s.id for s in self.stages]
        close = difflib.get_close_matches(text, keys, n=5, cutoff=0.6)
        raise StageNotFound(query=query, close=list(dict.fromkeys(close)))

    def active(self, at: dt.datetime) -> list[Stage]:
        return [s for s in self.stages if s.status_at(at) is Status.ACTIVE]

    def next_to_start(self, at: dt.datetime, *, milestones_only: bool = False) -> Stage | None:
        """The stage that starts soonest after ``at`` (cancelled and pending ones never count)."""
        best: tuple[dt.datetime, Stage] | None = None
        zone = _zone_of(at)
        for stage in self.stages:
            if milestones_only and not stage.milestone:
                continue
            if stage.state is State.CANCELLED or not stage.is_dated:
                continue
            start = stage.window(zone)[0]
            if start > at and (best is None or start < best[0]):
                best = (start, stage)
        return best[1] if best else None

    def last_ended(self, at: dt.datetime, *, milestones_only: bool = False) -> Stage | None:
        best: tuple[dt.datetime, Stage] | None = None
        zone = _zone_of(at)
        for stage in self.stages:
            if milestones_only and not stage.milestone:
                continue
            if stage.state is State.CANCELLED or not stage.is_dated:
                continue
            end = stage.window(zone)[1]
            if end <= at and (best is None or end >= best[0]):
                best = (end, stage)
        return best[1] if best else None

    def select(self, at: dt.datetime, *, elections: Sequence[str] = (),
               tags: Sequence[str] = (), statuses: Sequence[str] = (),
               start_from: dt.date | None = None, until: dt.date | None = None) -> list[Stage]:
        """Stages matching every filter given. --from/--to keep stages that overlap the range."""
        chosen = []
        for stage in self.stages:
            if elections and stage.election not in elections:
                continue
            if tags and not set(tags) & set(stage.tags):
                continue
            if statuses and stage.status_at(at).value not in statuses:
                continue
            if (start_from or until) and not _overlaps(stage, start_from, until):
                continue
            chosen.append(stage)
        return chosen


def _overlaps(stage: Stage, start_from: dt.date | None, until: dt.date | None) -> bool:
    if stage.start is None or stage.end is None:
        return False
    first = _as_start(stage.start).date()
    last = (_as_end(stage.end) - dt.timedelta(microseconds=1)).date()
    if isinstance(stage.end, dt.datetime) and stage.end == stage.start:
        last = first
    if start_from and last < start_from:
        return False
    return not (until and first > until)
