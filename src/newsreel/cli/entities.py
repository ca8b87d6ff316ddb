"""``newsreel enrich``, ``entities``, ``entity``, ``claims``, ``quotes``, ``entity-merge``,
``entity-split``, ``entity-rename``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from newsreel.api import Archive, open_archive
from newsreel.cli.common import (
    archive_option,
    counted,
    existing_archive,
    filter_options,
    handle_errors,
    open_writable,
    resolve_archive,
    stage_rate,
    wait_option,
    with_progress,
)
from newsreel.errors import NotFoundError
from newsreel.rows import ClaimRow, JsonRow, QuoteRow
from newsreel.text import fold

ENTITY_VIDEOS = 10  # videos listed by `newsreel entity` (all in --json)


def _lines(rows: Sequence[JsonRow]) -> None:
    for row in rows:
        click.echo(json.dumps(row.to_dict(), ensure_ascii=False))


def amount(value: float) -> str:
    """A claim's value as a reader writes it: "300,000,000,000", "3.5", "-30"."""
    if value.is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


@click.command()
@archive_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@wait_option
@handle_errors
def enrich(archive: Path | None, as_json: bool) -> None:
    """Find people, places, organisations, numbers and quotes; link entities across the
    archive however the captions spelled them. Run 'newsreel repair' first for best results.
    """
    target = existing_archive(archive)
    with open_writable(target) as arch:
        summary = with_progress(arch.enrich)
    rate = stage_rate(summary, as_json)
    click.echo(
        f"{summary.videos} videos enriched ({summary.words} words, {rate:,.0f} words/s): "
        f"{summary.mentions} mentions, {summary.claims} claims, {summary.quotes} quotes "
        f"-> {target}",
        err=True,
    )


@click.command()
@click.argument("video_id", required=False)
@archive_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=50,
    show_default=True,
    help="At most this many (plain output).",
)
@handle_errors
def entities(video_id: str | None, archive: Path | None, as_json: bool, limit: int) -> None:
    """Entities of one video, or of the whole archive, with the spellings heard."""
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        rows = arch.entities(video_id)
    if as_json:
        _lines(rows)
        return
    for row in rows[:limit]:
        heard = ", ".join(f"{s} ({n})" for s, n in row.spellings.items())
        click.echo(f"{row.mentions:>6}  {row.name} [{row.type}]  heard: {heard}")


@click.command()
@click.argument("name")
@archive_option
@click.option("--json", "as_json", is_flag=True, help="Print the entity as one JSON object.")
@handle_errors
def entity(name: str, archive: Path | None, as_json: bool) -> None:
    """One entity (by name, id or any spelling heard): spellings, mentions per outlet and
    month, top co-mentioned entities, videos."""
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        data = arch.entity(name)
        others = [(other, kind, n) for _, other, kind, n in arch.also_heard(name, data.entity_id)]
    if as_json:
        click.echo(json.dumps(data.to_dict(), ensure_ascii=False))
        return
    click.echo(
        click.style(f"{data.name} [{data.type}]", bold=True) + f"  id {data.entity_id}, "
        f"{counted(data.mentions, 'mention')} in {counted(len(data.videos), 'video')}"
    )
    click.echo("heard as  " + ", ".join(f"{s} ({n})" for s, n in data.spellings.items()))
    if others:  # "Laura" may be another entity's spelling too: say whose
        click.echo(
            f"{name!r} is also a spelling of  "
            + ", ".join(f"{o} [{k}] ({counted(n, 'mention')})" for o, k, n in others)
        )
    click.echo("per outlet and month")
    for row in data.per_outlet_month:
        click.echo(
            f"  {row.month}  {row.channel:<28} {counted(row.mentions, 'mention'):>14} "
            f"{counted(row.videos, 'video'):>11}"
        )
    click.echo(
        "co-mentioned  " + ", ".join(f"{c.name} ({c.videos})" for c in data.co_mentioned[:10])
    )
    shown = data.videos[:ENTITY_VIDEOS]
    more = len(data.videos) > len(shown)
    click.echo(
        f"videos (first {len(shown)} of {len(data.videos)}; --json lists all)" if more else "videos"
    )
    for video in shown:
        click.echo(f"  {video.publish_date or '?'}  {video.video_id}  {video.title}")
    if data.quotes:
        newest = sorted(data.quotes, key=lambda q: str(q.publish_date or ""), reverse=True)
        said = newest[:ENTITY_VIDEOS]  # newest first, as the videos; undated last
        more = len(data.quotes) > len(said)
        click.echo(
            f"quotes (first {len(said)} of {len(data.quotes)}; newsreel quotes --entity "
            "NAME lists all)"
            if more
            else "quotes"
        )
        for quote in said:
            click.echo(f"  {quote.publish_date or '?'}  {quote.video_id}  {quote.text}")


