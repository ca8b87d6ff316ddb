"""End to end in a real browser: headless Chromium (Debian's package) driven by
Playwright through search → video → entity → trends, as a user would.

Needs ``/usr/bin/chromium`` (``.ci/run`` installs it with apt) and the ``playwright``
Python package (dev extra); Playwright's own browser downloads are never used.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.web.conftest import HOSTILE_ID, TOKEN

from newsreel.web import create_app

CHROMIUM = os.environ.get("NEWSREEL_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
    "--no-first-run",
]
SEED_ID = "wyqHuhmsA28"

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(web_archive: Path) -> Iterator[str]:
    """The app served by uvicorn on a free local port, in a thread."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(
        create_app(web_archive), host="127.0.0.1", port=port, log_level="warning"
    )
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium from the system package."""
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page that fails the test on console errors (CSP violations included),
    dialogs (an executed script payload) and failed requests."""
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    problems: list[str] = []

    def on_dialog(dialog: Any) -> None:
        problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.on("dialog", on_dialog)
    tab.problems = problems
    yield tab
    context.close()
    assert not problems, problems


def test_search_video_entity_trends(page: Any) -> None:
    page.goto("/")
    assert "Videos per outlet per month" in page.inner_text("main")
    page.fill("header input[name=q]", "Rafah")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Rafah")
    hits = page.locator(".hit .title")
    assert hits.count() >= 2
    assert "DW News" in page.inner_text("#facets")

    page.click(f'.hit a[href^="/video/{SEED_ID}"]')
    page.wait_for_url(f"**/video/{SEED_ID}**")
    assert page.inner_text("#video-title").startswith("Egyptian media")
    transcript = page.inner_text("#repaired")
    assert "reports say ceasefire talks between Israel and Hamas" in transcript
    assert "Kareim Elari" in page.inner_text("#repaired .speaker >> nth=1")
    assert page.is_visible("#repaired") and not page.is_visible("#raw")
    page.click("#raw-toggle")
    assert page.is_visible("#raw") and not page.is_visible("#repaired")
    assert "media Reports say ceasefire talks" in page.inner_text("#raw")
    page.click('[data-show="repaired"]')

    page.click('#repaired a.ent:text-is("Cairo")')
    page.wait_for_url("**/entity/*")
    assert page.inner_text("#entity-name").startswith("Cairo")
    assert page.locator("#videos li").count() >= 1
    assert page.get_attribute("canvas[data-chart]", "data-ready") == "true"

    page.click('a:text-is("trend")')
    page.wait_for_url("**/trends?terms=entity*")
    page.fill("input[name=terms]", "Gaza, Rafah, entity:Cairo")
    page.select_option("select[name=by]", "channel")
    page.click("#trends-form button")
    page.wait_for_url("**/trends?terms=Gaza*")
    assert page.get_attribute("canvas[data-chart]", "data-ready") == "true"
    table = page.inner_text("#trend-table")
    assert "Gaza" in table and "DW News" in table and "entity:Cairo" in table
    legend = page.evaluate(
        "document.querySelector('canvas[data-chart]').chart.data.datasets.map(d => d.label)"
    )
    assert "Gaza — DW News" in legend


def test_a_number_link_in_the_raw_view_shows_the_repaired_text_there(page: Any) -> None:
    """Regression (web review): with the raw captions shown, a number's ↪ changed the
    address but its target stayed hidden in the repaired text: nothing moved."""
    page.goto(f"/video/{SEED_ID}?view=raw")
    assert page.is_visible("#raw") and not page.is_visible("#repaired")
    page.click("a.jump >> nth=0")
    page.wait_for_function("!document.getElementById('repaired').hidden")
    assert page.is_visible("#repaired") and not page.is_visible("#raw")


def test_a_trend_point_opens_the_videos_behind_it(page: Any) -> None:
    page.goto("/trends?terms=Hamas&by=all&min_words=0")
    assert page.get_attribute("canvas[data-chart]", "data-ready") == "true"
    point = page.evaluate(
        """() => {
        const chart = document.querySelector('canvas[data-chart]').chart;
        const data = chart.data.datasets[0].data;
        const i = data.findIndex((v) => v !== null && v > 0);
        const el = chart.getDatasetMeta(0).data[i];
        return {x: el.x, y: el.y, period: chart.data.labels[i]};
        }"""
    )
    box = page.locator("canvas[data-chart]").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_url("**/search?q=Hamas**")
    assert f"since={point['period']}" in page.url
    assert page.locator(".hit").count() >= 1


