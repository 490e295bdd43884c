"""The iCalendar (RFC 5545) export, for calendar apps and published subscriptions.

Calendar exports break in well-known ways (all-day events a day short, new UIDs on every run,
dropped zones, text that injects properties), so every choice here is made so that re-importing
or re-subscribing updates events in place:

* ``UID`` is derived from the stage's ``ELECTION/ID`` and nothing else;
* ``SEQUENCE`` is the stage's ``revision`` and ``LAST-MODIFIED`` its ``updated``;
* ``DTSTAMP`` comes from the data, never the clock, so the same file gives the same bytes;
* text is escaped exactly (``escape_text``) and folded as ``icalendar`` folds it;
* a title that stages of several elections share names its election (see ``shared_titles``).

The calendar's head and its VTIMEZONEs are icalendar's. The events, many thousands in a
regional schedule, are written one at a time by ``_EventWriter`` rather than as one object tree
(which took most of the time and held the whole calendar in memory twice); its bytes are
icalendar's, and ``to_ical_reference`` builds the tree so that the tests can say so.

The core never imports typer or rich; ``icalendar`` is imported only when iCal is asked for.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo

from pemilu_timeline.errors import InvalidInput
from pemilu_timeline.i18n import messages as i18n
from pemilu_timeline.model import ONE_DAY, Schedule, Sense, Stage, State
from pemilu_timeline.rules.describe import describe_rule
from pemilu_timeline.schedule.schema import CONTROL, CONTROL_STRICT
from pemilu_timeline.timing import as_day, zone_or_none

if TYPE_CHECKING:
    from icalendar import Calendar, Timezone, vText

PRODID = "-//pemilu-timeline//pemilu-timeline//EN"
UID_DOMAIN = "pemilu-timeline"
# The stamp when neither the stage, $SOURCE_DATE_EPOCH nor any stage's `updated` gives one.
FALLBACK_STAMP = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
# Subscribed calendars are asked to refresh daily (RFC 7986 and the older Microsoft property).
REFRESH = dt.timedelta(days=1)

# Every line break a reader may honour becomes LF, which the TEXT escaping writes as \n; then
# what the loader refuses in schedule files goes, for stages built in code (schema.CONTROL
# keeps tab and LF; a URI has room for neither, so it gets CONTROL_STRICT).
_LINE_BREAKS = re.compile(r"\r\n?|[\x85\u2028\u2029]")


def clean_text(text: str) -> str:
    """Text as iCalendar can carry it: one kind of line break, nothing a reader or a terminal
    would act on."""
    if text.replace("\n", "").replace("\t", "").isprintable():  # nothing to take out (tests)
        return text
    return CONTROL.sub("", _LINE_BREAKS.sub("\n", text))


# --- durations ---------------------------------------------------------------------------

_COMPACT = re.compile(r"^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$", re.IGNORECASE)
_ISO = re.compile(r"^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$",
                  re.IGNORECASE)


def parse_duration(text: str) -> dt.timedelta:
    """Parse an alarm lead time: ``1d``, ``2h``, ``30m``, ``1d12h``, ``1w`` or ISO ``P1D``/``PT2H``.

    Both forms are accepted because reporters type ``1d`` while calendar people know ``P1D``.
    """
    value = text.strip()
    parts: tuple[str | None, ...] | None = None
    compact = _COMPACT.match(value)
    if compact and any(compact.groups()):
        weeks, days, hours, minutes = compact.groups()
        parts = (weeks, days, hours, minutes, None)
    else:
        iso = _ISO.match(value)
        if iso and any(iso.groups()):
            parts = iso.groups()
    if parts is not None:
        weeks, days, hours, minutes, seconds = (int(p) if p else 0 for p in parts)
        try:
            return dt.timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes,
                                seconds=seconds)
        except OverflowError:
            pass
    raise InvalidInput("input.unknown_duration", text=text)


# --- iCalendar ---------------------------------------------------------------------------


def stage_uid(stage: Stage) -> str:
    """``pemilu-2024.masa-tenang@pemilu-timeline``: the key, stable across edits and exports.

    A dot rather than the key's slash, because some CalDAV servers use the UID in a URL path;
    ids cannot contain dots, so the UID still names exactly one ELECTION/ID.
    """
    return f"{stage.election}.{stage.id}@{UID_DOMAIN}"


def default_stamp(schedule: Schedule, environ: dict[str, str] | None = None) -> dt.datetime:
    """DTSTAMP for stages without ``updated``: $SOURCE_DATE_EPOCH, else the data's latest edit.

    Never the clock: the same schedule must export to the same bytes (reproducible builds,
    diffable published calendars). The fallback is the Unix epoch.
    """
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise InvalidInput("input.bad_epoch", epoch=epoch) from None
    stamps = [s.updated for s in schedule.stages if s.updated is not None]
    return max(stamps) if stamps else FALLBACK_STAMP


def calendar_name(schedule: Schedule, stages: Sequence[Stage], lang: str) -> str:
    """The elections the file holds, in the schedule's order (all of them when it is empty)."""
    present = {s.election for s in stages}
    chosen = [e for e in schedule.elections.values() if e.id in present] or list(
        schedule.elections.values())
    return " · ".join(e.display_name(lang) for e in chosen) or "pemilu-timeline"


