"""The HTML pages: overview, search, video, entity, trends, and thumbnails."""

from __future__ import annotations

import os
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from newsreel.analytics.trends import DEFAULT_MIN_WORDS, MAX_TERMS, split_terms
from newsreel.errors import NewsreelError, NotFoundError, TimeBudgetError
from newsreel.repair.view import from_stored
from newsreel.search.passages import youtube_url
from newsreel.search.query import entity_only
from newsreel.web.errors import ApiProblem, served
from newsreel.web.params import Day
from newsreel.web.routes_api import (
    By,
    Channels,
    Measure,
    Mode,
    Per,
    Sort,
    known_parameters,
    overview_data,
    search_page,
    state_of,
)
from newsreel.web.views import (
    MEASURE_LABELS,
    choosers,
    here,
    outlet_toggled,
    pages,
    paragraphs,
    pivot,
    spellings_query,
    trend_chart,
    trend_link,
)

router = APIRouter(include_in_schema=False, dependencies=[Depends(known_parameters)])
PAGE_SIZE = 20
IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
}


def _outlets(channel: list[str] | None) -> tuple[str, ...] | None:
    """The outlets chosen (repeated ``channel`` parameters), blanks dropped; None if none."""
    return tuple(c for c in channel or () if c.strip()) or None


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """Render a page (Jinja2 autoescapes every value)."""
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, name, context, status_code=status
    )
    return response


def problem_page(
    request: Request, name: str, context: dict[str, Any], exc: NewsreelError
) -> HTMLResponse:
    """The page with the problem in place of results: 200 for a query to correct, 503
    for one stopped by the time budget."""
    context["problem"] = served(request, str(exc))  # never the server's archive path
    return render(request, name, context, 503 if isinstance(exc, TimeBudgetError) else 200)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    """What the archive holds: totals, videos per outlet per month, quarantined files."""
    with state_of(request).archive() as arch:
        data = overview_data(arch)
    rows = [(r["channel"], r["month"], r["videos"]) for r in data["per_outlet_month"]]
    channels, months, cells = pivot(rows)
    peak = max((n for _, _, n in rows), default=1)
    return render(
        request,
        "overview.html",
        {
            **data,
            "channels": channels,
            "months": months,
            "cells": cells,
            "peak": peak,
        },
    )


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: str = "",
    channel: Channels = None,
    lang: str | None = None,
    since: Day = None,
    until: Day = None,
    sort: Sort = "relevance",
    mode: Mode = "lexical",
    exact: bool = False,
    page: Annotated[int, Query(ge=1, le=500)] = 1,
) -> Response:
    """Search with facets, highlighted snippets, 'matched as', sort and pages."""
    params: dict[str, Any] = {
        "channel": _outlets(channel),
        "lang": lang or None,
        "since": since,
        "until": until,
    }
    context: dict[str, Any] = {
        "q": q,
        "sort": sort,
        "mode": mode,
        "exact": exact,
        **params,
    }
    if (named := entity_only(q)) is not None and not any(params.values()):
        # the box holds one entity:NAME and nothing else: the entity's page lists its
        # videos, spellings and mentions over time
        return RedirectResponse(f"/entity/{quote(named, safe='')}", status_code=303)
    if q.strip():
        try:
            with state_of(request).query() as arch:
                selects = choosers(params["channel"] or (), arch.store.metadata.outlets())
                result = search_page(
                    arch,
                    q,
                    sort=sort,
                    mode=mode,
                    exact=exact,
                    limit=PAGE_SIZE,
                    offset=(page - 1) * PAGE_SIZE,
                    **params,
                )
        except NewsreelError as exc:
            if isinstance(exc, NotFoundError):
                raise
            return problem_page(request, "search.html", context, exc)
        for hit in result["hits"]:
            hit["snippet_html"] = Markup(hit["snippet_html"])  # escaped by snippet_html
        query = request.query_params.multi_items()
        context.update(
            result=result,
            pager=pages(result["total"], page, PAGE_SIZE),
            outlet_on=lambda value: value in selects,
            outlet_link=lambda value: (
                "/search?" + outlet_toggled(query, value, selects.get(value, []))
            ),
        )
    elif any(params.values()):
        with state_of(request).archive() as arch:
            total, rows = arch.browse(limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, **params)
        context.update(
            browse=rows,
            total=total,
            pager=pages(total, page, PAGE_SIZE),
            offset=(page - 1) * PAGE_SIZE,
        )
    return render(request, "search.html", context)


