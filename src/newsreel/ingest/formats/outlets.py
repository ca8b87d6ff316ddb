"""Recognising the outlet named at the end of a video title, and guessing a language.

Titles end with '| DW News', '• FRANCE 24 English' or '- BBC News', but also with
topics ('| Klopp', '| World Cup 2022'). A suffix counts as an outlet when it is a known
outlet or reads like one (a word such as News, TV or Documentary in it).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from newsreel.errors import ConfigError

OUTLETS = Path(__file__).parents[1] / "outlets.toml"  # the shipped outlet alias file


@lru_cache(maxsize=4)
def shipped_outlets(path: Path = OUTLETS) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(name, spellings) of each outlet of the alias file; ``ConfigError`` saying where
    it is broken."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read the outlet aliases {path}: {exc}") from None
    out = []
    for number, entry in enumerate(data.get("outlet", []), start=1):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f'{path}: outlet {number} has no name; give it name = "..."')
        out.append((name, tuple(str(s) for s in entry.get("aliases", []))))
    return tuple(out)


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """The outlets a title suffix may name: the list below and every spelling of the
    alias file but folder codes such as ``en_DW`` ("| Deutsche Welle" is DW News)."""
    try:
        spellings = [s for name, aliases in shipped_outlets() for s in (name, *aliases)]
    except ConfigError:  # reported, with where, when records are archived
        spellings = []
    return KNOWN_OUTLETS | {s.casefold() for s in spellings if "_" not in s}


KNOWN_OUTLETS = frozenset(
    name.casefold()
    for name in (
        "DW News",
        "DW",
        "FRANCE 24 English",
        "FRANCE 24",
        "BBC News",
        "BBC Newsnight",
        "BBC",
        "Al Jazeera English",
        "Al Jazeera",
        "Sky News",
        "CNN",
        "CNN-News18",
        "NBC News",
        "ABC News",
        "CBS News",
        "Fox News",
        "MSNBC",
        "Reuters",
        "Associated Press",
        "AP",
        "TRT World",
        "WION",
        "euronews",
        "Channel 4 News",
        "ITV News",
        "PBS NewsHour",
        "VICE News",
        "The Guardian",
        "Guardian News",
        "Guardian Investigations",
        "NYT News",
        "The New York Times",
        "Washington Post",
        "Bloomberg",
        "CNBC",
        "Times Radio",
        "GB News",
        "talkSPORT",
        "ESPN FC",
        "ESPN",
        "CBS Sports Golazo",
        "Sky Sports",
        "Real Stories",
        "The News Agents",
        "Vox",
        "60 Minutes",
        "Middle East Eye",
        "i24NEWS English",
        "TRT",
        "CGTN",
        "NDTV",
    )
)
_OUTLET_WORDS = frozenset(
    {
        "news",
        "tv",
        "24",
        "documentary",
        "stories",
        "investigations",
        "newsnight",
        "fc",
        "english",
        "channel",
        "network",
        "radio",
        "newshour",
        "media",
    }
)
_SUFFIX = re.compile(r"\s(?:\||•|｜)\s*([^|•｜]{2,48}?)\s*$")
_DASH_SUFFIX = re.compile(r"\s[-–—]\s+([^-–—]{2,40}?)\s*$")
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)

_STOPWORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the and of to a in that is it for you was on are with this we be have",
        "es": "el la de que y en los se del las un por con una para es lo como",
        "fr": "le la les de des et est que un une pour dans qui pas sur il ce en",
        "de": "der die das und ist nicht ein eine zu den von mit sich des auf für",
        "pt": "o a os as de que e do da em um uma para com não se por mais",
        "it": "il di che e la per un una non sono è del della con si le gli",
    }.items()
}
_MIN_SHARE = 0.15
_SAMPLE = 400


def is_outlet(name: str) -> bool:
    """True if ``name`` is a known outlet or reads like one."""
    folded = name.casefold().strip()
    if folded in _known():
        return True
    words = set(_WORDS.findall(folded))
    return bool(words & _OUTLET_WORDS) or folded.split(" ")[0] in _known()


def outlet_from_title(title: str | None) -> str | None:
    """Return the outlet a title ends with ('| DW News'), or None."""
    if not title:
        return None
    for pattern, strict in ((_SUFFIX, False), (_DASH_SUFFIX, True)):
        match = pattern.search(title)
        if not match:
            continue
        name = match.group(1).strip()
        if strict and name.casefold() not in _known():
            continue
        if is_outlet(name):
            return name
    return None


def guess_language(text: str) -> str | None:
    """Guess a transcript's language from its commonest words; None if unsure."""
    words = _WORDS.findall(text[: _SAMPLE * 12].casefold())[:_SAMPLE]
    if len(words) < 20:
        return None
    best, share = None, 0.0
    for code, stop in _STOPWORDS.items():
        hits = sum(1 for w in words if w in stop) / len(words)
        if hits > share:
            best, share = code, hits
    return best if share >= _MIN_SHARE else None
