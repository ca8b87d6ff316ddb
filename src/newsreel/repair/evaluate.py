"""Measure repair against gold: punctuation (IWSLT), caption pairs, speaker turns."""

from __future__ import annotations

import time
from collections.abc import Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from newsreel.errors import ConfigError
from newsreel.repair.clean import core
from newsreel.repair.document import Repaired
from newsreel.repair.gold import broadcast_turns, caption_pairs, read_iwslt
from newsreel.repair.labels import PUNCT, case_of, labelled_words, split_token
from newsreel.repair.punctuator import Punctuator, load
from newsreel.repair.repairer import repair_texts

MARKS = ("COMMA", "PERIOD", "QUESTION")
_ENDS = ("PERIOD", "QUESTION")


def prf(correct: int, predicted: int, gold: int) -> dict[str, float | int]:
    """Precision, recall and F1 with the counts behind them."""
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "gold": gold,
        "predicted": predicted,
        "correct": correct,
    }


def score_marks(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Per-mark and overall (micro over the three marks) scores of aligned labels."""
    out: dict[str, Any] = {}
    totals = [0, 0, 0]
    for mark in MARKS:
        correct = sum(g == p == mark for g, p in zip(gold, predicted, strict=True))
        n_pred = sum(p == mark for p in predicted)
        n_gold = sum(g == mark for g in gold)
        out[mark] = prf(correct, n_pred, n_gold)
        totals = [totals[0] + correct, totals[1] + n_pred, totals[2] + n_gold]
    out["overall"] = prf(*totals)
    return out


def eval_punctuation(path: Path, punctuator: Punctuator | None = None) -> dict[str, Any]:
    """Punctuate the gold file's words and score the marks; words/s of the model."""
    words, gold = read_iwslt(path)
    model = punctuator or load()
    began = time.perf_counter()
    prediction = model.predict(words)
    seconds = time.perf_counter() - began
    predicted = [PUNCT[int(i)] for i in prediction.punct]
    return {
        "gold": str(path),
        "words": len(words),
        "seconds": round(seconds, 3),
        "words_per_second": round(len(words) / seconds) if seconds else None,
        "model": model.version,
        **score_marks(gold, predicted),
    }


def _hypothesis(repaired: Repaired) -> list[tuple[str, str, str]]:
    out = []
    for form, kind in zip(repaired.forms, repaired.kinds, strict=True):
        if kind in ("marker", "tag"):
            continue
        word, punct = split_token(form)
        out.append((core(word), punct, case_of(word)))
    return out


def eval_captions(folder: Path, punctuator: Punctuator | None = None) -> dict[str, Any]:
    """Repair auto-captions, align them with human captions and score marks, casing
    (capitalised words) and sentence boundaries over the aligned words."""
    pairs = caption_pairs(folder)
    usable = []
    skipped = 0
    for vid, auto, manual in pairs:
        ref = labelled_words(manual)
        ends = sum(w.punct in _ENDS for w in ref)
        if not ref or ends * 60 < len(ref):
            skipped += 1  # human captions without sentence punctuation are no gold for it
            continue
        usable.append((vid, auto, ref))
    if not usable:
        raise ConfigError(f"{folder}: no caption pair has punctuated human captions to score")
    began = time.perf_counter()
    repaired = repair_texts([auto for _, auto, _ in usable], punctuator)
    seconds = time.perf_counter() - began
    gold_p: list[str] = []
    pred_p: list[str] = []
    case_counts = [0, 0, 0]
    sent_counts = [0, 0, 0]
    words = 0
    for (_, _, ref), rep in zip(usable, repaired, strict=True):
        hyp = _hypothesis(rep)
        words += len(rep.raw)
        matcher = SequenceMatcher(None, [h[0] for h in hyp], [r.word for r in ref], autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                h, r = hyp[block.a + k], ref[block.b + k]
                gold_p.append(r.punct)
                pred_p.append(h[1])
                for counts, pos_h, pos_r in (
                    (case_counts, h[2] != "lower", r.case != "lower"),
                    (sent_counts, h[1] in _ENDS, r.punct in _ENDS),
                ):
                    counts[0] += pos_h and pos_r
                    counts[1] += pos_h
                    counts[2] += pos_r
    return {
        "pairs": str(folder),
        "videos": len(usable),
        "skipped_unpunctuated": skipped,
        "aligned_words": len(gold_p),
        "words": words,
        "seconds": round(seconds, 3),
        "punctuation": score_marks(gold_p, pred_p),
        "casing": prf(*case_counts),
        "sentences": prf(*sent_counts),
    }


def _match(predicted: Sequence[int], gold: Sequence[int], tolerance: int) -> list[tuple[int, int]]:
    """One-to-one pairs of predicted and gold positions at most ``tolerance`` apart."""
    pairs = []
    used: set[int] = set()
    for p in predicted:
        best = min(
            (g for g in gold if g not in used and abs(g - p) <= tolerance),
            key=lambda g: abs(g - p),
            default=None,
        )
        if best is not None:
            used.add(best)
            pairs.append((p, best))
    return pairs


def eval_turns(
    folder: Path,
    punctuator: Punctuator | None = None,
    tolerance: int = 3,
    *,
    learnt_turns: bool = True,
) -> dict[str, Any]:
    """Detect speaker turns in broadcast transcripts made caption-like (lower case, no
    punctuation, labels removed) and score them against the speaker labels (cue rules
    only without ``learnt_turns``)."""
    files = sorted(p for p in folder.rglob("*.txt")) if folder.is_dir() else []
    if not files:
        raise ConfigError(f"{folder}: no broadcast transcripts (*.txt with 'SPEAKER: text' lines)")
    texts, golds = [], []
    labelled = 0
    for path in files:
        words: list[str] = []
        starts: list[tuple[int, str]] = []
        previous: str | None = None
        for who, line in broadcast_turns(path):
            labelled += who is not None
            if who is not None and who != previous and words:
                starts.append((len(words), who))
            previous = who if who is not None else previous
            words.extend(w.word for w in labelled_words(line))
        if words:
            texts.append(" ".join(words))
            golds.append(starts)
    if not labelled:
        raise ConfigError(
            f"{folder}: none of its {len(files)} .txt files has a speaker label "
            "('SPEAKER: text' or 'SPEAKER, ROLE: text' lines), so there are no turns to score"
        )
    repaired = repair_texts(texts, punctuator, learnt_turns=learnt_turns)
    found = gold_n = matched = named = named_right = 0
    for rep, gold in zip(repaired, golds, strict=True):
        predicted = [t.start for t in rep.turns if t.start > 0]
        gold_at = [g for g, _ in gold]
        pairs = _match(predicted, gold_at, tolerance)
        found += len(predicted)
        gold_n += len(gold_at)
        matched += len(pairs)
        label = dict(gold)
        speaker = {t.start: t.speaker for t in rep.turns}
        for p, g in pairs:
            name = speaker[p]
            if name:
                named += 1
                named_right += name.split()[-1].casefold() in label[g].casefold().split()
    return {
        "gold": str(folder),
        "files": len(texts),
        "tolerance_words": tolerance,
        "turns": prf(matched, found, gold_n),
        "learnt_turns": learnt_turns,
        "named": named,
        "named_correctly": named_right,
    }
