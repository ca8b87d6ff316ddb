"""A stand-in for ``yt_dlp.YoutubeDL``: listings and videos come from dicts, files are
written where and as yt-dlp names them, nothing touches the network."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

JSON3 = json.dumps(
    {
        "events": [
            {"tStartMs": 0, "dDurationMs": 2500, "segs": [{"utf8": "ceasefire talks in Cairo"}]},
            {"tStartMs": 2500, "dDurationMs": 2500, "segs": [{"utf8": "are due to resume"}]},
        ]
    }
)
AUTO_VTT = (
    "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nceasefire talks in carry\n\n"
    "00:00:02.500 --> 00:00:05.000\nare due to resume\n"
)
CHANNEL_ID = "UCknLrEdhRCp1aegoMqRaCZg"
CHANNEL_URL = "https://www.youtube.com/@dwnews/videos"
BOT = (
    "ERROR: [youtube] {id}: Sign in to confirm you’re not a bot. Use --cookies-from-browser "
    "or --cookies for the authentication."
)


def watch(video_id: str) -> str:
    return f"https://www.youtube.com/watch?v={video_id}"


def stub(video_id: str, **fields: Any) -> dict[str, Any]:
    """A flat playlist entry, as a channel listing gives it."""
    return {"_type": "url", "ie_key": "Youtube", "id": video_id, "url": watch(video_id), **fields}


def video(video_id: str, *, human: bool = True, auto: bool = True, **fields: Any) -> dict[str, Any]:
    """An extracted video (unprocessed), with captions on the fake site."""
    subtitles = {"en": [{"ext": "json3", "url": f"site:{video_id}.json3"}]} if human else {}
    automatic = (
        {
            "en": [{"ext": "vtt", "url": f"site:{video_id}.vtt"}],
            "en-orig": [{"ext": "vtt", "url": f"site:{video_id}.vtt"}],
            "de": [{"ext": "vtt", "url": f"site:{video_id}.de.vtt"}],
        }
        if auto
        else {}
    )
    return {
        "_type": "video",
        "id": video_id,
        "title": f"Talks {video_id} | DW News",
        "channel": "DW News",
        "channel_id": CHANNEL_ID,
        "upload_date": "20240331",
        "duration": 5,
        "extractor_key": "Youtube",
        "webpage_url": watch(video_id),
        "subtitles": subtitles,
        "automatic_captions": automatic,
        "thumbnails": [{"id": "0", "url": f"site:{video_id}.jpg"}],
        **fields,
    }


@dataclass
class Site:
    """What the fake YouTube answers: per URL a result, an error message (a string, as
    yt-dlp logs it with ``ignoreerrors``), an exception, or a list of these in turn."""

    pages: dict[str, Any] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)
    fail_processing: set[str] = field(default_factory=set)

    def add_channel(
        self, *videos: dict[str, Any], url: str = CHANNEL_URL, **stub_fields: Any
    ) -> None:
        entries = [stub(v["id"], **stub_fields) for v in videos]
        self.pages[url] = {
            "_type": "playlist",
            "id": CHANNEL_ID,
            "title": "DW News - Videos",
            "entries": entries,
        }
        for v in videos:
            self.pages.setdefault(watch(v["id"]), v)

    def files(self, url: str) -> str | None:
        name = url.removeprefix("site:")
        if name.endswith(".json3"):
            return JSON3
        return AUTO_VTT if name.endswith(".vtt") else "jpeg"


class FakeYDL:
    """The part of ``yt_dlp.YoutubeDL`` collect uses."""

    def __init__(self, params: dict[str, Any], site: Site) -> None:
        self.params = params
        self.site = site
        self.archive_path = Path(params["download_archive"])
        text = self.archive_path.read_text() if self.archive_path.exists() else ""
        self.archive = set(text.splitlines())

    def __enter__(self) -> FakeYDL:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def extract_info(
        self, url: str, download: bool = True, ie_key: str | None = None, *, process: bool = True
    ) -> Any:
        self.site.calls.append(url)
        outcome = self.site.pages[url]
        if isinstance(outcome, list):
            outcome = outcome.pop(0) if len(outcome) > 1 else outcome[0]
        if isinstance(outcome, BaseException):
            raise outcome
        if isinstance(outcome, str):
            self.params["logger"].error(outcome)
            return None
        for warning in outcome.get("_warnings", ()):
            self.params["logger"].warning(warning)
        return copy.deepcopy(outcome)

    def process_ie_result(self, info: dict[str, Any], download: bool = True) -> Any:
        if info["id"] in self.site.fail_processing:
            raise RuntimeError("the fake site broke")
        folder = Path(self.params["paths"]["home"]) / info["channel_id"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{info['id']}.info.json").write_text(json.dumps(info), encoding="utf-8")
        (folder / f"{info['id']}.jpg").write_text("jpeg")
        requested = {}
        for key, (fmt,) in info["subtitles"].items():
            path = folder / f"{info['id']}.{key}.{fmt['ext']}"
            path.write_text(self.site.files(fmt["url"]) or "", encoding="utf-8")
            requested[key] = {**fmt, "filepath": str(path)}
        return {**info, "requested_subtitles": requested}

    def in_download_archive(self, info: dict[str, Any]) -> bool:
        return f"youtube {info.get('id')}" in self.archive

    def record_download_archive(self, info: dict[str, Any]) -> None:
        self.archive.add(f"youtube {info['id']}")
        with self.archive_path.open("a") as file:
            file.write(f"youtube {info['id']}\n")
