"""The full-text index of an archive kept in PostgreSQL: the same calls as
``search.fulltext.FullText`` (tantivy beside a SQLite archive), answered by the
database's ``tsvector`` documents (``store.postgres_search``) with queries compiled by
``search.tsquery``. Nothing is staged in memory: a video is searchable once stored.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from newsreel.errors import QueryError
from newsreel.models import Filters, IndexedVideo
from newsreel.search.query import Node
from newsreel.search.tsquery import compile_tsquery


class PostgresFullText:
    """Full-text search over the ``search_docs`` table of a PostgreSQL archive."""

    # Trend counts cannot be read back from these ranks (ts_rank is no BM25): they are
    # counted in the transcripts (``analytics.trends``).
    invertible = False

    def __init__(self, documents: Any) -> None:
        self._docs = documents

    def stage(self, videos: Iterable[IndexedVideo]) -> int:
        """Store videos' documents (searchable at once); return how many."""
        return int(self._docs.put(videos))

    def commit(self) -> None:
        """Nothing to do: documents are committed as they are stored."""

    def add(self, videos: Iterable[IndexedVideo]) -> int:
        """Store videos' documents; return how many."""
        return self.stage(videos)

    def clear(self) -> None:
        """Remove every document."""
        self._docs.clear()

    def close(self) -> None:
        """Nothing to release."""

    def reload(self) -> None:
        """Nothing to reload: every query reads the database."""

    def documents(self) -> int:
        """How many videos are indexed."""
        return int(self._docs.count())

    def search(
        self,
        node: Node,
        filters: Filters,
        limit: int,
        offset: int = 0,
        sort: str = "relevance",
        among: Sequence[int] | None = None,
    ) -> list[tuple[int, float]]:
        """(transcript id, rank) of matching videos, best (or newest) first."""
        query = compile_tsquery(node)
        if limit < 1 or query is None:
            return []
        try:
            found = self._docs.match(query, filters, limit, offset, sort, among)
        except sqlite3.DatabaseError as exc:  # the store's errors (a tsquery refused)
            raise QueryError(f"the search engine rejected the query: {exc}") from None
        return list(found)

    def ranked(
        self, parts: Sequence[tuple[Node, float]], filters: Filters, limit: int
    ) -> list[tuple[int, float]]:
        """(transcript id, rank) of videos matching any of the weighted queries, best
        first: one SQL query ordered by the highest weight x rank among them."""
        compiled = [(q, w) for n, w in parts if (q := compile_tsquery(n)) is not None]
        if limit < 1 or not compiled:
            return []
        try:
            return list(self._docs.ranked(compiled, filters, limit))
        except sqlite3.DatabaseError as exc:  # the store's errors (a tsquery refused)
            raise QueryError(f"the search engine rejected the query: {exc}") from None

    def all_ids(self, node: Node, filters: Filters) -> list[int]:
        """Transcript ids of every matching video."""
        query = compile_tsquery(node)
        return [] if query is None else list(self._docs.all_ids(query, filters))

    def facets(self, node: Node, filters: Filters, limit: int) -> dict[str, list[tuple[str, int]]]:
        """Counts of matching videos per channel, language and month."""
        query = compile_tsquery(node)
        if query is None:
            return {"channel": [], "language": [], "month": []}
        return dict(self._docs.facets(query, filters, limit))

    def doc_freqs(self, terms: Iterable[str]) -> dict[str, int]:
        """In how many videos' transcripts each (folded) term occurs."""
        return dict(self._docs.doc_freqs(terms))

    def vocabulary(self) -> dict[str, int]:
        """Every indexed word with its document count."""
        return dict(self._docs.vocabulary())
