"""The Python API answers bad arguments and writes to a read-only archive with a
``NewsreelError`` naming the problem, never a raw exception."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import jsonl_file

from newsreel import ConfigError, StoreError, open_archive
from newsreel.errors import QueryError


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("api") / "demo.db"
    examples = Path(__file__).resolve().parents[1] / "examples"
    with open_archive(db) as arch:
        arch.ingest([examples])
    return db


def test_dates_may_be_given_as_iso_strings_or_datetimes(archive: Path) -> None:
    with open_archive(archive, read_only=True) as arch:
        as_date = [h.video_id for h in arch.search("Gaza", since=date(2024, 1, 1))]
        assert as_date == [h.video_id for h in arch.search("Gaza", since="2024-01-01")]  # type: ignore[arg-type]
        assert as_date == [h.video_id for h in arch.search("Gaza", since=datetime(2024, 1, 1))]
        with pytest.raises(ConfigError, match="since='yesterday' is not a date"):
            arch.search("Gaza", since="yesterday")  # type: ignore[arg-type]


def test_a_write_to_a_read_only_archive_is_a_store_error(archive: Path) -> None:
    with open_archive(archive, read_only=True) as arch:
        with pytest.raises(StoreError, match="open read-only"):
            arch.set_metadata("wyqHuhmsA28", title="x")
        with pytest.raises(StoreError, match="open read-only"):
            arch.merge_outlets("DW News", "BBC News")


@pytest.mark.parametrize(
    ("location", "needle"),
    [
        ("mysql://x@y/z", "not mysql://"),
        ("postgresql+psycopg://root@/x", "write postgresql://USER@HOST/DB"),
    ],
)
def test_an_archive_url_of_another_kind_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, location: str, needle: str
) -> None:
    """Regression (review): "mysql://x@y/z" made a folder "mysql:" with a SQLite file."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=needle):
        open_archive(location)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ConfigError, match="is a folder"):
        open_archive(tmp_path)


def test_one_string_is_one_item_not_its_letters(tmp_path: Path, archive: Path) -> None:
    """Regression (review): trends("Qatar") counted "Q", "a", "t", ...; ingest("dir")
    looked for a file "/"."""
    with open_archive(archive, read_only=True) as arch:
        assert set(arch.trends("Cairo")["term"]) == {"Cairo"}
        assert list(arch.trend_variants("Cairo")) == ["Cairo"]
    examples = Path(__file__).resolve().parents[1] / "examples" / "records"
    with open_archive(tmp_path / "one.db") as arch:
        assert arch.ingest(str(examples)).ingested >= 1
        assert arch.add_to_group("europe", "DW News").outlets == ("DW News",)


def test_selectors_that_clash_or_tables_that_are_not_say_so(archive: Path, tmp_path: Path) -> None:
    with open_archive(archive, read_only=True) as arch:
        with pytest.raises(ConfigError, match="not both"):
            arch.claims("wyqHuhmsA28", entity="Qatar")
        with pytest.raises(ConfigError, match="not both"):
            arch.quotes("wyqHuhmsA28", channel="DW")
        with pytest.raises(ConfigError, match=r"Archive\.export"):
            arch.export_table("videos", tmp_path / "t.csv")


def test_the_python_api_checks_what_the_cli_and_http_check(archive: Path) -> None:
    """Regression (review): ``claims(limit=-1)`` returned every claim,
    ``compare(top=-5)`` sliced from the end and ``search(None)`` was a bare TypeError."""
    with open_archive(archive, read_only=True) as arch:
        with pytest.raises(ConfigError, match="limit must be at least 1"):
            arch.claims(limit=-1)
        with pytest.raises(ConfigError, match="top must be between 1 and 200"):
            arch.compare(query="Cairo", top=-5)
        with pytest.raises(ConfigError, match="top must be between 1 and 200"):
            arch.compare(query="Cairo", top=100_000)
        with pytest.raises(QueryError, match="a query is text"):
            arch.search(None)  # type: ignore[arg-type]
        assert arch.compare(query="Cairo", top=200).to_dict()


def test_ids_past_sqlite_s_integers_are_not_found(archive: Path) -> None:
    """Regression (review): an id of 23 digits was an OverflowError traceback."""
    from newsreel import NotFoundError

    huge = "99999999999999999999999"
    with open_archive(archive, read_only=True) as arch:
        for call in (
            lambda: arch.entity(huge),
            lambda: arch.story(int(huge)),
            lambda: arch.compare(story=int(huge)),
            lambda: arch.claims(entity=huge),
        ):
            with pytest.raises(NotFoundError):
                call()


def test_edits_refuse_invisible_names_and_splits_into_another_entity(
    tmp_path: Path, archive: Path
) -> None:
    """Regression (review): a rename to a name with U+202E (right-to-left override) was
    accepted, and a split --as the name of an existing entity merged into it silently."""
    import shutil

    copy = tmp_path / "edit.db"
    shutil.copy(archive, copy)
    with open_archive(copy) as arch:
        arch.enrich()
        with pytest.raises(ConfigError, match="control or invisible character"):
            arch.rename_entity("Cairo", "Cairo\u202e")
        with pytest.raises(ConfigError, match="control or invisible character"):
            arch.split_entity("Cairo", "Cairo", "Ca\x07iro")
        named = {e.name for e in arch.entities()}
        assert "Doha" in named and "Egypt" in named
        spelled = arch.entity("Egypt").spellings
        with pytest.raises(ConfigError, match="named 'Doha' already"):
            arch.split_entity("Egypt", next(iter(spelled)), "Doha")


