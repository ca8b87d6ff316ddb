"""The enrich stage: entities, claims and quotes per current transcript, incremental.

Runs on the repaired text where ``newsreel repair`` has run (the raw words otherwise),
links mentions to canonical entities across the archive (entities/linking.py), and
stores mentions, claims and quotes; a transcript is redone when the stage version
changes. User merges and splits (table entity_aliases) are applied on every run.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from operator import attrgetter

from newsreel.entities import claims as claim_rules
from newsreel.entities import clubs, gazetteer, ner
from newsreel.entities.heard_again import heard_again
from newsreel.entities.linking import (
    Linker,
    curated,
    first_name_typed_otherwise,
    known_spellings,
    own_spellings_joined,
)
from newsreel.entities.listed import people, untitled
from newsreel.entities.names import best_name, clean, headed, majority, vocabulary
from newsreel.entities.places import minor_town, place
from newsreel.entities.roles import office_holder, office_of
from newsreel.entities.shaping import (
    asides,
    cut_at_people,
    first_name_heard,
    gives_way,
    in_listed_name,
    joined,
    listed_in_full,
    lower_surnames,
    may_be_name,
    names_more,
    one_of_the_family,
    opening_word,
    overlap,
    run_together,
    seats,
    title_said,
    whole_names,
)
from newsreel.entities.spelling import key
from newsreel.entities.title_people import heard_as_titled, listed_in_title, said_in_title
from newsreel.repair.clean import core
from newsreel.repair.document import ends_sentence
from newsreel.store.base import ClaimInput, MentionInput, QuoteInput, Store
from newsreel.text import fold, unreadable

VERSION = "entities-73+en_core_web_sm-3.8.0"
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
    cities = clubs.by_city()  # a club's city is the club or the town video by video
    heard = [row for row in store.entities.known_spellings(VERSION) if key(row[0]) not in cities]
    known = known_spellings((surface, kind, name, last) for surface, kind, name, _, last in heard)
    common, plain = vocabulary(text.split() for text in store.entities.sample_texts(SAMPLE))
    linker = Linker(user, known, common, plain=plain)
    linker.learn_phrases((surface, name, kind, n) for surface, kind, name, n, _ in heard)
    return linker


def settle(store: Store, min_archive: int = MIN_ARCHIVE, passes: int = 3) -> int:
    """Recompute each entity's name and type from its mentions of this version: the
    best-supported spelling (curated and user names stay) and the majority type (a
    gazetteer place is a place, but for a small town's name said of a person: "Adam");
    entities that end with one name become one entity of one type, and names written
    alike ("U.K." and "UK", "Andrew Mount Bat" and "Andrew Mountbat") with one type
    become one name first, and a person of no fixed name heard more often by its full
    name as a fixed person joins them ("Alex Prey": Alex Pretti). In an archive of
    ``min_archive`` videos or more, a one-word place the gazetteer does not know, heard
    in one video only ("Casina", "Sarclad": misheard words the NER took for places), is
    not counted a place (MISC), and is remembered so (``store.entities.demoted``): once
    a later run hears it in a second video it is a place again, as one run over all the
    videos would have kept it. Passes run until one changes nothing (a renamed entity
    may meet another of its new name), at most ``passes``. Returns the entities
    changed."""
    fixed = {name: kind for _, kind, name in store.entities.user_aliases()}
    fixed.update({c.name: c.type for c in curated()})
    fixed.update({p.name: "PER" for p in people().people})
    demoted = store.entities.demoted()
    changed = 0
    for _ in range(passes):
        done, demoted = _settle_pass(store, fixed, min_archive, demoted)
        changed += done
        if not done:
            break
    store.entities.keep_demoted(demoted)
    return changed


def _settle_pass(
    store: Store, fixed: Mapping[str, str], min_archive: int, demoted: Mapping[str, str]
) -> tuple[int, dict[str, str]]:
    """One pass of ``settle`` (``fixed``: the curated and user names and their types;
    ``demoted``: the names held as no place before it): the entities it changed, and
    the names it holds as no place."""
    groups: dict[str, list[_Spelled]] = {}
    for eid, name, kind, surface, n in store.entities.entity_spellings(VERSION):
        groups.setdefault(name, []).append((eid, name, kind, surface, n))
    renamed: dict[str, list[_Spelled]] = {}  # the rows under the name each group settles on
    shared = partial(store.entities.videos_shared, version=VERSION)
    joined = lone_as_fixed(heard_as_fixed(written_alike(groups, fixed), fixed), fixed, shared)
    for name, rows in joined.items():
        kind = majority(_votes(rows), rows[0][2])
        spellings: Counter[str] = Counter()
        for row in rows:
            spellings[row[3]] += row[4]
        new_name = name if name in fixed else best_name(spellings, kind) or name
        renamed.setdefault(new_name, []).extend(rows)
    per_entity, videos = store.entities.entity_videos(VERSION)
    changed = 0
    held: dict[str, str] = {}
    for new_name, rows in renamed.items():
        new_kind = fixed.get(new_name)
        if new_kind is None:
            new_kind = _own_type(new_name, rows, demoted.get(new_name))
            if new_kind == "LOC" and _little_heard(
                new_name, rows, (per_entity, videos, min_archive)
            ):
                held[new_name], new_kind = new_kind, "MISC"
        for eid, name, kind in sorted({r[:3] for r in rows}):
            if (name, kind) != (new_name, new_kind):
                store.entities.rename_entity(eid, new_name, new_kind)
                changed += 1
    return changed, held


_Spelled = tuple[int, str, str, str, int]  # entity id, name, type, surface, mentions


def _votes(rows: Sequence[_Spelled]) -> Counter[str]:
    votes: Counter[str] = Counter()
    for row in rows:
        votes[row[2]] += row[4]
    return votes


def _settled_type(
    name: str,
    rows: Sequence[_Spelled],
    heard: tuple[Mapping[int, int], int, int],
    was: str | None = None,
) -> str:
    """The one type of an entity named ``name`` (``_own_type``), but MISC for an unknown
    one-word place heard in one video of a large archive (``_little_heard``)."""
    kind = _own_type(name, rows, was)
    return "MISC" if kind == "LOC" and _little_heard(name, rows, heard) else kind


def _own_type(name: str, rows: Sequence[_Spelled], was: str | None) -> str:
    """An entity's type from its mentions: their majority (or ``was``, the type
    ``settle`` took from it, where they say MISC: a place no run but one has heard), or
    for a person, organisation or place the type its last word says (``names.headed``:
    a stadium is a place, a newspaper an organisation), a gazetteer place a place (but
    the name of a town under ``places.TOWN`` people its mentions make a person or a
    thing: "Adam", "David", "Flora")."""
    kind = majority(_votes(rows), rows[0][2])
    if kind == "MISC" and was is not None:
        kind = was
    k = key(name)
    if kind in ("PER", "ORG", "LOC"):  # "Miami Herald" is no place, "Al-Janoub Stadium"
        kind = headed(k) or kind  # no company; a thing (MISC) stays one
    if place(k, "LOC") is not None and (kind in ("LOC", "ORG") or not minor_town(k)):
        kind = "LOC"  # not "Adam", a town of Oman said of a person
    return kind


def _little_heard(
    name: str, rows: Sequence[_Spelled], heard: tuple[Mapping[int, int], int, int]
) -> bool:
    """Whether a one-word name the gazetteer does not know is heard in one video only of
    an archive of at least so many (``heard``: videos per entity id, videos enriched,
    the archive size from which this holds)."""
    per_entity, videos, least = heard
    said = sum(per_entity.get(eid, 0) for eid in {r[0] for r in rows})
    return videos >= least and said < 2 and _unknown(name)


def written_alike(
    groups: Mapping[str, list[_Spelled]], fixed: Mapping[str, str]
) -> dict[str, list[_Spelled]]:
    """Groups of entity names that are one name written otherwise (the same letters and
    digits once case, accents, spaces, hyphens and dots are dropped) and of one majority
    type, joined under the fixed (curated or user) name or else the name most heard;
    names of two fixed entities, or of different types ("Al Ain" the city, "Alain" a
    person), stay apart."""
    by_letters: dict[tuple[str, str], list[str]] = {}
    for name, rows in groups.items():
        kind = majority(_votes(rows), rows[0][2])
        by_letters.setdefault((_letters(name), kind), []).append(name)
    out: dict[str, list[_Spelled]] = {}
    for (letters, _), names in by_letters.items():
        if len(names) == 1 or len(letters) < 2 or sum(n in fixed for n in names) > 1:
            for name in names:
                out[name] = groups[name]
            continue
        lead = max(names, key=lambda n: (n in fixed, sum(r[4] for r in groups[n]), n))
        out[lead] = [row for name in names for row in groups[name]]
    return out


def heard_as_fixed(
    groups: Mapping[str, list[_Spelled]], fixed: Mapping[str, str]
) -> dict[str, list[_Spelled]]:
    """Groups of entity names with a person of no fixed name joined to the fixed
    (curated, listed or user-named) person the archive hears more often by that
    person's own most heard spelling, a full name: videos linked before the archive
    knew that "Alex Prey" is Alex Pretti (heard so 58 times beside him) made an "Alex
    Prey" of their own. Never a lone word ("Andrew" names many), never between two
    fixed names; of two fixed people heard so, the one heard more (then by name)."""
    owners = _held(groups, fixed, lone=False)  # full-name spelling -> mentions per person
    out: dict[str, list[_Spelled]] = {}
    for name, rows in groups.items():
        top, n = _heard(rows).most_common(1)[0]
        home = _most(owners.get(top))
        joins = (
            home is not None
            and name not in fixed
            and majority(_votes(rows), rows[0][2]) == "PER"
            and home[1] > n
        )
        out.setdefault(home[0] if joins and home else name, []).extend(rows)
    return out


def lone_as_fixed(
    groups: Mapping[str, list[_Spelled]],
    fixed: Mapping[str, str],
    shared: Callable[[Sequence[int], Sequence[int]], tuple[int, int]],
) -> dict[str, list[_Spelled]]:
    """Groups with a person of no fixed name, heard by lone words only, joined to the
    fixed person who holds its most heard word more often, where four in five of its
    videos (``shared``: (videos, those that name the other too) of two lists of
    entity ids) name that person too: videos linked before the archive heard "Karma"
    as Keir Starmer's made a "Karma" of 37 mentions in 14 videos, 13 of them naming
    Starmer, who holds "Karma" 61 times. Never two fixed names, never a full name
    (``heard_as_fixed`` joins those)."""
    holders = _held(groups, fixed, lone=True)  # lone spelling -> mentions per fixed person
    out: dict[str, list[_Spelled]] = {}
    for name, rows in groups.items():
        home = None if name in fixed else _lone_home(rows, holders)
        if home is not None:
            videos, both = shared([r[0] for r in rows], [r[0] for r in groups[home]])
            home = home if videos and both * _ALL_BUT >= videos * (_ALL_BUT - 1) else None
        out.setdefault(home or name, []).extend(rows)
    return out


_ALL_BUT = 5  # of five videos of a lone word, four name the person it joins


def _lone_home(rows: Sequence[_Spelled], holders: Mapping[str, Counter[str]]) -> str | None:
    """The fixed person who holds the most heard spelling of a group of lone words more
    often than the group does (``holders``: lone spelling -> mentions per fixed
    person), if the group is a person's; None otherwise."""
    heard = _heard(rows)
    if any(" " in k for k in heard) or majority(_votes(rows), rows[0][2]) != "PER":
        return None
    top, n = heard.most_common(1)[0]
    home = _most(holders.get(top))
    return home[0] if home is not None and home[1] > n else None