@router.get("/video/{video_id}", response_class=HTMLResponse)
def video(
    request: Request,
    video_id: str,
    view: str = "repaired",
    t: Annotated[float | None, Query(ge=0, le=1e7)] = None,
) -> HTMLResponse:
    """A video: metadata, repaired transcript with turns and entities, claims, quotes;
    ``t`` (seconds, from a search hit) marks the paragraph said then."""
    with state_of(request).archive() as arch:
        detail = arch.show(video_id)
        mentions = arch.mentions(video_id)
        claims = arch.claims(video_id=video_id)
        quotes = arch.quotes(video_id=video_id)
        entities = arch.entities(video_id)
    repaired = from_stored(detail.repair, detail.word_times)
    words = detail.text.split()
    if repaired is not None and len(repaired.forms) != len(words):
        words = list(repaired.forms)
    anchors = {c.first_word for c in claims} | {q.first_word for q in quotes}
    paras = paragraphs(repaired, words, detail.word_times, mentions, anchors)
    timed = detail.word_times is not None
    said = [
        p.first_word for p in paras if p.start_seconds is not None and p.start_seconds <= (t or 0)
    ]
    return render(
        request,
        "video.html",
        {
            "video": detail,
            "paragraphs": paras,
            "repaired": repaired is not None,
            "model": repaired.model if repaired else None,
            "show_raw": view == "raw",
            "here": said[-1] if t is not None and said else None,
            "watch": youtube_url(detail.video_id, None),
            "link_at": (lambda s: youtube_url(detail.video_id, s)) if timed else None,
            "claims": claims,
            "quotes": quotes,
            "entities": entities[:40],
        },
    )


@router.get("/entity/{entity:path}", response_class=HTMLResponse)
def entity(request: Request, entity: str) -> HTMLResponse:
    """An entity: spellings heard, mentions over time per outlet, co-mentions, videos."""
    with state_of(request).archive() as arch:
        data = arch.entity(entity)
        claims = arch.claims(entity=str(data.entity_id), limit=50)
        claims_total = arch.claims_total(str(data.entity_id)) if len(claims) == 50 else len(claims)
        others = arch.also_heard(entity, data.entity_id)
    per = data.per_outlet_month
    months = sorted({r.month for r in per})
    series: dict[str, list[int]] = {}
    for row in per:
        series.setdefault(row.channel, [0] * len(months))[months.index(row.month)] += row.mentions
    chart = {
        "labels": months,
        "measure": "mentions",
        "datasets": [{"label": k, "data": v} for k, v in series.items()],
    }
    return render(
        request,
        "entity.html",
        {
            "entity": data,
            "chart": chart,
            "claims": claims[:50],
            "claims_total": claims_total,
            "titles": {v.video_id: v.title for v in data.videos},
            "search_query": spellings_query(data.name, data.spellings),
            "videos": data.videos[:100],
            "asked": entity,
            "others": others,
            "writable": not state_of(request).read_only,
        },
    )


@router.get("/trends", response_class=HTMLResponse)
def trends(
    request: Request,
    terms: str = "",
    per: Per = "month",
    by: By = "channel",
    measure: Measure = "per_10k_words",
    heard: bool | None = None,
    exact: bool = False,
    min_words: Annotated[str, Query(max_length=12)] = "",
    channel: Channels = None,
    since: Day = None,
    until: Day = None,
) -> HTMLResponse:
    """Compare up to five terms or entities over time, per outlet or overall; counted as
    search finds them (heard variants included) unless ``exact``; ``min_words`` left
    empty (a cleared field) is the default floor."""
    chosen = split_terms(terms)
    floor = _floor(min_words)
    heard_on = (not exact) if heard is None else heard
    context: dict[str, Any] = {
        "terms": terms,
        "per": per,
        "by": by,
        "measure": measure,
        "heard": heard_on,
        "min_words": floor,
        "channel": _outlets(channel),
        "since": since,
        "until": until,
        "measures": MEASURE_LABELS,
        "max_terms": MAX_TERMS,
    }
    with state_of(request).archive() as arch:
        context["has_groups"] = bool(arch.store.metadata.group_members())
    if chosen:
        try:
            with state_of(request).trends() as arch:
                rows = arch.trend_rows(
                    chosen,
                    per=per,
                    by_channel=by == "channel",
                    by_group=by == "group",
                    heard=heard_on,
                    channel=_outlets(channel),
                    since=since,
                    until=until,
                )
                variants = arch.trend_variants(chosen) if heard_on else {}
                undated = arch.store.videos.undated_count()
                unplaced = arch.trend_undated(chosen, heard=heard_on, channel=_outlets(channel))
        except NewsreelError as exc:
            return problem_page(request, "trends.html", context, exc)
        shown = [r for r in rows if r.total_videos]
        outlets = _outlets(channel) or ()
        chart = trend_chart(
            rows,
            measure,
            per,
            floor,
            lambda r: trend_link(r, per, heard_on, by=by, outlets=outlets),
        )
        context.update(
            chart=chart,
            rows=shown,
            variants=_drop_links(request, chosen, variants),
            exact_url=here(request.url.include_query_params(exact="true")),
            sparse=sum(1 for r in shown if r.total_words < floor),
            undated=undated,
            unplaced=unplaced,
        )
    return render(request, "trends.html", context)


