"""Which stage a claim is about, from the words around its date.

The words a stage is known by are its own: its id, both names and its region's name, and the
reporters' words of the shared lexicon ("pencoblosan" is "pemungutan suara"). A rare word
("tenang", "Talaud") says more than a common one ("suara"), so words weigh by how few stages
share them. A stage is a candidate only when the text covers half of one of its names; the
election narrows them where the text names one ("Pilkada 2024", "PSU", "Pemilu 2029").
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from pemilu_timeline.factcheck.extract import words
from pemilu_timeline.i18n.lexicon import (
    CLAIM_QUALIFIERS,
    CLAIM_STOPWORDS,
    CLAIM_SYNONYMS,
    ELECTION_SYNONYMS,
    VOTING_TAG,
)
from pemilu_timeline.model import Schedule, Stage

_YEAR = re.compile(r"^\d{4}$")
T = TypeVar("T")
_SHORT = 64  # words: a list this short is remembered by its words
_PREFIX_MIN = 4  # "rekap" begins "rekapitulasi"; shorter words begin too many others
# Weights of the parts of a stage's score: its tags say what kind of stage it is, not which.
_TAG_WEIGHT = 0.5
_UNMATCHED_WEIGHT = 0.25
# A candidate needs this share of one of its names, and its score this share of the best.
MIN_COVERAGE = 0.5
NEAR_BEST = 0.8


def _phrase_map(mapping: Mapping[str, str]) -> dict[tuple[str, ...], list[str]]:
    return {tuple(words(key)): words(value) for key, value in mapping.items()}


_CLAIM_PHRASES = _phrase_map(CLAIM_SYNONYMS)
_ELECTION_PHRASES = _phrase_map(ELECTION_SYNONYMS)
_QUALIFIERS = {tuple(words(k)): v for k, v in CLAIM_QUALIFIERS.items()}
# Words of an election's id that name who runs it, not the election ("kpu-bawaslu-2027"):
# the ones with no meaning of their own that name no election kind either.
_INSTITUTIONS = CLAIM_STOPWORDS - {w for v in ELECTION_SYNONYMS.values() for w in words(v)}
_LONGEST = max(len(k) for k in (*_CLAIM_PHRASES, *_ELECTION_PHRASES, *_QUALIFIERS))


def expand(found: list[str], phrases: Mapping[tuple[str, ...], list[str]], *,
           keep: bool = True) -> list[str]:
    """The words with each lexicon phrase's meaning added (``keep``) or put in its place."""
    out: list[str] = []
    i = 0
    while i < len(found):
        for size in range(min(_LONGEST, len(found) - i), 0, -1):
            meaning = phrases.get(tuple(found[i:i + size]))
            if meaning is not None:
                if keep:
                    out.extend(found[i:i + size])
                out.extend(meaning)
                i += size
                break
        else:
            out.append(found[i])
            i += 1
    return out


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text.replace("-", " ")) if w not in CLAIM_STOPWORDS
                     and not w.isdecimal())


def _qualifiers(found: list[str]) -> tuple[set[str], set[str]]:
    """The tags a stage must have to be meant by these words, and the words that said so
    (they choose among stages, and do not name one: "putaran kedua" alone is no stage)."""
    said = [(phrase, tag) for phrase, tag in _QUALIFIERS.items()
            if any(tuple(found[i:i + len(phrase)]) == phrase for i in range(len(found)))]
    return {tag for _, tag in said}, {w for phrase, tag in said for w in (*phrase, *tag.split("-"))}


@dataclass(frozen=True)
class _Known:
    """A stage and the words it is known by."""

    stage: Stage
    phrases: tuple[frozenset[str], ...]  # its id, its name, its English name
    tags: frozenset[str]
    region: frozenset[str]  # its region's name

    @property
    def vocabulary(self) -> frozenset[str]:
        return frozenset().union(*self.phrases, self.tags)


@dataclass(frozen=True)
class Candidate:
    stage: Stage
    score: float
    coverage: float
    region_named: bool
    qualified: bool = False  # named by a qualifier it carries ("putaran kedua")


@dataclass(frozen=True)
class _ElectionWords:
    own: frozenset[str]  # the words of its id ("psu", "pilkada", "2025")
    named: frozenset[str]  # the words of its names


