"""The full-text index beside an archive answers only for the archive that built it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsreel import open_archive
from newsreel.errors import StoreError
from newsreel.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[2]


def test_a_new_archive_ignores_an_index_left_by_a_deleted_one(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with open_archive(path) as arch:
        arch.ingest([ROOT / "examples"])
    for leftover in tmp_path.glob("a.db*"):
        if leftover.is_file():
            leftover.unlink()  # the archive is deleted; its index folder stays behind
    assert (tmp_path / "a.db.fulltext").is_dir()
    with open_archive(path) as arch:
        assert arch.search("Cairo", limit=5) == []
        assert arch.facets("Cairo")["channel"] == []
        arch.ingest([ROOT / "examples" / "captions"])
        assert [h.video_id for h in arch.search("Rafah")] == ["4emc0CPvQ-0"]


def test_read_only_refuses_an_index_of_another_archive(tmp_path: Path) -> None:
    for name in ("a", "b"):
        with open_archive(tmp_path / f"{name}.db") as arch:
            arch.ingest([ROOT / "examples" / "captions"])
    shutil.rmtree(tmp_path / "a.db.fulltext")
    shutil.copytree(tmp_path / "b.db.fulltext", tmp_path / "a.db.fulltext")
    with (
        open_archive(tmp_path / "a.db", read_only=True) as arch,
        pytest.raises(StoreError, match="belongs to another archive"),
    ):
        arch.search("Rafah")


def test_an_archive_from_before_the_marker_keeps_its_index(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_archive(path) as arch:
        arch.ingest([ROOT / "examples"])
        store = arch.store
        assert isinstance(store, SQLiteStore)
        store.db.execute("DELETE FROM search_state WHERE name = 'archive_id'")
        store.db.commit()
    (tmp_path / "old.db.fulltext" / "archive-id").unlink()
    with open_archive(path) as arch:
        assert arch.search("Cairo")
        store = arch.store
        assert isinstance(store, SQLiteStore)
        assert store.search.state("archive_id")  # marked now, without a rebuild:
        assert store.db.execute("SELECT count(*) FROM fts_pending").fetchone()[0] == 0
