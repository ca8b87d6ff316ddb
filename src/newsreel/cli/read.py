"""``newsreel show`` and ``newsreel stats``."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import click

from newsreel.api import open_archive
from newsreel.cli.common import (
    archive_option,
    counted,
    existing_archive,
    handle_errors,
    open_writable,
    resolve_archive,
    unfinished_copy_note,
)
from newsreel.repair.repairer import readable
from newsreel.repair.view import as_json as as_json_view
from newsreel.repair.view import from_stored


def _check_show_flags(*, raw: bool, clean: bool, source: bool, as_json: bool) -> None:
    """A usage error for flags of ``show`` that would silently ignore one another."""
    if source and (raw or clean or as_json):
        others = [f for f, on in (("--raw", raw), ("--clean", clean), ("--json", as_json)) if on]
        raise click.UsageError(f"--source writes the file's bytes alone; drop {' '.join(others)}")
    if raw and clean and not as_json:
        raise click.UsageError(
            "--raw prints the text as read from the source and --clean shortens the "
            "repaired text: use one (with --json both apply)"
        )


@click.command()
@click.argument("video_id")
@archive_option
@click.option(
    "--raw",
    is_flag=True,
    help="Print the transcript as read from the source, before repair (--source: its bytes).",
)
@click.option("--clean", is_flag=True, help="Leave out fillers, stutters and caption tags.")
@click.option("--source", is_flag=True, help="Write the original source file's bytes to stdout.")
@click.option("--json", "as_json", is_flag=True, help="Print the video as one JSON object.")
@click.option(
    "--version",
    "version",
    type=click.IntRange(min=1),
    default=None,
    help="Show transcript version N (see 'version N of M'), not the current one.",
)
@handle_errors
def show(
    video_id: str,
    archive: Path | None,
    raw: bool,
    clean: bool,
    source: bool,
    as_json: bool,
    version: int | None,
) -> None:
    """Show one video: metadata and transcript, repaired when 'newsreel repair' has run
    (--raw for the original text, --version N for an earlier one)."""
    _check_show_flags(raw=raw, clean=clean, source=source, as_json=as_json)
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        if source:
            sys.stdout.buffer.write(arch.source_bytes(video_id, version))
            return
        video = arch.show(video_id, version)
    repaired = from_stored(video.repair, video.word_times)
    if as_json:
        data = video.to_dict()
        if not raw:
            data.pop("raw_text")
        data["repaired"] = as_json_view(repaired, clean=clean) if repaired else None
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    if raw:
        click.echo(video.raw_text)
        return
    when = video.publish_date.isoformat() if video.publish_date else "no date"
    click.echo(click.style(video.title or "(untitled)", bold=True))
    click.echo(
        f"{video.video_id} · {video.channel or 'unknown outlet'} · {video.language or '?'} · "
        f"{when} · {video.words} words · version {video.shown} of {len(video.versions)}"
        + ("" if video.shown == video.current_version else f" (current: {video.current_version})")
    )
    click.echo()
    if repaired is None:
        click.echo(textwrap.fill(video.text, width=88, break_on_hyphens=False))
        click.echo("\n(not repaired yet: run 'newsreel repair' for punctuated sentences)", err=True)
        return
    for paragraph in readable(repaired, clean_view=clean).split("\n\n"):
        click.echo(textwrap.fill(paragraph, width=88, break_on_hyphens=False))
        click.echo()


@click.command()
@archive_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
@click.option("--quarantine", is_flag=True, help="Also list every quarantined input.")
@click.option(
    "--forget-missing",
    is_flag=True,
    help="First forget the quarantine entries of files no longer there (moved or deleted).",
)
@handle_errors
def stats(archive: Path | None, as_json: bool, quarantine: bool, forget_missing: bool) -> None:
    """Count videos, words, channels, the date range and quarantined inputs."""
    if forget_missing:
        with open_writable(existing_archive(archive)) as arch:
            forgot = arch.forget_missing_quarantine()
        entries = counted(forgot, "quarantine entry", "quarantine entries")
        click.echo(f"forgot {entries} of files no longer there", err=True)
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        result = arch.stats()
        items = arch.quarantined() if quarantine else []
        stages = arch.stage_states()
        unfinished = arch.unfinished_copy()
    if unfinished:
        unfinished_copy_note()
    if as_json:
        data = result.to_dict()
        if quarantine:
            data["quarantine"] = [
                {
                    "path": q.path,
                    "locator": q.locator,
                    "reason": q.reason,
                    "line": q.line,
                    "byte": q.byte,
                }
                for q in items
            ]
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    first = result.first_date.isoformat() if result.first_date else "?"
    last = result.last_date.isoformat() if result.last_date else "?"
    click.echo(f"videos       {result.videos}  ({result.versions} transcript versions)")
    click.echo(f"words        {result.words}")
    click.echo(f"dates        {first} .. {last}")
    gone = result.quarantined_missing
    missing = (
        f"  ({gone} of files no longer there: 'newsreel stats --forget-missing' forgets them)"
        if gone
        else ""
    )
    click.echo(f"quarantined  {result.quarantined}{missing}")
    click.echo("channels")
    for name, count in result.channels.items():
        click.echo(f"  {count:>7}  {name}")
    click.echo("languages    " + ", ".join(f"{k} {v}" for k, v in result.languages.items()))
    for stage in stages:
        waiting = (
            f"; {stage.waiting} transcript{'s wait' if stage.waiting != 1 else ' waits'} "
            "for 'newsreel process'"
            if stage.waiting
            else ""
        )
        if not stage.version:  # never run: "stage repair never run; 47 transcripts wait"
            click.echo(f"stage        {stage.stage:8} {stage.status}{waiting}")
            continue
        click.echo(
            f"stage        {stage.stage:8} {stage.version}  {stage.status} "
            f"(last run: {stage.items} items{waiting})"
        )
    for q in items:
        click.echo(f"quarantined: {q.describe()}")
