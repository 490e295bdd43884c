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
from collections.abc import Iterable, Iterator
from operator import attrgetter
from typing import Any

from pemilu_timeline.countdown import Countdown
from pemilu_timeline.diff import ScheduleDiff
from pemilu_timeline.gcpause import collection_paused
from pemilu_timeline.model import Overview, Rule, Schedule, Stage, Status
from pemilu_timeline.rules.calendar import Moment, Reckoning, stage_bounds
from pemilu_timeline.rules.describe import describe_rule
from pemilu_timeline.rules.resolve import explain
from pemilu_timeline.rules.workdays import Holiday
from pemilu_timeline.schedule.schema import STAGE_FIELDS, FieldDiff, Kind, plain, rule_table
from pemilu_timeline.timing import zone_label


def stage_to_dict(stage: Stage, at: dt.datetime | None = None) -> dict[str, Any]:
    """The stage object of every --json output: as written in the file, plus status and window."""
    return StageObjects(at)(stage)


class StageObjects:
    """``stage_to_dict`` for many stages at one moment. Regional copies of a stage share
    their dates, rule and clock: each such value is turned into text once, and each window
    of one clock is placed at the moment once."""

    def __init__(self, at: dt.datetime | None = None) -> None:
        self.at = at
        fields = [item for item in STAGE_FIELDS if item.on_stage]
        self.values = attrgetter(*(item.name for item in fields))
        # Each field turned into text keeps the texts it made, by value (and type: 1 is True).
        self.converted = [(place, item, item.kind is Kind.RULE, item.kind is Kind.TAGS,
                           dict[tuple[type, object], Any]())
                          for place, item in enumerate(fields)
                          if item.kind not in _KINDS_AS_THEY_ARE]
        self.moments: dict[tuple[object, ...], dict[str, Any]] = {}
        # What a stage adds to its fields, and where: its key after its election, and after
        # its end whether it is timed, the bounds its rule gives and whether they are sure.
        names = [item.name for item in fields]
        self.key_at = names.index("election") + 1
        self.bounds_at = names.index("end") + 2  # once the key is in
        names[self.bounds_at - 1:self.bounds_at - 1] = ["timed", "earliest", "latest",
                                                        "estimated"]
        names.insert(self.key_at, "key")
        self.names = names

    def __call__(self, stage: Stage) -> dict[str, Any]:
        values = list(self.values(stage))
        for place, item, is_rule, is_tags, texts in self.converted:
            value = values[place]
            if value is None:
                continue
            key = (type(value), value)
            text = texts.get(key)
            if text is None:
                text = texts[key] = plain(item, value)
            if is_rule:  # the dates shown follow from it, or not
                text = {**text, "computed": stage.dated_by_rule}
            elif is_tags:
                text = list(text)
            values[place] = text
        if "" in values:
            values = list(map(_absent, values))
        earliest, latest = stage_bounds(stage)
        values.insert(self.key_at, stage.key)
        values[self.bounds_at:self.bounds_at] = [stage.is_timed, _iso(earliest), _iso(latest),
                                                 stage.estimated]
        data = dict(zip(self.names, values, strict=True))
        if self.at is not None:
            data.update(self._at_moment(stage, self.at))
        return data

    def many(self, stages: Iterable[Stage]) -> list[dict[str, Any]]:
        """The objects of ``stages``, made with the collector paused (see gcpause)."""
        with collection_paused():
            return list(map(self, stages))

    def _at_moment(self, stage: Stage, at: dt.datetime) -> dict[str, Any]:
        """Status, phase, window and progress: the same for every copy on one clock."""
        key = (stage.start, stage.end, stage.clock_zone, stage.state)
        if key not in self.moments:
            phase = stage.phase_at(at)
            found: dict[str, Any] = {"status": stage.status_at(at).value, "phase": phase.value}
            if stage.is_dated:
                start, end = stage.window(at.tzinfo)  # type: ignore[arg-type]
                found["window"] = {"start": start.isoformat(), "end": end.isoformat()}
                if phase is Status.ACTIVE:
                    day, total = stage.day_of(at)
                    found["progress"] = {"day": day, "days": total,
                                         "percent": round(stage.progress_at(at) * 100, 1),
                                         "seconds_left": int((end - at).total_seconds())}
            self.moments[key] = found
        return {name: dict(value) if isinstance(value, dict) else value
                for name, value in self.moments[key].items()}


# Values that are plain data already: text, numbers, flags.
_KINDS_AS_THEY_ARE = frozenset(kind for kind in Kind if kind not in (
    Kind.MOMENT, Kind.STAMP, Kind.STATE, Kind.TAGS, Kind.RULE))


def dumps(data: Any) -> str:
    """JSON as every command prints it: two-space indents, text as it is (not escaped)."""
    return json_bytes(data).decode("utf-8")


def json_bytes(data: Any) -> bytes:
    """``dumps`` as UTF-8: orjson writes the same text as the standard library, ten times
    as fast, and as bytes (a large list is not turned into text and back)."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - a platform without its wheel
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    return orjson.dumps(data, option=orjson.OPT_INDENT_2)


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
    return dumps(StageObjects(at).many(stages)) + "\n"


def json_chunks(stages: Iterable[Stage], at: dt.datetime | None = None) -> Iterator[bytes]:
    """``to_json`` as UTF-8, a stage object at a time, so that many stages are never held
    as one text. The bytes are the same: each object is indented as it would be inside the
    array (JSON text holds no raw line break, so every line break starts a line)."""
    objects = StageObjects(at)
    opening = b"[\n  "
    for stage in stages:
        yield opening + json_bytes(objects(stage)).replace(b"\n", b"\n  ")
        opening = b",\n  "
    yield b"[]\n" if opening == b"[\n  " else b"\n]\n"


def moment_to_dict(at: dt.datetime) -> dict[str, str]:
    return {"at": at.isoformat(), "timezone": getattr(at.tzinfo, "key", str(at.tzinfo)),
            "zone_label": zone_label(at.tzinfo)}  # type: ignore[arg-type]


def now_to_dict(at: dt.datetime, overview: Overview) -> dict[str, Any]:
    return {
        **moment_to_dict(at),
        "active": (objects := StageObjects(at)).many(overview.active),
        "next": objects(overview.next) if overview.next else None,
        "last_ended": objects(overview.last_ended) if overview.last_ended else None,
        "pending": objects.many(overview.pending),
        "cancelled": objects.many(overview.cancelled),
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
        "added": (objects := StageObjects()).many(diff.added),
        "removed": objects.many(diff.removed),
        "changed": [{"key": c.key, "changes": fields(c.fields)} for c in diff.changed],
        "elections": {
            "added": [e.id for e in diff.elections_added],
            "removed": [e.id for e in diff.elections_removed],
            "changed": [{"id": key, "changes": fields(items)}
                        for key, items in diff.elections_changed],
        },
    }
