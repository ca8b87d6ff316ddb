"""Group videos into stories incrementally, so new videos join existing stories or start
their own without regrouping the archive. Pure.

Each video of a batch, oldest first, joins the story whose centroid (the sum of its
members' term vectors) is most similar, if that similarity reaches ``threshold`` and the
story was seen at most ``window_days`` before or after the video (undated videos may join
any story); otherwise it starts a story. A dated video, and one with linked entities,
needs more similarity (bench/RESULTS.md, "Stories in an enriched archive"). Then up to
``ROUNDS`` passes over the batch move each of its videos to the most similar story, its
own centroid counted without it, so that an early video can follow a story the batch
founded later; a story of the batch that drifted, or that is two stories sharing their
words, is split (``Grouper._split_drifting``). Stories outside the
batch's reach are never read or changed (bench notes in bench/RESULTS.md: the passes
raise B-cubed F1 on the sportswashing events from about 0.71 to 0.81).

A small batch (a day's new videos) comes with the videos grouped last, ``settled``: they
leave their stories and are placed again with it, so that the passes and splits see the
stories as one batch over all of them would; a story they re-form keeps its id.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from newsreel.models import StoryState
from newsreel.stories.features import Vector, add, cosine
from newsreel.stories.ids import carry_ids
from newsreel.text import ENTITY_PREFIX, heaviest

THRESHOLD = 0.1
DATED_THRESHOLD = 0.15  # a dated archive holds many stories at once: ask more of the words
# a video with linked entities (terms "@ID", weighted like title words) shares them with
# every story of the same people and places: it must resemble a story more to join
NAMED_THRESHOLD = 0.12
NAMED_DATED_THRESHOLD = 0.25
DRIFT = 0.2  # a batch's story whose members resemble it less than this on average is split
WINDOW_DAYS = 10
CENTROID_TERMS = 400
ROUNDS = 3
INDEXED_TERMS = 25  # a story is found by its heaviest terms; a video looks with its own
CANDIDATES = 10  # stories sharing most of those terms are compared in full
HALVES_FROM = 8  # a batch's story of this many videos may be two stories (``_halves``)
HALF_AT_LEAST = 3
HALVES_GAIN = 0.025
_TWO_MEANS_ROUNDS = 10


@dataclass
class Story:
    """A story as grouping needs it: its centroid, time span and size."""

    story_id: int
    centroid: dict[str, float]
    start: date | None = None
    end: date | None = None
    videos: int = 0
    norm: float = field(default=0.0, compare=False)

    def takes(self, day: date | None, window: timedelta) -> bool:
        """Whether a video of ``day`` is close enough in time to join: an undated video
        may join any story, a dated one only a story dated within the window (so a
        story's span comes from its dated videos, never from an undated one's guess)."""
        if day is None:
            return True
        if self.start is None or self.end is None:
            return self.videos == 0
        return self.start - window <= day <= self.end + window

    def __post_init__(self) -> None:
        self.norm = _norm(self.centroid)

    @classmethod
    def of(cls, state: StoryState) -> Story:
        """A story from the state the archive keeps."""
        return cls(state.story_id, state.centroid, state.start, state.end, state.videos)

    def state(self) -> StoryState:
        """What the archive keeps of this story."""
        return StoryState(self.story_id, self.centroid, self.start, self.end, self.videos)

    def similarity(self, vec: Vector, without: bool = False) -> float:
        """Cosine of a (unit) video vector with the centroid, the video itself taken
        out of the centroid when ``without``."""
        if without:
            return cosine(vec, add(self.centroid, vec, CENTROID_TERMS, sign=-1.0))
        if not self.norm:
            return 0.0
        centroid = self.centroid
        return sum(w * centroid.get(t, 0.0) for t, w in vec.items()) / self.norm

    def join(self, vec: Vector, day: date | None) -> None:
        """Add a video."""
        self.centroid = add(self.centroid, vec, CENTROID_TERMS)
        self.norm = _norm(self.centroid)
        if day is not None:
            self.start = day if self.start is None else min(self.start, day)
            self.end = day if self.end is None else max(self.end, day)
        self.videos += 1

    def leave(self, vec: Vector) -> None:
        """Take a video out (the time span is recomputed by the caller's store)."""
        self.centroid = add(self.centroid, vec, CENTROID_TERMS, sign=-1.0)
        self.norm = _norm(self.centroid)
        self.videos -= 1


def _norm(centroid: Mapping[str, float]) -> float:
    return math.sqrt(sum(w * w for w in centroid.values()))


@dataclass(frozen=True, slots=True)
class Item:
    """A video to place: its key, term vector, date and outlet."""

    key: int
    vector: Vector
    day: date | None
    channel: str | None


class Grouper:
    """The stories within reach of a batch, and the rule to place its videos."""

    def __init__(
        self,
        stories: Iterable[Story] = (),
        *,
        threshold: float = THRESHOLD,
        dated_threshold: float = DATED_THRESHOLD,
        named_threshold: float = NAMED_THRESHOLD,
        named_dated_threshold: float = NAMED_DATED_THRESHOLD,
        drift: float = DRIFT,
        halves_gain: float | None = HALVES_GAIN,
        window_days: int = WINDOW_DAYS,
        next_id: int = 1,
    ) -> None:
        self.stories: dict[int, Story] = {s.story_id: s for s in stories}
        self.threshold = threshold
        self.dated_threshold = dated_threshold
        self.named_threshold = named_threshold
        self.named_dated_threshold = named_dated_threshold
        self.drift = drift
        self.halves_gain = halves_gain  # None: no story is cut in two (``_halves``)
        self.window = timedelta(days=window_days)
        self.next_id = max([next_id, *(s.story_id + 1 for s in self.stories.values())])
        self._postings: dict[str, set[int]] = {}
        self.moves: dict[int, int | None] = {}  # of the last batch (``place_batch``)
        self._reindex()

    def hold(self, stories: Iterable[Story]) -> None:
        """Take more stories within reach (read from the archive)."""
        for story in stories:
            self.stories[story.story_id] = story
            self.next_id = max(self.next_id, story.story_id + 1)
            self._index(story)

    def forget_before(self, day: date) -> None:
        """Drop stories that ended more than the window before ``day``: videos placed
        later (in date order) cannot join them."""
        gone = [
            sid
            for sid, s in self.stories.items()
            if s.end is not None and s.end + self.window < day
        ]
        if not gone:
            return
        for story_id in gone:
            del self.stories[story_id]
        self._reindex()

    def _index(self, story: Story) -> None:
        for term in label_terms(story.centroid, INDEXED_TERMS):
            self._postings.setdefault(term, set()).add(story.story_id)

    def _best(self, item: Item, own: int | None = None) -> tuple[int | None, float]:
        shared: Counter[int] = Counter()
        for term in label_terms(item.vector, INDEXED_TERMS):
            shared.update(self._postings.get(term, ()))
        candidates = {sid for sid, _ in shared.most_common(CANDIDATES)}
        if own is not None:
            candidates.add(own)
        best, score = None, 0.0
        for story_id in sorted(candidates):
            story = self.stories.get(story_id)
            if story is None or story.videos <= 0 or not story.takes(item.day, self.window):
                continue
            if story_id == own and story.videos == 1:
                continue
            similarity = story.similarity(item.vector, without=story_id == own)
            if similarity > score:
                best, score = story_id, similarity
        return best, score

    def place(self, item: Item) -> tuple[int, float]:
        """Put a video in its story (a new one if none is close); (story id, similarity)."""
        best, score = self._best(item)
        if best is None or score < self._needed(item):
            best, score = self.next_id, 1.0
            self.next_id += 1
            self.stories[best] = Story(best, {})
        story = self.stories[best]
        story.join(item.vector, item.day)
        self._index(story)
        return best, round(score, 4)

    def place_batch(
        self,
        items: Sequence[Item],
        rounds: int | None = None,
        settled: Mapping[int, int] | None = None,
    ) -> dict[int, tuple[int, float]]:
        """Place a batch (oldest first), then let its videos move to better stories;
        key -> (story id, similarity). ``settled`` items (key -> the held story an
        earlier batch put them in) leave their stories first and are placed again with
        the batch, as if grouped with it; a story they re-form keeps its id
        (``_carry_ids``; ``moves`` says where the ids of stories that went are)."""
        first_new = self.next_id
        emptied = self._unsettle(items, settled or {})
        ordered = sorted(items, key=lambda i: (i.day is None, i.day or date.min, i.key))
        placed = {item.key: self.place(item) for item in ordered}
        for _ in range(ROUNDS if rounds is None else rounds):
            moved = 0
            for item in ordered:
                own = placed[item.key][0]
                best, score = self._best(item, own)
                if best is None or best == own or score < self._needed(item):
                    continue
                own_score = self.stories[own].similarity(item.vector, without=True)
                if score <= own_score:
                    continue
                self.stories[own].leave(item.vector)
                self.stories[best].join(item.vector, item.day)
                self._index(self.stories[best])
                placed[item.key] = (best, round(score, 4))
                moved += 1
            if not moved:
                break
        self._split_drifting(ordered, placed)
        self.moves = self._carry_ids(emptied, placed, first_new)
        return placed

    def _unsettle(self, items: Sequence[Item], settled: Mapping[int, int]) -> dict[int, set[int]]:
        """Take settled items out of their stories; the stories that are left empty
        (dropped) -> the keys they held."""
        held: dict[int, set[int]] = {}
        for item in items:
            story = self.stories.get(settled.get(item.key, -1))
            if story is not None:
                story.leave(item.vector)
                held.setdefault(story.story_id, set()).add(item.key)
        emptied = {sid: keys for sid, keys in held.items() if self.stories[sid].videos <= 0}
        for story_id in emptied:
            del self.stories[story_id]
        if held:
            self._reindex()
        return emptied

    def _carry_ids(
        self, emptied: Mapping[int, set[int]], placed: dict[int, tuple[int, float]], first_new: int
    ) -> dict[int, int | None]:
        """A story made by this batch takes the id of the emptied story it holds most
        videos of (``ids.carry_ids``, largest overlap first, each id once); emptied id ->
        the story (made by the batch or older) holding most of its videos, for the ids
        no story took."""
        if not emptied:
            return {}

        def members(new_only: bool) -> dict[int, set[int]]:
            out: dict[int, set[int]] = {}
            for key, (story_id, _) in placed.items():
                if story_id >= first_new or not new_only:
                    out.setdefault(story_id, set()).add(key)
            return out

        kept, _ = carry_ids(emptied, members(True), share=0.0)  # a story cut up: its largest
        for new_id, old_id in kept.items():
            story = self.stories.pop(new_id)
            story.story_id = old_id
            self.stories[old_id] = story
        for key, (story_id, score) in placed.items():
            placed[key] = (kept.get(story_id, story_id), score)
        self._reindex()
        gone = {old: keys for old, keys in emptied.items() if old not in kept.values()}
        return carry_ids(gone, members(False), share=1.0)[1]  # share 1: none kept, all heirs

    def _reindex(self) -> None:
        self._postings = {}
        for story in self.stories.values():
            self._index(story)

    def _needed(self, item: Item) -> float:
        """The similarity a video needs to join a story: more for a dated video, and
        more for one with linked entities."""
        if any(term.startswith(ENTITY_PREFIX) for term in item.vector):
            return self.named_threshold if item.day is None else self.named_dated_threshold
        return self.threshold if item.day is None else self.dated_threshold

    def _split_drifting(
        self, ordered: Sequence[Item], placed: dict[int, tuple[int, float]]
    ) -> None:
        """Split a story the batch made drift: when its batch videos resemble it less
        than ``drift`` on average (chained through a word or a name they each share
        with a few others), they are grouped again among themselves, asking twice the
        similarity, and the groups become stories of their own (the first keeps it).
        Then a story of the batch that is two stories sharing their words ("Saudi
        Arabia", "Premier League": Newcastle's takeover and the Saudi Pro League) is cut
        in two where that makes its videos resemble their story more (``_halves``)."""
        members: dict[int, list[Item]] = {}
        for item in ordered:
            members.setdefault(placed[item.key][0], []).append(item)
        for story_id, items in list(members.items()):
            story = self.stories[story_id]
            if len(items) < 3 or story.videos != len(items):
                continue
            if _likeness(story, items) >= self.drift:
                continue
            inner = Grouper(
                threshold=1.5 * self.threshold,
                dated_threshold=1.5 * self.dated_threshold,
                named_threshold=1.5 * self.named_threshold,
                named_dated_threshold=1.5 * self.named_dated_threshold,
                drift=0.0,
                halves_gain=None,
                window_days=self.window.days,
            )
            parts = inner.place_batch(items)
            groups: dict[int, list[Item]] = {}
            for item in items:
                groups.setdefault(parts[item.key][0], []).append(item)
            if len(groups) > 1:
                scores = {item.key: parts[item.key][1] for item in items}
                members.pop(story_id)
                members.update(self._replace(story_id, list(groups.values()), placed, scores))
        if self.halves_gain is not None:
            self._split_in_halves(members, placed, self.halves_gain)

    def _split_in_halves(
        self, members: dict[int, list[Item]], placed: dict[int, tuple[int, float]], gain: float
    ) -> None:
        """Cut each story of the batch in two where ``_halves`` finds a cut, once (a half
        is not cut again: the fewer its videos, the likelier a chance gain); each video's
        similarity is then to its half (the rest of it)."""
        for story_id, items in list(members.items()):
            if self.stories[story_id].videos != len(items):
                continue
            halves = _halves(items, gain)
            if halves is None:
                continue
            made = self._replace(story_id, list(halves), placed, {})
            for new_id, part in made.items():
                for item in part:
                    score = self.stories[new_id].similarity(item.vector, without=True)
                    placed[item.key] = (new_id, round(score, 4))

    def _replace(
        self,
        story_id: int,
        groups: list[list[Item]],
        placed: dict[int, tuple[int, float]],
        scores: Mapping[int, float],
    ) -> dict[int, list[Item]]:
        """Make each group of a story's batch videos a story (the first keeps its id);
        story id -> its videos."""
        for group in groups:
            for item in group:
                self.stories[story_id].leave(item.vector)
        del self.stories[story_id]
        made: dict[int, list[Item]] = {}
        for n, group in enumerate(groups):
            new_id = story_id if n == 0 else self.next_id
            self.next_id += n > 0
            self.stories[new_id] = Story(new_id, {})
            for item in group:
                self.stories[new_id].join(item.vector, item.day)
                placed[item.key] = (new_id, scores.get(item.key, placed[item.key][1]))
            made[new_id] = group
        self._reindex()
        return made


def _story_of(items: Sequence[Item]) -> Story:
    """A story of these videos alone (no id, no dates)."""
    story = Story(0, {})
    for item in items:
        story.join(item.vector, None)
    return story


def _likeness(story: Story, items: Sequence[Item]) -> float:
    """The mean similarity of each video to the rest of ``story``."""
    return sum(story.similarity(i.vector, without=True) for i in items) / len(items)


def cohesion(items: Sequence[Item]) -> float:
    """How much videos resemble their story: the mean similarity of each to the centroid
    of the others."""
    return _likeness(_story_of(items), items)


def _halves(
    items: Sequence[Item], gain: float = HALVES_GAIN
) -> tuple[list[Item], list[Item]] | None:
    """Two stories sharing their words, told apart: the videos of a story of
    ``HALVES_FROM`` or more cut in two by two-means on their vectors (seeded by the video
    least like its story and the one least like that), kept when each half has
    ``HALF_AT_LEAST`` videos and the videos' ``cohesion`` rises by ``gain``. One
    story's videos rarely gain so: its halves are smaller, so each video resembles the
    rest of its half less (bench/RESULTS.md, stop 60)."""
    if len(items) < HALVES_FROM:
        return None
    whole = _story_of(items)
    first = min(items, key=lambda i: (whole.similarity(i.vector, without=True), i.key))
    second = min(items, key=lambda i: (cosine(i.vector, first.vector), i.key))
    centres: tuple[Mapping[str, float], Mapping[str, float]] = (first.vector, second.vector)
    halves: tuple[list[Item], list[Item]] = ([], [])
    for _ in range(_TWO_MEANS_ROUNDS):
        halves = ([], [])
        for item in items:
            nearer = cosine(item.vector, centres[0]) >= cosine(item.vector, centres[1])
            halves[0 if nearer else 1].append(item)
        if min(len(h) for h in halves) < HALF_AT_LEAST:
            return None
        centres = (_story_of(halves[0]).centroid, _story_of(halves[1]).centroid)
    split = sum(cohesion(h) * len(h) for h in halves) / len(items)
    return halves if split - _likeness(whole, items) >= gain else None


def group(items: Sequence[Item], **options: float | None) -> dict[int, int]:
    """Group one batch from scratch; key -> story id."""
    grouper = Grouper(**options)  # type: ignore[arg-type]
    return {key: story for key, (story, _) in grouper.place_batch(items).items()}


def label_terms(centroid: Mapping[str, float], count: int = 4) -> list[str]:
    """The heaviest terms of a centroid."""
    return heaviest(centroid, count)
