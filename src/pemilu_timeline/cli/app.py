"""The command group: the app, the one place errors become exit codes, and the registry.

Every PemiluError and every output that cannot be written ends here as one line on stderr
and an ``ExitStatus``; what click refuses (a usage error, Ctrl-C at a prompt) is said here
too, in the user's language. Commands live in ``read``, ``edit``, ``check`` and ``export``
and are registered below; none of them imports this module. Their help is in
``i18n/help.py``, given to them only when it is shown.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from pemilu_timeline.cli.options import COMPLETE_ENV, LANG_META, env_lang
from pemilu_timeline.errors import ExitStatus, PemiluError
from pemilu_timeline.i18n import messages as i18n
from pemilu_timeline.views.console import print_error

try:  # typer 0.28 carries its own click
    from typer._click import ClickException
except ImportError:  # pragma: no cover - older typer is built on click itself
    from click import ClickException  # type: ignore[no-redef, import-not-found, unused-ignore]

HELP_OPTIONS = ("-h", "--help")


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

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        if not _stdout_open():
            lang = env_lang()
            print_error(i18n.t("error.output", lang, reason=i18n.Term("reason.stdout_closed")),
                        lang)
            sys.exit(ExitStatus.INVALID)
        # --help, --version and usage errors are printed before any command runs, so their
        # language is read from the command line itself.
        typed = list(sys.argv[1:] if args is None else args)
        lang = _asked_lang(typed) or env_lang()
        words = _lang_after_command(self, typed)
        self._word_help_if_shown(words, lang)
        try:
            try:
                result = super().main(words, prog_name, complete_var, False,
                                      windows_expand_args, **extra)
            except (ClickException, typer.Abort) as error:  # click's own refusals
                if not standalone_mode:
                    raise
                from pemilu_timeline.cli.wording import show_refusal

                sys.exit(show_refusal(error, lang))
        except (OSError, UnicodeEncodeError) as error:
            sys.exit(_output_failed(error, env_lang()))
        if standalone_mode:  # as click's own main: the exit code, also after a plain return
            sys.exit(result if isinstance(result, int) else ExitStatus.OK)
        return result

    def _word_help_if_shown(self, words: list[str], lang: str) -> None:
        """The commands' help from the catalog, only when this run shows it."""
        completing = os.environ.get(COMPLETE_ENV)
        if completing is not None:
            if "bash" not in completing:  # zsh and fish describe each choice with its help
                from pemilu_timeline.cli.wording import word_help

                word_help(self, lang, ALIAS_OF)
        elif _shows_help(self, words):
            from pemilu_timeline.cli.wording import use_typer_words, word_help

            word_help(self, lang, ALIAS_OF)
            use_typer_words(lang)


def _lang_after_command(group: TyperGroup, words: list[str]) -> list[str]:
    """`--lang en` typed before the command (`pemilu-timeline --lang en now`, `--help --lang
    en`) moved after it, where the command reads it; with no command to follow, it has only
    chosen the help's language, which `_asked_lang` reads, and is left out."""
    moved: list[str] = []
    kept: list[str] = []
    current: Any = group
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--lang" and index + 1 < len(words):
            moved += words[index:index + 2]
            index += 2
            continue
        if word.startswith("--lang="):
            moved.append(word)
        elif word == "--" or not word.startswith("-"):
            command = getattr(current, "commands", {}).get(word)
            kept.append(word)
            if command is None:  # not a command: click says so, in the language asked
                return kept + words[index + 1:]
            if not isinstance(command, TyperGroup):
                return kept + moved + words[index + 1:]
            current = command
        else:
            kept.append(word)
        index += 1
    return kept


