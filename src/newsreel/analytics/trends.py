"""Trends: how often terms, phrases or entities occur per outlet per period.

Each row counts ``hits`` (occurrences: words or phrases as the index tokenises them,
entity mentions, or a story's videos), ``videos`` (videos with at least one hit),
and the outlet's totals for that period (``total_words``, ``total_videos``), so it
can be normalised per 10,000 words or as a share of videos. A row exists for every
outlet and period in which the outlet published (zero hits included); undated videos
cannot be placed in time and are left out.

Cheap to repeat: the metadata of every current transcript is held as numpy arrays
(rebuilt only when the archive changes), so totals and grouping are vectorised; a
transcript's text never changes (a new version is a new transcript), so per-transcript
hit counts are cached and a later query only reads transcripts it has not counted. The
index (tantivy) picks the matching transcripts, so only those are read.
"""

from __future__ import annotations

import calendar
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any

import numpy as np

from newsreel.analytics.counting import Pattern, folded, leaves, matcher, occurrences
from newsreel.budget import check_time
from newsreel.errors import ConfigError, NotFoundError, QueryError, no_story
from newsreel.models import UNKNOWN_OUTLET, Filters
from newsreel.search.bm25 import invert
from newsreel.search.engine import hidden, mentioning, prepared, variants_for, widest
from newsreel.search.forms import word_forms
from newsreel.search.fulltext import FullText
from newsreel.search.indexes import Indexes
from newsreel.search.occurrences import near_matches
from newsreel.search.query import And, Near, Node, Or, ParsedQuery, Phrase, Term, parse_query
from newsreel.search.soundalike import Heard, best_combinations, phrase_words, query_words
from newsreel.text import fold

PERIODS = ("day", "week", "month")
MAX_TERMS = 5
ALL = "all outlets"
UNKNOWN = "(unknown)"
MEASURES = ("hits", "per_10k_words", "pct_videos")
# Charts leave out (as a gap, said so) an outlet's period with fewer words than this:
# one short video alone must not set a rate (bench: a 604-word video dwarfed the rest).
DEFAULT_MIN_WORDS = 1_000
FLOORED_COLUMNS = "below_min_words"  # the column a floored row adds to TREND_COLUMNS
PHRASE_CHECKS = 40  # respellings of a phrase looked up to list its heard variants
COUNT_CHUNK = 500  # transcripts read and counted between two time-budget checks
_EPOCH = np.datetime64("1970-01-01", "D")


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
        """JSON-ready data with both normalisations (``TREND_COLUMNS``)."""
        return {name: getattr(self, name) for name in TREND_COLUMNS}


# The columns of a trend row, for a table with no rows too: its fields, then both
# normalisations.
TREND_COLUMNS = (*(f.name for f in fields(TrendRow)), "per_10k_words", "pct_videos")


@dataclass
class _Meta:
    """Current transcripts as parallel arrays, sorted by transcript id."""

    tids: np.ndarray[Any, Any]
    channel: np.ndarray[Any, Any]  # index into ``channels``
    channels: list[str]
    code: np.ndarray[Any, Any]  # index into ``codes`` (channel code, lower case)
    codes: list[str]
    language: np.ndarray[Any, Any]  # index into ``languages`` (lower case)
    languages: list[str]
    day: np.ndarray[Any, Any]  # days since 1970-01-01; -1 for no date
    words: np.ndarray[Any, Any]


@dataclass
class _Counted:
    """Hit counts of one term, and which transcripts were read for it."""

    hits: dict[int, int] = field(default_factory=dict)
    scanned: set[int] = field(default_factory=set)
    generation: tuple[int, ...] | None = None  # of the archive when last brought up to date


def split_terms(text: str) -> list[str]:
    """Terms from one comma-separated string ("Gaza, Rafah, entity:Hamas"); a comma
    inside double quotes is part of its term ('entity:"Washington, D.C."')."""
    terms: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == "," and not quoted:
            terms.append("".join(current))
            current = []
        else:
            current.append(char)
    terms.append("".join(current))
    return [t.strip() for t in terms if t.strip()]


def _codes(values: Sequence[str]) -> tuple[np.ndarray[Any, Any], list[str]]:
    names, index = np.unique(np.array(values, dtype=object), return_inverse=True)
    return index.astype(np.int32), [str(n) for n in names]


