"""Noun phrases a sentence opens with: what it is about ("The Saudi economy boomed")
and the nouns a verb or a sum may name."""

from __future__ import annotations

from collections.abc import Sequence

from newsreel.entities.claims.numbers import _noun, _number_at, _past
from newsreel.entities.claims.words import (
    _ABOUT,
    _AUXILIARIES,
    _BE,
    _CHANGE,
    _CHANGE_WHAT,
    _DEMONSTRATIVES,
    _DETERMINERS,
    _HAVE,
    _INTRODUCED,
    _IS,
    _LEAD_WORDS,
    _LIKELY,
    _MOVED,
    _NO_TOPIC,
    _NOT_SAID_OF,
    _OBJECTS,
    _PARTICIPLES,
    _PLURAL_PEOPLE,
    _PREPOSITIONS,
    _RELATIVE_TIME,
    _STANDS,
    _TIME_UNITS,
    _TRAILING,
)
from newsreel.repair.clean import FILLERS, bare, caption_mark

_BEFORE_NOUN = _DETERMINERS | _DEMONSTRATIVES  # "the", "its", "these"


def topic(
    forms: Sequence[str],
    words: Sequence[str],
    s: int,
    e: int,
    *,
    changed: bool = True,
    plural: bool = False,
) -> str | None:
    """What a sentence is about, where it opens with a noun phrase and its verb: "The
    Saudi economy boomed" -> "Saudi economy", what a next sentence's "it" may be; with
    ``changed``, only a thing (one, not people: "The minister was asked" names no "it";
    with ``plural`` also things: "China emissions have fallen", a next "they")
    said to change ("boomed", "has grown", "was cut"; not "Russia has launched"); without,
    any verb of being ("The agreement was (at an estimated value of)")."""
    first = k = _phrase_start(words, s, e)
    while k < e and k - first < 5 and words[k] not in _CHANGE:
        if not (_named(words[k]) or (words[k] == "of" and k > first)):
            break
        if forms[k][-1:] in ".,?!;:":
            return None
        k += 1
    if k == first or k >= e or words[k - 1] == "of":
        return None
    head, verb = words[k - 1], words[k]
    nxt = words[k + 1] if k + 1 < e else ""
    being = verb in _BE or verb in _AUXILIARIES
    if changed and (
        head in _NO_TOPIC
        or (_plural(head) and not plural)
        or not (_changes(verb) or (being and _changes(nxt)))
    ):
        return None
    if not (being or verb in _CHANGE or _past(verb)):
        return None
    return " ".join(bare(forms[n]) for n in range(first, k))


def _plural(head: str) -> bool:
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


_IT = frozenset({"it", "it's"})
_THEY = frozenset({"they", "they've", "they're", "they'd"})


def referent(words: Sequence[str], s: int, j: int, about: str | None) -> str | None:
    """What the sentence before was ``about``, where the words from ``s`` to ``j`` are
    only a pronoun of its number ("(And) it grew", "They've fallen back", "So it can
    be"): "it" for one thing, "they" for things."""
    p = _phrase_start(words, s, j)
    if about is None or p != j - 1:
        return None
    many = _plural(about.split()[-1].casefold())
    return about if words[p] in (_THEY if many else _IT) else None


def _phrase_start(words: Sequence[str], s: int, e: int) -> int:
    """Where the noun phrase opening tokens ``s`` to ``e`` starts: past "And", "So", a
    filler and one article, possessive or demonstrative ("And the Saudi economy" ->
    "Saudi", "This figure" -> "figure")."""
    k = s
    while k < e and (words[k] in _LEAD_WORDS or words[k] in FILLERS):
        k += 1
    return k + (k < e and words[k] in _BEFORE_NOUN)


def _named(word: str) -> bool:
    """A noun of what a verb changed, possessive or not ("club's"), not an adverb."""
    word = word.removesuffix("'s").removesuffix("’s")
    return _noun(word) and not (word.endswith("ly") or _past(word) or word in _OBJECTS)


def opening(
    forms: Sequence[str], words: Sequence[str], s: int, j: int, *, comma: bool = False
) -> str | None:
    """The noun phrase a sentence opens with, where all before token ``j`` is that phrase
    and its prepositional phrases: "The total cash investments in MCFC by Sheikh Mansour
    since his takeover (stood)" -> "total cash investments in MCFC"; None where a verb,
    a pronoun or a comma comes first (with ``comma``, the phrase may end in one: "The
    prize money for contestants, (more than $15 million)")."""
    first = k = _phrase_start(words, s, j)
    for n in range(first, j):
        ends = comma and n == j - 1
        if (forms[n][-1:] in ".,?!;:" and not ends) or not (
            _named(words[n])
            or _acronym(forms[n])  # "US unemployment"
            or words[n] in _PREPOSITIONS
            or words[n] in _BEFORE_NOUN  # "the interest charge on these loans"
        ):
            return None
    while k < j and (_named(words[k]) or _acronym(forms[k])) and words[k] not in _PREPOSITIONS:
        k += 1
    if k == first:
        return None
    end = k
    if k < j and words[k] in _PREPOSITIONS:  # one prepositional phrase: "in MCFC"
        m = k + 1 + (k + 1 < j and words[k + 1] in _BEFORE_NOUN)
        tail = m
        while tail < j and _named(words[tail]):
            tail += 1
        if tail > m and tail - first <= 6 and (tail == j or words[tail] in _PREPOSITIONS):
            end = tail
    return " ".join(bare(forms[n]) for n in range(first, end))


