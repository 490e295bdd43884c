"""What the commands share: the options, the language, and the view a read command opens.

Command modules import from here; nothing here imports a command module.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from pemilu_timeline.cli import complete
from pemilu_timeline.errors import (
    InvalidInput,
    Problem,
    ScheduleInvalid,
    UsageError,
    WriteRefused,
)
from pemilu_timeline.i18n import messages as i18n
from pemilu_timeline.i18n.messages import field_label, t
from pemilu_timeline.model import Schedule, Stage
from pemilu_timeline.schedule.locate import ScheduleSource, is_package_data, locate
from pemilu_timeline.schedule.read import load_source
from pemilu_timeline.timing import is_iso_shaped, now_in, parse_moment, resolve_zone

LANG_ENV = "PEMILU_TIMELINE_LANG"
LANG_META = "pemilu_timeline.lang"
LOCK_ENV = "PEMILU_TIMELINE_LOCK_TIMEOUT"
COMPLETE_ENV = "_PEMILU_TIMELINE_COMPLETE"  # typer's shell completion asks through this


class Lang(StrEnum):
    id = "id"
    en = "en"


def status_codes(values: list[str] | None) -> list[str] | None:
    """--status in either language: the code (active) or the word a table shows
    (berlangsung, 'akan datang', akan-datang)."""
    if values is None:
        return None
    words = {code.value: code.value for code in StatusChoice}
    for code in StatusChoice:
        for lang in i18n.LANGUAGES:
            words[i18n.t(f"status.{code.value}", lang).casefold()] = code.value
    codes = []
    for value in values:
        found = words.get(value.strip().casefold().replace("-", " ")) or \
            words.get(value.strip().casefold())
        if found is None:
            raise UsageError("usage.bad_status", value=value,
                             choices=", ".join(dict.fromkeys(words)))
        codes.append(found)
    return codes


class StatusChoice(StrEnum):
    past = "past"
    active = "active"
    upcoming = "upcoming"
    pending = "pending"
    tentative = "tentative"
    cancelled = "cancelled"


def settle_lang_env(args: Sequence[str] = ()) -> None:
    """$PEMILU_TIMELINE_LANG in any case and as locales write it ("EN", "id_ID.UTF-8"); an
    unknown value is named once and left out, so every command runs in the default language
    instead of refusing to run. With --lang among ``args`` the variable does not matter, and
    a shell's Tab press must not print on its stderr: then nothing is said."""
    value = os.environ.get(LANG_ENV)
    if value is None or value in i18n.LANGUAGES:
        return
    if not value.strip():  # set but empty: as good as unset
        del os.environ[LANG_ENV]
        return
    language = re.split(r"[-_.@]", value.strip().lower(), maxsplit=1)[0]
    if language in i18n.LANGUAGES:
        os.environ[LANG_ENV] = language
        return
    del os.environ[LANG_ENV]
    typed = any(word == "--lang" or word.startswith("--lang=") for word in args)
    if not typed and COMPLETE_ENV not in os.environ:
        sys.stderr.write(i18n.t("warning.lang_env", i18n.DEFAULT_LANGUAGE, env=LANG_ENV,
                                value=value[:40], choices=", ".join(i18n.LANGUAGES)) + "\n")


def env_lang() -> str:
    """The language of $PEMILU_TIMELINE_LANG, for what is said before --lang is read."""
    return i18n.check_language(os.environ.get(LANG_ENV, i18n.DEFAULT_LANGUAGE))


def remember_lang(ctx: typer.Context, value: Lang | None) -> Lang | None:
    if value is not None:
        ctx.meta[LANG_META] = value.value
    return value


# Options shared by the commands, declared once; their help is in i18n/help.py.
FileOption = Annotated[Path | None, typer.Option(
    "--file", "-f", metavar="FILE",
    show_default=False)]
AtOption = Annotated[str | None, typer.Option(
    "--at", metavar="WHEN",
    show_default=False)]
