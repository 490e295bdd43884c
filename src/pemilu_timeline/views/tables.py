"""Rich renderings for people: the tables and readouts of the read commands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from pemilu_timeline.countdown import Countdown, countdown_to, span_parts
from pemilu_timeline.i18n import format as i18n
from pemilu_timeline.i18n.messages import t
from pemilu_timeline.model import Overview, Rule, Schedule, Stage, State, Status
from pemilu_timeline.timing import as_day, zone_label
from pemilu_timeline.views.layout import (
    Block,
    ByWidth,
    Cell,
    Column,
    Unbroken,
    fitted_table,
    key_text,
    key_width,
    stacked,
)
from pemilu_timeline.views.text import (
    dates_text,
    moment_text,
    reckoning_rows,
    rule_text,
    zone_label_for,
)

if TYPE_CHECKING:  # the rules' calendar is loaded only where a rule is explained
    from pemilu_timeline.rules.calendar import Reckoning
    from pemilu_timeline.rules.workdays import Holiday

STATUS_STYLE = {
    Status.PAST: "dim",
    Status.ACTIVE: "bold green",
    Status.UPCOMING: "cyan",
    Status.PENDING: "yellow",
    Status.CANCELLED: "strike dim red",
}


def status_text(stage: Stage, at: dt.datetime, lang: str) -> Text:
    status = stage.phase_at(at)
    label = t(f"status.{status.value}", lang)
    if stage.state is State.TENTATIVE and status is not Status.CANCELLED:
        label += f" ({t('status.tentative', lang)})"
    return Text(label, style=STATUS_STYLE[status])


def stage_name(stage: Stage, lang: str, *, with_key: bool = True,
               tentative: bool = False) -> Text:
    """The name (bold for a milestone, struck through when cancelled), with its key; where
    no status column says so, ``tentative`` marks a stage that may not take place."""
    text = Text(stage.display_name(lang), style="bold" if stage.milestone else "")
    if tentative and stage.state is State.TENTATIVE:
        text.append(f" ({t('status.tentative', lang)})", style="yellow")
    if stage.state is State.CANCELLED:
        text.stylize("strike")
    if with_key:
        text.append(f"\n{stage.key}", style="dim")
    text.overflow = "fold"
    return text


def time_left(at: dt.datetime, until: dt.datetime, lang: str) -> str:
    return i18n.format_span(span_parts(at, until), lang, future=until > at)


def now_view(schedule: Schedule, at: dt.datetime, overview: Overview,
             lang: str, *, every_copy: bool = False) -> RenderableType:
    """What is on, what comes next, what waits. The copies of one stage held in many
    regions at once are one row with their count, unless ``every_copy``."""
    parts: list[RenderableType] = []
    active, upcoming, last = overview.active, overview.next, overview.last_ended
    if active:
        groups = [[stage] for stage in active] if every_copy else alike(active)
        parts.append(_active_view(groups, at, lang))
        if len(groups) < len(active):
            parts.append(Text(t("label.copies_hint", lang), style="dim"))
    else:
        parts.append(Text(t("label.none_active", lang, at=moment_text(at, lang))))
        if last is not None:
            parts.append(Unbroken(_one_line(t("label.last_ended", lang), last, at, lang,
                                        ended=True)))
    for stage in overview.cancelled:
        text = Text(f"{t('label.called_off', lang)}: ", style="bold")
        text.append(stage.display_name(lang), style="strike")
        text.append(f" ({stage.key}) — {dates_text(stage, lang)}")
        reason = stage.reason_in(lang)
        if reason:
            text.append(f". {reason}", style="dim")
        parts.append(Unbroken(text))
    if upcoming is not None:
        parts.append(Unbroken(_one_line(t("label.next", lang), upcoming, at, lang)))
    else:
        parts.append(Text(t("label.no_next", lang), style="dim"))
        if not active:
            parts.append(_coverage(schedule, lang))
    if overview.pending:
        parts.append(Text(t("title.pending", lang, count=len(overview.pending)) + ":",
                          style="bold"))
        parts.extend(_pending_by_election(schedule, overview.pending, lang))
    return Group(*parts)


# A stage longer than this is the background of the news more than the news: `now` lists
# it after the others, under a heading of its own, unless it is a milestone or a deadline.
LONG_RUNNING = dt.timedelta(days=60)


def is_long_running(stage: Stage, zone: dt.tzinfo) -> bool:
    if stage.is_milestone_or_deadline:
        return False
    start, end = stage.window(zone)
    return end - start > LONG_RUNNING


def alike(stages: Sequence[Stage]) -> list[list[Stage]]:
    """The stages in groups of copies of one stage (held in several regions, say): the same
    election, names, dates, clock and state; in the order of each group's first."""
    groups: dict[tuple[object, ...], list[Stage]] = {}
    for stage in stages:
        groups.setdefault((stage.election, stage.name, stage.name_en, stage.start, stage.end,
                           stage.clock_zone, stage.state, stage.milestone), []).append(stage)
    return list(groups.values())


