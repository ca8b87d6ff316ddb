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

    def settle_dead(self, *, ingests: bool = True) -> None:
        """Mark a stage or (``ingests``) an ingest still ``running`` as ``interrupted``:
        called by a writer that holds the archive's lock (a SQLite file has one writer;
        a PostgreSQL archive one stage runner, with ingests alongside), so no such run
        is alive."""
        with self.db:
            self.db.execute(
                "UPDATE stage_versions SET status = 'interrupted' WHERE status = 'running'"
            )
            if ingests:
                self.db.execute(
                    "UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'"
                )

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
        ran = [
            StageState(r[0], r[1], r[2], int(r[3]), r[4], r[5], self._waiting(r[0], r[1]))
            for r in rows
        ]
        done = {state.stage for state in ran}
        never = [  # a stage that never ran on videos the archive holds: all of them wait
            StageState(stage, "", NEVER_RUN, 0, None, None, waiting)
            for stage in _WAITING
            if stage not in done and (waiting := self._waiting(stage, ""))
        ]
        return sorted([*ran, *never], key=lambda state: state.stage)

    def _waiting(self, stage: str, version: str) -> int:
        """Current transcripts the stage at ``version`` has not done (new videos, new
        versions, or all after a new stage version): what 'newsreel process' would do."""
        wanted = _WAITING.get(stage)
        if wanted is None:
            return 0
        base = "SELECT count(*) FROM videos v JOIN transcripts t ON t.id = v.current_transcript_id "
        row = self.db.execute(base + wanted, (version,) if "?" in wanted else ()).fetchone()
        return int(row[0]) if row else 0


NEVER_RUN = "never run"  # the status of a stage no run has started on this archive
# The transcripts each stage has still to do (as its ``pending`` reads them).
_WAITING = {
    "repair": "LEFT JOIN repairs r ON r.transcript_id = t.id WHERE r.model IS NULL OR r.model != ?",
    "enrich": "LEFT JOIN enrichments e ON e.transcript_id = t.id "
    "WHERE e.version IS NULL OR e.version != ?",
    "embed": "WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.transcript_id = t.id "
    "AND p.version = ?)",
    "stories": "WHERE NOT EXISTS (SELECT 1 FROM story_videos s WHERE s.transcript_id = t.id)",
}
