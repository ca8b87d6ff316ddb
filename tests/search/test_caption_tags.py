"""A caption's sound tag ("[Music]") is no word: search, passages and trends skip it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import jsonl_file

from newsreel import Archive
from newsreel.text import tag_words, tokens, untagged


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    """Every test here runs on a SQLite file and on a PostgreSQL database."""
    return any_archive


def test_tags_are_no_words() -> None:
    assert untagged("one [Music] of the most [ male announcer ] seen").split() == [
        "one",
        "of",
        "the",
        "most",
        "seen",
    ]
    words = "the [ male announcer ] said [Music] music".split()
    assert tag_words(words) == {1, 2, 3, 4, 6}
    assert tag_words("an [unclosed bracket then many words go on and on here".split()) == set()


@given(st.text(alphabet="ab [].\n", max_size=60))
def test_untagged_only_leaves_words_out(text: str) -> None:
    kept, every = tokens(untagged(text)), iter(tokens(text))
    assert all(word in every for word in kept)  # a subsequence: nothing added or moved
    if "[" not in text:
        assert untagged(text) == text


def test_music_finds_the_videos_that_say_it_not_every_music_cue(
    archive: Archive, tmp_path: Path
) -> None:
    """Regression (review): `search music` listed every YouTube video with a [Music] cue."""
    rows = [
        {
            "video_id": "TAGSONLY001",
            "title": "Floods",
            "publish_date": "2024-01-05",
            "transcript": "[Music] the river burst its banks [Applause] and homes flooded [Music]",
        },
        {
            "video_id": "SAYSMUSIC01",
            "title": "Schools",
            "publish_date": "2024-01-06",
            "transcript": "[Music] music lessons return to the schools this week",
        },
    ]
    archive.ingest([jsonl_file(tmp_path, rows)])
    hits = archive.search("music")
    assert [h.video_id for h in hits] == ["SAYSMUSIC01"]
    assert "[Music] \x02music\x03 lessons" in hits[0].snippet  # the tag is not highlighted
    trend = archive.trends(["music"], by_channel=False, heard=False)
    assert sum(trend.hits) == 1 and sum(trend.videos) == 1
