"""``newsreel search``."""

from __future__ import annotations

import json
import shlex
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from newsreel.api import Archive, open_archive
from newsreel.cli.common import (
    QUERY_COMMAND,
    QueryCommand,
    archive_option,
    counted,
    filter_options,
    handle_errors,
    help_asked,
    is_tty,
    resolve_archive,
    unfinished_copy_note,
)
from newsreel.cli.passages import check_passage_options, print_passages
from newsreel.models import SearchHit
from newsreel.search.engine import MODES, SORTS
from newsreel.search.fulltext import NO_DATE
from newsreel.search.query import parse_query
from newsreel.search.snippets import snippet_html, snippet_terminal


@click.command(cls=QueryCommand, context_settings=QUERY_COMMAND)
@click.argument("query")
@archive_option
@filter_options
@click.option(
    "--limit",
    type=click.IntRange(1, 10_000),
    default=None,
    help="How many results (default 20); with --passages, how many passages (default all).",
)
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many results.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--passages",
    is_flag=True,
    help="Every passage where the query matches (video, outlet, date, start and end "
    "seconds, link at that second, text), not one per video.",
)
@click.option("--csv", "as_csv", is_flag=True, help="With --passages: CSV with a header row.")
@click.option(
    "--facets", is_flag=True, help="Also count matching videos per channel, language, month."
)
@click.option(
    "--mode",
    type=click.Choice(MODES),
    default="lexical",
    show_default=True,
    help="Words (and sound-alikes), meaning, or both fused.",
)
@click.option(
    "--exact", is_flag=True, help="Match words only as typed, not as captions misheard them."
)
@click.option(
    "--sort",
    type=click.Choice(SORTS),
    default="relevance",
    show_default=True,
    help="Best matches first, or newest first.",
)
@handle_errors
def search(
    query: str,
    archive: Path | None,
    channel: tuple[str, ...],
    lang: str | None,
    since: date | None,
    until: date | None,
    limit: int | None,
    offset: int,
    as_json: bool,
    passages: bool,
    as_csv: bool,
    facets: bool,
    mode: str,
    exact: bool,
    sort: str,
) -> None:
    """Search transcripts and titles, best matches first.

    QUERY takes words (all must match), "exact phrases", OR between alternatives,
    -word to exclude, word* for a prefix, ( ) to group, a NEAR/5 b, and the filters
    channel:DW, lang:en, date:2024-03..2024-04 (outlets also as channel:DW OR
    channel:"BBC News", and group:NAME for an outlet group: newsreel group add), and
    entity:NAME for videos that mention an entity however the captions spelled it
    (entity:"Keir Starmer" finds a video that only says "Kier Starma").
    Words also find the ways captions misheard them ('Shin Bet' finds "shim bit"),
    weighed below the words as typed (a video saying a misheard form often may still
    rank first); --exact turns that off.
    Example: newsreel search '"Gaza Strip" ceasefire -Ukraine channel:DW'

    --passages lists every place the words match instead, each with its time and a
    YouTube link at that second: newsreel search Rafah --passages --csv > rafah.csv
    """
    help_asked(query)
    check_passage_options(
        passages=passages, as_json=as_json, as_csv=as_csv, mode=mode, sort=sort, facets=facets
    )
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        filters: dict[str, Any] = {"channel": channel, "lang": lang, "since": since, "until": until}
        if passages:
            output = "json" if as_json else "csv" if as_csv else "text"
            print_passages(
                arch,
                query,
                filters,
                limit=limit,
                offset=offset,
                exact=exact,
                output=output,
                color=is_tty(),
            )
            return
        hits = arch.search(
            query, limit=limit or 20, offset=offset, exact=exact, sort=sort, mode=mode, **filters
        )
        counts = arch.facets(query, exact=exact, **filters) if facets else None
        unindexed = arch.indexes.pending()
        unfinished = arch.unfinished_copy()
        notice = arch.semantic_notice(mode)
        lexical = mode == "lexical" or not hits  # hits by meaning say nothing of words
        if not offset and notice is None and lexical and (meant := arch.did_you_mean(query)):
            heard = (
                " (these hits hold words heard like it)" if any(h.heard_as for h in hits) else ""
            )
            notice = f"no video holds a word as typed{heard}; did you mean: {shlex.quote(meant)}"
        if not hits and offset and mode == "lexical":  # past the end, or nothing at all?
            found = sum(n for _, n in arch.facets(query, exact=exact, **filters)["channel"])
            if found:
                notice = (
                    f"the query matches {counted(found, 'video')}, all before --offset {offset}"
                )
        undated = _undated(arch, query, exact, filters) if mode == "lexical" and not offset else 0
        parsed = parse_query(query)
        for note in arch.entity_filters(query)[1]:
            click.echo(f"Note: {note}.", err=True)
        unfiltered = not any(filters.values()) and not parsed.filtered
        words = len(query.split()) > 1
        if (
            not hits
            and not offset
            and notice is None
            and mode == "lexical"
            and words
            and unfiltered
        ):
            notice = (
                "no video holds every word of the query (as typed or heard); try fewer words, "
                "or --mode hybrid, which also finds videos by some of the words and by meaning"
            )
    _notes(notice, unindexed, unfinished)
    if undated:
        click.echo(
            f"Note: {counted(undated, 'matching video')} without a date "
            f"{'is' if undated == 1 else 'are'} left out by --since/--until ('newsreel set "
            "VIDEO_ID --date' dates one).",
            err=True,
        )
    if as_json:
        for hit in hits:
            data = hit.to_dict()
            data["snippet"] = snippet_html(hit.snippet)
            click.echo(json.dumps(data, ensure_ascii=False))
        if counts is not None:
            click.echo(json.dumps({"facets": counts}, ensure_ascii=False))
        return
    _print_hits(hits, counts, offset)


