"""Whether "he" or "she" may stand for a person, by their first name.

``first_names.toml`` lists first names given almost only to women or only to men; a
name it lists as a woman's is no "he", a man's no "she"; a name it does not list, or a
lone word (a surname said alone), agrees with both. A list of our own: the libraries
that guess a name's sex ship their data under the GPL or fetch it over the network.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

FIRST_NAMES = Path(__file__).with_name("first_names.toml")
_OTHER = {"he": "female", "she": "male"}


@cache
def _given() -> dict[str, frozenset[str]]:
    data = tomllib.loads(FIRST_NAMES.read_text(encoding="utf-8"))
    return {sex: frozenset(data[sex]) for sex in ("female", "male")}


def agrees(pronoun: str, name: str) -> bool:
    """Whether ``pronoun`` ("he", "she") may stand for the person called ``name``: a
    title of one sex before the name says it ("Prince Andrew" is no "she"), other titles
    are passed over ("President Donald Trump")."""
    words = [w.casefold() for w in name.split()]
    other = _OTHER.get(pronoun.casefold())
    if other is None:
        return True
    while len(words) > 1 and words[0] in _TITLES:
        if words[0] in _TITLED[other]:
            return False
        words = words[1:]
    return len(words) < 2 or words[0] not in _given()[other]


_TITLED = {
    "male": frozenset("prince king sir lord mr sheikh emir duke earl baron".split()),
    "female": frozenset(
        "princess queen dame lady mrs ms miss sheikha duchess countess baroness".split()
    ),
}
_TITLES = (
    _TITLED["male"]
    | _TITLED["female"]
    | frozenset("president prime minister senator governor chancellor dr doctor crown".split())
)


def given_name(word: str) -> bool:
    """Whether a (folded) word is a first name the list gives women or men ("georgia")."""
    return any(word in names for names in _given().values())


def other_sex(one: str, other: str) -> bool:
    """Whether the list gives one (folded) first name to women and the other to men
    ("andrea" / "andrew")."""
    given = _given()
    return (one in given["female"] and other in given["male"]) or (
        one in given["male"] and other in given["female"]
    )
