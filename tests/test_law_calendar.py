"""Deadlines counted as the law and the courts count them: calendar days (setelah / sejak),
working days past weekends, holidays and cuti bersama, months clamped to the month's end,
years, hours across midnight and zones, windows, chains and estimates."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from pemilu_timeline import ScheduleInvalid, parse_schedule
from pemilu_timeline.model import Counting, Direction, Rule, Schedule, Sense, Span
from pemilu_timeline.rules.calendar import (
    InvertedWindow,
    NeedsTime,
    add_months,
    inconsistencies,
    reckon,
)
from pemilu_timeline.rules.describe import describe, skipped_text
from pemilu_timeline.rules.workdays import HolidayKind, read_overlay, work_calendar

D = dt.date
WIB = dt.timezone(dt.timedelta(hours=7))
AFTER, BEFORE = Direction.AFTER, Direction.BEFORE
SINCE, NEXT = Counting.ANCHOR_DAY, Counting.NEXT_DAY


def rule(*, sense: Sense = Sense.EXACTLY, direction: Direction = AFTER,
         counting: Counting = NEXT, latest: Span | None = None, **units: int) -> Rule:
    return Rule("x/anchor", sense=sense, direction=direction, counting=counting,
                latest=latest, **units)


def deadline(anchor: dt.date | dt.datetime, **parts: object) -> object:
    """The one day (or moment) a rule ends at."""
    return reckon(rule(**parts), anchor).deadline  # type: ignore[arg-type]


# --- calendar days, months, years -----------------------------------------------------------

def test_setelah_counts_from_the_next_day_and_sejak_from_the_anchor_day() -> None:
    assert deadline(D(2024, 3, 1), days=3) == D(2024, 3, 4)
    assert deadline(D(2024, 3, 1), days=3, counting=SINCE) == D(2024, 3, 3)
    assert deadline(D(2024, 3, 1), days=0) == D(2024, 3, 1)


def test_days_before_the_end_of_a_presidential_term() -> None:
    # "paling lambat 14 hari sebelum berakhirnya masa jabatan Presiden" (20 Oct 2029)
    result = reckon(rule(sense=Sense.AT_LATEST, direction=BEFORE, days=14), D(2029, 10, 20))
    assert (result.earliest, result.latest) == (None, D(2029, 10, 6))
    assert (result.start, result.end) == (D(2029, 10, 6), D(2029, 10, 6))


def test_twenty_months_before_voting_day_is_the_start_of_the_2024_stages() -> None:
    # PKPU 3/2022: the tahapan began 14 June 2022, 20 months before 14 February 2024.
    assert deadline(D(2024, 2, 14), months=20, direction=BEFORE) == D(2022, 6, 14)


@pytest.mark.parametrize(("day", "months", "landing"), [
    (D(2024, 1, 31), 1, D(2024, 2, 29)),  # a leap year's February
    (D(2023, 1, 31), 1, D(2023, 2, 28)),
    (D(2024, 3, 31), -1, D(2024, 2, 29)),
    (D(2024, 8, 31), 1, D(2024, 9, 30)),
    (D(2024, 12, 15), 1, D(2025, 1, 15)),
    (D(2024, 1, 15), -1, D(2023, 12, 15)),
    (D(2024, 2, 29), 12, D(2025, 2, 28)),  # a year after a leap day
    (D(2028, 2, 29), 48, D(2032, 2, 29)),
])
def test_months_land_on_the_same_day_number_clamped_to_the_months_end(
        day: dt.date, months: int, landing: dt.date) -> None:
    assert add_months(day, months) == landing


def test_years_and_months_combine() -> None:
    assert deadline(D(2029, 10, 20), years=2, months=6) == D(2032, 4, 20)
    assert deadline(D(2024, 2, 29), years=1) == D(2025, 2, 28)
    assert deadline(D(2024, 1, 31), months=1, days=1) == D(2024, 3, 1)


def test_a_window_has_both_bounds_and_spans_them() -> None:
    # "paling singkat 2 tahun dan paling lama 2 tahun 6 bulan sejak pelantikan"
    result = reckon(rule(sense=Sense.WINDOW, years=2, latest=Span(years=2, months=6),
                         counting=SINCE), D(2029, 10, 20))
    assert (result.earliest, result.latest) == (D(2031, 10, 20), D(2032, 4, 20))
    assert (result.start, result.end) == (D(2031, 10, 20), D(2032, 4, 20))
    with pytest.raises(InvertedWindow):
        reckon(rule(sense=Sense.WINDOW, years=2, latest=Span(years=1)), D(2029, 10, 20))


def test_at_the_earliest_leaves_the_far_side_open() -> None:
    result = reckon(rule(sense=Sense.AT_EARLIEST, days=10), D(2024, 4, 25))
    assert (result.earliest, result.latest) == (D(2024, 5, 5), None)


# --- working days -------------------------------------------------------------------------

def test_fourteen_working_days_from_the_registration_of_the_presidential_dispute() -> None:
    # MK registered the petitions on Monday 25 March 2024 and ruled on Monday 22 April, the
    # 14th hari kerja: Good Friday and the Lebaran holidays and cuti bersama did not count.
    result = reckon(rule(sense=Sense.AT_LATEST, working_days=14, counting=SINCE),
                    D(2024, 3, 25))
    assert result.latest == D(2024, 4, 22)
    assert [h.date for h in result.skipped] == [
        D(2024, 3, 29), D(2024, 4, 8), D(2024, 4, 9), D(2024, 4, 10), D(2024, 4, 11),
        D(2024, 4, 12), D(2024, 4, 15)]
    kinds = {h.date: h.kind for h in result.skipped}
    assert kinds[D(2024, 3, 29)] is HolidayKind.NATIONAL
    assert kinds[D(2024, 4, 8)] is HolidayKind.COLLECTIVE_LEAVE
    assert not result.estimated
    text = skipped_text(result.skipped, "id")
    assert text.startswith("29 Mar Wafat Yesus Kristus, 8–9 Apr Cuti Bersama Hari Raya Idul "
                           "Fitri, 10 Apr Hari Raya Idul Fitri, ")
    # Counted from the day after, the same count ends a day later.
    assert deadline(D(2024, 3, 25), working_days=14) == D(2024, 4, 23)


def test_weekends_are_not_working_days() -> None:
    friday = D(2024, 3, 1)
    assert deadline(friday, working_days=1) == D(2024, 3, 4)  # the Monday
    assert deadline(friday, working_days=1, counting=SINCE) == friday
    saturday = D(2024, 3, 2)
    assert deadline(saturday, working_days=1, counting=SINCE) == D(2024, 3, 4)
    assert reckon(rule(working_days=1), friday).skipped == ()  # weekends are not listed


def test_cuti_bersama_added_mid_year_is_skipped() -> None:
    # SKB 933/1/3 of 7 August 2025 made Monday 18 August 2025 cuti bersama.
    result = reckon(rule(working_days=1), D(2025, 8, 15))
    assert result.latest == D(2025, 8, 19)
    assert [(h.date, h.kind) for h in result.skipped] == [
        (D(2025, 8, 18), HolidayKind.COLLECTIVE_LEAVE)]


def test_three_working_days_over_ascension_2025() -> None:
    # Mahakam Ulu: KPU's plenary on Tuesday 27 May 2025; 29 May Kenaikan, 30 May cuti bersama.
    assert deadline(D(2025, 5, 27), working_days=3, counting=SINCE) == D(2025, 6, 2)
    assert deadline(D(2025, 5, 27), working_days=3) == D(2025, 6, 3)


def test_working_days_before_count_backwards_past_holidays() -> None:
    assert deadline(D(2024, 4, 16), working_days=3, direction=BEFORE) == D(2024, 4, 3)


def test_a_count_across_a_year_without_decreed_cuti_bersama_is_an_estimate() -> None:
    assert not reckon(rule(working_days=10), D(2026, 3, 2)).estimated
    # Idulfitri 2029 is computed, not decreed: the count past it is an estimate.
    result = reckon(rule(working_days=10), D(2029, 2, 12))
    assert result.estimated
    assert any(h.estimated for h in result.skipped)


def test_the_overlay_adds_days_and_notes_years() -> None:
    calendar = read_overlay(textwrap.dedent("""
        [[years]]
        year = 2031
        source = "SKB uji 2031"
        settled = true

        [[days]]
        date = 2031-03-03
        kind = "libur-nasional"
        name = "Hari uji"
        name_en = "Test day"
        source = "Keppres uji"

        [[days]]
        date = 2031-03-04
        kind = "libur-daerah"
        name = "Libur daerah uji"
        region = "Kabupaten Uji"
        source = "SE Bupati uji"
    """), "overlay.toml")
    assert calendar.is_settled(2031)
    assert not calendar.is_working_day(D(2031, 3, 3))
    assert calendar.is_working_day(D(2031, 3, 4))  # a local holiday stops no national count
    listed = {h.date: h for h in calendar.listed(2031)}
    assert listed[D(2031, 3, 4)].region == "Kabupaten Uji"
    assert listed[D(2031, 1, 1)].source == "SKB uji 2031"  # the package's day, the year's SKB
    result = reckon(rule(working_days=1), D(2031, 2, 28), calendar=lambda: calendar)
    assert result.latest == D(2031, 3, 4)


def test_the_bundled_overlay_cites_every_entry() -> None:
    calendar = work_calendar()
    for year in (2024, 2025, 2026):
        assert calendar.is_settled(year)
        for day in calendar.listed(year):
            assert day.source.strip(), day


# --- hours --------------------------------------------------------------------------------

def test_three_times_24_hours_cross_midnight_and_keep_the_clock() -> None:
    # KPU set the Pileg results at 22.19 WIB on 20 March 2024; filing closed 3x24 hours on.
    announced = dt.datetime(2024, 3, 20, 22, 19, tzinfo=WIB)
    result = reckon(rule(sense=Sense.AT_LATEST, hours=72, counting=SINCE), announced)
    assert result.latest == dt.datetime(2024, 3, 23, 22, 19, tzinfo=WIB)
    wit = dt.timezone(dt.timedelta(hours=9))
    assert result.latest.astimezone(wit).date() == D(2024, 3, 24)  # type: ignore[union-attr]
    assert deadline(announced, hours=2) == dt.datetime(2024, 3, 21, 0, 19, tzinfo=WIB)


def test_a_rule_in_hours_needs_an_anchor_with_a_time() -> None:
    with pytest.raises(NeedsTime):
        reckon(rule(hours=72), D(2024, 3, 20))


# --- what a rule may combine ----------------------------------------------------------------

@pytest.mark.parametrize(("parts", "key"), [
    ({"working_days": 3, "days": 1}, "rule.problem.mixed_units"),
    ({"hours": 3, "months": 1}, "rule.problem.mixed_units"),
    ({"sense": Sense.WINDOW, "years": 2}, "rule.problem.window_needs_latest"),
    ({"years": 2, "latest": Span(years=3)}, "rule.problem.latest_needs_window"),
    ({"sense": Sense.WINDOW, "days": 2, "latest": Span(working_days=3)},
     "rule.problem.window_units"),
    ({"sense": Sense.WINDOW, "days": 2, "latest": Span()}, "rule.problem.empty_latest"),
])
def test_rules_that_mean_nothing_are_named(parts: dict[str, object], key: str) -> None:
    assert key in inconsistencies(rule(**parts))  # type: ignore[arg-type]


def test_the_law_words_of_each_kind_of_rule() -> None:
    def words(lang: str, **parts: object) -> str:
        return describe(rule(**parts), lang, "X")  # type: ignore[arg-type]

    assert words("id", sense=Sense.AT_LATEST, working_days=14, counting=SINCE) == \
        "paling lambat 14 hari kerja sejak X"
    assert words("en", sense=Sense.AT_LATEST, working_days=14, counting=SINCE) == \
        "at the latest 14 working days from X"
    assert words("id", sense=Sense.AT_LATEST, months=20, direction=BEFORE) == \
        "paling lambat 20 bulan sebelum X"
    assert words("id", hours=72, counting=SINCE) == "3×24 jam sejak X"
    assert words("id", sense=Sense.WINDOW, years=2, latest=Span(years=2, months=6),
                 counting=SINCE) == "paling singkat 2 tahun dan paling lama 2 tahun 6 bulan sejak X"
    assert words("en", days=1) == "1 day after X"


# --- rules in a schedule file ---------------------------------------------------------------

FILE = textwrap.dedent("""\
    [elections.pemilu-2029]
    name = "Pemilu 2029"
    name_en = "2029 general election"
    timezone = "Asia/Jakarta"
    source = "UU 7/2017"

    [[stages]]
    id = "akhir-jabatan"
    election = "pemilu-2029"
    name = "Berakhirnya masa jabatan Presiden"
    name_en = "End of the presidential term"
    {anchor}
    source = "UUD 1945 Pasal 7"

    [[stages]]
    id = "pengusulan"
    election = "pemilu-2029"
    name = "Batas pengusulan"
    name_en = "Nomination deadline"
    source = "uji"

    [stages.after]
    stage = "akhir-jabatan"
    sense = "at-latest"
    direction = "before"
    days = 14

    [[stages]]
    id = "laporan"
    election = "pemilu-2029"
    name = "Laporan"
    name_en = "Report"
    source = "uji"

    [stages.after]
    stage = "pengusulan"
    working_days = 3
    counting = "anchor-day"

    [[stages]]
    id = "masa"
    election = "pemilu-2029"
    name = "Masa"
    name_en = "Period"
    source = "uji"

    [stages.after]
    stage = "akhir-jabatan"
    sense = "window"
    years = 2
    latest = {{ years = 2, months = 6 }}
    counting = "anchor-day"
