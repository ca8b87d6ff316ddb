"""``newsreel ingest``."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Never

import click
from tqdm import tqdm

from newsreel.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_QUARANTINED,
    archive_option,
    cluster_option,
    handle_errors,
    open_writable,
    resolve_archive,
    wait_option,
)
from newsreel.ingest.formats.table import FIELDS
from newsreel.models import IngestSummary

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$", re.IGNORECASE)
_FACTORS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def _mapping(pairs: tuple[str, ...]) -> dict[str, str]:
    """The --map pairs as a mapping; a usage error (exit 2, no archive made) for a pair
    that is not FIELD=COLUMN or names a field records do not have."""
    mapping = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not column:
            raise click.BadParameter(
                f"{pair!r} must look like FIELD=COLUMN, e.g. transcript=Text", param_hint="--map"
            )
        if field not in FIELDS:
            raise click.BadParameter(
                f"no field {field!r}; the fields are {', '.join(FIELDS)}", param_hint="--map"
            )
        mapping[field] = column
    return mapping


class ByteSize(click.ParamType[int]):
    """A number of bytes: ``2G``, ``500M``, ``64K``, ``1.5GiB`` or plain bytes (powers of 1024)."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = _SIZE.match(str(value))
        size = int(float(match[1]) * _FACTORS[match[2].lower()]) if match else 0
        if size < 1:
            self.fail(
                f"{value!r} is not a size: give bytes, or a number with K, M, G or T "
                "(powers of 1024), e.g. 500M or 2G",
                param,
                ctx,
            )
        return size


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _report(summary: IngestSummary, archive: Path) -> None:
    click.echo(
        f"{_n(summary.files, 'file')}: {summary.ingested} ingested, {summary.unchanged} "
        f"unchanged, {_n(summary.new_versions, 'new version')}, {summary.quarantined} "
        f"quarantined, {_n(summary.skipped_files, 'other file')} skipped -> {archive}",
        err=True,
    )
    for item in summary.quarantine[:20]:
        click.echo(f"  quarantined {item.describe()}", err=True)
    if summary.quarantined > 20:
        click.echo(
            f"  ... and {summary.quarantined - 20} more: see 'newsreel stats --quarantine'",
            err=True,
        )
    _report_skips(summary)
    for warning in summary.warnings[:10]:
        click.echo(f"  warning: {warning}", err=True)
    if len(summary.warnings) > 10:
        click.echo(f"  ... and {len(summary.warnings) - 10} more warnings: see --json", err=True)
    if summary.interrupted:
        click.echo("Interrupted: what was read is saved; run the same command to finish.", err=True)


def _shown(path: str) -> str:
    """A path as the user gave it: relative to the working folder when inside it."""
    here = Path.cwd()
    try:
        return str(Path(path).relative_to(here))
    except ValueError:
        return path


def _report_skips(summary: IngestSummary, most: int = 10) -> None:
    """Why files were skipped: one line per reason, naming the file when it is one."""
    paths: dict[str, list[str]] = {}
    for item in summary.skipped:
        paths.setdefault(item.reason, []).append(item.path)
    for reason, found in list(paths.items())[:most]:
        where = _shown(found[0]) if len(found) == 1 else _n(len(found), "file")
        click.echo(f"  skipped {where}: {reason}", err=True)
    if len(paths) > most:
        click.echo(f"  ... and {len(paths) - most} more reasons: see --json", err=True)


def _named_paths(
    _: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[Path, ...]:
    """The paths to read; an empty one ("$DIR" unset) is an error, never the current
    folder, and so is one that does not exist (a dangling link exists: it is quarantined)."""
    if any(not value.strip() for value in values):
        raise click.BadParameter("an empty path names no file or folder", param=param)
    for value in values:  # before the archive is made: a typo leaves no empty archive
        if not os.path.lexists(value):
            raise click.BadParameter(f"{value}: no such file or folder", param=param)
    return tuple(Path(value) for value in values)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(), callback=_named_paths)
@archive_option
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar="FIELD=COLUMN",
    help="Map a record field to a table column (CSV/JSONL/Parquet), e.g. transcript=Text. "
    f"Fields: {', '.join(FIELDS)}. Repeatable.",
)
@click.option(
    "--jobs",
    type=click.IntRange(0, 64),
    help="Parser processes beside the writer process; 0 parses and writes in this process. "
    "Default: CPUs - 2.",
)
@click.option(
    "--max-file-size",
    type=ByteSize(),
    default="2G",
    show_default=True,
    help="Quarantine larger input files unread (K, M, G, T: powers of 1024).",
)
@cluster_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@wait_option
@handle_errors
def ingest(
    paths: tuple[Path, ...],
    archive: Path | None,
    maps: tuple[str, ...],
    jobs: int | None,
    max_file_size: int,
    cluster: str | None,
    as_json: bool,
) -> None:
    """Ingest record files, caption files, tables and folders of them (recursively).

    Re-running is safe: unchanged content is skipped, changed transcripts become new
    versions, and unreadable inputs are quarantined with their reason (named pipes,
    devices and dangling links too, unopened). Exit status 0 when everything was read,
    3 when something was quarantined, 130 when interrupted.
    """
    mapping = _mapping(maps)
    target = resolve_archive(archive)
    bar: tqdm[Never] | None = None

    def start(total: int) -> None:
        nonlocal bar
        bar = tqdm(total=total, unit="file", disable=not sys.stderr.isatty(), dynamic_ncols=True)

    def progress(done: int, summary: IngestSummary) -> None:
        if bar is not None:
            bar.update(done - bar.n)
            bar.set_postfix(records=summary.ingested + summary.new_versions, refresh=False)

    def indexing(count: int) -> None:
        if bar is not None:
            bar.close()
        if count and sys.stderr.isatty():
            click.echo(f"indexing {count} transcripts for search...", err=True)

    with open_writable(target) as arch:
        summary = arch.ingest(
            paths,
            mapping=mapping,
            jobs=jobs,
            progress=progress,
            on_start=start,
            on_index=indexing,
            max_file_size=max_file_size,
            cluster=cluster,
        )
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
    _report(summary, target)
    if summary.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    if summary.quarantined:
        sys.exit(EXIT_QUARANTINED)
