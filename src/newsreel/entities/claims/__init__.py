"""Numbers with what they count and on whose authority; who said what (pure).

Works on the repaired, token-aligned forms of a transcript and its sentence starts.
A number is digits ("40,000", "1.4"), number words ("six", "a hundred"), or "a 100"
(captions' "a hundred"), scaled by "thousand/million/billion" and marked as percent
or money when the text says. Its subject is the words that follow, up to a clause
boundary ("40 Israeli hostages", "people living there" -> "people living in Rafah" when
the sentence names the place). Attribution comes from "according to X" / "X said" in
the sentence, an "according to" opening the sentence after one that refers back to it
("It seems like this is something Israel, according to X, agreed"), or, for
"it said" / "they reported", the previous sentence's source. Quotes are reported
speech: "the defense minister says there is no time for flexibility".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

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
    _past,
    _range_end,
    _range_scaled,
    _spoken_year,
    _unglued,
    with_pence,
)
from newsreel.entities.claims.phrases import topic
from newsreel.entities.claims.source_names import (
    named_source,
    speaker_head,
    speaks,
    tidy_speaker,
)
from newsreel.entities.claims.source_words import (
    _NAME_PART,
    _QUOTE_SAY,
    _SPEAKER_STOP,
    _SUBORDINATE,
    ly_adverb,
)
from newsreel.entities.claims.sources import (
    _denied,
    _pronoun_report,
    _sentence_source,
    _Source,
    _source,
    _speaker_before,
)
from newsreel.entities.claims.subjects import subject_of
from newsreel.entities.claims.words import (
    _ARTICLES,
    _AUXILIARIES,
    _CURRENCY,
    _POSSESSIVE,
    _PREPOSITIONS,
    _PRONOUNS,
    _STOP,
)
from newsreel.repair.clean import bare, core, is_marker
from newsreel.text import STOPWORDS

__all__ = ["Claim", "Quote", "extract", "named_source", "speaker_head", "speaks"]


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


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported or direct speech: who, what, and the token span of what was said."""

    start: int
    end: int
    speaker: str
    speaker_start: int
    speaker_end: int
    text: str
    kind: str


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
    what "it says" reports), and
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
    orgs = _organisations(names_of)
    for n, (s, e) in enumerate(spans):
        sources[n] = _sentence_source(words, spans, sources, n, forms)  # "And ..." goes on
        if sources[n] is None and n and orgs:  # "Sarah's Trust. ... it says it has helped"
            sources[n] = _organisation_before(words, spans[n - 1], (s, e), orgs, names_of)
        last = claims[-1] if claims else None
        if n not in ads:  # a podcast's sponsor: "25% off ... with code"
            claims += _claims_in(
                forms, words, (s, e), sources[n], places, durations, about, last, ages
            )
        about = topic(forms, words, s, e, plural=True) or (
            about if words[s:e][:1] in (["it"], ["they"]) else None
        )
    quotes = [q for s, e in spans if (q := _quote_in(forms, words, s, e)) is not None]
    return _unrepeated(claims), quotes


def _organisations(names: Mapping[int, Any]) -> dict[int, str]:
    """Token -> entity name of the organisations among the mentions (``names``)."""
    return {
        i: str(value[0])
        for i, value in names.items()
        if isinstance(value, tuple) and len(value) == 2 and value[1] == "ORG"
    }


def _organisation_before(
    words: Sequence[str],
    before: tuple[int, int],
    span: tuple[int, int],
    orgs: Mapping[int, str],
    named: Mapping[int, Any],
) -> _Source | None:
    """The organisation an "it says" / "they said" of sentence ``span`` reports: the last
    one the sentence ``before`` names, where this sentence names no person or
    organisation of its own ("they also said, and Congressman Thomas Massie ... said" is
    no one's) and the verb is said, not "it was reported" or "they can say"."""
    s, e = span
    said = next(
        (
            j
            for j in range(s + 1, e)
            if words[j] in _SAYS
            and (
                words[j - 1] in _IT
                or (j - 2 >= s and words[j - 2] in _IT and words[j - 1] in _ALSO)
            )
        ),
        None,
    )
    if said is None or any(named.get(i, ("", ""))[1] in ("PER", "ORG") for i in range(s, e)):
        return None
    if _denied(words, s, e):
        return None  # "But the article never said that it said ..."
    last = [i for i in range(*before) if i in orgs]
    if not last:
        return None
    end = last[-1] + 1
    start = end - 1
    while start - 1 >= before[0] and orgs.get(start - 1) == orgs[last[-1]]:
        start -= 1
    return _Source(orgs[last[-1]], start, end)


