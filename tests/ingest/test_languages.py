from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreel.ingest.files import InputFile, read_input
from newsreel.ingest.formats.languages import normalize_language


@pytest.mark.parametrize(
    ("given_code", "expected"),
    [
        ("eng", "en"),
        ("spa", "es"),
        ("ger", "de"),
        ("deu", "de"),
        ("fre", "fr"),
        ("fra", "fr"),
        ("ara", "ar"),
        ("chi", "zh"),
        ("en", "en"),
        ("EN", "en"),
        (" eng ", "en"),
        ("en-US", "en"),
        ("en_GB", "en"),
        ("pt-BR", "pt"),
        ("zh-Hans", "zh"),
        ("en-orig", "en"),
        ("English", "en"),
        ("iw", "he"),
        ("xx", "xx"),
        ("QQQ", "qqq"),
        ("xx-YY", "xx-yy"),
        ("und", None),
        ("zxx", None),
        ("", None),
        ("  ", None),
        (None, None),
    ],
)
def test_language_codes_become_iso_639_1(given_code: str | None, expected: str | None) -> None:
    assert normalize_language(given_code) == expected


@given(st.text(max_size=12))
def test_normalising_twice_changes_nothing(code: str) -> None:
    once = normalize_language(code)
    assert normalize_language(once) == once


def test_every_record_read_gets_a_normalised_language(tmp_path: Path) -> None:
    path = tmp_path / "wyqHuhmsA28.eng.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nceasefire talks\n")
    result = read_input(InputFile(path, tmp_path), {})
    assert result.records[0].language == "en"


def test_a_table_language_column_is_normalised(tmp_path: Path) -> None:
    path = tmp_path / "videos.csv"
    path.write_text("video_id,transcript,language\nabc,ceasefire talks resume,spa\n")
    result = read_input(InputFile(path, tmp_path), {})
    assert result.records[0].language == "es"
