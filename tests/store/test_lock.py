"""One writer per archive: the writer lock, stale runs, a killed ingest's children."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsreel import open_archive
from newsreel.cli import main
from newsreel.errors import LockedError, StoreError
from newsreel.store.lock import ArchiveLock


def _records(folder: Path, count: int, words: int = 40) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        vid = f"lock{i:07d}"
        body = " ".join(f"word{(i * 7 + j) % 997}" for j in range(words))
        (folder / f"{vid}.txt").write_text(f"<video_id>{vid}</video_id>\n<doc>\n{body}\n</doc>\n")
    return folder


def test_a_second_writer_is_refused_with_the_holder_named(tmp_path: Path) -> None:
    """Regression: two ingests of one archive at once died with a tantivy LockBusy
    traceback."""
    db = tmp_path / "a.db"
    folder = _records(tmp_path / "in", 3)
    with open_archive(db) as first, first.writing("ingest"):
        with open_archive(db) as second, pytest.raises(LockedError) as caught:
            second.ingest([folder])
        assert f"pid {os.getpid()} (ingest" in str(caught.value)
        result = CliRunner().invoke(main, ["ingest", str(folder), "--archive", str(db)])
        assert result.exit_code == 75
        assert "is being written by pid" in result.output and "Traceback" not in result.output
    with open_archive(db) as later:  # released: the next writer goes ahead
        assert later.ingest([folder]).ingested == 3


def test_a_writer_waits_for_the_lock_when_asked(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    holder = ArchiveLock(str(db), "test")
    holder.acquire()
    waited: list[str] = []
    other = ArchiveLock(str(db), "second", wait=0.5)
    started = time.monotonic()
    with pytest.raises(LockedError):
        other.acquire(on_wait=waited.append)
    assert time.monotonic() - started >= 0.5 and waited and "test" in waited[0]
    holder.release()
    other.acquire()  # free now
    other.release()


def test_runs_left_running_by_a_crash_are_marked_interrupted(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    folder = _records(tmp_path / "in", 2)
    with open_archive(db) as arch:
        arch.ingest([folder])
    raw = sqlite3.connect(db)
    with raw:
        raw.execute(
            "INSERT INTO ingest_runs (started_at, paths, status) VALUES ('x', '[]', 'running')"
        )
    with open_archive(db) as arch:
        arch.ingest([folder])
    statuses = [r[0] for r in raw.execute("SELECT status FROM ingest_runs ORDER BY id")]
    assert statuses == ["done", "interrupted", "done"]
    # review (ops): a stage left running by kill -9 stayed "running" through later
    # ingests, reindexes and edits; any writer of the file settles it
    with raw:
        raw.execute(
            "INSERT INTO stage_versions (stage, version, status, items, started_at) "
            "VALUES ('enrich', 'v', 'running', 0, 'x')"
        )
    with open_archive(db) as arch:
        arch.set_metadata("lock0000000", title="A title")
        assert {s.stage: s.status for s in arch.stage_states()}["enrich"] == "interrupted"


@pytest.mark.slow
def test_a_killed_ingest_leaves_no_writer_behind_and_the_first_rerun_completes(
    tmp_path: Path,
) -> None:
    """Regression: killing the ingesting process left its writer child alive (holding
    the index lock), and the rerun failed with LockBusy."""
    folder = _records(tmp_path / "in", 8000, words=400)
    db = tmp_path / "a.db"
    bin_dir = Path(sys.executable).parent
    proc = subprocess.Popen(
        [str(bin_dir / "newsreel"), "ingest", str(folder), "--archive", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    children: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        children = _children(proc.pid)
        wal = db.with_name(db.name + "-wal")
        if children and wal.exists() and wal.stat().st_size > 500_000:
            break  # mid-run: batches are being committed
        time.sleep(0.02)
    assert proc.poll() is None and children, "the ingest ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10  # a writer still starting up checks on its parent
    while time.monotonic() < deadline and [c for c in children if _alive(c)]:
        time.sleep(0.1)
    assert not [c for c in children if _alive(c)], "a writer outlived its parent"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--archive", str(db), "--json"])
    assert result.exit_code == 0, result.output
    with open_archive(db, read_only=True) as arch:
        assert arch.stats().videos == 8000
        assert len(arch.search("word5", limit=10_000)) > 0


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_search_says_when_transcripts_wait_for_the_index(tmp_path: Path) -> None:
    """Regression: right after a crash, search found nothing and said nothing although
    the videos were committed."""
    db = tmp_path / "a.db"
    folder = _records(tmp_path / "in", 3)
    with open_archive(db) as arch:
        arch.ingest([folder])
    raw = sqlite3.connect(db)
    with raw:
        raw.execute("INSERT INTO fts_pending SELECT id FROM transcripts")
    result = CliRunner().invoke(main, ["search", "word5", "--archive", str(db)])
    assert "3 transcripts are not in the search index yet" in result.output


def test_a_migration_is_applied_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (bench/crash.py): an ingest killed while creating a new archive left a
    migration half applied ('no such table: transcripts_fts' on every later open)."""
    from newsreel.store import schema, sqlite

    broken = (*schema.MIGRATIONS, (99, "broken", "CREATE TABLE half (x);\nNOT SQL AT ALL"))
    monkeypatch.setattr(sqlite, "MIGRATIONS", broken)
    db = tmp_path / "a.db"
    with pytest.raises(Exception, match="syntax error"):
        sqlite.SQLiteStore(db)
    raw = sqlite3.connect(db)
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half" not in tables and "videos" in tables  # 1-9 applied, 99 not at all
    raw.close()
    monkeypatch.setattr(sqlite, "MIGRATIONS", schema.MIGRATIONS)
    sqlite.SQLiteStore(db).close()  # opens fine


