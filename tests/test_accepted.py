"""What was accepted but wrong: an untranslated name that looked translated, a link that is no
link, a year nobody meant, a cancellation reason left on a confirmed stage, an empty file
called OK, and election problems placed on their table's first line."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import textwrap
from pathlib import Path

import pytest

from pemilu_timeline import ScheduleInvalid, parse_schedule
from pemilu_timeline.cli import edit as cli_edit
from pemilu_timeline.schedule.read import load_schedule
from pemilu_timeline.schedule.validate import unlikely_date
from pemilu_timeline.schedule.write import canonical_text
from tests.conftest import ASSETS
from tests.helpers import run, run_json

NOW = dt.datetime(2024, 2, 1, 3, 4, 5, tzinfo=dt.UTC)
ADD = ("add", "uji", "-e", "pemilu-2024", "--name", "Uji Coba", "--source", "uji")


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_edit, "_now", lambda: NOW)


def stage_table(path: Path, stage_id: str) -> str:
    """The [[stages]] table of ``stage_id`` as the file holds it."""
    for table in path.read_text(encoding="utf-8").split("[[stages]]\n")[1:]:
        if f'id = "{stage_id}"\n' in table:
            return table
    raise AssertionError(f"no stage {stage_id} in {path}")


def refused(path: Path, *args: str, said: str) -> None:
    """The command exits 1 with one line naming the problem and leaves the file as it was."""
    before = path.read_bytes()
    result = run(*args, "-f", path, "--lang", "en", code=1)
    assert result.stderr.count("\n") == 1 and said in result.stderr, result.stderr
    assert path.read_bytes() == before


# --- add without --name-en: untranslated, shown in Indonesian -------------------------------

def test_add_without_name_en_leaves_it_out_of_the_file(small_file: Path) -> None:
    out = run(*ADD, "--start", "2024-05-01", "-f", small_file, "--lang", "en").stdout
    assert out.startswith("Added pemilu-2024/uji: Uji Coba — 1 May 2024 (revision 1).")
    assert "name_en" not in stage_table(small_file, "uji")
    assert load_schedule(small_file).get("pemilu-2024/uji").display_name("en") == "Uji Coba"


def test_an_untranslated_stage_is_shown_and_exported_in_indonesian(small_file: Path) -> None:
    run(*ADD, "--start", "2024-05-01", "-f", small_file)
    (shown,) = [s for s in run_json("list", "-f", small_file) if s["id"] == "uji"]
    assert (shown["name"], shown["name_en"]) == ("Uji Coba", None)  # null: not translated
    assert "Uji Coba" in run("list", "-f", small_file, "--lang", "en").stdout
    rows = run("export", "csv", "-f", small_file, "--lang", "en").stdout.splitlines()
    assert any(row.startswith("pemilu-2024,uji,Uji Coba,") for row in rows)
    ical = run("export", "ical", "-f", small_file, "--lang", "en").stdout
    assert "SUMMARY:Uji Coba" in ical


def test_a_translated_stage_keeps_its_english_name(small_file: Path) -> None:
    run(*ADD, "--name-en", "Trial", "--start", "2024-05-01", "-f", small_file)
    assert 'name_en = "Trial"' in stage_table(small_file, "uji")
    (shown,) = [s for s in run_json("list", "-f", small_file) if s["id"] == "uji"]
    assert shown["name_en"] == "Trial"


def test_edit_name_en_empty_makes_it_untranslated_again(small_file: Path) -> None:
    run(*ADD, "--name-en", "Trial", "--start", "2024-05-01", "-f", small_file)
    out = run("edit", "uji", "-f", small_file, "--name-en", "", "--lang", "en").stdout
    assert "name (en): Trial → —" in out
    assert "name_en" not in stage_table(small_file, "uji")


def test_diff_shows_a_translation_added_to_an_untranslated_stage(small_file: Path,
                                                                  tmp_path: Path) -> None:
    run(*ADD, "--start", "2024-05-01", "-f", small_file)
    before = tmp_path / "before.toml"
    shutil.copyfile(small_file, before)
    run("edit", "uji", "-f", small_file, "--name-en", "Trial")
    assert "    name (en): — → Trial" in run("diff", before, small_file, "--lang", "en").stdout
    (changed,) = run_json("diff", before, small_file)["changed"]
    assert changed["changes"][0] == {"field": "name_en", "old": None, "new": "Trial"}


def test_a_file_without_name_en_loads_and_writes_back_without_it() -> None:
    text = (ASSETS / "small.toml").read_text(encoding="utf-8")
    text = text.replace('name_en = "Quiet period"\n', "")
    schedule = parse_schedule(text, "s.toml")
    assert schedule.get("pemilu-2024/masa-tenang").display_name("en") == "Masa Tenang"
    assert 'name_en = ""' not in canonical_text(schedule)
    assert parse_schedule(canonical_text(schedule)).stages == schedule.stages


def test_an_empty_name_en_in_a_file_is_still_a_problem() -> None:
    text = (ASSETS / "small.toml").read_text(encoding="utf-8")
    text = text.replace('name_en = "Quiet period"', 'name_en = ""')
    with pytest.raises(ScheduleInvalid) as error:
        parse_schedule(text, "s.toml")
    assert [(p.field, p.key) for p in error.value.problems] == [("name_en", "problem.empty")]


# --- --url: a web address or nothing --------------------------------------------------------

@pytest.mark.parametrize("url", ["not a url", "javascript:alert(1)", "ftp://kpu.go.id/x",
                                 "https://", "www.kpu.go.id"])
def test_add_refuses_a_url_that_is_no_web_address(small_file: Path, url: str) -> None:
    refused(small_file, *ADD, "--start", "2024-05-01", "--url", url,
            said="is not a web address")


@pytest.mark.parametrize("command", [("edit", "masa-tenang"), ("election", "edit", "pemilu-2024")])
def test_edit_refuses_a_url_that_is_no_web_address(small_file: Path,
                                                   command: tuple[str, ...]) -> None:
    refused(small_file, *command, "--url", "not a url", said="--url 'not a url' is not a web")


def test_a_good_url_is_kept(small_file: Path) -> None:
    run("edit", "masa-tenang", "-f", small_file, "--url", "https://www.kpu.go.id/x")
    assert 'url = "https://www.kpu.go.id/x"' in stage_table(small_file, "masa-tenang")


# --- a year nobody meant: warned, not refused -----------------------------------------------

def test_add_warns_of_a_start_before_1945(small_file: Path) -> None:
    result = run(*ADD, "--start", "1900-05-01", "-f", small_file)
    assert result.stderr.splitlines() == [
        "Peringatan: tanggal mulai pemilu-2024/uji adalah 1900-05-01, di luar tahun "
        "1945–2100; periksa tahunnya."]
    assert "start = 1900-05-01" in stage_table(small_file, "uji")  # kept: only a warning


def test_add_warns_in_english_of_an_end_after_2100(small_file: Path) -> None:
    result = run(*ADD, "--start", "2024-05-01", "--end", "2150-05-01", "-f", small_file,
                 "--lang", "en")
    assert result.stderr.splitlines() == [
        "Warning: the end date of pemilu-2024/uji is 2150-05-01, outside the years "
        "1945–2100; check the year."]


def test_a_plausible_date_is_not_warned_about(small_file: Path) -> None:
    assert run(*ADD, "--start", "2024-05-01", "-f", small_file).stderr == ""
    assert run("edit", "uji", "-f", small_file, "--start", "2029-02-14").stderr == ""


def test_edit_warns_of_its_stage_and_of_those_counted_from_it(tmp_path: Path) -> None:
    path = tmp_path / "relative.toml"
    shutil.copyfile(ASSETS / "relative.toml", path)
    result = run("edit", "putusan-mk", "-f", path, "--start", "2100-12-30", "--lang", "en")
    assert result.stderr.splitlines() == [
        "Warning: the start date of pemilu-2024/penetapan-terpilih is 2101-01-02, outside the "
        "years 1945–2100; check the year.",
        "Warning: the start date of pemilu-2024/pelantikan-persiapan is 2101-01-04, outside "
        "the years 1945–2100; check the year."]


def test_a_refused_edit_warns_of_nothing(small_file: Path) -> None:
    before = small_file.read_bytes()
    result = run("edit", "masa-tenang", "-f", small_file, "--start", "2150-01-01",
                 "--end", "2149-01-03", "--lang", "en", code=1)
    assert result.stderr.count("\n") == 1 and "Warning" not in result.stderr
    assert small_file.read_bytes() == before


@pytest.mark.parametrize(("day", "warned"), [
    (dt.date(1944, 12, 31), True), (dt.date(1945, 1, 1), False),
    (dt.date(2100, 12, 31), False), (dt.date(2101, 1, 1), True),
    (dt.datetime(1900, 5, 1, 7), True)])
def test_the_plausible_years_are_1945_to_2100(day: dt.date, warned: bool) -> None:
    text = (ASSETS / "small.toml").read_text(encoding="utf-8").replace(
        "start = 2024-02-14T07:00:00\nend = 2024-02-14T13:00:00\n",
        f"start = {day.isoformat()}\n")
    (stage,) = [s for s in parse_schedule(text) if s.id == "jam-pemungutan-suara"]
    assert (unlikely_date(stage) is not None) == warned


def test_validate_warns_with_the_line_and_stays_ok(small_file: Path) -> None:
    small_file.write_text(small_file.read_text().replace("start = 2024-02-11",
                                                         "start = 1924-02-11"))
    line = small_file.read_text().splitlines().index("start = 1924-02-11") + 1
    result = run("validate", small_file, "--lang", "en")
    assert result.stdout.startswith(f"OK: {small_file} — 1 election(s), 5 stage(s).")
    assert result.stderr.splitlines() == [
        f"Warning: {small_file}:{line}: the start date of pemilu-2024/masa-tenang is "
        "1924-02-11, outside the years 1945–2100; check the year."]
    data = json.loads(run("validate", small_file, "--json").stdout)
    assert data["valid"] is True
    assert [(w["stage"], w["field"], w["line"], w["date"]) for w in data["warnings"]] == [
        ("pemilu-2024/masa-tenang", "start", line, "1924-02-11")]


def test_validate_of_a_plausible_file_has_no_warnings(small_file: Path) -> None:
    assert run("validate", small_file).stderr == ""
    assert run_json("validate", small_file)["warnings"] == []


# --- --state confirmed clears the reason ----------------------------------------------------

def cancel(path: Path) -> None:
    run("edit", "rekapitulasi", "-f", path, "--state", "cancelled", "--reason", "Diganti",
        "--reason-en", "Replaced")


def test_confirming_a_cancelled_stage_clears_its_reason(small_file: Path) -> None:
    cancel(small_file)
    out = run("edit", "rekapitulasi", "-f", small_file, "--state", "confirmed",
              "--lang", "en").stdout.splitlines()
    assert out[:4] == ["Changed pemilu-2024/rekapitulasi (revision 3):",
                       "  state: cancelled → confirmed", "  reason: Diganti → —",
                       "  reason (en): Replaced → —"]
    assert "Reason cleared" in out[4]
    table = stage_table(small_file, "rekapitulasi")
    assert "reason" not in table and "state" not in table
    shown = run_json("show", "rekapitulasi", "-f", small_file)
    assert (shown["state"], shown["reason"], shown["reason_en"]) == ("confirmed", None, None)


def test_confirming_a_tentative_stage_clears_its_reason_in_indonesian(small_file: Path) -> None:
    run("edit", "rekapitulasi", "-f", small_file, "--state", "tentative", "--reason", "Mungkin")
    out = run("edit", "rekapitulasi", "-f", small_file, "--state", "confirmed").stdout
    assert "  alasan: Mungkin → —" in out and "Alasan dihapus" in out
    assert "reason" not in stage_table(small_file, "rekapitulasi")


def test_a_reason_with_state_confirmed_is_refused(small_file: Path) -> None:
    cancel(small_file)
    refused(small_file, "edit", "rekapitulasi", "--state", "confirmed", "--reason-en", "x",
            said="--reason-en does not go with --state confirmed")


def test_a_stage_without_a_reason_confirms_without_a_note(small_file: Path) -> None:
    run("edit", "rekapitulasi", "-f", small_file, "--state", "tentative")
    out = run("edit", "rekapitulasi", "-f", small_file, "--state", "confirmed").stdout
    assert "Alasan dihapus" not in out


# --- an empty file is not OK ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "\n\n", "# jadwal baru\n# belum diisi\n", "[elections]\n"],
                         ids=["empty", "blank", "comments", "no-election"])
def test_validate_of_a_file_without_elections_is_a_problem(tmp_path: Path, text: str) -> None:
    path = tmp_path / "stages.toml"
    path.write_text(text)
    result = run("validate", path, "--lang", "en", code=1)
    assert result.stdout == ""
    assert "the file holds no election" in result.stderr and "OK" not in result.stderr
    data = json.loads(run("validate", path, "--json", code=1).stdout)
    assert data["valid"] is False
    assert [p["code"] for p in data["problems"]] == ["problem.no_elections"]
    assert path.read_text() == text


def test_an_empty_file_can_still_be_started_with_election_add(tmp_path: Path) -> None:
    path = tmp_path / "stages.toml"
    path.write_text("")
    run("election", "add", "pilkada-2029", "-f", path, "--name", "Pilkada 2029",
        "--timezone", "WIB", "--source", "UU 10/2016")
    out = run("validate", path, "--lang", "en").stdout
    assert out.startswith(f"OK: {path} — 1 election(s), 0 stage(s).")


# --- election problems at their own lines ---------------------------------------------------

ELECTIONS = textwrap.dedent("""\
    # the elections
    [elections.pemilu-2024]
    name = "Pemilihan Umum 2024"
    name_en = "2024 General Election"
    timezone = "Mars/Olympus"
    source = "PKPU Nomor 3 Tahun 2022"
    url = "not a url"
    strat = 1

    [elections."pilkada-2024"]
    name_en = "Regional elections"
    timezone = "WIB"
    source = 5
    """)


def places(text: str) -> list[tuple[int | None, str | None, str | None, str]]:
    with pytest.raises(ScheduleInvalid) as error:
        parse_schedule(text, "s.toml")
    return [(p.line, p.election, p.field, p.key) for p in error.value.problems]


def test_election_problems_point_at_the_key_or_the_table() -> None:
    assert places(ELECTIONS) == [
        (5, "pemilu-2024", "timezone", "problem.unknown_zone"),
        (7, "pemilu-2024", "url", "problem.url"),
        (8, "pemilu-2024", "strat", "problem.unknown_field"),
        (10, "pilkada-2024", "name", "problem.missing"),  # missing: the table's line
        (13, "pilkada-2024", "source", "problem.type"),
    ]


def test_election_problems_in_dotted_keys_and_inline_tables() -> None:
    dotted = ('[elections]\npemilu-2024.name = "P"\npemilu-2024.name_en = "P"\n'
              'pemilu-2024.timezone = "Mars/X"\npemilu-2024.source = "s"\n')
    assert places(dotted) == [(4, "pemilu-2024", "timezone", "problem.unknown_zone")]
    inline = ('# one line\nelections = { pemilu-2024 = { name = "P", name_en = "P", '
              'timezone = "Mars/X", source = "s" } }\n')
    assert places(inline) == [(2, "pemilu-2024", "timezone", "problem.unknown_zone")]


def test_region_and_top_level_problems_have_lines() -> None:
    top = "# a typo at the top\nstagez = 1\n"
    text = top + (ASSETS / "small.toml").read_text(encoding="utf-8") + textwrap.dedent("""
        [regions.32]
        name = "Jawa Barat"
        kind = "provinsi"
        timezone = "Asia/Tokyo"
        source = "Kemendagri"
        """)
    lines = text.splitlines()
    assert places(text) == [
        (2, None, "stagez", "problem.top_level"),
        (lines.index('timezone = "Asia/Tokyo"') + 1, None, "regions.32.timezone",
         "problem.region_zone")]
