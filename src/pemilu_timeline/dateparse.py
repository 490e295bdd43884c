"""Dates as election staff type them: ISO 8601, or Indonesian as KPU and the news write them.

``28 Nov 2023``, ``Rabu, 14 Februari 2024``, ``14/02/2024`` (day first), ``Selasa (13/2/2024)``,
``14 Februari 2024 pukul 07.00 WIB``. python-dateutil does the parsing with Indonesian
``parserinfo``; this module only normalises the few things dateutil cannot know (``07.00`` as a
time, the WIB/WITA/WIT zone words) and refuses what it would silently guess: a missing year
or day (dateutil fills them from today), a two-digit year, a weekday that contradicts the date,
a word it does not know (``EST`` would be dropped, keeping the time with no zone) and a number
that is neither part of the date nor the time (dateutil reads a stray year as a time of day).

Only the edit commands import this module, so dateutil never slows down `now`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pemilu_timeline.errors import InvalidInput
from pemilu_timeline.i18n.format import WeekdayName
from pemilu_timeline.i18n.lexicon import (
    DATE_FILLER_WORDS,
    MONTH_SPELLINGS,
    WEEKDAY_SPELLINGS,
    ZONE_WORDS,
)
from pemilu_timeline.i18n.messages import Term
from pemilu_timeline.timing import FIRST_YEAR, LAST_YEAR

Moment = dt.date | dt.datetime

_MONTHS, _WEEKDAYS = list(MONTH_SPELLINGS), list(WEEKDAY_SPELLINGS)  # as dateutil wants them

_ZONE = re.compile(r"(?<![\w])(" + "|".join(sorted(ZONE_WORDS, key=len, reverse=True))
                   + r")(?![\w])", re.IGNORECASE)
# 07.00 / 7.30 as a time; not part of a dotted date such as 14.02.2024.
_DOT_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
# The year before any other number, after words only: "2024/03/01", "Jumat, 2024-3-1";
# or a year-month-day anywhere: "pukul 07.00, 2024-03-01".
_LEADING_YEAR = re.compile(r"[\W_]*(?:[^\W\d_]+[\W_]+)*\d{4}(?!\d)")
_YMD = re.compile(r"(?<![\d.:/-])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d.:/-])")
_WORD = re.compile(r"[^\W\d_]+")
# A time as staff write it, 07.00 or 07:00 (and :30 seconds); a dotted date is not one.
_TIME = re.compile(r"(?<![\d.:])\d{1,2}[.:]\d{2}(?::\d{2})?(?![\d.:])")
_NUMBER = re.compile(r"\d+")
_DEFAULTS = (dt.datetime(2000, 1, 1, 0, 0, 0), dt.datetime(2001, 2, 2, 1, 1, 1))
EXAMPLES = "2024-02-14; 14/02/2024; 14 Februari 2024; Rabu, 14 Feb 2024 pukul 07.00"


@dataclass(frozen=True)
class ParsedDate:
    """A date, or a wall-clock date-time, and the zone named in the text (WIB -> Asia/Jakarta)."""

    value: Moment
    zone: str | None = None


@lru_cache(maxsize=1)
def _parser() -> Any:
    from dateutil import parser

    jump = [*parser.parserinfo.JUMP, *DATE_FILLER_WORDS]

    class IndonesianInfo(parser.parserinfo):
        # The stubs type these as 2-3 spellings per entry; dateutil takes any number.
        JUMP = jump
        MONTHS = _MONTHS  # type: ignore[assignment]
        WEEKDAYS = _WEEKDAYS  # type: ignore[assignment]

    return parser.parser(IndonesianInfo(dayfirst=True, yearfirst=False))


# The option that names a zone beside the date typed in ``option``: a stage's --zone, but
# `hitung` reads its anchor from the phrase and its zone from --tz.
ZONE_OPTION = {"PHRASE": "--tz", "--at": "--tz", "--from": "--tz", "--to": "--tz"}


def _named(option: str) -> str | Term:
    """How a refusal names where the date was typed: the option, or the rule's words."""
    return Term("date.in_phrase") if option == "PHRASE" else option


