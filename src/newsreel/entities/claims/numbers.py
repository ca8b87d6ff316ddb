"""Numbers as captions write them: digits, number words, scale words, ranges and signs."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from newsreel.entities.claims.words import (
    _DEGREES,
    _DETERMINERS,
    _DIGITS,
    _GLUED,
    _K,
    _NOT_SUBJECT,
    _SCALE,
    _SCALE_WORDS,
    _SIGNED_SCALE,
    _STOP,
    _TENS,
    _THOUSANDS,
    _UNITS,
    _WHEN,
    _WORDS,
    _YEAR,
)
from newsreel.repair.clean import FILLERS, bare


def _no_number(words: Sequence[str], i: int) -> bool:
    """Whether token ``i`` reads as a number but is none: "one of the ...", "one
    another's players" (a pronoun), "9 11" (the attacks)."""
    after = words[i + 1] if i + 1 < len(words) else ""
    pronoun = words[i] == "one" and after in ("of", "another", "another's", "another’s")
    return pronoun or _nine_eleven(words, i)


def _nine_eleven(words: Sequence[str], i: int) -> bool:
    """Whether token ``i`` is part of "9/11" as captions write it ("9 11", "9-11")."""
    here = words[i]
    if here in ("9/11", "9-11"):
        return True
    after = words[i + 1] if i + 1 < len(words) else ""
    before = words[i - 1] if i > 0 else ""
    return (here == "9" and after == "11") or (here == "11" and before == "9")


def _number_at(words: Sequence[str], i: int, end: int | None = None) -> tuple[float, int] | None:
    """(value, tokens used) of a number starting at token ``i``: digits or number words,
    compounds included ("a hundred and eighty eight million" is 188,000,000); None past
    the last token. ``end``: where the sentence ends (a number never runs past it:
    "a cost of 150. 000 of them" is 150)."""
    stop = len(words) if end is None else min(end, len(words))
    if i >= stop or _no_number(words, i):
        return None
    if (
        words[i] == "half"
        and words[i + 1 : i + 2] == ["a"]
        and words[i + 2 : i + 3] in _SCALE_WORDS
    ):
        return _SCALE[words[i + 2]] / 2, 3  # "half a million"
    total = current = 0.0
    started = False
    j = i
    while j < stop:
        word = words[j]
        nxt = words[j + 1] if j + 1 < stop else ""
        step = _number_step(word, nxt, started, total, current, words[j - 1] if j > i else "")
        if step is None:
            break
        total, current = step
        started = True
        j += 1
        while j < stop and _thousands(word, words[j]):
            current = current * 1000 + float(words[j])  # captions' "80 000"
            word = words[j]
            j += 1
        tail = _tail(words, j)
        if tail is not None:
            current += tail[0]
            j += tail[1]
            continue
        if _DIGITS.match(word) and not _scale_follows(words, j):
            break
    while j > i and words[j - 1] in ("and", "a"):
        j -= 1
    if j == i or (j == i + 1 and words[i] == "a"):
        return None
    if j == i + 1 and _YEAR.match(words[i]) and not _round_count(words, i):
        return None  # a year, not a count
    if (
        words[j - 1] in _SCALE
        and words[j : j + 3] == ["and", "a", "half"]
        and words[j + 3 : j + 4] != ["of"]
    ):
        return total + current + _SCALE[words[j - 1]] / 2, j + 3 - i  # "a million and a half"
    return total + current, j - i


# a time preposition before "about 1900": a year ("Since about 2000 prices have")
_BEFORE_YEAR = frozenset("since until till in from before after during".split())
# words before a round number that make it a count, not a year: "over 2000 meters"
_COUNT_BEFORE = frozenset(
    "over than about around almost nearly some roughly approximately least only just merely".split()
)


def _round_count(words: Sequence[str], i: int) -> bool:
    """Whether a number written like a year (token ``i``) counts things: a round hundred
    after "over", "about" and the like, before a plural noun ("over 2000 meters",
    "nearly 1500 fans"); not "in 2000 people", "the 2000 Olympics" nor "about 2019"."""
    after = words[i + 1] if i + 1 < len(words) else ""
    return (
        i > 0
        and words[i - 1] in _COUNT_BEFORE
        and (i < 2 or words[i - 2] not in _BEFORE_YEAR)  # "until about 1900 horses": a year
        and int(words[i]) % 100 == 0
        and after.endswith("s")
        and _noun(after)
    )


