"""The writer: canonical TOML, comment detection, atomic replace, failures that change nothing."""

from __future__ import annotations

import datetime as dt
import errno
import os
import signal
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pemilu_timeline import fsio
from pemilu_timeline.errors import ScheduleInvalid, WriteRefused
from pemilu_timeline.model import Schedule
from pemilu_timeline.schedule import edit as editing
from pemilu_timeline.schedule import store, write
from pemilu_timeline.schedule.locate import bundled_path
from pemilu_timeline.schedule.read import load_schedule, parse_toml
from tests.helpers import run

NOW = dt.datetime(2024, 2, 1, 3, 4, 5, tzinfo=dt.UTC)
ASSETS = Path(__file__).parent / "assets"


def add(path: Path, stage_id: str, start: dt.date = dt.date(2024, 1, 5), **fields: Any) -> None:
    def change(data: dict[str, Any], schedule: Schedule) -> None:
        editing.add_stage(data, schedule, stage_id=stage_id, election="pemilu-2024",
                          name=fields.get("name", f"Tahap {stage_id}"), name_en=None,
                          start=start, source="uji", now=NOW)

    store.update(path, change, timeout=5)


def remove(path: Path, key: str) -> None:
    store.update(path, lambda data, schedule: editing.remove_stage(data, schedule, key))


def temp_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(fsio.TEMP_SUFFIX))


# --- canonical form -------------------------------------------------------------------------

def test_canonical_text_is_a_fixed_point(small_file: Path) -> None:
    once = write.canonical_text(parse_toml(small_file.read_text(), "x"))
    assert write.canonical_text(parse_toml(once, "x")) == once
    assert once.endswith("\n") and not once.endswith("\n\n")


def test_canonical_layout(small_file: Path) -> None:
    text = write.canonical_text(parse_toml(small_file.read_text(), "x"))
    assert text.startswith("[elections.pemilu-2024]\nname = ")
    assert "start = 2024-02-14T07:00:00\nend = 2024-02-14T13:00:00\n" in text
    assert '\n\n[[stages]]\nid = "kampanye"\nelection = "pemilu-2024"\n' in text
    assert 'tags = [\n    "kampanye",\n]\n' in text
    # the same data gives the same bytes whatever order the fields were written in
    data = parse_toml(small_file.read_text(), "x")
    data["stages"] = [dict(reversed(list(s.items()))) for s in data["stages"]]
    assert write.canonical_text(data) == text


def test_relative_stage_keeps_its_rule_as_a_sub_table() -> None:
    text = (ASSETS / "relative.toml").read_text()
    once = write.canonical_text(parse_toml(text, "x"))
    assert '\n\n[stages.after]\nstage = "putusan-mk"\ndays = 3\nsense = "at-latest"\n' in once
    assert list(store.verify(once, "x")) == list(load_schedule(ASSETS / "relative.toml"))


def test_a_schedule_round_trips_through_its_canonical_text() -> None:
    schedule = load_schedule(ASSETS / "relative.toml")
    text = write.canonical_text(schedule)
    assert list(store.verify(text, "x")) == list(schedule)


def test_updated_is_written_in_utc_with_z(small_file: Path) -> None:
    add(small_file, "debat")
    assert "revision = 1\nupdated = 2024-02-01T03:04:05Z\n" in small_file.read_text()


def test_bundled_is_canonical(tmp_path: Path) -> None:
    """The shipped file is what the writer writes, so add-then-remove gives the same bytes.

    If this fails, run: pemilu-timeline validate --fix-format data/stages.toml
    """
    original = bundled_path().read_bytes()
    data = parse_toml(original.decode(), "bundled")
    assert write.canonical_text(data).encode() == original
    copy = tmp_path / "stages.toml"
    copy.write_bytes(original)
    add(copy, "tahap-uji-sementara", dt.date(2023, 12, 12))
    assert copy.read_bytes() != original
    remove(copy, "pemilu-2024/tahap-uji-sementara")
    assert copy.read_bytes() == original