_IT = frozenset({"it", "they"})  # what an organisation is called in the next sentence
_SAYS = frozenset("says said say claims claimed estimates estimated".split())
_ALSO = frozenset("also now still further".split())  # "it also says"


_ADVERT = re.compile(
    r"promo code|offer code|use code|with code|discount code|terms apply|terms and "
    r"conditions apply|sitewide|free shipping|free trial|first order|your first \w+ orders|"
    r"first purchase|delivery fee|download (?:the|our) app|"
    r"savings will vary|save by switching|\bdot com slash\b|"
    r"\b\d+% off\b|\boff your\b|(?:go to|going to|visit|head to|head over to|sign up at|"
    r"join at|\bat) (?:\w+ ){0,2}\S+(?:\.| dot )(?:com|co\.uk|org)\b|\b\w+\.com/\w+",
    re.IGNORECASE,
)

# what a sponsor's read sells, in the sentences around its web address: "cashmere
# sweaters from just 60 bucks", "$15 a month premium wireless"
_SELLING = re.compile(
    r"\bbucks\b|\bper month\b|\ba month\b|\bsubscriptions?\b|\bdiscounts?\b|"
    r"\bfrom just\b|\bsavings\b|\bpremium\b",
    re.IGNORECASE,
)
_AROUND = 2  # sentences on either side of a sponsor's address that may be its read


def advert(sentence: str) -> bool:
    """Whether a sentence is an advert's ("Save 25% ... with code SAVE", "go to
    wise.com", "free shipping on your first order", "at mint mobile dot com"):
    podcasts read their sponsors between the news, whose numbers are no claims."""
    return bool(_ADVERT.search(sentence))


def adverts(sentences: Sequence[str]) -> set[int]:
    """The sentences of a sponsor's read: those ``advert`` marks, and those within two
    sentences of one that sell something ("cashmere sweaters from just 60 bucks" before
    the address)."""
    marked = {n for n, sentence in enumerate(sentences) if advert(sentence)}
    near = {
        n
        for m in marked
        for n in range(max(0, m - _AROUND), min(len(sentences), m + _AROUND + 1))
        if n not in marked and _SELLING.search(sentences[n])
    }
    return marked | near


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


def _unrepeated(claims: Sequence[Claim]) -> list[Claim]:
    """The claims without a speaker's repeats: a claim is dropped where the same value
    comes again within ``_REPEAT`` words with the same subject, or one whose content
    words hold all of its own or all of whose are in it, and the later one, usually the
    finished thought, stays ("20% of the people identified
    as not 20% of the people identified as not being born"; "We've had 28 women
    murdered in concerns. We've had 28 women murdered in the last 5 years"). One
    number of two things ("40 doctors and 40 nurses") is two claims."""
    kept: list[Claim] = []
    for n, claim in enumerate(claims):
        later = claims[n + 1 : n + 4]
        if not any(
            other.value == claim.value
            and other.start - claim.start <= _REPEAT
            and _within(_content(claim.subject), _content(other.subject))
            for other in later
        ):
            kept.append(claim)
    return kept


_REPEAT = 12  # words within which the same number and subject are one claim said twice


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
) -> list[Claim]:
    """The claims of the sentence of tokens ``span``; ``about``: what the sentence
    before was about; ``last``: the claim before the sentence."""
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
        if _not_thousands(forms, words, s, i, used):
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
    return claims


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
    if _kind(forms, words, i, end) != _kind(forms, words, last.start, last.end):
        return None
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
    while k < e and words[k] in _PASSIVE:  # "200 were injured"
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
    """A subject without the zero-width spaces some captions carry ("world cups.\u200b");
    None for words that name nothing counted, only function words ("else", "like", "to")
    and adverbs ("hugely", "very quickly"; not "family", "supply")."""
    if not subject:
        return subject
    shown = subject.replace("\u200b", "").strip().rstrip(".,?!;:")
    said = shown.lower().split()
    if said and all((w in STOPWORDS and w not in _COUNTED_PRONOUNS) or ly_adverb(w) for w in said):
        return None  # "very quickly": nothing counted
    return shown


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


