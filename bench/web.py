"""Benchmark: page and API latency of `newsreel serve` on an archive of the shared corpora.

Serves the archive with uvicorn (as `newsreel serve` does) and requests, over HTTP from
one client, every kind of page a user opens: the overview, searches (page 1 and 2,
sound-alike and phrase queries), videos, entities and trends (first and repeated), plus
the API's search and video. Reports median, p95 and max per kind; writes bench/RESULTS.md.

    newsreel ingest ../shared/data/seed ../shared/data/corpus --archive bench/work/web/corpora.db
    python -c "import newsreel; newsreel.open_archive('bench/work/web/corpora.db').process()"
    python bench/web.py --archive bench/work/web/corpora.db --write
    python bench/web.py --smoke       # CI: builds a 10-video archive, 2 requests per kind
"""

from __future__ import annotations

import argparse
import random
import shutil
import socket
import statistics
import threading
import time
from datetime import date
from pathlib import Path
from urllib.parse import quote

import httpx
import uvicorn

from common import (
    ROOT,
    SHARED,
    add_run_options,
    head_csv,
    machine,
    newsreel,
    require_shared,
    results_file,
    workspace,
    write_section,
)
from newsreel import open_archive
from newsreel.web import create_app

QUERIES = [
    "Gaza",
    "Rafah",
    "Ukraine",
    '"cease fire"',
    "Hamas NEAR/5 Cairo",
    "Saudi Arabia",
    "Newcastle",
    "Shin Bet",
    "hostages -football",
    "World Cup",
    "Netanyahu",
    "climate",
    "Mossad",
    "BBC",
    "election",
    "Qatar",
    "humanitarian aid",
    "Zelensky",
    "oil prices",
    "Premier League",
]
TRENDS = [
    "Gaza, Ukraine",
    "Rafah, Hamas, Israel",
    '"cease fire", ceasefire',
    "Saudi, Qatar",
    "climate, election",
    "entity:Israel, entity:Hamas",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def serve(archive: Path) -> tuple[uvicorn.Server, threading.Thread, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(archive), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise SystemExit(f"the server of {archive} stopped before it started")
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def smoke_archive(folder: Path) -> Path:
    """A processed archive (repaired, enriched, embedded, grouped) of the seed, five BBC and
    five sportswashing videos."""
    sources = folder / "sources"
    bbc = sources / "bbc"
    bbc.mkdir(parents=True)
    for path in sorted((SHARED / "corpus/bbc_news_youtube/transcripts").glob("*.json"))[:5]:
        shutil.copy(path, bbc / path.name)
    table = SHARED / "corpus/sportswashing_youtube/All_YouTube_Transcripts.csv"
    head_csv(table, sources / "sports" / table.name, 5)
    archive = folder / "corpora.db"
    newsreel("ingest", SHARED / "seed", sources, "--archive", archive)
    with open_archive(archive) as arch:
        arch.process()
    return archive


def urls(archive: Path, seed: int = 3) -> dict[str, list[str]]:
    rng = random.Random(seed)
    with open_archive(archive, read_only=True) as arch:
        _, videos = arch.browse(limit=10_000)
        entities = arch.entities()
    video_ids = [v.video_id for v in rng.sample(videos, min(40, len(videos)))]
    entity_ids = [e.entity_id for e in entities[:20]] + [
        e.entity_id for e in rng.sample(entities, min(20, len(entities)))
    ]
    channels = sorted({v.channel for v in videos if v.channel})
    return {
        "overview /": ["/"] * 5,
        "search /search?q=": [f"/search?q={quote(q)}" for q in QUERIES],
        "search page 2": [f"/search?q={quote(q)}&page=2" for q in QUERIES[:10]],
        "browse an outlet": [f"/search?channel={quote(c)}" for c in channels[:10]],
        "video /video/{id}": [f"/video/{v}" for v in video_ids],
        "entity /entity/{id}": [f"/entity/{e}" for e in entity_ids],
        "trends, first time": [f"/trends?terms={quote(t)}" for t in TRENDS],
        "trends, again": [f"/trends?terms={quote(t)}&per=week" for t in TRENDS],
        "API search": [f"/api/v1/search?q={quote(q)}" for q in QUERIES],
        "API video": [f"/api/v1/videos/{v}" for v in video_ids[:20]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=ROOT / "bench/work/web/corpora.db")
    parser.add_argument("--write", action="store_true")
    add_run_options(parser)
    args = parser.parse_args()
    with workspace(args.smoke) as work:
        if args.smoke:
            require_shared(args.smoke, "seed", "corpus/bbc_news_youtube")
            args.archive = smoke_archive(work)
        plan = urls(args.archive)
        if args.smoke:
            plan = {kind: batch[:2] for kind, batch in plan.items()}
        body = measure(args.archive, plan)
        print(body)
        if args.write or args.smoke:
            write_section("web", body, results_file(args, work))


def measure(archive: Path, plan: dict[str, list[str]]) -> str:
    """Request every URL of ``plan`` from a served ``archive``; the RESULTS.md section."""
    server, thread, base = serve(archive)
    lines = []
    every: list[float] = []
    with httpx.Client(base_url=base, timeout=120) as client:
        client.get("/")  # open the archive and its index once
        for kind, batch in plan.items():
            times = []
            for url in batch:
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{url}: HTTP {response.status_code}: {response.text[:200]}")
            every += [t for t in times] if kind != "trends, first time" else []
            lines.append(
                f"| {kind} | {len(times)} | {statistics.median(times):.0f} | "
                f"{percentile(times, 0.95):.0f} | {max(times):.0f} |"
            )
            print(lines[-1], flush=True)
    server.should_exit = True
    thread.join(timeout=30)
    with open_archive(archive, read_only=True) as arch:
        stats = arch.stats()
    every_p95 = percentile(every, 0.95)
    header = (
        f"{date.today()}, {machine()}. `newsreel serve` (uvicorn, one process) on an archive "
        f"of the shared corpora: {stats.videos:,} videos, {stats.words:,} words, repaired "
        "and enriched. One client over HTTP on the same machine; milliseconds per request, "
        'whole response read. Trends "first time" counts the terms in every matching '
        'transcript (and loads the per-video metadata once); "again" reuses the cache '
        "at another granularity."
    )
    return "\n".join(
        [
            "## Web UI and API (bench/web.py)",
            "",
            header,
            "",
            "| page | requests | median ms | p95 ms | max ms |",
            "|---|---|---|---|---|",
            *lines,
            "",
            f"All pages but first-time trends: p95 **{every_p95:.0f} ms** (target < 300 ms) "
            f"over {len(every)} requests.",
        ]
    )


if __name__ == "__main__":
    main()
