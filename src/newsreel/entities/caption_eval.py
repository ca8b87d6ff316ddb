"""Score the entities found in caption transcripts against a hand-made gold
(``bench/gold/caption_entities.json``: per video, every named person, organisation and
place with each spelling the captions use and which of those are misheard).

Per gold video, the archive's entities are those its mentions link to. Spellings are
compared by ``linking.key`` (folded, no edge punctuation, "the" or "'s"):

* found entities are those of type PER, ORG or LOC (the gold's types; nationalities and
  other MISC names are not in it);
* a found entity **matches** a gold entity when one of its mention surfaces in the video
  (or its canonical name) is one of the gold entity's spellings (or its name);
* **precision**: found entities that match some gold entity / found entities;
  **recall**: gold entities some found entity matches / gold entities (``typed``: the
  same, counting a match only when the types agree);
* **misheard linked**: of the gold's misheard spellings, those whose mentions (most of
  them) link to the gold entity's home in the archive — the entity named as the gold
  names it, else the one most of its spellings' mentions link to — when that entity
  also holds another of its spellings or its name: "Sakir" linked with "Kier Starmer"
  and "Starmer", or to "Keir Starmer". A misheard spelling with no mention, or alone in
  an entity of its own name, is not linked.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from newsreel.entities.spelling import key
from newsreel.errors import ConfigError
from newsreel.repair.evaluate import prf
from newsreel.rows import MentionRow

TYPES = ("PER", "ORG", "LOC")
GoldEntity = Mapping[str, Any]


def read_caption_gold(path: Path, split: str | None = None) -> list[dict[str, Any]]:
    """The gold videos of ``path`` (of one split when given)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        videos = data["videos"]
        for video in videos:
            for entity in video["entities"]:
                if not (
                    entity["name"] and entity["type"] and isinstance(entity["spellings"], list)
                ):
                    raise ValueError(f"entity without name, type or spellings in {video['video']}")
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(
            f"{path}: not a caption-entity gold file ({exc}); expected "
            "{'videos': [{'video', 'split', 'entities': [{'name', 'type', 'spellings', "
            "'misheard'}]}]}"
        ) from None
    return [v for v in videos if split is None or v.get("split") == split]


def _keys(entity: Mapping[str, Any]) -> set[str]:
    return {key(s) for s in [entity["name"], *entity["spellings"]]} - {""}


def score_caption_entities(
    rows: Sequence[MentionRow], videos: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """Entity precision/recall (untyped and typed) and misheard spellings linked."""
    by_video: dict[str, list[MentionRow]] = defaultdict(list)
    for row in rows:
        by_video[row.video_id].append(row)
    counts = Counter[str]()
    missing: list[str] = []
    unlinked: list[str] = []
    for video in videos:
        mentions = by_video.get(str(video["video"]), [])
        found: dict[int, set[str]] = defaultdict(set)
        types: dict[int, str] = {}
        for m in mentions:
            if m.type not in TYPES:
                continue
            found[m.entity_id].update({key(m.surface), key(m.name)} - {""})
            types[m.entity_id] = m.type
        gold = list(video["entities"])
        keys = [_keys(g) for g in gold]
        counts["predicted"] += len(found)
        counts["gold"] += len(gold)
        counts["correct_predicted"] += sum(1 for f in found.values() if any(f & k for k in keys))
        for g, k in zip(gold, keys, strict=True):
            matching = [e for e, f in found.items() if f & k]
            counts["correct_gold"] += bool(matching)
            counts["correct_typed"] += any(types[e] == g["type"] for e in matching)
            if not matching:
                missing.append(f"{video['video']}: {g['name']}")
            home = _home(mentions, found, g)
            for spelling in g.get("misheard", []):
                counts["misheard"] += 1
                votes = Counter(m.entity_id for m in mentions if key(m.surface) == key(spelling))
                heard_as = votes.most_common(1)[0][0] if votes else None
                linked = (
                    heard_as is not None
                    and heard_as == home
                    and bool(found[home] & (k - {key(spelling)}))
                )
                counts["misheard_linked"] += linked
                if not linked:
                    unlinked.append(f"{video['video']}: {spelling} ({g['name']})")
    precision = prf(counts["correct_predicted"], counts["predicted"], counts["gold"])
    recall = prf(counts["correct_gold"], counts["predicted"], counts["gold"])
    typed = prf(counts["correct_typed"], counts["predicted"], counts["gold"])
    return {
        "videos": len(videos),
        "gold_entities": counts["gold"],
        "found_entities": counts["predicted"],
        "precision": precision["precision"],
        "recall": recall["recall"],
        "f1": _f1(float(precision["precision"]), float(recall["recall"])),
        "recall_typed": typed["recall"],
        "misheard": counts["misheard"],
        "misheard_linked": round(counts["misheard_linked"] / counts["misheard"], 4)
        if counts["misheard"]
        else 0.0,
        "missing": missing,
        "unlinked": unlinked,
    }


def _home(
    mentions: Sequence[MentionRow], found: Mapping[int, set[str]], gold: GoldEntity
) -> int | None:
    """The archive entity a gold entity lives in: the one named as the gold names it,
    else the one most of the mentions of its spellings link to."""
    name = key(gold["name"])
    named = [e for e, keys in found.items() if name in keys]
    if named:
        return named[0]
    spellings = {key(s) for s in gold["spellings"]}
    votes = Counter(m.entity_id for m in mentions if key(m.surface) in spellings)
    return votes.most_common(1)[0][0] if votes else None


def _f1(precision: float, recall: float) -> float:
    return round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
