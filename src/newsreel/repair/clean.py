"""Mark the tokens a clean reading view leaves out: fillers, stutters, caption tags.

Nothing is removed here: each raw token gets a kind (``word``, ``filler``,
``stutter``, ``tag``, ``marker``) and the renderer decides what to show.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsreel.repair.speakers import label_length, short_label
from newsreel.text import STOPWORDS

FILLERS = frozenset({"uh", "um", "uhm", "umm", "uh-huh", "er", "erm", "hmm", "mm", "mhm", "ah"})
_TAG = re.compile(r"^[\[(][^\])]*[\])]$")
_MARKER = re.compile(r"^(?:>>|&gt;&gt;)+$")
_EDGE = ".,!?;:\"'()[]{}…“”‘’«»-"


def bare(token: str) -> str:
    """A token without the punctuation around it, case kept ("Rafa." -> "Rafa")."""
    return token.strip(_EDGE)


def core(token: str) -> str:
    """A token's word without edge punctuation, case-folded."""
    return bare(token).casefold()


def is_marker(token: str) -> bool:
    """Whether a token is a caption speaker-change marker (``>>``)."""
    return bool(_MARKER.match(token))


def caption_mark(token: str) -> bool:
    """Whether a token is (or holds) a caption's own mark rather than words: a bracketed
    tag or a piece of one ("[Music]", "Music]") or a speaker-change marker (``>>``)."""
    return "[" in token or "]" in token or is_marker(token)


def kinds(tokens: Sequence[str]) -> list[str]:
    """Classify every token for the clean reading view; a speaker label after a ``>>``
    marker (``>> ANDERSON COOPER, CNN HOST:``) belongs to the marker."""
    cores = [core(t) for t in tokens]
    asides = _asides(tokens)
    labels = unmarked_labels(tokens)
    out = []
    label_end = 0
    for i, token in enumerate(tokens):
        word, after = cores[i], cores[i + 1] if i + 1 < len(tokens) else ""
        if is_marker(token):
            out.append("marker")
            label_end = i + 1 + label_length(tokens, i + 1)
        elif i < label_end or i in labels:
            out.append("marker")
        elif _TAG.match(token) or i in asides or _is_bare_foreign(cores, i):
            out.append("tag")
        elif word in FILLERS:
            out.append("filler")
        elif word and (
            (word == after and word not in _DOUBLED)
            or _is_cut_word(word, after)
            or _repeats_pair(cores, i)
        ):
            out.append("stutter")
        else:
            out.append("word")
    return out


def unmarked_labels(tokens: Sequence[str]) -> set[int]:
    """Tokens of lower-case speaker labels with no ``>>`` before them, as TV closed
    captions write them at a sentence's start (". martha: sounding the alarm ... gregg:
    the cbo"): one or two words and a colon (``speakers.short_label``) that start a
    sentence twice or more in the text; one-offs ("tonight:") are text."""
    found: dict[tuple[str, ...], list[int]] = {}
    out: set[int] = set()
    for i, token in enumerate(tokens):
        if not token.endswith(":") or is_marker(token):
            continue
        capitals = _capital_label(tokens, i)
        if capitals is not None:  # "ANDERSON COOPER, CNN HOST:" in a text without ">>"
            out.update(range(capitals, i + 1))
            continue
        for n in (1, 2):
            first = i - n + 1
            if first < 0 or not short_label(tokens[first : i + 1]):
                continue
            if first == 0 or tokens[first - 1].endswith((".", "?", "!")):
                found.setdefault(tuple(tokens[first : i + 1]), []).append(first)
                break
    for label, starts in found.items():
        if len(starts) >= 2:
            out.update(k for s in starts for k in range(s, s + len(label)))
    return out


def _capital_label(tokens: Sequence[str], colon: int) -> int | None:
    """Where a speaker label in capitals ending at token ``colon`` starts, if one does
    at a sentence's start (or the text's): "COOPER:", "ANDERSON COOPER, CNN HOST:"."""
    for first in range(colon, max(-1, colon - 12), -1):
        if first == 0 or tokens[first - 1].endswith((".", "?", "!", '"')):
            length = label_length(tokens, first)
            upper = any(c.isalpha() for c in tokens[first]) and tokens[first].isupper()
            return first if upper and first + length == colon + 1 else None
    return None


