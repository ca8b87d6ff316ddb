"""Run an ingest: parse files here, archive and index them in a writer process.

Parsing and archiving are Python and SQLite, and take turns on the GIL in one process.
So a writer process (started fresh, never forked: the full-text index runs native
threads) owns the archive connection, commits batches as they come and hands what they
made current to the full-text index, whose own threads index it meanwhile; the index
commits every ``INDEX_EVERY`` transcripts and at the end. This process parses the next
files. Extra parser processes help on more cores.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from newsreel.errors import StoreError
from newsreel.ingest.files import InputFile, find_inputs, forget_listings, is_table, read_input
from newsreel.ingest.formats.table import check_mapping
from newsreel.ingest.formats.ytdlp import INFO_SUFFIX, split_caption_name
from newsreel.ingest.outlets import OutletAliases, prepare
from newsreel.ingest.reading import DEFAULT_MAX_FILE_SIZE
from newsreel.ingest.ytdlp_files import CAPTION_SUFFIXES
from newsreel.models import IngestSummary
from newsreel.search.indexes import Indexes
from newsreel.store.base import FileResult, SourceState, Store

Progress = Callable[[int, IngestSummary], None]
# Parses and archives files elsewhere (a cluster's workers): (run id, files, largest file
# size to read) -> counts.
Dispatch = Callable[[int, Sequence[InputFile], int], IngestSummary]
BATCH_RECORDS = 500
INDEX_EVERY = 20_000
_PARALLEL_MIN_FILES = 16
_QUEUE_BATCHES = 4
_POLL_SECONDS = 0.5


def _ignore_ctrl_c() -> None:
    # Ctrl-C goes to the ingesting process, which stops parsing and lets the writer
    # finish what it was sent. A child starts with it held (``_ctrl_c_held``): one
    # pressed while it started is dropped here, never raised in its start-up.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C while child processes start, so that they start with it held and
    ignore it once they run (a Ctrl-C in their first second had killed the writer with
    a traceback, or a parser and so left the run hanging); this process gets it as the
    hold ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _merge(into: IngestSummary, part: IngestSummary) -> None:
    for name in ("ingested", "unchanged", "new_versions", "quarantined", "skipped_files", "files"):
        setattr(into, name, getattr(into, name) + getattr(part, name))
    into.quarantine.extend(part.quarantine)
    into.skipped.extend(part.skipped)
    into.warnings.extend(part.warnings)


def _parsed(
    todo: Sequence[InputFile],
    mapping: Mapping[str, str],
    jobs: int,
    context: BaseContext,
    max_size: int,
) -> Iterator[FileResult]:
    work = partial(read_input, mapping=dict(mapping), max_size=max_size)
    if jobs < 1:
        yield from map(work, todo)
        return
    with _ctrl_c_held():
        pool = context.Pool(jobs, initializer=_ignore_ctrl_c)
    with pool:
        yield from pool.imap(work, todo, chunksize=16)


class _Sink:
    """Writes batches, one transaction each, and hands what they made current to the
    full-text index, whose own threads index it meanwhile; the index commits every
    ``INDEX_EVERY`` transcripts and at the end (``close``)."""

    def __init__(self, indexes: Indexes, run_id: int) -> None:
        self.indexes = indexes
        self.store = indexes.store
        self.run_id = run_id
        self.summary = IngestSummary()
        self._unflushed = 0
        self.outlets = OutletAliases(user=self.store.metadata.outlet_aliases())

    def write(self, batch: list[FileResult]) -> IngestSummary:
        prepare(batch, self.outlets)  # provenance of each field; one name per outlet
        part, written = self.store.videos.write(batch, self.run_id)
        _merge(self.summary, part)
        self._unflushed += self.indexes.stage(written)
        if self._unflushed >= INDEX_EVERY:
            self.indexes.flush()
            self._unflushed = 0
        return part

    def close(self) -> None:
        self.indexes.flush()
        self.indexes.index_pending()  # what else was queued (a retitled transcript)


def _die_with_parent() -> None:
    """Ask Linux to kill this process when the ingesting process dies (SIGKILL included),
    so a writer is never left holding the index lock alone."""
    if sys.platform != "linux":
        return
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


def _writer_main(store: Store, run_id: int, inbox: Any, outbox: Any, parent: int) -> None:
    """The writer process: write and index every batch sent, report counts."""
    _ignore_ctrl_c()
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the request above
        return
    try:
        sink = _Sink(Indexes(store.reopen()), run_id)
        while (batch := inbox.get()) is not None:
            outbox.put(("part", sink.write(batch)))
        sink.close()
        sink.indexes.close()
        sink.store.close()
        outbox.put(("done", None))
    except BaseException as exc:
        outbox.put(("error", exc))


@contextmanager
def _no_main_script() -> Iterator[None]:
    """Start a spawned process without it running the caller's script again. Spawn
    imports ``__main__`` from its file in the child, so a script that opens an archive
    and ingests with no ``if __name__ == "__main__":`` guard would do it again there
    (and find the archive locked by itself); the writer needs nothing of the script, so
    its file is hidden while the process starts."""
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved: dict[str, Any] = {
        k: main.__dict__[k] for k in ("__file__", "__spec__") if k in main.__dict__
    }
    main.__dict__.pop("__file__", None)
    main.__dict__["__spec__"] = None
    try:
        yield
    finally:
        main.__dict__.pop("__spec__", None)
        main.__dict__.update(saved)


class _WriterProcess:
    """The ingesting side of the writer process."""

    def __init__(self, store: Store, run_id: int, context: BaseContext) -> None:
        self.inbox = context.Queue(_QUEUE_BATCHES)
        self.outbox = context.Queue()
        self.summary = IngestSummary()
        self.error: BaseException | None = None
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_writer_main,
            args=(store, run_id, self.inbox, self.outbox, os.getpid()),
            daemon=True,
        )
        with _no_main_script(), _ctrl_c_held():
            self.process.start()

    def _drain(self, block: bool = False) -> bool:
        """Collect reports; return True once the writer has finished, failed or died.

        ``block`` waits for the next report, checking every ``_POLL_SECONDS`` that
        the writer still lives: one killed outright reports nothing.
        """
        while True:
            alive = self.process.is_alive()  # before reading: a last report is still read
            try:
                kind, payload = self.outbox.get(block, _POLL_SECONDS)
            except queue.Empty:
                if alive:
                    if block:
                        continue
                    return False
                self.error = self.error or StoreError(
                    f"the writer process ended unexpectedly (exit status "
                    f"{self.process.exitcode}); what it committed is kept: run the same "
                    "command to finish"
                )
                kind = "error"
            if kind == "part":
                _merge(self.summary, payload)
                continue
            if kind == "error":
                self.error = self.error or payload
                # Batches nobody will read must not keep this process from exiting.
                self.inbox.cancel_join_thread()
            return True

    def _put(self, item: list[FileResult] | None) -> None:
        """Hand the writer a batch (None: the end), or raise why it stopped."""
        while True:
            if self._drain():
                if self.error is not None:
                    raise self.error
                return  # it finished: nothing more to hand it
            try:
                self.inbox.put(item, timeout=_POLL_SECONDS)
                return
            except queue.Full:
                continue  # the writer is busy, or stopped: the drain above tells

    def send(self, batch: list[FileResult]) -> None:
        self._put(batch)

    def close(self) -> None:
        try:
            self._put(None)
            while not self._drain(block=True):
                pass
            self.process.join()
        except BaseException:  # Ctrl-C while waiting: stop, and do not wait at exit
            self.abandon()
            raise
        if self.error is not None:
            raise self.error

    def abandon(self) -> None:
        """Stop the writer without waiting for it: what it committed is kept. Batches it
        will not read must not hold this process at its exit (a Ctrl-C as the writer
        started had left `ingest` hanging after it said "Interrupted")."""
        self.inbox.cancel_join_thread()
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(_POLL_SECONDS)


class _WriterInline:
    """Writing in this process: for small runs and ``jobs=0``."""

    def __init__(self, indexes: Indexes, run_id: int) -> None:
        self.sink = _Sink(indexes, run_id)
        self.summary = self.sink.summary

    def send(self, batch: list[FileResult]) -> None:
        self.sink.write(batch)

    def close(self) -> None:
        self.sink.close()


def _unchanged(
    store: Store, inputs: list[InputFile], mapped: bool = False
) -> tuple[IngestSummary, list[InputFile]]:
    """The counts of files read completely before (same size and mtime), and the rest.
    With a ``--map`` (``mapped``), tables are read again: the mapping may differ from the
    last run's, and what it reads differently becomes a new version (the same is
    ``unchanged``)."""
    skipped = IngestSummary()
    todo: list[InputFile] = []
    known = store.videos.source_states([str(item.path) for item in inputs])
    for item in inputs:
        state = known.get(str(item.path))
        if mapped and is_table(item.path):
            todo.append(item)
            continue
        try:
            stat = os.stat(item.path)
        except OSError:  # a link to nothing, a loop, a file just removed: reading says so
            todo.append(item)
            continue
        if state and state.size == stat.st_size and state.mtime_ns == stat.st_mtime_ns:
            skipped.files += 1
            skipped.unchanged += state.records
        else:
            todo.append(item)
    return _with_captions_of(inputs, skipped, todo, known)


def _forget_gone(store: Store, paths: Sequence[Path]) -> list[str]:
    """Forget the quarantine entries of files under the folders read that are no longer
    there (deleted or moved since: a rerun cannot retry them); their bytes stay kept."""
    folders = [os.path.realpath(p) + os.sep for p in paths if os.path.isdir(p)]
    gone = sorted(
        {
            q.path
            for q in store.videos.quarantined()
            if q.path.startswith(tuple(folders)) and not os.path.lexists(q.path)
        }
    )
    if not gone or not store.videos.forget_quarantined(gone):
        return []
    where = ", ".join(sorted({os.path.dirname(g) for g in gone})[:3])
    return [
        f"forgot {len(gone)} quarantine entr{'y' if len(gone) == 1 else 'ies'} of "
        f"files no longer there ({where}); their bytes stay in the archive"
    ]


def _with_captions_of(
    inputs: list[InputFile],
    skipped: IngestSummary,
    todo: list[InputFile],
    known: Mapping[str, SourceState],
) -> tuple[IngestSummary, list[InputFile]]:
    """``todo`` plus the unchanged caption files whose yt-dlp info JSON is read again
    (new, changed, or fixed after it was quarantined): the captions take its metadata
    where the archive lacks it, as on their first read."""
    again = {str(item.path) for item in todo if item.path.name.endswith(INFO_SUFFIX)}
    if not again:
        return skipped, todo
    reread = set(map(str, (i.path for i in todo)))
    for item in inputs:
        path = str(item.path)
        if path in reread or os.path.splitext(path)[1].lower() not in CAPTION_SUFFIXES:
            continue
        prefix = split_caption_name(item.path.name)[0]
        if str(item.path.parent / (prefix + INFO_SUFFIX)) in again:
            todo.append(item)
            reread.add(path)
            state = known.get(path)
            skipped.files -= 1
            skipped.unchanged -= state.records if state else 0
    return skipped, todo


def ingest_paths(
    indexes: Indexes,
    paths: Sequence[Path],
    *,
    mapping: Mapping[str, str] | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    on_start: Callable[[int], None] | None = None,
    on_index: Callable[[int], None] | None = None,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    dispatch: Dispatch | None = None,
) -> IngestSummary:
    """Ingest files and folders into the archive of ``indexes``; resumable, batched,
    never crashes on input. ``dispatch`` parses and archives the files to read
    elsewhere (``pipeline.distributed``); this process then indexes what is queued.

    Only regular files are opened: named pipes, devices, sockets, dangling links and
    link loops are quarantined with their reason, and so are files over
    ``max_file_size`` bytes, unread.

    Files already ingested completely with the same size and mtime are not read again.
    New transcripts are indexed for words in bulk as the run goes and at its end (the
    embed stage makes their passage vectors). ``jobs``:
    ``0`` does everything in this process; ``N`` adds N parser processes to the writer
    process (default: one per CPU beyond two).
    """
    store = indexes.store
    check_mapping(mapping or {})
    forget_listings()
    inputs = list(find_inputs(list(paths)))
    if on_start:
        on_start(len(inputs))
    run_id = store.videos.begin_run([str(p) for p in paths])
    indexes.index_pending()  # finish what an interrupted run left unindexed
    indexes.close()  # and let go of the index writer: the writer process takes it
    skipped, todo = _unchanged(store, inputs, mapped=bool(mapping))
    skipped.warnings += _forget_gone(store, paths)
    if progress:
        progress(skipped.files, skipped)
    if dispatch is not None:
        return _dispatched(indexes, run_id, skipped, todo, dispatch, max_file_size)
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    parallel = jobs != 0 and len(todo) >= _PARALLEL_MIN_FILES
    parsers = max(0, (os.cpu_count() or 1) - 2) if jobs is None else jobs
    writer: _WriterProcess | _WriterInline = (
        # The writer opens the full-text index, whose native threads must not be forked
        # from a process that already runs some (a forked child can deadlock on a lock
        # held by a thread it does not have): it starts fresh. Parsers are pure Python.
        _WriterProcess(store, run_id, multiprocessing.get_context("spawn"))
        if parallel
        else _WriterInline(indexes, run_id)
    )
    batch: list[FileResult] = []
    pending = 0
    status = "done"
    try:
        try:
            for done, result in enumerate(
                _parsed(todo, mapping or {}, parsers if parallel else 0, context, max_file_size),
                start=1,
            ):
                batch.append(result)
                pending += len(result.records) + len(result.failures)
                if pending >= BATCH_RECORDS:
                    writer.send(batch)
                    batch, pending = [], 0
                if progress:
                    progress(skipped.files + done, writer.summary)
        except KeyboardInterrupt:
            status = "interrupted"
        with ctrl_c_ignored():
            if batch:
                writer.send(batch)
            if on_index:
                on_index(writer.summary.ingested + writer.summary.new_versions)
    finally:
        with ctrl_c_ignored():
            writer.close()  # waits for what was sent; raises the writer's error, if any
    with ctrl_c_ignored():
        summary = IngestSummary()
        _merge(summary, skipped)
        _merge(summary, writer.summary)
        summary.interrupted = status == "interrupted"
        indexes.refresh_vocabulary()  # what was committed is found by sound-alikes too
        store.videos.finish_run(run_id, summary, status)
    return summary


@contextmanager
def ctrl_c_ignored() -> Iterator[None]:
    """Ctrl-C ignored in this process meanwhile (main thread only): while a run saves
    what it did (the last batch, the search vocabulary, the run's record: once pressed,
    the run is finishing already; a second press had left no summary and the run
    recorded as running), and while worker processes start, which inherit "ignored"
    (``pipeline.distributed``)."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


def _dispatched(
    indexes: Indexes,
    run_id: int,
    skipped: IngestSummary,
    todo: Sequence[InputFile],
    dispatch: Dispatch,
    max_size: int,
) -> IngestSummary:
    """An ingest whose files are read and archived by ``dispatch``; indexed here."""
    store = indexes.store
    summary = IngestSummary()
    _merge(summary, skipped)
    status = "done"
    try:
        part = dispatch(run_id, todo, max_size)
        _merge(summary, part)
        if part.interrupted:
            status = "interrupted"
    except BaseException:  # Ctrl-C while the cluster starts, a lost worker: not done
        status = "interrupted"
        raise
    finally:
        with ctrl_c_ignored():
            indexes.index_pending()  # what the workers archived and left queued
            summary.interrupted = status == "interrupted"
            indexes.refresh_vocabulary()
            store.videos.finish_run(run_id, summary, status)
    return summary