def describe(schedule: Schedule, stage: Stage, lang: str, *, local_time: bool = False,
             written_in: str | None = None) -> str:
    """DESCRIPTION: why the stage is in doubt (if it is), its note, the rule, and the source."""
    lines: list[str] = []
    if stage.state is State.CANCELLED:
        status = i18n.t("status.cancelled", lang).capitalize()
        lines.append(f"{status}. {i18n.t('export.reason', lang)}: {stage.reason_in(lang) or '-'}")
    elif stage.state is State.TENTATIVE:
        lines.append(i18n.t("status.tentative", lang).capitalize() + ".")
    condition = stage.condition_in(lang)
    if condition:
        lines.append(f"{i18n.t('export.condition', lang)}: {condition}")
    if stage.after is not None:
        lines.append(f"{i18n.t('export.rule', lang)}: {describe_rule(schedule, stage, lang)}")
        if stage.dated_by_rule and stage.after.sense is Sense.AT_LATEST:
            lines.append(i18n.t("export.deadline", lang))
    if stage.estimated:
        lines.append(i18n.t("label.estimated_why", lang).capitalize() + ".")
    if local_time:
        lines.append(i18n.t("export.local_time_in", lang, zone=written_in) if written_in
                     else i18n.t("export.local_time", lang))
    note = stage.note_in(lang)
    if note:
        lines.append(note)
    lines.append(f"{i18n.t('col.source', lang)}: {stage.source}")
    return clean_text("\n".join(lines))


# Between a stage's name and its election's, when the title alone would be ambiguous.
ELECTION_SEPARATOR = " — "


def summary(stage: Stage, lang: str, election: str | None = None) -> str:
    """The event title; a cancelled or tentative stage says so, since many apps hide STATUS.
    ``election``, when given, follows the name: "Masa Tenang — Pemilihan Umum 2024"."""
    name = stage.display_name(lang)
    if election:
        name = f"{name}{ELECTION_SEPARATOR}{election}"
    if stage.state is State.CONFIRMED:
        return clean_text(name)
    return clean_text(f"[{i18n.t('status.' + stage.state.value, lang).capitalize()}] {name}")


def _title_key(stage: Stage, lang: str) -> str:
    """The name as a reader compares titles: case and runs of spaces do not tell them apart."""
    return " ".join(clean_text(stage.display_name(lang)).split()).casefold()


