"""What a number counts: the noun phrase after it, or what the words before it say
changed ("US aid for Ukraine fell by 99%"); for money, what the sum is for."""

from __future__ import annotations

from collections.abc import Sequence

from newsreel.entities.claims.changes import _change_before, _changed_end, _changed_object
from newsreel.entities.claims.counts import _share_of
from newsreel.entities.claims.money import (
    _after_rate,
    _before_sum,
    _money_before,
    _money_noun_before,
    _money_verb,
    _paid_for,
    _purpose_after,
    _rate_end,
    _untimed,
    _whose_currency,
    currency_of,
    money_noun_near,
    paid_bare,
    sign_said_again,
    spent_on,
    temperature_near,
    verb_purpose,
)
from newsreel.entities.claims.numbers import (
    _noun,
    _number_at,
    _past,
    _range_start,
    _words_back,
)
from newsreel.entities.claims.phrases import (
    _named,
    _phrase_start,
    opening,
    referent,
    said_of,
    says_when,
    untrailed,
)
from newsreel.entities.claims.source_words import _REPORT, _SPEAKER_STOP
from newsreel.entities.claims.words import (
    _ABOUT,
    _ADJECTIVAL,
    _AFTER_CURRENCY,
    _AUXILIARIES,
    _BE,
    _CLAUSE_OPENERS,
    _CURRENCY,
    _DETERMINERS,
    _K,
    _LEAD_ADVERBS,
    _LINKS,
    _MONEY_FOR,
    _NO_MEASURE,
    _NOT_SUBJECT,
    _OBJECTS,
    _POSSESSIVES,
    _PREPOSITIONS,
    _PRONOUNS,
    _RATE,
    _STOP,
    _SUBJECT_STOP,
    _THINK,
    _TIME_UNITS,
    _VACUOUS,
    _WHEN,
    _WHEN_WORDS,
    _YEAR,
)
from newsreel.repair.clean import FILLERS, bare, caption_mark
from newsreel.text import STOPWORDS


def _subject(
    forms: Sequence[str], words: Sequence[str], start: int, end: int, *, money: bool = False
) -> str | None:
    """The counted noun phrase after a number; for money, also what it is for ("$1,500
    to get a job", "£100,000 in cash")."""
    out = _words_after(forms, words, start, end)
    more = out[:1] in (["more"], ["less"]) and len(out) > 1 and out[1] != "than"
    if money and out[:1] and out[0].lower() in _MONEY_FOR and len(out) > 1:
        timely = any(_YEAR.match(w) or w.casefold() in _WHEN_WORDS for w in out)
        whole = [w.casefold() for w in out] in (["in", "total"], ["in", "all"])
        return None if timely or whole else " ".join(out)  # not "£5 in 2020", "in total"
    if out[:1] == ["of"] and _share_of(words, start, end):
        return " ".join(out)
    if not out or says_when(out) or (out[0].lower() in _NOT_SUBJECT and not more):
        return None  # "50% more funding" counts funding; "more than" counts nothing
    if out[0].lower() in _WHEN_AFTER:
        return None  # "dropped to 8,500 following Neymar's injury": when, not what
    if not any(c.isalpha() for c in out[0]):
        return None
    return " ".join(out)


def _is_then(words: Sequence[str], s: int, i: int, after: int, e: int) -> bool:
    """Whether a number is what something was at a time said after it: a verb of being
    before it, a preposition of time after ("had been 4,000 before the final"; not "the
    starting eleven until", "evicted one after the other")."""
    j = i - 1
    while j > s and words[j] in _ABOUT:
        j -= 1
    return after < e and words[after] in _WHEN_AFTER and j >= s and words[j] in _BE


# prepositions after a number that say when or despite what, never what it counts
_WHEN_AFTER = frozenset("following after before since until despite amid".split())


