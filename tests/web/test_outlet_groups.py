"""Several outlets and outlet groups over HTTP: repeated channel parameters, group:NAME,
and the search page's outlet facet choosing several outlets."""

from __future__ import annotations

import csv
import html
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.web.test_api import assert_error

from newsreel import open_archive
from newsreel.web import create_app

Params = list[tuple[str, str | int | float | bool | None]]


def both(*pairs: tuple[str, str]) -> Params:
    """Query parameters with two outlets (``channel`` repeated)."""
    return [*pairs, ("channel", "DW News"), ("channel", "BBC News")]


@pytest.fixture(scope="module")
def grouped(web_archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The read-only app on a copy of the test archive with the group Europe."""
    folder = tmp_path_factory.mktemp("grouped")
    shutil.copy(web_archive, folder / "web.db")
    shutil.copytree(f"{web_archive}.fulltext", folder / "web.db.fulltext")
    with open_archive(folder / "web.db") as arch:
        arch.add_to_group("Europe", ["DW", "FRANCE 24 English"])
    with TestClient(create_app(folder / "web.db"), base_url="http://localhost") as client:
        yield client


def test_repeated_channel_parameters_search_every_outlet_named(client: TestClient) -> None:
    body = client.get("/api/v1/search", params=both(("q", "the"))).json()
    assert {h["channel"] for h in body["hits"]} == {"DW News", "BBC News"}
    assert body["total"] == len(body["hits"]) == 3
    # the outlet facet counts the other outlets too, so more can be added
    outlets = {f["value"] for f in body["facets"]["channel"]}
    assert {"DW News", "BBC News", "FRANCE 24 English"} <= outlets


def test_repeated_channel_parameters_in_browse_export_trends_stories(client: TestClient) -> None:
    browse = client.get("/api/v1/videos", params=both()).json()
    assert browse["total"] == 3 and {v["channel"] for v in browse["videos"]} == {
        "DW News",
        "BBC News",
    }
    text = client.get("/api/v1/export", params=both(("format", "csv"))).text
    assert {r["channel"] for r in csv.DictReader(io.StringIO(text))} == {"DW News", "BBC News"}
    trends = client.get("/api/v1/trends", params=both(("terms", "the"))).json()
    assert {r["channel"] for r in trends["rows"]} == {"DW News", "BBC News"}
    assert client.get("/api/v1/stories", params=both()).status_code == 200


def test_a_group_filters_the_http_api(grouped: TestClient) -> None:
    body = grouped.get("/api/v1/search", params={"q": "the", "channel": "group:Europe"}).json()
    assert {h["channel"] for h in body["hits"]} == {"DW News", "FRANCE 24 English"}
    same = grouped.get("/api/v1/search", params={"q": "the group:europe"}).json()
    assert same["hits"] == body["hits"]
    trends = grouped.get("/api/v1/trends", params={"terms": "the", "by": "group"}).json()
    assert {r["channel"] for r in trends["rows"]} == {"group:Europe"}
    browse = grouped.get("/api/v1/videos", params={"channel": "group:Europe"}).json()
    assert browse["total"] == 4


def test_an_unknown_group_is_a_400_naming_the_groups(grouped: TestClient) -> None:
    response = grouped.get("/api/v1/search", params={"q": "the", "channel": "group:Asia"})
    assert_error(response, 400, "no outlet group 'Asia'", "Europe")
    page = grouped.get("/search", params={"q": "the", "channel": "group:Asia"}).text
    assert "no outlet group" in html.unescape(page)


def test_the_outlet_facet_adds_and_drops_outlets(client: TestClient) -> None:
    page = client.get("/search", params=both(("q", "the"))).text
    assert page.count('<input type="hidden" name="channel"') == 2
    links = html.unescape(page)
    # an outlet not chosen adds itself to the ones chosen; a chosen one drops itself
    assert "/search?q=the&channel=DW+News&channel=BBC+News&channel=FRANCE+24+English" in links
    assert 'href="/search?q=the&channel=BBC+News" class=on' in links
    assert 'id="trend-link" href="/trends?terms=the&channel=DW%20News&channel=BBC%20News"' in links


def test_the_trends_page_draws_one_line_per_group(grouped: TestClient) -> None:
    page = grouped.get("/trends", params={"terms": "the", "by": "group"}).text
    assert "group:Europe" in page and 'value="group" selected' in page


@pytest.mark.parametrize(("chosen", "marked"), [("DW", "DW News"), ("dw news", "DW News")])
def test_an_outlet_chosen_by_code_or_in_another_case_is_marked_and_dropped(
    client: TestClient, chosen: str, marked: str
) -> None:
    """Regression (review): channel=DW (or dw news) left "DW News" unmarked in the facet,
    and its link added "DW News" beside "DW" instead of dropping it."""
    links = html.unescape(client.get("/search", params={"q": "the", "channel": chosen}).text)
    on = 'class=on aria-current=true title="drop this outlet"'
    assert f'href="/search?q=the" {on}>{marked}</a>' in links


def test_a_group_s_outlets_are_marked_and_drop_the_group(grouped: TestClient) -> None:
    links = html.unescape(
        grouped.get("/search", params={"q": "the", "channel": "group:Europe"}).text
    )
    on = 'class=on aria-current=true title="drop this outlet"'
    assert f'href="/search?q=the" {on}>DW News</a>' in links
    assert 'class=on aria-current=true title="drop this outlet">FRANCE 24 English</a>' in links
