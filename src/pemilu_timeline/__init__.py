"""pemilu-timeline: Indonesian election timelines for reporters, scripts and staff.

The Python API for scripts::

    from pemilu_timeline import load_schedule, parse_moment, resolve_zone
    schedule = load_schedule()                     # bundled, or $PEMILU_TIMELINE_FILE
    at = parse_moment("2024-02-12", resolve_zone("WIB"))
    [s.key for s in schedule.active(at)]           # ['pemilu-2024/masa-tenang', ...]
"""

from __future__ import annotations

from typing import Any

from pemilu_timeline.countdown import Countdown, countdown_to, h_label
from pemilu_timeline.errors import (
    AmbiguousStage,
    InvalidInput,
    PemiluError,
    Problem,
    ScheduleFileError,
    ScheduleInvalid,
    StageNotFound,
)
from pemilu_timeline.model import Election, Schedule, Stage, State, Status
from pemilu_timeline.schedule_file import bundled_path, load_schedule, locate, parse_schedule
from pemilu_timeline.timing import now_in, parse_moment, resolve_zone

__all__ = [
    "AmbiguousStage", "Countdown", "Election", "InvalidInput", "PemiluError", "Problem",
    "Schedule", "ScheduleFileError", "ScheduleInvalid", "Stage", "StageNotFound", "State",
    "Status", "__version__", "bundled_path", "countdown_to", "h_label", "load_schedule",
    "locate", "now_in", "parse_moment", "parse_schedule", "resolve_zone",
]


def __getattr__(name: str) -> Any:
    """The version is read from the installed metadata, only when asked (it costs an import)."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("pemilu-timeline")
        except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
            return "0+unknown"
    raise AttributeError(name)
