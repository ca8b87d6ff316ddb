"""``newsreel embed`` and ``newsreel process``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from tqdm import tqdm

from newsreel.cli.common import (
    EXIT_INTERRUPTED,
    archive_option,
    cluster_option,
    existing_archive,
    handle_errors,
    open_writable,
    stage_rate,
    wait_option,
    with_progress,
)
from newsreel.pipeline.stage import StageRun

if TYPE_CHECKING:
    from newsreel.api import Archive


@click.command()
@archive_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@wait_option
@handle_errors
def embed(archive: Path | None, as_json: bool) -> None:
    """Cut transcripts into passages and embed them for semantic search.

    Processes current transcripts without passages of this embedder version (a new
    embedder re-embeds everything once), then brings the vector index up to date.
    An interrupted run keeps every finished batch and a rerun does the rest.
    """
    target = existing_archive(archive)
    with open_writable(target) as arch:
        run = with_progress(arch.embed)
    rate = stage_rate(run, as_json)
    click.echo(
        f"{run.items} transcripts embedded ({run.words} words, {rate:,.0f} words/s), "
        f"embedder {run.version} -> {target}",
        err=True,
    )


@click.command()
@archive_option
@cluster_option
@click.option("--json", "as_json", is_flag=True, help="Print one summary per stage as JSON.")
@wait_option
@handle_errors
def process(archive: Path | None, cluster: str | None, as_json: bool) -> None:
    """Run every stage in order: repair, enrich, embed, stories.

    Each stage does only what its version has not done yet, so a rerun after new
    videos (or after Ctrl-C) costs only the new work. With --cluster, repair, enrich
    and embed run on Dask workers (each task a range of transcripts, idempotent: a
    killed worker's tasks rerun elsewhere with nothing lost or done twice).
    """
    target = existing_archive(archive)
    bars: dict[str, tqdm[Any]] = {}

    def progress(stage: str, count: int, words: int) -> None:
        if stage not in bars:
            for bar in bars.values():
                bar.close()
            bars[stage] = tqdm(desc=stage, unit="video", disable=not sys.stderr.isatty())
        bars[stage].update(count)
        bars[stage].set_postfix(words=words, refresh=False)

    opened: list[Archive] = []
    try:
        with open_writable(target) as arch:
            opened.append(arch)
            runs = arch.process(progress, cluster=cluster)
    except KeyboardInterrupt:
        for bar in bars.values():
            bar.close()
        _report(opened[0].finished_runs if opened else [], as_json)  # done before Ctrl-C
        click.echo(
            "\nInterrupted: finished batches are saved; run the same command to finish.", err=True
        )
        sys.exit(EXIT_INTERRUPTED)
    finally:
        for bar in bars.values():
            bar.close()
    _report(runs, as_json)
    click.echo(f"-> {target}", err=True)


def _report(runs: list[StageRun], as_json: bool) -> None:
    """One line per stage run (and, with --json, one JSON object on stdout)."""
    for run in runs:
        if as_json:
            click.echo(json.dumps(run.to_dict()))
        click.echo(
            f"{run.stage:8} {run.items:>7} videos  {run.words:>10} words  "
            f"{run.seconds:8.1f} s  ({run.version})",
            err=True,
        )
