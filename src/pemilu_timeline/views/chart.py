"""The `timeline --svg/--png` picture: a Gantt chart an editor can publish as it is.

``chart_layout`` works out everything the picture says (wrapped names, dates, the axis, the
legend, the waiting list, the source line) in plain Python, so tests can read it without
drawing. ``render_chart`` draws it with matplotlib, imported only then: the terminal chart
and every other command start without it, and it is the optional ``charts`` extra.

Text is drawn as paths in DejaVu Sans (shipped inside matplotlib): the SVG needs no font on
the reader's machine and fetches nothing, and it looks the same everywhere.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import textwrap
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from pemilu_timeline.errors import ChartsMissing
from pemilu_timeline.i18n.format import format_range, format_short_date
from pemilu_timeline.i18n.lexicon import MONTHS_SHORT
from pemilu_timeline.i18n.messages import check_language, t
from pemilu_timeline.model import Schedule, Stage, State, Status
from pemilu_timeline.timing import zone_label
from pemilu_timeline.views.text import dates_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

DPI = 100  # one inch of the figure is 100 pixels: --width-px is the PNG's width
WIDTH_PX = (320, 4000)  # what --width-px accepts
DEFAULT_WIDTH_PX = 1200
MAX_ROWS = 60  # past this a chart is a list no one reads: the rest are counted, with advice
CHAR_EM = 0.6  # DejaVu Sans' widest usual letters, in ems: wrapping never overruns a column
BOLD_EM = 0.68  # the same in bold, which milestones' names are set in
DATES_SCALE = 0.85  # the dates' size, of the names'
TITLE_SCALE = 1.45
MARGIN_IN = 0.25  # around the picture
RIGHT_IN = 0.4  # right of the plot: room for an arrow and the last month's label

# Okabe–Ito colours, told apart with every common colour blindness; past is a quiet grey.
COLOURS = {
    Status.PAST: "#8f8f8f",  # 3.3:1 on white, as a graphic needs (WCAG 1.4.11)
    Status.ACTIVE: "#d55e00",
    Status.UPCOMING: "#0072b2",
    Status.PENDING: "#e69f00",
    Status.CANCELLED: "#6e6e6e",
}
INK, MUTED, RULE_LINE, NOW_LINE = "#1a1a1a", "#555555", "#e3e3e3", "#111111"
LEGEND_ORDER = (Status.PAST, Status.ACTIVE, Status.UPCOMING, Status.CANCELLED, Status.PENDING)
SHORT_SPAN_DAYS = 75  # an axis this short also marks weeks
MILESTONE = "milestone"  # the legend's entry for the diamond


@dataclass(frozen=True)
class Row:
    """One stage on the chart: its name in lines, its dates and where its bar runs."""

    key: str
    name: str
    name_lines: tuple[str, ...]
    dates: str
    first: dt.date  # first day, inclusive
    last: dt.date  # last day, inclusive
    status: Status
    point: bool  # a one-day milestone or deadline: a diamond, not a bar
    bold: bool
    runs_before: bool  # starts before the axis does (drawn to the edge, with an arrow)
    runs_after: bool
    dates_at: str  # where the dates go: "after" the bar, "before" it, or "below" it


@dataclass(frozen=True)
class ChartLayout:
    """What the picture shows, in the words and sizes it shows them."""

    title: tuple[str, ...]
    subtitle: tuple[str, ...]
    rows: tuple[Row, ...]
    axis_first: dt.date  # the axis runs from the start of this day ...
    axis_last: dt.date  # ... to the end of this one
    now: dt.datetime | None  # the marker's moment (naive, viewer's wall clock); None: off axis
    now_label: str
    legend: tuple[tuple[Status | str, str], ...]
    waiting_title: str
    waiting: tuple[str, ...]  # wrapped lines, one bullet per pending stage
    footer: tuple[str, ...]  # wrapped source line, then the note on rows left out
    months: tuple[tuple[dt.date, str], ...]  # tick day and its label ("Feb", "Jan\n2024")
    width_px: int
    font_pt: float
    label_share: float  # the share of the width the names' column takes


def font_size(width_px: int) -> float:
    """9.7 pt at a news column's 700 px, 12 pt from 1,200 px: legible at either width."""
    return round(min(12.0, max(8.0, 8.0 + (width_px - 320) / 220)), 2)


