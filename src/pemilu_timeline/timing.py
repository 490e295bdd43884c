"""Time zones and moments: the viewer's clock decides which calendar day it is.

Indonesia has three zones; reporters say WIB, WITA and WIT, scripts say Asia/Jakarta. A moment
is always an aware datetime in the viewer's zone, so that "today" is never the UTC date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pemilu_timeline.errors import InvalidInput
from pemilu_timeline.i18n.lexicon import ZONE_LABELS, ZONE_WORDS

# The years a stage may fall in: far around any election, and far from the calendar's ends,
# so that no date arithmetic on a stage (a day after its end, a rule's window) can overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2200
# The longest span a rule may count, in days: far beyond any law's.
MAX_RULE_DAYS = 36_500


@lru_cache(maxsize=64)
def zone_or_none(name: str) -> ZoneInfo | None:
    """The zone for an IANA name or WIB/WITA/WIT, or None when there is no such zone."""
    iana = ZONE_WORDS.get(name.upper(), name)
    try:
        return ZoneInfo(iana)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def resolve_zone(name: str) -> ZoneInfo:
    zone = zone_or_none(name)
    if zone is None:
        raise InvalidInput("input.unknown_zone", name=name)
    return zone


def zone_label(zone: dt.tzinfo) -> str:
    """'WIB' for Asia/Jakarta, else the IANA key (or the zone's own name)."""
    key = getattr(zone, "key", None) or str(zone)
    return ZONE_LABELS.get(key, key)


_ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
                        r"(?:Z|[+-]\d{2}:?\d{2})?$")


def is_iso_shaped(text: str) -> bool:
    """Whether ``text`` has ISO 8601's form (its day may still not exist): the fast path that
    needs no date reader."""
    return _ISO_SHAPE.match(text.strip()) is not None


def parse_moment(text: str, zone: dt.tzinfo, option: str | None = None) -> dt.datetime:
    """Parse an ISO 8601 date or date-time; one without an offset is read in ``zone``.

    A bare date means the start of that day. The result is converted to ``zone``, the viewer's.
    A moment outside the years a stage may fall in is refused: nothing could be on, and date
    arithmetic near the calendar's ends would overflow. A refusal names ``option`` (the
    command line's --at) when one is given, else only the text.
    """
    what = f"{option} '{text}'" if option else f"'{text}'"
    value = text.strip()
    try:
        if len(value) <= 10 and "T" not in value and " " not in value:
            moment = dt.datetime.combine(dt.date.fromisoformat(value), dt.time(), tzinfo=zone)
        else:
            moment = dt.datetime.fromisoformat(value)
            moment = moment.replace(tzinfo=zone) if moment.tzinfo is None \
                else moment.astimezone(zone)
    except ValueError:
        if _ISO_SHAPE.match(value):  # 2024-02-30: the form is right, the day does not exist
            raise InvalidInput("input.at_not_on_calendar", what=what) from None
        raise InvalidInput("input.at_not_iso", what=what) from None
    except OverflowError:
        moment = dt.datetime.min.replace(tzinfo=zone)  # refused just below
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise InvalidInput("input.at_out_of_range", what=what, first=FIRST_YEAR,
                           last=LAST_YEAR)
    return moment


DateOrMoment = TypeVar("DateOrMoment", dt.date, dt.datetime)


def as_day(value: dt.date | dt.datetime) -> dt.date:
    """The calendar day of a date or a moment (a datetime is a date too, so ask which)."""
    return value.date() if isinstance(value, dt.datetime) else value


def add_months(value: DateOrMoment, months: int) -> DateOrMoment:
    """The same day ``months`` later (or earlier), clamped to the month's end: a month after
    31 January is 29 February in a leap year, as the law and dateutil count. Written out
    because importing dateutil or calendar would cost every command its import."""
    year, index = divmod(value.month - 1 + months, 12)
    year += value.year
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError("date value out of range")
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    length = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[index]
    return value.replace(year=year, month=index + 1, day=min(value.day, length))


def now_in(zone: dt.tzinfo) -> dt.datetime:
    """The real clock, read in the viewer's zone."""
    return dt.datetime.now(zone)
