"""``SQLiteStore``: the default archive, one SQLite file (WAL, FTS5), plain tables."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from newsreel.errors import NotFoundError, SchemaError, StoreError
from newsreel.models import (
    Filters,
    HitRow,
    IngestSummary,
    LazyTimes,
    QuarantineItem,
    Segment,
    Stats,
    TranscriptVersion,
    VideoDetail,
)
from newsreel.search.fulltext import FullText, IndexedVideo
from newsreel.search.query import Node
from newsreel.search.soundalike import sound_key
from newsreel.store import sql
from newsreel.store.base import FileResult, SourceState
from newsreel.store.schema import MIGRATIONS
from newsreel.store.sqlite_analytics import AnalyticsRows
from newsreel.store.sqlite_entities import EntityRows
from newsreel.store.sqlite_repair import RepairRows
from newsreel.store.sqlite_stories import StoryRows
from newsreel.store.sqlite_write import BatchWriter, now, temp_ids

OWNER_FILE = "archive-id"
INDEX_CHUNK = 20_000


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class SQLiteStore(RepairRows, EntityRows, AnalyticsRows, StoryRows):
    """The reference ``Store``: an archive in one SQLite file."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._fulltext: FullText | None = None
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
            # Checkpoint every ~160 MB of WAL rather than 16 MB: fewer fsyncs in bulk
            # ingest (~10% faster, bench/ingest.py); finish_run truncates the WAL.
            self.db.execute("PRAGMA wal_autocheckpoint = 10000")
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
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, now())
                )

    def __reduce__(self) -> tuple[type[SQLiteStore], tuple[str]]:
        # A connection cannot cross processes: a pickled store reopens by path
        # (process start methods other than fork pickle the writer's store).
        return (SQLiteStore, (self.path,))

    def reopen(self) -> SQLiteStore:
        """A new connection to the same archive, for use in another process."""
        return SQLiteStore(self.path)

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
                (now(), json.dumps(list(paths))),
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
                    now(),
                    status,
                    summary.ingested,
                    summary.unchanged,
                    summary.new_versions,
                    summary.quarantined,
                    summary.skipped_files,
                    run_id,
                ),
            )
        self.db.execute("PRAGMA optimize")  # planner statistics for the search queries
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # leave one self-contained file

    def write(self, results: Sequence[FileResult], run_id: int) -> IngestSummary:
        """Archive a batch of file results in one transaction and return its counts."""
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")  # ids are assigned under the write lock
                return BatchWriter(self.db, run_id).write(results)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot write to the archive {self.path}: {exc}") from None

    @property
    def fulltext(self) -> FullText:
        """The full-text index beside the archive (opened on first use)."""
        if self._fulltext is None:
            folder = None if self.path == ":memory:" else Path(self.path + ".fulltext")
            if self.read_only and folder is not None and not folder.exists():
                raise StoreError(
                    f"the full-text index of {self.path} is missing; "
                    "run 'newsreel reindex' to rebuild it from the archive"
                )
            self._fulltext = FullText(folder)
            if folder is not None:
                self._check_owner(folder)
            if not self.read_only and self._fulltext.documents() == 0:
                self._queue_all()  # a new or deleted index: rebuild from the records
        return self._fulltext

    def _check_owner(self, folder: Path) -> None:
        """Make sure the index beside the archive was built from this archive (a folder
        left by a deleted archive of the same name must not answer its searches)."""
        assert self._fulltext is not None
        marker = folder / OWNER_FILE
        owner = marker.read_text().strip() if marker.exists() else None
        archive_id = self.state("archive_id")
        if self.read_only:
            if archive_id and owner and owner != archive_id:
                raise StoreError(
                    f"the full-text index {folder} belongs to another archive; "
                    "run 'newsreel reindex' to rebuild it from this one"
                )
            return
        adopt = False
        if archive_id is None:
            # An archive made before indexes were marked keeps its index; a new, empty
            # archive must not adopt a folder some deleted archive left behind.
            adopt = owner is None and bool(
                self.db.execute("SELECT 1 FROM videos LIMIT 1").fetchone()
            )
            archive_id = uuid.uuid4().hex
            self.set_state("archive_id", archive_id)
        stale = owner is not None or self._fulltext.documents() > 0
        if owner != archive_id and not adopt and stale:
            self._fulltext.clear()
            self._queue_all()
        if owner != archive_id:
            marker.write_text(archive_id + "\n")

    def _queue_all(self) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR IGNORE INTO fts_pending SELECT current_transcript_id FROM videos "
                "WHERE current_transcript_id IS NOT NULL"
            )

    def rebuild_index(self) -> int:
        """Rebuild the full-text index from the archive; return videos indexed."""
        self.fulltext.clear()
        self._queue_all()
        return self.index_pending()

    def index_pending(self, chunk: int = INDEX_CHUNK) -> int:
        """Add queued transcripts to the full-text index; return how many.

        Each chunk is committed to the index before it leaves the queue, so an
        interrupted run leaves the rest queued (indexing a video twice replaces it).
        """
        done = 0
        fulltext = self.fulltext
        try:
            while True:
                queued = self.db.execute(
                    "SELECT p.transcript_id, v.video_id, t.title, coalesce(r.text, t.text), "
                    "v.channel, v.channel_code, v.language, v.publish_date FROM fts_pending p "
                    "JOIN transcripts t ON t.id = p.transcript_id "
                    "LEFT JOIN repairs r ON r.transcript_id = t.id "
                    "LEFT JOIN videos v ON v.current_transcript_id = t.id "
                    "ORDER BY p.transcript_id LIMIT ?",
                    (chunk,),
                ).fetchall()
                if not queued:
                    return done
                last = queued[-1][0]
                rows = [r for r in queued if r[1] is not None]  # superseded: just dequeue
                fulltext.add(
                    IndexedVideo(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _date(r[7]))
                    for r in rows
                )
                with self.db:
                    self.db.execute("DELETE FROM fts_pending WHERE transcript_id <= ?", (last,))
                done += len(rows)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot index the archive {self.path}: {exc}") from None

    # -- reading --------------------------------------------------------------

    def match(
        self,
        node: Node,
        filters: Filters,
        limit: int,
        offset: int = 0,
        sort: str = "relevance",
        among: Sequence[int] | None = None,
    ) -> list[tuple[int, float]]:
        """(transcript id, score) of current transcripts matching a query."""
        return self.fulltext.search(node, filters, limit, offset, sort, among)

    def hit_rows(self, transcript_ids: Sequence[int]) -> dict[int, HitRow]:
        """Metadata, text and word times of transcripts, by id."""
        out: dict[int, HitRow] = {}
        for start in range(0, len(transcript_ids), 500):
            chunk = list(transcript_ids[start : start + 500])
            for r in self.db.execute(sql.hit_rows_sql(len(chunk)), chunk):
                times = LazyTimes(r["word_times"]) if r["word_times"] else None
                out[r["id"]] = HitRow(
                    transcript_id=r["id"],
                    video_id=r["video_id"],
                    title=r["title"],
                    channel=r["channel"],
                    language=r["language"],
                    publish_date=_date(r["publish_date"]),
                    text=r["text"],
                    word_times=times or None,
                )
        return out

    def sound_variants(self, keys: Sequence[str]) -> dict[str, list[tuple[str, int]]]:
        """Vocabulary terms (with their document counts) per sound key."""
        out: dict[str, list[tuple[str, int]]] = {k: [] for k in keys}
        for key in keys:
            for term, docs in self.db.execute(
                "SELECT term, docs FROM sound_keys WHERE key = ?", (key,)
            ):
                out[key].append((term, docs))
        return out

    def unembedded(self, after: int, limit: int) -> list[tuple[int, str]]:
        """(id, text) of current transcripts after ``after`` that have no passages yet."""
        return [
            (r[0], r[1])
            for r in self.db.execute(
                "SELECT t.id, t.text FROM videos v JOIN transcripts t "
                "ON t.id = v.current_transcript_id WHERE t.id > ? AND NOT EXISTS "
                "(SELECT 1 FROM passages p WHERE p.transcript_id = t.id) ORDER BY t.id LIMIT ?",
                (after, limit),
            )
        ]

    def add_passages(self, rows: Sequence[tuple[int, int, int, bytes]]) -> None:
        """Store passages (transcript id, first word, words, vector) and drop superseded ones."""
        try:
            with self.db:
                self.db.executemany(
                    "INSERT INTO passages (transcript_id, first_word, words, vector) "
                    "VALUES (?, ?, ?, ?)",
                    rows,
                )
                # Older versions of these videos lose their passages (only theirs: a
                # scan of every passage per batch made a large archive quadratic).
                self.db.executemany(
                    "DELETE FROM passages WHERE transcript_id IN (SELECT o.id FROM transcripts o "
                    "JOIN transcripts n ON n.video_id = o.video_id "
                    "WHERE n.id = ? AND o.id != n.id)",
                    [(t,) for t in sorted({row[0] for row in rows})],
                )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot store passages in {self.path}: {exc}") from None

    def passage_count(self) -> tuple[int, int]:
        """(number of passages, largest passage id)."""
        row = self.db.execute("SELECT count(*), coalesce(max(id), 0) FROM passages").fetchone()
        return int(row[0]), int(row[1])

    def passage_vectors(
        self, filters: Filters | None = None, after: int = 0
    ) -> Iterator[tuple[int, bytes]]:
        """(id, vector) of passages: all after ``after``, or those of matching videos."""
        if filters is None:
            query, params = "SELECT id, vector FROM passages WHERE id > ? ORDER BY id", [after]
        else:
            query, params = sql.passage_vectors_sql(filters)
        for r in self.db.execute(query, params):
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

    def refresh_search(self) -> int:
        """Bring the sound-alike vocabulary up to date with the index; return its size.

        Rebuilt from the full-text index's own vocabulary when transcripts
        were indexed since the last refresh; a no-op otherwise.
        """
        try:
            newest = self.db.execute("SELECT coalesce(max(id), 0) FROM transcripts").fetchone()[0]
            state = self.db.execute(
                "SELECT value FROM search_state WHERE name = 'vocabulary'"
            ).fetchone()
            if state is not None and state[0] == str(newest):
                return 0
            with self.db:
                self.db.execute("DELETE FROM sound_keys")
                rows = (
                    (key, term, docs)
                    for term, docs in self.fulltext.vocabulary().items()
                    if (key := sound_key(term))
                )
                self.db.executemany("INSERT INTO sound_keys VALUES (?, ?, ?)", rows)
                documents = self.db.execute(
                    "SELECT count(*) FROM videos WHERE current_transcript_id IS NOT NULL"
                ).fetchone()[0]
                self.db.executemany(
                    "INSERT OR REPLACE INTO search_state VALUES (?, ?)",
                    [("vocabulary", str(newest)), ("documents", str(documents))],
                )
            return int(self.db.execute("SELECT count(*) FROM sound_keys").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot update the search vocabulary of {self.path}: {exc}") from None

    def facets(
        self, node: Node, filters: Filters, limit: int = 20
    ) -> dict[str, list[tuple[str, int]]]:
        """Counts of matching videos per channel, language and month."""
        return self.fulltext.facets(node, filters, limit)

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
            repair=self.repair_data(current["id"]),
        )

    def source_bytes(self, video_id: str) -> bytes:
        """Return the original bytes of the file the current transcript came from."""
        row = self.db.execute(
            "SELECT r.content, r.text_offset, t.text FROM videos v "
            "JOIN transcripts t ON t.id = v.current_transcript_id "
            "JOIN raw_files r ON r.sha256 = t.raw_sha256 WHERE v.video_id = ?",
            (video_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no video {video_id!r} in the archive {self.path}")
        content, offset = bytes(row[0]), row[1]
        if offset is None:
            return content
        text: str = row[2]
        return content[:offset] + text.encode("utf-8") + content[offset:]

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

    def _restrict(self, node: Node | None, filters: Filters) -> bool:
        """Put the ids of videos matching ``node`` in temp.matched; False if no query."""
        if node is None:
            return False
        ids = self.fulltext.all_ids(node, filters)
        temp_ids(self.db, "matched", ids)
        return True

    def term_doc_freqs(self, terms: Iterable[str]) -> dict[str, int]:
        """In how many indexed transcripts each folded term occurs."""
        return self.fulltext.doc_freqs(terms)

    def matching_ids(self, node: Node, filters: Filters) -> list[int]:
        """Transcript ids of every video matching the query."""
        return self.fulltext.all_ids(node, filters)

    def iter_rows(self, filters: Filters, node: Node | None) -> Iterator[dict[str, Any]]:
        """Yield one flat row per video (current transcript) for export."""
        statement, params = sql.export_sql(filters, self._restrict(node, filters))
        cursor = self.db.execute(statement, params)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def extra_keys(self, filters: Filters, node: Node | None) -> list[str]:
        """The keys of ``extra`` metadata among the videos ``iter_rows`` would yield."""
        statement, params = sql.extra_keys_sql(filters, self._restrict(node, filters))
        return [r[0] for r in self.db.execute(statement, params)]

    def close(self) -> None:
        """Close the database connection and the full-text index."""
        if self._fulltext is not None:
            self._fulltext.close()
        self.db.close()
