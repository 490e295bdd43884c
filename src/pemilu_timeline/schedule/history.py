"""What git remembers of a schedule: the file as it stood at a moment, and who changed what.

Two time axes: when a stage happens (``--at``) and what was known of it (``--as-of``). The
schedule as known at a moment is the file in the last commit at or before it, read from git
and parsed from that text (never from the cache, which holds the file as it is now). The
history of a stage is read from the ``Pemilu-Change:`` trailers the tool's own commits carry;
a commit made by hand is compared with its parent, stage by stage.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pemilu_timeline.errors import GitRefused
from pemilu_timeline.model import Schedule
from pemilu_timeline.schedule.gitrepo import (
    CHANGE_TRAILER,
    WHY_TRAILER,
    Repo,
    changes_of,
    find_repo,
    git_program,
)


def repo_of(path: Path) -> Repo:
    """The repository keeping ``path``; refused in one line when there is none or no git."""
    from pemilu_timeline.fsio import target_of
    from pemilu_timeline.schedule.locate import bundled_path

    # The bundled schedule is the package's, whatever repository a checkout of it is in.
    repo = None if target_of(path) == target_of(bundled_path()) else find_repo(path)
    if repo is None:
        raise GitRefused("git.not_repo", path=path)
    git_program()
    return repo


# The moments git's date reader takes: beyond them it misreads (a --since in 2999 lists
# every commit). No commit lies outside them, so a moment beyond is held to the nearer end.
GIT_FIRST = dt.datetime(1970, 1, 2, tzinfo=dt.UTC)
GIT_LAST = dt.datetime(2099, 12, 31, 23, 59, 59, tzinfo=dt.UTC)


def git_date(moment: dt.datetime) -> str:
    """A moment as git reads it, in UTC: "2029-01-10 16:59:59 +0000"."""
    held = min(max(moment.astimezone(dt.UTC), GIT_FIRST), GIT_LAST)
    return held.strftime("%Y-%m-%d %H:%M:%S +0000")


def version_at(repo: Repo, moment: dt.datetime) -> str | None:
    """The last commit at or before ``moment`` that holds the file, or None."""
    found = repo.git("rev-list", "-1", f"--before={git_date(moment)}", "HEAD", "--",
                     repo.path, check=False)
    commit = found.stdout.decode("ascii", "replace").strip()
    return commit or None


def text_at(repo: Repo, commit: str) -> str | None:
    """The file's text in ``commit``; None where the commit does not hold it."""
    shown = repo.git("show", "--no-textconv", f"{commit}:{repo.path}", check=False)
    if shown.returncode != 0:
        return None
    return shown.stdout.decode("utf-8", "replace")


def schedule_as_of(path: Path, moment: dt.datetime) -> Schedule:
    """The schedule as the last commit at or before ``moment`` holds it."""
    from pemilu_timeline.schedule.read import parse_schedule

    repo = repo_of(path)
    commit = version_at(repo, moment)
    text = text_at(repo, commit) if commit else None
    if text is None:
        raise GitRefused("git.no_version", path=path, moment=git_date(moment))
    return parse_schedule(text, f"{path}@{commit[:10] if commit else ''}")


# --- log ------------------------------------------------------------------------------------

@dataclass
class Entry:
    """One commit that changed the file, with its changes in the reader's terms."""

    commit: str
    author: str
    email: str
    date: str  # ISO 8601, as git gives the author date
    subject: str
    why: str | None = None
    changes: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"commit": self.commit, "author": self.author, "email": self.email,
                "date": self.date, "subject": self.subject, "why": self.why,
                "changes": self.changes}


_FIELD_END = "\x00"
_RECORD_END = "\x01\n"


def history(path: Path, stage: str | None = None, since: dt.datetime | None = None
            ) -> list[Entry]:
    """Every commit that changed the file, newest first, with its changes; with ``stage``
    (ELECTION/ID or an id), only that stage's, even once it has been removed."""
    repo = repo_of(path)
    args = ["log", "--no-color", "--no-ext-diff", "--no-textconv",
            "--format=%H%x00%P%x00%an%x00%ae%x00%aI%x00%B%x01"]
    if since is not None:
        args.append(f"--since={git_date(since)}")
    found = repo.git(*args, "--", repo.path, check=False)
    if found.returncode != 0:  # a repository without a commit yet: no history
        return []
    entries = []
    for record in found.stdout.decode("utf-8", "replace").split(_RECORD_END):
        parts = record.lstrip("\n").split(_FIELD_END)
        if len(parts) < 6:
            continue
        commit, parents, author, email, date, body = parts[:6]
        entry = _entry(repo, commit, parents.split(), author, email, date, body)
        if entry is None:
            continue
        if stage is not None:
            entry.changes = [c for c in entry.changes if _names(c, stage)]
            if not entry.changes:
                continue
        entries.append(entry)
    return entries


def _names(change: dict[str, Any], stage: str) -> bool:
    key = str(change.get("key", ""))
    return key == stage or ("/" not in stage and key.endswith("/" + stage))


def _entry(repo: Repo, commit: str, parents: list[str], author: str, email: str,
           date: str, body: str) -> Entry | None:
    lines = body.strip("\n").splitlines()
    subject = lines[0] if lines else ""
    changes, why = [], None
    for line in lines:
        name, _, value = line.partition(": ")
        if name == CHANGE_TRAILER:
            try:
                change = json.loads(value)
            except ValueError:
                continue
            if isinstance(change, dict):
                changes.append(change)
        elif name == WHY_TRAILER:
            why = value
    entry = Entry(commit, author, email, date, subject, why, changes)
    if changes:
        return entry
    if len(parents) > 1:  # a merge: its changes are those of the commits merged
        return None
    if parents:  # a commit made by hand: compared with its parent
        entry.changes = _compared(repo, parents[0], commit)
    return entry


def _compared(repo: Repo, before: str, after: str) -> list[dict[str, Any]]:
    from pemilu_timeline.errors import ScheduleInvalid
    from pemilu_timeline.schedule.read import parse_schedule

    old, new = text_at(repo, before), text_at(repo, after)
    try:
        return changes_of(parse_schedule(old or "", repo.path),
                          parse_schedule(new or "", repo.path))
    except ScheduleInvalid:
        return []
