"""The seed record format: ``<video_id>``, ``<video_title>``, ``<thumbnail_path>``,
``<publish_date>`` and ``<doc>`` tags, in any order, any of the metadata optional."""

from __future__ import annotations

import re

from newsreel.errors import BadInputError
from newsreel.ingest.formats.metadata import (
    clean_field,
    fill_channel,
    normalize_text,
    parse_date,
    synthetic_id,
)
from newsreel.ingest.formats.provenance import given_channel
from newsreel.models import Record
from newsreel.repair.rolling import unrepeated_text

_KNOWN = ("video_id", "video_title", "thumbnail_path", "publish_date", "channel", "language")
_TAG = re.compile(r"<(" + "|".join(_KNOWN) + r")\s*>(.*?)</\1\s*>", re.S | re.I)
_OPEN = re.compile(r"<(" + "|".join(_KNOWN) + r")\s*>", re.I)
_DOC_OPEN = re.compile(r"<doc\s*>", re.I)
_DOC_CLOSE = re.compile(r"</doc\s*>", re.I)


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


_VIDEO_ID = re.compile(r"<video_id\s*>", re.I)


def _one_record(text: str) -> None:
    """Raise ``BadInputError`` for a file of several records (two <video_id> tags, each
    with a <doc>): read as one, the second would become words of the first."""
    ids = list(_VIDEO_ID.finditer(text))
    docs = list(_DOC_OPEN.finditer(text))
    if len(ids) > 1 and len(docs) > 1:
        lines = ", ".join(str(_line(text, m.start())) for m in ids[:5])
        raise BadInputError(
            f"the file holds {len(ids)} records (<video_id> on lines {lines}); a record "
            "file holds one: split it into one file per record",
            line=_line(text, ids[1].start()),
        )


_SRT_START = re.compile(r"^\s*\d+\s*\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")


def _looks_like(text: str) -> str:
    """What a text that is no record looks like, as a hint to rename it: captions or a
    table saved under a name that says another format ("captions.txt")."""
    head = text.lstrip("\ufeff \n\r\t")[:400]
    if head.startswith("WEBVTT"):
        kind = "WebVTT captions: name it .vtt"
    elif _SRT_START.match(head):
        kind = "SRT captions: name it .srt"
    elif head.startswith(("{", "[")):
        kind = "JSON: name it .json (or .jsonl, one object a line)"
    elif head.count(",") >= 2 and "\n" in head and head.split("\n")[0].count(",") >= 1:
        kind = "a CSV table: name it .csv"
    else:
        return ""
    return f"; it looks like {kind}"


def _doc_span(text: str) -> tuple[int, int, int, int]:
    """Return (open start, body start, body end, close end) of the <doc> element."""
    opening = _DOC_OPEN.search(text)
    if not opening:
        if _OPEN.search(text):
            raise BadInputError("the record has no <doc> element holding the transcript")
        raise BadInputError(
            "not a Newsreel record: no <video_id> or <doc> tag found" + _looks_like(text), line=1
        )
    closes = list(_DOC_CLOSE.finditer(text, opening.end()))
    if not closes:
        raise BadInputError(
            f"the file looks truncated: <doc> opened on line {_line(text, opening.start())} "
            "is never closed with </doc>",
            line=_line(text, len(text)),
        )
    close = closes[-1]
    return opening.start(), opening.end(), close.start(), close.end()


def parse_seed(text: str) -> Record:
    """Parse one seed-format record; raise ``BadInputError`` if it has no transcript or
    the file holds more than one record."""
    _one_record(text)
    open_start, body_start, body_end, close_end = _doc_span(text)
    raw_body = text[body_start:body_end].strip("\r\n")
    body = unrepeated_text(normalize_text(raw_body))  # lines saved four times over: once
    if not body:
        raise BadInputError(
            "the <doc> element is empty: there is no transcript to archive",
            line=_line(text, body_start),
        )
    outside = text[:open_start] + "\n" + text[close_end:]
    fields: dict[str, str | None] = {}
    for match in _TAG.finditer(outside):
        name = match.group(1).lower()
        fields.setdefault(name, clean_field(match.group(2), collapse=name != "thumbnail_path"))
    unclosed = [m.group(1).lower() for m in _OPEN.finditer(outside)]
    broken = [name for name in unclosed if name not in fields]
    if broken:
        raise BadInputError(f"the <{broken[0]}> tag is never closed; the file may be truncated")
    title = fields.get("video_title")
    thumbnail = fields.get("thumbnail_path")
    channel, code, language = fill_channel(fields.get("channel"), title, thumbnail)
    extra: dict[str, str] = {}
    try:
        published = parse_date(fields.get("publish_date"))
    except ValueError as exc:
        published = None
        extra["publish_date_error"] = str(exc)
    video_id = fields.get("video_id")
    return Record(
        video_id=video_id or synthetic_id(body),
        id_source="source" if video_id else "content-hash",
        text=body,
        raw_text=body if raw_body == body else raw_body,  # one object: pickled once
        title=title,
        channel=channel,
        channel_code=code,
        language=fields.get("language") or language,
        publish_date=published,
        thumbnail_path=thumbnail,
        extra=extra,
        sources=given_channel(fields.get("channel")),
    )
