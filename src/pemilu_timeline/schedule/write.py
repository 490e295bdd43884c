"""The canonical TOML of a schedule: the one text the writer produces for its data.

The same data gives the same bytes, and adding then removing a stage gives back the original
file:

* ``[elections.ID]`` tables first, in file order, fields in the schema's order; then the
  ``[regions.CODE]`` tables;
* then one ``[[stages]]`` table per stage **in file order** (not sorted: staff and reviewers
  see a change where it was made, and `add` inserts a new stage chronologically among its
  election's stages), fields in the schema's order; a stage's rule follows as a
  ``[stages.after]`` sub-table;
* values formatted by tomli-w (arrays one item per line), except date-times, written as ISO
  8601 with a ``T`` (``2024-02-14T07:00:00``; ``updated`` in UTC with ``Z``), and a rule's
  span, an inline table (``latest = { years = 2, months = 6 }``);
* one blank line between tables, no comments (tomli-w cannot write them: sources belong in
  each stage's ``source`` field), UTF-8, LF, one final newline.

tomli-w is imported only here, and only for values the fast path does not format.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterator, Mapping
from typing import Any

from pemilu_timeline.errors import WriteRefused
from pemilu_timeline.model import Election, Region, Schedule, Stage
from pemilu_timeline.schedule.schema import (
    ELECTION_FIELDS,
    REGION_FIELDS,
    RULE_FIELDS,
    STAGE_FIELDS,
    Kind,
    alike_key,
    names,
    rule_table,
)

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_NEEDS_ESCAPE = re.compile(r'[\x00-\x08\x0a-\x1f\x7f"\\]')  # what tomli-w escapes


def canonical_text(source: Mapping[str, Any] | Schedule) -> str:
    """The one text the writer produces for this data (see the module docstring)."""
    data = schedule_to_data(source) if isinstance(source, Schedule) else source
    return "\n".join(_chunks(data))


def is_canonical(data: Mapping[str, Any], text: str) -> bool:
    """Whether ``text`` is ``canonical_text(data)``, compared a table at a time: a file the
    writer did not write differs early, and is found so without writing the rest."""
    at = 0
    for number, chunk in enumerate(_chunks(data)):
        if number:
            if not text.startswith("\n", at):
                return False
            at += 1
        if not text.startswith(chunk, at):
            return False
        at += len(chunk)
    return at == len(text)


def _chunks(data: Mapping[str, Any]) -> Iterator[str]:
    """The tables of the canonical text, in order, each written when it is asked for."""
    yield from header_chunks(data)
    writer = _StageWriter()
    for stage in data.get("stages", []):
        yield writer.chunk(stage)


def header_chunks(data: Mapping[str, Any]) -> list[str]:
    """The elections' and regions' tables, as the canonical text begins."""
    election_order = names(ELECTION_FIELDS)
    region_order = names(REGION_FIELDS)
    chunks = [f"[elections.{_key(election_id)}]\n" + _fields(table, election_order)
              for election_id, table in data.get("elections", {}).items()]
    chunks.extend(f"[regions.{_key(code)}]\n" + _fields(table, region_order)
                  for code, table in data.get("regions", {}).items())
    return chunks


STAGE_HEADER = "[[stages]]\n"


def stage_chunk(stage: Mapping[str, Any]) -> str:
    """One stage's tables: its ``[[stages]]`` fields, then its rule's sub-table."""
    return _StageWriter().chunk(stage)


def _stage_orders() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The schema's order of a stage's fields, its rule tables and a rule's fields."""
    return (tuple(f.name for f in STAGE_FIELDS if f.kind is not Kind.RULE),
            tuple(f.name for f in STAGE_FIELDS if f.kind is Kind.RULE), names(RULE_FIELDS))


def _fields(table: Mapping[str, Any], order: tuple[str, ...]) -> str:
    return "".join(_line(name, table[name]) for name in _in_order(table, order))


def _in_order(names: Collection[str], order: tuple[str, ...]) -> list[str]:
    """``names`` in the schema's ``order``, then those it does not know, as they came."""
    return [n for n in order if n in names] + [n for n in names if n not in order]


class _StageWriter:
    """Writes stages: the ``[[stages]]`` fields in the schema's order (those it does not know
    after, in file order), then each rule's sub-table. It remembers what regional copies of a
    stage share: the order of a table's fields (by the fields it has) and the line of each
    value (a line depends on its field and value alone)."""

    def __init__(self) -> None:
        self.stage_order, self.tables, self.rule_order = _stage_orders()
        self.placed: dict[tuple[str, ...], tuple[list[str], list[str]]] = {}
        self.rule_placed: dict[tuple[str, ...], list[str]] = {}
        self.texts: dict[str, dict[str, str]] = {}  # a text's line, by field and text
        self.others: dict[tuple[str, type, Any], str] = {}  # other values' lines

    def chunk(self, stage: Mapping[str, Any]) -> str:
        shape = tuple(stage)
        placed = self.placed.get(shape)
        if placed is None:
            rules = self.tables
            plain = _in_order([n for n in stage if n not in rules], self.stage_order)
            placed = self.placed[shape] = (plain, [n for n in rules if n in stage])
        plain, present = placed
        chunk = STAGE_HEADER + self.lines(stage, plain)
        for name in present:
            table = stage[name]
            shape = tuple(table)
            names = self.rule_placed.get(shape)
            if names is None:
                names = self.rule_placed[shape] = _in_order(table, self.rule_order)
            chunk += f"\n[stages.{name}]\n" + self.lines(table, names)
        return chunk

    def lines(self, table: Mapping[str, Any], names: list[str]) -> str:
        texts, others = self.texts, self.others
        lines = []
        for name in names:
            value = table[name]
            kind = type(value)
            if kind is str:
                known = texts.get(name)
                if known is None:
                    known = texts[name] = {}
                line = known.get(value)
                if line is None:
                    line = known[value] = _line(name, value)
            else:
                key = alike_key(name, value)
                line = others.get(key) if key is not None else None
                if line is None:
                    line = _line(name, value)
                    if key is not None:
                        others[key] = line
            lines.append(line)
        return "".join(lines)


