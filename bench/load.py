"""Benchmark: `newsreel serve` under concurrent clients while an ingest writes the archive.

Builds an archive of the seed, the sportswashing and the BBC News captions (embedded, so
hybrid search works), serves it read-only with `newsreel serve` (a subprocess on a free
loopback port), and for --seconds runs --clients threads, each with its own keep-alive
HTTP connection, sending a weighted mix of requests: API and page searches (lexical and
hybrid), trends, videos, exports of a query, stats, the overview, and requests that
must fail (404, 400). After --ingest-after seconds `newsreel ingest` adds more corpora
(archive.org TV News, CNN, the BBC podcast) to the same archive. Stops by itself; reports
requests, errors (any status >= 400 other than an intended one, any exception), p50 /
p95 / max latency per kind, latency while the ingest ran, and whether the server answers
the new videos afterwards. Writes bench/RESULTS.md.

    python bench/load.py [--clients 50] [--seconds 120]
    python bench/load.py --smoke    # CI: 5 clients, 5 seconds, a ten-video archive
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from common import (
    NEWSREEL,
    SHARED,
    OtherLoad,
    add_run_options,
    head_csv,
    machine,
    newsreel,
    percentile,
    require_shared,
    results_file,
    workspace,
    write_section,
)
from newsreel import open_archive
from web import QUERIES, TRENDS

SOURCES = ["seed", "corpus/sportswashing_youtube", "corpus/bbc_news_youtube"]
MORE = ["corpus/archive_tv_news_cc", "corpus/cnn_ac360_2022", "corpus/bbc_global_news_podcast"]
TERMS = [t for t in TRENDS if "entity:" not in t]  # the archive is not enriched
EXPORTS = ['"Shin Bet"', "Mossad", "Newcastle", '"cease fire"', "Zelensky"]
# kind -> weight in the mix; "must fail" requests are expected to answer their 4xx
WEIGHTS = {
    "API search": 6,
    "API search, hybrid": 2,
    "search page": 3,
    "API trends": 1,
    "trends page": 1,
    "API video": 3,
    "video page": 2,
    "API export of a query": 1,
    "API stats": 1,
    "overview /": 1,
    "must fail (404, 400)": 1,
}
TIMEOUT = 120.0


@dataclass
class Sample:
    """One request: when it ended (seconds since the start), kind, latency, outcome."""

    at: float
    kind: str
    ms: float
    status: int | None
    error: str | None = None


@dataclass
class Plan:
    """What the clients may ask for."""

    video_ids: list[str]

    def pick(self, rng: random.Random) -> tuple[str, str, int | None]:
        """(kind, url, expected status or None for any 2xx/3xx)."""
        kinds = list(WEIGHTS)
        kind = rng.choices(kinds, weights=[WEIGHTS[k] for k in kinds])[0]
        q = quote(rng.choice(QUERIES))
        video = rng.choice(self.video_ids)
        urls = {
            "API search": f"/api/v1/search?q={q}",
            "API search, hybrid": f"/api/v1/search?q={q}&mode=hybrid",
            "search page": f"/search?q={q}&page={rng.choice([1, 1, 2])}",
            "API trends": "/api/v1/trends?" + urlencode({"terms": rng.choice(TERMS)}),
            "trends page": "/trends?" + urlencode({"terms": rng.choice(TERMS), "per": "week"}),
            "API video": f"/api/v1/videos/{video}",
            "video page": f"/video/{video}",
            "API export of a query": f"/api/v1/export?format=jsonl&q={quote(rng.choice(EXPORTS))}",
            "API stats": "/api/v1/stats",
            "overview /": "/",
        }
        if kind in urls:
            return kind, urls[kind], None
        return rng.choice(
            [(kind, "/api/v1/videos/no-such-video", 404), (kind, "/api/v1/search?q=%22open", 400)]
        )


def free_port() -> int:
    """A TCP port nobody listens on now (loopback)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(port: int, url: str) -> tuple[int, bytes]:
    """One GET on a new connection: (status, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        conn.request("GET", url)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def start_server(archive: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """`newsreel serve` (read-only) on ``port``, answering."""
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [NEWSREEL, "serve", "--archive", str(archive), "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"newsreel serve stopped: {log.read_text()[-2000:]}")
        try:
            if get(port, "/api/v1/stats")[0] == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("newsreel serve did not answer within 60 s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Ctrl-C the server; kill it if it does not stop."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def client(port: int, plan: Plan, seed: int, began: float, until: float, out: list[Sample]) -> None:
    """Send requests on one keep-alive connection until ``until`` (a new connection after
    any failure)."""
    rng = random.Random(seed)
    conn: http.client.HTTPConnection | None = None
    while time.monotonic() < until:
        kind, url, expected = plan.pick(rng)
        start = time.monotonic()
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
            conn.request("GET", url)
            response = conn.getresponse()
            body = response.read()
            status: int | None = response.status
            error = None
            if expected is not None and response.status != expected:
                error = f"HTTP {response.status} {error_code(body)}, wanted {expected}"
            elif expected is None and response.status >= 400:
                error = f"HTTP {response.status} {error_code(body)}"
        except (OSError, http.client.HTTPException) as exc:
            status, error = None, type(exc).__name__
            if conn is not None:
                conn.close()
            conn = None
        end = time.monotonic()
        out.append(Sample(end - began, kind, (end - start) * 1000, status, error))
    if conn is not None:
        conn.close()


def error_code(body: bytes) -> str:
    """The ``code`` of an error body ("query_timeout"), else "(no JSON)"."""
    try:
        return str(json.loads(body)["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return "(no JSON)"


def video_ids(port: int) -> set[str]:
    """Every video id the server lists."""
    ids: set[str] = set()
    offset = 0
    while True:
        status, body = get(port, f"/api/v1/videos?limit=1000&offset={offset}")
        if status != 200:
            raise SystemExit(f"/api/v1/videos answered {status}")
        page = json.loads(body)["videos"]
        ids |= {v["video_id"] for v in page}
        if len(page) < 1000:
            return ids
        offset += 1000


def stats(port: int) -> dict[str, Any]:
    status, body = get(port, "/api/v1/stats")
    if status != 200:
        raise SystemExit(f"/api/v1/stats answered {status}")
    data: dict[str, Any] = json.loads(body)
    return data


def new_videos_answered(port: int, new: list[str]) -> tuple[int, int]:
    """Of up to 20 new videos: how many the server shows, and how many a search for their
    title's longest word, within their outlet, finds."""
    shown = found = 0
    for video_id in new[:20]:
        status, body = get(port, f"/api/v1/videos/{quote(video_id)}")
        if status != 200:
            continue
        shown += 1
        video = json.loads(body)
        words = sorted((w for w in (video.get("title") or "").split() if w.isalpha()), key=len)
        if not words:
            found += 1  # nothing to search by; shown is what counts
            continue
        params = {"q": words[-1], "exact": "true", "limit": "1000"}
        if video.get("channel"):
            params["channel"] = video["channel"]
        status, body = get(port, "/api/v1/search?" + urlencode(params))
        if status == 200 and any(h["video_id"] == video_id for h in json.loads(body)["hits"]):
            found += 1
    return shown, found


