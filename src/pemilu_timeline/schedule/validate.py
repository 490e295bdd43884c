"""Validating a parsed schedule: every problem at once, each with its place.

Validation reads the whole file and reports every problem with its place (file, line, column,
stage, field), so that staff fix a file in one pass instead of one error per run. The fields
and what each holds come from ``schema``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pemilu_timeline.errors import Problem
from pemilu_timeline.i18n.lexicon import ZONE_WORDS
from pemilu_timeline.i18n.messages import Term, Worded, t
from pemilu_timeline.model import (
    Election,
    Moment,
    Region,
    RegionKind,
    Rule,
    Schedule,
    Stage,
    State,
    region_zone,
)
from pemilu_timeline.rules.calendar import Reckoning, inconsistencies
from pemilu_timeline.rules.describe import moment_words, result_text
from pemilu_timeline.rules.resolve import resolve_rules
from pemilu_timeline.schedule.schema import (
    CONTROL,
    CONTROL_STRICT,
    ELECTION_FIELDS,
    ID_PATTERN,
    REGION_CODE,
    REGION_FIELDS,
    RULE_FIELDS,
    STAGE_FIELDS,
    TEXT_KINDS,
    UNIT_FIELDS,
    WEB_ADDRESS,
    Field,
    Kind,
    alike_key,
    by_name,
    names,
    rule_from_table,
)
from pemilu_timeline.timing import FIRST_YEAR, LAST_YEAR, as_day, zone_or_none

LineRef = int | None | Callable[[], int | None]
TOP_LEVEL = ("elections", "regions", "stages")  # the tables a schedule file holds
# Where an Indonesian region's clock may be: WIB (Java, Sumatra; Asia/Pontianak for west and
# central Kalimantan), WITA, WIT.
INDONESIAN_ZONES = ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura")
ZERO = dt.timedelta(0)
# The days an Indonesian election's stage can plausibly fall on: none before independence,
# none this far ahead. A date outside is most likely a typo in the year; it is warned about,
# not refused (the file may hold FIRST_YEAR to LAST_YEAR).
PLAUSIBLE_DAYS = (dt.date(1945, 1, 1), dt.date(2100, 12, 31))


def _thunk(find: Callable[[Any], int | None], argument: Any) -> Callable[[], int | None]:
    return lambda: find(argument)


class _Lines:
    """Line numbers of tables and fields, computed only when a problem needs a place."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[str] | None = None
        self._stage_headers: list[int] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self._text.splitlines()
        return self._lines

    def stage_header(self, index: int) -> int | None:
        if self._stage_headers is None:
            pattern = re.compile(r"^\s*\[\[\s*stages\s*\]\]")
            self._stage_headers = [n for n, line in enumerate(self.lines, 1)
                                   if pattern.match(line)]
        if index < len(self._stage_headers):
            return self._stage_headers[index]
        return None

    def entry_line(self, table: str, key: str, name: str | None = None) -> int | None:
        """The line of field ``name`` of `[table.key]`, else of the table itself: staff fix
        the key the problem is about, not the table's first line. Dotted keys and inline
        tables (`key.timezone = ...`, `key = { ... }` under `[table]`) are found too."""
        header = self._table_header(table, key)
        if header is not None:
            return self.field_line(header, name) if name is not None else header
        found = self._dotted_line(table, key, name) if name is not None else None
        found = found or self._dotted_line(table, key, None)
        if found is None:  # an inline table holding them all: `elections = { ... }`
            top = re.compile(r"^\s*" + table + r"\s*=")
            found = next((n for n, line in enumerate(self.lines, 1) if top.match(line)), None)
        return found

    def _dotted_line(self, table: str, key: str, name: str | None) -> int | None:
        """Where `key` (or `key.name`) is set under `[table]`, or as `table.key` at the top."""
        quoted = r"[\"']?" + re.escape(key) + r"[\"']?\s*"
        tail = r"\.\s*" + re.escape(name) + r"\s*=" if name is not None else r"[.=]"
        inside = re.compile(r"^\s*" + quoted + tail)
        at_top = re.compile(r"^\s*" + table + r"\s*\.\s*" + quoted + tail)
        current: str | None = None  # the table a line is in; None at the top
        for n, line in enumerate(self.lines, 1):
            opened = re.match(r"^\s*\[([^\]]*)\]", line)
            if opened:
                current = re.sub(r"\s", "", opened.group(1))
            elif (current is None and at_top.match(line)) \
                    or (current == table and inside.match(line)):
                return n
        return None

    def _table_header(self, table: str, key: str) -> int | None:
        """The line of `[table.key]` (the key bare or quoted)."""
        pattern = re.compile(r"^\s*\[\s*" + table + r"\s*\.\s*[\"']?" + re.escape(key)
                             + r"[\"']?\s*\]")
        for n, line in enumerate(self.lines, 1):
            if pattern.match(line):
                return n
        return None

    def top_line(self, name: str) -> int | None:
        """Where top-level key ``name`` is first set: `name = ...`, `[name]`, `[[name]]`."""
        pattern = re.compile(r"^\s*(?:\[{1,2}\s*)?[\"']?" + re.escape(name)
                             + r"[\"']?\s*[=.\]]")
        at_top = True  # before the first table header
        for n, line in enumerate(self.lines, 1):
            opened = line.lstrip().startswith("[")
            if (opened or at_top) and pattern.match(line):
                return n
            at_top = at_top and not opened
        return None

    def field_line(self, header: int | None, name: str) -> int | None:
        if header is None:
            return None
        # A field is `name = ...`, or a sub-table `[stages.name]` of the same stage.
        pattern = re.compile(r"^\s*(?:" + re.escape(name) + r"\s*=|\[\s*stages\s*\.\s*"
                             + re.escape(name) + r"\s*\])")
        for n in range(header, len(self.lines)):
            line = self.lines[n]
            if pattern.match(line):
                return n + 1
            stripped = line.lstrip()
            if stripped.startswith("[[") or (stripped.startswith("[")
                                             and not stripped.startswith("[stages.")):
                break
        return header


