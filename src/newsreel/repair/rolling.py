"""Remove rolling-caption repeats from timed cues into one word sequence with times.

YouTube auto-captions scroll: each cue repeats the tail of the one before and adds a
few new words. ``merge_cues`` keeps each spoken word once. It only removes overlaps when
the transcript is rolling (three quarters or more of the cues, and two at least, start with the
previous tail; never for formats that cannot roll, such as Whisper's),
and then only the repeated line, an overlap of two words or more, or a cue wholly
repeated, so a genuine "to to" survives. Cues that write each line twice in a row (half
or more of them hold a run of four or more words said twice: segments joined from
two-line captions) first lose the second copy of each such run. ``unrepeated_text`` does
the like for untimed text whose caption lines were written out several times each
(a third or more of its words copies of the line just before).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from newsreel.models import TimedWord

_STRIP = ".,!?;:\"'()[]{}…-–—"
_MAX_TAIL = 64
_ROLLING_SHARE = 0.75  # rolling captions overlap at 0.87 of cues or more (BBC corpus)
_MIN_ROLLS = 2  # cues that start with the tail before them: fewer say nothing of rolling
_MIN_LINE = 4  # words of a caption line written twice in a row that count as a repeat
_MAX_LINE = 16
_DOUBLED_SHARE = 0.5  # of the cues holding such a repeat: the captions double each line
_MAX_PIECE = 32  # words of a line an untimed text writes out again and again
_PROBES = 16  # places looked at for a line said again right after, before any full scan
_REPEATED_SHARE = 1 / 3  # of an untimed text's words copies of the line before: drop them
_MAX_COPIES = 4  # copies of a line captions write out (four times over); more are speech


@dataclass(frozen=True, slots=True)
class Cue:
    """A timed cue split into words; ``times`` holds inline word starts or None."""

    start: float
    end: float
    words: tuple[str, ...]
    times: tuple[float | None, ...]
    ends: tuple[float | None, ...] | None = None  # each word's own end, where given

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
    return hits >= _MIN_ROLLS and hits >= _ROLLING_SHARE * (len(cues) - 1)


def _spread(cue: Cue, first: int) -> list[TimedWord]:
    """Time the words of ``cue`` from index ``first`` on, inline times first."""
    new = list(range(first, len(cue.words)))
    span = max(cue.end - cue.start, 0.0)
    out: list[TimedWord] = []
    for n, i in enumerate(new):
        given = cue.times[i]  # an inline time outside its cue is held to the cue
        start = cue.start + span * n / len(new) if given is None else given
        start = min(max(start, cue.start), max(cue.end, cue.start))
        own = cue.ends[i] if cue.ends is not None else None
        out.append(TimedWord(cue.words[i], start, cue.end if own is None else own))
    return out


def merge_cues(cues: Sequence[Cue], *, rolling: bool | None = None) -> list[TimedWord]:
    """Merge cues, in order of their start times, into one de-duplicated, time-ordered
    word list.

    Exact duplicate cues are always dropped; tail repeats only when rolling: ``rolling``
    says whether the format can roll (False: Whisper's output never does), None
    finds out from the cues.
    """
    unique: list[Cue] = []
    for cue in sorted(cues, key=lambda c: c.start):  # stable: cues at one time keep order
        if cue.words and not (unique and unique[-1] == cue):
            unique.append(cue)
    doubled = [_doubled_runs([_key(w) for w in cue.words]) for cue in unique]
    if (
        rolling is not False
        and len(unique) >= 3
        and sum(1 for runs in doubled if runs) >= _DOUBLED_SHARE * len(unique)
    ):
        # each caption line written twice in a row (segments joined from two-line captions)
        unique = [_undoubled(cue, runs) for cue, runs in zip(unique, doubled, strict=True)]
    rolling = _is_rolling(unique) if rolling is None else rolling
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


def _doubled_runs(keys: Sequence[str]) -> list[tuple[int, int]]:
    """(start, length) of each run of ``_MIN_LINE`` to ``_MAX_LINE`` words said twice
    in a row, longest first at each place ("address immigration with a new plan and
    address immigration with a new plan and"), left to right, not overlapping."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(keys)
    while i < n:
        for k in range(min(_MAX_LINE, (n - i) // 2), _MIN_LINE - 1, -1):
            if keys[i : i + k] == keys[i + k : i + 2 * k]:
                runs.append((i, k))
                i += 2 * k
                break
        else:
            i += 1
    return runs


def _undoubled(cue: Cue, runs: Sequence[tuple[int, int]]) -> Cue:
    """The cue with the second copy of each of its doubled ``runs`` dropped."""
    drop = {i for start, k in runs for i in range(start + k, start + 2 * k)}
    kept = [i for i in range(len(cue.words)) if i not in drop]
    ends = None if cue.ends is None else tuple(cue.ends[i] for i in kept)
    return Cue(
        cue.start,
        cue.end,
        tuple(cue.words[i] for i in kept),
        tuple(cue.times[i] for i in kept),
        ends,
    )


def unrepeated_text(text: str) -> str:
    """An untimed transcript with the copies of each line written out again right after
    it dropped, where a third or more of its words are such copies (captions saved
    with each line four times over); else the text as it was. A line of four words or
    more said twice counts, and one of two or three said three times ("Messi
    immortalised himself" x 4); a genuine "no, no, no" or a refrain stays, and so does
    a line said more than four times over in a row (a chant, "thank you" x 300)."""
    words = text.split()
    if len(words) < 3 * _MIN_LINE or not _looks_repeated(words):
        return text
    keys = [_key(w) for w in words]
    kept: list[int] = []
    i, n = 0, len(keys)
    while i < n:
        k = _copied_line(keys, i)
        kept.extend(range(i, i + max(k, 1)))
        if not k:
            i += 1
            continue
        start, i, copies = i, i + k, 1
        while keys[i : i + k] == keys[start : start + k]:
            i, copies = i + k, copies + 1
        if copies > _MAX_COPIES:  # said over and over ("thank you" x 300): a chant,
            kept.extend(range(start + k, i))  # not a caption's copies of its line
    if n - len(kept) < _REPEATED_SHARE * n:
        return text
    return " ".join(words[i] for i in kept)


def _copied_line(keys: Sequence[str], i: int) -> int:
    """Length of the shortest line at ``i`` written again right after it (a line four
    times over is one line, not two lines twice): four words or more twice, or two or
    three words three times; 0 if none."""
    for k in range(2, min(_MAX_PIECE, (len(keys) - i) // 2) + 1):
        copies = 2 if k >= _MIN_LINE else 3
        if all(keys[i : i + k] == keys[i + c * k : i + (c + 1) * k] for c in range(1, copies)):
            return k
    return 0


def _looks_repeated(words: Sequence[str]) -> bool:
    """Whether a quarter or more of a few places spread over the text have their next
    three words said again within a line's length before or after them (speech seldom
    does; a place in a line's last copy finds it before): cheap, so untimed text with no
    copies costs a few slices, not a scan."""
    n = len(words)
    hits = 0
    for p in range(_PROBES):
        i = (n - 3) * p // _PROBES
        first = max(0, i - 2 * _MAX_PIECE)
        keys = [_key(w) for w in words[first : i + 3 + 2 * _MAX_PIECE]]
        at = i - first
        probe = keys[at : at + 3]
        hits += any(keys[j : j + 3] == probe for j in range(len(keys) - 2) if j != at)
    return hits * 4 >= _PROBES


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
    """Make starts non-decreasing and end each word where the next one starts, keeping
    every word within its cue: a word of an earlier cue that overlaps the next cue starts
    no later than the next cue's first word (cues come sorted by start), rather than a
    later word being pushed past its own cue's end."""
    out = list(words)
    nxt = math.inf
    for i in range(len(out) - 1, -1, -1):
        word = out[i]
        start = min(word.start, nxt)
        end = max(min(word.end, nxt), start)
        out[i] = TimedWord(word.text, start, end)
        nxt = start
    return out
