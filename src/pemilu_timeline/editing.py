"""Adding, correcting and removing stages in a schedule's data.

The functions change the raw TOML data of a file in place (what ``store.update`` hands them),
so that what is not touched is written back exactly as it was, and refuse bad input with a
one-line message before anything is written. ``store`` re-validates the whole result anyway.
Every change stamps the stage's history: ``revision`` (1 when added, +1 per edit) and
``updated`` (UTC), which exports use so that subscribed calendars notice a correction.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pemilu_timeline.errors import InvalidInput, StageNotFound
from pemilu_timeline.model import Schedule, Stage
from pemilu_timeline.schedule_file import ID_PATTERN, STATE_VALUES
from pemilu_timeline.timing import ZONE_ALIASES, zone_or_none

Moment = dt.date | dt.datetime
Data = dict[str, Any]

REQUIRED_TEXT = ("name", "name_en", "source")
OPTIONAL_TEXT = ("note", "url", "zone", "reason", "condition")
EDITABLE = ("name", "name_en", "start", "end", "tags", "source", "note", "url", "zone",
            "milestone", "state", "reason", "condition")


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class EditResult:
    key: str
    changes: tuple[FieldChange, ...]
    revision: int


def utc_now() -> dt.datetime:
    """The stamp for ``updated``: UTC, whole seconds (what the file keeps)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _refuse(message_id: str, message_en: str) -> InvalidInput:
    return InvalidInput(message_id=message_id, message_en=message_en)


def check_text(option: str, value: str, *, multiline: bool = False) -> str:
    """Text typed by staff: no control characters (tab/newline only in a note), not empty."""
    text = value.strip()
    if not text:
        raise _refuse(f"{option} tidak boleh kosong.", f"{option} must not be empty.")
    allowed = {"\t", "\n"} if multiline else set()
    for char in text:
        if char in allowed:
            continue
        if unicodedata.category(char) in ("Cc", "Cs"):
            shown = f"U+{ord(char):04X}"
            raise _refuse(f"{option} berisi karakter kontrol ({shown}); hapus karakter itu.",
                          f"{option} contains a control character ({shown}); remove it.")
    return text


def visible(text: str) -> str:
    """Text to quote in a message: control characters shown as escapes, never sent raw to the
    terminal (an ESC in an argument must not recolour or rewrite the user's screen)."""
    return "".join(f"\\x{ord(c):02x}" if unicodedata.category(c) == "Cc" else c for c in text)


def check_id(option: str, value: str) -> str:
    if not ID_PATTERN.match(value):
        value = visible(value)
        raise _refuse(
            f"{option} '{value}' bukan id yang sah: pakai huruf kecil, angka dan tanda '-', "
            "mis. debat-capres-1.",
            f"{option} '{value}' is not a valid id: use lower-case letters, digits and '-', "
            "e.g. debat-capres-1.")
    return value


def check_zone(value: str) -> str:
    """WIB/WITA/WIT or an IANA name; stored as the IANA name."""
    if zone_or_none(value) is None:
        raise _refuse(f"--zone '{value}' tidak dikenal. Pakai WIB, WITA, WIT atau nama IANA "
                      "seperti Asia/Jakarta.",
                      f"--zone '{value}' is unknown. Use WIB, WITA, WIT or an IANA name such "
                      "as Asia/Jakarta.")
    return ZONE_ALIASES.get(value.upper(), value)


def check_tags(tags: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(check_text("--tag", t) for t in tags))


def check_dates(start: Moment | None, end: Moment | None) -> None:
    if start is None or end is None:
        return
    if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
        raise _refuse("Mulai dan selesai harus sama jenisnya: keduanya tanggal, atau keduanya "
                      "tanggal dengan jam.",
                      "Start and end must be of one kind: both dates, or both dates with a "
                      "time.")
    if end < start:
        raise _refuse(f"Selesai ({end.isoformat()}) sebelum mulai ({start.isoformat()}).",
                      f"The end ({end.isoformat()}) is before the start ({start.isoformat()}).")


