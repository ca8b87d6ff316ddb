"""The stories stage: place every video not yet in a story, in batches, oldest first.

Versioned like repair and enrich: a change of ``VERSION`` (features, threshold, window)
regroups the archive; otherwise only new transcripts are placed, each batch committed
(Ctrl-C keeps finished batches; a rerun finishes). Document frequencies come from the
full-text index, so a term's weight reflects the whole archive.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from newsreel.store.base import Store
from newsreel.stories.features import (
    ENTITY_PREFIX,
    ENTITY_WEIGHT,
    idf_from,
    terms,
    vector,
    with_entities,
)
from newsreel.stories.grouping import THRESHOLD, WINDOW_DAYS, Grouper, Item, label_terms

VERSION = f"stories-2+t{THRESHOLD}+w{WINDOW_DAYS}+e{ENTITY_WEIGHT}"
BATCH = 1000
REACH = 50_000  # stories read for one batch at most (the most recent first)
RELABEL_UNTIL = 200  # a story is renamed as it grows, until it has this many videos


@dataclass
class StorySummary:
    """What one run did."""

    placed: int = 0
    new_stories: int = 0
    seconds: float = 0.0
    version: str = VERSION

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return asdict(self)


def run_stories(
    store: Store,
    progress: Callable[[int, int], None] | None = None,
    *,
    regroup: bool = False,
) -> StorySummary:
    """Group the videos no story holds yet (all of them when ``regroup`` or when the
    grouping version changed)."""
    summary = StorySummary()
    started = time.perf_counter()
    if regroup or store.state("stories_version") not in (None, VERSION):
        store.clear_stories()
    store.set_state("stories_version", VERSION)
    documents = max(1, store.indexed_documents())
    after: tuple[str, int] | None = None
    grouper = Grouper(next_id=store.next_story_id())
    reach = timedelta(days=WINDOW_DAYS)
    while batch := store.ungrouped(BATCH, after):
        tail = batch[-1]
        after = (tail["publish_date"] or "~", tail["transcript_id"])
        entities = store.transcript_entities([row["transcript_id"] for row in batch])
        counts = [
            with_entities(terms(row["title"], row["lead"]), entities.get(row["transcript_id"], {}))
            for row in batch
        ]
        words = {t for c in counts for t in c if not t.startswith(ENTITY_PREFIX)}
        named = sorted({e for found in entities.values() for e in found})
        frequencies: dict[str, int] = store.term_doc_freqs(words)
        frequencies.update(
            (f"{ENTITY_PREFIX}{e}", n) for e, n in store.entity_doc_freqs(named).items()
        )
        idf = idf_from(documents, frequencies)
        days = [date.fromisoformat(r["publish_date"]) if r["publish_date"] else None for r in batch]
        dated = [d for d in days if d is not None]
        if len(dated) == len(days):
            grouper.forget_before(min(dated))
            near = store.stories_near(
                min(dated) - reach, max(dated) + reach, REACH, grouper.stories
            )
        else:
            near = store.stories_near(None, None, REACH, grouper.stories)
        grouper.hold(near)
        before = set(grouper.stories)
        items = [
            Item(row["transcript_id"], vector(c, idf), day, row["channel"])
            for row, c, day in zip(batch, counts, days, strict=True)
        ]
        placed = grouper.place_batch(items)
        touched = {story for story, _ in placed.values()}
        store.save_stories(
            [grouper.stories[s] for s in sorted(touched)],
            [(key, story, score) for key, (story, score) in placed.items()],
            {row["transcript_id"]: row["channel"] for row in batch},
        )
        store.set_story_labels(
            [
                (sid, label(store, grouper.stories[sid].centroid, sid))
                for sid in sorted(touched)
                if sid not in before or grouper.stories[sid].videos <= RELABEL_UNTIL
            ]
        )
        summary.placed += len(batch)
        summary.new_stories += len(touched - before)
        if progress is not None:
            progress(len(batch), sum(len(r["lead"].split()) for r in batch))
    summary.seconds = round(time.perf_counter() - started, 2)
    return summary


def label(store: Store, centroid: dict[str, float], story_id: int) -> str:
    """A story's name: its most mentioned entities, then its heaviest terms."""
    names = [name for name, _ in store.story_entities(story_id, 3)]
    taken = {w.lower() for name in names for w in name.split()}
    words = [
        t for t in label_terms(centroid, 12) if t not in taken and not t.startswith(ENTITY_PREFIX)
    ]
    return " · ".join([*names[:2], *words[: 4 - min(2, len(names))]])
