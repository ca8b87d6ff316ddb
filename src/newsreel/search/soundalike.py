"""Sound-alike expansion: find the ways a query word was heard by the captioner.

Captions mishear names ("shim bit" for Shin Bet, "Rafa" for Rafah, "mosad" for Mossad).
Each word of the archive's vocabulary gets a phonetic key (Metaphone, from the
maintained ``jellyfish`` library, coarsened so that m/n and th/t collide); a query word's
heard variants are the vocabulary words with the same key that are also close in
spelling (Levenshtein distance from ``rapidfuzz``, bounded by the word's length).

Pure: the vocabulary lookup is passed in. How expanded matches rank against exact ones
is the search engine's business (``search.engine``).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from newsreel.budget import check_time
from newsreel.search.query import And, Near, Node, Or, Phrase, Term
from newsreel.text import fold, sound_key

MAX_VARIANTS = 8
MAX_PHRASE_VARIANTS = 64
COMMON = 0.05
RARE = 3  # in a small archive, a spelling in this few documents is never "common"


def max_distance(word: str) -> int:
    """How many letters a heard variant may differ by: 1 up to 4 letters, 2 up to 7, 3."""
    return 1 if len(word) <= 4 else 2 if len(word) <= 7 else 3


def heard_variants(
    word: str, candidates: Iterable[tuple[str, int]], documents: int
) -> tuple[list[str], list[str]]:
    """The candidates (term, documents) close enough in spelling to ``word``.

    Returns (alone, in_phrase): every close candidate may stand in for the word inside
    a phrase ("shim bit" for "Shin Bet"), where its neighbours make the match; alone,
    only those that are not common words of the archive (in more than ``COMMON`` of
    its documents, more than the word itself and more than ``RARE``), or "Cairo" would
    match "carry".
    Closest first, then the most frequent; at most ``MAX_VARIANTS``.
    """
    limit = max_distance(word)
    pool = list(candidates)
    own = next((docs for term, docs in pool if term == word), 0)
    common = max(COMMON * documents, own, RARE)
    scored = []
    for term, docs in pool:
        if term == word:
            continue
        distance = Levenshtein.distance(word, term, score_cutoff=limit)
        if distance <= limit:
            scored.append((distance, -docs, term))
    in_phrase = [term for _, _, term in sorted(scored)[:MAX_VARIANTS]]
    alone = [term for d, docs, term in sorted(scored) if -docs <= common][:MAX_VARIANTS]
    return alone, in_phrase


@dataclass(frozen=True, slots=True)
class Heard:
    """Heard variants per (folded) query word: ``alone`` may match by themselves,
    ``in_phrase`` (a superset) only beside the other words of a phrase."""

    alone: Mapping[str, Sequence[str]] = field(default_factory=dict)
    in_phrase: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(self.in_phrase.values())


def query_words(node: Node) -> list[str]:
    """The (folded) words of a query that may be expanded: not prefixes, not excluded."""
    if isinstance(node, Term):
        return [] if node.prefix else [fold(node.text)]
    if isinstance(node, Phrase):
        return [fold(w) for w in node.words]
    if isinstance(node, Or):
        return [w for p in node.parts for w in query_words(p)]
    if isinstance(node, Near):
        return []
    return [w for p in node.include for w in query_words(p)]


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


def _phrase(words: Sequence[str], heard: Heard) -> Node:
    options = [[w, *heard.in_phrase.get(fold(w), ())] for w in words]
    # Fewest and closest changes first: combinations by the sum of variant ranks.
    best = best_combinations([len(o) for o in options], MAX_PHRASE_VARIANTS)
    combos = [tuple(o[i] for o, i in zip(options, combo, strict=True)) for combo in best]
    if len(combos) == 1:
        return Phrase(tuple(words))
    return Or(tuple(Phrase(tuple(c)) for c in combos))


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


def adjacent(node: Node) -> Node:
    """Read consecutive plain words of an AND as a phrase ('Shin Bet' → "Shin Bet")."""
    if isinstance(node, And):
        parts: list[Node] = []
        for run in _runs(node.include):
            if isinstance(run, list):
                parts.append(Phrase(tuple(t.text for t in run)) if len(run) > 1 else run[0])
            else:
                parts.append(adjacent(run))
        return And(tuple(parts), node.exclude) if len(parts) > 1 or node.exclude else parts[0]
    if isinstance(node, Or):
        return Or(tuple(adjacent(p) for p in node.parts))
    return node


def expand(node: Node, heard: Heard) -> Node:
    """Replace each word by itself OR its heard variants; exclusions stay exact."""
    if isinstance(node, Term):
        return _term(node, heard)
    if isinstance(node, Phrase):
        return _phrase(node.words, heard)
    if isinstance(node, Or):
        return Or(tuple(expand(p, heard) for p in node.parts))
    if isinstance(node, Near):
        return node  # NEAR takes words and phrases only; kept exact
    return And(tuple(expand(p, heard) for p in node.include), node.exclude)


Lookup = Callable[[Sequence[str]], Mapping[str, Sequence[tuple[str, int]]]]


def find_variants(node: Node, lookup: Lookup, documents: int) -> Heard:
    """Heard variants of every expandable query word, from a key → (term, docs) lookup.

    ``documents``: how many documents the vocabulary counts come from.
    """
    keys = {w: k for w in query_words(node) if (k := sound_key(w))}
    found = lookup(sorted(set(keys.values())))
    alone: dict[str, list[str]] = {}
    in_phrase: dict[str, list[str]] = {}
    for word, key in keys.items():
        check_time()
        alone[word], in_phrase[word] = heard_variants(word, found.get(key, ()), documents)
    return Heard(alone, in_phrase)
