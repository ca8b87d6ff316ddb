"""Trend charts as PNG or SVG files, drawn with matplotlib (no display needed)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsreel.analytics.trends import ALL, TrendRow, period_start, time_axis
from newsreel.errors import ConfigError

LABELS = {"hits": "mentions", "per_10k_words": "per 10,000 words", "pct_videos": "% of videos"}
FORMATS = (".png", ".svg")


def write_chart(
    rows: Sequence[TrendRow],
    measure: str,
    path: Path,
    title: str = "",
    *,
    per: str = "month",
    min_words: int = 0,
) -> None:
    """One line per term (and outlet) on a real time axis (dates); a period an outlet
    published nothing in, or fewer than ``min_words`` words, is a gap (said below)."""
    if path.suffix.lower() not in FORMATS:
        raise ConfigError(f"{path}: a chart is written as .png or .svg")
    if measure not in LABELS:
        raise ConfigError(f"measure must be one of {', '.join(LABELS)}, not {measure!r}")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    periods = time_axis([r.period for r in rows], per)
    position = {p: i for i, p in enumerate(periods)}
    when = [period_start(p, per) for p in periods]
    series: dict[str, list[float]] = {}
    for row in rows:
        name = row.term if row.channel == ALL else f"{row.term} — {row.channel}"
        values = series.setdefault(name, [math.nan] * len(periods))
        if row.total_videos and row.total_words >= min_words and row.period in position:
            values[position[row.period]] = float(getattr(row, measure))
    figure, axes = plt.subplots(figsize=(11, 5.5), dpi=110)
    for name, values in series.items():
        points = sum(1 for v in values if not math.isnan(v))
        axes.plot(
            when,  # type: ignore[arg-type]
            values,
            marker="o" if points < 40 else None,
            markersize=3,
            linewidth=1.6,
            label=name if points else f"{name} (all gaps)",
        )
    if len(when) > 1:  # the whole table's span, though its edges be gaps
        axes.set_xlim(when[0], when[-1])  # type: ignore[arg-type]
    _date_ticks(axes, per, len(when))
    figure.autofmt_xdate()
    axes.set_ylabel(LABELS[measure])
    axes.set_ylim(bottom=0)
    axes.grid(alpha=0.3)
    gap = "the outlet published nothing" + (
        f" or fewer than {min_words:,} words" if min_words else ""
    )
    axes.set_xlabel(f"{per} (a gap: {gap})", fontsize=8)
    if title:
        axes.set_title(title)
    if len(series) <= 24:
        axes.legend(fontsize=8, ncol=2 if len(series) > 8 else 1, loc="upper left")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


def _date_ticks(axes: Any, per: str, periods: int) -> None:
    """Ticks on the periods' own starts: months for monthly data (not days), at most
    about a dozen labels."""
    import matplotlib.dates

    dates: Any = matplotlib.dates  # its locators are untyped
    step = max(1, math.ceil(periods / 12))
    if per == "month":
        locator, shown = dates.MonthLocator(interval=step), "%Y-%m"
    elif per == "week":
        locator, shown = dates.WeekdayLocator(byweekday=dates.MO, interval=step), "%Y-%m-%d"
    else:
        locator, shown = dates.DayLocator(interval=step), "%Y-%m-%d"
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(dates.DateFormatter(shown))
