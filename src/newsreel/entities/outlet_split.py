"""A reporter's name run into the news outlet they sign off with ("Netati BBC News"),
split into the name and the outlet (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from newsreel.entities import ner
from newsreel.entities.names import clean
from newsreel.entities.places import place
from newsreel.entities.spelling import key

# news outlets a reporter signs off with: "Nada Tawfik, BBC News" heard as one name
OUTLETS = tuple(
    tuple(o.split())
    for o in (
        "bbc news",
        "sky news",
        "cnn",
        "al jazeera",
        "dw news",
        "france 24",
        "itv news",
        "channel 4 news",
        "reuters",
        "sky sports news",
        "espn",
    )
)


def _rare_word(words: Sequence[str]) -> bool:
    """One word that is no common English word (wordfreq Zipf < 3): a name ("Rer"), not a
    brand's word ("International", "English", "Arabic")."""
    from wordfreq import zipf_frequency  # its lists load on first use

    return len(words) == 1 and zipf_frequency(words[0], "en") < 3.0


def outlet_split(tokens: Sequence[str], m: ner.Mention) -> list[ner.Mention]:
    """A mention that runs a reporter's name into a news outlet ("Netati BBC News") as
    the name (PER where its words are capitalised) and the outlet (ORG); after the
    outlet, only across a comma ("BBC News, Jerusalem") or for one rare word ("Welcome
    to BBC News Rer"): "Sky News Australia" and "CNN International" stay whole."""
    words = [key(t) for t in tokens[m.start : m.end]]
    for outlet in OUTLETS:
        n = len(outlet)
        if len(words) <= n:
            continue
        if tuple(words[-n:]) == outlet:
            rest, at = (m.start, m.end - n), m.end - n
        elif tuple(words[:n]) == outlet and (
            tokens[m.start + n - 1][-1:] == "," or _rare_word(words[n:])
        ):
            rest, at = (m.start + n, m.end), m.start
        else:
            continue
        parts = [ner.Mention(at, at + n, "ORG", " ".join(clean(t) for t in tokens[at : at + n]))]
        named = " ".join(clean(t) for t in tokens[slice(*rest)])
        if rest[0] > at and place(key(named), "LOC") is not None:
            parts.append(ner.Mention(*rest, "LOC", named))  # "BBC News, Jerusalem"
        elif all(w[:1].isupper() for w in named.split()):
            parts.append(ner.Mention(*rest, "PER", named))
        return sorted(parts, key=attrgetter("start"))
    return [m]
