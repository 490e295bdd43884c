"""The stage fields are declared once (schedule/schema.py): a field added there reaches the
validator, the canonical writer, diff, the CSV columns and the JSON objects, and the schema
and the model's dataclasses name the same fields."""

from __future__ import annotations

import ast
import csv
import dataclasses
import importlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pemilu_timeline.diff import diff_schedules
from pemilu_timeline.errors import ScheduleInvalid
from pemilu_timeline.exports.csv import csv_row, to_csv
from pemilu_timeline.exports.json import stage_to_dict
from pemilu_timeline.model import Election, Rule, Stage
from pemilu_timeline.schedule import schema
from pemilu_timeline.schedule.read import parse_schedule, parse_toml
from pemilu_timeline.schedule.schema import (
    ELECTION_FIELDS,
    RULE_FIELDS,
    STAGE_FIELDS,
    Field,
    FieldDiff,
    Kind,
    csv_columns,
    diffed_fields,
    editable_fields,
)
from pemilu_timeline.schedule.write import canonical_text, stage_to_data

SMALL = Path(__file__).parent / "assets" / "small.toml"
SOURCE = Path(__file__).resolve().parents[1] / "src" / "pemilu_timeline"
SCHEMA_MODULE = "pemilu_timeline.schedule.schema"

# The modules that hold the stage fields under their own name
# (`from pemilu_timeline.schedule.schema import STAGE_FIELDS`); the schema's own functions
# read schema.STAGE_FIELDS. test_every_holder_of_the_tuple_is_patched keeps this list whole.
HOLDERS = (
    "pemilu_timeline.schedule.validate",
    "pemilu_timeline.schedule.write",
    "pemilu_timeline.schedule.edit",
    "pemilu_timeline.diff",
    "pemilu_timeline.exports.csv",
    "pemilu_timeline.exports.json",
)
# Imported now, before any test patches the schema: a module first imported under the patch
# would keep the patched tuple (and whatever it derives from it at import) for good.
HOLDER_MODULES = tuple(importlib.import_module(name) for name in HOLDERS)

VENUE = Field("venue", Kind.TEXT, column=24)  # the first free place
WITH_VENUE = 'url = "https://jdih.kpu.go.id/"\nvenue = "Papua"\n'
STAGE = "pemilu-2024/jam-pemungutan-suara"  # the stage given a venue (it has a note)


@dataclass(frozen=True, slots=True)
class VenueStage(Stage):
    venue: str | None = None


def holders_in_source() -> set[str]:
    """Modules whose source imports STAGE_FIELDS from the schema by name."""
    found = set()
    for path in SOURCE.rglob("*.py"):
        parts = ["pemilu_timeline", *path.relative_to(SOURCE).with_suffix("").parts]
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.ImportFrom) and (
                    node.module == SCHEMA_MODULE
                    or (node.level and (node.module or "").split(".")[-1] == "schema")) \
                    and any(alias.name == "STAGE_FIELDS" for alias in node.names):
                found.add(module)
    return found


def with_venue(text: str, lines: str = WITH_VENUE, *, after: str = 'source = "UU 7/2017"\n'
                ) -> str:
    """small.toml with ``lines`` added to the voting-hours stage, after its source."""
    head, found, tail = text.partition('id = "jam-pemungutan-suara"\n')
    assert found, "tests/assets/small.toml changed: no jam-pemungutan-suara stage"
    assert after in tail
    return head + found + tail.replace(after, after + lines, 1)


@pytest.fixture
def venue_field(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Field, ...]]:
    """The schema with a `venue` after `url`, in every module holding the tuple, and the
    validator building stages that have one."""
    position = [f.name for f in STAGE_FIELDS].index("url") + 1
    fields = (*STAGE_FIELDS[:position], VENUE, *STAGE_FIELDS[position:])
    monkeypatch.setattr(schema, "STAGE_FIELDS", fields)
    for module in HOLDER_MODULES:
        assert module.STAGE_FIELDS is STAGE_FIELDS, f"{module.__name__} holds another tuple"
        monkeypatch.setattr(module, "STAGE_FIELDS", fields)
    monkeypatch.setattr("pemilu_timeline.schedule.validate.Stage", VenueStage)
    yield fields


@pytest.fixture
def small_text() -> str:
    return SMALL.read_text(encoding="utf-8")


def test_every_holder_of_the_tuple_is_patched() -> None:
    assert holders_in_source() == set(HOLDERS), (
        "modules importing STAGE_FIELDS by name changed; update HOLDERS in "
        "tests/test_schema.py")


# --- a new field reaches every part ----------------------------------------------------------

def test_the_validator_reads_the_new_field(venue_field: tuple[Field, ...],
                                           small_text: str) -> None:
    schedule = parse_schedule(with_venue(small_text))
    stage = schedule.get(STAGE)
    assert isinstance(stage, VenueStage)
    assert stage.venue == "Papua"
    assert {s.venue for s in schedule if s.key != STAGE} == {None}  # type: ignore[attr-defined]


def test_the_validator_checks_the_new_fields_type(venue_field: tuple[Field, ...],
                                                  small_text: str) -> None:
    with pytest.raises(ScheduleInvalid) as raised:
        parse_schedule(with_venue(small_text, "venue = 5\n"))
    problems = [(p.key, p.field, p.stage) for p in raised.value.problems]
    assert problems == [("problem.type", "venue", STAGE)]
    assert raised.value.problems[0].line is not None  # found in the file, not only named


