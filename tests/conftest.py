"""Shared fixtures: paths to fixtures and the shared corpora, and fresh archives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsreel import Archive, open_archive

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = (ROOT / ".." / "shared" / "data").resolve()
SEED = SHARED / "seed" / "000_ca11e6ccf9581cca.txt"


@pytest.fixture
def shared() -> Path:
    """The shared corpora; tests using this are skipped with a reason when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared corpora not found at {SHARED} (CI provides ../shared/data)")
    return SHARED


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    """A fresh, empty archive in a temporary folder."""
    with open_archive(tmp_path / "test.db") as arch:
        yield arch


@pytest.fixture
def examples() -> Path:
    """The bundled examples folder."""
    return ROOT / "examples"
