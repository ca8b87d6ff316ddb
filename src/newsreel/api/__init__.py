"""The Python API: ``open_archive(path)`` returns an ``Archive`` mirroring the CLI.

``Archive`` is assembled from one class per part of the API (api/entities.py,
api/outlets.py, api/analysis.py, api/reading.py) over the shared core in api/base.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from newsreel.api.archive import Archive
from newsreel.api.base import (
    DEFAULT_ARCHIVE,
    FACET_POOL,
    MAX_LIMIT,
    MAX_OFFSET,
    MAX_TOP,
    TABLES,
    DatabaseURL,
    Outlets,
    archive_location,
    default_archive_path,
)
from newsreel.errors import ConfigError, NotFoundError
from newsreel.store import open_store
from newsreel.store.copy import CopyReport
from newsreel.store.copy import copy_archive as copy_rows
from newsreel.store.copy import finished as copy_done
from newsreel.store.postgres import is_postgres_url, redact


def open_archive(
    path: str | Path | None = None, *, read_only: bool = False, wait: float = 0.0
) -> Archive:
    """Open (creating if needed) the archive at ``path``: a SQLite file, or a PostgreSQL
    database (``postgresql://USER@HOST/DB``). Writing a SQLite archive waits up to
    ``wait`` seconds for another writer to finish (one writer per file); a PostgreSQL
    archive takes many writers at once."""
    target = str(path or default_archive_path())
    return Archive(open_store(target, read_only=read_only), wait=wait)


def copy_archive(
    source: str | Path,
    dest: str | Path,
    progress: Callable[[str, int], None] | None = None,
) -> CopyReport:
    """Copy the archive ``source`` into a new archive ``dest`` (a SQLite file or a
    PostgreSQL URL, either way), verify every table's rows and content hash on both
    sides, and build ``dest``'s search indexes from its rows."""
    if str(source) == str(dest):
        raise ConfigError(f"source and destination are the same archive: {redact(str(source))}")
    if not is_postgres_url(str(source)) and not Path(source).exists():
        raise NotFoundError(f"no archive at {source}")
    if not is_postgres_url(str(dest)) and not Path(dest).resolve().parent.is_dir():
        raise ConfigError(
            f"{dest}: cannot write it: {Path(dest).resolve().parent} does not exist (a typo "
            "makes no folders; create it first)"
        )
    with (
        open_archive(source, read_only=True) as old,
        open_archive(dest) as new,
        new.writing("copy"),
    ):
        report = copy_rows(old.store, new.store, progress)
        if report.verified:
            new.indexes.rebuild()
            copy_done(new.store)
    return report


__all__ = [
    "DEFAULT_ARCHIVE",
    "FACET_POOL",
    "MAX_LIMIT",
    "MAX_OFFSET",
    "MAX_TOP",
    "TABLES",
    "Archive",
    "DatabaseURL",
    "Outlets",
    "archive_location",
    "copy_archive",
    "default_archive_path",
    "open_archive",
]
