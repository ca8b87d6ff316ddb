"""Who a quote's "he", "she" or "they" is (pure): the one person, organisation or people
named just before it, or nobody where that is unclear."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from newsreel.entities.claims.quotes import HE_OR_SHE, PRONOUN_SPEAKERS, Quote, pronoun_speaker
from newsreel.entities.gender import agrees
from newsreel.repair.clean import bare, core

BACK_SENTENCES = 2  # sentences before a "he said" searched for whom it reports
# further back while every sentence passed says the same "he" or "she" of no one named:
# "President Zilinski said ... So a more serious approach he argues ... one point he did
# make ... So he said, they might have to be left to the presidents"
CHAIN_SENTENCES = 5


def pronoun_resolved(
    quote: Quote,
    forms: Sequence[str],
    spans: Sequence[tuple[int, int]],
    persons: Mapping[int, str],
    groups: Mapping[int, str],
) -> Quote | None:
    """A quote whose speaker is "he" or "she" said by the one person named before it:
    in its sentence before the pronoun, else in the nearest of the sentences before
    (``spans``, its own last) that names anyone; None where that is two people, none,
    or a role no name goes with ("the president of China. He said"; of two people, one
    a preposition governs is not who speaks: "when Greg Norman was asked about Jamal
    Khashoggi's murder, he replied" is Greg Norman's), where the name is
    the object of a "he" or "she" before it in its sentence ("He regretted meeting
    Epstein. And then he said"), or where the person's first name is the other sex's
    ("Rachel Reeves ... he says"). Other quotes as they are."""
    if quote.speaker.split()[:1] and quote.speaker.split()[0].casefold() not in PRONOUN_SPEAKERS:
        return quote
    pronoun = pronoun_speaker(quote.speaker)  # "she also", not "he didn't"
    if pronoun is None:
        return None
    one = pronoun in HE_OR_SHE
    if not one:
        persons = groups  # "they say": an organisation or a people ("the Israelis")
    found = _nearest_named(quote, forms, spans, persons, pronoun if one else None)
    if found is None:
        return None
    start, named, roles = found
    if len({persons[i] for i in named}) > 1:  # "when Greg Norman was asked about Jamal
        named = _ungoverned(forms, named, persons) or named  # Khashoggi's murder, he"
    if roles or len({persons[i] for i in named}) > 1 or (one and _he_before(forms, start, named)):
        return None  # "He regretted meeting Epstein. And then he said": another he
    if one and not agrees(pronoun, persons[named[-1]]):
        return None
    first = min(named)
    while first - 1 in persons and persons[first - 1] == persons[first]:
        first -= 1
    if first and _governed(forms, first, one):
        return None  # "in contrast to Lord Mandelson ... he said": not who says; "a
        # speech from Marco Rubio ... he said" is his ("hosted by Newcastle fans ...
        # they say" is no body's)
    if forms[spans[-1][1] - 1].endswith("?"):
        return None  # "Is there stuff that he said that people could trade on?"
    end = named[-1] + 1
    start = end - 1
    while start - 1 in persons and persons[start - 1] == persons[named[-1]]:
        start -= 1
    name = " ".join(bare(f) for f in forms[start:end])
    return replace(quote, speaker=name, speaker_start=start, speaker_end=end)


CHAIN_BACK = 2  # sentences from a resolved "he said" to the next that may go on with it


def chained(
    quote: Quote,
    before: Quote | None,
    forms: Sequence[str],
    persons: Mapping[int, str],
) -> Quote | None:
    """A "he" or "she" quote that ``pronoun_resolved`` could not place, credited to the
    speaker of ``before``: the last quote, whose own "he" or "she" (the same one) was
    resolved, no person named and no unnamed role (``roles``) between the two ("He said
    they are focusing on the practicalities. So a more serious approach he argues but
    again he is saying that ..." : both President Zelensky's); None otherwise, and for a
    question."""
    pronoun = pronoun_speaker(quote.speaker)
    if before is None or pronoun is None or pronoun not in HE_OR_SHE:
        return None
    if any(
        i in persons or _unnamed_role(forms, i, persons) or _kin_of(forms, i, persons)
        for i in range(before.speaker_end, quote.speaker_start)
    ):
        return None
    if forms[quote.end - 1].endswith("?") or forms[quote.speaker_start - 1 :][:1] == ["?"]:
        return None
    return replace(
        quote,
        speaker=before.speaker,
        speaker_start=before.speaker_start,
        speaker_end=before.speaker_end,
    )


def _nearest_named(
    quote: Quote,
    forms: Sequence[str],
    spans: Sequence[tuple[int, int]],
    persons: Mapping[int, str],
    he: str | None,
) -> tuple[int, list[int], list[int]] | None:
    """The nearest sentence part before a quote's pronoun that names anyone: (its start,
    the tokens of its named people, those of its unnamed roles); its own sentence first,
    then back ``BACK_SENTENCES``, further only while each sentence passed says ``he``
    ("he" or "she"; None for "they"); None where none does."""
    *before, (s, _) = spans
    for back, (start, end) in enumerate([(s, quote.speaker_start), *reversed(before)]):
        chain = _chain(forms, before[-back + 1 :], he, persons) if back > BACK_SENTENCES else 1
        if not chain:
            return None
        loose = chain == _LOOSE
        named = [
            i
            for i in range(start, end)
            if i in persons
            and not _modifier(forms, i, persons)
            and not _addressed(forms, i, persons)
        ]
        roles = [
            i
            for i in range(start, end)
            if _unnamed_role(forms, i, persons, he is not None) or _kin_of(forms, i, persons)
        ]
        if named and loose and _speaks_after(forms, max(named), quote):
            return None  # "our religion editor, Aleem Maqbool: ... if you can hear me
            # ... she said": who is named speaks next, the "she" is another
        if roles or named:
            return start, named, roles
    return None


def _speaks_after(forms: Sequence[str], named: int, quote: Quote) -> bool:
    """Whether "I", "me" or "my" is said between a name (token ``named``) and a quote's
    pronoun: the person named speaks in their own words after it."""
    return any(core(f).lower() in _FIRST_PERSON for f in forms[named + 1 : quote.speaker_start])


_FIRST_PERSON = frozenset({"i", "me", "my", "i'm", "i've"})


def _ungoverned(
    forms: Sequence[str], named: Sequence[int], persons: Mapping[int, str]
) -> list[int]:
    """The tokens of ``named`` whose person's mention no preposition governs nor a
    "what" opens (not "about Jamal Khashoggi's murder", "with Keir Starmer", "what
    Donald Trump was up to"); an agent ("claims made by Peter") or a source ("emails
    from Sarah Ferguson") may be who speaks."""
    out: list[int] = []
    for i in named:
        first = i
        while first - 1 in persons and persons[first - 1] == persons[i]:
            first -= 1
        before = core(forms[first - 1]).lower() if first else ""
        if before not in _TALKED_ABOUT:
            out.append(i)
    return out


def _chain(
    forms: Sequence[str],
    passed: Sequence[tuple[int, int]],
    pronoun: str | None,
    persons: Mapping[int, str],
) -> int:
    """How the sentences of ``passed`` go on about one "he" or "she" (``pronoun``;
    none for "they"): 1 where all of them say it as a word, ``_LOOSE`` where at least
    half of them do, those that do not name no one and none has someone unnamed ("...
    from Marco Rubio. But what we heard was conciliatory. He was offering an olive
    branch. The tone is consistent with the Trump administration's. He said it was
    important"; not "He met a steelworker. The man had lost his job. He said"), else 0."""
    if pronoun is None:
        return 0
    said = [any(core(f).lower() == pronoun for f in forms[s:e]) for s, e in passed]
    if all(said):
        return 1
    unnamed = all(
        says or not any(i in persons and not _modifier(forms, i, persons) for i in range(s, e))
        for says, (s, e) in zip(said, passed, strict=True)
    )
    someone = any(core(f).lower() in _SOMEONE for s, e in passed for f in forms[s:e])
    return _LOOSE if unnamed and not someone and 2 * sum(said) >= len(passed) else 0


_LOOSE = 2  # a chain that passes sentences without its pronoun


def _he_before(forms: Sequence[str], start: int, named: Sequence[int]) -> bool:
    """Whether the first of ``named`` is the object of a verb or preposition after a
    "he" or "she" of its sentence (from token ``start``): someone else is the one the
    sentence is about ("And he said that he regretted meeting Epstein", "He says the
    decision to appoint Peter Mandelson was wrong", "he talks about flights after
    Epstein's conviction"); not "He went back to his hotel ...
    Michel Platini, as he confirmed later" or "when he was having a bit of bother,
    Harold Wilson, ... said"."""
    first = min(named)
    before = core(forms[first - 1]).lower() if first else ""
    taken = (
        before in _GOVERNING
        or before in _TAKES
        or before in _ALSO_GOVERNING
        or (len(before) > 4 and before.endswith("ing"))
    )
    return taken and any(core(forms[k]).lower() in _HE for k in range(start, first))


_HE = frozenset("he she he's she's".split())
# prepositions that govern a name after a "he" of its sentence but, opening a sentence,
# may head a clause whose subject speaks next ("After Keir Starmer met him, he said")
_ALSO_GOVERNING = frozenset("after before since until despite".split())  # "-ing": below
# verbs whose object a name after them is ("appoint Peter Mandelson")
_TAKES = frozenset(
    """appoint appointed meet met hold held call called sack sacked fire fired hire hired
    replace replaced blame blamed defend defended attack attacked thank thanked praise
    praised criticise criticised criticize criticized support supported invite invited
    interview interviewed join joined beat defeated accuse accused""".split()
)


def _modifier(forms: Sequence[str], i: int, persons: Mapping[int, str]) -> bool:
    """Whether the person mention at token ``i`` only names a thing: "the Epstein
    files", "the Trump administration" (no "he" stands for it)."""
    k = i
    while k + 1 in persons and persons[k + 1] == persons[i]:
        k += 1
    return k + 1 < len(forms) and core(forms[k + 1]).lower() in _NAMED_THINGS


_NAMED_THINGS = frozenset(
    "files file scandal affair case estate island documents emails saga network "
    "administration era government family foundation camp campaign gunmen fighters "
    "militants lawyer lawyers supporter supporters aide aides ally allies official "
    "officials voter voters".split()  # "a Trump lawyer ... he said": the lawyer
)


def _kin_of(forms: Sequence[str], i: int, persons: Mapping[int, str]) -> bool:
    """Whether token ``i`` ends a person's possessive whose kin or aide follows, another
    person no name goes with: "Andrew Mountbatten Windsor's younger brother who was
    asked ... He said" (the brother said it, not Andrew)."""
    if i not in persons or (i + 1 in persons and persons[i + 1] == persons[i]):
        return False
    if not bare(forms[i]).endswith(("'s", "\u2019s")):
        return False
    ahead = [core(f).lower() for f in forms[i + 1 : i + 3]]
    return bool(ahead) and (ahead[0] in _KIN or (len(ahead) > 1 and ahead[1] in _KIN))


_KIN = frozenset(
    "brother sister son daughter wife husband father mother partner lawyer lawyers "
    "spokesman spokeswoman spokesperson aide aides friend uncle aunt cousin nephew niece "
    "colleague boss deputy widow fiancee fiancée girlfriend boyfriend".split()
)


def _addressed(forms: Sequence[str], i: int, persons: Mapping[int, str]) -> bool:
    """Whether the person mention at token ``i`` is spoken to, between commas before "I",
    "you" or "we": "Intriguingly, Adam, I was talking to ..." (no "he" stands for Adam)."""
    first, last = i, i
    while first - 1 in persons and persons[first - 1] == persons[i]:
        first -= 1
    while last + 1 in persons and persons[last + 1] == persons[i]:
        last += 1
    return (
        first > 0
        and forms[first - 1].endswith(",")
        and forms[last].endswith(",")
        and last + 1 < len(forms)
        and core(forms[last + 1]).lower() in _SPOKEN_TO
    )


_SPOKEN_TO = frozenset("i you we i'm you're we're i've you've we've".split())


def _unnamed_role(
    forms: Sequence[str], i: int, persons: Mapping[int, str], one: bool = True
) -> bool:
    """Whether token ``i`` is a person's role no name goes with: "the president of
    China", "a professor"; not "President Trump", "Kemi Badenoch, the Tory leader"."""
    if i in persons or core(forms[i]).lower() not in (_ROLES if one else _BODIES):
        return False
    near = range(max(0, i - 4), i + 4)
    return not any(k in persons for k in near)


# prepositions whose object a name is: no "he" that follows stands for it
_GOVERNING = frozenset("to with about against from by for of at on in into over than".split())


def _governed(forms: Sequence[str], first: int, one: bool) -> bool:
    """Whether a preposition governs the name that starts at token ``first``, so that a
    pronoun after it is not that person's: "in contrast to Lord Mandelson"; for "he" or
    "she" (``one``), not a source ("something from Marco Rubio") nor the agent of what
    was said ("a speech by Donald Trump"; "ruined by Jeffrey Epstein" governs)."""
    before = core(forms[first - 1]).lower()
    if before not in _GOVERNING:
        return False
    if not one or before not in _SOURCE_PREPOSITIONS:
        return True
    said = {core(f).lower() for f in forms[max(0, first - 7) : first - 1]}
    return not said & (_SAID_BY if before == "by" else _SAID_FROM)  # "a speech to world
    # leaders by", "what we heard from"; not "took the ball from Harry Kane"


# what a person's words are, said "by" them: "a speech by", "claims made by"
_SAID_BY = frozenset(
    "speech speeches statement statements interview remarks comments claims letter post "
    "posts message address tweet".split()
)
# what comes "from" a person who speaks: "we heard from", "a message from", "something
# very concrete was from", "information that we've got from"
_SAID_FROM = _SAID_BY | frozenset(
    "heard hear hearing something information update response reply call words quote "
    "quotes news clip clips clues hints signals".split()
)
# an agent ("by") or a source ("from") may be who speaks
_SOURCE_PREPOSITIONS = frozenset({"by", "from"})
# words before a person who is talked about rather than talking, of two in a sentence
_TALKED_ABOUT = (
    (_GOVERNING - _SOURCE_PREPOSITIONS)
    | _ALSO_GOVERNING
    | frozenset("what how whether why".split())
)

# the unnamed plural a "they" may stand for: "Kurdish officials ... they say"
_BODIES = frozenset(
    "officials authorities police protesters ministers leaders lawmakers critics "
    "campaigners activists residents families workers fans players experts people "
    "doctors investigators prosecutors analysts".split()
)

_ROLES = frozenset(
    "president minister chancellor secretary senator governor mayor king queen prince "
    "princess professor spokesman spokeswoman spokesperson ambassador chairman "
    "chairwoman chief director leader".split()
)

# someone unnamed a loose chain may pass to: "the man", "his lawyer", "the head teacher"
_SOMEONE = _ROLES | frozenset(  # one person: no "he" is a plural's
    "man woman boy girl lawyer coach teacher inspector viewer worker steelworker officer "
    "doctor nurse father mother son daughter wife husband brother sister friend colleague "
    "manager player captain referee driver judge official reporter correspondent editor "
    "presenter journalist neighbour neighbor victim witness guard soldier pilot owner boss "
    "fan".split()
)
