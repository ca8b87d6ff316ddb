"""The stories stage: place every video not yet in a story, in batches, oldest first.

Versioned like repair and enrich: a change of ``VERSION`` (features, threshold, window)
regroups the archive; otherwise only new transcripts are placed, each batch committed
(Ctrl-C keeps finished batches; a rerun finishes), a small batch beside the videos grouped
last (``FILL``), which may move with it. Document frequencies come from the
full-text index, so a term's weight reflects the whole archive.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from rapidfuzz import fuzz

from newsreel.entities.places import demonym
from newsreel.entities.spelling import phonetic
from newsreel.models import LABEL_JOIN, StoryState
from newsreel.rows import UngroupedVideo
from newsreel.store.base import Store
from newsreel.stories.features import (
    ENTITY_WEIGHT,
    idf_from,
    terms,
    vector,
    with_entities,
)
from newsreel.stories.grouping import (
    DATED_THRESHOLD,
    DRIFT,
    HALF_AT_LEAST,
    HALVES_FROM,
    HALVES_GAIN,
    NAMED_DATED_THRESHOLD,
    NAMED_THRESHOLD,
    THRESHOLD,
    WINDOW_DAYS,
    Grouper,
    Item,
    Story,
    label_terms,
)
from newsreel.stories.ids import carry_ids
from newsreel.text import ENTITY_PREFIX, MONTHS, STOPWORDS, tokens

VERSION = (
    f"stories-12+t{THRESHOLD}+d{DATED_THRESHOLD}+n{NAMED_THRESHOLD}+nd{NAMED_DATED_THRESHOLD}"
    f"+c{DRIFT}+h{HALVES_GAIN}-{HALVES_FROM}-{HALF_AT_LEAST}+w{WINDOW_DAYS}+e{ENTITY_WEIGHT}"
)
BATCH = 1000
# a batch smaller than this (a day's new videos) is placed beside the videos grouped last,
# up to this many in all, which may move and split with it: as if grouped together
# (bench/RESULTS.md, stop 64: batches of 20 lost 0.04-0.10 B-cubed F1 without)
FILL = 1000
REACH = 50_000  # stories read for one batch at most (the most recent first)
RELABEL_UNTIL = 200  # a story is renamed as it grows, until it has this many videos


@dataclass
class StorySummary:
    """What one run did."""

    placed: int = 0
    new_stories: int = 0
    seconds: float = 0.0
    version: str = VERSION

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Placed:
    """A batch placed into stories: the touched stories and each video's placement."""

    touched: list[int]
    new: set[int]
    placements: list[tuple[int, int, float]]
    moves: dict[int, int | None]  # ids of stories that went -> where their videos went


