"""A fact-check as data: the `cek --json` claims, and schema.org ClaimReview JSON-LD.

Verdict and flag codes are the same in every language; the texts (``expected``, ``notes``,
the rating's ``alternateName``) are in the reader's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pemilu_timeline.factcheck.extract import Point
from pemilu_timeline.factcheck.review import Finding
from pemilu_timeline.factcheck.verify import Verdict
from pemilu_timeline.factcheck.wording import (
    claimed_text,
    expected_text,
    notes_text,
    rating_name,
)
from pemilu_timeline.model import Schedule

# ClaimReview's scale: 1 is false, 5 true; an unverifiable claim gets no number.
RATING = {Verdict.CONTRADICTED: 1, Verdict.PARTLY: 3, Verdict.CONSISTENT: 5}


def _day(point: Point | None, *, last: bool = False) -> str | None:
    if point is None or not point.year:  # no year written, and no stage to take one from
        return None
    return (point.last if last else point.first).isoformat()


def claimed_dict(finding: Finding, lang: str) -> dict[str, Any]:
    start, end = finding.check.start, finding.check.end
    clock = finding.mention.clock
    precision = "time" if clock is not None else "day"
    if any(p is not None and p.day is None for p in (start, end)):
        precision = "month"
    return {
        "words": finding.date_words,
        "text": claimed_text(finding, lang),
        "start": _day(start),
        "end": _day(end or start, last=True),
        "precision": precision,
        "time": None if clock is None else {
            "start": clock.start.isoformat(timespec="minutes" if not clock.start.second
                                           else "seconds"),
            "end": None if clock.end is None else clock.end.isoformat(timespec="minutes"),
            "zone": clock.zone,
        },
        "weekday": start.weekday if start is not None else None,
        "role": finding.mention.role,
        "year_written": finding.mention.year_written,
    }


def finding_to_dict(schedule: Schedule, finding: Finding, lang: str) -> dict[str, Any]:
    stage = finding.stage
    return {
        "text": finding.sentence,
        "offset": finding.offset,
        "stage": stage.key if stage is not None else None,
        "election": stage.election if stage is not None else None,
        "claimed": claimed_dict(finding, lang),
        "verdict": finding.verdict.value,
        "flags": [flag.value for flag in finding.flags],
        "expected": None if stage is None else {
            "start": stage.start.isoformat() if stage.start is not None else None,
            "end": stage.end.isoformat() if stage.end is not None else None,
            "state": stage.state.value,
            "text": expected_text(schedule, stage, lang),
        },
        "source": stage.source if stage is not None else None,
        "url": stage.url if stage is not None else None,
        "notes": notes_text(finding, lang),
        "alternatives": [s.key for s in finding.alternatives],
        "unknown_words": finding.unknown,
    }


def findings_to_dict(schedule: Schedule, findings: list[Finding], lang: str
                     ) -> dict[str, Any]:
    counts = {verdict.value: 0 for verdict in Verdict}
    for finding in findings:
        counts[finding.verdict.value] += 1
    return {"claims": [finding_to_dict(schedule, f, lang) for f in findings],
            "summary": counts}


def claimreview(schedule: Schedule, findings: list[Finding], lang: str, *, published: dt.date,
                author: str, url: str | None, appearance: str | None) -> list[dict[str, Any]]:
    """One ClaimReview per checked claim, as fact-checkers publish them."""
    reviews = []
    for finding in findings:
        rating: dict[str, Any] = {"@type": "Rating",
                                  "alternateName": rating_name(finding.verdict, lang)}
        if finding.verdict in RATING:
            rating.update(ratingValue=RATING[finding.verdict], bestRating=5, worstRating=1)
        claim: dict[str, Any] = {"@type": "Claim"}
        if appearance:
            claim["appearance"] = {"@type": "CreativeWork", "url": appearance}
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": finding.sentence,
            "reviewRating": rating,
            "itemReviewed": claim,
            "author": {"@type": "Organization", "name": author},
            "datePublished": published.isoformat(),
            "inLanguage": lang,
        }
        if url:
            review["url"] = url
        if finding.stage is not None:
            review["reviewBody"] = expected_text(schedule, finding.stage, lang)
        reviews.append(review)
    return reviews
