"""The archive.org TV News sample of ../shared/data read end to end (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreel import Archive
from newsreel.ingest.files import find_inputs

pytestmark = pytest.mark.corpus


def test_every_show_is_a_timed_english_fox_news_video_and_every_file_is_accounted_for(
    shared: Path, archive: Archive
) -> None:
    folder = shared / "corpus" / "archive_tv_news_cc"
    summary = archive.ingest([folder], jobs=0)
    _, rows = archive.table()
    videos = list(rows)
    assert summary.ingested == len(videos) >= 45
    for video in videos:
        # The outlet is the channel (contributor FOXNEWS), never the cable provider; its
        # spelling is the outlet alias table's.
        assert video["channel"].casefold() == "fox news", video["video_id"]
        assert video["video_id"].startswith("FOXNEWS_2013")
        assert video["id_source"] == "source"
        assert video["language"] == "en"
        assert video["timed"]
        assert video["publish_date"].startswith("2013-")
    paths = [str(item.path) for item in find_inputs([folder])]
    read = set(archive.store.videos.source_states(paths))
    skipped = {s.path: s.reason for s in summary.skipped}
    quarantined = {q.path: q.reason for q in summary.quarantine}
    assert set(paths) == read | set(skipped) | set(quarantined)  # nothing silently
    assert all(skipped.values()) and all(quarantined.values())
    assert skipped[str(folder / "data" / "search-test.csv")] == (
        "not a transcript table (a list of 50 show ids)"
    )
    page = folder / "data" / "html" / "FOXNEWS_20130203_050000_Justice_With_Judge_Jeanine.html"
    assert skipped[str(page)] == "same show as row 6 of archive-out.csv"
    meta = folder / "data" / "meta" / "FOXNEWS_20130203_050000_Justice_With_Judge_Jeanine_meta.xml"
    assert skipped[str(meta)].startswith("archive.org metadata; its captions are in")
    assert all("no captions" in reason for reason in quarantined.values())
    hits = archive.search("benghazi")
    assert hits and all(hit.start_seconds is not None for hit in hits)
