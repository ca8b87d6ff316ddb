"""The ``entity:NAME`` filter's entity, its errors and its notes (pure, on a stand-in
store of entities and spellings)."""

from __future__ import annotations

from typing import Any

import pytest

from newsreel.errors import NotFoundError, QueryError
from newsreel.search.engine import entity_notes, filtered_entity, mentioning

# id -> (name, type, {transcript: mentions}, spellings heard)
_ENTITIES = {
    1: ("Hillary Clinton", "PER", {10: 2, 11: 1}, {"clinton": 5}),
    2: ("Bill Clinton", "PER", {11: 3, 12: 1}, {"clinton": 1}),
    3: ("Hamas", "ORG", {10: 4, 13: 1}, {}),
}


class _Entities:
    def find_entity(self, name: str) -> tuple[int, str, str]:
        for i, (canonical, kind, _, _spelled) in _ENTITIES.items():
            if name.casefold() == canonical.casefold() or name == str(i):
                return i, canonical, kind
        best = max(
            ((n.get(name.casefold(), 0), i) for i, (_, _, _, n) in _ENTITIES.items()),
            default=(0, 0),
        )
        if best[0]:
            return best[1], _ENTITIES[best[1]][0], _ENTITIES[best[1]][1]
        raise NotFoundError(f"no entity {name!r} in the archive a.db")

    def entity_hits(self, entity: int) -> dict[int, int]:
        return _ENTITIES[entity][2]

    def heard_as(self, surface: str, limit: int = 5) -> list[tuple[int, str, str, int]]:
        rows = [
            (i, name, kind, spelled[surface.casefold()])
            for i, (name, kind, _, spelled) in _ENTITIES.items()
            if surface.casefold() in spelled
        ]
        return sorted(rows, key=lambda r: -r[3])[:limit]


class _Store:
    entities: Any = _Entities()


def test_several_entities_must_all_be_mentioned() -> None:
    store: Any = _Store()
    assert mentioning(store, []) is None
    assert mentioning(store, ["Hamas"]) == frozenset({10, 13})
    assert mentioning(store, ["Hamas", "Hillary Clinton"]) == frozenset({10})
    assert mentioning(store, ["3", "2"]) == frozenset()  # by id; mentioned together nowhere


def test_a_possessive_names_the_entity_and_an_unknown_one_says_how_to_quote() -> None:
    store: Any = _Store()
    assert filtered_entity(store, "Hamas's")[1] == "Hamas"
    assert filtered_entity(store, "Hamas\u2019")[1] == "Hamas"
    with pytest.raises(QueryError, match=r"no entity 'Keir'.*quoted: entity:\"Keir \.\.\.\""):
        filtered_entity(store, "Keir")
    with pytest.raises(QueryError, match="no entity 'Keir Stramer'") as raised:
        filtered_entity(store, "Keir Stramer")
    assert "quoted" not in str(raised.value)  # already several words


def test_a_spelling_of_several_entities_is_said() -> None:
    """Review (stop 71): "entity:Clinton" silently meant Hillary Clinton alone."""
    store: Any = _Store()
    (note,) = entity_notes(store, ["Clinton"])
    assert note.startswith("entity:Clinton is Hillary Clinton;")
    assert 'Bill Clinton (1): name one in full, e.g. entity:"Bill Clinton"' in note
    # named as the archive names it, or by id: nothing to say
    assert entity_notes(store, ["Hillary Clinton", "1", "Hamas"]) == []