def _load(rows: list[tuple[int, str | None, str | None, str | None, str | None, int]]) -> _Meta:
    rows.sort(key=lambda r: r[0])
    channel, channels = _codes([r[1] or UNKNOWN for r in rows])
    code, codes = _codes([(r[2] or "").lower() for r in rows])
    language, languages = _codes([(r[3] or "").lower() for r in rows])
    dates = np.array([r[4] or "NaT" for r in rows], dtype="datetime64[D]")
    day = np.where(np.isnat(dates), -1, (dates - _EPOCH).astype(np.int64))
    return _Meta(
        np.array([r[0] for r in rows], dtype=np.int64),
        channel,
        channels,
        code,
        codes,
        language,
        languages,
        day,
        np.array([r[5] for r in rows], dtype=np.int64),
    )


def period_index(day: np.ndarray[Any, Any], per: str) -> np.ndarray[Any, Any]:
    """Days since 1970 → an integer per period (day, Monday of the week, or month)."""
    if per == "day":
        return day
    if per == "week":
        monday: np.ndarray[Any, Any] = day - (day + 3) % 7  # 1970-01-01 was a Thursday
        return monday
    months: np.ndarray[Any, Any] = day.astype("datetime64[D]").astype("datetime64[M]")
    index: np.ndarray[Any, Any] = months.astype(np.int64)
    return index


def period_label(index: int, per: str) -> str:
    """The name of a period: '2024-03-31', the week's Monday '2024-03-25', '2024-03'."""
    if per == "month":
        return str(np.datetime64(index, "M"))
    return str(np.datetime64(index, "D"))


MAX_AXIS = 20_000  # periods on one time axis (55 years of days)


def period_start(label: str, per: str) -> date:
    """The first day of a period named by ``period_label``."""
    return date.fromisoformat(label + "-01" if per == "month" else label)


def period_end(label: str, per: str) -> date:
    """The last day of a period named by ``period_label``."""
    start = period_start(label, per)
    if per == "day":
        return start
    if per == "week":
        return start + timedelta(days=6)
    return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])


def time_axis(labels: Iterable[str], per: str) -> list[str]:
    """Every period from the first to the last of ``labels``, evenly in time: a period
    nobody published in gets its place (so gaps and rates do not mislead)."""
    present = sorted(set(labels))
    if not present:
        return []
    first = int(period_index(_days([present[0]], per), per)[0])
    last = int(period_index(_days([present[-1]], per), per)[0])
    step = 7 if per == "week" else 1
    if (last - first) // step + 1 > MAX_AXIS:
        return present  # too long a span to draw every period: the periods with data
    return [period_label(i, per) for i in range(first, last + 1, step)]


def _days(labels: Sequence[str], per: str) -> np.ndarray[Any, Any]:
    starts = np.array([period_start(x, per).isoformat() for x in labels], dtype="datetime64[D]")
    days: np.ndarray[Any, Any] = (starts - _EPOCH).astype(np.int64)
    return days


