"""Score story grouping against labelled groupings: B-cubed precision, recall and F1
(Bagga & Baldwin 1998) and the adjusted Rand index (scikit-learn)."""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sklearn.metrics import adjusted_rand_score

from newsreel.errors import ConfigError
from newsreel.store.base import Store
from newsreel.stories.features import document_frequencies, idf_from, terms, vector
from newsreel.stories.grouping import Item, group


@dataclass(frozen=True, slots=True)
class Labelled:
    """One labelled item: a key, its title and text, and its gold group."""

    key: str
    title: str
    text: str
    label: str


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
    placed = group([Item(n, vector(c, idf), None, None) for n, c in enumerate(counts)], **options)
    return [placed[n] for n in range(len(items))]


def read_gold(path: Path) -> list[Labelled]:
    """The sportswashing CSV (Transcript_Event) or a labelled-articles JSON (topic)."""
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
    if not isinstance(data, list) or not all(
        isinstance(x, Mapping) and {"topic", "headline"} <= set(x) for x in data
    ):
        raise ConfigError(f"{path}: expected a list of objects with 'topic' and 'headline'")
    return [
        Labelled(
            str(x.get("url") or n), str(x["headline"]), str(x.get("text") or ""), str(x["topic"])
        )
        for n, x in enumerate(data)
    ]


def _event(value: str) -> str:
    """A gold label without list markers or quotes; '' when there is none."""
    return value.strip().lstrip("-").strip().strip('"').strip()


def eval_stories(gold: Path, archive: Store | None = None) -> dict[str, Any]:
    """Score grouping on a gold file: of the gold items alone (their own document
    frequencies), or as the store ``archive`` grouped the gold videos it holds."""
    items = read_gold(gold)
    if not items:
        raise ConfigError(f"{gold}: no labelled items")
    if archive is None:
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