class StoriesStage:
    """The stories stage: videos → stories across outlets and days (``pipeline.stage``).

    ``pending`` reads a batch with what grouping needs from the archive (entities,
    document frequencies, the stories it may join); ``process`` places it in memory.
    """

    name = "stories"
    version = VERSION

    def __init__(
        self,
        store: Store,
        doc_freqs: Callable[[Iterable[str]], dict[str, int]],
        *,
        regroup: bool = False,
    ) -> None:
        self.store = store
        self.doc_freqs = doc_freqs
        self.regroup = regroup
        self.summary = StorySummary()
        self.grouper = Grouper()
        self._after: tuple[str, int] | None = None
        self._items: list[Item] = []
        self._settled: dict[int, int] = {}  # transcript id -> story, of videos placed again

    def start(self, previous: str | None) -> None:
        """Start over when asked or when the grouping version changed."""
        if self.regroup or previous not in (None, VERSION):
            self.store.stories.remember_stories()  # their ids outlive the regrouping
            self.store.stories.clear_stories()  # (stopped between the two: carry_ids keeps them)
        self.grouper = Grouper(next_id=self.store.stories.next_story_id())
        self._after = None

    def pending(self) -> list[UngroupedVideo]:
        """The next videos in no story, oldest first; their vectors and the stories they
        may join are read here."""
        batch = self.store.stories.ungrouped(BATCH, self._after)
        if not batch:
            self._carry_ids()
            return batch
        tail = batch[-1]
        day = tail.publish_date.isoformat() if tail.publish_date else "~"
        self._after = (day, tail.transcript_id)
        again = self.store.stories.recently_grouped(
            FILL - len(batch), undated_first=all(r.publish_date is None for r in batch)
        )
        self._hold_near([row.publish_date for row in batch] + [r.publish_date for r, _ in again])
        # placed again: the videos of held stories that hold no older video (a story
        # of the last runs is re-formed whole; an older story keeps its videos)
        held, recent = self.grouper.stories, Counter(story for _, story in again)
        settled = [
            (row, story)
            for row, story in again
            if story in held and held[story].videos == recent[story]
        ]
        self._settled = {row.transcript_id: story for row, story in settled}
        self._items = self._vectors(batch + [row for row, _ in settled])
        return batch

    def _carry_ids(self) -> None:
        """At the end of a regrouping, the new stories take the ids of the old ones they
        continue (``stories.ids``)."""
        before = self.store.stories.story_videos(before=True)
        if before:
            kept, moved = carry_ids(before, self.store.stories.story_videos())
            self.store.stories.carry_story_ids(kept, moved)

    def _vectors(self, batch: list[UngroupedVideo]) -> list[Item]:
        documents = max(1, self.store.search.indexed_documents())
        entities = self.store.entities.transcript_entities([r.transcript_id for r in batch])
        counts = [
            with_entities(terms(row.title, row.lead), entities.get(row.transcript_id, {}))
            for row in batch
        ]
        words = {t for c in counts for t in c if not t.startswith(ENTITY_PREFIX)}
        named = sorted({e for found in entities.values() for e in found})
        frequencies: dict[str, int] = self.doc_freqs(words)
        frequencies.update(
            (f"{ENTITY_PREFIX}{e}", n)
            for e, n in self.store.entities.entity_doc_freqs(named).items()
        )
        idf = idf_from(documents, frequencies)
        return [
            Item(row.transcript_id, vector(c, idf), row.publish_date, row.channel)
            for row, c in zip(batch, counts, strict=True)
        ]

    def _hold_near(self, days: list[date | None]) -> None:
        reach = timedelta(days=WINDOW_DAYS)
        dated = [d for d in days if d is not None]
        if len(dated) == len(days):
            self.grouper.forget_before(min(dated))
            near = self.store.stories.stories_near(
                min(dated) - reach, max(dated) + reach, REACH, self.grouper.stories
            )
        else:
            near = self.store.stories.stories_near(None, None, REACH, self.grouper.stories)
        self.grouper.hold(Story.of(s) for s in near)

    def process(self, items: Sequence[UngroupedVideo]) -> list[Placed]:
        """Place the batch's videos into held or new stories."""
        before = set(self.grouper.stories)
        settled = self._settled
        placed = self.grouper.place_batch(self._items, settled=settled)
        changed = [
            (key, story, score)
            for key, (story, score) in placed.items()
            if settled.get(key) != story  # a settled video that stayed is not saved again
        ]
        left = {settled[key] for key, _, _ in changed if key in settled}
        touched = sorted({story for _, story, _ in changed} | left)
        return [Placed(touched, set(touched) - before, changed, self.grouper.moves)]

    def save(self, items: Sequence[UngroupedVideo], results: Sequence[Placed]) -> int:
        """Store touched stories, placements and labels; return the lead words read."""
        (placed,) = results
        stories = self.grouper.stories
        self.store.stories.save_stories(
            [
                stories[s].state() if s in stories else StoryState(s, {}, None, None, 0)
                for s in placed.touched
            ],
            placed.placements,
            {item.key: item.channel for item in self._items},
        )
        if placed.moves:
            self.store.stories.note_story_moves(placed.moves)
        self.store.stories.set_story_labels(
            [
                (sid, label(self.store, stories[sid].centroid, sid))
                for sid in placed.touched
                if sid in stories and (sid in placed.new or stories[sid].videos <= RELABEL_UNTIL)
            ]
        )
        self.summary.placed += len(items)
        self.summary.new_stories += len(placed.new)
        return sum(len(r.lead.split()) for r in items)


# the story's entities a label's terms are looked up in: not only the most mentioned
# ("jinping" is "Xi Jinping" though he is named in one video of twenty)
LABEL_ENTITIES = 40


