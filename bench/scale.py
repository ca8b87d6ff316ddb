"""Scale out: a PostgreSQL archive with Dask workers, against one worker and SQLite.

1. Workers: N records cut from the shared corpora (JSON Lines, 500 per file) are
   ingested and processed (repair, enrich, embed, stories) into a fresh PostgreSQL
   database with ``--cluster local:1`` and again with ``--cluster local:2``: seconds per
   step and the speed-up (scaling efficiency) per stage.
2. Search: the 2-worker archive is copied into SQLite (``newsreel copy``) and the same
   mixed queries (bench/search.py's) run on both stores: p50 and p95 milliseconds.
3. Quality: the known-item archive of bench/search_quality.py, copied into
   PostgreSQL, answers the known-item queries: MRR@10 per mode on both stores.

    python bench/scale.py [--records 100000] [--words 12 30] [--postgres URL]
    python bench/scale.py --smoke   # CI: 300 records, a temporary archive

``--postgres`` (default $NEWSREEL_TEST_POSTGRES, as .ci/run sets it) is a URL of a
database on a server where databases may be created (``scripts/start_postgres.sh``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

from common import (
    ROOT,
    SHARED,
    add_run_options,
    machine,
    require_shared,
    results_file,
    synthetic_records,
    workspace,
    write_section,
)
from newsreel import open_archive
from newsreel.api import copy_archive
from newsreel.pipeline.stage import StageRun
from search import queries
from search_quality import SOURCES, evaluate

PER_FILE = 500
STAGES = ("repair", "enrich", "embed", "stories")


def database(base: str, name: str) -> str:
    """The URL of a fresh database ``name`` on the server of ``base`` (dropped first)."""
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    return _named(base, name)


def _named(base: str, name: str) -> str:
    head, _, tail = base.partition("?")
    return head.rsplit("/", 1)[0] + "/" + name + (f"?{tail}" if tail else "")


def recorded_seconds(url: str) -> dict[str, float]:
    """Seconds per step of the last ingest and stage runs, as the archive recorded them
    (empty when it holds none)."""
    from datetime import datetime

    def span(start: str | None, end: str | None) -> float:
        if not start or not end:
            return 0.0
        return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()

    try:
        with open_archive(url) as arch:  # writable: an archive of an older schema migrates
            db: Any = arch.store.db  # type: ignore[attr-defined]
            runs = db.execute(
                "SELECT started_at, finished_at, ingested FROM ingest_runs ORDER BY id DESC"
            ).fetchall()
            stages = db.execute("SELECT stage, started_at, finished_at FROM stage_versions")
            out = {stage: span(start, end) for stage, start, end in stages}
    except Exception:  # no such archive: nothing recorded
        return {}
    if not runs or not out:
        return {}
    out["ingest"] = span(runs[0][0], runs[0][1])
    with open_archive(url, read_only=True) as arch:
        out["repair words"] = float(arch.stats().words)
    out["records"] = float(runs[0][2])
    out["process"] = sum(out.get(stage, 0.0) for stage in STAGES)
    return out


def write_records(folder: Path, count: int, words: tuple[int, int]) -> list[tuple[str, str, str]]:
    """``count`` records as JSON Lines files of ``PER_FILE``; return (id, title, text)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("part*.jsonl"):  # a previous run's records, maybe more of them
        old.unlink()
    out: list[tuple[str, str, str]] = []
    handle = None
    for i, rec in enumerate(synthetic_records(count, words, 40, "scale", seed=19)):
        if i % PER_FILE == 0:
            if handle is not None:
                handle.close()
            handle = (folder / f"part{i // PER_FILE:05d}.jsonl").open("w", encoding="utf-8")
        row = {
            "video_id": rec.video_id,
            "title": rec.title,
            "channel": rec.channel,
            "language": rec.lang,
            "publish_date": rec.day.isoformat(),
            "transcript": rec.text,
        }
        handle.write(json.dumps(row) + "\n")  # type: ignore[union-attr]
        out.append((rec.video_id, rec.title, rec.text))
    if handle is not None:
        handle.close()
    return out


def run_workers(url: str, folder: Path, workers: int) -> dict[str, float]:
    """Ingest and process on ``workers`` Dask workers; seconds per step."""
    seconds: dict[str, float] = {}
    with open_archive(url) as arch:
        began = time.perf_counter()
        summary = arch.ingest([folder], cluster=f"local:{workers}")
        seconds["ingest"] = time.perf_counter() - began
        seconds["records"] = float(summary.ingested)
        began = time.perf_counter()
        runs: list[StageRun] = arch.process(cluster=f"local:{workers}")
        seconds["process"] = time.perf_counter() - began
        for run in runs:
            seconds[run.stage] = run.seconds
            seconds[f"{run.stage} words"] = float(run.words)
    return seconds


def timed(location: str, qs: list[str]) -> tuple[float, float]:
    """p50 and p95 ms of lexical searches (10 warm-up queries first)."""
    times: list[float] = []
    with open_archive(location, read_only=True) as arch:
        for q in qs[:10]:
            arch.search(q, limit=10)
        for q in qs:
            began = time.perf_counter()
            arch.search(q, limit=10)
            times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


