from __future__ import annotations

from datetime import date

from newsreel.models import Filters
from newsreel.store.sql import (
    export_sql,
    extra_keys_sql,
    facet_sql,
    filter_clause,
    match_sql,
)


def test_no_filters_adds_nothing() -> None:
    assert filter_clause(Filters()) == ("", [])


def test_every_filter_becomes_one_parameterised_condition() -> None:
    sql, params = filter_clause(
        Filters(channel="DW", language="en", since=date(2024, 1, 1), until=date(2024, 3, 31))
    )
    assert sql == (
        " AND (lower(v.channel) = lower(?) OR lower(v.channel_code) = lower(?))"
        " AND lower(v.language) = lower(?)"
        " AND v.publish_date >= ?"
        " AND v.publish_date <= ?"
    )
    assert params == ["DW", "DW", "en", "2024-01-01", "2024-03-31"]


def test_match_sql_ranks_by_bm25_with_title_weight() -> None:
    sql, params = match_sql('"cairo"', Filters(language="en"), 5, 10)
    assert sql == (
        "SELECT t.id, -bm25(transcripts_fts, 4.0, 1.0) AS score "
        "FROM transcripts_fts "
        "JOIN transcripts t ON t.id = transcripts_fts.rowid "
        "JOIN videos v ON v.current_transcript_id = t.id "
        "WHERE transcripts_fts MATCH ? AND lower(v.language) = lower(?) "
        "ORDER BY bm25(transcripts_fts, 4.0, 1.0), v.video_id LIMIT ? OFFSET ?"
    )
    assert params == ['"cairo"', "en", 5, 10]


def test_match_sql_by_date_puts_undated_last_and_can_be_restricted_to_ids() -> None:
    sql, params = match_sql('"cairo"', Filters(), 5, sort="date", among=[3, 9])
    assert sql.endswith(
        "AND t.id IN (?, ?) "
        "ORDER BY v.publish_date IS NULL, v.publish_date DESC, v.video_id LIMIT ? OFFSET ?"
    )
    assert params == ['"cairo"', 3, 9, 5, 0]


def test_export_sql_with_a_query_restricts_to_matches() -> None:
    sql, params = export_sql(Filters(), '"gaza"')
    assert sql.endswith(
        "WHERE 1 = 1 AND t.id IN (SELECT rowid FROM transcripts_fts WHERE transcripts_fts "
        "MATCH ?) ORDER BY v.publish_date, v.video_id"
    )
    assert params == ['"gaza"']


def test_extra_keys_sql_lists_json_keys_of_the_exported_videos() -> None:
    sql, params = extra_keys_sql(Filters(channel="DW"), None)
    assert sql == (
        "SELECT DISTINCT j.key FROM videos v "
        "JOIN transcripts t ON t.id = v.current_transcript_id, json_each(v.extra) j "
        "WHERE 1 = 1 AND (lower(v.channel) = lower(?) OR lower(v.channel_code) = lower(?)) "
        "ORDER BY j.key"
    )
    assert params == ["DW", "DW"]


def test_facet_sql_groups_matches_by_month() -> None:
    sql, params = facet_sql("month", '"gaza"', Filters(), 12)
    assert sql == (
        "SELECT coalesce(substr(v.publish_date, 1, 7), '(no date)') AS value, "
        "count(*) AS count FROM transcripts_fts "
        "JOIN transcripts t ON t.id = transcripts_fts.rowid "
        "JOIN videos v ON v.current_transcript_id = t.id "
        "WHERE transcripts_fts MATCH ? GROUP BY value ORDER BY value DESC LIMIT ?"
    )
    assert params == ['"gaza"', 12]
