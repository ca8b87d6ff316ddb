"""``collect`` end to end through the real yt-dlp, offline: saved info JSONs (as yt-dlp's
``--load-info-json`` reads them) whose caption and thumbnail URLs point at an HTTP server
on 127.0.0.1 that the test runs; yt-dlp downloads, names and records them, and the
folder is ingested."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.ingest.fake_ytdlp import AUTO_VTT, CHANNEL_ID, CHANNEL_URL, JSON3, stub, watch

from newsreel import Archive

YoutubeDL: Any = pytest.importorskip("yt_dlp").YoutubeDL

THUMBNAIL = b"\xff\xd8\xff\xe0 a jpeg"


class _Files(http.server.BaseHTTPRequestHandler):
    """Serves ``files`` by path and counts the requests."""

    def __init__(self, files: dict[str, bytes], requests: list[str], *args: Any) -> None:
        self.files, self.requests = files, requests
        super().__init__(*args)

    def do_GET(self) -> None:
        self.requests.append(self.path)
        body = self.files.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, bytes], list[str]]]:
    files: dict[str, bytes] = {}
    requests: list[str] = []
    handler = functools.partial(_Files, files, requests)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}", files, requests
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def _info(base: str, video_id: str, *, captions: bool = True) -> dict[str, Any]:
    """A video's info JSON with yt-dlp's documented fields, its URLs on the local server."""
    track = lambda ext, name: [{"ext": ext, "url": f"{base}/{name}", "name": "English"}]  # noqa: E731
    return {
        "_type": "video",
        "id": video_id,
        "title": "Egyptian media: Cease-fire talks to resume in Cairo | DW News",
        "channel": "DW News",
        "channel_id": CHANNEL_ID,
        "uploader": "DW News",
        "upload_date": "20240331",
        "duration": 5,
        "view_count": 48210,
        "tags": ["Gaza"],
        "description": "Talks between Israel and Hamas are due to resume.",
        "webpage_url": watch(video_id),
        "extractor": "youtube",
        "extractor_key": "Youtube",
        "subtitles": {"en": track("vtt", f"{video_id}.vtt") + track("json3", f"{video_id}.json3")}
        if captions
        else {},
        "automatic_captions": {
            "en": track("vtt", f"{video_id}.auto.vtt"),
            "en-orig": track("vtt", f"{video_id}.auto.vtt"),
            "fr": track("vtt", f"{video_id}.fr.vtt"),
        }
        if captions
        else {},
        "thumbnails": [{"id": "0", "url": f"{base}/{video_id}.jpg"}],
        "thumbnail": f"{base}/{video_id}.jpg",
    }


def _saved_info_ydl(saved: dict[str, Path], listing: dict[str, Any]) -> Callable[..., Any]:
    """The real ``YoutubeDL``, whose only stand-in is the extractor: a channel URL gives
    ``listing``, a video URL its saved info JSON, read as ``--load-info-json`` does."""

    class SavedInfoYoutubeDL(YoutubeDL):  # type: ignore[misc]
        def extract_info(self, url: str, *args: Any, **kwargs: Any) -> Any:
            if url == CHANNEL_URL:
                return json.loads(json.dumps(listing))
            info = json.loads(saved[url].read_text(encoding="utf-8"))
            return self.sanitize_info(info, self.params.get("clean_infojson", True))

    return SavedInfoYoutubeDL


def test_real_ytdlp_downloads_captions_and_thumbnail_and_a_rerun_is_incremental(
    archive: Archive, tmp_path: Path, server: tuple[str, dict[str, bytes], list[str]]
) -> None:
    base, files, requests = server
    files.update(
        {
            "/captioned01.json3": JSON3.encode(),
            "/captioned01.auto.vtt": AUTO_VTT.encode(),
            "/captioned01.jpg": THUMBNAIL,
            "/nocaption01.jpg": THUMBNAIL,
        }
    )
    saved = {}
    for video_id, captions in (("captioned01", True), ("nocaption01", False)):
        path = tmp_path / "saved" / f"{video_id}.info.json"
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(_info(base, video_id, captions=captions)), encoding="utf-8")
        saved[watch(video_id)] = path
    listing = {
        "_type": "playlist",
        "id": CHANNEL_ID,
        "title": "DW News - Videos",
        "entries": [stub("captioned01"), stub("nocaption01")],
    }
    out = tmp_path / "collected"
    downloader = _saved_info_ydl(saved, listing)

    summary = archive.collect([CHANNEL_URL], out=out, sleep=0, downloader=downloader)

    assert summary.to_dict() == {
        "found": 2,
        "new": 2,
        "downloaded": 1,
        "no_captions": 1,
        "failed": 0,
        "ingested": 1,
    }
    assert sorted(requests) == [
        "/captioned01.auto.vtt",
        "/captioned01.jpg",
        "/captioned01.json3",
        "/nocaption01.jpg",
    ]
    folder = out / CHANNEL_ID
    assert sorted(p.name for p in folder.iterdir()) == [
        "captioned01.en.auto.vtt",
        "captioned01.en.json3",
        "captioned01.info.json",
        "captioned01.jpg",
        "nocaption01.info.json",
        "nocaption01.jpg",
    ]
    assert (folder / "captioned01.jpg").read_bytes() == THUMBNAIL
    assert (out / "download-archive.txt").read_text() == "youtube captioned01\n"
    video = archive.show("captioned01")
    assert video.channel == "DW News" and video.publish_date == date(2024, 3, 31)
    assert video.extra["channel_id"] == CHANNEL_ID and video.extra["view_count"] == 48210
    assert video.thumbnail_file == str((folder / "captioned01.jpg").resolve())
    assert video.text == "ceasefire talks in Cairo are due to resume"
    assert archive.quarantined()[0].reason.startswith("no captions")

    requests.clear()
    again = archive.collect([CHANNEL_URL], out=out, sleep=0, downloader=downloader)
    assert (again.found, again.new, again.downloaded, again.ingested) == (2, 1, 0, 0)
    assert requests == ["/nocaption01.jpg"]  # only the caption-less video is tried again
    assert again.ingest is not None
    assert (again.ingest.ingested, again.ingest.new_versions, again.ingest.unchanged) == (0, 0, 2)
