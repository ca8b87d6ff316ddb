"""Word forms: a plain query word also finds its other English forms ("hostages" finds
"hostage"): the forms with its Snowball stem (tantivy's stemmer, run here on the query
only), OR-ed into the query. The index stores words as they are, so ingest does no
stemming (stemmed fields cost 3x the indexing CPU); phrases, prefixes, ``--exact`` and
words that are no English words ("Streeting" is a name, not a form of "street") stay
literal."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import tantivy

from newsreel.search.query import And, Node, Or, Term
from newsreel.text import fold

# Endings tried on a query word to find the forms a passage may show ("hostage" ->
# "hostages"); only those with the word's stem count.
_ENDINGS = ("", "s", "es", "ed", "d", "ing", "er", "ers", "'s")
_VOWELS = frozenset("aeiou")


def stem_analyzer() -> Any:
    """The index's folding, then the English stemmer."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


_ANALYZER = stem_analyzer()


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """The stem of one word as the index stems it ("hostages" -> "hostag")."""
    found = _ANALYZER.analyze(word)
    return str(found[0]) if len(found) == 1 else fold(word)


@lru_cache(maxsize=4_096)
def word_forms(word: str) -> frozenset[str]:
    """Likely forms of a folded word with its stem (the word itself included)."""
    own = stem(word)
    bases = {word, own}
    for ending in ("s", "es", "ed", "ing", "'s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            bases.add(word[: -len(ending)])
    if own.endswith("i"):
        bases.add(own[:-1] + "y")
    candidates = {b + e for b in bases for e in _ENDINGS} | {own[:-1] + "ies", own[:-1] + "ied"}
    for base in list(bases):  # stop -> stopped, stopping
        if len(base) >= 3 and base[-1] not in _VOWELS and base[-2] in _VOWELS:
            candidates |= {base + base[-1] + e for e in ("ed", "ing", "er")}
    alike = {own}  # the stemmer undoubles a consonant only before an ending:
    if len(own) > 3 and own[-1] == own[-2] and own[-1] not in _VOWELS:
        alike.add(own[:-1])  # "boycott", but "boycotting" -> "boycot"
    elif len(own) > 3 and own[-1] not in _VOWELS and own[-2] in _VOWELS:
        alike.add(own + own[-1])  # and back: "boycotting" finds "boycott"
    return frozenset(c.replace("'", "") for c in candidates if stem(c) in alike)


def same_word(typed: str, heard: str) -> bool:
    """Whether a matched word is the typed word or one of its forms, not a mishearing."""
    a, b = owner(fold(typed)), owner(fold(heard))
    return a == b or stem(a) == stem(b)


def owner(word: str) -> str:
    """The word without a possessive ending ("qatar's", "qatar’s", "states'" -> the
    word): "Qatar's" is Qatar as written, not a way the captions misheard it."""
    for ending in ("'s", "\u2019s", "'", "\u2019"):
        if word.lower().endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=65_536)
def english_zipf(word: str) -> float:
    """How frequent a word is in English, on the Zipf scale (0 = unknown; 7 = "the")."""
    from wordfreq import zipf_frequency  # its word lists load on first use (~0.2 s)

    return float(zipf_frequency(word, "en"))


ENGLISH_WORD = 2.5  # the Zipf frequency from which a query word has English word forms


def stemmed(node: Node) -> Node:
    """The query with its plain words matching any of their forms (phrases, prefixes,
    NEAR and exclusions stay literal, and so do words rare in English: "Streeting" is
    no form of "street")."""
    if isinstance(node, Term):
        english = english_zipf(fold(node.text)) >= ENGLISH_WORD
        if node.prefix or node.quoted or not english:
            return node  # '"hostages"' quoted: as typed
        return Term(node.text, stem=True)
    if isinstance(node, Or):
        return Or(tuple(stemmed(p) for p in node.parts))
    if isinstance(node, And):
        return And(tuple(stemmed(p) for p in node.include), node.exclude)
    return node
