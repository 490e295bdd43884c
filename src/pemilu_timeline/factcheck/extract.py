"""The sentences of a text and the dates each one claims, as the news write them.

A day ("Selasa, 28 November 2023", "(28/11/2024)", "February 14, 2024"), a range ("11–13
Februari 2024", "28 November 2023 hingga 10 Februari 2024", "27 sampai 21 September"), a
month ("November 2023") and a time ("pukul 07.00–13.00 WIB", "7 a.m. local time"). The words
come from the shared lexicon, so every spelling the date reader knows ("Febuari", "Nvember"
is not one) is read here too. Regular expressions of bounded repetition only: the cost of a
text grows with its length.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pemilu_timeline.i18n.lexicon import (
    END_WORDS,
    LOCAL_TIME_WORDS,
    MONTH_SPELLINGS,
    RANGE_JOIN_WORDS,
    REPORTING_WORDS,
    START_WORDS,
    WEEKDAY_SPELLINGS,
    ZONE_CITY_WORDS,
    ZONE_WORDS,
)

# Month spellings the news use beyond what the date reader accepts from staff.
_LOOSE_MONTHS = {"nvember": 11, "novmber": 11, "febuary": 2, "agusuts": 8}


def _month_numbers() -> dict[str, int]:
    numbers = {spelling.casefold(): index + 1
               for index, spellings in enumerate(MONTH_SPELLINGS) for spelling in spellings}
    return {**numbers, **_LOOSE_MONTHS}


def _weekday_numbers() -> dict[str, int]:
    return {spelling.casefold(): index
            for index, spellings in enumerate(WEEKDAY_SPELLINGS) for spelling in spellings}


MONTH_NUMBER = _month_numbers()
WEEKDAY_NUMBER = _weekday_numbers()


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_END_OF_WORD = r"(?![^\W\d_])"
_MONTH = rf"(?:{_alternation(MONTH_NUMBER)})\.?{_END_OF_WORD}"
_WEEKDAY = rf"(?:{_alternation(WEEKDAY_NUMBER)}){_END_OF_WORD}"
_JOIN = rf"(?:{_alternation(RANGE_JOIN_WORDS)}|[-–—]+\s*[-–—]*)"
_DAY = r"(?<![\d.,:/])(?:[012]?\d|3[01])(?:st|nd|rd|th)?(?![\d:/])"
_YEAR = r"(?<!\d)\d{4}(?!\d)"
_S = r"[ \t\u00a0]+"  # blanks inside one date; a line break never is
_S0 = r"[ \t\u00a0]*"

# A day, a month or a range of days as one piece, tried in this order at each place.
_PIECE = re.compile(
    rf"(?P<drange>(?P<dr1>{_DAY}){_S0}{_JOIN}{_S0}(?P<dr2>{_DAY}){_S}(?P<drm>{_MONTH})"
    rf"(?:,?{_S}(?:tahun{_S})?(?P<dry>{_YEAR}))?)"
    rf"|(?P<erange>(?P<erm>{_MONTH}){_S}(?P<er1>{_DAY}){_S0}{_JOIN}{_S0}(?P<er2>{_DAY})"
    rf"(?:,?{_S}(?P<ery>{_YEAR}))?)"
    rf"|(?P<dmy>(?P<d>{_DAY}){_S}(?P<dm>{_MONTH})(?:,?{_S}(?:tahun{_S})?(?P<dy>{_YEAR}))?)"
    rf"|(?P<mdy>(?P<mm>{_MONTH}){_S}(?P<md>{_DAY})(?:,?{_S}(?P<my>{_YEAR}))?)"
    rf"|(?P<mrange>(?:bulan{_S})?(?P<mr1>{_MONTH}){_S0}{_JOIN}{_S0}(?P<mr2>{_MONTH})"
    rf"(?:{_S}tahun)?{_S}(?P<mry>{_YEAR}))"
    rf"|(?P<month>(?:bulan{_S})?(?P<mo>{_MONTH})(?:{_S}tahun)?{_S}(?P<moy>{_YEAR}))"
    rf"|(?P<iso>(?<![\d./-])(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?![\d./-]))"
    rf"|(?P<num>(?<![\d./-])(?P<nd>[012]?\d|3[01])(?P<sep>[/.-])(?P<nm>1[0-2]|0?[1-9])"
    rf"(?:(?P=sep)(?P<ny>\d{{4}}|\d{{2}}))?(?![\d/]|[.-]\d))",
    re.IGNORECASE)
_JOIN_ONLY = re.compile(rf"{_S0}(?:\)?{_S0},?{_S0}){_JOIN}{_S0}(?:(?:hari{_S})?{_WEEKDAY}"
                        rf"{_S0},?{_S0})?\(?{_S0}(?:tanggal{_S}|tgl\.?{_S})?", re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(rf"(?:hari{_S})?(?P<wd>{_WEEKDAY})\.?{_S0},?{_S0}\(?{_S0},?{_S0}"
                             rf"(?:tanggal{_S}|tgl\.?{_S})?$", re.IGNORECASE)
_ZONE = rf"(?:{_alternation([*ZONE_WORDS, *ZONE_CITY_WORDS, *LOCAL_TIME_WORDS])})"
_AMPM = r"(?:a\.m\.?|p\.m\.?|am|pm)(?![^\W\d_])"
_CLOCK = (rf"(?:(?:pukul|pkl\.?|jam|at){_S})?(?P<{{n}}h>(?<![\d.,:/])(?:[01]?\d|2[0-3]))"
          rf"(?:[.:](?P<{{n}}m>[0-5]\d)(?::(?P<{{n}}s>[0-5]\d))?)?(?![\d])(?!\.\d)"
          rf"(?:{_S0}(?P<{{n}}ap>{_AMPM}))?(?:{_S0}(?P<{{n}}z>{_ZONE}){_END_OF_WORD})?")
_TIME = re.compile(rf"{_CLOCK.format(n='a')}(?:{_S0}{_JOIN}{_S0}{_CLOCK.format(n='b')})?",
                   re.IGNORECASE)
_CLOCK_WORD = re.compile(rf"(?:pukul|pkl|jam|{_ZONE}|{_AMPM})", re.IGNORECASE)
_LOCAL = re.compile(_alternation(LOCAL_TIME_WORDS), re.IGNORECASE)
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘'(]?[A-Z0-9])|\n\s*\n|\n(?=\s*\S)")
_ABBREVIATION = re.compile(rf"(?:\b(?:a\.m|p\.m|no|jl|dr|prof|st|mr|mrs|ms|h|k\.h|s\.d|"
                           rf"{_alternation(MONTH_NUMBER)})\.)$", re.IGNORECASE)
_CLAUSE_END = re.compile(r";")

START_SET = frozenset(START_WORDS)
END_SET = frozenset(END_WORDS)
REPORTING_SET = frozenset(REPORTING_WORDS)


@dataclass(frozen=True)
class Point:
    """One end of what a text claims: a day, or a whole month ("November 2023")."""

    year: int
    month: int
    day: int | None  # None: the month only
    weekday: str | None = None  # the weekday word written before it
    year_written: bool = True

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, self.day or 1)

    @property
    def last(self) -> dt.date:
        if self.day is not None:
            return self.first
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    def in_year(self, year: int) -> Point:
        return Point(year, self.month, self.day, self.weekday, self.year_written)


@dataclass(frozen=True)
class Clock:
    """A time of day a text claims, on the clock it names (an IANA zone, "local" or none)."""

    start: dt.time
    end: dt.time | None
    zone: str | None  # "Asia/Jakarta", "local" (each place's own clock), None (not said)


@dataclass
class Mention:
    """A date, range or time in a sentence, with where it is and what it claims."""

    span: tuple[int, int]  # in the sentence
    start: Point | None
    end: Point | None  # None: a single day or month
    clock: Clock | None = None
    role: str = "event"  # "start", "end", "event" or "range"
    reported: bool = False  # the day a statement was made, not a stage's
    month_left_out: bool = False  # "27 sampai 21 September": the first month is implied
    highlights: list[tuple[int, int]] = field(default_factory=list)

    @property
    def has_day(self) -> bool:
        return self.start is not None

    @property
    def year_written(self) -> bool:
        return all(p.year_written for p in (self.start, self.end) if p is not None)


@dataclass
class Sentence:
    text: str
    offset: int  # where it starts in the whole text
    mentions: list[Mention]


def sentences(text: str) -> Iterator[tuple[str, int]]:
    """The sentences of ``text`` with their offsets: split after . ! ? before a capital (not
    after an abbreviation such as "Oct." or "p.m."), at line breaks and blank lines."""
    start = 0
    for end_match in _SENTENCE_END.finditer(text):
        end = end_match.start()
        if _ABBREVIATION.search(text[max(start, end - 8):end]) and "\n" not in end_match.group():
            continue
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            yield piece.strip(), start + lead
        start = end_match.end()
    piece = text[start:]
    if piece.strip():
        yield piece.strip(), start + len(piece) - len(piece.lstrip())


def words(text: str) -> list[str]:
    """The words of ``text``, folded: "Capres/Cawapres" is two, "re-vote" one."""
    return [w.casefold().replace("’", "'") for w in _TOKEN.findall(text)]


def read_sentence(text: str, offset: int = 0) -> Sentence:
    mentions = _days(text)
    mentions = _merge_ranges(text, mentions)
    for mention in mentions:
        _mark(text, mention)
    _times(text, mentions)
    for mention in mentions:
        ranged = mention.end is not None or (mention.clock is not None
                                             and mention.clock.end is not None)
        mention.role = "range" if ranged else _role(text, mention)
    return Sentence(text, offset, sorted(mentions, key=lambda m: m.span))


def _point(year: str | None, month: int, day: int | None, weekday: str | None = None
           ) -> Point | None:
    """A point of the calendar, or None for what is not one (31 February)."""
    try:
        dt.date(int(year) if year else 2000, month, day or 1)
    except ValueError:
        return None
    return Point(int(year) if year else 0, month, day, weekday, year_written=bool(year))


def _month_of(word: str) -> int:
    return MONTH_NUMBER[word.rstrip(".").casefold()]


def _day_of(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _days(text: str) -> list[Mention]:
    found: list[Mention] = []
    for match in _PIECE.finditer(text):
        kind = match.lastgroup
        groups = match.groupdict()
        start: Point | None
        end: Point | None = None
        inverted = False
        if kind == "drange" or kind == "erange":
            p = "dr" if kind == "drange" else "er"
            month = _month_of(groups[f"{p}m"])
            first, last = _day_of(groups[f"{p}1"]), _day_of(groups[f"{p}2"])
            year = groups[f"{p}y"]
            end = _point(year, month, last)
            if first > last:  # "27 sampai 21 September": the first month went unsaid
                inverted = True
                start_year = str(int(year) - 1) if year and month == 1 else year
                start = _point(start_year, 12 if month == 1 else month - 1, first)
            else:
                start = _point(year, month, first)
        elif kind == "dmy":
            start = _point(groups["dy"], _month_of(groups["dm"]), _day_of(groups["d"]))
        elif kind == "mdy":
            start = _point(groups["my"], _month_of(groups["mm"]), _day_of(groups["md"]))
        elif kind == "mrange":
            year = groups["mry"]
            first_month, last_month = _month_of(groups["mr1"]), _month_of(groups["mr2"])
            start_year = str(int(year) - 1) if first_month > last_month else year
            start, end = _point(start_year, first_month, None), _point(year, last_month, None)
        elif kind == "month":
            start = _point(groups["moy"], _month_of(groups["mo"]), None)
        elif kind == "iso":
            start = _point(groups["iy"], int(groups["im"]), int(groups["id"]))
        else:
            start = _numeric(text, match)
        if start is None or (kind in ("drange", "erange", "mrange") and end is None):
            continue
        found.append(Mention((match.start(), match.end()), start, end,
                             role="range" if end is not None else "event",
                             month_left_out=inverted))
    return found


def _numeric(text: str, match: re.Match[str]) -> Point | None:
    """14/2/2024 anywhere; 12/4/22 and 24/7 only where the news put a date: in brackets or
    after a weekday ("Rabu (24/7)"), as elsewhere they are a law's number ("PKPU 3/12")."""
    year = match.group("ny")
    before = text[max(0, match.start() - 24):match.start()]
    dated = before.rstrip().endswith("(") or bool(_WEEKDAY_BEFORE.search(before))
    if year is None or len(year) == 2:
        if not dated:
            return None
        if year is not None:
            year = str(2000 + int(year))
    elif match.group("sep") != "/" and not dated:
        return None  # 14.02.2024 or 14-02-2024 only where a date is expected
    return _point(year, int(match.group("nm")), int(match.group("nd")))