def _tail(words: Sequence[str], j: int) -> tuple[float, int] | None:
    """(value added, tokens used) of the words at ``j`` that go on a number before its
    scale word: "2 and a half thousand", "thirty nine point eight million", "660 odd
    thousand people" (about 660,000); None where none do."""
    if words[j : j + 3] == ["and", "a", "half"] and (
        words[j + 3 : j + 4] in _SCALE_WORDS
        or words[j + 3 : j + 4] == ["percent"]
        or words[j + 3 : j + 5] == ["per", "cent"]
    ):
        return 0.5, 3  # "2 and a half thousand", "two and a half percent"
    if words[j : j + 3] == ["and", "a", "half%"]:
        return 0.5, 3  # "two and a half%"
    if words[j : j + 1] == ["point"] and j + 1 < len(words) and words[j + 1] in _UNITS[:10]:
        return _WORDS[words[j + 1]] / 10, 2
    if words[j : j + 1] == ["odd"] and words[j + 1 : j + 2] in _SCALE_WORDS:
        return 0.0, 1
    return None


def _follows(current: float, word: str) -> bool:
    """Whether number word ``word`` goes on a number read so far as ``current``: after a
    round hundred or none ("a hundred and five", "two thousand five"), a unit after a
    round ten ("twenty two"); not a unit after a unit ("two two bites": a stammer, not
    4) nor a ten after a ten."""
    rest = current % 100
    return rest == 0 or (rest >= 20 and rest % 10 == 0 and word in _UNITS[1:10])


def _restated_scale(before: str, word: str) -> bool:
    """Whether a scale word follows one as large or larger ("billion million", "million
    million"): a restart, not a compound ("hundred thousand" is one)."""
    return before in _SCALE and word in _SCALE and _SCALE[before] >= _SCALE[word]


def _thousands(word: str, nxt: str) -> bool:
    """Whether ``nxt`` is the next group of thousands of the digits ``word`` ("80 000"):
    three digits after a group of one to three, and not the same again ("100 100
    million" is said twice) nor after a year ("from 2009 to 2014, 680 workers")."""
    return (
        bool(_THOUSANDS.match(nxt))
        and word.isdigit()
        and len(word) <= 3
        and (nxt != word or word == "000")
    )


def _spoken_year(forms: Sequence[str], words: Sequence[str], i: int) -> int:
    """The tokens of a year said aloud starting at ``i`` ("twenty twenty two", "nineteen
    ninety nine", "twenty 22"; "two thousand and 22" after "in", "since", "the" ... or
    before a capitalised name: "the two thousand 22 World Cup"), else 0: a year is no
    count."""
    end = len(words)
    if i + 1 < end and words[i] in ("twenty", "nineteen"):
        k = _year_end(words, i + 1, "oh")
        return k - i if k > i + 1 else 0
    if words[i : i + 2] != ["two", "thousand"]:
        return 0
    j = i + 2 + (words[i + 2 : i + 3] == ["and"])
    k = _year_end(words, j, "")
    before = words[i - 1] if i > 0 else ""
    capital = k < end and forms[k][:1].isupper() and forms[k - 1][-1:] not in ".?!"
    return k - i if k > j and (before in _WHEN or before in ("the", "of") or capital) else 0


def _year_end(words: Sequence[str], j: int, oh: str) -> int:
    """The token after a year's last two digits said from token ``j`` (a tens word and a
    unit, a number from ten to nineteen, two digits; "oh" and a unit where ``oh`` is
    given: "nineteen oh five"), or ``j`` itself where none are said."""
    word = words[j] if j < len(words) else ""
    nxt = words[j + 1] if j + 1 < len(words) else ""
    if word in _TENS:
        return j + 1 + (nxt in _UNITS[1:10])
    if word in _UNITS[10:] or (word.isdigit() and len(word) == 2):
        return j + 1
    if oh and word == oh and nxt in _UNITS[1:10]:
        return j + 2
    return j