def _asked_lang(words: list[str]) -> str | None:
    """The language of `--lang X` or `--lang=X` anywhere on the command line, if valid."""
    for index, word in enumerate(words):
        value = None
        if word == "--lang" and index + 1 < len(words):
            value = words[index + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        if value is not None and value.strip().lower() in i18n.LANGUAGES:
            return value.strip().lower()
    return None


def _shows_help(group: TyperGroup, words: list[str]) -> bool:
    """Whether this run prints help: asked for, or the app or a group named alone."""
    if not words or any(word in HELP_OPTIONS for word in words):
        return True
    return len(words) == 1 and isinstance(group.commands.get(words[0]), TyperGroup)


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


def _new_app() -> typer.Typer:
    """The group with no commands yet: its settings and ``--version``."""
    group = typer.Typer(
        cls=PemiluGroup,
        name="pemilu-timeline",
        rich_markup_mode="rich",
        no_args_is_help=True,
        context_settings={"help_option_names": list(HELP_OPTIONS)},
        pretty_exceptions_show_locals=False,
    )
    group.callback()(_main)
    return group


def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)
                       ] = False,
) -> None:
    pass  # only --version; the help, as every command's, is in i18n/help.py


# The commands in the order `--help` lists them: name, module in this package, function.
COMMANDS = (
    ("now", "read", "now"), ("countdown", "read", "countdown"),
    ("list", "read", "list_stages"), ("show", "read", "show"), ("timeline", "read", "timeline"),
    ("info", "read", "info"), ("init", "edit", "init"), ("add", "edit", "add"),
    ("edit", "edit", "edit"), ("remove", "edit", "remove"), ("validate", "check", "validate"),
    ("diff", "check", "diff"), ("export", "export", "export"), ("hitung", "calc", "hitung"),
    ("libur", "calc", "libur"), ("cek", "factcheck", "cek"),
    ("log", "history", "log"), ("sync", "history", "sync"),
    ("merge-driver", "history", "merge_driver"),
)
# English names of the Indonesian-named commands; `--help` lists each command once.
ALIASES = (("calc", "hitung"), ("holidays", "libur"), ("factcheck", "cek"))
ALIAS_OF = dict(ALIASES)
# Command groups: name, module (whose `app` holds the group's commands).
GROUPS = (("election", "elections"),)


def _module(name: str) -> Any:
    """A command module, imported the first time a run needs it, with the collector paused
    as it is for the imports at start-up."""
    import importlib

    from pemilu_timeline.gcpause import collection_paused

    with collection_paused():
        return importlib.import_module(f"pemilu_timeline.cli.{name}")


def _register(group: typer.Typer, name: str) -> bool:
    """Register the command or command group called ``name`` (or an alias) on ``group``."""
    target = ALIAS_OF.get(name, name)
    for command, module, function in COMMANDS:
        if command == target:
            group.command(name, hidden=name != target)(getattr(_module(module), function))
            return True
    for group_name, module in GROUPS:
        if group_name == name:
            group.add_typer(_module(module).app, name=name)
            return True
    return False


@functools.cache
def _whole_app() -> typer.Typer:
    """Every command, each alias (hidden) and each group: for help, suggestions, tests."""
    whole = _new_app()
    for name in (*(command for command, _, _ in COMMANDS), *ALIAS_OF,
                 *(group for group, _ in GROUPS)):
        _register(whole, name)
    return whole


def __getattr__(name: str) -> Any:
    """``app``, the whole app, is built when first asked for: a run builds only its own."""
    if name == "app":
        return _whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def app_for(args: Sequence[str]) -> typer.Typer:
    """The app to run ``args`` with: one holding only the command they name, if they do.

    A run needs only the command it invokes, so only that command's module is imported and
    only its click command is built. Whatever does not start with a command's exact name (no
    arguments, an option such as --help or --version, a misspelt command that should get a
    suggestion) runs the whole app, so the group's help, errors and completion are the same
    as ever; a command's own help, usage, errors and completion do not depend on its
    siblings (tests hold them equal). A shell's completion request names the command in the
    words it passes, not in argv.
    """
    if COMPLETE_ENV in os.environ:
        from pemilu_timeline.cli.complete import words_before_cursor

        args = words_before_cursor()
    if args:
        single = _new_app()
        if _register(single, args[0]):
            return single
    return _whole_app()
