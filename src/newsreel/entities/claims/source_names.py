"""Whether the words before a verb of saying name a source, and which of them do:
a name or a known source phrase ("the mayor", "airport officials") is one; a pronoun, a
clause cut from a sentence or a vague "officials" alone is none. Also the token that
heads a quote's speaker."""

from __future__ import annotations

from collections.abc import Sequence

from newsreel.entities.claims.numbers import _number_at
from newsreel.entities.claims.source_words import (
    _AFTER_NAME,
    _BETWEEN,
    _CLAUSE_VERBS,
    _DESCRIBED,
    _FRAGMENT_END,
    _FRAGMENT_START,
    _NAME_JOINERS,
    _OWN_REPORT,
    _ROLES,
    _TITLE_WORDS,
    _VAGUE_SOURCES,
    SOURCE_NOUNS,
    ly_adverb,
)
from newsreel.entities.claims.words import (
    _AUXILIARIES,
    _BE,
    _DETERMINERS,
    _MONTHS,
    _NEGATION,
    _PREPOSITIONS,
    _PRONOUNS,
    _TIME_ADVERBS,
    _TIME_UNITS,
    _WEEKDAYS,
    _WH,
    _WHEN,
    _YEAR,
)
from newsreel.repair.clean import bare, caption_mark, core
from newsreel.text import STOPWORDS


def named_source(words: Sequence[str], *, start_of_sentence: bool = False) -> str | None:
    """``words`` as a source, or None where they name no one: a source is a name (a
    capitalised word, not only the sentence's first) or a known source phrase ("the
    mayor", "airport officials"); never a pronoun, a number, a negation ("the article
    never") or a vague "officials" / "reports" alone."""
    got = [bare(w) for w in words if any(c.isalnum() for c in w) and not caption_mark(w)]
    got, start_of_sentence = _opening_cut(got, start_of_sentence)
    got = _closing_cut(got)
    folded = [w.casefold() for w in got]
    if (
        not got
        or _fragment(got)
        or any(w in _NEGATION or _pronoun(w) or w == "according" for w in folded)
        or any(w.endswith("n't") or w in _OBJECT_PRONOUNS for w in got)  # "Let me"
        or _region(folded)  # "the north of Scotland", "the southern city of Skaine"
        or any(c.isdigit() for c in got[0])  # "24 missiles were told by ..."
        or folded[0] in _WH  # "what I'm trying to (say)", "What the Iranians (said)"
    ):
        return None
    if (described := _who(got, folded, start_of_sentence)) is not None:
        return described or None  # "Workers who left Qatar"; "Those who left Qatar": no one
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
    if not (named or known) or content in ([], ["media"], ["media", "reports"]):
        return None
    return " ".join(_named_last(got))


def _who(got: Sequence[str], folded: Sequence[str], start_of_sentence: bool) -> str | None:
    """How a source described by a relative clause with no name before it is cited
    ("known"): whole where a source word heads it ("Workers who left Qatar", "Officials
    who spoke to the BBC"), "" (no one) where nothing does ("Those who left Qatar",
    "The man who runs Amnesty International": the name is what the clause is about);
    None where no such clause is ("Hamas, who")."""
    n = folded.index("who") if "who" in folded[1:] else 0
    first = 1 if start_of_sentence or _plain_word(folded[0]) else 0  # "Those", "People"
    if n == 0 or any(got[k][:1].isupper() for k in range(first, n)):
        return None
    sourced = any(w in SOURCE_NOUNS or w in _VAGUE_SOURCES for w in folded[:n])
    return " ".join(got) if sourced else ""


def _plain_word(word: str) -> bool:
    """Whether a folded word is a function or everyday word, no name ("those", "people")."""
    from newsreel.entities.listed import everyday  # wordfreq loads on first use

    return word in STOPWORDS or everyday(word)


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
    while len(got) > 1 and (got[0].casefold() in _TIME_ADVERBS or got[0].casefold() in _HEDGES):
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
    if len(got) > 2 and got[0] in _PRAISE:
        got = got[1:]  # "(a) leading German economic think tank"; not "Leading Britain's"
    return got, start_of_sentence


# words of praise before a source that are no part of its name (lower case only)
_PRAISE = frozenset("leading prominent respected renowned influential reputable".split())


def _closing_cut(got: list[str]) -> list[str]:
    """A source's words without what follows its name: auxiliaries and adverbs ("Hamas
    has always"), a phrase after a name ("Rachel Reeves with some fanfare"), a time
    ("his spokesman yesterday", "the Prime Minister this weekend"), a reflexive ("Soriano
    himself")."""
    while got and (got[-1] in _AUXILIARIES or _adverb(got[-1].casefold(), got[-1])):
        got = got[:-1]
    for k in range(1, len(got)):
        then = got[k + 1] if k + 1 < len(got) else ""
        named = any(w[:1].isupper() for w in got[:k])  # "Transer marked for comparison"
        if named and got[k] in _AFTER_NAME and not then[:1].isupper():
            got = got[:k]  # not "Officials in Gaza"
            break
    while len(got) > 1 and got[-1] in _TIME_ADVERBS:  # not "USA Today"
        got = got[:-1]
    if len(got) > 2 and got[-2].casefold() in ("this", "last") and _when_word(got[-1]):
        got = got[:-2]
    if len(got) > 1 and got[-1].casefold() in _REFLEXIVES:
        got = got[:-1]  # "Soriano himself", "the club itself"
    return got


