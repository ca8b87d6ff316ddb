"""Mentions the NER model misses: curated spellings found as whole words anywhere.

Captions write "shim bit" and "mosad" in lower case, where a cased-text NER model sees
no entity; the curated alias file (aliases.toml, ``aliases`` lists only) is matched
over the token keys, longest phrase first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from newsreel.entities.linking import alias_table, curated, key
from newsreel.entities.ner import Mention
from newsreel.repair.clean import bare

_LONGEST = 4


@cache
def _anywhere() -> dict[str, tuple[str, str]]:
    """The curated spellings matched anywhere (built once per process)."""
    return alias_table(curated(), tagged=False)


def find(
    tokens: Sequence[str], table: Mapping[str, tuple[str, str]] | None = None
) -> list[Mention]:
    """Curated spellings (or those of ``table``: spelling key -> (name, type)) in a token
    sequence (non-overlapping, longest first)."""
    table = _anywhere() if table is None else table
    if not table:
        return []
    keys = [key(t) for t in tokens]
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        for size in range(min(_LONGEST, len(tokens) - i), 0, -1):
            phrase = " ".join(keys[i : i + size])
            if phrase in table and all(keys[i : i + size]):
                surface = " ".join(bare(t) for t in tokens[i : i + size])
                out.append(Mention(i, i + size, table[phrase][1], surface))
                i += size
                break
        else:
            i += 1
    return out


def merge(tagged: Sequence[Mention], curated_found: Sequence[Mention]) -> list[Mention]:
    """Curated spellings (precise by construction) plus the NER mentions that overlap
    none of them, in text order."""
    taken = {i for m in curated_found for i in range(m.start, m.end)}
    kept = [m for m in tagged if not any(i in taken for i in range(m.start, m.end))]
    return sorted([*curated_found, *kept], key=lambda m: m.start)
