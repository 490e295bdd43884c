"""Hostile input, read from tests/assets/hostile/cases.toml: every command refuses each file
with one line, the expected exit code and message key, and leaves the file byte-identical;
then random values in every field of a valid schedule (hypothesis), the same way."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pemilu_timeline.cli.app import app
from pemilu_timeline.errors import PemiluError, ScheduleInvalid
from pemilu_timeline.schedule.read import MAX_BYTES, load_schedule
from pemilu_timeline.schedule.schema import STAGE_FIELDS
from tests.conftest import ASSETS, SMALL

CASES = tomllib.loads((ASSETS / "hostile" / "cases.toml").read_text(encoding="utf-8"))["case"]
# Every command that reads a schedule file, as a user would run it on that file.
COMMANDS = [["validate", "--json"], ["now", "--at", "2024-02-12"], ["list"], ["show", "kampanye"],
            ["countdown", "--at", "2024-02-12"], ["timeline", "--at", "2024-02-12"],
            ["export", "ical"], ["export", "csv"],
            ["add", "baru", "--election", "pemilu-2024", "--name", "Baru", "--start",
             "2024-03-01", "--source", "uji"]]


def make(case: dict[str, Any], folder: Path) -> Path:
    """The case's schedule file (or special file) in ``folder``."""
    path = folder / "stages.toml"
    special = case.get("special")
    if special == "fifo":
        os.mkfifo(path)
    elif special == "directory":
        path.mkdir()
    elif special == "device-link":
        path.symlink_to("/dev/zero")
    elif special == "huge":
        with open(path, "wb") as handle:
            handle.truncate(MAX_BYTES + 1)  # sparse: no disk is used
    elif "hex" in case:
        path.write_bytes(bytes.fromhex(case["hex"]))
    elif "chain" in case:
        text = SMALL.read_text(encoding="utf-8")
        for n in range(case["chain"]):
            anchor = "rekapitulasi" if n == 0 else f"c{n - 1}"
            text += (f'\n[[stages]]\nid = "c{n}"\nelection = "pemilu-2024"\nname = "C{n}"\n'
                     f'name_en = "C{n}"\nsource = "uji"\n\n[stages.after]\nstage = "{anchor}"\n'
                     "days = 36500\n")
        path.write_text(text, encoding="utf-8")
    elif "raw" in case:
        depth = case.get("repeat", 1)
        opening, closing = case.get("wrap", ["", ""])
        path.write_text(case.get("prefix", "") + opening * depth + case["raw"]
                        + closing * depth, encoding="utf-8")
    else:
        text = SMALL.read_text(encoding="utf-8")
        if "replace" in case:
            old, new = case["replace"]
            assert old in text, case["id"]
            text = text.replace(old, new.replace("${DIGITS}", "1" * 5000))
        text += case.get("append", "")
        path.write_text(text, encoding="utf-8")
    return path


def snapshot(path: Path) -> bytes | str:
    """What must not change: the file's bytes, or what kind of thing it is."""
    if path.is_symlink() or not path.is_file():
        return f"{path.is_symlink()} {path.exists()} {path.is_dir()}"
    if path.stat().st_size > 1024 * 1024:
        return f"sparse {path.stat().st_size}"
    return path.read_bytes()


def keys_of(path: Path) -> set[str]:
    try:
        load_schedule(path)
    except ScheduleInvalid as error:
        return {p.key for p in error.problems}
    except PemiluError as error:
        return {error.key}
    return set()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_every_command_refuses_the_case(case: dict[str, Any], tmp_path: Path) -> None:
    path = make(case, tmp_path)
    before = snapshot(path)
    assert case["key"] in keys_of(path)
    for command in COMMANDS:
        code, out, err = run(command, path, tmp_path, isolated="special" in case)
        assert code == case["exit"], (command, err)
        assert "Traceback" not in out + err, (command, err)
        if command[0] == "validate" and out:  # --json: the problems for scripts
            assert case["key"] in {p["code"] for p in json.loads(out)["problems"]}
        else:  # one line, or a head line and the file's problems under it
            head, *rest = err.strip().splitlines() or [""]
            assert head.startswith("Kesalahan: ") and all(line.startswith("  ")
                                                          for line in rest), (command, err)
        assert snapshot(path) == before, command


