"""Shared helpers for benchmarks: source texts from the shared corpora, timing, RSS."""

from __future__ import annotations

import csv
import json
import platform
import random
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "data").resolve()
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


def run_measured(argv: list[str]) -> Measured:
    """Run a command, polling the RSS of it and its children; fail loudly on error."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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


def machine() -> str:
    """A one-line description of this machine."""
    cpus = psutil.cpu_count(logical=True)
    mem = psutil.virtual_memory().total / 2**30
    return (
        f"{platform.machine()}, {cpus} CPUs, {mem:.0f} GiB RAM, Python {platform.python_version()}"
    )


def write_section(name: str, body: str) -> None:
    """Replace (or append) the section '## name' of bench/RESULTS.md."""
    path = ROOT / "bench" / "RESULTS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    start = f"<!-- {name}:start -->"
    end = f"<!-- {name}:end -->"
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


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
