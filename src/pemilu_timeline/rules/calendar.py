"""Counting a rule from its anchor, the way the law and the courts count.

Calendar days: "setelah" starts on the day after the anchor, "sejak" makes the anchor's day
day 1. Months and years land on the same day number either way, clamped to the month's end
(31 January and a month is 29 February in a leap year), and days added to them count on from
there. Working days skip Saturdays, Sundays, national holidays and cuti bersama. Hours are
elapsed time from the anchor's moment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from pemilu_timeline.model import Counting, Direction, Rule, Sense, Span, Stage
from pemilu_timeline.rules.workdays import Holiday, WorkCalendar, work_calendar
from pemilu_timeline.timing import FIRST_YEAR, LAST_YEAR, add_months, as_day

ONE_DAY = dt.timedelta(days=1)
Moment = dt.date | dt.datetime


class OutOfRange(ValueError):
    """A rule's result falls outside the years a stage may fall in (a long chain of long
    rules, say): reported as a problem, never an overflow."""


class NeedsTime(ValueError):
    """A rule in hours counted from an anchor that has only a date: the hour is unknown."""


class InvertedWindow(ValueError):
    """A window whose far bound comes before its near one ("paling singkat 2 tahun dan
    paling lama 1 tahun")."""


@dataclass(frozen=True, slots=True)
class Reckoning:
    """A rule counted from one anchor: its bounds, the stage dates they give, and how."""

    anchor: Moment  # the anchor's day (or moment, for hours) counted from
    earliest: Moment | None  # None: the rule sets no bound on this side
    latest: Moment | None
    start: Moment  # the dates of a stage dated by the rule
    end: Moment
    skipped: tuple[Holiday, ...] = ()  # holidays on weekdays a working-day count passed
    estimated: bool = False  # a holiday counted past has no fixed date yet

    @property
    def deadline(self) -> Moment | None:
        """The day (or moment) the rule ends at: the latest bound, else the only one."""
        return self.latest if self.latest is not None else self.earliest


CalendarSource = Callable[[], WorkCalendar]


def reckon(rule: Rule, anchor: Moment, calendar: CalendarSource = work_calendar) -> Reckoning:
    """The bounds ``rule`` gives when its anchor falls on ``anchor``."""
    if rule.in_hours and not isinstance(anchor, dt.datetime):
        raise NeedsTime(rule.stage)
    base: Moment = anchor if rule.in_hours else as_day(anchor)
    skipped: list[Holiday] = []
    estimated = False
    try:
        near, near_skipped, near_estimated = _shift(rule.span, rule, base, calendar)
        skipped += near_skipped
        estimated |= near_estimated
        far: Moment | None = None
        if rule.sense is Sense.WINDOW and rule.latest is not None:
            far, far_skipped, far_estimated = _shift(rule.latest, rule, base, calendar)
            skipped += [h for h in far_skipped if h not in skipped]
            estimated |= far_estimated
            if _before(far, near):
                raise InvertedWindow(rule.stage)
        earliest, latest = _bounds(rule.sense, near, far)
        start, end = _stage_dates(rule, earliest, latest, near)
    except OverflowError:
        raise OutOfRange(rule.stage) from None
    for value in (start, end):
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise OutOfRange(rule.stage)
    return Reckoning(base, earliest, latest, start, end,
                     tuple(sorted(skipped, key=lambda h: h.date)), estimated)


def _bounds(sense: Sense, near: Moment,
            far: Moment | None) -> tuple[Moment | None, Moment | None]:
    if sense is Sense.AT_LATEST:
        return None, near
    if sense is Sense.AT_EARLIEST:
        return near, None
    if sense is Sense.WINDOW:
        return near, far
    return near, near


def _stage_dates(rule: Rule, earliest: Moment | None, latest: Moment | None,
                 near: Moment) -> tuple[Moment, Moment]:
    """A deadline is the stage of its day; a window spans both bounds; an exact or earliest
    date lasts ``duration`` days."""
    if rule.sense is Sense.AT_LATEST:
        return near, near
    if rule.sense is Sense.WINDOW and latest is not None:
        return near, latest
    if isinstance(near, dt.datetime):
        return near, near
    return near, near + dt.timedelta(days=max(1, rule.duration) - 1)


def _shift(span: Span, rule: Rule, base: Moment,
           calendar: CalendarSource) -> tuple[Moment, list[Holiday], bool]:
    """``base`` moved by ``span`` in the rule's direction, counted the rule's way."""
    step = 1 if rule.direction is Direction.AFTER else -1
    if span.in_hours:
        return _hours_later(base, step * span.hours), [], False
    day = as_day(base)
    if span.in_working_days:
        return _working_days(day, span.working_days, step,
                             rule.counting is Counting.ANCHOR_DAY, calendar())
    months = 12 * span.years + span.months
    days = span.days
    if days and not months and rule.counting is Counting.ANCHOR_DAY:
        days -= 1  # the anchor's own day is day 1 of a count of days
    return add_months(day, step * months) + step * dt.timedelta(days=days), [], False


def _working_days(anchor: dt.date, count: int, step: int, anchor_is_day_one: bool,
                  calendar: WorkCalendar) -> tuple[dt.date, list[Holiday], bool]:
    """The ``count``-th working day from ``anchor``: each day is looked at once."""
    day = anchor if anchor_is_day_one else anchor + step * ONE_DAY
    skipped: list[Holiday] = []
    estimated = False
    counted = 0
    years_seen: set[int] = set()
    while True:
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise OutOfRange("")
        if day.year not in years_seen:
            years_seen.add(day.year)
            estimated |= not calendar.is_settled(day.year)
        holiday = calendar.holiday(day)
        if holiday is not None:
            estimated |= holiday.estimated
        if day.weekday() < 5:
            if holiday is None:
                counted += 1
                if counted >= count:
                    return day, skipped, estimated
            else:
                skipped.append(holiday)
        day += step * ONE_DAY


def _hours_later(moment: Moment, hours: int) -> Moment:
    """Elapsed hours: an aware moment is moved on the UTC clock, so a zone's daylight-saving
    change does not stretch or shrink them (Indonesia keeps none; a viewer abroad may)."""
    delta = dt.timedelta(hours=hours)
    if isinstance(moment, dt.datetime) and moment.tzinfo is not None:
        return (moment.astimezone(dt.UTC) + delta).astimezone(moment.tzinfo)
    return moment + delta


def _before(one: Moment, other: Moment) -> bool:
    """Whether ``one`` comes before ``other``; a date against a moment compares days."""
    if isinstance(one, dt.datetime) and isinstance(other, dt.datetime):
        return one < other
    return as_day(one) < as_day(other)


def anchor_moment(anchor: Stage, edge: str) -> Moment | None:
    """The anchor's start or end as written (a date, or a moment for a timed stage), or None
    while it has no date."""
    return anchor.start if edge == "start" else anchor.end


def obeys(written: Moment, rule: Rule, reckoning: Reckoning) -> bool:
    """Whether a date written in the file (what actually happened) obeys the stage's rule.

    An open side still keeps the event on its side of the anchor: "paling lambat 3 hari
    setelah" cannot fall before the anchor, nor on its day when counting starts the next.
    """
    earliest, latest = reckoning.earliest, reckoning.latest
    if rule.sense is Sense.EXACTLY:
        assert earliest is not None
        return not _before(written, earliest) and not _before(earliest, written)
    if earliest is None and rule.direction is Direction.AFTER:
        earliest = reckoning.anchor
        if not rule.in_hours and rule.counting is Counting.NEXT_DAY \
                and not rule.span.is_empty:
            earliest = as_day(earliest) + ONE_DAY
    if latest is None and rule.direction is Direction.BEFORE:
        latest = reckoning.anchor
    if earliest is not None and _before(written, earliest):
        return False
    return not (latest is not None and _before(latest, written))


def inconsistencies(rule: Rule, *, duration_given: bool = False) -> list[str]:
    """The catalog keys of what makes ``rule`` mean nothing, shared by the file's validation
    and the edit commands: working days and hours stand alone, a window needs both bounds
    in one kind of unit, and a length applies only to a day-dated exact or earliest stage."""
    found = []
    spans = [rule.span] + ([rule.latest] if rule.latest is not None else [])
    if any(_mixes_units(span) for span in spans):
        found.append("rule.problem.mixed_units")
    if rule.sense is Sense.WINDOW and rule.latest is None:
        found.append("rule.problem.window_needs_latest")
    if rule.sense is not Sense.WINDOW and rule.latest is not None:
        found.append("rule.problem.latest_needs_window")
    if rule.latest is not None and rule.latest.is_empty:
        found.append("rule.problem.empty_latest")
    elif rule.latest is not None and _family(rule.latest) != _family(rule.span):
        found.append("rule.problem.window_units")
    if rule.direction is Direction.BEFORE and rule.counting is Counting.ANCHOR_DAY:
        found.append("rule.problem.before_from_anchor_day")
    if duration_given and rule.duration != 1 and (
            rule.sense in (Sense.AT_LATEST, Sense.WINDOW) or rule.in_hours):
        found.append("rule.problem.duration_unused")
    return found


def _mixes_units(span: Span) -> bool:
    parts = [name for name, _ in span.parts()]
    return len(parts) > 1 and ("hours" in parts or "working_days" in parts)


def _family(span: Span) -> str:
    if span.in_hours:
        return "hours"
    return "working_days" if span.in_working_days else "calendar"


def stage_bounds(stage: Stage) -> tuple[Moment | None, Moment | None]:
    """The bounds a stage dated by its rule shows: a deadline's day (no earliest), an
    earliest day (no latest), a window's two ends, an exact day for both. A stage whose
    dates are written has none: what happened is not a bound."""
    rule = stage.after
    if rule is None or not stage.dated_by_rule or stage.start is None or stage.end is None:
        return None, None
    if rule.sense is Sense.AT_LATEST:
        return None, stage.end
    if rule.sense is Sense.AT_EARLIEST:
        return stage.start, None
    if rule.sense is Sense.WINDOW:
        return stage.start, stage.end
    return stage.start, stage.start
