"""The query tree as PostgreSQL ``tsquery`` text (pure): what the tantivy compiler in
``search.fulltext`` does, for archives kept in PostgreSQL.

Words are folded as the documents were (``text.tokens``) and written as quoted lexemes,
so no text-search configuration changes them; a plain word matches any of its forms
(``search.forms``), a prefix ``word*`` is ``'word':*``, a phrase chains ``<->``, and
NEAR/N is any order of its parts with up to N words between them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from newsreel.search.forms import word_forms
from newsreel.search.query import Near, Node, Or, Phrase, Term
from newsreel.text import tokens

MAX_NEAR_ORDERS = 6


def _lexeme(word: str) -> str:
    return "'" + word.replace("'", "''") + "'"


def _words(words: Sequence[str]) -> list[str]:
    return [t for w in words for t in tokens(w)]


def _phrase(words: Sequence[str]) -> str:
    if len(words) == 1:
        return _lexeme(words[0])
    return "(" + " <-> ".join(_lexeme(w) for w in words) + ")"


def _term(node: Term) -> str | None:
    words = _words([node.text])
    if not words:
        return None
    if node.prefix and len(words) == 1:
        return _lexeme(words[0]) + ":*"
    if node.stem and len(words) == 1:
        forms = sorted(word_forms(words[0]) | {words[0]})
        return (
            "(" + " | ".join(_lexeme(f) for f in forms) + ")"
            if len(forms) > 1
            else _lexeme(words[0])
        )
    return _phrase(words)


def _near(node: Near) -> str | None:
    groups = [_words(p.words if isinstance(p, Phrase) else [p.text]) for p in node.parts]
    if any(not g for g in groups):
        return None
    options = []
    for order in itertools.islice(itertools.permutations(groups), MAX_NEAR_ORDERS):
        for gap in range(1, node.distance + 2):
            options.append(f" <{gap}> ".join(_phrase(g) for g in order))
    return "(" + " | ".join(f"({o})" for o in options) + ")"


def compile_tsquery(node: Node) -> str | None:
    """The ``tsquery`` text of a query tree; None when it can match nothing."""
    if isinstance(node, Term):
        return _term(node)
    if isinstance(node, Phrase):
        words = _words(node.words)
        return _phrase(words) if words else None
    if isinstance(node, Or):
        parts = [p for p in (compile_tsquery(n) for n in node.parts) if p is not None]
        return "(" + " | ".join(parts) + ")" if parts else None
    if isinstance(node, Near):
        return _near(node)
    include = [compile_tsquery(n) for n in node.include]
    if not include or any(p is None for p in include):
        return None
    exclude = [p for p in (compile_tsquery(n) for n in node.exclude) if p is not None]
    return "(" + " & ".join([*(p for p in include if p), *(f"!{p}" for p in exclude)]) + ")"
