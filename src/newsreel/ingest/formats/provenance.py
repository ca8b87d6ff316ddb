"""Where each metadata field of a record came from, in words a user can check.

A parser may say so itself (``Record.sources``); ``field_sources`` works out the rest
from what every parser does: a channel is the source's own field, the outlet a title
ends with, or the thumbnail folder; a language the source's, the folder's, the file
name's or a guess. The archive keeps the answer per video (``videos.sources``) and the
video page shows it.
"""

from __future__ import annotations

from newsreel.ingest.formats.languages import normalize_language
from newsreel.ingest.formats.metadata import folder_of_thumbnail, names_from_filename
from newsreel.ingest.formats.outlets import outlet_from_title
from newsreel.models import Record

SOURCE_RECORD = "source record"
FROM_TITLE = "derived from the title"
FROM_FOLDER = "derived from the thumbnail folder"
FROM_FILE_NAME = "derived from the file name"
FROM_URL = "derived from the transcript URL"
GUESSED = "guessed from the transcript"
USER = "user override"
FIELDS = ("title", "channel", "channel_code", "language", "publish_date")


def given_channel(explicit: str | None) -> dict[str, str]:
    """The ``sources`` of a record whose channel the source names in a field of its own:
    it came from the record, even where the title ends with the same outlet."""
    return {"channel": SOURCE_RECORD} if explicit else {}


def _fold(value: str) -> str:
    return " ".join(value.casefold().replace("_", " ").split())


def field_sources(record: Record, file_name: str) -> dict[str, str]:
    """Where each filled field of ``record`` came from; what the parser said wins."""
    folder_language, folder_code = folder_of_thumbnail(record.thumbnail_path)
    _, name_language, name_title = names_from_filename(file_name)
    stem = _fold(file_name.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    found: dict[str, str] = {}
    if record.title:
        named = record.title == name_title or stem.endswith(_fold(record.title))
        found["title"] = FROM_FILE_NAME if named else SOURCE_RECORD
    if record.channel:
        if record.channel == outlet_from_title(record.title):
            found["channel"] = FROM_TITLE
        elif record.channel == folder_code:
            found["channel"] = FROM_FOLDER
        else:
            found["channel"] = SOURCE_RECORD
    if record.channel_code:
        found["channel_code"] = FROM_FOLDER if record.channel_code == folder_code else SOURCE_RECORD
    if record.language:
        if record.extra.get("language_source"):
            found["language"] = GUESSED
        elif record.language == folder_language:
            found["language"] = FROM_FOLDER
        elif name_language and record.language == normalize_language(name_language):
            found["language"] = FROM_FILE_NAME  # ".fr-orig.vtt" is French
        else:
            found["language"] = SOURCE_RECORD
    if record.publish_date:
        day = record.publish_date.isoformat()
        named = day in stem.replace(" ", "-")
        found["publish_date"] = FROM_FILE_NAME if named else SOURCE_RECORD
    return {**found, **{k: v for k, v in record.sources.items() if k in found}}
