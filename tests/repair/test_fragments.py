from __future__ import annotations

from collections.abc import Callable

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreel.repair.clean import kinds
from newsreel.repair.fragments import dangling_joined, names_joined
from newsreel.repair.labels import PUNCT
from newsreel.repair.repairer import readable, repair_text

NONE, COMMA, PERIOD, QUESTION = range(4)


def _labels(
    rule: Callable[[list[str], list[str], np.ndarray, list[str]], np.ndarray],
    text: str,
    marks: dict[int, int],
    capitals: set[int],
) -> list[str]:
    """The labels ``rule`` leaves of ``marks`` on ``text``, ``capitals`` cased so."""
    tokens = text.split()
    punct = np.zeros(len(tokens), dtype=np.int64)
    for i, mark in marks.items():
        punct[i] = mark
    cases = ["capital" if i in capitals else "lower" for i in range(len(tokens))]
    return [PUNCT[int(p)] for p in rule(tokens, kinds(tokens), punct, cases)]


def _joined(text: str, marks: dict[int, int], capitals: set[int]) -> list[str]:
    return _labels(names_joined, text, marks, capitals)


def test_a_name_standing_as_a_sentence_joins_the_one_before() -> None:
    text = "relations between israel and its main ally the united states the biden team"
    labels = _joined(text, {6: PERIOD, 9: PERIOD}, {2, 8, 9, 11})
    assert labels[6] == "COMMA" and labels[9] == "PERIOD"


def test_a_sentence_with_a_verb_or_a_pronoun_stays_apart() -> None:
    text = "we spoke to our correspondent there john is here"
    assert _joined(text, {5: PERIOD}, {6})[5] == "PERIOD"  # "john is here" has "is"
    text = "we spoke to our correspondent there i am anna smith"
    assert _joined(text, {5: PERIOD}, {6, 8, 9})[5] == "PERIOD"  # "i", "am"


def test_a_question_a_short_sentence_or_a_written_stop_is_kept() -> None:
    text = "who is their main ally the united states"
    assert _joined(text, {4: QUESTION}, {6, 7})[4] == "QUESTION"
    assert _joined("yes sir john smith", {1: PERIOD}, {2, 3})[1] == "PERIOD"
    text = "relations with its main ally. the united states"
    assert _joined(text, {4: PERIOD}, {6, 7})[4] == "PERIOD"  # the source wrote it


def test_the_seed_reads_its_main_ally_the_united_states() -> None:
    raw = (
        "mediation efforts come after a public souring of relations between Israel and its "
        "main Ally the United States the Biden administration has been pressing"
    )
    text = readable(repair_text(raw))
    assert "its main ally, the United States." in text


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["the", "united", "states", "israel", "is", "ally", "john"]), max_size=14
    ),
    st.lists(st.sampled_from([NONE, COMMA, PERIOD, QUESTION]), min_size=14, max_size=14),
    st.lists(st.booleans(), min_size=14, max_size=14),
)
def test_only_a_model_full_stop_ever_becomes_a_comma(
    words: list[str], marks: list[int], capital: list[bool]
) -> None:
    punct = np.array(marks[: len(words)], dtype=np.int64)
    cases = ["capital" if c else "lower" for c in capital[: len(words)]]
    out = names_joined(words, kinds(words), punct, cases)
    assert len(out) == len(punct)
    for before, after in zip(punct, out, strict=True):
        assert before == after or (before == PERIOD and after == COMMA)


def _dangling(text: str, marks: dict[int, int], capitals: set[int]) -> list[str]:
    return _labels(dangling_joined, text, marks, capitals)


def test_no_sentence_ends_on_in_or_the_before_a_name() -> None:
    text = "talks are due to resume in cairo mediators have been busy"
    assert _dangling(text, {5: PERIOD, 6: PERIOD}, {6, 7})[5:7] == ["O", "PERIOD"]
    text = "the ball went over the bar and the crowd sang"
    assert _dangling(text, {4: PERIOD}, {5})[4] == "O"  # "the. Bar": a capital misplaced
    # a function word goes on, the word is no dangling one, or the source wrote the stop
    assert _dangling("please come in then we start", {2: PERIOD}, {3})[2] == "PERIOD"
    assert _dangling("we will carry on john said", {3: PERIOD}, {4})[3] == "PERIOD"
    # "in" before a person may end a sentence ("brought in. Joe Hart"), not before a place
    assert _dangling("he was brought in joe hart left", {3: PERIOD}, {4, 5})[3] == "PERIOD"
    assert _dangling("it does not sit right in germany fans", {5: PERIOD}, {6})[5] == "O"
    assert _dangling("they came in. cairo was calm", {2: PERIOD}, {3})[2] == "PERIOD"
    assert _dangling("they stayed in cairo was calm", {2: PERIOD}, set())[2] == "PERIOD"


def test_the_seed_reads_due_to_resume_in_cairo() -> None:
    raw = (
        "media reports say ceasefire talks between Israel and Hamas are due to resume in "
        "Cairo mediators have been trying to secure a pause in nearly six months of fighting"
    )
    assert "due to resume in Cairo. Mediators" in readable(repair_text(raw))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(["the", "in", "cairo", "of", "is", "then", "john"]), max_size=14),
    st.lists(st.sampled_from([NONE, COMMA, PERIOD, QUESTION]), min_size=14, max_size=14),
    st.lists(st.booleans(), min_size=14, max_size=14),
)
def test_only_a_model_full_stop_is_ever_dropped(
    words: list[str], marks: list[int], capital: list[bool]
) -> None:
    punct = np.array(marks[: len(words)], dtype=np.int64)
    cases = ["capital" if c else "lower" for c in capital[: len(words)]]
    out = dangling_joined(words, kinds(words), punct, cases)
    assert len(out) == len(punct)
    for before, after in zip(punct, out, strict=True):
        assert before == after or (before == PERIOD and after == NONE)
