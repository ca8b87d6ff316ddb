"""``newsreel copy``."""

from __future__ import annotations

import json
import sys

import click

from newsreel.api import copy_archive
from newsreel.cli.common import handle_errors
from newsreel.store.postgres import redact

EXIT_MISMATCH = 4


@click.command()
@click.argument("source")
@click.argument("dest")
@click.option("--json", "as_json", is_flag=True, help="Print rows and hashes per table as JSON.")
@handle_errors
def copy(source: str, dest: str, as_json: bool) -> None:
    """Copy an archive into a new one: SQLite to PostgreSQL or back.

    SOURCE and DEST are archive files or PostgreSQL URLs (postgresql://USER@HOST/DB;
    a missing database is created). Every table is copied with its ids, then counted
    and hashed on both sides; DEST's search indexes are built from its rows. Exit
    status 4 when a table differs.
    """

    def progress(table: str, rows: int) -> None:
        if sys.stderr.isatty():
            click.echo(f"\r{table:16} {rows:>12,} {_rows(rows)}", err=True, nl=False)

    report = copy_archive(source, dest, progress)
    if sys.stderr.isatty():
        click.echo("", err=True)
    if as_json:
        click.echo(json.dumps(report.to_dict()))
    for table, rows in report.rows.items():
        click.echo(f"{table:16} {rows:>12,} {_rows(rows)}", err=True)
    if not report.verified:
        click.echo(
            f"Error: the copy in {redact(dest)} differs from {redact(source)}: compare the "
            "hashes (--json)",
            err=True,
        )
        sys.exit(EXIT_MISMATCH)
    total = sum(report.rows.values())
    click.echo(
        f"{total:,} {_rows(total)} copied and verified (counts and hashes) -> {redact(dest)}",
        err=True,
    )


def _rows(n: int) -> str:
    return "row" if n == 1 else "rows"
