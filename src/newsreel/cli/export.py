"""``newsreel export``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from newsreel.api import open_archive
from newsreel.cli.common import archive_option, filter_options, handle_errors, resolve_archive
from newsreel.export import FORMATS


@click.command()
@archive_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--query", "-q", help="Only videos matching this search query.")
@filter_options
@handle_errors
def export(
    archive: Path | None,
    fmt: str,
    output: Path,
    query: str | None,
    channel: str | None,
    lang: str | None,
    since: date | None,
    until: date | None,
) -> None:
    """Export one row per video (every metadata column, the outlet, the transcript)."""
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        count = arch.export(
            output, fmt, query=query, channel=channel, lang=lang, since=since, until=until
        )
    click.echo(f"wrote {count} videos to {output}", err=True)
