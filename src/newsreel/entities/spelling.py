"""How two spellings of a name are compared: the key, coarse phonetic keys, first sound.

Pure logic, shared by linking (entities/linking.py) and the name list (entities/listed.py).
"""

from __future__ import annotations

import re

from newsreel.text import name_key, sound_key

key = name_key  # the comparable form of a mention (newsreel.text.name_key)

_GLIDES = re.compile(r"(?<=[aeiou])[why]+")
_SOFT_H = re.compile(r"(?<=.k|.n)h")  # "alkhelaifi" heard "alkalafi", "Fabinho" "Fabino"


def phonetic(text: str) -> tuple[str, ...]:
    """Coarse phonetic keys of a key's words, hyphens dropped ("al-khelaifi" is
    "alkhelaifi"); a w, h or y after a vowel is dropped first, as it is mostly that
    vowel's glide in a name ("Bowes" / "Bose"; "Twice" keeps its w), and the h of a
    "kh" or "nh" inside a word ("Al-Khelaifi" / "Alkalafi", "Fabinho" / "Fabino"; a
    word that starts "Kh" keeps it: "Khater" is no "Kathari")."""
    keys = (sound_key(_SOFT_H.sub("", _GLIDES.sub("", w.replace("-", "")))) for w in text.split())
    return tuple(k for k in keys if k)


def first_sound(word: str) -> str:
    """The first sound of a word, all vowels one sound (captions mishear them freely);
    "chr" is a k ("Christy" / "Kristi")."""
    if word[:3].lower() == "chr":
        return "K"
    keys = phonetic(word)
    first = keys[0][:1] if keys else word[:1].upper()
    return "V" if first in "AEIOU" else first
