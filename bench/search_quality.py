"""Known-item search quality: recall@10 and MRR per mode on the shared corpora.

Ingests the seed, the sportswashing captions and the BBC News captions (365 videos) into
a fresh archive and runs the queries of bench/queries/known_items.json: misheard names
(the seed's "Rafa", "shim bit", "mosad", "Kareem"), keyword queries and paraphrases
that share few words with the video. Each query has one known video; its rank in the
first 10 results gives recall@10 and the reciprocal rank (MRR). Writes bench/RESULTS.md.

    python bench/search_quality.py [--archive bench/work/quality.db]
    python bench/search_quality.py --smoke   # CI: seed + a few videos, a temporary archive
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
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


def evaluate(archive_path: Path) -> tuple[dict[str, dict[str, float]], list[dict[str, object]]]:
    """Per mode and kind: recall@10 and MRR; and each query's rank per mode."""
    items = json.loads(QUERIES.read_text(encoding="utf-8"))
    ranks: list[dict[str, object]] = []
    with open_archive(archive_path, read_only=True) as arch:
        for item in items:
            row: dict[str, object] = {"query": item["query"], "kind": item["kind"]}
            for mode in MODES:
                ids = [h.video_id for h in arch.search(item["query"], mode=mode, limit=10)]
                row[mode] = ids.index(item["video"]) + 1 if item["video"] in ids else None
            ranks.append(row)
    scores: dict[str, dict[str, float]] = {}
    for mode in MODES:
        for kind in ["all", *sorted({str(r["kind"]) for r in ranks})]:
            chosen = [r for r in ranks if kind in ("all", r["kind"])]
            found = [r[mode] for r in chosen]
            scores[f"{mode}/{kind}"] = {
                "queries": len(chosen),
                "recall@10": sum(1 for f in found if f) / len(chosen),
                "mrr": statistics.fmean(1 / f if isinstance(f, int) else 0.0 for f in found),
            }
    return scores, ranks


def main() -> None:
    """Build the archive if needed, evaluate, print and record the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=ROOT / "bench/work/quality.db")
    add_run_options(parser)
    args = parser.parse_args()
    with workspace(args.smoke) as work:
        archive = work / "quality.db" if args.smoke else args.archive
        if not archive.exists():
            require_shared(args.smoke, *SOURCES)
            archive.parent.mkdir(parents=True, exist_ok=True)
            sources = smoke_sources(work) if args.smoke else [SHARED / s for s in SOURCES]
            with open_archive(archive) as arch:
                arch.ingest(sources)
                arch.embed()  # passage vectors for the semantic and hybrid modes
        report(evaluate(archive), results_file(args, work))


def report(
    evaluated: tuple[dict[str, dict[str, float]], list[dict[str, object]]], out: Path
) -> None:
    """Print the results and write them to ``out``."""
    scores, ranks = evaluated
    lines = [
        "## Search quality (bench/search_quality.py)",
        "",
        f"{date.today()}, {machine()}. Command: `python bench/search_quality.py`. Archive: "
        "seed + sportswashing_youtube + bbc_news_youtube (365 videos); "
        f"{len(ranks)} known-item queries in `bench/queries/known_items.json`.",
        "",
        "| mode / queries | n | recall@10 | MRR |",
        "|---|---:|---:|---:|",
    ]
    for key, value in scores.items():
        lines.append(
            f"| {key} | {value['queries']:.0f} | {value['recall@10']:.2f} | {value['mrr']:.2f} |"
        )
    lines += ["", "Rank of the known video per query (— = not in the first 10):", ""]
    lines += ["| query | kind | " + " | ".join(MODES) + " |", "|---|---|" + "---:|" * len(MODES)]
    for r in ranks:
        cells = " | ".join(str(r[m]) if r[m] else "—" for m in MODES)
        lines.append(f"| {r['query']} | {r['kind']} | {cells} |")
    text = "\n".join(lines)
    print(text)
    write_section("search-quality", text, out)


if __name__ == "__main__":
    main()
