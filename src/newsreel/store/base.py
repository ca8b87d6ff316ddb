"""The ``Store`` protocol: what every archive backend must do, in backend-neutral terms.

A store is one repository per domain (videos, repairs, entities, stories, analytics,
passages, search state, stages, metadata) over one connection; each is a small protocol
here.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from newsreel.models import (
    Filters,
    HitRow,
    IndexedVideo,
    IngestSummary,
    QuarantineItem,
    Record,
    StageState,
    Stats,
    StoryState,
    VideoDetail,
)
from newsreel.rows import (
    ClaimRow,
    CompareRow,
    EntityProfile,
    EntityRow,
    MentionRow,
    OutletClaim,
    OutletGroup,
    OutletRow,
    QuoteRow,
    StoryRow,
    UngroupedVideo,
    VideoMention,
    VideoRow,
)

# What the enrich stage saves of a transcript (its rows out are models.MentionRow etc.)
MentionInput = tuple[int, int, str, str, str, str]  # start, end, surface, name, type, source
ClaimInput = tuple[int, int, float, str, str | None, str | None, str]  # ..., source, sentence
QuoteInput = tuple[int, int, str, tuple[str, str] | None, str, str]  # entity: (name, type)


@dataclass(slots=True)
class FileResult:
    """Everything read from one input file: its bytes, records and failures.

    When ``splice`` is set, ``raw`` is the file with its one record's text (UTF-8)
    cut out at that byte offset: the archive keeps the text once, not twice.
    """

    path: str
    sha256: str
    size: int
    mtime_ns: int
    format: str | None
    raw: bytes
    records: list[Record] = field(default_factory=list)
    failures: list[QuarantineItem] = field(default_factory=list)
    skipped: str | None = None
    splice: int | None = None


@dataclass(frozen=True, slots=True)
class SourceState:
    """What the archive remembers of an input file it has read completely."""

    path: str
    sha256: str
    size: int
    mtime_ns: int
    records: int


class VideoRepository(Protocol):
    """Videos, transcript versions, raw files, quarantine and ingest runs."""

    def source_states(self, paths: Sequence[str]) -> dict[str, SourceState]:
        """The remembered state of each of ``paths`` that was ingested completely."""

    def begin_run(self, paths: Sequence[str]) -> int:
        """Record the start of an ingest run and return its id."""

    def finish_run(self, run_id: int, summary: IngestSummary, status: str) -> None:
        """Record how an ingest run ended."""

    def write(
        self, results: Sequence[FileResult], run_id: int
    ) -> tuple[IngestSummary, list[IndexedVideo]]:
        """Archive a batch of file results atomically; return its counts and the
        transcripts it made current, as the full-text index should hold them (they are
        also queued for it)."""

    def hit_rows(self, transcript_ids: Sequence[int]) -> dict[int, HitRow]:
        """Metadata, text and word times of transcripts, by id."""

    def outlets(self, transcript_ids: Sequence[int]) -> dict[int, str | None]:
        """The channel of each transcript's video, by transcript id."""

    def get_video(self, video_id: str, version: int | None = None) -> VideoDetail:
        """Return one video with its current transcript, or with transcript ``version``;
        raise NotFoundError."""

    def source_bytes(self, video_id: str, version: int | None = None) -> bytes:
        """Return the original bytes of the file the current transcript (or transcript
        ``version``) came from."""

    def undated_count(self) -> int:
        """How many videos have no publish date (trends leave them out)."""

    def languages_like(self, language: str) -> list[str]:
        """The archive's language codes equal to ``language`` (case aside); when none is,
        up to 12 of the codes it has."""

    def stats(self) -> Stats:
        """Return archive-wide counts."""

    def forget_quarantined(self, paths: Sequence[str]) -> int:
        """Drop the quarantine entries of these paths; their bytes stay kept."""

    def quarantined(self) -> list[QuarantineItem]:
        """Return every input that could not be read."""

    def iter_rows(self, filters: Filters, ids: Sequence[int] | None) -> Iterator[dict[str, Any]]:
        """Yield one flat row per video (current transcript) for export; ``ids``: only
        these transcripts (the matches of a query)."""

    def video_ids(self, filters: Filters, ids: Sequence[int] | None) -> list[str]:
        """The ids of the videos ``iter_rows`` would yield, without reading their rows."""

    def current_transcripts(self, video_ids: Sequence[str]) -> list[int]:
        """The current transcript ids of these videos (those the archive has), in order."""

    def extra_keys(self, filters: Filters, ids: Sequence[int] | None) -> list[str]:
        """The keys of ``extra`` metadata among the videos ``iter_rows`` would yield."""

    def current_ids(self) -> list[int]:
        """Ids of every current transcript, ascending."""

    def generation(self) -> tuple[int, int]:
        """Changes whenever a transcript is added or a video changes its current one."""

    def transcript_texts(self, transcript_ids: Sequence[int]) -> dict[int, str]:
        """Normalised text of each transcript id."""

    def browse(self, filters: Filters, limit: int, offset: int) -> tuple[int, list[VideoRow]]:
        """Videos passing the filters, newest first: (how many in all, this page)."""

    def thumbnail_roots(self, video_id: str) -> tuple[str | None, list[str]]:
        """A video's thumbnail file and the source files of its transcripts."""


