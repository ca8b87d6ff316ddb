"""The JSON API under ``/api/v1``: everything the pages show, for scripts."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Header, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from newsreel.analytics.trends import (
    DEFAULT_MIN_WORDS,
    FLOORED_COLUMNS,
    TREND_COLUMNS,
    floored,
    split_terms,
)
from newsreel.api import MAX_LIMIT, MAX_OFFSET, MAX_TOP, Archive
from newsreel.errors import NotFoundError
from newsreel.export import PASSAGE_COLUMNS, passage_records, stream_rows
from newsreel.repair.view import as_json as repaired_json
from newsreel.repair.view import from_stored
from newsreel.search.engine import MODES, SORTS
from newsreel.search.passages import youtube_url
from newsreel.search.snippets import snippet_html
from newsreel.text import unmark
from newsreel.web.errors import ApiProblem
from newsreel.web.params import (
    Day,
    Text,
    accepted,
    repeatable,
    repeated_message,
    unknown_message,
)
from newsreel.web.state import ServerState


def known_parameters(request: Request) -> None:
    """Refuse a query parameter the endpoint does not take (422, naming those it does)."""
    route = request.scope.get("route")
    names = accepted(route)
    if names is not None:
        given = [k for k, _ in request.query_params.multi_items()]
        problem = unknown_message(request.url.path, given, names) or repeated_message(
            request.url.path,
            given,
            repeatable(route) | {"terms"},  # read with getlist
        )
        if problem:
            raise ApiProblem(422, problem)


router = APIRouter(prefix="/api/v1", tags=["api"], dependencies=[Depends(known_parameters)])
ENTITY_CLAIMS = 200
_WRITES = frozenset({"merge", "split", "rename"})  # the entity endpoints that write
PASSAGE_PAGE = 100

Sort = Literal["relevance", "date"]
Mode = Literal["lexical", "semantic", "hybrid"]
# The ``q`` parameter of every query endpoint.
QueryText = Annotated[
    str,
    Query(
        min_length=1,
        description='Query: words, "phrases", -x, OR, NEAR/n, channel:, lang:, date:',
    ),
]
Per = Literal["day", "week", "month"]
By = Literal["channel", "group", "all"]
Measure = Literal["hits", "per_10k_words", "pct_videos"]  # analytics.trends.MEASURES
# Outlets to filter by, repeated for several (videos of any): channel=DW&channel=BBC.
Channels = Annotated[
    list[str] | None,
    Query(description="Outlet name or code, or group:NAME for an outlet group; repeat for several"),
]
assert set(SORTS) == {"relevance", "date"} and set(MODES) == {"lexical", "semantic", "hybrid"}


def state_of(request: Request) -> ServerState:
    """The server's state."""
    state: ServerState = request.app.state.newsreel
    return state


def search_page(
    arch: Archive,
    q: str,
    *,
    channel: Sequence[str] | str | None,
    lang: str | None,
    since: date | None,
    until: date | None,
    sort: str,
    mode: str,
    exact: bool,
    limit: int,
    offset: int,
) -> dict[str, Any]:
    """Hits, facets (outlet, language, month, entity) and the total for one query. The
    outlet facet counts every outlet as if none were chosen, so more can be added."""
    filters: dict[str, Any] = {"channel": channel, "lang": lang, "since": since, "until": until}
    hits = arch.search(q, limit=limit, offset=offset, exact=exact, sort=sort, mode=mode, **filters)
    if mode == "semantic":  # by meaning alone: the words' counts and facets say nothing
        facets: dict[str, list[tuple[str, int]]] = {
            k: [] for k in ("channel", "language", "month", "entity")
        }
        total = 0  # "at least" what was found: below
    else:
        facets = arch.facets(q, exact=exact, **filters)
        total = sum(n for _, n in facets["channel"])
        if channel:
            facets["channel"] = arch.facets(q, exact=exact, **{**filters, "channel": None})[
                "channel"
            ]
        facets["entity"] = arch.entity_facet(q, exact=exact, **filters)
    chosen, notes = arch.entity_filters(q)
    rows = []
    for hit in hits:
        row = hit.to_dict()
        row["snippet_html"] = snippet_html(hit.snippet)
        row["snippet"] = unmark(hit.snippet)  # plain text: JSON needs no HTML escaping
        rows.append(row)
    if mode != "lexical":  # at least as many as found (one more while a page is full, so
        # that a next page is offered), at most every video of the filters
        found = offset + len(rows) + (1 if len(rows) == limit else 0)
        total = min(max(total, found), arch.browse(limit=1, **filters)[0])
    return {
        "query": q,
        "total": total,
        # by meaning, every video is some distance away: the total is how many at least
        "total_exact": mode == "lexical",
        "offset": offset,
        "limit": limit,
        "hits": rows,
        "facets": {k: [{"value": v, "videos": n} for v, n in items] for k, items in facets.items()},
        # transcripts committed but not yet in the search index (an ingest running or
        # interrupted): results may be missing them
        "unindexed": arch.indexes.pending(),
        # why a semantic or hybrid search finds nothing by meaning (null when it can)
        "notice": arch.semantic_notice(mode),
        # the ids of the entities the query's entity: filters name, and what to know of
        # them ("entity:Clinton" is Hillary Clinton; Bill Clinton is heard so too)
        "entity_filter": chosen,
        "entity_notes": notes,
        # where a word of the query is in no video (nothing matched, or only words heard
        # like it: "Ukrane" finds "crane"): the query with such words respelled as the
        # archive's closest frequent words ("Epstien" -> "Epstein"), else null
        "did_you_mean": (
            arch.did_you_mean(q)
            if not offset and (mode == "lexical" or all(r["match"] == "semantic" for r in rows))
            else None
        ),
    }