def _quote_in(forms: Sequence[str], words: Sequence[str], s: int, e: int) -> Quote | None:
    """The first reported speech of the sentence of tokens ``s`` to ``e``, if any."""
    for j in range(s + 1, e - 1):
        if words[j] in _QUOTE_SAY and (inverted := _inverted(forms, words, (s, e), j)):
            return inverted
        if (
            words[j] in _QUOTE_SAY
            and forms[j - 1].endswith(",")
            and (plain := _inverted_plain(forms, words, (s, e), j))
        ):
            return plain  # "Jaw-dropping, said Natalia, a mother of two."
        if j >= e - 2:
            break
        speaker = _speaker_of(forms, words, (s, e), j)
        if speaker is None:
            continue
        body = _speech_at(words, forms, j, e)
        if body is None:
            continue
        if _object_only(words, forms, j, e):
            continue  # "When Tesla announced their results, Elon Musk said that ..."
        direct = _opens_quote(forms[body])
        end = _quote_end(forms, body, e) if direct else _own_words_end(words, forms, body, e)
        if not direct and words[j - 1] == "who":  # "Trump, who says that he has spoken to
            end = _clause_end(forms, body, end)  # her, was angry": the words end at the comma
        text = _unquoted(" ".join(forms[body:end]))
        if len(text.split()) < 3:
            return None
        said_by, cut = tidy_speaker(speaker[0].split())
        kind = "direct" if direct else "indirect"
        return Quote(body, end, " ".join(said_by), speaker[1] + cut, j, text, kind)
    return None


def _speaker_of(
    forms: Sequence[str], words: Sequence[str], span: tuple[int, int], j: int
) -> tuple[str, int] | None:
    """Who reports speech with the verb at ``j`` (words and first token), if anyone:
    not "there", "according", another's saying ("It says Epstein and Andrew told the
    dancer": the letter says so) or a memory ("I remember a minister said"; "assess what
    Karma says and then")."""
    s, e = span
    if not _reports_after(forms, words, s, j):
        return None
    speaker = _speaker_before(words, forms, s, j)
    if speaker is not None:
        speaker = _whole_speaker(words, forms, s, speaker)
    elif words[j - 1] == "and":
        speaker = _opening_name(words, forms, s, j)  # "John Lee hailed it and said"
    if speaker is None or speaker[0].lower().startswith(("there", "according")):
        return None
    clause = max((k + 1 for k in range(s, speaker[1]) if forms[k].endswith(",")), default=s)
    if any(words[k] in _QUOTE_SAY for k in range(clause, speaker[1])):
        return None
    before = set(words[max(s, speaker[1] - 1) : j])
    if before & _RECALLED or (before & _WHAT and j + 1 < e and words[j + 1] in _CONJUNCTIONS):
        return None
    return speaker


def _opening_name(
    words: Sequence[str], forms: Sequence[str], s: int, j: int
) -> tuple[str, int] | None:
    """The name that opens a sentence and is the subject of a verb of saying joined by
    "and" to another of its verbs: "John Lee hailed its passing and said", "Lord
    Mandelson has described his friendship as a mistake and says"; None where another
    clause comes between (a comma) or the sentence opens with no name."""
    k = s
    while k < j and forms[k][:1].isupper() and forms[k][-1:].isalpha() and k - s < 4:
        k += 1
    if k == s or k >= j or not forms[k][:1].islower():
        return None
    if words[s] in STOPWORDS or words[s] in _PRONOUNS or words[s].endswith("ly"):
        return None  # "And what he did", "So ...", "Suddenly"
    if any(forms[m].endswith((",", ";", ":")) for m in range(k, j)):
        return None
    return " ".join(forms[s:k]), s


def _speech_at(words: Sequence[str], forms: Sequence[str], j: int, e: int) -> int | None:
    """Where the words said after the saying verb at ``j`` start, past whom they were
    said to ("told us", "told Xi", "said to MPs") and a "that"; None where none follow
    ("what Steve Bannon said that day": when, not what, was said; "that time was" is)."""
    body = _after_addressee(words, forms, j, e)
    if body is None or _said_of(words, forms, body, e):
        return None
    body = _of_said(forms, body, e) or _past_when(words, forms, body, e)
    if body < e and _topic_only(words, forms, body, e):
        return None  # "Will Ross told me how Rwanda has responded": the topic, not the words
    if (
        body + 1 < e
        and words[body] == "that"
        and words[body + 1] in _WHEN_NOUNS
        and (body + 2 >= e or words[body + 2] not in _FINITE)
    ):
        return None
    return body + (body < e and words[body] == "that")


