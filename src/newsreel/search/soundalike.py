"""Sound-alike expansion: find the ways a query word was heard by the captioner.

Captions mishear names ("shim bit" for Shin Bet, "Rafa" for Rafah, "mosad" for Mossad).
Each word of the archive's vocabulary gets a phonetic key (Metaphone, from the
maintained ``jellyfish`` library, coarsened so that m/n and th/t collide); a query word's
heard variants are the vocabulary words with the same key, or its key with one sound
left out ("Haworth" heard "Howeth"), that are also close in spelling as it sounds
(Levenshtein distance from ``rapidfuzz`` between ``text.sound_spelling`` forms, bounded
by the word's length: "zuks" for "Zoox"). A query word written with hyphens
("Mar-a-Lago") is looked up by its letters ("maralago": "maraago").

Sound is not enough for a variant to match by itself (``alone``): it must also be close
in length and syllables ("raf" is not "Rafah"), no more common in the archive than the
typed word, and not a common English word more frequent than the typed word ("homes"
never stands in for "Hamas"; frequencies from ``wordfreq``, which ships its data). The
engine then keeps only variants heard in the typed word's usual context
(``shares_context``). Inside a phrase any sound-alike may stand in: its neighbours make
the match ("shim bit").

The vocabulary lookup and the context are passed in. How expanded matches rank against
exact ones is the search engine's business (``search.engine``).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA, Levenshtein

from newsreel.budget import check_time
from newsreel.search.forms import english_zipf, stem
from newsreel.search.query import And, Near, Node, Or, Phrase, Term
from newsreel.text import (
    STOPWORDS,
    fold,
    letters,
    nearby_keys,
    sound_key,
    sound_spelling,
    tokens,
    typo_keys,
)

MAX_VARIANTS = 8
MAX_PHRASE_VARIANTS = 64
COMMON = 0.05
RARE = 3  # in a small archive, a spelling in this few documents is never "common"
# A word at least this frequent in English (Zipf scale: 4 = 10 per million words, e.g.
# "homes", "carry", "missed") matches alone only for a word at least as frequent.
COMMON_ENGLISH = 4.0
# A typed word this frequent in English (30 per million words: "time", "Israel", "guard")
# is heard right by a captioner: it has no variants alone (inside a phrase it may).
HEARD_RIGHT = 4.5
_VOWELS = re.compile(r"[aeiouy]+")


def max_distance(word: str) -> int:
    """How many letters a heard variant may differ by: 1 up to 4 letters, 2 up to 7, 3
    (as written or as it sounds; alone, one less as it sounds, see ``heard_variants``)."""
    return 1 if len(word) <= 4 else 2 if len(word) <= 7 else 3


def spelled_as(
    word: str, candidates: Iterable[tuple[str, int]], *, weighed: bool = True
) -> str | None:
    """The word a typo of ``word`` most likely meant: of the candidates (term,
    documents) within ``max_distance`` letters as written, the closest, each ten times
    as many documents counting as one letter closer, then the one the most documents
    hold ("epstien" -> "epstein"; "netanyahoo" -> "netanyahu" in ten videos, not
    "netanyahov" in one; not ``weighed``: the closest first, whatever its documents),
    starting alike (``same_start``); None where there is none."""
    close = [
        (distance - (math.log10(docs) if weighed else 0.0), -docs, term)
        for term, docs in candidates
        if docs
        and term != word
        and same_start(word, term)
        and (distance := Levenshtein.distance(word, term)) <= max_distance(word)
    ]
    return min(close)[2] if close else None


def same_start(a: str, b: str) -> bool:
    """Whether two words start alike as typed: the same letter, c/k/q, "ph"/f, or two
    vowels ("Kairo" / "Cairo"; a typo keeps its first letter: "Bristol" is no "Pistol")."""
    if not a or not b:
        return False
    pair = {a[0], b[0]}
    return (
        len(pair) == 1
        or pair <= set("ckq")
        or pair <= set("aeiou")
        or (pair == {"p", "f"} and (a[:2] == "ph" or b[:2] == "ph"))
    )


def suggestion(
    node: Node, lookup: Lookup, held: Callable[[list[str]], dict[str, int]]
) -> dict[str, str]:
    """For each query word (a phrase's too) no document holds (``held``: documents per
    word), the word it most likely meant (``spelled_as``), from a sound key → (term,
    docs) ``lookup``."""
    typed = [*query_words(node), *(fold(w) for words in phrase_words(node) for w in words)]
    words = [w for w in dict.fromkeys(typed) if len(w) >= MIN_WORD - 1]  # '"Epstien files"' too
    missing = [w for w, docs in held(words).items() if not docs]
    return typos(missing, lookup)


def typos(
    words: Sequence[str],
    lookup: Lookup,
    known: Mapping[str, Sequence[tuple[str, int]]] | None = None,
    *,
    weighed: bool = True,
) -> dict[str, str]:
    """For each word, the archive's word it most likely meant (``spelled_as``) among
    the terms whose sound keys are one edit from its own (``text.typo_keys``); keys in
    ``known`` (looked up already) are not asked again; ``weighed`` as in ``spelled_as``."""
    keys = {w: typo_keys(k) for w in words if (k := sound_key(letters(w)))}
    if not keys:
        return {}
    seen = known or {}
    asked = sorted({k for near in keys.values() for k in near if k not in seen})
    found = {**seen, **(lookup(asked) if asked else {})}
    out = {}
    for word, near in keys.items():
        meant = spelled_as(word, [item for k in near for item in found.get(k, ())], weighed=weighed)
        if meant is not None:
            out[word] = meant
    return out


def syllables(word: str) -> int:
    """Vowel groups of a folded word (y counts as a vowel): a syllable count for names."""
    return max(1, len(_VOWELS.findall(word)))


def similar_form(word: str, variant: str) -> bool:
    """Whether ``variant`` is close enough in length and syllables to stand for ``word``
    alone: lengths within a quarter of the word (at least 1 letter), the same number of
    syllables (within one for words of three or more)."""
    if abs(len(word) - len(variant)) > max(1, len(word) // 4):
        return False
    own = syllables(word)
    return abs(own - syllables(variant)) <= (0 if own <= 2 else 1)


def common_english(word: str, variant: str) -> bool:
    """Whether ``variant`` is a common English word more frequent than ``word``."""
    heard = english_zipf(variant)
    return heard >= COMMON_ENGLISH and heard > english_zipf(word)


def heard_variants(
    word: str, candidates: Iterable[tuple[str, int]], documents: int
) -> tuple[list[str], list[str]]:
    """The candidates (term, documents) close enough to ``word`` as written or as they
    sound (``text.sound_spelling``): within ``max_distance`` letters.

    Returns (alone, in_phrase): every close candidate may stand in for the word inside
    a phrase ("shim bit" for "Shin Bet"), where its neighbours make the match; alone,
    only those close as written or within one letter less as they sound ("zuks" for
    "Zoox", not "nazat" for "Mossad"), of a similar form (``similar_form``), that are
    neither common words of the archive (in more than ``COMMON`` of its documents, more
    than the word itself and more than ``RARE``) nor common English words more frequent
    than the word (``common_english``), or "Cairo" would match "carry" and "Hamas"
    "homes"; and none alone for a word common in English itself (``HEARD_RIGHT``).
    Close as written before close only as heard, closest first, then the most frequent;
    at most ``MAX_VARIANTS``.
    """
    plain = letters(word)
    limit = max_distance(plain)
    sounds = sound_spelling(plain)
    pool = dict(candidates)
    own = pool.get(word, 0)
    common = max(COMMON * documents, own, RARE)
    scored = []
    for term, docs in pool.items():
        if term in (word, plain):
            continue
        heard = Levenshtein.distance(sounds, sound_spelling(term))
        written = Levenshtein.distance(plain, term)
        if min(heard, written) <= limit:  # close as written first, then as heard
            scored.append((written > limit, written + heard, -docs, heard, term))
    scored.sort()
    in_phrase = [term for *_, term in scored[:MAX_VARIANTS]]
    if english_zipf(plain) >= HEARD_RIGHT:
        return [], in_phrase
    alone = [
        term
        for far, _, docs, heard, term in scored
        if -docs <= common
        and (not far or heard <= limit - 1)
        and similar_form(plain, term)
        and not common_english(plain, term)
    ][:MAX_VARIANTS]
    return alone, in_phrase


CONTEXT_WIDTH = 10  # words either side of an occurrence that make its context
CONTEXT_SIZE = 30  # the most telling context words kept per word
CONTEXT_SHARED = 2  # context words a variant must share with the typed word or query
CHECKED = 4  # a word's closest variants whose context is checked; the rest are dropped


def context_counts(texts: Iterable[str], word: str, width: int = CONTEXT_WIDTH) -> Counter[str]:
    """Content words (no stop words, three letters or more, not numbers) within
    ``width`` words of each occurrence of the folded ``word`` in ``texts``."""
    counts: Counter[str] = Counter()
    found = re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])")
    reach = width * 16  # characters enough for ``width`` words either side
    for text in texts:
        folded = fold(text)
        for hit in found.finditer(folded):
            before = tokens(folded[max(0, hit.start() - reach) : hit.start()])[-width:]
            after = tokens(folded[hit.end() : hit.end() + reach])[:width]
            for near in before + after:
                if near != word and len(near) > 2 and near.isalpha() and near not in STOPWORDS:
                    counts[near] += 1
    return counts


def telling(counts: Counter[str], doc_freqs: Mapping[str, int], documents: int) -> set[str]:
    """The ``CONTEXT_SIZE`` context words that say most (count x idf); words in more than
    a fifth of the archive's documents ("people", "today") say nothing."""
    weights = {
        w: n * math.log(1 + documents / (1 + doc_freqs.get(w, 0)))
        for w, n in counts.items()
        if doc_freqs.get(w, 0) <= documents / 5
    }
    return set(sorted(weights, key=lambda w: (-weights[w], w))[:CONTEXT_SIZE])


