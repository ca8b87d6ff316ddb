"""Turn a file's bytes into text (and JSON), or say exactly why that is impossible."""

from __future__ import annotations

import codecs
import json
import unicodedata
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


# legacy encodings of other scripts, and the script their letters are in: bytes that are
# no UTF-8 are read so only where most letters then are of that script
_LEGACY = {
    "cp932": "CJK",  # Shift-JIS, as Windows writes it
    "shift_jis": "CJK",
    "euc_jp": "CJK",
    "gb18030": "CJK",
    "gb2312": "CJK",
    "big5": "CJK",
    "euc_kr": "HANGUL",
    "cp949": "HANGUL",
    "cp1251": "CYRILLIC",
    "koi8_r": "CYRILLIC",
    "cp1253": "GREEK",
    "cp1256": "ARABIC",
    "cp1255": "HEBREW",
}
_SCRIPTS = {  # Unicode name prefixes of each script's letters
    "CJK": ("CJK", "HIRAGANA", "KATAKANA LETTER", "IDEOGRAPHIC"),
    "HANGUL": ("HANGUL",),
    "CYRILLIC": ("CYRILLIC",),
    "GREEK": ("GREEK",),
    "ARABIC": ("ARABIC",),
    "HEBREW": ("HEBREW",),
}
_SCRIPT_SHARE = 0.3  # of a text's letters, to be read in that script's encoding


def _script_share(text: str, script: str, *, beyond_ascii: bool = False) -> float:
    """The share of a text's letters (or, ``beyond_ascii``, of its letters outside
    ASCII) in ``script``."""
    letters = [c for c in text if c.isalpha() and not (beyond_ascii and c.isascii())]
    if not letters:
        return 0.0
    prefixes = _SCRIPTS[script]
    return sum(unicodedata.name(c, "").startswith(prefixes) for c in letters) / len(letters)


def _other_script(data: bytes, *, western: bool) -> str | None:
    """The text of bytes in a legacy encoding of another script (Shift-JIS Japanese,
    Windows-1251 Russian), as charset-normalizer guesses it, where the letters then are
    of that script: 30% of all letters, or, when the bytes are no Windows-1252 either
    (not ``western``), most letters beyond ASCII (English with a few Japanese words).
    None for anything else, read as Windows-1252: charset-normalizer guesses wrongly on
    short Western text ("Ça va £5" as UTF-16, "Mbappé" as cp775), and French read as
    Shift-JIS is kanji ("élèves")."""
    from charset_normalizer import from_bytes  # loaded only for non-UTF-8 files

    guess = from_bytes(data[: 4 * _SNIFF]).best()
    encoding = guess.encoding if guess is not None else None
    if encoding not in _LEGACY:
        return None
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    script = _LEGACY[encoding]
    if _script_share(text, script) >= _SCRIPT_SHARE:
        return text
    if not western and _script_share(text, script, beyond_ascii=True) >= _WIDE_SHARE:
        return text
    return None


_WIDE_SHARE = 0.6  # of the letters beyond ASCII, for bytes that are no Windows-1252


def decode_bytes(data: bytes) -> str:
    """Decode a record file: BOM-marked Unicode, else UTF-8, else a legacy encoding of
    another script where the text plainly is one (Shift-JIS, GB18030, Windows-1251:
    ``_other_script``), else Windows-1252.

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
            western = data.decode("cp1252")
        except UnicodeDecodeError:
            western = None
        other = _other_script(data, western=western is not None)
        if other is not None:
            return other
        if western is not None:
            return western
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
