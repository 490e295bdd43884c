"""Writing a schedule file so that nothing is ever lost: a lock, validation, atomic replace.

Every change is one read-modify-write done while holding an exclusive lock on a sidecar file
(``stages.toml.lock``, never the data file itself, which is replaced on each write). The new
canonical text (``write``) is validated before it replaces the old file: parsed again whole,
or, for a file the writer wrote whose schedule is in the cache, chunk by chunk (``patch``).
It is written to a temp file in the same directory, fsynced, moved over the old one with
``os.replace`` and the directory is fsynced. The old file's mode (and, where allowed, owner)
is kept; a symlink is written through to its target. A failure at any step leaves the file
byte-identical and no temp file.

This module is imported only by the edit commands.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import stat
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pemilu_timeline.errors import (
    LockTimeout,
    PemiluError,
    Problem,
    ScheduleInvalid,
    WriteRefused,
)
from pemilu_timeline.fsio import remove_stale_temps, target_of, writable_target, write_atomic
from pemilu_timeline.model import Schedule
from pemilu_timeline.schedule.read import (
    build_schedule,
    decode,
    parse_schedule,
    parse_toml,
    read_bytes,
    read_text,
)
from pemilu_timeline.schedule.write import canonical_text, refuse_comments

if TYPE_CHECKING:
    from pemilu_timeline.schedule.gitrepo import Pending, Record

T = TypeVar("T")

LOCK_SUFFIX = ".lock"
DEFAULT_TIMEOUT = 10.0


# --- lock and atomic write ------------------------------------------------------------------

POLL_INTERVAL = 0.02  # seconds between tries where a blocking wait cannot be bounded
_MIN_ALARM = 0.001  # setitimer(0) would disarm the timer and wait for ever
_WINDOWS_LOCK_BYTE = 1 << 30  # far past the holder's note, which others must still read
_COMMAND_ARGS_KEPT = 16


def lock_path(path: Path) -> Path:
    target = writable_target(path)
    return target.with_name(target.name + LOCK_SUFFIX)


@contextmanager
def locked(path: Path, timeout: float = DEFAULT_TIMEOUT) -> Iterator[Path]:
    """Hold the exclusive sidecar lock of ``path``; LockTimeout after ``timeout`` seconds.

    A blocking flock, so the kernel queues the waiters and hands the lock on in the order
    they came: with polling, a command that had waited long could be passed again and again
    by later ones. The kernel also drops the lock when the holder dies, even by SIGKILL, so
    a crashed command never blocks the others. The holder notes itself in the lock file, so
    that a command giving up can say who is in the way.
    """
    lock = lock_path(path)
    fd = _open_lock(lock)
    try:
        try:
            acquired = _acquire(fd, timeout)
        except OSError as error:
            raise _lock_refused(lock, error) from None
        if not acquired:
            raise _timed_out(path, fd, timeout)
        _note_holder(fd)
        try:
            yield lock
        finally:
            with suppress(OSError):
                os.ftruncate(fd, 0)  # no stale note once the lock is free
    finally:
        os.close(fd)  # releases the lock


def _open_lock(lock: Path) -> int:
    """The lock file, created if need be; a symlink is refused, never followed (it could
    point the lock, and the file it creates, anywhere), and so is anything but a file."""
    flags = (os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        fd = os.open(lock, flags, 0o644)
    except OSError as error:
        if os.path.islink(lock):
            raise WriteRefused("write.lock_symlink", lock=lock) from None
        raise _lock_refused(lock, error) from None
    try:
        info = os.fstat(fd)
        # A hard link planted as the lock would get the holder's note written into it.
        regular = stat.S_ISREG(info.st_mode) and info.st_nlink == 1
    except OSError:
        regular = False
    if not regular:
        os.close(fd)
        raise WriteRefused("write.lock_not_file", lock=lock)
    return fd


def _lock_refused(lock: Path, error: OSError) -> WriteRefused:
    from pemilu_timeline.i18n.messages import os_reason

    return WriteRefused("write.lock_file", lock=lock, folder=lock.parent,
                        reason=os_reason(error))


def _acquire(fd: int, timeout: float) -> bool:
    """Whether the lock was taken before one holder kept it ``timeout`` seconds.

    The wait starts again whenever the lock changes hands: staff queued behind one another
    all get their turn however long the queue (each change holds the lock briefly), and
    only a holder that does not let go ends the wait.
    """
    if _try_lock(fd):
        return True
    if timeout <= 0:
        return False
    holder = _holder_note(fd)
    while True:
        if _alarm_usable():
            if _wait_until_alarm(fd, timeout):
                return True
        elif _poll(fd, timeout):
            return True
        if _try_lock(fd):
            return True
        now_held_by = _holder_note(fd)
        # No note is a holder between taking the lock and writing its note (or one that
        # cannot write it): a change of hands the first time, the same holder the next.
        if now_held_by == holder:
            return False
        holder = now_held_by


def _holder_note(fd: int) -> bytes:
    """The holder's note as it stands (empty between holders, or when it cannot be read)."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 64 * 1024)
    except OSError:
        return b""


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - no flock on Windows
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _alarm_usable() -> bool:
    """A SIGALRM timer can bound a blocking wait only in the main thread, and only when it
    disturbs nobody: no timer of the caller's running, a handler that can be put back."""
    if sys.platform == "win32" or not hasattr(signal, "setitimer"):  # pragma: no cover
        return False
    import threading

    return (threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
            and signal.getsignal(signal.SIGALRM) is not None)


