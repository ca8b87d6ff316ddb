"""``newsreel stories``, ``story``, ``compare`` and ``trends``."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from newsreel.analytics.chart import FORMATS as CHART_FORMATS
from newsreel.analytics.chart import LABELS, write_chart
from newsreel.analytics.trends import (
    DEFAULT_MIN_WORDS,
    FLOORED_COLUMNS,
    PERIODS,
    TREND_COLUMNS,
    floored,
    split_terms,
    time_axis,
)
from newsreel.api import MAX_TOP, open_archive
from newsreel.cli.common import (
    QUERY_COMMAND,
    DateParam,
    QueryCommand,
    archive_option,
    counted,
    existing_archive,
    filter_options,
    handle_errors,
    help_asked,
    open_writable,
    resolve_archive,
    wait_option,
    with_progress,
)
from newsreel.errors import ConfigError
from newsreel.models import UNKNOWN_OUTLET
from newsreel.rows import Comparison, OutletClaim, StoryRow

MEASURE = {"none": "hits", "words": "per_10k_words", "videos": "pct_videos"}
DEFAULT_CHART = Path("trends.png")


@click.command()
@archive_option
@filter_options
@click.option(
    "--min-videos",
    default=2,
    show_default=True,
    type=click.IntRange(1),
    help="Only stories with at least this many videos.",
)
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=30,
    show_default=True,
    help="At most this many (plain output).",
)
@click.option("--regroup", is_flag=True, help="Forget the stories and group the archive again.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story per line.")
@wait_option
@handle_errors
def stories(
    archive: Path | None,
    channel: tuple[str, ...],
    lang: str | None,
    since: Any,
    until: Any,
    min_videos: int,
    limit: int,
    regroup: bool,
    as_json: bool,
) -> None:
    """Group new videos into stories (across outlets and days), then list the stories,
    newest first."""
    target = existing_archive(archive)
    with open_writable(target) as arch:
        summary = with_progress(lambda progress: arch.group_stories(progress, regroup=regroup))
        rows = arch.stories(
            channel=channel, lang=lang, since=since, until=until, min_videos=min_videos
        )
    if summary.placed:
        click.echo(
            f"{summary.placed} videos placed, {summary.new_stories} new stories "
            f"({summary.seconds:.1f} s)",
            err=True,
        )
    if not rows:  # say so: an empty listing reads as a failure
        filtered = channel or lang or since or until
        click.echo(
            f"No stories of {min_videos} or more videos"
            + (" with a video passing the filters." if filtered else "."),
            err=True,
        )
    if as_json:
        for row in rows:
            click.echo(json.dumps(row.to_dict(with_items=False), ensure_ascii=False))
        return
    for row in rows[:limit]:
        span = _span(row)
        outlets = ", ".join(f"{c} ({n})" for c, n in row.channel_videos.items())
        click.echo(click.style(f"{row.story_id:>6}  {row.label}", bold=True))
        plural = "s" if row.videos != 1 else ""
        click.echo(f"        {row.videos} video{plural}, {span}; {outlets}")
    if len(rows) > limit:
        click.echo(f"… {len(rows) - limit} more (--limit, --json)", err=True)


def _span(row: StoryRow) -> str:
    """A story's dates: its dated videos' span, and how many videos have no date."""
    if not row.start:
        return "undated"
    span = str(row.start) if row.start == row.end else f"{row.start} .. {row.end}"
    return f"{span} ({row.undated} undated)" if row.undated else span


class _StoryCommand(click.Command):
    """``story -1`` is a story id out of range, not an unknown option "-1"."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Refuse a negative story id as the API does, before options are parsed."""
        negative = next((a for a in args if a[1:].isdigit() and a.startswith("-")), None)
        if negative is not None:
            raise click.UsageError(
                f"a story id must be a whole number from 1, not {negative}", ctx=ctx
            )
        return super().parse_args(ctx, args)