class StageIndex:
    """The schedule's stages by the words they are known by, built once per text."""

    def __init__(self, schedule: Schedule) -> None:
        self.schedule = schedule
        self.known: list[_Known] = []
        by_word: dict[str, list[int]] = defaultdict(list)
        for stage in schedule:
            region = schedule.regions.get(stage.region or "")
            known = _Known(stage, (_content(stage.id), _content(stage.name),
                                   _content(stage.name_en)),
                           _content(" ".join(stage.tags)),
                           _content(region.name) if region is not None else frozenset())
            for word in known.vocabulary:
                by_word[word].append(len(self.known))
            self.known.append(known)
        self.by_word = dict(by_word)
        self._position = {k.stage.key: i for i, k in enumerate(self.known)}
        self._asked: dict[Any, Any] = {}
        self._named: dict[Any, Any] = {}
        self._unknown: dict[Any, Any] = {}
        total = max(len(self.known), 1)
        self.weight = {w: math.log(1 + total / len(ids)) for w, ids in self.by_word.items()}
        self.elections = {
            e.id: _ElectionWords(frozenset(e.id.split("-")) - _INSTITUTIONS,
                                 frozenset(words(f"{e.name} {e.name_en}")))
            for e in schedule.elections.values()}

    @staticmethod
    def _remembered(memory: dict[Any, Any], text_words: list[str],
                    work: Callable[[list[str]], T]) -> T:
        """``work(text_words)``, once per list of words: a short list by its words, a long
        one (a whole clause, asked about by each of its dates) by the list itself, so that
        asking again costs nothing however long it is."""
        key: Any = tuple(text_words) if len(text_words) <= _SHORT else id(text_words)
        kept = memory.get(key)
        if kept is not None and (len(text_words) <= _SHORT or kept[0] is text_words):
            return kept[1]  # type: ignore[no-any-return]
        found = work(text_words)
        memory[key] = (text_words, found)
        return found

    def voting_days(self, elections: list[str]) -> list[Candidate]:
        """The voting days of ``elections``: what "Pemilu 2024 digelar pada ..." claims."""
        return [Candidate(k.stage, 1.0, 1.0, False) for k in self.known
                if k.stage.election in elections and VOTING_TAG in k.stage.tags]

    def first_known_word(self, text_words: list[str], stage: Stage) -> int | None:
        """Where in ``text_words`` the first word ``stage`` is known by stands."""
        vocabulary = self.known[self._position[stage.key]].vocabulary
        for i, word in enumerate(text_words):
            if word in vocabulary or any(word[:n] in vocabulary
                                         for n in range(_PREFIX_MIN, len(word))):
                return i
        return None

    def candidates(self, text_words: list[str]) -> list[Candidate]:
        """The stages the words may be about, best first (remembered per text: the dates of
        one long clause all ask about the same words)."""
        return self._remembered(self._asked, text_words, self._candidates)

    def _candidates(self, text_words: list[str]) -> list[Candidate]:
        """The stages the words may be about, best first. An election's name ("Pemilihan
        Umum", "Pilkada") is not a stage's: its words are left to ``elections_named``."""
        plain = expand(text_words, _ELECTION_PHRASES, keep=False)
        claim = set(expand(plain, _CLAIM_PHRASES))
        required, qualifying = _qualifiers(expand(text_words, _CLAIM_PHRASES))
        reach = claim | {w[:n] for w in claim for n in range(_PREFIX_MIN, len(w))}
        seen: set[int] = set()
        for word in reach:
            seen.update(self.by_word.get(word, ()))
        found = []
        for index in seen:
            known = self.known[index]
            if not required <= set(known.stage.tags):
                continue  # "putaran kedua" is said: a first-round stage is not meant
            best_score, best_coverage = 0.0, 0.0
            for phrase in known.phrases:
                if not phrase:
                    continue
                hit = [w for w in phrase if w in reach and w not in qualifying]
                matched = sum(self.weight[w] for w in hit)
                unmatched = sum(self.weight[w] for w in phrase
                                if w not in reach and w not in qualifying)
                coverage = matched / (matched + unmatched) if matched else 0.0
                enough = len(hit) >= 2 or len(phrase) == 1
                if coverage >= MIN_COVERAGE and enough:
                    best_coverage = max(best_coverage, coverage)
                best_score = max(best_score, matched - _UNMATCHED_WEIGHT * unmatched)
            if best_coverage == 0.0:
                continue
            tags = sum(self.weight[w] for w in known.tags if w in reach)
            region_named = bool(known.region) and known.region <= reach
            found.append(Candidate(known.stage, best_score + _TAG_WEIGHT * tags, best_coverage,
                                   region_named, bool(required)))
        found.sort(key=lambda c: (-c.score, c.stage.sort_key()))
        return found

    def elections_named(self, text_words: list[str]) -> tuple[list[str], bool]:
        return self._remembered(self._named, text_words, self._elections_named)

    def _elections_named(self, text_words: list[str]) -> tuple[list[str], bool]:
        """The elections the words name, best first, and whether they name exactly one:
        "Pilkada 2024" names pilkada-2024 alone, "Pilkada" two elections, "PSU" one."""
        said = set(expand(text_words, _ELECTION_PHRASES, keep=False))
        years = {w for w in said if _YEAR.match(w)}
        scores = {}
        for election, known in self.elections.items():
            own = known.own & said
            if not own:
                continue
            if years and not years & (known.own | known.named):
                continue  # "Pilkada 2020" is none of ours
            scores[election] = 2 * len(own) + bool(years & known.named)
        if not scores:
            return [], False
        top = max(scores.values())
        best = [e for e, s in scores.items() if s == top]
        alone = len(best) == 1 and (len(scores) == 1 or bool(years & self.elections[best[0]].own)
                                    or top >= 4)
        return best, alone

    def unknown(self, text_words: list[str]) -> list[str]:
        """The words no stage is known by (those the reader may need to rephrase)."""
        return self._remembered(self._unknown, text_words, self._unknown_words)

    def _unknown_words(self, text_words: list[str]) -> list[str]:
        claim = expand(text_words, _CLAIM_PHRASES)
        known = set(claim) & set(self.by_word)
        return [w for w in dict.fromkeys(text_words)
                if w not in known and w not in CLAIM_STOPWORDS and not w.isdecimal()
                and len(w) > 2]
