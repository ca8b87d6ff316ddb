"""Score story grouping against labelled groupings: B-cubed precision, recall and F1
(Bagga & Baldwin 1998) and the adjusted Rand index (scikit-learn)."""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sklearn.metrics import adjusted_rand_score

from newsreel.errors import ConfigError
from newsreel.store.base import Store
from newsreel.stories.features import document_frequencies, idf_from, terms, vector
from newsreel.stories.grouping import Item, group


@dataclass(frozen=True, slots=True)
class Labelled:
    """One labelled item: a key, its title and text, its gold group, date and split."""

    key: str
    title: str
    text: str
    label: str
    day: date | None = None
    split: str | None = None
    has_text: bool = True  # a story list names videos; their texts are read elsewhere


def bcubed(predicted: Sequence[Any], gold: Sequence[Any]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of a grouping against the gold one."""
    if len(predicted) != len(gold) or not gold:
        raise ValueError("the groupings must label the same, non-empty items")
    pairs = Counter(zip(predicted, gold, strict=True))
    by_pred = Counter(predicted)
    by_gold = Counter(gold)
    n = len(gold)
    precision = sum(c * c / by_pred[p] for (p, _), c in pairs.items()) / n
    recall = sum(c * c / by_gold[g] for (_, g), c in pairs.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(predicted: Sequence[Any], gold: Sequence[Any]) -> dict[str, float]:
    """B-cubed P/R/F1, adjusted Rand index, and the number of groups on each side."""
    precision, recall, f1 = bcubed(predicted, gold)
    return {
        "items": len(gold),
        "bcubed_precision": round(precision, 4),
        "bcubed_recall": round(recall, 4),
        "bcubed_f1": round(f1, 4),
        "adjusted_rand": round(float(adjusted_rand_score(list(gold), list(predicted))), 4),
        "groups": len(set(predicted)),
        "gold_groups": len(set(gold)),
    }


def group_labelled(items: Sequence[Labelled], **options: float) -> list[int]:
    """Group labelled items as the archive would (their own document frequencies)."""
    counts = [terms(i.title, i.text) for i in items]
    idf = idf_from(len(items), document_frequencies(counts))
    placed = group(
        [
            Item(n, vector(c, idf), i.day, None)
            for n, (i, c) in enumerate(zip(items, counts, strict=True))
        ],
        **options,
    )
    return [placed[n] for n in range(len(items))]


def read_gold(path: Path) -> list[Labelled]:
    """The sportswashing CSV (Transcript_Event), a labelled-articles JSON (topic), or a
    story list (``{"items": [{"video_id", "story", "title", "date", "split"}]}``, whose
    texts come from the archive or the corpus: ``eval_stories(texts=...)``)."""
    if not path.is_file():
        raise ConfigError(f"{path}: no such file")
    if path.suffix.lower() == ".csv":
        csv.field_size_limit(sys.maxsize)
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        needed = {"Video_ID", "Video_Title", "Transcript", "Transcript_Event"}
        if not rows or not needed <= set(rows[0]):
            raise ConfigError(f"{path}: needs the columns {', '.join(sorted(needed))}")
        return [
            Labelled(
                r["Video_ID"], r["Video_Title"], r["Transcript"], _event(r["Transcript_Event"])
            )
            for r in rows
            if _event(r["Transcript_Event"])
        ]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not JSON ({exc})") from None
    if isinstance(data, Mapping) and "items" in data:
        return _story_list(path, data["items"])
    if not isinstance(data, list) or not all(
        isinstance(x, Mapping) and {"topic", "headline"} <= set(x) for x in data
    ):
        raise ConfigError(
            f"{path}: expected a list of objects with 'topic' and 'headline', or "
            "{'items': [objects with 'video_id' and 'story']}"
        )
    return [
        Labelled(
            str(x.get("url") or n), str(x["headline"]), str(x.get("text") or ""), str(x["topic"])
        )
        for n, x in enumerate(data)
    ]


def _story_list(path: Path, items: Any) -> list[Labelled]:
    """Videos labelled by story (bench/gold/stories_bbc.json), texts left empty."""
    if not isinstance(items, list) or not all(
        isinstance(x, Mapping) and {"video_id", "story"} <= set(x) for x in items
    ):
        raise ConfigError(f"{path}: 'items' must be a list of objects with 'video_id' and 'story'")
    out = []
    for n, x in enumerate(items):
        try:
            day = date.fromisoformat(str(x["date"])) if x.get("date") else None
        except ValueError:
            raise ConfigError(
                f"{path}: item {n} ({x['video_id']}) has the date {x['date']!r}, not YYYY-MM-DD"
            ) from None
        split = str(x["split"]) if x.get("split") else None
        title = str(x.get("title") or "")
        out.append(Labelled(str(x["video_id"]), title, "", str(x["story"]), day, split, False))
    return out


def _event(value: str) -> str:
    """A gold label without list markers or quotes; '' when there is none."""
    return value.strip().lstrip("-").strip().strip('"').strip()


def eval_stories(
    gold: Path,
    archive: Store | None = None,
    *,
    split: str | None = None,
    texts: Callable[[Sequence[str]], Mapping[str, str]] | None = None,
) -> dict[str, Any]:
    """Score grouping on a gold file: of the gold items alone (their own document
    frequencies), or as the store ``archive`` grouped the gold videos it holds.

    ``split`` keeps the items of one split ("dev", "test"); ``texts`` reads the
    transcripts of a story list's videos (video ids -> text) for grouping them alone.
    """
    items = read_gold(gold)
    if split is not None:
        items = [i for i in items if i.split == split]
    if not items:
        where = f" in split {split!r}" if split else ""
        raise ConfigError(f"{gold}: no labelled items{where}")
    if archive is None:
        items = _with_texts(gold, items, texts)
        predicted = group_labelled(items)
        return {**score(predicted, [i.label for i in items]), "source": "gold items alone"}
    found = [(i, archive.stories.story_of(i.key)) for i in items]
    held = [(i, s) for i, s in found if s is not None]
    if not held:
        raise ConfigError(
            f"{archive.path} holds none of the gold videos in a story; run 'newsreel ingest' "
            "on them and 'newsreel stories'"
        )
    return {
        **score([s for _, s in held], [i.label for i, _ in held]),
        "source": f"stories of {archive.path}",
        "missing": len(items) - len(held),
    }


def _with_texts(
    gold: Path,
    items: list[Labelled],
    texts: Callable[[Sequence[str]], Mapping[str, str]] | None,
) -> list[Labelled]:
    """Items with their transcripts: a story list's come from ``texts``."""
    lacking = [i.key for i in items if not i.has_text]
    if not lacking:
        return items
    if texts is None:
        raise ConfigError(
            f"{gold} labels videos without their transcripts: give --corpus (the folder of "
            "the videos' caption files) or --archive (an archive that holds them, grouped)"
        )
    found = texts(lacking)
    missing = [key for key in lacking if key not in found]
    if missing:
        raise ConfigError(
            f"{gold}: no transcript found for {len(missing)} of its videos "
            f"({', '.join(missing[:5])}{', ...' if len(missing) > 5 else ''})"
        )
    return [
        Labelled(i.key, i.title, found.get(i.key, i.text), i.label, i.day, i.split) for i in items
    ]