# A refused date is quoted up to this many characters: a pasted page stays one short line.
QUOTED = 80


def _refuse(text: str, option: str, why: str, **params: Any) -> InvalidInput:
    zone_option = ZONE_OPTION.get(option, "--zone")
    quoted = text if len(text) <= QUOTED else text[:QUOTED - 1] + "…"
    return InvalidInput("date.refused", option=_named(option), text=quoted,
                        why=Term(f"date.why.{why}", {"zone_option": zone_option, **params}),
                        examples=EXAMPLES)


def _unsafe(char: str) -> bool:
    """A character no date holds and a terminal must not receive raw: controls, format
    characters such as the bidirectional overrides, line and paragraph separators."""
    return not char.isprintable() and unicodedata.category(char) != "Zs"


def parse_date(text: str, option: str = "--start") -> ParsedDate:
    """Read what staff typed into a date (or date-time) to store in the schedule.

    The result is naive: a stage's wall-clock time is read in the viewer's zone unless the
    stage is pinned with ``zone`` (which a WIB/WITA/WIT in the text suggests).
    """
    raw = text
    value = text.strip()
    if not value:
        raise _refuse(raw, option, "empty")
    if any(_unsafe(c) for c in value):
        raise _refuse(raw.encode("unicode_escape").decode(), option,
                      "control")
    if value[0] in "-+−":  # no date starts with a sign; dateutil would drop it silently
        raise _refuse(raw, option, "unreadable")
    iso = _iso(value, raw, option)
    if iso is not None:
        return ParsedDate(iso)

    zone = None
    zones = {m.upper() for m in _ZONE.findall(value)}
    if len(zones) > 1:
        raise _refuse(raw, option, "zones")
    if zones:
        zone = ZONE_WORDS[zones.pop()]
        value = _ZONE.sub(" ", value)
    value = value.replace("’", "").replace("'", "")  # Jum'at -> Jumat
    value = value.replace("(", " ").replace(")", " ")
    if not any(c.isdigit() for c in value):
        raise _refuse(raw, option, "unreadable")
    if not _YEAR.search(value):
        raise _refuse(raw, option, "year")
    parser = _parser()
    value = _known_words(value, parser.info, raw, option)
    _place_numbers(value, parser.info, raw, option)
    value = _DOT_TIME.sub(r"\1:\2", value)

    from dateutil.parser import ParserError

    # Day first is how Indonesians write 14/02/2024; but a text that opens with the year
    # (2024/03/01, 2024-3-1 10.00) is year-month-day, never year-day-month.
    year_first = _LEADING_YEAR.match(value) or _YMD.search(value)
    order = {"yearfirst": True, "dayfirst": False} if year_first else {}
    try:
        with warnings.catch_warnings():
            # Whatever dateutil would only warn about (a zone it cannot use) is refused.
            warnings.simplefilter("error")
            first = parser.parse(value, default=_DEFAULTS[0], **order)
            second = parser.parse(value, default=_DEFAULTS[1], **order)
    except ParserError as error:
        if "out of range" in str(error) or "must be in" in str(error):
            raise _refuse(raw, option, "not_on_calendar") from None
        raise _refuse(raw, option, "unreadable") from None
    except (ValueError, OverflowError, Warning):
        raise _refuse(raw, option, "unreadable") from None
    if first.date() != second.date():
        raise _refuse(raw, option, "incomplete")
    _check_year(first.year, raw, option)
    if first.tzinfo is not None:
        raise _refuse(raw, option, "zone_unknown")
    _check_weekday(value, first.date(), raw, option)
    if first.hour != second.hour:
        if zone is not None:
            raise _refuse(raw, option, "zone_without_time")
        return ParsedDate(first.date())
    moment = first.replace(minute=first.minute if first.minute == second.minute else 0,
                           second=first.second if first.second == second.second else 0,
                           microsecond=0)
    return ParsedDate(moment, zone)


