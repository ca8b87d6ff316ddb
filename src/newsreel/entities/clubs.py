"""Clubs named by their city: in a football video "Liverpool" and "Chelsea" are the
clubs, elsewhere the towns.

The NER model and the gazetteer see a city; which one is meant is a matter of the
video. A video that names a football league or club (the alias file's ``[football]``
names, or a club by a name of its own, "Liverpool FC") is a football video, and there a
curated club's ``in_football`` spelling said alone is the club. Cities a football video
names as cities too, or that two clubs share ("Newcastle", "Manchester", "Madrid"), have
no such spelling: said alone, they are the club only in a video that names it in full
("Newcastle United"), and the one club of that city it names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from functools import cache

from newsreel.entities.linking import curated, football_names
from newsreel.entities.ner import Mention
from newsreel.entities.places import city_sizes, place
from newsreel.entities.shaping import with_mentions
from newsreel.entities.spelling import key
from newsreel.repair.clean import bare
from newsreel.repair.document import ends_sentence

Linked = tuple[str, str]  # (entity name, type)


@cache
def by_city() -> dict[str, str]:
    """Spelling key of a club's city -> the club's curated name."""
    return {k: c.name for c in curated() for k in c.in_football}


@cache
def _football() -> frozenset[str]:
    return football_names() | frozenset(by_city().values())


def in_football(
    tokens: Sequence[str], mentions: Sequence[Mention], linked: Sequence[Linked]
) -> list[Linked]:
    """``linked`` (what one video's ``mentions`` of ``tokens`` link to) with a club's
    city said alone and linked to itself made the club where the video names football,
    but for a town the NER saw as a place after a word of place ("fans in Liverpool",
    "the city of Liverpool"; "investing in Tottenham" is the club); unchanged elsewhere
    ("Chelsea" for Chelsea Clinton stays hers)."""
    if not any(name in _football() for name, _ in linked):
        return list(linked)
    named = _named_in_full(linked)
    clubs = {**named, **by_city()}
    return [
        (clubs[k], "ORG")
        if _the_city(k, name, kind, clubs)
        and not (m.type == "LOC" and _the_town(tokens, m.start))
        and not (k in named and k not in by_city() and _said_as_town(tokens, m.start, m.end))
        else (name, kind)
        for m, (name, kind) in zip(mentions, linked, strict=True)
        for k in (key(m.text),)
    ]


def _said_as_town(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether a city a video's club is named after is said as the town: of its mayor,
    centre, people ("the mayor of Newcastle"; not "the takeover of Newcastle"), or
    before a word of its people and offices ("Newcastle MP", "Brighton council")."""
    before = [key(t) for t in tokens[max(0, start - 2) : start]]
    after = key(tokens[end]) if end < len(tokens) else ""
    of_town = len(before) == 2 and before[1] == "of" and before[0] in _TOWN_NOUNS
    return of_town or after in _TOWN_AFTER


_TOWN_AFTER = frozenset(
    "mp mps council councillor councillors mayor city residents people airport university "
    "station hospital central east west north south".split()
)


def _named_in_full(linked: Sequence[Linked]) -> dict[str, str]:
    """City key -> the one curated club of a video named in full by that city
    ("Newcastle United": "newcastle"); where the video names it so, its city said alone
    is the club too (not a city two clubs of the video share, "Manchester", nor a city
    of a million people or more, "Paris")."""
    owners: dict[str, set[str]] = {}
    for name, kind in linked:
        words = key(name).split()
        if kind == "ORG" and len(words) >= 2 and name in _football() and _football_town(words[0]):
            owners.setdefault(words[0], set()).add(name)
    return {city: next(iter(named)) for city, named in owners.items() if len(named) == 1}


def _football_town(k: str) -> bool:
    """Whether a city is known for its club more than the club is known for it: a city
    of the gazetteer under a million people with one club named after it ("Newcastle";
    "Paris" and "Manchester" said alone are the cities, even in a video about a club
    of theirs)."""
    return (
        place(k, "LOC") is not None
        and _SMALL_TOWN <= city_sizes().get(k, 0) < _BIG_CITY
        and k not in _cities_of_two()
    )


@cache
def _cities_of_two() -> frozenset[str]:
    """Cities that open two football names or more ("Manchester City", "Manchester
    United"): said alone, the city, whichever club a video names."""
    opening = Counter(words[0] for name in _football() if len(words := key(name).split()) >= 2)
    return frozenset(city for city, n in opening.items() if n >= 2)


_BIG_CITY = 1_000_000
_SMALL_TOWN = 150_000  # no town smaller: "Crystal" (Palace), "Aston" (Villa) are none

_IN_TOWN = frozenset({"in", "around", "across", "near", "outside", "throughout"})
_OF_TOWN = frozenset({"city", "people", "streets", "town"})
_TOWN_NOUNS = _OF_TOWN | frozenset(  # "the mayor of Newcastle": the town, of a named club
    "mayor centre center residents outskirts suburbs council university bishop mp".split()
)
_STAKE = frozenset(
    "stake stakes investment investments invest invests invested investing interest "
    "shares involved club".split()
)


def _the_town(tokens: Sequence[str], start: int) -> bool:
    """Whether the words before the city at token ``start`` make it the town: "in",
    "around", "outside" ("fans in Liverpool"; not "a stake in Liverpool", "players at
    Liverpool") or "the city of", "the people of"."""
    before = [key(t) for t in tokens[max(0, start - 2) : start]]
    if not before:
        return False
    if before[-1] in _IN_TOWN:
        return len(before) < 2 or before[0] not in _STAKE
    return before[-1] == "of" and len(before) == 2 and before[0] in _OF_TOWN


def _the_city(k: str, name: str, kind: str, clubs: dict[str, str]) -> bool:
    """Whether a mention spelled ``k`` is a club's city (or short name: "Spurs") linked
    to itself or to the gazetteer's name of the city ("Roma": Rome), as a person, place
    or organisation; not one linked to a person of a longer name ("Chelsea" for Chelsea
    Clinton) or to anything else, nor a nationality."""
    return k in clubs and kind != "MISC" and key(name) in (k, key(place(k, "LOC") or ""))


_ENDINGS = frozenset({"City", "United"})  # a club's name said by its last word alone
_NOT_CLUB_AFTER = frozenset("states nations kingdom arab airlines front way".split())


def short_names(
    tokens: Sequence[str],
    mentions: Sequence[Mention],
    linked: Sequence[Linked],
    starts: Collection[int],
) -> tuple[list[Mention], list[Linked]]:
    """The video's mentions and links with "City" or "United" said alone ("City said it
    was surprised", "a 6-1 drubbing of United") made a mention of the one club of the
    video named in full by that word ("Manchester City"); not where two clubs share it,
    not "the City", a sentence's first word, or a word beside another capitalised one
    ("New York City", "United Nations")."""
    clubs: dict[str, set[str]] = {}
    for name, kind in linked:
        words = name.split()
        if kind == "ORG" and len(words) >= 2 and words[-1] in _ENDINGS:
            clubs.setdefault(words[-1], set()).add(name)
    if not clubs:
        return list(mentions), list(linked)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    added: list[tuple[Mention, Linked]] = []
    for i, token in enumerate(tokens):
        word = bare(token).removesuffix("'s").removesuffix("’s")
        owners = clubs.get(word, set())
        if len(owners) != 1 or i in taken or i in starts or not _alone(tokens, i):
            continue
        added.append((Mention(i, i + 1, "ORG", word), (next(iter(owners)), "ORG")))
    return with_mentions(mentions, linked, added)


def _alone(tokens: Sequence[str], i: int) -> bool:
    """Whether the word at ``i`` stands alone: no sentence ends before it, no capitalised
    word or article before it, no capitalised word or "States" after it."""
    before = bare(tokens[i - 1]) if i else ""
    after = bare(tokens[i + 1]) if i + 1 < len(tokens) else ""
    if not before or ends_sentence(tokens[i - 1]) or before[:1].isupper():
        return False
    if before.casefold() in ("the", "a", "an"):
        return False  # "the City" of London
    return not after[:1].isupper() and after.casefold() not in _NOT_CLUB_AFTER
