"""Who a sentence says a number comes from: "according to X", "X said", "told by X",
and a neighbouring sentence's source for "it said" or "And ..."."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from newsreel.entities.claims.numbers import _noun, _number_at, _past
from newsreel.entities.claims.source_names import _adverb, _date_word, named_source
from newsreel.entities.claims.source_words import (
    _ASIDE,
    _BACK,
    _BETWEEN,
    _BY,
    _GO_ON,
    _MEDIA,
    _NAME_JOINERS,
    _NAME_PART,
    _NOUN_BEFORE,
    _PHRASE_ENDS,
    _REPORT,
    _REPORT_NOUNS,
    _SAY,
    _SPEAKER_STOP,
    _SUBORDINATE,
    _THEIR_REPORT,
    _THEIRS,
    _VAGUE_SOURCES,
    ly_adverb,
)
from newsreel.entities.claims.words import (
    _ABOUT,
    _ARTICLES,
    _AUXILIARIES,
    _DETERMINERS,
    _DIGITS,
    _HAVE,
    _LEAD_ADVERBS,
    _LEAD_WORDS,
    _NEGATION,
    _PASSIVE,
    _POSSESSIVE,
    _PRONOUNS,
    _STOP,
    _TIME_ADVERBS,
    _WORDS,
)
from newsreel.repair.clean import FILLERS, bare


@dataclass(frozen=True, slots=True)
class _Source:
    """A sentence's source and the tokens that name it."""

    name: str
    start: int
    end: int


def _phrase_after(words: Sequence[str], forms: Sequence[str], at: int, end: int) -> _Source | None:
    """The source named from token ``at`` on ("according to X", "told by X"); a filler
    is passed over ("according to uh Hamas", "Steven Miller uh, the deputy chief"); a
    count in words before it is its own ("according to two senior officials")."""
    if words[at] in _WORDS and at + 1 < end and not _number_at(words, at + 1):
        counted = _phrase_after(words, forms, at + 1, end)
        if counted is not None:
            return _Source(f"{bare(forms[at])} {counted.name}", at, counted.end)
        return None
    got: list[str] = []
    last = at
    for k in range(at, min(end, at + 5)):
        if _filler(words, forms, k):
            if forms[k][-1:] in ".,?!;:":
                break
            continue
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
        last = k + 1
        if forms[k][-1:] in ".,?!;:" and not _titled(forms, k, end):
            break
    while got and got[-1].casefold() in ("of", "for", "from", "the", "and"):
        got.pop()  # "a survey by YouGov of 2,000 adults"
    named = named_source(got) if got else None
    if named is None and got and got[-1].casefold() in _PLACED_SOURCES:
        placed = _placed_words(forms, last, end)  # "according to hospitals in the Gaza
        if placed and (named := named_source(got + placed)):  # Strip"
            return _Source(named, at, last + len(placed))
    return _Source(named, at, last) if named else None


def _filler(words: Sequence[str], forms: Sequence[str], k: int) -> bool:
    """Whether token ``k`` is a filler said in lower case ("uh", "um"; not "ER doctors")."""
    return words[k] in FILLERS and bare(forms[k]).islower()


# sources that name no one alone but do where a place follows ("according to hospitals
# in the Gaza Strip"; not "everyone in Britain", "the plan in Brussels")
_PLACED_SOURCES = _VAGUE_SOURCES | {"hospitals"}
_PLACING = frozenset({"in", "at", "from"})
_FEASTS = frozenset("christmas easter ramadan eid diwali hanukkah passover".split())


def _placed_words(forms: Sequence[str], k: int, end: int) -> list[str]:
    """The words from token ``k`` that place a source naming no one alone: "in", "at"
    or "from", an optional "the", then capitalised words that end the sentence or a
    comma does ("in the Gaza Strip.", "at Nasser Hospital,"); none where they run on
    ("officials in Gaza Israeli strikes killed", "in the Syrian city of Aleppo"), name
    a date ("officials in March") or a title ("in Mr. Putin's office")."""
    if k >= end or bare(forms[k]).casefold() not in _PLACING:
        return []
    got = [bare(forms[k])]
    k += 1
    if k < end and bare(forms[k]).casefold() == "the":
        got.append(bare(forms[k]))
        k += 1
    first = k
    while k < end and k - first < 4 and forms[k][:1].isupper():
        word = bare(forms[k])
        if _date_word(word) or word.casefold() in _FEASTS or _titled(forms, k, end):
            return []
        got.append(word)
        if _phrase_closes(forms, k, end):
            return got
        k += 1
    return []


