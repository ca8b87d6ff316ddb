"""The shipped model on real gold data (needs ../shared/data)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import SEED

from newsreel.repair.clean import core
from newsreel.repair.evaluate import eval_punctuation
from newsreel.repair.repairer import readable, repair_text

pytestmark = pytest.mark.corpus


def _seed_doc() -> str:
    return SEED.read_text(encoding="utf-8").split("<doc>")[1].split("</doc>")[0]


def test_broadcast_punctuation_is_restored(shared: Path, tmp_path: Path) -> None:
    lines = (shared / "gold/punctuation_broadcast/dev.tsv").read_text(encoding="utf-8")
    part = tmp_path / "part.tsv"
    part.write_text("\n".join(lines.splitlines()[-20000:]) + "\n", encoding="utf-8")
    scores = eval_punctuation(part)
    assert scores["words"] == 20000
    assert scores["PERIOD"]["f1"] > 0.6
    assert scores["overall"]["f1"] > 0.5


def test_the_seed_reads_as_sentences_with_the_reporter_turn_split(shared: Path) -> None:
    doc = _seed_doc()
    repaired = repair_text(doc)
    assert repaired.raw_text() == doc
    assert [core(f) for f in repaired.forms] == [core(t) for t in doc.split()]
    assert len(repaired.sentences) >= 20
    assert any(t.cue == "hand-over" and t.speaker for t in repaired.turns)
    text = readable(repaired)
    assert re.search(r"\bCairo\b", text) and "Hamas" in text
    assert text.count("\n\n") >= 2


def test_repair_is_idempotent_on_the_seed(shared: Path) -> None:
    once = repair_text(_seed_doc())
    twice = repair_text(once.aligned_text())
    assert twice.forms == once.forms and twice.turns == once.turns


def test_the_seed_does_not_keep_the_random_capitals_of_auto_captions(shared: Path) -> None:
    # Issue 15: "it Bears repeating" (YouTube's ASR capital), "Israeli Media Reports".
    text = repair_text(_seed_doc()).aligned_text()
    assert "it bears repeating" in text
    assert "Israeli media reports" in text
    assert "Media Reports" not in text


def test_the_seed_reads_its_main_ally_the_united_states(shared: Path) -> None:
    # Issue 15: the model's full stop made "The United States." a sentence of its own.
    text = repair_text(_seed_doc()).aligned_text()
    assert "between Israel and its main ally, the United States." in text
