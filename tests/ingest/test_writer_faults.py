"""The writer process failing or dying never leaves the ingest waiting forever."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time

import pytest

from newsreel.errors import StoreError
from newsreel.ingest.runner import _WriterProcess


class FailingStore:
    """A store whose writer fails a moment after it starts, once the queue is full."""

    def reopen(self) -> FailingStore:
        time.sleep(1.0)
        raise StoreError("the disk is full")


class DyingStore:
    """A store whose writer process is killed (as by the OOM killer) and reports nothing."""

    def reopen(self) -> DyingStore:
        time.sleep(1.0)
        os._exit(137)


def _run_within(seconds: float, work: object) -> BaseException | None:
    """Run ``work()`` in a thread; fail the test if it has not ended in ``seconds``."""
    raised: list[BaseException] = []

    def target() -> None:
        try:
            work()  # type: ignore[operator]
        except BaseException as exc:
            raised.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"the ingest still waits for its writer after {seconds} s"
    return raised[0] if raised else None


@pytest.mark.parametrize(
    ("store", "reason"),
    [(FailingStore(), "the disk is full"), (DyingStore(), "writer process ended")],
)
def test_a_writer_that_stops_while_the_queue_is_full_does_not_hang_the_ingest(
    store: object, reason: str
) -> None:
    # Was: a writer error (NOT NULL constraint failed: segments.start) among 3,000 files
    # deadlocked the ingest, blocked on handing a full queue one more batch.
    writer = _WriterProcess(store, 1, multiprocessing.get_context("spawn"))  # type: ignore[arg-type]

    def ingest() -> None:
        for _ in range(20):  # four batches fill the queue; the fifth waits for room
            writer.send([])
        writer.close()

    error = _run_within(30, ingest)
    assert isinstance(error, StoreError) and reason in str(error)


class SleepyStore:
    """A store whose writer never gets to read its batches (it is still starting)."""

    def reopen(self) -> SleepyStore:
        time.sleep(120)
        return self


def test_a_writer_given_up_on_lets_the_ingest_exit() -> None:
    """Regression (review): Ctrl-C in an ingest's first second, as its writer started,
    printed "Interrupted" and then hung for good at exit: the batches sent waited to be
    read by a writer that never would (``_WriterProcess.abandon``)."""
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import multiprocessing\n"
        "from tests.ingest.test_writer_faults import SleepyStore\n"
        "from newsreel.ingest.runner import _WriterProcess\n"
        "w = _WriterProcess(SleepyStore(), 1, multiprocessing.get_context('spawn'))\n"
        "for _ in range(3):\n"
        "    w.inbox.put([b'x' * 200_000])  # more than the pipe holds\n"
        "w.abandon()\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], cwd=root, timeout=60, check=False)
    assert done.returncode == 0