def test_a_rename_keeps_the_entity_s_id(tmp_path: Path, archive: Path) -> None:
    """Regression (review): a rename gave the entity a new id, so saved /entity/ID links
    broke; a rename into another entity's name still merges the two."""
    import shutil

    copy = tmp_path / "rename.db"
    shutil.copy(archive, copy)
    with open_archive(copy) as arch:
        arch.enrich()
        before = arch.entity("Doha")
        assert arch.rename_entity("Doha", "Doha, Qatar") == sum(before.spellings.values())
        after = arch.entity(str(before.entity_id))
        assert (after.entity_id, after.name) == (before.entity_id, "Doha, Qatar")
        assert arch.entity("Doha").entity_id == before.entity_id  # the old name resolves
        arch.enrich()  # a re-run keeps the name and the id
        assert arch.entity(str(before.entity_id)).name == "Doha, Qatar"
        cairo = arch.entity("Cairo")
        arch.rename_entity("Doha, Qatar", "Cairo")  # another's name: one entity now
        assert arch.entity("Doha").entity_id == cairo.entity_id


@pytest.mark.parametrize(
    ("call", "needle"),
    [
        (lambda a: a.story(None), "story id"),
        (lambda a: a.story("1"), "story id"),
        (lambda a: a.compare(story="1"), "story id"),
        (lambda a: a.topics(topics=0), "topics must"),
        (lambda a: a.topics(topics="3"), "topics must"),
        (lambda a: a.topics(sample=0), "sample must"),
        (lambda a: a.stories(min_videos=0), "min_videos"),
        (lambda a: a.topics(channel="DW News", topics=2), "4 or more are needed"),
    ],
)
def test_bad_story_and_topic_arguments_are_config_errors(
    archive: Path, call: Callable[[Any], object], needle: str
) -> None:
    """Regression (review): they raised sklearn's, Python's TypeError, or gave a story."""
    with open_archive(archive, read_only=True) as arch, pytest.raises(ConfigError, match=needle):
        call(arch)


def test_an_export_whose_file_names_another_format_is_refused(
    archive: Path, tmp_path: Path
) -> None:
    """Regression (review): export_passages("x.csv", fmt="parquet") wrote Parquet into
    x.csv; the CLI refuses it."""
    with open_archive(archive, read_only=True) as arch:
        with pytest.raises(ConfigError, match="cannot hold parquet"):
            arch.export_passages(tmp_path / "x.csv", fmt="parquet", query="Gaza")
        with pytest.raises(ConfigError, match="cannot hold jsonl"):
            arch.export(tmp_path / "x.csv", "jsonl")
        assert arch.export(tmp_path / "videos.out", "csv") > 0


def test_tables_of_two_selections_have_the_same_columns(tmp_path: Path) -> None:
    """Regression (review): to_pandas gave 28 columns for the archive and 21 for a query
    that matched nothing (the extra fields of the rows chosen), so pd.concat broke."""
    rows = [
        {"video_id": "EXTRATEST01", "transcript": "talks in Cairo", "desk": "news"},
        {"video_id": "EXTRATEST02", "transcript": "floods in Doha"},
    ]
    with open_archive(tmp_path / "x.db") as arch:
        arch.ingest([jsonl_file(tmp_path, rows)])
        every = list(arch.to_pandas().columns)
        assert "extra.desk" in every
        assert list(arch.to_pandas(query="Doha").columns) == every
        assert list(arch.to_pandas(query="zzzqqq").columns) == every


def test_a_merge_counts_the_mentions_of_current_transcripts(tmp_path: Path) -> None:
    """Regression (review): after a changed transcript was ingested and processed, a
    merge said "11 mentions moved" for an entity shown with 6 (the replaced version's
    mentions were counted too)."""
    from newsreel import open_archive

    seed = Path(__file__).resolve().parents[1] / "examples" / "records" / "000_ca11e6ccf9581cca.txt"
    changed = tmp_path / "changed" / seed.name
    changed.parent.mkdir()
    changed.write_bytes(seed.read_bytes().replace(b"</doc>", b"and Cairo again\n</doc>"))
    with open_archive(tmp_path / "a.db") as arch:
        arch.ingest([seed])
        arch.process()
        arch.ingest([changed])
        arch.process()
        source = arch.store.entities.find_entity("Cairo")[0]
        shown = sum(arch.store.entities.entity_rows(entity_id=source)[0].spellings.values())
        assert arch.merge_entities("Cairo", "Egypt") == shown


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"limit": "5"}, "limit must be a whole number, not '5'"),
        ({"offset": 1.5}, "offset must be a whole number"),
        ({"channel": 5}, "channel is an outlet's name or code"),
        ({"channel": ["DW", 3]}, "channel is an outlet's name or code"),
        ({"lang": 1}, "lang is a language code"),
        ({"since": 20240101}, "since is a date"),
    ],
)
def test_options_of_the_wrong_type_are_named(
    tmp_path: Path, options: dict[str, object], words: str
) -> None:
    """Regression (review): search("Trump", limit="5") failed with "'<=' not supported",
    channel=5 with "'int' object is not iterable"."""
    with open_archive(tmp_path / "a.db") as arch, pytest.raises(ConfigError, match=words):
        arch.search("Gaza", **options)  # type: ignore[arg-type]
