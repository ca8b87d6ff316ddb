"""Build the repair model's training data and held-out splits from ../shared/data.

Recipe (deterministic; nothing named "test" is read):
- IWSLT ``dev2012.tsv``: first 80% of tokens train (punctuation only: it is lower
  case), last 20% held out -> ``heldout_iwslt.tsv``.
- Broadcast transcripts (``cnn_cleaned`` dialogue, ``fox_msnbc_raw`` minus speaker
  labels and stage directions): files whose name hashes into the first 15% are held
  out -> ``heldout_broadcast.tsv``; the rest train.
- Caption pairs: human captions of 80% of the videos train; the other 20% are
  written as caption-pair JSON to ``pairs_heldout/`` for ``newsreel eval captions``.
- BBC Global News Podcast (Whisper, punctuated and cased): every file trains (capped
  at --podcast-words when given).
- A dev split for watching training (``dev.jsonl``): the training documents whose
  source and position hash under ``DEV_SHARE`` (1-5%); they are not trained on. The held-out
  splits above stay what they were: the dev split is cut from the training part only.

Writes ``train.jsonl`` and ``dev.jsonl`` (one document per line: words, punct, case,
source) under --out (default bench/work/repair).

    python scripts/repair_data.py [--shared ../shared/data] [--out bench/work/repair]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

from newsreel.repair.gold import broadcast_turns
from newsreel.repair.labels import Labelled, labelled_words

# Shares of each source's training documents kept back to watch training with
# (more of the small in-domain sources, so each has a few thousand dev words).
DEV_SHARE = {"iwslt": 0.05, "broadcast": 0.04, "captions": 0.04, "podcast": 0.01}
_WHISPER = re.compile(r"^(?:\*[\d:.\- ]+\*\s*:|\d+:\d+\.\d+,\s*\d+:\d+\.\d+,)\s*")


def bucket(name: str) -> float:
    """Return a stable number in [0, 1) for a file or video name."""
    return int(hashlib.sha1(name.encode()).hexdigest()[:8], 16) / 2**32


def broadcast_text(path: Path) -> str:
    """The spoken text of one broadcast transcript, without speaker labels."""
    return "\n".join(text for _, text in broadcast_turns(path))


def tsv(words: list[Labelled], path: Path) -> None:
    """Write words in the IWSLT ``token<TAB>LABEL`` format."""
    path.write_text("".join(f"{w.word}\t{w.punct}\n" for w in words), encoding="utf-8")


def iwslt(path: Path) -> list[Labelled]:
    """Read an IWSLT-format file (lower case: casing labels unknown)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            word, label = line.split("\t")[:2]
            out.append(Labelled(word, label, "?"))
    return out


def documents(
    shared: Path, out: Path, podcast_words: int | None
) -> Iterator[tuple[str, list[Labelled]]]:
    """Yield training documents and write the held-out splits as a side effect."""
    gold = shared / "gold"
    tokens = iwslt(gold / "punctuation_iwslt" / "dev2012.tsv")
    cut = int(len(tokens) * 0.8)
    tsv(tokens[cut:], out / "heldout_iwslt.tsv")
    for start in range(0, cut, 2000):
        yield "iwslt", tokens[start : min(cut, start + 2000)]

    held: list[Labelled] = []
    for path in sorted((gold / "broadcast_transcripts").rglob("*.txt")):
        words = labelled_words(broadcast_text(path))
        if bucket(path.name + path.parent.parent.name) < 0.15:
            held.extend(words)
        else:
            yield "broadcast", words
    tsv(held, out / "heldout_broadcast.tsv")

    pairs_out = out / "pairs_heldout"
    pairs_out.mkdir(parents=True, exist_ok=True)
    for path in sorted((gold / "caption_pairs").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        keep = {vid for vid in data.get("manual", {}) if bucket(vid) < 0.2}
        for vid, cues in data.get("manual", {}).items():
            if vid not in keep:
                yield "captions", labelled_words(" ".join(c["text"] for c in cues))
        held_data = dict(data)
        held_data["manual"] = {v: c for v, c in data["manual"].items() if v in keep}
        held_data["autogen"] = {v: c for v, c in data.get("autogen", {}).items() if v in keep}
        (pairs_out / path.name).write_text(json.dumps(held_data), encoding="utf-8")

    total = 0
    podcast = shared / "corpus" / "bbc_global_news_podcast" / "transcripts"
    for path in sorted(podcast.rglob("*"), key=lambda p: bucket(p.name)):
        if not path.is_file() or path.suffix not in (".md", ".txt"):
            continue
        if podcast_words is not None and total >= podcast_words:
            break
        text = " ".join(
            _WHISPER.sub("", line) for line in path.read_text(encoding="utf-8").splitlines()
        )
        words = labelled_words(text)
        total += len(words)
        yield "podcast", words


def punctuated(words: list[Labelled]) -> bool:
    """Whether a document is really punctuated (some human captions are not)."""
    ends = sum(w.punct in ("PERIOD", "QUESTION") for w in words)
    return bool(words) and ends * 60 >= len(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("bench/work/repair"))
    parser.add_argument("--podcast-words", type=int, default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with (
        (args.out / "train.jsonl").open("w", encoding="utf-8") as train,
        (args.out / "dev.jsonl").open("w", encoding="utf-8") as dev,
    ):
        for n, (source, words) in enumerate(documents(args.shared, args.out, args.podcast_words)):
            if not punctuated(words):
                continue
            split = "dev" if bucket(f"{source}:{n}") < DEV_SHARE[source] else "train"
            counts[f"{split}.{source}"] = counts.get(f"{split}.{source}", 0) + len(words)
            row = {
                "source": source,
                "words": [w.word for w in words],
                "punct": [w.punct for w in words],
                "case": [w.case for w in words],
            }
            (dev if split == "dev" else train).write(json.dumps(row) + "\n")
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
