"""Counts said as a compound modifier: "the 30-bedroom home", "the 24-person body", "a
four-fight win streak" count bedrooms, people and fights. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsreel.entities.claims.numbers import _noun, _past
from newsreel.entities.claims.words import _AGE, _PREPOSITIONS, _TIME_UNITS, _WORDS

_COMPOUND = re.compile(r"^(\d+|[a-z]+)-([a-z]+)$")

# second halves that count nothing: a rating, a share, a score, a manner ("a 5-star
# hotel", "a two-thirds majority", "a 2-nil win", "a three-way race", "a four-peat")
_NOT_COUNTED = frozenset(
    "star stars thirds quarters fifths fold way nil peat something somethings odd ish "
    "plus time times digit digits figure figures hander handed sided ray wheel".split()
)
# measures: a length, a weight, a size is no count ("a 30-yard free kick")
_MEASURES = frozenset(
    "yard metre meter mile inch foot feet kilometre kilometer pound ton tonne degree "
    "percent litre liter gallon acre storey".split()
)
_MORE = 2  # words after the compound a subject may take ("24-person body")
_NOT_AFTER = frozenset("minus plus versus than made".split())


def compound(
    forms: Sequence[str], words: Sequence[str], i: int, end: int, durations: bool
) -> tuple[float, str] | None:
    """(value, subject) of a count said as a compound modifier at token ``i`` ("30-bedroom
    Windsor home": 30 bedroom), or None: two or more (not "one-off", "one-man"), a second
    half that names what is counted (no time or age unless ``durations`` asks: "a 3-day
    visit", "the 18-year-old"; no rating, share or score: ``_NOT_COUNTED``), with the
    lower-case nouns that follow it in its phrase ("a 24-person body": person body)."""
    found = _COMPOUND.match(words[i])
    if found is None:
        return None
    number, noun = found.groups()
    value = float(number) if number.isdigit() else _WORDS.get(number)
    if value is None or value < 2 or len(noun) < 3 or not _noun(noun):
        return None
    if noun in _NOT_COUNTED or noun in _MEASURES or noun in _AGE:
        return None
    if noun in _TIME_UNITS and not durations:
        return None
    said = [noun]
    k = i + 1
    while (
        k < end
        and len(said) <= _MORE
        and forms[k - 1][-1:] not in ".,;:?!"
        and forms[k][:1].islower()
        and _noun(words[k])
        and words[k] not in _PREPOSITIONS
        and words[k] not in _NOT_AFTER
        and not _past(words[k])
    ):
        said.append(words[k])
        k += 1
    return value, " ".join(said)