TzOption = Annotated[str | None, typer.Option(
    "--tz", metavar="ZONE",
    show_default=False, autocompletion=complete.zones)]
LangOption = Annotated[Lang, typer.Option(
    # show_envvar off: an invalid --lang is always typed (a bad $PEMILU_TIMELINE_LANG is
    # set aside before parsing), and click would name the variable as its source.
    "--lang", envvar=LANG_ENV, show_envvar=False, callback=remember_lang, case_sensitive=False,
    is_eager=True)]  # read first, so what the other options refuse is said in it
JsonOption = Annotated[bool, typer.Option("--json")]
ElectionOption = Annotated[list[str] | None, typer.Option(
    "--election", "-e", metavar="ELECTION",
    show_default=False, autocompletion=complete.elections)]
TagOption = Annotated[list[str] | None, typer.Option(
    "--tag", "-t", metavar="TAG",
    show_default=False,
    autocompletion=complete.tags)]
RegionOption = Annotated[str | None, typer.Option(
    "--region", "-r", metavar="REGION",
    show_default=False, autocompletion=complete.regions)]
FromOption = Annotated[str | None, typer.Option(
    "--from", metavar="DATE",
    show_default=False)]
ToOption = Annotated[str | None, typer.Option(
    "--to", metavar="DATE",
    show_default=False)]
StatusOption = Annotated[list[str] | None, typer.Option(
    "--status", "-s", metavar="STATUS", callback=status_codes,
    show_default=False)]
MilestonesOption = Annotated[bool, typer.Option(
    "--milestones", "-m")]


@dataclass(frozen=True)
class View:
    """What every read command needs: the schedule, the moment and the language."""

    source: ScheduleSource
    schedule: Schedule
    at: dt.datetime
    lang: str


def open_view(file: Path | None, at: str | None, tz: str | None, lang: Lang,
              elections: list[str] | None = None, region: str | None = None,
              as_of: str | None = None) -> View:
    """The schedule (only the stages of ``region`` when one is named), and the moment in
    the viewer's zone: --tz, else the region's, else the election's. With ``as_of``, the
    schedule as git had it then (``known_on``)."""
    source = locate(file)
    schedule = load_source(source) if as_of is None else known_on(source.path, as_of)
    if not schedule.elections:  # an empty file: "no stage is on" would hide the mistake
        path = str(source.path)
        raise ScheduleInvalid(path, [Problem(path, "problem.no_elections")])
    if tz is not None and not tz.strip():
        raise InvalidInput("input.unknown_zone", name=tz)
    zone_name = tz
    if region is not None:
        found = schedule.find_region(region)
        schedule = schedule.in_region(found)
        zone_name = zone_name or schedule.region_zone(found.code)
    zone = resolve_zone(zone_name or
                        schedule.default_zone_name(elections[0] if elections else None))
    moment = read_moment(at, zone) if at is not None else now_in(zone)
    return View(source, schedule, moment, lang.value)


def known_on(path: Path, when: str) -> Schedule:
    """The schedule as the last commit at or before ``when`` had it (--as-of, --since): a
    day alone means the end of that day, in WIB unless the text names a zone."""
    from pemilu_timeline.schedule.history import schedule_as_of

    return schedule_as_of(path, history_moment(when, end_of_day=True, option="--as-of"))


def history_moment(text: str, *, end_of_day: bool, option: str) -> dt.datetime:
    """--as-of and --since as a moment, in WIB unless the text names a zone. A day alone is
    its end for --as-of (what was known that day), its start for --since."""
    zone = resolve_zone("Asia/Jakarta")
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        return read_moment(text, zone, option)
    return dt.datetime.combine(day, dt.time(23, 59, 59) if end_of_day else dt.time(), zone)


def day_range(start_from: str | None, until: str | None) -> tuple[dt.date | None,
                                                                  dt.date | None]:
    """--from and --to as days, refused when the range is reversed (it would match nothing)."""
    first, last = parse_day(start_from, "--from"), parse_day(until, "--to")
    if first is not None and last is not None and last < first:
        raise UsageError("usage.from_after_to", start=first.isoformat(), end=last.isoformat())
    return first, last