def _active_view(groups: Sequence[Sequence[Stage]], at: dt.datetime, lang: str
                 ) -> RenderableType:
    """The stages on, in the order given (the news first), the long-running ones apart; a
    group of copies on one row, with their count."""
    zone = at.tzinfo
    assert zone is not None
    title = t("title.now", lang, at=moment_text(at, lang))
    lead = [g for g in groups if not is_long_running(g[0], zone)]
    long = [g for g in groups if is_long_running(g[0], zone)]
    heading = Text(t("title.long_running", lang), style="bold") if lead and long else None
    facts = {}
    for group in groups:
        stage = group[0]
        day, total = stage.day_of(at)
        facts[stage.key] = (dates_text(stage, lang, short=True),
                            t("label.day_of", lang, day=day, total=total),
                            f"{stage.progress_at(at) * 100:.0f}%",
                            time_left(at, stage.window(zone)[1], lang))

    def key_line(group: Sequence[Stage]) -> str:  # the first copy's key, and how many more
        return group[0].key if len(group) == 1 else f"{group[0].key} +{len(group) - 1}"

    def name(group: Sequence[Stage], *, with_key: bool = True) -> Text:
        text = stage_name(group[0], lang, with_key=False, tentative=True)
        if len(group) > 1:
            text.append(f" ({t('label.copies', lang, count=len(group))})")
        if with_key:
            text.append(f"\n{key_line(group)}", style="dim")
        return text

    def table(width: int) -> Table | None:
        keys = max(cell_len(key_line(group)) for group in groups)
        columns = [Column(t("col.stage", lang), max(20, keys), ratio=3),
                   Column(t("col.dates", lang), 11, ratio=2),
                   Column(t("col.progress", lang), 10),
                   Column(t("col.left", lang), 10, ratio=2)]

        def row(group: Sequence[Stage]) -> list[Cell]:
            dates, day_of, percent, left = facts[group[0].key]
            return [name(group), dates, f"{day_of}\n{percent}", left]

        rows = [row(s) for s in lead]
        if heading is not None:
            rows.append([heading, "", "", ""])
        rows.extend(row(s) for s in long)
        sections = [len(lead) - 1] if heading is not None else []
        return fitted_table(title, columns, rows, width, sections=sections)

    def blocks() -> RenderableType:
        def block(group: Sequence[Stage]) -> Block:
            dates, day_of, percent, left = facts[group[0].key]
            rows: list[tuple[str, Cell]] = [
                (t("col.dates", lang), dates),
                (t("col.progress", lang), f"{day_of}, {percent}"),
                (t("col.left", lang), left)]
            return Block([name(group, with_key=False), key_text(key_line(group))], rows)

        items: list[Block | Text] = [block(s) for s in lead]
        if heading is not None:
            items.append(heading)
        items.extend(block(s) for s in long)
        return Group(stacked(Text(title, style="italic"), items), Text())

    return ByWidth(table, blocks)


