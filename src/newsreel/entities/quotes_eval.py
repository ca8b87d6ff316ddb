"""Score extracted quotes against a hand-made quotes gold (``bench/gold/quotes.json``).

A gold item names a video, its speaker (as a careful reader writes the name, and as the
captions heard it), the first words said, and whether the speaker is only a pronoun
there. Matching, one to one within a video:

* **said**: a found quote matches a gold item whose first words it holds: at least
  three in five of the gold's first six words (folded) are among the quote's first
  fifteen (repair drops fillers and stutters, so words, not a span, are compared);
* **full**: also the speaker: the found speaker or its linked entity shares a content
  word with the gold speaker or with how the captions heard them.

Full matches are paired first. Precision counts the found quotes of the gold's videos
(the gold is exhaustive per video, videos with no quote included); recall counts the
gold items, and ``named`` recall the items whose speaker is named, not a pronoun.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from newsreel.entities.claims_eval import by_video
from newsreel.errors import ConfigError
from newsreel.repair.evaluate import prf
from newsreel.rows import QuoteRow
from newsreel.text import STOPWORDS, tokens

_SAID_WORDS = 6  # gold words compared
_FOUND_WORDS = 15  # words of a found quote searched for them
_SAID_SHARE = 0.6


def read_quotes_gold(
    path: Path, split: str | None = None
) -> tuple[list[str], list[dict[str, Any]]]:
    """The annotated videos and gold items of ``path`` (of one split when given)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the quotes gold ({exc})") from None
    items = data.get("items") if isinstance(data, Mapping) else None
    videos = data.get("videos") if isinstance(data, Mapping) else None
    if (
        not isinstance(items, list)
        or not isinstance(videos, list)
        or not all(isinstance(v, Mapping) and "video_id" in v for v in videos)
        or not all(
            isinstance(i, Mapping) and {"video_id", "speaker", "said"} <= set(i) for i in items
        )
    ):
        raise ConfigError(
            f"{path}: expected {{'videos': [{{'video_id', 'split'}}], 'items': [{{'video_id', "
            "'speaker', 'said', ...}]}"
        )
    if split is not None:
        items = [i for i in items if i.get("split") == split]
        videos = [v for v in videos if v.get("split") == split]
    return [str(v["video_id"]) for v in videos], [dict(i) for i in items]


def said_matches(found: str, said: str) -> bool:
    """Whether a found quote's text holds the first words of a gold item's."""
    want = tokens(said)[:_SAID_WORDS]
    if not want:
        return False
    held = set(tokens(found)[:_FOUND_WORDS])
    return sum(w in held for w in want) >= _SAID_SHARE * len(want)


def _content(text: str | None) -> set[str]:
    return {w for w in tokens(text or "") if w not in STOPWORDS}


def speaker_matches(row: QuoteRow, item: Mapping[str, Any]) -> bool:
    """Whether a found quote's speaker (or its entity) is the gold item's."""
    found = _content(row.speaker) | _content(row.entity)
    gold = _content(str(item["speaker"])) | _content(item.get("heard_as"))
    return bool(found & gold)


def score_quotes(
    rows: Iterable[QuoteRow], videos: Sequence[str], gold: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """Said-words and full (speaker too) precision/recall/F1 of ``rows``."""
    found, wanted = by_video(rows, gold, videos)
    chosen = set(videos) | set(wanted)
    said = full = named = 0
    for video, items in wanted.items():
        matched = _pair(found.get(video, []), items)
        said += len(matched)
        full += sum(matched.values())
        named += sum(ok for i, ok in matched.items() if not items[i].get("pronoun"))
    predicted = sum(len(r) for r in found.values())
    named_gold = sum(not g.get("pronoun") for g in gold)
    return {
        "videos": len(chosen),
        "said": prf(said, predicted, len(gold)),
        "full": prf(full, predicted, len(gold)),
        "named_recall": round(named / named_gold, 4) if named_gold else 0.0,
        "named_gold": named_gold,
    }


def _pair(rows: Sequence[QuoteRow], items: Sequence[Mapping[str, Any]]) -> dict[int, bool]:
    """Gold item index -> whether its match has the right speaker, full matches first."""
    free = list(range(len(rows)))
    matched: dict[int, bool] = {}
    for strict in (True, False):
        for i, item in enumerate(items):
            if i in matched:
                continue
            for r in free:
                if said_matches(rows[r].text, str(item["said"])) and (
                    not strict or speaker_matches(rows[r], item)
                ):
                    free.remove(r)
                    matched[i] = strict
                    break
    return matched