def label(store: Store, centroid: dict[str, float], story_id: int) -> str:
    """A story's name: its most mentioned entities (not its outlets': "BBC" in BBC News'
    videos), those its videos' titles name first, then its heaviest terms (a term that
    ends the name of another of its entities stands as that name: ``label_of``)."""
    mentioned = [name for name, _ in store.stories.story_entities(story_id, LABEL_ENTITIES)]
    tids = store.stories.story_video_ids(story_id)[:TITLES_READ]
    rows = store.videos.hit_rows(tids).values()
    outlets = {w for row in rows for w in tokens(row.channel or "")}
    mentioned = [n for n in mentioned if not set(tokens(n)) <= outlets]  # "BBC" in BBC News'
    mentioned = titled_first(mentioned, [row.title or "" for row in rows])
    return label_of(label_names(mentioned[:3]), label_terms(centroid, 12), mentioned)


TITLES_READ = 50  # a story's titles read for its name


def titled_first(names: Sequence[str], titles: Sequence[str]) -> list[str]:
    """Entity names (most mentioned first) with those a title names first: a podcast's
    "A year of war in Sudan" is about Sudan, although its roundup says "Israel" more.
    A name counts as in a title when its last word is a word of one ("Sudan", "Mandelson"
    for Peter Mandelson)."""
    said = {w for title in titles for w in tokens(title.split(" | ")[0])}  # not "| BBC News"
    named = [n for n in names if (last := tokens(n)[-1:]) and last[0] in said]
    return named + [n for n in names if n not in named]


# times and time zones read from captions ("00pm", "edt"): no part of a story's name
_CLOCK = re.compile(r"^\d+(?:am|pm|h)?$|^(?:am|pm|edt|est|gmt|bst|cet|pst|utc|et)$")


def label_names(names: Sequence[str]) -> list[str]:
    """Entity names for a label, each once: "Jeff Jeffrey Epstein" is "Jeffrey Epstein"
    (a word that begins the next is a repeat), a name inside another is dropped (not one
    that only shares a word: "Manchester United", "Newcastle United"), and
    so is a nationality beside its country ("Russia · Russian")."""
    cleaned = []
    for name in names:
        words = name.split()
        kept = [
            w
            for n, w in enumerate(words)
            if not (n + 1 < len(words) and words[n + 1].lower().startswith(w.lower()))
        ]
        cleaned.append(" ".join(kept))
    out: list[str] = []
    for name in cleaned:
        folded = {w.lower() for w in name.split()} - STOPWORDS
        if any(
            _one_inside(folded, {w.lower() for w in other.split()} - STOPWORDS) for other in out
        ):
            continue  # not "Manchester United" and "Newcastle United": two clubs
        if any(_kin(name, other) or _kin(other, name) for other in out):
            continue
        out.append(name)
    return out


def _kin(people: str, country: str) -> bool:
    """Whether ``people`` names the people of ``country`` ("Russian" of "Russia",
    "Iranians" of "Iran", "British" of "Britain"): a nationality that begins with the
    country's name, or an adjective (``_ADJECTIVAL`` ending) sharing its first four
    letters where both have six or more (``_named``'s kin rule, for one-word names)."""
    k, c = people.lower(), country.lower()
    if k == c or len(c) < 4 or " " in k or " " in c:
        return False
    if k.startswith(c):
        return demonym(k)
    return min(len(k), len(c)) >= 6 and k[:4] == c[:4] and k.endswith(_ADJECTIVAL)


# how the adjective of a place ends ("British", "Russian", "Chinese", "Israeli")
_ADJECTIVAL = ("ish", "ian", "ese", "an", "i", "ic")


# words that count or rank and so name no story ("killed · nine", "first · BNP")
_COUNTING = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
    "fifty hundred thousand million billion first second third fourth fifth last".split()
)
# the first words of "prime minister" and "first minister", which a story's terms split
# ("minister · prime"): shown as the phrase
_FIRST_WORDS = ("prime", "first")


