"""The repair stage over an archive: versioned, incremental, resumable.

A transcript is repaired when it is current and has no repair made by this model
and rule version; each batch is committed on its own, so an interrupted run keeps
what it finished and a rerun does the rest. Repaired text replaces the raw words in
the full-text index (same tokens, now punctuated and cased) for readable snippets.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from newsreel.repair.punctuator import Punctuator, load
from newsreel.repair.repairer import repair_texts
from newsreel.store.base import Store

RULES = "rules-2"
BATCH = 64


@dataclass(frozen=True, slots=True)
class RepairSummary:
    """What one ``newsreel repair`` run did."""

    repaired: int
    words: int
    seconds: float
    already: int
    model: str


def stage_version(punctuator: Punctuator) -> str:
    """The version a stored repair must carry to count as up to date."""
    return f"{punctuator.version}+{RULES}"


def pending(store: Store, punctuator: Punctuator | None = None) -> tuple[int, int]:
    """(transcripts up to date, current transcripts)."""
    return store.repair_counts(stage_version(punctuator or load()))


def run_repair(
    store: Store,
    progress: Callable[[int, int], None] | None = None,
    punctuator: Punctuator | None = None,
) -> RepairSummary:
    """Repair what is new or was repaired by an older version; re-index it."""
    model = punctuator or load()
    version = stage_version(model)
    already, _ = store.repair_counts(version)
    began = time.perf_counter()
    done = words = 0
    after = 0
    while batch := store.unrepaired(version, after, BATCH):
        repaired = repair_texts([text for _, text, _ in batch], model)
        rows = []
        for (tid, _text, _times), rep in zip(batch, repaired, strict=True):
            data = rep.to_dict()
            rows.append(
                (tid, version, rep.aligned_text(), data, len(rep.sentences), len(rep.turns))
            )
            words += len(rep.raw)
        store.save_repairs(rows)
        done += len(batch)
        after = batch[-1][0]
        if progress:
            progress(len(batch), words)
    if done:
        store.index_pending()
    return RepairSummary(done, words, time.perf_counter() - began, already, version)
