"""Rows of a CSV, JSONL or Parquet table, mapped onto record fields by column name.

``parse_table`` first knows tables by their shape: archive.org TV News rows
(``archive_org``) and lists of ids alone (not transcripts).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from newsreel.errors import BadInputError, ConfigError
from newsreel.ingest.formats.archive_org import is_archive_table, parse_archive_rows
from newsreel.ingest.formats.captions_json import NotATranscriptError, parse_caption_json
from newsreel.ingest.formats.decode import load_json
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

FIELDS = (
    "video_id",
    "title",
    "transcript",
    "publish_date",
    "channel",
    "language",
    "thumbnail_path",
    "segments",
)
# Column names seen in real collections, matched case-insensitively, '_'/' ' ignored.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "video_id": ("video_id", "videoid", "id", "vid", "youtube_id", "yt_id"),
    "title": ("title", "video_title", "name", "headline"),
    "transcript": ("transcript", "text", "doc", "captions", "caption", "transcription"),
    "publish_date": (
        "publish_date",
        "published_at",
        "publishedat",
        "date",
        "upload_date",
        "published",
    ),
    "channel": ("channel", "channel_name", "outlet", "source", "publisher", "uploader"),
    "language": ("language", "lang", "language_code"),
    "thumbnail_path": ("thumbnail_path", "thumbnail"),
    "segments": ("segments",),
}


def _fold(name: str) -> str:
    return name.casefold().replace("_", "").replace(" ", "").replace("-", "")


def check_mapping(mapping: Mapping[str, str]) -> None:
    """Raise ``ConfigError`` if a mapping names a field records do not have."""
    for field in mapping:
        if field not in FIELDS:
            raise ConfigError(
                f"unknown field {field!r} in the column mapping; known fields: {', '.join(FIELDS)}"
            )


def resolve_mapping(columns: Iterable[str], overrides: Mapping[str, str]) -> dict[str, str]:
    """Map record fields to the table's columns: explicit overrides, then synonyms.

    Raises ``ConfigError`` for an unknown field, ``BadInputError`` for a missing column.
    """
    columns = list(columns)
    check_mapping(overrides)
    mapping: dict[str, str] = {}
    for field, column in overrides.items():
        if column not in columns:
            raise BadInputError(
                f"--map {field}={column}: the table has no column {column!r}; "
                f"its columns are: {', '.join(columns)}"
            )
        mapping[field] = column
    folded = {_fold(c): c for c in columns}
    for field, names in SYNONYMS.items():
        if field in mapping:
            continue
        for name in names:
            if _fold(name) in folded and folded[_fold(name)] not in mapping.values():
                mapping[field] = folded[_fold(name)]
                break
    return mapping


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from pandas/pyarrow
        return None
    return str(value)


def _unguarded(value: Any) -> Any:
    """A cell without the "'" a CSV export's spreadsheet guard put before a leading "-",
    "=", "+", "@", tab or carriage return ("'-0qOzx3URO4", "'=HYPERLINK(...)", "'+972
    News"): read back, the value is what the archive held."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in "-=+@\t\r":
        return value[1:]
    return value


def aligned(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], overrides: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Rows whose keys differ (JSON Lines: one row's text under "transcript", another's
    under "text" or "captions", all names of one field) with each field's value also
    under the column the whole table's mapping reads it from (a field ``--map`` names
    is read from that column only)."""
    whole = resolve_mapping(columns, overrides)
    out = []
    for row in rows:
        present = {f: c for f, c in overrides.items() if c in row}  # --map: as told
        own = resolve_mapping(row, present) if set(row) != set(columns) else whole
        renamed = {
            c: whole[f]
            for f, c in own.items()
            if f in whole and f not in overrides and whole[f] != c and whole[f] not in row
        }
        out.append({renamed.get(k, k): v for k, v in row.items()} if renamed else row)
    return out


def parse_row(row: Mapping[str, Any], mapping: Mapping[str, str], locator: str) -> Record:
    """Turn one table row into a record; raise ``BadInputError`` naming the row."""
    if None in row:  # csv.DictReader keeps the cells past the header's under None
        cells = len(row) - 1 + len(row[None] or ())  # type: ignore[index]
        raise BadInputError(
            f"the row has {cells} cells and the header {len(row) - 1} (a comma inside a "
            "field that is not quoted?); quote the field or fix the row",
            locator=locator,
        )
    get = {field: _unguarded(row.get(column)) for field, column in mapping.items()}
    video_id = clean_field(_text(get.get("video_id")))
    segments = get.get("segments")
    if isinstance(segments, list | tuple):
        record = parse_caption_json(list(segments), fallback_id=video_id or None)
    elif segments is not None and not isinstance(segments, str | float):
        kind = type(segments).__name__
        raise BadInputError(f"the segments column holds a {kind}, not a list of segments")
    elif isinstance(segments, str) and segments.strip().startswith("["):
        try:
            decoded = load_json(segments)
        except BadInputError as exc:
            raise BadInputError(f"the segments column: {exc.reason}") from None
        record = parse_caption_json(decoded, fallback_id=video_id or None)
    else:
        raw = _text(get.get("transcript"))
        if raw is None or not normalize_text(raw):
            raise BadInputError("the transcript column is empty", locator=locator)
        text = unrepeated_text(normalize_text(raw))  # lines saved four times over: once
        record = Record(
            video_id=video_id or synthetic_id(text),
            id_source="source" if video_id else "content-hash",
            text=text,
            raw_text=raw,
        )
    title = clean_field(_text(get.get("title")))
    thumbnail = clean_field(_text(get.get("thumbnail_path")), collapse=False)
    given = clean_field(_text(get.get("channel")))
    channel, code, language = fill_channel(given, title, thumbnail)
    record.sources.update(given_channel(given))
    record.title = title or record.title
    record.thumbnail_path = thumbnail
    record.channel = channel or record.channel
    record.channel_code = code
    record.language = clean_field(_text(get.get("language"))) or language or record.language
    try:
        record.publish_date = parse_date(_text(get.get("publish_date"))) or record.publish_date
    except ValueError as exc:
        record.extra["publish_date_error"] = str(exc)
    _other_columns(record, row, set(mapping.values()))
    record.locator = locator
    return record


def _other_columns(record: Record, row: Mapping[str, Any], used: set[str]) -> None:
    """The row's columns no field was mapped to, into ``record``: its length, an
    export's outlet code, the rest as extra fields."""
    export = row.keys() >= _EXPORT_MARKS  # a Newsreel export read back: what the archive
    if export:  # made (versions, hashes, the repaired text) is no source field
        used = used | _DERIVED
    for column, value in row.items():
        if column in used or not (_text(value) or "").strip():
            continue
        value = _unguarded(value)
        if export and column == "channel_code":
            record.channel_code = record.channel_code or str(value)  # "DW" of the archive
            continue
        if _fold(column) in _DURATION and (seconds := _duration(value)) is not None:
            record.duration_seconds = seconds  # an export's column read back as it was
            continue
        if export and column == "extra" and isinstance(kept := _json_object(value), dict):
            record.extra.update(kept)  # a wide export's extra fields, in one JSON column
            continue
        name = column.removeprefix(_EXTRA) if export else column  # "extra.X" is X again
        record.extra[name] = value if isinstance(value, int | float | bool) else str(value)


