"""Repair raw caption text: punctuation, casing, sentences, turns and paragraphs.

``assemble`` is pure (tokens + model labels -> ``Repaired``); ``repair_texts`` runs
the shipped model over many texts at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsreel.repair import clean, paragraphs, turns
from newsreel.repair.document import Repaired, ends_sentence, split_raw, styled
from newsreel.repair.labels import CASES, MARKS, PUNCT
from newsreel.repair.punctuator import Prediction, Punctuator, load

_MARK_OF_INDEX = [MARKS.get(p, "") for p in PUNCT]


def assemble(
    text: str,
    prediction: Prediction,
    *,
    model: str = "",
    times: Sequence[tuple[float, float]] | None = None,
) -> Repaired:
    """Build the repaired form of ``text`` from per-token punctuation and casing labels."""
    tokens, gaps = split_raw(text)
    kinds = clean.kinds(tokens)
    forms: list[str] = []
    starts: list[int] = []
    at_start = True
    for i, token in enumerate(tokens):
        if kinds[i] in ("marker", "tag"):
            forms.append(token)
            continue
        mark = _MARK_OF_INDEX[int(prediction.punct[i])]
        nxt = next((j for j in range(i + 1, len(tokens)) if kinds[j] != "tag"), None)
        if nxt is not None and kinds[nxt] == "marker" and mark in ("", ","):
            mark = "."
        if nxt is None and mark in ("", ","):
            mark = "."
        case = "lower" if kinds[i] == "filler" else CASES[int(prediction.case[i])]
        form = styled(token, case, mark, sentence_start=at_start)
        if at_start:
            starts.append(i)
        forms.append(form)
        at_start = ends_sentence(form)
    if tokens:
        starts[:1] = [0]  # leading tags and markers belong to the first sentence
    spans = list(zip(starts, [*starts[1:], len(tokens)][: len(starts)], strict=True))
    found = turns.detect(forms, kinds, spans)
    cuts = [t.start for t in found if t.start > 0 and t.start not in starts]
    if cuts:  # a new speaker starts a new sentence
        for cut in cuts:
            _close_before(forms, kinds, cut)
            forms[cut] = forms[cut][:1].upper() + forms[cut][1:]
        starts = sorted({*starts, *cuts})
        spans = list(zip(starts, [*starts[1:], len(tokens)], strict=True))
    paras = paragraphs.split(forms, spans, [t.start for t in found])
    return Repaired(
        raw=tokens,
        gaps=gaps,
        forms=tuple(forms),
        kinds=tuple(kinds),
        sentences=tuple(starts),
        paragraphs=tuple(paras),
        turns=tuple(found),
        model=model,
        times=tuple(times) if times and len(times) == len(tokens) else None,
    )


def _close_before(forms: list[str], kinds: Sequence[str], index: int) -> None:
    """End the sentence before token ``index`` with a full stop if nothing ends it."""
    for j in range(index - 1, -1, -1):
        if kinds[j] in ("marker", "tag"):
            continue
        if not ends_sentence(forms[j]):
            forms[j] = forms[j].rstrip(",;:") + "."
        return


def repair_texts(texts: Sequence[str], punctuator: Punctuator | None = None) -> list[Repaired]:
    """Repair many texts with the shipped model (batched across texts)."""
    model = punctuator or load()
    tokenised = [split_raw(t)[0] for t in texts]
    predictions = model.predict_many(tokenised)
    return [assemble(t, p, model=model.version) for t, p in zip(texts, predictions, strict=True)]


def repair_text(text: str, punctuator: Punctuator | None = None) -> Repaired:
    """Repair one text."""
    return repair_texts([text], punctuator)[0]


def readable(repaired: Repaired, *, clean_view: bool = False, speakers: bool = True) -> str:
    """Paragraphs separated by blank lines, each turn headed by its speaker when known."""
    blocks = []
    turn_starts = {t.start: t for t in repaired.turns}
    for start, end in repaired.paragraph_spans():
        body = repaired.render(start, end, clean=clean_view)
        if not body:
            continue
        turn = turn_starts.get(start)
        if speakers and turn is not None:
            who = turn.speaker or (turn.role.capitalize() if turn.role else "Speaker")
            body = f"{who}: {body}" if turn.speaker else f"[{who}] {body}"
        blocks.append(body)
    return "\n\n".join(blocks)
