"""Help, click's own messages and the one prompt, in the user's language.

The app imports this only when help is shown, when click refuses the command line, or when
`remove` asks: a normal run never pays for it. Click writes its messages in English and has
no hook to translate them, so a message is read back against click's own wording (the English
side of the catalog's ``click.*`` entries) and said again in the user's language; one that
click words differently after an upgrade stays English rather than wrong.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from functools import cache
from typing import Any

import typer

from pemilu_timeline.cli.options import LANG_ENV, MAX_LOCK_TIMEOUT
from pemilu_timeline.errors import ExitStatus
from pemilu_timeline.i18n.help import ANSWERS, HELP, command_key, help_text, param_key
from pemilu_timeline.i18n.messages import CATALOG, t
from pemilu_timeline.schedule.locate import ENV_FILE

try:  # typer 0.28 carries its own click
    from typer._click import core, exceptions, formatting
except ImportError:  # pragma: no cover - older typer is built on click itself
    from click import core, exceptions, formatting  # type: ignore[no-redef, import-not-found, unused-ignore]

# What the help texts name, so that each name is written once, where it is defined.
HELP_NAMES: dict[str, Any] = {"env_file": ENV_FILE, "lang_env": LANG_ENV,
                              "max_lock": MAX_LOCK_TIMEOUT}

# typer's fixed words in its help screens and error panels, and the catalog entry of each.
TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "click.arguments", "OPTIONS_PANEL_TITLE": "click.options",
    "COMMANDS_PANEL_TITLE": "click.commands", "ERRORS_PANEL_TITLE": "label.error",
    "ABORTED_TEXT": "click.aborted", "RICH_HELP": "click.try_help",
    "DEFAULT_STRING": "click.default", "ENVVAR_STRING": "click.env_var",
    "REQUIRED_LONG_STRING": "click.required",
}

# Click's messages that are reworded, as the catalog keys them.
CLICK_MESSAGES = (
    "click.no_such_command", "click.no_such_command_close", "click.no_such_option",
    "click.no_such_option_close", "click.extra_arguments", "click.missing_argument",
    "click.missing_argument_more", "click.missing_option", "click.choose_from",
    "click.needs_value", "click.takes_no_value", "click.env_var_hint", "click.not_one_of",
    "click.not_in_range", "click.not_int", "click.not_int_range", "click.not_float",
)


def word_help(group: core.Command, lang: str, aliases: Mapping[str, str]) -> None:
    """Give ``group`` and every command under it the catalog's help in ``lang``, as a help
    screen and shell completion (zsh and fish describe each choice) show it.

    ``aliases`` names the command a hidden alias stands for (calc: hitung), whose words it
    shares.
    """
    _word(group, (), lang, aliases)


def _word(command: core.Command, path: tuple[str, ...], lang: str,
          aliases: Mapping[str, str]) -> None:
    key = command_key(path)
    summary = help_text(f"command.{key}", lang, **HELP_NAMES)
    command.short_help = summary
    command.help = f"{summary}\n\n{help_text(f'about.{key}', lang, **HELP_NAMES)}"
    command.context_class = _context_class(lang)
    for param in command.params:
        found = param_key(path, param.name or "")
        if found is not None:
            param.help = help_text(found, lang, **HELP_NAMES)  # type: ignore[attr-defined]
        panel = getattr(param, "rich_help_panel", None)
        if panel and f"panel.{panel}" in HELP:
            param.rich_help_panel = help_text(f"panel.{panel}", lang)  # type: ignore[attr-defined]
    for name, sub in getattr(command, "commands", {}).items():
        _word(sub, (*path, aliases.get(name, name)), lang, aliases)


@cache
def _context_class(lang: str) -> type[core.Context]:
    """A context that words what click adds to every command: "Usage:" and --help's help."""
    usage = _words("click.usage", lang)
    help_words = help_text("param.help", lang)

    class Formatter(formatting.HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, usage if prefix is None else prefix)

    class Context(core.Context):
        formatter_class = Formatter

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            option = self.command.get_help_option(self)
            if option is not None:
                option.help = help_words

    return Context


