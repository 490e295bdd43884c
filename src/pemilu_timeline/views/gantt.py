"""The `timeline` picture: one bar per stage across the months, with a marker for now.

Each column stands for a fixed number of days so the chart fits the terminal (or the SVG) width.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from pemilu_timeline.i18n.lexicon import MONTHS_SHORT
from pemilu_timeline.i18n.messages import check_language, t
from pemilu_timeline.model import Schedule, Stage, State, Status
from pemilu_timeline.views.tables import STATUS_STYLE
from pemilu_timeline.views.text import dates_text

BAR = "█"
CANCELLED_BAR = "╳"
EMPTY = "·"
MARKER = "│"
MIN_BAR_WIDTH = 20


def timeline_view(stages: Sequence[Stage], at: dt.datetime, lang: str, width: int,
                  schedule: Schedule | None = None) -> RenderableType:
    """``schedule`` names the anchors of stages that wait for one (a row of text, no bar)."""
    zone = at.tzinfo
    assert zone is not None
    dated = [s for s in stages if s.is_dated]
    waiting = [s for s in stages if not s.is_dated and s.state is not State.CANCELLED]
    if not dated and not waiting:
        return Text(t("label.no_stages", lang))
    windows = [s.window(zone) for s in dated]
    first = min((w[0] for w in windows), default=at).date()
    last = max((w[1] for w in windows), default=at).date()
    label_width = min(36, max(len(s.display_name(lang)) for s in [*dated, *waiting]) + 1,
                      max(12, width // 3), max(6, width - MIN_BAR_WIDTH - 1))
    bar_width = max(MIN_BAR_WIDTH, width - label_width - 1)
    span_days = max(1, (last - first).days)
    days_per_cell = span_days / bar_width

    def column(day: dt.date) -> int:
        return min(bar_width - 1, max(0, int((day - first).days / days_per_cell)))

    now_col = column(at.date()) if first <= at.date() < last else None
    lines: list[RenderableType] = [Text(t("title.timeline", lang), style="bold")]
    lines.append(_month_axis(first, last, bar_width, label_width, column, lang))
    for stage, (start, end) in zip(dated, windows, strict=True):
        status = stage.phase_at(at)
        row = _label(stage, label_width, lang)
        lo = column(start.date())
        hi = max(lo, column((end - dt.timedelta(microseconds=1)).date()))
        cells = Text()
        for col in range(bar_width):
            if col == now_col and not lo <= col <= hi:
                cells.append(MARKER, style="bold red")
            elif col == now_col:
                cells.append(BAR, style="bold red")  # the stage is on now: mark it, keep it
            elif lo <= col <= hi:
                cells.append(CANCELLED_BAR if status is Status.CANCELLED else BAR,
                             style=_bar_style(status))
            else:
                cells.append(EMPTY, style="dim")
        row.append_text(cells)
        lines.append(row)
    if now_col is not None:
        word, at_col = t("label.now_marker", lang), label_width + now_col
        # Its word to the left of the arrow where, to the right, it would run off the line.
        marker = " " * at_col + "▲ " + word if at_col + 2 + len(word) <= width \
            else " " * max(0, at_col - len(word) - 1) + word + " ▲"
        lines.append(Text(marker, style="bold red"))
    for stage in waiting:
        row = _label(stage, label_width, lang)
        row.append(dates_text(stage, lang, schedule=schedule)[:bar_width], style="yellow")
        lines.append(row)
    return Group(*lines)


def _label(stage: Stage, label_width: int, lang: str) -> Text:
    name = stage.display_name(lang)
    if len(name) > label_width - 1:
        name = name[: label_width - 2] + "…"
    # Cropped, never wrapped: a wrapped row would push its bar under the next label.
    return Text(name.ljust(label_width), style="bold" if stage.milestone else "",
                no_wrap=True, overflow="crop")


def _bar_style(status: Status) -> str:
    return STATUS_STYLE[status].replace("dim", "grey50") if status is Status.PAST \
        else STATUS_STYLE[status]


def _month_axis(first: dt.date, last: dt.date, bar_width: int, label_width: int,
                column: object, lang: str) -> Text:
    """Month names placed at the column where each month begins, skipping ones that collide."""
    assert callable(column)
    axis = [" "] * bar_width
    months = MONTHS_SHORT[check_language(lang)]
    day = first.replace(day=1)
    free_from = 0
    while day <= last:
        col = column(max(day, first))
        label = months[day.month - 1] + ("" if day.month != 1 and day != first.replace(day=1)
                                          else f" {day.year}")
        if col >= free_from and col + len(label) <= bar_width:
            axis[col:col + len(label)] = list(label)
            free_from = col + len(label) + 1
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return Text(" " * label_width + "".join(axis), style="bold")
