"""Who said what (pure): reported and direct speech in a repaired sentence.

A quote is a saying verb with its speaker ("the defense minister says there is no time
for flexibility", '"We will not leave," he said'); the speaker is a name or a known
source phrase (source_names), the words said run to the clause's end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsreel.entities.claims.numbers import _number_at
from newsreel.entities.claims.source_names import tidy_speaker
from newsreel.entities.claims.source_words import (
    _CLAUSE_OPENERS,
    _NAME_PART,
    _QUOTE_ONLY,
    _QUOTE_SAY,
    _SPEAKER_STOP,
)
from newsreel.entities.claims.sources import _pronoun_report, _speaker_before
from newsreel.entities.claims.words import (
    _ARTICLES,
    _AUXILIARIES,
    _BE_OR_GET,
    _DETERMINERS,
    _MONTHS,
    _POSSESSIVES,
    _PREPOSITIONS,
    _PRONOUNS,
    _STOP,
    _WEEKDAYS,
    _YEAR,
)
from newsreel.repair.clean import FILLERS, bare, core
from newsreel.text import STOPWORDS


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


def quotes_in(forms: Sequence[str], words: Sequence[str], s: int, e: int) -> list[Quote]:
    """The reported speech of the sentence of tokens ``s`` to ``e``, in order: one
    saying after another ("who said the comments were wrong and said that he should
    apologise"), each looked for past the words of the one before."""
    found: list[Quote] = []
    start = s
    while start < e - 1 and (quote := _quote_in(forms, words, s, e, start)) is not None:
        found.append(quote)
        while (again := _said_again(forms, words, quote, e)) is not None:
            found.append(again)
            quote = again
        start = max(quote.end, quote.speaker_end) - 1  # '"...," said Natalia': past her
    return found


def _clause_after(words: Sequence[str], forms: Sequence[str], j: int) -> bool:
    """Whether the word at ``j`` is a verb with a clause after it: "that" or a subject
    pronoun, or an auxiliary within three words and no comma ("maintains significant
    progress has been made"; not "maintained close ties with", "alleged financial
    transgressions, it is"); never after an article, a number or an owner, where it
    qualifies a noun ("the alleged victims were taken", "two alleged gang members",
    "Smith's alleged victims have been")."""
    before = words[j - 1] if j > 0 else ""
    if before in _ARTICLES or before in _QUALIFIED or _NUMBER.fullmatch(before):
        return False
    if forms[j - 1].endswith(("'s", "’s")) if j > 0 else False:
        return False
    if words[j + 1] in _CLAUSE_OPENERS:
        return True
    for k in range(j + 1, min(len(words), j + 5)):
        if k > j + 1 and words[k] in _AUXILIARIES:
            return True
        if forms[k][-1:] in ",.?!;:":
            return False
    return False


_QUALIFIED = frozenset(
    "this that these those his her their its our my your two three four five six seven "
    "eight nine ten several many some other".split()
)
_NUMBER = re.compile(r"\d[\d,.]*")


def _said_again(forms: Sequence[str], words: Sequence[str], quote: Quote, e: int) -> Quote | None:
    """The speaker's next saying, joined by "and" to the words of ``quote`` ("... were
    offensive and wrong, and said that he should apologise"; "and also said")."""
    k = quote.end
    if quote.kind != "indirect" or k >= e or words[k] != "and":
        return None
    j = k + 1 + (k + 1 < e and words[k + 1] == "also")
    if j >= e - 2 or words[j] not in _QUOTE_SAY or words[j] == "saying":
        return None
    if words[j] in _QUOTE_ONLY and not _clause_after(words, forms, j):
        return None
    body = _speech_at(words, forms, j, e)
    if body is None or _object_only(words, forms, j, e):
        return None
    end = _own_words_end(words, forms, body, e)
    text = _unquoted(" ".join(forms[body:end]))
    if len(text.split()) < 3:
        return None
    return Quote(body, end, quote.speaker, quote.speaker_start, quote.speaker_end, text, "indirect")


def _quote_in(
    forms: Sequence[str], words: Sequence[str], s: int, e: int, start: int
) -> Quote | None:
    """The first reported speech of the sentence of tokens ``s`` to ``e`` whose verb
    comes after token ``start``, if any."""
    for j in range(start + 1, e - 1):
        if words[j] in _QUOTE_ONLY and not _clause_after(words, forms, j):
            continue  # "maintained close ties", "alleged voter fraud": no saying
        if words[j] in _QUOTE_SAY and (after := _speaker_after(forms, words, (s, e), j)):
            return after
        if j >= e - 2:
            break
        speaker = _speaker_of(forms, words, (s, e), j, opening=start == s)
        if speaker is None:
            continue
        body = _speech_at(words, forms, j, e)
        if body is None or body >= e or words[body] == "but":
            continue  # nothing said after it ("one says this"); "a more serious approach
            # he argues, but ...": said before it
        if _object_only(words, forms, j, e):
            continue  # "When Tesla announced their results, Elon Musk said that ..."
        direct = _opens_quote(forms[body])
        end = _quote_end(forms, body, e) if direct else _own_words_end(words, forms, body, e)
        if not direct and words[j - 1] == "who":  # "Trump, who says that he has spoken to
            end = _clause_end(forms, body, end)  # her, was angry": the words end at the comma
        text = _unquoted(" ".join(forms[body:end]))
        if len(text.split()) < 3 or (not direct and _no_clause(forms, words, body, end)):
            continue  # "what he called mass migration, saying it had cost ...": go on;
            # "what David had said on China and the SNP leader": no words of his
        if not direct and _gapped(words, speaker[1], body):
            continue  # "a crackdown that a rights group says killed 7,000": the crackdown's
        said_by, cut = tidy_speaker(speaker[0].split())
        if any(w.casefold() in _FIRST_PERSONS for w in said_by) or all(
            w.casefold() in _ARTICLES for w in said_by
        ):
            continue  # "That's one thing, which I notice if I compare, say, ..."; "the
            # claims made by": a noun, no speaker
        kind = "direct" if direct else "indirect"
        # a name that opens the sentence ends where its words do, not at the verb
        last = speaker[1] + len(speaker[0].split()) if _opens(words, j) else j
        return Quote(body, end, " ".join(said_by), speaker[1] + cut, last, text, kind)
    return None


_FIRST_PERSONS = frozenset({"i", "we", "you", "i'm", "we're", "you're"})


def _no_clause(forms: Sequence[str], words: Sequence[str], body: int, end: int) -> bool:
    """Whether indirect words from ``body`` to ``end`` are only a phrase that a
    preposition opens: no verb, no subject pronoun and no second noun phrase ("said on
    China and the SNP leader", "they say in the Wiltshire area and another in the Camden
    area"); not after "that", nor "said in October, he'd be moving", "said on Monday the
    government plans to", "before the vote, Bin Hammam deposited $450,000", "says over
    and over again, it needs more", nor what a call asks for ("called for an apology")."""
    if words[body] not in _OPENING_PREPOSITIONS or words[body - 1] == "that":
        return False
    for k in range(body, end):
        w = words[k]
        if w in _FINITE or w in _AUXILIARIES or w in _CLAUSE_SUBJECTS or w in _VERB_WORDS:
            return False
        if w.endswith(_VERB_ENDINGS) and forms[k][:1].islower():
            return False  # "deposited", "it's"; not "Manchester United"
        if k > body and w in _DETERMINERS and words[k - 1] not in _JOINED:
            return False  # "on Monday the government ...": a subject
        if forms[k][-1:] == "," and k + 1 < end:
            return False  # "in October, ...": a clause may follow
    return True


_OPENING_PREPOSITIONS = frozenset(
    "in on at about over during with from by into under after before against of".split()
)
_VERB_WORDS = frozenset("should must do does did".split())  # besides _FINITE, _AUXILIARIES
_JOINED = _OPENING_PREPOSITIONS | frozenset("and or to for the a an".split())
_VERB_ENDINGS = ("ed", "'s", "'re", "'d", "'ll", "'ve", "n't", "’s", "’re", "’d", "’ll", "’ve")


def _speaker_of(
    forms: Sequence[str],
    words: Sequence[str],
    span: tuple[int, int],
    j: int,
    *,
    opening: bool = True,
) -> tuple[str, int] | None:
    """Who reports speech with the verb at ``j`` (words and first token), if anyone:
    not "there", "according", another's saying ("It says Epstein and Andrew told the
    dancer": the letter says so) or a memory ("I remember a minister said"; "assess what
    Karma says and then"). The name that opens the sentence speaks from afar ("Rubio
    used his address ..., saying") only where no saying came before (``opening``)."""
    s, e = span
    if not _reports_after(forms, words, s, j):
        return None
    progressive = _progressive(words, s, j)  # "the Israelis are saying"
    if (
        opening
        and words[j] == "saying"
        and not progressive
        and (named := _saying_after(words, forms, s, j)) is not None
    ):
        return named  # "Nigel Farage, the Reform UK leader, saying that ..."
    speaker = _speaker_before(words, forms, s, j - progressive)
    if speaker is not None and all(w in _AUXILIARIES for w in words[speaker[1] : j]):
        speaker = None  # "but has previously said": the subject is further back
    if speaker is not None and progressive and _recalled(words, s, speaker[1], j):
        return None  # "what Chuck Schumer was saying there", "as Alex was saying earlier"
    if speaker is not None and _thing_said(words, s, speaker[1]):
        return None  # "something that Infantino said in his closing speech was ..."
    if speaker is not None and (after := _with_saying(words, speaker[1], j)) is not None:
        speaker = " ".join(forms[after:j]).rstrip(","), after
    elif speaker is not None:
        speaker = _whole_speaker(words, forms, s, speaker)
    elif opening and (joined := _joined_verb(words, s, j)) is not None:
        speaker = _opening_name(words, forms, s, joined)  # "John Lee hailed it and said",
        # "Amnesty declined to comment, but has previously said"
    if speaker is None or speaker[0].lower().startswith(("there", "according")):
        return None
    clause = max(  # "a more serious approach he argues but again he is saying that"
        (k + 1 for k in range(s, speaker[1]) if forms[k].endswith(",") or words[k] == "but"),
        default=s,
    )
    if any(words[k] in _QUOTE_SAY for k in range(clause, speaker[1])) and not _and_then(
        forms, words, speaker[1]
    ):
        return None
    before = set(words[max(s, speaker[1] - 1) : j])
    if (
        before & _RECALLED
        or (before & _WHAT and j + 1 < e and words[j + 1] in _CONJUNCTIONS)
        or _hypothetical(words, s, speaker[1], j)  # "if the prime minister says they ..."
    ):
        return None
    return _asker(speaker, words, j) if asks(words, j) else speaker


def _and_then(forms: Sequence[str], words: Sequence[str], first: int) -> bool:
    """Whether a name at token ``first`` opens a clause of its own after "and": "...
    had died since the bid and Amnesty International said"; not a name joined to the
    one before ("It says Epstein and Andrew told the dancer")."""
    return (
        first >= 2
        and words[first - 1] == "and"
        and forms[first][:1].isupper()
        and forms[first - 2][:1].islower()
        and forms[first - 2][-1:].isalpha()
    )


def _gapped(words: Sequence[str], start: int, body: int) -> bool:
    """Whether the speaker opens a relative clause whose subject is the noun before it
    and what is said starts on its verb: "a crackdown that a US-based human rights group
    says killed close to 7,000 people" (what was said is about the crackdown)."""
    first = words[body] if body < len(words) else ""
    return (
        start > 0
        and words[start - 1] in ("that", "which")
        and (first in _CLAUSE_PAST or (len(first) > 4 and first.endswith("ed")))
    )


_CLAUSE_PAST = frozenset("killed was were had did made took went left gave".split())


def _opens(words: Sequence[str], j: int) -> bool:
    """Whether the speaker of the verb at ``j`` is the name that opens the sentence, away
    from the verb ("Rubio used his address ..., saying"; "John Lee hailed it and said")."""
    return words[j] == "saying" or words[j - 1] == "and"


def _saying_after(
    words: Sequence[str], forms: Sequence[str], s: int, j: int
) -> tuple[str, int] | None:
    """The name that opens a sentence whose "saying" at ``j`` reports its words: right
    after the name and a reflexive or a filler ("Marco Rubio himself saying that",
    "Saki, uh, saying"), after its apposition ("Nigel Farage, the Reform UK leader
    saying"), or after a comma that ends the name's own clause ("Rubio used his address
    to criticise mass migration, saying it had cost ..."); None elsewhere ("kept
    saying", "by saying")."""
    k = s
    while (
        k < j
        and k - s < 4
        and forms[k][:1].isupper()
        and (forms[k].strip(",")[-1:].isalpha() or forms[k] in _TITLE_DOTS)  # "Mr. Rubio"
    ):
        k += 1
        if forms[k - 1].endswith(","):
            break
    if k == s or words[s] in STOPWORDS or words[s] in _PRONOUNS or words[s].endswith("ly"):
        return None
    if words[k - 1].endswith("'s"):
        return None  # "Ukraine's president, Silinski ...": the possessed speaks
    between = [w for w in words[k:j] if w not in FILLERS and w not in _REFLEXIVE]
    if any(w in _QUOTE_SAY or w in _OTHERS for w in between):
        return None  # another's saying, or a clause of someone else's
    appositive = forms[k - 1].endswith(",") and bool(between) and between[0] in _ARTICLES
    if between and not appositive and not forms[j - 1].endswith(","):
        return None
    if between and not appositive and any(f[:1].isupper() for f in forms[max(k, j - 4) : j]):
        return None  # "... with national team coach Casper Hjulmand, saying": whose?
    return " ".join(f.strip(",") for f in forms[s:k]), s


_OTHERS = frozenset({"i", "we", "you", "they"})  # a clause of another's
_TITLE_DOTS = frozenset(
    "Mr. Mrs. Ms. Dr. Prof. Sen. Gen. Rep. Gov. Col. Lt. Sgt. Rev. Capt. Supt.".split()
)


def _with_saying(words: Sequence[str], first: int, j: int) -> int | None:
    """Where the speaker of an absolute "with ... saying" starts, past the "with" at or
    after token ``first`` ("a stance, with national team coach Kasper Hjulmand saying
    that": the coach says, not the stance); None for any other saying."""
    if words[j] != "saying":
        return None
    withs = [k for k in range(max(0, first - 1), j - 1) if words[k] == "with"]
    return withs[-1] + 1 if withs else None


def _past_auxiliaries(words: Sequence[str], s: int, j: int) -> int:
    """The token before the verb at ``j`` and the auxiliaries and adverbs before it
    ("he has also said": "he"), not before the sentence's first (``s``)."""
    k = j - 1
    while k > s and (words[k] in _AUXILIARIES or words[k] in _ALSO_SAID or words[k].endswith("ly")):
        k -= 1
    return k


def _joined_verb(words: Sequence[str], s: int, j: int) -> int | None:
    """The "and" or "but" that joins the verb of saying at ``j`` to another verb of its
    subject, only auxiliaries and adverbs between ("and said", "but has previously
    said"); None where there is none."""
    k = _past_auxiliaries(words, s, j)
    return k if k > s and words[k] in ("and", "but") else None


def _opening_name(
    words: Sequence[str], forms: Sequence[str], s: int, j: int
) -> tuple[str, int] | None:
    """The name that opens a sentence and is the subject of a verb of saying joined by
    "and" or "but" (token ``j``) to another of its verbs: "John Lee hailed its passing
    and said", "Lord Mandelson has described his friendship as a mistake and says",
    "Amnesty declined to comment, but has said"; None where another clause comes between
    (a comma, but for one right before the "and" or "but") or no name opens it."""
    k = s
    while k < j and forms[k][:1].isupper() and forms[k][-1:].isalpha() and k - s < 4:
        k += 1
    if k == s or k >= j or not forms[k][:1].islower():
        return None
    if words[s] in STOPWORDS or words[s] in _PRONOUNS or words[s].endswith("ly"):
        return None  # "And what he did", "So ...", "Suddenly"
    if any(forms[m].endswith((",", ";", ":")) for m in range(k, j - 1)):
        return None  # a comma right before the "and" or "but" (``j``) ends no clause
    return " ".join(forms[s:k]), s


def _speech_at(words: Sequence[str], forms: Sequence[str], j: int, e: int) -> int | None:
    """Where the words said after the saying verb at ``j`` start, past whom they were
    said to ("told us", "told Xi", "said to MPs") and a "that"; None where none follow
    ("what Steve Bannon said that day": when, not what, was said; "that time was" is)."""
    body = _after_addressee(words, forms, j, e)
    while body is not None and body < e and words[body] in FILLERS:
        body += 1  # "he is saying, uh, that Russia ...": the words start at "Russia"
    if body is None or _said_of(words, forms, body, e):
        return None
    body = _of_said(forms, body, e) or _past_when(words, forms, body, e)
    if body < e and words[body] in ("who", "which"):
        # "the Omanis have said, who are mediating, that ...": past the speaker's clause
        ahead = words[body : min(e, body + 8)]
        if "that" not in ahead:
            return None
        body += ahead.index("that")
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
    if words[k] in _TOPIC_OPENERS or _things(words, k, e):
        return True
    nxt = k + 1
    if words[k] in ("something", "nothing"):  # "announced something that ..."; not
        return nxt < e and words[nxt] in ("that", "about", "like", "of")  # "nothing will"
    return words[k] == "how" and nxt < e and (forms[nxt][:1].isupper() or words[nxt] in _POINTED)


def _things(words: Sequence[str], k: int, e: int) -> bool:
    """Whether the object at ``k`` is only "things" ("says an awful lot of things that
    he's going to do", "said many things", "said the same thing"; not "said things are
    getting worse")."""
    ahead = words[k : min(e, k + 5)]
    said = [w for w in ahead if w in ("things", "thing")]
    if not said:
        return False
    n = ahead.index(said[0])
    after = k + n + 1
    return all(w in _HOW_MANY for w in ahead[:n]) and (after >= e or words[after] not in _FINITE)


# "said the same thing" is no words said either
_HOW_MANY = frozenset(
    "a an awful lot lots of many some all those these other such few the same".split()
)


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
    named_to = _named_run(forms, words, j + 1, stop)
    if named_to < stop and words[named_to] in ("and", "who"):
        stop = named_to  # "..., says the UN and Mohammed bin Salman was in charge"
    speaker = [w for f in forms[j + 1 : stop] if (w := f.strip(',.?!;:"“”'))]
    if not speaker or len(speaker) > _PLAIN_SPEAKER or words[j + 1] in _PRONOUNS:
        return None  # "..., says 6,000 people died", "..., says Hamas fighters attacked"
    named = speaker[1:] if len(speaker) > 1 and speaker[0] == "the" else speaker
    if not all(w[:1].isupper() for w in named):
        return None  # "..., says the UN" is the UN's
    text = " ".join(forms[s:j]).rstrip(", ")
    return Quote(s, j, " ".join(speaker), j + 1, stop, text, "indirect")


def _speaker_after(
    forms: Sequence[str], words: Sequence[str], span: tuple[int, int], j: int
) -> Quote | None:
    """Words said before the verb at ``j``, the speaker after it: in quotation marks,
    after a comma ("Jaw-dropping, said Natalia, a mother of two."), or a name that ends
    the sentence ("... working conditions in Qatar said Stephen Cockburn.")."""
    if inverted := _inverted(forms, words, span, j):
        return inverted
    if forms[j - 1].endswith(","):
        return _inverted_plain(forms, words, span, j)
    return _said_last(forms, words, span, j) if words[j] in ("said", "says") else None


def _said_last(
    forms: Sequence[str], words: Sequence[str], span: tuple[int, int], j: int
) -> Quote | None:
    """Words said before "said" or "says" (with no comma: ``_speaker_after``), a name
    after it ending the sentence: "It raises serious questions about the safety of
    working conditions in Qatar said Stephen Cockburn." (no one says a person: the name
    is who spoke); six words said at least."""
    s, e = span
    if j - s < _LEAST_SAID:
        return None
    found = _inverted_plain(forms, words, span, j)
    return found if found is not None and found.speaker_end == e else None


_LEAST_SAID = 6


def _named_run(forms: Sequence[str], words: Sequence[str], k: int, stop: int) -> int:
    """The token after the name that starts at ``k`` (an article, then capitalised words)."""
    k += k < stop and words[k] == "the"
    while k < stop and forms[k][:1].isupper():
        k += 1
    return k


# words before a verb of saying that make it no report of what was said
_UNSAID = frozenset("might could would may should can must will to".split())
_WROTE = frozenset("wrote writes posted posts tweeted tweets".split())
# verbs that report words only where "that" or a quotation follows them: "The Israelis
# have confirmed that they ...", "he denied that", not "confirmed the deal"
_THAT_SAY = frozenset(
    "reported replied replies confirmed confirms explained explains acknowledged "
    "acknowledges revealed reveals suggested suggests denied denies stressed "
    "stresses promised conceded concedes noted notes predicted predicts responded "
    "responds".split()
)
# ... or with a comma after them: "he replied, look, ...", "as Rory McIlroy notes, it's"
_SAID_WITH_COMMA = frozenset(
    "replied replies responded responds noted notes explained explains".split()
)
_PLATFORM_WORDS = frozenset("on x online twitter social media facebook truth instagram".split())


def _writes_quote(forms: Sequence[str], words: Sequence[str], j: int, e: int) -> bool:
    """Whether a writing verb at ``j`` reports words: 'wrote, "..."', "posted that"."""
    k = j + 1
    while k < e and words[k] in _PLATFORM_WORDS:
        k += 1  # "posted on X that ..."
    return k < e and (words[k] == "that" or _opens_quote(forms[k]))


def _that_follows(words: Sequence[str], forms: Sequence[str], j: int, e: int) -> bool:
    """Whether a verb at ``j`` that reports words only with a "that" has one, past a
    phrase of when or where ("reported in February 2021 that"), or a quotation."""
    return (
        _writes_quote(forms, words, j, e)
        or (words[j] in _SAID_WITH_COMMA and forms[j].endswith((",", ":")))
        # "he replied, look, we've all made mistakes"; not "the change Labour promised,"
        or (j + 1 < e and words[j + 1] in _SAID_WHEN and _past_when(words, forms, j + 1, e) > j + 1)
    )


def _reports_after(forms: Sequence[str], words: Sequence[str], s: int, j: int) -> bool:
    """Whether token ``j`` is a saying verb whose speech follows it: not "it said" (a
    source named elsewhere), '"...," he said' (the words are before), a passive ("ICE
    agents will be told to", "Russia had been announced as") or no saying at all."""
    if words[j] not in _QUOTE_SAY | _WROTE | _THAT_SAY and not asks(words, j):
        return False
    if (
        words[j] in _THAT_SAY
        and not asks(words, j)
        and not _that_follows(words, forms, j, len(words))
    ):
        return False  # "confirmed the deal", "denied the charges": a thing, not words
    if _pronoun_report(words, max(s, j - 3), j + 1) and not _he_or_she(words, s, j):
        return False  # "it said": the source is named elsewhere; "he said" is resolved
    if words[j] in _WROTE and not _writes_quote(forms, words, j, len(words)):
        return False  # "wrote a book", "posted a video": only a quote or "that" follows
    if forms[j - 1].endswith(_CLOSE) or words[j - 1] in _UNSAID:
        return False  # '"...," he said'; "what Nasrallah might say", "refused to say"
    if (
        words[j] == "saying"
        and not forms[j - 1][:1].isupper()
        and not _progressive(words, s, j)
        and _saying_after(words, forms, s, j) is None
    ):
        return False  # "Mark Carney saying ..." is his; "kept saying", "by saying" say less
    be = j - 1
    while be > s and words[be].endswith("ly") and len(words[be]) > 4:
        be -= 1  # "was officially announced as"
    if words[be] in _BE_OR_GET and (words[j] in _TOLD or words[j].endswith("ed")):
        return False
    return not _not_speech(words, j)


def _asker(speaker: tuple[str, int], words: Sequence[str], j: int) -> tuple[str, int] | None:
    """Who asks or charges with the verb at ``j``: with "-ing", the name after the
    speaker phrase's last preposition ("condemned the takeover with Amnesty
    International accusing Saudi": Amnesty International); none where a preposition
    leads elsewhere ("plunged the Labour Party into chaos today ... who called for",
    "the family of a man killed ... in Minneapolis have called for": not Minneapolis) or
    what comes first is "what" ("what Labour MPs call for")."""
    said, first = speaker
    if first > 0 and words[first - 1] in _WHAT:
        return None
    parts = said.split()
    cut = max((n + 1 for n, w in enumerate(parts) if w.lower() in _AMID), default=0)
    if cut == 0:
        return speaker
    if not words[j].endswith("ing") or cut >= len(parts) or not parts[cut][:1].isupper():
        return None
    return " ".join(parts[cut:]), first + cut


_AMID = _PREPOSITIONS - {"of", "for"}  # "the chair of ...", "the minister for ..."


def asks(words: Sequence[str], j: int) -> bool:
    """Whether the verb at ``j`` asks for or charges something, the words after it what
    was said: "called for the government to act", "urged Iran to", "accused him of
    brandishing a weapon", "has demanded", "vowed to"; not "called him", "urged calm"."""
    verb = words[j]
    ahead = words[j + 1 : j + 7]
    if ahead[:1] == ["by"] or ahead[1:2] in (["and"], ["or"]) or words[j - 1] in _COME:
        return False  # "accused by", "call for and ask for", "come calling for"
    if verb in _CALLS:  # "called for ...", "called it a rogue operation"
        return ahead[:1] == ["for"] or (ahead[:1] in _IT_THAT and ahead[1:2] in _A_THE)
    if verb in _URGES:
        return "to" in ahead[1:]  # "urged Iran to", not "urged to"
    if verb in _ACCUSES:
        return "of" in ahead[1:]
    if verb in _VOWS:
        return ahead[:1] == ["to"]
    return verb == "demanded" and ahead[:1] == ["that"]


_IT_THAT = (["it"], ["that"], ["this"], ["them"], ["him"], ["her"])
_A_THE = (["a"], ["an"], ["the"])
_COME = frozenset("come comes came coming remains remain".split())
_CALLS = frozenset("call calls called calling".split())
_URGES = frozenset("urge urges urged urging".split())
_ACCUSES = frozenset("accuse accuses accused accusing".split())
_VOWS = frozenset("vowed vows pledged pledges promised promises".split())


def _progressive(words: Sequence[str], s: int, j: int) -> bool:
    """Whether "saying" at ``j`` follows a form of "be" that follows its speaker ("the
    Israelis are saying that", "he was saying, look, ..."); not "what he is saying"."""
    return (
        words[j] == "saying"
        and j - 2 >= s
        and words[j - 1] in _BE_ING
        and words[j - 2] not in _WHAT
        and not (j - 3 >= s and words[j - 3] in _WHAT)
    )


_BE_ING = frozenset("is are was were".split())


def _recalled(words: Sequence[str], s: int, first: int, j: int) -> bool:
    """Whether the speaker from ``first`` of the "was saying" at ``j`` is what a clause
    recalls, not who speaks now: after "what", "as" or "how" ("that the police were
    saying" is theirs)."""
    return any(words[k] in _RECALLING for k in range(max(s, first - 1), j - 1))


def _thing_said(words: Sequence[str], s: int, first: int) -> bool:
    """Whether the speaker from ``first`` opens a relative clause on a thing said ("some
    of the things that President Trump was saying", "something that Infantino said in
    his closing speech was"): what was said is that thing, not the words after."""
    return first - 2 >= s and words[first - 1] == "that" and words[first - 2] in _THINGS_SAID


_THINGS_SAID = frozenset(
    "things stuff everything something anything points comments remarks".split()
)


_RECALLING = frozenset("what as how".split())


def _he_or_she(words: Sequence[str], s: int, j: int) -> bool:
    """Whether "he", "she" or "they" says with the verb at ``j``, only auxiliaries and
    adverbs between ("he said", "she has told us", "they also said"): a speaker the
    extraction resolves (``claims._pronoun_resolved``); not a saying denied or only
    supposed ("he didn't say that", "he might have said")."""
    k = _past_auxiliaries(words, s, j)
    between = words[k + 1 : j]
    return (
        k >= s
        and words[k] in PRONOUN_SPEAKERS
        and not any(w in _UNSAID or w in _DENIED or w.endswith("n't") for w in between)
        and (words[k] != "they" or all(w in _ALSO_SAID for w in between))
    )


def pronoun_speaker(speaker: str) -> str | None:
    """The pronoun a quote's speaker is ("he", "she", "they"), with only auxiliaries of
    the past and adverbs after it ("he has", "they also"); None for any other speaker
    and for a saying denied or supposed ("he didn't", "he might have")."""
    words = speaker.casefold().split()
    if not words or words[0] not in PRONOUN_SPEAKERS:
        return None
    rest = words[1:]
    if words[0] == "they" and not all(w in _ALSO_SAID for w in rest):
        return None
    if any(w not in _ALSO_SAID and not w.endswith("ly") for w in rest):
        return None
    return words[0]


HE_OR_SHE = frozenset({"he", "she"})
PRONOUN_SPEAKERS = HE_OR_SHE | {"they"}  # "they say": the one body named before
_ALSO_SAID = frozenset("also has had have again then later previously".split())
_DENIED = frozenset({"not", "never"})
_FINITE = frozenset("is are was were has have had will would can could".split())
_TOLD_ALL = frozenset("all everything something a so much what how".split())


def _ahead(words: Sequence[str], k: int) -> str:
    """The word at ``k``, or "" past the end."""
    return words[k] if k < len(words) else ""


def _not_speech(words: Sequence[str], j: int) -> bool:
    """Whether the saying verb at token ``j`` says nothing here: "added his voice to
    calls", "added to the pressure"; a verb right after it makes it part of a clause,
    "what Mr. Trump says is brilliant"."""
    after = _ahead(words, j + 1)
    if words[j].startswith("claim") and _claims_a_thing(words, j + 1):
        return True  # "the war, which has claimed the lives of 377,000 people"
    if words[j] in ("tells", "tell") and after == "you" and _ahead(words, j + 2) in _TOLD_ALL:
        return True  # "the fact that ... tells you all you need to know"
    return (words[j] == "added" and (after in _POSSESSIVES or after == "to")) or after in _FINITE


def _claims_a_thing(words: Sequence[str], k: int) -> bool:
    """Whether "claimed" at ``k - 1`` takes a thing, not words: "claimed the lives of",
    "claimed responsibility for", "claimed their first title"."""
    ahead = words[k : k + 4]
    while ahead and (ahead[0] in _POSSESSIVES or ahead[0] in _ARTICLES or ahead[0] == "more"):
        ahead = ahead[1:]
    return bool(ahead) and ahead[0] in _CLAIMED_THINGS


_CLAIMED_THINGS = frozenset(
    "lives life responsibility credit victory title titles throne seat seats asylum "
    "benefits prize crown trophy win gold medal".split()
)


def _own_words_end(words: Sequence[str], forms: Sequence[str], body: int, e: int) -> int:
    """Where reported speech that starts at token ``body`` ends: at the sentence's end,
    before "and" and another name's saying, or before a ", but" or ", while" whose
    clause has a subject of its own that is no pronoun (not "but also", "but returned
    home": ``_goes_on``): the reporter's words
    ("it's investigating, but locals feel furious"; "our findings are hugely
    concerning, but the UK drug regulator says"); "they're working hard, but they need
    help" stays whole."""
    for k in range(body + 2, e - 2):
        if k - body >= 3 and _and_says(words, forms, body, k):
            return k  # "... offensive and wrong and said that he should apologise"
        if words[k] == "and" and _another_says(words, forms, k, e):
            return k  # "... had died and Amnesty International said that": another voice
        if words[k] == "and" and _what_it_did(words, k + 1, e):
            return k  # "... soft on Putin and that made Zack Polanski very cross indeed"
        if not forms[k].endswith(","):
            continue
        if (
            words[k + 1] in ("but", "while")
            and words[k + 2] not in _PRONOUNS
            and words[k + 2] not in ("i'm", "it's", "we're", "they're", "he's", "she's")
            and not _goes_on(forms[k + 2], words[k + 2])
        ) or _another_says(words, forms, k + 1, e):
            return k + 1
        if words[k + 1] in ("but", "while") and _named_voice(words, forms, k + 1, e):
            return k + 1  # "..., but we also know that Mark Rutte, the head of NATO, has said"
    return e


def _what_it_did(words: Sequence[str], at: int, e: int) -> bool:
    """Whether the words at ``at``, after "and", tell what the saying did, the reporter's
    words: "(and) that made", "(and) this sparked"; not "(and) that it would pass"."""
    return at + 1 < e and words[at] in ("that", "this") and words[at + 1] in _DID_TO_OTHERS


_DID_TO_OTHERS = frozenset(
    "made prompted sparked drew angered infuriated enraged provoked triggered".split()
)


def _named_voice(words: Sequence[str], forms: Sequence[str], at: int, e: int) -> bool:
    """Whether the clause after "but" at ``at`` holds a named speaker's saying within a
    few words ("but we also know that Mark Rutter, the head of NATO has said that"): the
    reporter's words, not the speaker's."""
    for j in range(at + 2, min(e, at + _VOICE_WITHIN)):
        if words[j] in _SAID_TOLD or words[j] in ("says", "say"):
            named = _speaker_before(words, forms, at + 1, j)
            return named is not None and _capitalised_name(named[0])
        if forms[j - 1][-1:] in ".?!;":
            return False
    return False


_VOICE_WITHIN = 14  # words from "but" to another's verb of saying


def _capitalised_name(phrase: str) -> bool:
    """Whether a speaker phrase names someone: a capitalised word in it ("the head of
    NATO"), and no pronoun opening it ("they", "I")."""
    said = phrase.split()
    return (
        bool(said)
        and said[0].lower() not in _PRONOUNS
        and any(w[:1].isupper() and w != "I" for w in said)
    )


def _and_says(words: Sequence[str], forms: Sequence[str], body: int, k: int) -> bool:
    """Whether "and" at ``k`` joins another saying of the speaker of the words from
    ``body`` ("and said that", "and also says"); not where a clause with a name of its
    own comes between ("..., Ali Abdulaziz came out and said")."""
    j = k + 1 + (words[k + 1] == "also")
    if words[k] != "and" or words[j] not in _QUOTE_SAY or words[j] == "saying":
        return False
    comma = max((m for m in range(body, k) if forms[m].endswith(",")), default=None)
    return comma is None or not (forms[comma + 1][:1].isupper() and words[comma + 1] != "i")


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
    verb = named
    while verb < e and verb - named < 2 and words[verb] in _ALSO_SAID:
        verb += 1  # "..., Qatar also says that"
    return k < named < e and named - k <= 4 and verb < e and words[verb] in _QUOTE_SAY


def _goes_on(form: str, word: str) -> bool:
    """Whether the word after ", but" goes on with the speaker's own clause, not a new
    subject: "but also anybody who", "but not", "but returned home" (a verb)."""
    return word in _CARRIES_ON or (form.islower() and len(word) > 4 and word.endswith("ed"))


_CARRIES_ON = frozenset("also not still then only rather instead later now".split())


def _antecedent(words: Sequence[str], phrase: tuple[str, int]) -> tuple[str, int] | None:
    """The noun phrase a relative "who" refers to, out of the words before it: those
    after the last preposition of a clause with its own subject ("We had pressure from
    Keir Starmer, who said": Keir Starmer; not "our family friend in Qatar, who told
    us"; "of" stays: "I spoke to the head of NATO, who said"), without an "of
    the" that opens them ("... of the UK Saky Starmmer, who said")."""
    said, first = phrase
    parts = said.split()
    cut = max(
        (
            i + 1
            for i in range(len(parts))
            if words[first + i] in _LEADS_IN
            and (
                words[first + i] in _FROM_BY  # "a message from my mother, who said"
                or any(words[first + k] in _CLAUSE_SUBJECTS for k in range(i))
                or _YEAR.match(words[first]) is not None  # "(a report from) 2023 by"
            )
        ),
        default=int(words[first] in _LEADS_IN),  # "(I spoke) to the head of NATO"
    )
    if cut < len(parts) - 1 and words[first + cut] == "of":
        cut += 1 + (cut < len(parts) - 2 and words[first + cut + 1] == "the")
        # "(the prime minister) of the UK Saky Starmmer": the name
    if cut >= len(parts) or words[first + cut] in _TIMES:
        return None  # "He met Keir Starmer on Friday, who said": not Friday
    return " ".join(parts[cut:]), first + cut


# prepositions whose object may be a relative clause's antecedent, not the clause's speaker
_LEADS_IN = frozenset("with about to for from against by on at in into over after under".split())
_FROM_BY = frozenset({"from", "by"})  # whose object is who speaks, with a subject or none
_TIMES = _WEEKDAYS | _MONTHS | frozenset({"today", "yesterday"})
# a subject before them makes the words a clause of their own ("we had pressure from")
_CLAUSE_SUBJECTS = _PRONOUNS | {"this", "there"}


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
        if _subject_pronoun(words[first + 1]):
            return None  # "the trade agreement, which he's basically said": he said
        before = _speaker_before(words, forms, s, first)  # "who fought", not "which Israel"
        return _antecedent(words, before) if before is not None else None
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
    while k - 2 >= s and words[k - 1] in _OF_WHOM and forms[k - 1][-1:].isalpha():
        head = k - 2  # a head before the "of" ("Of the 40 passengers, 12 say": none)
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


def _subject_pronoun(word: str) -> bool:
    """Whether a word is a pronoun that is a clause's subject: "he", "he's", "they've"."""
    return word.split("'")[0] in _PRONOUNS


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
    if asks(words, j):
        return body  # "called for the government to act", "accused him of lying"
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
    about = body + (first != "about")  # "said that about 6,500 workers had died": a number
    if (
        first == "about" or (first in ("that", "this", "it", "so", "more") and after == "about")
    ) and not _counted_clause(words, about + 1, e):
        return True  # not "said that in 2020 the club ...": that opens what was said
    if first == "of":  # "warned of a crisis": what of, not what; "said of him that" is
        return words[body - 1] not in ("said", "says", "say") or _of_said(forms, body, e) is None
    return forms[e - 1].endswith("?") and first in _ABOUT_PREPS | {"when", "to"}


_ABOUT_PREPS = _PREPOSITIONS | {"about"}


def _counted_clause(words: Sequence[str], k: int, e: int) -> bool:
    """Whether a number at token ``k`` opens a clause, a verb within the next few words:
    "(said that about) 6,500 workers had died", "two thirds of them were never paid";
    not "(said about) two things"."""
    if _number_at(words, k, e) is None:
        return False
    ahead = words[k + 1 : min(e, k + 8)]
    return any(w in _FINITE or (len(w) > 4 and w.endswith("ed")) for w in ahead)


def _hypothetical(words: Sequence[str], s: int, first: int, j: int) -> bool:
    """Whether the saying at ``j`` of the speaker from token ``first`` is only supposed:
    "if" or "unless" before the speaker (or opening it: "If Keir Starmer"), the verb in
    the present ("if the prime minister says they want someone"; "I can't remember if he
    said" is whether he did; "when he says it's ready to fall" reports)."""
    supposing = (first > s and words[first - 1] in _SUPPOSING) or words[first] in _SUPPOSING
    return supposing and words[j] in _PRESENT_SAYING


_SUPPOSING = frozenset("if unless".split())
_PRESENT_SAYING = frozenset(
    "says say tells tell argues argue claims claim insists insist announces announce".split()
)


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
_ADDRESSEES = frozenset("us them me him her you reporters journalists".split())
