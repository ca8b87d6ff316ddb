"""Records that flow between ingest, the store, search and the interfaces."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, ClassVar, overload

import numpy as np

# How a video without an outlet is named in facets and filters.
UNKNOWN_OUTLET = "(unknown)"


@dataclass(frozen=True, slots=True)
class Segment:
    """One timed caption cue exactly as the source gave it (seconds)."""

    start: float
    end: float
    text: str


@dataclass(frozen=True, slots=True)
class TimedWord:
    """One word of a de-duplicated timed transcript with its own time span."""

    text: str
    start: float
    end: float


@dataclass(slots=True)
class Record:
    """One video's transcript as read from an input, ready to archive.

    ``text`` is the normalised transcript: entities decoded, words separated by single
    spaces. ``raw_text`` is the transcript exactly as it appeared in the source. For
    timed inputs ``segments`` keeps every cue and ``word_times`` gives one
    ``(start, end)`` pair per word of ``text.split(' ')``. ``content_sha256`` is
    ``content_hash(record)``, filled where the record is read (in parallel). ``sources``
    says where metadata fields came from ("derived from the title"), where a parser
    knows better than ``ingest.formats.provenance`` can tell.
    """

    video_id: str
    text: str
    raw_text: str
    title: str | None = None
    channel: str | None = None
    channel_code: str | None = None
    language: str | None = None
    publish_date: date | None = None
    thumbnail_path: str | None = None
    thumbnail_file: str | None = None
    duration_seconds: float | None = None
    segments: tuple[Segment, ...] = ()
    word_times: tuple[tuple[float, float], ...] | None = None
    id_source: str = "source"
    extra: dict[str, Any] = field(default_factory=dict)
    locator: str | None = None
    content_sha256: str | None = None
    words: int | None = None  # words in ``text``, counted where the record is read
    sources: dict[str, str] = field(default_factory=dict)  # field -> where it came from


def content_hash(record: Record) -> str:
    """Hash of what a transcript says and when: equal hashes mean the same content."""
    return hash_and_count(record)[0]


def hash_and_count(record: Record) -> tuple[str, int]:
    """The content hash and the number of words (spaces + 1) in one pass over the text."""
    data = record.text.encode("utf-8")
    digest = hashlib.sha256(data)
    for seg in record.segments:
        digest.update(f"\x1f{seg.start:.3f}\x1e{seg.end:.3f}\x1e{seg.text}".encode())
    spaces = np.count_nonzero(np.frombuffer(data, np.uint8) == 32)  # ~5x str.count
    return digest.hexdigest(), int(spaces) + 1


@dataclass(frozen=True, slots=True)
class Filters:
    """Metadata filters shared by search, export and analytics. ``channels`` are outlet
    names or codes (case-insensitive; ``UNKNOWN_OUTLET`` for videos without one), any
    of which may match; none means every outlet."""

    channels: tuple[str, ...] = ()
    language: str | None = None
    since: date | None = None
    until: date | None = None
    # transcripts left out: a query's sound-alike matches of another kind of name
    # ("Rafah" and a video whose only "Rafa" is Rafa Benitez; ``search.engine.hidden``)
    excluded: frozenset[int] = frozenset()
    # only these transcripts (None: all): those that mention every entity a query's
    # ``entity:NAME`` filters name, however the captions spelled it
    among: frozenset[int] | None = None


@dataclass(frozen=True, slots=True)
class QuarantineItem:
    """An input that could not be read, with where and why."""

    path: str
    locator: str | None
    reason: str
    line: int | None = None
    byte: int | None = None

    def where(self) -> str:
        """Where in the file the problem is, e.g. 'row 17, line 18', or ''."""
        parts = [self.locator] if self.locator else []
        if self.line is not None and self.locator != f"line {self.line}":
            parts.append(f"line {self.line}")
        if self.byte is not None:
            parts.append(f"byte {self.byte}")
        return ", ".join(parts)

    def describe(self) -> str:
        """One line naming the file, the place and the reason (the place once: not
        "(segment 1): segment 1: start is NaN")."""
        where = self.where()
        if where and self.reason.startswith(f"{where.split(', ')[0]}: "):
            where = ", ".join(where.split(", ")[1:])
        return f"{self.path}{f' ({where})' if where else ''}: {self.reason}"


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file read and left out on purpose (not a transcript, or a show held elsewhere)."""

    path: str
    reason: str