class _Expired(Exception):
    """The wait for the lock ran out (raised by the SIGALRM handler)."""


def _wait_until_alarm(fd: int, timeout: float) -> bool:
    """Wait in the kernel's queue until the lock is ours or the timer interrupts the wait;
    the previous SIGALRM handler is put back and the timer left disarmed, as it was."""
    if sys.platform == "win32":  # pragma: no cover - _alarm_usable says no
        return False
    import fcntl

    fired = False

    def expire(signum: int, frame: object) -> None:
        nonlocal fired
        if not fired:  # once: never interrupt the clean-up below
            fired = True
            raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, max(timeout, _MIN_ALARM))
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)
    except _Expired:
        return False  # the lock, if it came at the last instant, goes with the fd
    return True


def _poll(fd: int, timeout: float) -> bool:
    """Try again and again until ``timeout``: where no timer can bound a blocking wait."""
    deadline = time.monotonic() + timeout
    while True:
        if _try_lock(fd):
            return True
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        time.sleep(min(POLL_INTERVAL, remaining))


def _note_holder(fd: int) -> None:
    """Write who holds the lock (pid, command line, since when) into the lock file; a note
    that cannot be written costs only the detail of another command's message."""
    note = {"pid": os.getpid(), "command": _command_line(),
            "since": dt.datetime.now().astimezone().isoformat(timespec="microseconds")}
    with suppress(OSError):
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(note).encode("ascii") + b"\n")


def _command_line() -> list[str]:
    argv = sys.argv or [""]
    program = Path(argv[0])
    name = program.parent.name if program.name == "__main__.py" else program.name
    return [arg[:200] for arg in [name or "python", *argv[1:_COMMAND_ARGS_KEPT]]]


def _timed_out(path: Path, fd: int, timeout: float) -> LockTimeout:
    holder = _holder(_holder_note(fd))
    if holder is None:  # the note is not there (yet, or any more)
        return LockTimeout(path=str(path), seconds=_seconds(timeout))
    return LockTimeout("error.lock_timeout_held", path=str(path), seconds=_seconds(timeout),
                       **holder)


def _holder(text: bytes) -> dict[str, Any] | None:
    """The lock's holder as the message names it, from its note; None without one."""
    try:
        note = json.loads(text)
        pid = int(note["pid"])
        command = note["command"]
        since = dt.datetime.fromisoformat(note["since"]).astimezone()
    except (OSError, ValueError, KeyError, TypeError, OverflowError):  # a planted note
        return None
    if not isinstance(command, list) or not command:
        return None
    return {"pid": pid, "command": _short_command([str(word) for word in command]),
            "since": _Since(since)}


def _short_command(words: list[str]) -> str:
    """The program and its command ("pemilu-timeline add …"): enough to know it, without
    echoing every argument, nor a control character that would reach the terminal."""
    shown = " ".join(words[:2]) + (" …" if len(words) > 2 else "")
    return "".join(c if c.isprintable() else "?" for c in shown)[:80]


