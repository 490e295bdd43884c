"""`export html` in a real browser: the system's headless Chromium, driven by Playwright.

The page is opened from disk with the network cut off; the DOM is read as a reader's browser
renders it, the clock is set to the page's moment and moved on, and screenshots are saved
(to $PEMILU_SCREENSHOT_DIR when it is set, for a person to look at). Where no Chromium can be
found the tests skip and say so, unless $PEMILU_REQUIRE_BROWSER is set (CI sets it once it has
installed one): then a missing browser fails them.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pemilu_timeline.views.page import EMBED_HEIGHT, PageLinks, iframe_snippet
from tests.conftest import SMALL
from tests.helpers import run
from tests.test_page import AT, HOSTILE_STAGE

BROWSER_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
MOMENT = dt.datetime.fromisoformat(AT)


def chromium_path() -> str | None:
    for candidate in (os.environ.get("PEMILU_CHROMIUM"), "chromium", "chromium-browser",
                      "google-chrome"):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


def no_browser(reason: str) -> None:
    if os.environ.get("PEMILU_REQUIRE_BROWSER"):
        pytest.fail(f"a browser is required here ($PEMILU_REQUIRE_BROWSER): {reason}")
    pytest.skip(f"no browser to test the page in: {reason} (install Debian's chromium, or "
                "set $PEMILU_CHROMIUM to a Chromium)")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        no_browser("no chromium on PATH")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        no_browser("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable,
                                                  args=BROWSER_FLAGS)
        except Exception as error:
            no_browser(f"{executable} did not start: {str(error).splitlines()[0]}")
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The page of the small schedule with a hostile stage in it, at 23.30 WIB on the eve
    of voting day."""
    folder = tmp_path_factory.mktemp("site")
    schedule = folder / "stages.toml"
    schedule.write_text(SMALL.read_text(encoding="utf-8") + HOSTILE_STAGE, encoding="utf-8")
    run("export", "html", "-o", folder / "out", "--file", schedule, "--at", AT, "--embed")
    return folder / "out"


class Opened:
    """A page opened offline, with what it asked the network for and what went wrong."""

    def __init__(self, browser: Any, url: str, *, width: int = 1280, script: bool = True,
                 clock: dt.datetime | None = MOMENT) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900},
                                           java_script_enabled=script, offline=True)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", lambda dialog: (self.errors.append("dialog"), dialog.dismiss()))
        if clock is not None and script:
            self.page.clock.install(time=clock)
            self.page.clock.pause_at(clock)
        self.page.goto(url)

    def text(self, selector: str) -> list[str]:
        return [" ".join(t.split()) for t in self.page.locator(selector).all_inner_texts()]

    def zone_row(self, zone: str) -> tuple[str, str]:
        row = self.page.locator("#countdown tr", has=self.page.locator(f"th:text-is('{zone}')"))
        return row.locator("[data-h]").inner_text(), row.locator("[data-clock]").inner_text()

    def screenshot(self, name: str, folder: Path) -> Path:
        target = Path(os.environ.get("PEMILU_SCREENSHOT_DIR") or folder) / name
        self.page.screenshot(path=str(target), full_page=True)
        return target

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def opened(browser: Any, site: Path) -> Iterator[Opened]:
    page = Opened(browser, (site / "index.html").as_uri())
    yield page
    page.close()


def test_the_page_shows_what_is_on_and_the_whole_schedule(opened: Opened) -> None:
    assert opened.text(".active-list li strong") == ["Masa Tenang"]
    rows = opened.page.locator("table.schedule tbody tr")
    assert rows.count() == SMALL.read_text(encoding="utf-8").count("[[stages]]") + 1
    assert opened.zone_row("WIB") == ("H-1", "0 hari 0 jam 30 menit")
    assert opened.zone_row("WIT") == ("H", "0 hari 0 jam 0 menit")
    assert not opened.errors


def test_stage_text_is_shown_as_text_and_never_runs(opened: Opened) -> None:
    shown = opened.text("table.schedule tbody th")
    assert any(text.startswith("<script>window.__pwned = 1</script> Debat \"><img")
               for text in shown)
    assert opened.page.evaluate("typeof window.__pwned") == "undefined"
    assert opened.page.locator("img").count() == 0
    assert not opened.errors  # no dialog, no script error


def test_nothing_is_fetched_from_the_network(opened: Opened) -> None:
    assert opened.requests and all(url.startswith("file://") for url in opened.requests)
    assert len(opened.requests) == 1  # the page itself: no style sheet, font or script


def test_the_countdown_and_the_statuses_move_with_the_clock(opened: Opened) -> None:
    live = opened.page.locator("#countdown")
    assert live.get_attribute("aria-live") == "polite"
    voting = opened.page.locator("table.schedule tbody tr", has=opened.page.locator(
        ".key:text-is('pemilu-2024/pemungutan-suara')"))
    assert voting.locator("[data-status]").inner_text() == "akan datang"
    opened.page.clock.run_for(10 * 60_000)
    assert opened.zone_row("WIB") == ("H-1", "0 hari 0 jam 20 menit")
    opened.page.clock.run_for(25 * 60_000)  # 00.05 on voting day in Jakarta
    assert opened.zone_row("WIB") == ("H", "0 hari 0 jam 0 menit")
    assert voting.locator("[data-status]").inner_text() == "berlangsung"
    assert not opened.errors


