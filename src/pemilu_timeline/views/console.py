"""The consoles the commands print to, the error line, and the live countdown screen."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from rich.console import (
    Console,
    ConsoleOptions,
    ConsoleRenderable,
    Group,
    RenderableType,
    RenderHook,
    RenderResult,
)
from rich.segment import Segment
from rich.text import Text

from pemilu_timeline.i18n.messages import t


def make_console(*, stderr: bool = False, record: bool = False,
                 width: int | None = None) -> Console:
    # emoji=False skips loading Rich's emoji table, for text that never has :codes:.
    console = _Screen(stderr=stderr, record=record, width=width, highlight=False, emoji=False)
    console.push_render_hook(_TrimLines())
    return console


class _Screen(Console):
    """A console that lets a word wider than the screen (a stage's key, which the views
    never break) run past the edge for the terminal to wrap: cropped, it could not be
    copied whole."""

    def print(self, *objects: Any, **options: Any) -> None:
        options.setdefault("crop", False)
        super().print(*objects, **options)


class _TrimLines(RenderHook):
    """Ends every printed line at its last character: Rich pads titles and cells to the
    table's width, and trailing blanks get in the way of whoever copies or diffs the output."""

    def process_renderables(self, renderables: list[ConsoleRenderable]
                            ) -> list[ConsoleRenderable]:
        return [_Trimmed(renderables)]


class _Trimmed:
    def __init__(self, renderables: list[ConsoleRenderable]) -> None:
        self.renderables = renderables

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        line: list[Segment] = []
        for renderable in self.renderables:
            for segment in console.render(renderable, options):
                if segment.control or "\n" not in segment.text:
                    line.append(segment)
                    continue
                *ended, rest = segment.text.split("\n")
                for part in ended:
                    line.append(Segment(part, segment.style))
                    yield from _rstrip(line)
                    yield Segment.line()
                    line = []
                line.append(Segment(rest, segment.style))
        yield from _rstrip(line)


def _rstrip(line: list[Segment]) -> list[Segment]:
    """The line without its trailing blanks, but for blanks that paint a background."""
    while line and not line[-1].control:
        text, style, _ = line[-1]
        if style is not None and (style.bgcolor is not None or style.reverse):
            break
        kept = text.rstrip(" ")
        if kept:
            line[-1] = Segment(kept, style)
            break
        line.pop()
    return line


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
    # A plain console: Live redraws in place, by cursor moves a trimming hook must not see.
    screen = Console(highlight=False, emoji=False)
    live = Live(Group(frame(), hint), console=screen, refresh_per_second=4,
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
