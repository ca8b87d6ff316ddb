"""The video page says where each metadata field came from (escaped, read-only)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from fastapi.testclient import TestClient
from tests.web.conftest import HOSTILE_ID

from newsreel import open_archive
from newsreel.web import create_app

SEED_ID = "wyqHuhmsA28"


def _sources(page: str) -> dict[str, str]:
    return dict(re.findall(r'<td class="attr" data-field="(\w+)">([^<]*)</td>', page))


def test_video_page_shows_where_each_field_came_from(client: TestClient) -> None:
    page = client.get(f"/video/{SEED_ID}").text
    assert 'id="provenance"' in page
    assert _sources(page) == {
        "title": "source record",
        "channel": "derived from the title",
        "channel_code": "derived from the thumbnail folder",
        "language": "derived from the thumbnail folder",
        "publish_date": "source record",
    }


def test_provenance_table_escapes_what_it_shows(client: TestClient) -> None:
    page = client.get(f"/video/{HOSTILE_ID}").text
    table = page.split('id="provenance"', 1)[1].split("</table>", 1)[0]
    assert "<script>" not in table and "&lt;script&gt;" in table


def test_a_user_override_says_so(tmp_path: Path, web_archive: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(web_archive, copy)
    with open_archive(copy) as arch:
        arch.set_metadata(SEED_ID, channel="Deutsche Welle TV")
    with TestClient(create_app(copy), base_url="http://localhost") as client:
        page = client.get(f"/video/{SEED_ID}").text
    assert "Deutsche Welle TV" in page and _sources(page)["channel"] == "user override"