@click.command(cls=_StoryCommand)
@click.argument("story_id", type=int)
@archive_option
@click.option("--json", "as_json", is_flag=True, help="Print the story as one JSON object.")
@handle_errors
def story(story_id: int, archive: Path | None, as_json: bool) -> None:
    """One story: its videos on a timeline, who reported first, how each outlet's
    words differ, and the numbers each reported."""
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        data = arch.story(story_id)
        comparison = arch.compare(story=story_id)
    if as_json:
        click.echo(
            json.dumps({**data.to_dict(), "comparison": comparison.to_dict()}, ensure_ascii=False)
        )
        return
    click.echo(click.style(f"Story {story_id}: {data.label}", bold=True))
    click.echo(f"{counted(data.videos, 'video')}, {_span(data)}")
    click.echo()
    for item in data.items:
        click.echo(
            f"  {item.publish_date or 'no date'!s:<10}  {item.channel or UNKNOWN_OUTLET:<22} "
            f"{item.title or item.video_id}  [{item.video_id}]"
        )
    _print_comparison(comparison)


def _print_comparison(data: Comparison) -> None:
    single = len(data.outlets) == 1
    for outlet in data.outlets:
        click.echo()
        first = outlet.first
        when = f", first on {first.publish_date} ({first.video_id})" if first else ""
        if outlet.undated:  # no date, so none of them can be the first: say so
            when += f" ({outlet.undated} undated)" if first else " (all undated)"
        click.echo(
            click.style(f"{outlet.channel}", bold=True)
            + f": {counted(outlet.videos, 'video')}{when}"
        )
        if single:
            click.echo("  one outlet: no other to compare its words with")
        else:
            terms = ", ".join(f"{d.term} ({d.z:+.1f})" for d in outlet.distinctive)
            click.echo(f"  distinctive: {terms or '(too little text)'}")
        shown = spread(outlet.numbers, NUMBERS_SHOWN)
        for claim in shown:
            source = f" — {claim.attribution}" if claim.attribution else ""
            day = str(claim.publish_date or "no date")
            line = f"  {day:<10}  {claim.said} {claim.subject or ''}{source}"
            click.echo(line.rstrip())
        if len(outlet.numbers) > len(shown):
            click.echo(f"  … {len(outlet.numbers) - len(shown)} more numbers (--json)")


NUMBERS_SHOWN = 8  # an outlet's numbers in plain output
_FEW = 10  # a count below this ("two main reasons") is shown after the larger ones


def spread(claims: Sequence[OutletClaim], limit: int) -> list[OutletClaim]:
    """At most ``limit`` of an outlet's numbers taken in turn from each of its videos
    (the first of each, then the second...), in their order: one long video does not
    fill the list. Numbers with a source or of ten or more are taken first, from every
    video, before any other: "300 million price tag" before "two main reasons", and a
    video's "three things" only where no video has more to say."""
    by_video: dict[str, list[OutletClaim]] = {}
    for claim in claims:
        by_video.setdefault(claim.video_id, []).append(claim)
    for found in by_video.values():
        found.sort(key=lambda c: (c.attribution is None, abs(c.value) < _FEW))
    chosen: set[int] = set()
    for notable_only in (True, False):
        rank = 0
        while len(chosen) < limit and any(rank < len(found) for found in by_video.values()):
            for found in by_video.values():
                taken = rank < len(found) and (not notable_only or _notable(found[rank]))
                if taken and len(chosen) < limit:
                    chosen.add(id(found[rank]))
            rank += 1
    return [c for c in claims if id(c) in chosen]


def _notable(claim: OutletClaim) -> bool:
    """Whether a number says much on its own: it has a source, or is ten or more."""
    return claim.attribution is not None or abs(claim.value) >= _FEW


