"""The repair stage over an archive: versioned, incremental, resumable.

A transcript is repaired when it is current and has no repair made by this model
and rule version; each batch is committed on its own, so an interrupted run keeps
what it finished and a rerun does the rest. Repaired text replaces the raw words in
the full-text index (same tokens, now punctuated and cased) for readable snippets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsreel.repair.document import Repaired
from newsreel.repair.punctuator import Punctuator, load
from newsreel.repair.repairer import repair_texts
from newsreel.store.base import Store

# 4: auto-caption capitals weighed, not kept; learnt speaker turns; 5: "Mr." ends no sentence;
# 6: a name standing as a sentence joins the one before; a text's open end asks as worded;
# "U.S." ends a sentence only where the model ends one
# 9: a speaker's name is no owner, possessive, contraction, pronoun, day or month
# ("BBC's Nick Beake": Nick Beake; never "Sunday'S Let'S")
# 16: a turn that a stammer or filler opens starts there, and acronyms kept never make a
# text read as written in capitals, so a second repair changes nothing
RULES = "rules-17"
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
    return store.repairs.repair_counts(stage_version(punctuator or load()))


class RepairStage:
    """The repair stage: raw transcripts → ``Repaired`` (see ``pipeline.stage.Stage``)."""

    name = "repair"

    def __init__(self, store: Store, punctuator: Punctuator | None = None) -> None:
        self.store = store
        self.model = punctuator or load()
        self.version = stage_version(self.model)
        self.already = 0
        self._after = 0

    def start(self, previous: str | None) -> None:
        """Count what is already up to date (a new version redoes everything)."""
        self.already = self.store.repairs.repair_counts(self.version)[0]
        self._after = 0

    def batch_after(self, after: int) -> list[tuple[int, str, str | None]]:
        """Up to a batch of current transcripts after id ``after`` without a repair of
        this version (what a worker of a cluster asks for its share)."""
        return self.store.repairs.unrepaired(self.version, after, BATCH)

    def pending(self) -> list[tuple[int, str, str | None]]:
        """The next current transcripts without a repair of this version."""
        batch = self.batch_after(self._after)
        if batch:
            self._after = batch[-1][0]
        return batch

    def process(self, items: Sequence[tuple[int, str, str | None]]) -> list[Repaired]:
        """Repair a batch of texts with the punctuation model and the rules."""
        return repair_texts(
            [text for _, text, _ in items], self.model, languages=[lang for *_, lang in items]
        )

    def save(
        self, items: Sequence[tuple[int, str, str | None]], results: Sequence[Repaired]
    ) -> int:
        """Store the repairs (queued for re-indexing); return the words repaired."""
        self.store.repairs.save_repairs(
            [
                (
                    tid,
                    self.version,
                    rep.aligned_text(),
                    rep.to_dict(),
                    len(rep.sentences),
                    len(rep.turns),
                )
                for (tid, *_), rep in zip(items, results, strict=True)
            ]
        )
        return sum(len(rep.raw) for rep in results)
