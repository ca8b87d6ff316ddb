"""The archive's bookkeeping of its derived indexes: the full-text queue, the sound-alike
vocabulary and the indexes' own state values."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from newsreel.errors import StoreError
from newsreel.models import IndexedVideo
from newsreel.store.sqlite_write import Repository, to_date


class SQLiteSearchState(Repository):
    """What the index owner (``search.indexes.Indexes``) reads and records in the archive."""

    def sound_variants(self, keys: Sequence[str]) -> dict[str, list[tuple[str, int]]]:
        """Vocabulary terms (with their document counts) per sound key."""
        out: dict[str, list[tuple[str, int]]] = {k: [] for k in keys}
        for key in keys:
            for term, docs in self.db.execute(
                "SELECT term, docs FROM sound_keys WHERE key = ?", (key,)
            ):
                out[key].append((term, docs))
        return out

    def state(self, name: str) -> str | None:
        """A value the search structures keep about themselves."""
        row = self.db.execute("SELECT value FROM search_state WHERE name = ?", (name,)).fetchone()
        return str(row[0]) if row else None

    def set_state(self, name: str, value: str) -> None:
        """Remember a value about the search structures."""
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO search_state VALUES (?, ?)", (name, value))

    def indexed_documents(self) -> int:
        """How many transcripts the sound-alike vocabulary was last counted over."""
        row = self.db.execute("SELECT value FROM search_state WHERE name = 'documents'").fetchone()
        return int(row[0]) if row else 0

    def queue_all(self) -> None:
        """Queue every current transcript for the full-text index (a rebuild)."""
        with self.db:
            self.db.execute(
                "INSERT OR IGNORE INTO fts_pending SELECT current_transcript_id FROM videos "
                "WHERE current_transcript_id IS NOT NULL"
            )

    def queued(self, limit: int) -> tuple[int, list[IndexedVideo]]:
        """The next queued transcripts: (last queued id, those still current); (0, [])
        when the queue is empty."""
        try:
            rows = self.db.execute(
                "SELECT p.transcript_id, v.video_id, t.title, coalesce(r.text, t.text), "
                "v.channel, v.channel_code, v.language, v.publish_date FROM fts_pending p "
                "JOIN transcripts t ON t.id = p.transcript_id "
                "LEFT JOIN repairs r ON r.transcript_id = t.id "
                "LEFT JOIN videos v ON v.current_transcript_id = t.id "
                "ORDER BY p.transcript_id LIMIT ?",
                (limit,),
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot read the index queue of {self.path}: {exc}") from None
        if not rows:
            return 0, []
        videos = [
            IndexedVideo(r[0], r[1], r[2], r[3], r[4], r[5], r[6], to_date(r[7]))
            for r in rows
            if r[1] is not None  # superseded versions are only dequeued
        ]
        return int(rows[-1][0]), videos

    def dequeue(self, last: int) -> None:
        """Take transcripts up to ``last`` off the queue (the index committed them)."""
        with self.db:
            self.db.execute("DELETE FROM fts_pending WHERE transcript_id <= ?", (last,))

    def dequeue_ids(self, transcript_ids: Sequence[int]) -> None:
        """Take these transcripts off the queue (the index committed them)."""
        with self.db:
            self.db.executemany(
                "DELETE FROM fts_pending WHERE transcript_id = ?", [(t,) for t in transcript_ids]
            )

    def data_version(self) -> int:
        """Changes whenever another connection commits to the archive."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def pending(self) -> int:
        """Transcripts waiting for the full-text index."""
        return int(self.db.execute("SELECT count(*) FROM fts_pending").fetchone()[0])

    def vocabulary_stamp(self) -> str:
        """Changes whenever a transcript is added: the vocabulary is stale when its stamp
        differs."""
        return str(self.db.execute("SELECT coalesce(max(id), 0) FROM transcripts").fetchone()[0])

    def save_vocabulary(self, rows: Iterable[tuple[str, str, int]], stamp: str) -> int:
        """Replace the sound-alike vocabulary with (key, term, documents); return its size."""
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")  # one recount at a time (many writers)
                self.db.execute("DELETE FROM sound_keys")
                self.db.executemany("INSERT INTO sound_keys VALUES (?, ?, ?)", rows)
                documents = self.db.execute(
                    "SELECT count(*) FROM videos WHERE current_transcript_id IS NOT NULL"
                ).fetchone()[0]
                self.db.executemany(
                    "INSERT OR REPLACE INTO search_state VALUES (?, ?)",
                    [("vocabulary", stamp), ("documents", str(documents))],
                )
            return int(self.db.execute("SELECT count(*) FROM sound_keys").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot update the search vocabulary of {self.path}: {exc}") from None

    def has_videos(self) -> bool:
        """Whether the archive holds any video."""
        return self.db.execute("SELECT 1 FROM videos LIMIT 1").fetchone() is not None
