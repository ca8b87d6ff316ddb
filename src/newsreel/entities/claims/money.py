"""What a sum of money is for or goes with: named before it ("a net worth of"), paid
with it ("Robinho was signed for"), or said after it ("has been spent on new players")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsreel.entities.claims.numbers import _noun, _number_at, _past, _words_back
from newsreel.entities.claims.phrases import topic
from newsreel.entities.claims.source_words import _SAY, ly_adverb
from newsreel.entities.claims.words import (
    _ABOUT,
    _AFTER_CURRENCY,
    _ARTICLES,
    _BE,
    _COSTS,
    _CURRENCY,
    _DETERMINERS,
    _DIGITS,
    _HAS_WORTH,
    _HEARSAY,
    _LEAD_ADVERBS,
    _LINKS,
    _MONEY_FOR,
    _MONEY_NOUNS,
    _MONEY_VERBS,
    _NO_PURPOSE,
    _OBJECTS,
    _PAID,
    _PREPOSITIONS,
    _RATE,
    _SCALE,
    _SUM_WORDS,
    _TIME_UNITS,
    _TIMELY,
    _VACUOUS,
    _VALUED,
    _WHEN,
    _WORDS,
    _YEAR,
)
from newsreel.entities.places import demonym, place
from newsreel.entities.spelling import key
from newsreel.repair.clean import FILLERS, bare


def _money_before(forms: Sequence[str], words: Sequence[str], s: int, i: int) -> str | None:
    """What a sum is for, named before it: "an estimated net worth of at least $2.5
    billion", "a new home in London worth more than 313 million dollars", "supercars
    that cost more than two billion dollars", "a net worth of a whopping sum of $17
    billion"; what has the worth: "All his cars have an estimated worth of", "Blue is
    worth over", "a Porsche, which is valued at"."""
    j, valued = _cost_before(forms, words, s, i)
    if valued is not None:
        return valued  # "valuing the club at an astonishing 3 billion dollars"
    if j < s or words[j] not in _COSTS:
        return None
    link = j
    k, verbal = _before_cost(words, s, link)
    if words[link] in ("valued", "priced") and k >= s and forms[k].endswith(","):
        out, start = _payee(forms, words, s, k, own_comma=True)
        governed = start > s and words[start - 1] in _NOT_VALUED
        return None if governed else " ".join(out) or None  # "a sovereign wealth fund of
        # Saudi Arabia, valued at"; not "The painting by Picasso, valued at", "on Sunday night,"
    if (said_of := _before_which(forms, words, s, k)) is not None:
        return said_of  # "the recent heavyweight rematch between A and B, which cost"
    out, first = _payee(forms, words, s, k)
    if out and out[-1].casefold() in _VACUOUS:
        k = first - 1  # "a whopping sum of": what the sum is, before it
        while k >= s and words[k] in _DETERMINERS:
            k -= 1
        if out[-1].casefold() in _VALUED and (owner := _valued_at(forms, words, s, k)):
            return owner  # "The agreement was for 10 years at an estimated value of"
        if k < s or words[k] not in _COSTS:
            return None  # "to the tune of £500 million"
        link = k
        out, first = _payee(forms, words, s, link - 1)
    if not out or [w.casefold() for w in out] == ["worth"]:
        owner = _owner(forms, words, s, first - 1)
        if owner:
            return owner
    if (
        words[link] == "cost"
        and not verbal
        and (not out or (first - 1 >= s and words[first - 1] in _DETERMINERS))
    ):
        out.append(bare(forms[link]))  # "The cost nearly 10 million", "an annual cost of"
    return " ".join(out) if out else None


