"""Clubs named by their city: in a football video "Liverpool" and "Chelsea" are the
clubs, elsewhere the towns.

The NER model and the gazetteer see a city; which one is meant is a matter of the
video. A video that names a football league or club (the alias file's ``[football]``
names, or a club by a name of its own, "Liverpool FC") is a football video, and there a
curated club's ``in_football`` spelling said alone is the club. Cities a football video
names as cities too, or that two clubs share ("Newcastle", "Manchester", "Madrid"), have
no such spelling.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from newsreel.entities.linking import curated, football_names
from newsreel.entities.spelling import key

Linked = tuple[str, str]  # (entity name, type)


@cache
def by_city() -> dict[str, str]:
    """Spelling key of a club's city -> the club's curated name."""
    return {k: c.name for c in curated() for k in c.in_football}


@cache
def _football() -> frozenset[str]:
    return football_names() | frozenset(by_city().values())


def in_football(keys: Sequence[str], linked: Sequence[Linked]) -> list[Linked]:
    """``linked`` (one video's mentions, their spelling keys ``keys``) with a club's city
    said alone and linked to itself made the club where the video names football;
    unchanged elsewhere ("Chelsea" for Chelsea Clinton stays hers)."""
    clubs = by_city()
    if not any(name in _football() for name, _ in linked):
        return list(linked)
    return [
        (clubs[k], "ORG") if _the_city(k, name, kind, clubs) else (name, kind)
        for k, (name, kind) in zip(keys, linked, strict=True)
    ]


def _the_city(k: str, name: str, kind: str, clubs: dict[str, str]) -> bool:
    """Whether a mention spelled ``k`` is a club's city (or short name: "Spurs") linked
    to itself, whatever the NER made of it; not one linked to a person of a longer name
    ("Chelsea" for Chelsea Clinton) or to anything else, nor a nationality."""
    return k in clubs and kind != "MISC" and key(name) == k
