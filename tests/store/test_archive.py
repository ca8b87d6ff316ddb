from __future__ import annotations

import csv
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsreel import Archive, NotFoundError, QueryError, open_archive
from newsreel.errors import ConfigError, SchemaError
from newsreel.export import MAX_EXTRA_COLUMNS
from newsreel.search.indexes import Indexes
from newsreel.store.sqlite_videos import SQLiteVideos


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    """Every test here runs on a SQLite file and on a PostgreSQL database."""
    return any_archive


RECORD = (
    "<video_id>{vid}</video_id>\n<video_title>{title} | DW News</video_title>\n"
    "<thumbnail_path>en_DW\\x.jpg</thumbnail_path>\n<publish_date>{date}</publish_date>\n"
    "<doc>\n{text}\n</doc>\n"
)


def write(
    folder: Path, name: str, vid: str, text: str, title: str = "Talks", date: str = "20240331"
) -> Path:
    path = folder / name
    path.write_text(RECORD.format(vid=vid, title=title, date=date, text=text))
    return path


def pd_concat(frames: list[Any]) -> Any:
    """pandas.concat, imported where used (pandas loads slowly)."""
    import pandas as pd

    return pd.concat(frames)


def test_ingest_search_show(archive: Archive, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "vidA", "ceasefire talks resume in Cairo")
    write(tmp_path, "b.txt", "vidB", "the offensive in Rafah", title="Rafah", date="20240401")
    summary = archive.ingest([tmp_path])
    assert (summary.ingested, summary.unchanged, summary.quarantined) == (2, 0, 0)
    hits = archive.search("Cairo")
    assert [h.video_id for h in hits] == ["vidA"]
    assert "\x02Cairo\x03" in hits[0].snippet
    assert archive.search("Rafah")[0].channel == "DW News"
    video = archive.show("vidB")
    assert video.text == "the offensive in Rafah" and video.language == "en"
    assert archive.source_bytes("vidB") == (tmp_path / "b.txt").read_bytes()


def test_reingest_is_a_no_op_and_changes_become_versions(archive: Archive, tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "vidA", "first transcript words")
    archive.ingest([tmp_path])
    again = archive.ingest([tmp_path])
    assert (again.ingested, again.unchanged, again.new_versions) == (0, 1, 0)
    write(tmp_path, "a.txt", "vidA", "better transcript words")
    os.utime(path, ns=(1, 1))
    changed = archive.ingest([tmp_path])
    assert (changed.ingested, changed.new_versions) == (0, 1)
    video = archive.show("vidA")
    assert video.text == "better transcript words"
    assert [v.version for v in video.versions] == [1, 2]
    assert archive.search("better")[0].video_id == "vidA"
    assert archive.search("first") == []  # old versions are kept but not searched
    assert archive.stats().versions == 2


def test_duplicate_files_of_one_video_are_unchanged(archive: Archive, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "vidA", "same words here")
    write(tmp_path, "copy.txt", "vidA", "same words here")
    summary = archive.ingest([tmp_path])
    assert (summary.ingested, summary.unchanged) == (1, 1)


def test_a_touched_but_identical_file_is_unchanged(archive: Archive, tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "vidA", "same words here")
    archive.ingest([tmp_path])
    os.utime(path, ns=(5, 5))
    summary = archive.ingest([tmp_path])
    assert (summary.ingested, summary.unchanged, summary.new_versions) == (0, 1, 0)


