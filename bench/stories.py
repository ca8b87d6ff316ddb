"""Benchmark: story grouping and trends at a million videos, and grouping quality.

1. Quality: `newsreel eval stories` on the sportswashing events (gold items alone, and as
   an archive of them groups them), on the BBC News stories and on the labelled Gaza
   articles; the archives also grouped 20 and 5 videos a run, as new videos come.
2. Scale, on an archive of 1,000,000 seed-like videos (bench/search.py builds it:
   400-800-word windows of the shared corpora, new ids, outlets and dates over 3 years):
   group the whole archive once, ingest 1,000 new videos, and time placing them into the
   existing stories (target < 60 s); then trend queries (target p95 < 500 ms), each
   term first (counted in every matching transcript) and again (cached).

    python bench/search.py --videos 1000000          # once: the archive
    python bench/stories.py --archive bench/work/search/archive.db --write
    python bench/stories.py --smoke     # CI: slices of the gold, a 40-video archive, temp files
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from common import (
    ROOT,
    SHARED,
    add_run_options,
    head_csv,
    machine,
    newsreel,
    require_shared,
    results_file,
    synthetic_records,
    workspace,
    write_section,
)
from newsreel import open_archive

SPORTS = SHARED / "corpus" / "sportswashing_youtube" / "All_YouTube_Transcripts.csv"
GAZA = SHARED / "corpus" / "gaza_headlines_labelled" / "pilot_gaza_articles.json"
BBC = SHARED / "corpus" / "bbc_news_youtube" / "transcripts"
BBC_GOLD = ROOT / "bench" / "gold" / "stories_bbc.json"
TERMS = [
    ["Gaza"],
    ["Ukraine"],
    ["Mossad"],
    ['"cease fire"'],
    ["Rafah", "Hamas"],
    ["World Cup"],
    ["Netanyahu", "Zelensky"],
    ["climate"],
    ["election"],
    ["Qatar"],
    ["hostages"],
    ["oil"],
    ["Saudi Arabia"],
    ["Premier League"],
    ["humanitarian aid"],
    ["BBC"],
    ["refugees"],
    ["missile"],
    ["inflation"],
    ["Newcastle"],
]


def smoke_gold(folder: Path) -> tuple[Path, Path, Path]:
    """Tiny copies of the gold: 30 sportswashing videos, 30 Gaza articles, the BBC
    captions (the gold's videos are read from them)."""
    sports = head_csv(SPORTS, folder / "sports" / SPORTS.name, 30)
    articles = json.loads(GAZA.read_text(encoding="utf-8"))[:30]
    gaza = folder / GAZA.name
    gaza.write_text(json.dumps(articles), encoding="utf-8")
    return sports, gaza, BBC


def smoke_archive(folder: Path, videos: int = 40) -> Path:
    """A small archive of seed-like videos, standing in for bench/search.py's million."""
    records = folder / "records"
    for record in synthetic_records(videos, (400, 800), 300, "s", 11):
        sub = records / f"{record.lang}_{record.code}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{record.video_id}.txt").write_text(record.seed_file(), encoding="utf-8")
    archive = folder / "archive.db"
    newsreel("ingest", records, "--archive", archive)
    return archive


def bbc_texts(folder: Path = BBC) -> Callable[[Sequence[str]], dict[str, str]]:
    """The BBC videos' transcripts as ingest reads them (for grouping the gold alone)."""
    from newsreel.ingest.files import parse_bytes
    from newsreel.models import Record

    def read(ids: Sequence[str]) -> dict[str, str]:
        out = {}
        for video_id in ids:
            path = folder / f"{video_id}.json"
            if path.is_file():
                for record in parse_bytes("json", path.read_bytes(), path.name, {}):
                    if isinstance(record, Record):
                        out[video_id] = record.text
        return out

    return read


RUN_SIZES = (20, 5)  # videos a run, for the rows of an archive grouped as new videos come


def runs(archive: Path, size: int, folder: str) -> Path:
    """A copy of ``archive`` grouped again ``size`` videos at a time (oldest first, the
    undated last), as runs of ``size`` new videos each would group it."""
    import shutil

    import newsreel.stories.stage as stage

    copy = Path(folder) / f"{archive.stem}-runs-of-{size}.db"
    shutil.copy(archive, copy)
    index = archive.with_name(archive.name + ".fulltext")
    if index.is_dir():
        shutil.copytree(index, copy.with_name(copy.name + ".fulltext"))
    batch, stage.BATCH = stage.BATCH, size
    try:
        with open_archive(copy) as arch:
            arch.group_stories(regroup=True)
    finally:
        stage.BATCH = batch
    return copy


