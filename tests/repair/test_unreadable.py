"""Garbled captions (no language) are kept as written and give no entities or claims."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsreel.entities.stage import EnrichStage
from newsreel.repair.repairer import repair_text
from newsreel.text import unreadable

# the opening of a garbled auto-caption track in the shared sportswashing corpus
GARBLED = (
    "lfanng o i w rtatt swd ecea o lrih bers ohe cog pe at g nd nor eng upthldf oo g "
    "withiwtld ray i b t m ghg ol t a t rst pevei gafolenee er a ome ns ol g ce eaer le w "
    "oiteiei est tpi thus mntt collam i an ws get wr prrt ot nysd s ef si y w s i en le b "
    "p ombaouyr ethellee tt cohesiin mp reor m n l w wooe re mti o w ou w vee th lxas pct"
)
PLAIN = (
    "the prime minister said on monday that the talks with the unions would go on "
    "through the weekend and that a deal could be reached before the strike begins "
    "next month according to officials in london who spoke to reporters"
)
ENGLISH = ["the", "minister", "said", "talks", "would", "continue", "through", "weekend"]


def test_garbled_captions_are_no_language_and_english_is() -> None:
    assert unreadable(GARBLED.split())
    assert not unreadable(PLAIN.split())
    assert not unreadable("rtatt ecea lrih".split())  # too short to judge


@given(st.lists(st.sampled_from(ENGLISH), min_size=0, max_size=80))
@settings(max_examples=50)
def test_english_words_are_never_unreadable(words: list[str]) -> None:
    assert not unreadable(words)


def test_a_garbled_text_is_kept_as_written() -> None:
    repaired = repair_text(GARBLED)
    assert list(repaired.forms) == GARBLED.split()  # no marks, no capitals invented
    assert repaired.turns == ()
    assert list(repair_text(PLAIN).forms) != PLAIN.split()  # English is repaired


def test_a_garbled_text_gives_no_entities_claims_or_quotes(tmp_path) -> None:
    from newsreel import open_archive

    with open_archive(tmp_path / "a.db") as archive:
        stage = EnrichStage(archive.store)
        stage.start(None)
        text = GARBLED + " Ray Collam said 40 people came"
        [found] = stage.process([(1, text, None)])
        assert (found.mentions, found.claims, found.quotes) == ([], [], [])
        assert found.words == len(text.split())
