"""The repaired form of a transcript, built token for token from the raw text.

Every raw token (a run of non-space characters) stays one token: repair only changes
its casing, appends a punctuation mark when the raw token has none, and marks sentence,
paragraph and speaker-turn starts. So token ``i`` of the repaired text is word ``i`` of
the transcript (and has its time where the input was timed), the raw text is rebuilt
exactly from the stored tokens and gaps, and repairing a repaired text changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsreel.repair.clean import core
from newsreel.repair.labels import case_of

_POSSESSIVE_S = re.compile(r"['’]S\b")
_TRAILING = re.compile(r"[.,!?;:…\"'”’)\]]+$")
_ENDS = (".", "!", "?", "…")
_SPACES = re.compile(r"(\s*)(\S+)")


@dataclass(frozen=True, slots=True)
class Turn:
    """A speaker turn: where it starts, who speaks (when the text says) and why we think so."""

    start: int
    speaker: str | None = None
    role: str | None = None
    cue: str = ""


@dataclass(frozen=True, slots=True)
class Repaired:
    """A transcript after repair; ``forms[i]`` is the display form of raw token ``i``."""

    raw: tuple[str, ...]
    gaps: tuple[str, ...]
    forms: tuple[str, ...]
    kinds: tuple[str, ...]
    sentences: tuple[int, ...]
    paragraphs: tuple[int, ...]
    turns: tuple[Turn, ...] = ()
    model: str = ""
    times: tuple[tuple[float, float], ...] | None = field(default=None, compare=False)

    def raw_text(self) -> str:
        """Rebuild the raw text exactly."""
        body = "".join(g + t for g, t in zip(self.gaps, self.raw, strict=False))
        return body + (self.gaps[-1] if len(self.gaps) > len(self.raw) else "")

    def aligned_text(self) -> str:
        """The repaired tokens joined by single spaces: token ``i`` is raw word ``i``."""
        return " ".join(self.forms)

    def paragraph_spans(self) -> list[tuple[int, int]]:
        """Token ranges of the paragraphs."""
        starts = list(self.paragraphs) or [0]
        ends = [*starts[1:], len(self.forms)]
        return [(s, e) for s, e in zip(starts, ends, strict=True) if e > s]

    def sentence_spans(self) -> list[tuple[int, int]]:
        """Token ranges of the sentences."""
        starts = list(self.sentences) or [0]
        ends = [*starts[1:], len(self.forms)]
        return [(s, e) for s, e in zip(starts, ends, strict=True) if e > s]

    def turn_at(self, index: int) -> Turn | None:
        """The turn that token ``index`` belongs to."""
        current = None
        for turn in self.turns:
            if turn.start > index:
                break
            current = turn
        return current

    def render(self, start: int, end: int, *, clean: bool = False) -> str:
        """Display text of tokens ``start:end``; ``clean`` drops fillers, stutters and tags."""
        words: list[str] = []
        pending = ""
        for i in range(start, end):
            kind = self.kinds[i]
            if kind == "marker" or (clean and kind != "word"):
                mark = _TRAILING.search(self.forms[i]) if kind != "marker" else None
                if mark and words and mark.group(0)[-1] in _ENDS:
                    pending = mark.group(0)  # a sentence's end outlives the word it was on
                elif mark and words and kind == "filler" and _bracketed(words[-1]):
                    words[-1] = words[-1][:-1]  # "about, uh, the links": "about the links"
                continue
            form = self.forms[i]
            if pending and words and not _TRAILING.search(words[-1]):
                words[-1] += pending
            pending = ""
            # a dropped "Uh" opened the sentence: the first word kept takes its capital
            opened = not words and i > start and self.forms[start][:1].isupper()
            if clean and (opened or (words and words[-1].endswith(_ENDS))) and form[:1].islower():
                form = form[:1].upper() + form[1:]
            words.append(form)
        if pending and words and not _TRAILING.search(words[-1]):
            words[-1] += pending
        return " ".join(words)

    def to_dict(self) -> dict[str, Any]:
        """The stored form (JSON-ready)."""
        return {
            "raw": list(self.raw),
            "gaps": list(self.gaps),
            "forms": list(self.forms),
            "kinds": "".join(_KIND_CODE[k] for k in self.kinds),
            "sentences": list(self.sentences),
            "paragraphs": list(self.paragraphs),
            "turns": [[t.start, t.speaker, t.role, t.cue] for t in self.turns],
            "model": self.model,
        }

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], times: Sequence[tuple[float, float]] | None = None
    ) -> Repaired:
        """Load the stored form."""
        return cls(
            raw=tuple(data["raw"]),
            gaps=tuple(data["gaps"]),
            forms=tuple(data["forms"]),
            kinds=tuple(_KIND_NAME[c] for c in data["kinds"]),
            sentences=tuple(data["sentences"]),
            paragraphs=tuple(data["paragraphs"]),
            turns=tuple(Turn(*t) for t in data["turns"]),
            model=data.get("model", ""),
            times=tuple(times) if times and len(times) == len(data["raw"]) else None,
        )


_KIND_CODE = {"word": "w", "filler": "f", "stutter": "s", "tag": "t", "marker": "m"}
_KIND_NAME = {v: k for k, v in _KIND_CODE.items()}


def split_raw(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Raw tokens and the whitespace before each (plus the trailing whitespace)."""
    tokens: list[str] = []
    gaps: list[str] = []
    end = 0
    for match in _SPACES.finditer(text):
        gaps.append(match.group(1))
        tokens.append(match.group(2))
        end = match.end()
    gaps.append(text[end:])
    return tuple(tokens), tuple(gaps)


