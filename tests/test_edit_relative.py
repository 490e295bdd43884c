"""Editing stages dated relative to another: `add/edit --after`, pending stages, `--undated`.

The fixture is tests/assets/relative.toml: putusan-mk (the Constitutional Court ruling) has
no date yet; penetapan-terpilih is "paling lambat 3 hari setelah" it; pelantikan-persiapan
"paling cepat 2 hari setelah" that, for 5 days.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from pemilu_timeline.cli import edit as cli_edit
from tests.conftest import ASSETS
from tests.helpers import run, run_json

NOW = dt.datetime(2024, 2, 1, 3, 4, 5, tzinfo=dt.UTC)
INAUGURATION = ("add", "pelantikan", "--name", "Pelantikan Anggota DPR",
                "--name-en", "Inauguration of DPR members", "--source", "UU 17/2014 Pasal 76")


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_edit, "_now", lambda: NOW)


@pytest.fixture
def relative_file(tmp_path: Path) -> Path:
    target = tmp_path / "stages.toml"
    shutil.copyfile(ASSETS / "relative.toml", target)
    return target


def shown(path: Path, stage: str, at: str) -> dict[str, Any]:
    """`show --json` with the clock frozen at ``at``."""
    data: dict[str, Any] = run_json("show", stage, "-f", path, "--at", at)
    return data


def listed(path: Path, at: str) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in run_json("list", "-f", path, "--at", at)}


# --- adding a relative stage ------------------------------------------------------------------

def test_a_stage_added_after_a_pending_one_is_pending_too(relative_file: Path) -> None:
    result = run(*INAUGURATION, "-f", relative_file, "--after", "penetapan-terpilih",
                 "--days", "10", "--sense", "at-earliest")
    assert result.stdout.splitlines() == [
        # It waits for the end of the chain: the ruling the winners' declaration waits for.
        "Ditambahkan pemilu-2024/pelantikan: Pelantikan Anggota DPR — menunggu Putusan MK "
        "(revisi 1).",
        "  Aturan: paling cepat 10 hari setelah Penetapan Calon Terpilih.",
        f"Berkas: {relative_file}"]
    added = listed(relative_file, "2024-04-01")["pelantikan"]
    assert (added["status"], added["start"], added["end"]) == ("pending", None, None)
    assert added["after"] == {
        "stage": "pemilu-2024/penetapan-terpilih", "days": 10, "sense": "at-earliest",
        "edge": "end", "duration": 1, "direction": "after", "years": 0, "months": 0,
        "working_days": 0, "hours": 0, "counting": "next-day", "latest": None,
        "computed": False}
    assert (added["revision"], added["updated"]) == (1, "2024-02-01T03:04:05Z")
    assert shown(relative_file, "pelantikan", "2024-04-01")["status"] == "pending"


def test_add_after_a_dated_stage_prints_the_computed_window(relative_file: Path) -> None:
    result = run("add", "pengumuman", "-f", relative_file, "--name", "Pengumuman Hasil",
                 "--name-en", "Results announced", "--source", "uji",
                 "--after", "pemilu-2024/pemungutan-suara", "--days", "3", "--duration", "2",
                 "--lang", "en")
    assert result.stdout.splitlines()[:2] == [
        "Added pemilu-2024/pengumuman: Results announced — 17–18 February 2024 (revision 1).",
        "  Rule: 3 days after Voting day."]
    stage = shown(relative_file, "pengumuman", "2024-02-17T12:00")
    assert (stage["status"], stage["start"], stage["end"]) == ("active", "2024-02-17",
                                                                "2024-02-18")
    assert stage["after"]["computed"] is True
    assert "start = " not in relative_file.read_text().split('id = "pengumuman"')[1]


def test_the_anchor_may_be_named_by_words_and_is_written_as_its_key(relative_file: Path
                                                                    ) -> None:
    run(*INAUGURATION, "-f", relative_file, "--after", "putusan mk", "--edge", "start")
    text = relative_file.read_text()
    assert '[stages.after]\nstage = "pemilu-2024/putusan-mk"\ndays = 0\nedge = "start"\n' in text


def test_an_undated_stage_is_added_without_a_start(relative_file: Path) -> None:
    result = run("add", "sengketa", "-f", relative_file, "--name", "Sengketa Hasil",
                 "--source", "UU 7/2017 Pasal 474", "--undated", "--lang", "en")
    assert result.stdout.startswith(
        "Added pemilu-2024/sengketa: Sengketa Hasil — date not yet known (revision 1).")
    stage = shown(relative_file, "sengketa", "2024-04-01")
    assert (stage["status"], stage["start"], stage["after"]) == ("pending", None, None)


# --- dating the anchor ----------------------------------------------------------------------

def test_dating_the_anchor_dates_every_stage_counted_from_it(relative_file: Path) -> None:
    run(*INAUGURATION, "-f", relative_file, "--after", "penetapan-terpilih", "--days", "10",
        "--sense", "at-earliest")
    result = run("edit", "putusan", "mk", "-f", relative_file, "--start", "22 April 2024")
    assert result.stdout.splitlines() == [
        "Diubah pemilu-2024/putusan-mk (revisi 2):",
        "  mulai: — → 2024-04-22",
        "  tanpa tanggal: ya → tidak",
        "  Dihitung darinya: pemilu-2024/penetapan-terpilih — paling lambat 25 April 2024.",
        "  Dihitung darinya: pemilu-2024/pelantikan-persiapan — 27 April – 1 Mei 2024.",
        "  Dihitung darinya: pemilu-2024/pelantikan — paling cepat 5 Mei 2024.",
        f"Berkas: {relative_file}"]
    stages = listed(relative_file, "2024-04-24T09:00")
    assert stages["putusan-mk"]["status"] == "past"
    winners = stages["penetapan-terpilih"]
    # A deadline: counted down to, dated on its day, its open side null.
    assert (winners["status"], winners["start"], winners["end"]) == (
        "upcoming", "2024-04-25", "2024-04-25")
    assert (winners["earliest"], winners["latest"]) == (None, "2024-04-25")
    assert winners["after"]["computed"] is True
    assert winners["window"] == {"start": "2024-04-25T00:00:00+07:00",
                                 "end": "2024-04-26T00:00:00+07:00"}
    assert (stages["pelantikan"]["status"], stages["pelantikan"]["start"]) == (
        "upcoming", "2024-05-05")
    assert "undated" not in relative_file.read_text()


def test_edit_changes_only_the_parts_of_a_rule_given(relative_file: Path) -> None:
    result = run("edit", "penetapan-terpilih", "-f", relative_file, "--days", "5",
                 "--lang", "en")
    assert "  rule: stage=putusan-mk, days=3, sense=at-latest → stage=pemilu-2024/putusan-mk, " \
           "days=5, sense=at-latest" in result.stdout
    assert "  Pending: waiting for Constitutional Court ruling." in result.stdout
    rule = shown(relative_file, "penetapan-terpilih", "2024-04-01")["after"]
    assert (rule["days"], rule["sense"], rule["duration"]) == (5, "at-latest", 1)
    before = relative_file.read_bytes()
    assert "Nothing changed" in run("edit", "penetapan-terpilih", "-f", relative_file,
                                    "--sense", "at-latest", "--lang", "en").stdout
    assert relative_file.read_bytes() == before


def test_no_after_with_a_date_makes_a_plain_stage(relative_file: Path) -> None:
    run("edit", "penetapan-terpilih", "-f", relative_file, "--no-after", "--start", "2024-04-25")
    stage = shown(relative_file, "penetapan-terpilih", "2024-04-25T10:00")
    assert (stage["after"], stage["start"], stage["status"]) == (None, "2024-04-25", "active")


def test_a_dated_stage_can_be_handed_to_a_rule(relative_file: Path) -> None:
    """`--start ''` drops the written date, so the rule dates the stage from then on."""
    run("edit", "debat-tambahan", "-f", relative_file, "--after", "pemungutan-suara",
        "--days", "1", "--start", "")
    stage = shown(relative_file, "debat-tambahan", "2024-02-15T10:00")
    assert (stage["start"], stage["end"], stage["after"]["computed"]) == (
        "2024-02-15", "2024-02-15", True)
    assert "2024-02-04" not in relative_file.read_text()


def test_undated_can_be_set_and_is_cleared_by_a_date(relative_file: Path) -> None:
    run("edit", "debat tambahan", "-f", relative_file, "--undated")
    assert shown(relative_file, "debat-tambahan", "2024-02-04")["start"] is None
    run("edit", "debat-tambahan", "-f", relative_file, "--start", "2024-02-05")
    assert shown(relative_file, "debat-tambahan", "2024-02-04")["start"] == "2024-02-05"
    assert relative_file.read_text().count("undated = true") == 1  # putusan-mk's own


# --- refusals: a clear line, the file byte-identical ----------------------------------------

REFUSED = [
    pytest.param(("edit", "putusan-mk", "--after", "pelantikan-persiapan"), 1,
                 "would make a cycle: pemilu-2024/putusan-mk → "
                 "pemilu-2024/pelantikan-persiapan → pemilu-2024/penetapan-terpilih → "
                 "pemilu-2024/putusan-mk", id="cycle"),
    pytest.param(("edit", "putusan-mk", "--after", "putusan-mk"), 1, "would make a cycle",
                 id="anchored-to-itself"),
    pytest.param((*INAUGURATION, "--after", "putusan-ma"), 1,
                 "--after: Unknown stage 'putusan-ma'. Close matches: putusan-mk.",
                 id="unknown-anchor"),
    pytest.param((*INAUGURATION, "--after", "pemilu-2029/putusan-mk"), 1,
                 "--after: Unknown stage", id="unknown-anchor-key"),
    pytest.param((*INAUGURATION, "--start", "2024-10-01", "--days", "3"), 2,
                 "need --after STAGE", id="days-without-after"),
    pytest.param((*INAUGURATION, "--sense", "at-latest", "--undated"), 2,
                 "need --after STAGE", id="sense-without-after"),
    pytest.param(("edit", "pemungutan-suara", "--days", "3"), 1,
                 "has no 'after' rule", id="edit-days-of-a-plain-stage"),
    pytest.param(INAUGURATION, 2, "Give --start, or --after STAGE", id="no-date-at-all"),
    pytest.param((*INAUGURATION, "--undated", "--after", "putusan-mk"), 2,
                 "--undated does not go with", id="undated-and-after"),
    pytest.param((*INAUGURATION, "--after", "putusan-mk", "--sense", "at-latest",
                  "--duration", "3"), 1,
                 "'duration' (--duration) does not apply to an at-latest bound",
                 id="duration-at-latest"),
    pytest.param((*INAUGURATION, "--after", "putusan-mk", "--zone", "WIB"), 1,
                 "--zone pins a timed stage", id="zone-without-time"),
    pytest.param(("edit", "penetapan-terpilih", "--no-after"), 1,
                 "has no date of its own", id="no-after-leaves-no-date"),
    pytest.param(("edit", "penetapan-terpilih", "--no-after", "--days", "2"), 2,
                 "--no-after does not go with", id="no-after-and-days"),
    pytest.param(("edit", "putusan-mk", "--no-undated"), 1, "give --start or --after",
                 id="no-undated-alone"),
    pytest.param(("edit", "penetapan-terpilih", "--undated"), 1, "add --no-after",
                 id="undated-but-ruled"),
    pytest.param(("edit", "pemungutan-suara", "--start", ""), 1,
                 "it then needs --after", id="start-removed-without-rule"),
    pytest.param(("edit", "debat-tambahan", "--after", "pemungutan-suara", "--days", "5"), 1,
                 "the result would be invalid: [stage pemilu-2024/debat-tambahan, field "
                 "after] the written date ", id="rule-contradicts-written-date"),
]


@pytest.mark.parametrize(("args", "code", "why"), REFUSED)
def test_refused(relative_file: Path, args: tuple[str, ...], code: int, why: str) -> None:
    before = relative_file.read_bytes()
    result = run(*args, "-f", relative_file, "--lang", "en", code=code)
    assert relative_file.read_bytes() == before
    assert why in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert f"{relative_file}:" not in result.stderr  # no line of a text never written


def test_a_cycle_is_refused_in_indonesian_by_default(relative_file: Path) -> None:
    before = relative_file.read_bytes()
    result = run("edit", "putusan-mk", "--after", "pelantikan-persiapan", "-f", relative_file,
                 code=1)
    assert result.stderr.startswith("Kesalahan: --after pemilu-2024/pelantikan-persiapan "
                                    "membuat lingkaran: ")
    assert relative_file.read_bytes() == before


# --- STAGE in several words -----------------------------------------------------------------

def test_remove_takes_the_stage_in_several_words(small_file: Path) -> None:
    result = run("remove", "masa", "tenang", "--yes", "-f", small_file)
    assert result.stdout.startswith("Dihapus pemilu-2024/masa-tenang: Masa Tenang — ")
    before = small_file.read_bytes()
    result = run("remove", "suara", "pemungutan", "--yes", "-f", small_file, "--lang", "en",
                 code=1)
    assert "matches several stages" in result.stderr
    assert small_file.read_bytes() == before

