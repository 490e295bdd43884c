"""A claimed date against a stage's: the verdict, its flags and the reasons behind them.

The verdict weighs the parts a claim makes (a range's two ends, a day and its hours): all
agree is ``consistent``, some ``partly``, none ``contradicted``. What cannot be checked is
``unverifiable``, never a guess: a stage with no date yet, a tentative window the claim falls
in, a time for a stage kept by the day. The flags stand beside the verdict; a weekday that
does not fit its date keeps a claim from being ``consistent``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from pemilu_timeline.factcheck.extract import WEEKDAY_NUMBER, Clock, Mention, Point
from pemilu_timeline.i18n.lexicon import PLANNING_WORDS, ZONE_WORDS
from pemilu_timeline.i18n.messages import Term
from pemilu_timeline.model import Stage, State
from pemilu_timeline.timing import as_day, zone_or_none

PLANNING_SET = frozenset(PLANNING_WORDS)


class Verdict(StrEnum):
    CONSISTENT = "consistent"
    PARTLY = "partly"
    CONTRADICTED = "contradicted"
    UNVERIFIABLE = "unverifiable"


class Flag(StrEnum):
    WEEKDAY = "weekday_mismatch"
    CANCELLED = "cancelled"
    PRECISION = "precision"
    ZONE = "zone"


@dataclass
class Check:
    verdict: Verdict
    flags: list[Flag] = field(default_factory=list)
    notes: list[Term] = field(default_factory=list)
    start: Point | None = None  # the claim's ends with their years worked out
    end: Point | None = None

    def flag(self, flag: Flag) -> None:
        if flag not in self.flags:
            self.flags.append(flag)


def stage_days(stage: Stage) -> tuple[dt.date, dt.date] | None:
    if stage.start is None or stage.end is None:
        return None
    return as_day(stage.start), as_day(stage.end)


def in_year_near(point: Point, days: tuple[dt.date, dt.date]) -> Point:
    """A point written without its year ("24/7", "10 November"), in the year that brings it
    nearest the stage, among those where its weekday fits when one is written."""
    if point.year_written:
        return point
    years = range(days[0].year - 1, days[1].year + 2)
    options = [point.in_year(y) for y in years if _exists(point, y)]
    fitting = [p for p in options if not weekday_wrong(p)] or options
    return min(fitting, key=lambda p: distance(p.first, p.last, days))


def _exists(point: Point, year: int) -> bool:
    try:
        dt.date(year, point.month, point.day or 1)
    except ValueError:
        return False
    return True


def distance(first: dt.date, last: dt.date, days: tuple[dt.date, dt.date]) -> int:
    """Days between a claimed span and a stage's (0 when they meet)."""
    if last < days[0]:
        return (days[0] - last).days
    if first > days[1]:
        return (first - days[1]).days
    return 0


def _agrees(point: Point, day: dt.date) -> bool:
    return point.first <= day <= point.last


def _overlaps(point: Point, days: tuple[dt.date, dt.date]) -> bool:
    return point.last >= days[0] and point.first <= days[1]


def resolved(mention: Mention, days: tuple[dt.date, dt.date] | None) -> tuple[Point | None,
                                                                               Point | None]:
    if days is None:
        return mention.start, mention.end
    start = in_year_near(mention.start, days) if mention.start is not None else None
    end = mention.end
    if end is not None and not end.year_written:
        end = in_year_near(end, days)
    return start, end


