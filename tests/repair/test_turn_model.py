"""The learnt turn model: features, decisions beside the cue rules, its shipped file."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsreel.errors import NewsreelError
from newsreel.repair import turn_model
from newsreel.repair.punctuator import Prediction
from newsreel.repair.repairer import assemble
from newsreel.repair.turn_model import TurnModel, features, learnt_starts

# A toy model: a short "yes." or a sentence starting "well" after a question is a reply.
TOY = TurnModel({"pm_w0=?_well": 4.0, "cl=1": 3.0, "pm=?": 1.0}, -3.0, 0.5, "turns-test")


def _repair(text: str, model: TurnModel | None = TOY):
    n = len(text.split())
    prediction = Prediction(np.zeros(n, dtype=np.int8), np.zeros(n, dtype=np.int8))
    return assemble(text, prediction, learnt_turns=model)


def test_features_read_both_sides_of_a_sentence_start() -> None:
    texts = [["did", "you", "see", "it"], ["well", "i", "did"]]
    found = features(texts, ["?", "."], 1, "answer")
    assert {"w0=well", "p1=it", "p21=see_it", "pm=?", "pm_w0=?_well", "cue=answer"} <= set(found)
    assert "pl=4-6" in found and "cl=3" in found


def test_learnt_turns_join_the_cue_rules() -> None:
    text = "Did you see the vote? Well I did and it was close. The count goes on tonight."
    repaired = _repair(text)
    assert [(t.start, t.cue) for t in repaired.turns] == [(0, "opening"), (5, "learnt")]
    assert _repair(text, None).turns == ()


def test_learnt_turns_keep_away_from_cue_turns() -> None:
    texts = [["what", "now"], ["yes"], ["no"], ["well", "we", "will", "see", "about", "that"]]
    starts = [0, 2, 3, 4]
    marks = ["?", ".", ".", "."]
    assert learnt_starts(TOY, texts, marks, starts, {}) == [2]
    assert learnt_starts(TOY, texts, marks, starts, {4: "answer"}) == []


def test_markers_leave_no_room_for_guesses() -> None:
    text = ">> Did you see the vote? >> Well I did. Yes. Yes."
    repaired = _repair(text)
    assert all(t.cue == ">>" for t in repaired.turns)


def test_the_model_round_trips_through_its_json(tmp_path: Path) -> None:
    path = tmp_path / "turns.json"
    path.write_text(json.dumps(TOY.to_dict()), encoding="utf-8")
    assert turn_model.load(path) == TOY


def test_a_broken_model_file_says_how_to_fix_it(tmp_path: Path) -> None:
    path = tmp_path / "turns.json"
    path.write_text('{"bias": 1.0}', encoding="utf-8")
    with pytest.raises(NewsreelError, match=r"rerun scripts/train_turns\.py"):
        turn_model.load(path)
    assert turn_model.load(tmp_path / "absent.json") is None


def test_the_shipped_model_is_small_json() -> None:
    if not turn_model.MODEL_PATH.exists():
        pytest.skip("no turn model shipped in this checkout")
    assert turn_model.MODEL_PATH.stat().st_size < 5_000_000
    model = turn_model.load()
    assert model is not None and 0 < model.threshold < 1 and model.weights