# words said twice on purpose: "she had had enough", "that that means", "Bora Bora"
_DOUBLED = frozenset({"had", "that", "bora", "walla", "baden", "pago", "mahi", "bye"})
_ASIDE = 6  # words a stage direction in brackets holds at most: "(BEGIN VIDEO CLIP)"


def _asides(tokens: Sequence[str]) -> set[int]:
    """Tokens of stage directions and caption notes written in brackets over several
    words ("(BEGIN VIDEO CLIP)", "[ male announcer ]", "[ __ ]"): no words of the talk,
    so no punctuation or casing is added to them."""
    found: set[int] = set()
    for i, token in enumerate(tokens):
        if not token.startswith(("(", "[")) or _TAG.match(token):
            continue
        for j in range(i + 1, min(i + _ASIDE, len(tokens))):
            if "(" in tokens[j] or "[" in tokens[j]:
                break
            if tokens[j].rstrip(".,;:!?").endswith((")", "]")):
                found.update(range(i, j + 1))
                break
    return found


def _is_cut_word(word: str, after: str) -> bool:
    """'pal Palestinian': a word started, cut off and said again in full."""
    return (
        len(word) >= 2
        and word not in STOPWORDS
        and len(after) >= 8
        and len(word) * 2 <= len(after)
        and after.startswith(word)
        and word.isalpha()
    )


def _repeats_pair(cores: Sequence[str], i: int) -> bool:
    """'let me let me': a two-word phrase said twice (both of the first pair)."""
    for first in (i, i - 1):
        if (
            first >= 0
            and first + 3 < len(cores)
            and cores[first]
            and (cores[first : first + 2] == cores[first + 2 : first + 4])
        ):
            return True
    return False


def garbled_tags(tokens: Sequence[str]) -> set[int]:
    """Tokens of a caption's "[ foreign speech ]" tag as bad captions break and misspell
    it ("fore spee spee ] fore speech", "spee speech speech foreign speech"): a run of
    tag pieces (words that start like "foreign" or "speech", "ign", brackets) holding a
    bracket and a piece of "speech", or four pieces or more, two of them of "speech" and
    one of "foreign"; no words of the talk ("calls for speech reform", "[Music] for
    Bish's wife" keep theirs)."""
    out: set[int] = set()
    run: list[int] = []
    pieces: list[str] = []
    for i in range(len(tokens) + 1):
        piece = _tag_piece(tokens[i]) if i < len(tokens) else None
        if piece is not None:
            run.append(i)
            pieces.append(piece)
            continue
        speech, foreign = pieces.count("speech"), pieces.count("foreign")
        if speech and ("bracket" in pieces or (len(run) >= 4 and speech >= 2 and foreign)):
            out.update(run)
        run, pieces = [], []
    return out


def _tag_piece(token: str) -> str | None:
    """What piece of a broken "[ foreign speech ]" tag a token may be: "bracket",
    "speech" ("spee", "spech", "speeech"), "foreign" ("fore", "forign", "forch", "ign",
    "for"), else None."""
    if "[" in token or "]" in token:
        return "bracket"
    word = token.strip(".,?!;:").casefold()
    if not word.isalpha() or len(word) > 7:
        return None
    if word.startswith("spe") and word not in ("spell", "spend", "spent", "speed", "spear"):
        return "speech" if word.startswith(("spee", "spech")) or word == "spe" else None
    if word.startswith("for") and word not in _FOR_WORDS:
        return "foreign"
    return "foreign" if word == "ign" else None


# words that start like "foreign" and are words of their own
_FOR_WORDS = frozenset(
    "form forms force forced forces forest forever forget forgot format former formed "
    "fort forth forty forum forward forbid ford fork forge fortune".split()
)


def _is_bare_foreign(cores: Sequence[str], i: int) -> bool:
    """YouTube writes untranscribed speech as a bare 'foreign' between sentences."""
    if cores[i] != "foreign":
        return False
    before = cores[i - 1] if i else ""
    after = cores[i + 1] if i + 1 < len(cores) else ""
    return before in ("", "foreign", "music", "applause") or after in ("", "foreign", "music")
