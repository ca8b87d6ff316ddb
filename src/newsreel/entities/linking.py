"""Canonical entities: one per real-world thing, however the captions spelled it.

Pure logic. A mention's key is its folded text without a leading "the" or a trailing
"'s" (entities/spelling.py). It links, in order, to: a user alias (merge/split, stored in
the archive), a curated alias (aliases.toml), a place of the offline gazetteer
(entities/places.py: "Kairo" is Cairo, a country typed as a person is a place), a known
entity of the same type with that spelling, a listed person who sounds alike (names.toml,
entities/listed.py: "Kia Starmer" is Keir Starmer even where no caption spells him
right), a known entity of the same type that sounds alike (same coarse phonetic keys and
rapidfuzz ratio >= 80, or ratio >= 90), or, for people, another person named in the same
video ("Kareim Elari" / "aim Alwari" / "Kareem"); else a new entity.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from newsreel.entities.gender import given_name, other_sex
from newsreel.entities.listed import (
    ROYAL,
    NameList,
    everyday,
    frequency,
    people,
    rare,
    untitled,
)
from newsreel.entities.names import PARTICLES, SON_OF, club, majority
from newsreel.entities.places import demonym, landmark, minor_town, place
from newsreel.entities.spelling import first_sound, key, phonetic
from newsreel.errors import ConfigError

ALIASES = Path(__file__).with_name("aliases.toml")
_EDGE = re.compile(r"^\W+|\W+$")
_POSSESSIVE = re.compile(r"['’]s$")
REPEATED = 3  # a multi-word spelling heard this often is looked for in lower case too
ESTABLISHED = 5  # mentions after which a lone name's entity is not taken by a one-off
_KIND_ORDER = ("PER", "ORG", "LOC", "MISC")  # a fixed order: sets iterate by hash
_RUN_TOGETHER = 6  # letters a lone name needs to be a full name run together
_ORG_AS_PERSON = 70  # ratio a name typed as an organisation needs to be a listed person


@dataclass(frozen=True, slots=True)
class Curated:
    """A curated entity: canonical name, type, spellings (anywhere / only when tagged /
    exactly as written / anywhere in a video that names the entity / a city's name that
    is the club in a football video)."""

    name: str
    type: str
    aliases: tuple[str, ...]
    when_tagged: tuple[str, ...]
    as_written: tuple[str, ...] = ()
    when_named: tuple[str, ...] = ()
    in_football: tuple[str, ...] = ()


@cache
def _alias_file(path: Path) -> dict[str, Any]:
    """The curated alias file as TOML, read once per process (entries and ``[football]``)."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def curated(path: Path = ALIASES) -> tuple[Curated, ...]:
    """The curated alias file."""
    data = _alias_file(path)
    return tuple(
        Curated(
            e["name"],
            e["type"],
            tuple(key(a) for a in e.get("aliases", ())),
            tuple(key(a) for a in e.get("when_tagged", ())),
            tuple(e.get("as_written", ())),
            tuple(key(a) for a in e.get("when_named", ())),
            tuple(key(a) for a in e.get("in_football", ())),
        )
        for e in data.get("entity", [])
    )


@cache
def football_names(path: Path = ALIASES) -> frozenset[str]:
    """The curated names that make a video a football one (the alias file's
    ``[football]`` names)."""
    try:
        names = _alias_file(path).get("football", {}).get("names", [])
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError("[football] names must be a list of strings")
    except (OSError, UnicodeDecodeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"{path}: not a curated alias file ({exc})") from None
    return frozenset(names)


def alias_table(entries: Iterable[Curated], *, tagged: bool) -> dict[str, tuple[str, str]]:
    """Spelling key -> (canonical name, type); ``tagged`` adds the when-tagged and
    when-named spellings (what the linker resolves once something found them). The
    canonical name counts as a spelling too, but for an entity spelled only as written
    ("Google", not "just google it"): there only where something found it."""
    table: dict[str, tuple[str, str]] = {}
    for entry in entries:
        extra = (*entry.when_tagged, *entry.when_named) if tagged else ()
        for alias in (*entry.aliases, *extra):
            table[alias] = (entry.name, entry.type)
        written_only = entry.as_written and not (
            entry.aliases or entry.when_tagged or entry.when_named
        )
        if tagged or not written_only:
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


def _digits(k: str) -> str:
    return "".join(c for c in k if c.isdigit())


_SAID_WORD = 3.5  # English Zipf frequency from which a lone word is heard as itself


def _said_word(word: str) -> bool:
    """Whether a lone word is an English word heard often enough ("karma", 3.9; not
    "kama", "bernham") that sounding like a name no one listed is no evidence it is
    that name ("Karma" is no "Kim Karmama", a name heard once, said again)."""
    from wordfreq import zipf_frequency  # its lists load on first use

    return zipf_frequency(word, "en") >= _SAID_WORD


def _two_words_of_english(k: str, spelling: str) -> bool:
    """Whether two lone words, not the same, are both words or names English writes
    often (Zipf >= 3.25: "persian" / "parisian", "victor" / "victoria", "michael" /
    "michelle"): two words, not one heard twice ("rafa" / "rafah", "karim" / "kareem" may
    be), one word and its plural ("indian" / "indians") nor one name spelled two ways:
    alike at both ends ("steven" / "stephen"), one letter apart or letters swapped for
    others in a name as long ("sara" / "sarah", "ahmed" / "ahmad", "mohammed" /
    "muhammad"), unless the list gives the two names to a woman and a man ("andrew" /
    "andrea", "diane" / "diana")."""
    if " " in k or " " in spelling or k.removesuffix("s") == spelling.removesuffix("s"):
        return False
    if min(frequency(k), frequency(spelling)) < _ENGLISH_WORD:
        return False
    if other_sex(k, spelling):
        return True
    variant = (k[:3], k[-2:]) == (spelling[:3], spelling[-2:]) or (
        Levenshtein.distance(k, spelling) <= 1
        or (len(k) == len(spelling) and first_sound(k) == first_sound(spelling))
    )
    return not variant


