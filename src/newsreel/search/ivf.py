"""An inverted-file (IVF) vector index kept in PostgreSQL, for servers without pgvector.

The passages' int8 vectors stay in the ``passages`` table; the index is a set of
centroids (k-means over a sample, numpy) and each passage's nearest centroid, its
*list*, in an indexed column. A query reads the passages of the ``PROBES`` lists whose
centroids are nearest (and of passages not yet listed) and ranks them exactly. ``sync``
lists new passages and rebuilds the centroids when the passages have doubled since they
were made; the embed stage's ``Indexes.sync`` calls it.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from newsreel.search.semantic import DIMENSIONS

PROBES = 24
SAMPLE_PER_LIST = 40
ITERATIONS = 12
ASSIGN_CHUNK = 20_000
MIN_LISTS = 8
MAX_LISTS = 16_384


def list_count(passages: int) -> int:
    """How many lists an index of this many passages gets: about 2 x sqrt(n)."""
    return int(min(MAX_LISTS, max(MIN_LISTS, round(2 * math.sqrt(max(passages, 1))))))


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit: np.ndarray = (matrix / np.maximum(norms, 1e-9)).astype(np.float32)
    return unit


def kmeans(vectors: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    """Spherical k-means centroids (unit float32 rows) of ``vectors``."""
    data = _unit(vectors.astype(np.float32))
    k = max(1, min(k, len(data)))
    rng = np.random.default_rng(seed)
    centroids = data[rng.choice(len(data), size=k, replace=False)]
    for _ in range(ITERATIONS):
        nearest = np.argmax(data @ centroids.T, axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, nearest, data)
        empty = np.bincount(nearest, minlength=k) == 0
        sums[empty] = data[rng.choice(len(data), size=int(empty.sum()))]
        centroids = _unit(sums)
    return centroids


def _matrix(rows: list[tuple[int, bytes]]) -> tuple[list[int], np.ndarray]:
    ids = [r[0] for r in rows]
    if not rows:
        return ids, np.zeros((0, DIMENSIONS), dtype=np.float32)
    blob = b"".join(r[1] for r in rows)
    return ids, np.frombuffer(blob, dtype=np.int8).reshape(len(rows), -1).astype(np.float32)


def sync(store: Any, version: str) -> int:
    """Bring the IVF index of ``version``'s passages up to date; return passages listed."""
    lists = store.vector_lists
    listed, waiting = lists.sizes(version)
    built = store.search.state(f"ivf:{version}")
    if listed + waiting == 0:
        return 0
    if built is None or not lists.centroids(version) or listed + waiting > 2 * int(built):
        _build(store, version, listed + waiting)
    return _assign(store, version)


def _build(store: Any, version: str, total: int) -> None:
    k = list_count(total)
    sample_size = min(total, k * SAMPLE_PER_LIST)
    step = max(1, total // sample_size)
    rows = [
        row
        for i, row in enumerate(store.passages.passage_vectors(version))
        if i % step == 0 and i // step < sample_size
    ]
    _, sample = _matrix(rows)
    centroids = kmeans(sample, k)
    store.vector_lists.save(version, [c.astype(np.float32).tobytes() for c in centroids])
    store.search.set_state(f"ivf:{version}", str(total))


def _assign(store: Any, version: str) -> int:
    centroids = load_centroids(store, version)
    done = 0
    while True:
        rows = store.vector_lists.unassigned(version, ASSIGN_CHUNK)
        if not rows:
            return done
        ids, matrix = _matrix(rows)
        nearest = np.argmax(matrix @ centroids.T, axis=1)
        store.vector_lists.assign(list(zip(ids, (int(n) for n in nearest), strict=True)))
        done += len(ids)


def load_centroids(store: Any, version: str) -> np.ndarray:
    """The centroids of ``version``'s index, one unit row per list."""
    rows = store.vector_lists.centroids(version)
    if not rows:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.frombuffer(b"".join(c for _, c in rows), dtype=np.float32).reshape(len(rows), -1)


def nearest(
    store: Any, version: str, centroids: np.ndarray, vector: np.ndarray, count: int
) -> list[tuple[int, float]]:
    """The ``count`` passages nearest ``vector`` (int8) among the nearest lists: (id,
    cosine similarity), best first."""
    probes = min(len(centroids), PROBES)
    query = vector.astype(np.float32)
    chosen = np.argsort(-(centroids @ query))[:probes] if len(centroids) else np.array([])
    ids, matrix = _matrix(store.vector_lists.vectors_in(version, [int(c) for c in chosen]))
    if not ids:
        return []
    scores = matrix @ query / (127.0 * 127.0)
    top = np.argsort(-scores)[:count]
    return [(ids[i], float(scores[i])) for i in top]
