"""Start-up budget guards: a run builds only its own command and imports only what
that command needs. Each test names what it keeps out, so a new import shows up here first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.core import TyperGroup
from typer.main import get_command
from typer.testing import CliRunner

from pemilu_timeline.cli.app import COMPLETE_ENV, app, app_for
from tests.conftest import SMALL


def commands_built(args: list[str]) -> list[str]:
    group = get_command(app_for(args))
    assert isinstance(group, TyperGroup)
    return sorted(group.commands)


def test_a_named_command_is_the_only_one_built() -> None:
    assert commands_built(["now"]) == ["now"]
    assert commands_built(["export", "ical"]) == ["export"]
    assert commands_built(["list", "--json"]) == ["list"]


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["nwo"], ["--", "now"]])
def test_anything_else_gets_the_whole_app(args: list[str]) -> None:
    """Group help lists every command; a misspelt one is answered with suggestions."""
    assert app_for(args) is app


def test_completion_builds_only_the_command_being_completed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The shell's words name the command; argv is empty when a shell asks."""
    monkeypatch.setenv(COMPLETE_ENV, "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "pemilu-timeline ")
    monkeypatch.setenv("COMP_CWORD", "1")
    assert app_for([]) is app  # completing the command's name itself
    monkeypatch.setenv("COMP_WORDS", "pemilu-timeline show pemilu-2024/mas")
    monkeypatch.setenv("COMP_CWORD", "2")
    single = app_for([])
    assert single is not app and [c.name for c in single.registered_commands] == ["show"]


@pytest.mark.parametrize("args", [
    ["now", "--at", "2024-02-12", "-f", str(SMALL)],
    ["now", "--help"],
    ["now", "--bogus"],
    ["list", "--status", "nope"],
    ["show"],
    ["show", "no-such-stage", "-f", str(SMALL), "--lang", "en"],
    ["countdown", "--watch", "--json"],
    ["export"],
    ["add", "--help"],
])
def test_one_command_app_behaves_as_the_whole(args: list[str]) -> None:
    """Help, usage errors and PemiluError exits do not depend on the sibling commands."""
    whole = CliRunner().invoke(app, args)
    single = CliRunner().invoke(app_for(args), args)
    assert (single.exit_code, single.stdout, single.stderr) == (
        whole.exit_code, whole.stdout, whole.stderr)


# Modules `now` must not import: each costs milliseconds of a ~30 ms budget over the floor.
NOT_FOR_NOW = ("dateutil", "calendar", "hashlib", "importlib.metadata", "icalendar",
               "tomli_w", "pemilu_timeline.schedule.store", "holidays",
               "pemilu_timeline.rules.phrase",
               # the other commands' modules: a run imports only its own
               "pemilu_timeline.cli.edit", "pemilu_timeline.cli.check",
               "pemilu_timeline.cli.export", "pemilu_timeline.cli.calc",
               "pemilu_timeline.cli.factcheck", "pemilu_timeline.cli.elections")


def console_script(args: list[str], cache: Path) -> list[str]:
    """Run `main()` as the console script does; the modules it imported, as a list."""
    code = ("import sys, json\n"
            "from pemilu_timeline.__main__ import main\n"
            f"sys.argv = ['pemilu-timeline', *{args!r}]\n"
            "try:\n"
            "    main()\n"
            "except SystemExit as exit:\n"
            "    assert not exit.code, exit.code\n"
            "sys.stderr.write(json.dumps(sorted(sys.modules)))\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "COLUMNS": "100"}
    env.pop("PEMILU_TIMELINE_NO_CACHE", None)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, check=True)
    return list(json.loads(result.stderr))


def test_now_imports_only_what_it_needs(tmp_path: Path) -> None:
    for args in (["now"], ["now", "--at", "2024-02-12"]):  # nothing on / stages on and next
        loaded = console_script(args, tmp_path)
        assert [m for m in NOT_FOR_NOW if m in loaded] == [], args


def test_a_cached_schedule_needs_no_toml_parser(tmp_path: Path) -> None:
    console_script(["now"], tmp_path)  # first run: parses the bundled file, fills the cache
    loaded = console_script(["now"], tmp_path)
    assert [m for m in ("tomli", "tomllib", "rtoml", "pemilu_timeline.schedule.validate",
                        "pemilu_timeline.schedule.schema", "pemilu_timeline.rules.calendar",
                        "pemilu_timeline.rules.resolve", "pemilu_timeline.rules.workdays")
            if m in loaded] == []


def test_import_time_objects_are_left_out_of_collection() -> None:
    """The entry point freezes what the imports made (no ~25 ms of collecting them), and
    leaves the collector as it found it: on for the command's own objects, off if it was."""
    code = ("import gc, json\n"
            "was = gc.isenabled()\n"
            "import pemilu_timeline.__main__\n"
            "print(json.dumps([was, gc.isenabled(), gc.get_freeze_count() > 10000]))\n")
    assert json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                     text=True, check=True).stdout) == [True, True, True]
    off = "import gc; gc.disable()\n" + code.replace("was = gc.isenabled()", "was = False")
    assert json.loads(subprocess.run([sys.executable, "-c", off], capture_output=True,
                                     text=True, check=True).stdout) == [False, False, True]


def test_a_small_file_with_working_day_rules_is_cached_too(tmp_path: Path) -> None:
    """Loading the holiday calendar costs more than a cache lookup, whatever the file's size."""
    schedule = tmp_path / "kecil.toml"
    schedule.write_text(
        '[elections.e]\nname = "E"\nname_en = "E"\ntimezone = "Asia/Jakarta"\nsource = "s"\n\n'
        '[[stages]]\nid = "a"\nelection = "e"\nname = "A"\nname_en = "A"\n'
        'start = 2024-03-25\nsource = "s"\n\n'
        '[[stages]]\nid = "b"\nelection = "e"\nname = "B"\nname_en = "B"\nsource = "s"\n\n'
        '[stages.after]\nstage = "a"\nworking_days = 14\n', encoding="utf-8")
    first = console_script(["now", "--file", str(schedule)], tmp_path)
    assert "holidays" in first  # the first run counts, and fills the cache
    assert "holidays" not in console_script(["now", "--file", str(schedule)], tmp_path)