_ENGLISH_WORD = 3.25


def same_person_in_video(a: str, b: str) -> bool:
    """Within one video, two spellings of one person: full names whose surnames and
    first names are close ("kareim elari" / "aim alwari", not "bill clinton" / "hillary
    clinton"; "mari rosen" / "muray rosen": one surname, first names of one sound), or a
    lone name close to the surname or another name of a full one ("alwari",
    "kareem"; not "ronaldinho" for "ronaldo"); a three-letter one only as the first name
    ("kir" for "keir starmer", "pep"; never two letters: "ed")."""
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return False
    if len(wa) > 1 and len(wb) > 1:
        surname = fuzz.ratio(wa[-1], wb[-1])
        if (
            len(wa[-1]) > 3
            and surname >= 90
            and wa[0][:1] == wb[0][:1]
            and phonetic(wa[0])
            and phonetic(wa[0]) == phonetic(wb[0])
        ):
            return True  # one surname, first names that sound alike: "Mari" / "Muray Rosen"
            # (first letters alike: "Diane" / "Tony Abbott", "Ben" / "Pam Stokes" are two)
        if len(wa) == len(wb) and wa[:-1] == wb[:-1] and clipped(wa[-1], wb[-1]):
            return True  # one first name, the surname cut short: "Steve Whit" / "Witkoff"
        return (
            len(wa[-1]) > 3
            and surname >= (70 if len(wa) == len(wb) else 85)
            and fuzz.ratio(wa[0], wb[0]) >= 60
            and fuzz.ratio(a, b) >= 70
        )
    lone, full = (wa[0], wb) if len(wa) == 1 else (wb[0], wa)
    if len(lone) == 3:  # a short first name, said as the full name's ("Kir" for Keir)
        return first_sound(lone) == first_sound(full[0]) and fuzz.ratio(lone, full[0]) >= 85
    if len(lone) < 3:
        return False
    if lone not in full and _said_word(lone) and people().match(" ".join(full)) is None:
        return False  # "Karma" is no "Kim Karmama", a name heard once, said again
    close = fuzz.ratio(lone, full[-1])
    surname = (
        (len(full) < 2 or full[-2] not in SON_OF)  # "Zayed" of "Mohamed bin Zayed": his father
        and 5 <= len(lone) <= len(full[-1]) + 1
        and first_sound(lone) == first_sound(full[-1])
        and (close >= 80 or (close >= 70 and first_sound(lone) == "V"))
    )
    return surname or any(
        fuzz.ratio(lone, w) >= 80
        and len(lone) <= len(w) + 1
        and first_sound(lone) == first_sound(w)
        for n, w in enumerate(full)
        if not (n and full[n - 1] in SON_OF)  # "Zayed" of "Mansour bin Zayed": the
    )  # father ("Sheikh Zayed")


CLIPPED_RARE = 3.0  # English Zipf under which a short surname is no name of its own
UNHEARD = 1.5  # English Zipf under which a long one is hardly ever written


def clipped(a: str, b: str) -> bool:
    """Whether one of two surnames is the other's start as captions hear a name cut
    short: three letters or more, two fewer at least, the same first letter, its coarse
    phonetic key (two sounds or more) the start of the longer one's, and one of the two
    no name English writes (the short one rare, Zipf < 3, or the long one hardly ever
    written, < 1.5): "sudd" / "sudworth", "whit" / "witkoff", "brown" / "breimemer";
    not "rea" / "rayner" (one sound), "smith" / "smart", "davey" / "davies", nor two
    people's names: "wood" / "woodward", "king" / "kingston", "hall" / "halliday")."""
    short, long = sorted((a, b), key=len)
    if len(short) < 3 or len(long) - len(short) < 2 or short[0] != long[0]:
        return False
    if frequency(short) >= CLIPPED_RARE and frequency(long) >= UNHEARD:
        return False
    heard, full = phonetic(short), phonetic(long)
    return (
        len(heard) == len(full) == 1
        and len(heard[0]) >= 2
        and len(heard[0]) < len(full[0])
        and full[0].startswith(heard[0])
    )


def first_alike(lone: str, full: str, tagged: str) -> bool:
    """Whether a lone word is said as the first name of a full name: one word, three
    letters or more, the first name's coarse phonetic key and a rapidfuzz ratio >= 85
    for a word the NER saw as a person ("kir" / "keir starmer", "yoland" / "yolande
    knell"; "kira" and "patty" are names of their own), >= 75 for one it saw as an
    organisation or a thing, no everyday word ("killian" / "kylian mbappe", "jaime" /
    "jamie carragher"; not "start" / "stuart ramsay"); never a place of the gazetteer or a
    word the NER saw as a place."""
    words = full.split()
    if tagged == "LOC" or " " in lone or len(words) < 2 or len(lone) < 3 or lone == words[0]:
        return False
    if fuzz.ratio(lone, words[0]) < (85 if tagged == "PER" else 75):
        return False
    if (tagged != "PER" and everyday(lone)) or place(lone, "LOC") is not None:
        return False  # "Start" is no Stuart Ramsay, "Roma" no Roman Abramovich, "Riad" Riyadh
    return bool(phonetic(lone)) and phonetic(lone) == phonetic(words[0])