def moment_from_text(text: str, zone: dt.tzinfo, option: str | None = None) -> dt.datetime:
    """A moment to view at, typed as a reporter writes it ("Rabu, 14 Februari 2024 pukul
    15.00 WIB"), in the viewer's ``zone``. A bare day is its start; a zone word in the text
    says which clock the time is on. ISO 8601, with an offset too, reads as
    ``timing.parse_moment`` reads it."""
    from pemilu_timeline.timing import is_iso_shaped, parse_moment, resolve_zone

    if is_iso_shaped(text):
        return parse_moment(text, zone, option)
    parsed = parse_date(text, option or "--at")
    if not isinstance(parsed.value, dt.datetime):
        return dt.datetime.combine(parsed.value, dt.time(), tzinfo=zone)
    clock = resolve_zone(parsed.zone) if parsed.zone else zone
    return parsed.value.replace(tzinfo=clock).astimezone(zone)


def day_from_text(text: str, option: str) -> dt.date:
    """A day that bounds a range (--from, --to), in ISO or as the news write it; a time of
    day would be a bound the range cannot honour, so it is refused rather than dropped."""
    parsed = parse_date(text, option)
    if isinstance(parsed.value, dt.datetime):
        raise InvalidInput("input.day_with_time", option=option, text=text)
    return parsed.value


def _iso(value: str, raw: str, option: str) -> Moment | None:
    """ISO 8601 without dateutil: the form scripts use, and the fast path."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?"
                        r"(Z|[+-]\d{2}:?\d{2})?", value):
        return None
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            _check_year(day.year, raw, option)
            return day
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise _refuse(raw, option, "not_on_calendar") from None
    _check_year(moment.year, raw, option)
    if moment.tzinfo is not None:
        raise _refuse(raw, option, "utc_offset")
    return moment


def _check_weekday(value: str, day: dt.date, raw: str, option: str) -> None:
    """'Senin, 14 Februari 2024' is a typo somewhere: 14 February 2024 was a Wednesday."""
    info = _parser().info
    for word in _WORD.findall(value):
        index = info.weekday(word)
        if index is not None and info.month(word) is None and index != day.weekday():
            raise InvalidInput("date.weekday", option=_named(option), text=raw,
                               day=day.isoformat(),
                               actual=WeekdayName(day.weekday()), written=word)


def _check_year(year: int, raw: str, option: str) -> None:
    """Only years a stage may fall in, so that no later date arithmetic can overflow."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _refuse(raw, option, "out_of_range", first=FIRST_YEAR, last=LAST_YEAR)


def _known_words(value: str, info: Any, raw: str, option: str) -> str:
    """Refuse a word that is not a month, a weekday, AM/PM or a filler; drop the fillers.

    dateutil skips a word it does not know or takes it for a zone it cannot use (``EST``,
    even ``PUKUL`` after a time) and keeps the wall-clock time as if no zone were written.
    """
    def known(match: re.Match[str]) -> str:
        word = match.group()
        if info.jump(word):
            return " "
        if info.month(word) is None and info.weekday(word) is None and info.ampm(word) is None:
            raise _refuse(raw, option, "word", word=word)
        return word

    return _WORD.sub(known, value)


def _place_numbers(value: str, info: Any, raw: str, option: str) -> None:
    """Refuse a number that is neither the date's day, month and year nor one time.

    dateutil reads what is left over as it can: a second year becomes a time of day.
    """
    times = _TIME.findall(value)
    if len(times) > 1:
        raise _refuse(raw, option, "number", number=times[1])
    month_word = any(info.month(word) is not None for word in _WORD.findall(value))
    numbers = _NUMBER.findall(_TIME.sub(" ", value))
    room = 2 if month_word else 3
    if len(numbers) > room:
        raise _refuse(raw, option, "number", number=numbers[room])
