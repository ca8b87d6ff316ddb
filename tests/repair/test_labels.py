"""Labels from punctuated, cased text (training data and gold)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from newsreel.repair.labels import PUNCT, case_of, labelled_words, split_token


def test_marks_map_to_the_iwslt_classes() -> None:
    words = labelled_words('He said: "Go home!" Why? Well -- fine; U.S. Mr. Smith, NATO.')
    assert [(w.word, w.punct) for w in words] == [
        ("he", "O"),
        ("said", "COMMA"),
        ("go", "O"),
        ("home", "PERIOD"),
        ("why", "QUESTION"),
        ("well", "COMMA"),
        ("fine", "PERIOD"),
        ("u.s.", "O"),
        ("mr.", "O"),
        ("smith", "COMMA"),
        ("nato", "PERIOD"),
    ]
    assert [w.case for w in words][:3] == ["capital", "lower", "capital"]
    assert words[-1].case == "upper"


def test_case_of() -> None:
    assert case_of("cairo") == "lower"
    assert case_of("Cairo") == "capital"
    assert case_of("McGahn") == "capital"
    assert case_of("UN") == "upper"
    assert case_of("I") == "capital"
    assert case_of("42") == "lower"


def test_split_token_keeps_inner_apostrophes() -> None:
    assert split_token("don't,") == ("don't", "COMMA")
    assert split_token("(Gaza)?") == ("Gaza", "QUESTION")


@given(st.lists(st.text(min_size=1, max_size=8), max_size=30))
def test_every_word_with_a_letter_or_digit_is_kept(tokens: list[str]) -> None:
    text = " ".join(tokens)
    words = labelled_words(text)
    assert all(w.punct in PUNCT for w in words)
    assert all(w.word == w.word.casefold() for w in words)
    assert len(words) <= len(text.split())


def test_windows_of_words_of_many_pieces_step_half_a_window_at_least() -> None:
    """Regression (review): a 300,000-word line of words of many pieces (names, numbers,
    letters of no language) took over 17 minutes to repair: 20 words fit a window, and
    the windows stepped one word at a time, one window per word."""
    from newsreel.repair.punctuator import load

    model = load()
    dense = model._windows([[1] * 6] * 1000)  # 21 words a window
    assert len(dense) <= 1000 // 10 + 1  # a step of half a window (it was 980 windows)
    assert dense[0][0] == 0 and dense[-1][1] == 1000
    assert all(b[0] < a[1] for a, b in pairwise(dense))  # overlapping
    plain = model._windows([[1]] * 1000)  # a piece a word: margins of 16 words each side
    assert all(b[0] == a[1] - 32 for a, b in pairwise(plain))
