"""H-n labels and spans, counted in calendar days of the viewer's zone."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from pemilu_timeline import countdown_to, h_label, load_schedule, parse_moment, resolve_zone
from pemilu_timeline.countdown import span_parts
from pemilu_timeline.i18n.format import format_span
from tests.conftest import SMALL

SCHEDULE = load_schedule(SMALL)
VOTING = SCHEDULE.find("pemilu-2024/pemungutan-suara")


def label_at(at: str, zone: str = "WIB") -> str:
    return countdown_to(VOTING, parse_moment(at, resolve_zone(zone))).label


@pytest.mark.parametrize(("days", "label"), [(14, "H-14"), (1, "H-1"), (0, "H"), (-3, "H+3")])
def test_h_label(days: int, label: str) -> None:
    assert h_label(days) == label


@pytest.mark.parametrize(("at", "label"), [
    ("2024-01-31", "H-14"),
    ("2024-01-31T23:59", "H-14"),
    ("2024-02-13T23:30", "H-1"),
    ("2024-02-14T10:00", "H"),
    ("2024-02-17T08:00", "H+3"),
])
def test_voting_day_labels(at: str, label: str) -> None:
    assert label_at(at) == label


def test_label_depends_on_the_viewers_calendar_day() -> None:
    assert label_at("2024-02-13T16:30:00Z", "WIB") == "H-1"
    assert label_at("2024-02-13T16:30:00Z", "WIT") == "H"


def test_active_stage_counts_to_its_end() -> None:
    at = parse_moment("2024-02-01T12:00", resolve_zone("WIB"))
    cd = countdown_to(SCHEDULE.find("kampanye"), at)
    assert cd.target == "end"
    assert cd.days == 9  # last day is 10 February
    assert cd.target_at.isoformat() == "2024-02-11T00:00:00+07:00"
    assert cd.clock_parts() == {"days": 9, "hours": 12, "minutes": 0, "seconds": 0}


def test_span_in_words_both_languages() -> None:
    at = parse_moment("2023-12-31T00:00", resolve_zone("WIB"))
    cd = countdown_to(VOTING, at)
    assert cd.span_parts() == {"year": 0, "month": 1, "day": 14, "hour": 0, "minute": 0,
                               "second": 0}
    assert format_span(cd.span_parts(), "id", future=True) == "1 bulan 14 hari lagi"
    assert format_span(cd.span_parts(), "en", future=True) == "in 1 month 14 days"
    assert format_span({"day": 3}, "en", future=False) == "3 days ago"
    assert format_span({"day": 1}, "en", future=True) == "in 1 day"


MOMENTS = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 12, 31))
ZONES = st.sampled_from(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Europe/Berlin"])


@given(MOMENTS, ZONES, MOMENTS, ZONES)
def test_span_counts_months_as_relativedelta_does(first: dt.datetime, first_zone: str,
                                                  second: dt.datetime, second_zone: str) -> None:
    """span_parts spares `now` importing dateutil; it must count exactly as dateutil does."""
    earlier = first.replace(tzinfo=resolve_zone(first_zone))
    later = second.replace(tzinfo=resolve_zone(second_zone))
    if later < earlier:
        earlier, later = later, earlier
    local = later.astimezone(earlier.tzinfo)
    diff = relativedelta(local.replace(tzinfo=None), earlier.replace(tzinfo=None))
    expected = {"year": diff.years, "month": diff.months, "day": diff.days,
                "hour": diff.hours, "minute": diff.minutes, "second": diff.seconds}
    assert span_parts(earlier, later) == expected
    assert span_parts(later, earlier) == expected


@pytest.mark.parametrize(("earlier", "later", "parts"), [
    ("2024-01-31T10:00", "2024-02-29T10:00", {"month": 1, "day": 0}),  # short month: its end
    ("2024-01-31T10:00", "2024-02-29T09:59", {"month": 0, "day": 28, "hour": 23}),
    ("2023-03-31T00:00", "2024-02-29T00:00", {"year": 0, "month": 11, "day": 0}),
    ("2020-02-29T00:00", "2021-02-28T00:00", {"year": 1, "month": 0, "day": 0}),
])
def test_span_at_month_ends(earlier: str, later: str, parts: dict[str, int]) -> None:
    zone = resolve_zone("WIB")
    got = span_parts(parse_moment(earlier, zone), parse_moment(later, zone))
    assert {k: got[k] for k in parts} == parts


@pytest.mark.parametrize(("parts", "text"), [
    ({"year": 1, "month": 9, "day": 8, "hour": 1, "minute": 6}, "1 tahun 9 bulan 8 hari yang lalu"),
    ({"month": 2, "day": 3, "hour": 5, "minute": 1}, "2 bulan 3 hari yang lalu"),
    ({"day": 1, "hour": 14, "minute": 30}, "1 hari 14 jam yang lalu"),
    ({"hour": 4, "minute": 30}, "4 jam 30 menit yang lalu"),
    ({}, "sekarang"),
])
def test_long_spans_keep_the_units_that_matter(parts: dict[str, int], text: str) -> None:
    assert format_span(parts, "id", future=False) == text
