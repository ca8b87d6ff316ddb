"""Outlet crowding (search.crowding): near-equal hits of other outlets move up."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsreel.search.crowding import NEAR, RUN, WINDOW, crowded


def test_a_third_hit_of_one_outlet_yields_to_a_near_equal_one_of_another() -> None:
    scores = {1: 10.0, 2: 9.8, 3: 9.6, 4: 9.0, 5: 8.9}
    outlets = {1: "BBC", 2: "BBC", 3: "BBC", 4: "BBC", 5: "DW"}
    assert crowded([1, 2, 3, 4, 5], scores, outlets) == [1, 2, 5, 3, 4]


def test_a_clear_winner_keeps_its_place() -> None:
    scores = {1: 10.0, 2: 9.8, 3: 9.6, 4: 5.0}
    outlets = {1: "BBC", 2: "BBC", 3: "BBC", 4: "DW"}
    assert crowded([1, 2, 3, 4], scores, outlets) == [1, 2, 3, 4]


def test_videos_of_an_unknown_outlet_never_form_a_run() -> None:
    scores = {1: 10.0, 2: 9.9, 3: 9.8, 4: 9.7}
    outlets: dict[int, str | None] = {1: None, 2: None, 3: None, 4: "DW"}
    assert crowded([1, 2, 3, 4], scores, outlets) == [1, 2, 3, 4]


def test_a_hit_beyond_the_window_stays_where_it_is() -> None:
    order = list(range(1, WINDOW + 4))
    scores = {t: 10.0 for t in order}
    outlets = {t: "BBC" for t in order} | {order[-1]: "DW"}
    assert crowded(order, scores, outlets)[RUN] == RUN + 1


_RANKINGS = st.lists(
    st.tuples(st.floats(0.1, 100), st.sampled_from(["a", "b", "c", None])), max_size=40
)


@given(_RANKINGS, st.integers(0, 30))
def test_crowding_reorders_only_and_pages_depend_on_what_precedes_them(
    ranking: list[tuple[float, str | None]], n: int
) -> None:
    ranking.sort(key=lambda item: -item[0])
    order = list(range(len(ranking)))
    scores = {i: s for i, (s, _) in enumerate(ranking)}
    outlets = {i: o for i, (_, o) in enumerate(ranking)}
    out = crowded(order, scores, outlets)
    assert sorted(out) == order
    assert out[:n] == crowded(order[: n + WINDOW], scores, outlets)[:n]
    for place, t in enumerate(out):  # nothing passes a hit it is not near
        passed = [u for u in order[:t] if u not in out[:place]]
        assert all(scores[t] >= NEAR * scores[u] for u in passed)
