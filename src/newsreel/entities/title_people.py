"""The people a video's title names, heard otherwise in its captions. A title is written by
hand, so "Badenoch says Tory defectors ..." is evidence that the captions' "Chem Bedonox"
and "Kevin Bagnog" are Kemi Badenoch, and "Catherine O'Hara, star of ..." that "Katherine
Hair" is the video's "Katherine O'Hara". Pure.

A person the title names is a listed one (names.toml) whose full name, or surname known
alone, the title writes; or two capitalised words of the title alike (rapidfuzz ratio >=
85) to a person the captions name in full. In that video a name of two words, of any type
the NER gave it but with no gazetteer place in it ("Greater Manchester" is no Peter
Mandelson; a small town that is a first name may be: "Kemi", "David"), not yet linked to
a listed or curated person, is that person's when its first word is heard alike (ratio
>= 50: "Chem" / "Kemi"; not "Emma" / "Andy") and its last word is alike to the surname
in letters (ratio >= 50 with the same first letter, or >= 60) and is no other listed
person's surname ("Kevin Brennan" beside a title's Badenoch stays his own).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import pairwise

from rapidfuzz import fuzz

from newsreel.entities import ner
from newsreel.entities.listed import NameList, untitled
from newsreel.entities.places import minor_town, place
from newsreel.entities.spelling import key
from newsreel.text import STOPWORDS

FIRST_ALIKE = 50  # ratio of a first name heard otherwise ("chem" / "kemi")
SURNAME_ALIKE = 50  # ratio of a surname heard otherwise ("bednog" / "badenoch")
SURNAME_CLOSE = 60  # ratio that needs no shared first letter ("hair" / "hara")
TITLE_AS_SAID = 85  # ratio of a title's name to the captions' spelling of it


def listed_in_title(title: str | None, listed: NameList) -> dict[str, str]:
    """Listed person key -> display name, for those the title names in full or by a
    surname known alone ("Badenoch says ...": Kemi Badenoch)."""
    words = [key(w) for w in (title or "").split()]
    found: dict[str, str] = {}
    for n in (3, 2):
        for i in range(len(words) - n + 1):
            person = listed.by_key.get(" ".join(words[i : i + n]))
            if person is not None:
                found[person.key] = person.name
    for w in words:
        person = listed.alone(w) if w else None
        if person is not None and " " in person.key:
            found[person.key] = person.name
    return found


def said_in_title(
    title: str | None, mentions: Sequence[ner.Mention], linked: Sequence[tuple[str, str]]
) -> dict[str, str]:
    """Spelling key -> entity, for the people the captions name in full as the title
    writes them, or alike ("Katherine O'Hara" for the title's "Catherine O'Hara")."""
    forms = (title or "").split()
    pairs = [
        key(f"{a} {b}")
        for a, b in pairwise(forms)
        if a[:1].isupper() and b[:1].isupper() and a[-1:].isalpha()
    ]
    found: dict[str, str] = {}
    for m, (name, kind) in zip(mentions, linked, strict=True):
        k = untitled(key(m.text))
        if (
            kind == "PER"
            and len(k.split()) == 2
            and any(fuzz.ratio(k, pair) >= TITLE_AS_SAID for pair in pairs)
        ):
            found[k] = name
    return found


def _first_alike(heard: str, first: str) -> bool:
    return heard == first or (
        len(heard) >= 3 and heard not in STOPWORDS and fuzz.ratio(heard, first) >= FIRST_ALIKE
    )


def _surname_alike(heard: str, surname: str, surnames: Collection[str]) -> bool:
    last = surname.split("'")[-1]  # "o'hara" heard "hair"
    if len(heard) < 3 or heard in STOPWORDS or (heard in surnames and heard != surname):
        return False
    ratio = fuzz.ratio(heard, last)
    return ratio >= SURNAME_CLOSE or (ratio >= SURNAME_ALIKE and heard[0] == last[0])


def heard_as_titled(
    mentions: Sequence[ner.Mention],
    linked: Sequence[tuple[str, str]],
    people: dict[str, str],
    listed: NameList,
    fixed: Collection[str],
) -> list[tuple[str, str]]:
    """``linked`` with the two-word names heard as a person the title names (``people``:
    their spelling key -> entity) linked to that person, in this video; names already
    linked to a listed or curated person (``fixed``) or to a title's person keep theirs;
    where two of the title's people are alike, the closer to the whole name."""
    out = list(linked)
    targets = set(people.values())
    for i, (m, (name, _)) in enumerate(zip(mentions, linked, strict=True)):
        k = untitled(key(m.text))
        words = k.split()
        if (
            len(words) != 2
            or name in targets
            or name in fixed
            or key(name) in listed.by_key
            or place(k, "LOC") is not None
            or any(place(w, "LOC") is not None and not minor_town(w) for w in words)
        ):
            continue
        alike = [
            (fuzz.ratio(k, spelled), spelled, entity)
            for spelled, entity in people.items()
            if _first_alike(words[0], spelled.split()[0])
            and _surname_alike(words[1], spelled.split()[-1], listed.surnames)
        ]
        if alike:  # the closest of the title's people ("Kem Bean": Kemi Badenoch)
            out[i] = (max(alike)[2], "PER")
    return out
