"""One writer per archive: an advisory lock on ``<archive>.lock`` beside it.

Ingest, the stages and reindex take it; readers never do. The lock is ``flock`` on an
open file, so the kernel releases it when its holder dies, however it dies: a lock is
never stale. The file records the holder (pid, what it does, since when) so a second
writer can say who it waits for. A PostgreSQL archive takes many writers; only its stage
runs go one at a time (``store.postgres_lock``).
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from newsreel.errors import LockedError
from newsreel.store.postgres_lock import ServerLock

POLL_SECONDS = 0.2
# what many processes may do at once to a PostgreSQL archive: everything but stage runs
SHARED_ON_SERVER = frozenset(
    {
        "ingest",
        "copy",
        "set",
        "outlet-merge",
        "group",
        "entity-merge",
        "entity-split",
        "entity-rename",
        "forget quarantine entries",
        "writing",
    }
)


class ArchiveLock:
    """The writer lock of one archive; a context manager (re-entrant per instance)."""

    def __init__(self, archive: str, purpose: str, wait: float = 0.0) -> None:
        # In memory, or in PostgreSQL (which takes many writers): nothing to lock.
        server = archive.startswith(("postgresql://", "postgres://"))
        self.path = None if archive == ":memory:" or server else Path(archive + ".lock")
        self.server = ServerLock(archive) if server else None
        self.archive = archive
        self.purpose = purpose
        self.wait = wait
        self._handle: IO[str] | None = None
        self._depth = 0

    @property
    def held(self) -> bool:
        """Whether this instance holds the lock."""
        return self._depth > 0

    @property
    def exclusive(self) -> bool:
        """Whether this instance holds a PostgreSQL archive's stage lock."""
        return self.server is not None and self.server.held

    def holder(self) -> str:
        """Who holds the lock, in words ("pid 123, ingest, since 12:00:01")."""
        if self.server is not None:
            return self.server.holder()
        if self.path is None:
            return "this process"
        try:
            data = json.loads(self.path.read_text() or "{}")
        except (OSError, ValueError):
            return "another process"
        pid, purpose, since = (data.get(k, "?") for k in ("pid", "purpose", "since"))
        return f"pid {pid} ({purpose}, since {since})"

    def acquire(self, on_wait: Callable[[str], None] | None = None) -> None:
        """Take the lock, waiting up to ``wait`` seconds; ``LockedError`` if it stays held."""
        self._depth += 1
        if self._depth > 1:
            return
        if self.path is None:
            if self.server is not None and self.purpose not in SHARED_ON_SERVER:
                server = self.server
                self._wait_for(
                    lambda: server.try_take(self.purpose),
                    f"a stage of the archive {_shown(self.archive)} is being run by",
                    on_wait,
                )
            return
        handle = self.path.open("a+", encoding="utf-8")
        try:
            self._wait_for(
                lambda: _flocked(handle), f"the archive {self.archive} is being written by", on_wait
            )
        except LockedError:
            handle.close()
            raise
        handle.seek(0)
        handle.truncate()
        since = time.strftime("%Y-%m-%d %H:%M:%S")
        handle.write(json.dumps({"pid": os.getpid(), "purpose": self.purpose, "since": since}))
        handle.flush()
        self._handle = handle

    def _wait_for(
        self, take: Callable[[], bool], held: str, on_wait: Callable[[str], None] | None
    ) -> None:
        """Call ``take`` until it takes the lock, up to ``wait`` seconds; else give the
        depth back and raise ``LockedError`` ("``held`` <holder>; try again ...")."""
        deadline = time.monotonic() + self.wait
        told = False
        while not take():
            if time.monotonic() >= deadline:
                self._depth -= 1
                raise LockedError(
                    f"{held} {self.holder()}; "
                    + (
                        f"waited {self.wait:g} s; try again when it is done, or wait "
                        "longer (--wait SECONDS)"
                        if self.wait
                        else "try again when it is done, or pass --wait SECONDS"
                    )
                )
            if on_wait is not None and not told:
                on_wait(self.holder())
                told = True
            time.sleep(POLL_SECONDS)

    def release(self) -> None:
        """Let go of the lock."""
        self._depth = max(0, self._depth - 1)
        if not self._depth and self.server is not None:
            self.server.release()
        if self._depth or self._handle is None:
            return
        self._handle.seek(0)
        self._handle.truncate()
        fcntl.flock(self._handle, fcntl.LOCK_UN)
        self._handle.close()
        self._handle = None

    def __enter__(self) -> ArchiveLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def _flocked(handle: IO[str]) -> bool:
    """Take an exclusive ``flock`` on an open file if it is free; whether it was."""
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _shown(archive: str) -> str:
    """An archive's name as messages show it (a URL without its password)."""
    from newsreel.store.postgres import redact

    return redact(archive)
