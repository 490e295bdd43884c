"""A three-way merge of schedule files that knows stages: git's merge driver for stages.toml.

Git hands the driver the common ancestor (O), ours (A, also where the result goes) and
theirs (B). Stages are matched by their key (ELECTION/ID), elections and regions by their
id; each field is merged on its own, so edits to different stages, or to different fields of
one stage, never conflict. A field changed two ways is a real conflict: the file keeps ours,
and the stage's ``conflict`` list records the field with both values, so the file still
loads; ``validate`` names each, and ``edit STAGE --FIELD VALUE`` settles it. The stamps git
would fight over are merged by meaning: ``revision`` the higher (one more when both sides
changed the stage), ``updated`` the later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pemilu_timeline.errors import GitRefused, ScheduleInvalid
from pemilu_timeline.i18n.messages import Term, Worded
from pemilu_timeline.schedule.schema import escaped

if TYPE_CHECKING:
    from pathlib import Path

    from pemilu_timeline.model import Schedule

CONFLICT = "conflict"
WHOLE_STAGE = "stage"  # the conflict entry of a stage removed on one side, changed on the other
_STAMPS = ("revision", "updated", "why", CONFLICT)


@dataclass(frozen=True)
class Clash:
    """One field changed two ways (``where`` is ELECTION/ID, or an election or region)."""

    where: str
    field: str
    ours: Any
    theirs: Any

    @property
    def ours_text(self) -> str:
        return value_text(self.ours)

    @property
    def theirs_text(self) -> str:
        return value_text(self.theirs)


@dataclass
class Merged:
    data: dict[str, Any]
    clashes: list[Clash] = field(default_factory=list)


def merge_data(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> Merged:
    """The three parsed files merged: the result, and every field changed two ways."""
    merged = Merged({})
    for name in _keys(base, ours, theirs):
        o, a, b = base.get(name), ours.get(name), theirs.get(name)
        if name == "stages":
            merged.data[name] = _merge_stages(o or [], a or [], b or [], merged.clashes)
        elif name in ("elections", "regions") and all(
                isinstance(v, dict) or v is None for v in (o, a, b)):
            merged.data[name] = _merge_tables(o or {}, a or {}, b or {}, name, merged.clashes)
        else:
            value = _pick(o, a, b, name, name, merged.clashes)
            if value is not None:
                merged.data[name] = value
    return merged


def _keys(*tables: dict[str, Any]) -> list[str]:
    """Every key, in the order ours has them, then theirs', then the ancestor's."""
    return list(dict.fromkeys(key for table in (tables[1], tables[2], tables[0])
                              for key in table))


def _pick(o: Any, a: Any, b: Any, where: str, name: str, clashes: list[Clash]) -> Any:
    """The three-way choice for one value: the side that changed it, or ours on a clash."""
    if a == b or b == o:
        return a
    if a == o:
        return b
    clashes.append(Clash(where, name, a, b))
    return a


def _merge_tables(o: dict[str, Any], a: dict[str, Any], b: dict[str, Any], kind: str,
                  clashes: list[Clash]) -> dict[str, Any]:
    """Elections or regions, by id: each table field by field."""
    result: dict[str, Any] = {}
    for key in _keys(o, a, b):
        table = _merge_item(o.get(key), a.get(key), b.get(key), f"{kind}.{key}", clashes)
        if table is not None:
            result[key] = table
    return result


def _merge_item(o: dict[str, Any] | None, a: dict[str, Any] | None, b: dict[str, Any] | None,
                where: str, clashes: list[Clash]) -> dict[str, Any] | None:
    """One table (a stage, an election, a region) from its three versions; None: removed."""
    if a is None and b is None:
        return None
    if a is None or b is None:
        kept = a if b is None else b
        if o is None:  # added on one side only
            return kept
        if kept == o:  # removed on one side, untouched on the other
            return None
        # Removed on one side, changed on the other: kept, with the clash on record.
        clashes.append(Clash(where, WHOLE_STAGE, "removed" if a is None else "changed",
                             "removed" if b is None else "changed"))
        assert kept is not None
        return dict(kept)
    base = o or {}
    result: dict[str, Any] = {}
    for name in _keys(base, a, b):
        if name in _STAMPS:
            continue
        value = _pick(base.get(name), a.get(name), b.get(name), where, name, clashes)
        if value is not None:
            result[name] = value
    _merge_stamps(base, a, b, result)
    return result


def _merge_stamps(o: dict[str, Any], a: dict[str, Any], b: dict[str, Any],
                  result: dict[str, Any]) -> None:
    """revision: the higher, one more when both sides changed; updated: the later; why:
    both reasons when they differ; conflict: every entry of either side."""
    revisions = [int(t.get("revision", 1)) for t in (o, a, b)]
    both = revisions[1] != revisions[0] and revisions[2] != revisions[0]
    revision = max(revisions[1], revisions[2]) + (1 if both else 0)
    if revision != 1 or "revision" in a:
        result["revision"] = revision
    stamps = [t["updated"] for t in (a, b) if isinstance(t.get("updated"), dt.datetime)]
    if stamps:
        result["updated"] = max(stamps)
    reasons = [t["why"] for t in (a, b) if t.get("why") and t.get("why") != o.get("why")]
    why = " / ".join(dict.fromkeys(reasons)) if reasons else a.get("why") or b.get("why")
    if why:
        result["why"] = why
    entries = list(dict.fromkeys([*a.get(CONFLICT, []), *b.get(CONFLICT, [])]))
    if entries:
        result[CONFLICT] = entries


def _merge_stages(o: list[dict[str, Any]], a: list[dict[str, Any]], b: list[dict[str, Any]],
                  clashes: list[Clash]) -> list[dict[str, Any]]:
    """Stages by key, in ours' order; a stage only theirs has goes after the stage it
    follows there."""
    base, mine, yours = _by_key(o), _by_key(a), _by_key(b)
    order = list(mine)
    for index, key in enumerate(yours):
        if key not in mine:  # added there, or removed here and perhaps changed there
            before = list(yours)[index - 1] if index else None
            order.insert(order.index(before) + 1 if before in order else len(order), key)
    result = []
    for key in order:
        found = len(clashes)
        stage = _merge_item(base.get(key), mine.get(key), yours.get(key), key, clashes)
        if stage is None:
            continue
        entries = [_entry(clash) for clash in clashes[found:]]
        if entries:
            stage[CONFLICT] = list(dict.fromkeys([*stage.get(CONFLICT, []), *entries]))
        result.append(stage)
    return result


def _by_key(stages: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f"{s.get('election')}/{s.get('id')}": s for s in stages if isinstance(s, dict)}


def value_text(value: Any) -> str:
    """A value as a conflict entry quotes it: one line, nothing a terminal would obey."""
    if value is None:
        return "—"
    if isinstance(value, dt.date | dt.datetime):
        text = value.isoformat()
    elif isinstance(value, dict):
        text = "{ " + ", ".join(f"{k} = {value_text(v)}" for k, v in value.items()) + " }"
    elif isinstance(value, list):
        text = ", ".join(value_text(v) for v in value)
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    text = escaped(text.replace("\n", " ").replace("\t", " "))
    return text if len(text) <= 160 else text[:159] + "…"


def _entry(clash: Clash) -> str:
    """ "start: ours 2029-02-14; theirs 2029-02-15" """
    return f"{clash.field}: ours {value_text(clash.ours)}; theirs {value_text(clash.theirs)}"


def entry_field(entry: str) -> str:
    """The field a conflict entry names."""
    return entry.partition(":")[0].strip()


@dataclass(frozen=True)
class FileMerge:
    clashes: list[Clash]


def merge_files(base: Path, ours: Path, theirs: Path, shown: str) -> FileMerge:
    """Git's three versions merged into ``ours`` (where git takes the result from), in the
    writer's canonical form.

    Nothing is written unless ours and theirs are whole, valid schedules without comments
    (the canonical form keeps none) and the merge of them is valid too: otherwise ``ours``
    is left as it was, git marks the file conflicted, and the refusal says why. An empty
    ancestor is a file both sides added: there is no common version to merge from."""
    from pemilu_timeline.schedule.write import canonical_text

    data = [_version(path, shown, side) for path, side in
            ((base, "base"), (ours, "ours"), (theirs, "theirs"))]
    merged = merge_data(*data)
    text = canonical_text(merged.data)
    _check_merged(text, shown)
    try:
        ours.write_bytes(text.encode("utf-8"))
    except OSError as error:
        raise GitRefused("git.merge_unreadable", path=shown, reason=str(error)) from None
    return FileMerge(merged.clashes)


def _version(path: Path, shown: str, side: str) -> dict[str, Any]:
    """One side's data, refused unless it is a schedule the merge may rewrite."""
    from pemilu_timeline.schedule.read import build_schedule, parse_toml
    from pemilu_timeline.schedule.write import first_comment_line

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise GitRefused("git.merge_unreadable", path=shown, reason=str(error)) from None
    if not text.strip():
        if side == "base":
            return {}
        raise GitRefused("git.merge_empty", path=shown, side=Term(f"git.side_{side}"))
    try:
        if side == "base":
            return parse_toml(text, shown)
        line = first_comment_line(text)
        if line is not None:
            raise GitRefused("git.merge_comments", path=shown, side=Term(f"git.side_{side}"),
                             line=line)
        data = parse_toml(text, shown)
        _whole(build_schedule(data, text, shown), shown)  # checked as a write checks it
        return data
    except ScheduleInvalid as error:
        raise GitRefused("git.merge_invalid_side", path=shown, side=Term(f"git.side_{side}"),
                         problem=_first_problem(error)) from None


def _check_merged(text: str, shown: str) -> None:
    from pemilu_timeline.schedule.read import parse_schedule

    try:
        _whole(parse_schedule(text, shown), shown)
    except ScheduleInvalid as error:
        raise GitRefused("git.merged_invalid", path=shown, count=len(error.problems),
                         problem=_first_problem(error)) from None


def _whole(schedule: Schedule, shown: str) -> None:
    """A schedule with no election is no schedule to publish, as `validate` says."""
    from pemilu_timeline.schedule.validate import no_elections

    problem = no_elections(schedule, shown)
    if problem is not None:
        raise ScheduleInvalid(shown, [problem])


def _first_problem(error: ScheduleInvalid) -> Worded:
    """The first problem, in the refusal's language."""
    first = error.problems[0]
    return Worded(first.describe)
