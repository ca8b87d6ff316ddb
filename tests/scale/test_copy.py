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


def test_an_unfinished_copy_knows_its_source_by_the_file_not_the_name_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (ops review): an unfinished copy of "big.db" was finished from another
    folder's "big.db" (a different file), and refused from the same file typed whole."""
    import os

    from newsreel.store import copy as copy_module

    one, two = tmp_path / "one", tmp_path / "two"
    for folder, files in ((one, [EXAMPLES]), (two, [EXAMPLES / "records"])):
        folder.mkdir()
        with open_archive(folder / "big.db") as arch:
            arch.ingest(files)
    real = copy_module._copy_table

    def interrupted(*args: object, **kwargs: object) -> int:
        if args[2] == "transcripts":
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    dest = str(tmp_path / "dest.db")
    monkeypatch.chdir(one)
    monkeypatch.setattr(copy_module, "_copy_table", interrupted)
    CliRunner().invoke(main, ["copy", "big.db", dest])
    monkeypatch.setattr(copy_module, "_copy_table", real)
    monkeypatch.chdir(two)
    other = CliRunner().invoke(main, ["copy", "big.db", dest])
    assert other.exit_code == 1 and "holds an unfinished copy of" in other.output
    same = CliRunner().invoke(main, ["copy", os.fspath(one / "big.db"), dest])
    assert same.exit_code == 0, same.output


def test_a_keyword_connection_string_is_refused_without_echoing_it(tmp_path: Path) -> None:
    """Regression (ops review): "host=localhost dbname=x password=..." was taken as a
    file name: a SQLite archive of that name was made and the password printed."""
    source = tmp_path / "a.db"
    with open_archive(source) as arch:
        arch.ingest([EXAMPLES / "records"])
    conninfo = "host=localhost port=5999 dbname=x password=S3cretPW"
    result = CliRunner().invoke(main, ["copy", str(source), conninfo])
    assert result.exit_code == 1 and "postgresql://" in result.output
    assert "S3cretPW" not in result.output
    assert not list(Path.cwd().glob("host=*"))


def test_a_writer_beside_a_running_copy_waits_for_it_as_for_any_writer(tmp_path: Path) -> None:
    """Regression (ops review): while a copy into a SQLite archive ran, an ingest said
    "a copy that did not finish" and exited 1 at once, ignoring --wait (a copy holds the
    writer lock: exit 75, "being written")."""
    from newsreel.store.copy import PENDING
    from newsreel.store.lock import ArchiveLock

    dest = tmp_path / "dest.db"
    with open_archive(dest) as arch:
        arch.store.search.set_state(PENDING, str(tmp_path / "big.db"))  # a copy under way
    with ArchiveLock(str(dest), "copy"):
        result = CliRunner().invoke(
            main, ["ingest", str(EXAMPLES / "records"), "--archive", str(dest)]
        )
    assert result.exit_code == 75, result.output
    assert "copy" in result.output and "did not finish" not in result.output
    after = CliRunner().invoke(main, ["ingest", str(EXAMPLES / "records"), "--archive", str(dest)])
    assert after.exit_code == 1 and "did not finish" in after.output  # the copy died


def test_any_writer_marks_an_ingest_that_died_as_interrupted(tmp_path: Path) -> None:
    """Regression (ops review): a run left "running" by a killed ingest was marked
    interrupted by the next ingest only, not by `set` or `reindex` as documented."""
    import sqlite3

    db = tmp_path / "a.db"
    with open_archive(db) as arch:
        arch.ingest([EXAMPLES / "records"])
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE ingest_runs SET status = 'running'")
    result = CliRunner().invoke(main, ["set", "wyqHuhmsA28", "--title", "x", "--archive", str(db)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status FROM ingest_runs").fetchone()[0] == "interrupted"
