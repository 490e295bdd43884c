"""The fact-check corpus (tests/assets/factcheck_corpus.toml) run through `cek`'s core, and
the figures the README reports from it: one computation for the tests and the README."""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pemilu_timeline.factcheck.match import StageIndex
from pemilu_timeline.factcheck.review import Finding, review, sentence_verdict
from pemilu_timeline.schedule.read import load_schedule

CORPUS = Path(__file__).parent / "assets" / "factcheck_corpus.toml"
VERDICTS = ("consistent", "partly", "contradicted", "unverifiable")


@dataclass(frozen=True)
class Outcome:
    entry: dict[str, Any]
    findings: list[Finding]

    @property
    def expected(self) -> str:
        return str(self.entry["verdict"])

    @property
    def got(self) -> str:
        return sentence_verdict(self.findings).value

    @property
    def flags(self) -> set[str]:
        return {flag.value for f in self.findings for flag in f.flags}


@cache
def entries() -> tuple[dict[str, Any], ...]:
    return tuple(tomllib.loads(CORPUS.read_text(encoding="utf-8"))["claim"])


@cache
def outcomes() -> tuple[Outcome, ...]:
    schedule = load_schedule()
    index = StageIndex(schedule)
    return tuple(Outcome(e, review(schedule, e["text"], index)) for e in entries())


def real() -> list[Outcome]:
    return [o for o in outcomes() if o.entry["kind"] == "real"]


def scores(kind: str = "real") -> dict[str, tuple[int, int, int]]:
    """Per verdict: (true positives, predicted, expected) on the sentences of ``kind``."""
    chosen = [o for o in outcomes() if o.entry["kind"] == kind]
    got = Counter(o.got for o in chosen)
    expected = Counter(o.expected for o in chosen)
    hits = Counter(o.got for o in chosen if o.got == o.expected)
    return {v: (hits[v], got[v], expected[v]) for v in VERDICTS}


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def table(kind: str = "real") -> str:
    """The README's table: precision and recall of each verdict on the corpus."""
    rows = ["| verdict | expected | said | right | precision | recall |",
            "|---|---:|---:|---:|---:|---:|"]
    for verdict, (hits, got, expected) in scores(kind).items():
        rows.append(f"| `{verdict}` | {expected} | {got} | {hits} | {percent(hits, got)} | "
                    f"{percent(hits, expected)} |")
    chosen = [o for o in outcomes() if o.entry["kind"] == kind]
    agree = sum(o.got == o.expected for o in chosen)
    rows.append(f"| all | {len(chosen)} | {len(chosen)} | {agree} | "
                f"{percent(agree, len(chosen))} | {percent(agree, len(chosen))} |")
    return "\n".join(rows)