# what opens a reported topic, not the words said: "told us why ...", "announced something"
_TOPIC_OPENERS = frozenset("why whether what where".split())
_POINTED = frozenset("the a an these those this that his her their its our".split())


def _topic_only(words: Sequence[str], forms: Sequence[str], k: int, e: int) -> bool:
    """Whether what follows a saying verb at ``k`` names what was talked about, not what
    was said: "why ...", "whether ...", "something that ...", and "how" before a name or
    a determiner ("how Rwanda has responded", "how these laws worked"; not "how proud
    she was")."""
    if words[k] in _TOPIC_OPENERS:
        return True
    nxt = k + 1
    if words[k] in ("something", "nothing"):  # "announced something that ..."; not
        return nxt < e and words[nxt] in ("that", "about", "like", "of")  # "nothing will"
    return words[k] == "how" and nxt < e and (forms[nxt][:1].isupper() or words[nxt] in _POINTED)


def _pointing(words: Sequence[str], forms: Sequence[str], k: int, e: int) -> bool:
    """Whether the "that" at ``k`` points at a thing ("said that word was
    controversial"), not opens what was said ("said that he was", "that Trump was",
    "that the club was")."""
    return (
        k + 2 < e
        and words[k + 1] not in _PRONOUNS
        and words[k + 1] not in _OBJECT_OPENERS
        and forms[k + 1][:1].islower()
        and words[k + 2] in _FINITE
    )


def _of_said(forms: Sequence[str], body: int, e: int) -> int | None:
    """Where what was said of something starts: after its colon ("said of the deal:
    'this will ...'") or a "that" three words on at most ("said of Trump that he");
    None where the words do not start "of" or go on otherwise ("said of the political
    peril and position that the prime minister finds himself in")."""
    if body >= e or forms[body].casefold() != "of":
        return None
    for k in range(body + 1, min(e - 1, body + 9)):
        if forms[k].endswith(":"):
            return k + 1
        if forms[k].casefold() == "that":
            return k + 1 if k <= body + 4 else None
    return None


def _past_when(words: Sequence[str], forms: Sequence[str], body: int, e: int) -> int:
    """Where what was said starts past a phrase of when, where or how it was said that
    ends at a "that": "said on the airwaves that", "says nowadays that", "has said in
    his own words, that"; ``body`` where no such phrase leads ("said the car that")."""
    if body >= e or words[body] not in _SAID_WHEN:
        return body
    for k in range(body + 1, min(e, body + 7)):
        if words[k] == "that":
            return body if _pointing(words, forms, k, e) else k
        if words[k] in _PRONOUNS or words[k] in _FINITE or words[k] in _AUXILIARIES:
            break
    alone = (
        words[body] in _SAID_WHEN_ALONE
        and body + 1 < e
        and not (words[body + 1] in _FINITE or words[body + 1] in _AUXILIARIES)
    )  # not "said now is the time"
    return body + alone


# words that open a phrase of when, where or how something was said, before its "that"
_SAID_WHEN_ALONE = frozenset(  # "said today the talks would go on"
    "earlier yesterday today tonight nowadays recently repeatedly publicly privately "
    "previously again also now later".split()
)
_SAID_WHEN = _SAID_WHEN_ALONE | frozenset(
    "on in at during after before over with of last this".split()
)

_OPEN = ('"', "“")
_CLOSE = ('"', "”")
# single quotation marks: "'You need ownership to defend it.'" (never "'em", "'80s")
_SINGLE_OPEN = ("'", "‘")
_ELISIONS = frozenset("'em 'cause 'til 'tis 'n' 'round 'bout".split())


def _opens_quote(form: str) -> bool:
    """Whether a token opens words in quotation marks, double or single."""
    if form.startswith(_OPEN):
        return True
    return (
        form[:1] in _SINGLE_OPEN
        and form[1:2].isalpha()
        and form.casefold().rstrip(".,?!") not in _ELISIONS
    )


def _unquoted(text: str) -> str:
    """Quoted words without their quotation marks and a trailing comma."""
    marks = "\"“”'‘’"
    text = text.strip()
    if text[-2:-1] in ("”", '"') and text[-1:] in (".", ","):
        text = text[:-1]  # "... in China”." (the sentence's mark after the quote's)
    return text.strip(marks).rstrip(",").strip(marks).strip()