def stage_block(stage: Stage, lang: str, rows: Sequence[tuple[str, Cell]],
                *, tentative: bool = False) -> Block:
    """A stage stacked: its name, its key on a line of its own, then label and value."""
    return Block([stage_name(stage, lang, with_key=False, tentative=tentative),
                  key_text(stage.key)], rows)


# `now` names this many pending stages of each election; `list --status pending` has them all.
PENDING_SHOWN = 3


def _pending_by_election(schedule: Schedule, pending: Sequence[Stage],
                         lang: str) -> list[Text]:
    """One line per election: how many of its stages wait, and the first few with what they
    wait for, so a skeleton of a coming election does not bury the rest."""
    by_election: dict[str, list[Stage]] = {}
    # What the others wait for first: the stages that no rule dates.
    for stage in sorted(pending, key=lambda s: s.after is not None):
        by_election.setdefault(stage.election, []).append(stage)
    lines = []
    for election_id, stages in by_election.items():
        election = schedule.elections.get(election_id)
        name = election.display_name(lang) if election else election_id
        text = Text(f"  {name} ({len(stages)}): ", style="bold")
        groups = alike(stages)[:PENDING_SHOWN]
        text.append("; ".join(
            f"{g[0].display_name(lang)}"
            + (f" ({t('label.copies', lang, count=len(g))})" if len(g) > 1 else "")
            + f" — {dates_text(g[0], lang, schedule=schedule)}" for g in groups))
        shown = sum(map(len, groups))
        if len(stages) > shown:
            text.append("; " + t("label.and_more", lang, n=len(stages) - shown))
        lines.append(text)
    return lines


def _coverage(schedule: Schedule, lang: str) -> Text:
    """When nothing is on and nothing comes: what the data covers, and how to look at
    another moment."""
    dated = [s for s in schedule if s.start is not None and s.end is not None]
    if not dated:
        return Text(t("label.covers_nothing", lang), style="dim")
    first = min(dated, key=lambda s: s.sort_key())
    last = max(dated, key=lambda s: (s._hi, s.key))
    assert first.start is not None and last.end is not None
    return Text(t("label.covers", lang,
                  dates=i18n.format_range(first.start, last.end, lang),
                  at=as_day(first.start).isoformat()), style="dim")


def _one_line(heading: str, stage: Stage, at: dt.datetime, lang: str,
              *, ended: bool = False) -> Text:
    start, end = stage.window(at.tzinfo)  # type: ignore[arg-type]
    text = Text(f"{heading}: ", style="bold")
    text.append(stage_name(stage, lang, with_key=False, tentative=True))
    text.append(f" ({stage.key}) — {dates_text(stage, lang)}, ")
    if ended:
        key = "label.deadline_passed" if stage.is_deadline else "label.ended"
        text.append(t(key, lang, span=time_left(at, end, lang)))
    else:
        cd = countdown_to(stage, at)
        key, moment = ("label.deadline_in", end) if stage.is_deadline \
            else ("label.starts_in", start)
        text.append(f"{cd.label}, " + t(key, lang, span=time_left(at, moment, lang)))
    return text


def list_view(stages: Sequence[Stage], at: dt.datetime, lang: str,
              schedule: Schedule | None = None) -> RenderableType:
    """Dated stages by start; stages still waiting for their anchor are listed apart."""
    if not stages:
        return Text(t("label.no_stages", lang))
    dated = [s for s in stages if s.is_dated]
    pending = [s for s in stages if not s.is_dated]
    groups = [(t("title.list", lang, count=len(dated)), dated, None),
              (t("title.pending", lang, count=len(pending)), pending, schedule)]
    groups = [group for group in groups if group[1]]
    # One stage column for both tables, as wide as the longest key of either.
    least = max(20, key_width(stages))

    def tables(width: int) -> RenderableType | None:
        made = []
        for title, chosen, anchors in groups:
            table = _stage_table(title, chosen, at, lang, least, width, anchors)
            if table is None:
                return None
            made.append(table)
        return Group(*made)

    def blocks() -> RenderableType:
        items: list[Block | Text] = []
        for title, chosen, anchors in groups:
            items.append(Text(title, style="italic"))
            for stage in chosen:
                rows: list[tuple[str, Cell]] = [
                    (t("col.dates", lang), dates_text(stage, lang, short=True, schedule=anchors)),
                    (t("col.status", lang), status_text(stage, at, lang))]
                if stage.tags:
                    rows.append((t("col.tags", lang), ", ".join(stage.tags)))
                items.append(stage_block(stage, lang, rows))
        return stacked(None, items)

    return ByWidth(tables, blocks)


