"""Who a sentence says a number comes from: "according to X", "X said", "told by X",
and a neighbouring sentence's source for "it said" or "And ..."."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from newsreel.entities.claims.numbers import _number_at, _past
from newsreel.entities.claims.words import (
    _AFTER_NAME,
    _ASIDE,
    _AUXILIARIES,
    _BACK,
    _BE,
    _BETWEEN,
    _BY,
    _CLAUSE_VERBS,
    _DESCRIBED,
    _DETERMINERS,
    _DIGITS,
    _FRAGMENT_END,
    _FRAGMENT_START,
    _GO_ON,
    _LEAD_WORDS,
    _LY_NOUNS,
    _MEDIA,
    _MONTHS,
    _NAME_JOINERS,
    _NAME_PART,
    _NEGATION,
    _NOUN_BEFORE,
    _OWN_REPORT,
    _PASSIVE,
    _PHRASE_ENDS,
    _PREPOSITIONS,
    _PRONOUNS,
    _REPORT,
    _REPORT_NOUNS,
    _ROLES,
    _SAY,
    _SPEAKER_STOP,
    _STOP,
    _SUBORDINATE,
    _THEIR_REPORT,
    _THEIRS,
    _TIME_ADVERBS,
    _TIME_UNITS,
    _TITLE_WORDS,
    _VAGUE_SOURCES,
    _WEEKDAYS,
    _WH,
    _WHEN,
    _YEAR,
    SOURCE_NOUNS,
)
from newsreel.repair.clean import bare, core


@dataclass(frozen=True, slots=True)
class _Source:
    """A sentence's source and the tokens that name it."""

    name: str
    start: int
    end: int


def _phrase_after(words: Sequence[str], forms: Sequence[str], at: int, end: int) -> _Source | None:
    """The source named from token ``at`` on ("according to X", "told by X")."""
    got: list[str] = []
    for k in range(at, min(end, at + 5)):
        if (
            words[k] in _STOP
            or words[k] in _PHRASE_ENDS
            or (words[k] in _REPORT and words[k] not in ("reports", "claims"))
            or (_DIGITS.match(words[k]) and not (got and got[-1][:1].isupper()))  # "Channel 12"
            or (k > at + 1 and words[k].endswith("ed"))
            or (k > at and words[k] == "the" and words[k - 1] not in _NAME_JOINERS | {"of"})
        ):
            break  # "according to the nation's accounts (the deficit)"
        got.append(bare(forms[k]))
        if forms[k][-1:] in ".,?!;:":
            break
    while got and got[-1].casefold() in ("of", "for", "from", "the", "and"):
        got.pop()  # "a survey by YouGov of 2,000 adults"
    named = named_source(got) if got else None
    return _Source(named, at, at + len(got)) if named else None


def _source(
    words: Sequence[str],
    forms: Sequence[str],
    start: int,
    end: int,
    names: Collection[int] = (),
) -> _Source | None:
    """The source a sentence names: "according to X", "X said/reports", "told by X",
    "the findings of X"; ``names``: the tokens of entity mentions, so that a name that
    opens the sentence is one though every sentence opens with a capital ("Hamas said")."""
    for j in range(start, end - 2):
        pair = (words[j], words[j + 1])
        if (
            pair == ("according", "to")
            or (pair[1] == "by" and (pair[0] in _BY or pair[0] in _REPORT_NOUNS))
            or (pair[1] == "of" and pair[0] in ("finding", "findings"))
        ) and (found := _phrase_after(words, forms, j + 2, end)):
            return found
    for j in range(start + 1, end):
        alleged = words[j] == "alleged" and words[j + 1 : j + 2] == ["that"]
        if _told(words, j):
            continue
        if (
            (words[j] in _REPORT or alleged)  # "Israel's alleged strikes": no report
            and words[j + 1 : j + 2] not in (["off"], ["down"])  # "wrote off 5 billion"
            and words[j - 1] not in _NOUN_BEFORE  # "with claims of ...": a noun
            and not _pronoun_report(words, max(start, j - 3), j + 1)
        ):
            speaker = _speaker_before(words, forms, start, j) or _opener(words, forms, start, j)
            if speaker is None:
                continue
            said = speaker[0].split()
            if said[-1].endswith(("'s", "’s")):  # "the UK government's announced": has
                said[-1] = said[-1][:-2]
            opens = speaker[1] == start and not (  # "Hamas said"; not "Chelsea would
                words[j] in _SAY and any(k in names for k in range(start, j))  # have found"
            )
            named = named_source(said, start_of_sentence=opens)
            if named:
                # "reports" a noun ("Israeli media reports", "Israeli reports saying"); a
                # verb after an outlet ("Sky News reports") or before "that"
                after = words[j + 1 : j + 2]
                noun = words[j] == "reports" and after != ["that"]
                media = noun and (said[-1] in _MEDIA or after == ["saying"])
                name = f"{named} {forms[j]}" if media else named
                return _Source(name, speaker[1], j)
    return None


