"""The time budget: a query past its deadline stops at its next check, whatever step it
is at, and leaves the archive answering as before."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsreel import Archive, QueryError, TimeBudgetError, time_budget
from newsreel.budget import Deadline, check_time


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    """Every test here runs on a SQLite file and on a PostgreSQL database."""
    return any_archive


@pytest.fixture
def demo(archive: Archive, examples: Path) -> Archive:
    archive.ingest([examples])
    return archive


def test_no_budget_never_stops() -> None:
    check_time()
    with time_budget(None) as deadline:
        assert deadline is None
        check_time()


def test_a_spent_budget_stops_with_a_sentence_saying_how_to_narrow_the_query() -> None:
    with time_budget(0.0), pytest.raises(TimeBudgetError) as caught:
        check_time()
    assert isinstance(caught.value, QueryError)
    assert caught.value.seconds == 0.0
    message = str(caught.value)
    assert "took longer than its time budget of 0 s" in message and "narrow it" in message
    check_time()  # the budget ended with its block


def test_a_nested_budget_keeps_the_earlier_deadline() -> None:
    with time_budget(0.0) as outer, time_budget(60.0) as inner:
        assert inner is outer
        with pytest.raises(TimeBudgetError):
            check_time()
    with time_budget(60.0) as outer, time_budget(0.0) as inner:
        assert inner is not outer and inner is not None and inner.seconds == 0.0


QUERIES: list[tuple[str, Callable[[Archive], Any]]] = [
    ("lexical", lambda a: a.search("Rafa talks", limit=5)),
    ("exact", lambda a: a.search("Cairo", exact=True, limit=5)),
    ("by date", lambda a: a.search("Qatar", sort="date", limit=5)),
    ("hybrid", lambda a: a.search("hostages released in Gaza", mode="hybrid", limit=5)),
    ("facets", lambda a: a.facets("Rafa")),
    ("exact facets", lambda a: a.facets("Cairo", exact=True)),
    ("entity facet", lambda a: a.entity_facet("Cairo")),
    ("export", lambda a: a.table(query="Cairo", exact=True)[0]),
    ("trends", lambda a: a.trend_rows(["Rafah", "Qatar OR Cairo", '"talks in"'], heard=True)),
]


@pytest.mark.parametrize(("name", "query"), QUERIES, ids=[n for n, _ in QUERIES])
def test_every_query_kind_stops_under_a_spent_budget(
    demo: Archive, name: str, query: Callable[[Archive], Any]
) -> None:
    with time_budget(0.0), pytest.raises(TimeBudgetError):
        query(demo)


def _checks_of(query: Callable[[Archive], Any], demo: Archive, monkeypatch: Any) -> int:
    """How many times the query checks its deadline."""
    ticks = itertools.count()
    monkeypatch.setattr(Deadline, "passed", lambda self: next(ticks) < 0)
    with time_budget(60.0):
        query(demo)
    return next(ticks)


@pytest.mark.parametrize(
    ("name", "query"), [q for q in QUERIES if q[0] in ("lexical", "hybrid", "trends")]
)
def test_a_query_stopped_at_any_check_leaves_the_archive_answering_the_same(
    demo: Archive, name: str, query: Callable[[Archive], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = query(demo)
    checks = _checks_of(query, demo, monkeypatch)
    assert checks >= 3, "the query has too few check points to stop in the middle"
    for stop_at in range(checks):
        demo._trends = None  # count from scratch: stop mid-count, then resume the count
        ticks = itertools.count()
        monkeypatch.setattr(Deadline, "passed", lambda self, n=stop_at, t=ticks: next(t) >= n)
        with time_budget(60.0), pytest.raises(TimeBudgetError):
            query(demo)
        assert query(demo) == expected, f"different after stopping at check {stop_at}"
