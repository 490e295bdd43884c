"""A rule in the law's words: 'paling lambat 3 hari setelah Putusan MK'."""

from __future__ import annotations

from pemilu_timeline.i18n.messages import t
from pemilu_timeline.model import Rule, Schedule, Stage


def describe(rule: Rule, lang: str, anchor_name: str, *, anchor_is_one_day: bool = True) -> str:
    """The rule with its anchor named; a multi-day anchor says which end counts."""
    anchor = anchor_name
    if rule.edge == "start" or not anchor_is_one_day:
        anchor = t(f"rule.edge.{rule.edge}", lang, anchor=anchor_name)
    return t(f"rule.{rule.sense.value}", lang, days=rule.days, anchor=anchor)


def describe_rule(schedule: Schedule, stage: Stage, lang: str) -> str:
    """A stage's rule with its anchor by name (the anchor's key where it is not in the
    schedule)."""
    rule = stage.after
    assert rule is not None
    anchor = schedule.get(rule.stage)
    if anchor is None:
        return describe(rule, lang, rule.stage)
    return describe(rule, lang, anchor.display_name(lang),
                    anchor_is_one_day=anchor.start == anchor.end)
