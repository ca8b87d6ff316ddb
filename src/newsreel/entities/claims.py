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
from collections.abc import Sequence
from dataclasses import dataclass

from newsreel.entities.listed import TITLES
from newsreel.entities.names import PARTICLES
from newsreel.repair.clean import FILLERS, bare, core

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen \
fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORDS = {
    **{w: n for n, w in enumerate(_UNITS)},
    **{w: 20 + 10 * n for n, w in enumerate(_TENS)},
    "dozen": 12,
}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "hundred": 100}
_DIGITS = re.compile(r"^[$£€]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$|^[$£€]?\d+(?:\.\d+)?%?$")
_STOP = frozenset(
    "it that which who is are was were has have had and but so because if when then this "
    "these those will would could should can may might do does did says said".split()
)
_SAY = frozenset(
    "says said say told tells claims claimed reported reports warned warns stated "
    "announced added insisted admit admits admitted allege alleges concluded "
    "concludes insist insists insisting explains explained argues argued "
    "declared".split()
)
# what a source finds out or judges rather than says: "The BBC has learned", "a study
# found", "The IMF expects"
_FIND = frozenset(
    "learned learnt found finds estimates estimated revealed confirmed identified recorded "
    "documented counted verified expects predicts predicted forecasts reckon "
    "reckons wrote writes mentioned suggested suggests".split()
)
_QUOTE_SAY = _SAY - {"reports", "reported"}
_REPORT = _SAY | _FIND
_BY = _REPORT - {"found", "finds"}  # "told by police"; "found by police" is no report
# a sentence that goes on with the one before: "And at least 11 sites contain ..."
_GO_ON = frozenset({"and", "also"})
# verbs of change a percentage measures: "US aid fell by 99%"
_CHANGE = frozenset(
    "rose risen fell fallen grew grown increased decreased dropped jumped climbed declined "
    "surged shrank slumped doubled tripled halved reached totalled totaled amounted stood "
    "averaged averages topped tops exceeded surpassed hit hits is are was were "
    "rise rises fall falls grow grows increase increases decrease decreases drop drops "
    "jump jumps climb climbs decline declines double doubles shrink shrinks surge surges "
    "soared plunged plummeted tumbled slipped expanded contracted swelled slowed "
    "decelerate decelerated accelerate accelerated".split()
)
# between a verb of change and "by"/"to": "fallen back by", "rose sharply to"
_CHANGE_HOW = frozenset("back up down further sharply slightly steadily again".split())
# between what changed and its verb: "China emissions have actually fallen", "costs more
# than doubled", "revenues which increased"
_BEFORE_CHANGE = frozenset(
    "has have had which that actually already now more than almost nearly roughly "
    "also will would could may might".split()
)
# between a verb of change and its number: "was close to", "stood at just under"
_NEAR = frozenset({"under", "below", "above", "beyond"})
# words between a sum and what it is for: "a net worth of at least $2.5 billion"
_ABOUT = frozenset(
    "more than over at least around about almost nearly close to merely just some roughly "
    "approximately well only up an a".split()
)
_VACUOUS = frozenset("tune total sum amount figure value excess region upwards".split())
_COSTS = frozenset("of worth cost costs costing valued priced exceed exceeds exceeding".split())
# what money is for: "$2 billion from the Saudis"
_MONEY_FOR = frozenset({"in", "from", "to", "for"})
# a report named by a noun: "a study by X", "the findings of X"
_REPORT_NOUNS = frozenset("report study research analysis survey investigation".split())
# a sentence whose report is the previous sentence's source's: "Its data shows ..."
_THEIRS = frozenset({"its", "their"})
_THEIR_REPORT = (_REPORT_NOUNS - {"investigation"}) | frozenset(
    "data figures findings estimate estimates statement numbers records".split()
)
# where a source phrase after "by" / "according to" ends: "a study by Oxford University
# found", "told by police to leave", "revealed by the BBC on Monday"
_PHRASE_ENDS = frozenset(
    "there they we with to on as at in shows show suggests suggest says say finds "
    "during after before since appears appear appeared seems seem seemed".split()
)
# words before a report verb that make it a noun: "with claims of", "the reports"
_NOUN_BEFORE = frozenset("with the a an of these those such his her their its new".split())
# a number glued to the word before it in the captions: "more than500"
_GLUED = re.compile(
    r"^(?:than|to|for|and|between|of|about|around|over|under|some|nearly)([$£€]?\d[\d,.]*%?)$"
)
_SCORE = frozenset({"nil", "-nil", "nil-nil"})
_DEGREES = re.compile(r"^(\d+(?:\.\d+)?)°[cf]?$")
_SUBJECT_STOP = frozenset(
    {"exchange", "return", "according", "about", "almost", "nearly", "around", "roughly", "some"}
)
_YEAR = re.compile(r"^(19|20)\d\d$")
_SCALE_WORDS = [[w] for w in _SCALE]
_K = re.compile(r"^[$£€]?\d+(?:\.\d+)?k$")  # "27k": thousands
_THOUSANDS = re.compile(r"^\d{3}$")
# what a duration or an age counts: not a count unless asked (``durations=True``)
_TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries season seasons".split()
)
_AGE = frozenset({"old", "olds", "aged"})
# words of a time phrase, not of what money is for ("£5 in 2020", "in early trading")
_TIMELY = _TIME_UNITS | frozenset("just early late last next every each this that trading".split())
_COMPARATIVE = frozenset(
    "more less as the bigger larger higher greater richer smaller lower faster cheaper "
    "stronger wealthier worse better".split()
)
_LONG = frozenset("long full straight consecutive whole short".split())
# a subject must be a noun phrase: not one that starts with these
_NOT_SUBJECT = frozenset(
    "or to and in on at by from for with out than as during into over under about up "
    "more less i you he she it we they this that there these those who what which "
    "it's that's there's he's she's they're we're you're i'm".split()
)
_CURRENCY = frozenset(
    "dollars dollar pounds pound euros euro riyals riyal yen yuan francs rupees".split()
)
# "one" as an article or pronoun: "on the one hand", "one day", "one of"
_ONE_NOT_COUNT = frozenset("hand day time thing way point more another where again when".split())
# "one final chance", "not one single friend": "one" as an article
_ONE_ADJECTIVES = frozenset("single final last particular such".split())
# the head nouns of a source phrase that names no one: "police say", "the mayor said"
SOURCE_NOUNS = frozenset(
    "police authorities government ministry minister mayor president spokesperson "
    "spokesman spokeswoman army military agency investigation report study survey "
    "institute commission council court prosecutors organisation organization office "
    "department federation league union committee regulator watchdog charity group "
    "officers researchers media newspaper paper website figures data club company firm "
    "bank fund".split()
)
_VAGUE_SOURCES = frozenset(
    {"officials", "reports", "sources", "experts", "analysts", "journalists", "reporters"}
)
_DETERMINERS = frozenset({"the", "a", "an", "some", "its", "their", "his", "her", "our"})
_NEGATION = frozenset("never not didn't doesn't don't hasn't haven't no".split())
# what stands between a source and its verb: "Rafael Salguero would later admit"; cut
# from a source's end only as written in lower case ("Theresa May said" keeps "May")
_AUXILIARIES = frozenset(
    "has have had was were is are be been also would will could may might later "
    "previously earlier now already reportedly allegedly even".split()
)
_SPEAKER_STOP = frozenset("but and so that because while as if when then also though".split())
_BACK = frozenset({"it", "this", "that", "which"})
_NAME_PART = re.compile(r"^(?:[A-Z]\.|Jr\.|Sr\.|Mr\.|Mrs\.|Ms\.|Dr\.)$")
_WHEN = frozenset("in on at during after before since by until till".split())
_LEAD_ADVERBS = frozenset("here there now today yet still already".split())
_TIME_ADVERBS = _LEAD_ADVERBS | frozenset(
    "yesterday tonight earlier later meanwhile overnight".split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


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


def _number_at(words: Sequence[str], i: int) -> tuple[float, int] | None:
    """(value, tokens used) of a number starting at token ``i``: digits or number words,
    compounds included ("a hundred and eighty eight million" is 188,000,000)."""
    if words[i] == "one" and i + 1 < len(words) and words[i + 1] in ("of", "another"):
        return None  # "one of the ...": a pronoun
    if (
        words[i] == "half"
        and words[i + 1 : i + 2] == ["a"]
        and words[i + 2 : i + 3] in _SCALE_WORDS
    ):
        return _SCALE[words[i + 2]] / 2, 3  # "half a million"
    total = current = 0.0
    started = False
    j = i
    while j < len(words):
        word = words[j]
        nxt = words[j + 1] if j + 1 < len(words) else ""
        step = _number_step(word, nxt, started, total, current)
        if step is None:
            break
        total, current = step
        started = True
        j += 1
        while j < len(words) and _THOUSANDS.match(words[j]) and _DIGITS.match(word):
            current = current * 1000 + float(words[j])  # captions' "80 000"
            word = words[j]
            j += 1
        if words[j : j + 3] == ["and", "a", "half"] and words[j + 3 : j + 4] in _SCALE_WORDS:
            current += 0.5  # "2 and a half thousand"
            j += 3
            continue
        if words[j : j + 1] == ["point"] and j + 1 < len(words) and words[j + 1] in _UNITS[:10]:
            current += _WORDS[words[j + 1]] / 10  # "thirty nine point eight million"
            j += 2
            continue
        nxt = words[j] if j < len(words) else ""
        if _DIGITS.match(word) and nxt not in _SCALE and nxt not in ("dozen", "grand"):
            break
    while j > i and words[j - 1] in ("and", "a"):
        j -= 1
    if j == i or (j == i + 1 and words[i] == "a"):
        return None
    if j == i + 1 and _YEAR.match(words[i]):
        return None  # a year, not a count
    return total + current, j - i


def _number_step(
    word: str, nxt: str, started: bool, total: float, current: float
) -> tuple[float, float] | None:
    """(total, current) once ``word`` (followed by ``nxt``) is read into a number, or
    None where the number ends before it."""
    if _K.match(word) and not started:
        return total, float(word.strip("$£€k").replace(",", "")) * 1000  # "your 27k"
    if _DIGITS.match(word) and not (started and current):
        return total, current + float(word.strip("$£€%").replace(",", ""))
    if word == "dozen" and started and current:
        return total, current * 12  # "three dozen"
    if word in _WORDS and not (started and word in _UNITS and current % 100 >= 20 and current % 10):
        return total, current + _WORDS[word]
    if word == "a" and not started and (nxt in _SCALE or nxt in ("dozen", "100", "1000")):
        return total, 1.0 if nxt in _SCALE else 0.0  # "a million"; "a 100" is "a hundred"
    if word == "hundred" and started:
        return total, max(current, 1.0) * 100
    if word in _SCALE and word != "hundred" and started:
        return total + max(current, 1.0) * _SCALE[word], 0.0
    if word == "grand" and started and current:
        return total + current * 1000, 0.0  # "nine grand a year": £9,000
    if word == "and" and started and (nxt in _WORDS or nxt == "hundred"):
        return total, current
    return None


def _subject(
    forms: Sequence[str], words: Sequence[str], start: int, end: int, *, money: bool = False
) -> str | None:
    """The counted noun phrase after a number; for money, also what it is for ("$1,500
    to get a job", "£100,000 in cash")."""
    out: list[str] = []
    for j in range(start, min(end, start + 6)):
        if words[j] in FILLERS:
            continue
        of_those = j == start + 1 and words[start] == "of" and words[j] in ("those", "these")
        if (words[j] in _STOP and not of_those) or words[j] in _SUBJECT_STOP or not words[j]:
            break  # "six of those killed" counts those killed
        if _number_at(words, j):
            break
        out.append(bare(forms[j]))
        if forms[j][-1:] in ".,?!;:":
            break
    while out and out[-1].lower() in ("in", "of", "for", "from", "to", "the", "a", "with"):
        out.pop()
    more = out[:1] in (["more"], ["less"]) and len(out) > 1 and out[1] != "than"
    if money and out[:1] and out[0].lower() in _MONEY_FOR and len(out) > 1:
        timely = any(_YEAR.match(w) or w.casefold() in _TIMELY for w in out)
        return None if timely else " ".join(out)  # not "£5 in 2020", "in early trading"
    if out[:1] == ["of"] and _share_of(words, start, end):
        return " ".join(out)
    if not out or _when(out) or (out[0].lower() in _NOT_SUBJECT and not more):
        return None  # "50% more funding" counts funding; "more than" counts nothing
    if not any(c.isalpha() for c in out[0]):
        return None
    return " ".join(out)


def _when(words: Sequence[str]) -> bool:
    """Whether words after a number say when, not what: "(rise to 5%) next year", "(pay
    you 200 million) a year"."""
    for_what = len(words) > 2 and words[2].lower() in _MONEY_FOR  # "a year for the tuition"
    return (
        len(words) > 1
        and words[0].lower() in _WHEN_WORDS
        and words[1].lower() in _TIME_UNITS
        and not for_what
    )


# "next year", "a year", "per week": when or how often
_WHEN_WORDS = frozenset("next last this a an per each every".split())


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
        ):
            break
        got.append(bare(forms[k]))
        if forms[k][-1:] in ".,?!;:":
            break
    while got and got[-1].casefold() in ("of", "for", "from", "the", "and"):
        got.pop()  # "a survey by YouGov of 2,000 adults"
    named = named_source(got) if got else None
    return _Source(named, at, at + len(got)) if named else None


