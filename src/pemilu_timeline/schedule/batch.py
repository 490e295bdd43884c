"""Stages from a file staff prepared, to add many in one change (`add --from-file`).

TOML holds ``[[stages]]`` tables as the schedule writes them; JSON a list of objects (or
``{"stages": [...]}``) with dates as ISO 8601 text; CSV a header of field names and a row per
stage (tags split at ';', no rules: those need a table). Each value is turned into what the
schedule file holds, and the stages are then checked as every added stage is.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from typing import Any

from pemilu_timeline.errors import InvalidInput
from pemilu_timeline.i18n.messages import Term, Worded
from pemilu_timeline.schedule import edit
from pemilu_timeline.schedule.schema import Kind

FORMATS = ("toml", "json", "csv")
Table = dict[str, Any]

_YES = {"true", "1", "ya", "yes", "y"}
_NO = {"false", "0", "tidak", "no", "n", ""}
_JSON_START = re.compile(r"\s*(?:\{|\[\s*[{\]])")


def format_of(name: str, text: str) -> str:
    """The format of a file: by its name's suffix; standard input by its first characters."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix in FORMATS:
        return suffix
    if _JSON_START.match(text):
        return "json"
    first = text.lstrip().partition("\n")[0]
    if "," in first and "=" not in first and "[" not in first:
        return "csv"
    return "toml"


def stage_tables(text: str, name: str, form: str | None = None) -> list[Table]:
    """The stage tables of a batch file, each value as the schedule file holds it."""
    form = form or format_of(name, text)
    if form == "toml":
        tables = _from_toml(text, name)
    elif form == "json":
        tables = [_converted(table, number, name) for number, table
                  in enumerate(_from_json(text, name), 1)]
    else:
        tables = [_converted(row, number, name, from_csv=True) for number, row
                  in enumerate(_from_csv(text, name), 1)]
    if not tables:
        raise InvalidInput("batch.empty", path=name)
    for number, table in enumerate(tables, 1):
        _check_shape(table, number, name)
    return tables


def _check_shape(table: Table, number: int, name: str) -> None:
    """Tables only where the schedule has one (a rule, and its far bound), lists only for
    tags: any other would be written as a table of its own and break the file's shape."""
    for field, value in table.items():
        item = edit.FIELDS.get(field)
        kind = item.kind if item is not None else None
        if kind is Kind.RULE:
            if not isinstance(value, dict) or not all(
                    _scalar(part) or (key == "latest" and isinstance(part, dict)
                                      and all(map(_scalar, part.values())))
                    for key, part in value.items()):
                raise InvalidInput("batch.rule_table", number=number)
        elif not (_scalar(value) or (kind is Kind.TAGS and isinstance(value, list)
                                     and all(map(_scalar, value)))):
            raise _bad_value(name, number, field, value, kind)


def _scalar(value: Any) -> bool:
    return not isinstance(value, list | dict)


def _bad_value(name: str, number: int, field: str, value: Any, kind: Kind | None = None
               ) -> InvalidInput:
    """The refusal of a value, shown as the file writes it, with what the field takes."""
    hint = {Kind.MOMENT: "batch.takes_date", Kind.FLAG: "batch.takes_flag",
            Kind.TAGS: "batch.takes_tags", Kind.COUNT: "batch.takes_number"}.get(
                kind, "batch.takes_text") if kind is not None else "batch.takes_no_null"
    return InvalidInput("batch.bad_value", path=name, number=number, field=field,
                        value=edit.visible(_shown(value))[:80], takes=Term(hint))


def _shown(value: Any) -> str:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(map(_shown, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_shown(v)}" for k, v in value.items()) + "}"
    return str(value)


