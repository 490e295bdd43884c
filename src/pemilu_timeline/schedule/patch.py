"""Changing a file the writer wrote without reading all of it again.

The writer's text (``write.canonical_text``) is the elections' and regions' tables, then one
chunk per stage in file order. A change to a few stages rewrites their chunks and keeps every
other byte; only the chunks it writes are parsed back, only their stages (and those counted
from them) are checked, then the checks across stages run as loading runs them. The stages
of the file come from the schedule it was read into (the cache's), so a large file is neither
parsed nor validated again under the lock. A text of any other shape, or a change to the
elections or regions, is left to the long way (``store``): None says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from pemilu_timeline.errors import ScheduleInvalid
from pemilu_timeline.model import Schedule
from pemilu_timeline.schedule.read import parse_toml
from pemilu_timeline.schedule.write import (
    STAGE_HEADER,
    election_to_data,
    header_chunks,
    region_to_data,
    stage_chunk,
)

Data = dict[str, Any]

# Where a stage's chunk begins: after a blank line, its header, then its first two fields
# as the writer writes them.
_BETWEEN = "\n\n" + STAGE_HEADER
_CHUNK = re.compile(r'\n\n\[\[stages\]\]\nid = "([a-z0-9-]+)"\nelection = "([a-z0-9-]+)"\n')


@dataclass(frozen=True, slots=True)
class Unread:
    """A stage the change has not opened: kept as the file has it."""

    source: Patchable
    place: int  # its chunk's, in the file

    @property
    def key(self) -> str:
        return self.source.keys[self.place]

    @property
    def chunk(self) -> str:
        return self.source.chunk(self.place, self.place)

    def table(self) -> Data:
        """The stage's table, as parsing the file gives it."""
        return _table(self.chunk)

    def written_start(self) -> Any:
        """Its start as the file writes it (a date a rule gives is not written)."""
        stage = self.source.schedule.get(self.key)
        assert stage is not None  # Patchable.of saw every key in the schedule
        return None if stage.dated_by_rule else stage.start


@dataclass(frozen=True)
class Patchable:
    """A canonical text cut into its chunks, each one's stage in the schedule read from it."""

    text: str
    header: str
    schedule: Schedule
    keys: list[str]  # ELECTION/ID of each chunk, in file order
    starts: list[int]  # where each chunk begins; the text's end closes the last

    @classmethod
    def of(cls, text: str, schedule: Schedule) -> Patchable | None:
        """The text's chunks, or None when it is not in the writer's shape or does not hold
        the schedule's stages, one chunk each."""
        lead = "\n\n" if text.startswith(STAGE_HEADER) else ""  # as if after a blank line
        scanned = lead + text
        found = _CHUNK.findall(scanned)
        keys = [f"{election}/{stage_id}" for stage_id, election in found]
        parts = list(map(len, scanned.split(_BETWEEN)))
        if len(parts) - 1 != len(keys) or len(keys) != len(schedule.stages) \
                or len(set(keys)) != len(keys) or not all(map(schedule.has, keys)):
            return None
        between = len(_BETWEEN)
        starts = [at + 2 - len(lead) for at in accumulate(
            [parts[0], *(between + part for part in parts[1:-1])])] if keys else []
        header = text[:max(starts[0] - 1, 0)] if starts else text  # a blank line follows it
        return cls(text, header, schedule, keys, starts)

    def chunk(self, first: int, last: int) -> str:
        """The text of the chunks from ``first`` to ``last``, both included."""
        end = self.starts[last + 1] - 1 if last + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[first]:end]

    def data(self) -> Data:
        """What a change is handed: the tables of the elections and regions, and the stages
        as Unread until the change opens one (``edit.stage_table``)."""
        schedule = self.schedule
        data: Data = {"elections": {e.id: election_to_data(e)
                                    for e in schedule.elections.values()}}
        if schedule.regions:
            data["regions"] = {r.code: region_to_data(r) for r in schedule.regions.values()}
        data["stages"] = [Unread(self, place) for place in range(len(self.keys))]
        return data

    def apply(self, data: Data, path: str) -> tuple[str, Schedule] | None:
        """The text and the schedule after the change made to ``data``; None when the change
        reached beyond the stages. Raises ScheduleInvalid for a stage that does not hold."""
        from pemilu_timeline.schedule.validate import Validator

        if set(data) - {"elections", "regions", "stages"} \
                or "\n".join(header_chunks(data)) != self.header:
            return None
        pieces: list[str] = []
        tables: list[Data] = []
        kept: set[int] = set()
        run: list[int] = []  # places of unread chunks that follow each other in the file
        for item in [*data.get("stages", []), None]:
            if isinstance(item, Unread) and item.source is self:
                kept.add(item.place)
                if run and item.place == run[-1] + 1:
                    run[-1] = item.place
                    continue
            if run:
                pieces.append(self.chunk(*run))
                run = []
            if isinstance(item, Unread) and item.source is self:
                run = [item.place, item.place]
            elif isinstance(item, dict):
                pieces.append(stage_chunk(item))
                table = _only_stage(pieces[-1])
                if table is None:  # it wrote more than a stage: the long way says what
                    return None
                tables.append(table)
            elif item is not None:
                return None
        gone = {key for place, key in enumerate(self.keys) if place not in kept}
        redated = _counted_from(self.schedule, gone)
        if redated:
            tables.extend(_table(self.chunk(place, place))
                          for place, key in enumerate(self.keys)
                          if key in redated and place in kept)
        text = "\n".join([self.header, *pieces] if self.header else pieces)
        validator = Validator("", path)
        schedule = validator.rebuild(self.schedule, gone | redated, tables)
        if validator.problems:
            raise ScheduleInvalid(path, validator.problems)
        return text, schedule


def _table(chunk: str) -> Data:
    table = _only_stage(chunk)
    assert table is not None  # a chunk of the writer's text holds one stage
    return table


def _only_stage(chunk: str) -> Data | None:
    """The one stage table a chunk holds; None when it holds anything else besides."""
    data = parse_toml(chunk, "<stage>")
    stages = data.get("stages")
    if set(data) != {"stages"} or not isinstance(stages, list) or len(stages) != 1 \
            or not isinstance(stages[0], dict):
        return None
    return stages[0]


def _counted_from(schedule: Schedule, changed: set[str]) -> set[str]:
    """The stages dated, directly or through others, from a changed one (not changed
    themselves)."""
    anchors: dict[str, list[str]] = {}
    for stage in schedule.stages:
        if stage.after is not None:
            anchors.setdefault(stage.after.stage, []).append(stage.key)
    found: set[str] = set()
    frontier = list(changed)
    while frontier:
        for key in anchors.get(frontier.pop(), ()):
            if key not in found and key not in changed:
                found.add(key)
                frontier.append(key)
    return found
