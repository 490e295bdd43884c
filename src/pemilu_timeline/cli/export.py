"""The `export` command: iCal for calendars, JSON and CSV for scripts and spreadsheets.

Only option parsing and output live here; the formats are built by ``exports``, imported
inside the command (with ``icalendar``) so that other commands start fast, and written as
they are made (a calendar of many stages is never held whole).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pemilu_timeline.cli import complete
from pemilu_timeline.cli.options import (
    AsOfOption,
    AtOption,
    ElectionOption,
    FileOption,
    FromOption,
    Lang,
    LangOption,
    MilestonesOption,
    RegionOption,
    StatusOption,
    TagOption,
    ToOption,
    check_elections,
    check_tags,
    day_range,
    open_view,
    write_output,
)
from pemilu_timeline.errors import UsageError


class ExportFormat(StrEnum):
    ical = "ical"
    json = "json"
    csv = "csv"


OutputOption = Annotated[Path | None, typer.Option(
    "--output", "-o", show_default=False)]
ExportTzOption = Annotated[str | None, typer.Option(
    "--tz", metavar="ZONE",
    show_default=False,
    autocompletion=complete.zones)]
FloatingOption = Annotated[bool, typer.Option(
    "--floating")]
AlarmOption = Annotated[str | None, typer.Option(
    "--alarm", show_default=False)]
ExcelOption = Annotated[bool, typer.Option(
    "--excel")]


def export(
    fmt: Annotated[ExportFormat, typer.Argument(
        metavar="FORMAT", case_sensitive=False)],
    output: OutputOption = None,
    file: FileOption = None, at: AtOption = None, as_of: AsOfOption = None,
    tz: ExportTzOption = None,
    election: ElectionOption = None, region: RegionOption = None, tag: TagOption = None,
    status: StatusOption = None, milestones: MilestonesOption = False,
    start_from: FromOption = None, until: ToOption = None,
    lang: LangOption = Lang.id, alarm: AlarmOption = None, floating: FloatingOption = False,
    excel: ExcelOption = False,
) -> None:
    from pemilu_timeline.exports import ical

    if alarm is not None and fmt is not ExportFormat.ical:
        raise UsageError("usage.alarm_ical")
    if floating and (fmt is not ExportFormat.ical or tz):
        raise UsageError("usage.floating")
    if excel and fmt is not ExportFormat.csv:
        raise UsageError("usage.excel_csv")
    lead = ical.parse_duration(alarm) if alarm is not None else None
    view = open_view(file, at, tz, lang, election, region, as_of)
    first, last = day_range(start_from, until)
    stages = view.schedule.select(
        view.at, elections=check_elections(view.schedule, election),
        tags=check_tags(view.schedule, tag, view.lang),
        statuses=list(status or ()), milestones_only=milestones,
        start_from=first, until=last)
    data: Iterable[bytes]
    if fmt is ExportFormat.ical:
        data = ical.ical_chunks(view.schedule, stages, view.lang, alarm=lead, local_zone=tz,
                                floating=floating)
        stages = [s for s in stages if s.is_dated]  # what the calendar holds, for the count
    elif fmt is ExportFormat.json:
        from pemilu_timeline.exports.json import json_chunks

        data = json_chunks(stages, view.at)
    else:
        from pemilu_timeline.exports.csv import csv_chunks

        data = csv_chunks(stages, view.lang, bom=excel)
    if write_output(data, output):
        from pemilu_timeline.i18n.messages import t

        typer.echo(t("export.written", view.lang, count=len(stages), path=output), err=True)