def use_typer_words(lang: str) -> None:
    """typer's own words around a help screen or an error ("Options", "[default: id]")."""
    from typer import rich_utils  # what renders them; completion never needs it

    for name, key in TYPER_WORDS.items():
        setattr(rich_utils, name, _words(key, lang))


def _words(key: str, lang: str) -> str:
    """A catalog entry as it is written, its placeholders left for typer to fill."""
    return CATALOG[key][1 if lang == "en" else 0]


def show_refusal(error: exceptions.ClickException | typer.Abort, lang: str) -> int:
    """Say what click refused, as typer does but in ``lang``; the exit code that follows."""
    if isinstance(error, typer.Abort):  # Ctrl-C or the end of input at a prompt
        show_aborted(lang)
        return ExitStatus.INVALID
    show_click_error(error, lang)
    return error.exit_code


def show_click_error(error: exceptions.ClickException, lang: str) -> None:
    """Print what click refused as typer does (usage, a hint, the message), in ``lang``."""
    from typer import rich_utils

    use_typer_words(lang)
    if type(error).__name__ == "NoArgsIsHelpError":  # the help it stands for is printed
        return
    text = click_text(error, lang)
    if isinstance(error, exceptions.UsageError):
        if error.ctx is not None:
            error.ctx.formatter_class = _context_class(lang).formatter_class
        rich_utils.rich_format_error(exceptions.UsageError(text, error.ctx))
    else:
        rich_utils.rich_format_error(exceptions.ClickException(text))


def show_aborted(lang: str) -> None:
    from typer import rich_utils

    use_typer_words(lang)
    rich_utils.rich_abort_error()


def click_text(error: exceptions.ClickException, lang: str) -> str:
    """Click's message for ``error`` in ``lang``."""
    if lang == "en":
        return error.format_message()
    if isinstance(error, exceptions.BadParameter) \
            and not isinstance(error, exceptions.MissingParameter):
        # Built here, not read back: the parameter's name may itself hold a colon.
        hint = error.param_hint
        if hint is None and error.param is not None and error.ctx is not None:
            hint = error.param.get_error_hint(error.ctx)
        if hint is not None:
            named = hint if isinstance(hint, str) else " / ".join(repr(h) for h in hint)
            return t("click.invalid_value", lang, name=reworded(named, lang),
                     reason=reworded(error.message, lang))
    return reworded(error.format_message(), lang)


def reworded(text: str, lang: str) -> str:
    """``text``, one of click's English sentences, in ``lang``; what it quotes is kept (and
    reworded in turn, for a sentence inside a sentence). Unknown text is left as it is."""
    for key, pattern in _patterns():
        found = pattern.fullmatch(text)
        if found is not None:
            return t(key, lang, **{name: reworded(value, lang)
                                   for name, value in found.groupdict().items()})
    return text


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Click's wording of each message as a pattern, the longest wording first so that a
    sentence with more words is not taken for a shorter one."""
    found = []
    for key in CLICK_MESSAGES:
        pattern = ""
        for literal, name, _, _ in string.Formatter().parse(_words(key, "en")):
            pattern += re.escape(literal)
            if name is not None:
                pattern += f"(?P<{name}>.+?)"
        found.append((key, re.compile(pattern, re.DOTALL)))
    return tuple(sorted(found, key=lambda item: -len(item[1].pattern)))


def confirm(question: str, lang: str) -> bool:
    """Ask ``question`` at the terminal, answered in either language and any case (ya, y,
    iya, yes; tidak, t, n, no); Enter alone is no. Ctrl-C or the end of input aborts."""
    prompt = f"{question} {t('click.confirm_choices', lang)}"
    while True:
        try:
            answer = typer.prompt(prompt, default="", show_default=False)
        except typer.Abort:
            typer.echo()  # end the prompt's line before the word that follows it
            raise
        word = answer.strip().casefold()
        if not word:
            return False
        for value, words in ANSWERS.items():
            if word in words:
                return value
        typer.echo(t("click.confirm_again", lang))