def _source(words: Sequence[str], forms: Sequence[str], start: int, end: int) -> _Source | None:
    """The source a sentence names: "according to X", "X said/reports", "told by X",
    "the findings of X"."""
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
        if (
            (words[j] in _REPORT or alleged)  # "Israel's alleged strikes": no report
            and words[j + 1 : j + 2] not in (["off"], ["down"])  # "wrote off 5 billion"
            and words[j - 1] not in _NOUN_BEFORE  # "with claims of ...": a noun
            and not _pronoun_report(words, max(start, j - 3), j + 1)
        ):
            speaker = _speaker_before(words, forms, start, j)
            if speaker is None:
                continue
            said = speaker[0].split()
            if said[-1].endswith(("'s", "’s")):  # "the UK government's announced": has
                said[-1] = said[-1][:-2]
            named = named_source(said, start_of_sentence=speaker[1] == start)
            if named:
                name = f"{named} {forms[j]}" if words[j].startswith("report") else named
                return _Source(name, speaker[1], j)
    return None


def named_source(words: Sequence[str], *, start_of_sentence: bool = False) -> str | None:
    """``words`` as a source, or None where they name no one: a source is a name (a
    capitalised word, not only the sentence's first) or a known source phrase ("the
    mayor", "airport officials"); never a pronoun, a number, a negation ("the article
    never") or a vague "officials" / "reports" alone."""
    got = [b for b in map(bare, words) if any(c.isalnum() for c in b)]  # no ">>"
    while got and got[-1] in _AUXILIARIES:
        got.pop()
    while len(got) > 2 and got[0].casefold() in _WHEN and _date_word(got[1]):
        got = got[2:]  # "In 2019 Deloitte ranked"
        start_of_sentence = False
    if len(got) > 1 and got[0].casefold() in ("a", "an", "one"):
        got = got[1:]  # "A DERA spokesperson" is the DERA spokesperson; "A Pentagon
        start_of_sentence = False  # official": the article was the sentence's first word
    folded = [w.casefold() for w in got]
    if (
        not got
        or any(w in _NEGATION or w in _PRONOUNS or w == "according" for w in folded)
        or any(c.isdigit() for c in got[0])  # "24 missiles were told by ..."
    ):
        return None
    content = [w for w in folded if w not in _DETERMINERS]
    named = any(w[:1].isupper() for w in got[1 if start_of_sentence else 0 :])
    known = any(w in SOURCE_NOUNS for w in folded) or (
        folded[-1] in _VAGUE_SOURCES and len(content) > 1
    )
    if not (named or known) or content in ([], ["media"]):
        return None
    return " ".join(_named_last(got))


