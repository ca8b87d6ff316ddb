"""``Indexes``: the one owner of an archive's derived indexes.

Three structures are derived from the archive's rows and can always be rebuilt from
them: the full-text index (tantivy, a folder ``<archive>.fulltext``), the sound-alike
vocabulary (a table, recounted from the full-text index's terms) and the passage-vector
index (usearch HNSW, a file ``<archive>.vectors``). ``sync()`` brings all three up to
date incrementally; ``rebuild()`` starts them over. Nothing else opens or writes them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsreel.budget import check_time
from newsreel.errors import StoreError
from newsreel.models import Filters, IndexedVideo
from newsreel.search import ivf
from newsreel.search.compounds import with_split_forms
from newsreel.search.fulltext import FORMAT, READABLE, WITH_PAIRS, FullText
from newsreel.search.pg_fulltext import PostgresFullText
from newsreel.search.query import Node, Term
from newsreel.search.semantic import VERSION
from newsreel.search.soundalike import context_counts, telling
from newsreel.search.vectors import Semantic, sync_index
from newsreel.store.base import Store
from newsreel.store.copy import PENDING as COPY_PENDING
from newsreel.store.copy import UNFINISHED as UNFINISHED_COPY
from newsreel.text import SOUND_KEYS, sound_key

OWNER_FILE = "archive-id"
FORMAT_FILE = "format"  # the index's schema (fulltext.FORMAT); none: format 1
INDEX_CHUNK = 20_000
CONTEXT_DOCUMENTS = 10  # transcripts read for a word's usual context


def _can_write(path: Path) -> bool:
    return os.access(path, os.W_OK)


@dataclass(frozen=True, slots=True)
class IndexPaths:
    """Where an archive's derived indexes live (None for an in-memory archive)."""

    fulltext: Path | None
    vectors: Path | None

    @classmethod
    def beside(cls, archive: str) -> IndexPaths:
        """The index paths of the archive file ``archive``."""
        if archive == ":memory:" or archive.startswith(("postgresql://", "postgres://")):
            return cls(None, None)  # in memory, or in the database itself
        return cls(Path(archive + ".fulltext"), Path(archive + ".vectors"))


