"""Which version of each stage an archive was last run with (table ``stage_versions``)."""

from __future__ import annotations

import sqlite3

from newsreel.models import StageState
from newsreel.store.sqlite_write import Repository, now


class SQLiteStages(Repository):
    """One row per stage: its version, how its last run ended, what it processed."""

    def begin(self, stage: str, version: str) -> str | None:
        """Record that ``stage`` starts a run at ``version``; return the version of its
        previous run (None for a first run)."""
        with self.db:
            # The caller holds the writer lock: a stage still marked running has died.
            self.db.execute(
                "UPDATE stage_versions SET status = 'interrupted' WHERE status = 'running'"
            )
            row = self.db.execute(
                "SELECT version FROM stage_versions WHERE stage = ?", (stage,)
            ).fetchone()
            self.db.execute(
                "INSERT INTO stage_versions (stage, version, status, items, started_at) "
                "VALUES (?, ?, 'running', 0, ?) ON CONFLICT(stage) DO UPDATE SET "
                "version = excluded.version, status = 'running', items = 0, "
                "started_at = excluded.started_at, finished_at = NULL",
                (stage, version, now()),
            )
        return str(row[0]) if row else None

    def finish(self, stage: str, status: str, items: int) -> None:
        """Record how the run of ``stage`` ended (done or interrupted) and its items."""
        with self.db:
            self.db.execute(
                "UPDATE stage_versions SET status = ?, items = ?, finished_at = ? WHERE stage = ?",
                (status, items, now(), stage),
            )

    def states(self) -> list[StageState]:
        """Every stage that has run, by name (none in an archive opened read-only before
        its upgrade to stage versions)."""
        try:
            rows = self.db.execute(
                "SELECT stage, version, status, items, started_at, finished_at "
                "FROM stage_versions ORDER BY stage"
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        return [StageState(r[0], r[1], r[2], int(r[3]), r[4], r[5]) for r in rows]