def build(folder: Path, smoke: bool) -> tuple[Path, list[Path]]:
    """The served archive (ingested and embedded) and the folders the ingest adds."""
    archive = folder / "corpora.db"
    if smoke:
        bbc = sorted((SHARED / "corpus/bbc_news_youtube/transcripts").glob("*.json"))
        first, more = folder / "first", folder / "more"
        first.mkdir()
        more.mkdir()
        for path in bbc[:5]:
            shutil.copy(path, first / path.name)
        for path in bbc[5:10]:
            shutil.copy(path, more / path.name)
        table = SHARED / "corpus/sportswashing_youtube/All_YouTube_Transcripts.csv"
        head_csv(table, first / "sports" / table.name, 5)
        sources, extra = [SHARED / "seed", first], [more]
    else:
        sources, extra = [SHARED / s for s in SOURCES], [SHARED / m for m in MORE]
    newsreel("ingest", *sources, "--archive", archive, ok=(0, 3))
    with open_archive(archive) as arch:
        arch.embed()
    return archive, extra


def run(args: argparse.Namespace, work: Path) -> str:
    """Serve, load, ingest, check; the RESULTS.md section."""
    archive, extra = build(work, args.smoke)
    port = free_port()
    server = start_server(archive, port, work / "serve.log")
    try:
        before = stats(port)
        ids_before = video_ids(port)
        plan = Plan(sorted(ids_before))
        load = OtherLoad()
        began = time.monotonic()
        until = began + args.seconds
        samples: list[Sample] = []
        threads = [
            threading.Thread(target=client, args=(port, plan, n, began, until, samples))
            for n in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        time.sleep(min(args.ingest_after, args.seconds / 2))
        ingest_start = time.monotonic() - began
        ingest = subprocess.run(
            [NEWSREEL, "ingest", *map(str, extra), "--archive", str(archive), "--json"],
            capture_output=True,
            text=True,
            check=False,
            timeout=1800,
        )
        ingest_end = time.monotonic() - began
        for thread in threads:
            thread.join()
        if ingest.returncode not in (0, 3):
            raise SystemExit(f"the ingest failed ({ingest.returncode}): {ingest.stderr[-2000:]}")
        summary = json.loads(ingest.stdout)
        after = stats(port)
        new = sorted(video_ids(port) - ids_before)
        shown, found = new_videos_answered(port, new)
        share = load.sentence()
    finally:
        stop_server(server)
    tracebacks = (work / "serve.log").read_text(errors="replace").count("Traceback")
    return report(
        args,
        samples,
        before,
        after,
        summary,
        (ingest_start, ingest_end),
        (len(new), shown, found),
        tracebacks,
        share,
    )


def report(
    args: argparse.Namespace,
    samples: list[Sample],
    before: dict[str, Any],
    after: dict[str, Any],
    summary: dict[str, Any],
    ingest: tuple[float, float],
    new: tuple[int, int, int],
    tracebacks: int,
    share: str,
) -> str:
    """The RESULTS.md section."""
    lines = []
    for kind in WEIGHTS:
        chosen = [s for s in samples if s.kind == kind]
        if not chosen:
            continue
        times = [s.ms for s in chosen]
        failed = sum(1 for s in chosen if s.error)
        lines.append(
            f"| {kind} | {len(chosen)} | {failed} | {percentile(times, 0.5):.0f} | "
            f"{percentile(times, 0.95):.0f} | {max(times):.0f} |"
        )
    every = [s.ms for s in samples]
    errors = Counter(s.error for s in samples if s.error)
    before_ingest = [s.ms for s in samples if s.at < ingest[0]]
    during = [s.ms for s in samples if ingest[0] <= s.at <= ingest[1]]
    after_ingest = [s.ms for s in samples if s.at > ingest[1]]
    wall = args.seconds
    error_text = ", ".join(f"{n} {what}" for what, n in errors.most_common()) or "none"
    if any("query_timeout" in what for what in errors):
        error_text += " (`query_timeout`: a query stopped by the 10 s time budget)"
    added, shown, found = new

    def p95(values: list[float]) -> str:
        return f"{percentile(values, 0.95):.0f} ms" if values else "n/a"

    return "\n".join(
        [
            "## Load: concurrent clients during an ingest (bench/load.py)",
            "",
            f"{date.today()}, {machine()}. Command: `python bench/load.py --clients "
            f"{args.clients} --seconds {args.seconds}`. `newsreel serve` (read-only, one "
            f"uvicorn process, default 10 s time budget) on seed + sportswashing_youtube + "
            f"bbc_news_youtube ({before['videos']:,} videos, embedded); {args.clients} client "
            "threads in one process on the same machine, each with a keep-alive connection, "
            f"send a weighted mix for {wall} s; at {ingest[0]:.0f} s `newsreel ingest` of "
            f"{', '.join(Path(m).name for m in MORE) if not args.smoke else 'five BBC videos'}"
            f" starts on the same archive. Milliseconds per request, whole response read. " + share,
            "",
            "| request | requests | errors | p50 ms | p95 ms | max ms |",
            "|---|---:|---:|---:|---:|---:|",
            *lines,
            "",
            f"**{len(samples):,} requests** in {wall} s ({len(samples) / wall:.1f}/s), "
            f"p50 {percentile(every, 0.5):.0f} ms, p95 {p95(every)}, max {max(every):.0f} ms; "
            f"errors: {error_text}; server tracebacks: {tracebacks}.",
            f"Ingest: {ingest[1] - ingest[0]:.0f} s ({ingest[0]:.0f}-{ingest[1]:.0f} s), "
            f"{summary.get('ingested', 0):,} videos ingested, "
            f"{summary.get('quarantined', 0):,} inputs quarantined; p95 while it ran "
            f"{p95(during)} over {len(during):,} requests (before it {p95(before_ingest)} "
            f"over {len(before_ingest):,}; after it, on the larger archive, "
            f"{p95(after_ingest)} over {len(after_ingest):,}).",
            f"After the ingest the server answers {after['videos']:,} videos (was "
            f"{before['videos']:,}; {added:,} new): {shown} of {min(added, 20)} new videos "
            f"checked open, {found} found by a word of their title.",
        ]
    )


def main() -> None:
    """Parse options, run, print and record the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument(
        "--ingest-after", type=float, default=10.0, help="seconds before the ingest starts"
    )
    add_run_options(parser)
    args = parser.parse_args()
    if args.smoke:
        args.clients, args.seconds, args.ingest_after = 5, 5, 1.0
    require_shared(args.smoke, *SOURCES, *([] if args.smoke else MORE))
    with workspace(args.smoke) as work:
        body = run(args, work)
        print(body)
        write_section("load", body, results_file(args, work))


if __name__ == "__main__":
    main()
