"""Archive storage behind the ``Store`` protocol; SQLite is the reference backend."""

from __future__ import annotations

from newsreel.store.base import FileResult, SourceState, Store
from newsreel.store.sqlite import SQLiteStore

__all__ = ["FileResult", "SQLiteStore", "SourceState", "Store"]