def chars_fitting(inches: float, font_pt: float, *, bold: bool = False) -> int:
    """How many letters a line of ``inches`` holds, at the least (12: a line is never less)."""
    return max(12, int(inches * 72 / (font_pt * (BOLD_EM if bold else CHAR_EM))))


def line_chars(width_px: int, scale: float, *, bold: bool = False) -> int:
    """How many letters a line across the picture holds, at ``scale`` times the names' size
    (the waiting box's padding taken off, so one width serves every full-width line)."""
    return chars_fitting(width_px / DPI - 2 * MARGIN_IN - 0.25, font_size(width_px) * scale,
                         bold=bold)


def wrap(text: str, width: int) -> tuple[str, ...]:
    """At word boundaries; only a word longer than a whole line (a URL, a pasted id) is
    broken, since running on into the bars would hide them."""
    return tuple(textwrap.wrap(text, width, break_on_hyphens=False)) or ("",)


def chart_layout(stages: Sequence[Stage], at: dt.datetime, lang: str, *,
                 schedule: Schedule | None = None, start_from: dt.date | None = None,
                 until: dt.date | None = None, at_given: bool = False,
                 width_px: int = DEFAULT_WIDTH_PX, place: str | None = None,
                 tags: Sequence[str] = ()) -> ChartLayout:
    """The chart of ``stages`` seen at ``at``; ``start_from``/``until`` crop the axis.
    ``place`` (the --region's name) and ``tags`` say in the subtitle what was filtered."""
    lang = check_language(lang)
    zone = at.tzinfo
    assert zone is not None
    font_pt = font_size(width_px)
    label_share = 0.36 if width_px <= 800 else 0.30
    width_in = width_px / DPI
    name_in = width_in * label_share - MARGIN_IN - 0.15
    name_chars = (chars_fitting(name_in, font_pt),
                  chars_fitting(name_in, font_pt, bold=True))  # plain, bold
    plot_in = plot_inches(width_px, label_share)

    dated = [s for s in stages if s.is_dated]
    shown = dated[:MAX_ROWS]
    waiting_stages = [s for s in stages if not s.is_dated and s.state is not State.CANCELLED]
    windows = [_days(s, zone) for s in shown]
    first = start_from or min((w[0] for w in windows), default=at.date())
    last = until or max((w[1] for w in windows), default=at.date())
    span = first, last  # what the subtitle says: the stages' days, or --from/--to
    if last <= first:  # one day, or nothing dated: a week either side keeps bars readable
        first, last = min(first, last) - dt.timedelta(days=7), \
            max(first, last) + dt.timedelta(days=7)
    days_per_in = ((last - first).days + 1) / plot_in
    rows = tuple(_row(s, w, at, lang, (first, last), name_chars, days_per_in, font_pt,
                      schedule)
                 for s, w in zip(shown, windows, strict=True))
    local_at = at.replace(tzinfo=None)
    on_axis = dt.datetime.combine(first, dt.time()) <= local_at \
        < dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    now_label = t("chart.as_of" if at_given else "chart.today", lang,
                  date=format_short_date(at.date(), lang), zone=zone_label(zone))
    filters = [place] if place else []
    if tags:
        filters.append(t("chart.tags", lang, tags=", ".join(tags)))
    if not on_axis:  # no marker on the axis: the moment is said in words
        filters.append(now_label)
    title, subtitle, footer = _words_around(stages, span, zone_label(zone), lang,
                                            schedule, filters, width_px)
    if len(dated) > len(shown):
        footer += wrap(t("chart.more_rows", lang, shown=len(shown), total=len(dated)),
                       line_chars(width_px, DATES_SCALE))
    waiting = _waiting_lines(waiting_stages, lang, schedule, line_chars(width_px, 0.9))
    return ChartLayout(
        title=title, subtitle=subtitle, rows=rows, axis_first=first, axis_last=last,
        now=local_at if on_axis else None, now_label=now_label,
        legend=_legend_entries(rows, bool(waiting), lang),
        waiting_title=t("chart.waiting", lang), waiting=waiting, footer=footer,
        months=month_ticks(first, last, plot_in, font_pt, lang),
        width_px=width_px, font_pt=font_pt, label_share=label_share)


