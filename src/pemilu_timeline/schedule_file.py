"""Finding, reading and validating a schedule file.

Validation reads the whole file and reports every problem with its place (file, line, column,
stage, field) at once, so that staff fix a file in one pass instead of one error per run.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pemilu_timeline.errors import Problem, ScheduleFileError, ScheduleInvalid
from pemilu_timeline.model import Anchor, Election, Schedule, Sense, Stage, State, resolve_anchors
from pemilu_timeline.timing import zone_or_none

ENV_FILE = "PEMILU_TIMELINE_FILE"
APP_DIR = "pemilu-timeline"
FILE_NAME = "stages.toml"

ELECTION_REQUIRED = ("name", "name_en", "timezone", "source")
ELECTION_OPTIONAL = ("url", "note")
STAGE_REQUIRED = ("id", "election", "name", "name_en", "start", "source")
STAGE_OPTIONAL = ("end", "tags", "note", "note_en", "url", "milestone", "zone", "state", "reason",
                  "reason_en", "condition", "condition_en", "after", "undated", "revision",
                  "updated")
AFTER_FIELDS = ("stage", "days", "sense", "edge", "duration")
STAGE_FIELDS = STAGE_REQUIRED + STAGE_OPTIONAL
TEXT_FIELDS = ("id", "election", "name", "name_en", "source", "note", "note_en", "url", "zone",
               "reason", "reason_en", "condition", "condition_en")
NOTE_FIELDS = ("note", "note_en")  # the texts that may hold tabs and line breaks
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # tab and newline are fine in a note
CONTROL_STRICT = re.compile(r"[\x00-\x1f\x7f]")
STATES = {s.value: s for s in State}
STATE_VALUES = frozenset(STATES)
STAGE_FIELD_SET = frozenset(STAGE_FIELDS)


LineRef = int | None | Callable[[], int | None]
ZERO = dt.timedelta(0)


def _thunk(find: Callable[[Any], int | None], argument: Any) -> Callable[[], int | None]:
    return lambda: find(argument)


@dataclass(frozen=True)
class ScheduleSource:
    """Which file a command reads, and why that one (shown by `info`)."""

    path: Path
    origin: str  # "option", "environment", "user", "bundled"

    @property
    def is_bundled(self) -> bool:
        return self.origin == "bundled"


def bundled_path() -> Path:
    """The schedule shipped inside the package; a source checkout falls back to ./data.

    An installed wheel has the file beside this module (hatchling force-include), which a
    stat finds; importlib.resources (several ms to import) is asked only for packages that
    are not plain files on disk, such as a zip import.
    """
    here = Path(__file__).parent
    packaged = here / "data" / FILE_NAME
    if packaged.is_file():
        return packaged
    checkout = here.parents[1] / "data" / FILE_NAME
    if checkout.is_file():
        return checkout
    return _extracted_bundle()


def _extracted_bundle() -> Path:
    """The bundled schedule of a package that is not plain files (a zip import), copied to a
    file that outlives this call: as_file's copy is deleted when its block ends."""
    import tempfile
    import zlib
    from importlib.resources import files

    data = files("pemilu_timeline").joinpath("data", FILE_NAME).read_bytes()
    target = Path(tempfile.gettempdir()) / f"pemilu-timeline-{zlib.crc32(data):08x}.toml"
    if not (target.is_file() and target.read_bytes() == data):
        fd, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    return target


