"""Fillers, stutters, caption tags and markers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsreel.repair.clean import caption_mark, garbled_tags, kinds


def _marked(text: str) -> list[tuple[str, str]]:
    tokens = text.split()
    return [(t, k) for t, k in zip(tokens, kinds(tokens), strict=True) if k != "word"]


def test_seed_style_disfluencies() -> None:
    text = "as well uh Kareem and to to negotiate an unknown number of pal Palestinian prisoners um"
    assert _marked(text) == [
        ("uh", "filler"),
        ("to", "stutter"),
        ("pal", "stutter"),
        ("um", "filler"),
    ]


def test_repeated_pair_and_triple() -> None:
    assert _marked("let me let me go") == [("let", "stutter"), ("me", "stutter")]
    assert _marked("talks in in in Cairo") == [("in", "stutter"), ("in", "stutter")]


def test_tags_markers_and_foreign() -> None:
    text = "[Music] foreign >> the foreign minister said [Applause]"
    assert _marked(text) == [
        ("[Music]", "tag"),
        ("foreign", "tag"),
        (">>", "marker"),
        ("[Applause]", "tag"),
    ]
    assert _marked("&gt;&gt; hello") == [("&gt;&gt;", "marker")]


def test_real_words_are_not_stutters() -> None:
    assert _marked("in inside the car carpet the the thing") == [("the", "stutter")]


def test_words_said_twice_on_purpose_are_kept() -> None:
    """Regression (review): --clean turned "she had had enough" into "she had enough",
    "that that means" into "that means" and "Bora Bora" into "Bora"."""
    assert _marked("she had had enough so that that means bora bora and and") == [
        ("and", "stutter")
    ]


def test_stage_directions_in_brackets_are_tags() -> None:
    """Regression (review): "(END VIDEO CLIP)" was repaired into "(End. Video clip).", and
    a censored "[ __ ]" into "[ __. ]"."""
    assert _marked("well (BEGIN VIDEO CLIP) we [ __ ] go (crowd cheering) on") == [
        ("(BEGIN", "tag"),
        ("VIDEO", "tag"),
        ("CLIP)", "tag"),
        ("[", "tag"),
        ("__", "tag"),
        ("]", "tag"),
        ("(crowd", "tag"),
        ("cheering)", "tag"),
    ]
    assert _marked("a (long aside of many words that runs on and on) here") == []


def test_caption_marks_are_tags_and_speaker_markers_not_words() -> None:
    for mark in ("[Music]", "[Applause]", "Music]", "[laughter", ">>", "&gt;&gt;"):
        assert caption_mark(mark), mark
    for word in ("Music", "R&A", "&", "-", "AT&T", "4%", ">"):
        assert not caption_mark(word), word


def _garbled(text: str) -> str:
    tokens = text.split()
    found = garbled_tags(tokens)
    return " ".join(f"<{t}>" if i in found else t for i, t in enumerate(tokens))


def test_a_broken_foreign_speech_tag_is_no_words() -> None:
    """Review (stop 69): a Guardian video's captions broke "[ foreign speech ]" into
    "fore spee spee ] fore speech", which became entities ("Ign Spee", "SPE Spech")."""
    assert _garbled("to be paid fore spee spee ] fore speech project paperwork") == (
        "to be paid <fore> <spee> <spee> <]> <fore> <speech> project paperwork"
    )
    assert _garbled("in 2012 spee speech speech foreign speech there is") == (
        "in 2012 <spee> <speech> <speech> <foreign> <speech> there is"
    )
    for said in (
        "he calls for speech reform and a foreign speech was given",
        "[Music] for Bish's wife Kamla and the son",
        "the former speaker spent forty days on a speech",
    ):
        assert _garbled(said) == said


@given(st.lists(st.sampled_from(["for", "speech", "foreign", "the", "spee", "]", "news"])))
def test_garbled_tags_stay_in_bounds_and_hold_a_piece_of_speech(words: list[str]) -> None:
    found = garbled_tags(words)
    assert all(0 <= i < len(words) for i in found)
    assert not found or any(words[i] in ("speech", "spee") for i in found)
