"""The `export` command: iCal for calendars, JSON and CSV for scripts and spreadsheets.

Only option parsing and output live here; the formats are built by ``export.py``, which (with
``icalendar``) is imported inside the command so that other commands start fast.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pemilu_timeline.cli.options import (
    AtOption,
    ElectionOption,
    FileOption,
    FromOption,
    Lang,
    LangOption,
    TagOption,
    ToOption,
    check_elections,
    open_view,
    parse_day,
)
from pemilu_timeline.errors import InvalidInput, UsageError


class ExportFormat(StrEnum):
    ical = "ical"
    json = "json"
    csv = "csv"


OutputOption = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write to this file (replaced atomically) instead of stdout; "
                           "'-' is stdout.", show_default=False)]
ExportTzOption = Annotated[str | None, typer.Option(
    "--tz", metavar="ZONE",
    help="Zone for timed stages without their own zone (voting hours), e.g. WITA "
         "(default: the election's zone).", show_default=False)]
FloatingOption = Annotated[bool, typer.Option(
    "--floating", help="iCal: write local-time stages (voting hours 07.00–13.00) as floating "
                       "times, shown at the same clock hours in every calendar's own zone, "
                       "instead of in one zone.")]
AlarmOption = Annotated[str | None, typer.Option(
    "--alarm", help="iCal: remind this long before each stage: 1d, 2h, 30m, 1d12h, P1D, PT2H.",
    show_default=False)]
ExcelOption = Annotated[bool, typer.Option(
    "--excel", help="CSV: start with a UTF-8 byte-order mark so Excel reads accents and dashes.")]


def export(
    fmt: Annotated[ExportFormat, typer.Argument(
        metavar="FORMAT", help="ical (RFC 5545 calendar), json (as `list --json`) or csv.",
        case_sensitive=False)],
    output: OutputOption = None,
    file: FileOption = None, at: AtOption = None, tz: ExportTzOption = None,
    election: ElectionOption = None, tag: TagOption = None,
    start_from: FromOption = None, until: ToOption = None,
    lang: LangOption = Lang.id, alarm: AlarmOption = None, floating: FloatingOption = False,
    excel: ExcelOption = False,
) -> None:
    """Ekspor ke kalender (iCal), JSON atau CSV. [dim]Export for calendars and scripts.[/dim]

    Same filters as `list`. Stages with no date yet are in JSON and CSV, not in iCal.
    """
    from pemilu_timeline.exports import ical

    if alarm is not None and fmt is not ExportFormat.ical:
        raise UsageError(message_id="--alarm hanya untuk format ical.",
                         message_en="--alarm only goes with the ical format.")
    if floating and (fmt is not ExportFormat.ical or tz):
        raise UsageError(message_id="--floating hanya untuk format ical, dan tidak bersama --tz.",
                         message_en="--floating only goes with the ical format, and not with "
                                    "--tz.")
    if excel and fmt is not ExportFormat.csv:
        raise UsageError(message_id="--excel hanya untuk format csv.",
                         message_en="--excel only goes with the csv format.")
    lead = ical.parse_duration(alarm) if alarm is not None else None
    view = open_view(file, at, tz, lang, election)
    stages = view.schedule.select(
        view.at, elections=check_elections(view.schedule, election), tags=tag or (),
        start_from=parse_day(start_from, "--from"), until=parse_day(until, "--to"))
    if fmt is ExportFormat.ical:
        data = ical.to_ical(view.schedule, stages, view.lang, alarm=lead, local_zone=tz,
                            floating=floating)
        stages = [s for s in stages if s.is_dated]  # what the calendar holds, for the count
    elif fmt is ExportFormat.json:
        from pemilu_timeline.exports.json import to_json

        data = to_json(stages, view.at).encode("utf-8")
    else:
        from pemilu_timeline.exports.csv import to_csv

        data = to_csv(stages, view.lang, bom=excel).encode("utf-8")
    if _write(data, output):
        from pemilu_timeline.i18n.messages import t

        typer.echo(t("export.written", view.lang, count=len(stages), path=output), err=True)


def _write(data: bytes, output: Path | None) -> bool:
    """Bytes to stdout, or to a file via a temporary sibling and os.replace.

    Bytes, not text: a text stream on Windows would turn iCal's CRLF into CR CR LF. The file
    is replaced in one step so that a web server never serves half a calendar. Returns
    whether a file was written.
    """
    if output is None or str(output) == "-":
        typer.echo(data, nl=False)
        return False
    import stat
    import tempfile

    # A symlink is written through (the link stays); a device or pipe (/dev/stdout, a FIFO)
    # is written to as it is, never replaced by a file.
    named = output.expanduser()
    target = Path(os.path.realpath(named))
    try:
        if named.exists() and not stat.S_ISREG(named.stat().st_mode):
            with open(named, "wb") as stream:
                stream.write(data)
            return True
        handle, temporary = tempfile.mkstemp(dir=target.parent or Path("."),
                                             prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            # mkstemp makes the file private; keep the old file's mode, else the usual one.
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
            os.chmod(temporary, mode)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        from pemilu_timeline.i18n.messages import os_reasons

        reason_id, reason_en = os_reasons(error)
        raise InvalidInput(message_id=f"Tidak bisa menulis {output}: {reason_id}.",
                           message_en=f"Cannot write {output}: {reason_en}.") from None
    return True


def _umask() -> int:
    """The process umask (read by setting it, then restoring it at once)."""
    if sys.platform == "win32":  # pragma: no cover
        return 0
    current = os.umask(0)
    os.umask(current)
    return current
