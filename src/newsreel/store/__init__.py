"""Archive storage behind the ``Store`` protocol; SQLite is the reference backend."""

from __future__ import annotations

import os
import re

from newsreel.errors import ConfigError
from newsreel.store.base import FileResult, SourceState, Store
from newsreel.store.postgres import PostgresStore, is_postgres_url
from newsreel.store.sqlite import SQLiteStore


def open_store(location: str, *, read_only: bool = False) -> Store:
    """The store of an archive: a PostgreSQL database for a ``postgresql://`` URL, else
    a SQLite file."""
    if is_postgres_url(location):
        return PostgresStore(location, read_only=read_only)
    check_scheme(location)
    if os.path.isdir(location):
        raise ConfigError(f"{location} is a folder: name the archive file in it (e.g. newsreel.db)")
    return SQLiteStore(location, read_only=read_only)


_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


# libpq's keyword/value connection string: "host=localhost dbname=news password=..."
_KEYWORDS = re.compile(r"(?:^|\s)(?:host|hostaddr|dbname|user|password|port|sslmode)=\S")


def check_scheme(location: str) -> None:
    """A ``ConfigError`` for a URL of another database ("mysql://x",
    "postgresql+psycopg://x"): no file of that name is meant."""
    if len(_KEYWORDS.findall(location)) >= 2 and not is_postgres_url(location):
        raise ConfigError(
            "the archive looks like a PostgreSQL keyword string (host=... dbname=...), "
            "which would be read as a file name; write it as a URL: "
            "postgresql://USER:PASSWORD@HOST:PORT/DB"
        )  # never echoed: it may hold a password
    scheme = _URL.match(location)
    if scheme and not is_postgres_url(location):
        raise ConfigError(
            f"{location}: Newsreel opens a SQLite file or a postgresql:// URL, not "
            f"{scheme.group(1)}:// (for PostgreSQL write postgresql://USER@HOST/DB)"
        )


__all__ = [
    "FileResult",
    "PostgresStore",
    "SQLiteStore",
    "SourceState",
    "Store",
    "check_scheme",
    "open_store",
]