def _opens_another(forms: Sequence[str], words: Sequence[str], j: int, end: int) -> bool:
    """Whether the token ``j`` straight after a number opens another clause, not its noun
    phrase: a capitalised possessive (a sentence the repair ran on: "about 60 to 70% My
    sources tell me"), an adverb and a participle before a preposition after a
    percentage ("grew by 59% mostly backed by EU institutions": what grew is before; not
    "two fully loaded magazines", nor "3,000 mostly displaced by the war": who)."""
    if words[j] in _OPENS_SENTENCE and forms[j][:1].isupper():
        return True
    return (
        (forms[j - 1].endswith("%") or words[j - 1] in ("percent", "cent"))
        and words[j].endswith("ly")
        and j + 1 < end
        and _past(words[j + 1])
        and (j + 2 >= end or words[j + 2] in _PREPOSITIONS)
    )


# possessives that, capitalised straight after a number, open the next sentence
_OPENS_SENTENCE = frozenset("my our your his her their".split())

_INTENSIFIERS = frozenset("very really quite pretty extremely incredibly fairly highly".split())


def _words_after(forms: Sequence[str], words: Sequence[str], start: int, end: int) -> list[str]:
    """The words of the noun phrase after a number, up to a clause's edge."""
    out: list[str] = []
    past = 0  # "13 of the 14 clubs": the second number is read into the first's subject
    for j in range(start, min(end, start + 6)):
        if words[j] in FILLERS or j < past:
            continue
        if caption_mark(forms[j]) or (j == start and _opens_another(forms, words, j, end)):
            break  # "90 percent of the population [Music] They were ..."
        of_those = j == start + 1 and words[start] == "of" and words[j] in ("those", "these")
        after_what = words[j - 1] == "what"  # "10% of what we earn on rent"
        if (
            j == start
            and words[j] in _INTENSIFIERS
            and j + 1 < end
            and words[j + 1] not in _STOP
            and not words[j + 1].endswith("ly")
        ):
            out.append(bare(forms[j]))  # "three very different parts of the world"
            continue
        if (
            (words[j] in _STOP and not of_those)
            or (words[j] in _SUBJECT_STOP and not after_what)
            or not words[j]
        ):
            break  # "six of those killed" counts those killed
        if _number_at(words, j) is not None:
            past = 0 if past else _of_the(forms, words, out, j)
            if not past:
                break
            continue
        if _verb_after_noun(words, out, j):
            break  # "150 Ukrainians (returned home)", "tankers (sail the seas)"
        out.append(bare(forms[j]))
        if forms[j][-1:] in ".,?!;:":
            break
    while out and (
        out[-1].lower() in ("in", "of", "for", "from", "to", "the", "a", "with")
        or out[-1].lower() in _CLAUSE_OPENERS
    ):
        if out.pop().lower() == "than" and out and out[-1].lower() in ("more", "less", "rather"):
            out.pop()  # "sites contain more (than 20,000 tons)"
    return out


def _verb_after_noun(words: Sequence[str], out: Sequence[str], j: int) -> bool:
    """Whether word ``j`` is a verb that ends the counted noun phrase ``out``: a past
    tense after a noun ("Ukrainians returned", "tankers sail"), not an adjective before
    one ("two armed men", "newly registered voters"); "people living in Rafah" says who
    is counted."""
    last = out[-1].lower() if out else ""
    if not last or last in _NOT_NOUN or last in _CURRENCY or last.endswith(("ly", "est")):
        return False  # "39.8 million euros required", "the 14 lowest ranked teams"
    word = words[j]
    return word in _VERBS_AFTER or (len(word) > 4 and word.endswith("ed"))


# words after which a verb form is an adjective of the noun to come ("of these armed")
_NOT_NOUN = frozenset(
    "of the a an these those them us you all each their its his her our very more most "
    "being been".split()
)
# present-tense verbs a counted noun phrase often runs into ("tankers sail the seas")
_VERBS_AFTER = frozenset(
    "sail sails come comes go goes live lives work works remain remains want wants "
    "say says think thinks believe believes support supports oppose opposes".split()
)


def _of_the(forms: Sequence[str], words: Sequence[str], out: list[str], j: int) -> int:
    """After "13 of the", the second number and its words go into the first's subject
    ("of the 14 clubs"); the token after it, or 0 where a number ends the subject."""
    if [w.lower() for w in out] not in (["of"], ["of", "the"]):
        return 0
    number = _number_at(words, j)
    assert number is not None
    out += [bare(f) for f in forms[j : j + number[1]]]
    return j + number[1]


