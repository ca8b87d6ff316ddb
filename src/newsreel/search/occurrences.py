"""Every passage of a transcript where a query matches, not only the best one.

A match is a run of words that are the query's words as typed or as heard (the heard
variants search uses, ``search.soundalike``): a word, plain words side by side, a whole
phrase (never a part of one), a ``NEAR`` part (as typed) only within its distance of
another part; excluded words never match. Passages are windows of words around the
matches, in transcript order and never overlapping: a match inside the window of the
one before it joins that passage. Word ``i`` of the transcript is ``words[i]`` (its
time is ``word_times[i]`` in a timed transcript). Pure.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsreel.search.passages import TURN_MARKS, mark_word, match_runs, slot_groups, surfaces
from newsreel.search.query import And, Near, Node, Or, Phrase
from newsreel.search.soundalike import Heard

WIDTH = 40  # words in a passage (more when a match runs past its end)
BEFORE = 15  # words shown before a passage's first match
MAX_WIDTH = 400

# (first word, last word, the query words it matched as typed), last inclusive
Run = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class Found:
    """One passage: words ``first_word`` up to (not including) ``end_word``, and the
    matches inside it, in order."""

    first_word: int
    end_word: int
    runs: tuple[Run, ...]

    def text(self, words: Sequence[str]) -> str:
        """The passage's words."""
        return " ".join(words[self.first_word : self.end_word])

    def matched(self, words: Sequence[str]) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
        """The matched words as written and the (query term, heard) pairs."""
        return surfaces(words, self.runs)


def _kept_whole(node: Node) -> Iterator[Phrase | Near]:
    """The phrases and NEARs of a query (not those it excludes): matched as a whole."""
    if isinstance(node, Phrase | Near):
        yield node
    elif isinstance(node, Or):
        for part in node.parts:
            yield from _kept_whole(part)
    elif isinstance(node, And):
        for part in node.include:
            yield from _kept_whole(part)


def _without_whole(node: Node) -> Node:
    """The query with each phrase and NEAR replaced by an empty OR (no words)."""
    if isinstance(node, Phrase | Near):
        return Or(())
    if isinstance(node, Or):
        return Or(tuple(_without_whole(p) for p in node.parts))
    if isinstance(node, And):
        return And(tuple(_without_whole(p) for p in node.include), node.exclude)
    return node


def _phrase_runs(words: Sequence[str], phrase: Phrase, heard: Heard) -> list[Run]:
    """Matches of every word of the phrase, side by side (as typed or heard)."""
    runs = match_runs(words, slot_groups(phrase, heard))
    return [r for r in runs if r[1] - r[0] + 1 == len(phrase.words)]


def _near_runs(words: Sequence[str], near: Near) -> list[Run]:
    """Matches of each part of ``near`` with another part at most its distance away."""
    per_part = [match_runs(words, slot_groups(part, Heard())) for part in near.parts]
    kept: list[Run] = []
    for n, runs in enumerate(per_part):
        others = sorted(r for m, rs in enumerate(per_part) if m != n for r in rs)
        starts = [r[0] for r in others]
        for run in runs:
            # candidates start at most ``distance`` words after the run ends; a long
            # other run may start before it, so look back over every earlier one
            stop = bisect_left(starts, run[1] + near.distance + 2)
            if any(_gap(run, other) <= near.distance for other in others[:stop]):
                kept.append(run)
    return kept


def near_matches(words: Sequence[str], near: Near) -> int:
    """How many times a ``NEAR`` query is said: its first part with another part at most
    its distance away ("Starmer and Mandelson met, then Starmer and Mandelson spoke": 2)."""
    first, *others = [match_runs(words, slot_groups(part, Heard())) for part in near.parts]
    rest = [r for runs in others for r in runs]
    return sum(1 for run in first if any(_gap(run, other) <= near.distance for other in rest))


def _gap(one: Run, other: Run) -> int:
    """Words between two runs (negative when they overlap)."""
    return max(other[0] - one[1], one[0] - other[1]) - 1


def _disjoint(runs: Sequence[Run]) -> list[Run]:
    """Runs in order, an overlapping one dropped for the longer."""
    kept: list[Run] = []
    for run in sorted(runs):
        if kept and run[0] <= kept[-1][1]:
            if run[1] - run[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = run
            continue
        kept.append(run)
    return kept


def query_runs(words: Sequence[str], node: Node, heard: Heard) -> list[Run]:
    """Every match of the query in ``words``, in order and not overlapping: its words
    (plain words side by side are one match), whole phrases, NEAR parts near another."""
    whole = list(_kept_whole(node))
    groups = slot_groups(_without_whole(node) if whole else node, heard)
    runs = match_runs(words, groups) if groups else []
    if not whole:
        return runs
    for part in whole:
        if isinstance(part, Phrase):
            runs += _phrase_runs(words, part, heard)
        else:
            runs += _near_runs(words, part)
    return _disjoint(runs)


def windows(
    runs: Sequence[Run], count: int, *, width: int = WIDTH, before: int = BEFORE
) -> list[Found]:
    """Passages of a ``count``-word text around sorted, disjoint ``runs``: about
    ``before`` words before the first match, ``width`` words in all; each passage
    starts where the one before it ends at the earliest."""
    before = min(before, width - 1)
    out: list[Found] = []
    for run in runs:
        a, b, _ = run
        if out and a < out[-1].end_word:
            last = out[-1]
            out[-1] = Found(last.first_word, max(last.end_word, b + 1), (*last.runs, run))
            continue
        start = max(a - before, out[-1].end_word if out else 0)
        out.append(Found(start, min(count, max(start + width, b + 1)), (run,)))
    return out


def marked_text(text: str, first_word: int, matches: Sequence[tuple[int, int]]) -> str:
    """A passage's text (its words from ``first_word`` on) with the ``matches`` (word
    offsets in the transcript, end excluded) wrapped in highlight marks, without caption
    turn marks (">>": a speaker change, not words, as in search snippets)."""
    inside = {i - first_word for a, b in matches for i in range(a, b)}
    return " ".join(
        mark_word(word) if n in inside else word
        for n, word in enumerate(text.split(" "))
        if n in inside or word not in TURN_MARKS
    )


def find_passages(
    words: Sequence[str], node: Node, heard: Heard, *, width: int = WIDTH
) -> list[Found]:
    """Every passage of ``words`` where the query matches, in order."""
    return windows(query_runs(words, node, heard), len(words), width=width)
