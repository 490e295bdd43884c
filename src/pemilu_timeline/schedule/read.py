"""Reading a schedule file: bytes to text, TOML to data, data to a validated Schedule.

A large unchanged file comes from the parse cache instead.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from pemilu_timeline.errors import Problem, ScheduleFileError, ScheduleInvalid
from pemilu_timeline.model import Schedule
from pemilu_timeline.schedule.locate import ScheduleSource, locate


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        from pemilu_timeline.i18n.messages import Term, os_reason

        hint = {FileNotFoundError: "hint.file_missing",
                IsADirectoryError: "hint.file_is_folder"}.get(type(error), "hint.file_access")
        raise ScheduleFileError(path=str(path), reason=os_reason(error),
                                hint=Term(hint)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ScheduleInvalid(str(path), [Problem(str(path), "problem.encoding",
                                                  {"detail": str(error)})]) from None


def load_schedule(path: str | os.PathLike[str] | None = None) -> Schedule:
    """Load and validate a schedule: the given file, or the one `locate` picks.

    Raises ScheduleInvalid listing every problem, or ScheduleFileError.
    """
    return load_source(locate(path))


def load_source(source: ScheduleSource) -> Schedule:
    """Load the file of ``source``; a large unchanged file comes from schedule_cache."""
    from pemilu_timeline.schedule import cache as schedule_cache

    try:
        stat = source.path.stat()
    except OSError:
        stat = None  # read_text reports the problem in the user's words
    if stat is not None and schedule_cache.enabled(stat.st_size):
        cached = schedule_cache.load(source.path, stat)
        if cached is not None:
            return cached
        schedule = parse_schedule(read_text(source.path), str(source.path))
        schedule_cache.store(source.path, stat, schedule)
        return schedule
    return parse_schedule(read_text(source.path), str(source.path))


def parse_toml(text: str, path: str) -> dict[str, Any]:
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
    schedule = validator.build(data)
    if validator.problems:
        raise ScheduleInvalid(path, validator.problems)
    return schedule
