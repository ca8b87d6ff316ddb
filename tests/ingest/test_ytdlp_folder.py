"""Ingesting a yt-dlp folder: the info JSON gives channel, date and the rest to the
captions beside it, the thumbnail is linked, and a re-ingest changes nothing."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from newsreel import Archive
from newsreel.ingest.formats.ytdlp import FROM_INFO_JSON

VTT = (
    "WEBVTT\nKind: captions\nLanguage: en\n\n"
    "00:00:00.000 --> 00:00:02.500\nceasefire talks between Israel and Hamas\n\n"
    "00:00:02.500 --> 00:00:05.000\nare due to resume in Cairo\n"
)
AUTO_VTT = VTT.replace("Cairo", "carry")
# The fields yt-dlp documents for an info JSON (README, "OUTPUT TEMPLATE").
INFO: dict[str, Any] = {
    "id": "wyqHuhmsA28",
    "title": "Egyptian media: Cease-fire talks to resume in Cairo | DW News",
    "channel": "DW News",
    "channel_id": "UCknLrEdhRCp1aegoMqRaCZg",
    "uploader": "DW News",
    "uploader_id": "@dwnews",
    "upload_date": "20240331",
    "timestamp": 1711900800,
    "duration": 5,
    "description": "Talks between Israel and Hamas are due to resume.",
    "tags": ["DW", "Gaza"],
    "chapters": [{"start_time": 0.0, "end_time": 5.0, "title": "Cairo"}],
    "view_count": 48210,
    "thumbnail": "https://i.ytimg.com/vi/wyqHuhmsA28/maxresdefault.jpg",
    "webpage_url": "https://www.youtube.com/watch?v=wyqHuhmsA28",
    "extractor": "youtube",
    "extractor_key": "Youtube",
    "_type": "video",
}


def _folder(root: Path, prefix: str = "wyqHuhmsA28") -> Path:
    folder = root / "UCknLrEdhRCp1aegoMqRaCZg"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{prefix}.info.json").write_text(json.dumps(INFO), encoding="utf-8")
    (folder / f"{prefix}.en.vtt").write_text(VTT, encoding="utf-8")
    (folder / f"{prefix}.jpg").write_bytes(b"\xff\xd8\xff\xe0 thumbnail")
    return folder


def test_info_json_gives_its_captions_channel_date_and_thumbnail(
    archive: Archive, tmp_path: Path
) -> None:
    folder = _folder(tmp_path / "collected")
    summary = archive.ingest([tmp_path / "collected"])
    assert (summary.ingested, summary.quarantined, summary.skipped_files) == (1, 0, 1)  # the jpg
    video = archive.show("wyqHuhmsA28")
    assert video.channel == "DW News" and video.publish_date == date(2024, 3, 31)
    assert video.title == INFO["title"] and video.duration_seconds == 5.0
    assert video.language == "en"
    assert video.thumbnail_file == os.path.realpath(folder / "wyqHuhmsA28.jpg")
    assert video.extra["channel_id"] == "UCknLrEdhRCp1aegoMqRaCZg"
    assert video.extra["tags"] == ["DW", "Gaza"] and video.extra["view_count"] == 48210
    assert video.extra["chapters"] == INFO["chapters"]
    assert video.extra["description"].startswith("Talks between")
    assert "Cairo" in video.text
    assert video.sources["channel"] == video.sources["publish_date"] == FROM_INFO_JSON

    again = archive.ingest([tmp_path / "collected"])
    assert (again.ingested, again.new_versions, again.unchanged, again.quarantined) == (0, 0, 1, 0)
    assert len(archive.show("wyqHuhmsA28").versions) == 1


def test_title_and_id_names_and_automatic_captions_beside_human_ones(
    archive: Archive, tmp_path: Path
) -> None:
    prefix = "Egyptian media Cease-fire talks to resume in Cairo [wyqHuhmsA28]"
    folder = _folder(tmp_path, prefix)
    (folder / f"{prefix}.en.auto.vtt").write_text(AUTO_VTT, encoding="utf-8")
    summary = archive.ingest([folder])
    assert (summary.ingested, summary.new_versions, summary.quarantined) == (1, 1, 0)
    video = archive.show("wyqHuhmsA28")
    assert video.channel == "DW News" and video.publish_date == date(2024, 3, 31)
    assert "Cairo" in video.text  # the human captions are current, the automatic kept
    assert [str(v.source_path).endswith(".auto.vtt") for v in video.versions] == [True, False]


def test_info_json_without_captions_is_quarantined_as_no_captions(
    archive: Archive, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    (folder / "wyqHuhmsA28.en.vtt").unlink()
    summary = archive.ingest([folder])
    assert summary.ingested == 0 and summary.quarantined == 1
    (item,) = archive.quarantined()
    assert item.path.endswith("wyqHuhmsA28.info.json")
    assert item.reason.startswith("no captions: yt-dlp metadata of video wyqHuhmsA28")

    # The captions arrive later (collect's next run): the entry is cleared.
    (folder / "wyqHuhmsA28.en.vtt").write_text(VTT, encoding="utf-8")
    (folder / "wyqHuhmsA28.info.json").write_text(json.dumps(INFO) + "\n", encoding="utf-8")
    later = archive.ingest([folder])
    assert later.ingested == 1 and later.quarantined == 0 and archive.quarantined() == []


def test_broken_info_json_is_quarantined_and_its_captions_still_come_in(
    archive: Archive, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    (folder / "wyqHuhmsA28.info.json").write_text('{"id": "wyqHuhmsA28",', encoding="utf-8")
    summary = archive.ingest([folder])
    assert summary.ingested == 1 and summary.quarantined == 1
    assert archive.quarantined()[0].reason.startswith("invalid JSON")
    assert archive.show("wyqHuhmsA28").channel is None  # the captions alone name none


def test_collect_bookkeeping_and_playlist_info_are_skipped(
    archive: Archive, tmp_path: Path
) -> None:
    root = tmp_path / "collected"
    folder = _folder(root)
    (root / "download-archive.txt").write_text("youtube wyqHuhmsA28\n", encoding="utf-8")
    (root / "collect-report.jsonl").write_text('{"id": "x", "status": "failed"}\n')
    playlist = {"_type": "playlist", "id": "UUknLrEdhRCp1aegoMqRaCZg", "entries": []}
    (folder / "Uploads [UUknLrEdhRCp1aegoMqRaCZg].info.json").write_text(json.dumps(playlist))
    # review: a live stream's chat replay was quarantined as "invalid JSON (Extra data)"
    chat = '{"replayChatItemAction": {}}\n{"replayChatItemAction": {}}\n'
    (folder / "wyqHuhmsA28.live_chat.json").write_text(chat, encoding="utf-8")
    summary = archive.ingest([root])
    assert (summary.ingested, summary.quarantined, summary.skipped_files) == (1, 0, 5)
    assert any("live stream's chat" in s.reason for s in summary.skipped)


def test_an_info_json_fixed_after_its_quarantine_fills_its_captions(
    archive: Archive, tmp_path: Path
) -> None:
    folder = _folder(tmp_path / "collected")
    info = folder / "wyqHuhmsA28.info.json"
    info.write_text('{"id": "wyqHuhmsA28", "title": "brok', encoding="utf-8")
    first = archive.ingest([tmp_path / "collected"])
    assert (first.ingested, first.quarantined) == (1, 1)
    assert "Unterminated string starting at line 1 column" in first.quarantine[0].reason
    assert archive.show("wyqHuhmsA28").publish_date is None
    info.write_text(json.dumps(INFO), encoding="utf-8")  # the user fixes it
    again = archive.ingest([tmp_path / "collected"])
    assert (again.quarantined, again.unchanged, again.new_versions) == (0, 1, 0)
    video = archive.show("wyqHuhmsA28")
    assert video.publish_date == date(2024, 3, 31) and video.channel == "DW News"
    assert video.title == INFO["title"]


def test_automatic_captions_read_after_the_human_ones_stay_an_earlier_version(
    archive: Archive, tmp_path: Path
) -> None:
    """Regression (review): the human track ingested first, then the automatic one on
    its own, made the automatic words current ("version 2 of 2 ... carry")."""
    folder = _folder(tmp_path / "collected")
    human = folder / "wyqHuhmsA28.en.vtt"
    archive.ingest([human])
    auto = folder / "wyqHuhmsA28.en.auto.vtt"
    auto.write_text(AUTO_VTT, encoding="utf-8")
    summary = archive.ingest([auto])
    assert summary.new_versions == 1 and "human captions" in " ".join(summary.warnings)
    shown = archive.show("wyqHuhmsA28")
    assert "Cairo" in shown.text and (shown.current_version, len(shown.versions)) == (1, 2)
    assert [h.video_id for h in archive.search("carry", exact=True)] == []


def test_human_captions_stay_current_within_one_batch_too(archive: Archive, tmp_path: Path) -> None:
    """Review of the change: within one batch the later automatic track won."""
    folder = _folder(tmp_path / "collected")
    auto = folder / "wyqHuhmsA28.en.auto.vtt"
    auto.write_text(AUTO_VTT, encoding="utf-8")
    archive.ingest([folder / "wyqHuhmsA28.en.vtt", auto])  # human first, as named
    assert "Cairo" in archive.show("wyqHuhmsA28").text