def shared_titles(stages: Iterable[Stage], lang: str) -> frozenset[str]:
    """Keys of the stages whose title must name their election: those whose name (in
    ``lang``) stages of more than one election in the file share.

    Only the ambiguous titles, not every title once the file holds two elections: in a
    calendar that mixes Pemilu 2024 and Pilkada 2024, "Masa Tenang" twice says nothing, but
    "Masa Kampanye Pemilu" needs no help, and election names run long (the Pilkada's is a
    sentence) where apps show a few words. A one-election file, and a combined file's
    unambiguous events, keep the titles they had. The titles depend on what the file holds:
    a filter that drops the other election's stage drops the suffix too (the UID stays, so
    a subscribed calendar renames the event in place).
    """
    elections: dict[str, set[str]] = {}
    keyed = [(_title_key(stage, lang), stage) for stage in stages]
    for title, stage in keyed:
        elections.setdefault(title, set()).add(stage.election)
    return frozenset(stage.key for title, stage in keyed if len(elections[title]) > 1)


def _election_name(schedule: Schedule, stage: Stage, lang: str) -> str:
    election = schedule.elections.get(stage.election)
    return election.display_name(lang) if election is not None else stage.election


def _election_zone(schedule: Schedule, stage: Stage) -> ZoneInfo | None:
    election = schedule.elections.get(stage.election)
    return _iana(election.timezone) if election is not None else None


def _iana(name: str) -> ZoneInfo:
    zone = zone_or_none(name)
    if zone is None:  # the loader refuses unknown zones; a hand-built Stage may not
        raise InvalidInput("input.unknown_zone", name=name)
    return zone


def _event_times(stage: Stage, local_zone: ZoneInfo | None
                 ) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None]:
    """DTSTART and DTEND as icalendar should write them.

    All-day stages are dates with an exclusive end (last day + 1). Timed stages pinned with
    ``zone`` carry that zone; the others ("this clock time wherever the voter is") are read
    in ``local_zone``, or float (RFC 5545 floating time) when it is None.
    A timed stage with no length (a moment) has no DTEND: RFC 5545 wants DTEND after DTSTART.
    """
    assert stage.start is not None and stage.end is not None
    if not isinstance(stage.start, dt.datetime) or not isinstance(stage.end, dt.datetime):
        end_day = as_day(stage.end)
        return stage.start, end_day + ONE_DAY
    zone = _iana(stage.clock_zone) if stage.clock_zone else local_zone
    start, end = stage.start.replace(tzinfo=zone), stage.end.replace(tzinfo=zone)
    return start, (end if end > start else None)


def escape_text(text: str) -> str:
    """RFC 5545 TEXT escaping, exactly: backslash, semicolon, comma and newline.

    icalendar's own escaping also turns a literal backslash-N into a line break (it reads
    ``\\N`` as "newline" on the way in), which would change a note that contains it; this is
    the one step done here rather than by the library.
    """
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


@lru_cache(maxsize=1)
def _text_type() -> type[vText]:
    from icalendar import vText

    class ExactText(vText):
        """A TEXT value escaped by ``escape_text`` (see there for why)."""

        def to_ical(self) -> bytes:
            return escape_text(str(self)).encode("utf-8")

    return ExactText


def _text(value: str) -> vText:
    return _text_type()(clean_text(value))


@lru_cache(maxsize=32)
def _vtimezone(key: str, first_year: int, last_year: int) -> Timezone:
    """VTIMEZONE for the years the events span (stable output: whole years, from tzdata)."""
    from icalendar import Timezone

    return Timezone.from_tzid(key, first_date=dt.date(first_year, 1, 1),
                              last_date=dt.date(last_year + 1, 1, 1))


class _Event(NamedTuple):
    """What one VEVENT says, its texts cleaned, before either writer spells it."""

    uid: str
    stamp: dt.datetime
    modified: dt.datetime | None
    sequence: int
    title: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None
    description: str
    location: str | None
    tags: tuple[str, ...]
    url: str | None
    status: str
    alarm: bool


