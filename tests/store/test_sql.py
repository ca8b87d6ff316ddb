from __future__ import annotations

from datetime import date

from newsreel.models import Filters
from newsreel.store.sql import (
    export_sql,
    extra_keys_sql,
    filter_clause,
    video_ids_sql,
)


def test_no_filters_adds_nothing() -> None:
    assert filter_clause(Filters()) == ("", [])


def test_every_filter_becomes_one_parameterised_condition() -> None:
    sql, params = filter_clause(
        Filters(channels=("DW",), language="en", since=date(2024, 1, 1), until=date(2024, 3, 31))
    )
    assert sql == (
        " AND (lower(v.channel) = lower(?) OR lower(v.channel_code) = lower(?))"
        " AND lower(v.language) = lower(?)"
        " AND v.publish_date >= ?"
        " AND v.publish_date <= ?"
    )
    assert params == ["DW", "DW", "en", "2024-01-01", "2024-03-31"]


def test_export_sql_with_a_query_restricts_to_matches() -> None:
    sql, params = export_sql(Filters(), matched=True)
    assert sql.endswith(  # undated videos first in every store (NULLs sort apart)
        "WHERE 1 = 1 AND t.id IN (SELECT id FROM temp.matched) "
        "ORDER BY v.publish_date IS NOT NULL, v.publish_date, v.video_id"
    )
    assert params == []


def test_extra_keys_sql_lists_json_keys_of_the_exported_videos() -> None:
    sql, params = extra_keys_sql(Filters(channels=("DW",)))
    assert sql == (
        "SELECT DISTINCT j.key FROM videos v "
        "JOIN transcripts t ON t.id = v.current_transcript_id, json_each(v.extra) j "
        "WHERE 1 = 1 AND (lower(v.channel) = lower(?) OR lower(v.channel_code) = lower(?)) "
        "ORDER BY j.key"
    )
    assert params == ["DW", "DW"]


def test_several_outlets_are_alternatives_and_unknown_is_no_outlet() -> None:
    sql, params = filter_clause(Filters(channels=("DW", "(unknown)", "BBC News")))
    assert sql == (
        " AND (lower(v.channel) = lower(?) OR lower(v.channel_code) = lower(?)"
        " OR v.channel IS NULL"
        " OR lower(v.channel) = lower(?) OR lower(v.channel_code) = lower(?))"
    )
    assert params == ["DW", "DW", "BBC News", "BBC News"]
    assert filter_clause(Filters(channels=("(unknown)",))) == (" AND v.channel IS NULL", [])
    no_language = filter_clause(Filters(language="(unknown)"))
    assert no_language == (" AND coalesce(v.language, '') = ''", [])


def test_video_ids_sql_reads_only_ids_of_the_exported_videos() -> None:
    sql, params = video_ids_sql(Filters(language="en"), matched=True)
    assert sql == (
        "SELECT v.video_id FROM videos v JOIN transcripts t ON t.id = v.current_transcript_id "
        "WHERE 1 = 1 AND lower(v.language) = lower(?) AND t.id IN (SELECT id FROM temp.matched)"
    )
    assert params == ["en"]


def test_videos_left_out_take_one_parameter_however_many() -> None:
    """SQLite caps a statement's parameters (32,766): 50,000 videos left out of a count
    (search hides them) still make one statement."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE videos (video_id TEXT, current_transcript_id INTEGER)")
    db.executemany("INSERT INTO videos VALUES (?, ?)", [(f"v{i}", i) for i in range(60_000)])
    sql, params = filter_clause(Filters(excluded=frozenset(range(50_000))))
    assert len(params) == 1
    (count,) = db.execute(f"SELECT count(*) FROM videos v WHERE 1{sql}", params).fetchone()
    assert count == 10_000
    # an entity filter keeps only the transcripts that mention it, with the exclusions
    among = Filters(excluded=frozenset(range(10)), among=frozenset(range(5, 40_000, 2)))
    sql, params = filter_clause(among)
    assert len(params) == 2
    (count,) = db.execute(f"SELECT count(*) FROM videos v WHERE 1{sql}", params).fetchone()
    assert count == len(range(11, 40_000, 2))
    sql, params = filter_clause(Filters(among=frozenset()))  # mentioned nowhere: no video
    assert db.execute(f"SELECT count(*) FROM videos v WHERE 1{sql}", params).fetchone() == (0,)
