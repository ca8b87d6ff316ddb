"""Calibrate the repair model's punctuation prior and raw-casing bonus.

Punctuation (default): runs the model once over an IWSLT-format file (default: the
held-out broadcast split of scripts/repair_data.py, never trained on), then searches
additive biases for the COMMA, PERIOD and QUESTION logits that maximise overall F1
there, and writes them to the model's config.json as ``punct_bias``. Report quality on
other splits (IWSLT held-out, caption pairs), not on the one calibrated on.

Casing (``--casing PAIRS``): repairs the auto-captions of the caption pairs that
scripts/repair_data.py trains on (never the held-out 20% of videos), aligns them with
the human captions, and searches the bonus added to the casing logit of the class a
word was written in (lower, capital) that maximises casing F1 there; written to
config.json as ``raw_case_bonus``. Auto-captions capitalise at random, so how much
their casing is worth is measured, not assumed.

    python scripts/calibrate_repair.py [--gold bench/work/repair/heldout_broadcast.tsv]
    python scripts/calibrate_repair.py --casing ../shared/data/gold/caption_pairs
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np

from newsreel.repair.clean import core
from newsreel.repair.document import split_raw
from newsreel.repair.evaluate import score_marks
from newsreel.repair.gold import caption_pairs, read_iwslt
from newsreel.repair.labels import CASES, PUNCT, case_of, labelled_words
from newsreel.repair.punctuator import MODEL_DIR, Punctuator

sys.path.insert(0, str(Path(__file__).parent))
from repair_data import bucket  # the split the training data uses

HELD_OUT = 0.2  # caption-pair videos with bucket(id) below this are held out


def punctuation_bias(model: Punctuator, gold_path: Path) -> tuple[float, list[float]]:
    """The best overall F1 on ``gold_path`` and the biases that reach it."""
    words, gold = read_iwslt(gold_path)
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
    return best[0], [0.0, *best[1]]


def casing_rows(model: Punctuator, folder: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Casing logits, written case and gold case (indexes into CASES) of the aligned
    words of the training caption pairs."""
    logits, written, gold = [], [], []
    pairs = [(v, a, m) for v, a, m in caption_pairs(folder) if bucket(v) >= HELD_OUT]
    for _vid, auto, manual in pairs:
        ref = labelled_words(manual)
        if not ref or sum(w.punct in ("PERIOD", "QUESTION") for w in ref) * 60 < len(ref):
            continue
        tokens = split_raw(auto)[0]
        prediction = model.predict(tokens)
        assert prediction.case_logits is not None
        hyp = [core(t).casefold() for t in tokens]
        matcher = SequenceMatcher(None, hyp, [r.word for r in ref], autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                i, r = block.a + k, ref[block.b + k]
                logits.append(prediction.case_logits[i])
                written.append(CASES.index(case_of(tokens[i])))
                gold.append(CASES.index(r.case))
    return np.array(logits), np.array(written), np.array(gold)


def casing_bonus(model: Punctuator, folder: Path) -> tuple[float, float, list[float]]:
    """(casing F1 without bonus, best F1, the [lower, capital] bonus reaching it)."""
    logits, written, gold = casing_rows(model, folder)

    def f1(low: float, cap: float) -> float:
        shifted = logits.copy()
        shifted[written == 0, 0] += low
        shifted[written == 1, 1] += cap
        pred = shifted.argmax(-1) != 0
        truth = gold != 0
        hit = (pred & truth).sum()
        return float(2 * hit / max(1, pred.sum() + truth.sum()))

    grid = np.arange(0.0, 6.01, 0.25)
    best = max((f1(lo, ca), [float(lo), float(ca)]) for lo in grid for ca in grid)
    return f1(0.0, 0.0), best[0], best[1]


def update_config(directory: Path, changes: dict[str, object]) -> None:
    """Merge ``changes`` into the model's config.json."""
    path = directory / "config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    config.update(changes)
    path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--gold", type=Path, default=Path("bench/work/repair/heldout_broadcast.tsv")
    )
    parser.add_argument("--casing", type=Path, metavar="PAIRS", help="caption pairs folder")
    parser.add_argument("--model", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    if args.casing is not None:
        model = Punctuator(args.model)
        before, after, bonus = casing_bonus(model, args.casing)
        update_config(
            args.model,
            {"raw_case_bonus": bonus, "raw_case_calibrated_on": "caption_pairs (training videos)"},
        )
        print(f"casing F1 {before:.4f} -> {after:.4f} on training caption pairs, bonus {bonus}")
        return
    f1, bias = punctuation_bias(Punctuator(args.model), args.gold)
    update_config(args.model, {"punct_bias": bias, "calibrated_on": args.gold.name})
    print(f"overall F1 {f1:.4f} on {args.gold} with bias {bias[1:]}")


if __name__ == "__main__":
    main()
