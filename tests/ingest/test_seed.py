from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import SEED

from newsreel.errors import BadInputError
from newsreel.ingest.formats.decode import decode_bytes
from newsreel.ingest.formats.seed import parse_seed

RECORD = (
    "<video_id>wyqHuhmsA28</video_id>\n"
    "<video_title>Egyptian media: Cease-fire talks to resume in Cairo | DW News</video_title>\n"
    "<thumbnail_path>en_DW\\Egyptian media Cease-fire talks.jpg</thumbnail_path>\n"
    "<publish_date>20240331</publish_date>\n\n"
    "<doc>\nmedia Reports say ceasefire talks between Israel and Hamas\n</doc>\n"
)


@pytest.mark.corpus
def test_parses_the_real_seed(shared: object) -> None:
    record = parse_seed(decode_bytes(SEED.read_bytes()))
    assert record.video_id == "wyqHuhmsA28"
    assert record.title == "Egyptian media: Cease-fire talks to resume in Cairo | DW News"
    assert record.channel == "DW News"
    assert record.channel_code == "DW"
    assert record.thumbnail_path == (
        "en_DW\\Egyptian media Cease-fire talks to resume in Cairo  DW News.jpg"
    )
    assert record.language == "en"
    assert record.publish_date == date(2024, 3, 31)
    assert record.text.startswith("media Reports say ceasefire talks")
    assert record.text.endswith("many thanks you're")
    assert "shim bit" in record.text
    assert "  " not in record.text


def test_reads_metadata_and_transcript() -> None:
    record = parse_seed(RECORD)
    assert (record.video_id, record.channel, record.language) == ("wyqHuhmsA28", "DW News", "en")
    assert record.text == "media Reports say ceasefire talks between Israel and Hamas"
    assert record.raw_text == "media Reports say ceasefire talks between Israel and Hamas"


def test_crlf_bom_and_reordered_tags_give_the_same_record() -> None:
    lines = RECORD.strip().split("\n")
    reordered = "\r\n".join([*lines[5:], "", *reversed(lines[:4])])
    record = parse_seed("\ufeff" + reordered)
    expected = parse_seed(RECORD)
    assert record.video_id == expected.video_id
    assert record.title == expected.title
    assert record.text == expected.text
    assert record.publish_date == expected.publish_date


def test_missing_and_empty_tags_are_read_as_unknown() -> None:
    record = parse_seed("<video_title></video_title>\n<doc>\nhello there world\n</doc>")
    assert record.title is None
    assert record.publish_date is None
    assert record.id_source == "content-hash"
    assert record.video_id.startswith("nr_")
    assert parse_seed("<doc>hello there world</doc>").video_id == record.video_id


def test_entities_and_angle_brackets_inside_the_text() -> None:
    record = parse_seed(
        "<video_id>x1</video_id><video_title>Q&amp;A: Gaza &#8211; live</video_title>"
        "<doc>>> anchor says 3 < 5 and <b>bold</b> &gt;&gt; [Music] AT&amp;T</doc>"
    )
    assert record.title == "Q&A: Gaza – live"
    assert record.text == ">> anchor says 3 < 5 and <b>bold</b> >> [Music] AT&T"


def test_a_doc_tag_inside_the_transcript_does_not_cut_it() -> None:
    record = parse_seed("<video_id>x</video_id><doc>they said </doc> then more</doc>")
    assert record.text == "they said </doc> then more"


def test_an_unreadable_date_keeps_the_record() -> None:
    record = parse_seed("<video_id>x</video_id><publish_date>soon</publish_date><doc>a b c</doc>")
    assert record.publish_date is None
    assert "soon" in record.extra["publish_date_error"]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("<video_id>x</video_id>", "no <doc>"),
        ("just notes", "not a Newsreel record"),
        ("<video_id>x</video_id>\n<doc>\nhalf a transcr", "truncated"),
        ("<video_id>x</video_id><doc>  \n </doc>", "empty"),
        ("<video_title>never closed\n<doc>words</doc>", "never closed"),
    ],
)
def test_unreadable_records_say_why(text: str, needle: str) -> None:
    with pytest.raises(BadInputError) as info:
        parse_seed(text)
    assert needle in info.value.reason


words = st.lists(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
        min_size=1,
        max_size=12,
    ).filter(lambda w: "<" not in w and "&" not in w and w.strip()),
    min_size=1,
    max_size=60,
)


@given(words, st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_any_transcript_survives_the_round_trip(body: list[str], newline: str, bom: bool) -> None:
    text = " ".join(body)
    raw = f"<video_id>abc</video_id>{newline}<doc>{newline}{text}{newline}</doc>{newline}"
    record = parse_seed(("\ufeff" if bom else "") + raw)
    assert record.text.split() == text.split()
    assert record.raw_text == text


def test_a_file_of_two_records_is_refused_not_merged() -> None:
    """Regression (review): a second record after the first's </doc> became words of the
    first ("record one </doc> <video_id>multi000002</video_id> <doc> record two") and the
    second video was lost."""
    text = (
        "<video_id>multi000001</video_id>\n<doc>\nrecord one\n</doc>\n"
        "<video_id>multi000002</video_id>\n<doc>\nrecord two\n</doc>\n"
    )
    with pytest.raises(BadInputError, match=r"holds 2 records \(<video_id> on lines 1, 5\)"):
        parse_seed(text)
    # one record whose transcript says "<doc>" stays one record
    one = parse_seed("<video_id>one00000001</video_id>\n<doc>\nthe <doc> tag\n</doc>\n")
    assert one.video_id == "one00000001"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n", "WebVTT captions: name it .vtt"),
        ("1\n00:00:01,000 --> 00:00:02,000\nhello\n", "SRT captions: name it .srt"),
        ('{"text": "hello", "start": 0}\n', "JSON: name it .json"),
        ("video_id,title,transcript\nabc,t,hello there\n", "a CSV table: name it .csv"),
    ],
)
def test_captions_saved_as_txt_are_named_for_what_they_are(text: str, hint: str) -> None:
    """Regression (review): an SRT, VTT, JSON or CSV file saved as .txt said only "not a
    Newsreel record", not how to fix it."""
    with pytest.raises(BadInputError, match=hint):
        parse_seed(text)
