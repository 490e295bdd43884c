"""The public web page of `export html`: what is on, the countdown, the chart and the schedule.

Everything is worked out here, at build time, for one moment; the templates only lay it out
(Jinja2 with autoescaping, so no stage text can become markup), and the page's small script
only moves the clock on where JavaScript runs. Nothing in the page is fetched from the
network: the styles and the script are written into it. The same schedule, options and moment
give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pemilu_timeline.countdown import Countdown, countdown_to
from pemilu_timeline.i18n import format as fmt
from pemilu_timeline.i18n.lexicon import MONTHS_SHORT, ZONE_LABELS
from pemilu_timeline.i18n.messages import check_language, t
from pemilu_timeline.model import Schedule, Stage, State, Status
from pemilu_timeline.timing import as_day
from pemilu_timeline.views.text import dates_text, moment_text

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

# The three clocks of Indonesia, west to east: the countdown is given on each.
ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")
PAGE_FILE = "index.html"
EMBED_FILE = "embed.html"
# The data files published beside the page, by format.
DATA_FILES = {"ical": "pemilu.ics", "json": "pemilu.json", "csv": "pemilu.csv"}
EPOCH = dt.date(1970, 1, 1)
# The widget's height in the snippet, in px: its content fits in it on a phone.
EMBED_HEIGHT = 360
# At most this many month ticks on a chart's axis; wider spans step by quarters or years.
MAX_TICKS = 8


@dataclass(frozen=True)
class PageLinks:
    """Where the page's files are: beside it, or under ``base_url`` when one is given."""

    base_url: str | None = None  # absolute, ending in "/"
    embed: bool = False

    def href(self, name: str) -> str:
        return (self.base_url or "") + name

    @property
    def webcal(self) -> str | None:
        """The calendar's address for a one-click subscription (webcal: is http(s) with
        the scheme renamed); only known when the page knows where it lives."""
        if self.base_url is None:
            return None
        return "webcal:" + self.href(DATA_FILES["ical"]).split(":", 1)[1]


def base_url_or_none(text: str | None) -> str | None:
    """``--base-url`` as an absolute http(s) address ending in "/", or None when it is not
    one (the caller says so)."""
    if text is None:
        return None
    text = text.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query \
            or parts.fragment or any(ch.isspace() or ch in "\"'<>\\`" or ord(ch) < 32
                                     for ch in text):
        return None
    return text if text.endswith("/") else text + "/"


@dataclass(frozen=True)
class ZoneCountdown:
    label: str  # WIB
    name: str  # Asia/Jakarta
    offset_minutes: int  # Indonesia keeps no summer time: one offset all year
    countdown: Countdown
    target_day: int  # the day counted to, as days since 1970-01-01 (for the script)


def iframe_snippet(links: PageLinks, lang: str) -> str:
    """The HTML a newsroom pastes into an article to show the widget."""
    from markupsafe import escape

    title = escape(t("page.embed_title", lang))
    src = escape(links.href(EMBED_FILE))
    return (f'<iframe src="{src}" title="{title}" width="100%" height="{EMBED_HEIGHT}" '
            f'style="border:0;max-width:40rem" loading="lazy"></iframe>')


@cache
def _asset(name: str) -> Markup:
    """The page's style sheet or script, written into it as it is (our own file, not a
    template: nothing in it is filled in)."""
    from importlib.resources import files

    from markupsafe import Markup

    return Markup(files("pemilu_timeline").joinpath("views", "templates", name)
                  .read_text(encoding="utf-8").rstrip("\n"))


@cache
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(loader=PackageLoader("pemilu_timeline", "views/templates"),
                       autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                       lstrip_blocks=True, keep_trailing_newline=True)


def _page_context(schedule: Schedule, stages: Sequence[Stage], at: dt.datetime, lang: str,
                  links: PageLinks) -> dict[str, Any]:
    from pemilu_timeline import __version__

    lang = check_language(lang)
    shown = Schedule(schedule.elections, tuple(stages), schedule.path, schedule.regions)
    overview = shown.overview(at)
    target = shown.next_to_start(at, milestones_only=True)
    if target is None and overview.active:  # nothing to start: count to the end of what is on
        target = next((s for s in overview.active if s.is_milestone_or_deadline), None)
    words = _Words(lang)
    elections = [schedule.elections[e] for e in _news_order(stages, at)]
    return {
        "lang": lang,
        "w": words,
        "version": __version__,
        "at_iso": at.isoformat(timespec="seconds"),
        "at_text": moment_text(at, lang),
        "active": [_stage_line(shown, s, lang) for s in overview.active],
        "last_ended": _stage_line(shown, overview.last_ended, lang)
        if overview.last_ended and not overview.active else None,
        "cancelled": [_stage_line(shown, s, lang) for s in overview.cancelled],
        "pending": [_stage_line(shown, s, lang) for s in overview.pending],
        "countdown": _countdown(target, at, lang) if target is not None else None,
        "charts": [chart for e in elections
                   if (chart := _chart([s for s in stages if s.election == e.id],
                                       e.display_name(lang), at, lang))],
        "tables": [_table(shown, [s for s in stages if s.election == e.id],
                          e.display_name(lang), e.source, at, lang) for e in elections],
        "count": len(stages),
        "sources": list(dict.fromkeys(e.source for e in elections if e.source)),
        "links": links,
        "files": {kind: links.href(name) for kind, name in DATA_FILES.items()},
        "page_href": links.href(PAGE_FILE),
        "snippet": iframe_snippet(links, lang) if links.embed else None,
        "script_words": _script_words(lang),
        "style": _asset("page.css"),
        "script": _asset("live.js"),
    }


