"""JSON and CSV exports: the same stage objects as `list --json`, and spreadsheet-safe CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pemilu_timeline.exports.csv import csv_row, spreadsheet_safe, to_csv
from pemilu_timeline.model import Stage
from pemilu_timeline.schedule.read import load_schedule
from pemilu_timeline.schedule.schema import csv_columns
from tests.helpers import run

ASSETS = Path(__file__).parent / "assets"
SMALL = ASSETS / "small.toml"
STATES = ASSETS / "export" / "states.toml"


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def stage(**fields: object) -> Stage:
    base: dict[str, object] = {
        "id": "x", "election": "e", "name": "Nama", "name_en": "Name",
        "start": dt.date(2024, 2, 14), "end": dt.date(2024, 2, 14), "source": "s"}
    return Stage(**{**base, **fields})  # type: ignore[arg-type]


# --- JSON -------------------------------------------------------------------------------------

@pytest.mark.parametrize("filters", [(), ("--tag", "kampanye"), ("--from", "2024-02-14")])
def test_json_is_what_list_json_prints(filters: tuple[str, ...]) -> None:
    args = ("-f", STATES, "--at", "2024-02-12", *filters)
    exported = run("export", "json", *args).stdout
    listed = run("list", *args, "--json").stdout
    assert json.loads(exported) == json.loads(listed)
    assert exported == listed


def test_json_keeps_pending_stages_and_says_so() -> None:
    data = json.loads(run("export", "json", "-f", STATES, "--at", "2024-02-12").stdout)
    pending = {s["key"]: s for s in data if s["status"] == "pending"}
    assert set(pending) == {"pemilu-2024/putusan-ulang", "pemilu-2024/penetapan-ulang"}
    assert pending["pemilu-2024/penetapan-ulang"]["start"] is None


def test_json_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = run("export", "json", "-f", SMALL, "--at", "2024-02-12", "-o", target)
    assert result.stdout == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 5


# --- CSV ----------------------------------------------------------------------------------------

def test_csv_has_the_header_and_one_row_per_stage() -> None:
    text = run("export", "csv", "-f", STATES).stdout
    assert text.splitlines()[0] == ",".join(csv_columns())
    table = rows(text)
    assert [r["id"] for r in table] == [s.id for s in load_schedule(STATES)]
    by_id = {r["id"]: r for r in table}
    assert by_id["putusan-ulang"]["start"] == ""  # pending: in CSV, with no date
    assert by_id["hitung-cepat"]["start"] == "2024-02-14T15:00:00"
    assert by_id["hitung-cepat"]["zone"] == "Asia/Jakarta"
    assert by_id["pemungutan-suara"]["updated"] == "2024-01-05T03:00:00Z"
    assert by_id["pemungutan-suara-putaran-2"]["state"] == "cancelled"
    assert by_id["penetapan-ulang"]["after"] == "pemilu-2024/putusan-ulang"
    assert "\nDESCRIPTION:injected\n" in by_id["sengketa-mk"]["note"]


def test_csv_dates_are_iso_and_the_end_is_the_last_day() -> None:
    table = rows(run("export", "csv", "-f", SMALL).stdout)
    tenang = next(r for r in table if r["id"] == "masa-tenang")
    assert (tenang["start"], tenang["end"]) == ("2024-02-11", "2024-02-13")
    for row in table:
        dt.date.fromisoformat(row["start"][:10])


def test_csv_rows_end_in_crlf_and_names_follow_lang() -> None:
    result = run("export", "csv", "-f", SMALL, "--lang", "en")
    raw = result.stdout_bytes
    assert raw.count(b"\r\n") == 6 and b"\n" not in raw.replace(b"\r\n", b"")
    assert "Quiet period" in [r["name"] for r in rows(result.stdout)]


def test_excel_adds_a_bom_and_plain_csv_has_none() -> None:
    assert run("export", "csv", "-f", SMALL, "--excel").stdout_bytes.startswith(b"\xef\xbb\xbf")
    assert not run("export", "csv", "-f", SMALL).stdout_bytes.startswith(b"\xef\xbb\xbf")
    text = run("export", "csv", "-f", SMALL, "--excel").stdout_bytes.decode("utf-8-sig")
    assert rows(text)[0]["id"] == "kampanye"


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+62 21 123", "'+62 21 123"), ("-2", "'-2"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\t=x", "'\t=x"), ("Masa Tenang", "Masa Tenang"),
    ("a=b", "a=b"), ("", ""),
    # blanks before the formula character, which spreadsheets skip
    (' =HYPERLINK("http://evil","x")', '\' =HYPERLINK("http://evil","x")'),
    ("\t =1", "'\t =1"), ("  +cmd", "'  +cmd"), ("\n@x", "'\n@x"), ("\u00a0-2", "'\u00a0-2"),
    ("\u3000=1", "'\u3000=1"), ("  Masa Tenang", "  Masa Tenang"), ("   ", "   "),
])
def test_spreadsheet_safe(value: str, cell: str) -> None:
    assert spreadsheet_safe(value) == cell


def test_formula_text_is_neutralised_in_every_text_column() -> None:
    row = csv_row(stage(name='=HYPERLINK("http://evil","x")', source="+cmd", note="@x",
                        url="=1", tags=("-tag",)), "id")
    assert row["name"].startswith("'=")
    assert row["source"] == "'+cmd"
    assert row["note"] == "'@x"
    assert row["url"] == "'=1"
    assert row["tags"] == "'-tag"


def test_formula_after_leading_blanks_is_neutralised() -> None:
    row = csv_row(stage(name=' =HYPERLINK("http://evil","x")', note="\t\t=1", source="  @x"),
                  "id")
    assert row["name"] == '\' =HYPERLINK("http://evil","x")'
    assert row["note"] == "'\t\t=1"
    assert row["source"] == "'  @x"


NOTE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=[
    chr(c) for c in [*range(0x09), *range(0x0B, 0x20), 0x7F]]), min_size=1, max_size=300)


@settings(max_examples=100, deadline=None)
@given(name=NOTE.filter(str.strip), note=NOTE)
def test_csv_round_trips_text(name: str, note: str) -> None:
    text = to_csv([stage(name=name.replace("\n", " "), note=note)], "id")
    (row,) = rows(text)
    assert row["name"] == spreadsheet_safe(name.replace("\n", " "))
    assert row["note"] == spreadsheet_safe(note)
