"""Benchmark: the full-text index with and without pair terms (search.pairs), side by side.

Indexes the same synthetic videos (cut from the shared corpora, as bench/search.py does)
into two tantivy indexes, one with the pair fields of a common word and its neighbour
(format 4+pairs) and one without (format 4), alternately ``--runs`` times, and reports
median indexing seconds, index size, and p50/p95 of the same queries on both: two-word
phrases (the queries pairs are for) and plain words (which they must not slow). The
hits of every phrase query are checked to be the same on both. Writes bench/RESULTS.md.

    python bench/pairs.py [--videos 200000] [--runs 3] [--queries 200]
    python bench/pairs.py --smoke   # CI: 300 videos, one run
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import time
from collections import Counter
from datetime import date
from pathlib import Path

from common import (
    add_run_options,
    machine,
    percentile,
    require_shared,
    results_file,
    synthetic_records,
    workspace,
    write_section,
)
from newsreel.models import Filters, IndexedVideo
from newsreel.search.fulltext import FullText
from newsreel.search.pairs import paired
from newsreel.search.query import parse_query
from newsreel.text import tokens


def videos(count: int) -> list[IndexedVideo]:
    """Synthetic videos of 400-800 words (bench/search.py's collection, smaller)."""
    return [
        IndexedVideo(i, r.video_id, r.title, r.text, r.channel, r.code, r.lang, r.day, fresh=True)
        for i, r in enumerate(synthetic_records(count, (400, 800), 300, "p", 11), 1)
    ]


def queries(collection: list[IndexedVideo], count: int, seed: int = 5) -> dict[str, list[str]]:
    """Two-word phrases cut from the texts (those with a common word: what pairs serve)
    and single words, frequent and rare."""
    rng = random.Random(seed)
    sample = [tokens(rng.choice(collection).text) for _ in range(500)]
    vocab = [w for w, _ in Counter(w for words in sample for w in words).most_common(5000)]
    phrases: list[str] = []
    while len(phrases) < count:
        words = rng.choice(sample)
        at = rng.randrange(len(words) - 1)
        if paired(words[at : at + 2]):
            phrases.append('"' + " ".join(words[at : at + 2]) + '"')
    return {"two-word phrases": phrases, "single words": rng.sample(vocab, min(count, 200))}


def build(path: Path, collection: list[IndexedVideo], pairs: bool) -> float:
    """Index the collection into a new folder; return seconds."""
    shutil.rmtree(path, ignore_errors=True)
    started = time.perf_counter()
    index = FullText(path, pairs=pairs)
    index.add(collection)
    index.close()
    return time.perf_counter() - started


def timed(index: FullText, batch: list[str]) -> tuple[list[float], list[list[int]]]:
    """Milliseconds of each query (top 20), after a warm-up, and every video each
    matches."""
    nodes = [parse_query(q).node for q in batch]
    for node in nodes[:10]:
        index.search(node, Filters(), 20)
    times, hits = [], []
    for node in nodes:
        started = time.perf_counter()
        found = index.search(node, Filters(), 20)
        times.append((time.perf_counter() - started) * 1000)
        if found:
            hits.append(sorted(index.all_ids(node, Filters())))
    return times, hits


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.iterdir() if p.is_file()) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--videos", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--queries", type=int, default=200)
    add_run_options(parser)
    args = parser.parse_args()
    require_shared(args.smoke, "corpus")
    if args.smoke:
        args.videos, args.runs, args.queries = 300, 1, 20
    with workspace(args.smoke) as work:
        collection = videos(args.videos)
        plan = queries(collection, args.queries)
        seconds: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(args.runs):
            for pairs in (False, True):
                seconds[pairs].append(build(work / str(pairs), collection, pairs))
                print(f"pairs={pairs} indexed in {seconds[pairs][-1]:.1f} s", flush=True)
        rows = []
        for label, batch in plan.items():
            found = {}
            for pairs in (False, True):
                index = FullText(work / str(pairs), pairs=pairs)
                times, found[pairs] = timed(index, batch)
                rows.append((label, pairs, percentile(times, 0.5), percentile(times, 0.95)))
            if found[False] != found[True]:
                raise SystemExit(f"pairs changed what some {label} match")
        report(args, work, seconds, rows)


def report(
    args: argparse.Namespace,
    work: Path,
    seconds: dict[bool, list[float]],
    rows: list[tuple[str, bool, float, float]],
) -> None:
    name = {False: "without pairs (format 4)", True: "with pairs (format 4+pairs)"}
    build_s = {p: statistics.median(s) for p, s in seconds.items()}
    lines = [
        f"## Pair terms (bench/pairs.py, {args.videos:,} videos)",
        "",
        f"{machine()}, {date.today()}. `python bench/pairs.py --videos {args.videos} "
        f"--runs {args.runs}`: the same synthetic videos indexed without and with the pair "
        f"terms of a common word and its neighbour (search.pairs), alternately, median of "
        f"{args.runs}; then the same queries on both (tantivy alone, 20 hits, no "
        "snippets); every phrase found the same videos on both.",
        "",
        "| index | build s (median) | size MB |",
        "|---|---:|---:|",
    ]
    for pairs in (False, True):
        lines.append(
            f"| {name[pairs]} | {build_s[pairs]:.1f} | {size_mb(work / str(pairs)):,.0f} |"
        )
    ratio = build_s[True] / build_s[False]
    lines += [
        "",
        f"Indexing with pairs takes {ratio:.2f}x the time.",
        "",
        "| queries | index | p50 ms | p95 ms |",
        "|---|---|---:|---:|",
    ]
    lines += [f"| {label} | {name[p]} | {p50:.2f} | {p95:.2f} |" for label, p, p50, p95 in rows]
    write_section(f"pairs-{args.videos}", "\n".join(lines), results_file(args, work))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