def _phrase_closes(forms: Sequence[str], k: int, end: int) -> bool:
    """Whether a comma (or a colon, a semicolon) or the sentence's end closes a phrase
    at token ``k``, on the token or as the next one ("Kyiv," or "Kyiv ,")."""
    if k == end - 1 or forms[k][-1:] in ",;:":
        return True
    nxt = forms[k + 1]
    return nxt in (",", ";", ":") or (nxt in (".", "?", "!") and k + 1 == end - 1)


def _titled(forms: Sequence[str], k: int, end: int) -> bool:
    """Whether token ``k`` is a title's abbreviation ("Dr.", "Mr.") before a capitalised
    name: its full stop ends no source ("according to Dr. Jha")."""
    return (
        forms[k].rstrip(".").casefold() in _TITLE_ABBREVIATIONS
        and forms[k].endswith(".")
        and k + 1 < end
        and forms[k + 1][:1].isupper()
    )


# verbs of judging that report only before "that": "UEFA decided that the true value of
# the contract was ...", not "Chelsea decided to pay"
_JUDGED = frozenset("alleged decided ruled determined calculated".split())
# what opens a clause after "that" (not "ruled that out", "decided that case")
_CLAUSE_START = frozenset("the a an its their his her our he she it they we there".split())


def _clause_after_that(forms: Sequence[str], words: Sequence[str], j: int, end: int) -> bool:
    """Whether token ``j`` is a "that" that opens a clause: after "alleged", any; after
    another verb of judging or finding, one that an article, a pronoun, a name or a
    number follows ("UEFA decided that the true value"; not "ruled that out", "decided
    that day", "found that difficult")."""
    if words[j : j + 1] != ["that"]:
        return False
    if words[j - 1] == "alleged":
        return True
    return (
        j + 1 < end
        and (
            words[j + 1] in _CLAUSE_START
            or words[j + 1] in _ADVERBIAL  # "found that long before the 2100 expiry date, ..."
            or forms[j + 1][:1].isupper()
            or _number_at(words, j + 1, end) is not None  # "decided that 40 million euros"
        )
    )


# what opens an adverbial before a clause's subject ("that in 2019 the club ...")
_ADVERBIAL = frozenset(
    "long in since despite although when after before during between almost nearly around "
    "about".split()
)

_TITLE_ABBREVIATIONS = frozenset("dr mr mrs ms prof gen col lt sgt rep sen gov st".split())


