"""``newsreel eval``: measure repair against gold data."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from newsreel.cli.common import archive_option, existing_archive, handle_errors
from newsreel.repair.evaluate import MARKS, eval_captions, eval_punctuation, eval_turns

_PATH = click.Path(exists=True, path_type=Path)


def _as_json(scores: dict[str, Any], as_json: bool) -> bool:
    """Print the scores as one JSON object when asked; say whether it did."""
    if as_json:
        click.echo(json.dumps(scores))
    return as_json


def _table(scores: dict[str, Any], names: tuple[str, ...]) -> None:
    click.echo(f"{'':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'gold':>7} {'found':>7}")
    for name in names:
        s = scores[name]
        click.echo(
            f"{name:<10} {s['precision']:>9.3f} {s['recall']:>7.3f} {s['f1']:>6.3f} "
            f"{s['gold']:>7} {s['predicted']:>7}"
        )


def _warn_missing(missing: Sequence[str], total: int, why: str) -> None:
    """Name on stderr the gold videos the archive cannot score (at most five)."""
    if missing:
        click.echo(
            f"warning: {len(missing)} of {total} gold videos {why} scored as found nothing: "
            + ", ".join(missing[:5])
            + (" ..." if len(missing) > 5 else ""),
            err=True,
        )


@click.group("eval")
def evaluate() -> None:
    """Measure repair against gold data (figures for bench/RESULTS.md)."""


@evaluate.command()
@click.option(
    "--gold", required=True, type=_PATH, help="IWSLT file: token<TAB>O|COMMA|PERIOD|QUESTION."
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@handle_errors
def punctuation(gold: Path, as_json: bool) -> None:
    """Punctuation precision/recall/F1 per mark and overall (micro), and words/s."""
    scores = eval_punctuation(gold)
    if _as_json(scores, as_json):
        return
    click.echo(
        f"{gold}: {scores['words']} words, {scores['words_per_second']:,} words/s "
        f"({scores['model']})"
    )
    _table(scores, (*MARKS, "overall"))


@evaluate.command()
@click.option("--pairs", required=True, type=_PATH, help="Folder of caption-pair JSON files.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@handle_errors
def captions(pairs: Path, as_json: bool) -> None:
    """Repair auto-captions and score them against the human captions."""
    scores = eval_captions(pairs)
    if _as_json(scores, as_json):
        return
    click.echo(
        f"{pairs}: {scores['videos']} videos ({scores['skipped_unpunctuated']} skipped: human "
        f"captions unpunctuated), {scores['aligned_words']} aligned words"
    )
    _table(scores["punctuation"], (*MARKS, "overall"))
    _table({"casing": scores["casing"], "sentences": scores["sentences"]}, ("casing", "sentences"))


@evaluate.command()
@click.option(
    "--gold", required=True, type=_PATH, help="Folder of broadcast transcripts with speaker labels."
)
@click.option("--tolerance", default=3, show_default=True, help="Words a turn start may be off by.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@handle_errors
def turns(gold: Path, tolerance: int, as_json: bool) -> None:
    """Speaker-turn detection on caption-like text against speaker labels."""
    scores = eval_turns(gold, tolerance=tolerance)
    if _as_json(scores, as_json):
        return
    click.echo(f"{gold}: {scores['files']} transcripts, turn starts within {tolerance} words")
    _table(scores, ("turns",))
    click.echo(f"named {scores['named']} matched turns, {scores['named_correctly']} correctly")


@evaluate.command()
@click.option(
    "--gold", required=True, type=_PATH, help="CoNLL file: token TAG (IOB2), blank lines."
)
@click.option(
    "--as-captions", is_flag=True, help="Lower-case and strip punctuation first (then repair)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@handle_errors
def ner(gold: Path, as_captions: bool, as_json: bool) -> None:
    """Entity precision/recall/F1 per type (PER, ORG, LOC, MISC) and micro overall."""
    from newsreel.entities.evaluate import TYPES, eval_ner

    scores = eval_ner(gold, captions=as_captions)
    if _as_json(scores, as_json):
        return
    style = "as captions (lower case, no punctuation, repaired)" if as_captions else "as written"
    click.echo(
        f"{gold}: {scores['sentences']} sentences {style}, {scores['words_per_second']:,} words/s"
    )
    _table(scores, (*TYPES, "overall"))


@evaluate.command("entities")
@click.option(
    "--gold",
    required=True,
    type=_PATH,
    help="Caption-entity gold JSON ({'videos': [{video, split, entities: [{name, type, "
    "spellings, misheard}]}]}, bench/gold/caption_entities.json).",
)
@archive_option
@click.option("--split", help="Only the gold videos of this split (dev, test).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@handle_errors
def entities(gold: Path, archive: Path | None, split: str | None, as_json: bool) -> None:
    """Entities of caption transcripts: precision, recall, misheard spellings linked.
    The archive (enriched) must hold the gold videos; those it lacks are named."""
    from newsreel.api import open_archive
    from newsreel.entities.caption_eval import read_caption_gold, score_caption_entities

    videos = read_caption_gold(gold, split)
    with open_archive(existing_archive(archive), read_only=True) as arch:
        rows = arch.store.entities.mention_rows()
        held = {row.video_id for row in rows}
        scores = score_caption_entities(rows, videos)
    missing = [v["video"] for v in videos if v["video"] not in held]
    _warn_missing(
        missing, len(videos), "have no mentions in the archive (not ingested or not enriched),"
    )
    if _as_json(scores, as_json):
        return
    click.echo(
        f"{gold}: {scores['videos']} videos, {scores['gold_entities']} gold entities, "
        f"{scores['found_entities']} found"
    )
    click.echo(
        f"precision {scores['precision']:.3f}  recall {scores['recall']:.3f} (typed "
        f"{scores['recall_typed']:.3f})  F1 {scores['f1']:.3f}   misheard spellings linked "
        f"{scores['misheard_linked']:.3f} of {scores['misheard']}"
    )


@evaluate.command("quotes")
@click.option(
    "--gold",
    required=True,
    type=_PATH,
    help="Quotes gold JSON ({'videos': [{video_id, split}], 'items': [{video_id, speaker, "
    "heard_as, said, pronoun, split}]}, bench/gold/quotes.json).",
)
@archive_option
@click.option("--split", help="Only the gold videos of this split (dev, test).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@handle_errors
def quotes(gold: Path, archive: Path | None, split: str | None, as_json: bool) -> None:
    """Quotes: precision and recall of what was said, and of who said it too.
    The archive (enriched) must hold the gold videos; those it lacks are named."""
    from newsreel.api import open_archive
    from newsreel.entities.quotes_eval import read_quotes_gold, score_quotes

    videos, items = read_quotes_gold(gold, split)
    with open_archive(existing_archive(archive), read_only=True) as arch:
        scores = score_quotes(arch.store.entities.quote_rows(), videos, items)
        missing = [v for v in videos if not arch.store.videos.current_transcripts([v])]
    _warn_missing(missing, len(videos), "are not in the archive,")
    if _as_json(scores, as_json):
        return
    said, full = scores["said"], scores["full"]
    click.echo(
        f"{gold}: {scores['videos']} videos, {full['gold']} gold quotes, {full['predicted']} found"
    )
    click.echo(
        f"what was said: precision {said['precision']:.3f}  recall {said['recall']:.3f}   "
        f"with its speaker: precision {full['precision']:.3f}  recall {full['recall']:.3f} "
        f"(named speakers {scores['named_recall']:.3f} of {scores['named_gold']})"
    )


@evaluate.command("stories")
@click.option(
    "--gold",
    required=True,
    type=_PATH,
    help="Sportswashing CSV (Transcript_Event), labelled-articles JSON (topic), or a story "
    "list JSON ({'items': [{video_id, story, title, date, split}]}, bench/gold/stories_bbc.json).",
)
@click.option(
    "--archive",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Score this archive's stories (of the gold videos it holds) instead of "
    "grouping the gold items alone.",
)
@click.option(
    "--corpus",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Folder of a story list's caption files (VIDEO_ID.json, searched recursively), "
    "read to group the gold items alone.",
)
@click.option("--split", help="Only the gold items of this split (dev, test).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@handle_errors
def stories(
    gold: Path, archive: Path | None, corpus: Path | None, split: str | None, as_json: bool
) -> None:
    """Story grouping: B-cubed precision/recall/F1 and adjusted Rand index."""
    from newsreel.api import open_archive
    from newsreel.stories.evaluate import eval_stories

    texts = None if corpus is None else _corpus_texts(corpus)
    if archive is None:
        scores = eval_stories(gold, split=split, texts=texts)
    else:
        with open_archive(archive, read_only=True) as arch:
            scores = eval_stories(gold, arch.store, split=split)
    if _as_json(scores, as_json):
        return
    click.echo(
        f"{gold}: {scores['items']} items in {scores['gold_groups']} gold groups, "
        f"{scores['groups']} stories found ({scores['source']})"
    )
    click.echo(
        f"B-cubed precision {scores['bcubed_precision']:.3f}  recall "
        f"{scores['bcubed_recall']:.3f}  F1 {scores['bcubed_f1']:.3f}   "
        f"adjusted Rand {scores['adjusted_rand']:.3f}"
    )


def _corpus_texts(folder: Path) -> Callable[[Sequence[str]], dict[str, str]]:
    """Read video ids' transcripts from ``folder``/**/VIDEO_ID.json as ingest reads them."""
    from newsreel.ingest.files import parse_bytes
    from newsreel.models import Record

    def read(video_ids: Sequence[str]) -> dict[str, str]:
        files = {p.stem: p for p in folder.rglob("*.json")}
        out: dict[str, str] = {}
        for video_id in video_ids:
            path = files.get(video_id)
            if path is None:
                continue
            for record in parse_bytes("json", path.read_bytes(), path.name, {}):
                if isinstance(record, Record):
                    out[video_id] = record.text
        return out

    return read
