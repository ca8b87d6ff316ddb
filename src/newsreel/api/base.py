"""The Archive's shared core: the store, its indexes, the writer lock and filters."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Self

from newsreel.analytics.trends import Trends
from newsreel.errors import ConfigError, StoreError
from newsreel.ingest.groups import expand_groups, is_group, outlet_hint
from newsreel.models import UNKNOWN_OUTLET, Filters
from newsreel.pipeline.stage import Progress as StageProgress
from newsreel.pipeline.stage import Stage, StageRun, run_stage
from newsreel.search.engine import (
    MODES,
    hidden,
    hybrid,
    mentioning,
    prepared,
    semantic,
    variants_for,
    widest,
)
from newsreel.search.indexes import Indexes
from newsreel.search.query import Node, ParsedQuery, parse_query
from newsreel.store import check_scheme
from newsreel.store.base import Store
from newsreel.store.copy import PENDING as COPY_PENDING
from newsreel.store.lock import ArchiveLock
from newsreel.store.postgres import is_postgres_url, redact

DEFAULT_ARCHIVE = "newsreel.db"
TABLES = ("videos", "entities", "mentions", "claims", "quotes")
MAX_LIMIT = 10_000
MEANING_EXPORT = 1_000  # hits of a search by meaning that an export takes (as the API's)
MAX_OFFSET = 100_000  # deeper pages than this are a narrower query's job
MAX_TOP = 200  # distinctive terms per outlet a comparison lists at most
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
    """An ``--archive`` value: a PostgreSQL URL, else a file path (``ConfigError`` for
    another database's URL, which a path would turn into folders)."""
    text = str(value)
    check_scheme(text)
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
                f"channel {', '.join(channels)} clashes with the query's filter "
                f"({' OR '.join(parsed.channels)})"
            )
        channels = parsed.channels
    chosen: dict[str, Any] = {
        "language": lang,
        "since": _as_date(since, "since"),
        "until": _as_date(until, "until"),
    }
    if parsed is not None:
        for name, flag in (
            ("language", "lang"),
            ("since", "since"),
            ("until", "until"),
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
            f"since {chosen['since']} is after until {chosen['until']}; nothing can match"
        )
    return Filters(channels, **chosen)