@router.get("/search", summary="Search transcripts")
def api_search(
    request: Request,
    q: QueryText,
    channel: Channels = None,
    lang: str | None = None,
    since: Day = None,
    until: Day = None,
    sort: Sort = "relevance",
    mode: Mode = "lexical",
    exact: bool = False,
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    page: Annotated[int | None, Query(ge=1, le=MAX_OFFSET)] = None,
) -> dict[str, Any]:
    """Ranked hits with highlighted snippets, facets with counts, and the total; 503
    when the query runs past the server's time budget. ``page`` (as on the search page)
    is ``offset`` in pages of ``limit``."""
    if page is not None:
        if offset:
            raise ApiProblem(400, "give page or offset, not both")
        offset = (page - 1) * limit
        if offset > MAX_OFFSET:
            raise ApiProblem(422, f"page {page} starts past {MAX_OFFSET:,} hits")
    with state_of(request).query() as arch:
        return search_page(
            arch,
            q,
            channel=channel,
            lang=lang,
            since=since,
            until=until,
            sort=sort,
            mode=mode,
            exact=exact,
            limit=limit,
            offset=offset,
        )


@router.get("/export", summary="Stream matching videos as CSV or JSON Lines")
def api_export(
    request: Request,
    q: str | None = None,
    channel: Channels = None,
    lang: str | None = None,
    since: Day = None,
    until: Day = None,
    exact: bool = False,
    mode: Mode = "lexical",
    format: Literal["csv", "jsonl"] = "csv",
    table: Literal["videos", "entities", "mentions", "claims", "quotes"] = "videos",
) -> StreamingResponse:
    """One row per video (all metadata and the transcript), or with `table` the rows of
    an enrichment table of the selected videos (as `newsreel export --table`), streamed
    as it is read; a query's videos as `mode` finds them (lexical: all that hold the
    words; semantic, hybrid: the first 1,000 hits); finding them has the server's time
    budget (503 past it)."""
    if mode != "lexical" and not (q or "").strip():
        raise ApiProblem(422, f"mode: {mode} says how q finds videos; give q")
    filters: dict[str, Any] = {
        "query": q,
        "channel": channel,
        "lang": lang,
        "since": since,
        "until": until,
        "exact": exact,
        "mode": mode,
    }

    def lines(arch: Archive) -> Iterator[str]:
        if table == "videos":
            columns, rows = arch.table(**filters)
        else:
            columns, rows = arch.table_rows(table, nested_as_text=format != "jsonl", **filters)
        return stream_rows(rows, columns, format)

    name = "newsreel-export" if table == "videos" else f"newsreel-{table}"
    return _download(state_of(request), lines, f"{name}.{format}")