class RepairRepository(Protocol):
    """Repaired transcripts (the repair stage's rows)."""

    def unrepaired(self, model: str, after: int, limit: int) -> list[tuple[int, str, str | None]]:
        """(id, text, language) of current transcripts after ``after`` not yet repaired
        by ``model``."""

    def outdate(self, video_id: str) -> None:
        """Mark the repair of a video's current transcript to be redone."""

    def save_repairs(self, rows: Sequence[tuple[int, str, str, dict[str, Any], int, int]]) -> None:
        """Store (id, model, aligned text, data, sentences, turns) and queue re-indexing."""

    def repair_data(self, transcript_id: int) -> dict[str, Any] | None:
        """The stored repair of a transcript, or None."""

    def repair_counts(self, model: str) -> tuple[int, int]:
        """(current transcripts repaired by ``model``, current transcripts)."""


class EntityRepository(Protocol):
    """Entities, mentions, claims and quotes (the enrich stage's rows)."""

    def unenriched(self, version: str, after: int, limit: int) -> list[tuple[int, str, str | None]]:
        """(id, token-aligned text, repaired when available, the video's title) of
        transcripts to enrich."""

    def save_enrichment(
        self,
        transcript_id: int,
        version: str,
        mentions: Sequence[MentionInput],
        claims: Sequence[ClaimInput],
        quotes: Sequence[QuoteInput] = (),
    ) -> None:
        """Replace a transcript's mentions, claims and quotes; mark it enriched."""

    def sample_texts(self, limit: int) -> list[str]:
        """Up to ``limit`` current transcripts' texts (repaired where available)."""

    def entity_spellings(self, version: str) -> list[tuple[int, str, str, str, int]]:
        """(entity id, name, type, surface, mentions) over this stage version's mentions."""

    def entity_videos(self, version: str) -> tuple[dict[int, int], int]:
        """(videos mentioning each entity, videos enriched) over this stage version."""

    def videos_shared(
        self, ids: Sequence[int], others: Sequence[int], version: str
    ) -> tuple[int, int]:
        """(videos mentioning any of entities ``ids``, those of them that mention any of
        ``others`` too) over this stage version."""

    def rename_entity(self, entity_id: int, name: str, kind: str) -> int:
        """Give an entity a new name and type, folding it into an existing entity of
        that name and type; returns the id it ends up with."""

    def demoted(self) -> dict[str, str]:
        """Entity name -> the type ``settle`` took from it (a place heard in one video
        of a large archive is counted no place: MISC)."""

    def keep_demoted(self, demoted: Mapping[str, str]) -> None:
        """Replace the names ``settle`` holds demoted (``demoted``)."""

    def known_spellings(self, version: str) -> list[tuple[str, str, str, int, int]]:
        """(surface, type, canonical name, mentions, the latest transcript it is heard
        in) of every spelling linked by this stage version, per entity."""

    def heard_as(self, surface: str, limit: int = 5) -> list[tuple[int, str, str, int]]:
        """(id, name, type, mentions) of the entities heard as this spelling."""

    def linked_spellings(self, words: Sequence[str]) -> dict[str, dict[str, tuple[int, int]]]:
        """For each lower-case word said as (most often) one entity, at least twice, or a
        one-word entity's name: that entity's other one-word spellings with their
        mentions as it and in all."""

    def user_aliases(self) -> list[tuple[str, str, str]]:
        """(spelling key, type, canonical name) the user set by merge or split."""

    def spelling_kinds(self, words: Sequence[str]) -> dict[str, set[str]]:
        """The entity types each (lower-case) word is a whole spelling of, in current
        transcripts: "raf" -> {"ORG"}; words never linked are left out."""

    def set_alias(self, spelling: str, kind: str, name: str) -> None:
        """Remember that a spelling of this type means ``name``."""

    def relink(self, source: int, surfaces: Sequence[str], kind: str, name: str) -> int:
        """Point the mentions of entity ``source`` with these surfaces at entity ``name``."""

    def transcript_mentions(
        self, transcript_ids: Sequence[int]
    ) -> dict[int, list[tuple[int, int, str]]]:
        """(start, end, entity type) of each mention of these transcripts."""

    def rename(self, entity_id: int, name: str, kind: str) -> bool:
        """Rename an entity in place (its id stays); False where the name is taken."""

    def named(self, name: str) -> list[tuple[int, str]]:
        """(id, type) of every entity with this name (case aside)."""

    def find_entity(self, name: str) -> tuple[int, str, str]:
        """(id, name, type) of an entity by id, name or spelling; NotFoundError."""

    def moved_to(self, name: str) -> tuple[int, str, str] | None:
        """(id, name, type) of the entity an old name (merged or renamed away) now
        finds, if any."""

    def named_often(self, limit: int) -> list[tuple[str, int]]:
        """(name, mentions) of the ``limit`` entities mentioned most, most first."""

    def entity_rows(
        self, video_id: str | None = None, entity_id: int | None = None
    ) -> list[EntityRow]:
        """Entities with spellings and mention counts: of one video, one entity, or all."""

    def entity_profile(self, entity: EntityRow, limit: int = 20) -> EntityProfile:
        """The entity with its counts per outlet and month, co-mentioned entities (at most
        ``limit``), videos and quotes."""

    def mention_rows(self) -> list[MentionRow]:
        """Every mention of the current transcripts, with its entity."""

    def quote_rows(
        self, video_id: str | None = None, entity_id: int | None = None
    ) -> list[QuoteRow]:
        """Quotes of a video, of a speaker entity, or of the archive."""

    def claim_rows(
        self, video_id: str | None = None, entity_id: int | None = None, limit: int | None = None
    ) -> list[ClaimRow]:
        """Claims of a video, of the videos mentioning an entity, or of the archive."""

    def claim_count(self, entity_id: int) -> int:
        """How many claims the current transcripts that mention an entity hold."""

    def entity_hits(self, entity_id: int) -> dict[int, int]:
        """Mentions of an entity per transcript."""

    def video_mentions(self, video_id: str) -> list[VideoMention]:
        """Mentions in a video's current transcript: word range and entity."""

    def entity_facet(self, transcript_ids: Sequence[int], limit: int) -> list[tuple[int, str, int]]:
        """The entities mentioned in most of the given transcripts: (id, name, videos)."""

    def transcript_entities(self, transcript_ids: Sequence[int]) -> dict[int, dict[int, int]]:
        """Entity id -> mentions, per transcript (empty where enrich has not run)."""

    def entity_doc_freqs(self, entity_ids: Sequence[int]) -> dict[int, int]:
        """In how many transcripts each entity is mentioned."""


