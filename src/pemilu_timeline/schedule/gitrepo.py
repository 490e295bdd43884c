"""A schedule kept in a git repository: finding the work tree, and one commit per write.

Finding the work tree is cheap: the parents of the file are walked for ``.git``, no git is
spawned, so a read of a plain file never pays for git. Git itself is run only to write, to
read history, and to merge, always with an argument list (never a shell), with the
``GIT_*`` variables that would point it at another repository removed, and with hooks and
fsmonitor switched off: a repository comes from elsewhere, and a commit must not run its
code. The commit message says what changed in the reader's terms and carries each change as
a ``Pemilu-Change:`` trailer (JSON), which ``log`` reads back without parsing old versions.

A write in a repository is journalled in the git directory before the file is replaced and
the journal is removed once the commit is made: a writer killed between the two leaves a
journal, and the next writer (under the same lock) makes the commit the dead one could not.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pemilu_timeline.errors import GitRefused
from pemilu_timeline.fsio import target_of

if TYPE_CHECKING:
    from pemilu_timeline.schedule.schema import FieldDiff

CHANGE_TRAILER = "Pemilu-Change"
WHY_TRAILER = "Pemilu-Why"
JOURNAL = "pemilu-timeline-pending.json"
DRIVER = "pemilu-timeline"  # the merge driver's name in .gitattributes and the local config
ENV_DISABLE = "PEMILU_TIMELINE_NO_GIT"  # a schedule in a work tree written as a plain file
# Variables that would make git act on another repository, index or object store than the
# work tree of the file.
_REPOSITORY_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                         "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_PREFIX",
                         "GIT_COMMON_DIR", "GIT_EXTERNAL_DIFF", "GIT_PAGER", "GIT_EDITOR")
_SAFE = ("-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false",
         "-c", "core.pager=cat", "-c", "commit.gpgSign=false", "-c", "log.showSignature=false")


@dataclass(frozen=True)
class Repo:
    """The work tree holding a schedule file, and the file's path inside it."""

    tree: Path
    git_dir: Path
    path: str  # the file, relative to the tree, with '/' as git writes it

    def git(self, *args: str, stdin: bytes | None = None, check: bool = True
            ) -> subprocess.CompletedProcess[bytes]:
        return run_git(self.tree, *args, stdin=stdin, check=check)

    @property
    def journal(self) -> Path:
        return self.git_dir / JOURNAL


def find_repo(path: Path) -> Repo | None:
    """The work tree ``path`` is in (its parents walked for ``.git``), or None."""
    if os.environ.get(ENV_DISABLE):
        return None
    target = target_of(path)
    for folder in target.parents:
        dot_git = folder / ".git"
        try:
            if dot_git.is_dir():
                git_dir = dot_git
            elif dot_git.is_file():  # a linked work tree or a submodule: "gitdir: …"
                text = dot_git.read_text("utf-8", "replace").strip()
                if not text.startswith("gitdir:"):
                    return None
                git_dir = (folder / text.partition(":")[2].strip()).resolve()
            else:
                continue
        except OSError:
            return None
        return Repo(folder, git_dir, target.relative_to(folder).as_posix())
    return None


def git_program() -> str:
    found = shutil.which("git")
    if found is None:
        raise GitRefused("git.missing")
    return found


def git_env() -> dict[str, str]:
    """The environment git runs in: nothing pointing it elsewhere, no prompt, plain words."""
    env = {name: value for name, value in os.environ.items()
           if name not in _REPOSITORY_VARIABLES}
    env["GIT_TERMINAL_PROMPT"] = "0"
    env["LC_ALL"] = "C"
    return env


def run_git(tree: Path, *args: str, stdin: bytes | None = None, check: bool = True
            ) -> subprocess.CompletedProcess[bytes]:
    """Run git in ``tree``; a failure (with ``check``) is GitRefused with git's first line."""
    command = [git_program(), "-C", str(tree), *_SAFE, *args]
    try:
        done = subprocess.run(command, input=stdin, capture_output=True, env=git_env(),
                              check=False)
    except OSError as error:
        raise GitRefused("git.failed", command=args[0], reason=str(error)) from None
    if check and done.returncode != 0:
        raise GitRefused("git.failed", command=args[0], reason=first_line(done))
    return done


def first_line(done: subprocess.CompletedProcess[bytes]) -> str:
    """Git's own word on a failure, on one line."""
    for stream in (done.stderr, done.stdout):
        for line in stream.decode("utf-8", "replace").splitlines():
            line = line.strip()
            if line:
                return line.removeprefix("fatal: ").removeprefix("error: ")[:200]
    return f"exit {done.returncode}"


# --- one commit per write -------------------------------------------------------------------

