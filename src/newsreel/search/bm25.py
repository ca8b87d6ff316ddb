"""Term frequencies read back from BM25 scores: how often a word or phrase occurs in
each matching transcript, from one index query instead of reading the transcripts.

tantivy scores a one-term (or one-phrase) query with BM25 in 32-bit floats,

    score = idf * (k1 + 1) * tf / (tf + k1 * (1 - b + b * dl / avgdl)),

where ``dl`` is the field's length rounded down to one of 256 steps (exact up to 40
tokens, then 8 steps per doubling). ``idf`` and ``avgdl`` come from the query's own
explanation. For each transcript the step is guessed from its word count and the
neighbouring steps tried; a ``tf`` is taken only if recomputing the score in 32-bit
floats gives back exactly the score the index returned, and only if no other step gives
a different ``tf`` that does. The rest (about 1% for the commonest words) are left for
the caller to count in the text: a score two (frequency, length) pairs both give back
exactly (1 in a 1-token document is 4 in a 5-token one when the average is 1) is not
guessed. Pure: numpy only.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

K1 = np.float32(1.2)
B = np.float32(0.75)
STEPS = 256
EXACT_UP_TO = 40
SEARCH = 4  # steps tried either side of the guess


@lru_cache(maxsize=1)
def field_lengths() -> np.ndarray[Any, Any]:
    """The 256 field lengths tantivy rounds a document's length down to."""
    values = list(range(EXACT_UP_TO + 1))
    step = 2
    while len(values) < STEPS:
        for _ in range(8):
            if len(values) < STEPS:
                values.append(values[-1] + step)
        step *= 2
    return np.array(values, dtype=np.float64)


def invert(
    scores: np.ndarray[Any, Any],
    lengths: np.ndarray[Any, Any],
    idf: float,
    avgdl: float,
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """(term frequencies, resolved) for BM25 ``scores`` of documents whose lengths in
    tokens are about ``lengths``; a frequency is meaningful only where resolved."""
    if not len(scores) or avgdl <= 0:
        return np.zeros(len(scores), dtype=np.int64), np.zeros(len(scores), dtype=bool)
    f32 = np.float32
    weight = f32(idf) * (K1 + f32(1.0))
    table = field_lengths()
    norms = K1 * ((f32(1.0) - B) + (B * table.astype(f32)) / f32(avgdl))
    score = scores.astype(f32)
    guess = np.searchsorted(table, np.maximum(lengths, 0), side="right") - 1
    found = np.zeros(len(score), dtype=np.int64)
    state = np.zeros(len(score), dtype=np.int8)  # 0 none, 1 one answer, 2 answers clash
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for offset in range(-SEARCH, SEARCH + 1):
            norm = norms[np.clip(guess + offset, 0, STEPS - 1)]
            estimate = np.rint(score * norm / (weight - score))
            candidate = np.clip(np.nan_to_num(estimate, nan=1.0, posinf=1.0), 1, 2**31).astype(f32)
            exact = weight * (candidate / (candidate + norm)) == score
            tf = candidate.astype(np.int64)
            first = exact & (state == 0)
            found[first] = tf[first]
            state[first] = 1
            state[exact & (state == 1) & (found != tf)] = 2
    return found, state == 1