def _cost_before(
    forms: Sequence[str], words: Sequence[str], s: int, i: int
) -> tuple[int, str | None]:
    """The token before the sum at ``i`` past its "about" words, the range's first end
    and "an estimated" ("a net worth of (at least)", "cost (close to 25 to)"), where a
    worth word may stand; or what a valuation before it names ("valuing the club at")."""
    j = i - 1
    while j >= s and (
        words[j] in _ABOUT
        or (words[j] == "or" and j > s)
        or _DIGITS.match(words[j])  # "close to 25 to 50 million": the range's first end
        or words[j] in _WORDS
        or words[j] in _REPORTED
        or words[j] in _RANGE_WORDS  # "worth (something) between 3 and 4 billion"
        or (words[j] == "and" and j > s and _a_number(words[j - 1]))
    ):
        if words[j] == "at" and (valued := _valued_object(forms, words, s, j)):
            return j, valued
        j -= 1
    if j - 1 >= s and words[j] == "at" and words[j - 1] in ("valued", "priced"):
        j -= 1
    return j, None


_RANGE_WORDS = frozenset({"between", "something", "somewhere", "like", *_SCALE})


def _a_number(word: str) -> bool:
    """Whether a word is a number said in digits or words, or its scale ("3", "three",
    "billion")."""
    return bool(_DIGITS.match(word)) or word in _WORDS or word in _SCALE


_VALUING = frozenset("valuing valued values value".split())


def _valued_object(forms: Sequence[str], words: Sequence[str], s: int, at: int) -> str | None:
    """What a valuation puts a sum on, named between its verb and "at" (token ``at``):
    "valuing the club at" -> "club", "which valued the company at" -> "company"."""
    for v in range(at - 1, max(s - 1, at - 5), -1):
        if words[v] in _VALUING:
            break
        if forms[v][-1:] in ".,?!;:" or not (_noun(words[v]) or words[v] in _DETERMINERS):
            return None
    else:
        return None
    out = [bare(forms[t]) for t in range(v + 1, at) if words[t] not in _DETERMINERS]
    return " ".join(out) or None


def _before_cost(words: Sequence[str], s: int, link: int) -> tuple[int, bool]:
    """The token before the worth word at ``link`` and its hearsay ("which reportedly
    cost", "said to be worth"); whether "cost" is a verb there ("The plan will cost",
    "the first squad to cost")."""
    k = link - 1
    while k > s and (words[k] in _HEARSAY or words[k - 2 : k + 1] == _SAID_TO_BE):
        k -= 1 if words[k] in _HEARSAY else 3
    verb = k
    while k > s and words[link] == "cost" and words[k] in _WILL:
        k -= 1
    if k != verb and (not _noun(words[k]) or words[k] in _NOT_COSTING or _past(words[k])):
        return verb, False  # "going to cost", "likely to cost", "It will cost": as before
    return k, k != verb


def _money_noun_before(forms: Sequence[str], words: Sequence[str], s: int, i: int) -> str | None:
    """What a sum is, named by a money noun just before it when nothing else says, with
    only "about" words, prepositions, "is"/"was" or an article between: "a combined
    market value over 112 million euros" -> "market value", "clubs losses 245 million
    euros" -> "clubs losses", "His salary is 20 million euros"; not across a comma or
    any other word ("The price cap stands at", "Saudi clubs offer around")."""
    k = i - 1
    while (
        k >= s
        and forms[k][-1:] not in ".,?!;:"
        and (
            words[k] in _ABOUT
            or words[k] in _PREPOSITIONS
            or words[k] in _BE
            or words[k] in _DETERMINERS
            or words[k] in _SUM_WORDS
        )
    ):
        k -= 1
    if k < s or words[k] not in _MONEY_NOUNS or forms[k][-1:] in ".,?!;:":
        return None
    head = k
    out, _ = _words_back(forms, s, head, 3, lambda m: m < head and not _modifier(words[m]))
    return " ".join(out)


def _modifier(word: str) -> bool:
    """Whether a word before a money noun may belong to its phrase ("market value",
    "clubs losses"; not "of", not "restricted", not "while")."""
    return _noun(word) and not _past(word) and word not in _PREPOSITIONS | _NO_PURPOSE | _CLAUSE


def _valued_at(forms: Sequence[str], words: Sequence[str], s: int, k: int) -> str | None:
    """What the sentence opens with, where a value ending at token ``k`` is "at" one:
    "The agreement was for 10 years at an estimated (value of)" -> "agreement"."""
    while k >= s and (words[k] in _SUM_WORDS or words[k] in _DETERMINERS):
        k -= 1
    return topic(forms, words, s, k, changed=False) if k >= s and words[k] == "at" else None