@click.command()
@archive_option
@click.option("--story", "story_id", type=int, help="Compare the outlets of this story.")
@click.option("--entity", help="Compare the outlets' videos that mention this entity.")
@click.option("--query", "-q", help="Compare the outlets' videos matching this query.")
@click.option(
    "--top",
    type=click.IntRange(1, MAX_TOP),
    default=15,
    show_default=True,
    help="Distinctive terms per outlet.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as one JSON object.")
@click.option(
    "--channel",
    multiple=True,
    help="Compare only these outlets (name, code or group:NAME; '(unknown)': videos of "
    "no outlet); repeat for several.",
)
@click.option("--since", type=DateParam(), help="Compare videos published on or after this date.")
@click.option("--until", type=DateParam(), help="Compare videos published on or before this date.")
@handle_errors
def compare(
    archive: Path | None,
    story_id: int | None,
    entity: str | None,
    query: str | None,
    top: int,
    as_json: bool,
    channel: tuple[str, ...],
    since: date | None,
    until: date | None,
) -> None:
    """How outlets covered one thing: distinctive words and phrases per outlet (log-odds
    with an informative Dirichlet prior, z-scores), who reported first, numbers reported."""
    for flag, value in (("--entity", entity), ("--query", query)):
        if value is not None and not value.strip():
            raise click.UsageError(f"{flag} is empty: name what to compare")
    given = [f for f, v in (("--story", story_id), ("--entity", entity), ("--query", query)) if v]
    if len(given) != 1:
        raise click.UsageError(
            "compare one thing: --story ID, --entity NAME or --query Q"
            + (f" (not {' and '.join(given)})" if given else "")
        )
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        data = arch.compare(
            story=story_id,
            entity=entity,
            query=query,
            top=top,
            channel=channel or None,
            since=since,
            until=until,
        )
    if as_json:
        click.echo(json.dumps(data.to_dict(), ensure_ascii=False))
        return
    click.echo(click.style(f"{data.compared}: {counted(data.videos, 'video')}", bold=True))
    _print_comparison(data)


def _chart_file(chart: Path | None, no_chart: bool, *, printed: bool) -> Path | None:
    """Where ``trends`` draws its chart: ``--chart``, else trends.png under a table and
    nowhere under --csv or --json; a folder that does not exist is refused, never made."""
    if no_chart:
        return None
    chart = chart or (None if printed else DEFAULT_CHART)
    if chart is not None and chart.suffix.lower() not in CHART_FORMATS:
        raise ConfigError(f"{chart}: a chart is written as .png or .svg")  # before counting
    if chart is not None and not chart.parent.is_dir():
        what = "is a file, not a folder" if chart.parent.exists() else "does not exist"
        raise ConfigError(f"{chart}: cannot write it: {chart.parent} {what}")
    return chart


