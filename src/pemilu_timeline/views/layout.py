"""Tables that fit the screen: columns with the least width they read at, keys never
broken, and stacked blocks where a table cannot be read."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import (
    Console,
    ConsoleOptions,
    Group,
    JustifyMethod,
    OverflowMethod,
    RenderableType,
    RenderResult,
)
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from pemilu_timeline.model import Stage


@dataclass(frozen=True)
class Column:
    """A table column and the least width it can be read at: a table that cannot give
    every column that much gives way to stacked blocks."""

    header: str
    least: int
    ratio: int = 0  # a share of the width left over; 0: no wider than its widest line
    style: str = ""
    justify: JustifyMethod = "left"
    overflow: OverflowMethod = "fold"


Cell = Text | str


@dataclass(frozen=True)
class Block:
    """One row of a table stacked: its heading lines (a name, a key), then label and value."""

    head: Sequence[Text]
    rows: Sequence[tuple[str, Cell]]
    # Each label on a line of its own, its value under it across the width: for prose.
    labels_above: bool = False


class ByWidth:
    """A table where every column can be read, stacked blocks where it cannot; chosen when
    printed, as only then is the width known."""

    def __init__(self, table: Callable[[int], RenderableType | None],
                 stacked: Callable[[], RenderableType]) -> None:
        self.table, self.stacked = table, stacked

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.table(options.max_width)
        yield self.stacked() if table is None else table


def key_text(key: str, style: str = "dim") -> Text:
    """A key on a line of its own that is never broken: longer than the screen, it runs past
    the edge (the terminal wraps it, and copying it gives it back whole)."""
    return Text(key, style=style, no_wrap=True, overflow="ignore")


class Unbroken:
    """Text wrapped at its spaces only, where Rich would break a word wider than the line:
    a key gets a line of its own and, wider than the screen, runs past the edge whole."""

    def __init__(self, text: Text, indent: int = 0) -> None:
        self.text, self.indent = text, indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width - self.indent)
        for paragraph in self.text.split("\n", allow_blank=True):
            for line in paragraph.divide(_breaks(paragraph.plain, width)):
                line.rstrip()
                if self.indent:
                    yield Segment(" " * self.indent)
                yield from line.render(console)
                yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)


def _breaks(text: str, width: int) -> list[int]:
    """Where lines of at most ``width`` cells start, breaking only before a word."""
    breaks, line_start = [], 0
    for word in re.finditer(r"\S+\s*", text):
        end = word.start() + len(word.group().rstrip())
        if word.start() > line_start and cell_len(text[line_start:end]) > width:
            breaks.append(word.start())
            line_start = word.start()
    return breaks


def key_width(stages: Sequence[Stage]) -> int:
    return max((cell_len(s.key) for s in stages), default=0)


def fitted_table(title: str | None, columns: Sequence[Column], rows: Sequence[Sequence[Cell]],
                 width: int, *, sections: Sequence[int] = ()) -> Table | None:
    """The table at ``width`` with every column at least its least, or None if it cannot be;
    ``sections`` are the rows a rule is drawn under."""
    widths = _column_widths(columns, rows, width)
    if widths is None:
        return None
    table = Table(title=title, title_justify="left")
    for column, size in zip(columns, widths, strict=True):
        table.add_column(column.header, width=size, style=column.style,
                         justify=column.justify, overflow=column.overflow)
    for index, row in enumerate(rows):
        table.add_row(*row, end_section=index in sections)
    return table


def _column_widths(columns: Sequence[Column], rows: Sequence[Sequence[Cell]],
                   width: int) -> list[int] | None:
    """Each column its least; then those without a ratio as wide as their widest line, and
    what is left shared by ratio. None if the leasts do not fit."""
    room = width - 3 * len(columns) - 1  # a border each side and between, one space padding
    widths = [max([column.least, *map(cell_len, column.header.split())]) for column in columns]
    if sum(widths) > room:
        return None
    spare = room - sum(widths)
    for index, column in enumerate(columns):
        if not column.ratio:
            widest = max([_lines_width(column.header), *(_lines_width(r[index]) for r in rows)])
            grow = min(spare, max(0, widest - widths[index]))
            widths[index] += grow
            spare -= grow
    flexible = [i for i, column in enumerate(columns) if column.ratio]
    shared = _share(spare + sum(widths[i] for i in flexible),
                    [columns[i].ratio for i in flexible], [widths[i] for i in flexible])
    for index, size in zip(flexible, shared, strict=True):
        widths[index] = size
    return widths


def _share(total: int, ratios: Sequence[int], least: Sequence[int]) -> list[int]:
    """``total`` split by ``ratios``, none below its ``least`` (which fit in ``total``)."""
    widths = list(least)
    free = list(range(len(ratios)))
    while free:
        room = total - sum(widths[i] for i in range(len(ratios)) if i not in free)
        weight = sum(ratios[i] for i in free)
        pinned = [i for i in free if ratios[i] * room / weight < least[i]]
        if not pinned:
            for i in free:
                widths[i] = ratios[i] * room // weight
            widths[free[0]] += room - sum(widths[i] for i in free)
            break
        free = [i for i in free if i not in pinned]
    return widths


def _lines_width(cell: Cell) -> int:
    text = cell.plain if isinstance(cell, Text) else cell
    return max(cell_len(line) for line in text.split("\n"))


def stacked(title: Text | None, items: Sequence[Block | Text]) -> Group:
    """Blocks one under another, a blank line between, for a screen too narrow for the table;
    a Text among them is a heading."""
    parts: list[RenderableType] = [] if title is None else [title]
    for item in items:
        if parts:
            parts.append(Text())
        if isinstance(item, Text):
            parts.append(item)
            continue
        parts.extend(item.head)
        if item.labels_above:
            for label, value in item.rows:
                parts.append(Text(label, style="bold"))
                parts.append(Unbroken(Text(value) if isinstance(value, str) else value, 2))
        elif item.rows:
            grid = Table.grid(padding=(0, 2, 0, 0))
            grid.add_column(style="dim")
            grid.add_column(overflow="fold")
            for label, value in item.rows:
                grid.add_row(label, value)
            parts.append(Padding(grid, (0, 0, 0, 2)))
    return Group(*parts)
