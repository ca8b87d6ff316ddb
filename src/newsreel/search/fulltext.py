"""The full-text index: tantivy, in a folder beside the archive, rebuildable from it.

SQLite keeps every record; the index holds one document per video (its current
transcript) and answers ranked queries (BM25, title x4, block-max WAND: milliseconds at
a million videos where SQLite FTS5 must score every match; bench/search.py), filters,
facet counts and the vocabulary for sound-alike keys. Text is tokenised as the Python
side folds it (``text.fold``): split on non-alphanumerics, lower case, accents
folded to ASCII. A plain query word also matches its other forms ("hostages" finds
"hostage"): the forms with its English (Snowball) stem are OR-ed in at query time
(``search.forms``), so indexing does no stemming; a word as typed scores twice, so it
ranks above one matching only by another form. An archive may also index pairs of
neighbouring words with a common word as one term (``search.pairs``, ``newsreel reindex
--phrase-pairs``): a two-word phrase of frequent words becomes one term lookup, not a
walk through word positions, at the cost of slower indexing (bench/pairs.py).

``FORMAT`` (or ``WITH_PAIRS``) names the schema: an index of any other format is
rebuilt when the archive is opened for writing (``search.indexes``).
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import tantivy

from newsreel.errors import LockedError, QueryError, StoreError
from newsreel.models import UNKNOWN_OUTLET, Filters, IndexedVideo
from newsreel.search.forms import word_forms
from newsreel.search.pairs import pair, pair_terms, paired
from newsreel.search.query import Near, Node, Or, Phrase, Term
from newsreel.text import tokens, untagged

TITLE_BOOST = 4.0
ANALYZER = "news"
PAIRS = "pairs"  # the analyzer of the pair fields: terms made by ``search.pairs``
# 4: 3 and each video's outlet code; "4+pairs": 4 and the pair fields. 3: words only,
# other forms OR-ed in at query time. 2 (stemmed fields, built for a few hours in
# development, too slow to index) is rebuilt; 1 (no file) is 3's schema. An index of 1
# or 3 is read as it is and rebuilt when the archive is opened for writing.
FORMAT = "4"
WITH_PAIRS = "4+pairs"
READABLE = ("1", "3")
UNKNOWN = UNKNOWN_OUTLET
NO_DATE = "(no date)"
WRITER_HEAP = 256_000_000
_FACETS = {"channel": "channel_facet", "language": "language_facet", "month": "month"}


def _schema(pairs: bool, outlets: bool) -> Any:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("tid", stored=True, indexed=True, fast=True)
    builder.add_text_field("video_id", tokenizer_name="raw")
    builder.add_text_field("title", tokenizer_name=ANALYZER)
    builder.add_text_field("text", tokenizer_name=ANALYZER)
    if pairs:
        for name in ("title_pairs", "text_pairs"):
            builder.add_text_field(name, tokenizer_name=PAIRS, index_option="freq")
    if outlets:
        builder.add_integer_field("outlet", fast=True)  # outlet_code of the channel
    for name in ("channel_key", "code_key", "language_key"):
        builder.add_text_field(name, tokenizer_name="raw")
    for name in ("channel_facet", "language_facet", "month"):
        builder.add_text_field(name, tokenizer_name="raw", fast=True)
    builder.add_integer_field("day", indexed=True, fast=True)
    return builder.build()


def _analyzer() -> Any:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


class FullText:
    """The tantivy index of an archive; in memory when ``path`` is None. ``pairs``: with
    the pair fields; ``outlets``: with outlet codes (False: an index of format 3 read as
    it is)."""

    invertible = True  # BM25 scores give term frequencies back (``search.bm25``)

    def __init__(self, path: Path | None, pairs: bool = False, outlets: bool = True) -> None:
        self.path = path
        self.pairs = pairs
        self.has_outlets = outlets
        self.schema = _schema(pairs, outlets)
        try:
            if path is None:
                self.index = tantivy.Index(self.schema)
            else:
                path.mkdir(parents=True, exist_ok=True)
                self.index = tantivy.Index(self.schema, path=str(path), reuse=True)
        except ValueError as exc:
            raise StoreError(f"cannot open the full-text index {path}: {exc}") from None
        self.index.register_tokenizer(ANALYZER, _analyzer())
        self.index.register_tokenizer(
            PAIRS, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
        )
        self._writer: Any = None

    # -- writing --------------------------------------------------------------

    def _writing(self) -> Any:
        if self._writer is None:
            try:
                self._writer = self.index.writer(heap_size=WRITER_HEAP)
            except ValueError as exc:  # tantivy's "Failed to acquire Lockfile: LockBusy"
                if "LockBusy" not in str(exc):
                    raise
                raise LockedError(
                    f"the full-text index {self.path} is being written by another process "
                    "(a server or a script holding the archive open); try again when it "
                    "is done"
                ) from None
        return self._writer

    def stage(self, videos: Iterable[IndexedVideo]) -> int:
        """Hand videos to the index's own threads (replacing what the index had for
        them), without committing; return the count. Searches see them after
        ``commit``."""
        writer = self._writing()
        count = 0
        for video in videos:
            if not video.fresh:
                writer.delete_documents_by_term("video_id", video.video_id)
            writer.add_document(_document(video, self.pairs, self.has_outlets))
            count += 1
        return count

    def commit(self) -> None:
        """Make staged videos durable and searchable."""
        self._writing().commit()
        self.index.reload()

    def add(self, videos: Iterable[IndexedVideo]) -> int:
        """Index videos (replacing what the index had for them); commit; return count."""
        count = self.stage(videos)
        self.commit()
        return count

    def clear(self) -> None:
        """Remove every document (before a rebuild)."""
        self._writer = self._writing()
        self._writer.delete_all_documents()
        self._writer.commit()
        self.index.reload()

    def reload(self) -> None:
        """See what another process committed."""
        self.index.reload()

    def close(self) -> None:
        """Let go of the writer (and its lock)."""
        if self._writer is not None:
            self._writer.wait_merging_threads()
            self._writer = None

    # -- reading --------------------------------------------------------------

    def documents(self) -> int:
        """How many videos the index holds."""
        self.index.reload()
        return int(self.index.searcher().num_docs)

    def search(
        self,
        node: Node,
        filters: Filters,
        limit: int,
        offset: int = 0,
        sort: str = "relevance",
        among: Sequence[int] | None = None,
    ) -> list[tuple[int, float]]:
        """(transcript id, BM25 score) of matching videos, best (or newest) first."""
        query = self._query(node, filters, among)
        if sort == "date":
            found = self._top(query, limit, order_by_field="day", offset=offset)
            return [(t, 0.0) for t, _ in found]
        return self._top(query, limit, offset=offset)

    def ranked(
        self, parts: Sequence[tuple[Node, float]], filters: Filters, limit: int
    ) -> list[tuple[int, float]]:
        """(transcript id, score) of videos matching any of the weighted queries, best
        first: one index query (a disjunction-max) whose score is the highest weight x
        BM25 among the queries the video matches."""
        if not parts:
            return []
        queries = [compile_node(self.schema, n, self.pairs) for n, _ in parts]
        best = tantivy.Query.disjunction_max_query(
            [tantivy.Query.boost_query(q, w) for q, (_, w) in zip(queries, parts, strict=True)],
            0.0,
        )
        return self._top(self._filtered(best, filters, None), limit)

    def _top(self, query: Any, limit: int, **options: Any) -> list[tuple[int, float]]:
        """(transcript id, score) of the first ``limit`` hits of a tantivy query."""
        if limit < 1:
            return []
        searcher = self.index.searcher()
        try:
            found = searcher.search(query, limit, count=False, **options)
        except ValueError as exc:
            raise QueryError(f"the search engine rejected the query: {exc}") from None
        if not found.hits:
            return []
        addresses = [address for _, address in found.hits]
        ids = [int(i or 0) for i in searcher.fast_field_values("tid", addresses)]
        return [(t, round(float(s), 4)) for t, (s, _) in zip(ids, found.hits, strict=True)]

    def all_ids(self, node: Node, filters: Filters) -> list[int]:
        """Transcript ids of every matching video (for exports)."""
        searcher = self.index.searcher()
        total = int(searcher.num_docs)
        if total == 0:
            return []
        found = searcher.search(self._query(node, filters, None), total, count=False)
        return [int(i or 0) for i in searcher.fast_field_values("tid", [a for _, a in found.hits])]

    def facets(self, node: Node, filters: Filters, limit: int) -> dict[str, list[tuple[str, int]]]:
        """Counts of matching videos per channel, language and month."""
        spec = {
            name: {"terms": {"field": field, "size": 10_000 if name == "month" else limit}}
            for name, field in _FACETS.items()
        }
        result = self.index.searcher().aggregate(self._query(node, filters, None), spec)
        out: dict[str, list[tuple[str, int]]] = {}
        for name in _FACETS:
            buckets = [(str(b["key"]), int(b["doc_count"])) for b in result[name]["buckets"]]
            if name == "month":
                buckets = sorted(buckets, reverse=True)[:limit]
            else:
                buckets.sort(key=lambda item: (-item[1], item[0]))
            out[name] = buckets
        return out

    def outlets(self, transcript_ids: Sequence[int]) -> dict[int, int | None]:
        """The outlet code (``outlet_code``) of each transcript the index holds; None
        for an unknown outlet. Read from a column of the index, not the archive's rows:
        no disk seeks at query time. An index of format 3 has none: {}."""
        if not self.has_outlets or not transcript_ids:
            return {}
        searcher = self.index.searcher()
        query = tantivy.Query.term_set_query(self.schema, "tid", list(transcript_ids))
        found = searcher.search(query, len(transcript_ids), count=False)
        addresses = [address for _, address in found.hits]
        tids = searcher.fast_field_values("tid", addresses)
        codes = searcher.fast_field_values("outlet", addresses)
        return {int(t or 0): (int(c) if c else None) for t, c in zip(tids, codes, strict=True)}

    def doc_freqs(self, terms: Iterable[str]) -> dict[str, int]:
        """In how many videos' transcripts each (folded) term occurs: live documents
        only, counted by a query where tantivy's own count (which holds documents
        replaced or deleted until their segments merge) finds any, so that the same
        archive gives the same counts (and story labels) in SQLite as in PostgreSQL."""
        searcher = self.index.searcher()
        out: dict[str, int] = {}
        for term in terms:
            if not searcher.doc_freq("text", term):
                out[term] = 0
                continue
            query = tantivy.Query.term_query(self.schema, "text", term)
            out[term] = int(getattr(searcher.search(query, 1, count=True), "count", 0) or 0)
        return out

    def scored(self, words: Sequence[str]) -> tuple[list[int], list[float], float, float]:
        """Every transcript holding the word (or the phrase ``words``) with its BM25
        score for that alone, and the idf and average length the scores used: what
        ``search.bm25.invert`` reads term frequencies back from."""
        searcher = self.index.searcher()
        if len(words) == 1:
            query = tantivy.Query.term_query(self.schema, "text", words[0])
        else:
            query = tantivy.Query.phrase_query(self.schema, "text", list(words))
        total = int(getattr(searcher.search(query, 1, count=True), "count", 0) or 0)
        if total == 0:
            return [], [], 0.0, 0.0
        found = searcher.search(query, total, count=False)
        addresses = [address for _, address in found.hits]
        ids = [int(i or 0) for i in searcher.fast_field_values("tid", addresses)]
        idf, avgdl = _bm25_constants(json.loads(query.explain(searcher, addresses[0]).to_json()))
        return ids, [float(s) for s, _ in found.hits], idf, avgdl

    def vocabulary(self) -> dict[str, int]:
        """Every indexed term of titles and transcripts with its document count."""
        self.index.reload()  # another process (the ingest writer) may have committed
        searcher = self.index.searcher()
        terms: dict[str, int] = {}
        for field in ("text", "title"):
            for term, docs in searcher.terms_with_prefix(field, ""):
                terms[term] = max(terms.get(term, 0), int(docs))
        return terms

    # -- queries --------------------------------------------------------------

    def _query(self, node: Node, filters: Filters, among: Sequence[int] | None) -> Any:
        return self._filtered(compile_node(self.schema, node, self.pairs), filters, among)

    def _filtered(self, query: Any, filters: Filters, among: Sequence[int] | None) -> Any:
        """A tantivy query restricted by the filters (and to ``among``'s transcripts)."""
        parts = [(tantivy.Occur.Must, query)]
        parts += [(tantivy.Occur.Must, q) for q in _filter_queries(self.schema, filters)]
        if filters.among is not None:  # an entity filter's transcripts
            among = sorted(filters.among if among is None else filters.among.intersection(among))
        if among is not None:
            parts.append(
                (tantivy.Occur.Must, tantivy.Query.term_set_query(self.schema, "tid", list(among)))
            )
        if filters.excluded:
            gone = tantivy.Query.term_set_query(self.schema, "tid", sorted(filters.excluded))
            parts.append((tantivy.Occur.MustNot, gone))
        return tantivy.Query.boolean_query(parts)


def _bm25_constants(explained: dict[str, Any]) -> tuple[float, float]:
    """The idf and average field length in a BM25 explanation."""
    found: dict[str, float] = {}
    stack = [explained]
    while stack:
        node = stack.pop()
        description = str(node.get("description", ""))
        for key in ("idf", "avgdl"):
            if description.startswith(key) and key not in found:
                found[key] = float(node["value"])
        stack.extend(node.get("details", []))
    if len(found) < 2:
        raise StoreError("the full-text index explained a score without idf and avgdl")
    return found["idf"], found["avgdl"]


def outlet_code(channel: str | None) -> int:
    """A stable 56-bit number for a channel (0: none), kept in the index for crowding."""
    if not channel:
        return 0
    digest = hashlib.blake2b(channel.lower().encode("utf-8"), digest_size=7).digest()
    return int.from_bytes(digest, "big") or 1


def _document(video: IndexedVideo, pairs: bool, outlets: bool) -> Any:
    day = video.publish_date
    fields: dict[str, str | int] = {}
    text = untagged(video.text)
    if pairs:
        fields["title_pairs"] = pair_terms(tokens(video.title or ""))
        fields["text_pairs"] = pair_terms(tokens(text))
    if outlets:
        fields["outlet"] = outlet_code(video.channel)
    return tantivy.Document(
        tid=video.transcript_id,
        video_id=video.video_id,
        title=video.title or "",
        text=text,
        **fields,
        channel_key=(video.channel or "").lower(),
        code_key=(video.channel_code or "").lower(),
        language_key=(video.language or "").lower(),
        channel_facet=video.channel or UNKNOWN,
        language_facet=video.language or UNKNOWN,
        month=f"{day.year:04d}-{day.month:02d}" if day else NO_DATE,
        day=day.year * 10_000 + day.month * 100 + day.day if day else 0,
    )


def _filter_queries(schema: Any, filters: Filters) -> list[Any]:
    out = []
    if filters.channels:
        either = []
        for channel in filters.channels:
            if channel == UNKNOWN:  # the facet of videos without an outlet
                either.append(tantivy.Query.term_query(schema, "channel_facet", UNKNOWN))
                continue
            key = channel.lower()
            either.append(tantivy.Query.term_query(schema, "channel_key", key))
            either.append(tantivy.Query.term_query(schema, "code_key", key))
        out.append(tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in either]))
    if filters.language == UNKNOWN:  # the facet of videos of no known language
        out.append(tantivy.Query.term_query(schema, "language_facet", UNKNOWN))
    elif filters.language:
        out.append(tantivy.Query.term_query(schema, "language_key", filters.language.lower()))
    if filters.since or filters.until:
        low = int(filters.since.strftime("%Y%m%d")) if filters.since else 1
        high = int(filters.until.strftime("%Y%m%d")) if filters.until else 99_991_231
        out.append(tantivy.Query.range_query(schema, "day", tantivy.FieldType.Integer, low, high))
    return out


