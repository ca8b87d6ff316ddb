"""Crash campaign: SIGKILL each writing command at random points; the first rerun must
give the same archive as a run that was never interrupted.

For each trial one command (ingest, repair, enrich, embed, stories) runs on a copy of
an archive prepared up to that stage and is killed with SIGKILL after a random delay
within its usual run time; the same command then runs again, once. The result must
match the uninterrupted reference: `PRAGMA integrity_check` ok, the same counts of
videos, transcripts, repairs, mentions, claims, passages and placed videos, the same
transcript content hashes, the same top results for three searches, no duplicates
(one current transcript per video, passages of one version per transcript), and no run
left `running`. Written to bench/RESULTS.md.

    python bench/crash.py --kills 100 [--files 20] [--seed 7]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from datetime import date
from pathlib import Path

from common import (
    NEWSREEL,
    SHARED,
    add_run_options,
    copy_archive,
    machine,
    remove_archive,
    require_shared,
    results_file,
    workspace,
    write_section,
)

STAGES = ("ingest", "repair", "enrich", "embed", "stories")
QUERIES = ("Cairo", "hostages", "Qatar")


def corpus(work: Path, files: int) -> Path:
    """The seed and the first ``files`` BBC caption files, copied into ``work``."""
    folder = work / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted((SHARED / "seed").iterdir()):
        shutil.copy2(path, folder / path.name)
    captions = sorted(p for p in (SHARED / "corpus/bbc_news_youtube").rglob("*") if p.is_file())
    for path in [p for p in captions if p.suffix in (".vtt", ".json", ".srt")][:files]:
        shutil.copy2(path, folder / path.name)
    return folder


def command(stage: str, db: Path, folder: Path) -> list[str]:
    """The command line of one stage."""
    if stage == "ingest":
        return [NEWSREEL, "ingest", str(folder), "--archive", str(db)]
    return [NEWSREEL, stage, "--archive", str(db)]


def run(stage: str, db: Path, folder: Path) -> float:
    """Run a stage to its end; return its seconds."""
    started = time.perf_counter()
    proc = subprocess.run(command(stage, db, folder), capture_output=True, text=True)
    if proc.returncode not in (0, 3):
        raise SystemExit(f"{stage} failed ({proc.returncode}): {proc.stderr[-1500:]}")
    return time.perf_counter() - started


def killed(stage: str, db: Path, folder: Path, delay: float) -> bool:
    """Start a stage and SIGKILL it after ``delay`` seconds; True if it was still running."""
    proc = subprocess.Popen(
        command(stage, db, folder), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def fingerprint(db: Path) -> dict[str, object]:
    """What must not differ between an interrupted-and-rerun archive and the reference."""
    con = sqlite3.connect(db)
    try:

        def one(sql: str) -> int:
            return int(con.execute(sql).fetchone()[0])

        hashes = [r[0] for r in con.execute("SELECT content_sha256 FROM transcripts ORDER BY 1")]
        out: dict[str, object] = {
            "integrity": con.execute("PRAGMA integrity_check").fetchone()[0],
            "videos": one("SELECT count(*) FROM videos"),
            "transcripts": one("SELECT count(*) FROM transcripts"),
            "repairs": one("SELECT count(*) FROM repairs"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "claims": one("SELECT count(*) FROM claims"),
            "passages": one("SELECT count(*) FROM passages"),
            "placed": one("SELECT count(*) FROM story_videos"),
            "content": hashlib.sha256("\n".join(hashes).encode()).hexdigest()[:16],
            "duplicate_videos": one(
                "SELECT count(*) FROM (SELECT video_id FROM transcripts GROUP BY video_id, "
                "version HAVING count(*) > 1)"
            ),
            "mixed_passages": one(
                "SELECT count(*) FROM (SELECT transcript_id FROM passages "
                "GROUP BY transcript_id HAVING count(DISTINCT version) > 1)"
            ),
            "running": one("SELECT count(*) FROM ingest_runs WHERE status = 'running'")
            + one("SELECT count(*) FROM stage_versions WHERE status = 'running'"),
        }
    finally:
        con.close()
    for query in QUERIES:
        proc = subprocess.run(
            [NEWSREEL, "search", query, "--archive", str(db), "--json", "--limit", "3"],
            capture_output=True,
            text=True,
        )
        out[f"search {query}"] = [
            json.loads(line).get("video_id") for line in proc.stdout.splitlines() if line
        ]
    return out


def comparable(found: dict[str, object]) -> dict[str, object]:
    """The fingerprint without what a rerun may legitimately leave (a run that died is
    marked interrupted by the next writer, so 'running' must be 0 after the rerun)."""
    return dict(found)


def prepare(work: Path, folder: Path) -> tuple[dict[str, Path], dict[str, float]]:
    """Archives prepared up to each stage (the stage's input), and the stages' times."""
    before: dict[str, Path] = {}
    seconds: dict[str, float] = {}
    db = work / "ref.db"
    for stage in STAGES:
        snapshot = work / f"before-{stage}.db"
        if db.exists():
            copy_archive(db, snapshot)
        before[stage] = snapshot
        seconds[stage] = run(stage, db, folder)
    before["done"] = db
    return before, seconds


def reference(before: dict[str, Path], stage: str) -> Path:
    """The uninterrupted archive after ``stage``."""
    index = STAGES.index(stage)
    return before[STAGES[index + 1]] if index + 1 < len(STAGES) else before["done"]


def campaign(args: argparse.Namespace, work: Path) -> None:
    """Prepare, kill, rerun, compare; write the results."""
    folder = corpus(work, args.files)
    before, seconds = prepare(work, folder)
    print("stage seconds:", {k: round(v, 1) for k, v in seconds.items()}, flush=True)
    expected = {stage: fingerprint(reference(before, stage)) for stage in STAGES}
    rng = random.Random(args.seed)
    tally: Counter[str] = Counter()
    failures: list[str] = []
    for trial in range(args.kills):
        stage = STAGES[trial % len(STAGES)]
        db = work / "trial.db"
        remove_archive(db)
        if before[stage].exists():
            copy_archive(before[stage], db)
        delay = rng.uniform(0.05, max(0.1, seconds[stage]))
        if not killed(stage, db, folder, delay):
            tally[f"{stage}: finished before the kill"] += 1
        else:
            tally[f"{stage}: killed"] += 1
        started = time.perf_counter()
        run(stage, db, folder)  # the first rerun must complete
        rerun = time.perf_counter() - started
        got = fingerprint(db)
        if comparable(got) != comparable(expected[stage]):
            diff = {k: (got[k], expected[stage][k]) for k in got if got[k] != expected[stage][k]}
            failures.append(f"trial {trial + 1} ({stage}, killed at {delay:.2f} s): {diff}")
        print(
            f"trial {trial + 1}: {stage} killed at {delay:.2f} s, rerun {rerun:.1f} s", flush=True
        )
        remove_archive(db)
    write_results(args, work, tally, failures, seconds)


def write_results(
    args: argparse.Namespace,
    work: Path,
    tally: Counter[str],
    failures: list[str],
    seconds: dict[str, float],
) -> None:
    """The RESULTS.md section."""
    lines = "\n".join(f"| {k} | {v} |" for k, v in sorted(tally.items()))
    failed = "\n".join(f"- {f}" for f in failures) or "- none"
    body = f"""## Crash campaign (bench/crash.py)

{args.kills} trials: each command run on a copy of the archive prepared up to it, killed
with SIGKILL after a random delay within its uninterrupted run time, then run once more;
the result compared with the uninterrupted reference (integrity check, counts of videos,
transcripts, repairs, mentions, claims, passages and placed videos, transcript content
hashes, the top 3 results of {", ".join(QUERIES)}, duplicates, runs left `running`).
Corpus: the seed and {args.files} BBC caption files. Uninterrupted run times (s):
{", ".join(f"{k} {v:.1f}" for k, v in seconds.items())}. Machine: {machine()}; date:
{date.today().isoformat()}; seed {args.seed}.

| outcome | trials |
|---|---:|
{lines}

First reruns that did not complete or differed from the reference: **{len(failures)}**.

{failed}

Command: `python bench/crash.py --kills {args.kills} --files {args.files} --seed {args.seed}`
"""
    write_section("crash", body, results_file(args, work))
    print(body)
    if failures:
        raise SystemExit(f"{len(failures)} trial(s) differed from the reference")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    add_run_options(parser)
    args = parser.parse_args()
    require_shared(args.smoke, "seed", "corpus/bbc_news_youtube")
    if args.smoke:
        args.kills, args.files = 5, 3
    with workspace(args.smoke) as work:
        campaign(args, work)


if __name__ == "__main__":
    main()
