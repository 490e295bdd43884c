"""Shared test set-up: an isolated environment, pinned terminal, a frozen clock via --at."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

ASSETS = Path(__file__).parent / "assets"
SMALL = ASSETS / "small.toml"


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[None]:
    """No test reads the developer's own schedule copy, language or terminal size."""
    monkeypatch.delenv("PEMILU_TIMELINE_FILE", raising=False)
    monkeypatch.delenv("PEMILU_TIMELINE_LANG", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("PEMILU_TIMELINE_NO_CACHE", raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("LINES", "40")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    yield


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    """A private copy of the small fixture schedule, safe to edit."""
    target = tmp_path / "stages.toml"
    shutil.copyfile(SMALL, target)
    return target


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
