"""The exception tree.

    NewsreelError              anything Newsreel raises on purpose
    ├── BadInputError          one input item cannot be read; it is quarantined
    ├── ConfigError            a setting or argument is invalid
    ├── QueryError             a search query cannot be parsed or run
    │   └── TimeBudgetError    a query ran past its time budget and was stopped
    ├── NotFoundError          a requested video or object does not exist
    └── StoreError             the archive cannot be opened or written
        ├── SchemaError        the archive was made by a newer Newsreel
        └── LockedError        another process is writing the archive

Messages are whole sentences that say what was wrong, where, and how to fix it.
"""

from __future__ import annotations


class NewsreelError(Exception):
    """Base class of every error Newsreel raises on purpose."""


class BadInputError(NewsreelError):
    """An input item cannot be read; the caller quarantines it with this reason.

    ``line`` and ``byte`` locate the problem inside the item when known (1-based line,
    0-based byte offset); ``locator`` names the item inside a multi-record file.
    """

    def __init__(
        self,
        reason: str,
        *,
        line: int | None = None,
        byte: int | None = None,
        locator: str | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.byte = byte
        self.locator = locator


class ConfigError(NewsreelError):
    """A setting, flag or argument is invalid."""


class QueryError(NewsreelError):
    """A search query cannot be parsed or run."""


class TimeBudgetError(QueryError):
    """A query ran longer than its time budget and stopped itself (``newsreel.budget``)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"the query took longer than its time budget of {seconds:g} s and was stopped; "
            'narrow it: fewer or rarer words, a "quoted phrase", exact matching (no '
            "sound-alikes), lexical mode, or an outlet or date filter"
        )
        self.seconds = seconds


class NotFoundError(NewsreelError):
    """A requested video or other object does not exist in the archive."""


def no_story(story_id: int, moved: tuple[bool, int | None], archive: object) -> NotFoundError:
    """The error for a story id that finds nothing: never one, or regrouped away, with
    the story now holding most of its videos (``moved``: ``Stories.moved_story``)."""
    gone, heir = moved
    if not gone:
        return NotFoundError(f"no story {story_id} in the archive {archive} (newsreel stories)")
    where = f"most of its videos are in story {heir}" if heir else "its videos are in no story now"
    return NotFoundError(f"story {story_id} was regrouped (stories --regroup): {where}")


class StoreError(NewsreelError):
    """The archive cannot be opened, migrated or written."""


class SchemaError(StoreError):
    """The archive's schema is newer than this version of Newsreel understands."""


class LockedError(StoreError):
    """Another process holds the archive's writer lock (one writer per archive)."""
