"""What a verb of change changed, for a share or sum with no noun of its own: where the
verb stands before the number ("fell by", "was close to", "grew from X to"), where what
changed ends before it, and what it changed when named after it ("cut its aid budget by
40%")."""

from __future__ import annotations

from collections.abc import Sequence

from newsreel.entities.claims.numbers import _noun, _number_at, _past, _range_start
from newsreel.entities.claims.phrases import _named
from newsreel.entities.claims.words import (
    _ABOUT,
    _AUXILIARIES,
    _BE,
    _BEFORE_CHANGE,
    _CHANGE,
    _CHANGE_HOW,
    _CHANGE_WHAT,
    _DETERMINERS,
    _LIKELY,
    _NEAR,
    _STOP,
)
from newsreel.repair.clean import bare


def _changed_object(
    forms: Sequence[str], words: Sequence[str], s: int, i: int, *, counts: bool = False
) -> str | None:
    """What a verb changed, named after it, for a share or a sum: "increased the club's
    youth budget to 10 million euros" -> "club's youth budget", "cut its aid budget by
    40%" -> "aid budget", "raised prices by 5%" -> "prices"; no adverb, pronoun or second
    article ("increased rapidly to"). A bare count (``counts``) only when the verb changed
    "the number of" something ("increase the number of players from 21,000 to 200,000";
    "cut power to 20,000" counts homes, not power)."""
    j = i - 1
    while j > s and words[j] in _ABOUT and words[j] != "to":
        j -= 1  # "to almost", "by more than"
    if j > s and words[j] == "to":
        j = _from_before(words, s, j)  # "from 21,000 to": what changed is before "from"
    if j <= s or words[j] not in ("to", "by", "from"):
        return None
    while j - 1 > s and words[j - 1] in _CHANGE_HOW:
        j -= 1  # "cut the number of substitutes back to 3"
    for v in range(j - 1, max(s - 1, j - 9), -1):
        if words[v] in _CHANGE_WHAT:
            break
        counted = counts and _past(words[v]) and "of" in words[max(s, v - 3) : v]  # "of registered"
        if forms[v][-1:] in ".,?!;:" or not (
            _named(words[v]) or words[v] in _DETERMINERS or words[v] == "of" or counted
        ):
            return None
    else:
        return None
    first = v + 1 + (words[v + 1] in _DETERMINERS)
    out = [bare(forms[k]) for k in range(first, j)]
    if not out or words[first] == "of" or words[j - 1] == "of":
        return None
    if any(words[k] in _DETERMINERS for k in range(first, j)):
        return None
    if counts and words[first : first + 2] != ["number", "of"]:
        return None
    return " ".join(out)


def _changed_end(words: Sequence[str], s: int, j: int) -> int | None:
    """Where what changed ends, before the verb of change at ``j``: past "have actually"
    and "which", past "is expected to" ("Inflation is expected to fall"), at "to" after
    a noun ("growth to decelerate"); None after "going to" or another non-noun."""
    j0 = j
    while j - 1 > s and words[j - 1] in _BEFORE_CHANGE:
        j -= 1
    if j != j0 or j - 1 <= s or words[j - 1] != "to":
        return j
    j -= 1
    if words[j - 1] in _LIKELY or _past(words[j - 1]):
        j -= 1  # what is expected to change
        while j - 1 > s and words[j - 1] in _BE:
            j -= 1
        return j
    return None if words[j - 1].endswith("ing") or not _noun(words[j - 1]) else j


def _change_before(words: Sequence[str], s: int, i: int) -> int | None:
    """Where the verb of change or being before the number at ``i`` is: "fell by",
    "was close to", "stood at just under", "is up by", "rose (by) between 3% and"."""
    j = i - 1
    start = _range_start(words, s, i)  # the second number of a range: "3 to", "3% and"
    if start < i - 1 and _number_at(words, start) and words[i - 1] in ("to", "or", "and"):
        between = start > s and words[start - 1] == "between"
        if words[i - 1] != "and" or between:
            j = start - 1
    if j > s and words[j] == "between":
        j -= 1  # "rose (by) between 3% and 5%"
    while j > s and (words[j] in _ABOUT or words[j] in _NEAR) and words[j] not in ("a", "an"):
        if words[j] == "to" and (k := _from_before(words, s, j)) < j:
            j = k  # "grew from 15 billion dollars in 1973 to"
            break
        j -= 1  # "was close to", "just under"
    if j >= s and words[j] in ("by", "to", "at", "from"):
        j -= 1
    if j > s and words[j] in _CHANGE_HOW and words[j - 1] in _CHANGE:
        j -= 1  # "fallen back by"
    if j >= s + 1 and words[j] in ("up", "down") and words[j - 1] in _AUXILIARIES:
        j -= 1  # "attendance is up by 143 percent"
    if j >= s + 1 and (words[j], words[j - 1]) in _SHARE_VERBS:
        return j - 1  # "Oil accounts for 53%"
    if j >= s and j + 1 < i and (words[j + 1], words[j]) in _SHARE_VERBS:
        return j  # "Egyptians make up 9.35" ("up" is read as "about" above)
    return j if j >= s and words[j] in _CHANGE else None


# (particle, verb) that say what share a thing is: "make up 12.5 percent"
_SHARE_VERBS = frozenset(
    [("up", v) for v in ("make", "makes", "made", "making")]
    + [("for", v) for v in ("account", "accounts", "accounted", "accounting")]
)


def _from_before(words: Sequence[str], s: int, j: int) -> int:
    """The "from" of a "from X to" range that ends at ``j``'s "to" ("grew from 15 billion
    dollars in 1973 to"), else ``j``."""
    for k in range(j - 2, max(s, j - 8), -1):
        if words[k] == "from" and _number_at(words, k + 1):
            return k
        if words[k] in _CHANGE or (words[k] in _STOP and words[k] not in ("in", "of")):
            break
    return j
