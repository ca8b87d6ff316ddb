"""A served test archive: the bundled examples, a hostile record and a thumbnail."""

from __future__ import annotations

import shutil
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.conftest import scratch_database

from newsreel import copy_archive, open_archive
from newsreel.web import create_app

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_ID = "xssXSSxss01"
HOSTILE_TITLE = '<script>alert("title")</script> & "quotes" | Evil News'
HOSTILE_TEXT = (
    "breaking news <img src=x onerror=alert(1)> the minister said </script><script>"
    "alert(2)</script> that talks in Rafah will resume on Monday according to officials"
)
TOKEN = "s3cret-token"


def png(width: int = 4, height: int = 3) -> bytes:
    """A tiny valid PNG (grey pixels), written without an imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def hostile_record(folder: Path) -> None:
    """A seed-format record whose title and transcript carry script payloads."""
    (folder / "en_Test").mkdir(parents=True, exist_ok=True)
    (folder / "en_Test" / "hostile.png").write_bytes(png())
    (folder / "hostile.txt").write_text(
        f"<video_id>{HOSTILE_ID}</video_id>\n"
        f"<video_title>{HOSTILE_TITLE}</video_title>\n"
        "<thumbnail_path>en_Test\\hostile.png</thumbnail_path>\n"
        "<publish_date>20240401</publish_date>\n\n<doc>\n"
        f"{HOSTILE_TEXT}\n</doc>\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="session")
def web_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples plus a hostile record, ingested, repaired and enriched."""
    root = tmp_path_factory.mktemp("web")
    collection = root / "collection"
    shutil.copytree(ROOT / "examples", collection)
    hostile_record(collection / "records")
    path = root / "web.db"
    with open_archive(path) as arch:
        arch.ingest([collection])
        arch.repair()
        arch.enrich()
    return path


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def served(request: pytest.FixtureRequest, web_archive: Path) -> Iterator[str]:
    """The test archive as each store holds it: the SQLite file, and a copy in a
    PostgreSQL database (``newsreel copy``)."""
    if request.param == "sqlite":
        yield str(web_archive)
        return
    with scratch_database("newsreel_web", create=False) as url:  # the copy creates it
        copy_archive(web_archive, url)
        yield url


@pytest.fixture(scope="session")
def client(served: str) -> Iterator[TestClient]:
    """The read-only app on the test archive, in each store."""
    with TestClient(create_app(served), base_url="http://localhost") as test_client:
        yield test_client


@pytest.fixture
def writable(tmp_path: Path, web_archive: Path) -> Iterator[TestClient]:
    """A writable app with a token, on a copy of the test archive."""
    copy = tmp_path / "copy.db"
    shutil.copy(web_archive, copy)
    with TestClient(
        create_app(copy, read_only=False, token=TOKEN), base_url="http://localhost"
    ) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def impatient(web_archive: Path) -> Iterator[TestClient]:
    """The read-only app with a time budget already spent when a query starts."""
    with TestClient(create_app(web_archive, time_budget=0.0), base_url="http://localhost") as c:
        yield c
