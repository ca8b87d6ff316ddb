"""Whisper transcripts saved as text: one timed line each, as in the BBC podcast corpus.

    *00:00.060- 00:05.560* :  Hello, this is the Global News Podcast   (.md)
    00:00.060 - 00:05.560:  Hello, this is the Global News Podcast     (.txt)

The file name carries the date and title: ``2023_11_07_Gaza_becoming_a__graveyard.md``.
Whisper's own ``--output_format tsv`` (a ``start<TAB>end<TAB>text`` header, then times
in milliseconds) is read here too, as one video, not as a table of videos.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from newsreel.errors import BadInputError
from newsreel.ingest.formats.timed import decode_cue_text, timed_record
from newsreel.models import Record, Segment
from newsreel.repair.rolling import Cue

_T = r"(?:(\d{1,9}):)?(\d{1,2}):(\d{2})(?:\.(\d{1,3}))?"  # 9 digits: no float overflow
_LINE = re.compile(rf"^\*?{_T}\s*-\s*{_T}\*?\s*:\s?(.*)$")
_NAME = re.compile(r"^(\d{4})_(\d{2})_(\d{2})_(.+)$")
_SNIFF_LINES = 5
_SNIFF_CHARS = 8192  # enough for the first lines; never the whole transcript


def _seconds(h: str | None, m: str, s: str, frac: str | None) -> float:
    millis = ((int(h or 0) * 60 + int(m)) * 60 + int(s)) * 1000 + int((frac or "0").ljust(3, "0"))
    return millis / 1000


def looks_like_whisper_text(text: str) -> bool:
    """True if the first non-empty lines are timed Whisper lines."""
    head = text[:_SNIFF_CHARS]
    lines = head.splitlines()
    if len(head) < len(text):
        lines = lines[:-1]  # the last may be cut short
    lines = [line for line in lines if line.strip()][:_SNIFF_LINES]
    return bool(lines) and all(_LINE.match(line.strip()) for line in lines)


def _from_name(name: str) -> tuple[str, date | None, str | None]:
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    match = _NAME.match(stem)
    if not match:
        return stem, None, None
    try:
        published = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        published = None
    title = re.sub(r"\s+", " ", match.group(4).replace("_", " ")).strip()
    return stem, published, title or None


def parse_whisper_text(text: str, *, name: str) -> Record:
    """Parse timed Whisper lines; id, date and title come from the file name."""
    timed: list[tuple[int, float, float, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line.strip())
        if not match:
            raise BadInputError(f"not a timed Whisper line: {line.strip()[:60]!r}", line=number)
        g = match.groups()
        timed.append((number, _seconds(*g[:4]), _seconds(*g[4:8]), g[8]))
    return _record(timed, name)


def _record(timed: Sequence[tuple[int, float, float, str]], name: str) -> Record:
    """The record of timed lines (line number, start, end, text), one segment and cue
    each; id, date and title from the file name. Raises ``BadInputError`` naming a line
    that ends before it starts."""
    segments: list[Segment] = []
    cues: list[Cue] = []
    for number, start, end, said in timed:
        if end < start:
            raise BadInputError(
                f"line {number}: ends at {end:g} s, before it starts at {start:g} s", line=number
            )
        segments.append(Segment(start, end, said))
        cues.append(Cue.from_text(start, end, decode_cue_text(said)))
    video_id, published, title = _from_name(name)
    return timed_record(
        cues, segments, video_id=video_id, title=title, publish_date=published, rolling=False
    )


_TSV_HEADER = "start\tend\ttext"


def looks_like_whisper_tsv(text: str) -> bool:
    """True if the text starts with Whisper's TSV header ``start, end, text``."""
    return text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r") == _TSV_HEADER


def parse_whisper_tsv(text: str, *, name: str) -> Record:
    """Parse Whisper's TSV output (times in whole milliseconds); id, date and title come
    from the file name. Raises ``BadInputError`` naming a line that is not
    ``START<TAB>END<TAB>TEXT``."""
    timed: list[tuple[int, float, float, str]] = []
    lines = text.lstrip("\ufeff").splitlines()[1:]
    for number, line in enumerate(lines, start=2):
        if not line.strip():
            continue
        parts = line.split("\t", 2)
        if len(parts) != 3 or not (parts[0].isdigit() and parts[1].isdigit()):
            raise BadInputError(
                f"not a Whisper TSV line (START<TAB>END<TAB>TEXT, times in milliseconds): "
                f"{line.strip()[:60]!r}",
                line=number,
            )
        timed.append((number, int(parts[0]) / 1000, int(parts[1]) / 1000, parts[2]))
    return _record(timed, name)
