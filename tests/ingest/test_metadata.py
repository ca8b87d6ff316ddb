from __future__ import annotations

import html
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreel.ingest.formats.metadata import (
    folder_of_thumbnail,
    names_from_filename,
    normalize_text,
    parse_date,
)
from newsreel.ingest.formats.outlets import guess_language, outlet_from_title


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("Egyptian media: Cease-fire talks to resume in Cairo | DW News", "DW News"),
        ("The plight of migrant workers in Qatar • FRANCE 24 English", "FRANCE 24 English"),
        ("Qatar 2022 World Cup workers have died – BBC News", "BBC News"),
        ("Newcastle takeover: £305m deal completed - BBC Newsnight", "BBC Newsnight"),
        ("Talks resume in Cairo | Deutsche Welle", "Deutsche Welle"),  # outlets.toml
        ("Talks resume in Cairo - Deutsche Welle", "Deutsche Welle"),
        ("'UEFA are not the saints of football' | Klopp", None),
        ("What Qatar Doesn't Want the World to See | WORLD CUP 2022", None),
        ("REACTING TO THE NEWCASTLE UNITED TAKEOVER w/ WillNE | #WNTT", None),
        ("The Qatar World Cup Explained - Episode Three", None),
        ("How FIFA corrupted the World Cup", None),
        (None, None),
    ],
)
def test_outlet_from_title_suffix(title: str | None, outlet: str | None) -> None:
    assert outlet_from_title(title) == outlet


def test_language_and_channel_code_from_thumbnail_folder() -> None:
    assert folder_of_thumbnail("en_DW\\Egyptian media.jpg") == ("en", "DW")
    assert folder_of_thumbnail("fr_FRANCE24/x.jpg") == ("fr", "FRANCE24")
    assert folder_of_thumbnail("thumbs\\x.jpg") == (None, None)
    assert folder_of_thumbnail(None) == (None, None)


@pytest.mark.parametrize(
    "raw", ["20240331", "2024-03-31", "2024/03/31", "2024-03-31T10:00:00Z", "Mar 31, 2024"]
)
def test_dates_in_the_forms_sources_use(raw: str) -> None:
    assert parse_date(raw) == date(2024, 3, 31)


def test_bad_date_names_the_value() -> None:
    with pytest.raises(ValueError, match=r"'31\.13\.2024' is not a date"):
        parse_date("31.13.2024")
    assert parse_date("") is None


def test_ids_from_ytdlp_and_plain_file_names() -> None:
    assert names_from_filename("Cease-fire talks [wyqHuhmsA28].en.vtt") == (
        "wyqHuhmsA28",
        "en",
        "Cease-fire talks",
    )
    assert names_from_filename("-0qOzx3URO4.json") == ("-0qOzx3URO4", None, None)
    assert names_from_filename("clip.de.srt") == ("clip", "de", None)


def test_language_guess_needs_enough_words() -> None:
    english = "the talks are due to resume in Cairo and it is the first time that we have " * 3
    spanish = "volví a qatar dos años después del mundial y la ciudad es una de las que " * 3
    assert guess_language(english) == "en"
    assert guess_language(spanish) == "es"
    assert guess_language("Cairo talks") is None


@given(
    st.text(
        alphabet=st.sampled_from(list("ab &;amp\n\r\t \u00a0\u2028\x0b\x1c\x1f\x7f\u200b")),
        max_size=40,
    )
)
def test_normalize_text_is_unescape_then_collapse(raw: str) -> None:
    """The fast paths (line breaks replaced, the vectorised ASCII look, isprintable)
    agree with split/join (zero-width spaces dropped)."""
    assert normalize_text(raw) == " ".join(html.unescape(raw).replace("\u200b", "").split())


def test_invisible_characters_are_no_words() -> None:
    text = normalize_text("What happened \u200b \u200b\u200b in Qatar\u200b? \ufeffit\u2060s")
    assert text == "What happened in Qatar? its"
    assert normalize_text("\u200d\u200c") == "\u200d\u200c"  # joiners some scripts need
