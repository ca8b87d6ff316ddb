"""One spelling per language: ISO 639-1 codes where the source wrote something else.

Sources name languages as ISO 639-2 (``eng``, archive.org), bibliographic or
terminological variants (``ger``/``deu``), BCP 47 tags with a region (``en-US``,
YouTube) or an English name (``English``). A small table covers the languages news
comes in; a library such as pycountry would carry 7,000 languages to map a few dozen.
"""

from __future__ import annotations

import re

# 639-1, then the other spellings met for it: 639-2/B, 639-2/T (= 639-3), English name.
_LANGUAGES = (
    ("af", "afr", "afrikaans"),
    ("am", "amh", "amharic"),
    ("ar", "ara", "arabic"),
    ("az", "aze", "azerbaijani"),
    ("be", "bel", "belarusian"),
    ("bg", "bul", "bulgarian"),
    ("bn", "ben", "bengali", "bangla"),
    ("bs", "bos", "bosnian"),
    ("ca", "cat", "catalan"),
    ("cs", "cze", "ces", "czech"),
    ("cy", "wel", "cym", "welsh"),
    ("da", "dan", "danish"),
    ("de", "ger", "deu", "german"),
    ("el", "gre", "ell", "greek"),
    ("en", "eng", "english"),
    ("es", "spa", "spanish", "castilian"),
    ("et", "est", "estonian"),
    ("eu", "baq", "eus", "basque"),
    ("fa", "per", "fas", "persian", "farsi"),
    ("fi", "fin", "finnish"),
    ("fr", "fre", "fra", "french"),
    ("ga", "gle", "irish"),
    ("gl", "glg", "galician"),
    ("gu", "guj", "gujarati"),
    ("ha", "hau", "hausa"),
    ("he", "heb", "iw", "hebrew"),
    ("hi", "hin", "hindi"),
    ("hr", "hrv", "croatian"),
    ("ht", "hat", "haitian", "haitian creole"),
    ("hu", "hun", "hungarian"),
    ("hy", "arm", "hye", "armenian"),
    ("id", "ind", "in", "indonesian"),
    ("is", "ice", "isl", "icelandic"),
    ("it", "ita", "italian"),
    ("ja", "jpn", "japanese"),
    ("ka", "geo", "kat", "georgian"),
    ("kk", "kaz", "kazakh"),
    ("km", "khm", "khmer"),
    ("kn", "kan", "kannada"),
    ("ko", "kor", "korean"),
    ("ku", "kur", "kurdish"),
    ("ky", "kir", "kyrgyz"),
    ("lt", "lit", "lithuanian"),
    ("lv", "lav", "latvian"),
    ("mk", "mac", "mkd", "macedonian"),
    ("ml", "mal", "malayalam"),
    ("mn", "mon", "mongolian"),
    ("mr", "mar", "marathi"),
    ("ms", "may", "msa", "malay"),
    ("my", "bur", "mya", "burmese"),
    ("ne", "nep", "nepali"),
    ("nl", "dut", "nld", "dutch", "flemish"),
    ("no", "nor", "norwegian"),
    ("nb", "nob", "norwegian bokmål", "bokmål"),
    ("nn", "nno", "norwegian nynorsk", "nynorsk"),
    ("pa", "pan", "punjabi", "panjabi"),
    ("pl", "pol", "polish"),
    ("ps", "pus", "pashto", "pushto"),
    ("pt", "por", "portuguese"),
    ("ro", "rum", "ron", "romanian", "moldavian"),
    ("ru", "rus", "russian"),
    ("si", "sin", "sinhala", "sinhalese"),
    ("sk", "slo", "slk", "slovak"),
    ("sl", "slv", "slovenian", "slovene"),
    ("so", "som", "somali"),
    ("sq", "alb", "sqi", "albanian"),
    ("sr", "srp", "serbian"),
    ("sv", "swe", "swedish"),
    ("sw", "swa", "swahili"),
    ("ta", "tam", "tamil"),
    ("te", "tel", "telugu"),
    ("th", "tha", "thai"),
    ("tl", "tgl", "tagalog"),
    ("tk", "tuk", "turkmen"),
    ("tr", "tur", "turkish"),
    ("uk", "ukr", "ukrainian"),
    ("ur", "urd", "urdu"),
    ("uz", "uzb", "uzbek"),
    ("vi", "vie", "vietnamese"),
    ("yi", "yid", "ji", "yiddish"),
    ("yo", "yor", "yoruba"),
    ("zh", "chi", "zho", "cmn", "yue", "chinese", "mandarin", "cantonese"),
    ("zu", "zul", "zulu"),
)
_CODES = {spelling: row[0] for row in _LANGUAGES for spelling in row}
# "undetermined", "no linguistic content", "uncoded": the source does not know.
_UNKNOWN = frozenset({"und", "zxx", "mis"})
_SUBTAG = re.compile(r"[-_]")


def normalize_language(code: str | None) -> str | None:
    """Return the ISO 639-1 code for a language code, tag or English name.

    ``eng`` → ``en``, ``ger``/``deu`` → ``de``, ``en-US``/``en_GB`` → ``en``,
    ``English`` → ``en``; a code not in the table is kept, lower-cased; empty, ``und``
    (undetermined) and ``zxx`` become None.
    """
    if code is None:
        return None
    value = code.strip().casefold()
    if not value or value in _UNKNOWN:
        return None
    if value in _CODES:
        return _CODES[value]
    primary = _SUBTAG.split(value, maxsplit=1)[0]
    if primary in _UNKNOWN:
        return None
    return _CODES.get(primary, value)