def _news_order(stages: Sequence[Stage], at: dt.datetime) -> list[str]:
    """The elections of ``stages``, those still to come first (the one whose next stage is
    closest first, then those still waiting for dates), then the finished ones, newest first."""
    coming: dict[str, tuple[int, float]] = {}
    finished: dict[str, float] = {}
    for stage in stages:
        phase = stage.phase_at(at)
        if phase is Status.PAST:
            _lo, hi, local = stage.local_bounds(at)
            finished[stage.election] = min(finished.get(stage.election, float("inf")),
                                           (local - hi).total_seconds())
            continue
        if phase is Status.CANCELLED:  # news of its own only while its dates last
            finished.setdefault(stage.election, float("inf"))
            continue
        if phase is Status.PENDING:
            rank = (1, 0.0)
        else:
            lo, _hi, local = stage.local_bounds(at)
            rank = (0, max(0.0, (lo - local).total_seconds()))
        coming[stage.election] = min(coming.get(stage.election, rank), rank)
    return [*sorted(coming, key=coming.__getitem__),
            *sorted((e for e in finished if e not in coming), key=finished.__getitem__)]


class _Words:
    """The page's words in one language: ``w.title`` in a template is t("page.title")."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getattr__(self, name: str) -> str:
        return t(f"page.{name}", self.lang)

    def status(self, code: str) -> str:
        return t(f"status.{code}", self.lang)

    def col(self, name: str) -> str:
        """A column's heading, as the terminal's tables word it."""
        return t(f"col.{name}", self.lang)


def _stage_line(schedule: Schedule, stage: Stage, lang: str) -> dict[str, Any]:
    return {"name": stage.display_name(lang), "key": stage.key,
            "dates": dates_text(stage, lang, schedule=schedule),
            "reason": stage.reason_in(lang), "milestone": stage.milestone}


def _countdown(stage: Stage, at: dt.datetime, lang: str) -> dict[str, Any]:
    viewer = countdown_to(stage, at)
    zones = []
    for name in ZONES:  # the viewer's target on each clock, though it has passed on some
        zone = ZoneInfo(name)
        local = at.astimezone(zone)
        offset = local.utcoffset()
        assert offset is not None
        cd = countdown_to(stage, local, toward="end" if viewer.target == "end" else "start")
        zones.append(ZoneCountdown(ZONE_LABELS[name], name, int(offset.total_seconds() // 60),
                                   cd, (local.date() - EPOCH).days + cd.days))
    heading = {"start": "label.until_start", "end": "label.until_end",
               "deadline": "label.until_deadline"}[viewer.target]
    return {"name": stage.display_name(lang), "key": stage.key, "heading": t(heading, lang),
            "when": dates_text(stage, lang), "span": fmt.format_span(
                viewer.span_parts(), lang, future=viewer.is_future),
            "zones": [{"label": z.label, "name": z.name, "offset": z.offset_minutes,
                       "h": z.countdown.label, "clock": clock_text(z.countdown, lang),
                       "target": z.countdown.target_at.astimezone(dt.UTC).isoformat(
                           timespec="seconds").replace("+00:00", "Z"),
                       "day": z.target_day} for z in zones]}


def clock_text(cd: Countdown, lang: str) -> str:
    """'41 hari 0 jam 10 menit': to the minute, as the page's script writes it each minute."""
    clock = cd.clock_parts() if cd.is_future else {"days": 0, "hours": 0, "minutes": 0}
    return " ".join(fmt.unit(name, clock[name + "s"], lang) for name in ("day", "hour", "minute"))


def _script_words(lang: str) -> dict[str, str]:
    """What the script writes, in the page's language: the units, the statuses and the
    filters' count."""
    words = {name: t(f"unit.{name}", lang) for name in
             ("day", "days", "hour", "hours", "minute", "minutes")}
    return {**words, "shown_of": t("page.shown_of", lang),
            **{f"status_{s.value}": t(f"status.{s.value}", lang)
               for s in (Status.PAST, Status.ACTIVE, Status.UPCOMING)}}


