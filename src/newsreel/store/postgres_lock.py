"""The stage lock of a PostgreSQL archive: one stage run at a time, however many ingests.

A PostgreSQL archive takes many writers (ingests and a cluster's workers write at once),
but two ``newsreel process`` runs would each do all the work. A stage run, ``reindex``
and ``embed`` hold a session advisory lock on a connection of their own: the server
releases it when that connection ends, however its process dies, so it is never stale.
The connection's ``application_name`` names the holder (what it runs, its pid, since
when) for a second run to say who it waits for.
"""

from __future__ import annotations

import os
import time
from typing import Any

STAGE_LOCK = 0x4E52_0003  # advisory lock keys ("NR" + a number; store.postgres has 1 and 2)
_NAME = "newsreel"


class ServerLock:
    """The stage lock of one PostgreSQL archive, held on a connection of its own."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._conn: Any = None

    @property
    def held(self) -> bool:
        """Whether this instance holds the lock."""
        return self._conn is not None

    def try_take(self, purpose: str) -> bool:
        """Take the lock if it is free; whether it was."""
        import psycopg

        since = time.strftime("%Y-%m-%d %H:%M:%S")
        conn = psycopg.connect(
            self.url,
            autocommit=True,
            connect_timeout=10,
            application_name=f"{_NAME} {purpose[:20]}, pid {os.getpid()}, since {since}"[:63],
        )
        row = conn.execute("SELECT pg_try_advisory_lock(%s)", (STAGE_LOCK,)).fetchone()
        if row is None or not row[0]:
            conn.close()
            return False
        self._conn = conn
        return True

    def holder(self) -> str:
        """Who holds the lock, in words ("newsreel process, pid 123, since ...")."""
        import psycopg

        try:
            with psycopg.connect(self.url, autocommit=True, connect_timeout=10) as conn:
                row = conn.execute(
                    "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a "
                    "ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                    "AND l.classid = 0 AND l.objid = %s LIMIT 1",
                    (STAGE_LOCK,),
                ).fetchone()
        except psycopg.Error:
            return "another process"
        name = str(row[0]) if row is not None and row[0] else ""
        return name.removeprefix(f"{_NAME} ") if name.startswith(_NAME) else "another process"

    def release(self) -> None:
        """Let go of the lock (closing its connection)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None


RUN_LOCKS = 0x4E52_0004  # two-key advisory locks: (RUN_LOCKS, ingest run id)


class RunLock:
    """The lock an ingest run holds while it lives, on a connection of its own: its row
    says ``running`` only while someone holds it ("many writers": a starting ingest
    settles only the runs whose holders died, never a live concurrent one's)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._conn: Any = None

    def take(self, run_id: int) -> None:
        """Hold the lock of run ``run_id`` (releasing any run held before)."""
        import psycopg

        self.release()
        conn = psycopg.connect(
            self.url,
            autocommit=True,
            connect_timeout=10,
            application_name=f"{_NAME} ingest run {run_id}, pid {os.getpid()}"[:63],
        )
        conn.execute("SELECT pg_advisory_lock(%s, %s)", (RUN_LOCKS, run_id))
        self._conn = conn

    def release(self) -> None:
        """Let go of the run's lock (closing its connection)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def live_runs(url: str, run_ids: list[int]) -> set[int]:
    """Which of ``run_ids`` a living process holds (its lock is taken)."""
    import psycopg

    live: set[int] = set()
    if not run_ids:
        return live
    with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
        for run_id in run_ids:
            row = conn.execute(
                "SELECT pg_try_advisory_lock(%s, %s)", (RUN_LOCKS, run_id)
            ).fetchone()
            if row is not None and row[0]:
                conn.execute("SELECT pg_advisory_unlock(%s, %s)", (RUN_LOCKS, run_id))
            else:
                live.add(run_id)
    return live
