"""Paragraphs: a new one at every speaker turn and where the topic shifts.

Within a turn, a paragraph ends at the sentence boundary where the words before and
after share least (TextTiling-style cosine over content words of three sentences on
each side), once it is long enough to stand alone; no paragraph runs on past
``_LONGEST`` words.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from newsreel.repair.clean import core
from newsreel.text import STOPWORDS

_SHORTEST = 40
_LONGEST = 160
_SHIFT = 0.12
_SIDE = 3


def _bag(forms: Sequence[str], spans: Sequence[tuple[int, int]]) -> Counter[str]:
    words = (core(forms[i]) for s, e in spans for i in range(s, e))
    return Counter(w for w in words if len(w) > 2 and w not in STOPWORDS)


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    norm = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def split(
    forms: Sequence[str], sentences: Sequence[tuple[int, int]], turn_starts: Sequence[int]
) -> list[int]:
    """Token indices where paragraphs start."""
    if not sentences:
        return []
    turns = set(turn_starts)
    starts = [sentences[0][0]]
    for k in range(1, len(sentences)):
        start = sentences[k][0]
        if start in turns or any(starts[-1] < t < start for t in turns):
            starts.append(min([start, *[t for t in turns if starts[-1] < t <= start]]))
            continue
        length = start - starts[-1]
        if length < _SHORTEST:
            continue
        left = _bag(forms, sentences[max(0, k - _SIDE) : k])
        right = _bag(forms, sentences[k : k + _SIDE])
        if length >= _LONGEST or _cosine(left, right) < _SHIFT:
            starts.append(start)
    return starts