def verify(mention: Mention, stage: Stage, sentence_words: frozenset[str]) -> Check:
    days = stage_days(stage)
    start, end = resolved(mention, days)
    check = Check(Verdict.UNVERIFIABLE, start=start, end=end)
    if days is None:
        check.notes.append(Term("cek.note.undated"))
        _weekday_notes(check, None)
        return check
    if mention.start is None and not stage.is_timed:
        check.notes.append(Term("cek.note.time_only"))
        check.flag(Flag.PRECISION)
        return check
    parts, within = _day_parts(check, mention.role, days) if start is not None else ([], False)
    zone_only = False
    if mention.clock is not None and stage.is_timed:
        time_parts, zone_only = _time_parts(check, mention.clock, mention.role, stage, start)
        parts += time_parts
    elif mention.clock is not None:
        check.flag(Flag.PRECISION)
        check.notes.append(Term("cek.note.time_finer"))
    if not parts:
        check.notes.append(Term("cek.note.no_part"))
        return check
    if all(parts):
        check.verdict = Verdict.CONSISTENT
    elif any(parts):
        check.verdict = Verdict.PARTLY
    else:
        check.verdict = Verdict.PARTLY if within else Verdict.CONTRADICTED
    if zone_only and check.verdict is Verdict.CONSISTENT:
        check.verdict = Verdict.PARTLY
    if stage.state is State.TENTATIVE:
        _tentative(check, start, end, days)
    _weekday_notes(check, days)
    if stage.state is State.CANCELLED:
        check.flag(Flag.CANCELLED)
        if PLANNING_SET.isdisjoint(sentence_words):
            check.verdict = Verdict.CONTRADICTED
            check.notes.append(Term("cek.note.cancelled_held"))
        else:
            check.notes.append(Term("cek.note.cancelled_planned"))
    return check


def _day_parts(check: Check, role: str, days: tuple[dt.date, dt.date]
               ) -> tuple[list[bool], bool]:
    """Whether each end the claim gives agrees, and whether the claim lies inside the stage
    without meeting its ends (a day of a long stage is not a wrong day)."""
    start, end = check.start, check.end
    assert start is not None
    first, last = days
    points = [p for p in (start, end) if p is not None]
    if any(p.day is None for p in points):
        check.flag(Flag.PRECISION)
    inside = all(first <= p.first and p.last <= last for p in points)
    if end is not None:
        return [_agrees(start, first), _agrees(end, last)], inside
    if role == "start":
        return [_agrees(start, first)], inside
    if role == "end":
        return [_agrees(start, last)], inside
    if first == last:
        return [_agrees(start, first)], False
    if _overlaps(start, days):
        if start.day is not None:
            check.flag(Flag.PRECISION)
            check.notes.append(Term("cek.note.day_of_long_stage"))
        return [True], True
    return [False], False


def _tentative(check: Check, start: Point | None, end: Point | None,
               days: tuple[dt.date, dt.date]) -> None:
    """A tentative window bounds what the law allows: a claim outside it is wrong, one
    inside it is not yet right."""
    first = start.first if start is not None else days[0]
    last = (end or start).last if start is not None else days[1]
    if distance(first, last, days) > 0:
        check.verdict = Verdict.CONTRADICTED
        check.notes.append(Term("cek.note.outside_window"))
    else:
        check.verdict = Verdict.UNVERIFIABLE
        check.notes.append(Term("cek.note.tentative"))


def _weekday_notes(check: Check, days: tuple[dt.date, dt.date] | None) -> None:
    from pemilu_timeline.i18n.format import DayName

    for point in (check.start, check.end):
        if not weekday_wrong(point):
            continue
        assert point is not None and point.weekday is not None
        note_weekday(check, point)
        written = WEEKDAY_NUMBER[point.weekday.casefold()]
        if days is not None and days[0] == days[1] and days[0].weekday() == written \
                and days[0] != point.first:
            check.notes.append(Term("cek.note.weekday_fits", {
                "written": point.weekday, "day": DayName(days[0])}))
        if check.verdict is Verdict.CONSISTENT:
            check.verdict = Verdict.PARTLY


def weekday_wrong(point: Point | None) -> bool:
    """A weekday written beside a day it does not fall on ("Senin, 4 Juli 2025")."""
    if point is None or point.weekday is None or point.day is None or not point.year:
        return False
    return WEEKDAY_NUMBER[point.weekday.casefold()] != point.first.weekday()


