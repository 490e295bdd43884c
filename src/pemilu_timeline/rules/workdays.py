"""The days a working-day count skips: Saturdays, Sundays, national holidays and cuti bersama.

Civil servants, and so KPU, Bawaslu and the courts, do not work on cuti bersama. The days come
from the ``holidays`` package (its public category is the libur nasional, its government
category the cuti bersama), with a bundled, cited overlay (``data/holidays.toml``) that names
each year's decrees and adds what the package lacks: local holidays declared for a regional
voting day, a day added mid-year. The package is imported only when a count in working days
is made, so commands that make none start as fast as before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from pemilu_timeline.errors import ScheduleFileError

OVERLAY_NAME = "holidays.toml"
PACKAGE_DIR = Path(__file__).parent.parent  # src/pemilu_timeline, or site-packages/...


class HolidayKind(StrEnum):
    NATIONAL = "libur-nasional"
    COLLECTIVE_LEAVE = "cuti-bersama"
    LOCAL = "libur-daerah"


@dataclass(frozen=True, slots=True)
class Holiday:
    date: dt.date
    name: str
    name_en: str
    kind: HolidayKind
    source: str
    estimated: bool = False  # the package computes it; the decree may set another day
    region: str | None = None  # for a local holiday: where it is one

    def display_name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name


@dataclass(frozen=True, slots=True)
class YearNote:
    """What the overlay says of a year: the decrees behind its days."""

    year: int
    source: str
    # Whether its cuti bersama are decreed; None leaves it to the package (a year with
    # cuti bersama in the package is settled).
    settled: bool | None = None


class WorkCalendar:
    """Which days are working days, year by year, built on first use of each year."""

    def __init__(self, overlay_days: list[Holiday], years: dict[int, YearNote],
                 removed: set[dt.date]) -> None:
        self._overlay = overlay_days
        self._years = years
        self._removed = removed
        self._by_year: dict[int, dict[dt.date, Holiday]] = {}
        self._settled: dict[int, bool] = {}

    def year(self, year: int) -> dict[dt.date, Holiday]:
        """Every national holiday and cuti bersama day of ``year``, by date (local holidays
        are listed by ``listed`` but never skipped: a national count does not stop for them)."""
        found = self._by_year.get(year)
        if found is None:
            found, settled = self._build(year)
            self._by_year[year] = found
            self._settled[year] = settled
        return found

    def is_settled(self, year: int) -> bool:
        """Whether the year's cuti bersama are decreed; until they are, a count across the
        year is an estimate."""
        self.year(year)
        return self._settled[year]

    def source(self, year: int) -> str:
        """What sets the year's days: its decrees as the overlay cites them, else the package."""
        note = self._years.get(year)
        if note is not None:
            return note.source
        import holidays

        return f"holidays {getattr(holidays, '__version__', '')}"

    def holiday(self, day: dt.date) -> Holiday | None:
        return self.year(day.year).get(day)

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.year(day.year)

    def listed(self, year: int) -> list[Holiday]:
        """What `libur` shows: the year's skipped days and its local holidays, by date."""
        local = [h for h in self._overlay if h.kind is HolidayKind.LOCAL and h.date.year == year]
        return sorted([*self.year(year).values(), *local], key=lambda h: (h.date, h.kind))

    def _build(self, year: int) -> tuple[dict[dt.date, Holiday], bool]:
        import holidays

        note = self._years.get(year)
        source = self.source(year)
        days: dict[dt.date, Holiday] = {}
        settled = note.settled if note and note.settled is not None else False
        for category, kind in (("public", HolidayKind.NATIONAL),
                               ("government", HolidayKind.COLLECTIVE_LEAVE)):
            indonesian = _package_days(holidays, year, category, "id")
            english = _package_days(holidays, year, category, "en_US")
            if kind is HolidayKind.COLLECTIVE_LEAVE and indonesian \
                    and (note is None or note.settled is None):
                settled = True  # the package has the year's decree
            for day, (name, estimated) in indonesian.items():
                if day in self._removed or day in days:
                    continue
                days[day] = Holiday(day, name, english.get(day, (name, False))[0], kind,
                                    source, estimated)
        for extra in self._overlay:
            if extra.date.year == year and extra.kind is not HolidayKind.LOCAL:
                days[extra.date] = extra
        return days, settled


def _package_days(module: Any, year: int, category: str,
                  language: str) -> dict[dt.date, tuple[str, bool]]:
    """The package's days of one category: name (without the estimate label) and whether
    the date is an estimate."""
    found = module.country_holidays("ID", years=year, categories=(category,),
                                    language=language)
    days: dict[dt.date, tuple[str, bool]] = {}
    for day, joined in found.items():
        names, estimated = [], False
        for name in str(joined).split("; "):
            for label in _ESTIMATE_LABELS:
                if name.endswith(label):
                    name, estimated = name[: -len(label)], True
            names.append(name)
        days[day] = ("; ".join(names), estimated)
    return days


# How the package marks a computed date, in the two languages it is asked for.
_ESTIMATE_LABELS = (" (perkiraan)", " (estimated)")


def overlay_path() -> Path:
    """The bundled overlay: beside the package in a wheel, in ./data in a checkout."""
    packaged = PACKAGE_DIR / "data" / OVERLAY_NAME
    if packaged.is_file():
        return packaged
    return PACKAGE_DIR.parents[1] / "data" / OVERLAY_NAME


def read_overlay(text: str, source: str) -> WorkCalendar:
    """The calendar with the overlay's days and year notes. The overlay is bundled, written
    by us; a bad entry is still one clear error, never a traceback."""
    import tomllib

    try:
        data = tomllib.loads(text)
        years = {int(y["year"]): YearNote(int(y["year"]), str(y["source"]),
                                          y.get("settled"))
                 for y in data.get("years", [])}
        days, removed = [], set()
        for entry in data.get("days", []):
            day = entry["date"]
            if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
                raise ValueError(f"date {day!r}")
            if entry.get("remove"):
                removed.add(day)
                continue
            days.append(Holiday(day, str(entry["name"]), str(entry.get("name_en") or
                                                             entry["name"]),
                                HolidayKind(entry["kind"]), str(entry["source"]),
                                region=entry.get("region")))
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
        raise ScheduleFileError("holidays.bad_overlay", path=source,
                                reason=str(error)[:120]) from None
    return WorkCalendar(days, years, removed)


@cache
def work_calendar() -> WorkCalendar:
    """The one calendar of this run (built when a count in working days first needs it)."""
    path = overlay_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        text = ""  # a package without its overlay still counts, on the package's days
    return read_overlay(text, str(path))
