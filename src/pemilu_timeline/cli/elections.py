"""`election add | edit | remove | list`: the elections a schedule holds, kept by command with
the same lock, validation and atomic write as its stages."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from pemilu_timeline.cli import complete
from pemilu_timeline.cli.options import (
    DEFAULT_LOCK_TIMEOUT,
    DropCommentsOption,
    FileOption,
    GitAuthorOption,
    JsonOption,
    Lang,
    LangOption,
    LockTimeoutOption,
    WhyOption,
    change_line,
    console,
    editable_source,
    history_record,
    print_json,
)
from pemilu_timeline.errors import UsageError
from pemilu_timeline.i18n.messages import t
from pemilu_timeline.schedule.locate import locate
from pemilu_timeline.schedule.read import load_source

app = typer.Typer(
    name="election", no_args_is_help=True, rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]})

IdArgument = Annotated[str, typer.Argument(
    metavar="ID")]
# An election already in the file: what `edit` and `remove` name, so Tab offers them.
KnownIdArgument = Annotated[str, typer.Argument(
    metavar="ID", autocompletion=complete.elections)]
NameOption = Annotated[str | None, typer.Option(
    "--name", show_default=False)]
NameEnOption = Annotated[str | None, typer.Option(
    "--name-en", show_default=False)]
TimezoneOption = Annotated[str | None, typer.Option(
    "--timezone", metavar="ZONE",
    show_default=False)]
SourceOption = Annotated[str | None, typer.Option(
    "--source", show_default=False)]
UrlOption = Annotated[str | None, typer.Option(
    "--url", show_default=False)]
NoteOption = Annotated[str | None, typer.Option(
    "--note", show_default=False)]


def _values(name: str | None, name_en: str | None, timezone: str | None, source: str | None,
            url: str | None, note: str | None) -> dict[str, str | None]:
    return {"name": name, "name_en": name_en, "timezone": timezone, "source": source,
            "url": url, "note": note}


@app.command("add")
def add(
    election_id: IdArgument, name: NameOption = None, name_en: NameEnOption = None,
    timezone: TimezoneOption = None, source: SourceOption = None, url: UrlOption = None,
    note: NoteOption = None, why: WhyOption = None, git_author: GitAuthorOption = None,
    file: FileOption = None, lang: LangOption = Lang.id,
    drop_comments: DropCommentsOption = False,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
) -> None:
    from pemilu_timeline.schedule import edit as editing
    from pemilu_timeline.schedule import store

    source_file = editable_source(file)
    values = _values(name, name_en, timezone, source, url, note)
    added = store.update(
        source_file.path,
        lambda data, schedule: editing.add_election(data, schedule, election_id, values),
        timeout=lock_timeout, drop_comments=drop_comments,
        record=history_record("election add", why, git_author))
    code = lang.value
    shown = added["name_en"] if lang is Lang.en else added["name"]
    typer.echo(t("election.added", code, election=election_id, name=shown,
                 timezone=added["timezone"]))
    typer.echo(t("election.next", code, election=election_id))
    typer.echo(t("edit.file", code, path=source_file.path))


@app.command("edit")
def edit(
    election_id: KnownIdArgument, name: NameOption = None, name_en: NameEnOption = None,
    timezone: TimezoneOption = None, source: SourceOption = None, url: UrlOption = None,
    note: NoteOption = None, why: WhyOption = None, git_author: GitAuthorOption = None,
    file: FileOption = None, lang: LangOption = Lang.id,
    drop_comments: DropCommentsOption = False,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
) -> None:
    from pemilu_timeline.schedule import edit as editing
    from pemilu_timeline.schedule import store

    values = _values(name, name_en, timezone, source, url, note)
    if all(v is None for v in values.values()):
        raise UsageError("election.nothing_to_change")
    source_file = editable_source(file)
    changes = store.update(
        source_file.path,
        lambda data, schedule: editing.edit_election(data, schedule, election_id, values),
        timeout=lock_timeout, drop_comments=drop_comments, unchanged=lambda found: not found,
        record=history_record("election edit", why, git_author))
    code = lang.value
    if not changes:
        typer.echo(t("election.unchanged", code, election=election_id))
        return
    typer.echo(t("election.edited", code, election=election_id))
    for item in changes:
        typer.echo("  " + change_line(item.field, item.old, item.new, code))
    typer.echo(t("edit.file", code, path=source_file.path))


@app.command("remove")
def remove(
    election_id: KnownIdArgument, why: WhyOption = None,
    git_author: GitAuthorOption = None, file: FileOption = None, lang: LangOption = Lang.id,
    drop_comments: DropCommentsOption = False,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
) -> None:
    from pemilu_timeline.schedule import edit as editing
    from pemilu_timeline.schedule import store

    source_file = editable_source(file)
    removed = store.update(
        source_file.path,
        lambda data, schedule: editing.remove_election(data, schedule, election_id),
        timeout=lock_timeout, drop_comments=drop_comments,
        record=history_record("election remove", why, git_author))
    typer.echo(t("election.removed", lang.value, election=removed))
    typer.echo(t("edit.file", lang.value, path=source_file.path))


@app.command("list")
def list_elections(file: FileOption = None, lang: LangOption = Lang.id,
                   as_json: JsonOption = False) -> None:
    schedule = load_source(locate(file))
    counts: dict[str, int] = {}
    for stage in schedule:
        counts[stage.election] = counts.get(stage.election, 0) + 1
    if as_json:
        rows: list[dict[str, Any]] = [
            {"id": e.id, "name": e.name, "name_en": e.name_en, "timezone": e.timezone,
             "source": e.source, "url": e.url, "note": e.note, "stages": counts.get(e.id, 0)}
            for e in schedule.elections.values()]
        print_json(rows)
        return
    from pemilu_timeline.views.tables import elections_view

    console().print(elections_view(schedule, counts, lang.value))