def label_of(names: Sequence[str], terms: Sequence[str], entities: Sequence[str] = ()) -> str:
    """Two names, then the heaviest terms not in them, not caption junk and no number
    word ("nine", "first"; kept beside a month: "seven · october"), "prime" or "first"
    and "minister" as one term, four in all;
    a term that ends the name of one of ``entities`` (the story's entities, most
    mentioned first) stands as that name, once ("mandelson": "Peter Mandelson"), and
    another word of a name is written as the name has it ("gaza": "Gaza")."""
    taken = {w.lower() for name in names for w in name.split()}
    whole = _name_words(entities)
    cased = {w.lower(): w for name in entities for w in name.split()}  # "gaza": "Gaza"
    items: list[str] = []
    shown_first = {
        f for f in _FIRST_WORDS if f in terms and "minister" in terms and not _named(f, taken)
    }
    for t in terms:
        if _named(t, taken) or t.startswith(ENTITY_PREFIX) or _CLOCK.match(t):
            continue
        if t == "minister" and shown_first:
            continue  # "minister" beside "prime": said as "prime minister"
        if t in shown_first:
            t = f"{t} minister"
        elif t in _COUNTING and not MONTHS & set(terms):
            continue  # "killed · nine"; not "seven · october" (the 7 October attack)
        item = whole.get(t) or cased.get(t, t)
        if item not in items and item not in names[:2]:
            items.append(item)
    shown = list(names[:2])
    for item in items:
        if len(shown) >= 4:
            break
        held = {w.lower() for name in [*shown, *items] if name != item for w in name.split()}
        if " " not in item and (_named(item.lower(), held) or any(_kin(item, n) for n in shown)):
            continue  # "jim" beside "Jim Ratcliffe", "british" beside "Britain"
        if " " in item and (inside := _within(item, shown)) is not None:
            shown[inside] = item  # "Palestine" -> "Palestine Action": the longer name, once
            continue  # not "Newcastle · Newcastle United"
        said = {w.lower() for name in shown for w in name.split()}
        if " " not in item and any(_heard_as(item.lower(), w) for w in said):
            continue  # "bernham" beside "Andy Burnham": a mishearing of a name shown
        shown.append(item)
    return LABEL_JOIN.join(shown)


def _one_inside(a: set[str], b: set[str]) -> bool:
    """Whether one set of name words holds the other ("Epstein", "Jeffrey Epstein")."""
    return bool(a) and bool(b) and (a <= b or b <= a)


def _within(item: str, shown: Sequence[str]) -> int | None:
    """For a name of several words: the index of the one shown name all of whose words
    (but stop words) it holds ("Palestine" in "Palestine Action"), else None ("Newcastle
    United" beside "Manchester United", "Bank of England" beside "Prince of Wales")."""
    words = {w.lower() for w in item.split()} - STOPWORDS
    inside = [
        n
        for n, name in enumerate(shown)
        if (own := {w.lower() for w in name.split()} - STOPWORDS) and own <= words
    ]
    return inside[0] if len(inside) == 1 else None


def _heard_as(term: str, word: str) -> bool:
    """Whether a label term is a word of a name shown as captions mishear it: five
    letters or more, the same first letter and sound key, and a rapidfuzz ratio >= 80
    ("bernham" for "burnham"; not "iraq" for "iran")."""
    return (
        len(term) >= 5
        and term[0] == word[:1]
        and fuzz.ratio(term, word) >= 80
        and phonetic(term) == phonetic(word)
    )


def _name_words(entities: Sequence[str]) -> dict[str, str]:
    """Folded last words (three letters or more) of entity names -> the first name that
    ends with them: a surname stands for its person ("mandelson": Peter Mandelson), a
    first word does not ("gaza" is no "Gaza City")."""
    words: dict[str, str] = {}
    for name in entities:
        last = name.split()[-1] if name.split() else ""
        if len(last) >= 3:
            words.setdefault(last.lower(), name)
    return words


def _named(term: str, taken: set[str]) -> bool:
    """Whether a term repeats a word of the label's names: the word itself, a part of it
    ("tik" of "TikTok") or its kin ("british" of "Britain": the first four letters of two
    words of six or more)."""
    for word in taken:
        if term == word or (len(term) >= 3 and term in word):
            return True
        if min(len(term), len(word)) >= 6 and term[:4] == word[:4]:
            return True
    return False
