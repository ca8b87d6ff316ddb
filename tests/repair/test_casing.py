"""Casing: auto-caption capitals are evidence weighed against the model, not kept as is;
human-cased (punctuated) text keeps its own casing; repair stays idempotent."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreel.repair.punctuator import Prediction
from newsreel.repair.repairer import assemble, decide_cases, trusts_casing

LOWER, CAPITAL, UPPER = 0, 1, 2


def _logits(cases: list[int], margin: float = 1.0) -> np.ndarray:
    """Casing logits preferring ``cases`` by ``margin``."""
    out = np.zeros((len(cases), 3), dtype=np.float32)
    out[np.arange(len(cases)), cases] = margin
    return out


def _prediction(
    cases: list[int], *, margin: float = 1.0, bonus: tuple[float, float] = (0.0, 2.0)
) -> Prediction:
    n = len(cases)
    logits = _logits(cases, margin)
    return Prediction(
        np.zeros(n, dtype=np.int8), logits.argmax(-1).astype(np.int8), None, logits, bonus
    )


def test_auto_caption_capitals_are_not_trusted_bears_repeating() -> None:
    # Issue 15: YouTube's ASR capitalised "Bears"; the rule keeping mixed case trusted it.
    text = "and it Bears repeating that Israeli Media Reports say so"
    cases = [LOWER, LOWER, LOWER, LOWER, LOWER, CAPITAL, LOWER, LOWER, LOWER, LOWER]
    repaired = assemble(text, _prediction(cases, margin=3.0))
    assert repaired.aligned_text() == "And it bears repeating that Israeli media reports say so."


def test_a_capital_the_model_doubts_only_a_little_is_kept() -> None:
    # The model leans lower (margin 1), the written capital tips it (bonus 2): kept.
    text = "talks in Cairo resume"
    repaired = assemble(text, _prediction([LOWER] * 4, margin=1.0))
    assert repaired.aligned_text() == "Talks in Cairo resume."


def test_human_cased_text_keeps_its_own_casing() -> None:
    text = "The talks in Cairo resume. Hamas has agreed. Nobody knows more."
    repaired = assemble(text, _prediction([LOWER] * 11, margin=5.0))
    assert "Cairo" in repaired.forms and "Hamas" in repaired.forms
    assert trusts_casing(text.split())
    assert not trusts_casing("the talks in Cairo resume on Monday".split())


def test_trust_can_be_stated_by_the_caller() -> None:
    text = "talks in Cairo resume."
    repaired = assemble(text, _prediction([LOWER] * 4, margin=5.0), trust_case=True)
    assert "Cairo" in repaired.forms
    repaired = assemble(text, _prediction([LOWER] * 4, margin=5.0), trust_case=False)
    assert "cairo" in repaired.forms


def test_all_capitals_are_no_evidence() -> None:
    prediction = _prediction([LOWER, CAPITAL], margin=1.0, bonus=(5.0, 5.0))
    assert decide_cases(["NATO", "Cairo"], prediction) == ["lower", "capital"]
    assert decide_cases(["nato", "cairo"], prediction) == ["lower", "lower"]


def test_without_logits_the_model_labels_decide() -> None:
    prediction = Prediction(np.zeros(2, dtype=np.int8), np.array([CAPITAL, UPPER], dtype=np.int8))
    assert decide_cases(["cairo", "nato"], prediction) == ["capital", "upper"]


_WORD = st.sampled_from(
    [
        *("cairo", "Cairo", "CAIRO", "the", "The", "bears", "Bears", "i", "I", "U.S."),
        *("iPhone", "uh", ">>", "[Music]", "talks.", "Talks?", "a", "A", "McDonald's"),
        *("nato", "NATO"),
    ]
)


@st.composite
def _texts(draw: st.DrawFn) -> tuple[str, Prediction]:
    words = draw(st.lists(_WORD, min_size=1, max_size=40))
    n = len(words)
    logits = np.array(
        draw(
            st.lists(
                st.lists(st.floats(-4, 4, width=32), min_size=3, max_size=3), min_size=n, max_size=n
            )
        ),
        dtype=np.float32,
    )
    punct = np.array(draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)), dtype=np.int8)
    bonus = (draw(st.floats(0, 4)), draw(st.floats(0, 4)))
    return " ".join(words), Prediction(
        punct, logits.argmax(-1).astype(np.int8), None, logits, bonus
    )


@settings(max_examples=300)
@given(_texts())
def test_weighing_written_casing_keeps_repair_idempotent(case: tuple[str, Prediction]) -> None:
    text, prediction = case
    once = assemble(text, prediction)
    twice = assemble(once.aligned_text(), prediction)
    assert twice.forms == once.forms
    assert once.raw_text() == text


def test_a_dotted_abbreviation_is_no_sentence_end_when_weighing_human_casing() -> None:
    """Found by hypothesis: "U.S. CAIRO" made the text look human-cased on the first
    repair and not on the second, so "cairo" flipped between the two (not idempotent)."""
    text = "cairo cairo U.S. CAIRO talks. Talks? Talks? Talks? Cairo"
    logits = np.zeros((9, 3), dtype=np.float32)
    logits[1, LOWER] = -1.0
    prediction = Prediction(
        np.zeros(9, dtype=np.int8), logits.argmax(-1).astype(np.int8), None, logits, (0.0, 0.0)
    )
    once = assemble(text, prediction)
    assert once.forms[1] == "Cairo"
    assert assemble(once.aligned_text(), prediction).forms == once.forms


def test_acronyms_of_the_news_are_in_capitals() -> None:
    """Regression (review): "pga tour" was repaired "Pga Tour" seven times, "Liv Golf"."""
    text = "the pga tour and liv golf talk while the pga's boss and nato wait for us"
    rep = assemble(text, _prediction([CAPITAL] * len(text.split())))
    words = [f.rstrip(".") for f in rep.forms]
    assert words[1] == "PGA" and words[4] == "LIV" and words[9] == "PGA's"
    assert words[12] == "NATO" and words[-1] == "Us"  # "us" is a word: the model's
    human = "The BBC said Nato met. Then Nato left. It was late. We saw it. They went home."
    assert "Nato" in assemble(human, _prediction([LOWER] * len(human.split()))).forms


def test_a_dotted_abbreviation_keeps_its_end_on_a_second_repair() -> None:
    """Found by hypothesis: a first repair ended a sentence at "U.S." where the model put
    a full stop; the second, reading a text that now ends its own sentences, did not,
    so "A" after it became "a" (not idempotent)."""
    text = "cairo " * 9 + "talks. talks. talks. U.S. a talks. cairo cairo"
    n = len(text.split())
    punct = np.zeros(n, dtype=np.int8)
    punct[[12, 15]] = 2
    prediction = Prediction(
        punct, np.zeros(n, dtype=np.int8), None, np.zeros((n, 3), np.float32), (0.0, 0.0)
    )
    once = assemble(text, prediction)
    assert assemble(once.aligned_text(), prediction).forms == once.forms


def test_a_cased_texts_own_acronyms_stay_in_capitals() -> None:
    """Regression (review): BBC captions' "NEC", "ICE", "JP Morgan" came out "nec",
    "ice", "Jp Morgan"; a text all in capitals (TV captions) is still recased."""
    text = "It says the NEC believes it. ICE agents and JP Morgan were there. So it is."
    n = len(text.split())
    lower = Prediction(np.zeros(n, dtype=np.int8), np.zeros(n, dtype=np.int8))
    forms = assemble(text, lower).forms
    assert {"NEC", "ICE", "JP"} <= set(forms)
    shouting = "THE NEC MET. THE PRESIDENT SAID SO."
    m = len(shouting.split())
    recased = assemble(shouting, Prediction(np.zeros(m, dtype=np.int8), np.zeros(m, dtype=np.int8)))
    assert recased.forms[1] == "nec" and recased.forms[4] == "president"


def test_acronyms_kept_never_make_a_text_read_as_shouted() -> None:
    """Found by hypothesis: "talks. CAIRO CAIRO" kept its acronyms and came out all in
    capitals, which a second repair read as a text written in capitals and recased."""
    logits = np.array([[0, 0, 1], [0, 0, 0], [0, 0, 0]], dtype=np.float32)
    prediction = Prediction(
        np.zeros(3, dtype=np.int8), logits.argmax(-1).astype(np.int8), None, logits
    )
    once = assemble("talks. CAIRO CAIRO", prediction)
    assert assemble(once.aligned_text(), prediction).forms == once.forms
    assert once.forms[0] == "TALKS."  # the model's capitals stay
