"""Stages and ingest on a Dask cluster (``--cluster local:N`` or ``tcp://HOST:8786``).

The driver cuts the work into tasks and each Dask worker does its share straight
against the shared archive (PostgreSQL; a SQLite file only on one machine):

- a stage task is a range of transcript ids, (after, until]; the worker asks the
  stage for what its version has not done in the range (``batch_after``), processes
  and saves it batch by batch, one transaction each. So a task is idempotent (keyed
  by transcript id and stage version): a task rerun after its worker was killed
  finds the finished batches done and does only the rest.
- an ingest task is a list of files; the worker reads and parses them and writes
  their records in batches, as one machine's ingest does (the store serialises the
  batch writes; a rerun skips what was written).

Models load once per worker process: a worker keeps its open store and stage objects
(``_WORKER``) for every later task. What is left after the tasks (the enrich stage's
name settling, the stories stage, which is sequential by nature, the full-text
queue of a SQLite archive) runs on the driver.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from newsreel.entities.stage import EnrichStage
from newsreel.errors import ConfigError
from newsreel.ingest.files import InputFile, read_input
from newsreel.ingest.outlets import OutletAliases, prepare
from newsreel.ingest.runner import ctrl_c_ignored
from newsreel.models import IngestSummary
from newsreel.pipeline.stage import Progress, Stage, StageRun, work_through
from newsreel.repair.stage import RepairStage
from newsreel.search.embed import EmbedStage
from newsreel.search.indexes import Indexes
from newsreel.store import Store, open_store
from newsreel.store.base import FileResult

TASK_TRANSCRIPTS = 256  # transcripts per stage task
TASK_FILES = 64  # files per ingest task
RETRIES = 3  # a task that fails (a deadlock, a lost connection) is tried again
BATCH_RECORDS = 500
PARALLEL_STAGES = ("repair", "enrich", "embed")
MIN_TASKS = 16  # at least (when there are as many transcripts): workers never idle long
# A local worker's libraries use one thread each (onnxruntime: NEWSREEL_THREADS).
ONE_THREAD = {
    name: "1"
    for name in ("NEWSREEL_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
}


def parse_cluster(spec: str) -> tuple[str, int | str]:
    """``local:N`` → ("local", N); ``tcp://HOST:PORT`` → ("tcp", address)."""
    if spec.startswith("local:"):
        count = spec.split(":", 1)[1]
        if not count.isdigit() or not 1 <= int(count) <= 256:
            raise ConfigError(f"--cluster {spec}: write local:N with N workers, 1 to 256")
        return "local", int(count)
    if (tcp := _TCP.match(spec)) and 1 <= int(tcp.group(1)) <= 65535:
        return "tcp", spec
    raise ConfigError(
        f"--cluster {spec!r}: write local:N (N workers on this machine) or "
        "tcp://HOST:8786 (a running dask scheduler)"
    )


_TCP = re.compile(r"^tcp://[^\s:/]+:(\d{1,5})$")  # tcp://HOST:PORT, the port given
WORKERS_WAIT = 30  # seconds a scheduler is given to have a worker


@contextmanager
def cluster_client(spec: str) -> Any:
    """A Dask client of the cluster ``spec`` names (a LocalCluster is made and closed)."""
    kind, value = parse_cluster(spec)
    import dask
    from distributed import Client, LocalCluster

    # Workers are processes with one thread each: a stage's models use the cores
    # through numpy and onnxruntime, and a worker's connection serves one task at a time.
    with dask.config.set({"distributed.worker.daemon": False}):
        if kind == "local":
            # worker processes start with Ctrl-C ignored and never see it (each had
            # printed a traceback); this process gets it after and stops the work
            with ctrl_c_ignored():
                cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=int(value),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=50,
                    env=ONE_THREAD,  # N workers use N cores, not N x the cores each
                )
            try:
                with Client(cluster) as client:  # type: ignore[no-untyped-call]
                    yield client
            finally:
                cluster.close()
            return
        try:
            client = Client(str(value), timeout=30)  # type: ignore[no-untyped-call]
        except OSError as exc:
            raise ConfigError(f"--cluster {spec}: no Dask scheduler answers ({exc})") from None
        with client:
            try:
                client.wait_for_workers(1, timeout=WORKERS_WAIT)
            except TimeoutError:
                raise ConfigError(
                    f"--cluster {spec}: the scheduler has no workers (none joined within "
                    f"{WORKERS_WAIT} s); start one with 'dask worker {spec}'"
                ) from None
            yield client


# -- on a worker --------------------------------------------------------------

_WORKER: dict[tuple[str, str, int], Any] = {}
_LOCK = threading.Lock()


def _store(location: str) -> Store:
    key = (location, "store", threading.get_ident())
    with _LOCK:
        if key not in _WORKER:
            _WORKER[key] = open_store(location)
        store: Store = _WORKER[key]
        return store


def _stage(location: str, name: str, version: str) -> Any:
    """This worker's stage object (its models loaded once)."""
    key = (location, name, threading.get_ident())
    with _LOCK:
        stage = _WORKER.get(key)
    if stage is None:
        store = _store(location)
        stage = make_stage(store, name)
        stage.start(None)
        with _LOCK:
            _WORKER[key] = stage
    if stage.version != version:
        raise ConfigError(
            f"this worker runs {name} version {stage.version}, the driver {version}: "
            "install the same Newsreel on every worker"
        )
    return stage


def make_stage(store: Store, name: str) -> Any:
    """A stage that workers can share out by transcript ranges."""
    if name == "repair":
        return RepairStage(store)
    if name == "enrich":
        return EnrichStage(store)
    if name == "embed":
        return EmbedStage(store)
    raise ConfigError(f"the {name} stage does not run on a cluster")


