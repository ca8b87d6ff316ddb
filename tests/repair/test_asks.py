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


def test_an_abbreviation_with_its_dots_ends_no_sentence_by_itself() -> None:
    text = readable(repair_text("the u.s. and the european union agreed a deal on tariffs today"))
    assert text.startswith("The U.S. and the European Union agreed")
    text = readable(repair_text("the deal was agreed in the u.s. the talks went on"))
    assert "in the U.S. The talks" in text  # where the model ends the sentence, it ends


def test_the_clean_view_capitalises_a_sentence_a_dropped_filler_opened() -> None:
    assert readable(repair_text("uh the minister said uh yes"), clean_view=True) == (
        "The minister said, yes."
    )


def test_a_human_cased_text_keeps_its_lower_case_words() -> None:
    """Regression (review): CNN's edited "testified, last week, they're" became "They're"
    and "the question now is" "the question Now is"."""
    text = (
        "Good evening. We begin tonight with the hearings. Two aides testified, last week, "
        "they're the two highest officials who are known to have talked. Viewers watched "
        "the committee's season finale. The question now is whether minds changed. "
        "We will see."
    )
    out = readable(repair_text(text))
    assert "last week, they're the two" in out and "The question now is" in out
    assert "the committee's season" in out
    # a lone dotted word is no sign of a person's casing: the model still cases
    short = readable(repair_text("the u.s. and the european union agreed a deal today"))
    assert "European Union" in short


def test_an_edited_transcript_keeps_its_own_sentence_ends_and_gets_none() -> None:
    """Regression (review): CNN, Whisper and human captions, already punctuated, got
    new sentence ends ("The question. Now is whether", "the IMF. Last year.")."""
    text = (
        "Good evening. We begin tonight with the hearings and the question now is whether "
        "minds changed after eight hearings of the committee in the summer. It got a loan "
        "from the IMF last year. Since then the talks went on. The aides testified. "
        "They spoke for hours. We will see what happens next week in Washington."
    )
    out = readable(repair_text(text))
    assert "the question now is whether minds changed" in out
    assert "from the IMF last year. Since then" in out
    assert [w for w in out.split() if w.endswith((".", "?"))] == [
        w for w in text.split() if w.endswith((".", "?"))
    ]


def test_a_dash_takes_no_mark_and_a_word_after_it_keeps_its_capital() -> None:
    """Regression (review): "I mean --" became "I mean --." and "--I would" "--i."."""
    out = readable(repair_text("i mean -- >> what do you mean he said --I would not"))
    assert "-- " in out and "--." not in out and "--I" in out