def _scaled_token(word: str) -> float | None:
    """The value of a number written with its scale in one token: "27k" (thousands),
    "£265m", "$1.5bn" (millions and billions after a currency sign); else None."""
    if _K.match(word):
        return float(word.strip("$£€k").replace(",", "")) * 1000
    if scaled := _SIGNED_SCALE.match(word):
        return float(scaled.group(1)) * (1e6 if scaled.group(2) == "m" else 1e9)
    return None


def _number_step(
    word: str, nxt: str, started: bool, total: float, current: float, before: str = ""
) -> tuple[float, float] | None:
    """(total, current) once ``word`` (followed by ``nxt``, after ``before``) is read into
    a number, or None where the number ends before it."""
    if _restated_scale(before, word):
        return None  # "26 billion million euros": the speaker said the scale again
    if not started and (scaled := _scaled_token(word)) is not None:
        return total, scaled  # "your 27k", "£265m", "$1.5bn"
    if _DIGITS.match(word) and not (started and current):
        return total, current + float(word.strip("$£€%").replace(",", ""))
    if word == "dozen" and started and current:
        return total, current * 12  # "three dozen"
    if word in _WORDS and (not started or _follows(current, word)):
        return total, current + _WORDS[word]
    if word == "a" and not started and (nxt in _SCALE or nxt in ("dozen", "100", "1000")):
        return total, 1.0 if nxt in _SCALE else 0.0  # "a million"; "a 100" is "a hundred"
    if word == "hundred" and started:
        return total, max(current, 1.0) * 100
    if word == "mil" and (total or current >= 1000):
        return None  # "40,000 mil personnel": military, not a million
    if word in _SCALE and word != "hundred" and started:
        return total + (current or 1.0) * _SCALE[word], 0.0  # "0.3 million": 300,000
    if started and current and (said := _said_scale(word, nxt, total, current)) is not None:
        return said  # "nine grand a year": £9,000
    if (
        word == "and"
        and started
        and (total or current >= 100)
        and (nxt in _WORDS or nxt == "hundred")
    ):
        return total, current  # "a hundred and five"; not "between five and six"
    return None


def _scale_follows(words: Sequence[str], j: int) -> bool:
    """Whether token ``j`` goes on the number before it as its scale: "million",
    "dozen", "grand", a caption's "th000", or a scale's letter then its word ("350 m
    million euros")."""
    nxt = words[j] if j < len(words) else ""
    lettered = nxt in ("m", "bn") and words[j + 1 : j + 2] in (["million"], ["billion"])
    return nxt in _SCALE or nxt in ("dozen", "grand", "th000") or lettered


def _said_scale(word: str, nxt: str, total: float, current: float) -> tuple[float, float] | None:
    """(total, current) once a scale said in a caption's own way is read after a number
    ``current``: "nine grand" (£9,000), "20.6 th000 supporters" ("thousand" half in
    digits; not "5,000 th000 fans", said again), the "m" of "350 m million euros"; None
    for any other word."""
    if word == "grand":
        return total + current * 1000, 0.0
    if word == "th000" and current < 1000:
        return total + current * 1000, 0.0
    if word in ("m", "bn") and nxt in ("million", "billion"):
        return total, current
    return None


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


def _range_scaled(
    words: Sequence[str], i: int, used: int, after: int, end: int, value: float, second: float = 0
) -> float:
    """The first end of a range with the second's scale: "25 to 50 million" -> 25 million;
    "six to 800 missiles" (six hundred to eight hundred, captioned) -> 600; "30 to 40,000
    troops" (thirty to forty thousand) -> 30,000."""
    if any(w in _SCALE for w in words[i : i + used]) or value >= 1000:
        return value
    scales = [_SCALE[w] for w in words[after:end] if w in _SCALE]
    if scales:
        return value * scales[-1]
    if value.is_integer() and 1 <= value <= 9 and second >= 100:
        power = float(10 ** (len(str(int(second))) - 1))
        lead = second / power
        if lead.is_integer() and value < lead:  # "six to 800": its hundreds said once
            return value * power
    if value.is_integer() and 10 <= value < 1000 and second >= 10_000 and second % 1000 == 0:
        lead = second / 1000
        if value < lead < value * 10:  # "30 to 40,000 troops": its thousands said once
            return value * 1000
    return value


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