def _words_around(stages: Sequence[Stage], axis: tuple[dt.date, dt.date], zone_name: str,
                  lang: str, schedule: Schedule | None, filters: Sequence[str],
                  width_px: int) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Title (the elections), subtitle (dates and zone, then ``filters``) and the source
    line, each wrapped to the width."""
    elections = schedule.elections if schedule is not None else {}
    shown = list(dict.fromkeys(s.election for s in stages))
    names = [elections[e].display_name(lang) if e in elections else e for e in shown]
    title = " · ".join(names) if 0 < len(names) <= 2 else t("title.timeline", lang)
    subtitle = t("chart.subtitle", lang, dates=format_range(*axis, lang, short=True),
                 zone=zone_name)
    if len(names) > 2:
        subtitle += " · " + ", ".join(names)
    subtitle = " · ".join([subtitle, *filters])
    sources = list(dict.fromkeys(elections[e].source for e in shown if e in elections))
    footer = t("chart.source", lang, sources="; ".join(sources) or "—")
    return (wrap(title, line_chars(width_px, TITLE_SCALE, bold=True)),
            wrap(subtitle, line_chars(width_px, 0.95)),
            wrap(footer, line_chars(width_px, DATES_SCALE)))


def _waiting_lines(stages: Sequence[Stage], lang: str, schedule: Schedule | None,
                   width: int) -> tuple[str, ...]:
    """A bullet per stage with no date yet, and what it waits for, wrapped."""
    lines: list[str] = []
    for stage in stages:
        line = f"• {stage.display_name(lang)} — {dates_text(stage, lang, schedule=schedule)}"
        lines.extend(textwrap.wrap(line, width, break_on_hyphens=False,
                                   subsequent_indent="   "))
    return tuple(lines)


def _legend_entries(rows: Sequence[Row], waiting: bool, lang: str
                    ) -> tuple[tuple[Status | str, str], ...]:
    """The states the chart shows, in their order, and the diamond when there is one."""
    present = {r.status for r in rows} | ({Status.PENDING} if waiting else set())
    legend: list[tuple[Status | str, str]] = [
        (s, t(f"status.{s.value}", lang)) for s in LEGEND_ORDER if s in present]
    if any(r.point for r in rows):
        legend.append((MILESTONE, t("chart.milestone", lang)))
    return tuple(legend)


def _days(stage: Stage, zone: dt.tzinfo) -> tuple[dt.date, dt.date]:
    """First and last day, inclusive, on the viewer's calendar."""
    start, end = stage.window(zone)
    return start.date(), max(start.date(), (end - dt.timedelta(microseconds=1)).date())


def plot_inches(width_px: int, label_share: float) -> float:
    """The width of the bars' area: the figure less the names' column and the right margin."""
    return width_px / DPI * (1 - label_share) - RIGHT_IN


def _row(stage: Stage, days: tuple[dt.date, dt.date], at: dt.datetime, lang: str,
         axis: tuple[dt.date, dt.date], name_chars: tuple[int, int], days_per_in: float,
         font_pt: float,
         schedule: Schedule | None) -> Row:
    first, last = axis
    status = stage.phase_at(at)
    dates = dates_text(stage, lang, short=True, schedule=schedule)
    if status is Status.CANCELLED:
        dates += f" · {t('status.cancelled', lang)}"
    elif stage.state is State.TENTATIVE:
        dates += f" · {t('status.tentative', lang)}"
    milestone = stage.is_milestone_or_deadline
    shown = max(days[0], first), min(days[1], last)
    text_days = text_inches(dates, font_pt * DATES_SCALE) * days_per_in + 0.25 * days_per_in
    room_after = (last - shown[1]).days if days[1] <= last else -1
    room_before = (shown[0] - first).days if days[0] >= first else -1
    dates_at = "after" if room_after >= text_days else \
        "before" if room_before >= text_days else "below"
    return Row(key=stage.key, name=stage.display_name(lang),
               name_lines=wrap(stage.display_name(lang), name_chars[milestone]),
               dates=dates, first=shown[0], last=shown[1],
               status=status, point=milestone and days[0] == days[1], bold=milestone,
               runs_before=days[0] < first, runs_after=days[1] > last, dates_at=dates_at)


def text_inches(text: str, font_pt: float) -> float:
    """A generous estimate of a line's width (no font is opened to lay out the chart)."""
    return len(text) * font_pt * CHAR_EM / 72


