"""Mentions the NER model misses: curated spellings found as whole words anywhere.

Captions write "shim bit" and "mosad" in lower case, where a cased-text NER model sees
no entity; the curated alias file (aliases.toml, ``aliases`` lists only) and the listed
people's full names (names.toml) are matched over the token keys, longest phrase first.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import cache

from newsreel.entities.linking import alias_table, curated
from newsreel.entities.listed import NameList, people, untitled
from newsreel.entities.ner import Mention
from newsreel.entities.places import demonym, landmark, place
from newsreel.entities.spelling import key
from newsreel.repair.clean import bare
from newsreel.repair.document import ends_sentence
from newsreel.text import STOPWORDS

_LONGEST = 4  # the most words of an archive's own spelling looked up
_LONE = 6


@cache
def _anywhere() -> dict[str, tuple[str, str]]:
    """The curated spellings and listed full names matched anywhere (built once per
    process)."""
    table = {
        p.key: (p.name, "PER")
        for p in people().people
        if " " in p.key and not STOPWORDS & set(p.key.split())  # not "will grant"
    }
    table.update(alias_table(curated(), tagged=False))
    return table


@cache
def _curated_longest() -> int:
    """The most words of a curated spelling or listed full name ("court of arbitration
    for sport", "Tamim bin Hamad Al Thani")."""
    return max([_LONGEST, *(len(k.split()) for k in _anywhere())])


def find(
    tokens: Sequence[str],
    table: Mapping[str, tuple[str, str]] | None = None,
    longest: int | None = None,
) -> list[Mention]:
    """Curated spellings (or those of ``table``: spelling key -> (name, type)) in a token
    sequence (non-overlapping, longest first; of at most ``longest`` words, by default
    the longest curated spelling's, or four for another table)."""
    if longest is None:
        longest = _curated_longest() if table is None else _LONGEST
    table = _anywhere() if table is None else table
    if not table:
        return []
    keys = [key(t) for t in tokens]
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            phrase = " ".join(keys[i : i + size])
            if phrase in table and all(keys[i : i + size]):
                surface = " ".join(bare(t) for t in tokens[i : i + size])
                out.append(Mention(i, i + size, table[phrase][1], surface))
                i += size
                break
        else:
            i += 1
    return out


@cache
def _tagged() -> tuple[
    dict[str, tuple[str, str]], dict[str, tuple[str, str]], dict[str, tuple[str, str]]
]:
    """Every curated spelling, the spellings that count only when tagged (or written
    with a capital) and those that count in any case where the video names the entity."""
    every = alias_table(curated(), tagged=True)
    anywhere = alias_table(curated(), tagged=False)
    named = {k: (c.name, c.type) for c in curated() for k in c.when_named if k not in anywhere}
    tagged = {k: v for k, v in every.items() if k not in anywhere and k not in named}
    return every, tagged, named


def find_in_context(
    tokens: Sequence[str],
    found: Sequence[Mention],
    starts: Collection[int],
    titled: Collection[str] = (),
) -> list[Mention]:
    """Curated spellings of entities that ``found`` already names in this text: the
    video's own mention is the evidence the NER tag would have given. A when-tagged
    spelling ("Labor", "Arabia") counts capitalised ("Labour Party ... Labor leader"),
    not at a sentence start ("Ice is melting"); a when-named one ("cutter", "guitar" for
    Qatar) in any case, as captions hear a name said again and again, also where only
    the video's title names it (``titled``: ``named_in_title``)."""
    _, only_tagged, when_named = _tagged()
    named = _named_in(found)
    capitals = {k: v for k, v in only_tagged.items() if v[0] in named}
    anycase = {k: v for k, v in when_named.items() if v[0] in named or v[0] in titled}
    if not capitals and not anycase:
        return []
    taken = {i for m in found for i in range(m.start, m.end)}
    longest = _curated_longest()
    found_here = [
        m for m in find(tokens, capitals, longest) if m.text[:1].isupper() and m.start not in starts
    ] + find(tokens, anycase, longest)
    return sorted(
        (
            m
            for m in found_here
            if not any(i in taken for i in range(m.start, m.end)) and not _in_a_name(tokens, m)
        ),
        key=lambda m: m.start,
    )


def _named_in(found: Sequence[Mention]) -> set[str]:
    """The curated entities ``found`` names by a spelling other than a when-named one."""
    every, _, when_named = _tagged()
    return {every[k][0] for m in found if (k := key(m.text)) in every and k not in when_named}


def without_unnamed(found: Sequence[Mention], titled: Collection[str] = ()) -> list[Mention]:
    """``found`` less the when-named spellings ("guitar", "ufa") of entities neither the
    text nor the video's title (``titled``) names otherwise: the NER's tag alone is no
    evidence for those."""
    _, _, when_named = _tagged()
    named = _named_in(found) | set(titled)
    return [m for m in found if (k := key(m.text)) not in when_named or when_named[k][0] in named]


def named_in_title(title: str | None) -> frozenset[str]:
    """The curated entities a video's title names by a spelling other than a when-named
    one ("English Football Fans In Qatar ...": Qatar): a title is written by hand, so
    its name is evidence for the captions' "guitar" as the text's own mention would be."""
    if not title:
        return frozenset()
    table = _named_by()
    return frozenset(table[key(m.text)][0] for m in find(title.split(), table))


@cache
def _named_by() -> dict[str, tuple[str, str]]:
    """Every curated spelling but the when-named ones (built once per process)."""
    every, _, when_named = _tagged()
    return {k: v for k, v in every.items() if k not in when_named}


def _in_a_name(tokens: Sequence[str], m: Mention, beside: Collection[int] = ()) -> bool:
    """Whether a capitalised word or "of" + one stands next to ``m``: part of a longer
    name ("Latin America", "Labor Day", "Bank of America", "Department of Labor"); a
    word at a position in ``beside`` (another person's name) does not count."""
    at = m.start - 1
    if at > 0 and tokens[at] == "of":
        at -= 1
    before = tokens[at] if at >= 0 and at not in beside and tokens[at][-1:].isalnum() else ""
    after = (
        tokens[m.end]
        if m.end < len(tokens) and m.end not in beside and tokens[m.end - 1][-1:].isalnum()
        else ""
    )
    return before[:1].isupper() or after[:1].isupper()


# words before a thing, never before a person called by first name: "the West", "in Kingdom"
_NOT_BEFORE_A_NAME = frozenset("the a an this that these those of in from at".split())


def find_lone_names(
    tokens: Sequence[str], found: Sequence[Mention], ordinary: Collection[str]
) -> list[Mention]:
    """A person of the video named by one name alone, as anchors thank a guest ("Thank
    you for your insight there. Isabelle.") or talk on about someone ("Steve Wickoff
    and Jared Kushner. Wickoff, in particular"): a capitalised word that is the first
    name or the surname of one full name among the video's person mentions, no ordinary
    word of the archive ("Will", "Mark"), no place ("Windsor"), nothing after an article
    or "of" ("the West"), no acronym, of four letters or more, in no other mention and
    no longer capitalised name (a person's name beside it may be: a list said without
    commas)."""
    fulls: dict[str, set[str]] = {}
    for m in found:
        words = untitled(key(m.text)).split()
        if m.type == "PER" and len(words) > 1:
            for part in {words[0], words[-1]}:
                fulls.setdefault(part, set()).add(" ".join(words))
    if not fulls:
        return []
    taken = {i for m in found for i in range(m.start, m.end)}
    people = {i for m in found if m.type == "PER" for i in range(m.start, m.end)}
    out = []
    for i, token in enumerate(tokens):
        word = bare(token)
        k = key(word)
        if (
            i in taken
            or not word[:1].isupper()
            or word.isupper()  # "PGA": an acronym
            or len(k) < 4  # "Ben", "Pep": too short to join the full name (linking)
            or len(fulls.get(k, ())) != 1
            or k in ordinary
            or k in STOPWORDS
            or place(k, "LOC") is not None  # "Windsor"
            or demonym(k)
            or (i > 0 and bare(tokens[i - 1]).casefold() in _NOT_BEFORE_A_NAME)  # "the West"
        ):
            continue
        m = Mention(i, i + 1, "PER", word)
        if not _in_a_name(tokens, m, people):
            out.append(m)
    return out


_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "mister"})


