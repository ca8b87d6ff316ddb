"""What a user may set on a video (``newsreel set``), checked and normalised the way
ingest normalises what it reads: one outlet name, ISO dates, ISO 639-1 languages."""

from __future__ import annotations

import re
from datetime import date

from newsreel.errors import ConfigError
from newsreel.ingest.formats.languages import normalize_language
from newsreel.ingest.formats.metadata import implausible, parse_date
from newsreel.ingest.outlets import OutletAliases
from newsreel.models import UNKNOWN_OUTLET

_LANGUAGE = re.compile(r"[a-z]{2,3}")


_EXAMPLES = {"--channel": "'DW News'", "--title": "'Ceasefire talks resume in Cairo'"}


def _text(value: str, flag: str) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise ConfigError(f"{flag} needs a value, e.g. {flag} {_EXAMPLES.get(flag, 'TEXT')}")
    return cleaned


def _iso_date(value: date | str) -> str:
    if isinstance(value, date):
        return value.isoformat()
    try:
        parsed = parse_date(value, checked=False)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ConfigError(f"the date {value!r} is not a date; use YYYY-MM-DD, e.g. 2024-03-31")
    if reason := implausible(parsed):
        raise ConfigError(f"the date {value!r} {reason}")
    return parsed.isoformat()


def _language(value: str) -> str:
    code = normalize_language(value)
    if code is None or not _LANGUAGE.fullmatch(code):
        raise ConfigError(
            f"--lang {value!r} is not a language; use a code or name such as en, fra or German"
        )
    return code


def checked_edits(
    aliases: OutletAliases,
    *,
    channel: str | None = None,
    publish_date: date | str | None = None,
    title: str | None = None,
    lang: str | None = None,
) -> dict[str, str]:
    """The fields to set (store column -> value), each checked and normalised: the
    outlet through the alias tables, the date as ISO, the language as ISO 639-1.

    Raises ``ConfigError`` naming the bad value, or when nothing is to be set.
    """
    values: dict[str, str] = {}
    if title is not None:
        values["title"] = _text(title, "--title")
    if channel is not None:
        values["channel"] = aliases.canonical(_text(channel, "--channel"))
        if values["channel"].casefold() == UNKNOWN_OUTLET.casefold():
            raise ConfigError(
                f"--channel {channel!r}: {UNKNOWN_OUTLET} is what videos without an outlet "
                "are listed as; name a real outlet"
            )
    if publish_date is not None:
        values["publish_date"] = _iso_date(publish_date)
    if lang is not None:
        values["language"] = _language(lang)
    if not values:
        raise ConfigError("nothing to set: give --channel, --date, --title or --lang")
    return values