def _purpose_after(
    forms: Sequence[str], words: Sequence[str], j: int, e: int, *, adjectival: bool
) -> str | None:
    """What a sum is for, said after it (``j``: the token after the sum and its currency):
    "has been spent on new players", "(euros) improving the stadium", "(euros) per year
    shirt sponsorship deal", "(a 400 million pound) deal" (``adjectival``: a singular
    currency word, or a sum after an article); None where a time, a preposition, a
    connective or anything else follows ("euros last year", "pounds according to")."""
    first = j
    while j < e:
        if (rated := _rate_end(words, j, e)) > j:
            j = rated  # "per year", "a year", "annually"
        elif words[j].endswith("ly") and j + 1 < e and words[j + 1].endswith("ing"):
            j += 1  # "directly investing"
        elif adjectival and words[j] == "plus":
            j += 1  # "a 300 million pound plus takeover"
        else:
            break
    k = j
    while k < e and (words[k] in _BE or words[k] in _MODAL or ly_adverb(words[k])):
        k += 1
    if k < e and words[k] in _MONEY_VERBS and (k > j or forms[k - 1][-1:] not in ".,?!;:"):
        return _words_on(forms, words, k, e, 5)  # "was spent on transfers"
    if (
        k + 2 < e
        and words[k] in _GO
        and words[k + 1] in _GOES
        and not any(f[-1:] in ".,?!;:" for f in forms[j - 1 : k])  # not "dollars, will go"
        and _number_at(words, k + 2) is None  # "could go to 60 dollars": a price, no place
        and forms[k + 2][:1] not in "$£€"
    ):
        return _words_on(forms, words, k, e, 5)  # "(20 pounds) actually go to charity"
    if j + 2 < e and words[j] == "worth" and words[j + 1] == "of" and forms[j - 1][-1:].isalnum():
        return _words_on(forms, words, j, e, 6)  # "(pounds) worth of equipment"
    if (
        j != k
        or j >= e
        or forms[j - 1][-1:] in ".,?!;:"
        or len(words[j]) < 2  # "250 quid a week u um"; not "a TV deal"
        or words[j] in FILLERS
        or not _noun(words[j])
        or words[j] in _NO_PURPOSE
    ):
        return None
    if words[j].endswith("ing") and len(words[j]) > 5:
        return _words_on(forms, words, j, e, 4)  # "improving the stadium"
    if (j > first or adjectival) and not (_past(words[j]) or words[j].endswith("ly")):
        return _words_on(forms, words, j, e, 4, nouns=True)  # "shirt sponsorship deal"
    return None


# verbs a sum goes with to where it goes: "400 million dollars went for a stake"
_GO = frozenset("go goes went going gone".split())
_MODAL = frozenset("will would could may might should can".split())  # "will go to golf"


# words before a noun phrase that is not what a valuation after it is of: "The painting
# by Picasso, valued at", "the jewels on Sunday night, valued at" ("into Nvidia" is)
_NOT_VALUED = frozenset("by on at during after before since until".split())


def _rate_end(words: Sequence[str], j: int, e: int) -> int:
    """The token after a rate that starts at ``j`` ("per year", "a week", "annually"),
    else ``j``."""
    if j < e and words[j] == "annually":
        return j + 1
    if j + 1 < e and words[j] in _RATE and words[j + 1] in _TIME_UNITS:
        return j + 2
    return j


def _before_sum(words: Sequence[str], s: int, i: int) -> int:
    """The token before the sum at ``i`` and its "about"/"an estimated" words (also a
    hyphened adjective after "a": "for a head-spinning 222 million euros")."""
    j = i - 1
    while j >= s and (
        words[j] in _ABOUT
        or words[j] in _SUM_WORDS
        or ("-" in words[j] and j > s and words[j - 1] in ("a", "an"))
        or words[j] == "between"  # "spent approximately between"
        or _in_as_much_as(words, s, j)
    ):
        j -= 1
    return j


_AS_MUCH_AS = ["as", "much", "as"]