def _how_often(subject: str | None) -> bool:
    """Whether a subject only says how often: "(pay you 200 million) a year"; not "a
    year for the tuition"."""
    words = subject.lower().split() if subject else []
    return bool(words) and _rate_end(words, 0, len(words)) == len(words)


def subject_of(
    forms: Sequence[str],
    words: Sequence[str],
    at: tuple[int, int, int, int],
    places: dict[int, str],
    value: float,
    counted: bool,
    topic: str | None = None,
) -> str | None:
    """What the number at ``at`` counts (``_what``): a temperature counts degrees, and a
    share or sum that ``_what`` finds nothing for is said of its sentence's noun phrase
    ("China is now about 33%"), else a sum is in its currency ("£5,000": pounds)."""
    s, e, i, after = at
    if "°" in forms[i]:  # "-30°C": a temperature
        return temperature_near(forms, words, s, i) or "degrees"
    if value < 0 and (cold := temperature_near(forms, words, s, _range_start(words, s, i))):
        return cold  # "temperatures due to hit minus 20 -30"
    if _whose_currency(forms, words, i, after, e):  # "18 billion U.S dollars", "$16 million US"
        after += 1
        at = (s, e, i, after)
    if sign_said_again(forms, words, i, after, e):  # "$75,000 dollars for the job"
        after += 1
        at = (s, e, i, after)
    subject, counted = _what(forms, words, at, places, value, counted, topic)
    if subject is not None and subject.casefold() == "being":
        # "being worth 4.99 billion dollars": what it is said of, else its currency
        named = words[after] if after < e and words[after] in _CURRENCY else None
        return said_of(forms, words, s, i) or currency_of(forms, i, after) or named
    if (
        subject is None
        and not counted
        and (_large(words, i, after) or _is_then(words, s, i, after, e))  # "had been 4,000
    ):  # before the final"
        # "Roman Abramovich, somewhere in the region of 8 to 10 billion": a sum, its
        # currency unsaid, is said of its sentence's noun phrase
        return (
            said_of(forms, words, s, i)
            or _holder_before(forms, words, s, i)
            or _which_was(forms, words, (s, e, i, after))
        )
    unit = after + (after < e and words[after] in _CURRENCY)  # "$40 (dollars) a barrel"
    if subject is None and counted:
        return _said_nearby(forms, words, at, unit, topic)
    subject = untrailed(subject)
    if subject is not None and subject.casefold() in _CURRENCY:
        return _of_currency(forms, words, at, unit, subject)
    if _priced(subject):
        return _per_unit(forms, words, subject, unit, e) or subject  # "Oil prices per barrel"
    said = subject.casefold().split() if subject else []
    if (
        subject is not None
        and said[:2] in _OF_THEM
        and len(said) > 2
        and said[2] not in _PREPOSITIONS
        and _noun(said[2])
        and (said[2] in _PLURALS or (said[2].endswith("s") and not said[2].endswith(("ss", "us"))))
    ):
        return " ".join(subject.split()[2:])  # "12 people died, five of them children"
    if said[:2] == ["of", "them"] or (
        said[:2] in _OF_THEM and (len(said) == 2 or said[2] in _PREPOSITIONS)
    ):
        named = _antecedent(forms, words, i)  # "the victims. Two of them": victims; not
        # "six of those killed"; with none named, "of them voted for Qatar" stays
        return named or (subject if len(said) > 2 else None)
    return subject


def _of_currency(
    forms: Sequence[str], words: Sequence[str], at: tuple[int, int, int, int], unit: int, paid: str
) -> str:
    """What a sum whose subject is only its currency (``paid``) is: "revenue ... 636
    million euros", "500 million dollars into this organization", a price per thing
    ("Oil prices ... $41 a barrel" -> "Oil prices per barrel")."""
    s, e, i, after = at
    noun = money_noun_near(forms, words, s, i)
    if _priced(noun):
        return _per_unit(forms, words, noun, unit, e) or paid
    return (
        noun
        or spent_on(forms, words, after, e)
        or _per_unit(forms, words, None, unit, e)
        or _put_at(forms, words, s, i)
        or paid
    )


