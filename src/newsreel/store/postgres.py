"""``PostgresStore``: the archive in a PostgreSQL database, for many writers and workers.

The same repositories as the SQLite store run over a ``PGConnection``: a small adapter
that gives psycopg 3 the shape of Python's ``sqlite3`` connection (``execute`` with
``?`` parameters, rows by index or name, ``with db:`` as a transaction, sqlite3's
exception classes) and rewrites SQLite's idioms (``store.postgres_sql``). The numbered
migrations are the SQLite store's, their DDL rewritten; migrations, id assignment and
batch writes are serialised across processes by advisory locks, so several ingests and
workers may write one archive at once. Full text and vectors live in the database too
(``store.postgres_search``): nothing sits beside it.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from decimal import Decimal
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from newsreel.errors import SchemaError, StoreError
from newsreel.store.postgres_runs import PostgresVideos
from newsreel.store.postgres_search import PostgresDocuments, PostgresVectorLists
from newsreel.store.postgres_sql import Tables, translate, translate_ddl
from newsreel.store.schema import MIGRATIONS, POSTGRES_MIGRATIONS
from newsreel.store.sqlite_analytics import SQLiteAnalytics
from newsreel.store.sqlite_entities import SQLiteEntities
from newsreel.store.sqlite_metadata import SQLiteMetadata
from newsreel.store.sqlite_passages import SQLitePassages
from newsreel.store.sqlite_repair import SQLiteRepairs
from newsreel.store.sqlite_search import SQLiteSearchState
from newsreel.store.sqlite_stages import SQLiteStages
from newsreel.store.sqlite_stories import SQLiteStories
from newsreel.store.sqlite_write import now

SCHEMES = ("postgresql://", "postgres://")
STREAM_ROWS = 2_000  # rows per fetch of a streamed query
MIGRATION_LOCK = 0x4E52_0001  # advisory lock keys ("NR" + a number)
WRITE_LOCK = 0x4E52_0002


def is_postgres_url(archive: str) -> bool:
    """Whether an ``--archive`` value names a PostgreSQL database."""
    return archive.startswith(SCHEMES)


def redact(url: str) -> str:
    """The URL without its password (``user:pw@`` or ``?password=``), for messages;
    the rest as written (``postgresql:///db?host=...`` keeps its three slashes)."""
    if not is_postgres_url(url):
        return url
    scheme, sep, rest = url.partition("://")
    where, query_mark, query = rest.partition("?")
    login, at, host = where.rpartition("@")
    if at and ":" in login:
        where = f"{login.split(':', 1)[0]}:***@{host}"
    hidden = _PASSWORD.sub(r"\1***", query)
    return f"{scheme}{sep}{where}{query_mark}{hidden}"


_PASSWORD = re.compile(r"((?:^|&)password=)[^&]*", re.IGNORECASE)


class Row(tuple[Any, ...]):
    """A result row readable by position or by column name, like ``sqlite3.Row``."""

    names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row.names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return super().__getitem__(self.names[key])
        return super().__getitem__(key)

    def keys(self) -> list[str]:
        """The column names, in order."""
        return list(self.names)


def _row_factory(cursor: Any) -> Any:
    names = {d.name: i for i, d in enumerate(cursor.description or ())}

    def make(values: Sequence[Any]) -> Row:
        return Row([_plain(v) for v in values], names)

    return make


def _plain(value: Any) -> Any:
    """Values as sqlite3 returns them: numbers as int or float, bytes as bytes."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, bool):
        return int(value)
    return value


def _reason(exc: Exception) -> str:
    """The first line of a driver's message: what went wrong, without its context."""
    text = str(exc).strip()
    for line in text.splitlines():
        if line.strip():
            return line.strip().removeprefix("connection failed: ")
    return type(exc).__name__


def _error(exc: Exception) -> sqlite3.DatabaseError:
    """A psycopg error as the sqlite3 exception class the repositories catch."""
    import psycopg

    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, psycopg.IntegrityError):
        return sqlite3.IntegrityError(message)
    if isinstance(exc, psycopg.OperationalError):
        return sqlite3.OperationalError(message)
    return sqlite3.DatabaseError(message)