def _date_word(word: str) -> bool:
    """A year or a month ("in 2019", "in March")."""
    return bool(_YEAR.match(word)) or word.casefold() in _MONTHS


# a role's words: a person's titles (listed.TITLES) and the posts that speak for a body
_TITLE_WORDS = TITLES | frozenset(
    "chief executive spokesman spokeswoman spokesperson minister's deputy".split()
)
# words that make a source's description more than a role before a name
_DESCRIBED = frozenset("for of in at from with by to on".split())


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
    first = verb
    for k in range(verb - 1, max(start - 1, verb - 9), -1):
        name_part = k < verb - 1 and _NAME_PART.match(forms[k])  # "Robert F. Kennedy Jr."
        closes = k == verb - 1 and forms[k][-1:] == ","  # "The mayor, Vitali Klitschko, said"
        if words[k] in _SPEAKER_STOP or (forms[k][-1:] in ".,?!;:" and not (name_part or closes)):
            break
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


_NAME_JOINERS = PARTICLES - {"of", "and", "the", "y"}  # "Ursula von der Leyen"
# an aside between a source and its verb: "X, in a media interview, said"
_ASIDE = frozenset("in at on during after before speaking writing".split())
_PRONOUNS = frozenset({"it", "they", "he", "she", "i", "we", "you"})