def _held(
    groups: Mapping[str, list[_Spelled]], fixed: Mapping[str, str], *, lone: bool
) -> dict[str, Counter[str]]:
    """Spelling (untitled key; lone words, or full names) -> mentions per fixed person
    heard so."""
    held: dict[str, Counter[str]] = {}
    for name, rows in groups.items():
        if fixed.get(name) == "PER":
            for row in rows:
                if (" " not in (k := untitled(key(row[3])))) == lone:
                    held.setdefault(k, Counter())[name] += row[4]
    return held


def _heard(rows: Sequence[_Spelled]) -> Counter[str]:
    """Mentions per spelling (untitled key) of a group's rows."""
    heard: Counter[str] = Counter()
    for row in rows:
        heard[untitled(key(row[3]))] += row[4]
    return heard


def _most(holders: Counter[str] | None) -> tuple[str, int] | None:
    """The person heard most (then by name) of ``holders``, with the count; None if none."""
    return max((holders or Counter()).items(), key=lambda o: (o[1], o[0]), default=None)


def _letters(name: str) -> str:
    return "".join(ch for ch in fold(name) if ch.isalnum())


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

    def batch_after(self, after: int) -> list[tuple[int, str, str | None]]:
        """Up to a batch of current transcripts after id ``after`` not enriched by this
        version, with their videos' titles (a cluster worker's share; names are settled
        once, by ``pending``)."""
        return self.store.entities.unenriched(VERSION, after, BATCH)

    def pending(self) -> list[tuple[int, str, str | None]]:
        """The next current transcripts not enriched by this version."""
        batch = self.batch_after(self._after)
        if batch:
            self._after = batch[-1][0]
            self._settled = False
        elif not self._settled:  # the run is over: names and types from all the evidence
            settle(self.store)
            self._settled = True
        return batch

    def process(self, items: Sequence[tuple[int, str, str | None]]) -> list[Enriched]:
        """Find, link and attribute a batch's entities, numbers and quotes."""
        assert self.linker is not None, "start() loads the linker"
        token_lists = [text.split() for _, text, _ in items]
        garbled = [unreadable(tokens) for tokens in token_lists]  # nothing to find in it
        found = ner.mentions([[] if g else t for t, g in zip(token_lists, garbled, strict=True)])
        return [
            Enriched(len(tokens), [], [], [])
            if g
            else enrich_tokens(tokens, tagged, self.linker, title=title)
            for tokens, tagged, g, (_, _, title) in zip(
                token_lists, found, garbled, items, strict=True
            )
        ]

    def save(
        self, items: Sequence[tuple[int, str, str | None]], results: Sequence[Enriched]
    ) -> int:
        """Replace each transcript's rows; return the words enriched."""
        for (tid, _, _), found in zip(items, results, strict=True):
            self.store.entities.save_enrichment(
                tid, VERSION, found.mentions, found.claims, found.quotes
            )
            self.counts["mentions"] += len(found.mentions)
            self.counts["claims"] += len(found.claims)
            self.counts["quotes"] += len(found.quotes)
        return sum(found.words for found in results)


