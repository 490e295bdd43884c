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

from pemilu_timeline.cli import complete
from pemilu_timeline.cli.options import (
    DEFAULT_LOCK_TIMEOUT,
    DropCommentsOption,
    FileOption,
    GitAuthorOption,
    Lang,
    LangOption,
    LockTimeoutOption,
    WhyOption,
    change_line,
    edit_text,
    editable_source,
    history_record,
    read_input,
    stage_dates,
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
    autocompletion=complete.regions)]

RULE_PANEL = "rule"  # the help screen names the panel from i18n/help.py (panel.rule)

# Options of a stage dated relative to another (`after = {...}` in the file). "Not given" is
# None, so that `edit` can keep a rule's other parts and --days alone can be refused.
RuleOption = Annotated[str | None, typer.Option(
    "--rule", metavar="PHRASE", show_default=False, rich_help_panel=RULE_PANEL)]
AfterOption = Annotated[str | None, typer.Option(
    "--after", metavar="STAGE", show_default=False, rich_help_panel=RULE_PANEL)]
DaysOption = Annotated[int | None, typer.Option(
    "--days", metavar="N", min=0, max=MAX_RULE_DAYS, show_default=False,
    rich_help_panel=RULE_PANEL)]
WorkingDaysOption = Annotated[int | None, typer.Option(
    "--working-days", metavar="N", min=0, max=MAX_RULE_DAYS, show_default=False,
    rich_help_panel=RULE_PANEL)]
MonthsOption = Annotated[int | None, typer.Option(
    "--months", metavar="N", min=0, max=MAX_RULE_DAYS // 30, show_default=False,
    rich_help_panel=RULE_PANEL)]
YearsOption = Annotated[int | None, typer.Option(
    "--years", metavar="N", min=0, max=MAX_RULE_DAYS // 365, show_default=False,
    rich_help_panel=RULE_PANEL)]
HoursOption = Annotated[int | None, typer.Option(
    "--hours", metavar="N", min=0, max=MAX_RULE_DAYS * 24, show_default=False,
    rich_help_panel=RULE_PANEL)]
DirectionOption = Annotated[Direction | None, typer.Option(
    "--direction", show_default=False, rich_help_panel=RULE_PANEL)]
CountingOption = Annotated[Counting | None, typer.Option(
    "--counting", show_default=False, rich_help_panel=RULE_PANEL)]
SenseOption = Annotated[Sense | None, typer.Option(
    "--sense", show_default=False, rich_help_panel=RULE_PANEL)]
LatestOption = Annotated[str | None, typer.Option(
    "--latest", metavar="AMOUNT", show_default=False, rich_help_panel=RULE_PANEL)]
EdgeOption = Annotated[Edge | None, typer.Option(
    "--edge", show_default=False, rich_help_panel=RULE_PANEL)]
DurationOption = Annotated[int | None, typer.Option(
    "--duration", metavar="DAYS", min=1, max=MAX_RULE_DAYS, show_default=False,
    rich_help_panel=RULE_PANEL)]


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
        metavar="[PATH]", show_default=False)] = None,
    force: Annotated[bool, typer.Option(
        "--force")] = False,
    git: Annotated[Path | None, typer.Option(
        "--git", metavar="FOLDER", show_default=False)] = None,
    git_author: GitAuthorOption = None,
    lang: LangOption = Lang.id, lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
) -> None:
    from pemilu_timeline.schedule import store
    from pemilu_timeline.schedule.locate import bundled_path, user_path
    from pemilu_timeline.schedule.read import parse_toml, read_text
    from pemilu_timeline.schedule.write import canonical_text

    if git is not None:
        if path is not None:
            raise UsageError("git.init_with_path")
        _init_git(git, git_author, lang.value, lock_timeout)
        return
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