def _stage_table(title: str, stages: Sequence[Stage], at: dt.datetime, lang: str,
                 least: int, width: int, schedule: Schedule | None = None) -> Table | None:
    # 13: "14 Jun 2022 –" over "14 Des 2023", a range that spans years on two lines.
    columns = [Column(t("col.dates", lang), 13, ratio=2),
               Column(t("col.stage", lang), least, ratio=4),
               Column(t("col.status", lang), 11),
               Column(t("col.tags", lang), 8, ratio=1, style="dim", overflow="ellipsis")]
    rows: list[list[Cell]] = [
        [dates_text(stage, lang, short=True, schedule=schedule), stage_name(stage, lang),
         status_text(stage, at, lang), ", ".join(stage.tags)] for stage in stages]
    return fitted_table(title, columns, rows, width)


# `show` keeps its two columns while the values get this many, and the key whole.
SHOW_VALUE_LEAST = 24


def show_view(schedule: Schedule, stage: Stage, at: dt.datetime, lang: str) -> RenderableType:
    election = schedule.elections.get(stage.election)
    name = stage_name(stage, lang, with_key=False)
    # The name in the other language, unless the stage is untranslated (it would be empty
    # in Indonesian and the same name twice in English).
    others = [Text(stage.name if lang == "en" else stage.name_en, style="italic dim")] \
        if stage.name_en else []
    rows: list[tuple[str, Cell]] = []
    add = rows.append
    add((t("col.election", lang), election.display_name(lang) if election else stage.election))
    place = schedule.region_label(stage.region) if stage.region else None
    if place is not None:
        add((t("col.region", lang), f"{place} ({stage.region})"))
    add((t("col.dates", lang), dates_text(stage, lang, schedule=schedule)))
    status = stage.phase_at(at)
    add((t("col.status", lang), status_text(stage, at, lang)))
    if stage.is_dated and stage.state is not State.CANCELLED:
        start = stage.window(at.tzinfo)[0]  # type: ignore[arg-type]
        if stage.clock_zone:
            add((t("col.zone", lang), f"{stage.clock_zone} → {i18n.format_time(start)} "
                                      f"{zone_label(at.tzinfo)}"))  # type: ignore[arg-type]
        day, total = stage.day_of(at) if status is Status.ACTIVE else (0, stage.day_of(start)[1])
        length = _duration_text(stage, total, lang)
        if length:
            add((t("col.duration", lang), length))
        if status is Status.ACTIVE:
            add((t("col.progress", lang), f"{t('label.day_of', lang, day=day, total=total)}, "
                                          f"{stage.progress_at(at) * 100:.0f}%"))
        add((t("col.countdown", lang), countdown_line(countdown_to(stage, at), lang)))
    if stage.after is not None:
        add((t("col.rule", lang), rule_text(schedule, stage, lang)))
        from pemilu_timeline.rules.resolve import explain

        reckoning = explain(schedule, stage)
        if reckoning is not None:
            rows.extend(reckoning_rows(stage.after, reckoning, lang, zone=_zone_name(stage)))
    condition = stage.condition_in(lang)
    if condition:
        add((t("col.condition", lang), condition))
    if stage.state is not State.CONFIRMED:
        state = t(f"status.{stage.state.value}", lang)
        reason = stage.reason_in(lang)
        add((t("col.state", lang), f"{state}: {reason}" if reason else state))
    if stage.tags:
        add((t("col.tags", lang), ", ".join(stage.tags)))
    add((t("col.source", lang), stage.source))
    if stage.url:
        add((t("col.url", lang), stage.url))
    note = stage.note_in(lang)
    if note:
        add((t("col.note", lang), note))
    add((t("col.revision", lang), str(stage.revision) + (
        f" ({stage.updated.isoformat().replace('+00:00', 'Z')})" if stage.updated else "")))
    head: list[tuple[str, Cell]] = [(t("col.stage", lang), name),
                                    *(("", other) for other in others),
                                    (t("col.id", lang), Text(stage.key))]

    def table(width: int) -> RenderableType | None:
        labels = max(cell_len(label) for label, _ in [*head, *rows])
        if width - labels - 4 < max(SHOW_VALUE_LEAST, cell_len(stage.key)):
            return None
        return _readout([*head, *rows])

    return ByWidth(table, lambda: stacked(None, [Block([name, *others, key_text(stage.key)],
                                                       rows, labels_above=True)]))