def styled(
    token: str,
    case: str,
    mark: str,
    *,
    sentence_start: bool,
    trust_case: bool = True,
    keep_lower: bool = False,
) -> str:
    """One token's display form: cased, with ``mark`` appended if it has no punctuation.

    An all-capitals token takes the decided casing, and so does a lower-case one unless
    ``keep_lower`` (a human-cased text: a word it wrote in lower case stays so but at a
    sentence's start). A token written in mixed case ("Cairo", "iPhone") keeps it where
    the source's casing is trusted (``trust_case``), and otherwise only where the decided
    casing agrees with it: auto-captions capitalise at random ("it Bears repeating").
    """
    letters = [c for c in token if c.isalpha()]
    shouting = bool(letters) and all(c.isupper() for c in letters)
    if keep_lower and letters and not any(c.isupper() for c in letters):
        case = "lower"  # a human-cased source wrote it in lower case: "testified, they're"
    form = token
    doubted = not trust_case and case_of(token) != case
    if not letters or shouting or doubted or not any(c.isupper() for c in letters):
        word = core(token)
        lead = len(token) - len(token.lstrip("\"'“‘([{¿¡«-\u2013\u2014"))
        body = token[lead:].lower()
        if case == "upper" and len(word) > 1:
            body = _POSSESSIVE_S.sub(lambda m: m.group(0).lower(), body.upper())  # "PGA's"
        elif case == "capital" or sentence_start or word in ("i", "i'm", "i've", "i'll", "i'd"):
            body = body[:1].upper() + body[1:]
        form = token[:lead] + body
    if mark and not _TRAILING.search(form):
        form += mark
    return form


# titles that stand before a name and so never end a sentence ("Jr.", "St." may)
_BEFORE_NAMES = frozenset({"mr.", "mrs.", "ms.", "dr.", "prof."})
_INITIAL = re.compile(r"^[A-Z]\.$")  # a name's initial


def written_end(token: str) -> bool:
    """Whether a raw token, as the source wrote it, ends a sentence ("said.", "it?\"")."""
    return token.rstrip("\"'”’)]").endswith((".", "?", "!"))


def ends_sentence(form: str) -> bool:
    """Whether a display form closes a sentence ("Mr." and other titles do not)."""
    bare = form.lstrip("\"'“‘([{")
    if bare.casefold() in _BEFORE_NAMES or _INITIAL.match(bare):
        return False  # "Mr.", "Robert F. Kennedy"
    trail = _TRAILING.search(form)
    return bool(trail) and any(c in _ENDS for c in trail.group(0)) if trail else False


# words after which a comma is their own, not a pause around a filler ("Well, uh, I")
_DISCOURSE = frozenset(
    "well so yes yeah no okay ok now right look oh and but say said says asked told".split()
)


def _bracketed(word: str) -> bool:
    """Whether a kept word's comma only set off the filler after it ("about, uh, the"),
    not a pause of its own ("Well, uh, I think", "Jim, uh, can you")."""
    bare = word[:-1].strip("\"'“‘(").casefold()
    return word.endswith(",") and bare.isalpha() and bare not in _DISCOURSE and word[:1].islower()