def test_the_month_facet_of_february_ends_on_its_last_day(page: Any) -> None:
    page.goto("/search?q=the")
    page.click('#facets a:text-is("2026-02")')
    page.wait_for_url("**until=2026-02-28**")
    assert page.locator(".hit").count() >= 1
    assert all("2026-02" in m for m in page.locator(".hit .meta").all_inner_texts())


def test_hostile_record_renders_as_text(page: Any) -> None:
    page.goto("/search?q=minister")
    assert page.locator(".hit").count() >= 1
    page.goto(f"/video/{HOSTILE_ID}")
    assert page.inner_text("#video-title").startswith('<script>alert("title")</script>')
    assert "<img src=x onerror=alert(1)>" in page.inner_text("#repaired")
    assert page.locator("#repaired img, #repaired script").count() == 0
    assert page.evaluate("document.querySelector('img.thumb').naturalWidth") == 4


def test_search_facet_and_download(page: Any) -> None:
    page.goto("/search?q=the")
    page.click('#facets a:text-is("DW News")')
    page.wait_for_url("**channel=DW+News**")
    channels = page.locator(".hit .meta").all_inner_texts()
    assert channels and all(c.startswith("DW News") for c in channels)
    with page.expect_download() as download:
        page.click("#download-csv")
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("video_id,")
    assert len(lines) == 1 + len(channels)


def test_search_passages_download(page: Any) -> None:
    page.goto("/search?q=Gaza")
    with page.expect_download() as download:
        page.click("#download-passages")
    assert download.value.suggested_filename == "newsreel-passages.csv"
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {"url", "start_seconds", "end_seconds", "text"} <= set(rows[0])
    timed = [r for r in rows if r["start_seconds"]]
    assert timed and all("&t=" in r["url"] for r in timed)
    assert any(not r["start_seconds"] for r in rows)  # the untimed seed record


@pytest.fixture(scope="module")
def writable_server(web_archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A writable app with a token, on a copy of the test archive, served by uvicorn."""
    import uvicorn

    copy = tmp_path_factory.mktemp("writable") / "copy.db"
    shutil.copy(web_archive, copy)
    port = free_port()
    app = create_app(copy, read_only=False, token=TOKEN)
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


def test_rename_merge_and_split_an_entity_from_its_page(browser: Any, writable_server: str) -> None:
    context = browser.new_context(base_url=writable_server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto("/entity/Mossad")
    page.click("#entity-edit summary")
    rename = page.locator('form[data-action="rename"]')
    assert rename.locator("select[name=type]").input_value() == "ORG"
    rename.locator("input[name=token]").fill("wrong-token")
    rename.locator("input[name=name]").fill("The Mossad")
    rename.locator("button").click()
    page.wait_for_selector('#entity-status[data-state="error"]')
    assert "Not saved" in page.inner_text("#entity-status")
    errors.clear()  # the browser logs the refused request (401) as a console error
    rename.locator("input[name=token]").fill(TOKEN)
    rename.locator("button").click()
    page.wait_for_url("**/entity/The%20Mossad")
    assert page.inner_text("#entity-name").startswith("The Mossad")

    page.click("#entity-edit summary")
    split = page.locator('form[data-action="split"]')
    split.locator("input[name=token]").fill(TOKEN)
    split.locator("select[name=spelling]").select_option("head of Mad")
    split.locator("input[name=new_name]").fill("Head Of Mad")
    split.locator("button").click()
    page.wait_for_url("**/entity/Head%20Of%20Mad")
    assert page.inner_text("#entity-name").startswith("Head Of Mad")

    page.click("#entity-edit summary")
    merge = page.locator('form[data-action="merge"]')
    merge.locator("input[name=token]").fill(TOKEN)
    merge.locator("input[name=target]").fill("The Mossad")
    merge.locator("button").click()
    page.wait_for_url("**/entity/The%20Mossad")
    assert "head of Mad" in page.inner_text("#spellings")
    context.close()
    assert not errors, errors