def shares_context(usual: set[str], query: set[str], heard: set[str]) -> bool:
    """Whether a variant's context (``heard``) shares words with the typed word's usual
    context (``CONTEXT_SHARED``, or one in five of a small context: a variant heard in
    one video) or one with the query's other words. With no context to compare (the
    typed word is not in the archive), it is given the benefit of the doubt."""
    if not usual or not heard:
        return True
    needed = min(CONTEXT_SHARED, max(1, len(heard) // 5))
    return len(usual & heard) >= needed or bool(query & heard)


@dataclass(frozen=True, slots=True)
class Heard:
    """Heard variants per (folded) query word: ``alone`` may match by themselves,
    ``in_phrase`` (a superset) only beside the other words of a phrase."""

    alone: Mapping[str, Sequence[str]] = field(default_factory=dict)
    in_phrase: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(self.in_phrase.values())

    def without(self, dropped: Collection[str]) -> Heard:
        """These variants less the ones the user ruled out (``-heard:raf``)."""
        if not dropped:
            return self
        gone = set(dropped)
        return Heard(
            {w: [v for v in vs if v not in gone] for w, vs in self.alone.items()},
            {w: [v for v in vs if v not in gone] for w, vs in self.in_phrase.items()},
        )

    def keeping(self, keep: Callable[[str, str], bool]) -> Heard:
        """These variants with only the ``alone`` ones ``keep(word, variant)`` accepts,
        asked of the ``CHECKED`` closest of each word (the rest are dropped: each check
        reads transcripts)."""
        return Heard(
            {w: [v for v in vs[:CHECKED] if keep(w, v)] for w, vs in self.alone.items()},
            self.in_phrase,
        )

    def used(self) -> dict[str, list[str]]:
        """Every heard variant per query word (alone or beside the phrase's words)."""
        return {w: list(vs) for w, vs in self.in_phrase.items() if vs}


LINKED_LEAST = 2  # mentions of a spelling linked to the entity before search uses it
LINKED_SHARE = 0.8  # of all mentions of that spelling


def with_linked(found: Heard, linked: Mapping[str, Mapping[str, tuple[int, int]]]) -> Heard:
    """``found`` with, first for each query word, the spellings the archive linked to
    the entity the word names ("Kyiv" heard "Kiev"; ``Store.linked_spellings``): those
    linked at least ``LINKED_LEAST`` times, ``LINKED_SHARE`` of their mentions that
    entity's, close to the word as heard (``max_distance``) and not a form of it. The
    archive's own linking is the evidence that lets "kiev", a more common word in
    English than "kyiv", stand in for it alone."""
    if not linked:
        return found
    alone = {w: list(vs) for w, vs in found.alone.items()}
    in_phrase = {w: list(vs) for w, vs in found.in_phrase.items()}
    for word, spellings in linked.items():
        extra = linked_variants(word, spellings)
        if extra:
            alone[word] = [*extra, *(v for v in alone.get(word, ()) if v not in extra)]
            in_phrase[word] = [*extra, *(v for v in in_phrase.get(word, ()) if v not in extra)]
    return Heard(alone, in_phrase)


def linked_variants(word: str, spellings: Mapping[str, tuple[int, int]]) -> list[str]:
    """The spellings linked to a word's entity that may stand in for it (``with_linked``),
    most mentioned first."""
    plain = letters(word)
    sounds, limit = sound_spelling(plain), max_distance(plain)
    return [
        v
        for v, (own, total) in sorted(spellings.items(), key=lambda item: -item[1][0])
        if own >= LINKED_LEAST
        and own >= LINKED_SHARE * total
        and stem(v.replace("'", "").replace("\u2019", "")) != stem(plain)
        and Levenshtein.distance(sounds, sound_spelling(letters(v))) <= limit
    ]


def query_words(node: Node) -> list[str]:
    """The (folded) words of a query that may be expanded: not prefixes, not excluded,
    not shorter than ``MIN_HEARD`` letters (the "t" of "don't")."""
    if isinstance(node, Term):
        return [] if node.prefix or len(node.text) < MIN_HEARD else [fold(node.text)]
    if isinstance(node, Phrase):
        return [fold(w) for w in node.words if len(w) >= MIN_HEARD]
    if isinstance(node, Or):
        return [w for p in node.parts for w in query_words(p)]
    if isinstance(node, Near):
        return []
    return [w for p in node.include for w in query_words(p)]


MIN_HEARD = 3  # letters a query word needs to have heard variants
JOINED_MAX = 16  # letters of a phrase read as one word ("Mar-a-Lago" as "maralago")
JOINED_ENGLISH = 2.0  # the Zipf frequency from which a word is no phrase run together


def joined(words: Sequence[str]) -> str | None:
    """A phrase of two or more words as one word, as a captioner may hear it ("Mar a
    Lago" as "maraago"); None when it is one word or long."""
    one = letters("".join(fold(w) for w in words))
    content = sum(1 for w in words if fold(w) not in STOPWORDS)
    if len(words) < 2 or 2 * content < len(words):  # "there is" is not a name
        return None
    return one if MIN_WORD <= len(one) <= JOINED_MAX else None


MIN_WORD = 5


def phrases_joined(node: Node) -> list[str]:
    """The joined form (``joined``) of each phrase of the query."""
    return [one for words in phrase_words(node) if (one := joined(words))]


def phrase_words(node: Node) -> list[tuple[str, ...]]:
    """The words of each phrase of the query."""
    if isinstance(node, Phrase):
        return [tuple(node.words)]
    if isinstance(node, Or):
        return [w for p in node.parts for w in phrase_words(p)]
    if isinstance(node, And):
        return [w for p in node.include for w in phrase_words(p)]
    return []


def best_combinations(sizes: Sequence[int], count: int) -> list[tuple[int, ...]]:
    """The ``count`` index tuples of the product of ``range(size)`` lists with the smallest
    index sums (ties in lexicographic order), found best first: the work grows with
    ``count`` x the number of lists, never with the size of the product."""
    if not sizes or min(sizes) < 1:
        return []
    start = (0,) * len(sizes)
    heap: list[tuple[int, tuple[int, ...]]] = [(0, start)]
    seen = {start}
    out: list[tuple[int, ...]] = []
    while heap and len(out) < count:
        check_time()
        total, combo = heapq.heappop(heap)
        out.append(combo)
        for i, size in enumerate(sizes):
            if combo[i] + 1 < size:
                nxt = (*combo[:i], combo[i] + 1, *combo[i + 1 :])
                if nxt not in seen:
                    seen.add(nxt)
                    heapq.heappush(heap, (total + 1, nxt))
    return out


def heard_as_phrase(typed: Sequence[str], heard: Sequence[str]) -> bool:
    """Whether words heard side by side may stand for a typed phrase: one of them at
    least is as typed (a stopword aside), or heard as no common English word more
    frequent than the typed one nor as another common word for a common word ("shim bit"
    for Shin Bet; not "guys stop" nor "cause story" for Gaza Strip, not "the location"
    for "the election" nor "the stage" for "the hostage")."""
    pairs = [(fold(t), fold(h)) for t, h in zip(typed, heard, strict=True)]
    if all(t == h for t, h in pairs):
        return True  # the phrase as typed, even of stopwords only ("a a")
    return any(_stands_for(t, h) for t, h in pairs)


def _stands_for(typed: str, heard: str) -> bool:
    """Whether one heard word of a phrase is evidence for the typed one."""
    if heard == typed:
        return typed not in STOPWORDS
    if common_english(typed, heard):
        return False
    return min(english_zipf(typed), english_zipf(heard)) < COMMON_ENGLISH


def _phrase(words: Sequence[str], heard: Heard) -> Node:
    options = [[w, *heard.in_phrase.get(fold(w), ())] for w in words]
    # Fewest and closest changes first: combinations by the sum of variant ranks.
    best = best_combinations([len(o) for o in options], MAX_PHRASE_VARIANTS)
    combos = [tuple(o[i] for o, i in zip(options, combo, strict=True)) for combo in best]
    combos = [c for c in combos if heard_as_phrase(words, c)]
    one = joined(words)
    as_one = [Term(v) for v in heard.alone.get(one, ())] if one else []
    if len(combos) == 1 and not as_one:
        return Phrase(tuple(words))
    return Or((*(Phrase(tuple(c)) for c in combos), *as_one))


def _term(term: Term, heard: Heard) -> Node:
    alone = [] if term.prefix else list(heard.alone.get(fold(term.text), ()))
    return Or((term, *(Term(v) for v in alone))) if alone else term


def _runs(include: Sequence[Node]) -> list[Node | list[Term]]:
    """Group consecutive plain terms (two or more) so they can be read as a phrase."""
    out: list[Node | list[Term]] = []
    for part in include:
        plain = isinstance(part, Term) and not part.prefix
        if plain and out and isinstance(out[-1], list):
            out[-1].append(part)  # type: ignore[arg-type]
        elif plain:
            out.append([part])  # type: ignore[list-item]
        else:
            out.append(part)
    return out


SIDE_BY_SIDE_MAX = 4  # words of a run read as a phrase; a longer query is a description


def _names_apart(run: Sequence[Term]) -> list[Node] | None:
    """A run of words with a name typed in capitals inside it, the name read as a phrase
    and the other words as words ("Shabana Mahmood refugee status": the name said side
    by side, as the captions heard it, "Shabbana Mammud", anywhere beside "refugee" and
    "status"); None where no two capitalised words stand together or they are the run."""
    out: list[Node] = []
    name: list[Term] = []
    found = False

    def close() -> None:
        nonlocal found
        if len(name) > 1:
            out.append(Phrase(tuple(t.text for t in name)))
            found = True
        else:
            out.extend(name)
        name.clear()

    for term in run:
        if term.text[:1].isupper() and not term.quoted:
            name.append(term)
        else:
            close()
            out.append(term)
    close()
    return out if found and len(out) > 1 else None


def adjacent(node: Node) -> Node:
    """Read consecutive plain words of an AND as a phrase ('Shin Bet' → "Shin Bet"); runs
    of more than ``SIDE_BY_SIDE_MAX`` words stay words (a description is never said word
    for word, and its phrase with heard variants would be costly to look for)."""
    if isinstance(node, And):
        parts: list[Node] = []
        for run in _runs(node.include):
            if isinstance(run, list):
                names = _names_apart(run)
                if 1 < len(run) <= SIDE_BY_SIDE_MAX:
                    whole = Phrase(tuple(t.text for t in run))
                    parts.append(whole if names is None else Or((whole, And(tuple(names)))))
                else:
                    parts.extend(names or run)
            else:
                parts.append(adjacent(run))
        return And(tuple(parts), node.exclude) if len(parts) > 1 or node.exclude else parts[0]
    if isinstance(node, Or):
        return Or(tuple(adjacent(p) for p in node.parts))
    return node


def expand(node: Node, heard: Heard) -> Node:
    """Replace each word by itself OR its heard variants; an excluded word by itself OR
    the variants that match it alone ("Gaza -Rafah" leaves out the videos that say
    "Rafa", as "Rafah" finds them); excluded phrases stay exact."""
    if isinstance(node, Term):
        return _term(node, heard)
    if isinstance(node, Phrase):
        return _phrase(node.words, heard)
    if isinstance(node, Or):
        return Or(tuple(expand(p, heard) for p in node.parts))
    if isinstance(node, Near):
        return node  # NEAR takes words and phrases only; kept exact
    return And(tuple(expand(p, heard) for p in node.include), _left_out(node.exclude, heard))


def excluding(node: Node, heard: Heard) -> Node:
    """``node`` with only its excluded words widened to what matches them alone: the
    query as typed that still leaves out "Rafa" for "-Rafah"."""
    if isinstance(node, Or):
        return Or(tuple(excluding(p, heard) for p in node.parts))
    if not isinstance(node, And):
        return node
    return And(tuple(excluding(p, heard) for p in node.include), _left_out(node.exclude, heard))


def _left_out(exclude: Sequence[Node], heard: Heard) -> tuple[Node, ...]:
    """Excluded words with the variants that match them alone; phrases as typed."""
    return tuple(_term(p, heard) if isinstance(p, Term) else p for p in exclude)


def excluded_words(node: Node) -> list[str]:
    """The (folded) words a query leaves out ("-Rafah"), which have heard variants too."""
    if isinstance(node, Or):
        return [w for p in node.parts for w in excluded_words(p)]
    if not isinstance(node, And):
        return []
    own = [fold(p.text) for p in node.exclude if isinstance(p, Term) and not p.prefix]
    return [*own, *(w for p in node.include for w in excluded_words(p))]


Lookup = Callable[[Sequence[str]], Mapping[str, Sequence[tuple[str, int]]]]


TYPO_LETTERS = 6  # letters of a typed word at least, for it to be read as a typo


def _slips(
    node: Node,
    keys: Mapping[str, Sequence[str]],
    found: Mapping[str, Sequence[tuple[str, int]]],
    lookup: Lookup,
) -> dict[str, str]:
    """Query words (not of a phrase) of ``TYPO_LETTERS`` letters or more that the
    archive never holds, and the word of it each is one key's slip from ("Isreal",
    "Zelenksy", "Netanyhu": ``slip``); a shorter word has too many words one slip away."""
    alone = set(query_words(node)) - {w for words in phrase_words(node) for w in map(fold, words)}
    unheard = [
        w
        for w, near in keys.items()
        if w in alone
        and len(w) >= TYPO_LETTERS
        and not any(t == w and d for k in near for t, d in found.get(k, ()))
    ]
    if not unheard:
        return {}
    near = {w: sorted({k for v in slipped(w) if (k := sound_key(v))}) for w in unheard}
    asked = sorted({k for ks in near.values() for k in ks if k not in found})
    known = {**found, **(lookup(asked) if asked else {})}
    out = {}
    for w, ks in near.items():
        slips = [
            (-docs, term) for k in ks for term, docs in known.get(k, ()) if docs and slip(w, term)
        ]
        if slips:
            out[w] = min(slips)[1]  # the slip most videos hold
    return out


def slipped(word: str) -> set[str]:
    """Every word one ``slip`` from ``word``: a letter left out, put in (not before the
    first) or two neighbours swapped, the first letter kept; their sound keys find what
    a slip meant where the slip changed the key ("infantio": INFNX, "infantino": INFNTN)."""
    out = {word[:i] + word[i + 1 :] for i in range(1, len(word))}
    out |= {word[:i] + c + word[i:] for i in range(1, len(word) + 1) for c in _LETTERS}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)}
    return out


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def slip(typed: str, meant: str) -> bool:
    """Whether ``typed`` is ``meant`` with one letter left out, put in, or swapped with
    its neighbour, the first letter kept ("Isreal", "Netanyhu", "goverment"); a letter
    changed is as often another word ("vettel" is no "vetted", "Kallas" no "Dallas")."""
    if typed[:1] != meant[:1] or OSA.distance(typed, meant) != 1:
        return False
    return len(typed) != len(meant) or sorted(typed) == sorted(meant)


