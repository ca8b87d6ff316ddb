"""Benchmark: the static model, the transformer over every passage, and the transformer
as a re-ranker, side by side on paraphrase queries (quality) and on time (cost).

On the known-item archive of bench/search_quality.py (seed + sportswashing + BBC
captions, 365 videos) every current transcript is cut into the embed stage's passages
(100 words every 75); the static model (``search.semantic``) and the transformer
(``search.rerank``: all-MiniLM-L6-v2, int8 ONNX) embed all of them, timed (words/s:
what indexing an archive with each would cost). The paraphrase queries of
bench/queries/known_items.json are then ranked (a video by its nearest passage):

- static, every passage (``--mode semantic`` as shipped);
- transformer, every passage (exact cosine search);
- static's 20 nearest videos re-ranked by the transformer (its nearest passage each);
- hybrid as shipped, with and without the re-ranker (``rerank.MIN_WORDS``), with the
  time each query took.

    python bench/semantic_models.py [--archive bench/work/quality/quality.db]
    python bench/semantic_models.py --smoke   # CI: a small archive, a temporary folder
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import numpy as np

from common import (
    ROOT,
    add_run_options,
    machine,
    percentile,
    results_file,
    workspace,
    write_section,
)
from newsreel import Archive, open_archive
from newsreel.models import Filters
from newsreel.search import rerank
from newsreel.search.semantic import embed, passages
from search_quality import QUERIES, known_item_archive

DEPTH = 20


def _rr(order: Sequence[str], video: str) -> float:
    top = list(order[:10])
    return 1 / (top.index(video) + 1) if video in top else 0.0


def _by_video(vectors: np.ndarray, owners: Sequence[str], query: np.ndarray) -> list[str]:
    """Videos by their nearest passage to the query, nearest first."""
    best: dict[str, float] = {}
    for owner, cosine in zip(owners, (vectors @ query).tolist(), strict=True):
        best[owner] = max(best.get(owner, -2.0), cosine)
    return sorted(best, key=lambda v: -best[v])


def _timed(run: Callable[[], object]) -> float:
    began = time.perf_counter()
    run()
    return time.perf_counter() - began


def evaluate(arch: Archive, items: list[dict[str, str]]) -> tuple[list[str], str]:
    """Table rows (quality and cost) and a line of sizes."""
    store = arch.store
    ids = store.videos.current_ids()
    rows = store.videos.hit_rows(ids)
    owners: list[str] = []
    texts: list[str] = []
    for transcript_id in ids:
        for _, _, passage in passages(rows[transcript_id].text):
            owners.append(rows[transcript_id].video_id)
            texts.append(passage)
    words = sum(len(t.split()) for t in texts)
    embed(texts[:10])  # load both models before timing
    rerank.encoder().encode(texts[:2])
    static_vectors: np.ndarray = np.zeros(0)
    dense_vectors: np.ndarray = np.zeros(0)

    def static_all() -> None:
        nonlocal static_vectors
        static_vectors = embed(texts)

    def dense_all() -> None:
        nonlocal dense_vectors
        dense_vectors = rerank.encoder().encode(texts)

    static_seconds = _timed(static_all)
    dense_seconds = _timed(dense_all)
    by_id = {rows[t].video_id: rows[t].text for t in ids}
    found: dict[str, list[float]] = {
        k: [] for k in ("static", "dense", "static+rerank", "hybrid", "hybrid+rerank")
    }
    times: dict[str, list[float]] = {"hybrid": [], "hybrid+rerank": []}
    minimum = rerank.MIN_WORDS
    for item in items:
        query, video = item["query"], item["video"]
        static_order = _by_video(static_vectors, owners, embed([query])[0])
        found["static"].append(_rr(static_order, video))
        dense_order = _by_video(dense_vectors, owners, rerank.encoder().encode([query])[0])
        found["dense"].append(_rr(dense_order, video))
        head = static_order[:DEPTH]
        cosines = rerank.rerank(query, {v: by_id[v] for v in head})
        found["static+rerank"].append(_rr(sorted(head, key=lambda v: -cosines.get(v, -2.0)), video))
        for label, words_needed in (("hybrid", 10**6), ("hybrid+rerank", minimum)):
            rerank.MIN_WORDS = words_needed
            rerank._MEMORY.clear()
            began = time.perf_counter()
            hits = arch.search(query, mode="hybrid", limit=10)
            times[label].append((time.perf_counter() - began) * 1000)
            found[label].append(_rr([h.video_id for h in hits], video))
        rerank.MIN_WORDS = minimum
    index_cost = {"static": static_seconds, "dense": dense_seconds}
    names = {
        "static": "static model, every passage (`--mode semantic`)",
        "dense": "transformer, every passage",
        "static+rerank": f"static model's {DEPTH} nearest, re-ranked by the transformer",
        "hybrid": "hybrid, re-ranker off",
        "hybrid+rerank": "hybrid as shipped (re-ranker on)",
    }
    out = []
    for label, values in found.items():
        cost = index_cost.get(label.split("+")[0] if label != "dense" else "dense")
        speed = f"{words / cost:,.0f}" if cost and "+" not in label else "—"
        timing = times.get(label)
        query_ms = (
            f"{statistics.median(timing):.0f} / {percentile(timing, 95):.0f}" if timing else "—"
        )
        out.append(f"| {names[label]} | {statistics.fmean(values):.3f} | {speed} | {query_ms} |")
    sizes = f"{len(ids)} videos, {len(texts):,} passages, {words:,} words"
    return out, sizes


def main() -> None:
    """Build the archive if needed, compare the models, record the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=ROOT / "bench/work/quality/quality.db")
    add_run_options(parser)
    args = parser.parse_args()
    with workspace(args.smoke) as work:
        archive = known_item_archive(args.archive, args.smoke, work)
        items = [
            i for i in json.loads(QUERIES.read_text(encoding="utf-8")) if i["kind"] == "paraphrase"
        ]
        with open_archive(archive, read_only=True) as arch:
            present = set(arch.store.videos.video_ids(Filters(), None))
            items = [i for i in items if i["video"] in present]
            rows, sizes = evaluate(arch, items)
        lines = [
            "## Semantic models: static, transformer, re-ranker (bench/semantic_models.py)",
            "",
            f"{date.today()}, {machine()}. Command: `python bench/semantic_models.py`. "
            f"Archive: {sizes} (the embed stage's passages); {len(items)} paraphrase queries "
            "of bench/queries/known_items.json (all splits). MRR@10 of the known video; "
            "words/s: embedding every passage with that model (what indexing costs); "
            "query ms: the whole hybrid search (p50 / p95), the re-ranker's passages "
            "encoded afresh for each query.",
            "",
            "| ranking | paraphrase MRR@10 | index words/s | query ms p50 / p95 |",
            "|---|---:|---:|---:|",
            *rows,
        ]
        text = "\n".join(lines)
        print(text)
        write_section("semantic-models", text, results_file(args, work))


if __name__ == "__main__":
    main()
