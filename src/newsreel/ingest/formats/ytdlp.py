"""yt-dlp's info JSON and caption tracks, read into Newsreel's fields (pure).

A yt-dlp folder holds, per video, ``ID.info.json`` (or ``Title [ID].info.json``), the
caption files beside it (``ID.en.vtt``, ``ID.en.json3``; ``newsreel collect`` names the
automatic captions it keeps beside human ones ``ID.en.auto.json3``) and a thumbnail
(``ID.jpg``, ``.webp``, ``.png``). These helpers name, choose and map; the I/O is in
``ingest/ytdlp_files.py`` (ingest) and ``ingest/collect.py`` (yt-dlp).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from newsreel.errors import BadInputError
from newsreel.ingest.formats.metadata import clean_field, parse_date
from newsreel.ingest.formats.timed import optional_seconds
from newsreel.models import Record

INFO_SUFFIX = ".info.json"
FROM_INFO_JSON = "the yt-dlp info JSON beside the captions"
AUTO = "auto"  # ID.en.auto.json3: automatic captions kept beside the human ones
CAPTION_EXTS = ("json3", "vtt")  # the caption formats collect asks for, best first
THUMBNAIL_SUFFIXES = (".jpg", ".webp", ".png", ".jpeg")
_LANG = re.compile(r"\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)$")
_PREFIXES = re.compile(r"^(?:(?:ERROR|WARNING):\s*)?(?:\[[\w:.-]+\]\s*(?:[\w-]+:\s+)?)?")
_WATCH = re.compile(
    r"^(?:https?://)?(?:(?:www|m|music)\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|shorts/|live/)"
    r"|youtu\.be/)([A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])"
)
_TRANSIENT = re.compile(r"HTTP Error (?:429|5\d\d)|timed out|Connection reset|Temporary failure")
# Words of yt-dlp's error messages -> the reason a collect report gives.
_REASONS = (
    ("confirm your age", "age-restricted: YouTube asks to sign in (pass --cookies FILE)"),
    ("private video", "private video"),
    ("members-only", "members-only video"),
    ("join this channel", "members-only video"),
    ("live event will begin", "live stream not started yet"),
    ("premieres in", "premiere not started yet"),
    ("copyright", "removed (copyright claim)"),
    ("terminated", "removed (account terminated)"),
    ("has been removed", "removed"),
    ("no longer available", "removed"),
    ("not available in your country", "not available in this country (try --proxy URL)"),
    ("video unavailable", "unavailable"),
    ("unavailable", "unavailable"),
)


@dataclass(frozen=True, slots=True)
class InfoFields:
    """What an info JSON says about its video, as Newsreel's fields."""

    video_id: str
    title: str | None = None
    channel: str | None = None
    publish_date: date | None = None
    duration_seconds: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def is_info_json(name: str) -> bool:
    """True for yt-dlp's ``*.info.json`` metadata files."""
    return name.lower().endswith(INFO_SUFFIX) and len(name) > len(INFO_SUFFIX)


def split_caption_name(name: str) -> tuple[str, str | None, bool]:
    """Return (prefix, language, automatic) of a caption file name.

    ``ID.en.auto.json3`` gives ``("ID", "en", True)``, ``Title [ID].en-orig.vtt`` gives
    ``("Title [ID]", "en", False)``; the prefix names the info JSON (``ID.info.json``)
    and the thumbnail (``ID.jpg``) beside the captions.
    """
    stem = name.rsplit(".", 1)[0] if "." in name else name
    automatic = stem.endswith("." + AUTO)
    if automatic:
        stem = stem[: -len(AUTO) - 1]
    match = _LANG.search(stem)
    if not match:
        return stem, None, automatic
    language = match.group(1).removesuffix("-orig")
    return stem[: match.start()], language, automatic


def info_prefix(name: str) -> str:
    """``ID`` of ``ID.info.json``."""
    return name[: -len(INFO_SUFFIX)]


def link(url: str) -> dict[str, Any]:
    """A URL as a yt-dlp link result; a YouTube video's carries its id, so that a video
    collected before is known without asking YouTube."""
    match = _WATCH.match(url.strip())
    if match is None:
        return {"_type": "url", "url": url}
    return {"_type": "url", "url": url, "id": match.group(1), "ie_key": "Youtube"}


def upload_day(info: Mapping[str, Any]) -> date | None:
    """The day a video was published: ``upload_date``, ``release_date`` or ``timestamp``."""
    for key in ("upload_date", "release_date"):
        value = info.get(key)
        if isinstance(value, str) and value.strip():
            try:
                return parse_date(value)
            except ValueError:
                continue
    stamp = info.get("timestamp")
    if isinstance(stamp, int | float) and not isinstance(stamp, bool):
        try:
            return datetime.fromtimestamp(stamp, UTC).date()
        except (ValueError, OverflowError, OSError):  # NaN, or beyond the years a date holds
            return None
    return None