class StoryRepository(Protocol):
    """Stories and their videos (the stories stage's rows)."""

    def refresh_spans(self) -> None:
        """Recompute every story's size, date span and outlets from current metadata."""
        ...

    def rename_in_labels(self, old: str, new: str) -> None:
        """Story labels with an entity's old name as the new one."""
        ...

    def ungrouped(self, limit: int, after: tuple[str, int] | None = None) -> list[UngroupedVideo]:
        """Current transcripts in no story yet, oldest first, then the undated; ``after``
        is the (publish date, or '~' once into the undated, transcript id) of the last row
        of the previous batch."""

    def recently_grouped(
        self, limit: int, undated_first: bool = False
    ) -> list[tuple[UngroupedVideo, int]]:
        """Current transcripts already in a story, with its id, the latest first."""

    def note_story_moves(self, moved: Mapping[int, int | None]) -> None:
        """Each story id in ``moved`` went: its link leads to the story given."""

    def stories_near(
        self, first: date | None, last: date | None, limit: int, skip: Container[int] = ()
    ) -> list[StoryState]:
        """Stories a batch spanning ``first``..``last`` (None: undated) may join, but
        those in ``skip``."""

    def next_story_id(self) -> int:
        """One more than the highest story id ever used."""

    def remember_stories(self) -> None:
        """Keep which story each video is in before a regrouping forgets them."""

    def story_videos(self, before: bool = False) -> dict[int, set[str]]:
        """The video ids of each story: now, or before the regrouping under way."""

    def carry_story_ids(self, kept: Mapping[int, int], moved: Mapping[int, int | None]) -> None:
        """End a regrouping: new stories take old ids, old ids remember their heirs."""

    def moved_story(self, story_id: int) -> tuple[bool, int | None]:
        """Whether a story id was regrouped away, and the story holding its videos."""

    def save_stories(
        self,
        stories: Sequence[StoryState],
        placed: Sequence[tuple[int, int, float]],
        channels: Mapping[int, str | None],
    ) -> None:
        """Store touched stories (centroid, size, span, outlets) and their placements."""

    def set_story_labels(self, labels: Sequence[tuple[int, str]]) -> None:
        """Name stories: (story id, label)."""

    def story_entities(self, story_id: int, limit: int) -> list[tuple[str, int]]:
        """The entities mentioned in most of a story's videos: (name, videos)."""

    def clear_stories(self) -> None:
        """Forget every story."""

    def story_rows(
        self, filters: Filters, min_videos: int, story_id: int | None = None
    ) -> list[StoryRow]:
        """Stories with their videos, newest first."""

    def story_of(self, video_id: str) -> int | None:
        """The story of a video's current transcript."""

    def story_video_ids(self, story_id: int) -> list[int]:
        """Current transcript ids of a story's videos."""


