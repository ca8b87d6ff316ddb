"""Word times decoded on demand agree with decoding them all."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreel.models import LazyTimes

TIMES = st.lists(
    st.tuples(st.floats(0, 1e5, allow_nan=False), st.floats(0, 1e5, allow_nan=False)),
    max_size=50,
)


@given(TIMES)
def test_lazy_times_match_json(times: list[tuple[float, float]]) -> None:
    for raw in (json.dumps(times), json.dumps(times, separators=(",", ":"))):
        lazy = LazyTimes(raw)
        assert len(lazy) == len(times)
        assert [lazy[i] for i in range(len(lazy))] == [tuple(t) for t in times]
        assert lazy[:3] == [tuple(t) for t in times[:3]]
        if times:
            assert lazy[-1] == tuple(times[-1])


def test_lazy_times_bounds() -> None:
    lazy = LazyTimes("[[0.5, 1.0], [1.0, 1.5]]")
    with pytest.raises(IndexError):
        lazy[2]
    assert len(LazyTimes("[]")) == 0
