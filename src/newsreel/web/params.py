"""Query parameters the API and the pages share: dates as the CLI takes them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BeforeValidator


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