def _acronym(form: str) -> bool:
    """Whether a token is an acronym in capitals ("US", "NHS"), which may be a stop word
    folded ("us")."""
    letters = bare(form)
    return len(letters) > 1 and letters.isalpha() and letters.isupper()


def _changes(verb: str) -> bool:
    """Whether a verb says a quantity changed: "rose", "boomed", "was cut"."""
    return verb in _CHANGE or verb in _CHANGE_WHAT or verb in _MOVED


def said_of(forms: Sequence[str], words: Sequence[str], s: int, i: int) -> str | None:
    """What a share or sum with no noun of its own is said of: the noun phrase its
    sentence opens with, before a verb that says where it stands ("China is now about
    32 33%" -> "China", "Inflation stands at 4%", "Turnout is expected to be around
    60%"), or, opened by an article, before a comma and the number ("The prize money for
    contestants, more than $15 million"). Not the speaker ("My understanding is"), a
    question or time word ("Why is it 20%?", "Last year, about 5%"), a passive ("The
    star was offered"), what a verb of being introduces ("The risk is that", "The aim
    is to"), nor across another number or comma ("Labour is on 40%, the Conservatives
    on 30%")."""
    while s < i and caption_mark(forms[s]):
        s += 1  # caption marks: ">> Inflation is now 4%", "[Music] The fee"
    first = _phrase_start(words, s, i)
    if first >= i or words[first] in _NOT_SAID_OF:
        return None
    for j in range(first + 1, i):
        if forms[j - 1][-1:] == ",":
            article = first > s and words[first - 1] in _DETERMINERS
            appositive = article and all(words[k] in _ABOUT for k in range(j, i))
            return opening(forms, words, s, j, comma=True) if appositive else None
        perfect = words[j] in _HAVE and j + 1 < i and words[j + 1] == "been"
        if words[j] not in _STANDS and not perfect:
            continue  # "had been 36 million": a verb of being too
        after = words[j + 1 + perfect] if j + 1 + perfect < i else ""
        passive = words[j] in _IS and (_past(after) or after in _PARTICIPLES)
        to_be = after in _LIKELY and words[j + 2 : j + 4] == ["to", "be"]
        if (passive and not to_be) or after in _INTRODUCED:
            return None  # "was offered", "is thought to have", "is that"; not "is expected to be"
        if any(
            (_number_at(words, k) and k < i - 1) or forms[k][-1:] in ",;:" for k in range(j + 1, i)
        ):
            return None  # "Labour is on 40%, the Conservatives on (30%)"; not "32 (33%)"
        return opening(forms, words, s, j)
    return None


def says_when(words: Sequence[str]) -> bool:
    """Whether words after a number say when, not what: "(rise to 5%) next year"."""
    if len(words) < 2 or words[0].lower() not in _RELATIVE_TIME:
        return False
    return words[1].lower() in _TIME_UNITS or words[1].lower() in _PARTS_OF_DAY


# "(at 7) last night", "this morning": a time, no subject
_PARTS_OF_DAY = frozenset("night morning evening afternoon weekend".split())


def untrailed(subject: str | None) -> str | None:
    """A subject without the words it was cut off after: "dollars into" is "dollars",
    "people crushed to death at" "people crushed to death", "titles in the last" "titles"
    (an unfinished phrase reads as a garble when cited)."""
    if subject is None:
        return None
    kept = subject.split()
    while len(kept) > 1:
        last = kept[-1].casefold().strip(".,?!;:")
        if last in _TRAILING or (last == "last" and kept[-2].casefold() == "the"):
            kept.pop()
        else:
            break
    return " ".join(kept)


def asked(forms: Sequence[str], words: Sequence[str], s: int, e: int) -> str | None:
    """What the last "how many" of tokens ``s`` to ``e`` asks the count of: the words
    after it up to a plural noun, three at most ("How many seats are available?" ->
    "seats", "how many other families" -> "other families", "how many people show up"
    -> "people"); nothing without one ("how many before Cristiano", "how much steel")."""
    for k in range(e - 2, s - 1, -1):
        if words[k] == "how" and words[k + 1] == "many":
            got = []
            for t in range(k + 2, min(e, k + 5)):
                if not _named(words[t]):
                    break
                got.append(bare(forms[t]))
                if _plural(words[t]) or words[t] in _PLURAL_PEOPLE:
                    return " ".join(got)
                if forms[t][-1:] in ".,?!;:":
                    break
            return None
    return None