def test_without_the_field_venue_is_unknown(small_text: str) -> None:
    """The control: the same file without the patched schema has an unknown field."""
    with pytest.raises(ScheduleInvalid) as raised:
        parse_schedule(with_venue(small_text))
    assert [(p.key.startswith("problem.unknown_field"), p.field)
            for p in raised.value.problems] == [(True, "venue")]


def stage_table(text: str, stage_id: str) -> list[str]:
    """The field names of one [[stages]] table of a canonical text, in order."""
    for table in text.split("[[stages]]\n")[1:]:
        lines = table.split("\n\n")[0].splitlines()
        if f'id = "{stage_id}"' in lines:
            return [line.split(" = ")[0] for line in lines if " = " in line]
    raise AssertionError(f"no stage {stage_id} in the text")


def test_the_writer_puts_the_new_field_in_the_schemas_place(
        venue_field: tuple[Field, ...], small_text: str) -> None:
    text = with_venue(small_text)
    from_data = canonical_text(parse_toml(text, "<test>"))
    from_schedule = canonical_text(parse_schedule(text))
    expected = ["id", "election", "name", "name_en", "start", "end", "tags", "source", "url",
                "venue", "note"]
    assert stage_table(from_data, "jam-pemungutan-suara") == expected
    assert 'url = "https://jdih.kpu.go.id/"\nvenue = "Papua"\nnote = ' in from_data
    assert from_schedule == from_data  # the schedule writes back the text it came from
    stage = parse_schedule(text).get(STAGE)
    assert stage is not None
    assert stage_to_data(stage)["venue"] == "Papua"


def test_diff_reports_the_new_field(venue_field: tuple[Field, ...], small_text: str) -> None:
    old = parse_schedule(with_venue(small_text))
    new = parse_schedule(with_venue(small_text, WITH_VENUE.replace("Papua", "Maluku")))
    diff = diff_schedules(old, new)
    assert [(c.key, c.fields) for c in diff.changed] == [
        (STAGE, (FieldDiff("venue", "Papua", "Maluku"),))]
    removed = diff_schedules(old, parse_schedule(with_venue(
        small_text, 'url = "https://jdih.kpu.go.id/"\n')))
    assert [c.fields for c in removed.changed] == [(FieldDiff("venue", "Papua", None),)]
    assert "venue" in diffed_fields()
    assert "venue" in editable_fields()


def test_csv_has_the_new_column(venue_field: tuple[Field, ...], small_text: str) -> None:
    assert csv_columns()[-1] == "venue"  # column 24, after the computed ones and region
    schedule = parse_schedule(with_venue(small_text))
    stage = schedule.get(STAGE)
    assert stage is not None
    assert csv_row(stage, "id")["venue"] == "Papua"
    rows = list(csv.DictReader(io.StringIO(to_csv(schedule, "en"), newline="")))
    assert [r["venue"] for r in rows if r["id"] == "jam-pemungutan-suara"] == ["Papua"]
    assert {r["venue"] for r in rows if r["id"] != "jam-pemungutan-suara"} == {""}


def test_json_has_the_new_key(venue_field: tuple[Field, ...], small_text: str) -> None:
    schedule = parse_schedule(with_venue(small_text))
    stage = schedule.get(STAGE)
    assert stage is not None
    data = stage_to_dict(stage)
    assert data["venue"] == "Papua"
    keys = list(data)
    assert keys.index("url") < keys.index("venue") < keys.index("note")  # the schema's order
    other = schedule.get("pemilu-2024/kampanye")
    assert other is not None
    assert stage_to_dict(other)["venue"] is None


# --- the schema and the model name the same fields ------------------------------------------

def model_fields(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def test_stage_fields_are_the_schemas() -> None:
    # Worked out on loading, never in the file.
    computed = {"dated_by_rule", "estimated", "region_zone", "_lo", "_hi"}
    on_stage = {f.name for f in STAGE_FIELDS if f.on_stage}
    file_only = {f.name for f in STAGE_FIELDS if not f.on_stage}
    assert model_fields(Stage) - computed == on_stage
    assert computed <= model_fields(Stage)
    assert not file_only & model_fields(Stage)
    assert file_only == {"undated"}


def test_election_fields_are_the_schemas() -> None:
    # An election's id is its table's key, [elections.ID], not a field inside the table.
    assert model_fields(Election) - {"id"} == {f.name for f in ELECTION_FIELDS if f.on_stage}
    assert all(f.on_stage for f in ELECTION_FIELDS)


def test_rule_fields_are_the_schemas() -> None:
    assert model_fields(Rule) == {f.name for f in RULE_FIELDS if f.on_stage}
    assert all(f.on_stage for f in RULE_FIELDS)


def test_schema_names_are_unique_and_twins_are_declared() -> None:
    for fields in (STAGE_FIELDS, ELECTION_FIELDS, RULE_FIELDS):
        names = [f.name for f in fields]
        assert len(names) == len(set(names))
        by_name = schema.by_name(fields)
        for item in fields:
            if item.english is not None:
                assert by_name[item.english].twin, item.name
        assert {f.name for f in fields if f.twin} == {f.english for f in fields if f.english}
    columns = [f.column for f in STAGE_FIELDS if f.column is not None]
    columns += [c for _, c in schema.COMPUTED_COLUMNS]
    assert len(columns) == len(set(columns))
