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
        ("Netanyahu NEAR/5 Rafah", 'NEAR("Netanyahu" "Rafah", 5)'),
        ('"Shin Bet" NEAR/10 Mossad NEAR/10 Cairo', 'NEAR("Shin Bet" "Mossad" "Cairo", 10)'),
        ("ceasefire channel:DW lang:en", '"ceasefire"'),
        ('say "AND" NOT', '("say" AND "AND" AND "NOT")'),
    ],
)
def test_queries_compile_to_fts5(query: str, fts: str) -> None:
    assert to_fts5(parse_query(query).node) == fts


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
        ("Gaza entity:Mossad", "entities"),
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
    compiled = to_fts5(node.node)
    assert compiled.count('"') % 2 == 0


def test_filters_in_the_query() -> None:
    from datetime import date

    parsed = parse_query('ceasefire channel:"DW News" lang:en date:2024-03..2024-04')
    assert parsed.channel == "DW News" and parsed.language == "en"
    assert (parsed.since, parsed.until) == (date(2024, 3, 1), date(2024, 4, 30))
    assert parse_query("x date:2024").until == date(2024, 12, 31)
    assert parse_query("x date:2024-02-29").since == date(2024, 2, 29)
    assert parse_query("x date:..2024-02").since is None
    assert parse_query("x source:bbc").node == And((Term("x"), Phrase(("source", "bbc"))))
