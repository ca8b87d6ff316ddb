"""The pure helpers of yt-dlp folders and collecting: names, fields, tracks, reasons."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreel.errors import BadInputError
from newsreel.ingest.formats.metadata import names_from_filename
from newsreel.ingest.formats.ytdlp import (
    failure_reason,
    is_bot_check,
    is_info_json,
    is_transient,
    link,
    live_reason,
    outside_dates,
    pick_captions,
    read_info,
    split_caption_name,
    upload_day,
)


def _formats(base: str, *exts: str) -> list[dict[str, str]]:
    return [{"ext": ext, "url": f"{base}.{ext}"} for ext in exts]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wyqHuhmsA28.en.vtt", ("wyqHuhmsA28", "en", False)),
        ("wyqHuhmsA28.en.auto.json3", ("wyqHuhmsA28", "en", True)),
        (
            "Talks in Cairo [wyqHuhmsA28].en-US.vtt",
            ("Talks in Cairo [wyqHuhmsA28]", "en-US", False),
        ),
        ("wyqHuhmsA28.en-orig.vtt", ("wyqHuhmsA28", "en", False)),
        ("wyqHuhmsA28.srt", ("wyqHuhmsA28", None, False)),
    ],
)
def test_caption_names_give_prefix_language_and_kind(
    name: str, expected: tuple[str, str | None, bool]
) -> None:
    assert split_caption_name(name) == expected


@given(
    prefix=st.from_regex(
        r"[A-Za-z0-9_-]{11}|[A-Za-z ]{1,20} \[[A-Za-z0-9_-]{11}\]", fullmatch=True
    ),
    lang=st.sampled_from(["en", "de", "pt-BR", "zh-Hans", "fil"]),
    auto=st.booleans(),
    ext=st.sampled_from(["vtt", "json3", "srt", "srv3"]),
)
def test_caption_names_round_trip(prefix: str, lang: str, auto: bool, ext: str) -> None:
    name = f"{prefix}.{lang}{'.auto' if auto else ''}.{ext}"
    assert split_caption_name(name) == (prefix, lang, auto)
    assert names_from_filename(name)[0] == (prefix if "[" not in prefix else prefix[-12:-1])


def test_automatic_caption_names_keep_the_video_id() -> None:
    assert names_from_filename("wyqHuhmsA28.en.auto.vtt") == ("wyqHuhmsA28", "en", None)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=wyqHuhmsA28",
        "https://youtube.com/watch?feature=share&v=wyqHuhmsA28&t=5s",
        "https://youtu.be/wyqHuhmsA28?si=x",
        "https://www.youtube.com/shorts/wyqHuhmsA28",
    ],
)
def test_video_urls_carry_their_id(url: str) -> None:
    assert link(url) == {"_type": "url", "url": url, "id": "wyqHuhmsA28", "ie_key": "Youtube"}


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/@dwnews",
        "https://www.youtube.com/playlist?list=PLx",
        "https://www.youtube.com/watch?v=short",
    ],
)
def test_channel_and_playlist_urls_are_plain_links(url: str) -> None:
    assert link(url) == {"_type": "url", "url": url}


def test_info_json_names() -> None:
    assert is_info_json("wyqHuhmsA28.info.json") and is_info_json("T [x].INFO.JSON")
    assert not is_info_json("wyqHuhmsA28.json") and not is_info_json(".info.json")


def test_info_fields_follow_ytdlp_documented_names() -> None:
    fields = read_info(
        {
            "id": "wyqHuhmsA28",
            "title": "Talks &amp; hopes  | DW News",
            "uploader": "DW News",
            "channel_id": "UCknLrEdhRCp1aegoMqRaCZg",
            "upload_date": "20240331",
            "duration": 121,
            "description": "Egyptian media say...",
            "tags": ["Gaza", "Cairo"],
            "chapters": [{"start_time": 0.0, "end_time": 60.0, "title": "Intro", "x": 1}],
            "view_count": 1234,
            "like_count": 5,
        }
    )
    assert (fields.video_id, fields.title, fields.channel) == (
        "wyqHuhmsA28",
        "Talks & hopes | DW News",
        "DW News",
    )
    assert fields.publish_date == date(2024, 3, 31) and fields.duration_seconds == 121.0
    assert fields.extra == {
        "channel_id": "UCknLrEdhRCp1aegoMqRaCZg",
        "description": "Egyptian media say...",
        "view_count": 1234,
        "tags": ["Gaza", "Cairo"],
        "chapters": [{"start_time": 0.0, "end_time": 60.0, "title": "Intro"}],
    }


def test_channel_wins_over_uploader_and_timestamp_dates_an_undated_video() -> None:
    fields = read_info({"id": "x", "channel": "BBC News", "uploader": "bbc", "timestamp": 0})
    assert fields.channel == "BBC News" and fields.publish_date == date(1970, 1, 1)
    assert upload_day({"upload_date": "not a date", "release_date": "20200102"}) == date(2020, 1, 2)


@pytest.mark.parametrize("data", [[1, 2], {"title": "no id"}, "text"])
def test_json_that_is_not_a_video_info_is_bad_input(data: object) -> None:
    with pytest.raises(BadInputError, match="not a yt-dlp info JSON"):
        read_info(data)


def test_human_and_automatic_captions_are_both_kept_json3_first() -> None:
    tracks = pick_captions(
        {"en": _formats("h", "srv3", "vtt", "json3")},
        {"en": _formats("a", "vtt", "json3"), "en-orig": _formats("o", "vtt"), "fr": []},
        "en",
    )
    assert tracks == {
        "en": [{"ext": "json3", "url": "h.json3"}],
        "en.auto": [_formats("o", "vtt")[0]],
    }


def test_regional_human_track_and_plain_automatic_track() -> None:
    tracks = pick_captions({"en-GB": _formats("g", "vtt")}, {"en": _formats("a", "json3")}, "en")
    assert list(tracks) == ["en", "en.auto"] and tracks["en"][0]["url"] == "g.vtt"


def test_machine_translated_automatic_captions_are_not_taken() -> None:
    # A French video: its automatic 'en' track is a translation of the French speech.
    assert (
        pick_captions({}, {"fr-orig": _formats("f", "vtt"), "en": _formats("e", "vtt")}, "en") == {}
    )
    assert pick_captions(None, None, "en") == {}
    assert pick_captions({"en": _formats("x", "ttml")}, {}, "en") == {}


def test_date_range_reasons() -> None:
    since, until = date(2024, 1, 1), date(2024, 12, 31)
    assert outside_dates(date(2024, 6, 1), since, until) is None
    assert outside_dates(None, since, until) is None
    assert outside_dates(date(2023, 5, 1), since, None) == (
        "published 2023-05-01, before --since 2024-01-01"
    )
    assert outside_dates(date(2025, 1, 1), None, until) == (
        "published 2025-01-01, after --until 2024-12-31"
    )


@pytest.mark.parametrize(
    ("message", "start"),
    [
        (
            "ERROR: [youtube] dQw4w9WgXcQ: Private video. Sign in if you've been granted access",
            "private video: Private video.",
        ),
        ("ERROR: [youtube] abc_DEF-123: Video unavailable. This video has been removed", "removed"),
        (
            "ERROR: [youtube] abcdefghijk: Join this channel to get access to members-only content",
            "members-only video",
        ),
        ("ERROR: [youtube] abcdefghijk: Sign in to confirm your age.", "age-restricted"),
        ("ERROR: [youtube] abcdefghijk: This live event will begin in 3 hours.", "live stream not"),
        ("ERROR: something new\nwith details", "something new"),
    ],
)
def test_failure_reasons_say_what_kind(message: str, start: str) -> None:
    assert failure_reason(message).startswith(start)
    assert "ERROR" not in failure_reason(message) and "\n" not in failure_reason(message)


def test_bot_check_transient_errors_and_live_streams() -> None:
    assert is_bot_check("ERROR: [youtube] x: Sign in to confirm you’re not a bot. Use --cookies")
    assert not is_bot_check("Sign in to confirm your age")
    assert is_transient("Unable to download webpage: HTTP Error 429: Too Many Requests")
    assert is_transient("HTTP Error 503: Service Unavailable")
    assert not is_transient("HTTP Error 404: Not Found")
    assert live_reason({"live_status": "is_live"}) and live_reason({"live_status": "is_upcoming"})
    assert live_reason({"live_status": "was_live"}) is None and live_reason({}) is None
