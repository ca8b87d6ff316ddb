"""The Python API: ``open_archive(path)`` returns an ``Archive`` mirroring the CLI."""

from __future__ import annotations

import functools
import itertools
import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsreel.analytics.compare import compare_outlets
from newsreel.analytics.trends import TrendRow, Trends
from newsreel.entities.counts import entities_of
from newsreel.entities.spelling import key as link_key
from newsreel.entities.stage import EnrichStage, EnrichSummary
from newsreel.errors import ConfigError, NotFoundError
from newsreel.export import (
    FORMATS,
    PASSAGE_COLUMNS,
    flatten,
    passage_records,
    table_columns,
    write_rows,
)
from newsreel.ingest.collect import CollectOptions, Factory, collect_videos
from newsreel.ingest.collect import Progress as CollectProgress
from newsreel.ingest.edits import checked_edits
from newsreel.ingest.files import InputFile
from newsreel.ingest.formats.provenance import USER
from newsreel.ingest.groups import check_group_name, expand_groups, is_group, match_outlets
from newsreel.ingest.outlets import OutletAliases, merge_plan
from newsreel.ingest.reading import DEFAULT_MAX_FILE_SIZE
from newsreel.ingest.runner import Dispatch, Progress, ingest_paths
from newsreel.models import (
    CollectSummary,
    Filters,
    IngestSummary,
    QuarantineItem,
    SearchHit,
    StageState,
    Stats,
    VideoDetail,
)
from newsreel.pipeline.distributed import (
    PARALLEL_STAGES,
    cluster_client,
    ingest_on_cluster,
    make_stage,
    run_stage_on_cluster,
)
from newsreel.pipeline.stage import Progress as StageProgress
from newsreel.pipeline.stage import Stage, StageRun, run_stage
from newsreel.repair.document import Repaired
from newsreel.repair.stage import RepairStage, RepairSummary
from newsreel.repair.view import from_stored
from newsreel.rows import (
    ClaimRow,
    Comparison,
    EntityProfile,
    EntityRow,
    FieldChange,
    GroupEdit,
    JsonRow,
    MetadataEdit,
    OutletGroup,
    OutletMerge,
    OutletRow,
    PassageRow,
    QuoteRow,
    StoryRow,
    Topics,
    VideoMention,
    VideoRow,
)
from newsreel.search.embed import EmbedStage
from newsreel.search.engine import (
    MODES,
    SORTS,
    hybrid,
    lexical,
    passage_rows,
    prepared,
    semantic,
    variants_for,
    widest,
)
from newsreel.search.indexes import Indexes
from newsreel.search.occurrences import MAX_WIDTH, WIDTH
from newsreel.search.query import GROUP_PREFIX, Node, ParsedQuery, parse_query
from newsreel.store import open_store
from newsreel.store.base import Store
from newsreel.store.copy import CopyReport
from newsreel.store.copy import copy_archive as copy_rows
from newsreel.store.lock import ArchiveLock
from newsreel.store.postgres import is_postgres_url, redact
from newsreel.stories.stage import StoriesStage, StorySummary
from newsreel.stories.timeline import first_by_outlet

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_ARCHIVE = "newsreel.db"
TABLES = ("videos", "entities", "mentions", "claims", "quotes")
MAX_LIMIT = 10_000
MAX_OFFSET = 100_000  # deeper pages than this are a narrower query's job
FACET_POOL = 300


class DatabaseURL(str):
    """A PostgreSQL archive's URL (``postgresql://USER@HOST/DB``) where an archive file's
    path may go: it always "exists" (connecting says whether it does). Formatted into a
    message (an f-string) it hides its password; ``str()`` keeps it, to connect."""

    def exists(self) -> bool:
        """An archive in a database is checked when it is opened."""
        return True

    def __format__(self, spec: str) -> str:
        return format(redact(str(self)), spec)


def archive_location(value: str | Path) -> Path | DatabaseURL:
    """An ``--archive`` value: a PostgreSQL URL, else a file path."""
    text = str(value)
    return DatabaseURL(text) if is_postgres_url(text) else Path(value)


def default_archive_path() -> Path | DatabaseURL:
    """The archive used when none is named: $NEWSREEL_ARCHIVE, else ./newsreel.db."""
    return archive_location(os.environ.get("NEWSREEL_ARCHIVE") or DEFAULT_ARCHIVE)


# An outlet filter: one outlet (name or code) or group (group:NAME), or several, any of
# which may match.
Outlets = str | Sequence[str] | None


def _outlet_values(channel: Outlets) -> tuple[str, ...]:
    """The outlets an option names, blanks dropped, each once (case-insensitive)."""
    values = [channel] if isinstance(channel, str) else list(channel or ())
    kept: dict[str, str] = {}
    for value in values:
        kept.setdefault(value.strip().casefold(), value.strip())
    return tuple(v for v in kept.values() if v)