@click.command(cls=QueryCommand, context_settings=QUERY_COMMAND)
@click.argument("terms", nargs=-1, required=True)
@archive_option
@click.option(
    "--by",
    type=click.Choice(["channel", "group", "all"]),
    default="all",
    show_default=True,
    help="One line per outlet, per outlet group (newsreel group add), or all outlets together.",
)
@click.option(
    "--per",
    type=click.Choice(PERIODS),
    default="month",
    show_default=True,
    help="Period to count in.",
)
@click.option(
    "--normalise",
    "--normalize",
    "normalise",
    type=click.Choice(["words", "videos", "none"]),
    default="words",
    show_default=True,
    help="Per 10,000 words of the outlet in the period, % of its videos, or none (counts).",
)
@click.option(
    "--heard/--exact",
    default=True,
    show_default=True,
    help="Count as search finds them (the ways captions misheard the words too; "
    "'-heard:WORD' in a term drops one), or the words exactly as typed.",
)
@click.option(
    "--min-words",
    type=click.IntRange(0),
    default=DEFAULT_MIN_WORDS,
    show_default=True,
    help="Leave out (as '·', a gap in the chart) an outlet's period with fewer words: "
    "one short video alone must not set a rate.",
)
@filter_options
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV (every column) instead of a table.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print one JSON object: the terms, heard variants and every row.",
)
@click.option(
    "--chart",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"Draw the trend to this .png or .svg file (default {DEFAULT_CHART} for the "
    "table; --csv and --json draw one only when asked).",
)
@click.option("--no-chart", is_flag=True, help="Draw no chart.")
@handle_errors
def trends(
    terms: tuple[str, ...],
    archive: Path | None,
    by: str,
    per: str,
    normalise: str,
    heard: bool,
    min_words: int,
    channel: tuple[str, ...],
    lang: str | None,
    since: Any,
    until: Any,
    as_csv: bool,
    as_json: bool,
    chart: Path | None,
    no_chart: bool,
) -> None:
    """Counts of terms, "phrases", entity:NAME or story:ID (up to 5) per outlet per period,
    normalised (per 10,000 words by default) or raw, as a table and a chart (trends.png)
    on a time axis. Counted as search finds them: with the ways captions misheard the
    words (listed; drop one with 'Rafah -heard:raf'), or --exact. A term's words may be
    counted only in videos that mention an entity: 'ceasefire entity:Hamas'.
    Comma-separated terms work too: trends "Gaza, West Bank"."""
    help_asked(*terms)
    chosen = [t for term in terms for t in split_terms(term)]
    chart = _chart_file(chart, no_chart, printed=as_csv or as_json)
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        rows = arch.trend_rows(
            chosen,
            per=per,
            by_channel=by == "channel",
            by_group=by == "group",
            heard=heard,
            channel=channel,
            lang=lang,
            since=since,
            until=until,
        )
        variants = arch.trend_variants(chosen) if heard else {}
        undated = arch.store.videos.undated_count()
        unplaced = arch.trend_undated(chosen, heard=heard, channel=channel, lang=lang)
    measure = MEASURE[normalise]
    if as_csv and as_json:
        raise click.UsageError("--csv and --json both print the rows: use one")
    if as_json:
        data = {  # the shape of GET /api/v1/trends, and the measure the table shows
            "terms": chosen,
            "per": per,
            "by": by,
            "heard": heard,
            "heard_variants": variants,
            "measure": measure,
            "min_words": min_words,
            "rows": [floored(row, min_words) for row in rows],
            "undated_videos": undated,  # in no period: trends count dated videos only
            "undated_hits": unplaced,  # per term, its videos with no date
        }
        click.echo(json.dumps(data, ensure_ascii=False, default=str))
        if chart is not None:
            write_chart(rows, measure, chart, title=", ".join(chosen), per=per, min_words=min_words)
            click.echo(f"chart -> {chart}", err=True)
        return
    for term, words in variants.items():
        for word, heard_as in words.items():
            click.echo(
                f"{term}: '{word}' also counted as heard: {', '.join(heard_as)} "
                f"(drop one with '{term} -heard:{heard_as[0]}'; --exact for none)",
                err=True,
            )
    for term, videos in unplaced.items():
        click.echo(
            f"{term}: {counted(videos, 'video')} that {'say' if videos != 1 else 'says'} it "
            f"{'have' if videos != 1 else 'has'} no date, so {'are' if videos != 1 else 'is'} "
            "in no period of its trend",
            err=True,
        )
    if undated:
        click.echo(
            f"note: {counted(undated, 'video')} of the archive "
            f"{'have' if undated != 1 else 'has'} no date and {'are' if undated != 1 else 'is'} "
            "in no period ('newsreel set VIDEO_ID --date' dates one; search finds them)",
            err=True,
        )
    if chart is not None:
        write_chart(rows, measure, chart, title=", ".join(chosen), per=per, min_words=min_words)
        click.echo(f"chart -> {chart}", err=True)
    if as_csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=[*TREND_COLUMNS, FLOORED_COLUMNS])
        writer.writeheader()
        for row in rows:
            writer.writerow(floored(row, min_words))
        return
    _table(rows, chosen, measure, per, min_words)


