"""Benchmark: `newsreel ingest` against `sqlite-utils insert` + `enable-fts`.

Builds a collection of N seed-format records (default 100,000) by cutting windows of the
shared corpora (sportswashing, BBC captions, BBC podcasts) with new ids, outlets and
dates; writes the same records as JSON lines for sqlite-utils; times both end to end,
in the same run, and writes bench/RESULTS.md.

    python bench/ingest.py --records 100000 --repeat 1
    python bench/ingest.py --smoke        # CI: 50 records, results to a temporary file
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
from datetime import date
from pathlib import Path

from common import (
    ROOT,
    Measured,
    add_run_options,
    archive_mb,
    machine,
    remove_archive,
    require_shared,
    results_file,
    run_measured,
    synthetic_records,
    workspace,
    write_section,
)

BIN = Path(sys.executable).parent


def build(folder: Path, records: int, seed: int = 7) -> tuple[Path, Path, int]:
    """Write the record collection and its JSONL twin; return paths and text bytes."""
    collection = folder / "collection"
    jsonl = folder / "records.jsonl"
    text_bytes = 0
    with jsonl.open("w", encoding="utf-8") as table:
        for i, record in enumerate(synthetic_records(records, (2000, 5000), 200, "b", seed)):
            sub = collection / f"{record.lang}_{record.code}" / f"{i // 1000:03d}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"{record.video_id}.txt").write_text(record.seed_file(), encoding="utf-8")
            row = {
                "video_id": record.video_id,
                "title": record.title,
                "channel": record.channel,
                "publish_date": record.day.isoformat(),
                "transcript": record.text,
            }
            table.write(json.dumps(row, ensure_ascii=False) + "\n")
            text_bytes += len(record.text.encode("utf-8"))
    return collection, jsonl, text_bytes


def newsreel(collection: Path, db: Path) -> Measured:
    return run_measured([str(BIN / "newsreel"), "ingest", str(collection), "--archive", str(db)])


def embed(db: Path) -> tuple[Measured, float]:
    """Time ``newsreel embed`` on an ingested archive; return it with its words/s."""
    out = db.with_suffix(".embed.json")
    with out.open("w") as sink:
        measured = run_measured(
            [str(BIN / "newsreel"), "embed", "--archive", str(db), "--json"], stdout=sink
        )
    return measured, float(json.loads(out.read_text())["words_per_second"])


def sqlite_utils(jsonl: Path, db: Path) -> Measured:
    insert = run_measured(
        [
            str(BIN / "sqlite-utils"),
            "insert",
            str(db),
            "videos",
            str(jsonl),
            "--nl",
            "--pk",
            "video_id",
        ]
    )
    fts = run_measured(
        [str(BIN / "sqlite-utils"), "enable-fts", str(db), "videos", "title", "transcript"]
    )
    return Measured(insert.seconds + fts.seconds, max(insert.peak_rss_mb, fts.peak_rss_mb))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench" / "work" / "ingest")
    add_run_options(parser)
    args = parser.parse_args()
    require_shared(args.smoke, "corpus")
    if args.smoke:
        args.records, args.repeat = 50, 1
    with workspace(args.smoke, None if args.smoke else args.workdir) as work:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        run(args, work)


def run(args: argparse.Namespace, work: Path) -> None:
    """Build the records in ``work``, time both tools, write the results."""
    collection, jsonl, text_bytes = build(work, args.records)
    print(f"built {args.records} records, {text_bytes / 2**20:.0f} MiB of text", flush=True)
    runs: dict[str, list[tuple[Measured, float]]] = {"newsreel": [], "sqlite-utils": []}
    embeds: list[tuple[Measured, float]] = []
    for n in range(args.repeat):
        for name in ("sqlite-utils", "newsreel"):
            db = work / f"{name}-{n}.db"
            os.sync()  # start each run with no dirty pages left by the one before
            measured = newsreel(collection, db) if name == "newsreel" else sqlite_utils(jsonl, db)
            runs[name].append((measured, archive_mb(db)))
            print(f"{name} run {n + 1}: {measured.seconds:.1f} s", flush=True)
            if name == "newsreel" and n == 0:  # embedding timed once: its own stage
                embeds.append(embed(db))
                print(f"newsreel embed run {n + 1}: {embeds[-1][0].seconds:.1f} s", flush=True)
            remove_archive(db)  # X.db.fulltext/ is a folder, X.db.vectors a file
    rows = []
    medians = {}
    for name, results in runs.items():
        secs = statistics.median(m.seconds for m, _ in results)
        medians[name] = secs
        rss = statistics.median(m.peak_rss_mb for m, _ in results)
        size = statistics.median(s for _, s in results)
        rows.append(
            f"| {name} | {secs:.1f} | {args.records / secs:,.0f} | "
            f"{text_bytes / 2**20 / secs:.1f} | {rss:,.0f} | {size:,.0f} |"
        )
    ratio = medians["sqlite-utils"] / medians["newsreel"]
    embed_secs = statistics.median(m.seconds for m, _ in embeds)
    embed_rate = statistics.median(rate for _, rate in embeds)
    embed_rss = statistics.median(m.peak_rss_mb for m, _ in embeds)
    body = f"""## Ingest: newsreel vs sqlite-utils

{args.records:,} seed-format records, {text_bytes / 2**20:,.0f} MiB of transcript text, cut
from the shared corpora with new ids, outlets and dates (`bench/ingest.py`). Median of
{args.repeat} run(s); machine: {machine()}; date: {date.today().isoformat()}.

| tool | seconds | records/s | MiB text/s | peak RSS MiB | archive MiB |
|---|---:|---:|---:|---:|---:|
{chr(10).join(rows)}

newsreel is **{ratio:.2f}x** the speed of `sqlite-utils insert --nl` + `enable-fts`
while also reading {args.records:,} separate files, parsing the record format, hashing,
de-duplicating, versioning and keeping every raw file byte for byte (hence the larger
archive). sqlite-utils reads one ready-made JSON-lines file of the same records.
Ingest leaves the archive searchable by words and sound-alikes; passages for semantic
search are the embed stage's work, timed separately on the first run's archive:

| stage | seconds | words/s | peak RSS MiB |
|---|---:|---:|---:|
| `newsreel embed` | {embed_secs:.1f} | {embed_rate:,.0f} | {embed_rss:,.0f} |

Command: `python bench/ingest.py --records {args.records} --repeat {args.repeat}`
"""
    write_section("ingest", body, results_file(args, work))
    print(body)


if __name__ == "__main__":
    main()