def _pronoun_report(words: Sequence[str], start: int, end: int) -> bool:
    """'it said', 'they even said': a report whose source is named elsewhere."""
    return any(
        words[j] in _SAY and any(words[k] in _PRONOUNS for k in range(max(start, j - 3), j))
        for j in range(start, end)
    )


def extract(
    forms: Sequence[str],
    sentences: Sequence[int],
    places: dict[int, str] | None = None,
    *,
    durations: bool = False,
) -> tuple[list[Claim], list[Quote]]:
    """Claims and quotes of a repaired transcript; ``places`` maps the tokens of place
    mentions to their canonical names ("there" in a subject becomes "in <place>").
    Durations, ages and rankings are counts only when ``durations`` asks for them."""
    places = places or {}
    words = [_unglued(core(f)) for f in forms]
    spans = list(zip(sentences, [*sentences[1:], len(forms)], strict=False)) or [(0, len(forms))]
    sources = [_source(words, forms, s, e) for s, e in spans]
    claims: list[Claim] = []
    for n, (s, e) in enumerate(spans):
        sources[n] = _sentence_source(words, spans, sources, n)  # "And ..." chains on
        claims += _claims_in(forms, words, s, e, sources[n], places, durations)
    quotes = [q for s, e in spans if (q := _quote_in(forms, words, s, e)) is not None]
    return claims, quotes


def _unglued(word: str) -> str:
    """A caption's "than500" as "500", "-30°C" as "30" (the sign is read from the token:
    ``_negative``); any other word as it is."""
    glued = _GLUED.match(word)
    if glued:
        return glued.group(1)
    degrees = _DEGREES.match(word)
    return degrees.group(1) if degrees else word


def _negative(forms: Sequence[str], words: Sequence[str], s: int, i: int) -> bool:
    """Whether the number at token ``i`` is below zero: "minus 20", "-30°"; not "plus or
    minus 3" nor the second end of "20 -30"."""
    if i > s and words[i - 1] == "minus":
        return words[max(s, i - 3) : i - 1] != ["plus", "or"]
    if forms[i].lstrip("(")[:1] not in "-−–":
        return False
    if i > s and _number_at(words, i - 1) is not None:  # "20 -30": a range, unless its
        return i - 1 > s and (words[i - 2] == "minus" or forms[i - 1][:1] in "-−–")  # start
    return True  # is below zero too ("minus 20 -30")


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


