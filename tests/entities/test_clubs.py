"""Clubs named by their city: the club in a football video, the town elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreel.entities import clubs
from newsreel.entities.linking import Linker, curated, football_names
from newsreel.entities.ner import Mention
from newsreel.entities.stage import enrich_tokens
from newsreel.errors import ConfigError


def _named(text: str, tagged: list[Mention]) -> list[tuple[str, str, str]]:
    rows = enrich_tokens(text.split(), tagged, Linker({}, {})).mentions
    return [(r[2], r[3], r[4]) for r in rows]


def test_a_club_s_city_is_the_club_in_a_football_video() -> None:
    text = "Firmino left Liverpool for Barcelona before the Premier League season"
    tagged = [Mention(2, 3, "LOC", "Liverpool"), Mention(4, 5, "ORG", "Barcelona")]
    assert _named(text, tagged) == [
        ("Liverpool", "Liverpool F.C.", "ORG"),
        ("Barcelona", "FC Barcelona", "ORG"),
        ("Premier League", "Premier League", "ORG"),
    ]


def test_a_club_s_city_is_the_town_elsewhere() -> None:
    text = "The parade in Liverpool was cancelled after the storm"
    assert _named(text, [Mention(3, 4, "LOC", "Liverpool")]) == [("Liverpool", "Liverpool", "LOC")]


def test_a_person_or_a_shared_city_never_becomes_a_club() -> None:
    text = "Chelsea Clinton watched Newcastle and Chelsea in the Premier League"
    tagged = [
        Mention(0, 2, "PER", "Chelsea Clinton"),
        Mention(3, 4, "LOC", "Newcastle"),
        Mention(5, 6, "LOC", "Chelsea"),
    ]
    got = _named(text, tagged)
    assert ("Chelsea Clinton", "Chelsea Clinton", "PER") in got
    assert ("Newcastle", "Newcastle", "LOC") in got  # the city as often as the club: left
    assert ("Chelsea", "Chelsea F.C.", "ORG") in got


def test_a_shared_city_is_the_club_a_video_names_in_full() -> None:
    """Review (stop 70): "Newcastle" [LOC] held 219 mentions, nearly all of the club, in
    videos that name Newcastle United; a city of two clubs ("Manchester") or of a million
    people ("Paris") stays the city."""
    text = "Newcastle United were bought . Newcastle fans cheered in Newcastle"
    tagged = [Mention(5, 6, "LOC", "Newcastle"), Mention(9, 10, "LOC", "Newcastle")]
    got = _named(text, tagged)
    assert ("Newcastle", "Newcastle United", "ORG") in got  # the fans'
    assert ("Newcastle", "Newcastle", "LOC") in got  # "in Newcastle": the town
    for town in ("The mayor of Newcastle spoke", "Newcastle MP Chi Onwurah spoke"):
        text = f"Newcastle United were bought . {town}"  # review of stop 70
        at = text.split().index("Newcastle", 1)
        got = _named(text, [Mention(at, at + 1, "LOC", "Newcastle")])
        assert ("Newcastle", "Newcastle", "LOC") in got, town
    text = "Manchester City were bought . Manchester loved it and Paris Saint-Germain too"
    tagged = [Mention(5, 6, "LOC", "Manchester")]
    assert ("Manchester", "Manchester", "LOC") in _named(text, tagged)


@pytest.mark.parametrize(
    ("text", "at", "kind"),
    [
        ("The Americans bought Liverpool after the Premier League approved it", 3, "ORG"),
        ("players doing well at Liverpool in the Premier League", 4, "ORG"),
        ("hope for football fans in Liverpool and the Premier League", 5, "LOC"),
        ("the Premier League came to the city of Liverpool", 8, "LOC"),
        ("the people of Liverpool love the Premier League", 3, "LOC"),
        ("a Premier League stake in Liverpool", 5, "ORG"),
        ("Qatar is investing in Liverpool of the Premier League", 4, "ORG"),
        ("the running of Liverpool in the Premier League", 3, "ORG"),
    ],
)
def test_a_word_of_place_before_the_city_keeps_the_town(text: str, at: int, kind: str) -> None:
    assert text.split()[at] == "Liverpool"
    tagged = [Mention(at, at + 1, "LOC", "Liverpool")]
    got = [(name, k) for surface, name, k in _named(text, tagged) if surface == "Liverpool"]
    assert got == [("Liverpool F.C." if kind == "ORG" else "Liverpool", kind)]


def test_a_city_the_ner_saw_as_an_organisation_is_the_club_after_in() -> None:
    text = "Salah scored twice in Liverpool win over Everton in the Premier League"
    got = _named(text, [Mention(4, 5, "ORG", "Liverpool")])
    assert ("Liverpool", "Liverpool F.C.", "ORG") in got


def test_a_club_named_like_the_gazetteer_s_city_is_the_club() -> None:
    """The gazetteer names "Roma" Rome and "Napoli" Naples: in a football video they
    are the clubs."""
    text = "Roma beat Napoli in Serie A"
    tagged = [Mention(0, 1, "LOC", "Roma"), Mention(2, 3, "LOC", "Napoli")]
    got = _named(text, tagged)
    assert ("Roma", "AS Roma", "ORG") in got and ("Napoli", "SSC Napoli", "ORG") in got
    assert ("Roma", "Rome", "LOC") in _named("Roma is the capital of Italy", tagged[:1])


def test_a_club_s_short_name_the_ner_took_for_a_person_is_the_club() -> None:
    text = "Spurs lost to Chelsea FC before Qatar invested in Spurs and in Tottenham"
    tagged = [
        Mention(0, 1, "PER", "Spurs"),
        Mention(3, 5, "ORG", "Chelsea FC"),
        Mention(9, 10, "PER", "Spurs"),
        Mention(12, 13, "LOC", "Tottenham"),
    ]
    assert [text.split()[m.start] for m in tagged] == ["Spurs", "Chelsea", "Spurs", "Tottenham"]
    assert [r for r in _named(text, tagged) if r[0] != "Qatar"] == [
        ("Spurs", "Tottenham Hotspur", "ORG"),
        ("Chelsea FC", "Chelsea F.C.", "ORG"),
        ("Spurs", "Tottenham Hotspur", "ORG"),  # a person to the NER: no town after "in"
        ("Tottenham", "Tottenham", "LOC"),  # a place after "in": the town
    ]


def test_the_city_alone_is_no_evidence_of_football() -> None:
    """Two club cities with nothing else of football stay towns; a league named in the
    video makes them the clubs (the video, not the phrase, is the evidence)."""
    tokens = "from Leeds to Liverpool and the Premier League".split()
    found = [Mention(1, 2, "LOC", "Leeds"), Mention(3, 4, "LOC", "Liverpool")]
    linked = [("Leeds", "LOC"), ("Liverpool", "LOC")]
    assert clubs.in_football(tokens, found, linked) == linked
    league = Mention(6, 8, "ORG", "Premier League")
    with_league = [*linked, ("Premier League", "ORG")]
    assert clubs.in_football(tokens, [*found, league], with_league) == [
        ("Leeds United", "ORG"),
        ("Liverpool F.C.", "ORG"),
        ("Premier League", "ORG"),
    ]


@pytest.mark.parametrize("name", sorted(football_names()))
def test_every_football_name_is_a_curated_entity(name: str) -> None:
    assert name in {c.name for c in curated()}


def test_every_club_city_is_one_club_s_and_no_country() -> None:
    from newsreel.entities.places import countries

    cities = [k for c in curated() for k in c.in_football]
    assert len(cities) == len(set(cities)) and len(cities) >= 10
    assert "monaco" in countries()  # "the Prince of Monaco" is no club
    assert not set(cities) & set(countries())


@pytest.mark.parametrize(
    "text",
    ["[football]\nnames = [1, 2\n", "[football]\nnames = [1]\n", '[football]\nnames = "abc"\n'],
)
def test_a_bad_football_table_names_the_file(tmp_path: Path, text: str) -> None:
    bad = tmp_path / "aliases.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"aliases\.toml: not a curated alias file"):
        football_names(bad)


def test_a_club_link_never_leaves_its_video() -> None:
    """An archive's "Spurs" linked to the club in a football video is no evidence in
    the next run: the basketball video's "Spurs" stays the Spurs."""
    from types import SimpleNamespace

    from newsreel.entities.stage import linker_for

    entities = SimpleNamespace(
        user_aliases=lambda: [],
        known_spellings=lambda version: [
            ("Spurs", "ORG", "Tottenham Hotspur", 4, 1),
            ("Liverpool", "ORG", "Liverpool F.C.", 9, 2),
            ("Kyiv", "LOC", "Kyiv", 1, 3),
        ],
        sample_texts=lambda limit: [],
    )
    linker = linker_for(SimpleNamespace(entities=entities))
    assert ("kyiv", "LOC") in linker.known and ("spurs", "ORG") not in linker.known
    text = "The Spurs beat the Lakers in Liverpool"
    tagged = [Mention(1, 2, "ORG", "Spurs"), Mention(6, 7, "LOC", "Liverpool")]
    rows = enrich_tokens(text.split(), tagged, linker).mentions
    assert [(r[2], r[3]) for r in rows] == [("Spurs", "Spurs"), ("Liverpool", "Liverpool")]


def test_city_or_united_alone_is_the_one_club_the_video_names_so() -> None:
    text = (
        "Manchester City were charged last year . We are not there yet , though City said "
        "it was surprised . The City of London and New York City stay places ."
    )
    named = _named(text, [Mention(0, 2, "ORG", "Manchester City")])
    assert ("City", "Manchester City", "ORG") in named
    assert sum(1 for n in named if n[1] == "Manchester City") == 2  # not "The City of"


def test_city_alone_names_no_club_where_two_clubs_share_the_word() -> None:
    text = "Manchester City played Leicester City at home , and then City said nothing new ."
    tagged = [Mention(0, 2, "ORG", "Manchester City"), Mention(3, 5, "ORG", "Leicester City")]
    assert [n for n in _named(text, tagged) if n[0] == "City"] == []
    text = "Manchester United fans said the United States team was weak ."
    named = _named(text, [Mention(0, 2, "ORG", "Manchester United")])
    assert [n for n in named if n[0] == "United"] == []