@dataclass(frozen=True)
class Record:
    """What a write tells the history: who, and why (a decree, a news source)."""

    action: str  # the command, for a subject naming several changes or none
    why: str | None = None
    author: str | None = None  # "Name <email>"; None: git's user.name and user.email


@dataclass
class Pending:
    """A write in a repository, checked before the file is touched."""

    repo: Repo
    merging: bool  # a merge is in progress: the commit concludes it
    message: str = ""
    author: str | None = None

    def start(self, message: str, author: str | None) -> None:
        """Journal the commit to come, before the file is replaced."""
        self.message, self.author = message, author
        journal = {"path": self.repo.path, "message": message, "author": author,
                   "merging": self.merging}
        self.repo.journal.write_text(json.dumps(journal), "utf-8")

    def finish(self) -> None:
        """Commit the file as written; the journal goes once the commit is in."""
        _commit(self.repo, self.message, self.author, self.merging)
        self.repo.journal.unlink(missing_ok=True)

    def forget(self) -> None:
        self.repo.journal.unlink(missing_ok=True)


def prepare(path: Path, record: Record | None) -> Pending | None:
    """Before a write (under the file's lock): whether it is to be committed, and may be.

    None for a file outside a work tree, or one git does not track (an untracked or ignored
    file in someone's repository is theirs, written as a plain file). Refused, before
    anything is written: no git, a detached head, changes to the file nobody committed, an
    author git cannot use."""
    repo = find_repo(path)
    if repo is None:
        return None
    git_program()
    _finish_journal(repo)
    code = _file_status(repo, ignored=True)
    if code in ("??", "!!"):
        return None
    if not _head_is_branch(repo):
        raise GitRefused("git.detached", path=path)
    merging = (repo.git_dir / "MERGE_HEAD").exists()
    if code.strip() and not merging:
        raise GitRefused("git.dirty", path=path)
    if record is not None and record.author is not None:
        check_author(record.author)
    return Pending(repo, merging)


# The longest --author a commit takes: a name and an address, not a pasted page.
MAX_AUTHOR = 200


def check_author(author: str) -> None:
    """--author as git takes it and records it unchanged: "Name <email>", one line, with
    one address in one pair of angle brackets (git would drop a control character or a
    second bracket without a word, and record someone else)."""
    name, _, rest = author.partition("<")
    address = rest[:-1]
    if (not name.strip() or not rest.endswith(">") or "@" not in address
            or any(ch in address for ch in "<> ") or len(author) > MAX_AUTHOR
            or any(ord(ch) < 32 or ord(ch) == 127 for ch in author)):
        shown = "".join(ch if ord(ch) >= 32 and ord(ch) != 127 else "?" for ch in author)
        raise GitRefused("git.bad_author", author=shown[:80])


def _file_status(repo: Repo, *, ignored: bool = False) -> str:
    """The file's two-letter code in `git status --porcelain` ("" when it is clean; "??"
    untracked; "!!" ignored, asked for with ``ignored``)."""
    args = ["status", "--porcelain=v1", "-z", *(["--ignored"] if ignored else [])]
    return repo.git(*args, "--", repo.path).stdout[:2].decode("ascii", "replace")


def _head_is_branch(repo: Repo) -> bool:
    """HEAD names a branch (read from the file: no git spawned)."""
    try:
        head = (repo.git_dir / "HEAD").read_text("utf-8", "replace")
    except OSError:
        return False
    return head.startswith("ref:")


def _commit(repo: Repo, message: str, author: str | None, merging: bool) -> None:
    """The file as it is now, committed. Outside a merge, only the file (whatever else is
    staged), which git takes from the work tree: no `git add` needed."""
    args = ["commit", "--quiet", "--no-verify", "--allow-empty-message", "-F", "-"]
    if author:
        args += ["--author", author]
    if merging:
        repo.git("add", "--", repo.path)
    else:
        args += ["--only", "--", repo.path]
    done = repo.git(*args, stdin=message.encode("utf-8"), check=False)
    if done.returncode != 0:
        raise _commit_refused(done)


def _commit_refused(done: subprocess.CompletedProcess[bytes]) -> GitRefused:
    """Why git refused a commit: no identity to write it under, or git's own word."""
    said = done.stderr.decode("utf-8", "replace")
    if "tell me who you are" in said or "auto-detect email" in said or "empty ident" in said:
        return GitRefused("git.no_identity")
    return GitRefused("git.failed", command="commit", reason=first_line(done))


