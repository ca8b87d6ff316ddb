"""``SQLiteStore``: the default archive, one SQLite file (WAL, FTS5), plain tables."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from newsreel.errors import NotFoundError, QueryError, SchemaError, StoreError
from newsreel.models import (
    Filters,
    IngestSummary,
    QuarantineItem,
    Record,
    SearchHit,
    Segment,
    Stats,
    TranscriptVersion,
    VideoDetail,
    content_hash,
)
from newsreel.store import sql
from newsreel.store.base import FileResult, SourceState
from newsreel.store.schema import MIGRATIONS

INDEX_CHUNK = 20_000


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def _metadata(record: Record) -> dict[str, Any]:
    """The videos-table columns a record can fill."""
    return {
        "title": record.title,
        "channel": record.channel,
        "channel_code": record.channel_code,
        "language": record.language,
        "publish_date": record.publish_date.isoformat() if record.publish_date else None,
        "thumbnail_path": record.thumbnail_path,
        "thumbnail_file": record.thumbnail_file,
        "duration_seconds": record.duration_seconds,
    }


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class SQLiteStore:
    """The reference ``Store``: an archive in one SQLite file."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            if read_only:
                if not Path(self.path).exists():
                    raise StoreError(f"no archive at {self.path}; run 'newsreel ingest' first")
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                if self.path != ":memory:":
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self._configure(read_only)
            if not read_only:
                self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the archive {self.path}: {exc}") from None

    def _configure(self, read_only: bool) -> None:
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA busy_timeout = 10000")
        if not read_only:
            # Large pages make FTS5 bulk indexing ~15% faster (bench/ingest.py); only
            # takes effect when the file is created.
            self.db.execute("PRAGMA page_size = 16384")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("PRAGMA cache_size = -65536")

    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = {r[0] for r in self.db.execute("SELECT version FROM schema_migrations")}
        newest = max(v for v, _, _ in MIGRATIONS)
        if done and max(done) > newest:
            raise SchemaError(
                f"the archive {self.path} has schema version {max(done)}, newer than this "
                f"Newsreel understands ({newest}); upgrade Newsreel"
            )
        for version, name, script in MIGRATIONS:
            if version in done:
                continue
            statements = [s for s in script.split(";\n") if s.strip()]
            with self.db:
                for statement in statements:
                    self.db.execute(statement)
                self.db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, _now())
                )

    def schema_version(self) -> int:
        """Return the newest migration applied."""
        row = self.db.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    # -- ingest ---------------------------------------------------------------

    def _source(self, row: sqlite3.Row | None) -> SourceState | None:
        if row is None:
            return None
        return SourceState(row["path"], row["sha256"], row["size"], row["mtime_ns"], row["records"])

    def source_state(self, path: str) -> SourceState | None:
        """Return the remembered state of a completely ingested file, if any."""
        row = self.db.execute(
            "SELECT * FROM sources WHERE path = ? AND complete = 1", (path,)
        ).fetchone()
        return self._source(row)

    def begin_run(self, paths: Sequence[str]) -> int:
        """Record the start of an ingest run and return its id."""
        with self.db:
            cur = self.db.execute(
                "INSERT INTO ingest_runs (started_at, paths, status) VALUES (?, ?, 'running')",
                (_now(), json.dumps(list(paths))),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, summary: IngestSummary, status: str) -> None:
        """Record how an ingest run ended."""
        with self.db:
            self.db.execute(
                "UPDATE ingest_runs SET finished_at = ?, status = ?, ingested = ?, "
                "unchanged = ?, new_versions = ?, quarantined = ?, skipped_files = ? "
                "WHERE id = ?",
                (
                    _now(),
                    status,
                    summary.ingested,
                    summary.unchanged,
                    summary.new_versions,
                    summary.quarantined,
                    summary.skipped_files,
                    run_id,
                ),
            )

    def write(self, results: Sequence[FileResult], run_id: int) -> IngestSummary:
        """Archive a batch of file results in one transaction and return its counts."""
        summary = IngestSummary()
        now = _now()
        try:
            with self.db:
                for result in results:
                    self._write_file(result, run_id, now, summary)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot write to the archive {self.path}: {exc}") from None
        return summary

    def _write_file(
        self, result: FileResult, run_id: int, now: str, summary: IngestSummary
    ) -> None:
        summary.files += 1
        if result.skipped:
            summary.skipped_files += 1
            return
        self.db.execute(
            "INSERT OR IGNORE INTO raw_files VALUES (?, ?, ?)",
            (result.sha256, result.size, result.raw),
        )
        self.db.execute("DELETE FROM quarantine WHERE path = ?", (result.path,))
        for item in result.failures:
            self.db.execute(
                "INSERT INTO quarantine (path, locator, reason, line, byte, raw_sha256, "
                "run_id, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (path, locator) DO UPDATE SET reason = excluded.reason, "
                "line = excluded.line, byte = excluded.byte, run_id = excluded.run_id, "
                "last_seen = excluded.last_seen",
                (
                    item.path,
                    item.locator or "",
                    item.reason,
                    item.line,
                    item.byte,
                    result.sha256,
                    run_id,
                    now,
                    now,
                ),
            )
            summary.quarantined += 1
            summary.quarantine.append(item)
        for record in result.records:
            outcome = self._write_record(record, result, now)
            setattr(summary, outcome, getattr(summary, outcome) + 1)
        self.db.execute(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE "
            "SET sha256 = excluded.sha256, size = excluded.size, mtime_ns = excluded.mtime_ns, "
            "format = excluded.format, records = excluded.records, "
            "complete = excluded.complete, ingested_at = excluded.ingested_at",
            (
                result.path,
                result.sha256,
                result.size,
                result.mtime_ns,
                result.format,
                len(result.records),
                0 if result.failures else 1,
                now,
            ),
        )

    def _write_record(self, record: Record, result: FileResult, now: str) -> str:
        """Insert or version one record; return the summary field it counts under."""
        sha = record.content_sha256 or content_hash(record)
        video = self.db.execute(
            "SELECT * FROM videos WHERE video_id = ?", (record.video_id,)
        ).fetchone()
        if video is None:
            values = _metadata(record)
            self.db.execute(
                f"INSERT INTO videos (video_id, id_source, extra, first_seen, updated_at, "
                f"{', '.join(values)}) VALUES (?, ?, ?, ?, ?{', ?' * len(values)})",
                (record.video_id, record.id_source, _json(record.extra), now, now,
                 *values.values()),
            )
            title, version, old_id = record.title, 1, None
        else:
            same = self.db.execute(
                "SELECT 1 FROM transcripts WHERE video_id = ? AND content_sha256 = ?",
                (record.video_id, sha),
            ).fetchone()
            title = self._fill_metadata(video, record, now)
            if same is not None:
                return "unchanged"
            version = self.db.execute(
                "SELECT max(version) + 1 FROM transcripts WHERE video_id = ?",
                (record.video_id,),
            ).fetchone()[0]
            old_id = video["current_transcript_id"]
        cur = self.db.execute(
            "INSERT INTO transcripts (video_id, version, content_sha256, title, text, raw_text, "
            "words, timed, word_times, source_path, source_format, source_locator, raw_sha256, "
            "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.video_id,
                version,
                sha,
                title,
                record.text,
                None if record.raw_text == record.text else record.raw_text,
                record.text.count(" ") + 1,
                1 if record.segments else 0,
                _json(record.word_times) if record.word_times else None,
                result.path,
                result.format or "unknown",
                record.locator,
                result.sha256,
                now,
            ),
        )
        new_id = int(cur.lastrowid or 0)
        if record.segments:
            self.db.executemany(
                'INSERT INTO segments (transcript_id, seq, start, "end", text) '
                "VALUES (?, ?, ?, ?, ?)",
                [(new_id, i, s.start, s.end, s.text) for i, s in enumerate(record.segments)],
            )
        if old_id is not None:
            self._unindex(old_id)
        self.db.execute("INSERT INTO fts_pending VALUES (?)", (new_id,))
        self.db.execute(
            "UPDATE videos SET current_transcript_id = ?, updated_at = ? WHERE video_id = ?",
            (new_id, now, record.video_id),
        )
        return "ingested" if version == 1 else "new_versions"

    def _unindex(self, transcript_id: int) -> None:
        """Take a transcript out of the search index (or out of the queue for it)."""
        queued = self.db.execute(
            "DELETE FROM fts_pending WHERE transcript_id = ?", (transcript_id,)
        ).rowcount
        if queued:
            return
        old = self.db.execute(
            "SELECT title, text FROM transcripts WHERE id = ?", (transcript_id,)
        ).fetchone()
        self.db.execute(
            "INSERT INTO transcripts_fts (transcripts_fts, rowid, title, text) "
            "VALUES ('delete', ?, ?, ?)",
            (transcript_id, old["title"], old["text"]),
        )

    def index_pending(self, chunk: int = INDEX_CHUNK) -> int:
        """Add queued transcripts to the full-text index; return how many.

        Indexing in large chunks is 2-3x cheaper than row by row (bench/ingest.py);
        each chunk commits, so an interrupted run leaves the rest queued.
        """
        done = 0
        try:
            while True:
                with self.db:
                    ids = [
                        r[0]
                        for r in self.db.execute(
                            "SELECT transcript_id FROM fts_pending ORDER BY transcript_id "
                            "LIMIT ?",
                            (chunk,),
                        )
                    ]
                    if not ids:
                        return done
                    self.db.execute(
                        "INSERT INTO transcripts_fts (rowid, title, text) "
                        "SELECT id, title, text FROM transcripts WHERE id BETWEEN ? AND ? "
                        "AND id IN (SELECT transcript_id FROM fts_pending)",
                        (ids[0], ids[-1]),
                    )
                    self.db.execute(
                        "DELETE FROM fts_pending WHERE transcript_id BETWEEN ? AND ?",
                        (ids[0], ids[-1]),
                    )
                done += len(ids)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot index the archive {self.path}: {exc}") from None

    def _fill_metadata(self, video: sqlite3.Row, record: Record, now: str) -> str | None:
        """Fill metadata the archive lacks, never blanking what it has; return the title."""
        changes: dict[str, Any] = {
            k: v for k, v in _metadata(record).items() if v is not None and video[k] is None
        }
        extra = json.loads(video["extra"])
        merged = {**record.extra, **extra}
        if merged != extra:
            changes["extra"] = _json(merged)
        if changes:
            if "title" in changes and video["current_transcript_id"] is not None:
                self._retitle(video["current_transcript_id"], str(changes["title"]))
            assignments = ", ".join(f"{k} = ?" for k in changes)
            self.db.execute(
                f"UPDATE videos SET {assignments}, updated_at = ? WHERE video_id = ?",
                (*changes.values(), now, video["video_id"]),
            )
        return video["title"] or changes.get("title")

    def _retitle(self, transcript_id: int, title: str) -> None:
        self._unindex(transcript_id)
        self.db.execute("UPDATE transcripts SET title = ? WHERE id = ?", (title, transcript_id))
        self.db.execute("INSERT INTO fts_pending VALUES (?)", (transcript_id,))

    # -- reading --------------------------------------------------------------

    def search(
        self, fts_query: str, filters: Filters, limit: int, offset: int = 0
    ) -> list[SearchHit]:
        """Return ranked hits for a compiled FTS5 query."""
        statement, params = sql.search_sql(fts_query, filters, limit, offset)
        try:
            rows = self.db.execute(statement, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"the search engine rejected the query: {exc}") from None
        return [
            SearchHit(
                video_id=r["video_id"],
                title=r["title"],
                channel=r["channel"],
                language=r["language"],
                publish_date=_date(r["publish_date"]),
                score=round(float(r["score"]), 4),
                snippet=r["snippet"] or "",
            )
            for r in rows
        ]

    def get_video(self, video_id: str) -> VideoDetail:
        """Return one video with its current transcript; raise NotFoundError."""
        video = self.db.execute("SELECT * FROM videos WHERE video_id = ?", (video_id,)).fetchone()
        if video is None or video["current_transcript_id"] is None:
            raise NotFoundError(f"no video {video_id!r} in the archive {self.path}")
        current = self.db.execute(
            "SELECT * FROM transcripts WHERE id = ?", (video["current_transcript_id"],)
        ).fetchone()
        versions = tuple(
            TranscriptVersion(
                r["version"],
                r["content_sha256"],
                r["words"],
                r["source_path"],
                r["source_format"],
                r["source_locator"],
                r["ingested_at"],
            )
            for r in self.db.execute(
                "SELECT * FROM transcripts WHERE video_id = ? ORDER BY version", (video_id,)
            )
        )
        segments = tuple(
            Segment(r["start"], r["end"], r["text"])
            for r in self.db.execute(
                'SELECT start, "end", text FROM segments WHERE transcript_id = ? ORDER BY seq',
                (current["id"],),
            )
        )
        times = json.loads(current["word_times"]) if current["word_times"] else None
        return VideoDetail(
            video_id=video["video_id"],
            title=video["title"],
            channel=video["channel"],
            channel_code=video["channel_code"],
            language=video["language"],
            publish_date=_date(video["publish_date"]),
            thumbnail_path=video["thumbnail_path"],
            thumbnail_file=video["thumbnail_file"],
            duration_seconds=video["duration_seconds"],
            text=current["text"],
            raw_text=current["text"] if current["raw_text"] is None else current["raw_text"],
            words=current["words"],
            segments=segments,
            word_times=tuple((s, e) for s, e in times) if times else None,
            versions=versions,
            extra=json.loads(video["extra"]),
        )

    def source_bytes(self, video_id: str) -> bytes:
        """Return the original bytes of the file the current transcript came from."""
        row = self.db.execute(
            "SELECT r.content FROM videos v "
            "JOIN transcripts t ON t.id = v.current_transcript_id "
            "JOIN raw_files r ON r.sha256 = t.raw_sha256 WHERE v.video_id = ?",
            (video_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no video {video_id!r} in the archive {self.path}")
        return bytes(row[0])

    def stats(self) -> Stats:
        """Return archive-wide counts."""
        one = self.db.execute(
            "SELECT count(*), min(v.publish_date), max(v.publish_date), coalesce(sum(t.words), 0) "
            "FROM videos v JOIN transcripts t ON t.id = v.current_transcript_id"
        ).fetchone()
        channels = {
            r[0] or "(unknown)": r[1]
            for r in self.db.execute(
                "SELECT channel, count(*) FROM videos GROUP BY channel ORDER BY count(*) DESC"
            )
        }
        languages = {
            r[0] or "(unknown)": r[1]
            for r in self.db.execute(
                "SELECT language, count(*) FROM videos GROUP BY language ORDER BY count(*) DESC"
            )
        }
        return Stats(
            videos=one[0],
            versions=self.db.execute("SELECT count(*) FROM transcripts").fetchone()[0],
            words=one[3],
            channels=channels,
            languages=languages,
            first_date=_date(one[1]),
            last_date=_date(one[2]),
            quarantined=self.db.execute("SELECT count(*) FROM quarantine").fetchone()[0],
        )

    def quarantined(self) -> list[QuarantineItem]:
        """Return every input that could not be read."""
        return [
            QuarantineItem(r["path"], r["locator"] or None, r["reason"], r["line"], r["byte"])
            for r in self.db.execute("SELECT * FROM quarantine ORDER BY path, locator")
        ]

    def iter_rows(self, filters: Filters, fts_query: str | None) -> Iterator[dict[str, Any]]:
        """Yield one flat row per video (current transcript) for export."""
        statement, params = sql.export_sql(filters, fts_query)
        try:
            cursor = self.db.execute(statement, params)
        except sqlite3.OperationalError as exc:
            raise QueryError(f"the search engine rejected the query: {exc}") from None
        for row in cursor:
            yield dict(zip(sql.EXPORT_COLUMNS, tuple(row), strict=True))

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()
