"""Count how often a trend term occurs in a transcript, the way the index tokenises:
folded (lower case, no accents), whole words, phrases across any punctuation. Pure."""

from __future__ import annotations

import re

from newsreel.search.query import And, Near, Node, Or, Phrase, Term
from newsreel.text import fold, tokens, untagged

Pattern = tuple[tuple[str, ...], bool]


def leaves(node: Node) -> list[Term | Phrase]:
    """The words and phrases a query counts (exclusions are not counted)."""
    if isinstance(node, Term | Phrase):
        return [node]
    if isinstance(node, Or | Near):
        return [leaf for part in node.parts for leaf in leaves(part)]
    if isinstance(node, And):
        return [leaf for part in node.include for leaf in leaves(part)]
    raise TypeError(f"cannot count {node!r}")


def folded(leaf: Term | Phrase) -> Pattern:
    """A leaf as folded index tokens, and whether its last word is a prefix."""
    if isinstance(leaf, Term):
        return tuple(tokens(leaf.text)), leaf.prefix
    return tuple(t for word in leaf.words for t in tokens(word)), False


def matcher(patterns: list[Pattern] | tuple[Pattern, ...]) -> re.Pattern[str]:
    """One regular expression matching any pattern as whole folded tokens; longer
    patterns first, so "west bank" counts once, not also as "west"."""
    alternatives = []
    for words, prefix in sorted(patterns, key=lambda p: (-len(p[0]), p)):
        if not words:
            continue
        body = r"\W+".join(re.escape(w) for w in words)
        alternatives.append(rf"(?<!\w){body}" + (r"\w*" if prefix else r"(?!\w)"))
    if not alternatives:
        raise ValueError("no words to count")
    return re.compile("|".join(alternatives))


def occurrences(text: str, compiled: re.Pattern[str]) -> int:
    """How many non-overlapping times the patterns occur in ``text``."""
    return sum(1 for _ in compiled.finditer(fold(untagged(text))))  # "[Music]" is no word