def add_stage(data: Data, schedule: Schedule, *, stage_id: str, election: str, name: str,
              name_en: str | None, start: Moment, end: Moment | None = None,
              tags: Sequence[str] = (), source: str, note: str | None = None,
              url: str | None = None, zone: str | None = None, milestone: bool = False,
              now: dt.datetime) -> Data:
    """Add a stage (``end`` defaults to ``start``: a one-day milestone); returns its data."""
    check_id("ID", stage_id)
    if election not in schedule.elections:
        known = ", ".join(schedule.elections) or "-"
        shown = visible(election)
        raise _refuse(f"Pemilihan '{shown}' tidak ada di berkas. Yang ada: {known}.",
                      f"Election '{shown}' is not in the file. Known: {known}.")
    key = f"{election}/{stage_id}"
    if schedule.get(key) is not None:
        raise _refuse(f"Tahapan {key} sudah ada. Ubah dengan `pemilu-timeline edit {key}`.",
                      f"Stage {key} already exists. Change it with `pemilu-timeline edit {key}`.")
    check_dates(start, end)
    stage: Data = {"id": stage_id, "election": election, "name": check_text("--name", name),
                   "name_en": check_text("--name-en", name_en if name_en is not None else name),
                   "start": start}
    if end is not None and end != start:
        stage["end"] = end
    if zone is not None:
        stage["zone"] = check_zone(zone)
    if tags:
        stage["tags"] = check_tags(tags)
    if milestone:
        stage["milestone"] = True
    stage["source"] = check_text("--source", source)
    if url is not None:
        stage["url"] = check_text("--url", url)
    if note is not None:
        stage["note"] = check_text("--note", note, multiline=True)
    stage["revision"] = 1
    stage["updated"] = now
    stages = data.setdefault("stages", [])
    stages.insert(_insertion_point(stages, election, start), stage)
    return stage


