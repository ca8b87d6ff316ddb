"""Shared helpers for benchmarks: source texts from the shared corpora, timing, RSS,
archive files, smoke runs and the RESULTS.md writer."""

from __future__ import annotations

import argparse
import csv
import glob
import itertools
import json
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import IO

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "data").resolve()
RESULTS = ROOT / "bench" / "RESULTS.md"
NEWSREEL = str(Path(sys.executable).with_name("newsreel"))
CHANNELS = [
    ("en", "DW", "DW News"),
    ("en", "FRANCE24", "FRANCE 24 English"),
    ("en", "BBC", "BBC News"),
    ("en", "AJE", "Al Jazeera English"),
    ("en", "SKY", "Sky News"),
]


def corpus_texts() -> list[str]:
    """Transcript texts of the shared corpora (sportswashing, BBC captions, podcasts)."""
    texts: list[str] = []
    csv.field_size_limit(sys.maxsize)
    table = SHARED / "corpus/sportswashing_youtube/All_YouTube_Transcripts.csv"
    with table.open(encoding="utf-8") as handle:
        texts += [row["Transcript"] for row in csv.DictReader(handle) if row["Transcript"]]
    for path in sorted((SHARED / "corpus/bbc_news_youtube/transcripts").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "segments" in data:
            texts.append(" ".join(s["text"] for s in data["segments"]))
    for path in sorted((SHARED / "corpus/bbc_global_news_podcast/transcripts").rglob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        texts.append(" ".join(line.split(":  ", 1)[-1] for line in lines if line.strip()))
    return texts


@dataclass
class Measured:
    """Wall time and peak resident memory (the whole process tree) of one command."""

    seconds: float
    peak_rss_mb: float


def run_measured(argv: list[str], stdout: IO[str] | None = None) -> Measured:
    """Run a command, polling the RSS of it and its children; fail loudly on error.
    Its standard output goes to ``stdout`` (default: nowhere)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=stdout if stdout is not None else subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak = 0.0
    stop = threading.Event()

    def poll() -> None:
        nonlocal peak
        parent = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                procs = [parent, *parent.children(recursive=True)]
                total = sum(p.memory_info().rss for p in procs if p.is_running())
                peak = max(peak, total / 2**20)
            except psutil.Error:
                pass
            time.sleep(0.05)

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    _, err = proc.communicate()
    stop.set()
    thread.join()
    seconds = time.perf_counter() - start
    if proc.returncode not in (0,):
        raise SystemExit(f"{argv[0]} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return Measured(seconds, peak)


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _busy_seconds() -> float:
    t = psutil.cpu_times()
    return sum(getattr(t, f, 0.0) for f in ("user", "nice", "system", "irq", "softirq", "steal"))


def _own_seconds() -> float:
    """CPU seconds of this process, its waited-for children and its live descendants."""
    me = psutil.Process()
    t = me.cpu_times()
    total = t.user + t.system + t.children_user + t.children_system
    for child in me.children(recursive=True):
        try:
            c = child.cpu_times()
            total += c.user + c.system
        except psutil.Error:
            pass
    return total


class OtherLoad:
    """CPU time used by processes other than this one and its descendants since it was
    made: whether another job shared the machine during a run."""

    def __init__(self) -> None:
        self.began = time.monotonic()
        self.busy = _busy_seconds()
        self.own = _own_seconds()

    def share(self) -> float:
        """The other processes' CPU time as a share of the machine's (0..1)."""
        wall = (time.monotonic() - self.began) * (psutil.cpu_count(logical=True) or 1)
        others = (_busy_seconds() - self.busy) - (_own_seconds() - self.own)
        return max(0.0, others) / wall if wall > 0 else 0.0

    def sentence(self) -> str:
        """One sentence for RESULTS.md."""
        share = self.share()
        note = " (the machine was shared: the times are slower than on an idle one)"
        return (
            f"Other processes used {share:.0%} of the machine's CPU time during the run"
            + (note if share >= 0.1 else "")
            + "."
        )


def machine() -> str:
    """A one-line description of this machine."""
    cpus = psutil.cpu_count(logical=True)
    mem = psutil.virtual_memory().total / 2**30
    return (
        f"{platform.machine()}, {cpus} CPUs, {mem:.0f} GiB RAM, Python {platform.python_version()}"
    )


def write_section(name: str, body: str, path: Path = RESULTS) -> None:
    """Replace (or append) the section '## name' of ``path`` (bench/RESULTS.md)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    start = f"<!-- {name}:start -->"
    end = f"<!-- {name}:end -->"
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """Add --smoke and --results, which every benchmark takes."""
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="Run end to end on tiny input (CI): results go to a temporary file, not "
        "bench/RESULTS.md, and any error exits non-zero.",
    )
    parser.add_argument(
        "--results",
        type=Path,
        help="Markdown file to write the section into (default bench/RESULTS.md; with "
        "--smoke, a temporary file).",
    )


@contextmanager
def workspace(smoke: bool, folder: Path | None = None) -> Iterator[Path]:
    """The folder to work in: ``folder`` for a real run that names one, else a temporary
    folder removed afterwards (a smoke run never touches bench/work)."""
    if folder is not None and not smoke:
        folder.mkdir(parents=True, exist_ok=True)
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix="newsreel-bench-") as tmp:
        yield Path(tmp)


