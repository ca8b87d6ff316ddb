"""A heard variant that is a known name of another kind does not stand in for a word."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from newsreel import Archive
from newsreel.search.engine import other_kinds_dropped
from newsreel.search.soundalike import Heard

ROOT = Path(__file__).resolve().parents[2]


def _store(kinds: dict[str, set[str]]) -> Any:
    """A store whose only answer is which kinds of entity each spelling is."""
    return SimpleNamespace(
        entities=SimpleNamespace(
            spelling_kinds=lambda words: {w: kinds[w] for w in words if w in kinds}
        )
    )


def test_a_variant_known_only_as_another_kind_is_dropped() -> None:
    found = Heard({"rafah": ["rafa", "raf"]}, {"rafah": ["rafa", "raf", "rafe"]})
    kinds = {"rafah": {"GPE"}, "raf": {"ORG"}, "rafa": {"GPE", "PER"}}
    kept = other_kinds_dropped(_store(kinds), found)
    assert kept.alone == {"rafah": ["rafa"]}  # "rafa" is also heard as the place
    assert kept.in_phrase == {"rafah": ["rafa", "rafe"]}  # "rafe": never linked, kept


def test_nothing_is_dropped_without_kinds_on_both_sides() -> None:
    found = Heard({"karim": ["kareem"]}, {"karim": ["kareem"]})
    assert other_kinds_dropped(_store({"kareem": {"PER"}}), found) == found
    assert other_kinds_dropped(_store({}), found) == found


def test_the_archive_knows_the_kinds_of_its_spellings(archive: Archive) -> None:
    archive.ingest([ROOT / "examples"])
    archive.repair()
    archive.enrich()
    kinds = archive.store.entities.spelling_kinds(["rafah", "rafa", "shim bit", "nobody"])
    assert "nobody" not in kinds
    assert kinds["rafah"] & {"GPE", "LOC"} and kinds["rafa"] & {"GPE", "LOC"}  # name, heard
    assert kinds["shim bit"] == {"ORG"}
