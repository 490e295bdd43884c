"""Commands staff use to keep the schedule current: init, add, edit, remove.

Only options and output live here. The work is done by ``schedule.edit`` (changes to the
data), ``schedule.store`` (lock, canonical TOML, atomic write) and ``dateparse`` (Indonesian
dates); they are imported inside the commands, so dateutil, tomli-w and the lock never slow
down the read commands.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pemilu_timeline.cli.options import (
    DEFAULT_LOCK_TIMEOUT,
    DropCommentsOption,
    FileOption,
    Lang,
    LangOption,
    LockTimeoutOption,
    edit_text,
    editable_source,
    field_label,
    stage_dates,
    value_text,
)
from pemilu_timeline.errors import ExitStatus, InvalidInput, UsageError, WriteRefused
from pemilu_timeline.fsio import target_of
from pemilu_timeline.i18n.format import format_range
from pemilu_timeline.i18n.messages import t
from pemilu_timeline.model import Counting, Direction, Edge, Sense
from pemilu_timeline.rules.describe import describe_rule
from pemilu_timeline.timing import MAX_RULE_DAYS

if TYPE_CHECKING:
    from pemilu_timeline.dateparse import ParsedDate
    from pemilu_timeline.model import Schedule
    from pemilu_timeline.schedule.edit import RuleChange




StageRegionOption = Annotated[str | None, typer.Option(
    "--region", "-r", metavar="REGION", show_default=False,
    help="Where it is held: a Kemendagri code or words of a region's name in the file's "
         "regions table (Papua, 'Kab. Serang', 36.04); '' removes it on edit.")]

RULE_PANEL = "Aturan / rule (tanggal relatif)"

# Options of a stage dated relative to another (`after = {...}` in the file). "Not given" is
# None, so that `edit` can keep a rule's other parts and --days alone can be refused.
RuleOption = Annotated[str | None, typer.Option(
    "--rule", metavar="PHRASE", show_default=False, rich_help_panel=RULE_PANEL,
    help="The rule in the law's words, with a stage in place of a date: "
         "'paling lambat 3 hari setelah pemilu-2024/putusan-mk', '14 hari kerja sejak "
         "penetapan', 'at the latest 20 months before voting-day'. Instead of the flags below.")]
AfterOption = Annotated[str | None, typer.Option(
    "--after", metavar="STAGE", show_default=False, rich_help_panel=RULE_PANEL,
    help="Date the stage relative to another: ELECTION/ID, an id or words from the name. "
         "Until that stage has a date this one is pending.")]
DaysOption = Annotated[int | None, typer.Option(
    "--days", metavar="N", min=0, max=MAX_RULE_DAYS, show_default=False,
    rich_help_panel=RULE_PANEL, help="Calendar days from the anchor (default 0).")]
WorkingDaysOption = Annotated[int | None, typer.Option(
    "--working-days", metavar="N", min=0, max=MAX_RULE_DAYS, show_default=False,
    rich_help_panel=RULE_PANEL,
    help="Working days (hari kerja): skip weekends, national holidays and cuti bersama.")]
MonthsOption = Annotated[int | None, typer.Option(
    "--months", metavar="N", min=0, max=MAX_RULE_DAYS // 30, show_default=False,
    rich_help_panel=RULE_PANEL, help="Months (the same day number, clamped to month end).")]
YearsOption = Annotated[int | None, typer.Option(
    "--years", metavar="N", min=0, max=MAX_RULE_DAYS // 365, show_default=False,
    rich_help_panel=RULE_PANEL, help="Years; combine with --months and --days.")]
HoursOption = Annotated[int | None, typer.Option(
    "--hours", metavar="N", min=0, max=MAX_RULE_DAYS * 24, show_default=False,
    rich_help_panel=RULE_PANEL, help="Hours from the anchor's moment (3x24 jam: 72).")]
DirectionOption = Annotated[Direction | None, typer.Option(
    "--direction", show_default=False, rich_help_panel=RULE_PANEL,
    help="after (setelah/sejak) or before (sebelum) the anchor. Default: after.")]
CountingOption = Annotated[Counting | None, typer.Option(
    "--counting", show_default=False, rich_help_panel=RULE_PANEL,
    help="next-day: 'setelah', day 1 is the day after the anchor (default); anchor-day: "
         "'sejak', the anchor's day is day 1.")]
SenseOption = Annotated[Sense | None, typer.Option(
    "--sense", show_default=False, rich_help_panel=RULE_PANEL,
    help="exactly (default); at-latest: a deadline (paling lambat); at-earliest: paling "
         "cepat / paling singkat; window: from the amount to --latest.")]
LatestOption = Annotated[str | None, typer.Option(
    "--latest", metavar="AMOUNT", show_default=False, rich_help_panel=RULE_PANEL,
    help="A window's far bound, e.g. '2 tahun 6 bulan' (with --sense window).")]
EdgeOption = Annotated[Edge | None, typer.Option(
    "--edge", show_default=False, rich_help_panel=RULE_PANEL,
    help="Count from the anchor's start or its end (default: end).")]
DurationOption = Annotated[int | None, typer.Option(
    "--duration", metavar="DAYS", min=1, max=MAX_RULE_DAYS, show_default=False,
    rich_help_panel=RULE_PANEL,
    help="How many days the computed stage lasts, for exactly and at-earliest (default 1).")]


def _date(text: str | None, option: str) -> ParsedDate | None:
    if text is None:
        return None
    from pemilu_timeline.dateparse import parse_date

    return parse_date(text, option)


def _zone_from(zone: str | None, *parsed: ParsedDate | None) -> str | None:
    """--zone, else the WIB/WITA/WIT written with the time, e.g. `--start "07.00 WIB"`."""
    named = {p.zone for p in parsed if p is not None and p.zone}
    if len(named) > 1:
        raise InvalidInput("input.zones_differ")
    if zone is not None:
        return zone
    return named.pop() if named else None


def _dates(start: Any, end: Any, zone: str | None, lang: str) -> str:
    if start is None:
        return t("label.date_unknown", lang)
    from pemilu_timeline.timing import resolve_zone, zone_label

    label = zone_label(resolve_zone(zone)) if zone else None
    return format_range(start, end if end is not None else start, lang, label)


def _rule(phrase: str | None, after: str | None, **parts: Any) -> RuleChange:
    """The rule asked for: a phrase in the law's words, or --after with a flag per part."""
    from pemilu_timeline.schedule.edit import RuleChange

    given: dict[str, Any] = {name: value.value if isinstance(value, StrEnum) else value
                             for name, value in parts.items() if value is not None}
    if phrase is not None:
        if after is not None or given:
            raise UsageError("edit.rule_with_parts")
        return _rule_from_phrase(phrase)
    if "latest" in given:
        from pemilu_timeline.rules.phrase import parse_amount

        given["latest"] = parse_amount(given["latest"], "--latest")
    return RuleChange(anchor=after, **given)


