"""Reading input files: find them, read their bytes, hand them to the pure parsers."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsreel.errors import BadInputError, ConfigError
from newsreel.ingest.archive_pages import forget_pages, read_archive_page
from newsreel.ingest.formats.captions_json import NotATranscriptError, parse_caption_json
from newsreel.ingest.formats.cnn import looks_like_cnn, parse_cnn
from newsreel.ingest.formats.cues import parse_caption_file
from newsreel.ingest.formats.decode import decode_bytes, load_json
from newsreel.ingest.formats.languages import normalize_language
from newsreel.ingest.formats.metadata import names_from_filename
from newsreel.ingest.formats.outlets import guess_language
from newsreel.ingest.formats.seed import parse_seed
from newsreel.ingest.formats.table import aligned, parse_table, resolve_mapping
from newsreel.ingest.formats.timedtext import parse_timed_text, parse_xml_document
from newsreel.ingest.formats.whisper_text import (
    looks_like_whisper_text,
    looks_like_whisper_tsv,
    parse_whisper_text,
    parse_whisper_tsv,
)
from newsreel.ingest.reading import DEFAULT_MAX_FILE_SIZE, checked_stat, read_regular
from newsreel.ingest.ytdlp_files import add_info, read_aside
from newsreel.models import QuarantineItem, Record, hash_and_count
from newsreel.store.base import FileResult

FORMATS = {
    ".txt": "seed",
    ".md": "markdown",
    ".json": "json",
    ".json3": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
    ".vtt": "vtt",
    ".srt": "srt",
    ".xml": "xml",  # timed text, or archive.org metadata (skipped, saying so)
    ".srv1": "timedtext",
    ".srv2": "timedtext",
    ".srv3": "timedtext",
    ".ttml": "timedtext",
    ".dfxp": "timedtext",
    ".html": "html",  # archive.org TV caption pages; other HTML is skipped
    ".htm": "html",
}
_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
TABLE_KINDS = frozenset({"csv", "tsv", "jsonl", "parquet"})


def is_table(path: Path) -> bool:
    """Whether a file is read as a table (its columns mapped by ``--map``)."""
    return FORMATS.get(path.suffix.lower()) in TABLE_KINDS


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to ingest and the collection root it was found under."""

    path: Path
    root: Path


def _canonical(given: Path) -> Path:
    """The real path of a file or folder; anything else (a dangling link, a loop, a link
    to a device) stays as named, so that the reason it is refused names it."""
    try:
        path = given.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
        return Path(os.path.abspath(given))
    return path if path.is_file() or path.is_dir() else Path(os.path.abspath(given))


def find_inputs(paths: list[Path]) -> Iterator[InputFile]:
    """Yield input files under ``paths`` (recursively, sorted, hidden entries skipped;
    a link to a folder is followed, each folder walked once, so a link loop ends).

    Nothing is opened here. Whatever is not a folder is yielded, a named pipe, a device
    or a dangling link included, so that reading it says why it cannot be read. An
    archive's full-text index folder (``*.fulltext``) is not input.

    A file named twice (``a.txt ./a.txt``, or inside a folder also named) is yielded
    once. Raises ``ConfigError`` (a bad argument) if a path does not exist.
    """
    seen: set[Path] = set()
    for given in paths:
        if not os.path.lexists(given):
            raise ConfigError(f"{given}: no such file or folder")
        path = _canonical(given)
        if not path.is_dir():
            if path not in seen:
                seen.add(path)
                yield InputFile(path, path.parent)
            continue
        visited = {os.path.realpath(path)}
        for folder, dirs, names in os.walk(path, followlinks=True):
            dirs[:] = sorted(
                d
                for d in dirs
                if not d.startswith(".")
                and not d.endswith(".fulltext")
                and _first_visit(os.path.join(folder, d), visited)
            )
            for name in sorted(names):
                found = Path(folder) / name
                if not name.startswith(".") and found not in seen:
                    seen.add(found)
                    yield InputFile(found, path)


def _first_visit(folder: str, visited: set[str]) -> bool:
    """Whether a folder (a link to one followed) is new to this walk: a link back up the
    tree ("self -> ..") or to a folder read already is walked once."""
    real = os.path.realpath(folder)
    if real in visited:
        return False
    visited.add(real)
    return True


@lru_cache(maxsize=1024)
def _listing(folder: str) -> frozenset[str]:
    """Names in a folder (cached: a collection has thousands of records per folder)."""
    try:
        return frozenset(os.listdir(folder))
    except OSError:
        return frozenset()


def _relative_parts(path: str | None) -> tuple[str, ...]:
    """A relative path's parts, with either separator ("en_DW\\x.jpg"); () for none, an
    absolute or drive path ("/x", "C:x", "\\\\server\\share") or one that climbs ("..")."""
    if not path or path[0] in "/\\" or path[1:2] == ":":
        return ()
    parts = tuple(p for p in re.split(r"[\\/]", path) if p not in ("", "."))
    return () if ".." in parts else parts


