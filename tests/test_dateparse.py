"""Dates as staff type them: ISO and the Indonesian forms of KPU documents and the news."""

from __future__ import annotations

import contextlib
import datetime as dt
import warnings

import pytest

from pemilu_timeline.dateparse import parse_date
from pemilu_timeline.errors import InvalidInput

D = dt.date
T = dt.datetime

ACCEPTED = [
    # ISO 8601, as scripts write it
    ("2024-02-14", D(2024, 2, 14), None),
    ("2024-02-14T07:00", T(2024, 2, 14, 7, 0), None),
    ("2024-02-14 07:00:30", T(2024, 2, 14, 7, 0, 30), None),
    # Indonesian, as KPU and the news write it
    ("28 Nov 2023", D(2023, 11, 28), None),
    ("10 Februari 2024", D(2024, 2, 10), None),
    ("Rabu, 14 Februari 2024", D(2024, 2, 14), None),
    ("rabu 14 februari 2024", D(2024, 2, 14), None),
    ("14/02/2024", D(2024, 2, 14), None),  # day first
    ("01/02/2024", D(2024, 2, 1), None),  # 1 February, never January 2
    ("14-02-2024", D(2024, 2, 14), None),
    ("14.02.2024", D(2024, 2, 14), None),
    ("Selasa (13/2/2024)", D(2024, 2, 13), None),
    ("hari Kamis, tanggal 15 Februari 2024", D(2024, 2, 15), None),
    ("Jum'at, 16 Februari 2024", D(2024, 2, 16), None),
    ("Minggu, 18 Februari 2024", D(2024, 2, 18), None),
    ("5 Mei 2024", D(2024, 5, 5), None),
    ("12 Agt 2024", D(2024, 8, 12), None),
    ("12 Agu 2024", D(2024, 8, 12), None),
    ("12 Ags 2024", D(2024, 8, 12), None),
    ("17 Agustus 2024", D(2024, 8, 17), None),
    ("3 Okt 2024", D(2024, 10, 3), None),
    ("24 Des 2024", D(2024, 12, 24), None),
    ("7 Januari 2024", D(2024, 1, 7), None),
    ("20 Maret 2024", D(2024, 3, 20), None),
    ("1 Juni 2024", D(2024, 6, 1), None),
    ("1 Juli 2024", D(2024, 7, 1), None),
    ("27 September 2024", D(2024, 9, 27), None),
    ("27 November 2024", D(2024, 11, 27), None),
    # common misspellings
    ("7 Febuari 2024", D(2024, 2, 7), None),
    ("7 Pebruari 2024", D(2024, 2, 7), None),
    ("27 Nopember 2024", D(2024, 11, 27), None),
    # times as Indonesians write them, with or without a zone
    ("14 Februari 2024 pukul 07.00", T(2024, 2, 14, 7, 0), None),
    ("14/2/2024 07.00", T(2024, 2, 14, 7, 0), None),
    ("Rabu, 14 Februari 2024 pukul 13.00 WIB", T(2024, 2, 14, 13, 0), "Asia/Jakarta"),
    ("14 Feb 2024 14.00 WITA", T(2024, 2, 14, 14, 0), "Asia/Makassar"),
    ("14 Feb 2024 15.00 wit", T(2024, 2, 14, 15, 0), "Asia/Jayapura"),
    ("14 Feb 2024 19:30", T(2024, 2, 14, 19, 30), None),
    ("29 Februari 2024", D(2024, 2, 29), None),  # a leap year
    # the year first is year-month-day, never year-day-month (1 March, not 3 January)
    ("2024-03-01 10.00", T(2024, 3, 1, 10, 0), None),
    ("2024-03-01 pukul 10.00", T(2024, 3, 1, 10, 0), None),
    ("2024/03/01", D(2024, 3, 1), None),
    ("2024-3-1", D(2024, 3, 1), None),
    ("2024-03-01 07:00 WITA", T(2024, 3, 1, 7, 0), "Asia/Makassar"),
    ("Jumat, 2024-3-1", D(2024, 3, 1), None),
    ("pukul 07.00, 2024-03-01", T(2024, 3, 1, 7, 0), None),
    # filler words in capitals after a time are fillers, not a zone dateutil cannot use
    ("PUKUL 07.00 WIB HARI RABU TANGGAL 14 FEBRUARI 2024", T(2024, 2, 14, 7, 0),
     "Asia/Jakarta"),
    ("14 Feb 2024 07:00 pm", T(2024, 2, 14, 19, 0), None),
    ("2024-3-1T10:00", T(2024, 3, 1, 10, 0), None),
    # the years a schedule can mean, both ends included
    ("1 Jan 1900", D(1900, 1, 1), None),
    ("31 Des 2200 23.59", T(2200, 12, 31, 23, 59), None),
]


