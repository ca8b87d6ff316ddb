"""Build a ``Record`` from timed cues, shared by every timed-caption format."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import Any

from newsreel.errors import BadInputError
from newsreel.ingest.formats.metadata import fill_channel, normalize_text
from newsreel.models import Record, Segment
from newsreel.repair.rolling import Cue, merge_cues


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
) -> Record:
    """Merge cues (rolling repeats removed) into a record that keeps every segment."""
    words = merge_cues(cues)
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
    )