class Cursor:
    """The result of one statement: rows, ``lastrowid``, ``rowcount``, ``description``."""

    def __init__(self, cursor: Any, lastrowid: int | None = None) -> None:
        self._cursor: Any = cursor
        self.lastrowid = lastrowid
        self.rowcount = cursor.rowcount
        self.description = [(d.name,) for d in cursor.description or ()]

    def fetchone(self) -> Row | None:
        return self._cursor.fetchone() if self.description else None

    def fetchall(self) -> list[Row]:
        return self._cursor.fetchall() if self.description else []

    def __iter__(self) -> Iterator[Row]:
        return iter(self.fetchall())


_POOLS: dict[str, Any] = {}
# Connections per process: a server's request threads each keep one (anyio's pool has
# 40 threads); $NEWSREEL_PG_POOL changes it.
POOL_SIZE = 40


def _create_database(url: str) -> None:
    """Create the database a URL names (as a SQLite archive file is created on first use),
    connecting to the server's ``postgres`` database to do it."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = unquote(parts.path.lstrip("/"))  # "review%20sp" is the database "review sp"
    admin = urlunsplit(parts._replace(path="/postgres"))
    taken = (psycopg.errors.DuplicateDatabase, psycopg.errors.UniqueViolation)
    with psycopg.connect(admin, autocommit=True, connect_timeout=10) as conn, suppress(*taken):
        # another writer may make it first: two ingests into a new URL at once
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def database_exists(url: str) -> bool:
    """Whether the database a PostgreSQL URL names exists (other failures raise)."""
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=10).close()
    except psycopg.OperationalError as exc:
        if "does not exist" in str(exc):
            return False
        raise
    return True


def _pool(url: str, create: bool = False) -> Any:
    """The connection pool of a database URL, one per process (opened on first use)."""
    pool = _POOLS.get(url)
    if pool is None:
        import psycopg
        from psycopg_pool import ConnectionPool

        try:  # a clear error at once, not a pool's retries
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.OperationalError as exc:
            if not create or "does not exist" not in str(exc):
                raise
            _create_database(url)

        pool = ConnectionPool(
            url,
            min_size=1,
            max_size=int(os.environ.get("NEWSREEL_PG_POOL", "0")) or POOL_SIZE,
            kwargs={"autocommit": True, "row_factory": _row_factory},
            open=False,
            name="newsreel",
        )
        pool.open(wait=True, timeout=10)
        _POOLS[url] = pool
    return pool


class PGConnection:
    """A pooled psycopg 3 connection in the shape of ``sqlite3.Connection`` (what the
    repositories use); ``close`` gives it back to the pool."""

    def __init__(self, url: str, create: bool = False) -> None:
        import psycopg
        from psycopg_pool import PoolTimeout

        try:
            self.pool = _pool(url, create)
            self.raw = self.pool.getconn(timeout=30)
        except (psycopg.Error, PoolTimeout) as exc:
            _POOLS.pop(url, None)
            raise StoreError(
                f"cannot connect to the archive {redact(url)}: {_reason(exc)}"
            ) from None
        self.tables: Tables = {}
        self._streams = 0  # server-side cursors opened: each gets its own name
        self.identities: set[str] = set()
        self._depth = 0

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open."""
        return self._depth > 0

    def _run(self, sql: str, params: Sequence[Any] | None) -> Any:
        import psycopg

        statement = _special(sql)
        if statement is None:
            return None
        text = translate(statement, self.tables)
        returning = self._returning(text)
        if returning:
            text += " RETURNING id"
        try:
            cursor = self.raw.execute(text, _params(params), prepare=False)
        except psycopg.Error as exc:
            raise _error(exc) from None
        if returning:
            row = cursor.fetchone()
            return Cursor(cursor, int(row[0]) if row else None)
        return Cursor(cursor)

    def _returning(self, text: str) -> bool:
        head = text.lstrip()[:80].split()
        return (
            len(head) >= 3
            and head[0].upper() == "INSERT"
            and head[2].split("(")[0] in self.identities
            and "ON CONFLICT" not in text
        )

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Cursor:
        """Run one statement (``?`` parameters)."""
        cursor: Cursor | None = self._run(sql, params)
        return cursor if cursor is not None else _EMPTY

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Cursor:
        """Run one statement for each parameter row (psycopg pipelines them)."""
        import psycopg

        batch = [list(r) for r in rows]
        if not batch:
            empty: Cursor = _EMPTY
            return empty
        text = translate(sql, self.tables)
        try:
            with self.raw.cursor() as cursor:
                cursor.executemany(text, batch)
                return Cursor(cursor)
        except psycopg.Error as exc:
            raise _error(exc) from None

    def stream(self, sql: str, params: Sequence[Any] | None = None) -> Iterator[Row]:
        """The rows of a query, fetched in chunks by a server-side cursor (inside a
        transaction held while they are read), not all at once."""
        import psycopg

        text = translate(sql, self.tables)
        self._streams += 1
        name = f"newsreel_stream_{self._streams}"
        try:
            with self.raw.transaction(), self.raw.cursor(name=name) as cursor:
                cursor.itersize = STREAM_ROWS
                cursor.execute(text, _params(params))
                yield from cursor
        except psycopg.Error as exc:
            raise _error(exc) from None

    def commit(self) -> None:
        """Nothing to do: statements outside ``with db:`` commit at once (autocommit)."""

    def __enter__(self) -> PGConnection:
        if self._depth == 0:
            self._transaction = self.raw.transaction()
            self._transaction.__enter__()
        self._depth += 1
        return self

    def __exit__(self, kind: Any, exc: Any, trace: Any) -> None:
        import psycopg

        self._depth -= 1
        if self._depth == 0:
            try:
                self._transaction.__exit__(kind, exc, trace)
            except psycopg.Error as error:
                raise _error(error) from None

    def close(self) -> None:
        """Give the connection back to the pool (rolled back if a transaction was left)."""
        if self.raw is not None:
            self.pool.putconn(self.raw)
            self.raw = None


