"""Word pairs with a common word: the index terms that make phrases of frequent words fast.

A phrase such as "is that" or "the covid" makes the index walk two long lists of videos
and read word positions in every video holding both: at a million videos it is the
slowest query there is (0.2 s in tantivy alone; bench/search.py). Like Lucene's
CommonGrams (and Elasticsearch's ``index_phrases``), the index also holds each pair of
neighbouring words where either word is among the most frequent English words, as one
term ("is|that"): a two-word phrase with a common word becomes the lookup of one term.
Pairs of two uncommon words are not indexed: their lists are short and their phrase
query already fast.

``COMMON`` is part of the index format (``fulltext.FORMAT``): a changed list needs a
rebuilt index, so it is written out here rather than read from a word list at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

# The 100 most frequent English words (wordfreq's top_n_list("en", 100), 2026), split as
# the index splits words, and the word pieces of contractions ("it's", "they've").
COMMON = frozenset(
    """
    the to and of a in i is for that you it on with this was be as are have at he not by
    but from my or we an your all so his they me if one can will just like about up out
    what has when more do no were who had s their there her which time get been would she
    new people how don t some also them now other m its our than good only after first
    him into know see two make over think any then could back these us want because go
    well said ve re ll d
    """.split()
)
JOIN = "|"  # never inside a word (words are runs of letters and digits)


def pair(first: str, second: str) -> str:
    """The index term of two neighbouring (folded) words."""
    return f"{first}{JOIN}{second}"


def paired(words: Sequence[str]) -> bool:
    """Whether the index holds the two (folded) words as one pair term."""
    return len(words) == 2 and (words[0] in COMMON or words[1] in COMMON)


def pair_terms(words: Sequence[str]) -> str:
    """The pair terms of a text's (folded) words, space-separated, in order."""
    return " ".join(pair(a, b) for a, b in pairwise(words) if a in COMMON or b in COMMON)
