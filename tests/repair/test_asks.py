from __future__ import annotations

import pytest

from newsreel.repair.clean import kinds
from newsreel.repair.repairer import asks, readable, repair_text


@pytest.mark.parametrize(
    ("words", "question"),
    [
        ("how are people coping", True),
        ("do you think they will agree", True),
        ("is it over", True),
        ("what happened next was a surprise", False),  # a wh-word, then no verb
        ("the talks resume today", False),
        ("you are here", False),
        ("", False),
    ],
)
def test_a_sentence_worded_as_a_question(words: str, question: bool) -> None:
    tokens = words.split()
    assert asks(tokens, kinds(tokens), 0) is question


def test_the_last_sentence_left_open_by_the_model_ends_as_worded() -> None:
    text = readable(repair_text("john what is the latest there how are people coping"))
    assert text.endswith("How are people coping?")
