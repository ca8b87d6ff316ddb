"""archive.org TV News: rows of the archive_news_cc table and ``_meta.xml`` records.

The table (``parse_archive.py`` of notnews/archive_news_cc) has one column per field of
an item's ``_meta.xml`` plus ``text``, the caption snippets of the item's page joined.
``contributor`` is the channel (``FOXNEWS``); ``source`` is only the cable provider the
signal was recorded from. ``times`` lists, in seconds from the start of the show, when
each caption line began (about 25 characters of caption text per line), so word times
are estimated by giving each line its share of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from xml.etree.ElementTree import Element

from newsreel.errors import BadInputError
from newsreel.ingest.formats.languages import normalize_language
from newsreel.ingest.formats.metadata import clean_field, normalize_text
from newsreel.ingest.formats.timed import seconds
from newsreel.ingest.formats.xmldoc import local_name
from newsreel.models import Record, Segment

# archive.org channel codes; a code ending in W is the channel's West Coast feed.
OUTLETS = {
    "FOXNEWS": "FOX News",
    "FBC": "FOX Business",
    "CNN": "CNN",
    "HLN": "HLN",
    "MSNBC": "MSNBC",
    "CNBC": "CNBC",
    "BLOOMBERG": "Bloomberg",
    "CSPAN": "C-SPAN",
    "CSPAN2": "C-SPAN2",
    "CSPAN3": "C-SPAN3",
    "BBCNEWS": "BBC News",
    "BBCAMERICA": "BBC America",
    "ALJAZAM": "Al Jazeera America",
    "ALJAZ": "Al Jazeera English",
    "RT": "RT",
    "DW": "DW",
    "FRANCE24": "France 24",
    "LINKTV": "Link TV",
    "CCTV": "CCTV",
    "NHK": "NHK World",
    "PRESSTV": "Press TV",
    "COM": "Comedy Central",
    "CURRENT": "Current TV",
    "TELEMUNDO": "Telemundo",
    "UNIVISION": "Univision",
}
_WEST_FEEDS = ("CNNW", "FOXNEWSW", "MSNBCW", "CNBCW", "FBCW", "BLOOMBERGW", "CSPANW")
_CALL_SIGN = re.compile(r"^[KW][A-Z]{2,3}$")  # US stations: KQED, WJLA, KGO
_IDENTIFIER = re.compile(r"^([A-Za-z0-9]+)_(\d{8})_(\d{6})(?:_|$)")
_REQUIRED = ("identifier", "contributor", "text")
# Fields kept in a video's extra, under their archive.org names.
_EXTRA = (
    "program",
    "description",
    "subject",
    "start_time",
    "stop_time",
    "start_localtime",
    "utc_offset",
)
LINE_SECONDS = 4.0  # the longest a caption line is taken to last when the next is later


def outlet_name(code: str) -> str:
    """A readable outlet for an archive.org channel code (``FOXNEWS`` → ``FOX News``)."""
    key = code.strip().upper()
    if key in _WEST_FEEDS:
        key = key[:-1]
    if key in OUTLETS:
        return OUTLETS[key]
    return key if _CALL_SIGN.match(key) else code.strip().title()


def is_archive_table(columns: Iterable[str]) -> bool:
    """True for a table with the columns of the archive.org TV News CSV."""
    folded = {c.strip().casefold() for c in columns}
    return all(name in folded for name in _REQUIRED)


def archive_meta(root: Element) -> dict[str, str] | None:
    """The fields of an archive.org ``_meta.xml`` (repeated ones joined by ``|``), or None."""
    if local_name(root) != "metadata":
        return None
    fields: dict[str, list[str]] = {}
    for child in root:
        fields.setdefault(local_name(child), []).append((child.text or "").strip())
    if not fields.get("identifier", [""])[0]:
        return None
    return {key: "|".join(v for v in values if v) for key, values in fields.items()}


def describe_meta(meta: Mapping[str, str]) -> str:
    """Why a ``_meta.xml`` read on its own is skipped."""
    identifier = meta["identifier"]
    if meta.get("closed_captioning") == "no":
        return f"archive.org metadata of {identifier}, a show without captions"
    if meta.get("times") or meta.get("closed_captioning") == "yes":
        return f"archive.org metadata; its captions are in {identifier}.html"
    return f"archive.org metadata of {identifier}, not a transcript"


@dataclass(frozen=True, slots=True)
class Snippet:
    """Caption text shown for a stretch of a show (seconds from its start, if known)."""

    text: str
    start: float | None = None
    end: float | None = None


def parse_archive_rows(
    rows: Iterable[Mapping[str, Any]], *, first_row: int = 1
) -> Iterator[Record | BadInputError]:
    """Parse rows of the archive.org TV News table; one bad row stops nothing."""
    for n, row in enumerate(rows, start=first_row):
        locator = f"row {n}"
        fields = {str(k).strip().casefold(): _text(v) for k, v in row.items() if k is not None}
        try:
            identifier = fields.get("identifier") or ""
            if not identifier:
                raise BadInputError("the identifier column is empty")
            raw = fields.get("text") or ""
            if not raw.strip():
                raise BadInputError(
                    f"{identifier}: the text column is empty: archive.org had no captions "
                    "for this show when the table was made"
                )
            record = show_record(identifier, [Snippet(raw)], fields, raw_text=raw)
        except BadInputError as exc:
            exc.locator = locator
            yield exc
            continue
        record.locator = locator
        yield record


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def show_record(
    identifier: str,
    snippets: Sequence[Snippet],
    meta: Mapping[str, str],
    *,
    raw_text: str,
    title: str | None = None,
) -> Record:
    """A show's record from its caption snippets and its archive.org metadata."""
    parsed = _IDENTIFIER.match(identifier)
    code = meta.get("contributor") or (parsed.group(1) if parsed else "")
    started = _start_time(meta, parsed)
    extra: dict[str, Any] = {k: meta[k] for k in _EXTRA if meta.get(k)}
    if started is not None:
        extra["start_time"] = started.isoformat() + "Z"
    extra["url"] = meta.get("identifier-access") or f"https://archive.org/details/{identifier}"
    times, problem = _line_times(meta.get("times", ""))
    if problem:
        extra["times_error"] = problem
    duration = _duration(meta.get("runtime", ""))
    words, word_times, segments = timed_words(snippets, times, duration)
    if not words:
        raise BadInputError(f"{identifier}: the captions contain no words")
    return Record(
        video_id=identifier,
        text=" ".join(words),
        raw_text=raw_text,
        title=clean_field(meta.get("title")) or clean_field(meta.get("program")) or title,
        channel=outlet_name(code) if code else None,
        channel_code=code.upper() or None,
        language=normalize_language(meta.get("language")),
        publish_date=_aired_on(meta, started),
        duration_seconds=duration,
        segments=tuple(segments),
        word_times=tuple(word_times) if segments else None,
        extra=extra,
    )


