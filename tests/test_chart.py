"""`timeline --svg/--png`: the article-ready chart, read through its layout and its bytes."""

from __future__ import annotations

import datetime as dt
import re
import struct
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pemilu_timeline.cli.app import app
from pemilu_timeline.cli.options import Lang, day_range, open_view
from pemilu_timeline.views.chart import (
    MAX_ROWS,
    ChartLayout,
    build_figure,
    chars_fitting,
    chart_layout,
    font_size,
)
from tests.helpers import run
from tests.test_startup import console_script

SVG = "{http://www.w3.org/2000/svg}"
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
VOTING_WEEKS = ("--election", "pemilu-2024", "--from", "2024-01-01", "--to", "2024-03-31",
                "--at", "2024-02-10")


def layout_of(*, at: str = "2024-02-10", election: str = "pemilu-2024",
              start_from: str | None = None, until: str | None = None, lang: str = "id",
              width_px: int = 700, file: Path | None = None) -> ChartLayout:
    """The layout `timeline --png` draws for these options."""
    view = open_view(file, at, None, Lang(lang), [election] if election else None)
    first, last = day_range(start_from, until)
    stages = view.schedule.select(view.at, elections=[election] if election else [],
                                  start_from=first, until=last)
    return chart_layout(stages, view.at, view.lang, schedule=view.schedule,
                        start_from=first, until=last, at_given=True, width_px=width_px)


def picture(tmp_path: Path, *args: str, name: str = "chart.svg") -> bytes:
    target = tmp_path / name
    run("timeline", *args, f"--{target.suffix[1:]}", str(target))
    return target.read_bytes()


def test_the_svg_is_xml_and_refers_to_nothing_outside(tmp_path: Path) -> None:
    data = picture(tmp_path, *VOTING_WEEKS)
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg" and root.get("width") == "1200px"
    addresses = set(re.findall(rb"https?://[^\s\"'<>)]*", data))
    assert {a.decode() for a in addresses} <= NAMESPACES
    assert b"<image" not in data and b"@import" not in data and b"<!DOCTYPE" not in data
    assert b"<text" not in data  # letters are paths: no font is needed or fetched


def test_the_same_schedule_and_moment_give_the_same_bytes(tmp_path: Path) -> None:
    for name in ("a.svg", "a.png"):
        first = picture(tmp_path, *VOTING_WEEKS, name=name)
        assert picture(tmp_path, *VOTING_WEEKS, name=name) == first


@pytest.mark.parametrize("width", [320, 700, 1200, 1333])
def test_the_png_is_as_wide_as_asked(tmp_path: Path, width: int) -> None:
    data = picture(tmp_path, *VOTING_WEEKS, "--width-px", str(width), name="c.png")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    png_width, png_height = struct.unpack(">II", data[16:24])
    assert png_width == width and png_height > 300


def test_a_width_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    run("timeline", "--png", str(tmp_path / "c.png"), "--width-px", "100", code=2)
    assert not (tmp_path / "c.png").exists()


def test_from_and_to_crop_the_axis() -> None:
    layout = layout_of(start_from="2024-01-01", until="2024-03-31")
    assert (layout.axis_first, layout.axis_last) == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert [label for _, label in layout.months] == ["Jan\n2024", "Feb", "Mar"]
    campaign = next(r for r in layout.rows if r.key == "pemilu-2024/masa-kampanye")
    assert campaign.runs_before and not campaign.runs_after
    assert campaign.first == dt.date(2024, 1, 1)  # clipped, and its dates say the truth
    assert campaign.dates == "28 Nov 2023 – 10 Feb 2024"
    axes = build_figure(layout).axes[0]
    assert axes.get_xlim() == (dt.date(2024, 1, 1).toordinal(), dt.date(2024, 4, 1).toordinal())


def test_without_a_range_the_axis_spans_the_stages_with_thinned_months() -> None:
    layout = layout_of()
    assert layout.axis_first == dt.date(2022, 6, 14) and layout.axis_last.year == 2024
    labels = [label for _, label in layout.months]
    assert len(labels) <= 10 and "Jan\n2023" in labels and "Jan\n2024" in labels


