"""Which stages are active when: inclusive dates, overlaps, and the viewer's zone."""

from __future__ import annotations

import pytest

from pemilu_timeline import load_schedule, parse_moment, resolve_zone
from pemilu_timeline.model import Schedule, Status
from tests.conftest import SMALL


@pytest.fixture(scope="module")
def schedule() -> Schedule:
    return load_schedule(SMALL)


def active_keys(schedule: Schedule, at: str, zone: str = "WIB") -> list[str]:
    return [s.id for s in schedule.active(parse_moment(at, resolve_zone(zone)))]


def assert_active(schedule: Schedule, at: str, *ids: str, zone: str = "WIB") -> None:
    assert active_keys(schedule, at, zone) == list(ids), f"at {at} {zone}"


def test_end_date_is_inclusive_until_midnight(schedule: Schedule) -> None:
    assert_active(schedule, "2024-02-13T23:59:59", "masa-tenang")
    assert_active(schedule, "2024-02-14T00:00", "pemungutan-suara")


def test_start_date_begins_at_midnight(schedule: Schedule) -> None:
    assert_active(schedule, "2024-02-10T23:59", "kampanye")
    assert_active(schedule, "2024-02-11T00:00", "masa-tenang")


def test_masa_tenang_at_1630_utc_depends_on_the_viewers_zone(schedule: Schedule) -> None:
    # 23.30 WIB is still the 13th; 00.30 WITA and 01.30 WIT are already voting day.
    assert_active(schedule, "2024-02-13T16:30:00Z", "masa-tenang", zone="WIB")
    assert_active(schedule, "2024-02-13T16:30:00Z", "pemungutan-suara", zone="WITA")
    assert_active(schedule, "2024-02-13T16:30:00Z", "pemungutan-suara", zone="WIT")


def test_voting_hours_are_local_time_in_each_zone(schedule: Schedule) -> None:
    # 06.30 UTC is 13.30 WIB (closed), 14.30 WITA, 15.30 WIT; 05.30 UTC is 12.30 WIB (open).
    assert_active(schedule, "2024-02-14T05:30:00Z", "pemungutan-suara", "jam-pemungutan-suara")
    assert_active(schedule, "2024-02-14T06:30:00Z", "pemungutan-suara")
    assert_active(schedule, "2024-02-14T12:59", "pemungutan-suara", "jam-pemungutan-suara",
                  zone="WIT")
    assert_active(schedule, "2024-02-14T13:00", "pemungutan-suara", zone="WIT")


def test_overlapping_stages_are_all_active(schedule: Schedule) -> None:
    assert_active(schedule, "2024-02-14T10:00", "pemungutan-suara", "jam-pemungutan-suara")


def test_nothing_active_before_and_after(schedule: Schedule) -> None:
    assert_active(schedule, "2023-11-27T23:59")
    assert_active(schedule, "2024-03-21")


def test_status_and_day_count(schedule: Schedule) -> None:
    at = parse_moment("2024-02-12T10:00", resolve_zone("WIB"))
    tenang = schedule.find("pemilu-2024/masa-tenang")
    assert tenang.phase_at(at) is Status.ACTIVE
    assert tenang.day_of(at) == (2, 3)
    assert 0.47 < tenang.progress_at(at) < 0.48
    kampanye = schedule.find("kampanye")
    assert kampanye.phase_at(at) is Status.PAST
    assert kampanye.day_of(parse_moment("2023-12-02", resolve_zone("WIB"))) == (5, 75)


def test_next_and_last(schedule: Schedule) -> None:
    at = parse_moment("2024-02-12T10:00", resolve_zone("WIB"))
    nxt = schedule.next_to_start(at)
    assert nxt is not None and nxt.id == "pemungutan-suara"
    at = parse_moment("2024-03-25", resolve_zone("WIB"))
    assert schedule.next_to_start(at) is None
    last = schedule.last_ended(at)
    assert last is not None and last.id == "rekapitulasi"


@pytest.mark.parametrize(("query", "expected"), [
    ("pemilu-2024/masa-tenang", "masa-tenang"),
    ("masa-tenang", "masa-tenang"),
    ("tenang", "masa-tenang"),
    ("Masa TENANG", "masa-tenang"),
    ("rekapitulasi", "rekapitulasi"),
    ("voting hours", "jam-pemungutan-suara"),
])
def test_find(schedule: Schedule, query: str, expected: str) -> None:
    assert schedule.find(query).id == expected


def test_find_ambiguous_lists_candidates(schedule: Schedule) -> None:
    from pemilu_timeline import AmbiguousStage

    with pytest.raises(AmbiguousStage) as error:
        schedule.find("pemungutan")
    assert "pemilu-2024/pemungutan-suara" in str(error.value)
    assert "pemilu-2024/jam-pemungutan-suara" in str(error.value)


def test_find_unknown_suggests_close_matches(schedule: Schedule) -> None:
    from pemilu_timeline import StageNotFound

    with pytest.raises(StageNotFound) as error:
        schedule.find("masa-tenag")
    message = error.value.message("en")
    assert "masa-tenang" in message and "pemilu-timeline list" in message


def test_words_that_spell_an_id_name_that_stage() -> None:
    from pemilu_timeline import load_schedule
    from pemilu_timeline.errors import AmbiguousStage

    schedule = load_schedule()
    # "masa tenang" is in three names, but is the id of one stage per election.
    with pytest.raises(AmbiguousStage) as error:
        schedule.find("masa tenang")
    assert error.value.params["matches"] == ["pemilu-2024/masa-tenang", "pilkada-2024/masa-tenang",
                                              "pemilu-2029/masa-tenang"]
    assert schedule.find("pilkada-2024 masa tenang").key == "pilkada-2024/masa-tenang"
    assert schedule.find("penetapan presiden terpilih").key == (
        "pemilu-2024/penetapan-presiden-terpilih")


def test_a_full_key_that_is_not_there_is_not_replaced_by_a_look_alike() -> None:
    from pemilu_timeline.errors import StageNotFound

    schedule = load_schedule()
    without = Schedule.build(schedule.elections,
                             [s for s in schedule if s.key != "pemilu-2024/masa-tenang"])
    with pytest.raises(StageNotFound) as error:
        without.find("pemilu-2024/masa-tenang")
    assert "pemilu-2024/masa-tenang-putaran-kedua" in error.value.params["close"]
    with pytest.raises(StageNotFound):  # however it is capitalised
        without.find("Pemilu-2024/Masa-Tenang")
    assert without.find("PEMILU-2024/MASA-TENANG-PUTARAN-KEDUA").key == (
        "pemilu-2024/masa-tenang-putaran-kedua")
    assert without.find("pemilu-2024 masa tenang putaran").key == (
        "pemilu-2024/masa-tenang-putaran-kedua")  # words still search names
