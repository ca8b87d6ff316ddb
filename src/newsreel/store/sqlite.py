"""``SQLiteStore``: the default archive, one SQLite file (WAL), plain tables.

The store is a composition of one repository per domain over one connection
(``videos``, ``repairs``, ``entities``, ``stories``, ``analytics``, ``passages``,
``search``, ``stages``, ``metadata``); the derived indexes beside the file belong to
``search.indexes``.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from newsreel.errors import SchemaError, StoreError
from newsreel.store.schema import MIGRATIONS
from newsreel.store.sqlite_analytics import SQLiteAnalytics
from newsreel.store.sqlite_entities import SQLiteEntities
from newsreel.store.sqlite_metadata import SQLiteMetadata
from newsreel.store.sqlite_passages import SQLitePassages
from newsreel.store.sqlite_repair import SQLiteRepairs
from newsreel.store.sqlite_search import SQLiteSearchState
from newsreel.store.sqlite_stages import SQLiteStages
from newsreel.store.sqlite_stories import SQLiteStories
from newsreel.store.sqlite_videos import SQLiteVideos
from newsreel.store.sqlite_write import now


def _can_write(path: Path) -> bool:
    return os.access(path, os.W_OK)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection; on a read-only file system (where SQLite cannot make the
    WAL's shared-memory file) the archive is opened as immutable."""
    uri = path.resolve().as_uri() + "?mode=ro"
    if not _can_write(path.parent) and not Path(str(path) + "-shm").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def _check_writable(path: Path) -> None:
    """Fail with a clear message when the archive cannot be written where it lies."""
    target = path if path.exists() else path.parent
    if not _can_write(target) or not _can_write(path.parent):
        raise StoreError(
            f"the archive {path} is on a read-only file system or in a folder you cannot "
            "write; read it (search, show, export, serve work; from Python: "
            "open_archive(path, read_only=True)), or copy it somewhere writable to change it"
        )


class SQLiteStore:
    """The reference ``Store``: an archive in one SQLite file."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        try:
            if read_only:
                if not Path(self.path).exists():
                    raise StoreError(f"no archive at {self.path}; run 'newsreel ingest' first")
                self.db = _connect_read_only(Path(self.path))
            else:
                if self.path != ":memory:":
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                    _check_writable(Path(self.path))
                self.db = sqlite3.connect(self.path, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self._configure(read_only)
            if not read_only:
                self._migrate()
            elif not self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'videos'"
            ).fetchone():
                raise StoreError(
                    f"{self.path} is not a Newsreel archive (an empty file or another "
                    "SQLite database: it has no videos table); make one with 'newsreel "
                    "ingest FILES --archive PATH'"
                )
            self._repositories()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the archive {self.path}: {exc}") from None

    def _repositories(self) -> None:
        self.videos = SQLiteVideos(self.db, self.path)
        self.repairs = SQLiteRepairs(self.db, self.path)
        self.entities = SQLiteEntities(self.db, self.path)
        self.stories = SQLiteStories(self.db, self.path)
        self.analytics = SQLiteAnalytics(self.db, self.path)
        self.passages = SQLitePassages(self.db, self.path)
        self.search = SQLiteSearchState(self.db, self.path)
        self.stages = SQLiteStages(self.db, self.path)
        self.metadata = SQLiteMetadata(self.db, self.path)

    def _configure(self, read_only: bool) -> None:
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA busy_timeout = 10000")
        if not read_only:
            # Large pages make bulk inserts of long transcripts faster (bench/ingest.py);
            # only takes effect when the file is created.
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
            # Explicitly in one transaction: Python's sqlite3 does not open one for DDL, and
            # a migration half applied by a killed process could never be applied again.
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                applied = self.db.execute(
                    "SELECT 1 FROM schema_migrations WHERE version = ?", (version,)
                ).fetchone()
                if applied:  # another process opening the archive applied it meanwhile
                    continue
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

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()