def _combine(
    channel: Outlets,
    lang: str | None,
    since: date | None,
    until: date | None,
    parsed: ParsedQuery | None = None,
) -> Filters:
    """Combine option filters with those the query names; a clash is an error. Outlet
    groups stay unresolved (``Archive._filters`` resolves them)."""
    channels = _outlet_values(channel)
    if parsed is not None and parsed.channels:
        if channels and {c.casefold() for c in channels} != {c.casefold() for c in parsed.channels}:
            raise ConfigError(
                f"--channel {', '.join(channels)} clashes with the query's filter "
                f"({' OR '.join(parsed.channels)})"
            )
        channels = parsed.channels
    chosen: dict[str, Any] = {"language": lang, "since": since, "until": until}
    if parsed is not None:
        for name, flag in (
            ("language", "--lang"),
            ("since", "--since"),
            ("until", "--until"),
        ):
            value = getattr(parsed, name)
            if value is None:
                continue
            if chosen[name] is not None and chosen[name] != value:
                raise ConfigError(
                    f"{flag} {chosen[name]} clashes with the query's filter ({value})"
                )
            chosen[name] = value
    if chosen["since"] and chosen["until"] and chosen["since"] > chosen["until"]:
        raise ConfigError(
            f"--since {chosen['since']} is after --until {chosen['until']}; nothing can match"
        )
    return Filters(channels, **chosen)


