"""rtoml reads the schedule files, tomli judges them: the same data (types and zones too) from
either parser on every TOML file here and on hostile text, and tomli's words and place for
what is not TOML."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest
import rtoml
import tomli

from pemilu_timeline.errors import ScheduleInvalid
from pemilu_timeline.schedule import read
from tests.conftest import ASSETS, SMALL
from tests.test_hostile import CASES, make

ROOT = Path(__file__).resolve().parent.parent

# Text where parsers are known to differ, or that is not TOML in some small way.
HOSTILE = {
    "duplicate key": 'a = 1\na = 2\n',
    "same key quoted": 'a = 1\n"a" = 2\n',
    "same key escaped": 'a = 1\n"\\u0061" = 2\n',
    "table twice": '[t]\nx = 1\n[t]\ny = 2\n',
    "table after its dotted keys": '[x]\na.b = 1\n[x.a]\nc = 1\n',
    "array of tables over a table": '[t]\n[[t]]\n',
    "inline table extended": 't = {a = 1}\n[t]\nb = 2\n',
    "inline table extended by dotted key": 't = {a = 1}\nt.b = 2\n',
    "static array appended": 'a = [1]\n[[a]]\n',
    "stage rule twice": '[[stages]]\nafter = {stage = "y"}\n[stages.after]\ndays = 1\n',
    "invalid escape": 'a = "\\q"\n',
    "surrogate escape": 'a = "\\uD800"\n',
    "escape beyond unicode": 'a = "\\U00110000"\n',
    "30 February": 'a = 2024-02-30\n',
    "29 February of a common year": 'a = 2023-02-29\n',
    "29 February of a leap year": 'a = 2024-02-29\n',
    "month 13": 'a = 2024-13-01\n',
    "hour 24": 'a = 2024-01-01T24:00:00\n',
    "second 60": 'a = 2024-01-01T23:59:60\n',
    "year 0": 'a = 0000-01-01\n',
    "offset": 'a = 2024-01-01T07:00:00+07:00\n',
    "negative offset with fraction": 'a = 2024-01-01T07:00:00.25-03:30\n',
    "Z": 'a = 2024-01-01T07:00:00Z\n',
    "lower-case z": 'a = 2024-01-01T07:00:00z\n',
    "-00:00": 'a = 2024-01-01T07:00:00-00:00\n',
    "+00:00": 'a = 2024-01-01T07:00:00+00:00\n',
    "offset of 24 hours": 'a = 2024-01-01T07:00:00+24:00\n',
    "offsets nested": 'x = [{a = 2024-01-01T07:00:00Z}, [2024-01-01T07:00:00+09:00]]\n'
                      '[[stages]]\nupdated = 2024-03-01T10:00:00+07:00\n',
    "local date-time": 'a = 2024-01-01T07:00:00\n',
    "local date-time with a space": 'a = 2024-01-01 07:00:00\n',
    "local date-time, nanoseconds": 'a = 2024-01-01T07:00:00.123456789\n',
    "local time": 'a = 07:00:00\n',
    "huge integer": 'a = 99999999999999999999999\n',
    "largest integer": 'a = 9223372036854775807\n',
    "integer of 5000 digits": 'a = ' + '1' * 5000 + '\n',
    "float past double": 'a = 1e400\n',
    "nan and infinity": 'a = nan\nb = -inf\nc = -0.0\n',
    "leading zero": 'a = 01\n',
    "nested arrays, 50 deep": 'a = ' + '[' * 50 + ']' * 50 + '\n',
    "nested arrays, 300 deep": 'a = ' + '[' * 300 + ']' * 300 + '\n',
    "nested arrays, 3000 deep": 'a = ' + '[' * 3000 + ']' * 3000 + '\n',
    "nested tables, 300 deep": 'a = ' + '{b = ' * 300 + '1' + '}' * 300 + '\n',
    "dotted key of 2000 parts": 'a' + '.a' * 2000 + ' = 1\n',
    "NUL in a string": 'a = "x\x00y"\n',
    "NUL in a comment": '# x\x00y\na = 1\n',
    "control character in a string": 'a = "x\x01y"\n',
    "DEL in a comment": '# x\x7f\na = 1\n',
    "CRLF": 'a = 1\r\nb = "x"\r\n[t]\r\nc = 2\r\n',
    "CRLF in a multi-line string": 'a = """\r\nx\r\ny"""\r\n',
    "CRLF in a multi-line literal string": "a = '''\r\nx\r\ny'''\r\n",
    "lone CR": 'a = 1\rb = 2\n',
    "byte order mark": '\ufeffa = 1\n',
    "byte order mark inside": 'a = 1\n\ufeffb = 2\n',
    "line separator": 'a = 1\u2028b = 2\n',
    "unterminated string": 'a = "x\n',
    "empty": '',
}


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (zones and dict order included)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and str(a) == str(b))
    if isinstance(a, dt.datetime | dt.time):
        return a == b and type(a.tzinfo) is type(b.tzinfo) and a.isoformat() == b.isoformat()
    return bool(a == b)


def tomli_alone(text: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any] | ScheduleInvalid:
    """What parse_toml gives with tomli alone: the data, or the refusal."""
    with monkeypatch.context() as patch:
        patch.setattr(read, "_fast_parse", lambda text: None)
        return outcome(text)


def outcome(text: str) -> dict[str, Any] | ScheduleInvalid:
    try:
        return read.parse_toml(text, "f.toml")
    except ScheduleInvalid as error:
        return error


def assert_same_outcome(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, judge = outcome(text), tomli_alone(text, monkeypatch)
    if isinstance(judge, ScheduleInvalid):
        assert isinstance(fast, ScheduleInvalid), fast
        assert [p.to_dict() for p in fast.problems] == [p.to_dict() for p in judge.problems]
    else:
        assert not isinstance(fast, ScheduleInvalid), fast.problems
        assert same(fast, judge)


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_reads_as_tomli_reads_it(name: str, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    assert_same_outcome(HOSTILE[name], monkeypatch)


@pytest.mark.parametrize("case", [c for c in CASES if "special" not in c], ids=lambda c: c["id"])
def test_each_hostile_case_reads_as_tomli_reads_it(case: dict[str, Any], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    data = make(case, tmp_path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8: refused before any parser")
    assert_same_outcome(text, monkeypatch)


TOML_FILES = sorted({*ROOT.glob("data/*.toml"), *ASSETS.rglob("*.toml"), ROOT / "pyproject.toml"})


@pytest.mark.parametrize("path", TOML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_both_parsers_read_every_toml_file_here_alike(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = read._fast_parse(text)
    assert fast is not None  # rtoml read it, not tomli
    assert same(fast, tomli.loads(text))


def test_what_rtoml_reads_otherwise_goes_to_tomli() -> None:
    """rtoml accepts a byte order mark and keeps CR in multi-line strings; tomli does not."""
    assert rtoml.loads("\ufeffa = 1\n") == {"a": 1}
    assert rtoml.loads('a = """\r\nx\r\ny"""\r\n') == {"a": "x\r\ny"}
    assert read.parse_toml('a = """\r\nx\r\ny"""\r\n', "f.toml") == {"a": "x\ny"}
    with pytest.raises(ScheduleInvalid) as refused:
        read.parse_toml("\ufeffa = 1\n", "f.toml")
    assert refused.value.problems[0].line == 1


def test_an_offset_is_the_standard_librarys_zone() -> None:
    data = read.parse_toml("a = 2024-01-01T07:00:00+07:00\nb = 2024-01-01T07:00:00Z\n", "f")
    assert data["a"].tzinfo == dt.timezone(dt.timedelta(hours=7))
    assert type(data["a"].tzinfo) is dt.timezone
    assert data["b"].tzinfo is dt.UTC


def test_what_tomli_refuses_keeps_its_words_and_place() -> None:
    with pytest.raises(ScheduleInvalid) as refused:
        read.parse_toml("a = 1\nb = 2024-02-30\n", "f.toml")
    problem = refused.value.problems[0]
    assert (problem.key, problem.line, problem.column) == ("problem.toml", 2, 5)
    assert problem.params["detail"] == "Invalid date or datetime"


def test_a_schedule_reads_the_same_through_either_parser(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    text = SMALL.read_text(encoding="utf-8")
    fast = read.parse_schedule(text, "small.toml")
    monkeypatch.setattr(read, "_fast_parse", lambda text: None)
    assert read.parse_schedule(text, "small.toml").stages == fast.stages