def _told(words: Sequence[str], j: int) -> bool:
    """Whether the verb at ``j`` says nothing of its subject's: a passive ("Netanyahu was
    told that", "Trump is said to have paid") or "added" a number ("Germany added 2
    billion euros to the aid package")."""
    passive = j > 0 and words[j - 1] in _PASSIVE
    return passive or (words[j] == "added" and _number_at(words, j + 1) is not None)


def named_source(words: Sequence[str], *, start_of_sentence: bool = False) -> str | None:
    """``words`` as a source, or None where they name no one: a source is a name (a
    capitalised word, not only the sentence's first) or a known source phrase ("the
    mayor", "airport officials"); never a pronoun, a number, a negation ("the article
    never") or a vague "officials" / "reports" alone."""
    got = [  # no ">>", no "[Music]"
        bare(w) for w in words if any(c.isalnum() for c in w) and not w.startswith("[")
    ]
    got, start_of_sentence = _opening_cut(got, start_of_sentence)
    got = _closing_cut(got)
    folded = [w.casefold() for w in got]
    if (
        not got
        or _fragment(got)
        or any(w in _NEGATION or _pronoun(w) or w == "according" for w in folded)
        or any(c.isdigit() for c in got[0])  # "24 missiles were told by ..."
        or folded[0] in _WH  # "what I'm trying to (say)", "What the Iranians (said)"
    ):
        return None
    content = [w for w in folded if w not in _DETERMINERS]
    named = any(w[:1].isupper() for w in got[1 if start_of_sentence else 0 :])
    owned = (
        any(  # "the club's latest accounts"
            w.endswith(("'s", "’s")) and w[:-2] in SOURCE_NOUNS for w in folded[:-1]
        )
        and folded[-1] in _OWN_REPORT
    )
    known = (
        owned
        or any(w in SOURCE_NOUNS for w in folded)
        or (folded[-1] in _VAGUE_SOURCES and len(content) > 1)
    )
    if not (named or known) or content in ([], ["media"]):
        return None
    return " ".join(_named_last(got))


def _opening_cut(got: list[str], start_of_sentence: bool) -> tuple[list[str], bool]:
    """A source's words without what opens the clause before its name: a question word
    ("(Keep in) mind what the Trump administration"), "There were", a relative "which",
    a time word ("Yesterday"), "by", a date ("In 2019"), an article; and whether its first
    word still opens the sentence."""
    before = None
    while got != before:  # each cut may reveal another: "one where the government"
        before = got
        got, start_of_sentence = _opening_step(got, start_of_sentence)
    return got, start_of_sentence


def _opening_step(got: list[str], start_of_sentence: bool) -> tuple[list[str], bool]:
    """One pass of ``_opening_cut``."""
    wh = [n for n, w in enumerate(got[:-1]) if w.casefold() in _WH]
    if wh and (wh[-1] > 0 or not start_of_sentence):
        got, start_of_sentence = got[wh[-1] + 1 :], False
    if len(got) > 2 and got[0].casefold() == "there" and got[1] in _BE:
        got, start_of_sentence = got[2:], False  # "There were Israeli reports saying"
    while len(got) > 1 and got[0].casefold() in ("which", "where"):
        got, start_of_sentence = got[1:], False  # "(this agreement,) which the Americans"
    while len(got) > 1 and got[0].casefold() in _TIME_ADVERBS:
        got, start_of_sentence = got[1:], False  # "Yesterday the health ministry"
    if len(got) > 1 and got[0].casefold() in ("by", "from"):
        got = got[1:]  # "(emails obtained) by the Sunday Times revealed"
    while len(got) > 2 and got[0].casefold() in _WHEN and _date_word(got[1]):
        got, start_of_sentence = got[2:], False  # "In 2019 Deloitte ranked"
    if len(got) > 2 and got[0].casefold() in _DETERMINERS and got[1] in _PREPOSITIONS:
        got = got[2:]  # a stutter: "(the ex head of) the of Qatar Airways"
    if len(got) > 1 and got[0].casefold() in ("a", "an", "one"):
        # "A DERA spokesperson" is the DERA spokesperson; "A Pentagon official": the
        # article was the sentence's first word
        got, start_of_sentence = got[1:], False
    return got, start_of_sentence