class _Plan:
    """The choices one export makes, shared by both writers: which stages become events,
    the zone each is read in, its title and every value of its VEVENT."""

    def __init__(self, schedule: Schedule, stages: Iterable[Stage], lang: str, *,
                 alarm: dt.timedelta | None, local_zone: str | None, floating: bool,
                 environ: dict[str, str] | None) -> None:
        chosen = list(stages)
        self.schedule, self.lang, self.alarm, self.floating = schedule, lang, alarm, floating
        self.pinned = _iana(local_zone) if local_zone else None
        self.election_zones: dict[str, ZoneInfo | None] = {}
        self.fallback = default_stamp(schedule, environ)
        self.name = calendar_name(schedule, chosen, lang)
        # Pending stages (no date until their anchor is dated) cannot be placed in a
        # calendar; they are left out here and appear in the JSON and CSV exports instead.
        self.dated = [stage for stage in chosen if stage.is_dated]
        self.shared = shared_titles(self.dated, lang)

    def zone(self, stage: Stage) -> ZoneInfo | None:
        """The zone a timed stage without a ``zone`` of its own is read in (None: floating)."""
        if self.floating:
            return None
        if self.pinned is not None:
            return self.pinned
        if stage.election not in self.election_zones:
            self.election_zones[stage.election] = _election_zone(self.schedule, stage)
        return self.election_zones[stage.election]

    def times(self, stage: Stage) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None]:
        return _event_times(stage, self.zone(stage))

    def event(self, stage: Stage) -> _Event:
        schedule, lang = self.schedule, self.lang
        title = summary(stage, lang, _election_name(schedule, stage, lang)
                        if stage.key in self.shared else None)
        start, end = self.times(stage)
        local = stage.is_timed and not stage.clock_zone
        written_in = getattr(self.zone(stage), "key", None) if local else None
        place = schedule.region_label(stage.region) if stage.region else None
        return _Event(
            uid=stage_uid(stage), stamp=stage.updated or self.fallback, modified=stage.updated,
            sequence=stage.revision, title=title, start=start, end=end,
            description=describe(schedule, stage, lang, local_time=local,
                                 written_in=written_in),
            location=clean_text(place) if place is not None else None,
            tags=tuple(map(clean_text, stage.tags)),
            url=CONTROL_STRICT.sub("", stage.url).strip() if stage.url else None,
            status=stage.state.value.upper(),
            alarm=self.alarm is not None and stage.state is not State.CANCELLED)

    def calendar(self, zone_years: dict[str, list[int]]) -> Calendar:
        """The VCALENDAR's own properties and the VTIMEZONEs of ``zone_years``, no events."""
        from icalendar import Calendar, vDuration

        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("name", _text(self.name))
        calendar.add("x-wr-calname", _text(self.name))
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH))
        for key in sorted(zone_years):
            years = zone_years[key]
            calendar.add_component(_vtimezone(key, min(years), max(years)))
        return calendar


def to_ical(schedule: Schedule, stages: Iterable[Stage], lang: str, *,
            alarm: dt.timedelta | None = None, local_zone: str | None = None,
            floating: bool = False, environ: dict[str, str] | None = None) -> bytes:
    """One VCALENDAR with a VEVENT per dated stage, as CRLF-terminated, folded bytes.

    Timed stages with no ``zone`` of their own (voting hours, "07.00–13.00 waktu setempat")
    get a TZID and its VTIMEZONE: ``local_zone``, else their election's zone, so that every
    calendar app places them at one exact instant. ``floating`` writes them as RFC 5545
    floating times instead: each calendar shows the same clock hours in its own zone.
    ``alarm`` adds a VALARM that long before each stage that is not cancelled.
    """
    return b"".join(ical_chunks(schedule, stages, lang, alarm=alarm, local_zone=local_zone,
                                floating=floating, environ=environ))


def ical_chunks(schedule: Schedule, stages: Iterable[Stage], lang: str, *,
                alarm: dt.timedelta | None = None, local_zone: str | None = None,
                floating: bool = False, environ: dict[str, str] | None = None
                ) -> Iterator[bytes]:
    """``to_ical`` as it is made: the calendar's head, then one VEVENT after another.

    Every choice is made (and every refusal raised) before the first bytes. The head and
    its VTIMEZONEs are icalendar's; each VEVENT is spelled by ``_EventWriter``, whose bytes
    are the ones icalendar writes for the same event (``to_ical_reference``, tests).
    """
    plan = _Plan(schedule, stages, lang, alarm=alarm, local_zone=local_zone,
                 floating=floating, environ=environ)
    writer = _EventWriter(alarm)
    zone_years: dict[str, list[int]] = {}
    for stage in plan.dated:
        for moment in plan.times(stage):
            if isinstance(moment, dt.datetime):
                tzid = writer.tzid(moment.tzinfo)
                if tzid:
                    zone_years.setdefault(tzid, []).append(moment.year)
    return _chunks(plan, writer, zone_years)


