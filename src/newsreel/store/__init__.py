"""Archive storage behind the ``Store`` protocol; SQLite is the reference backend."""

from __future__ import annotations

from newsreel.store.base import FileResult, SourceState, Store
from newsreel.store.postgres import PostgresStore, is_postgres_url
from newsreel.store.sqlite import SQLiteStore


def open_store(location: str, *, read_only: bool = False) -> Store:
    """The store of an archive: a PostgreSQL database for a ``postgresql://`` URL, else
    a SQLite file."""
    if is_postgres_url(location):
        return PostgresStore(location, read_only=read_only)
    return SQLiteStore(location, read_only=read_only)


__all__ = ["FileResult", "PostgresStore", "SQLiteStore", "SourceState", "Store", "open_store"]
