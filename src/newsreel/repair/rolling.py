"""Remove rolling-caption repeats from timed cues into one word sequence with times.

YouTube auto-captions scroll: each cue repeats the tail of the one before and adds a
few new words. ``merge_cues`` keeps each spoken word once. It only removes overlaps when
the transcript is rolling (a third or more of the cues start with the previous tail),
and then only the repeated line, an overlap of two words or more, or a cue wholly
repeated, so a genuine "to to" survives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from newsreel.models import TimedWord

_STRIP = ".,!?;:\"'()[]{}…-–—"
_MAX_TAIL = 64
_ROLLING_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class Cue:
    """A timed cue split into words; ``times`` holds inline word starts or None."""

    start: float
    end: float
    words: tuple[str, ...]
    times: tuple[float | None, ...]

    @classmethod
    def from_text(cls, start: float, end: float, text: str) -> Cue:
        """Build a cue with no inline word times from plain text."""
        words = tuple(text.split())
        return cls(start, end, words, (None,) * len(words))


def _key(word: str) -> str:
    return word.strip(_STRIP).casefold() or word


def _overlap(tail: Sequence[str], head: Sequence[str]) -> int:
    """Length of the longest suffix of ``tail`` that is a prefix of ``head``."""
    for k in range(min(len(tail), len(head)), 0, -1):
        if tail[len(tail) - k :] == head[:k]:
            return k
    return 0


def _is_rolling(cues: Sequence[Cue]) -> bool:
    hits = 0
    for prev, cur in pairwise(cues):
        # Plain captions rarely start with the words that ended the cue before.
        if _overlap([_key(w) for w in prev.words], [_key(w) for w in cur.words]):
            hits += 1
    return len(cues) > 1 and hits >= _ROLLING_SHARE * (len(cues) - 1)


def _spread(cue: Cue, first: int) -> list[TimedWord]:
    """Time the words of ``cue`` from index ``first`` on, inline times first."""
    new = list(range(first, len(cue.words)))
    span = max(cue.end - cue.start, 0.0)
    out: list[TimedWord] = []
    for n, i in enumerate(new):
        given = cue.times[i]
        start = given if given is not None else cue.start + span * n / len(new)
        out.append(TimedWord(cue.words[i], start, cue.end))
    return out


def merge_cues(cues: Sequence[Cue]) -> list[TimedWord]:
    """Merge cues into one de-duplicated, time-ordered word list.

    Exact duplicate cues are always dropped; tail repeats only when rolling.
    """
    unique: list[Cue] = []
    for cue in cues:
        if cue.words and not (unique and unique[-1] == cue):
            unique.append(cue)
    rolling = _is_rolling(unique)
    words: list[TimedWord] = []
    keys: list[str] = []
    last_new = 0
    for cue in unique:
        first = 0
        if rolling and keys:
            first = _repeat_length([_key(w) for w in cue.words], keys, last_new)
        added = _spread(cue, first)
        for word in added:
            words.append(word)
            keys.append(_key(word.text))
        last_new = len(added) or last_new
    return _monotonic(words)


def _repeat_length(head: list[str], keys: list[str], last_new: int) -> int:
    """How many leading words of a rolling cue repeat what was already said.

    Two-line rolling captions repeat exactly the line the previous cue added, so that
    length wins when it matches (even one word); otherwise the longest repeat of two
    words or more, or the whole cue.
    """
    if 0 < last_new <= len(head) and keys[-last_new:] == head[:last_new]:
        return last_new
    k = _overlap(keys[-_MAX_TAIL:], head)
    return k if k >= 2 or k == len(head) else 0


def _monotonic(words: list[TimedWord]) -> list[TimedWord]:
    """Make starts non-decreasing and end each word where the next one starts."""
    out: list[TimedWord] = []
    last = 0.0
    for word in words:
        start = max(word.start, last)
        out.append(TimedWord(word.text, start, max(word.end, start)))
        last = start
    for i in range(len(out) - 1):
        nxt = out[i + 1].start
        if out[i].end > nxt:
            out[i] = TimedWord(out[i].text, out[i].start, nxt)
    return out
