"""Query parameters the API and the pages share: dates as the CLI takes them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from pydantic import AfterValidator, BeforeValidator


def lenient_date(value: Any) -> date | None:
    """A date given as YYYY-MM-DD or YYYYMMDD (as the CLI takes it); an empty value is
    no date (a form's blank field). Anything else: the CLI's message."""
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise ValueError(f"{text!r} is not a date; use YYYY-MM-DD, e.g. 2024-03-31")


Day = Annotated[date | None, BeforeValidator(lenient_date)]


def encodable(value: str) -> str:
    """Text that UTF-8 can hold: a lone surrogate (``"\\ud800"`` in JSON) is refused."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        raise ValueError(f"text holds a character UTF-8 cannot encode at {err.start}") from None
    return value


# A string of a JSON body: JSON may spell characters no file or database can hold.
Text = Annotated[str, AfterValidator(encodable)]


def accepted(route: Any) -> frozenset[str] | None:
    """The query parameter names a FastAPI route takes (None: not a FastAPI route)."""
    dependant = getattr(route, "dependant", None)
    return None if dependant is None else frozenset(_query_names(dependant))


def _query_names(dependant: Any) -> set[str]:
    """The query parameter names of a FastAPI dependant and its dependencies."""
    names = {p.alias for p in dependant.query_params}
    for inner in dependant.dependencies:
        names |= _query_names(inner)
    return names


def repeatable(route: Any) -> frozenset[str]:
    """The query parameters of a route that take a list (``channel``, ``terms``)."""
    dependant = getattr(route, "dependant", None)
    out: set[str] = set()

    def walk(dep: Any) -> None:
        for param in dep.query_params:
            shown = repr(getattr(param.field_info, "annotation", ""))
            if any(kind in shown for kind in ("list", "tuple", "Sequence")):
                out.add(param.alias)
        for inner in dep.dependencies:
            walk(inner)

    if dependant is not None:
        walk(dependant)
    return frozenset(out)


def repeated_message(path: str, given: Iterable[str], lists: frozenset[str]) -> str | None:
    """What to tell a caller who gave a one-value parameter twice (``q=Gaza&q=Ukraine``
    had searched the last alone, without a word)."""
    seen: set[str] = set()
    twice = sorted({n for n in given if n in seen or seen.add(n)} - lists)  # type: ignore[func-returns-value]
    if not twice:
        return None
    return f"{path} takes one value of {', '.join(repr(t) for t in twice)}; it was given more"


def unknown_message(path: str, given: Iterable[str], names: frozenset[str]) -> str | None:
    """What to tell a caller who gave parameters ``path`` does not take (None: all
    known): a typo such as ``chanel`` would otherwise be ignored and the answer be
    silently unfiltered."""
    unknown = sorted(set(given) - names)
    if not unknown:
        return None
    which = ", ".join(repr(u) for u in unknown)
    takes = ", ".join(sorted(names)) or "no query parameters"
    return f"{path} takes no parameter {which}; it takes: {takes}"


def kept_query(items: Iterable[tuple[str, str]], names: frozenset[str], **extra: str | None) -> str:
    """A query string of ``items`` with only the ``names`` given (a page's own
    parameters dropped from the API link it offers), then ``extra`` (None: dropped)."""
    kept = [(k, v) for k, v in items if k in names and k not in extra]
    return urlencode(kept + [(k, v) for k, v in extra.items() if v is not None])
