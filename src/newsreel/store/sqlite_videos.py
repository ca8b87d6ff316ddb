"""Videos and their transcript versions in a SQLite archive: ingest writes, reads, export rows."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from newsreel.errors import NotFoundError, StoreError
from newsreel.models import (
    UNKNOWN_OUTLET,
    Filters,
    HitRow,
    IndexedVideo,
    IngestSummary,
    LazyTimes,
    QuarantineItem,
    Segment,
    Stats,
    TranscriptVersion,
    VideoDetail,
)
from newsreel.rows import VideoRow
from newsreel.store import sql
from newsreel.store.base import FileResult, SourceState
from newsreel.store.sql import filter_clause
from newsreel.store.sqlite_repair import load_repair
from newsreel.store.sqlite_write import (
    BatchWriter,
    Repository,
    now,
    rows_in,
    stream,
    temp_ids,
    to_date,
)


class SQLiteVideos(Repository):
    """Videos, transcript versions, raw files, quarantine and ingest runs."""

    def source_states(self, paths: Sequence[str]) -> dict[str, SourceState]:
        """The remembered state of each of ``paths`` that was ingested completely."""
        return {
            r["path"]: SourceState(r["path"], r["sha256"], r["size"], r["mtime_ns"], r["records"])
            for r in rows_in(
                self.db, "SELECT * FROM sources WHERE path IN ({}) AND complete = 1", paths
            )
        }

    def begin_run(self, paths: Sequence[str]) -> int:
        """Record the start of an ingest run and return its id."""
        with self.db:
            # The caller holds the writer lock: a run still marked running has died.
            self.db.execute(
                "UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'"
            )
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
        try:
            self.db.execute("PRAGMA optimize")  # planner statistics for the search queries
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # leave one self-contained file
        except sqlite3.DatabaseError as exc:  # the run is recorded: say what is wrong
            raise StoreError(
                f"the ingest into {self.path} is saved, but the archive could not be tidied "
                f"up afterwards ({exc}); free some space and run the command again"
            ) from None

    def write(
        self, results: Sequence[FileResult], run_id: int
    ) -> tuple[IngestSummary, list[IndexedVideo]]:
        """Archive a batch of file results in one transaction; return its counts and the
        transcripts it made current, as the full-text index should hold them (they are
        also queued for it)."""
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")  # ids are assigned under the write lock
                writer = BatchWriter(self.db, run_id)
                return writer.write(results), writer.written
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot write to the archive {self.path}: {exc}") from None

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
                    publish_date=to_date(r["publish_date"]),
                    text=r["text"],
                    word_times=times or None,
                )
        return out

    def outlets(self, transcript_ids: Sequence[int]) -> dict[int, str | None]:
        """The channel of each transcript's video, by transcript id."""
        out: dict[int, str | None] = {}
        for start in range(0, len(transcript_ids), 500):
            chunk = list(transcript_ids[start : start + 500])
            for r in self.db.execute(sql.outlets_sql(len(chunk)), chunk):
                out[r["id"]] = r["channel"]
        return out

    def get_video(self, video_id: str, version: int | None = None) -> VideoDetail:
        """Return one video with its current transcript, or with transcript ``version``;
        raise NotFoundError."""
        video = self.db.execute("SELECT * FROM videos WHERE video_id = ?", (video_id,)).fetchone()
        if video is None or video["current_transcript_id"] is None:
            raise NotFoundError(f"no video {video_id!r} in the archive {self.path}")
        current = self.db.execute(
            "SELECT * FROM transcripts WHERE id = ?", (video["current_transcript_id"],)
        ).fetchone()
        current_version = int(current["version"])
        if version is not None:
            current = self._version(video_id, version)
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
            publish_date=to_date(video["publish_date"]),
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
            repair=load_repair(self.db, current["id"]),
            sources=json.loads(video["sources"]),
            version=current_version,
            shown_version=int(current["version"]),
        )

    def _version(self, video_id: str, version: int) -> Any:
        """Transcript ``version`` of a video; NotFoundError naming the versions kept."""
        row = self.db.execute(
            "SELECT * FROM transcripts WHERE video_id = ? AND version = ?", (video_id, version)
        ).fetchone()
        if row is None:
            count = self.db.execute(
                "SELECT max(version) FROM transcripts WHERE video_id = ?", (video_id,)
            ).fetchone()[0]
            raise NotFoundError(
                f"video {video_id!r} has no version {version}: its versions are 1 to {count}"
            )
        return row

    def source_bytes(self, video_id: str, version: int | None = None) -> bytes:
        """Return the original bytes of the file the current transcript (or transcript
        ``version``) came from."""
        which = "t.id = v.current_transcript_id"
        args: tuple[Any, ...] = (video_id,)
        if version is not None:
            self._version(video_id, version)  # NotFoundError naming the versions kept
            which, args = "t.video_id = v.video_id AND t.version = ?", (version, video_id)
        row = self.db.execute(
            "SELECT r.content, r.text_offset, t.text FROM videos v "
            f"JOIN transcripts t ON {which} "
            "JOIN raw_files r ON r.sha256 = t.raw_sha256 WHERE v.video_id = ?",
            args,
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no video {video_id!r} in the archive {self.path}")
        content, offset = bytes(row[0]), row[1]
        if offset is None:
            return content
        text: str = row[2]
        return content[:offset] + text.encode("utf-8") + content[offset:]

    def undated_count(self) -> int:
        """How many videos have no publish date (trends leave them out)."""
        row = self.db.execute("SELECT count(*) FROM videos WHERE publish_date IS NULL").fetchone()
        return int(row[0])

    def languages_like(self, language: str) -> list[str]:
        """The archive's language codes equal to ``language`` (case aside); when none is,
        up to 12 of the codes it has."""
        same = self.db.execute(
            "SELECT language FROM videos WHERE lower(language) = lower(?) LIMIT 1", (language,)
        ).fetchone()
        if same is not None:
            return [str(same[0])]
        return [  # "(unknown)" too where a video has no language: a value --lang takes
            str(r[0])
            for r in self.db.execute(
                "SELECT DISTINCT coalesce(language, ?) FROM videos ORDER BY 1 LIMIT 12",
                (UNKNOWN_OUTLET,),
            )
        ]

    def stats(self) -> Stats:
        """Return archive-wide counts."""
        one = self.db.execute(
            "SELECT count(*), min(v.publish_date), max(v.publish_date), coalesce(sum(t.words), 0) "
            "FROM videos v JOIN transcripts t ON t.id = v.current_transcript_id"
        ).fetchone()

        def counted(column: str) -> dict[str, int]:  # most first, ties by name (every store)
            rows = self.db.execute(f"SELECT {column}, count(*) FROM videos GROUP BY {column}")
            named = [(r[0] or "(unknown)", int(r[1])) for r in rows]
            return dict(sorted(named, key=lambda r: (-r[1], r[0])))

        channels = counted("channel")
        languages = counted("language")
        return Stats(
            videos=one[0],
            versions=self.db.execute("SELECT count(*) FROM transcripts").fetchone()[0],
            words=one[3],
            channels=channels,
            languages=languages,
            first_date=to_date(one[1]),
            last_date=to_date(one[2]),
            quarantined=self.db.execute("SELECT count(*) FROM quarantine").fetchone()[0],
        )

    def forget_quarantined(self, paths: Sequence[str]) -> int:
        """Drop the quarantine entries of these paths (files no longer there); their bytes
        stay in ``raw_files``. Returns how many entries went."""
        with self.db:
            return sum(
                self.db.execute("DELETE FROM quarantine WHERE path = ?", (path,)).rowcount
                for path in paths
            )

    def quarantined(self) -> list[QuarantineItem]:
        """Return every input that could not be read."""
        return [
            QuarantineItem(r["path"], r["locator"] or None, r["reason"], r["line"], r["byte"])
            for r in self.db.execute("SELECT * FROM quarantine ORDER BY path, locator")
        ]

    def _restrict(self, ids: Sequence[int] | None) -> bool:
        """Put ``ids`` (the videos a query matched) in temp.matched; False if no query."""
        if ids is None:
            return False
        temp_ids(self.db, "matched", ids)
        return True

    def iter_rows(self, filters: Filters, ids: Sequence[int] | None) -> Iterator[dict[str, Any]]:
        """Yield one flat row per video (current transcript) for export."""
        statement, params = sql.export_sql(filters, self._restrict(ids))
        names = sql.EXPORT_COLUMNS
        for row in stream(self.db, statement, params):
            yield dict(zip(names, row, strict=True))

    def video_ids(self, filters: Filters, ids: Sequence[int] | None) -> list[str]:
        """The ids of the videos ``iter_rows`` would yield, without reading their rows."""
        statement, params = sql.video_ids_sql(filters, self._restrict(ids))
        return [str(r[0]) for r in self.db.execute(statement, params)]

    def current_transcripts(self, video_ids: Sequence[str]) -> list[int]:
        """The current transcript ids of these videos (those the archive has), in order."""
        found = {
            str(r[0]): int(r[1])
            for r in rows_in(
                self.db,
                "SELECT video_id, current_transcript_id FROM videos WHERE video_id IN ({}) "
                "AND current_transcript_id IS NOT NULL",
                list(video_ids),
            )
        }
        return [found[v] for v in video_ids if v in found]

    def extra_keys(self, filters: Filters, ids: Sequence[int] | None) -> list[str]:
        """The keys of ``extra`` metadata among the videos ``iter_rows`` would yield."""
        statement, params = sql.extra_keys_sql(filters, self._restrict(ids))
        return [r[0] for r in self.db.execute(statement, params)]

    def current_ids(self) -> list[int]:
        """Ids of every current transcript, ascending."""
        return [
            int(r[0])
            for r in self.db.execute(
                "SELECT current_transcript_id FROM videos "
                "WHERE current_transcript_id IS NOT NULL ORDER BY 1"
            )
        ]

    def generation(self) -> tuple[int, int]:
        """Changes whenever a transcript is added (a new version is a new transcript) or
        an ingest run ends (metadata may have changed); cheap at any size."""
        row = self.db.execute(
            "SELECT (SELECT coalesce(max(id), 0) FROM transcripts), "
            "(SELECT coalesce(max(id), 0) FROM ingest_runs)"
        ).fetchone()
        return int(row[0]), int(row[1])

    def transcript_texts(self, transcript_ids: Sequence[int]) -> dict[int, str]:
        """Normalised text of each transcript id."""
        return {
            int(r[0]): str(r[1])
            for r in rows_in(
                self.db, "SELECT id, text FROM transcripts WHERE id IN ({})", transcript_ids
            )
        }

    def browse(self, filters: Filters, limit: int, offset: int) -> tuple[int, list[VideoRow]]:
        """Videos passing the filters, newest first: (how many in all, this page)."""
        where, params = filter_clause(filters)
        base = (
            "FROM videos v JOIN transcripts t ON t.id = v.current_transcript_id WHERE 1 = 1" + where
        )
        total = int(self.db.execute(f"SELECT count(*) {base}", params).fetchone()[0])
        rows = [
            VideoRow(r[0], r[1], r[2], r[3], to_date(r[4]), int(r[5]))
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