def _thumbnail(record: Record, source: InputFile) -> str | None:
    """Find the record's thumbnail image beside the collection root, if present."""
    path = str(source.path)  # string work: pathlib costs more than the lookups here
    here = os.path.dirname(path) or "."
    candidates: list[tuple[str, tuple[str, ...]]] = []
    if parts := _relative_parts(record.thumbnail_path):
        root = str(source.root)
        for base in (root, os.path.dirname(root) or ".", here):
            candidates.append((base, parts))
        candidates.append((here, parts[-1:]))
    stem = source.path.stem
    candidates += [(here, (stem + suffix,)) for suffix in _IMAGE_SUFFIXES]
    for base, parts in candidates:
        if parts[0] not in _listing(base):  # cheap: most collections have no images
            continue
        candidate = os.path.join(base, *parts)
        if os.path.isfile(candidate):
            real = os.path.realpath(candidate)
            return real if _an_image_within(real, (str(source.root), here)) else None
    return None


def _an_image_within(real: str, folders: tuple[str, ...]) -> bool:
    """Whether a thumbnail's real path is an image inside one of these folders or their
    parents (the collection root): a link out to /etc/passwd is no thumbnail."""
    if os.path.splitext(real)[1].lower() not in _IMAGE_SUFFIXES:
        return False
    for folder in folders:
        top = os.path.dirname(os.path.realpath(folder))
        if top != os.path.dirname(top) and os.path.commonpath([top, real]) == top:
            return True
    return False


def forget_listings() -> None:
    """Drop cached folder listings (call at the start of every run)."""
    _listing.cache_clear()
    forget_pages()


def _parse_table(
    kind: str, data: bytes, mapping: Mapping[str, str], name: str
) -> Iterator[Record | BadInputError]:
    if kind == "parquet":
        yield from _parse_parquet(data, mapping, name)
        return
    text = decode_bytes(data)
    if kind == "jsonl":
        rows: list[dict[str, Any]] = []
        numbers: list[int] = []  # each row's line: blank and broken lines are no rows
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = load_json(line)
            except BadInputError as exc:  # the line's own "line 1 column 7" is column 7
                reason = exc.reason.replace(" line 1 column ", " column ")
                yield BadInputError(reason, line=n, locator=f"line {n}")
                continue
            if not isinstance(row, dict):
                yield BadInputError("a JSONL line must hold an object", line=n, locator=f"line {n}")
                continue
            rows.append(row)
            numbers.append(n)
        if rows:
            columns = list(dict.fromkeys(k for row in rows for k in row))
            rows = aligned(rows, columns, mapping)  # "transcript" here, "text" there
            yield from parse_table(rows, columns, mapping, lines=numbers)
        return
    csv.field_size_limit(sys.maxsize)
    delimiter = "\t" if kind == "tsv" else _delimiter(text)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    read = _RowStarts(reader)
    try:
        columns = list(reader.fieldnames or [])
        yield from parse_table(read, columns, mapping)
    except csv.Error as exc:
        raise BadInputError(_csv_problem(exc, read), line=read.line) from None


def _delimiter(text: str) -> str:
    """A CSV's delimiter: a comma, or a semicolon or tab where the header has no comma
    but holds those (European spreadsheets save "video_id;title;transcript")."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    if "," in header:
        return ","
    return max((";", "\t"), key=header.count) if (";" in header or "\t" in header) else ","


class _RowStarts:
    """A CSV reader's rows, remembering the line on which the row being read starts
    (a quote left open runs to the end of the file; the error names where it opened)."""

    def __init__(self, reader: csv.DictReader[str]) -> None:
        self.reader = reader
        self.line = 1

    def __iter__(self) -> Iterator[dict[str, str]]:
        while True:
            self.line = self.reader.line_num + 1
            try:
                yield next(self.reader)
            except StopIteration:
                return


def _csv_problem(exc: csv.Error, rows: _RowStarts) -> str:
    """The message for a CSV the reader cannot read."""
    if "unexpected end of data" in str(exc):
        return (
            f"malformed CSV: a quoted field opened on line {rows.line} is never closed "
            "(the rest of the file would be read as one field)"
        )
    return f"malformed CSV on line {rows.line} ({exc})"


def _parse_parquet(
    data: bytes, mapping: Mapping[str, str], name: str
) -> Iterator[Record | BadInputError]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(pa.BufferReader(data))
    except (pa.ArrowException, OSError) as exc:
        raise BadInputError(f"not a readable Parquet file ({exc})") from None
    columns = parquet.schema_arrow.names
    resolve_mapping(columns, mapping)  # a wrong --map fails before any row is read
    first = 1
    for batch in parquet.iter_batches(batch_size=1000):
        rows = batch.to_pylist()
        yield from parse_table(rows, columns, mapping, first_row=first)
        first += len(rows)


def parse_bytes(
    kind: str, data: bytes, name: str, mapping: Mapping[str, str]
) -> Iterator[Record | BadInputError]:
    """Parse a file's bytes in the given format; yields records or per-item errors."""
    if kind == "tsv" and looks_like_whisper_tsv(data[:64].decode("utf-8", "replace")):
        yield parse_whisper_tsv(decode_bytes(data), name=name)
        return
    if kind in TABLE_KINDS:
        yield from _parse_table(kind, data, mapping, name)
        return
    text = decode_bytes(data)
    if kind in ("seed", "markdown") and looks_like_whisper_text(text):
        yield parse_whisper_text(text, name=name)
    elif kind == "markdown":
        raise NotATranscriptError("a Markdown document, not a transcript")
    elif kind == "seed":
        yield parse_seed(text)
    elif kind in ("vtt", "srt"):
        yield parse_caption_file(text, kind=kind, name=name)
    elif kind == "timedtext":
        yield parse_timed_text(text, name=name)
    elif kind == "xml":
        yield parse_xml_document(text, name=name)
    else:
        decoded = load_json(text)
        if (
            isinstance(decoded, list)
            and decoded
            and isinstance(decoded[0], dict)
            and ("start" not in decoded[0])
        ):
            columns = list(
                dict.fromkeys(k for row in decoded if isinstance(row, dict) for k in row)
            )
            yield from parse_table(decoded, columns, mapping)
        elif looks_like_cnn(decoded):
            yield parse_cnn(decoded)
        else:
            video_id, language, title = names_from_filename(name)
            yield parse_caption_json(
                decoded, fallback_id=video_id, fallback_language=language, fallback_title=title
            )