def note_weekday(check: Check, point: Point) -> None:
    from pemilu_timeline.i18n.format import DayName, WeekdayName

    check.flag(Flag.WEEKDAY)
    check.notes.append(Term("cek.note.weekday", {
        "day": DayName(point.first, weekday=False), "actual": WeekdayName(point.first.weekday()),
        "written": point.weekday}))


def _wall(stage_moment: dt.date | dt.datetime) -> dt.datetime:
    assert isinstance(stage_moment, dt.datetime)
    return stage_moment


_INDONESIAN_ZONES = tuple(ZONE_WORDS.values())


def _time_parts(check: Check, clock: Clock, role: str, stage: Stage, start: Point | None
                ) -> tuple[list[bool], bool]:
    """Whether the claimed times agree, and whether they agree only on one zone's clock
    ("07.00–13.00 WIB" for hours kept in local time everywhere)."""
    assert stage.start is not None and stage.end is not None
    stage_start, stage_end = _wall(stage.start), _wall(stage.end)
    day = start.first if start is not None and start.day is not None else stage_start.date()
    pairs: list[tuple[dt.time, dt.datetime]] = []
    if clock.end is not None:
        pairs = [(clock.start, stage_start), (clock.end, stage_end)]
    elif role == "end":
        if stage_start == stage_end:
            return [], False  # "until 17.00" says nothing of the moment results may appear
        pairs = [(clock.start, stage_end)]
    elif role == "start" or stage_start == stage_end:
        pairs = [(clock.start, stage_start)]
    else:
        within = stage_start.time() <= clock.start <= stage_end.time()
        return [within], False
    results = [_same_time(dt.datetime.combine(day, claimed), expected, clock.zone,
                          stage.clock_zone) for claimed, expected in pairs]
    if any(wrong_zone for _, wrong_zone in results):
        check.flag(Flag.ZONE)
    zone_only = any(ok and wrong_zone for ok, wrong_zone in results)
    if zone_only:
        local = stage.clock_zone is None
        label = check_zone_label(clock.zone if local else stage.clock_zone)
        check.notes.append(Term("cek.note.zone_local" if local else "cek.note.zone_pinned",
                                {"zone": label}))
    elif any(wrong_zone for _, wrong_zone in results):
        check.notes.append(Term("cek.note.zone_wrong", {"zone": check_zone_label(clock.zone)}))
    return [ok for ok, _ in results], zone_only


def check_zone_label(zone: str | None) -> str:
    from pemilu_timeline.i18n.lexicon import ZONE_LABELS

    return ZONE_LABELS.get(zone or "", zone or "")


def _same_time(claimed: dt.datetime, expected: dt.datetime, claimed_zone: str | None,
               stage_zone: str | None) -> tuple[bool, bool]:
    """(agrees, on the wrong clock). A stage pinned to a zone is one moment everywhere; a
    stage in local time is the same wall-clock time in every zone."""
    if stage_zone is not None:
        if claimed_zone in (None, stage_zone):
            return claimed == expected, False
        if claimed_zone == "local":
            return claimed == expected, True
        agrees = _moved(claimed, claimed_zone, stage_zone) == expected
        return agrees, not agrees  # 16.00 WITA is the 15.00 WIB moment
    if claimed_zone in (None, "local"):
        return claimed == expected, False
    if claimed == expected:
        return True, True  # right where that zone is the local clock
    for other in _INDONESIAN_ZONES:
        if other != claimed_zone and _moved(claimed, claimed_zone, other) == expected:
            return True, True
    return False, True


def _moved(moment: dt.datetime, source: str, target: str) -> dt.datetime:
    source_zone, target_zone = zone_or_none(source), zone_or_none(target)
    if source_zone is None or target_zone is None:
        return moment
    return moment.replace(tzinfo=source_zone).astimezone(target_zone).replace(tzinfo=None)