class Indexes:
    """The full-text index, sound-alike vocabulary and vector index of one archive."""

    def __init__(self, store: Store, *, read_only: bool = False, version: str = VERSION) -> None:
        self.store = store
        self.version = version  # the embedder version whose vectors the index holds
        self.read_only = read_only
        self.paths = IndexPaths.beside(store.path)
        self._fulltext: FullText | PostgresFullText | None = None
        self.in_database = hasattr(store, "documents")  # PostgreSQL: search in the database
        self._semantic: Semantic | None = None
        self._staged: list[int] = []  # transcripts handed to the index, not committed
        self._data_version: int | None = None
        self._scratch: str | None = None  # a copy of the index read from a read-only disk
        self._pairs = False  # the index holds pair terms (format "4+pairs")
        self._outlets = True  # False: an index of format 3, read as it is
        self._format: str | None = None  # the format the open index was found in
        self._contexts: dict[str, set[str]] = {}  # word -> telling context words
        self._doc_freqs: dict[str, int] = {}  # term -> transcripts holding it

    # -- the structures ---------------------------------------------------------

    @property
    def fulltext(self) -> FullText | PostgresFullText:
        """The full-text index beside the archive, or in its database (opened on first
        use)."""
        return self._opened(build=True)

    def _opened(self, build: bool) -> FullText | PostgresFullText:
        """The full-text index, opened; one of an older format is removed and, with
        ``build``, rebuilt from the rows now (else queued: ``rebuild`` does it once)."""
        if self._fulltext is None and self.in_database:
            self._fulltext = PostgresFullText(self.store.documents)  # type: ignore[attr-defined]
            if not self.read_only and self._fulltext.documents() == 0:
                self.store.search.queue_all()
        if self._fulltext is None:
            folder = self.paths.fulltext
            if self.read_only and folder is not None and not folder.exists():
                if self.store.search.state(COPY_PENDING):
                    raise StoreError(f"{self.store.path} {UNFINISHED_COPY}")
                raise StoreError(
                    f"the full-text index of {self.store.path} is missing; "
                    "run 'newsreel reindex' to rebuild it from the archive"
                )
            rebuilt = folder is not None and self._check_format(folder)
            self._fulltext = self._open_fulltext(folder)
            if folder is not None:
                self._check_owner(folder)
            if rebuilt:  # an index of an older format, removed: rebuilt from the rows
                self.store.search.queue_all()
                if build:
                    self.index_pending()
            if not self.read_only and self._fulltext.documents() == 0:
                self.store.search.queue_all()  # a new or deleted index: rebuild from rows
        return self._fulltext

    def _check_format(self, folder: Path) -> bool:
        """Make sure the index beside the archive has this version's schema: an index of
        an older format is removed (and rebuilt: True) when writing, an error naming
        ``newsreel reindex`` when reading."""
        marker = folder / FORMAT_FILE
        built = (folder / "meta.json").exists()
        found = marker.read_text().strip() if marker.exists() else ("1" if built else None)
        self._format = found
        self._pairs, self._outlets = found == WITH_PAIRS, True
        if found in (FORMAT, WITH_PAIRS):
            return False
        if self.read_only and found in READABLE:  # read as it is, rebuilt on writing
            self._outlets = False
            return False
        if self.read_only:
            if found is None:  # an empty folder: nothing to read, nothing wrong
                return False
            raise StoreError(
                f"the full-text index {folder} was built by another Newsreel (format "
                f"{found}, this version reads {FORMAT} and {WITH_PAIRS}); run 'newsreel "
                "reindex' to rebuild it"
            )
        if built:
            shutil.rmtree(folder)
        folder.mkdir(parents=True, exist_ok=True)
        marker.write_text(FORMAT + "\n")
        self._format = FORMAT
        return built

    def _open_fulltext(self, folder: Path | None) -> FullText:
        try:
            return FullText(folder, self._pairs, self._outlets)
        except StoreError:
            if not self.read_only or folder is None or _can_write(folder):
                raise
        # A read-only file system: the index wants to write its lock files, so read a
        # private copy of it (removed on close).
        self._scratch = tempfile.mkdtemp(prefix="newsreel-index-")
        copy = Path(self._scratch) / folder.name
        try:  # the copy is ours to write: not the read-only modes of the original
            shutil.copytree(folder, copy, copy_function=shutil.copyfile)
            for inner, _, _ in os.walk(copy):
                os.chmod(inner, 0o700)
            return FullText(copy, self._pairs, self._outlets)
        except BaseException:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None
            raise

    @property
    def semantic(self) -> Semantic:
        """Nearest-passage search over the archive's vectors (index loaded on first use)."""
        if self._semantic is None:
            self._semantic = Semantic(self.store, self.paths.vectors, self.version)
        return self._semantic

    def _check_owner(self, folder: Path) -> None:
        """Make sure the index beside the archive was built from this archive (a folder
        left by a deleted archive of the same name must not answer its searches)."""
        assert self._fulltext is not None
        marker = folder / OWNER_FILE
        owner = marker.read_text().strip() if marker.exists() else None
        state = self.store.search
        archive_id = state.state("archive_id")
        if self.read_only:
            if archive_id and owner and owner != archive_id:
                raise StoreError(
                    f"the full-text index {folder} belongs to another archive; "
                    "run 'newsreel reindex' to rebuild it from this one"
                )
            return
        adopt = False
        if archive_id is None:
            # An archive made before indexes were marked keeps its index; a new, empty
            # archive must not adopt a folder some deleted archive left behind.
            adopt = owner is None and state.has_videos()
            archive_id = uuid.uuid4().hex
            state.set_state("archive_id", archive_id)
        stale = owner is not None or self._fulltext.documents() > 0
        if owner != archive_id and not adopt and stale:
            self._fulltext.clear()
            state.queue_all()
        if owner != archive_id:
            marker.write_text(archive_id + "\n")

    # -- keeping them up to date ------------------------------------------------

    def stage(self, videos: Sequence[IndexedVideo]) -> int:
        """Hand transcripts to the full-text index's threads, which index them while the
        caller goes on; ``flush`` commits them. Returns how many."""
        count = self.fulltext.stage(videos)
        self._staged.extend(v.transcript_id for v in videos)
        return count

    def flush(self) -> None:
        """Commit what was staged; only then does it leave the archive's queue (a crash
        before the commit leaves it queued, and indexing a video twice replaces it)."""
        if self._staged:
            self._contexts, self._doc_freqs = {}, {}
            self.fulltext.commit()
            self.store.search.dequeue_ids(self._staged)
            self._staged = []

    def index_pending(self, chunk: int = INDEX_CHUNK) -> int:
        """Add every queued transcript to the full-text index, committing chunk by
        chunk; return how many were indexed."""
        self.flush()
        return self._drain(self.fulltext, chunk)

    def _drain(self, index: FullText | PostgresFullText, chunk: int = INDEX_CHUNK) -> int:
        """Index the queued transcripts into ``index``, committing chunk by chunk, each
        chunk leaving the queue once committed; return how many."""
        done = 0
        while True:
            last, videos = self.store.search.queued(chunk)
            if not last:
                return done
            done += index.stage(videos)
            index.commit()
            self.store.search.dequeue(last)  # superseded versions leave the queue too

    def refresh_vocabulary(self) -> int:
        """Recount the sound-alike vocabulary from the full-text index's terms when
        transcripts were added since the last count; return its size (0: up to date)."""
        state = self.store.search
        stamp = f"{state.vocabulary_stamp()}+{SOUND_KEYS}"  # new transcripts, or new keys
        if state.state("vocabulary") == stamp:
            return 0
        rows = (
            (key, term, docs)
            for term, docs in self.fulltext.vocabulary().items()
            if (key := sound_key(term))
        )
        return state.save_vocabulary(rows, stamp)

    def sync_vectors(self) -> None:
        """Bring the vector index (a file beside the archive, or lists in its database)
        up to date with the stored passages."""
        if self.in_database:
            ivf.sync(self.store, self.version)
        else:
            sync_index(self.store, self.paths.vectors, version=self.version)
        self._semantic = None

    def sync(self) -> int:
        """Bring every index up to date with the archive; return transcripts indexed."""
        done = self.index_pending()
        self.refresh_vocabulary()
        if self.store.passages.passage_count(self.version)[0] or self._vector_file_stale():
            self.sync_vectors()
        return done

    def _vector_file_stale(self) -> bool:
        path = self.paths.vectors
        return path is not None and path.exists()

    def phrase_pairs(self, on: bool) -> int:
        """Rebuild the full-text index with (or without) the pair terms of a common word
        and its neighbour (``search.pairs``): phrases of frequent words are looked up as
        one term, indexing is slower. Return the videos indexed.

        The new index is built in a folder beside the old one, which answers searches
        until the new one takes its place; an interrupted build leaves the old index
        whole (the rows it re-queued are indexed again by the next sync)."""
        folder = self.paths.fulltext
        if folder is None:
            raise StoreError(
                "phrase pairs are a choice of the tantivy index beside a SQLite archive; "
                f"{self.store.path} keeps its full text elsewhere (PostgreSQL or memory)"
            )
        self.flush()
        if self._fulltext is not None:
            self._fulltext.close()
            self._fulltext = None
        building = folder.with_name(folder.name + ".building")
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir(parents=True)
        (building / FORMAT_FILE).write_text((WITH_PAIRS if on else FORMAT) + "\n")
        archive_id = self.store.search.state("archive_id")
        if archive_id:
            (building / OWNER_FILE).write_text(archive_id + "\n")
        index = FullText(building, pairs=on)
        self.store.search.queue_all()
        done = self._drain(index)
        index.close()
        old = folder.with_name(folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        building.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
        return done

    def rebuild(self) -> int:
        """Rebuild every index from the archive's rows; return the videos indexed."""
        self._opened(build=False).clear()
        self.store.search.queue_all()
        self.store.search.set_state("vocabulary", "stale")
        if self.paths.vectors is not None:
            self.paths.vectors.unlink(missing_ok=True)
        if self.in_database:
            self.store.search.set_state(f"ivf:{self.version}", "0")  # centroids made anew
        return self.sync()

    # -- reading (each call checks the query's time budget first: newsreel.budget) --

    def match(
        self,
        node: Node,
        filters: Filters,
        limit: int,
        offset: int = 0,
        sort: str = "relevance",
        among: Sequence[int] | None = None,
    ) -> list[tuple[int, float]]:
        """(transcript id, score) of current transcripts matching a query."""
        check_time()
        return self.fulltext.search(node, filters, limit, offset, sort, among)

    def outlets(self, transcript_ids: Sequence[int]) -> Mapping[int, object]:
        """Something equal for transcripts of one outlet (None: unknown), by id: the
        tantivy index's outlet codes, else (PostgreSQL, an index of an earlier format
        being read) the archive's channels."""
        index = self.fulltext
        if not isinstance(index, PostgresFullText) and index.has_outlets:
            return index.outlets(transcript_ids)
        return self.store.videos.outlets(transcript_ids)

    def ranked(
        self, parts: Sequence[tuple[Node, float]], filters: Filters, limit: int
    ) -> list[tuple[int, float]]:
        """(transcript id, score) of current transcripts matching any of the weighted
        queries, by the highest weight x score among those they match."""
        check_time()
        return self.fulltext.ranked(parts, filters, limit)

    def with_split_forms(self, node: Node) -> Node:
        """``node`` with each long word also matching the two words the archive's
        captions split it into (``compounds.with_split_forms``: "sportswashing")."""
        return with_split_forms(
            node, self.term_doc_freqs, lambda phrase: bool(self.matching_ids(phrase, Filters()))
        )

    def matching_ids(self, node: Node, filters: Filters) -> list[int]:
        """Transcript ids of every video matching the query (within the time budget,
        checked before and after the index's one call)."""
        check_time()
        ids = self.fulltext.all_ids(node, filters)
        check_time()
        return ids

    def facets(
        self, node: Node, filters: Filters, limit: int = 20
    ) -> dict[str, list[tuple[str, int]]]:
        """Counts of matching videos per channel, language and month."""
        check_time()
        return self.fulltext.facets(node, filters, limit)

    def term_doc_freqs(self, terms: Iterable[str]) -> dict[str, int]:
        """In how many indexed transcripts each folded term occurs (remembered with the
        contexts, until the archive changes)."""
        wanted = list(terms)
        missing = [t for t in wanted if t not in self._doc_freqs]
        if missing:
            if len(self._doc_freqs) > 200_000:
                self._doc_freqs = {}
            self._doc_freqs.update(self.fulltext.doc_freqs(missing))
        return {t: self._doc_freqs[t] for t in wanted}

    def context(self, word: str) -> set[str]:
        """The telling words around a folded word in the titles and transcripts of the
        (at most ``CONTEXT_DOCUMENTS``) videos where it weighs most: what it usually
        comes with in this archive (remembered until the archive changes)."""
        if word not in self._contexts:
            check_time()
            if len(self._contexts) > 10_000:  # a long-running server: forget, recompute
                self._contexts = {}
            ids = [t for t, _ in self.fulltext.search(Term(word), Filters(), CONTEXT_DOCUMENTS)]
            rows = self.store.videos.hit_rows(ids).values() if ids else ()
            counts = context_counts([t for r in rows for t in (r.title or "", r.text)], word)
            freqs = self.term_doc_freqs(counts) if counts else {}
            documents = max(1, self.store.search.indexed_documents())
            self._contexts[word] = telling(counts, freqs, documents)
        return self._contexts[word]

    def pending(self) -> int:
        """Transcripts waiting for the full-text index."""
        return self.store.search.pending()

    def notice_writes(self) -> bool:
        """Catch up with what other processes wrote (an ingest beside a server): reload
        the full-text index and forget the loaded vector index when the archive changed
        since the last call; return whether it had."""
        version = self.store.search.data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        if self._fulltext is not None and self._format_changed():
            self._fulltext.close()  # rebuilt with another schema: opened anew on next use
            self._fulltext = None
        if self._fulltext is not None:
            self._fulltext.reload()
        self._semantic = None
        self._contexts, self._doc_freqs = {}, {}
        return True

    def _format_changed(self) -> bool:
        """Whether the index folder now holds another format than the one opened (a
        ``reindex --phrase-pairs`` or an upgrade by another process)."""
        folder = self.paths.fulltext
        if folder is None or self.in_database or self._format is None:
            return False
        marker = folder / FORMAT_FILE
        try:
            return marker.read_text().strip() != self._format
        except OSError:
            return True

    def release_writer(self) -> None:
        """Let go of the full-text index's writer and its lock (reading goes on), so
        that another process may write the index: a server or a notebook keeps its
        archive open between writes."""
        if self._fulltext is not None:
            self._fulltext.close()

    def close(self) -> None:
        """Close the full-text index."""
        if self._fulltext is not None:
            self._fulltext.close()
            self._fulltext = None
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def __enter__(self) -> Indexes:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
