"""Pick the best passage of a transcript for a query: snippet, matched words, time.

The transcript is words separated by single spaces (as archived); a word's index is its
index in ``word_times`` for timed transcripts, so a passage has a start time. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np

from newsreel.search.forms import owner, same_word, word_forms
from newsreel.search.query import Near, Node, Or, Phrase, Term
from newsreel.search.soundalike import Heard, heard_as_phrase
from newsreel.text import MARK_END, MARK_START, STOPWORDS, fold, tag_words, tokens

WIDTH = 40
LEAD = 8
_EDGE = re.compile(r"^\W+|\W+$")
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


@dataclass(frozen=True, slots=True)
class Slot:
    """One query word: what it was typed as and the forms that count as it."""

    label: str
    forms: frozenset[str]
    in_phrase: frozenset[str] = frozenset()
    prefix: bool = False
    whole: bool = False  # a word of a quoted phrase: it counts only with the whole phrase

    def matches(self, token: str, alone: bool = True) -> bool:
        """Whether an index term is this word or a heard variant (of a phrase word)."""
        if self.prefix:
            return token.startswith(fold(self.label))
        return token in self.forms or (not alone and token in self.in_phrase)


@dataclass(frozen=True, slots=True)
class Passage:
    """The best window of a transcript for a query."""

    snippet: str
    matched_terms: tuple[str, ...]
    heard_as: tuple[tuple[str, str], ...]
    first_word: int
    start_seconds: float | None


def slot_groups(node: Node, heard: Heard) -> list[list[Slot]]:
    """Query words grouped into runs that may be read side by side (phrases, plain ANDs)."""

    def slot(word: str, prefix: bool = False, forms: bool = False, whole: bool = False) -> Slot:
        folded = fold(word)
        alone = frozenset([folded, *heard.alone.get(folded, ())])
        if forms:  # the word's other forms ("hostage" for "hostages")
            alone |= word_forms(folded)
        return Slot(word, alone, frozenset(heard.in_phrase.get(folded, ())), prefix, whole)

    if isinstance(node, Term):
        return [[slot(node.text, node.prefix, node.stem)]]
    if isinstance(node, Phrase):
        return [[slot(w, whole=True) for w in node.words]]
    if isinstance(node, Or):
        return [g for p in node.parts for g in slot_groups(p, heard)]
    if isinstance(node, Near):
        return [g for p in node.parts for g in slot_groups(p, heard)]
    groups: list[list[Slot]] = []
    run: list[Slot] = []
    for part in node.include:  # consecutive plain words may be read as one phrase
        if isinstance(part, Term) and not part.prefix:
            run.append(slot(part.text, forms=part.stem))
            continue
        if run:
            groups.append(run)
            run = []
        groups.extend(slot_groups(part, heard))
    if run:
        groups.append(run)
    return groups


def _folded_words(words: Sequence[str]) -> list[str]:
    """Each word folded like the index; the text at once when that keeps the words."""
    joined = fold(" ".join(words)).split(" ")
    return joined if len(joined) == len(words) else [fold(w) for w in words]


def match_runs(
    words: Sequence[str], groups: Sequence[Sequence[Slot]]
) -> list[tuple[int, int, str]]:
    """Maximal runs (first, last, label) of words matching consecutive slots of a group."""
    folded = _candidates(words, [s for g in groups for s in g])
    runs = sorted(
        run
        for group in groups
        for run in _group_runs(group, folded)
        if not (group[0].whole and len(group) <= 2 and _across_sentences(words, run[0], run[1]))
    )
    kept: list[tuple[int, int, str]] = []
    for run in runs:  # a run inside a longer one is the same match
        if kept and run[0] <= kept[-1][1]:
            if run[1] - run[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = run
            continue
        kept.append(run)
    return kept


def _candidates(words: Sequence[str], slots: Sequence[Slot]) -> dict[int, list[str]]:
    """The folded tokens of each word that may match a slot, by word index.

    A regular expression of every form finds the candidate words in one pass; only
    those are tokenised (and later compared slot by slot).
    """
    alternatives = sorted(
        {re.escape(f) for s in slots if not s.prefix for f in s.forms | s.in_phrase},
        key=len,
        reverse=True,
    ) + [re.escape(fold(s.label)) + r"\w*" for s in slots if s.prefix]
    if not alternatives or not words:
        return {}
    folded_words = _folded_words(words)
    lengths = np.fromiter(map(len, folded_words), dtype=np.int64, count=len(folded_words))
    starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
    offsets = [m.start() for m in pattern.finditer(" ".join(folded_words))]
    found = {i - 1 for i in np.searchsorted(starts, offsets, side="right").tolist()}
    found -= tag_words(words) if any("[" in w for w in words) else set()  # "[Music]"
    return {i: tokens(folded_words[i]) for i in found}


# A token's place: (word index, token index within the word). "22,000" is one word of
# two tokens, "22" and "000", as the index splits it; a phrase runs token by token.
Place = tuple[int, int]


def _after(place: Place, folded: dict[int, list[str]]) -> Place:
    """The place of the token after ``place``: the word's next token, else the next
    word's first."""
    word, n = place
    return (word, n + 1) if n + 1 < len(folded.get(word, ())) else (word + 1, 0)