def _source(
    words: Sequence[str],
    forms: Sequence[str],
    start: int,
    end: int,
    names: Collection[int] = (),
) -> _Source | None:
    """The source a sentence names: "according to X", "as per X", "X said/reports",
    "told by X", "the findings of X"; ``names``: the tokens of entity mentions, so that a name that
    opens the sentence is one though every sentence opens with a capital ("Hamas said")."""
    for j in range(start, end - 2):
        pair = (words[j], words[j + 1])
        if (
            pair in (("according", "to"), ("as", "per"))
            or (pair[1] == "by" and (pair[0] in _BY or pair[0] in _REPORT_NOUNS))
            or (pair[1] == "of" and pair[0] in ("finding", "findings"))
        ) and (found := _phrase_after(words, forms, j + 2, end)):
            return found
    for j in range(start + 1, end):
        alleged = words[j] in _JUDGED and _clause_after_that(forms, words, j + 1, end)
        if _told(words, j):
            continue
        if words[j] in _SAY and forms[j - 1][-1:] == "," and _inverted(words, forms, j, end):
            # "I paid 10,000 pounds to an agency, said the worker": who follows said it
            if (inverted := _phrase_after(words, forms, j + 1, end)) is not None:
                return inverted
            continue  # never the words before the comma ("pounds to an agency")
        if (
            (words[j] in _REPORT or alleged)  # "Israel's alleged strikes": no report
            and words[j + 1 : j + 2] not in (["off"], ["down"], ["out"])  # "wrote off 5
            # billion"; "when UEFA found out about this deal": no report
            and words[j - 1] not in _NOUN_BEFORE  # "with claims of ...": a noun
            and not _pronoun_report(words, max(start, j - 3), j + 1)
        ):
            before = _speaker_before(words, forms, start, j)
            speaker = before or _opener(words, forms, start, j)
            if speaker is None:
                continue
            # who opens the sentence speaks for its clause ("Tik Tok has banned four
            # accounts ... and says"); words between a source and its verb describe it
            # ("the union representing 65,000 footballers warned")
            upto = (
                j
                if before or _passive_after(words, speaker)
                else speaker[1] + len(speaker[0].split())
            )
            said = speaker[0].split()
            if said[-1].endswith(("'s", "’s")):  # "the UK government's announced": has
                said[-1] = said[-1][:-2]
            opens = speaker[1] == start and not (  # "Hamas said", "UEFA decided that",
                (words[j] in _SAY or alleged or _finds_that(forms, words, j, end))  # "FIFA
                and any(k in names for k in range(start, j))  # estimates 5 billion fans";
            )  # not "Chelsea would have found it"
            named = named_source(said, start_of_sentence=opens)
            if named:
                # "reports" a noun ("Israeli media reports", "Israeli reports saying"); a
                # verb after an outlet ("Sky News reports") or before "that"
                after = words[j + 1 : j + 2]
                noun = words[j] == "reports" and after != ["that"]
                media = noun and (said[-1] in _MEDIA or after == ["saying"])
                name = f"{named} {forms[j]}" if media else named
                return _Source(name, speaker[1], upto)
    return None


def _finds_that(forms: Sequence[str], words: Sequence[str], j: int, end: int) -> bool:
    """Whether a verb of finding at ``j`` reports what follows: a clause after "that"
    ("Carbon tracker found that Saudi Arabia ...", "found that 40% ..."), or, after a
    verb of estimating, a number ("FIFA estimates around 5 billion fans will watch");
    not "found that difficult", "recorded that song", "recorded 3 wins"."""
    if j + 1 >= end or words[j] not in _REPORT:
        return False
    if _clause_after_that(forms, words, j + 1, end):
        return True
    if words[j] not in _ESTIMATES:
        return False
    k = j + 1
    while k < min(end, j + 4) and words[k] in _NUMBER_HEDGES:
        k += 1  # "estimates around", "estimated up to", "predicts as many as"
    return _number_at(words, k, end) is not None


# the verbs of finding (source_words._FIND) that report a number said straight after
_ESTIMATES = frozenset(
    "estimates estimated predicts predicted predict forecasts forecast reckons reckon "
    "expects".split()
)
# what may stand before such a number: words.py's "about" words, not an article
_NUMBER_HEDGES = (_ABOUT - {"a", "an"}) | {"as", "many", "much", "under"}


def _inverted(words: Sequence[str], forms: Sequence[str], j: int, end: int) -> bool:
    """Whether "said" at ``j`` is followed by who said it, up to the sentence's end or a
    comma: "the worker", "Hamas", "Dr. Ahmed, a doctor in Gaza"; not "said 300 homes"."""
    k = j + 1
    if k >= end or not (words[k] in ("the", "a", "an") or forms[k][:1].isupper()):
        return False
    last = min(end, k + 5)
    for t in range(k, last):
        if forms[t][-1:] in ",;:?!" or t == end - 1 or (forms[t][-1:] == "." and t + 1 == end):
            return True
        if forms[t][-1:] == "." and not _titled(forms, t, end):
            return True
    return last == end


def _told(words: Sequence[str], j: int) -> bool:
    """Whether the verb at ``j`` says nothing of its subject's: a passive ("Netanyahu was
    told that", "Trump is said to have paid") or "added" a number ("Germany added 2
    billion euros to the aid package")."""
    passive = j > 0 and words[j - 1] in _PASSIVE
    return passive or (words[j] == "added" and _number_at(words, j + 1) is not None)


# adverbs that may stand before a pronoun that says: "again he said", "today she said"
_BEFORE_HE = _TIME_ADVERBS | frozenset(
    "again however indeed instead once actually certainly clearly basically essentially "
    "apparently obviously really where >>".split()  # "that's where he says", ">> He said"
)


