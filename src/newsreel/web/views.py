"""Shape archive data for pages and charts. Pure: no I/O, no HTML (templates escape)."""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from newsreel.analytics.trends import TrendRow, period_end, period_start, time_axis
from newsreel.repair.document import Repaired
from newsreel.rows import OutletRow, VideoMention

PLAIN_PARAGRAPH = 120
MEASURE_LABELS = {
    "hits": "mentions",
    "per_10k_words": "per 10,000 words",
    "pct_videos": "% of videos",
}


_EDGES = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)


@dataclass(slots=True)
class Run:
    """Consecutive words of a paragraph: plain, or one entity mention."""

    text: str
    entity_id: int | None = None
    entity_type: str | None = None
    entity_name: str | None = None
    joined: bool = False  # written right after the previous run, no space between
    anchor: int | None = None  # a claim or quote starts here: the page's #wN target


@dataclass(slots=True)
class Paragraph:
    """One paragraph of a transcript as the video page shows it."""

    first_word: int
    start_seconds: float | None
    speaker: str | None
    role: str | None
    new_turn: bool
    runs: list[Run] = field(default_factory=list)


def _runs(
    words: Sequence[str],
    start: int,
    end: int,
    owner: dict[int, VideoMention],
    anchors: Collection[int] = (),
) -> list[Run]:
    """The paragraph ``start``..``end`` as runs: entity mentions, the words between, and
    a new run at each of ``anchors`` (where a claim or quote starts) that marks it."""
    runs: list[Run] = []
    i = start
    while i < end:
        mark = i if i in anchors and i != start else None  # the paragraph has #w{start}
        mention = owner.get(i)
        if mention is not None:
            stop = min(mention.end_word, end)
            if mark is None:  # a number inside a name ("AC 360 starts now"): its mark here
                mark = next((k for k in range(i + 1, stop) if k in anchors), None)
            text = " ".join(w for w in words[i:stop] if w)
            # the highlight covers the name, not the punctuation the repair attached
            lead, name, trail = _EDGES.match(text).groups()  # type: ignore[union-attr]
            runs.extend(Run(t, anchor=mark) for t in (lead,) if t)
            runs.append(
                Run(
                    name or text,
                    mention.entity_id,
                    mention.type,
                    mention.name,
                    bool(lead),
                    None if lead else mark,
                )
            )
            runs.extend(Run(t, joined=True) for t in (trail,) if t and name)
            i = stop
            continue
        j = i + 1
        while j < end and j not in owner and j not in anchors:
            j += 1
        text = " ".join(w for w in words[i:j] if w)
        if text:
            runs.append(Run(text, anchor=mark))
        i = j
    return runs


def _owners(mentions: Sequence[VideoMention]) -> dict[int, VideoMention]:
    return {m.first_word: m for m in mentions}