def _readout(rows: Sequence[tuple[str, RenderableType]]) -> Table:
    """Label and value, side by side (what `show` and `hitung` print)."""
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold")
    table.add_column()
    for label, value in rows:
        table.add_row(label, value)
    return table


def _zone_name(stage: Stage) -> str | None:
    return zone_label_for(stage.clock_zone) if stage.clock_zone else None


def reckoning_view(rule: Rule, words: str, reckoning: Reckoning, lang: str,
                   zone: str | None = None) -> RenderableType:
    """`hitung`: the rule in the law's words, then how its date was reached."""
    return _readout([(t("col.rule", lang), words),
                     *reckoning_rows(rule, reckoning, lang, zone=zone)])


def holidays_view(year: int, days: Sequence[Holiday], lang: str, *, settled: bool,
                  source: str) -> RenderableType:
    """`libur`: the days a working-day count skips in a year, with kind and source; the
    decrees behind the year's days are named once, under the table."""
    title = t("title.holidays", lang, year=year, count=len(days))
    rows: list[list[Cell]] = []
    for day in days:
        name = day.display_name(lang)
        if day.estimated:
            name += f" ({t('label.estimated', lang)})"
        kind = t(f"holiday.{day.kind.value}", lang)
        if day.region:
            name += f" ({day.region})"
        own = day.source if day.source != source else "↓"
        rows.append([i18n.format_date(day.date, lang, weekday=True), name, kind, own])
    columns = [Column(t("col.dates", lang), 12),
               Column(t("col.holiday", lang), 12, ratio=3),
               Column(t("col.kind", lang), 10),
               Column(t("col.source", lang), 4, ratio=2, style="dim")]
    labels = [column.header for column in columns[1:]]

    def blocks() -> RenderableType:
        return stacked(Text(title, style="italic"),
                       [Block([Text(str(date), style="bold")], list(zip(labels, rest,
                                                                        strict=True)))
                        for date, *rest in rows])

    lines: list[RenderableType] = [
        ByWidth(lambda width: fitted_table(title, columns, rows, width), blocks),
        Text(f"↓ {t('col.source', lang)}: {source}", style="dim")]
    if not settled:
        lines.append(Text(t("label.leave_not_decreed", lang, year=year), style="yellow"))
    return Group(*lines)


