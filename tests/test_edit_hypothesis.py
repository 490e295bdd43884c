"""Any sequence of add/edit/remove keeps the file equal to a simple model of it.

The state machine keeps a dict of what each stage should be and, after every step, reloads
the file from disk and compares. It also checks the writer's promises at every step: the file
is canonical, and a refused change leaves it byte-identical.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    multiple,
    precondition,
    rule,
)

from pemilu_timeline.errors import PemiluError
from pemilu_timeline.model import Schedule
from pemilu_timeline.schedule import edit as editing
from pemilu_timeline.schedule import store, write
from pemilu_timeline.schedule.read import load_schedule, parse_toml
from pemilu_timeline.schedule.schema import CONTROL_STRICT
from tests.helpers import regional_schedule

SMALL = Path(__file__).parent / "assets" / "small.toml"
NOW = dt.datetime(2024, 2, 1, tzinfo=dt.UTC)

ids = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?", fullmatch=True)
# Text staff might type: any printable Unicode, including quotes, '#' and backslashes.
texts = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=20
                ).filter(lambda s: s.strip() == s and s and not CONTROL_STRICT.search(s))
days = st.dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2026, 12, 31))
lengths = st.integers(min_value=0, max_value=60)


class EditSequence(RuleBasedStateMachine):
    keys = Bundle("keys")

    @staticmethod
    def start_file() -> Path:
        return SMALL

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="pemilu-hypothesis-"))
        self.path = self.dir / "stages.toml"
        shutil.copyfile(self.start_file(), self.path)
        store.reformat(self.path)
        self.model: dict[str, dict[str, Any]] = {
            s.key: {"name": s.name, "start": s.start, "end": s.end, "note": s.note,
                    "revision": s.revision}
            for s in load_schedule(self.path)}
        self.clock = NOW

    def teardown(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

    def tick(self) -> dt.datetime:
        self.clock += dt.timedelta(seconds=1)
        return self.clock

    @rule(target=keys)
    def existing(self) -> Any:
        return multiple(*sorted(self.model))

    @rule(target=keys, stage_id=ids, name=texts, start=days, length=lengths)
    def add(self, stage_id: str, name: str, start: dt.date, length: int) -> Any:
        key = f"pemilu-2024/{stage_id}"
        end = start + dt.timedelta(days=length)
        before = self.path.read_bytes()
        now = self.tick()

        def change(data: dict[str, Any], schedule: Schedule) -> None:
            editing.add_stage(data, schedule, stage_id=stage_id, election="pemilu-2024",
                              name=name, name_en=None, start=start, end=end, source="uji",
                              now=now)
        try:
            store.update(self.path, change)
        except PemiluError:
            assert key in self.model  # the only refusal: a duplicate
            assert self.path.read_bytes() == before
            return multiple()
        assert key not in self.model
        self.model[key] = {"name": name, "start": start, "end": end, "note": None,
                           "revision": 1}
        return key

    @rule(key=keys, name=st.none() | texts, note=st.none() | st.just("") | texts,
          start=st.none() | days)
    def edit(self, key: str, name: str | None, note: str | None, start: dt.date | None
             ) -> None:
        changes: dict[str, Any] = {}
        if name is not None:
            changes["name"] = name
        if note is not None:
            changes["note"] = note
        if start is not None:
            changes["start"] = start
        if not changes:
            return
        before = self.path.read_bytes()
        now = self.tick()
        try:
            store.update(self.path, lambda data, schedule: editing.edit_stage(
                data, schedule, key, changes, now=now), unchanged=lambda r: not r.changes)
        except PemiluError:
            assert self.path.read_bytes() == before
            expected = self.model.get(key)
            assert expected is None or (start is not None and (
                _end_after(expected, start) is None or self.dated_by_rule(key)))
            return
        expected = self.model[key]
        new = {**expected}
        if name is not None:
            new["name"] = name
        if note is not None:
            new["note"] = note or None
        if start is not None:
            new["start"], new["end"] = start, _end_after(expected, start)
        if new != expected:
            new["revision"] = expected["revision"] + 1
        self.model[key] = new

    @precondition(lambda self: len(self.model) > 1)
    @rule(key=consumes(keys))
    def remove(self, key: str) -> None:
        before = self.path.read_bytes()
        try:
            store.update(self.path, lambda data, schedule: editing.remove_stage(
                data, schedule, key))
        except PemiluError:
            # Refused: no such stage, or (on a schedule with rules) one whose dates others
            # are counted from.
            assert key not in self.model or self.anchors(key)
            assert self.path.read_bytes() == before
            return
        del self.model[key]

    def dated_by_rule(self, key: str) -> bool:
        stage = load_schedule(self.path).get(key)
        return stage is not None and stage.after is not None

    def anchors(self, key: str) -> list[str]:
        """The stages whose rules count from ``key``."""
        return [s.key for s in load_schedule(self.path) if s.after and s.after.stage == key]

    @invariant()
    def file_matches_model(self) -> None:
        text = self.path.read_text(encoding="utf-8")
        assert write.canonical_text(parse_toml(text, "x")) == text
        on_disk = {s.key: {"name": s.name, "start": s.start, "end": s.end, "note": s.note,
                           "revision": s.revision}
                   for s in load_schedule(self.path)}
        assert on_disk == self.model


def _end_after(expected: dict[str, Any], start: dt.date) -> dt.date | None:
    """The model of a new start: a one-day stage (or a single moment) moves whole; a timed
    range is refused (its end is a time, the new start a date: the user must give --end);
    a longer stage keeps its end, unless it would come first. None means refused."""
    end = expected["end"]
    if expected["start"] == end:
        return start
    if isinstance(end, dt.datetime):
        return None
    return end if start <= end else None


EditSequence.TestCase.settings = settings(
    max_examples=25, stateful_step_count=12, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
test_edit_sequences = EditSequence.TestCase


class RegionalEditSequence(EditSequence):
    """The same sequences on a regional schedule, where every change after the first goes
    chunk by chunk through the writer's cache entry."""

    @staticmethod
    def start_file() -> Path:
        return regional_schedule(10_000)  # made when the test runs, not when it is collected


RegionalEditSequence.TestCase.settings = settings(
    max_examples=3, stateful_step_count=8, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
test_edit_sequences_at_regional_scale = RegionalEditSequence.TestCase
