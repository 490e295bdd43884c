"""The combined calendar: several elections in one export, and export's --status and
--milestones.

A title that stages of more than one election share ("Masa Tenang" in Pemilu 2024 and in
Pilkada 2024) names its election; every other title stays as a one-election file has it.
"""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest

from pemilu_timeline.exports.ical import shared_titles, summary
from pemilu_timeline.schedule.locate import bundled_path
from pemilu_timeline.schedule.read import load_schedule
from tests.helpers import run

GOLDEN = Path(__file__).parent / "assets" / "export"

# Two elections that share "Masa Tenang" in Indonesian only, "Campaign period" in English
# only, and "Pemungutan Suara" in both (once tentative); a third whose "Masa Tenang" has no
# date yet, so it is not in the calendar and makes nothing ambiguous.
COMBINED = """\
[elections.pemilu-2024]
name = "Pemilu 2024"
name_en = "2024 General Election"
timezone = "Asia/Jakarta"
source = "PKPU 3/2022"

[elections.pilkada-2024]
name = "Pilkada 2024"
name_en = "2024 Regional Elections"
timezone = "Asia/Jakarta"
source = "PKPU 2/2024"

[elections.pemilu-2029]
name = "Pemilu 2029"
name_en = "2029 General Election"
timezone = "Asia/Jakarta"
source = "UU 7/2017"

[[stages]]
id = "kampanye"
election = "pemilu-2024"
name = "Masa Kampanye Pemilu"
name_en = "Campaign period"
start = 2023-11-28
end = 2024-02-10
source = "PKPU 3/2022"

[[stages]]
id = "masa-tenang"
election = "pemilu-2024"
name = "Masa Tenang"
name_en = "Quiet period"
start = 2024-02-11
end = 2024-02-13
milestone = true
source = "PKPU 3/2022"

[[stages]]
id = "pemungutan-suara"
election = "pemilu-2024"
name = "Pemungutan Suara"
name_en = "Voting day"
start = 2024-02-14
milestone = true
source = "PKPU 3/2022"

[[stages]]
id = "rekapitulasi"
election = "pemilu-2024"
name = "Rekapitulasi Hasil Penghitungan Suara"
name_en = "Recapitulation of vote counts"
start = 2024-02-15
end = 2024-03-20
source = "PKPU 3/2022"

[[stages]]
id = "kampanye"
election = "pilkada-2024"
name = "Pelaksanaan Kampanye"
name_en = "Campaign period"
start = 2024-09-25
end = 2024-11-23
source = "PKPU 2/2024"

[[stages]]
id = "masa-tenang"
election = "pilkada-2024"
name = "masa  tenang"
name_en = "Quiet period before the regional vote"
start = 2024-11-24
end = 2024-11-26
source = "PKPU 2/2024"

[[stages]]
id = "pemungutan-suara"
election = "pilkada-2024"
name = "Pemungutan Suara"
name_en = "Voting day"
start = 2024-11-27
state = "tentative"
source = "PKPU 2/2024"

[[stages]]
id = "penetapan"
election = "pilkada-2024"
name = "Penetapan Pasangan Calon Terpilih"
name_en = "Declaration of the winners"
after = { stage = "pemungutan-suara", days = 30, sense = "at-latest" }
source = "PKPU 2/2024"

[[stages]]
id = "masa-tenang"
election = "pemilu-2029"
name = "Masa Tenang"
name_en = "Quiet period"
undated = true
source = "UU 7/2017"
"""


@pytest.fixture(autouse=True)
def no_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture
def combined(tmp_path: Path) -> Path:
    path = tmp_path / "combined.toml"
    path.write_text(COMBINED, encoding="utf-8")
    return path


def titles(*args: str | Path) -> dict[str, str]:
    """SUMMARY by UID, as a calendar app reads the export."""
    data = run("export", "ical", *args).stdout_bytes
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["uid"]).removesuffix("@pemilu-timeline"): str(e["summary"])
            for e in calendar.walk("VEVENT")}