def _chunks(plan: _Plan, writer: _EventWriter, zone_years: dict[str, list[int]]
            ) -> Iterator[bytes]:
    head: bytes = plan.calendar(zone_years).to_ical()
    yield head.removesuffix(_CALENDAR_END)
    for stage in plan.dated:
        yield writer.vevent(plan.event(stage))
    yield _CALENDAR_END


_CALENDAR_END = b"END:VCALENDAR\r\n"
_FOLD_AT = 75  # a line of this many octets (CRLF aside) is folded, as icalendar folds it
_FOLD_ESCAPES = frozenset(b"\\^")  # icalendar never ends a folded line with these


def fold(line: str) -> bytes:
    """A content line as icalendar folds it: each line under 75 octets, the break between
    two characters (never inside one), and not right after a backslash or caret."""
    data = line.encode("utf-8")
    if len(data) < _FOLD_AT:
        return data
    parts = []
    start = 0
    while len(data) - start >= _FOLD_AT:
        end = start + _FOLD_AT - 1
        while data[end] & 0xC0 == 0x80:  # inside a UTF-8 character: break before it
            end -= 1
        if data[end - 1] in _FOLD_ESCAPES:
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts)


class _EventWriter:
    """VEVENTs spelled without icalendar's objects: its property order, its date and time
    formats and its folding, with the zone parameters and the alarm trigger asked of
    icalendar itself once per export."""

    def __init__(self, alarm: dt.timedelta | None) -> None:
        self.zones: dict[dt.tzinfo | None, tuple[str, str, str | None]] = {}
        self.stamps: dict[dt.datetime, bytes] = {}
        self.trigger = b""
        if alarm is not None:
            from icalendar import vDDDTypes

            self.trigger = b"TRIGGER:" + vDDDTypes(-alarm).to_ical()

    def _zone(self, zone: dt.tzinfo | None) -> tuple[str, str, str | None]:
        """(parameters, suffix, TZID) icalendar writes for a time in ``zone``."""
        found = self.zones.get(zone)
        if found is None:
            from icalendar import vDDDTypes

            value = vDDDTypes(dt.datetime(2000, 1, 1, tzinfo=zone))
            params = value.params.to_ical().decode("utf-8")
            suffix = "Z" if value.to_ical().endswith(b"Z") else ""
            found = (";" + params if params else "", suffix, value.params.get("TZID"))
            self.zones[zone] = found
        return found

    def tzid(self, zone: dt.tzinfo | None) -> str | None:
        return self._zone(zone)[2]

    def moment(self, name: str, value: dt.date | dt.datetime) -> str:
        if isinstance(value, dt.datetime):
            params, suffix, _ = self._zone(value.tzinfo)
            return (f"{name}{params}:{value.year:04}{value.month:02}{value.day:02}"
                    f"T{value.hour:02}{value.minute:02}{value.second:02}{suffix}")
        return f"{name};VALUE=DATE:{value.year:04}{value.month:02}{value.day:02}"

    def stamp(self, name: bytes, value: dt.datetime) -> bytes:
        """DTSTAMP and LAST-MODIFIED, which icalendar turns into UTC."""
        text = self.stamps.get(value)
        if text is None:
            utc = value.replace(tzinfo=dt.UTC) if value.tzinfo is None \
                else value.astimezone(dt.UTC)
            text = self.stamps[value] = (f":{utc.year:04}{utc.month:02}{utc.day:02}"
                                         f"T{utc.hour:02}{utc.minute:02}{utc.second:02}Z"
                                         ).encode()
        return name + text

    def vevent(self, event: _Event) -> bytes:
        lines = [b"BEGIN:VEVENT", fold("SUMMARY:" + escape_text(event.title)),
                 fold(self.moment("DTSTART", event.start))]
        if event.end is not None:
            lines.append(fold(self.moment("DTEND", event.end)))
        lines += (self.stamp(b"DTSTAMP", event.stamp), fold("UID:" + _library_text(event.uid)),
                  b"SEQUENCE:%d" % event.sequence)
        if event.tags:
            lines.append(fold("CATEGORIES:" + ",".join(map(escape_text, event.tags))))
        lines.append(fold("DESCRIPTION:" + escape_text(event.description)))
        if event.modified is not None:
            lines.append(self.stamp(b"LAST-MODIFIED", event.modified))
        if event.location is not None:
            lines.append(fold("LOCATION:" + escape_text(event.location)))
        lines += (fold("STATUS:" + _library_text(event.status)), b"TRANSP:TRANSPARENT")
        if event.url is not None:
            lines.append(fold("URL:" + event.url))
        if event.alarm:
            lines += (b"BEGIN:VALARM", b"ACTION:DISPLAY",
                      fold("DESCRIPTION:" + escape_text(event.title)), self.trigger,
                      b"END:VALARM")
        lines.append(b"END:VEVENT\r\n")
        return b"\r\n".join(lines)


