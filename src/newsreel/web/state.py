"""What the server holds between requests: one archive, used one request at a time."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from newsreel.api import Archive, open_archive


@dataclass
class ServerState:
    """The archive path, how it is served, and the shared open archive."""

    path: Path
    read_only: bool = True
    token: str | None = None
    _archive: Archive | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def archive(self) -> Iterator[Archive]:
        """The open archive, for this request alone (SQLite connections are not shared
        between threads at once)."""
        with self._lock:
            if self._archive is None:
                self._archive = open_archive(self.path, read_only=self.read_only)
            yield self._archive

    def fresh(self) -> Archive:
        """A separate read-only connection, for long streaming responses."""
        return open_archive(self.path, read_only=True)

    def token_ok(self, given: str | None) -> bool:
        """Whether ``given`` is the operator's token (constant-time comparison)."""
        if not self.token or not given:
            return False
        return hmac.compare_digest(self.token.encode(), given.encode())

    def close(self) -> None:
        """Close the archive."""
        with self._lock:
            if self._archive is not None:
                self._archive.close()
                self._archive = None
