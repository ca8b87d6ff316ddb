"""Numbers that count nothing: durations, ages, rankings, "one" as an article, names
with a number, fractions, ratios and groups already counted."""

from __future__ import annotations

from collections.abc import Sequence

from newsreel.entities.claims.numbers import _number_at, _past
from newsreel.entities.claims.phrases import _plural
from newsreel.entities.claims.source_words import _REPORT, _SPEAKER_STOP
from newsreel.entities.claims.words import (
    _AGE,
    _ARTICLES,
    _AUXILIARIES,
    _COMPARATIVE,
    _CURRENCY,
    _FRACTIONS,
    _GROUP_VERBS,
    _K,
    _LONG,
    _MEASURES,
    _MONEY_VERBS,
    _MONTHS,
    _NOT_SUBJECT,
    _NUMBERED,
    _ONE_ADJECTIVES,
    _ONE_LIMITS,
    _ONE_NOT_COUNT,
    _PARTS,
    _PLURAL_PEOPLE,
    _POSSESSIVES,
    _SCALE,
    _SCORE,
    _SEASONAL,
    _STOP,
    _SUPERLATIVES,
    _THOUSANDS,
    _TIME_UNITS,
    _TIMES_WHAT,
    _WORDS,
    _YEAR,
)
from newsreel.entities.gender import given_name
from newsreel.repair.clean import bare
from newsreel.text import STOPWORDS


def _share_of(words: Sequence[str], after: int, e: int) -> bool:
    """Whether a bare number is a share: "21.8 of the population", "70 of which"."""
    if after + 1 >= e or words[after] != "of":
        return False
    nxt = words[after + 1 : after + 4]
    return nxt[0] in ("which", "whom") or "population" in nxt


_CLOCK = frozenset("gmt bst utc et est edt pst pdt cet cest p.m a.m pm o'clock hrs".split())


def _duration(
    forms: Sequence[str], words: Sequence[str], s: int, i: int, after: int, e: int
) -> bool:
    """A duration ("six months", "17 long weeks", "12 hours a day"), an age ("aged 33",
    "36 year old"), a ranking ("top 10", "the big six") or a multiplier ("15 times");
    not a number a comma ends ("£32 million, hours before")."""
    nxt = words[after] if after < e and forms[after - 1][-1:] not in ".,?!;:" else ""
    if (nxt in _LONG or nxt == "plus") and after + 1 < e:
        nxt = words[after + 1]  # "17 long weeks", "25 plus years"
    if nxt in _MORE and after + 1 < e and words[after + 1] in _TIME_UNITS:
        return True  # "three more years", "two extra weeks"
    if nxt in _TIME_UNITS or nxt.rstrip("s") in ("year-old", "month-old") or nxt in _CLOCK:
        return True  # "1,400 GMT", "2 p.m.": a time of day
    if nxt == "figure":
        return True  # "nine figure deals": vague
    if nxt in ("vs", "versus") and after + 1 < e and words[after + 1] == words[i]:
        return True  # "11 vs 11": a line-up
    if nxt == "times" and after + 1 < e:
        more = words[after + 1]  # "15 times richer": a multiplier; "seven times" a count
        then = words[after + 2] if after + 2 < e else ""
        return (
            more in _COMPARATIVE
            or more in _TIMES_WHAT  # "three times as much", "ten times his salary"
            or (more == "that" and then == "of")  # "five times that of"
            or (more == "the" and then in _MEASURES)  # "10 times the salary"
            or (more.endswith("er") and then == "than")
        )
    before = words[i - 1] if i > s else ""
    labelled = before in _NUMBERED and forms[i - 1][-1:].isalnum()  # not "this season, 4798"
    if labelled and (not nxt or (nxt == "of" and not _counted_after_of(words, after + 1, e))):
        return True  # "day two of trying", "episode 12 of the podcast": a label; not
        # "last week 40 were killed", "the first day 2,000 of the protesters"
    return (
        before in ("aged", "top", "big", "number", "no")
        or words[max(s, i - 2) : i] == ["round", "of"]  # "the round of 16": a stage
        or (words[max(s, i - 2) : i] == ["of", "the"] and nxt in _SUPERLATIVES)  # "13 of
        # the 14 lowest ranked teams": a ranked set
        or (after + 1 < e and words[after + 1] in _AGE)
    )


