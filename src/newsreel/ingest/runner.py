"""Run an ingest: find files, parse them in worker processes, archive in batches."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path

from newsreel.ingest.files import InputFile, find_inputs, forget_listings, read_input
from newsreel.ingest.formats.table import check_mapping
from newsreel.models import IngestSummary
from newsreel.store.base import FileResult, Store

Progress = Callable[[int, IngestSummary], None]
BATCH_RECORDS = 500
_PARALLEL_MIN_FILES = 16


def _quiet_worker() -> None:
    # Ctrl-C goes to the parent, which stops the pool and commits what is done.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _merge(into: IngestSummary, part: IngestSummary) -> None:
    for name in ("ingested", "unchanged", "new_versions", "quarantined", "skipped_files", "files"):
        setattr(into, name, getattr(into, name) + getattr(part, name))
    into.quarantine.extend(part.quarantine)


def _parsed(
    todo: Sequence[InputFile], mapping: Mapping[str, str], jobs: int
) -> Iterator[FileResult]:
    work = partial(read_input, mapping=dict(mapping))
    if jobs < 1 or len(todo) < _PARALLEL_MIN_FILES:
        yield from map(work, todo)
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(jobs, initializer=_quiet_worker) as pool:
        yield from pool.imap(work, todo, chunksize=16)


def ingest_paths(
    store: Store,
    paths: Sequence[Path],
    *,
    mapping: Mapping[str, str] | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    on_start: Callable[[int], None] | None = None,
    on_index: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders into ``store``; resumable, batched, never crashes on input.

    New transcripts become searchable at the end of the run, indexed in bulk.
    Files already ingested completely with the same size and mtime are not read again.
    ``jobs`` parser processes run beside this one, which writes (default: CPUs - 1;
    0 parses in this process).
    """
    check_mapping(mapping or {})
    forget_listings()
    inputs = list(find_inputs(list(paths)))
    if on_start:
        on_start(len(inputs))
    summary = IngestSummary()
    run_id = store.begin_run([str(p) for p in paths])
    store.index_pending()  # finish what an interrupted run left unindexed
    todo: list[InputFile] = []
    done = 0
    for item in inputs:
        state = store.source_state(str(item.path))
        stat = item.path.stat()
        if state and state.size == stat.st_size and state.mtime_ns == stat.st_mtime_ns:
            summary.files += 1
            summary.unchanged += state.records
            done += 1
            if progress:
                progress(done, summary)
        else:
            todo.append(item)
    batch: list[FileResult] = []
    pending = 0
    status = "done"
    try:
        workers = max(1, (os.cpu_count() or 1) - 1) if jobs is None else jobs
        for result in _parsed(todo, mapping or {}, workers):
            batch.append(result)
            pending += len(result.records) + len(result.failures)
            if pending >= BATCH_RECORDS:
                _merge(summary, store.write(batch, run_id))
                batch, pending = [], 0
            done += 1
            if progress:
                progress(done, summary)
    except KeyboardInterrupt:
        status = "interrupted"
        summary.interrupted = True
    if batch:
        _merge(summary, store.write(batch, run_id))
    if on_index:
        on_index(summary.ingested + summary.new_versions)
    store.index_pending()
    store.finish_run(run_id, summary, status)
    return summary