def _quote_end(forms: Sequence[str], body: int, e: int) -> int:
    """Where words in quotation marks that open at token ``body`` close (the sentence's
    end if they do not); a single mark closes after a sentence's mark (".'", "…'"), not
    as a plural's possessive ("the officers' union")."""
    single = forms[body][:1] in _SINGLE_OPEN
    for k in range(body, e):
        form = forms[k].rstrip(".,?!") if not single else forms[k]
        if not single and form.endswith(_CLOSE):
            return k + 1
        if single and (k > body or len(forms[k]) > 2) and _closes_single(forms, k, e):
            return k + 1  # "'no'" opens and closes at once
    return e


def _closes_single(forms: Sequence[str], k: int, e: int) -> bool:
    """Whether token ``k`` closes a single quotation mark: after a sentence's mark
    (".'"), last in the sentence, or before a word no noun ("...the right' and left");
    not a plural's possessive before its noun ("the officers' pay")."""
    form = forms[k]
    if not form.endswith(("'", "’")):
        return False
    if form[-2:-1] in (".", ",", "?", "!", "…") or k == e - 1:
        return True
    return bare(forms[k + 1]).casefold() in STOPWORDS


def _inverted(
    forms: Sequence[str], words: Sequence[str], span: tuple[int, int], j: int
) -> Quote | None:
    """Direct speech said before its verb, the speaker after it: '"The situation is grim
    and worsening," said Human Rights Watch's Nicholas McGeehan.' (the speaker's words
    up to the next comma or sentence end; no pronoun: '"...," he said' names no one)."""
    s, e = span
    if j - 1 < s or not forms[j - 1].endswith(_CLOSE):
        return None
    start = next((k for k in range(j - 1, s - 1, -1) if forms[k].startswith(_OPEN)), None)
    stop = _speaker_stop(forms, j, e)
    speaker = [f.strip(',.?!;:"“”') for f in forms[j + 1 : stop]]
    if start is None or not speaker or not (speaker[0][:1].isupper() or speaker[0] in ("the", "a")):
        return None
    if words[j + 1] in _PRONOUNS:
        return None
    text = _unquoted(" ".join(forms[start:j]))
    if len(text.split()) < 3:
        return None
    return Quote(start, j, " ".join(speaker), j + 1, stop, text, "direct")


_PLAIN_SPEAKER = 4  # words of a name after the verb, at most, ending at a comma or a stop


def _speaker_stop(forms: Sequence[str], j: int, e: int) -> int:
    """The token after the speaker named after the saying verb at ``j``: up to a comma
    or a stop, past a title's or an initial's dot ("says Dr. Prince Juma Safari.")."""
    stop = j + 1
    while stop < e and (
        not forms[stop - 1].endswith((",", ".", "?", "!", ";", ":"))
        or _name_goes_on(forms, stop - 1, e)
    ):
        stop += 1
    return stop


def _name_goes_on(forms: Sequence[str], k: int, e: int) -> bool:
    """Whether a name goes on past the dot of token ``k``: a title's or an initial's
    ("Dr. Prince Juma Safari", "Robert F. Kennedy") before a capitalised word that is no
    function word; not "Jr." ("King Jr. who led"), nor "Group A. The team"."""
    nxt = forms[k + 1] if k + 1 < e else ""
    return (
        bool(_NAME_PART.match(forms[k]))
        and forms[k] not in ("Jr.", "Sr.")
        and nxt[:1].isupper()
        and nxt.casefold().strip(",.") not in STOPWORDS
    )


def _inverted_plain(
    forms: Sequence[str], words: Sequence[str], span: tuple[int, int], j: int
) -> Quote | None:
    """Words said before their verb and a comma, with no quotation marks, the speaker
    after it: "Jaw-dropping, said Natalia, a mother of two." is Natalia's (the words
    before the comma were no speaker); None where no name follows ("..., said he")."""
    s, e = span
    stop = _speaker_stop(forms, j, e)
    speaker = [w for f in forms[j + 1 : stop] if (w := f.strip(',.?!;:"“”'))]
    if not speaker or len(speaker) > _PLAIN_SPEAKER or words[j + 1] in _PRONOUNS:
        return None  # "..., says 6,000 people died", "..., says Hamas fighters attacked"
    if not all(w[:1].isupper() for w in speaker):
        return None
    text = " ".join(forms[s:j]).rstrip(", ")
    return Quote(s, j, " ".join(speaker), j + 1, stop, text, "indirect")


# writing verbs that report words only where a quotation or "that" follows them
# words before a verb of saying that make it no report of what was said
_UNSAID = frozenset("might could would may should can must will to".split())
_WROTE = frozenset("wrote writes posted posts tweeted tweets".split())
_PLATFORM_WORDS = frozenset("on x online twitter social media facebook truth instagram".split())


