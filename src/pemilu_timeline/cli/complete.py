"""Shell completion: what a word on the command line may be, from the schedule it would read.

Every Tab press starts the program (fish's, twice), so this stays light: the schedule is
loaded only when a callback runs, from the file the command itself would read (--file typed
before the word, else $PEMILU_TIMELINE_FILE, the `init` copy, the bundled schedule), through
the parse cache. Whatever goes wrong gives no completions and says nothing: completion
output goes to the shell, and a traceback there would land in the user's prompt.

Typer keeps only the values that start with the typed text as typed, so a word is matched
without regard to case and then offered in the case it was typed where the command accepts
any case (zone words, stage keys, region names).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from pemilu_timeline.model import Schedule

Item = tuple[str, str]  # a value and the help a shell shows beside it (zsh, fish)

# The zones people in Indonesia name, as WIB/WITA/WIT and as IANA names (timing.resolve_zone
# takes the words in any case, and every IANA name).
ZONES: tuple[Item, ...] = (
    ("WIB", "Asia/Jakarta"), ("WITA", "Asia/Makassar"), ("WIT", "Asia/Jayapura"),
    ("Asia/Jakarta", "WIB"), ("Asia/Pontianak", "WIB"), ("Asia/Makassar", "WITA"),
    ("Asia/Jayapura", "WIT"),
)


def stage_keys(ctx: typer.Context, incomplete: str) -> list[Item]:
    """Stages as the commands take them: ELECTION/ID, or the bare id, which the commands
    accept too. An id several elections share is still offered (the command then names
    each key); its help lists those elections."""
    if ctx.params.get("stage"):  # the words that follow make one query with the first
        return []
    schedule = _schedule(ctx)
    if schedule is None:
        return []
    lang = _lang(ctx)
    chosen = _elections(ctx)
    stages = [s for s in schedule if not chosen or s.election in chosen]
    typed = incomplete.casefold()
    items: dict[str, str] = {}
    if incomplete:
        for stage in stages:
            if stage.key.casefold().startswith(typed):
                items[_as_typed(stage.key, incomplete)] = stage.display_name(lang)
    if "/" not in incomplete:
        owners: dict[str, list[str]] = {}
        for stage in stages:
            owners.setdefault(stage.id, []).append(stage.election)
        for stage in stages:
            if stage.id.startswith(incomplete) and stage.id not in items:
                shared = owners[stage.id]
                items[stage.id] = stage.display_name(lang) + (
                    f" ({', '.join(shared)})" if len(shared) > 1 else "")
    return _helped(sorted(items.items()))


def elections(ctx: typer.Context, incomplete: str) -> list[Item]:
    """Election ids, with the election's name."""
    schedule = _schedule(ctx)
    if schedule is None:
        return []
    lang = _lang(ctx)
    return _helped((key, election.display_name(lang))
                   for key, election in schedule.elections.items() if key.startswith(incomplete))


def tags(ctx: typer.Context, incomplete: str) -> list[str]:
    """The tags the stages carry (a --tag no stage has matches nothing)."""
    schedule = _schedule(ctx)
    if schedule is None:
        return []
    return sorted({tag for stage in schedule for tag in stage.tags
                   if tag.startswith(incomplete)})


def zones(incomplete: str) -> list[Item]:
    """WIB, WITA, WIT and Indonesia's IANA zones; any other IANA name is accepted too."""
    typed = incomplete.casefold()
    return [(name if name.startswith("Asia/") else _as_typed(name, incomplete), other)
            for name, other in ZONES if name.casefold().startswith(typed)]


def regions(ctx: typer.Context, incomplete: str) -> list[Item]:
    """Kemendagri codes with the region's name, and names with the code, as
    Schedule.find_region reads them (a name in any case)."""
    schedule = _schedule(ctx)
    if schedule is None:
        return []
    typed = incomplete.casefold()
    items = [(code, schedule.region_label(code) or region.name)
             for code, region in schedule.regions.items() if code.startswith(incomplete)]
    if incomplete and not incomplete[0].isdigit():
        items += [(_as_typed(region.name, incomplete), code)
                  for code, region in schedule.regions.items()
                  if region.name.casefold().startswith(typed) and _insertable(region.name)]
    return _helped(sorted(items))


