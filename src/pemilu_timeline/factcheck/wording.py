"""A finding in the reader's language: what was claimed, what the schedule says and why."""

from __future__ import annotations

from pemilu_timeline.factcheck.extract import Clock, Point
from pemilu_timeline.factcheck.review import Finding
from pemilu_timeline.factcheck.verify import Flag, Verdict, check_zone_label
from pemilu_timeline.i18n.format import format_date, format_range, format_time
from pemilu_timeline.i18n.lexicon import MONTHS
from pemilu_timeline.i18n.messages import check_language, t
from pemilu_timeline.model import Schedule, Stage


def verdict_label(verdict: Verdict, lang: str) -> str:
    return t(f"cek.verdict.{verdict.value}", lang)


def rating_name(verdict: Verdict, lang: str) -> str:
    """The verdict as ClaimReview's ``alternateName`` ("Tidak sesuai")."""
    return t(f"cek.rating.{verdict.value}", lang)


def flag_label(flag: Flag, lang: str) -> str:
    return t(f"cek.flag.{flag.value}", lang)


def _point_text(point: Point, lang: str) -> str:
    """"28 November 2023", "November 2023", or "26 Juni" where no year was written and
    none could be worked out."""
    month = MONTHS[check_language(lang)][point.month - 1]
    if not point.year:
        return f"{point.day} {month}" if point.day else month
    if point.day is None:
        return f"{month} {point.year}"
    return format_date(point.first, lang)


def _clock_text(clock: Clock, lang: str) -> str:
    times = format_time(clock.start)
    if clock.end is not None:
        times += f"–{format_time(clock.end)}"
    if clock.zone == "local":
        return f"{times} {t('label.timed_local', lang)}"
    return f"{times} {check_zone_label(clock.zone)}" if clock.zone else times


def claimed_text(finding: Finding, lang: str) -> str:
    """The claim's dates as read: "28 November 2023 – 10 Februari 2024", "07.00 WIB"."""
    start, end = finding.check.start, finding.check.end
    parts = []
    if start is not None and end is not None and start.day and end.day and start.year \
            and end.year:
        parts.append(format_range(start.first, end.first, lang))
    elif start is not None and end is not None:
        parts.append(f"{_point_text(start, lang)} – {_point_text(end, lang)}")
    elif start is not None:
        parts.append(_point_text(start, lang))
    if finding.mention.clock is not None:
        parts.append(_clock_text(finding.mention.clock, lang))
    return ", ".join(parts)


def stage_dates(stage: Stage, lang: str) -> str:
    if stage.start is None or stage.end is None:
        return t("cek.undated", lang)
    zone = check_zone_label(stage.clock_zone) if stage.clock_zone else None
    return format_range(stage.start, stage.end, lang, zone)


def expected_text(schedule: Schedule, stage: Stage, lang: str) -> str:
    """"Menurut PKPU 3/2022 (Lampiran), Masa Kampanye Pemilu (Pemilihan Umum 2024):
    28 November 2023 – 10 Februari 2024." """
    election = schedule.elections.get(stage.election)
    return t("cek.expected", lang, source=stage.source, stage=stage.display_name(lang),
             election=election.display_name(lang) if election else stage.election,
             dates=stage_dates(stage, lang))


def notes_text(finding: Finding, lang: str) -> list[str]:
    return [note.in_language(lang) for note in finding.check.notes]
