"""The shipped punctuation-and-casing model: int8 ONNX run by onnxruntime on CPU.

The model (trained by ``scripts/train_repair.py``) reads lower-case words without
punctuation and predicts, for each word, the mark that follows it and its casing.
Long texts are cut into overlapping windows of at most ``max_pieces`` word pieces;
each word takes the prediction of the window where it sits furthest from an edge.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from newsreel.errors import NewsreelError

MODEL_DIR = Path(__file__).parent / "model"
_STRIP = ".,!?;:\"'()[]{}…“”‘’«»"
_BATCH = 32
_MARGIN = 16


@dataclass(frozen=True, slots=True)
class Prediction:
    """Per word: index into ``PUNCT`` of the mark after it and into ``CASES``.

    ``case_logits`` and ``raw_case_bonus`` let the repair weigh the casing the captions
    wrote against the model's (``repairer.decide_cases``): the bonus is added to the
    logit of the class a word was written in (lower or capital; all capitals is no
    evidence), as calibrated for this model on caption pairs.
    """

    punct: np.ndarray
    case: np.ndarray
    punct_logits: np.ndarray | None = None
    case_logits: np.ndarray | None = None
    raw_case_bonus: tuple[float, float] = (0.0, 0.0)


def model_word(token: str) -> str:
    """The form of a raw token the model reads: lower case, edge punctuation removed."""
    core = token.strip(_STRIP).casefold()
    return core or token.casefold()


class Punctuator:
    """Predict punctuation and casing for word sequences."""

    def __init__(self, directory: Path = MODEL_DIR) -> None:
        config_path = directory / "config.json"
        if not config_path.exists():
            raise NewsreelError(f"{directory}: repair model missing (run scripts/train_repair.py)")
        import onnxruntime as ort  # imported here: the CLI starts fast when no model runs
        from tokenizers import Tokenizer

        self.config = json.loads(config_path.read_text(encoding="utf-8"))
        step = f"-s{self.config['step']}" if "step" in self.config else ""  # two exports a day
        self.version = f"punct-{self.config['trained']}-l{self.config['layers']}{step}"
        # Added to the punctuation logits before the argmax: a prior shift calibrated on
        # a held-out split (scripts/calibrate_repair.py) to balance precision and recall.
        self.bias = np.asarray(self.config.get("punct_bias", [0.0] * 4), dtype=np.float32)
        # Added to the casing logit of the class a word was written in (lower, capital):
        # how far the captions' own casing is evidence (scripts/calibrate_repair.py).
        bonus = self.config.get("raw_case_bonus", [0.0, 0.0])
        self.raw_case_bonus = (float(bonus[0]), float(bonus[1]))
        self.max_pieces = int(self.config["max_pieces"])
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.cls = self._special("[CLS]")
        self.sep = self._special("[SEP]")
        self.unknown = self._special("[UNK]")
        options = ort.SessionOptions()
        options.intra_op_num_threads = int(os.environ.get("NEWSREEL_THREADS", "0")) or min(
            4, os.cpu_count() or 1
        )
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(
            str(directory / "punctuator.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self._lock = threading.Lock()

    def _special(self, token: str) -> int:
        """The id of a special token the model needs."""
        found = self.tokenizer.token_to_id(token)
        if found is None:
            raise NewsreelError(f"{MODEL_DIR}: tokenizer has no {token} token")
        return int(found)

    def _pieces(self, words: Sequence[str]) -> list[list[int]]:
        """Word-piece ids of each word (at least one; long words cut to 8 pieces)."""
        encoding = self.tokenizer.encode(
            [model_word(w) for w in words], is_pretokenized=True, add_special_tokens=False
        )
        pieces: list[list[int]] = [[] for _ in words]
        for piece, word in zip(encoding.ids, encoding.word_ids, strict=True):
            if word is not None and len(pieces[word]) < 8:
                pieces[word].append(piece)
        return [p or [self.unknown] for p in pieces]

    def _windows(self, pieces: list[list[int]]) -> list[tuple[int, int]]:
        """Word ranges of overlapping windows that fit ``max_pieces``."""
        budget = self.max_pieces - 2
        windows: list[tuple[int, int]] = []
        start = 0
        while start < len(pieces):
            end, used = start, 0
            while end < len(pieces) and used + len(pieces[end]) <= budget:
                used += len(pieces[end])
                end += 1
            windows.append((start, end))
            if end >= len(pieces):
                break
            # overlap by the margins, but never by more than half a window: text of many
            # pieces a word (names, numbers, words of no language) fits few words in a
            # window, and stepping one word at a time made one window per word
            start = max(end - 2 * _MARGIN, start + max(1, (end - start) // 2))
        return windows

    def predict_many(self, documents: Sequence[Sequence[str]]) -> list[Prediction]:
        """Predict every document's words (each document's windows batched together)."""
        # Batches never mix documents: int8 activations are quantised per batch, so a
        # document's labels must not depend on what else is repaired with it.
        batches: list[list[tuple[int, int, int, list[int], np.ndarray]]] = []
        for doc, words in enumerate(documents):
            if not words:
                continue
            pieces = self._pieces(words)
            sizes = np.array([len(p) for p in pieces])
            mine = []
            for start, end in self._windows(pieces):
                firsts = np.cumsum(sizes[start:end]) - sizes[start:end] + 1
                mine.append((doc, start, end, [p for w in pieces[start:end] for p in w], firsts))
            batches += [mine[i : i + _BATCH] for i in range(0, len(mine), _BATCH)]
        punct = [np.zeros((len(w), 4), dtype=np.float32) for w in documents]
        case = [np.zeros((len(w), 3), dtype=np.float32) for w in documents]
        best = [np.full(len(w), -1, dtype=np.int32) for w in documents]
        for batch in batches:
            width = max(len(b[3]) for b in batch) + 2
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, (_, _, _, flat, _) in enumerate(batch):
                ids[row, : len(flat) + 2] = [self.cls, *flat, self.sep]
                mask[row, : len(flat) + 2] = 1
            with self._lock:
                p_logits, c_logits = self.session.run(None, {"ids": ids, "mask": mask})
            for row, (doc, start, end, _, firsts) in enumerate(batch):
                rows = (p_logits[row][firsts], c_logits[row][firsts])
                _keep(len(documents[doc]), start, end, rows, (punct[doc], case[doc], best[doc]))
        return [
            Prediction(
                (p + self.bias).argmax(-1).astype(np.int8),
                c.argmax(-1).astype(np.int8),
                p,
                c,
                self.raw_case_bonus,
            )
            for p, c in zip(punct, case, strict=True)
        ]

    def predict(self, words: Sequence[str]) -> Prediction:
        """Predict one document."""
        return self.predict_many([words])[0]


def _keep(
    length: int,
    start: int,
    end: int,
    logits: tuple[np.ndarray, np.ndarray],
    into: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    """Keep each word's prediction from the window where it has most context."""
    punct, case, best = into
    index = np.arange(start, end)
    room = np.minimum(index - start, end - 1 - index)
    room = np.where((index == 0) | (index == length - 1), 10**6, room)
    better = room > best[start:end]
    where = index[better]
    best[where] = room[better]
    punct[where] = logits[0][better]
    case[where] = logits[1][better]


@cache
def load(directory: Path = MODEL_DIR) -> Punctuator:
    """The shared model of this process, loaded once."""
    return Punctuator(directory)
