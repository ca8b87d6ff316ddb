"""Train the learnt speaker-turn model that ``newsreel repair`` ships beside its cue rules.

Data: the rush transcripts of ``gold/broadcast_transcripts`` (``fox_msnbc_raw``, whose
``SPEAKER, ROLE:`` lines say where each speaker starts, and ``cnn_cleaned``, whose
``Name: ...; Dialogue:`` lines do), made caption-like exactly as ``newsreel eval turns``
does (lower case, no punctuation, labels removed), then punctuated by the shipped model.
The files scripts/repair_data.py holds out (name hashing into the first 15%) are never
read for training: they are copied to ``--heldout`` (default
bench/work/repair/turns_heldout/<folder>) for ``newsreel eval turns``.

Model: logistic regression (scikit-learn) over the features of
``newsreel.repair.turn_model.features`` at every sentence start; a start is positive
when a speaker starts within 3 words of it (the evaluation's tolerance). The
regularisation and the decision threshold are chosen on a fifth of the training files
(by turn F1 with the cue rules, as the evaluation counts it: the highest threshold
within 0.015 of the best F1, as a false turn splits a one-speaker report), then the
model is refit on all training files. Written as JSON (weights of features seen at least twice).

    python scripts/train_turns.py [--gold ../shared/data/gold/broadcast_transcripts]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from newsreel.repair import clean
from newsreel.repair.document import split_raw
from newsreel.repair.evaluate import _match, prf
from newsreel.repair.gold import broadcast_turns
from newsreel.repair.labels import labelled_words
from newsreel.repair.punctuator import Punctuator
from newsreel.repair.repairer import punctuate
from newsreel.repair.turn_model import MODEL_PATH, TurnModel, features, learnt_starts
from newsreel.repair.turns import learnt_inputs

sys.path.insert(0, str(Path(__file__).parent))
from repair_data import bucket  # the held-out split of the broadcast files

TOLERANCE = 3
HELD_OUT = 0.15
SLACK = 0.015


def caption_like(path: Path) -> tuple[str, list[int]]:
    """The transcript as lower-case words without punctuation, and where speakers start
    (as ``newsreel eval turns`` builds them)."""
    words: list[str] = []
    starts: list[int] = []
    previous: str | None = None
    for who, line in broadcast_turns(path):
        if who is not None and who != previous and words:
            starts.append(len(words))
        previous = who if who is not None else previous
        words.extend(w.word for w in labelled_words(line))
    return " ".join(words), starts


def prepare(
    paths: list[Path], model: Punctuator, extra: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Per file: the turn model's inputs after punctuation, and the gold starts; then
    the one-speaker ``extra`` texts (no turns)."""
    out = []
    named = [(p.name, *caption_like(p)) for p in paths] + [(n, t, []) for n, t in extra]
    for name, text, gold in named:
        if not text:
            continue
        tokens = split_raw(text)[0]
        kinds = clean.kinds(tokens)
        forms, starts = punctuate(tokens, kinds, model.predict(tokens))
        spans = list(zip(starts, [*starts[1:], len(tokens)], strict=True))
        texts, marks, firsts, cues = learnt_inputs(forms, kinds, spans)
        out.append(
            {
                "name": name,
                "texts": texts,
                "marks": marks,
                "starts": firsts,
                "cues": {str(k): v for k, v in cues.items()},
                "gold": gold,
            }
        )
        print(f"{name}: {len(tokens)} words", flush=True)
    return out


def monologues(path: Path, words: int = 1500) -> list[tuple[str, str]]:
    """(name, text) of one-speaker training text: the IWSLT TED talks scripts/repair_data.py
    trains on (its first 80% of tokens), caption-like, in chunks of ``words``."""
    tokens = [line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()]
    tokens = [t for t in tokens[: int(len(tokens) * 0.8)] if t]
    return [
        (f"iwslt-{i // words}", " ".join(tokens[i : i + words]))
        for i in range(0, len(tokens), words)
    ]


def rows(docs: list[dict[str, Any]]) -> tuple[list[dict[str, int]], list[int]]:
    """Feature dicts and labels of every sentence start after the first."""
    x, y = [], []
    for doc in docs:
        cues = {int(k): v for k, v in doc["cues"].items()}
        gold = np.array(doc["gold"] or [-100])
        for k in range(1, len(doc["texts"])):
            if not doc["texts"][k]:
                continue
            start = doc["starts"][k]
            x.append(dict.fromkeys(features(doc["texts"], doc["marks"], k, cues.get(start, "")), 1))
            y.append(int(np.abs(gold - start).min() <= TOLERANCE))
    return x, y


def to_model(clf: LogisticRegression, vec: DictVectorizer, threshold: float) -> TurnModel:
    """The shipped form: weights of the features kept, bias, threshold."""
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4)
        for n, w in zip(names, clf.coef_[0], strict=True)
        if abs(w) > 1e-3
    }
    return TurnModel(
        weights, float(clf.intercept_[0]), threshold, f"turns-lr-{time.strftime('%Y%m%d')}"
    )