def enrich_tokens(
    tokens: list[str], tagged: Sequence[ner.Mention], linker: Linker, title: str | None = None
) -> Enriched:
    """Mentions (curated and NER, linked), claims and quotes of one token list (``title``:
    its video's, evidence for the captions' misheard names)."""
    curated = gazetteer.find(tokens)
    starts = set(sentence_starts(tokens))
    named = [
        part
        for m in joined(tokens, tagged, linker.listed)
        if may_be_name(key(m.text), m.type, linker, m.text)
        and not opening_word(m, starts, linker)  # "Dumped by the road ..."
        and not title_said(tokens, m)  # "the Amir"
        for part in run_together(m, linker.listed)
    ]
    people = gazetteer.find_people(tokens, starts, linker.ordinary, linker.listed)
    named = cut_at_people(tokens, named, people)  # "Bryson de Chambeau Brooks" + "kepca"
    people = [p for p in people if all(gives_way(m, p) for m in named if overlap(m, p))]
    curated = [
        c
        for c in curated
        if not any(names_more(tokens, c, m) for m in named)
        and not any(in_listed_name(c, m, linker) for m in [*named, *people])
        and not first_name_heard(tokens, c, linker)
        and not one_of_the_family(tokens, c, linker)  # "Prime Minister Al Thani"
    ]
    mentions = gazetteer.merge(gazetteer.merge(named, people), curated)
    written = gazetteer.find_written(tokens)
    mentions = gazetteer.merge(written, mentions)  # where nothing else was found
    titled = [m for m in gazetteer.find_titled(tokens) if may_be_name(key(m.text), m.type, linker)]
    mentions = gazetteer.merge(titled, mentions)
    in_title = gazetteer.named_in_title(title)
    mentions = gazetteer.without_unnamed(mentions, in_title)  # "Guitar", no Qatar named
    context = gazetteer.find_in_context(tokens, mentions, starts, in_title)
    addressed = gazetteer.find_lone_names(tokens, [*mentions, *context], linker.ordinary)
    mentions = sorted([*mentions, *context, *addressed], key=attrgetter("start"))
    heard = gazetteer.merge(gazetteer.find(tokens, linker.phrases), mentions)
    archive = [m for m in heard if m not in mentions]
    aside = asides(tokens)  # "(INAUDIBLE)", a label's "CNN HOST": nothing said
    mentions = [m for m in seats(tokens, heard) if not aside.issuperset(range(m.start, m.end))]
    found = [(m.text, m.type) for m in mentions]
    before = [core(tokens[m.start - 1]).casefold() if m.start else "" for m in mentions]
    linked = first_name_typed_otherwise(found, linker.link_video(found), before)
    linked = titled_people(title, mentions, linked, linker)
    linked = own_spellings_joined(found, linked, linker.listed.by_key)  # "Chem Bedon"
    said = set(mentions)
    mentions, linked = lower_surnames(tokens, mentions, linked, linker.common, linker.listed)
    mentions, linked = heard_again(tokens, mentions, linked, starts, linker.common)  # "Atly"
    mentions, linked = clubs.short_names(tokens, mentions, linked, starts)  # "City said"
    lowered = [m for m in mentions if m not in said]
    whole = whole_names(tokens, mentions, linked, linker.listed)  # "set Blatter": Sepp Blatter
    whole, linked = listed_in_full(tokens, whole, linked, linker.listed)  # "Eddie how"
    linked = clubs.in_football(tokens, mentions, linked)  # "Liverpool": the club
    rows = [
        (
            w.start,
            w.end,
            clean(w.text),
            name,
            kind,
            "aliases"
            if m in curated or m in context or m in written
            else "archive"
            if m in archive
            else "rules"
            if m in titled or m in addressed or m in lowered
            else "ner",
        )
        for m, w, (name, kind) in zip(mentions, whole, linked, strict=True)
    ]
    mentions = whole
    places = {
        i: name
        for m, (name, kind) in zip(mentions, linked, strict=True)
        if kind == "LOC"
        for i in range(m.start, m.end)
    }
    speaker_of = {
        i: (name, kind)
        for m, (name, kind) in zip(mentions, linked, strict=True)
        for i in range(m.start, m.end)
    }
    persons = {i for i, (_, kind) in speaker_of.items() if kind == "PER"}
    claims, quotes = claim_rules.extract(
        tokens, sentence_starts(tokens), places, names=speaker_of, people=persons
    )
    quote_rows: list[QuoteInput] = []
    people_said = [
        (m.start, m.end, name)
        for m, (name, kind) in zip(mentions, linked, strict=True)
        if kind == "PER"
    ]
    for q in quotes:
        linked = [speaker_of[i] for i in range(q.speaker_start, q.speaker_end) if i in speaker_of]
        # a named person or a known source (an entity is a name wherever it stands), else
        # no quote: never words cut from a sentence ("what Sir Starmmer had to")
        speaker = claim_rules.named_source(
            q.speaker.split(), start_of_sentence=not linked and q.speaker_start in starts
        )
        ending = speaker_of.get(q.speaker_end - 1)
        if (
            speaker is None
            and ending is not None
            and ending[1] == "PER"
            and not _object_of(tokens, speaker_of, q.speaker_end - 1)
        ):
            # a person named just before the verb: "around about was Andy Burnham (said)";
            # not one a preposition governs ("the acquaintance he had with Jeffrey Epstein")
            quote_rows.append((q.start, q.end, ending[0], ending, q.text, q.kind))
        if speaker is None:
            continue
        # the entity that heads the speaker ("Former Prime Minister Gordon Brown", "the
        # head of NATO"), not one that only qualifies it ("Workers in Qatar", "The Saudi
        # consortium", "survivors of Jeffrey Epstein's abuse")
        head = claim_rules.speaker_head(tokens, q.speaker_start, q.speaker_end, speaker)
        entity = speaker_of.get(head) if head is not None else None
        if entity is not None and entity[1] != "MISC" and 2 * len(linked) >= len(speaker.split()):
            speaker = entity[0]  # "The head of Mad" is Mossad's; "The Israelis" stay so,
            # not the people's adjective ("Israeli") their entity is named by
        if entity is None and not claim_rules.speaks(speaker):
            continue  # "visit to Saudi Arabia", "the southern city of Skaine" say nothing
        if entity is None and (office := office_of(speaker)) is not None:
            holder = office_holder(*office, tokens, people_said)  # "the prime minister":
            if holder is not None:  # the one "Prime Minister Keir Starmer" of the video
                entity, speaker = (holder, "PER"), holder
        shown = speaker if entity is not None else claim_rules.as_cited(speaker)
        quote_rows.append((q.start, q.end, shown, entity, q.text, q.kind))
    return Enriched(
        len(tokens),
        rows,
        [
            (c.start, c.end, c.value, c.text, c.subject, _cited(c.attribution), c.sentence)
            for c in claims
        ],
        quote_rows,
    )