def test_quarantine_then_fix_then_rerun_finishes(archive: Archive, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("<video_id>vidC</video_id>\n<doc>\ncut off")
    first = archive.ingest([tmp_path])
    assert first.quarantined == 1 and "truncated" in first.quarantine[0].reason
    assert archive.stats().quarantined == 1
    bad.write_text("<video_id>vidC</video_id>\n<doc>\nwhole now\n</doc>")
    second = archive.ingest([tmp_path])
    assert (second.ingested, second.quarantined) == (1, 0)
    assert archive.quarantined() == []


def _five(tmp_path: Path) -> Path:
    folder = tmp_path / "records"
    folder.mkdir()
    for i in range(5):
        write(folder, f"{i}.txt", f"vid{i}", f"words number {i}")
    return folder


def _fail_second_write(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    calls = {"n": 0}
    original = SQLiteVideos.write

    def flaky(self: SQLiteVideos, results, run_id):
        calls["n"] += 1
        if calls["n"] == 2:
            raise error
        return original(self, results, run_id)

    monkeypatch.setattr("newsreel.ingest.runner.BATCH_RECORDS", 2)
    monkeypatch.setattr(SQLiteVideos, "write", flaky)


def test_crashed_run_keeps_committed_batches_and_rerun_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _five(tmp_path)
    db = tmp_path / "a.db"
    with monkeypatch.context() as patch:
        _fail_second_write(patch, RuntimeError("power cut"))
        # killed before the full-text index commits anything
        patch.setattr(Indexes, "flush", lambda self: None)
        patch.setattr(Indexes, "index_pending", lambda self: 0)
        with open_archive(db) as arch, pytest.raises(RuntimeError):
            arch.ingest([folder], jobs=0)
    with open_archive(db) as arch:
        assert arch.stats().videos == 2  # the first batch was committed...
        assert arch.search("words") == []  # ...but not yet indexed for search
        summary = arch.ingest([folder], jobs=0)
        assert (summary.ingested, summary.unchanged) == (3, 2)
        assert arch.stats().videos == 5
        assert len(arch.search("words")) == 5


def test_ctrl_c_commits_what_was_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _five(tmp_path)
    monkeypatch.setattr("newsreel.ingest.runner.BATCH_RECORDS", 2)

    def ctrl_c_after_three(done: int, summary: object) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with open_archive(tmp_path / "a.db") as arch:
        summary = arch.ingest([folder], jobs=0, progress=ctrl_c_after_three)
        assert summary.interrupted
        assert summary.ingested == 3
        assert len(arch.search("words")) == 3  # what was saved is searchable
    with sqlite3.connect(tmp_path / "a.db") as db:
        assert db.execute("SELECT status FROM ingest_runs").fetchone()[0] == "interrupted"
        # and by sound-alikes (ops review: the vocabulary stayed empty until the next run)
        assert db.execute("SELECT count(*) FROM sound_keys").fetchone()[0] > 0
    with open_archive(tmp_path / "a.db") as arch:
        again = arch.ingest([folder], jobs=0)
        assert (again.ingested, again.unchanged) == (2, 3)


def test_a_second_ctrl_c_while_an_ingest_finishes_still_records_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (ops review): Ctrl-C while an ingest saved its last batch left no
    summary (nothing for --json) and the run recorded as "running"."""
    import os
    import signal

    from newsreel.search.indexes import Indexes

    folder = _five(tmp_path)
    real = Indexes.refresh_vocabulary

    def pressed_while_saving(self: Indexes) -> int:
        os.kill(os.getpid(), signal.SIGINT)  # ignored while the run finishes
        return real(self)

    monkeypatch.setattr(Indexes, "refresh_vocabulary", pressed_while_saving)
    with open_archive(tmp_path / "a.db") as arch:
        summary = arch.ingest([folder], jobs=0)
    assert summary.ingested == 5 and not summary.interrupted
    with sqlite3.connect(tmp_path / "a.db") as db:
        assert db.execute("SELECT status, ingested FROM ingest_runs").fetchone() == ("done", 5)


def test_schema_is_plain_tables_with_recorded_migrations(
    sqlite_archive: Archive, tmp_path: Path
) -> None:
    write(tmp_path, "a.txt", "vidA", "words")
    sqlite_archive.ingest([tmp_path])
    db = sqlite3.connect(tmp_path / "test.db")
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "videos",
        "transcripts",
        "segments",
        "raw_files",
        "quarantine",
        "sources",
        "ingest_runs",
        "schema_migrations",
    } <= tables
    assert db.execute("SELECT version FROM schema_migrations").fetchall() == [
        (1,),
        (2,),
        (3,),
        (4,),
        (5,),
        (6,),
        (7,),
        (8,),
        (9,),
        (10,),
        (11,),
        (12,),
        (13,),
        (14,),
        (15,),
        (16,),
    ]
    assert "repairs" in tables and {"story_history", "story_moves", "entity_demotions"} <= tables
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT status FROM ingest_runs").fetchone()[0] == "done"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    open_archive(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'x')")
    with pytest.raises(SchemaError, match="upgrade Newsreel"):
        open_archive(db)


def test_missing_video_and_bad_query(archive: Archive) -> None:
    with pytest.raises(NotFoundError, match="no video 'nope'"):
        archive.show("nope")
    with pytest.raises(QueryError):
        archive.search('"unclosed')


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_text("this is not sqlite " * 100)
    from newsreel import StoreError

    with pytest.raises(StoreError, match="cannot open the archive"):
        open_archive(bogus)


def test_an_empty_file_or_another_database_is_no_archive_to_read(tmp_path: Path) -> None:
    # Was "the archive's database failed: no such table: videos" on the first read.
    from newsreel import StoreError

    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    db.close()
    for path in (empty, other):
        with pytest.raises(StoreError, match=f"{path} is not a Newsreel archive"):
            open_archive(path, read_only=True)


def test_filters_and_export_round_trip(archive: Archive, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "vidA", "Cairo talks", date="20240301")
    write(tmp_path, "b.txt", "vidB", "Cairo again", date="20240415")
    archive.ingest([tmp_path])
    from datetime import date

    assert [h.video_id for h in archive.search("Cairo", since=date(2024, 4, 1))] == ["vidB"]
    assert archive.search("Cairo", channel="dw")  # channel code, any case
    with pytest.raises(ConfigError, match="no video in language 'fr' in the archive"):
        archive.search("Cairo", lang="fr")  # a typo would find nothing: say so
    frame = archive.to_pandas(query="again")
    assert list(frame["video_id"]) == ["vidB"]
    empty = archive.to_pandas(query="xyzzyplugh")  # review: no rows, every column object
    assert empty.empty and empty["words"].dtype == frame["words"].dtype == "int64"
    assert pd_concat([empty, frame])["words"].dtype == "int64"
    none = archive.passages("xyzzyplugh")
    assert none.empty and none["first_word"].dtype == "int64"
    assert none["start_seconds"].dtype == "float64"
    assert frame.loc[0, "channel"] == "DW News"
    for fmt in ("csv", "jsonl", "parquet"):
        assert archive.export(tmp_path / f"out.{fmt}") == 2
    import pandas as pd

    back = pd.read_parquet(tmp_path / "out.parquet")
    assert list(back["video_id"]) == ["vidA", "vidB"]
    assert list(back["transcript"]) == ["Cairo talks", "Cairo again"]
    # typed for pandas (review: dates, times and flags were text): dates, UTC times, bools
    assert back["publish_date"].map(type).isin([date, type(None)]).all()
    assert str(back["ingested_at"].dtype) == "datetime64[us, UTC]"
    assert back["timed"].dtype == bool
    # docs review: JSON Lines wrote the flag 0, not false
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [row["timed"] for row in lines] == [False, False]


def test_unknown_language_selects_the_videos_of_no_known_language(
    archive: Archive, tmp_path: Path
) -> None:
    """Review: the search page listed "(unknown)" among languages but no filter chose it."""
    write(tmp_path, "a.txt", "vidA", "Cairo talks")  # en_DW: English
    (tmp_path / "b.txt").write_text(
        "<video_id>vidB</video_id>\n<video_title>Cairo</video_title>\n<doc>\nCairo again\n</doc>\n"
    )
    archive.ingest([tmp_path])
    assert archive.show("vidB").language is None
    assert [h.video_id for h in archive.search("Cairo", lang="(unknown)")] == ["vidB"]
    assert [h.video_id for h in archive.search("Cairo", lang="en")] == ["vidA"]
    assert list(archive.to_pandas(query="Cairo", lang="(unknown)")["video_id"]) == ["vidB"]


@pytest.mark.parametrize("jobs", [None, 1, 0])
def test_parallel_and_serial_ingest_agree(tmp_path: Path, jobs: int | None) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        write(folder, f"{i:02d}.txt", f"vid{i}", f"story number {i} about Cairo")
    (folder / "bad.txt").write_text("<doc>cut")
    with open_archive(tmp_path / "a.db") as arch:
        summary = arch.ingest([folder], jobs=jobs)
        assert (summary.ingested, summary.quarantined, summary.files) == (40, 1, 41)
        assert len(arch.search("Cairo", limit=100)) == 40
        again = arch.ingest([folder], jobs=jobs)
        assert (again.ingested, again.unchanged, again.quarantined) == (0, 40, 1)


def test_source_bytes_are_exact_for_every_way_raw_is_kept(archive: Archive, tmp_path: Path) -> None:
    files = {
        "plain.txt": RECORD.format(vid="v1", title="T", date="20240101", text="one two").encode(),
        "copy.txt": RECORD.format(vid="v1", title="Other", date="", text="one two").encode(),
        "crlf.txt": b"\xef\xbb\xbf<video_id>v2</video_id>\r\n"
        b"<doc>\r\nline one\r\nline  two\r\n</doc>",
        "cp1252.txt": "<video_id>v3</video_id><doc>café – naïve</doc>".encode("cp1252"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    summary = archive.ingest([tmp_path])
    assert (summary.ingested, summary.unchanged) == (3, 1)
    for vid, name in (("v2", "crlf.txt"), ("v3", "cp1252.txt")):
        assert archive.source_bytes(vid) == files[name]
    assert archive.source_bytes("v1") in (files["plain.txt"], files["copy.txt"])
    kept = {
        bytes(content): offset
        for content, offset in archive.store.db.execute(  # type: ignore[attr-defined]
            "SELECT content, text_offset FROM raw_files"
        )
    }
    assert len(kept) == 4  # every distinct file kept, the duplicate whole
    assert sum(1 for offset in kept.values() if offset is not None) == 1
    (whole,) = [c for c, o in kept.items() if o is None and c.startswith(b"<video_id>v1")]
    assert whole in (files["plain.txt"], files["copy.txt"])


def test_export_spreads_source_metadata_over_columns(archive: Archive, tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text(
        "Video_ID,Video_Title,Transcript,Transcript_Event,Topic\n"
        "a1,Qatar | DW News,words about Qatar,FIFA World Cup 2022,Sportswashing\n"
        "a2,Newcastle,words about Newcastle,Newcastle United ownership,\n"
    )
    archive.ingest([tmp_path])
    columns, rows = archive.table()
    assert columns[-1] == "transcript" and "extra" not in columns
    assert {"extra.Transcript_Event", "extra.Topic"} <= set(columns)
    by_id = {row["video_id"]: row for row in rows}
    assert by_id["a1"]["extra.Topic"] == "Sportswashing"
    assert by_id["a2"]["extra.Topic"] is None
    assert archive.export(tmp_path / "out.csv") == 2
    import csv

    with (tmp_path / "out.csv").open() as handle:
        exported = list(csv.DictReader(handle))
    assert exported[0]["extra.Transcript_Event"] in (
        "FIFA World Cup 2022",
        "Newcastle United ownership",
    )
    frame = archive.to_pandas(query="Qatar")
    assert list(frame["extra.Transcript_Event"]) == ["FIFA World Cup 2022"]


def test_a_pickled_store_reopens_the_same_archive(archive: Archive, tmp_path: Path) -> None:
    import pickle

    write(tmp_path, "a.txt", "vidA", "words")
    archive.ingest([tmp_path])
    copy = pickle.loads(pickle.dumps(archive.store))
    assert copy.videos.get_video("vidA").text == "words"
    copy.close()


def test_bad_search_options_are_clear_errors(archive: Archive) -> None:
    with pytest.raises(ConfigError, match="sort must be one of relevance, date"):
        archive.search("Cairo", sort="newest")
    with pytest.raises(ConfigError, match="offset must be between 0 and 100,000"):
        archive.search("Cairo", offset=-1)


def test_an_archive_from_schema_1_moves_its_index_to_tantivy(tmp_path: Path) -> None:
    from newsreel.store.schema import MIGRATIONS

    db_path = tmp_path / "old.db"
    db = sqlite3.connect(db_path)
    db.executescript(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL);" + MIGRATIONS[0][2]
    )
    db.execute("INSERT INTO schema_migrations VALUES (1, 'initial archive', 'then')")
    db.execute(
        "INSERT INTO videos (video_id, title, id_source, current_transcript_id, first_seen, "
        "updated_at) VALUES ('vidA', 'Old', 'source', 1, 'then', 'then')"
    )
    db.execute(
        "INSERT INTO transcripts (id, video_id, version, content_sha256, text, words, timed, "
        "source_format, ingested_at) VALUES (1, 'vidA', 1, 'h', 'talks in Cairo', 3, 0, "
        "'seed', 'then')"
    )
    db.commit()
    db.close()
    with open_archive(db_path) as arch:
        arch.ingest([])  # indexes what the migration queued
        assert [h.video_id for h in arch.search("Cairo")] == ["vidA"]
    tables = {r[0] for r in sqlite3.connect(db_path).execute("SELECT name FROM sqlite_master")}
    assert "transcripts_fts" not in tables


def test_one_wide_table_does_not_widen_every_export(archive: Archive, tmp_path: Path) -> None:
    """Regression: a CSV with 100,000 columns gave every exported row 100,000 extra.*
    keys; beyond the limit ``extra`` is one JSON column."""
    columns = [f"c{i}" for i in range(MAX_EXTRA_COLUMNS + 1)]
    (tmp_path / "wide.csv").write_text(
        "video_id,transcript," + ",".join(columns) + "\n"
        "w1,words of a wide row," + ",".join("x" for _ in columns) + "\n"
    )
    write(tmp_path, "plain.txt", "plain0001", "plain words")
    archive.ingest([tmp_path])
    exported, rows = archive.table()
    assert "extra" in exported and not any(c.startswith("extra.") for c in exported)
    by_id = {row["video_id"]: row for row in rows}
    assert json.loads(by_id["w1"]["extra"])["c0"] == "x"
    assert len(by_id["plain0001"]) == len(exported)
    # docs review: read back, the one JSON column was one field "extra", re-exported
    # as a column "extra.extra", not the 65 fields it holds
    (tmp_path / "out").mkdir()
    archive.export(tmp_path / "out" / "wide.csv")
    from newsreel import open_archive

    with open_archive(tmp_path / "back.db") as back:
        back.ingest([tmp_path / "out" / "wide.csv"])
        again, rows_again = back.table()
        kept = {row["video_id"]: json.loads(row["extra"]) for row in rows_again}
    assert "extra" in again and "extra.extra" not in again
    assert kept["w1"]["c64"] == "x" and "extra" not in kept["w1"]


def test_csv_cells_that_look_like_formulas_are_neutralised(
    archive: Archive, tmp_path: Path
) -> None:
    """Regression: '=HYPERLINK(...)' titles were exported verbatim to CSV."""
    (tmp_path / "t.csv").write_text(
        'video_id,title,transcript\nf1,"=HYPERLINK(""http://evil.example"")",some words\n'
    )
    archive.ingest([tmp_path])
    archive.export(tmp_path / "safe.csv")
    archive.export(tmp_path / "raw.csv", raw_csv=True)
    with (tmp_path / "safe.csv").open() as handle:
        (safe,) = list(csv.DictReader(handle))
    with (tmp_path / "raw.csv").open() as handle:
        (raw,) = list(csv.DictReader(handle))
    assert safe["title"] == '\'=HYPERLINK("http://evil.example")'
    assert raw["title"] == '=HYPERLINK("http://evil.example")'


def test_a_youtube_id_starting_with_a_dash_is_exported_as_it_is_and_round_trips(
    archive: Archive, tmp_path: Path
) -> None:
    """A YouTube id may start with "-": it calls nothing, so CSV keeps it as YouTube
    writes it; an id an older export guarded ("'-0qOzx3URO4") is read back without the
    guard."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "t.csv").write_text(
        "video_id,title,transcript\n-0qOzx3URO4,One,some words\n'-1qOzx3URO4,Two,more words\n"
    )
    archive.ingest([tmp_path / "in"])
    archive.export(tmp_path / "out.csv")
    with (tmp_path / "out.csv").open() as handle:
        ids = sorted(row["video_id"] for row in csv.DictReader(handle))
    assert ids == ["-0qOzx3URO4", "-1qOzx3URO4"]


def test_a_file_put_back_makes_its_version_current_again(archive: Archive, tmp_path: Path) -> None:
    """Regression (review): a file cut short and ingested, then put back and ingested
    again, left the cut version current ("1 unchanged"); the archive follows the file,
    and a version another file gave stays as it is."""
    folder = tmp_path / "in"
    folder.mkdir()
    path = write(folder, "a.txt", "vidA", "Cairo talks resume today with mediators")
    good = path.read_text()
    archive.ingest([folder])
    path.write_text(good.replace(" resume today with mediators", ""))
    assert archive.ingest([folder]).new_versions == 1
    assert archive.show("vidA").text == "Cairo talks"
    path.write_text(good)
    summary = archive.ingest([folder])
    assert summary.unchanged == 1 and "holds version 1 again" in " ".join(summary.warnings)
    shown = archive.show("vidA")
    assert shown.text == "Cairo talks resume today with mediators"
    assert (shown.current_version, len(shown.versions)) == (1, 2)
    assert [h.video_id for h in archive.search("mediators")] == ["vidA"]
    other = tmp_path / "other"
    other.mkdir()  # another file with the cut text: no file of the current one, no switch
    write(other, "b.txt", "vidA", "Cairo talks")
    assert not archive.ingest([other]).warnings
    assert archive.show("vidA").current_version == 1


def test_a_table_read_again_keeps_its_last_row_of_an_id_current(
    archive: Archive, tmp_path: Path
) -> None:
    """Regression (review): a JSON Lines file with an old and a new row for one video,
    read again unchanged, made the old row current ("the file holds version 1 again"),
    and the next reading the new one."""
    from tests.conftest import jsonl_file

    rows = [
        {"video_id": "dupAAAAAAA1", "transcript": "old words of the talks"},
        {"video_id": "dupBBBBBBB2", "transcript": "another video entirely"},
        {"video_id": "dupAAAAAAA1", "transcript": "new words of the talks"},
    ]
    path = jsonl_file(tmp_path, rows)
    archive.ingest([path])
    assert archive.show("dupAAAAAAA1").text == "new words of the talks"
    for n in range(2):
        os.utime(path, (1_900_000_000 + n, 1_900_000_000 + n))  # `touch`: read it again
        summary = archive.ingest([path])
        assert summary.unchanged == 3 and not summary.warnings
        assert archive.show("dupAAAAAAA1").text == "new words of the talks"


def test_an_archive_kept_open_lets_go_of_the_index_after_each_write(tmp_path: Path) -> None:
    """Regression (review): after an ingest through the web API, the server kept the
    full-text index's writer, and `newsreel ingest` or `process` crashed with tantivy's
    "Failed to acquire Lockfile: LockBusy"."""
    from newsreel import open_archive

    record = "<video_id>{id}</video_id>\\n<doc>\\nthe talks resume in cairo {id}\\n</doc>\\n"
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(record.format(id="heldopen001"))
    second.write_text(record.format(id="heldopen002"))
    db = tmp_path / "k.db"
    with open_archive(db) as kept:
        assert kept.ingest([first]).ingested == 1
        with open_archive(db) as other:  # as another process would
            assert other.ingest([second]).ingested == 1
        kept.indexes.notice_writes()  # as the server does on each request
        assert {h.video_id for h in kept.search("cairo")} == {"heldopen001", "heldopen002"}
