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

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

from pemilu_timeline.errors import LockTimeout, Problem, ScheduleInvalid, WriteRefused
from pemilu_timeline.model import Schedule
from pemilu_timeline.schedule.read import build_schedule, parse_schedule, parse_toml, read_text
from pemilu_timeline.schedule.write import canonical_text, refuse_comments

T = TypeVar("T")

LOCK_SUFFIX = ".lock"
TEMP_SUFFIX = ".tmp"
DEFAULT_TIMEOUT = 10.0


# --- lock and atomic write ------------------------------------------------------------------

def target_of(path: Path) -> Path:
    """The real file behind ``path``: a symlink is written through, never replaced."""
    return Path(os.path.realpath(path))


def lock_path(path: Path) -> Path:
    target = target_of(path)
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
        from pemilu_timeline.i18n.messages import os_reasons

        reason_id, reason_en = os_reasons(error)
        raise WriteRefused(
            message_id=f"Tidak bisa membuat berkas kunci {lock}: {reason_id}. Periksa izin "
                       f"folder {lock.parent}; berkas tidak diubah.",
            message_en=f"Cannot create the lock file {lock}: {reason_en}. Check the "
                       f"permissions of {lock.parent}; the file is unchanged.") from None


def _seconds(timeout: float) -> str:
    return f"{timeout:g}"


def _temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}")


def remove_stale_temps(target: Path) -> None:
    """Temp files of writers killed mid-write; only called while holding the lock."""
    prefix = f".{target.name}."
    with suppress(OSError):
        for entry in os.scandir(target.parent):
            if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
                with suppress(OSError):
                    os.unlink(entry.path)


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: Path, text: str, *, expect: os.stat_result | None = None) -> None:
    """Replace ``path`` (through a symlink) with ``text``; all or nothing.

    ``expect`` is the stat of the file as it was read: if another program (an editor, say)
    changed the file since, the write is refused rather than overwriting that change.
    """
    target = target_of(path)
    data = text.encode("utf-8")
    try:
        current: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        current = None
    mode = stat.S_IMODE(current.st_mode) if current else _default_mode()
    temp = _temp_name(target)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
                     0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if current is not None:
                _keep_owner(fd, current)
            os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        if expect is not None and not _same_file(expect, current):
            raise WriteRefused(
                message_id=f"{path} diubah program lain selama perintah ini berjalan; "
                           "perubahan tidak ditulis. Jalankan perintahnya lagi.",
                message_en=f"{path} was changed by another program while this command ran; "
                           "nothing was written. Run the command again.")
        os.replace(temp, target)
    except BaseException as error:
        with suppress(OSError):
            os.unlink(temp)
        if isinstance(error, OSError):
            raise _write_failed(path, error) from None
        raise
    _fsync_dir(target.parent)


def _keep_owner(fd: int, current: os.stat_result) -> None:
    """Keep the group (and the owner, when root), so a shared staff file stays shared."""
    if not hasattr(os, "fchown"):
        return
    with suppress(OSError):
        os.fchown(fd, current.st_uid, current.st_gid)
        return
    with suppress(OSError):
        os.fchown(fd, -1, current.st_gid)


def _same_file(expect: os.stat_result, current: os.stat_result | None) -> bool:
    return current is not None and (expect.st_ino, expect.st_dev, expect.st_size,
                                    expect.st_mtime_ns) == (current.st_ino, current.st_dev,
                                                            current.st_size, current.st_mtime_ns)


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable. Some filesystems cannot fsync a directory; the new file is
    complete and in place by now, so that is not reported as a failure."""
    if sys.platform == "win32":  # pragma: no cover - no directory fds on Windows
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EROFS):
            raise _write_failed(directory, error) from None
    finally:
        os.close(fd)


def _write_failed(path: Path, error: OSError) -> WriteRefused:
    from pemilu_timeline.i18n.messages import os_reasons

    reason_id, reason_en = os_reasons(error)
    return WriteRefused(
        message_id=f"Tidak bisa menulis {path}: {reason_id}. Berkas tidak diubah.",
        message_en=f"Cannot write {path}: {reason_en}. The file is unchanged.")


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
    if not target_of(path).is_file():
        read_text(target_of(path))  # says why (missing, a directory) without leaving a lock
    with locked(path, timeout):
        target = target_of(path)
        remove_stale_temps(target)
        try:
            before = os.stat(target)
        except OSError:
            before = None  # read_text says why in the user's words
        text = read_text(target)
        data, schedule = _parse(text, shown)
        if not _writable(target):
            raise WriteRefused(
                message_id=f"{path} hanya-baca; tidak diubah. Periksa izinnya (chmod u+w) atau "
                           "buat salinan dengan `pemilu-timeline init`.",
                message_en=f"{path} is read-only; it was not changed. Check its permissions "
                           "(chmod u+w) or make a copy with `pemilu-timeline init`.")
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
    does not touch the Schedule. Saves ~0.2 s per change on a 10,000-stage file.
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
        problems_id = "; ".join(_without_place(p, "id") for p in error.problems)
        problems_en = "; ".join(_without_place(p, "en") for p in error.problems)
        raise WriteRefused(
            message_id=f"Perubahan ditolak, hasilnya tidak valid: {problems_id}. "
                       "Berkas tidak diubah.",
            message_en=f"Change refused, the result would be invalid: {problems_en}. "
                       "The file is unchanged.") from None


def _without_place(problem: Problem, lang: str) -> str:
    return problem.describe(lang).removeprefix(f"{problem.place()}: ")


def reformat(path: Path, *, timeout: float = DEFAULT_TIMEOUT, drop_comments: bool = False
             ) -> bool:
    """Rewrite ``path`` in canonical form; True when its bytes changed."""
    before = target_of(path).read_bytes()
    update(path, lambda data, schedule: None, timeout=timeout, drop_comments=drop_comments)
    return target_of(path).read_bytes() != before


def write_new(path: Path, text: str, *, replace: bool, timeout: float = DEFAULT_TIMEOUT) -> None:
    """Create ``path`` with ``text`` (for `init`), under the lock, refusing to overwrite."""
    verify(text, str(path))
    target = target_of(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _write_failed(path, error) from None
    with locked(path, timeout):
        remove_stale_temps(target)
        if target.exists() and not replace:
            raise WriteRefused(
                message_id=f"{path} sudah ada; tidak ditimpa. Pakai --force untuk menggantinya "
                           "dengan jadwal bawaan.",
                message_en=f"{path} already exists; it was not overwritten. Use --force to "
                           "replace it with the bundled schedule.")
        atomic_write(path, text)


if __name__ == "__main__":  # python -m pemilu_timeline.schedule.store FILE: canonical form
    for name in sys.argv[1:]:
        print(f"{name}: {'reformatted' if reformat(Path(name)) else 'already canonical'}")