_MORE = frozenset("more extra additional further".split())  # before a duration's unit

_OWNERS = _ARTICLES | _POSSESSIVES | {"these", "those"}  # before what "of" opens


def _counted_after_of(words: Sequence[str], k: int, e: int) -> bool:
    """Whether "of" before token ``k`` opens what a number counts: a plural noun or a
    number, past a determiner ("2,000 of the protesters", "30 of the 92 clubs"), not a
    label's whole ("two of the prime minister's trip", "12 of the podcast")."""
    while k < e and words[k] in _OWNERS:
        k += 1
    return k < e and (_number_at(words, k) is not None or _plural(words[k]))


def _season(forms: Sequence[str], words: Sequence[str], s: int, e: int, i: int) -> bool:
    """Whether a number is a season's second year: "the 2023 24 season", "2023 24
    football"; not "In 2023, 24 migrants" nor "in 2019 20 people died"."""
    if i == s or not _YEAR.match(words[i - 1]) or forms[i - 1][-1:] in ".,?!;:":
        return False
    following = (int(words[i - 1]) + 1) % 100
    if words[i] not in (f"{following:02d}", str(following)):  # "2023 24", "2007 8"
        return False
    if i + 1 >= e:
        return True
    return forms[i + 1][:1].isupper() or words[i + 1] in _SEASONAL


def _not_one(
    forms: Sequence[str], words: Sequence[str], s: int, i: int, after: int, e: int
) -> bool:
    """ "one" as an article or pronoun: "on the one hand", "one day", "one in Paris", "one
    diplomat told me"; never "one million"."""
    if words[i] != "one" or after > i + 1:
        return False
    nxt = words[after] if after < e else ""
    before = words[i - 1] if i > s else ""
    return (
        nxt in _ONE_NOT_COUNT
        or (nxt in _PLAIN_ADJECTIVES and after + 1 < e and words[after + 1] in _ONE_NOT_COUNT)
        or (before == "only" and i - 2 >= s and words[i - 2] == "the" and _one_is_who(nxt))
        or nxt in _NOT_SUBJECT
        or nxt == "being"  # "despite one being so readily available"
        or _one_named(forms, after, e)  # "a peerage for one Matthew Doyle": a certain
        or nxt in _ONE_ADJECTIVES
        or before in ("the", "in", "at", "on")
        or (before not in _ONE_LIMITS and _one_speaks(forms, words, after, e))
        or (before not in _ONE_ONLY and nxt in _ONE_DOES)  # "one thinks King Charles"
    )


_ONE_ONLY = _ONE_LIMITS - {"and", "with", "of"}  # "only one has"

# what anyone does, said of "one" as a pronoun: "one thinks", "one wonders", "one has to"
_ONE_DOES = frozenset(
    "thinks says hopes wonders feels imagines assumes suspects knows gets finds sees needs "
    "has does wants notices supposes expects gathers".split()
)


def _one_named(forms: Sequence[str], after: int, e: int) -> bool:
    """Whether "one" stands before a person's full name as "a certain" does ("a peerage
    for one Matthew Doyle"): a capitalised first name the gender list knows, then a
    capitalised word that ends the phrase (a comma, a full stop, "who"); not "one FA
    Cup", "one Manchester City home game", "one Donald Trump supporter", "one Victoria
    Cross for bravery"."""
    if after + 1 >= e or forms[after - 1][-1:] in ".,?!;:":
        return False
    first, then = forms[after], forms[after + 1]
    following = forms[after + 2].casefold() if after + 2 < e else ""
    ended = then[-1:] in ",.;:?!" or following in _WHO or following[:1] in (",", ".", "")
    return (
        ended  # "one Matthew Doyle, his former director"; not "one Donald Trump supporter"
        and first[:1].isupper()
        and then[:1].isupper()
        and first.isalpha()
        and given_name(first.casefold())
    )


