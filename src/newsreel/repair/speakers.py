"""Speaker labels of hand-made broadcast transcripts: ``ANDERSON COOPER, CNN HOST:``.

A label is a name in capitals (titles and initials allowed: ``LT. GEN. MARK HERTLING``,
``A. MURDAUGH``), optionally a parenthesis (``(R-WY)``, ``(voice-over)``), optionally a
role in capitals after a comma (or after the parenthesis), and a colon (a semicolon in
the odd typo). Rush transcripts (CNN, the broadcast gold) write one before every turn;
captions write ``>> JUDY WOODRUFF:``. Ingest puts a ``>>`` marker before each label it
finds in a transcript, so the label is the marker's: repair keeps its tokens as they
are, hides them in the reading view and names the turn after it (``turns.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsreel.text import STOPWORDS

_ABBREVIATION = (
    r"(?:[A-Z]|DR|LT|GEN|REP|SEN|SGT|GOV|COL|CAPT|MR|MRS|MS|ST|JR|SR|FMR|MAJ|CMDR|ADM|AMB|"
    r"PROF|REV|U\.S)\."
)
_NAME_WORD = rf"(?:{_ABBREVIATION}|[A-Z0-9][A-Z0-9'’\-]*)"
_ROLE = r"(?:[A-Z0-9&'’\".,/\- ]|\([^()]{0,40}\)){1,160}?"
_LABEL = (
    rf"(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{0,5}})"
    rf"(?:(?P<paren>\s*\([^()]{{1,30}}\))(?:,?\s*(?P<after_paren>{_ROLE}))?"
    rf"|,\s*(?P<role>{_ROLE}))?"
    r"\s*[:;]"
)
# In running text a label follows the end of a sentence, a parenthesis, a time mark or
# another turn; "-- Erin." and a source's stray comma ("right now, JULIE FISHER, ...") too.
LABEL_IN_TEXT = re.compile(rf"(?:^|(?<=[.?!\"'’)\]:;,\-—])\s+){_LABEL}(?=\s|$)")
_LABEL_ALONE = re.compile(_LABEL)
_MAX_TOKENS = 28
_POSSESSIVE = re.compile(r"(['’])S\b")
_ANCHOR = re.compile(r"\b(?:HOST|ANCHOR|CO-ANCHOR|MODERATOR)\b")
_REPORTER = re.compile(r"\b(?:CORRESPONDENT|REPORTER|JOURNALIST)\b")


def _has_name(name: str) -> bool:
    return sum(c.isalpha() for c in name) >= 2


def find_labels(text: str) -> list[tuple[int, int]]:
    """(start, end) of each speaker label in running text."""
    return [
        (m.start("name"), m.end())
        for m in LABEL_IN_TEXT.finditer(text)
        if _has_name(m.group("name"))
    ]


def label_length(tokens: Sequence[str], start: int) -> int:
    """How many tokens from ``start`` form a speaker label (0 if none): the label must
    end with a token ending in a colon within a few tokens; or, in lower case (TV closed
    captions: ">> steve:", ">> judge jeanine:"), one or two words and the colon."""
    for j in range(start, min(len(tokens), start + _MAX_TOKENS)):
        if tokens[j].endswith((":", ";")):
            match = _LABEL_ALONE.fullmatch(" ".join(tokens[start : j + 1]))
            if match and _has_name(match.group("name")):
                return j + 1 - start
            return j + 1 - start if short_label(tokens[start : j + 1]) else 0
    return 0


_SHORT_LABEL = re.compile(r"^[a-z][a-z'’\-]*$")
# words a lower-case "word:" is no label of ("tonight: a storm", "music: ...")
_NO_LABEL = frozenset(
    "tonight today now music note update breaking quote warning first next plus "
    "sources source also remember look listen".split()
)


def short_label(tokens: Sequence[str]) -> bool:
    """Whether one or two lower-case words and a colon ("steve:", "judge jeanine:") can
    be a speaker label: letters only, no stopword, no word that opens other text."""
    if not 1 <= len(tokens) <= 2 or not tokens[-1].endswith(":"):
        return False
    words = [t.removesuffix(":") for t in tokens]
    return all(_SHORT_LABEL.match(w) and w not in STOPWORDS and w not in _NO_LABEL for w in words)


def title_word(word: str) -> str:
    """A word of a label in capitals, title-cased as a name ("MCCAIN" -> "McCain",
    "O'SULLIVAN'S" -> "O'Sullivan's")."""
    titled = word.title()
    if titled.startswith("Mc") and len(titled) > 2:
        titled = "Mc" + titled[2:].capitalize()
    return _POSSESSIVE.sub(r"\1s", titled)


def parse_label(tokens: Sequence[str]) -> tuple[str, str | None]:
    """(speaker name, role) of a label's tokens: ``ANDERSON COOPER, CNN HOST:`` gives
    ("Anderson Cooper", "anchor"); a reporter's role gives "reporter", any other role
    "guest", none None."""
    match = _LABEL_ALONE.fullmatch(" ".join(tokens).upper())  # "steve:" as "STEVE:"
    if match is None:
        raise ValueError(f"not a speaker label: {' '.join(tokens)!r}")
    name = " ".join(title_word(w) for w in match.group("name").split())
    role_text = match.group("role") or match.group("after_paren")
    if role_text is None:
        return name, None
    if _ANCHOR.search(role_text):
        return name, "anchor"
    if _REPORTER.search(role_text):
        return name, "reporter"
    return name, "guest"


def same_person(short: str, full: str) -> bool:
    """Whether a later short label ("Cooper", "A. Murdaugh") names the person of a full
    one ("Anderson Cooper", "Alex Murdaugh")."""
    if short == full:
        return True
    head, _, last = short.rpartition(" ")
    full_words = full.split()
    if len(full_words) < 2 or full_words[-1] != last:
        return False
    if not head:
        return True
    first = head.split()[0]
    return len(first) == 2 and first.endswith(".") and full_words[0].startswith(first[0])