def _finish_journal(repo: Repo) -> None:
    """A journal left by a writer killed between writing and committing: the commit it
    would have made, if the file still differs from the last commit."""
    try:
        journal = json.loads(repo.journal.read_text("utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(journal, dict) or journal.get("path") != repo.path:
        return
    if _file_status(repo).strip():
        _commit(repo, str(journal.get("message", "")), journal.get("author") or None,
                bool(journal.get("merging")))
    repo.journal.unlink(missing_ok=True)


# --- what a commit says ---------------------------------------------------------------------

def value_text(value: Any) -> str:
    """A plain value (as ``schema.plain`` gives it) as a commit message quotes it."""
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def changes_of(old: Any, new: Any) -> list[dict[str, Any]]:
    """Every change from schedule ``old`` to ``new``, as the trailers carry them: elections
    and stages matched by key, each field the schema lets ``diff`` compare, as plain data."""
    from pemilu_timeline.schedule import schema  # the fields as they stand (tests add one)

    changes: list[dict[str, Any]] = []
    for key, election in new.elections.items():
        if key not in old.elections:
            changes.append({"op": "election add", "key": key, "name": election.name})
    for key, election in old.elections.items():
        if key not in new.elections:
            changes.append({"op": "election remove", "key": key, "name": election.name})
        else:
            for diff in schema.changed_fields(election, new.elections[key],
                                              schema.ELECTION_FIELDS):
                changes.append({"op": "election edit", "key": key, "field": diff.field,
                                "old": diff.old, "new": diff.new})
    old_stages = {stage.key: stage for stage in old}
    new_keys = set()
    for stage in new:
        new_keys.add(stage.key)
        before_stage = old_stages.get(stage.key)
        if before_stage is None:
            changes.append({"op": "add", "key": stage.key, "name": stage.name})
            continue
        for diff in _written(before_stage, stage, schema.changed_fields(
                before_stage, stage, schema.STAGE_FIELDS)):
            changes.append({"op": "edit", "key": stage.key, "field": diff.field,
                            "old": diff.old, "new": diff.new})
    for stage in old:
        if stage.key not in new_keys:
            changes.append({"op": "remove", "key": stage.key, "name": stage.name})
    return changes


def _written(old: Any, new: Any, fields: Sequence[FieldDiff]) -> list[FieldDiff]:
    """The fields a change wrote, not what follows from them: the reason (said once), the
    stamps (they change with every edit), the dates a rule gives, and a one-day stage's
    end moving with its start."""
    by_name = {diff.field: (diff.old, diff.new) for diff in fields}
    by_rule = new.dated_by_rule or old.dated_by_rule
    kept = []
    for diff in fields:
        if diff.field in ("why", "revision", "updated"):
            continue
        if diff.field in ("start", "end") and by_rule and "after" not in by_name:
            continue
        if diff.field == "end" and by_name.get("start") == (diff.old, diff.new):
            continue
        kept.append(diff)
    return kept


def change_text(change: dict[str, Any], lang: str) -> str:
    """One change in the reader's terms: "edit pemilu-2029/x: mulai — → 2029-02-14"."""
    from pemilu_timeline.i18n.messages import field_label

    if "field" not in change:
        return f"{change['op']} {change['key']}" + (f" ({change['name']})"
                                                   if change.get("name") else "")
    label = field_label(change["field"], lang)
    return (f"{change['op']} {change['key']}: {label} {_short(value_text(change.get('old')))}"
            f" → {_short(value_text(change.get('new')))}")


def _short(text: str, limit: int = 60) -> str:
    """A long value (a note) cut to what a subject line can hold."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def commit_message(changes: Sequence[dict[str, Any]], why: str | None, fallback: str,
                   lang: str) -> str:
    """The subject (the one change, or how many), a line per change, the reason, then the
    trailers ``log`` reads back."""
    lines = [change_text(change, lang) for change in changes]
    if len(lines) == 1:
        subject = lines[0]
    elif lines:
        subject = f"{fallback}: {len(lines)} perubahan" if lang == "id" \
            else f"{fallback}: {len(lines)} changes"
    else:
        subject = fallback
    body = [subject[:200], ""]
    if len(lines) > 1:
        body += [f"- {line}" for line in lines] + [""]
    if why:
        body += [why, ""]
    trailers = [f"{CHANGE_TRAILER}: {json.dumps(change, ensure_ascii=False, default=str)}"
                for change in changes]
    if why:
        trailers.append(f"{WHY_TRAILER}: {why}")
    return "\n".join(body + trailers) + "\n"


# --- a repository for a schedule ------------------------------------------------------------

SCHEDULE_NAME = "stages.toml"
IGNORED = ("stages.toml.lock", ".stages.toml.*.tmp")


def driver_command() -> str:
    """How git calls the merge driver: this Python and this package, whatever PATH holds
    (git runs it through a shell, so the program is quoted)."""
    import shlex
    import sys

    return f"{shlex.quote(sys.executable)} -m pemilu_timeline merge-driver %O %A %B %P"


def register_driver(tree: Path) -> None:
    """The merge driver in the clone's own config (a clone's config is never copied, so
    every clone registers it: `init --git .` in the clone)."""
    run_git(tree, "config", f"merge.{DRIVER}.name", "pemilu-timeline: stage by stage")
    run_git(tree, "config", f"merge.{DRIVER}.driver", driver_command())


def attributes_line(name: str = SCHEDULE_NAME) -> str:
    return f"{name} merge={DRIVER}\n"


def create_repository(folder: Path, write_schedule: Any, author: str | None) -> None:
    """A new repository in ``folder``: the schedule (written by ``write_schedule``), the
    attributes that name the merge driver and an ignore list for the lock, in one commit."""
    git_program()
    if author is not None:
        check_author(author)
    if folder.exists() and not folder.is_dir():
        raise GitRefused("git.init_not_folder", folder=folder)
    if (folder / SCHEDULE_NAME).exists() or (folder / SCHEDULE_NAME).is_symlink():
        raise GitRefused("git.init_has_schedule", folder=folder)
    new_folder = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise GitRefused("git.failed", command="init", reason=str(error)) from None
    made = [folder / name for name in (".git", SCHEDULE_NAME, ".gitattributes", ".gitignore",
                                       IGNORED[0]) if not (folder / name).exists()]
    try:
        run_git(folder, "init", "--quiet")
        run_git(folder, "symbolic-ref", "HEAD", "refs/heads/main")
        register_driver(folder)
        write_schedule(folder / SCHEDULE_NAME)
        (folder / ".gitattributes").write_text(attributes_line(), "utf-8")
        (folder / ".gitignore").write_text("".join(f"{name}\n" for name in IGNORED), "utf-8")
        run_git(folder, "add", "--", SCHEDULE_NAME, ".gitattributes", ".gitignore")
        args = ["commit", "--quiet", "--no-verify", "-F", "-"]
        if author:
            args += ["--author", author]
        done = run_git(folder, *args, stdin=b"init: jadwal bawaan pemilu-timeline\n",
                       check=False)
        if done.returncode != 0:
            raise _commit_refused(done)
    except BaseException:
        _unmake(made, folder if new_folder else None)  # a repository without its first
        raise  # commit would take no write as one


def _unmake(made: list[Path], new_folder: Path | None) -> None:
    """Remove what a failed `init --git` made, and only that."""
    for path in made:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    if new_folder is not None:
        with contextlib.suppress(OSError):  # kept when something else came into it meanwhile
            new_folder.rmdir()


def sync_repository(repo: Repo, remote: str, path: Path) -> tuple[int, int]:
    """Pull from ``remote`` (merging stages.toml with the driver), then push; how many
    commits came in and went out. Every refusal is one line; nothing is lost: a refused
    pull leaves the branch as it was, a refused push leaves the commits local."""
    if not _head_is_branch(repo):
        raise GitRefused("git.detached", path=path)
    if (repo.git_dir / "MERGE_HEAD").exists():
        raise GitRefused("git.merging", path=path)
    if _file_status(repo).strip():
        raise GitRefused("git.dirty", path=path)
    if remote not in repo.git("remote").stdout.decode("utf-8", "replace").split():
        raise GitRefused("git.no_remote", path=path)
    register_driver(repo.tree)  # a clone made by hand has it from now on
    before = repo.git("rev-parse", "HEAD").stdout.strip()
    fetched = repo.git("fetch", "--quiet", remote, check=False)
    if fetched.returncode != 0:
        raise GitRefused("git.pull_failed", remote=remote, reason=first_line(fetched))
    branch = repo.git("symbolic-ref", "--short", "HEAD").stdout.decode().strip()
    upstream = f"{remote}/{branch}"
    has_upstream = repo.git("rev-parse", "--verify", "--quiet", upstream,
                            check=False).returncode == 0
    if has_upstream:
        merged = repo.git("merge", "--no-edit", "--quiet", upstream, check=False)
        if merged.returncode != 0:
            if (repo.git_dir / "MERGE_HEAD").exists():
                raise GitRefused("git.pull_conflict", remote=remote, path=path)
            raise GitRefused("git.pull_failed", remote=remote, reason=first_line(merged))
    after = repo.git("rev-parse", "HEAD").stdout.strip()
    pulled = _count(repo, f"{before.decode()}..{after.decode()}") if before != after else 0
    ahead = _count(repo, f"{upstream}..HEAD") if has_upstream else _count(repo, "HEAD")
    if ahead:
        pushed = repo.git("push", "--quiet", remote, f"HEAD:refs/heads/{branch}", check=False)
        if pushed.returncode != 0:
            raise GitRefused("git.push_refused", remote=remote, reason=first_line(pushed))
    return pulled, ahead


def _count(repo: Repo, revisions: str) -> int:
    counted = repo.git("rev-list", "--count", revisions, check=False)
    try:
        return int(counted.stdout.strip() or 0)
    except ValueError:
        return 0
