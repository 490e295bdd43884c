"""Plain-data views of the model for JSON output: every `--json`, `export json` and `diff`.

Keys and status codes are the same in every language; scripts can rely on them. A stage
object holds the schema's fields (as plain data; ``name_en`` is null for a stage not yet
translated, where readers show ``name``), the bounds a rule gives (``earliest``,
``latest``: null for an open side or a written date) and ``estimated``, plus what a moment
adds: ``status``, ``phase``, ``window`` and, while the stage is on, ``progress``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from pemilu_timeline.countdown import Countdown
from pemilu_timeline.diff import ScheduleDiff
from pemilu_timeline.model import Overview, Rule, Schedule, Stage, Status
from pemilu_timeline.rules.calendar import Moment, Reckoning, stage_bounds
from pemilu_timeline.rules.describe import describe_rule
from pemilu_timeline.rules.resolve import explain
from pemilu_timeline.rules.workdays import Holiday
from pemilu_timeline.schedule.schema import STAGE_FIELDS, FieldDiff, Kind, plain, rule_table
from pemilu_timeline.timing import zone_label


def stage_to_dict(stage: Stage, at: dt.datetime | None = None) -> dict[str, Any]:
    """The stage object of every --json output: as written in the file, plus status and window."""
    data: dict[str, Any] = {}
    for item in STAGE_FIELDS:
        if not item.on_stage:
            continue
        value = _absent(getattr(stage, item.name))
        data[item.name] = plain(item, value)
        if item.kind is Kind.RULE and value is not None:
            data[item.name]["computed"] = stage.dated_by_rule  # the dates shown follow from it
        if item.name == "election":
            data["key"] = stage.key
        elif item.name == "end":
            data["timed"] = stage.is_timed
            earliest, latest = stage_bounds(stage)
            data.update(earliest=_iso(earliest), latest=_iso(latest),
                        estimated=stage.estimated)
    if at is not None:
        phase = stage.phase_at(at)
        data["status"] = stage.status_at(at).value
        data["phase"] = phase.value
        if stage.is_dated:
            start, end = stage.window(at.tzinfo)  # type: ignore[arg-type]
            data["window"] = {"start": start.isoformat(), "end": end.isoformat()}
            if phase is Status.ACTIVE:
                day, total = stage.day_of(at)
                data["progress"] = {"day": day, "days": total,
                                    "percent": round(stage.progress_at(at) * 100, 1),
                                    "seconds_left": int((end - at).total_seconds())}
    return data


def _absent(value: Any) -> Any:
    """No field holds empty text, so "" is a name not yet translated: null says so (readers
    show the Indonesian)."""
    return None if value == "" else value


def _iso(value: Moment | None) -> str | None:
    return value.isoformat() if value is not None else None


def holiday_to_dict(holiday: Holiday) -> dict[str, Any]:
    """A day a working-day count skips (or a local holiday), as `libur --json` lists it."""
    return {"date": holiday.date.isoformat(), "weekday": holiday.date.isoweekday(),
            "name": holiday.name, "name_en": holiday.name_en, "kind": holiday.kind.value,
            "region": holiday.region, "source": holiday.source,
            "estimated": holiday.estimated}


def reckoning_to_dict(rule: Rule, reckoning: Reckoning, words: str,
                      anchor: str | None = None) -> dict[str, Any]:
    """How a date follows from its rule (`show --json`, `hitung --json`): the rule in the
    law's words and as parts, the anchor, the bounds (null for an open side), the holidays
    a working-day count passed and whether any of it is an estimate."""
    return {
        "rule": words,
        "parts": {**rule_table(rule, complete=True), "stage": anchor},
        "anchor": {"stage": anchor, "at": reckoning.anchor.isoformat()},
        "earliest": _iso(reckoning.earliest),
        "latest": _iso(reckoning.latest),
        "skipped": [holiday_to_dict(h) for h in reckoning.skipped],
        "estimated": reckoning.estimated,
    }


def derivation_to_dict(schedule: Schedule, stage: Stage, lang: str) -> dict[str, Any] | None:
    """How ``stage``'s date follows from its rule (`show --json`); None without a rule or
    while its anchor has no date."""
    reckoning = explain(schedule, stage)
    if reckoning is None or stage.after is None:
        return None
    return reckoning_to_dict(stage.after, reckoning, describe_rule(schedule, stage, lang),
                             anchor=stage.after.stage)


def to_json(stages: Iterable[Stage], at: dt.datetime | None = None) -> str:
    """The same stage objects as ``list --json``, so scripts read one format everywhere."""
    return json.dumps([stage_to_dict(s, at) for s in stages], ensure_ascii=False, indent=2) + "\n"


def moment_to_dict(at: dt.datetime) -> dict[str, str]:
    return {"at": at.isoformat(), "timezone": getattr(at.tzinfo, "key", str(at.tzinfo)),
            "zone_label": zone_label(at.tzinfo)}  # type: ignore[arg-type]


def now_to_dict(at: dt.datetime, overview: Overview) -> dict[str, Any]:
    return {
        **moment_to_dict(at),
        "active": [stage_to_dict(s, at) for s in overview.active],
        "next": stage_to_dict(overview.next, at) if overview.next else None,
        "last_ended": stage_to_dict(overview.last_ended, at) if overview.last_ended else None,
        "pending": [stage_to_dict(s, at) for s in overview.pending],
        "cancelled": [stage_to_dict(s, at) for s in overview.cancelled],
    }


def countdown_to_dict(countdown: Countdown | None, at: dt.datetime) -> dict[str, Any]:
    if countdown is None:  # the same keys, null: nothing to count to
        return {**moment_to_dict(at), "stage": None, "target": None, "target_at": None,
                "days": None, "label": None, "seconds": None, "remaining": None, "span": None}
    clock = countdown.clock_parts()
    sign = 1 if countdown.is_future else -1
    return {
        **moment_to_dict(at),
        "stage": stage_to_dict(countdown.stage, at),
        "target": countdown.target,
        "target_at": countdown.target_at.isoformat(),
        "days": countdown.days,
        "label": countdown.label,
        "seconds": int(countdown.delta.total_seconds()),
        "remaining": {k: sign * v for k, v in clock.items()},
        "span": countdown.span_parts(),
    }


def diff_to_dict(diff: ScheduleDiff, old_path: str, new_path: str) -> dict[str, Any]:
    """`diff --json`: stable keys, values as plain data."""
    def fields(items: tuple[FieldDiff, ...]) -> list[dict[str, Any]]:
        return [{"field": f.field, "old": _absent(f.old), "new": _absent(f.new)} for f in items]

    return {
        "old": old_path,
        "new": new_path,
        "added": [stage_to_dict(s) for s in diff.added],
        "removed": [stage_to_dict(s) for s in diff.removed],
        "changed": [{"key": c.key, "changes": fields(c.fields)} for c in diff.changed],
        "elections": {
            "added": [e.id for e in diff.elections_added],
            "removed": [e.id for e in diff.elections_removed],
            "changed": [{"id": key, "changes": fields(items)}
                        for key, items in diff.elections_changed],
        },
    }
