"""Newsreel: turn raw news-video transcripts into a searchable, analysable archive."""

from __future__ import annotations

from newsreel.api import Archive, open_archive
from newsreel.errors import (
    BadInputError,
    ConfigError,
    NewsreelError,
    NotFoundError,
    QueryError,
    SchemaError,
    StoreError,
)
from newsreel.models import IngestSummary, Record, SearchHit, Segment, Stats, VideoDetail

__version__ = "0.1.0"

__all__ = [
    "Archive",
    "BadInputError",
    "ConfigError",
    "IngestSummary",
    "NewsreelError",
    "NotFoundError",
    "QueryError",
    "Record",
    "SchemaError",
    "SearchHit",
    "Segment",
    "Stats",
    "StoreError",
    "VideoDetail",
    "open_archive",
]