class AnalyticsRepository(Protocol):
    """Read-only rows for trends, topics, the overview and comparison."""

    def trend_meta(
        self,
    ) -> list[tuple[int, str | None, str | None, str | None, str | None, int]]:
        """(transcript id, channel, channel code, language, publish date, words) of
        current transcripts."""

    def videos_per_outlet_month(self) -> list[tuple[str, str, int]]:
        """(channel, month, videos) over the archive."""

    def leads(self, filters: Filters) -> Iterator[tuple[str | None, str, str | None, str | None]]:
        """(title, first words, channel, publish date) of every current transcript."""

    def compare_rows(self, transcript_ids: Sequence[int]) -> list[CompareRow]:
        """Video, outlet, date and repaired (else raw) text of current transcripts."""

    def claims_of(self, transcript_ids: Sequence[int]) -> list[OutletClaim]:
        """Numbers reported in the given transcripts, oldest first, with the outlet."""


class PassageRepository(Protocol):
    """Passages and their vectors (the embed stage's rows), by embedder version."""

    def unembedded(self, version: str, after: int, limit: int) -> list[tuple[int, str]]:
        """(id, text) of current transcripts after ``after`` without passages of ``version``."""

    def add_passages(
        self,
        version: str,
        transcript_ids: Sequence[int],
        rows: Sequence[tuple[int, int, int, bytes]],
    ) -> None:
        """Store the passages (transcript id, first word, words, vector) of ``version`` for
        these transcripts, replacing their passages of other versions."""

    def passage_count(self, version: str) -> tuple[int, int]:
        """(number of passages of ``version``, largest passage id)."""

    def passage_vectors(
        self, version: str, filters: Filters | None = None, after: int = 0
    ) -> Iterator[tuple[int, bytes]]:
        """(id, vector) of passages of ``version``: all after ``after``, or those of
        matching videos."""

    def passage_hits(
        self, passage_ids: Sequence[int], filters: Filters
    ) -> dict[int, tuple[int, int]]:
        """Passage id → (transcript id, first word), for current videos matching filters."""


class StageRepository(Protocol):
    """Which version of each stage the archive was last run with."""

    def begin(self, stage: str, version: str) -> str | None:
        """Record that ``stage`` starts a run at ``version``; return its previous version."""

    def settle_dead(self, *, ingests: bool = True) -> None:
        """Mark stages (and, ``ingests``, ingests) left ``running`` as ``interrupted``
        (a writer holding the lock)."""

    def finish(self, stage: str, status: str, items: int) -> None:
        """Record how the run of ``stage`` ended (done or interrupted) and its items."""

    def states(self) -> list[StageState]:
        """Every stage that has run, by name."""


