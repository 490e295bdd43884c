"""The README is tested: its examples are real output, and every command is documented.

Console blocks in README.md (```console, lines starting with `$ pemilu-timeline`) run in
order in one empty directory, at 100 columns, and must print what the README shows.
Regenerate them after a deliberate change with:  UPDATE_README=1 python -m pytest tests/test_docs.py
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from pemilu_timeline.cli.app import ALIAS_OF, app
from pemilu_timeline.cli.wording import word_help

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
PROMPT = "$ pemilu-timeline "


def examples(text: str) -> list[tuple[str, str]]:
    """(command line, expected output) for every example in the README."""
    found = []
    for block in BLOCK.findall(text):
        for chunk in re.split(r"^(?=\$ )", block, flags=re.MULTILINE):
            if chunk.startswith(PROMPT):
                command, _, output = chunk.partition("\n")
                found.append((command[len(PROMPT):], output))
    return found


# What legitimately differs between runs: edit stamps (`updated`, UTC now) and where the
# bundled file lives (a checkout, a CI clone, site-packages).
VOLATILE = [(re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"), "<updated>"),
            (re.compile(r"/\S*/data/stages\.toml"), "<bundled>")]


def normalized(output: str) -> str:
    for pattern, token in VOLATILE:
        output = pattern.sub(token, output)
    return output


def run_example(command: str) -> str:
    env = {"COLUMNS": "100", "PEMILU_TIMELINE_LANG": "", "NO_COLOR": "1"}
    result = CliRunner().invoke(app, shlex.split(command), env=env)
    return result.output


def test_readme_examples_are_real_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    monkeypatch.chdir(tmp_path)
    text = README.read_text(encoding="utf-8")
    pairs = examples(text)
    assert len(pairs) >= 8, "the README should show the commands with their output"
    actual = [run_example(command) for command, _ in pairs]
    if os.environ.get("UPDATE_README"):
        for (command, expected), output in zip(pairs, actual, strict=True):
            text = text.replace(f"{PROMPT}{command}\n{expected}", f"{PROMPT}{command}\n{output}", 1)
        README.write_text(text, encoding="utf-8")
        return
    for (command, expected), output in zip(pairs, actual, strict=True):
        assert normalized(output) == normalized(expected), (
            f"README example changed: pemilu-timeline {command}")


def test_every_command_has_help_and_appears_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    group = get_command(app)
    word_help(group, "id", ALIAS_OF)  # as when help is shown: the declarations carry none
    names = sorted(group.commands)  # type: ignore[attr-defined]
    assert {"now", "countdown", "list", "show", "timeline", "export"} <= set(names)
    for name in names:
        command = group.commands[name]  # type: ignore[attr-defined]
        assert command.help and len(command.help) > 20, f"{name} has no help text"
        assert f"pemilu-timeline {name}" in text, f"README does not show `{name}`"