def _as_date(value: date | str | None, name: str) -> date | None:
    """A date filter as given to the Python API: a ``date`` (a ``datetime`` counts its
    day) or an ISO string ("2026-01-01"); else a ``ConfigError`` naming it."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ConfigError(f"{name}={value!r} is not a date; give a date or 'YYYY-MM-DD'")


class ArchiveBase:
    """What every part of the API shares: the store, the indexes, the writer lock, the
    stage runner and the filters the options and a query name."""

    def __init__(self, store: Store, *, wait: float = 0.0) -> None:
        self.store = store
        self.indexes = Indexes(store, read_only=store.read_only)
        self.lock = ArchiveLock(store.path, "writing", wait)
        self._trends: Trends | None = None
        self.last_run: StageRun | None = None
        self.finished_runs: list[StageRun] = []  # the stages a ``process`` has finished
        # the entities named most, as "did you mean" read them last (when, and what)
        self.named: tuple[float, list[tuple[str, int]]] | None = None

    @contextmanager
    def writing(self, purpose: str) -> Iterator[None]:
        """Hold the archive's writer lock (one writer per archive) while writing; waits
        up to the archive's ``wait`` seconds, else ``LockedError`` names the holder; a
        ``StoreError`` on an archive opened read-only."""
        if self.store.read_only:
            raise StoreError(
                f"{purpose}: the archive {redact(str(self.store.path))} is open read-only; "
                "open it with open_archive(path) (read_only=False) to change it"
            )
        first = not self.lock.held
        if first:
            self.lock.purpose = purpose
        self.lock.acquire()  # a copy still running holds it: wait, or exit 75
        try:
            if purpose != "copy" and (source := self.store.search.state(COPY_PENDING)):
                raise ConfigError(
                    f"{purpose}: the archive {redact(str(self.store.path))} is a copy that "
                    f"did not finish (of {source if source != '1' else 'its source'}): run "
                    "the same newsreel copy again to finish it before writing to it"
                )
            if first and not is_postgres_url(str(self.store.path)):
                self.store.stages.settle_dead()  # the one writer: no run left "running" lives
            elif first and self.lock.exclusive:  # PostgreSQL: the one stage runner
                self.store.stages.settle_dead(ingests=False)
            yield
        finally:
            self.lock.release()
            self.named = None  # entities may have been renamed, merged or enriched
            if not self.lock.held:  # the write is over: let other processes index too
                self.indexes.release_writer()

    def _run(self, stage: Stage[Any, Any], progress: StageProgress | None) -> StageRun:
        self.last_run = None
        with self.writing(stage.name):
            self.last_run = run_stage(self.store, stage, progress)
        return self.last_run

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the archive and its indexes."""
        self.indexes.close()
        self.store.close()

    def _filters(
        self,
        channel: Outlets,
        lang: str | None,
        since: date | None,
        until: date | None,
        parsed: ParsedQuery | None = None,
    ) -> Filters:
        """The filters the options and the query name, outlet groups replaced by their
        outlets; a clash, an unknown group or an option of the wrong type is a
        ``ConfigError``."""
        _typed_filters(channel, lang, since, until)
        if parsed is not None and parsed.channels and self._same_outlets(channel, parsed):
            channel = None  # one outlet by name and by code ("DW News", "dw"): no clash
        chosen = _combine(channel, lang, since, until, parsed)
        chosen = replace(chosen, channels=self._outlets_named(chosen.channels))
        if parsed is not None and parsed.entities:
            chosen = replace(chosen, among=mentioning(self.store, parsed.entities))
        if chosen.language:
            self._language_known(chosen.language)
        if not any(is_group(c) for c in chosen.channels):
            return chosen
        groups = self.store.metadata.group_members()
        return replace(chosen, channels=expand_groups(chosen.channels, groups))

    def _same_outlets(self, channel: Outlets, parsed: ParsedQuery) -> bool:
        """Whether an outlet option names the outlets the query's filter does."""
        given = _outlet_values(channel)
        if not given:
            return False
        named = self._outlets_named(given)
        return {n.casefold() for n in named} == {
            n.casefold() for n in self._outlets_named(parsed.channels)
        }

    def _language_known(self, language: str) -> None:
        """A ``ConfigError`` for a language no video has (a typo would find nothing);
        ``(unknown)`` selects the videos of no known language."""
        if language == UNKNOWN_OUTLET:
            return
        like = self.store.videos.languages_like(language)
        if language.lower() not in (c.lower() for c in like):
            raise ConfigError(
                f"no video in language {language!r} in the archive; its languages: "
                + (", ".join(like) or "none recorded")
            )

    def _outlets_named(self, channels: tuple[str, ...]) -> tuple[str, ...]:
        """The outlet filters with each code replaced by the outlets it names ("dw": the
        outlet "DW News", whose videos do not all carry the code); a ``ConfigError`` for
        a name or code no video has (a typo would find nothing)."""
        metadata = self.store.metadata
        out: list[str] = []
        for name in channels:
            named = [name] if is_group(name) or name == UNKNOWN_OUTLET else []
            named = named or metadata.outlet_names(name)
            if not named:
                outlets = [o.name for o in metadata.outlets()]
                hint = outlet_hint(name, outlets)
                raise ConfigError(
                    f"no outlet {name!r} in the archive (by name or code)"
                    + (f"{hint} Its" if hint else "; its")
                    + f" outlets: {', '.join(outlets[:12]) or 'none yet'} "
                    "('newsreel outlets' lists them all)"
                )
            out += [n for n in named if n not in out]
        return tuple(out)

    def _parse(
        self, query: str, channel: Outlets, lang: str | None, since: date | None, until: date | None
    ) -> tuple[ParsedQuery, Filters]:
        """Parse a query; return it with the filters it and the options name. A long
        word also matches the two words the archive's captions split it into
        ("sportswashing": "sports washing")."""
        parsed = parse_query(query)
        node = self.indexes.with_split_forms(parsed.node)
        return replace(parsed, node=node), self._filters(channel, lang, since, until, parsed)

    def _metadata_changed(self) -> None:
        self._trends = None  # its arrays hold the outlets and dates as they were
        self.indexes.index_pending()  # titles and outlets live in the full-text index
        self.store.stories.refresh_spans()  # a story's dates and outlets are its videos'

    def _widest(self, query: str, exact: bool, **filters: Any) -> tuple[Node, Filters]:
        parsed, chosen = self._parse(query, **filters)
        node = prepared(parsed.node, exact)
        variants = variants_for(self.store, node, exact, parsed.dropped, self.indexes.context)
        return widest(node, variants), hidden(self.indexes, node, variants, chosen)

    def _chosen(
        self,
        query: str | None,
        channel: Outlets,
        lang: str | None,
        since: date | None,
        until: date | None,
        exact: bool,
        mode: str = "lexical",
    ) -> tuple[Filters, list[int] | None]:
        """The filters and (with a query) the transcripts it matches, as search finds them:
        by its words (``mode`` lexical), or the ``MEANING_EXPORT`` first hits of a search
        by meaning (semantic, or hybrid: which has no end of its own)."""
        if not query:
            return self._filters(channel, lang, since, until), None
        if mode != "lexical":
            chosen, ids, _ = self._by_meaning(query, mode, exact, channel, lang, since, until)
            return chosen, ids
        node, chosen = self._widest(
            query, exact, channel=channel, lang=lang, since=since, until=until
        )
        return chosen, self.indexes.matching_ids(node, chosen)

    def _writable_target(self, path: str | Path) -> Path:
        """An export's path, refused where it is one of the archive's own files (the
        database, its -wal/-shm, lock, vectors or full-text index): writing there would
        destroy the archive it is read from."""
        target = Path(path)
        if is_postgres_url(str(self.store.path)) or str(self.store.path) == ":memory:":
            return target
        archive = Path(self.store.path).resolve()
        own = {archive.with_name(archive.name + s) for s in ("", "-wal", "-shm", "-journal")}
        own |= {archive.with_name(archive.name + s) for s in (".lock", ".vectors")}
        index = archive.with_name(archive.name + ".fulltext")
        resolved = target.resolve()
        if resolved in own or resolved == index or index in resolved.parents:
            raise ConfigError(
                f"{path}: is the archive's own file ({archive.name}); export to another path"
            )
        return target

    def _by_meaning(
        self,
        query: str,
        mode: str,
        exact: bool,
        channel: Outlets,
        lang: str | None,
        since: date | None,
        until: date | None,
    ) -> tuple[Filters, list[int], list[str]]:
        """The filters, the transcripts and the video ids (best first) of the first
        ``MEANING_EXPORT`` hits of a semantic or hybrid search."""
        if mode not in MODES:
            raise ConfigError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        parsed, chosen = self._parse(query, channel, lang, since, until)
        if mode == "semantic":
            hits = semantic(self.indexes, parsed.node, chosen, limit=MEANING_EXPORT)
        else:
            hits = hybrid(
                self.indexes,
                parsed.node,
                chosen,
                limit=MEANING_EXPORT,
                exact=exact,
                dropped=parsed.dropped,
            )
        order = [h.video_id for h in hits]
        return chosen, self.store.videos.current_transcripts(order), order

    def _selected_videos(
        self,
        *,
        query: str | None = None,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
        exact: bool = False,
        mode: str = "lexical",
    ) -> set[str] | None:
        """Ids of the videos a query (found by ``mode``) and filters select; None when
        nothing is asked. A query given empty is refused, as search refuses it: it would
        select everything."""
        if query is not None and not query.strip():
            parse_query(query)  # raises: "the query has no words to search for"
        if not (query or channel or lang or since or until):
            return None
        chosen, ids = self._chosen(query, channel, lang, since, until, exact, mode)
        return set(self.store.videos.video_ids(chosen, ids))


def _typed_filters(channel: object, lang: object, since: object, until: object) -> None:
    """A ``ConfigError`` naming a filter of the wrong type (``channel=5``), where Python
    would fail inside with "'int' object is not iterable"."""
    outlets = [channel] if isinstance(channel, str) else channel
    if outlets is not None and (
        not isinstance(outlets, list | tuple | set | frozenset)
        or not all(isinstance(o, str) for o in outlets)
    ):
        raise ConfigError(
            f"channel is an outlet's name or code, or a list of them, not {channel!r}"
        )
    if lang is not None and not isinstance(lang, str):
        raise ConfigError(f"lang is a language code such as 'en', not {lang!r}")
    for name, day in (("since", since), ("until", until)):  # ISO text is read as a date
        if day is not None and not isinstance(day, date | str):
            raise ConfigError(f"{name} is a date (or ISO text, 2024-03-31), not {day!r}")