def titled_people(
    title: str | None,
    mentions: Sequence[ner.Mention],
    linked: Sequence[tuple[str, str]],
    linker: Linker,
) -> list[tuple[str, str]]:
    """``linked`` with the names heard as a person the title names linked to them
    (``title_people``: "Chem Bedonox" in a video titled "Badenoch says ..."); the
    spelling is theirs from then on, in this run as in later ones (which read it from
    the store)."""
    people = {
        k: linker.curated.get(k, (name, "PER"))[0]
        for k, name in listed_in_title(title, linker.listed).items()
    }
    people.update(said_in_title(title, mentions, linked))
    if not people:
        return list(linked)
    out = heard_as_titled(mentions, linked, people, linker.listed, linker.curated_names)
    for m, before, after in zip(mentions, linked, out, strict=True):
        if after != before:
            linker.rebind(key(m.text), after[0])  # later videos of the run, as later runs
    return out


def _cited(source: str | None) -> str | None:
    return claim_rules.as_cited(source) if source is not None else None


def _object_of(tokens: Sequence[str], speaker_of: Mapping[int, tuple[str, str]], last: int) -> bool:
    """Whether the mention that ends at token ``last`` follows a preposition."""
    k = last
    while k - 1 >= 0 and speaker_of.get(k - 1) == speaker_of.get(last):
        k -= 1
    return k > 0 and core(tokens[k - 1]).lower() in _GOVERNING


# prepositions whose object a name is, never the speaker of the verb after it
_GOVERNING = frozenset("with of about to for from against by on at in into over".split())