def _from_toml(text: str, name: str) -> list[Table]:
    from pemilu_timeline.errors import ScheduleInvalid
    from pemilu_timeline.schedule.read import parse_toml

    try:
        data = parse_toml(text, name)
    except ScheduleInvalid as error:
        problem = error.problems[0]
        raise InvalidInput("batch.toml", path=name, line=problem.line or "?",
                           detail=Worded(lambda lang: problem.describe(lang).split(": ", 1)[-1])
                           ) from None
    extra = [key for key in data if key != "stages"]
    if extra:
        raise InvalidInput("batch.top_level", path=name, key=extra[0])
    return _tables(data.get("stages", []), name)


def _from_json(text: str, name: str) -> list[Table]:
    try:
        data = json.loads(text, object_pairs_hook=_no_key_twice)
    except _KeyTwice as twice:
        raise InvalidInput("batch.json_key_twice", path=name, key=twice.key) from None
    except json.JSONDecodeError as error:
        raise InvalidInput("batch.json", path=name, line=error.lineno, detail=error.msg) from None
    except RecursionError:
        raise InvalidInput("batch.json", path=name, line="?", detail="nesting too deep") from None
    except ValueError:  # a number past the interpreter's limits
        raise InvalidInput("batch.json", path=name, line="?", detail="number too long") from None
    if isinstance(data, dict) and set(data) == {"stages"}:
        data = data["stages"]
    return _tables(data, name)


class _KeyTwice(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_key_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when it names a field twice (else the last would win)."""
    table = dict(pairs)
    if len(table) != len(pairs):
        keys = [key for key, _ in pairs]
        raise _KeyTwice(next(key for key in keys if keys.count(key) > 1))
    return table


def _from_csv(text: str, name: str) -> list[Table]:
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), restkey="", restval=None)
        header = [field.strip() for field in reader.fieldnames or ()]
        rows = list(reader)
    except csv.Error as error:
        raise InvalidInput("batch.csv", path=name, detail=str(error)) from None
    twice = [field for field in header if header.count(field) > 1]
    if twice:
        raise InvalidInput("batch.csv_header_twice", path=name, field=twice[0])
    for number, row in enumerate(rows, 1):
        if "" in row or None in row.values():
            raise InvalidInput("batch.csv_columns", path=name, number=number)
    return [{k.strip(): v.strip() for k, v in row.items() if v and v.strip()} for row in rows]


def _tables(items: Any, name: str) -> list[Table]:
    if not isinstance(items, list):
        raise InvalidInput("batch.not_list", path=name)
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise InvalidInput("batch.not_table", path=name, number=number)
    return items


def _converted(table: Table, number: int, name: str, *, from_csv: bool = False) -> Table:
    """JSON's or CSV's values as TOML's: dates from ISO text, flags, tags, counts; null is
    a field left out (TOML has none, inside a list or table either)."""
    result: Table = {}
    for field, value in table.items():
        if value is None:
            continue
        if _holds_null(value):
            raise _bad_value(name, number, field, "null")
        item = edit.FIELDS.get(field)
        if item is None:
            result[field] = value  # unknown fields are named by the check of the stage
            continue
        if from_csv and item.kind is Kind.RULE:
            raise InvalidInput("batch.csv_rule", path=name, number=number)
        try:
            result[field] = _value(item.kind, value, from_csv)
        except ValueError:
            raise _bad_value(name, number, field, value, item.kind) from None
    return result


def _holds_null(value: Any) -> bool:
    if isinstance(value, list):
        return any(item is None or _holds_null(item) for item in value)
    if isinstance(value, dict):
        return any(item is None or _holds_null(item) for item in value.values())
    return False


def _value(kind: Kind, value: Any, from_csv: bool) -> Any:
    if not isinstance(value, str):
        return value
    if kind is Kind.MOMENT:
        text = value.strip()
        return dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
    if not from_csv:
        return value
    if kind is Kind.FLAG:
        word = value.strip().casefold()
        if word not in _YES | _NO:
            raise ValueError
        return word in _YES
    if kind is Kind.TAGS:
        return [tag.strip() for tag in value.split(";") if tag.strip()]
    if kind is Kind.COUNT:
        return int(value)
    return value
