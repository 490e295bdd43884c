"""What changed between two schedules: what a reporter needs to write a correction note.

Stages are matched by their key (ELECTION/ID). A changed stage lists each field that differs,
old and new, as the file writes it; dates computed from a rule (``after``) are compared too,
because a moved anchor moves the stages that follow it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pemilu_timeline.model import Election, Schedule, Stage

# Fields in the order a correction note reads them; the identity (id, election) is the key.
STAGE_FIELDS = ("name", "name_en", "start", "end", "zone", "state", "reason", "reason_en",
                "condition", "condition_en", "after", "tags", "milestone", "source", "url",
                "note", "note_en", "revision", "updated")
ELECTION_FIELDS = ("name", "name_en", "timezone", "source", "url", "note")


@dataclass(frozen=True)
class FieldDiff:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Changed:
    key: str
    stage: Stage  # the new version
    fields: tuple[FieldDiff, ...]


@dataclass(frozen=True)
class ScheduleDiff:
    added: tuple[Stage, ...]
    removed: tuple[Stage, ...]
    changed: tuple[Changed, ...]
    elections_added: tuple[Election, ...] = ()
    elections_removed: tuple[Election, ...] = ()
    elections_changed: tuple[tuple[str, tuple[FieldDiff, ...]], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.elections_added
                    or self.elections_removed or self.elections_changed)


def stage_value(stage: Stage, name: str) -> Any:
    """A field as plain data: dates as ISO text, the rule as a dict, tags as a list."""
    from pemilu_timeline.serialize import iso

    if name in ("start", "end"):
        return iso(getattr(stage, name))
    if name == "updated":
        return stage.updated.isoformat().replace("+00:00", "Z") if stage.updated else None
    if name == "state":
        return stage.state.value
    if name == "tags":
        return list(stage.tags)
    if name == "after":
        rule = stage.after
        if rule is None:
            return None
        return {"stage": rule.stage, "days": rule.days, "sense": rule.sense.value,
                "edge": rule.edge, "duration": rule.duration}
    return getattr(stage, name)


def _fields(old: Any, new: Any, names: tuple[str, ...], value: Any) -> tuple[FieldDiff, ...]:
    found = []
    for name in names:
        before, after = value(old, name), value(new, name)
        if before != after:
            found.append(FieldDiff(name, before, after))
    return tuple(found)


def diff_schedules(old: Schedule, new: Schedule) -> ScheduleDiff:
    """Added, removed and changed stages (and elections), in the new schedule's date order."""
    old_stages = {s.key: s for s in old}
    new_stages = {s.key: s for s in new}
    added = tuple(s for s in new if s.key not in old_stages)
    removed = tuple(s for s in old if s.key not in new_stages)
    changed = []
    for stage in new:
        before = old_stages.get(stage.key)
        if before is None:
            continue
        fields = _fields(before, stage, STAGE_FIELDS, stage_value)
        if fields:
            changed.append(Changed(stage.key, stage, fields))
    elections_changed = []
    for key, election in new.elections.items():
        if key in old.elections:
            fields = _fields(old.elections[key], election, ELECTION_FIELDS, getattr)
            if fields:
                elections_changed.append((key, fields))
    return ScheduleDiff(
        added=added, removed=removed, changed=tuple(changed),
        elections_added=tuple(e for k, e in new.elections.items() if k not in old.elections),
        elections_removed=tuple(e for k, e in old.elections.items() if k not in new.elections),
        elections_changed=tuple(elections_changed))


def diff_to_dict(diff: ScheduleDiff, old_path: str, new_path: str) -> dict[str, Any]:
    """The --json form: stable keys, values as the files write them."""
    from pemilu_timeline.serialize import stage_to_dict

    def fields(items: tuple[FieldDiff, ...]) -> list[dict[str, Any]]:
        return [{"field": f.field, "old": f.old, "new": f.new} for f in items]

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