class Validator:
    """Checks TOML data field by field, as the schema declares them, then the checks that
    span several fields; every problem is kept, none stops the others."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.where = _Lines(text)
        self.problems: list[Problem] = []
        self.indexes: dict[str, int] = {}  # stage key -> position in the file, for places
        self.broken_elections: set[str] = set()
        self.known_regions: dict[str, Region] = {}
        self.broken_regions: set[str] = set()
        self.regions_broken = False
        self.stage_fields = by_name(STAGE_FIELDS)
        # The values a stage field has held that passed its check: texts by field, and
        # other values by their ``alike_key``.
        self.fine_texts: dict[str, set[str]] = {f.name: set() for f in STAGE_FIELDS}
        self.fine_others: set[tuple[str, type, Any]] = set()
        self.stage_defaults = {f.name: f.default for f in STAGE_FIELDS}
        self.stage_required = frozenset(f.name for f in STAGE_FIELDS if f.required)
        self.election_fields = by_name(ELECTION_FIELDS)

    def problem(self, key: str, *, line: LineRef = None, stage: str | None = None,
                election: str | None = None, field: str | None = None,
                **params: Any) -> None:
        """Record a problem; ``line`` may be a thunk, so places are only looked up on failure."""
        number = line() if callable(line) else line
        if field is not None:
            params = {"field": field, **params}  # the messages name the field too
        self.problems.append(Problem(self.path, key, params, line=number, stage=stage,
                                     election=election, field=field))

    def build(self, data: dict[str, Any]) -> Schedule:
        for key in data:
            if key not in TOP_LEVEL:
                self.problem("problem.top_level", line=_thunk(self.where.top_line, key),
                             field=key, known=", ".join(TOP_LEVEL))
        elections = self.elections(data.get("elections", {}))
        self.known_regions = self.regions(data.get("regions", {}))
        raw_stages = data.get("stages", [])
        if not isinstance(raw_stages, list):
            self.problem("problem.type", line=_thunk(self.where.top_line, "stages"),
                         field="stages", got=type(raw_stages).__name__,
                         expected=Term("type.stages"))
            raw_stages = []
        stages: list[Stage] = []
        seen: dict[tuple[str, str], int] = {}
        for index, raw in enumerate(raw_stages):
            stage = self.stage(index, raw, elections)
            if stage is None:
                continue
            ident = (stage.election, stage.id)
            if ident in seen:
                first = seen[ident]
                self.problem("problem.duplicate", line=_thunk(self.where.stage_header, index),
                             stage=stage.key, field="id", stage_key=stage.key,
                             other=self.where.stage_header(first) or "?")
                continue
            seen[ident] = index
            stages.append(stage)
        written = {f"{raw.get('election')}/{raw.get('id')}" for raw in raw_stages
                   if isinstance(raw, dict)}
        stages = self.dated(stages, written)
        return Schedule.build(elections, stages, self.path, self.known_regions)

    def dated(self, stages: list[Stage], written: set[str],
              settled: dict[str, Stage] | None = None) -> list[Stage]:
        """The checks across stages: every rule reckoned (its problems recorded; ``settled``
        stages are dated already), then each stage held in a region given its clock."""
        stages, rule_problems = resolve_rules(stages, settled)
        for found in rule_problems:
            stage, rule = found.stage, found.stage.after
            assert rule is not None
            if found.code == "unknown" and rule.stage in written:
                continue  # the anchor is in the file but invalid; its own problems say why
            index = self.indexes.get(stage.key)
            header = self.where.stage_header(index) if index is not None else None
            line = _thunk(lambda h: self.where.field_line(h, "after"), header)
            if found.code == "contradicts":
                line = _thunk(lambda h: self.where.field_line(h, "start"), header)
            self.problem(f"problem.anchor_{found.code}", line=line, stage=stage.key,
                         field="after", anchor=rule.stage, first=FIRST_YEAR, last=LAST_YEAR,
                         **_contradiction(stage, found.reckoning))
        return [s if s.region_zone == self._region_zone(s) else
                dataclasses.replace(s, region_zone=self._region_zone(s)) for s in stages]

    def _region_zone(self, stage: Stage) -> str | None:
        """The zone of the stage's region, for a stage without a zone of its own; a stage
        gets it when it is checked (``stage``), and again here if a rule gave it a zone."""
        if stage.region and not stage.zone:
            return region_zone(self.known_regions, stage.region)
        return None

    def rebuild(self, before: Schedule, gone: set[str], tables: list[dict[str, Any]]
                ) -> Schedule:
        """The schedule after a change to some of its stages, without reading the rest again.

        The stages of ``before`` are kept as they are (valid and dated), except those of
        ``gone`` (removed, changed, or counted from one of those); ``tables`` are the stages
        to check as loading checks them (the new, the changed and those counted from them).
        Then the checks across stages, as loading makes them.
        """
        self.known_regions = dict(before.regions)
        kept = {key: stage for key, stage in before.by_key().items() if key not in gone}
        fresh: dict[str, Stage] = {}
        for index, table in enumerate(tables):
            stage = self.stage(index, table, before.elections)
            if stage is None:
                continue
            if stage.key in kept or stage.key in fresh:
                self.problem("problem.duplicate", stage=stage.key, field="id",
                             stage_key=stage.key, other="?")
                continue
            fresh[stage.key] = stage
        dated = self.dated(list(fresh.values()), {*kept, *fresh}, kept)
        return before.changed(gone, dated)

    def elections(self, raw: Any) -> dict[str, Election]:
        result: dict[str, Election] = {}
        if not isinstance(raw, dict):
            self.problem("problem.type", line=_thunk(self.where.top_line, "elections"),
                         field="elections", got=type(raw).__name__,
                         expected=Term("type.table"))
            return result
        for election_id, table in raw.items():
            line = self._entry("elections", election_id)
            if not isinstance(table, dict):
                self.problem("problem.type", line=line, election=election_id,
                             field="elections", got=type(table).__name__,
                             expected=Term("type.table"))
                continue
            before = len(self.problems)
            if not ID_PATTERN.match(election_id):
                self.problem("problem.bad_id", line=line, election=election_id,
                             value=election_id)
            for name in table:
                if name not in self.election_fields:
                    self._unknown(name, names(ELECTION_FIELDS),
                                  self._entry("elections", election_id, name), None,
                                  election=election_id)
            values: dict[str, Any] = {}
            for item in ELECTION_FIELDS:
                value = table.get(item.name)
                if value is None:
                    if item.required:
                        self.problem("problem.missing", line=line, election=election_id,
                                     field=item.name)
                    continue
                if self._value(item, value, self._entry("elections", election_id, item.name),
                               None, election=election_id):
                    values[item.name] = value
            if len(self.problems) == before:
                result[election_id] = Election(id=election_id, **values)
            else:  # it exists, with problems of its own: its stages are not "unknown"
                self.broken_elections.add(election_id)
        return result

    def _entry(self, table: str, key: str, name: str | None = None) -> LineRef:
        """Where a field of an election or region is (its table when the field is missing),
        looked up only if a problem needs it."""
        return lambda: self.where.entry_line(table, key, name)

    def regions(self, raw: Any) -> dict[str, Region]:
        """`[regions."36.04"]` tables: a Kemendagri code each; a province names its zone, a
        kabupaten or kota takes its province's, so its province must be in the table."""
        result: dict[str, Region] = {}
        if not isinstance(raw, dict):
            self.problem("problem.type", line=_thunk(self.where.top_line, "regions"),
                         field="regions", got=_describe(raw),
                         expected=Term("type.table"))
            self.regions_broken = True  # a stage's region then says nothing more
            return result
        known = by_name(REGION_FIELDS)
        names_seen: dict[str, str] = {}
        for code, table in raw.items():
            line = self._entry("regions", code)
            label = f"regions.{code}"
            if not isinstance(table, dict):
                self._wrong_type(label, table, "table", line, None)
                continue
            before = len(self.problems)
            if not REGION_CODE.match(code):
                self.problem("problem.region_code", line=line, field=label, value=code)
            for name in table:
                if name not in known:
                    self._unknown(f"{label}.{name}", tuple(f"{label}.{f}" for f in known),
                                  self._entry("regions", code, name), None)
            values: dict[str, Any] = {}
            for item in REGION_FIELDS:
                value = table.get(item.name)
                if value is None:
                    if item.required:
                        self.problem("problem.missing", line=line, field=f"{label}.{item.name}")
                elif self._value(item, value, self._entry("regions", code, item.name), None,
                                 name=f"{label}.{item.name}"):
                    values[item.name] = value
            province = code.partition(".")[0]
            kind = values.get("kind")
            if kind is not None and REGION_CODE.match(code) \
                    and (kind == RegionKind.PROVINCE.value) != ("." not in code):
                self.problem("problem.region_kind", line=self._entry("regions", code, "kind"),
                             field=f"{label}.kind",
                             value=code, kind=kind)
            zone = values.get("timezone")
            if zone is not None and ZONE_WORDS.get(zone.upper(), zone) not in INDONESIAN_ZONES:
                self.problem("problem.region_zone",
                             line=self._entry("regions", code, "timezone"),
                             field=f"{label}.timezone",
                             value=zone, zones=", ".join(INDONESIAN_ZONES))
            name = values.get("name")
            if isinstance(name, str):
                other = names_seen.setdefault(name.casefold(), code)
                if other != code:
                    self.problem("problem.region_name_twice",
                                 line=self._entry("regions", code, "name"),
                                 field=f"{label}.name",
                                 value=name, other=other)
            if "." not in code and "timezone" not in values and "timezone" not in table:
                self.problem("problem.missing", line=line, field=f"{label}.timezone")
            elif "." in code and province not in raw:
                self.problem("problem.region_province", line=line, field=label, value=code,
                             province=province)
            if len(self.problems) > before:
                self.broken_regions.add(code)
            else:
                result[code] = Region(code=code, name=values["name"],
                                      kind=RegionKind(values["kind"]), source=values["source"],
                                      timezone=values.get("timezone"))
        return result

    def stage(self, index: int, raw: Any, elections: dict[str, Election]) -> Stage | None:
        header = _thunk(self.where.stage_header, index)
        if not isinstance(raw, dict):
            self.problem("problem.type", line=header, field="stages",
                         got=_describe(raw), expected=Term("type.table"))
            return None
        before = len(self.problems)
        label = f"{raw.get('election', '?')}/{raw.get('id', f'#{index + 1}')}"

        def at(name: str) -> LineRef:
            return lambda: self.where.field_line(header(), name)

        if self._passed(raw):  # then only its id, unique to it, is left to check
            values = {**self.stage_defaults, **raw}
            if not ID_PATTERN.fullmatch(raw["id"]) \
                    and not self._value(self.stage_fields["id"], raw["id"], at("id"), label):
                values["id"] = self.stage_defaults["id"]
        else:
            values = self._fields(raw, header, at, label)
        self._dating(raw, values, header, at, label)
        election = values["election"]
        if isinstance(election, str) and election not in elections \
                and election not in self.broken_elections:
            self.problem("problem.unknown_election", line=at("election"), stage=label,
                         field="election", value=election, known=", ".join(elections) or "-")
        region = values["region"]
        if isinstance(region, str) and region not in self.known_regions \
                and region not in self.broken_regions and not self.regions_broken:
            self.problem("problem.unknown_region", line=at("region"), stage=label,
                         field="region", value=region)
        if values["state"] == CANCELLED and not raw.get("reason"):
            self.problem("problem.reason_needed", line=at("state"), stage=label,
                         field="reason")
        if len(self.problems) > before:
            return None
        self.indexes[f"{election}/{values['id']}"] = index
        values["state"] = STATES[values["state"]]
        values["tags"] = tuple(values["tags"])
        values["conflict"] = tuple(values["conflict"])
        if values["updated"] is not None:
            values["updated"] = values["updated"].astimezone(dt.UTC)
        for name in _FILE_ONLY:
            del values[name]
        if region and not values["zone"]:  # its region's clock, set here rather than copied
            values["region_zone"] = region_zone(self.known_regions, region)
        return Stage(**values)

    def _passed(self, raw: dict[str, Any]) -> bool:
        """Whether the stage has every required field and, but for its id, only values that
        passed their field's check on an earlier stage: then no other field has a problem."""
        if not self.stage_required <= raw.keys():
            return False
        texts, others = self.fine_texts, self.fine_others
        for name, value in raw.items():
            kind = type(value)
            if kind is str:
                fine = texts.get(name)
                if (fine is None or value not in fine) and name != "id":
                    return False
            elif kind is bool or kind is dt.date:  # a flag, a date: the common others
                if (name, kind, value) not in others:
                    return False
            else:
                key = alike_key(name, value)
                if key is None or key not in others:
                    return False
        return True

    def _fields(self, raw: dict[str, Any], header: LineRef, at: Callable[[str], LineRef],
                label: str) -> dict[str, Any]:
        """Each field of the stage checked, its value or (missing or refused) its default."""
        for name in raw:
            if name not in self.stage_fields:
                self._unknown(name, names(STAGE_FIELDS), at(name), label)
        values: dict[str, Any] = {}
        texts, others = self.fine_texts, self.fine_others
        for item in STAGE_FIELDS:
            name = item.name
            if name not in raw:
                if item.required:
                    self.problem("problem.missing", line=header, stage=label, field=name)
                values[name] = item.default
                continue
            value = raw[name]
            if item.kind is Kind.RULE:
                table = at(name)

                def part(name: str, table: LineRef = table) -> LineRef:
                    return lambda: self.where.field_line(_line(table), name)

                values[name] = self._rule(value, table, part, label, raw.get("election"))
                continue
            # A value this field has held on an earlier stage is fine again: only what
            # passed is remembered, so each problem is still found, at its own line.
            if type(value) is str:
                if value in texts[name]:
                    values[name] = value
                elif self._value(item, value, at(name), label):
                    values[name] = value
                    texts[name].add(value)
                else:
                    values[name] = item.default
                continue
            key = alike_key(name, value)
            if key is not None and key in others:
                values[name] = value
            elif self._value(item, value, at(name), label):
                values[name] = value
                if key is not None:
                    others.add(key)
            else:
                values[name] = item.default
        return values

    def _dating(self, raw: dict[str, Any], values: dict[str, Any], header: LineRef,
                at: Callable[[str], LineRef], label: str) -> None:
        """How the stage is dated: a start (and end), a rule, or `undated`; and a zone only
        for a stage with a time."""
        if "start" not in raw and "after" not in raw and raw.get("undated") is not True:
            self.problem("problem.missing_start", line=header, stage=label, field="start")
        if "end" in raw and "start" not in raw:
            self.problem("problem.missing", line=header, stage=label, field="start")
        start = values["start"]
        if "end" not in raw:
            values["end"] = start
        end = values["end"]
        if start is not None and end is not None:
            if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
                self.problem("problem.mixed_kinds", line=at("end"), stage=label, field="end")
            elif end < start:
                self.problem("problem.end_before_start", line=at("end"), stage=label,
                             field="end", start=start.isoformat(), end=end.isoformat())
        if values["undated"] is True and "start" in raw:
            self.problem("problem.undated_with_date", line=at("undated"), stage=label,
                         field="undated")
        elif values["undated"] is True and "after" in raw:
            # A rule dates the stage once its anchor has a date; "unknown" would contradict it.
            self.problem("problem.undated_with_after", line=at("undated"), stage=label,
                         field="undated")
        if values["zone"] is not None and start is not None \
                and not isinstance(start, dt.datetime):
            self.problem("problem.zone_needs_time", line=at("zone"), stage=label, field="zone")

    def _value(self, item: Field, value: Any, line: LineRef, stage: str | None, *,
               election: str | None = None, name: str | None = None) -> bool:
        """Whether ``value`` is what ``item`` holds; a problem says why not."""
        shown = name or item.name
        kind = item.kind
        if kind in TEXT_KINDS or kind is Kind.ANCHOR:
            if not self._text(value, shown, line, stage, election=election,
                              multiline=kind is Kind.NOTE):
                return False
            if kind is Kind.ID and not ID_PATTERN.match(value):
                self.problem("problem.bad_id", line=line, stage=stage, field=shown,
                             value=value)
                return False
            if kind is Kind.URL and not WEB_ADDRESS.match(value):
                self.problem("problem.url", line=line, stage=stage, election=election,
                             field=shown)
                return False
            if kind is Kind.ZONE and zone_or_none(value) is None:
                self.problem("problem.unknown_zone", line=line, stage=stage,
                             election=election, field=shown, value=value)
                return False
            return True
        if kind is Kind.MOMENT:
            if isinstance(value, dt.datetime) and value.tzinfo is not None:
                self.problem("problem.offset_datetime", line=line, stage=stage, field=shown)
                return False
            if isinstance(value, dt.date):
                return self._in_range(value, line, stage, shown)
            self._wrong_type(shown, value, "date", line, stage)
            return False
        if kind is Kind.TAGS:
            if not isinstance(value, list | tuple) or not all(type(t) is str for t in value):
                self._wrong_type(shown, value, "list", line, stage)
                return False
            if value and (CONTROL_STRICT.search("".join(value))
                          or not all(t.strip() for t in value)):
                self.problem("problem.control", line=line, stage=stage, field=shown)
                return False
            return True
        if kind is Kind.FLAG:
            if isinstance(value, bool):
                return True
            self._wrong_type(shown, value, "bool", line, stage)
            return False
        if kind in (Kind.STATE, Kind.CHOICE):
            if isinstance(value, str) and value in item.choices:
                return True
            self.problem("problem.bad_choice", line=line, stage=stage, field=shown,
                         choices=", ".join(item.choices))
            return False
        if kind is Kind.COUNT:
            if isinstance(value, bool) or not isinstance(value, int) or value < item.minimum:
                self.problem("problem.bad_number", line=line, stage=stage, field=shown,
                             minimum=item.minimum)
                return False
            if value > item.maximum:
                self.problem("problem.too_large", line=line, stage=stage, field=shown,
                             maximum=item.maximum)
                return False
            return True
        if kind is Kind.SPAN:
            return self._span(value, line, stage, shown)
        if kind is Kind.STAMP:
            if isinstance(value, dt.datetime) and value.utcoffset() == ZERO:
                return self._in_range(value, line, stage, shown)
            self._wrong_type(shown, value, "datetime_utc", line, stage)
            return False
        raise AssertionError(f"no check for {kind}")

    def _in_range(self, value: dt.date, line: LineRef, stage: str | None, name: str) -> bool:
        if FIRST_YEAR <= value.year <= LAST_YEAR:
            return True
        self.problem("problem.date_range", line=line, stage=stage, field=name,
                     first=FIRST_YEAR, last=LAST_YEAR)
        return False

    def _rule(self, raw: Any, line: LineRef, part: Callable[[str], LineRef], label: str,
              election: Any) -> Rule | None:
        """`after = { stage = "pemilu-2024/putusan-mk", days = 3, sense = "at-latest" }`; each
        part's problem names that part's line."""
        if not isinstance(raw, dict):
            self._wrong_type("after", raw, "table", line, label)
            return None
        before = len(self.problems)
        known = by_name(RULE_FIELDS)
        for name in raw:
            if name not in known:
                self._unknown(f"after.{name}", tuple(f"after.{f}" for f in known), part(name),
                              label)
        values: dict[str, Any] = {}
        for item in RULE_FIELDS:
            shown = f"after.{item.name}"
            value = raw.get(item.name)
            if item.kind is Kind.ANCHOR and isinstance(value, str) and not value.strip():
                value = None  # an anchor that names nothing is missing
            if value is None:
                if item.required:
                    self.problem("problem.missing", line=line, stage=label, field=shown)
                values[item.name] = item.default
            elif self._value(item, value, part(item.name), label, name=shown):
                values[item.name] = value
        anchor = values.get("stage")
        if isinstance(anchor, str) and "/" not in anchor and isinstance(election, str):
            values["stage"] = f"{election}/{anchor}"  # a bare id: a stage of the same election
        if len(self.problems) > before:
            return None
        rule = rule_from_table(values)
        for key in inconsistencies(rule, duration_given="duration" in raw):
            self.problem(key, line=line, stage=label, field="after")
        return None if len(self.problems) > before else rule

    def _span(self, value: Any, line: LineRef, stage: str | None, shown: str) -> bool:
        """{ years = 2, months = 6 }: units of a rule, each a count within its bounds."""
        if not isinstance(value, dict):
            self._wrong_type(shown, value, "table", line, stage)
            return False
        units = by_name(UNIT_FIELDS)
        fine = True
        for name, amount in value.items():
            if name not in units:
                self._unknown(f"{shown}.{name}", tuple(f"{shown}.{u}" for u in units), line,
                              stage)
                fine = False
            elif not self._value(units[name], amount, line, stage, name=f"{shown}.{name}"):
                fine = False
        return fine

    def _unknown(self, name: str, known: tuple[str, ...], line: LineRef,
                 stage: str | None, *, election: str | None = None) -> None:
        close = difflib.get_close_matches(name, known, n=3)
        # Swapped letters are the likeliest typo: 'strat' means start, not state.
        close.sort(key=lambda candidate: sorted(candidate) != sorted(name))
        if close:
            self.problem("problem.unknown_field_hint", line=line, stage=stage,
                         election=election, field=name, suggestion=close[0])
        else:
            self.problem("problem.unknown_field", line=line, stage=stage, election=election,
                         field=name)

    def _text(self, value: Any, name: str, line: LineRef, stage: str | None, *,
              election: str | None = None, multiline: bool = False) -> bool:
        if not isinstance(value, str):
            self._wrong_type(name, value, "text", line, stage, election=election)
            return False
        if not value.strip():
            self.problem("problem.empty", line=line, stage=stage, election=election,
                         field=name)
            return False
        if (CONTROL if multiline else CONTROL_STRICT).search(value):
            self.problem("problem.control", line=line, stage=stage, election=election,
                         field=name)
            return False
        return True

    def _wrong_type(self, name: str, value: Any, expected: str, line: LineRef,
                    stage: str | None, *, election: str | None = None) -> None:
        self.problem("problem.type", line=line, stage=stage, election=election, field=name,
                     got=_describe(value), expected=Term(f"type.{expected}"))