def _refused(path: Path, error: BadInputError) -> FileResult:
    """A file refused before it was opened: a pipe, a device, a link to nothing."""
    try:
        info = os.lstat(path)
        size, mtime_ns = info.st_size, info.st_mtime_ns
    except OSError:
        size, mtime_ns = 0, 0
    result = FileResult(str(path), "", size, mtime_ns, None, b"")
    result.failures.append(_quarantine(str(path), error))
    return result


def read_input(
    source: InputFile, mapping: Mapping[str, str], max_size: int = DEFAULT_MAX_FILE_SIZE
) -> FileResult:
    """Read, hash and parse one file; every failure becomes a quarantine item.

    Only regular files are opened, and only those of at most ``max_size`` bytes.
    """
    path = source.path
    try:
        stat = checked_stat(path, sys.maxsize)  # what it is; its size matters if it is read
    except BadInputError as exc:
        return _refused(path, exc)
    if (aside := read_aside(path, FORMATS, _listing, max_size)) is not None:
        return aside  # yt-dlp's info JSON, collect's own files
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        result = FileResult(str(path), "", stat.st_size, stat.st_mtime_ns, None, b"")
        result.skipped = f"not a transcript format ({path.suffix or 'no extension'})"
        return result
    try:
        data = read_regular(path, max_size)
    except BadInputError as exc:
        result = FileResult(str(path), "", stat.st_size, stat.st_mtime_ns, kind, b"")
        result.failures.append(_quarantine(str(path), exc))
        return result
    sha = hashlib.sha256(data).hexdigest()
    result = FileResult(str(path), sha, len(data), stat.st_mtime_ns, kind, data)
    try:
        items = (
            read_archive_page(path, source.root, data)
            if kind == "html"
            else parse_bytes(kind, data, path.name, mapping)
        )
        for item in items:
            if isinstance(item, BadInputError):
                result.failures.append(_quarantine(str(path), item))
            else:
                item.thumbnail_file = _thumbnail(item, source)
                add_info(item, path, _listing)
                item.language = normalize_language(item.language)
                if item.language is None and (guess := guess_language(item.text)):
                    item.language = guess
                    item.extra["language_source"] = "guessed from the transcript"
                item.content_sha256, item.words = hash_and_count(item)
                result.records.append(item)
        _splice(result, kind)
    except NotATranscriptError as exc:
        result.skipped = str(exc)
    except BadInputError as exc:
        result.failures.append(_quarantine(str(path), exc))
    except (
        ValueError,
        TypeError,
        LookupError,
        AttributeError,
        ArithmeticError,
        RecursionError,
    ) as exc:
        # A parser's own bug must not end the run: the file is quarantined, naming it.
        reason = f"unreadable {kind} input ({type(exc).__name__}: {exc})"
        result.failures.append(QuarantineItem(str(path), None, reason[:500]))
    return result


def _splice(result: FileResult, kind: str) -> None:
    """Cut a seed record's verbatim transcript out of the bytes kept (it is stored once)."""
    if kind != "seed" or len(result.records) != 1 or result.failures:
        return
    record = result.records[0]
    if record.raw_text != record.text:
        return
    text = record.text.encode("utf-8")
    at = result.raw.find(text)
    if at >= 0:
        result.raw = result.raw[:at] + result.raw[at + len(text) :]
        result.splice = at


def _quarantine(path: str, error: BadInputError) -> QuarantineItem:
    return QuarantineItem(path, error.locator, error.reason, error.line, error.byte)