_WHO = frozenset({"who", "whose", "who's"})


# an adjective between "one" and an idiom's noun: "one good way", "one big thing in common"
_PLAIN_ADJECTIVES = frozenset(
    "good big small simple real main key other great little crucial major basic".split()
)


def _one_is_who(nxt: str) -> bool:
    """Whether the word after "the only one" says who it is: "the only one noticing this",
    "the only one who", "the only one left" (a pronoun), not "the only one stadium"."""
    return nxt.endswith("ing") or nxt in ("who", "that", "left", "to", "i", "we", "they")


def _one_speaks(forms: Sequence[str], words: Sequence[str], after: int, e: int) -> bool:
    """Whether "one" introduces someone who tells: "one diplomat told me", "one Awami
    League politician in hiding told me"; not "one woman died police said"."""
    for k in range(after, min(e, after + 6)):
        if words[k] in _REPORT:
            return k > after
        if (
            words[k] in _STOP
            or words[k] in _SPEAKER_STOP
            or _number_at(words, k)
            or _past(words[k])
            or forms[k][-1:] in ".,?!;:"
        ):
            return False
    return False


def _not_thousands(forms: Sequence[str], words: Sequence[str], s: int, i: int, used: int) -> bool:
    """Whether "grand" or "Nk" read as thousands is no sum: a capital "Grand" ("five Grand
    Tours") or "10k" with no currency sign or word of paying before it ("a 10k race")."""
    if any(words[k] == "grand" and forms[k][:1].isupper() for k in range(i, i + used)):
        return True
    if _K.match(words[i]) and forms[i][:1] not in "$£€":
        counted = i + 1 < len(words) and _people_after(words[i + 1]) and words[i - 1 : i] != ["a"]
        paid = any(w in _MONEY_VERBS or w in _CURRENCY for w in words[max(s, i - 3) : i])
        return not (paid or counted)  # "50k fans": thousands; "a 10k race": no sum
    return False