def check_tags(schedule: Schedule, tags: list[str] | None, lang: str) -> list[str]:
    """--tag values as given; one that no stage carries is likely a typo, said on stderr with
    the close ones (the output, an empty list, stays what a script expects)."""
    import difflib

    known = sorted({tag for stage in schedule for tag in stage.tags})
    for tag in tags or ():
        if tag not in known:
            close = difflib.get_close_matches(tag, known, n=3, cutoff=0.6)
            warning = t("warning.unknown_tag", lang, tag=tag, known=len(known))
            if close:
                warning += " " + t("warning.close_tags", lang, close=", ".join(close))
            typer.echo(warning, err=True)
    return list(tags or ())


def read_moment(text: str, zone: dt.tzinfo, option: str = "--at") -> dt.datetime:
    """--at (or ``option``) in ISO 8601 (read without the date reader, so `now --at` starts
    fast) or as the news write a date: "14 Februari 2024", "Rabu, 14/02/2024 pukul 15.00
    WIB"."""
    if is_iso_shaped(text):
        return parse_moment(text, zone, option)
    from pemilu_timeline.dateparse import moment_from_text

    return moment_from_text(text, zone, option)


def parse_day(text: str | None, option: str) -> dt.date | None:
    """--from and --to in ISO 8601 or as the news write a day."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    from pemilu_timeline.dateparse import day_from_text

    return day_from_text(text, option)


def print_json(data: Any) -> None:
    from pemilu_timeline.exports.json import json_bytes

    typer.echo(json_bytes(data) + b"\n", nl=False)


def console() -> Any:
    from pemilu_timeline.views.console import make_console

    return make_console()


def check_elections(schedule: Schedule, elections: list[str] | None) -> list[str]:
    for name in elections or ():
        if name not in schedule.elections:
            known = ", ".join(schedule.elections)
            raise InvalidInput("input.unknown_election", name=name, known=known)
    return list(elections or ())


def edit_text(name: str, lang: str, /, **params: Any) -> str:
    """A sentence of the edit commands' output."""
    return t(f"edit.{name}", lang, **params)


# Options of the writing commands.
DropCommentsOption = Annotated[bool, typer.Option(
    "--drop-comments")]
MAX_LOCK_TIMEOUT = 3600


def checked_lock_timeout(value: float) -> float:
    """Seconds a writer may wait: nan would break the wait, inf would hang a script for
    ever, and a wait of hours is a mistake rather than a plan."""
    import math

    if not (math.isfinite(value) and 0 <= value <= MAX_LOCK_TIMEOUT):
        raise UsageError("usage.lock_timeout", env=LOCK_ENV, limit=MAX_LOCK_TIMEOUT,
                         value=f"{value:g}")
    return value


# Options of a schedule kept in git: why a change was made (also kept on the stage), who
# made it, and the moment whose knowledge a read shows.
WhyOption = Annotated[str | None, typer.Option("--why", metavar="TEXT", show_default=False)]
GitAuthorOption = Annotated[str | None, typer.Option(
    "--author", metavar="'NAME <EMAIL>'", show_default=False)]
AsOfOption = Annotated[str | None, typer.Option("--as-of", metavar="WHEN", show_default=False)]
SinceOption = Annotated[str | None, typer.Option("--since", metavar="WHEN",
                                                 show_default=False)]


def history_record(action: str, why: str | None, author: str | None) -> Any:
    """What a write tells git (a ``gitrepo.Record``), made only by the writing commands."""
    from pemilu_timeline.schedule.gitrepo import Record

    if why is not None:
        from pemilu_timeline.schedule.edit import check_text

        why = check_text("--why", why)
    return Record(action, why, author)


LockTimeoutOption = Annotated[float, typer.Option(
    "--lock-timeout", metavar="SECONDS", envvar=LOCK_ENV, callback=checked_lock_timeout)]