def paragraphs(
    repaired: Repaired | None,
    words: Sequence[str],
    times: Sequence[tuple[float, float]] | None,
    mentions: Sequence[VideoMention],
    anchors: Collection[int] = (),
) -> list[Paragraph]:
    """The transcript in paragraphs with speaker turns and entity runs.

    ``words`` are the transcript's tokens (mention offsets index them); with a repair,
    its paragraphs, turns and repaired forms are used (markers such as ``>>`` hidden).
    ``anchors``: the words where the page's claims and quotes start (``#wN`` targets).
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
                _runs(words, s, e, owner, anchors),
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
        runs = _runs(forms, start, end, owner, anchors)
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


def trend_chart(
    rows: Sequence[TrendRow],
    measure: str,
    per: str = "month",
    min_words: int = 0,
    link: Callable[[TrendRow], str] | None = None,
) -> dict[str, Any]:
    """Chart.js data: one line per term (and outlet) on a time axis with every period
    from the first to the last (``time_axis``). A period in which the outlet published
    nothing, or fewer than ``min_words`` words, is a gap (None), not a zero; each point
    carries its video counts and, with ``link``, the URL of the videos behind it."""
    labels = time_axis([r.period for r in rows], per)
    position = {p: i for i, p in enumerate(labels)}
    series: dict[str, dict[str, list[Any]]] = {}
    for row in rows:
        name = row.term if row.channel == "all outlets" else f"{row.term} — {row.channel}"
        line = series.setdefault(
            name, {key: [None] * len(labels) for key in ("data", "videos", "links")}
        )
        at = position.get(row.period)
        if at is None or not row.total_videos:
            continue
        line["videos"][at] = [row.videos, row.total_videos]
        if row.total_words >= min_words:
            line["data"][at] = float(getattr(row, measure))
            line["links"][at] = link(row) if link else None
    return {
        "labels": labels,
        "measure": MEASURE_LABELS.get(measure, measure),
        "spanGaps": False,
        "datasets": [{"label": k, **v} for k, v in series.items()],
    }


def trend_link(
    row: TrendRow,
    per: str,
    heard: bool = True,
    *,
    by: str = "channel",
    outlets: Sequence[str] = (),
) -> str:
    """The page listing the videos behind one point of a trend chart: of the row's
    outlet, its group (``by="group"``), or for the line of all outlets the page's own
    outlet filter (``outlets``)."""
    term = row.term.strip()
    if term.lower().startswith("entity:"):
        return "/entity/" + quote(term.split(":", 1)[1].strip().strip('"'), safe="")
    if term.lower().startswith("story:"):
        return "/story/" + quote(term.split(":", 1)[1].strip(), safe="")
    params: list[tuple[str, str]] = [("q", term)]
    if row.channel == "all outlets":
        params += [("channel", o) for o in outlets]
    else:
        params.append(("channel", f"group:{row.channel}" if by == "group" else row.channel))
    params.append(("since", period_start(row.period, per).isoformat()))
    params.append(("until", period_end(row.period, per).isoformat()))
    if not heard:
        params.append(("exact", "true"))
    return "/search?" + urlencode(params)


def choosers(chosen: Sequence[str], outlets: Sequence[OutletRow]) -> dict[str, list[str]]:
    """Outlet name -> the chosen ``channel`` values that select it: its name in any case,
    one of its codes ("DW" chooses DW News), or a group it is in ("group:europe")."""
    out: dict[str, list[str]] = {}
    for value in chosen:
        folded = value.strip().casefold()
        group = folded.removeprefix("group:").strip() if folded.startswith("group:") else None
        for outlet in outlets:
            names = {outlet.name.casefold(), *(c.casefold() for c in outlet.codes)}
            if (group is not None and group in {g.casefold() for g in outlet.groups}) or (
                group is None and folded in names
            ):
                out.setdefault(outlet.name, []).append(value)
    return out


def outlet_toggled(query: Sequence[tuple[str, str]], value: str, by: Sequence[str]) -> str:
    """The query string with outlet ``value`` added, or, where chosen values select it
    (``by``: its name, a code, a group), those values dropped; the page number too."""
    if not by:
        return toggled(query, "channel", value)
    return urlencode([(k, v) for k, v in query if k != "page" and not (k == "channel" and v in by)])


def toggled(query: Sequence[tuple[str, str]], name: str, value: str) -> str:
    """The query string of ``query``'s (name, value) pairs (repeated names kept) with
    ``name=value`` added, or dropped when there; the page number is dropped too."""
    items = [(k, v) for k, v in query if k != "page"]
    if (name, value) in items:
        return urlencode([item for item in items if item != (name, value)])
    return urlencode([*items, (name, value)])


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
    """Previous/next page numbers for a result list; past the last page, "previous" is
    the last page (the one before would be empty too)."""
    last = max(1, -(-total // size))
    return {
        "page": page,
        "last": last,
        "previous": min(page - 1, last) if page > 1 else None,
        "next": page + 1 if page < last else None,
    }


def month_end(month: str) -> str:
    """The last day of a month given as "YYYY-MM" ("2024-02" → "2024-02-29")."""
    year, number = (int(part) for part in month.split("-")[:2])
    return f"{year:04d}-{number:02d}-{calendar.monthrange(year, number)[1]:02d}"


SEARCHED_SPELLINGS = 8  # an entity page's search link asks for this many spellings at most


def spellings_query(name: str, spellings: Mapping[str, int]) -> str:
    """A search for the ways an entity was heard, most heard first ("Gaza Strip" OR
    "Gaza strip" OR "Gazza Strip"): the videos its page lists, as far as the words go
    (the name alone found 3 of Gaza Strip's 5 videos). Case and a possessive aside, each
    spelling once."""
    seen: set[str] = set()
    quoted: list[str] = []
    for spelling in [name, *sorted(spellings, key=lambda s: -spellings[s])]:
        plain = re.sub(r"['’]s$", "", spelling).strip()
        if not plain or '"' in plain or plain.casefold() in seen:
            continue
        seen.add(plain.casefold())
        quoted.append(f'"{plain}"')
        if len(quoted) == SEARCHED_SPELLINGS:
            break
    return " OR ".join(quoted)


def here(url: Any) -> str:
    """A link to ``url`` (a Starlette ``URL``) on this site: path and query, no scheme
    or host, so links hold behind a proxy that ends TLS or serves another host name."""
    return f"{url.path}?{url.query}" if url.query else str(url.path)
