"""Commands of a schedule kept in git: log (who changed what, and why), merge-driver (the
stage-aware merge git calls) and sync (pull with the driver, then push).

The work is done by ``schedule.history``, ``schedule.merge`` and ``schedule.gitrepo``; git
itself does the distributing: there is no server and no protocol of our own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pemilu_timeline.cli.options import (
    DEFAULT_LOCK_TIMEOUT,
    FileOption,
    JsonOption,
    Lang,
    LangOption,
    LockTimeoutOption,
    SinceOption,
    editable_source,
    history_moment,
    print_json,
)
from pemilu_timeline.errors import ExitStatus
from pemilu_timeline.i18n.messages import field_label, t
from pemilu_timeline.schedule.locate import locate


def log(
    stage: Annotated[list[str] | None, typer.Argument(
        metavar="[STAGE]", show_default=False)] = None,
    since: SinceOption = None,
    file: FileOption = None, lang: LangOption = Lang.id, as_json: JsonOption = False,
) -> None:
    from pemilu_timeline.schedule.gitrepo import change_text
    from pemilu_timeline.schedule.history import history

    source = locate(file)
    query = " ".join(stage) if stage else None
    moment = (history_moment(since, end_of_day=False, option="--since")
              if since is not None else None)
    entries = history(source.path, query, moment)
    if as_json:
        print_json({"file": str(source.path), "stage": query,
                    "commits": [entry.to_dict() for entry in entries]})
        return
    code = lang.value
    if not entries:
        typer.echo(t("git.log_empty", code, path=source.path))
        return
    for entry in entries:
        when = entry.date.replace("T", " ")[:16] + " " + entry.date[19:]
        typer.echo(f"{entry.commit[:10]}  {when}  {entry.author} <{entry.email}>")
        if not entry.changes:
            typer.echo(f"  {entry.subject}")
        for change in entry.changes:
            typer.echo("  " + change_text(change, code))
        if entry.why:
            typer.echo(f"  {field_label('why', code)}: {entry.why}")


def merge_driver(
    ancestor: Annotated[Path, typer.Argument(metavar="%O")],
    ours: Annotated[Path, typer.Argument(metavar="%A")],
    theirs: Annotated[Path, typer.Argument(metavar="%B")],
    path: Annotated[str | None, typer.Argument(metavar="[%P]", show_default=False)] = None,
    lang: LangOption = Lang.id,
) -> None:
    from pemilu_timeline.schedule.merge import merge_files

    shown = path or str(ours)
    outcome = merge_files(ancestor, ours, theirs, shown)
    code = lang.value
    for clash in outcome.clashes:
        typer.echo(t("git.clash", code, where=clash.where, field=field_label(clash.field, code),
                     ours=clash.ours_text, theirs=clash.theirs_text), err=True)
    if outcome.clashes:
        raise typer.Exit(ExitStatus.INVALID)


def sync(
    remote: Annotated[str, typer.Option("--remote", metavar="NAME")] = "origin",
    file: FileOption = None, lang: LangOption = Lang.id,
    lock_timeout: LockTimeoutOption = DEFAULT_LOCK_TIMEOUT,
) -> None:
    from pemilu_timeline.schedule.gitrepo import sync_repository
    from pemilu_timeline.schedule.history import repo_of
    from pemilu_timeline.schedule.store import locked

    source = editable_source(file)
    repo = repo_of(source.path)
    with locked(source.path, lock_timeout):
        pulled, pushed = sync_repository(repo, remote, source.path)
    typer.echo(t("git.synced", lang.value, remote=remote, pulled=pulled, pushed=pushed))
