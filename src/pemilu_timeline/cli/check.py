"""Commands that check schedule files: validate (one file) and diff (two)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pemilu_timeline.cli.options import (
    DEFAULT_LOCK_TIMEOUT,
    AsOfOption,
    DropCommentsOption,
    FileOption,
    GitAuthorOption,
    JsonOption,
    Lang,
    LangOption,
    LockTimeoutOption,
    SinceOption,
    WhyOption,
    change_line,
    edit_text,
    editable_source,
    history_moment,
    history_record,
    known_on,
    print_json,
    stage_dates,
)
from pemilu_timeline.errors import ExitStatus, UsageError
from pemilu_timeline.i18n.messages import Term, t
from pemilu_timeline.schedule.locate import locate

if TYPE_CHECKING:
    from pemilu_timeline.diff import ScheduleDiff
    from pemilu_timeline.model import Schedule
    from pemilu_timeline.schedule.schema import FieldDiff


def validate(
    path: Annotated[Path | None, typer.Argument(
        metavar="[FILE]", show_default=False)] = None,
    fix_format: Annotated[bool, typer.Option(
        "--fix-format")] = False,
    file: FileOption = None, lang: LangOption = Lang.id, as_json: JsonOption = False,
    drop_comments: DropCommentsOption = False,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
    why: WhyOption = None, git_author: GitAuthorOption = None,
) -> None:
    from pemilu_timeline.errors import ScheduleInvalid
    from pemilu_timeline.schedule.read import build_schedule, parse_toml, read_text
    from pemilu_timeline.schedule.validate import no_elections, unlikely_dates

    if path is not None and file is not None:
        raise UsageError("usage.file_twice")
    source = editable_source(path or file) if fix_format else locate(path or file)
    with _named_file() if path is not None else nullcontext():
        text = read_text(source.path)
    shown = str(source.path)
    try:
        data = parse_toml(text, shown)  # once: the checks below read the same data
        schedule = build_schedule(data, text, shown)
        empty = no_elections(schedule, shown)
        if empty is not None:
            raise ScheduleInvalid(shown, [empty])
    except ScheduleInvalid as error:
        if not as_json:
            raise
        print_json({"file": shown, "valid": False,
                    "problems": [p.to_dict() for p in error.problems]})
        raise typer.Exit(error.exit_code) from None
    from pemilu_timeline.schedule import store
    from pemilu_timeline.schedule.write import is_canonical

    warnings = unlikely_dates(schedule, data, text)
    for warning in warnings:
        typer.echo(warning.describe(lang.value, shown), err=True)
    conflicts = _conflict_warnings(schedule, lang.value)
    for line in conflicts:
        typer.echo(line, err=True)
    canonical = is_canonical(data, text)
    if fix_format and not canonical:
        store.reformat(source.path, timeout=lock_timeout, drop_comments=drop_comments,
                       record=history_record("validate --fix-format", why, git_author))
    if as_json:
        print_json({"file": shown, "valid": True, "problems": [], "canonical": canonical,
                    "reformatted": fix_format and not canonical,
                    "conflicts": [{"stage": stage.key, "entry": entry}
                                  for stage in schedule for entry in stage.conflict],
                    "elections": len(schedule.elections), "stages": len(schedule),
                    "warnings": [w.to_dict(shown) for w in warnings]})
        if conflicts:  # it loads, but a merge left decisions to make: not done yet
            raise typer.Exit(ExitStatus.INVALID)
        return
    if conflicts:
        typer.echo(t("git.unsettled", lang.value, path=shown, count=len(conflicts)), err=True)
        raise typer.Exit(ExitStatus.INVALID)
    typer.echo(edit_text("valid", lang.value, path=shown, elections=len(schedule.elections),
                  stages=len(schedule)))
    if fix_format:
        typer.echo(edit_text("canonical" if canonical else "reformatted", lang.value, path=shown))
    elif not canonical:
        typer.echo(edit_text("not_canonical", lang.value))


def diff(
    old: Annotated[Path | None, typer.Argument(show_default=False)] = None,
    new: Annotated[Path | None, typer.Argument(show_default=False)] = None,
    lang: LangOption = Lang.id, as_json: JsonOption = False,
    exit_code: Annotated[bool, typer.Option(
        "--exit-code")] = False,
    since: SinceOption = None,
    as_of: AsOfOption = None, file: FileOption = None,
) -> None:
    from pemilu_timeline.diff import diff_schedules

    if since is not None:  # the file's own history: as known then, against as known now
        if old is not None or new is not None:
            raise UsageError("git.diff_needs_files")
        result, old, new = _diff_since(since, as_of, file)
    else:
        if old is None or new is None:
            raise UsageError("git.diff_needs_files")
        if as_of is not None:
            result = diff_schedules(known_on(old, as_of), known_on(new, as_of))
        else:
            result = diff_schedules(_load_named(old), _load_named(new))
    _print_diff(result, old, new, lang.value, as_json)
    if exit_code and not result.is_empty:
        raise typer.Exit(ExitStatus.DIFFERENT)


def _print_diff(result: ScheduleDiff, old: Path, new: Path, code: str, as_json: bool) -> None:
    from pemilu_timeline.exports.json import diff_to_dict

    if as_json:
        print_json(diff_to_dict(result, str(old), str(new)))
        return
    if result.is_empty:
        typer.echo(edit_text("no_diff", code, old=old, new=new))
        return
    counts = {"added": len(result.added), "removed": len(result.removed),
              "changed": len(result.changed)}
    elections = {"elections_added": len(result.elections_added),
                 "elections_removed": len(result.elections_removed),
                 "elections_changed": len(result.elections_changed)}
    # Only stages counted, unless an election changed: "0 changed" would then hide it.
    head = "diff_head_elections" if any(elections.values()) else "diff_head"
    typer.echo(edit_text(head, code, old=old, new=new, **counts, **elections))
    for election in result.elections_added:
        typer.echo(edit_text("election_added", code, id=election.id,
                      name=election.display_name(code)))
    for election in result.elections_removed:
        typer.echo(edit_text("election_removed", code, id=election.id,
                      name=election.display_name(code)))
    for election_id, fields in result.elections_changed:
        typer.echo(edit_text("election_changed", code, id=election_id))
        _print_fields(fields, code)
    for stage in result.added:
        typer.echo(f"+ {stage.key}  {stage.display_name(code)} — {stage_dates(stage, code)}")
    for stage in result.removed:
        typer.echo(f"- {stage.key}  {stage.display_name(code)} — {stage_dates(stage, code)}")
    for changed in result.changed:
        typer.echo(f"~ {changed.key}  {changed.stage.display_name(code)}")
        _print_fields(changed.fields, code)


def _diff_since(since: str, as_of: str | None, file: Path | None
                ) -> tuple[ScheduleDiff, Path, Path]:
    """The correction note of --file since a moment: what it said then, against what it
    says now (or at --as-of); the two sides are named FILE@WHEN."""
    from pemilu_timeline.diff import diff_schedules
    from pemilu_timeline.schedule.history import schedule_as_of

    path = locate(file).path
    before = schedule_as_of(path, history_moment(since, end_of_day=False, option="--since"))
    after = known_on(path, as_of) if as_of is not None else _load_named(path)
    return (diff_schedules(before, after), Path(f"{path}@{since}"),
            Path(f"{path}@{as_of}") if as_of is not None else path)


def _conflict_warnings(schedule: Schedule, lang: str) -> list[str]:
    """A line per conflict a merge recorded on a stage, saying how to settle it."""
    from pemilu_timeline.i18n.messages import field_label
    from pemilu_timeline.schedule.merge import entry_field

    lines = []
    for stage in schedule:
        for entry in stage.conflict:
            name = entry_field(entry)
            lines.append(t("git.conflict_warning", lang, key=stage.key,
                           field=field_label(name, lang), entry=entry,
                           option=name.replace("_", "-")))
    return lines


@contextmanager
def _named_file() -> Iterator[None]:
    """A file named as an argument: if it cannot be read, --file is not the fix."""
    from pemilu_timeline.errors import ScheduleFileError

    try:
        yield
    except ScheduleFileError as error:
        error.params["hint"] = Term("hint.file_name")
        raise


def _load_named(path: Path) -> Schedule:
    from pemilu_timeline.schedule.read import load_schedule

    with _named_file():
        return load_schedule(path)


def _print_fields(fields: tuple[FieldDiff, ...], lang: str) -> None:
    for item in fields:
        typer.echo("    " + change_line(item.field, item.old, item.new, lang))