def evaluate(sports: Path = SPORTS, gaza: Path = GAZA, bbc: Path = BBC) -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "sports.db"
        newsreel("ingest", sports.parent, "--archive", db, ok=(0, 3))
        newsreel("stories", "--archive", db, "--json")
        bbc_db = Path(tmp) / "bbc.db"
        newsreel("ingest", bbc, "--archive", bbc_db, ok=(0, 3))
        newsreel("stories", "--archive", bbc_db, "--json")
        from newsreel.api import open_archive
        from newsreel.stories.evaluate import eval_stories

        texts = bbc_texts(bbc)
        for name, gold, archive, split in (
            ("sportswashing events, gold items alone", sports, None, None),
            ("sportswashing events, as an archive groups them", sports, db, None),
            ("gaza_headlines_labelled articles (topic), gold items alone", gaza, None, None),
            ("BBC News stories dev, gold items alone", BBC_GOLD, None, "dev"),
            ("BBC News stories test, gold items alone", BBC_GOLD, None, "test"),
            ("BBC News stories, all 203 grouped together", BBC_GOLD, None, None),
            ("BBC News stories dev, as an archive of all 203 groups them", BBC_GOLD, bbc_db, "dev"),
            (
                "BBC News stories test, as an archive of all 203 groups them",
                BBC_GOLD,
                bbc_db,
                "test",
            ),
            ("BBC News stories, all, as an archive groups them", BBC_GOLD, bbc_db, None),
            *(
                (f"{name}, grouped {size} videos a run", gold, runs(db_in, size, tmp), split)
                for size in RUN_SIZES
                for name, gold, db_in, split in (
                    ("sportswashing events", sports, db, None),
                    ("BBC News stories test", BBC_GOLD, bbc_db, "test"),
                )
            ),
        ):
            if archive is None:
                s = eval_stories(gold, split=split, texts=texts)
            else:
                with open_archive(archive, read_only=True) as arch:
                    s = eval_stories(gold, arch.store, split=split)
            lines.append(
                f"| {name} | {s['items']} | {s['gold_groups']} | {s['groups']} | "
                f"{s['bcubed_precision']:.3f} | {s['bcubed_recall']:.3f} | "
                f"**{s['bcubed_f1']:.3f}** | {s['adjusted_rand']:.3f} |"
            )
            print(lines[-1], flush=True)
    return lines


def scale(archive: Path, add: int) -> list[str]:
    lines = []
    with open_archive(archive) as arch:
        total = arch.stats().videos
        started = time.perf_counter()
        last = [started, 0]

        def progress(count: int, _words: int) -> None:
            last[1] += count
            if time.perf_counter() - last[0] > 60:
                last[0] = time.perf_counter()
                rate = last[1] / (last[0] - started)
                print(f"  grouped {last[1]:,} ({rate:,.0f} videos/s)", flush=True)

        first = arch.group_stories(progress)
        lines.append(
            f"| group the archive once ({total:,} videos) | {first.placed:,} placed, "
            f"{first.new_stories:,} stories | {first.seconds:,.0f} s |"
        )
        print(lines[-1], flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "new"
        for i, record in enumerate(synthetic_records(add, (400, 800), 300, "new", 97)):
            sub = folder / f"{record.lang}_{record.code}"
            sub.mkdir(parents=True, exist_ok=True)
            (sub / f"{record.video_id}.txt").write_text(record.seed_file(), encoding="utf-8")
            del i
        start = time.perf_counter()
        newsreel("ingest", folder, "--archive", archive, ok=(0, 3))
        ingest_s = time.perf_counter() - start
    with open_archive(archive) as arch:
        added = arch.group_stories()
        lines.append(f"| ingest {add:,} new videos (not counted below) | | {ingest_s:,.1f} s |")
        lines.append(
            f"| **add {added.placed:,} new videos to the stories** | "
            f"{added.new_stories:,} new stories | **{added.seconds:,.1f} s** "
            "(target < 60 s) |"
        )
        print(lines[-2:], flush=True)
        cold: list[float] = []
        warm: list[float] = []
        start = time.perf_counter()
        arch.trend_rows(["the"], per="month")  # loads the per-video metadata once
        load_s = time.perf_counter() - start
        for terms in TERMS:
            for bucket in (cold, warm):
                start = time.perf_counter()
                arch.trend_rows(terms, per="month", by_channel=True)
                bucket.append((time.perf_counter() - start) * 1000)
        for name, values in (("first query of a term", cold), ("the same query again", warm)):
            p95 = sorted(values)[round(0.95 * (len(values) - 1))]
            lines.append(
                f"| trends, {name} ({len(values)} queries) | median "
                f"{statistics.median(values):,.0f} ms | p95 **{p95:,.0f} ms** |"
            )
        lines.append(
            f"| trends: load per-video metadata, once per archive change | | {load_s:,.1f} s |"
        )
        print(lines[-3:], flush=True)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=ROOT / "bench/work/search/archive.db")
    parser.add_argument("--add", type=int, default=1000)
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--write", action="store_true")
    add_run_options(parser)
    args = parser.parse_args()
    require_shared(
        args.smoke,
        "corpus/sportswashing_youtube",
        "corpus/gaza_headlines_labelled",
        "corpus/bbc_news_youtube",
    )
    if not (args.smoke or args.skip_scale or args.archive.exists()):
        raise SystemExit(f"{args.archive}: no such archive; build it with bench/search.py")
    with workspace(args.smoke) as work:
        if args.smoke:
            quality = evaluate(*smoke_gold(work))
            sized = scale(smoke_archive(work), 10)
        else:
            quality = evaluate()
            sized = [] if args.skip_scale else scale(args.archive, args.add)
        report(quality, sized, results_file(args, work) if args.write or args.smoke else None)


def report(quality: list[str], sized: list[str], out: Path | None) -> None:
    """Print the results; write them to ``out`` if given."""
    body = "\n".join(
        [
            "## Stories and trends (bench/stories.py)",
            "",
            f"{date.today()}, {machine()}.",
            "",
            "| grouping scored against | items | gold groups | stories | B-cubed P | B-cubed R "
            "| B-cubed F1 | adjusted Rand |",
            "|---|---|---|---|---|---|---|---|",
            *quality,
            "",
            "Target: B-cubed F1 >= 0.8 on the sportswashing events and on the BBC News "
            "stories (bench/gold/stories_bbc.json; dev tuned, test untouched).",
            "",
            *(["| at 1,000,000 videos | | |", "|---|---|---|", *sized] if sized else []),
        ]
    )
    print(body)
    if out is not None:
        write_section("stories", body, out)


if __name__ == "__main__":
    main()
