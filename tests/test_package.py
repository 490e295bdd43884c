"""Packaging and architecture guards: core without UI libraries, data in the wheel."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def python(code: str, **env: str) -> str:
    import os

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, **env}, check=True)
    return result.stdout


def test_core_imports_neither_typer_nor_rich_nor_matplotlib() -> None:
    out = python(
        "import sys, json\n"
        "import pemilu_timeline\n"
        "import importlib, pkgutil\n"
        "for m in pkgutil.walk_packages(pemilu_timeline.__path__, 'pemilu_timeline.'):\n"
        "    if m.name.split('.')[1] not in ('cli', 'views', '__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "s = pemilu_timeline.load_schedule()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('typer', 'rich', 'click', 'matplotlib'))))")
    assert json.loads(out) == []


def test_now_does_not_import_heavy_modules() -> None:
    out = python(
        "import sys, json\n"
        "from pemilu_timeline.cli.app import app\n"
        "try:\n"
        "    app(['now', '--at', '2024-02-12', '--json'], standalone_mode=False)\n"
        "finally:\n"
        "    heavy = ('icalendar', 'dateutil.parser', 'tomli_w', 'hypothesis',\n"
        "             'pemilu_timeline.schedule.store')\n"
        "    sys.stderr.write(json.dumps(sorted(m for m in heavy if m in sys.modules)))\n"
        .replace("sys.stderr.write", "print"))
    assert out.strip().splitlines()[-1] == "[]"


def test_help_and_version_do_not_load_the_schedule(tmp_path: Path) -> None:
    # A broken schedule file would make any loading command fail.
    broken = tmp_path / "broken.toml"
    broken.write_text("not = [valid")
    env = {"PEMILU_TIMELINE_FILE": str(broken)}
    python("from pemilu_timeline.cli.app import app\n"
           "import sys\n"
           "for args in (['--help'], ['--version'], ['now', '--help']):\n"
           "    try:\n"
           "        app(args)\n"
           "    except SystemExit as e:\n"
           "        assert e.code == 0, (args, e.code)\n", **env)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(ROOT)], check=True)
    (built,) = out.glob("pemilu_timeline-*.whl")
    return built


@pytest.mark.parametrize("name", ["stages.toml", "holidays.toml"])
def test_wheel_carries_the_bundled_data(wheel: Path, name: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        packaged = archive.read(f"pemilu_timeline/data/{name}")
    assert packaged == (ROOT / "data" / name).read_bytes()


def installed(wheel: Path, tmp_path: Path, *args: str,
              check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run Python with ``args`` against the wheel unpacked as a site directory, as an
    installed copy runs (the checkout's ./data out of reach)."""
    site = tmp_path / "site"
    if not site.exists():
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(site)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                          check=check, cwd=tmp_path,
                          env={"PYTHONPATH": str(site), "HOME": str(tmp_path)})


def test_installed_copy_reads_its_own_holiday_overlay(wheel: Path, tmp_path: Path) -> None:
    out = installed(wheel, tmp_path, "-c",
                    "from pemilu_timeline.rules.workdays import overlay_path, work_calendar;"
                    "print(overlay_path()); print(work_calendar().source(2025))")
    path, source = out.stdout.splitlines()
    assert path.startswith(str(tmp_path / "site")) and "SKB" in source


def test_installed_copy_loads_its_own_data(wheel: Path, tmp_path: Path) -> None:
    out = installed(wheel, tmp_path, "-c",
                    "import pemilu_timeline, json; from pemilu_timeline import bundled_path, "
                    "load_schedule; print(json.dumps([str(bundled_path()), len(load_schedule())]))")
    path, count = json.loads(out.stdout)
    assert path.startswith(str(tmp_path / "site")) and count > 40
    # Naming the installed copy with --file does not make it editable.
    before = Path(path).read_bytes()
    refused = installed(wheel, tmp_path, "-m", "pemilu_timeline", "remove",
                        "pemilu-2024/masa-tenang", "--yes", "--file", path, check=False)
    assert refused.returncode == 1 and "pemilu-timeline init" in refused.stderr
    assert Path(path).read_bytes() == before


def test_installed_copy_publishes_the_page_from_its_own_templates(wheel: Path,
                                                                  tmp_path: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for template in (ROOT / "src" / "pemilu_timeline" / "views" / "templates").iterdir():
        assert f"pemilu_timeline/views/templates/{template.name}" in names
    installed(wheel, tmp_path, "-m", "pemilu_timeline", "export", "html", "-o", "out",
              "--at", "2024-02-14T08:00+07:00", "--election", "pemilu-2024")
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Pemungutan Suara" in page and page.rstrip().endswith("</html>")


def test_a_zip_import_reads_its_bundled_schedule(wheel: Path, tmp_path: Path) -> None:
    # A wheel is a zip: imported from it directly, the data is no plain file on disk.
    out = subprocess.run(
        [sys.executable, "-c",
         "import pemilu_timeline, json; from pemilu_timeline import load_schedule;"
         "print(json.dumps([pemilu_timeline.__file__, len(load_schedule())]))"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
        env={"PYTHONPATH": str(wheel), "HOME": str(tmp_path), "TMPDIR": str(tmp_path)})
    module, count = json.loads(out.stdout)
    assert module.startswith(str(wheel)) and count > 40


def test_python_dash_m_works() -> None:
    result = subprocess.run([sys.executable, "-m", "pemilu_timeline", "--version"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.startswith("pemilu-timeline ")
