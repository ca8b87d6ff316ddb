"""``newsreel reindex``."""

from __future__ import annotations

import time
from pathlib import Path

import click

from newsreel.cli.common import (
    archive_option,
    existing_archive,
    handle_errors,
    open_writable,
    wait_option,
)


@click.command()
@archive_option
@wait_option
@handle_errors
def reindex(archive: Path | None) -> None:
    """Rebuild the search indexes from the archive's records.

    The full-text index (ARCHIVE.fulltext/), the sound-alike vocabulary and the vector
    index (ARCHIVE.vectors) are derived from the archive; rebuild them after deleting or
    copying them, or after an upgrade that asks for it. On a PostgreSQL archive the full
    text (search_docs) and the vector lists in the database are rebuilt.
    """
    path = existing_archive(archive)
    started = time.perf_counter()
    with open_writable(path) as arch:
        count = arch.reindex()
    click.echo(f"{count} videos indexed in {time.perf_counter() - started:.1f} s -> {path}")
