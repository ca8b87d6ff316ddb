"""``newsreel export``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from newsreel.api import TABLES, open_archive
from newsreel.cli.common import (
    archive_option,
    counted,
    filter_options,
    handle_errors,
    resolve_archive,
)
from newsreel.export import FORMATS, STDOUT, STREAMED


@click.command()
@archive_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="File format; default: from the --output suffix (.csv, .jsonl, .parquet).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write; '-' for standard output (CSV or JSON Lines, with --format).",
)
@click.option(
    "--table",
    type=click.Choice(TABLES),
    default="videos",
    show_default=True,
    help="What to export: one row per video, or an enrichment table.",
)
@click.option("--query", "-q", help="Only videos matching this search query.")
@click.option(
    "--passages",
    is_flag=True,
    help="One row per passage where --query matches (video, outlet, date, start and end "
    "seconds, link at that second, text, matched words), streamed.",
)
@click.option(
    "--exact", is_flag=True, help="Match --query only as typed, not as captions misheard it."
)
@click.option(
    "--mode",
    type=click.Choice(["lexical", "semantic", "hybrid"]),
    default="lexical",
    show_default=True,
    help="How --query finds videos: by its words (every video holding them), or by "
    "meaning (semantic, hybrid: the first 1,000 hits, as 'newsreel search --mode').",
)
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
    passages: bool,
    exact: bool,
    mode: str,
    raw_csv: bool,
    channel: tuple[str, ...],
    lang: str | None,
    since: date | None,
    until: date | None,
) -> None:
    """Export one row per video (every metadata column, the outlet, the transcript),
    every passage where a query matches (--passages --query Q), or the entities,
    mentions, claims or quotes that 'newsreel enrich' found."""
    filters = {"channel": channel, "lang": lang, "since": since, "until": until}
    fmt = _format(fmt, output)
    if str(output) == "-":
        if fmt not in STREAMED:
            raise click.UsageError("-o - writes CSV or JSON Lines; Parquet needs a file")
        output = STDOUT
    if exact and not query:
        raise click.UsageError("--exact says how --query matches; give --query too")
    if mode != "lexical" and (not query or passages):
        raise click.UsageError(
            "--mode says how --query finds videos: give --query, without --passages "
            "(passages are where the words occur)"
        )
    if passages:
        if table != "videos":
            raise click.UsageError(f"--passages exports passages, not --table {table}")
        if not query:
            raise click.UsageError("--passages lists where a query matches; give --query")
        with open_archive(resolve_archive(archive), read_only=True) as arch:
            count = arch.export_passages(
                output, fmt, query=query, raw_csv=raw_csv, exact=exact, **filters
            )
        click.echo(f"wrote {count} passages to {_where(output)}", err=True)
        return
    options: dict[str, Any] = {"query": query, "exact": exact, "mode": mode, **filters}
    if table != "videos":
        with open_archive(resolve_archive(archive), read_only=True) as arch:
            count = arch.export_table(table, output, fmt, raw_csv=raw_csv, **options)
        noun = {"entities": "entity"}.get(table, table.removesuffix("s"))
        click.echo(f"wrote {counted(count, noun, table)} to {_where(output)}", err=True)
        return
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        count = arch.export(output, fmt, raw_csv=raw_csv, **options)
    click.echo(f"wrote {counted(count, 'video')} to {_where(output)}", err=True)


def _where(output: Path) -> str:
    """Where an export went, as the user says it."""
    return "standard output" if output == STDOUT else str(output)


def _format(fmt: str | None, output: Path) -> str:
    """The format asked for, else the one the output's suffix names; a usage error where
    they disagree ("--format csv -o x.parquet" would write CSV into a .parquet file)."""
    suffix = output.suffix.lstrip(".").lower()
    named = {"ndjson": "jsonl", "pq": "parquet"}.get(suffix, suffix)
    if fmt is None:
        if named not in FORMATS:
            raise click.UsageError(
                f"give --format ({', '.join(FORMATS)}): {output.name!r} has no suffix that "
                "names one"
            )
        return named
    if named in FORMATS and named != fmt:
        raise click.UsageError(
            f"--format {fmt} would write {fmt.upper()} into {output.name!r}, a .{suffix} name; "
            "drop --format or rename the file"
        )
    return fmt