def _one_selection(
    video_id: str | None, entity: str | None, query: str | None, **filters: Any
) -> None:
    """A usage error (exit 2) where a VIDEO_ID comes with --entity, --query or filters."""
    if video_id is not None and (entity is not None or query or any(filters.values())):
        raise click.UsageError("give a VIDEO_ID, or --entity/--query and filters, not both")


def _none_found(
    what: str, video_id: str | None, since: date | None, until: date | None, waiting: int | None
) -> None:
    """Say on stderr that nothing was found, and what may be why (exit status 0):
    ``waiting``, the transcripts enrich has still to do (None: it never ran)."""
    why = " (undated videos are left out by --since and --until)" if since or until else ""
    where = f"video {video_id}" if video_id else "the videos selected"
    if waiting == 0:  # enrich has read every transcript: there are none
        click.echo(f"no {what} in {where}{why} (every transcript is enriched)", err=True)
        return
    click.echo(f"no {what} in {where}{why}; 'newsreel enrich' finds them", err=True)


def _undated(rows: Sequence[ClaimRow] | Sequence[QuoteRow]) -> int:
    """How many of ``rows`` (selected without dates) are of videos with no date."""
    return sum(1 for row in rows if not row.publish_date)


def _left_out(what: str, undated: int) -> None:
    """Say on stderr that a date filter left out ``undated`` rows of undated videos."""
    if undated:
        click.echo(
            f"Note: {counted(undated, what[:-1])} of videos without a date "
            f"{'is' if undated == 1 else 'are'} left out by --since/--until ('newsreel set "
            "VIDEO_ID --date' dates one).",
            err=True,
        )


def _enrich_waiting(arch: Archive) -> int | None:
    """How many current transcripts enrich has still to do (None: it never ran)."""
    state = next((s for s in arch.stage_states() if s.stage == "enrich" and s.version), None)
    return None if state is None else state.waiting


@click.command()
@click.argument("video_id", required=False)
@click.option("--entity", "entity_name", help="Claims in the videos that mention this entity.")
@click.option("--query", "-q", help="Claims in the videos matching this search query.")
@filter_options
@archive_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@handle_errors
def claims(
    video_id: str | None,
    entity_name: str | None,
    query: str | None,
    channel: tuple[str, ...],
    lang: str | None,
    since: date | None,
    until: date | None,
    archive: Path | None,
    as_json: bool,
) -> None:
    """Numbers with what they count and on whose authority: of one video, of the videos
    that mention an entity, or of the videos a query and filters select."""
    _one_selection(
        video_id, entity_name, query, channel=channel, lang=lang, since=since, until=until
    )
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        rows = arch.claims(
            video_id,
            entity_name,
            query=query,
            channel=channel,
            lang=lang,
            since=since,
            until=until,
        )
        waiting = _enrich_waiting(arch) if not rows else None
        undated = (
            _undated(arch.claims(video_id, entity_name, query=query, channel=channel, lang=lang))
            if since or until
            else 0
        )
    if not rows:
        _none_found("claims", video_id, since, until, waiting)
    _left_out("claims", undated)
    if as_json:
        _lines(rows)
        return
    for claim in rows:
        source = f"  (according to {claim.attribution})" if claim.attribution else ""
        when = f"{claim.channel or '(unknown)'}, {claim.publish_date or 'undated'}"
        click.echo(
            f"{claim.video_id}  {amount(claim.value)}  {claim.said}: {claim.subject or '?'}{source}"
            f"  [{when}]"
        )