def month_ticks(first: dt.date, last: dt.date, axis_in: float, font_pt: float, lang: str
                ) -> tuple[tuple[dt.date, str], ...]:
    """A label at the first of each month (every 2nd, 3rd, 6th or 12th when they would
    crowd), with the year under January and under the first label."""
    months = MONTHS_SHORT[lang]
    starts = []
    day = first.replace(day=1)
    while day <= last:
        if day >= first:
            starts.append(day)
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    if not starts:
        starts = [first]
    label_in = 4.5 * font_pt * CHAR_EM / 72 + 0.08  # "Sep" and a gap
    span = max(1, (last - first).days + 1)
    step = next((n for n in (1, 2, 3, 6, 12) if axis_in * 30.4 * n / span >= label_in), 24)
    picked = [d for d in starts if (d.year * 12 + d.month - 1) % step == 0] or starts[:1]
    ticks = []
    for index, day in enumerate(picked):
        label = months[day.month - 1] if step < 12 else str(day.year)
        if step < 12 and (index == 0 or day.month == 1):
            label += f"\n{day.year}"
        ticks.append((day, label))
    if span <= SHORT_SPAN_DAYS:  # a few weeks: the 8th, 15th and 22nd too, by number
        weekly = [first + dt.timedelta(days=n) for n in range(span)]
        ticks += [(d, str(d.day)) for d in weekly if d.day in (8, 15, 22)]
        ticks.sort()
    return tuple(ticks)


def _matplotlib() -> Any:
    """The drawing library, or one line saying how to install it."""
    try:
        import matplotlib
        from matplotlib.figure import Figure  # noqa: F401 - fails here when it is broken
    except ImportError as missing:
        raise ChartsMissing() from missing
    return matplotlib


RC = {
    "font.family": "DejaVu Sans",  # inside matplotlib: the same glyphs on every machine
    "svg.fonttype": "path",
    "svg.hashsalt": "pemilu-timeline",  # ids the same on every run: the same bytes
    "path.simplify": False,
    "hatch.linewidth": 0.8,
}


def render_chart(layout: ChartLayout, fmt: str) -> bytes:
    """The chart as SVG or PNG bytes: the same layout gives the same bytes. The Agg and SVG
    canvases are used directly: no pyplot, no GUI backend, nothing global changed."""
    matplotlib = _matplotlib()
    with matplotlib.rc_context(RC), warnings.catch_warnings():
        # A letter DejaVu Sans lacks (an emoji) is drawn as a box: a warning per letter on
        # stderr would break the one-line rule and tell the reader nothing to do.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font",
                                category=UserWarning)
        figure = build_figure(layout)
        buffer = io.BytesIO()
        if fmt == "png":
            from matplotlib.backends.backend_agg import FigureCanvasAgg

            FigureCanvasAgg(figure).print_figure(buffer, format="png", dpi=DPI,
                                                 metadata={"Software": None})
            return buffer.getvalue()
        from matplotlib.backends.backend_svg import FigureCanvasSVG

        FigureCanvasSVG(figure).print_figure(
            buffer, format="svg", dpi=DPI,
            metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    return _finish_svg(buffer.getvalue().decode("utf-8"), layout, figure)


def _finish_svg(svg: str, layout: ChartLayout, figure: Figure) -> bytes:
    """Pixels for the nominal size, no DOCTYPE (its DTD address is the one thing a reader
    might fetch), and a <title> and <desc> with every name for screen readers and search."""
    svg = re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg, count=1)
    height_px = round(figure.get_size_inches()[1] * DPI)
    svg = re.sub(r'width="[\d.]+pt" height="[\d.]+pt"',
                 f'width="{layout.width_px}px" height="{height_px}px"', svg, count=1)
    described = "\n".join(
        [*layout.subtitle,
         *(f"{row.name}: {row.dates}" for row in layout.rows),
         *layout.waiting, *layout.footer])
    head = (f"<title>{escape(' '.join(layout.title))}</title>\n"
            f"<desc>{escape(described)}</desc>\n")
    opening = svg.index(">", svg.index("<svg")) + 1
    return (svg[:opening] + "\n" + head + svg[opening:].lstrip("\n")).encode("utf-8")


