"""A whole text checked: every sentence that claims a date, each claim with its stage.

The fact-checker behind `cek`, in four steps: ``extract`` finds the sentences and the dates,
ranges and times they claim; ``match`` finds the stage a claim is about from the schedule's
own names and the shared lexicon; ``verify`` compares the two and says why; this module runs
them over a whole text. Nothing in the package renders or reads the command line.

The words around a date say what it is the date of: first those since the previous date,
then those up to the next, then the whole clause. When several stages fit the words, the one
the date agrees with wins, else the one nearest in time; a stage far from the date (more than
a month away) is not taken for it unless the text names its election or region, so a date
of some other event is ``unverifiable``, never ``contradicted``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pemilu_timeline.factcheck.extract import (
    Mention,
    Sentence,
    clauses,
    read_sentence,
    sentences,
    words,
)
from pemilu_timeline.factcheck.match import NEAR_BEST, Candidate, StageIndex
from pemilu_timeline.factcheck.verify import (
    Check,
    Flag,
    Verdict,
    distance,
    note_weekday,
    resolved,
    stage_days,
    verify,
    weekday_wrong,
)
from pemilu_timeline.i18n.lexicon import HOLDING_WORDS, RELATIVE_WORDS
from pemilu_timeline.i18n.messages import Term
from pemilu_timeline.model import Schedule, Stage

FAR_DAYS = 31  # a stage this far from a claimed date is another event's, unless named
STRONG_COVERAGE = 0.75  # how much of a name a date without its year needs to be taken for it
HOLDING_SET = frozenset(HOLDING_WORDS)
RELATIVE_SET = frozenset(RELATIVE_WORDS)


@dataclass
class Finding:
    """One claim: the sentence it is in, its date words, the stage and the verdict."""

    sentence: str
    offset: int  # of the sentence in the text
    mention: Mention
    check: Check
    stage: Stage | None = None
    alternatives: list[Stage] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> Verdict:
        return self.check.verdict

    @property
    def flags(self) -> list[Flag]:
        return self.check.flags

    @property
    def date_words(self) -> str:
        return self.sentence[self.mention.span[0]:self.mention.span[1]]


def review(schedule: Schedule, text: str, index: StageIndex | None = None) -> list[Finding]:
    index = index or StageIndex(schedule)
    found: list[Finding] = []
    for sentence_text, offset in sentences(text):
        found.extend(review_sentence(index, read_sentence(sentence_text, offset)))
    return found


def review_sentence(index: StageIndex, sentence: Sentence) -> list[Finding]:
    findings = []
    claims = [m for m in sentence.mentions if not m.reported or weekday_wrong(m.start)]
    every_word = frozenset(words(sentence.text))
    for clause_start, clause_end in clauses(sentence.text):
        in_clause = [m for m in claims if clause_start <= m.span[0] < clause_end]
        # The whole clause is the last place looked in, the same for each of its dates:
        # built once, so a clause of many dates costs in proportion to its length.
        whole = words(_without_dates(sentence.text[clause_start:clause_end], clause_start,
                                     in_clause))
        for i, mention in enumerate(in_clause):
            if mention.reported:
                findings.append(_reported(sentence, mention))
                continue
            before_end = in_clause[i - 1].span[1] if i else clause_start
            after_start = in_clause[i + 1].span[0] if i + 1 < len(in_clause) else clause_end
            text = sentence.text
            before = text[before_end:mention.span[0]]
            opened = before.rfind("(")
            cut = max(before.rfind(","), before.rfind(":"),
                      opened if ")" not in before[opened:] else -1)
            levels = [words(before[cut + 1:]), words(before),
                      words(before + " " + text[mention.span[1]:after_start]), whole]
            findings.append(_finding(index, sentence, mention, levels, every_word))
    return findings


def _without_dates(text: str, offset: int, mentions: list[Mention]) -> str:
    chars = list(text)
    for mention in mentions:
        for i in range(mention.span[0] - offset, mention.span[1] - offset):
            if 0 <= i < len(chars):
                chars[i] = " "
    return "".join(chars)


def _finding(index: StageIndex, sentence: Sentence, mention: Mention,
             levels: list[list[str]], every_word: frozenset[str]) -> Finding:
    named: list[str] = []
    narrowed = False
    for level in levels:
        named, narrowed = index.elections_named(level)
        if named:
            break
    found: Finding | None = None
    level_words: list[str] = []
    for level in levels:
        level_words = level
        candidates = index.candidates(level_words)
        if named:
            # One election named is the election meant; several only narrow the choice.
            inside = [c for c in candidates if c.stage.election in named]
            candidates = inside if narrowed or inside else candidates
        if candidates:
            found = _best(index, sentence, mention, candidates, named if narrowed else [],
                          every_word, level_words)
            break
    if (found is None or found.stage is None) and named \
            and not HOLDING_SET.isdisjoint(every_word):
        voting = _best(index, sentence, mention, index.voting_days(named),
                       named if narrowed or len(named) == 1 else [],
                       every_word, [])
        if voting.stage is not None:
            return voting
    if found is not None:
        return found
    return Finding(sentence.text, sentence.offset, mention, _unmatched(mention),
                   unknown=index.unknown(levels[-1])[:8])


def _best(index: StageIndex, sentence: Sentence, mention: Mention,
          candidates: list[Candidate], named: list[str], every_word: frozenset[str],
          level_words: list[str]) -> Finding:
    """The stage among ``candidates`` the claim is about: of those near the date, the best
    named, and of those the one the date agrees with, else the nearest."""
    if mention.clock is not None:
        candidates = [c for c in candidates if c.stage.is_timed] or candidates
    elif mention.has_day:
        candidates = [c for c in candidates if not c.stage.is_timed] or candidates
    weighed = []
    for candidate in candidates:
        gap = _gap(mention, candidate.stage)
        if gap is None or gap <= FAR_DAYS or candidate.stage.election in named \
                or candidate.region_named:
            weighed.append((candidate, gap))
    if not weighed:
        check = _unmatched(mention)
        check.notes[:] = [Term("cek.note.far")]
        return Finding(sentence.text, sentence.offset, mention, check,
                       alternatives=[c.stage for c in candidates[:3]])
    top = weighed[0][0].score
    near = [(c, gap, verify(mention, c.stage, every_word)) for c, gap in weighed
            if c.score >= NEAR_BEST * top]
    consistent = [n for n in near if n[2].verdict is Verdict.CONSISTENT]
    chosen = consistent[0] if consistent else min(
        near, key=lambda n: (n[1] if n[1] is not None else 10**6, -n[0].score))
    candidate, _, check = chosen
    _read_as(check, mention)
    if check.verdict is Verdict.CONTRADICTED:
        _unless_sure(index, check, candidate, mention, named, level_words)
    others = [n[0].stage for n in near if n is not chosen]
    return Finding(sentence.text, sentence.offset, mention, check, candidate.stage, others)


def _read_as(check: Check, mention: Mention) -> None:
    """Say how a date written short was read: its year, the month of a range's start."""
    from pemilu_timeline.i18n.format import DayName

    if check.start is not None and not mention.year_written:
        check.notes.append(Term("cek.note.implied_year", {"year": check.start.year}))
    if mention.month_left_out and check.start is not None:
        check.flag(Flag.PRECISION)
        check.notes.append(Term("cek.note.month_left_out",
                                {"day": DayName(check.start.first, weekday=False)}))


