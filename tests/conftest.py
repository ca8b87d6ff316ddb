"""Shared fixtures: paths to fixtures and the shared corpora, and fresh archives."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsreel import Archive, open_archive

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = (ROOT / ".." / "shared" / "data").resolve()
SEED = SHARED / "seed" / "000_ca11e6ccf9581cca.txt"


@pytest.fixture(scope="session", autouse=True)
def _english_word_lists() -> None:
    """wordfreq's lists load on first use (a quarter of a second): once, before any test,
    so that no property test's deadline pays for it."""
    from newsreel.search.forms import english_zipf

    english_zipf("news")


@pytest.fixture
def shared() -> Path:
    """The shared corpora; tests using this are skipped with a reason when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared corpora not found at {SHARED} (CI provides ../shared/data)")
    return SHARED


# The PostgreSQL server the `postgres` tests use: .ci/run starts one and sets this (a
# URL of a database the user may create databases from, e.g. .../postgres).
POSTGRES_ENV = "NEWSREEL_TEST_POSTGRES"


def _admin(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statement)


@contextmanager
def scratch_database(prefix: str, create: bool = True) -> Iterator[str]:
    """The URL of a new PostgreSQL database (created here, or left to the code under test
    to create), dropped afterwards; skipped with a reason where no server is configured
    (never in CI: .ci/run starts one)."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        if os.environ.get("CI"):
            pytest.fail(f"${POSTGRES_ENV} is not set: .ci/run should have started PostgreSQL")
        pytest.skip(f"no PostgreSQL server (set ${POSTGRES_ENV}; .ci/run starts one)")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    if create:
        _admin(base, f"CREATE DATABASE {name}")
    head, _, tail = base.partition("?")
    url = head.rsplit("/", 1)[0] + "/" + name + (f"?{tail}" if tail else "")
    try:
        yield url
    finally:
        _admin(base, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database, dropped afterwards."""
    with scratch_database("newsreel_test") as url:
        yield url


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    """A fresh, empty archive in a temporary folder (modules testing both stores
    override it with ``any_archive``)."""
    with open_archive(tmp_path / "test.db") as arch:
        yield arch


@pytest.fixture
def sqlite_archive(tmp_path: Path) -> Iterator[Archive]:
    """A fresh SQLite archive ``tmp_path/test.db``, in modules where ``archive`` is
    both stores (for what only the SQLite file has)."""
    with open_archive(tmp_path / "test.db") as arch:
        yield arch


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_archive(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Archive]:
    """A fresh, empty archive in each store: a SQLite file, and a PostgreSQL database."""
    target = (
        request.getfixturevalue("postgres_url")
        if request.param == "postgres"
        else str(tmp_path / "test.db")
    )
    with open_archive(target) as arch:
        yield arch


@pytest.fixture
def examples() -> Path:
    """The bundled examples folder."""
    return ROOT / "examples"


def jsonl_file(folder: Path, rows: list[dict[str, str]]) -> Path:
    """A JSON Lines table of ``rows`` (one video each) in ``folder``, to ingest."""
    path = folder / "t.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path