# Vertical sizes, in multiples of the font size.
LINE = 1.35  # one line of text
NAME_LINE = 1.25  # the lines of a wrapped name
ROW_PAD = 0.55  # between rows
BELOW = 1.15  # the line of dates under a bar that has no room beside it
WAITING_EXTRA = 2.1  # the waiting box's heading and padding, in its lines


def row_heights(layout: ChartLayout) -> list[float]:
    """Each row's height in inches: its name's lines, or its bar and the dates below it."""
    pt = layout.font_pt
    heights = []
    for row in layout.rows:
        bar_lines = 1 + (BELOW * DATES_SCALE if row.dates_at == "below" else 0)
        heights.append((max(len(row.name_lines), bar_lines) * LINE + ROW_PAD) * pt / 72)
    return heights


def build_figure(layout: ChartLayout) -> Figure:
    """The matplotlib figure of ``layout``: laid out top to bottom in inches, then placed."""
    from matplotlib.figure import Figure

    pt = layout.font_pt
    line_in = pt * LINE / 72
    width_in = layout.width_px / DPI
    rows_h = row_heights(layout)
    plot_h = max(sum(rows_h), line_in * 2)
    legend_rows = legend_lines(layout)
    head_h = (MARGIN_IN + len(layout.title) * 1.3 * line_in + 0.25 * line_in
              + len(layout.subtitle) * 0.95 * line_in + 0.5 * line_in
              + len(legend_rows) * line_in
              + (2.2 + 0.8) * line_in)  # the month labels over the plot, and a gap
    now_h = 1.7 * line_in if layout.now is not None else 0.3 * line_in
    waiting_h = (len(layout.waiting) + WAITING_EXTRA) * 0.95 * line_in + 0.3 * line_in \
        if layout.waiting else 0.0
    foot_h = 0.6 * line_in + len(layout.footer) * 0.9 * line_in + MARGIN_IN
    height_in = math.ceil((head_h + plot_h + now_h + waiting_h + foot_h) * DPI) / DPI
    figure = Figure(figsize=(width_in, height_in), dpi=DPI, facecolor="white")
    place = Placer(width_in, height_in)

    top = MARGIN_IN
    for text in layout.title:
        top += 1.3 * line_in
        figure.text(*place(MARGIN_IN, top), text, fontsize=pt * TITLE_SCALE, fontweight="bold",
                    color=INK, va="baseline")
    top += 0.25 * line_in
    for text in layout.subtitle:
        top += 0.95 * line_in
        figure.text(*place(MARGIN_IN, top), text, fontsize=pt * 0.95, color=MUTED,
                    va="baseline")
    top += 0.5 * line_in
    for entries in legend_rows:
        top += line_in
        _legend_line(figure, entries, top, pt, place)

    plot_left = width_in * layout.label_share
    plot_w = plot_inches(layout.width_px, layout.label_share)
    axes = figure.add_axes((*place(plot_left, head_h + plot_h), plot_w / width_in,
                            plot_h / height_in))
    _plot(axes, layout, rows_h, figure, place)
    if layout.now is not None:
        _now_marker(axes, layout)
    bottom = head_h + plot_h + now_h
    if layout.waiting:
        bottom = _waiting(figure, layout, bottom, line_in, place)
    bottom += 0.6 * line_in
    for text in layout.footer:
        bottom += 0.9 * line_in
        figure.text(*place(MARGIN_IN, bottom), text, fontsize=pt * DATES_SCALE, color=MUTED,
                    va="baseline")
    return figure


@dataclass(frozen=True)
class Placer:
    """Inches from the figure's top left corner as the figure's own (0–1, from the bottom)."""

    width_in: float
    height_in: float

    def __call__(self, from_left: float, from_top: float) -> tuple[float, float]:
        return from_left / self.width_in, 1 - from_top / self.height_in

    def size(self, width: float, height: float) -> tuple[float, float]:
        return width / self.width_in, height / self.height_in


def legend_lines(layout: ChartLayout) -> list[list[tuple[Status | str, str]]]:
    """The legend's entries in one line, or as many lines as the width needs."""
    room = layout.width_px / DPI - 2 * MARGIN_IN
    lines: list[list[tuple[Status | str, str]]] = [[]]
    used = 0.0
    for entry in layout.legend:
        width = legend_entry_inches(entry[1], layout.font_pt)
        if lines[-1] and used + width > room:
            lines.append([])
            used = 0.0
        lines[-1].append(entry)
        used += width
    return lines if lines[0] else []


