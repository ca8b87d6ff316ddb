"""The word lists the source rules read: verbs of saying and finding, report nouns, the
head nouns of a source phrase, and the words that open, end, join or stand beside a
source's name."""

from __future__ import annotations

import re

from newsreel.entities.claims.words import _BE, _PREPOSITIONS, _STOP
from newsreel.entities.listed import TITLES
from newsreel.entities.names import PARTICLES

_SAY = frozenset(
    "says said say told tells claims claimed reported reports warned warns stated "
    "announced added insisted admit admits admitted allege alleges concluded "
    "concludes insist insists argues argued "
    # a body's plural verb, as British English says it: "UEFA claim", "Amnesty warn"
    "claim warn announce conclude".split()
)

# what a source finds out or judges rather than says: "The BBC has learned", "a study
# found", "The IMF expects"
_FIND = frozenset(
    "learned learnt found finds estimates estimated revealed confirmed identified recorded "
    "documented counted verified expects predicts predicted forecasts reckon "
    "reckons wrote writes mentioned suggested suggests ranked listed spoke "
    "predict forecast reveal confirm".split()
)

# "saying" reports speech after the name it follows ("Mark Carney saying the rest ...")
# verbs that report words said only before "that" or a clause's subject ("Amnesty ...
# alleged there have been cases"; "who maintains that he was underpaid"; not "maintained
# close ties", "PSG's alleged financial transgressions")
_QUOTE_ONLY = frozenset("alleged maintains maintained stressed stresses conceded concedes".split())
_CLAUSE_OPENERS = frozenset("that there he she they we i".split())  # "it" may be an object
_QUOTE_SAY = (_SAY - {"reports", "reported"}) | {"saying", "argue", "warn"} | _QUOTE_ONLY

_REPORT = _SAY | _FIND

_BY = _REPORT - {"found", "finds"}  # "told by police"; "found by police" is no report

# a sentence that goes on with the one before: "And at least 11 sites contain ..."
_GO_ON = frozenset({"and", "also"})

# what an owner's report is, after a possessive: "the club's latest accounts"
_OWN_REPORT = frozenset(
    "account accounts figures data report statement records website findings".split()
)

# a sentence opening with a clause, not with who speaks: "After Boris Johnson resigned"
_SUBORDINATE = frozenset(
    "after when since if as because while before although though once until unless".split()
)

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

# the head nouns of a source phrase that names no one: "police say", "the mayor said"
SOURCE_NOUNS = frozenset(
    "police authorities government ministry minister mayor president spokesperson "
    "spokesman spokeswoman army military agency investigation report study survey "
    "institute commission council court prosecutors organisation organization office "
    "department federation league union committee regulator watchdog charity group "
    "officers researchers media newspaper paper website figures data club company firm "
    "bank fund manager".split()
)

# sources that name no one alone ("officials say"), but do with a word that places them
# ("airport officials", "emergency workers", "hospital doctors")
_VAGUE_SOURCES = frozenset(
    "officials reports sources experts analysts journalists reporters workers doctors "
    "medics paramedics rescuers witnesses residents activists campaigners organisers "
    "organizers scientists economists diplomats negotiators monitors observers".split()
)

# a verb inside a source's words makes them a clause: "Amnesty International UK had a campaign"
_CLAUSE_VERBS = (_BE - {"be", "been", "being", "'s", "'ve"}) | {"did", "does"}

# between a source and its verb of saying: "The ministry also said", "has always said"
_BETWEEN = frozenset("also always again still just once since long only now already".split())

_SPEAKER_STOP = frozenset(
    "but and so that because while as if when then also though"
    # a time clause's conjunctions: "hours after President Trump said", the name after
    " after before since until unless although whereas".split()
)

_BACK = frozenset({"it", "this", "that", "which"})

_NAME_PART = re.compile(r"^(?:[A-Z]\.|Jr\.|Sr\.|Mr\.|Mrs\.|Ms\.|Dr\.)$")

# a role's words: a person's titles (listed.TITLES) and the posts that speak for a body
_TITLE_WORDS = TITLES | frozenset(
    "chief executive spokesman spokeswoman spokesperson minister's deputy".split()
)

# words that make a source's description more than a role before a name
_DESCRIBED = frozenset("for of in at from with by to on".split())

_NAME_JOINERS = PARTICLES - {"of", "and", "the", "y"}  # "Ursula von der Leyen"

# an aside between a source and its verb: "X, in a media interview, said"
_ASIDE = frozenset("in at on during after before speaking writing".split())

# words that open or end no source's noun phrase: "to force the government to", "was a
# Prime Minister who", "the King last night did", "your report sort of"
_FRAGMENT_START = _PREPOSITIONS | frozenset(
    "to was were is are under about through during against between among up down just "
    "usually perhaps even did got back".split()
)

_FRAGMENT_END = (
    _STOP
    | _PREPOSITIONS
    | frozenset("to the a an like sort kind um uh er ever did just who whom or nor".split())
)

# after a name, what is no part of it: "Rachel Reeves (with some fanfare)", "Todd Blanche
# (in his press conference)", "Savannah Guthrie (speaking about her mother)"
_AFTER_NAME = frozenset("with in on at during after speaking kind flat for about".split())

# a source whose "reports" is a noun: "Israeli media reports (40 hostages ...)"
_MEDIA = frozenset("media press news newspaper newspapers".split())

# nouns that end like adverbs: "The Italian assembly said", "The victim's family said"
_LY_NOUNS = frozenset(
    "family assembly rally supply ally tally monopoly anomaly daily weekly".split()
)


def ly_adverb(word: str) -> bool:
    """An adverb in "-ly" ("repeatedly", "actually"), not a noun that ends so
    ("family")."""
    return len(word) > 4 and word.endswith("ly") and word not in _LY_NOUNS


# a role that speaks for what follows it: "the head of NATO", "a spokesman for Hamas"
_ROLES = frozenset(
    "head chief leader director boss chairman chair secretary spokesman spokeswoman "
    "spokesperson representative envoy ambassador".split()
)
