"""Pure helpers deriving channel, language, dates and ids from record metadata."""

from __future__ import annotations

import hashlib
import html
import re
from datetime import date, datetime, timedelta

import numpy as np

from newsreel.ingest.formats.outlets import outlet_from_title

_FOLDER = re.compile(r"^([a-z]{2,3})_(.+)$")
_DATE_FORMATS = ("%Y%m%d", "%Y-%m-%d", "%Y/%m/%d", "%b %d, %Y", "%B %d, %Y", "%d %B %Y")
_YTDLP_ID = re.compile(r"\[([A-Za-z0-9_-]{11})\]\s*$")
_BREAKS = ("\r\n", "\n", "\r", "\t")
_INVISIBLE = ("\u200b", "\u2060", "\ufeff")  # not ZWJ/ZWNJ: letters of some scripts need them
_VECTOR_MIN = 2048  # below this numpy's call overhead outweighs its speed
_LANG_SUFFIX = re.compile(r"\.([a-z]{2,3}(?:-[A-Za-z]{2,4})?)$")


def normalize_text(raw: str) -> str:
    """Decode HTML entities, drop invisible characters (zero-width space, word joiner,
    byte-order mark: some captions carry runs of them, which would count as words) and
    collapse every run of whitespace to one space."""
    if "&" in raw:
        raw = html.unescape(raw)
    if not raw.isascii():
        for char in _INVISIBLE:
            if char in raw:
                raw = raw.replace(char, "")
    # Caption text is mostly single spaces and line breaks: replacing the breaks is a
    # fast scan; then one look tells whether anything else needs collapsing (split/join
    # is ~10x slower than the look).
    for char in _BREAKS:
        if char in raw:
            raw = raw.replace(char, " ")
    if raw[:1] != " " and raw[-1:] != " " and _tidy(raw):
        return raw
    return " ".join(raw.split())


def _tidy(text: str) -> bool:
    """True if ``text`` has no two spaces in a row and no whitespace but the space."""
    if len(text) > _VECTOR_MIN and text.isascii():  # isascii is O(1); numpy ~5x str scans
        codes = np.frombuffer(text.encode("ascii"), np.uint8)
        space = codes == 32
        return not (
            np.count_nonzero(space[1:] & space[:-1])
            or np.count_nonzero(codes < 32)
            or np.count_nonzero(codes == 127)
        )
    # isprintable() is False for every whitespace but the ASCII space.
    return "  " not in text and text.isprintable()


def clean_field(raw: str | None, *, collapse: bool = True) -> str | None:
    """Normalise a metadata value; empty becomes None.

    ``collapse=False`` keeps inner whitespace (file names such as thumbnail paths).
    """
    if raw is None:
        return None
    value = normalize_text(raw) if collapse else html.unescape(raw).strip()
    return value or None


def folder_of_thumbnail(path: str | None) -> tuple[str | None, str | None]:
    """Return (language, channel code) from a thumbnail path like 'en_DW\\x.jpg'."""
    if not path:
        return None, None
    first = re.split(r"[\\/]", path.strip(), maxsplit=1)[0]
    match = _FOLDER.match(first)
    if not match:
        return None, None
    return match.group(1), match.group(2)


def parse_date(raw: str | None, *, checked: bool = True) -> date | None:
    """Parse a publish date in the forms sources use; None if empty.

    Raises ``ValueError`` with a readable message when the value is not a date, or
    (``checked``) is no publish date (``implausible``: "20990101", "18000101").
    """
    if raw is None or not raw.strip():
        return None
    value = raw.strip()
    found = _parsed(value)
    reason = implausible(found) if checked else None
    if reason:
        raise ValueError(f"{value!r} {reason}")
    return found


def implausible(day: date) -> str | None:
    """Why ``day`` is no publish date (in the future, or before 1900), else None."""
    if day > date.today() + timedelta(days=1):  # a day's grace for time zones
        return "is in the future; a publish date is on or before today"
    if day.year < 1900:
        return "is before 1900; is the year right?"
    return None


def _parsed(value: str) -> date:
    if len(value) == 8 and value.isdigit():  # the seed's YYYYMMDD, the common case
        try:
            return date(int(value[:4]), int(value[4:6]), int(value[6:]))
        except ValueError:
            pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(
            f"{value!r} is not a date (expected e.g. 20240331 or 2024-03-31)"
        ) from None


def synthetic_id(text: str) -> str:
    """Return a stable id for a record that names no video id."""
    return "nr_" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def fill_channel(
    explicit: str | None, title: str | None, thumbnail_path: str | None
) -> tuple[str | None, str | None, str | None]:
    """Return (channel, channel code, language) from every place that names them.

    The explicit field wins, then the title suffix, then the thumbnail folder.
    """
    language, code = folder_of_thumbnail(thumbnail_path)
    channel = explicit or outlet_from_title(title) or code
    return channel, code, language


def names_from_filename(name: str) -> tuple[str, str | None, str | None]:
    """Return (video id, language, title) from a file name.

    Knows yt-dlp's 'Title [VIDEOID].en.vtt', plain 'VIDEOID.json' / 'VIDEOID.en.srt' and
    'VIDEOID.en.auto.vtt'.
    """
    stem = name.rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    stem = stem.removesuffix(".auto")  # newsreel collect's automatic captions: ID.en.auto.vtt
    language = None
    lang = _LANG_SUFFIX.search(stem)
    if lang:
        language, stem = lang.group(1), stem[: lang.start()]
    bracket = _YTDLP_ID.search(stem)
    if bracket:
        title = stem[: bracket.start()].strip() or None
        return bracket.group(1), language, title
    return stem, language, None
