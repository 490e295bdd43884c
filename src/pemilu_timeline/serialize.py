"""Plain-data views of the model for JSON output and export.

Keys and status codes are the same in every language; scripts can rely on them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pemilu_timeline.countdown import Countdown
from pemilu_timeline.model import Overview, Stage, Status
from pemilu_timeline.timing import zone_label


def iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def stage_to_dict(stage: Stage, at: dt.datetime | None = None) -> dict[str, Any]:
    """The stage object of every --json output: as written in the file, plus status and window."""
    data: dict[str, Any] = {
        "id": stage.id,
        "election": stage.election,
        "key": stage.key,
        "name": stage.name,
        "name_en": stage.name_en,
        "start": iso(stage.start),
        "end": iso(stage.end),
        "timed": stage.is_timed,
        "zone": stage.zone,
        "tags": list(stage.tags),
        "milestone": stage.milestone,
        "source": stage.source,
        "url": stage.url,
        "note": stage.note,
        "note_en": stage.note_en,
        "state": stage.state.value,
        "condition": stage.condition,
        "condition_en": stage.condition_en,
        "reason": stage.reason,
        "reason_en": stage.reason_en,
        "after": _after_to_dict(stage),
        "revision": stage.revision,
        "updated": stage.updated.isoformat().replace("+00:00", "Z") if stage.updated else None,
    }
    if at is not None:
        status = stage.status_at(at)
        data["status"] = stage.status_code(at).value
        data["phase"] = status.value
        if stage.is_dated:
            start, end = stage.window(at.tzinfo)  # type: ignore[arg-type]
            data["window"] = {"start": start.isoformat(), "end": end.isoformat()}
            if status is Status.ACTIVE:
                day, total = stage.day_of(at)
                data["progress"] = {"day": day, "days": total,
                                    "percent": round(stage.progress_at(at) * 100, 1),
                                    "seconds_left": int((end - at).total_seconds())}
    return data


def _after_to_dict(stage: Stage) -> dict[str, Any] | None:
    """The anchor of a relative stage, and whether the dates shown were computed from it."""
    rule = stage.after
    if rule is None:
        return None
    return {"stage": rule.stage, "days": rule.days, "sense": rule.sense.value,
            "edge": rule.edge, "duration": rule.duration, "computed": stage.dated_by_rule}


def moment_to_dict(at: dt.datetime) -> dict[str, str]:
    return {"at": at.isoformat(), "timezone": getattr(at.tzinfo, "key", str(at.tzinfo)),
            "zone_label": zone_label(at.tzinfo)}  # type: ignore[arg-type]


def now_to_dict(at: dt.datetime, overview: Overview) -> dict[str, Any]:
    return {
        **moment_to_dict(at),
        "active": [stage_to_dict(s, at) for s in overview.active],
        "next": stage_to_dict(overview.upcoming, at) if overview.upcoming else None,
        "last_ended": stage_to_dict(overview.last, at) if overview.last else None,
        "pending": [stage_to_dict(s, at) for s in overview.pending],
        "cancelled": [stage_to_dict(s, at) for s in overview.called_off],
    }


def countdown_to_dict(countdown: Countdown | None, at: dt.datetime) -> dict[str, Any]:
    if countdown is None:
        return {**moment_to_dict(at), "stage": None, "days": None, "label": None}
    clock = countdown.clock_parts()
    sign = 1 if countdown.is_future else -1
    return {
        **moment_to_dict(at),
        "stage": stage_to_dict(countdown.stage, at),
        "target": countdown.target,
        "target_at": countdown.moment.isoformat(),
        "days": countdown.days,
        "label": countdown.label,
        "seconds": int(countdown.delta.total_seconds()),
        "remaining": {k: sign * v for k, v in clock.items()},
        "span": countdown.span_parts(),
    }
