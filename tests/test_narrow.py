"""Narrow terminals and the order of `now`: a key is never broken across lines (it must be
copyable into `show`), no line ends in a blank, a table too wide for the screen gives way to
stacked blocks, and the stages that make news lead `now`, in its table as in its JSON."""

from __future__ import annotations

import datetime as dt

import pytest

from pemilu_timeline import Schedule, Stage, load_schedule
from tests.conftest import SMALL
from tests.helpers import run, run_json

WIDTHS = (40, 80, 200)
TABLE = "┏"  # the top-left corner of every table the read commands draw


@pytest.fixture(scope="module")
def bundled() -> Schedule:
    return load_schedule()


def shown(*args: str, width: int) -> list[str]:
    """The lines a command prints on a screen ``width`` columns wide."""
    return run(*args, env={"COLUMNS": str(width)}).stdout.splitlines()


def assert_whole(lines: list[str], *keys: str) -> None:
    for key in keys:
        assert any(key in line for line in lines), f"{key} broken or missing:\n" + \
            "\n".join(lines)


def assert_no_trailing_blanks(lines: list[str]) -> None:
    ending = [line for line in lines if line.endswith(" ")]
    assert ending == []


def length(stage: Stage) -> dt.timedelta:
    start, end, *_ = stage.sort_key()
    return end - start


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_every_key_of_list_is_whole_on_one_line(bundled: Schedule, width: int,
                                                lang: str) -> None:
    lines = shown("list", "--at", "2029-01-01", "--lang", lang, width=width)
    assert_whole(lines, *(s.key for s in bundled))
    assert_no_trailing_blanks(lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("at", "election"), [("2024-02-12T10:00", "pemilu-2024"),
                                              ("2025-04-19T10:00", "psu-pilkada-2025")])
def test_now_keeps_the_keys_of_the_stages_on_and_next_whole(width: int, at: str,
                                                            election: str) -> None:
    data = run_json("now", "--at", at, "--election", election)
    lines = shown("now", "--at", at, "--election", election, width=width)
    assert_whole(lines, *(s["key"] for s in data["active"]), data["next"]["key"])
    assert_no_trailing_blanks(lines)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_show_and_countdown_keep_the_longest_key_whole(bundled: Schedule, width: int,
                                                       lang: str) -> None:
    longest = max(bundled, key=lambda s: len(s.key))
    assert len(longest.key) > 40  # wider than the narrowest screen
    for command in ("show", "countdown"):
        lines = shown(command, longest.key, "--at", "2025-01-01", "--lang", lang, width=width)
        assert_whole(lines, longest.key)
        assert_no_trailing_blanks(lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", [
    ("countdown", "--at", "2024-02-12"),
    ("timeline", "--at", "2024-02-12", "--election", "pemilu-2024"),
    ("info",),
    ("hitung", "paling lambat 14 hari kerja sejak 25 Maret 2024"),
    ("libur", "2024"),
    ("election", "list"),
    ("now", "--at", "2026-12-01"),
])
def test_no_line_ends_in_a_blank(args: tuple[str, ...], width: int) -> None:
    for lang in ("id", "en"):
        lines = shown(*args, "--lang", lang, width=width)
        assert lines and lines[0].strip()
        assert_no_trailing_blanks(lines)


@pytest.mark.parametrize("width", WIDTHS)
def test_election_ids_are_whole(bundled: Schedule, width: int) -> None:
    lines = shown("election", "list", width=width)
    assert_whole(lines, *bundled.elections)


def test_below_the_width_a_table_needs_the_stages_are_stacked() -> None:
    wide = shown("now", "--at", "2024-02-12T10:00", width=200)
    narrow = shown("now", "--at", "2024-02-12T10:00", width=40)
    assert TABLE in "\n".join(wide)
    assert TABLE not in "\n".join(narrow)
    # A block: the name, its key on a line of its own, then label and value.
    at = narrow.index("pemilu-2024/masa-tenang")
    assert narrow[at - 1] == "Masa Tenang"
    assert narrow[at + 1].split() == ["Tanggal", "11–13", "Feb", "2024"]
    assert "Kemajuan" in narrow[at + 2] and "Sisa waktu" in narrow[at + 3]


def test_the_width_a_table_needs_is_set_by_its_longest_key() -> None:
    """At 80 columns the small schedule's keys fit a table; the bundled list's longest
    (64 characters) does not, and at 40 columns no table fits."""
    assert TABLE in "\n".join(shown("list", "-f", str(SMALL), "--at", "2024-02-12", width=80))
    assert TABLE not in "\n".join(shown("list", "--at", "2024-02-12", width=80))
    assert TABLE in "\n".join(shown("list", "--at", "2024-02-12", width=200))
    for args in (("list", "-f", str(SMALL)), ("libur", "2024"), ("election", "list")):
        assert TABLE not in "\n".join(shown(*args, width=40)), args


