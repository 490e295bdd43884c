"""The consoles the commands print to, the error line, and the live countdown screen."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress

from rich.console import Console, Group, RenderableType
from rich.text import Text

from pemilu_timeline.i18n.messages import t


def make_console(*, stderr: bool = False, record: bool = False,
                 width: int | None = None) -> Console:
    # emoji=False skips loading Rich's emoji table, for text that never has :codes:.
    return Console(stderr=stderr, record=record, width=width, highlight=False, emoji=False)


def print_error(message: str, lang: str) -> None:
    """The one-line message in the user's language on stderr."""
    with suppress(OSError, UnicodeEncodeError):  # stderr as broken as stdout: the code only
        Console(stderr=True, highlight=False).print(
            Text(f"{t('label.error', lang)}: {message}", style="red"), soft_wrap=True)


def watch(frame: Callable[[], RenderableType], lang: str) -> None:
    """Redraw ``frame`` on the second until Ctrl-C."""
    from rich.live import Live  # only --watch needs it

    hint = Text(t("label.watch_hint", lang), style="dim")
    try:
        with Live(Group(frame(), hint), console=make_console(), refresh_per_second=4,
                  transient=False) as live:
            while True:
                time.sleep(1 - time.time() % 1)
                live.update(Group(frame(), hint))
    except KeyboardInterrupt:
        return