@dataclass(frozen=True)
class _Since:
    """When the holder took the lock: the time of day, written with dots as Indonesian
    writes it, and the date too when that was not today (a holder stuck since yesterday)."""

    moment: dt.datetime

    def in_language(self, lang: str) -> str:
        from pemilu_timeline.i18n.format import format_short_date

        time_of_day = f"{self.moment:%H.%M.%S}"
        if self.moment.date() == dt.datetime.now().astimezone().date():
            return time_of_day
        return f"{format_short_date(self.moment.date(), lang)} {time_of_day}"


def _seconds(timeout: float) -> str:
    return f"{timeout:g}"


def atomic_write(path: Path, content: bytes, *, expect: os.stat_result | None = None) -> None:
    """Replace ``path`` with ``content`` through the one atomic writer; an OSError is said in
    the user's words, the file unchanged. Bytes, so that a caller that needs them too (for
    the cache) encodes a large text once."""
    try:
        write_atomic(path, content, expect=expect)
    except OSError as error:
        raise _write_failed(path, error) from None


def _write_failed(path: Path, error: OSError) -> WriteRefused:
    from pemilu_timeline.i18n.messages import os_reason

    return WriteRefused("write.failed", path=path, reason=os_reason(error))


# --- one read-modify-write ------------------------------------------------------------------

Change = Callable[[dict[str, Any], Schedule], T]


def update(path: Path, change: Change[T], *, timeout: float = DEFAULT_TIMEOUT,
           drop_comments: bool = False, unchanged: Callable[[T], bool] | None = None,
           record: Record | None = None) -> T:
    """Apply ``change`` to the file's data under the lock and write the result atomically.

    ``change`` gets the raw TOML data (to modify in place) and the validated Schedule (to find
    stages); it raises a PemiluError to refuse, which leaves the file untouched. Nothing is
    written when the change gives back the same text, or when ``unchanged(result)`` says the
    change was a no-op (so that a no-op never rewrites a hand-formatted file).
    """
    return update_and_read(path, change, timeout=timeout, drop_comments=drop_comments,
                           unchanged=unchanged, record=record)[0]


def update_and_read(path: Path, change: Change[T], *, timeout: float = DEFAULT_TIMEOUT,
                    drop_comments: bool = False, unchanged: Callable[[T], bool] | None = None,
                    record: Record | None = None) -> tuple[T, Schedule]:
    """``update``, also giving the schedule as it now stands: the one just validated for
    writing (with rule dates computed), or the one read when nothing was written. Saves
    a caller that shows the result from parsing the file again.

    A file the writer wrote, whose schedule is in the cache, is changed chunk by chunk
    (``patch``), so the lock is held briefly; any other is parsed, changed and parsed again.
    Either way the new file's schedule goes to the cache before the lock is let go, so the
    next change (and the next command) finds it: staff queued for the lock never parse.

    A file git tracks is committed too, still under the lock (``gitrepo``): the message says
    what changed, ``record`` who and why. A commit git refuses puts the old bytes back.
    """
    from pemilu_timeline.schedule import cache

    shown = str(path)
    if not writable_target(path).is_file():
        read_text(target_of(path))  # says why (missing, a directory) without leaving a lock
    with locked(path, timeout):
        target = writable_target(path)
        remove_stale_temps(target)
        pending = _in_history(target, record)
        try:
            before = os.stat(target)
        except OSError:
            before = None  # read_bytes says why in the user's words
        content = read_bytes(target)
        text = decode(content, target)
        entry = cache.load_entry(target, content) if cache.enabled(content) else None
        outcome = None
        if entry is not None and entry[1]:
            outcome = _patched(text, entry[0], change, unchanged, shown, target)
        if outcome is None:
            outcome = _rewritten(text, entry[0] if entry else None, change, unchanged, shown,
                                 drop_comments, target)
        result, new_text, schedule, old = outcome
        if new_text is None:
            return result, schedule
        new_content = new_text.encode("utf-8")
        if pending is not None:
            _start_commit(pending, old, schedule, record)
        try:
            atomic_write(path, new_content, expect=before)
        except WriteRefused:
            if pending is not None:
                pending.forget()
            raise
        if cache.enabled(new_content):  # before the next writer reads the file
            cache.store(target, new_content, schedule, written=True)
        if pending is not None:
            _finish_commit(pending, path, content)
    return result, schedule


# the change's result, the new text, its schedule, and the schedule before the change
Outcome = tuple[T, str | None, Schedule, Schedule]