def _speaker_before(
    words: Sequence[str], forms: Sequence[str], start: int, verb: int
) -> tuple[str, int] | None:
    got: list[str] = []
    while verb - 1 > start and (
        _adverb(words[verb - 1], forms[verb - 1])
        or (words[verb - 1] in _HAVE and forms[verb - 2][-1:] == ",")
    ):
        verb -= 1  # "The ministry also said", "The Kremlin has repeatedly said",
        # "The head of the Council, Charles Michel, has said"
    if (aside := _description(words, forms, start, verb)) is not None:
        return _speaker_before(words, forms, start, aside)  # "Amnesty, the rights group,"
    if verb - 2 >= start and words[verb - 1] in _PRONOUNS and words[verb - 2] in _BEFORE_HE:
        return forms[verb - 1], verb - 1  # "but again he said": "he", not "again he"
        # (nobody); not "what he said", "the way he said", "something he promised"
    first = verb
    short = verb - 5  # past this, only a long name goes on (or a placed body's words)
    for k in range(verb - 1, max(start - 1, verb - 9), -1):
        name_part = k < verb - 1 and _NAME_PART.match(forms[k])  # "Robert F. Kennedy Jr."
        closes = k == verb - 1 and forms[k][-1:] == ","  # "The mayor, Vitali Klitschko, said"
        if words[k] in _SPEAKER_STOP or (forms[k][-1:] in ".,?!;:" and not (name_part or closes)):
            break
        if k < verb - 1 and _placed(words, k, verb):
            short = k - 4  # "one human rights group (based in the US) has confirmed"
        elif k < verb - 1 and _clause_verb(words[k], forms[k]):
            break  # "one woman died police said": the police said
        if (
            k < short
            and (
                words[k] in _TIME_ADVERBS  # "Yesterday Saudi Crown Prince ... said"
                or words[k] in _DETERMINERS
                or not (forms[k][:1].isupper() or words[k] in _NAME_JOINERS)
            )
        ):
            plain = all(  # one noun phrase, no "of": "rights activist news agency (has)"
                _noun(w.casefold().replace("-", "")) or w.casefold() in _HAVE for w in got
            )
            opened = _article_back(words, forms, max(start, k - _LONGER_BODY), k)
            if opened is not None and plain and short == verb - 5:  # "The US-based human rights
                got[:0] = forms[opened + 1 : k + 1]  # activist news agency has confirmed"
                first = opened + 1
            break  # past five words only a long name goes on: "Saudi Crown Prince Mohammed"
        got.insert(0, forms[k])
        first = k
        if short < verb - 5 and words[k] in _DETERMINERS:
            break  # a placed body's phrase opens at its article: "(In a statement
            # yesterday) the charity based in London said"
    if (
        got
        and words[first] in _ASIDE
        and first - 1 >= start
        and forms[first - 1][-1:] == ","
        and (named := _speaker_before(words, forms, start, first))
    ):
        return named  # "Mohammed bin Salman, in a media interview, suggested"
    return (" ".join(got), first) if got else None


_LONGER_BODY = 3  # words a body's noun phrase goes on past five, back to its article


def _article_back(words: Sequence[str], forms: Sequence[str], lo: int, k: int) -> int | None:
    """The article that opens a long noun phrase of plain words, from token ``k`` back to
    ``lo`` at most ("the US-based human (rights activist news agency)"); none past a
    punctuation mark, a verb, a time adverb or a word that ends a speaker."""
    for m in range(k, lo - 1, -1):
        if words[m] in _ARTICLES:
            return m if m < k else None
        if (
            forms[m][-1:] in ".,?!;:"
            or words[m] in _SPEAKER_STOP
            or words[m] in _TIME_ADVERBS
            or words[m] in _DETERMINERS
            or _clause_verb(words[m], forms[m])
            or not _noun(words[m].replace("-", ""))  # "US-based"
        ):
            return None
    return None


