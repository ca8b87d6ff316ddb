"""Story ids that outlive a regrouping: a story's id is a shareable link (``/story/14``),
so a regrouped story keeps the id of the old story most of whose videos it holds, and an
old story that no new one keeps points at the one holding most of its videos."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Set
from typing import TypeVar

V = TypeVar("V", bound=Hashable)  # a video: its id, or its transcript's


def carry_ids(
    old: Mapping[int, Set[V]], new: Mapping[int, Set[V]], share: float = 0.5
) -> tuple[dict[int, int], dict[int, int | None]]:
    """``(kept, moved)`` from the videos of each old and each new story: ``kept`` maps a
    new story's id to the old id it takes (the old story more than ``share`` of whose
    videos it holds; each old id once, the largest overlap first); ``moved`` maps every
    old id no new story took to the new id holding most of its videos (None where none
    is)."""
    was_in = {video: old_id for old_id, videos in old.items() for video in videos}
    overlaps = sorted(
        (
            (shared, old_id, new_id)
            for new_id, videos in new.items()
            for old_id, shared in Counter(was_in[v] for v in videos if v in was_in).items()
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    kept: dict[int, int] = {}
    taken: set[int] = set()
    for shared, old_id, new_id in overlaps:
        if shared > share * len(old[old_id]) and old_id not in taken and new_id not in kept:
            kept[new_id] = old_id
            taken.add(old_id)
    heirs: dict[int, int] = {}
    for _, old_id, new_id in overlaps:  # largest overlap first: the first seen is the heir
        heirs.setdefault(old_id, new_id)
    moved: dict[int, int | None] = {}
    for old_id in old:
        if old_id not in taken:
            heir = heirs.get(old_id)
            moved[old_id] = None if heir is None else kept.get(heir, heir)
    return kept, moved