def _claims_in(
    forms: Sequence[str],
    words: Sequence[str],
    s: int,
    e: int,
    source: _Source | None,
    places: dict[int, str],
    durations: bool = False,
) -> list[Claim]:
    """The claims of the sentence of tokens ``s`` to ``e``."""
    sentence = " ".join(forms[s:e])
    claims: list[Claim] = []
    i = s
    while i < e:
        found = _number_at(words, i)
        if found is None or _not_a_count(forms, words, s, e, i):
            i += 1
            continue
        value, used = found
        if _not_thousands(forms, words, s, i, used):
            i += 1
            continue
        if _negative(forms, words, s, i):
            value = -value
        counted = "%" in forms[i] or forms[i][:1] in "$£€"
        if i + used < e and words[i + used] in ("percent", "per"):
            counted = True
            used += (
                1
                if words[i + used] == "percent"
                else 2 * (words[i + used + 1 : i + used + 2] == ["cent"])
            )
        after = i + used
        if words[after : after + 2] == ["or", "so"]:
            after += 2  # "2,500 or so tower blocks"
        other = _range_end(words, after, e)
        if other is not None:  # "three to four bodies": both count what follows the second
            if (value, other[0], words[after]) == (1.0, 2.0, "or"):
                i = other[1]  # "one or two": vague
                continue
            value = _range_scaled(words, i, used, after, other[1], value)
            after = other[1]
        counted = counted or _share_of(words, after, e)  # "21.8 of the population"
        if not durations and _duration(forms, words, s, i, after, e):
            i += used
            continue
        subject, counted = _what(forms, words, (s, e, i, after), places, value, counted)
        if "°" in forms[i]:  # "-30°C": a temperature
            subject, counted = "degrees", True
        if (
            (subject is None and not counted)
            or _not_one(words, s, i, after, e)
            or _no_quantity(forms, words, (s, e, i, after), value)
        ):
            i += used
            continue
        text = " ".join(forms[i : i + used]).strip(".,?!;:")
        # "the union representing 65,000 footballers warned": the number describes the source
        by = source.name if source and not source.start <= i < source.end else None
        claims.append(Claim(i, i + used, value, text, subject, by, sentence))
        i += used
    return claims


def _range_scaled(
    words: Sequence[str], i: int, used: int, after: int, end: int, value: float
) -> float:
    """The first end of a range with the second's scale: "25 to 50 million" -> 25 million."""
    if any(w in _SCALE for w in words[i : i + used]) or value >= 1000:
        return value
    scales = [_SCALE[w] for w in words[after:end] if w in _SCALE]
    return value * scales[-1] if scales else value


def _what(
    forms: Sequence[str],
    words: Sequence[str],
    at: tuple[int, int, int, int],
    places: dict[int, str],
    value: float,
    counted: bool,
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
    ) or _subject_before(forms, words, s, i, counted or money or currency or value >= 2)
    if money or currency:
        # what the sum is for, named before it, unless a noun follows ("£20 notes")
        plain = subject is None or currency or subject.split()[0].casefold() in _MONEY_FOR
        before = (
            _money_before(forms, words, s, i) or _subject_before(forms, words, s, i, True)
            if plain
            else None
        )
        paid_for = _after_for(words, s, i)  # "for 91 million pounds": what is before
        after_sum = _for_after(forms, words, after + currency, e) if plain else None
        if after_sum is not None and not paid_for:
            subject = after_sum  # "dollars has been spent on new players"
        elif subject is not None and subject.split()[0].casefold() in _CURRENCY:
            subject = _untimed(subject)  # "dollars since 2017": the currency
            second = subject.split()[1:2]
            if second and not (second[0].casefold() in _FOR_SUM or _past(second[0])):
                subject = subject.split()[0]  # not "dollars with the PIF acting as"
        elif subject is not None and subject.split()[0].casefold() in _AFTER_CURRENCY:
            subject = _after_rate(subject)  # "nine grand a year for the tuition"
        if subject is None or (" " not in subject and subject.casefold() in _CURRENCY):
            before = before or _money_verb(forms, words, s, i)  # "Robinho was signed for"
        return before or subject, True
    if (
        subject is None
        and value >= 1e6
        and (paid := _money_before(forms, words, s, i) or _money_verb(forms, words, s, i))
    ):
        return paid, True  # "The cost nearly 10 million."
    return subject, counted


def _share_of(words: Sequence[str], after: int, e: int) -> bool:
    """Whether a bare number is a share: "21.8 of the population", "70 of which"."""
    if after + 1 >= e or words[after] != "of":
        return False
    nxt = words[after + 1 : after + 4]
    return nxt[0] in ("which", "whom") or "population" in nxt


def _subject_before(
    forms: Sequence[str], words: Sequence[str], s: int, i: int, counted: bool
) -> str | None:
    """What a percentage measures when the words before it say: "US aid for Ukraine fell
    by 99%" -> "US aid for Ukraine"; "Saudi's population, 70 of which" -> "Saudi's
    population"."""
    if not counted:
        return None
    if i + 2 < len(words) and words[i + 1] == "of" and words[i + 2] in ("which", "whom"):
        whole = [bare(forms[k]) for k in range(max(s, i - 3), i) if _noun(words[k])]
        return " ".join(whole) or None
    j = _change_before(words, s, i)
    if j is None:
        return None
    out: list[str] = []
    j0 = j
    while j - 1 > s and words[j - 1] in _BEFORE_CHANGE:
        j -= 1
    if (
        j == j0
        and j - 2 > s
        and words[j - 1] == "to"
        and _noun(words[j - 2])
        and not words[j - 2].endswith("ing")
    ):
        j -= 1  # "expects growth to decelerate to 1.9%"
    for k in range(j - 1, max(s - 1, j - 7), -1):
        if (
            words[k] in _STOP
            or words[k] in _SPEAKER_STOP
            or words[k] in _REPORT
            or forms[k][-1:] in ".,?!;:"
            or _number_at(words, k)
        ):
            break  # not "70 of (which is under 35)"
        out.insert(0, bare(forms[k]))
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