def results_file(args: argparse.Namespace, work: Path) -> Path:
    """Where the results go: --results, else a file in ``work`` (smoke), else RESULTS.md."""
    if args.results is not None:
        return Path(args.results)
    return work / "RESULTS.md" if args.smoke else RESULTS


def require_shared(smoke: bool, *parts: str) -> None:
    """Stop unless the shared data (and each of ``parts`` under it) is present: a smoke
    run says so and exits 0 (the data is not ours to ship), a real run fails."""
    missing = [SHARED / p for p in parts or ("",) if not (SHARED / p).exists()]
    if not missing:
        return
    what = ", ".join(str(m) for m in missing)
    if smoke:
        print(f"skipped: the shared data is absent ({what}); nothing to measure", flush=True)
        raise SystemExit(0)
    raise SystemExit(f"the shared data is absent ({what}); place it at {SHARED}")


def newsreel(*args: str | Path, ok: tuple[int, ...] = (0,)) -> None:
    """Run the ``newsreel`` CLI quietly; exit with its error output if its status is not
    in ``ok`` (``ingest`` exits 3 when it quarantined something: a counted outcome)."""
    argv = [NEWSREEL, *map(str, args)]
    proc = subprocess.run(argv, capture_output=True, text=True, check=False)
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr[-2000:]}")


def archive_parts(db: Path) -> list[Path]:
    """The archive and the files and folders beside it (``X.db-wal``, ``X.db.fulltext/``,
    ``X.db.vectors`` ...)."""
    return sorted(db.parent.glob(glob.escape(db.name) + "*"))


def size_mb(*paths: Path) -> float:
    """MiB of the files given, counting every file inside the folders given."""
    total = 0
    for path in paths:
        if path.is_dir():
            total += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        elif path.exists():
            total += path.stat().st_size
    return total / 2**20


def archive_mb(db: Path) -> float:
    """MiB of an archive with everything beside it."""
    return size_mb(*archive_parts(db))


def remove_archive(db: Path) -> None:
    """Delete an archive with every file and folder beside it."""
    for part in archive_parts(db):
        if part.is_dir() and not part.is_symlink():
            shutil.rmtree(part)
        else:
            part.unlink(missing_ok=True)


def copy_archive(source: Path, target: Path) -> None:
    """Copy a closed archive with every file and folder beside it to ``target``."""
    for part in archive_parts(source):
        to = target.with_name(target.name + part.name[len(source.name) :])
        if part.is_dir():
            shutil.copytree(part, to)
        else:
            shutil.copy2(part, to)


def head_lines(source: Path, target: Path, lines: int) -> Path:
    """Copy the first ``lines`` lines of a text file (smoke input)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with source.open(encoding="utf-8") as handle:
        target.write_text("".join(itertools.islice(handle, lines)), encoding="utf-8")
    return target


def head_csv(source: Path, target: Path, rows: int) -> Path:
    """Copy the header and the first ``rows`` records of a CSV table (smoke input)."""
    csv.field_size_limit(sys.maxsize)
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        source.open(encoding="utf-8", newline="") as inp,
        target.open("w", encoding="utf-8", newline="") as out,
    ):
        reader = csv.reader(inp)
        writer = csv.writer(out)
        for n, row in enumerate(reader):
            if n > rows:
                break
            writer.writerow(row)
    return target


@dataclass(frozen=True)
class Synthetic:
    """One made-up record: a window of a real transcript with a new id, outlet and date."""

    video_id: str
    title: str
    text: str
    lang: str
    code: str
    channel: str
    day: date

    def seed_file(self) -> str:
        """The record in the seed's format."""
        return (
            f"<video_id>{self.video_id}</video_id>\n<video_title>{self.title}</video_title>\n"
            f"<thumbnail_path>{self.lang}_{self.code}\\{self.video_id}.jpg</thumbnail_path>\n"
            f"<publish_date>{self.day:%Y%m%d}</publish_date>\n\n<doc>\n{self.text}\n</doc>\n"
        )


def synthetic_records(
    count: int, sizes: tuple[int, int], min_words: int, prefix: str, seed: int
) -> Iterator[Synthetic]:
    """``count`` records cut from the shared corpora (deterministic for a seed)."""
    rng = random.Random(seed)
    sources = [words for words in (t.split() for t in corpus_texts()) if len(words) > min_words]
    for i in range(count):
        words = rng.choice(sources)
        size = rng.randint(*sizes)
        start = rng.randrange(max(1, len(words) - size))
        lang, code, name = rng.choice(CHANNELS)
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(1100))
        yield Synthetic(
            f"{prefix}{i:010d}",
            f"{' '.join(words[start : start + 8])} | {name}",
            " ".join(words[start : start + size]),
            lang,
            code,
            name,
            day,
        )