class SearchStateRepository(Protocol):
    """The archive's bookkeeping of its derived indexes."""

    def sound_variants(self, keys: Sequence[str]) -> dict[str, list[tuple[str, int]]]:
        """Vocabulary terms (with their document counts) per sound key."""

    def state(self, name: str) -> str | None:
        """A value the search structures keep about themselves."""

    def set_state(self, name: str, value: str) -> None:
        """Remember a value about the search structures."""

    def indexed_documents(self) -> int:
        """How many transcripts the sound-alike vocabulary was last counted over."""

    def queue_all(self) -> None:
        """Queue every current transcript for the full-text index (a rebuild)."""

    def queued(self, limit: int) -> tuple[int, list[IndexedVideo]]:
        """The next queued transcripts: (last queued id, those still current); (0, [])
        when the queue is empty."""

    def dequeue(self, last: int) -> None:
        """Take transcripts up to ``last`` off the queue (the index committed them)."""

    def dequeue_ids(self, transcript_ids: Sequence[int]) -> None:
        """Take these transcripts off the queue (the index committed them)."""

    def data_version(self) -> int:
        """Changes whenever another connection commits to the archive."""

    def pending(self) -> int:
        """Transcripts waiting for the full-text index."""

    def vocabulary_stamp(self) -> str:
        """Changes whenever a transcript is added: the vocabulary is stale when its stamp
        differs."""

    def save_vocabulary(self, rows: Iterable[tuple[str, str, int]], stamp: str) -> int:
        """Replace the sound-alike vocabulary with (key, term, documents); return its size."""

    def has_videos(self) -> bool:
        """Whether the archive holds any video."""


class MetadataRepository(Protocol):
    """What users fix: metadata overrides of videos, outlet aliases and outlet groups."""

    def overrides(self, video_id: str) -> dict[str, str]:
        """The fields a user set on a video, with their values."""

    def set_fields(
        self, video_id: str, values: Mapping[str, str], how: str
    ) -> dict[str, str | None]:
        """Override fields of a video (title, channel, publish_date as ISO, language) for
        good, noting ``how`` as where they came from; queue it for re-indexing; return
        the values before. NotFoundError for an unknown video."""

    def channels(self) -> dict[str, int]:
        """Every outlet name in the archive, with its videos."""

    def outlet_names(self, name: str) -> list[str]:
        """The outlets (channel names) that ``name`` names, as a name or a code."""

    def outlet_aliases(self) -> dict[str, str]:
        """Spelling key -> outlet name, as the user merged them."""

    def merge_outlet(self, aliases: Mapping[str, str], spellings: Sequence[str], name: str) -> int:
        """Remember ``aliases`` and relabel the videos (and overrides) whose channel is one
        of ``spellings`` as ``name``, queued for re-indexing, and in outlet groups; return
        the videos changed."""

    def group_members(self) -> dict[str, tuple[str, ...]]:
        """Outlet group name -> its outlets' names, both sorted case-insensitively."""

    def outlets(self) -> list[OutletRow]:
        """Every outlet of the archive (``UNKNOWN_OUTLET`` for videos without one) with
        its channel codes, videos and groups, most videos first."""

    def outlet_groups(self) -> list[OutletGroup]:
        """Every outlet group with its outlets and their videos, by name."""

    def add_to_group(self, name: str, outlets: Sequence[str]) -> tuple[str, ...]:
        """Add outlets (names) to the group ``name`` (case-insensitive; made if new);
        return those that were not in it yet."""

    def remove_from_group(self, name: str, outlets: Sequence[str] | None) -> tuple[str, ...]:
        """Remove outlets (names; all when None, which removes the group) from the group
        ``name``; return those removed."""


class Store(Protocol):
    """An archive backend: one repository per domain over one connection. Callers never
    see SQL or dialect details."""

    path: str
    read_only: bool

    @property
    def videos(self) -> VideoRepository:
        """Videos, transcript versions, raw files, quarantine and ingest runs."""

    @property
    def repairs(self) -> RepairRepository:
        """Repaired transcripts."""

    @property
    def entities(self) -> EntityRepository:
        """Entities, mentions, claims and quotes."""

    @property
    def stories(self) -> StoryRepository:
        """Stories and their videos."""

    @property
    def analytics(self) -> AnalyticsRepository:
        """Read-only rows for trends, topics, the overview and comparison."""

    @property
    def passages(self) -> PassageRepository:
        """Passages and their vectors."""

    @property
    def search(self) -> SearchStateRepository:
        """The bookkeeping of the derived indexes."""

    @property
    def stages(self) -> StageRepository:
        """The version each stage last ran with."""

    @property
    def metadata(self) -> MetadataRepository:
        """Metadata overrides and outlet aliases users set."""

    def reopen(self) -> Store:
        """A new connection to the same archive, for use in another process."""

    def close(self) -> None:
        """Release the backend's resources."""