def _in_as_much_as(words: Sequence[str], s: int, j: int) -> bool:
    """Whether token ``j`` is a word of "as much as" ("spent as much as 300 billion")."""
    return any(words[k : k + 3] == _AS_MUCH_AS for k in range(max(s, j - 2), j + 1))


def paid_bare(words: Sequence[str], s: int, i: int) -> bool:
    """Whether the number at token ``i`` follows a verb that only money goes with."""
    j = _before_sum(words, s, i)
    return j >= s and words[j] in _PAID


def _paid_for(words: Sequence[str], s: int, i: int) -> bool:
    """Whether the sum at token ``i`` follows "for": "bought a stake for £91 million"."""
    j = _before_sum(words, s, i)
    return j >= s and words[j] == "for"


def _words_on(
    forms: Sequence[str], words: Sequence[str], j: int, e: int, most: int, *, nouns: bool = False
) -> str | None:
    """Up to ``most`` words from token ``j`` to the sentence's end ``e``, stopping before a
    stop word (a preposition or an article may go on a verb phrase: "spent on the
    players") or after a comma; with ``nouns``, only nouns."""
    out: list[str] = []
    for k in range(j, min(e, j + most)):
        w = words[k]
        linking = not nouns and k > j and (w in _LINKS or w in _DETERMINERS)
        if k > j and not linking and not _noun(w):
            break
        if nouns and (_past(w) or w.endswith("ing") or _number_at(words, k)):
            break
        out.append(bare(forms[k]))
        if forms[k][-1:] in ".,?!;:":
            break
    while out and (out[-1].casefold() in _LINKS or out[-1].casefold() in _DETERMINERS):
        out.pop()
    return " ".join(out) or None


def _after_rate(subject: str) -> str | None:
    """What a sum is for after how often it is paid: "a year for the tuition" -> "for the
    tuition", "a month in London on rent" -> "on rent" (where it is paid, a place of the
    gazetteer, is no purpose); "a year" -> None."""
    words = subject.split()
    while words and (words[0].casefold() in _AFTER_CURRENCY or words[0].casefold() in _TIMELY):
        words.pop(0)
    if words[:1] == ["in"] and words[1:2] and place(key(words[1]), "LOC") is not None:
        words = words[2:]  # "£1,500 a month in London": where, not what for
    return " ".join(words) if words and words[0].casefold() in _MONEY_FOR else None


def _untimed(subject: str) -> str:
    """A sum's subject without when or how often: "dollars since 2017" -> "dollars",
    "euros per year" -> "euros", "pound profit last season" -> "pound profit"."""
    words = subject.split()
    k = next(
        (
            n
            for n, w in enumerate(words)
            if n and (w.casefold() in _AFTER_CURRENCY or _YEAR.match(w) or w.casefold() in _TIMELY)
        ),
        len(words),
    )
    kept = words[:k]
    while len(kept) > 1 and kept[-1].casefold() in _WHEN:
        kept.pop()  # "dollars in 1973"
    return " ".join(kept)


def _money_verb(forms: Sequence[str], words: Sequence[str], s: int, i: int) -> str | None:
    """What a sum goes with, said before it: "Robinho was signed for £32 million" ->
    "Robinho was signed", "they have spent 2.2 billion dollars" -> "spent", "settled a
    civil lawsuit for an estimated 12 million" -> "civil lawsuit"."""
    j = _before_sum(words, s, i)
    if j >= s and words[j] == "for":
        k = j - 1
        if k > s and _YEAR.match(words[k]) and words[k - 1] in _WHEN:
            k -= 2  # "a stake in Ferrari in 2005 for"
        out, _ = _payee(forms, words, s, k)
        last = out[-1].casefold() if out else ""
        if out and not (_past(last) or last.endswith("ing") or last in _MONEY_VERBS):
            return " ".join(out)  # "a civil lawsuit for"
        j -= 1
    end = j
    if j > s and words[j - 1] in _MONEY_VERBS and (words[j] in _OBJECTS or forms[j][:1].isupper()):
        j -= 1  # "pay PSG 80 million euros", "paid him"
    elif j > s and words[j] in _PAID_PARTICLES and words[j - 1] in _PAID_OUT:
        return f"{bare(forms[j - 1])} {bare(forms[j])}"  # "paid out", "shelled out"
    if j < s or not (words[j] in _MONEY_VERBS or _given(words, s, j)):
        return None
    if end > j:
        return " ".join(bare(forms[t]) for t in range(j, end + 1))
    k = j - 1
    while k >= s and words[k] in _BE:
        k -= 1
    nouns, first = _payee(forms, words, s, k)  # "Robinho was signed", "The fund raised"
    if any(w.endswith(("ing", "ly")) or w in _LEAD_ADVERBS for w in map(str.casefold, nouns)):
        first = j  # "having already spent", "Jack Warner allegedly received": the verb
    return " ".join(bare(forms[t]) for t in range(first if nouns else j, j + 1))


