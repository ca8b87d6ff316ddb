"""Entities, claims and quotes: reading them, exporting them and editing entities."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from newsreel.api.base import FACET_POOL, ArchiveBase, Outlets
from newsreel.entities.counts import entities_of
from newsreel.entities.spelling import key as link_key
from newsreel.errors import ConfigError, NotFoundError
from newsreel.export import write_rows
from newsreel.rows import (
    ClaimRow,
    EntityProfile,
    EntityRow,
    JsonRow,
    MentionRow,
    QuoteRow,
    VideoMention,
)

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")


class EntityMethods(ArchiveBase):
    """Entities, claims and quotes of an archive; merge, split and rename entities."""

    def entities(self, video_id: str | None = None) -> list[EntityRow]:
        """Entities of one video (or the archive), most mentioned first: ``entity_id``,
        ``name``, ``type``, ``spellings`` (spelling -> count), ``mentions``."""
        if video_id is not None:
            self.store.videos.get_video(video_id)  # NotFoundError for an unknown video
        return self.store.entities.entity_rows(video_id)

    def _entity_row(self, entity_id: int) -> EntityRow:
        rows = self.store.entities.entity_rows(entity_id=entity_id)
        if not rows:
            raise NotFoundError(
                f"entity {entity_id} is mentioned in no current transcript: where its "
                "videos have new versions, 'newsreel process' finds their entities again"
            )
        return rows[0]

    def entity(self, name: str | int) -> EntityProfile:
        """One entity by id (``EntityRow.entity_id``, or its digits), name or spelling
        heard: spellings, counts per outlet and month, top co-mentioned entities, videos,
        quotes."""
        entity_id = self._entity_id(name)
        return self.store.entities.entity_profile(self._entity_row(entity_id))

    def _entity_id(self, name: str | int) -> int:
        """An entity's id by id, name or spelling; ConfigError where ``name`` is blank."""
        if not str(name).strip():
            raise ConfigError("no entity name given: name one, e.g. 'Keir Starmer', or its id")
        return self.store.entities.find_entity(str(name))[0]

    def also_heard(self, name: str, entity_id: int) -> list[tuple[int, str, str, int]]:
        """(id, name, type, mentions) of the other entities heard as the spelling
        ``name`` ("Laura" is also Laura Bicker's and Laura Kuenssberg's), most first."""
        return [row for row in self.store.entities.heard_as(name) if row[0] != entity_id]

    def claims(
        self,
        video_id: str | None = None,
        entity: str | None = None,
        limit: int | None = None,
        *,
        query: str | None = None,
        **filters: Any,
    ) -> list[ClaimRow]:
        """Numbers with what they count and their attribution: of one video, the videos
        that mention an entity, or the videos a query and filters (channel, lang, since,
        until) select (with ``limit``, the newest that many)."""
        if limit is not None and limit < 1:
            raise ConfigError(f"limit must be at least 1 (or None for all), not {limit}")
        if video_id is not None:
            _alone(entity, query, filters)
            self.store.videos.get_video(video_id)
            return self.store.entities.claim_rows(video_id=video_id, limit=limit)
        entity_id = None if entity is None else self._entity_id(entity)
        wanted = self._selected_videos(query=query, **filters)
        if wanted is None:
            return self.store.entities.claim_rows(entity_id=entity_id, limit=limit)
        rows = self.store.entities.claim_rows(entity_id=entity_id)
        chosen = [r for r in rows if r.video_id in wanted]
        if limit is None:
            return chosen
        return sorted(chosen, key=_newest_first)[:limit]

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
            _alone(entity, query, filters)
            self.store.videos.get_video(video_id)
            return self.store.entities.quote_rows(video_id=video_id)
        rows = (
            self.store.entities.quote_rows(entity_id=self._entity_id(entity))
            if entity is not None
            else self.store.entities.quote_rows()
        )
        return self._of_videos(rows, query=query, **filters)

    def claims_total(self, entity: str) -> int:
        """How many claims the videos that mention an entity hold."""
        return self.store.entities.claim_count(self._entity_id(entity))

    def _of_videos(self, rows: Sequence[QuoteRow], **filters: Any) -> list[QuoteRow]:
        """The rows of the videos that a query and filters select (all without them)."""
        wanted = self._selected_videos(**filters)
        return list(rows) if wanted is None else [r for r in rows if r.video_id in wanted]

    def merge_entities(self, source: str, target: str) -> int:
        """Merge entity ``source`` into ``target`` (all its spellings); survives re-runs.
        Returns the mentions moved."""
        with self.writing("entity-merge"):
            return self._merge_entities(source, target)

    def _merge_entities(self, source: str, target: str) -> int:
        if not source.strip() or not target.strip():
            raise ConfigError("name the entity to merge and the entity to merge it into")
        source_id, src_name, src_type = self.store.entities.find_entity(source)
        target_id, dst_name, dst_type = self.store.entities.find_entity(target)
        if target_id == source_id:
            raise ConfigError(f"{source!r} and {target!r} are one entity, {dst_name}; name another")
        if src_type != dst_type:
            raise ConfigError(f"cannot merge {src_name} ({src_type}) into {dst_name} ({dst_type})")
        row = self._entity_row(source_id)
        for spelling in row.spellings:
            self.store.entities.set_alias(link_key(spelling), dst_type, dst_name)
        self.store.entities.set_alias(link_key(src_name), dst_type, dst_name)
        self.store.stories.rename_in_labels(src_name, dst_name)  # labels show it at once
        return self.store.entities.relink(source_id, list(row.spellings), dst_type, dst_name)

    def split_entity(self, name: str, spelling: str, new_name: str | None = None) -> int:
        """Move one spelling out of an entity into its own (``new_name`` or the spelling);
        survives re-runs. Returns the mentions moved."""
        with self.writing("entity-split"):
            return self._split_entity(name, spelling, new_name)

    def split_spellings(self, name: str, spelling: str) -> list[str]:
        """The spellings of entity ``name`` that a split of ``spelling`` moves: those it is
        up to case, punctuation and a possessive ("Gaza" takes "Gaza's" with it), as
        merges and splits are remembered for re-runs by that key."""
        row = self._entity_row(self.store.entities.find_entity(name)[0])
        return [s for s in row.spellings if link_key(s) == link_key(spelling)]

    def _split_entity(self, name: str, spelling: str, new_name: str | None = None) -> int:
        entity_id, canonical, kind = self.store.entities.find_entity(name)
        row = self._entity_row(entity_id)
        matching = [s for s in row.spellings if link_key(s) == link_key(spelling)]
        if not matching:
            raise ConfigError(
                f"{canonical} was never heard as {spelling!r}; spellings: "
                + ", ".join(row.spellings)
            )
        if new_name is not None and not new_name.strip():
            raise ConfigError(f"an empty name for the split of {spelling!r}: give a name")
        # the name as typed, spaces at its ends and runs of spaces dropped ("  Ashley Cole ")
        target = " ".join(
            (new_name or " ".join(w[:1].upper() + w[1:] for w in spelling.split())).split()
        )
        _check_name(target, f"split {spelling!r} off {canonical}")
        self._name_free(target, kind)
        if any(i != entity_id for i, _ in self.store.entities.named(target)):
            raise ConfigError(  # a split makes an entity of its own; merging is asked for
                f"an entity is named {target!r} already: give the split another name, or "
                "merge into it (entity-merge, the Merge form or POST /api/v1/entities/merge)"
            )
        if len(matching) == len(row.spellings):
            alone = (
                f"{spelling!r} is {canonical}'s only spelling"
                if len(matching) == 1
                else f"{', '.join(map(repr, matching))}, one spelling up to case and a "
                f"possessive, are all of {canonical}'s spellings"
            )
            raise ConfigError(f"{alone}: a split would leave nothing; rename the entity instead")
        if link_key(target) == link_key(canonical):
            raise ConfigError(
                f"{spelling!r} would stay {canonical}: give the new entity another name"
            )
        self.store.entities.set_alias(link_key(spelling), kind, target)
        return self.store.entities.relink(entity_id, matching, kind, target)

    def _name_free(self, name: str, kind: str, own: int | None = None) -> None:
        """A ``ConfigError`` where an entity of another type (not ``own``, the entity being
        renamed) has the name already (two entities of one name would be told apart by
        nobody)."""
        other = [t for i, t in self.store.entities.named(name) if t != kind and i != own]
        if other:
            raise ConfigError(
                f"an entity of type {other[0]} is named {name!r} already; "
                f"give this {kind} entity another name"
            )

    def rename_entity(self, name: str, new_name: str, kind: str | None = None) -> int:
        """Give an entity a name of the user's choice, and with ``kind`` another type
        (PER, ORG, LOC, MISC): all its spellings keep them across re-runs; the name of
        another entity of that type merges the two. Returns the mentions relinked."""
        with self.writing("entity-rename"):
            return self._rename_entity(name, new_name, kind)

    def rename_merges(self, name: str, new_name: str, kind: str | None = None) -> bool:
        """Whether renaming ``name`` to ``new_name`` (of type ``kind``, else its own)
        would merge it into another entity that has that name and type."""
        own, _, own_kind = self.store.entities.find_entity(name)
        wanted = (kind or own_kind).upper()
        named = self.store.entities.named(" ".join(new_name.split()))
        return any(i != own and t == wanted for i, t in named)

    def _rename_entity(self, name: str, new_name: str, kind: str | None = None) -> int:
        target = " ".join(new_name.split())
        if not target or len(target) > 200:
            raise ConfigError(
                f"a new name of 1 to 200 characters is needed to rename {name!r} "
                f"(got {new_name[:40]!r})"
            )
        _check_name(target, f"rename {name!r}")
        if kind is not None and kind.upper() not in ENTITY_TYPES:
            raise ConfigError(f"no entity type {kind!r}; choose one of {', '.join(ENTITY_TYPES)}")
        entity_id, canonical, own = self.store.entities.find_entity(name)
        kind = own if kind is None else kind.upper()
        if target == canonical and kind == own:
            raise ConfigError(f"{name!r} is named {canonical!r} already: nothing to rename")
        self._name_free(target, kind, entity_id)
        row = self._entity_row(entity_id)
        self._not_taken(target, name, entity_id, row.spellings)
        for spelling in {*row.spellings, canonical}:
            self.store.entities.set_alias(link_key(spelling), kind, target)
        self.store.stories.rename_in_labels(canonical, target)  # labels show it at once
        if self.store.entities.rename(entity_id, target, kind):  # the id stays: links work
            return sum(row.spellings.values())
        return self.store.entities.relink(entity_id, list(row.spellings), kind, target)

    def _not_taken(self, target: str, name: str, own: int, spellings: Iterable[str]) -> None:
        """A ``ConfigError`` where ``target`` already finds another entity without being
        its name: an old name (merged or renamed away) or a way it was heard ("Rafa" for
        Rafah), unless the entity renamed was heard so too."""
        if self.store.entities.named(target) or link_key(target) in map(link_key, spellings):
            return
        moved = self.store.entities.moved_to(target)
        if moved is not None and moved[0] != own:
            why = f"is an old name of {moved[1]!r} (merged or renamed), and finds it"
        else:
            heard = self.store.entities.heard_as(target, limit=1)
            if not heard or heard[0][0] == own:
                return
            why = f"is how {heard[0][1]!r} was heard, and finds it"
        raise ConfigError(
            f"{target!r} {why}; give {name!r} another name, or merge the two (entity-merge, "
            "the Merge form or POST /api/v1/entities/merge)"
        )

    def mentions(self, video_id: str) -> list[VideoMention]:
        """Entity mentions of a video: ``first_word``, ``end_word`` (token offsets of the
        transcript), ``surface``, ``entity_id``, ``name``, ``type``."""
        self.store.videos.get_video(video_id)
        return self.store.entities.video_mentions(video_id)

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
        target = self._writable_target(path)
        kind = fmt or target.suffix.lstrip(".").lower()
        columns, encoded = self.table_rows(table, nested_as_text=kind != "jsonl", **filters)
        return write_rows(encoded, columns, kind, target, raw_csv=raw_csv)

    def table_rows(
        self, table: str, *, nested_as_text: bool = True, **filters: Any
    ) -> tuple[list[str], Iterator[dict[str, Any]]]:
        """The columns and rows of one enrichment table (entities, mentions, claims,
        quotes) of the videos ``filters`` select; nested values (an entity's spellings)
        as JSON text for CSV and Parquet, as objects for JSON Lines (``nested_as_text``
        False), as ``entities --json`` and the API give them."""
        kinds: dict[str, type[JsonRow]] = {
            "entities": EntityRow,
            "mentions": MentionRow,
            "claims": ClaimRow,
            "quotes": QuoteRow,
        }
        readers: dict[str, Callable[[], Sequence[JsonRow]]] = {
            "entities": self.store.entities.entity_rows,
            "mentions": self.store.entities.mention_rows,
            "claims": self.store.entities.claim_rows,
            "quotes": self.store.entities.quote_rows,
        }
        if table not in readers:
            hint = " (the videos table: Archive.export or table)" if table == "videos" else ""
            raise ConfigError(
                f"no enrichment table {table!r}; choose one of {', '.join(readers)}{hint}"
            )
        wanted = self._selected_videos(**filters)
        if wanted is None:
            found: Sequence[JsonRow] = readers[table]()
        elif table == "entities":
            found = entities_of(
                m for m in self.store.entities.mention_rows() if m.video_id in wanted
            )
        else:
            found = [r for r in readers[table]() if getattr(r, "video_id", None) in wanted]
        derived = ("said",) if table == "claims" else ()  # ClaimRow.to_dict adds it
        columns = [*kinds[table].__dataclass_fields__, *derived]  # a header even with no rows
        encoded = (
            {
                k: json.dumps(v, ensure_ascii=False)
                if nested_as_text and isinstance(v, dict)
                else v
                for k, v in r.to_dict().items()
            }
            for r in found
        )
        return columns, encoded


def _newest_first(row: ClaimRow) -> tuple[int, str, int]:
    """Sort key: newest video first (undated last), then video and position."""
    day = row.publish_date.toordinal() if row.publish_date else 0
    return (-day, row.video_id, row.first_word)


def _alone(entity: str | None, query: str | None, filters: dict[str, Any]) -> None:
    """A ``ConfigError`` where a video id comes with an entity, a query or filters."""
    if entity is not None or query or any(filters.values()):
        raise ConfigError("give a video_id, or an entity/query and filters, not both")


def _check_name(name: str, doing: str) -> None:
    """A ``ConfigError`` for a name with an invisible or control character (a
    right-to-left override would reorder the rest of a terminal's line)."""
    bad = [c for c in name if unicodedata.category(c) in _INVISIBLE]
    if bad:
        raise ConfigError(
            f"cannot {doing}: the name {name!r} holds a control or invisible character "
            f"(U+{ord(bad[0]):04X})"
        )


_INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})
