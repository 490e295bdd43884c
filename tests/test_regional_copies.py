"""What regional copies of a stage share is checked and written once: the validator remembers
the values that passed, the writer the lines it wrote. Neither may change a problem, its line,
a stage or a byte; and the canonical check stops at the first table that differs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pemilu_timeline.schedule import validate as validating
from pemilu_timeline.schedule.locate import bundled_path
from pemilu_timeline.schedule.read import parse_toml
from pemilu_timeline.schedule.validate import Validator
from pemilu_timeline.schedule.write import (
    canonical_text,
    header_chunks,
    is_canonical,
    stage_chunk,
)
from tests.conftest import SMALL


class Forgetful(set[Any]):
    """A memo that never remembers: the validator then checks every value of every stage."""

    def add(self, value: Any) -> None:
        pass


def validated(text: str, *, remember: bool = True) -> tuple[Any, list[dict[str, Any]]]:
    """The schedule and the problems of ``text``, with or without the validator's memo."""
    validator = Validator(text, "f.toml")
    if not remember:
        validator.fine_texts = {name: Forgetful() for name in validator.fine_texts}
        validator.fine_others = Forgetful()
        validator._passed = lambda raw: False  # type: ignore[method-assign]
    schedule = validator.build(parse_toml(text, "f.toml"))
    return schedule, [p.to_dict() for p in validator.problems]


def copy(n: int, **fields: str) -> str:
    """A copy of small.toml's campaign stage, as a region's would be, with ``fields`` (TOML
    values as written) in place of its own."""
    table = {"id": f'"kampanye-r{n}"', "election": '"pemilu-2024"',
             "name": '"Masa Kampanye Pemilu"', "name_en": '"Campaign period"',
             "start": "2023-11-28", "end": "2024-02-10", "tags": '["kampanye"]',
             "milestone": "true", "source": '"PKPU 3/2022, Lampiran"', **fields}
    return "\n[[stages]]\n" + "".join(f"{k} = {v}\n" for k, v in table.items() if v)


# Each pair: a copy whose value passes, then one whose equal (or same-looking) value does not.
TRAPS = [
    copy(1), copy(2, milestone="1"),  # 1 == True, but not a flag
    copy(3, updated="2024-01-01T00:00:00Z"), copy(4, updated="2024-01-01T07:00:00+07:00"),
    copy(5, zone='"Asia/Jakarta"'), copy(6, zone='"Asia/Jakarta"', start="2023-11-28T08:00:00",
                                         end="2024-02-10T17:00:00"),
    copy(7, revision="2"), copy(8, revision="2.0"),
    copy(9, tags='["kampanye"]'), copy(10, tags='["kampanye", ""]'),
    copy(11, start="2023-11-28T00:00:00", end="2024-02-10T00:00:00"),
    copy(12, start="2023-11-28T00:00:00+07:00", end="2024-02-10T00:00:00"),
    # The same problem twice, each at its own line.
    copy(13, source='"  "'), copy(14, source='"  "'),
    copy(15, zone='"Mars/Olympus"', start="2024-01-01T08:00:00", end="2024-01-01T09:00:00"),
    copy(16, zone='"Mars/Olympus"', start="2024-01-01T08:00:00", end="2024-01-01T09:00:00"),
    # Everything remembered but the id, or but a field it should not have.
    copy(17, id='"Bad_Id"'), copy(18, id='"bad-\\u0007"'), copy(19, sorce='"typo"'),
    copy(20, name=""), copy(21, election='"pemilu-2099"'), copy(22, state='"cancelled"'),
    copy(23, end="2023-01-01"), copy(24, undated="true"),
]


def test_remembered_values_give_every_problem_at_its_own_line() -> None:
    text = SMALL.read_text(encoding="utf-8") + "".join(TRAPS)
    _, remembered = validated(text)
    _, checked = validated(text, remember=False)
    assert remembered == checked
    assert [(p["stage"].rpartition("-r")[2], p["code"]) for p in remembered] == [
        ("2", "problem.type"), ("4", "problem.type"), ("5", "problem.zone_needs_time"),
        ("8", "problem.bad_number"), ("10", "problem.control"),
        ("12", "problem.offset_datetime"), ("13", "problem.empty"), ("14", "problem.empty"),
        ("15", "problem.unknown_zone"), ("16", "problem.unknown_zone"),
        ("pemilu-2024/Bad_Id", "problem.bad_id"), ("pemilu-2024/bad-\x07", "problem.control"),
        ("19", "problem.unknown_field_hint"), ("20", "problem.missing"),
        ("21", "problem.unknown_election"), ("22", "problem.reason_needed"),
        ("23", "problem.end_before_start"), ("24", "problem.undated_with_date")]
    lines = [p["line"] for p in remembered]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)  # each its own


