"""A schedule kept in git, with real git in temp dirs: a commit per write, history, the
schedule as known on a date, and offices on different clones merging through the driver."""

from __future__ import annotations

import datetime as dt
import json
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

from pemilu_timeline.cli import edit as cli_edit
from pemilu_timeline.schedule.merge import merge_data
from pemilu_timeline.schedule.read import load_schedule, parse_schedule
from tests.conftest import SMALL
from tests.helpers import at_once, run, run_json

pytestmark = pytest.mark.skipif(shutil.which("git") is None,
                                reason="git is not installed: these tests need real git")

NOW = dt.datetime(2024, 2, 1, 3, 4, 5, tzinfo=dt.UTC)
KEY = "pemilu-2024/pemungutan-suara"


@pytest.fixture(autouse=True)
def git_identity(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A private git: no system or user config, one identity, a frozen edit clock."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("GIT_CONFIG_GLOBAL", raising=False)
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Ana KPU")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "ana@example.org")
        monkeypatch.delenv(f"GIT_{role}_DATE", raising=False)
    monkeypatch.delenv("PEMILU_TIMELINE_NO_GIT", raising=False)
    monkeypatch.setattr(cli_edit, "_now", lambda: NOW)


def git(folder: Path, *args: str, code: int = 0) -> str:
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True,
                          check=False)
    assert done.returncode == code, (args, done.stdout, done.stderr)
    return done.stdout


def commits(folder: Path) -> list[str]:
    return git(folder, "log", "--format=%s").splitlines()


def at_date(monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    """The next commits are dated ``when`` (author and committer)."""
    monkeypatch.setenv("GIT_AUTHOR_DATE", when)
    monkeypatch.setenv("GIT_COMMITTER_DATE", when)


def small_repository(folder: Path) -> Path:
    """``folder`` made a repository whose first commit holds the small schedule as
    stages.toml, with the attributes that name the driver."""
    folder.mkdir()
    git(folder, "init", "-q")
    git(folder, "symbolic-ref", "HEAD", "refs/heads/main")
    shutil.copyfile(SMALL, folder / "stages.toml")
    (folder / ".gitattributes").write_text("stages.toml merge=pemilu-timeline\n")
    (folder / ".gitignore").write_text("stages.toml.lock\n")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "first")
    return folder


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """A repository holding the small schedule as stages.toml, its driver registered."""
    folder = small_repository(tmp_path / "office")
    run("init", "--git", folder)
    return folder / "stages.toml"


# --- init --git and a commit per write ------------------------------------------------------

def test_init_git_makes_a_repository_with_the_bundled_schedule(tmp_path: Path) -> None:
    folder = tmp_path / "jadwal"
    result = run("init", "--git", folder)
    assert "jadwal" in result.stdout
    assert commits(folder) == ["init: jadwal bawaan pemilu-timeline"]
    assert git(folder, "status", "--porcelain") == ""
    assert "merge=pemilu-timeline" in (folder / ".gitattributes").read_text()
    driver = git(folder, "config", "merge.pemilu-timeline.driver")
    assert "merge-driver %O %A %B" in driver
    assert len(load_schedule(folder / "stages.toml")) > 100