@click.command()
@click.argument("video_id", required=False)
@click.option("--entity", "entity_name", help="Quotes whose speaker is this entity.")
@click.option("--query", "-q", help="Quotes in the videos matching this search query.")
@filter_options
@archive_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@handle_errors
def quotes(
    video_id: str | None,
    entity_name: str | None,
    query: str | None,
    channel: tuple[str, ...],
    lang: str | None,
    since: date | None,
    until: date | None,
    archive: Path | None,
    as_json: bool,
) -> None:
    """Who said what: reported speech whose speaker is an entity or a named person."""
    _one_selection(
        video_id, entity_name, query, channel=channel, lang=lang, since=since, until=until
    )
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        rows = arch.quotes(
            video_id,
            entity_name,
            query=query,
            channel=channel,
            lang=lang,
            since=since,
            until=until,
        )
        waiting = _enrich_waiting(arch) if not rows else None
        undated = (
            _undated(arch.quotes(video_id, entity_name, query=query, channel=channel, lang=lang))
            if since or until
            else 0
        )
    if not rows:
        _none_found("quotes", video_id, since, until, waiting)
    _left_out("quotes", undated)
    if as_json:
        _lines(rows)
        return
    for quote in rows:
        who = (
            quote.speaker
            if quote.entity in (None, quote.speaker)
            else (f"{quote.speaker} [{quote.entity}]")
        )
        when = f"{quote.channel or '(unknown)'}, {quote.publish_date or 'undated'}"
        click.echo(f"{quote.video_id}  {who}: {quote.text}  ({when})")


@click.command("entity-merge")
@click.argument("source")
@click.argument("target")
@archive_option
@wait_option
@handle_errors
def entity_merge(source: str, target: str, archive: Path | None) -> None:
    """Merge entity SOURCE into TARGET (all its spellings); kept across re-runs."""
    with open_writable(existing_archive(archive)) as arch:
        what = _as_found(arch, source)
        moved = arch.merge_entities(source, target)
    click.echo(f"merged {what} into {target}: {counted(moved, 'mention')} moved")


@click.command("entity-split")
@click.argument("name")
@click.argument("spelling")
@click.option("--as", "new_name", help="Name of the new entity (default: the spelling).")
@archive_option
@wait_option
@handle_errors
def entity_split(name: str, spelling: str, new_name: str | None, archive: Path | None) -> None:
    """Move SPELLING out of entity NAME into an entity of its own; kept across re-runs."""
    with open_writable(existing_archive(archive)) as arch:
        taken = [s for s in arch.split_spellings(name, spelling) if s != spelling]
        moved = arch.split_entity(name, spelling, new_name)
    also = f" with {', '.join(map(repr, taken))} (one spelling up to case)" if taken else ""
    click.echo(f"split {spelling!r}{also} from {name}: {counted(moved, 'mention')} moved")


@click.command("entity-rename")
@click.argument("name")
@click.argument("new_name")
@click.option(
    "--type",
    "kind",
    type=click.Choice(["PER", "ORG", "LOC", "MISC"], case_sensitive=False),
    help="Give it this type too (a person the NER took for a place: --type PER).",
)
@archive_option
@wait_option
@handle_errors
def entity_rename(name: str, new_name: str, kind: str | None, archive: Path | None) -> None:
    """Give entity NAME the name NEW_NAME, and with --type another type (kept across
    re-runs; the name of another entity of that type merges the two)."""
    with open_writable(existing_archive(archive)) as arch:
        what = _as_found(arch, name)
        merged = arch.rename_merges(name, new_name, kind)
        moved = arch.rename_entity(name, new_name, kind)
    done = "merged" if merged else "renamed"
    click.echo(
        f"{done} {what} {'into' if merged else 'to'} {new_name}: "
        f"{counted(moved, 'mention')} relinked"
    )


def _as_found(arch: Archive, name: str) -> str:
    """The entity a typed name finds, said so where it is another's spelling ("Rafah
    (found as 'Israel')", after "Israel" was merged into Rafah); the name itself where
    no entity has it (the command then says so)."""
    try:
        found = arch.entity(name).name
    except NotFoundError:
        return name
    return found if fold(found) == fold(name) else f"{found} (found as {name!r})"
