"""Trend charts as PNG or SVG files, drawn with matplotlib (no display needed)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from newsreel.analytics.trends import ALL, TrendRow
from newsreel.errors import ConfigError

LABELS = {"hits": "mentions", "per_10k_words": "per 10,000 words", "pct_videos": "% of videos"}
FORMATS = (".png", ".svg")


def write_chart(rows: Sequence[TrendRow], measure: str, path: Path, title: str = "") -> None:
    """One line per term (and outlet) over the periods; a period an outlet published
    nothing in is a gap."""
    if path.suffix.lower() not in FORMATS:
        raise ConfigError(f"{path}: a chart is written as .png or .svg")
    if measure not in LABELS:
        raise ConfigError(f"measure must be one of {', '.join(LABELS)}, not {measure!r}")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    periods = sorted({r.period for r in rows})
    position = {p: i for i, p in enumerate(periods)}
    series: dict[str, list[float | None]] = {}
    for row in rows:
        name = row.term if row.channel == ALL else f"{row.term} — {row.channel}"
        values = series.setdefault(name, [None] * len(periods))
        values[position[row.period]] = float(getattr(row, measure))
    figure, axes = plt.subplots(figsize=(11, 5.5), dpi=110)
    for name, values in series.items():
        xs = [i for i, v in enumerate(values) if v is not None]
        ys = [float(v) for v in values if v is not None]
        axes.plot(
            xs,
            ys,
            marker="o" if len(xs) < 40 else None,
            markersize=3,
            linewidth=1.6,
            label=name,
        )
    step = max(1, len(periods) // 16)
    axes.set_xticks(range(0, len(periods), step))
    axes.set_xticklabels(periods[::step], rotation=45, ha="right", fontsize=8)
    axes.set_ylabel(LABELS[measure])
    axes.set_ylim(bottom=0)
    axes.grid(alpha=0.3)
    if title:
        axes.set_title(title)
    if len(series) <= 24:
        axes.legend(fontsize=8, ncol=2 if len(series) > 8 else 1, loc="upper left")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
