"""The ``newsreel`` command group."""

from __future__ import annotations

import logging
import re

import click

from newsreel import __version__
from newsreel.cli.collect import collect
from newsreel.cli.copy import copy
from newsreel.cli.entities import (
    claims,
    enrich,
    entities,
    entity,
    entity_merge,
    entity_rename,
    entity_split,
    quotes,
)
from newsreel.cli.evaluate import evaluate
from newsreel.cli.export import export
from newsreel.cli.ingest import ingest
from newsreel.cli.metadata import outlet_merge, set_command
from newsreel.cli.outlets import group, outlets
from newsreel.cli.read import show, stats
from newsreel.cli.reindex import reindex
from newsreel.cli.repair import repair, repair_text_command
from newsreel.cli.search import search
from newsreel.cli.serve import serve
from newsreel.cli.stages import embed, process
from newsreel.cli.stories import compare, stories, story, topics, trends

# a YouTube id may start with "-" ("-ugz3j9I-80"), which reads as options
_DASHED_ID = re.compile(r"-[A-Za-z0-9_-]{10}")


class NewsreelGroup(click.Group):
    """The command group; a video id that reads as options gets a hint to use ``--``."""

    def invoke(self, ctx: click.Context) -> object:
        given = [*getattr(ctx, "_protected_args", ()), *ctx.args]  # emptied by invoke
        try:
            return super().invoke(ctx)
        except click.NoSuchOption as exc:
            dashed = [a for a in given if _DASHED_ID.fullmatch(a)]
            if dashed and exc.ctx is not None:
                name = exc.ctx.info_name
                options = [a for a in given if a not in (dashed[0], name)]
                example = " ".join(["newsreel", str(name), *options, "--", dashed[0]])
                hint = (
                    f" ('{dashed[0]}' looks like a video id starting with '-': put the "
                    f"options first, then -- before it, e.g. {example})"
                )
                raise click.UsageError(exc.format_message() + hint, ctx=exc.ctx) from None
            raise


@click.group(cls=NewsreelGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsreel")
def main() -> None:
    """Newsreel: a searchable archive of news-video transcripts.

    Ingest records and captions, then search, read, count and export them.
    """
    # a connection pool's notes on connections Ctrl-C left mid-transaction are no
    # user's business: the command's own one-line message says what happened
    logging.getLogger("psycopg.pool").setLevel(logging.ERROR)


for command in (
    ingest,
    collect,
    search,
    show,
    stats,
    export,
    reindex,
    copy,
    repair,
    repair_text_command,
    embed,
    process,
    evaluate,
    enrich,
    entities,
    entity,
    claims,
    quotes,
    entity_merge,
    entity_rename,
    entity_split,
    set_command,
    outlet_merge,
    outlets,
    group,
    serve,
    stories,
    story,
    compare,
    trends,
    topics,
):
    main.add_command(command)
