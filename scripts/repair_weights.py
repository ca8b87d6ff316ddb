"""Pack a repair checkpoint small enough to bring back from a lent GPU, and unpack it.

A run with ``--freeze-words`` keeps the word-piece embeddings of the model it started
from (the shipped int8 model, dequantised), so ``pack`` leaves them out and stores the
rest of the averaged weights in float16, cut into parts of at most --part-mb each.
``unpack`` puts the word embeddings back from the same model folder and writes a
checkpoint that ``scripts/train_repair.py --export`` reads.

    python scripts/repair_weights.py pack CHECKPOINT.pt OUT_DIR [--part-mb 15]
    python scripts/repair_weights.py unpack OUT_DIR CHECKPOINT.pt [--base src/newsreel/repair/model]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

BASE = Path(__file__).resolve().parents[1] / "src" / "newsreel" / "repair" / "model"


def pack(checkpoint: Path, out: Path, part_mb: float) -> list[Path]:
    """Write ``out/NAME.partK.pt`` files and ``out/NAME.json`` (step, settings, dev)."""
    import torch
    from repair_training import WORDS

    state = torch.load(checkpoint, weights_only=False, map_location="cpu")
    if not state["settings"].get("freeze_words"):
        raise ValueError(f"{checkpoint}: trained without --freeze-words; nothing to leave out")
    weights = state.get("ema") or state["model"]
    out.mkdir(parents=True, exist_ok=True)
    parts: list[dict[str, object]] = [{}]
    size = 0
    for key, value in weights.items():
        if key == WORDS:
            continue
        tensor = value.detach().to("cpu")
        tensor = tensor.half() if tensor.dtype.is_floating_point else tensor
        nbytes = tensor.numel() * tensor.element_size()
        if parts[-1] and size + nbytes > part_mb * 2**20:
            parts.append({})
            size = 0
        parts[-1][key] = tensor
        size += nbytes
    name = checkpoint.parent.name
    written = []
    for index, part in enumerate(parts):
        path = out / f"{name}.part{index}.pt"
        torch.save(part, path)
        written.append(path)
    meta = {k: state.get(k) for k in ("step", "dev", "settings")}
    (out / f"{name}.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return written


def unpack(folder: Path, checkpoint: Path, base: Path) -> None:
    """Rebuild a float checkpoint from the parts in ``folder`` and the base model."""
    metas = sorted(folder.glob("*.json"))
    if len(metas) != 1:
        raise ValueError(f"{folder}: expected one NAME.json beside the parts, found {len(metas)}")
    meta = json.loads(metas[0].read_text(encoding="utf-8"))
    parts = sorted(folder.glob(f"{metas[0].stem}.part*.pt"))
    if not parts:
        raise ValueError(f"{folder}: no {metas[0].stem}.part*.pt files beside {metas[0].name}")
    if not (base / "punctuator.onnx").is_file():
        raise ValueError(f"--base: {base / 'punctuator.onnx'} is missing")
    import torch
    from repair_training import WORDS, dequantised

    weights: dict[str, torch.Tensor] = {}
    for part in parts:
        loaded = torch.load(part, weights_only=True, map_location="cpu")
        weights.update({k: v.float() if v.is_floating_point() else v for k, v in loaded.items()})
    weights[WORDS] = torch.from_numpy(dequantised(base / "punctuator.onnx")[WORDS])
    torch.save({**meta, "ema": weights}, checkpoint)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``pack`` or ``unpack``; 2 with a message for input that cannot work."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    verbs = parser.add_subparsers(dest="verb", required=True)
    p = verbs.add_parser("pack")
    p.add_argument("checkpoint", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--part-mb", type=float, default=15.0)
    u = verbs.add_parser("unpack")
    u.add_argument("folder", type=Path)
    u.add_argument("checkpoint", type=Path)
    u.add_argument("--base", type=Path, default=BASE)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).parent))
    try:
        if args.verb == "pack":
            if not args.checkpoint.is_file():
                raise ValueError(f"{args.checkpoint}: no such checkpoint")
            for path in pack(args.checkpoint, args.out, args.part_mb):
                print(f"wrote {path} ({path.stat().st_size / 2**20:.1f} MiB)")
        else:
            if not args.folder.is_dir():
                raise ValueError(f"{args.folder}: no such folder")
            unpack(args.folder, args.checkpoint, args.base)
            print(f"wrote {args.checkpoint}")
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