def _change_before(words: Sequence[str], s: int, i: int) -> int | None:
    """Where the verb of change or being before the number at ``i`` is: "fell by",
    "was close to", "stood at just under", "is up by"."""
    j = i - 1
    while j > s and (words[j] in _ABOUT or words[j] in _NEAR) and words[j] not in ("a", "an"):
        j -= 1  # "was close to", "just under"
    if j >= s and words[j] in ("by", "to", "at"):
        j -= 1
    if j > s and words[j] in _CHANGE_HOW and words[j - 1] in _CHANGE:
        j -= 1  # "fallen back by"
    if j >= s + 1 and words[j] in ("up", "down") and words[j - 1] in _AUXILIARIES:
        j -= 1  # "attendance is up by 143 percent"
    return j if j >= s and words[j] in _CHANGE else None


def _money_before(forms: Sequence[str], words: Sequence[str], s: int, i: int) -> str | None:
    """What a sum is for, named before it: "an estimated net worth of at least $2.5
    billion", "a new home in London worth more than 313 million dollars", "supercars
    that cost more than two billion dollars", "a net worth of a whopping sum of $17
    billion"; what has the worth: "All his cars have an estimated worth of", "Blue is
    worth over", "a Porsche, which is valued at"."""
    j = i - 1
    while j >= s and (
        words[j] in _ABOUT
        or (words[j] == "or" and j > s)
        or _DIGITS.match(words[j])  # "close to 25 to 50 million": the range's first end
        or words[j] in _WORDS
    ):
        j -= 1
    if j - 1 >= s and words[j] == "at" and words[j - 1] in ("valued", "priced"):
        j -= 1
    if j < s or words[j] not in _COSTS:
        return None
    link = j
    k = link - 1
    while k > s and words[k] in ("reportedly", "allegedly", "actually", "already"):
        k -= 1  # "which reportedly cost"
    out, first = _payee(forms, words, s, k)
    if out and out[-1].casefold() in _VACUOUS:
        k = first - 1  # "a whopping sum of": what the sum is, before it
        while k >= s and words[k] in _DETERMINERS:
            k -= 1
        if k < s or words[k] not in _COSTS:
            return None  # "to the tune of £500 million"
        link = k
        out, first = _payee(forms, words, s, link - 1)
    if not out or [w.casefold() for w in out] == ["worth"]:
        owner = _owner(forms, words, s, first - 1)
        if owner:
            return owner
    if words[link] == "cost" and (not out or (first - 1 >= s and words[first - 1] in _DETERMINERS)):
        out.append(bare(forms[link]))  # "The cost nearly 10 million", "an annual cost of"
    return " ".join(out) if out else None


_OBJECTS = frozenset("him her them us me you it".split())
# what a sum is paid, spent or raised with: "has spent more than 1.3 billion pounds"
_MONEY_VERBS = frozenset(
    """spent spend spends spending paid pay pays paying sold sell sells lost lose loses raised
    raise raises earned earn earns made make makes bought buy buys invested invest invests
    donated donate donates received receive receives generated generate generates owed owe
    owes borrowed borrow committed commit commits pledged pledge pledges settled settle
    signed charged charge charges""".split()
)
# after a currency word, what says when or how often, not what for: "euros per year"
_AFTER_CURRENCY = frozenset("per a an annually each every later over more".split())
_SUM_WORDS = frozenset(
    "estimated whopping additional extra another further total reported reportedly record".split()
)
_BE = frozenset("was were is are be been being has have had will would 's 've".split())


def _for_after(forms: Sequence[str], words: Sequence[str], j: int, e: int) -> str | None:
    """What a sum is for, said after it (``j``: the token after the sum and its currency):
    "has been spent on new players", "(euros) improving seating", "(euros) per year shirt
    sponsorship deal"; None where a time, a preposition or anything else follows."""
    while j < e:
        if words[j] == "annually":
            j += 1
        elif words[j] in _RATE and j + 1 < e and words[j + 1] in _TIME_UNITS:
            j += 2  # "per year", "a year"
        elif words[j].endswith("ly") and j + 1 < e and words[j + 1].endswith("ing"):
            j += 1  # "directly investing"
        else:
            break
    k = j
    while k < e and words[k] in _BE:
        k += 1
    if k < e and words[k] in _MONEY_VERBS and (k > j or forms[k - 1][-1:] not in ".,?!;:"):
        return _words_on(forms, words, k, e, 5)  # "was spent on transfers"
    if (
        j == k
        and j < e
        and forms[j - 1][-1:] not in ".,?!;:"
        and _noun(words[j])
        and words[j] not in _WHEN
        and words[j] not in _TIME_ADVERBS
    ):
        if words[j].endswith("ing") and len(words[j]) > 5:
            return _words_on(forms, words, j, e, 4)  # "improving seating"
        if not (_past(words[j]) or words[j].endswith("ly") or words[j] in _SUM_AFTER):
            nouns = _words_on(forms, words, j, e, 4, nouns=True)
            return nouns  # "shirt sponsorship deal"
    return None