""")


def load(anchor: str = "start = 2029-10-20") -> Schedule:
    return parse_schedule(FILE.format(anchor=anchor), "rules.toml")


def dates(schedule: Schedule, stage_id: str) -> tuple[object, object]:
    stage = schedule.get(f"pemilu-2029/{stage_id}")
    assert stage is not None
    return stage.start, stage.end


def test_a_chain_of_rules_is_pending_until_its_anchor_is_dated() -> None:
    pending = load("undated = true")
    assert dates(pending, "pengusulan") == (None, None)
    assert dates(pending, "laporan") == (None, None)
    dated = load()
    assert dates(dated, "pengusulan") == (D(2029, 10, 6), D(2029, 10, 6))
    # Saturday 6 Oct is day 1 of nothing: Monday 8, Tuesday 9, Wednesday 10.
    assert dates(dated, "laporan") == (D(2029, 10, 10), D(2029, 10, 10))
    assert dates(dated, "masa") == (D(2031, 10, 20), D(2032, 4, 20))


def test_an_estimate_upstream_makes_the_stages_downstream_estimates() -> None:
    schedule = load("start = 2029-02-12")
    upstream = schedule.get("pemilu-2029/pengusulan")
    downstream = schedule.get("pemilu-2029/laporan")
    assert upstream is not None and not upstream.estimated  # calendar days: no holiday matters
    assert downstream is not None
    # 2029's cuti bersama are not decreed yet: a count in working days is an estimate.
    assert downstream.estimated


def test_a_rule_in_hours_from_an_anchor_without_time_is_one_clear_problem() -> None:
    text = FILE.format(anchor="start = 2029-10-20").replace("working_days = 3", "hours = 72")
    with pytest.raises(ScheduleInvalid) as error:
        parse_schedule(text, "rules.toml")
    assert [p.key for p in error.value.problems] == ["problem.anchor_needs_time"]


@pytest.mark.parametrize(("edit", "key"), [
    (("working_days = 3", "working_days = 3\ndays = 2"), "rule.problem.mixed_units"),
    (("latest = { years = 2, months = 6 }", "latest = { years = 2, weeks = 6 }"),
     "problem.unknown_field_hint"),
    (("latest = { years = 2, months = 6 }", "latest = 3"), "problem.type"),
    (('sense = "window"', 'sense = "at-latest"'), "rule.problem.latest_needs_window"),
    (('direction = "before"', 'direction = "backwards"'), "problem.bad_choice"),
    (('counting = "anchor-day"', 'counting = "sejak"'), "problem.bad_choice"),
])
def test_a_rule_that_means_nothing_is_refused_with_its_place(
        edit: tuple[str, str], key: str) -> None:
    text = FILE.format(anchor="start = 2029-10-20").replace(*edit)
    with pytest.raises(ScheduleInvalid) as error:
        parse_schedule(text, "rules.toml")
    problems = error.value.problems
    assert key in [p.key for p in problems]
    assert all(p.line is not None for p in problems)


def test_a_written_date_that_breaks_its_rule_shows_both() -> None:
    text = FILE.format(anchor="start = 2029-10-20").replace(
        'name = "Batas pengusulan"', 'name = "Batas pengusulan"\nstart = 2029-10-12')
    with pytest.raises(ScheduleInvalid) as error:
        parse_schedule(text, "rules.toml")
    message = error.value.message("en")
    assert "the written date Friday, 12 October 2029 breaks its rule" in message
    assert "which gives at the latest Saturday, 6 October 2029" in message


def test_rules_survive_the_canonical_writer_and_the_cache() -> None:
    from pemilu_timeline.schedule import cache
    from pemilu_timeline.schedule.write import canonical_text

    schedule = load("start = 2029-02-12")
    text = canonical_text(schedule)
    assert "latest = { years = 2, months = 6 }\n" in text
    assert 'direction = "before"\n' in text and "days = 14\n" in text
    again = parse_schedule(text, "rules.toml")
    assert [s.after for s in again] == [s.after for s in schedule]
    assert canonical_text(again) == text
    decoded = cache._decode(cache._encode(schedule), "rules.toml", Path("unused.entry"))
    assert decoded.stages == schedule.stages
    assert [(s.dated_by_rule, s.estimated) for s in decoded] == \
        [(s.dated_by_rule, s.estimated) for s in schedule]


def test_hours_from_a_pinned_anchor_are_read_on_the_dependants_own_clock() -> None:
    text = textwrap.dedent("""\
        [elections.pemilu-2024]
        name = "Pemilu 2024"
        name_en = "2024 election"
        timezone = "Asia/Jakarta"
        source = "uji"

        [[stages]]
        id = "penetapan"
        election = "pemilu-2024"
        name = "Penetapan hasil"
        name_en = "Results"
        start = 2024-03-20T22:19:00
        zone = "Asia/Jakarta"
        source = "uji"

        [[stages]]
        id = "batas-wib"
        election = "pemilu-2024"
        name = "Batas"
        name_en = "Deadline"
        source = "uji"

        [stages.after]
        stage = "penetapan"
        hours = 72
        sense = "at-latest"

        [[stages]]
        id = "batas-wit"
        election = "pemilu-2024"
        name = "Batas di Papua"
        name_en = "Deadline in Papua"
        zone = "Asia/Jayapura"
        source = "uji"

        [stages.after]
        stage = "penetapan"
        hours = 2
    """)
    schedule = parse_schedule(text, "zones.toml")
    inherited = schedule.get("pemilu-2024/batas-wib")
    assert inherited is not None
    assert (inherited.start, inherited.zone) == (dt.datetime(2024, 3, 23, 22, 19),
                                                  "Asia/Jakarta")
    own = schedule.get("pemilu-2024/batas-wit")
    assert own is not None  # 00.19 WIB on the 21st is 02.19 on Jayapura's clock
    assert (own.start, own.zone) == (dt.datetime(2024, 3, 21, 2, 19), "Asia/Jayapura")
