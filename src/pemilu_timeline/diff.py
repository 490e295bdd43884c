"""What changed between two schedules: what a reporter needs to write a correction note.

Stages are matched by their key (ELECTION/ID). A changed stage lists each field that differs,
old and new, as plain data, in the schema's order; dates computed from a rule (``after``) are
compared too, because a moved anchor moves the stages that follow it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pemilu_timeline.model import Election, Schedule, Stage
from pemilu_timeline.schedule.schema import (
    ELECTION_FIELDS,
    STAGE_FIELDS,
    FieldDiff,
    changed_fields,
)


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
        fields = changed_fields(before, stage, STAGE_FIELDS)
        if fields:
            changed.append(Changed(stage.key, stage, fields))
    elections_changed = []
    for key, election in new.elections.items():
        if key in old.elections:
            fields = changed_fields(old.elections[key], election, ELECTION_FIELDS)
            if fields:
                elections_changed.append((key, fields))
    return ScheduleDiff(
        added=added, removed=removed, changed=tuple(changed),
        elections_added=tuple(e for k, e in new.elections.items() if k not in old.elections),
        elections_removed=tuple(e for k, e in old.elections.items() if k not in new.elections),
        elections_changed=tuple(elections_changed))
