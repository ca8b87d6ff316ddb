"""The ``Stage`` contract and the one loop every stage runs in.

A stage has a name and a version. It reads the items its version has not done yet
(``pending``), works on a batch with no I/O (``process``) and stores the results
(``save``), one batch per transaction, so an interrupted run keeps every finished batch
and a rerun does the rest. The loop records each run in the archive's
``stage_versions`` table and reports progress; Ctrl-C stops between batches.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Protocol, TypeVar

from newsreel.store.base import Store

I = TypeVar("I")  # noqa: E741 - an item a stage works on
R = TypeVar("R")  # what the stage makes of it

Progress = Callable[[int, int], None]  # (items in the batch, words so far)


class Stage(Protocol[I, R]):
    """One versioned, incremental stage of the pipeline (repair, enrich, embed, stories)."""

    name: str
    version: str

    def start(self, previous: str | None) -> None:
        """Get ready for a run; ``previous`` is the version the last run had."""

    def pending(self) -> Sequence[I]:
        """The next batch of items this version has not done yet (empty: finished)."""

    def process(self, items: Sequence[I]) -> Sequence[R]:
        """Work on a batch (no I/O)."""

    def save(self, items: Sequence[I], results: Sequence[R]) -> int:
        """Store a batch's results in one transaction; return the words it covered."""


@dataclass(slots=True)
class StageRun:
    """What one run of a stage did."""

    stage: str
    version: str
    items: int = 0
    words: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def words_per_second(self) -> float:
        """Throughput of the run."""
        return self.words / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {**asdict(self), "words_per_second": round(self.words_per_second)}


def work_through(stage: Stage[Any, Any], run: StageRun, progress: Progress | None) -> None:
    """Process and save every batch the stage has pending, counting into ``run``."""
    while items := stage.pending():
        run.words += stage.save(items, stage.process(items))
        run.items += len(items)
        if progress is not None:
            progress(len(items), run.words)


def run_stage(store: Store, stage: Stage[Any, Any], progress: Progress | None = None) -> StageRun:
    """Run ``stage`` over everything its version has not done; Ctrl-C (KeyboardInterrupt)
    is raised again after the run is recorded as interrupted."""
    run = StageRun(stage.name, stage.version)
    stage.start(store.stages.begin(stage.name, stage.version))
    began = time.perf_counter()
    status = "failed"
    try:
        work_through(stage, run, progress)
        status = "done"
    except KeyboardInterrupt:
        run.interrupted = True
        status = "interrupted"
        raise
    finally:
        run.seconds = round(time.perf_counter() - began, 3)
        store.stages.finish(stage.name, status, run.items)
    return run