def turn_f1(model: TurnModel, docs: list[dict[str, Any]]) -> dict[str, float | int]:
    """Turn precision/recall/F1 of cues plus the model, counted as the evaluation does."""
    found = gold_n = matched = 0
    for doc in docs:
        cues = {int(k): v for k, v in doc["cues"].items()}
        learnt = learnt_starts(model, doc["texts"], doc["marks"], doc["starts"], cues)
        predicted = sorted({*[c for c in cues if c > 0], *learnt})
        found += len(predicted)
        gold_n += len(doc["gold"])
        matched += len(_match(predicted, doc["gold"], TOLERANCE))
    return prf(matched, found, gold_n)


def fit(docs: list[dict[str, Any]], c: float) -> tuple[LogisticRegression, DictVectorizer]:
    """Logistic regression over the features seen at least twice."""
    x, y = rows(docs)
    counts: dict[str, int] = {}
    for row in x:
        for key in row:
            counts[key] = counts.get(key, 0) + 1
    x = [{k: v for k, v in row.items() if counts[k] >= 2} for row in x]
    vec = DictVectorizer()
    matrix = vec.fit_transform(x).tocsr()
    matrix.indices = matrix.indices.astype(np.int32)  # liblinear takes 32-bit indices only
    matrix.indptr = matrix.indptr.astype(np.int32)
    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    clf.fit(matrix, y)
    return clf, vec


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--gold", type=Path, default=Path("../shared/data/gold/broadcast_transcripts")
    )
    parser.add_argument(
        "--monologues",
        type=Path,
        default=Path("../shared/data/gold/punctuation_iwslt/dev2012.tsv"),
        help="one-speaker text (IWSLT format; its first 80%%), taught as having no turns",
    )
    parser.add_argument("--work", type=Path, default=Path("bench/work/repair"))
    parser.add_argument("--heldout", type=Path, help="default: WORK/turns_heldout")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    paths = sorted(args.gold.rglob("*.txt"))
    if not paths:
        sys.exit(f"error: no transcripts (*.txt) under {args.gold}")
    # The key scripts/repair_data.py splits the broadcast files by (show folder + name).
    held = [p for p in paths if bucket(p.name + p.parent.parent.name) < HELD_OUT]
    train = [p for p in paths if p not in held]
    heldout = args.heldout or args.work / "turns_heldout"
    shutil.rmtree(heldout, ignore_errors=True)
    for path in held:
        target = heldout / path.relative_to(args.gold)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    print(f"{len(train)} training files, {len(held)} held out -> {heldout}", flush=True)
    punctuator = Punctuator()
    extra = monologues(args.monologues) if args.monologues.is_file() else []
    key = {
        "files": [p.name for p in train] + [n for n, _ in extra],
        "model": punctuator.version,
        "bias": punctuator.bias.tolist(),
    }
    cache = args.work / "turns_train.json"
    if cache.exists() and json.loads(cache.read_text())["key"] == key:
        docs = json.loads(cache.read_text())["docs"]
    else:
        docs = prepare(train, punctuator, extra)
        cache.write_text(json.dumps({"key": key, "docs": docs}))
    spoken = [d for d in docs if not d["name"].startswith("iwslt-")]
    tune = [d for i, d in enumerate(spoken) if i % 5 == 0]  # tuned on cable news only
    fit_on = [d for d in docs if d not in tune]
    tried: list[tuple[float, float, float]] = []  # (F1, C, threshold)
    for c in (0.1, 0.3, 1.0):
        clf, vec = fit(fit_on, c)
        for threshold in np.arange(0.1, 0.61, 0.025):
            scores = turn_f1(to_model(clf, vec, float(threshold)), tune)
            tried.append((float(scores["f1"]), c, float(threshold)))
        print(f"C={c}: best F1 {max(t for t in tried if t[1] == c)}", flush=True)
    # The most precise setting within SLACK of the best F1: a false turn splits a
    # one-speaker report, which the cable-news F1 does not see.
    top = max(tried)[0]
    best = max((t for t in tried if t[0] >= top - SLACK), key=lambda t: (t[2], t[0]))
    print(f"chose C={best[1]}, threshold {best[2]:.3f}: tuning F1 {best[0]:.3f} (best {top:.3f})")
    clf, vec = fit(docs, best[1])
    model = to_model(clf, vec, round(best[2], 2))
    args.out.write_text(json.dumps(model.to_dict(), sort_keys=True) + "\n", encoding="utf-8")
    lone = [d for d in docs if d["name"].startswith("iwslt-")]
    if lone:
        false = int(turn_f1(model, lone)["predicted"])
        words = sum(len(w) for d in lone for w in d["texts"])
        print(f"one-speaker TED text: {false} turns in {words} words (all false)")
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {len(model.weights)} "
        f"features); tuning-split F1 {best[0]:.3f}"
    )


if __name__ == "__main__":
    main()