def test_a_read_only_folder_is_read_and_refused_for_writing_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: on a read-only file system every command, search included, failed
    with 'unable to open database file' (SQLite could not make the WAL's -shm file and
    tantivy its lock file). The tests run as root, so the file system's answer is
    stood in for by os.access; the real case was checked by hand on a read-only mount."""
    from newsreel.search import fulltext as fulltext_module
    from newsreel.store import sqlite as sqlite_module

    db = tmp_path / "a.db"
    with open_archive(db) as arch:
        arch.ingest([_records(tmp_path / "in", 2)])
    for extra in db.parent.glob("a.db-*"):
        extra.unlink()
    monkeypatch.setattr(sqlite_module, "_can_write", lambda path: False)
    real = fulltext_module.FullText
    opened: list[Path | None] = []

    def read_only_index(path: Path | None, *flags: bool) -> object:
        opened.append(path)
        if path is not None and path.parent == tmp_path:
            raise StoreError("cannot open the full-text index: read-only")
        return real(path, *flags)

    monkeypatch.setattr("newsreel.search.indexes.FullText", read_only_index)
    monkeypatch.setattr("newsreel.search.indexes._can_write", lambda path: False)
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--archive", str(db)])
    assert result.exit_code == 1 and "read-only file system" in result.output
    with open_archive(db, read_only=True) as arch:
        assert len(arch.search("word5", limit=10)) >= 1  # read from a private copy
    assert opened[0] == tmp_path / "a.db.fulltext" and opened[1] != opened[0]


def test_a_full_disk_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: a disk that filled up during the end-of-run checkpoint printed a
    traceback. Checked by hand on a 40 MB tmpfs; here SQLite's error is stood in for."""
    from newsreel.store.sqlite_videos import SQLiteVideos

    def full(self: SQLiteVideos, *args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SQLiteVideos, "finish_run", full)
    result = CliRunner().invoke(
        main, ["ingest", str(_records(tmp_path / "in", 2)), "--archive", str(tmp_path / "a.db")]
    )
    assert result.exit_code == 1
    assert "the disk is full" in result.output and "Traceback" not in result.output


def test_the_search_api_says_how_many_transcripts_wait_for_the_index(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsreel.web import create_app

    db = tmp_path / "a.db"
    with open_archive(db) as arch:
        arch.ingest([_records(tmp_path / "in", 3)])
    with TestClient(create_app(db), base_url="http://localhost") as web:
        assert web.get("/api/v1/search", params={"q": "word5"}).json()["unindexed"] == 0
    raw = sqlite3.connect(db)
    with raw:
        raw.execute("INSERT INTO fts_pending SELECT id FROM transcripts")
    with TestClient(create_app(db), base_url="http://localhost") as web:
        assert web.get("/api/v1/search", params={"q": "word5"}).json()["unindexed"] == 3


def test_a_read_only_index_is_read_from_a_writable_copy_removed_on_close(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (review): the private copy kept the original's read-only modes, so the
    index could not make its lock file in it (search failed with PermissionDenied), and
    the copy was left in the temp folder. Root ignores modes, so they are checked."""
    from newsreel.search import fulltext as fulltext_module

    db = tmp_path / "a.db"
    with open_archive(db) as arch:
        arch.ingest([_records(tmp_path / "in", 2)])
    folder = tmp_path / "a.db.fulltext"
    for inner, _, files in os.walk(folder):
        for name in files:
            os.chmod(Path(inner) / name, 0o444)
        os.chmod(inner, 0o555)
    real = fulltext_module.FullText

    def read_only_index(path: Path | None, *flags: bool) -> object:
        if path == folder:
            raise StoreError("cannot open the full-text index: read-only")
        assert path is not None and all(
            os.stat(inner).st_mode & 0o700 == 0o700 for inner, _, _ in os.walk(path)
        )
        return real(path, *flags)

    monkeypatch.setattr("newsreel.search.indexes.FullText", read_only_index)
    monkeypatch.setattr("newsreel.search.indexes._can_write", lambda path: False)
    try:
        with open_archive(db, read_only=True) as arch:
            assert len(arch.search("word5", limit=10)) >= 1
            scratch = Path(str(arch.indexes._scratch))
            assert scratch.is_dir()
        assert not scratch.exists()
    finally:
        for inner, _, _ in os.walk(folder):
            os.chmod(inner, 0o755)