def _bounds_ms(stage: Stage, at: dt.datetime) -> tuple[int, int] | None:
    """The stage's start and end as the instants (ms since 1970) its phase turns at: what
    the script compares the reader's clock with."""
    if stage.start is None or stage.end is None or stage.state is State.CANCELLED:
        return None
    lo, hi, local = stage.local_bounds(at)
    base = at.timestamp() * 1000
    return (round(base + (lo - local).total_seconds() * 1000),
            round(base + (hi - local).total_seconds() * 1000))


def _status(stage: Stage, at: dt.datetime) -> str:
    return stage.phase_at(at).value


def _table(schedule: Schedule, stages: Sequence[Stage], title: str, source: str | None,
           at: dt.datetime, lang: str) -> dict[str, Any]:
    rows = []
    for stage in stages:
        bounds = _bounds_ms(stage, at)
        rows.append({
            "name": stage.display_name(lang), "key": stage.key,
            "dates": dates_text(stage, lang, schedule=schedule),
            "status": _status(stage, at),
            "tentative": stage.state is State.TENTATIVE,
            "milestone": stage.milestone,
            "source": stage.source, "url": safe_url(stage.url),
            "reason": stage.reason_in(lang) if stage.state is State.CANCELLED else None,
            "start_ms": bounds[0] if bounds else None, "end_ms": bounds[1] if bounds else None,
        })
    return {"title": title, "source": source, "rows": rows,
            "id": "jadwal-" + (stages[0].election if stages else "kosong")}


def safe_url(url: str | None) -> str | None:
    """A source's link only when it is a plain web address: a ``javascript:`` or ``data:``
    address in a schedule file must never become a link a reader clicks."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    if any(ch.isspace() or ord(ch) < 32 for ch in url.strip()):
        return None
    return url.strip()


def _chart(stages: Sequence[Stage], title: str, at: dt.datetime,
           lang: str) -> dict[str, Any] | None:
    """One election's bars across the days its stages span (not cropped to --from/--to), in
    percent."""
    zone = at.tzinfo
    assert zone is not None
    dated = [s for s in stages if s.start is not None and s.end is not None]
    if not dated:
        return None
    first_day = min(as_day(s.start) for s in dated if s.start is not None)
    last_day = max(as_day(s.end) for s in dated if s.end is not None) + dt.timedelta(days=1)
    span = max(1, (last_day - first_day).days)

    def place(day: dt.date) -> float:
        return round(100 * min(max((day - first_day).days, 0), span) / span, 3)

    rows = []
    for stage in dated:
        assert stage.start is not None and stage.end is not None
        start, end = as_day(stage.start), as_day(stage.end) + dt.timedelta(days=1)
        left = place(start)
        rows.append({"name": stage.display_name(lang), "key": stage.key,
                     "dates": dates_text(stage, lang, short=True),
                     "status": _status(stage, at), "milestone": stage.is_milestone_or_deadline
                     and start + dt.timedelta(days=1) >= end,
                     "left": left, "width": round(max(place(end) - left, 0.4), 3)})
    today = at.date()
    now = place(today) if first_day <= today < last_day else None
    return {"title": title, "rows": rows, "ticks": _ticks(first_day, last_day, place, lang),
            "now": now, "now_text": fmt.format_date(today, lang),
            "range": fmt.format_range(first_day, last_day - dt.timedelta(days=1), lang)}


def _ticks(first: dt.date, last: dt.date, place: Any, lang: str) -> list[dict[str, Any]]:
    """Month starts on the axis, a month, a quarter, half a year or a year apart."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = next((s for s in (1, 3, 6, 12, 24, 60) if months / s <= MAX_TICKS), 120)
    names = MONTHS_SHORT[check_language(lang)]
    ticks = []
    index = first.year * 12 + first.month - 1
    index += -index % step
    shown_year: int | None = None
    while True:
        year, month = divmod(index, 12)
        day = dt.date(year, month + 1, 1)
        if day >= last:
            break
        if day >= first:
            label = names[month] if step < 12 else ""
            if year != shown_year:
                label = f"{label} {year}".strip()
                shown_year = year
            ticks.append({"left": place(day), "label": label})
        index += step
    return ticks


def rendered_files(schedule: Schedule, stages: Sequence[Stage], at: dt.datetime, lang: str,
                   links: PageLinks) -> Iterable[tuple[str, bytes]]:
    """The page and, with ``links.embed``, the widget, by file name; both are laid out from
    one context, worked out once (the data files beside them are written by the caller)."""
    context = _page_context(schedule, stages, at, lang, links)
    pages = [(PAGE_FILE, "page.html"), *([(EMBED_FILE, "embed.html")] if links.embed else [])]
    for name, template in pages:
        yield name, _environment().get_template(template).render(context).encode("utf-8")