STATES = {s.value: s for s in State}
CANCELLED = State.CANCELLED.value
_FILE_ONLY = tuple(f.name for f in STAGE_FIELDS if not f.on_stage)  # not on the model


def _line(ref: LineRef) -> int | None:
    return ref() if callable(ref) else ref


def _contradiction(stage: Stage, reckoning: Reckoning | None) -> dict[str, Any]:
    """The written date and what the rule allows, for the message that shows both."""
    if reckoning is None or stage.start is None or stage.after is None:
        return {}
    rule, written = stage.after, stage.start
    return {"written": Worded(lambda lang: moment_words(written, lang)),
            "allowed": Worded(lambda lang: result_text(rule, reckoning, lang))}


def _describe(value: Any) -> str:
    """The value as the file writes it (true, not Python's True), cut short."""
    text = ("true" if value else "false") if isinstance(value, bool) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# --- what is valid but most likely wrong -----------------------------------------------------

def no_elections(schedule: Schedule, path: str) -> Problem | None:
    """A file without elections (empty, or only comments) holds nothing any command can show.
    Loading accepts it, so that `election add` can start a file from nothing; `validate`
    calls it a problem rather than "OK"."""
    return None if schedule.elections else Problem(path, "problem.no_elections")


@dataclass(frozen=True)
class UnlikelyDate:
    """A stage's date outside PLAUSIBLE_DAYS: a warning; the file stays valid."""

    stage: str  # ELECTION/ID
    field: str  # start or end
    value: Moment
    line: int | None = None

    def describe(self, lang: str, path: str | None = None) -> str:
        """The warning line; with ``path``, its place in the file as problems give theirs."""
        where = ""
        if path is not None:
            where = f"{path}:{self.line}: " if self.line is not None else f"{path}: "
        first, last = PLAUSIBLE_DAYS
        return t("warning.unlikely_date", lang, where=where, stage=self.stage,
                 field=Term(f"field.{self.field}"), date=self.value.isoformat(),
                 first=first.year, last=last.year)

    def to_dict(self, path: str) -> dict[str, Any]:
        return {"file": path, "line": self.line, "stage": self.stage, "field": self.field,
                "date": self.value.isoformat(), "code": "warning.unlikely_date",
                "message": self.describe("en")}


