"""The transformer re-ranker: sentence windows, the shipped encoder, re-scoring."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreel.errors import NewsreelError
from newsreel.search import rerank

WORDS = st.lists(
    st.sampled_from(["gaza", "crossing", "opened.", "why?", "the", "border", "wow!", "egypt"]),
    max_size=300,
)


@given(WORDS, st.integers(min_value=1, max_value=60))
def test_sentence_windows_keep_every_word_in_order_within_the_size(
    words: list[str], size: int
) -> None:
    windows = rerank.sentence_windows(" ".join(words), size)
    assert [w for window in windows for w in window.split()] == words
    assert all(0 < len(window.split()) <= size for window in windows)


def test_sentence_windows_end_at_sentence_ends_when_they_can() -> None:
    text = "One two three. Four five six seven. Eight nine."
    assert rerank.sentence_windows(text, 8) == [
        "One two three. Four five six seven.",
        "Eight nine.",
    ]
    assert rerank.sentence_windows("a b c d e", 2) == ["a b", "c d", "e"]  # unpunctuated


def test_the_encoder_puts_a_paraphrase_nearer_than_a_shared_word() -> None:
    query, paraphrase, same_word = rerank.encoder().encode(
        [
            "arctic bears are putting on weight",
            "polar bears on svalbard have grown fatter despite the loss of sea ice",
            "the chicago bears lost their weight room in a fire",
        ]
    )
    assert float(query @ paraphrase) > float(query @ same_word)
    assert abs(float(query @ query) - 1.0) < 1e-4


def test_rerank_scores_each_transcript_by_its_best_passage() -> None:
    filler = "the weather was mild and the markets were calm. " * 30
    texts = {
        1: filler + "polar bears on svalbard have grown fatter despite the loss of sea ice.",
        2: filler + "the football club confirmed the sale of the stadium to investors.",
    }
    scores = rerank.rerank("arctic bears are putting on weight", texts)
    assert set(scores) == {1, 2}
    assert scores[1] > scores[2]


def test_only_descriptions_are_reranked() -> None:
    assert not rerank.wanted("Shin Bet")
    assert not rerank.wanted("the Mossad and the")
    assert rerank.wanted("fans outside the stadium react to the bid")


def test_a_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NewsreelError, match=r"encoder\.onnx: re-ranking model missing"):
        rerank.Encoder(tmp_path)
