"""Shape archive data for pages and charts. Pure: no I/O, no HTML (templates escape)."""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsreel.analytics.trends import TrendRow
from newsreel.models import VideoMention
from newsreel.repair.document import Repaired

PLAIN_PARAGRAPH = 120
MEASURE_LABELS = {
    "hits": "mentions",
    "per_10k_words": "per 10,000 words",
    "pct_videos": "% of videos",
}


@dataclass(slots=True)
class Run:
    """Consecutive words of a paragraph: plain, or one entity mention."""

    text: str
    entity_id: int | None = None
    entity_type: str | None = None
    entity_name: str | None = None


@dataclass(slots=True)
class Paragraph:
    """One paragraph of a transcript as the video page shows it."""

    first_word: int
    start_seconds: float | None
    speaker: str | None
    role: str | None
    new_turn: bool
    runs: list[Run] = field(default_factory=list)


def _runs(words: Sequence[str], start: int, end: int, owner: dict[int, VideoMention]) -> list[Run]:
    runs: list[Run] = []
    i = start
    while i < end:
        mention = owner.get(i)
        if mention is not None:
            stop = min(mention.end_word, end)
            text = " ".join(w for w in words[i:stop] if w)
            runs.append(Run(text, mention.entity_id, mention.type, mention.name))
            i = stop
            continue
        j = i
        while j < end and j not in owner:
            j += 1
        text = " ".join(w for w in words[i:j] if w)
        if text:
            runs.append(Run(text))
        i = j
    return runs


def _owners(mentions: Sequence[VideoMention]) -> dict[int, VideoMention]:
    return {m.first_word: m for m in mentions}


def paragraphs(
    repaired: Repaired | None,
    words: Sequence[str],
    times: Sequence[tuple[float, float]] | None,
    mentions: Sequence[VideoMention],
) -> list[Paragraph]:
    """The transcript in paragraphs with speaker turns and entity runs.

    ``words`` are the transcript's tokens (mention offsets index them); with a repair,
    its paragraphs, turns and repaired forms are used (markers such as ``>>`` hidden).
    """
    owner = _owners(mentions)
    if repaired is None:
        spans = [
            (s, min(s + PLAIN_PARAGRAPH, len(words))) for s in range(0, len(words), PLAIN_PARAGRAPH)
        ]
        return [
            Paragraph(
                s,
                round(times[s][0], 2) if times else None,
                None,
                None,
                False,
                _runs(words, s, e, owner),
            )
            for s, e in spans
        ]
    forms = [
        f if k != "marker" else "" for f, k in zip(repaired.forms, repaired.kinds, strict=True)
    ]
    turn_starts = {t.start for t in repaired.turns}
    out = []
    for start, end in repaired.paragraph_spans():
        turn = repaired.turn_at(start)
        runs = _runs(forms, start, end, owner)
        if not runs:
            continue
        out.append(
            Paragraph(
                start,
                round(repaired.times[start][0], 2) if repaired.times else None,
                turn.speaker if turn else None,
                turn.role if turn else None,
                start in turn_starts,
                runs,
            )
        )
    return out


def trend_chart(rows: Sequence[TrendRow], measure: str) -> dict[str, Any]:
    """Chart.js data: one line per term (and outlet), periods as labels; a period in
    which the outlet published nothing is a gap (None), not a zero."""
    labels = sorted({r.period for r in rows})
    position = {p: i for i, p in enumerate(labels)}
    series: dict[str, list[float | None]] = {}
    for row in rows:
        name = row.term if row.channel == "all outlets" else f"{row.term} — {row.channel}"
        values = series.setdefault(name, [None] * len(labels))
        if row.total_videos:
            values[position[row.period]] = float(getattr(row, measure))
    return {
        "labels": labels,
        "measure": MEASURE_LABELS.get(measure, measure),
        "datasets": [{"label": k, "data": v} for k, v in series.items()],
    }


def pivot(
    rows: Sequence[tuple[str, str, int]],
) -> tuple[list[str], list[str], dict[str, dict[str, int]]]:
    """(channel, month, count) rows as channels x months: (channels, months, cells)."""
    cells: dict[str, dict[str, int]] = defaultdict(dict)
    for channel, month, count in rows:
        cells[channel][month] = count
    months = sorted({m for _, m, _ in rows}, key=lambda m: (not m[:1].isdigit(), m))
    channels = sorted(cells, key=lambda c: -sum(cells[c].values()))
    return channels, months, dict(cells)


def pages(total: int, page: int, size: int) -> dict[str, int | None]:
    """Previous/next page numbers for a result list."""
    last = max(1, -(-total // size))
    return {
        "page": page,
        "last": last,
        "previous": page - 1 if page > 1 else None,
        "next": page + 1 if page < last else None,
    }


def month_end(month: str) -> str:
    """The last day of a month given as "YYYY-MM" ("2024-02" → "2024-02-29")."""
    year, number = (int(part) for part in month.split("-")[:2])
    return f"{year:04d}-{number:02d}-{calendar.monthrange(year, number)[1]:02d}"