def _writes_quote(forms: Sequence[str], words: Sequence[str], j: int, e: int) -> bool:
    """Whether a writing verb at ``j`` reports words: 'wrote, "..."', "posted that"."""
    k = j + 1
    while k < e and words[k] in _PLATFORM_WORDS:
        k += 1  # "posted on X that ..."
    return k < e and (words[k] == "that" or _opens_quote(forms[k]))


def _reports_after(forms: Sequence[str], words: Sequence[str], s: int, j: int) -> bool:
    """Whether token ``j`` is a saying verb whose speech follows it: not "it said" (a
    source named elsewhere), '"...," he said' (the words are before), a passive ("ICE
    agents will be told to", "Russia had been announced as") or no saying at all."""
    if words[j] not in _QUOTE_SAY | _WROTE or _pronoun_report(words, max(s, j - 3), j + 1):
        return False
    if words[j] in _WROTE and not _writes_quote(forms, words, j, len(words)):
        return False  # "wrote a book", "posted a video": only a quote or "that" follows
    if forms[j - 1].endswith(_CLOSE) or words[j - 1] in _UNSAID:
        return False  # '"...," he said'; "what Nasrallah might say", "refused to say"
    if words[j] == "saying" and not forms[j - 1][:1].isupper():
        return False  # "Mark Carney saying ..." is his; "kept saying", "by saying" say less
    if words[j - 1] in _PASSIVE and (words[j] in _TOLD or words[j].endswith("ed")):
        return False
    return not _not_speech(words, j)


_POSSESSIVES = frozenset("his her their its my our your".split())
_FINITE = frozenset("is are was were has have had will would can could".split())


def _not_speech(words: Sequence[str], j: int) -> bool:
    """Whether the saying verb at token ``j`` says nothing here: "added his voice to
    calls", "added to the pressure"; a verb right after it makes it part of a clause,
    "what Mr. Trump says is brilliant"."""
    after = words[j + 1] if j + 1 < len(words) else ""
    return (words[j] == "added" and (after in _POSSESSIVES or after == "to")) or after in _FINITE


def _own_words_end(words: Sequence[str], forms: Sequence[str], body: int, e: int) -> int:
    """Where reported speech that starts at token ``body`` ends: at the sentence's end,
    or before a ", but" or ", while" whose clause has a subject of its own that is no
    pronoun (not "but also", "but returned home": ``_goes_on``): the reporter's words
    ("it's investigating, but locals feel furious"; "our findings are hugely
    concerning, but the UK drug regulator says"); "they're working hard, but they need
    help" stays whole."""
    for k in range(body + 2, e - 2):
        if not forms[k].endswith(","):
            continue
        if (
            words[k + 1] in ("but", "while")
            and words[k + 2] not in _PRONOUNS
            and words[k + 2] not in ("i'm", "it's", "we're", "they're", "he's", "she's")
            and not _goes_on(forms[k + 2], words[k + 2])
        ) or _another_says(words, forms, k + 1, e):
            return k + 1
    return e


def _object_only(words: Sequence[str], forms: Sequence[str], j: int, e: int) -> bool:
    """Whether a verb that may report speech ("announced", "confirmed") has only a thing
    for its object, a short noun phrase its comma ends: "When Tesla announced their
    latest results, Elon Musk said", "how Trump announced this nomination, of course";
    not "announced the deal would go ahead", and never "said" or "told"."""
    body = j + 1
    if words[j] in _SAID_TOLD or body >= e or words[body] not in _OBJECT_OPENERS:
        return False
    for k in range(body, min(e - 1, body + 5)):
        if words[k] in _FINITE or words[k] in _AUXILIARIES or words[k] in _PRONOUNS:
            return False
        if forms[k].endswith(","):
            return k > body
    return False


_SAID_TOLD = frozenset("say says said saying tell tells told telling".split())
_OBJECT_OPENERS = frozenset("the a an this these those its their his her our my".split())


def _clause_end(forms: Sequence[str], body: int, end: int) -> int:
    """Where a relative clause's reported words end: at a comma the main clause's verb
    follows ("who says that he has spoken to her, was angry")."""
    return next(
        (
            k + 1
            for k in range(body, end - 1)
            if forms[k].endswith(",") and core(forms[k + 1]).lower() in _FINITE
        ),
        end,
    )