def main() -> None:
    """Run the three parts and record them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--words", type=int, nargs=2, default=(12, 30), metavar=("MIN", "MAX"))
    parser.add_argument("--postgres", default=os.environ.get("NEWSREEL_TEST_POSTGRES"))
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--skip-workers", action="store_true", help="Only parts 2 and 3.")
    parser.add_argument("--workers-only", action="store_true", help="Only part 1.")
    parser.add_argument("--quality-archive", type=Path, default=ROOT / "bench/work/quality.db")
    add_run_options(parser)
    args = parser.parse_args()
    if not args.postgres:
        if args.smoke:
            print("skipped: no PostgreSQL server ($NEWSREEL_TEST_POSTGRES is not set)", flush=True)
            return
        raise SystemExit("no PostgreSQL server: pass --postgres URL (scripts/start_postgres.sh)")
    if args.smoke:
        args.records, args.queries = 300, 20
    require_shared(args.smoke, "corpus/sportswashing_youtube", "corpus/bbc_news_youtube")
    with workspace(args.smoke, ROOT / "bench/work/scale") as work:
        lines = run(args, work)
        write_section("scale", "\n".join(lines), results_file(args, work))
        print("\n".join(lines))


def run(args: argparse.Namespace, work: Path) -> list[str]:
    """Measure; return the RESULTS.md section's lines."""
    folder = work / "records"
    records = write_records(folder, args.records, tuple(args.words))
    lines = [
        "## Scale out: PostgreSQL and Dask workers (bench/scale.py)",
        "",
        f"{date.today()}, {machine()}; PostgreSQL 15 (Debian) on the same machine. Command: "
        f"`python bench/scale.py --records {args.records} --words {args.words[0]} "
        f"{args.words[1]}`.",
        "",
    ]
    last = ""
    if not args.skip_workers:
        measured = {}
        for workers in (1, 2):
            url = database(args.postgres, f"newsreel_bench_scale_{workers}")
            measured[workers] = run_workers(url, folder, workers)
            last = url
        lines += workers_table(args.records, measured)
    else:  # the archives the last full run left: their own records of its timings
        urls = {n: _named(args.postgres, f"newsreel_bench_scale_{n}") for n in (1, 2)}
        recorded = {n: recorded_seconds(url) for n, url in urls.items()}
        if all(recorded.values()):
            note = (
                "Seconds as the archives recorded them (`stage_versions` and `ingest_runs` "
                "start and finish times, to the second)."
            )
            lines += workers_table(args.records, recorded, note)
        last = urls[2]
        with open_archive(last) as arch:
            if not arch.stats().videos:
                arch.ingest([folder])
    if not args.workers_only:
        lines += search_table(last, work, records, args.queries)
        lines += quality_table(args, work)
    return lines


def workers_table(count: int, measured: dict[int, dict[str, float]], note: str = "") -> list[str]:
    """Seconds per step on 1 and 2 workers, and the speed-up."""
    one, two = measured[1], measured[2]
    out = [
        f"### {count:,} records: ingest and process on 1 vs 2 Dask workers",
        "",
        f"Records: {int(one['records']):,} ingested; "
        f"{int(one.get('repair words', 0)):,} words. Each worker: one process, one thread. " + note,
        "",
        "| step | 1 worker s | 2 workers s | speed-up |",
        "|---|---:|---:|---:|",
    ]
    for step in ("ingest", *STAGES, "process"):
        if step in one and step in two:
            ratio = one[step] / two[step] if two[step] else 0.0
            out.append(f"| {step} | {one[step]:.1f} | {two[step]:.1f} | {ratio:.2f}x |")
    return [*out, ""]


def search_table(
    url: str, work: Path, records: list[tuple[str, str, str]], count: int
) -> list[str]:
    """p50/p95 of the same queries on the PostgreSQL archive and its SQLite copy."""
    copy = work / "scale-copy.db"
    for part in work.glob("scale-copy.db*"):
        if part.is_dir():
            import shutil

            shutil.rmtree(part)
        else:
            part.unlink()
    copy_archive(url, copy)
    qs = queries(records, count)
    pg = timed(url, qs)
    lite = timed(str(copy), qs)
    return [
        f"### Search: the same {len(qs)} mixed queries on both stores ({len(records):,} videos)",
        "",
        "| store | p50 ms | p95 ms |",
        "|---|---:|---:|",
        f"| PostgreSQL (tsvector + GIN, ts_rank) | {pg[0]:.1f} | {pg[1]:.1f} |",
        f"| SQLite + tantivy (BM25) | {lite[0]:.1f} | {lite[1]:.1f} |",
        "",
    ]


def quality_table(args: argparse.Namespace, work: Path) -> list[str]:
    """MRR@10 of the known-item queries on the quality archive in both stores."""
    source = args.quality_archive
    if args.smoke or not Path(source).exists():
        from search_quality import smoke_sources

        source = work / "quality.db"
        if not source.exists():
            with open_archive(source) as arch:
                sources = smoke_sources(work) if args.smoke else [SHARED / s for s in SOURCES]
                arch.ingest(sources)
                arch.embed()
    url = database(args.postgres, "newsreel_bench_quality")
    copy_archive(source, url)
    both: dict[str, Any] = {}
    for name, location in (("SQLite", source), ("PostgreSQL", url)):
        scores, _, p95 = evaluate(location)  # type: ignore[arg-type]
        both[name] = (scores, p95)
    out = [
        "### Known-item queries (bench/queries/known_items.json) on both stores",
        "",
        "| mode / split | SQLite MRR@10 | PostgreSQL MRR@10 | difference |",
        "|---|---:|---:|---:|",
    ]
    for key in both["SQLite"][0]:
        mode, split, kind = key.split("/")
        if kind != "all":
            continue
        left = both["SQLite"][0][key]["mrr"]
        right = both["PostgreSQL"][0].get(key, {}).get("mrr", 0.0)
        out.append(f"| {mode} / {split} | {left:.3f} | {right:.3f} | {right - left:+.3f} |")
    out += [
        "",
        "Query time p95 (ms): "
        + "; ".join(
            f"{name}: " + ", ".join(f"{m} {v:.0f}" for m, v in p95.items())
            for name, (_, p95) in both.items()
        ),
        "",
    ]
    return out


if __name__ == "__main__":
    main()