def read_info(info: Any) -> InfoFields:
    """Map a decoded yt-dlp info JSON to Newsreel's fields.

    Channel is ``channel`` or ``uploader``; ``channel_id``, ``description``, ``tags``,
    ``chapters`` and ``view_count`` go to ``extra``. Raises ``BadInputError`` for JSON
    that is not one video's info.
    """
    if not isinstance(info, Mapping) or not info.get("id"):
        raise BadInputError("not a yt-dlp info JSON: expected an object with the video's 'id'")
    extra: dict[str, Any] = {}
    for key in ("channel_id", "description", "view_count"):
        if info.get(key) not in (None, ""):
            extra[key] = info[key]
    if isinstance(info.get("tags"), list) and info["tags"]:
        extra["tags"] = [str(tag) for tag in info["tags"]]
    listed = info.get("chapters")
    chapters = [
        {k: c.get(k) for k in ("start_time", "end_time", "title")}
        for c in (listed if isinstance(listed, list) else [])
        if isinstance(c, Mapping)
    ]
    if chapters:
        extra["chapters"] = chapters
    duration = info.get("duration")
    channel = info.get("channel") or info.get("uploader")
    title = info.get("title")
    return InfoFields(
        video_id=str(info["id"]),
        title=clean_field(str(title)) if title else None,
        channel=clean_field(str(channel)) if channel else None,
        publish_date=upload_day(info),
        duration_seconds=optional_seconds(duration) if isinstance(duration, int | float) else None,
        extra=extra,
    )


def apply_info(record: Record, fields: InfoFields, language: str | None) -> None:
    """Fill a caption record from its info JSON: the info's id, title, channel, date and
    duration win over what the file name suggested; ``language`` is the caption's.
    ``record.sources`` names the info JSON for the fields it gave."""
    record.video_id = fields.video_id
    given = {"title": fields.title, "channel": fields.channel, "publish_date": fields.publish_date}
    for name, value in given.items():
        if value is not None:
            setattr(record, name, value)
            record.sources[name] = FROM_INFO_JSON
    record.language = language or record.language
    record.duration_seconds = fields.duration_seconds or record.duration_seconds
    record.extra = {**record.extra, **fields.extra}


def _best_format(formats: Any) -> dict[str, Any] | None:
    if not isinstance(formats, list):
        return None
    for ext in CAPTION_EXTS:
        for fmt in formats:
            if isinstance(fmt, Mapping) and fmt.get("ext") == ext and fmt.get("url"):
                return dict(fmt)
    return None


def _human_track(tracks: Mapping[str, Any], lang: str) -> Any:
    if lang in tracks:
        return tracks[lang]
    regional = sorted(key for key in tracks if key.startswith(lang + "-"))
    return tracks[regional[0]] if regional else None


def _auto_track(tracks: Mapping[str, Any], lang: str) -> Any:
    if f"{lang}-orig" in tracks:
        return tracks[f"{lang}-orig"]
    if any(key.endswith("-orig") for key in tracks):
        return None  # spoken in another language: this one would be a machine translation
    return tracks.get(lang)


def pick_captions(
    subtitles: Mapping[str, Any] | None, automatic: Mapping[str, Any] | None, lang: str
) -> dict[str, list[dict[str, Any]]]:
    """The caption tracks to keep for ``lang``, as yt-dlp's ``subtitles`` mapping.

    The human track is kept as ``lang``, the automatic one (speech recognised in that
    language, never a machine translation) as ``lang.auto``, each in its best format
    (json3, else vtt). Empty when the video has neither.
    """
    chosen: dict[str, list[dict[str, Any]]] = {}
    human = _best_format(_human_track(subtitles or {}, lang))
    if human:
        chosen[lang] = [human]
    auto = _best_format(_auto_track(automatic or {}, lang))
    if auto:
        chosen[f"{lang}.{AUTO}"] = [auto]
    return chosen


def outside_dates(day: date | None, since: date | None, until: date | None) -> str | None:
    """Why a video published on ``day`` is outside the range, or None (undated: inside)."""
    if day is None:
        return None
    if since is not None and day < since:
        return f"published {day.isoformat()}, before --since {since.isoformat()}"
    if until is not None and day > until:
        return f"published {day.isoformat()}, after --until {until.isoformat()}"
    return None


def live_reason(info: Mapping[str, Any]) -> str | None:
    """Why a live or upcoming stream is not collected yet, or None."""
    status = info.get("live_status") or ("is_live" if info.get("is_live") else None)
    if status in ("is_live", "post_live"):
        return "live stream: captions come once it has ended; a later run fetches it"
    if status == "is_upcoming":
        return "upcoming live stream or premiere; a later run fetches it"
    return None


def clean_message(message: str) -> str:
    """A yt-dlp message without its ``ERROR: [youtube] ID:`` prefix, one line."""
    first = next((line for line in message.strip().splitlines() if line.strip()), "")
    text = _PREFIXES.sub("", first.strip(), count=1).strip()
    return text[:300] or "unknown error"


def failure_reason(message: str) -> str:
    """A collect report's reason for a yt-dlp error: what kind, then yt-dlp's words."""
    text = clean_message(message)
    lowered = text.lower()
    for needle, label in _REASONS:
        if needle in lowered:
            return f"{label}: {text}"
    return text


def is_bot_check(message: str) -> bool:
    """True when YouTube asks to sign in to prove this is not a bot (stop the run)."""
    lowered = message.lower()
    return "sign in to confirm" in lowered and "bot" in lowered


_OFFLINE = re.compile(
    r"Temporary failure in name resolution|Name or service not known|"
    r"nodename nor servname|getaddrinfo failed|No address associated with hostname|"
    r"Network is unreachable",
    re.IGNORECASE,
)


def is_offline(message: str) -> bool:
    """True for errors that say no network is reachable (a name that resolves nowhere):
    no retry helps, and no other video would fare better."""
    return bool(_OFFLINE.search(message))


def is_transient(message: str) -> bool:
    """True for errors worth retrying after a pause: HTTP 429 and 5xx, timeouts."""
    return bool(_TRANSIENT.search(message))
