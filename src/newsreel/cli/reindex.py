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
@click.option(
    "--phrase-pairs/--no-phrase-pairs",
    default=None,
    help="Rebuild only the full-text index, with (or without) pair terms of a common "
    "word and its neighbour: phrases of frequent words ('is that') answer ~25x faster "
    "in a large archive, indexing takes ~5x longer (bench/pairs.py). The choice stays "
    "with the index.",
)
@wait_option
@handle_errors
def reindex(archive: Path | None, phrase_pairs: bool | None) -> None:
    """Rebuild the search indexes from the archive's records.

    The full-text index (ARCHIVE.fulltext/), the sound-alike vocabulary and the vector
    index (ARCHIVE.vectors) are derived from the archive; rebuild them after deleting or
    copying them, or after an upgrade that asks for it. On a PostgreSQL archive the full
    text (search_docs) and the vector lists in the database are rebuilt.
    """
    path = existing_archive(archive)
    started = time.perf_counter()
    with open_writable(path) as arch:
        count = arch.reindex(phrase_pairs)
    click.echo(f"{count} videos indexed in {time.perf_counter() - started:.1f} s -> {path}")
