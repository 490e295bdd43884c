"""Which schedule file a command reads: --file, the environment, the `init` copy, or bundled."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_FILE = "PEMILU_TIMELINE_FILE"
APP_DIR = "pemilu-timeline"
FILE_NAME = "stages.toml"
PACKAGE_DIR = Path(__file__).parent.parent  # src/pemilu_timeline, or site-packages/...


@dataclass(frozen=True)
class ScheduleSource:
    """Which file a command reads, and why that one (shown by `info`)."""

    path: Path
    origin: str  # "option", "environment", "user", "bundled"

    @property
    def is_bundled(self) -> bool:
        return self.origin == "bundled"


def bundled_path() -> Path:
    """The schedule shipped inside the package; a source checkout falls back to ./data.

    An installed wheel has the file beside this module (hatchling force-include), which a
    stat finds; importlib.resources (several ms to import) is asked only for packages that
    are not plain files on disk, such as a zip import.
    """
    packaged = PACKAGE_DIR / "data" / FILE_NAME
    if packaged.is_file():
        return packaged
    checkout = PACKAGE_DIR.parents[1] / "data" / FILE_NAME
    if checkout.is_file():
        return checkout
    return _extracted_bundle()


def _extracted_bundle() -> Path:
    """The bundled schedule of a package that is not plain files (a zip import), copied to a
    file that outlives this call: as_file's copy is deleted when its block ends."""
    import tempfile
    import zlib
    from importlib.resources import files

    from pemilu_timeline.fsio import write_atomic

    data = files("pemilu_timeline").joinpath("data", FILE_NAME).read_bytes()
    target = Path(tempfile.gettempdir()) / f"pemilu-timeline-{zlib.crc32(data):08x}.toml"
    if not (target.is_file() and not target.is_symlink() and target.read_bytes() == data):
        write_atomic(target, data, mode=0o644, durable=False, through_symlink=False)
    return target


def is_package_data(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is the copy installed inside the package (never to be written: an
    upgrade would replace it, and it may be shared by every user of the machine)."""
    packaged = PACKAGE_DIR / "data" / FILE_NAME
    try:
        return Path(path).resolve() == packaged.resolve()
    except OSError:
        return False


def user_path() -> Path:
    """Where `init` puts an editable copy: $XDG_DATA_HOME/pemilu-timeline/stages.toml."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR / FILE_NAME


def locate(explicit: str | os.PathLike[str] | None = None) -> ScheduleSource:
    """--file, else $PEMILU_TIMELINE_FILE, else the `init` copy if there is one, else bundled."""
    if explicit:
        return ScheduleSource(Path(explicit), "option")
    env = os.environ.get(ENV_FILE)
    if env:
        return ScheduleSource(Path(env), "environment")
    user = user_path()
    if user.is_file():
        return ScheduleSource(user, "user")
    return ScheduleSource(bundled_path(), "bundled")
