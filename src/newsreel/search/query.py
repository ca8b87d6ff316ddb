"""The user query language, parsed into a small tree (compiled by ``search.fulltext``).

    word            documents containing the word (``word*`` for a prefix; "Gaza's": Gaza)
    "two words"     the exact phrase
    a OR b          either side (OR binds tighter than the implied AND)
    a AND b         both (the same as "a b": words are joined by AND anyway)
    a NEAR/5 b      both, at most 5 words apart (either order)
    -word, -"p q"   exclude documents containing it
    ( ... )         grouping
    channel:DW  channel:"DW News"  lang:en  date:2024-03..2024-04  (filters)
    channel:DW OR channel:BBC       either outlet (also in brackets: Gaza (channel:DW OR …))
    group:NAME  channel:group:NAME  any outlet of a named group (newsreel group add)
    -heard:raf      do not count "raf" as a way the captions misheard a query word

Filters hold for the whole query: they may stand in brackets, but not after a '-' or
in NEAR, and only outlet filters (channel:, group:) may be joined by OR, with each other.

Pure: no I/O, no search engine. Raises ``QueryError`` with a message for the user.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from newsreel.errors import QueryError
from newsreel.text import fold

# a filter's name in any case where it is a known one ("Entity:Hamas", "Channel:DW");
# another name only in lower case (a capitalised "Update:" before a word stays words)
_NAME = r"(?:[a-z]+|(?i:channel|group|lang|date|entity|heard))"
_TOKEN = re.compile(rf'\s*(?:(-?)({_NAME}):"([^"]*)"|(-?)"([^"]*)("?)|(\()|(\))|(-?)([^\s()"]+))')
_FIELD = re.compile(rf"^({_NAME}):(.+)$")
_EMPTY = re.compile(rf"^-?({_NAME}):$")
_NEAR = re.compile(r"^NEAR/(\d+)$")
# Limits that keep a query's cost bounded (a query beyond them is refused, not run).
MAX_QUERY_CHARS = 2_000
MAX_WORDS = 64
MAX_DEPTH = 16
MAX_NEAR = 1_000
FIELDS = ("channel", "group", "lang", "date", "entity", "heard")
GROUP_PREFIX = "group:"  # an outlet filter naming a group: channel:group:NAME
_WORD = re.compile(r"\w+", re.UNICODE)
_POSSESSIVE = re.compile(r"\w['\u2019]s$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Term:
    """One word, or a prefix when ``prefix`` is set; ``stem``: any of its word forms
    ("hostages" finds "hostage"; set by the search engine unless matching is exact)."""

    text: str
    prefix: bool = False
    stem: bool = False
    quoted: bool = False  # typed in quotes ("hostages"): as typed, no other forms


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


@dataclass(frozen=True, slots=True)
class Near:
    """Terms or phrases within ``distance`` words of each other."""

    parts: tuple[Term | Phrase, ...]
    distance: int


Node = Term | Phrase | Or | And | Near
# A filter met while parsing: (name, values); several values only for outlets in OR.
Clause = tuple[str, tuple[str, ...]]
Parsed = tuple[Node | None, list[Clause]]


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """What to match and the metadata filters the query named (``channels``: outlet
    names, codes or ``group:NAME``, any of which may match)."""

    node: Node
    channels: tuple[str, ...] = ()
    language: str | None = None
    since: date | None = None
    until: date | None = None
    dropped: tuple[str, ...] = ()  # heard variants the user ruled out (-heard:WORD)
    # entities every match must mention (entity:NAME, entity:"Keir Starmer"; by name,
    # a spelling or an id as ``newsreel entity`` takes them)
    entities: tuple[str, ...] = ()

    @property
    def filtered(self) -> bool:
        """Whether the query names a filter (outlet, language, date or entity)."""
        return bool(self.channels or self.language or self.since or self.until or self.entities)


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
        token = _token(match)
        if token == ("word", "AND", False):  # "Gaza AND Hamas": what words do anyway
            if not tokens or tokens[-1][0] in _NOT_BEFORE_AND:
                raise QueryError(_DANGLING_AND)
            tokens.append(("and", "AND", False))
        else:
            if tokens and tokens[-1][0] == "and" and token[0] in ("close", "or", "near"):
                raise QueryError(_DANGLING_AND)
            tokens.append(token)
        pos = match.end()
    if tokens and tokens[-1][0] == "and":
        raise QueryError(_DANGLING_AND)
    return [t for t in tokens if t[0] != "and"]


_DANGLING_AND = "AND must have a word or phrase on both sides"  # as OR and NEAR/n
_NOT_BEFORE_AND = frozenset({"open", "or", "near", "and"})


def _token(match: re.Match[str]) -> tuple[str, str, bool]:
    """The (kind, text, negated) token of one match of ``_TOKEN``."""
    neg_f, fname, fvalue, neg_p, phrase, closed, opening, closing, neg_w, word = match.groups()
    if word and word.endswith(":") and match.string[match.end() : match.end() + 1] == '"':
        raise QueryError(  # 'entity:"Keir Starmer': not "entity: gives no value"
            f"the quote opened at character {match.end() + 1} is never closed"
        )
    field = _field(fname, fvalue, word)
    if field:
        return ("field", f"{field[0]}:{field[1]}", bool(neg_f or neg_w))
    if phrase is not None:
        if not closed:
            raise QueryError(f"the quote opened at character {match.start(5)} is never closed")
        return ("phrase", phrase, bool(neg_p))
    if opening:
        return ("open", "(", False)
    if closing:
        return ("close", ")", False)
    if word == "OR" and not neg_w:
        return ("or", word, False)
    if word and _NEAR.match(word) and not neg_w:
        return ("near", word.split("/")[1], False)
    if word and word.startswith("NEAR/") and not neg_w:
        raise QueryError(f"{word!r}: NEAR/ takes a number of words, e.g. NEAR/5")
    if word in _OPERATOR_HINTS and not neg_w:
        raise QueryError(_OPERATOR_HINTS[word])
    if word and _LUCENE.search(word):
        raise QueryError(
            f"{word!r}: '~' and '^' are no operators here (misheard and misspelt words "
            "are matched already; a prefix is word*); to search the text itself, quote it"
        )
    return ("word", word, bool(neg_w))


# another search tool's fuzzy or boost mark on a word: "Gaza~2", "Gaza^5"
_LUCENE = re.compile(r"\w[~^]\d*(?:\.\d+)?$")

# operators of other search tools, written in capitals: a hint, not a word to look for
# (the lower-case word is searched as it is)
_OPERATOR_HINTS = {
    "NOT": "NOT is no operator here: put a minus before a word to leave it out "
    "(Gaza -Rafah); to search the word itself, quote it or write it in lower case",
    "NEAR": "NEAR takes a number of words: Gaza NEAR/5 Rafah",
}


def _field(fname: str | None, fvalue: str | None, word: str | None) -> tuple[str, str] | None:
    """(name, value) of a filter: ``name:"value"``, or ``name:value`` for a known name;
    a known name with no value ("channel:") or an unknown name before a word
    ("source:bbc") is an error, not words to look for (quoted, "source:bbc" is)."""
    field = (fname.lower(), fvalue or "") if fname else None
    if word and not field and (empty := _EMPTY.match(word)) and empty[1].lower() in FIELDS:
        raise QueryError(
            f"{word} gives no value; e.g. channel:DW, date:2024-03, lang:en, entity:Hamas"
        )
    plain = _FIELD.match(word) if word and not field else None
    if plain and (plain[1].lower() in FIELDS or plain[2][:1].isalpha()):  # "10:30": words
        field = (plain[1].lower(), plain[2])
    if field and field[0] not in FIELDS:
        raise QueryError(
            f"unknown filter {field[0]}:; use {', '.join(FIELDS)} "
            "(to look for the words, "
            f'quote them: "{field[0]}:{field[1]}")'
        )
    return field


class _Parser:
    def __init__(self, tokens: list[tuple[str, str, bool]]) -> None:
        self.tokens = tokens
        self.i = 0
        self.dropped: list[str] = []

    def peek(self) -> str | None:
        return self.tokens[self.i][0] if self.i < len(self.tokens) else None

    def sequence(self, depth: int) -> Parsed:
        include: list[Node] = []
        exclude: list[Node] = []
        clauses: list[Clause] = []
        while self.peek() not in (None, "close"):
            kind, text, negated = self.tokens[self.i]
            if kind == "field" and text.startswith("heard:"):
                if not negated:
                    raise QueryError(
                        f"write -{text} to stop counting a heard variant; heard: only drops"
                    )
                self.dropped.extend(fold(w) for w in _WORD.findall(text.partition(":")[2]))
                self.i += 1
                continue
            node, found = self.alternatives(depth)
            if found and negated:
                raise QueryError(f"the filter {_text(found[0])} must stand on its own, not negated")
            clauses += found
            if node is not None:
                (exclude if negated else include).append(node)
        if not include and exclude:
            raise QueryError("a query needs at least one word to look for; '-word' only excludes")
        if not include:
            return None, clauses
        if len(include) == 1 and not exclude:
            return include[0], clauses
        return And(tuple(include), tuple(exclude)), clauses

    def alternatives(self, depth: int) -> Parsed:
        parts = [self.near(depth)]
        while self.peek() == "or":
            self.i += 1
            if self.peek() in (None, "close", "or"):
                raise QueryError("OR must have a word or phrase on both sides")
            parts.append(self.near(depth))
        kept = [p for p in parts if p[0] is not None or p[1]]
        if len(kept) <= 1:
            return kept[0] if kept else (None, [])
        if not any(found for _, found in kept):
            return Or(tuple(node for node, _ in kept if node is not None)), []
        return None, [_outlets_in_or(kept)]

    def near(self, depth: int) -> Parsed:
        first = self.atom(depth)
        if self.peek() != "near":
            return first
        parts, distance = [first], self.tokens[self.i][1]
        while self.peek() == "near":
            if self.tokens[self.i][1] != distance:
                raise QueryError("a chain of NEAR/n must use one distance")
            self.i += 1
            if self.peek() not in ("word", "phrase"):
                raise QueryError("NEAR/n must have a word or phrase on both sides")
            parts.append(self.atom(depth))
        nodes = [node for node, found in parts if not found]
        if len(nodes) < len(parts) or not all(isinstance(p, Term | Phrase) for p in nodes):
            raise QueryError("NEAR/n joins words or phrases only")
        if len(distance) > 6 or int(distance) > MAX_NEAR:
            raise QueryError(f"NEAR/n takes a distance of at most {MAX_NEAR} words")
        return Near(tuple(p for p in nodes if isinstance(p, Term | Phrase)), int(distance)), []

    def atom(self, depth: int) -> Parsed:
        kind, text, _ = self.tokens[self.i]
        self.i += 1
        if kind == "or":
            raise QueryError("OR must have a word or phrase on both sides")
        if kind == "near":
            raise QueryError("NEAR/n must have a word or phrase on both sides")
        if kind == "field":
            return None, [_clause(text)]
        if kind == "open":
            if depth >= MAX_DEPTH:
                raise QueryError(f"brackets nest at most {MAX_DEPTH} deep")
            inner = self.sequence(depth + 1)
            if self.peek() != "close":
                raise QueryError("a '(' is never closed with ')'")
            self.i += 1
            return inner
        if kind == "phrase":
            words = tuple(_WORD.findall(text))
            if not words:
                return None, []
            return (Phrase(words) if len(words) > 1 else Term(words[0], quoted=True)), []
        prefix = text.endswith("*")
        words = tuple(_WORD.findall(text))
        if not words:
            return None, []
        if len(words) == 2 and _POSSESSIVE.search(text):
            words = words[:1]  # "Gaza's" is Gaza (which finds "Gaza's" too), no phrase
        if len(words) > 1:
            return Phrase(words), []
        return Term(words[0], prefix=prefix), []


def _clause(text: str) -> Clause:
    """The filter of a field token ``name:value``; ``group:X`` is the outlet filter
    ``channel:group:X``."""
    name, _, value = text.partition(":")
    value = value.strip()
    if name in ("channel", "group") and not value.removeprefix(GROUP_PREFIX).strip():
        raise QueryError(
            f"{text} names no {'group' if name == 'group' or value else 'outlet'}; write "
            'channel:DW, channel:"DW News" or group:NAME'
        )
    if name == "group":
        return "channel", (GROUP_PREFIX + value,)
    if name == "entity" and not value:
        raise QueryError(f'{text} names no entity; write entity:Hamas or entity:"Keir Starmer"')
    return name, (value,)


def _text(clause: Clause) -> str:
    return " OR ".join(f"{clause[0]}:{value}" for value in clause[1])


def _outlets_in_or(parts: list[Parsed]) -> Clause:
    """Outlet filters joined by OR, as one filter; anything else in an OR with a filter
    is an error."""
    values: list[str] = []
    for node, found in parts:
        other = [c for c in found if c[0] != "channel"]
        if other:
            raise QueryError(
                f"the filter {_text(other[0])} must stand on its own, not in OR; only "
                "outlet filters (channel:, group:) may be joined by OR"
            )
        if node is not None or len(found) != 1:
            raise QueryError(
                "OR joins outlet filters (channel:, group:) only with each other: write "
                "'Gaza (channel:DW OR channel:BBC)' for Gaza in either outlet"
            )
        values += found[0][1]
    return "channel", tuple(values)


# typographic double quotes (as pasted from the web or typed on a phone) quote a phrase
_QUOTES = str.maketrans(
    {c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"}
    | {c: "'" for c in "\u2018\u2019"}  # and apostrophes: "O\u2019Donoghue" is "O'Donoghue"
)


def entity_only(query: str) -> str | None:
    """The name a query that is one ``entity:`` filter and nothing else names
    ('entity:"Keir Starmer"': its page, not a search), else None."""
    try:
        tokens = _lex(query.translate(_QUOTES))
    except QueryError:
        return None
    if len(tokens) != 1 or tokens[0][0] != "field" or tokens[0][2]:
        return None
    name, _, value = tokens[0][1].partition(":")
    return value.strip() or None if name == "entity" else None


def parse_query(query: str) -> ParsedQuery:
    """Parse a user query; raise ``QueryError`` if it is malformed, has no words, or is
    beyond the limits (``MAX_QUERY_CHARS`` characters, ``MAX_WORDS`` words,
    ``MAX_DEPTH`` nested brackets, ``NEAR/MAX_NEAR``)."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(query):,} characters; at most {MAX_QUERY_CHARS:,}")
    tokens = _lex(query.translate(_QUOTES))
    words = sum(  # as a reader counts them: "who've" is one word
        1
        for kind, t, _ in tokens
        if kind in ("word", "phrase")
        for piece in t.split()
        if _WORD.search(piece)
    )
    if words > MAX_WORDS:
        raise QueryError(
            f"the query has {words} words; at most {MAX_WORDS} (to find where a long quote "
            f"was said, its first {MAX_WORDS} words do)"
        )
    parser = _Parser(tokens)
    node, clauses = parser.sequence(0)
    if parser.peek() == "close":
        raise QueryError("a ')' has no matching '('")
    if node is None:
        named = [v for name, (v, *_) in clauses if name == "entity"]
        raise QueryError(
            "the query has no words to search for"
            + (f"; 'newsreel entity \"{named[0]}\"' lists its videos" if named else "")
        )
    parsed = ParsedQuery(node, dropped=tuple(dict.fromkeys(parser.dropped)))
    outlets = [clause for clause in clauses if clause[0] == "channel"]
    _refuse_clashes(clauses)
    for name, (value, *_) in clauses:
        if name == "entity":
            parsed = replace(parsed, entities=tuple(dict.fromkeys((*parsed.entities, value))))
        elif name == "date":
            since, until = parse_date_range(value)
            parsed = replace(parsed, since=since, until=until)
        elif name == "channel":
            parsed = replace(parsed, channels=tuple(dict.fromkeys(outlets[0][1])))
        elif name == "lang":
            parsed = replace(parsed, language=value)
    return parsed