def _merge_ranges(text: str, found: list[Mention]) -> list[Mention]:
    """Two dates joined by 'hingga', 'sampai', 'to' or a dash are one range; a missing year
    is the other end's."""
    merged: list[Mention] = []
    for mention in found:
        previous = merged[-1] if merged else None
        if previous is not None and previous.end is None and mention.end is None \
                and _JOIN_ONLY.fullmatch(text, previous.span[1], mention.span[0]):
            start, end = previous.start, mention.start
            assert start is not None and end is not None
            if start.year_written and not end.year_written:
                end = end.in_year(start.year + (end.month < start.month))
            elif end.year_written and not start.year_written:
                start = start.in_year(end.year - (start.month > end.month))
            if start.year_written and end.year_written and start.first > end.last:
                merged.append(mention)  # "from Oct. 19 to Oct. 10": a change, not a range
                continue
            merged[-1] = Mention((previous.span[0], mention.span[1]), start, end, role="range")
            continue
        merged.append(mention)
    return merged


def _mark(text: str, mention: Mention) -> None:
    """The weekday written before a date, and whether the date is a statement's."""
    assert mention.start is not None
    before = text[max(0, mention.span[0] - 24):mention.span[0]]
    weekday = _WEEKDAY_BEFORE.search(before)
    begin = mention.span[0]
    if weekday is not None:
        begin = mention.span[0] - len(before) + weekday.start()
        mention.start = Point(mention.start.year, mention.start.month, mention.start.day,
                              weekday.group("wd"), mention.start.year_written)
        mention.highlights.append((begin, mention.span[0] - len(before) + weekday.end("wd")))
    if mention.end is not None:
        end_weekday = _end_weekday(text, mention)
        if end_weekday is not None:
            mention.end = Point(mention.end.year, mention.end.month, mention.end.day,
                                end_weekday, mention.end.year_written)
    mention.highlights.append(mention.span)
    mention.span = (begin, mention.span[1])
    lead = words(text[max(0, begin - 80):begin])[-8:]
    mention.reported = any(w in REPORTING_SET for w in lead)


