"""CNN transcripts as JSON (pages of transcripts.cnn.com, scraped):

    {"title": "Anderson Cooper 360 Degrees",
     "date": "Aired July 25, 2022 - 21:00   ET",
     "network": "https://transcripts.cnn.com/show/acd/date/2022-07-25/segment/02",
     "transcript": "[21:00:00] ANDERSON COOPER, CNN HOST: Lot happening, ...",
     "polarity": 0.15, "subjectivity": 0.47, ...}

The ``[21:00:00]`` marks are clock times: each starts a segment, in seconds from the
air time. Speaker labels (``NAME, ROLE:``) stay in the text, each after a ``>>`` marker
that the repair stage's turn detection reads (``repair/speakers.py``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any, cast

from newsreel.errors import BadInputError
from newsreel.ingest.formats.metadata import clean_field, normalize_text, parse_date, synthetic_id
from newsreel.ingest.formats.provenance import FROM_URL, SOURCE_RECORD
from newsreel.models import Record, Segment
from newsreel.repair.speakers import find_labels

CHANNEL = "CNN"
_URL = re.compile(r"/show/(?P<show>[\w-]+)/date/(?P<day>\d{4}-\d{2}-\d{2})/segment/(?P<seg>\d+)")
_AIRED = re.compile(
    r"Aired\s+(?P<day>[A-Z][a-z]+\.? \d{1,2}, \d{4})(?:\s*-\s*(?P<h>\d{1,2}):(?P<m>\d{2}))?"
)
_MARK = re.compile(r"\[(\d{1,2}):(\d{2}):(\d{2})\]")
_STUB = re.compile(r"^\s*(did not air|transcript (?:is )?not available)\.?\s*$", re.I)
_WORDS_PER_SECOND = 2.5  # about 150 spoken words a minute: the last segment's length
_DAY = 24 * 3600
_SKIPPED = ("transcript", "sentence_breakdown", "title", "date", "network")


def looks_like_cnn(data: Any) -> bool:
    """True for a CNN transcript object (a ``transcript`` and a transcripts.cnn.com URL)."""
    return (
        isinstance(data, Mapping)
        and isinstance(data.get("transcript"), str)
        and "cnn.com" in str(data.get("network") or "")
    )


def _with_markers(text: str) -> str:
    """The text with a ``>>`` marker before each speaker label it has none before."""
    for start, _ in reversed(find_labels(text)):
        if not text[:start].rstrip().endswith(">>"):
            text = f"{text[:start]}>> {text[start:]}"
    return text


def _pieces(transcript: str) -> list[tuple[int | None, str]]:
    """(clock second of the day, or None before the first mark; text) between marks."""
    pieces: list[tuple[int | None, str]] = []
    clock: int | None = None
    at = 0
    for match in _MARK.finditer(transcript):
        pieces.append((clock, transcript[at : match.start()]))
        hours, minutes, seconds = (int(g) for g in match.groups())
        clock = hours * 3600 + minutes * 60 + seconds
        at = match.end()
    pieces.append((clock, transcript[at:]))
    return [(c, t) for c, t in pieces if normalize_text(t)]


def _offset(clock: int | None, start: int | None) -> float:
    """Seconds from the air time (a mark past midnight counts on; none is 0)."""
    if clock is None or start is None:
        return 0.0
    delta = clock - start
    if delta < -_DAY / 2:
        delta += _DAY
    return float(max(delta, 0))


def _timed(
    pieces: list[tuple[int | None, str]], start: int | None
) -> tuple[list[str], tuple[Segment, ...], tuple[tuple[float, float], ...]]:
    """Texts with markers, segments and word times: a piece runs from its mark to the
    next; marks out of order are set aside (``_starts``)."""
    texts = [_with_markers(normalize_text(t)) for _, t in pieces]
    marks = [None if clock is None else _offset(clock, start) for clock, _ in pieces]
    starts = _starts(marks, [len(t.split(" ")) for t in texts])
    segments: list[Segment] = []
    times: list[tuple[float, float]] = []
    for i, text in enumerate(texts):
        words = text.split(" ")
        begin = starts[i]
        end = starts[i + 1] if i + 1 < len(starts) else begin + len(words) / _WORDS_PER_SECOND
        step = (end - begin) / len(words)
        times += [
            (round(begin + k * step, 3), round(begin + (k + 1) * step, 3))
            for k in range(len(words))
        ]
        segments.append(Segment(round(begin, 3), round(end, 3), normalize_text(pieces[i][1])))
    return texts, tuple(segments), tuple(times)


def _starts(marks: list[float | None], words: list[int]) -> list[float]:
    """Each piece's start: its mark where the marks run forward (the most marks in
    order are kept: a stray "[20:15:07]" between "[20:00:28]" and "[20:10:06]" is
    set aside), else a time between the kept marks around it, in proportion to the
    words before it; after the last kept mark, at a speaking pace."""
    at = [0]
    for count in words:
        at.append(at[-1] + count)
    kept = _in_order(marks, at)
    starts: list[float] = []
    last, since = 0.0, 0  # the last kept mark (air time at first) and its word
    for i, mark in enumerate(marks):
        if i in kept:
            last, since = cast(float, mark), at[i]
            starts.append(last)
            continue
        ahead = next((j for j in range(i + 1, len(marks)) if j in kept), None)
        if ahead is None:
            starts.append(last + (at[i] - since) / _WORDS_PER_SECOND)
        else:
            share = (at[i] - since) / max(at[ahead] - since, 1)
            starts.append(last + (cast(float, marks[ahead]) - last) * share)
    return starts


def _in_order(marks: list[float | None], at: list[int]) -> set[int]:
    """The pieces of the longest run of marks that never goes back in time; of runs as
    long, the one whose pace between marks (words ``at`` each piece's start) is
    nearest a speaking pace: in "[20:00:28] [20:15:07] [20:10:06]", 20:15:07 is the
    stray."""
    best: dict[int, tuple[int, float, list[int]]] = {}  # i -> (length, -cost, run)
    for i, mark in enumerate(marks):
        if mark is None:
            continue
        runs = [(1, 0.0, [i])]
        for j, (length, score, run) in best.items():
            if cast(float, marks[j]) <= mark:
                pace = (at[i] - at[j]) / max(mark - cast(float, marks[j]), 1.0)
                cost = abs(math.log(max(pace, 1e-3) / _WORDS_PER_SECOND))
                runs.append((length + 1, score - cost, [*run, i]))
        best[i] = max(runs, key=lambda r: (r[0], r[1]))
    return set(max(best.values(), key=lambda r: (r[0], r[1]), default=(0, 0.0, []))[2])


def parse_cnn(data: Mapping[str, Any]) -> Record:
    """Parse one CNN transcript object; raise ``BadInputError`` when it has no text."""
    transcript = data["transcript"]
    stub = _STUB.match(transcript)
    if stub or not normalize_text(transcript):
        said = f" ({transcript.strip()})" if stub else ""
        raise BadInputError(f"empty transcript{said}")
    url = str(data.get("network") or "")
    aired = normalize_text(str(data.get("date") or ""))
    air = _AIRED.search(aired)
    at_url = _URL.search(url)
    sources = {"channel": FROM_URL, "title": SOURCE_RECORD}
    extra: dict[str, Any] = {"url": url, "aired": aired} if aired else {"url": url}
    extra.update(
        (k, v) for k, v in data.items() if k not in _SKIPPED and isinstance(v, str | int | float)
    )
    published = None
    if air:
        try:
            published = parse_date(air.group("day"))
            sources["publish_date"] = SOURCE_RECORD
        except ValueError as exc:
            extra["publish_date_error"] = str(exc)
    if published is None and at_url:
        published = parse_date(at_url.group("day"))
        sources["publish_date"] = FROM_URL
    pieces = _pieces(transcript)
    if not pieces:
        raise BadInputError("empty transcript: nothing but time marks")
    first_mark = next((c for c, _ in pieces if c is not None), None)
    start = int(air.group("h")) * 3600 + int(air.group("m")) * 60 if air and air["h"] else None
    segments: tuple[Segment, ...] = ()
    times: tuple[tuple[float, float], ...] | None = None
    if first_mark is None:
        texts = [_with_markers(normalize_text(" ".join(t for _, t in pieces)))]
    else:
        texts, segments, times = _timed(pieces, first_mark if start is None else start)
    text = " ".join(texts)
    if at_url:
        video_id = f"cnn-{at_url['show']}-{at_url['day']}-{at_url['seg']}"
    else:
        video_id = synthetic_id(text)
    return Record(
        video_id=video_id,
        id_source="source" if at_url else "content-hash",
        text=text,
        raw_text=transcript,
        title=clean_field(str(data.get("title") or "")),
        channel=CHANNEL,
        publish_date=published,
        segments=segments,
        word_times=times,
        extra=extra,
        sources=sources,
    )
