"""A surname typed alone finds the spellings enrich linked to the person it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreel import Archive

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    """Every test here runs on a SQLite file and on a PostgreSQL database."""
    return any_archive


def _mentions(surfaces: list[str]) -> list[tuple[int, int, str, str, str, str]]:
    return [(n, n + 1, s, "Peter Mandelson", "PER", "ner") for n, s in enumerate(surfaces)]


def test_a_surname_said_once_stands_for_its_person(archive: Archive) -> None:
    """Regression (review): the captions heard Peter Mandelson "Mandlesson" 57 times and
    "Mandelson" once; `search Mandelson` and `trends Mandelson` missed the 57."""
    archive.ingest([ROOT / "examples"])
    tid = archive.store.entities.unenriched("x", 0, 1)[0][0]
    mentions = _mentions(["Mandlesson", "Mandlesson", "Mandlesson", "Mandelson"])
    archive.store.entities.save_enrichment(tid, "x", mentions, [])
    linked = archive.store.entities.linked_spellings(["mandelson"])
    assert linked == {"mandelson": {"mandlesson": (3, 3)}}
    # a word said once that is no last word of its entity's name stands for no one
    archive.store.entities.save_enrichment(tid, "x", _mentions(["Peter", "Mandlesson"]), [])
    assert archive.store.entities.linked_spellings(["peter"]) == {}
