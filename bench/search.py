"""Benchmark: search latency per mode at scale, side by side with tantivy.

Builds N seed-format records of seed-like length (400-800 words cut from the shared
corpora, new ids, outlets and dates), ingests them with `newsreel ingest` (full-text
index, sound-alike vocabulary) and embeds them (passage vectors and their HNSW index;
ingest + embed is the build time), rebuilds the full-text index with phrase pairs
(`newsreel reindex --phrase-pairs`, as a large archive should; timed apart; `--no-pairs`
leaves them out), indexes the same text with tantivy (the Rust
engine's Python package: title + text, BM25), then times 200 mixed queries (single
words, two words, phrases, misheard names) per mode in one process each, after 10
warm-up queries. Writes bench/RESULTS.md.

    python bench/search.py --videos 1000000   # the issue's size; --videos 100000 is quicker
    python bench/search.py --smoke            # CI: 60 videos, 20 queries, a temporary folder
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from common import (
    ROOT,
    add_run_options,
    archive_mb,
    machine,
    require_shared,
    results_file,
    run_measured,
    size_mb,
    synthetic_records,
    workspace,
    write_section,
)

BIN = Path(sys.executable).parent
NAMES = ["Rafah", "Shin Bet", "Mossad", "Karim", "Netanyahu", "Zelensky", "Hezbollah", "Qatar"]


def build(
    folder: Path, videos: int, seed: int = 11, write: bool = True
) -> list[tuple[str, str, str]]:
    """Write the collection; return (id, title, text) of every record for tantivy."""
    records = []
    for i, record in enumerate(synthetic_records(videos, (400, 800), 300, "s", seed)):
        records.append((record.video_id, record.title, record.text))
        if write:
            sub = folder / f"{record.lang}_{record.code}" / f"{i // 1000:04d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"{record.video_id}.txt").write_text(record.seed_file(), encoding="utf-8")
    return records


def queries(records: list[tuple[str, str, str]], count: int, seed: int = 5) -> list[str]:
    """Mixed queries: frequent and rare words, word pairs, phrases, misheard names."""
    rng = random.Random(seed)
    sample = [rng.choice(records)[2].split() for _ in range(2000)]
    vocab = Counter(w.lower().strip(".,?!\"'") for words in sample for w in words)
    words = [w for w, n in vocab.most_common(20000) if w.isalpha() and len(w) > 3]
    rare = words[2000:] or words[len(words) // 2 :]  # a small (smoke) archive has fewer words
    out: list[str] = []
    while len(out) < count:
        kind = len(out) % 5
        if kind == 0:
            out.append(rng.choice(words[:2000]))
        elif kind == 1:
            out.append(rng.choice(rare))
        elif kind == 2:
            out.append(f"{rng.choice(words[:5000])} {rng.choice(words[:5000])}")
        elif kind == 3:
            text = rng.choice(sample)
            at = rng.randrange(max(1, len(text) - 3))
            out.append('"' + " ".join(text[at : at + 2]).strip(".,?!\"'") + '"')
        else:
            out.append(rng.choice(NAMES))
    return out


def description_queries() -> list[str]:
    """The paraphrase queries of bench/queries/known_items.json: descriptions of a story
    in other words (8-25 words), the queries the hybrid search re-ranks."""
    import json

    items = json.loads((ROOT / "bench/queries/known_items.json").read_text(encoding="utf-8"))
    return [i["query"] for i in items if i["kind"] == "paraphrase"]


def tantivy_index(records: list[tuple[str, str, str]], path: Path) -> float:
    """Index the records with tantivy; return seconds."""
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("video_id", stored=True)
    builder.add_text_field("title", stored=True)
    builder.add_text_field("text", stored=False)
    schema = builder.build()
    started = time.perf_counter()
    index = tantivy.Index(schema, path=str(path))
    writer = index.writer(heap_size=1_000_000_000)
    for vid, title, text in records:
        writer.add_document(tantivy.Document(video_id=vid, title=title, text=text))
    writer.commit()
    writer.wait_merging_threads()
    return time.perf_counter() - started


def embed(db: Path) -> float:
    """Make the passage vectors and their HNSW index (the embed stage); return seconds."""
    from newsreel import open_archive

    started = time.perf_counter()
    with open_archive(db) as arch:
        arch.embed()
    return time.perf_counter() - started


def timed(run: object, qs: list[str]) -> tuple[float, float]:
    """p50 and p95 milliseconds of run(q) over the queries, after a warm-up."""
    for q in qs[:10]:
        run(q)  # type: ignore[operator]
    times = []
    for q in qs:
        started = time.perf_counter()
        run(q)  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    """Build, index with both engines, time the queries, record the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--videos", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--work", type=Path, default=ROOT / "bench/work/search")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="Time the queries again on the archive and tantivy index a previous run "
        "left in --work (same --videos): no build, so no build figures.",
    )
    parser.add_argument(
        "--no-pairs",
        dest="pairs",
        action="store_false",
        help="Leave the archive's full-text index without phrase pairs.",
    )
    parser.add_argument(
        "--label",
        default="",
        help="Suffix of the RESULTS.md section (e.g. '-v2'): "
        "figures of another run stand beside the earlier ones.",
    )
    add_run_options(parser)
    args = parser.parse_args()
    require_shared(args.smoke, "corpus")
    if args.smoke:
        args.videos, args.queries, args.reuse = 60, 20, False
    with workspace(args.smoke, None if args.smoke else args.work) as work:
        run(args, work)


