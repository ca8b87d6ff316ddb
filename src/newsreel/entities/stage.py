"""The enrich stage: entities, claims and quotes per current transcript, incremental.

Runs on the repaired text where ``newsreel repair`` has run (the raw words otherwise),
links mentions to canonical entities across the archive (entities/linking.py), and
stores mentions, claims and quotes; a transcript is redone when the stage version
changes. User merges and splits (table entity_aliases) are applied on every run.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from newsreel.entities import claims as claim_rules
from newsreel.entities import gazetteer, ner
from newsreel.entities.linking import Linker, curated
from newsreel.entities.listed import TITLES, NameList, people
from newsreel.entities.names import best_name, clean, generic, majority, vocabulary
from newsreel.entities.places import demonym, place
from newsreel.entities.spelling import key
from newsreel.repair.clean import core
from newsreel.repair.document import ends_sentence
from newsreel.store.base import ClaimInput, MentionInput, QuoteInput, Store

VERSION = "entities-15+en_core_web_sm-3.8.0"
BATCH = 16
SAMPLE = 2000  # transcripts read for the archive's common words
MIN_ARCHIVE = 50  # videos an archive needs before one video's unknown place counts for little


@dataclass(frozen=True, slots=True)
class EnrichSummary:
    """What one ``newsreel enrich`` run did."""

    videos: int
    words: int
    mentions: int
    claims: int
    quotes: int
    seconds: float


def sentence_starts(forms: list[str]) -> list[int]:
    """Token indices where sentences start (from the repaired punctuation)."""
    starts = [0] if forms else []
    for i in range(1, len(forms)):
        if ends_sentence(forms[i - 1]):
            starts.append(i)
    return starts


def linker_for(store: Store) -> Linker:
    """A linker that knows the user's aliases and every spelling linked so far."""
    user = {spelling: (name, kind) for spelling, kind, name in store.entities.user_aliases()}
    known = {
        (key(surface), kind): name
        for surface, kind, name in store.entities.known_spellings(VERSION)
    }
    common, plain = vocabulary(text.split() for text in store.entities.sample_texts(SAMPLE))
    return Linker(user, known, common, plain=plain)


def settle(store: Store, min_archive: int = MIN_ARCHIVE) -> int:
    """Recompute each entity's name and type from its mentions of this version: the
    best-supported spelling (curated and user names stay) and the majority type (a
    gazetteer place is a place); entities that end with one name and type become one.
    In an archive of ``min_archive`` videos or more, a one-word place the gazetteer does
    not know, heard in one video only ("Casina", "Sarclad": misheard words the NER took
    for places), is not counted a place (MISC). Returns the entities changed."""
    fixed = {name: kind for _, kind, name in store.entities.user_aliases()}
    fixed.update({c.name: c.type for c in curated()})
    fixed.update({p.name: "PER" for p in people().people})
    groups: dict[str, list[tuple[int, str, str, int]]] = {}
    for eid, name, kind, surface, n in store.entities.entity_spellings(VERSION):
        groups.setdefault(name, []).append((eid, kind, surface, n))
    per_entity, videos = store.entities.entity_videos(VERSION)
    changed = 0
    for name, rows in groups.items():
        votes: Counter[str] = Counter()
        spellings: Counter[str] = Counter()
        for _, kind, surface, n in rows:
            votes[kind] += n
            spellings[surface] += n
        if name in fixed:
            new_name, new_kind = name, fixed[name]
        else:
            new_kind = majority(votes, rows[0][1])
            if place(key(name), "LOC") is not None:
                new_kind = "LOC"
            new_name = best_name(spellings, new_kind) or name
            heard = sum(per_entity.get(eid, 0) for eid in {r[0] for r in rows})
            if new_kind == "LOC" and videos >= min_archive and heard < 2 and _unknown(new_name):
                new_kind = "MISC"
        for eid, kind in sorted({(r[0], r[1]) for r in rows}):
            if (name, kind) != (new_name, new_kind):
                store.entities.rename_entity(eid, new_name, new_kind)
                changed += 1
    return changed


def _unknown(name: str) -> bool:
    """Whether a place name is one word the gazetteer does not know."""
    k = key(name)
    return " " not in k and place(k, "LOC") is None


@dataclass(frozen=True, slots=True)
class Enriched:
    """What enrich found in one transcript: mention, claim and quote rows."""

    words: int
    mentions: list[MentionInput]
    claims: list[ClaimInput]
    quotes: list[QuoteInput]


