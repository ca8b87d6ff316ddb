"""A long query word also as the two words captions split it into (pure).

Captions write one word as two where the speaker paused: "sportswashing" is heard as
"sports washing", "ceasefire" as "cease fire". A query word of ``MIN_LETTERS`` or more
that the archive also holds split in two (both halves words of its vocabulary, said side
by side in at least one transcript) matches either way: ``Term`` becomes ``Or(Term,
Phrase)``. The reverse, a phrase heard as one word, is ``soundalike.joined``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsreel.search.query import And, Node, Or, Phrase, Term
from newsreel.text import fold

MIN_LETTERS = 8  # shorter words split into common pieces ("to gether") by chance
MIN_HALF = 3  # letters of each half


def with_split_forms(
    node: Node,
    doc_freqs: Callable[[Sequence[str]], dict[str, int]],
    holds: Callable[[Phrase], bool],
) -> Node:
    """``node`` with each long plain word also matching the split form the archive holds
    (``doc_freqs``: documents per folded word; ``holds``: whether a transcript says a
    phrase); NEAR parts, prefixes and phrases stay as typed."""
    if isinstance(node, Term):
        return _term(node, doc_freqs, holds)
    if isinstance(node, Or):
        return Or(tuple(with_split_forms(p, doc_freqs, holds) for p in node.parts))
    if isinstance(node, And):
        return And(
            tuple(with_split_forms(p, doc_freqs, holds) for p in node.include),
            tuple(with_split_forms(p, doc_freqs, holds) for p in node.exclude),
        )
    return node  # Phrase, Near: as typed


def splits(word: str) -> list[tuple[str, str]]:
    """Every way to cut a folded word in two halves of ``MIN_HALF`` letters or more."""
    if len(word) < MIN_LETTERS or not word.isalpha():
        return []
    return [(word[:k], word[k:]) for k in range(MIN_HALF, len(word) - MIN_HALF + 1)]


def _term(
    term: Term,
    doc_freqs: Callable[[Sequence[str]], dict[str, int]],
    holds: Callable[[Phrase], bool],
) -> Node:
    if term.prefix:
        return term
    cuts = splits(fold(term.text))
    if not cuts:
        return term
    held = doc_freqs(sorted({half for cut in cuts for half in cut}))
    for a, b in cuts:
        if held.get(a) and held.get(b) and holds(Phrase((a, b))):
            return Or((term, Phrase((a, b))))
    return term
