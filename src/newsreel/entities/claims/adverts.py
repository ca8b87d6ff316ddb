"""Sponsors' reads (pure): podcast adverts between the news, whose numbers are no claims."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ADVERT = re.compile(
    r"promo code|offer code|use code|with code|discount code|terms apply|terms and "
    r"conditions apply|sitewide|free shipping|free trial|first order|your first \w+ orders|"
    r"first purchase|delivery fee|download (?:the|our) app|"
    r"savings will vary|save by switching|\bdot com slash\b|"
    r"\b\d+% off\b|\boff your\b|(?:go to|going to|visit|head to|head over to|sign up at|"
    r"join at|\bat) (?:\w+ ){0,2}\S+(?:\.| dot )(?:com|co\.uk|org)\b|\b\w+\.com/\w+",
    re.IGNORECASE,
)

# what a sponsor's read sells, in the sentences around its web address: "cashmere
# sweaters from just 60 bucks", "$15 a month premium wireless"
_SELLING = re.compile(
    r"\bbucks\b|\bper month\b|\ba month\b|\bsubscriptions?\b|\bdiscounts?\b|"
    r"\bfrom just\b|\bsavings\b|\bpremium\b",
    re.IGNORECASE,
)
_AROUND = 2  # sentences on either side of a sponsor's address that may be its read


def advert(sentence: str) -> bool:
    """Whether a sentence is an advert's ("Save 25% ... with code SAVE", "go to
    wise.com", "free shipping on your first order", "at mint mobile dot com"):
    podcasts read their sponsors between the news, whose numbers are no claims."""
    return bool(_ADVERT.search(sentence))


def adverts(sentences: Sequence[str]) -> set[int]:
    """The sentences of a sponsor's read: those ``advert`` marks, and those within two
    sentences of one that sell something ("cashmere sweaters from just 60 bucks" before
    the address)."""
    marked = {n for n, sentence in enumerate(sentences) if advert(sentence)}
    near = {
        n
        for m in marked
        for n in range(max(0, m - _AROUND), min(len(sentences), m + _AROUND + 1))
        if n not in marked and _SELLING.search(sentences[n])
    }
    return marked | near
