"""The typed rows the Python API, the CLI's --json and the HTTP API return: entities,
claims, quotes, stories, outlets and comparisons, each with ``to_dict()`` for JSON."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar


def _plain(value: Any) -> Any:
    """A row value as JSON-ready data: rows as dicts, tuples as lists, dates as ISO."""
    if isinstance(value, JsonRow):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


class JsonRow:
    """Base of the typed rows the API returns: ``to_dict()`` is the row's JSON, its
    fields in order (nested rows as dicts, tuples as lists, dates as ISO strings)."""

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        """Return the row as JSON-ready data."""
        return {name: _plain(getattr(self, name)) for name in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class EntityRow(JsonRow):
    """A canonical entity with the spellings heard (most heard first) and its mentions."""

    entity_id: int
    name: str
    type: str
    spellings: dict[str, int]
    mentions: int


@dataclass(frozen=True, slots=True)
class OutletMonth(JsonRow):
    """An entity's mentions (and videos mentioning it) of one outlet in one month."""

    channel: str
    month: str
    mentions: int
    videos: int


@dataclass(frozen=True, slots=True)
class CoMention(JsonRow):
    """An entity mentioned in the same videos as another, with how many videos."""

    entity_id: int
    name: str
    type: str
    videos: int


@dataclass(frozen=True, slots=True)
class EntityVideo(JsonRow):
    """A video that mentions an entity, with how many times."""

    video_id: str
    title: str | None
    channel: str | None
    publish_date: date | None
    mentions: int


@dataclass(frozen=True, slots=True)
class QuoteRow(JsonRow):
    """Reported speech: who (and the entity, by name, when linked) said what, where
    (video, its first word and the word after its last), in which outlet and on which
    day."""

    video_id: str
    first_word: int
    speaker: str
    entity: str | None
    text: str
    kind: str
    channel: str | None = None
    publish_date: date | None = None
    end_word: int | None = None  # the token after the quote's last (first_word..end_word)


@dataclass(frozen=True, slots=True)
class EntityProfile(EntityRow):
    """One entity: its row, then mentions per outlet and month, co-mentioned entities
    (over its newest videos), its videos (newest first) and its quotes."""

    per_outlet_month: tuple[OutletMonth, ...]
    co_mentioned: tuple[CoMention, ...]
    videos: tuple[EntityVideo, ...]
    quotes: tuple[QuoteRow, ...]


@dataclass(frozen=True, slots=True)
class ClaimRow(JsonRow):
    """A number reported in a video: what it counts and on whose authority, in which
    outlet and on which day."""

    video_id: str
    first_word: int
    end_word: int
    value: float
    text: str
    subject: str | None
    attribution: str | None
    sentence: str
    channel: str | None = None
    publish_date: date | None = None
    unit: str | None = None  # "percent", or a currency code ("GBP", "USD"): claim_unit
    qualifier: str | None = None  # "more than", "about", "at least": claim_qualifier

    @property
    def said(self) -> str:
        """The number as said, with its qualifier: "more than 500"; read with its
        range's scale where the words alone say less ("30 to 40,000 troops": "30
        (30,000)")."""
        return said_as(self.text, self.value, self.qualifier)

    def to_dict(self) -> dict[str, Any]:
        """The row as JSON-ready data, with ``said`` ("more than 500")."""
        return {**JsonRow.to_dict(self), "said": self.said}


def said_as(text: str, value: float, qualifier: str | None) -> str:
    """A claim's number as said (``ClaimRow.said``): digits that read less than the
    value, a range's first end whose scale is said once after the second, show the
    value too."""
    digits = text.strip("$£€¥%").replace(",", "")
    if _DIGITS.fullmatch(digits) and float(digits) != abs(value):  # not "minus 5": -5
        sign = text[:1] if text[:1] in "$£€¥" else ""
        whole = f"{abs(value):,.0f}" if value.is_integer() else f"{abs(value):,}"
        text = f"{text} ({sign}{whole})"
    return f"{qualifier} {text}" if qualifier else text


_DIGITS = re.compile(r"\d+(?:\.\d+)?")

