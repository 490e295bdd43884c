"""The bundled schedule is the product: key dates pinned, every stage sourced."""

from __future__ import annotations

import datetime as dt

import pytest

from pemilu_timeline import load_schedule
from pemilu_timeline.model import Schedule
from pemilu_timeline.schedule.locate import bundled_path

D = dt.date


@pytest.fixture(scope="module")
def bundled() -> Schedule:
    return load_schedule(bundled_path())


def assert_dates(schedule: Schedule, key: str, start: object, end: object | None = None) -> None:
    stage = schedule.get(key)
    assert stage is not None, f"{key} is missing from the bundled schedule"
    assert (stage.start, stage.end) == (start, end if end is not None else start), key


@pytest.mark.parametrize(("key", "start", "end"), [
    ("pemilu-2024/masa-kampanye", D(2023, 11, 28), D(2024, 2, 10)),
    ("pemilu-2024/masa-tenang", D(2024, 2, 11), D(2024, 2, 13)),
    ("pemilu-2024/pemungutan-suara", D(2024, 2, 14), None),
    ("pemilu-2024/jam-pemungutan-suara", dt.datetime(2024, 2, 14, 7), dt.datetime(2024, 2, 14, 13)),
    ("pemilu-2024/rekapitulasi", D(2024, 2, 15), D(2024, 3, 20)),
    ("pemilu-2024/pemutakhiran-data-pemilih", D(2022, 10, 14), D(2023, 6, 21)),
    ("pemilu-2024/pencalonan-presiden", D(2023, 10, 19), D(2023, 11, 25)),
    ("pemilu-2024/sumpah-dpr-dpd", D(2024, 10, 1), None),
    ("pemilu-2024/sumpah-presiden", D(2024, 10, 20), None),
    ("pilkada-2024/pendaftaran-paslon", D(2024, 8, 27), D(2024, 8, 29)),
    ("pilkada-2024/penetapan-paslon", D(2024, 9, 22), None),
    ("pilkada-2024/kampanye", D(2024, 9, 25), D(2024, 11, 23)),
    ("pilkada-2024/masa-tenang", D(2024, 11, 24), D(2024, 11, 26)),
    ("pilkada-2024/pemungutan-suara", D(2024, 11, 27), None),
    ("pilkada-2024/waktu-pemungutan-suara", dt.datetime(2024, 11, 27, 7),
     dt.datetime(2024, 11, 27, 13)),
    ("pilkada-2024/penghitungan-rekapitulasi", D(2024, 11, 27), D(2024, 12, 16)),
])
def test_key_dates(bundled: Schedule, key: str, start: object, end: object) -> None:
    assert_dates(bundled, key, start, end)


def test_the_bundled_elections(bundled: Schedule) -> None:
    assert set(bundled.elections) == {"pemilu-2024", "pilkada-2024", "psu-pilkada-2025", "pdpb",
                                      "kpu-bawaslu-2027", "pemilu-2029", "pemilu-daerah-2031"}
    assert all(e.timezone == "Asia/Jakarta" for e in bundled.elections.values())


def test_every_stage_cites_a_source_and_both_names(bundled: Schedule) -> None:
    for stage in bundled:
        assert len(stage.source) >= 10, stage.key
        assert stage.name and stage.name_en and stage.name != "", stage.key


def test_milestones_reporters_count_down_to(bundled: Schedule) -> None:
    milestones = {s.key for s in bundled if s.milestone}
    assert {"pemilu-2024/pemungutan-suara", "pemilu-2024/masa-tenang",
            "pilkada-2024/pemungutan-suara", "pemilu-2024/sumpah-presiden"} <= milestones


def test_campaign_is_75_days(bundled: Schedule) -> None:
    stage = bundled.get("pemilu-2024/masa-kampanye")
    assert stage is not None and stage.start is not None and stage.end is not None
    assert (stage.end - stage.start).days + 1 == 75  # type: ignore[operator]


def test_runoff_is_recorded_as_cancelled_with_its_reason(bundled: Schedule) -> None:
    runoff = [s for s in bundled if "putaran-kedua" in s.tags]
    assert {s.id for s in runoff} >= {"kampanye-putaran-kedua", "pemungutan-suara-putaran-kedua"}
    for stage in runoff:
        assert stage.state.value == "cancelled" and stage.reason and stage.condition
    assert_dates(bundled, "pemilu-2024/pemungutan-suara-putaran-kedua", D(2024, 6, 26))
    assert_dates(bundled, "pemilu-2024/kampanye-putaran-kedua", D(2024, 6, 2), D(2024, 6, 22))


def test_declaration_follows_the_court_ruling_within_three_days(bundled: Schedule) -> None:
    stage = bundled.get("pemilu-2024/penetapan-presiden-terpilih")
    assert stage is not None and stage.after is not None
    assert stage.after.stage == "pemilu-2024/putusan-mk-phpu-presiden"
    assert (stage.after.days, stage.after.sense.value) == (3, "at-latest")
    assert_dates(bundled, "pemilu-2024/putusan-mk-phpu-presiden", D(2024, 4, 22))
    assert_dates(bundled, "pemilu-2024/penetapan-presiden-terpilih", D(2024, 4, 24))


def test_quick_count_embargo_is_on_the_western_clock(bundled: Schedule) -> None:
    for election, day in (("pemilu-2024", 14), ("pilkada-2024", 27)):
        stage = bundled.get(f"{election}/hitung-cepat-boleh-diumumkan")
        assert stage is not None and stage.zone == "Asia/Jakarta"
        month = 2 if election == "pemilu-2024" else 11
        assert stage.start == dt.datetime(2024, month, day, 15)


def test_the_law_s_wording_has_an_english_version(bundled: Schedule) -> None:
    noted = [s for s in bundled if s.note or s.note_en]
    assert len(noted) >= 30
    for stage in noted:  # each reader sees the note in their own language
        assert stage.note and stage.note_en and stage.note != stage.note_en, stage.key
    worded = [s for s in bundled if s.condition or s.reason]
    assert len(worded) >= 5
    for stage in worded:
        assert bool(stage.condition) == bool(stage.condition_en), stage.key
        assert bool(stage.reason) == bool(stage.reason_en), stage.key
        assert stage.reason_in("en") == stage.reason_en
        assert stage.reason_in("id") == stage.reason
