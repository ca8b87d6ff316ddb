"""``newsreel copy`` between SQLite files (PostgreSQL both ways: test_postgres.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
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


def test_an_interrupted_copy_is_finished_by_running_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (review): Ctrl-C during a copy said "run the same command to finish";
    the rerun was refused ("already holds videos") and the half copy looked whole but
    searched nothing."""
    from newsreel.store import copy as copy_module

    source = tmp_path / "a.db"
    with open_archive(source) as arch:
        arch.ingest([EXAMPLES])
    real = copy_module._copy_table
    calls = {"n": 0}

    def interrupted(*args: object, **kwargs: object) -> int:
        calls["n"] += 1
        if calls["n"] == 7:  # after videos and transcripts
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(copy_module, "_copy_table", interrupted)
    dest = tmp_path / "b.db"
    first = CliRunner().invoke(main, ["copy", str(source), str(dest)])
    assert first.exit_code == 130 and "run the same command to finish" in first.output
    monkeypatch.setattr(copy_module, "_copy_table", real)
    for command in (["stats"], ["search", "Rafah"]):  # they say what the archive is
        said = CliRunner().invoke(main, [*command, "--archive", str(dest)])
        assert "a copy that did not finish" in said.output, command
    # review (ops): writes to the half copy were taken, and the copy could then never
    # finish ("FOREIGN KEY constraint failed"); a copy of another source wiped it
    written = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--archive", str(dest)])
    assert written.exit_code == 1 and "a copy that did not finish" in written.output
    other = tmp_path / "other.db"
    with open_archive(other) as arch:
        arch.ingest([EXAMPLES / "records"])
    wiped = CliRunner().invoke(main, ["copy", str(other), str(dest)])
    assert wiped.exit_code == 1 and "holds an unfinished copy of" in wiped.output
    again = CliRunner().invoke(main, ["copy", str(source), str(dest), "--json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.output.splitlines()[0])["verified"] is True
    with open_archive(dest, read_only=True) as copy:
        assert copy.search("Rafah") and not copy.unfinished_copy()
    third = CliRunner().invoke(main, ["copy", str(source), str(dest)])  # done: refused
    assert third.exit_code == 1 and "already holds videos" in third.output


def test_a_copy_into_an_archive_holding_other_rows_is_refused(tmp_path: Path) -> None:
    """Regression (review): a destination with quarantined files and no video failed
    with a raw foreign-key error."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    dest = tmp_path / "b.db"
    CliRunner().invoke(main, ["ingest", str(bad), "--archive", str(dest)])
    source = tmp_path / "a.db"
    with open_archive(source) as arch:
        arch.ingest([EXAMPLES])
    result = CliRunner().invoke(main, ["copy", str(source), str(dest)])
    assert result.exit_code == 1 and "already holds rows in" in result.output


def test_a_copy_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    """Regression (review, ops): `copy a.db nodir/x.db` made the folder "nodir" (a typo
    made folders), where export refuses."""
    source = tmp_path / "a.db"
    with open_archive(source) as arch:
        arch.ingest([EXAMPLES / "records"])
    result = CliRunner().invoke(main, ["copy", str(source), str(tmp_path / "nodir" / "x.db")])
    assert result.exit_code == 1 and "does not exist" in result.output
    assert not (tmp_path / "nodir").exists()


def test_a_copy_of_an_archive_being_written_is_the_archive_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (review): copying a SQLite archive while an ingest wrote to it failed
    with exit status 4 (the hashes, read later, saw rows the copy had not)."""
    from newsreel.store import copy as copy_module

    source = tmp_path / "a.db"
    with open_archive(source) as arch:
        arch.ingest([EXAMPLES / "records" / "000_ca11e6ccf9581cca.txt"])
    real = copy_module._copy_table
    written = {"done": False}

    def while_ingesting(*args: object, **kwargs: object) -> int:
        count = real(*args, **kwargs)  # type: ignore[arg-type]
        if args[2] == "videos" and not written["done"]:  # another process writes meanwhile
            written["done"] = True
            with open_archive(source) as other:
                other.ingest([EXAMPLES])
        return count

    monkeypatch.setattr(copy_module, "_copy_table", while_ingesting)
    result = CliRunner().invoke(main, ["copy", str(source), str(tmp_path / "b.db"), "--json"])
    assert result.exit_code == 0, result.output
    assert written["done"]
    report = json.loads(result.output.splitlines()[0])
    assert report["verified"] is True and report["rows"]["videos"] == 1
    with open_archive(source, read_only=True) as now:
        assert now.stats().videos == 8  # the writer's videos are in the source, not the copy