@pytest.mark.parametrize("width_px", [700, 1200])
def test_full_names_are_wrapped_at_words_never_cut(width_px: int) -> None:
    layout = layout_of(width_px=width_px)
    limit = chars_fitting(width_px / 100 * layout.label_share, layout.font_pt)
    for row in layout.rows:
        assert " ".join(row.name_lines) == row.name
        assert all(len(line) <= limit for line in row.name_lines), row.name_lines
    assert "Rekapitulasi Hasil Penghitungan Suara" in {r.name for r in layout.rows}


def test_the_svg_describes_every_stage_in_full(tmp_path: Path) -> None:
    root = ET.fromstring(picture(tmp_path, *VOTING_WEEKS))
    assert root.findtext(f"{SVG}title") == "Pemilihan Umum 2024"
    description = root.findtext(f"{SVG}desc") or ""
    assert "Rekapitulasi Hasil Penghitungan Suara: 15 Feb – 20 Mar 2024" in description
    assert "Sumber: PKPU Nomor 3 Tahun 2022, diolah pemilu-timeline." in description


def test_title_marker_legend_and_source_in_indonesian() -> None:
    layout = layout_of(start_from="2024-01-01", until="2024-03-31")
    assert layout.title == ("Pemilihan Umum 2024",)
    assert layout.subtitle == ("Tahapan 1 Jan – 31 Mar 2024, dalam waktu WIB",)
    assert layout.now == dt.datetime(2024, 2, 10) and layout.now_label == "Per 10 Feb 2024 WIB"
    assert [word for _, word in layout.legend] == ["berlangsung", "akan datang", "tonggak"]
    assert layout.footer == ("Sumber: PKPU Nomor 3 Tahun 2022, diolah pemilu-timeline.",)


def test_english_gives_english_words() -> None:
    layout = layout_of(lang="en")
    assert layout.title == ("2024 General Election",)
    assert [word for _, word in layout.legend] == [
        "past", "active", "upcoming", "cancelled", "milestone"]
    assert layout.footer[0].startswith("Source: PKPU Nomor 3 Tahun 2022")
    assert layout.footer[-1].endswith("compiled by pemilu-timeline.")


def test_cancelled_stages_say_so_and_milestones_are_points() -> None:
    layout = layout_of(lang="en")
    runoff = next(r for r in layout.rows if r.key == "pemilu-2024/pemungutan-suara-putaran-kedua")
    assert runoff.dates.endswith("· cancelled") and runoff.status.value == "cancelled"
    voting = next(r for r in layout.rows if r.key == "pemilu-2024/pemungutan-suara")
    assert voting.point and voting.bold


def test_stages_waiting_for_a_date_are_listed_apart() -> None:
    layout = layout_of(election="pemilu-2029", at="2026-12-02")
    assert layout.waiting_title == "Menunggu tanggal"
    text = " ".join(layout.waiting)
    assert "Masa Tenang — menunggu Hari Pemungutan Suara Pemilu 2029" in text
    assert all(r.key.startswith("pemilu-2029/") for r in layout.rows)
    assert layout.now is None and layout.subtitle[-1].endswith("Per 2 Des 2026 WIB")
    # 1–20 October: a few weeks, so the 8th and 15th are marked too
    assert [label for _, label in layout.months] == ["Okt\n2029", "8", "15"]


def test_the_moment_is_today_without_at() -> None:
    view = open_view(None, None, None, Lang.id, ["pemilu-2024"])
    layout = chart_layout(list(view.schedule), view.at, "id", schedule=view.schedule)
    assert layout.now_label.startswith("Hari ini · ")


def test_a_long_list_is_cut_with_advice(tmp_path: Path) -> None:
    target = tmp_path / "all.png"
    result = run("timeline", "--at", "2026-12-02", "--png", str(target))
    assert "60 dari 123 tahapan digambar; persempit dengan --election" in result.stderr
    layout = layout_of(election="", at="2026-12-02")
    assert len(layout.rows) == MAX_ROWS and "60 dari 123" in " ".join(layout.footer)


def test_font_sizes_fit_a_news_column_and_a_wide_page() -> None:
    assert 9.5 <= font_size(700) <= 10 and font_size(1200) == 12 and font_size(320) == 8