def _after_for(words: Sequence[str], s: int, i: int) -> bool:
    """Whether the sum at token ``i`` follows "for": "bought a stake for £91 million"."""
    j = i - 1
    while j >= s and (words[j] in _ABOUT or words[j] in _SUM_WORDS):
        j -= 1
    return j >= s and words[j] == "for"


# what may follow a currency word and say what the sum is for: "euros in add-ons"
_FOR_SUM = _MONEY_FOR | frozenset({"on", "worth", "of"})
_RATE = frozenset("per a an each every".split())
# what follows a sum and says nothing of what it is for: "euros much to PSG's horror"
_SUM_AFTER = frozenset("much all each both total overall net".split())


def _words_on(
    forms: Sequence[str], words: Sequence[str], j: int, e: int, most: int, *, nouns: bool = False
) -> str | None:
    """Up to ``most`` words from token ``j`` to the sentence's end ``e``, stopping before a
    stop word (one of "on/in/of/for" may link two nouns in a verb phrase) or after a
    comma; with ``nouns``, only nouns."""
    out: list[str] = []
    for k in range(j, min(e, j + most)):
        w = words[k]
        linking = not nouns and k > j and w in _FOR_SUM | {"into"}
        if k > j and not linking and not _noun(w):
            break
        if nouns and (_past(w) or w.endswith("ing") or _number_at(words, k)):
            break
        out.append(bare(forms[k]))
        if forms[k][-1:] in ".,?!;:":
            break
    while out and out[-1].casefold() in _FOR_SUM | {"into"}:
        out.pop()
    return " ".join(out) or None


def _after_rate(subject: str) -> str | None:
    """What a sum is for after how often it is paid: "a year for the tuition" -> "for the
    tuition"; "a year" -> None."""
    words = subject.split()
    while words and (words[0].casefold() in _AFTER_CURRENCY or words[0].casefold() in _TIMELY):
        words.pop(0)
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
    j = i - 1
    while j >= s and (words[j] in _ABOUT or words[j] in _SUM_WORDS):
        j -= 1
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
    if j < s or words[j] not in _MONEY_VERBS:
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


def _payee(forms: Sequence[str], words: Sequence[str], s: int, j: int) -> tuple[list[str], int]:
    """The noun phrase that ends at token ``j`` (after "that"/"which") and where it starts."""
    if j >= s and words[j] in ("that", "which"):
        j -= 1
    out: list[str] = []
    k = j
    while k >= s and k > j - 5:
        named = k > s and forms[k][:1].isupper() and words[k] in _WORDS  # "Formula One"
        if (not (_noun(words[k]) or named) and words[k] not in ("in", "of")) or _past(words[k]):
            break  # not "Police seized drugs valued at £1 million"
        if forms[k][-1:] in ".,?!;:":
            break
        out.insert(0, bare(forms[k]))
        k -= 1
    first = k + 1
    while out and out[0].casefold() in ("in", "of"):
        out.pop(0)
        first += 1
    return out, first


# between what has a worth and the worth: "has an estimated worth", "which is valued"
_HAS_WORTH = frozenset("is was are were has have had an a estimated which that be been".split())


def _owner(forms: Sequence[str], words: Sequence[str], s: int, j: int) -> str | None:
    """What has the worth, before the verb that ends at token ``j``: "All his cars (have
    an estimated)", "a Porsche 911 GT, (which is)"."""
    skipped = j
    while j >= s and words[j] in _HAS_WORTH:
        j -= 1
    if j == skipped:
        return None
    out: list[str] = []
    for k in range(j, max(s - 1, j - 4), -1):
        if not _noun(words[k]) or _past(words[k]):
            break
        if k < j and forms[k][-1:] in ".,?!;:":
            break  # the phrase's own last word may end in a comma: "a Porsche, which"
        out.insert(0, bare(forms[k]))
    return " ".join(out) or None


def _past(word: str) -> bool:
    """Whether a word looks like a past-tense verb ("seized", "announced")."""
    return len(word) > 4 and word.endswith("ed")


def _noun(word: str) -> bool:
    """Whether ``word`` may head a noun phrase (not a number, stop word or pronoun)."""
    return (
        word.isalpha()
        and word not in _STOP
        and word not in _NOT_SUBJECT
        and word not in _DETERMINERS
        and word not in FILLERS
        and word not in _WORDS
        and word not in _SCALE
    )


