"""``newsreel repair`` and ``newsreel repair-text``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newsreel.cli.common import (
    archive_option,
    existing_archive,
    handle_errors,
    open_writable,
    stage_rate,
    wait_option,
    with_progress,
)
from newsreel.errors import ConfigError
from newsreel.repair.repairer import readable, repair_text
from newsreel.repair.stage import pending
from newsreel.repair.view import as_json as repaired_json


@click.command()
@archive_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@wait_option
@handle_errors
def repair(archive: Path | None, as_json: bool) -> None:
    """Restore punctuation, casing, sentences, paragraphs and speaker turns.

    Processes current transcripts that are new or were repaired by an older model;
    an interrupted run keeps every finished batch and a rerun does the rest.
    """
    target = existing_archive(archive)
    with open_writable(target) as arch:
        done, total = pending(arch.store)
        summary = with_progress(arch.repair, total - done)
    rate = stage_rate(summary, as_json)
    click.echo(
        f"{summary.repaired} transcripts repaired ({summary.words} words, {rate:,.0f} words/s), "
        f"{summary.already} already up to date -> {target}",
        err=True,
    )


@click.command("repair-text")
@click.option(
    "--clean", is_flag=True, help="Leave out fillers (uh, um), stutters and caption tags."
)
@click.option("--no-speakers", is_flag=True, help="Do not head speaker turns with their speaker.")
@click.option(
    "--json", "as_json", is_flag=True, help="Print paragraphs, turns and sentences as JSON."
)
@handle_errors
def repair_text_command(clean: bool, no_speakers: bool, as_json: bool) -> None:
    """Read raw caption text on stdin; write it repaired on stdout."""
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"stdin: not UTF-8 text (byte {exc.start}); convert it first") from None
    if not text.strip():
        raise ConfigError("stdin: no text to repair (pipe caption text in, e.g. < captions.txt)")
    repaired = repair_text(text)
    if as_json:
        click.echo(json.dumps(repaired_json(repaired, clean=clean), ensure_ascii=False))
    else:
        click.echo(readable(repaired, clean_view=clean, speakers=not no_speakers))
