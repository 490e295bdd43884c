"""Adding, correcting and removing stages in a schedule's data.

The functions change the raw TOML data of a file in place (what ``store.update`` hands them),
so that what is not touched is written back exactly as it was, and refuse bad input with a
one-line message before anything is written. ``store`` re-validates the whole result anyway.
Every change stamps the stage's history: ``revision`` (1 when added, +1 per edit) and
``updated`` (UTC), which exports use so that subscribed calendars notice a correction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pemilu_timeline.errors import InvalidInput, StageNotFound
from pemilu_timeline.i18n.lexicon import ZONE_WORDS
from pemilu_timeline.i18n.messages import Worded
from pemilu_timeline.model import Rule, Schedule, Sense, Span, Stage, State, over_long
from pemilu_timeline.rules.calendar import (
    InvertedWindow,
    NeedsTime,
    OutOfRange,
    anchor_moment,
    inconsistencies,
    reckon,
)
from pemilu_timeline.rules.resolve import chain
from pemilu_timeline.schedule.patch import Unread
from pemilu_timeline.schedule.schema import (
    CONTROL,
    CONTROL_STRICT,
    ELECTION_FIELDS,
    ID_PATTERN,
    RULE_FIELDS,
    STAGE_FIELDS,
    UNIT_FIELDS,
    WEB_ADDRESS,
    Field,
    FieldDiff,
    Kind,
    by_name,
    editable_fields,
    escaped,
    rule_from_table,
    rule_table,
    span_table,
)
from pemilu_timeline.timing import zone_or_none

Moment = dt.date | dt.datetime
Data = dict[str, Any]

FIELDS = by_name(STAGE_FIELDS)
EDITABLE = editable_fields()
STATE_VALUES = FIELDS["state"].choices
CLEARED_WHEN_CONFIRMED = ("reason", "reason_en")


@dataclass(frozen=True)
class EditResult:
    key: str
    changes: tuple[FieldDiff, ...]
    revision: int


@dataclass(frozen=True)
class RuleChange:
    """What `--rule "…"`, or `--after STAGE` with a flag for each part of a rule, asked for.

    ``None`` means "not given": a new rule takes the file format's defaults (0 days,
    exactly, after the anchor's end, 1 day), an edited rule keeps its current value. The
    amount is one whole: giving any unit (``days``, ``working_days``, …) replaces them all.
    """

    anchor: str | None = None
    days: int | None = None
    sense: str | None = None
    edge: str | None = None
    duration: int | None = None
    direction: str | None = None
    years: int | None = None
    months: int | None = None
    working_days: int | None = None
    hours: int | None = None
    counting: str | None = None
    latest: Span | None = None
    option: str = "--after"  # how the anchor was given, for messages: --after or --rule

    def parts(self) -> dict[str, Any]:
        """The rule's parts that were given, by field name."""
        return {item.name: getattr(self, item.name) for item in RULE_FIELDS
                if item.name != "stage" and getattr(self, item.name) is not None}

    @property
    def parts_given(self) -> bool:
        return bool(self.parts())

    @property
    def given(self) -> bool:
        return self.anchor is not None or self.parts_given


