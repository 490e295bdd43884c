"""The command line: parse options, call the core, render. No schedule logic lives here."""


import datetime as dt
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from pemilu_timeline import i18n
from pemilu_timeline.errors import InvalidInput, PemiluError, UsageError
from pemilu_timeline.model import Schedule, Stage
from pemilu_timeline.schedule_file import ENV_FILE, ScheduleSource, load_source, locate
from pemilu_timeline.timing import now_in, parse_moment, resolve_zone

LANG_ENV = "PEMILU_TIMELINE_LANG"
LANG_META = "pemilu_timeline.lang"


class Lang(StrEnum):
    id = "id"
    en = "en"


class StatusChoice(StrEnum):
    past = "past"
    active = "active"
    upcoming = "upcoming"
    pending = "pending"
    tentative = "tentative"
    cancelled = "cancelled"


class PemiluGroup(TyperGroup):
    """Maps every PemiluError, and output that cannot be written, to one line and an exit
    code, in one place."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PemiluError as error:
            lang = ctx.meta.get(LANG_META) or _env_lang()  # --lang is parsed by now
            _report(lang, error.message(lang))
            raise typer.Exit(error.exit_code) from None
        except (OSError, UnicodeEncodeError) as error:
            # The core turns file errors into PemiluError; what is left is the output itself
            # (a full disk behind `> file`, a closed terminal, an ASCII-only terminal).
            lang = ctx.meta.get(LANG_META) or _env_lang()
            raise typer.Exit(_output_failed(error, lang)) from None

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # --help, --version and usage errors are printed before any command runs.
        try:
            return super().main(*args, **kwargs)
        except (OSError, UnicodeEncodeError) as error:
            sys.exit(_output_failed(error, _env_lang()))


def _output_failed(error: OSError | UnicodeEncodeError, lang: str) -> int:
    """Say why the output could not be written (a reader that left needs no word)."""
    _quiet_stdout()
    if isinstance(error, UnicodeEncodeError):
        _report(lang, i18n.t("error.encoding", lang))
    elif not isinstance(error, BrokenPipeError):  # `| head`: the reader left on purpose
        reasons = i18n.os_reasons(error)
        _report(lang, i18n.t("error.output", lang, reason=reasons[lang == "en"]))
    return 1


def _report(lang: str, message: str) -> None:
    """The one-line message in the user's language on stderr."""
    from contextlib import suppress

    from rich.console import Console
    from rich.text import Text

    prefix = "Error" if lang == "en" else "Kesalahan"
    with suppress(OSError, UnicodeEncodeError):  # stderr as broken as stdout: the code only
        Console(stderr=True, highlight=False).print(
            Text(f"{prefix}: {message}", style="red"), soft_wrap=True)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real stdout (a test runner's buffer): nothing to do
        pass


def _env_lang() -> str:
    return i18n.check_language(os.environ.get(LANG_ENV, i18n.DEFAULT_LANGUAGE))


def _remember_lang(ctx: typer.Context, value: Lang | None) -> Lang | None:
    if value is not None:
        ctx.meta[LANG_META] = value.value
    return value


def _version(value: bool) -> None:
    if value:
        from pemilu_timeline import __version__

        typer.echo(f"pemilu-timeline {__version__}")
        raise typer.Exit()


app = typer.Typer(
    cls=PemiluGroup,
    name="pemilu-timeline",
    help=(
        "Linimasa pemilu Indonesia: tahapan yang berlangsung, hitung mundur (H-n), ekspor "
        "kalender.\n\nIndonesian election timelines: active stages, countdowns (H-n), calendar "
        f"exports. Schedule file: --file, else ${ENV_FILE}, else the copy made by `init`, "
        "else the bundled schedule (`info` shows which)."
    ),
    rich_markup_mode="rich",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_show_locals=False,
)


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Linimasa pemilu Indonesia / Indonesian election timelines."""


# Options shared by the commands, declared once.
FileOption = Annotated[Path | None, typer.Option(
    "--file", "-f", metavar="FILE",
    help=f"Schedule file (default: ${ENV_FILE}, the `init` copy, or bundled).",
    show_default=False)]
AtOption = Annotated[str | None, typer.Option(
    "--at", metavar="WHEN",
    help="Moment to view instead of now: ISO 8601, e.g. 2024-02-12, 2024-02-13T23:30, "
         "2024-02-13T16:30:00Z.", show_default=False)]
TzOption = Annotated[str | None, typer.Option(
    "--tz", metavar="ZONE",
    help="Viewer's zone: WIB, WITA, WIT or an IANA name (default: the election's).",
    show_default=False)]
LangOption = Annotated[Lang, typer.Option(
    "--lang", envvar=LANG_ENV, callback=_remember_lang,
    help="Language of the output: id (Indonesian) or en (English).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
ElectionOption = Annotated[list[str] | None, typer.Option(
    "--election", "-e", metavar="ELECTION",
    help="Only this election (repeatable), e.g. pemilu-2024.",
    show_default=False)]
TagOption = Annotated[list[str] | None, typer.Option(
    "--tag", "-t", metavar="TAG",
    help="Only stages with this tag (repeatable).", show_default=False)]
FromOption = Annotated[str | None, typer.Option(
    "--from", metavar="DATE",
    help="Only stages that end on or after this date.", show_default=False)]
ToOption = Annotated[str | None, typer.Option(
    "--to", metavar="DATE",
    help="Only stages that start on or before this date.", show_default=False)]


@dataclass(frozen=True)
class View:
    """What every read command needs: the schedule, the moment and the language."""

    source: ScheduleSource
    schedule: Schedule
    at: dt.datetime
    lang: str


def open_view(file: Path | None, at: str | None, tz: str | None, lang: Lang,
              elections: list[str] | None = None) -> View:
    source = locate(file)
    schedule = load_source(source)
    zone = resolve_zone(tz or schedule.default_zone_name(elections[0] if elections else None))
    moment = parse_moment(at, zone) if at else now_in(zone)
    return View(source, schedule, moment, lang.value)


def parse_day(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            message_id=f"{option} '{text}' bukan tanggal. Pakai YYYY-MM-DD, mis. 2024-02-14.",
            message_en=f"{option} '{text}' is not a date. Use YYYY-MM-DD, e.g. 2024-02-14."
        ) from None


def print_json(data: Any) -> None:
    import json

    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def console() -> Any:
    from pemilu_timeline.render import make_console

    return make_console()


def check_elections(schedule: Schedule, elections: list[str] | None) -> list[str]:
    for name in elections or ():
        if name not in schedule.elections:
            known = ", ".join(schedule.elections)
            raise InvalidInput(
                message_id=f"Pemilihan '{name}' tidak ada. Yang ada: {known}.",
                message_en=f"Unknown election '{name}'. Known: {known}.")
    return list(elections or ())


@app.command()
def now(
    file: FileOption = None, at: AtOption = None, tz: TzOption = None,
    election: ElectionOption = None, lang: LangOption = Lang.id, as_json: JsonOption = False,
) -> None:
    """Tahapan yang berlangsung sekarang, lalu yang berikutnya. [dim]Stages active now.[/dim]"""
    view = open_view(file, at, tz, lang, election)
    schedule = view.schedule.of_elections(check_elections(view.schedule, election))
    overview = schedule.overview(view.at)
    if as_json:
        from pemilu_timeline.serialize import now_to_dict

        print_json(now_to_dict(view.at, overview))
        return
    from pemilu_timeline.render import now_view

    console().print(now_view(schedule, view.at, overview, view.lang))


@app.command()
def countdown(
    stage: Annotated[list[str] | None, typer.Argument(
        metavar="[STAGE]...",
        help="ELECTION/ID, an id, or words from the name. Default: the next milestone.",
        show_default=False)] = None,
    file: FileOption = None, at: AtOption = None, tz: TzOption = None,
    election: ElectionOption = None, lang: LangOption = Lang.id, as_json: JsonOption = False,
    watch: Annotated[bool, typer.Option("--watch", "-w",
                                        help="Keep a live countdown on screen until Ctrl-C.")
                     ] = False,
) -> None:
    """Hitung mundur (H-n) ke sebuah tahapan. [dim]Countdown to a stage: H-14, H, H+3.[/dim]"""
    if watch and (at or as_json):
        raise UsageError(
            message_id="--watch memakai jam sungguhan; jangan dipakai bersama --at atau --json.",
            message_en="--watch follows the real clock; it does not go with --at or --json.")
    view = open_view(file, at, tz, lang, election)
    chosen = check_elections(view.schedule, election)
    target = _countdown_target(view, " ".join(stage) if stage else None, chosen)
    if as_json:
        from pemilu_timeline.countdown import countdown_to
        from pemilu_timeline.serialize import countdown_to_dict

        print_json(countdown_to_dict(countdown_to(target, view.at) if target else None, view.at))
        return
    if target is None:
        _no_milestone(view, chosen)
        return
    from pemilu_timeline.countdown import countdown_to
    from pemilu_timeline.render import countdown_view

    if not watch:
        console().print(countdown_view(countdown_to(target, view.at), view.lang))
        return
    _watch(target, view)


def _countdown_target(view: View, query: str | None, elections: list[str]) -> Stage | None:
    from pemilu_timeline.model import State

    pool = view.schedule.of_elections(elections)
    if query is not None:
        stage = pool.find(query)
        if stage.state is State.CANCELLED:
            raise InvalidInput(
                message_id=f"{stage.key} dibatalkan; tidak ada hitung mundur. "
                           f"Alasan: {stage.reason_in('id')}",
                message_en=f"{stage.key} is cancelled; there is no countdown. "
                           f"Reason: {stage.reason_in('en')}")
        if not stage.is_dated:
            anchor = stage.after.stage if stage.after else stage.key
            raise InvalidInput(
                message_id=f"{stage.key} belum bertanggal: menunggu {anchor}. Beri tanggal "
                           f"dengan `pemilu-timeline edit {anchor} --start TANGGAL`.",
                message_en=f"{stage.key} has no date yet: it waits for {anchor}. Date it with "
                           f"`pemilu-timeline edit {anchor} --start DATE`.")
        return stage
    return pool.next_to_start(view.at, milestones_only=True)


def _no_milestone(view: View, elections: list[str]) -> None:
    from pemilu_timeline.render import moment_text

    last = view.schedule.of_elections(elections).last_ended(view.at, milestones_only=True)
    label = "-"
    if last is not None:
        from pemilu_timeline.countdown import countdown_to

        label = f"{last.display_name(view.lang)} ({countdown_to(last, view.at).label})"
    console().print(i18n.t("label.no_milestone", view.lang, at=moment_text(view.at, view.lang),
                           last=label))


def _watch(target: Stage, view: View) -> None:
    import time

    from rich.console import Group
    from rich.live import Live
    from rich.text import Text

    from pemilu_timeline.countdown import countdown_to
    from pemilu_timeline.render import countdown_view

    zone = view.at.tzinfo
    assert zone is not None
    hint = Text(i18n.t("label.watch_hint", view.lang), style="dim")

    def frame() -> Group:
        return Group(countdown_view(countdown_to(target, now_in(zone)), view.lang), hint)

    try:
        with Live(frame(), console=console(), refresh_per_second=4, transient=False) as live:
            while True:
                time.sleep(1 - time.time() % 1)
                live.update(frame())
    except KeyboardInterrupt:
        return


@app.command("list")
def list_stages(
    file: FileOption = None, at: AtOption = None, tz: TzOption = None,
    election: ElectionOption = None, tag: TagOption = None,
    status: Annotated[list[StatusChoice] | None, typer.Option(
        "--status", "-s", help="Only stages with this status (repeatable).",
        show_default=False)] = None,
    start_from: FromOption = None, until: ToOption = None,
    lang: LangOption = Lang.id, as_json: JsonOption = False,
) -> None:
    """Semua tahapan menurut tanggal mulai. [dim]All stages by start date, with status.[/dim]"""
    view = open_view(file, at, tz, lang, election)
    stages = view.schedule.select(
        view.at, elections=check_elections(view.schedule, election), tags=tag or (),
        statuses=[s.value for s in status or ()],
        start_from=parse_day(start_from, "--from"), until=parse_day(until, "--to"))
    if as_json:
        from pemilu_timeline.serialize import stage_to_dict

        print_json([stage_to_dict(s, view.at) for s in stages])
        return
    from pemilu_timeline.render import list_view

    console().print(list_view(stages, view.at, view.lang, view.schedule))


@app.command()
def show(
    stage: Annotated[list[str], typer.Argument(
        metavar="STAGE...", help="ELECTION/ID, an id, or words from the name.")],
    file: FileOption = None, at: AtOption = None, tz: TzOption = None,
    lang: LangOption = Lang.id, as_json: JsonOption = False,
) -> None:
    """Satu tahapan lengkap dengan sumbernya. [dim]One stage in full, with its source.[/dim]"""
    view = open_view(file, at, tz, lang)
    found = view.schedule.find(" ".join(stage))
    if as_json:
        from pemilu_timeline.serialize import stage_to_dict

        print_json(stage_to_dict(found, view.at))
        return
    from pemilu_timeline.render import show_view

    console().print(show_view(view.schedule, found, view.at, view.lang))


@app.command()
def timeline(
    file: FileOption = None, at: AtOption = None, tz: TzOption = None,
    election: ElectionOption = None, tag: TagOption = None,
    start_from: FromOption = None, until: ToOption = None,
    svg: Annotated[Path | None, typer.Option(
        "--svg", help="Also save the chart as an SVG picture to this file.",
        show_default=False)] = None,
    width: Annotated[int | None, typer.Option(
        "--width", min=40, help="Chart width in columns (default: the terminal's; 120 for SVG).",
        show_default=False)] = None,
    lang: LangOption = Lang.id,
) -> None:
    """Diagram Gantt tahapan. [dim]A Gantt chart of the stages with a marker for now.[/dim]"""
    view = open_view(file, at, tz, lang, election)
    stages = view.schedule.select(
        view.at, elections=check_elections(view.schedule, election), tags=tag or (),
        start_from=parse_day(start_from, "--from"), until=parse_day(until, "--to"))
    from pemilu_timeline.gantt import timeline_view
    from pemilu_timeline.render import make_console

    if svg is None:
        out = make_console(width=width)
        out.print(timeline_view(stages, view.at, view.lang, out.width, view.schedule))
        return
    recorder = make_console(record=True, width=width or 120)
    recorder.print(timeline_view(stages, view.at, view.lang, recorder.width, view.schedule))
    try:
        recorder.save_svg(str(svg), title=i18n.t("title.timeline", view.lang))
    except OSError as error:
        reason_id, reason_en = i18n.os_reasons(error)
        raise InvalidInput(message_id=f"Tidak bisa menulis {svg}: {reason_id}.",
                           message_en=f"Cannot write {svg}: {reason_en}.") from None
    typer.echo(str(svg), err=True)


@app.command()
def info(
    file: FileOption = None, lang: LangOption = Lang.id, as_json: JsonOption = False,
) -> None:
    """Berkas jadwal yang dipakai. [dim]Which schedule file is used, and what it holds.[/dim]"""
    from pemilu_timeline import __version__

    source = locate(file)
    schedule = load_source(source)
    counts = {e: sum(1 for s in schedule if s.election == e) for e in schedule.elections}
    data = {
        "version": __version__,
        "file": str(source.path),
        "origin": source.origin,
        "elections": {e.id: {"name": e.name, "name_en": e.name_en, "timezone": e.timezone,
                             "source": e.source, "stages": counts[e.id]}
                      for e in schedule.elections.values()},
        "stages": len(schedule),
    }
    if as_json:
        print_json(data)
        return
    t = i18n.t
    origin = {"option": "--file", "environment": f"${ENV_FILE}", "user": "init",
              "bundled": t("label.bundled", lang.value)}[source.origin]
    out = console()
    out.print(f"[bold]{t('label.version', lang.value)}:[/bold] {__version__}")
    out.print(f"[bold]{t('label.file', lang.value)}:[/bold] {source.path} ({origin})")
    out.print(f"[bold]{t('label.stages', lang.value)}:[/bold] {len(schedule)}")
    for election in schedule.elections.values():
        out.print(f"  {election.id}: {election.display_name(lang.value)} — {counts[election.id]}, "
                  f"{election.timezone}, {election.source}")


# Command modules register themselves on `app`; they import their heavy parts lazily.
from pemilu_timeline import cli_edit, cli_export  # noqa: E402,F401

COMPLETE_ENV = "_PEMILU_TIMELINE_COMPLETE"  # typer's shell completion asks through this


def app_for(args: Sequence[str]) -> typer.Typer:
    """The app to run ``args`` with: one holding only the command they name, if they do.

    Typer builds a click command for every registered command on each run, ~18 ms for all
    thirteen against ~1 ms for `now` alone, and a run needs only the one it invokes. Whatever
    does not start with a command's exact name (no arguments, an option such as --help or
    --version, a misspelt command that should get a suggestion) and shell completion run the
    whole app, so the group's help, errors and completion are the same as ever; a command's
    own help, usage and errors do not depend on its siblings.
    """
    if not args or COMPLETE_ENV in os.environ:
        return app
    from typer.main import get_command_name

    for info in app.registered_commands:
        name = info.name or (get_command_name(info.callback.__name__) if info.callback else None)
        if name == args[0]:
            import copy

            single = copy.copy(app)
            single.registered_commands = [info]
            return single
    return app