def _given(words: Sequence[str], s: int, j: int) -> bool:
    """Whether token ``j`` is "given" as a passive's verb ("Peter Mandelson was given
    £50,000"); not the "given" of "given that", said after a sum."""
    return words[j] == "given" and j > s and words[j - 1] in _BE


_AMONG = frozenset("between among against".split())  # ends the phrase as a preposition does
# prepositions before an object that a relative clause after it is seldom said of
_BEFORE_OBJECT = _AMONG | frozenset("to during off through under about across".split())


def _before_which(forms: Sequence[str], words: Sequence[str], s: int, k: int) -> str | None:
    """What a relative clause opened at token ``k`` (", which", ", that") is said of
    (``_determined_before``), if it opens one there."""
    if k > s and words[k] in ("which", "that") and forms[k - 1].endswith(","):
        return _determined_before(forms, words, s, k - 1)
    return None


def _determined_before(forms: Sequence[str], words: Sequence[str], s: int, j: int) -> str | None:
    """The nouns after the last determiner of the clause that ends at token ``j``, what a
    relative clause after it is said of: "the recent heavyweight rematch between Anthony
    Joshua and Alexander Usick(, which cost)" -> "recent heavyweight rematch"."""
    k = j
    while k >= s and words[k] not in _DETERMINERS and (k == j or forms[k][-1:] not in ".,?!;:"):
        k -= 1
    if k < s or words[k] not in _DETERMINERS:
        return None
    if k > s and (words[k - 1] in _PREPOSITIONS or words[k - 1] in _BEFORE_OBJECT):
        return None  # "bought the stadium from the council, which cost": not the council's
    got: list[str] = []
    for word, form in zip(words[k + 1 : j + 1], forms[k + 1 : j + 1], strict=True):
        if not _noun(word) or _past(word) or word in _PREPOSITIONS or word in _AMONG:
            break
        got.append(bare(form))
        if form[-1:] in ".,?!;:":
            break
    return " ".join(got) or None


def _payee(
    forms: Sequence[str], words: Sequence[str], s: int, j: int, *, own_comma: bool = False
) -> tuple[list[str], int]:
    """The noun phrase that ends at token ``j`` (after "that"/"which") and where it starts
    (with ``own_comma``, its last word may end in a comma: "a fund of Saudi Arabia,")."""
    if j >= s and words[j] in ("that", "which"):
        j -= 1

    def stop(k: int) -> bool:  # not "Police seized drugs valued at £1 million"
        named = k > s and forms[k][:1].isupper() and words[k] in _WORDS  # "Formula One"
        return (not (_noun(words[k]) or named) and words[k] not in ("in", "of")) or _past(words[k])

    out, first = _words_back(forms, s, j, 5, stop, own_comma=own_comma)
    while out and out[0].casefold() in ("in", "of"):
        out.pop(0)
        first += 1
    return out, first


def _owner(forms: Sequence[str], words: Sequence[str], s: int, j: int) -> str | None:
    """What has the worth, before the verb that ends at token ``j``: "All his cars (have
    an estimated)", "a Porsche 911 GT, (which is)"."""
    skipped = j
    while j >= s and words[j] in _HAS_WORTH:
        j -= 1
    if j == skipped:
        return None
    out, first = _words_back(
        forms, s, j, 4, lambda k: not _noun(words[k]) or _past(words[k]), own_comma=True
    )  # the phrase's own last word may end in a comma: "a Porsche, which"
    if first > s and words[first - 1] in _PREPOSITIONS:  # an object: what governs it
        out, _ = _words_back(  # owns ("The contract with Adidas is worth" -> contract;
            forms, s, first - 2, 4, lambda k: not _noun(words[k]) or _past(words[k])
        )  # "the deal they signed with Fun88 last year is worth": none)
    return " ".join(out) or None


