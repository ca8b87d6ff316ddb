"""Outlet groups: named sets of outlets (Media Cloud's "collections"), usable wherever
an outlet filter is, as ``group:NAME`` (``--channel group:NAME``, ``channel:group:NAME``).

An outlet is named as the outlet filter names it: its name or one of its channel codes,
case-insensitively; a group stores the outlets' names. Pure: the archive's outlets and
groups come in as arguments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from newsreel.errors import ConfigError, NotFoundError
from newsreel.ingest.outlets import outlet_key
from newsreel.rows import OutletRow
from newsreel.search.query import GROUP_PREFIX
from newsreel.text import closest, did_you_mean

MAX_NAME = 64
_NAME = re.compile(rf"^[^\W_][\w.-]{{0,{MAX_NAME - 1}}}$")


def is_group(channel: str) -> bool:
    """Whether an outlet filter value names a group (``group:NAME``)."""
    return channel[: len(GROUP_PREFIX)].lower() == GROUP_PREFIX


def check_group_name(name: str, outlets: Iterable[OutletRow]) -> str:
    """``name`` if it can name a group: letters, digits, ``-``, ``_`` and ``.``, and no
    outlet's name or code; ``ConfigError`` says why not."""
    if not _NAME.match(name):
        raise ConfigError(
            f"{name!r} cannot name a group: use letters, digits, '-', '_' and '.' (at most "
            f"{MAX_NAME}), starting with a letter or digit, e.g. europe or public-tv"
        )
    key = outlet_key(name)
    for outlet in outlets:
        if key in {outlet_key(n) for n in (outlet.name, *outlet.codes)}:
            raise ConfigError(
                f"the group name {name!r} is taken by the outlet {outlet.name!r} (its name or "
                "code); choose another name, e.g. "
                f"{name}-group"
            )
    return name


def match_outlets(spellings: Sequence[str], outlets: Sequence[OutletRow], where: str) -> list[str]:
    """The names of the ``outlets`` that ``spellings`` name (name or code,
    case-insensitive), in the order given; ``NotFoundError`` for a spelling that names
    none, saying ``where`` it was looked for and listing close names."""
    found: dict[str, None] = {}
    for spelling in spellings:
        wanted = spelling.strip().casefold()
        named = [o.name for o in outlets if wanted in {n.casefold() for n in (o.name, *o.codes)}]
        if not named:
            raise NotFoundError(f"no outlet {spelling!r} in {where}{_suggest(spelling, outlets)}")
        found.update(dict.fromkeys(named))
    return list(found)


def outlet_hint(name: str, outlets: Sequence[str]) -> str:
    """ "; did you mean ..." for an outlet name no video has: the outlets whose name holds
    it as a word ("DW": 'DW News'), then the closest in letters ("BBC Nwes"); "" if none."""
    from rapidfuzz import utils

    typed = utils.default_process(name).split()
    holding = [o for o in outlets if typed and set(typed) <= set(utils.default_process(o).split())]
    return did_you_mean([*holding, *closest(name, outlets)])


def _suggest(spelling: str, outlets: Sequence[OutletRow]) -> str:
    """'; did you mean ...' (outlet_hint), or the outlets there are."""
    names = [o.name for o in outlets]
    hint = outlet_hint(spelling, names)
    if hint:
        return hint
    shown = ", ".join(names[:10]) + (", ..." if len(names) > 10 else "")
    return f"; its outlets: {shown or 'none'}"


def expand_groups(channels: Sequence[str], groups: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """Outlet filter values with each ``group:NAME`` replaced by the group's outlets
    (names case-insensitive); ``ConfigError`` for a group the archive does not have."""
    by_key = {name.casefold(): name for name in groups}
    out: dict[str, str] = {}
    for channel in channels:
        if not is_group(channel):
            out.setdefault(channel.casefold(), channel)
            continue
        name = channel[len(GROUP_PREFIX) :].strip()
        if name.casefold() not in by_key:
            known = ", ".join(sorted(groups, key=str.casefold)) or "none yet"
            raise ConfigError(
                f"no outlet group {name!r}; the archive's groups: {known} (make one with "
                "'newsreel group add NAME OUTLET...')"
            )
        for outlet in groups[by_key[name.casefold()]]:
            out.setdefault(outlet.casefold(), outlet)
    return tuple(out.values())