def elections_view(schedule: Schedule, counts: dict[str, int], lang: str) -> RenderableType:
    """`election list`: each election with its zone, stage count and source."""
    title = t("title.elections", lang, count=len(schedule.elections))
    elections = list(schedule.elections.values())
    rows: list[list[Cell]] = [[e.id, e.display_name(lang), e.timezone,
                               str(counts.get(e.id, 0)), e.source] for e in elections]
    columns = [Column(t("col.id", lang), max((cell_len(e.id) for e in elections), default=0)),
               Column(t("col.election", lang), 12, ratio=2),
               Column(t("col.zone", lang), max((cell_len(e.timezone) for e in elections),
                                               default=0)),
               Column(t("col.stages", lang), 3, justify="right"),
               Column(t("col.source", lang), 10, ratio=2, style="dim")]
    labels = [column.header for column in columns[1:]]

    def blocks() -> RenderableType:
        return stacked(Text(title, style="italic"),
                       [Block([key_text(str(key), style="bold")],
                              list(zip(labels, rest, strict=True))) for key, *rest in rows])

    return ByWidth(lambda width: fitted_table(title, columns, rows, width), blocks)


def _duration_text(stage: Stage, days: int, lang: str) -> str | None:
    """'3 hari' for a dated stage, '6 jam' for timed hours; a single moment, and a deadline
    (a limit, not a span of time), has no length."""
    if stage.is_deadline:
        return None
    if not stage.is_timed:
        return i18n.unit("day", days, lang)
    assert isinstance(stage.start, dt.datetime) and isinstance(stage.end, dt.datetime)
    minutes = int((stage.end - stage.start).total_seconds() // 60)
    if minutes <= 0:
        return None
    hours, minutes = divmod(minutes, 60)
    return " ".join(i18n.unit(name, n, lang)
                    for name, n in (("hour", hours), ("minute", minutes)) if n)


def _clock_text(cd: Countdown, lang: str) -> str:
    """'12 hari 3 jam 5 menit'; within the last hour, to the second ('0 jam 0 menit 59 detik')."""
    clock = cd.clock_parts()
    shown = ["day", "hour", "minute"]
    if clock["days"] == 0 and clock["hours"] == 0:
        shown.append("second")
    return " ".join(i18n.unit(name, clock[name + "s"], lang) for name in shown)


def countdown_line(cd: Countdown, lang: str) -> str:
    """'H-14 · 14 hari lagi' (one line, used by `show`)."""
    span = i18n.format_span(cd.span_parts(), lang, future=cd.is_future)
    key = {"end": "label.ends_in", "start": "label.starts_in",
           "deadline": "label.deadline_in"}[cd.target]
    if not cd.is_future:
        key = "label.deadline_passed" if cd.target == "deadline" else "label.started"
    return f"{cd.label} · {t(key, lang, span=span)}"


def countdown_view(cd: Countdown, lang: str) -> RenderableType:
    """The big readout: label, what it counts to, span in words, and d/h/m."""
    stage = cd.stage
    heading = {"start": "label.until_start", "end": "label.until_end",
               "deadline": "label.until_deadline"}[cd.target]
    if not cd.is_future:
        heading = "label.since_deadline" if cd.target == "deadline" else "label.since_start"
    title = Text()
    title.append(cd.label, style="bold magenta")
    title.append(f"  {t(heading, lang)} ")
    title.append(stage.display_name(lang), style="bold")
    if stage.state is State.TENTATIVE:
        title.append(f" ({t('status.tentative', lang)})", style="yellow")
    title.append(f" ({stage.key})", style="dim")
    if stage.is_timed:
        when = (f"{i18n.format_date(cd.target_at.date(), lang, weekday=True)} "
                f"{i18n.format_time(cd.target_at)} {zone_label(cd.target_at.tzinfo)}")  # type: ignore[arg-type]
    else:  # an all-day stage ends after its last day; name that day, not the midnight after
        day = cd.target_at.date()
        if cd.target in ("end", "deadline"):
            day -= dt.timedelta(days=1)
        when = i18n.format_date(day, lang, weekday=True)
    lines: list[RenderableType] = [
        Unbroken(title),
        Text(when),
        Text(i18n.format_span(cd.span_parts(), lang, future=cd.is_future), style="bold"),
        Text(_clock_text(cd, lang), style="dim"),
    ]
    return Group(*lines)
