"""`cek`: each claim quoted with its date words marked, its verdict, and the schedule's word."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from pemilu_timeline.factcheck.review import Finding
from pemilu_timeline.factcheck.verify import Verdict
from pemilu_timeline.factcheck.wording import (
    claimed_text,
    expected_text,
    flag_label,
    notes_text,
    verdict_label,
)
from pemilu_timeline.i18n.messages import t
from pemilu_timeline.model import Schedule

VERDICT_STYLE = {Verdict.CONSISTENT: "bold green", Verdict.PARTLY: "bold yellow",
                 Verdict.CONTRADICTED: "bold red", Verdict.UNVERIFIABLE: "bold"}
DATE_STYLE = "bold underline"


def _printable(text: str) -> str:
    """The text as a terminal may receive it: controls and bidirectional overrides shown
    as escapes, never passed through."""
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode()
                   for c in text)


def quoted(finding: Finding) -> Text:
    """The sentence with the claim's date words marked."""
    quote = Text("“", style="dim")
    sentence = finding.sentence
    cursor = 0
    for start, end in sorted(finding.mention.highlights):
        if start < cursor:
            continue
        quote.append(_printable(sentence[cursor:start]))
        quote.append(_printable(sentence[start:end]), style=DATE_STYLE)
        cursor = end
    quote.append(_printable(sentence[cursor:]))
    quote.append("”", style="dim")
    return quote


def claim_block(schedule: Schedule, finding: Finding, lang: str) -> RenderableType:
    head = Text(verdict_label(finding.verdict, lang), style=VERDICT_STYLE[finding.verdict])
    if finding.flags:
        head.append("  " + ", ".join(flag_label(f, lang) for f in finding.flags), style="dim")
    lines: list[RenderableType] = [head, quoted(finding)]
    claimed = claimed_text(finding, lang)
    if claimed:
        lines.append(Text(t("cek.claimed", lang, dates=claimed)))
    if finding.stage is not None:
        lines.append(Text(_printable(expected_text(schedule, finding.stage, lang))))
    for note in notes_text(finding, lang):
        lines.append(Text("• " + note))
    if finding.alternatives:
        keys = ", ".join(s.key for s in finding.alternatives[:5])
        lines.append(Text(t("cek.alternatives", lang, stages=keys), style="dim"))
    if finding.unknown:
        words = ", ".join(_printable(w) for w in finding.unknown)
        lines.append(Text(t("cek.unknown", lang, words=words), style="dim"))
    return Group(*lines)


def report_view(schedule: Schedule, findings: Sequence[Finding], lang: str) -> RenderableType:
    if not findings:
        return Text(t("cek.no_claims", lang))
    blocks: list[RenderableType] = []
    for finding in findings:
        blocks.extend([claim_block(schedule, finding, lang), Text("")])
    counts = Counter(f.verdict for f in findings)
    blocks.append(Text(t("cek.summary", lang, claims=len(findings),
                         **{v.value: counts.get(v, 0) for v in Verdict})))
    return Group(*blocks)
