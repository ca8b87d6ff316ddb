"""Fillers, stutters, caption tags and markers."""

from __future__ import annotations

from newsreel.repair.clean import caption_mark, kinds


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
