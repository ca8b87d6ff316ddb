"""Every passage where a query matches (search/occurrences.py): pure, on made-up text."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from newsreel.search.occurrences import find_passages, marked_text, query_runs, windows
from newsreel.search.query import parse_query
from newsreel.search.soundalike import Heard
from newsreel.text import MARK_END, MARK_START, tokens

HEARD = Heard(
    {"shin": ["shim"], "mossad": ["mosad"], "rafah": ["rafa"]},
    {"shin": ["shim"], "bet": ["bit"], "mossad": ["mosad"], "rafah": ["rafa"]},
)


def runs_of(text: str, query: str, heard: Heard = HEARD) -> list[tuple[int, int, str]]:
    return query_runs(text.split(" "), parse_query(query).node, heard)


def test_every_occurrence_is_found_with_heard_variants() -> None:
    text = "Rafah crossing open " + "filler " * 60 + "the Rafa crossing again"
    runs = runs_of(text, "Rafah")
    assert [(a, b) for a, b, _ in runs] == [(0, 0), (64, 64)]
    assert {label for _, _, label in runs} == {"Rafah"}
    assert runs_of(text, "Rafah", Heard()) == [(0, 0, "Rafah")]


def test_a_phrase_matches_as_a_phrase_and_a_heard_phrase_too() -> None:
    text = "the shim bit said and shin alone and bet alone and Shin Bet said"
    assert [(a, b) for a, b, _ in runs_of(text, '"Shin Bet"')] == [(1, 2), (11, 12)]


def test_near_parts_match_only_near_each_other() -> None:
    text = "Hamas " + "x " * 20 + "Cairo talks Hamas " + "y " * 20 + "Cairo"
    runs = runs_of(text.strip(), "Hamas NEAR/3 Cairo")
    assert [(a, b) for a, b, _ in runs] == [(21, 21), (23, 23)]


def test_close_matches_share_one_passage_and_far_ones_do_not() -> None:
    words = ("Gaza " + "w " * 5 + "Gaza " + "w " * 100 + "Gaza").split(" ")
    found = find_passages(words, parse_query("Gaza").node, Heard())
    assert [len(f.runs) for f in found] == [2, 1]
    assert found[0].first_word == 0 and found[1].end_word == len(words)


def test_marked_text_drops_caption_turn_marks() -> None:
    # Was ">> And [to] [before]" in `search --passages`; snippets already dropped them.
    text = "his future. >> And to before we get"
    marked = marked_text(text, 0, [(4, 6)])
    assert marked == f"his future. And {MARK_START}to{MARK_END} {MARK_START}before{MARK_END} we get"


def test_marked_text_marks_the_matches_only() -> None:
    assert (
        marked_text("a Rafa crossing", 10, [(11, 12)]) == f"a {MARK_START}Rafa{MARK_END} crossing"
    )


WORDS = st.lists(
    st.sampled_from(["shim", "bit", "Shin", "Bet", "Cairo", "the", "a", "mosad", "Rafa,", "news"]),
    max_size=300,
)
QUERIES = st.sampled_from(
    ["Shin Bet", "Cairo", "Mossad", '"Shin Bet" Cairo', "news*", "Rafah OR Cairo", "a NEAR/2 news"]
)


@given(WORDS, QUERIES, st.integers(1, 60))
def test_passages_hold_matches_in_order_without_overlap(
    words: list[str], query: str, width: int
) -> None:
    node = parse_query(query).node
    runs = query_runs(words, node, HEARD)
    found = find_passages(words, node, HEARD, width=width)
    assert [r for f in found for r in f.runs] == runs  # every match in exactly one passage
    for passage in found:
        assert 0 <= passage.first_word < passage.end_word <= len(words)
        assert passage.runs, "a passage without a match"
        for a, b, label in passage.runs:
            assert passage.first_word <= a <= b < passage.end_word
            assert tokens(" ".join(words[a : b + 1]))
            assert b - a + 1 == len(label.split())  # a match is as long as its words
            if query.startswith('"'):
                assert label in ("Shin Bet", "Cairo")  # the phrase whole, never in part
    for one, two in itertools.pairwise(found):
        assert one.end_word <= two.first_word  # in order, never overlapping


@given(st.lists(st.integers(0, 499), unique=True, max_size=40), st.integers(1, 80))
def test_windows_cover_every_run_once(starts: list[int], width: int) -> None:
    runs = [(s, s, "x") for s in sorted(starts)]
    found = windows(runs, 500, width=width)
    assert [r for f in found for r in f.runs] == runs
    assert all(f.end_word - f.first_word <= max(width, 1) for f in found)
    assert all(a.end_word <= b.first_word for a, b in itertools.pairwise(found))
