"""JSON and text views of a repaired transcript for ``show``, the API and the UI."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsreel.repair.document import Repaired


def paragraphs(repaired: Repaired, *, clean: bool = False) -> list[dict[str, Any]]:
    """One entry per paragraph: text, word range, start time, speaker turn."""
    out = []
    turn_starts = {t.start for t in repaired.turns}
    for start, end in repaired.paragraph_spans():
        turn = repaired.turn_at(start)
        out.append(
            {
                "text": repaired.render(start, end, clean=clean),
                "first_word": start,
                "words": end - start,
                "start_seconds": round(repaired.times[start][0], 2) if repaired.times else None,
                "new_turn": start in turn_starts,
                "speaker": turn.speaker if turn else None,
                "role": turn.role if turn else None,
            }
        )
    return [p for p in out if p["text"]]


def as_json(repaired: Repaired, *, clean: bool = False) -> dict[str, Any]:
    """The repaired transcript as JSON-ready data."""
    return {
        "model": repaired.model,
        "sentences": len(repaired.sentences),
        "turns": [
            {"first_word": t.start, "speaker": t.speaker, "role": t.role, "cue": t.cue}
            for t in repaired.turns
        ],
        "paragraphs": paragraphs(repaired, clean=clean),
    }


def from_stored(
    data: dict[str, Any] | None, times: Sequence[tuple[float, float]] | None
) -> Repaired | None:
    """The ``Repaired`` of a stored repair, or None when the video was never repaired."""
    return Repaired.from_dict(data, times) if data else None
