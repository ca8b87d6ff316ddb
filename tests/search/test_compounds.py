"""A long query word also matches the two words captions split it into."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import jsonl_file

from newsreel import open_archive
from newsreel.search.compounds import MIN_LETTERS, splits, with_split_forms
from newsreel.search.query import And, Near, Or, Phrase, Term, parse_query

SPLIT = {"video_id": "SPLITWORD01", "transcript": "this is sports washing by a state"}
JOINED = {"video_id": "JOINEDWORD1", "transcript": "critics call it sportswashing again"}
VOCABULARY = {"sports": 40, "washing": 12, "cease": 30, "fire": 50, "gaza": 90}
SAID = {("sports", "washing"), ("cease", "fire")}


def _freqs(words: Sequence[str]) -> dict[str, int]:
    return {w: VOCABULARY.get(w, 0) for w in words}


def _holds(phrase: Phrase) -> bool:
    return tuple(phrase.words) in SAID


def test_a_word_the_archive_says_split_matches_both_ways() -> None:
    node = with_split_forms(parse_query("sportswashing Gaza").node, _freqs, _holds)
    assert node == And(
        (Or((Term("sportswashing"), Phrase(("sports", "washing")))), Term("Gaza")), ()
    )
    excluded = with_split_forms(parse_query("Gaza -ceasefire").node, _freqs, _holds)
    assert isinstance(excluded, And)
    assert excluded.exclude == (Or((Term("ceasefire"), Phrase(("cease", "fire")))),)


def test_short_words_prefixes_phrases_and_near_stay_as_typed() -> None:
    for query in ("firecase", "sportswash*", '"sports washing"', "sportswashing NEAR/3 Gaza"):
        node = parse_query(query).node
        assert with_split_forms(node, _freqs, _holds) == node, query
    assert isinstance(parse_query("sportswashing NEAR/3 Gaza").node, Near)


def test_a_split_the_archive_never_says_is_no_variant() -> None:
    node = parse_query("sportsfire").node  # both halves are words, never side by side
    assert with_split_forms(node, _freqs, _holds) == node


@given(st.text(alphabet="abcdefghij", min_size=0, max_size=20))
def test_splits_give_back_the_word(word: str) -> None:
    cuts = splits(word)
    assert all(a + b == word and len(a) >= 3 and len(b) >= 3 for a, b in cuts)
    assert bool(cuts) == (len(word) >= MIN_LETTERS)


def test_search_and_trends_find_the_word_said_split(tmp_path: Path) -> None:
    table = jsonl_file(
        tmp_path,
        [{**SPLIT, "publish_date": "2024-01-02"}, {**JOINED, "publish_date": "2024-01-03"}],
    )
    with open_archive(tmp_path / "a.db") as arch:
        arch.ingest([table])
        found = {h.video_id for h in arch.search("sportswashing", exact=True)}
        assert found == {"SPLITWORD01", "JOINEDWORD1"}
        counted = arch.trends(["sportswashing"], by_channel=False, heard=False)
        assert int(counted.hits.sum()) == 2


def test_a_phrase_finds_the_word_said_joined(tmp_path: Path) -> None:
    """The other way: "sports washing" also finds a video that says "sportswashing"."""
    with open_archive(tmp_path / "a.db") as arch:
        arch.ingest([jsonl_file(tmp_path, [SPLIT, JOINED])])
        found = {h.video_id for h in arch.search('"sports washing"')}
        assert found == {"SPLITWORD01", "JOINEDWORD1"}
