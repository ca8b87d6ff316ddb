"""The user query language, parsed into a small tree and compiled to SQLite FTS5.

    word            documents containing the word (``word*`` for a prefix)
    "two words"     the exact phrase
    a OR b          either side (OR binds tighter than the implied AND)
    -word, -"p q"   exclude documents containing it
    ( ... )         grouping

Pure: no I/O, no SQLite. Raises ``QueryError`` with a message for the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreel.errors import QueryError

_TOKEN = re.compile(r'\s*(?:(-?)"([^"]*)("?)|(\()|(\))|(-?)([^\s()"]+))')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Term:
    """One word, or a prefix when ``prefix`` is set."""

    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must appear next to each other, in order."""

    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """Any of the parts."""

    parts: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class And:
    """All of ``include`` and none of ``exclude``."""

    include: tuple[Node, ...]
    exclude: tuple[Node, ...] = ()


Node = Term | Phrase | Or | And


def _lex(query: str) -> list[tuple[str, str, bool]]:
    """Split into (kind, text, negated) tokens; kinds: word, phrase, open, close, or."""
    tokens: list[tuple[str, str, bool]] = []
    pos = 0
    while pos < len(query):
        if query[pos:].strip() == "":
            break
        match = _TOKEN.match(query, pos)
        if not match:  # pragma: no cover - the pattern accepts any non-space text
            raise QueryError(f"cannot read the query at character {pos + 1}")
        neg_p, phrase, closed, opening, closing, neg_w, word = match.groups()
        if phrase is not None:
            if not closed:
                raise QueryError(f"the quote opened at character {match.start(2)} is never closed")
            tokens.append(("phrase", phrase, bool(neg_p)))
        elif opening:
            tokens.append(("open", "(", False))
        elif closing:
            tokens.append(("close", ")", False))
        elif word == "OR" and not neg_w:
            tokens.append(("or", word, False))
        else:
            tokens.append(("word", word, bool(neg_w)))
        pos = match.end()
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str, bool]]) -> None:
        self.tokens = tokens
        self.i = 0

    def peek(self) -> str | None:
        return self.tokens[self.i][0] if self.i < len(self.tokens) else None

    def sequence(self, depth: int) -> Node | None:
        include: list[Node] = []
        exclude: list[Node] = []
        while self.peek() not in (None, "close"):
            negated = self.tokens[self.i][2]
            node = self.alternatives(depth)
            if node is not None:
                (exclude if negated else include).append(node)
        if not include and exclude:
            raise QueryError("a query needs at least one word to look for; '-word' only excludes")
        if not include:
            return None
        if len(include) == 1 and not exclude:
            return include[0]
        return And(tuple(include), tuple(exclude))

    def alternatives(self, depth: int) -> Node | None:
        parts = [self.atom(depth)]
        while self.peek() == "or":
            self.i += 1
            if self.peek() in (None, "close", "or"):
                raise QueryError("OR must have a word or phrase on both sides")
            parts.append(self.atom(depth))
        kept = [p for p in parts if p is not None]
        if len(kept) <= 1:
            return kept[0] if kept else None
        return Or(tuple(kept))

    def atom(self, depth: int) -> Node | None:
        kind, text, _ = self.tokens[self.i]
        self.i += 1
        if kind == "or":
            raise QueryError("OR must have a word or phrase on both sides")
        if kind == "open":
            inner = self.sequence(depth + 1)
            if self.peek() != "close":
                raise QueryError("a '(' is never closed with ')'")
            self.i += 1
            return inner
        if kind == "phrase":
            words = tuple(_WORD.findall(text))
            if not words:
                return None
            return Phrase(words) if len(words) > 1 else Term(words[0])
        prefix = text.endswith("*")
        words = tuple(_WORD.findall(text))
        if not words:
            return None
        if len(words) > 1:
            return Phrase(words)
        return Term(words[0], prefix=prefix)


def parse_query(query: str) -> Node:
    """Parse a user query; raise ``QueryError`` if it is malformed or empty."""
    parser = _Parser(_lex(query))
    node = parser.sequence(0)
    if parser.peek() == "close":
        raise QueryError("a ')' has no matching '('")
    if node is None:
        raise QueryError("the query has no words to search for")
    return node


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def to_fts5(node: Node) -> str:
    """Compile a parsed query to an FTS5 MATCH expression."""
    if isinstance(node, Term):
        return _quote(node.text) + ("*" if node.prefix else "")
    if isinstance(node, Phrase):
        return _quote(" ".join(node.words))
    if isinstance(node, Or):
        return "(" + " OR ".join(to_fts5(p) for p in node.parts) + ")"
    positive = " AND ".join(to_fts5(p) for p in node.include)
    if not node.exclude:
        return "(" + positive + ")"
    negative = " OR ".join(to_fts5(p) for p in node.exclude)
    return f"(({positive}) NOT ({negative}))"
