"""The `export` command: iCal for calendars, JSON and CSV for scripts and spreadsheets, and
a static web page that publishes all of them at once.

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
    View,
    check_elections,
    check_tags,
    day_range,
    open_view,
    write_output,
)
from pemilu_timeline.errors import InvalidInput, UsageError
from pemilu_timeline.i18n.messages import os_reason
from pemilu_timeline.model import Stage


class ExportFormat(StrEnum):
    ical = "ical"
    json = "json"
    csv = "csv"
    html = "html"


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
BaseUrlOption = Annotated[str | None, typer.Option(
    "--base-url", metavar="URL", show_default=False)]
EmbedOption = Annotated[bool, typer.Option(
    "--embed")]


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
    excel: ExcelOption = False, base_url: BaseUrlOption = None, embed: EmbedOption = False,
) -> None:
    from pemilu_timeline.exports import ical

    if fmt is not ExportFormat.html and (base_url is not None or embed):
        raise UsageError("usage.html_only", option="--base-url" if base_url else "--embed")
    if fmt is ExportFormat.html and (output is None or str(output) == "-"):
        raise UsageError("usage.html_dir")
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
    if fmt is ExportFormat.html:
        assert output is not None
        _publish(view, stages, output, tz, base_url, embed)
        return
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


def _publish(view: View, stages: list[Stage], folder: Path, tz: str | None,
             base_url: str | None, embed: bool) -> None:
    """The data files, then the page and its widget beside them, each file replaced at
    once (a folder that is not there yet is made)."""
    from pemilu_timeline.exports import ical
    from pemilu_timeline.exports.csv import csv_chunks
    from pemilu_timeline.exports.json import json_chunks
    from pemilu_timeline.i18n.messages import t
    from pemilu_timeline.views import page

    base = page.base_url_or_none(base_url)
    if base_url is not None and base is None:
        raise UsageError("usage.base_url", url=base_url)
    links = page.PageLinks(base_url=base, embed=embed)
    named = folder.expanduser()
    try:
        named.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInput("input.cannot_write", path=folder, reason=os_reason(error)) from None
    data: dict[str, Iterable[bytes]] = {
        page.DATA_FILES["ical"]: ical.ical_chunks(view.schedule, stages, view.lang,
                                                  local_zone=tz),
        page.DATA_FILES["json"]: json_chunks(stages, view.at),
        page.DATA_FILES["csv"]: csv_chunks(stages, view.lang),
    }
    # The data first: a page is never served with links to files not yet there.
    files: list[tuple[str, bytes | Iterable[bytes]]] = [
        *data.items(), *page.rendered_files(view.schedule, stages, view.at, view.lang, links)]
    for name, content in files:
        write_output(content, named / name)
    written = [name for name, _ in files]
    typer.echo(t("export.html_written", view.lang, count=len(stages), path=folder,
                 files=", ".join(written)), err=True)
    if base is None:
        typer.echo(t("export.html_base_url", view.lang), err=True)
    if embed:
        typer.echo(t("export.html_embed", view.lang), err=True)
        typer.echo(page.iframe_snippet(links, view.lang))