def _init_git(folder: Path, author: str | None, lang: str, lock_timeout: float) -> None:
    """`init --git FOLDER`: a new repository holding the bundled schedule; in an existing
    one (a clone), only the merge driver, registered in the clone's own config."""
    from pemilu_timeline.schedule import gitrepo, store
    from pemilu_timeline.schedule.locate import bundled_path
    from pemilu_timeline.schedule.read import parse_toml, read_text
    from pemilu_timeline.schedule.write import canonical_text

    if (folder / ".git").exists():
        gitrepo.git_program()
        gitrepo.register_driver(folder)
        typer.echo(t("git.init_exists", lang, folder=folder))
        return
    bundled = bundled_path()
    text = canonical_text(parse_toml(read_text(bundled), str(bundled)))
    gitrepo.create_repository(
        folder, lambda target: store.write_new(target, text, replace=False,
                                               timeout=lock_timeout), author)
    typer.echo(t("git.init_done", lang, folder=folder))
    typer.echo(edit_text("file", lang, path=folder / gitrepo.SCHEDULE_NAME))


def add(
    stage_id: Annotated[str | None, typer.Argument(
        metavar="[ID]", show_default=False)] = None,
    name: Annotated[str | None, typer.Option("--name", show_default=False)] = None,
    source: Annotated[str | None, typer.Option(
        "--source", show_default=False)] = None,
    start: Annotated[str | None, typer.Option(
        "--start", metavar="DATE", show_default=False)] = None,
    election: Annotated[str | None, typer.Option(
        "--election", "-e", metavar="ELECTION",
        show_default=False, autocompletion=complete.elections)] = None,
    name_en: Annotated[str | None, typer.Option(
        "--name-en", show_default=False)] = None,
    end: Annotated[str | None, typer.Option(
        "--end", metavar="DATE", show_default=False)] = None,
    tag: Annotated[list[str] | None, typer.Option(
        "--tag", "-t", metavar="TAG", show_default=False)] = None,
    note: Annotated[str | None, typer.Option("--note", show_default=False)] = None,
    url: Annotated[str | None, typer.Option("--url", show_default=False)] = None,
    zone: Annotated[str | None, typer.Option(
        "--zone", metavar="ZONE", show_default=False)] = None,
    milestone: Annotated[bool, typer.Option(
        "--milestone")] = False,
    region: StageRegionOption = None,
    rule_phrase: RuleOption = None, after: AfterOption = None, days: DaysOption = None,
    working_days: WorkingDaysOption = None, months: MonthsOption = None,
    years: YearsOption = None, hours: HoursOption = None,
    direction: DirectionOption = None, counting: CountingOption = None,
    sense: SenseOption = None, latest: LatestOption = None, edge: EdgeOption = None,
    duration: DurationOption = None,
    undated: Annotated[bool, typer.Option(
        "--undated")] = False,
    from_file: Annotated[Path | None, typer.Option(
        "--from-file", metavar="FILE", show_default=False)] = None,
    why: WhyOption = None, git_author: GitAuthorOption = None,
    file: FileOption = None, lang: LangOption = Lang.id,
    drop_comments: DropCommentsOption = False,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
) -> None:
    from pemilu_timeline.schedule import edit as editing
    from pemilu_timeline.schedule import store

    if from_file is not None:
        given = {"ID": stage_id, "--name": name, "--source": source, "--start": start,
                 "--name-en": name_en, "--end": end, "--tag": tag, "--note": note,
                 "--url": url, "--zone": zone, "--milestone": milestone or None,
                 "--region": region, "--rule": rule_phrase, "--after": after,
                 "--days": days, "--working-days": working_days, "--months": months,
                 "--years": years, "--hours": hours, "--direction": direction,
                 "--counting": counting, "--sense": sense, "--latest": latest,
                 "--edge": edge, "--duration": duration, "--undated": undated or None}
        for option, value in given.items():
            if value is not None:
                raise UsageError("usage.from_file_alone", option=option)
        _add_from_file(from_file, election, file, lang, drop_comments, lock_timeout,
                       history_record("add --from-file", why, git_author))
        return
    for option, value in (("ID", stage_id), ("--name", name), ("--source", source)):
        if value is None:
            raise UsageError("usage.add_needs", option=option)
    assert stage_id is not None and name is not None and source is not None
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
    record = history_record("add", why, git_author)

    def change(data: dict[str, Any], schedule: Schedule) -> dict[str, Any]:
        chosen = wanted_election or _only_election(schedule)
        added = editing.add_stage(
            data, schedule, stage_id=bare_id, election=chosen, name=name, name_en=name_en,
            start=first.value if first else None, end=last.value if last else None,
            tags=tag or (), source=source, note=note, url=url, zone=pinned,
            milestone=milestone, rule=rule, undated=undated, region=region, now=now)
        if record.why is not None:
            added["why"] = record.why
        return added

    added, schedule = store.update_and_read(source_file.path, change, timeout=lock_timeout,
                                            drop_comments=drop_comments, record=record)
    _echo_added([added], schedule, source_file.path, lang.value)


