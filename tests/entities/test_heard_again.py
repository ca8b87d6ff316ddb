"""A video's names heard again as capitalised words the NER passed over."""

from __future__ import annotations

from newsreel.entities.heard_again import heard_again
from newsreel.entities.ner import Mention


def _again(text: str, found: list[tuple[int, int, str, str]]) -> list[tuple[str, str]]:
    """(word, entity) of the mentions ``heard_again`` adds to ``found`` (start, end,
    entity, type) in ``text``."""
    tokens = text.split()
    mentions = [Mention(s, e, kind, " ".join(tokens[s:e])) for s, e, _, kind in found]
    linked = [(name, kind) for _, _, name, kind in found]
    out, links = heard_again(tokens, mentions, linked, {0}, frozenset())
    return [(m.text, name) for m, (name, _) in zip(out, links, strict=True) if m not in mentions]


def test_a_name_heard_again_as_a_capitalised_rare_word_is_a_mention() -> None:
    text = "Peter Mandosen was sacked . It came to giving Lord Mandosin that job in Washington ."
    found = [(0, 2, "Peter Mandelson", "PER"), (14, 15, "Washington", "LOC")]
    assert _again(text, found) == [("Mandosin", "Peter Mandelson")]
    text = "Clement Atley won in 1945 . It was lifted from my Atly book ."
    assert _again(text, [(0, 2, "Clement Atley", "PER")]) == [("Atly", "Clement Atley")]
    text = "Bahrain hosts the race . I went to the Barin Grand Prix ."
    assert _again(text, [(0, 1, "Bahrain", "LOC")]) == [("Barin", "Bahrain")]


def test_no_mention_for_a_word_in_lower_case_an_everyday_word_or_a_title() -> None:
    text = "Peter Mandosen was sacked . Giving lord mandosin that job ."
    assert _again(text, [(0, 2, "Peter Mandelson", "PER")]) == []  # no capital
    text = "Bahrain hosts the race . The Bahraini crown prince came ."
    assert _again(text, [(0, 1, "Bahrain", "LOC")]) == []  # a people's word
    text = "Sheikh Mansour bought City . His wife Sheikha Moza came ."
    assert _again(text, [(0, 2, "Mansour bin Zayed", "PER")]) == []
    text = "The King Abdulaziz airport opened . It is Prince Abdalaziz now ."
    assert _again(text, [(1, 3, "King Abdulaziz airport", "LOC")]) == []  # a title: a person
    text = "Bahrain hosts the race . Barin hosts it again ."
    assert _again(text, [(0, 1, "Bahrain", "LOC")]) == []  # a sentence's first word


def test_the_closest_name_wins_and_a_possessive_or_an_accent_is_read_through() -> None:
    text = "Peter Mandosen and Peter Mandoza spoke . It was Lord Mandosin's job ."
    found = [(0, 2, "Peter Mandelson", "PER"), (3, 5, "Peter Mandoza", "PER")]
    assert _again(text, found) == [("Mandosin", "Peter Mandelson")]
    text = "Jürgen Klopp left . Then Klopf came back ."
    assert _again(text, [(0, 2, "Jürgen Klopp", "PER")]) == []  # sentence start: none
    text = "Ilkay Gündogan left . It was Gundogan farewell ."  # the name as written, folded
    assert _again(text, [(0, 2, "Ilkay Gündogan", "PER")]) == [("Gundogan", "Ilkay Gündogan")]
    text = "Sheikh Mansour bought City . A trip to Princeton followed ."
    assert _again(text, [(0, 2, "Mansour bin Zayed", "PER")]) == []  # no name alike