_SAID_TO_BE = ["said", "to", "be"]
# between what costs and "cost": "The plan will cost", "the first squad to cost"
_WILL = frozenset("to will would could may might should can does did".split())
# words before "to cost" that name nothing that costs, though nouns by their form:
# "going to cost", "set to cost" (pronouns and "have" are no nouns already)
_NOT_COSTING = frozenset("going likely unlikely due set able bound used ought".split())

# hearsay between a worth and its sum: "worth a reported 305 billion pounds"
_REPORTED = frozenset(
    "reported estimated whopping staggering astonishing massive hefty princely mere".split()
)

_CURRENCY_SIGNS = {"$": "dollars", "£": "pounds", "€": "euros"}


def currency_of(forms: Sequence[str], i: int, after: int) -> str | None:
    """The currency a sum is in, for a sum whose purpose goes unsaid ("£5,000" ->
    "pounds", "9 grand" -> "grand"), as the claims golds name it."""
    if forms[i][:1] in _CURRENCY_SIGNS:
        return _CURRENCY_SIGNS[forms[i][:1]]
    return "grand" if any(bare(f).lower() == "grand" for f in forms[i:after]) else None


def sign_said_again(forms: Sequence[str], words: Sequence[str], i: int, after: int, e: int) -> bool:
    """Whether the word after a sum names the currency its sign gave: "$75,000 dollars"
    (the subject is what follows, not "dollars")."""
    named = _CURRENCY_SIGNS.get(forms[i][:1])
    return named is not None and after < e and words[after] in (named, named[:-1])


def _whose_currency(forms: Sequence[str], words: Sequence[str], i: int, after: int, e: int) -> bool:
    """Whether the word after a number says whose its currency is: "18 billion U.S
    dollars", "$16 million US has been paid", "10 Qatari riyals", "5 Saudi riyals"."""
    if words[after : after + 1] in (["us"], ["u.s"]):
        return forms[i][:1] == "$" or (after + 1 < e and words[after + 1] in _CURRENCY)
    return (
        after + 1 < e
        and words[after + 1] in _CURRENCY
        and (demonym(words[after]) or words[after] == "saudi")
    )


def money_noun_near(
    forms: Sequence[str], words: Sequence[str], s: int, i: int, *, money: bool = True
) -> str | None:
    """What a sum (``money``) or share is, where nothing closer says: the nearest money
    noun before it in its clause, with its modifiers and a short "for"/"of" phrase ("The
    prize money for contestants more than $15 million" -> "prize money for contestants",
    "their match day revenue swell around 5 times to 100 million euros" -> "match day
    revenue", "Newcastle spending has increased going up 234 percent"); "money" and
    "cost" only for a sum ("the cost of living crisis, with prices up 11%"). Not across
    another sum or number ("a fee of 5 million, and 20 million euros"), a clause word
    ("the wage bill fell while 20 million euros"), a word of saying ("the price hike as
    the club announced a record 50 million pounds") or more than twelve words."""
    return _noun_near(forms, words, s, i, _MONEY_NOUNS | _MONEY_ALSO if money else _MONEY_NOUNS)


