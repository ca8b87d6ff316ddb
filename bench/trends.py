"""Benchmark: the first trend query of a term, counted from the full-text index's
scores (newsreel's way since 2026-12) against reading every matching transcript (the
way before), side by side on one archive.

Builds N seed-format records of seed-like length (400-800 words cut from the shared
corpora, 5 outlets, dates over 3 years), ingests them, then for each of 20 term sets
times a first query (no cached counts) both ways and checks they give the same rows.

    python bench/trends.py --videos 1000000            # builds bench/work/trends/archive.db
    python bench/trends.py --videos 1000000 --reuse    # times again on that archive
    python bench/trends.py --smoke                     # CI: 60 videos, temporary files
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

from common import (
    NEWSREEL,
    ROOT,
    add_run_options,
    machine,
    require_shared,
    results_file,
    run_measured,
    synthetic_records,
    workspace,
    write_section,
)

# The term sets bench/stories.py timed before (first query at 1M: median 8,564 ms).
from stories import TERMS


def build(folder: Path, videos: int) -> None:
    """Write ``videos`` seed-format records under ``folder``."""
    for i, record in enumerate(synthetic_records(videos, (400, 800), 300, "t", 11)):
        sub = folder / f"{record.lang}_{record.code}" / f"{i // 1000:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{record.video_id}.txt").write_text(record.seed_file(), encoding="utf-8")


def timed_queries(archive: Path, fast: bool) -> tuple[list[float], list[Any]]:
    """Milliseconds of the first query of each term set (a fresh process state per
    set: no counts cached), and the rows, in order."""
    from newsreel import open_archive
    from newsreel.analytics import trends as module

    original = module.invertible
    if not fast:
        module.invertible = lambda node, patterns: False
    try:
        times: list[float] = []
        rows: list[Any] = []
        with open_archive(archive, read_only=True) as arch:
            arch.trend_rows(["zzzznotaword"], heard=False)  # per-video metadata, once
            for terms in TERMS:
                arch._trends = None  # a first query: nothing counted yet
                arch.trend_rows(["zzzznotaword"], heard=False)
                start = time.perf_counter()
                found = arch.trend_rows(terms, per="month", by_channel=True)
                times.append((time.perf_counter() - start) * 1000)
                rows.append(found)
        return times, rows
    finally:
        module.invertible = original


def p95(values: list[float]) -> float:
    return sorted(values)[round(0.95 * (len(values) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--videos", type=int, default=1_000_000)
    parser.add_argument("--work", type=Path, default=ROOT / "bench/work/trends")
    parser.add_argument("--reuse", action="store_true", help="Time again on --work's archive.")
    parser.add_argument(
        "--index-only",
        action="store_true",
        help="With --reuse: time only the index way (minutes less at 1M), as its own section.",
    )
    add_run_options(parser)
    args = parser.parse_args()
    require_shared(args.smoke, "corpus")
    if args.smoke:
        args.videos, args.reuse = 60, False
    with workspace(args.smoke, None if args.smoke else args.work) as work:
        run(args, work)


def run(args: argparse.Namespace, work: Path) -> None:
    """Build (or reuse) the archive in ``work``, time both ways, write the results."""
    db = work / "archive.db"
    ingest_s = float("nan")
    if not args.reuse:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        build(work / "collection", args.videos)
        ingest_s = run_measured(
            [NEWSREEL, "ingest", str(work / "collection"), "--archive", str(db)]
        ).seconds
        shutil.rmtree(work / "collection")
        print(f"ingested {args.videos:,} videos in {ingest_s:,.0f} s", flush=True)
    fast, fast_rows = timed_queries(db, fast=True)
    print(f"from scores: median {statistics.median(fast):,.0f} ms", flush=True)
    if args.index_only:
        body = f"""## Trends: first query, the index way alone (bench/trends.py --index-only)

{date.today()}, {machine()}. The archive of the section above ({args.videos:,} videos), the
same {len(TERMS)} term sets: median **{statistics.median(fast):,.0f} ms**, p95
**{p95(fast):,.0f} ms** (each: {", ".join(f"{t:,.0f}" for t in fast)} ms).

Command: `python bench/trends.py --videos {args.videos} --reuse --index-only`
"""
        write_section("trends-index", body, results_file(args, work))
        print(body)
        return
    slow, slow_rows = timed_queries(db, fast=False)
    print(f"reading transcripts: median {statistics.median(slow):,.0f} ms", flush=True)
    same = sum(a == b for a, b in zip(fast_rows, slow_rows, strict=True))
    if same != len(TERMS):
        raise SystemExit(f"the two ways disagree on {len(TERMS) - same} of {len(TERMS)} terms")
    ratio = statistics.median(slow) / statistics.median(fast)
    scored = f"{statistics.median(fast):,.0f} | **{p95(fast):,.0f}**"
    read = f"{statistics.median(slow):,.0f} | {p95(slow):,.0f}"
    built = f"ingest {ingest_s:,.0f} s" if ingest_s == ingest_s else "built by an earlier run"
    body = f"""## Trends: first query of a term (bench/trends.py, {args.videos:,} videos)

{date.today()}, {machine()}. Archive: {args.videos:,} seed-format videos of 400-800 words cut
from the shared corpora (5 outlets, dates over 3 years); {built}. {len(TERMS)}
term sets (Gaza, Ukraine, Mossad, "cease fire", Rafah + Hamas, ...), each the first query
of its terms in a fresh trends state, per outlet per month, heard variants included.

| how hits are counted | median ms | p95 ms |
|---|---:|---:|
| term frequencies read back from the index's BM25 scores (`search/bm25.py`) | {scored} |
| reading every matching transcript (before) | {read} |

Same rows both ways for all {len(TERMS)} term sets (checked by the script); the index way
is **{ratio:,.1f}x** faster at the median. Target: p95 <= 1,000 ms at 1,000,000 videos.

Command: `python bench/trends.py --videos {args.videos}`
"""
    write_section("trends", body, results_file(args, work))
    print(body)


if __name__ == "__main__":
    main()
