"""The word lists the claim rules read: number words, verbs of change, currencies, time
words, money words and the words a subject may not start or end with; those of sources and
reported speech are in ``source_words``."""

from __future__ import annotations

import re

from newsreel.text import MONTHS

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen \
fifteen sixteen seventeen eighteen nineteen".split()

_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

_WORDS = {
    **{w: n for n, w in enumerate(_UNITS)},
    **{w: 20 + 10 * n for n, w in enumerate(_TENS)},
    "dozen": 12,
}

_SCALE = {
    "thousand": 1e3,
    "million": 1e6,
    "mil": 1e6,  # "29 mil", as football talk says it
    "billion": 1e9,
    "billions": 1e9,  # "305 billion pounds, 305 billions": the sum said again
    "trillion": 1e12,
    "hundred": 100,
}

_DIGITS = re.compile(r"^[$£€]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$|^[$£€]?\d+(?:\.\d+)?%?$")

_STOP = frozenset(
    "it that which who is are was were has have had and but so because if when then this "
    "these those will would could should can may might do does did says said".split()
)

# verbs of change a percentage measures: "US aid fell by 99%"
_CHANGE = frozenset(
    "rose risen fell fallen grew grown increased decreased dropped jumped climbed declined "
    "surged shrank slumped doubled tripled halved reached totalled totaled amounted stood "
    "averaged averages topped tops exceeded surpassed hit hits is are was were "
    "rise rises fall falls grow grows increase increases decrease decreases drop drops "
    "jump jumps climb climbs decline declines double doubles shrink shrinks surge surges "
    "soared plunged plummeted tumbled slipped expanded contracted swell swells swelled slowed "
    "decelerate decelerated accelerate accelerated slow slows soar soars zoomed rocketed "
    "skyrocketed".split()
)

# between a verb of change and "by"/"to": "fallen back by", "rose sharply to"
_CHANGE_HOW = frozenset("back up down further sharply slightly steadily again".split())

# "a ... of N" that says nothing of what N counts: "a number of", "the age of"
_NO_MEASURE = frozenset(
    "number majority lot couple handful maximum minimum age range list group series "
    "one part rest half third quarter top bottom end beginning start ratio best first "
    "second last final round year years war treaty class "
    "father mother man woman boy girl son daughter child children baby person".split()
)

# more verbs of a quantity that moved, said of what a next sentence's "it" is
_MOVED = frozenset(
    "boomed collapsed crashed recovered rebounded peaked dipped spiked ballooned "
    "grown risen fallen increased".split()
)

# what "it" may not refer back to: people, and words that say nothing of what changed
_NO_TOPIC = frozenset(
    "minister president prime correspondent reporter manager chairman spokesman "
    "spokeswoman leader chief secretary official officials man woman people police "
    "truth point problem question thing reason fact issue answer idea way".split()
)

# prepositions inside a noun phrase: "The total cash investments in MCFC by Sheikh Mansour"
_PREPOSITIONS = frozenset("in of for by since from on at with after over into".split())

# words a subject does not end on: "dollars into", "bodies in just", "miles from here"
_TRAILING = _PREPOSITIONS | frozenset("to onto the a an just".split())

# before what a sentence is about: "And the Saudi economy ..."
_LEAD_WORDS = frozenset("and but so now well also then".split())

# pointing words before a noun: "This figure is now 20%", "the charge on these loans"
_DEMONSTRATIVES = frozenset({"this", "these", "those"})

# verbs that change what follows them: "increased the club's youth budget to", "cut the
# aid budget by"
_CHANGE_WHAT = frozenset(
    "increased increase increases raised raise raises cut cuts reduced reduce reduces "
    "boosted boost boosts lowered lower lowers slashed slash slashes hiked hike hikes "
    "lifted lift lifts trimmed trim trims expanded expand expands".split()
)

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
    "more less fewer than over at least around about almost nearly close to merely just some "
    "roughly approximately well only up an a".split()
)

_VACUOUS = frozenset("tune total sum amount figure value excess region upwards".split())

# what a thing is "at" that the sentence's subject has: "The deal was at a value of"
_VALUED = frozenset({"value", "valuation"})

