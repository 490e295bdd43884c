"""The law's calendar without a schedule: `hitung` computes a rule typed in the law's words,
`libur` lists the days a working-day count skips."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from pemilu_timeline.cli.options import (
    AtOption,
    JsonOption,
    Lang,
    LangOption,
    TzOption,
    console,
    print_json,
    read_moment,
)
from pemilu_timeline.errors import InvalidInput
from pemilu_timeline.i18n.messages import Term
from pemilu_timeline.timing import FIRST_YEAR, LAST_YEAR, now_in, resolve_zone

if TYPE_CHECKING:
    from pemilu_timeline.rules.calendar import Moment, Reckoning

DEFAULT_ZONE = "Asia/Jakarta"


def hitung(
    phrase: Annotated[list[str], typer.Argument(
        metavar="PHRASE...")],
    tz: TzOption = None, lang: LangOption = Lang.id, as_json: JsonOption = False,
) -> None:
    from pemilu_timeline.rules.calendar import (
        InvertedWindow,
        NeedsTime,
        OutOfRange,
        inconsistencies,
        reckon,
    )
    from pemilu_timeline.rules.describe import describe, moment_words
    from pemilu_timeline.rules.phrase import parse_phrase, visible
    from pemilu_timeline.schedule.schema import over_the_limit

    text = " ".join(phrase)
    parsed = parse_phrase(text)
    if parsed.edge is not None:
        raise InvalidInput("hitung.edge_needs_stage", anchor=Term(
            f"rule.edge.{parsed.edge.value}", {"anchor": visible(parsed.anchor)}))
    anchor, zone = _anchor(parsed.anchor, tz)
    rule = parsed.as_rule("")
    for problem in inconsistencies(rule):
        raise InvalidInput(problem)
    too_large = over_the_limit(rule)
    if too_large is not None:
        unit, maximum = too_large
        raise InvalidInput("edit.too_large", option=f"PHRASE ({unit.replace('_', ' ')})",
                           maximum=maximum)
    try:
        reckoning = reckon(rule, anchor)
    except NeedsTime:
        raise InvalidInput("hitung.needs_time", anchor=visible(parsed.anchor)) from None
    except InvertedWindow:
        raise InvalidInput("hitung.inverted_window") from None
    except OutOfRange:
        raise InvalidInput("hitung.out_of_range", first=FIRST_YEAR, last=LAST_YEAR) from None
    if tz is not None and isinstance(anchor, dt.datetime):
        reckoning = _viewed_in(reckoning, resolve_zone(tz))
        zone = resolve_zone(tz)
    code = lang.value
    label = _zone_label(zone) if isinstance(anchor, dt.datetime) else None
    words = describe(rule, code, moment_words(reckoning.anchor, code, label))
    if as_json:
        from pemilu_timeline.exports.json import reckoning_to_dict

        print_json({"phrase": text, **reckoning_to_dict(rule, reckoning, words)})
        return
    from pemilu_timeline.views.tables import reckoning_view

    console().print(reckoning_view(rule, words, reckoning, code, label))


def _anchor(text: str, tz: str | None) -> tuple[dt.date | dt.datetime, dt.tzinfo]:
    """The phrase's anchor as a date, or as a moment in the zone it names (else --tz, else
    WIB): hours count from a moment, and the result is shown on that clock."""
    from pemilu_timeline.dateparse import parse_date

    parsed = parse_date(text, "PHRASE")
    zone = resolve_zone(parsed.zone or tz or DEFAULT_ZONE)
    value = parsed.value
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=zone), zone
    return value, zone


def _viewed_in(reckoning: Reckoning, zone: dt.tzinfo) -> Reckoning:
    """The reckoning with its moments read on the viewer's clock (--tz)."""
    import dataclasses

    def moved(value: Moment) -> Moment:
        return value.astimezone(zone) if isinstance(value, dt.datetime) else value

    return dataclasses.replace(
        reckoning, anchor=moved(reckoning.anchor), start=moved(reckoning.start),
        end=moved(reckoning.end),
        earliest=None if reckoning.earliest is None else moved(reckoning.earliest),
        latest=None if reckoning.latest is None else moved(reckoning.latest))


def _zone_label(zone: dt.tzinfo) -> str:
    from pemilu_timeline.timing import zone_label

    return zone_label(zone)


def libur(
    year: Annotated[int | None, typer.Argument(
        metavar="[YEAR]", show_default=False)] = None,
    at: AtOption = None, tz: TzOption = None, lang: LangOption = Lang.id,
    as_json: JsonOption = False,
) -> None:
    from pemilu_timeline.rules.workdays import work_calendar

    if year is None:
        zone = resolve_zone(tz or DEFAULT_ZONE)
        year = (read_moment(at, zone) if at is not None else now_in(zone)).year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput("libur.year_out_of_range", year=year, first=FIRST_YEAR,
                           last=LAST_YEAR)
    calendar = work_calendar()
    days = calendar.listed(year)
    if as_json:
        from pemilu_timeline.exports.json import holiday_to_dict

        print_json([holiday_to_dict(day) for day in days])
        return
    from pemilu_timeline.views.tables import holidays_view

    console().print(holidays_view(year, days, lang.value, settled=calendar.is_settled(year),
                                  source=calendar.source(year)))
