from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreel.errors import BadInputError
from newsreel.ingest.formats.decode import decode_bytes

TEXT = "Reports say ceasefire talks — in Cairo, café ‘quoted’"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), TEXT),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT),
        (TEXT.encode("cp1252"), TEXT),
        ("café in Zürich".encode("latin-1"), "café in Zürich"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252", "latin1"],
)
def test_decodes_every_encoding_collections_use(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


@pytest.mark.parametrize(
    ("data", "needle", "byte"),
    [
        (b"", "empty", 0),
        (b"  \n\t", "empty", 0),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary", 8),
        ("hello".encode("utf-16-le"), "NUL byte", 1),
        (b"caf\x81 talks", "neither UTF-8 nor Windows-1252", 3),
    ],
)
def test_rejects_what_is_not_text_with_position(data: bytes, needle: str, byte: int) -> None:
    with pytest.raises(BadInputError) as info:
        decode_bytes(data)
    assert needle in info.value.reason
    assert info.value.byte == byte


@given(st.text(min_size=1).filter(lambda s: s.strip() and "\x00" not in s))
def test_utf8_round_trips(text: str) -> None:
    control = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    if control > 2:
        return
    if not text.removeprefix("\ufeff").strip():  # a byte-order mark alone is no text
        with pytest.raises(BadInputError, match="empty"):
            decode_bytes(text.encode("utf-8"))
        return
    assert decode_bytes(text.encode("utf-8")) == text.removeprefix("\ufeff")


def test_a_byte_order_mark_alone_is_an_empty_file() -> None:
    with pytest.raises(BadInputError, match="empty"):
        decode_bytes("\ufeff \n".encode())


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("東京で記者会見が開かれました。首相は新しい政策を発表しました。", "shift_jis"),
        ("日本のニュース", "shift_jis"),
        ("Video ID: x\nTitle: 東京ニュース\n" + "the prime minister said " * 20, "shift_jis"),
        ("北京时间今天上午，国务院召开新闻发布会。", "gbk"),
        ("서울에서 기자회견이 열렸습니다. 대통령은 새로운 정책을 발표했습니다.", "euc_kr"),
        ("Президент заявил, что новые санкции будут введены на следующей неделе.", "cp1251"),
    ],
    ids=["shift-jis", "shift-jis-short", "shift-jis-in-english", "gbk", "euc-kr", "cp1251"],
)
def test_a_legacy_encoding_of_another_script_is_read_as_that_script(
    text: str, encoding: str
) -> None:
    """Regression: Shift-JIS was read as Windows-1252 (mojibake, no warning)."""
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize(
    "text",
    [
        "Ça va £5",
        "Title: Mbappé and Müller score as São Paulo waits\nthe game was good",
        "Die Bundesregierung hat über die Maßnahmen für Flüchtlinge gesprochen.",
        "Le président a déclaré que les élèves étaient à l'école.",
    ],
)
def test_western_text_that_is_no_utf8_stays_windows_1252(text: str) -> None:
    """charset-normalizer alone reads "Ça va £5" as UTF-16 and "Mbappé" as cp775."""
    assert decode_bytes(text.encode("cp1252")) == text


_WESTERN = st.lists(
    st.tuples(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=12),
        st.sampled_from("éèàüöäçñãôÉÜ£"),
    ),
    min_size=1,
    max_size=8,
)


@given(_WESTERN)
def test_english_with_single_accented_letters_reads_as_windows_1252(
    parts: list[tuple[str, str]],
) -> None:
    text = "Title: news " + "".join(a + b for a, b in parts) + " end"
    assert decode_bytes(text.encode("cp1252")) == text