_LIBRARY_ESCAPES = re.compile(r"[\\;,\r\n]")


def _library_text(value: str) -> str:
    """A TEXT value as icalendar escapes it (UID, STATUS): the library's own function for
    the rare value that needs escaping (it differs from ``escape_text`` on ``\\N``)."""
    if _LIBRARY_ESCAPES.search(value) is None:
        return value
    from icalendar import vText

    return vText(value).to_ical().decode("utf-8")


def to_ical_reference(schedule: Schedule, stages: Iterable[Stage], lang: str, *,
                      alarm: dt.timedelta | None = None, local_zone: str | None = None,
                      floating: bool = False, environ: dict[str, str] | None = None) -> bytes:
    """``to_ical`` through icalendar's object tree: every event a ``Event`` component, the
    whole calendar one ``to_ical``. Slow and held in memory whole; the fast writer's bytes
    are tested against it."""
    from icalendar import Alarm, Event, vCategory

    plan = _Plan(schedule, stages, lang, alarm=alarm, local_zone=local_zone,
                 floating=floating, environ=environ)
    zone_years: dict[str, list[int]] = {}
    events = []
    for stage in plan.dated:
        item = plan.event(stage)
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", item.stamp)
        if item.modified is not None:
            event.add("last-modified", item.modified)
        event.add("sequence", item.sequence)
        event.add("summary", _text(item.title))
        event.add("dtstart", item.start)
        if item.end is not None:
            event.add("dtend", item.end)
        event.add("description", _text(item.description))
        if item.location is not None:
            event.add("location", _text(item.location))
        if item.tags:
            categories = vCategory([])
            categories.cats = [_text(tag) for tag in item.tags]
            event.add("categories", categories)
        if item.url is not None:
            event.add("url", item.url)
        event.add("status", item.status)
        # An election stage informs; it should not block anyone's free/busy time.
        event.add("transp", "TRANSPARENT")
        if item.alarm:
            reminder = Alarm()
            reminder.add("action", "DISPLAY")
            reminder.add("description", _text(item.title))
            reminder.add("trigger", -alarm)  # type: ignore[operator]
            event.add_component(reminder)
        for prop, moment in (("DTSTART", item.start), ("DTEND", item.end)):
            # The TZID icalendar will write (none for floating times, none for UTC: "Z").
            tzid = event[prop].params.get("TZID") if prop in event else None
            if tzid and isinstance(moment, dt.datetime):
                zone_years.setdefault(tzid, []).append(moment.year)
        events.append(event)

    calendar = plan.calendar(zone_years)
    for event in events:
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