def _add_from_file(path: Path, election: str | None, file: Path | None, lang: Lang,
                   drop_comments: bool, lock_timeout: float, record: Any) -> None:
    """`add --from-file`: every stage of a batch file, in one locked change."""
    from pemilu_timeline.schedule import batch, store
    from pemilu_timeline.schedule import edit as editing
    from pemilu_timeline.schedule.read import MAX_BYTES

    source_file = editable_source(file)
    tables = batch.stage_tables(read_input(path, MAX_BYTES), str(path))
    if election is not None:
        tables = [{"election": election, **table} for table in tables]
    now = _now()

    def change(data: dict[str, Any], schedule: Schedule) -> list[dict[str, Any]]:
        return editing.add_stages(data, schedule, tables, now=now)

    added, schedule = store.update_and_read(source_file.path, change, timeout=lock_timeout,
                                            drop_comments=drop_comments, record=record)
    _echo_added(added, schedule, source_file.path, lang.value)


def _echo_added(added: list[dict[str, Any]], schedule: Schedule, path: Path, code: str
                ) -> None:
    """A line per stage added (and its rule, when it has one), then the file."""
    keys = []
    for stage in added:
        key = f"{stage['election']}/{stage['id']}"
        keys.append(key)
        name_shown = stage.get("name_en", stage["name"]) if code == "en" else stage["name"]
        dates = _dates(stage.get("start"), stage.get("end"), stage.get("zone"), code)
        rule_line = None
        if "after" in stage:
            # The rule's dates are computed from the schedule as written.
            written = schedule.get(key)
            if written is not None and written.after is not None:
                dates = stage_dates(written, code, schedule)
                rule_line = edit_text("rule", code, rule=describe_rule(schedule, written, code))
        typer.echo(edit_text("added", code, key=key, name=name_shown, dates=dates,
                             revision=stage["revision"]))
        if rule_line:
            typer.echo(rule_line)
    typer.echo(edit_text("file", code, path=path))
    _warn_unlikely_dates(schedule, keys, code)


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
        metavar="STAGE...", autocompletion=complete.stage_keys)],
    name: Annotated[str | None, typer.Option("--name", show_default=False)] = None,
    name_en: Annotated[str | None, typer.Option(
        "--name-en", show_default=False)] = None,
    start: Annotated[str | None, typer.Option(
        "--start", metavar="DATE", show_default=False)] = None,
    end: Annotated[str | None, typer.Option(
        "--end", metavar="DATE", show_default=False)] = None,
    tag: Annotated[list[str] | None, typer.Option(
        "--tag", "-t", metavar="TAG", show_default=False)] = None,
    no_tags: Annotated[bool, typer.Option("--no-tags")] = False,
    source: Annotated[str | None, typer.Option("--source", show_default=False)] = None,
    note: Annotated[str | None, typer.Option("--note", show_default=False)] = None,
    note_en: Annotated[str | None, typer.Option(
        "--note-en", show_default=False)] = None,
    url: Annotated[str | None, typer.Option("--url", show_default=False)] = None,
    zone: Annotated[str | None, typer.Option(
        "--zone", metavar="ZONE", show_default=False)] = None,
    milestone: Annotated[bool | None, typer.Option(
        "--milestone/--no-milestone", show_default=False)] = None,
    state: Annotated[str | None, typer.Option(
        "--state", metavar="STATE", show_default=False)] = None,
    reason: Annotated[str | None, typer.Option("--reason", show_default=False)] = None,
    condition: Annotated[str | None, typer.Option(
        "--condition", show_default=False)] = None,
    reason_en: Annotated[str | None, typer.Option(
        "--reason-en", show_default=False)] = None,
    condition_en: Annotated[str | None, typer.Option(
        "--condition-en", show_default=False)] = None,
    region: StageRegionOption = None,
    rule_phrase: RuleOption = None, after: AfterOption = None, days: DaysOption = None,
    working_days: WorkingDaysOption = None, months: MonthsOption = None,
    years: YearsOption = None, hours: HoursOption = None,
    direction: DirectionOption = None, counting: CountingOption = None,
    sense: SenseOption = None, latest: LatestOption = None, edge: EdgeOption = None,
    duration: DurationOption = None,
    no_after: Annotated[bool, typer.Option(
        "--no-after")] = False,
    undated: Annotated[bool | None, typer.Option(
        "--undated/--no-undated", show_default=False)] = None,
    why: WhyOption = None, git_author: GitAuthorOption = None,
    file: FileOption = None, lang: LangOption = Lang.id,
    drop_comments: DropCommentsOption = False,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
) -> None:
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
    record = history_record("edit", why, git_author)
    if record.why is not None:
        changes["why"] = record.why
    now = _now()
    result, schedule = store.update_and_read(
        source_file.path,
        lambda data, schedule: editing.edit_stage(
            data, schedule, query, _with_region(changes, region, schedule), rule=rule, now=now),
        timeout=lock_timeout, drop_comments=drop_comments,
        unchanged=lambda outcome: not outcome.changes, record=record)
    code = lang.value
    if not result.changes:
        typer.echo(edit_text("unchanged", code, key=result.key))
        return
    typer.echo(edit_text("edited", code, key=result.key, revision=result.revision))
    from pemilu_timeline.schedule.edit import FIELDS

    # A field the file leaves out holds its default: "confirmed", not "—".
    for item in result.changes:
        default = FIELDS[item.field].default if item.field in FIELDS else None
        old, new = (default if value is None else value
                    for value in (item.old, item.new))
        typer.echo("  " + change_line(item.field, old, new, code))
    if state == "confirmed" and any(c.field in ("reason", "reason_en") for c in result.changes):
        typer.echo(edit_text("reason_cleared", code))
    if {c.field for c in result.changes} & {"start", "end", "after", "undated"}:
        _echo_rule_dates(schedule, result.key, code)
    typer.echo(edit_text("file", code, path=source_file.path))
    from pemilu_timeline.rules.resolve import dependants

    followers = [other.key for other in dependants(schedule, result.key)]
    _warn_unlikely_dates(schedule, [result.key, *followers], code)


