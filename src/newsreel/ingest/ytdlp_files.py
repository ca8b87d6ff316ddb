"""yt-dlp folders in ingest: an info JSON read with the captions and thumbnail beside it.

A caption file (``ID.en.vtt``, ``Title [ID].en.json3``, ``ID.en.auto.json3``) takes its
video's id, title, channel, date, duration and extra fields from ``ID.info.json`` beside
it, and its thumbnail from ``ID.jpg`` (``.webp``, ``.png``). The info JSON itself adds no
record: with captions beside it, it is read and kept; without, it is quarantined as "no
captions". ``newsreel collect``'s own files (its report, yt-dlp's download archive) are
skipped unread.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from newsreel.errors import BadInputError
from newsreel.ingest.formats.decode import decode_bytes, load_json
from newsreel.ingest.formats.ytdlp import (
    INFO_SUFFIX,
    THUMBNAIL_SUFFIXES,
    apply_info,
    info_prefix,
    is_info_json,
    read_info,
    split_caption_name,
)
from newsreel.ingest.reading import DEFAULT_MAX_FILE_SIZE, read_regular
from newsreel.models import QuarantineItem, Record
from newsreel.store.base import FileResult

REPORT_NAME = "collect-report.jsonl"
ARCHIVE_NAME = "download-archive.txt"
INFO_FORMAT = "info.json"
# Caption formats yt-dlp writes; a record read from one of these pairs with its info JSON.
CAPTION_SUFFIXES = tuple(".vtt .srt .json3 .json .srv1 .srv2 .srv3 .ttml .dfxp .xml".split())
_BOOKKEEPING = {
    REPORT_NAME: "newsreel collect's report of the videos it tried, not a transcript",
    ARCHIVE_NAME: "yt-dlp's download archive (ids already collected), not a transcript",
}

_LIVE_CHAT = "yt-dlp's replay of a live stream's chat (viewers' messages), not a transcript"


def _live_chat(name: str) -> bool:
    """Whether a file is yt-dlp's live chat replay ("ID.live_chat.json")."""
    return ".live_chat." in name.lower()


Listing = Callable[[str], frozenset[str]]


def _captions_beside(path: Path, formats: Mapping[str, str], names: frozenset[str]) -> list[str]:
    start = info_prefix(path.name) + "."
    return sorted(
        name
        for name in names
        if name.startswith(start)
        and os.path.splitext(name)[1].lower() in formats
        and os.path.splitext(name)[1].lower() in CAPTION_SUFFIXES
        and not is_info_json(name)
        and not _live_chat(name)
    )


def _info_result(
    path: Path, formats: Mapping[str, str], listing: Listing, max_size: int
) -> FileResult:
    stat = path.stat()
    try:
        data = read_regular(path, max_size)
    except BadInputError as exc:
        result = FileResult(str(path), "", stat.st_size, stat.st_mtime_ns, INFO_FORMAT, b"")
        result.failures.append(QuarantineItem(str(path), None, exc.reason))
        return result
    sha = hashlib.sha256(data).hexdigest()
    result = FileResult(str(path), sha, len(data), stat.st_mtime_ns, INFO_FORMAT, data)
    try:
        info = load_json(decode_bytes(data))
        if isinstance(info, dict) and info.get("_type") in ("playlist", "multi_video"):
            result.skipped = "yt-dlp metadata of a playlist, not of a video"
            return result
        fields = read_info(info)
    except BadInputError as exc:
        result.failures.append(QuarantineItem(str(path), None, exc.reason, exc.line, exc.byte))
        return result
    if not _captions_beside(path, formats, listing(str(path.parent))):
        prefix = info_prefix(path.name)
        result.failures.append(
            QuarantineItem(
                str(path),
                None,
                f"no captions: yt-dlp metadata of video {fields.video_id} with no caption file "
                f"beside it (e.g. {prefix}.en.vtt); 'newsreel collect' fetches them once "
                "YouTube has them",
            )
        )
    return result


def read_aside(
    path: Path, formats: Mapping[str, str], listing: Listing, max_size: int = DEFAULT_MAX_FILE_SIZE
) -> FileResult | None:
    """Read a yt-dlp info JSON or skip collect's own files; None for any other file.

    ``formats`` maps the suffixes ingest reads; ``listing(folder)`` names a folder's files;
    an info JSON over ``max_size`` bytes is quarantined unread.
    """
    reason = _BOOKKEEPING.get(path.name) or (_LIVE_CHAT if _live_chat(path.name) else None)
    if reason is not None:
        stat = path.stat()
        result = FileResult(str(path), "", stat.st_size, stat.st_mtime_ns, None, b"")
        result.skipped = reason
        return result
    if is_info_json(path.name):
        return _info_result(path, formats, listing, max_size)
    return None


def add_info(record: Record, path: Path, listing: Listing) -> None:
    """Fill a caption record from the yt-dlp info JSON beside it, and link the thumbnail
    named like it, when they are there."""
    if os.path.splitext(path.name)[1].lower() not in CAPTION_SUFFIXES:
        return
    prefix, language, _ = split_caption_name(path.name)
    names = listing(str(path.parent))
    if prefix + INFO_SUFFIX in names:
        try:
            info = load_json(decode_bytes(read_regular(path.parent / (prefix + INFO_SUFFIX))))
            apply_info(record, read_info(info), language)
        except BadInputError:
            pass  # the info JSON is quarantined with its reason when it is read itself
    if record.thumbnail_file is None:
        for suffix in THUMBNAIL_SUFFIXES:
            if prefix + suffix in names:
                record.thumbnail_file = os.path.realpath(path.parent / (prefix + suffix))
                break