def _another_says(words: Sequence[str], forms: Sequence[str], at: int, e: int) -> bool:
    """Whether the clause at token ``at`` (after a comma) is someone else's saying: a
    name and a verb of saying, after "but", "and" or "while" or none ("..., but then
    Elon Musk says", "..., Elon Musk said that")."""
    k = at + (words[at] in ("but", "and", "while")) if at < e else at
    k += k < e and words[k] == "then"
    named = k
    while (
        named < e
        and forms[named][:1].isupper()
        and forms[named][-1:].isalpha()
        and words[named] not in _PRONOUNS
    ):
        named += 1
    return k < named < e and named - k <= 4 and words[named] in _QUOTE_SAY


def _goes_on(form: str, word: str) -> bool:
    """Whether the word after ", but" goes on with the speaker's own clause, not a new
    subject: "but also anybody who", "but not", "but returned home" (a verb)."""
    return word in _CARRIES_ON or (form.islower() and len(word) > 4 and word.endswith("ed"))


_CARRIES_ON = frozenset("also not still then only rather instead later now".split())


def _whole_speaker(
    words: Sequence[str], forms: Sequence[str], s: int, speaker: tuple[str, int]
) -> tuple[str, int] | None:
    """A quote's speaker as a whole noun phrase: where the name found before the verb is
    the object of a preposition ("Scientists from the universities of Cambridge and
    Cardiff say"; "A former official of the UN agency says"), the phrase from its head;
    where it is a relative clause ("US veterans who fought alongside NATO forces say"),
    the noun phrase before it."""
    said, first = speaker
    if words[first] in _RELATIVE and first + 1 < len(words) and forms[first + 1][:1].islower():
        return _speaker_before(words, forms, s, first)  # "who fought", not "which Israel"
    agent = _agent_of(words, forms, s, first)
    if agent is not None:
        return agent
    if any(w.casefold() in _STOP for w in said.split()[1:]):
        return speaker  # a clause, not a name: "US where President Trump has"
    k = first
    while k - 2 >= s and words[k - 1] == "and" and forms[k - 2][:1].isupper():
        k -= 2  # "Cambridge and Cardiff"
        while k - 1 >= s and forms[k - 1][:1].isupper() and forms[k - 1][-1:].isalpha():
            k -= 1
    if k - 2 >= s and words[k - 1] in _ARTICLES and words[k - 2] in _OF_WHOM:
        k -= 1  # "of the United Nations"
    while k - 1 >= s and words[k - 1] in _OF_WHOM and forms[k - 1][-1:].isalpha():
        head = k - 2
        while (
            head - 1 >= s
            and k - head < _HEAD_WORDS
            and words[head - 1] not in _SPEAKER_STOP
            and forms[head - 1][-1:] not in ".,?!;:"
            and (words[head - 1] in _OF_WHOM or words[head - 1] not in _STOP)
        ):
            head -= 1
        if words[head] in _STOP or forms[head][-1:] in ".,?!;:":
            break
        k = head
    if k == first:
        return speaker
    return " ".join(f.strip(",") for f in forms[k:first]) + " " + speaker[0], k


def _agent_of(
    words: Sequence[str], forms: Sequence[str], s: int, first: int
) -> tuple[str, int] | None:
    """Where the name before the verb is the agent of a participle ("The family of a man
    killed by federal officers in Minneapolis say"): the noun phrase the participle
    describes, which speaks ("The family of a man"), from its clause's start."""
    by = first if words[first] == "by" else first - 1  # "(by) police officers in Paris"
    if not (by - 1 > s and words[by] == "by" and _participle(words[by - 1])):
        return None
    head_end = by - 1
    start = head_end
    while start - 1 >= s and forms[start - 1][-1:] not in ".,?!;:" and head_end - start < 8:
        start -= 1
    while start < head_end and words[start] in _CONJUNCTIONS:
        start += 1
    if start >= head_end or not any(w not in _STOP for w in words[start:head_end]):
        return None
    return " ".join(f.strip(",") for f in forms[start:head_end]), start


def _participle(word: str) -> bool:
    """Whether a word is a past participle a "by" may follow ("killed by", "shot by")."""
    return (len(word) > 4 and word.endswith("ed")) or word in _PARTICIPLES


_PARTICIPLES = frozenset("shot hit held run led taken seen made beaten struck caught".split())
_WHEN_NOUNS = frozenset("day night morning evening week month year time weekend afternoon".split())
_RELATIVE = frozenset({"who", "which", "that"})
_OF_WHOM = frozenset({"of", "from", "at", "alongside", "with", "for", "in"})
_HEAD_WORDS = 6  # words a speaker's head noun phrase may span before its preposition


