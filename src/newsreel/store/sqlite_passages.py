"""Passages and their vectors in a SQLite archive (the embed stage's rows)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence

from newsreel.errors import StoreError
from newsreel.models import Filters
from newsreel.store import sql
from newsreel.store.sqlite_write import Repository, stream


class SQLitePassages(Repository):
    """Passages (a transcript's word windows) and their int8 vectors."""

    def unembedded(self, version: str, after: int, limit: int) -> list[tuple[int, str]]:
        """(id, text) of current transcripts after ``after`` without passages of ``version``."""
        return [
            (r[0], r[1])
            for r in self.db.execute(
                "SELECT t.id, t.text FROM videos v JOIN transcripts t "
                "ON t.id = v.current_transcript_id WHERE t.id > ? AND NOT EXISTS "
                "(SELECT 1 FROM passages p WHERE p.transcript_id = t.id AND p.version = ?) "
                "ORDER BY t.id LIMIT ?",
                (after, version, limit),
            )
        ]

    def add_passages(
        self,
        version: str,
        transcript_ids: Sequence[int],
        rows: Sequence[tuple[int, int, int, bytes]],
    ) -> None:
        """Store the passages (transcript id, first word, words, vector) of ``version`` for
        these transcripts, replacing their passages of other versions; superseded
        transcript versions of the same videos lose theirs."""
        try:
            with self.db:
                self.db.executemany(
                    "DELETE FROM passages WHERE transcript_id = ?", [(t,) for t in transcript_ids]
                )
                self.db.executemany(
                    "INSERT INTO passages (transcript_id, first_word, words, vector, version) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [(*row, version) for row in rows],
                )
                # Older versions of these videos lose their passages (only theirs: a
                # scan of every passage per batch made a large archive quadratic).
                self.db.executemany(
                    "DELETE FROM passages WHERE transcript_id IN (SELECT o.id FROM transcripts o "
                    "JOIN transcripts n ON n.video_id = o.video_id "
                    "WHERE n.id = ? AND o.id != n.id)",
                    [(t,) for t in sorted(transcript_ids)],
                )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot store passages in {self.path}: {exc}") from None

    def passage_count(self, version: str) -> tuple[int, int]:
        """(number of passages of ``version``, largest passage id)."""
        row = self.db.execute(
            "SELECT count(*), coalesce(max(id), 0) FROM passages WHERE version = ?", (version,)
        ).fetchone()
        return int(row[0]), int(row[1])

    def passage_vectors(
        self, version: str, filters: Filters | None = None, after: int = 0
    ) -> Iterator[tuple[int, bytes]]:
        """(id, vector) of passages of ``version``: all after ``after``, or those of
        matching videos."""
        if filters is None:
            query = "SELECT id, vector FROM passages WHERE version = ? AND id > ? ORDER BY id"
            params: list[object] = [version, after]
        else:
            query, params = sql.passage_vectors_sql(filters, version)
        for r in stream(self.db, query, params):
            yield int(r[0]), bytes(r[1])

    def passage_hits(
        self, passage_ids: Sequence[int], filters: Filters
    ) -> dict[int, tuple[int, int]]:
        """Passage id → (transcript id, first word), for current videos matching filters."""
        out: dict[int, tuple[int, int]] = {}
        for start in range(0, len(passage_ids), 500):
            chunk = list(passage_ids[start : start + 500])
            statement, params = sql.passage_hits_sql(len(chunk), filters)
            for r in self.db.execute(statement, [*chunk, *params]):
                out[int(r[0])] = (int(r[1]), int(r[2]))
        return out