def first_name_typed_otherwise(
    found: Sequence[tuple[str, str]], out: Sequence[tuple[str, str]], before: Sequence[str]
) -> list[tuple[str, str]]:
    """``out`` (what one video's ``found`` mentions link to) with a lone word the NER
    typed a place (or an organisation, if a given name) that is the first name of the one
    person of the video it opens, heard there in full twice or more, made that person:
    "Brooklyn" [LOC] beside "Brooklyn Beckham", "Regina" beside "Regina Basel"; never a
    country ("Jordan" beside Jordan Henderson) nor a place said as one, after "in", "at",
    "from"... (``before``: the folded word before each mention: "voters in Virginia"
    beside Virginia Foxx, "held in Florence" beside Florence Pugh)."""
    full: dict[str, Counter[str]] = {}
    for (surface, _), (name, kind) in zip(found, out, strict=True):
        words = untitled(key(surface)).split()
        if kind == "PER" and len(words) > 1:
            full.setdefault(words[0], Counter())[name] += 1
    linked = list(out)
    for i, (surface, tagged) in enumerate(found):
        k = key(surface)
        people = full.get(k)
        if not people or " " in k or out[i][1] == "PER" or before[i] in _PLACE_WORDS:
            continue
        if tagged != "LOC" and not (tagged == "ORG" and given_name(k)):
            continue  # "Tesla" beside "Tesla boss Elon Musk" stays the company
        (name, times), *others = people.most_common()
        if not others and times >= 2 and place(k, "PER") is None:
            linked[i] = (name, "PER")
    return linked


def own_spellings_joined(
    found: Sequence[tuple[str, str]], out: Sequence[tuple[str, str]], listed: Collection[str]
) -> list[tuple[str, str]]:
    """``out`` with a full name linked to an entity of its own spelling (no listed
    person's) that ``same_person_in_video`` finds the same as another spelling of the
    video, linked to another person heard in full more often there or named otherwise
    than as heard, made that person: "Chem Bedon" beside "Chem Bedonox", which the
    video's title made Kemi Badenoch after the video's people were linked (two spellings
    of their own stay apart: no telling which is right). Of several such people, the
    one heard in full most in the video."""
    heard: dict[str, set[str]] = {}
    times: Counter[str] = Counter()
    for (surface, _), (name, kind) in zip(found, out, strict=True):
        k = untitled(key(surface))
        if kind == "PER" and " " in k:
            heard.setdefault(name, set()).add(k)
            times[name] += 1
    linked = list(out)
    for i, (surface, _) in enumerate(found):
        k, (name, kind) = untitled(key(surface)), out[i]
        if kind != "PER" or " " not in k or key(name) != k or k in listed:
            continue
        alike = [
            other
            for other, spellings in heard.items()
            if other != name
            and (times[other] > times[name] or key(other) not in spellings)
            and any(same_person_in_video(k, s) for s in spellings)
        ]
        if alike:
            best = max(alike, key=lambda n: (times[n], n))
            linked[i] = (best, "PER")
    return linked


# words before a place said as one ("in Florence", "voters across Virginia")
_PLACE_WORDS = frozenset(
    "in at from to into across near around outside through throughout of via".split()
)


def _opening(
    people: Sequence[tuple[int, str]], out: Sequence[tuple[str, str]]
) -> dict[str, set[str]]:
    """First name -> the entities of a video's full-name people (index, key) it opens."""
    opening: dict[str, set[str]] = {}
    for j, k in people:
        if " " in k:
            opening.setdefault(k.split()[0], set()).add(out[j][0])
    return opening


def _a_place(k: str, listed: NameList) -> bool:
    """Whether a lone word the NER typed a place is one for the gazetteer: a country
    ("Ukraine"), or a town no listed person has for a surname ("Windsor", "Manama";
    not "Burnham", "Rubio": Andy Burnham, Marco Rubio)."""
    return place(k, "PER") is not None or (place(k, "LOC") is not None and k not in listed.surnames)


def _cased(surface: str) -> bool:
    """Whether a surface has a capital letter (its case is evidence of a name)."""
    return any(c.isupper() for c in surface)


def _heard_as_listed(k: str, tagged: str, listed_here: Sequence[str]) -> bool:
    """Whether a lone word, whatever the NER typed it as (not a place), may be a listed
    person the video names in full, heard by first name (``first_alike``) or by a
    surname alike in sound and letters (``same_person_in_video``: "Sarwart" beside Anas
    Sarwar, "Marron" beside Emmanuel Macron) or by the whole name said fast
    (``run_together``: "Shabbanammud" beside Shabana Mahmood); never an everyday word,
    a place of the gazetteer or a family ("the Obamas")."""
    if not listed_here or " " in k or tagged == "LOC" or everyday(k) or place(k, "LOC"):
        return False
    if any(k == f"{p.split()[-1]}s" for p in listed_here):
        return False  # "the Obamas": a family, not Barack Obama
    return any(
        first_alike(k, p, tagged) or same_person_in_video(k, p) or run_together(k, p)
        for p in listed_here
    )


def _listed_first_word(k: str, listed_here: Iterable[str]) -> bool:
    """Whether a name of two words or more, whatever the NER typed it as, opens on the
    first name of a listed person the video names ("Virginia Du Fray", typed as a
    place, beside Virginia Giuffre): it may be them, if its surname is alike too."""
    words = k.split()
    return len(words) > 1 and any(p.split()[0] == words[0] for p in listed_here)


def run_together(lone: str, full: str) -> bool:
    """Whether a lone word is a full name said fast, its words run together ("kalazia"
    for "khaleda zia", "kristar" for "keir starmer"): six letters or more, the same first
    sound, a ratio >= 75 to the whole name and closer to it than to any one of its words
    ("christopher" is no "christoph goltier")."""
    words = full.split()
    if len(words) < 2 or " " in lone or len(lone) < _RUN_TOGETHER:
        return False
    together = fuzz.ratio(lone, "".join(words))
    return (
        first_sound(lone) == first_sound(words[0])
        and together >= 75
        and together > max(fuzz.ratio(lone, w) for w in words)
    )


