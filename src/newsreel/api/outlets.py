"""Outlets, outlet groups and metadata set by hand."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from newsreel.api.base import ArchiveBase
from newsreel.errors import ConfigError, NotFoundError
from newsreel.ingest.edits import checked_edits
from newsreel.ingest.formats.provenance import USER
from newsreel.ingest.groups import check_group_name, match_outlets
from newsreel.ingest.outlets import OutletAliases, merge_plan
from newsreel.rows import (
    FieldChange,
    GroupEdit,
    MetadataEdit,
    OutletGroup,
    OutletMerge,
    OutletRow,
)


class OutletMethods(ArchiveBase):
    """Outlets and groups of an archive, and video metadata set by hand."""

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
            if "language" in values and values["language"] != before.get("language"):
                self.store.repairs.outdate(video_id)  # English is repaired, others kept
            self._metadata_changed()
        return MetadataEdit(
            video_id, tuple(FieldChange(k, before[k], v) for k, v in values.items())
        )

    def merge_outlets(self, source: str, target: str) -> OutletMerge:
        """Make outlet ``source`` one with ``target``: its videos are relabelled now and
        every later ingest gives its spellings the target's name; ``source`` may be given
        by a channel code. ``NotFoundError`` when the archive has no outlet ``source``,
        ``ConfigError`` for a merge into itself."""
        with self.writing("outlet-merge"):
            metadata = self.store.metadata
            # a code names its outlet here as in every other command ("F24"); the target
            # is the name to give ("DW News" into "DW" renames the outlet to its code)
            source = _one(metadata.outlet_names(source), source)
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

    def add_to_group(self, name: str, outlets: Sequence[str] | str) -> GroupEdit:
        """Add outlets (names or codes, case-insensitive) to the group ``name``, making it
        if new; filter by it with ``channel="group:NAME"``. ``ConfigError`` for a bad
        name, one an outlet has, or no outlets; ``NotFoundError`` (with close names) for
        an outlet the archive does not have."""
        outlets = [outlets] if isinstance(outlets, str) else outlets
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

    def remove_from_group(self, name: str, outlets: Sequence[str] | str = ()) -> GroupEdit:
        """Remove outlets (names or codes) from the group ``name``, or the whole group
        when none are named (a group whose last outlet goes is removed too).
        ``NotFoundError`` for an unknown group or an outlet not in it."""
        outlets = [outlets] if isinstance(outlets, str) else outlets
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


def _one(names: list[str], given: str) -> str:
    """The outlet a name or code names, where it names exactly one; else as given."""
    return names[0] if len(names) == 1 else given