class EnrichStage:
    """The enrich stage: transcripts → mentions, claims, quotes (``pipeline.stage.Stage``)."""

    name = "enrich"
    version = VERSION

    def __init__(self, store: Store) -> None:
        self.store = store
        self.linker: Linker | None = None
        self.counts = {"mentions": 0, "claims": 0, "quotes": 0}
        self._after = 0
        self._settled = False

    def start(self, previous: str | None) -> None:
        """Load the user's aliases and every spelling linked so far."""
        self.linker = linker_for(self.store)
        self._after = 0

    def snapshot(self) -> Linker:
        """What the stage has learnt so far (spellings heard and linked): each task of a
        cluster run starts from the run's first snapshot (``restore``)."""
        assert self.linker is not None, "start() loads the linker"
        return self.linker

    def restore(self, linker: Linker) -> None:
        """Start again from a snapshot (a copy: the snapshot stays as it was)."""
        self.linker = copy.deepcopy(linker)

    def batch_after(self, after: int) -> list[tuple[int, str]]:
        """Up to a batch of current transcripts after id ``after`` not enriched by this
        version (a cluster worker's share; names are settled once, by ``pending``)."""
        return self.store.entities.unenriched(VERSION, after, BATCH)

    def pending(self) -> list[tuple[int, str]]:
        """The next current transcripts not enriched by this version."""
        batch = self.batch_after(self._after)
        if batch:
            self._after = batch[-1][0]
            self._settled = False
        elif not self._settled:  # the run is over: names and types from all the evidence
            settle(self.store)
            self._settled = True
        return batch

    def process(self, items: Sequence[tuple[int, str]]) -> list[Enriched]:
        """Find, link and attribute a batch's entities, numbers and quotes."""
        assert self.linker is not None, "start() loads the linker"
        token_lists = [text.split() for _, text in items]
        found = ner.mentions(token_lists)
        return [
            enrich_tokens(tokens, tagged, self.linker)
            for tokens, tagged in zip(token_lists, found, strict=True)
        ]

    def save(self, items: Sequence[tuple[int, str]], results: Sequence[Enriched]) -> int:
        """Replace each transcript's rows; return the words enriched."""
        for (tid, _), found in zip(items, results, strict=True):
            self.store.entities.save_enrichment(
                tid, VERSION, found.mentions, found.claims, found.quotes
            )
            self.counts["mentions"] += len(found.mentions)
            self.counts["claims"] += len(found.claims)
            self.counts["quotes"] += len(found.quotes)
        return sum(found.words for found in results)


def enrich_tokens(tokens: list[str], tagged: Sequence[ner.Mention], linker: Linker) -> Enriched:
    """Mentions (curated and NER, linked), claims and quotes of one token list."""
    curated = gazetteer.find(tokens)
    named = [
        part
        for m in joined(tokens, tagged)
        if _a_name(key(m.text), m.type, linker)
        for part in run_together(m, linker.listed)
    ]
    starts = set(sentence_starts(tokens))
    people = gazetteer.find_people(tokens, starts, linker.ordinary, linker.listed)
    people = [p for p in people if all(_inside(m, p) for m in named if _overlap(m, p))]
    curated = [
        c
        for c in curated
        if not any(_names_more(tokens, c, m) for m in named)
        and not any(_in_listed_name(c, m, linker) for m in [*named, *people])
    ]
    mentions = gazetteer.merge(gazetteer.merge(named, people), curated)
    written = gazetteer.find_written(tokens)
    mentions = gazetteer.merge(written, mentions)  # where nothing else was found
    titled = [m for m in gazetteer.find_titled(tokens) if _a_name(key(m.text), m.type, linker)]
    mentions = gazetteer.merge(titled, mentions)
    context = gazetteer.find_in_context(tokens, mentions, starts)
    mentions = sorted([*mentions, *context], key=attrgetter("start"))
    heard = gazetteer.merge(gazetteer.find(tokens, linker.phrases), mentions)
    archive = [m for m in heard if m not in mentions]
    mentions = heard
    linked = linker.link_video([(m.text, m.type) for m in mentions])
    rows = [
        (
            m.start,
            m.end,
            clean(m.text),
            name,
            kind,
            "aliases"
            if m in curated or m in context or m in written
            else "archive"
            if m in archive
            else "rules"
            if m in titled
            else "ner",
        )
        for m, (name, kind) in zip(mentions, linked, strict=True)
    ]
    places = {
        i: name
        for m, (name, kind) in zip(mentions, linked, strict=True)
        if kind == "LOC"
        for i in range(m.start, m.end)
    }
    claims, quotes = claim_rules.extract(tokens, sentence_starts(tokens), places)
    speaker_of = {
        i: (name, kind)
        for m, (name, kind) in zip(mentions, linked, strict=True)
        for i in range(m.start, m.end)
    }
    quote_rows = []
    for q in quotes:
        linked = [speaker_of[i] for i in range(q.speaker_start, q.speaker_end) if i in speaker_of]
        entity = linked[0] if linked else None
        speaker: str | None = q.speaker
        if entity is None:  # no entity: a named person or a known source, else no quote
            speaker = claim_rules.named_source(
                q.speaker.split(), start_of_sentence=q.speaker_start in starts
            )
        elif 2 * len(linked) >= q.speaker_end - q.speaker_start:
            speaker = entity[0]  # "The head of Mad" is Mossad's
        if speaker is not None:
            quote_rows.append((q.start, q.end, speaker, entity, q.text, q.kind))
    return Enriched(
        len(tokens),
        rows,
        [(c.start, c.end, c.value, c.text, c.subject, c.attribution, c.sentence) for c in claims],
        quote_rows,
    )