# what a claim's text or the first word of its subject says it is in
_UNIT_SIGNS = {"%": "percent", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
_UNIT_WORDS = {
    "percent": "percent",
    "per cent": "percent",
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "us dollar": "USD",
    "pounds": "GBP",
    "pound": "GBP",
    "quid": "GBP",
    "euros": "EUR",
    "euro": "EUR",
    "riyals": "SAR",
    "dirhams": "AED",
    "yen": "JPY",
    "yuan": "CNY",
    "rupees": "INR",
    "roubles": "RUB",
    "rubles": "RUB",
    "shekels": "ILS",
}


def claim_unit(text: str, subject: str | None, sentence: str | None = None) -> str | None:
    """The unit a claim's number is in, as its words say: a sign in the text ("$1.6
    million", "40%"), else a currency or "percent" opening the text's tail or what
    follows the text in its ``sentence`` ("91 million pounds", "300 million US
    dollars"; without the sentence, the subject: "dollars each"), also past the rest of
    a range ("60 to 70%", "two to three billion dollars"); None for a count."""
    for sign, unit in _UNIT_SIGNS.items():
        if sign in text:
            return unit
    after = subject or ""
    at = sentence.find(text) if sentence and text else -1
    if sentence and at >= 0:
        after = sentence[at + len(text) :]
    words = [w.strip(".?!;:\"'") for w in f"{text} {after}".lower().replace(",", " ").split()]
    before = sentence[:at].lower().split()[-5:] if sentence and at >= 0 else []
    for n, word in enumerate(words):
        two = " ".join(words[n : n + 2])
        if word in ("pounds", "pound") and _weighed(before, words[:n]):
            return None  # "lost 50 pounds", "weighing seven pounds": a weight
        if two in _UNIT_WORDS or word in _UNIT_WORDS:
            return _UNIT_WORDS.get(two) or _UNIT_WORDS[word]
        digits = any(c.isdigit() for c in word)
        if (
            n
            and digits
            and (ranged := next((u for c, u in _UNIT_SIGNS.items() if c in word), None))
        ):
            return ranged  # "60 to 70%": a range's first number is in its last one's unit
        ahead = words[n + 1] if n + 1 < len(words) else ""
        if word in ("to", "or") and (any(c.isdigit() for c in ahead) or ahead in _SCALES):
            continue  # "two to three billion dollars"
        if not digits and word not in _SCALES:
            break  # past the number and its scale: "dollars" must come next
    return None


_SUMS = frozenset("thousand million billion trillion k m bn grand".split())
_WEIGHING = frozenset(
    "weigh weighs weighed weighing lose loses lost losing gain gains gained gaining shed "
    "sheds shedding".split()
)


def _weighed(before: list[str], number: list[str]) -> bool:
    """Whether pounds after a number said right after a verb of weight, with no scale
    word ("lost 50 pounds", "weighing seven pounds"; not "lost 50 million pounds"), are
    a weight, not money."""
    if _SUMS & set(number):
        return False
    for word in reversed(before):  # past the range's first number: "lose one to two"
        word = word.strip(".,")
        if word in _WEIGHING:
            return True
        if not (word in ("to", "or", "and") or word in _SCALES or word.replace(".", "").isdigit()):
            return False
    return False


# words said before a number that bound or round it, longest first ("just over" before "over")
_QUALIFIERS = tuple(
    sorted(
        """more than|less than|fewer than|at least|at most|up to|as many as|as much as|
        as few as|as little as|no more than|no fewer than|no less than|close to|upwards of|
        in excess of|just over|just under|well over|well under|a little over|an estimated|
        an approximate|a reported|roughly|around|about|approximately|almost|
        nearly|over|under|below|above|some|estimated|reportedly|more or less|at most|
        in the region of|the best part of|getting on for|somewhere around|
        a maximum of|a minimum of""".split("|"),
        key=lambda q: -len(q.split()),
    )
)
_QUALIFIERS = tuple(dict.fromkeys(" ".join(q.split()) for q in _QUALIFIERS))


def claim_qualifier(text: str, sentence: str | None) -> str | None:
    """The words said just before a claim's number in its ``sentence`` that bound or
    round it ("more than 500", "at least 11", "nearly 10 million", "over £150,000"), as
    said, in lower case; None where the number stands alone (a fact-checker cites
    "more than 500", not "500")."""
    if not sentence or not text.strip():
        return None
    found = re.search(rf"(?<![\w.,]){re.escape(text.strip())}(?!\w)", sentence)
    if found is None:
        return None
    before = " ".join(re.sub(r"[^\w'’ -]", " ", sentence[: found.start()]).lower().split())
    for qualifier in _QUALIFIERS:
        if before == qualifier or before.endswith(" " + qualifier):
            return qualifier
    return None


_SCALES = frozenset(
    """thousand million billion trillion hundred k m bn a an point and half quarter one two
    three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety""".split()
)  # words of a number and its scale: "half a million", "two and a half billion"


@dataclass(frozen=True, slots=True)
class VideoMention(JsonRow):
    """An entity mention in a video's transcript: token range and entity."""

    first_word: int
    end_word: int
    surface: str
    entity_id: int
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class MentionRow(JsonRow):
    """An entity mention of the archive, as exported: its video, token range, entity and
    the way it was found (``source``)."""

    video_id: str
    first_word: int
    end_word: int
    surface: str
    entity_id: int
    name: str
    type: str
    source: str


@dataclass(frozen=True, slots=True)
class VideoRow(JsonRow):
    """A video as listed when browsing: metadata and transcript length."""

    video_id: str
    title: str | None
    channel: str | None
    language: str | None
    publish_date: date | None
    words: int


@dataclass(frozen=True, slots=True)
class PassageRow(JsonRow):
    """One passage where a query matches: a window of about 40 words of a video's
    transcript (repaired text where repair ran) around one or more matches.

    ``rank`` is the video's place in the search order (from 1); ``first_word`` and
    ``end_word`` are the passage's word offsets in the transcript (end excluded);
    ``start_seconds`` and ``end_seconds`` its time in a timed transcript (None when
    untimed); ``url`` a YouTube link at its start (None for ids not YouTube's);
    ``matched_terms`` the matched words as the captions have them; ``heard_as`` the
    (query term, heard) pairs of sound-alike matches; ``matches`` each match's word
    offsets (first, end excluded).
    """

    video_id: str
    title: str | None
    channel: str | None
    language: str | None
    publish_date: date | None
    rank: int
    first_word: int
    end_word: int
    start_seconds: float | None
    end_seconds: float | None
    url: str | None
    text: str
    matched_terms: tuple[str, ...] = ()
    heard_as: tuple[tuple[str, str], ...] = ()
    matches: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the passage as JSON-ready data (``heard_as`` as term/heard objects)."""
        data = JsonRow.to_dict(self)
        data["heard_as"] = [{"term": t, "heard": h} for t, h in self.heard_as]
        return data


@dataclass(frozen=True, slots=True)
class StoryVideo(JsonRow):
    """A video of a story, with its similarity to the story when it was placed."""

    video_id: str
    title: str | None
    channel: str | None
    publish_date: date | None
    similarity: float


@dataclass(frozen=True, slots=True)
class StoryRow(JsonRow):
    """A story: videos across outlets and days (``items``, oldest first), its span, its
    outlets (most videos first) and heaviest terms. ``first_by_outlet`` (each outlet's
    first dated video, earliest first) is filled for one story, None in a listing."""

    story_id: int
    label: str
    start: date | None
    end: date | None
    videos: int
    channels: tuple[str, ...]
    channel_videos: dict[str, int]
    video_ids: tuple[str, ...]
    items: tuple[StoryVideo, ...]
    terms: tuple[str, ...]
    first_by_outlet: tuple[StoryVideo, ...] | None = None

    @property
    def undated(self) -> int:
        """How many of its videos have no date (and so are outside ``start``..``end``)."""
        return sum(1 for item in self.items if item.publish_date is None)

    def to_dict(self, *, with_items: bool = True) -> dict[str, Any]:
        """Return the story as JSON-ready data (``first_by_outlet`` only when filled;
        ``undated``: how many videos have no date)."""
        data = JsonRow.to_dict(self)
        data["undated"] = self.undated
        if self.first_by_outlet is None:
            data.pop("first_by_outlet")
        if not with_items:
            data.pop("items")
        return data


@dataclass(frozen=True, slots=True)
class UngroupedVideo:
    """What story grouping reads of a video in no story yet."""

    transcript_id: int
    video_id: str
    title: str | None
    lead: str
    publish_date: date | None
    channel: str | None


@dataclass(frozen=True, slots=True)
class CompareRow:
    """What an outlet comparison reads of a video: outlet, date, repaired (else raw) text."""

    video_id: str
    title: str | None
    channel: str | None
    publish_date: date | None
    text: str


@dataclass(frozen=True, slots=True)
class OutletClaim(JsonRow):
    """A number an outlet reported, with the video and its date."""

    channel: str | None
    publish_date: date | None
    video_id: str
    value: float
    text: str
    subject: str | None
    attribution: str | None
    qualifier: str | None = None  # as ClaimRow.qualifier

    @property
    def said(self) -> str:
        """The number as said, with its qualifier: "more than 500"; read with its
        range's scale where the words alone say less ("30 to 40,000 troops": "30
        (30,000)")."""
        return said_as(self.text, self.value, self.qualifier)

    def to_dict(self) -> dict[str, Any]:
        """The row as JSON-ready data, with ``said`` ("more than 500")."""
        return {**JsonRow.to_dict(self), "said": self.said}


@dataclass(frozen=True, slots=True)
class VideoRef(JsonRow):
    """A video by id, title and date (an outlet's first video in a comparison)."""

    video_id: str
    title: str | None
    publish_date: date | None


@dataclass(frozen=True, slots=True)
class DistinctiveTerm(JsonRow):
    """A term one outlet uses more than the others: log-odds z-score and its count."""

    term: str
    z: float
    count: int


@dataclass(frozen=True, slots=True)
class OutletCoverage(JsonRow):
    """How one outlet covered the compared videos."""

    channel: str
    videos: int
    first: VideoRef | None
    numbers: tuple[OutletClaim, ...]
    distinctive: tuple[DistinctiveTerm, ...]
    undated: int = 0  # of its videos, those with no date: none of them can be the first


@dataclass(frozen=True, slots=True)
class Comparison(JsonRow):
    """Outlets compared over a story, an entity's videos or a query's matches, the
    outlet that reported first first."""

    compared: str
    videos: int
    outlets: tuple[OutletCoverage, ...]


@dataclass(frozen=True, slots=True)
class Topic(JsonRow):
    """A coarse theme: its heaviest terms, a label made of them, and its videos."""

    topic: int
    label: str
    terms: tuple[str, ...]
    videos: int


@dataclass(frozen=True, slots=True)
class TopicShare(JsonRow):
    """A theme's videos of one outlet in one period, and their share of its videos."""

    topic: int
    channel: str
    period: str
    videos: int
    total_videos: int
    pct_videos: float


@dataclass(frozen=True, slots=True)
class Topics(JsonRow):
    """Themes of the archive, videos given none, and each theme's share per outlet and
    period."""

    topics: tuple[Topic, ...]
    unassigned: int
    rows: tuple[TopicShare, ...]


@dataclass(frozen=True, slots=True)
class FieldChange(JsonRow):
    """One metadata field a user set: its value before and after."""

    field: str
    old: str | None
    new: str


@dataclass(frozen=True, slots=True)
class MetadataEdit(JsonRow):
    """What ``newsreel set`` changed on a video (kept across re-ingests)."""

    video_id: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class OutletMerge(JsonRow):
    """An outlet merged into another: the spellings moved and the videos relabelled."""

    source: str
    target: str
    spellings: tuple[str, ...]
    videos: int


@dataclass(frozen=True, slots=True)
class OutletRow(JsonRow):
    """An outlet of the archive: its name, the channel codes its videos carry, its
    videos and the outlet groups it belongs to."""

    name: str
    codes: tuple[str, ...]
    videos: int
    groups: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OutletGroup(JsonRow):
    """A named group of outlets (``channel:group:NAME``) and their videos."""

    name: str
    outlets: tuple[str, ...]
    videos: int


@dataclass(frozen=True, slots=True)
class GroupEdit(JsonRow):
    """Outlets added to or removed from a group, and the group's outlets after it
    (none when the group was removed)."""

    name: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    outlets: tuple[str, ...]