class Archive:
    """A Newsreel archive: ingest, search, read and export."""

    def __init__(self, store: Store, *, wait: float = 0.0) -> None:
        self.store = store
        self.indexes = Indexes(store, read_only=store.read_only)
        self.lock = ArchiveLock(store.path, "writing", wait)
        self._trends: Trends | None = None
        self.last_run: StageRun | None = None

    @contextmanager
    def writing(self, purpose: str) -> Iterator[None]:
        """Hold the archive's writer lock (one writer per archive) while writing; waits
        up to the archive's ``wait`` seconds, else ``LockedError`` names the holder."""
        if not self.lock.held:
            self.lock.purpose = purpose
        self.lock.acquire()
        try:
            yield
        finally:
            self.lock.release()

    def _run(self, stage: Stage[Any, Any], progress: StageProgress | None) -> StageRun:
        self.last_run = None
        with self.writing(stage.name):
            self.last_run = run_stage(self.store, stage, progress)
        return self.last_run

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the archive and its indexes."""
        self.indexes.close()
        self.store.close()

    def ingest(
        self,
        paths: Sequence[str | Path],
        *,
        mapping: Mapping[str, str] | None = None,
        jobs: int | None = None,
        progress: Progress | None = None,
        on_start: Callable[[int], None] | None = None,
        on_index: Callable[[int], None] | None = None,
        max_file_size: int = DEFAULT_MAX_FILE_SIZE,
        cluster: str | None = None,
    ) -> IngestSummary:
        """Ingest files and folders; see ``IngestSummary`` for what happened.

        Named pipes, devices, dangling links and files over ``max_file_size`` bytes
        are quarantined with their reason, unopened. ``cluster`` (``local:N`` or
        ``tcp://HOST:8786``) reads and archives the files on Dask workers.
        """
        with self.writing("ingest"), self._dispatcher(cluster, mapping, progress) as dispatch:
            return ingest_paths(
                self.indexes,
                [Path(p) for p in paths],
                mapping=mapping,
                jobs=jobs,
                progress=progress,
                on_start=on_start,
                on_index=on_index,
                max_file_size=max_file_size,
                dispatch=dispatch,
            )

    def _location(self) -> str:
        """Where workers find this archive: its URL, or its file's absolute path."""
        path = self.store.path
        return path if is_postgres_url(path) else os.path.abspath(path)

    @contextmanager
    def _dispatcher(
        self, cluster: str | None, mapping: Mapping[str, str] | None, progress: Progress | None
    ) -> Iterator[Dispatch | None]:
        """Reading and archiving files on the cluster's workers (None: here)."""
        if cluster is None:
            yield None
            return
        with cluster_client(cluster) as client:

            def dispatch(run_id: int, todo: Sequence[InputFile], size: int) -> IngestSummary:
                return ingest_on_cluster(
                    client, self._location(), run_id, todo, mapping or {}, size, progress
                )

            yield dispatch

    def collect(
        self,
        urls: Sequence[str],
        *,
        out: str | Path | None = None,
        since: date | None = None,
        until: date | None = None,
        lang: str = "en",
        limit: int | None = None,
        sleep: float = 1.0,
        cookies: str | Path | None = None,
        proxy: str | None = None,
        ingest: bool = True,
        progress: CollectProgress | None = None,
        downloader: Factory | None = None,
    ) -> CollectSummary:
        """Collect from YouTube (channel, playlist, @handle, video URLs) with yt-dlp into
        ``out`` (default ``<archive>.collected/``): per video its info JSON, captions
        and thumbnail; then ingest that folder unless ``ingest=False`` or interrupted.
        ``downloader(params)`` makes the ``yt_dlp.YoutubeDL`` (tests pass a stand-in)."""
        folder = Path(out) if out is not None else Path(f"{self.store.path}.collected")
        options = CollectOptions(
            since, until, lang, limit, sleep, str(cookies) if cookies else None, proxy
        )
        summary = collect_videos(urls, folder, options, progress=progress, factory=downloader)
        if not ingest or summary.interrupted:
            return summary
        result = self.ingest([folder])
        return replace(
            summary,
            ingested=result.ingested,
            ingest=result,
            interrupted=result.interrupted,
        )

    def reindex(self, phrase_pairs: bool | None = None) -> int:
        """Rebuild the full-text index, sound-alike vocabulary and vector index from the
        archive's records; return the number of videos indexed. With ``phrase_pairs``,
        rebuild the full-text index alone, with (True) or without (False) the pair terms
        that make phrases of frequent words fast (``search.pairs``); the choice stays
        with the index."""
        with self.writing("reindex"):
            if phrase_pairs is not None:
                return self.indexes.phrase_pairs(phrase_pairs)
            return self.indexes.rebuild()

    def repair(self, progress: Callable[[int, int], None] | None = None) -> RepairSummary:
        """Repair every current transcript that is new or was repaired by an older
        model; ``progress(transcripts, words)`` is called after each batch."""
        stage = RepairStage(self.store)
        run = self._run(stage, progress)
        if run.items:
            with self.writing("repair"):
                self.indexes.sync()  # repaired text replaces the raw words in the index
        return RepairSummary(run.items, run.words, run.seconds, stage.already, stage.version)

    def repaired(self, video_id: str) -> Repaired | None:
        """The repaired transcript of a video (None until ``repair`` has run on it)."""
        video = self.store.videos.get_video(video_id)
        return from_stored(video.repair, video.word_times)

    def enrich(self, progress: Callable[[int, int], None] | None = None) -> EnrichSummary:
        """Find entities, claims and quotes in transcripts that are new or were enriched
        by an older version (repaired text where ``repair`` has run)."""
        stage = EnrichStage(self.store)
        run = self._run(stage, progress)
        return EnrichSummary(run.items, run.words, **stage.counts, seconds=run.seconds)

    def entities(self, video_id: str | None = None) -> list[EntityRow]:
        """Entities of one video (or the archive), most mentioned first: ``entity_id``,
        ``name``, ``type``, ``spellings`` (spelling -> count), ``mentions``."""
        if video_id is not None:
            self.store.videos.get_video(video_id)  # NotFoundError for an unknown video
        return self.store.entities.entity_rows(video_id)

    def _entity_row(self, entity_id: int) -> EntityRow:
        rows = self.store.entities.entity_rows(entity_id=entity_id)
        if not rows:
            raise NotFoundError(f"entity {entity_id} is mentioned in no current transcript")
        return rows[0]

    def entity(self, name: str) -> EntityProfile:
        """One entity by id, name or spelling heard: spellings, counts per outlet and
        month, top co-mentioned entities, videos, quotes."""
        entity_id = self.store.entities.find_entity(name)[0]
        return self.store.entities.entity_profile(self._entity_row(entity_id))

    def claims(
        self, video_id: str | None = None, entity: str | None = None, limit: int | None = None
    ) -> list[ClaimRow]:
        """Numbers with what they count and their attribution (with ``limit``, the newest
        that many)."""
        if video_id is not None:
            self.store.videos.get_video(video_id)
            return self.store.entities.claim_rows(video_id=video_id, limit=limit)
        if entity is not None:
            entity_id = self.store.entities.find_entity(entity)[0]
            return self.store.entities.claim_rows(entity_id=entity_id, limit=limit)
        return self.store.entities.claim_rows(limit=limit)

    def quotes(
        self,
        video_id: str | None = None,
        entity: str | None = None,
        *,
        query: str | None = None,
        **filters: Any,
    ) -> list[QuoteRow]:
        """Reported speech: speaker (and entity), text, outlet and date; of one video, one
        speaker entity, or the videos a query and filters (channel, lang, since, until)
        select."""
        if video_id is not None:
            self.store.videos.get_video(video_id)
            return self.store.entities.quote_rows(video_id=video_id)
        rows = (
            self.store.entities.quote_rows(entity_id=self.store.entities.find_entity(entity)[0])
            if entity is not None
            else self.store.entities.quote_rows()
        )
        return self._of_videos(rows, query=query, **filters)

    def _of_videos(self, rows: Sequence[QuoteRow], **filters: Any) -> list[QuoteRow]:
        """The rows of the videos that a query and filters select (all without them)."""
        wanted = self._selected_videos(**filters)
        return list(rows) if wanted is None else [r for r in rows if r.video_id in wanted]

    def _selected_videos(
        self,
        *,
        query: str | None = None,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
        exact: bool = False,
    ) -> set[str] | None:
        """Ids of the videos a query and filters select; None when nothing is asked."""
        if not (query or channel or lang or since or until):
            return None
        chosen, ids = self._chosen(query, channel, lang, since, until, exact)
        return set(self.store.videos.video_ids(chosen, ids))

    def merge_entities(self, source: str, target: str) -> int:
        """Merge entity ``source`` into ``target`` (all its spellings); survives re-runs.
        Returns the mentions moved."""
        with self.writing("entity-merge"):
            return self._merge_entities(source, target)

    def _merge_entities(self, source: str, target: str) -> int:
        source_id, src_name, src_type = self.store.entities.find_entity(source)
        _, dst_name, dst_type = self.store.entities.find_entity(target)
        if src_type != dst_type:
            raise ConfigError(f"cannot merge {src_name} ({src_type}) into {dst_name} ({dst_type})")
        row = self._entity_row(source_id)
        for spelling in row.spellings:
            self.store.entities.set_alias(link_key(spelling), dst_type, dst_name)
        self.store.entities.set_alias(link_key(src_name), dst_type, dst_name)
        return self.store.entities.relink(list(row.spellings), dst_type, dst_name)

    def split_entity(self, name: str, spelling: str, new_name: str | None = None) -> int:
        """Move one spelling out of an entity into its own (``new_name`` or the spelling);
        survives re-runs. Returns the mentions moved."""
        with self.writing("entity-split"):
            return self._split_entity(name, spelling, new_name)

    def _split_entity(self, name: str, spelling: str, new_name: str | None = None) -> int:
        entity_id, canonical, kind = self.store.entities.find_entity(name)
        row = self._entity_row(entity_id)
        matching = [s for s in row.spellings if link_key(s) == link_key(spelling)]
        if not matching:
            raise ConfigError(
                f"{canonical} was never heard as {spelling!r}; spellings: "
                + ", ".join(row.spellings)
            )
        target = new_name or " ".join(w[:1].upper() + w[1:] for w in spelling.split())
        self.store.entities.set_alias(link_key(spelling), kind, target)
        return self.store.entities.relink(matching, kind, target)

    def rename_entity(self, name: str, new_name: str) -> int:
        """Give an entity a name of the user's choice (all its spellings keep it across
        re-runs; a name another entity of its type has merges the two). Returns the
        mentions relinked."""
        with self.writing("entity-rename"):
            return self._rename_entity(name, new_name)

    def _rename_entity(self, name: str, new_name: str) -> int:
        target = " ".join(new_name.split())
        if not target or len(target) > 200:
            raise ConfigError(
                f"a new name of 1 to 200 characters is needed to rename {name!r} "
                f"(got {new_name[:40]!r})"
            )
        entity_id, canonical, kind = self.store.entities.find_entity(name)
        row = self._entity_row(entity_id)
        for spelling in {*row.spellings, canonical}:
            self.store.entities.set_alias(link_key(spelling), kind, target)
        return self.store.entities.relink(list(row.spellings), kind, target)

    def set_metadata(
        self,
        video_id: str,
        *,
        channel: str | None = None,
        publish_date: date | str | None = None,
        title: str | None = None,
        lang: str | None = None,
    ) -> MetadataEdit:
        """Set a video's outlet, date, title or language by hand: kept across re-ingests
        and new transcript versions, searchable at once. The outlet goes through the
        alias tables, the date may be any form ingest reads, the language becomes ISO
        639-1; ``ConfigError`` names a bad value, ``NotFoundError`` an unknown video."""
        aliases = OutletAliases(user=self.store.metadata.outlet_aliases())
        values = checked_edits(
            aliases, channel=channel, publish_date=publish_date, title=title, lang=lang
        )
        with self.writing("set"):
            before = self.store.metadata.set_fields(video_id, values, USER)
            self._metadata_changed()
        return MetadataEdit(
            video_id, tuple(FieldChange(k, before[k], v) for k, v in values.items())
        )

    def merge_outlets(self, source: str, target: str) -> OutletMerge:
        """Make outlet ``source`` one with ``target``: its videos are relabelled now and
        every later ingest gives its spellings the target's name. ``NotFoundError`` when
        the archive has no outlet ``source``, ``ConfigError`` for a merge into itself."""
        with self.writing("outlet-merge"):
            metadata = self.store.metadata
            spellings, name, aliases = merge_plan(
                source, target, metadata.channels(), metadata.outlet_aliases(), self.store.path
            )
            videos = metadata.merge_outlet(aliases, spellings, name)
            self._metadata_changed()
        return OutletMerge(source, name, tuple(spellings), videos)

    def outlets(self) -> list[OutletRow]:
        """Every outlet of the archive with its channel codes, videos and groups, most
        videos first (``(unknown)`` for videos without an outlet)."""
        return self.store.metadata.outlets()

    def groups(self) -> list[OutletGroup]:
        """Every outlet group with its outlets and their videos, by name."""
        return self.store.metadata.outlet_groups()

    def add_to_group(self, name: str, outlets: Sequence[str]) -> GroupEdit:
        """Add outlets (names or codes, case-insensitive) to the group ``name``, making it
        if new; filter by it with ``channel="group:NAME"``. ``ConfigError`` for a bad
        name, one an outlet has, or no outlets; ``NotFoundError`` (with close names) for
        an outlet the archive does not have."""
        known = self.outlets()
        check_group_name(name, known)
        if not outlets:
            raise ConfigError(f"name the outlets to put in the group {name!r}")
        names = match_outlets(
            outlets, known, f"the archive {self.store.path} ('newsreel outlets' lists them)"
        )
        with self.writing("group"):
            added = self.store.metadata.add_to_group(name, names)
        group = self._group(name)
        return GroupEdit(group.name, added, (), group.outlets)

    def remove_from_group(self, name: str, outlets: Sequence[str] = ()) -> GroupEdit:
        """Remove outlets (names or codes) from the group ``name``, or the whole group
        when none are named (a group whose last outlet goes is removed too).
        ``NotFoundError`` for an unknown group or an outlet not in it."""
        group = self._group(name)
        names: list[str] | None = None
        if outlets:
            codes = {o.name.casefold(): o.codes for o in self.outlets()}
            members = [OutletRow(m, codes.get(m.casefold(), ()), 0, ()) for m in group.outlets]
            names = match_outlets(outlets, members, f"the group {group.name!r}")
        with self.writing("group"):
            removed = self.store.metadata.remove_from_group(group.name, names)
        after = self.store.metadata.group_members().get(group.name, ())
        return GroupEdit(group.name, (), removed, after)

    def _group(self, name: str) -> OutletGroup:
        groups = self.groups()
        for group in groups:
            if group.name.casefold() == name.casefold():
                return group
        known = ", ".join(g.name for g in groups) or "none yet"
        raise NotFoundError(f"no outlet group {name!r}; the archive's groups: {known}")

    def _filters(
        self,
        channel: Outlets,
        lang: str | None,
        since: date | None,
        until: date | None,
        parsed: ParsedQuery | None = None,
    ) -> Filters:
        """The filters the options and the query name, outlet groups replaced by their
        outlets; a clash or an unknown group is a ``ConfigError``."""
        chosen = _combine(channel, lang, since, until, parsed)
        if not any(is_group(c) for c in chosen.channels):
            return chosen
        groups = self.store.metadata.group_members()
        return replace(chosen, channels=expand_groups(chosen.channels, groups))

    def _parse(
        self, query: str, channel: Outlets, lang: str | None, since: date | None, until: date | None
    ) -> tuple[ParsedQuery, Filters]:
        """Parse a query; return it with the filters it and the options name."""
        parsed = parse_query(query)
        return parsed, self._filters(channel, lang, since, until, parsed)

    def _metadata_changed(self) -> None:
        self._trends = None  # its arrays hold the outlets and dates as they were
        self.indexes.index_pending()  # titles and outlets live in the full-text index

    def _widest(self, query: str, exact: bool, **filters: Any) -> tuple[Node, Filters]:
        parsed, chosen = self._parse(query, **filters)
        node = prepared(parsed.node, exact)
        variants = variants_for(self.store, node, exact, parsed.dropped, self.indexes.context)
        return widest(node, variants), chosen

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
        if not 1 <= limit <= MAX_LIMIT:
            raise ConfigError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        if not 0 <= offset <= MAX_OFFSET:
            raise ConfigError(f"offset must be between 0 and {MAX_OFFSET:,}, not {offset}")
        if sort not in SORTS:
            raise ConfigError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
        if mode not in MODES:
            raise ConfigError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        if sort == "date" and mode != "lexical":
            raise ConfigError("--sort date orders lexical matches; use it with --mode lexical")
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

    def entity_facet(
        self,
        query: str,
        *,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
        exact: bool = False,
        limit: int = 10,
        among: int = FACET_POOL,
    ) -> list[tuple[str, int]]:
        """The entities mentioned in most of the best ``among`` matching videos:
        ("id:name", videos)."""
        node, chosen = self._widest(
            query, exact, channel=channel, lang=lang, since=since, until=until
        )
        ids = self.indexes.matching_ids(node, chosen)[:among]
        return [(f"{i}:{name}", n) for i, name, n in self.store.entities.entity_facet(ids, limit)]

    def mentions(self, video_id: str) -> list[VideoMention]:
        """Entity mentions of a video: ``first_word``, ``end_word`` (token offsets of the
        transcript), ``surface``, ``entity_id``, ``name``, ``type``."""
        self.store.videos.get_video(video_id)
        return self.store.entities.video_mentions(video_id)

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

    def group_stories(
        self, progress: Callable[[int, int], None] | None = None, *, regroup: bool = False
    ) -> StorySummary:
        """Put every video not in a story yet into one (a new story if none is close);
        ``regroup`` starts over."""
        stage = StoriesStage(self.store, self.indexes.term_doc_freqs, regroup=regroup)
        run = self._run(stage, progress)
        stage.summary.seconds = run.seconds
        return stage.summary

    def embed(self, progress: Callable[[int, int], None] | None = None) -> StageRun:
        """Cut transcripts that are new (or embedded by another embedder version) into
        passages, embed them, and bring the vector index up to date."""
        with self.writing("embed"):
            run = self._run(EmbedStage(self.store, self.indexes.version), progress)
            self.indexes.sync_vectors()
        return run

    def process(
        self,
        progress: Callable[[str, int, int], None] | None = None,
        cluster: str | None = None,
    ) -> list[StageRun]:
        """Run every stage in order (repair, enrich, embed, stories), each doing only what
        its version has not done; ``progress(stage, items, words)``. ``cluster``
        (``local:N`` or ``tcp://HOST:8786``) runs repair, enrich and embed on Dask
        workers."""
        if cluster is not None:
            return self._process_on_cluster(progress, cluster)
        runs: list[StageRun] = []
        steps: list[tuple[str, Callable[..., Any]]] = [
            ("repair", self.repair),
            ("enrich", self.enrich),
            ("embed", self.embed),
            ("stories", self.group_stories),
        ]
        with self.writing("process"):
            for name, step in steps:
                report = None if progress is None else functools.partial(progress, name)
                step(report)
                assert self.last_run is not None
                runs.append(self.last_run)
        return runs

    def _process_on_cluster(
        self, progress: Callable[[str, int, int], None] | None, cluster: str
    ) -> list[StageRun]:
        runs: list[StageRun] = []
        with self.writing("process"), cluster_client(cluster) as client:
            for name in PARALLEL_STAGES:
                report = None if progress is None else functools.partial(progress, name)
                stage = make_stage(self.store, name)
                runs.append(
                    run_stage_on_cluster(client, self.store.path, self.store, stage, report)
                )
                if name in ("repair", "embed"):  # re-index repaired text; list new vectors
                    self.indexes.sync()
            report = None if progress is None else functools.partial(progress, "stories")
            self.group_stories(report)
            assert self.last_run is not None
            runs.append(self.last_run)
        return runs

    def stage_states(self) -> list[StageState]:
        """How each stage last ran on this archive (version, status, items)."""
        return self.store.stages.states()

    def stories(
        self,
        *,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
        min_videos: int = 2,
    ) -> list[StoryRow]:
        """Stories, newest first: ``story_id``, ``label``, ``start``, ``end``, ``videos``,
        ``channels`` (outlets, most videos first), ``channel_videos``, ``video_ids``,
        ``items`` (the videos), ``terms``."""
        return self.store.stories.story_rows(self._filters(channel, lang, since, until), min_videos)

    def story(self, story_id: int) -> StoryRow:
        """One story, with who reported first per outlet (``first_by_outlet``)."""
        rows = self.store.stories.story_rows(Filters(), 1, story_id)
        if not rows:
            raise NotFoundError(f"no story {story_id} in the archive {self.store.path}")
        return replace(rows[0], first_by_outlet=first_by_outlet(rows[0].items))

    def compare(
        self,
        *,
        story: int | None = None,
        entity: str | None = None,
        query: str | None = None,
        top: int = 15,
    ) -> Comparison:
        """How outlets covered a story, an entity's videos or a query's matches: per
        outlet the distinctive terms (log-odds, z-scores), its first video, and the
        numbers it reported over time."""
        chosen = [x for x in (story, entity, query) if x not in (None, "")]
        if len(chosen) != 1:
            raise ConfigError("compare one thing: a story, an entity or a query")
        if story is not None:
            tids = self.store.stories.story_video_ids(story)
            if not tids:
                raise NotFoundError(f"no story {story} in the archive {self.store.path}")
            what = f"story {story}"
        elif entity:
            entity_id, name, _ = self.store.entities.find_entity(entity)
            tids = list(self.store.entities.entity_hits(entity_id))
            what = f"entity {name}"
        else:
            node, chosen_filters = self._widest(
                str(query), False, channel=None, lang=None, since=None, until=None
            )
            tids = self.indexes.matching_ids(node, chosen_filters)
            what = f"query {query}"
        rows = self.store.analytics.compare_rows(tids)
        return compare_outlets(what, rows, self.store.analytics.claims_of(tids), top=top)

    def topics(
        self,
        *,
        topics: int = 12,
        per: str = "month",
        sample: int = 20_000,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> Topics:
        """Coarse themes of the (filtered) archive and their share of each outlet's videos
        per period: ``topics`` (``topic``, ``label``, ``terms``, ``videos``) and ``rows``
        (``topic``, ``channel``, ``period``, ``videos``, ``total_videos``, ``pct_videos``)."""
        from newsreel.analytics.topics import Lead, topics_over_time

        leads = (
            Lead(title, lead, chan, date.fromisoformat(day) if day else None)
            for title, lead, chan, day in self.store.analytics.leads(
                self._filters(channel, lang, since, until)
            )
        )
        return topics_over_time(leads, topics=topics, per=per, sample=sample)

    def per_outlet_month(self) -> list[tuple[str, str, int]]:
        """(outlet, month, videos) over the archive."""
        return self.store.analytics.videos_per_outlet_month()

    def show(self, video_id: str) -> VideoDetail:
        """Return one video with its current transcript and its versions."""
        return self.store.videos.get_video(video_id)

    def source_bytes(self, video_id: str) -> bytes:
        """Return the original file bytes the video's current transcript came from."""
        return self.store.videos.source_bytes(video_id)

    def stats(self) -> Stats:
        """Return archive-wide counts."""
        return self.store.videos.stats()

    def quarantined(self) -> list[QuarantineItem]:
        """Return every input that could not be read, with the reason."""
        return self.store.videos.quarantined()

    def _chosen(
        self,
        query: str | None,
        channel: Outlets,
        lang: str | None,
        since: date | None,
        until: date | None,
        exact: bool,
    ) -> tuple[Filters, list[int] | None]:
        """The filters and (with a query) the transcripts it matches, as search finds them."""
        if not query:
            return self._filters(channel, lang, since, until), None
        node, chosen = self._widest(
            query, exact, channel=channel, lang=lang, since=since, until=until
        )
        return chosen, self.indexes.matching_ids(node, chosen)

    def table(
        self,
        *,
        query: str | None = None,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
        exact: bool = False,
    ) -> tuple[list[str], Iterator[dict[str, Any]]]:
        """Return (columns, rows): one flat row per video, every metadata column.

        Source-specific metadata (e.g. a table's extra columns) become ``extra.<key>``.
        """
        chosen, ids = self._chosen(query, channel, lang, since, until, exact)
        columns = table_columns(self.store.videos.extra_keys(chosen, ids))
        return columns, flatten(self.store.videos.iter_rows(chosen, ids), columns)

    def export(
        self, path: str | Path, fmt: str | None = None, *, raw_csv: bool = False, **filters: Any
    ) -> int:
        """Write the (filtered) archive to CSV, JSONL or Parquet; return rows written. CSV
        cells that start like a spreadsheet formula get a leading "'" unless ``raw_csv``."""
        target = Path(path)
        columns, rows = self.table(**filters)
        kind = fmt or target.suffix.lstrip(".").lower()
        return write_rows(rows, columns, kind, target, raw_csv=raw_csv)

    def export_table(
        self,
        table: str,
        path: str | Path,
        fmt: str | None = None,
        *,
        raw_csv: bool = False,
        **filters: Any,
    ) -> int:
        """Write one enrichment table (entities, mentions, claims, quotes) of the videos
        that ``filters`` (query, channel, lang, since, until, exact) select; rows written.
        Entities are then counted over those videos' mentions."""
        readers: dict[str, Callable[[], Sequence[JsonRow]]] = {
            "entities": self.store.entities.entity_rows,
            "mentions": self.store.entities.mention_rows,
            "claims": self.store.entities.claim_rows,
            "quotes": self.store.entities.quote_rows,
        }
        if table not in readers:
            raise ConfigError(f"no table {table!r}; choose one of {', '.join(TABLES)}")
        wanted = self._selected_videos(**filters)
        if wanted is None:
            found: Sequence[JsonRow] = readers[table]()
        elif table == "entities":
            found = entities_of(
                m for m in self.store.entities.mention_rows() if m.video_id in wanted
            )
        else:
            found = [r for r in readers[table]() if getattr(r, "video_id", None) in wanted]
        rows = [r.to_dict() for r in found]
        columns = list(rows[0]) if rows else []
        encoded = (
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v
                for k, v in r.items()
            }
            for r in rows
        )
        target = Path(path)
        kind = fmt or target.suffix.lstrip(".").lower()
        return write_rows(encoded, columns, kind, target, raw_csv=raw_csv)

    def trend_rows(
        self,
        terms: Sequence[str],
        *,
        per: str = "month",
        by_channel: bool = True,
        heard: bool = True,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
        by_group: bool = False,
    ) -> list[TrendRow]:
        """Trend rows: each term (word, "phrase", query, or entity:NAME) per outlet (or
        all outlets) per day, week or month, with hits, videos and the period's totals.
        Counted as search finds them: ``heard`` (default) includes the ways the captions
        misheard the words (``trend_variants`` lists them; ``-heard:WORD`` in a term
        drops one); ``heard=False`` counts the words as typed. ``by_group``: one line
        per outlet group (its outlets counted together; ``channel`` is the group)."""
        if self._trends is None:
            self._trends = Trends(self.indexes)
        filters = self._filters(channel, lang, since, until)
        if by_group:
            return self._group_trends(self._trends, terms, per, heard, filters)
        return self._trends.query(
            terms,
            per=per,
            by_channel=by_channel,
            heard=heard,
            filters=filters,
        )

    def _group_trends(
        self, trends: Trends, terms: Sequence[str], per: str, heard: bool, filters: Filters
    ) -> list[TrendRow]:
        """Trend rows per outlet group, of the outlets the filters keep."""
        groups = self.store.metadata.group_members()
        if not groups:
            raise ConfigError(
                "the archive has no outlet groups to count by; make one with 'newsreel group "
                "add NAME OUTLET...'"
            )
        wanted = {c.casefold() for c in filters.channels}
        kept = {
            o.name.casefold()
            for o in self.outlets()
            if not wanted or wanted & {n.casefold() for n in (o.name, *o.codes)}
        }
        rows: list[TrendRow] = []
        for name, outlets in groups.items():
            chosen = tuple(o for o in outlets if o.casefold() in kept)
            if chosen:
                found = trends.query(
                    terms,
                    per=per,
                    by_channel=False,
                    heard=heard,
                    filters=replace(filters, channels=chosen),
                )
                rows += [replace(row, channel=GROUP_PREFIX + name) for row in found]
        return rows

    def trend_variants(self, terms: Sequence[str]) -> dict[str, dict[str, list[str]]]:
        """The heard variants ``trend_rows`` counts with each word of each term (term →
        word → variants); drop one with ``-heard:VARIANT`` in the term."""
        if self._trends is None:
            self._trends = Trends(self.indexes)
        return self._trends.heard(terms)

    def trends(self, terms: Sequence[str], **options: Any) -> pd.DataFrame:
        """``trend_rows`` as a pandas DataFrame, with ``per_10k_words`` and ``pct_videos``."""
        import pandas as pd

        columns = [*TrendRow.__dataclass_fields__, "per_10k_words", "pct_videos"]
        return pd.DataFrame.from_records(
            [r.to_dict() for r in self.trend_rows(terms, **options)], columns=columns
        )

    def to_pandas(self, **filters: Any) -> pd.DataFrame:
        """Return the (filtered) archive as a pandas DataFrame, one row per video."""
        import pandas as pd

        columns, rows = self.table(**filters)
        frame = pd.DataFrame.from_records(list(rows), columns=columns)
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
        target = Path(path)
        kind = fmt or target.suffix.lstrip(".").lower()
        if kind not in FORMATS:
            raise ConfigError(f"unknown export format {kind!r}; choose one of {', '.join(FORMATS)}")
        rows = passage_records(self.iter_passages(query, **options), kind)
        return write_rows(rows, PASSAGE_COLUMNS, kind, target, raw_csv=raw_csv)


def open_archive(
    path: str | Path | None = None, *, read_only: bool = False, wait: float = 0.0
) -> Archive:
    """Open (creating if needed) the archive at ``path``: a SQLite file, or a PostgreSQL
    database (``postgresql://USER@HOST/DB``). Writing a SQLite archive waits up to
    ``wait`` seconds for another writer to finish (one writer per file); a PostgreSQL
    archive takes many writers at once."""
    target = str(path or default_archive_path())
    return Archive(open_store(target, read_only=read_only), wait=wait)


def copy_archive(
    source: str | Path,
    dest: str | Path,
    progress: Callable[[str, int], None] | None = None,
) -> CopyReport:
    """Copy the archive ``source`` into a new archive ``dest`` (a SQLite file or a
    PostgreSQL URL, either way), verify every table's rows and content hash on both
    sides, and build ``dest``'s search indexes from its rows."""
    if str(source) == str(dest):
        raise ConfigError(f"source and destination are the same archive: {source}")
    if not is_postgres_url(str(source)) and not Path(source).exists():
        raise NotFoundError(f"no archive at {source}")
    with (
        open_archive(source, read_only=True) as old,
        open_archive(dest) as new,
        new.writing("copy"),
    ):
        report = copy_rows(old.store, new.store, progress)
        if report.verified:
            new.indexes.rebuild()
    return report
