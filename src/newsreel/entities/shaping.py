"""Mentions shaped into names: the NER's spans cut to the name (articles, caption tags,
descriptions, outlets after a reporter), split where names run together, joined where
the NER split one, recast where a span names a people or a party; and which spans may
be names at all. Pure logic; used by the enrich stage (entities/stage.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from rapidfuzz import fuzz

from newsreel.entities import ner
from newsreel.entities.gender import given_name
from newsreel.entities.linking import Linker, curated, surname_in_lower_case
from newsreel.entities.listed import (
    NAME_SUFFIXES,
    TITLES,
    TITLES_AND_NAMES,
    NameList,
    everyday,
    people,
    rare,
    untitled,
)
from newsreel.entities.names import NAME_PARTICLES, clean, club, generic
from newsreel.entities.outlet_split import OUTLETS, outlet_split
from newsreel.entities.places import demonym, place
from newsreel.entities.spelling import first_sound, key
from newsreel.repair.clean import bare, caption_mark, core, garbled_tags, is_marker
from newsreel.repair.document import ends_sentence
from newsreel.repair.speakers import label_length
from newsreel.text import STOPWORDS


def spanned(tokens: Sequence[str], start: int, end: int, kind: str) -> ner.Mention:
    """A mention of tokens ``start`` to ``end``, its text their words without edge marks."""
    return ner.Mention(start, end, kind, " ".join(clean(t) for t in tokens[start:end]))


def names_more(tokens: Sequence[str], place_found: ner.Mention, m: ner.Mention) -> bool:
    """Whether an NER organisation begins with a curated place and goes on in capitals
    ("Qatar Sports Investments", "Qatar Airways"): the organisation is the name."""
    return (
        place_found.type == "LOC"
        and m.type == "ORG"
        and m.start == place_found.start
        and m.end > place_found.end
        and all(t[:1].isupper() for t in tokens[place_found.end : m.end])
    )


def in_listed_name(found: ner.Mention, m: ner.Mention, linker: Linker) -> bool:
    """Whether a curated spelling lies inside a listed person's longer name ("Un" in "Kim
    Jong Un", "Islam" in "Faisal Islam"), or a curated family's name ends a person's
    ("Al Thani" in "Hamad bin Khalifa al Thani"): the person is the name."""
    return (
        found.type != "PER"
        and m.type == "PER"
        and m.start <= found.start
        and found.end <= m.end
        and m.end - m.start > found.end - found.start
        and (
            linker.listed.match(key(m.text)) is not None
            or (found.end == m.end and _curated_family(found, linker))
        )
    )


def _curated_family(found: ner.Mention, linker: Linker) -> bool:
    """Whether a curated spelling names a family ("Althani": the Al Thani family)."""
    return linker.curated.get(key(found.text), ("", ""))[0].endswith(" family")


def one_of_the_family(tokens: Sequence[str], found: ner.Mention, linker: Linker) -> bool:
    """Whether a curated family's name is said as one person's surname: after a title or
    a name ("Mr Al Thani", "Prime Minister Al Thani", "the emir tamim al thani"), not after
    a function word or a possessive ("the Al Thani family", "Qatar's Al Thani")."""
    if found.start == 0 or not _curated_family(found, linker):
        return False
    before = core(tokens[found.start - 1]).casefold()
    return (
        bool(before)
        and before not in STOPWORDS
        and not tokens[found.start - 1].endswith(("'s", "’s"))
    )


def first_name_heard(tokens: Sequence[str], found: ner.Mention, linker: Linker) -> bool:
    """Whether a curated misspelling of a place, one word, is a first name here: followed
    by a capitalised word that is no place and no function word ("Rafa Benitez" is no
    Rafah; "Rafa crossing" and "Rafah Benitez" are not touched: only a misspelling is
    doubted, and no acronym: "PIF Notch")."""
    k = key(found.text)
    entry = linker.curated.get(k)
    if (
        entry is None
        or entry[1] != "LOC"
        or " " in k
        or k == key(entry[0])
        or found.text.isupper()
        or found.end >= len(tokens)
    ):
        return False
    after = tokens[found.end]
    word = key(after)
    return (
        after[:1].isupper()
        and word.isalpha()
        and word not in STOPWORDS
        and word not in linker.curated
        and place(word, "LOC") is None
    )


def run_together(m: ner.Mention, listed: NameList) -> list[ner.Mention]:
    """A person mention that runs listed people's lone names together ("Neymar Messi",
    a list said without commas) as one mention per person, and one of three words or
    more, each capitalised and a surname as it may be heard alone (``_surname_like``),
    no two of them a listed person's full name, of which two or more are listed people's
    lone names ("Benzema Firmino Henderson", "Blatter Binham Platini Tamari"; not "Sepp
    Blatter Platini") as one mention per word; other mentions as they are."""
    words = m.text.split()
    if m.type != "PER" or len(words) < 2 or len(words) != m.end - m.start:
        return [m]
    people = [listed.alone(key(w)) for w in words]
    each = [ner.Mention(m.start + n, m.start + n + 1, "PER", w) for n, w in enumerate(words)]
    if all(p is not None for p in people) and len(set(people)) == len(people):
        return each
    named = {p for p in people if p is not None}
    keys = [key(w) for w in words]
    listing = (
        len(words) >= 3
        and len(named) >= 2
        and all(
            w[:1].isupper() and _surname_like(k, listed) for w, k in zip(words, keys, strict=True)
        )
        and not any(f"{a} {b}" in listed.by_key for a, b in pairwise(keys))
    )
    return each if listing else [m]


def _surname_like(k: str, listed: NameList) -> bool:
    """Whether a word may stand alone for a person in a list of surnames: no particle,
    function word, suffix, first name, nor a place unless a listed surname ("Neymar Jr.
    To Karim Benzema", "Messi Neymar Barcelona" are no lists; "Henderson" may be one)."""
    return not (
        k in NAME_PARTICLES
        or k in STOPWORDS
        or k in NAME_SUFFIXES
        or given_name(k)
        or (place(k, "LOC") is not None and k not in listed.surnames)
    )


def may_be_name(k: str, kind: str, linker: Linker, surface: str = "") -> bool:
    """Whether an NER mention's key may be a name: it has a letter, is not only generic or
    common words, not only titles ("Crown Prince"), no person with a digit ("GLP1s"), no
    other kind of name in one lower-case word (``surface`` "geese", "meth"), and not one
    word the archive writes in lower case ("Awesome", "Broker": the repair's capital)
    unless a known place or person."""
    if not any(c.isalpha() for c in k) or generic(k, linker.common):
        return False
    if kind == "MISC" and surface.islower() and " " not in k and k not in linker.curated:
        return False
    if _lower_guess(k, kind, linker, surface):
        return False
    if all(w in TITLES for w in k.split()):
        return False
    if kind == "PER" and any(c.isdigit() for c in k):
        return False  # "GLP1s", "JLP1": a drug's name, no person
    if kind == "PER" and len(k) <= 2 and not surface.isupper() and not _known_word(k, linker):
        return False  # "to Ev to start to evacuate": a word cut off, no person ("Xi" is)
    if _clause_inside(surface):
        return False  # "Epstein accused Gates", "World Cup is Nikita": a clause, no name
    return not (
        " " not in k
        and k in linker.plain
        and place(k, kind) is None
        and k not in linker.listed.by_key
        and k not in linker.curated
    )


def _clause_inside(surface: str) -> bool:
    """Whether a mention of three words or more holds, between capitalised words, a
    lower-case verb or clause word no name holds ("Epstein accused Gates", "Beckhams
    with Vogue", "Munich Security Conference that America"): the NER ran a clause
    together, no name."""
    words = surface.split()
    return len(words) >= 3 and any(
        w in _CLAUSE_WORDS and words[0][:1].isupper() and words[-1][:1].isupper()
        for w in words[1:-1]
    )


_CLAUSE_WORDS = frozenset(
    "is was are were will would can could should has have had that with by accused says "
    "said".split()
)


def _lower_guess(k: str, kind: str, linker: Linker, surface: str) -> bool:
    """Whether an NER mention is only the model's guess at words the captions and the
    repair left in lower case ("crown jewel", "kickstar", "taco taco taco"): no capital,
    no article that makes it an institution ("the justice department"), no curated
    spelling, listed person or known place; several words that open on no first name
    ("sarah wilson" is a person the repair left in lower case), or one rare in English
    that names no person (an everyday word may be an institution or a name misheard:
    "congress", "navy", "karma" heard for Starmer; a lone surname may be one the repair
    left in lower case: "firmino")."""
    words = k.split()
    return (
        surface.islower()
        and not surface.startswith("the ")
        and (
            (len(words) > 1 and not linker.listed.first_name(words[0]))
            or (len(words) == 1 and rare(k) and kind != "PER")
        )
        and k not in linker.curated
        and k not in linker.listed.by_key
        and place(k, kind) is None
    )


def _known_word(k: str, linker: Linker) -> bool:
    """Whether a key is a word of a listed person's name or a curated spelling."""
    return k in linker.listed.words or k in linker.curated


_WORD_ENDINGS = ("ed", "ing", "ly", "ness", "ment", "tion", "able", "ful", "less", "ance", "ence")


def opening_word(m: ner.Mention, starts: set[int], linker: Linker) -> bool:
    """Whether a one-word mention is only an everyday word that opens a sentence, shaped
    as a verb, an adverb or an abstract noun ("Dumped by the road", "Reportedly",
    "Attendance will drop"): its
    capital is the sentence's, not a name's; never a known place, listed person or
    curated name ("Reading", "Ealing")."""
    k = key(m.text)
    if m.end - m.start != 1 or m.start not in starts or not k.endswith(_WORD_ENDINGS):
        return False
    if place(k, "LOC") is not None or k in linker.curated or linker.listed.alone(k):
        return False
    return everyday(k)


def title_said(tokens: Sequence[str], m: ner.Mention) -> bool:
    """Whether a one-word mention is a title that is also a name, said as a title: "the
    Amir", "Amir of Qatar", "the Sultan's yacht" (not "Amir Khan", "Sultan Al Jaber")."""
    start = m.start + (m.end - m.start == 2 and core(tokens[m.start]).casefold() == "the")
    if m.end - start != 1 or key(tokens[start]) not in TITLES_AND_NAMES:
        return False  # "(The) Sultan": the NER's span may hold the article
    before = core(tokens[start - 1]).casefold() if start else ""
    after = core(tokens[m.end]).casefold() if m.end < len(tokens) else ""
    return before == "the" or after == "of" or start > m.start


def overlap(a: ner.Mention, b: ner.Mention) -> bool:
    """Whether two mentions share a token."""
    return a.start < b.end and b.start < a.end


def gives_way(a: ner.Mention, b: ner.Mention) -> bool:
    """Whether NER mention ``a`` may give way to the listed person ``b`` heard by sound:
    a span of another type inside it ("Kia" as ORG in "Kia Starmmer") or naming the same
    words ("the Jeffrey Eststein" as LOC); a place only to a full name that is no place
    itself ("Riyad" in "Riyad mares", never "Austin" alone); never a longer name
    ("Street" in "Downing Street"); a person only to a longer full name around it, no
    title ("Kepca" in "Brooks, Kepca"; "Trump" stays, not "President Trump")."""
    if a.type == "PER":
        words = key(b.text).split()
        return (
            b.start <= a.start
            and a.end <= b.end
            and len(words) > len(key(a.text).split())
            and words[0] not in TITLES
        )
    if a.type == "LOC":  # a place gives way only to a longer full name ("Riyad mares")
        longer = b.start <= a.start and a.end <= b.end and (a.start, a.end) != (b.start, b.end)
        same = key(a.text) == key(b.text) and " " in key(b.text)
        return (longer or same) and place(key(b.text), "LOC") is None
    return (b.start <= a.start and a.end <= b.end) or key(a.text) == key(b.text)


def _place_before(a: ner.Mention, b: ner.Mention) -> bool:
    """Whether the words of ``a`` before ``b`` (which ends it) are a country (of the
    gazetteer, curated, or its initials: "UK"), with or without "the" ("the UK" before
    "Saky Starmmer"; not a town that is a first name too: "David", "Nancy"; not an
    organisation's initials: "CNN Jake Tapper")."""
    words = a.text.split()[: b.start - a.start]
    if words[:1] and key(words[0]) == "the":
        words = words[1:]
    k = key(" ".join(words))
    return bool(words) and (
        k in _COUNTRY_INITIALS or place(k, "PER") is not None or k in _curated_spellings("LOC")
    )


# a country said by its initials, which neither the gazetteer nor the curated list holds
# ("the UK Saky Starmmer"; never "CNN Jake Tapper", "the FBI Kash Pattel")
_COUNTRY_INITIALS = frozenset({"uk", "us", "usa", "uae"})


def cut_at_people(
    tokens: Sequence[str], named: Sequence[ner.Mention], people: Sequence[ner.Mention]
) -> list[ner.Mention]:
    """NER mentions of three words or more whose last word is the first name of a listed
    person heard by sound right after them, cut before it: names said in a list without
    commas run together ("Bryson de Chambeau Brooks" + "kepca" is Bryson de Chambeau,
    then Brooks Koepka); a mention that is a country and then a listed person heard by
    sound in full is the country ("the UK Saky Starmmer" [ORG]: the UK, then Keir
    Starmer)."""
    out: list[ner.Mention] = []
    for m in named:
        ends = next(
            (p for p in people if p.end == m.end and m.start < p.start and " " in p.text), None
        )
        if ends is not None and _place_before(m, ends):
            start = m.start + (key(tokens[m.start]) == "the")
            out.append(spanned(tokens, start, ends.start, "LOC"))
            continue
        p = next((p for p in people if p.start == m.end - 1 and p.end > m.end), None)
        if p is None or m.end - m.start < 3 or m.text.count(" ") != m.end - m.start - 1:
            out.append(m)
            continue
        end = m.end - 1
        out.append(spanned(tokens, m.start, end, m.type))
    return out


# plural nouns for the members of a body, cut off a name: "Labour MPs" is Labour
GROUPS = frozenset(
    "mps voters supporters fans officials members lawmakers ministers leaders".split()
)


@cache
def _curated_spellings(kind: str) -> frozenset[str]:
    """Curated spellings of one type: organisations ("labour", "tory": "Labour MPs" is
    Labour, while "Trump supporters" stays as the NER had it) or places."""
    return frozenset(
        key(spelling)
        for c in curated()
        if c.type == kind
        for spelling in (*c.aliases, *c.when_tagged)
    )


def _recast(m: ner.Mention) -> ner.Mention:
    """A mention as a name: a country's people ("Bangladeshis") are a nationality (MISC),
    not a person or place; "Labour MPs" is the party."""
    words = m.text.split()
    if (
        len(words) > 1
        and key(words[-1]) in GROUPS
        and key(" ".join(words[:-1])) in _curated_spellings("ORG")
    ):
        return ner.Mention(m.start, m.end - 1, "ORG", " ".join(words[:-1]))
    if m.type in ("PER", "ORG", "LOC") and demonym(key(m.text)):
        return ner.Mention(m.start, m.end, "MISC", m.text)
    if len(words) > 1 and core(words[-1]) in _SEATS and m.end - m.start == len(words):
        return ner.Mention(m.start, m.end - 1, "LOC", " ".join(words[:-1]))
    return m


# what follows a place's name in an election: "Denton constituency", "the Gorton by-election"
_SEATS = frozenset("constituency by-election bi-election".split())


def seats(tokens: Sequence[str], mentions: Sequence[ner.Mention]) -> list[ner.Mention]:
    """Mentions with the seats an election names as places: the name before a seat word
    ("Denton by-election"), and two names joined by "and" before one as one seat ("the
    Gorton and Denton by-election": Gorton and Denton, no misheard Gordon)."""
    out: list[ner.Mention] = []
    taken = -1  # the end of the last seat of two names: the second name is in it
    for m in mentions:
        if m.start < taken:
            continue
        after = [core(w).lower() for w in tokens[m.end : m.end + 3]]
        if m.end - m.start != 1 or not after:
            out.append(m)
        elif after[0] in _SEATS:
            out.append(ner.Mention(m.start, m.end, "LOC", m.text))
        elif (
            len(after) == 3
            and after[0] == "and"
            and after[2] in _SEATS
            and bare(tokens[m.end + 1])[:1].isupper()
        ):
            text = " ".join(bare(w) for w in tokens[m.start : m.end + 2])
            out.append(ner.Mention(m.start, m.end + 2, "LOC", text))
            taken = m.end + 2
        else:
            out.append(m)
    return out


_LEADING = frozenset({"a", "an", "this", "that", "these", "those"})
# a sentence's opening words the NER takes into a name ("Later Ed", "Meanwhile Keir")
_LEAD_ADVERBS = frozenset("later earlier meanwhile then now also and but so yesterday".split())


_OPEN_ENDS = frozenset("bin ibn of the and for al el".split())  # no name ends so
# letters after a name: "Murray Rosen KC" is Murray Rosen (a lone "KC" stays: Kansas City)
_POSTNOMINALS = frozenset("kc qc obe mbe cbe".split())
_SCORE = re.compile(r"^\d+[-–]\d+$")  # "4-1"
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


_ASIDE = 8  # tokens a bracketed or parenthesised aside spans at most


def asides(tokens: Sequence[str]) -> set[int]:
    """Tokens that are no speech, so name nothing said: a bracketed or parenthesised
    aside ("(INAUDIBLE)", "[ indistinct shouting ]", "(on-camera)") and a speaker label,
    name and role (">> ERIN BURNETT, CNN HOST:", ">> COOPER:"): the label says who
    speaks, not what is said; counted as mentions, CNN's 268 "COOPER:" made Anderson
    Cooper the archive's most mentioned entity and "cooper" CNN's most distinctive word,
    and the NER typed "BRETT CROSS" an organisation; a broken "[ foreign speech ]" tag
    ("fore spee spee ] fore speech": ``clean.garbled_tags``)."""
    out = garbled_tags(tokens)
    for i, token in enumerate(tokens):
        if token.startswith(("(", "[")):
            end = min(len(tokens), i + _ASIDE)
            close = next(
                (j for j in range(i, end) if tokens[j].rstrip(".,:;").endswith((")", "]"))), None
            )
            out.update(range(i, close + 1) if close is not None else ())
        elif is_marker(token) and (length := label_length(tokens, i + 1)):
            out.update(range(i + 1, i + 1 + length))  # the label, its name too
    return out


def trimmed(tokens: Sequence[str], m: ner.Mention) -> ner.Mention | None:
    """A mention without a leading article or demonstrative ("this World Cup", "a John
    McDonald"; not the initial "A."), without caption tags ("Music] Concerns the
    World Cup": the longest stretch between tags is kept) and without the lower-case
    words that describe it ("Chip maker Nvidia", "Manchester United fan"); None if
    nothing is left."""
    pieces: list[tuple[int, int]] = []
    start = m.start
    for k in range(m.start, m.end + 1):
        if k == m.end or caption_mark(tokens[k]):
            if k > start:
                pieces.append((start, k))
            start = k + 1
    if not pieces:
        return None
    start, end = max(pieces, key=lambda p: p[1] - p[0])
    while start < end and tokens[start].rstrip(",").casefold() in _LEADING:
        start += 1
    if start >= end:
        return None
    first = start + (core(tokens[start]).casefold() == "the")
    again = False
    while _stutter(tokens, m.type, first, end, again=again):
        start = first = first + 1  # "(The) Commission Independent Commission": a stutter
        again = True  # "American American American": said three times
    start = _opening_cut(tokens, m.type, start, end)
    end = _end_of_name(tokens, start, end)
    while m.type == "PER" and end - start > 2 and core(tokens[end - 1]).casefold() in _NO_SURNAME:
        end -= 1  # "Anthony Casares City": the club the next sentence names, no surname
    last = max((k for k in range(start, end - 1) if _says_of(tokens[k], _SAID)), default=None)
    if last is not None and tokens[last + 1][:1].isupper():
        start = last + 1  # "Chip maker Nvidia", "Prime minister Keir Starmer"
    if start >= end:
        return None
    if (start, end) == (m.start, m.end):
        return m
    return spanned(tokens, start, end, m.type)


def _stutter(tokens: Sequence[str], kind: str, first: int, end: int, *, again: bool) -> bool:
    """Whether a name from token ``first`` to ``end`` opens on a word said again as its
    last before the name said whole: "Commission Independent Commission", "American
    American American"; of two words, only a place's own name ("Newcastle Newcastle";
    "Bora Bora", "Duran Duran", "Wagga Wagga" are names); a person's only where the word
    said again is a place's own name and no first name ("Manchester Greater Manchester";
    "Sirhan Bishara Sirhan", "Georgia Harrison Georgia" are people); of two words after
    a stutter cut (``again``), any ("American American American" is "American")."""
    if end - first < 2 or key(tokens[first]) != key(tokens[end - 1]):
        return False
    if not tokens[first + 1][:1].isupper():
        return False  # "the Bank of England Bank"
    said = key(tokens[first])
    if kind == "PER":
        return end - first > 2 and _place_named(said) and not given_name(said)
    return end - first > 2 or again or _place_named(said)


def _place_named(word: str) -> bool:
    """Whether a word is a place of the gazetteer by its own name ("newcastle"; not
    "bora", which the gazetteer hears as Bor)."""
    found = place(word, "LOC")
    return found is not None and key(found) == word


def _opening_cut(tokens: Sequence[str], kind: str, start: int, end: int) -> int:
    """Where a name starts once the sentence's words before it are cut: an adverb
    ("Later Ed", "Meanwhile Keir Starmer") and, before a person, an everyday word
    ("defend Trump", "see Bannon")."""
    while (
        end - start > 1 and core(tokens[start]) in _LEAD_ADVERBS and tokens[start + 1][:1].isupper()
    ):
        start += 1
    while (
        kind == "PER" and end - start > 1 and _lower_word_before(tokens[start], tokens[start + 1])
    ):
        start += 1
    return start


def _lower_word_before(token: str, nxt: str) -> bool:
    """Whether a lower-case token opening a person's span is an everyday word before a
    cased name ("defend Trump", "see Bannon"), not a name's particle ("de", "al", "von"),
    a listed first name the repair left in lower case, nor a lower-case name in
    lower-case text ("brooks kepka")."""
    word = bare(token)
    return (
        word.isalpha()
        and word.islower()
        and word not in NAME_PARTICLES
        and nxt[:1].isupper()
        and everyday(word)
        and not people().first_name(word)  # "mark Carney": a first name the repair missed
    )


# club words no person's name ends on ("City", "United": a club said next, unpunctuated)
_NO_SURNAME = frozenset("city united fc".split())


def _end_of_name(tokens: Sequence[str], start: int, end: int) -> int:
    """Where a name ends once the words after it are cut: a description ("Manchester
    United fan"), a word no name ends on ("Muhammad bin"), letters after a name ("Murray
    Rosen KC") and a score ("Paris 4-1")."""
    while end - start > 1 and _says_of(tokens[end - 1], _DESCRIPTIONS):
        end -= 1
    while end - start > 1 and core(tokens[end - 1]) in _OPEN_ENDS:
        end -= 1
    while end - start > 1 and (
        core(tokens[end - 1]).casefold() in _POSTNOMINALS or _SCORE.match(core(tokens[end - 1]))
    ):
        end -= 1
    return end


def possessive_split(tokens: Sequence[str], m: ner.Mention, listed: NameList) -> list[ner.Mention]:
    """A mention that opens with a known place's possessive and goes on in capitals
    ("Qatar's Aspire Academy", "Saudi Arabia's Public Investment Fund") as the place
    (LOC) and the name it owns; not a place that is also a first name of the ``listed``
    people ("David's Sling"); other mentions as they are."""
    for k in range(m.start, m.end - 1):
        if not tokens[k].endswith(("'s", "’s")):
            continue
        owner = " ".join(clean(t) for t in tokens[m.start : k + 1])
        owned = tokens[k + 1 : m.end]
        lone = " " not in key(owner) and listed.first_name(key(owner))  # "David's Sling"
        if lone or place(key(owner), "LOC") is None or not all(t[:1].isupper() for t in owned):
            return [m]
        return [
            ner.Mention(m.start, k + 1, "LOC", owner[:-2]),  # without its "'s"
            ner.Mention(k + 1, m.end, m.type, " ".join(clean(t) for t in owned)),
        ]
    return [m]


def club_extended(tokens: Sequence[str], m: ner.Mention, taken: set[int]) -> ner.Mention:
    """A place the NER ended before its club's word ("Newcastle" + "United."): the club,
    when nothing capitalised follows ("Newcastle City Council" stays)."""
    at = m.end
    if (
        at >= len(tokens)
        or at in taken
        or ends_sentence(tokens[at - 1])
        or tokens[at - 1][-1:] in ",;:"
        or not tokens[at][:1].isupper()
        or place(key(m.text), "LOC") is None
        or not club(key(f"{m.text} {tokens[at]}"), True)
    ):
        return m
    if at + 1 < len(tokens) and tokens[at + 1][:1].isupper() and not ends_sentence(tokens[at]):
        return m
    return ner.Mention(m.start, at + 1, "ORG", f"{m.text} {clean(tokens[at])}")


_ROYAL = frozenset({"royal", "royals", "ruling"})


def royal_family_placed(m: ner.Mention, tokens: Sequence[str]) -> ner.Mention:
    """A place's royal or ruling family as the place: "the Abu Dhabi Royal Family" is Abu
    Dhabi, a family with no name of its own ("the Saudi Royal Court" stays a body)."""
    words = [key(t) for t in tokens[m.start : m.end]]
    lead = int(words[:1] == ["the"])
    royal = next((n for n, w in enumerate(words) if w in _ROYAL), None)
    if m.type != "ORG" or not royal or words[royal + 1 : royal + 2] == ["court"]:
        return m
    if place(" ".join(words[lead:royal]), "LOC") is None:
        return m
    start, end = m.start + lead, m.start + royal
    return ner.Mention(start, end, "LOC", " ".join(clean(t) for t in tokens[start:end]))


def _other_half(heard: str, listed: str) -> bool:
    """Whether a word next to a person's one heard name is the other name misheard:
    the same first sound, close in letters ("set" for Sepp, "lies" for Lai, "shake" for
    Sheikh), no function word and no verb ("pressurize Andrew", "Ronaldo scored")."""
    return (
        bool(heard)
        and heard != listed
        and heard not in STOPWORDS
        and not heard.endswith(("ed", "ing", "ize", "ise"))
        and first_sound(heard) == first_sound(listed)
        and fuzz.ratio(heard, listed) >= 50
    )


def whole_names(
    tokens: Sequence[str],
    mentions: Sequence[ner.Mention],
    linked: Sequence[tuple[str, str]],
    listed: NameList | None = None,
) -> list[ner.Mention]:
    """Mentions of a person by one name (``linked``: each mention's entity name and type,
    a person with a two-word name, or a listed person's surname, ``listed``) taking in
    the word before or after that is the other name misheard: "set Blatter" (Sepp
    Blatter), "Jimmy lies" (Jimmy Lai), "Lonel Messi", a first name a comma cuts
    off ("Brooks, Kepka"), and the names the video gives that person elsewhere ("Chem
    Bednok" beside "Chem, Bednog" and "Chem Bedonox", whom the video links to Kemi
    Badenoch); other mentions as they are."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    firsts, lasts = _said_names(mentions, linked)
    out: list[ner.Mention] = []
    for m, (name, kind) in zip(mentions, linked, strict=True):
        words, heard = _full_name(key(name), listed), key(m.text)
        if kind != "PER" or m.end - m.start != 1 or len(words) != 2:
            out.append(m)
            continue
        said_first, said_last = firsts.get(name, set()), lasts.get(name, set())
        surname = fuzz.ratio(heard, words[1]) >= 80 or _alike_any(heard, said_last)
        at = m.start - 1 if surname else m.end  # the word that may be the other name
        edge = at if surname else m.start  # no sentence end or comma between them
        if (
            (surname or fuzz.ratio(heard, words[0]) >= 80 or _alike_any(heard, said_first))
            and 0 <= at < len(tokens)
            and at not in taken
            and (
                _comma_inside(tokens[at], words[0], surname)
                or (
                    tokens[edge][-1:].isalnum()
                    and (
                        _other_half(key(tokens[at]), words[0] if surname else words[1])
                        or key(tokens[at]) in (said_first if surname else said_last)
                    )
                )
            )
        ):
            start, end = min(at, m.start), max(at + 1, m.end)
            text = " ".join(clean(t) for t in tokens[start:end])
            out.append(ner.Mention(start, end, m.type, text))
            continue
        out.append(m)
    return out


def _said_names(
    mentions: Sequence[ner.Mention], linked: Sequence[tuple[str, str]]
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(first names, surnames) each person of a video is heard by in a mention of two
    words or more, titles dropped (keys), as written with a capital and no function
    word."""
    firsts: dict[str, set[str]] = {}
    lasts: dict[str, set[str]] = {}
    for m, (name, kind) in zip(mentions, linked, strict=True):
        words = untitled(key(m.text)).split()
        said = m.text.split()
        if kind != "PER" or len(words) < 2 or len(said) < 2:
            continue
        for k, form, names in ((words[0], said[0], firsts), (words[-1], said[-1], lasts)):
            if form[:1].isupper() and k not in STOPWORDS:  # not "coach" of "coach Arne Slot"
                names.setdefault(name, set()).add(k)
    return firsts, lasts


def _alike_any(heard: str, said: set[str]) -> bool:
    """Whether a word is one of ``said`` or close to one in letters (ratio >= 80)."""
    return heard in said or any(fuzz.ratio(heard, s) >= 80 for s in said)


def _full_name(k: str, listed: NameList | None) -> list[str]:
    """The words of a person's name ``k``; of a listed person's surname linked alone as
    yet ("blatter", before the archive's names settle), the listed full name's."""
    person = listed.alone(k) if listed is not None and " " not in k else None
    return (person.key if person is not None and person.by_surname else k).split()


def _comma_inside(before: str, first: str, surname: bool) -> bool:
    """Whether the word before a surname is the person's first name as written, cut from
    it by a comma the repair put there: "Phil Mickelson Brooks, Kepka" (Brooks Koepka)."""
    return surname and before.endswith(",") and before[:1].isupper() and key(before) == first


def listed_in_full(
    tokens: Sequence[str],
    mentions: Sequence[ner.Mention],
    linked: Sequence[tuple[str, str]],
    listed: NameList,
) -> tuple[list[ner.Mention], list[tuple[str, str]]]:
    """A lone first name of a listed person, linked to no one named in full, taking in
    the word right after it that is the listed surname misheard, with nothing between
    them: "Eddie how" is Eddie Howe (the NER saw "Eddie" only), "Eddie, how" is not."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out_m, out_l = list(mentions), list(linked)
    for n, (m, (name, kind)) in enumerate(zip(mentions, linked, strict=True)):
        at = m.end
        if (
            m.end - m.start != 1
            or kind != "PER"
            or " " in name
            or at >= len(tokens)
            or at in taken
            or not tokens[m.start][-1:].isalnum()
            or not core(tokens[at]).isalpha()
        ):
            continue
        person = listed.heard_in_full(key(m.text), key(tokens[at]))
        if person is not None:
            text = f"{m.text} {clean(tokens[at])}"
            out_m[n] = ner.Mention(m.start, at + 1, "PER", text)
            out_l[n] = (person.name, "PER")
    return out_m, out_l


def comma_split(tokens: Sequence[str], m: ner.Mention) -> list[ner.Mention]:
    """A person mention across a comma as the parts on either side ("And Azide, First
    of all": "Azide" and "First"; a name is said without one); others as they are
    ("Washington, D.C."; an outlet's sign-off is outlet_split's)."""
    cuts = [k + 1 for k in range(m.start, m.end - 1) if tokens[k].endswith(",")]
    if m.type != "PER" or not cuts or len(m.text.split()) != m.end - m.start:
        return [m]
    bounds = [m.start, *cuts, m.end]
    return [spanned(tokens, a, b, m.type) for a, b in pairwise(bounds)]


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


def joined(
    tokens: Sequence[str], tagged: Sequence[ner.Mention], listed: NameList | None = None
) -> list[ner.Mention]:
    """NER mentions with a nationality or place directly before an organisation made one
    ("Israeli" + "Channel 12"), and "Channel N" the NER missed as an organisation; a
    nationality is MISC and "Labour MPs" is Labour (``_recast``); a place's possessive
    is split from what it owns (``possessive_split``, with the ``listed`` people: the
    linker's; the shipped list by default)."""
    names = people() if listed is None else listed
    out: list[ner.Mention] = []
    kept = [t for m in tagged if (t := trimmed(tokens, m)) is not None]
    parts = [
        piece
        for m in kept
        for part in outlet_split(tokens, m)
        for own in possessive_split(tokens, part, names)
        for piece in comma_split(tokens, own)
    ]
    split = particle_joined(tokens, parts)
    for m in map(_recast, split):
        prev = out[-1] if out else None
        if (
            prev
            and prev.end == m.start
            and prev.type in ("MISC", "LOC")
            and m.type == "ORG"
            and not ends_sentence(tokens[prev.end - 1])
            and tokens[prev.end - 1][-1:] not in ",;:"  # "Netati, BBC News": a sign-off
            and not tokens[prev.end - 1].endswith(("'s", "’s"))  # "Qatar's Aspire Academy"
            and tuple(key(t) for t in tokens[m.start : m.end]) not in OUTLETS
        ):
            out[-1] = ner.Mention(prev.start, m.end, "ORG", f"{prev.text} {m.text}")
            continue
        out.append(m)
    taken = {i for m in out for i in range(m.start, m.end)}
    out = [royal_family_placed(club_extended(tokens, m, taken), tokens) for m in out]
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


def lower_surnames(
    tokens: Sequence[str],
    mentions: Sequence[ner.Mention],
    linked: Sequence[tuple[str, str]],
    common: frozenset[str],
    listed: NameList,
) -> tuple[list[ner.Mention], list[tuple[str, str]]]:
    """A person's surname said again in lower case in a video that names them by it
    ("Sepp Blatter" ... "set blatter", "... said blatter"): a mention of that person,
    found where no other mention stands. Only a surname of five letters or more that
    one person of the video has, heard in a mention of them, that is a ``listed``
    person's or rare in English ("raffle" is no "Russ Raffle"), and no everyday or
    common word of the archive, stopword or place ("brown", "rice", "jordan")."""
    owners: dict[str, set[str]] = {}
    for m, (name, kind) in zip(mentions, linked, strict=True):
        words = key(name).split()
        if kind == "PER" and len(words) >= 2 and words[-1] in key(m.text).split():
            owners.setdefault(words[-1], set()).add(name)
    surnames = {
        surname: next(iter(names))
        for surname, names in owners.items()
        if len(names) == 1
        and surname_in_lower_case(surname, key(next(iter(names))) in listed.by_key)
        and surname not in common
        and surname not in STOPWORDS
        and place(surname, "LOC") is None
    }
    if not surnames:
        return list(mentions), list(linked)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    added = [
        (ner.Mention(i, i + 1, "PER", word), (surnames[key(word)], "PER"))
        for i, token in enumerate(tokens)
        if i not in taken and (word := bare(token)).islower() and key(word) in surnames
    ]
    return with_mentions(mentions, linked, added)


def with_mentions(
    mentions: Sequence[ner.Mention],
    linked: Sequence[tuple[str, str]],
    added: Sequence[tuple[ner.Mention, tuple[str, str]]],
) -> tuple[list[ner.Mention], list[tuple[str, str]]]:
    """A video's mentions and their links with ``added`` ones, in text order."""
    pairs = sorted([*zip(mentions, linked, strict=True), *added], key=lambda p: p[0].start)
    return [m for m, _ in pairs], [n for _, n in pairs]