_EMPTY_DESCRIPTION: list[tuple[str]] = []


class _Empty:
    lastrowid = None
    rowcount = 0
    description = _EMPTY_DESCRIPTION

    def fetchone(self) -> None:
        return None

    def fetchall(self) -> list[Row]:
        return []

    def __iter__(self) -> Iterator[Row]:
        return iter(())


_EMPTY: Any = _Empty()


def _params(params: Sequence[Any] | None) -> Sequence[Any] | None:
    if params is None:
        return None
    return [bytes(p) if isinstance(p, memoryview) else p for p in params]


def _special(sql: str) -> str | None:
    """SQLite's PRAGMAs and lock statements as PostgreSQL does them (None: nothing)."""
    head = sql.strip().upper()
    if head == "BEGIN IMMEDIATE":
        # SQLite's write lock: ids are assigned and batches written one writer at a time.
        return f"SELECT pg_advisory_xact_lock({WRITE_LOCK})"
    if head == "PRAGMA DATA_VERSION":
        # Moves whenever any transaction commits a write (ours included: a spare reload).
        return "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint"
    if head.startswith("PRAGMA"):
        return None  # optimize, checkpoints, caches: PostgreSQL's autovacuum does these
    return sql


class PostgresStore:
    """A ``Store`` in a PostgreSQL database (``postgresql://USER@HOST/DB``)."""

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self.path = url
        self.read_only = read_only
        self.db = PGConnection(url, create=not read_only)
        try:
            self._migrate()
            self._learn_tables()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the archive {redact(url)}: {exc}") from None
        self._repositories()

    def _repositories(self) -> None:
        db: Any = self.db  # the repositories take it for a sqlite3 connection
        shown = redact(self.path)  # what their messages name: never the password
        self.videos = PostgresVideos(db, shown, self.path)  # runs settled by their locks
        self.repairs = SQLiteRepairs(db, shown)
        self.entities = SQLiteEntities(db, shown)
        self.stories = SQLiteStories(db, shown)
        self.analytics = SQLiteAnalytics(db, shown)
        self.passages = SQLitePassages(db, shown)
        self.search = SQLiteSearchState(db, shown)
        self.stages = SQLiteStages(db, shown)
        self.metadata = SQLiteMetadata(db, shown)
        self.documents = PostgresDocuments(db)  # full text, in the database
        self.vector_lists = PostgresVectorLists(db)  # the IVF vector index's lists

    def _migrate(self) -> None:
        db = self.db
        with db:
            db.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
            if not self.read_only:  # a reader may be a user allowed SELECT alone
                db.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations "
                    "(version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                )
            found = db.execute("SELECT to_regclass('schema_migrations')").fetchone()
            made = found[0] if found is not None else None
            done = (
                {int(r[0]) for r in db.execute("SELECT version FROM schema_migrations")}
                if made is not None
                else set()
            )
            newest = max(v for v, _, _ in MIGRATIONS)
            if done and max(done) > newest:
                raise SchemaError(
                    f"the archive {redact(self.path)} has schema version {max(done)}, newer "
                    f"than this Newsreel understands ({newest}); upgrade Newsreel"
                )
            if self.read_only and len(done) < len(MIGRATIONS):
                raise StoreError(
                    f"the archive {redact(self.path)} is not set up (or is older than this "
                    "Newsreel); open it for writing once, e.g. 'newsreel ingest'"
                )
            for version, name, script in MIGRATIONS:
                if version in done:
                    continue
                extras = POSTGRES_MIGRATIONS.get(version, ())
                first = [s for s in extras if s.startswith("CREATE EXTENSION")]
                then = [s for s in extras if s not in first]
                for statement in [*first, *translate_ddl(script), *then]:
                    try:
                        db.raw.execute(statement.encode())
                    except Exception as exc:
                        raise _error(exc) from None
                db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, now()))

    def _learn_tables(self) -> None:
        """Each table's key and columns (for ``INSERT OR REPLACE``) and identity tables."""
        rows = self.db.execute(
            "SELECT c.table_name, c.column_name, c.is_identity FROM information_schema.columns c "
            "WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position"
        ).fetchall()
        keys = self.db.execute(
            "SELECT tc.table_name, k.column_name FROM information_schema.table_constraints tc "
            "JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name "
            "AND k.table_schema = tc.table_schema "
            "WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema() "
            "ORDER BY tc.table_name, k.ordinal_position"
        ).fetchall()
        columns: dict[str, list[str]] = {}
        for table, column, identity in rows:
            columns.setdefault(table, []).append(column)
            if identity == "YES" and column == "id":
                self.db.identities.add(table)
        primary: dict[str, list[str]] = {}
        for table, column in keys:
            primary.setdefault(table, []).append(column)
        self.db.tables = {
            t: (tuple(primary.get(t, ())), tuple(cols)) for t, cols in columns.items()
        }

    def fix_sequences(self) -> None:
        """Move each identity sequence past the largest id (after rows were copied in
        with their ids)."""
        with self.db:
            for table in sorted(self.db.identities):
                self.db.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"greatest((SELECT max(id) FROM {table}), 1))"
                )

    def __reduce__(self) -> tuple[type[PostgresStore], tuple[str]]:
        return (PostgresStore, (self.path,))

    def reopen(self) -> PostgresStore:
        """A new connection to the same database, for use in another process."""
        return PostgresStore(self.path)

    def close(self) -> None:
        """Close the connection (and let go of an ingest run's lock still held)."""
        self.videos.close()
        self.db.close()


__all__ = ["PostgresStore", "is_postgres_url", "redact"]
