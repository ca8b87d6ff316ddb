"""``newsreel set`` and ``newsreel outlet-merge``: metadata a user fixes by hand."""

from __future__ import annotations

import json
from pathlib import Path

import click

from newsreel.cli.common import (
    archive_option,
    existing_archive,
    handle_errors,
    open_writable,
    wait_option,
)


@click.command("set")
@click.argument("video_id")
@click.option("--channel", help="The outlet; an alias becomes its outlet's name (DW: DW News).")
@click.option("--date", "publish_date", help="The publish date, e.g. 2024-03-31.")
@click.option("--title", help="The title.")
@click.option("--lang", help="The language, as a code or a name: en, fra, German.")
@archive_option
@click.option("--json", "as_json", is_flag=True, help="Print what changed as one JSON object.")
@wait_option
@handle_errors
def set_command(
    video_id: str,
    channel: str | None,
    publish_date: str | None,
    title: str | None,
    lang: str | None,
    archive: Path | None,
    as_json: bool,
) -> None:
    """Set VIDEO_ID's outlet, date, title or language by hand: kept across re-ingests and
    new transcript versions, and searchable at once."""
    if channel is None and publish_date is None and title is None and lang is None:
        raise click.UsageError("say what to set: --channel, --date, --title or --lang")
    with open_writable(existing_archive(archive)) as arch:
        edit = arch.set_metadata(
            video_id, channel=channel, publish_date=publish_date, title=title, lang=lang
        )
    if as_json:
        click.echo(json.dumps(edit.to_dict(), ensure_ascii=False))
        return
    for change in edit.changes:
        old = "(none)" if change.old is None else repr(change.old)
        if change.old == change.new:
            click.echo(f"{edit.video_id}: {change.field} {old} (unchanged)")
            continue
        click.echo(f"{edit.video_id}: {change.field} {old} -> {change.new!r}")


@click.command("outlet-merge")
@click.argument("source")
@click.argument("target")
@archive_option
@click.option("--json", "as_json", is_flag=True, help="Print the merge as one JSON object.")
@wait_option
@handle_errors
def outlet_merge(source: str, target: str, archive: Path | None, as_json: bool) -> None:
    """Make outlet SOURCE one with TARGET: its videos take TARGET's name now, and so do
    its spellings in every later ingest."""
    with open_writable(existing_archive(archive)) as arch:
        merged = arch.merge_outlets(source, target)
    if as_json:
        click.echo(json.dumps(merged.to_dict(), ensure_ascii=False))
        return
    click.echo(
        f"merged {', '.join(map(repr, merged.spellings))} into {merged.target!r}: "
        f"{merged.videos} video{'' if merged.videos == 1 else 's'} relabelled"
    )
