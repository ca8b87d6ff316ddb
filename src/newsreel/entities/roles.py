"""Who an office said alone stands for in one video (pure): "the prime minister said"
is the one person the video names with that office ("Prime Minister Keir Starmer",
"the prime minister, Keir Starmer", "Keir Starmer, the prime minister"), none where it
names two ("President Trump", "President Zelensky") or none."""

from __future__ import annotations

from collections.abc import Sequence

from newsreel.entities.claims.words import _ARTICLES
from newsreel.repair.clean import core
from newsreel.text import STOPWORDS

# offices one person holds at a time, as captions say them (lower case, longest first)
OFFICES = tuple(
    sorted(
        (
            "prime minister",
            "president",
            "chancellor",
            "first minister",
            "foreign secretary",
            "home secretary",
            "health secretary",
            "defence secretary",
            "defense secretary",
            "secretary of state",
            "foreign minister",
            "defence minister",
            "defense minister",
            "mayor",
            "governor",
            "pope",
            "king",
            "queen",
        ),
        key=len,
        reverse=True,
    )
)
# words that make an office another's: "the former prime minister", "deputy mayor"
_OTHER = frozenset("former ex then deputy vice shadow acting late previous next new".split())


def office_of(speaker: str) -> tuple[str, tuple[str, ...]] | None:
    """The office a speaker phrase is, with the words that qualify it ("the Israeli
    prime minister": ("prime minister", ("israeli",))); None where it is no office alone
    or another's ("the former president", "the president's spokesman")."""
    words = [core(w).lower() for w in speaker.split()]
    if words[:1] and words[0] in _ARTICLES:
        words = words[1:]
    text = " ".join(words)
    for office in OFFICES:
        if text == office or text.endswith(" " + office):
            qualifiers = tuple(words[: len(words) - len(office.split())])
            if set(qualifiers) & _OTHER or len(qualifiers) > 2:
                return None
            return office, qualifiers
    return None


def office_holder(
    office: str,
    qualifiers: Sequence[str],
    forms: Sequence[str],
    people: Sequence[tuple[int, int, str]],
) -> str | None:
    """The one person (``people``: start, end, name of each person mentioned) the video
    names with ``office`` (and ``qualifiers``, where the speaker had any): just before
    the name, as a title or before a comma ("UK Prime Minister Keir Starmer", "the prime
    minister, Keir Starmer"), or after it and a comma ("Keir Starmer, the prime
    minister"); None for none or two."""
    size = len(office.split())
    held: set[str] = set()
    for start, end, name in people:
        said = forms[max(0, start - size) : start]
        if (
            (  # "Prime Minister Keir Starmer", "the prime minister, Keir Starmer"; not
                # "with the prime minister Keem Bay and others" (a list, its "and" unheard)
                said
                and (said[0][:1].isupper() or said[-1].endswith(","))
                and _titled(forms[max(0, start - size - 3) : start], office, qualifiers)
            )
            or (
                forms[end - 1].endswith(",")
                and _titled_after(
                    [core(f).lower() for f in forms[end : end + size + 4]], office, qualifiers
                )
            )
        ):
            held.add(name)
    return next(iter(held)) if len(held) == 1 else None


def _titled(said: Sequence[str], office: str, qualifiers: Sequence[str]) -> bool:
    """Whether the words said before a name end with the office and the same qualifiers
    as the speaker's: capitalised words before a capitalised title ("the Israeli Prime
    Minister Benjamin Netanyahu" is no "the prime minister"; "President Trump met
    President Zelensky": "met" is none), words after an article before a lower-case one
    ("the israeli prime minister, Benjamin Netanyahu"); "former" or "deputy" among them
    make the office another's."""
    size = len(office.split())
    words = [core(f).lower() for f in said]
    if len(words) < size or " ".join(words[-size:]) != office:
        return False
    capital = said[-size][:1].isupper()
    k = len(said) - size
    own: list[str] = []
    while k > 0 and len(own) < 3:
        k -= 1
        if words[k] in _OTHER:
            return False  # "former Prime Minister Gordon Brown"
        if words[k] in STOPWORDS or not words[k] or said[k].endswith((",", ".", "?", "!")):
            break
        if capital and not said[k][:1].isupper():
            break
        own.insert(0, words[k])
    return own == list(qualifiers)


def _titled_after(after: list[str], office: str, qualifiers: Sequence[str]) -> bool:
    """Whether the words after a name and its comma are "the (qualifiers) office"
    ("Keir Starmer, the UK prime minister")."""
    if not after or after[0] not in _ARTICLES:
        return False
    words, size = after[1:], len(office.split())
    for lead in range(3):
        if " ".join(words[lead : lead + size]) == office:
            if set(words[:lead]) & _OTHER:
                return False
            return words[:lead] == list(qualifiers)
    return False