def test_add_then_remove_gives_back_the_same_bytes(small_file: Path) -> None:
    store.reformat(small_file)
    before = small_file.read_bytes()
    for start in (dt.date(2020, 1, 1), dt.date(2024, 2, 12), dt.date(2030, 1, 1)):
        add(small_file, "sementara", start)
        remove(small_file, "pemilu-2024/sementara")
        assert small_file.read_bytes() == before


def test_add_keeps_an_election_in_date_order(small_file: Path) -> None:
    add(small_file, "debat", dt.date(2024, 1, 5))
    ids = [s["id"] for s in parse_toml(small_file.read_text(), "x")["stages"]]
    assert ids.index("kampanye") < ids.index("debat") < ids.index("masa-tenang")


# --- comments -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "line"), [
    ('a = 1\n', None),
    ('a = "# not a comment"\n', None),
    ("a = '# nor this'\n", None),
    ('a = """\n# inside\n"""\n', None),
    ("a = '''\n# inside\n'''\n", None),
    ('a = "say \\"#\\"" # but this is\n', 1),
    ('a = 1\n# heading\n', 2),
    ('a = """x""""  # after a string that ends in a quote\n', 1),
    ('[t] # table comment\n', 1),
])
def test_first_comment_line(text: str, line: int | None) -> None:
    assert write.first_comment_line(text) == line


def test_file_with_comments_is_refused_unchanged(small_file: Path) -> None:
    text = small_file.read_text().replace('id = "kampanye"', 'id = "kampanye"  # per PKPU 3/2022')
    small_file.write_text(text)
    before = small_file.read_bytes()
    with pytest.raises(WriteRefused) as caught:
        add(small_file, "debat")
    assert "--drop-comments" in caught.value.message("en")
    assert "line 8" in caught.value.message("en")
    assert small_file.read_bytes() == before
    store.update(small_file, lambda data, schedule: None, drop_comments=True)
    assert "#" not in small_file.read_text()


# --- atomic write ---------------------------------------------------------------------------

def test_mode_is_kept(small_file: Path) -> None:
    small_file.chmod(0o640)
    add(small_file, "debat")
    assert stat.S_IMODE(small_file.stat().st_mode) == 0o640
    small_file.chmod(0o604)
    add(small_file, "debat-2")
    assert stat.S_IMODE(small_file.stat().st_mode) == 0o604


