"""The command group: the app, the one place errors become exit codes, and the registry.

Every PemiluError and every output that cannot be written ends here as one line on stderr
and an ``ExitStatus``. Commands live in ``read``, ``edit``, ``check`` and ``export`` and are
registered below; none of them imports this module.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from pemilu_timeline.cli import calc, check, edit, elections, export, read
from pemilu_timeline.cli.options import LANG_META, env_lang
from pemilu_timeline.errors import ExitStatus, PemiluError
from pemilu_timeline.i18n import messages as i18n
from pemilu_timeline.schedule.locate import ENV_FILE
from pemilu_timeline.views.console import print_error


class PemiluGroup(TyperGroup):
    """Maps every PemiluError, and output that cannot be written, to one line and an exit
    code, in one place."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PemiluError as error:
            lang = ctx.meta.get(LANG_META) or env_lang()  # --lang is parsed by now
            print_error(error.message(lang), lang)
            raise typer.Exit(error.exit_code) from None
        except (OSError, UnicodeEncodeError) as error:
            # The core turns file errors into PemiluError; what is left is the output itself
            # (a full disk behind `> file`, a closed terminal, an ASCII-only terminal).
            lang = ctx.meta.get(LANG_META) or env_lang()
            raise typer.Exit(_output_failed(error, lang)) from None

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if not _stdout_open():
            lang = env_lang()
            print_error(i18n.t("error.output", lang, reason=i18n.Term("reason.stdout_closed")),
                        lang)
            sys.exit(ExitStatus.INVALID)
        # --help, --version and usage errors are printed before any command runs.
        try:
            return super().main(*args, **kwargs)
        except (OSError, UnicodeEncodeError) as error:
            sys.exit(_output_failed(error, env_lang()))


def _output_failed(error: OSError | UnicodeEncodeError, lang: str) -> int:
    """Say why the output could not be written (a reader that left needs no word)."""
    _quiet_stdout()
    if isinstance(error, UnicodeEncodeError):
        print_error(i18n.t("error.encoding", lang), lang)
    elif not isinstance(error, BrokenPipeError):  # `| head`: the reader left on purpose
        print_error(i18n.t("error.output", lang, reason=i18n.os_reason(error)), lang)
    return ExitStatus.INVALID


def _stdout_open() -> bool:
    """Whether there is a stdout at all. Started with it closed (`>&-`), Python sets
    sys.stdout to None and every write vanishes: the command would say nothing, exit 0, and
    a script would take the silence for an answer."""
    if sys.stdout is None:
        return False
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):  # no descriptor (a test runner's buffer): writable as is
        return True
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real stdout (a test runner's buffer): nothing to do
        pass


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


# The commands in the order `--help` lists them.
COMMANDS = (
    ("now", read.now), ("countdown", read.countdown), ("list", read.list_stages),
    ("show", read.show), ("timeline", read.timeline), ("info", read.info),
    ("init", edit.init), ("add", edit.add), ("edit", edit.edit), ("remove", edit.remove),
    ("validate", check.validate), ("diff", check.diff), ("export", export.export),
    ("hitung", calc.hitung), ("libur", calc.libur),
)
# English names of the Indonesian-named commands; `--help` lists each command once.
ALIASES = (("calc", calc.hitung), ("holidays", calc.libur))
for _name, _command in COMMANDS:
    app.command(_name)(_command)
for _name, _command in ALIASES:
    app.command(_name, hidden=True)(_command)
app.add_typer(elections.app, name="election")

COMPLETE_ENV = "_PEMILU_TIMELINE_COMPLETE"  # typer's shell completion asks through this


def app_for(args: Sequence[str]) -> typer.Typer:
    """The app to run ``args`` with: one holding only the command they name, if they do.

    Typer builds a click command for every registered command on each run, and a run needs
    only the one it invokes. Whatever does not start with a command's exact name (no
    arguments, an option such as --help or --version, a misspelt command that should get a
    suggestion) and shell completion run the whole app, so the group's help, errors and
    completion are the same as ever; a command's own help, usage and errors do not depend on
    its siblings (a test holds them equal).
    """
    if not args or COMPLETE_ENV in os.environ:
        return app
    import copy

    from typer.main import get_command_name

    for info in app.registered_commands:
        name = info.name or (get_command_name(info.callback.__name__) if info.callback else None)
        if name == args[0]:
            single = copy.copy(app)
            single.registered_commands = [info]
            single.registered_groups = []
            return single
    for group in app.registered_groups:
        if group.name == args[0]:
            single = copy.copy(app)
            single.registered_commands = []
            single.registered_groups = [group]
            return single
    return app
