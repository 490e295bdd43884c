"""The schedule file's fields, declared once.

Each field of an election, a stage and a stage's rule is one ``Field`` here, in the order the
writer puts them. The validator, the canonical writer, the editable set, ``diff``, the CSV
columns and the JSON objects are all derived from these tuples, so a new field is added in
this file (and on the model) and nowhere else. A field's label is the catalog entry
``field.NAME``; an English twin (``name_en`` beside ``name``) is named by ``english``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pemilu_timeline.model import Counting, Direction, RegionKind, Rule, Sense, Span, State
from pemilu_timeline.timing import MAX_RULE_DAYS


class Kind(StrEnum):
    """What a field holds, which decides how it is checked, written and shown."""

    ID = "id"  # lower-case words joined by '-'
    ELECTION = "election"  # the id of an election of the same file
    TEXT = "text"  # one line of text
    NOTE = "note"  # text that may hold tabs and line breaks
    ZONE = "zone"  # WIB, WITA, WIT or an IANA name
    MOMENT = "moment"  # a TOML date, or a local date-time
    TAGS = "tags"  # a list of one-line texts
    FLAG = "flag"  # true or false
    STATE = "state"  # confirmed, tentative or cancelled
    COUNT = "count"  # a whole number, at least ``minimum``
    STAMP = "stamp"  # a UTC date-time
    RULE = "rule"  # the stage's rule, the [stages.after] table
    ANCHOR = "anchor"  # ELECTION/ID of the stage a rule counts from
    CHOICE = "choice"  # one of ``choices``
    SPAN = "span"  # an amount of time as a table of units: { years = 2, months = 6 }
    REGION = "region"  # the Kemendagri code of a region in the file's regions table
    URL = "url"  # a web address, http or https only (a calendar app opens it)


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool = False
    default: Any = None  # what a missing field means; the writer leaves a default out
    english: str | None = None  # the field holding this one's English twin
    twin: bool = False  # this field is the English twin of another
    editable: bool = True  # `edit` may change it
    column: int | None = None  # its place among the CSV columns (a twin shares its field's)
    diffed: bool = True  # `diff` compares it
    on_stage: bool = True  # an attribute of the model (``undated`` lives only in the file)
    minimum: int = 0  # for COUNT
    maximum: int = 10**9  # for COUNT
    choices: tuple[str, ...] = ()  # for CHOICE and STATE
    unit: bool = False  # one of a rule's units of time (years, months, days, ...)


ELECTION_FIELDS: tuple[Field, ...] = (
    Field("name", Kind.TEXT, required=True, english="name_en"),
    Field("name_en", Kind.TEXT, required=True, twin=True),
    Field("timezone", Kind.ZONE, required=True),
    Field("source", Kind.TEXT, required=True),
    Field("url", Kind.URL),
    Field("note", Kind.NOTE, english="note_en"),
    Field("note_en", Kind.NOTE, twin=True),
)

# A region is a [regions."CODE"] table; a province needs its zone, a kab/kota inherits it.
REGION_FIELDS: tuple[Field, ...] = (
    Field("name", Kind.TEXT, required=True),
    Field("kind", Kind.CHOICE, required=True, choices=tuple(k.value for k in RegionKind)),
    Field("timezone", Kind.ZONE),
    Field("source", Kind.TEXT, required=True),
)
REGION_CODE = re.compile(r"^[0-9]{2}(?:\.[0-9]{2})?$")  # "32", "36.04"

STAGE_FIELDS: tuple[Field, ...] = (
    Field("id", Kind.ID, required=True, editable=False, diffed=False, column=2),
    Field("election", Kind.ELECTION, required=True, editable=False, diffed=False, column=1),
    Field("name", Kind.TEXT, required=True, english="name_en", column=3),
    # Optional: an untranslated stage leaves it out, and shows its Indonesian name in English.
    Field("name_en", Kind.TEXT, default="", twin=True),
    # Required unless the stage has a rule or is undated: the validator says which.
    Field("start", Kind.MOMENT, column=4),
    Field("end", Kind.MOMENT, column=5),
    Field("undated", Kind.FLAG, default=False, diffed=False, on_stage=False),
    Field("zone", Kind.ZONE, column=7),
    Field("region", Kind.REGION, column=23),
    Field("tags", Kind.TAGS, default=(), column=13),
    Field("milestone", Kind.FLAG, default=False, column=8),
    Field("state", Kind.STATE, default=State.CONFIRMED, choices=tuple(s.value for s in State),
          column=9),
    Field("condition", Kind.TEXT, english="condition_en", column=11),
    Field("condition_en", Kind.TEXT, twin=True),
    Field("reason", Kind.TEXT, english="reason_en", column=10),
    Field("reason_en", Kind.TEXT, twin=True),
    Field("source", Kind.TEXT, required=True, column=14),
    Field("url", Kind.URL, column=15),
    Field("note", Kind.NOTE, english="note_en", column=16),
    Field("note_en", Kind.NOTE, twin=True),
    Field("revision", Kind.COUNT, default=1, minimum=1, editable=False, column=17),
    Field("updated", Kind.STAMP, editable=False, column=18),
    # Why the stage last changed (a decree, a news source), as `--why` gave it; a schedule
    # kept in git also has it in the commit.
    Field("why", Kind.TEXT),
    # Fields a merge found changed two ways, one "FIELD: ours …; theirs …" line each: the
    # file keeps ours, `validate` names each, and `edit STAGE --FIELD VALUE` settles it.
    Field("conflict", Kind.TAGS, default=(), editable=False, diffed=False),
    # Written last, as its own [stages.after] table.
    Field("after", Kind.RULE, column=12),
)

# The first five in the order files have always had them; the rest are written after.
RULE_FIELDS: tuple[Field, ...] = (
    Field("stage", Kind.ANCHOR, required=True),
    Field("days", Kind.COUNT, default=0, maximum=MAX_RULE_DAYS, unit=True),
    Field("sense", Kind.CHOICE, default=Sense.EXACTLY.value,
          choices=tuple(s.value for s in Sense)),
    Field("edge", Kind.CHOICE, default="end", choices=("start", "end")),
    Field("duration", Kind.COUNT, default=1, minimum=1, maximum=MAX_RULE_DAYS),
    Field("direction", Kind.CHOICE, default=Direction.AFTER.value,
          choices=tuple(d.value for d in Direction)),
    Field("years", Kind.COUNT, default=0, maximum=MAX_RULE_DAYS // 365, unit=True),
    Field("months", Kind.COUNT, default=0, maximum=MAX_RULE_DAYS // 30, unit=True),
    Field("working_days", Kind.COUNT, default=0, maximum=MAX_RULE_DAYS, unit=True),
    Field("hours", Kind.COUNT, default=0, maximum=MAX_RULE_DAYS * 24, unit=True),
    Field("counting", Kind.CHOICE, default=Counting.NEXT_DAY.value,
          choices=tuple(c.value for c in Counting)),
    Field("latest", Kind.SPAN),  # a window's far bound
)
UNIT_FIELDS: tuple[Field, ...] = tuple(f for f in RULE_FIELDS if f.unit)

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# Types whose equal values are the same value to every check and to the writer (a type of its
# own too: True equals 1, yet only one of them is a flag, written `true`). Not a float (-0.0
# equals 0.0), nor a date-time with an offset: it equals one of the same instant at another
# offset, and only an offset of zero is UTC.
_ALIKE = frozenset({int, bool, dt.date})


def alike_key(name: str, value: Any) -> tuple[str, type, Any] | None:
    """A key under which what is learnt of ``name``'s ``value`` (it passed its check, the line
    it is written as) holds for every equal value: the loader and the writer remember what
    regional copies share under it. None for a value whose equals may differ."""
    kind = type(value)
    if kind in _ALIKE or (kind is dt.datetime and value.tzinfo is None):
        return (name, kind, value)
    if kind is list and all(type(v) is str for v in value):
        return (name, kind, tuple(value))
    return None
# What no text may hold, once for the loader, the edit commands and the exports: the C0 and C1
# controls and DEL (they drive terminals; U+0085 ends a line for Unicode readers), the line and
# paragraph separators (str.splitlines() and calendar readers break lines there, so a note could
# start a property of its own), the bidirectional controls (they reorder what a terminal shows)
# and lone surrogates. A note keeps its tabs and line breaks.
UNSAFE_CHARACTERS = (r"\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
                     r"\ud800-\udfff")
CONTROL = re.compile(r"(?![\t\n])[" + UNSAFE_CHARACTERS + "]")
CONTROL_STRICT = re.compile("[" + UNSAFE_CHARACTERS + "]")
TEXT_KINDS = frozenset({Kind.ID, Kind.ELECTION, Kind.TEXT, Kind.NOTE, Kind.ZONE,
                        Kind.REGION, Kind.URL})
WEB_ADDRESS = re.compile(r"^https?://[^\s/?#@]+(?:@[^\s/?#@]+)?(?:[/?#]\S*)?$",
                         re.IGNORECASE)  # a host after the scheme: https:///x names none


def escaped(text: str, *, keep: str = "") -> str:
    """``text`` with every unsafe character (but those in ``keep``) written as an escape
    (``\\x1b``, ``\\u202e``): how a message quotes what a user typed or a file held."""
    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if char in keep:
            return char
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return CONTROL_STRICT.sub(escape, text)


def names(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields)


def by_name(fields: tuple[Field, ...]) -> dict[str, Field]:
    return {f.name: f for f in fields}


def editable_fields() -> tuple[str, ...]:
    return tuple(f.name for f in STAGE_FIELDS if f.editable)


def diffed_fields() -> tuple[str, ...]:
    return tuple(f.name for f in STAGE_FIELDS if f.diffed)


# CSV columns computed from a stage rather than stored, with their places: whether the dates
# carry a time; the rule in the law's words and the bounds it gives (after the stored ones, so
# the columns scripts already read keep their places).
COMPUTED_COLUMNS = (("timed", 6), ("rule", 19), ("earliest", 20), ("latest", 21),
                    ("estimated", 22))


def csv_columns() -> tuple[str, ...]:
    """The CSV header, in the published order: each field with a ``column`` (a twin shares its
    field's column, written in the reader's language) and the computed columns."""
    placed = [(f.column, f.name) for f in STAGE_FIELDS if f.column is not None]
    return tuple(name for _, name in sorted([*placed, *((c, n) for n, c in COMPUTED_COLUMNS)]))


@dataclass(frozen=True)
class FieldDiff:
    """One field's value before and after a change, as the file writes it."""

    field: str
    old: Any
    new: Any


