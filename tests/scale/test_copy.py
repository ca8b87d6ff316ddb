"""``newsreel copy`` between SQLite files (PostgreSQL both ways: test_postgres.py)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsreel import open_archive
from newsreel.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def test_a_copy_keeps_every_row_and_searches_the_same(tmp_path: Path) -> None:
    source = tmp_path / "a.db"
    with open_archive(source) as arch:
        arch.ingest([EXAMPLES])
        arch.process()
        before = [h.video_id for h in arch.search("Rafah")]
        raw = arch.source_bytes("wyqHuhmsA28")
    result = CliRunner().invoke(main, ["copy", str(source), str(tmp_path / "b.db"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.splitlines()[0])
    assert report["verified"] is True
    assert report["rows"]["videos"] == 8 and report["rows"]["raw_files"] == 5
    with open_archive(tmp_path / "b.db", read_only=True) as copy:
        assert [h.video_id for h in copy.search("Rafah")] == before
        assert copy.source_bytes("wyqHuhmsA28") == raw
        assert copy.search("ceasefire talks", mode="semantic")


def test_bad_copies_are_refused_with_the_reason(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["copy", str(tmp_path / "none.db"), str(tmp_path / "x.db")])
    assert missing.exit_code == 1 and "no archive at" in missing.output
    source = tmp_path / "a.db"
    with open_archive(source) as arch:
        arch.ingest([EXAMPLES])
    same = runner.invoke(main, ["copy", str(source), str(source)])
    assert same.exit_code == 1 and "the same archive" in same.output
    full = runner.invoke(main, ["copy", str(source), str(source.with_name("full.db"))])
    assert full.exit_code == 0
    again = runner.invoke(main, ["copy", str(source), str(source.with_name("full.db"))])
    assert again.exit_code == 1 and "already holds videos" in again.output


def test_a_database_url_never_prints_its_password() -> None:
    from newsreel.api import archive_location

    url = archive_location("postgresql://bob:s3cret@db.example:5432/news")
    assert f"-> {url}" == "-> postgresql://bob:***@db.example:5432/news"
    assert str(url) == "postgresql://bob:s3cret@db.example:5432/news"  # to connect with
    assert url.exists()
