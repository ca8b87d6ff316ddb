"""Text utilities every layer shares: folding, index tokens, stop words, sound keys,
highlight marks. Pure; the bottom layer beside ``models`` and ``errors``."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence

import jellyfish

MIN_KEY_LENGTH = 3

# the months' names, folded: dates in claims, a number word beside one in a story's label
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)

# Highlight marks around matched words in snippets (control characters never in text).
MARK_START = "\x02"
MARK_END = "\x03"
# A linked entity as a term of a story's vector: "@" + entity id.
ENTITY_PREFIX = "@"

_WORD = re.compile(r"[^\W_]+")  # letters and digits, as tantivy splits words
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_REPEATS = re.compile(r"(.)\1+")
_COARSE = str.maketrans({"M": "N", "0": "T", "B": "P", "D": "T", "G": "K", "J": "K"})

# English function words: never a name, never a story's term, never the word a search
# must match. The Glasgow IR stop list as scikit-learn ships it, without its content
# words and numbers ("fire", "bill", "system", "two"), plus speech fillers.
STOPWORDS = frozenset(
    """
a about above across after afterwards again against all almost alone along already
also although always am among amongst an and another any anyhow anyone anything
anyway anywhere are around as at be became because become becomes becoming been
before beforehand behind being below beside besides between beyond both but by can
cannot could did do does done down due during each either else elsewhere enough even
ever every everyone everything everywhere except few for former formerly from
further get go going got had has have he hence her here hereafter hereby herein
hereupon hers herself him himself his how however i if in indeed into is it its
itself just latter latterly least less like many may me meanwhile might mine more
moreover most mostly much must my myself namely neither never nevertheless next no
nobody none noone nor not nothing now nowhere of off often okay on once one only
onto or other others otherwise our ours ourselves out over own per perhaps please
rather said same say says seem seemed seeming seems several she should since so some
somehow someone something sometime sometimes somewhere still such than that the
their them themselves then thence there thereafter thereby therefore therein
thereupon these they this those though through throughout thru thus to together too
toward towards under until up upon us very via was we well were what whatever when
whence whenever where whereafter whereas whereby wherein whereupon wherever whether
which while whither who whoever whole whom whose why will with within without would
yeah yes yet you your yours yourself yourselves
""".split()
)


# Letters without a decomposition that the index's ASCII folding still maps to ASCII.
_LETTERS = str.maketrans(
    {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th"}
    | {"ı": "i", "ħ": "h", "ŧ": "t"}
)


def fold(word: str) -> str:
    """Lower-case and strip diacritics, as the full-text index does."""
    if word.isascii():
        return word.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", word.lower())).translate(_LETTERS)


_NAME_EDGE = re.compile(r"^\W+|\W+$")
_NAME_THE = re.compile(r"^the\s+")
_NAME_POSSESSIVE = re.compile(r"['’]s$")


def name_key(surface: str) -> str:
    """The comparable form of a name as heard: folded, no edge punctuation, "the" or
    "'s" ("The Mossad's" -> "mossad"); entities are linked and looked up by it."""
    words = [_NAME_EDGE.sub("", w) for w in fold(surface).split()]
    text = " ".join(w for w in words if w)
    return _NAME_POSSESSIVE.sub("", _NAME_THE.sub("", text))


def tokens(text: str) -> list[str]:
    """The index terms of a piece of text, folded."""
    return _WORD.findall(fold(text))


# a caption's sound tag in square brackets: "[Music]", "[Applause]", "[ male announcer ]"
CAPTION_TAG = re.compile(r"\[[^\[\]\n]{1,40}\]")
# ... or a transcript's stage direction in round brackets: "(slow electronic music)"
_ASIDE = re.compile(r"\([^()\n]{1,60}\)")


def untagged(text: str, *, asides: bool = False) -> str:
    """A transcript as search indexes and counts it: its caption tags ("[Music]") are no
    words ("music" finds the videos that say it, not every video with a music cue);
    with ``asides``, nor is what round brackets hold ("(BEGIN VIDEO CLIP)")."""
    text = CAPTION_TAG.sub(" ", text) if "[" in text else text
    return _ASIDE.sub(" ", text) if asides and "(" in text else text


def tag_words(words: Sequence[str]) -> set[int]:
    """The indexes of the whitespace words that are part of a caption tag ("[Music]",
    "[", "male", "announcer", "]")."""
    out: set[int] = set()
    inside: list[int] = []
    for i, word in enumerate(words):
        if word.startswith("[") or inside:
            inside.append(i)
        if inside and word.endswith("]"):
            if len(inside) <= 8:
                out.update(inside)
            inside = []
        elif len(inside) > 8:
            inside = []
    return out


def expandable(word: str) -> bool:
    """Whether a (folded) word may stand for a name: long enough, letters, not a stop word."""
    return len(word) >= MIN_KEY_LENGTH and word.isalpha() and word not in STOPWORDS


SOUND_KEYS = "k2"  # the sound_key recipe (k2: "chr"/"chl" read as a k)


def sound_key(word: str) -> str | None:
    """The coarse phonetic key of a folded word (Metaphone with m/n, th/t, b/p, d/t,
    g/j/k merged, "chr" and "chl" a k); None when it has none. ``SOUND_KEYS`` names this
    recipe: a change of it has the vocabulary recounted."""
    if not expandable(word):
        return None
    if word[:3] in ("chr", "chl"):  # a k: "Christy" sounds as "Kristi" does
        word = "k" + word[2:]
    try:
        key = jellyfish.metaphone(word)
    except (ValueError, IndexError):  # pragma: no cover - jellyfish rejects odd input
        return None
    coarse = _REPEATS.sub(r"\1", key.translate(_COARSE))  # "TT" -> "T"
    return coarse or None


def letters(word: str) -> str:
    """The letters of a word, nothing else ("mar-a-lago" -> "maralago")."""
    return "".join(ch for ch in word if ch.isalpha())


def content_words(text: str) -> list[str]:
    """The index terms of a text that are not stop words."""
    return [t for t in tokens(text) if t not in STOPWORDS]


def nearby_keys(key: str) -> list[str]:
    """A sound key and, for keys of four sounds or more, the keys with one sound left
    out: "Haworth" (HWRT) is heard "Howeth" (HWT) in a non-rhotic accent,
    "Mar-a-Lago" (NRLK) "Maraago" (NRK). (Shorter keys would bring in every short
    word.)"""
    if len(key) < 4:
        return [key]
    dropped = {key[:i] + key[i + 1 :] for i in range(len(key))}
    return [key, *sorted(_REPEATS.sub(r"\1", k) for k in dropped - {key})]


_SOUNDS = "AEIOUFHKLNPRSTWXY"  # the letters of a coarse sound key (``sound_key``)


def typo_keys(key: str) -> list[str]:
    """The sound keys one edit from ``key`` (a sound left out, put in, changed, or two
    side by side swapped), ``key`` first: a typo changes the sounds a word is heard as,
    "Netanyhu" (NTNH) for "Netanyahu" (NTNYH), "Zelenksy" (SLNKS) for "Zelensky"
    (SLNSK). For keys of three sounds or more (shorter ones would bring in every short
    word)."""
    if len(key) < 3:
        return [key]
    near = {key[:i] + key[i + 1 :] for i in range(len(key))}
    near |= {key[:i] + c + key[i:] for i in range(len(key) + 1) for c in _SOUNDS}
    near |= {key[:i] + c + key[i + 1 :] for i in range(len(key)) for c in _SOUNDS}
    near |= {key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(len(key) - 1)}
    return [key, *sorted({_REPEATS.sub(r"\1", k) for k in near} - {key, ""})]


_SPELLING = (
    (re.compile(r"^[gkp](?=n)|^w(?=r)|^p(?=s)"), ""),  # silent: "gnome" as "Noem", "Knox"
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck|q"), "k"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"c"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"z"), "s"),
    (re.compile(r"(?<=.)h"), ""),
    (re.compile(r"[aeiouy]+"), "a"),
    (_REPEATS, r"\1"),
)


@functools.lru_cache(maxsize=262_144)
def sound_spelling(word: str) -> str:
    """A folded word spelt as it sounds, coarsely: vowel groups as "a", c/k/q, s/z, x/ks,
    ph/f merged, h after a letter, double letters and a silent first letter (gn, kn, pn,
    wr, ps) dropped ("zoox" and "zuks" both "saks", "hasakah" and "hassaca" both
    "hasaka", "gnome" and "noem" "nam"): what heard variants are compared on."""
    out = letters(word)
    for pattern, repl in _SPELLING:
        out = pattern.sub(repl, out)
    return out


def mark(word: str) -> str:
    """A word wrapped in highlight marks."""
    return MARK_START + word + MARK_END


def unmark(text: str) -> str:
    """Text without its highlight marks."""
    return text.replace(MARK_START, "").replace(MARK_END, "")


def heaviest(weights: Mapping[str, float], count: int) -> list[str]:
    """The ``count`` heaviest terms of a weight map (ties by term; weights equal to nine
    places are ties, so that sums made in another order, as another store reads the
    rows, name the same terms)."""
    ranked = sorted(weights.items(), key=lambda i: (-round(i[1], 9), i[0]))
    return [t for t, _ in ranked[:count]]


UNREADABLE_SHARE = 0.7  # below this share of known words, a text is no language
_UNREADABLE_MIN = 20  # words of three letters or more before a text can be judged
_UNREADABLE_READ = 600  # words read: garbled captions are garbled throughout


def unreadable(words: Sequence[str]) -> bool:
    """Whether a transcript is no language: of the words of three letters or more (20
    at least) among its first 600, under 70% are English words (wordfreq knows them).
    Garbled captions ("Lfanng. O, I W, rtatt.swd, Ecea") score under 50%; the shared
    corpora's English transcripts 95% or more."""
    from wordfreq import zipf_frequency  # its lists load on first use

    long = [w for word in words[:_UNREADABLE_READ] for w in tokens(word) if len(w) >= 3]
    long = [w for w in long if w.isalpha()]
    if len(long) < _UNREADABLE_MIN:
        return False
    known = sum(1 for w in long if zipf_frequency(w, "en") >= 1.0)
    return known < UNREADABLE_SHARE * len(long)


def closest(name: str, names: Sequence[str], *, cutoff: float = 75, limit: int = 3) -> list[str]:
    """The names closest to ``name`` in letters (rapidfuzz ratio from ``cutoff``, case
    and punctuation aside), best first: what a "did you mean" offers."""
    from rapidfuzz import fuzz, process, utils

    found = process.extract(
        name,
        names,
        scorer=fuzz.ratio,
        processor=utils.default_process,
        score_cutoff=cutoff,
        limit=limit,
    )
    return [str(c[0]) for c in found]


def did_you_mean(names: Sequence[str]) -> str:
    """ "; did you mean 'A' or 'B'?" for up to three names, or "" for none."""
    shown = list(dict.fromkeys(names))[:3]
    return "; did you mean " + " or ".join(repr(n) for n in shown) + "?" if shown else ""
