"""Numbers with what they count and on whose authority; who said what (pure).

Works on the repaired, token-aligned forms of a transcript and its sentence starts.
A number is digits ("40,000", "1.4"), number words ("six", "a hundred"), or "a 100"
(captions' "a hundred"), scaled by "thousand/million/billion" and marked as percent
or money when the text says. Its subject is the words that follow, up to a clause
boundary ("40 Israeli hostages", "people living there" -> "people living in Rafah" when
the sentence names the place). Attribution comes from "according to X" / "X said" in
the sentence, an "according to" opening the sentence after one that refers back to it
("It seems like this is something Israel, according to X, agreed"), or, for
"it said" / "they reported", the previous sentence's source. Quotes (reported
speech: "the defense minister says there is no time for flexibility") are read by
quotes.py, sponsors' reads, whose numbers are no claims, by adverts.py.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from newsreel.entities.claims.adverts import adverts
from newsreel.entities.claims.compounds import compound
from newsreel.entities.claims.counts import (
    _duration,
    _no_quantity,
    _not_a_count,
    _not_one,
    _not_thousands,
    _share_of,
)
from newsreel.entities.claims.numbers import (
    _negative,
    _number_at,
    _number_in,
    _past,
    _range_end,
    _range_scaled,
    _spoken_year,
    _unglued,
    with_pence,
)
from newsreel.entities.claims.phrases import asked, topic
from newsreel.entities.claims.pronouns import (
    CHAIN_BACK,
    CHAIN_SENTENCES,
    chained,
    pronoun_resolved,
)
from newsreel.entities.claims.quotes import HE_OR_SHE, Quote, pronoun_speaker, quotes_in
from newsreel.entities.claims.source_names import (
    as_cited,
    named_source,
    speaker_head,
    speaks,
)
from newsreel.entities.claims.source_words import (
    _SUBORDINATE,
    ly_adverb,
)
from newsreel.entities.claims.sources import (
    _denied,
    _sentence_source,
    _Source,
    _source,
)
from newsreel.entities.claims.subjects import subject_of
from newsreel.entities.claims.words import (
    _BE_OR_GET,
    _CURRENCY,
    _POSSESSIVE,
    _PREPOSITIONS,
    _STOP,
)
from newsreel.repair.clean import bare, core, is_marker
from newsreel.text import STOPWORDS

__all__ = ["Claim", "Quote", "as_cited", "extract", "named_source", "speaker_head", "speaks"]


@dataclass(frozen=True, slots=True)
class Claim:
    """A number in the text: value, the words, what it counts, who says so."""

    start: int
    end: int
    value: float
    text: str
    subject: str | None
    attribution: str | None
    sentence: str


def extract(
    forms: Sequence[str],
    sentences: Sequence[int],
    places: dict[int, str] | None = None,
    *,
    durations: bool = False,
    names: Collection[int] = (),
    people: Collection[int] = (),
) -> tuple[list[Claim], list[Quote]]:
    """Claims and quotes of a repaired transcript; ``places`` maps the tokens of place
    mentions to their canonical names ("there" in a subject becomes "in <place>");
    ``names`` holds the tokens of all entity mentions ("Hamas said": a source; where it
    maps them to (entity name, type), an organisation named in the sentence before is
    what "it says" reports, the one person named there what "he says" does), and
    ``people`` those of people, so that a source is the person a title names ("The US
    Deputy Attorney General Todd Blanch said": Todd Blanch).
    Durations, ages and rankings are counts only when ``durations`` asks for them."""
    places = places or {}
    names_of = names if isinstance(names, Mapping) else {}
    names = set(names) | set(places)
    people = set(people)
    words = with_pence(_approximations([_unglued(core(f)) for f in forms]))
    ages = _ages(forms, words, people)
    spans = list(zip(sentences, [*sentences[1:], len(forms)], strict=False)) or [(0, len(forms))]
    sources = [_person(_source(words, forms, s, e, names), forms, people) for s, e in spans]
    claims: list[Claim] = []
    ads = adverts([" ".join(forms[s:e]) for s, e in spans])
    about: str | None = None  # what the sentence before was about, for an "it"
    orgs, persons = _of_type(names_of, "ORG"), _of_type(names_of, "PER")
    groups = {  # what "they" may say for: organisations and peoples ("The Israelis")
        **orgs,
        **{
            i: n
            for i, n in _of_type(names_of, "MISC").items()
            if forms[i].rstrip(",.").endswith("s")
        },
    }
    for n, (s, e) in enumerate(spans):
        sources[n] = _sentence_source(words, spans, sources, n, forms)  # "And ..." goes on
        if sources[n] is None and n and (orgs or persons):  # "Sarah's Trust. ... it says"
            sources[n] = _named_before(words, spans[n - 1], (s, e), (orgs, persons), names_of)
        last = claims[-1] if claims else None
        if n not in ads:  # a podcast's sponsor: "25% off ... with code"
            short = e - s <= _ANSWER_WORDS  # an answer: "How many seats? ... 40 grand."
            question = _asked_before(forms, words, spans, n) if short else None
            claims += _claims_in(
                forms, words, (s, e), sources[n], places, durations, about, last, ages, question
            )
        about = topic(forms, words, s, e, plural=True) or (
            about if words[s:e][:1] in (["it"], ["they"]) else None
        )
    quotes = _quotes(forms, words, spans, persons, groups)
    return _said_by(_unrepeated(claims, words), quotes, spans, words), quotes


def _quotes(
    forms: Sequence[str],
    words: Sequence[str],
    spans: Sequence[tuple[int, int]],
    persons: Mapping[int, str],
    groups: Mapping[int, str],
) -> list[Quote]:
    """The quotes of a text, a "he" or "she" credited to whom it stands for: the person
    named before (``pronoun_resolved``), else the one the same pronoun's last quote,
    within ``CHAIN_BACK`` sentences, was credited to (``chained``)."""
    out: list[Quote] = []
    last: dict[str, tuple[int, Quote]] = {}  # pronoun -> (sentence, its last quote placed)
    for n, (s, e) in enumerate(spans):
        for q in quotes_in(forms, words, s, e):
            pronoun = pronoun_speaker(q.speaker)
            back = CHAIN_SENTENCES + _pronoun_links(words, spans, n, pronoun)
            said = pronoun_resolved(q, forms, spans[max(0, n - back) : n + 1], persons, groups)
            if said is None and pronoun in last and n - last[pronoun][0] <= CHAIN_BACK:
                said = chained(q, last[pronoun][1], forms, persons)
            if said is None:
                continue
            out.append(said)
            if pronoun is not None:
                last[pronoun] = (n, said)
    return out


def _pronoun_links(
    words: Sequence[str], spans: Sequence[tuple[int, int]], n: int, pronoun: str | None
) -> int:
    """How many of the ``CHAIN_SENTENCES`` sentences before sentence ``n`` open with
    its quote's "he" or "she" (``pronoun``): each carries the person named before it one
    sentence further ("... from Marco Rubio. He was offering ... He was straight ...
    He said it was important")."""
    if pronoun not in HE_OR_SHE:
        return 0
    return sum(1 for s, _ in spans[max(0, n - CHAIN_SENTENCES) : n] if pronoun in words[s : s + 2])


def _same_source(one: str, other: str | None) -> bool:
    """Whether two sources share a content word ("the UK government's" and "the UK
    government"): one source as two rules cut it, not two voices."""
    return other is not None and bool(_content(one) & _content(other))


def _said_by(
    claims: Sequence[Claim],
    quotes: Sequence[Quote],
    spans: Sequence[tuple[int, int]],
    words: Sequence[str],
) -> list[Claim]:
    """The claims credited as the sayings of their sentences go: one among the words of
    a saying whose speaker its sentence names is that speaker's where it is a source
    (``named_source``) other than the claim's ("The minister said that 6,500 workers
    had died and Amnesty International said that 400 families were waiting": the 400
    is Amnesty's); one past the end of its own source's saying ("Israel says it is
    meeting its obligations, but eight agencies in the UN dispute this") or that the
    saying calls false ("The ILO says reports that 6,000 workers died are false") is
    no one's."""
    out: list[Claim] = []
    for claim in claims:
        s, e = next((s, e) for s, e in spans if s <= claim.start < e)
        here = [q for q in quotes if s <= q.speaker_start < e]
        said = next((q for q in here if q.start <= claim.start and claim.end <= q.end), None)
        speaker = (
            named_source(said.speaker.split(), start_of_sentence=True) if said is not None else None
        )
        if speaker is not None and not _same_source(speaker, claim.attribution):
            claim = replace(claim, attribution=speaker)
        elif _not_its_own(claim, said, here, words):
            claim = replace(claim, attribution=None)
        out.append(claim)
    return out


def _not_its_own(
    claim: Claim, said: Quote | None, here: Sequence[Quote], words: Sequence[str]
) -> bool:
    """Whether a claim's source does not claim it: its saying (``said``) calls it false,
    or it comes past the end of its source's saying among the sentence's (``here``)."""
    if said is not None:
        return _called_false(words, claim.end, said.end)
    return any(q.end <= claim.start and _same_source(q.speaker, claim.attribution) for q in here)


def _called_false(words: Sequence[str], after: int, end: int) -> bool:
    """Whether the words of a saying from token ``after`` to ``end`` call what went
    before false: "(reports that 6,000 workers died) are false", "is not true"."""
    ahead = list(words[after:end])
    return any(
        ahead[k] in _BE_NOW and (ahead[k + 1] in _FALSE or ahead[k + 1 : k + 3] == ["not", "true"])
        for k in range(len(ahead) - 1)
    )


_BE_NOW = frozenset("is are were was".split())
_FALSE = frozenset("false untrue wrong inaccurate exaggerated misleading fake".split())


def _of_type(names: Mapping[int, Any], kind: str) -> dict[int, str]:
    """Token -> entity name of the mentions (``names``) of one type ("ORG", "PER")."""
    return {
        i: str(value[0])
        for i, value in names.items()
        if isinstance(value, tuple) and len(value) == 2 and value[1] == kind
    }


def _named_before(
    words: Sequence[str],
    before: tuple[int, int],
    span: tuple[int, int],
    named_by_type: tuple[Mapping[int, str], Mapping[int, str]],
    named: Mapping[int, Any],
) -> _Source | None:
    """Who an "it says" / "they said" / "he says" of sentence ``span`` reports: for "it"
    or "they", the last organisation the sentence ``before`` names; for "he" or "she",
    the one person it names (two people: no telling which). Only where this sentence
    names no person or organisation of its own ("they also said, and Congressman Thomas
    Massie ... said" is no one's) and the verb is said, not "it was reported" or "they
    can say"."""
    s, e = span
    said = next(
        (
            j
            for j in range(s + 1, e)
            if words[j] in _SAYS
            and (
                words[j - 1] in _IT | _HE
                or (j - 2 >= s and words[j - 2] in _IT | _HE and words[j - 1] in _ALSO)
            )
        ),
        None,
    )
    if said is None or any(named.get(i, ("", ""))[1] in ("PER", "ORG") for i in range(s, e)):
        return None
    if _denied(words, s, e):
        return None  # "But the article never said that it said ..."
    pronoun = words[said - 1] if words[said - 1] not in _ALSO else words[said - 2]
    orgs, persons = named_by_type
    found = orgs if pronoun in _IT else persons
    last = [i for i in range(*before) if i in found]
    if not last or (pronoun in _HE and len({found[i] for i in last}) > 1):
        return None
    end = last[-1] + 1
    start = end - 1
    while start - 1 >= before[0] and found.get(start - 1) == found[last[-1]]:
        start -= 1
    return _Source(found[last[-1]], start, end)


_IT = frozenset({"it", "they"})  # what an organisation is called in the next sentence
_HE = frozenset({"he", "she"})  # and a person
_SAYS = frozenset("says said say claims claimed estimates estimated".split())
_ALSO = frozenset("also now still further".split())  # "it also says"


def _ages(forms: Sequence[str], words: Sequence[str], people: Collection[int]) -> set[int]:
    """The tokens of ages said bare after a person's name: "Alex Pretti was 37." (a
    number from 1 to 120 after "was"/"is" and a person, ending its clause), no count
    unless ages are asked for."""
    bare_ages = {
        i
        for i in range(2, len(words))
        if words[i - 1] in ("was", "is")
        and i - 2 in people
        and words[i].isdigit()
        and 1 <= int(words[i]) <= 120
        and (i + 1 == len(words) or forms[i][-1:] in ".,;!?")
    }
    return bare_ages | _age_bands(forms, words)


_AGE_BAND = frozenset({"under", "over"})
_BE_AGED = frozenset("is are was were aged".split())
_CLAUSE_GOES_ON = frozenset("and or but while whereas".split())


def _age_bands(forms: Sequence[str], words: Sequence[str]) -> set[int]:
    """The tokens of an age band: a bare number to 120 after "is/are/aged under/over"
    (or "under the age of"), ending its clause: "70% of Saudis are under 35", "all aged
    under 21"; not "is over 50 degrees", "are under 3 million"."""
    out = set()
    for i in range(2, len(words)):
        if not (words[i].isdigit() and 1 <= int(words[i]) <= 120):
            continue
        k = i - 1
        if words[k - 2 : k + 1] == ["the", "age", "of"]:
            k -= 3
        ends = (
            i + 1 == len(words)
            or forms[i][-1:] in ".,;!?"
            or forms[i + 1][:1] in ".,;!?"
            or words[i + 1] in _CLAUSE_GOES_ON
        )
        if k >= 1 and words[k] in _AGE_BAND and words[k - 1] in _BE_AGED and ends:
            out.add(i)
    return out


def _approximations(words: list[str]) -> list[str]:
    """The words with "(somewhere) in the region of" and "in the order of" read as
    "around", one word each, so that what is said before them is what the number
    measures ("Manchester City's ownership group worth somewhere in the region of 20
    billion")."""
    out = list(words)
    for k in range(len(out) - 3):
        if out[k : k + 4] in (["in", "the", "region", "of"], ["in", "the", "order", "of"]):
            out[k : k + 4] = ["around"] * 4
            if k and out[k - 1] == "somewhere":
                out[k - 1] = "around"
    return out


def _unrepeated(claims: Sequence[Claim], words: Sequence[str]) -> list[Claim]:
    """The claims without a speaker's repeats: a claim is dropped where the same value
    comes again within ``_REPEAT`` words with the same subject, or one whose content
    words hold all of its own or all of whose are in it, or said again at once after
    the word before it ("would mean 67,000 mean 67,000 people": a stutter), and the
    later one, usually the finished thought, stays ("20% of the people identified
    as not 20% of the people identified as not being born"; "We've had 28 women
    murdered in concerns. We've had 28 women murdered in the last 5 years"). One
    number of two things ("40 doctors and 40 nurses", "40 doctors, 40 nurses") is two
    claims. The later one keeps the source the dropped one named ("the SPL reported a
    24% increase in attendance. ... 24% is a massive jump": the SPL's)."""
    claims = list(claims)
    kept: list[Claim] = []
    for n, claim in enumerate(claims):
        again = next(
            (
                k
                for k in range(n + 1, min(n + 4, len(claims)))
                if claims[k].value == claim.value
                and claims[k].start - claim.start <= _REPEAT
                and (
                    _within(_content(claim.subject), _content(claims[k].subject))
                    or _stuttered(claim, claims[k], words)
                )
            ),
            None,
        )
        if again is None:
            kept.append(claim)
        elif claims[again].attribution is None and claim.attribution is not None:
            claims[again] = replace(claims[again], attribution=claim.attribution)
    return kept


_REPEAT = 12  # words within which the same number and subject are one claim said twice


def _stuttered(first: Claim, again: Claim, words: Sequence[str]) -> bool:
    """Whether a number is said twice with the word before it ("mean 67,000 mean
    67,000"): the same words, the second after the one word that came before the first."""
    return (
        first.start > 0
        and again.start == first.end + 1
        and words[first.end] == words[first.start - 1]
        and words[first.start : first.end] == words[again.start : again.end]
    )


def _within(a: set[str], b: set[str]) -> bool:
    """Whether one subject's content words hold all the other's (and there are some)."""
    return bool(a and b) and (a <= b or b <= a)


def _content(subject: str | None) -> set[str]:
    """A subject's folded words that are no stop words."""
    return {w for w in (subject or "").lower().split() if w.isalpha() and w not in _STOP}


def _claims_in(
    forms: Sequence[str],
    words: Sequence[str],
    span: tuple[int, int],
    source: _Source | None,
    places: dict[int, str],
    durations: bool = False,
    about: str | None = None,
    last: Claim | None = None,
    ages: Collection[int] = (),
    question: str | None = None,
) -> list[Claim]:
    """The claims of the sentence of tokens ``span``; ``about``: what the sentence
    before was about; ``last``: the claim before the sentence; ``question``: what a
    "how many" just before asked the count of."""
    s, e = span
    sentence = " ".join(f for f in forms[s:e] if not is_marker(f))  # no ">>" in a citation
    claims: list[Claim] = []
    i = s
    while i < e:
        year = _spoken_year(forms, words, i)
        if year:
            i += year  # "twenty twenty two", "the two thousand 22 World Cup"
            continue
        found = _number_in(forms, words, i, e)
        if found is None or _not_a_count(forms, words, s, e, i):
            i += 1
            continue
        value, used = found
        answer = question if question and _bare_answer(words, s, i, i + used) else None
        if _not_thousands(forms, words, s, i, used) and not answer:
            i += 1
            continue
        if _negative(forms, words, s, i):
            value = -value
        value, used, after, counted, vague = _measured(forms, words, (s, e, i, used), value)
        if vague:
            i = after  # "one or two"
            continue
        counted = counted or _share_of(words, after, e)  # "21.8 of the population"
        if not durations and (i in ages or _duration(forms, words, s, i, after, e)):
            i += used
            continue
        before = claims[-1] if claims else None
        subject = _visible(
            subject_of(forms, words, (s, e, i, after), places, value, counted, about)
        )
        done = None if counted else _done_to(words, forms, after, e)  # not "90% is found"
        total = len(claims) == 1 and _total(words, i + used)  # "five boats, 20 in all"
        subject = subject or done or _series(before or last, forms, i, used, value, total=total)
        subject = _answered(subject, answer)
        if before is not None and (subject is None or subject.casefold() in _CURRENCY):
            subject = _ranged_from(before, forms, words, (i, i + used)) or subject
        if before and words[after : after + 2] == ["of", "them"] and _said_of_them(words, after, e):
            subject = before.subject  # "106 women have been killed, 87 of them by"
        if (
            subject is None  # a claim names what it counts: no "95%: ?"
            or (value == 1 and _says_of_one(words, i, subject))
            or _not_one(forms, words, s, i, after, e)
            or _no_quantity(forms, words, (s, e, i, after), value)
        ):
            i += used
            continue
        if claims and _restated(claims[-1], i, value, subject):
            i += used
            continue
        shown = used + 2 if words[i + used + 1 : i + used + 2] == [""] else used  # "£9 90"
        text = " ".join(forms[i : i + shown]).strip(".,?!;:")
        # "the union representing 65,000 footballers warned": the number describes the source
        by = source.name if source and _sourced(forms, words, s, i, source) else None
        claims.append(Claim(i, i + used, value, text, _of_dropped(subject), by, sentence))
        i += used
    made = _compounds(forms, words, span, source, durations, sentence)  # "30-bedroom home"
    return sorted([*claims, *made], key=lambda c: c.start) if made else claims


def _asked_before(
    forms: Sequence[str], words: Sequence[str], spans: Sequence[tuple[int, int]], n: int
) -> str | None:
    """What a "how many" question of the ``_ANSWER_WITHIN`` sentences before sentence
    ``n`` asked the count of, the nearest first."""
    for m in range(n - 1, max(-1, n - 1 - _ANSWER_WITHIN), -1):
        s, e = spans[m]
        if (found := asked(forms, words, s, e)) is not None:
            return found
    return None


def _answered(subject: str | None, question: str | None) -> str | None:
    """The subject of a count that answers a "how many" question (what it asked the
    count of), where the count names nothing or only its currency: "How many seats are
    there? 40 grand" -> "seats"."""
    if subject is None or subject.casefold() in _ANSWERED:
        return question or subject
    return subject


def _bare_answer(words: Sequence[str], s: int, i: int, end: int) -> bool:
    """Whether the number of tokens ``i`` to ``end`` is said as an answer: only words of
    guessing before it in its sentence ("Take a guess, I'm saying, 40 grand", "I would
    say, 20k", "It's like 15,000") and no time after it; not a time, an age or what
    something holds ("at 3 in the morning", "I was 25", "The stadium holds 60,000")."""
    if any(w not in _GUESSING and not _number_at(words, k) for k, w in enumerate(words[s:i], s)):
        return False
    return not (end < len(words) and words[end] in _TIME_AFTER)


# words that may stand before a number said as an answer
_GUESSING = frozenset(
    "i i'm i'd would say saying said guess think reckon it's its like about around maybe "
    "probably roughly approximately uh um well yeah yes so just over under more than take "
    "a an oh okay ok no or".split()
)
_TIME_AFTER = frozenset("o'clock am pm tomorrow tonight today now in on at".split())
_ANSWER_WITHIN = 3  # sentences after a "how many" question that may answer it
_ANSWER_WORDS = 8  # the most tokens of a sentence that answers it
# subjects an answer's count has that say no more than its currency: "40 grand"
_ANSWERED = _CURRENCY | {"grand"}


def _compounds(
    forms: Sequence[str],
    words: Sequence[str],
    span: tuple[int, int],
    source: _Source | None,
    durations: bool,
    sentence: str,
) -> list[Claim]:
    """The counts of sentence ``span`` said as compound modifiers (``compound``)."""
    s, e = span
    made = []
    for i in range(s, e):
        counted = compound(forms, words, i, e, durations)
        if counted is not None:
            by = source.name if source and _sourced(forms, words, s, i, source) else None
            text = forms[i].strip(".,?!;:")
            made.append(Claim(i, i + 1, counted[0], text, counted[1], by, sentence))
    return made


def _series(
    last: Claim | None, forms: Sequence[str], i: int, used: int, value: float, *, total: bool
) -> str | None:
    """The subject of the claim just before for a bare number that goes on its series:
    "their average home attendance was 4,398 this season, 4798"; "4,000 supporters ...
    sometimes as low as 1,520". Only within ``_SERIES`` words with nothing named between
    ("Labour is on 40%, the Conservatives on 30%"), for a number of the same kind (a
    share after a share) and size (within five times), from 10 up (or after "only":
    "eight League titles, having won only two"; or ``total``, the total of the one
    claim before it in its sentence: "five types of aircraft, 14 in total") and no
    year."""
    small = (i > 0 and core(forms[i - 1]).lower() in _ONLY) or total
    if last is None or last.subject is None or i - last.end > _SERIES:
        return None
    if abs(value) < 10 and not small:
        return None
    between = forms[last.end : i]
    if any(
        core(f).lower() in _NAMING
        or (core(f)[:1].isupper() and n and between[n - 1][-1:] not in ".?!")
        for n, f in enumerate(between)
    ):
        return None
    if i > 0 and core(forms[i - 1]).lower() in _AGED:
        return None  # "70 of which is under 35": an age
    text = " ".join(forms[i : i + used])
    if _A_YEAR.match(text.strip(".,?!;:")) or (("%" in text) != ("%" in last.text)):
        return None
    if (abs(last.value) < 10 and not small) or not 0.2 <= value / last.value <= 5:
        return None
    return last.subject


_TOTALS = (["in", "total"], ["in", "all"], ["altogether"], ["all", "told"])


def _total(words: Sequence[str], k: int) -> bool:
    """Whether the words from token ``k`` say a total ("14 in total", "20 altogether")."""
    return any(words[k : k + len(t)] == t for t in _TOTALS)


def _ranged_from(
    last: Claim, forms: Sequence[str], words: Sequence[str], at: tuple[int, int]
) -> str | None:
    """The subject of the sum a "from ... to" range starts at, for the sum it goes to
    (tokens ``at``) when nothing names that one but its currency: "collapsed from just
    over $40 a barrel in 1981 to under $12" -> "price per barrel"; "went from £30 to
    £90", "spent between 12 billion and 15 billion dollars". Within eight words, "to"
    ("and" after "between"; a hedge: "under", "about") just before, no
    sentence end between, a number of the same kind (a sum to a sum, a share to a share:
    not "from $2 million to 40 percent")."""
    i, end = at
    if last.subject is None or last.subject.casefold() in _CURRENCY or i - last.end > 8:
        return None
    kinds = (_kind(forms, words, last.start, last.end), _kind(forms, words, i, end))
    once = kinds == ("count", "sum") and words[last.end] in _RANGES.values()  # the currency
    if kinds[0] != kinds[1] and not once:  # said once, after the second: "between 12
        return None  # billion and 15 billion dollars"; not "from 2 million people to £40"
    opened = [_RANGES[w] for w in words[max(0, last.start - 3) : last.start] if w in _RANGES]
    k = i - 1
    while k > last.end and words[k] in _HEDGES:
        k -= 1
    if words[k] not in opened or any(f[-1:] in ".?!" for f in forms[last.end - 1 : i]):
        return None
    return last.subject


_RANGES = {"from": "to", "between": "and"}  # how a range opens, and what joins its ends


def _kind(forms: Sequence[str], words: Sequence[str], i: int, end: int) -> str:
    """Whether the number of tokens ``i`` to ``end`` (with its "percent" or "per cent",
    ``_measured``) is a share, a sum or a count."""
    if any("%" in f for f in forms[i:end]) or words[end - 1] in ("percent", "cent"):
        return "share"
    if forms[i][:1] in "$£€" or any(w in _CURRENCY for w in words[i : end + 1]):
        return "sum"
    return "count"


_HEDGES = frozenset(
    "under over about around just nearly almost roughly some more less than".split()
)
_SERIES = 16  # words within which a bare number goes on the series of the claim before
_NAMING = frozenset("the a an their his her its our my your".split())
_AGED = frozenset("under aged age ages".split())
# "won only two": a few of what was counted before; "1% growth ... another 1.5%": more
_ONLY = frozenset("only just another".split())
_A_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def _person(
    source: _Source | None, forms: Sequence[str], people: Collection[int]
) -> _Source | None:
    """A source that ends in a person's full name, named by that name without the title
    or role before it ("The US Deputy Attorney General Todd Blanch" -> "Todd Blanch")."""
    if source is None:
        return source
    said = source.name.split()
    last = _POSSESSIVE.sub("", said[-1]).casefold()
    end = next(  # the token after the name's last word ("Todd Blanch, has been ... said")
        (
            k + 1
            for k in range(source.end - 1, max(0, source.start - 1) - 1, -1)
            if k in people and _POSSESSIVE.sub("", bare(forms[k])).casefold() == last
        ),
        None,
    )
    if end is None:
        return source
    k = end - 1
    while k - 1 in people and k - 1 >= source.start - 1:
        k -= 1
    if end - k < 2 or end - k >= len(said):
        return source  # a lone name keeps its title: "President Trump"
    name = " ".join(bare(f) for f in forms[k:end])
    return _Source(_POSSESSIVE.sub("", name), source.start, source.end)


def _measured(
    forms: Sequence[str], words: Sequence[str], at: tuple[int, int, int, int], value: float
) -> tuple[float, int, int, bool, bool]:
    """(value, tokens used, token after, counted, vague) of the number at ``at``
    (sentence start and end, the number and its tokens): with its "percent", "or so",
    "odd" and the other end of a range ("three to four", "between 3 and 5%")."""
    s, e, i, used = at
    counted = "%" in forms[i + used - 1] or forms[i][:1] in "$£€"  # "two and a half%"
    extra = _percent_words(words, i + used, e)
    if extra is not None:
        counted = True
        used += extra
    after = i + used
    if words[after : after + 2] == ["or", "so"]:
        after += 2  # "2,500 or so tower blocks"
    elif words[after : after + 1] == ["odd"]:
        after += 1  # "30 odd players": about 30 players
    value, after, counted, vague = _ranged(forms, words, (s, e, i, used, after), value, counted)
    return value, used, after, counted, vague


def _sourced(forms: Sequence[str], words: Sequence[str], s: int, i: int, source: _Source) -> bool:
    """Whether the sentence's source speaks for the number at ``i``: not one that names
    the source ("the union representing 65,000 footballers warned"), nor one in a clause
    that opens the sentence before the source's ("After a strike killed seven aid
    workers, a UN agency says ..."; "In 1971, a few months before the seven emirates
    came together, Qatar announced"), nor one after a "but" that follows the number
    ("150 million pounds is a lot, but Ukraine says it needs more"), nor one that counts
    the source ("one human rights group based in the US has confirmed")."""
    if source.start <= i < source.end or (i == source.start - 1 and forms[i][-1:].isalnum()):
        return False
    if i < source.start and any(words[k] in _CONTRARY for k in range(i + 1, source.start)):
        return False
    opened = i < source.start and any(  # the number inside a clause a subordinator opens
        _subordinate_at(words, k) and not any(forms[m].endswith(",") for m in range(k, i))
        for k in range(s, i)
    )
    return not (opened and any(forms[k].endswith(",") for k in range(i, source.start)))


_CONTRARY = frozenset("but whereas".split())  # a clause of its own, its own speaker
_AS_MANY = frozenset("many much few little high low long far".split())


def _subordinate_at(words: Sequence[str], k: int) -> bool:
    """Whether token ``k`` opens a subordinate clause ("before ..."; not "as many as")."""
    if words[k] != "as":
        return words[k] in _SUBORDINATE
    return not ({*words[k + 1 : k + 2], *words[max(k - 1, 0) : k]} & _AS_MANY)


def _done_to(words: Sequence[str], forms: Sequence[str], after: int, e: int) -> str | None:
    """What a number with no noun had done to it: "(more than 200) were injured" ->
    "injured", so that it is not read as the series before it ("50 died")."""
    if after >= e or forms[after - 1][-1:] in ".,;:?!":
        return None  # "a father of three, was stabbed": the clause goes back to the victim
    k = after
    while k < e and words[k] in _BE_OR_GET:  # "200 were injured"
        k += 1
    if k == after or k >= e:
        return None
    verb = words[k]
    return bare(forms[k]) if len(verb) > 3 and (_past(verb) or verb in _IRREGULAR_DONE) else None


_IRREGULAR_DONE = frozenset("hurt held shot taken hit lost left found seen born".split())


def _said_of_them(words: Sequence[str], after: int, e: int) -> bool:
    """Whether "N of them" at ``after`` names nothing more of what it counts ("87 of them
    by a partner"; not "five of them children")."""
    return after + 2 >= e or words[after + 2] in _PREPOSITIONS or words[after + 2] in _STOP


def _of_dropped(subject: str) -> str:
    """A share's subject as read: "70% of the government's revenue" counts "the
    government's revenue", "a thousand of these tankers" "these tankers"."""
    rest = subject.split(maxsplit=1)
    return rest[1] if len(rest) == 2 and rest[0].casefold() == "of" else subject


def _visible(subject: str | None) -> str | None:
    """A subject without the zero-width spaces some captions carry ("world cups.\u200b")
    or a last word that needs an object ("revenues between"); None for words that name
    nothing counted, only function words ("else", "like", "to") and adverbs ("hugely",
    "very quickly"; not "family", "supply")."""
    if not subject:
        return subject
    shown = subject.replace("\u200b", "").strip().rstrip(".,?!;:").split()
    while len(shown) > 1 and shown[-1].lower() in _DANGLING:
        shown.pop()  # "total Saudi budget revenues between" (2010 and 2021)
        shown[-1] = shown[-1].rstrip(".,?!;:")
    said = [w.lower() for w in shown]
    if said and all((w in STOPWORDS and w not in _COUNTED_PRONOUNS) or ly_adverb(w) for w in said):
        return None  # "very quickly": nothing counted
    if len(said) == 1 and said[0].replace("’", "'") in _NOTHING_COUNTED:
        return None  # "10 grand maybe", "I think for around 130 million"
    return " ".join(shown)


# one-word subjects that count nothing: a hedge, a verb of thinking, a time
_NOTHING_COUNTED = frozenset(
    "maybe perhaps probably think thought guess reckon soon today tonight tomorrow "
    "yesterday now then proves imagines reminds isn't".split()
)


# words a noun phrase never ends on: a subject cut before their object ends before them
_DANGLING = frozenset(
    "between of to for with from and or but nor the a an their our his her its my your by "
    "at in on into than".split()
)


def _says_of_one(words: Sequence[str], i: int, subject: str) -> bool:
    """Whether what follows the "one" at ``i`` says something of it, so that it is a
    pronoun: "one massively lacking after two Olympic Games", "the only one deemed high
    risk"; not "One killed and 12 injured"."""
    first = subject.split()[0].casefold()
    if len(first) <= 4:
        return False
    return ly_adverb(first) or (_past(first) and i > 0 and words[i - 1] == "only")


_COUNTED_PRONOUNS = frozenset({"others", "another", "everyone", "anyone", "nobody"})


def _ranged(
    forms: Sequence[str],
    words: Sequence[str],
    at: tuple[int, int, int, int, int],
    value: float,
    counted: bool,
) -> tuple[float, int, bool, bool]:
    """(value, token after, counted, vague) of a number that may open a range ("three to
    four bodies": both count what follows the second; "between 60 and 70 per cent": both
    are shares; "one or two" is vague); ``at`` = sentence start and end, the number's
    start, its length and the token after it."""
    s, e, i, used, after = at
    other = _range_end(words, after, e, between=i > s and words[i - 1] == "between")
    if other is not None:
        if (value, other[0], words[after]) == (1.0, 2.0, "or"):
            return value, other[1], counted, True
        value = _range_scaled(words, i, used, after, other[1], value, other[0])
    else:
        guess = _second_guess(forms, words, (i, used, after, e), value)
        if guess is None:
            return value, after, counted, False
        value, other = guess[0], guess[1:]
    after = other[1]
    extra = _percent_words(words, after, e)
    if extra:
        return value, after + extra, True, False
    return value, after, counted or words[after - 1].endswith("%"), False  # "32 33%"


def _second_guess(
    forms: Sequence[str], words: Sequence[str], at: tuple[int, int, int, int], value: float
) -> tuple[float, float, int] | None:
    """(first value as scaled, second value, end) of a number said straight after a
    smaller one as a second guess, its scale said once ("30 40,000 people", "$25
    $30,000", "2.2 2.3 million", "24 2500 people") or said in full, a share or after a
    pause ("12 13%", "two two and a half%", "two, three big players"): the first takes
    the second's scale and is at most a third below it. None for a repeat or a stammer
    ("15 155 pounds", "20,000 20,000", "24 2450"), a score or a count ("a 3 4 defeat",
    "9 10 years ago")."""
    i, used, after, e = at
    second = _number_at(words, after, e) if after < e and words[after][:1] not in "-−–" else None
    if (
        second is None
        or second[0] <= value
        or _TWO_DIGIT_YEAR.match(" ".join(words[i : after + 1]))
    ):
        return None  # "The 20 23 Turkish super cup": a year said in two
    end = after + second[1]
    scaled = _range_scaled(words, i, used, after, end, value, second[0])
    if scaled == value:
        scaled = _hundreds_once(value, second[0])
    in_full = scaled == value and not (
        "%" in words[end - 1] or forms[after - 1].endswith(",") or _percent_words(words, end, e)
    )
    if in_full or not (0.66 * second[0] <= scaled < second[0]):
        return None
    return scaled, second[0], end


_TWO_DIGIT_YEAR = re.compile(r"^(?:19|20) \d\d$")


def _hundreds_once(value: float, second: float) -> float:
    """A two-digit number said before a larger one whose first two digits are near it,
    with the larger one's scale: "24 2500 people" (twenty-four, twenty-five hundred) ->
    2,400; any other number as it is."""
    if not (value.is_integer() and 10 <= value < 100 and 1000 <= second < 100_000):
        return value
    power = 10 ** (len(str(int(second))) - 2)
    lead, rest = divmod(int(second), power)
    return value * power if value < lead and rest == 0 else value  # not "24 2450"


def _percent_words(words: Sequence[str], at: int, e: int) -> int | None:
    """How many words at ``at`` say "percent" ("percent": 1, "per cent": 2, "per" alone:
    0, a rate such as "per year" is read later); None where none does."""
    if at >= e or words[at] not in ("percent", "per"):
        return None
    if words[at] == "percent":
        return 1
    return 2 * (words[at + 1 : at + 2] == ["cent"])


def _restated(last: Claim, i: int, value: float, subject: str) -> bool:
    """Whether a number says again, two words on at most, the claim just before it:
    "three markets, three major markets", "100 100 people" (a stammer is one claim;
    "two goals, two assists" are two)."""
    if last.value != value or i - last.end > 2 or last.subject is None:
        return False
    return last.subject.split()[-1] in subject.split()  # "markets" in "major markets in"