@pytest.mark.parametrize(("text", "value", "zone"), ACCEPTED)
def test_accepted(text: str, value: dt.date, zone: str | None) -> None:
    parsed = parse_date(text)
    assert parsed.value == value
    assert type(parsed.value) is type(value)
    assert parsed.zone == zone


REFUSED = [
    ("30 Februari 2024", "not a date on the calendar"),
    ("29 Februari 2023", "not a date on the calendar"),
    ("31 April 2024", "not a date on the calendar"),
    ("2024-02-30", "not a date on the calendar"),
    ("14 Feb 2024 25.00", "not a date on the calendar"),
    ("besok", "not a date I can read"),
    ("", "is empty"),
    ("14 Februari", "four-digit year"),  # dateutil would take this year: never guess
    ("14/02/24", "four-digit year"),
    ("Februari 2024", "a day, a month and a year"),
    ("2024", "a day, a month and a year"),
    ("14 Flurb 2024", "not a date I can read"),
    ("Senin, 14 Februari 2024", "is a Wednesday, not Senin"),
    ("2024-02-14T07:00+07:00", "UTC offset"),
    ("14 Februari 2024 WIB", "time zone but no time"),
    ("14 Feb 2024 07.00 WIB WITA", "more than one time zone"),
    ("14 Feb 2024\x07", "control characters"),
    ("14 Feb 2024\u202e", "control characters"),  # a bidi override would reorder the message
    ("14 Feb\u2028 2024", "control characters"),
    ("14\x85Feb 2024", "control characters"),
    # a zone dateutil cannot use is refused, never dropped with the time kept
    ("2024-02-14 pukul 07.00 EST", "'EST' is not a month, a weekday or a word of a date"),
    ("14 Feb 2024 07.00 PST", "Time zones are written WIB/WITA/WIT (or --zone"),
    ("14 Feb 2024 07.00 CET", "'CET'"),
    ("14 Feb 2024 07:00 UTC", "'UTC'"),
    ("14 Flurb 2024", "'Flurb' is not a month"),
    # a number that is neither the date nor the time is refused, never read as a time
    ("14 02 2024 2025", "the number '2025' is part of neither the date"),
    ("Rabu 14 Feb 2024 2023", "the number '2023'"),
    ("14 Feb 2024 07.00 13.00", "the number '13.00'"),
    ("14 Feb 2024 0700", "the number '0700'"),
    # years beyond what a schedule means, which date arithmetic could overflow
    ("14 Feb 9999", "outside the years 1900–2200"),
    ("1899-12-31", "outside the years 1900–2200"),
    ("2201-01-01T00:00", "outside the years 1900–2200"),
    ("0001-01-01", "outside the years 1900–2200"),
]


@pytest.mark.parametrize(("text", "why"), REFUSED)
def test_refused_with_a_clear_message(text: str, why: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text, "--start")
    message = caught.value.message("en")
    assert why in message
    assert message.startswith("--start")
    assert "\n" not in message
    assert caught.value.message("id") != message  # Indonesian by default


@pytest.mark.parametrize("text", ["2024-02-14 pukul 07.00 EST", "14 Feb 2024 07.00 HARI",
                                  "14 Feb 2024 07.00 PST", "PUKUL 07.00 WIB HARI RABU 14/2/2024"])
def test_dateutil_never_warns(text: str) -> None:
    """A warning is what dateutil gives instead of refusing; none may reach stderr."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with contextlib.suppress(InvalidInput):
            parse_date(text)
    assert [str(w.message) for w in caught] == []


def test_message_names_the_option_and_gives_examples() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date("30 Februari 2024", "--end")
    assert caught.value.message("id").startswith("--end '30 Februari 2024' bukan tanggal")
    assert "14 Februari 2024" in caught.value.message("id")


def test_result_does_not_depend_on_today() -> None:
    """Missing parts are refused, so nothing is filled in from the clock."""
    assert parse_date("14/02/2024") == parse_date("Rabu, 14 Februari 2024")
