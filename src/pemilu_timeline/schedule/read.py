"""Reading a schedule file: bytes to text, TOML to data, data to a validated Schedule.

A large unchanged file comes from the parse cache instead.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
from pathlib import Path
from typing import Any

from pemilu_timeline.errors import Problem, ScheduleFileError, ScheduleInvalid
from pemilu_timeline.gcpause import collection_paused
from pemilu_timeline.model import Schedule
from pemilu_timeline.schedule.locate import ScheduleSource, locate

MAX_BYTES = 256 * 1024 * 1024  # far above every region's stages; a device or a mistake beyond it


def read_bytes(path: Path) -> bytes:
    """The file's bytes, read only from a regular file (or a link to one) of sane size: a
    FIFO, a device or a directory is refused at once instead of blocking or reading forever."""
    from pemilu_timeline.i18n.messages import Term, os_reason

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        hint = {FileNotFoundError: "hint.file_missing",
                IsADirectoryError: "hint.file_is_folder"}.get(type(error), "hint.file_access")
        if error.errno == errno.ELOOP:  # links that point at each other
            hint = "hint.file_name"
        raise ScheduleFileError(path=str(path), reason=os_reason(error),
                                hint=Term(hint)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ScheduleFileError(path=str(path), reason=Term("os.EISDIR"),
                                    hint=Term("hint.file_is_folder"))
        if not stat.S_ISREG(info.st_mode):
            raise ScheduleFileError(path=str(path), reason=Term("reason.not_regular"),
                                    hint=Term("hint.regular_file"))
        if info.st_size > MAX_BYTES:
            raise _too_large(path)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        try:
            data = handle.read(MAX_BYTES + 1)
        except OSError as error:
            raise ScheduleFileError(path=str(path), reason=os_reason(error),
                                    hint=Term("hint.file_access")) from None
    if len(data) > MAX_BYTES:  # it grew while being read
        raise _too_large(path)
    return data


def _too_large(path: Path) -> ScheduleFileError:
    from pemilu_timeline.i18n.messages import Term

    return ScheduleFileError(path=str(path), reason=Term("reason.too_large",
                                                         {"limit": MAX_BYTES >> 20}),
                             hint=Term("hint.file_name"))


def decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ScheduleInvalid(str(path), [Problem(str(path), "problem.encoding",
                                                  {"detail": str(error)})]) from None


def read_text(path: Path) -> str:
    return decode(read_bytes(path), path)


def load_schedule(path: str | os.PathLike[str] | None = None) -> Schedule:
    """Load and validate a schedule: the given file, or the one the commands read (what
    `locate` picks: $PEMILU_TIMELINE_FILE, the `init` copy, the bundled schedule).

    Raises ScheduleInvalid listing every problem, or ScheduleFileError.
    """
    return load_source(locate(path))


def load_source(source: ScheduleSource) -> Schedule:
    """Load the file of ``source``; a large unchanged file comes from the cache."""
    from pemilu_timeline.schedule import cache

    unread = cache.load_unread(source.path)
    if unread is not None:
        return unread
    try:
        stamp = cache.file_stamp(os.stat(source.path))
    except OSError:
        stamp = None  # read_bytes says why in the user's words
    data = read_bytes(source.path)
    if not cache.enabled(data):
        return parse_schedule(decode(data, source.path), str(source.path))
    cached = cache.load(source.path, data, stamp)
    if cached is not None:
        return cached
    schedule = parse_schedule(decode(data, source.path), str(source.path))
    cache.store(source.path, data, schedule, stamp=stamp)
    return schedule


# The end of a date-time with an offset (``07:00:00Z``, ``07:00:00.5+07:00``): only a text that
# has one can give rtoml's own zone objects, which are then made the standard library's.
_OFFSET_END = re.compile(r":\d\d(?:\.\d+)?[Zz+-]")


def parse_toml(text: str, path: str) -> dict[str, Any]:
    """The TOML data of ``text``; ScheduleInvalid with tomli's words and place if it is not
    TOML. rtoml (Rust) reads a large schedule three times as fast and gives the same data;
    tomli reads what rtoml refuses (and says why) and what the two would read differently."""
    data = _fast_parse(text)
    if data is not None:
        return data
    # Imported here: a schedule from the cache needs no parser.
    try:  # The compiled tomli wheel parses large schedules faster than the stdlib (README).
        import tomli as toml_reader
    except ImportError:  # pragma: no cover - tomli is a dependency; stdlib is the fallback
        import tomllib as toml_reader  # type: ignore[no-redef]

    try:
        return toml_reader.loads(text)
    except toml_reader.TOMLDecodeError as error:
        line = getattr(error, "lineno", None)
        column = getattr(error, "colno", None)
        detail = getattr(error, "msg", None) or str(error)
        if line is None:
            found = re.search(r"at line (\d+), column (\d+)", str(error))
            if found:
                line, column = int(found.group(1)), int(found.group(2))
        detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", detail)
        raise ScheduleInvalid(path, [Problem(path, "problem.toml", {"detail": detail},
                                             line=line, column=column)]) from None
    except RecursionError:  # tables or arrays nested hundreds deep
        raise ScheduleInvalid(path, [Problem(path, "problem.toml_nesting", {})]) from None
    except ValueError as error:  # a number past the interpreter's limits, say
        raise ScheduleInvalid(path, [Problem(path, "problem.toml",
                                             {"detail": str(error)[:200]})]) from None


def _fast_parse(text: str) -> dict[str, Any] | None:
    """rtoml's data for ``text``, or None to leave it to tomli: on any refusal (tomli is the
    judge of what is TOML, and its message gives the line and column), and for a byte order
    mark or a carriage return, where rtoml differs (it accepts a BOM, which tomli refuses,
    and keeps CRLF inside multi-line strings, which tomli reads as LF)."""
    if "\r" in text or text.startswith("\ufeff"):
        return None
    try:
        import rtoml
    except ImportError:  # pragma: no cover - a dependency; tomli reads everything alone
        return None
    try:
        with collection_paused():  # its tables live as long as the data
            data: dict[str, Any] = rtoml.loads(text)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        # A refusal, its recursion limit, or a panic in its Rust code (pyo3's PanicException
        # is not an Exception): tomli says why, or reads the text itself.
        return None
    if _OFFSET_END.search(text):
        _standard_zones(data)
    return data


def _standard_zones(data: dict[str, Any]) -> None:
    """rtoml's offsets as the ``datetime.timezone`` tomli gives (UTC is ``timezone.utc``
    either way), so that the data is the same whichever parser read it."""
    pending: list[Any] = [data]
    while pending:
        node = pending.pop()
        keys = list(node) if isinstance(node, dict) else range(len(node))
        for key in keys:
            value = node[key]
            if isinstance(value, dict | list):
                pending.append(value)
            elif isinstance(value, dt.datetime) and value.tzinfo is not None \
                    and type(value.tzinfo) is not dt.timezone:
                offset = value.utcoffset()
                assert offset is not None
                node[key] = value.replace(tzinfo=dt.timezone(offset))


def parse_schedule(text: str, path: str = "<schedule>") -> Schedule:
    """Parse TOML text and validate it into a Schedule (all problems at once)."""
    return build_schedule(parse_toml(text, path), text, path)


def build_schedule(data: dict[str, Any], text: str, path: str) -> Schedule:
    """Validate TOML data already parsed from ``text`` (which gives problems their lines).

    For a caller that needs the raw data too (the writer changes it in place), so the file
    is parsed once. The Schedule copies what it keeps: changing ``data`` later leaves it be.
    """
    from pemilu_timeline.schedule.validate import Validator  # a cached schedule needs none

    validator = Validator(text, path)
    with collection_paused():  # the stages live as long as the schedule
        schedule = validator.build(data)
    if validator.problems:
        raise ScheduleInvalid(path, validator.problems)
    return schedule
