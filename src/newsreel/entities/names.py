"""What makes a spelling a name: clean surfaces, common words, canonical names, types.

Pure. Captions mishear names as ordinary words ("Karma" for Starmer, "Anderson" beside
"Manderson"), so a spelling joins an entity by sound only with evidence beyond sound
(entities/linking.py); these are the pieces of that evidence, and the rules that choose
an entity's name (the best-supported spelling) and its one type (the majority of its
mentions, the gazetteer's word for places).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from newsreel.text import fold

_LEAD = re.compile(r"^\W+")
_TRAIL = re.compile(r"\W+$")
_POSSESSIVE = re.compile(r"['’]s$")
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
# lower-case words a person's name may begin with or hold: Arabic articles and
# patronymics ("al-Sisi", "bin Salman"; spaCy cuts a hyphened name after one of them)
# and European ones ("de Gaulle", "von der Leyen")
ARABIC_PARTICLES = frozenset("al el ul abu ibn bin ben abd bint".split())
SON_OF = frozenset({"bin", "ibn"})  # the name after it is the father's ("bin Zayed")
NAME_PARTICLES = ARABIC_PARTICLES | frozenset("de da di du del della der den van von la le".split())
# and the words that join a longer name ("Tamim Al Thani", "Trinidad and Tobago")
PARTICLES = NAME_PARTICLES | frozenset("of and the y".split())
# generic words that are never an entity alone, whatever the NER says
_GENERIC = frozenset(
    "north south east west northern southern eastern western central media reports report "
    "news government officials official authorities ministry minister president police army "
    "military court parliament council committee state states city region".split()
)
# words that are no name alone, though names are made of them ("State Department")
_LONE_GENERIC = frozenset(
    "kingdom republic regime monarchy federation agency department embassy league party "
    "union club ai dad mum mom dude guys speaker shall "
    # words of talk the NER takes for names ("Lemme" [PER], "Alhamdulillah" [ORG],
    # a new-user review, stop 61)
    "lemme gonna wanna gotta alhamdulillah inshallah mashallah subhanallah "
    # currency codes: "10 million EUR" names no organisation
    "eur usd gbp chf jpy cny "
    # everyday initials the NER takes for organisations ("a Q&A", "ASAP"; not "CCTV",
    # China's broadcaster, nor "the NDA", India's ruling alliance)
    "q&a vip aka diy asap fyi ceo cfo gdp mps".split()
)
# the last word of a sports club named after its city ("Manchester City", "Leeds United")
_CLUB = frozenset("city united rovers athletic wanderers albion hotspur villa fc".split())
COMMON_SHARE = 0.05  # a word lower-case in 5% of an archive's videos is a common word
COMMON_MIN_VIDEOS = 20  # below this, an archive says nothing about common words
PLAIN_MIN = 2  # a plain word is written in lower case in this many texts at least
PLAIN_RATIO = 3  # and this many times as often as capitalised


def clean(surface: str) -> str:
    """A surface without edge punctuation ("Qatar." -> "Qatar", "Cairo," -> "Cairo"),
    keeping the dots of an acronym ("U.S.")."""
    words = surface.split()
    if not words:
        return ""
    words[0] = _LEAD.sub("", words[0])
    if not _ACRONYM.match(words[-1]):
        words[-1] = _TRAIL.sub("", words[-1])
    return " ".join(w for w in words if w)


def common_words(texts: Iterable[Sequence[str]]) -> frozenset[str]:
    """Folded words written in lower case in at least 5% of the texts (tokens of repaired
    transcripts) and more often lower case than capitalised: the archive's common words.
    Empty for fewer than 20 texts."""
    return vocabulary(texts)[0]


def vocabulary(texts: Iterable[Sequence[str]]) -> tuple[frozenset[str], frozenset[str]]:
    """The archive's common words (``common_words``) and its plain words: written in
    lower case in at least 2 texts and at least 3 times as often as capitalised ("awesome",
    "broker"; not "Gaza"). Both empty for fewer than 20 texts."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    videos = 0
    for tokens in texts:
        videos += 1
        seen_lower: set[str] = set()
        seen_upper: set[str] = set()
        for token in tokens:
            word = token.strip(".,?!:;\"'()")
            if not word.isalpha():
                continue
            (seen_lower if word.islower() else seen_upper).add(fold(word))
        lower.update(seen_lower)
        upper.update(seen_upper)
    if videos < COMMON_MIN_VIDEOS:
        return frozenset(), frozenset()
    floor = max(3, COMMON_SHARE * videos)
    common = frozenset(w for w, n in lower.items() if n >= floor and n >= upper[w])
    plain = frozenset(w for w, n in lower.items() if n >= PLAIN_MIN and n >= PLAIN_RATIO * upper[w])
    return common, plain


