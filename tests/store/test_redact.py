"""A PostgreSQL URL is named in messages without its password, and otherwise as written."""

from __future__ import annotations

import pytest

from newsreel.store.postgres import redact


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "postgresql://root:Sup3rSecret@/db?host=/var/run/postgresql",
            "postgresql://root:***@/db?host=/var/run/postgresql",
        ),
        # review: the three slashes of a URL without a host were lost
        ("postgresql:///db?host=/x&password=abc", "postgresql:///db?host=/x&password=***"),
        ("postgres://u:p@h:5432/db?sslmode=require", "postgres://u:***@h:5432/db?sslmode=require"),
        ("postgresql://u@h/db", "postgresql://u@h/db"),
        ("archive.db", "archive.db"),
    ],
)
def test_a_url_is_shown_without_its_password(url: str, shown: str) -> None:
    assert redact(url) == shown
