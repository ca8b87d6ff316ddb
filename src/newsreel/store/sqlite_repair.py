"""Repaired transcripts in a SQLite archive (the repair stage's rows)."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Sequence
from typing import Any

from newsreel.store.sqlite_write import Repository, now


class SQLiteRepairs(Repository):
    """Repaired transcripts: the token-aligned text and its repair data, by model version."""

    def unrepaired(self, model: str, after: int, limit: int) -> list[tuple[int, str, str | None]]:
        """(id, text, language) of current transcripts after ``after`` not yet repaired
        by ``model``."""
        return [
            (r[0], r[1], r[2])
            for r in self.db.execute(
                "SELECT t.id, t.text, v.language FROM videos v JOIN transcripts t "
                "ON t.id = v.current_transcript_id LEFT JOIN repairs r ON r.transcript_id = t.id "
                "WHERE t.id > ? AND (r.model IS NULL OR r.model != ?) ORDER BY t.id LIMIT ?",
                (after, model, limit),
            )
        ]

    def save_repairs(self, rows: Sequence[tuple[int, str, str, dict[str, Any], int, int]]) -> None:
        """Store (id, model, aligned text, data, sentences, turns) and queue re-indexing;
        a transcript whose text the repair changed is enriched again (its mentions, claims
        and quotes point at words of the text they were found in)."""
        stamp = now()
        with self.db:
            self.db.executemany(
                "DELETE FROM enrichments WHERE transcript_id = ? AND NOT EXISTS "
                "(SELECT 1 FROM repairs WHERE transcript_id = ? AND text = ?)",
                [(r[0], r[0], r[2]) for r in rows],
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO repairs VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        tid,
                        model,
                        text,
                        zlib.compress(json.dumps(data).encode(), 6),
                        sents,
                        turns,
                        stamp,
                    )
                    for tid, model, text, data, sents, turns in rows
                ],
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO fts_pending VALUES (?)", [(r[0],) for r in rows]
            )

    def outdate(self, video_id: str) -> None:
        """Mark the repair of a video's current transcript as made by no version, so the
        next ``repair`` redoes it (its language was set: English or kept as written);
        it is shown until then."""
        with self.db:
            self.db.execute(
                "UPDATE repairs SET model = 'outdated' WHERE transcript_id = "
                "(SELECT current_transcript_id FROM videos WHERE video_id = ?)",
                (video_id,),
            )

    def repair_data(self, transcript_id: int) -> dict[str, Any] | None:
        """The stored repair of a transcript, or None."""
        return load_repair(self.db, transcript_id)

    def repair_counts(self, model: str) -> tuple[int, int]:
        """(current transcripts repaired by ``model``, current transcripts)."""
        done = self.db.execute(
            "SELECT count(*) FROM videos v JOIN repairs r ON r.transcript_id = "
            "v.current_transcript_id WHERE r.model = ?",
            (model,),
        ).fetchone()[0]
        total = self.db.execute(
            "SELECT count(*) FROM videos WHERE current_transcript_id IS NOT NULL"
        ).fetchone()[0]
        return done, total


def load_repair(db: sqlite3.Connection, transcript_id: int) -> dict[str, Any] | None:
    """The stored repair of a transcript, or None."""
    row = db.execute(
        "SELECT data FROM repairs WHERE transcript_id = ?", (transcript_id,)
    ).fetchone()
    return json.loads(zlib.decompress(row[0])) if row else None