def verb_purpose(forms: Sequence[str], words: Sequence[str], paid: str, after: int, e: int) -> str:
    """A money verb said before a bare sum, with where the sum went when that is said
    after it: "(it's) invested 933 million in a housing complex" -> "invested in a
    housing complex", "After paying 391 million for majority stake" -> "paying for
    majority stake"; ``paid`` as it is otherwise ("Robinho was signed", "civil lawsuit")."""
    said = paid.split()
    if len(said) > 1 and said[-1].casefold() in _OBJECTS and said[-2].casefold() in _MONEY_VERBS:
        said = said[:-1]  # "paying him 150 million pounds for a campaign": what for
    if not said or said[-1].casefold() not in _MONEY_VERBS:
        return paid
    purpose = spent_on(forms, words, after, e, into=_GOES | {"in"})
    if purpose is None or purpose.casefold().split()[1:] in _WHOLE:
        return paid  # "paid 5 million in total", "cost around 45,000 in the end"
    to = purpose.split()[:2]
    if to[0] == "to" and to[1] not in _ARTICLES and to[1][:1].islower():
        return paid  # "to even the score": no one paid; "to a recruitment agency", "to Qatar"
    if len(said) > 1 and said[0].casefold() in _WHEN_VERBED:
        said = said[1:]
    return " ".join([*said, purpose])


# a money verb's particle before the sum: "paid out half a million dollars"
_PAID_PARTICLES = frozenset("out back off".split())
_PAID_OUT = _MONEY_VERBS | frozenset("shelled shell shells forked fork forks splashed".split())

# what opens a clause before a money verb, left out of the subject: "After paying"
_WHEN_VERBED = frozenset("after before while when by having".split())
_WHOLE = (["total"], ["all"], ["the", "end"])  # not "for all the players"


def spent_on(
    forms: Sequence[str],
    words: Sequence[str],
    after: int,
    e: int,
    *,
    into: frozenset[str] | None = None,
) -> str | None:
    """Where a sum goes, said after its currency, for a sum nothing before names: "a
    five hundred million dollars into this organization", "£500 under the threshold",
    "£10,000 that I paid in my loan" -> "paid in my loan"; not a time ("$12 in 1988",
    "euros for the first time") or how often ("a week"). ``into``: the prepositions
    that may say where it goes (by default not "in", which after a currency mostly says
    when or how)."""
    j = after + 1 if after < e and words[after] in _CURRENCY else after
    j = _rate_end(words, j, e)
    if j >= e or j == 0 or forms[j - 1][-1:] in ".,?!;:":
        return None
    if words[j] in ("that", "which") and j + 2 < e:
        return _paid_in(forms, words, j + 1, e)
    if words[j] in _PAYER_OPENS:
        return _paid_by(forms, words, j, e)
    if not _goes_to(forms, words, j, e, into or _GOES):
        return None
    nxt = j + 1
    while nxt < e and (
        words[nxt] in _DETERMINERS or words[nxt] in _POINTERS or _SPAN.match(words[nxt])
    ):
        nxt += 1  # "for a 10-year campaign"
    if nxt >= e or not _noun(words[nxt]) or words[nxt] in _WHEN_NOUNS or _YEAR.match(words[nxt]):
        return None  # "in 1988", "for the first time", "over three years"
    out = [bare(forms[j])]
    for k in range(j + 1, min(e, j + 5)):
        if not (
            words[k] in _DETERMINERS
            or words[k] in _POINTERS
            or _noun(words[k])
            or _SPAN.match(words[k])
        ):
            break
        timely = words[k] in ("last", "next", "every", "each", "this")
        if words[k] in _WHEN_NOUNS or (
            timely and words[k + 1 : k + 2] and words[k + 1] in _WHEN_NOUNS
        ):
            break  # "into this organization last year"; not "for every teacher"
        out.append(bare(forms[k]))
        if forms[k][-1:] in ".,?!;:":
            break
    while out and not _noun(out[-1].casefold()):
        out.pop()
    return " ".join(out) if len(out) > 1 else None


_SPAN = re.compile(r"^\d+-[a-z]+$")  # "10-year": a number bound to its noun, a modifier


def _goes_to(
    forms: Sequence[str], words: Sequence[str], j: int, e: int, into: frozenset[str]
) -> bool:
    """Whether token ``j`` is a preposition of ``into`` that may say where a sum goes:
    "in" only before "a"/"an" or a name ("in a housing complex", "in Newcastle"; not "in
    recent years"), and none before whom it went to ("paid 50 million for him")."""
    if words[j] not in into or j + 1 >= e or words[j + 1] in _OBJECTS:
        return False
    return words[j] != "in" or words[j + 1] in ("a", "an") or forms[j + 1][:1].isupper()