def test_a_symlink_is_written_through(small_file: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(small_file)
    add(link, "debat")
    assert link.is_symlink()
    assert load_schedule(small_file).get("pemilu-2024/debat") is not None
    assert (tmp_path / "stages.toml.lock").exists()  # the lock sits beside the real file


@pytest.mark.parametrize("failing", ["write", "fsync", "replace", "fchmod"])
def test_failure_while_writing_changes_nothing(small_file: Path, failing: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    before = small_file.read_bytes()

    def no_space(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, failing, no_space)
    with pytest.raises(WriteRefused) as caught:
        add(small_file, "debat")
    monkeypatch.undo()
    assert "no space left on device" in caught.value.message("en")
    assert "ruang disk habis" in caught.value.message("id")
    assert "unchanged" in caught.value.message("en")
    assert small_file.read_bytes() == before
    assert temp_files(small_file.parent) == []


def test_interrupt_while_writing_leaves_no_temp_file(small_file: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    before = small_file.read_bytes()

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        add(small_file, "debat")
    monkeypatch.undo()
    assert small_file.read_bytes() == before
    assert temp_files(small_file.parent) == []


def test_temp_files_of_killed_writers_are_cleaned_up(small_file: Path) -> None:
    stale = small_file.parent / f".{small_file.name}.4242.deadbeef{fsio.TEMP_SUFFIX}"
    stale.write_text("half a file")
    other = small_file.parent / ".other.toml.1.x.tmp"
    other.write_text("not ours")
    add(small_file, "debat")
    assert temp_files(small_file.parent) == [other.name]


def test_a_change_made_meanwhile_by_another_program_is_not_overwritten(small_file: Path
                                                                       ) -> None:
    def change(data: dict[str, Any], schedule: Schedule) -> None:
        small_file.write_text(small_file.read_text() + "\n")  # an editor saving the file
        editing.add_stage(data, schedule, stage_id="debat", election="pemilu-2024",
                          name="Debat", name_en=None, start=dt.date(2024, 1, 5),
                          source="uji", now=NOW)

    with pytest.raises(WriteRefused, match="changed by another program"):
        store.update(small_file, change)
    assert load_schedule(small_file).get("pemilu-2024/debat") is None


def test_an_invalid_result_is_refused_before_writing(small_file: Path) -> None:
    before = small_file.read_bytes()

    def break_it(data: dict[str, Any], schedule: Schedule) -> None:
        data["stages"][0]["end"] = dt.date(2000, 1, 1)

    with pytest.raises(WriteRefused) as caught:
        store.update(small_file, break_it)
    message = caught.value.message("en")
    assert "\n" not in message
    assert "before" in message and "unchanged" in message
    assert small_file.read_bytes() == before


def test_an_invalid_file_is_not_edited(small_file: Path) -> None:
    small_file.write_text(small_file.read_text().replace("end = 2024-02-13", "end = 2024-01-13"))
    with pytest.raises(ScheduleInvalid):
        add(small_file, "debat")


def test_init_writes_a_new_file_with_the_default_mode(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "stages.toml"
    text = write.canonical_text(parse_toml((ASSETS / "small.toml").read_text(), "x"))
    store.write_new(target, text, replace=False)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    with pytest.raises(WriteRefused, match="--force"):
        store.write_new(target, text, replace=False)


def test_malformed_toml_is_reported_with_line_and_column(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[elections.pemilu-2024]\nname = "Pemilu"\nname_en = Pemilu 2024\n')
    result = run("validate", broken, code=1)
    assert f"{broken}:3:11:" in result.stderr
    assert "TOML" in result.stderr
    assert broken.read_text().endswith("Pemilu 2024\n")


toml_values = st.one_of(
    st.text(), st.booleans(), st.integers(), st.dates(),
    st.lists(st.text(max_size=8), max_size=4))


@given(value=toml_values)
def test_fast_formatting_is_exactly_tomli_w(value: Any) -> None:
    """The writer formats common values itself, for speed; the bytes must not change."""
    import tomli_w

    assert write._line("field", value) == tomli_w.dumps({"field": value})


@given(value=st.dictionaries(st.sampled_from(["years", "months", "days", "working_days"]),
                             st.integers(min_value=0, max_value=10**6), max_size=4))
def test_a_span_is_written_inline_and_reads_back(value: dict[str, int]) -> None:
    """A rule's span stays on its line (`latest = { years = 2, months = 6 }`): tomli-w would
    make it a table of its own, which reads as the rule's sub-table."""
    import tomllib

    line = write._line("latest", value)
    assert line.startswith("latest = {") and line.count("\n") == 1
    assert tomllib.loads(line) == {"latest": value}


def test_a_missing_file_leaves_no_lock_and_no_directory(tmp_path: Path) -> None:
    missing = tmp_path / "nodir" / "stages.toml"
    result = run("add", "x", "--name", "X", "--start", "2024-01-01", "--source", "s",
                 "-f", missing, "--lang", "en", code=1)
    assert "no such file" in result.stderr and "pemilu-timeline init" in result.stderr
    assert not (tmp_path / "nodir").exists()


def test_a_held_lock_times_out_with_advice_that_keeps_locking_safe(small_file: Path) -> None:
    """Deleting the lock file of a running command would let a second writer in beside it,
    so the message says to wait, never to delete it."""
    from pemilu_timeline.errors import LockTimeout

    before = small_file.read_bytes()
    with store.locked(small_file), pytest.raises(LockTimeout) as error:
        store.update(small_file, lambda data, schedule: None, timeout=0)
    for lang, words in (("id", "lepas sendiri"), ("en", "released by itself")):
        text = error.value.message(lang)
        assert words in text and "0 " in text and str(small_file) in text
        assert store.LOCK_SUFFIX not in text  # no lock path to delete
    assert small_file.read_bytes() == before


def test_a_lock_file_that_cannot_be_made_is_said_at_once(tmp_path: Path) -> None:
    import time

    (tmp_path / "s.toml.lock").mkdir()
    began = time.monotonic()
    result = run("init", tmp_path / "s.toml", "--lang", "en", code=1)
    assert time.monotonic() - began < 5  # not after the 10 s lock timeout
    assert "Cannot create the lock file" in result.stderr and "is a directory" in result.stderr
    assert not (tmp_path / "s.toml").exists()


def test_a_planted_lock_symlink_is_refused_never_followed(small_file: Path,
                                                          tmp_path: Path) -> None:
    planted = tmp_path / "elsewhere" / "victim"
    planted.parent.mkdir()
    store.lock_path(small_file).symlink_to(planted)
    before = small_file.read_bytes()
    with pytest.raises(WriteRefused) as refused:
        add(small_file, "debat")
    assert "is a symbolic link, which is never followed" in refused.value.message("en")
    assert not planted.exists()  # nothing made at the link's target
    assert small_file.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_lock_path_that_is_not_a_regular_file_is_refused(small_file: Path) -> None:
    os.mkfifo(store.lock_path(small_file))
    with pytest.raises(WriteRefused) as refused:
        add(small_file, "debat")
    assert "is not a regular file" in refused.value.message("en")


def test_a_hard_link_planted_as_the_lock_is_refused(small_file: Path) -> None:
    """The holder's note would otherwise be written into the file the link shares."""
    other = small_file.parent / "precious.txt"
    other.write_text("keep me")
    os.link(other, store.lock_path(small_file))
    with pytest.raises(WriteRefused):
        add(small_file, "debat")
    assert other.read_text() == "keep me"


def test_the_holder_is_noted_in_the_lock_file_while_it_holds(small_file: Path) -> None:
    import json

    with store.locked(small_file) as lock:
        note = json.loads(lock.read_text())
        assert note["pid"] == os.getpid() and isinstance(note["command"], list)
        assert dt.datetime.fromisoformat(note["since"]).tzinfo is not None
    assert lock.read_text() == ""  # no stale note once the lock is free


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")
def test_waiting_puts_back_the_alarm_handler_and_leaves_no_timer(small_file: Path) -> None:
    from pemilu_timeline.errors import LockTimeout

    def mine(signum: int, frame: object) -> None:
        raise AssertionError("the waiting's alarm reached the caller's handler")

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        with store.locked(small_file), pytest.raises(LockTimeout):
            store.update(small_file, lambda data, schedule: None, timeout=0.2)
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_off_the_main_thread_the_wait_is_bounded_too(small_file: Path) -> None:
    """No SIGALRM outside the main thread: the wait polls instead, and still ends."""
    import threading
    import time

    from pemilu_timeline.errors import LockTimeout

    outcome: list[str] = []

    def wait() -> None:
        try:
            store.update(small_file, lambda data, schedule: None, timeout=0.3)
            outcome.append("locked")
        except LockTimeout:
            outcome.append("timed out")

    with store.locked(small_file):
        began = time.monotonic()
        waiter = threading.Thread(target=wait)
        waiter.start()
        waiter.join(timeout=5)
        assert outcome == ["timed out"] and time.monotonic() - began < 2
    waiter = threading.Thread(target=wait)
    waiter.start()
    waiter.join(timeout=5)
    assert outcome == ["timed out", "locked"]


def test_a_planted_lock_note_past_the_calendar_is_no_holder(small_file: Path) -> None:
    """A note saying "since 9999-12-31T23:59:59-12:00" once made a timeout a traceback."""
    for note in (b'{"pid": 5, "command": ["x"], "since": "9999-12-31T23:59:59-12:00"}',
                 b'{"pid": 1e400, "command": ["x"], "since": "2024-01-01T00:00:00+07:00"}'):
        assert store._holder(note) is None
