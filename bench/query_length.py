"""Benchmark: search latency against query length, lexical and hybrid, on the shared corpora.

Ingests the seed, the sportswashing captions and the BBC News captions (365 videos) into a
temporary archive and embeds it, then times ``Archive.search`` (20 hits, snippets
included) for queries of 1, 2, 4, 8, 16, 32, 48 and 64 words (64 is the most a query may
have) cut from the archive's own transcripts, and for one word repeated ("gaza" x15 ...),
in lexical and hybrid mode, each query --repeat times. Reports p50, p95 and max per
length and mode; the target is p95 <= 1 s at every length. Writes bench/RESULTS.md.

    python bench/query_length.py [--queries 10] [--repeat 3] [--archive A]
    python bench/query_length.py --smoke   # CI: seed + ten videos, one query per length
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import time
from datetime import date
from pathlib import Path

from common import (
    SHARED,
    OtherLoad,
    add_run_options,
    head_csv,
    machine,
    percentile,
    require_shared,
    results_file,
    workspace,
    write_section,
)
from newsreel import Archive, open_archive

SOURCES = ["seed", "corpus/sportswashing_youtube", "corpus/bbc_news_youtube"]
LENGTHS = [1, 2, 4, 8, 16, 32, 48, 64]
REPEATED = [("gaza", 15), ("rafah", 32), ("the", 64)]
MODES = ["lexical", "hybrid"]
TARGET_MS = 1000.0
_WORD = re.compile(r"[^\W_]+")  # what the query language counts as a word


def smoke_sources(folder: Path) -> list[Path]:
    """Tiny input: the seed, five BBC and five sportswashing videos."""
    bbc = folder / "bbc"
    bbc.mkdir(parents=True)
    for path in sorted((SHARED / "corpus/bbc_news_youtube/transcripts").glob("*.json"))[:5]:
        shutil.copy(path, bbc / path.name)
    table = SHARED / "corpus/sportswashing_youtube/All_YouTube_Transcripts.csv"
    return [SHARED / "seed", bbc, head_csv(table, folder / "sports" / table.name, 5).parent]


def build(archive: Path, sources: list[Path]) -> None:
    """Ingest ``sources`` into a new archive and embed it (for hybrid search)."""
    with open_archive(archive) as arch:
        arch.ingest(sources)
        arch.embed()


def queries(arch: Archive, per_length: int, seed: int = 11) -> dict[str, list[str]]:
    """Per label ("8 words", '"gaza" x15'): queries of real transcript text, lower case
    (so "or" is a word, never the operator), words only (no quotes, minus signs)."""
    rng = random.Random(seed)
    _, videos = arch.browse(limit=10_000)
    texts = [_WORD.findall(arch.show(v.video_id).text.lower()) for v in videos]
    texts = [t for t in texts if len(t) > max(LENGTHS)]
    if not texts:
        raise SystemExit("no transcript has enough words to cut queries from")
    out: dict[str, list[str]] = {}
    for length in LENGTHS:
        chosen = []
        for _ in range(per_length):
            words = rng.choice(texts)
            start = rng.randrange(len(words) - length)
            chosen.append(" ".join(words[start : start + length]))
        out[f"{length} word{'s' if length > 1 else ''}"] = chosen
    for word, times in REPEATED:
        out[f'"{word}" x{times}'] = [" ".join([word] * times)]
    return out


def measure(
    arch: Archive, plan: dict[str, list[str]], repeat: int
) -> list[tuple[str, str, int, float, float, float]]:
    """(label, mode, searches, p50 ms, p95 ms, max ms) per label and mode."""
    for mode in MODES:
        arch.search("gaza", mode=mode)  # load the indexes and the embedder once
    rows = []
    for label, batch in plan.items():
        for mode in MODES:
            times = []
            for query in batch:
                for _ in range(repeat):
                    start = time.perf_counter()
                    arch.search(query, mode=mode, limit=20)
                    times.append((time.perf_counter() - start) * 1000)
            row = (
                label,
                mode,
                len(times),
                percentile(times, 0.5),
                percentile(times, 0.95),
                max(times),
            )
            rows.append(row)
            print(f"{label:>14} {mode:8} n={row[2]:3} p50 {row[3]:7.1f} ms  p95 {row[4]:7.1f} ms")
    return rows


def report(
    rows: list[tuple[str, str, int, float, float, float]],
    videos: int,
    words: int,
    args: argparse.Namespace,
    load: OtherLoad,
) -> str:
    """The RESULTS.md section."""
    worst = max(rows, key=lambda r: r[4])
    verdict = "met" if worst[4] <= TARGET_MS else "**missed**"
    lines = [
        "## Query length (bench/query_length.py)",
        "",
        f"{date.today()}, {machine()}. Command: `python bench/query_length.py --queries "
        f"{args.queries} --repeat {args.repeat}`. Archive: seed + sportswashing_youtube + "
        f"bbc_news_youtube ({videos:,} videos, {words:,} words), embedded. "
        "`Archive.search` (20 hits with snippets) in one process; queries are runs of "
        "words cut from the archive's transcripts (so every word is in the vocabulary and "
        "many have sound-alikes), each run --repeat times; milliseconds. " + load.sentence(),
        "",
        "| query | mode | searches | p50 ms | p95 ms | max ms |",
        "|---|---|---:|---:|---:|---:|",
    ]
    lines += [f"| {r[0]} | {r[1]} | {r[2]} | {r[3]:.0f} | {r[4]:.0f} | {r[5]:.0f} |" for r in rows]
    lines += [
        "",
        f"Target p95 <= {TARGET_MS / 1000:.0f} s at every length: {verdict} (worst p95 "
        f"{worst[4]:.0f} ms: {worst[0]}, {worst[1]}).",
    ]
    return "\n".join(lines)


def main() -> None:
    """Build (or reuse) the archive, time the queries, print and record the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=10, help="queries per length")
    parser.add_argument("--repeat", type=int, default=3, help="times each query is run")
    parser.add_argument(
        "--archive", type=Path, help="an embedded archive of the same corpora to reuse"
    )
    add_run_options(parser)
    args = parser.parse_args()
    if args.smoke:
        args.queries, args.repeat = 1, 1
    with workspace(args.smoke) as work:
        archive = args.archive if args.archive and not args.smoke else work / "corpora.db"
        if not archive.exists():
            require_shared(args.smoke, *SOURCES)
            sources = smoke_sources(work) if args.smoke else [SHARED / s for s in SOURCES]
            build(archive, sources)
        load = OtherLoad()
        with open_archive(archive, read_only=True) as arch:
            stats = arch.stats()
            rows = measure(arch, queries(arch, args.queries), args.repeat)
        body = report(rows, stats.videos, stats.words, args, load)
        print(body)
        write_section("query-length", body, results_file(args, work))


if __name__ == "__main__":
    main()