_GUESSED = frozenset("maybe perhaps possibly".split())  # a second guess at a number


def _range_end(
    words: Sequence[str], at: int, e: int, between: bool = False
) -> tuple[float, int] | None:
    """(value, end) of the second number of "X or Y" / "X to Y" / "X out of (a possible)
    Y" / "X, maybe Y" starting at ``at``; "X and Y" too ``between`` ("between five and
    six")."""
    start = at + 1
    if words[at : at + 2] == ["out", "of"]:
        start = at + 2 + (words[at + 2 : at + 4] == ["a", "possible"]) * 2
    elif at < e and words[at] in _GUESSED:  # "300, maybe 400 people"
        start = at + 1
    elif words[at : at + 1] == ["or"] and at + 1 < e and words[at + 1] in _GUESSED:
        start = at + 2  # "300 or perhaps 400"
    elif not (at < e and (words[at] in ("or", "to") or (between and words[at] == "and"))):
        return None
    if start < e:
        second = _number_at(words, start)
        if second is not None:
            return second[0], start + second[1]
    return None


def _words_back(
    forms: Sequence[str],
    s: int,
    j: int,
    most: int,
    stop: Callable[[int], bool],
    *,
    own_comma: bool = False,
) -> tuple[list[str], int]:
    """Up to ``most`` words that end at token ``j``, collected backwards to the sentence
    start ``s`` until a token ``stop`` says is no part of the phrase or one that ends in
    punctuation (with ``own_comma``, the phrase's own last word may: "a Porsche,
    which"); and the token the phrase starts at."""
    out: list[str] = []
    k = j
    while k >= s and k > j - most:
        if stop(k) or (forms[k][-1:] in ".,?!;:" and not (own_comma and k == j)):
            break
        out.insert(0, bare(forms[k]))
        k -= 1
    return out, k + 1


def with_pence(words: Sequence[str]) -> list[str]:
    """The words with a price said in pounds and pence (or dollars and cents) read as one
    number: "nine pound 90" is 9.90 ("9.90 pound" and a blank where the 90 was), not
    9 and 90; not before a scale word or a percentage ("5 pounds 20 million"); cents or
    pence said alone are hundredths ("30 cents" is 0.3)."""
    out = list(words)
    for k in range(len(out) - 1):
        whole = _number_at(out, k, k + 1)
        if whole is None:
            continue
        if out[k + 1] in _HUNDREDTHS and out[k].isdigit() and 0 < whole[0] < 100:
            out[k] = f"{whole[0] / 100:g}"  # "30 cents a worker" (not "my two cents")
            continue
        if k + 2 >= len(out) or out[k + 1] not in _WHOLE_UNITS or not whole[0] < 1000:
            continue
        cents = _CENTS.get(out[k + 2]) or (int(out[k + 2]) if _TWO_DIGITS.match(out[k + 2]) else 0)
        after = out[k + 3] if k + 3 < len(out) else ""
        if cents and float(whole[0]).is_integer() and after not in _SCALE and after != "percent":
            out[k], out[k + 2] = f"{int(whole[0])}.{cents:02d}", ""
    return out


# currencies said with their hundredths after them: "nine pound 90", "five dollars fifty"
_WHOLE_UNITS = frozenset("pound pounds quid dollar dollars euro euros".split())
_HUNDREDTHS = frozenset({"cents", "pence"})  # "30 cents": said alone, a hundredth
_CENTS = {w: 20 + 10 * n for n, w in enumerate(_TENS)}
_TWO_DIGITS = re.compile(r"^[1-9]\d$")


def _range_start(words: Sequence[str], s: int, i: int) -> int:
    """The first token of the range or list of numbers that ends at token ``i``
    ("minus 20 -30", "minus 20, minus 25", "between 3% and 5%")."""
    while i - 1 > s and (_number_at(words, i - 1) or words[i - 1] in ("minus", "to", "and", "or")):
        i -= 1
    return i


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
