"""The tantivy full-text index: what each query form matches, filters, facets, order."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreel.models import Filters, IndexedVideo
from newsreel.search.fulltext import FullText, outlet_code
from newsreel.search.pairs import pair_terms, paired
from newsreel.search.query import parse_query

VIDEOS = [
    IndexedVideo(
        1,
        "a",
        "Cairo talks",
        "ceasefire talks resume in Cairo today",
        "DW News",
        "dw",
        "en",
        date(2024, 3, 31),
    ),
    IndexedVideo(
        2,
        "b",
        "Gaza Strip",
        "aid enters the Gaza Strip as the ceasefire holds",
        "BBC News",
        "bbc",
        "en",
        date(2026, 2, 2),
    ),
    IndexedVideo(
        3,
        "c",
        "Ukraine",
        "Zelenskýj says talks with Russia continue in Geneva",
        "France 24",
        "f24",
        "fr",
        None,
    ),
    IndexedVideo(
        4,
        "d",
        "Negotiations",
        "negotiators say the cease-fire is fragile in Gaza",
        None,
        None,
        None,
        date(2024, 4, 2),
    ),
]


@pytest.fixture(scope="module")
def index() -> FullText:
    fulltext = FullText(None)
    fulltext.add(VIDEOS)
    return fulltext


def ids(index: FullText, query: str, filters: Filters | None = None, **kw: Any) -> list[int]:
    found = index.search(parse_query(query).node, filters or Filters(), 10, **kw)
    return sorted(t for t, _ in found)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Cairo", [1]),
        ("ceasefire Cairo", [1]),
        ('"Gaza Strip"', [2]),
        ('"Strip Gaza"', []),
        ("Cairo OR Geneva", [1, 3]),
        ("ceasefire -Cairo", [2]),
        ("cease-fire", [4]),
        ("negotiat*", [4]),
        ("zelenskyj", [3]),  # accents folded as the Python side folds them
        ("talks NEAR/3 Cairo", [1]),
        ("Cairo NEAR/3 talks", [1]),  # either order
        ("talks NEAR/1 today", []),
        ("(Cairo OR Geneva) talks", [1, 3]),
        ("Ukraine", [3]),  # titles are searched too
    ],
)
def test_query_forms_match_what_they_say(index: FullText, query: str, expected: list[int]) -> None:
    assert ids(index, query) == expected


def test_filters_by_channel_name_or_code_language_and_dates(index: FullText) -> None:
    assert ids(index, "ceasefire", Filters(channels=("dw news",))) == [1]
    assert ids(index, "ceasefire", Filters(channels=("BBC",))) == [2]
    assert ids(index, "talks", Filters(language="FR")) == [3]
    assert ids(index, "ceasefire OR Gaza OR talks", Filters(language="(unknown)")) == [4]
    assert ids(index, "Gaza", Filters(since=date(2024, 4, 1), until=date(2024, 12, 31))) == [4]
    assert ids(index, "talks", Filters(until=date(2030, 1, 1))) == [1]  # undated never match


def test_several_outlets_match_any_of_them(index: FullText) -> None:
    assert ids(index, "ceasefire OR Gaza", Filters(channels=("DW", "bbc news"))) == [1, 2]
    assert ids(index, "ceasefire OR Gaza", Filters(channels=("dw", "(unknown)"))) == [1, 4]
    assert ids(index, "ceasefire OR Gaza", Filters(channels=("nobody",))) == []


def test_title_matches_weigh_more_and_ids_can_be_restricted(index: FullText) -> None:
    ranked = index.search(parse_query("Gaza").node, Filters(), 10)
    assert ranked[0][0] == 2  # "Gaza" in the title
    assert [t for t, _ in index.search(parse_query("Gaza").node, Filters(), 10, among=[4])] == [4]


def test_sort_by_date_is_newest_first_with_undated_last(index: FullText) -> None:
    found = index.search(parse_query("talks OR Gaza").node, Filters(), 10, sort="date")
    assert [t for t, _ in found] == [2, 4, 1, 3]


def test_facets_count_matches_per_channel_language_month(index: FullText) -> None:
    counts = index.facets(parse_query("ceasefire OR Gaza OR talks").node, Filters(), 20)
    assert dict(counts["channel"]) == {"DW News": 1, "BBC News": 1, "France 24": 1, "(unknown)": 1}
    assert dict(counts["language"]) == {"en": 2, "fr": 1, "(unknown)": 1}
    assert [m for m, _ in counts["month"]] == ["2026-02", "2024-04", "2024-03", "(no date)"]


def test_reindexing_a_video_replaces_it(index: FullText) -> None:
    fresh = FullText(None)
    fresh.add(VIDEOS)
    fresh.add([IndexedVideo(9, "a", "Cairo", "new words only", None, None, None, None)])
    assert fresh.documents() == 4
    assert ids(fresh, "ceasefire") == [2]
    assert ids(fresh, "words") == [9]


def test_a_replaced_video_counts_once_in_document_frequencies() -> None:
    """Review: story labels differed between SQLite and PostgreSQL: tantivy's doc_freq
    counts a replaced document until its segment merges."""
    fresh = FullText(None)
    fresh.add(VIDEOS)
    before = fresh.doc_freqs(["ceasefire", "nowhere"])
    fresh.add([IndexedVideo(9, "a", "Cairo", "ceasefire words", None, None, None, None)])
    assert fresh.doc_freqs(["ceasefire", "nowhere"]) == {
        "ceasefire": before["ceasefire"],  # video "a" replaced: still said once there
        "nowhere": 0,
    }


def test_vocabulary_lists_folded_terms_with_document_counts(index: FullText) -> None:
    vocabulary = index.vocabulary()
    assert vocabulary["ceasefire"] == 2
    assert "zelenskyj" in vocabulary and "Cairo" not in vocabulary


def test_everything_matching_for_exports(index: FullText) -> None:
    assert sorted(index.all_ids(parse_query("Gaza OR Cairo").node, Filters())) == [1, 2, 4]


def test_an_empty_index_answers_nothing(index: FullText) -> None:
    empty = FullText(None)
    assert empty.search(parse_query("Gaza").node, Filters(), 10) == []
    assert empty.all_ids(parse_query("Gaza").node, Filters()) == []


def test_no_room_for_results_gives_none(index: FullText) -> None:
    assert index.search(parse_query("Gaza").node, Filters(), 0) == []


def test_ranked_scores_each_video_by_its_best_weighted_query(index: FullText) -> None:
    talks, gaza = parse_query("talks").node, parse_query("gaza").node
    alone = dict(index.ranked([(talks, 1.0)], Filters(), 10))
    both = dict(index.ranked([(talks, 1.0), (gaza, 0.5)], Filters(), 10))
    assert set(alone) == {1, 3}
    assert set(both) == {1, 2, 3, 4}  # any of the queries
    assert both[1] == alone[1]  # the best of the two, not their sum
    heavier = dict(index.ranked([(talks, 1.0), (gaza, 50.0)], Filters(), 10))
    assert max(heavier, key=heavier.__getitem__) in {2, 4}
    assert index.ranked([(talks, 1.0)], Filters(channels=("bbc",)), 10) == []
    assert (
        index.ranked([], Filters(), 10) == [] and index.ranked([(talks, 1.0)], Filters(), 0) == []
    )


# -- pairs of a common word and its neighbour (search.pairs) ---------------------------

_WORDS = st.lists(
    st.sampled_from(
        ["the", "is", "that", "gaza", "talks", "it's", "rafah", "is_that", "Øresund", "Straße"]
    )
)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(_WORDS.map(" ".join), min_size=1, max_size=5), a=_WORDS, b=_WORDS)
def test_a_phrase_finds_the_same_videos_with_and_without_pairs(
    texts: list[str], a: list[str], b: list[str]
) -> None:
    """A two-word phrase looked up as one pair term matches exactly the videos the
    phrase matches by word position (titles and transcripts)."""
    phrase = '"' + " ".join((a + b)[:2]) + '"'
    if len((a + b)[:2]) < 2:
        return
    found = []
    for pairs in (True, False):
        index = FullText(None, pairs=pairs)
        index.add(
            IndexedVideo(i, f"v{i}", text[:12], text, None, None, None, None, fresh=True)
            for i, text in enumerate(texts, 1)
        )
        hits = index.search(parse_query(phrase).node, Filters(), 10)
        found.append(sorted(t for t, _ in hits))
    assert found[0] == found[1]


def test_pair_terms_pair_only_words_next_to_a_common_word() -> None:
    assert pair_terms(["the", "rafah", "crossing", "is", "open"]) == "the|rafah crossing|is is|open"
    assert paired(["is", "that"]) and paired(["the", "covid"])
    assert not paired(["rafah", "crossing"]) and not paired(["the"])


def test_the_index_keeps_an_outlet_code_per_video(index: FullText) -> None:
    codes = index.outlets([1, 2, 4, 99])
    assert set(codes) == {1, 2, 4}  # 99: not in the index
    assert codes[1] and codes[2] and codes[1] != codes[2]
    assert codes[4] is None  # no channel: an unknown outlet
    assert outlet_code("DW News") == outlet_code("dw news") == codes[1]
    assert FullText(None, outlets=False).outlets([1]) == {}