def _as_typo(
    word: str, meant: str, alone: list[str], in_phrase: list[str]
) -> tuple[list[str], list[str]]:
    """The variants of a typed word the archive never holds, as a ``slip`` of ``meant``:
    ``meant`` first, then those no farther from the word as written ("Netanyhu" finds
    Netanyahu, not "mutiny")."""

    limit = Levenshtein.distance(word, meant)

    def kept(found: list[str]) -> list[str]:
        near = (v for v in found if v != meant and Levenshtein.distance(word, v) <= limit)
        return [meant, *near]

    return kept(alone), kept(in_phrase)


def find_variants(node: Node, lookup: Lookup, documents: int) -> Heard:
    """Heard variants of every expandable query word, from a key → (term, docs) lookup.

    ``documents``: how many documents the vocabulary counts come from.
    """
    keys = {
        w: nearby_keys(k)
        for w in [*query_words(node), *excluded_words(node), *phrases_joined(node)]
        if (k := sound_key(letters(w)))
    }
    found = lookup(sorted({k for near in keys.values() for k in near}))
    alone: dict[str, list[str]] = {}
    in_phrase: dict[str, list[str]] = {}
    as_one = set(phrases_joined(node))
    own_stems = {
        one: {stem(fold(w)) for w in phrase}
        for phrase in phrase_words(node)
        if (one := joined(phrase)) is not None
    }
    meant = _slips(node, keys, found, lookup)
    for word, near in keys.items():
        check_time()
        pool = [item for k in near for item in found.get(k, ())]
        alone[word], in_phrase[word] = heard_variants(word, pool, documents)
        if word in meant:  # "Netanyhu" is Netanyahu, not "mutiny" (heard farther off)
            alone[word], in_phrase[word] = _as_typo(word, meant[word], alone[word], in_phrase[word])
        if word in as_one:  # a joined phrase is only ever matched by a word alone, and
            # never by a form of one of its words ("westing" is "west", not "west bank")
            # nor by a word of English ("shined" for "Shin Bet"): one word heard for a
            # name of two is a name run together ("maraago"), which English lacks
            own = own_stems.get(word, set())
            alone[word] = [
                v for v in alone[word] if stem(v) not in own and english_zipf(v) < JOINED_ENGLISH
            ]
            if any(term == word and docs for term, docs in pool):
                alone[word].insert(0, word)  # said as one word: "sports washing" is also
                # "sportswashing" where the archive holds it
            in_phrase[word] = alone[word]
    return Heard(alone, in_phrase)
