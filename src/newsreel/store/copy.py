"""``newsreel copy``: an archive's rows from one store into a new one (SQLite ↔ PostgreSQL),
verified by row counts and content hashes of every table.

Rows keep their ids. The derived search structures (full text, sound-alike vocabulary,
vector index) are not copied: the destination rebuilds them from the rows
(``search.indexes.Indexes.rebuild``, the caller's step).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsreel.errors import ConfigError
from newsreel.store.base import Store
from newsreel.store.postgres import redact
from newsreel.store.sqlite_write import stream

# Every table, parents before children; the derived ones are rebuilt, not copied.
TABLES = (
    "raw_files",
    "sources",
    "ingest_runs",
    "quarantine",
    "videos",
    "transcripts",
    "segments",
    "passages",
    "search_state",
    "repairs",
    "entities",
    "mentions",
    "claims",
    "quotes",
    "entity_aliases",
    "entity_demotions",
    "enrichments",
    "stories",
    "story_videos",
    "story_history",
    "story_moves",
    "stage_versions",
    "video_overrides",
    "outlet_aliases",
    "outlet_groups",
)
DERIVED = (
    "fts_pending",
    "schema_migrations",
    "search_docs",
    "vector_lists",
    "sound_keys",  # the sound-alike vocabulary, recounted from the destination's index
    "sqlite_sequence",
)
# Bookkeeping of the source's own derived indexes: the destination makes its own.
LOCAL_STATES = ("archive_id", "vectors_index", "vocabulary", "documents", "copy_pending")
PENDING = "copy_pending"  # set in the destination while a copy into it is unfinished
UNFINISHED = "is a copy that did not finish; run the same 'newsreel copy' again to finish it"
CHUNK = 2_000  # rows per insert transaction


@dataclass
class CopyReport:
    """What a copy moved: rows per table, and whether both sides hash the same."""

    rows: dict[str, int] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    verified: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {"rows": self.rows, "hashes": self.hashes, "verified": self.verified}


def _is_postgres(store: Store) -> bool:
    return hasattr(store, "documents")


def _tables(store: Store) -> set[str]:
    db: Any = store.db  # type: ignore[attr-defined]
    if _is_postgres(store):
        return set(db.tables)
    return {
        str(r[0])
        for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(r[0]).startswith("sqlite_")
    }


def _columns(store: Store, table: str) -> tuple[list[str], list[str]]:
    """(columns, primary-key columns) of a table."""
    db: Any = store.db  # type: ignore[attr-defined]
    if _is_postgres(store):
        key, columns = db.tables[table]
        return list(columns), list(key)
    info = list(db.execute(f"PRAGMA table_info({table})"))
    columns = [str(r[1]) for r in info]
    key = [str(r[1]) for r in sorted(info, key=lambda r: r[5]) if r[5]]
    return columns, key


def _quoted(names: list[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _rows(store: Store, sql: str) -> Iterator[tuple[Any, ...]]:
    """Every row of a query, streamed (a server-side cursor on PostgreSQL)."""
    for row in stream(store.db, sql):  # type: ignore[attr-defined]
        yield tuple(row)


def _plain(value: Any) -> Any:
    if isinstance(value, memoryview):
        value = bytes(value)
    if isinstance(value, bytes):
        return ("b", hashlib.sha256(value).hexdigest())
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return repr(value)
    return value


def table_hash(store: Store, table: str, columns: list[str], key: list[str]) -> tuple[int, str]:
    """(rows, SHA-256 of the rows in key order) of one table, over ``columns``."""
    digest = hashlib.sha256()
    count = 0
    order = _quoted(key or columns)
    for row in _rows(store, f"SELECT {_quoted(columns)} FROM {table} ORDER BY {order}"):
        digest.update(repr(tuple(_plain(v) for v in row)).encode())
        count += 1
    return count, digest.hexdigest()


@contextmanager
def snapshot(store: Store) -> Iterator[None]:
    """Every read of ``store`` inside sees one moment of it, however others write to it
    meanwhile (a SQLite read transaction on its write-ahead log; PostgreSQL's REPEATABLE
    READ): a copy of an archive being ingested into is the archive as it was, and its
    hashes agree with it."""
    db: Any = store.db  # type: ignore[attr-defined]
    if _is_postgres(store):
        with db:
            db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield
        return
    if db.in_transaction:
        yield
        return
    db.execute("BEGIN")
    try:
        yield
    finally:
        db.rollback()  # it only read


def copy_archive(
    source: Store, dest: Store, progress: Callable[[str, int], None] | None = None
) -> CopyReport:
    """Copy every row of ``source`` (one moment of it, ``snapshot``) into the empty
    archive ``dest``, then verify counts and hashes table by table; ``progress(table,
    rows)`` after each chunk."""
    with snapshot(source):
        return _copy_all(source, dest, progress)


def _copy_all(
    source: Store, dest: Store, progress: Callable[[str, int], None] | None
) -> CopyReport:
    pending = bool(dest.search.state(PENDING))
    of = _identity(source)
    was = dest.search.state(PENDING)
    legacy = was == redact(str(source.path)) and not Path(str(was)).is_absolute()  # as typed
    if pending and was not in ("1", of) and not legacy:
        raise ConfigError(
            f"the destination {redact(str(dest.path))} holds an unfinished copy of "
            f"{dest.search.state(PENDING)}: run that copy again to finish it, or copy into "
            "a new, empty archive"
        )
    if not pending and (held := _holding(dest)):
        raise ConfigError(
            f"the destination {redact(str(dest.path))} already holds {held}; copy into a new, "
            "empty archive"
        )
    present = _tables(source)
    unknown = present - set(TABLES) - set(DERIVED)
    if unknown:
        raise ConfigError(
            f"the source {redact(str(source.path))} has tables this Newsreel does not know: "
            f"{', '.join(sorted(unknown))}; upgrade Newsreel"
        )
    dest.search.set_state(PENDING, of)  # a rerun of it after an interruption starts over
    if pending:
        _empty(dest)
    report = CopyReport()
    plan: list[tuple[str, list[str], list[str]]] = []
    for table in TABLES:
        if table not in present:
            continue
        columns, key = _columns(source, table)
        dest_columns = set(_columns(dest, table)[0])
        columns = [c for c in columns if c in dest_columns]
        plan.append((table, columns, key))
        report.rows[table] = _copy_table(source, dest, table, columns, key, progress)
    if hasattr(dest, "fix_sequences"):
        dest.fix_sequences()
    report.verified = True
    for table, columns, key in plan:
        if table == "search_state":
            continue  # the destination's own index bookkeeping differs by design
        left = table_hash(source, table, columns, key)
        right = table_hash(dest, table, columns, key)
        report.hashes[table] = right[1]
        if left != right:
            report.verified = False
    return report


def _identity(source: Store) -> str:
    """What names a copy's source in the destination: a database URL (no password), or
    a file's absolute path ("big.db" typed in two folders is two files)."""
    if _is_postgres(source):
        return redact(str(source.path))
    return str(Path(str(source.path)).resolve())


