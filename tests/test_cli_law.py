"""The law's calendar from the command line: `hitung`, `libur`, rules typed in `add`/`edit
--rule`, their derivation in `show`, and deadlines in countdowns, JSON and iCal."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from pemilu_timeline.cli import edit as cli_edit
from tests.conftest import ASSETS
from tests.helpers import run, run_json

NOW = dt.datetime(2024, 2, 1, 3, 4, 5, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_edit, "_now", lambda: NOW)


def hitung(phrase: str, *extra: str) -> dict[str, object]:
    data: dict[str, object] = run_json("hitung", phrase, *extra)
    return data


# --- hitung -----------------------------------------------------------------------------------

def test_fourteen_working_days_with_the_days_it_skipped() -> None:
    data = hitung("paling lambat 14 hari kerja sejak 25 Maret 2024")
    assert (data["earliest"], data["latest"], data["estimated"]) == (None, "2024-04-22", False)
    assert data["anchor"] == {"stage": None, "at": "2024-03-25"}
    skipped = data["skipped"]
    assert isinstance(skipped, list)
    assert [(d["date"], d["kind"]) for d in skipped][:3] == [
        ("2024-03-29", "libur-nasional"), ("2024-04-08", "cuti-bersama"),
        ("2024-04-09", "cuti-bersama")]
    assert all(d["source"] for d in skipped)
    out = run("hitung", "paling lambat 14 hari kerja sejak 25 Maret 2024").stdout
    assert "paling lambat Senin, 22 April 2024" in out
    assert "melewati: 29 Mar Wafat Yesus Kristus, 8–9 Apr Cuti Bersama" in out


def test_hours_from_a_moment_keep_its_zone_and_cross_midnight_in_another() -> None:
    data = hitung("3x24 jam sejak 20 Maret 2024 pukul 22.19 WIB")
    assert data["earliest"] == data["latest"] == "2024-03-23T22:19:00+07:00"
    data = hitung("3x24 jam sejak 20 Maret 2024 pukul 22.19 WIB", "--tz", "WIT")
    assert data["latest"] == "2024-03-24T00:19:00+09:00"
    out = run("hitung", "3x24 jam sejak 20 Maret 2024 pukul 22.19 WIB", "--tz", "WIT").stdout
    assert "Minggu, 24 Maret 2024 00.19 WIT" in out


def test_months_before_and_a_window_of_years() -> None:
    assert hitung("paling lambat 20 bulan sebelum 14 Februari 2024")["latest"] == "2022-06-14"
    data = hitung("paling singkat 2 tahun dan paling lama 2 tahun 6 bulan sejak "
                  "20 Oktober 2029")
    assert (data["earliest"], data["latest"]) == ("2031-10-20", "2032-04-20")
    assert hitung("paling lambat 14 (empat belas) hari sebelum 20 Oktober 2029")["latest"] \
        == "2029-10-06"


def test_english_phrase_and_output() -> None:
    out = run("hitung", "at the latest 14 working days from 25 March 2024", "--lang",
              "en").stdout
    assert "at the latest Monday, 22 April 2024" in out
    assert "skipping: 29 Mar Good Friday" in out
    # the English alias runs the same command
    assert run("calc", "at the latest 14 working days from 25 March 2024", "--json").stdout \
        == run("hitung", "paling lambat 14 hari kerja sejak 25 Maret 2024", "--json").stdout \
        .replace("paling lambat 14 hari kerja sejak 25 Maret 2024",
                 "at the latest 14 working days from 25 March 2024")


def test_an_estimated_holiday_makes_the_result_an_estimate() -> None:
    data = hitung("10 hari kerja setelah 12 Februari 2029")
    assert data["estimated"] is True
    out = run("hitung", "10 hari kerja setelah 12 Februari 2029").stdout
    assert "perkiraan" in out


@pytest.mark.parametrize(("phrase", "said"), [
    ("paling lambat lusa", "found 'lusa'"),
    ("3 hari sejak", "names no anchor"),
    ("14 (lima belas) hari sejak 1 Maret 2024", "differ"),
    ("3 jam sejak 1 Maret 2024", "counts from a time of day"),
    ("3 hari setelah 31 Februari 2024", "not a date on the calendar"),
    ("3 hari setelah berakhirnya masa jabatan", "hitung needs a date"),
    ("paling singkat 3 hari kerja dan paling lama 2 bulan sejak 1 Maret 2024",
     "one kind of unit"),
    ("3 hari setelah 1 Maret 2199 " + "x" * 600, "long"),
])
def test_an_unreadable_phrase_is_one_line_and_exit_1(phrase: str, said: str) -> None:
    result = run("hitung", phrase, "--lang", "en", code=1)
    assert result.stdout == ""
    assert said in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


# --- libur ------------------------------------------------------------------------------------

def test_libur_lists_holidays_and_cuti_bersama_with_kind_and_source() -> None:
    days = {d["date"]: d for d in run_json("libur", "2024")}
    assert days["2024-02-14"]["kind"] == "libur-nasional"  # voting day, by Keppres
    assert days["2024-04-08"]["kind"] == "cuti-bersama"
    assert set(days["2024-04-08"]) >= {"date", "name", "kind", "source", "estimated"}
    assert "SKB" in days["2024-04-08"]["source"]
    local = {d["date"]: d for d in run_json("libur", "2025") if d["kind"] == "libur-daerah"}
    assert local["2025-04-16"]["region"] == "Kabupaten Parigi Moutong"
    out = run("libur", "2025", "--lang", "en").stdout
    assert "collective leave" in out and "Parigi Moutong" in out


def test_libur_says_when_a_years_cuti_bersama_are_not_decreed() -> None:
    out = run("libur", "2029", "--lang", "en").stdout
    assert "not decreed yet" in out
    assert any(d["estimated"] for d in run_json("libur", "2029"))
    assert run("libur", "--at", "2026-12-01", "--json").stdout == \
        run("libur", "2026", "--json").stdout
    assert "outside" in run("libur", "1800", "--lang", "en", code=1).stderr


# --- rules in add, edit, show -------------------------------------------------------------

@pytest.fixture
def schedule_file(tmp_path: Path) -> Path:
    target = tmp_path / "stages.toml"
    shutil.copyfile(ASSETS / "relative.toml", target)
    return target


def add_ruled(path: Path, stage_id: str, rule: str, *extra: str, code: int = 0) -> str:
    result = run("add", stage_id, "-f", path, "--name", "Uji", "--name-en", "Test",
                 "--source", "uji", "--rule", rule, *extra, code=code)
    return result.stdout + result.stderr


def test_a_rule_typed_in_the_laws_words_is_stored_as_its_parts(schedule_file: Path) -> None:
    out = add_ruled(schedule_file, "batas",
                    "paling lambat 14 hari kerja sejak dimulainya pemungutan-suara")
    assert "paling lambat 14 hari kerja sejak dimulainya Pemungutan Suara" in out
    text = schedule_file.read_text()
    assert 'working_days = 14\ncounting = "anchor-day"' in text
    assert 'sense = "at-latest"\nedge = "start"' in text
    shown = run_json("show", "batas", "-f", schedule_file, "--at", "2024-02-20")
    derivation = shown["derivation"]
    assert derivation["rule"] == ("paling lambat 14 hari kerja sejak dimulainya Pemungutan "
                                  "Suara")
    assert derivation["anchor"]["stage"] == "pemilu-2024/pemungutan-suara"
    assert derivation["latest"] == shown["latest"] == shown["end"]
    assert shown["earliest"] is None


def test_the_explicit_flags_say_the_same_rule(schedule_file: Path) -> None:
    add_ruled(schedule_file, "dengan-kalimat", "paling lambat 20 bulan sebelum pemungutan-suara")
    run("add", "dengan-opsi", "-f", schedule_file, "--name", "Uji", "--source", "uji",
        "--after", "pemungutan-suara", "--months", "20", "--direction", "before",
        "--sense", "at-latest")
    first = run_json("show", "dengan-kalimat", "-f", schedule_file)
    second = run_json("show", "dengan-opsi", "-f", schedule_file)
    assert first["after"] == second["after"]
    assert first["start"] == second["start"]


def test_a_window_by_flags_and_editing_its_units(schedule_file: Path) -> None:
    run("add", "masa", "-f", schedule_file, "--name", "Uji", "--source", "uji",
        "--after", "pemungutan-suara", "--years", "2", "--sense", "window",
        "--latest", "2 tahun 6 bulan", "--counting", "anchor-day")
    shown = run_json("show", "masa", "-f", schedule_file)
    assert shown["after"]["latest"] == {"years": 2, "months": 6}
    # Giving a unit replaces the amount as a whole; the window's far bound stays.
    run("edit", "masa", "-f", schedule_file, "--months", "18")
    shown = run_json("show", "masa", "-f", schedule_file)
    assert (shown["after"]["years"], shown["after"]["months"]) == (0, 18)
    # A deadline has no far bound: changing the sense drops it.
    run("edit", "masa", "-f", schedule_file, "--sense", "at-latest")
    assert run_json("show", "masa", "-f", schedule_file)["after"]["latest"] is None


@pytest.mark.parametrize(("args", "said"), [
    (("--rule", "3 hari setelah pemungutan-suara", "--days", "2"), "--rule holds the whole"),
    (("--rule", "3 hari setelah tidak-ada"), "--rule: Unknown stage 'tidak-ada'"),
    (("--after", "pemungutan-suara", "--working-days", "3", "--days", "2"),
     "cannot be combined"),
    (("--after", "pemungutan-suara", "--sense", "window", "--years", "2"),
     "needs its far bound"),
    (("--after", "pemungutan-suara", "--latest", "2 tahun"), "only for a window"),
    (("--after", "pemungutan-suara", "--sense", "window", "--years", "2", "--latest",
      "3 kali"), "--latest"),
])
def test_a_rule_that_cannot_be_counted_is_refused(schedule_file: Path, args: tuple[str, ...],
                                                  said: str) -> None:
    before = schedule_file.read_bytes()
    result = run("add", "x", "-f", schedule_file, "--name", "Uji", "--source", "uji",
                 "--lang", "en", *args, code=result_code(args))
    assert said in result.stderr
    assert schedule_file.read_bytes() == before


def result_code(args: tuple[str, ...]) -> int:
    return 2 if "--rule" in args and "--days" in args else 1


def test_hours_from_an_anchor_without_a_time_is_refused(schedule_file: Path) -> None:
    out = add_ruled(schedule_file, "x", "3x24 jam sejak pemungutan-suara", "--lang", "en",
                    code=1)
    assert "has only a date" in out


def test_a_deadline_is_counted_down_to_the_end_of_its_day(schedule_file: Path) -> None:
    add_ruled(schedule_file, "batas", "paling lambat 3 hari setelah pemungutan-suara",
              "--milestone")
    data = run_json("countdown", "batas", "-f", schedule_file, "--at", "2024-02-15T12:00")
    assert data["target"] == "deadline"
    assert data["label"] == "H-2"
    assert data["target_at"] == "2024-02-18T00:00:00+07:00"
    out = run("countdown", "batas", "-f", schedule_file, "--at", "2024-02-15T12:00").stdout
    assert "menuju batas akhir" in out


def test_ical_writes_a_deadline_on_its_day_and_says_it_is_a_limit(schedule_file: Path,
                                                                  tmp_path: Path) -> None:
    add_ruled(schedule_file, "batas", "paling lambat 3 hari setelah pemungutan-suara")
    target = tmp_path / "out.ics"
    run("export", "ical", "-f", schedule_file, "-o", target, "--lang", "en")
    events = target.read_text().replace("\n ", "").split("BEGIN:VEVENT")
    event = next(e for e in events if "UID:pemilu-2024.batas@" in e)
    assert "DTSTART;VALUE=DATE:20240217" in event
    assert "DTEND;VALUE=DATE:20240218" in event
    assert "This day is the deadline" in event


def test_ical_and_list_say_an_estimate_is_one(schedule_file: Path, tmp_path: Path) -> None:
    text = schedule_file.read_text().replace("2024-02-14", "2029-02-12")
    schedule_file.write_text(text)
    add_ruled(schedule_file, "batas", "10 hari kerja setelah pemungutan-suara")
    assert run_json("show", "batas", "-f", schedule_file)["estimated"] is True
    assert "(perkiraan)" in run("list", "-f", schedule_file).stdout
    target = tmp_path / "out.ics"
    run("export", "ical", "-f", schedule_file, "-o", target, "--lang", "en")
    assert "Estimated: the count passes a holiday" in target.read_text().replace("\n ", "")


def test_csv_carries_the_rule_and_its_bounds(schedule_file: Path, tmp_path: Path) -> None:
    import csv

    add_ruled(schedule_file, "batas", "paling lambat 3 hari setelah pemungutan-suara")
    target = tmp_path / "out.csv"
    run("export", "csv", "-f", schedule_file, "-o", target)
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    row = next(r for r in rows if r["id"] == "batas")
    assert row["after"] == "pemilu-2024/pemungutan-suara"
    assert row["rule"] == "paling lambat 3 hari setelah pemilu-2024/pemungutan-suara"
    assert (row["earliest"], row["latest"], row["estimated"]) == ("", "2024-02-17", "false")


# --- what a review of the first version found ---------------------------------------------

def test_days_added_to_months_count_on_from_the_same_day_number() -> None:
    assert hitung("1 bulan sejak 1 Januari 2024")["latest"] == "2024-02-01"
    assert hitung("1 bulan 1 hari sejak 1 Januari 2024")["latest"] == "2024-02-02"
    assert hitung("3 hari sejak 1 Maret 2024")["latest"] == "2024-03-03"


def test_hours_are_elapsed_time_across_a_daylight_saving_change() -> None:
    # 30 March 2024 12.00 in Berlin is UTC+1; 24 hours on, the clock says 13.00 (UTC+2).
    data = hitung("24 jam setelah 30 Maret 2024 pukul 12.00", "--tz", "Europe/Berlin")
    assert data["latest"] == "2024-03-31T13:00:00+02:00"


@pytest.mark.parametrize(("phrase", "said"), [
    ("² hari setelah 1 Januari 2024", "expected an amount of time"),
    ("١٤ hari setelah 1 Januari 2024", "expected an amount of time"),
    ("36501 hari setelah 1 Januari 2024", "PHRASE (days) is at most 36500"),
    ("3 hari setelah -1 Januari 2024", "is not a date I can read"),
    ("3 hari\u2028setelah 1 Januari 2024", "control character U+2028"),
])
def test_more_phrases_that_are_refused_in_one_line(phrase: str, said: str) -> None:
    result = run("hitung", phrase, "--lang", "en", code=1)
    assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("args", "said"), [
    (("--rule", "36501 hari setelah pemungutan-suara"), "--rule (days) is at most 36500"),
    (("--after", "pemungutan-suara", "--sense", "window", "--years", "2", "--latest",
      "200 tahun"), "--latest (years) is at most 100"),
    (("--after", "pemungutan-suara", "--sense", "window", "--years", "2", "--latest", ""),
     "--latest needs an amount"),
    (("--after", "pemungutan-suara", "--days", "14", "--direction", "before", "--counting",
      "anchor-day"), "only counts forward"),
    (("--after", "pemungutan-suara", "--sense", "window", "--years", "2"),
     "--latest on the command line"),
])
def test_edit_refusals_name_the_options_given(schedule_file: Path, args: tuple[str, ...],
                                              said: str) -> None:
    before = schedule_file.read_bytes()
    result = run("add", "x", "-f", schedule_file, "--name", "Uji", "--source", "uji",
                 "--lang", "en", *args, code=1)
    assert said in result.stderr
    assert schedule_file.read_bytes() == before


def test_a_rule_part_of_the_wrong_type_is_named_on_its_own_line(tmp_path: Path) -> None:
    text = (ASSETS / "relative.toml").read_text().replace(
        'stage = "putusan-mk"\ndays = 3', 'stage = 3\ndays = 3\nlatest = true', 1)
    bad = tmp_path / "bad.toml"
    bad.write_text(text)
    lines = text.splitlines()
    result = run("validate", bad, "--lang", "en", code=1)
    stage_line = lines.index("stage = 3") + 1
    assert f"bad.toml:{stage_line}: " in result.stderr
    assert "'after.stage' must be text, not 3" in result.stderr
    assert f"bad.toml:{stage_line + 2}: " in result.stderr and "not true" in result.stderr