def _end_weekday(text: str, mention: Mention) -> str | None:
    inside = text[mention.span[0]:mention.span[1]]
    found = list(re.finditer(_WEEKDAY, inside, re.IGNORECASE))
    return found[-1].group() if found else None


def _role(text: str, mention: Mention) -> str:
    """'dimulai pada 10 November' claims a start, 'hingga 21 Juni' an end."""
    lead = [w for w in words(text[max(0, mention.span[0] - 50):mention.span[0]])
            if w not in ("pada", "tanggal", "tgl", "on", "per", "hari", "ini", "at", "yakni",
                         "yaitu")][-4:]
    if any(w in START_SET for w in lead):
        return "start"
    if any(w in END_SET for w in lead):
        return "end"
    return "event"


def _zone_of(word: str | None, sentence: str) -> str | None:
    """The clock a time is on: its own zone word, else one the sentence names for all."""
    if word is None:
        if _LOCAL.search(sentence):
            return "local"
        named = {z.upper() for z in re.findall(rf"\b(?:{_alternation(ZONE_WORDS)})\b",
                                              sentence, re.IGNORECASE)}
        return ZONE_WORDS[named.pop()] if len(named) == 1 else None
    folded = word.casefold()
    if folded in ZONE_CITY_WORDS:
        return ZONE_WORDS[ZONE_CITY_WORDS[folded]]
    if word.upper() in ZONE_WORDS:
        return ZONE_WORDS[word.upper()]
    return "local"