_REFLEXIVES = frozenset("himself herself itself themselves".split())


def speaker_head(forms: Sequence[str], start: int, end: int, phrase: str) -> int | None:
    """The token that heads ``phrase``, the source ``named_source`` made of the words
    ``start:end`` before a verb of saying: its last word ("Former Prime Minister Gordon
    Brown"), or the noun before what describes it ("Workers (in Qatar)", "The Saudi
    consortium") unless that noun is a role whose body follows "of", "for", "at",
    "from" or "with": "the head of NATO" speaks for NATO, "the Chinese ambassador to the UK" and
    "the Labour leader in Scotland" for no place. None where the phrase is not found
    among the words."""
    words = phrase.split()
    last = next((k for k in range(end - 1, start - 1, -1) if bare(forms[k]) == words[-1]), None)
    if last is None:
        return None
    first = max(start, last - len(words) + 1)
    for n in range(first + 1, last):
        if core(forms[n]).casefold() in _DESCRIBED:
            role = core(forms[n - 1]).casefold()
            speaks_for = core(forms[n]).casefold() in _SPEAKS_FOR
            return last if speaks_for and (role in _TITLE_WORDS or role in _ROLES) else n - 1
    return last


def _region(folded: Sequence[str]) -> bool:
    """Whether a source's words name a part of a place ("the north of Scotland", "the
    southern city of Skaine"), which says nothing."""
    return any(w in _REGIONS and folded[k + 1 : k + 2] == ["of"] for k, w in enumerate(folded[:3]))


# the prepositions after a role before the body it speaks for ("head of NATO", "spokesman
# for the Foreign Office", "a director at Amnesty", "a spokesman with the IDF"); not
# "ambassador to the UK"
_SPEAKS_FOR = frozenset("of for at from with".split())

# the words for part of a place, before "of" and the place's name
_REGIONS = frozenset(
    "north south east west city town village region province area district capital "
    "outskirts centre center heart suburbs".split()
)

# object pronouns: no speaker ends in one ("Let me"); "US" is written in capitals
_OBJECT_PRONOUNS = frozenset("me him them us".split())

# a hedge that opens a clause before its subject: "Maybe fans of the team (said)"
_HEDGES = frozenset({"maybe", "perhaps"})


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
    return form.islower() and (word in _BETWEEN or ly_adverb(word))  # not "family"


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


# words that open a speaker who is no name: people and bodies that speak
_SPEAKERS = (
    SOURCE_NOUNS
    | _VAGUE_SOURCES
    | frozenset(
        "official source survivors victims families fans supporters residents witnesses "
        "lawyers critics campaigners activists protesters parents players".split()
    )
)
_OPENERS = frozenset(
    "the a an this that these those his her their its our my your some many most several "
    "former local federal senior top unofficial people quoting".split()
)


def speaks(speaker: str) -> bool:
    """Whether a speaker no entity heads may say something: it opens with a name, a
    determiner ("the southern city" may still be junk, "The workers" is not) or a word
    for people or bodies that speak ("police", "survivors of ..."); not with another
    lower-case word: "visit to Saudi Arabia", "tools to tackle AI music", "bid before
    FIFA's deadline", "pick up on something"."""
    first = speaker.split()[0] if speaker.split() else ""
    folded = first.casefold().strip(".,;:")
    return (
        first[:1].isupper()
        or folded in _OPENERS
        or folded in _SPEAKERS
        or folded.removesuffix("s") in _SPEAKERS
    )


_TRAILERS = frozenset({"who", "who've", "who'd", "who's", "that", "which", "has", "have", "had"})


def tidy_speaker(got: Sequence[str]) -> tuple[list[str], int]:
    """A speaker's words without a leading "quoting" (the source is what follows), a
    stammer ("his his spokesman"), a trailing "who've" ("people in the Treasury who've
    said") or "has" ("Phil Mickelson has called") or a comma after the name; with how
    many words were cut from the front."""
    cut = int(len(got) > 1 and got[0].casefold() == "quoting")
    out: list[str] = []
    for word in got[cut:]:
        if not out or word.casefold() != out[-1].casefold():
            out.append(word)
    while len(out) > 1 and out[-1].casefold() in _TRAILERS:
        out.pop()
    if out and out[-1][-1:] in ",;:":  # "The mayor, Vitali Klitschko, said": no comma
        out[-1] = out[-1].rstrip(",;:")
    return out, cut


def as_cited(source: str) -> str:
    """A source phrase as it is listed and cited, one way whatever its place in the
    sentence: without the capital only a sentence's start gave it ("The police", "Police"
    are "the police", "police"; "The prime minister" is "the prime minister"); a name
    keeps its capitals ("The Times", "The New York Times": every word after the article
    capitalised; "Police Scotland")."""
    got = source.split()
    if not got:
        return source
    first = got[0].casefold()
    if len(got) == 1 and first in SOURCE_NOUNS:
        return first
    if len(got) > 1 and first in _DETERMINERS and not all(w[:1].isupper() for w in got[1:]):
        return " ".join([first, *got[1:]])  # "A spokesman for Hamas": "a spokesman ..."
    return source