def changed_fields(old: Any, new: Any, fields: tuple[Field, ...]) -> tuple[FieldDiff, ...]:
    """Each field ``diff`` compares whose value differs between two stages (or elections),
    as plain data."""
    found = []
    for item in fields:
        if item.diffed and item.on_stage:
            before = plain(item, getattr(old, item.name))
            after = plain(item, getattr(new, item.name))
            if before != after:
                found.append(FieldDiff(item.name, before, after))
    return tuple(found)


def plain(item: Field, value: Any) -> Any:
    """A field's value as plain data (JSON, diff): dates as ISO text, tags as a list, the rule
    as its table with every part."""
    if value is None:
        return None
    if item.kind is Kind.MOMENT:
        return value.isoformat()
    if item.kind is Kind.STAMP:
        return stamp_text(value)
    if item.kind is Kind.STATE:
        return value.value
    if item.kind is Kind.TAGS:
        return list(value)
    if item.kind is Kind.RULE:
        return rule_table(value, complete=True)
    return value


def stamp_text(value: dt.datetime) -> str:
    """'2024-03-01T10:00:00Z': how `updated` is written everywhere."""
    return value.isoformat().replace("+00:00", "Z")


def rule_table(rule: Rule, *, complete: bool = False) -> dict[str, Any]:
    """The rule as its [stages.after] table: every part with ``complete``, else only the parts
    that differ from their defaults (as the writer leaves them out). A rule of no units
    still writes ``days = 0``: the table then says what it means."""
    table: dict[str, Any] = {}
    for item in RULE_FIELDS:
        value = getattr(rule, item.name)
        if isinstance(value, StrEnum):
            value = value.value
        if isinstance(value, Span):
            value = span_table(value)
        if complete or item.required or value != item.default \
                or (item.name == "days" and rule.span.is_empty):
            table[item.name] = value
    return table


def span_table(span: Span) -> dict[str, int]:
    """{ years = 2, months = 6 }: the units it holds."""
    return dict(span.parts())


def rule_from_table(table: dict[str, Any]) -> Rule:
    """The rule a checked [stages.after] table holds (the inverse of ``rule_table``): parts
    left out take their defaults."""
    values = {item.name: table.get(item.name, item.default) for item in RULE_FIELDS}
    values["sense"] = Sense(values["sense"])
    values["direction"] = Direction(values["direction"])
    values["counting"] = Counting(values["counting"])
    if values["latest"] is not None:
        values["latest"] = Span(**values["latest"])
    return Rule(**values)


def over_the_limit(rule: Rule) -> tuple[str, int] | None:
    """The first unit of ``rule``, or of its far bound, above the most a rule may count:
    (its name, that most), or None."""
    for prefix, span in (("", rule.span), ("latest.", rule.latest)):
        for item in UNIT_FIELDS:
            if span is not None and getattr(span, item.name) > item.maximum:
                return prefix + item.name, item.maximum
    return None