def _json_object(value: Any) -> dict[str, Any] | None:
    """A JSON object written as text (an export's ``extra`` column), else None."""
    if isinstance(value, dict):
        return value
    try:
        found = json.loads(str(value))
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


_DURATION = frozenset({"durationseconds", "duration"})  # a video's length, in seconds


def _duration(value: Any) -> float | None:
    """A duration cell's seconds (a number ≥ 0), else None (kept as an extra field)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and number >= 0 else None


# columns a Newsreel export adds from the archive: read back, they are not kept in extra
_DERIVED = frozenset(
    "thumbnail_file id_source version versions words timed content_sha256 source_path "
    "source_format source_locator ingested_at repaired".split()
)
_EXPORT_MARKS = frozenset({"content_sha256", "ingested_at"})
_EXTRA = "extra."  # an export's column for a key of a video's extra fields


def parse_rows(
    rows: Iterable[Mapping[str, Any]],
    mapping: Mapping[str, str],
    *,
    first_row: int = 1,
    lines: Sequence[int] = (),
) -> Iterator[Record | BadInputError]:
    """Parse rows; yield a record or the error for each, so one bad row stops nothing.
    Each is located by its row number, or by its line in the file where ``lines`` has
    them (JSON Lines, whose blank and broken lines are no rows)."""
    if "transcript" not in mapping and "segments" not in mapping:
        raise BadInputError(
            "the table has no transcript column; name it with --map transcript=COLUMN"
        )
    run: list[Record] = []  # consecutive rows of one video, joined when the run ends
    for n, row in enumerate(rows, start=first_row):
        locator = f"line {lines[n - first_row]}" if lines else f"row {n}"
        try:
            record = parse_row(row, mapping, locator)
        except BadInputError as exc:
            named = _text(row.get(mapping["video_id"])) if "video_id" in mapping else None
            named = (named or "").strip()
            exc.locator = f"{locator}, video {named}" if named else locator
            if run:  # rows stay in order: what came before is done
                yield _joined(run)
                run = []
            yield exc
            continue
        if run and not _continues(run[-1], record):
            yield _joined(run)
            run = []
        run.append(record)
    if run:
        yield _joined(run)


def _continues(held: Record, record: Record) -> bool:
    """Whether a row goes on the video of the row before: the same video id from the
    source, both plain text (a table of caption lines, one per row), under one title."""
    return (
        record.id_source == "source"
        and held.id_source == "source"
        and record.video_id == held.video_id
        and not held.segments
        and not record.segments
        and (held.title is None or record.title is None or held.title == record.title)
    )  # rows of one id under two titles are two versions, not one video's lines


def _joined(run: Sequence[Record]) -> Record:
    """One video's record from consecutive rows (one row: that row's record): texts
    joined in row order, the raw text line by line, metadata from the first row that
    has it, the locator naming the rows."""
    first = run[0]
    if len(run) == 1:
        return first
    first.text = " ".join(r.text for r in run)
    first.raw_text = "\n".join(r.raw_text for r in run)
    for name in ("title", "channel", "channel_code", "language", "publish_date", "thumbnail_path"):
        if getattr(first, name) is None:
            setattr(
                first, name, next((v for r in run if (v := getattr(r, name)) is not None), None)
            )
    last = (run[-1].locator or "").removeprefix("row ")
    first.locator = f"rows {(first.locator or '').removeprefix('row ')}-{last}"
    return first


# Columns that only name a video: a table of nothing else is a list of ids to fetch.
_ID_COLUMNS = frozenset(_fold(n) for n in (*SYNONYMS["video_id"], "identifier", "url"))


def parse_table(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    overrides: Mapping[str, str],
    *,
    first_row: int = 1,
    lines: Sequence[int] = (),
) -> Iterator[Record | BadInputError]:
    """Parse a table by its shape: archive.org TV News rows, else mapped columns
    (``lines``: each row's line in the file, for JSON Lines).

    A table of ids alone (archive.org's ``search.csv``) raises ``NotATranscriptError``.
    """
    if not overrides and is_archive_table(columns):
        yield from parse_archive_rows(rows, first_row=first_row)
        return
    mapping = resolve_mapping(columns, overrides)
    if "transcript" not in mapping and "segments" not in mapping and _ids_only(columns):
        noun = "show ids" if "identifier" in {_fold(c) for c in columns} else "video ids"
        count = sum(1 for _ in rows)
        raise NotATranscriptError(f"not a transcript table (a list of {count} {noun})")
    yield from parse_rows(rows, mapping, first_row=first_row, lines=lines)


def _ids_only(columns: Sequence[str]) -> bool:
    return bool(columns) and all(_fold(c) in _ID_COLUMNS for c in columns)
