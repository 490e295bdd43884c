"""The dates a rule allows once its anchor's day is known."""

from __future__ import annotations

import datetime as dt

from pemilu_timeline.model import Rule, Sense, Stage
from pemilu_timeline.timing import FIRST_YEAR, LAST_YEAR

ONE_DAY = dt.timedelta(days=1)


class OutOfRange(ValueError):
    """A rule's window falls outside the years a stage may fall in (a long chain of long
    rules, say): reported as a problem, never an overflow."""


def window(rule: Rule, anchor_day: dt.date) -> tuple[dt.date, dt.date]:
    """The inclusive first and last day the rule allows.

    "Paling lambat n hari setelah X" allows any day after X up to X+n; "paling cepat" starts at
    X+n; "exactly" is X+n. Both of the latter last ``duration`` days.
    """
    try:
        target = anchor_day + dt.timedelta(days=rule.days)
        if rule.sense is Sense.AT_LATEST:
            first, last = (anchor_day + ONE_DAY if rule.days > 0 else anchor_day), target
        else:
            first, last = target, target + dt.timedelta(days=max(1, rule.duration) - 1)
    except OverflowError:
        raise OutOfRange(rule.stage) from None
    if not (first.year >= FIRST_YEAR and last.year <= LAST_YEAR):
        raise OutOfRange(rule.stage)
    return first, last


def anchor_day(anchor: Stage, edge: str) -> dt.date | None:
    """The anchor's first or last calendar day, or None while it has no date."""
    value = anchor.start if edge == "start" else anchor.end
    if value is None:
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def obeys(stage: Stage, rule: Rule, first: dt.date, last: dt.date) -> bool:
    """Whether a date written in the file (what actually happened) obeys the stage's rule."""
    day = anchor_day(stage, "start")
    assert day is not None
    if rule.sense is Sense.AT_LATEST:
        return first <= day <= last
    if rule.sense is Sense.AT_EARLIEST:
        return day >= first
    return day == first