def _in_history(target: Path, record: Record | None) -> Pending | None:
    """The commit a write to ``target`` makes, if git keeps the file (checked before any
    byte is written); None for a plain file, without git ever being run."""
    from pemilu_timeline.schedule.gitrepo import prepare

    return prepare(target, record)


def _start_commit(pending: Pending, old: Schedule, new: Schedule, record: Record | None
                  ) -> None:
    from pemilu_timeline.i18n.messages import DEFAULT_LANGUAGE
    from pemilu_timeline.schedule.gitrepo import changes_of, commit_message

    action = record.action if record else "pemilu-timeline"
    message = commit_message(changes_of(old, new), record.why if record else None, action,
                             DEFAULT_LANGUAGE)
    pending.start(message, record.author if record else None)


def _finish_commit(pending: Pending, path: Path, old_content: bytes) -> None:
    """The commit; if git refuses it, the file goes back to what it was (nothing half-made:
    the change is refused whole, in one line)."""
    from pemilu_timeline.errors import GitRefused

    try:
        pending.finish()
    except GitRefused:
        with suppress(PemiluError):
            atomic_write(path, old_content)
        pending.forget()
        raise


def _patched(text: str, schedule: Schedule, change: Change[T],
             unchanged: Callable[[T], bool] | None, shown: str, target: Path
             ) -> Outcome[T] | None:
    """The change made chunk by chunk to a text the writer wrote; None when it cannot be."""
    from pemilu_timeline.schedule.patch import Patchable

    patchable = Patchable.of(text, schedule)
    if patchable is None:
        return None
    if not _writable(target):
        raise WriteRefused("write.read_only", path=shown)
    data = patchable.data()
    result = change(data, schedule)
    if unchanged is not None and unchanged(result):
        return result, None, schedule, schedule
    try:
        patched = patchable.apply(data, shown)
    except ScheduleInvalid as error:
        raise _invalid_result(error) from None
    if patched is None:  # the change reached the elections or regions: the long way
        return None
    new_text, written = patched
    if new_text == text:
        return result, None, schedule, schedule
    return result, new_text, written, schedule


def _rewritten(text: str, cached: Schedule | None, change: Change[T],
               unchanged: Callable[[T], bool] | None, shown: str, drop_comments: bool,
               target: Path) -> Outcome[T]:
    """The change made to the whole parsed file, and the result parsed again to verify.

    The validator copies what it keeps (tags become tuples), so changing the data does not
    touch the Schedule: the file is parsed once per change, and not validated at all when
    the cache holds its schedule."""
    data = parse_toml(text, shown)
    schedule = cached or build_schedule(data, text, shown)
    if not _writable(target):
        raise WriteRefused("write.read_only", path=shown)
    result = change(data, schedule)
    if unchanged is not None and unchanged(result):
        return result, None, schedule, schedule
    new_text = canonical_text(data)
    if new_text == text:
        return result, None, schedule, schedule
    if not drop_comments:
        refuse_comments(text, shown)
    return result, new_text, verify(new_text, shown), schedule


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
        raise _invalid_result(error) from None


def _invalid_result(error: ScheduleInvalid) -> WriteRefused:
    return WriteRefused("write.invalid_result", problems=_Problems(tuple(error.problems)))


@dataclass(frozen=True)
class _Problems:
    """The problems of a text never written, in the message's language, without their lines
    (they are those of that text, and would send staff looking at the wrong place)."""

    problems: tuple[Problem, ...]

    def in_language(self, lang: str) -> str:
        return "; ".join(p.describe(lang).removeprefix(f"{p.place()}: ")
                         for p in self.problems)


def reformat(path: Path, *, timeout: float = DEFAULT_TIMEOUT, drop_comments: bool = False,
             record: Record | None = None) -> bool:
    """Rewrite ``path`` in canonical form; True when its bytes changed."""
    before = target_of(path).read_bytes()
    update(path, lambda data, schedule: None, timeout=timeout, drop_comments=drop_comments,
           record=record)
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
        atomic_write(path, text.encode("utf-8"))


if __name__ == "__main__":  # python -m pemilu_timeline.schedule.store FILE: canonical form
    for name in sys.argv[1:]:
        print(f"{name}: {'reformatted' if reformat(Path(name)) else 'already canonical'}")
