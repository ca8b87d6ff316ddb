"""Speaker labels of rush transcripts (``NAME, ROLE:``) found in text and read as turns."""

from __future__ import annotations

import numpy as np
import pytest

from newsreel.repair.clean import kinds
from newsreel.repair.document import Repaired
from newsreel.repair.punctuator import Prediction
from newsreel.repair.repairer import assemble, readable
from newsreel.repair.speakers import find_labels, label_length, parse_label, same_person


def _repair(text: str, case: int = 0) -> Repaired:
    n = len(text.split())
    return assemble(text, Prediction(np.zeros(n, dtype=np.int8), np.full(n, case, np.int8)))


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("ANDERSON COOPER, CNN HOST: Good evening.", ["ANDERSON COOPER, CNN HOST:"]),
        ("Thanks. COOPER: Next.", ["COOPER:"]),
        ("clip. REP. LIZ CHENEY (R-WY): We have work.", ["REP. LIZ CHENEY (R-WY):"]),
        (
            "(BEGIN VIDEO CLIP) DONALD TRUMP (R) FMR PRESIDENT OF UNITED STATES: We need.",
            ["DONALD TRUMP (R) FMR PRESIDENT OF UNITED STATES:"],
        ),
        (
            "on. RANDI KAYE, CNN NATIONAL CORRESPONDENT (voice over): The story.",
            ["RANDI KAYE, CNN NATIONAL CORRESPONDENT (voice over):"],
        ),
        ("year. ERIN BURNETT, CNN HOST; Oren, thanks.", ["ERIN BURNETT, CNN HOST;"]),
        ("it's OK. COOPER: So.", ["COOPER:"]),  # "OK." ends a sentence, it is no title
    ],
)
def test_labels_in_running_text(text: str, labels: list[str]) -> None:
    assert [text[s:e] for s, e in find_labels(text)] == labels


@pytest.mark.parametrize(
    "text",
    [
        "the CDC: a statement",  # not after a sentence end
        "the U.S.: a statement",
        "Here's the thing: we",  # not capitals
        "It costs 5: five",
    ],
)
def test_not_labels(text: str) -> None:
    assert find_labels(text) == []


def test_label_tokens_after_a_marker_are_markers() -> None:
    tokens = ">> JUDY WOODRUFF, PBS ANCHOR: Good evening. >> here's the thing: we".split()
    assert label_length(tokens, 1) == 4
    assert label_length(tokens, 8) == 0  # lower case: words, not a label
    assert kinds(tokens)[:6] == ["marker"] * 5 + ["word"]
    assert kinds(tokens)[8:] == ["word"] * 4


def test_parse_label_names_and_roles() -> None:
    assert parse_label(["ANDERSON", "COOPER,", "CNN", "HOST:"]) == ("Anderson Cooper", "anchor")
    assert parse_label("DONIE O'SULLIVAN, CNN CORRESPONDENT:".split()) == (
        "Donie O'Sullivan",
        "reporter",
    )
    assert parse_label("MCKAY COPPINS, STAFF WRITER, THE ATLANTIC:".split()) == (
        "McKay Coppins",
        "guest",
    )
    assert parse_label(["UNIDENTIFIED", "MALE:"]) == ("Unidentified Male", None)
    with pytest.raises(ValueError, match="not a speaker label"):
        parse_label(["hello"])


def test_short_labels_name_the_person_labelled_before() -> None:
    assert same_person("Cooper", "Anderson Cooper")
    assert same_person("A. Murdaugh", "Alex Murdaugh")
    assert not same_person("B. Murdaugh", "Alex Murdaugh")
    assert not same_person("Officer Mendoza", "Justin Mendoza")
    rep = _repair(
        ">> ALEX MURDAUGH, FMR ATTORNEY: I need help. >> COOPER: And? >> A. MURDAUGH: Now."
    )
    assert [(t.speaker, t.role, t.cue) for t in rep.turns] == [
        ("Alex Murdaugh", "guest", "label"),
        ("Cooper", None, "label"),
        ("Alex Murdaugh", "guest", "label"),
    ]


def test_labels_are_hidden_in_the_reading_view_and_kept_in_the_text() -> None:
    text = (
        ">> ANDERSON COOPER, CNN HOST: Good evening. Thank you so much for joining us. "
        ">> HARRY ENTEN, CNN SENIOR DATA REPORTER: Well, thanks. That's the news from here."
    )
    rep = _repair(text)
    assert readable(rep) == (
        "Anderson Cooper: Good evening. Thank you so much for joining us.\n\n"
        "Harry Enten: Well, thanks. That's the news from here."
    )
    assert rep.raw_text() == text
    assert len(rep.turns) == 2  # a labelled text takes no sign-off or answer cues


def test_labelled_repair_is_idempotent() -> None:
    text = ">> ANDERSON COOPER, CNN HOST: good evening >> COOPER: and now"
    for case in (0, 1, 2):
        once = _repair(text, case)
        twice = _repair(once.aligned_text(), case)
        assert twice.forms == once.forms and twice.turns == once.turns
        assert once.forms[1:5] == ("ANDERSON", "COOPER,", "CNN", "HOST:")


def test_tv_captions_lower_case_labels_name_turns() -> None:
    """Regression (review): Fox's ">> steve: ... martha: ... gregg:" stayed inline, as
    "[Speaker] Steve: Bobby Dean ... Martha: sounding the alarm", 0 of 107 turns named."""
    text = (
        ">> steve: bobby dean and maria in the show. martha: sounding the alarm on spending. "
        "good morning. gregg: the cbo is saying it will go down. martha: but with boomers "
        "retiring. >> reporter: the headline was the deficit. gregg: thanks. tonight: a storm."
    )
    rep = _repair(text)
    assert [t.speaker for t in rep.turns] == [
        "Steve",
        "Martha",
        "Gregg",
        "Martha",
        "Reporter",
        "Gregg",
    ]
    assert rep.raw_text() == text
    out = readable(rep)
    assert "Martha: Sounding the alarm" in out and "alarm" not in out.split("Martha:")[0]
    assert "tonight: a storm" in out.lower()  # said once: no label


def test_capital_labels_without_markers_name_turns() -> None:
    """Regression (review): `repair-text` on a rush transcript without ">>" left
    "ANDERSON COOPER, CNN HOST:" and "COOPER:" inline, in one turn."""
    rep = _repair(
        "ANDERSON COOPER, CNN HOST: Good evening. COOPER: What did it say? "
        "PROKUPECZ: It said the police waited."
    )
    assert [t.speaker for t in rep.turns] == ["Anderson Cooper", "Anderson Cooper", "Prokupecz"]
    assert label_length("steve: bobby".split(), 0) == 1
    assert label_length("the president said: no".split(), 0) == 0
