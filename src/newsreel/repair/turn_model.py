"""A learnt score for "a new speaker starts with this sentence", beside the cue rules.

Most changes of speaker in cable news have no spoken cue a rule can name ("yes.",
"right, but the president…"). A logistic regression over the words around each sentence
start (the last words of the sentence before and its mark, the first words of this one,
both sentences' lengths, the cue rule that fired there) scores every sentence start; the
starts scoring over the model's threshold, and not already within a few words of a turn
the cues found, become turns. Trained by ``scripts/train_turns.py`` on rush transcripts
whose speaker lines give the labels, made caption-like; shipped as JSON
(``model/turns.json``: feature weights, bias, threshold).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsreel.errors import NewsreelError

MODEL_PATH = Path(__file__).parent / "model" / "turns.json"
_SPACING = 3  # a learnt turn this close to another turn is the same change of speaker


@dataclass(frozen=True, slots=True)
class TurnModel:
    """Feature weights of the logistic regression, its bias and decision threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float
    version: str

    def probability(self, features: Sequence[str]) -> float:
        """The probability that a new speaker starts here."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict[str, object]:
        """The shipped JSON form."""
        return {
            "version": self.version,
            "bias": self.bias,
            "threshold": self.threshold,
            "weights": self.weights,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> TurnModel:
        """Read the shipped JSON form."""
        weights = data["weights"]
        if not isinstance(weights, dict):
            raise NewsreelError("turn model: 'weights' must be an object of feature weights")
        return cls(
            weights={str(k): float(v) for k, v in weights.items()},
            bias=float(data["bias"]),  # type: ignore[arg-type]
            threshold=float(data["threshold"]),  # type: ignore[arg-type]
            version=str(data["version"]),
        )


def _length(n: int) -> str:
    """A coarse sentence length: short replies ("yes.", "right.") matter most."""
    for limit, name in ((1, "1"), (2, "2"), (3, "3"), (6, "4-6"), (12, "7-12"), (25, "13-25")):
        if n <= limit:
            return name
    return "26+"


def features(
    texts: Sequence[Sequence[str]], marks: Sequence[str], k: int, cue: str = ""
) -> list[str]:
    """Features of sentence ``k`` starting a turn: ``texts`` are the spoken words of each
    sentence, ``marks`` the mark each sentence ends with, ``cue`` the rule that put a
    turn there (if any)."""
    cur, prev = texts[k], texts[k - 1] if k > 0 else []
    nxt = texts[k + 1] if k + 1 < len(texts) else []
    w = [*cur[:3], "</s>", "</s>"][:3]
    p = ["<s>", "<s>", "<s>", *prev[-3:]][-3:]
    mark = marks[k - 1] if k > 0 else "<s>"
    out = [
        f"w0={w[0]}",
        f"w1={w[1]}",
        f"w01={w[0]}_{w[1]}",
        f"w012={w[0]}_{w[1]}_{w[2]}",
        f"p1={p[2]}",
        f"p2={p[1]}",
        f"p21={p[1]}_{p[2]}",
        f"p321={p[0]}_{p[1]}_{p[2]}",
        f"pm={mark}",
        f"pm_w0={mark}_{w[0]}",
        f"pm_p1={mark}_{p[2]}",
        f"pf={prev[0] if prev else '<s>'}",
        f"nf={nxt[0] if nxt else '</s>'}",
        f"pl={_length(len(prev))}",
        f"cl={_length(len(cur))}",
        f"pl_cl={_length(len(prev))}_{_length(len(cur))}",
        f"pm_pl={mark}_{_length(len(prev))}",
    ]
    out += [f"m={marks[k]}", f"ppm={marks[k - 2] if k > 1 else '<s>'}"]
    out += sorted({f"pb={word}" for word in prev[-12:]})
    out += sorted({f"cb={word}" for word in cur[:6]})
    if cue:
        out.append(f"cue={cue}")
    return out


def learnt_starts(
    model: TurnModel,
    texts: Sequence[Sequence[str]],
    marks: Sequence[str],
    starts: Sequence[int],
    cues: dict[int, str],
) -> list[int]:
    """Sentence starts (token indexes) the model takes for new turns, best first kept
    where two fall within a few words of each other or of a cue's turn."""
    scored = []
    for k in range(1, len(texts)):
        if texts[k]:
            p = model.probability(features(texts, marks, k, cues.get(starts[k], "")))
            if p >= model.threshold:
                scored.append((p, starts[k]))
    taken = sorted(cues)
    out: list[int] = []
    for _p, start in sorted(scored, reverse=True):
        if all(abs(start - t) > _SPACING for t in taken):
            taken.append(start)
            out.append(start)
    return sorted(out)


@cache
def load(path: Path = MODEL_PATH) -> TurnModel | None:
    """The shipped turn model (None where it is not installed: cues only)."""
    if not path.exists():
        return None
    try:
        return TurnModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as error:
        raise NewsreelError(
            f"{path}: the turn model cannot be read ({error}); rerun scripts/train_turns.py"
        ) from error
