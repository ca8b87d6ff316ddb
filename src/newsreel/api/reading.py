"""Search, browse, passages and exports of videos."""

from __future__ import annotations

import itertools
import math
import numbers
import re
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz.distance import Levenshtein

from newsreel.api.base import MAX_LIMIT, MAX_OFFSET, ArchiveBase, Outlets
from newsreel.errors import ConfigError, NotFoundError, QueryError
from newsreel.export import (
    FORMATS,
    PASSAGE_COLUMNS,
    flatten,
    frame_types,
    passage_records,
    table_columns,
    write_rows,
)
from newsreel.models import Filters, SearchHit
from newsreel.rows import (
    PassageRow,
    VideoRow,
)
from newsreel.search.engine import (
    MODES,
    SORTS,
    entity_notes,
    filtered_entity,
    hybrid,
    lexical,
    passage_rows,
    semantic,
)
from newsreel.search.occurrences import MAX_WIDTH, WIDTH
from newsreel.search.query import And, Node, Phrase, Term, parse_query
from newsreel.search.soundalike import (
    max_distance,
    phrase_words,
    query_words,
    same_start,
    suggestion,
)
from newsreel.text import fold

if TYPE_CHECKING:
    import pandas as pd


_NAME_TYPED = re.compile(r"[A-Z][\w'-]*(?: [A-Z][\w'-]*){1,3}")  # "Shin Bet", "Kim Jong Un"
_WORDS = re.compile(r"\w+")
_NAMES_ASKED = 20_000  # entities mentioned most that a misspelt query may name
_NAMED_FOR = 60.0  # seconds "did you mean" reuses them for, unless this object writes


