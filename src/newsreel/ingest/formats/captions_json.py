"""Timed captions as JSON: youtube-transcript-api lists, the BBC-corpus
``{videoId, segments:[{start,dur,text}]}`` shape, Whisper output and YouTube json3."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsreel.errors import BadInputError, NewsreelError
from newsreel.ingest.formats.metadata import clean_field, parse_date
from newsreel.ingest.formats.timed import (
    decode_cue_text,
    optional_seconds,
    seconds,
    span,
    timed_record,
)
from newsreel.models import Record, Segment
from newsreel.repair.rolling import Cue

_ID_KEYS = ("videoId", "video_id", "id")
_TITLE_KEYS = ("title", "video_title")
_DATE_KEYS = ("publishedAt", "publish_date", "upload_date", "published", "date")
_CHANNEL_KEYS = ("channel", "channel_name", "uploader", "author")
_LANG_KEYS = ("language", "lang", "language_code")


class NotATranscriptError(NewsreelError):
    """The file is readable but is something else (e.g. a manifest); skip it."""


def _first(data: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = data.get(key)
        if value not in (None, ""):
            return value
    return None


def _segments_from_items(items: list[Any]) -> list[Segment]:
    segments = []
    for i, item in enumerate(items, start=1):  # counted from 1, as cues, rows and lines
        where = f"segment {i}"
        if not isinstance(item, Mapping) or "text" not in item or "start" not in item:
            raise BadInputError(f"{where} is not an object with 'text' and 'start'", locator=where)
        start = seconds(item["start"], "start", where)
        if "end" in item:
            end = seconds(item["end"], "end", where)
        elif "dur" in item or "duration" in item:
            end = start + seconds(item.get("dur", item.get("duration")), "duration", where)
        else:  # no end said: it lasts until the next starts (not no time at all)
            end = max(start, _next_start(items, i))
        span(start, end, where)
        segments.append(Segment(start, end, str(item["text"])))
    return segments


def _whisper_cue(item: Mapping[str, Any], segment: Segment, where: str) -> Cue:
    """A segment's cue, with each word's own start and end where Whisper gave word
    timestamps (``words: [{word, start, end}]``, ``--word_timestamps True``) that spell
    the segment's text; else the words are spread over the segment."""
    text = decode_cue_text(segment.text)
    given = item.get("words")
    if not isinstance(given, list) or not given:
        return Cue.from_text(segment.start, segment.end, text)
    if not all(isinstance(w, Mapping) and "word" in w and "start" in w for w in given):
        raise BadInputError(f"{where}: 'words' is not a list of {{word, start}}", locator=where)
    heard = [decode_cue_text(str(w["word"])).strip() for w in given]
    words = text.split()
    if [h for h in heard if h] != words:
        return Cue.from_text(segment.start, segment.end, text)  # they spell another text
    times = [
        min(max(seconds(w["start"], "a word's start", where), segment.start), segment.end)
        for w, h in zip(given, heard, strict=True)
        if h
    ]
    ends = [  # a word's own end, where Whisper gave one (silence after it stays silence)
        min(max(seconds(w["end"], "a word's end", where), start), segment.end)
        if w.get("end") is not None
        else None
        for (w, h), start in zip(
            ((w, h) for w, h in zip(given, heard, strict=True) if h), times, strict=True
        )
    ]
    return Cue(segment.start, segment.end, tuple(words), tuple(times), tuple(ends))


def _next_start(items: list[Any], i: int) -> float:
    """The start of the item after item ``i`` (counted from 1), if it says a number."""
    nxt = items[i] if i < len(items) else None
    value = nxt.get("start") if isinstance(nxt, Mapping) else None
    if not isinstance(value, int | float) or isinstance(value, bool):
        return 0.0
    try:  # its own checks come when it is read: here a bad one says nothing
        return seconds(value, "start", f"segment {i + 1}")
    except BadInputError:
        return 0.0


def _json3_pieces(event: Mapping[str, Any], where: str) -> list[Mapping[str, Any]]:
    pieces = event["segs"] or []
    if not isinstance(pieces, list) or not all(isinstance(p, Mapping) for p in pieces):
        raise BadInputError(f"{where}: 'segs' is not a list of objects", locator=where)
    return pieces