class Trends:
    """Trend queries over one archive, with caches that survive between queries."""

    def __init__(self, indexes: Indexes) -> None:
        self.indexes = indexes
        self.store = indexes.store
        self._lock = threading.Lock()
        self._generation: tuple[int, ...] | None = None
        self._meta: _Meta | None = None
        self._counted: dict[Node, _Counted] = {}

    def query(
        self,
        terms: Sequence[str],
        *,
        per: str = "month",
        by_channel: bool = True,
        heard: bool = True,
        filters: Filters | None = None,
    ) -> list[TrendRow]:
        """Rows for each term, outlet (or all outlets) and period, by outlet then period.

        ``heard`` counts what search finds: the words and the ways the captions misheard
        them (less those a term drops with ``-heard:WORD``); off, the words as typed."""
        terms = [t.strip() for t in terms if t.strip()]
        if not terms:
            raise ConfigError("name at least one term, e.g. Gaza or entity:Hamas")
        if len(terms) > MAX_TERMS:
            raise ConfigError(f"compare at most {MAX_TERMS} terms at a time, not {len(terms)}")
        if per not in PERIODS:
            raise ConfigError(f"per must be one of {', '.join(PERIODS)}, not {per!r}")
        with self._lock:
            meta = self._current_meta()
            keep = _mask(meta, filters or Filters())
            group = meta.channel if by_channel else np.zeros_like(meta.channel)
            names = meta.channels if by_channel else [ALL]
            period = period_index(meta.day, per)
            base = int(period[keep].min()) if keep.any() else 0
            width = int(period[keep].max()) - base + 1 if keep.any() else 0
            slot = group.astype(np.int64) * max(width, 1) + (period - base)
            size = len(names) * max(width, 1)
            total_videos = np.bincount(slot[keep], minlength=size)
            total_words = np.bincount(slot[keep], weights=meta.words[keep], minlength=size)
            present = np.nonzero(total_videos)[0]
            rows: list[TrendRow] = []
            for term in terms:
                check_time()
                tids, counts = self._term_hits(term, heard)
                where, found = _kept_rows(meta, tids, keep)
                at = slot[where[found]]
                hits = np.bincount(at, weights=counts[found], minlength=size)
                videos = np.bincount(at, minlength=size)
                for s in present:
                    g, p = divmod(int(s), max(width, 1))
                    rows.append(
                        TrendRow(
                            term,
                            names[g],
                            period_label(base + p, per),
                            int(hits[s]),
                            int(videos[s]),
                            int(total_words[s]),
                            int(total_videos[s]),
                        )
                    )
        return rows

    def undated_hits(
        self, terms: Sequence[str], *, heard: bool = True, filters: Filters | None = None
    ) -> dict[str, int]:
        """For each term, how many videos that say it (of the outlets and language asked
        for) have no date, so are in no period of its trend; terms with none left out."""
        out: dict[str, int] = {}
        with self._lock:
            meta = self._current_meta()
            undated = _mask(
                meta, replace(filters or Filters(), since=None, until=None), dated=False
            )
            if not undated.any():
                return out
            for term in (t.strip() for t in terms if t.strip()):
                tids, _ = self._term_hits(term, heard)
                _, found = _kept_rows(meta, tids, undated)
                if count := int(np.count_nonzero(found)):
                    out[term] = count
        return out

    def heard(self, terms: Sequence[str]) -> dict[str, dict[str, list[str]]]:
        """The heard variants each word of each term is counted with (what search would
        also match): term → word → variants; entity: and story: terms have none."""
        out: dict[str, dict[str, list[str]]] = {}
        for term in terms:
            term = term.strip()
            if not term or term.lower().startswith("story:") or self._entity_term(term) is not None:
                continue
            parsed = _term_query(term)
            heard = self._variants(parsed.node, parsed.dropped)
            # a lone word counts only the variants that may match alone ("carry" is no
            # "Cairo"); a phrase's words also those heard beside each other (a word the
            # term itself names is none: ``variants_for``)
            phrases = phrase_words(parsed.node)
            in_phrase = {fold(w) for words in phrases for w in words}
            counted = set(query_words(parsed.node)) | in_phrase  # not "-Rafah": left out
            said = self._said_in(heard, phrases)
            out[term] = {
                w: vs
                for w in heard.in_phrase
                if w in counted
                and (vs := said.get(w, []) if w in in_phrase else list(heard.alone.get(w, ())))
            }
        return out

    def _said_in(self, heard: Heard, phrases: Sequence[tuple[str, ...]]) -> dict[str, list[str]]:
        """Per word of the phrases, the variants the archive holds in that phrase
        (of the ``PHRASE_CHECKS`` likeliest respellings): "Shin Bet" lists "shim" and
        "bit" where "shim bit" is said, not every sound-alike that could stand in."""
        said: dict[str, list[str]] = {}
        for words in phrases:
            folded = [fold(w) for w in words]
            options = [[w, *heard.in_phrase.get(w, ())] for w in folded]
            for combo in best_combinations([len(o) for o in options], PHRASE_CHECKS)[1:]:
                swapped = tuple(o[i] for o, i in zip(options, combo, strict=True))
                if self.indexes.matching_ids(Phrase(swapped), Filters()):
                    for word, variant in zip(folded, swapped, strict=True):
                        if variant != word and variant not in said.setdefault(word, []):
                            said[word].append(variant)
        return said

    def _variants(self, node: Node, dropped: Sequence[str]) -> Heard:
        """The heard variants search would use for ``node`` (context checked)."""
        return variants_for(self.store, node, False, dropped, self.indexes.context)

    # -- caches -----------------------------------------------------------------

    def _current_meta(self) -> _Meta:
        # the index may catch up after the records (an ingest in progress): count both
        generation = (*self.store.videos.generation(), self.store.search.indexed_documents())
        if self._meta is None or generation != self._generation:
            self._meta = _load(self.store.analytics.trend_meta())
            self._generation = generation
        return self._meta

    def _entity_term(self, term: str) -> int | None:
        """The entity whose mentions a term counts ("entity:Keir Starmer", the rest of the
        term its name), None for any other term; one that opens with the filter and goes
        on with words counts the words ("entity:Hamas ceasefire", where no entity is named
        "Hamas ceasefire")."""
        if not term.lower().startswith("entity:"):
            return None
        name = term.split(":", 1)[1].strip().strip('"')
        if not name:
            raise ConfigError(f"{term!r} names no entity; write entity:NAME")
        try:
            return self.store.entities.find_entity(name)[0]
        except NotFoundError:
            if _words_filtered(term):
                return None
            if "entity:" in name.lower():
                raise ConfigError(
                    f"{term!r}: a term counts one entity's mentions, or words in the videos "
                    "that mention entities: 'talks entity:Hamas entity:Israel'"
                ) from None
            raise

    def _term_hits(
        self, term: str, heard: bool
    ) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
        if term.lower().startswith("story:"):
            number = term.split(":", 1)[1].strip()
            if not number.isdigit():
                raise ConfigError(f"{term!r} names no story; write story:ID (newsreel stories)")
            tids = self.store.stories.story_video_ids(int(number))
            if not tids:
                moved = self.store.stories.moved_story(int(number))
                raise no_story(int(number), moved, self.store.path)
            return _arrays(dict.fromkeys(tids, 1))
        entity = self._entity_term(term)
        if entity is not None:
            return _arrays(self.store.entities.entity_hits(entity))
        parsed = _term_query(term)
        among = mentioning(self.store, parsed.entities)  # "ceasefire entity:Hamas"
        node = self.indexes.with_split_forms(parsed.node)  # "sportswashing" said split too
        if not heard:
            hits = self._node_hits(node, term)
        else:
            node = prepared(node, False)  # what search matches: other forms of the words,
            variants = self._variants(node, parsed.dropped)  # and heard variants, less
            gone = hidden(self.indexes, node, variants, Filters()).excluded  # other names
            hits = self._node_hits(widest(node, variants), term)
            hits = {t: n for t, n in hits.items() if t not in gone} if gone else hits
        return _arrays({t: n for t, n in hits.items() if t in among} if among is not None else hits)

    def _node_hits(self, node: Node, term: str) -> dict[int, int]:
        """Hits per transcript of a query, in the transcripts' own words (``_in_text``)."""
        patterns = tuple(sorted({p for leaf in leaves(node) for p in _patterns(leaf)}))
        if not any(words for words, _ in patterns):
            raise ConfigError(f"{term!r} has no words to count")
        counted = self._counted.setdefault(node, _Counted())  # "a b" and "a NEAR/3 b" apart
        if counted.generation == self._generation:
            return self._in_text(node, counted.hits, term)  # nothing added since counted
        if self.indexes.fulltext.invertible and invertible(
            node, patterns
        ):  # from the index's scores: no transcript read
            counted.hits, counted.scanned = self._from_scores(node, patterns), set()
            counted.generation = self._generation
            return self._in_text(node, counted.hits, term)
        todo = [t for t in self.indexes.matching_ids(node, Filters()) if t not in counted.scanned]
        if todo:
            self._count(counted, matcher(patterns), todo)
        counted.generation = self._generation
        return self._in_text(node, counted.hits, term)

    def _in_text(self, node: Node, hits: dict[int, int], term: str) -> dict[int, int]:
        """The hits of transcripts whose own words hold every part a query requires: the
        index also matches titles, and a word said only in a title is no hit ("Rafah
        crossing" in a video whose title alone names Rafah counts nothing)."""
        if isinstance(node, Near):
            return self._near(node, hits)
        parts = node.include if isinstance(node, And) else ()
        if len(parts) < 2:
            return hits  # a word, a phrase or alternatives: every hit is said
        for part in parts:
            said = self._node_hits(part, term)
            hits = {t: count for t, count in hits.items() if t in said}
        return hits

    def _near(self, node: Near, hits: dict[int, int]) -> dict[int, int]:
        """The hits of a NEAR query as its parts said near each other in the transcript,
        one per match, as search's passages find them (the index also matches a title,
        where "Starmer" and "Mandelson" stand side by side and the text has them apart)."""
        out: dict[int, int] = {}
        todo = sorted(hits)
        for start in range(0, len(todo), COUNT_CHUNK):
            check_time()
            texts = self.store.videos.transcript_texts(todo[start : start + COUNT_CHUNK])
            for tid, text in texts.items():
                if said := near_matches(text.split(), node):
                    out[tid] = said
        return out

    def _from_scores(self, node: Node, patterns: tuple[Pattern, ...]) -> dict[int, int]:
        """Hits per transcript read back from the full-text index's BM25 scores
        (``search.bm25``); the few it cannot tell are counted in their text."""
        meta = self._current_meta()
        hits: dict[int, int] = {}
        singles = {words[0] for words, _ in patterns if len(words) == 1}
        for words, _ in patterns:
            check_time()
            # A phrase occurrence is one hit; its words counted alone are taken back.
            weight = 1 - sum(1 for w in words if w in singles) if len(words) > 1 else 1
            if weight == 0:
                continue
            fulltext = self.indexes.fulltext
            assert isinstance(fulltext, FullText)  # only tantivy's scores are invertible
            ids, scores, idf, avgdl = fulltext.scored(words)
            if not ids:
                continue
            tids = np.array(ids, dtype=np.int64)
            tf, resolved = invert(np.array(scores), _lengths(meta, tids, avgdl), idf, avgdl)
            for tid, count in zip(tids[resolved].tolist(), tf[resolved].tolist(), strict=True):
                hits[tid] = hits.get(tid, 0) + weight * count
            rest = tids[~resolved].tolist()
            if rest:
                single = _Counted()
                self._count(single, matcher([(words, False)]), rest)
                for tid, count in single.hits.items():
                    hits[tid] = hits.get(tid, 0) + weight * count
        hits = {tid: count for tid, count in hits.items() if count > 0}
        if not _alternatives_only(node):  # "a b", "a -c", NEAR: only where all of it matches
            keep = set(self.indexes.matching_ids(node, Filters()))
            hits = {tid: count for tid, count in hits.items() if tid in keep}
        return hits

    def _count(self, counted: _Counted, compiled: re.Pattern[str], todo: list[int]) -> None:
        """Count the hits of transcripts ``todo`` chunk by chunk, checking the time budget
        between chunks (what was counted before the deadline stays counted)."""
        for start in range(0, len(todo), COUNT_CHUNK):
            check_time()
            chunk = todo[start : start + COUNT_CHUNK]
            for tid, text in self.store.videos.transcript_texts(chunk).items():
                if hits := occurrences(text, compiled):
                    counted.hits[tid] = hits
            counted.scanned.update(chunk)