def _rule_from_phrase(text: str) -> RuleChange:
    """`--rule "paling lambat 3 hari setelah putusan-mk"`: every part, the anchor a stage."""
    from dataclasses import asdict

    from pemilu_timeline.rules.phrase import parse_phrase
    from pemilu_timeline.schedule.edit import RuleChange

    phrase = parse_phrase(text)
    return RuleChange(anchor=phrase.anchor, sense=phrase.sense.value,
                      edge=phrase.edge.value if phrase.edge else None,
                      direction=phrase.direction.value, counting=phrase.counting.value,
                      latest=phrase.latest, option="--rule", **asdict(phrase.span))


def _stage_query(words: list[str]) -> str:
    """STAGE as several words (`remove masa tenang`) or one quoted argument."""
    return " ".join(words)


def _now() -> dt.datetime:
    from pemilu_timeline.schedule.edit import utc_now

    return utc_now()


def _interactive() -> bool:
    return sys.stdin.isatty()


def init(
    path: Annotated[Path | None, typer.Argument(
        metavar="[PATH]", help="Where to write the copy (default: the user data directory, "
                               "$XDG_DATA_HOME/pemilu-timeline/stages.toml).",
        show_default=False)] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace an existing file with the bundled schedule.")] = False,
    lang: LangOption = Lang.id, lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Buat salinan jadwal untuk diubah. [dim]Write an editable copy of the schedule.[/dim]"""
    from pemilu_timeline.schedule import store
    from pemilu_timeline.schedule.locate import bundled_path, user_path
    from pemilu_timeline.schedule.read import parse_toml, read_text
    from pemilu_timeline.schedule.write import canonical_text

    target = path or user_path()
    bundled = bundled_path()
    if target.exists() and target_of(target) == target_of(bundled):
        raise WriteRefused("write.is_bundled", path=target)
    text = canonical_text(parse_toml(read_text(bundled), str(bundled)))
    store.write_new(target, text, replace=force, timeout=lock_timeout)
    typer.echo(edit_text("init", lang.value, path=target))
    if path is None:
        typer.echo(edit_text("init_default", lang.value))
    else:
        typer.echo(edit_text("init_other", lang.value, path=target))


def add(
    stage_id: Annotated[str, typer.Argument(
        metavar="ID", help="Stage id (lower-case words joined by '-'), or ELECTION/ID.")],
    name: Annotated[str, typer.Option("--name", help="Name in Indonesian, as KPU writes it.")],
    source: Annotated[str, typer.Option(
        "--source", help="Where the date comes from: regulation, article and date.")],
    start: Annotated[str | None, typer.Option(
        "--start", metavar="DATE", show_default=False,
        help="First day: 2024-02-14, 14/02/2024, '14 Februari 2024', "
             "'Rabu, 14 Feb 2024 pukul 07.00 WIB' ... Needed unless --after or --undated.")
    ] = None,
    election: Annotated[str | None, typer.Option(
        "--election", "-e", metavar="ELECTION",
        help="Election id, e.g. pemilu-2024 (optional when the file has one election).",
        show_default=False)] = None,
    name_en: Annotated[str | None, typer.Option(
        "--name-en", help="Name in English (default: the Indonesian name).",
        show_default=False)] = None,
    end: Annotated[str | None, typer.Option(
        "--end", metavar="DATE", help="Last day, inclusive (default: --start, a one-day stage).",
        show_default=False)] = None,
    tag: Annotated[list[str] | None, typer.Option(
        "--tag", "-t", metavar="TAG", help="A tag (repeatable).", show_default=False)] = None,
    note: Annotated[str | None, typer.Option("--note", show_default=False,
                                             help="A note for readers.")] = None,
    url: Annotated[str | None, typer.Option("--url", show_default=False,
                                            help="Link to the source.")] = None,
    zone: Annotated[str | None, typer.Option(
        "--zone", metavar="ZONE", show_default=False,
        help="Pin a timed stage to one zone: WIB, WITA, WIT or an IANA name.")] = None,
    milestone: Annotated[bool, typer.Option(
        "--milestone", help="A key date that countdowns aim at.")] = False,
    region: StageRegionOption = None,
    rule_phrase: RuleOption = None, after: AfterOption = None, days: DaysOption = None,
    working_days: WorkingDaysOption = None, months: MonthsOption = None,
    years: YearsOption = None, hours: HoursOption = None,
    direction: DirectionOption = None, counting: CountingOption = None,
    sense: SenseOption = None, latest: LatestOption = None, edge: EdgeOption = None,
    duration: DurationOption = None,
    undated: Annotated[bool, typer.Option(
        "--undated", help="A real event whose date is not known yet (instead of --start).")
    ] = False,
    file: FileOption = None, lang: LangOption = Lang.id,
    drop_comments: DropCommentsOption = False,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Tambah tahapan. [dim]Add a stage; --end defaults to --start (a one-day milestone).[/dim]"""
    from pemilu_timeline.schedule import edit as editing
    from pemilu_timeline.schedule import store

    rule = _rule(rule_phrase, after, days=days, working_days=working_days, months=months,
                 years=years, hours=hours, direction=direction, counting=counting,
                 sense=sense, latest=latest, edge=edge, duration=duration)
    _check_add_options(start, end, rule, undated)
    source_file = editable_source(file)
    first, last = _date(start, "--start"), _date(end, "--end")
    pinned = _zone_from(zone, first, last)
    election_id, _, bare_id = stage_id.rpartition("/")
    if election_id and election and election_id != election:
        raise UsageError("usage.election_disagrees", key=stage_id, election=election)
    wanted_election = election or election_id or None
    now = _now()

    def change(data: dict[str, Any], schedule: Schedule) -> dict[str, Any]:
        chosen = wanted_election or _only_election(schedule)
        return editing.add_stage(
            data, schedule, stage_id=bare_id, election=chosen, name=name, name_en=name_en,
            start=first.value if first else None, end=last.value if last else None,
            tags=tag or (), source=source, note=note, url=url, zone=pinned,
            milestone=milestone, rule=rule, undated=undated, region=region, now=now)

    added, schedule = store.update_and_read(source_file.path, change, timeout=lock_timeout,
                                            drop_comments=drop_comments)
    key = f"{added['election']}/{added['id']}"
    name_shown = added["name_en"] if lang is Lang.en else added["name"]
    code = lang.value
    dates = _dates(added.get("start"), added.get("end"), added.get("zone"), code)
    rule_line = None
    if "after" in added:
        # The rule's dates are computed from the schedule as written.
        written = schedule.get(key)
        if written is not None and written.after is not None:
            dates = stage_dates(written, code, schedule)
            rule_line = edit_text("rule", code, rule=describe_rule(schedule, written, code))
    typer.echo(edit_text("added", code, key=key, name=name_shown, dates=dates,
                  revision=added["revision"]))
    if rule_line:
        typer.echo(rule_line)
    typer.echo(edit_text("file", code, path=source_file.path))


def _check_add_options(start: str | None, end: str | None, rule: RuleChange, undated: bool
                       ) -> None:
    """How `add` is told when the stage happens: a date, a rule, or not known yet."""
    if rule.parts_given and rule.anchor is None:
        raise UsageError("edit.rule_parts_need_after")
    if undated and (start is not None or rule.anchor is not None):
        raise UsageError("edit.undated_with_date")
    if start is None and end is not None:
        raise UsageError("edit.end_needs_start")
    if start is None and rule.anchor is None and not undated:
        raise UsageError("edit.needs_dating")


def _only_election(schedule: Schedule) -> str:
    if len(schedule.elections) == 1:
        return next(iter(schedule.elections))
    known = ", ".join(schedule.elections) or "-"
    raise InvalidInput("edit.name_election", known=known)


def edit(
    stage: Annotated[list[str], typer.Argument(
        metavar="STAGE...", help="ELECTION/ID, an id, or words from the name.")],
    name: Annotated[str | None, typer.Option("--name", show_default=False,
                                             help="New Indonesian name.")] = None,
    name_en: Annotated[str | None, typer.Option("--name-en", show_default=False,
                                                help="New English name.")] = None,
    start: Annotated[str | None, typer.Option(
        "--start", metavar="DATE", show_default=False,
        help="New first day (Indonesian or ISO forms, as for `add`); '' removes the written "
             "date of a stage with --after or --undated.")] = None,
    end: Annotated[str | None, typer.Option(
        "--end", metavar="DATE", show_default=False,
        help="New last day; '' makes it a one-day stage.")] = None,
    tag: Annotated[list[str] | None, typer.Option(
        "--tag", "-t", metavar="TAG", show_default=False,
        help="Replace the tags with these (repeatable).")] = None,
    no_tags: Annotated[bool, typer.Option("--no-tags", help="Remove all tags.")] = False,
    source: Annotated[str | None, typer.Option("--source", show_default=False,
                                               help="New source.")] = None,
    note: Annotated[str | None, typer.Option("--note", show_default=False,
                                             help="New note; '' removes it.")] = None,
    note_en: Annotated[str | None, typer.Option(
        "--note-en", show_default=False, help="The note in English; '' removes it.")] = None,
    url: Annotated[str | None, typer.Option("--url", show_default=False,
                                            help="New link; '' removes it.")] = None,
    zone: Annotated[str | None, typer.Option(
        "--zone", metavar="ZONE", show_default=False,
        help="Pin to WIB, WITA, WIT or an IANA zone; '' unpins.")] = None,
    milestone: Annotated[bool | None, typer.Option(
        "--milestone/--no-milestone", show_default=False,
        help="Mark or unmark as a key date.")] = None,
    state: Annotated[str | None, typer.Option(
        "--state", metavar="STATE", show_default=False,
        help="confirmed, tentative or cancelled (cancelled needs --reason).")] = None,
    reason: Annotated[str | None, typer.Option("--reason", show_default=False,
                                               help="Why it was cancelled; '' removes it.")
                      ] = None,
    condition: Annotated[str | None, typer.Option(
        "--condition", show_default=False,
        help="When the stage applies at all; '' removes it.")] = None,
    reason_en: Annotated[str | None, typer.Option(
        "--reason-en", show_default=False, help="--reason in English, for --lang en.")] = None,
    condition_en: Annotated[str | None, typer.Option(
        "--condition-en", show_default=False,
        help="--condition in English, for --lang en.")] = None,
    region: StageRegionOption = None,
    rule_phrase: RuleOption = None, after: AfterOption = None, days: DaysOption = None,
    working_days: WorkingDaysOption = None, months: MonthsOption = None,
    years: YearsOption = None, hours: HoursOption = None,
    direction: DirectionOption = None, counting: CountingOption = None,
    sense: SenseOption = None, latest: LatestOption = None, edge: EdgeOption = None,
    duration: DurationOption = None,
    no_after: Annotated[bool, typer.Option(
        "--no-after", help="Remove the --after rule; a stage without a written date then "
                           "needs --start or --undated.")] = False,
    undated: Annotated[bool | None, typer.Option(
        "--undated/--no-undated", show_default=False,
        help="Mark as a real event whose date is not known yet (removes the written dates), "
             "or unmark it (with --start or --after).")] = None,
    file: FileOption = None, lang: LangOption = Lang.id,
    drop_comments: DropCommentsOption = False,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Ubah tahapan. [dim]Change only the fields given; revision +1, updated now. A rule's
    parts not given (--days, --sense ...) keep their values.[/dim]"""
    from pemilu_timeline.schedule import edit as editing
    from pemilu_timeline.schedule import store

    query = _stage_query(stage)
    source_file = editable_source(file)
    if tag and no_tags:
        raise UsageError("usage.tag_no_tags")
    rule = _rule(rule_phrase, after, days=days, working_days=working_days, months=months,
                 years=years, hours=hours, direction=direction, counting=counting,
                 sense=sense, latest=latest, edge=edge, duration=duration)
    if no_after and rule.given:
        raise UsageError("edit.no_after_with_rule")
    if undated and (start or end or rule.anchor is not None):
        raise UsageError("usage.undated_with_dates")
    changes: dict[str, Any] = {}
    first = _date(start, "--start") if start != "" else None
    last = _date(end, "--end") if end not in (None, "") else None
    if start == "":
        changes["start"] = None
    elif first is not None:
        changes["start"] = first.value
    if end == "":
        changes["end"] = None
    elif last is not None:
        changes["end"] = last.value
    pinned = _zone_from(zone, first, last)
    for field, value in (("name", name), ("name_en", name_en), ("source", source),
                         ("note", note), ("note_en", note_en), ("url", url),
                         ("zone", pinned), ("state", state),
                         ("reason", reason), ("condition", condition),
                         ("reason_en", reason_en), ("condition_en", condition_en),
                         ("milestone", milestone)):
        if value is not None:
            changes[field] = value
    if tag:
        changes["tags"] = tag
    elif no_tags:
        changes["tags"] = []
    if no_after:
        changes["after"] = None
    if undated is not None:
        changes["undated"] = undated
    if not changes and not rule.given and region is None:
        raise UsageError("usage.nothing_to_change")
    now = _now()
    result, schedule = store.update_and_read(
        source_file.path,
        lambda data, schedule: editing.edit_stage(
            data, schedule, query, _with_region(changes, region, schedule), rule=rule, now=now),
        timeout=lock_timeout, drop_comments=drop_comments,
        unchanged=lambda outcome: not outcome.changes)
    code = lang.value
    if not result.changes:
        typer.echo(edit_text("unchanged", code, key=result.key))
        return
    typer.echo(edit_text("edited", code, key=result.key, revision=result.revision))
    for item in result.changes:
        typer.echo(f"  {field_label(item.field, code)}: {value_text(item.old, code)} → "
                   f"{value_text(item.new, code)}")
    if {c.field for c in result.changes} & {"start", "end", "after", "undated"}:
        _echo_rule_dates(schedule, result.key, code)
    typer.echo(edit_text("file", code, path=source_file.path))


def _with_region(changes: dict[str, Any], region: str | None,
                 schedule: Schedule) -> dict[str, Any]:
    """--region as the code of the region it names in the schedule ('' removes it)."""
    if region is None:
        return changes
    return {**changes, "region": schedule.find_region(region).code if region else None}


def _echo_rule_dates(schedule: Schedule, key: str, lang: str) -> None:
    """After a date or rule changed: the dates that follow from it, its own and its
    dependants' (dating `putusan-mk` dates every stage counted from it)."""
    from pemilu_timeline.rules.resolve import dependants

    stage = schedule.get(key)
    assert stage is not None  # the schedule just written holds the stage just edited
    if stage.after is not None:
        typer.echo(edit_text("rule", lang, rule=describe_rule(schedule, stage, lang)))
        if stage.dated_by_rule:
            typer.echo(edit_text("by_rule", lang, dates=stage_dates(stage, lang)))
        elif stage.start is None:
            typer.echo(edit_text("waits", lang, dates=stage_dates(stage, lang, schedule)))
    for other in dependants(schedule, key):
        typer.echo(edit_text("dependant", lang, key=other.key,
                      dates=stage_dates(other, lang, schedule)))


def remove(
    stage: Annotated[list[str], typer.Argument(
        metavar="STAGE...", help="ELECTION/ID, an id, or words from the name.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask (for scripts).")] = False,
    file: FileOption = None, lang: LangOption = Lang.id,
    drop_comments: DropCommentsOption = False,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Hapus tahapan. [dim]Remove a stage; asks first at a terminal, --yes for scripts.[/dim]"""
    from pemilu_timeline.schedule import edit as editing
    from pemilu_timeline.schedule import store
    from pemilu_timeline.schedule.read import load_source

    source_file = editable_source(file)
    key = _stage_query(stage)
    if not yes:
        if not _interactive():
            raise InvalidInput("input.remove_needs_terminal")
        # Ask before taking the lock, so a slow answer never blocks other staff.
        found = editing.resolve(load_source(source_file), key)
        key = found.key
        question = edit_text("confirm", lang.value, key=found.key,
                             name=found.display_name(lang.value),
                             dates=stage_dates(found, lang.value), path=source_file.path)
        if not typer.confirm(question, default=False):
            typer.echo(edit_text("not_removed", lang.value))
            raise typer.Exit(ExitStatus.INVALID)
    removed = store.update(
        source_file.path, lambda data, schedule: editing.remove_stage(data, schedule, key),
        timeout=lock_timeout, drop_comments=drop_comments)
    typer.echo(edit_text("removed", lang.value, key=removed.key,
                  name=removed.display_name(lang.value),
                  dates=stage_dates(removed, lang.value)))
    typer.echo(edit_text("file", lang.value, path=source_file.path))