def legend_entry_inches(word: str, font_pt: float) -> float:
    return 1.6 * font_pt / 72 + 0.07 + text_inches(word, font_pt * 0.9) + 0.25


def _legend_line(figure: Figure, entries: list[tuple[Status | str, str]], top: float,
                 pt: float, place: Placer) -> None:
    """Swatches and words, drawn by hand so that their height is known beforehand."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    left = MARGIN_IN
    swatch_w, swatch_h = 1.6 * pt / 72, 0.85 * pt / 72
    for entry, word in entries:
        if entry == MILESTONE:
            figure.add_artist(Line2D(*zip(place(left + swatch_w / 2, top - swatch_h * 0.45),
                                          strict=True),
                                     marker="D", markersize=pt * 0.8, color=INK,
                                     linestyle="none"))
        else:
            assert isinstance(entry, Status)
            figure.add_artist(Rectangle(place(left, top), *place.size(swatch_w, swatch_h),
                                        **_bar_style(entry)))
        figure.text(*place(left + swatch_w + 0.07, top), word, fontsize=pt * 0.9,
                    color=INK, va="baseline")
        left += legend_entry_inches(word, pt)


def _bar_style(status: Status) -> dict[str, Any]:
    if status is Status.CANCELLED:
        return {"facecolor": "white", "edgecolor": COLOURS[status], "hatch": "////",
                "linewidth": 0.8}
    if status is Status.PENDING:
        return {"facecolor": "#fdf1d6", "edgecolor": COLOURS[status], "linewidth": 1.0,
                "linestyle": (0, (2, 1))}
    return {"facecolor": COLOURS[status], "edgecolor": "none", "linewidth": 0}


def _ordinal(day: dt.date) -> float:
    return float(day.toordinal())


def _plot(axes: Axes, layout: ChartLayout, rows_h: list[float], figure: Figure,
          place: Placer) -> None:
    """The bars, diamonds, names and dates; y runs down, in inches from the plot's top."""
    from matplotlib.transforms import blended_transform_factory

    pt = layout.font_pt
    lo, hi = _ordinal(layout.axis_first), _ordinal(layout.axis_last) + 1
    total = max(sum(rows_h), pt * LINE * 2 / 72)
    axes.set_xlim(lo, hi)
    axes.set_ylim(total, 0)
    axes.set_facecolor("white")
    for side in ("left", "right", "bottom"):
        axes.spines[side].set_visible(False)
    axes.spines["top"].set_color("#9a9a9a")
    axes.tick_params(axis="y", left=False, labelleft=False)
    axes.xaxis.tick_top()
    axes.set_xticks([_ordinal(d) for d, _ in layout.months],
                    [label for _, label in layout.months])
    axes.tick_params(axis="x", labelsize=pt * DATES_SCALE, colors=MUTED, length=3, pad=2)
    for day, _ in layout.months:
        axes.axvline(_ordinal(day), color=RULE_LINE, linewidth=0.7, zorder=0)
    names = blended_transform_factory(figure.transFigure, axes.transData)
    days_per_in = (hi - lo) / plot_inches(layout.width_px, layout.label_share)
    bar_h = pt * 1.0 / 72
    top = 0.0
    for row, height in zip(layout.rows, rows_h, strict=True):
        below = BELOW * DATES_SCALE * LINE * pt / 72 if row.dates_at == "below" else 0.0
        middle = top + (height - below) / 2
        axes.axhline(top + height, color=RULE_LINE, linewidth=0.5, zorder=0)
        name_top = top + height / 2 - (len(row.name_lines) - 1) * NAME_LINE * pt / 72 / 2
        for number, text in enumerate(row.name_lines):  # one by one: evenly spaced lines
            figure.text(place(MARGIN_IN, 0)[0], name_top + number * NAME_LINE * pt / 72, text,
                        transform=names, fontsize=pt, color=INK, va="center_baseline",
                        fontweight="bold" if row.bold else "normal")
        start, end = _ordinal(row.first), _ordinal(row.last) + 1
        if row.point:
            axes.plot([start + 0.5], [middle], marker="D", markersize=pt * 0.95,
                      color=COLOURS[row.status], markeredgecolor=INK, markeredgewidth=0.6,
                      linestyle="none", zorder=3, clip_on=False)
            half = pt * 0.5 / 72 * days_per_in  # the diamond's half width, in days
            start, end = start + 0.5 - half, start + 0.5 + half
        else:
            end = max(end, start + 0.04 * days_per_in)  # never thinner than a stroke
            axes.barh(middle, end - start, left=start, height=bar_h, zorder=2,
                      **_bar_style(row.status))
            for cut, edge, marker in ((row.runs_before, lo, "<"), (row.runs_after, hi, ">")):
                if cut:
                    axes.plot([edge], [middle], marker=marker, markersize=pt * 0.75,
                              color=COLOURS[row.status], linestyle="none", zorder=3,
                              clip_on=False)
        under = middle + bar_h / 2 + below / 2
        _dates(axes, row, (start, end, middle, under), (lo, hi), days_per_in, pt)
        top += height


