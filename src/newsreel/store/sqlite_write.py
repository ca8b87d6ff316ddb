"""Writing a batch of parsed files into the SQLite archive, set-wise.

A batch is written with a few ``executemany`` calls rather than a dozen statements per
record: ingest runs this on a writer thread, and every statement costs a hand-over of
Python's GIL from the parsing thread, so fewer, larger statements let the two overlap.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from newsreel.models import IndexedVideo, IngestSummary, Record, SkippedFile, content_hash
from newsreel.store.base import FileResult

_MAX_PARAMS = 900
MAX_ID = 2**63 - 1  # the largest id SQLite (and PostgreSQL's bigint) can hold
_FILLABLE = (
    "title",
    "channel",
    "channel_code",
    "language",
    "publish_date",
    "thumbnail_path",
    "thumbnail_file",
    "duration_seconds",
)


LEAD_CHARS = 2400  # enough for a transcript's first 200 words


class Repository:
    """One domain's rows in a SQLite archive, over the archive's one connection."""

    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self.db = db
        self.path = path


def to_date(value: str | None) -> date | None:
    """A stored ISO date, or None."""
    return date.fromisoformat(value) if value else None


def now() -> str:
    """The current UTC time as stored in the archive."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def to_json(value: Any) -> str:
    """Compact JSON as stored in the archive."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def metadata(record: Record) -> dict[str, Any]:
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


def rows_in(
    db: sqlite3.Connection, sql: str, keys: Sequence[Any], *params: Any
) -> Iterator[sqlite3.Row]:
    """Run ``sql`` with an ``IN ({})`` list over ``keys``, in chunks (``params`` follow
    the list)."""
    for start in range(0, len(keys), _MAX_PARAMS):
        chunk = list(keys[start : start + _MAX_PARAMS])
        yield from db.execute(sql.format(", ".join("?" * len(chunk))), [*chunk, *params])


def stream(db: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> Iterator[Any]:
    """The rows of a large query as they are read: SQLite's cursor steps through them;
    PostgreSQL's connection (``store.postgres``) fetches them in chunks from a
    server-side cursor rather than all at once."""
    server = getattr(db, "stream", None)
    if server is not None:
        yield from server(sql, params)
        return
    yield from db.execute(sql, params)


def temp_ids(db: sqlite3.Connection, table: str, ids: Iterable[int]) -> None:
    """Fill the temporary one-column table ``temp.<table>`` with ``ids`` (for joins
    over more ids than a statement may carry)."""
    reading = not db.in_transaction
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY)")
    db.execute(f"DELETE FROM temp.{table}")
    db.executemany(f"INSERT OR IGNORE INTO temp.{table} VALUES (?)", ((i,) for i in ids))
    if reading:
        # The inserts opened a transaction; left open, a reader's connection would keep
        # reading the archive as it was then and never see another process's writes.
        db.commit()


def unindex(db: sqlite3.Connection, transcript_id: int) -> None:
    """Take a superseded transcript out of the queue for the full-text index.

    The index holds one document per video: indexing the new current transcript
    replaces the old one there.
    """
    db.execute("DELETE FROM fts_pending WHERE transcript_id = ?", (transcript_id,))


# the id_source of a record that names no video id: its id is a hash of its text
CONTENT_HASH = "content-hash"


class BatchWriter:
    """Writes one batch inside the caller's transaction and counts every outcome."""

    def __init__(self, db: sqlite3.Connection, run_id: int) -> None:
        self.db = db
        self.run_id = run_id
        self.now = now()
        self.summary = IngestSummary()
        self.known: dict[str, dict[str, Any]] = {}  # videos already in the archive
        self.fresh: dict[str, dict[str, Any]] = {}  # videos new in this batch
        self.hashes: set[tuple[str, str]] = set()
        self.versions: dict[str, int] = {}
        self.paths: dict[str, set[str]] = {}  # files each video's versions came from
        self.ids: dict[tuple[str, str], tuple[int, int]] = {}  # (video, hash) -> id, version
        self.made_current: dict[str, tuple[int, str | None]] = {}  # id, file of the current
        # the file and format the current transcript came from (before or in this batch)
        self.current_from: dict[str, tuple[str | None, str]] = {}
        self.current: dict[str, int] = {}
        self.restored: dict[str, tuple[str, str]] = {}  # video -> (file, note) restored
        self.transcripts: list[tuple[Any, ...]] = []
        self.segments: list[tuple[Any, ...]] = []
        self.texts: dict[str, str] = {}  # the text of each video's new current transcript
        # hashes of the words of videos whose current transcript is timed: an untimed copy
        # of the same words (an export read back) is no new version
        self.timed_words: dict[str, str] = {}
        self.written: list[IndexedVideo] = []  # what the full-text index should hold

    def write(self, results: Sequence[FileResult]) -> IngestSummary:
        """Write every file result of the batch; return the counts."""
        files = [r for r in results if not r.skipped]
        self.summary.files = len(results)
        self.summary.skipped_files = len(results) - len(files)
        self.summary.skipped = [SkippedFile(r.path, r.skipped) for r in results if r.skipped]
        pairs = [(record, result) for result in files for record in result.records]
        self._same_place(pairs)
        self._load([record.video_id for record, _ in pairs])
        next_id = self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM transcripts").fetchone()[0]
        spliced: set[str] = set()
        for record, result in pairs:
            if self._add(record, result, next_id):
                next_id += 1
                if result.splice is not None:
                    spliced.add(result.path)
        self._write_raw(files, spliced)
        self._write_failures(files)
        self._flush()
        self._write_sources(files)
        self.written = [self._indexed(vid, tid) for vid, tid in self.current.items()]
        return self.summary

    def _same_place(self, pairs: Sequence[tuple[Record, FileResult]]) -> None:
        """A record that names no video id (its id is its text's hash) and whose text was
        edited is a new version of the video last read from the same file and place in
        it, not a second video: its id becomes that video's, unless its text is already
        another video's."""
        hashed = [(r, f) for r, f in pairs if r.id_source == CONTENT_HASH]
        if not hashed:
            return
        ids = [r.video_id for r, _ in hashed]
        taken = {
            row[0]
            for row in rows_in(self.db, "SELECT video_id FROM videos WHERE video_id IN ({})", ids)
        }
        for record, result in hashed:
            if record.video_id in taken:
                continue  # unchanged, or the same text read elsewhere
            sha = record.content_sha256 or content_hash(record)
            row = (
                self.db.execute(  # the same text, as an earlier edit made it
                    "SELECT v.video_id FROM transcripts t JOIN videos v ON v.video_id = t.video_id "
                    "WHERE t.content_sha256 = ? AND v.id_source = ? LIMIT 1",
                    (sha, CONTENT_HASH),
                ).fetchone()
                or self.db.execute(
                    "SELECT v.video_id FROM videos v JOIN transcripts t "
                    "ON t.id = v.current_transcript_id WHERE v.id_source = ? "
                    "AND t.source_path = ? AND coalesce(t.source_locator, '') = ?",
                    (CONTENT_HASH, result.path, record.locator or ""),
                ).fetchone()
            )
            if row is not None:
                record.video_id = row[0]

    def _indexed(self, vid: str, tid: int) -> IndexedVideo:
        row = self.fresh.get(vid) or self.known[vid]
        return IndexedVideo(
            tid,
            vid,
            row["title"],
            self.texts[vid],
            row["channel"],
            row["channel_code"],
            row["language"],
            to_date(row["publish_date"]),
            fresh=vid in self.fresh,
        )

    def _write_raw(self, files: list[FileResult], spliced: set[str]) -> None:
        """Keep each file's bytes; a spliced file leans on its new transcript's text."""
        rows = []
        for r in files:
            if r.splice is None or r.path in spliced:
                rows.append((r.sha256, r.size, r.splice, r.raw))
            else:  # its transcript was not new: keep the whole file
                text = r.records[0].text.encode("utf-8")
                rows.append((r.sha256, r.size, None, r.raw[: r.splice] + text + r.raw[r.splice :]))
        self.db.executemany("INSERT OR IGNORE INTO raw_files VALUES (?, ?, ?, ?)", rows)

    def _write_failures(self, files: list[FileResult]) -> None:
        self.db.executemany("DELETE FROM quarantine WHERE path = ?", [(r.path,) for r in files])
        failures = [(item, r.sha256) for r in files for item in r.failures]
        self.db.executemany(
            "INSERT INTO quarantine (path, locator, reason, line, byte, raw_sha256, run_id, "
            "first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (path, locator) DO UPDATE SET reason = excluded.reason, "
            "line = excluded.line, byte = excluded.byte, run_id = excluded.run_id, "
            "last_seen = excluded.last_seen",
            [
                (
                    q.path,
                    q.locator or "",
                    q.reason,
                    q.line,
                    q.byte,
                    sha,
                    self.run_id,
                    self.now,
                    self.now,
                )
                for q, sha in failures
            ],
        )
        self.summary.quarantined = len(failures)
        self.summary.quarantine = [q for q, _ in failures]

    def _load(self, video_ids: Iterable[str]) -> None:
        ids = sorted(set(video_ids))
        for row in rows_in(self.db, "SELECT * FROM videos WHERE video_id IN ({})", ids):
            self.known[row["video_id"]] = dict(row)
        known = sorted(self.known)
        sql = (
            "SELECT video_id, content_sha256, version, source_path, id, source_format "
            "FROM transcripts WHERE video_id IN ({})"
        )
        timed = (
            "SELECT v.video_id, t.text FROM videos v JOIN transcripts t "
            "ON t.id = v.current_transcript_id WHERE t.timed = 1 AND v.video_id IN ({})"
        )
        for row in rows_in(self.db, timed, known):
            self.timed_words[row[0]] = _words_hash(row[1])
        for row in rows_in(self.db, sql, known):
            self.hashes.add((row[0], row[1]))
            self.ids[(row[0], row[1])] = (int(row[4]), int(row[2]))
            self.versions[row[0]] = max(self.versions.get(row[0], 0), row[2])
            if row[3]:
                self.paths.setdefault(row[0], set()).add(str(row[3]))
            if row[4] == self.known[row[0]].get("current_transcript_id"):
                self.made_current[row[0]] = (int(row[4]), row[3])
                self.current_from[row[0]] = (row[3], str(row[5] or ""))

    def _add(self, record: Record, result: FileResult, next_id: int) -> bool:
        """Queue one record; return True if it became a new transcript version."""
        vid = record.video_id
        sha = record.content_sha256 or content_hash(record)
        title = self._fill(record)
        if (vid, sha) in self.hashes or (
            not record.segments and self.timed_words.get(vid) == _words_hash(record.text)
        ):
            self.summary.unchanged += 1
            self._restore(record, sha, result.path)
            return False
        self._note_kept(record, result.path)
        self._note_other_file(record, result.path)
        version = self.versions.get(vid, 0) + 1
        self.hashes.add((vid, sha))
        self.versions[vid] = version
        if self._human_stays(vid, result.path, version) or self._page_stays(vid, result, version):
            pass  # kept as a version; the better source stays current
        else:
            if vid not in self.current and self.known.get(vid, {}).get("current_transcript_id"):
                unindex(self.db, self.known[vid]["current_transcript_id"])
            self.current[vid] = next_id
            self.texts[vid] = record.text
            self.current_from[vid] = (result.path, result.format or "")  # this batch's
        self.transcripts.append(
            (
                next_id,
                vid,
                version,
                sha,
                title,
                record.text,
                None if record.raw_text == record.text else record.raw_text,
                record.words or record.text.count(" ") + 1,
                1 if record.segments else 0,
                to_json(record.word_times) if record.word_times else None,
                result.path,
                result.format or "unknown",
                record.locator,
                result.sha256,
                self.now,
            )
        )
        self.segments += [
            (next_id, i, s.start, s.end, s.text) for i, s in enumerate(record.segments)
        ]
        if version == 1:
            self.summary.ingested += 1
        else:
            self.summary.new_versions += 1
        where = f"{result.path}, {record.locator}" if record.locator else result.path
        if problem := record.extra.get("publish_date_error"):
            self.summary.warnings.append(
                f"{vid} ({where}): publish date {problem}; stored undated "
                "(extra.publish_date_error; 'newsreel set VIDEO_ID --date' sets it)"
            )
        if problem := record.extra.get("cut_short"):
            self.summary.warnings.append(f"{vid} ({where}): {problem} (extra.cut_short)")
        return True

    def _human_stays(self, vid: str, path: str, version: int) -> bool:
        """Whether a video's automatic captions (yt-dlp's ``ID.en.auto.json3``) read
        after its human ones are kept as a version without becoming current: read
        together they sort first, so the human track is current whichever came first."""
        source = self.current_from.get(vid, (None, ""))[0]
        if source is None or _automatic(source) or not _automatic(path):
            return False
        self.summary.warnings.append(
            f"{vid} ({path}): automatic captions kept as version {version}; the human "
            f"captions ({source}) stay current"
        )
        return True

    def _page_stays(self, vid: str, result: FileResult, version: int) -> bool:
        """Whether an archive.org show's table row read after its caption page is kept
        as a version without becoming current: the page's words are whole, the table's
        often run together ("thesuspect")."""
        if self.current_from.get(vid, (None, ""))[1] != "html":
            return False
        if (result.format or "") not in _TABLE_FORMATS:
            return False
        self.summary.warnings.append(
            f"{vid} ({result.path}): the table's text kept as version {version}; the "
            "caption page's stays current"
        )
        return True

    def _restore(self, record: Record, sha: str, path: str) -> None:
        """Make an earlier version current again where the file that gave the current
        one now holds that earlier version's content (a truncated file put back: the
        archive follows the file, and says so)."""
        vid = record.video_id
        earlier = self.ids.get((vid, sha))
        current = self.made_current.get(vid)
        if earlier is None or current is None:
            return
        again = self.restored.get(vid)  # a row before it in this file restored another
        if vid in self.current and (again is None or again[0] != path):
            return
        if earlier[0] == current[0] or current[1] != path:
            if again is not None and earlier[0] == current[0]:  # the file's last row of an
                del self.current[vid]  # id is the current one: it stays current
                self.summary.warnings.remove(again[1])
                del self.restored[vid]
            return
        unindex(self.db, current[0])
        self.current[vid] = earlier[0]
        self.texts[vid] = record.text
        note = (
            f"{vid} ({path}): the file holds version {earlier[1]} again; that version is "
            "current once more"
        )
        if again is not None:
            self.summary.warnings.remove(again[1])
        self.summary.warnings.append(note)
        self.restored[vid] = (path, note)

    def _fill(self, record: Record) -> str | None:
        """Fill metadata the archive lacks, never blanking or replacing it (so what a
        user set with ``newsreel set`` stays); return the video's title. Each field
        filled keeps where it came from (``sources``)."""
        vid = record.video_id
        values = metadata(record)
        if vid not in self.known:
            row = self.fresh.setdefault(
                vid,
                {
                    "video_id": vid,
                    "id_source": record.id_source,
                    "extra": {},
                    "sources": {},
                    **dict.fromkeys(values),
                },
            )
            for key, value in values.items():
                if row[key] is None and value is not None:
                    row[key] = value
                    if key in record.sources:
                        row["sources"][key] = record.sources[key]
            row["extra"] = {**record.extra, **row["extra"]}
            return row["title"]  # type: ignore[no-any-return]
        video = self.known[vid]
        changes = {k: v for k, v in values.items() if v is not None and video[k] is None}
        extra = json.loads(video["extra"])
        merged = {**record.extra, **extra}
        if merged != extra:
            changes["extra"] = to_json(merged)
        if any(k in record.sources for k in changes):
            sources = json.loads(video["sources"])
            sources.update((k, record.sources[k]) for k in changes if k in record.sources)
            changes["sources"] = to_json(sources)
        if changes:
            if "title" in changes and video["current_transcript_id"] is not None:
                self._retitle(video["current_transcript_id"], changes["title"])
            assignments = ", ".join(f"{k} = ?" for k in changes)
            self.db.execute(
                f"UPDATE videos SET {assignments}, updated_at = ? WHERE video_id = ?",
                (*changes.values(), self.now, vid),
            )
            video.update(changes)
        return video["title"]  # type: ignore[no-any-return]

    def _note_kept(self, record: Record, path: str) -> None:
        """Warn where a new version's source names another title, outlet or date than
        the archive keeps (ingest fills only what the archive lacks, so what a user set
        stays): the user learns of it and how to change it."""
        held = self.known.get(record.video_id) or self.fresh.get(record.video_id) or {}
        given = metadata(record)
        kept = [
            f"{field} {held[field]!r}, not {given[field]!r}"
            for field in ("title", "channel", "publish_date")
            if given[field] is not None and held.get(field) not in (None, given[field])
        ]
        if kept:
            where = f"{path}, {record.locator}" if record.locator else path
            self.summary.warnings.append(
                f"{record.video_id} ({where}): kept the archive's {'; '.join(kept)} "
                "('newsreel set VIDEO_ID' changes them)"
            )

    def _note_other_file(self, record: Record, path: str) -> None:
        """Warn where a new version of a video comes from another one-record file than
        its earlier versions ("a/clip.vtt" and "b/clip.srt" both name the video "clip"):
        two videos under one id would otherwise hide the earlier one without a word."""
        before = self.paths.setdefault(record.video_id, set())
        tracks = {_caption_track(p) for p in (*before, path)}
        if len(tracks) == 1 and None not in tracks:
            before.add(path)  # "ID.en.auto.json3" beside "ID.en.vtt": two tracks of one video
            return
        if before and path not in before and record.locator is None:
            self.summary.warnings.append(
                f"{record.video_id} ({path}): a new version of the video that "
                f"{sorted(before)[0]} holds (both name the video id {record.video_id!r}); "
                "if they are two videos, give the files different names or ids"
            )
        before.add(path)

    def _retitle(self, transcript_id: int, title: str) -> None:
        unindex(self.db, transcript_id)
        self.db.execute("UPDATE transcripts SET title = ? WHERE id = ?", (title, transcript_id))
        self.db.execute("INSERT INTO fts_pending VALUES (?)", (transcript_id,))

    def _flush(self) -> None:
        columns = ("video_id", "id_source", "extra", "sources", *_FILLABLE)
        self.db.executemany(
            f"INSERT INTO videos ({', '.join(columns)}, first_seen, updated_at) "
            f"VALUES ({', '.join('?' * (len(columns) + 2))})",
            [
                (
                    *(to_json(v[c]) if c in ("extra", "sources") else v[c] for c in columns),
                    self.now,
                    self.now,
                )
                for v in self.fresh.values()
            ],
        )
        self.db.executemany(
            "INSERT INTO transcripts (id, video_id, version, content_sha256, title, text, "
            "raw_text, words, timed, word_times, source_path, source_format, source_locator, "
            "raw_sha256, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.transcripts,
        )
        self.db.executemany(
            'INSERT INTO segments (transcript_id, seq, start, "end", text) VALUES (?, ?, ?, ?, ?)',
            self.segments,
        )
        self.db.executemany(
            "INSERT INTO fts_pending VALUES (?)", [(tid,) for tid in self.current.values()]
        )
        self.db.executemany(
            "UPDATE videos SET current_transcript_id = ?, updated_at = ? WHERE video_id = ?",
            [(tid, self.now, vid) for vid, tid in self.current.items()],
        )

    def _write_sources(self, files: list[FileResult]) -> None:
        self.db.executemany(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE "
            "SET sha256 = excluded.sha256, size = excluded.size, mtime_ns = excluded.mtime_ns, "
            "format = excluded.format, records = excluded.records, "
            "complete = excluded.complete, ingested_at = excluded.ingested_at",
            [
                (
                    r.path,
                    r.sha256,
                    r.size,
                    r.mtime_ns,
                    r.format,
                    len(r.records),
                    0 if r.failures else 1,
                    self.now,
                )
                for r in files
            ],
        )


def _words_hash(text: str) -> str:
    """A hash of a transcript's words alone (no times)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# a caption track's name as yt-dlp and 'newsreel collect' write it: "ID.en.vtt",
# "Title [ID].en-GB.json3", "ID.en.auto.json3"
_TRACK = re.compile(r"^(.+)\.[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?(?:\.auto)?\.[a-z0-9]{2,5}$")


def _caption_track(path: str) -> tuple[str, str] | None:
    """(folder, name before the language) of a caption track file, else None: the
    tracks of one video share it; "clip.vtt" and "clip.srt" name no language."""
    folder, _, name = path.replace("\\", "/").rpartition("/")
    match = _TRACK.match(name)
    return (folder, match.group(1)) if match else None


def _automatic(path: str) -> bool:
    """Whether a file is yt-dlp's automatic captions of a video ("ID.en.auto.json3")."""
    return ".auto." in os.path.basename(path).casefold()


_TABLE_FORMATS = frozenset({"csv", "tsv", "jsonl", "parquet"})