def _segments_from_json3(events: list[Any]) -> tuple[list[Segment], list[Cue]]:
    segments, cues = [], []
    for index, event in enumerate(events):
        if not isinstance(event, Mapping) or "segs" not in event:
            continue
        where = f"event {index}"
        if "tStartMs" not in event and any(
            str(p.get("utf8", "")).strip() for p in _json3_pieces(event, where)
        ):
            raise BadInputError(
                f"{where} has words but no 'tStartMs' (when they start)", locator=where
            )
        start = seconds(event.get("tStartMs", 0), "tStartMs", where) / 1000
        end = start + seconds(event.get("dDurationMs", 0), "dDurationMs", where) / 1000
        pieces = _json3_pieces(event, where)
        words: list[str] = []
        times: list[float | None] = []
        for seg in pieces:
            piece = decode_cue_text(str(seg.get("utf8", "")))
            offset = seg.get("tOffsetMs")
            at = start + seconds(offset, "tOffsetMs", where) / 1000 if offset is not None else None
            for n, word in enumerate(piece.split()):
                words.append(word)
                times.append(at if n == 0 else None)
        text = "".join(str(seg.get("utf8", "")) for seg in pieces)
        if words:
            span(start, end, where)
            segments.append(Segment(start, end, text))
            cues.append(Cue(start, end, tuple(words), tuple(times)))
    return segments, cues


def _whisper(data: Mapping[str, Any]) -> bool:
    """Whether an object of segments is Whisper's output, which never rolls: its segments
    carry Whisper's own fields ("seek", "tokens", "avg_logprob", "words"), or they end
    ("end", not a YouTube "dur") under the language Whisper detected. Captions fetched
    from YouTube in the same shape ("start", "dur") may roll."""
    first = next((s for s in data["segments"] if isinstance(s, Mapping)), {})
    own = any(k in first for k in ("seek", "tokens", "avg_logprob", "no_speech_prob", "words"))
    ended = "end" in first and not {"dur", "duration"} & first.keys()
    return own or (ended and "language" in data)


def parse_caption_json(
    data: Any,
    *,
    fallback_id: str | None,
    fallback_language: str | None = None,
    fallback_title: str | None = None,
) -> Record:
    """Parse decoded JSON of timed captions; the fallbacks come from the file name
    (yt-dlp's "Title [ID].en.json3"), used where the JSON names none."""
    meta: Mapping[str, Any] = {}
    rolling: bool | None = None  # found from the cues, but Whisper's never roll
    if isinstance(data, list):
        segments = _segments_from_items(data)
        cues = [Cue.from_text(s.start, s.end, decode_cue_text(s.text)) for s in segments]
    elif isinstance(data, Mapping) and isinstance(data.get("events"), list):
        meta = data
        segments, cues = _segments_from_json3(data["events"])
    elif isinstance(data, Mapping) and isinstance(data.get("segments"), list):
        meta, rolling = data, False if _whisper(data) else None
        segments = _segments_from_items(data["segments"])
        cues = [
            _whisper_cue(item, segment, f"segment {i}")
            for i, (item, segment) in enumerate(
                zip(data["segments"], segments, strict=True), start=1
            )
        ]
    elif isinstance(data, Mapping) and isinstance(data.get("videos"), list):
        raise NotATranscriptError("a manifest listing videos, not a transcript")
    else:
        raise BadInputError(
            "JSON is not a caption format Newsreel knows: expected a list of "
            "{text, start, duration}, an object with 'segments', or YouTube json3 'events'"
        )
    video_id = clean_field(str(_first(meta, _ID_KEYS) or "")) or fallback_id
    if not video_id:
        raise BadInputError("the captions name no video id and the file name holds none")
    extra: dict[str, Any] = {}
    try:
        published = parse_date(str(_first(meta, _DATE_KEYS) or ""))
    except ValueError as exc:
        published, extra["publish_date_error"] = None, str(exc)
    duration = _first(meta, ("durationSeconds", "duration"))
    title = _first(meta, _TITLE_KEYS) or fallback_title
    channel = _first(meta, _CHANNEL_KEYS)
    language = _first(meta, _LANG_KEYS) or fallback_language
    return timed_record(
        cues,
        segments,
        video_id=video_id,
        title=clean_field(str(title)) if title else None,
        channel=clean_field(str(channel)) if channel else None,
        language=clean_field(str(language)) if language else None,
        publish_date=published,
        duration_seconds=optional_seconds(duration) if isinstance(duration, int | float) else None,
        extra=extra,
        rolling=rolling,
    )