def _people_after(word: str) -> bool:
    """Whether a word after "50k" says what the thousands count: a plural noun
    ("fans", "followers"), not a race's length ("a 10k run")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss")


# words after a small number that say it counts nothing ("one here", "two finally")
_ADVERBS_AFTER = frozenset("here there very finally today now soon again also really just".split())
# "100% right": how sure someone is
_SURE = frozenset(
    "right sure certain true wrong correct accurate confident behind committed".split()
)


def _no_quantity(
    forms: Sequence[str], words: Sequence[str], at: tuple[int, int, int, int], value: float
) -> bool:
    """A number that counts nothing new (``at`` = sentence start and end, the number, the
    token after it): a small group named before ("the two shared"; not "the 3,000
    injured"), a ratio ("7 migrants for every citizen"; never a sum), a fraction ("two
    thirds of", "a third of a million"; not "half of 300 staff") or "zero" before no
    plural ("virtually zero democracy"; not "zero deaths")."""
    s, e, i, after = at
    nxt = words[after] if after < e else ""
    before = words[i - 1] if i > s else ""
    small = words[i] in _WORDS and value <= 10
    if before == "the" and small and (_past(nxt) or nxt in _GROUP_VERBS or nxt in _AUXILIARIES):
        return True
    money = forms[i][:1] in "$£€" or nxt in _CURRENCY or "grand" in words[i:after]
    ahead = words[after : min(e, after + 4)]
    if not money and value <= 100 and "every" in ahead and "for" in ahead[:3]:
        return True
    if nxt in _FRACTIONS or (
        words[i] == "a" and before == "of" and i - 2 >= s and words[i - 2] in _FRACTIONS
    ):
        return True
    if nxt in _PARTS and words[i] in ("one", "a") and words[after + 1 : after + 2] == ["of"]:
        return True  # "one tenth of the population"; not "20 sixth form students"
    if small and nxt in _ADVERBS_AFTER and not _graded(words, after, e):
        return True  # "one here dwarfs them all", "the two finally come together"
    if not money and value <= 10 and _how_often(words[after : min(e, after + 3)]):
        return True  # "two more times", "swell around 5 times to 100 million": no count
    whole = value == 100 and ("%" in forms[i] or "percent" in words[i:after])
    if whole and (nxt in _SURE or before in _WHO_IS_SURE):
        return True  # "totally 100% right", "we can 100% expect": how sure, not a share
    if _describes(forms, words, (s, e, i, after), value):
        return True
    counted = nxt.endswith("s") or nxt in _PLURAL_PEOPLE  # "zero people", not "zero tolerance"
    return words[i] == "zero" and not counted and nxt not in ("percent", "per")


# pronouns and modal verbs before "100%" said as "fully": "we can 100% expect", "I 100% agree"
_WHO_IS_SURE = frozenset("i we you they he she can will would could should i'm am".split())
# sayings that count nothing: "a cat's nine lives", "my two cents"
_SAYINGS = frozenset({("nine", "lives"), ("two", "cents"), ("one", "iota")})
_SAID_AFTER = frozenset({("high", "five"), ("loved", "one"), ("little", "one")})
_OWN = frozenset("own their his her my our your its on".split())


def _describes(
    forms: Sequence[str], words: Sequence[str], at: tuple[int, int, int, int], value: float
) -> bool:
    """Whether a number is part of a saying that counts nothing ("nine lives", "my two
    cents", "stand on their own two feet", "death by a thousand cuts", "one eye on", "a
    high five", "a loved one", "nine times out of ten", "a year or two ago") or a score
    ("four to zero"); "a 40,000 seat stadium" and even "a picture paints a thousand
    words" are claims as the gold counts them."""
    s, e, i, after = at
    nxt = words[after] if after < e else ""
    last = words[after - 1]
    before = words[i - 1] if i > s else ""
    if (before, words[i]) in _SAID_AFTER or words[after : after + 3] == ["times", "out", "of"]:
        return True  # "a high five", "a loved one", "nine times out of ten"
    if words[max(s, i - 3) : i] == ["times", "out", "of"] or nxt == "ago":
        return True  # "... out of ten", "a year or two ago"
    ranged_to_zero = after - 1 > i and last in ("zero", "nil")
    if ranged_to_zero or (nxt == "to" and words[after + 1 : after + 2] in (["zero"], ["nil"])):
        return True  # "the vote was four to zero": a score
    eye_on = (last, nxt) == ("one", "eye") and words[after + 1 : after + 2] == ["on"]
    cuts = (last, nxt) == ("thousand", "cuts") and "by" in words[max(s, i - 2) : i]
    return (
        (last, nxt) in _SAYINGS
        or eye_on  # "with one eye on the World Cup"
        or cuts  # "death by a thousand cuts"; not "two thousand cuts to jobs"
        or ((last, nxt) == ("two", "feet") and i > s and words[i - 1] in _OWN)
    )


def _graded(words: Sequence[str], after: int, e: int) -> bool:
    """Whether an intensifier after a number grades the adjective of a plural noun it
    counts: "three very different parts", "two really big problems"."""
    if words[after] not in ("very", "really") or after + 2 >= e:
        return False
    adjective, noun = words[after + 1], words[after + 2]
    plural = noun.endswith("s") and not noun.endswith(("ss", "us"))
    return plural and adjective.isalpha() and not adjective.endswith("ly")


def _how_often(ahead: Sequence[str]) -> bool:
    """Whether the words after a small number say how many more times ("two more
    times") or how many fold it grew to another number ("5 times to 100 million"), not
    what it counts ("three times in eight years" is a count)."""
    fold = ahead[:2] == ["times", "to"] and len(ahead) > 2 and _number_at(ahead, 2) is not None
    return ahead[:2] == ["more", "times"] or fold


def _even_odds(words: Sequence[str], s: int, e: int, i: int) -> bool:
    """Whether a number is half of "50 50" said as odds ("a 50 50 game", "it's fifty
    fifty"), not a stammer before a scale or currency ("50 50 billion")."""
    first = i if i + 1 < e and words[i + 1] == words[i] else i - 1
    if words[i] not in ("50", "fifty") or first < s or words[first + 1] != words[first]:
        return False
    nxt = words[first + 2] if first + 2 < e else ""
    return nxt not in _SCALE and nxt not in _CURRENCY and nxt not in ("percent", "per", "%")


# words a number after which names a thing rather than counts ("plan two", "article 5")
_LABELS = frozenset(
    "plan type level stage phase tier grade article section chapter category step code "
    "route gate platform terminal flight page version formula".split()
)
# what makes the number after a label a quantity after all ("phase two billion")
_SIZED = frozenset(_SCALE) | frozenset(_CURRENCY) | {"percent", "per", "%"}


def _ratio_rating_or_label(words: Sequence[str], s: int, e: int, i: int) -> bool:
    """Whether a number is the second of a ratio ("one in six Parkinson's patients"), a
    rating ("a seven star hotel") or a label's ("plan two student loans", "article 5")."""
    if i - 2 >= s and words[i - 1] == "in" and _number_at(words, i - 2):
        return True
    if i + 1 < e and words[i + 1] == "star":
        return True
    return i > s and words[i - 1] in _LABELS and not (i + 1 < e and words[i + 1] in _SIZED)


# a judge's score of a boxing or MMA round as captions write it ("a 10-8 round": "108")
_ROUND_SCORES = frozenset({"107", "108", "109", "1010", "10-7", "10-8", "10-9", "10-10"})


def _not_a_count(forms: Sequence[str], words: Sequence[str], s: int, e: int, i: int) -> bool:
    """A number that is part of a name ("Channel 4") or a date ("March 3", "3 March")."""
    named = (
        (i > s + 1 or (i == s + 1 and _a_name(words[s])))  # "Apollo 11 landed", not "About 5"
        and forms[i - 1][:1].isupper()
        and forms[i - 1][-1:].isalnum()
        and not words[i - 1].endswith(("'s", "’s"))  # "FIFA's 44 member countries"
        and not (i + 1 < e and (words[i + 1] in _SCALE or words[i + 1] in _CURRENCY))
    )  # "pay PSG 80 million euros": a sum
    if _THOUSANDS.match(words[i]) and words[i].startswith("0"):
        return True  # the "000" of a number read from its second group
    if words[i] == "one" and not any(c.isalnum() for f in forms[s:i] for c in f):
        return True  # "One key objective is ...", ">> One group ...": an article
    if i + 1 < e and words[i + 1] in _SCORE:
        return True  # "3 nil": a score
    if words[max(s, i - 2) : i] == ["according", "to"] and words[i] in _WORDS:
        nxt = words[i + 1] if i + 1 < e else ""  # "according to one professional society":
        return nxt not in _SCALE  # who says; "according to five thousand documents" counts
    if i + 1 < e and words[i] in _ROUND_SCORES and words[i + 1] in ("round", "rounds"):
        return True  # "a 108 round": a judge's 10-8, not 108 rounds
    if _named_number(forms, words, s, e, i) or _even_odds(words, s, e, i):
        return True
    if i + 1 < e and words[i + 1] == "o'clock":
        return True  # "around 11 o'clock": a time
    at = i + 1 + (i + 1 < e and words[i + 1] == "fifa")
    if words[at : at + 2] == ["world", "cup"] and not (at + 2 < e and _plural(words[at + 2])):
        return True  # "the 222 FIFA World Cup": its year misheard; not "three World Cup finals"
    if _season(forms, words, s, e, i):
        return True
    if _ratio_rating_or_label(words, s, e, i):
        return True
    return named or (i + 1 < e and words[i + 1] in _MONTHS) or bool(i and words[i - 1] in _MONTHS)


def _named_number(forms: Sequence[str], words: Sequence[str], s: int, e: int, i: int) -> bool:
    """A number that names something: 9/11 as captions write it, "Covid 19" (the
    disease), "net zero" (a target), "Five Live" / "5 Live" (BBC Radio 5 Live), an
    address ("10 Downing Street", "1600 Pennsylvania Avenue")."""
    before = words[i - 1] if i > s else ""
    if words[i] == "911" or (words[i] == "19" and before == "covid"):
        return True
    if words[i] == "zero" and before == "net":
        return True
    if i + 2 < e and words[i + 2] in _ADDRESS_WORDS and words[i].isdigit():
        counted = i + 3 < e and words[i + 3].endswith("s") and words[i + 3] not in STOPWORDS
        return forms[i + 1][:1].isupper() and forms[i + 2][:1].isupper() and not counted
    if _split_pair(words[i], words[i + 1 : i + 4]):
        return True
    if words[i] in ("1800", "1-800") or words[i : i + 2] == ["1", "800"]:
        return _dialled(forms, i + 1 + (words[i] == "1"), e)  # "1 800 call FBI"
    if words[i] == "800" and before == "1":
        return _dialled(forms, i + 1, e)
    return (
        words[i] in ("five", "5")
        and i + 1 < e
        and bare(forms[i + 1]).removesuffix("'s") == "Live"
        # "Five Live's Nicky Campbell"; not "five Live Aid veterans"
        and (forms[i + 1].endswith("'s") or not (i + 2 < e and forms[i + 2][:1].isupper()))
    )


def _dialled(forms: Sequence[str], k: int, e: int) -> bool:
    """Whether a phone number's "1 800" goes on as a line's name: "call" and a word in
    capitals ("1 800 call FBI"; not "1800 call centre workers")."""
    return k + 1 < e and bare(forms[k]).casefold() == "call" and bare(forms[k + 1]).isupper()


def _split_pair(word: str, after: Sequence[str]) -> bool:
    """Whether four digits are two numbers run together, no year: a split of a hundred
    said of a majority or a vote ("a 5347 Republican majority": 53-47), or two years of
    the last century in a row said of nothing counted ("in 7980": '79-'80); not "4546
    cases", "2575 people", "7980 pilots"."""
    if len(word) != 4 or not word.isdigit() or int(word) < 2100:
        return False
    first, second = int(word[:2]), int(word[2:])
    if first + second == 100:
        return bool(set(after) & _SPLITS) and bool(set(after) & _PARTIES)
    return second == first + 1 and first >= 50 and not any(_plural(w) for w in after[:1])


# what a split of a hundred is said of, and by whom ("a 5347 Republican majority"; not
# "6238 votes", "8119 Republican voters", "a 5545 majority")
_SPLITS = frozenset("majority split".split())
_PARTIES = frozenset("republican democratic democrat gop".split())


# the last word of a street's name after its number ("10 Downing Street")
_ADDRESS_WORDS = frozenset("street road avenue lane square place terrace drive".split())


def _a_name(word: str) -> bool:
    """Whether a sentence's first word is a name, not a word its capital only opens the
    sentence with ("Apollo", "Airbus"; not "About", "Nearly", "Highway")."""
    from newsreel.entities.listed import everyday  # wordfreq loads on first use

    return word.isalpha() and not everyday(word)