def _unless_sure(index: StageIndex, check: Check, candidate: Candidate, mention: Mention,
                 named: list[str], level_words: list[str]) -> None:
    """A wrong "salah" is worse than none: a contradiction stands only when the text names
    the stage clearly (most of a name, or its election or region) and gives a day."""
    sure = candidate.stage.election in named or candidate.region_named \
        or candidate.qualified or candidate.coverage >= STRONG_COVERAGE
    at = index.first_known_word(level_words, candidate.stage) if level_words else None
    if at is not None and at > 0 and level_words[at - 1] in RELATIVE_SET:
        check.verdict = Verdict.UNVERIFIABLE
        check.notes.append(Term("cek.note.relative", {"word": level_words[at - 1]}))
    elif not sure:
        check.verdict = Verdict.UNVERIFIABLE
        check.notes.append(Term("cek.note.unsure"))
    elif not mention.has_day and candidate.stage.election not in named:
        check.verdict = Verdict.UNVERIFIABLE
        check.notes.append(Term("cek.note.time_unsure"))


def _gap(mention: Mention, stage: Stage) -> int | None:
    days = stage_days(stage)
    if days is None or mention.start is None:
        return None
    start, end = resolved(mention, days)
    assert start is not None
    return distance(start.first, (end or start).last, days)


def _unmatched(mention: Mention) -> Check:
    check = Check(Verdict.UNVERIFIABLE, start=mention.start, end=mention.end,
                  notes=[Term("cek.note.no_stage")])
    if weekday_wrong(mention.start):
        assert mention.start is not None
        note_weekday(check, mention.start)
    return check


def _reported(sentence: Sentence, mention: Mention) -> Finding:
    check = Check(Verdict.UNVERIFIABLE, start=mention.start, notes=[Term("cek.note.reported")])
    assert mention.start is not None
    note_weekday(check, mention.start)
    return Finding(sentence.text, sentence.offset, mention, check)


def sentence_verdict(findings: list[Finding]) -> Verdict:
    """One verdict for the claims of a sentence: what its checked claims say together."""
    checked = [f.verdict for f in findings if f.verdict is not Verdict.UNVERIFIABLE]
    if not checked:
        return Verdict.UNVERIFIABLE
    if all(v is Verdict.CONSISTENT for v in checked):
        return Verdict.CONSISTENT
    if all(v is Verdict.CONTRADICTED for v in checked):
        return Verdict.CONTRADICTED
    return Verdict.PARTLY

