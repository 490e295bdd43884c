"""A rule and its result in the law's words: 'paling lambat 3 hari setelah Putusan MK',
'paling lambat Senin, 22 April 2024', 'melewati: 29 Mar Wafat Yesus Kristus, …'."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pemilu_timeline.i18n import format as i18n
from pemilu_timeline.i18n.messages import t
from pemilu_timeline.model import Direction, Rule, Schedule, Sense, Span, Stage
from pemilu_timeline.timing import as_day

if TYPE_CHECKING:  # the calendar is loaded only by the commands that count
    from pemilu_timeline.rules.calendar import Moment, Reckoning
    from pemilu_timeline.rules.workdays import Holiday

# A unit of a span and the catalog's unit entry for it.
_UNIT_WORDS = {"years": "year", "months": "month", "days": "day",
               "working_days": "working_day", "hours": "hour"}


def span_text(span: Span, lang: str) -> str:
    """'2 tahun 6 bulan', '14 hari kerja', '3×24 jam' (as the law writes whole days of hours)."""
    if span.is_empty:
        return i18n.unit("day", 0, lang)
    if span.hours and span.hours % 24 == 0 and span.hours > 24:
        return t("unit.times_24_hours", lang, n=span.hours // 24)
    return " ".join(i18n.unit(_UNIT_WORDS[name], n, lang) for name, n in span.parts())


def connector(rule: Rule, lang: str) -> str:
    """'setelah' (counting from the next day), 'sejak' (the anchor's day is day 1),
    'sebelum'."""
    if rule.direction is Direction.BEFORE:
        return t("rule.before", lang)
    return t(f"rule.after.{rule.counting.value}", lang)


def describe(rule: Rule, lang: str, anchor_name: str, *, anchor_is_one_day: bool = True) -> str:
    """The rule with its anchor named; a multi-day anchor says which end counts."""
    anchor = anchor_name
    if rule.edge == "start" or not anchor_is_one_day:
        anchor = t(f"rule.edge.{rule.edge}", lang, anchor=anchor_name)
    latest = span_text(rule.latest, lang) if rule.latest is not None else ""
    return t(f"rule.{rule.sense.value}", lang, span=span_text(rule.span, lang),
             latest=latest, connector=connector(rule, lang), anchor=anchor)


def describe_rule(schedule: Schedule, stage: Stage, lang: str) -> str:
    """A stage's rule with its anchor by name (the anchor's key where it is not in the
    schedule)."""
    rule = stage.after
    assert rule is not None
    anchor = schedule.get(rule.stage)
    if anchor is None:
        return describe(rule, lang, rule.stage)
    return describe(rule, lang, anchor.display_name(lang),
                    anchor_is_one_day=anchor.start == anchor.end)


def moment_words(value: Moment, lang: str, zone: str | None = None) -> str:
    """'Senin, 22 April 2024', or with its time '23 Maret 2024 22.19 WIB'."""
    text = i18n.format_date(as_day(value), lang, weekday=True)
    if isinstance(value, dt.datetime):
        text += f" {i18n.format_time(value)}"
        if zone:
            text += f" {zone}"
    return text


def bounded(sense: Sense, dates: str, lang: str) -> str:
    """'paling lambat 6 Oktober 2029' for a deadline, 'paling cepat …' for an earliest
    date; an exact date or a window is its dates."""
    if sense in (Sense.AT_LATEST, Sense.AT_EARLIEST):
        return t(f"bound.{sense.value}", lang, dates=dates)
    return dates


# A derivation lists this many holidays in words; JSON lists every one.
SKIPPED_SHOWN = 40


def skipped_text(skipped: Sequence[Holiday], lang: str) -> str:
    """'29 Mar Wafat Yesus Kristus, 8–9 Apr Cuti Bersama Hari Raya Idul Fitri, …': runs of
    days with one name are written as one range; a list across years names each year."""
    if not skipped:
        return t("label.no_holidays", lang)
    with_year = skipped[0].date.year != skipped[-1].date.year
    runs: list[tuple[dt.date, dt.date, str]] = []
    for holiday in skipped:
        name = holiday.display_name(lang)
        if runs and runs[-1][2] == name and (holiday.date - runs[-1][1]).days == 1:
            runs[-1] = (runs[-1][0], holiday.date, name)
        else:
            runs.append((holiday.date, holiday.date, name))
    words = [f"{_short_range(first, last, lang, with_year)} {name}"
             for first, last, name in runs[:SKIPPED_SHOWN]]
    if len(runs) > SKIPPED_SHOWN:
        words.append(t("label.more_holidays", lang, n=len(runs) - SKIPPED_SHOWN))
    return ", ".join(words)


def _short_range(first: dt.date, last: dt.date, lang: str, with_year: bool) -> str:
    def day(value: dt.date) -> str:
        if with_year:
            return i18n.format_short_date(value, lang)
        return i18n.format_day_month(value, lang)

    if first == last:
        return day(first)
    if first.month == last.month and first.year == last.year:
        return f"{first.day}–{day(last)}"
    return f"{day(first)} – {day(last)}"


def result_text(rule: Rule, reckoning: Reckoning, lang: str, zone: str | None = None) -> str:
    """What the rule gives: 'paling lambat Senin, 22 April 2024', 'Rabu, 14 Februari 2029',
    'Sabtu, 20 Oktober 2031 – Selasa, 20 April 2032'."""
    earliest, latest = reckoning.earliest, reckoning.latest
    if rule.sense is Sense.AT_LATEST and latest is not None:
        return bounded(rule.sense, moment_words(latest, lang, zone), lang)
    if rule.sense is Sense.AT_EARLIEST and earliest is not None:
        return bounded(rule.sense, moment_words(earliest, lang, zone), lang)
    if earliest is not None and latest is not None and earliest != latest:
        return f"{moment_words(earliest, lang, zone)} – {moment_words(latest, lang, zone)}"
    assert earliest is not None
    return moment_words(earliest, lang, zone)
