"""The read commands: now, countdown, list, show, timeline, info."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pemilu_timeline.cli import complete
from pemilu_timeline.cli.options import (
    AsOfOption,
    AtOption,
    ElectionOption,
    FileOption,
    FromOption,
    JsonOption,
    Lang,
    LangOption,
    MilestonesOption,
    RegionOption,
    StatusOption,
    TagOption,
    ToOption,
    TzOption,
    View,
    check_elections,
    check_tags,
    console,
    day_range,
    open_view,
    print_json,
    write_output,
)
from pemilu_timeline.errors import InvalidInput, UsageError
from pemilu_timeline.i18n import messages as i18n
from pemilu_timeline.i18n.messages import Worded
from pemilu_timeline.model import Stage, State
from pemilu_timeline.schedule.locate import ENV_FILE, locate
from pemilu_timeline.schedule.read import load_source
from pemilu_timeline.timing import now_in


def now(
    file: FileOption = None, at: AtOption = None, as_of: AsOfOption = None, tz: TzOption = None,
    election: ElectionOption = None, region: RegionOption = None,
    milestones: MilestonesOption = False,
    every_copy: Annotated[bool, typer.Option("--all", "-a")] = False,
    lang: LangOption = Lang.id, as_json: JsonOption = False,
) -> None:
    view = open_view(file, at, tz, lang, election, region, as_of)
    schedule = view.schedule.of_elections(check_elections(view.schedule, election))
    overview = schedule.overview(view.at, milestones_only=milestones)
    if as_json:
        from pemilu_timeline.exports.json import now_to_dict

        print_json(now_to_dict(view.at, overview))
        return
    from pemilu_timeline.views.tables import now_view

    console().print(now_view(schedule, view.at, overview, view.lang, every_copy=every_copy))


def countdown(
    stage: Annotated[list[str] | None, typer.Argument(
        metavar="[STAGE]...",
        show_default=False, autocompletion=complete.stage_keys)] = None,
    file: FileOption = None, at: AtOption = None, as_of: AsOfOption = None, tz: TzOption = None,
    election: ElectionOption = None, region: RegionOption = None,
    lang: LangOption = Lang.id, as_json: JsonOption = False,
    watch: Annotated[bool, typer.Option(
        "--watch", "-w")] = False,
) -> None:
    if watch and as_json:
        raise UsageError("usage.watch")
    view = open_view(file, at, tz, lang, election, region, as_of)
    chosen = check_elections(view.schedule, election)
    target = _countdown_target(view, " ".join(stage) if stage else None, chosen)
    if as_json:
        from pemilu_timeline.countdown import countdown_to
        from pemilu_timeline.exports.json import countdown_to_dict

        print_json(countdown_to_dict(countdown_to(target, view.at) if target else None, view.at))
        return
    if target is None:
        _no_milestone(view, chosen)
        return
    from pemilu_timeline.countdown import countdown_to
    from pemilu_timeline.views.tables import countdown_view

    if not watch:
        console().print(countdown_view(countdown_to(target, view.at), view.lang))
        return
    _watch(target, view)


def _countdown_target(view: View, query: str | None, elections: list[str]) -> Stage | None:
    pool = view.schedule.of_elections(elections)
    if query is not None:
        stage = pool.find(query)
        if stage.state is State.CANCELLED:
            raise InvalidInput("input.countdown_cancelled", key=stage.key,
                               reason=Worded(stage.reason_in))
        if not stage.is_dated:
            if stage.after is None:
                raise InvalidInput("input.countdown_undated", key=stage.key)
            root = view.schedule.waits_for(stage)
            anchor = root.key if root is not None else stage.after.stage
            raise InvalidInput("input.countdown_pending", key=stage.key, anchor=anchor)
        return stage
    return pool.next_to_start(view.at, milestones_only=True)


def _no_milestone(view: View, elections: list[str]) -> None:
    from pemilu_timeline.views.text import moment_text

    last = view.schedule.of_elections(elections).last_ended(view.at, milestones_only=True)
    at = moment_text(view.at, view.lang)
    if last is None:
        console().print(i18n.t("label.no_milestone", view.lang, at=at))
        return
    from pemilu_timeline.countdown import countdown_to

    label = f"{last.display_name(view.lang)} ({countdown_to(last, view.at).label})"
    console().print(i18n.t("label.no_milestone_last", view.lang, at=at, last=label))


def _watch(target: Stage, view: View) -> None:
    from pemilu_timeline.countdown import countdown_to
    from pemilu_timeline.views.console import watch
    from pemilu_timeline.views.tables import countdown_view

    zone = view.at.tzinfo
    assert zone is not None
    # A rehearsal with --at runs from that moment: the same offset from the real clock.
    offset = view.at - now_in(zone)
    watch(lambda: countdown_view(countdown_to(target, now_in(zone) + offset), view.lang),
          view.lang)


def list_stages(
    file: FileOption = None, at: AtOption = None, as_of: AsOfOption = None, tz: TzOption = None,
    election: ElectionOption = None, region: RegionOption = None, tag: TagOption = None,
    status: StatusOption = None, milestones: MilestonesOption = False,
    start_from: FromOption = None, until: ToOption = None,
    lang: LangOption = Lang.id, as_json: JsonOption = False,
) -> None:
    view = open_view(file, at, tz, lang, election, region, as_of)
    first, last = day_range(start_from, until)
    stages = view.schedule.select(
        view.at, elections=check_elections(view.schedule, election),
        tags=check_tags(view.schedule, tag, view.lang),
        statuses=list(status or ()), milestones_only=milestones,
        start_from=first, until=last)
    if as_json:
        from pemilu_timeline.exports.json import StageObjects

        print_json(StageObjects(view.at).many(stages))
        return
    from pemilu_timeline.views.tables import list_view

    console().print(list_view(stages, view.at, view.lang, view.schedule))


def show(
    stage: Annotated[list[str], typer.Argument(
        metavar="STAGE...", autocompletion=complete.stage_keys)],
    file: FileOption = None, at: AtOption = None, as_of: AsOfOption = None, tz: TzOption = None,
    lang: LangOption = Lang.id, as_json: JsonOption = False,
) -> None:
    view = open_view(file, at, tz, lang, as_of=as_of)
    found = view.schedule.find(" ".join(stage))
    if as_json:
        from pemilu_timeline.exports.json import derivation_to_dict, stage_to_dict

        print_json({**stage_to_dict(found, view.at),
                    "derivation": derivation_to_dict(view.schedule, found, view.lang)})
        return
    from pemilu_timeline.views.tables import show_view

    console().print(show_view(view.schedule, found, view.at, view.lang))


def timeline(
    file: FileOption = None, at: AtOption = None, as_of: AsOfOption = None, tz: TzOption = None,
    election: ElectionOption = None, region: RegionOption = None, tag: TagOption = None,
    start_from: FromOption = None, until: ToOption = None,
    svg: Annotated[Path | None, typer.Option(
        "--svg", show_default=False)] = None,
    png: Annotated[Path | None, typer.Option(
        "--png", show_default=False)] = None,
    width: Annotated[int | None, typer.Option(
        "--width", min=40, show_default=False)] = None,
    width_px: Annotated[int, typer.Option(
        "--width-px", min=320, max=4000)] = 1200,
    lang: LangOption = Lang.id,
) -> None:
    view = open_view(file, at, tz, lang, election, region, as_of)
    first, last = day_range(start_from, until)
    stages = view.schedule.select(
        view.at, elections=check_elections(view.schedule, election),
        tags=check_tags(view.schedule, tag, view.lang),
        start_from=first, until=last)
    if svg is None and png is None:
        from pemilu_timeline.views.console import make_console
        from pemilu_timeline.views.gantt import timeline_view

        out = make_console(width=width)
        out.print(timeline_view(stages, view.at, view.lang, out.width, view.schedule))
        return
    from pemilu_timeline.views.chart import MAX_ROWS, chart_layout, render_chart

    if not any(s.is_dated or s.state is not State.CANCELLED for s in stages):
        raise InvalidInput("input.chart_empty")  # an empty picture is no answer
    place = view.schedule.region_label(view.schedule.find_region(region).code) \
        if region is not None else None
    layout = chart_layout(stages, view.at, view.lang, schedule=view.schedule,
                          start_from=first, until=last, at_given=at is not None,
                          width_px=width_px, place=place, tags=tag or ())
    # Drawn before a word is said: without matplotlib, the one line says what to install.
    pictures = [(render_chart(layout, fmt), path)
                for fmt, path in (("svg", svg), ("png", png)) if path is not None]
    dated = sum(1 for s in stages if s.is_dated)
    if dated > MAX_ROWS:
        typer.echo(i18n.t("chart.more_rows", view.lang, shown=MAX_ROWS, total=dated), err=True)
    for picture, path in pictures:
        if write_output(picture, path):
            typer.echo(str(path), err=True)  # the file written; not for '-' (stdout)


def info(
    file: FileOption = None, lang: LangOption = Lang.id, as_json: JsonOption = False,
) -> None:
    from pemilu_timeline import __version__

    source = locate(file)
    schedule = load_source(source)
    counts = {e: sum(1 for s in schedule if s.election == e) for e in schedule.elections}
    data = {
        "version": __version__,
        "file": str(source.path),
        "origin": source.origin,
        "elections": {e.id: {"name": e.name, "name_en": e.name_en, "timezone": e.timezone,
                             "source": e.source, "stages": counts[e.id]}
                      for e in schedule.elections.values()},
        "stages": len(schedule),
    }
    if as_json:
        print_json(data)
        return
    t = i18n.t
    origin = {"option": "--file", "environment": f"${ENV_FILE}", "user": "init",
              "bundled": t("label.bundled", lang.value)}[source.origin]
    out = console()
    out.print(f"[bold]{t('label.version', lang.value)}:[/bold] {__version__}")
    out.print(f"[bold]{t('label.file', lang.value)}:[/bold] {source.path} ({origin})")
    out.print(f"[bold]{t('label.stages', lang.value)}:[/bold] {len(schedule)}")
    for election in schedule.elections.values():
        out.print(f"  {election.id}: {election.display_name(lang.value)} — {counts[election.id]}, "
                  f"{election.timezone}, {election.source}")


# Command modules register themselves on `app`; they import their heavy parts lazily.