def _table(rows: list[Any], terms: list[str], measure: str, per: str, min_words: int) -> None:
    """Every period down (a time axis), term (x outlet) across: the measure and, beside
    it, videos with a hit / the outlet's videos."""
    if not rows:
        click.echo(
            "no dated video of the outlets, language and dates asked for: trends count "
            "dated videos only",
            err=True,
        )
        return
    columns = sorted(
        {(r.term, r.channel) for r in rows},
        key=lambda c: (terms.index(c[0]) if c[0] in terms else 99, c[1]),
    )
    cells = {(r.term, r.channel, r.period): r for r in rows}
    names = [t if c == "all outlets" else f"{t} / {c}" for t, c in columns]
    width = max([16, *(len(n) for n in names)])
    click.echo(
        f"{LABELS[measure]} (videos with it / all the outlet's videos); '-' = the outlet "
        "published nothing that period"
        + (f", '·' = fewer than {min_words:,} words (--min-words)" if min_words else "")
    )
    click.echo(f"{'period':<11}" + "".join(f"{n:>{width + 2}}" for n in names))
    for period in time_axis([r.period for r in rows], per):
        values = [_cell(cells.get((t, c, period)), measure, min_words) for t, c in columns]
        click.echo(f"{period:<11}" + "".join(f"{v:>{width + 2}}" for v in values))


def _cell(row: Any, measure: str, min_words: int) -> str:
    if row is None or not row.total_videos:
        return "-"
    if row.total_words < min_words:
        return f"· ({row.videos}/{row.total_videos})"
    value = getattr(row, measure)
    shown = f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"
    return f"{shown} ({row.videos}/{row.total_videos})"


@click.command()
@archive_option
@click.option(
    "--topics",
    "count",
    default=12,
    show_default=True,
    type=click.IntRange(2, 100),
    help="How many themes.",
)
@click.option(
    "--per",
    type=click.Choice(["day", "week", "month", "year"]),
    default="month",
    show_default=True,
    help="Period to count in.",
)
@click.option(
    "--sample",
    default=20_000,
    show_default=True,
    type=click.IntRange(100),
    help="Fit the themes on at most this many videos (all are then assigned).",
)
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print themes and rows as one JSON object.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the rows as CSV.")
@handle_errors
def topics(
    archive: Path | None,
    count: int,
    per: str,
    sample: int,
    channel: tuple[str, ...],
    lang: str | None,
    since: Any,
    until: Any,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Coarse themes of the archive (NMF on titles and leads) and each theme's share of
    every outlet's videos per period."""
    with open_archive(resolve_archive(archive), read_only=True) as arch:
        data = arch.topics(
            topics=count,
            per=per,
            sample=sample,
            channel=channel,
            lang=lang,
            since=since,
            until=until,
        )
    if as_json:
        click.echo(json.dumps(data.to_dict(), ensure_ascii=False))
        return
    if as_csv:
        writer = csv.DictWriter(
            sys.stdout,
            fieldnames=[
                "topic",
                "label",
                "channel",
                "period",
                "videos",
                "total_videos",
                "pct_videos",
            ],
        )
        writer.writeheader()
        labels = {t.topic: t.label for t in data.topics}
        for row in data.rows:
            writer.writerow({**row.to_dict(), "label": labels[row.topic]})
        return
    for topic in sorted(data.topics, key=lambda t: -t.videos):
        click.echo(
            click.style(f"{topic.topic:>3}  {topic.label}", bold=True)
            + f"  ({counted(topic.videos, 'video')}: {', '.join(topic.terms)})"
        )
        shares: dict[str, list[str]] = {}
        for row in data.rows:
            if row.topic == topic.topic:
                shares.setdefault(row.channel, []).append(f"{row.period} {row.pct_videos:.0f}%")
        for channel_name, cells in sorted(shares.items()):
            click.echo(f"       {channel_name}: {', '.join(cells[-6:])}")