def finished(dest: Store) -> None:
    """Mark a verified copy (with its indexes built) as done: no rerun redoes it. A run
    copied while ``running`` is no run of the destination's: it is marked
    ``interrupted`` there (no run of the destination ever had it)."""
    dest.stages.settle_dead()
    dest.search.set_state(PENDING, "")


def _holding(dest: Store) -> str | None:
    """What a destination already holds ("videos", "rows in quarantine"), or None."""
    if dest.search.has_videos():
        return "videos"
    db: Any = dest.db  # type: ignore[attr-defined]
    present = _tables(dest)
    for table in TABLES:
        if (
            table in present
            and table != "search_state"
            and db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
        ):
            return f"rows in {table}"
    return None


def _empty(dest: Store) -> None:
    """Delete what an unfinished copy left, children before parents."""
    db: Any = dest.db  # type: ignore[attr-defined]
    present = _tables(dest)
    with db:
        for table in reversed(TABLES):
            if table in present:
                where = "" if table != "search_state" else _NOT_LOCAL
                db.execute(f"DELETE FROM {table}{where}")


_NOT_LOCAL = " WHERE name NOT IN (" + ", ".join(f"'{s}'" for s in LOCAL_STATES) + ")"


def _copy_table(
    source: Store,
    dest: Store,
    table: str,
    columns: list[str],
    key: list[str],
    progress: Callable[[str, int], None] | None,
) -> int:
    """Copy one table's rows in chunks, one transaction each; return how many."""
    db: Any = dest.db  # type: ignore[attr-defined]
    where = ""
    if table == "search_state":
        where = " WHERE name NOT IN (" + ", ".join(f"'{s}'" for s in LOCAL_STATES) + ")"
        where += " AND name NOT LIKE 'ivf:%'"
    insert = f"INSERT INTO {table} ({_quoted(columns)}) VALUES ({', '.join('?' * len(columns))})"
    with db:  # what migrations seeded (none, or stale); the destination's own states stay
        db.execute(f"DELETE FROM {table}" + (_NOT_LOCAL if table == "search_state" else ""))
    chunk: list[tuple[Any, ...]] = []
    count = 0
    order = _quoted(key or columns)
    for row in _rows(source, f"SELECT {_quoted(columns)} FROM {table}{where} ORDER BY {order}"):
        chunk.append(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row))
        if len(chunk) >= CHUNK:
            count += _insert(db, insert, chunk)
            if progress is not None:
                progress(table, count)
            chunk = []
    count += _insert(db, insert, chunk)
    if progress is not None:
        progress(table, count)
    return count


def _insert(db: Any, sql: str, rows: list[tuple[Any, ...]]) -> int:
    if rows:
        with db:
            db.executemany(sql, rows)
    return len(rows)