def _names_more(tokens: Sequence[str], place_found: ner.Mention, m: ner.Mention) -> bool:
    """Whether an NER organisation begins with a curated place and goes on in capitals
    ("Qatar Sports Investments", "Qatar Airways"): the organisation is the name."""
    return (
        place_found.type == "LOC"
        and m.type == "ORG"
        and m.start == place_found.start
        and m.end > place_found.end
        and all(t[:1].isupper() for t in tokens[place_found.end : m.end])
    )


def _in_listed_name(found: ner.Mention, m: ner.Mention, linker: Linker) -> bool:
    """Whether a curated spelling lies inside a listed person's longer name ("Un" in "Kim
    Jong Un", "Islam" in "Faisal Islam"): the person is the name."""
    return (
        found.type != "PER"
        and m.type == "PER"
        and m.start <= found.start
        and found.end <= m.end
        and m.end - m.start > found.end - found.start
        and linker.listed.match(key(m.text)) is not None
    )


def run_together(m: ner.Mention, listed: NameList) -> list[ner.Mention]:
    """A person mention that runs listed people's lone names together ("Neymar Messi",
    a list said without commas) as one mention per person; other mentions as they are."""
    words = m.text.split()
    if m.type != "PER" or len(words) < 2 or len(words) != m.end - m.start:
        return [m]
    people = [listed.alone(key(w)) for w in words]
    if any(p is None for p in people) or len(set(people)) < len(people):
        return [m]
    return [ner.Mention(m.start + n, m.start + n + 1, "PER", w) for n, w in enumerate(words)]


def _a_name(k: str, kind: str, linker: Linker) -> bool:
    """Whether an NER mention's key may be a name: it has a letter, is not only generic or
    common words, not only titles ("Crown Prince"), no person with a digit ("GLP1s"), and
    not one word the archive writes in lower case ("Awesome", "Broker": the repair's
    capital) unless a known place or person."""
    if not any(c.isalpha() for c in k) or generic(k, linker.common):
        return False
    if all(w in TITLES for w in k.split()):
        return False
    if kind == "PER" and any(c.isdigit() for c in k):
        return False  # "GLP1s", "JLP1": a drug's name, no person
    return not (
        " " not in k
        and k in linker.plain
        and place(k, kind) is None
        and k not in linker.listed.by_key
        and k not in linker.curated
    )


def _overlap(a: ner.Mention, b: ner.Mention) -> bool:
    """Whether two mentions share a token."""
    return a.start < b.end and b.start < a.end


def _inside(a: ner.Mention, b: ner.Mention) -> bool:
    """Whether NER mention ``a`` may give way to the listed person ``b`` heard by sound:
    a span of another type inside it ("Kia" as ORG in "Kia Starmmer") or naming the same
    words ("the Jeffrey Eststein" as LOC); a place only to a full name that is no place
    itself ("Riyad" in "Riyad mares", never "Austin" alone); never a person or a longer
    name ("Street" in "Downing Street")."""
    if a.type == "PER":
        return False
    if a.type == "LOC":  # a place gives way only to a longer full name ("Riyad mares")
        longer = b.start <= a.start and a.end <= b.end and (a.start, a.end) != (b.start, b.end)
        same = key(a.text) == key(b.text) and " " in key(b.text)
        return (longer or same) and place(key(b.text), "LOC") is None
    return (b.start <= a.start and a.end <= b.end) or key(a.text) == key(b.text)


# plural nouns for the members of a body, cut off a name: "Labour MPs" is Labour
GROUPS = frozenset(
    "mps voters supporters fans officials members lawmakers ministers leaders".split()
)


