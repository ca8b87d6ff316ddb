"""Pure builders of the SQL the SQLite store runs; tested against exact strings."""

from __future__ import annotations

import json
from typing import Any

from newsreel.models import UNKNOWN_OUTLET, Filters

# transcript ids given as one JSON array parameter (PostgreSQL: ``postgres_sql``)
_IDS = "(SELECT CAST(value AS INTEGER) FROM json_each(?))"


def filter_clause(filters: Filters, alias: str = "v") -> tuple[str, list[Any]]:
    """Return ' AND ...' conditions on the videos table and their parameters."""
    parts: list[str] = []
    params: list[Any] = []
    if filters.channels:
        outlets, outlet_params = _outlet_clause(filters.channels, alias)
        parts.append(outlets)
        params += outlet_params
    if filters.language == UNKNOWN_OUTLET:  # videos of no known language
        parts.append(f"coalesce({alias}.language, '') = ''")
    elif filters.language:
        parts.append(f"lower({alias}.language) = lower(?)")
        params.append(filters.language)
    if filters.since:
        parts.append(f"{alias}.publish_date >= ?")
        params.append(filters.since.isoformat())
    if filters.until:
        parts.append(f"{alias}.publish_date <= ?")
        params.append(filters.until.isoformat())
    if filters.excluded:  # one parameter however many: SQLite caps a statement's
        parts.append(f"{alias}.current_transcript_id NOT IN {_IDS}")
        params.append(json.dumps(sorted(filters.excluded)))
    if filters.among is not None:
        parts.append(f"{alias}.current_transcript_id IN {_IDS}")
        params.append(json.dumps(sorted(filters.among)))
    return "".join(" AND " + p for p in parts), params


def _outlet_clause(channels: tuple[str, ...], alias: str) -> tuple[str, list[Any]]:
    """Videos of any of the outlets (name or code; ``UNKNOWN_OUTLET``: without one)."""
    parts: list[str] = []
    params: list[Any] = []
    for channel in channels:
        if channel == UNKNOWN_OUTLET:  # the facet of videos without an outlet
            parts.append(f"{alias}.channel IS NULL")
        else:
            parts.append(
                f"lower({alias}.channel) = lower(?) OR lower({alias}.channel_code) = lower(?)"
            )
            params += [channel, channel]
    if parts == [f"{alias}.channel IS NULL"]:
        return parts[0], params
    return f"({' OR '.join(parts)})", params


def hit_rows_sql(count: int) -> str:
    """Metadata, text and word times of ``count`` transcripts by id."""
    marks = ", ".join("?" * count)
    return (
        "SELECT t.id, v.video_id, v.title, v.channel, v.language, v.publish_date, "
        "coalesce(r.text, t.text) AS text, t.word_times FROM transcripts t "
        "JOIN videos v ON v.video_id = t.video_id "
        f"LEFT JOIN repairs r ON r.transcript_id = t.id WHERE t.id IN ({marks})"
    )


def outlets_sql(count: int) -> str:
    """The channel of ``count`` transcripts' videos by transcript id."""
    marks = ", ".join("?" * count)
    return (
        "SELECT t.id, v.channel FROM transcripts t "
        f"JOIN videos v ON v.video_id = t.video_id WHERE t.id IN ({marks})"
    )


EXPORT_COLUMNS = (
    "video_id",
    "title",
    "channel",
    "channel_code",
    "language",
    "publish_date",
    "duration_seconds",
    "thumbnail_path",
    "thumbnail_file",
    "id_source",
    "version",
    "versions",
    "words",
    "timed",
    "content_sha256",
    "source_path",
    "source_format",
    "source_locator",
    "ingested_at",
    "extra",
    "repaired",
    "transcript",
)


def _export_where(filters: Filters, matched: bool) -> tuple[str, list[Any]]:
    where, params = filter_clause(filters)
    if matched:
        where += " AND t.id IN (SELECT id FROM temp.matched)"
    return where, params


def export_sql(filters: Filters, matched: bool = False) -> tuple[str, list[Any]]:
    """One row per video with its current transcript; only those in temp.matched if set."""
    where, params = _export_where(filters, matched)
    sql = (
        "SELECT v.video_id, v.title, v.channel, v.channel_code, v.language, "
        "v.publish_date, v.duration_seconds, v.thumbnail_path, v.thumbnail_file, "
        "v.id_source, t.version, "
        "(SELECT count(*) FROM transcripts o WHERE o.video_id = v.video_id) AS versions, "
        "t.words, t.timed, t.content_sha256, t.source_path, t.source_format, "
        "t.source_locator, t.ingested_at, v.extra, r.text AS repaired, t.text AS transcript "
        "FROM videos v JOIN transcripts t ON t.id = v.current_transcript_id "
        "LEFT JOIN repairs r ON r.transcript_id = t.id "
        f"WHERE 1 = 1{where} ORDER BY v.publish_date IS NOT NULL, v.publish_date, v.video_id"
    )
    return sql, params


def video_ids_sql(filters: Filters, matched: bool = False) -> tuple[str, list[Any]]:
    """The ids of the videos an export would give (no other column, no text)."""
    where, params = _export_where(filters, matched)
    sql = (
        "SELECT v.video_id FROM videos v JOIN transcripts t ON t.id = v.current_transcript_id "
        f"WHERE 1 = 1{where}"
    )
    return sql, params


def extra_keys_sql(filters: Filters, matched: bool = False) -> tuple[str, list[Any]]:
    """The distinct keys of ``videos.extra`` among the videos an export would give."""
    where, params = _export_where(filters, matched)
    sql = (
        "SELECT DISTINCT j.key FROM videos v "
        "JOIN transcripts t ON t.id = v.current_transcript_id, json_each(v.extra) j "
        f"WHERE 1 = 1{where} ORDER BY j.key"
    )
    return sql, params


def passage_hits_sql(count: int, filters: Filters) -> tuple[str, list[Any]]:
    """Transcript and first word of ``count`` passages of current, matching videos."""
    where, params = filter_clause(filters)
    sql = (
        "SELECT p.id, p.transcript_id, p.first_word FROM passages p "
        "JOIN transcripts t ON t.id = p.transcript_id "
        "JOIN videos v ON v.current_transcript_id = t.id "
        f"WHERE p.id IN ({', '.join('?' * count)}){where}"
    )
    return sql, params


def passage_vectors_sql(filters: Filters, version: str) -> tuple[str, list[Any]]:
    """Id and vector of every passage of ``version`` of current videos matching the
    filters."""
    where, params = filter_clause(filters)
    sql = (
        "SELECT p.id, p.vector FROM passages p "
        "JOIN transcripts t ON t.id = p.transcript_id "
        "JOIN videos v ON v.current_transcript_id = t.id "
        f"WHERE p.version = ?{where}"
    )
    return sql, [version, *params]