def utc_now() -> dt.datetime:
    """The stamp for ``updated``: UTC, whole seconds (what the file keeps)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _refuse(key: str, /, **params: Any) -> InvalidInput:
    return InvalidInput(key, **params)


def check_text(option: str, value: str, *, multiline: bool = False) -> str:
    """Text typed by staff: nothing the loader would refuse (tab/newline only in a note), so
    the refusal names the option rather than a line of the file; not empty."""
    text = value.strip()
    if not text:
        raise _refuse("edit.empty", option=option)
    unsafe = (CONTROL if multiline else CONTROL_STRICT).search(text)
    if unsafe is not None:
        raise _refuse("edit.control", option=option, char=f"U+{ord(unsafe.group()):04X}")
    return text


def check_url(value: str) -> str:
    """A link readers and calendar apps will open: http or https, nothing that runs."""
    if not WEB_ADDRESS.match(value):
        raise _refuse("edit.bad_url", value=visible(value[:80]))
    return value


def visible(text: str) -> str:
    """Text to quote in a message: unsafe characters shown as escapes, never sent raw to the
    terminal (an ESC must not recolour the screen, nor a bidi override reorder the line)."""
    return escaped(text)


def check_id(option: str, value: str) -> str:
    if not ID_PATTERN.match(value):
        value = visible(value)
        raise _refuse("edit.bad_id", option=option, value=value)
    return value


def check_zone(value: str, option: str = "--zone") -> str:
    """WIB/WITA/WIT or an IANA name; stored as the IANA name."""
    if zone_or_none(value) is None:
        raise _refuse("edit.unknown_zone", option=option, value=visible(value))
    return ZONE_WORDS.get(value.upper(), value)


def check_tags(tags: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(check_text("--tag", t) for t in tags))


def check_dates(start: Moment | None, end: Moment | None) -> None:
    if start is None or end is None:
        return
    if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
        raise _refuse("edit.mixed_kinds")
    if end < start:
        raise _refuse("edit.end_before_start", start=start.isoformat(), end=end.isoformat())


def add_stage(data: Data, schedule: Schedule, *, stage_id: str, election: str, name: str,
              name_en: str | None, start: Moment | None = None, end: Moment | None = None,
              tags: Sequence[str] = (), source: str, note: str | None = None,
              url: str | None = None, zone: str | None = None, milestone: bool = False,
              rule: RuleChange | None = None, undated: bool = False,
              region: str | None = None, now: dt.datetime) -> Data:
    """Add a stage and return its data.

    It is dated by ``start`` (``end`` defaults to it: a one-day milestone), by a ``rule``
    relative to another stage (pending until that one has a date), or ``undated``: a real
    event whose date nobody knows yet. A written date next to a rule is what actually
    happened; the file's validation checks that it obeys the rule.
    """
    check_id("ID", stage_id)
    if election not in schedule.elections:
        known = ", ".join(schedule.elections) or "-"
        shown = visible(election)
        raise _refuse("edit.unknown_election", election=shown, known=known)
    key = f"{election}/{stage_id}"
    if schedule.get(key) is not None:
        raise _refuse("edit.exists", key=key)
    if rule is not None and not rule.given:
        rule = None
    if start is None and end is not None:
        raise _refuse("edit.end_needs_start")
    if start is None and rule is None and not undated:
        raise _refuse("edit.needs_dating")
    if undated and (start is not None or rule is not None):
        raise _refuse("edit.undated_with_date")
    if zone is not None and start is None:
        raise _refuse("edit.zone_needs_time")
    check_dates(start, end)
    after = build_rule(schedule, key, rule) if rule is not None else None
    stage: Data = {"id": stage_id, "election": election, "name": check_text("--name", name)}
    if name_en is not None:  # else left out: untranslated, --lang en shows the Indonesian
        stage["name_en"] = check_text("--name-en", name_en)
    if start is not None:
        stage["start"] = start
    if end is not None and end != start:
        stage["end"] = end
    if undated:
        stage["undated"] = True
    if zone is not None:
        stage["zone"] = check_zone(zone)
    if region is not None:
        stage["region"] = schedule.find_region(region).code
    if tags:
        stage["tags"] = check_tags(tags)
    if milestone:
        stage["milestone"] = True
    stage["source"] = check_text("--source", source)
    if url is not None:
        stage["url"] = check_url(check_text("--url", url))
    if note is not None:
        stage["note"] = check_text("--note", note, multiline=True)
    stage["revision"] = 1
    stage["updated"] = now
    if after is not None:
        stage["after"] = after
    first = start if start is not None else _rule_start(schedule, after)
    _Placing(data.setdefault("stages", [])).insert(stage, election, first, after)
    return stage


STAMPED = ("revision", "updated")  # what the tool writes on every stage it adds


def add_stages(data: Data, schedule: Schedule, tables: Sequence[Mapping[str, Any]], *,
               now: dt.datetime) -> list[Data]:
    """Add many stages in one change (a batch file's): each placed as `add` places one, and
    stamped revision 1. The whole result is then checked, field by field, as any file is.
    ``election`` may be left out when the schedule has only one."""
    placing = _Placing(data.setdefault("stages", []))
    added: list[Data] = []
    keys: set[str] = set()
    for number, table in enumerate(tables, 1):
        stage = dict(table)
        if "after" in stage and not isinstance(stage["after"], Mapping):
            raise _refuse("batch.rule_table", number=number)
        stamped = [name for name in STAMPED if name in stage]
        if stamped:
            raise _refuse("batch.stamped", number=number, field=stamped[0])
        stage_id = stage.get("id")
        if stage_id is None:
            raise _refuse("batch.missing", number=number, field="id")
        if not isinstance(stage_id, str):
            raise _refuse("edit.bad_id", option=f"id (#{number})", value=visible(str(stage_id)))
        check_id(f"id (#{number})", stage_id)
        election = stage.get("election")
        if election is None and len(schedule.elections) == 1:
            election = next(iter(schedule.elections))
        if not isinstance(election, str):
            raise _refuse("batch.missing", number=number, field="election")
        if election not in schedule.elections:
            raise _refuse("edit.unknown_election", election=visible(election),
                          known=", ".join(schedule.elections) or "-")
        key = f"{election}/{stage_id}"
        if schedule.has(key):
            raise _refuse("edit.exists", key=key)
        if key in keys:
            raise _refuse("batch.twice", key=key, number=number)
        keys.add(key)
        if isinstance(stage.get("region"), str):
            stage["region"] = schedule.find_region(stage["region"]).code
        stage.update(election=election, revision=1, updated=now)
        after = stage.get("after")
        start = stage.get("start")
        try:
            first = start if isinstance(start, dt.date) else _rule_start(schedule, after)
        except (KeyError, TypeError, ValueError):  # a broken rule: the check of it says why
            first = None
        placing.insert(stage, election, first, after)
        added.append(stage)
    return added


def build_rule(schedule: Schedule, key: str, rule: RuleChange,
               current: Mapping[str, Any] | None = None) -> Data:
    """The `after` table of stage ``key`` as the file writes it (defaults left out).

    The anchor is found as `show` finds a stage (an id, ELECTION/ID or words of the name;
    a bare id prefers the stage's own election) and stored as ELECTION/ID. Parts not given
    keep ``current``'s values. Refuses an anchor that does not exist and a chain of anchors
    that would come back to the stage itself.
    """
    if rule.anchor is None and current is None:
        raise _refuse("edit.no_rule", key=key)
    old = dict(current or {})
    if rule.anchor is not None:
        anchor = find_anchor(schedule, key, rule.anchor, rule.option)
    else:  # the file may name a bare id of the same election; the full key is written
        anchor = str(old["stage"])
        if "/" not in anchor:
            anchor = f"{key.partition('/')[0]}/{anchor}"
    parts = {item.name: old.get(item.name, item.default) for item in RULE_FIELDS
             if item.name != "stage"}
    given = rule.parts()
    if any(item.name in given for item in UNIT_FIELDS):
        parts.update({item.name: 0 for item in UNIT_FIELDS})  # a new amount, as a whole
    if "sense" in given and given["sense"] != Sense.WINDOW.value:
        parts["latest"] = None  # only a window has a far bound
    parts.update(given)
    if isinstance(parts["latest"], Span):
        parts["latest"] = span_table(parts["latest"])
    for item in RULE_FIELDS:
        if item.kind is Kind.COUNT:
            _check_count(item, parts[item.name], _option(item.name, rule.option))
        elif item.kind is Kind.CHOICE and parts[item.name] not in item.choices:
            raise _refuse("edit.bad_choice", option=_option(item.name, rule.option),
                          choices=", ".join(item.choices))
    for item in UNIT_FIELDS:  # the window's far bound, unit by unit
        if parts["latest"] is not None and item.name in parts["latest"]:
            label = f"{_option('latest', rule.option)} ({item.name.replace('_', ' ')})"
            _check_count(item, parts["latest"][item.name], label)
    built = rule_from_table({"stage": anchor, **parts})
    for problem in inconsistencies(built, duration_given=True):
        raise _refuse(problem)
    _refuse_cycle(schedule, key, anchor, rule.option)
    after = rule_table(built)
    if current is not None and _full_rule(current, key) == _full_rule(after, key):
        return dict(current)  # the same rule: no change, even if the file wrote a bare id
    return after


def _option(name: str, given_by: str = "--after") -> str:
    """How a message names a rule's part: its flag (working_days is --working-days), or the
    part of the --rule phrase."""
    if given_by == "--rule":
        return f"--rule ({name.replace('_', ' ')})"
    return "--" + name.replace("_", "-")


def _check_count(item: Field, value: Any, label: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < item.minimum:
        raise _refuse("edit.bad_number", option=label, minimum=item.minimum)
    if value > item.maximum:
        raise _refuse("edit.too_large", option=label, maximum=item.maximum)


def _full_rule(after: Mapping[str, Any], key: str) -> Rule:
    anchor = str(after.get("stage"))
    if "/" not in anchor:
        anchor = f"{key.partition('/')[0]}/{anchor}"
    return rule_from_table({**after, "stage": anchor})


def find_anchor(schedule: Schedule, key: str, query: str, option: str = "--after") -> str:
    """The ELECTION/ID of the stage `--after` names; a bare id looks in ``key``'s election
    first (as the file format reads it)."""
    text = query.strip()
    election = key.partition("/")[0]
    if "/" not in text and schedule.get(f"{election}/{text}") is not None:
        return f"{election}/{text}"
    try:
        return resolve(schedule, text).key
    except StageNotFound as error:
        raise _refuse("edit.anchor_not_found", option=option,
                      error=Worded(error.message)) from None


def _refuse_cycle(schedule: Schedule, key: str, anchor: str, option: str) -> None:
    """Refuse an anchor whose chain of anchors would come back to ``key``."""
    def anchor_of(current: str) -> str | None:
        if current == key:
            return anchor
        found = schedule.get(current)
        return found.after.stage if found is not None and found.after is not None else None

    path, loop = chain(key, anchor_of)
    if key not in loop:
        return
    shown = " → ".join([*path, key])
    raise _refuse("edit.cycle", option=option, anchor=anchor, chain=shown)


def _rule_start(schedule: Schedule, after: Mapping[str, Any] | None) -> Moment | None:
    """The first day a rule gives, when its anchor is dated (for placing the stage)."""
    if after is None:
        return None
    anchor = schedule.get(str(after["stage"]))
    if anchor is None or anchor.state is State.CANCELLED:
        return None
    rule = rule_from_table(dict(after))
    moment = anchor_moment(anchor, rule.edge)
    if moment is None:
        return None
    try:
        return reckon(rule, moment).start
    except (OutOfRange, NeedsTime, InvertedWindow):  # the validation of the result says so
        return None


def _as_datetime(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    return None


class _Placing:
    """Where new stages go among the file's: the elections of the file's stages read once
    per change (a batch places many), the written starts only of the election placed in."""

    def __init__(self, stages: list[Data | Unread]) -> None:
        self.stages = stages
        self.elections = [_election_of(item) for item in stages]
        self.starts: dict[int, dt.datetime | None] = {}  # by id: read for an election's only

    def insert(self, table: Data, election: str, start: Moment | None,
               after: Mapping[str, Any] | None = None) -> None:
        at = self._point(election, start, after)
        self.stages.insert(at, table)
        self.elections.insert(at, election)

    def _start(self, index: int) -> dt.datetime | None:
        item = self.stages[index]
        if id(item) not in self.starts:
            self.starts[id(item)] = _as_datetime(_written_start(item))
        return self.starts[id(item)]

    def _point(self, election: str, start: Moment | None,
               after: Mapping[str, Any] | None) -> int:
        """After the last stage of the same election starting no later; else before its
        first.

        A chronological file stays chronological, and nothing else moves (so removing the
        stage again gives back the same bytes). A stage without a date yet goes right after
        the stage it waits for, or else at the end of its election.
        """
        mine = [i for i, name in enumerate(self.elections) if name == election]
        if not mine:
            return len(self.stages)
        new = _as_datetime(start)
        if new is None:
            if after is not None:
                for i in mine:
                    if _key_of(self.stages[i]) == after.get("stage"):
                        return i + 1
            return mine[-1] + 1
        starts = [(i, self._start(i)) for i in mine]
        earlier = [i for i, when in starts if when is not None and when <= new]
        if earlier:
            return earlier[-1] + 1
        later = [i for i, when in starts if when is not None]
        return later[0] if later else mine[-1] + 1


def resolve(schedule: Schedule, query: str) -> Stage:
    """The stage a change is about. What looks like an id must match exactly.

    Schedule.find falls back to words of the name, so a removed `pemilu-2024/pemungutan-suara`
    would find `jam-pemungutan-suara`; for a change (and `remove --yes` in a script) that
    would hit the wrong stage. Words with spaces ("jam pemungutan") still search names.
    """
    text = query.strip()
    too_long = over_long(text)
    if too_long is not None:  # before escaping it, which costs in proportion to its length
        raise too_long
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


def _election_of(item: Data | Unread) -> Any:
    return item.key.partition("/")[0] if isinstance(item, Unread) else item.get("election")


def _key_of(item: Data | Unread) -> str:
    return item.key if isinstance(item, Unread) else f"{item.get('election')}/{item.get('id')}"


def _written_start(item: Data | Unread) -> Any:
    return item.written_start() if isinstance(item, Unread) else item.get("start")


def _raw_index(data: Data, stage: Stage) -> int:
    for index, item in enumerate(data.get("stages", [])):
        if _key_of(item) == stage.key:
            return index
    raise AssertionError(f"{stage.key} is in the schedule but not in its data")


def stage_table(data: Data, index: int) -> Data:
    """The table of the file's stage at ``index``, opened for a change."""
    item = data["stages"][index]
    if isinstance(item, Unread):
        item = data["stages"][index] = item.table()
    assert isinstance(item, dict)
    return item


def edit_stage(data: Data, schedule: Schedule, query: str, changes: Mapping[str, Any], *,
               rule: RuleChange | None = None, now: dt.datetime) -> EditResult:
    """Change only the given fields; ``None`` removes an optional field.

    ``changes`` may hold ``after: None`` (drop the rule) and ``undated: True/False``;
    ``rule`` sets or changes the stage's `after` rule. Returns what changed; when nothing
    did, the stage (and its revision) is left alone.
    """
    stage = resolve(schedule, query)
    raw = stage_table(data, _raw_index(data, stage))
    wanted = _checked_changes(changes, raw)
    if rule is not None and rule.given:
        if "after" in wanted:
            raise _refuse("edit.no_after_with_rule")
        wanted["after"] = build_rule(schedule, stage.key, rule, raw.get("after"))
    _check_dating(stage.key, raw, wanted)
    start: Any = wanted.get("start", raw.get("start"))
    end = wanted["end"] if "end" in wanted else raw.get("end")
    if "start" in wanted and "end" not in wanted and end is not None \
            and start is not None and _kind(start) != _kind(end):
        # Dropping the old end would turn a range into one day behind the user's back.
        raise _refuse("edit.start_kind_differs", start=start.isoformat(), end=end.isoformat())
    if "start" in wanted and "end" not in wanted and end is not None and end < start:
        raise _refuse("edit.start_after_end", start=start.isoformat(), end=end.isoformat())
    if start is None and end is not None:
        raise _refuse("edit.undated_give_start", key=stage.key)
    check_dates(start, end)
    done: list[FieldDiff] = []
    for name in EDITABLE:
        if name not in wanted:
            continue
        old, new = raw.get(name), wanted[name]
        if name == "end" and new == start:
            new = None  # one day: the file writes no end
        if name == "state" and new == "confirmed":
            new = None
        if name in ("milestone", "undated") and new is False:
            new = None
        if old == new:
            continue
        done.append(FieldDiff(name, old, new))
        if new is None:
            raw.pop(name, None)
        else:
            raw[name] = new
    if raw.get("undated") and (raw.get("start") is not None or raw.get("after") is not None):
        done.append(FieldDiff("undated", raw.pop("undated"), None))  # it has a date now
    _settle_conflicts(raw, {*wanted, *(["after"] if rule is not None and rule.given else [])},
                      done)
    if not done:
        return EditResult(stage.key, (), int(raw.get("revision", 1)))
    raw["revision"] = int(raw.get("revision", 1)) + 1
    raw["updated"] = now
    return EditResult(stage.key, tuple(done), raw["revision"])


def _settle_conflicts(raw: Data, given: set[str], done: list[FieldDiff]) -> None:
    """A field given to `edit` settles the merge conflict recorded on it, whatever the value
    (ours again included); any edit settles a stage removed on one side of a merge."""
    from pemilu_timeline.schedule.merge import CONFLICT, WHOLE_STAGE, entry_field

    entries = raw.get(CONFLICT)
    if not entries:
        return
    given = {*given, WHOLE_STAGE}
    kept = [entry for entry in entries if entry_field(entry) not in given]
    if kept == entries:
        return
    done.append(FieldDiff(CONFLICT, list(entries), kept))
    if kept:
        raw[CONFLICT] = kept
    else:
        raw.pop(CONFLICT)


def _check_dating(key: str, raw: Data, wanted: dict[str, Any]) -> None:
    """Whatever changes, the stage keeps a way to be dated: a date, a rule, or `undated`.

    ``--undated`` clears the written dates; it cannot go with a date or a rule.
    """
    after = wanted["after"] if "after" in wanted else raw.get("after")
    if wanted.get("undated"):
        if wanted.get("start") is not None or wanted.get("end") is not None:
            raise _refuse("edit.undated_with_start")
        if after is not None:
            raise _refuse("edit.dated_by_rule", key=key, anchor=after["stage"])
        wanted["start"] = wanted["end"] = None
        return
    if "start" in wanted and wanted["start"] is None:  # --start '': drop the written date
        if wanted.get("end") is not None:
            raise _refuse("edit.end_needs_start")
        wanted["end"] = None
    start = wanted["start"] if "start" in wanted else raw.get("start")
    undated = wanted["undated"] if "undated" in wanted else raw.get("undated", False)
    if start is not None or after is not None or undated:
        return
    if "start" in wanted:
        raise _refuse("edit.start_removed", key=key)
    if "after" in wanted:
        raise _refuse("edit.rule_removed", key=key)
    raise _refuse("edit.no_undated_alone", key=key)


def _kind(value: Any) -> type:
    return dt.datetime if isinstance(value, dt.datetime) else dt.date


def _checked_changes(changes: Mapping[str, Any], raw: Data) -> dict[str, Any]:
    wanted: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in EDITABLE:
            raise ValueError(f"not an editable field: {name}")
        option = "--" + name.replace("_", "-")
        kind = FIELDS[name].kind
        if kind in (Kind.TEXT, Kind.NOTE, Kind.ZONE) and FIELDS[name].required:
            wanted[name] = check_text(option, value)
        elif kind in (Kind.TEXT, Kind.NOTE, Kind.ZONE, Kind.URL):
            if value is None or not str(value).strip():
                wanted[name] = None
            elif kind is Kind.ZONE:
                wanted[name] = check_zone(value)
            elif kind is Kind.URL:
                wanted[name] = check_url(check_text(option, value))
            else:
                wanted[name] = check_text(option, value, multiline=kind is Kind.NOTE)
        elif kind is Kind.REGION:
            wanted[name] = value or None  # a code the caller found in the schedule; '' drops
        elif name == "tags":
            wanted[name] = check_tags(value) or None
        elif name == "after":
            if value is not None:
                raise ValueError("set a rule with edit_stage(rule=...)")
            wanted[name] = None
        elif name == "state":
            if value not in STATE_VALUES:
                raise _refuse("edit.bad_choice", option="--state",
                              choices=", ".join(sorted(STATE_VALUES)))
            wanted[name] = value
        else:
            wanted[name] = value
    if wanted.get("state") == "cancelled" and not (wanted.get("reason") or raw.get("reason")):
        raise _refuse("edit.reason_needed")
    if wanted.get("state") == State.CONFIRMED.value:
        # A reason says why a stage is in doubt; left on a confirmed one, JSON and CSV
        # would still carry it as if the stage were.
        for name in CLEARED_WHEN_CONFIRMED:
            if wanted.get(name):
                raise _refuse("edit.reason_with_confirmed", option="--" + name.replace("_", "-"))
            wanted[name] = None
    return wanted


def remove_stage(data: Data, schedule: Schedule, query: str) -> Stage:
    """Remove a stage, unless other stages are dated relative to it."""
    stage = resolve(schedule, query)
    dependants = [s.key for s in schedule if s.after is not None and s.after.stage == stage.key]
    if dependants:
        names = ", ".join(dependants)
        raise _refuse("edit.has_dependants", key=stage.key, names=names)
    del data["stages"][_raw_index(data, stage)]
    return stage


# --- elections ------------------------------------------------------------------------------

ELECTION_OPTIONS = {"name": "--name", "name_en": "--name-en", "timezone": "--timezone",
                    "source": "--source", "url": "--url", "note": "--note"}


def add_election(data: Data, schedule: Schedule, election_id: str,
                 values: Mapping[str, str | None]) -> Data:
    """Add an election's table; `add` can then put stages in it."""
    check_id("ID", election_id)
    if election_id in schedule.elections:
        raise _refuse("election.exists", election=election_id)
    table = _election_values(values)
    for name in ("name", "source", "timezone"):
        if name not in table:
            raise _refuse("election.missing", option=ELECTION_OPTIONS[name])
    table.setdefault("name_en", table["name"])
    data.setdefault("elections", {})[election_id] = {
        f.name: table[f.name] for f in ELECTION_FIELDS if f.name in table}
    return dict(data["elections"][election_id])


def edit_election(data: Data, schedule: Schedule, election_id: str,
                  values: Mapping[str, str | None]) -> tuple[FieldDiff, ...]:
    """Change the fields given ('' removes an optional one); the changes, field by field."""
    table = data.get("elections", {}).get(_known_election(schedule, election_id))
    assert isinstance(table, dict)
    changes = []
    for name, value in values.items():
        if value is None:
            continue
        if value == "":
            if any(f.name == name and f.required for f in ELECTION_FIELDS):
                raise _refuse("election.required", option=ELECTION_OPTIONS[name])
            new = None
        else:
            new = _election_values({name: value})[name]
        old = table.get(name)
        if old != new:
            changes.append(FieldDiff(name, old, new))
            if new is None:
                del table[name]
            else:
                table[name] = new
    return tuple(changes)


def remove_election(data: Data, schedule: Schedule, election_id: str) -> str:
    """Remove an election that holds no stages (its stages would be orphans)."""
    election_id = _known_election(schedule, election_id)
    count = sum(1 for s in schedule if s.election == election_id)
    if count:
        raise _refuse("election.has_stages", election=election_id, count=count)
    del data["elections"][election_id]
    return election_id


def _known_election(schedule: Schedule, election_id: str) -> str:
    if election_id not in schedule.elections:
        known = ", ".join(schedule.elections) or "-"
        raise _refuse("election.unknown", election=visible(election_id), known=known)
    return election_id


def _election_values(values: Mapping[str, str | None]) -> dict[str, str]:
    """Typed values checked as `add` checks a stage's: one line of text, a known zone."""
    table = {}
    for name, value in values.items():
        if value is None:
            continue
        option = ELECTION_OPTIONS[name]
        if name == "timezone":
            table[name] = check_zone(value, option)
        elif name == "url":
            table[name] = check_url(check_text(option, value))
        else:
            table[name] = check_text(option, value, multiline=name == "note")
    return table
