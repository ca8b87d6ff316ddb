"""``newsreel eval ner``: entity-level precision/recall/F1 on CoNLL-format gold."""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from newsreel.entities.ner import mentions
from newsreel.errors import ConfigError
from newsreel.repair.evaluate import prf
from newsreel.rows import MentionRow

TYPES = ("PER", "ORG", "LOC", "MISC")
_TAG = re.compile(r"^(O|[BI]-[A-Z]+)$")
_PUNCT = re.compile(r"^\W+$")

Sentence = tuple[list[str], list[str]]


def read_conll(path: Path) -> list[Sentence]:
    """Sentences of a CoNLL file (``token TAG ...``, IOB2, blank line between)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the gold file ({exc})") from None
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(lines, 1):
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if tokens:
                sentences.append((tokens, tags))
                tokens, tags = [], []
            continue
        if len(parts) < 2 or not _TAG.match(parts[1]):
            raise ConfigError(
                f"{path}: line {number} is not 'token TAG' with an IOB2 tag: {line[:60]!r}"
            )
        tokens.append(parts[0])
        tags.append(parts[1])
    if tokens:
        sentences.append((tokens, tags))
    if not sentences:
        raise ConfigError(f"{path}: no sentences (expected CoNLL 'token TAG' lines)")
    return sentences


def spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) of the entities an IOB2 tag sequence marks."""
    out = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and (tag == "O" or tag.startswith("B-") or tag[2:] != kind):
            out.add((start, i, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return out


def as_captions(sentence: Sentence) -> Sentence:
    """Lower-case the tokens and drop punctuation tokens, as auto-captions would."""
    kept = [(t.lower(), g) for t, g in zip(*sentence, strict=True) if not _PUNCT.match(t)]
    return [t for t, _ in kept], [g for _, g in kept]


def eval_ner(path: Path, *, captions: bool = False) -> dict[str, Any]:
    """Score spaCy's entities (on repaired text with ``captions``) against the gold."""
    sentences = read_conll(path)
    if captions:
        sentences = [s for s in map(as_captions, sentences) if s[0]]
    began = time.perf_counter()
    inputs = [tokens for tokens, _ in sentences]
    if captions:
        from newsreel.repair.repairer import repair_texts

        inputs = [list(r.forms) for r in repair_texts([" ".join(t) for t in inputs])]
    found = mentions(inputs)
    seconds = time.perf_counter() - began
    counts = {k: [0, 0, 0] for k in TYPES}
    for (_, tags), predicted in zip(sentences, found, strict=True):
        gold = spans(tags)
        guess = {(m.start, m.end, m.type) for m in predicted}
        for kind in TYPES:
            g = {s for s in gold if s[2] == kind}
            p = {s for s in guess if s[2] == kind}
            counts[kind][0] += len(g & p)
            counts[kind][1] += len(p)
            counts[kind][2] += len(g)
    words = sum(len(t) for t, _ in sentences)
    result: dict[str, Any] = {k: prf(*counts[k]) for k in TYPES}
    result["overall"] = prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return {
        "gold": str(path),
        "as_captions": captions,
        "sentences": len(sentences),
        "words": words,
        "words_per_second": round(words / seconds) if seconds else None,
        **result,
    }


def eval_linking(rows: Sequence[MentionRow], gold_path: Path) -> dict[str, Any]:
    """Pairwise precision/recall of the archive's linking over hand-labelled spellings.

    ``rows`` are the mentions (``surface``, ``entity_id``); a gold spelling matches the
    mentions with its key (folded, no edge punctuation, "the" or "'s") and takes the
    entity most of them link to; spellings never heard are reported, not scored. Items
    with a ``split`` ("dev" or "test") are also scored per split (items without one
    count as dev: the first set, tuned on).
    """
    import json

    from newsreel.entities.spelling import key

    try:
        items = json.loads(gold_path.read_text(encoding="utf-8"))["items"]
        gold = {key(i["spelling"]): (i["spelling"], i["entity"]) for i in items}
        splits = {key(i["spelling"]): str(i.get("split", "dev")) for i in items}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{gold_path}: not a linking gold file ({exc})") from None
    if not gold:
        raise ConfigError(f"{gold_path}: no items (expected 'spelling' and 'entity' each)")
    votes: dict[str, Counter[int]] = {}
    for row in rows:
        k = key(row.surface)
        if k in gold:
            votes.setdefault(k, Counter())[row.entity_id] += 1
    system = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    result = _pairs(gold, system, gold)
    result["gold"] = str(gold_path)
    for split in sorted(set(splits.values())):
        part = {k: v for k, v in gold.items() if splits[k] == split}
        result.setdefault("splits", {})[split] = _pairs(part, system, gold)
    return result


def _pairs(
    part: dict[str, tuple[str, str]], system: dict[str, int], gold: dict[str, tuple[str, str]]
) -> dict[str, Any]:
    present = sorted(k for k in part if k in system)
    counts = [0, 0, 0]
    for a, b in combinations(present, 2):
        same_system, same_gold = system[a] == system[b], gold[a][1] == gold[b][1]
        counts[0] += same_system and same_gold
        counts[1] += same_system
        counts[2] += same_gold
    return {
        "spellings": len(part),
        "heard": len(present),
        "missing": sorted(part[k][0] for k in part if k not in system),
        "pairs": prf(*counts),
    }