def _put_at(forms: Sequence[str], words: Sequence[str], s: int, i: int) -> str | None:
    """The noun phrase a sum is put at or comes to the tune of ("whose net worth is
    estimated at around 2 billion dollars": net worth; "cap that ground rent at £250";
    "fund more defense missiles and systems to the tune of some 500 million pounds"):
    common nouns (and their adjectives, "and" between them), four words at most; no
    name alone ("Erin Jecko from Wolfsburg to a tune of over 140 million pounds")."""
    k = i - 1
    while k > s and words[k] in _HEDGES_BEFORE:
        k -= 1
    if k - 3 >= s and words[k - 3 : k + 1] in (
        ["to", "the", "tune", "of"],
        ["to", "a", "tune", "of"],
    ):
        k -= 4
    elif words[k] == "at" and k > s:
        k -= 1
        while k > s and (words[k] in _BE or words[k] in _PUT):
            k -= 1
        if words[k] in _BE or words[k] in _PUT:
            return None  # "valued at 2 billion pounds the deal ...": nothing before
    else:
        return None
    end, start = k + 1, k + 1
    while (
        start > s
        and end - start < 4
        and (
            _common_noun(forms[start - 1], words[start - 1])
            or (words[start - 1] == "and" and start < end)
        )
    ):
        start -= 1
    got = [bare(f) for f in forms[start:end]]
    if (
        not got
        or got[0].casefold() == "and"
        or not any(w.islower() for w in got)
        or words[end - 1].endswith("ing")  # "we're looking at 18 billion dollars"
        or "at" in words[max(s, start - 2) : start]  # "at today's exchange rate at 2.4 billion"
        or forms[end - 1].endswith(",")  # "stole the jewels on Sunday night, valued at"
        or (start > s and words[start - 1] in _PREPOSITIONS)  # "on Sunday night valued at"
    ):
        return None
    return " ".join(got)


def _common_noun(form: str, word: str) -> bool:
    """Whether a word may be part of what a sum is put at: a lower-case noun or adjective,
    no verb ("signed", "sold", "lost", "stood"), no name ("Chelsea signed him")."""
    return (
        _noun(word)
        and bare(form)[:1].islower()
        and word not in _NO_HEAD
        and word not in STOPWORDS  # "signed him to the tune of"
        and not _past(word)
        and word not in _IRREGULAR_PAST
    )


# words no noun phrase a sum is put at is headed or opened by ("whose net worth", "the
# most at around 17 million pounds")
_NO_HEAD = frozenset("whose which that most least more less much".split())
_IRREGULAR_PAST = frozenset(
    "sold bought lost paid spent won made took gave got stood held brought left kept "
    "sent set put cut hit let ran came went grew rose fell signed".split()
)


# hedges before a sum ("around", "some", "over"), not the "at" or "to" it is put at
_HEDGES_BEFORE = _ABOUT - {"at", "to", "an", "a"}
# verbs a sum is put at with ("estimated at", "valued at", "capped at")
_PUT = frozenset("estimated valued put priced set capped pegged".split())


def _said_nearby(
    forms: Sequence[str],
    words: Sequence[str],
    at: tuple[int, int, int, int],
    unit: int,
    topic: str | None,
) -> str | None:
    """What a counted number with no noun of its own is said of: its sentence's noun
    phrase, the topic, a money noun near it, where a sum went, a price per thing ("the
    price of oil ... $40 a barrel"; ``unit``: the token after the sum and its currency
    word), else its currency."""
    s, e, i, after = at
    money = _is_money(forms, words, i, after)
    found = (
        said_of(forms, words, s, i)
        or _said_of_it(words, s, i, topic)
        or money_noun_near(forms, words, s, i, money=money)
        or (spent_on(forms, words, after, e) if money else None)
    )
    if money and (found is None or _priced(found)):
        found = _per_unit(forms, words, found, unit, e)
    return found or (_put_at(forms, words, s, i) if money else None) or currency_of(forms, i, after)


def _large(words: Sequence[str], i: int, after: int) -> bool:
    """Whether the number at ``i`` is scaled by "million", "billion" or "trillion"."""
    return any(words[k] in _LARGE for k in range(i, after))