@cache
def _bodies() -> frozenset[str]:
    """Curated organisations' spellings ("labour", "tory"): "Labour MPs" is Labour, while
    "Trump supporters" stays as the NER had it."""
    return frozenset(
        key(spelling)
        for c in curated()
        if c.type == "ORG"
        for spelling in (*c.aliases, *c.when_tagged)
    )


def _recast(m: ner.Mention) -> ner.Mention:
    """A mention as a name: a country's people ("Bangladeshis") are a nationality (MISC),
    not a person or place; "Labour MPs" is the party."""
    words = m.text.split()
    if len(words) > 1 and key(words[-1]) in GROUPS and key(" ".join(words[:-1])) in _bodies():
        return ner.Mention(m.start, m.end - 1, "ORG", " ".join(words[:-1]))
    if m.type in ("PER", "ORG", "LOC") and demonym(key(m.text)):
        return ner.Mention(m.start, m.end, "MISC", m.text)
    if len(words) > 1 and core(words[-1]) in _SEATS and m.end - m.start == len(words):
        return ner.Mention(m.start, m.end - 1, "LOC", " ".join(words[:-1]))
    return m


# what follows a place's name in an election: "Denton constituency", "the Gorton by-election"
_SEATS = frozenset("constituency by-election bi-election".split())


# news outlets a reporter signs off with: "Nada Tawfik, BBC News" heard as one name
OUTLETS = tuple(
    tuple(o.split())
    for o in (
        "bbc news",
        "sky news",
        "cnn",
        "al jazeera",
        "dw news",
        "france 24",
        "itv news",
        "channel 4 news",
        "reuters",
        "sky sports news",
        "espn",
    )
)


_LEADING = frozenset({"a", "an", "this", "that", "these", "those"})


_OPEN_ENDS = frozenset("bin ibn of the and for".split())  # no name ends so
# roles said before a name ("Prime minister Keir Starmer", "Foreign secretary David Lammy")
_ROLES = frozenset(
    """minister secretary chancellor president envoy ambassador chairman chairwoman
    executive leader founder correspondent editor reporter presenter host""".split()
)
# what is said of a name, not part of it: "Chip maker Nvidia", "Manchester United fan"
_DESCRIPTIONS = frozenset(
    """fan fans supporter supporters maker makers giant giants owner owners boss chief star
    striker midfielder defender goalkeeper manager coach mansion home residence era dynasty
    regime side squad player players spokesman spokeswoman spokesperson official officials
    executives""".split()
)

_SAID = _DESCRIPTIONS | _ROLES  # what may stand before a name


def _says_of(token: str, words: frozenset[str]) -> bool:
    """Whether a token is one of ``words`` written in lower case (the repair's casing:
    "Fan" in "Manchester United Fan Club" is part of a name)."""
    return token[:1].islower() and core(token) in words


def _tag(token: str) -> bool:
    return "[" in token or "]" in token


def trimmed(tokens: Sequence[str], m: ner.Mention) -> ner.Mention | None:
    """A mention without a leading article or demonstrative ("this World Cup", "a John
    McDonald"; not the initial "A."), without caption tags ("Music] Concerns the
    World Cup": the longest stretch between tags is kept) and without the lower-case
    words that describe it ("Chip maker Nvidia", "Manchester United fan"); None if
    nothing is left."""
    pieces: list[tuple[int, int]] = []
    start = m.start
    for k in range(m.start, m.end + 1):
        if k == m.end or _tag(tokens[k]):
            if k > start:
                pieces.append((start, k))
            start = k + 1
    if not pieces:
        return None
    start, end = max(pieces, key=lambda p: p[1] - p[0])
    while start < end and tokens[start].rstrip(",").casefold() in _LEADING:
        start += 1
    while end - start > 1 and _says_of(tokens[end - 1], _DESCRIPTIONS):
        end -= 1  # "Manchester United fan", "Windsor mansion"
    while end - start > 1 and core(tokens[end - 1]) in _OPEN_ENDS:
        end -= 1  # "Muhammad bin": the NER stopped inside the name
    last = max((k for k in range(start, end - 1) if _says_of(tokens[k], _SAID)), default=None)
    if last is not None and tokens[last + 1][:1].isupper():
        start = last + 1  # "Chip maker Nvidia", "Prime minister Keir Starmer"
    if start >= end:
        return None
    if (start, end) == (m.start, m.end):
        return m
    return ner.Mention(start, end, m.type, " ".join(clean(t) for t in tokens[start:end]))