def _token(place: Place, folded: dict[int, list[str]]) -> str | None:
    """The folded token at ``place`` (None where the word is no candidate)."""
    word = folded.get(place[0], ())
    return word[place[1]] if place[1] < len(word) else None


def _group_runs(group: Sequence[Slot], folded: dict[int, list[str]]) -> list[tuple[int, int, str]]:
    """Runs (first word, last word, label) of candidate tokens matching consecutive
    slots of ``group``, each starting after the one before it ends; a run may start and
    end inside a word ("22,000" for the phrase 22 000, "Trump's" for Trump s)."""
    runs: list[tuple[int, int, str]] = []
    consumed: Place = (-1, 0)
    # Which slots each form may fill, so a token is only tried at the slots it can start
    # (a long query of common words has thousands of candidate words and many slots).
    slots_of: dict[str, list[int]] = {}
    for n, s in enumerate(group):
        for form in () if s.prefix else s.forms | s.in_phrase:
            slots_of.setdefault(form, []).append(n)
    prefixed = [n for n, s in enumerate(group) if s.prefix]
    for i in sorted(folded):
        for j, token in enumerate(folded[i]):
            place = (i, j)
            if place <= consumed:
                continue
            best, label_start, end = 0, 0, place
            starts = set(slots_of.get(token, ()))
            starts.update(n for n in prefixed if group[n].matches(token))
            for start in sorted(starts):
                length, last = _match_length(group, start, folded, place)
                if length > best:
                    best, label_start, end = length, start, last
            if group[0].whole and not _whole_phrase(group, folded, place, label_start, best):
                continue  # "border" alone is no match of "border crossing", nor "guys
                # stop" of "Gaza Strip"
            if best:
                label = " ".join(  # "Qat*": a prefix, so "Qatar" is no misheard word
                    s.label + "*" * s.prefix for s in group[label_start : label_start + best]
                )
                runs.append((i, end[0], label))
                consumed = end
    return runs


def _across_sentences(words: Sequence[str], first: int, last: int) -> bool:
    """Whether words ``first`` to ``last`` run across a sentence's end ("Just cause.
    Story tellers" is no "cause story")."""
    return any(words[k].rstrip("\"'”’)")[-1:] in ".?!" for k in range(first, last))


def _whole_phrase(
    group: Sequence[Slot], folded: dict[int, list[str]], place: Place, start: int, length: int
) -> bool:
    """Whether the run of ``length`` tokens from ``place`` is the whole quoted phrase of
    ``group``, heard as it may be (``heard_as_phrase``)."""
    if start or length < len(group):
        return False
    heard: list[str] = []
    for s in group:
        token = _token(place, folded)
        heard.append(token if token is not None and s.matches(token, alone=False) else "")
        place = _after(place, folded)
    return heard_as_phrase([s.label for s in group], heard)


def _match_length(
    group: Sequence[Slot], start: int, folded: dict[int, list[str]], place: Place
) -> tuple[int, Place]:
    """How many tokens from ``place`` match the slots of ``group`` from ``start`` on,
    and the place of the last."""
    length, last, at = 0, place, place
    while start + length < len(group):
        token = _token(at, folded)
        if token is None or not group[start + length].matches(token, alone=False):
            break
        length, last, at = length + 1, at, _after(at, folded)
    if length > 1 and _all_stopwords(group[start : start + length]) and not _all_stopwords(group):
        return 0, place  # "at a" said side by side is no match of "killed at a hospital"
    if length == 1 and (
        (len(group) > 1 and fold(group[start].label) in STOPWORDS and not _all_stopwords(group))
        or not group[start].matches(cast(str, _token(place, folded)))
    ):
        return 0, place  # a phrase's variant ("bit") or a stopword alone is no match of a
    # run of words; a query of stopwords alone ("US", "the of") is matched where said
    return length, last


def _all_stopwords(group: Sequence[Slot]) -> bool:
    """Whether every word of a run of query words is a stopword ("the of")."""
    return all(fold(s.label) in STOPWORDS for s in group)