def _start_time(meta: Mapping[str, str], parsed: re.Match[str] | None) -> datetime | None:
    """When the show began, UTC: ``start_time``, else the identifier's date and time."""
    for value in (meta.get("start_time", ""), " ".join(parsed.groups()[1:]) if parsed else ""):
        for fmt in ("%Y-%m-%d %H:%M:%S", "%Y%m%d %H%M%S"):
            try:
                return datetime.strptime(value, fmt)
            except ValueError:
                pass
    return None


def _aired_on(meta: Mapping[str, str], started: datetime | None) -> date | None:
    """The day the show aired where it aired: ``start_localtime``'s, else the UTC start
    moved by ``utc_offset`` ("-500": five hours behind), else the UTC date. A show at
    10 pm in New York is dated that day, not the next (its UTC start)."""
    local = _date(meta.get("start_localtime", ""))
    if local is not None:
        return local
    offset = re.fullmatch(r"([+-])(\d{1,2})(\d{2})", meta.get("utc_offset", "").strip())
    if started is not None and offset is not None:
        sign = -1 if offset.group(1) == "-" else 1
        shift = timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3)))
        return (started + sign * shift).date()
    return started.date() if started else _date(meta.get("date", ""))


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _duration(runtime: str) -> float | None:
    parts = runtime.split(":")
    if not runtime or not all(p.isdigit() and len(p) <= 9 for p in parts) or len(parts) > 3:
        return None
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return seconds or None


def _line_times(raw: str) -> tuple[list[float], str | None]:
    """Caption line starts from ``times`` (``1,3,4,...``); a bad value (not a number,
    NaN, infinite or negative) drops them all, saying which."""
    pieces = [p.strip() for p in raw.split(",") if p.strip()]
    try:
        return sorted(seconds(p, "time", f"value {n}") for n, p in enumerate(pieces, 1)), None
    except BadInputError as exc:
        return (
            [],
            f"the times column is not a list of seconds ({exc.reason}); the words are untimed",
        )


def timed_words(
    snippets: Sequence[Snippet], times: Sequence[float], duration: float | None
) -> tuple[list[str], list[tuple[float, float]], list[Segment]]:
    """Words, their (start, end) and one segment per caption line, from snippets.

    Each snippet's words go to the caption lines that began within its span, each line
    taking its share of the snippet's characters; a snippet with no line starts is
    spread over its span. Where any span is unknown, all the text is one snippet over
    every line. Without line starts or spans, the words are untimed (no segments).
    """
    if any(s.start is None for s in snippets):
        snippets = [Snippet(" ".join(s.text for s in snippets))]
    words: list[str] = []
    stamps: list[tuple[float, float]] = []
    segments: list[Segment] = []
    for snippet in snippets:
        chunk = normalize_text(snippet.text).split()
        words += chunk
        if not chunk:
            continue
        if snippet.start is None:
            lines, end, spread = list(times), duration, False
        else:
            stop = snippet.end if snippet.end is not None else float("inf")
            lines, end = [t for t in times if snippet.start <= t < stop], snippet.end
            spread = not lines
            if spread:
                lines = [snippet.start]
                end = snippet.end if snippet.end is not None else snippet.start + LINE_SECONDS
        if lines:
            _time_lines(chunk, lines, end, stamps, segments, spread=spread)
    if len(stamps) != len(words):  # some snippets could not be timed: none are
        return words, [], []
    return words, stamps, segments


def _time_lines(
    chunk: list[str],
    lines: Sequence[float],
    end: float | None,
    stamps: list[tuple[float, float]],
    segments: list[Segment],
    *,
    spread: bool,
) -> None:
    """Give each word of ``chunk`` a line by its character offset, then a time in it."""
    total = sum(len(w) + 1 for w in chunk)
    groups: list[list[str]] = [[] for _ in lines]
    offset = 0
    for word in chunk:
        groups[min(len(lines) - 1, offset * len(lines) // total)].append(word)
        offset += len(word) + 1
    for j, group in enumerate(groups):
        if not group:
            continue
        start = lines[j]
        stop = lines[j + 1] if j + 1 < len(lines) else (end if end is not None else start)
        if not spread:  # a line is spoken in a few seconds, then silence until the next
            stop = min(stop, start + LINE_SECONDS)
        stop = max(stop, start)
        step = (stop - start) / len(group)
        for k in range(len(group)):
            stamps.append((round(start + k * step, 3), round(start + (k + 1) * step, 3)))
        segments.append(Segment(start, stop, " ".join(group)))