def _dates(axes: Axes, row: Row, where: tuple[float, float, float, float],
           limits: tuple[float, float], days_per_in: float, pt: float) -> None:
    """After the bar, before it, or under it where neither side has room (chart_layout)."""
    start, end, middle, under = where
    lo, hi = limits
    gap = 0.1 * days_per_in
    size = pt * DATES_SCALE
    style: dict[str, Any] = {"fontsize": size, "color": MUTED, "va": "center", "zorder": 6,
                             "bbox": {"facecolor": "white", "edgecolor": "none", "pad": 0.6}}
    if row.dates_at == "after":
        axes.text(end + gap, middle, row.dates, ha="left", **style)
    elif row.dates_at == "before":
        axes.text(start - gap, middle, row.dates, ha="right", **style)
    else:
        text_days = text_inches(row.dates, size) * days_per_in
        left = max(lo, min(start, hi - text_days))
        axes.text(left, under, row.dates, ha="left", **style)


def _now_marker(axes: Axes, layout: ChartLayout) -> None:
    """A line through the plot at the moment, its label under the plot's foot."""
    assert layout.now is not None
    pt = layout.font_pt
    day = layout.now.date()
    moment = _ordinal(day) + (layout.now - dt.datetime.combine(day, dt.time())
                              ).total_seconds() / 86400
    lo, hi = axes.get_xlim()
    axes.axvline(moment, color=NOW_LINE, linewidth=1.1, zorder=5)
    leftish = (moment - lo) / (hi - lo) < 0.6
    axes.annotate(f"▲ {layout.now_label}" if leftish else f"{layout.now_label} ▲",
                  xy=(moment, 0.0), xycoords=("data", "axes fraction"),
                  # the "▲" sits under the line: the text moves by half the glyph
                  xytext=(-pt * 0.45 if leftish else pt * 0.45, -pt * 0.95),
                  textcoords="offset points", ha="left" if leftish else "right",
                  va="center", fontsize=pt * 0.9, fontweight="bold", color=NOW_LINE,
                  annotation_clip=False)


def _waiting(figure: Figure, layout: ChartLayout, top: float, line_in: float,
             place: Placer) -> float:
    """The stages with no date yet, in a tinted box under the plot."""
    from matplotlib.patches import FancyBboxPatch

    pt = layout.font_pt
    width_in = layout.width_px / DPI
    box_top = top + 0.3 * line_in
    box_h = (len(layout.waiting) + WAITING_EXTRA) * 0.95 * line_in
    figure.add_artist(FancyBboxPatch(
        place(MARGIN_IN, box_top + box_h), *place.size(width_in - 2 * MARGIN_IN, box_h),
        boxstyle="round,pad=0,rounding_size=0.005", facecolor="#fdf1d6",
        edgecolor=COLOURS[Status.PENDING], linewidth=0.8))
    line_top = box_top + 1.3 * line_in
    figure.text(*place(MARGIN_IN + 0.12, line_top), layout.waiting_title,
                fontsize=pt * 0.95, fontweight="bold", color=INK, va="baseline")
    for text in layout.waiting:
        line_top += 0.95 * line_in
        figure.text(*place(MARGIN_IN + 0.12, line_top), text, fontsize=pt * 0.9, color=INK,
                    va="baseline")
    return box_top + box_h