def _refuse_clashes(clauses: list[Clause]) -> None:
    """A ``QueryError`` where the query gives one filter twice: two outlet filters not
    joined by OR, two dates or two languages."""
    for name in ("date", "lang"):
        twice = [_text(c) for c in clauses if c[0] == name]
        if len(twice) > 1:
            raise QueryError(
                f"the query gives {name}: twice ({', '.join(twice)}); give one "
                + ("range, e.g. date:2024..2025" if name == "date" else "language")
            )
    outlets = [clause for clause in clauses if clause[0] == "channel"]
    if len(outlets) > 1:
        either = " OR ".join(_text(c) for c in outlets)
        raise QueryError(
            f"the query filters outlets twice ({', '.join(_text(c) for c in outlets)}); a "
            f"video has one outlet: write {either} for any of them"
        )


def _bound(text: str, *, end: bool) -> date:
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return date(numbers[0], 12, 31) if end else date(numbers[0], 1, 1)
        if len(numbers) == 2:
            last = calendar.monthrange(numbers[0], numbers[1])[1]
            return date(numbers[0], numbers[1], last if end else 1)
        if len(numbers) == 3:
            return date(*numbers)
    except ValueError:
        pass
    raise QueryError(f"date:{text} is not a date; use 2024, 2024-03 or 2024-03-31")


def parse_date_range(value: str) -> tuple[date | None, date | None]:
    """``2024-03..2024-04`` → (2024-03-01, 2024-04-30); open ends allowed."""
    low, dots, high = value.partition("..")
    if not dots:
        return _bound(value, end=False), _bound(value, end=True)
    since = _bound(low, end=False) if low else None
    until = _bound(high, end=True) if high else None
    if since and until and since > until:
        raise QueryError(f"date:{value} ends before it starts")
    return since, until