def _description(words: Sequence[str], forms: Sequence[str], start: int, verb: int) -> int | None:
    """The first token of a description set off by commas just before the verb at
    ``verb`` ("The agency, a group based in the US, says"; "Amnesty, the rights group,
    said"; "The ministry, which runs the schools, says"), so that the speaker is the
    name before it; not a name in apposition ("The mayor, Vitali Klitschko, said")."""
    if verb - 1 <= start:
        return None
    if forms[verb - 1][-1:] != ",":
        return _unclosed(words, forms, start, verb)
    for k in range(verb - 2, max(start - 1, verb - 12), -1):
        if forms[k][-1:] in ".?!;:":
            return None
        if forms[k][-1:] == ",":
            described = (
                (words[k + 1] in _DESCRIBES or _possessive(forms[k + 1]))
                and k + 1 < verb - 1
                # not a relative clause with a subject of its own: "That's one thing,
                # which I notice if I compare, say, ...": "say" is no verb of it
                and not (
                    words[k + 1] in ("which", "who") and words[k + 2].split("'")[0] in _PRONOUNS
                )
            )
            return k + 1 if described else None
    return None


# the first word of a description between commas: "a group based in", "which runs"
_DESCRIBES = frozenset("a an the which who whose one its their part head member".split())


def _possessive(form: str) -> bool:
    """Whether a description opens with an owner: "Amnesty's head of economic and social
    justice" (a name in apposition has none: "The mayor, Vitali Klitschko, said")."""
    return form[:1].isupper() and form.rstrip(",").endswith(("'s", "’s"))


def _unclosed(words: Sequence[str], forms: Sequence[str], start: int, verb: int) -> int | None:
    """The first token of a description no comma closes, after a name that opens the
    clause: "Khai Stuyong, part of UEFA's visiting team said" (part of it: not who)."""
    for k in range(verb - 2, max(start - 1, verb - 9), -1):
        if forms[k][-1:] in ".?!;:":
            return None
        if forms[k][-1:] == ",":
            opened = words[k + 1 : k + 3] in (["part", "of"], ["one", "of"], ["member", "of"])
            named = all(forms[n][:1].isupper() for n in range(start, k + 1))
            return k + 1 if opened and named and k - start < 4 else None
    return None


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


# participles that place or back a body in its own description: "a group based in the
# US", "a think tank funded by Qatar"
_PLACED = frozenset("based headquartered backed funded sponsored owned run led".split())


def _placed(words: Sequence[str], k: int, verb: int) -> bool:
    """Whether token ``k`` is a participle that describes the noun before it and opens a
    phrase that goes on to the verb ("group based in the US has confirmed"), no verb."""
    return (
        words[k] in _PLACED
        and k > 0
        and words[k + 1] in ("in", "by", "at", "out")
        and words[k - 1] not in _DETERMINERS
        and not _past(words[k - 1])
    )


def _clause_verb(word: str, form: str) -> bool:
    """Whether a word before a source ends the clause before it: a verb in the past as the
    captions write it in lower case ("died", "killed"); not a name ("Mohammed") nor a
    compound ("state-owned")."""
    if form[:1].isupper() or "-" in word:
        return False
    return word in _CLAUSE_VERBS or _past(word)


# verbs in the past the regular ending does not show ("investigated by the police or went
# to court, said": those who went said)
_CLAUSE_VERBS = frozenset("died dead went came was were did got took gave".split())


def _pronoun_report(words: Sequence[str], start: int, end: int) -> bool:
    """'it said', 'they even said', 'it has said': a report whose source is named
    elsewhere; not one whose pronoun is another verb's ("accounts we identified and
    says": the name that opens the sentence says)."""
    return any(
        words[j] in _SAY and _pronoun_before(words, max(start, j - 3), j) for j in range(start, end)
    )


def _pronoun_before(words: Sequence[str], start: int, j: int) -> bool:
    """Whether a pronoun stands before token ``j`` with only auxiliaries and adverbs
    between ("it said", "they even said", "it has repeatedly said")."""
    k = j - 1
    while k >= start and (
        words[k] in _AUXILIARIES or words[k] in _HAVE or words[k] in _BETWEEN or ly_adverb(words[k])
    ):
        k -= 1
    return k >= start and words[k] in _PRONOUNS