def _hour(hour: str, ampm: str | None) -> int:
    value = int(hour)
    if ampm and ampm.casefold().startswith("p") and value < 12:
        return value + 12
    if ampm and ampm.casefold().startswith("a") and value == 12:
        return 0
    return value


def _times(text: str, mentions: list[Mention]) -> None:
    """Times of day: each joins the date before it in the sentence, or stands alone."""
    masked = list(text)
    for mention in mentions:
        for i in range(*mention.span):
            masked[i] = " "
    plain = "".join(masked)
    clocked = bool(_CLOCK_WORD.search(plain))
    for match in _TIME.finditer(plain):
        g = match.groupdict()
        has_minutes = g["am"] is not None or g["aap"] is not None
        second_minutes = g["bh"] is not None and (g["bm"] is not None or g["bap"] is not None)
        if not (has_minutes or second_minutes) or not clocked:
            continue
        if not _has_clock_word(match.group()) and not _near_clock(plain, match):
            continue
        ap_b = g["bap"]
        start = dt.time(_hour(g["ah"], g["aap"] or (ap_b if g["bh"] else None)),
                        int(g["am"] or 0), int(g["as"] or 0))
        end = (dt.time(_hour(g["bh"], ap_b), int(g["bm"] or 0), int(g["bs"] or 0))
               if g["bh"] is not None else None)
        zone = _zone_of(g["bz"] or g["az"], text)
        clock = Clock(start, end, zone)
        owner = _owner(mentions, match.start(), match.end(), text)
        if owner is not None and owner.clock is None:
            owner.clock = clock
            owner.highlights.append((match.start(), match.end()))
            owner.span = (owner.span[0], max(owner.span[1], match.end()))
            continue
        if owner is not None and owner.clock is not None and end is None \
                and owner.clock.end is None:
            owner.clock = Clock(owner.clock.start, start, owner.clock.zone or zone)
            owner.highlights.append((match.start(), match.end()))
            continue
        mention = Mention((match.start(), match.end()), None, None, clock,
                          role="range" if end is not None else "event")
        mention.highlights.append(mention.span)
        mentions.append(mention)


