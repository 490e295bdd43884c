"""Helpers that make tests read like the data."""

from __future__ import annotations

import atexit
import functools
import json
import multiprocessing
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from pemilu_timeline.cli.app import app


def run(*args: str | Path, code: int = 0, env: dict[str, str] | None = None,
        input: str | None = None) -> Result:
    """Run the CLI and fail with its output when the exit code is not the expected one."""
    result = CliRunner().invoke(app, [str(a) for a in args], env=env, input=input)
    if result.exit_code != code:
        raise AssertionError(
            f"exit {result.exit_code} != {code} for {args}\nstdout:\n{result.stdout}\n"
            f"stderr:\n{result.stderr}\nexception: {result.exception!r}")
    return result


def run_json(*args: str | Path, code: int = 0) -> Any:
    return json.loads(run(*args, "--json", code=code).stdout)


@functools.cache
def regional_schedule(size: int) -> Path:
    """A schedule of ``size`` stages, the bundled ones copied per region as the benchmark
    makes them; written once per test run (and removed at its end), to be copied before it
    is changed."""
    from benchmarks.run import synthetic_schedule

    folder = Path(tempfile.mkdtemp(prefix="pemilu-regional-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return synthetic_schedule(size, folder / f"stages-{size}.toml")


def at_once(target: Callable[[str, int, Any], None], path: Path, count: int,
            timeout: float) -> list[int | None]:
    """Run ``target(path, worker, gate)`` in ``count`` forked processes that wait at one
    barrier (``gate``) and so start together, as staff do; their exit codes."""
    context = multiprocessing.get_context("fork")
    gate = context.Barrier(count)
    workers = [context.Process(target=target, args=(str(path), worker, gate))
               for worker in range(count)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=timeout)
    return [process.exitcode for process in workers]
