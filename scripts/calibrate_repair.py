"""Calibrate the repair model's punctuation prior on a held-out split.

Runs the shipped model once over an IWSLT-format file (default: the held-out
broadcast split of scripts/repair_data.py, never trained on), then searches additive
biases for the COMMA, PERIOD and QUESTION logits that maximise overall F1 there, and
writes them to the model's config.json as ``punct_bias``. Report quality on other
splits (IWSLT held-out, caption pairs), not on the one calibrated on.

    python scripts/calibrate_repair.py [--gold bench/work/repair/heldout_broadcast.tsv]
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import numpy as np

from newsreel.repair.evaluate import score_marks
from newsreel.repair.gold import read_iwslt
from newsreel.repair.labels import PUNCT
from newsreel.repair.punctuator import MODEL_DIR, Punctuator


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold", type=Path, default=Path("bench/work/repair/heldout_broadcast.tsv")
    )
    parser.add_argument("--model", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    words, gold = read_iwslt(args.gold)
    model = Punctuator(args.model)
    logits = model.predict(words).punct_logits
    assert logits is not None
    best = (-1.0, (0.0, 0.0, 0.0))
    grid = np.arange(-0.5, 2.51, 0.25)
    for comma, period, question in itertools.product(grid, grid, grid):
        bias = np.array([0.0, comma, period, question], dtype=np.float32)
        predicted = [PUNCT[i] for i in (logits + bias).argmax(-1)]
        f1 = score_marks(gold, predicted)["overall"]["f1"]
        if f1 > best[0]:
            best = (f1, (float(comma), float(period), float(question)))
    config_path = args.model / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["punct_bias"] = [0.0, *best[1]]
    config["calibrated_on"] = args.gold.name
    config_path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    print(f"overall F1 {best[0]:.4f} on {args.gold} with bias {best[1]}")


if __name__ == "__main__":
    main()
