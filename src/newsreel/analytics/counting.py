"""Count how often a trend term occurs in a transcript, the way the index tokenises. Pure."""

from __future__ import annotations

from collections.abc import Sequence

from newsreel.search.query import And, Near, Node, Or, Phrase, Term
from newsreel.search.soundalike import tokens


def leaves(node: Node) -> list[Term | Phrase]:
    """The words and phrases a query counts (exclusions are not counted)."""
    if isinstance(node, Term | Phrase):
        return [node]
    if isinstance(node, Or | Near):
        return [leaf for part in node.parts for leaf in leaves(part)]
    if isinstance(node, And):
        return [leaf for part in node.include for leaf in leaves(part)]
    raise TypeError(f"cannot count {node!r}")


def folded(leaf: Term | Phrase) -> tuple[tuple[str, ...], bool]:
    """A leaf as folded index tokens, and whether its last word is a prefix."""
    if isinstance(leaf, Term):
        return tuple(tokens(leaf.text)), leaf.prefix
    return tuple(t for word in leaf.words for t in tokens(word)), False


def occurrences(words: Sequence[str], patterns: Sequence[tuple[tuple[str, ...], bool]]) -> int:
    """How many times any pattern occurs in ``words`` (folded tokens), without overlaps
    between patterns at the same position."""
    firsts: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    prefixes = [p for p in patterns if p[1] and len(p[0]) == 1]
    for pattern in patterns:
        if pattern[0] and pattern not in prefixes:
            firsts.setdefault(pattern[0][0], []).append(pattern)
    count, i, n = 0, 0, len(words)
    while i < n:
        width = 0
        for seq, prefix in firsts.get(words[i], ()):
            size = len(seq)
            head, last = seq[:-1], seq[-1]
            if i + size <= n and tuple(words[i : i + size - 1]) == head:
                tail = words[i + size - 1]
                if tail == last or (prefix and tail.startswith(last)):
                    width = max(width, size)
        if not width:
            for seq, _ in prefixes:
                if words[i].startswith(seq[0]):
                    width = 1
                    break
        if width:
            count += 1
            i += width
        else:
            i += 1
    return count