def words_before_cursor() -> list[str]:
    """The words a shell's completion request has before the one being completed (the
    program's name left out), as typer's scripts pass them: bash in $COMP_WORDS and
    $COMP_CWORD, zsh, fish and PowerShell as the line in $_TYPER_COMPLETE_ARGS. Past the
    command's name, a completion needs only that command: ``app_for`` of these words."""
    from typer._click.shell_completion import split_arg_string

    if "COMP_WORDS" in os.environ:
        words = split_arg_string(os.environ["COMP_WORDS"])
        try:
            return words[1:int(os.environ.get("COMP_CWORD", ""))]
        except ValueError:
            return []
    line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
    words = split_arg_string(line)[1:]
    return words if line.endswith(" ") else words[:-1]


def _schedule(ctx: typer.Context) -> Schedule | None:
    """The schedule the command would read, or None when it cannot be read."""
    import warnings

    try:
        from pemilu_timeline.schedule.locate import locate
        from pemilu_timeline.schedule.read import load_source

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_source(locate(_typed_file(ctx)))
    except Exception:  # a missing or broken file, or anything else: no completions
        return None


def _typed_file(ctx: typer.Context) -> Path | None:
    """--file as typed so far, with ~ and $VARS expanded as the shell will when it runs."""
    level: Any = ctx  # the command's context, then the groups above it
    while level is not None:
        value = level.params.get("file")
        if value:
            return Path(os.path.expandvars(os.path.expanduser(str(value))))
        level = level.parent
    return None


def _elections(ctx: typer.Context) -> list[str]:
    """The --election values typed so far (countdown looks a stage up among them)."""
    value: Any = ctx.params.get("election")
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [v for v in value if isinstance(v, str)]
    return []


def _lang(ctx: typer.Context) -> str:
    value = str(getattr(ctx.params.get("lang"), "value", "") or os.environ.get(
        "PEMILU_TIMELINE_LANG", ""))
    return "en" if value.strip().lower() == "en" else "id"


def _as_typed(value: str, typed: str) -> str:
    """``value`` in the case ``typed`` was written in ("wi" gives "wib", "KAB" "KABUPATEN")."""
    if value.startswith(typed) or not typed:
        return value
    if typed.islower():
        return value.lower()
    if typed.isupper():
        return value.upper()
    return typed + value[len(typed):]


# Typer reads help in zsh and fish as Rich markup, where "[x]" is a style and "[/x]" an error.
_MARKUP = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")


def _helped(items: Iterable[Item]) -> list[Item]:
    """Help text escaped as Rich markup, so a name is shown as it is written."""
    return [(value, _MARKUP.sub(r"\1\1\\\2", text)) for value, text in items]


def plain_help(text: str) -> str:
    """Help without its Rich markup ("Ekspor. [dim]Export.[/dim]" gives "Ekspor. Export."),
    as Rich reads it: a tag behind an odd run of backslashes is text, each pair one."""

    def untag(match: re.Match[str]) -> str:
        backslashes, tag = match.groups()
        pairs, escaped = divmod(len(backslashes), 2)
        return "\\" * pairs + (tag if escaped else "")

    return _MARKUP.sub(untag, text)


def _light_help() -> None:
    """Typer strips the markup of every zsh and fish completion's help by rendering it on a
    Rich console from typer.rich_utils, whose imports (Markdown, tracebacks) cost more than
    the whole rest of a completion. The same text comes from a regular expression."""
    from typer import _completion_classes

    if hasattr(_completion_classes, "_sanitize_help_text"):
        _completion_classes._sanitize_help_text = plain_help


_light_help()


_NEEDS_QUOTES = re.compile(r"""[\s'"\\$`!&;|<>()*?\[\]{}#~]""")


def _insertable(value: str) -> bool:
    """Whether the shell can take ``value`` as a completion. zsh and fish quote what they
    insert; bash inserts it as it is, and typer passes on only values that start with the
    typed text as the shell unquoted it, so no escaped form of a name with a space could
    survive past the space: bash is offered the names that need no quotes (and the codes)."""
    return "COMP_WORDS" not in os.environ or not _NEEDS_QUOTES.search(value)