def run(command: list[str], path: Path, folder: Path, *, isolated: bool
        ) -> tuple[int, str, str]:
    """A command on ``path``: in this process, or (for a file that could make a command
    block) in a subprocess with a time limit, so that a hang fails the test."""
    env = {"XDG_CACHE_HOME": str(folder / "cache"), "COLUMNS": "100"}
    if not isolated:
        result = CliRunner().invoke(app, [*command, "--file", str(path)], env=env)
        assert isinstance(result.exception, SystemExit | None), result.exception
        return result.exit_code, result.stdout, result.stderr
    done = subprocess.run([sys.executable, "-m", "pemilu_timeline", *command, "--file",
                           str(path)], capture_output=True, text=True, timeout=60,
                          check=False, env={**os.environ, **env})
    return done.returncode, done.stdout, done.stderr


# --- random values in a valid schedule -----------------------------------------------------

SCALARS = (st.integers(min_value=-(10**20), max_value=10**20) | st.booleans()
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=30)
           | st.dates() | st.datetimes() | st.times()
           | st.datetimes(timezones=st.just(__import__("datetime").UTC)))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)
FIELDS = st.sampled_from([f.name for f in STAGE_FIELDS] + ["after.stage", "after.days",
                                                             "after.sense", "after.duration",
                                                             "unknown"])


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(index=st.integers(min_value=0, max_value=4), field=FIELDS, value=VALUES)
def test_any_value_in_any_field_is_one_line_never_a_traceback(
        index: int, field: str, value: Any, tmp_path: Path) -> None:
    import tomli_w

    data = tomllib.loads(SMALL.read_text(encoding="utf-8"))
    stage = data["stages"][index]
    if field.startswith("after."):
        stage["after"] = {"stage": "kampanye", **stage.get("after", {})}
        stage["after"][field.split(".", 1)[1]] = value
    else:
        stage[field] = value
    try:
        text = tomli_w.dumps(data)
    except (TypeError, ValueError):  # a value TOML cannot hold (a NaN key, a naive time)
        return
    path = tmp_path / "fuzz.toml"
    path.write_text(text, encoding="utf-8")
    runner = CliRunner()
    for command in COMMANDS:
        before = path.read_bytes()
        result = runner.invoke(app, [*command, "--file", str(path)],
                               env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
        assert result.exit_code in (0, 1, 2), (command, result.output)
        assert isinstance(result.exception, SystemExit | None), (command, result.exception)
        if result.exit_code:  # refused: the file is as it was
            assert path.read_bytes() == before, command


# --- where a write may go ---------------------------------------------------------------------

def cli(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


def test_a_link_to_a_file_in_another_folder_is_never_written_through(tmp_path: Path) -> None:
    """`export -o link` once replaced a private file elsewhere that the link pointed to."""
    elsewhere = tmp_path / "private"
    elsewhere.mkdir()
    secret = elsewhere / "keys.txt"
    secret.write_text("do not replace")
    os.chmod(secret, 0o600)
    link = tmp_path / "calendar.ics"
    link.symlink_to(secret)
    result = cli("export", "ical", "-o", link, "--file", SMALL)
    assert result.exit_code == 1 and "keys.txt" in result.stderr
    assert secret.read_text() == "do not replace" and link.is_symlink()
    result = cli("init", link, "--force")
    assert result.exit_code == 1 and secret.read_text() == "do not replace"


def test_a_link_within_its_folder_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "stages-2026.toml"
    real.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    link = tmp_path / "stages.toml"
    link.symlink_to(real.name)
    result = cli("add", "baru", "--election", "pemilu-2024", "--name", "Baru", "--start",
                 "2024-03-01", "--source", "uji", "--file", link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and 'id = "baru"' in real.read_text(encoding="utf-8")


def test_init_never_replaces_a_pipe_or_a_folder(tmp_path: Path) -> None:
    """`init --force` once turned a device into a plain file (as root, /dev/null)."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = cli("init", pipe, "--force")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    folder = tmp_path / "folder"
    folder.mkdir()
    assert cli("init", folder, "--force").exit_code == 1
    assert {p.name for p in tmp_path.iterdir()} == {"pipe", "folder"}  # and no .lock


def test_an_export_removes_what_a_killed_export_left(tmp_path: Path) -> None:
    """A temp file whose writer no longer runs is debris; one of a running writer is not."""
    out = tmp_path / "calendar.ics"
    dead = tmp_path / ".calendar.ics.999999999.deadbeef.tmp"
    alive = tmp_path / f".calendar.ics.{os.getpid()}.cafebabe.tmp"
    dead.write_text("half a calendar")
    alive.write_text("being written")
    assert cli("export", "ical", "-o", out, "--file", SMALL).exit_code == 0
    assert not dead.exists() and alive.exists() and out.read_bytes().startswith(b"BEGIN:")
