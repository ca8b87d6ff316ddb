"""The Python API answers bad arguments and writes to a read-only archive with a
``NewsreelError`` naming the problem, never a raw exception."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from newsreel import ConfigError, StoreError, open_archive


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("api") / "demo.db"
    examples = Path(__file__).resolve().parents[1] / "examples"
    with open_archive(db) as arch:
        arch.ingest([examples])
    return db


def test_dates_may_be_given_as_iso_strings_or_datetimes(archive: Path) -> None:
    with open_archive(archive, read_only=True) as arch:
        as_date = [h.video_id for h in arch.search("Gaza", since=date(2024, 1, 1))]
        assert as_date == [h.video_id for h in arch.search("Gaza", since="2024-01-01")]  # type: ignore[arg-type]
        assert as_date == [h.video_id for h in arch.search("Gaza", since=datetime(2024, 1, 1))]
        with pytest.raises(ConfigError, match="since='yesterday' is not a date"):
            arch.search("Gaza", since="yesterday")  # type: ignore[arg-type]


def test_a_write_to_a_read_only_archive_is_a_store_error(archive: Path) -> None:
    with open_archive(archive, read_only=True) as arch:
        with pytest.raises(StoreError, match="open read-only"):
            arch.set_metadata("wyqHuhmsA28", title="x")
        with pytest.raises(StoreError, match="open read-only"):
            arch.merge_outlets("DW News", "BBC News")
