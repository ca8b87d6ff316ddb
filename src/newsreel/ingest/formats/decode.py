"""Turn a file's bytes into text (and JSON), or say exactly why that is impossible."""

from __future__ import annotations

import codecs
import json
from typing import Any

from newsreel.errors import BadInputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BAD = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_SNIFF = 8192


def _line_of(data: bytes, byte: int) -> int:
    return data.count(b"\n", 0, byte) + 1


def decode_bytes(data: bytes) -> str:
    """Decode a record file: BOM-marked Unicode, else UTF-8, else Windows-1252.

    Raises ``BadInputError`` for empty or binary files and undecodable bytes.
    """
    if not data.strip():
        raise BadInputError("the file is empty (no text at all)", byte=0)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise BadInputError(
                    f"the file starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} ({exc.reason})",
                    byte=exc.start,
                    line=_line_of(data, exc.start),
                ) from None
            if not text.strip():
                raise BadInputError("the file is empty (a byte-order mark, no text)", byte=0)
            return text
    nul = data.find(b"\x00", 0, _SNIFF)
    if nul >= 0:
        raise BadInputError(
            "the file is binary, not text (NUL byte found); if it is UTF-16 text, "
            "save it with a byte-order mark or as UTF-8",
            byte=nul,
            line=_line_of(data, nul),
        )
    head = data[:_SNIFF]
    controls = len(head) - len(head.translate(None, _CONTROL_BAD))
    if controls > max(2, len(head) // 100):
        raise BadInputError(
            f"the file is binary, not text ({controls} control bytes in its first "
            f"{len(head)} bytes)",
            byte=0,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pos = utf8_error.start
            raise BadInputError(
                f"the text is neither UTF-8 nor Windows-1252 (byte 0x{data[pos]:02x} at "
                f"byte {pos} is invalid); convert the file to UTF-8",
                byte=pos,
                line=_line_of(data, pos),
            ) from None


def load_json(text: str) -> Any:
    """Decode JSON text; raise ``BadInputError`` saying where it is invalid, or that it
    nests too deeply or holds an integer too long to read (over 4,300 digits).

    NaN and Infinity are read as Python reads them: the parsers that need finite
    numbers (times) check them, and tables read NaN as an empty cell.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"  # "Unterminated string starting at"
        raise BadInputError(
            f"invalid JSON ({exc.msg} {where})", line=exc.lineno, byte=exc.pos
        ) from None
    except RecursionError:
        raise BadInputError(
            "the JSON nests arrays or objects too deeply to read (about 1,000 levels or more)"
        ) from None
    except ValueError as exc:  # Python refuses integers of more than 4,300 digits
        raise BadInputError(f"the JSON holds a number too long to read ({exc})") from None
