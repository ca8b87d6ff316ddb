"""The enrich stage: entities, claims and quotes per current transcript, incremental.

Runs on the repaired text where ``newsreel repair`` has run (the raw words otherwise),
links mentions to canonical entities across the archive (entities/linking.py), and
stores mentions, claims and quotes; a transcript is redone when the stage version
changes. User merges and splits (table entity_aliases) are applied on every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsreel.entities import claims as claim_rules
from newsreel.entities import gazetteer, ner
from newsreel.entities.linking import Linker, key
from newsreel.repair.document import ends_sentence
from newsreel.store.base import ClaimInput, MentionInput, QuoteInput, Store

VERSION = "entities-7+en_core_web_sm-3.8.0"
BATCH = 16


@dataclass(frozen=True, slots=True)
class EnrichSummary:
    """What one ``newsreel enrich`` run did."""

    videos: int
    words: int
    mentions: int
    claims: int
    quotes: int
    seconds: float


def sentence_starts(forms: list[str]) -> list[int]:
    """Token indices where sentences start (from the repaired punctuation)."""
    starts = [0] if forms else []
    for i in range(1, len(forms)):
        if ends_sentence(forms[i - 1]):
            starts.append(i)
    return starts


def linker_for(store: Store) -> Linker:
    """A linker that knows the user's aliases and every spelling linked so far."""
    user = {spelling: (name, kind) for spelling, kind, name in store.entities.user_aliases()}
    known = {
        (key(surface), kind): name
        for surface, kind, name in store.entities.known_spellings(VERSION)
    }
    return Linker(user, known)


@dataclass(frozen=True, slots=True)
class Enriched:
    """What enrich found in one transcript: mention, claim and quote rows."""

    words: int
    mentions: list[MentionInput]
    claims: list[ClaimInput]
    quotes: list[QuoteInput]


class EnrichStage:
    """The enrich stage: transcripts → mentions, claims, quotes (``pipeline.stage.Stage``)."""

    name = "enrich"
    version = VERSION

    def __init__(self, store: Store) -> None:
        self.store = store
        self.linker: Linker | None = None
        self.counts = {"mentions": 0, "claims": 0, "quotes": 0}
        self._after = 0

    def start(self, previous: str | None) -> None:
        """Load the user's aliases and every spelling linked so far."""
        self.linker = linker_for(self.store)
        self._after = 0

    def pending(self) -> list[tuple[int, str]]:
        """The next current transcripts not enriched by this version."""
        batch = self.store.entities.unenriched(VERSION, self._after, BATCH)
        if batch:
            self._after = batch[-1][0]
        return batch

    def process(self, items: Sequence[tuple[int, str]]) -> list[Enriched]:
        """Find, link and attribute a batch's entities, numbers and quotes."""
        assert self.linker is not None, "start() loads the linker"
        token_lists = [text.split() for _, text in items]
        found = ner.mentions(token_lists)
        return [
            enrich_tokens(tokens, tagged, self.linker)
            for tokens, tagged in zip(token_lists, found, strict=True)
        ]

    def save(self, items: Sequence[tuple[int, str]], results: Sequence[Enriched]) -> int:
        """Replace each transcript's rows; return the words enriched."""
        for (tid, _), found in zip(items, results, strict=True):
            self.store.entities.save_enrichment(
                tid, VERSION, found.mentions, found.claims, found.quotes
            )
            self.counts["mentions"] += len(found.mentions)
            self.counts["claims"] += len(found.claims)
            self.counts["quotes"] += len(found.quotes)
        return sum(found.words for found in results)


def enrich_tokens(tokens: list[str], tagged: Sequence[ner.Mention], linker: Linker) -> Enriched:
    """Mentions (curated and NER, linked), claims and quotes of one token list."""
    curated = gazetteer.find(tokens)
    named = [m for m in tagged if any(c.isalpha() for c in key(m.text))]
    mentions = gazetteer.merge(named, curated)
    linked = linker.link_video([(m.text, m.type) for m in mentions])
    rows = [
        (m.start, m.end, m.text, name, kind, "aliases" if m in curated else "ner")
        for m, (name, kind) in zip(mentions, linked, strict=True)
    ]
    places = {
        i: name
        for m, (name, kind) in zip(mentions, linked, strict=True)
        if kind == "LOC"
        for i in range(m.start, m.end)
    }
    claims, quotes = claim_rules.extract(tokens, sentence_starts(tokens), places)
    speaker_of = {
        i: (name, kind)
        for m, (name, kind) in zip(mentions, linked, strict=True)
        for i in range(m.start, m.end)
    }
    quote_rows = []
    for q in quotes:
        entity = next(
            (speaker_of[i] for i in range(q.speaker_start, q.speaker_end) if i in speaker_of),
            None,
        )
        quote_rows.append((q.start, q.end, q.speaker, entity, q.text, q.kind))
    return Enriched(
        len(tokens),
        rows,
        [(c.start, c.end, c.value, c.text, c.subject, c.attribution, c.sentence) for c in claims],
        quote_rows,
    )