def test_a_refused_init_git_leaves_nothing_half_made(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    held = tmp_path / "held"
    held.mkdir()
    (held / "stages.toml").write_text("mine", encoding="utf-8")
    said = run("init", "--git", held, "--lang", "en", code=1).stderr
    assert "already holds a stages.toml" in said
    assert sorted(p.name for p in held.iterdir()) == ["stages.toml"]
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    assert "is a file, not a folder" in run("init", "--git", a_file, "--lang", "en",
                                            code=1).stderr
    for role in ("AUTHOR", "COMMITTER"):  # no identity: git refuses the first commit
        monkeypatch.delenv(f"GIT_{role}_NAME")
        monkeypatch.delenv(f"GIT_{role}_EMAIL")
    monkeypatch.setenv("EMAIL", "")
    fresh = tmp_path / "fresh"
    run("init", "--git", fresh, code=1)
    assert not fresh.exists()  # no repository without its first commit


def test_init_git_in_a_clone_only_registers_the_driver(tmp_path: Path) -> None:
    run("init", "--git", tmp_path / "seed")
    git(tmp_path, "clone", "-q", "seed", "clone")
    clone = tmp_path / "clone"
    (clone / "stages.toml").write_bytes((clone / "stages.toml").read_bytes())
    before = (clone / "stages.toml").read_bytes()
    git(clone, "config", "merge.pemilu-timeline.driver", code=1)  # a clone lacks it
    result = run("init", "--git", clone, "--lang", "en")
    assert "only the merge driver was registered" in result.stdout
    assert "merge-driver" in git(clone, "config", "merge.pemilu-timeline.driver")
    assert (clone / "stages.toml").read_bytes() == before
    assert len(commits(clone)) == 1


def test_every_write_is_one_commit_saying_what_changed(office: Path) -> None:
    folder = office.parent
    run("edit", KEY, "--start", "2024-02-15", "--why", "Keputusan KPU 12/2024", "-f", office)
    assert commits(folder)[0] == f"edit {KEY}: mulai 2024-02-14 → 2024-02-15"
    body = git(folder, "log", "-1", "--format=%B")
    assert "Keputusan KPU 12/2024" in body and "Pemilu-Why: Keputusan KPU 12/2024" in body
    change = json.loads(next(line for line in body.splitlines()
                             if line.startswith("Pemilu-Change: ")).partition(": ")[2])
    assert change == {"op": "edit", "key": KEY, "field": "start", "old": "2024-02-14",
                      "new": "2024-02-15"}
    assert load_schedule(office).get(KEY).why == "Keputusan KPU 12/2024"  # kept on the stage
    run("add", "debat", "-e", "pemilu-2024", "--name", "Debat", "--start", "2024-01-07",
        "--source", "KPU", "-f", office, "--author", "Budi <budi@example.org>")
    assert commits(folder)[0] == "add pemilu-2024/debat (Debat)"
    assert git(folder, "log", "-1", "--format=%an <%ae>") == "Budi <budi@example.org>\n"
    run("remove", "pemilu-2024/debat", "--yes", "-f", office, "--why", "batal")
    assert commits(folder)[0] == "remove pemilu-2024/debat (Debat)"
    run("election", "edit", "pemilu-2024", "--note", "Catatan", "-f", office)
    assert commits(folder)[0] == "election edit pemilu-2024: catatan — → Catatan"
    assert len(commits(folder)) == 5
    assert git(folder, "status", "--porcelain") == ""


def test_validate_fix_format_is_a_commit_too(office: Path) -> None:
    office.write_text(office.read_text().replace('name = "Masa Tenang"', 'name="Masa Tenang"'))
    git(office.parent, "commit", "-q", "-am", "by hand")
    run("validate", "-f", office, "--fix-format")
    assert commits(office.parent)[0] == "validate --fix-format"
    assert git(office.parent, "status", "--porcelain") == ""


def test_a_no_op_edit_makes_no_commit(office: Path) -> None:
    run("edit", KEY, "--start", "2024-02-14", "-f", office)
    assert len(commits(office.parent)) == 1


def test_a_file_git_does_not_track_is_written_as_ever(office: Path) -> None:
    loose = office.parent / "draft.toml"
    shutil.copyfile(SMALL, loose)
    run("edit", KEY, "--start", "2024-02-15", "-f", loose)
    assert len(commits(office.parent)) == 1
    assert load_schedule(loose).get(KEY).start == dt.date(2024, 2, 15)


def test_a_file_outside_any_repository_is_written_as_ever(small_file: Path) -> None:
    run("edit", KEY, "--start", "2024-02-15", "--why", "uji", "-f", small_file)
    assert load_schedule(small_file).get(KEY).why == "uji"
    assert not (small_file.parent / ".git").exists()


# --- degrading cleanly ----------------------------------------------------------------------

def test_a_dirty_file_is_refused_in_one_line_and_left_alone(office: Path) -> None:
    office.write_text(office.read_text() + "\n")
    before = office.read_bytes()
    result = run("edit", KEY, "--start", "2024-02-15", "-f", office, "--lang", "en", code=1)
    assert "has changes nobody committed" in result.stderr
    assert result.stderr.count("\n") == 1
    assert office.read_bytes() == before


def test_a_detached_head_is_refused(office: Path) -> None:
    git(office.parent, "checkout", "-q", "--detach")
    before = office.read_bytes()
    result = run("edit", KEY, "--start", "2024-02-15", "-f", office, "--lang", "en", code=1)
    assert "detached HEAD" in result.stderr and result.stderr.count("\n") == 1
    assert office.read_bytes() == before


def test_no_git_installed_is_refused(office: Path, monkeypatch: pytest.MonkeyPatch,
                                     tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    before = office.read_bytes()
    result = run("edit", KEY, "--start", "2024-02-15", "-f", office, "--lang", "en", code=1)
    assert "git is not installed" in result.stderr and result.stderr.count("\n") == 1
    assert office.read_bytes() == before
    result = run("log", "-f", office, "--lang", "en", code=1)
    assert "git is not installed" in result.stderr


@pytest.mark.parametrize("author", ["Ana\n<ana@example.org>", "Ana <a<b@example.org>",
                                    "Ana\r <ana@example.org>", "A" * 300 + " <a@example.org>",
                                    "Ana <>", "<ana@example.org>"])
def test_an_author_git_would_record_otherwise_is_refused(office: Path, author: str) -> None:
    before = office.read_bytes()
    said = run("edit", KEY, "--start", "2024-02-15", "-f", office, "--author", author,
               "--lang", "en", code=1).stderr
    assert "Name <email>" in said and said.count("\n") == 1 and len(said) < 200
    assert office.read_bytes() == before and commits(office.parent) == ["first"]


def test_a_commit_git_refuses_puts_the_file_back(office: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    before = office.read_bytes()
    result = run("edit", KEY, "--start", "2024-02-15", "-f", office, "--author", "nobody",
                 "--lang", "en", code=1)
    assert "Name <email>" in result.stderr
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "")
    result = run("edit", KEY, "--start", "2024-02-15", "-f", office, "--lang", "en", code=1)
    assert result.stderr.count("\n") == 1
    assert office.read_bytes() == before
    assert git(office.parent, "status", "--porcelain") == ""


def test_log_and_as_of_outside_a_repository_say_so(small_file: Path) -> None:
    result = run("log", "-f", small_file, "--lang", "en", code=1)
    assert "is not kept in a git repository" in result.stderr
    result = run("list", "-f", small_file, "--as-of", "2024-01-01", "--lang", "en", code=1)
    assert "is not kept in a git repository" in result.stderr


# --- history --------------------------------------------------------------------------------

def test_history_moments_beyond_git_s_dates_are_held_to_its_ends(
        office: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Git misreads a date past 2099 (a --since in 2999 would list every commit)."""
    at_date(monkeypatch, "2026-06-01T10:00:00+07:00")
    run("edit", KEY, "--start", "2024-02-15", "--why", "uji", "-f", office)
    latest = run("show", KEY, "-f", office, "--json").stdout
    assert run("show", KEY, "-f", office, "--json", "--as-of", "2999-01-01").stdout == latest
    assert run_json("log", "-f", office, "--since", "2999-01-01")["commits"] == []
    assert len(run_json("log", "-f", office, "--since", "1900-01-01")["commits"]) >= 2
    early = run("show", KEY, "-f", office, "--as-of", "1900-01-01", "--lang", "en", code=1)
    assert len(early.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [("now", "--as-of"), ("log", "--since")])
def test_a_history_moment_that_is_no_date_names_its_own_option(office: Path,
                                                              args: tuple[str, str]) -> None:
    said = run(args[0], "-f", office, args[1], "kemarin" * 40, code=1).stderr
    assert said.startswith(f"Kesalahan: {args[1]} 'kemarin") and len(said) < 300

def test_log_shows_who_changed_what_and_why_even_for_a_removed_stage(
        office: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at_date(monkeypatch, "2024-01-10T10:00:00+07:00")
    run("edit", "pemilu-2024/masa-tenang", "--note", "Diperpendek", "--why", "PKPU 1/2024",
        "-f", office)
    at_date(monkeypatch, "2024-01-12T10:00:00+07:00")
    run("remove", "pemilu-2024/masa-tenang", "--yes", "-f", office, "--author",
        "Budi <budi@example.org>")
    text = run("log", "masa-tenang", "-f", office).stdout
    assert "Budi <budi@example.org>" in text and "remove pemilu-2024/masa-tenang" in text
    assert "edit pemilu-2024/masa-tenang: catatan — → Diperpendek" in text
    assert "dasar perubahan: PKPU 1/2024" in text
    found = run_json("log", "pemilu-2024/masa-tenang", "-f", office)
    assert [c["changes"][0]["op"] for c in found["commits"]] == ["remove", "edit"]
    assert found["commits"][1]["why"] == "PKPU 1/2024"
    assert found["commits"][1]["date"] == "2024-01-10T10:00:00+07:00"
    since = run_json("log", "-f", office, "--since", "2024-01-11")
    assert [c["changes"][0]["op"] for c in since["commits"]] == ["remove"]
    every = run_json("log", "-f", office)
    assert len(every["commits"]) == 3  # the first commit, made by hand, too


def test_log_reads_a_commit_made_by_hand_by_comparing_it(office: Path) -> None:
    office.write_text(office.read_text().replace("2024-02-14\n", "2024-02-16\n", 1))
    git(office.parent, "commit", "-q", "-am", "by hand")
    found = run_json("log", KEY, "-f", office)
    assert found["commits"][0]["subject"] == "by hand"
    assert {"op": "edit", "key": KEY, "field": "start", "old": "2024-02-14",
            "new": "2024-02-16"} in found["commits"][0]["changes"]


def test_as_of_reads_the_schedule_as_known_then(office: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    at_date(monkeypatch, "2024-01-01T09:00:00+07:00")
    git(office.parent, "commit", "-q", "--amend", "--no-edit", "--reset-author")
    at_date(monkeypatch, "2024-01-10T10:00:00+07:00")
    run("edit", KEY, "--start", "2024-02-15", "-f", office)
    at_date(monkeypatch, "2024-01-20T10:00:00+07:00")
    run("edit", KEY, "--start", "2024-02-16", "-f", office)

    def start_as_of(when: str) -> str:
        shown = run_json("show", KEY, "-f", office, "--as-of", when)
        return str(shown["start"])

    assert start_as_of("2024-01-09") == "2024-02-14"
    assert start_as_of("2024-01-10T09:59") == "2024-02-14"
    assert start_as_of("2024-01-10T10:00") == "2024-02-15"  # at the moment counts
    assert start_as_of("2024-01-10") == "2024-02-15"  # a day alone: its end
    assert start_as_of("2024-01-19") == "2024-02-15"
    assert start_as_of("2024-01-21") == "2024-02-16"
    assert str(run_json("show", KEY, "-f", office)["start"]) == "2024-02-16"
    result = run("list", "-f", office, "--as-of", "2023-12-31", "--lang", "en", code=1)
    assert "was not in the git history yet" in result.stderr
    # the two axes together: what `now` said on 12 Feb 2024, as known on 9 January
    assert "Masa Tenang" in run("now", "-f", office, "--at", "2024-02-12",
                                "--as-of", "2024-01-09").stdout
    exported = run("export", "csv", "-f", office, "--as-of", "2024-01-09").stdout
    assert "2024-02-14" in exported and "2024-02-16" not in exported
    note = run("diff", "--since", "2024-01-15", "-f", office).stdout
    assert f"~ {KEY}" in note and "mulai: 2024-02-15 → 2024-02-16" in note
    note = run_json("diff", "--since", "2024-01-01T12:00", "-f", office)
    assert [c["key"] for c in note["changed"]] == [KEY]


# --- many machines: the merge driver --------------------------------------------------------

@pytest.fixture
def offices(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A bare hub and three clones of it (Jakarta, Makassar, Jayapura), driver registered."""
    small_repository(tmp_path / "seed")
    git(tmp_path, "clone", "-q", "--bare", "seed", "hub.git")
    clones = []
    for name in ("jakarta", "makassar", "jayapura"):
        git(tmp_path, "clone", "-q", "hub.git", name)
        run("init", "--git", tmp_path / name)
        clones.append(tmp_path / name / "stages.toml")
    return clones[0], clones[1], clones[2]


def test_edits_to_different_stages_and_fields_merge_without_conflict(
        offices: tuple[Path, Path, Path]) -> None:
    jakarta, makassar, jayapura = offices
    run("edit", KEY, "--start", "2024-02-15", "-f", jakarta)
    run("edit", KEY, "--note", "Catatan Makassar", "-f", makassar)  # same stage, other field
    run("edit", "pemilu-2024/kampanye", "--note", "Catatan Jayapura", "-f", jayapura)
    for office in offices:
        run("sync", "-f", office)
    run("sync", "-f", jakarta)
    run("sync", "-f", makassar)
    for office in offices:
        schedule = load_schedule(office)
        stage = schedule.get(KEY)
        assert (stage.start, stage.note) == (dt.date(2024, 2, 15), "Catatan Makassar")
        assert schedule.get("pemilu-2024/kampanye").note == "Catatan Jayapura"
        assert stage.revision == 3  # both sides changed it: one more than either
        assert stage.conflict == ()
        assert git(office.parent, "status", "--porcelain") == ""
    found = run_json("log", KEY, "-f", jayapura)
    assert len(found["commits"]) == 2


def test_the_same_field_changed_two_ways_is_a_conflict_validate_names_and_edit_settles(
        offices: tuple[Path, Path, Path]) -> None:
    jakarta, makassar, _ = offices
    run("edit", KEY, "--start", "2024-02-15", "-f", jakarta)
    run("sync", "-f", jakarta)
    run("edit", KEY, "--start", "2024-02-16", "--note", "Catatan", "-f", makassar)
    result = run("sync", "-f", makassar, "--lang", "en", code=1)
    assert "left conflicts" in result.stderr and result.stderr.count("\n") == 1
    assert git(makassar.parent, "status", "--porcelain").startswith("UU stages.toml")
    stage = load_schedule(makassar).get(KEY)  # the file still loads: ours kept, recorded
    assert (stage.start, stage.note) == (dt.date(2024, 2, 16), "Catatan")
    assert stage.conflict == ("start: ours 2024-02-16; theirs 2024-02-15",)
    checked = run("validate", "-f", makassar, "--lang", "en", code=1)  # not done yet
    assert f"{KEY}: merge conflict on start not settled" in checked.stderr
    assert f"edit {KEY} --start VALUE" in checked.stderr
    assert "OK" not in checked.stdout
    assert run_json("validate", "-f", makassar, code=1)["conflicts"][0]["stage"] == KEY
    run("now", "-f", makassar, "--at", "2024-02-12")  # read commands keep working
    run("edit", KEY, "--start", "2024-02-15", "--why", "rapat pleno", "-f", makassar)
    assert load_schedule(makassar).get(KEY).conflict == ()
    assert git(makassar.parent, "status", "--porcelain") == ""
    parents = git(makassar.parent, "log", "-1", "--format=%P").split()
    assert len(parents) == 2  # the settling edit concluded the merge
    assert "merge conflict" not in run("validate", "-f", makassar).stderr
    run("sync", "-f", makassar)
    run("sync", "-f", jakarta)
    assert load_schedule(jakarta).get(KEY).note == "Catatan"


def test_plain_git_pull_uses_the_driver_and_reports_per_stage_and_field(
        offices: tuple[Path, Path, Path]) -> None:
    jakarta, makassar, _ = offices
    run("edit", KEY, "--start", "2024-02-15", "-f", jakarta)
    run("edit", "pemilu-2024/kampanye", "--note", "Jakarta", "-f", jakarta)
    git(jakarta.parent, "push", "-q", "origin", "main")
    run("edit", KEY, "--start", "2024-02-16", "-f", makassar)
    run("edit", "pemilu-2024/rekapitulasi", "--note", "Makassar", "-f", makassar)
    done = subprocess.run(["git", "-C", str(makassar.parent), "pull", "--no-rebase",
                           "--no-edit", "origin", "main"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 1
    said = done.stdout + done.stderr
    assert f"Konflik {KEY}, mulai: kita 2024-02-16, mereka 2024-02-15" in said
    schedule = parse_schedule(makassar.read_text())
    assert schedule.get("pemilu-2024/kampanye").note == "Jakarta"
    assert schedule.get("pemilu-2024/rekapitulasi").note == "Makassar"


def test_a_refused_push_is_one_line_and_keeps_the_commits(
        offices: tuple[Path, Path, Path], tmp_path: Path) -> None:
    jakarta, _, _ = offices
    hook = tmp_path / "hub.git" / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho refused by the hub >&2\nexit 1\n")
    hook.chmod(0o755)
    run("edit", KEY, "--start", "2024-02-15", "-f", jakarta)
    result = run("sync", "-f", jakarta, "--lang", "en", code=1)
    assert "refused the push" in result.stderr and result.stderr.count("\n") == 1
    assert commits(jakarta.parent)[0].startswith(f"edit {KEY}")


def test_merge_data_by_key_field_and_stamp() -> None:
    base = {"stages": [{"id": "a", "election": "e", "name": "A", "revision": 2},
                       {"id": "b", "election": "e", "name": "B"}]}
    ours = {"stages": [{"id": "a", "election": "e", "name": "A2", "revision": 3},
                       {"id": "b", "election": "e", "name": "B"},
                       {"id": "c", "election": "e", "name": "C"}]}
    theirs = {"stages": [{"id": "a", "election": "e", "name": "A", "note": "n",
                          "revision": 3},
                         {"id": "d", "election": "e", "name": "D"}]}
    merged = merge_data(base, ours, theirs)
    assert merged.clashes == []
    # b removed there; d goes after the stage it follows there
    assert [s["id"] for s in merged.data["stages"]] == ["a", "d", "c"]
    assert merged.data["stages"][0] == {"id": "a", "election": "e", "name": "A2",
                                        "note": "n", "revision": 4}


def test_removed_on_one_side_changed_on_the_other_is_kept_and_recorded() -> None:
    base = {"stages": [{"id": "a", "election": "e", "name": "A"}]}
    ours: dict[str, Any] = {"stages": []}
    theirs = {"stages": [{"id": "a", "election": "e", "name": "A2"}]}
    merged = merge_data(base, ours, theirs)
    assert merged.data["stages"][0]["conflict"] == ["stage: ours removed; theirs changed"]


# --- many staff at once, and a writer killed mid-commit -------------------------------------

EDITS_EACH = 4
WRITERS = 4


def _writer(path: str, worker: int, gate: Any) -> None:
    from pemilu_timeline.schedule import edit as editing
    from pemilu_timeline.schedule import store
    from pemilu_timeline.schedule.gitrepo import Record

    gate.wait()
    for n in range(EDITS_EACH):
        def change(data: dict[str, Any], schedule: Any, n: int = n) -> Any:
            return editing.add_stage(data, schedule, stage_id=f"w{worker}-{n}",
                                     election="pemilu-2024", name="W", name_en=None,
                                     start=dt.date(2024, 1, 1), source="uji", now=NOW)

        store.update(Path(path), change, timeout=60, record=Record("add"))


def _sides(tmp_path: Path, theirs: str) -> tuple[Path, Path, Path, bytes]:
    base = tmp_path / "O.toml"
    base.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    ours = tmp_path / "A.toml"
    shutil.copyfile(base, ours)
    other = tmp_path / "B.toml"
    other.write_text(theirs, encoding="utf-8")
    return base, ours, other, ours.read_bytes()


@pytest.mark.parametrize("theirs, said", [
    ("", "kosong"),  # a truncated side would have wiped the schedule
    ("x = [\n", "tidak sah"),
    ("[elections]\n", "tidak sah"),  # TOML, but no schedule
    ("# catatan kantor\n" + SMALL.read_text(encoding="utf-8"), "komentar (baris 1)"),
])
def test_the_driver_never_writes_what_it_cannot_merge_whole(tmp_path: Path, theirs: str,
                                                             said: str) -> None:
    """Ours stays as it was, git marks the file conflicted, and one line says why."""
    base, ours, other, before = _sides(tmp_path, theirs)
    result = run("merge-driver", base, ours, other, "stages.toml", code=1)
    assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert ours.read_bytes() == before


def test_the_driver_keeps_comments_in_ours_by_refusing(tmp_path: Path) -> None:
    base, ours, other, _ = _sides(tmp_path, SMALL.read_text(encoding="utf-8").replace(
        'name_en = "Quiet period"', 'name_en = "Quiet days"'))
    ours.write_text("# jangan dihapus\n" + base.read_text(encoding="utf-8"), encoding="utf-8")
    before = ours.read_bytes()
    result = run("merge-driver", base, ours, other, "stages.toml", "--lang", "en", code=1)
    assert "the ours version has comments (line 1)" in result.stderr
    assert ours.read_bytes() == before


def test_concurrent_writers_in_a_repository_lose_nothing(office: Path) -> None:
    codes = at_once(_writer, office, WRITERS, timeout=120)
    assert codes == [0] * WRITERS
    assert len(commits(office.parent)) == 1 + WRITERS * EDITS_EACH
    assert git(office.parent, "status", "--porcelain") == ""
    keys = {s.key for s in load_schedule(office)}
    assert {f"pemilu-2024/w{w}-{n}" for w in range(WRITERS) for n in range(EDITS_EACH)} <= keys


KILL_IN_REPO = """
import sys
from pathlib import Path
from tests.test_git_history import _killable_adds
print("ready", flush=True)
_killable_adds(Path(sys.argv[1]), sys.argv[2])
"""


def _killable_adds(path: Path, tag: str) -> None:
    from pemilu_timeline.schedule import edit as editing
    from pemilu_timeline.schedule import store
    from pemilu_timeline.schedule.gitrepo import Record

    n = 0
    while True:
        def change(data: dict[str, Any], schedule: Any, n: int = n) -> Any:
            return editing.add_stage(data, schedule, stage_id=f"kill{tag}-{n}",
                                     election="pemilu-2024", name="K", name_en=None,
                                     start=dt.date(2024, 1, 1), source="uji", now=NOW)

        store.update(path, change, timeout=60, record=Record("add"))
        n += 1


def test_sigkill_mid_commit_leaves_no_half_commit_and_no_lost_edit(office: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    rng = random.Random(20290214)
    for round_ in range(6):
        child = subprocess.Popen([sys.executable, "-c", KILL_IN_REPO, str(office),
                                  str(round_)], stdout=subprocess.PIPE, env=env, cwd=root)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.2, 0.8))
        child.send_signal(signal.SIGKILL)
        child.wait()
        parse_schedule(office.read_text())  # never broken
        lock = office.parent / ".git" / "index.lock"
        for _ in range(100):  # a git the killed writer started finishes on its own
            if not lock.exists():
                break
            time.sleep(0.05)
        # the next writer commits what a killed one wrote but could not commit
        run("edit", KEY, "--note", f"sesudah {round_}", "-f", office)
        assert git(office.parent, "status", "--porcelain") == ""
        committed = parse_schedule(git(office.parent, "show", "HEAD:stages.toml"))
        assert {s.key for s in committed} == {s.key for s in load_schedule(office)}
    git(office.parent, "fsck", "--no-progress")
    added = [s.key for s in load_schedule(office) if s.id.startswith("kill")]
    logged = {c["key"] for entry in run_json("log", "-f", office)["commits"]
              for c in entry["changes"] if c["op"] == "add"}
    assert set(added) <= logged  # every edit in the file is in the history