def find_titled(tokens: Sequence[str]) -> list[Mention]:
    """The capitalised word after "Mr."/"Mrs."/"Ms."/"Dr." (a person heard by surname:
    "Mr. Mandlesson", "Mr. Pretty's"), where the NER may have seen none."""
    out = []
    for i in range(len(tokens) - 1):
        word = bare(tokens[i + 1])
        if (
            tokens[i].rstrip(".").casefold() in _HONORIFICS
            and word[:1].isupper()
            and key(word) not in STOPWORDS
        ):
            out.append(Mention(i + 1, i + 2, "PER", word))
    return out


@cache
def _written() -> dict[str, tuple[str, str]]:
    """Curated spellings that count exactly as written ("US", never "us")."""
    return {w: (c.name, c.type) for c in curated() for w in c.as_written}


def find_written(tokens: Sequence[str]) -> list[Mention]:
    """Tokens written exactly as a curated ``as_written`` spelling ("US", "U.S."): the
    capitals are the repair's or the captions' evidence that "us" is the country."""
    table = _written()
    return [
        Mention(i, i + 1, table[b][1], b) for i, t in enumerate(tokens) if (b := bare(t)) in table
    ]


def find_people(
    tokens: Sequence[str], starts: Collection[int], common: Collection[str], names: NameList
) -> list[Mention]:
    """Listed people heard by sound (names.toml, entities/listed.py) where the NER found
    no person: two capitalised words in one sentence ("Kia, Starmmer"), or one capitalised
    word of six letters or more that starts no sentence and is not a common word of the
    archive ("If Starmmer stays")."""
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        words = [bare(t) for t in tokens[i : i + 2]]
        if not words[0][:1].isupper():
            if _lower_pair(tokens, i, words, common, names):
                out.append(Mention(i, i + 2, "PER", " ".join(words)))
                i += 2
            else:
                i += 1
            continue
        pair = (
            len(words) == 2
            and words[1][:1].isupper()
            and (i + 1) not in starts
            and not ends_sentence(tokens[i])
        )
        if (pair or _initial_pair(tokens, i, words)) and _match(
            names, key(" ".join(words))
        ) is not None:
            out.append(Mention(i, i + 2, "PER", " ".join(words)))
            i += 2
            continue
        k = key(words[0])
        if (
            i not in starts
            and len(k) >= _LONE
            and k not in common
            and " " not in k
            and _match(names, k) is not None
        ):
            out.append(Mention(i, i + 1, "PER", words[0]))
        i += 1
    return out


