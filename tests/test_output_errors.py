"""Output that cannot be written ends in one line and exit 1, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = [sys.executable, "-m", "pemilu_timeline", "now", "--at", "2024-02-12"]


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "COLUMNS": "100", "PEMILU_TIMELINE_LANG": "", **extra}


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_behind_stdout() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(COMMAND, stdout=full, stderr=subprocess.PIPE, text=True,
                                env=_env(), check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Kesalahan: tidak bisa menulis keluaran: ruang disk habis. Periksa tujuan "
        "keluaran (ruang disk, berkas atau terminal)."]


def test_a_terminal_that_cannot_show_the_characters() -> None:
    result = subprocess.run(COMMAND, capture_output=True, text=True, check=False,
                            env=_env(PYTHONIOENCODING="ascii"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "PYTHONIOENCODING=utf-8" in result.stderr


def test_a_reader_that_leaves_early() -> None:
    process = subprocess.Popen([*COMMAND[:3], "list"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=_env())
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # gone before the first write, like `| head -0`
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=30) == 1
    assert stderr == ""  # no traceback, no "Exception ignored", nothing to a reader who left


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [[], ["--help"], ["-h"], ["--version"], ["now", "--help"]])
def test_help_and_version_to_a_full_disk(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([*COMMAND[:3], *args], stdout=full, stderr=subprocess.PIPE,
                                text=True, env=_env(PEMILU_TIMELINE_LANG="en"), check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: cannot write the output: no space left on device. Check where it goes (disk "
        "space, file or terminal)."]


def test_an_error_quotes_what_was_typed_without_its_control_characters() -> None:
    """`show $'\\x1b]0;pwned\\x07'` once sent the escape to the terminal inside the message."""
    from typer.testing import CliRunner

    from pemilu_timeline.cli.app import app

    for args in (["show", "a\x1b]0;pwned\x07b"], ["now", "--tz", "X\x1b[31m\u202e"]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1
        assert not any(c in result.stderr for c in "\x1b\x07\u202e"), result.stderr
        assert "\\x1b" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX shell")
@pytest.mark.parametrize("args", [["now", "--at", "2024-02-12"], ["--help"]])
def test_a_closed_stdout_is_said_not_taken_for_silence(args: list[str]) -> None:
    """`now >&-` once wrote nothing and exited 0: a script took that for "nothing on"."""
    import shlex

    command = shlex.join([*COMMAND[:3], *args])
    result = subprocess.run(["sh", "-c", f"exec {command} >&-"], stderr=subprocess.PIPE,
                            text=True, env=_env(PEMILU_TIMELINE_LANG="en"), check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: cannot write the output: standard output is closed. Check where it goes (disk "
        "space, file or terminal)."]


def test_a_moment_past_the_calendar_is_refused_not_an_overflow() -> None:
    """`--at 9999-12-31T23:59:59Z` once crashed every reading command."""
    from typer.testing import CliRunner

    from pemilu_timeline.cli.app import app

    for command in (["now"], ["countdown"], ["list", "--json"], ["timeline"]):
        for at, zone in (("9999-12-31T23:59:59Z", "WIB"), ("0001-01-01", "Etc/GMT-14"),
                         ("0001-01-01T00:00:00Z", "Etc/GMT+12")):
            result = CliRunner().invoke(app, [*command, "--at", at, "--tz", zone])
            assert result.exit_code == 1, (command, at, result.output)
            assert "1900" in result.stderr and result.exception.__class__ is SystemExit