_COSTS = frozenset("of worth cost costs costing valued priced exceed exceeds exceeding".split())

# what money is for: "$2 billion from the Saudis"
_MONEY_FOR = frozenset({"in", "from", "to", "for", "on", "into"})

# a number glued to the word before it in the captions: "more than500"
_GLUED = re.compile(
    r"^(?:than|to|for|and|between|of|about|around|over|under|some|nearly)([$£€]?\d[\d,.]*%?)$"
)

_SCORE = frozenset({"nil", "-nil", "nil-nil"})

_DEGREES = re.compile(r"^(\d+(?:\.\d+)?)°[cf]?$")

_SUBJECT_STOP = frozenset(
    {"exchange", "return", "according", "about", "almost", "nearly", "around", "roughly", "some"}
    | {"compared", "compare", "comparing"}  # "234 percent compared to the season before"
    # a pronoun opens a clause about what was counted: "three major things (you have to)"
    | set(
        "i you he she we they i'm you're he's she's we're they're i've you've we've they've "
        "i'll you'll he'll she'll we'll they'll i'd you'd he'd she'd we'd they'd it's".split()
    )
    | {"say"}  # "three students say they were"
    | {"wow", "etc", "etcetera"}  # "68.2% Wow.", "at 63.3% etc."
    | set("myself yourself himself herself itself ourselves themselves".split())  # "get one
    # themselves"
)

# a conjunction left last in a counted noun opens a clause cut off at its pronoun: "seven
# times before (he was allowed)", "13% worse than (they did)"
_CLAUSE_OPENERS = frozenset("before after as while than where since once until".split())

_YEAR = re.compile(r"^(19|20)\d\d$")

_SCALE_WORDS = [[w] for w in _SCALE]

_POSSESSIVE = re.compile(r"['’]s$")  # "UEFA's", "Mike Ashley’s"

_K = re.compile(r"^[$£€]?\d+(?:\.\d+)?k$")  # "27k": thousands
# a sum written with its scale: "£265m", "$1.5bn" (only after a currency sign: "5m" is
# five metres as often as five million)
_SIGNED_SCALE = re.compile(r"^[$£€](\d+(?:\.\d+)?)(m|bn)$")

_THOUSANDS = re.compile(r"^\d{3}$")

# what a duration or an age counts: not a count unless asked (``durations=True``)
_TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries season seasons night nights weekend weekends".split()
)

_AGE = frozenset({"old", "olds", "aged"})

# words of a time phrase, not of what money is for ("£5 in 2020", "in early trading")
_TIMELY = _TIME_UNITS | frozenset("just early late last next every each this that trading".split())

_COMPARATIVE = frozenset(
    "more less as the bigger larger higher greater richer smaller lower faster cheaper "
    "stronger wealthier worse better".split()
)

# ranked sets: "13 of the 14 lowest ranked teams" counts 13, not 14
_SUPERLATIVES = frozenset(
    """most best worst biggest largest smallest highest lowest richest poorest greatest
    strongest weakest oldest youngest longest shortest fastest wealthiest deadliest busiest
    cheapest dearest costliest""".split()
)
# after a year, what makes "2023 24" a season: "the 2023 24 season", "2023 24 football"
_SEASONAL = frozenset(
    "season seasons campaign football financial fiscal academic school tax".split()
)
# after "N times", a multiplier's comparison: "five times that of", "three times as much"
_TIMES_WHAT = frozenset("what as its his her their our".split())  # and "that of"
# "10 times the salary", "three times the emissions": what a multiplier multiplies
_MEASURES = frozenset(
    "size amount number price cost value rate salary level average population budget "
    "emissions figure total wage wages revenue income speed height length weight".split()
)
_LONG = frozenset("long full straight consecutive whole short".split())

# a subject must be a noun phrase: not one that starts with these
_NOT_SUBJECT = frozenset(
    "or to and in on at by from for with out than as during into over under about up "
    "more less i you he she it we they this that there these those who what which "
    "it's that's there's he's she's they're we're you're i'm be been now all both each "
    "oh heck gosh wow yeah yep okay ok altogether".split()  # interjections: "five, six heck"
)

