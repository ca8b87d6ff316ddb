"""Scoring found entities against a caption-entity gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreel.entities.caption_eval import read_caption_gold, score_caption_entities
from newsreel.errors import ConfigError
from newsreel.rows import MentionRow

GOLD = [
    {
        "video": "v1",
        "split": "dev",
        "entities": [
            {
                "name": "Keir Starmer",
                "type": "PER",
                "spellings": ["Kier Starmer", "Starmer"],
                "misheard": ["Kier Starmer"],
            },
            {"name": "Gaza", "type": "LOC", "spellings": ["Gaza"], "misheard": []},
            {"name": "Hamas", "type": "ORG", "spellings": ["hamaz"], "misheard": ["hamaz"]},
        ],
    }
]


def _row(surface: str, entity: int, name: str, kind: str) -> MentionRow:
    return MentionRow("v1", 0, 1, surface, entity, name, kind, "ner")


def test_precision_recall_and_misheard_linking() -> None:
    rows = [
        _row("Kier Starmer", 1, "Keir Starmer", "PER"),
        _row("Starmer", 1, "Keir Starmer", "PER"),
        _row("Gaza.", 2, "Gaza", "ORG"),  # found, but typed wrong
        _row("Media Reports", 3, "Media Reports", "ORG"),  # not in the gold
        _row("hamaz", 4, "hamaz", "ORG"),  # found alone: not linked to a right spelling
        _row("Israeli", 5, "Israeli", "MISC"),  # not a gold type: not counted
    ]
    scores = score_caption_entities(rows, GOLD)
    assert scores["found_entities"] == 4 and scores["gold_entities"] == 3
    assert scores["precision"] == 0.75  # Starmer, Gaza, hamaz match; Media Reports does not
    assert scores["recall"] == 1.0
    assert scores["recall_typed"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["misheard"] == 2 and scores["misheard_linked"] == 0.5
    assert scores["unlinked"] == ["v1: hamaz (Hamas)"]


def test_a_gold_entity_never_found_is_listed() -> None:
    scores = score_caption_entities([_row("Starmer", 1, "Keir Starmer", "PER")], GOLD)
    assert scores["recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert "v1: Gaza" in scores["missing"] and "v1: Hamas" in scores["missing"]


def test_the_gold_file_is_read_by_split_and_bad_files_are_named(tmp_path: Path) -> None:
    good = tmp_path / "gold.json"
    good.write_text(json.dumps({"videos": GOLD}), encoding="utf-8")
    assert len(read_caption_gold(good, "dev")) == 1 and read_caption_gold(good, "test") == []
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"videos": [{"video": "x", "entities": [{"name": ""}]}]}))
    with pytest.raises(ConfigError, match=r"bad\.json: not a caption-entity gold file"):
        read_caption_gold(bad)
    with pytest.raises(ConfigError, match=r"missing\.json"):
        read_caption_gold(tmp_path / "missing.json")
