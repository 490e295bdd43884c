"""Dating the stages that follow others: one pass over the schedule, chains and cycles found
by one walk that validation and editing share."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Container, Sequence

from pemilu_timeline.model import Schedule, Stage, State
from pemilu_timeline.rules.calendar import OutOfRange, anchor_day, obeys, window

AnchorOf = Callable[[str], str | None]


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


def resolve_rules(stages: Sequence[Stage]) -> tuple[list[Stage], list[tuple[Stage, str]]]:
    """Date every stage with a rule whose anchor is dated; report unknown anchors and cycles.

    Returns the stages (those with a rule given computed dates where possible) and a list of
    (stage, problem-code) pairs: "unknown" for an anchor that is not in the schedule, "cycle"
    for a stage whose chain of anchors comes back to itself, "contradicts" for a written date
    that breaks its rule. A stage whose anchor has no date yet stays undated: that is the
    honest "pending" state, not an error.
    """
    by_key = {s.key: s for s in stages}
    resolved: dict[str, Stage] = {}
    problems: list[tuple[Stage, str]] = []

    def anchor_of(key: str) -> str | None:
        rule = by_key[key].after
        if rule is None:
            return None
        if rule.stage not in by_key:
            problems.append((by_key[key], "unknown"))
            resolved[key] = by_key[key]  # stays as written
            return None
        return rule.stage

    for stage in stages:
        if stage.key in resolved:
            continue
        path, loop = chain(stage.key, anchor_of, resolved)
        for key in loop:
            problems.append((by_key[key], "cycle"))
            resolved[key] = by_key[key]
        for key in reversed(path):  # the anchor before the stages counted from it
            if key not in resolved:
                resolved[key] = _dated(by_key[key], resolved, problems)
    return [resolved[s.key] for s in stages], problems


def _dated(stage: Stage, resolved: dict[str, Stage], problems: list[tuple[Stage, str]]) -> Stage:
    rule = stage.after
    if rule is None:
        return stage
    anchor = resolved[rule.stage]
    day = anchor_day(anchor, rule.edge)
    if day is None or anchor.state is State.CANCELLED:
        return stage
    try:
        first, last = window(rule, day)
    except OutOfRange:
        problems.append((stage, "out_of_range"))
        return stage
    if not stage.is_dated:
        return dataclasses.replace(stage, start=first, end=last, dated_by_rule=True)
    if not obeys(stage, rule, first, last):
        problems.append((stage, "contradicts"))
    return stage


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