_ARTICLES = frozenset({"the", "a", "an"})
_PLURAL_PEOPLE = frozenset("people children men women".split())  # plurals with no "s"
_POSSESSIVES = frozenset("his her their its my our your".split())

_CURRENCY = frozenset(
    "dollars dollar pounds pound euros euro riyals riyal rials rial reals reales dirhams dirham "
    "shekels shekel rubles roubles ruble rouble lira liras yen yuan francs rupees quid".split()
)

# "one" as an article or pronoun: "on the one hand", "one day", "one of"
_ONE_NOT_COUNT = frozenset(
    "hand day time thing way point more another where again when example hell too step "
    "reason problem love".split()  # "the One Love armband"; "there's only one problem"
)

# "one final chance", "not one single friend": "one" as an article
_ONE_ADJECTIVES = frozenset("single final last particular such huge important viable".split())

_DETERMINERS = frozenset({"the", "a", "an", "some", "its", "their", "his", "her", "our"})

_NEGATION = frozenset("never not didn't doesn't don't hasn't haven't no".split())

# "have" as an auxiliary: "it has said", "had been 36 million"
_HAVE = frozenset({"has", "have", "had"})

# a verb of being or having, and its auxiliaries: "has been spent", "was expected to"
_BE = frozenset("was were is are be been being has have had will would 's 've".split())

# before a verb of saying, a passive: "Netanyahu was told that", "is said to have paid"
_PASSIVE = _BE - {"has", "have", "had", "will", "would", "'s", "'ve"}

# what stands between a source and its verb: "Rafael Salguero would later admit"; cut
# from a source's end only as written in lower case ("Theresa May said" keeps "May")
_AUXILIARIES = (_BE - {"being", "'s", "'ve"}) | frozenset(
    "also could may might later previously earlier now already reportedly allegedly even".split()
)

_WHEN = frozenset("in on at during after before since by until till".split())

_LEAD_ADVERBS = frozenset("here there now today yet still already".split())

_TIME_ADVERBS = _LEAD_ADVERBS | frozenset(
    "yesterday tonight earlier later meanwhile overnight".split()
)

_MONTHS = MONTHS
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# words that make what follows a sum say when, not what for: "£5 on Monday", "in 2020"
_WHEN_WORDS = _TIMELY | _WEEKDAYS | _MONTHS

# "next year", "last week": when
_RELATIVE_TIME = frozenset("next last this".split())

# what is said of a change to come: "is expected to fall", "are set to rise"
_LIKELY = frozenset(
    "expected set likely unlikely forecast projected due poised tipped predicted estimated "
    "thought believed".split()
)

# what someone thinks or fears before what changed: "Officials fear the death toll could"
_THINK = frozenset(
    "fear fears feared warn predict predicts expect believe believes think thinks hope hopes "
    "say worry worries".split()
)

# a question word opening a speaker makes it a clause: "what I'm trying to (say)"
_WH = frozenset("what how why whether".split())

# a verb of being between a noun phrase and a share or sum said of it: "China is now 33%"
# the auxiliary of a passive, "get" too: "200 were injured", "he got told"
_BE_OR_GET = frozenset("be been being was were is are get gets got getting".split())
_IS = _PASSIVE - {"be", "been", "being"}
# ... or a verb that says where it stands: "Inflation stands at 4%", "Labour leads with"
_STANDS = _IS | frozenset("stands stood remains remained peaked leads sits".split())
# past participles not in -ed after "is": "Russia is thought to have lost 40%"
_PARTICIPLES = frozenset("thought said known seen held given paid sold set".split())
# what a verb of being introduces rather than describes: "The risk is that", "The aim is to"
_INTRODUCED = frozenset("that whether to what how why".split())
# the speaker, a question or a time word is nothing a number is said of
_NOT_SAID_OF = (
    frozenset("i my we our".split())
    | _WH
    | {"when", "where", "who", "which"}
    | {
        "last",
        "next",
        "this",
        "today",
        "yesterday",
    }
)