def test_show_stacks_its_labels_over_the_values_when_the_key_leaves_no_room() -> None:
    key = "pemilu-2024/perencanaan-anggaran-regulasi"
    wide = shown("show", key, "--at", "2024-02-12", "--lang", "en", width=200)
    narrow = shown("show", key, "--at", "2024-02-12", "--lang", "en", width=40)
    assert any(line.split() == ["ID", key] for line in wide)
    assert key in narrow and "Source" in narrow and "ID" not in " ".join(narrow).split()
    assert narrow[narrow.index("Dates") + 1] == "  14 June 2022 – 14 June 2024"
    for lines in (wide, narrow):
        text = " ".join(" ".join(lines).split())
        for said in ("Programme and budget planning", "Perencanaan Program", "Revision 1",
                     "Note Several copies split this tahapan", "penyusunan-peraturan-kpu"):
            assert said in text
    # A key the screen can hold keeps the two columns.
    assert any(line.split() == ["ID", "pemilu-2024/masa-tenang"]
               for line in shown("show", "pemilu-2024/masa-tenang", "--lang", "en", width=40))


def test_the_shortest_and_news_making_stages_lead_now(bundled: Schedule) -> None:
    keys = [s["key"] for s in run_json("now", "--at", "2023-06-01")["active"]]
    stages = [bundled.get(key) for key in keys]
    assert all(stages) and len(stages) > 2
    lengths = [length(s) for s in stages if s is not None]
    assert lengths == sorted(lengths)  # nothing on makes news: the shortest first
    assert keys[0] == "pemilu-2024/pencalonan-dpr-dprd"
    assert keys[-1] == "pemilu-2024/perencanaan-anggaran-regulasi"
    # A milestone leads even a shorter stage that is not one.
    keys = [s["key"] for s in run_json("now", "--at", "2024-02-12")["active"]]
    assert keys == ["pemilu-2024/masa-tenang", "pemilu-2024/perencanaan-anggaran-regulasi"]


def test_milestones_and_deadlines_lead_then_shorter_stages() -> None:
    active = run_json("now", "-f", str(SMALL), "--at", "2024-02-14T10:00")["active"]
    assert [(s["id"], s["milestone"]) for s in active] == [
        ("pemungutan-suara", True), ("jam-pemungutan-suara", False)]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("at", ["2023-06-01", "2023-12-01", "2024-02-12T10:00"])
def test_the_table_lists_the_stages_in_the_json_order(width: int, at: str) -> None:
    order = [s["key"] for s in run_json("now", "--at", at)["active"]]
    lines = shown("now", "--at", at, width=width)
    rows = [next(i for i, line in enumerate(lines) if key in line) for key in order]
    assert rows == sorted(rows), lines


@pytest.mark.parametrize("width", WIDTHS)
def test_long_running_stages_come_under_a_heading_of_their_own(width: int) -> None:
    for lang, heading in (("id", "Tahapan panjang yang berlangsung"),
                          ("en", "Long-running stages")):
        lines = shown("now", "--at", "2024-02-12T10:00", "--lang", lang, width=width)
        quiet = next(i for i, line in enumerate(lines) if "pemilu-2024/masa-tenang" in line)
        title = next(i for i, line in enumerate(lines) if heading in line)
        planning = next(i for i, line in enumerate(lines)
                        if "pemilu-2024/perencanaan-anggaran-regulasi" in line)
        assert quiet < title < planning
    # Only when there is something to set them apart from.
    alone = shown("now", "--at", "2023-06-01", width=200)
    assert not any("Tahapan panjang" in line for line in alone)


def test_now_milestones_keeps_only_milestones_and_deadlines(bundled: Schedule) -> None:
    for at in ("2024-02-12T10:00", "2024-03-01", "2026-12-01", "2025-04-19T10:00"):
        data = run_json("now", "--at", at, "--milestones")
        listed = [*data["active"], *data["pending"], *data["cancelled"],
                  *(s for s in (data["next"], data["last_ended"]) if s)]
        assert listed, at
        for item in listed:
            stage = bundled.get(item["key"])
            assert stage is not None and stage.is_milestone_or_deadline, (at, item["key"])
    data = run_json("now", "--at", "2024-02-12T10:00", "-m")
    assert [s["key"] for s in data["active"]] == ["pemilu-2024/masa-tenang"]
    out = run("now", "--at", "2024-02-12T10:00", "--milestones").stdout
    assert "pemilu-2024/masa-tenang" in out and "perencanaan-anggaran" not in out
    assert "Tahapan panjang" not in out
    # When no milestone is on, the last one that ended is named.
    quiet = run_json("now", "--at", "2024-03-01", "--milestones")
    assert quiet["active"] == []
    assert quiet["last_ended"]["key"] == "pemilu-2024/pemungutan-suara"