DEFAULT_LOCK_TIMEOUT = 10.0


def editable_source(file: Path | None) -> ScheduleSource:
    """The file to change; the bundled schedule is never written."""
    source = locate(file)
    try:
        packaged = is_package_data(source.path)
    except RuntimeError:  # a symlink loop, as Python before 3.13 says it; reading says why
        packaged = False
    if source.is_bundled or packaged:
        raise WriteRefused("write.bundled")
    return source


def stage_dates(stage: Stage, lang: str, schedule: Schedule | None = None) -> str:
    """As `show` words them; with ``schedule``, a pending stage names its anchor."""
    from pemilu_timeline.views.text import dates_text

    return dates_text(stage, lang, schedule=schedule)


def value_text(value: Any, lang: str) -> str:
    """A field's value as a correction note quotes it."""
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, bool):
        return edit_text("yes" if value else "no", lang)
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes") if value.second == 0 else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):  # a rule's table; its window's bound as the file writes it
        return ", ".join(f"{k}={_inline(v) if isinstance(v, dict) else v}"
                         for k, v in value.items())
    return str(value)


def change_line(field: str, old: Any, new: Any, lang: str) -> str:
    """One changed field as edit, election edit and diff list it: "mulai: A → B"."""
    return f"{field_label(field, lang)}: {value_text(old, lang)} → {value_text(new, lang)}"


def _inline(table: dict[str, Any]) -> str:
    """{ years = 2, months = 6 }, as the file writes a window's far bound."""
    return "{ " + ", ".join(f"{k} = {v}" for k, v in table.items()) + " }"


def write_output(data: bytes | Iterable[bytes], output: Path | None) -> bool:
    """Bytes to stdout, or to a file through the atomic writer; whether a file was written.

    Bytes, not text: a text stream on Windows would turn iCal's CRLF into CR CR LF. ``data``
    may come in pieces, written as they are made, so that a large export is never held
    whole. The file is replaced in one step so that a web server never serves half a
    calendar (a failure midway leaves the old one). A symlink is written through (the link
    stays); a device or pipe (/dev/stdout, a FIFO) is written to as it is, never replaced by
    a file.
    """
    from pemilu_timeline.fsio import batched

    pieces: Iterable[bytes] = [data] if isinstance(data, bytes) else batched(data)
    if output is None or str(output) == "-":
        for piece in pieces:
            typer.echo(piece, nl=False)
        return False
    import stat

    from pemilu_timeline.fsio import remove_stale_temps, writable_target, write_atomic

    named = output.expanduser()
    try:
        if named.exists() and not stat.S_ISREG(named.stat().st_mode) and not named.is_dir():
            with open(named, "wb") as stream:  # a device or a pipe, written to as it is
                for piece in pieces:
                    stream.write(piece)
        else:
            remove_stale_temps(writable_target(named), locked=False)
            write_atomic(named, pieces)
    except OSError as error:
        raise InvalidInput("input.cannot_write", path=output,
                           reason=i18n.os_reason(error)) from None
    return True


def read_input(path: Path | None, limit: int, *, empty: str = "input.empty") -> str:
    """A text the user hands in, from a file ('-' or none: standard input), as UTF-8. A pipe
    is read like a file (`--file <(curl ...)`); whatever it is, no more than ``limit`` bytes
    are read. ``empty`` is the refusal when nothing was given at a terminal."""
    from pemilu_timeline.i18n.messages import os_reason

    if path is None or str(path) == "-":
        if path is None and sys.stdin.isatty():
            raise InvalidInput(empty)
        data = sys.stdin.buffer.read(limit + 1)
        name = "-"
    else:
        name = str(path)
        try:
            with path.open("rb") as handle:
                data = handle.read(limit + 1)
        except OSError as error:
            raise InvalidInput("input.unreadable", path=name, reason=os_reason(error)) from None
    if len(data) > limit:
        raise InvalidInput("input.too_large", path=name, size=len(data), limit=limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("input.not_text", path=name) from None