def _in_fields(schema: Any, make: Any, fields: tuple[str, str] = ("title", "text")) -> Any:
    """A query on the title (boosted) or the transcript."""
    title, text = fields
    return tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Should, tantivy.Query.boost_query(make(title), TITLE_BOOST)),
            (tantivy.Occur.Should, make(text)),
        ]
    )


def _any_form(schema: Any, word: str) -> Any:
    """One word as typed (scored twice: it ranks first) or in any of its forms."""
    others = sorted(word_forms(word) - {word})
    return tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Should, _phrase(schema, [word], False)),
            *((tantivy.Occur.Should, _phrase(schema, [f], False)) for f in [word, *others]),
        ]
    )


def _words(words: Sequence[str]) -> list[str]:
    return [t for w in words for t in tokens(w)]


def _phrase(schema: Any, words: list[str], pairs: bool, slop: int = 0) -> Any:
    """Words next to each other (within ``slop`` words); a pair with a common word as
    its pair term where the index has them (``pairs``)."""
    if len(words) == 1:
        return _in_fields(schema, lambda f: tantivy.Query.term_query(schema, f, words[0]))
    if pairs and slop == 0 and paired(words):
        term = pair(words[0], words[1])
        return _in_fields(
            schema,
            lambda f: tantivy.Query.term_query(schema, f, term),
            ("title_pairs", "text_pairs"),
        )
    terms: list[str | tuple[int, str]] = list(words)
    return _in_fields(schema, lambda f: tantivy.Query.phrase_query(schema, f, terms, slop=slop))