def _patterns(leaf: Term | Phrase) -> list[Pattern]:
    """The folded patterns a leaf counts: a word matching in any of its forms counts
    each form."""
    if isinstance(leaf, Term) and leaf.stem and not leaf.prefix:
        return [((form,), False) for form in sorted(word_forms(fold(leaf.text)))]
    return [folded(leaf)]


def invertible(node: Node, patterns: Sequence[Pattern]) -> bool:
    """True if the index's frequencies give what ``occurrences`` counts: no prefixes, and
    no two occurrences of phrases (one or two) that could overlap. A single word inside a
    phrase is fine: each phrase occurrence then stands for one hit, not one per word
    (``_from_scores`` subtracts)."""
    if not patterns or any(prefix or not words for words, prefix in patterns):
        return False
    phrases = [words for words, _ in patterns if len(words) > 1]
    for first in phrases:
        for second in phrases:
            if first != second and _contains(first, second):
                return False
            longest = min(len(first), len(second)) - (1 if first == second else 0)
            if any(first[-j:] == second[:j] for j in range(1, longest + 1)):
                return False
    return True


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    return any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def _alternatives_only(node: Node) -> bool:
    """A word, a phrase, or alternatives of them: every transcript with a hit matches."""
    if isinstance(node, Term | Phrase):
        return True
    return isinstance(node, Or) and all(_alternatives_only(part) for part in node.parts)