def keys(*args: str | Path) -> list[str]:
    return [s["key"] for s in json.loads(run("export", "json", *args).stdout)]


# --- the election in ambiguous titles ------------------------------------------------------

def test_titles_two_elections_share_name_their_election(combined: Path) -> None:
    assert titles("-f", combined) == {
        "pemilu-2024.kampanye": "Masa Kampanye Pemilu",
        "pemilu-2024.masa-tenang": "Masa Tenang — Pemilu 2024",
        "pemilu-2024.pemungutan-suara": "Pemungutan Suara — Pemilu 2024",
        "pemilu-2024.rekapitulasi": "Rekapitulasi Hasil Penghitungan Suara",
        "pilkada-2024.kampanye": "Pelaksanaan Kampanye",
        "pilkada-2024.masa-tenang": "masa  tenang — Pilkada 2024",
        "pilkada-2024.pemungutan-suara": "[Tentatif] Pemungutan Suara — Pilkada 2024",
        "pilkada-2024.penetapan": "Penetapan Pasangan Calon Terpilih",
    }


def test_ambiguity_is_judged_in_the_language_of_the_titles(combined: Path) -> None:
    english = titles("-f", combined, "--lang", "en")
    assert english["pemilu-2024.kampanye"] == "Campaign period — 2024 General Election"
    assert english["pilkada-2024.kampanye"] == "Campaign period — 2024 Regional Elections"
    assert english["pemilu-2024.masa-tenang"] == "Quiet period"
    assert english["pilkada-2024.masa-tenang"] == "Quiet period before the regional vote"
    assert english["pilkada-2024.pemungutan-suara"] == (
        "[Tentative] Voting day — 2024 Regional Elections")


def test_the_alarm_says_what_the_title_says(combined: Path) -> None:
    data = run("export", "ical", "-f", combined, "--alarm", "1d").stdout_bytes
    for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        (alarm,) = event.walk("VALARM")
        assert str(alarm["description"]) == str(event["summary"])


def test_a_filter_that_leaves_one_election_leaves_the_titles_plain(combined: Path) -> None:
    only = titles("-f", combined, "--election", "pemilu-2024")
    assert only["pemilu-2024.masa-tenang"] == "Masa Tenang"
    assert only["pemilu-2024.pemungutan-suara"] == "Pemungutan Suara"
    # Both elections, but the other "Pemungutan Suara" is filtered out.
    late = titles("-f", combined, "--from", "2024-02-14", "--to", "2024-02-20")
    assert late == {"pemilu-2024.pemungutan-suara": "Pemungutan Suara",
                    "pemilu-2024.rekapitulasi": "Rekapitulasi Hasil Penghitungan Suara"}


def test_a_stage_without_a_date_makes_no_title_ambiguous(combined: Path) -> None:
    schedule = load_schedule(combined)
    dated = [s for s in schedule if s.is_dated]
    assert "pemilu-2029/masa-tenang" not in shared_titles(dated, "id")
    assert shared_titles(dated, "id") == {
        "pemilu-2024/masa-tenang", "pilkada-2024/masa-tenang",
        "pemilu-2024/pemungutan-suara", "pilkada-2024/pemungutan-suara"}
    assert shared_titles([s for s in dated if s.election == "pemilu-2024"], "id") == set()


def test_bundled_schedule_names_the_election_only_where_titles_repeat() -> None:
    schedule = load_schedule(bundled_path())
    for lang in ("id", "en"):
        shown = titles("--lang", lang)
        dated = [s for s in schedule if s.is_dated]
        shared = shared_titles(dated, lang)
        assert shared, "the bundled schedule has Masa Tenang in two elections"
        for stage in dated:
            title = shown[f"{stage.election}.{stage.id}"]
            election = schedule.elections[stage.election].display_name(lang)
            if stage.key in shared:
                assert title == summary(stage, lang, election)
            else:
                assert title == summary(stage, lang)
        assert len(set(shown.values())) == len(shown), "two events still share a title"