def _closing_cut(got: list[str]) -> list[str]:
    """A source's words without what follows its name: auxiliaries and adverbs ("Hamas
    has always"), a phrase after a name ("Rachel Reeves with some fanfare"), a time
    ("his spokesman yesterday", "the Prime Minister this weekend")."""
    while got and (got[-1] in _AUXILIARIES or _adverb(got[-1].casefold(), got[-1])):
        got = got[:-1]
    for k in range(1, len(got)):
        then = got[k + 1] if k + 1 < len(got) else ""
        if got[k - 1][:1].isupper() and got[k] in _AFTER_NAME and not then[:1].isupper():
            got = got[:k]  # not "Officials in Gaza"
            break
    while len(got) > 1 and got[-1] in _TIME_ADVERBS:  # not "USA Today"
        got = got[:-1]
    if len(got) > 2 and got[-2].casefold() in ("this", "last") and _when_word(got[-1]):
        got = got[:-2]
    return got


def speaker_head(forms: Sequence[str], start: int, end: int, phrase: str) -> int | None:
    """The token that heads ``phrase``, the source ``named_source`` made of the words
    ``start:end`` before a verb of saying: its last word ("Former Prime Minister Gordon
    Brown"), or the noun before what describes it ("Workers (in Qatar)", "The Saudi
    consortium") unless that noun is a role: "the head of NATO" speaks for NATO. None
    where the phrase is not found among the words."""
    words = phrase.split()
    last = next((k for k in range(end - 1, start - 1, -1) if bare(forms[k]) == words[-1]), None)
    if last is None:
        return None
    first = max(start, last - len(words) + 1)
    for n in range(first + 1, last):
        if core(forms[n]).casefold() in _DESCRIBED:
            role = core(forms[n - 1]).casefold()
            return last if role in _TITLE_WORDS or role in _ROLES else n - 1
    return last


def _when_word(word: str) -> bool:
    """A word of time after "this" or "last" ("weekend", "night", "year")."""
    return word.casefold() in _TIME_UNITS or word.casefold() in ("weekend", "night", "morning")


def _fragment(got: Sequence[str]) -> bool:
    """Whether words cut from a sentence are no noun phrase: they open with a preposition,
    "to" or a verb of being ("to force the government to", "was a Prime Minister who") or
    end in a function word or an "-ing" verb ("the King last night did", "Police are
    currently assessing")."""
    first, last = got[0].casefold(), got[-1].casefold()
    before = got[-2].casefold() if len(got) > 1 else ""
    named = all(w[:1].isupper() for w in got)  # "For Women Scotland"
    clause = any(w in _CLAUSE_VERBS for w in got[1:-1]) or any(
        _doing(got[k]) and got[k - 1][:1].isupper() and got[k + 1] in _PREPOSITIONS
        for k in range(1, len(got) - 1)
    )  # "Amnesty International UK had a campaign", "Riyadh searching through the company";
    # not "The fundraising regulator", "Union representing 65,000 footballers"
    return (
        clause
        or _number_at([first], 0) is not None  # "three decades with the Saudi"
        or (first in _FRAGMENT_START and not named)
        or (last in _FRAGMENT_END and got[-1].islower())  # not "Theresa May"
        or (_doing(got[-1]) and before not in _PREPOSITIONS | {"the"})  # not "the
        # ministry of housing"
    )


def _doing(word: str) -> bool:
    """An "-ing" verb as written in lower case ("assessing", "searching")."""
    return word.islower() and len(word) > 5 and word.endswith("ing")


def _pronoun(word: str) -> bool:
    """A pronoun, or one run together with a verb ("I'd", "we've", "it's", "let's")."""
    head = word.replace("’", "'").split("'")[0]
    return word in _PRONOUNS or (head != word and (head in _PRONOUNS or head == "let"))


def _adverb(word: str, form: str) -> bool:
    """An adverb between a source and its verb ("also", "always", "repeatedly"); not a
    negation ("never" keeps a source from being one) nor a capitalised name ("Kelly")."""
    ly = len(word) > 4 and word.endswith("ly") and word not in _LY_NOUNS  # not "family"
    return form.islower() and (word in _BETWEEN or ly)


def _date_word(word: str) -> bool:
    """A year, a month or a day ("in 2019", "in March", "on Monday")."""
    return bool(_YEAR.match(word)) or word.casefold() in _MONTHS or word.casefold() in _WEEKDAYS


def _named_last(got: list[str]) -> list[str]:
    """A source that ends in a name, without the role before it: "ex-co-member Rafael
    Salguero" -> "Rafael Salguero", "City's chairman Khaldoun" -> "Khaldoun"; "the
    spokesman for Hamas" stays."""
    r = len(got)
    while r > 0 and (
        got[r - 1][:1].isupper() or (got[r - 1] in _NAME_JOINERS and r > 1 and r < len(got))
    ):
        r -= 1  # "Mohammed bin Salman" is one name
    if r == 0 or r == len(got) or any(w.casefold() in _DESCRIBED for w in got[:r]):
        return got
    if all(w.casefold() in _TITLE_WORDS for w in got[r:]):
        return got  # "the country's deputy Prime Minister": a role, no name
    return got[r:] if got[r - 1][:1].islower() else got