def _warn_unlikely_dates(schedule: Schedule, keys: list[str], lang: str) -> None:
    """A date far outside any election's years is kept but named on stderr: a slip in the
    year (1900, 2204) is its likeliest cause."""
    from pemilu_timeline.schedule.validate import unlikely_date

    for key in keys:
        stage = schedule.get(key)
        found = unlikely_date(stage) if stage is not None else None
        if found is not None:
            typer.echo(found.describe(lang), err=True)


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
        metavar="STAGE...", autocompletion=complete.stage_keys)],
    yes: Annotated[bool, typer.Option("--yes", "-y")] = False,
    why: WhyOption = None, git_author: GitAuthorOption = None,
    file: FileOption = None, lang: LangOption = Lang.id,
    drop_comments: DropCommentsOption = False,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
) -> None:
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
        from pemilu_timeline.cli.wording import confirm  # "ya" and "tidak" too

        if not confirm(question, lang.value):
            typer.echo(edit_text("not_removed", lang.value))
            raise typer.Exit(ExitStatus.INVALID)
    record = history_record("remove", why, git_author)
    removed = store.update(
        source_file.path, lambda data, schedule: editing.remove_stage(data, schedule, key),
        timeout=lock_timeout, drop_comments=drop_comments, record=record)
    typer.echo(edit_text("removed", lang.value, key=removed.key,
                  name=removed.display_name(lang.value),
                  dates=stage_dates(removed, lang.value)))
    typer.echo(edit_text("file", lang.value, path=source_file.path))
