"""Score extracted claims against a hand-made claims gold (``bench/gold/claims*.json``).

Matching, one to one within a video:

* **value-level**: a found claim matches a gold item of the same video with the same
  value (relative difference under 1e-6);
* **full**: also the subject overlaps (the folded content words of the two subjects share
  at least one word, or both are empty) and the attribution is equal after folding (lower
  case, diacritics and punctuation dropped, a leading "the" dropped) or both are null.

A gold item is matched at most once and a found claim at most once; full matches are
paired first, so two "20,000 tons" of one video pair with the right ones. Precision
counts the found claims of the videos the gold covers (the gold is exhaustive per
video); recall counts the gold items. ``split`` keeps the items (and videos) of one split.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from newsreel.errors import ConfigError
from newsreel.repair.evaluate import prf
from newsreel.rows import ClaimRow, QuoteRow
from newsreel.text import STOPWORDS, tokens


def read_claims_gold(path: Path, split: str | None = None) -> list[dict[str, Any]]:
    """The gold items of ``path`` (of one split when given)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the claims gold ({exc})") from None
    items = data.get("items") if isinstance(data, Mapping) else None
    if not isinstance(items, list) or not all(
        isinstance(i, Mapping) and {"video_id", "value"} <= set(i) for i in items
    ):
        raise ConfigError(f"{path}: expected {{'items': [{{'video_id', 'value', ...}}]}}")
    if split is not None:
        items = [i for i in items if i.get("split") == split]
    return [dict(i) for i in items]


def fold_source(source: str | None) -> str | None:
    """An attribution as compared: folded words, without a leading "the"."""
    if source is None:
        return None
    words = tokens(source)
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words) or None


def _content(subject: str | None) -> set[str]:
    return {w for w in tokens(subject or "") if w not in STOPWORDS}


def subjects_overlap(found: str | None, gold: str | None) -> bool:
    """Whether two subjects share a content word (or both have none)."""
    a, b = _content(found), _content(gold)
    return bool(a & b) or (not a and not b)


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _full(row: ClaimRow, item: Mapping[str, Any]) -> bool:
    return subjects_overlap(row.subject, item.get("subject")) and fold_source(
        row.attribution
    ) == fold_source(item.get("attribution"))


Row = TypeVar("Row", ClaimRow, QuoteRow)


def by_video(
    rows: Iterable[Row], gold: Sequence[Mapping[str, Any]], videos: Iterable[str] = ()
) -> tuple[dict[str, list[Row]], dict[str, list[Mapping[str, Any]]]]:
    """The found rows and the gold items of each video the gold covers (its items'
    videos and ``videos``, those with no item included)."""
    covered = set(videos) | {str(g["video_id"]) for g in gold}
    found: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.video_id in covered:
            found[row.video_id].append(row)
    wanted: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for item in gold:
        wanted[str(item["video_id"])].append(item)
    return found, wanted


def score_claims(
    rows: Iterable[ClaimRow], gold: Sequence[Mapping[str, Any]]
) -> dict[str, dict[str, float | int]]:
    """Value-level and full-match precision/recall/F1 of ``rows`` against ``gold``."""
    found, wanted = by_video(rows, gold)
    value_hits = full_hits = 0
    for video, items in wanted.items():
        full, value = _pair(found.get(video, []), items)
        full_hits += full
        value_hits += value
    predicted = sum(len(r) for r in found.values())
    return {
        "value": prf(value_hits, predicted, len(gold)),
        "full": prf(full_hits, predicted, len(gold)),
    }


def _pair(rows: Sequence[ClaimRow], items: Sequence[Mapping[str, Any]]) -> tuple[int, int]:
    """(full matches, value matches) of one video, full matches paired first."""
    free_rows = list(range(len(rows)))
    free_items = list(range(len(items)))
    full = 0
    for strict in (True, False):
        for i in list(free_items):
            item = items[i]
            for r in free_rows:
                row = rows[r]
                if _same_value(row.value, float(item["value"])) and (
                    not strict or _full(row, item)
                ):
                    free_rows.remove(r)
                    free_items.remove(i)
                    full += strict
                    break
    return full, len(items) - len(free_items)
