"""The embed stage: transcripts → passages with vectors, versioned by the embedder.

A transcript is embedded when it is current and has no passages of this embedder
``VERSION``; its passages of another version are replaced in the same transaction,
and the vector index only ever holds passages of one version (``search.vectors``).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsreel.search.semantic import VERSION, embed, passages
from newsreel.search.vectors import quantize
from newsreel.store.base import Store

BATCH = 250

PassageRow = tuple[int, int, int, bytes]  # transcript id, first word, words, int8 vector


class EmbedStage:
    """Cut transcripts into passages and embed them (``pipeline.stage.Stage``)."""

    name = "embed"

    def __init__(self, store: Store, version: str = VERSION) -> None:
        self.store = store
        self.version = version
        self._after = 0

    def start(self, previous: str | None) -> None:
        """Start from the first transcript."""
        self._after = 0

    def batch_after(self, after: int) -> list[tuple[int, str]]:
        """Up to a batch of current transcripts after id ``after`` without passages of
        this version (what a worker of a cluster asks for its share)."""
        return self.store.passages.unembedded(self.version, after, BATCH)

    def pending(self) -> list[tuple[int, str]]:
        """The next current transcripts without passages of this version."""
        batch = self.batch_after(self._after)
        if batch:
            self._after = batch[-1][0]
        return batch

    def process(self, items: Sequence[tuple[int, str]]) -> list[list[PassageRow]]:
        """Each transcript's passages with their quantised vectors."""
        cut = [(tid, list(passages(text))) for tid, text in items]
        texts = [passage for _, found in cut for _, _, passage in found]
        vectors = iter(quantize(embed(texts))) if texts else iter(())
        return [
            [(tid, first, count, next(vectors).tobytes()) for first, count, _ in found]
            for tid, found in cut
        ]

    def save(self, items: Sequence[tuple[int, str]], results: Sequence[list[PassageRow]]) -> int:
        """Store the passages of this version; return the words embedded."""
        rows = [row for found in results for row in found]
        self.store.passages.add_passages(self.version, [tid for tid, _ in items], rows)
        return sum(len(text.split()) for _, text in items)