def _initial_pair(tokens: Sequence[str], i: int, words: list[str]) -> bool:
    """An initial and a lower-case word of four letters or more, no mark between them
    ("K star" is Keir Starmer, as "K Star" is; not "A star" or "I think")."""
    return (
        len(words) == 2
        and len(words[0]) == 1
        and words[0] not in ("A", "I")
        and words[1][:1].islower()
        and len(words[1]) >= 4
        and key(words[1]) not in STOPWORDS
        and not ends_sentence(tokens[i])
        and not tokens[i].endswith(",")
    )


def _lower_pair(
    tokens: Sequence[str], i: int, words: list[str], common: Collection[str], names: NameList
) -> bool:
    """A listed person heard in lower case ("brooks kepka" is Brooks Koepka): the first
    word is exactly that person's first name, neither a common word of the archive nor a
    stopword ("will", "mark"), the second sounds like the surname and is no stopword or
    common word ("eddie how"), and no mark stands between them."""
    if len(words) < 2 or not words[1][:1].islower() or ends_sentence(tokens[i]):
        return False
    first, second = key(words[0]), key(words[1])
    if (
        len(first) < 4
        or first in common
        or first in STOPWORDS
        or second in common
        or second in STOPWORDS
        or not names.first_name(first)
    ):
        return False
    name = _match(names, f"{first} {second}")  # not a place, street or nationality
    return name is not None and key(name).split()[0] == first


def _match(names: NameList, k: str) -> str | None:
    """The listed person a key names, if any, unless the key is a known place ("Austin"),
    a street or building ("Wall Street") or a nationality ("Syrian")."""
    if place(k, "LOC") is not None or demonym(k):
        return None
    if landmark(k) and not names.first_name(k.split()[0]):
        return None  # "Wall Street"; "Wes Street" may be Wes Streeting
    person = names.match(k)
    return person.name if person is not None else None


def merge(tagged: Sequence[Mention], curated_found: Sequence[Mention]) -> list[Mention]:
    """Curated spellings (precise by construction) plus the NER mentions that overlap
    none of them, in text order."""
    taken = {i for m in curated_found for i in range(m.start, m.end)}
    kept = [m for m in tagged if not any(i in taken for i in range(m.start, m.end))]
    return sorted([*curated_found, *kept], key=lambda m: m.start)
