"""A time budget for one query: a deadline that the query's own loops check.

Python threads cannot be stopped from outside, so a query that must not run past its
budget stops itself: ``time_budget(seconds)`` sets a deadline for the code it wraps (in a
context variable, so each request thread has its own) and the search engine, the
sound-alike expansion and the trend counting call ``check_time()`` between steps, which
raises ``TimeBudgetError`` once the deadline has passed. A step already running (one
call into the full-text index) finishes first. Without a deadline a check costs one
context-variable read.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from newsreel.errors import TimeBudgetError

DEFAULT_TIME_BUDGET = 10.0  # seconds; `newsreel serve --time-budget`


@dataclass(frozen=True, slots=True)
class Deadline:
    """When the work must be done (``time.monotonic()``), and the budget it came from."""

    seconds: float
    at: float

    def passed(self) -> bool:
        """Whether the deadline has passed."""
        return time.monotonic() >= self.at


_current: ContextVar[Deadline | None] = ContextVar("newsreel_deadline", default=None)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[Deadline | None]:
    """Run the enclosed code under a deadline ``seconds`` from now (None: no limit).

    Nested budgets keep the earlier deadline."""
    outer = _current.get()
    if seconds is None:
        yield outer
        return
    deadline = Deadline(seconds, time.monotonic() + seconds)
    if outer is not None and outer.at <= deadline.at:
        deadline = outer
    token = _current.set(deadline)
    try:
        yield deadline
    finally:
        _current.reset(token)


def check_time() -> None:
    """Raise ``TimeBudgetError`` if the current deadline (if any) has passed."""
    deadline = _current.get()
    if deadline is not None and deadline.passed():
        raise TimeBudgetError(deadline.seconds)
