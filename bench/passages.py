"""Benchmark: passage export speed (passages/s) on the shared corpora archive.

Ingests seed + sportswashing_youtube + bbc_news_youtube and repairs them (passages are
the repaired text), then exports every passage of a set of queries (names, common
words, a phrase, a misheard name) with ``Archive.export_passages`` to CSV, JSON Lines
and Parquet in this process (median of --repeat runs each, after one warm-up), and once
end to end with ``newsreel export --passages`` (wall time and peak RSS of a fresh
process, the widest query). The archive is kept in bench/work/passages/ and reused by
later runs (--rebuild starts over). Writes the "passages" section of bench/RESULTS.md.

    python bench/passages.py [--repeat 3] [--rebuild]
    python bench/passages.py --smoke     # CI: the seed, 5 + 5 corpus videos, a temp file
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from common import (
    NEWSREEL,
    ROOT,
    SHARED,
    OtherLoad,
    add_run_options,
    head_csv,
    machine,
    newsreel,
    remove_archive,
    require_shared,
    results_file,
    run_measured,
    workspace,
    write_section,
)

SPORTS = SHARED / "corpus/sportswashing_youtube"
BBC = SHARED / "corpus/bbc_news_youtube"
QUERIES = ["Gaza", "Qatar", '"World Cup"', "Rafah", "human rights", "people", "government"]
FORMATS = ("csv", "jsonl", "parquet")
WORK = ROOT / "bench" / "work" / "passages"


def inputs(work: Path, smoke: bool) -> list[Path]:
    """The corpora to ingest: all of them, or a few videos of each for a smoke run."""
    if not smoke:
        return [SHARED / "seed", SPORTS, BBC]
    sports = head_csv(SPORTS / "All_YouTube_Transcripts.csv", work / "sports" / "t.csv", 5)
    bbc = work / "bbc"
    bbc.mkdir()
    for path in sorted((BBC / "transcripts").glob("*.json"))[:5]:
        shutil.copy(path, bbc / path.name)
    return [SHARED / "seed" / "000_ca11e6ccf9581cca.txt", sports.parent, bbc]


def build(db: Path, paths: list[Path], rebuild: bool) -> dict[str, int]:
    """Ingest (exit 3, something quarantined, is a counted outcome) and repair, unless
    a finished archive is there already."""
    done = db.with_name(db.name + ".done")
    if rebuild or not done.exists():
        remove_archive(db)
        newsreel("ingest", *paths, "--archive", db, ok=(0, 3))
        newsreel("repair", "--archive", db)
        done.touch()
    from newsreel import open_archive

    with open_archive(db, read_only=True) as arch:
        stats = arch.stats()
    return {"videos": stats.videos, "words": stats.words}


def measure(db: Path, work: Path, repeat: int) -> list[dict[str, Any]]:
    """Per query: videos, passages, timed share, and median seconds per format."""
    from newsreel import open_archive

    rows = []
    with open_archive(db, read_only=True) as arch:
        for query in QUERIES:
            found = list(arch.iter_passages(query))
            row: dict[str, Any] = {
                "query": query,
                "videos": len({p.video_id for p in found}),
                "passages": len(found),
                "timed": sum(p.start_seconds is not None for p in found),
            }
            for fmt in FORMATS:
                target = work / f"out.{fmt}"
                arch.export_passages(target, query=query)  # warm-up (caches, imports)
                times = []
                for _ in range(repeat):
                    began = time.perf_counter()
                    count = arch.export_passages(target, query=query)
                    times.append(time.perf_counter() - began)
                    assert count == len(found), (query, fmt, count, len(found))
                row[fmt] = statistics.median(times)
            rows.append(row)
    return rows


def end_to_end(db: Path, work: Path, query: str) -> dict[str, float]:
    """``newsreel export --passages`` in a fresh process: wall seconds, peak RSS."""
    target = work / "cli.csv"
    argv = [NEWSREEL, "export", "--passages", "-q", query, "--format", "csv", "-o", str(target)]
    measured = run_measured([*argv, "--archive", str(db)])
    with target.open(encoding="utf-8", newline="") as handle:
        rows = sum(1 for _ in csv.reader(handle)) - 1  # the header is no passage
    return {"seconds": measured.seconds, "rss": measured.peak_rss_mb, "rows": rows}


def rate(passages: int, seconds: float) -> str:
    return f"{passages / seconds:,.0f}" if seconds > 0 else "-"


def report(
    archive: dict[str, int],
    rows: list[dict[str, Any]],
    cli: dict[str, float],
    load: OtherLoad,
    args: Any,
) -> str:
    """The RESULTS.md section."""
    total = sum(r["passages"] for r in rows)
    table = "\n".join(
        f"| `{r['query']}` | {r['videos']} | {r['passages']:,} | {r['timed']:,} | "
        + " | ".join(f"{r[f] * 1000:,.0f} ({rate(r['passages'], r[f])})" for f in FORMATS)
        + " |"
        for r in rows
    )
    overall = {f: rate(total, sum(r[f] for r in rows)) for f in FORMATS}
    widest = max(rows, key=lambda r: r["passages"])
    what = "a smoke run on a few videos" if args.smoke else "seed + sportswashing + BBC News"
    return f"""## Passage export (bench/passages.py)

Machine: {machine()}; date: {date.today()}.
Archive: {what} ({archive["videos"]:,} videos, {archive["words"]:,} words), ingested and
repaired. `Archive.export_passages(path, query=Q)` in one process (ranking, reading the
transcripts 100 at a time, finding every match and its window, writing), median of
{args.repeat} after a warm-up; ms (passages/s):

| query | videos | passages | timed | CSV | JSON Lines | Parquet |
|---|---:|---:|---:|---:|---:|---:|
{table}

All {len(rows)} queries, {total:,} passages: **{overall["csv"]} passages/s** to CSV,
{overall["jsonl"]} to JSON Lines, {overall["parquet"]} to Parquet.

End to end, `newsreel export --passages -q '{widest["query"]}' --format csv -o F` in a
fresh process (start-up and imports included): {cli["rows"]:,.0f} passages in
{cli["seconds"]:.2f} s, peak RSS {cli["rss"]:.0f} MiB (rows are streamed to the file).
{load.sentence()}

Command: `python bench/passages.py --repeat {args.repeat}`."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true", help="Ingest and repair again.")
    add_run_options(parser)
    args = parser.parse_args()
    require_shared(args.smoke, "seed", "corpus/sportswashing_youtube", "corpus/bbc_news_youtube")
    if args.smoke:
        args.repeat = 1
    with workspace(args.smoke, WORK) as work:
        db = work / "corpora.db"
        archive = build(db, inputs(work, args.smoke), args.rebuild)
        load = OtherLoad()
        rows = measure(db, work, args.repeat)
        widest = max(rows, key=lambda r: r["passages"])
        cli = end_to_end(db, work, widest["query"])
        if cli["rows"] != widest["passages"]:
            raise SystemExit(f"the CLI wrote {cli['rows']} passages, not {widest['passages']}")
        text = report(archive, rows, cli, load, args)
        print(text)
        print(json.dumps({"archive": archive, "rows": rows, "cli": cli}), file=sys.stderr)
        write_section("passages", text, results_file(args, work))


if __name__ == "__main__":
    main()
