from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreel.errors import QueryError
from newsreel.search.fulltext import FullText, compile_node
from newsreel.search.query import And, Near, Or, Phrase, Term, parse_query

SCHEMA = FullText(None).schema


@pytest.mark.parametrize(
    ("query", "node"),
    [
        ("Cairo", Term("Cairo")),
        ("ceasefire Cairo", And((Term("ceasefire"), Term("Cairo")))),
        ('"Gaza Strip"', Phrase(("Gaza", "Strip"))),
        ("Rafah OR Rafa", Or((Term("Rafah"), Term("Rafa")))),
        ("Gaza -Ukraine", And((Term("Gaza"),), (Term("Ukraine"),))),
        ("cease-fire", Phrase(("cease", "fire"))),
        ("negotiat*", Term("negotiat", prefix=True)),
        ("Netanyahu NEAR/5 Rafah", Near((Term("Netanyahu"), Term("Rafah")), 5)),
        ("ceasefire channel:DW lang:en", Term("ceasefire")),
        ('say "AND" NOT', And((Term("say"), Term("AND"), Term("NOT")))),
    ],
)
def test_queries_parse_to_trees(query: str, node: object) -> None:
    assert parse_query(query).node == node


def test_tree_shape() -> None:
    assert parse_query('a "b c" x OR y -z').node == And(
        (Term("a"), Phrase(("b", "c")), Or((Term("x"), Term("y")))), (Term("z"),)
    )


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("", "no words"),
        ("   ", "no words"),
        ("-Ukraine", "only excludes"),
        ('"Gaza Strip', "never closed"),
        ("Gaza OR", "both sides"),
        ("OR Gaza", "both sides"),
        ("(Gaza", "never closed"),
        ("Gaza)", "no matching"),
        ("!!! ???", "no words"),
        ("channel:DW", "no words"),
        ("Gaza NEAR/5", "both sides"),
        ("a NEAR/5 b NEAR/3 c", "one distance"),
        ("Gaza -channel:DW", "on its own"),
        ("Gaza (channel:DW)", "on its own"),
        ("Gaza date:2024-13", "not a date"),
        ("Gaza date:2024-05..2024-03", "ends before it starts"),
        ("Gaza entity:Mossad", "newsreel entity NAME"),
    ],
)
def test_malformed_queries_get_a_clear_message(query: str, needle: str) -> None:
    with pytest.raises(QueryError, match=needle):
        parse_query(query)


@given(st.text(max_size=60))
def test_any_input_parses_or_raises_query_error(text: str) -> None:
    try:
        node = parse_query(text)
    except QueryError:
        return
    assert compile_node(SCHEMA, node.node) is not None


def test_filters_in_the_query() -> None:
    from datetime import date

    parsed = parse_query('ceasefire channel:"DW News" lang:en date:2024-03..2024-04')
    assert parsed.channel == "DW News" and parsed.language == "en"
    assert (parsed.since, parsed.until) == (date(2024, 3, 1), date(2024, 4, 30))
    assert parse_query("x date:2024").until == date(2024, 12, 31)
    assert parse_query("x date:2024-02-29").since == date(2024, 2, 29)
    assert parse_query("x date:..2024-02").since is None
    assert parse_query("x source:bbc").node == And((Term("x"), Phrase(("source", "bbc"))))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("gaza NEAR/99999999999999999999 rafah", "NEAR/n takes a distance of at most 1000"),
        ("gaza NEAR/1001 rafah", "at most 1000"),
        ("(" * 5000 + "gaza" + ")" * 5000, "characters; at most 2,000"),
        ("(" * 40 + "gaza" + ")" * 40, "brackets nest at most 16 deep"),
        (" ".join(["gaza"] * 65), "65 words; at most 64"),
    ],
)
def test_queries_beyond_the_limits_are_refused_with_the_reason(query: str, message: str) -> None:
    """Regression: NEAR/huge overflowed in the engine (HTTP 500), 5,000 nested brackets hit
    Python's recursion limit, and long queries ran for minutes."""
    with pytest.raises(QueryError, match=re.escape(message)):
        parse_query(query)


def test_queries_at_the_limits_parse() -> None:
    assert parse_query(" ".join(["gaza"] * 64))
    assert parse_query("(" * 16 + "gaza" + ")" * 16)
    assert parse_query("gaza NEAR/1000 rafah")


_PIECES = st.sampled_from(
    [
        "gaza",
        "rafah",
        "shin",
        "bet",
        "OR",
        "NEAR/3",
        "NEAR/99999999999",
        "(",
        ")",
        '"',
        "-",
        "*",
        "channel:DW",
        "date:2024",
        "lang:en",
        "entity:x",
        "é",
        "0",
        " ",
        "  ",
    ]
)


@given(st.lists(_PIECES, max_size=400))
def test_query_language_fuzz_parses_or_refuses(pieces: list[str]) -> None:
    """Any mix of the query language's pieces, long or nested, parses or raises
    QueryError, and compiles when it parses."""
    text = " ".join(pieces)
    try:
        node = parse_query(text)
    except QueryError:
        return
    assert compile_node(SCHEMA, node.node) is not None