def test_the_schedule_s_filters(opened: Opened) -> None:
    rows = opened.page.locator("table.schedule tbody tr:visible")
    every = rows.count()
    opened.page.locator("#filter-text").fill("TENANG")  # any case, the reader's words
    assert opened.text("table.schedule tbody tr:visible th > span:first-child") == [
        "Masa Tenang"]
    assert opened.page.locator("#filter-count").inner_text() == f"1 dari {every} tahapan"
    opened.page.locator("#filter-text").fill("")
    opened.page.locator("#filter-status").select_option("upcoming")
    upcoming = opened.page.locator("table.schedule tbody tr:visible [data-status]")
    assert upcoming.count() >= 2 and set(upcoming.all_inner_texts()) == {"akan datang"}
    opened.page.locator("#filter-text").fill("tidak ada tahapan seperti ini")
    assert rows.count() == 0 and opened.page.locator("table.schedule:visible").count() == 0


def test_without_javascript_the_page_says_what_was_true_when_it_was_built(
        browser: Any, site: Path) -> None:
    page = Opened(browser, (site / "index.html").as_uri(), script=False)
    try:
        assert page.zone_row("WIB") == ("H-1", "0 hari 0 jam 30 menit")
        assert page.text(".active-list li strong") == ["Masa Tenang"]
        assert not page.page.locator("#filters").is_visible()  # no control that cannot work
    finally:
        page.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_page_fits_a_phone_and_a_desktop(browser: Any, site: Path, width: int,
                                             tmp_path: Path) -> None:
    page = Opened(browser, (site / "index.html").as_uri(), width=width)
    try:
        overflow = page.page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"the page is {overflow} px wide in a {width} px window"
        shot = page.screenshot(f"page-{width}.png", tmp_path)
        assert shot.stat().st_size > 10_000
    finally:
        page.close()


def test_the_widget_in_an_iframe(browser: Any, site: Path, tmp_path: Path) -> None:
    """An article with the snippet `export html --embed` prints, on a phone."""
    article = site / "article.html"
    snippet = iframe_snippet(PageLinks(embed=True), "id")
    article.write_text('<!DOCTYPE html><html lang="id"><body><h1>Berita</h1>'
                       f'{snippet}</body></html>', encoding="utf-8")
    page = Opened(browser, article.as_uri(), width=390)
    try:
        frame = page.page.frame_locator("iframe")
        height = frame.locator("html").evaluate("html => html.scrollHeight")
        assert height <= EMBED_HEIGHT, f"the widget needs {height} px, the snippet gives it " \
                                       f"{EMBED_HEIGHT}"
        assert frame.locator(".active-list li strong").inner_text() == "Masa Tenang"
        assert frame.locator("#countdown [data-h]").first.inner_text() == "H-1"
        assert frame.locator("a[target=_top]").get_attribute("href") == "index.html"
        page.screenshot("embed-390.png", tmp_path)
    finally:
        page.close()


@pytest.mark.parametrize("width, height", [(390, 1700), (1280, 1500)])
def test_the_bundled_schedule_s_page_on_a_phone_and_a_desktop(
        browser: Any, tmp_path: Path, width: int, height: int) -> None:
    """The README's pictures: today's news (the bundled schedule) as readers see it.
    `PEMILU_SCREENSHOT_DIR=docs python -m pytest tests/test_page_browser.py` refreshes them."""
    at = "2026-12-02T10:00+07:00"
    run("export", "html", "-o", tmp_path, "--at", at, "--embed")
    page = Opened(browser, (tmp_path / "index.html").as_uri(), width=width,
                  clock=dt.datetime.fromisoformat(at))
    try:
        page.page.set_viewport_size({"width": width, "height": height})
        assert page.page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.zone_row("WIB")[0] == "H-41"  # the selection committee's deadline
        assert not page.errors and len(page.requests) == 1
        target = Path(os.environ.get("PEMILU_SCREENSHOT_DIR") or tmp_path) / f"page-{width}.png"
        page.page.screenshot(path=str(target))
    finally:
        page.close()
    if width == 390:
        article = tmp_path / "article.html"
        article.write_text('<!DOCTYPE html><html lang="id"><body style="margin:0 8px">'
                           f'{iframe_snippet(PageLinks(embed=True), "id")}</body></html>',
                           encoding="utf-8")
        widget = Opened(browser, article.as_uri(), width=width,
                        clock=dt.datetime.fromisoformat(at))
        try:
            widget.page.set_viewport_size({"width": width, "height": EMBED_HEIGHT + 16})
            target = target.with_name("embed-390.png")
            widget.page.screenshot(path=str(target))
        finally:
            widget.close()
