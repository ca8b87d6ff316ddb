"""Known-item search quality: MRR@10, hits@1, hits@10 per mode, split and kind.

Ingests the seed, the sportswashing captions and the BBC News captions (365 videos) into
a fresh archive and runs the queries of bench/queries/known_items.json: misheard names
(the seed's "Rafa", "shim bit", "mosad", "Kareem"), keyword queries and paraphrases
that share few words with the video. Each query has one known video; its rank in the
first 10 results gives hits@10 and the reciprocal rank (MRR@10), per split (``dev``,
tuned on; ``test`` and ``fresh``, written blind and never tuned on) and kind. Writes
bench/RESULTS.md.

    python bench/search_quality.py [--archive bench/work/quality/quality.db] [--label before]
    python bench/search_quality.py --smoke   # CI: seed + a few videos, a temporary archive
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import time
from datetime import date
from pathlib import Path

from common import (
    ROOT,
    SHARED,
    add_run_options,
    head_csv,
    machine,
    require_shared,
    results_file,
    workspace,
    write_section,
)
from newsreel import open_archive
from newsreel.search.engine import MODES

QUERIES = ROOT / "bench" / "queries" / "known_items.json"
SOURCES = ["seed", "corpus/sportswashing_youtube", "corpus/bbc_news_youtube"]


def smoke_sources(folder: Path) -> list[Path]:
    """Tiny input: the seed, ten sportswashing videos and the BBC videos the queries name."""
    wanted = {item["video"] for item in json.loads(QUERIES.read_text(encoding="utf-8"))}
    bbc = folder / "bbc"
    bbc.mkdir(parents=True)
    for path in (SHARED / "corpus/bbc_news_youtube/transcripts").glob("*.json"):
        if path.stem in wanted:
            shutil.copy(path, bbc / path.name)
    table = SHARED / "corpus/sportswashing_youtube/All_YouTube_Transcripts.csv"
    head_csv(table, folder / "sports" / table.name, 10)
    return [SHARED / "seed", folder / "sports", bbc]


Ranks = list[dict[str, object]]
Scores = dict[str, dict[str, float]]


def evaluate(archive_path: Path) -> tuple[Scores, Ranks, dict[str, float]]:
    """Per mode, split and kind: MRR@10, hits@1 and hits@10; each query's rank per mode;
    the 95th percentile of query time per mode (ms)."""
    items = json.loads(QUERIES.read_text(encoding="utf-8"))
    ranks: Ranks = []
    times: dict[str, list[float]] = {mode: [] for mode in MODES}
    with open_archive(archive_path, read_only=True) as arch:
        for mode in MODES:  # load each mode's indexes before timing
            arch.search("warm up", mode=mode, limit=10)
        for item in items:
            row: dict[str, object] = {
                "query": item["query"],
                "kind": item["kind"],
                "split": item.get("split", "dev"),
            }
            for mode in MODES:
                began = time.perf_counter()
                ids = [h.video_id for h in arch.search(item["query"], mode=mode, limit=10)]
                times[mode].append((time.perf_counter() - began) * 1000)
                row[mode] = ids.index(item["video"]) + 1 if item["video"] in ids else None
            ranks.append(row)
    return score(ranks), ranks, {m: _p95(t) for m, t in times.items()}


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else 0.0


def score(ranks: Ranks) -> Scores:
    """MRR@10, hits@1 and hits@10 per ``mode/split/kind`` (``all`` for either)."""
    splits = ["all", *sorted({str(r["split"]) for r in ranks})]
    kinds = ["all", *sorted({str(r["kind"]) for r in ranks})]
    scores: Scores = {}
    for mode in MODES:
        for split in splits:
            for kind in kinds:
                chosen = [
                    r for r in ranks if split in ("all", r["split"]) and kind in ("all", r["kind"])
                ]
                if not chosen:
                    continue
                found = [f if isinstance(f := r[mode], int) else 0 for r in chosen]
                scores[f"{mode}/{split}/{kind}"] = {
                    "queries": len(chosen),
                    "mrr": statistics.fmean(1 / f if f else 0.0 for f in found),
                    "hits@1": sum(1 for f in found if f == 1) / len(chosen),
                    "hits@10": sum(1 for f in found if f) / len(chosen),
                }
    return scores


def main() -> None:
    """Build the archive if needed, evaluate, print and record the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=ROOT / "bench/work/quality/quality.db")
    parser.add_argument(
        "--label",
        default="",
        help="Name the figures (e.g. 'before'): they go to their own section of RESULTS.md, "
        "so figures before and after a change stand side by side.",
    )
    add_run_options(parser)
    args = parser.parse_args()
    with workspace(args.smoke) as work:
        archive = known_item_archive(args.archive, args.smoke, work)
        report(evaluate(archive), results_file(args, work), args.label)


def known_item_archive(archive: Path, smoke: bool, work: Path) -> Path:
    """The archive the queries are run on (built, ingested and embedded, if missing): in
    ``work`` for a smoke run."""
    archive = work / "quality.db" if smoke else archive
    if not archive.exists():
        require_shared(smoke, *SOURCES)
        archive.parent.mkdir(parents=True, exist_ok=True)
        sources = smoke_sources(work) if smoke else [SHARED / s for s in SOURCES]
        with open_archive(archive) as arch:
            arch.ingest(sources)
            arch.embed()  # passage vectors for the semantic and hybrid modes
    return archive


def report(evaluated: tuple[Scores, Ranks, dict[str, float]], out: Path, label: str = "") -> None:
    """Print the results and write them to ``out`` (a section of its own per ``label``)."""
    scores, ranks, p95 = evaluated
    command = "python bench/search_quality.py" + (f" --label {label}" if label else "")
    lines = [
        "## Search quality (bench/search_quality.py)" + (f": {label}" if label else ""),
        "",
        f"{date.today()}, {machine()}. Command: `{command}`. Archive: "
        "seed + sportswashing_youtube + bbc_news_youtube (365 videos); "
        f"{len(ranks)} known-item queries in `bench/queries/known_items.json` (split "
        "`dev`: tuned on; `test` and `fresh`: written blind, never tuned on). MRR@10, and "
        "the share of "
        "queries whose video is first (hits@1) or in the first 10 (hits@10).",
        "",
        "| mode / split / kind | n | MRR@10 | hits@1 | hits@10 |",
        "|---|---:|---:|---:|---:|",
    ]
    for key, value in scores.items():
        lines.append(
            f"| {key} | {value['queries']:.0f} | {value['mrr']:.2f} | {value['hits@1']:.2f} "
            f"| {value['hits@10']:.2f} |"
        )
    lines += ["", "Query time p95: " + ", ".join(f"{m} {v:.0f} ms" for m, v in p95.items())]
    lines += ["", "Rank of the known video per query (— = not in the first 10):", ""]
    lines += [
        "| query | split | kind | " + " | ".join(MODES) + " |",
        "|---|---|---|" + "---:|" * len(MODES),
    ]
    for r in ranks:
        cells = " | ".join(str(r[m]) if r[m] else "—" for m in MODES)
        lines.append(f"| {r['query']} | {r['split']} | {r['kind']} | {cells} |")
    text = "\n".join(lines)
    print(text)
    write_section("search-quality" + (f"-{label}" if label else ""), text, out)


if __name__ == "__main__":
    main()
