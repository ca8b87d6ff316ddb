"""Outlet crowding: one outlet does not fill the first results when another's are as good.

Web search engines limit how many results of one site stand in a row ("host crowding");
an archive of news outlets has the same need: a researcher comparing outlets should see
the best of each, not nine near-equal videos of the outlet that publishes most. After
``RUN`` hits of one outlet in a row, the next hit of another outlet goes first if its
score is at least ``NEAR`` of the score it passes and it is among the next ``WINDOW``
hits. Clear winners keep their places (a BM25 score 10% higher is a real difference);
videos of an unknown outlet never form a run.

The first ``n`` results depend only on the first ``n + WINDOW`` of the ranking, so pages
stay consistent when the caller ranks ``offset + limit + WINDOW``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

RUN = 2
NEAR = 0.9
WINDOW = 10


def crowded(
    order: Sequence[int], scores: Mapping[int, float], outlets: Mapping[int, object]
) -> list[int]:
    """``order`` (ids, best first) with near-equal hits of other outlets moved up;
    ``outlets``: per id, anything equal for one outlet (None or absent: unknown)."""
    rest = list(order)
    out: list[int] = []
    while rest:
        first = rest[0]
        outlet = outlets.get(first)
        run = [outlets.get(t) for t in out[-RUN:]]
        if outlet is not None and len(run) == RUN and all(o == outlet for o in run):
            other = next((t for t in rest[1:WINDOW] if outlets.get(t) != outlet), None)
            if other is not None and scores[other] >= NEAR * scores[first]:
                first = other
        out.append(first)
        rest.remove(first)
    return out
