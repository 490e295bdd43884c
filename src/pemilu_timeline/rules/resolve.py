"""Dating the stages that follow others: one pass over the schedule, chains and cycles found
by one walk that validation and editing share."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass

from pemilu_timeline.model import Schedule, Stage, State
from pemilu_timeline.rules.calendar import (
    InvertedWindow,
    NeedsTime,
    OutOfRange,
    Reckoning,
    anchor_moment,
    obeys,
    reckon,
)
from pemilu_timeline.timing import zone_or_none

AnchorOf = Callable[[str], str | None]


@dataclass(frozen=True, slots=True)
class RuleProblem:
    """A stage whose rule cannot date it, or whose written date breaks it."""

    stage: Stage
    code: str
    reckoning: Reckoning | None = None  # for "contradicts": what the rule allows


def chain(key: str, anchor_of: AnchorOf,
          settled: Container[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Follow the anchors from ``key``: the stages met, and the members of a loop if the walk
    comes back to a stage it has met.

    The walk stops at a stage without a rule, at one of ``settled`` (already dated or
    refused) or at a loop; it never recurses, so a chain of any length is safe.
    """
    path: list[str] = []
    seen: dict[str, int] = {}
    current: str | None = key
    while current is not None and current not in settled:
        if current in seen:
            return path, path[seen[current]:]
        seen[current] = len(path)
        path.append(current)
        current = anchor_of(current)
    return path, []


def resolve_rules(stages: Sequence[Stage], settled: Mapping[str, Stage] | None = None
                  ) -> tuple[list[Stage], list[RuleProblem]]:
    """Date every stage with a rule whose anchor is dated; report unknown anchors and cycles.

    Returns the stages (those with a rule given computed dates where possible) and the
    problems, each with its code: "unknown" for an anchor that is not in the schedule, "cycle"
    for a stage whose chain of anchors comes back to itself, "contradicts" for a written date
    that breaks its rule, "out_of_range", "needs_time" (hours from an anchor without a time)
    and "inverted_window". A stage whose anchor has no date yet stays undated: that is the
    honest "pending" state, not an error.

    ``settled`` are stages dated already (those a change left alone): anchors to count from,
    neither reckoned again nor returned.
    """
    by_key = {**(settled or {}), **{s.key: s for s in stages}}
    resolved: dict[str, Stage] = dict(settled or {})
    problems: list[RuleProblem] = []

    def anchor_of(key: str) -> str | None:
        rule = by_key[key].after
        if rule is None:
            return None
        if rule.stage not in by_key:
            problems.append(RuleProblem(by_key[key], "unknown"))
            resolved[key] = by_key[key]  # stays as written
            return None
        return rule.stage

    for stage in stages:
        key = stage.key
        if key in resolved:
            continue
        if by_key[key].after is None:  # dated as written, or not at all: nothing to follow
            resolved[key] = by_key[key]
            continue
        path, loop = chain(key, anchor_of, resolved)
        for key in loop:
            problems.append(RuleProblem(by_key[key], "cycle"))
            resolved[key] = by_key[key]
        for key in reversed(path):  # the anchor before the stages counted from it
            if key not in resolved:
                resolved[key] = _dated(by_key[key], resolved, problems)
    return [resolved[s.key] for s in stages], problems


def _dated(stage: Stage, resolved: dict[str, Stage], problems: list[RuleProblem]) -> Stage:
    rule = stage.after
    if rule is None:
        return stage
    anchor = resolved[rule.stage]
    moment = anchor_moment(anchor, rule.edge)
    if moment is None or anchor.state is State.CANCELLED:
        return stage
    try:
        reckoning = reckon(rule, moment)
    except OutOfRange:
        problems.append(RuleProblem(stage, "out_of_range"))
        return stage
    except NeedsTime:
        problems.append(RuleProblem(stage, "needs_time"))
        return stage
    except InvertedWindow:
        problems.append(RuleProblem(stage, "inverted_window"))
        return stage
    if stage.is_dated:
        assert stage.start is not None
        if not obeys(stage.start, rule, reckoning):
            problems.append(RuleProblem(stage, "contradicts", reckoning))
        return stage
    start, end, zone = reckoning.start, reckoning.end, stage.zone
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        start, end, zone = _in_zone(start, end, anchor.zone, stage.zone)
    return dataclasses.replace(stage, start=start, end=end, zone=zone, dated_by_rule=True,
                               estimated=reckoning.estimated or anchor.estimated)


def _in_zone(start: dt.datetime, end: dt.datetime, anchor_zone: str | None,
             own_zone: str | None) -> tuple[dt.datetime, dt.datetime, str | None]:
    """Moments counted in hours keep the anchor's clock: a stage pinned to a zone of its own
    reads them in that zone, one pinned to none takes the anchor's pin."""
    if anchor_zone is None or own_zone is None or anchor_zone == own_zone:
        return start, end, own_zone or anchor_zone
    source, target = zone_or_none(anchor_zone), zone_or_none(own_zone)
    if source is None or target is None:
        return start, end, own_zone

    def moved(value: dt.datetime) -> dt.datetime:
        return value.replace(tzinfo=source).astimezone(target).replace(tzinfo=None)

    return moved(start), moved(end), own_zone


def explain(schedule: Schedule, stage: Stage) -> Reckoning | None:
    """How ``stage``'s rule counts from its anchor's date as the schedule has it (what
    `show` prints), or None when the stage has no rule or the anchor no date."""
    rule = stage.after
    if rule is None:
        return None
    anchor = schedule.get(rule.stage)
    if anchor is None or anchor.state is State.CANCELLED:
        return None
    moment = anchor_moment(anchor, rule.edge)
    if moment is None:
        return None
    try:
        return reckon(rule, moment)
    except (OutOfRange, NeedsTime, InvertedWindow):
        return None


def dependants(schedule: Schedule, key: str) -> list[Stage]:
    """Stages dated from ``key``, directly or through others, in schedule order."""
    counted_from: dict[str, list[str]] = {}
    for stage in schedule:
        if stage.after is not None:
            counted_from.setdefault(stage.after.stage, []).append(stage.key)
    found: set[str] = set()
    frontier = [key]
    while frontier:
        for follower in counted_from.get(frontier.pop(), ()):
            if follower not in found and follower != key:
                found.add(follower)
                frontier.append(follower)
    return [s for s in schedule if s.key in found]
