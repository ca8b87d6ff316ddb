"""The enrich stage: entities, claims and quotes per current transcript, incremental.

Runs on the repaired text where ``newsreel repair`` has run (the raw words otherwise),
links mentions to canonical entities across the archive (entities/linking.py), and
stores mentions, claims and quotes; a transcript is redone when the stage version
changes. User merges and splits (table entity_aliases) are applied on every run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from newsreel.entities import claims as claim_rules
from newsreel.entities import gazetteer, ner
from newsreel.entities.linking import Linker, key
from newsreel.repair.document import ends_sentence
from newsreel.store.base import Store

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
    user = {spelling: (name, kind) for spelling, kind, name in store.user_aliases()}
    known = {(key(surface), kind): name for surface, kind, name in store.known_spellings(VERSION)}
    return Linker(user, known)


def run_enrich(store: Store, progress: Callable[[int, int], None] | None = None) -> EnrichSummary:
    """Enrich what is new or was enriched by an older version."""
    linker = linker_for(store)
    began = time.perf_counter()
    videos = words = n_mentions = n_claims = n_quotes = 0
    after = 0
    while batch := store.unenriched(VERSION, after, BATCH):
        token_lists = [text.split() for _, text in batch]
        found = ner.mentions(token_lists)
        for (tid, _), tokens, tagged in zip(batch, token_lists, found, strict=True):
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
                    (
                        speaker_of[i]
                        for i in range(q.speaker_start, q.speaker_end)
                        if i in speaker_of
                    ),
                    None,
                )
                quote_rows.append((q.start, q.end, q.speaker, entity, q.text, q.kind))
            store.save_enrichment(
                tid,
                VERSION,
                rows,
                [
                    (c.start, c.end, c.value, c.text, c.subject, c.attribution, c.sentence)
                    for c in claims
                ],
                quote_rows,
            )
            videos += 1
            words += len(tokens)
            n_mentions += len(rows)
            n_claims += len(claims)
            n_quotes += len(quote_rows)
        after = batch[-1][0]
        if progress:
            progress(len(batch), words)
    return EnrichSummary(videos, words, n_mentions, n_claims, n_quotes, time.perf_counter() - began)