_LARGE = frozenset("million mil billion billions trillion".split())


def _holder_before(forms: Sequence[str], words: Sequence[str], s: int, i: int) -> str | None:
    """Who or what has a sum said with no noun, named just before it: "the Saudi Arabian
    public investment fund 305 billion", "Roman Abramovich, somewhere in the region of 8
    to 10 billion" (a name before a comma and only "about" words), "now worth 4
    billion"; never across a sentence's verb or another number ("It was 200 million")."""
    j = i - 1
    while j >= s and (words[j] in _ABOUT or words[j] in _ROUGHLY) and forms[j][-1:] != ",":
        j -= 1
    end = j + 1
    k = j
    while (
        k >= s
        and end - k <= _HOLDER
        and words[k] not in _STOP
        and words[k] not in _PRONOUNS
        and not _number_at(words, k)
        and (k == j or forms[k][-1:] not in ".,?!;:")
    ):
        k -= 1
    start = k + 1
    opened = start < end and words[start] in _DETERMINERS  # "the ... fund"
    while start < end and words[start] in _DETERMINERS:
        start += 1
    if start >= end:
        return None
    named = all(bare(forms[n])[:1].isupper() for n in range(start, end)) and (
        start > s or forms[end - 1][-1:] == ","  # no capital a sentence opens with ("In")
    )
    worth = words[end - 1] in _WORTH
    if not (opened and _noun(words[end - 1])) and not named and not worth:
        return None  # "I think about 5 million", "In 2019 about 5 million"
    return " ".join(bare(f) for f in forms[start:end])


_HOLDER = 6  # words a sum's holder named before it spans at most


def _which_was(
    forms: Sequence[str], words: Sequence[str], at: tuple[int, int, int, int]
) -> str | None:
    """What a relative clause says a sum of: "their wage bill, which had been 36
    million" -> "wage bill" (the noun phrase before a comma and "which", with only a
    verb of being and "about" words between it and the sum, and nothing after the sum
    but when: not "the club, which had been 36 million in debt")."""
    s, e, i, after = at
    end = after
    while end < e and forms[end - 1][-1:] not in ",.;:?!" and words[end] not in _CLAUSE_END:
        end += 1  # the words after the sum, to its clause's end ("... in 2007 and zoomed")
    if end > after and not _only_when(" ".join(words[after:end])):
        return None
    k = i - 1
    while k > s and (words[k] in _BE or words[k] in _ABOUT):
        k -= 1
    if k == i - 1 or words[k] != "which" or k - 1 < s or forms[k - 1][-1:] != ",":
        return None
    end = k
    start = end
    while start > s and _noun(words[start - 1]) and words[start - 1] not in _STOP:
        start -= 1
    if (
        start in (s, end)
        or end - start > 3
        or not (words[start - 1] in _DETERMINERS or words[start - 1] in _POSSESSIVES)
    ):
        return None  # "... Shinawatra, which was 36 million": no noun phrase of its own
    return " ".join(bare(f) for f in forms[start:end])


_CLAUSE_END = frozenset("and but while whereas so".split())
_ROUGHLY = frozenset("somewhere in the region of between".split())
_WORTH = frozenset("worth valued value".split())


# "N of them": a pronoun's number, said of the things named before it
_OF_THEM = (["of", "them"], ["of", "those"], ["of", "these"])
_BACK = 20  # tokens back (into the sentence before) that "of them" may refer to


def _antecedent(forms: Sequence[str], words: Sequence[str], i: int) -> str | None:
    """The plural noun nearest before token ``i`` that "of them" stands for ("The Epstein
    files were released. There's three million of them": files), within ``_BACK``
    tokens; None where there is none (a claim needs what it counts)."""
    back = range(i - 1, max(-1, i - 1 - _BACK), -1)
    for k in back:
        word = words[k]
        if len(word) > 3 and _noun(word) and word.endswith("s") and not _past(word):
            if word.endswith(("ss", "us", "is", "'s", "’s")) or word in _PRONOUNS:
                continue
            return bare(forms[k])
    for k in back:  # a body of people named in the singular: "a majority of exco"
        word = words[k]
        if len(word) > 3 and _noun(word) and not _past(word) and word not in _ABOUT:
            return bare(forms[k])
    return None