TURN_MARKS = frozenset({">>", "&gt;&gt;", ">>>"})


def best_passage(
    text: str,
    word_times: Sequence[tuple[float, float]] | None,
    groups: Sequence[Sequence[Slot]],
    *,
    anchor: int | None = None,
    width: int = WIDTH,
) -> Passage:
    """The window with the most (and longest) matches; ``anchor`` picks it instead."""
    words = text.split(" ") if text else []
    runs = match_runs(words, groups) if groups else []
    if anchor is not None:
        first = max(0, min(anchor, len(words) - 1))
    elif runs:
        first = max(_window_starts(runs, width), key=lambda s: _window_score(runs, s, width))
    else:
        first = 0
    start = max(0, first - LEAD) if anchor is None and runs else first
    end = min(len(words), start + width)
    inside = [r for r in runs if r[0] >= start and r[1] < end]
    marked: set[int] = set()
    for a, b, _ in inside:
        marked.update(range(a, b + 1))
    snippet = " ".join(
        mark_word(words[i]) if i in marked else words[i]
        for i in range(start, end)
        if i in marked or words[i] not in TURN_MARKS  # ">>": a speaker change, not words
    )
    snippet = ("…" if start > 0 else "") + snippet + ("…" if end < len(words) else "")
    matched, heard = surfaces(words, runs)
    timed_word = inside[0][0] if inside else start
    seconds = None
    if word_times and timed_word < len(word_times):
        seconds = float(word_times[timed_word][0])
    return Passage(snippet, matched, heard, start, seconds)


def surfaces(
    words: Sequence[str], runs: Sequence[tuple[int, int, str]]
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The matched words as written (longest first) and the (term, heard) pairs."""
    matched: list[str] = []
    heard: list[tuple[str, str]] = []
    for a, b, label in sorted(runs, key=lambda r: (-(r[1] - r[0]), r[0])):
        surface = " ".join(_EDGE.sub("", w) for w in words[a : b + 1])
        if surface not in matched:
            matched.append(surface)
        if not _same_words(label, surface) and (label, surface) not in heard:
            heard.append((label, surface))
    return tuple(matched), tuple(heard)


def _same_words(typed: str, surface: str) -> bool:
    """Whether a match is the typed words, their forms or, for a prefix ("Qat*"), words
    that start with it: not something misheard."""
    typed_words, words = typed.split(), surface.split()
    if any(w.endswith("*") for w in typed_words):
        return len(typed_words) == len(words) and all(
            any(part.startswith(fold(t[:-1])) for part in fold(w).split("-"))
            if t.endswith("*")
            else _same_words(t, w)
            for t, w in zip(typed_words, words, strict=True)
        )
    a = tokens(typed)
    if a == tokens(surface):  # "Denmark's prime minister" typed so: its "s" too
        return True
    b = tokens(" ".join(owner(w) for w in surface.split()))  # "Qatar's" is Qatar
    if a == b or (len(a) == len(b) and all(same_word(x, y) for x, y in zip(a, b, strict=True))):
        return True
    # a part of one written word: "50" in "12:50", "Gaza" in "Gaza-based" (as typed)
    return 0 < len(a) < len(b) and any(b[k : k + len(a)] == a for k in range(len(b)))


def title_matches(
    title: str | None, groups: Sequence[Sequence[Slot]]
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The query words (or heard variants) a title contains."""
    words = (title or "").split()
    return surfaces(words, match_runs(words, groups)) if words and groups else ((), ())


def _window_starts(runs: Sequence[tuple[int, int, str]], width: int) -> list[int]:
    return [r[0] for r in runs]


def _window_score(runs: Sequence[tuple[int, int, str]], start: int, width: int) -> tuple[int, ...]:
    inside = [r for r in runs if start <= r[0] < start + width]
    labels = {fold(r[2]) for r in inside}
    longest = max(r[1] - r[0] for r in inside)
    return (len(labels), longest, len(inside), -start)


def mark_word(word: str) -> str:
    """Highlight a word, leaving the punctuation around it outside the mark."""
    core = _EDGE.sub("", word)
    if not core:
        return MARK_START + word + MARK_END
    lead = word.index(core)
    return word[:lead] + MARK_START + core + MARK_END + word[lead + len(core) :]


def youtube_url(video_id: str, seconds: float | None) -> str | None:
    """A watch link at the second, for ids that look like YouTube's; None otherwise."""
    if not _YOUTUBE_ID.match(video_id):
        return None
    at = f"&t={int(seconds)}s" if seconds is not None else ""
    return f"https://www.youtube.com/watch?v={video_id}{at}"
