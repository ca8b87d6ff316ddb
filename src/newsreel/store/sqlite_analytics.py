"""Rows for trends and the web UI in a SQLite archive (mixed into ``SQLiteStore``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from newsreel.models import Filters
from newsreel.store.sql import filter_clause
from newsreel.store.sqlite_write import rows_in, temp_ids


class AnalyticsRows:
    """Read-only queries behind trends, the overview and entity highlights."""

    db: sqlite3.Connection
    path: str

    def generation(self) -> tuple[int, int]:
        """Changes whenever a transcript is added (a new version is a new transcript) or
        an ingest run ends (metadata may have changed); cheap at any size."""
        row = self.db.execute(
            "SELECT (SELECT coalesce(max(id), 0) FROM transcripts), "
            "(SELECT coalesce(max(id), 0) FROM ingest_runs)"
        ).fetchone()
        return int(row[0]), int(row[1])

    def trend_meta(
        self,
    ) -> list[tuple[int, str | None, str | None, str | None, str | None, int]]:
        """(transcript id, channel, channel code, language, publish date, words) of every
        current transcript."""
        return [
            (int(r[0]), r[1], r[2], r[3], r[4], int(r[5]))
            for r in self.db.execute(
                "SELECT t.id, v.channel, v.channel_code, v.language, v.publish_date, t.words "
                "FROM videos v INDEXED BY videos_trend "
                "JOIN transcripts t INDEXED BY transcripts_words ON t.id = v.current_transcript_id"
            )
        ]

    def transcript_texts(self, transcript_ids: Sequence[int]) -> dict[int, str]:
        """Normalised text of each transcript id."""
        return {
            int(r[0]): str(r[1])
            for r in rows_in(
                self.db, "SELECT id, text FROM transcripts WHERE id IN ({})", transcript_ids
            )
        }

    def entity_hits(self, entity_id: int) -> dict[int, int]:
        """Mentions of an entity per transcript."""
        return {
            int(r[0]): int(r[1])
            for r in self.db.execute(
                "SELECT transcript_id, count(*) FROM mentions WHERE entity_id = ? "
                "GROUP BY transcript_id",
                (entity_id,),
            )
        }

    def video_mentions(self, video_id: str) -> list[dict[str, Any]]:
        """Mentions in a video's current transcript: word range and entity."""
        keys = ("first_word", "end_word", "surface", "entity_id", "name", "type")
        return [
            dict(zip(keys, r, strict=True))
            for r in self.db.execute(
                'SELECT m.start, m."end", m.surface, e.id, e.name, e.type FROM videos v '
                "JOIN mentions m ON m.transcript_id = v.current_transcript_id "
                "JOIN entities e ON e.id = m.entity_id WHERE v.video_id = ? ORDER BY m.start",
                (video_id,),
            )
        ]

    def entity_facet(self, transcript_ids: Sequence[int], limit: int) -> list[tuple[int, str, int]]:
        """The entities mentioned in most of the given transcripts: (id, name, videos)."""
        if not transcript_ids:
            return []
        temp_ids(self.db, "facet_ids", transcript_ids)
        return [
            (int(r[0]), str(r[1]), int(r[2]))
            for r in self.db.execute(
                "SELECT e.id, e.name, count(DISTINCT m.transcript_id) FROM temp.facet_ids f "
                "JOIN mentions m ON m.transcript_id = f.id JOIN entities e ON e.id = m.entity_id "
                "GROUP BY e.id ORDER BY 3 DESC, e.name LIMIT ?",
                (limit,),
            )
        ]

    def videos_per_outlet_month(self) -> list[tuple[str, str, int]]:
        """(channel, month, videos) over the archive."""
        return [
            (r[0], r[1], int(r[2]))
            for r in self.db.execute(
                "SELECT coalesce(channel, '(unknown)'), coalesce(substr(publish_date, 1, 7), "
                "'(undated)'), count(*) FROM videos WHERE current_transcript_id IS NOT NULL "
                "GROUP BY 1, 2 ORDER BY 2, 1"
            )
        ]

    def browse(self, filters: Filters, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        """Videos passing the filters, newest first: (how many in all, this page)."""
        where, params = filter_clause(filters)
        base = (
            "FROM videos v JOIN transcripts t ON t.id = v.current_transcript_id WHERE 1 = 1" + where
        )
        total = int(self.db.execute(f"SELECT count(*) {base}", params).fetchone()[0])
        keys = ("video_id", "title", "channel", "language", "publish_date", "words")
        rows = [
            dict(zip(keys, r, strict=True))
            for r in self.db.execute(
                "SELECT v.video_id, v.title, v.channel, v.language, v.publish_date, t.words "
                f"{base} ORDER BY v.publish_date IS NULL, v.publish_date DESC, v.video_id "
                "LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
        ]
        return total, rows

    def thumbnail_roots(self, video_id: str) -> tuple[str | None, list[str]]:
        """A video's thumbnail file and the folders of the files its transcripts came from."""
        row = self.db.execute(
            "SELECT thumbnail_file FROM videos WHERE video_id = ?", (video_id,)
        ).fetchone()
        sources = [
            str(r[0])
            for r in self.db.execute(
                "SELECT DISTINCT source_path FROM transcripts WHERE video_id = ? "
                "AND source_path IS NOT NULL",
                (video_id,),
            )
        ]
        return (row[0] if row else None), sources
