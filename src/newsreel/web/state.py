"""What the server holds between requests: the archive, open once per worker thread.

A read-only server gives each request thread its own connection (SQLite readers never
wait for each other in WAL mode), so one slow request does not hold up the others; a
writable server shares one archive, one request at a time. Each request first catches
up with what other processes wrote (an ingest from the command line). Query-driven
requests (search, facets, trends, export of a query) run under the server's time budget
(``newsreel.budget``): past it they stop and answer 503.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from newsreel.api import Archive, open_archive
from newsreel.budget import DEFAULT_TIME_BUDGET, time_budget


@dataclass
class ServerState:
    """The archive path, how it is served, and the shared open archive."""

    path: Path | str  # a file, or a PostgreSQL URL (api.DatabaseURL)
    read_only: bool = True
    token: str | None = None
    time_budget: float | None = DEFAULT_TIME_BUDGET
    _archive: Archive | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _local: threading.local = field(default_factory=threading.local)
    _opened: list[Archive] = field(default_factory=list)
    _trends: Archive | None = None
    _trends_lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def archive(self) -> Iterator[Archive]:
        """The open archive for this request: this thread's own when read-only, else the
        shared one, one request at a time."""
        if self.read_only:
            arch: Archive | None = getattr(self._local, "archive", None)
            if arch is None:
                arch = open_archive(self.path, read_only=True)
                self._local.archive = arch
                with self._lock:
                    self._opened.append(arch)
            arch.indexes.notice_writes()
            yield arch
            return
        with self._lock:
            if self._archive is None:
                self._archive = open_archive(self.path, read_only=False)
            self._archive.indexes.notice_writes()
            yield self._archive

    @contextmanager
    def query(self) -> Iterator[Archive]:
        """The open archive (as ``archive``), for a query that must finish within the
        server's time budget (``TimeBudgetError`` past it)."""
        with self.archive() as arch, self.budget():
            yield arch

    @contextmanager
    def trends(self) -> Iterator[Archive]:
        """One archive for every trend query, one at a time, under the time budget: its
        counts are cached once for all request threads instead of once per thread (under
        50 clients, per-thread caches redid the same first-time counts in every thread)."""
        if not self.read_only:
            with self.query() as arch:
                yield arch
            return
        with self._trends_lock:
            if self._trends is None:
                self._trends = open_archive(self.path, read_only=True)
            self._trends.indexes.notice_writes()
            with self.budget():
                yield self._trends

    @contextmanager
    def budget(self) -> Iterator[None]:
        """Run the enclosed query under the server's time budget."""
        with time_budget(self.time_budget):
            yield

    def fresh(self) -> Archive:
        """A separate read-only connection, for long streaming responses."""
        return open_archive(self.path, read_only=True)

    def token_ok(self, given: str | None) -> bool:
        """Whether ``given`` is the operator's token (constant-time comparison)."""
        if not self.token or not given:
            return False
        return hmac.compare_digest(self.token.encode(), given.encode())

    def close(self) -> None:
        """Close every archive opened."""
        with self._lock:
            for arch in self._opened:
                arch.close()
            self._opened.clear()
            if self._archive is not None:
                self._archive.close()
                self._archive = None
        with self._trends_lock:
            if self._trends is not None:
                self._trends.close()
                self._trends = None
