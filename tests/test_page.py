"""`export html`: the public page and its widget, read as HTML (the browser tests are in
test_page_browser.py)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import SMALL
from tests.helpers import run

AT = "2024-02-13T23:30+07:00"  # half an hour before voting day in Jakarta; already it in WITA
HOSTILE_STAGE = '''
[[stages]]
id = "sisipan"
election = "pemilu-2024"
name = "<script>window.__pwned = 1</script> Debat \\"><img src=x onerror=alert(1)>"
start = 2024-02-20
source = "</script><script>window.__pwned = 2</script>"
url = "https://berita.example/a?b=\\\"><script>window.__pwned=3</script>"
'''


class Page(HTMLParser):
    """The tags of a page with their attributes, and its text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def publish(folder: Path, *args: str, file: Path = SMALL, code: int = 0) -> str:
    result = run("export", "html", "-o", folder, "--file", file, "--at", AT, *args, code=code)
    return result.stdout + result.stderr


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    target = tmp_path / "hostile.toml"
    target.write_text(SMALL.read_text(encoding="utf-8") + HOSTILE_STAGE, encoding="utf-8")
    return target


def test_publishes_the_page_and_the_data_files_beside_it(tmp_path: Path) -> None:
    site = tmp_path / "site"
    said = publish(site)
    assert sorted(p.name for p in site.iterdir()) == ["index.html", "pemilu.csv",
                                                      "pemilu.ics", "pemilu.json"]
    assert "pemilu.ics, pemilu.json, pemilu.csv, index.html." in said
    for fmt, name in (("ical", "pemilu.ics"), ("json", "pemilu.json"), ("csv", "pemilu.csv")):
        alone = run("export", fmt, "--file", SMALL, "--at", AT).stdout_bytes
        assert (site / name).read_bytes() == alone, name


def test_the_same_schedule_and_moment_give_the_same_bytes(tmp_path: Path) -> None:
    publish(tmp_path / "a", "--embed")
    publish(tmp_path / "b", "--embed")
    for name in ("index.html", "embed.html", "pemilu.ics", "pemilu.json", "pemilu.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_nothing_in_the_page_is_fetched_from_the_network(tmp_path: Path) -> None:
    publish(tmp_path, "--embed")
    for name in ("index.html", "embed.html"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        page = Page(text)
        assert not [a for tag, a in page.tags if "src" in a], "no image, script or frame loads"
        assert all(not (a.get("href") or "").startswith(("http", "//"))
                   for a in page.all("link")), "no style sheet or font from elsewhere"
        styles = re.findall(r"<style>(.*?)</style>", text, re.S)
        scripts = re.findall(r"<script>(.*?)</script>", text, re.S)
        assert styles and scripts
        for code in styles + scripts:
            assert not re.search(r"url\(|@import|https?:|fetch\(|XMLHttpRequest", code)


def test_the_page_is_accessible_in_its_markup(tmp_path: Path) -> None:
    publish(tmp_path)
    page = Page((tmp_path / "index.html").read_text(encoding="utf-8"))
    assert page.all("html") == [{"lang": "id"}]
    assert len(page.all("h1")) == 1 and len(page.all("h2")) >= 4
    live = [a for a in page.all("div") if a.get("aria-live")]
    assert live == [{"id": "countdown", "class": "clocks", "aria-live": "polite",
                     "aria-atomic": "true"}]
    assert all(a.get("scope") in ("col", "row") for a in page.all("th"))
    assert page.all("caption")


def test_countdown_is_given_on_each_of_the_three_clocks(tmp_path: Path) -> None:
    """23.30 WIB on 13 February is already 00.30 on voting day in WITA and 01.30 in WIT."""
    publish(tmp_path)
    text = (tmp_path / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-target="([^"]+)" data-day="(\d+)" data-offset="(\d+)">\s*'
                      r'<th scope="row">(\w+)</th><td class="h" data-h>([^<]+)</td>'
                      r'<td data-clock>([^<]+)</td>', text)
    assert [(zone, h, clock) for _t, _d, _o, zone, h, clock in rows] == [
        ("WIB", "H-1", "0 hari 0 jam 30 menit"),
        ("WITA", "H", "0 hari 0 jam 0 menit"),  # voting day has begun there
        ("WIT", "H", "0 hari 0 jam 0 menit"),
    ]
    assert [offset for _t, _d, offset, *_ in rows] == ["420", "480", "540"]
    assert rows[0][0] == "2024-02-13T17:00:00Z"  # 14 February 00.00 WIB


