"""Dates, times and spans written as Indonesian newsrooms write them (and in English)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pemilu_timeline.i18n.lexicon import MONTHS, MONTHS_SHORT, WEEKDAYS
from pemilu_timeline.i18n.messages import check_language, t


@dataclass(frozen=True)
class WeekdayName:
    """A weekday as a message parameter, named in the message's language."""

    index: int  # Monday is 0

    def in_language(self, lang: str) -> str:
        return WEEKDAYS[check_language(lang)][self.index]


@dataclass(frozen=True)
class DayName:
    """A date as a message parameter: 'Jumat, 4 Juli 2025' in the message's language."""

    day: dt.date
    weekday: bool = True

    def in_language(self, lang: str) -> str:
        return format_date(self.day, lang, weekday=self.weekday)


def format_date(day: dt.date, lang: str, *, weekday: bool = False) -> str:
    """'Rabu, 14 Februari 2024' / 'Wednesday, 14 February 2024'."""
    text = f"{day.day} {MONTHS[check_language(lang)][day.month - 1]} {day.year}"
    if weekday:
        text = f"{WEEKDAYS[check_language(lang)][day.weekday()]}, {text}"
    return text


def format_short_date(day: dt.date, lang: str) -> str:
    return f"{day.day} {MONTHS_SHORT[check_language(lang)][day.month - 1]} {day.year}"


def format_day_month(day: dt.date, lang: str) -> str:
    """'29 Mar': a day within a year the reader already knows."""
    return f"{day.day} {MONTHS_SHORT[check_language(lang)][day.month - 1]}"


def format_time(moment: dt.datetime | dt.time) -> str:
    """Indonesian style writes 07.00; it reads well in English too, so one form serves both."""
    return f"{moment.hour:02d}.{moment.minute:02d}"


def unit(name: str, n: int, lang: str) -> str:
    return t(f"unit.{name}" + ("" if n == 1 else "s"), lang, n=n)


# Which units a span shows, by its largest unit: precise enough to read, never
# "1 tahun 9 bulan 8 hari 1 jam 6 menit". The exact d/h/m readout is shown separately.
SPAN_UNITS = {
    "year": ("year", "month", "day"),
    "month": ("month", "day"),
    "day": ("day", "hour"),
    "hour": ("hour", "minute"),
    "minute": ("minute", "second"),  # the last hour is counted to the second
    "second": ("second",),
}


def format_span(parts: dict[str, int], lang: str, *, future: bool) -> str:
    """'1 bulan 14 hari lagi' / 'in 1 month 14 days'. Zero parts are left out; "now" only
    when not a second is left (a span under a second to come is still "in 1 second")."""
    largest = next((name for name in SPAN_UNITS if parts.get(name)), None)
    if largest is None and future:  # under a second to go: not yet "now"
        return t("span.future", lang, span=unit("second", 1, lang))
    if largest is None:
        return t("span.now", lang)
    words = [unit(name, parts[name], lang) for name in SPAN_UNITS[largest] if parts.get(name)]
    if not words:
        return t("span.now", lang)
    return t("span.future" if future else "span.past", lang, span=" ".join(words))


def format_range(start: dt.date | dt.datetime, end: dt.date | dt.datetime, lang: str,
                 zone: str | None = None, *, short: bool = False) -> str:
    """'11–13 Februari 2024', '28 November 2023 – 10 Februari 2024', '14 Februari 2024, 07.00'.

    ``zone`` names the zone a timed stage is pinned to; without it the times are local time.
    """
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        suffix = zone or t("label.timed_local", lang)
        full = format_short_date if short else format_date
        times = format_time(start) if start == end else f"{format_time(start)}–{format_time(end)}"
        if start.date() == end.date():
            return f"{full(start.date(), lang)}, {times} {suffix}"
        return (f"{full(start.date(), lang)} {format_time(start)} – "
                f"{full(end.date(), lang)} {format_time(end)} {suffix}")
    first = start.date() if isinstance(start, dt.datetime) else start
    last = end.date() if isinstance(end, dt.datetime) else end
    months = (MONTHS_SHORT if short else MONTHS)[check_language(lang)]
    full = format_short_date if short else format_date
    if first == last:
        return full(first, lang)
    if first.year != last.year:
        return f"{full(first, lang)} – {full(last, lang)}"
    if first.month != last.month:
        return f"{first.day} {months[first.month - 1]} – {full(last, lang)}"
    return f"{first.day}–{full(last, lang)}"