def _drop_links(
    request: Request, terms: list[str], variants: dict[str, dict[str, list[str]]]
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(word, [(variant, URL of this page with the variant dropped from its term)])."""
    out = []
    for n, term in enumerate(terms):
        for word, heard in variants.get(term, {}).items():
            links = []
            for variant in heard:
                changed = [*terms[:n], f"{term} -heard:{variant}", *terms[n + 1 :]]
                url = request.url.include_query_params(terms=", ".join(changed))
                links.append((variant, here(url)))
            out.append((word, links))
    return out


@router.get("/stories", response_class=HTMLResponse)
def stories(
    request: Request,
    channel: Channels = None,
    since: Day = None,
    until: Day = None,
    page: int = 1,
) -> HTMLResponse:
    """Stories across outlets and days, newest first; ``since``/``until`` keep a story
    with a video in those dates (as the API)."""
    with state_of(request).archive() as arch:
        rows = arch.stories(channel=_outlets(channel), since=since, until=until)
    pager = pages(len(rows), max(1, page), PAGE_SIZE)
    start = (pager["page"] - 1) * PAGE_SIZE  # type: ignore[operator]
    return render(
        request,
        "stories.html",
        {
            "stories": rows[start : start + PAGE_SIZE],
            "total": len(rows),
            "pager": pager,
            "channel": _outlets(channel),
            "since": since,
            "until": until,
        },
    )


@router.get("/story/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: int) -> HTMLResponse:
    """One story: its videos on a timeline, and how each outlet covered it."""
    with state_of(request).archive() as arch:
        data = arch.story(story_id)
        comparison = arch.compare(story=story_id)
    return render(request, "story.html", {"story": data, "comparison": comparison})


@router.get("/thumbnail/{video_id}")
def thumbnail(request: Request, video_id: str) -> Response:
    """A video's thumbnail image, only from inside the folder its records came from."""
    with state_of(request).archive() as arch:
        path, sources = arch.store.videos.thumbnail_roots(video_id)
    found = safe_thumbnail(path, sources)
    if found is None:
        raise NotFoundError(f"no thumbnail for video {video_id!r}")
    return FileResponse(found, media_type=IMAGE_TYPES[os.path.splitext(found)[1].lower()])


def safe_thumbnail(path: str | None, sources: list[str]) -> str | None:
    """The thumbnail's real path if it is an image file inside the collection root (the
    folder of a source file, or that folder's parent); None otherwise."""
    if not path:
        return None
    real = os.path.realpath(path)
    if os.path.splitext(real)[1].lower() not in IMAGE_TYPES or not os.path.isfile(real):
        return None
    for source in sources:
        here = os.path.dirname(os.path.realpath(source))
        for root in (here, os.path.dirname(here)):
            if root != os.path.dirname(root) and os.path.commonpath([root, real]) == root:
                return real
    return None


def _floor(value: str) -> int:
    """The trends page's word floor: empty is the default; else a whole number >= 0."""
    if not value.strip():
        return DEFAULT_MIN_WORDS
    if not value.strip().isdigit():
        raise ApiProblem(422, f"query.min_words: {value!r} is not a whole number of words")
    return min(int(value), 10_000_000)
