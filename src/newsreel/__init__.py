"""Newsreel: turn raw news-video transcripts into a searchable, analysable archive."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from newsreel.api import Archive, copy_archive, open_archive
from newsreel.budget import time_budget
from newsreel.errors import (
    BadInputError,
    ConfigError,
    NewsreelError,
    NotFoundError,
    QueryError,
    SchemaError,
    StoreError,
    TimeBudgetError,
)
from newsreel.models import (
    CollectSummary,
    IngestSummary,
    Record,
    SearchHit,
    Segment,
    Stats,
    VideoDetail,
)
from newsreel.rows import (
    ClaimRow,
    Comparison,
    EntityProfile,
    EntityRow,
    FieldChange,
    MetadataEdit,
    OutletMerge,
    QuoteRow,
    StoryRow,
    Topics,
    VideoMention,
    VideoRow,
)

try:
    __version__ = version("newsreel")  # one source: [project] version in pyproject.toml
except PackageNotFoundError:  # pragma: no cover - running from a tree that is not installed
    __version__ = "0+unknown"

__all__ = [
    "Archive",
    "BadInputError",
    "ClaimRow",
    "CollectSummary",
    "Comparison",
    "ConfigError",
    "EntityProfile",
    "EntityRow",
    "FieldChange",
    "IngestSummary",
    "MetadataEdit",
    "NewsreelError",
    "NotFoundError",
    "OutletMerge",
    "QueryError",
    "QuoteRow",
    "Record",
    "SchemaError",
    "SearchHit",
    "Segment",
    "Stats",
    "StoreError",
    "StoryRow",
    "TimeBudgetError",
    "Topics",
    "VideoDetail",
    "VideoMention",
    "VideoRow",
    "copy_archive",
    "open_archive",
    "time_budget",
]
