"""How outlets differ: the words and phrases each outlet uses distinctively.

Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
"Fightin' Words"): for outlet *i* against all the other outlets, word *w* gets

    delta = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
          - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    z     = delta / sqrt(1 / (y_iw + a_w) + 1 / (y_jw + a_w))

where the prior a_w = a_0 * (share of w in all the texts compared), so frequent words
need much more evidence than rare ones. Unigrams and bigrams of the index's folded
tokens, stop words left out of unigrams and bigrams made only of stop words. Pure.

``compare_outlets`` puts the terms together with each outlet's first video and the
numbers it reported.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from newsreel.rows import (
    CompareRow,
    Comparison,
    DistinctiveTerm,
    OutletClaim,
    OutletCoverage,
    VideoRef,
)
from newsreel.stories.features import STOP
from newsreel.text import tokens, untagged

PRIOR = 500.0
MIN_COUNT = 3
UNKNOWN = "(unknown)"


def ngrams(text: str) -> Counter[str]:
    """Unigrams (no stop words or fillers) and bigrams (of two words neither a stop word
    nor a filler, not one word twice: "speech speech" is a caption's stutter); never
    what a contraction leaves ("don" of "don't", "ve" of "we've"), a number ("two",
    "40"), a web address's "com" or a caption's tag ("[Music]", "(slow electronic
    music)")."""
    words = [
        w
        for w in tokens(untagged(text, asides=True))
        if not w.isdigit() and w not in _CONTRACTED and w not in _NUMBERS and w not in _WEB
    ]
    counts: Counter[str] = Counter(
        w for w in words if w not in STOP and w not in FILLERS and len(w) > 2
    )
    counts.update(
        f"{a} {b}"
        for a, b in itertools.pairwise(words)
        if a != b
        and not (a in STOP or b in STOP or a in FILLERS or b in FILLERS)
        and len(a) > 1
        and len(b) > 1
    )
    return counts


def log_odds(
    groups: Mapping[str, Counter[str]],
    *,
    prior: float = PRIOR,
    top: int = 15,
    min_count: int = MIN_COUNT,
) -> dict[str, list[DistinctiveTerm]]:
    """Each group's most distinctive terms against the others: term, z, count."""
    background: Counter[str] = Counter()
    for counts in groups.values():
        background.update(counts)
    total = sum(background.values())
    out: dict[str, list[DistinctiveTerm]] = {}
    if not total:
        return {name: [] for name in groups}
    for name, counts in groups.items():
        n_i = sum(counts.values())
        n_j = total - n_i
        scored = []
        for term, y_i in counts.items():
            if y_i < min_count:
                continue
            a_w = prior * background[term] / total
            y_j = background[term] - y_i
            rest_i, rest_j = n_i + prior - y_i - a_w, n_j + prior - y_j - a_w
            if rest_i <= 0 or rest_j <= 0:
                continue  # the term is all there is to say: nothing to set it against
            left = math.log((y_i + a_w) / rest_i)
            right = math.log((y_j + a_w) / rest_j)
            z = (left - right) / math.sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))
            scored.append((z, term, y_i))
        scored.sort(key=lambda s: (-s[0], s[1]))
        own = set(tokens(name))  # "france" is no word of FRANCE 24's coverage
        kept = [(z, t, c) for z, t, c in scored if round(z, 2) > MIN_Z and not own & set(t.split())]
        out[name] = [DistinctiveTerm(t, round(z, 2), c) for z, t, c in _unrepeated(kept)[:top]]
    return out


def _unrepeated(ranked: Sequence[tuple[float, str, int]]) -> list[tuple[float, str, int]]:
    """Ranked terms less a word said mostly inside one distinctive phrase: "donald trump"
    leaves out "donald", and "trump" where most of its uses are the phrase's."""
    phrases = [(t.split(), c) for _, t, c in ranked if " " in t]
    return [
        (z, term, count)
        for z, term, count in ranked
        if " " in term or not any(term in words and 2 * c >= count for words, c in phrases)
    ]


_NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion".split()
)
_WEB = frozenset("com www http https org".split())

# a distinctive term is used more than by the others (z above 0: with the prior's
# shrinkage, a term said 5 times by one outlet and never by another scores about 0.6)
MIN_Z = 0.0

# what tokenising a contraction leaves of its verb: "don't" -> "don", "t"; "we've" ->
# "ve"; "they'll" -> "ll"
_CONTRACTED = frozenset(
    "don doesn didn isn aren wasn weren won wouldn couldn shouldn hasn haven hadn ain "
    "mustn needn ve ll re".split()
)
# words of talk, not of what is told: no outlet's coverage is "probably" or "basically"
FILLERS = frozenset(
    "probably basically sure absolutely actually really obviously certainly definitely "
    "literally clearly simply exactly perhaps maybe indeed course terms kind sort lot "
    "thing things yeah okay gonna wanna gotta"
    # verbs of talking to the viewer or the guest: "I want to ask", "let me", "I mean",
    # "welcome to the programme", "it comes as" (a new-user review found them topping
    # FRANCE 24's and The News Agents' distinctive words)
    " want wants wanted let ask asked asking mean means meant come comes coming came "
    "welcome thank thanks saying talk talking tell telling look looking hear heard guess "
    "think thinking know".split()
)


def by_outlet(rows: Iterable[tuple[str | None, str]]) -> dict[str, Counter[str]]:
    """(outlet, text) rows -> n-gram counts per outlet."""
    groups: dict[str, Counter[str]] = {}
    for channel, text in rows:
        groups.setdefault(channel or UNKNOWN, Counter()).update(ngrams(text))
    return groups


def compare_outlets(
    compared: str, rows: Sequence[CompareRow], claims: Iterable[OutletClaim], *, top: int = 15
) -> Comparison:
    """Per outlet of the compared videos: how many (and how many undated), the first
    dated one, the numbers reported (``claims``, oldest first) and the ``top``
    distinctive terms (none when one outlet covered it all); the outlet that reported
    first comes first, undated outlets last (then by name)."""
    outlets = {r.channel or UNKNOWN for r in rows}
    # one outlet has no other to differ from: its "distinctive" words would be noise
    terms = (
        log_odds(by_outlet((r.channel, r.text) for r in rows), top=top) if len(outlets) > 1 else {}
    )
    videos: Counter[str] = Counter()
    undated: Counter[str] = Counter()
    first: dict[str, VideoRef] = {}
    numbers: dict[str, list[OutletClaim]] = {}
    for row in sorted(rows, key=lambda r: (r.publish_date is None, r.publish_date or date.min)):
        channel = row.channel or UNKNOWN
        videos[channel] += 1
        undated[channel] += row.publish_date is None
        numbers.setdefault(channel, [])
        if channel not in first and row.publish_date:
            first[channel] = VideoRef(row.video_id, row.title, row.publish_date)
    for claim in claims:
        numbers.setdefault(claim.channel or UNKNOWN, []).append(claim)

    def order(channel: str) -> tuple[str, str]:
        day = first[channel].publish_date if channel in first else None
        return (day.isoformat() if day else "9999", channel)

    return Comparison(
        compared,
        len(rows),
        tuple(
            OutletCoverage(
                channel,
                videos[channel],
                first.get(channel),
                tuple(numbers[channel]),
                tuple(terms.get(channel, [])),
                undated[channel],
            )
            for channel in sorted(numbers, key=order)
        ),
    )