_PRONOUNS = frozenset({"it", "they", "he", "she", "i", "we", "you"})

# who is paid between the verb and the sum: "pay PSG 80 million euros", "paid him"
_OBJECTS = frozenset("him her them us me you it".split())

# between what costs and its verb: "which reportedly cost"
_HEARSAY = frozenset("reportedly allegedly actually already".split())

# what a sum is paid, spent or raised with: "has spent more than 1.3 billion pounds"
# verbs of money alone: a bare number of thousands after one is a sum whose currency the
# captions lost ("she now owes 35,000", "he paid 50,000 for the car"); not "lost"/"took"
# ("Russia lost 1,000 a day": soldiers), nor "made"/"received"
_PAID = frozenset(
    """paid pay pays paying owes owe owed owing spent spend spends spending cost costs
    costing earned earn earns earning charged charge charges borrowed donated fined""".split()
)

_MONEY_VERBS = frozenset(
    """spent spend spends spending paid pay pays paying sold sell sells lost lose loses raised
    raise raises earned earn earns made make makes bought buy buys invested invest invests
    donated donate donates received receive receives generated generate generates owed owe
    owes borrowed borrow committed commit commits pledged pledge pledges settled settle
    signed charged charge charges cost costs fined fines took bet bets won win wins saved
    save saves offered offer offers awarded gave acquired acquire acquires
    purchased purchase purchases
    joined arrived moved leaving""".split()  # a transfer: "Neymar arrived for 222 million
    # euros", "Ikone leaving for less than 20 million euros"
)

# after a currency word, what says when or how often, not what for: "euros per year"
_AFTER_CURRENCY = frozenset("per a an annually each every later over more".split())

# what a sum can be, named before it when nothing after it says: "a combined market
# value over 112 million euros", "clubs losses 245 million euros"
_MONEY_NOUNS = frozenset(
    """revenue revenues value valuation loss losses amount fee fees budget budgets price
    fare fares
    income profit profits wage wages salary salaries debt debts turnover investment
    investments spending fine fines payment payments sponsorship prize
    earnings takings bonus compensation""".split()
)

_SUM_WORDS = frozenset(
    "estimated whopping additional extra another further total reported reportedly record".split()
)

# what may follow a currency word and say what the sum is for: "euros in add-ons"
_FOR_SUM = _MONEY_FOR | frozenset({"on", "worth", "of"})

# what goes on a verb phrase after a sum: "spent on new players", "investing into City"
_LINKS = _FOR_SUM | frozenset({"into"})

# how often a sum is paid: "per year", "a year"
_RATE = frozenset("per a an each every".split())

# a singular currency word is said before what the sum is for: "a 400 million pound deal"
_ADJECTIVAL = frozenset("pound dollar euro riyal".split())

# words after a sum that say nothing of what it is for: "pounds according to", "dollars
# last year", "euros including", "pounds extra"
_NO_PURPOSE = (
    frozenset(
        """according including despite towards toward through back again extra upfront plus
        alongside instead overall altogether apiece bringing making meaning taking giving
        leaving putting pushing last next this much all each both total net""".split()
    )
    | _WHEN
    | _TIME_ADVERBS
    | _LINKS
)

# between what has a worth and the worth: "has an estimated worth", "which is valued"
_HAS_WORTH = frozenset(
    "is was are were has have had an a estimated which that that's be been now".split()
)

# what makes "one" a count: "at least one person", "only one city", "just one stop"
_ONE_LIMITS = frozenset("least only just exactly single and than with of".split())

_FRACTIONS = frozenset("half third thirds quarter quarters fifths sixths tenths".split())
# parts said as ordinals, fractions only as "one tenth of" ("20 sixth form students")
_PARTS = frozenset("fifth sixth tenth".split())
# nouns a number after which labels when nothing counted follows ("day two of trying",
# "episode 12 of the podcast", "round three"; not "that day 40,000 fans")
_NUMBERED = frozenset("day round episode season week lap hole volume edition".split())

# verbs after "the two": the number stands for a group named before ("the six hold")
_GROUP_VERBS = frozenset("hold held have had are were met agreed both all".split())
