"""Calendar periods for trends: a day, an ISO week (its Monday) or a month. Pure."""

from __future__ import annotations

from datetime import date, timedelta

PERIODS = ("day", "week", "month")


def period_of(day: date, per: str) -> str:
    """The period a day falls in: '2024-03-31', week of Monday '2024-03-25', '2024-03'."""
    if per == "day":
        return day.isoformat()
    if per == "week":
        return (day - timedelta(days=day.weekday())).isoformat()
    if per == "month":
        return day.isoformat()[:7]
    raise ValueError(f"per must be one of {', '.join(PERIODS)}, not {per!r}")


def period_range(first: date, last: date, per: str) -> list[str]:
    """Every period from the one holding ``first`` to the one holding ``last``."""
    out: list[str] = []
    step = timedelta(days=1 if per == "day" else 7)
    if per == "month":
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out
    current = date.fromisoformat(period_of(first, per))
    while current <= last:
        out.append(current.isoformat())
        current += step
    return out
