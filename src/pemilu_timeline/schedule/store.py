"""Writing a schedule file so that nothing is ever lost: a lock, validation, atomic replace.

Every change is one read-modify-write done while holding an exclusive lock on a sidecar file
(``stages.toml.lock``, never the data file itself, which is replaced on each write). The new
canonical text (``write``) is re-parsed and validated before it replaces the old file; it is
written to a temp file in the same directory, fsynced, moved over the old one with
``os.replace`` and the directory is fsynced. The old file's mode (and, where allowed, owner)
is kept; a symlink is written through to its target. A failure at any step leaves the file
byte-identical and no temp file.

filelock is imported only here, and this module only by the edit commands.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pemilu_timeline.errors import LockTimeout, Problem, ScheduleInvalid, WriteRefused
from pemilu_timeline.fsio import remove_stale_temps, target_of, writable_target, write_atomic
from pemilu_timeline.model import Schedule
from pemilu_timeline.schedule.read import build_schedule, parse_schedule, parse_toml, read_text
from pemilu_timeline.schedule.write import canonical_text, refuse_comments

T = TypeVar("T")

LOCK_SUFFIX = ".lock"
DEFAULT_TIMEOUT = 10.0


# --- lock and atomic write ------------------------------------------------------------------

def lock_path(path: Path) -> Path:
    target = writable_target(path)
    return target.with_name(target.name + LOCK_SUFFIX)


@contextmanager
def locked(path: Path, timeout: float = DEFAULT_TIMEOUT) -> Iterator[Path]:
    """Hold the exclusive sidecar lock of ``path``; LockTimeout after ``timeout`` seconds.

    flock-based (filelock): the kernel drops the lock when the holder dies, even by SIGKILL,
    so a crashed command never blocks the others.
    """
    from filelock import FileLock, Timeout

    lock = lock_path(path)
    try:
        # filelock retries a lock file it cannot create as if another command held it, and
        # would end in a misleading timeout; find out at once instead.
        os.close(os.open(lock, os.O_RDWR | os.O_CREAT, 0o644))
        with FileLock(str(lock), timeout=timeout):
            yield lock
    except Timeout:
        raise LockTimeout(path=str(path), seconds=_seconds(timeout)) from None
    except OSError as error:
        if error.filename not in (str(lock), None):
            raise
        from pemilu_timeline.i18n.messages import os_reason

        raise WriteRefused("write.lock_file", lock=lock, folder=lock.parent,
                           reason=os_reason(error)) from None


def _seconds(timeout: float) -> str:
    return f"{timeout:g}"


def atomic_write(path: Path, text: str, *, expect: os.stat_result | None = None) -> None:
    """Replace ``path`` with ``text`` through the one atomic writer; an OSError is said in
    the user's words, the file unchanged."""
    try:
        write_atomic(path, text.encode("utf-8"), expect=expect)
    except OSError as error:
        raise _write_failed(path, error) from None


def _write_failed(path: Path, error: OSError) -> WriteRefused:
    from pemilu_timeline.i18n.messages import os_reason

    return WriteRefused("write.failed", path=path, reason=os_reason(error))


# --- one read-modify-write ------------------------------------------------------------------

Change = Callable[[dict[str, Any], Schedule], T]


def update(path: Path, change: Change[T], *, timeout: float = DEFAULT_TIMEOUT,
           drop_comments: bool = False, unchanged: Callable[[T], bool] | None = None) -> T:
    """Apply ``change`` to the file's data under the lock and write the result atomically.

    ``change`` gets the raw TOML data (to modify in place) and the validated Schedule (to find
    stages); it raises a PemiluError to refuse, which leaves the file untouched. Nothing is
    written when the change gives back the same text, or when ``unchanged(result)`` says the
    change was a no-op (so that a no-op never rewrites a hand-formatted file).
    """
    return update_and_read(path, change, timeout=timeout, drop_comments=drop_comments,
                           unchanged=unchanged)[0]


def update_and_read(path: Path, change: Change[T], *, timeout: float = DEFAULT_TIMEOUT,
                    drop_comments: bool = False, unchanged: Callable[[T], bool] | None = None
                    ) -> tuple[T, Schedule]:
    """``update``, also giving the schedule as it now stands: the one just validated for
    writing (with rule dates computed), or the one read when nothing was written. Saves
    a caller that shows the result from parsing the file again."""
    shown = str(path)
    if not writable_target(path).is_file():
        read_text(target_of(path))  # says why (missing, a directory) without leaving a lock
    with locked(path, timeout):
        target = writable_target(path)
        remove_stale_temps(target)
        try:
            before = os.stat(target)
        except OSError:
            before = None  # read_text says why in the user's words
        text = read_text(target)
        data, schedule = _parse(text, shown)
        if not _writable(target):
            raise WriteRefused("write.read_only", path=path)
        result = change(data, schedule)
        if unchanged is not None and unchanged(result):
            return result, schedule
        new_text = canonical_text(data)
        if new_text == text:
            return result, schedule
        if not drop_comments:
            refuse_comments(text, shown)
        written = verify(new_text, shown)
        atomic_write(path, new_text, expect=before)
        return result, written


def _parse(text: str, path: str) -> tuple[dict[str, Any], Schedule]:
    """The raw data to change and the validated Schedule, from one TOML parse.

    The validator copies what it keeps (tags become tuples), so changing the data afterwards
    does not touch the Schedule: a large file is parsed once per change, not twice.
    """
    data = parse_toml(text, path)
    return data, build_schedule(data, text, path)


def _writable(target: Path) -> bool:
    """A read-only file says "do not change me"; os.replace alone would not notice."""
    return os.access(target, os.W_OK)


def verify(text: str, path: str) -> Schedule:
    """Re-parse what is about to be written; a problem becomes a one-line refusal.

    The problems name their stage and field but no line: the lines are those of a text that
    is never written, and would send staff looking at the wrong place of the file.
    """
    try:
        return parse_schedule(text, path)
    except ScheduleInvalid as error:
        raise WriteRefused("write.invalid_result",
                           problems=_Problems(tuple(error.problems))) from None


@dataclass(frozen=True)
class _Problems:
    """The problems of a text never written, in the message's language, without their lines
    (they are those of that text, and would send staff looking at the wrong place)."""

    problems: tuple[Problem, ...]

    def in_language(self, lang: str) -> str:
        return "; ".join(p.describe(lang).removeprefix(f"{p.place()}: ")
                         for p in self.problems)


def reformat(path: Path, *, timeout: float = DEFAULT_TIMEOUT, drop_comments: bool = False
             ) -> bool:
    """Rewrite ``path`` in canonical form; True when its bytes changed."""
    before = target_of(path).read_bytes()
    update(path, lambda data, schedule: None, timeout=timeout, drop_comments=drop_comments)
    return target_of(path).read_bytes() != before


def write_new(path: Path, text: str, *, replace: bool, timeout: float = DEFAULT_TIMEOUT) -> None:
    """Create ``path`` with ``text`` (for `init`), under the lock, refusing to overwrite."""
    verify(text, str(path))
    target = writable_target(path)
    if target.exists() and not target.is_file():  # a folder, a device: no lock beside it
        raise WriteRefused("write.not_regular", path=path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _write_failed(path, error) from None
    with locked(path, timeout):
        remove_stale_temps(target)
        if target.exists() and not replace:
            raise WriteRefused("write.exists", path=path)
        atomic_write(path, text)


if __name__ == "__main__":  # python -m pemilu_timeline.schedule.store FILE: canonical form
    for name in sys.argv[1:]:
        print(f"{name}: {'reformatted' if reformat(Path(name)) else 'already canonical'}")