def _last_word(
    forms: Sequence[str], words: Sequence[str], subject: str, at: tuple[int, int, int, int]
) -> bool:
    """Whether what follows a number that a measure names ("a salary of") is one word
    that ends its sentence or clause ("How does a salary of 120 million sound?"): a verb
    more likely than what is counted; not "5 million shares"."""
    s, e, i, after = at
    ends = after + 1 >= e or forms[after][-1:] in ".,?!;:"
    word = subject.casefold()
    plural = word.endswith("s") or word in _PLURALS  # "a capacity of 80,000 people"
    return " " not in word and ends and not plural and words[_before_sum(words, s, i)] == "of"


# plurals without an "s": what a number after "a crowd of" counts, though it ends a clause
_PLURALS = frozenset("people children men women police staff cattle personnel".split())


def _is_money(forms: Sequence[str], words: Sequence[str], i: int, after: int) -> bool:
    """Whether the number at ``i`` is a sum: a currency sign, word, "grand" or "27k"."""
    return (
        forms[i][:1] in "$£€"
        or bool(_K.match(words[i]))
        or any(w in _CURRENCY or w == "grand" for w in words[i : after + 1])
    )


def _said_of_it(words: Sequence[str], s: int, i: int, topic: str | None) -> str | None:
    """What a share or sum is said of where its sentence opens with a pronoun and a verb
    of being for the sentence before's ``topic`` ("Interest has risen. So it can be up to
    6.2%"), with no other number between, and nothing between that makes the pronoun
    impersonal or its own subject: no "that", word of saying or thinking, or -ing verb
    ("it is likely that 70%", "It is now believed that", "They are paying 6%")."""
    verb = _phrase_start(words, s, i) + 1
    if verb >= i or not (words[verb] in _BE or words[verb] in _AUXILIARIES or words[verb] == "can"):
        return None
    between = words[verb + 1 : i]
    if any(_number_at(words, k) for k in range(verb, i)) or any(
        w in _IMPERSONAL or w in _REPORT or w in _THINK or (len(w) > 4 and w.endswith("ing"))
        for w in between
    ):
        return None
    return referent(words, s, verb, topic)


# words that make "it is ..." impersonal rather than the topic's ("it is likely that")
_IMPERSONAL = frozenset("that likely unlikely believed thought expected feared".split())


