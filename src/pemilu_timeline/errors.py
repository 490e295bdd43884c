"""One exception family for the whole core, and the exit codes it maps to.

Each error carries a catalog key and its parameters, knows its exit status and renders its
message in the user's language, so the core never prints and the CLI maps every error to an
exit code in one place (``cli.app``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from pemilu_timeline.i18n import messages as i18n


class ExitStatus(IntEnum):
    """What the process tells its caller; the README lists them for scripts."""

    OK = 0
    INVALID = 1  # bad data or input: a file, a value, a stage that cannot be used
    USAGE = 2  # options that cannot go together, as click reports its own usage errors
    DIFFERENT = 3  # `diff --exit-code`: the two files differ (1 and 2 keep their meaning)
    CONTRADICTED = 4  # `cek`: a claim in the text contradicts the schedule


class PemiluError(Exception):
    """Base of every error the tool reports to a user (never a traceback).

    ``key`` names the sentence in the catalog; a subclass has its own, and an error raised
    with a more precise one passes it: ``InvalidInput("input.unknown_zone", name=...)``.
    """

    exit_code = ExitStatus.INVALID
    key = "error.generic"

    def __init__(self, key: str | None = None, /, **params: Any) -> None:
        if key is not None:
            self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return i18n.t(self.key, lang, **self.params)


class InvalidInput(PemiluError):
    """A value typed by the user (a date, a zone, a field) cannot be used."""

    key = "error.invalid_input"


class UsageError(PemiluError):
    """Options that cannot go together; exit 2 like any other usage mistake."""

    exit_code = ExitStatus.USAGE
    key = "error.usage"


class ScheduleFileError(PemiluError):
    """The schedule file is missing or unreadable."""

    key = "error.file"


class CacheDamaged(PemiluError):
    """A cache entry whose checksum held but whose contents do not: it was made by hand."""

    key = "error.cache_damaged"


class StageNotFound(PemiluError):
    """No stage matches what the user typed."""

    key = "error.stage_not_found"
    hint: str | None = "error.run_list"  # what to run to see them all

    def message(self, lang: str = "en") -> str:
        text = i18n.t(self.key, lang, **self.params)
        close = self.params.get("close") or []
        if close:
            text += " " + i18n.t("error.close_matches", lang, matches=", ".join(close))
        return text + " " + i18n.t(self.hint, lang) if self.hint else text


class AmbiguousStage(PemiluError):
    """Several stages match; the user has to say which one."""

    key = "error.stage_ambiguous"
    SHOWN = 12  # a longer list buries the advice; the rest are counted

    def message(self, lang: str = "en") -> str:
        matches = list(self.params["matches"])
        listed = ", ".join(matches[:self.SHOWN])
        if len(matches) > self.SHOWN:
            listed += ", " + i18n.t("label.more_matches", lang, n=len(matches) - self.SHOWN)
        return i18n.t(self.key, lang, **{**self.params, "matches": listed})


class RegionNotFound(StageNotFound):
    """No region matches what the user typed."""

    key = "error.region_not_found"
    hint = None


class AmbiguousRegion(AmbiguousStage):
    """Several regions match; the user has to say which one."""

    key = "error.region_ambiguous"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a schedule file, with its place."""

    path: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    line: int | None = None
    column: int | None = None
    stage: str | None = None
    field: str | None = None
    election: str | None = None  # a problem of the election's own table

    def place(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def describe(self, lang: str = "en") -> str:
        context = []
        if self.election:
            context.append(i18n.t("problem.election", lang, election=self.election))
        if self.stage:
            context.append(i18n.t("problem.stage", lang, stage=self.stage))
        if self.field:
            context.append(i18n.t("problem.field", lang, field=self.field))
        prefix = f"{self.place()}: " + (f"[{', '.join(context)}] " if context else "")
        return prefix + i18n.t(self.key, lang, **self.params)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.path, "line": self.line, "column": self.column,
            "election": self.election, "stage": self.stage, "field": self.field,
            "code": self.key,
            "message": i18n.t(self.key, "en", **self.params),
        }


class ScheduleInvalid(PemiluError):
    """The schedule file has problems; all of them are reported at once."""

    key = "error.schedule_invalid"

    def __init__(self, path: str, problems: Sequence[Problem]) -> None:
        # In file order, so a long list reads top to bottom alongside the file.
        self.problems = sorted(problems, key=lambda p: (p.line is None, p.line or 0))
        super().__init__(path=path, count=len(self.problems))

    def message(self, lang: str = "en") -> str:
        head = i18n.t(self.key, lang, path=self.params["path"], count=self.params["count"])
        return "\n".join([head, *("  " + p.describe(lang) for p in self.problems)])


class WriteRefused(PemiluError):
    """A write would lose data or cannot be done safely; the file is left as it was."""

    key = "error.write_refused"


class LockTimeout(PemiluError):
    """Another command holds the schedule's lock for too long."""

    key = "error.lock_timeout"


class ChartsMissing(PemiluError):
    """``timeline --svg/--png`` without the optional ``charts`` extra (matplotlib)."""

    key = "error.charts_missing"


class GitRefused(PemiluError):
    """Git cannot take the write or the question (no git, a detached head, a dirty file, a
    refused push); nothing was changed."""

    key = "error.git"
