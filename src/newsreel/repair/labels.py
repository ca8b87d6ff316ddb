"""Turn punctuated, cased text into bare words with punctuation and casing labels.

The labels are the ones the repair model predicts and the evaluation scores:
punctuation after a word (IWSLT classes: COMMA covers ``, : -`` and dashes, PERIOD
covers ``. ! ;``) and the word's casing. Training data, gold captions and the
broadcast transcripts all pass through ``labelled_words``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PUNCT = ("O", "COMMA", "PERIOD", "QUESTION")
CASES = ("lower", "capital", "upper")
MARKS = {"COMMA": ",", "PERIOD": ".", "QUESTION": "?"}

_STRENGTH = {"O": 0, "COMMA": 1, "PERIOD": 2, "QUESTION": 3}
_MARK_OF = {
    ",": "COMMA",
    ":": "COMMA",
    "-": "COMMA",
    "–": "COMMA",
    "—": "COMMA",
    ".": "PERIOD",
    "!": "PERIOD",
    ";": "PERIOD",
    "…": "PERIOD",
    "?": "QUESTION",
}
_OPEN = "\"'“‘([{¿¡«"
_CLOSE_QUOTES = "\"'”’)]}»"
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_TITLES = {
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "st.",
    "jr.",
    "sr.",
    "gov.",
    "sen.",
    "rep.",
    "gen.",
    "lt.",
    "col.",
    "prof.",
}
_HAS_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Labelled:
    """One bare word (lower case, no punctuation) with the labels its source gave it."""

    word: str
    punct: str
    case: str


def case_of(word: str) -> str:
    """Return ``lower``, ``capital`` or ``upper`` for a word as written."""
    letters = [c for c in word if c.isalpha()]
    if not letters or not letters[0].isupper():
        return "lower"
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "upper"
    return "capital"


def _stronger(old: str, new: str) -> str:
    return new if _STRENGTH[new] > _STRENGTH[old] else old


def _trailing_mark(tail: str) -> str:
    label = "O"
    for char in tail:
        label = _stronger(label, _MARK_OF.get(char, "O"))
    return label


def split_token(token: str) -> tuple[str, str]:
    """Split a written token into its word core and its trailing punctuation label."""
    core = token.lstrip(_OPEN)
    if _ABBREVIATION.match(core.rstrip(_CLOSE_QUOTES + ",?!;:")) or core.casefold() in _TITLES:
        stripped = core.rstrip(_CLOSE_QUOTES + ",?!;:")
        return stripped, _trailing_mark(core[len(stripped) :])
    end = len(core)
    while end and not (core[end - 1].isalnum()):
        end -= 1
    return core[:end], _trailing_mark(core[end:])


def labelled_words(text: str) -> list[Labelled]:
    """Return the words of ``text`` with the punctuation after each and its casing."""
    out: list[Labelled] = []
    for token in text.split():
        word, punct = split_token(token)
        if not _HAS_WORD.search(word):
            if out and punct != "O":
                last = out[-1]
                out[-1] = Labelled(last.word, _stronger(last.punct, punct), last.case)
            elif out and _MARK_OF.get(token[:1]) == "COMMA":
                last = out[-1]
                out[-1] = Labelled(last.word, _stronger(last.punct, "COMMA"), last.case)
            continue
        out.append(Labelled(word.casefold(), punct, case_of(word)))
    return out