def run_range(
    location: str, name: str, version: str, after: int, until: int, state: Any = None
) -> tuple[int, int]:
    """Do what ``name``'s version has not done for transcripts in (after, until],
    starting from the run's ``state`` (``snapshot``); return (transcripts, words)."""
    stage = _stage(location, name, version)
    if state is not None:
        stage.restore(state)
    items = words = 0
    while True:
        batch = [item for item in stage.batch_after(after) if item[0] <= until]
        if not batch:
            return items, words
        words += stage.save(batch, stage.process(batch))
        items += len(batch)
        after = batch[-1][0]


def ingest_files(
    location: str,
    run_id: int,
    files: Sequence[InputFile],
    mapping: Mapping[str, str],
    max_size: int,
) -> IngestSummary:
    """Read, parse and archive files (a task of ``ingest --cluster``); return counts."""
    store = _store(location)
    outlets = OutletAliases(user=store.metadata.outlet_aliases())
    summary = IngestSummary()
    batch: list[FileResult] = []
    records = 0
    for item in files:
        result = read_input(item, dict(mapping), max_size)
        batch.append(result)
        records += len(result.records) + len(result.failures)
        if records >= BATCH_RECORDS:
            _write(store, batch, run_id, outlets, summary)
            batch, records = [], 0
    if batch:
        _write(store, batch, run_id, outlets, summary)
    return summary


def _write(
    store: Store,
    batch: list[FileResult],
    run_id: int,
    outlets: OutletAliases,
    summary: IngestSummary,
) -> None:
    prepare(batch, outlets)
    part, written = store.videos.write(batch, run_id)
    merge(summary, part)
    if hasattr(store, "documents"):  # PostgreSQL: searchable at once, from this worker
        indexes = Indexes(store)
        indexes.stage(written)
        indexes.flush()
    # A SQLite archive's full-text index has one writer: the driver indexes the queue.


def merge(into: IngestSummary, part: IngestSummary) -> None:
    """Add one summary's counts to another."""
    for name in ("ingested", "unchanged", "new_versions", "quarantined", "skipped_files", "files"):
        setattr(into, name, getattr(into, name) + getattr(part, name))
    into.quarantine.extend(part.quarantine)
    into.skipped.extend(part.skipped)


# -- on the driver ------------------------------------------------------------


def task_size(transcripts: int) -> int:
    """Transcripts per task: at most ``TASK_TRANSCRIPTS``, and at least ``MIN_TASKS``
    tasks. It does not depend on the workers, so the tasks, and what they make, are the
    same on any cluster."""
    return max(1, min(TASK_TRANSCRIPTS, transcripts // MIN_TASKS))


def ranges(ids: Sequence[int], size: int = TASK_TRANSCRIPTS) -> list[tuple[int, int]]:
    """(after, until] ranges of about ``size`` ids each covering every id."""
    out = []
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        out.append((ids[start - 1] if start else 0, chunk[-1]))
    return out


def run_stage_on_cluster(
    client: Any,
    location: str,
    store: Store,
    stage: Stage[Any, Any],
    progress: Progress | None = None,
) -> StageRun:
    """Run a stage's work on the cluster's workers, then what is left here."""
    from distributed import as_completed

    run = StageRun(stage.name, stage.version)
    stage.start(store.stages.begin(stage.name, stage.version))
    began = time.perf_counter()
    status = "failed"
    futures: list[Any] = []
    try:
        ids = store.videos.current_ids()
        # What a stage learns as it goes (the enrich stage's linker: spellings heard) is
        # handed to every task as it was at the start: a task's result depends on its
        # transcripts only, whichever worker runs it, however often.
        snapshot = getattr(stage, "snapshot", None)
        shared = client.scatter(snapshot(), broadcast=True) if snapshot else None
        for after, until in ranges(ids, task_size(len(ids))):
            futures.append(
                client.submit(
                    run_range,
                    location,
                    stage.name,
                    stage.version,
                    after,
                    until,
                    shared,
                    key=f"newsreel-{stage.name}-{stage.version}-{after}-{until}-{time.time_ns()}",
                    retries=RETRIES,
                    pure=False,
                )
            )
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            items, words = future.result()
            run.items += items
            run.words += words
            if progress is not None and items:
                progress(items, run.words)
        work_through(stage, run, progress)  # anything the tasks did not cover, here
        status = "done"
    except KeyboardInterrupt:
        run.interrupted = True
        status = "interrupted"
        client.cancel(futures)
        raise
    finally:
        run.seconds = round(time.perf_counter() - began, 3)
        store.stages.finish(stage.name, status, run.items)
    return run


def ingest_on_cluster(
    client: Any,
    location: str,
    run_id: int,
    todo: Sequence[InputFile],
    mapping: Mapping[str, str],
    max_size: int,
    progress: Callable[[int, IngestSummary], None] | None = None,
) -> IngestSummary:
    """Parse and archive ``todo`` on the cluster's workers; return the counts."""
    from distributed import as_completed

    summary = IngestSummary()
    size = max(1, min(TASK_FILES, len(todo) // MIN_TASKS))
    futures = [
        client.submit(
            ingest_files,
            location,
            run_id,
            list(todo[start : start + size]),
            dict(mapping),
            max_size,
            key=f"newsreel-ingest-{run_id}-{start}-{time.time_ns()}",
            retries=RETRIES,
            pure=False,
        )
        for start in range(0, len(todo), size)
    ]
    done = 0
    try:
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            part = future.result()
            merge(summary, part)
            done += part.files
            if progress is not None:
                progress(done, summary)
    except KeyboardInterrupt:
        client.cancel(futures)
        summary.interrupted = True
    return summary
