"""Entities counted over a chosen set of mentions (an export of some videos). Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newsreel.rows import EntityRow, MentionRow


def entities_of(mentions: Iterable[MentionRow]) -> list[EntityRow]:
    """The entities of ``mentions`` with their spellings and counts, as ``entity_rows``
    gives them for the archive: most mentioned first, then by name."""
    spellings: dict[int, Counter[str]] = {}
    info: dict[int, tuple[str, str]] = {}
    for m in mentions:
        spellings.setdefault(m.entity_id, Counter())[m.surface] += 1
        info[m.entity_id] = (m.name, m.type)
    rows = [
        EntityRow(eid, info[eid][0], info[eid][1], dict(c.most_common()), sum(c.values()))
        for eid, c in spellings.items()
    ]
    return sorted(rows, key=lambda r: (-r.mentions, r.name))
