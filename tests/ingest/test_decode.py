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
