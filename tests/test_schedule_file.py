"""Validation reports every problem at once, each with its place."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pemilu_timeline import ScheduleFileError, ScheduleInvalid, load_schedule, parse_schedule
from pemilu_timeline.schedule.locate import locate

HEADER = """\
[elections.pemilu-2024]
name = "Pemilihan Umum 2024"
name_en = "2024 General Election"
timezone = "Asia/Jakarta"
source = "PKPU Nomor 3 Tahun 2022"
"""
# One valid stage, to break or repeat.
STAGE_A = """
[[stages]]
id = "a"
election = "pemilu-2024"
name = "A"
name_en = "A"
start = 2024-02-11
source = "x"
"""


def problems(body: str) -> list[tuple[int | None, str | None, str | None, str]]:
    with pytest.raises(ScheduleInvalid) as error:
        parse_schedule(HEADER + textwrap.dedent(body), "s.toml")
    return [(p.line, p.stage, p.field, p.key) for p in error.value.problems]


def test_every_problem_is_reported_with_its_place() -> None:
    found = problems("""
        [[stages]]
        id = "a"
        election = "pemilu-2024"
        name = "A"
        name_en = "A"
        start = 2024-02-11
        end = 2024-02-10
        source = "x"

        [[stages]]
        id = "b"
        election = "pemilu-2099"
        name = "B"
        start = "11 Feb"
        source = "x"
        strat = 2024-01-01
        """)
    assert found == [
        (13, "pemilu-2024/a", "end", "problem.end_before_start"),
        (18, "pemilu-2099/b", "election", "problem.unknown_election"),
        (20, "pemilu-2099/b", "start", "problem.type"),
        (22, "pemilu-2099/b", "strat", "problem.unknown_field_hint"),
    ]


def test_messages_name_the_field_and_the_fix() -> None:
    with pytest.raises(ScheduleInvalid) as error:
        parse_schedule(HEADER + STAGE_A.replace("start =", "strat ="), "s.toml")
    text = error.value.message("en")
    assert "unknown field 'strat'; did you mean 'start'?" in text
    assert "{" not in text and "{" not in error.value.message("id")


def test_duplicate_ids_point_at_the_first() -> None:
    with pytest.raises(ScheduleInvalid) as error:
        parse_schedule(HEADER + STAGE_A * 2, "s.toml")
    (problem,) = error.value.problems
    assert problem.key == "problem.duplicate" and problem.line == 15
    assert "first at line 7" in problem.describe("en")


@pytest.mark.parametrize(("field", "value", "key"), [
    ("id", '"Masa Tenang"', "problem.bad_id"),
    ("name", '"a\\u0007b"', "problem.control"),
    ("name", '"  "', "problem.empty"),
    ("tags", '"kampanye"', "problem.type"),
    ("milestone", '"yes"', "problem.type"),
    ("zone", '"Mars/Olympus"', "problem.unknown_zone"),
    ("state", '"maybe"', "problem.bad_choice"),
    ("state", '"cancelled"', "problem.reason_needed"),
    ("revision", "0", "problem.bad_number"),
    ("updated", "2024-02-14T00:00:00", "problem.type"),
    ("start", "2024-02-11T07:00:00+07:00", "problem.offset_datetime"),
    ("end", "2024-02-11T07:00:00", "problem.mixed_kinds"),
])
def test_field_checks(field: str, value: str, key: str) -> None:
    fields = {"id": '"a"', "election": '"pemilu-2024"', "name": '"A"', "name_en": '"A"',
              "start": "2024-02-11", "source": '"x"', field: value}
    body = "[[stages]]\n" + "".join(f"{k} = {v}\n" for k, v in fields.items())
    assert [p[3] for p in problems(body)] == [key]


# What a terminal or a Unicode line reader would act on: C1 controls (U+0085 ends a line),
# line and paragraph separators, bidirectional controls.
UNSAFE = ["\\u0085", "\\u009b", "\\u2028", "\\u2029", "\\u202e", "\\u202a", "\\u2066",
          "\\u2069", "\\u200e", "\\u200f"]


@pytest.mark.parametrize("field", ["name", "source", "note", "url", "tags"])
@pytest.mark.parametrize("char", UNSAFE)
def test_unsafe_characters_are_refused_with_their_place(field: str, char: str) -> None:
    value = f'"a{char}UID:evil"'
    fields = {"id": '"a"', "election": '"pemilu-2024"', "name": '"A"', "name_en": '"A"',
              "start": "2024-02-11", "source": '"x"',
              field: f"[{value}]" if field == "tags" else value}
    body = "[[stages]]\n" + "".join(f"{k} = {v}\n" for k, v in fields.items())
    line = (HEADER + body).splitlines().index(f"{field} = {fields[field]}") + 1
    assert problems(body) == [(line, "pemilu-2024/a", field, "problem.control")]


def test_a_note_keeps_its_tabs_and_line_breaks() -> None:
    (stage,) = parse_schedule(HEADER + STAGE_A + 'note = "a\\tb\\nc"\n', "s.toml").stages
    assert stage.note == "a\tb\nc"


def test_impossible_date_is_a_toml_error_with_line_and_column() -> None:
    body = '[[stages]]\nid = "a"\nstart = 2024-02-30\n'
    found = problems(body)
    assert len(found) == 1 and found[0][0] == 8 and found[0][3] == "problem.toml"


def test_malformed_toml_has_line_and_column() -> None:
    with pytest.raises(ScheduleInvalid) as error:
        parse_schedule(HEADER + "[[stages]\n", "s.toml")
    (problem,) = error.value.problems
    assert (problem.line, problem.column) == (6, 9)
    assert problem.describe("en").startswith("s.toml:6:9: invalid TOML")


def test_unknown_election_zone() -> None:
    with pytest.raises(ScheduleInvalid) as error:
        parse_schedule(HEADER.replace("Asia/Jakarta", "Asia/Atlantis"), "s.toml")
    assert [p.key for p in error.value.problems] == ["problem.unknown_zone"]


def test_missing_file_says_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(ScheduleFileError) as error:
        load_schedule(tmp_path / "nope.toml")
    assert "pemilu-timeline init" in error.value.message("en")


def test_locate_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert locate().origin == "bundled"
    user = tmp_path / "xdg" / "pemilu-timeline" / "stages.toml"
    user.parent.mkdir(parents=True)
    user.write_text(HEADER)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert locate().origin == "user" and locate().path == user
    monkeypatch.setenv("PEMILU_TIMELINE_FILE", "env.toml")
    assert locate().origin == "environment"
    assert locate("opt.toml").origin == "option"


def test_a_bad_election_is_reported_once_as_an_election() -> None:
    text = HEADER.replace('timezone = "Asia/Jakarta"', 'timezone = "Mars/Base"')
    assert text != HEADER
    with pytest.raises(ScheduleInvalid) as error:
        parse_schedule(text + STAGE_A, "s.toml")
    (problem,) = error.value.problems  # its stages are not "unknown election" as well
    assert (problem.election, problem.stage, problem.field) == ("pemilu-2024", None, "timezone")
    assert "[election pemilu-2024, field timezone]" in problem.describe("en")
