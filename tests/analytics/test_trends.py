"""Trends: counting terms the way the index tokenises, periods, totals, caching."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import jsonl_file

from newsreel import Archive
from newsreel.analytics.counting import folded, leaves, matcher, occurrences
from newsreel.analytics.trends import period_index, period_label, time_axis
from newsreel.errors import ConfigError, NotFoundError, QueryError
from newsreel.search.query import Phrase, Term, parse_query
from newsreel.text import tokens


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    """Every test here runs on a SQLite file and on a PostgreSQL database."""
    return any_archive


def count(text: str, query: str) -> int:
    patterns = [folded(leaf) for leaf in leaves(parse_query(query).node)]
    return occurrences(text, matcher(patterns))


def test_counts_words_phrases_prefixes_and_alternatives() -> None:
    text = "Gaza, gaza! The Gaza Strip; GAZA-strip and Gazans in Gazа"  # last a is Cyrillic
    assert count(text, "Gaza") == 4
    assert count(text, '"Gaza Strip"') == 2
    assert count(text, "Gaza*") == 5
    assert count(text, "Strip OR Gazans") == 3
    assert count("cease fire and ceasefire", '"cease fire" OR ceasefire') == 2


def test_a_phrase_is_counted_once_not_per_word() -> None:
    assert count("west bank west bank", '"west bank" OR west') == 2


SEPARATORS = st.sampled_from([" ", ", ", ". ", " -- ", "\n", "'s "])


@given(
    st.lists(
        st.tuples(st.sampled_from(["Gaza", "gaza", "GAZA", "Gazans", "strip", "Gazà"]), SEPARATORS),
        max_size=40,
    )
)
def test_a_word_counts_as_often_as_the_index_sees_it(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in parts)
    assert occurrences(text, matcher([(("gaza",), False)])) == tokens(text).count("gaza")


@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), SEPARATORS), max_size=30))
def test_phrase_counts_match_token_pairs(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in parts)
    words = tokens(text)
    pairs = 0
    i = 0
    while i < len(words) - 1:
        if words[i] == "a" and words[i + 1] == "b":
            pairs, i = pairs + 1, i + 2
        else:
            i += 1
    assert occurrences(text, matcher([(("a", "b"), False)])) == pairs


def test_exclusions_are_not_counted() -> None:
    assert leaves(parse_query("Gaza -football").node) == [Term("Gaza")]
    assert leaves(parse_query('"a b"').node) == [Phrase(("a", "b"))]


def label(day: date, per: str) -> str:
    days = np.array([(day - date(1970, 1, 1)).days])
    return period_label(int(period_index(days, per)[0]), per)


def test_periods() -> None:
    sunday = date(2024, 3, 31)
    assert label(sunday, "day") == "2024-03-31"
    assert label(sunday, "week") == "2024-03-25"  # the Monday
    assert label(date(2024, 3, 25), "week") == "2024-03-25"
    assert label(date(2024, 1, 1), "week") == "2024-01-01"
    assert label(date(1969, 12, 31), "week") == "1969-12-29"
    assert label(sunday, "month") == "2024-03"
    assert label(date(1965, 2, 3), "month") == "1965-02"


def test_trends_on_the_examples(archive: Archive, examples: Path) -> None:
    archive.ingest([examples])
    frame = archive.trends(["Hamas", '"Gaza Strip"'], per="month", heard=False)
    dw = frame[(frame.term == "Hamas") & (frame.channel == "DW News") & (frame.hits > 0)]
    assert list(dw.period) == ["2024-03"]
    row = dw.iloc[0]
    seed = archive.show("wyqHuhmsA28")
    assert (row.hits, row.videos, row.total_videos) == (6, 1, 1)  # DW's one March video
    assert row.total_words == seed.words
    assert row.per_10k_words == round(row.hits * 10_000 / row.total_words, 3)
    assert row.pct_videos == round(100 * row.videos / row.total_videos, 2)
    overall = archive.trends(["Hamas"], per="month", by_channel=False, heard=False)
    assert set(overall.channel) == {"all outlets"}
    assert overall.hits.sum() == frame[frame.term == "Hamas"].hits.sum()
    only_bbc = archive.trends(["Gaza"], channel="BBC News")
    assert set(only_bbc.channel) == {"BBC News"}


def test_trend_counts_follow_new_videos(archive: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    record = (
        "<video_id>{id}</video_id>\n<video_title>t</video_title>\n"
        "<publish_date>{day}</publish_date>\n\n<doc>\n{text}\n</doc>\n"
    )
    (folder / "a.txt").write_text(
        record.format(id="aaaaaaaaaaa", day="20240105", text="gaza gaza talks")
    )
    archive.ingest([folder])
    first = archive.trends(["Gaza"], per="month", by_channel=False)
    assert first.hits.sum() == 2
    (folder / "b.txt").write_text(
        record.format(id="bbbbbbbbbbb", day="20240210", text="gaza once and rafah")
    )
    archive.ingest([folder])
    second = archive.trends(["Gaza"], per="month", by_channel=False)
    assert dict(zip(second.period, second.hits, strict=True)) == {"2024-01": 2, "2024-02": 1}
    assert list(second.total_videos) == [1, 1]


@pytest.mark.parametrize(
    ("terms", "options", "error", "message"),
    [
        ([], {}, ConfigError, "at least one term"),
        (["a", "b", "c", "d", "e", "f"], {}, ConfigError, "at most 5"),
        (["Gaza"], {"per": "year"}, ConfigError, "per must be"),
        (["entity:"], {}, ConfigError, "names no entity"),
        (["entity:Nobody"], {}, NotFoundError, "no entity"),
        (["-Gaza"], {}, QueryError, "at least one word"),
        (["Gaza channel:DW"], {}, ConfigError, "takes no filters.*--channel"),
        (["Gaza date:2026-01"], {}, ConfigError, "takes no filters.*--since"),
    ],
)
def test_bad_trend_requests(
    archive: Archive,
    examples: Path,
    terms: list[str],
    options: dict[str, str],
    error: type[Exception],
    message: str,
) -> None:
    archive.ingest([examples])
    with pytest.raises(error, match=message):
        archive.trends(terms, **options)


def test_trends_cli_counts_what_search_finds_on_a_time_axis(tmp_path: Path, examples: Path) -> None:
    """`trends Rafah` counts the seed's "Rafa" as search finds it and says so; --exact
    counts the word as typed; every month between the first and last is a row."""
    from click.testing import CliRunner

    from newsreel.cli import main

    db = tmp_path / "t.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(examples), "--archive", str(db)]).exit_code == 0
    base = ["trends", "Rafah", "--archive", str(db), "--no-chart", "--normalise", "none"]
    heard = runner.invoke(main, [*base, "--csv"])
    exact = runner.invoke(main, [*base, "--csv", "--exact"])
    assert heard.exit_code == 0 and exact.exit_code == 0, heard.output
    assert "also counted as heard: rafa" in heard.stderr and "-heard:" in heard.stderr
    # a lone word names only the variants it counts: "carry" is never counted as Cairo
    cairo = runner.invoke(main, ["trends", "Cairo", *base[2:], "--csv"])
    assert cairo.exit_code == 0 and "carry" not in cairo.stderr, cairo.stderr
    total = sum(int(line.split(",")[3]) for line in heard.stdout.splitlines()[1:])
    typed = sum(int(line.split(",")[3]) for line in exact.stdout.splitlines()[1:])
    assert total > typed and "heard" not in exact.stderr
    base_dropped = ["trends", "Rafah -heard:rafa", *base[2:]]
    dropped = runner.invoke(main, [*base_dropped, "--csv"])
    assert dropped.exit_code == 0, dropped.output
    assert sum(int(line.split(",")[3]) for line in dropped.stdout.splitlines()[1:]) < total
    table = runner.invoke(main, [*base, "--min-words", "0"])
    periods = [line.split()[0] for line in table.stdout.splitlines()[2:]]
    assert periods == time_axis(periods, "month") and len(periods) >= 2
    floor = runner.invoke(main, [*base, "--min-words", "100000000"])
    assert "·" in floor.stdout and "fewer than 100,000,000 words" in floor.stdout


def test_counts_read_from_the_index_equal_counts_in_the_text(
    archive: Archive, examples: Path
) -> None:
    """The fast path (term frequencies from BM25 scores) and reading every transcript
    give the same rows, heard variants and phrases included."""
    from newsreel.analytics import trends as module

    archive.ingest([examples])
    terms = ["Hamas", '"Gaza Strip"', "Rafah OR Cairo", "the", '"Shin Bet"']
    fast = archive.trends(terms, per="month")
    slow_archive = Archive(archive.store)
    original = module.invertible
    module.invertible = lambda node, patterns: False
    try:
        slow = slow_archive.trends(terms, per="month")
    finally:
        module.invertible = original
    assert fast.hits.sum() > 0
    assert fast.to_dict("records") == slow.to_dict("records")


def test_what_the_index_cannot_count_alone() -> None:
    from newsreel.analytics.trends import invertible

    def check(query: str) -> bool:
        node = parse_query(query).node
        return invertible(node, tuple(folded(leaf) for leaf in leaves(node)))

    assert check("Gaza") and check('"Gaza Strip" OR Rafah') and check("Gaza -Ukraine")
    assert not check("Gaz*")  # a prefix is many terms
    assert check('"west bank" OR west')  # a phrase's hit is one, not one per word
    assert not check('"bank bank"')  # a phrase that overlaps itself
    assert not check('"a b" OR "b c"')  # "a b c": the text counts one, the index two


def test_a_part_said_only_in_a_title_is_no_hit(archive: Archive, tmp_path: Path) -> None:
    """The index matches titles too: "Rafah crossing" counts nothing in a video whose
    title alone names Rafah, and "a NEAR/3 b" is counted apart from "a b"."""
    rows = [
        {
            "video_id": "TITLEONLY01",
            "title": "Rafah crossing",
            "publish_date": "2024-01-05",
            "transcript": "the crossing opened and the crossing closed",
        },
        {
            "video_id": "SAIDTOO0001",
            "title": "News",
            "publish_date": "2024-01-06",
            "transcript": "the Rafah crossing opened far from any other crossing",
        },
    ]
    archive.ingest([jsonl_file(tmp_path, rows)])
    both = archive.trends(["Rafah crossing"], by_channel=False, heard=False)
    assert list(both.hits) == [3] and list(both.videos) == [1]
    near = archive.trends(["Rafah NEAR/1 crossing"], by_channel=False, heard=False)
    assert list(near.hits) == [1] and list(near.videos) == [1]  # said near each other once


def test_a_near_query_counts_its_parts_near_each_other_in_the_text(
    archive: Archive, tmp_path: Path
) -> None:
    """Regression (review): `trends 'Starmer NEAR/5 Mandelson'` counted a video whose
    title alone had them side by side, where search found no passage."""
    words = "the prime minister gave a long speech about housing schools roads and the budget"
    far = f"Starmer spoke {words} and then {words} so Mandelson left"
    rows = [
        {
            "video_id": "TITLENEAR01",
            "title": "Starmer Mandelson",
            "publish_date": "2024-01-05",
            "transcript": far,
        },
        {
            "video_id": "TEXTNEAR001",
            "title": "News",
            "publish_date": "2024-01-06",
            "transcript": "Starmer and Mandelson met, then Starmer and Mandelson spoke",
        },
    ]
    archive.ingest([jsonl_file(tmp_path, rows)])
    near = archive.trends(["Starmer NEAR/5 Mandelson"], by_channel=False, heard=False)
    assert list(near.videos) == [1] and list(near.hits) == [2]
