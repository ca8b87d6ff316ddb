"""``newsreel search``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from newsreel.api import open_archive
from newsreel.cli.common import (
    archive_option,
    filter_options,
    handle_errors,
    is_tty,
    resolve_archive,
)
from newsreel.search.snippets import snippet_html, snippet_terminal


# A query may start with '-' ('-Ukraine Gaza'): pass unknown dashes through as the query.
@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("query")
@archive_option
@filter_options
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many results.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--facets", is_flag=True, help="Also count matching videos per channel, language, month."
)
@handle_errors
def search(
    query: str,
    archive: Path | None,
    channel: str | None,
    lang: str | None,
    since: date | None,
    until: date | None,
    limit: int,
    offset: int,
    as_json: bool,
    facets: bool,
) -> None:
    """Search transcripts and titles, best matches first.

    QUERY takes words (all must match), "exact phrases", OR between alternatives,
    -word to exclude, word* for a prefix, ( ) to group, a NEAR/5 b, and the filters
    channel:DW, lang:en, date:2024-03..2024-04.
    Example: newsreel search '"Gaza Strip" ceasefire -Ukraine channel:DW'
    """
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        hits = arch.search(
            query, channel=channel, lang=lang, since=since, until=until, limit=limit, offset=offset
        )
        counts = (
            arch.facets(query, channel=channel, lang=lang, since=since, until=until)
            if facets
            else None
        )
    if as_json:
        for hit in hits:
            data = hit.to_dict()
            data["snippet"] = snippet_html(hit.snippet)
            click.echo(json.dumps(data, ensure_ascii=False))
        if counts is not None:
            click.echo(json.dumps({"facets": counts}, ensure_ascii=False))
        return
    if not hits:
        click.echo("No results.", err=True)
        return
    color = is_tty()
    for n, hit in enumerate(hits, start=offset + 1):
        when = hit.publish_date.isoformat() if hit.publish_date else "no date"
        click.echo(
            click.style(f"{n}. {hit.title or '(untitled)'}", bold=color)
            + f"  [{hit.video_id}] {hit.channel or 'unknown outlet'}, {when}"
        )
        click.echo("   " + snippet_terminal(hit.snippet, color=color))
    for name, values in (counts or {}).items():
        click.echo(f"{name}: " + ", ".join(f"{value} ({n})" for value, n in values))