def _sentence_source(
    words: Sequence[str],
    spans: Sequence[tuple[int, int]],
    sources: Sequence[_Source | None],
    n: int,
    forms: Sequence[str],
) -> _Source | None:
    """The source of sentence ``n``: its own, or one a neighbouring sentence names (not
    for an "And" that opens on a subject of its own: ``_own_subject``)."""
    s, e = spans[n]
    source = sources[n]
    if (  # "...800 prisoners. It seems like this is something Israel, according to X, agreed"
        source is None and n + 1 < len(spans) and _points_back(words, spans[n + 1])
    ):
        if sources[n + 1] is not None and "according" in words[slice(*spans[n + 1])]:
            source = sources[n + 1]
        elif n + 2 < len(spans) and words[spans[n + 2][0]] == "according":
            source = sources[n + 2]
    if (
        source is None
        and n
        and (
            (_pronoun_report(words, s, e) and not _denied(words, s, e))
            or (
                words[s] in _GO_ON
                and not _own_subject(words, forms, (s, e), sources[n - 1])
                and not _cites_back(words, spans[n - 1])  # its source is the one before's
            )
            or (words[s] in _THEIRS and s + 1 < e and words[s + 1] in _THEIR_REPORT)
        )
    ):
        source = sources[n - 1]
    return source


def _points_back(words: Sequence[str], span: tuple[int, int]) -> bool:
    """Whether a sentence opens on a word for the one before: "It", "This", "That's"."""
    return words[span[0]] in _BACK or words[span[0]] in ("that's", "this's")


def _cites_back(words: Sequence[str], span: tuple[int, int]) -> bool:
    """Whether a sentence cites the source of the one before: "That's according to
    local doctors and the WHO." (so the "And ..." after it is not theirs)."""
    return _points_back(words, span) and "according" in words[slice(*span)]


_YOU_AND_I = frozenset({"i", "we", "you"})


def _own_subject(
    words: Sequence[str], forms: Sequence[str], span: tuple[int, int], before: _Source | None
) -> bool:
    """Whether a sentence that goes on with "And" opens on a subject of its own: a name
    other than the source before ("And Jack Warner allegedly received 5 million"; not
    "And ONS figures", "And UEFA's reserves" after the ONS's or UEFA's report, nor a day
    or a month: "And Tuesday's toll"), or "I", "we", "you" as its subject ("And here,
    you have two women who ..."; not "And if you look at"); not "And at least 11 sites",
    "And in 2014, it fined"."""
    s, e = span
    k = s + 1
    while k < e and words[k] in _LEAD_ADVERBS:
        k += 1  # "And here, you have"
    if k < e and words[k] in _YOU_AND_I:
        return True
    if s + 1 >= e or not forms[s + 1][:1].isupper():
        return False
    first = _POSSESSIVE.sub("", words[s + 1])
    if first in _DETERMINERS or _date_word(first):
        return False
    return before is None or not _names_again(first, forms[s + 1], before.name)


def _names_again(word: str, form: str, name: str) -> bool:
    """Whether a word names the source ``name`` again: one of its words ("UEFA's") or
    its initials ("ONS" for the Office for National Statistics)."""
    said = name.casefold().split()
    initials = "".join(
        w[0] for w in name.split() if w[:1].isupper() and w.casefold() not in _DETERMINERS
    )
    return word in said or (len(word) > 1 and _POSSESSIVE.sub("", form) == initials)


def _denied(words: Sequence[str], s: int, e: int) -> bool:
    """Whether the sentence of tokens ``s`` to ``e`` opens its report with a denial ("But
    the article never said that it said that it was 6,500"): its "it said" reports
    nothing of the source before (not "It said 200 died, though it has not said how
    many were children")."""
    first = next((j for j in range(s, e) if words[j] in _SAY), None)
    return first is not None and any(words[k] in _NEGATION for k in range(max(s, first - 2), first))


def _passive_after(words: Sequence[str], speaker: tuple[str, int]) -> bool:
    """Whether the name that opens a sentence is the subject of a passive ("Donald Trump
    was ordered by a judge to pay ... and says"; not "Ukraine is holding"): what its
    clause counts is not its."""
    k = speaker[1] + len(speaker[0].split())
    return k + 1 < len(words) and words[k] in _PASSIVE and _past(words[k + 1])