def compile_node(schema: Any, node: Node, pairs: bool = False) -> Any:
    """The query tree as a tantivy query (words folded as the index folds them);
    ``pairs``: the index has the pair fields."""
    if isinstance(node, Term):
        words = _words([node.text])
        if not words:
            return tantivy.Query.empty_query()
        if node.prefix and len(words) == 1:
            pattern = "".join("\\" + c if not c.isalnum() else c for c in words[0]) + ".*"
            return _in_fields(schema, lambda f: tantivy.Query.regex_query(schema, f, pattern))
        if node.stem and len(words) == 1:
            return _any_form(schema, words[0])
        return _phrase(schema, words, pairs)
    if isinstance(node, Phrase):
        words = _words(node.words)
        return _phrase(schema, words, pairs) if words else tantivy.Query.empty_query()
    if isinstance(node, Or):
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, compile_node(schema, p, pairs)) for p in node.parts]
        )
    if isinstance(node, Near):
        return _near(schema, node)
    parts = [(tantivy.Occur.Must, compile_node(schema, p, pairs)) for p in node.include]
    parts += [(tantivy.Occur.MustNot, compile_node(schema, p, pairs)) for p in node.exclude]
    return tantivy.Query.boolean_query(parts)


def _near(schema: Any, node: Near) -> Any:
    """Words or phrases within ``distance`` words, in any order (orders tried: at most 6)."""
    groups = [_words(p.words if isinstance(p, Phrase) else [p.text]) for p in node.parts]
    orders = itertools.islice(itertools.permutations(groups), 6)
    options = []
    for order in orders:
        words = [w for group in order for w in group]
        options.append((tantivy.Occur.Should, _phrase(schema, words, False, slop=node.distance)))
    return tantivy.Query.boolean_query(options)