def _lengths(meta: _Meta, tids: np.ndarray[Any, Any], avgdl: float) -> np.ndarray[Any, Any]:
    """The transcripts' lengths in index tokens, guessed from their word counts scaled
    by the archive's tokens per word ("it's" is one word, two tokens)."""
    if not len(meta.tids) or not meta.words.sum():
        return np.full(len(tids), avgdl)
    scale = avgdl / float(meta.words.mean())
    where = np.minimum(np.searchsorted(meta.tids, tids), len(meta.tids) - 1)
    return np.where(meta.tids[where] == tids, meta.words[where] * scale, avgdl)


def _kept_rows(
    meta: _Meta, tids: np.ndarray[Any, Any], keep: np.ndarray[Any, Any]
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """For each transcript id: its row in ``meta``, and whether it has one that ``keep``
    keeps."""
    if not len(meta.tids):
        return np.zeros(len(tids), np.int64), np.zeros(len(tids), bool)
    where = np.minimum(np.searchsorted(meta.tids, tids), len(meta.tids) - 1)
    return where, (meta.tids[where] == tids) & keep[where]


def _arrays(hits: dict[int, int]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    return (
        np.fromiter(hits.keys(), dtype=np.int64, count=len(hits)),
        np.fromiter(hits.values(), dtype=np.float64, count=len(hits)),
    )


def _words_filtered(term: str) -> bool:
    """Whether a term is words with an ``entity:`` filter ('entity:Hamas ceasefire')."""
    try:
        return bool(parse_query(term).entities)
    except QueryError:
        return False  # 'entity:Hamas entity:Israel': no words to count


def _term_query(term: str) -> ParsedQuery:
    """A trend term parsed; a ``ConfigError`` where it names a filter, which a term does
    not take (the trend's own filters do: they apply to every term alike)."""
    parsed = parse_query(term)
    if parsed.channels or parsed.language or parsed.since or parsed.until:
        raise ConfigError(
            f"{term!r}: a trend term takes no filters (channel:, group:, lang:, date:); "
            "give them once for every term: --channel, --lang, --since, --until "
            "(HTTP API: channel=, lang=, since=, until=)"
        )
    return parsed


def _mask(meta: _Meta, filters: Filters, *, dated: bool = True) -> np.ndarray[Any, Any]:
    """The videos a trend counts: dated ones (``dated=False``: the undated ones) of the
    outlets and language asked for, within the dates asked for."""
    keep: np.ndarray[Any, Any] = (meta.day >= 0) if dated else (meta.day < 0)
    if filters.channels:  # any of the outlets, by name or code
        wanted = {c.lower() for c in filters.channels}
        by_name = [i for i, c in enumerate(meta.channels) if c.lower() in wanted]
        by_code = [i for i, c in enumerate(meta.codes) if c and c in wanted]
        keep &= np.isin(meta.channel, by_name) | np.isin(meta.code, by_code)
    if filters.language:
        language = "" if filters.language == UNKNOWN_OUTLET else filters.language.lower()
        keep &= np.isin(
            meta.language,
            [meta.languages.index(language)] if language in meta.languages else [],
        )
    if filters.since:
        keep &= meta.day >= (np.datetime64(filters.since, "D") - _EPOCH).astype(np.int64)
    if filters.until:
        keep &= meta.day <= (np.datetime64(filters.until, "D") - _EPOCH).astype(np.int64)
    if filters.among is not None:  # transcripts that mention an entity
        keep &= np.isin(meta.tids, np.fromiter(filters.among, np.int64, len(filters.among)))
    return keep


def floored(row: TrendRow, min_words: int) -> dict[str, Any]:
    """A trend row's fields and whether its period has fewer words than ``min_words``
    (the table shows "·" there, the chart a gap; a chart drawn elsewhere should too)."""
    return {**row.to_dict(), FLOORED_COLUMNS: row.total_words < min_words}