class ReadingMethods(ArchiveBase):
    """Search, browse, passages and the videos table of an archive, and their exports."""

    def search(
        self,
        query: str,
        *,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 20,
        offset: int = 0,
        exact: bool = False,
        sort: str = "relevance",
        mode: str = "lexical",
    ) -> list[SearchHit]:
        """Search: words, "phrases", OR, -exclusion, NEAR/n, filters; best matches first.

        ``mode``: lexical (words, and the ways captions misheard them unless ``exact``),
        semantic (passages nearest in meaning; ``embed`` makes them), or hybrid (both,
        fused by normalised score: see ``search.engine.hybrid``). ``sort``: relevance,
        or date (newest first; lexical matches only).
        """
        if not isinstance(query, str):
            raise QueryError(f"a query is text, not {type(query).__name__}")
        for name, value in (("limit", limit), ("offset", offset)):
            if isinstance(value, bool) or not isinstance(value, numbers.Integral):
                raise ConfigError(f"{name} must be a whole number, not {value!r}")
        if not 1 <= limit <= MAX_LIMIT:
            raise ConfigError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        if not 0 <= offset <= MAX_OFFSET:
            raise ConfigError(f"offset must be between 0 and {MAX_OFFSET:,}, not {offset}")
        if sort not in SORTS:
            raise ConfigError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
        if mode not in MODES:
            raise ConfigError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        if sort == "date" and mode != "lexical":
            raise ConfigError("sort date orders lexical matches; use it with mode lexical")
        parsed, chosen = self._parse(query, channel, lang, since, until)
        if mode == "semantic":
            return semantic(self.indexes, parsed.node, chosen, limit=limit, offset=offset)
        if mode == "hybrid":
            return hybrid(
                self.indexes,
                parsed.node,
                chosen,
                limit=limit,
                offset=offset,
                exact=exact,
                dropped=parsed.dropped,
            )
        return lexical(
            self.indexes,
            parsed.node,
            chosen,
            limit=limit,
            offset=offset,
            exact=exact,
            sort=sort,
            dropped=parsed.dropped,
        )

    def entity_filters(self, query: str) -> tuple[list[int], list[str]]:
        """The ids of the entities a query's ``entity:`` filters name, and what a user
        should know of them (a spelling that is other entities' too: ``entity_notes``);
        a ``QueryError`` for a malformed query or an unknown entity."""
        names = parse_query(query).entities
        ids = [filtered_entity(self.store, name)[0] for name in names]
        return list(dict.fromkeys(ids)), entity_notes(self.store, names)

    def did_you_mean(self, query: str) -> str | None:
        """The query with each word no video holds replaced by the word it most likely
        meant, the most frequent within two letters ("Epstien" -> "Epstein"); None where
        every word is held, none is close, or the respelled query finds nothing."""

        def held(words: list[str]) -> dict[str, int]:  # said, in a title, or said split
            said = self.indexes.fulltext.doc_freqs(words)  # ("bio-weapons" for "bioweapons")
            return {
                w: n
                or len(self.indexes.matching_ids(self.indexes.with_split_forms(Term(w)), Filters()))
                for w, n in said.items()
            }

        parsed = parse_query(query)
        meant = suggestion(parsed.node, self.store.search.sound_variants, held)
        if meant:  # none for "Shin Bet", named as the archive names the entity
            named = self._entity_words(parsed.node)
            meant = {w: m for w, m in meant.items() if w not in named and m not in parsed.dropped}
        if not meant:
            return None
        # an entity's name for the whole query, where it names no filter to keep
        name = None if parsed.filtered else self._entity_meant(parsed.node, meant)
        if name is not None:  # "Shin Bett": the entity "Shin Bet", not "Shine Beat"
            node, chosen = self._widest(
                name, False, channel=None, lang=None, since=None, until=None
            )
            if self.indexes.matching_ids(node, chosen):
                return name

        def respelled(match: re.Match[str]) -> str:
            word = match.group()
            better = meant.get(fold(word))
            if better is None:
                return word
            return better.capitalize() if word[:1].isupper() else better

        respelt = _WORDS.sub(respelled, query)
        # a name typed as one ("Shin Bet") is respelled as one, said as respelled: not
        # "Shine Bet" (two words said apart) nor "Shim Bet" (heard like what was typed)
        as_name = _NAME_TYPED.fullmatch(query.strip()) is not None
        asked = f'"{respelt.strip()}"' if as_name else respelt
        node, chosen = self._widest(asked, as_name, channel=None, lang=None, since=None, until=None)
        return respelt if self.indexes.matching_ids(node, chosen) else None  # never a query
        # that finds nothing ("Mar-a-Logo", "Azade Majumder")

    def _entity_meant(self, node: Node, meant: dict[str, str]) -> str | None:
        """The name of an entity the archive mentions often (or its surname, for one
        word) that a query of plain words misspells, closer in letters than the words
        respelled one by one, or as close ("Shin Bett": "Shin Bet", not "Shine Beat"; "Infantio":
        "Infantino", not "Infancy"), each ten times the mentions counting as one letter
        closer; None where none is."""
        if not isinstance(node, Term | Phrase | And) or (isinstance(node, And) and node.exclude):
            return None
        words = query_words(node)
        if not words or (
            isinstance(node, And) and not all(isinstance(p, Term) for p in node.include)
        ):
            return None
        typed = " ".join(words)
        respelt = sum(Levenshtein.distance(w, meant.get(w, w)) for w in words)
        best: tuple[float, str] | None = None
        for name, mentions in self._named_often():
            forms = [name, name.split()[-1]] if len(words) == 1 else [name]
            for form in forms:
                distance = Levenshtein.distance(typed, fold(form))
                if 0 < distance <= min(respelt, max_distance(typed)) and same_start(
                    typed, fold(form)
                ):
                    score = distance - math.log10(mentions)
                    if best is None or score < best[0]:
                        best = (score, form)
        return best[1] if best else None

    def _named_often(self) -> list[tuple[str, int]]:
        """The entities mentioned most, with their mentions: read again after a write
        through this archive object, or ``_NAMED_FOR`` seconds after the last read (a
        write by another process), not on every query (a count over every mention)."""
        now, named = time.monotonic(), self.named  # one read: a writer may clear it
        if named is None or now - named[0] > _NAMED_FOR:
            named = (now, self.store.entities.named_often(_NAMES_ASKED))
            self.named = named
        return named[1]

    def _entity_words(self, node: Node) -> set[str]:
        """The words of a query (all of them, or a phrase's) that spell an entity's
        canonical name: typed as the archive names it, so no typo ("Shin Bet" is no
        "Shim Bet", the captions' mishearing)."""
        out: set[str] = set()
        for words in [query_words(node), *phrase_words(node)]:
            name = " ".join(fold(w) for w in words)
            try:
                _, canonical, _ = self.store.entities.find_entity(name)
            except NotFoundError:
                continue
            if fold(canonical) == name:
                out.update(fold(w) for w in words)
        return out

    def facets(
        self,
        query: str,
        *,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
        exact: bool = False,
    ) -> dict[str, list[tuple[str, int]]]:
        """How many videos match (heard variants included), per channel, language, month."""
        return self.indexes.facets(
            *self._widest(query, exact, channel=channel, lang=lang, since=since, until=until)
        )

    def browse(
        self,
        *,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> tuple[int, list[VideoRow]]:
        """Videos passing the filters, newest first (no query): (total, rows with
        ``video_id``, ``title``, ``channel``, ``language``, ``publish_date``, ``words``)."""
        if not 1 <= limit <= MAX_LIMIT:
            raise ConfigError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        return self.store.videos.browse(
            self._filters(channel, lang, since, until), limit, min(max(0, offset), MAX_OFFSET)
        )

    def table(
        self,
        *,
        query: str | None = None,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
        exact: bool = False,
        mode: str = "lexical",
    ) -> tuple[list[str], Iterator[dict[str, Any]]]:
        """Return (columns, rows): one flat row per video, every metadata column; with a
        ``query``, of the videos it matches as ``mode`` finds them (lexical: every video
        holding the words; semantic or hybrid: the first 1,000 hits).

        Source-specific metadata (e.g. a table's extra columns) become ``extra.<key>``:
        every key of the archive, whichever rows are chosen, so that tables of two
        queries have the same columns (``pd.concat``).
        """
        columns = table_columns(self.store.videos.extra_keys(Filters(), None))
        if query and mode != "lexical":  # the hits in their order, best first
            chosen, ids, order = self._by_meaning(query, mode, exact, channel, lang, since, until)
            rank = {video_id: n for n, video_id in enumerate(order)}
            rows = sorted(
                self.store.videos.iter_rows(chosen, ids), key=lambda r: rank[r["video_id"]]
            )
            return columns, flatten(iter(rows), columns)
        chosen, matched = self._chosen(query, channel, lang, since, until, exact, mode)
        return columns, flatten(self.store.videos.iter_rows(chosen, matched), columns)

    def export(
        self, path: str | Path, fmt: str | None = None, *, raw_csv: bool = False, **filters: Any
    ) -> int:
        """Write the (filtered) archive to CSV, JSONL or Parquet; return rows written. CSV
        cells that start like a spreadsheet formula get a leading "'" unless ``raw_csv``."""
        target = self._writable_target(path)
        kind = _format_of(target, fmt)
        columns, rows = self.table(**filters)
        return write_rows(rows, columns, kind, target, raw_csv=raw_csv)

    def to_pandas(self, **filters: Any) -> pd.DataFrame:
        """Return the (filtered) archive as a pandas DataFrame, one row per video."""
        import pandas as pd

        columns, rows = self.table(**filters)
        frame = pd.DataFrame.from_records(list(rows), columns=columns)
        frame = frame.astype(frame_types(columns))  # an empty frame keeps them (concat)
        frame["publish_date"] = pd.to_datetime(frame["publish_date"])
        return frame

    def iter_passages(
        self,
        query: str,
        *,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
        exact: bool = False,
        limit: int | None = None,
        offset: int = 0,
        width: int = WIDTH,
    ) -> Iterator[PassageRow]:
        """Every passage where the query matches (``PassageRow``): videos in search
        order, passages in transcript order, a passage about ``width`` words around its
        matches (heard variants included unless ``exact``); ``limit`` and ``offset``
        count passages (``limit`` None: all). Checks and ranks at once, then reads the
        transcripts as the rows are consumed."""
        if limit is not None and limit < 1:
            raise ConfigError(f"limit must be 1 or more (or None for every passage), not {limit}")
        if not 0 <= offset <= MAX_OFFSET:
            raise ConfigError(f"offset must be between 0 and {MAX_OFFSET:,}, not {offset}")
        if not 1 <= width <= MAX_WIDTH:
            raise ConfigError(f"width must be between 1 and {MAX_WIDTH} words, not {width}")
        parsed, chosen = self._parse(query, channel, lang, since, until)
        rows = passage_rows(
            self.indexes, parsed.node, chosen, exact=exact, dropped=parsed.dropped, width=width
        )
        return itertools.islice(rows, offset, None if limit is None else offset + limit)

    def passages(self, query: str, **options: Any) -> pd.DataFrame:
        """``iter_passages`` as a pandas DataFrame, one row per passage, ``publish_date``
        as datetime."""
        import pandas as pd

        rows = [r.to_dict() for r in self.iter_passages(query, **options)]
        frame = pd.DataFrame.from_records(rows, columns=PASSAGE_COLUMNS)
        frame = frame.astype(frame_types(PASSAGE_COLUMNS))  # an empty frame keeps them
        frame["publish_date"] = pd.to_datetime(frame["publish_date"])
        return frame

    def export_passages(
        self,
        path: str | Path,
        fmt: str | None = None,
        *,
        query: str,
        raw_csv: bool = False,
        **options: Any,
    ) -> int:
        """Write every passage where ``query`` matches (``iter_passages``; its filters
        and options) to CSV, JSONL or Parquet, streaming; return passages written."""
        target = self._writable_target(path)
        kind = _format_of(target, fmt)
        rows = passage_records(self.iter_passages(query, **options), kind)
        return write_rows(rows, PASSAGE_COLUMNS, kind, target, raw_csv=raw_csv)


def _format_of(target: Path, fmt: str | None) -> str:
    """The export format: ``fmt``, else the file's suffix; a ``ConfigError`` for an
    unknown one, or for a format the file's own known suffix contradicts ("x.csv" as
    Parquet would be a Parquet file no spreadsheet opens)."""
    suffix = target.suffix.lstrip(".").lower()
    kind = (fmt or suffix).lower()
    if kind not in FORMATS:
        raise ConfigError(f"unknown export format {kind!r}; choose one of {', '.join(FORMATS)}")
    if suffix in FORMATS and suffix != kind:
        raise ConfigError(f"{target}: a .{suffix} file cannot hold {kind}; name it .{kind}")
    return kind