def _speaker_before(
    words: Sequence[str], forms: Sequence[str], start: int, verb: int
) -> tuple[str, int] | None:
    got: list[str] = []
    while verb - 1 > start and _adverb(words[verb - 1], forms[verb - 1]):
        verb -= 1  # "The ministry also said", "The Kremlin has repeatedly said"
    first = verb
    for k in range(verb - 1, max(start - 1, verb - 9), -1):
        name_part = k < verb - 1 and _NAME_PART.match(forms[k])  # "Robert F. Kennedy Jr."
        closes = k == verb - 1 and forms[k][-1:] == ","  # "The mayor, Vitali Klitschko, said"
        if words[k] in _SPEAKER_STOP or (forms[k][-1:] in ".,?!;:" and not (name_part or closes)):
            break
        if k < verb - 1 and _clause_verb(words[k], forms[k]):
            break  # "one woman died police said": the police said
        if (
            k < verb - 5
            and (
                words[k] in _TIME_ADVERBS  # "Yesterday Saudi Crown Prince ... said"
                or words[k] in _DETERMINERS
                or not (forms[k][:1].isupper() or words[k] in _NAME_JOINERS)
            )
        ):
            break  # past five words only a long name goes on: "Saudi Crown Prince Mohammed"
        got.insert(0, forms[k])
        first = k
    if (
        got
        and words[first] in _ASIDE
        and first - 1 >= start
        and forms[first - 1][-1:] == ","
        and (named := _speaker_before(words, forms, start, first))
    ):
        return named  # "Mohammed bin Salman, in a media interview, suggested"
    return (" ".join(got), first) if got else None


def _opener(
    words: Sequence[str], forms: Sequence[str], start: int, verb: int
) -> tuple[str, int] | None:
    """Who a sentence opens with, for a report joined on by "and": "The US Deputy
    Attorney General Todd Blanche has been holding a news conference ... and said"."""
    if verb - 1 <= start or words[verb - 1] != "and" or words[verb] not in _SAY:
        return None
    k = start
    while k < verb - 1 and (words[k] in _LEAD_WORDS or words[k] in _TIME_ADVERBS):
        k += 1  # "But Labour has ...", "Earlier the Prime Minister ..."
    if words[k] in _SUBORDINATE:
        return None  # "After Boris Johnson resigned the party ... and said"
    k += words[k] == "the"
    first = k
    while k < verb - 1 and (forms[k][:1].isupper() or (k > first and words[k] in _NAME_JOINERS)):
        k += 1
    if k == first or k - first > 7 or not (words[k] in _AUXILIARIES or _past(words[k])):
        return None
    return " ".join(forms[first - (words[first - 1 : first] == ["the"]) : k]), first


def _clause_verb(word: str, form: str) -> bool:
    """Whether a word before a source ends the clause before it: a verb in the past as the
    captions write it in lower case ("died", "killed"); not a name ("Mohammed") nor a
    compound ("state-owned")."""
    if form[:1].isupper() or "-" in word:
        return False
    return word in ("died", "dead") or _past(word)


def _pronoun_report(words: Sequence[str], start: int, end: int) -> bool:
    """'it said', 'they even said': a report whose source is named elsewhere."""
    return any(
        words[j] in _SAY and any(words[k] in _PRONOUNS for k in range(max(start, j - 3), j))
        for j in range(start, end)
    )


def _sentence_source(
    words: Sequence[str],
    spans: Sequence[tuple[int, int]],
    sources: Sequence[_Source | None],
    n: int,
) -> _Source | None:
    """The source of sentence ``n``: its own, or one a neighbouring sentence names."""
    s, e = spans[n]
    source = sources[n]
    if (  # "...800 prisoners. It seems like this is something Israel, according to X, agreed"
        source is None and n + 1 < len(spans) and words[spans[n + 1][0]] in _BACK
    ):
        if sources[n + 1] is not None and "according" in words[slice(*spans[n + 1])]:
            source = sources[n + 1]
        elif n + 2 < len(spans) and words[spans[n + 2][0]] == "according":
            source = sources[n + 2]
    if (
        source is None
        and n
        and (
            _pronoun_report(words, s, e)
            or words[s] in _GO_ON
            or (words[s] in _THEIRS and s + 1 < e and words[s + 1] in _THEIR_REPORT)
        )
    ):
        source = sources[n - 1]
    return source
