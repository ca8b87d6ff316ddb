"""Trends: how often terms, phrases or entities occur per outlet per period.

Each row counts ``hits`` (occurrences: words or phrases as the index tokenises them, or
entity mentions), ``videos`` (videos with at least one hit), and the outlet's totals for
that period (``total_words``, ``total_videos``), so it can be normalised per 10,000
words or as a share of videos. Periods with no hits are kept (zeros matter on a chart).

Cheap to repeat: a transcript's text never changes (a new version is a new
transcript), so per-transcript hit counts are cached for good and a later query only
counts transcripts added since; the per-period totals are cached until the archive
changes. The index (tantivy) picks the matching transcripts, so only those are read.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsreel.analytics.counting import folded, leaves, occurrences
from newsreel.analytics.periods import PERIODS, period_of, period_range
from newsreel.errors import ConfigError
from newsreel.models import Filters
from newsreel.search.engine import variants_for, widest
from newsreel.search.query import parse_query
from newsreel.search.soundalike import tokens
from newsreel.store.base import Store

MAX_TERMS = 5
ALL = "all outlets"
UNKNOWN = "(unknown)"
MEASURES = ("hits", "per_10k_words", "pct_videos")
Pattern = tuple[tuple[str, ...], bool]


@dataclass(frozen=True, slots=True)
class TrendRow:
    """One term in one outlet in one period."""

    term: str
    channel: str
    period: str
    hits: int
    videos: int
    total_words: int
    total_videos: int

    @property
    def per_10k_words(self) -> float:
        """Hits per 10,000 words the outlet published in the period."""
        return round(self.hits * 10_000 / self.total_words, 3) if self.total_words else 0.0

    @property
    def pct_videos(self) -> float:
        """Share of the outlet's videos in the period with at least one hit, in %."""
        return round(self.videos * 100 / self.total_videos, 2) if self.total_videos else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data with both normalisations."""
        return {
            "term": self.term,
            "channel": self.channel,
            "period": self.period,
            "hits": self.hits,
            "videos": self.videos,
            "total_words": self.total_words,
            "total_videos": self.total_videos,
            "per_10k_words": self.per_10k_words,
            "pct_videos": self.pct_videos,
        }


@dataclass(frozen=True, slots=True)
class _Meta:
    channel: str
    language: str | None
    day: date | None
    words: int


def split_terms(text: str) -> list[str]:
    """Terms from one comma-separated string ("Gaza, Rafah, entity:Hamas")."""
    return [t.strip() for t in text.split(",") if t.strip()]


class Trends:
    """Trend queries over one archive, with caches that survive between queries."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._generation: tuple[int, int] | None = None
        self._meta: dict[int, _Meta] = {}
        self._hits: dict[tuple[Pattern, ...], dict[int, int]] = {}
        self._scanned: dict[tuple[Pattern, ...], set[int]] = {}

    def query(
        self,
        terms: Sequence[str],
        *,
        per: str = "month",
        by_channel: bool = True,
        heard: bool = False,
        filters: Filters | None = None,
    ) -> list[TrendRow]:
        """Rows for each term, outlet (or all outlets) and period, oldest first."""
        terms = [t.strip() for t in terms if t.strip()]
        if not terms:
            raise ConfigError("name at least one term, e.g. Gaza or entity:Hamas")
        if len(terms) > MAX_TERMS:
            raise ConfigError(f"compare at most {MAX_TERMS} terms at a time, not {len(terms)}")
        if per not in PERIODS:
            raise ConfigError(f"per must be one of {', '.join(PERIODS)}, not {per!r}")
        chosen = filters or Filters()
        with self._lock:
            meta = self._current_meta()
            keep = {tid: m for tid, m in meta.items() if m.day and _passes(m, chosen)}
            totals = _totals(keep, per, by_channel)
            periods = _periods(keep, per)
            rows: list[TrendRow] = []
            for term in terms:
                hits = self._term_hits(term, heard)
                rows += _rows(term, hits, keep, totals, periods, per, by_channel)
        return rows

    # -- caches -----------------------------------------------------------------

    def _current_meta(self) -> dict[int, _Meta]:
        generation = self.store.generation()
        if generation != self._generation:
            self._meta = {
                tid: _Meta(
                    channel or UNKNOWN,
                    language,
                    date.fromisoformat(day) if day else None,
                    words,
                )
                for tid, channel, language, day, words in self.store.trend_meta()
            }
            self._generation = generation
        return self._meta

    def _term_hits(self, term: str, heard: bool) -> dict[int, int]:
        if term.lower().startswith("entity:"):
            name = term.split(":", 1)[1].strip().strip('"')
            if not name:
                raise ConfigError(f"{term!r} names no entity; write entity:NAME")
            entity_id = self.store.find_entity(name)[0]
            return self.store.entity_hits(entity_id)
        node = parse_query(term).node
        if heard:
            node = widest(node, variants_for(self.store, node, exact=False))
        patterns = tuple(sorted({folded(leaf) for leaf in leaves(node)}))
        if not any(p[0] for p in patterns):
            raise ConfigError(f"{term!r} has no words to count")
        counted = self._hits.setdefault(patterns, {})
        scanned = self._scanned.setdefault(patterns, set())
        todo = [t for t in self.store.matching_ids(node, Filters()) if t not in scanned]
        for tid, text in self.store.transcript_texts(todo).items():
            found = occurrences(tokens(text), patterns)
            if found:
                counted[tid] = found
        scanned.update(todo)
        return counted


def _passes(meta: _Meta, filters: Filters) -> bool:
    if filters.channel and meta.channel.lower() != filters.channel.lower():
        return False
    if filters.language and (meta.language or "").lower() != filters.language.lower():
        return False
    assert meta.day is not None
    if filters.since and meta.day < filters.since:
        return False
    return not (filters.until and meta.day > filters.until)


def _periods(meta: dict[int, _Meta], per: str) -> list[str]:
    days = [m.day for m in meta.values() if m.day]
    return period_range(min(days), max(days), per) if days else []


def _totals(
    meta: dict[int, _Meta], per: str, by_channel: bool
) -> dict[tuple[str, str], tuple[int, int]]:
    words: dict[tuple[str, str], int] = defaultdict(int)
    videos: dict[tuple[str, str], int] = defaultdict(int)
    for m in meta.values():
        assert m.day is not None
        slot = (m.channel if by_channel else ALL, period_of(m.day, per))
        words[slot] += m.words
        videos[slot] += 1
    return {slot: (words[slot], videos[slot]) for slot in words}


def _rows(
    term: str,
    hits: dict[int, int],
    meta: dict[int, _Meta],
    totals: dict[tuple[str, str], tuple[int, int]],
    periods: list[str],
    per: str,
    by_channel: bool,
) -> list[TrendRow]:
    found: dict[tuple[str, str], int] = defaultdict(int)
    videos: dict[tuple[str, str], int] = defaultdict(int)
    for tid, count in hits.items():
        m = meta.get(tid)
        if m is None or m.day is None:
            continue
        slot = (m.channel if by_channel else ALL, period_of(m.day, per))
        found[slot] += count
        videos[slot] += 1
    channels = sorted({c for c, _ in totals})
    out = []
    for channel in channels:
        for period in periods:
            total_words, total_videos = totals.get((channel, period), (0, 0))
            out.append(
                TrendRow(
                    term,
                    channel,
                    period,
                    found.get((channel, period), 0),
                    videos.get((channel, period), 0),
                    total_words,
                    total_videos,
                )
            )
    return out
