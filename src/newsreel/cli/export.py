"""``newsreel export``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from newsreel.api import TABLES, open_archive
from newsreel.cli.common import archive_option, filter_options, handle_errors, resolve_archive
from newsreel.errors import ConfigError
from newsreel.export import FORMATS


@click.command()
@archive_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option(
    "--table",
    type=click.Choice(TABLES),
    default="videos",
    show_default=True,
    help="What to export: one row per video, or an enrichment table.",
)
@click.option("--query", "-q", help="Only videos matching this search query.")
@click.option(
    "--raw-csv",
    is_flag=True,
    help="Write CSV cells as they are; by default a cell starting with = + - @ gets a "
    "leading ' so spreadsheets do not run it as a formula.",
)
@filter_options
@handle_errors
def export(
    archive: Path | None,
    fmt: str,
    output: Path,
    table: str,
    query: str | None,
    raw_csv: bool,
    channel: str | None,
    lang: str | None,
    since: date | None,
    until: date | None,
) -> None:
    """Export one row per video (every metadata column, the outlet, the transcript), or
    the entities, mentions, claims or quotes that 'newsreel enrich' found."""
    if table != "videos":
        if query or channel or lang or since or until:
            raise ConfigError(f"--table {table} takes no filters (they select videos)")
        with open_archive(resolve_archive(archive), read_only=True) as arch:
            count = arch.export_table(table, output, fmt, raw_csv=raw_csv)
        click.echo(f"wrote {count} {table} to {output}", err=True)
        return
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        count = arch.export(
            output,
            fmt,
            raw_csv=raw_csv,
            query=query,
            channel=channel,
            lang=lang,
            since=since,
            until=until,
        )
    click.echo(f"wrote {count} videos to {output}", err=True)
