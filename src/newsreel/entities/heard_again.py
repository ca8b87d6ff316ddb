"""A video's names heard again where the NER passed over them: a capitalised word, rare
in English, that sounds like a name the video already has ("Lord Mandosin" beside
"Peter Mandosen" linked to Peter Mandelson, "the Barin Grand Prix" beside Bahrain). The
repair's capital is the evidence of a name, the video's own entity that of which. Pure.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from rapidfuzz import fuzz

from newsreel.entities import ner
from newsreel.entities.listed import ROYAL, TITLES, rare
from newsreel.entities.names import generic
from newsreel.entities.places import demonym
from newsreel.entities.shaping import with_mentions
from newsreel.entities.spelling import first_sound, key, phonetic
from newsreel.repair.clean import bare
from newsreel.repair.document import ends_sentence
from newsreel.text import STOPWORDS

HEARD_AGAIN = 75  # rapidfuzz ratio from which a word is the video's name heard again
_SHORTEST = 4  # letters a word needs ("Atly" for Attlee)
_TYPES = ("PER", "ORG", "LOC")
_TITLED = tuple(t for t in ROYAL if len(t) >= 5)


def _title_kin(k: str) -> bool:
    """Whether a word is a title said otherwise ("sheikha", "princes"; not "princeton",
    "queensland")."""
    return any(k.startswith(t) and len(k) <= len(t) + 2 for t in _TITLED)


def _names_by_word(
    mentions: Sequence[ner.Mention], linked: Sequence[tuple[str, str]], common: Collection[str]
) -> dict[str, tuple[str, str]]:
    """Word -> (entity, type) for the words that tell a video's entities apart: a
    person's surname (or lone name) as heard, any word of five letters or more of
    another name but a title or a generic word ("stadium", "party"); a word two
    entities share tells neither."""
    owners: dict[str, set[tuple[str, str]]] = {}
    for m, (name, kind) in zip(mentions, linked, strict=True):
        if kind not in _TYPES:
            continue
        words = key(m.text).split()
        for w in words[-1:] if kind == "PER" else words:
            if (
                len(w) >= _SHORTEST + 1
                and w.isalpha()
                and w not in STOPWORDS
                and w not in TITLES
                and w not in common
                and not generic(w, frozenset())
            ):
                owners.setdefault(w, set()).add((name, kind))
    return {w: next(iter(found)) for w, found in owners.items() if len(found) == 1}


def heard_again(
    tokens: Sequence[str],
    mentions: Sequence[ner.Mention],
    linked: Sequence[tuple[str, str]],
    starts: Collection[int],
    common: Collection[str],
) -> tuple[list[ner.Mention], list[tuple[str, str]]]:
    """The video's mentions and their links, with a mention for each capitalised word
    outside them that names one of its entities again: four letters or more, rare in
    English (``listed.rare``), no common word of the archive, no people's name
    ("Bahraini") or title ("Sheikha"), not a sentence's first word, not after a title
    unless it names a person; the same first sound and coarse phonetic
    key as a word that tells an entity of the video apart (``_names_by_word``) and a
    rapidfuzz ratio >= ``HEARD_AGAIN`` to it (the closest wins)."""
    words = _names_by_word(mentions, linked, common)
    if not words:
        return list(mentions), list(linked)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    added: list[tuple[ner.Mention, tuple[str, str]]] = []
    for i, token in enumerate(tokens):
        word = bare(token)
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        if (
            i in taken
            or i in starts
            or (i and ends_sentence(tokens[i - 1]))
            or len(word) < _SHORTEST
            or not (word[:1].isupper() and word[1:].islower() and word.isalpha())
        ):
            continue
        k = key(word)
        if k in common or not rare(k) or demonym(k) or _title_kin(k):
            continue  # "Sheikha Moza" is no Sheikh Mansour
        owner = _closest(k, words)
        titled = i > 0 and bare(tokens[i - 1]).casefold() in TITLES
        if owner is not None and not (titled and owner[1] != "PER"):
            # a title makes a person: "Prince Abdalaziz" is no King Abdulaziz airport
            added.append((ner.Mention(i, i + 1, owner[1], word), owner))
    return with_mentions(mentions, linked, added)


def _closest(k: str, words: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The entity of the word closest in letters to ``k`` (ratio >= ``HEARD_AGAIN``)
    among those of its first sound and coarse phonetic key."""
    sound, first = phonetic(k), first_sound(k)
    best: tuple[float, tuple[str, str]] | None = None
    for w, owner in words.items():
        ratio = fuzz.ratio(k, w)
        if (
            ratio >= HEARD_AGAIN
            and (best is None or ratio > best[0])
            and first_sound(w) == first
            and phonetic(w) == sound
        ):
            best = (ratio, owner)
    return best[1] if best else None
