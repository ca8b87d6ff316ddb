"""Repair raw caption text: punctuation, casing, sentences, turns and paragraphs.

``assemble`` is pure (tokens + model labels -> ``Repaired``); ``repair_texts`` runs
the shipped model over many texts at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from newsreel.repair import clean, fragments, paragraphs, turn_model, turns
from newsreel.repair.acronyms import ACRONYMS
from newsreel.repair.document import (
    Repaired,
    Turn,
    ends_sentence,
    split_raw,
    styled,
    written_end,
)
from newsreel.repair.labels import CASES, MARKS, PUNCT, case_of
from newsreel.repair.punctuator import Prediction, Punctuator, load
from newsreel.text import unreadable

_MARK_OF_INDEX = [MARKS.get(p, "") for p in PUNCT]
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")  # an abbreviation written with its dots


def trusts_casing(tokens: Sequence[str]) -> bool:
    """Whether a text's own casing can be kept: human-cased sources (Whisper, TV closed
    captions, edited transcripts) are punctuated; YouTube auto-captions, the seed
    format and the timed-text captions made from them are not, and capitalise at random.
    """
    words = [t for t in tokens if any(c.isalnum() for c in t)]
    ends = sum(written_end(t) for t in words)
    return bool(words) and ends * 60 >= len(words)


def human_cased(tokens: Sequence[str]) -> bool:
    """Whether a text is cased by a person: at least five of its own sentences end, and
    nine in ten of the words after those ends are capitalised (an edited transcript);
    not "the u.s. and the european union", whose one dotted word is no sentence end."""
    after = [
        tokens[i + 1]
        for i in range(len(tokens) - 1)
        if written_end(tokens[i])
        and not _DOTTED.match(tokens[i])
        and any(c.isalpha() for c in tokens[i + 1])
    ]
    capitals = sum(1 for t in after if next(c for c in t if c.isalpha()).isupper())
    return len(after) >= 5 and 10 * capitals >= 9 * len(after)


def shouted(tokens: Sequence[str]) -> bool:
    """Whether a text is written in capitals (TV closed captions): under one word in ten
    has a small letter (a repaired text has them, so a second repair agrees)."""
    bare = [clean.bare(t) for t in tokens]
    return _few_small([any(c.islower() for c in w) for w in bare if any(c.isalpha() for c in w)])


def _shouts(tokens: Sequence[str], cases: Sequence[str]) -> bool:
    """Whether ``tokens`` in ``cases`` would read as written in capitals (``shouted``):
    under one word in ten with a small letter."""
    return _few_small(
        [
            case != "upper" and letters > 1
            for t, case in zip(tokens, cases, strict=True)
            if (letters := sum(c.isalpha() for c in clean.bare(t)))
        ]
    )


def _few_small(small: Sequence[bool]) -> bool:
    """Whether under one word in ten has a small letter (``small``: each word's)."""
    return bool(small) and 10 * sum(small) < len(small)


def _mostly_lower(cases: Sequence[str]) -> bool:
    """Whether the decided casing has fewer words in capitals than not: a text in
    capitals recased ("THE NEC MET" the source shouted), not one the model shouts."""
    return 2 * sum(c == "upper" for c in cases) < len(cases)


def _acronym(token: str) -> bool:
    """A word of two to six letters written in capitals ("NEC", "ICE", "JP")."""
    word = clean.bare(token).removesuffix("'s").removesuffix("’s")
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def fully_punctuated(tokens: Sequence[str]) -> bool:
    """Whether a text ends its own sentences throughout (a sentence end in every 30
    words or fewer, on average): an edited transcript or Whisper's output, whose
    sentence ends are kept as they are, with none added."""
    words = sum(1 for t in tokens if any(c.isalnum() for c in t))
    return words > 0 and sum(written_end(t) for t in tokens) * 30 >= words


def decide_cases(tokens: Sequence[str], prediction: Prediction) -> list[str]:
    """Each token's casing: the model's, with the casing the token was written in
    added to its logits as evidence (``Prediction.raw_case_bonus``)."""
    if prediction.case_logits is None:
        return [CASES[int(c)] for c in prediction.case]
    logits = np.array(prediction.case_logits, dtype=np.float32)
    for i, token in enumerate(tokens):
        written = case_of(token)
        if written != "upper":  # all capitals says nothing: captions and TV CC shout
            logits[i, CASES.index(written)] += prediction.raw_case_bonus[CASES.index(written)]
    return [CASES[int(c)] for c in logits.argmax(-1)]


def with_acronyms(tokens: Sequence[str], cases: list[str]) -> list[str]:
    """The decided casing, with the news's well-known acronyms in capitals ("pga tour"
    -> "PGA Tour", "liv golf" -> "LIV Golf"; ``acronyms.ACRONYMS``)."""
    out = list(cases)
    for i, token in enumerate(tokens):
        word = clean.core(token)
        if word.removesuffix("'s").removesuffix("\u2019s") in ACRONYMS:
            out[i] = "upper"
    return out


def assemble(
    text: str,
    prediction: Prediction,
    *,
    model: str = "",
    times: Sequence[tuple[float, float]] | None = None,
    trust_case: bool | None = None,
    learnt_turns: turn_model.TurnModel | None = None,
) -> Repaired:
    """Build the repaired form of ``text`` from per-token punctuation and casing labels.

    ``trust_case`` says whether words written in mixed case keep it (default: decided
    from the text by ``trusts_casing``); ``learnt_turns`` adds a learnt turn model's
    speaker changes to the cue rules'.
    """
    tokens, gaps = split_raw(text)
    kinds = clean.kinds(tokens)
    forms, starts = punctuate(tokens, kinds, prediction, trust_case)
    spans = list(zip(starts, [*starts[1:], len(tokens)][: len(starts)], strict=True))
    found = turns.detect(forms, kinds, spans, learnt_turns)
    cuts = [t.start for t in found if t.start > 0 and t.start not in starts]
    if cuts:  # a new speaker starts a new sentence
        for cut in cuts:
            _close_before(forms, kinds, cut)
            forms[cut] = _capitalised(forms[cut])
        starts = sorted({*starts, *cuts})
    return _document(
        (tokens, gaps, kinds),
        forms,
        starts,
        found,
        model=model,
        times=tuple(times) if times and len(times) == len(tokens) else None,
    )


def _document(
    split: tuple[tuple[str, ...], tuple[str, ...], list[str]],
    forms: list[str],
    starts: list[int],
    found: Sequence[Turn],
    *,
    model: str,
    times: tuple[tuple[float, float], ...] | None,
) -> Repaired:
    """The repaired document of raw ``split`` (tokens, gaps, kinds), its display forms,
    sentence starts and turns: paragraphs cut from them."""
    tokens, gaps, kinds = split
    spans = list(zip(starts, [*starts[1:], len(tokens)][: len(starts)], strict=True))
    return Repaired(
        raw=tokens,
        gaps=gaps,
        forms=tuple(forms),
        kinds=tuple(kinds),
        sentences=tuple(starts),
        paragraphs=tuple(paragraphs.split(forms, spans, [t.start for t in found])),
        turns=tuple(found),
        model=model,
        times=times,
    )


def punctuate(
    tokens: Sequence[str],
    kinds: Sequence[str],
    prediction: Prediction,
    trust_case: bool | None = None,
) -> tuple[list[str], list[int]]:
    """Display forms (cased, marked) and sentence starts, before turns are detected."""
    trust = trusts_casing(tokens) if trust_case is None else trust_case
    keep_lower = trust and human_cased(tokens)
    keep_ends = keep_lower and fully_punctuated(tokens)
    cases = with_acronyms(tokens, decide_cases(tokens, prediction))
    if trust and not (shouted(tokens) and _mostly_lower(cases)):  # a cased text's own
        kept = [  # acronyms ("NEC", "JP"); not a text the source wrote in capitals
            "upper" if _acronym(t) else c for t, c in zip(tokens, cases, strict=True)
        ]
        if not (_shouts(tokens, kept) and _mostly_lower(cases)):
            cases = kept  # nor where the acronyms kept would make it one ("talks. CAIRO
            # CAIRO": a second repair would read "TALKS. CAIRO CAIRO." as shouted)
    punct = fragments.names_joined(tokens, kinds, prediction.punct, cases)
    punct = fragments.dangling_joined(tokens, kinds, punct, cases)
    forms: list[str] = []
    starts: list[int] = []
    at_start = True
    for i, token in enumerate(tokens):
        if kinds[i] in ("marker", "tag"):
            forms.append(token)
            continue
        mark = _MARK_OF_INDEX[int(punct[i])]
        nxt = next((j for j in range(i + 1, len(tokens)) if kinds[j] != "tag"), None)
        if mark in ("", ",") and (nxt is None or kinds[nxt] == "marker"):
            mark = "?" if asks(tokens, kinds, starts[-1] if starts and not at_start else i) else "."
        elif keep_ends and mark in (".", "?") and not written_end(token):
            mark = ""  # the source ends its own sentences: "The question now is whether"
            # ("U.S." keeps the model's end, as on the repair that made the text so)
        if token.endswith(_DASHES):
            mark = ""  # a dash marks the break already: "I mean --", "your coach -"
        case = "lower" if kinds[i] == "filler" else cases[i]
        form = styled(
            token, case, mark, sentence_start=at_start, trust_case=trust, keep_lower=keep_lower
        )
        if at_start:
            starts.append(i)
        forms.append(form)
        # "U.S.", "E.U." end a sentence only where the model ends one there too
        at_start = ends_sentence(form) and (mark in (".", "?") or not _DOTTED.match(token))
    if tokens:
        starts[:1] = [0]  # leading tags and markers belong to the first sentence
    return forms, starts


def _capitalised(form: str) -> str:
    """``form`` with a capital first letter; "bA" becomes "Ba", not "BA", which a second
    repair would read as written in capitals and re-case (repair stays idempotent)."""
    out = form[:1].upper() + form[1:]
    letters = [c for c in out if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and form != out:
        return form[:1].upper() + form[1:].lower()
    return out


_WH = frozenset("what who whom where when why how which".split())
_AUX = frozenset(
    "is are was were do does did can could would will should have has had am isn't aren't "
    "don't doesn't didn't can't couldn't won't wouldn't shouldn't".split()
)
_SUBJECTS = frozenset("you we they it he she i there this that".split())


def asks(tokens: Sequence[str], kinds: Sequence[str], start: int) -> bool:
    """Whether the sentence starting at ``start`` is worded as a question ("how are
    people coping", "do you think so"): a wh-word and a verb, or a verb and a subject.
    Used where the text ends a sentence the model left open."""
    words = [clean.core(tokens[i]) for i in range(start, len(tokens)) if kinds[i] == "word"]
    first, second = [*words[:2], "", ""][:2]
    return (first in _WH and second in _AUX) or (first in _AUX and second in _SUBJECTS)


_DASHES = ("-", "\u2013", "\u2014")


def _close_before(forms: list[str], kinds: Sequence[str], index: int) -> None:
    """End the sentence before token ``index`` with a full stop if nothing ends it (a
    dash does: "I mean --")."""
    for j in range(index - 1, -1, -1):
        if kinds[j] in ("marker", "tag"):
            continue
        if not (ends_sentence(forms[j]) or forms[j].endswith((".", *_DASHES))):  # "Mr.."
            forms[j] = forms[j].rstrip(",;:") + "."
        return


def repair_texts(
    texts: Sequence[str],
    punctuator: Punctuator | None = None,
    *,
    learnt_turns: bool = True,
    languages: Sequence[str | None] | None = None,
) -> list[Repaired]:
    """Repair many texts with the shipped models (batched across texts); without
    ``learnt_turns`` speaker turns come from the cue rules only. A text whose language
    (``languages``, one per text) is known and not English is kept as written
    (``as_written``): the models learnt English only; so is a text that is no language
    (``text.unreadable``: garbled captions, where repair would only invent marks)."""
    model = punctuator or load()
    english = [
        i
        for i, lang in enumerate(languages or [None] * len(texts))
        if _english(lang) and not unreadable(texts[i].split())
    ]
    tokenised = [split_raw(texts[i])[0] for i in english]
    predictions = dict(zip(english, model.predict_many(tokenised), strict=True))
    learnt = turn_model.load() if learnt_turns else None
    return [
        assemble(t, predictions[i], model=model.version, learnt_turns=learnt)
        if i in predictions
        else as_written(t, model=model.version)
        for i, t in enumerate(texts)
    ]


def _english(language: str | None) -> bool:
    """Whether a text's language is English or unknown (then the model is tried)."""
    return language is None or language.casefold().split("-")[0] in ("en", "eng", "")


def as_written(text: str, *, model: str = "") -> Repaired:
    """A text in another language than English, kept as written: its own words, marks
    and casing, sentences where it ends them, paragraphs; no turns (the cues are
    English)."""
    tokens, gaps = split_raw(text)
    kinds = clean.kinds(tokens)
    forms = list(tokens)
    starts = [0] if tokens else []
    for i in range(1, len(tokens)):
        if kinds[i - 1] == "word" and ends_sentence(forms[i - 1]):
            starts.append(i)
    return _document((tokens, gaps, kinds), forms, starts, (), model=model, times=None)


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