def _what(
    forms: Sequence[str],
    words: Sequence[str],
    at: tuple[int, int, int, int],
    places: dict[int, str],
    value: float,
    counted: bool,
    topic: str | None = None,
) -> tuple[str | None, bool]:
    """(subject, counted) of the number at token ``i`` (``at`` = sentence start and end,
    the number's start, the token after it): what follows it, else what the words before
    say; for money, what the sum is for."""
    s, e, i, after = at
    currency = after < e and words[after] in _CURRENCY
    money = forms[i][:1] in "$£€" or words[after - 1] == "grand" or bool(_K.match(words[i]))
    alone = forms[after - 1][-1:] in ".,?!;:"  # "in 2021, one, The fund"
    subject = (
        None
        if alone
        else _place_subject(_subject(forms, words, after, e, money=money), places, s, i)
    ) or _subject_before(
        forms,
        words,
        s,
        i,
        counted or money or currency or value >= 2,
        priced=counted or money or currency,
        topic=topic,
    )
    if (money or _large(words, i, after)) and _only_when(subject):
        subject = None  # "$44 million since 2015", "36 million before 2007": when, not what
    if money or currency:
        # what the sum is for, named before it, unless a noun follows ("£20 notes")
        plain = (
            subject is None
            or currency
            or subject.split()[0].casefold() in _MONEY_FOR
            or _last_word(forms, words, subject, at)  # "a salary of 120 million (sound)?"
        )
        before = (
            _money_before(forms, words, s, i)
            or _subject_before(forms, words, s, i, True, priced=True, topic=topic)
            if plain
            else None
        )
        ahead = _before_sum(words, s, i)  # "a 10 million pounds liability"
        adjectival = currency and (
            words[after] in _ADJECTIVAL
            or any(words[k] in _DETERMINERS for k in range(max(s, ahead), i))
        )
        after_sum = (
            _purpose_after(forms, words, after + currency, e, adjectival=adjectival)
            if plain
            else None
        )
        if after_sum is not None and not _paid_for(words, s, i):  # "for £91 million": before
            subject = after_sum  # "dollars has been spent on new players"
        elif subject is not None and subject.split()[0].casefold() in _CURRENCY:
            subject = untrailed(_untimed(subject)) or subject  # "dollars since 2017",
            # "pounds for" (cut before "a 10-year campaign"): the currency
            said = subject.split()
            second = said[1:2]
            if second and not (second[0].casefold() in _LINKS or _past(second[0])):
                subject = said[0]  # not "dollars with the PIF acting as"
            elif len(said) == 3 and said[2].casefold() in _OBJECTS:
                subject = said[0]  # "pounds for him": whom for, not what
        elif subject is not None and subject.split()[0].casefold() in _AFTER_CURRENCY:
            subject = _after_rate(subject)  # "nine grand a year for the tuition"
        if subject is None or (" " not in subject and subject.casefold() in _CURRENCY):
            paid = None if before else _money_verb(forms, words, s, i)  # "Robinho was signed for"
            before = (
                before
                or (verb_purpose(forms, words, paid, after, e) if paid else None)
                or _money_noun_before(forms, words, s, i)  # "a market value over"
            )
        return before or subject, True
    rate = _how_often(subject) or (subject is not None and _last_word(forms, words, subject, at))
    if (
        (subject is None or rate)
        and (value >= 1e6 or (value >= 1000 and paid_bare(words, s, i)))
        and (paid := _money_before(forms, words, s, i) or _money_verb(forms, words, s, i))
    ):
        # "The cost nearly 10 million.", "she now owes 35,000", "invested 933 million in"
        return verb_purpose(forms, words, paid, after, e), True
    if subject is None and words[after : after + 2] == ["in", "attendance"]:
        return bare(forms[after + 1]), True  # "almost 60,000 in attendance"
    if (
        (subject is None or rate)
        and value >= 1000
        and (measured := _measure_of(forms, words, s, i))
    ):
        return measured, True  # "a capacity of 40,000", "a base of 150,000 per week"
    return subject, counted


_YEAR_WORDS = frozenset("since in during until by before after".split())  # "since 2015"


def _only_when(subject: str | None) -> bool:
    """Whether a subject says only when: "since 2015", "in 2018", "since 2020 alone",
    "before Shinawatra in 2007" (a short phrase opened by "before", "after" or "since"
    that holds a year)."""
    said = (subject or "").casefold().split()
    if len(said) in (2, 3) and said[0] in _YEAR_WORDS and all(w == "alone" for w in said[2:]):
        return bool(_YEAR.match(said[1]))
    return 2 <= len(said) <= 5 and said[0] in _TIMED and any(_YEAR.match(w) for w in said[1:])


_TIMED = frozenset("since before after until".split())


def _per_unit(
    forms: Sequence[str], words: Sequence[str], subject: str | None, j: int, e: int
) -> str | None:
    """A price said per thing (``j``: the token after the sum and its currency word),
    named ``subject`` or "price": "$147 dollars a barrel" -> "price per barrel"; ``subject``
    where no thing follows or a time does ("a week")."""
    if j + 1 >= e or words[j] not in _RATE or forms[j][-1:] in ".,?!;:":
        return subject
    unit = words[j + 1]
    if unit in _TIME_UNITS or unit in _WHEN_WORDS or not _noun(unit) or _number_at(words, j + 1):
        return subject
    return f"{subject or 'price'} per {bare(forms[j + 1])}"


# what a price per thing is called before it: "the price of a barrel ... $40 a barrel"
_PRICES = frozenset("price prices cost costs".split())


def _priced(subject: str | None) -> bool:
    """Whether a subject ends in a price noun ("Oil prices", "cost")."""
    said = subject.split() if subject else []
    return bool(said) and said[-1].casefold() in _PRICES