def unlikely_date(stage: Stage) -> UnlikelyDate | None:
    """The stage's start, else its end, when it lies outside PLAUSIBLE_DAYS (written or
    computed by a rule: a rule of 100 years is as likely a typo)."""
    first, last = PLAUSIBLE_DAYS
    for name in ("start", "end"):
        value = getattr(stage, name)
        if value is not None and not first <= as_day(value) <= last:
            return UnlikelyDate(stage.key, name, value)
    return None


def unlikely_dates(schedule: Schedule, data: dict[str, Any], text: str) -> list[UnlikelyDate]:
    """Every stage's unlikely date, with its line in ``text`` (parsed into ``data``): the
    date's own line, or the rule's for a date computed by one."""
    found = [u for u in map(unlikely_date, schedule) if u is not None]
    if not found:
        return found
    where = _Lines(text)
    raw = data.get("stages", [])
    index = {f"{s.get('election')}/{s.get('id')}": n for n, s in enumerate(raw)
             if isinstance(s, dict)}
    placed = []
    for item in found:
        stage = schedule.get(item.stage)
        written = stage is not None and not stage.dated_by_rule
        header = where.stage_header(index[item.stage]) if item.stage in index else None
        line = where.field_line(header, item.field if written else "after")
        placed.append(dataclasses.replace(item, line=line))
    return placed