def is_package_data(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is the copy installed inside the package (never to be written: an
    upgrade would replace it, and it may be shared by every user of the machine)."""
    packaged = Path(__file__).parent / "data" / FILE_NAME
    try:
        return Path(path).resolve() == packaged.resolve()
    except OSError:
        return False


def user_path() -> Path:
    """Where `init` puts an editable copy: $XDG_DATA_HOME/pemilu-timeline/stages.toml."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR / FILE_NAME


def locate(explicit: str | os.PathLike[str] | None = None) -> ScheduleSource:
    """--file, else $PEMILU_TIMELINE_FILE, else the `init` copy if there is one, else bundled."""
    if explicit:
        return ScheduleSource(Path(explicit), "option")
    env = os.environ.get(ENV_FILE)
    if env:
        return ScheduleSource(Path(env), "environment")
    user = user_path()
    if user.is_file():
        return ScheduleSource(user, "user")
    return ScheduleSource(bundled_path(), "bundled")


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        from pemilu_timeline.i18n import os_reasons

        reason_id, reason_en = os_reasons(error)
        hints = {FileNotFoundError: ("Periksa --file / $PEMILU_TIMELINE_FILE, atau buat salinan "
                                     "dengan `pemilu-timeline init`.",
                                     "Check --file / $PEMILU_TIMELINE_FILE, or make a copy "
                                     "with `pemilu-timeline init`."),
                 IsADirectoryError: ("Sebut berkas .toml-nya.", "Name the .toml file.")}
        hint_id, hint_en = hints.get(type(error), ("Periksa izin berkasnya.",
                                                   "Check the file's permissions."))
        raise ScheduleFileError(path=str(path), reason_id=reason_id, reason_en=reason_en,
                                hint_id=hint_id, hint_en=hint_en) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ScheduleInvalid(str(path), [Problem(str(path), "problem.encoding",
                                                  {"detail": str(error)})]) from None


def load_schedule(path: str | os.PathLike[str] | None = None) -> Schedule:
    """Load and validate a schedule: the given file, or the one `locate` picks.

    Raises ScheduleInvalid listing every problem, or ScheduleFileError.
    """
    return load_source(locate(path))


def load_source(source: ScheduleSource) -> Schedule:
    """Load the file of ``source``; a large unchanged file comes from schedule_cache."""
    from pemilu_timeline import schedule_cache

    try:
        stat = source.path.stat()
    except OSError:
        stat = None  # read_text reports the problem in the user's words
    if stat is not None and schedule_cache.enabled(stat.st_size):
        cached = schedule_cache.load(source.path, stat)
        if cached is not None:
            return cached
        schedule = parse_schedule(read_text(source.path), str(source.path))
        schedule_cache.store(source.path, stat, schedule)
        return schedule
    return parse_schedule(read_text(source.path), str(source.path))


def parse_toml(text: str, path: str) -> dict[str, Any]:
    # Imported here: a schedule from the cache needs no parser (~2 ms to import).
    try:  # The compiled tomli wheel parses large schedules ~2.5x faster than the stdlib.
        import tomli as toml_reader
    except ImportError:  # pragma: no cover - tomli is a dependency; stdlib is the fallback
        import tomllib as toml_reader  # type: ignore[no-redef]

    try:
        return toml_reader.loads(text)
    except toml_reader.TOMLDecodeError as error:
        line = getattr(error, "lineno", None)
        column = getattr(error, "colno", None)
        detail = getattr(error, "msg", None) or str(error)
        if line is None:
            found = re.search(r"at line (\d+), column (\d+)", str(error))
            if found:
                line, column = int(found.group(1)), int(found.group(2))
        detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", detail)
        raise ScheduleInvalid(path, [Problem(path, "problem.toml", {"detail": detail},
                                             line=line, column=column)]) from None


def parse_schedule(text: str, path: str = "<schedule>") -> Schedule:
    """Parse TOML text and validate it into a Schedule (all problems at once)."""
    return build_schedule(parse_toml(text, path), text, path)


def build_schedule(data: dict[str, Any], text: str, path: str) -> Schedule:
    """Validate TOML data already parsed from ``text`` (which gives problems their lines).

    For a caller that needs the raw data too (the writer changes it in place), so the file
    is parsed once. The Schedule copies what it keeps: changing ``data`` later leaves it be.
    """
    validator = _Validator(text, path)
    schedule = validator.build(data)
    if validator.problems:
        raise ScheduleInvalid(path, validator.problems)
    return schedule


def check_schedule(text: str, path: str) -> list[Problem]:
    """Every problem in ``text``; empty when the file is good (used by `validate`)."""
    try:
        parse_schedule(text, path)
    except ScheduleInvalid as error:
        return error.problems
    return []


class _Lines:
    """Line numbers of tables and fields, computed only when a problem needs a place."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[str] | None = None
        self._stage_headers: list[int] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self._text.splitlines()
        return self._lines

    def stage_header(self, index: int) -> int | None:
        if self._stage_headers is None:
            pattern = re.compile(r"^\s*\[\[\s*stages\s*\]\]")
            self._stage_headers = [n for n, line in enumerate(self.lines, 1)
                                   if pattern.match(line)]
        if index < len(self._stage_headers):
            return self._stage_headers[index]
        return None

    def election_header(self, election_id: str) -> int | None:
        pattern = re.compile(r'^\s*\[\s*elections\s*\.\s*["\']?' + re.escape(election_id)
                             + r'["\']?\s*\]')
        for n, line in enumerate(self.lines, 1):
            if pattern.match(line):
                return n
        return None

    def field_line(self, header: int | None, name: str) -> int | None:
        if header is None:
            return None
        # A field is `name = ...`, or a sub-table `[stages.name]` of the same stage.
        pattern = re.compile(r"^\s*(?:" + re.escape(name) + r"\s*=|\[\s*stages\s*\.\s*"
                             + re.escape(name) + r"\s*\])")
        for n in range(header, len(self.lines)):
            line = self.lines[n]
            if pattern.match(line):
                return n + 1
            stripped = line.lstrip()
            if stripped.startswith("[[") or (stripped.startswith("[")
                                             and not stripped.startswith("[stages.")):
                break
        return header


class _Validator:
    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.where = _Lines(text)
        self.problems: list[Problem] = []
        self.indexes: dict[str, int] = {}  # stage key -> position in the file, for places
        self.broken_elections: set[str] = set()

    def problem(self, key: str, *, line: LineRef = None, stage: str | None = None,
                election: str | None = None, field: str | None = None,
                **params: Any) -> None:
        """Record a problem; ``line`` may be a thunk, so places are only looked up on failure."""
        number = line() if callable(line) else line
        if field is not None:
            params = {"field": field, **params}  # the messages name the field too
        self.problems.append(Problem(self.path, key, params, line=number, stage=stage,
                                     election=election, field=field))

    def build(self, data: dict[str, Any]) -> Schedule:
        for key in data:
            if key not in ("elections", "stages"):
                self.problem("problem.top_level", field=key, known="elections, stages")
        elections = self.elections(data.get("elections", {}))
        raw_stages = data.get("stages", [])
        if not isinstance(raw_stages, list):
            self.problem("problem.type", field="stages", got=type(raw_stages).__name__,
                         expected_id="array of tables [[stages]]",
                         expected_en="an array of tables [[stages]]")
            raw_stages = []
        stages: list[Stage] = []
        seen: dict[tuple[str, str], int] = {}
        for index, raw in enumerate(raw_stages):
            stage = self.stage(index, raw, elections)
            if stage is None:
                continue
            ident = (stage.election, stage.id)
            if ident in seen:
                first = seen[ident]
                self.problem("problem.duplicate", line=_thunk(self.where.stage_header, index),
                             stage=stage.key, field="id", stage_key=stage.key,
                             other=self.where.stage_header(first) or "?")
                continue
            seen[ident] = index
            stages.append(stage)
        stages, anchor_problems = resolve_anchors(stages)
        written = {f"{raw.get('election')}/{raw.get('id')}" for raw in raw_stages
                   if isinstance(raw, dict)}
        for stage, code in anchor_problems:
            assert stage.after is not None
            if code == "unknown" and stage.after.stage in written:
                continue  # the anchor is in the file but invalid; its own problems say why
            header = self.where.stage_header(self.indexes[stage.key])
            self.problem(f"problem.anchor_{code}",
                         line=_thunk(lambda h: self.where.field_line(h, "after"), header),
                         stage=stage.key, field="after", anchor=stage.after.stage)
        return Schedule.build(elections, stages, self.path)

    def elections(self, raw: Any) -> dict[str, Election]:
        result: dict[str, Election] = {}
        if not isinstance(raw, dict):
            self.problem("problem.type", field="elections", got=type(raw).__name__,
                         expected_id=_type_id("table"), expected_en=_type_en("table"))
            return result
        for election_id, table in raw.items():
            line = _thunk(self.where.election_header, election_id)
            if not isinstance(table, dict):
                self.problem("problem.type", line=line, election=election_id,
                             field="elections", got=type(table).__name__,
                             expected_id=_type_id("table"), expected_en=_type_en("table"))
                continue
            ok = True
            if not ID_PATTERN.match(election_id):
                self.problem("problem.bad_id", line=line, election=election_id,
                             value=election_id)
                ok = False
            for name in table:
                if name not in ELECTION_REQUIRED + ELECTION_OPTIONAL:
                    self._unknown(name, ELECTION_REQUIRED + ELECTION_OPTIONAL, line, None,
                                  election=election_id)
                    ok = False
            values: dict[str, Any] = {}
            for name in ELECTION_REQUIRED + ELECTION_OPTIONAL:
                value = table.get(name)
                if value is None:
                    if name in ELECTION_REQUIRED:
                        self.problem("problem.missing", line=line, election=election_id,
                                     field=name)
                        ok = False
                    continue
                if not self._text(value, name, line, None, election=election_id):
                    ok = False
                values[name] = value
            zone_name = values.get("timezone")
            if isinstance(zone_name, str) and zone_or_none(zone_name) is None:
                self.problem("problem.unknown_zone", line=line, election=election_id,
                             field="timezone", value=zone_name)
                ok = False
            if ok:
                result[election_id] = Election(id=election_id, **values)
            else:  # it exists, with problems of its own: its stages are not "unknown"
                self.broken_elections.add(election_id)
        return result

    def _unknown(self, name: str, known: tuple[str, ...], line: LineRef,
                 stage: str | None, *, election: str | None = None) -> None:
        close = difflib.get_close_matches(name, known, n=3)
        # Swapped letters are the likeliest typo: 'strat' means start, not state.
        close.sort(key=lambda candidate: sorted(candidate) != sorted(name))
        if close:
            self.problem("problem.unknown_field_hint", line=line, stage=stage,
                         election=election, field=name, suggestion=close[0])
        else:
            self.problem("problem.unknown_field", line=line, stage=stage, election=election,
                         field=name)

    def _text(self, value: Any, name: str, line: LineRef, stage: str | None, *,
              election: str | None = None) -> bool:
        if not isinstance(value, str):
            self._wrong_type(name, value, "text", line, stage, election=election)
            return False
        if not value.strip():
            self.problem("problem.empty", line=line, stage=stage, election=election,
                         field=name)
            return False
        pattern = CONTROL if name in NOTE_FIELDS else CONTROL_STRICT
        if pattern.search(value):
            self.problem("problem.control", line=line, stage=stage, election=election,
                         field=name)
            return False
        return True

    def _wrong_type(self, name: str, value: Any, expected: str, line: LineRef,
                    stage: str | None, *, election: str | None = None) -> None:
        self.problem("problem.type", line=line, stage=stage, election=election, field=name,
                     got=_describe(value), expected_id=_type_id(expected),
                     expected_en=_type_en(expected))

    def stage(self, index: int, raw: Any, elections: dict[str, Election]) -> Stage | None:
        header = _thunk(self.where.stage_header, index)
        if not isinstance(raw, dict):
            self.problem("problem.type", line=header, field="stages",
                         got=_describe(raw), expected_id=_type_id("table"),
                         expected_en=_type_en("table"))
            return None
        before = len(self.problems)
        label = f"{raw.get('election', '?')}/{raw.get('id', f'#{index + 1}')}"

        def at(name: str) -> LineRef:
            return lambda: self.where.field_line(header(), name)

        if not raw.keys() <= STAGE_FIELD_SET:
            for name in raw:
                if name not in STAGE_FIELD_SET:
                    self._unknown(name, STAGE_FIELDS, at(name), label)
        for name in STAGE_REQUIRED:
            if name == "start" and name not in raw:
                if "after" not in raw and raw.get("undated") is not True:
                    self.problem("problem.missing_start", line=header, stage=label, field=name)
            elif name not in raw:
                self.problem("problem.missing", line=header, stage=label, field=name)
        for name in TEXT_FIELDS:
            value = raw.get(name)
            if value is None:
                continue
            pattern = CONTROL if name in NOTE_FIELDS else CONTROL_STRICT
            if type(value) is not str or not value.strip() or pattern.search(value):
                self._text(value, name, at(name), label)  # reports why

        stage_id = raw.get("id")
        if isinstance(stage_id, str) and stage_id and not ID_PATTERN.match(stage_id):
            self.problem("problem.bad_id", line=at("id"), stage=label, field="id",
                         value=stage_id)
        election = raw.get("election")
        if isinstance(election, str) and election and election not in elections \
                and election not in self.broken_elections:
            self.problem("problem.unknown_election", line=at("election"), stage=label,
                         field="election", value=election,
                         known=", ".join(elections) or "-")

        start = self._moment(raw, "start", at, label)
        end = self._moment(raw, "end", at, label) if "end" in raw else start
        if "end" in raw and "start" not in raw:
            self.problem("problem.missing", line=header, stage=label, field="start")
        if start is not None and end is not None:
            if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
                self.problem("problem.mixed_kinds", line=at("end"), stage=label, field="end")
            elif end < start:
                self.problem("problem.end_before_start", line=at("end"), stage=label,
                             field="end", start=start.isoformat(), end=end.isoformat())

        tags = raw.get("tags", ())
        if not isinstance(tags, list | tuple) or not all(type(t) is str for t in tags):
            self._wrong_type("tags", tags, "list", at("tags"), label)
            tags = ()
        elif tags and (CONTROL_STRICT.search("".join(tags)) or not all(t.strip() for t in tags)):
            self.problem("problem.control", line=at("tags"), stage=label, field="tags")
        milestone = raw.get("milestone", False)
        if not isinstance(milestone, bool):
            self._wrong_type("milestone", milestone, "bool", at("milestone"), label)
        undated = raw.get("undated", False)
        if not isinstance(undated, bool):
            self._wrong_type("undated", undated, "bool", at("undated"), label)
        elif undated and "start" in raw:
            self.problem("problem.undated_with_date", line=at("undated"), stage=label,
                         field="undated")
        elif undated and "after" in raw:
            # A rule dates the stage once its anchor has a date; "unknown" would contradict it.
            self.problem("problem.undated_with_after", line=at("undated"), stage=label,
                         field="undated")
        zone = raw.get("zone")
        if isinstance(zone, str) and zone.strip():
            if zone_or_none(zone) is None:
                self.problem("problem.unknown_zone", line=at("zone"), stage=label,
                             field="zone", value=zone)
            elif start is not None and not isinstance(start, dt.datetime):
                self.problem("problem.zone_needs_time", line=at("zone"), stage=label,
                             field="zone")
        state = raw.get("state", "confirmed")
        if state not in STATE_VALUES:
            self.problem("problem.bad_choice", line=at("state"), stage=label, field="state",
                         choices=", ".join(s.value for s in State))
        elif state == "cancelled" and not raw.get("reason"):
            self.problem("problem.reason_needed", line=at("state"), stage=label,
                         field="reason")
        revision = raw.get("revision", 1)
        if isinstance(revision, bool) or not isinstance(revision, int) or revision < 1:
            self.problem("problem.bad_number", line=at("revision"), stage=label,
                         field="revision", minimum=1)
        updated = raw.get("updated")
        if updated is not None and not (isinstance(updated, dt.datetime)
                                        and updated.utcoffset() == ZERO):
            self._wrong_type("updated", updated, "datetime_utc", at("updated"), label)

        after = None
        if "after" in raw:
            after = self._after(raw["after"], at("after"), label, raw.get("election"))

        if len(self.problems) > before:
            return None
        self.indexes[f"{election}/{stage_id}"] = index
        return Stage(
            id=str(stage_id), election=str(election), name=raw["name"], name_en=raw["name_en"],
            start=start, end=end, source=raw["source"], tags=tuple(tags),
            note=raw.get("note"), note_en=raw.get("note_en"), url=raw.get("url"),
            milestone=milestone, zone=zone,
            state=STATES[state], reason=raw.get("reason"), revision=revision,
            updated=updated.astimezone(dt.UTC) if updated is not None else None,
            condition=raw.get("condition"), condition_en=raw.get("condition_en"),
            reason_en=raw.get("reason_en"), after=after,
        )

    def _after(self, raw: Any, line: LineRef, label: str, election: Any) -> Anchor | None:
        """`after = { stage = "pemilu-2024/putusan-mk", days = 3, sense = "at-latest" }`."""
        if raw is None:
            return None
        if not isinstance(raw, dict):
            self._wrong_type("after", raw, "table", line, label)
            return None
        before = len(self.problems)
        for name in raw:
            if name not in AFTER_FIELDS:
                self._unknown(f"after.{name}", tuple(f"after.{f}" for f in AFTER_FIELDS),
                              line, label)
        anchor = raw.get("stage")
        if not isinstance(anchor, str) or not anchor.strip():
            self.problem("problem.missing", line=line, stage=label, field="after.stage")
        elif "/" not in anchor and isinstance(election, str):
            anchor = f"{election}/{anchor}"  # a bare id means a stage of the same election
        for name, minimum, default in (("days", 0, 0), ("duration", 1, 1)):
            value = raw.get(name, default)
            if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
                self.problem("problem.bad_number", line=line, stage=label,
                             field=f"after.{name}", minimum=minimum)
        sense = raw.get("sense", Sense.EXACTLY.value)
        if sense not in {s.value for s in Sense}:
            self.problem("problem.bad_choice", line=line, stage=label, field="after.sense",
                         choices=", ".join(s.value for s in Sense))
        edge = raw.get("edge", "end")
        if edge not in ("start", "end"):
            self.problem("problem.bad_choice", line=line, stage=label, field="after.edge",
                         choices="start, end")
        if sense == Sense.AT_LATEST.value and "duration" in raw:
            # "Paling lambat n hari" allows every day up to the limit; a length means nothing.
            self.problem("problem.duration_at_latest", line=line, stage=label,
                         field="after.duration")
        if len(self.problems) > before:
            return None
        return Anchor(stage=str(anchor), days=raw.get("days", 0), sense=Sense(sense), edge=edge,
                      duration=raw.get("duration", 1))

    def _moment(self, raw: dict[str, Any], name: str,
                at: Callable[[str], LineRef], label: str) -> dt.date | dt.datetime | None:
        value = raw.get(name)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            if value.tzinfo is not None:
                self.problem("problem.offset_datetime", line=at(name), stage=label, field=name)
                return None
            return value
        if isinstance(value, dt.date):
            return value
        self._wrong_type(name, value, "date", at(name), label)
        return None


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _type_id(name: str) -> str:
    from pemilu_timeline.i18n import TYPE_NAMES

    return TYPE_NAMES[name][0]


def _type_en(name: str) -> str:
    from pemilu_timeline.i18n import TYPE_NAMES

    return TYPE_NAMES[name][1]
