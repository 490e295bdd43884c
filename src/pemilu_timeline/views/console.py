"""The consoles the commands print to, the error line, and the live countdown screen."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.text import Text

from pemilu_timeline.i18n.messages import t


def make_console(*, stderr: bool = False, record: bool = False,
                 width: int | None = None) -> Console:
    # emoji=False skips loading Rich's emoji table, for text that never has :codes:.
    return Console(stderr=stderr, record=record, width=width, highlight=False, emoji=False)


def print_error(message: str, lang: str) -> None:
    """The one-line message in the user's language on stderr. What it quotes (a value typed,
    a file's name) is escaped here, so no control character reaches the terminal raw."""
    from pemilu_timeline.schedule.schema import escaped  # only an error needs it

    text = escaped(f"{t('label.error', lang)}: {message}", keep="\n")
    with suppress(OSError, UnicodeEncodeError):  # stderr as broken as stdout: the code only
        Console(stderr=True, highlight=False).print(Text(text, style="red"), soft_wrap=True)


def watch(frame: Callable[[], RenderableType], lang: str) -> None:
    """Redraw ``frame`` on the second until Ctrl-C, SIGTERM or SIGHUP.

    Live hides the cursor while it runs; each of these ends it the same way, so the cursor
    is always shown again. Started and stopped by hand, not as ``with Live``: an interrupt
    during its start would skip its ``__exit__``.
    """
    from rich.live import Live  # only --watch needs it

    hint = Text(t("label.watch_hint", lang), style="dim")
    live = Live(Group(frame(), hint), console=make_console(), refresh_per_second=4,
                transient=False)
    previous = _stop_on_signals()
    try:
        live.start(refresh=True)
        while True:
            time.sleep(1 - time.time() % 1)
            live.update(Group(frame(), hint))
    except KeyboardInterrupt:
        return
    finally:
        try:
            live.stop()
        finally:
            _restore_handlers(previous)


_STOP_SIGNALS = ("SIGTERM", "SIGHUP")


def _stop_on_signals() -> dict[int, Any]:
    """Make SIGTERM and SIGHUP stop the screen as Ctrl-C does; the handlers they replace.

    Left alone: a signal ignored on purpose (`nohup` ignores SIGHUP), one whose handler
    Python cannot put back, and every signal off the main thread (no handler can be set).
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        if not stopping:  # once: a second signal must not cut the clean-up short
            stopping = True
            raise KeyboardInterrupt

    previous: dict[int, Any] = {}
    for name in _STOP_SIGNALS:
        number = getattr(signal, name, None)
        if number is None:  # pragma: no cover - Windows has no SIGHUP
            continue
        handler = signal.getsignal(number)
        if handler is None or handler == signal.SIG_IGN:
            continue
        previous[number] = signal.signal(number, stop)
    return previous


def _restore_handlers(previous: dict[int, Any]) -> None:
    import signal

    for number, handler in previous.items():
        signal.signal(number, handler)