def _download(
    state: ServerState, lines: Callable[[Archive], Iterator[str]], name: str
) -> StreamingResponse:
    """A streamed CSV or JSON Lines file from its own connection: ``lines`` runs (and
    ranks) within the server's time budget; the rows then stream as they are read."""
    arch = state.fresh()
    try:
        with state.budget():
            first = lines(arch)
    except Exception:
        arch.close()
        raise

    def body() -> Iterator[str]:
        try:
            yield from first
        finally:
            arch.close()

    media = "text/csv; charset=utf-8" if name.endswith(".csv") else "application/x-ndjson"
    return StreamingResponse(
        body(), media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.get("/passages", summary="Every passage where a query matches", response_model=None)
def api_passages(
    request: Request,
    q: QueryText,
    channel: Channels = None,
    lang: str | None = None,
    since: Day = None,
    until: Day = None,
    exact: bool = False,
    limit: Annotated[
        int | None,
        Query(
            ge=1,
            le=MAX_LIMIT,
            description=f"Passages per page (default {PASSAGE_PAGE}); a download has "
            "every passage unless given",
        ),
    ] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    format: Literal["json", "csv", "jsonl"] = "json",
) -> list[dict[str, Any]] | StreamingResponse:
    """Every place the query matches (heard variants too unless ``exact``), videos in
    search order and passages in transcript order: video, outlet, date, start and end
    seconds (null when untimed), YouTube link at that second, text, word offsets,
    matched words. JSON: one page, a list; ``format=csv|jsonl``: a download, streamed.
    Ranking has the server's time budget (503 past it)."""
    state = state_of(request)
    filters: dict[str, Any] = {"channel": channel, "lang": lang, "since": since, "until": until}
    if format == "json":
        with state.query() as arch:
            rows = arch.iter_passages(
                q, exact=exact, limit=limit or PASSAGE_PAGE, offset=offset, **filters
            )
            return [r.to_dict() for r in rows]

    def lines(arch: Archive) -> Iterator[str]:
        found = arch.iter_passages(q, exact=exact, limit=limit, offset=offset, **filters)
        return stream_rows(passage_records(found, format), PASSAGE_COLUMNS, format)

    return _download(state, lines, f"newsreel-passages.{format}")


def video_data(
    arch: Archive, video_id: str, version: int | None = None, *, times: bool = False
) -> dict[str, Any]:
    """A video with its repaired transcript, entities, claims and quotes; an earlier
    ``version`` has its text and repair alone (entities, claims and quotes are found in
    the current transcript only: null)."""
    video = arch.show(video_id, version)
    repaired = from_stored(video.repair, video.word_times)
    data = video.to_dict(with_segments=times)
    data["youtube_url"] = youtube_url(video.video_id, None)
    data["thumbnail_url"] = f"/thumbnail/{video.video_id}" if video.thumbnail_file else None
    data["repaired"] = repaired_json(repaired) if repaired else None
    if video.shown != video.current_version:
        data["mentions"] = data["claims"] = data["quotes"] = None
        return data
    data["mentions"] = [m.to_dict() for m in arch.mentions(video_id)]
    data["claims"] = [c.to_dict() for c in arch.claims(video_id=video_id)]
    data["quotes"] = [q.to_dict() for q in arch.quotes(video_id=video_id)]
    return data


@router.get("/videos", summary="Browse videos, newest first")
def api_videos(
    request: Request,
    channel: Channels = None,
    lang: str | None = None,
    since: Day = None,
    until: Day = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    """Videos passing the filters (no query), newest first: ``total`` and ``videos``."""
    with state_of(request).archive() as arch:
        total, rows = arch.browse(
            channel=channel, lang=lang, since=since, until=until, limit=limit, offset=offset
        )
    return {
        "total": total,
        "offset": offset,
        "limit": limit,
        "videos": [r.to_dict() for r in rows],
    }


@router.get("/videos/{video_id}", summary="One video")
def api_video(
    request: Request,
    video_id: str,
    version: Annotated[int | None, Query(ge=1)] = None,
    times: bool = False,
) -> dict[str, Any]:
    """Metadata, raw and repaired transcript, entity mentions, claims and quotes;
    ``version``: an earlier transcript version's text (``versions`` lists them);
    ``times``: also the caption ``segments`` and each word's ``word_times`` (as
    ``newsreel show --json``)."""
    with state_of(request).archive() as arch:
        return video_data(arch, video_id, version, times=times)


@router.get("/entities", summary="Entities of the archive or of one video")
def api_entities(
    request: Request,
    video_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 100,
) -> dict[str, Any]:
    """Canonical entities with their spellings and mention counts, most mentioned first."""
    with state_of(request).archive() as arch:
        rows = arch.entities(video_id)
    return {"entities": [r.to_dict() for r in rows[:limit]], "total": len(rows)}


@router.get("/entities/{entity:path}", summary="One entity")
def api_entity(request: Request, entity: str) -> dict[str, Any]:
    """By id, name or spelling: spellings heard, mentions per outlet and month,
    co-mentioned entities (over its 300 newest videos), videos, quotes, and the newest
    200 claims of its videos (`claims_total` says how many there are; `/api/v1/claims?
    entity=` and `newsreel claims --entity` list all); `also_spelling_of`: the other
    entities heard as the name asked for ("Laura")."""
    with state_of(request).archive() as arch:
        try:
            data = arch.entity(entity)
        except NotFoundError:
            if entity in _WRITES:  # GET /api/v1/entities/merge: the write is a POST
                message = f"/api/v1/entities/{entity} takes POST, with the token"
                raise ApiProblem(405, message) from None
            raise
        claims = arch.claims(entity=str(data.entity_id), limit=ENTITY_CLAIMS)
        total = arch.claims_total(str(data.entity_id))
        others = arch.also_heard(entity, data.entity_id)
    return {
        **data.to_dict(),
        "claims": [c.to_dict() for c in claims],
        "claims_total": total,
        "also_spelling_of": [
            {"entity_id": i, "name": n, "type": t, "mentions": m} for i, n, t, m in others
        ],
    }


@router.get("/claims", summary="Numbers with what they count and who says so")
def api_claims(
    request: Request,
    video_id: str | None = None,
    entity: str | None = None,
    q: str | None = None,
    channel: Channels = None,
    lang: str | None = None,
    since: Day = None,
    until: Day = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    """Claims of one video, of the videos that mention an entity, or of the videos a
    query and filters select (as `newsreel claims --json`), oldest video first."""
    with state_of(request).query() as arch:  # a query has the time budget
        rows = arch.claims(
            video_id, entity, query=q, channel=channel, lang=lang, since=since, until=until
        )
    return _page("claims", rows, offset, limit)


@router.get("/quotes", summary="Who said what")
def api_quotes(
    request: Request,
    video_id: str | None = None,
    entity: str | None = None,
    q: str | None = None,
    channel: Channels = None,
    lang: str | None = None,
    since: Day = None,
    until: Day = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    """Reported speech of one video, of a speaker entity, or of the videos a query and
    filters select (as `newsreel quotes --json`)."""
    with state_of(request).query() as arch:  # a query has the time budget
        rows = arch.quotes(
            video_id, entity, query=q, channel=channel, lang=lang, since=since, until=until
        )
    return _page("quotes", rows, offset, limit)


def _page(name: str, rows: Sequence[Any], offset: int, limit: int) -> dict[str, Any]:
    """One page of a listing: ``total``, ``offset`` and the rows as ``name``."""
    return {
        "total": len(rows),
        "offset": offset,
        name: [r.to_dict() for r in rows[offset : offset + limit]],
    }


@router.get("/compare", summary="How outlets covered one story, entity or query")
def api_compare(
    request: Request,
    story: int | None = None,
    entity: str | None = None,
    q: str | None = None,
    top: Annotated[int, Query(ge=1, le=MAX_TOP)] = 15,
    channel: Channels = None,
    since: Day = None,
    until: Day = None,
) -> dict[str, Any]:
    """Distinctive words and phrases per outlet, who reported first, numbers reported
    (as `newsreel compare --json`); give one of story, entity or q; `channel` (repeat
    it), `since` and `until` keep those outlets' videos and dates only."""
    with state_of(request).query() as arch:  # a query has the time budget
        return arch.compare(
            story=story,
            entity=entity,
            query=q,
            top=top,
            channel=channel,
            since=since,
            until=until,
        ).to_dict()


@router.get("/trends", summary="Terms or entities over time per outlet")
def api_trends(
    request: Request,
    terms: Annotated[
        str, Query(min_length=1, description='Comma-separated: Gaza, "West Bank", entity:Hamas')
    ],
    per: Per = "month",
    by: By = "channel",
    heard: bool | None = None,
    exact: bool = False,
    channel: Channels = None,
    lang: str | None = None,
    since: Day = None,
    until: Day = None,
    measure: Measure = "per_10k_words",
    min_words: Annotated[int, Query(ge=0)] = DEFAULT_MIN_WORDS,
    format: Literal["json", "csv"] = "json",
) -> Response:
    """Hits, videos and totals per term, outlet and period, normalised per 10,000 words
    and as % of videos (every row has all three; `measure`, as the trends page takes
    it, names the one to chart and is echoed back); counted as search finds them
    (`heard`: the ways captions misheard the words too, listed in `heard_variants`;
    `-heard:WORD` in a term drops one; `heard=false` or `exact=true`, as the trends page
    says it, counts the words as typed; `terms` given more than once are all counted;
    `undated_videos`: how many videos of the archive have no date and so are in no
    period; `below_min_words`: the row's period has fewer words than `min_words`, a gap
    on the trends page). 503 when counting runs past the server's time budget."""
    if heard and exact:
        raise ApiProblem(400, "heard=true and exact=true ask for opposites; give one of them")
    heard = (not exact) if heard is None else heard
    terms = ", ".join(request.query_params.getlist("terms")) or terms
    with state_of(request).trends() as arch:
        rows = arch.trend_rows(
            split_terms(terms),
            per=per,
            by_channel=by == "channel",
            by_group=by == "group",
            heard=heard,
            channel=channel,
            lang=lang,
            since=since,
            until=until,
        )
        variants = arch.trend_variants(split_terms(terms)) if heard else {}
        undated = arch.store.videos.undated_count()
        unplaced = arch.trend_undated(split_terms(terms), heard=heard, channel=channel, lang=lang)
    data = [floored(r, min_words) for r in rows]
    if format == "csv":
        columns = [*TREND_COLUMNS, FLOORED_COLUMNS]
        return Response(
            "".join(stream_rows(data, columns, "csv")),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="newsreel-trends.csv"'},
        )
    return JSONResponse(
        {
            "terms": split_terms(terms),
            "per": per,
            "by": by,
            "heard": heard,
            "heard_variants": variants,
            "measure": measure,
            "min_words": min_words,
            "rows": data,
            "undated_videos": undated,  # in no period: trends count dated videos only
            "undated_hits": unplaced,  # per term, its videos with no date
        }
    )


@router.get("/stories", summary="Stories across outlets and days")
def api_stories(
    request: Request,
    channel: Channels = None,
    lang: str | None = None,
    since: Day = None,
    until: Day = None,
    min_videos: Annotated[int, Query(ge=1, le=1_000_000_000)] = 2,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 100,
) -> dict[str, Any]:
    """Stories grouped by `newsreel stories`, newest first (as `newsreel stories --json`)."""
    with state_of(request).archive() as arch:
        rows = arch.stories(
            channel=channel, lang=lang, since=since, until=until, min_videos=min_videos
        )
    return {"total": len(rows), "stories": [r.to_dict(with_items=False) for r in rows[:limit]]}


@router.get("/stories/{story_id}", summary="One story, compared across outlets")
def api_story(request: Request, story_id: int) -> dict[str, Any]:
    """Videos on a timeline, who reported first, distinctive terms and numbers per outlet."""
    with state_of(request).archive() as arch:
        data = arch.story(story_id)
        comparison = arch.compare(story=story_id)
    return {**data.to_dict(), "comparison": comparison.to_dict()}


@router.get("/stats", summary="Archive totals")
def api_stats(request: Request) -> dict[str, Any]:
    """Videos, versions, words, outlets, languages, date range, quarantined files and
    each stage's version and state (`stages`), as `newsreel stats --json` gives them."""
    with state_of(request).archive() as arch:
        return arch.stats().to_dict()


@router.get("/overview", summary="Videos per outlet per month, quarantined files")
def api_overview(request: Request) -> dict[str, Any]:
    """What the archive holds, and every input that could not be read, with why."""
    with state_of(request).archive() as arch:
        return overview_data(arch)


def overview_data(arch: Archive) -> dict[str, Any]:
    """Totals, videos per outlet per month, quarantine."""
    return {
        "stats": arch.stats().to_dict(),
        "per_outlet_month": [
            {"channel": c, "month": m, "videos": n} for c, m, n in arch.per_outlet_month()
        ],
        "quarantined": [
            {"path": q.path, "where": q.where(), "reason": q.reason} for q in arch.quarantined()
        ],
    }


# -- writes: token and a writable server ---------------------------------------


def token_required(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """A write endpoint's first check, before its body is read: 403 on a read-only
    server, 401 without the operator's token (so no body error tells a caller without
    the token what the endpoint takes)."""
    _authorise(request, authorization)


async def known_fields(request: Request) -> None:
    """A write's body names only fields its endpoint takes (422 naming the others): a
    typo such as "typ" for "type" was ignored and the write done without it."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    taken = {p.alias for p in getattr(dependant, "body_params", ())}
    try:
        body = await request.json()
    except ValueError:
        return  # no JSON: the body's own validation says so
    if isinstance(body, dict) and (unknown := sorted(set(body) - taken)):
        which = ", ".join(repr(u) for u in unknown)
        raise ApiProblem(
            422, f"{request.url.path} takes no field {which}; it takes: {', '.join(sorted(taken))}"
        )


def _authorise(request: Request, authorization: str | None) -> ServerState:
    state = state_of(request)
    if state.read_only:
        raise ApiProblem(403, "this archive is served read-only; restart with --writable")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not state.token_ok(given.strip()):
        raise ApiProblem(401, "a valid 'Authorization: Bearer TOKEN' header is required")
    return state


@router.post(
    "/entities/merge",
    summary="Merge one entity into another (token)",
    dependencies=[Depends(token_required), Depends(known_fields)],
)
def api_merge(
    request: Request,
    source: Annotated[Text, Body()],
    target: Annotated[Text, Body()],
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Every spelling of ``source`` becomes ``target``; survives re-runs."""
    with _authorise(request, authorization).archive() as arch:
        return {"relinked": arch.merge_entities(source, target)}


@router.post(
    "/entities/split",
    summary="Split a spelling off an entity (token)",
    dependencies=[Depends(token_required), Depends(known_fields)],
)
def api_split(
    request: Request,
    entity: Annotated[Text, Body()],
    spelling: Annotated[Text, Body()],
    new_name: Annotated[Text | None, Body()] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Mentions heard as ``spelling`` become their own entity (`spellings`: those moved,
    one up to case and a possessive: "Gaza" takes "Gaza's")."""
    with _authorise(request, authorization).archive() as arch:
        moves = arch.split_spellings(entity, spelling)
        return {"relinked": arch.split_entity(entity, spelling, new_name), "spellings": moves}


@router.post(
    "/entities/rename",
    summary="Rename an entity (token)",
    dependencies=[Depends(token_required), Depends(known_fields)],
)
def api_rename(
    request: Request,
    entity: Annotated[Text, Body()],
    name: Annotated[Text | None, Body()] = None,
    new_name: Annotated[Text | None, Body()] = None,
    type: Annotated[Literal["PER", "ORG", "LOC", "MISC"] | None, Body()] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """The entity takes ``new_name`` (or ``name``, as before), and with ``type`` another
    type; its spellings keep them across re-runs. The name of another entity of that type
    merges the two (``merged``: true); of an entity of another type is refused (400)."""
    chosen = new_name if new_name is not None else name
    if chosen is None:
        raise ApiProblem(422, "body.new_name: give the entity's new name")
    if name is not None and new_name is not None and name != new_name:
        raise ApiProblem(
            422, "body.name: an older spelling of new_name; give one of them, not two names"
        )
    with _authorise(request, authorization).archive() as arch:
        merged = arch.rename_merges(entity, chosen, type)
        return {"relinked": arch.rename_entity(entity, chosen, type), "merged": merged}


@router.post(
    "/ingest",
    summary="Ingest files on the server (token)",
    dependencies=[Depends(token_required), Depends(known_fields)],
)
def api_ingest(
    request: Request,
    paths: Annotated[list[Text], Body(embed=True, min_length=1)],
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Ingest files or folders on the server's disk; returns the ingest summary (a pipe,
    a device or a dangling link among them is quarantined there with its reason)."""
    state = _authorise(request, authorization)
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise ApiProblem(400, f"no such file or folder: {missing[0]}")
    with state.archive() as arch:
        return arch.ingest(paths).to_dict()
