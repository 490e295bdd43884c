"""Countdowns the way Indonesian newsrooms write them: H-14, H, H+3.

"H" is the stage's day. The label counts whole calendar days in the viewer's zone, so at 23.30
WIB on 13 February voting day is "H-1" in Jakarta while it is already "H" in Jayapura.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pemilu_timeline.model import Stage, Status
from pemilu_timeline.timing import add_months


@dataclass(frozen=True)
class Countdown:
    stage: Stage
    at: dt.datetime
    phase: Status  # where the stage stands at ``at``
    target: str  # "start" (upcoming or past), "end" (active) or "deadline" (a rule's limit)
    target_at: dt.datetime  # the instant counted to, in the viewer's zone
    days: int  # calendar days from at's date to the target day (negative once passed)

    @property
    def label(self) -> str:
        return h_label(self.days)

    @property
    def delta(self) -> dt.timedelta:
        return self.target_at - self.at

    @property
    def is_future(self) -> bool:
        return self.target_at > self.at

    def span_parts(self) -> dict[str, int]:
        """Years, months, days, hours and minutes between now and the target."""
        return span_parts(self.at, self.target_at)

    def clock_parts(self) -> dict[str, int]:
        """Days, hours and minutes (no months): the '12 hari 3 jam 5 menit' readout."""
        seconds = abs(int(self.delta.total_seconds()))
        days, rest = divmod(seconds, 86400)
        return {"days": days, "hours": rest // 3600, "minutes": rest % 3600 // 60,
                "seconds": rest % 60}


def h_label(days: int) -> str:
    """H-n before the day, H on it, H+n after."""
    if days > 0:
        return f"H-{days}"
    if days < 0:
        return f"H+{-days}"
    return "H"


def countdown_to(stage: Stage, at: dt.datetime, *, toward: str | None = None) -> Countdown:
    """Time until ``stage`` starts, or until it ends while it is active; for a deadline,
    until its day is over. ``toward`` ("start" or "end") holds the target to one edge, as a
    page counting on several clocks at once does.

    A stage without a date (pending) or cancelled has nothing to count down to; callers check
    ``stage.is_dated`` and the state first.
    """
    zone = at.tzinfo
    assert zone is not None
    phase = stage.phase_at(at)
    start, end = stage.window(zone)
    if stage.is_deadline:  # "paling lambat 22 April": counted to the day's last moment
        last_moment = end - dt.timedelta(microseconds=1) if end > start else start
        return Countdown(stage=stage, at=at, phase=phase, target="deadline", target_at=end,
                         days=(last_moment.date() - at.date()).days)
    if (toward or ("end" if phase is Status.ACTIVE else "start")) == "end":
        last_moment = end - dt.timedelta(microseconds=1) if end > start else start
        target, moment, day = "end", end, last_moment.date()
    else:
        target, moment, day = "start", start, start.date()
    return Countdown(stage=stage, at=at, phase=phase, target=target, target_at=moment,
                     days=(day - at.date()).days)


def span_parts(earlier: dt.datetime, later: dt.datetime) -> dict[str, int]:
    """Calendar-aware difference ('1 bulan 14 hari'), always non-negative.

    Whole months first, then days, hours and minutes, counted as dateutil's relativedelta
    counts them (a month after 31 January is 29 February); a test holds the two equal. Written
    out because importing dateutil and calendar costs `now` more than the sum does.
    """
    if later < earlier:
        earlier, later = later, earlier
    later = later.astimezone(earlier.tzinfo)  # one wall clock, so months and days are local
    start, end = earlier.replace(tzinfo=None), later.replace(tzinfo=None)
    months = (end.year - start.year) * 12 + end.month - start.month
    reached = add_months(start, months)
    while reached > end:  # the day of the month is not reached yet: one month fewer
        months -= 1
        reached = add_months(start, months)
    rest = end - reached
    return {"year": months // 12, "month": months % 12, "day": rest.days,
            "hour": rest.seconds // 3600, "minute": rest.seconds % 3600 // 60,
            "second": rest.seconds % 60}