@dataclass(slots=True)
class IngestSummary:
    """Counts of every outcome of one ingest run; ``skipped`` says why each file was."""

    ingested: int = 0
    unchanged: int = 0
    new_versions: int = 0
    quarantined: int = 0
    skipped_files: int = 0
    files: int = 0
    quarantine: list[QuarantineItem] = field(default_factory=list)
    interrupted: bool = False
    skipped: list[SkippedFile] = field(default_factory=list)
    # kept, with something the user should know: "VIDEO_ID (PATH, row 3): publish date
    # 'soon' is not a date; stored undated (extra.publish_date_error)"
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the summary as plain JSON-ready data."""
        data = asdict(self)
        data["quarantine"] = [asdict(q) for q in self.quarantine]
        return data


@dataclass(frozen=True, slots=True)
class CollectItem:
    """One video a collect run tried: its id, what became of it and why.

    ``status`` is ``downloaded``, ``no_captions``, ``failed`` or ``skipped`` (outside
    ``--since``/``--until``).
    """

    video_id: str
    status: str
    reason: str = ""
    title: str | None = None


@dataclass(frozen=True, slots=True)
class CollectSummary:
    """Counts of one collect run, the videos that came to nothing, and its ingest.

    ``found`` videos were listed; ``new`` were not collected before and were tried;
    each of those was ``downloaded``, had ``no_captions`` or ``failed``; ``ingested``
    counts the videos new to the archive (``ingest`` is the whole ingest summary of
    the folder; None when it was not ingested). ``stopped`` says why the
    run ended early (YouTube asked to sign in); ``interrupted`` that Ctrl-C ended it.
    """

    COUNTS: ClassVar[tuple[str, ...]] = (
        "found",
        "new",
        "downloaded",
        "no_captions",
        "failed",
        "ingested",
    )

    folder: str
    found: int = 0
    new: int = 0
    downloaded: int = 0
    no_captions: int = 0
    failed: int = 0
    ingested: int = 0
    problems: tuple[CollectItem, ...] = ()
    interrupted: bool = False
    stopped: str | None = None
    ingest: IngestSummary | None = None

    def to_dict(self) -> dict[str, int]:
        """The counts, as ``newsreel collect --json`` prints them."""
        return {name: getattr(self, name) for name in self.COUNTS}


class LazyTimes(Sequence[tuple[float, float]]):
    """Word times kept as their stored JSON (``[[start, end], ...]``), decoded one pair
    at a time: a search hit needs one word's time, not the thousands of a long
    transcript (decoding them all was most of a search's time on podcast episodes)."""

    __slots__ = ("_count", "_pieces", "_raw")

    def __init__(self, raw: str) -> None:
        self._raw = raw
        self._count = raw.count("]") - 1 if raw.strip() not in ("", "[]") else 0
        self._pieces: list[str] | None = None

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> tuple[float, float]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[float, float]]: ...

    def __getitem__(self, index: int | slice) -> tuple[float, float] | list[tuple[float, float]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        pieces = self._pieces
        piece = pieces[index] if pieces is not None else self._raw.split("]", index + 1)[index]
        start, end = piece.lstrip(" ,[").split(",")
        return float(start), float(end)

    def split(self) -> None:
        """Split the pairs apart once, so that each later look-up goes straight to its
        pair (one otherwise scans from the start): for many look-ups in one transcript."""
        if self._pieces is None:
            self._pieces = self._raw.split("]")


@dataclass(frozen=True, slots=True)
class HitRow:
    """What a search needs of one matching transcript to build its hit."""

    transcript_id: int
    video_id: str
    title: str | None
    channel: str | None
    language: str | None
    publish_date: date | None
    text: str
    word_times: Sequence[tuple[float, float]] | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: a video and its best matching passage.

    ``matched_terms`` are the words of the passage that matched, as the captions have
    them ("shim bit"); ``heard_as`` pairs a query term with a sound-alike it matched
    (("Shin Bet", "shim bit")). ``match`` is exact, sound-alike or semantic (the best
    way the video matched). ``start_seconds`` is where the passage starts in a timed
    transcript, and ``url`` a YouTube link at that second when the id is YouTube's.
    """

    video_id: str
    title: str | None
    channel: str | None
    language: str | None
    publish_date: date | None
    score: float
    snippet: str
    matched_terms: tuple[str, ...] = ()
    heard_as: tuple[tuple[str, str], ...] = ()
    match: str = "exact"
    start_seconds: float | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the hit as JSON-ready data (dates as ISO strings)."""
        data = asdict(self)
        data["publish_date"] = self.publish_date.isoformat() if self.publish_date else None
        data["matched_terms"] = list(self.matched_terms)
        data["heard_as"] = [{"term": t, "heard": h} for t, h in self.heard_as]
        return data


@dataclass(frozen=True, slots=True)
class TranscriptVersion:
    """One stored version of a video's transcript."""

    version: int
    content_sha256: str
    words: int
    source_path: str | None
    source_format: str
    source_locator: str | None
    ingested_at: str


@dataclass(frozen=True, slots=True)
class VideoDetail:
    """A video with its current transcript and the versions kept."""

    video_id: str
    title: str | None
    channel: str | None
    channel_code: str | None
    language: str | None
    publish_date: date | None
    thumbnail_path: str | None
    thumbnail_file: str | None
    duration_seconds: float | None
    text: str
    raw_text: str
    words: int
    segments: tuple[Segment, ...]
    word_times: tuple[tuple[float, float], ...] | None
    versions: tuple[TranscriptVersion, ...]
    extra: dict[str, Any]
    repair: dict[str, Any] | None = None
    sources: dict[str, str] = field(default_factory=dict)  # field -> where it came from
    version: int = 0  # the current transcript's version (0: the last of ``versions``)
    shown_version: int = 0  # the version whose text this holds (0: the current one)

    @property
    def current_version(self) -> int:
        """The version the current transcript is: the last, unless a file put back
        made an earlier one current again."""
        return self.version or (self.versions[-1].version if self.versions else 0)

    @property
    def shown(self) -> int:
        """The version whose text, segments and repair this holds."""
        return self.shown_version or self.current_version

    def to_dict(self, *, with_segments: bool = True) -> dict[str, Any]:
        """Return the video as JSON-ready data (the stored repair is left to repair.view)."""
        data = asdict(self)
        data.pop("repair")
        data["publish_date"] = self.publish_date.isoformat() if self.publish_date else None
        if not with_segments:
            data.pop("segments")
            data.pop("word_times")
        return data


@dataclass(frozen=True, slots=True)
class Stats:
    """Archive-wide counts."""

    videos: int
    versions: int
    words: int
    channels: dict[str, int]
    languages: dict[str, int]
    first_date: date | None
    last_date: date | None
    quarantined: int
    quarantined_missing: int = 0  # quarantined files no longer there (Archive.stats)
    stages: tuple[StageState, ...] = ()  # each stage's version and state (Archive.stats)

    def to_dict(self) -> dict[str, Any]:
        """Return the stats as JSON-ready data (as ``stats --json`` and the API print)."""
        data = asdict(self)
        data["first_date"] = self.first_date.isoformat() if self.first_date else None
        data["last_date"] = self.last_date.isoformat() if self.last_date else None
        data["stages"] = [s.to_dict() for s in self.stages]
        return data


@dataclass(frozen=True, slots=True)
class IndexedVideo:
    """What the index keeps of a video's current transcript."""

    transcript_id: int
    video_id: str
    title: str | None
    text: str
    channel: str | None
    channel_code: str | None
    language: str | None
    publish_date: date | None
    fresh: bool = False  # a video the index never held: nothing to replace


LABEL_JOIN = " · "  # between the parts of a story's label


@dataclass(frozen=True, slots=True)
class StoryState:
    """A story as the archive keeps it for grouping: centroid, time span and size."""

    story_id: int
    centroid: dict[str, float]
    start: date | None = None
    end: date | None = None
    videos: int = 0


@dataclass(frozen=True, slots=True)
class StageState:
    """How a pipeline stage last ran on an archive."""

    stage: str
    version: str
    status: str
    items: int
    started_at: str | None  # None: never run
    finished_at: str | None
    waiting: int = 0  # current transcripts ingested since its last run ended

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return asdict(self)
