"""The ``newsreel`` command group."""

from __future__ import annotations

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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsreel")
def main() -> None:
    """Newsreel: a searchable archive of news-video transcripts.

    Ingest records and captions, then search, read, count and export them.
    """


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
