"""A rule as the law writes it, read into its parts: "paling lambat 14 hari kerja sejak 25 Maret
2024" is at the latest, 14 working days, counted from the anchor's own day, "25 Maret 2024".

Only the grammar lives here; its words are in ``i18n.lexicon``. The phrase is read token by
token with a bounded look-ahead, so reading takes time in proportion to its length. The date
is not computed and the anchor not read: the caller takes ``anchor`` as a date or a stage.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Generic, TypeVar

from pemilu_timeline.errors import InvalidInput
from pemilu_timeline.i18n import lexicon
from pemilu_timeline.i18n.messages import Term
from pemilu_timeline.model import Counting, Direction, Edge, Rule, Sense, Span

MAX_LENGTH = 500  # characters: longer than any rule a law writes
MAX_NUMBER = 100_000  # in any number, and in any unit of the result
QUOTED = 60  # characters of the user's text a message quotes
WEEK = 7  # days

V = TypeVar("V")
_DIGITS = "0123456789"  # only these: "²" or "١" is not a number a law writes
# Controls, format characters (bidi, zero-width), line and paragraph separators, private use,
# surrogates and unassigned code points: nothing a rule is written with.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})

# A number (with thousands separators as in 1.000), a run of letters, or one other character.
_TOKEN = re.compile(r"[0-9]{1,3}([.,])[0-9]{3}(?:\1[0-9]{3})*(?![0-9])|[0-9]+|[^\W\d_]+|\S")


@dataclass(frozen=True)
class Phrase:
    """What a rule says: its sense, its amount, which way and from which day it counts, and
    the text naming its anchor."""

    sense: Sense
    span: Span  # the amount; for a window its near (earliest) bound
    latest: Span | None  # a window's far bound; None otherwise
    direction: Direction
    counting: Counting
    edge: Edge | None  # which end of the anchor counts, when the phrase says
    anchor: str  # the rest of the text, without the edge words

    def as_rule(self, stage: str) -> Rule:
        """The rule counted from ``stage`` (the anchor's end unless the phrase says)."""
        return Rule(stage, sense=self.sense, edge=(self.edge or Edge.END).value,
                    direction=self.direction, counting=self.counting, latest=self.latest,
                    **asdict(self.span))


def _words(text: str) -> tuple[str, ...]:
    return tuple(m.group().casefold() for m in _TOKEN.finditer(text))


class _Words(Generic[V]):
    """A table of words (one or several tokens each) and what they mean, matched longest
    first."""

    def __init__(self, entries: Mapping[str, V]) -> None:
        self.table = {_words(words): meaning for words, meaning in entries.items()}
        self.longest = max(len(words) for words in self.table)

    def match(self, tokens: Sequence[str], i: int) -> tuple[V, int] | None:
        """(meaning, how many tokens) of the words at ``tokens[i]``, or None."""
        for size in range(min(self.longest, len(tokens) - i), 0, -1):
            meaning = self.table.get(tuple(tokens[i:i + size]))
            if meaning is not None:
                return meaning, size
        return None


def _set(words: Sequence[str]) -> _Words[bool]:
    return _Words(dict.fromkeys(words, True))


_VERBS = _set(lexicon.RULE_LEADING_VERBS)
_SENSES = _Words({words: Sense(value) for words, value in lexicon.RULE_SENSE_WORDS.items()})
_WINDOW_JOINS = _set(lexicon.RULE_WINDOW_JOINS)
_AMOUNT_JOINS = _set(lexicon.RULE_AMOUNT_JOINS)
_TIMES = _set(lexicon.RULE_TIMES_WORDS)
_UNITS = _Words(lexicon.RULE_UNIT_WORDS)
_DIRECTIONS = _Words({words: (Direction(way), Counting(counting))
                      for words, (way, counting) in lexicon.RULE_DIRECTION_WORDS.items()})
_EDGES = _Words({words: Edge(value) for words, value in lexicon.RULE_EDGE_WORDS.items()})
_ALONE = ("working_days", "hours")  # units that combine with no other
_NUMBER_STARTS = {*lexicon.NUMBER_ONES, *lexicon.NUMBER_TEENS, *lexicon.NUMBER_TENS,
                  *lexicon.NUMBER_ONE_HUNDRED, *lexicon.NUMBER_ONE_THOUSAND}


def visible(text: str) -> str:
    """``text`` safe to echo to a terminal: control, format and unassigned characters as
    escapes (\\u001b), so a message can never carry them."""
    return "".join(
        (f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
        if unicodedata.category(c).startswith("C") else c
        for c in text)


def _quote(text: str, *, tail: bool = False) -> str:
    """At most QUOTED characters of the user's text, cut at the far end from ``tail``."""
    text = text.strip()
    if len(text) > QUOTED:
        text = "…" + text[-QUOTED:].lstrip() if tail else text[:QUOTED].rstrip() + "…"
    return visible(text)


def _kind(span: Span) -> str:
    if span.in_hours:
        return "hours"
    return "working_days" if span.in_working_days else "calendar"


def _measure(span: Span) -> tuple[int, int]:
    """What two spans of one kind compare by: (months, days), or hours, or working days."""
    if span.in_hours:
        return (0, span.hours)
    if span.in_working_days:
        return (0, span.working_days)
    return (span.years * 12 + span.months, span.days)


class _Reader:
    """The phrase as tokens, with the place reached."""

    def __init__(self, text: str) -> None:
        self.text = text
        found = list(_TOKEN.finditer(text))
        self.tokens = [m.group().casefold() for m in found]
        self.starts = [m.start() for m in found]
        self.ends = [m.end() for m in found]
        self.i = 0

    # --- where we are ---

    def at_end(self) -> bool:
        return self.i >= len(self.tokens)

    def peek(self, ahead: int = 0) -> str | None:
        j = self.i + ahead
        return self.tokens[j] if j < len(self.tokens) else None

    def offset(self) -> int:
        """The character where the next token starts (the text's end after the last)."""
        return self.starts[self.i] if self.i < len(self.tokens) else len(self.text)

    def read_up_to(self) -> int:
        """The character after the last token read."""
        return self.ends[self.i - 1] if self.i else 0

    def match(self, words: _Words[V], *, spaced: bool = False) -> tuple[V, int] | None:
        """The words at the place reached, without moving; ``spaced``: only when a space (or
        the end) follows them, so that 'awal-kampanye' is not the edge word 'awal'."""
        found = words.match(self.tokens, self.i)
        if found is not None and spaced:
            end = self.ends[self.i + found[1] - 1]
            if end < len(self.text) and not self.text[end].isspace():
                return None
        return found

    def take(self, words: _Words[V], *, spaced: bool = False) -> V | None:
        found = self.match(words, spaced=spaced)
        if found is None:
            return None
        self.i += found[1]
        return found[0]

    def number_starts(self, ahead: int = 0) -> bool:
        word = self.peek(ahead)
        return word is not None and (word[0] in _DIGITS or word in _NUMBER_STARTS)

    # --- what went wrong ---

    def stuck(self, expected: str) -> InvalidInput:
        """The refusal at the place reached: what was read, what was expected, what was
        found instead."""
        understood = _quote(self.text[:self.offset()], tail=True)
        what = Term(expected)
        if self.at_end():
            return InvalidInput("phrase.ended", understood=understood, expected=what)
        found = _quote(self.text[self.offset():])
        if not understood:
            return InvalidInput("phrase.unexpected_first", expected=what, found=found)
        return InvalidInput("phrase.unexpected", understood=understood, expected=what,
                            found=found)

    def since(self, start: int) -> str:
        """The quoted text from character ``start`` to the last token read."""
        return _quote(self.text[start:self.read_up_to()])


def _reader(text: str) -> _Reader:
    """A reader of ``text``, refused at once when empty or longer than any law writes."""
    if len(text) > MAX_LENGTH:
        raise InvalidInput("phrase.too_long", text=_quote(text), length=len(text),
                           limit=MAX_LENGTH)
    if not text.strip():
        raise InvalidInput("phrase.empty")
    unsafe = next((c for c in text if unicodedata.category(c) in _UNSAFE_CATEGORIES), None)
    if unsafe is not None:
        raise InvalidInput("phrase.control", char=f"U+{ord(unsafe):04X}")
    return _Reader(text)


def parse_phrase(text: str) -> Phrase:
    """Read a rule in the law's words ("paling lambat 3 hari setelah pemilu-2024/putusan-mk")
    into its parts; refuse it, saying where and why, when it cannot be read."""
    reader = _reader(text)
    while reader.take(_VERBS) is not None:
        pass
    sense = reader.take(_SENSES) or Sense.EXACTLY
    near_start = reader.offset()
    span = _amount(reader)
    near_end = reader.read_up_to()
    latest = None
    joined = reader.match(_WINDOW_JOINS)
    if joined is not None:
        # "dan" may also have joined another part of the amount; "atau" only a far bound.
        may_add = reader.match(_AMOUNT_JOINS) is not None
        reader.i += joined[1]
        far_sense = reader.take(_SENSES)
        if far_sense is None:
            raise reader.stuck("phrase.expect.more" if may_add else "phrase.expect.far")
        far_start = reader.offset()
        latest = _amount(reader)
        _check_window(reader, (sense, far_sense), (span, latest),
                      _quote(reader.text[near_start:near_end]), reader.since(far_start))
        sense = Sense.WINDOW
    return _anchored(reader, sense, span, latest)


def parse_amount(text: str, option: str = "--latest") -> Span:
    """An amount alone, as an option gives a window's far bound ("2 tahun 6 bulan")."""
    if not text.strip():
        raise InvalidInput("phrase.empty_amount", option=option)
    try:
        reader = _reader(text)
        span = _amount(reader)
        if not reader.at_end():
            raise reader.stuck("phrase.expect.end")
    except InvalidInput as error:
        raise InvalidInput("phrase.option", option=option,
                           error=Term(error.key, error.params)) from None
    return span


def _check_window(reader: _Reader, senses: tuple[Sense, Sense], spans: tuple[Span, Span],
                  near_text: str, far_text: str) -> None:
    """A window runs from an earliest bound to a latest one, both in one kind of unit."""
    if senses != (Sense.AT_EARLIEST, Sense.AT_LATEST):
        raise InvalidInput("phrase.window_order",
                           text=_quote(reader.text[:reader.read_up_to()]))
    near, far = spans
    if _kind(near) != _kind(far):
        raise InvalidInput("phrase.window_units", near=near_text, far=far_text)
    low, high = _measure(near), _measure(far)
    if low != high and all(a >= b for a, b in zip(low, high, strict=True)):
        raise InvalidInput("phrase.window_reversed", near=near_text, far=far_text)


def _anchored(reader: _Reader, sense: Sense, span: Span, latest: Span | None) -> Phrase:
    """The direction word, the edge words and the anchor that end the phrase."""
    word_start = reader.offset()
    way = reader.take(_DIRECTIONS, spaced=True)
    if way is None:
        raise reader.stuck("phrase.expect.direction")
    direction, counting = way
    edge = reader.take(_EDGES, spaced=True)
    anchor = " ".join(reader.text[reader.offset():].split())
    if not anchor:
        raise InvalidInput("phrase.no_anchor", text=_quote(reader.text),
                           word=_quote(reader.text[word_start:]))
    return Phrase(sense, span, latest, direction, counting, edge, anchor)


def _amount(reader: _Reader) -> Span:
    """One amount: a part ("14 hari"), or calendar parts together ("2 tahun dan 6 bulan")."""
    start = reader.offset()
    if not reader.number_starts():
        if reader.match(_DIRECTIONS) is not None or reader.match(_UNITS) is not None:
            raise InvalidInput("phrase.no_amount", text=_quote(reader.text))
        raise reader.stuck("phrase.expect.amount")
    counts: dict[str, int] = {}
    words: dict[str, str] = {}  # each unit as written
    while True:
        count, unit, written = _part(reader)
        if unit in counts:
            raise InvalidInput("phrase.unit_twice", text=reader.since(start), unit=written)
        alone = next((u for u in (unit, *counts) if u in _ALONE), None)
        if counts and alone is not None:
            raise InvalidInput("phrase.unit_mix", text=reader.since(start),
                               unit=written if alone == unit else words[alone])
        counts[unit], words[unit] = count, written
        joined = reader.match(_AMOUNT_JOINS)
        if joined is not None and reader.number_starts(joined[1]):
            reader.i += joined[1]
        elif not reader.number_starts():
            break
    fields = {"years": counts.get("years", 0), "months": counts.get("months", 0),
              "days": counts.get("days", 0) + WEEK * counts.get("weeks", 0),
              "working_days": counts.get("working_days", 0), "hours": counts.get("hours", 0)}
    if any(value > MAX_NUMBER for value in fields.values()):
        raise InvalidInput("phrase.too_large", text=reader.since(start), limit=MAX_NUMBER)
    return Span(**fields)


def _part(reader: _Reader) -> tuple[int, str, str]:
    """A count and its unit ("14 (empat belas) hari", "3x24 jam"): (count, unit, the unit's
    words as written)."""
    start = reader.offset()
    count = _count(reader)
    if reader.take(_TIMES) is not None:
        if not reader.number_starts():
            raise reader.stuck("phrase.expect.factor")
        count *= _count(reader)
        if count > MAX_NUMBER:
            raise InvalidInput("phrase.too_large", text=reader.since(start), limit=MAX_NUMBER)
    unit_start = reader.offset()
    unit = reader.take(_UNITS)
    if unit is None:
        raise reader.stuck("phrase.expect.unit")
    return count, unit, reader.since(unit_start)


def _count(reader: _Reader) -> int:
    """A number, and the same number again in brackets if the law writes it: "14 (empat
    belas)", "empat belas (14)"."""
    start = reader.offset()
    value = _number(reader)
    if reader.peek() != "(":
        return value
    reader.i += 1
    if not reader.number_starts():
        raise reader.stuck("phrase.expect.bracketed")
    again = _number(reader)
    if reader.peek() != ")":
        raise reader.stuck("phrase.expect.closing")
    reader.i += 1
    if again != value:
        raise InvalidInput("phrase.number_mismatch", text=reader.since(start), first=value,
                           second=again)
    return value


def _number(reader: _Reader) -> int:
    """Digits ("14", "1.000") or words ("empat belas", "seratus dua puluh tiga",
    "twenty-five"); the caller has seen that one starts here."""
    start = reader.offset()
    word = reader.peek()
    assert word is not None
    if word[0] in _DIGITS:
        reader.i += 1
        value = int(word.replace(".", "").replace(",", ""))
    else:
        value, reader.i = _in_words(reader.tokens, reader.i)
    if value > MAX_NUMBER:
        raise InvalidInput("phrase.too_large", text=reader.since(start), limit=MAX_NUMBER)
    return value


def _in_words(tokens: Sequence[str], i: int) -> tuple[int, int]:
    """(value, next place) of a number in words from 1 to 999999 starting at ``tokens[i]``."""
    word = tokens[i]
    if word in lexicon.NUMBER_ONE_THOUSAND:
        thousands, i = 1, i + 1
    else:
        value, after = _below_thousand(tokens, i)
        if not (after < len(tokens) and tokens[after] in lexicon.NUMBER_THOUSAND):
            return value, after
        thousands, i = value, after + 1
    rest, i = _below_thousand(tokens, i)
    return thousands * 1000 + rest, i


def _below_thousand(tokens: Sequence[str], i: int) -> tuple[int, int]:
    """(value, next place) of a number in words below 1000 at ``tokens[i]``; (0, i) if none."""

    def at(j: int) -> str:
        return tokens[j] if j < len(tokens) else ""

    ones = lexicon.NUMBER_ONES
    value = 0
    if at(i) in lexicon.NUMBER_ONE_HUNDRED:
        value, i = 100, i + 1
    elif at(i) in ones and at(i + 1) in lexicon.NUMBER_HUNDRED:
        value, i = ones[at(i)] * 100, i + 2
    if value and at(i) in lexicon.NUMBER_AND and _starts_tens(at(i + 1)):
        i += 1  # one hundred and five
    word = at(i)
    if word in lexicon.NUMBER_TEENS:
        return value + lexicon.NUMBER_TEENS[word], i + 1
    if word in ones and at(i + 1) in lexicon.NUMBER_PLUS_TEN:
        return value + 10 + ones[word], i + 2
    if word in ones and at(i + 1) in lexicon.NUMBER_TIMES_TEN:
        value, i = value + 10 * ones[word], i + 2
    elif word in lexicon.NUMBER_TENS:
        value, i = value + lexicon.NUMBER_TENS[word], i + 1
        if at(i) == "-" and at(i + 1) in ones:
            i += 1  # twenty-five
    elif word in ones:
        return value + ones[word], i + 1
    else:
        return value, i
    if at(i) in ones:
        value, i = value + ones[at(i)], i + 1
    return value, i


def _starts_tens(word: str) -> bool:
    return word in lexicon.NUMBER_ONES or word in lexicon.NUMBER_TEENS \
        or word in lexicon.NUMBER_TENS