def generic(k: str, common: frozenset[str]) -> bool:
    """Whether a mention key is only generic or common words ("south", "media reports")."""
    words = k.split()
    if len(words) == 1 and (len(words[0]) == 1 or words[0] in _LONE_GENERIC):
        return True  # a lone letter ("I", "K") or "Kingdom" alone is no name
    return (
        bool(words)
        and all(w in _GENERIC or w in common or w in PARTICLES for w in words if not w.isdigit())
        and not any(w.isdigit() for w in words)
    )


def well_formed(name: str) -> bool:
    """A spelling fit to be a canonical name: capitalised words (particles aside), no word
    repeated or begun again ("Jeff Jeffrey Epstein"), no stray punctuation."""
    words = name.split()
    if not words or not words[0][:1].isupper():
        return False
    for n, word in enumerate(words):
        if not (word[:1].isupper() or word[:1].isdigit() or word.lower() in PARTICLES):
            return False
        if not re.fullmatch(r"[\w'’.-]+", word):
            return False
        if n and (fold(words[n - 1]) == fold(word) or fold(word).startswith(fold(words[n - 1]))):
            return False
    return True


def best_name(spellings: Mapping[str, int], kind: str) -> str | None:
    """The best-supported spelling of an entity: for people the most frequent well-formed
    full name (a lone name only where there is none), else the most frequent well-formed
    spelling; None when no spelling is well formed."""
    counts: Counter[str] = Counter()
    for surface, n in spellings.items():
        name = _POSSESSIVE.sub("", clean(surface))
        if name.islower():
            continue
        if name.lower().startswith("the "):
            name = name[4:]
        if well_formed(name):
            counts[name] += n
    if not counts:
        return None
    if kind == "PER" and any(" " in s for s in counts):
        counts = Counter({s: n for s, n in counts.items() if " " in s})
    return max(counts, key=lambda s: (counts[s], len(s.split()), len(s), s))


def club(k: str, is_place: bool) -> bool:
    """Whether a key names a club after its city ("manchester city", "leeds united")
    rather than a place: a known place's name followed by a club word."""
    words = k.split()
    return len(words) >= 2 and words[-1] in _CLUB and is_place


def majority(votes: Counter[str], first: str) -> str:
    """The type most mentions were given (the first type seen on a tie)."""
    if not votes:
        return first
    top = max(votes.values())
    return first if votes[first] == top else max(votes, key=lambda t: (votes[t], t))


def headed(k: str) -> str | None:
    """The type a name of two words or more takes from its last word, whatever its
    mentions were tagged: a building or ground is a place ("Al-Janoub Stadium", "Alid
    Airbase"), a newspaper, party or body an organisation ("Miami Herald", "Search
    Party"; not "Times" or "Post", a person's surname too); None for other names
    (CoNLL's convention, which the caption golds follow)."""
    words = k.split()
    if len(words) < 2:
        return None
    if words[-1] in _PLACE_HEADS or words[-2:] == ["air", "base"]:
        return "LOC"
    return "ORG" if words[-1] in _ORG_HEADS else None


_PLACE_HEADS = frozenset("stadium airport airbase arena palace".split())
_ORG_HEADS = frozenset(  # not "times", "post": Emily Post is a person
    "herald gazette journal tribune university academy foundation institute agency "
    "council ministry party".split()
)