def _measure_of(forms: Sequence[str], words: Sequence[str], s: int, i: int) -> str | None:
    """What a number (from 1,000: "a term of 10" says nothing) with no noun after it
    measures, named before it with "of": "It boasts a capacity of 40,000" ->
    "capacity", "a crowd of 60,000"; not "a total of", "a number of", "the treaty of
    1648"."""
    j = i - 1
    while j > s and (words[j] in _ABOUT or words[j - 1 : j + 1] == ["up", "to"]):
        j -= 1
    if j - 2 < s or words[j] != "of" or _YEAR.match(words[i]):
        return None  # not "the treaty of 1648"
    noun = words[j - 1]
    if not _named(noun) or noun in _VACUOUS or noun in _NO_MEASURE:
        return None
    if words[j - 2] not in _DETERMINERS and noun not in _CROWDS:
        return None  # "a capacity of", "attendances of up to 59,000"
    return bare(forms[j - 1])


# plural nouns for the measure of a crowd, which need no article: "crowds of 60,000"
_CROWDS = frozenset("attendances crowds gates audiences capacities sales".split())


def _subject_before(
    forms: Sequence[str],
    words: Sequence[str],
    s: int,
    i: int,
    counted: bool,
    *,
    priced: bool = False,
    topic: str | None = None,
) -> str | None:
    """What a percentage measures when the words before it say: "US aid for Ukraine fell
    by 99%" -> "US aid for Ukraine"; "Saudi's population, 70 of which" -> "Saudi's
    population"; "China emissions have actually fallen back by" -> "China emissions";
    "Inflation is expected to fall to 2%" -> "Inflation"; "the IMF expects growth to
    decelerate to" -> "growth"."""
    if not counted:
        return None
    if i + 2 < len(words) and words[i + 1] == "of" and words[i + 2] in ("which", "whom"):
        whole = [bare(forms[k]) for k in range(max(s, i - 3), i) if _noun(words[k])]
        return " ".join(whole) or None
    j = _change_before(words, s, i)
    if j is None:
        return _changed_object(forms, words, s, i, counts=not priced)
    j = _changed_end(words, s, j)
    if j is None:
        return None
    if (it := referent(words, s, j, topic)) is not None:
        return it  # "The Saudi economy boomed. It grew from 15 billion dollars"
    out, first = _words_back(
        forms,
        s,
        j - 1,
        6,
        lambda k: (
            words[k] in _STOP
            or words[k] in _SPEAKER_STOP
            or words[k] in _REPORT
            or words[k] in _THINK
            or bool(_number_at(words, k))
        ),  # not "70 of (which is under 35)", "Officials fear (the death toll)"
        own_comma=words[j] in ("which", "that"),  # "revenues, which increased by"
    )
    inside = first > s and (  # "(...) in MCFC (by Sheikh Mansour since his takeover)"
        words[first] in _PREPOSITIONS
        or words[first - 1] in _PREPOSITIONS
        or (
            first - 1 > s and words[first - 1] in _DETERMINERS and words[first - 2] in _PREPOSITIONS
        )
    )
    if out and inside and (opened := opening(forms, words, s, j)):
        out = opened.split()  # "(The total cash investments) in MCFC by ... since his takeover"
    if out and out[0].casefold() in _WHEN:  # "In March inflation fell to 3.2%"
        out = out[-1:]
    while out and out[0].casefold() in _LEAD_ADVERBS:
        out.pop(0)  # "Here the population is under 3 million"
    while out and out[0].casefold() in _DETERMINERS:
        out.pop(0)
    last = out[-1].casefold() if out else ""
    if not out or out[0].casefold() in _PRONOUNS or not _noun(last) or last == "of":
        return None  # "that he got was 52%", "70 of which is under 35"
    return " ".join(out)


def _place_subject(subject: str | None, places: dict[int, str], s: int, i: int) -> str | None:
    """A subject ending in "there" names the place mentioned last before token ``i``."""
    if subject and subject.split()[-1].lower() == "there":
        place = next((places[k] for k in range(i - 1, s - 1, -1) if k in places), None)
        if place:
            return subject[: -len("there")] + f"in {place}"
    return subject