def _as_datetime(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    return None


def _insertion_point(stages: list[Data], election: str, start: Moment) -> int:
    """After the last stage of the same election starting no later; else before its first.

    A chronological file stays chronological, and nothing else moves (so removing the stage
    again gives back the same bytes).
    """
    mine = [i for i, s in enumerate(stages) if s.get("election") == election]
    if not mine:
        return len(stages)
    new = _as_datetime(start)
    assert new is not None
    dated = [(i, _as_datetime(stages[i].get("start"))) for i in mine]
    earlier = [i for i, when in dated if when is not None and when <= new]
    if earlier:
        return earlier[-1] + 1
    later = [i for i, when in dated if when is not None]
    return later[0] if later else mine[-1] + 1


def resolve(schedule: Schedule, query: str) -> Stage:
    """The stage a change is about. What looks like an id must match exactly.

    Schedule.find falls back to words of the name, so a removed `pemilu-2024/pemungutan-suara`
    would find `jam-pemungutan-suara`; for a change (and `remove --yes` in a script) that
    would hit the wrong stage. Words with spaces ("jam pemungutan") still search names.
    """
    text = query.strip()
    if visible(text) != text:
        raise StageNotFound(query=visible(text), close=[])
    election, _, stage_id = text.rpartition("/")
    if ID_PATTERN.match(stage_id) and (not election or ID_PATTERN.match(election)):
        exact = [s for s in schedule if s.key == text or (not election and s.id == text)]
        if not exact:
            import difflib

            keys = [s.key for s in schedule] + [s.id for s in schedule]
            close = difflib.get_close_matches(text, keys, n=5, cutoff=0.6)
            raise StageNotFound(query=visible(query), close=list(dict.fromkeys(close)))
    return schedule.find(text)


def _raw_index(data: Data, stage: Stage) -> int:
    for index, raw in enumerate(data.get("stages", [])):
        if raw.get("election") == stage.election and raw.get("id") == stage.id:
            return index
    raise AssertionError(f"{stage.key} is in the schedule but not in its data")


def edit_stage(data: Data, schedule: Schedule, query: str, changes: Mapping[str, Any], *,
               now: dt.datetime) -> EditResult:
    """Change only the given fields; ``None`` removes an optional field.

    Returns what changed; when nothing did, the stage (and its revision) is left alone.
    """
    stage = resolve(schedule, query)
    raw = data["stages"][_raw_index(data, stage)]
    wanted = _checked_changes(changes, raw)
    start = wanted.get("start", raw.get("start"))
    end = wanted["end"] if "end" in wanted else raw.get("end")
    if "start" in wanted and "end" not in wanted and end is not None \
            and _kind(start) != _kind(end):
        end = None  # a new kind of date: the old end cannot stay; a one-day stage then
        wanted["end"] = None
    if "start" in wanted and "end" not in wanted and end is not None and end < start:
        raise _refuse(
            f"--start {start.isoformat()} jatuh setelah selesainya ({end.isoformat()}). "
            "Beri --end juga.",
            f"--start {start.isoformat()} is after the stage's end ({end.isoformat()}). "
            "Give --end too.")
    if start is None and end is not None:
        raise _refuse(f"{stage.key} belum bertanggal; beri --start juga.",
                      f"{stage.key} has no date yet; give --start too.")
    check_dates(start, end)
    done: list[FieldChange] = []
    for name in EDITABLE:
        if name not in wanted:
            continue
        old, new = raw.get(name), wanted[name]
        if name == "end" and new == start:
            new = None  # one day: the file writes no end
        if name == "state" and new == "confirmed":
            new = None
        if name == "milestone" and new is False:
            new = None
        if old == new:
            continue
        done.append(FieldChange(name, old, new))
        if new is None:
            raw.pop(name, None)
        else:
            raw[name] = new
    if "start" in wanted and raw.get("start") is not None:
        raw.pop("undated", None)
    if not done:
        return EditResult(stage.key, (), int(raw.get("revision", 1)))
    raw["revision"] = int(raw.get("revision", 1)) + 1
    raw["updated"] = now
    return EditResult(stage.key, tuple(done), raw["revision"])


def _kind(value: Any) -> type:
    return dt.datetime if isinstance(value, dt.datetime) else dt.date


def _checked_changes(changes: Mapping[str, Any], raw: Data) -> dict[str, Any]:
    wanted: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in EDITABLE:
            raise ValueError(f"not an editable field: {name}")
        option = "--" + name.replace("_", "-")
        if name in REQUIRED_TEXT:
            wanted[name] = check_text(option, value)
        elif name in OPTIONAL_TEXT:
            if value is None or not str(value).strip():
                wanted[name] = None
            elif name == "zone":
                wanted[name] = check_zone(value)
            else:
                wanted[name] = check_text(option, value, multiline=name == "note")
        elif name == "tags":
            wanted[name] = check_tags(value) or None
        elif name == "state":
            if value not in STATE_VALUES:
                raise _refuse(f"--state harus salah satu dari: {', '.join(sorted(STATE_VALUES))}.",
                              f"--state must be one of: {', '.join(sorted(STATE_VALUES))}.")
            wanted[name] = value
        else:
            wanted[name] = value
    if wanted.get("state") == "cancelled" and not (wanted.get("reason") or raw.get("reason")):
        raise _refuse("Tahapan yang dibatalkan perlu alasan: beri --reason.",
                      "A cancelled stage needs a reason: give --reason.")
    return wanted


def remove_stage(data: Data, schedule: Schedule, query: str) -> Stage:
    """Remove a stage, unless other stages are dated relative to it."""
    stage = resolve(schedule, query)
    dependants = [s.key for s in schedule if s.after is not None and s.after.stage == stage.key]
    if dependants:
        names = ", ".join(dependants)
        raise _refuse(
            f"{stage.key} tidak dihapus: tanggal {names} dihitung darinya. Ubah atau hapus "
            "tahapan itu dulu.",
            f"{stage.key} was not removed: the dates of {names} are counted from it. Change "
            "or remove those first.")
    del data["stages"][_raw_index(data, stage)]
    return stage
