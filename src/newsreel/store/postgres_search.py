"""Search inside PostgreSQL: one ``tsvector`` document per video under a GIN index, and
the lists of an inverted-file (IVF) vector index, for archives kept on a server.

The documents hold the tokens as Newsreel folds them (``text.tokens``), written as
``tsvector`` literals rather than through a PostgreSQL text-search configuration, so the
database matches exactly what the SQLite store's tantivy index matches; the title's
words carry weight A (ranked 4x), the transcript's D. Queries arrive compiled to
``tsquery`` text (``search.tsquery``). PostgreSQL keeps word positions up to 16,383 and
256 positions per word: phrases past a transcript's 16,383rd word are not found as
phrases (their words still are).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsreel.models import UNKNOWN_OUTLET, Filters, IndexedVideo
from newsreel.text import tokens, untagged

NO_DATE = "(no date)"
MAX_POSITION = 16_383
RANK_WEIGHTS = "{0.25, 0.25, 0.25, 1.0}"  # D (transcript), C, B, A (title): title x4
_FACETS = {"channel": "channel_facet", "language": "language_facet", "month": "month"}


def tsvector_literal(title: str, text: str) -> tuple[str, int]:
    """The ``tsvector`` of a video (title words weighted A, positions after them the
    transcript's) and the transcript's length in tokens."""
    positions: dict[str, list[str]] = {}
    title_words = tokens(title)
    for i, word in enumerate(title_words, start=1):
        positions.setdefault(word, []).append(f"{min(i, MAX_POSITION)}A")
    offset = len(title_words) + 2  # a gap: no phrase runs from the title into the text
    words = tokens(untagged(text))  # "[Music]" is no word
    for i, word in enumerate(words, start=offset):
        found = positions.setdefault(word, [])
        if len(found) < 256:
            found.append(str(min(i, MAX_POSITION)))
    literal = " ".join(f"'{w}':{','.join(p)}" for w, p in positions.items())
    return literal, len(words)


def _row(video: IndexedVideo) -> tuple[Any, ...]:
    day = video.publish_date
    doc, words = tsvector_literal(video.title or "", video.text)
    return (
        video.video_id,
        video.transcript_id,
        doc,
        words,
        (video.channel or "").lower(),
        (video.channel_code or "").lower(),
        (video.language or "").lower(),
        video.channel or UNKNOWN_OUTLET,
        video.language or UNKNOWN_OUTLET,
        f"{day.year:04d}-{day.month:02d}" if day else NO_DATE,
        day.year * 10_000 + day.month * 100 + day.day if day else 0,
    )


def _filters(filters: Filters, among: Sequence[int] | None) -> tuple[str, list[Any]]:
    where = ""
    params: list[Any] = []
    if filters.channels:
        keys = [c.lower() for c in filters.channels if c != UNKNOWN_OUTLET]
        either = ["channel_key = ANY(?)", "code_key = ANY(?)"]
        params += [keys, keys]
        if UNKNOWN_OUTLET in filters.channels:
            either.append("channel_facet = ?")
            params.append(UNKNOWN_OUTLET)
        where += f" AND ({' OR '.join(either)})"
    if filters.language == UNKNOWN_OUTLET:  # the facet of videos of no known language
        where += " AND language_facet = ?"
        params.append(UNKNOWN_OUTLET)
    elif filters.language:
        where += " AND language_key = ?"
        params.append(filters.language.lower())
    if filters.since or filters.until:
        where += " AND day BETWEEN ? AND ?"
        params.append(int(filters.since.strftime("%Y%m%d")) if filters.since else 1)
        params.append(int(filters.until.strftime("%Y%m%d")) if filters.until else 99_991_231)
    if among is not None:
        where += " AND tid = ANY(?)"
        params.append(list(among))
    if filters.among is not None:  # an entity filter's transcripts
        where += " AND tid = ANY(?)"
        params.append(sorted(filters.among))
    if filters.excluded:
        where += " AND NOT (tid = ANY(?))"
        params.append(sorted(filters.excluded))
    return where, params


class PostgresDocuments:
    """The full-text documents of an archive in PostgreSQL."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def put(self, videos: Iterable[IndexedVideo]) -> int:
        """Index videos, replacing what was indexed for them; return how many."""
        rows = sorted((_row(v) for v in videos), key=lambda r: r[0])  # one lock order
        if rows:
            with self.db:
                # A superseded transcript's number may still be taken by the old one.
                self.db.executemany(
                    "DELETE FROM search_docs WHERE tid = ? AND video_id != ?",
                    [(r[1], r[0]) for r in rows],
                )
                self.db.executemany(
                    "INSERT INTO search_docs VALUES (?, ?, ?::tsvector, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (video_id) DO UPDATE SET tid = EXCLUDED.tid, doc = EXCLUDED.doc, "
                    "words = EXCLUDED.words, channel_key = EXCLUDED.channel_key, "
                    "code_key = EXCLUDED.code_key, language_key = EXCLUDED.language_key, "
                    "channel_facet = EXCLUDED.channel_facet, "
                    "language_facet = EXCLUDED.language_facet, month = EXCLUDED.month, "
                    "day = EXCLUDED.day",
                    rows,
                )
        return len(rows)

    def clear(self) -> None:
        """Remove every document (before a rebuild)."""
        with self.db:
            self.db.execute("DELETE FROM search_docs")

    def count(self) -> int:
        """How many videos are indexed."""
        return int(self.db.execute("SELECT count(*) FROM search_docs").fetchone()[0])

    def match(
        self,
        query: str,
        filters: Filters,
        limit: int,
        offset: int = 0,
        sort: str = "relevance",
        among: Sequence[int] | None = None,
    ) -> list[tuple[int, float]]:
        """(transcript id, rank) of videos matching a ``tsquery``, best or newest first."""
        where, params = _filters(filters, among)
        if sort == "date":
            sql = (
                f"SELECT tid, 0.0 FROM search_docs WHERE doc @@ ?::tsquery{where} "
                "ORDER BY day DESC, tid LIMIT ? OFFSET ?"
            )
            rows = self.db.execute(sql, [query, *params, limit, offset])
        else:
            sql = (
                f"SELECT tid, ts_rank(?::real[], doc, ?::tsquery, 1) AS r FROM search_docs "
                f"WHERE doc @@ ?::tsquery{where} ORDER BY r DESC, tid LIMIT ? OFFSET ?"
            )
            rows = self.db.execute(sql, [RANK_WEIGHTS, query, query, *params, limit, offset])
        return [(int(r[0]), round(float(r[1]), 6)) for r in rows]

    def ranked(
        self, parts: Sequence[tuple[str, float]], filters: Filters, limit: int
    ) -> list[tuple[int, float]]:
        """(transcript id, rank) of videos matching any of the weighted ``tsquery``s,
        ordered by the highest weight x rank (0 for a query a video does not match)."""
        where, params = _filters(filters, None)
        one = (
            "CASE WHEN doc @@ ?::tsquery THEN ? * ts_rank(?::real[], doc, ?::tsquery, 1) ELSE 0 END"
        )
        score = "GREATEST(" + ", ".join(one for _ in parts) + ")"
        either = " || ".join("?::tsquery" for _ in parts)
        sql = (
            f"SELECT tid, {score} AS r FROM search_docs WHERE doc @@ ({either}){where} "
            "ORDER BY r DESC, tid LIMIT ?"
        )
        values: list[Any] = [v for q, w in parts for v in (q, w, RANK_WEIGHTS, q)]
        values += [q for q, _ in parts]
        rows = self.db.execute(sql, [*values, *params, limit])
        return [(int(r[0]), round(float(r[1]), 6)) for r in rows]

    def all_ids(self, query: str, filters: Filters) -> list[int]:
        """Transcript ids of every matching video."""
        where, params = _filters(filters, None)
        sql = f"SELECT tid FROM search_docs WHERE doc @@ ?::tsquery{where}"
        return [int(r[0]) for r in self.db.execute(sql, [query, *params])]

    def facets(self, query: str, filters: Filters, limit: int) -> dict[str, list[tuple[str, int]]]:
        """Counts of matching videos per channel, language and month."""
        where, params = _filters(filters, None)
        out: dict[str, list[tuple[str, int]]] = {}
        for name, column in _FACETS.items():
            order = "1 DESC" if name == "month" else "2 DESC, 1"
            sql = (
                f"SELECT {column}, count(*) FROM search_docs WHERE doc @@ ?::tsquery{where} "
                f"GROUP BY 1 ORDER BY {order} LIMIT ?"
            )
            rows = self.db.execute(sql, [query, *params, limit])
            out[name] = [(str(r[0]), int(r[1])) for r in rows]
        return out

    def doc_freqs(self, terms: Iterable[str]) -> dict[str, int]:
        """In how many videos each folded term occurs: from the sound-alike vocabulary
        (counted over the indexed documents when it was last refreshed), else counted
        in the documents, all in two statements."""
        wanted = sorted(set(terms))
        out = {
            str(term): int(docs)
            for term, docs in self.db.execute(
                "SELECT term, max(docs) FROM sound_keys WHERE term = ANY(?) GROUP BY term",
                (wanted,),
            )
        }
        rest = [t for t in wanted if t not in out]
        if rest:
            out.update(
                (str(term), int(docs))
                for term, docs in self.db.execute(
                    "SELECT t, (SELECT count(*) FROM search_docs "
                    "WHERE doc @@ (quote_literal(t) || ':D')::tsquery) FROM unnest(?::text[]) t",
                    (rest,),
                )
            )
        return out

    def vocabulary(self) -> Iterator[tuple[str, int]]:
        """Every indexed word with the number of videos holding it."""
        for word, docs in self.db.execute(
            "SELECT word, ndoc FROM ts_stat('SELECT doc FROM search_docs')"
        ):
            yield str(word), int(docs)


class PostgresVectorLists:
    """The inverted-file lists of passage vectors: centroids and each passage's list."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def centroids(self, version: str) -> list[tuple[int, bytes]]:
        """(list, centroid as float32 bytes) of an embedder version's index."""
        return [
            (int(r[0]), bytes(r[1]))
            for r in self.db.execute(
                "SELECT list, centroid FROM vector_lists WHERE version = ? ORDER BY list",
                (version,),
            )
        ]

    def save(self, version: str, centroids: Sequence[bytes]) -> None:
        """Replace the index's centroids; every passage waits for a list again."""
        with self.db:
            self.db.execute("DELETE FROM vector_lists WHERE version = ?", (version,))
            self.db.executemany(
                "INSERT INTO vector_lists VALUES (?, ?, ?)",
                [(version, i, c) for i, c in enumerate(centroids)],
            )
            self.db.execute("UPDATE passages SET list = NULL WHERE version = ?", (version,))

    def unassigned(self, version: str, limit: int) -> list[tuple[int, bytes]]:
        """(id, vector) of passages not yet in a list."""
        return [
            (int(r[0]), bytes(r[1]))
            for r in self.db.execute(
                "SELECT id, vector FROM passages WHERE version = ? AND list IS NULL "
                "ORDER BY id LIMIT ?",
                (version, limit),
            )
        ]

    def assign(self, rows: Sequence[tuple[int, int]]) -> None:
        """Put passages in lists: (passage id, list)."""
        with self.db:
            self.db.executemany(
                "UPDATE passages SET list = ? WHERE id = ?", [(lst, pid) for pid, lst in rows]
            )

    def sizes(self, version: str) -> tuple[int, int]:
        """(passages in lists, passages waiting for one)."""
        row = self.db.execute(
            "SELECT count(list), count(*) - count(list) FROM passages WHERE version = ?",
            (version,),
        ).fetchone()
        return int(row[0]), int(row[1])

    def vectors_in(self, version: str, lists: Sequence[int]) -> list[tuple[int, bytes]]:
        """(id, vector) of the passages in these lists, and of those not yet in one."""
        return [
            (int(r[0]), bytes(r[1]))
            for r in self.db.execute(
                "SELECT id, vector FROM passages WHERE version = ? "
                "AND (list = ANY(?) OR list IS NULL)",
                (version, list(lists)),
            )
        ]