def run(args: argparse.Namespace, work: Path) -> None:
    """Build in ``work`` (or reuse what is there), time the queries, write the results."""
    db = work / "archive.db"
    tantivy_dir = work / "tantivy"
    if args.reuse:
        records = build(work / "collection", args.videos, write=False)
        built_seconds = tantivy_seconds = pairs_seconds = float("nan")
    else:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        records = build(work / "collection", args.videos)
        built_seconds = run_measured(
            [str(BIN / "newsreel"), "ingest", str(work / "collection"), "--archive", str(db)]
        ).seconds
        shutil.rmtree(work / "collection")
        built_seconds += embed(db)
        pairs_seconds = float("nan")
        if args.pairs:
            pairs_seconds = run_measured(
                [str(BIN / "newsreel"), "reindex", "--phrase-pairs", "--archive", str(db)]
            ).seconds
        tantivy_dir.mkdir()
        tantivy_seconds = tantivy_index(records, tantivy_dir)
    qs = queries(records, args.queries)
    del records

    import tantivy

    from newsreel import open_archive

    index = tantivy.Index.open(str(tantivy_dir))
    searcher = index.searcher()

    def tantivy_search(q: str) -> None:
        found = searcher.search(index.parse_query(q, ["title", "text"]), 20)
        for _, address in found.hits:
            searcher.doc(address)

    rows = []
    with open_archive(db, read_only=True) as arch:
        for mode, exact in (
            ("lexical", True),
            ("lexical", False),
            ("semantic", False),
            ("hybrid", False),
        ):
            label = f"newsreel {mode}" + (" --exact" if exact else "")
            p50, p95 = timed(lambda q, m=mode, e=exact: arch.search(q, mode=m, exact=e), qs)
            rows.append((label, p50, p95))
        descriptions = description_queries()
        if descriptions:  # long queries: the hybrid search re-ranks their candidates
            p50, p95 = timed(lambda q: arch.search(q, mode="hybrid"), descriptions)
            rows.append(
                (f"newsreel hybrid, {len(descriptions)} descriptions (re-ranked)", p50, p95)
            )
    rows.append(("tantivy (BM25, top 20 + stored fields)", *timed(tantivy_search, qs)))
    newsreel_mb = archive_mb(db)
    lines = [
        f"## Search at scale (bench/search.py, {args.videos:,} videos)"
        + (f": {args.label.strip('-')}" if args.label else ""),
        "",
        f"{date.today()}, {machine()}. Command: `python bench/search.py --videos "
        f"{args.videos}`. {args.queries} mixed queries (frequent word, rare word, two "
        "words, two-word phrase, misheard name), one process, after 10 warm-up queries; "
        "the descriptions are the paraphrase queries of bench/queries/known_items.json "
        "(the re-ranker reads their candidates' passages).",
        "",
        "| engine | build seconds | size MiB |",
        "|---|---:|---:|",
        "| newsreel ingest + embed (records + tantivy + sound keys + vectors + HNSW) | "
        f"{built_seconds:.0f} | {newsreel_mb:,.0f} |",
        f"| newsreel reindex --phrase-pairs (full-text index with pair terms) | "
        f"{pairs_seconds:.0f} | |",
        f"| tantivy (title + text) | {tantivy_seconds:.0f} | {size_mb(tantivy_dir):,.0f} |",
        "",
        "| mode | p50 ms | p95 ms |",
        "|---|---:|---:|",
    ]
    lines += [f"| {label} | {p50:.1f} | {p95:.1f} |" for label, p50, p95 in rows]
    text = "\n".join(lines)
    print(text)
    name = f"search-{args.videos}" + ("-requery" if args.reuse else "") + args.label
    write_section(name, text, results_file(args, work))


if __name__ == "__main__":
    main()