COMMON_GIVEN = 3.6  # the English Zipf frequency from which a first name is everyone's


def _by_surname(lone: str, full: str) -> bool:
    """Whether a lone name is closer to a full name's last word than to its first."""
    words = full.split()
    return len(words) > 1 and fuzz.ratio(lone, words[-1]) > fuzz.ratio(lone, words[0])


def _common_first_name(lone: str, full: str) -> bool:
    """Whether a lone name said beside a full one is its first name, not its surname,
    and a common one: linked in that video only, since it names many people elsewhere
    ("Tom" beside "Tom Friedman" is no Tom Friedman in every other video; "Stephanie"
    no Stephanie Hair). A rare first name ("Kylian", "Keir") stays the person's."""
    from wordfreq import zipf_frequency  # its lists load on first use

    words = full.split()
    if len(words) < 2 or lone == words[-1]:
        return False
    first = fuzz.ratio(lone, words[0]) > fuzz.ratio(lone, words[-1])
    return first and zipf_frequency(lone, "en") >= COMMON_GIVEN


def surname_in_lower_case(word: str, listed_person: bool) -> bool:
    """Whether a surname heard in lower case may still be its person's: five letters or
    more, no everyday word, and a listed person's or a word rare in English ("blatter",
    "streeting"; not "brown", nor "raffle" for a misheard, unlisted "Russ Raffle")."""
    return (
        len(word) >= 5 and word.isalpha() and not everyday(word) and (listed_person or rare(word))
    )


def _said_surname(lone: str, surnames: set[str], listed: NameList) -> bool:
    """Whether a lone word in lower case is a surname the video says in full that may be
    heard so (``surname_in_lower_case``: "blatter" beside "Sepp Blatter")."""
    return lone in surnames and surname_in_lower_case(lone, lone in listed.surnames)


def shortened(short: str, full: str) -> bool:
    """Whether full name ``short`` is ``full`` with its later words cut short, as
    captions hear a name said fast: "muhammad b sal" for "muhammad bin salman" (the
    same first word, as many words, each a start of the other's, the last of three
    letters or more)."""
    ws, wf = short.split(), full.split()
    return (
        len(ws) == len(wf) >= 2
        and short != full
        and ws[0] == wf[0]
        and len(ws[-1]) >= 3
        and all(f.startswith(w) for w, f in zip(ws[1:], wf[1:], strict=True))
    )


def video_local(k: str, name: str) -> bool:
    """Whether spelling ``k`` linked to person ``name`` is a link ``Linker.link_video``
    makes for one video only: a lone first name after a title joined to a full name
    ("prince mohammed" beside Mohammed bin Salman; not "prince harry", his own name,
    nor "president trump", a surname the list knows), a common first name ("henry"
    beside Henry Zeffman) or a listed person's first name heard alike and by no other
    rule ("killian" beside Kylian Mbappe; not "kareem" beside Kareim Elari, one person
    by ``same_person_in_video`` for good)."""
    lone, full = untitled(k), key(name)
    words = full.split()
    if " " in lone or len(words) < 2 or lone == words[-1]:
        return False
    if lone != k:
        return full != k and not full.startswith(f"{k} ")
    return _common_first_name(lone, full) or (
        first_alike(lone, full, "ORG")
        and not same_person_in_video(lone, full)
        and full in people().by_key
    )


def known_spellings(heard: Iterable[tuple[str, str, str, int]]) -> dict[tuple[str, str], str]:
    """(spelling key, type) -> the entity its latest mention links to, from (surface,
    type, name, latest transcript id) rows of the archive, leaving out the links made
    for one video only (``video_local``): a later run starts from the spellings as one
    run over the archive would have them, a spelling rebound ("Karma", later heard as
    Keir Starmer) as rebound, and "Henry" beside Henry Zeffman in one video no Henry
    Zeffman in the next run's."""
    latest: dict[tuple[str, str], tuple[int, bool, str]] = {}
    for surface, kind, name, last in heard:
        k = key(surface)
        if k and not (kind == "PER" and video_local(k, name)):
            # of one transcript, a spelling joined to another name ("rayna": Angela
            # Rayner) is the later link of the two, then the name last in order
            heard_as = (last, key(name) != k, name)
            latest[(k, kind)] = max(latest.get((k, kind), heard_as), heard_as)
    # people first: a spelling known as two types is held as the person ("Kstarma",
    # Keir Starmer, also an organisation of its own spelling), as the linker's types go
    order = sorted(latest, key=lambda spelled: (_kind_rank(spelled[1]), spelled[0]))
    return {spelled: latest[spelled][2] for spelled in order}


def _kind_rank(kind: str) -> int:
    """A type's place in ``_KIND_ORDER`` (an unknown one last)."""
    return _KIND_ORDER.index(kind) if kind in _KIND_ORDER else len(_KIND_ORDER)


