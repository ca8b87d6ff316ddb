"""The repaired form is faithful: same tokens, raw rebuilt exactly, idempotent."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreel.repair.clean import core
from newsreel.repair.document import Repaired
from newsreel.repair.punctuator import Prediction
from newsreel.repair.repairer import assemble, readable

_TOKEN = st.one_of(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDÉ'-.,?!0123456789", min_size=1, max_size=9),
    st.sampled_from(["uh", ">>", "[Music]", "foreign", "i", "to", "&gt;&gt;", "Cairo", "U.S."]),
)


@st.composite
def texts_and_labels(draw: st.DrawFn) -> tuple[str, Prediction]:
    tokens = draw(st.lists(_TOKEN, max_size=40))
    gaps = draw(
        st.lists(
            st.sampled_from([" ", "  ", "\n", "\t ", " \n\n"]),
            min_size=len(tokens) + 1,
            max_size=len(tokens) + 1,
        )
    )
    text = "".join(g + t for g, t in zip(gaps, tokens, strict=False)) + gaps[-1]
    punct = np.array(
        draw(st.lists(st.integers(0, 3), min_size=len(tokens), max_size=len(tokens))), dtype=np.int8
    )
    case = np.array(
        draw(st.lists(st.integers(0, 2), min_size=len(tokens), max_size=len(tokens))), dtype=np.int8
    )
    return text, Prediction(punct, case)


@settings(max_examples=200)
@given(texts_and_labels())
def test_no_word_lost_or_invented_and_raw_rebuilt(case: tuple[str, Prediction]) -> None:
    text, prediction = case
    repaired = assemble(text, prediction)
    assert repaired.raw_text() == text
    assert len(repaired.forms) == len(repaired.raw) == len(text.split())
    for raw, form in zip(repaired.raw, repaired.forms, strict=True):
        assert core(form) == core(raw) or form.casefold().startswith(raw.casefold())
    assert Repaired.from_dict(repaired.to_dict()) == repaired


@settings(max_examples=200)
@given(texts_and_labels())
def test_repairing_the_repaired_text_changes_nothing(case: tuple[str, Prediction]) -> None:
    text, prediction = case
    once = assemble(text, prediction)
    twice = assemble(once.aligned_text(), prediction)
    assert twice.forms == once.forms
    assert twice.sentences == once.sentences


@given(texts_and_labels())
def test_clean_view_only_drops_tokens(case: tuple[str, Prediction]) -> None:
    text, prediction = case
    repaired = assemble(text, prediction)
    full = readable(repaired, speakers=False).split()
    clean = readable(repaired, clean_view=True, speakers=False).split()
    assert len(clean) <= len(full)


def test_marks_are_added_only_where_the_raw_token_has_none() -> None:
    text = "hello, world is it raining"
    prediction = Prediction(np.array([2, 1, 0, 0, 3], dtype=np.int8), np.zeros(5, dtype=np.int8))
    repaired = assemble(text, prediction)
    assert repaired.aligned_text() == "Hello, world, is it raining?"
    assert repaired.sentences == (0,)


def test_all_caps_captions_are_recased() -> None:
    text = "THE PRESIDENT SPOKE IN CAIRO TODAY"
    prediction = Prediction(
        np.array([0, 0, 0, 0, 0, 2], dtype=np.int8), np.array([0, 1, 0, 0, 1, 0], dtype=np.int8)
    )
    assert assemble(text, prediction).aligned_text() == "The President spoke in Cairo today."


def test_a_texts_repair_does_not_depend_on_what_is_repaired_with_it() -> None:
    from newsreel.repair.repairer import repair_text, repair_texts

    text = "so what happens next nobody knows the talks resume in cairo on monday " * 30
    other = "breaking news tonight a storm hits the coast " * 50
    alone = repair_text(text)
    assert repair_texts([other, text, "short one"])[1].forms == alone.forms


def test_a_title_abbreviation_ends_no_sentence() -> None:
    from newsreel.repair.document import ends_sentence

    assert not ends_sentence("Mr.")
    assert not ends_sentence("Dr.")
    assert ends_sentence("Moscow.")
    assert ends_sentence("said?")
    assert ends_sentence("Jr.")  # "Robert F. Kennedy Jr." ends sentences
    assert not ends_sentence("F.")  # "Robert F. Kennedy"


def test_a_turn_capital_on_a_mixed_case_word_survives_a_second_repair() -> None:
    # Found by hypothesis: "bA" after ">>" became "BA", which a second repair read as
    # written in capitals and re-cased to "Ba".
    prediction = Prediction(
        punct=np.zeros(5, dtype=np.int8),
        case=np.zeros(5, dtype=np.int8),
        punct_logits=None,
        case_logits=None,
        raw_case_bonus=(0.0, 0.0),
    )
    once = assemble(" A >> bA >> 0 ", prediction)
    assert once.forms[2] == "Ba."
    assert assemble(once.aligned_text(), prediction).forms == once.forms


def test_a_text_in_another_language_is_kept_as_written() -> None:
    """Regression (review): German captions came out "Guten, Abend meine Damen" and
    Portuguese "São Paulo, à": the English model punctuated every language."""
    from newsreel.repair.repairer import repair_texts

    german = "Guten Abend meine Damen und Herren. Willkommen zu den Nachrichten"
    english = "good evening and welcome to the news tonight the floods"
    kept, repaired, unknown = repair_texts([german, english, english], languages=["de", "en", None])
    assert kept.aligned_text() == german and kept.raw_text() == german
    assert kept.sentences == (0, 6) and not kept.turns
    assert repaired.aligned_text() != english
    assert unknown.aligned_text() == repaired.aligned_text()  # unknown: tried as English


def test_setting_a_videos_language_repairs_it_again(tmp_path: Path) -> None:
    """Review of the change: a video repaired as English, then set to German (or the
    other way), stayed as it was: the repair version does not hold the language."""
    from newsreel import open_archive

    folder = tmp_path / "in"
    folder.mkdir()
    text = "guten abend meine damen und herren willkommen zu den nachrichten des tages"
    (folder / "a.txt").write_text(f"<video_id>deutsch0001</video_id>\n<doc>\n{text}\n</doc>\n")
    with open_archive(tmp_path / "a.db") as arch:
        arch.ingest([folder])
        arch.repair()
        first = arch.repaired("deutsch0001")
        assert first is not None and first.aligned_text() != text  # repaired as English
        arch.set_metadata("deutsch0001", lang="de")
        assert arch.repair().repaired == 1
        again = arch.repaired("deutsch0001")
        assert again is not None and again.aligned_text() == text  # kept as written


def test_the_clean_view_leaves_no_comma_a_filler_brought() -> None:
    """Regression (review): 792 stray commas where "uh" was dropped: "about uh the links"
    read "about, the links", "would be uh criticized" "would be, criticized"."""
    text = "we talked about uh the links well uh i think so it would be uh criticized"
    commas = np.zeros(16, dtype=np.int8)
    commas[[2, 3, 6, 7]] = 1  # "about, uh, the" and "well, uh, i": the model's commas
    commas[15] = 2
    repaired = assemble(text, Prediction(commas, np.zeros(16, dtype=np.int8)))
    assert "about, uh, the" in repaired.aligned_text()
    clean = repaired.render(0, len(repaired.forms), clean=True)
    assert clean == "We talked about the links well, I think so it would be criticized."


def test_a_turn_a_stammer_opens_starts_at_the_stammer() -> None:
    """Regression (found by hypothesis): "A. >> 0 0." repaired again had put its turn at
    the second "0" and closed a sentence after the first."""
    text = " A >> A A >> 0 0 "
    zeros = np.zeros(len(text.split()), dtype=np.int8)
    once = assemble(text, Prediction(zeros, zeros))
    twice = assemble(once.aligned_text(), Prediction(zeros, zeros))
    assert twice.forms == once.forms
    assert [t.start for t in once.turns] == [t.start for t in twice.turns] == [2, 5]
