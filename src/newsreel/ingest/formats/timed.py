"""Build a ``Record`` from timed cues, shared by every timed-caption format."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from datetime import date
from typing import Any

from newsreel.errors import BadInputError
from newsreel.ingest.formats.metadata import fill_channel, normalize_text
from newsreel.ingest.formats.provenance import given_channel
from newsreel.models import Record, Segment
from newsreel.repair.rolling import Cue, merge_cues


def seconds(value: Any, what: str, where: str) -> float:
    """``value`` as a number of seconds (a JSON number or a numeric string); raise
    ``BadInputError`` naming ``where`` unless it is finite and 0 or more.

    A NaN would be stored as NULL and an infinity would sort after every time, so both
    are refused here, with negative times, rather than in the archive.
    """
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        problem = "is missing" if value is None else f"is not a number ({type(value).__name__})"
    else:
        number: float | None
        try:
            number = float(value)
        except OverflowError:  # an integer beyond 1e308
            number = -math.inf if isinstance(value, int) and value < 0 else math.inf
        except ValueError:
            number = None
        if number is None:
            problem = f"is not a number ({str(value)[:40]!r})"
        elif math.isnan(number):
            problem = "is NaN"
        elif math.isinf(number):
            problem = "is infinite" if number > 0 else "is negative (-infinity)"
        elif number < 0:
            problem = f"is negative ({number:g})"
        else:
            return number
    raise BadInputError(
        f"{where}: {what} {problem}; times must be finite seconds, 0 or more", locator=where
    )


def span(start: float, end: float, where: str) -> tuple[float, float]:
    """``(start, end)`` if both are valid times and ``end`` is not before ``start``."""
    seconds(start, "start", where)
    seconds(end, "end", where)
    if end < start:
        raise BadInputError(
            f"{where}: ends at {end:g} s, before it starts at {start:g} s", locator=where
        )
    return start, end


def optional_seconds(value: Any) -> float | None:
    """A metadata duration in seconds, or None when it is not a finite number ≥ 0."""
    try:
        return seconds(value, "duration", "metadata")
    except BadInputError:
        return None


def decode_cue_text(raw: str) -> str:
    """Decode entities in a cue's text; keeps '>>' speaker marks and [Music] tags."""
    return html.unescape(raw)


def timed_record(
    cues: Sequence[Cue],
    raw_segments: Sequence[Segment],
    *,
    video_id: str,
    title: str | None = None,
    channel: str | None = None,
    language: str | None = None,
    publish_date: date | None = None,
    duration_seconds: float | None = None,
    extra: dict[str, Any] | None = None,
    rolling: bool | None = None,
) -> Record:
    """Merge cues (rolling repeats removed) into a record that keeps every segment;
    ``rolling``: whether the format can roll (None: found from the cues).

    Raises ``BadInputError`` naming the segment or cue whose time is not a finite
    number of seconds ≥ 0 (each parser checks its own first, in its own words).
    """
    for index, segment in enumerate(raw_segments):
        span(segment.start, segment.end, f"segment {index}")
    for index, cue in enumerate(cues):
        span(cue.start, cue.end, f"cue {index}")
        for time in cue.times:
            if time is not None:
                seconds(time, "a word time", f"cue {index}")
    words = merge_cues(cues, rolling=rolling)
    if not words:
        raise BadInputError("the captions contain no words: there is no transcript to archive")
    normalised = [normalize_text(w.text) for w in words]
    kept = [(text, w) for text, w in zip(normalised, words, strict=True) if text]
    channel_name, code, folder_language = fill_channel(channel, title, None)
    return Record(
        video_id=video_id,
        text=" ".join(text for text, _ in kept),
        raw_text="\n".join(s.text for s in raw_segments),
        title=title,
        channel=channel_name,
        channel_code=code,
        language=language or folder_language,
        publish_date=publish_date,
        duration_seconds=duration_seconds,
        segments=tuple(raw_segments),
        word_times=tuple((round(w.start, 3), round(w.end, 3)) for _, w in kept),
        extra=extra or {},
        sources=given_channel(channel),
    )
