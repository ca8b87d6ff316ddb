"""archive.org caption pages on disk: each page with its ``_meta.xml`` and the table
rows beside it.

notnews/archive_news_cc saves ``html/ID.html`` and ``meta/ID_meta.xml`` and joins them
into a table (``archive-out.csv``) beside the two folders. A page is read with its
metadata file; when a table in the same run already holds the show with its captions,
the page is skipped and says which row has it, so a show is archived once.
"""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from newsreel.errors import BadInputError
from newsreel.ingest.formats.archive_org import archive_meta, is_archive_table
from newsreel.ingest.formats.archive_page import page_record, read_caption_page
from newsreel.ingest.formats.captions_json import NotATranscriptError
from newsreel.ingest.formats.decode import decode_bytes
from newsreel.ingest.formats.xmldoc import parse_xml
from newsreel.ingest.reading import checked_stat, read_regular
from newsreel.models import Record

_TABLE_SUFFIXES = {".csv": ",", ".tsv": "\t"}


def read_archive_page(path: Path, root: Path, data: bytes) -> Iterator[Record]:
    """Read an archive.org caption page found under ``root``; skip any other HTML.

    Raises ``NotATranscriptError`` for a page that is not one, has no captions, or whose
    show a table in the same run holds; ``BadInputError`` for an unreadable page.
    """
    page = read_caption_page(decode_bytes(data))
    if not page.archive_org and not page.snippets:
        raise NotATranscriptError("an HTML page, not an archive.org TV caption page")
    identifier = page.identifier or path.stem
    held = _row_holding(identifier, path, root)
    if held:
        raise NotATranscriptError(f"same show as {held}")
    meta, problem = _companion_meta(identifier, path)
    record = page_record(page, identifier=identifier, meta=meta)
    if problem:
        record.extra["metadata_error"] = problem
    yield record


def _inside(folder: Path, root: Path) -> bool:
    return folder == root or root in folder.parents


def _row_holding(identifier: str, page: Path, root: Path) -> str | None:
    """'row N of NAME' for a table beside the page (or its folder) that holds the show."""
    for folder in (page.parent, page.parent.parent):
        if not _inside(folder, root):
            continue
        for name in _names(str(folder)):
            suffix = os.path.splitext(name)[1].lower()
            if suffix not in _TABLE_SUFFIXES:
                continue
            table = folder / name
            try:
                stat = checked_stat(table)  # never open a pipe or a device named .csv
            except BadInputError:
                continue
            row = _shows(str(table), stat.st_size, stat.st_mtime_ns).get(identifier)
            if row is not None:
                return f"row {row} of {name}"
    return None


@lru_cache(maxsize=256)
def _names(folder: str) -> tuple[str, ...]:
    try:
        return tuple(sorted(os.listdir(folder)))
    except OSError:
        return ()


@lru_cache(maxsize=8)
def _shows(path: str, size: int, mtime_ns: int) -> dict[str, int]:
    """Identifier → row number of the shows with captions in an archive.org table.

    Keyed by size and mtime, so a changed table is read again; any other table gives {}.
    """
    del size, mtime_ns  # cache key only
    csv.field_size_limit(sys.maxsize)
    delimiter = _TABLE_SUFFIXES[os.path.splitext(path)[1].lower()]
    shows: dict[str, int] = {}
    try:
        with open(path, encoding="utf-8", errors="replace", newline="") as handle:
            reader = csv.DictReader(handle, delimiter=delimiter)
            fields = {(c or "").strip().casefold(): c for c in reader.fieldnames or []}
            if not is_archive_table(fields):
                return {}
            key, text = fields["identifier"], fields["text"]
            for n, row in enumerate(reader, start=1):
                if (row.get(text) or "").strip():
                    shows.setdefault((row.get(key) or "").strip(), n)
    except (OSError, csv.Error):
        return {}
    return shows


def _companion_meta(identifier: str, page: Path) -> tuple[dict[str, str] | None, str | None]:
    """The show's ``ID_meta.xml`` beside the page or in a folder beside the page's."""
    name = f"{identifier}_meta.xml"
    folders = [page.parent]
    parent = page.parent.parent
    folders += [parent / d for d in _names(str(parent)) if (parent / d) != page.parent]
    for folder in folders:
        if name not in _names(str(folder)):
            continue
        try:
            root = parse_xml(decode_bytes(read_regular(folder / name)))
        except BadInputError as exc:
            return None, f"{name}: {exc.reason}"
        return archive_meta(root), None
    return None, None


def forget_pages() -> None:
    """Drop cached folder listings and tables (call at the start of every run)."""
    _names.cache_clear()
    _shows.cache_clear()
