"""People in the news (names.toml): misheard caption names linked to a listed spelling.

Pure logic apart from reading the list once. A mention whose words sound like a listed
person's links to that person, even where the archive never heard the right spelling:

* a full name: the surnames start with the same sound and are close (rapidfuzz ratio
  >= 80, or the same coarse phonetic key and ratio >= 60, or the mention's key is the
  listed one without its final "r", as a non-rhotic accent says "Starma" for "Starmer")
  and the first names start with the same sound or are close (ratio >= 60: "Christy" /
  "Kristi"); leading titles ("Prince", "Sir") are ignored;
* a lone word: a listed surname heard alone (``surname`` list, held by no other listed
  person and no listed first name) as it is, or, from five letters, with the same first
  letter and phonetic key (or lacking only the final "r") and ratio >= 75 (60 from seven
  letters, not hyphenated: "Zalinski"; 87 for a one-word name: "Fabino" is Fabinho,
  "Fabian" and "Fabiano" are not; past a shared "al-", the rest alike: "al-Sadd" is
  no al-Assad), or a listed full name run together (ratio >= 80, same first letter,
  phonetic keys close: "Kstarmmer", not "Christmas"), unless the word is itself a
  listed first name or surname ("Georgie" is not "Georgieva", "Keane" not "Kane");
* a surname listed with "al-" is also heard without it, as it is only ("Assad"), and
  a name run together may lack the r's a non-rhotic accent drops ("Anasawa");
* a first name only one listed person has is enough with a surname close in letters
  ("Nomia Kbal") or the start of the surname ("Ursula von"), or, said as it is listed,
  with a rare surname of five letters or more and ratio >= 50 whatever its first sound
  ("Kylian Abapi", "Axel Vitzell", "Jamal Tashaki"); another listed person's first name
  is no mishearing ("Gareth Bale" is no Jonathan Beale); such a first name heard
  alike (the same first letter and coarse phonetic key, no listed first name or everyday
  word) goes with a rare surname of its surname's first letter alike in letters, the
  whole name alike too ("Kemmy Bnock", "Kem Benedok": Kemi Badenoch);
* a function word is never a first name ("and Murray" is not Andy Murray);
* after a royal title ("Prince", "Sheikh"), a lone word names a listed person only as it
  is listed ("Prince Rainier" is no Angela Rayner);
* the candidate with the highest ratio over the whole name wins.

Phonetic keys drop a vowel's glides (w, h, y after the first sound: "Bose" / "Bowes";
``spelling.phonetic``).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from newsreel.entities.gender import given_name
from newsreel.entities.names import NAME_PARTICLES, SON_OF
from newsreel.entities.spelling import first_sound, key, phonetic
from newsreel.errors import ConfigError
from newsreel.text import STOPWORDS

NAMES = Path(__file__).with_name("names.toml")
SPORT_NAMES = Path(__file__).with_name("names_sport.toml")  # read after NAMES
TITLES = frozenset(
    "sir dame lord lady prince princess king queen sheikh president prime minister "
    "senator governor chancellor secretary general dr doctor mr mrs ms miss mister "
    "judge justice pope crown emir".split()
)
TITLES_AND_NAMES = frozenset({"amir", "sultan"})  # titles that are names too ("Amir Khan")
ROYAL = frozenset("prince princess king queen crown sheikh emir".split())
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})  # after a name ("Neymar Jr")
_FEW_NAMESAKES = 3  # listed people a first name may share and still tell one apart
_NAMESAKE_RATIO = 75  # a surname that close in letters to one namesake's is theirs
_MIN_ALONE = 4  # letters of a surname heard alone as it is listed
_MIN_SOUND = 5  # letters of a lone word heard as a listed surname it sounds like
_ONE_NAME = 87  # ratio a lone word needs to be a one-word name by sound ("Fabino";
# "Fabiano", 86, is a name of its own)
_LONG = 7  # a lone word this long may differ more in letters ("Zalinski", "Zelensky")
_NEARER = 70  # a listed surname this close in letters, of other sounds, leaves the word
# no one's by sound: "Sarawir" (Sarwar, 77) is no Gideon Saar (73)
_OWN_FIRST_RATIO = 50  # a surname said after a first name only one listed person has
_ALIKE_SURNAME = 45  # a rare surname said after a first name heard like one person's
_ALIKE_NAME = 62  # ... and the whole name so heard
_OTHERS = 70  # ratio under which another listed person's surname is theirs, not misheard


@dataclass(frozen=True, slots=True)
class Person:
    """A listed person: display name, key, surname key, whether heard by surname alone."""

    name: str
    key: str
    surname: str
    by_surname: bool


_PARTICLE = re.compile(r"\b([od])'? (?=\w)")


_ARTICLE_APART = re.compile(r"\b(al|el) (?=\w)")
_ARTICLE_JOINED = re.compile(r"\b(al|el)-(?=\w)")


def article_forms(k: str) -> list[str]:
    """A name key's other ways of writing an Arabic article: "hassan al thawadi" and
    "hassan al-thawadi" are one name, as lists and captions write either; only a name of
    a first name, the article and one more word ("al taun" alone, or a longer "salman bin
    abdulaziz al-saad", stays as it is heard)."""
    apart = _ARTICLE_JOINED.sub(r"\1 ", k)
    words = apart.split()
    if len(words) != 3 or words[1] not in ("al", "el"):
        return []
    return sorted({_ARTICLE_APART.sub(r"\1-", k), apart} - {k})


def squash(k: str) -> str:
    """A name key with an "O'" or "D'" the captions wrote apart joined to the name after
    it, as names are listed ("gary o donahue", "gary o' donahue" -> "gary o'donahue")."""
    return _PARTICLE.sub(r"\1'", k)


def surname(k: str) -> str:
    """The surname of a name key (no "Jr."/"III" suffix)."""
    words = [w for w in k.split() if w not in NAME_SUFFIXES]
    return words[-1] if words else ""


def untitled(k: str) -> str:
    """A name key without leading titles ("prince mohammed bin salman")."""
    words = k.split()
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return " ".join(words)


def same_sounds(heard: str, listed: str) -> bool:
    """Whether two words have the same coarse phonetic key, or the heard one lacks only
    the listed one's final "r" ("Starma" / "Starmer")."""
    mine, theirs = phonetic(heard), phonetic(listed)
    if not mine or not theirs:
        return False
    return mine == theirs or (len(listed) > 4 and mine[0] + "R" == theirs[0])


def _sounds_close(a: str, b: str) -> bool:
    """Whether two words' coarse phonetic keys are close (ratio >= 88) or the same but
    for the r's (and w's after them) a non-rhotic accent drops: "Kstarmmer" and
    "Keirstarmer" (KSTRNR, KRSTRNR), "Anasawa" and "Anassarwar" (ANS, ANSRWR); not
    "Christmas" and "Chrismason" (XRSTNS, XRSNSN)."""
    mine, theirs = phonetic(a), phonetic(b)
    if not (mine and theirs):
        return False
    return fuzz.ratio(mine[0], theirs[0]) >= 88 or _unrhotic(mine[0]) == _unrhotic(theirs[0])


def _alike_but_rs(a: str, b: str) -> bool:
    """Whether two words have one coarse phonetic key once their r's are dropped, two
    sounds at least ("Silver" / "Silva": SLF)."""
    mine, theirs = phonetic(a), phonetic(b)
    if not (mine and theirs):
        return False
    return len(_unrhotic(mine[0])) >= 2 and _unrhotic(mine[0]) == _unrhotic(theirs[0])


def _first_name_then_other(heard: str, person: Person) -> bool:
    """Whether a heard word opens with a listed person's whole first name and goes on
    unlike the rest of their name: "Chrissy" is Chris, no Chris Wray run together
    ("Kirstarmer" may be Keir Starmer, "Kimjongun" Kim Jong Un)."""
    first, *others = person.key.split()
    rest = heard[len(first) :]
    return heard.startswith(first) and fuzz.ratio(rest, "".join(others)) < 50


def _same_unrhotic(heard: str, listed: str) -> bool:
    """Whether a heard word sounds like a listed one said without some of its r's
    ("Kestama" and "Keirstarmer": KSTN; not "Katari" for "Kateadie", which has none)."""
    mine, theirs = phonetic(heard), phonetic(listed)
    if not (mine and theirs):
        return False
    fewer = mine[0].count("R") < theirs[0].count("R")
    return fewer and _unrhotic(mine[0]) == _unrhotic(theirs[0])


def _unrhotic(sounds: str) -> str:
    return sounds.replace("RW", "R").replace("R", "")


def close_surnames(heard: str, listed: str) -> bool:
    """Whether a heard surname is like a listed one: the same first sound and a rapidfuzz
    ratio >= 80, or >= 60 with the same sounds (>= 50 for a surname of four letters or
    fewer: "Huck" / "Huq"); "John Kerry" is not "John Terry"."""
    if first_sound(heard) != first_sound(listed):
        return False
    ratio = fuzz.ratio(heard, listed)
    near = 50 if min(len(heard), len(listed)) <= 4 else 60  # "Huck" / "Huq"
    return ratio >= 80 or (ratio >= near and same_sounds(heard, listed))


def _near_in_full(first_heard: str, first: str, heard: str, last: str) -> bool:
    """Whether a full name is a listed one misheard a little in both halves: a first name
    close in letters (ratio >= 80) and a surname of the same first sound nearly so (>= 75,
    five letters or more): "Alexi Navali" (Alexei Navalny), "Jack Nicholas" (Jack
    Nicklaus); not "Jordan Smith" for Jordan Spieth (55)."""
    return (
        min(len(heard), len(last)) >= 5
        and fuzz.ratio(first_heard, first) >= 80
        and first_sound(heard) == first_sound(last)
        and fuzz.ratio(heard, last) >= 75
    )


def _sir_run_in(heard: str, first: str) -> bool:
    """Whether a word is "Sir" run into a short first name, the rest a little misheard:
    "s" and a vowel, then the first name's first letter, no longer than it and three
    letters, in a word rare in English ("saky", "sekir" for "Sir Keir"; not "sally",
    "sandy" (Nicola), "sammy" (Mark), "sajid", "sian"), and never a title listed as a
    first name ("King Salman")."""
    rest = heard[2:]
    return (
        first not in TITLES  # "Sakir Stalman" is no King Salman
        and heard[1:2] in ("a", "e", "i", "o", "u")
        and 2 <= len(rest) <= len(first) + 1
        and rest[:1] == first[:1]
        and rare(heard)  # a name of its own ("Sandy", "Sammy") is no "Sir"
    )


def _close_first(heard: str, listed: str, *, strict: bool = False) -> bool:
    """Whether a heard first name may be a listed one: close in letters (ratio >= 70, or
    >= 60 with the same first sound: "Revette" / "Yvette", not "Tarik" / "Karim"), the
    same sounds, or a short form ("Mo" / "Mohamed"); "Emma" is not "Iain" although both
    start with a vowel; ``strict`` (a surname others share) asks 65 with the same first
    sound: "Bruno" is no Bernardo Silva. (People known by a distinctive surname need only
    the same first sound and 40 in letters: "Kia" / "Keir" Starmer, not "Cedric" /
    "Cindy" McCain.)"""
    ratio = fuzz.ratio(heard, listed)
    near = 65 if strict else 60  # a shared surname needs more: "Bruno" is no Bernardo Silva
    if ratio >= 70 or (ratio >= near and first_sound(heard) == first_sound(listed)):
        return True  # "Revette" is Yvette; "Tarik" is no "Karim" (60, another first sound)
    if same_sounds(heard, listed):
        return True
    short, full = sorted((heard, listed), key=len)
    return len(short) >= 2 and full.startswith(short)


class NameList:
    """Listed people, looked up by a mention key."""

    def __init__(self, people: list[Person]) -> None:
        self.people = people
        self.by_key = {p.key: p for p in people}
        self._surnames = [p.surname for p in people]
        # what a two-word name is heard against: each surname, and the first of a double
        # surname ("Barbara Plett" of Barbara Plett Usher), with the key it is scored on
        halves = Counter(" ".join(p.key.split()[:2]) for p in people if len(p.key.split()) == 3)
        self._heard_as = [(p.surname, p.key, p) for p in people] + [
            (w[1], f"{w[0]} {w[1]}", p)
            for p in people
            if _double_surname(w := p.key.split()) and halves[f"{w[0]} {w[1]}"] == 1
        ]
        self._sounds = [s for s, _, _ in self._heard_as]
        firsts = {p.key.split()[0] for p in people}
        self._firsts = firsts
        self._firsts_keys = sorted(firsts)
        self._by_first: dict[str, list[Person]] = {}  # people of two names or more
        for p in people:
            if " " in p.key:
                self._by_first.setdefault(p.key.split()[0], []).append(p)
        self._first_count = {first: len(named) for first, named in self._by_first.items()}
        self._own_first = {  # first names only one listed person has ("ursula")
            first: p
            for p in people
            if " " in p.key
            and len(first := p.key.split()[0]) >= 4
            and self._first_count[first] == 1
        }
        shared = Counter(p.surname for p in people)  # namesakes of either list
        self._alone = {
            p.surname: p
            for p in people
            # a one-word name ("Fabinho") is its own first word, not another's first name
            if p.by_surname and shared[p.surname] == 1 and p.surname not in self._first_count
        }
        self._bare = {  # "al-Assad" heard "Assad": as it is only, never by sound ("sharia")
            bare: p
            for p in self._alone.values()
            if (bare := p.surname.removeprefix("al-")) != p.surname
            and len(bare) >= _MIN_ALONE
            and not (bare in firsts or shared[bare])
        }
        self._alone_keys = list(self._alone)
        self._bare_keys = list(self._bare)
        self._joined = {p.key.replace(" ", ""): p for p in people if " " in p.key}
        self._joined_keys = list(self._joined)
        # lone words that are a listed name already: never heard as another surname
        self._own = set(self._surnames) | firsts
        self._memo: dict[str, Person | None] = {}
        self.words = frozenset(w for p in people for w in p.key.split())  # "brown", "salman"
        self.surnames = frozenset(self._surnames)  # "jordan" of Michael Jordan, were he listed

    def first_name(self, word: str) -> bool:
        """Whether a word is a listed person's first name ("wes")."""
        return word in self._firsts

    def _first_heard(self, k: str) -> float | None:
        """How close a lone word is to a listed first name (rapidfuzz ratio >= 75), if
        it is: one closer to a first name than to a surname it sounds like is no one by
        sound ("Killian" is no Zoe Kleinman). It names no one by the first name either:
        "Karmama" is no Kamala Harris."""
        found = process.extractOne(k, self._firsts_keys, scorer=fuzz.ratio, score_cutoff=75)
        return float(found[1]) if found is not None else None

    def heard_in_full(self, first: str, heard: str) -> Person | None:
        """The listed person of two names whose first name is ``first`` and whose surname
        ``heard`` may be, misheard (the same first sound, a ratio >= 75: "eddie" + "how"
        is Eddie Howe), the closest; None if none is."""
        best: tuple[float, Person] | None = None
        for p in (p for p in self._by_first.get(first, ()) if len(p.key.split()) == 2):
            last = p.key.split()[1]
            ratio = fuzz.ratio(heard, last)
            if (
                len(heard) >= 3
                and ratio >= 75
                and first_sound(heard) == first_sound(last)
                and (best is None or ratio > best[0])
            ):
                best = (ratio, p)
        return best[1] if best else None

    def own_first(self, first: str) -> Person | None:
        """The one listed person with this first name, if only one has it ("virginia")."""
        return self._own_first.get(first)

    def alone(self, k: str) -> Person | None:
        """The listed person a lone word names exactly: a surname heard alone ("messi")
        or a one-word name ("neymar")."""
        one = self.by_key.get(k)
        return self._alone.get(k) or (one if one is not None and " " not in one.key else None)

    def match(self, k: str) -> Person | None:
        """The listed person a mention key names, if any (module docstring); remembered,
        as keys repeat across videos."""
        if not k.split():
            return None  # " ": no name
        if k not in self._memo:
            found = self._match(k) or next(filter(None, map(self._match, article_forms(k))), None)
            self._memo[k] = found
        return self._memo[k]

    def _match(self, k: str) -> Person | None:
        if k in self.by_key:
            return self.by_key[k]
        titled = untitled(k)
        if titled in self.by_key:
            return self.by_key[titled]
        royal = titled != k and k.split()[0] in ROYAL
        k = squash(titled)
        words = k.split()
        if len(words) > 2:  # "Actton Ruper Huck": a stray word before the name, not a
            found = self._full(k, words)  # first name ("Sarah Jessica Parker")
            if found is None and words[0] not in self._firsts and words[-2] not in NAME_PARTICLES:
                found = self._full(" ".join(words[-2:]), words[-2:])  # not "al Kharib"
            return found
        if len(words) > 1:
            return self._full(k, words)
        if royal:  # "Prince Rainier" is no Angela Rayner: royals go by their own names
            return self._alone.get(k)
        return self._lone(k) if len(k) >= _MIN_ALONE else None

    def _full(self, k: str, words: list[str]) -> Person | None:
        if words[-1] in STOPWORDS:
            return None  # "Anna for", "Elon must": no surname
        own = self._own_first.get(words[0])
        if (
            own is not None
            and len(words) == 2
            and words[1] not in STOPWORDS
            and 5 * len(words[1]) >= 3 * len(own.key.split()[1])  # "von", not "kay"
            and own.key.split(maxsplit=1)[1].startswith(words[1])
        ):
            return own  # "Ursula von": a first name only she has, her surname's start
        heard = surname(k) or words[-1]
        best: tuple[float, Person] | None = None
        for _, _, i in process.extract(
            heard, self._sounds, scorer=fuzz.ratio, score_cutoff=55, limit=20
        ):
            last, full, person = self._heard_as[i]
            first = person.key.split()[0]
            if full != person.key and words[0] != first:
                continue  # a double surname's first half: with the first name as listed
            own_first = (  # "Nomia Kbal": a first name only one listed person has
                words[0] == first
                and len(first) >= 4
                and self._first_count.get(first) == 1
                and fuzz.ratio(heard, last)
                >= (60 if first_sound(heard) == first_sound(last) else 66)
            ) or (words[0] == first and self._one_namesake(first, heard, last))
            cut_short = (  # "K Star": an initial and the surname's start
                len(words[0]) == 1
                and words[0] == first[0]
                and len(heard) >= 4
                and last.startswith(heard)
            )
            if not (
                own_first
                or cut_short
                or close_surnames(heard, last)
                or _near_in_full(words[0], first, heard, last)
            ):
                continue
            if words[0] in STOPWORDS:
                continue  # "and Murray" is no Andy Murray
            if heard != last and words[0] != first and not cut_short and everyday(heard):
                continue  # "Azide First" is no Alex Forsyth: "first" is a word
            if words[0] != first and words[0] in self._firsts and fuzz.ratio(words[0], first) < 55:
                continue  # another listed person's first name: "Gareth Bale" is no Jonathan Beale
            if _another_given_name(words[0], first) or self._others_surname(heard, last):
                continue  # "Benny Hill" is no Jenny Hill; "Andrew Murray" no Andrew Marr
            alike = (
                person.by_surname
                and first_sound(words[0]) == first_sound(first)
                and (len(words[0]) <= 3 or fuzz.ratio(words[0], first) >= 40)
                and (_letter(words[0]) == _letter(first) or fuzz.ratio(words[0], first) >= 60)
            )  # "Kia" Starmer, "vet" Cooper; "Cedric McCann" is no Cindy McCain, "Kemmy
            # Bono" no Jeremy Bowen (another first letter, and unlike in letters)
            sir = (  # "Sakir Starmer", "Sed Davyy", "Saky Starmmer": "Sir Keir", "Sir Ed"
                person.by_surname  # heard as one word
                and len(words) == 2
                and words[0][:1] == "s" != first[:1]
                and len(words[0]) > 2
                and (fuzz.partial_ratio(first, words[0][1:]) >= 75 or _sir_run_in(words[0], first))
            )
            if not (alike or sir or _close_first(words[0], first, strict=not person.by_surname)):
                continue  # a common surname needs a first name that is close
            score = fuzz.ratio(k, full)
            if score >= 60 and (best is None or score > best[0]):
                best = (score, person)
        return best[1] if best else self._own_first_heard(words) or self._first_heard_alike(words)

    def _others_surname(self, heard: str, last: str) -> bool:
        """Whether a heard surname is another listed person's, not close in letters to
        ``last`` ("murray" is no "marr"; "waltz" may be "walz", "beale" "bale")."""
        return heard != last and heard in self.surnames and fuzz.ratio(heard, last) < _OTHERS

    def _own_first_heard(self, words: list[str]) -> Person | None:
        """The one listed person whose first name is said as it is listed, with a
        surname that is a rare word of five letters or more and alike in letters (ratio
        >= 50, whatever its first sound): "Kylian Abapi", "Axel Vitzell", "Jamal
        Tashaki"; not "Angela Rea" (three letters), "Jimmy lies" (a word), "Jamal
        Musiala" (25), a surname English writes often ("Christian Fraser": Zipf 3.8) or
        an Arabic family name of its own ("Nawaf Al-hazmi")."""
        own = self._own_first.get(words[0]) if len(words) == 2 else None
        if own is None:
            return None
        heard, last = words[1], own.key.split(maxsplit=1)[1].replace(" ", "")
        if len(heard) < _MIN_SOUND or heard in self._own or not _unheard_of(heard):
            return None  # "Christian Fraser" (a presenter) is no Christian Horner
        if heard[:3] in ("al-", "el-") and not last.startswith(heard[:3]):
            return None  # "Nawaf Al-hazmi" is a name of its own, no Nawaf Salam
        return own if fuzz.ratio(heard, last) >= _OWN_FIRST_RATIO else None

    def _first_heard_alike(self, words: list[str]) -> Person | None:
        """The one listed person whose first name, one only they have, is heard alike
        (its coarse phonetic key and first letter; no listed first name, no everyday
        word: "Kem", "Kemmy" for Kemi), with a rare surname of the same first letter
        (past an "al-") alike in letters (ratio >= 45), the whole name alike too (>= 62):
        "Kemmy Bnock", "Kem Benedok" are Kemi Badenoch, "Richie Sunnax" Rishi Sunak; not
        "Meg Stalter" (Macky Sall), "Sanam Moisse" (Sami Mokbel), "Suleiman Al-Fahim"
        (Salem Al-Dawsari), "Killian Murphy" (a common surname) or "Kem Bay" (a word)."""
        if len(words) != 2:
            return None
        said, heard = words
        if said in self._firsts or said in STOPWORDS or everyday(said) or not rare(heard):
            return None
        sound, k = phonetic(said), " ".join(words)
        found = [
            p
            for first, p in self._own_first.items()
            if first[0] == said[0]
            and phonetic(first) == sound
            and _bare(last := p.key.split(maxsplit=1)[1].replace(" ", ""))[:1] == _bare(heard)[:1]
            and fuzz.ratio(heard, last) >= _ALIKE_SURNAME
            and fuzz.ratio(k, p.key) >= _ALIKE_NAME
        ]
        return found[0] if len(found) == 1 else None

    def _one_namesake(self, first: str, heard: str, last: str) -> bool:
        """Whether a heard surname sounds like ``last``, the surname of one of the few
        listed people (three at most) with first name ``first`` but for its r's (a ratio
        >= 60), or is close to it in letters (>= 75), and is unlike the others' (< 40):
        "Bernardo Silver" is Silva, "Gary O'Donahu" O'Donoghue; "Jordan Smith" is no
        Jordan Spieth, "Scott Kelly" no Scott Pelley (other sounds, 73 in letters),
        "Emily Turner" no Emily Thornberry."""
        if not 1 < self._first_count.get(first, 0) <= _FEW_NAMESAKES or len(first) < 4:
            return False
        alike = [p for p in self._by_first[first] if fuzz.ratio(heard, p.surname) >= 40]
        ratio = fuzz.ratio(heard, last)
        close = ratio >= _NAMESAKE_RATIO or (ratio >= 60 and _alike_but_rs(heard, last))
        return len(alike) == 1 and alike[0].surname == last and close

    def _lone(self, k: str) -> Person | None:
        person = self._alone.get(k) or self._bare.get(k)
        if person is not None or len(k) < _MIN_SOUND or k in self._own or everyday(k):
            return person  # "Sally" is no Macky Sall: a word everyone uses is itself
        if k in TITLES or k in TITLES_AND_NAMES:
            return None  # "the Sultan of Oman" is no Zarah Sultana
        if given_name(k):
            return None  # "Adnan" is a first name, no Gautam Adani
        near = 60 if len(k) >= _LONG and "-" not in k else 75  # "Al-nasa" is no Alonso
        best = self._bare_heard(k)  # "Rumayan": Yasir Al-Rumayyan
        first = self._first_heard(k)
        for listed, score, _ in process.extract(
            k, self._alone_keys, scorer=fuzz.ratio, score_cutoff=near, limit=8
        ):
            if best is not None and score <= best[0]:
                break
            if " " not in self._alone[listed].key and score < _ONE_NAME:
                continue  # "Fabino" is Fabinho; "Fabian" a first name
            if _after_article(k, listed) < near:
                continue  # "al-Sadd" is no al-Assad: compare what follows the "al-"
            if first is not None and first > score:
                break  # closer to a first name than to this surname
            if k[0] == listed[0] and same_sounds(k, listed) and self._sure(k, listed, score):
                best = (score, self._alone[listed])  # not "Mandela" for "Nadella"
                break
            if k[0] == listed[0] and score >= _NEARER:
                break  # "Sarawir" (Sarwar, another sound) is then no Gideon Saar either
        joined = process.extractOne(k, self._joined_keys, scorer=fuzz.ratio, score_cutoff=60)
        if (
            joined is not None
            and k[0] == joined[0][0]
            and (
                (joined[1] >= 80 and _sounds_close(k, joined[0]))  # not "Christmas"
                or (joined[1] >= 66 and _same_unrhotic(k, joined[0]))  # "Kestama": the r's
            )
            and (best is None or joined[1] > best[0])  # "Kalazia": Khaleda Zia, not Kallas
            and not _first_name_then_other(k, self._joined[joined[0]])  # "Chrissy"
        ):
            best = (joined[1], self._joined[joined[0]])
        return best[1] if best else None

    @staticmethod
    def _sure(k: str, listed: str, score: float) -> bool:
        """Whether sounds alike say enough: a heard word three letters longer at most,
        and, where the listed surname's coarse key is one sound ("noem", "niemann": N),
        close in letters too (ratio >= 75): "Nonneman" (Gerd Nonneman) is neither
        Kristi Noem nor Joaquin Niemann."""
        sounds = phonetic(listed)
        one_sound = not sounds or len(sounds[0]) < 2
        return len(k) - len(listed) <= _LONGER and (score >= _NEAR_ONE_SOUND or not one_sound)

    def _bare_heard(self, k: str) -> tuple[float, Person] | None:
        """A listed "al-" surname heard bare and a little misheard, close in letters
        (ratio >= 87), of the same first letter and sounds: "Rumayan" for Al-Rumayyan
        (no Angela Rayner); "sharia" is no al-Sharaa (83)."""
        found = process.extractOne(k, self._bare_keys, scorer=fuzz.ratio, score_cutoff=_ONE_NAME)
        if found is None or k[0] != found[0][0] or not same_sounds(k, found[0]):
            return None
        return float(found[1]), self._bare[found[0]]


_LONGER = 3  # letters a lone word heard for a listed surname has beyond it, at most
_NEAR_ONE_SOUND = 75  # ratio a surname of one coarse sound needs, heard alone


def _another_given_name(heard: str, first: str) -> bool:
    """Whether a heard first name is a given name of the gender list that starts with
    another sound than the listed one's ("Benny" for "Jenny"): another person's name,
    not hers misheard."""
    return heard != first and given_name(heard) and first_sound(heard) != first_sound(first)


def _double_surname(words: list[str]) -> bool:
    """Whether a listed key is a first name and a double surname ("barbara plett usher",
    "kilmar abrego garcia") or a rare middle name a person is also called by ("jonas
    gahr store"): a middle word rare in English, no particle ("hassan al thawadi"), no
    given name in common use ("luiz felipe scolari", "marjorie taylor greene")."""
    return (
        len(words) == 3
        and len(words[1]) >= 3
        and words[1] not in NAME_PARTICLES
        and words[2] not in NAME_SUFFIXES
        and words[1] not in STOPWORDS
        and rare(words[1])
    )


def _letter(word: str) -> str:
    """A word's first letter as spelling goes: c, k and q one letter, "ph" an f, the
    vowels one ("Chrissy" / "Kristi" start alike; "Kemmy" / "Jeremy" do not)."""
    if word[:2] == "ph":
        return "f"
    first = word[:1]
    return "k" if first in "ckq" else "a" if first in "aeiou" else first


RARE = 2.5  # English Zipf frequency below which a word is hardly anyone's ("blatter")


def _bare(surname: str) -> str:
    """A surname past its Arabic article ("al-dawsari": "dawsari")."""
    return surname.removeprefix("al-").removeprefix("el-")


def frequency(word: str) -> float:
    """A word's English Zipf frequency (wordfreq; its lists load on first use)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def _unheard_of(word: str) -> bool:
    """Whether a word is no name English writes often (Zipf < 3): "Abapi", "Vitzell",
    "Tashaki" are names misheard; "Fraser", "Bennett" are surnames heard right, of
    someone else."""
    return frequency(word) < KNOWN_SURNAME


KNOWN_SURNAME = 3.0  # English Zipf frequency from which a surname is itself, not misheard


def rare(word: str) -> bool:
    """Whether a word is rare in English (wordfreq): written in lower case, it is still
    most likely a name ("blatter", "streeting"; not "raffle", "grills")."""
    return frequency(word) < RARE


EVERYDAY = 3.9  # English Zipf frequency from which a word is everyone's ("sally", "first")


def everyday(word: str) -> bool:
    """Whether a word is common in English (wordfreq): heard, it is most likely itself."""
    return frequency(word) >= EVERYDAY


def _after_article(k: str, listed: str) -> float:
    """The ratio of two hyphenated words past a shared first part ("al-sadd" /
    "al-assad": "sadd" / "assad"), or of a word run on from that part past it
    ("alakdar" / "al-khater": "akdar" / "khater"), else 100."""
    mine, theirs = k.partition("-"), listed.partition("-")
    if mine[1] and theirs[1] and mine[0] == theirs[0]:
        return fuzz.ratio(mine[2], theirs[2])
    if theirs[1] and not mine[1] and k.startswith(theirs[0]):
        return fuzz.ratio(k[len(theirs[0]) :], theirs[2])
    return 100.0


@cache
def people(*paths: Path) -> NameList:
    """The name list of ``paths`` read in turn, a name listed twice kept as first read
    (default: the news's people, then sport's; built once per process)."""
    seen: dict[str, Person] = {}
    for path in paths or (NAMES, SPORT_NAMES):
        _read_names(path, seen)
    return NameList(list(seen.values()))


def _read_names(path: Path, seen: dict[str, Person]) -> None:
    """Add the people of one name file to ``seen`` (by key)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))["people"]
        lists = ((True, data.get("surname", [])), (False, data.get("full", [])))
        for by_surname, names in lists:
            for name in names:
                k = key(name)
                if k and k not in seen:  # a "bin" name's last word is the father's
                    son = len(w := k.split()) > 1 and w[-2] in SON_OF  # ("Sheikh Zayed")
                    seen[k] = Person(name, k, surname(k), by_surname and not son)
    except (
        OSError,
        UnicodeDecodeError,
        tomllib.TOMLDecodeError,
        KeyError,
        TypeError,
        AttributeError,
    ) as exc:
        raise ConfigError(
            f"{path}: not a name list ({exc!r}); expected [people] with lists "
            "surname = [...] and full = [...] of names"
        ) from None