def _has_clock_word(text: str) -> bool:
    return bool(_CLOCK_WORD.search(text)) or ":" in text


def _near_clock(text: str, match: re.Match[str]) -> bool:
    """A bare 13.00 is a time when 'pukul' or a zone is close by ("pukul 07.00 dan berakhir
    pada 13.00 sesuai zona waktu ...")."""
    return bool(_CLOCK_WORD.search(text[max(0, match.start() - 40):match.end() + 40]))


def _owner(mentions: list[Mention], at: int, until: int, text: str) -> Mention | None:
    """The day a time belongs to: the closest before it, within a few words."""
    before = [m for m in mentions if m.span[1] <= at and m.has_day]
    if before:
        closest = max(before, key=lambda m: m.span[1])
        if len(words(text[closest.span[1]:at])) <= 4:
            return closest
    after = [m for m in mentions if m.span[0] >= at and m.has_day]
    if after:  # "3 p.m. WITA on 14 February 2024"
        closest = min(after, key=lambda m: m.span[0])
        if len(words(text[until:closest.span[0]])) <= 3:
            return closest
    times_only = [m for m in mentions if not m.has_day and m.span[1] <= at]
    if times_only:
        return max(times_only, key=lambda m: m.span[1])
    return before[-1] if len(before) == 1 else None


def clauses(text: str) -> list[tuple[int, int]]:
    """A sentence's parts that make claims of their own: split at semicolons."""
    cuts = [0, *(m.end() for m in _CLAUSE_END.finditer(text)), len(text) + 1]
    return [(a, min(b - 1, len(text))) for a, b in itertools.pairwise(cuts)]