_REFLEXIVE = frozenset("himself herself themselves itself myself ourselves yourself".split())


def _after_addressee(words: Sequence[str], forms: Sequence[str], j: int, e: int) -> int | None:
    """Where what was said starts after the verb at ``j``, past whom it was said to:
    "told us", "has told Shinjinping he wants" (a name after "told"), "said to those
    MPs that"; None where only an addressee follows ("what Sakir said to those MPs
    tonight": no words of the saying)."""
    body = j + 1
    if body < e and words[body] in _REFLEXIVE:
        return body + 1  # "as Karma said himself, ..."
    if words[j] in _WROTE:
        while body < e and words[body] in _PLATFORM_WORDS:
            body += 1  # "posted on X that": the words start after "that"
        return body
    if words[j] in _TOLD and body < e and words[body] in _ADDRESSEES:
        return body + 1
    if words[j] in _TOLD:
        k = body + (
            words[body : body + 1] == ["the"] and body + 1 < e and forms[body + 1][:1].isupper()
        )
        told = words[k] if k < e else ""
        if told in _TOLD_THINGS or list(words[k : k + 2]) in _TOLD_TALES:
            return None  # "has told lies about the election", "tells the story of"
        start = k
        while k < e and k < start + 3 and forms[k][:1].isupper():
            k += 1
            if not forms[k - 1][-1:].isalpha():
                break  # "told CNN, the attack ...": the name ends at its comma
        return k
    if body < e and words[body] == "to":
        ahead = words[body : min(e, body + 8)]
        return body + ahead.index("that") if "that" in ahead else None
    return body


def _said_of(words: Sequence[str], forms: Sequence[str], body: int, e: int) -> bool:
    """Whether the words after a verb of saying are about the saying, not what was said:
    "said that about people like me", "said about it", or, in a question, "what did
    the authorities say about your investigation?", "what did China say on the trip?"."""
    first = words[body] if body < e else ""
    after = words[body + 1] if body + 1 < e else ""
    if first == "about" or (first in ("that", "this", "it", "so", "more") and after == "about"):
        return True  # not "said that in 2020 the club ...": that opens what was said
    if first == "of":  # "warned of a crisis": what of, not what; "said of him that" is
        return words[body - 1] not in ("said", "says", "say") or _of_said(forms, body, e) is None
    return forms[e - 1].endswith("?") and first in _ABOUT_PREPS | {"when", "to"}


_ABOUT_PREPS = _PREPOSITIONS | {"about"}

# words before a speaker that make the saying a memory, not reported speech ("I
# remember a minister said"), or, where nothing said follows, its object ("assess what
# Karma says and then"; not "what Jeffrey Epstein said the files were worth")
_RECALLED = frozenset("remember recall remembered recalled".split())
_WHAT = frozenset("what whatever how".split())
_CONJUNCTIONS = frozenset("and but or so then because".split())

# a verb of telling and whom the speaker told, before what was said: "told us that"
_TOLD = frozenset("told tells telling warned warns assured assures reminded reminds".split())
_TOLD_THINGS = frozenset("lies lie jokes joke tales stories".split())  # told, not said
_TOLD_TALES = (["a", "story"], ["the", "story"], ["the", "truth"])
_PASSIVE = frozenset("be been being was were is are get gets got getting".split())
_ADDRESSEES = frozenset("us them me him her you reporters journalists".split())


def _number_in(
    forms: Sequence[str], words: Sequence[str], i: int, e: int
) -> tuple[float, int] | None:
    """The number at token ``i`` of the sentence ending at ``e``, never read across a
    comma ("in 2014, 680 workers", "38, 137 million": two numbers)."""
    found = _number_at(words, i, e)
    if found is not None and (comma := _comma_inside(forms, i, i + found[1])):
        found = _number_at(words, i, comma)
    return found


def _comma_inside(forms: Sequence[str], start: int, end: int) -> int | None:
    """The token after the first comma before digits inside ``start:end``, if any: a
    number read across it ("in 2014, 680 workers", "20 billion, 25 billion") is two;
    before a number word, a comma is the repair's pause ("thirty nine point, eight")."""
    for k in range(start, end - 1):
        if forms[k][-1:] in ",;:" and forms[k + 1][:1].isdigit():
            return k + 1
    return None