def _rare_word(words: Sequence[str]) -> bool:
    """One word that is no common English word (wordfreq Zipf < 3): a name ("Rer"), not a
    brand's word ("International", "English", "Arabic")."""
    from wordfreq import zipf_frequency  # its lists load on first use

    return len(words) == 1 and zipf_frequency(words[0], "en") < 3.0


def outlet_split(tokens: Sequence[str], m: ner.Mention) -> list[ner.Mention]:
    """A mention that runs a reporter's name into a news outlet ("Netati BBC News") as
    the name (PER where its words are capitalised) and the outlet (ORG); after the
    outlet, only across a comma ("BBC News, Jerusalem") or for one rare word ("Welcome
    to BBC News Rer"): "Sky News Australia" and "CNN International" stay whole."""
    words = [key(t) for t in tokens[m.start : m.end]]
    for outlet in OUTLETS:
        n = len(outlet)
        if len(words) <= n:
            continue
        if tuple(words[-n:]) == outlet:
            rest, at = (m.start, m.end - n), m.end - n
        elif tuple(words[:n]) == outlet and (
            tokens[m.start + n - 1][-1:] == "," or _rare_word(words[n:])
        ):
            rest, at = (m.start + n, m.end), m.start
        else:
            continue
        parts = [ner.Mention(at, at + n, "ORG", " ".join(clean(t) for t in tokens[at : at + n]))]
        named = " ".join(clean(t) for t in tokens[slice(*rest)])
        if rest[0] > at and place(key(named), "LOC") is not None:
            parts.append(ner.Mention(*rest, "LOC", named))  # "BBC News, Jerusalem"
        elif all(w[:1].isupper() for w in named.split()):
            parts.append(ner.Mention(*rest, "PER", named))
        return sorted(parts, key=attrgetter("start"))
    return [m]


def _particle(token: str) -> bool:
    """ "O'" or "D'" written apart from the name it starts ("Gary O' Donahue")."""
    return len(token) == 2 and token[0] in "OoDd" and token[1] in "'’"


def particle_joined(tokens: Sequence[str], mentions: Sequence[ner.Mention]) -> list[ner.Mention]:
    """Mentions that end in a name's "O'" or "D'" joined to the capitalised word after it
    and to a mention that starts there: "Gary O'" + "Donahue" is one person."""
    out: list[ner.Mention] = []
    skip: set[int] = set()
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        if m.start in skip:
            continue
        if _particle(tokens[m.end - 1]) and m.end < len(tokens) and tokens[m.end][:1].isupper():
            after = by_start.get(m.end)
            end = after.end if after is not None else m.end + 1
            if after is not None:
                skip.add(after.start)
            text = " ".join(clean(t) for t in tokens[m.start : end])
            m = ner.Mention(m.start, end, "PER", text)
        out.append(m)
    return out


def joined(tokens: Sequence[str], tagged: Sequence[ner.Mention]) -> list[ner.Mention]:
    """NER mentions with a nationality or place directly before an organisation made one
    ("Israeli" + "Channel 12"), and "Channel N" the NER missed as an organisation; a
    nationality is MISC and "Labour MPs" is Labour (``_recast``)."""
    out: list[ner.Mention] = []
    kept = [t for m in tagged if (t := trimmed(tokens, m)) is not None]
    split = particle_joined(tokens, [part for m in kept for part in outlet_split(tokens, m)])
    for m in map(_recast, split):
        prev = out[-1] if out else None
        if (
            prev
            and prev.end == m.start
            and prev.type in ("MISC", "LOC")
            and m.type == "ORG"
            and not ends_sentence(tokens[prev.end - 1])
            and tokens[prev.end - 1][-1:] not in ",;:"  # "Netati, BBC News": a sign-off
            and tuple(key(t) for t in tokens[m.start : m.end]) not in OUTLETS
        ):
            out[-1] = ner.Mention(prev.start, m.end, "ORG", f"{prev.text} {m.text}")
            continue
        out.append(m)
    taken = {i for m in out for i in range(m.start, m.end)}
    for i in range(len(tokens) - 1):
        if key(tokens[i]) == "channel" and clean(tokens[i + 1]).isdigit() and i not in taken:
            start = i
            before = next((m for m in out if m.end == i and m.type in ("MISC", "LOC")), None)
            if before is not None and not ends_sentence(tokens[i - 1]):
                out.remove(before)
                start = before.start
            text = " ".join(clean(t) for t in tokens[start : i + 2])
            out.append(ner.Mention(start, i + 2, "ORG", text))
    return sorted(out, key=lambda m: m.start)