def _undated(arch: Archive, query: str, exact: bool, filters: dict[str, Any]) -> int:
    """How many videos the query matches that have no date, where a date filter (which
    no undated video passes) was given; else 0."""
    if filters.get("since") is None and filters.get("until") is None:
        return 0
    undated = {**filters, "since": None, "until": None}
    months = dict(arch.facets(query, exact=exact, **undated)["month"])
    return int(months.get(NO_DATE, 0))


def _notes(notice: str | None, unindexed: int, unfinished: bool) -> None:
    """Why results may be missing: no embedded passages, transcripts not yet indexed,
    an archive that is an unfinished copy."""
    if notice:
        click.echo(f"Note: {notice}.", err=True)
    if unfinished:
        unfinished_copy_note()
    elif unindexed:
        click.echo(
            f"Note: {unindexed:,} transcripts are not in the search index yet (an ingest is "
            "running or was interrupted); rerun 'newsreel ingest' or run 'newsreel reindex'.",
            err=True,
        )


def _print_hits(hits: Sequence[SearchHit], counts: dict[str, Any] | None, offset: int) -> None:
    """Hits as plain text: title, outlet and date, snippet, where and how it was heard."""
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
        where = [f"at {_clock(hit.start_seconds)}"] if hit.start_seconds is not None else []
        where += [f"heard {h!r} for {t!r}" for t, h in hit.heard_as[:3]]
        if hit.url:
            where.append(hit.url)
        if where:
            click.echo("   " + "; ".join(where))
    heard = dict.fromkeys(h for hit in hits for _, h in hit.heard_as)
    if heard:
        drops = dict.fromkeys(
            _heard_word(t, h) for hit in hits for t, h in hit.heard_as
        )  # the misheard word of a phrase: "mandlesson" of "Peter Mandlesson", not "peter"
        click.echo(
            "Heard variants counted: "
            + ", ".join(heard)
            + "; add "
            + " or ".join(f"-heard:{d}" for d in list(drops)[:3])
            + " to the query to drop one."
        )
    for name, values in (counts or {}).items():
        click.echo(f"{name}: " + ", ".join(f"{value} ({n})" for value, n in values))


def _heard_word(term: str, heard: str) -> str:
    """The word of a heard variant that ``-heard:WORD`` drops: its first word that is no
    word of the term ("mandlesson" of "Peter Mandlesson's" for "Peter Mandelson")."""
    said = {w.lower() for w in term.split()}
    words = [w.lower().split("'")[0].split("’")[0] for w in heard.split()]
    return next((w for w in words if w not in said), words[0])


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"
