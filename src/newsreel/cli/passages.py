"""``newsreel search --passages``: every passage where a query matches, not one per video."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import click

from newsreel.api import Archive
from newsreel.export import PASSAGE_COLUMNS, passage_records, stream_rows
from newsreel.rows import PassageRow
from newsreel.search.occurrences import marked_text
from newsreel.search.snippets import snippet_terminal


def check_passage_options(
    *, passages: bool, as_json: bool, as_csv: bool, mode: str, sort: str, facets: bool
) -> None:
    """Refuse option combinations that passages (and facets) do not take: a usage error."""
    if as_csv and not passages:
        raise click.UsageError("--csv lists passages; add --passages")
    if as_csv and as_json:
        raise click.UsageError("choose one of --json and --csv")
    if sort == "date" and mode != "lexical":
        raise click.UsageError("--sort date orders the words' matches; use it with --mode lexical")
    if facets and mode == "semantic":
        raise click.UsageError(
            "--facets counts the videos the words match; a search by meaning has no such "
            "count: use --mode lexical or hybrid"
        )
    if not passages:
        return
    if mode != "lexical":
        raise click.UsageError("--passages lists where the words match; use it with --mode lexical")
    if sort != "relevance":
        raise click.UsageError("--passages lists videos best match first; drop --sort")
    if facets:
        raise click.UsageError("--facets counts videos; run it without --passages")


def print_passages(
    arch: Archive,
    query: str,
    filters: dict[str, Any],
    *,
    limit: int | None,
    offset: int,
    exact: bool,
    output: str,
    color: bool,
) -> None:
    """Print every passage: as text, one JSON object per line (``json``) or CSV."""
    rows = arch.iter_passages(query, limit=limit, offset=offset, exact=exact, **filters)
    if output == "json":
        for row in rows:
            click.echo(json.dumps(row.to_dict(), ensure_ascii=False))
    elif output == "csv":  # cells neutralised as in exports
        for chunk in stream_rows(passage_records(rows, "csv"), PASSAGE_COLUMNS, "csv"):
            click.echo(chunk, nl=False)
    else:
        _print_text(rows, offset, color)


def _print_text(rows: Iterable[PassageRow], offset: int, color: bool) -> None:
    """Each video's title line once, then its passages: number, time, link, text."""
    count = 0
    video = None
    for count, row in enumerate(rows, start=1):
        if row.video_id != video:
            video = row.video_id
            when = row.publish_date.isoformat() if row.publish_date else "no date"
            click.echo(
                click.style(f"{row.title or '(untitled)'}", bold=color)
                + f"  [{row.video_id}] {row.channel or 'unknown outlet'}, {when}"
            )
        text = marked_text(row.text, row.first_word, row.matches)
        where = [_span(row)] + [f"heard {h!r} for {t!r}" for t, h in row.heard_as[:3]]
        if row.url:
            where.append(row.url)
        click.echo(f"  {offset + count}. " + "; ".join(where))
        click.echo("     " + snippet_terminal(text, color=color))
    if not count:
        click.echo("No passages.", err=True)


def _span(row: PassageRow) -> str:
    if row.start_seconds is None or row.end_seconds is None:
        return f"words {row.first_word}-{row.end_word}"
    return f"{_clock(row.start_seconds)}-{_clock(row.end_seconds)}"


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"