@dataclass
class Linker:
    """Assigns canonical names to mentions, remembering what it has linked.

    ``known`` maps (spelling key, type) to a name; ``common`` holds the archive's common
    words (names.common_words), which never join an entity by sound. An entity is its
    name: one type (the majority of its mentions, a place's gazetteer type, a curated or
    user type), whatever type the NER gave each mention.
    """

    user: dict[str, tuple[str, str]]
    known: dict[tuple[str, str], str]  # (spelling key, type) -> canonical name
    common: frozenset[str] = frozenset()
    listed: NameList = field(default_factory=people)  # people in the news (names.toml)
    plain: frozenset[str] = frozenset()  # words the archive writes in lower case

    def __post_init__(self) -> None:
        self.curated = alias_table(curated(), tagged=True)
        self.curated_names = frozenset(name for name, _ in self.curated.values())
        self.ordinary = self.common | self.plain  # never a name heard alone by sound
        self._name: dict[str, str] = {}  # spelling key -> entity name
        self._first: dict[str, str] = {}  # entity name -> the first type it was given
        self._votes: dict[str, Counter[str]] = {}  # entity name -> its mentions' types
        self._fixed: dict[str, str] = {}  # entity name -> type set by user/curated/gazetteer
        self._by_type: dict[str, list[str]] = {}
        self._by_sound: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        self._by_surname: dict[tuple[str, ...], list[str]] = {}
        self._heard: Counter[str] = Counter()
        # multi-word spellings the archive repeats, found again where the NER misses them
        self.phrases: dict[str, tuple[str, str]] = {}
        for (spelling, kind), name in self.known.items():
            self._remember(spelling, name, kind)
            self._heard[spelling] = REPEATED

    def _remember(self, spelling: str, name: str, kind: str) -> None:
        if spelling in self._name:
            return
        self._name[spelling] = name
        self._first.setdefault(name, kind)
        self._votes.setdefault(name, Counter())[kind] += 1
        self._by_type.setdefault(kind, []).append(spelling)
        self._by_sound.setdefault((kind, phonetic(spelling)), []).append(spelling)
        words = spelling.split()
        if kind == "PER" and len(words) > 1:
            self._by_surname.setdefault(phonetic(words[-1]), []).append(spelling)

    def type_of(self, name: str) -> str:
        """An entity's one type: fixed by the user, the curated file or the gazetteer,
        else the type most of its mentions were given."""
        if name in self._fixed:
            return self._fixed[name]
        return majority(self._votes.get(name, Counter()), self._first.get(name, "MISC"))

    def _evidence(self, k: str, kind: str, surface: str, spelling: str) -> bool:
        """Whether spelling ``k`` may join the entity of the known ``spelling`` by sound:
        a capitalised (or model-cased) surface, not only common words, the entity's type;
        a lone name joins a person only if it starts with the same sound."""
        if not _cased(surface) or all(w in self.common for w in k.split()):
            return False
        if _digits(k) != _digits(spelling):
            return False  # "the 2030 World Cup" is no "2006 World Cup", "Channel 13" no 12
        if self.type_of(self._name[spelling]) != kind:
            return False
        if _two_words_of_english(k, spelling):
            return False  # "Persian" is no "Parisian", "Victor" no "Victoria"
        if kind == "PER":
            mine, theirs = k.split(), spelling.split()
            if first_sound(mine[-1]) != first_sound(theirs[-1]):
                return False
            if len(mine) > 1 and len(theirs) > 1 and first_sound(mine[0]) != first_sound(theirs[0]):
                return False  # "Bill Clinton" is not "Hillary Clinton"
        return True

    def _alike(self, k: str, kind: str, surface: str = "") -> str | None:
        """A known spelling of this type that sounds like ``k``: the same coarse phonetic
        keys and a rapidfuzz ratio >= 80, or a ratio >= 90, with evidence beyond sound."""
        surface = surface or k.title()
        sound = phonetic(k)
        if sound:
            # long names sounding the same may differ more in letters ("Zilinsky"/"Zalinski")
            floor = 75 if min(len(w) for w in k.split()) >= 6 else 80
            for spelling in self._by_sound.get((kind, sound), ()):
                if fuzz.ratio(k, spelling) >= floor and self._evidence(k, kind, surface, spelling):
                    return spelling
        words = k.split()
        if kind == "PER" and len(words) > 1:
            # a full name whose surname sounds the same and whose first name starts alike
            # ("Kia Starmer" / "Kier Starmer")
            for spelling in self._by_surname.get(phonetic(words[-1]), ()):
                theirs = spelling.split()
                if (
                    fuzz.ratio(words[-1], theirs[-1]) >= 85
                    and fuzz.ratio(words[0], theirs[0]) >= 50
                    and self._evidence(k, kind, surface, spelling)
                ):
                    return spelling
        for spelling, _, _ in process.extract(
            k, self._by_type.get(kind, []), scorer=fuzz.ratio, score_cutoff=90, limit=3
        ):
            if self._evidence(k, kind, surface, spelling):
                return str(spelling)
        return self._across(k, kind, surface, sound)

    def _across(self, k: str, kind: str, surface: str, sound: tuple[str, ...]) -> str | None:
        """A known spelling of another type that sounds like ``k``, the closest in letters:
        the NER's type of a misheard name is a guess. A curated entity alike in letters
        (ratio >= 80: "Gasprom" as a person is Gazprom, "Kovid" as an organisation
        COVID-19), or a name of two words or more (ratio >= 90: "Dash Beagle" as a person,
        "Desh Beagle" as an organisation); never a place of the gazetteer as anything
        but a place ("Netanya" is no Netanyahu, "Baden" no Biden)."""
        if not sound or demonym(k):
            return None  # "Qatari" is no Qatar
        best: tuple[float, str] | None = None
        a_place = place(k, "LOC") is not None
        for other in _KIND_ORDER:
            if other == kind or (a_place and other != "LOC"):
                continue
            for spelling in self._by_sound.get((other, sound), ()):
                ratio = fuzz.ratio(k, spelling)
                several = " " in k and " " in spelling
                if (
                    (
                        (ratio >= 80 and self._name[spelling] in self.curated_names)
                        or (ratio >= 90 and several)
                    )
                    and (best is None or ratio > best[0])
                    and self._evidence(k, other, surface, spelling)
                ):
                    best = (ratio, spelling)
        return best[1] if best else None

    def _listed(self, k: str, kind: str, surface: str) -> str | None:
        """The listed person (names.toml) a mention names: by its exact key whatever its
        type, by sound when it was tagged as a person (or, for a full name that is no
        known place, as an organisation or place: "Kia Starmmer"), with a capital letter
        and is neither only common words nor a word the archive writes in lower case."""
        listed = self.listed
        if k in listed.by_key:
            return listed.by_key[k].name
        if (
            kind == "MISC"
            or (kind != "PER" and len(k.split()) < 2)
            or (kind == "LOC" and place(k, kind) is not None)
            or (landmark(k) and not listed.first_name(k.split()[0]))  # "Wall Street" is
            # no Wes Streeting; "Wes Street" may be
            or demonym(k)  # "Syrian" is no Ferran Soriano
            or not _cased(surface)
            or all(w in self.common for w in k.split())
            or k in self.plain
        ):
            return None
        person = listed.match(k)
        if person is None or (kind != "PER" and fuzz.ratio(k, person.key) < _ORG_AS_PERSON):
            return None  # "Red Cross" is no "Rafael Grossi"
        curated_as = self.curated.get(person.key)  # "Sheikh Mansour", curated in full
        return curated_as[0] if curated_as is not None else person.name

    def link(self, surface: str, kind: str) -> tuple[str, str]:
        """(canonical name, type) for one mention seen alone."""
        name, kind, _ = self._link(surface, kind)
        return name, kind

    def _link(self, surface: str, kind: str) -> tuple[str, str, bool]:
        """(canonical name, type, whether the spelling started a new entity)."""
        name, kind, new = self._resolve(surface, kind)
        k = key(surface)
        self._heard[k] += 1
        if self._heard[k] >= REPEATED and self._phrase(k, surface):
            self.phrases[k] = (name, kind)
        return name, kind, new

    def _phrase(self, k: str, surface: str) -> bool:
        """Whether a spelling, heard often enough, is looked for in lower case too: of
        several words, capitalised, not only common words."""
        return (
            " " in k
            and k not in self.phrases
            and _cased(surface)
            and not all(w in self.common or w in PARTICLES for w in k.split())
        )

    def learn_phrases(self, heard: Iterable[tuple[str, str, str, int]]) -> None:
        """Look from the start of a run for the organisations' and places' spellings the
        archive has heard often ((surface, canonical name, type, mentions)): a run of a
        day's videos finds "house of lords" in lower case before it has linked "House of
        Lords" again, as a run over the whole archive would once it had. People are left
        to the run: their lone names are joined by the order of evidence."""
        counts: Counter[str] = Counter()
        found: dict[str, tuple[str, str, str]] = {}
        for surface, name, kind, mentions in heard:
            if kind in ("ORG", "LOC") and _cased(surface):
                k = key(surface)
                counts[k] += mentions  # "House of Lords" and "house of Lords" alike
                found.setdefault(k, (surface, name, kind))
        for k, mentions in counts.items():
            surface, name, kind = found[k]
            if mentions >= REPEATED and self._phrase(k, surface):
                self.phrases[k] = (name, kind)

    def _resolve(self, surface: str, kind: str) -> tuple[str, str, bool]:
        k = key(surface)
        for table in (self.user, self.curated):
            if k in table:
                name, fixed = table[k]
                self._fixed[name] = fixed
                self._remember(k, name, fixed)  # a misheard "Gaspron" may join it by sound
                return name, fixed, False
        words = k.split()
        if kind in ("LOC", "ORG") and self._first_name_alone(k):
            kind = "PER"  # "Adam" (a presenter) as a place, "Justin" as an organisation
        where = place(k, kind)
        if where is None and club(k, place(" ".join(words[:-1]), "LOC") is not None):
            kind = "ORG"  # "Manchester City": a club named after its city
        elif where is not None:
            self._fixed[where] = "LOC"
            return where, "LOC", False
        if k in self._name:
            name = self._name[k]
            self._votes.setdefault(name, Counter())[kind] += 1
            return name, self.type_of(name), False
        person = self._listed(k, kind, surface)
        if person is not None:
            self._fixed[person] = "PER"
            self._remember(k, person, "PER")
            self.known[(k, "PER")] = person
            return person, "PER", False
        alike = self._alike(k, kind, surface) if len(k) > 3 else None
        name = self._name[alike] if alike is not None else display(surface, k)
        self._remember(k, name, kind)
        self.known[(k, kind)] = name
        return name, self.type_of(name), alike is None

    def _first_name_alone(self, k: str) -> bool:
        """Whether a lone word is a listed person's first name and nothing else the
        linker knows: no place of the gazetteer but a small town ("Jordan", "Victoria";
        "Gary", "Adam" and "David" are towns too), no curated name, no listed surname, no
        known spelling of another type."""
        return (
            " " not in k
            and self.listed.first_name(k)
            and k not in self.listed.surnames
            and (place(k, "LOC") is None or minor_town(k))
            and k not in self.curated
            and not any((k, kind) in self.known for kind in ("LOC", "ORG", "MISC"))
        )

    def rebind(self, k: str, name: str) -> None:
        """From now on spelling ``k`` means entity ``name`` (a person named in full)."""
        self._name[k] = name
        self.known[(k, "PER")] = name

    def _same_first(self, ki: str, kj: str, name: str) -> bool:
        """Whether full name ``ki`` is the listed person ``name`` named in full as ``kj``
        in the same video by a first name only that person has on the list and a surname
        of the same first sound and close in letters ("Angela Raina" beside "Angela
        Rayner"; not "Angela Richardson", nor "Jeffrey Robinson" beside Jeffrey Epstein)."""
        wi, wj = ki.split(), kj.split()
        if len(wi) < 2 or len(wj) < 2 or wi[0] != wj[0]:
            return False
        person = self.listed.own_first(wi[0])
        if person is None or person.name != name:
            return False
        mine, theirs = "".join(wi[1:]), "".join(wj[1:])  # a surname alike in sound and letters
        return first_sound(mine) == first_sound(theirs) and fuzz.ratio(mine, theirs) >= 50

    def _heard_times(self, name: str) -> int:
        """How many mentions entity ``name`` has had so far."""
        return sum(self._votes.get(name, Counter()).values())

    def _known_by_surname(self, lone: str, held: str, said: Counter[str], full: str) -> bool:
        """Whether a lone name is the surname a listed person is known by alone, linked
        to them, and said more often in the video than the full name beside it: it stays
        theirs ("Trump", nine times beside three "Ivana Trump", is Donald Trump; one
        "Epstein" beside two "Sarah Epstein" is hers)."""
        person = self.listed.alone(lone)
        return person is not None and person.name == held and said[lone] > said[full]

    def _may_leave(self, held: str, full: str) -> bool:
        """Whether a name linked to entity ``held`` may join ``full`` of its video: not
        a listed person's for one off the list ("Al-Khalifi", linked to Nasser
        Al-Khelaifi, stays his beside a heard "Al Khalifi")."""
        return key(held) not in self.listed.by_key or key(full) in self.listed.by_key

    def _first_name_here(
        self, lone: str, k: str, names: tuple[str, str], opening: Mapping[str, set[str]]
    ) -> bool:
        """Whether a lone common first name, linked to ``names[0]``, may join the full
        name ``names[1]`` (spelled ``k``) of its video, the one person there it opens,
        however often the archive heard it alone: a first name is no one across videos
        ("Chris" beside "Chris Ward" is his here; not beside "Chris Ward" and "Chris
        Hume"), but one linked to a listed person stays theirs ("Trump" is no "Trump
        White House")."""
        held, full = names
        return (
            len(opening.get(lone, ())) == 1
            and _common_first_name(lone, k)
            and self._may_leave(held, full)
        )

    def _may_take(self, full: str, held: str) -> bool:
        """Whether a full name of the video may take a lone name the archive already
        links to entity ``held``: only a full name heard more than once, where ``held``
        is established ("Epstein" stays Jeffrey Epstein beside a one-off "Andrew
        Epstein"; "Karma" stays Keir Starmer beside "Kim Karmama")."""
        return self._heard_times(held) < ESTABLISHED or self._heard_times(full) >= 2

    def link_video(self, found: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
        """Link one video's (surface, type) mentions, people resolved within the video:
        a person's other spellings, and lone names the NER typed otherwise ("Kareem" as
        ORG) when they are new to the archive or exactly a surname named there."""
        linked = [self._link(s, t) for s, t in found]
        out = [(name, kind) for name, kind, _ in linked]
        surnames = {
            key(s).split()[-1]
            for (s, _), (_, kind) in zip(found, out, strict=True)
            if kind == "PER" and " " in key(s)
        }
        said = Counter(untitled(key(s)) for s, _ in found)
        named_here = {  # the listed people the video names: key -> their entity
            key(name): name
            for name, kind in out
            if kind == "PER" and key(name) in self.listed.by_key
        }
        listed_here = sorted(named_here)
        people = [  # titles dropped: "Prince Mohammed" is the video's Mohamed bin Salman
            (i, untitled(key(s)))
            for i, (s, t) in enumerate(found)
            if (t == "PER" and out[i][1] == "PER")
            or ((linked[i][2] or key(s) in surnames) and " " not in key(s))
            or (_cased(s) and _heard_as_listed(key(s), t, listed_here))
        ]
        # full names first; of names as long, listed people first ("Alex Pretty", linked
        # to the listed Alex Pretti, takes in "Alex Prey", not the other way round)
        # and, of those, the longer spelling first ("Muhammad bin Salman", then "Muhammad B Sal")
        people.sort(
            key=lambda p: (
                -len(p[1].split()),
                key(out[p[0]][0]) not in self.listed.by_key,
                -len(p[1]),
            )
        )
        owners = Counter(k.split()[-1] for k in {k for _, k in people if " " in k})
        named = {surname for surname, n in owners.items() if n == 1}  # one person's, in full
        opening = _opening(people, out)
        for n, (i, ki) in enumerate(people):
            lone = " " not in ki
            cased = _cased(found[i][0]) or _said_surname(ki, named, self.listed)
            if lone and (ki in self.common or not cased):
                continue  # a common word ("Karma") never joins a person; "blatter" beside
                # "Sepp Blatter" may
            if lone and found[i][1] == "LOC" and _a_place(ki, self.listed):
                continue  # a place the NER saw as one ("Ukraine", "Windsor") is no "Bours
                # Ukraine", no "Andrew Mountbatten Windsor"
            if lone and demonym(ki):
                continue  # a people ("Brits") is no person ("Boris Johnson")
            written = key(found[i][0])
            # a listed person named as listed ("Prince Andrew") is no other listed person
            # of the video ("Andrew Bailey"), whatever the title drops
            as_listed = written in self.listed.by_key and key(out[i][0]) == written
            royal = written.split()[0] in ROYAL and lone
            for j, kj in people[:n]:
                if royal and _by_surname(ki, kj) and key(found[j][0]).split()[0] not in ROYAL:
                    continue  # "Prince William" is no "Melary Williams" ("Prince Mohammed"
                    # may be Mohammed bin Salman: royals go by their first names)
                if out[j][1] != "PER" or out[j][0] == out[i][0]:
                    continue
                if as_listed and key(out[j][0]) in self.listed.by_key:
                    continue
                listed_name = key(out[j][0])  # "Steve Whit" beside "Steve Wickoff",
                # whom the video links to the listed Steve Witkoff: as listed, too
                by_name = self._same_in_video(ki, kj, out[i][0], out[j][0]) or (
                    not lone
                    and listed_name != kj
                    and listed_name in self.listed.by_key
                    and self._same_in_video(ki, listed_name, out[i][0], out[j][0])
                )
                by_first = (  # "Killian" beside Kylian Mbappe: his, in this video only
                    lone
                    and not by_name
                    and key(out[j][0]) in named_here
                    and first_alike(ki, key(out[j][0]), found[i][1])
                )
                if (
                    (by_name or by_first)
                    and (
                        linked[i][2]
                        or not lone
                        or self._may_take(out[j][0], out[i][0])
                        or self._first_name_here(ki, kj, (out[i][0], out[j][0]), opening)
                    )
                    and not (lone and self._known_by_surname(ki, out[i][0], said, kj))
                ):
                    titled = ki != key(found[i][0])
                    local = titled or by_first or (lone and _common_first_name(ki, kj))
                    if not local and (found[i][1] == "PER" or ki in surnames):
                        self.rebind(ki, out[j][0])
                    out[i] = out[j]
                    break
        self._typed_otherwise(found, out, named_here)
        new = {key(s) for (s, _), ln in zip(found, linked, strict=True) if ln[2]}
        return self._heard_nearby(found, out, new)

    def _typed_otherwise(
        self,
        found: Sequence[tuple[str, str]],
        out: list[tuple[str, str]],
        named_here: Mapping[str, str],
    ) -> None:
        """A name of two words or more the NER typed as no person (or as a person of
        its own spelling, linked to no one else) that opens on the first name of a
        listed person the video names, with a surname alike to theirs as listed or as
        the video says it (``_same_first``; ``same_person_in_video`` for no person), is
        that person, in this video: "Khabib Namag Medov" [ORG] beside Khabib
        Nurmagomedov; "Virginia Du Fray" [LOC] beside "Virginia Dufrey", whom the video
        links to Virginia Giuffre; not "Daniel Laral" beside Daniela Relph (another
        first name)."""
        said: dict[str, set[str]] = {}
        for (surface, _), (name, kind) in zip(found, out, strict=True):
            if kind == "PER" and " " in key(surface):
                said.setdefault(name, set()).add(untitled(key(surface)))
        for i, (surface, _) in enumerate(found):
            ki = untitled(key(surface))
            if not _listed_first_word(ki, named_here):
                continue
            person = out[i][1] == "PER"
            if person and (key(out[i][0]) in self.listed.by_key or key(out[i][0]) != ki):
                continue  # a person already linked to a name other than its own spelling
            for listed, name in sorted(named_here.items()):
                spellings = [listed, *sorted(said.get(name, set()) - {listed})]
                if any(
                    self._same_first(ki, kj, name) or (not person and same_person_in_video(ki, kj))
                    for kj in spellings
                ):
                    out[i] = (name, "PER")
                    break

    def _same_in_video(self, ki: str, kj: str, held: str, full: str) -> bool:
        """Whether spelling ``ki`` (linked to ``held``) names the person ``full`` spelled
        ``kj`` in the same video (same_person_in_video, _same_first, shortened, run_together)."""
        return (
            same_person_in_video(ki, kj)
            or self._same_first(ki, kj, full)
            or shortened(ki, kj)
            or (run_together(ki, kj) and self._may_leave(held, full))
        )

    def _heard_nearby(
        self, found: Sequence[tuple[str, str]], out: list[tuple[str, str]], new: set[str]
    ) -> list[tuple[str, str]]:
        """A spelling new to the archive that sounds like another entity's spelling in
        the same video joins it, whatever types the NER gave them ("Gaspron" [PER] beside
        "Gazprom", "saudy" beside "Saudi"): the video is the evidence beyond sound. Only
        spellings of five letters or more, no common or lower-case word of the archive,
        no demonym, the same first sound, digits and coarse phonetic key, and a rapidfuzz
        ratio >= 70; the closest in letters wins. A place takes only what the NER saw as
        a place ("Davis" is no Davos)."""
        heard: dict[str, set[str]] = {}
        for (surface, _), (name, _) in zip(found, out, strict=True):
            heard.setdefault(name, set()).add(key(surface))
        for i, (surface, tagged) in enumerate(found):
            k = key(surface)
            if k not in new or not self._may_sound(k, surface):
                continue
            sound, first, digits = phonetic(k), first_sound(k), _digits(k)
            best: tuple[float, str] | None = None
            for name in sorted(heard):
                if (
                    name == out[i][0]
                    or heard[name] <= new
                    or (tagged != "LOC" and self.type_of(name) == "LOC")
                ):
                    continue  # another new spelling; a place takes only places ("Davis")
                for other in heard[name]:
                    ratio = fuzz.ratio(k, other)
                    if (
                        ratio >= 70
                        and not demonym(other)  # "Qatars" is no "Qatari"
                        and (best is None or ratio > best[0])
                        and phonetic(other) == sound
                        and first_sound(other) == first
                        and _digits(other) == digits
                    ):
                        best = (ratio, name)
            if best is not None:
                out[i] = (best[1], self.type_of(best[1]))
        return out

    def _may_sound(self, k: str, surface: str) -> bool:
        """Whether a spelling may join another entity by sound at all."""
        return (
            len(k.replace(" ", "")) >= 5
            and _cased(surface)
            and not all(w in self.ordinary or w in PARTICLES for w in k.split())
            and not demonym(k)
        )
