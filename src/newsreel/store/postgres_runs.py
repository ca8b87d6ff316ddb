"""Ingest runs in a PostgreSQL archive, where several ingests may run at once.

A SQLite archive has one writer, so a starting ingest knows that every run still marked
``running`` has died. A PostgreSQL archive takes many writers: each run holds an
advisory lock of its own while it lives (``postgres_lock.RunLock``), taken before its
row is committed, and a starting ingest marks ``interrupted`` only the running rows
whose locks are free, their processes gone.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newsreel.errors import StoreError
from newsreel.models import IngestSummary
from newsreel.store.postgres_lock import RunLock, live_runs
from newsreel.store.sqlite_videos import SQLiteVideos
from newsreel.store.sqlite_write import now


class PostgresVideos(SQLiteVideos):
    """Videos and ingest runs of a PostgreSQL archive (runs settled by their locks)."""

    def __init__(self, db: Any, name: str, url: str) -> None:
        super().__init__(db, name)
        self._url = url
        self._run = RunLock(url)

    def begin_run(self, paths: Sequence[str]) -> int:
        """Record the start of an ingest run, held by this process, and return its id;
        runs left ``running`` by processes that died become ``interrupted``."""
        import psycopg

        try:
            with self.db:
                cur = self.db.execute(
                    "INSERT INTO ingest_runs (started_at, paths, status) VALUES (?, ?, 'running')",
                    (now(), json.dumps(list(paths))),
                )
                run_id = int(cur.lastrowid or 0)
                self._run.take(run_id)  # before the row is seen: never settled while alive
            self._settle(run_id)
        except psycopg.Error as exc:
            raise StoreError(
                f"{self.path}: cannot hold the ingest run's lock ({str(exc).strip()})"
            ) from None
        return run_id

    def _settle(self, run_id: int) -> None:
        """Mark ``interrupted`` the other running rows whose processes are gone."""
        others = [
            int(r[0])
            for r in self.db.execute(
                "SELECT id FROM ingest_runs WHERE status = 'running' AND id <> ?", (run_id,)
            )
        ]
        dead = sorted(set(others) - live_runs(self._url, others))
        if dead:
            with self.db:
                self.db.execute(
                    "UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running' "
                    f"AND id IN ({', '.join('?' * len(dead))})",
                    dead,
                )

    def finish_run(self, run_id: int, summary: IngestSummary, status: str) -> None:
        """Record how an ingest run ended and let go of its lock."""
        try:
            super().finish_run(run_id, summary, status)
        finally:
            self._run.release()

    def close(self) -> None:
        """Let go of a run's lock that was never finished (its row is settled later)."""
        self._run.release()