def _paid_in(forms: Sequence[str], words: Sequence[str], k: int, e: int) -> str | None:
    """The verb phrase of a relative clause after a sum, from token ``k`` past "that":
    "(£10,000 that) I paid in my loan" -> "paid in my loan"."""
    while k < e and (words[k] in _SUBJECT_PRONOUNS or forms[k][:1].isupper()):
        k += 1
    while k < e and words[k] in _BE:
        k += 1
    if k < e and (_past(words[k]) or words[k] in _MONEY_VERBS or words[k].endswith("ing")):
        return _words_on(forms, words, k, e, 5)
    return None


def _paid_by(forms: Sequence[str], words: Sequence[str], j: int, e: int) -> str | None:
    """Who paid a sum, in a relative clause with no "that" after it, from token ``j``:
    "(the 60 million dollars) the country paid" -> "country paid"; a determiner, one to
    three nouns, then a money verb in the past."""
    k = j + 1
    while k < e and k <= j + 3 and _noun(words[k]) and words[k] not in _MONEY_VERBS:
        if forms[k][-1:] in ".,?!;:":
            return None
        k += 1
    verb = words[k] if k < e else ""
    if k == j + 1 or verb not in _PAYING or any(w in _WHEN_NOUNS for w in words[j + 1 : k]):
        return None  # not "the summer Chelsea sold Hazard", "the horse won"
    return " ".join(bare(forms[t]) for t in range(j + 1, k + 1))


# what a payer did with a sum, in the past: "the 60 million dollars the country paid"
_PAYING = frozenset(
    "paid spent received earned raised invested donated pledged committed borrowed owed".split()
)
# what opens the payer's noun phrase after a sum ("the 60 million dollars the country paid")
_PAYER_OPENS = frozenset("the his her their its".split())
# prepositions after a sum that say where it goes or what it buys
_GOES = frozenset("into to for under on".split())
_SUBJECT_PRONOUNS = frozenset("i we you they he she it".split())
_POINTERS = frozenset("this that these those my his her its our your their".split())
_WHEN_NOUNS = frozenset(
    "time times first day days week weeks weekend month months year years decade "
    "decades summer winter spring autumn january february march april may june july august "
    "september october november december monday tuesday wednesday thursday friday "
    "saturday sunday".split()
)


def temperature_near(forms: Sequence[str], words: Sequence[str], s: int, i: int) -> str | None:
    """What a temperature is of: the nearest word for one before it ("temperatures are
    forecast to fall as low as -30°C" -> "temperatures", "the heat averaging 35°")."""
    return _noun_near(forms, words, s, i, _TEMPERATURES)


def _noun_near(
    forms: Sequence[str], words: Sequence[str], s: int, i: int, nouns: frozenset[str]
) -> str | None:
    k = i - 1
    while k >= s and k >= i - _NEAR and words[k] not in nouns:
        fold = words[k + 1 : k + 2] == ["times"]  # "swell around 5 times to": no sum
        if (_number_at(words, k) and not fold) or forms[k][:1] in "$£€" or words[k] in _NOT_ACROSS:
            return None
        k -= 1
    if k < s or k < i - _NEAR:
        return None
    head = k
    out, _ = _words_back(forms, s, head, 3, lambda m: m < head and not _modifier(words[m]))
    if head + 2 < i and words[head + 1] in ("for", "of") and forms[head][-1:] not in ".,?!;:":
        tail = head + 2
        if _noun(words[tail]) and words[tail] not in _DETERMINERS and not _number_at(words, tail):
            out += [bare(forms[head + 1]), bare(forms[tail])]
    return " ".join(out)


_NEAR = 12  # the most words a noun may stand before the number it names

# words that open another clause: a noun before them is no noun of the number after
_CLAUSE = frozenset("while when whereas because but although though unless until".split())
_NOT_ACROSS = _CLAUSE | _SAY  # no noun is looked for past these, once built

# money words a sum may be said of from further away ("prize money ... $15 million")
_MONEY_ALSO = frozenset("money cost costs prices".split())  # "prices up 11%": no sum
_TEMPERATURES = frozenset("temperature temperatures heat highs lows".split())
