"""pemilu-timeline: Indonesian election timelines for reporters, scripts and staff.

The Python API for scripts::

    from pemilu_timeline import load_schedule, parse_moment, resolve_zone
    schedule = load_schedule()   # what the commands read; load_schedule(bundled_path())
    at = parse_moment("2024-02-12", resolve_zone("WIB"))
    [s.key for s in schedule.active(at)]           # ['pemilu-2024/masa-tenang', ...]

Names are imported on first use (PEP 562), so the command line pays only for the modules a
command needs: start-up time is a feature of this tool.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "Countdown": "countdown", "countdown_to": "countdown", "h_label": "countdown",
    "AmbiguousStage": "errors", "InvalidInput": "errors", "PemiluError": "errors",
    "Problem": "errors", "ScheduleFileError": "errors", "ScheduleInvalid": "errors",
    "StageNotFound": "errors",
    "Election": "model", "Rule": "model", "Schedule": "model", "Stage": "model",
    "State": "model", "Status": "model",
    "Anchor": "model:Rule",  # the old name of Rule, kept for one release
    "bundled_path": "schedule.locate", "locate": "schedule.locate",
    "load_schedule": "schedule.read", "parse_schedule": "schedule.read",
    "now_in": "timing", "parse_moment": "timing", "resolve_zone": "timing",
}

__all__ = [
    "AmbiguousStage", "Anchor", "Countdown", "Election", "InvalidInput", "PemiluError",
    "Problem", "Rule", "Schedule", "ScheduleFileError", "ScheduleInvalid", "Stage",
    "StageNotFound",
    "State", "Status", "__version__", "bundled_path", "countdown_to", "h_label",
    "load_schedule", "locate", "now_in", "parse_moment", "parse_schedule", "resolve_zone",
]

if TYPE_CHECKING:
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
    from pemilu_timeline.model import Election, Rule, Schedule, Stage, State, Status
    from pemilu_timeline.model import Rule as Anchor
    from pemilu_timeline.schedule.locate import bundled_path, locate
    from pemilu_timeline.schedule.read import load_schedule, parse_schedule
    from pemilu_timeline.timing import now_in, parse_moment, resolve_zone

    __version__: str


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("pemilu-timeline")
        except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
            return "0+unknown"
    place = _EXPORTS.get(name)
    if place is None:
        raise AttributeError(f"module 'pemilu_timeline' has no attribute {name!r}")
    module, _, attribute = place.partition(":")
    return getattr(import_module(f"pemilu_timeline.{module}"), attribute or name)
