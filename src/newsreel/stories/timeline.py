"""A story's timeline: who reported it first. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from newsreel.rows import StoryVideo

UNKNOWN = "(unknown)"


def first_by_outlet(items: Iterable[StoryVideo]) -> tuple[StoryVideo, ...]:
    """Each outlet's first dated video of a story (``items`` oldest first), the earliest
    outlet first; videos of no known outlet count as one outlet."""
    first: dict[str, StoryVideo] = {}
    for item in items:
        channel = item.channel or UNKNOWN
        if item.publish_date and channel not in first:
            first[channel] = item
    return tuple(sorted(first.values(), key=lambda i: i.publish_date or date.max))