def _range_end(words: Sequence[str], at: int, e: int) -> tuple[float, int] | None:
    """(value, end) of the second number of "X or Y" / "X to Y" / "X out of (a possible)
    Y" starting at ``at``."""
    start = at + 1
    if words[at : at + 2] == ["out", "of"]:
        start = at + 2 + (words[at + 2 : at + 4] == ["a", "possible"]) * 2
    elif not (at < e and words[at] in ("or", "to")):
        return None
    if start < e:
        second = _number_at(words, start)
        if second is not None:
            return second[0], start + second[1]
    return None


def _duration(
    forms: Sequence[str], words: Sequence[str], s: int, i: int, after: int, e: int
) -> bool:
    """A duration ("six months", "17 long weeks", "12 hours a day"), an age ("aged 33",
    "36 year old"), a ranking ("top 10", "the big six") or a multiplier ("15 times");
    not a number a comma ends ("£32 million, hours before")."""
    nxt = words[after] if after < e and forms[after - 1][-1:] not in ".,?!;:" else ""
    if nxt in _LONG and after + 1 < e:
        nxt = words[after + 1]  # "17 long weeks"
    if nxt in _TIME_UNITS or nxt.rstrip("s") in ("year-old", "month-old"):
        return True
    if nxt == "times" and after + 1 < e:
        more = words[after + 1]  # "15 times richer": a multiplier; "seven times" a count
        then = words[after + 2] if after + 2 < e else ""
        return more in _COMPARATIVE or (more.endswith("er") and then == "than")
    before = words[i - 1] if i > s else ""
    return before in ("aged", "top", "big", "number", "no") or (
        after + 1 < e and words[after + 1] in _AGE
    )


def _not_one(words: Sequence[str], s: int, i: int, after: int, e: int) -> bool:
    """ "one" as an article or pronoun: "on the one hand", "one day", "one in Paris"."""
    if words[i] != "one":
        return False
    nxt = words[after] if after < e else ""
    before = words[i - 1] if i > s else ""
    return (
        nxt in _ONE_NOT_COUNT
        or nxt in _NOT_SUBJECT
        or nxt in _ONE_ADJECTIVES
        or before in ("the", "in", "at", "on")
        or (before not in _ONE_LIMITS and _one_speaks(words, after, e))
    )


# what makes "one" a count: "at least one person", "only one city", "just one stop"
_ONE_LIMITS = frozenset("least only just exactly single".split())


def _one_speaks(words: Sequence[str], after: int, e: int) -> bool:
    """Whether "one" introduces someone who tells: "one diplomat told me", "one Awami
    League politician in hiding told me"."""
    for k in range(after, min(e, after + 6)):
        if words[k] in _REPORT:
            return k > after
        if words[k] in _STOP or words[k] in _SPEAKER_STOP or _number_at(words, k):
            return False
    return False


_FRACTIONS = frozenset("half third thirds quarter quarters".split())
# verbs after "the two": the number stands for a group named before ("the six hold")
_GROUP_VERBS = frozenset("hold held have had are were met agreed both all".split())


def _not_thousands(forms: Sequence[str], words: Sequence[str], s: int, i: int, used: int) -> bool:
    """Whether "grand" or "Nk" read as thousands is no sum: a capital "Grand" ("five Grand
    Tours") or "10k" with no currency sign or word of paying before it ("a 10k race")."""
    if any(words[k] == "grand" and forms[k][:1].isupper() for k in range(i, i + used)):
        return True
    if _K.match(words[i]) and forms[i][:1] not in "$£€":
        return not any(w in _MONEY_VERBS or w in _CURRENCY for w in words[max(s, i - 3) : i])
    return False


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
    return words[i] == "zero" and not nxt.endswith("s") and nxt not in ("percent", "per")


def _not_a_count(forms: Sequence[str], words: Sequence[str], s: int, e: int, i: int) -> bool:
    """A number that is part of a name ("Channel 4") or a date ("March 3", "3 March")."""
    named = (
        i > s + 1
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
    if words[i] == "911":
        return True  # 9/11 as captions write it
    return named or (i + 1 < e and words[i + 1] in _MONTHS) or bool(i and words[i - 1] in _MONTHS)


def _place_subject(subject: str | None, places: dict[int, str], s: int, i: int) -> str | None:
    """A subject ending in "there" names the place mentioned last before token ``i``."""
    if subject and subject.split()[-1].lower() == "there":
        place = next((places[k] for k in range(i - 1, s - 1, -1) if k in places), None)
        if place:
            return subject[: -len("there")] + f"in {place}"
    return subject


def _quote_in(forms: Sequence[str], words: Sequence[str], s: int, e: int) -> Quote | None:
    """The first reported speech of the sentence of tokens ``s`` to ``e``, if any."""
    for j in range(s + 1, e - 2):
        if words[j] not in _QUOTE_SAY or _pronoun_report(words, max(s, j - 3), j + 1):
            continue
        speaker = _speaker_before(words, forms, s, j)
        if speaker is None or speaker[0].lower().startswith(("there", "according")):
            continue
        body = j + 1 + (words[j + 1] == "that")
        text = " ".join(forms[body:e]).rstrip()
        if len(text.split()) < 3:
            return None
        return Quote(body, e, speaker[0], speaker[1], j, text, "indirect")
    return None
