from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreel.errors import QueryError
from newsreel.search.query import And, Or, Phrase, Term, parse_query, to_fts5


@pytest.mark.parametrize(
    ("query", "fts"),
    [
        ("Cairo", '"Cairo"'),
        ("ceasefire Cairo", '("ceasefire" AND "Cairo")'),
        ('"Gaza Strip"', '"Gaza Strip"'),
        ("Rafah OR Rafa", '("Rafah" OR "Rafa")'),
        ("Gaza -Ukraine", '(("Gaza") NOT ("Ukraine"))'),
        ('hostages -"Gaza Strip" -Ukraine', '(("hostages") NOT ("Gaza Strip" OR "Ukraine"))'),
        ("cease-fire", '"cease fire"'),
        ("negotiat*", '"negotiat"*'),
        ("(Rafah OR Rafa) offensive", '(("Rafah" OR "Rafa") AND "offensive")'),
        ('say "AND" NOT', '("say" AND "AND" AND "NOT")'),
    ],
)
def test_queries_compile_to_fts5(query: str, fts: str) -> None:
    assert to_fts5(parse_query(query)) == fts


def test_tree_shape() -> None:
    assert parse_query('a "b c" x OR y -z') == And(
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
    compiled = to_fts5(node)
    assert compiled.count('"') % 2 == 0
