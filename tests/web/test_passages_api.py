"""``GET /api/v1/passages`` and the search page's passages download, on the repaired
examples archive."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape

import pytest
from fastapi.testclient import TestClient
from tests.web.test_api import assert_error

from newsreel import open_archive

SEED_ID = "wyqHuhmsA28"
TIMED_ID = "4emc0CPvQ-0"


def test_passages_json_is_a_list_of_every_passage(client: TestClient) -> None:
    rows = client.get("/api/v1/passages", params={"q": "Gaza"}).json()
    assert isinstance(rows, list)
    timed = [r for r in rows if r["video_id"] == TIMED_ID]
    assert len(timed) > 1
    for row in timed:
        assert row["start_seconds"] <= row["end_seconds"]
        assert row["url"].endswith(f"&t={int(row['start_seconds'])}s")
    seed = [r for r in rows if r["video_id"] == SEED_ID]
    assert seed and all(r["start_seconds"] is None and r["end_seconds"] is None for r in seed)


def test_passages_are_the_repaired_text_where_repair_ran(client: TestClient) -> None:
    rows = client.get("/api/v1/passages", params={"q": "Cairo", "channel": "DW News"}).json()
    path = client.app.state.newsreel.path  # type: ignore[attr-defined]
    with open_archive(path, read_only=True) as arch:
        repaired = arch.repaired(SEED_ID)
    assert repaired is not None
    for row in rows:
        assert row["text"] == " ".join(repaired.forms[row["first_word"] : row["end_word"]])


def test_passages_paging(client: TestClient) -> None:
    every = client.get("/api/v1/passages", params={"q": "Gaza"}).json()
    page = client.get("/api/v1/passages", params={"q": "Gaza", "limit": 2, "offset": 1}).json()
    assert page == every[1:3]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_passages_download(client: TestClient, fmt: str) -> None:
    every = client.get("/api/v1/passages", params={"q": "Gaza"}).json()
    response = client.get("/api/v1/passages", params={"q": "Gaza", "format": fmt})
    assert response.status_code == 200
    assert f'filename="newsreel-passages.{fmt}"' in response.headers["content-disposition"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert [r["url"] for r in rows] == [r["url"] for r in every]
    else:
        assert [json.loads(line) for line in response.text.splitlines()] == every


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/v1/passages", 422, ("q",)),
        ("/api/v1/passages?q=", 422, ("q",)),
        ("/api/v1/passages?q=-Gaza", 400, ("at least one word",)),
        ("/api/v1/passages?q=Gaza&limit=0", 422, ("limit",)),
        ("/api/v1/passages?q=Gaza&limit=10001", 422, ("limit",)),
        ("/api/v1/passages?q=Gaza&format=xml", 422, ("format",)),
        (
            "/api/v1/passages?q=Gaza&since=2024-05-01&until=2024-01-01",
            400,
            ("since 2024-05-01 is after until",),
        ),
    ],
)
def test_passage_errors_have_the_one_shape(
    client: TestClient, url: str, status: int, words: tuple[str, ...]
) -> None:
    assert_error(client.get(url), status, *words)


@pytest.mark.parametrize("url", ["/api/v1/passages?q=Rafah", "/api/v1/passages?q=Rafah&format=csv"])
def test_passages_past_the_time_budget_are_503(impatient: TestClient, url: str) -> None:
    response = impatient.get(url)
    assert_error(response, 503, "time budget")
    assert response.json()["error"]["code"] == "query_timeout"


def test_passages_are_in_the_openapi_schema(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/passages"]["get"]
    assert {"q", "channel", "lang", "since", "until", "exact", "limit", "offset", "format"} == {
        p["name"] for p in spec["parameters"]
    }


def test_search_page_links_the_passages_download_with_its_filters(client: TestClient) -> None:
    page = client.get("/search", params={"q": "Gaza", "channel": "DW News", "page": 1}).text
    link = re.search(r'href="([^"]+)" id="download-passages"', page)
    assert link is not None
    href = unescape(link.group(1))
    assert href.startswith("/api/v1/passages?") and "format=csv" in href
    assert "q=Gaza" in href and "channel=DW+News" in href and "page=" not in href
    rows = list(csv.DictReader(io.StringIO(client.get(href).text)))
    assert rows and {r["channel"] for r in rows} == {"DW News"}
