"""The one atomic writer: a file is replaced whole or not at all, and never left half-written.

The new bytes go to a temp file beside the target, are flushed to disk, and are moved over
the target with ``os.replace``; a reader sees the old file or the new one, never a mix. A
symlink is written through to its target (the link stays); the target's mode, and its owner
where allowed, are kept. A failure removes the temp file and raises the ``OSError`` for the
caller to word (the schedule, an export and the cache each say it their own way).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import suppress
from pathlib import Path

from pemilu_timeline.errors import WriteRefused

TEMP_SUFFIX = ".tmp"


def target_of(path: Path) -> Path:
    """The real file behind ``path``: a symlink is written through, never replaced."""
    return Path(os.path.realpath(path))


def writable_target(path: Path) -> Path:
    """The file a write to ``path`` replaces: ``path`` itself, or the target of a symlink
    that points into the same folder (``stages.toml -> stages-2026.toml``). A link to a file
    elsewhere is refused: a write through it could replace any file the user can write, and
    naming that file is the way to ask for it."""
    target = target_of(path)
    if os.path.islink(path) and target.parent != target_of(path.parent):
        raise WriteRefused("write.link_elsewhere", path=path, target=target)
    return target


def temp_name(target: Path) -> Path:
    """A hidden sibling no other writer picks: ``.stages.toml.PID.RANDOM.tmp``."""
    return target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}")


def remove_stale_temps(target: Path, *, locked: bool = True) -> None:
    """Temp files of writers killed mid-write. Under the file's lock no other writer can be
    at work, so every one goes; without it (an export), only those whose writer, named by the
    PID in the name, is no longer running."""
    prefix = f".{target.name}."
    with suppress(OSError):
        for entry in os.scandir(target.parent):
            if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX) \
                    and (locked or not _running(entry.name[len(prefix):].split(".")[0])):
                with suppress(OSError):
                    os.unlink(entry.path)


def _running(pid: str) -> bool:
    """Whether the process ``pid`` still runs (on this machine); unsure means yes."""
    if not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True
    return True


def batched(chunks: Iterable[bytes], size: int = 1 << 16) -> Iterator[bytes]:
    """Small pieces (an export's events) joined into writes of about ``size`` bytes, so a
    stream made piece by piece costs few system calls and holds little at a time."""
    pending: list[bytes] = []
    held = 0
    for chunk in chunks:
        pending.append(chunk)
        held += len(chunk)
        if held >= size:
            yield b"".join(pending)
            pending.clear()
            held = 0
    if pending:
        yield b"".join(pending)


def write_atomic(path: Path, data: bytes | Iterable[bytes], *, expect: os.stat_result | None = None,
                 mode: int | None = None, durable: bool = True,
                 through_symlink: bool = True) -> None:
    """Replace the file behind ``path`` with ``data``; all or nothing.

    ``data`` may be pieces, written as they are made (an export too large to hold whole):
    the temp file grows while the target stays as it was, and a failure while they are
    made (the exception the pieces raise) removes the temp file like any other.

    ``expect`` is the stat of the file as it was read: if another program (an editor, say)
    changed the file since, the write is refused (WriteRefused) rather than overwriting that
    change. ``mode`` is for a new file (default: the umask's); an existing file keeps its
    own. ``durable`` also flushes the file and its directory to disk, which a cache need not.
    Without ``through_symlink`` a link at ``path`` is replaced, not followed (for a file in
    a directory others can write to, such as the temp directory). Only a regular file is
    ever replaced: a device, a pipe or a folder at ``path`` is refused.
    """
    target = writable_target(path) if through_symlink else path
    try:
        current: os.stat_result | None = os.stat(target, follow_symlinks=through_symlink)
    except FileNotFoundError:
        current = None
    if current is not None and not (stat.S_ISREG(current.st_mode)
                                    or (not through_symlink and stat.S_ISLNK(current.st_mode))):
        raise WriteRefused("write.not_regular", path=path)
    if current is not None and stat.S_ISREG(current.st_mode):
        mode = stat.S_IMODE(current.st_mode)
    elif mode is None:
        mode = _default_mode()
    temp = temp_name(target)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
                     0o600)
        try:
            for chunk in [data] if isinstance(data, bytes) else batched(data):
                view = memoryview(chunk)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            if current is not None and stat.S_ISREG(current.st_mode):
                _keep_owner(fd, current)
            os.fchmod(fd, mode)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if expect is not None and not _same_file(expect, current):
            raise WriteRefused("write.changed", path=path)
        os.replace(temp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    if durable:
        _fsync_dir(target.parent)


def _default_mode() -> int:
    """What a new file gets from the umask (read by setting it, then restoring it at once)."""
    if sys.platform == "win32":  # pragma: no cover
        return 0o666
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


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
            raise
    finally:
        os.close(fd)
