"""Several staff at once: no update is lost, a crash never leaves a broken file, no hang."""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pemilu_timeline import fsio
from pemilu_timeline.model import Schedule
from pemilu_timeline.schedule import edit as editing
from pemilu_timeline.schedule import store
from pemilu_timeline.schedule.read import load_schedule, parse_schedule
from tests.helpers import at_once, run

PROCESSES = 6
ADDS_EACH = 15
NOW = dt.datetime(2024, 2, 1, tzinfo=dt.UTC)


def add(path: Path, stage_id: str, day: int) -> None:
    def change(data: dict[str, Any], schedule: Schedule) -> None:
        editing.add_stage(data, schedule, stage_id=stage_id, election="pemilu-2024",
                          name=f"Tahap {stage_id}", name_en=None,
                          start=dt.date(2024, 1, 1) + dt.timedelta(days=day), source="uji",
                          now=NOW)

    store.update(path, change, timeout=60)


def _worker(path: str, worker: int, start_gate: Any) -> None:
    start_gate.wait()
    for n in range(ADDS_EACH):
        add(Path(path), f"p{worker}-s{n}", worker * ADDS_EACH + n)


def test_concurrent_adds_keep_every_stage(small_file: Path) -> None:
    """N processes x M adds: every add survives (without the lock, most would be lost)."""
    began = time.monotonic()
    codes = at_once(_worker, small_file, PROCESSES, timeout=60)
    elapsed = time.monotonic() - began
    assert codes == [0] * PROCESSES
    keys = {s.key for s in load_schedule(small_file)}
    expected = {f"pemilu-2024/p{w}-s{n}" for w in range(PROCESSES) for n in range(ADDS_EACH)}
    assert expected <= keys, f"lost: {sorted(expected - keys)[:10]}"
    assert len(keys) == 5 + PROCESSES * ADDS_EACH
    assert elapsed < 20
    assert not [p for p in small_file.parent.iterdir() if p.name.endswith(fsio.TEMP_SUFFIX)]


KILL_LOOP = """
import os, sys, time
from pathlib import Path
from tests.test_concurrency import add

real_write = os.write
piece = int(sys.argv[3]) if len(sys.argv) > 3 else 4096

def slow_write(fd, data):  # slow storage: kills land inside writes, not only in parsing
    time.sleep(0.001)
    return real_write(fd, bytes(data[:piece]))

os.write = slow_write
path = Path(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    add(path, f"k{sys.argv[2]}-{n}", n % 300)
    n += 1
"""


def test_sigkill_during_writes_never_leaves_a_broken_file(small_file: Path) -> None:
    """Kill a writer at random moments; the file is always the old or the new version."""
    # A bigger file makes each write take longer, so kills land inside writes more often.
    for n in range(200):
        add(small_file, f"isi-{n}", n)
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    rng = random.Random(20240214)
    count = len(load_schedule(small_file))
    for round_ in range(12):
        child = subprocess.Popen([sys.executable, "-c", KILL_LOOP, str(small_file), str(round_)],
                                 stdout=subprocess.PIPE, env=env, cwd=root)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        schedule = parse_schedule(small_file.read_text(), str(small_file))  # never broken
        mine = sorted(int(s.id.rsplit("-", 1)[1]) for s in schedule
                      if s.id.startswith(f"k{round_}-"))
        assert mine == list(range(len(mine)))  # every finished add is there, whole
        assert len(schedule) == count + len(mine)
        count = len(schedule)
    add(small_file, "setelah", 1)  # the next writer cleans up what the killed ones left
    assert not [p for p in small_file.parent.iterdir() if p.name.endswith(fsio.TEMP_SUFFIX)]


HOLD_LOCK = """
import sys, time
from pathlib import Path
from pemilu_timeline.schedule.store import locked
with locked(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(30)
"""


def test_a_lock_held_too_long_ends_in_a_message_not_a_hang(small_file: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(small_file)],
                              stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == b"locked"
        before = small_file.read_bytes()
        began = time.monotonic()
        result = run("add", "uji", "--name", "Uji", "--start", "2024-05-01", "--source", "uji",
                     "-f", small_file, "--lock-timeout", "0.5", "--lang", "en", code=1)
        assert time.monotonic() - began < 5
        assert f"locked by PID {holder.pid} " in result.stderr
        assert "gave up after waiting 0.5 s" in result.stderr
        assert small_file.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    run("add", "uji", "--name", "Uji", "--start", "2024-05-01", "--source", "uji",
        "-f", small_file, "--lock-timeout", "5")  # a dead holder's lock is free at once


@pytest.mark.parametrize("seconds", ["0"])
def test_zero_timeout_still_works_when_nobody_holds_the_lock(small_file: Path,
                                                             seconds: str) -> None:
    run("add", "uji", "--name", "Uji", "--start", "2024-05-01", "--source", "uji",
        "-f", small_file, "--lock-timeout", seconds)


HOLD_AS_ADD = """
import sys, time
from pathlib import Path
from pemilu_timeline.schedule.store import locked
path = Path(sys.argv[1])
sys.argv = ["pemilu-timeline", "add", "uji", "--name", "Uji"]
with locked(path):
    print("locked", flush=True)
    time.sleep(30)
"""


def test_a_timeout_says_who_holds_the_lock_and_since_when(small_file: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD_AS_ADD, str(small_file)],
                              stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == b"locked"
        result = run("add", "uji", "--name", "Uji", "--start", "2024-05-01", "--source", "uji",
                     "-f", small_file, "--lock-timeout", "0.3", code=1)
        message = result.stderr.strip()
        assert f"dikunci oleh PID {holder.pid} (pemilu-timeline add …) sejak " in message
        assert re.search(r"sejak \d\d\.\d\d\.\d\d; sudah ditunggu 0\.3 detik", message)
        assert message.count("\n") == 0
    finally:
        holder.kill()
        holder.wait()


WAIT_IN_TURN = """
import sys, time
from pathlib import Path
from pemilu_timeline.schedule.store import locked
path, name = Path(sys.argv[1]), sys.argv[2]
print("waiting", flush=True)
with locked(path, timeout=10):
    with open(path.with_name("order"), "a") as order:
        order.write(name + "\\n")
    if name == "holder":
        sys.stdin.readline()  # hold until the test lets go
    time.sleep(0.05)
"""


def test_waiters_get_the_lock_in_the_order_they_came(small_file: Path) -> None:
    """A command that has waited longest goes first: none that came later passes it."""
    started: list[subprocess.Popen[bytes]] = []

    def start(name: str) -> subprocess.Popen[bytes]:
        child = subprocess.Popen([sys.executable, "-c", WAIT_IN_TURN, str(small_file), name],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        started.append(child)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"waiting"
        return child

    order = small_file.with_name("order")
    try:
        holder = start("holder")
        while not order.exists():
            time.sleep(0.01)
        for name in ("first", "second", "third"):
            start(name)
            time.sleep(0.2)  # in the lock's queue by now
        assert holder.stdin is not None
        holder.stdin.close()
        assert [child.wait(timeout=10) for child in started] == [0, 0, 0, 0]
    finally:
        for child in started:
            child.kill()
            child.wait()
    assert order.read_text().split() == ["holder", "first", "second", "third"]
