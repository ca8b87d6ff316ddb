"""Newsreel: turn raw news-video transcripts into a searchable, analysable archive.

The names below load on first use (PEP 562): ``import newsreel`` and the command line's
first moments stay light, so Ctrl-C there ends quietly (``newsreel.launch``).
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_WHERE = {
    "Archive": "newsreel.api",
    "BadInputError": "newsreel.errors",
    "ClaimRow": "newsreel.rows",
    "CollectSummary": "newsreel.models",
    "Comparison": "newsreel.rows",
    "ConfigError": "newsreel.errors",
    "EntityProfile": "newsreel.rows",
    "EntityRow": "newsreel.rows",
    "FieldChange": "newsreel.rows",
    "IngestSummary": "newsreel.models",
    "MetadataEdit": "newsreel.rows",
    "NewsreelError": "newsreel.errors",
    "NotFoundError": "newsreel.errors",
    "OutletMerge": "newsreel.rows",
    "QueryError": "newsreel.errors",
    "QuoteRow": "newsreel.rows",
    "Record": "newsreel.models",
    "SchemaError": "newsreel.errors",
    "SearchHit": "newsreel.models",
    "Segment": "newsreel.models",
    "Stats": "newsreel.models",
    "StoreError": "newsreel.errors",
    "StoryRow": "newsreel.rows",
    "TimeBudgetError": "newsreel.errors",
    "Topics": "newsreel.rows",
    "VideoDetail": "newsreel.models",
    "VideoMention": "newsreel.rows",
    "VideoRow": "newsreel.rows",
    "copy_archive": "newsreel.api",
    "open_archive": "newsreel.api",
    "time_budget": "newsreel.budget",
}


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'newsreel' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


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
