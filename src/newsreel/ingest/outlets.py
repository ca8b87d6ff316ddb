"""Outlet names made one: the shipped alias file (``outlets.toml``) and the user's own
aliases in the archive, applied to every record as it is archived.

``en_DW`` (a seed thumbnail folder), ``DW`` and ``DW News`` are one outlet: each
spelling is looked up by its key (case, ``_`` and spacing ignored) and replaced by the
name the alias table gives, following a chain of aliases to its end. A user's alias
wins over the shipped one for the same spelling.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsreel.errors import ConfigError, NotFoundError
from newsreel.ingest.formats.outlets import OUTLETS, shipped_outlets
from newsreel.ingest.formats.provenance import field_sources
from newsreel.models import UNKNOWN_OUTLET
from newsreel.store.base import FileResult

_MAX_CHAIN = 8


def outlet_key(name: str) -> str:
    """The key an outlet spelling is matched by: case, ``_`` and spacing ignored."""
    return " ".join(name.replace("_", " ").casefold().split())


@lru_cache(maxsize=4)
def shipped_aliases(path: Path = OUTLETS) -> dict[str, str]:
    """Spelling key -> outlet name, from the alias file (every name maps to itself)."""
    return {
        outlet_key(spelling): name
        for name, aliases in shipped_outlets(path)
        for spelling in (name, *aliases)
    }


@dataclass(frozen=True, slots=True)
class OutletAliases:
    """The alias tables in force: the user's (key -> name) over the shipped ones."""

    user: Mapping[str, str] = field(default_factory=dict)
    shipped: Mapping[str, str] = field(default_factory=shipped_aliases)

    def canonical(self, name: str) -> str:
        """The outlet name to archive for a spelling (the spelling when none is known)."""
        seen: set[str] = set()
        current = name
        for _ in range(_MAX_CHAIN):
            key = outlet_key(current)
            if key in seen:
                break
            seen.add(key)
            target = self.user.get(key) or self.shipped.get(key)
            if target is None:
                break
            current = target
            if outlet_key(target) == key:
                break
        return current


def prepare(results: Iterable[FileResult], aliases: OutletAliases) -> None:
    """Record where each field of every record came from and make its outlet the one
    name the alias tables give (the spelling read stays in its source)."""
    for result in results:
        name = Path(result.path).name
        for record in result.records:
            record.sources = field_sources(record, name)
            if record.channel is None:
                continue
            canonical = aliases.canonical(record.channel)
            if canonical != record.channel:
                how = record.sources.get("channel", "source record")
                record.sources["channel"] = f"{how}; outlet alias of {record.channel!r}"
                record.channel = canonical


def merge_plan(
    source: str, target: str, channels: Iterable[str], user: Mapping[str, str], archive: str
) -> tuple[list[str], str, dict[str, str]]:
    """What merging outlet ``source`` into ``target`` changes: the archive's spellings of
    ``source``, the name to use (``target`` as the archive already spells it, if it
    does) and the user aliases to store (earlier aliases of ``source`` follow it; the
    target stays itself whatever the shipped table says).

    A ``target`` that differs from ``source`` in case or spaces only respells it ("BBC
    News" into "BBC NEWS"). Raises ``ConfigError`` for a merge into itself or into
    ``(unknown)``, ``NotFoundError`` when the archive has no outlet ``source``.
    """
    source_key, target_key = outlet_key(source), outlet_key(target)
    if not source_key or not target_key:
        raise ConfigError("name the outlet to merge and the outlet to merge it into")
    if target_key == outlet_key(UNKNOWN_OUTLET):
        raise ConfigError(
            f"{UNKNOWN_OUTLET} is what videos without an outlet are listed as, not an "
            "outlet to merge into; name a real TARGET"
        )
    typed, given = " ".join(target.split()), " ".join(source.split())
    retyped = typed != given and typed.casefold() == given.casefold()  # "BBC NEWS"
    if source_key == target_key and not retyped:
        raise ConfigError(f"cannot merge the outlet {source!r} into itself; name another TARGET")
    names = sorted(channels)
    spellings = [n for n in names if outlet_key(n) == source_key]
    if not spellings:
        known = ", ".join(names[:20]) + (", ..." if len(names) > 20 else "")
        raise NotFoundError(
            f"no outlet {source!r} in the archive {archive}; its outlets: {known or 'none'}"
        )
    name = typed if retyped else next((n for n in names if outlet_key(n) == target_key), typed)
    aliases = {key: name for key, old in user.items() if outlet_key(old) == source_key}
    aliases[source_key] = name
    aliases[target_key] = name
    return spellings, name, aliases