HOSTILE = """
[elections.e]
name = "E <b>&amp;</b>"
name_en = "E"
timezone = "Asia/Jakarta"
source = "<script>alert('s')</script>"

[[stages]]
id = "a"
election = "e"
name = "<script>alert(1)</script>"
name_en = "x"
start = 2024-03-25
end = 2024-03-29
source = "s"

[[stages]]
id = "b"
election = "e"
name = "{long}"
name_en = "x"
start = 2024-04-02
source = "s"
milestone = true

[[stages]]
id = "c"
election = "e"
name = "انتخابات עברית 🗳️ pemilu"
name_en = "x"
start = 2024-04-10
end = 2024-05-01
source = "s"
"""


def test_hostile_names_are_drawn_and_escaped(tmp_path: Path) -> None:
    schedule = tmp_path / "hostile.toml"
    long_name = " ".join(["Tahapan"] * 30) + " " + "x" * 300
    schedule.write_text(HOSTILE.replace("{long}", long_name), encoding="utf-8")
    svg, png = tmp_path / "h.svg", tmp_path / "h.png"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph (the emoji) warns no one
        result = run("timeline", "-f", str(schedule), "--at", "2024-04-01", "--svg",
                     str(svg), "--png", str(png), "--width-px", "320")
    assert result.stderr.splitlines() == [str(svg), str(png)]  # no warning about glyphs
    data = svg.read_bytes()
    root = ET.fromstring(data)
    assert not [e for e in root.iter() if e.tag.rpartition("}")[2] == "script"]
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in data
    layout = layout_of(election="e", at="2024-04-01", file=schedule, width_px=320)
    long_row = next(r for r in layout.rows if r.key == "e/b")
    tokens = " ".join(long_row.name_lines).split()
    assert tokens[:30] == ["Tahapan"] * 30  # whole words where they fit
    assert set("".join(tokens[30:])) == {"x"} and len(tokens) > 31  # one longer is broken
    assert max(len(line) for line in long_row.name_lines) < 30


def test_without_matplotlib_one_line_says_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    for lang, words in (("id", "perlu matplotlib"), ("en", "need matplotlib")):
        result = CliRunner().invoke(app, ["timeline", *VOTING_WEEKS, "--lang", lang,
                                          "--svg", str(tmp_path / "c.svg")])
        assert result.exit_code == 1
        assert len(result.stderr.splitlines()) == 1 and words in result.stderr
        assert "pip install 'pemilu-timeline[charts]'" in result.stderr
        assert "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "c.svg").exists()
    # More stages than a chart holds: still the one line, not "60 of 123 drawn" first.
    crowded = CliRunner().invoke(app, ["timeline", "--png", str(tmp_path / "c.png")])
    assert crowded.exit_code == 1 and len(crowded.stderr.splitlines()) == 1
    assert "pemilu-timeline[charts]" in crowded.stderr
    assert run("timeline", *VOTING_WEEKS).stdout.startswith("Linimasa tahapan")


def test_the_terminal_chart_does_not_load_matplotlib(tmp_path: Path) -> None:
    loaded = console_script(["timeline", "--at", "2024-02-12"], tmp_path)
    assert "matplotlib" not in loaded and "pemilu_timeline.views.chart" not in loaded


def test_no_matching_stage_writes_no_picture(tmp_path: Path) -> None:
    target = tmp_path / "none.png"
    result = run("timeline", "--election", "pemilu-2024", "--from", "2030-01-01", "--png",
                 str(target), "--lang", "en", code=1)
    assert result.stderr.strip() == ("Error: No stage matches, so no picture was written; "
                                     "loosen --election, --tag, --region or --from/--to.")
    assert not target.exists()


def test_the_subtitle_names_the_region_and_tags(tmp_path: Path) -> None:
    svg = picture(tmp_path, "--election", "psu-pilkada-2025", "--region", "Kabupaten Serang",
                  "--tag", "pemungutan-suara", "--at", "2025-04-10", "--lang", "en")
    description = ET.fromstring(svg).findtext(f"{SVG}desc") or ""
    assert description.startswith("Stages 19 Apr 2025, in WIB time · Kabupaten Serang, Banten"
                                  " · tags pemungutan-suara · As of 10 Apr 2025 WIB\n")
    assert description.splitlines()[1].endswith(": 19 Apr 2025") and "Bungo" not in description


def test_a_picture_can_go_to_stdout() -> None:
    result = run("timeline", *VOTING_WEEKS, "--svg", "-")
    assert result.stdout.startswith("<?xml") and result.stderr == ""