def test_remembered_values_give_the_same_stages() -> None:
    text = bundled_path().read_text(encoding="utf-8")
    text += "".join(copy(n) for n in range(40))
    remembered, problems = validated(text)
    checked, _ = validated(text, remember=False)
    assert not problems

    def computed(schedule: Any) -> list[tuple[Any, ...]]:
        return [(s, s.dated_by_rule, s.estimated, s.region_zone, s.clock_zone)
                for s in schedule.stages]

    assert computed(remembered) == computed(checked)
    assert any(s.region_zone for s in remembered.stages)


def test_a_stage_given_a_zone_by_its_rule_keeps_no_region_zone() -> None:
    """As before the region's zone was set on checking: only a stage without a zone has one."""
    schedule, problems = validated(bundled_path().read_text(encoding="utf-8"))
    assert not problems
    for stage in schedule.stages:
        expected = validating.region_zone(schedule.regions, stage.region) \
            if stage.region and not stage.zone else None
        assert stage.region_zone == expected, stage.key


# --- the canonical check ------------------------------------------------------------------

def small_data() -> dict[str, Any]:
    return parse_toml(SMALL.read_text(encoding="utf-8"), "small.toml")


def test_the_canonical_text_is_canonical() -> None:
    data = small_data()
    text = canonical_text(data)
    assert is_canonical(data, text)
    assert is_canonical({}, "") and not is_canonical({}, "\n")


@pytest.mark.parametrize("change", [
    lambda text: text[:-1],  # no final newline
    lambda text: text + "\n",  # one more
    lambda text: text.rsplit("source", 1)[0] + 'source = "other"\n',  # the last stage only
    lambda text: text.rsplit("\n[[stages]]", 1)[0],  # the last stage gone
    lambda text: text + '\n[[stages]]\nid = "x"\n',  # a stage more
    lambda text: text.replace("\n\n", "\n", 1),  # a blank line fewer
])
def test_a_text_that_differs_anywhere_is_not_canonical(change: Any) -> None:
    data = small_data()
    text = change(canonical_text(data))
    assert text != canonical_text(data)
    assert not is_canonical(data, text)


class Unwritable(Mapping[str, Any]):
    """A stage the check must never reach."""

    def __getitem__(self, key: str) -> Any:
        raise AssertionError("written after the first difference")

    def __iter__(self) -> Iterator[str]:
        raise AssertionError("written after the first difference")

    def __len__(self) -> int:
        return 1


def test_the_check_stops_at_the_first_table_that_differs() -> None:
    data = small_data()
    text = canonical_text(data).replace("Masa Kampanye Pemilu", "Masa Kampanye", 1)
    data["stages"].append(Unwritable())
    assert not is_canonical(data, text)


# --- remembered lines ----------------------------------------------------------------------

UTC_7 = dt.timezone(dt.timedelta(hours=7))
VALUES = st.sampled_from([
    True, 1, 0, False, 1.0, -0.0, 0.0, "a", "a\tb", 'q"', "", [], ["a"], ["a", "b"], [1],
    ["a", 1], dt.date(2024, 1, 1), dt.datetime(2024, 1, 1), dt.datetime(2024, 1, 1, 7),
    dt.datetime(2024, 1, 1, tzinfo=dt.UTC), dt.datetime(2024, 1, 1, 7, tzinfo=UTC_7),
    {"years": 2}, {"years": True}])
STAGES = st.lists(st.dictionaries(st.sampled_from(["id", "name", "milestone", "revision",
                                                   "updated", "tags", "start", "x"]), VALUES,
                                  max_size=5)
                  .map(lambda stage: {**stage, **({"after": {"stage": "s", "days": 1}}
                                                  if len(stage) % 2 else {})}),
                  max_size=8)


@given(stages=STAGES)
def test_remembered_lines_are_the_lines_written_afresh(stages: list[dict[str, Any]]) -> None:
    """Equal values that are written otherwise (True and 1, -0.0 and 0.0, one instant at two
    offsets) each keep their own line."""
    data = {"elections": {"e": {"name": "E"}}, "stages": stages}
    afresh = "\n".join([*header_chunks(data), *(stage_chunk(s) for s in stages)])
    assert canonical_text(data) == afresh
    assert is_canonical(data, afresh)


def test_the_synthetic_regional_file_is_checked_like_the_bundled_one(tmp_path: Path) -> None:
    """The bundled stages copied per region, as the benchmark makes them: canonical once
    written so, and valid."""
    data = parse_toml(bundled_path().read_text(encoding="utf-8"), "stages.toml")
    stages = data["stages"]
    for region in range(3):
        for stage in list(stages[:20]):
            twin = dict(stage, id=f"{stage['id']}-r{region}")
            if "after" in twin:
                twin["after"] = dict(twin["after"], stage=f"{twin['after']['stage']}-r{region}")
            stages.append(twin)
    text = canonical_text(data)
    assert is_canonical(parse_toml(text, "f"), text)
    _, problems = validated(text)
    assert problems == validated(text, remember=False)[1]
