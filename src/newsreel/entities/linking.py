"""Canonical entities: one per real-world thing, however the captions spelled it.

Pure logic. A mention's key is its folded text without a leading "the" or a trailing
"'s". It links, in order, to: a user alias (merge/split, stored in the archive), a
curated alias (aliases.toml), a place of the offline gazetteer (entities/places.py:
"Kairo" is Cairo, a country typed as a person is a place), a known entity of the same
type with that spelling, a known entity of the same type that sounds alike (same coarse
phonetic keys and rapidfuzz ratio >= 80, or ratio >= 90), or, for people, another person
named in the same video ("Kareim Elari" / "aim Alwari" / "Kareem"); else a new entity.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from newsreel.entities.places import place
from newsreel.text import fold, sound_key

ALIASES = Path(__file__).with_name("aliases.toml")
_EDGE = re.compile(r"^\W+|\W+$")
_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True)
class Curated:
    """A curated entity: canonical name, type, spellings (anywhere / only when tagged)."""

    name: str
    type: str
    aliases: tuple[str, ...]
    when_tagged: tuple[str, ...]


def key(surface: str) -> str:
    """The comparable form of a mention: folded, no edge punctuation, 'the', or 's."""
    words = [_EDGE.sub("", w) for w in fold(surface).split()]
    text = " ".join(w for w in words if w)
    return _POSSESSIVE.sub("", _THE.sub("", text))


@cache
def curated(path: Path = ALIASES) -> tuple[Curated, ...]:
    """The curated alias file."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        Curated(
            e["name"],
            e["type"],
            tuple(key(a) for a in e.get("aliases", ())),
            tuple(key(a) for a in e.get("when_tagged", ())),
        )
        for e in data.get("entity", [])
    )


def alias_table(entries: Iterable[Curated], *, tagged: bool) -> dict[str, tuple[str, str]]:
    """Spelling key -> (canonical name, type); ``tagged`` adds the when-tagged spellings."""
    table: dict[str, tuple[str, str]] = {}
    for entry in entries:
        for alias in (*entry.aliases, *(entry.when_tagged if tagged else ())):
            table[alias] = (entry.name, entry.type)
        table[key(entry.name)] = (entry.name, entry.type)
    return table


def display(surface: str, k: str) -> str:
    """A new entity's name: the surface without "the"/"'s" (title-cased if lower case)."""
    words = [_EDGE.sub("", w) for w in surface.split()]
    words = [w for w in words if w]
    if words and words[0].lower() == "the":
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    name = " ".join(words) or k
    return " ".join(w[:1].upper() + w[1:] for w in name.split()) if name.islower() else name


def phonetic(text: str) -> tuple[str, ...]:
    """Coarse phonetic keys of a key's words."""
    return tuple(k for k in (sound_key(w) for w in text.split()) if k)


def same_person_in_video(a: str, b: str) -> bool:
    """Within one video, two spellings of one person: full names whose surnames and
    first names are close ("kareim elari" / "aim alwari", not "bill clinton" / "hillary
    clinton"), or a lone name close to the surname or another name of a full one ("alwari",
    "kareem"; not "ronaldinho" for "ronaldo")."""
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return False
    if len(wa) > 1 and len(wb) > 1:
        surname = fuzz.ratio(wa[-1], wb[-1])
        return (
            len(wa[-1]) > 3
            and surname >= (70 if len(wa) == len(wb) else 85)
            and fuzz.ratio(wa[0], wb[0]) >= 60
            and fuzz.ratio(a, b) >= 70
        )
    lone, full = (wa[0], wb) if len(wa) == 1 else (wb[0], wa)
    if len(lone) <= 3:
        return False
    surname = 5 <= len(lone) <= len(full[-1]) + 1 and fuzz.ratio(lone, full[-1]) >= 70
    return surname or any(fuzz.ratio(lone, w) >= 80 and len(lone) <= len(w) + 1 for w in full)


@dataclass
class Linker:
    """Assigns canonical names to mentions, remembering what it has linked."""

    user: dict[str, tuple[str, str]]
    known: dict[tuple[str, str], str]  # (spelling key, type) -> canonical name

    def __post_init__(self) -> None:
        self.curated = alias_table(curated(), tagged=True)
        self._by_type: dict[str, list[str]] = {}
        self._by_sound: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for spelling, kind in self.known:
            self._remember(spelling, kind)

    def _remember(self, spelling: str, kind: str) -> None:
        self._by_type.setdefault(kind, []).append(spelling)
        self._by_sound.setdefault((kind, phonetic(spelling)), []).append(spelling)

    def _alike(self, k: str, kind: str) -> str | None:
        """A known spelling of this type that sounds like ``k``: the same coarse phonetic
        keys and a rapidfuzz ratio >= 80, or a ratio >= 90."""
        sound = phonetic(k)
        if sound:
            for spelling in self._by_sound.get((kind, sound), ()):
                if fuzz.ratio(k, spelling) >= 80:
                    return spelling
        best = process.extractOne(
            k, self._by_type.get(kind, []), scorer=fuzz.ratio, score_cutoff=90
        )
        return best[0] if best else None

    def link(self, surface: str, kind: str) -> tuple[str, str]:
        """(canonical name, type) for one mention seen alone."""
        name, kind, _ = self._link(surface, kind)
        return name, kind

    def _link(self, surface: str, kind: str) -> tuple[str, str, bool]:
        """(canonical name, type, whether the spelling started a new entity)."""
        k = key(surface)
        for table in (self.user, self.curated):
            if k in table:
                return (*table[k], False)
        where = place(k, kind)
        if where is not None:
            return where, "LOC", False
        if (k, kind) in self.known:
            return self.known[(k, kind)], kind, False
        alike = self._alike(k, kind) if len(k) > 3 else None
        name = self.known[(alike, kind)] if alike is not None else display(surface, k)
        self.known[(k, kind)] = name
        self._remember(k, kind)
        return name, kind, alike is None

    def link_video(self, found: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        """Link one video's (surface, type) mentions, people resolved within the video:
        a person's other spellings, and lone names the NER typed otherwise ("Kareem" as
        ORG) when they are new to the archive and close to a person named there."""
        linked = [self._link(s, t) for s, t in found]
        out = [(name, kind) for name, kind, _ in linked]
        people = [
            (i, key(s))
            for i, (s, t) in enumerate(found)
            if (t == "PER" and out[i][1] == "PER") or (linked[i][2] and " " not in key(s))
        ]
        people.sort(key=lambda p: -len(p[1].split()))  # full names first
        for n, (i, ki) in enumerate(people):
            for j, kj in people[:n]:
                if out[j][1] == "PER" and out[j][0] != out[i][0] and same_person_in_video(ki, kj):
                    if found[i][1] == "PER":  # a lone name typed otherwise stays local
                        self.known[(ki, "PER")] = out[j][0]
                    out[i] = out[j]
                    break
        return out