def _line(name: str, value: Any) -> str:
    text = _value(value)
    if text is None:
        import tomli_w

        return tomli_w.dumps({name: value})
    return f"{_key(name)} = {text}\n"


def _value(value: Any) -> str | None:
    """The common values formatted exactly as tomli-w does, without its per-call overhead
    (a large file has hundreds of thousands of them); None leaves the value to tomli-w. Date-times
    are the one deliberate difference: ISO 8601 with a 'T', and 'Z' for UTC."""
    if isinstance(value, str):
        return None if _NEEDS_ESCAPE.search(value) else f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None and value.utcoffset() == dt.timedelta(0):
            return value.replace(tzinfo=None).isoformat() + "Z"
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):  # a rule's span, inline: latest = { years = 2, months = 6 }
        parts = [f"{_key(k)} = {v}" for k, v in value.items() if type(v) is int]
        if len(parts) != len(value):
            return None
        return "{ " + ", ".join(parts) + " }" if parts else "{}"
    if isinstance(value, list | tuple) and all(type(v) is str for v in value):
        if not value:
            return "[]"
        items = [_value(v) for v in value]
        if None in items:
            return None
        return "[\n" + ",\n".join(f"    {item}" for item in items) + ",\n]"
    return None


def _key(name: str) -> str:
    if _BARE_KEY.match(name):
        return name
    import tomli_w

    return tomli_w.dumps({name: 0}).rsplit(" = ", 1)[0]


def schedule_to_data(schedule: Schedule) -> dict[str, Any]:
    """A Schedule as the plain data its file would hold (computed dates are not written)."""
    data: dict[str, Any] = {
        "elections": {e.id: election_to_data(e) for e in schedule.elections.values()}}
    if schedule.regions:
        data["regions"] = {r.code: region_to_data(r) for r in schedule.regions.values()}
    data["stages"] = [stage_to_data(s) for s in schedule.stages]
    return data


def region_to_data(region: Region) -> dict[str, Any]:
    return {f.name: getattr(region, f.name).value if f.name == "kind"
            else getattr(region, f.name) for f in REGION_FIELDS if getattr(region, f.name)}


def election_to_data(election: Election) -> dict[str, Any]:
    return {f.name: getattr(election, f.name) for f in ELECTION_FIELDS
            if getattr(election, f.name)}


def stage_to_data(stage: Stage) -> dict[str, Any]:
    """A stage's table: each field that differs from its default, dates as written (a
    computed date is not), ``undated`` for a stage with neither date nor rule."""
    data: dict[str, Any] = {}
    written_dates = stage.start is not None and not stage.dated_by_rule
    for item in STAGE_FIELDS:
        if item.name == "undated":
            value: Any = not written_dates and stage.after is None
        elif not item.on_stage:
            continue
        else:
            value = getattr(stage, item.name)
        if item.kind is Kind.MOMENT and not written_dates:
            continue
        if item.name == "end" and value == stage.start:
            continue  # a one-day stage writes no end
        if item.required and item.kind is not Kind.MOMENT:
            data[item.name] = value
        elif item.kind is Kind.RULE:
            if value is not None:
                data[item.name] = rule_table(value)
        elif item.kind is Kind.TAGS:
            if value:
                data[item.name] = list(value)
        elif value is not None and value != "" and value is not False \
                and value != item.default:
            data[item.name] = value.value if item.kind is Kind.STATE else value
    return data


# --- comments -------------------------------------------------------------------------------

_SCAN = re.compile(r"[\"'#]")
_STRINGS = (
    ('"""', re.compile(r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*"{3,5}')),
    ("'''", re.compile(r"'''[\s\S]*?'{3,5}")),
    ('"', re.compile(r'"(?:[^"\\\n]|\\.)*"')),
    ("'", re.compile(r"'[^'\n]*'")),
)


def first_comment_line(text: str) -> int | None:
    """Line number of the first TOML comment in ``text`` (a ``#`` outside any string)."""
    if "#" not in text:
        return None
    pos = 0
    while True:
        found = _SCAN.search(text, pos)
        if found is None:
            return None
        at = found.start()
        if found.group() == "#":
            return text.count("\n", 0, at) + 1
        for opener, pattern in _STRINGS:
            if text.startswith(opener, at):
                string = pattern.match(text, at)
                pos = string.end() if string else at + len(opener)
                break


def refuse_comments(text: str, path: str) -> None:
    line = first_comment_line(text)
    if line is None:
        return
    raise WriteRefused("write.comments", path=path, line=line)


