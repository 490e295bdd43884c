"""The elections of today (December 2026): the 2025 re-votes, the KPU selection, the 2029
cycle as the law fixes it, the regional election after MK 135, regions, and elections kept
by command. Key dates are pinned; the ones the law derives are checked as rules."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from pemilu_timeline import load_schedule
from pemilu_timeline.errors import AmbiguousRegion, RegionNotFound
from pemilu_timeline.model import Schedule, Sense, State
from pemilu_timeline.schedule.locate import bundled_path
from tests.helpers import run, run_json

D = dt.date
TODAY = "2026-12-01"


@pytest.fixture(scope="module")
def bundled() -> Schedule:
    return load_schedule(bundled_path())


def dates(schedule: Schedule, key: str) -> tuple[object, object]:
    stage = schedule.get(key)
    assert stage is not None, key
    return stage.start, stage.end


# --- what the law fixes -----------------------------------------------------------------------

@pytest.mark.parametrize(("key", "start", "end"), [
    # five years from the 2024 oaths, and what UU 7/2017 counts from them
    ("pemilu-2029/sumpah-presiden", D(2029, 10, 20), D(2029, 10, 20)),
    ("pemilu-2029/sumpah-dpr-dpd", D(2029, 10, 1), D(2029, 10, 1)),
    ("pemilu-2029/penetapan-paslon-terpilih", D(2029, 10, 6), D(2029, 10, 6)),
    # KPU and Bawaslu: five years from 12 April 2022; the selection counted back from it
    ("kpu-bawaslu-2027/akhir-masa-jabatan", D(2027, 4, 12), D(2027, 4, 12)),
    ("kpu-bawaslu-2027/batas-pembentukan-timsel", D(2026, 10, 12), D(2026, 10, 12)),
    ("kpu-bawaslu-2027/batas-seleksi-timsel", D(2027, 1, 12), D(2027, 1, 12)),
    # MK 135: 2 years to 2 years 6 months from each of the two inaugurations it names
    ("pemilu-daerah-2031/pemungutan-suara-acuan-dpr-dpd", D(2031, 10, 1), D(2032, 4, 1)),
    ("pemilu-daerah-2031/pemungutan-suara-acuan-presiden", D(2031, 10, 20), D(2032, 4, 20)),
])
def test_dates_the_law_derives_are_rules_not_typed_dates(
        bundled: Schedule, key: str, start: dt.date, end: dt.date) -> None:
    stage = bundled.get(key)
    assert stage is not None and stage.after is not None and stage.dated_by_rule
    assert (stage.start, stage.end) == (start, end)


def test_the_2029_voting_day_is_undated_and_what_counts_from_it_waits(
        bundled: Schedule) -> None:
    voting = bundled.get("pemilu-2029/pemungutan-suara")
    assert voting is not None and voting.start is None and voting.after is None
    for stage_id in ("awal-tahapan", "batas-jadwal-pendaftaran-parpol", "batas-penetapan-parpol",
                     "masa-tenang", "akhir-kampanye"):
        stage = bundled.get(f"pemilu-2029/{stage_id}")
        assert stage is not None and stage.start is None and stage.after is not None, stage_id
    start = bundled.get("pemilu-2029/awal-tahapan")
    assert start is not None and start.after is not None
    assert (start.after.months, start.after.sense) == (20, Sense.AT_LATEST)


def test_the_two_readings_of_mk_135_are_tentative(bundled: Schedule) -> None:
    for reading in ("dpr-dpd", "presiden"):
        stage = bundled.get(f"pemilu-daerah-2031/pemungutan-suara-acuan-{reading}")
        assert stage is not None and stage.state is State.TENTATIVE and stage.condition
    assert dates(bundled, "pemilu-daerah-2031/putusan-mk-135") == (D(2025, 6, 26),) * 2


# --- the 2025 re-votes ----------------------------------------------------------------------

def test_every_re_vote_mk_ordered_has_its_day_region_and_case(bundled: Schedule) -> None:
    votes = [s for s in bundled if s.election == "psu-pilkada-2025"
             and s.id.startswith("psu-")]
    assert len(votes) == 25  # the 24 ordered on 24 February 2025, and Barito Utara's second
    for stage in votes:
        assert stage.region in bundled.regions, stage.key
        assert "PHPU" in stage.source or "MK" in stage.source, stage.key
        assert isinstance(stage.start, dt.date)
        # KPU held them on Saturdays, and four regions on a Wednesday declared a holiday
        assert stage.start.strftime("%A") in ("Saturday", "Wednesday"), stage.key
    assert dates(bundled, "psu-pilkada-2025/putusan-mk-psu") == (D(2025, 2, 24),) * 2
    assert dates(bundled, "psu-pilkada-2025/psu-kab-serang") == (D(2025, 4, 19),) * 2
    assert dates(bundled, "psu-pilkada-2025/psu-prov-papua") == (D(2025, 8, 6),) * 2
    assert dates(bundled, "psu-pilkada-2025/pelantikan-gubernur-papua") == (D(2025, 10, 8),) * 2
    assert dates(bundled, "pdpb/rekapitulasi-pdpb-nasional-2025-semester-2") == \
        (D(2025, 12, 17),) * 2


def test_regions_have_codes_zones_and_sources(bundled: Schedule) -> None:
    provinces = [r for r in bundled.regions.values() if "." not in r.code]
    assert len(provinces) == 38
    assert all(r.timezone and r.source for r in provinces)
    assert bundled.region_zone("61") == "Asia/Pontianak"  # Kalimantan Barat
    assert bundled.region_zone("91") == "Asia/Jayapura"  # Papua
    serang = bundled.find_region("Kab. Serang")
    assert (serang.code, bundled.region_zone(serang.code)) == ("36.04", "Asia/Jakarta")
    assert bundled.region_label("36.04") == "Kabupaten Serang, Banten"
    assert bundled.find_region("papua").code == "91"
    with pytest.raises(AmbiguousRegion):
        bundled.find_region("barat")
    with pytest.raises(RegionNotFound):
        bundled.find_region("Atlantis")


# --- what a reporter sees today ---------------------------------------------------------------

def test_now_today_names_the_next_deadline_and_what_waits(tmp_path: Path) -> None:
    data = run_json("now", "--at", TODAY)
    assert data["active"] == []
    assert data["next"]["key"] == "kpu-bawaslu-2027/batas-seleksi-timsel"
    assert data["next"]["latest"] == "2027-01-12" and data["next"]["earliest"] is None
    pending = {s["key"] for s in data["pending"]}
    assert {"pemilu-2029/pemungutan-suara", "pemilu-2029/awal-tahapan",
            "kpu-bawaslu-2027/sumpah-anggota-2027"} <= pending
    out = run("now", "--at", TODAY, "--lang", "en").stdout
    assert "Next: Deadline for the selection team's work" in out
    assert "2029 General Election (6): 2029 election voting day — date not yet known" in out


def test_countdown_today_counts_to_the_next_deadline() -> None:
    data = run_json("countdown", "--at", TODAY)
    assert (data["stage"]["key"], data["target"], data["label"]) == (
        "kpu-bawaslu-2027/batas-seleksi-timsel", "deadline", "H-42")


def test_now_in_2025_shows_the_re_votes_of_the_day() -> None:
    data = run_json("now", "--at", "2025-04-19T10:00")
    active = {s["key"] for s in data["active"]}
    assert "psu-pilkada-2025/psu-kab-serang" in active
    assert "psu-pilkada-2025/psu-kab-tasikmalaya" in active


def test_region_filters_and_reads_times_in_its_zone() -> None:
    # The region's own stages, and those that hold everywhere (no region), not another's.
    rows = run_json("list", "--region", "Kab. Serang", "-e", "psu-pilkada-2025")
    assert [r["key"] for r in rows] == ["psu-pilkada-2025/putusan-mk-psu",
                                        "psu-pilkada-2025/psu-kab-serang"]
    assert [r["region"] for r in rows] == [None, "36.04"]
    assert run_json("list", "--region", "3604", "-e", "psu-pilkada-2025") == rows
    # A kabupaten also sees its province's stages: Bangka's re-run shares one schedule.
    bangka = {r["key"] for r in run_json("list", "--region", "Kab. Bangka")}
    assert "psu-pilkada-2025/kampanye-pemilihan-ulang" in bangka
    assert "psu-pilkada-2025/pemilihan-ulang-kota-pangkalpinang" not in bangka
    assert run_json("list", "--region", "Pangkalpinang", "-e", "pemilu-2029")  # national too
    papua = run_json("now", "--region", "papua", "--at", "2025-08-06T10:00")
    assert papua["timezone"] == "Asia/Jayapura"
    assert [s["key"] for s in papua["active"]] == ["psu-pilkada-2025/psu-prov-papua"]
    result = run("list", "--region", "barat", "--lang", "en", code=1)
    assert "matches several regions" in result.stderr
    result = run("list", "--region", "Atlantis", "--lang", "en", code=1)
    assert "Unknown region 'Atlantis'" in result.stderr


def test_ical_puts_the_region_in_location(tmp_path: Path) -> None:
    target = tmp_path / "psu.ics"
    run("export", "ical", "--region", "serang", "-o", target)
    text = target.read_text().replace("\n ", "")
    assert "LOCATION:Kabupaten Serang\\, Banten" in text


def test_the_data_covers_line_when_nothing_is_on_or_next(tmp_path: Path) -> None:
    out = run("now", "--at", "2040-01-01", "--lang", "en").stdout
    assert "The data covers 12 April 2022 – " in out and "--at 2022-04-12" in out


# --- elections by command -----------------------------------------------------------------

def test_an_election_added_by_command_takes_stages(tmp_path: Path) -> None:
    path = tmp_path / "stages.toml"
    shutil.copyfile(bundled_path(), path)
    result = run("add", "x", "-f", path, "--election", "pemilu-2034", "--name", "X",
                 "--start", "2034-02-14", "--source", "s", "--lang", "en", code=1)
    assert "pemilu-timeline election add pemilu-2034" in result.stderr
    out = run("election", "add", "pemilu-2034", "-f", path, "--name", "Pemilihan Umum 2034",
              "--timezone", "WIB", "--source", "UU 7/2017", "--lang", "en").stdout
    assert "Added election pemilu-2034: Pemilihan Umum 2034 (Asia/Jakarta)." in out
    run("add", "x", "-f", path, "--election", "pemilu-2034", "--name", "X",
        "--start", "2034-02-14", "--source", "s")
    listed = {e["id"]: e for e in run_json("election", "list", "-f", path)}
    assert listed["pemilu-2034"]["stages"] == 1
    assert listed["pemilu-2034"]["name_en"] == "Pemilihan Umum 2034"
    out = run("election", "edit", "pemilu-2034", "-f", path, "--name-en", "2034 election",
              "--lang", "en").stdout
    assert "Pemilihan Umum 2034 → 2034 election" in out
    before = path.read_bytes()
    result = run("election", "remove", "pemilu-2034", "-f", path, "--lang", "en", code=1)
    assert "still has stages (1)" in result.stderr and path.read_bytes() == before
    run("remove", "pemilu-2034/x", "-f", path, "--yes")
    run("election", "remove", "pemilu-2034", "-f", path)
    assert "pemilu-2034" not in {e["id"] for e in run_json("election", "list", "-f", path)}


@pytest.mark.parametrize(("args", "said"), [
    (("--name", "X", "--source", "s"), "A new election needs --timezone"),
    (("--name", "X", "--source", "s", "--timezone", "Mars/Base"), "--timezone 'Mars/Base'"),
    (("--name", "X\x1b[2J", "--timezone", "WIB", "--source", "s"), "control character"),
])
def test_a_bad_election_is_refused_and_the_file_kept(tmp_path: Path, args: tuple[str, ...],
                                                     said: str) -> None:
    path = tmp_path / "stages.toml"
    shutil.copyfile(bundled_path(), path)
    before = path.read_bytes()
    result = run("election", "add", "pemilu-2034", "-f", path, "--lang", "en", *args, code=1)
    assert said in result.stderr and path.read_bytes() == before


def test_a_regions_table_is_checked(tmp_path: Path) -> None:
    text = bundled_path().read_text().replace('[regions.11]\n', '[regions.1]\n', 1)
    text = text.replace('region = "36.04"', 'region = "36.99"', 1)
    bad = tmp_path / "bad.toml"
    bad.write_text(text)
    result = run("validate", bad, "--lang", "en", code=1)
    assert "region code '1' is not a Kemendagri code" in result.stderr
    assert "region '36.99' is not in this file's regions table" in result.stderr


def test_a_stage_names_its_region_by_command(tmp_path: Path) -> None:
    path = tmp_path / "stages.toml"
    shutil.copyfile(bundled_path(), path)
    run("add", "rapat", "-f", path, "--election", "psu-pilkada-2025", "--name", "Rapat",
        "--start", "2025-04-01", "--source", "s", "--region", "Kab. Serang")
    assert run_json("show", "psu-pilkada-2025/rapat", "-f", path)["region"] == "36.04"
    out = run("edit", "psu-pilkada-2025/rapat", "-f", path, "--region", "papua",
              "--lang", "en").stdout
    assert "region: 36.04 → 91" in out
    run("edit", "psu-pilkada-2025/rapat", "-f", path, "--region", "")
    assert run_json("show", "psu-pilkada-2025/rapat", "-f", path)["region"] is None
    before = path.read_bytes()
    result = run("edit", "psu-pilkada-2025/rapat", "-f", path, "--region", "Atlantis",
                 "--lang", "en", code=1)
    assert "Unknown region 'Atlantis'" in result.stderr and path.read_bytes() == before


def test_a_stage_held_in_a_region_is_on_its_clock() -> None:
    # 23.30 WIB on 6 August 2025 is already 7 August in Papua: its re-vote day is over.
    keys = {s["key"] for s in run_json("now", "--at", "2025-08-06T23:30", "--tz", "WIB")["active"]}
    assert "psu-pilkada-2025/psu-prov-papua" not in keys
    assert "psu-pilkada-2025/psu-kab-barito-utara-2" in keys  # Kalimantan Tengah, on WIB


def test_pending_stages_name_what_they_wait_for_at_the_end_of_the_chain() -> None:
    result = run("countdown", "pemilu-2029/akhir-kampanye", "--lang", "en", code=1)
    assert "waits for pemilu-2029/pemungutan-suara" in result.stderr
    result = run("countdown", "pemilu-2029/pemungutan-suara", "--lang", "en", code=1)
    assert "it is not known" in result.stderr
    out = run("list", "-e", "pemilu-2029", "--status", "pending", "--lang", "en").stdout
    assert "waiting for Quiet period" not in out


def test_a_tentative_stage_says_so_where_no_status_column_does() -> None:
    out = run("now", "--at", "2031-11-01", "--lang", "en").stdout
    assert "(tentative)" in out
    out = run("countdown", "pemungutan-suara-acuan-presiden", "--at", "2031-01-01",
              "--lang", "en").stdout
    assert "(tentative)" in out


@pytest.mark.parametrize(("edit", "said"), [
    (('[regions.36]\nname = "Banten"\nkind = "provinsi"',
      '[regions.36]\nname = "Banten"\nkind = "kota"'), "does not fit kind 'kota'"),
    (('timezone = "Asia/Jayapura"', 'timezone = "EST"'), "not an Indonesian time zone"),
    (('name = "Kabupaten Serang"', 'name = "Kabupaten Tasikmalaya"'), "cannot share a name"),
    (('url = "https://', 'url = "javascript:alert(1)//'), "a whole web address"),
])
def test_more_that_a_regions_table_and_a_url_must_be(tmp_path: Path, edit: tuple[str, str],
                                                     said: str) -> None:
    text = bundled_path().read_text()
    assert edit[0] in text
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace(*edit, 1))
    assert said in run("validate", bad, "--lang", "en", code=1).stderr
