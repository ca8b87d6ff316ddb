"""``newsreel collect``."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Never

import click
from tqdm import tqdm

from newsreel.cli.common import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    DateParam,
    archive_option,
    handle_errors,
    open_writable,
    resolve_archive,
    wait_option,
)
from newsreel.models import CollectSummary
from newsreel.store.postgres import redact

_SHOWN = 20


def _report(summary: CollectSummary, archive: Path, ingested: bool) -> None:
    tail = f"; {summary.ingested} ingested -> {redact(str(archive))}" if ingested else ""
    click.echo(
        f"{summary.found} found, {summary.new} new: {summary.downloaded} downloaded, "
        f"{summary.no_captions} without captions, {summary.failed} failed{tail} "
        f"(files in {summary.folder})",
        err=True,
    )
    for item in summary.problems[:_SHOWN]:
        status = "no captions" if item.status == "no_captions" else item.status
        click.echo(f"  {status} {item.video_id}: {item.reason}", err=True)
    if len(summary.problems) > _SHOWN:
        click.echo(
            f"  ... and {len(summary.problems) - _SHOWN} more: see "
            f"{Path(summary.folder) / 'collect-report.jsonl'}",
            err=True,
        )


@click.command()
@click.argument("urls", nargs=-1, required=True)
@archive_option
@click.option("--since", type=DateParam(), help="Only videos published on or after this date.")
@click.option("--until", type=DateParam(), help="Only videos published on or before this date.")
@click.option("--lang", default="en", show_default=True, help="Caption language, e.g. en.")
@click.option("--limit", type=click.IntRange(1), help="Try at most N new videos.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the collected files. Default: ARCHIVE.collected/ beside the archive "
    "(DATABASE.collected/ here for a PostgreSQL archive).",
)
@click.option("--no-ingest", is_flag=True, help="Only collect; do not ingest the folder.")
@click.option(
    "--sleep",
    type=click.FloatRange(0),
    default=1.0,
    show_default=True,
    help="Seconds to wait between requests to YouTube.",
)
@click.option(
    "--cookies",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="cookies.txt of a browser signed in to YouTube (when it asks to sign in).",
)
@click.option("--proxy", metavar="URL", help="Proxy for every request, e.g. socks5://host:1080.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON on stdout.")
@wait_option
@handle_errors
def collect(
    urls: tuple[str, ...],
    archive: Path | None,
    since: date | None,
    until: date | None,
    lang: str,
    limit: int | None,
    out: Path | None,
    no_ingest: bool,
    sleep: float,
    cookies: Path | None,
    proxy: str | None,
    as_json: bool,
) -> None:
    """Collect captions, metadata and thumbnails from YouTube with yt-dlp, then ingest.

    URLS are channel, @handle, playlist or video URLs. A rerun fetches only new videos;
    private, removed, members-only, live and caption-less ones are reported with the
    reason. Exit status 0 when done, 1 when YouTube asks to sign in or every video tried
    failed (a malformed URL, no network), 130 when interrupted (what finished is kept;
    run the same command to finish).
    """
    _check_urls(urls)  # before the archive is made: a typo leaves nothing behind
    target = resolve_archive(archive)
    bar: tqdm[Never] = tqdm(unit="video", disable=not sys.stderr.isatty(), dynamic_ncols=True)

    def progress(summary: CollectSummary) -> None:
        bar.update(summary.found - bar.n)
        bar.set_postfix(
            new=summary.new,
            downloaded=summary.downloaded,
            no_captions=summary.no_captions,
            failed=summary.failed,
            refresh=False,
        )

    try:
        with open_writable(target) as arch:
            summary = arch.collect(
                list(urls),
                out=out,
                since=since,
                until=until,
                lang=lang,
                limit=limit,
                sleep=sleep,
                cookies=cookies,
                proxy=proxy,
                ingest=not no_ingest,
                progress=progress,
            )
    finally:
        bar.close()
    if as_json:
        click.echo(json.dumps(summary.to_dict()))
    _report(summary, target, summary.ingest is not None)
    if summary.stopped:
        click.echo(f"Error: {summary.stopped}.", err=True)
        sys.exit(EXIT_ERROR)
    if summary.interrupted:
        click.echo("Interrupted: what finished is kept; run the same command to finish.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if summary.new and summary.failed == summary.new:
        tried = "the video" if summary.new == 1 else f"all {summary.new} videos"
        click.echo(f"Error: {tried} tried failed (reasons above).", err=True)
        sys.exit(EXIT_ERROR)


def _check_urls(urls: tuple[str, ...]) -> None:
    """A usage error for what is plainly no YouTube address: a local file or folder
    (that is ingest's) or text with spaces in it."""
    for url in urls:
        if url.strip() and Path(url).exists():
            raise click.UsageError(
                f"{url!r} is a local path; collect fetches from YouTube. To read files "
                f"already here: newsreel ingest {url}"
            )
        if not url.strip() or any(c.isspace() for c in url.strip()):
            raise click.UsageError(
                f"{url!r} is not a YouTube address (e.g. https://www.youtube.com/@dwnews, "
                "a playlist or a video URL)"
            )