@pytest.mark.parametrize(("name", "args"), [
    ("small.ics", ("-f", GOLDEN.parent / "small.toml")),
    ("states.ics", ("-f", GOLDEN / "states.toml", "--lang", "en", "--alarm", "1d")),
])
def test_single_election_exports_are_byte_identical(name: str, args: tuple[str | Path, ...]
                                                    ) -> None:
    assert run("export", "ical", *args).stdout_bytes == (GOLDEN / name).read_bytes()


# --- --status and --milestones ---------------------------------------------------------------

def test_json_status_upcoming_keeps_only_upcoming_stages() -> None:
    stages = json.loads(run("export", "json", "--status", "upcoming", "--at",
                            "2029-01-01").stdout)
    everything = json.loads(run("export", "json", "--at", "2029-01-01").stdout)
    assert stages
    assert {s["phase"] for s in stages} == {"upcoming"}
    assert [s["key"] for s in stages] == [s["key"] for s in everything
                                          if s["phase"] == "upcoming"]


@pytest.mark.parametrize("word", ["akan datang", "akan-datang", "Akan Datang", "upcoming"])
def test_status_in_either_language(word: str) -> None:
    assert keys("--status", word, "--at", "2029-01-01") == keys(
        "--status", "upcoming", "--at", "2029-01-01")


def test_status_is_read_at_the_moment_given(combined: Path) -> None:
    assert keys("-f", combined, "-s", "berlangsung", "--at", "2024-02-12") == [
        "pemilu-2024/masa-tenang"]
    assert keys("-f", combined, "-s", "active", "--at", "2024-11-25") == [
        "pilkada-2024/masa-tenang"]
    assert keys("-f", combined, "-s", "tentative", "-s", "pending", "--at", "2024-01-01") == [
        "pilkada-2024/pemungutan-suara", "pemilu-2029/masa-tenang"]


def test_csv_takes_the_same_filters(combined: Path) -> None:
    text = run("export", "csv", "-f", combined, "--status", "akan datang", "--at",
               "2024-06-01").stdout
    body = [line.split(",")[:2] for line in text.splitlines()[1:]]
    assert body == [["pilkada-2024", "kampanye"], ["pilkada-2024", "masa-tenang"],
                    ["pilkada-2024", "pemungutan-suara"], ["pilkada-2024", "penetapan"]]
    milestones = run("export", "csv", "-f", combined, "--milestones").stdout
    assert [line.split(",")[1] for line in milestones.splitlines()[1:]] == [
        "masa-tenang", "pemungutan-suara", "penetapan"]


def test_ical_milestones_keeps_only_milestones_and_deadlines(combined: Path) -> None:
    assert set(titles("-f", combined, "--milestones")) == {
        "pemilu-2024.masa-tenang", "pemilu-2024.pemungutan-suara", "pilkada-2024.penetapan"}
    schedule = load_schedule(bundled_path())
    expected = {f"{s.election}.{s.id}" for s in schedule
                if s.is_dated and s.is_milestone_or_deadline}
    assert set(titles("--milestones")) == expected
    assert len(expected) < len([s for s in schedule if s.is_dated])


def test_ical_status_leaves_out_pending_stages_and_counts_what_it_wrote(
        combined: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    result = run("export", "ical", "-f", combined, "-s", "tentative", "-s", "pending",
                 "--at", "2024-01-01", "-o", target)
    assert "1 tahapan" in result.stderr
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(e["uid"]) for e in events] == ["pilkada-2024.pemungutan-suara@pemilu-timeline"]


def test_an_unknown_status_is_refused_with_the_choices(combined: Path) -> None:
    result = run("export", "ical", "-f", combined, "--status", "soon", code=2)
    assert "soon" in result.stderr and "akan datang" in result.stderr
