"""Dates and rules as one line of plain text, for every view and the edit commands' output."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pemilu_timeline.i18n import format as i18n
from pemilu_timeline.i18n.messages import t
from pemilu_timeline.model import Rule, Schedule, Stage, State
from pemilu_timeline.rules.describe import (
    bounded,
    describe_rule,
    moment_words,
    result_text,
    skipped_text,
)
from pemilu_timeline.timing import resolve_zone, zone_label

if TYPE_CHECKING:
    from pemilu_timeline.rules.calendar import Reckoning


def moment_text(at: dt.datetime, lang: str) -> str:
    """'Senin, 12 Februari 2024 10.00 WIB': a moment with its zone."""
    return moment_words(at, lang, zone_label(at.tzinfo))  # type: ignore[arg-type]


def dates_text(stage: Stage, lang: str, *, short: bool = False,
               schedule: Schedule | None = None) -> str:
    """The dates, or for a pending stage what it waits for ("menunggu Putusan MK")."""
    if stage.start is None or stage.end is None:
        if stage.after is None:
            return t("label.date_unknown", lang)
        anchor = schedule.waits_for(stage) if schedule is not None else None
        name = anchor.display_name(lang) if anchor is not None else stage.after.stage
        if anchor is not None and anchor.state is State.CANCELLED:
            return t("label.anchor_cancelled", lang, anchor=name)  # it will never be dated
        return t("label.waiting_for", lang, anchor=name)
    text = i18n.format_range(stage.start, stage.end, lang,
                             zone_label_for(stage.clock_zone) if stage.clock_zone else None,
                             short=short)
    if stage.dated_by_rule and stage.after is not None and stage.start == stage.end:
        text = bounded(stage.after.sense, text, lang)  # "paling lambat 6 Oktober 2029"
    if stage.estimated:
        text += f" ({t('label.estimated', lang)})"
    return text


def zone_label_for(name: str) -> str:
    return zone_label(resolve_zone(name))


def rule_text(schedule: Schedule, stage: Stage, lang: str) -> str:
    """'paling lambat 3 hari setelah Putusan MK ... (22 April 2024)'."""
    assert stage.after is not None
    anchor = schedule.get(stage.after.stage)
    text = describe_rule(schedule, stage, lang)
    if anchor is None:
        return text
    # "(22 April 2024)", or why it has no date yet: "(tanggal belum diketahui)".
    return text + f" ({dates_text(anchor, lang, schedule=schedule)})"


def reckoning_rows(rule: Rule, reckoning: Reckoning, lang: str, *, zone: str | None = None
                   ) -> list[tuple[str, str]]:
    """The derivation of a date as (label, text) rows: the result, then for working days the
    holidays passed, then why it is an estimate (what `show` and `hitung` print)."""
    rows = [(t("col.result", lang), result_text(rule, reckoning, lang, zone))]
    if rule.in_working_days:
        rows.append((t("col.skipped", lang),
                     t("label.skipped", lang, days=skipped_text(reckoning.skipped, lang))))
    if reckoning.estimated:
        rows.append((t("col.estimated", lang), t("label.estimated_why", lang)))
    return rows