def test_stage_text_never_becomes_markup(tmp_path: Path, hostile_file: Path) -> None:
    publish(tmp_path, "--embed", file=hostile_file)
    text = (tmp_path / "index.html").read_text(encoding="utf-8")
    page = Page(text)
    assert "<script>window.__pwned" not in text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in text
    assert not page.all("img")
    assert len(page.all("script")) == 2  # the words and the clock, nothing a stage brought
    assert 'https://berita.example/a?b="><script>window.__pwned=3</script>' in [
        a.get("href") for a in page.all("a")]  # the link, whole, in its attribute


def test_base_url_makes_every_link_absolute_and_the_calendar_subscribable(tmp_path: Path
                                                                          ) -> None:
    said = publish(tmp_path, "--base-url", "https://kpu.example/jadwal", "--embed")
    page = Page((tmp_path / "index.html").read_text(encoding="utf-8"))
    hrefs = [a["href"] for a in page.all("a") if a.get("href")]
    assert "https://kpu.example/jadwal/pemilu.ics" in hrefs
    assert "webcal://kpu.example/jadwal/pemilu.ics" in hrefs
    assert "https://kpu.example/jadwal/pemilu.csv" in hrefs
    assert '<iframe src="https://kpu.example/jadwal/embed.html"' in said
    assert "--base-url" not in said  # no hint to give one


@pytest.mark.parametrize("url", ["kpu.example/jadwal", "javascript:alert(1)//",
                                 "https://kpu.example/a b", 'https://x.example/"><b>',
                                 "ftp://kpu.example/", "https:///"])
def test_a_base_url_that_is_no_web_address_is_refused(tmp_path: Path, url: str) -> None:
    said = publish(tmp_path / "site", "--base-url", url, code=2)
    assert "--base-url" in said and len(said.strip().splitlines()) == 1
    assert not (tmp_path / "site").exists() or not list((tmp_path / "site").iterdir())


def test_the_widget_and_its_snippet(tmp_path: Path) -> None:
    result = run("export", "html", "-o", tmp_path, "--file", SMALL, "--at", AT, "--embed")
    assert result.stdout.strip() == (
        '<iframe src="embed.html" title="Tahapan pemilu hari ini" width="100%" height="360" '
        'style="border:0;max-width:40rem" loading="lazy"></iframe>')
    widget = Page((tmp_path / "embed.html").read_text(encoding="utf-8"))
    assert [a for a in widget.all("a") if a.get("target") == "_top"] == [
        {"href": "index.html", "target": "_top"}]
    assert "Masa Tenang" in "".join(widget.text)  # what is on now
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "&lt;iframe src=&#34;embed.html&#34;" in index  # the snippet to copy, as text


def test_english_page(tmp_path: Path) -> None:
    publish(tmp_path, "--lang", "en")
    page = Page((tmp_path / "index.html").read_text(encoding="utf-8"))
    words = "".join(page.text)
    assert page.all("html") == [{"lang": "en"}]
    assert "Full schedule" in words and "Quiet period" in words and "Jadwal" not in words


def test_filters_are_those_of_list(tmp_path: Path) -> None:
    publish(tmp_path, "--tag", "kampanye")
    page = Page((tmp_path / "index.html").read_text(encoding="utf-8"))
    rows = [a for name, a in page.tags if name == "th" and a.get("scope") == "row"
            and a.get("data-label")]
    listed = run("list", "--file", SMALL, "--at", AT, "--tag", "kampanye", "--json").stdout
    assert len(rows) == listed.count('"key"') == 2


@pytest.mark.parametrize("args, said", [
    ((), "-o"),
    (("-o", "-"), "-o"),
])
def test_html_needs_a_folder(args: tuple[str, ...], said: str) -> None:
    result = run("export", "html", "--file", SMALL, *args, code=2)
    assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("option", [("--embed",), ("--base-url", "https://x.example/")])
def test_page_options_only_go_with_html(option: tuple[str, ...]) -> None:
    result = run("export", "ical", "--file", SMALL, *option, code=2)
    assert option[0] in result.stderr and "html" in result.stderr


def test_a_file_where_the_folder_should_be_is_left_alone(tmp_path: Path) -> None:
    taken = tmp_path / "site"
    taken.write_text("mine", encoding="utf-8")
    said = publish(taken, code=1)
    assert str(taken) in said and len(said.strip().splitlines()) == 1
    assert taken.read_text(encoding="utf-8") == "mine"
