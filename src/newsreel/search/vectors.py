"""Passage vectors: computed into the archive, searched through an HNSW index beside it.

The archive's ``passages`` table (filled by the embed stage) is the truth; the
nearest-neighbour index (usearch HNSW, a file ``<archive>.vectors`` beside the archive)
is derived: new passages are appended to it, and it is rebuilt from the table whenever
it does not match (deleted, older, or from an archive that changed). Filtered searches
and searches of small archives (up to ``EXACT_LIMIT`` passages) are answered exactly
from the table instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsreel.models import Filters
from newsreel.search.semantic import DIMENSIONS, VERSION, embed

if TYPE_CHECKING:
    from newsreel.store.base import Store

EMBED_BATCH = 2_000
EXACT_LIMIT = 200_000
OVERSAMPLE = 8


def quantize(vectors: np.ndarray) -> np.ndarray:
    """Unit float vectors → int8 (x127); cosine order is kept to within ~1%."""
    return np.clip(np.rint(vectors * 127.0), -127, 127).astype(np.int8)


def _new_index() -> Any:
    from usearch.index import Index

    # Fewer links and a narrower build search than usearch's defaults: 4x faster to
    # build (100,000 vectors: 7 s instead of 30 s on 2 cores); the oversampled search
    # (OVERSAMPLE) makes up the recall.
    return Index(ndim=DIMENSIONS, metric="cos", dtype="i8", connectivity=12, expansion_add=32)


def _add(index: Any, rows: Iterator[tuple[int, bytes]], chunk: int = 50_000) -> None:
    keys: list[int] = []
    blobs: list[bytes] = []

    def flush() -> None:
        if keys:
            matrix = np.frombuffer(b"".join(blobs), dtype=np.int8).reshape(len(keys), -1)
            index.add(np.asarray(keys, dtype=np.uint64), matrix, log=False)
            keys.clear()
            blobs.clear()

    for key, blob in rows:
        keys.append(key)
        blobs.append(blob)
        if len(keys) >= chunk:
            flush()
    flush()


def stamp(version: str, count: int, newest: int) -> str:
    """What the archive records of the index file it saved: version, size, newest id."""
    return f"{version}:{count}:{newest}"


def _recorded(built: str | None, version: str) -> tuple[int, int] | None:
    """(size, newest passage id) of a saved index of this embedder version, else None."""
    parts = (built or "").split(":")
    if len(parts) != 3 or parts[0] != version:
        return None  # another embedder's vectors (or none): never mixed in
    return int(parts[1]), int(parts[2])


def sync_index(
    store: Store, path: Path | None, *, version: str = VERSION, save: bool = True
) -> Any:
    """The up-to-date HNSW index of the archive's passages of this embedder version
    (appended or rebuilt), saved at ``path`` when ``save``."""
    count, newest = store.passages.passage_count(version)
    index = _new_index()
    recorded = _recorded(store.search.state("vectors_index"), version)
    if path is not None and path.exists() and recorded is not None:
        index.load(str(path))
        size, old_newest = recorded
        if (len(index), old_newest) == (count, newest):
            return index
        if len(index) == size and old_newest <= newest:
            _add(index, store.passages.passage_vectors(version, after=old_newest))
        if len(index) != count:
            index = _new_index()
    if len(index) != count:
        _add(index, store.passages.passage_vectors(version))
    if save and path is not None:
        index.save(str(path))
        store.search.set_state("vectors_index", stamp(version, len(index), newest))
    return index


class Semantic:
    """Nearest passages to a query, per transcript, for one open archive."""

    def __init__(self, store: Store, path: Path | None, version: str = VERSION) -> None:
        self.store = store
        self.path = path
        self.version = version
        self._index: Any = None
        self._passages: int | None = None
        # A PostgreSQL archive keeps an IVF index in the database (``search.ivf``).
        self._lists = hasattr(store, "vector_lists")
        self._centroids: np.ndarray | None = None

    def _count(self) -> int:
        """Passages in the archive (counted once per open archive)."""
        if self._passages is None:
            self._passages = self.store.passages.passage_count(self.version)[0]
        return self._passages

    def _hnsw(self) -> Any:
        if self._index is None:
            count, newest = self.store.passages.passage_count(self.version)
            built = self.store.search.state("vectors_index")
            path = self.path
            if path is not None and path.exists() and built == stamp(self.version, count, newest):
                from usearch.index import Index

                self._index = Index.restore(str(path), view=True)
            else:  # stale or missing (read-only archive): build in memory
                self._index = sync_index(self.store, path, version=self.version, save=False)
        return self._index

    def _matrix(self, filters: Filters) -> tuple[list[int], np.ndarray] | None:
        """Passage ids and vectors (float32) of current videos passing ``filters``; None
        beyond ``EXACT_LIMIT``. Unfiltered ones are cached per process."""
        rows = self.store.passages.passage_vectors(self.version, filters)
        if filters != Filters():
            return _load_matrix(rows)
        stamp = (self.store.passages.passage_count(self.version), self.store.videos.generation())
        path = self.store.path
        key = (path if path != ":memory:" else f":memory:{id(self.store)}", self.version)
        with _SHARED_LOCK:
            cached = _SHARED.get(key)
            if cached is not None and cached[0] == stamp:
                return cached[1]
            loaded = _load_matrix(rows)
            _SHARED[key] = (stamp, loaded)
            return loaded

    def search(self, query: str, filters: Filters, wanted: int) -> list[tuple[int, float, int]]:
        """(transcript id, cosine similarity, first word of the best passage), best first."""
        vector = quantize(embed([query]))[0]
        if filters != Filters() or self._count() <= EXACT_LIMIT:
            exact = self._exact(vector, filters, wanted)
            if exact is not None:
                return exact
        if self._lists:
            return self._ivf(vector, filters, wanted)
        index = self._hnsw()
        if len(index) == 0:
            return []

        def nearest(count: int) -> list[tuple[int, float]]:
            found = index.search(vector, count, log=False)
            return [
                (int(k), 1.0 - float(d)) for k, d in zip(found.keys, found.distances, strict=True)
            ]

        start = min(len(index), max(wanted * OVERSAMPLE, 100))
        return self._videos(nearest, filters, wanted, start, len(index))

    def _videos(
        self,
        nearest: Callable[[int], list[tuple[int, float]]],
        filters: Filters,
        wanted: int,
        count: int,
        total: int | None,
    ) -> list[tuple[int, float, int]]:
        """The best passage of each of ``wanted`` videos from the ``count`` nearest
        passages, reading four times as many while too few videos hold them (one video
        holds many passages) until ``total`` passages (None: until fewer come back)."""
        while True:
            found = nearest(count)
            hits = self.store.passages.passage_hits([k for k, _ in found], filters)
            ranked = _best_per_transcript(found, hits)
            if len(ranked) >= wanted or len(found) < count or (total and count >= total):
                return ranked[:wanted]
            count = min(total, count * 4) if total else count * 4

    def _ivf(
        self, vector: np.ndarray, filters: Filters, wanted: int
    ) -> list[tuple[int, float, int]]:
        from newsreel.search import ivf

        if self._centroids is None:
            self._centroids = ivf.load_centroids(self.store, self.version)
        centroids = self._centroids

        def nearest(count: int) -> list[tuple[int, float]]:
            return ivf.nearest(self.store, self.version, centroids, vector, count)

        return self._videos(nearest, filters, wanted, max(wanted * OVERSAMPLE, 100), None)

    def _exact(
        self, vector: np.ndarray, filters: Filters, wanted: int
    ) -> list[tuple[int, float, int]] | None:
        loaded = self._matrix(filters)
        if loaded is None:
            return None  # too many: the HNSW index with oversampling is faster
        keys, matrix = loaded
        if not keys:
            return []
        scores = matrix @ vector.astype(np.float32) / (127.0 * 127.0)
        order = np.argsort(-scores)

        def nearest(count: int) -> list[tuple[int, float]]:
            return [(keys[i], float(scores[i])) for i in order[:count]]

        return self._videos(nearest, filters, wanted, wanted * OVERSAMPLE, len(keys))


def _load_matrix(
    rows: Iterator[tuple[int, bytes]],
) -> tuple[list[int], np.ndarray] | None:
    keys: list[int] = []
    blobs: list[bytes] = []
    for key, blob in rows:
        keys.append(key)
        blobs.append(blob)
        if len(keys) > EXACT_LIMIT:
            return None
    if not keys:
        return [], np.zeros((0, DIMENSIONS), dtype=np.float32)
    matrix = np.frombuffer(b"".join(blobs), dtype=np.int8).reshape(len(keys), -1)
    return keys, matrix.astype(np.float32)


# The unfiltered passage matrix of each archive, shared by every thread of a process (a
# server's request threads): read from the archive once per change, not once per query.
_SHARED: dict[tuple[str, str], tuple[object, tuple[list[int], np.ndarray] | None]] = {}
_SHARED_LOCK = threading.Lock()


def _best_per_transcript(
    scored: Sequence[tuple[int, float]], hits: dict[int, tuple[int, int]]
) -> list[tuple[int, float, int]]:
    best: dict[int, tuple[float, int]] = {}
    for key, score in scored:
        if key not in hits:
            continue
        transcript_id, first_word = hits[key]
        if transcript_id not in best or score > best[transcript_id][0]:
            best[transcript_id] = (score, first_word)
    ranked = sorted(best.items(), key=lambda item: -item[1][0])
    return [(t, round(s, 4), w) for t, (s, w) in ranked]
