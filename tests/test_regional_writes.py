"""Staff at regional scale (10,000 stages): concurrent adds all land, a killed writer never
leaves a broken file, and what the cache gives after each is what parsing the file gives."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pemilu_timeline import fsio
from pemilu_timeline.schedule import cache
from pemilu_timeline.schedule.read import load_schedule, parse_schedule
from tests.helpers import at_once, regional_schedule
from tests.test_concurrency import KILL_LOOP, add
from tests.test_edit_patch import every_field

SIZE = 10_000
WRITERS = 4
ADDS_EACH = 5


@pytest.fixture
def regional_file(tmp_path: Path) -> Path:
    target = tmp_path / "stages.toml"
    shutil.copyfile(regional_schedule(SIZE), target)
    return target


def assert_cache_agrees(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The schedule read through the cache is the one parsed from the file, field by field."""
    cached = load_schedule(path)
    monkeypatch.setenv(cache.ENV_DISABLE, "1")
    parsed = load_schedule(path)
    monkeypatch.delenv(cache.ENV_DISABLE)
    assert every_field(cached) == every_field(parsed)


def _writer(path: str, worker: int, gate: Any) -> None:
    gate.wait()
    for n in range(ADDS_EACH):
        add(Path(path), f"w{worker}-s{n}", worker * ADDS_EACH + n)


def test_concurrent_adds_at_regional_scale_all_land(
        regional_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add(regional_file, "pertama", 0)  # the first change parses the file; later ones patch it
    assert at_once(_writer, regional_file, WRITERS, timeout=120) == [0] * WRITERS
    keys = {s.key for s in load_schedule(regional_file)}
    expected = {f"pemilu-2024/w{w}-s{n}" for w in range(WRITERS) for n in range(ADDS_EACH)}
    assert expected <= keys, f"lost: {sorted(expected - keys)[:10]}"
    assert len(keys) == SIZE + 1 + WRITERS * ADDS_EACH
    assert_cache_agrees(regional_file, monkeypatch)


def test_sigkill_at_regional_scale_never_leaves_a_broken_file(
        regional_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add(regional_file, "pertama", 0)
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    rng = random.Random(20241127)
    count = len(load_schedule(regional_file))
    landed = 0
    for round_ in range(6):
        # Written 64 KiB a millisecond: some kills land inside a write, some adds finish.
        child = subprocess.Popen([sys.executable, "-c", KILL_LOOP, str(regional_file),
                                  str(round_), str(1 << 16)], stdout=subprocess.PIPE, env=env,
                                 cwd=root)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.2, 1.5))
        child.send_signal(signal.SIGKILL)
        child.wait()
        schedule = parse_schedule(regional_file.read_text(encoding="utf-8"), str(regional_file))
        mine = sorted(int(s.id.rsplit("-", 1)[1]) for s in schedule
                      if s.id.startswith(f"k{round_}-"))
        assert mine == list(range(len(mine)))  # every finished add is there, whole
        assert len(schedule) == count + len(mine)
        count = len(schedule)
        landed += len(mine)
        assert_cache_agrees(regional_file, monkeypatch)
    assert landed > 0  # not only kills before any add could finish
    add(regional_file, "setelah", 1)  # the next writer cleans up what the killed ones left
    assert not [p for p in regional_file.parent.iterdir() if p.name.endswith(fsio.TEMP_SUFFIX)]
