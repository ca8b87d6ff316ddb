"""Run a parsed query against a store: lexical + sound-alike search, with passages.

See ``rank`` for how exact and sound-alike matches are weighed. Every hit gets its best
passage (snippet, matched words, start time, link).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from newsreel.budget import check_time
from newsreel.models import Filters, SearchHit
from newsreel.search.passages import best_passage, slot_groups, title_matches, youtube_url
from newsreel.search.query import And, Near, Node, Or, Phrase, Term
from newsreel.search.soundalike import Heard, adjacent, expand, find_variants
from newsreel.text import STOPWORDS, fold, tokens

if TYPE_CHECKING:
    from newsreel.search.indexes import Indexes
    from newsreel.store.base import Store

SORTS = ("relevance", "date")
SOUND_ALIKE = "sound-alike"
POOL = 50
SOUND_ALIKE_WEIGHT = 0.8
SIDE_BY_SIDE_WEIGHT = 1.5


def variants_for(store: Store, node: Node, exact: bool) -> Heard:
    """The heard variants of the query's words; none when ``exact``."""
    check_time()
    if exact:
        return Heard()
    return find_variants(node, store.search.sound_variants, store.search.indexed_documents())


def widest(node: Node, variants: Heard) -> Node:
    """The query matching every video the search may return (counts, exports)."""
    anywhere, side_by_side = expand(node, variants), expand(adjacent(node), variants)
    return anywhere if anywhere == side_by_side else Or((anywhere, side_by_side))


def lexical(
    indexes: Indexes,
    node: Node,
    filters: Filters,
    *,
    limit: int,
    offset: int = 0,
    exact: bool = False,
    sort: str = "relevance",
) -> list[SearchHit]:
    """Ranked hits (exact and sound-alike matches), or the newest first."""
    variants = variants_for(indexes.store, node, exact)
    wanted = offset + limit
    query = widest(node, variants)
    if sort == "date":
        found = indexes.match(query, filters, limit, offset, "date")
        exact_ids = _scores(indexes, node, filters, [t for t, _ in found])
        page = [(t, (s, "exact" if t in exact_ids else SOUND_ALIKE)) for t, s in found]
        return build_hits(indexes.store, node, variants, page)
    return build_hits(
        indexes.store, node, variants, rank(indexes, node, variants, filters, wanted)[offset:]
    )


def rank(
    indexes: Indexes,
    node: Node,
    variants: Heard,
    filters: Filters,
    wanted: int,
) -> list[tuple[int, tuple[float, str]]]:
    """The best ``wanted`` transcripts, with score and how they matched.

    A video that has the words as typed scores BM25 of the query as typed; one that
    has only heard variants scores BM25 of the query with the variants OR-ed in (so a
    video that says "Kareem" and "kareim" competes with one that says "Karim" once),
    weighted down by ``SOUND_ALIKE_WEIGHT``. Videos with the words side by side (or
    heard so) are weighted up by ``SIDE_BY_SIDE_WEIGHT``. Candidates: the best ``POOL``
    of each query.
    """
    size = max(POOL, wanted)
    typed, heard = node, expand(node, variants)
    side_by_side = adjacent(node)
    beside = expand(side_by_side, variants) if side_by_side != node else None
    exact = dict(indexes.match(typed, filters, size))
    expanded = dict(indexes.match(heard, filters, size)) if variants else {}
    near = dict(indexes.match(beside, filters, size)) if beside else {}
    ids = sorted(exact.keys() | expanded.keys() | near.keys())
    exact.update(_scores(indexes, typed, filters, [t for t in ids if t not in exact]))
    if beside:
        near.update(_scores(indexes, beside, filters, [t for t in ids if t not in near]))
    if variants:
        expanded.update(_scores(indexes, heard, filters, [t for t in ids if t not in expanded]))
    scored = []
    for transcript_id in ids:
        if transcript_id in exact:
            score, label = exact[transcript_id], "exact"
        else:
            best = max(expanded.get(transcript_id, 0.0), near.get(transcript_id, 0.0))
            score, label = best * SOUND_ALIKE_WEIGHT, SOUND_ALIKE
        if transcript_id in near:
            score *= SIDE_BY_SIDE_WEIGHT
        scored.append((round(score, 4), transcript_id, label))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [(t, (s, label)) for s, t, label in scored[:wanted]]


def _scores(
    indexes: Indexes, query: Node, filters: Filters, ids: Sequence[int]
) -> dict[int, float]:
    """BM25 of ``query`` for those of ``ids`` it matches."""
    if not ids:
        return {}
    return dict(indexes.match(query, filters, len(ids), among=ids))


def build_hits(
    store: Store,
    node: Node | None,
    variants: Heard,
    page: Sequence[tuple[int, tuple[float, str]]],
    anchors: Mapping[int, int] | None = None,
) -> list[SearchHit]:
    """Hits for ranked transcript ids, each with its best passage.

    ``anchors`` gives, per transcript, the first word of a passage chosen elsewhere
    (semantic search) when no query word is in it.
    """
    rows = store.videos.hit_rows([t for t, _ in page])
    groups = slot_groups(node, variants) if node is not None else []
    hits = []
    for transcript_id, (score, label) in page:
        check_time()  # a passage of a long transcript takes a while to find
        row = rows.get(transcript_id)
        if row is None:  # pragma: no cover - superseded between the two queries
            continue
        passage = best_passage(row.text, row.word_times, groups)
        anchor = (anchors or {}).get(transcript_id)
        if anchor is not None and not passage.matched_terms:
            passage = best_passage(row.text, row.word_times, groups, anchor=anchor)
        in_title, heard_in_title = title_matches(row.title, groups)
        matched = passage.matched_terms + tuple(
            t for t in in_title if t not in passage.matched_terms
        )
        heard = passage.heard_as + tuple(h for h in heard_in_title if h not in passage.heard_as)
        hits.append(
            SearchHit(
                video_id=row.video_id,
                title=row.title,
                channel=row.channel,
                language=row.language,
                publish_date=row.publish_date,
                score=score,
                snippet=passage.snippet,
                matched_terms=matched,
                heard_as=heard,
                match=label,
                start_seconds=passage.start_seconds,
                url=youtube_url(row.video_id, passage.start_seconds),
            )
        )
    return hits


SEMANTIC_DEPTH = 20
# Meaning counts half as much as words at most: a static model does not know names
# ("Shin Bet"), where the words are the better evidence (bench/search_quality.py).
SEMANTIC_WEIGHT = 0.5
FULL_WEIGHT_WORDS = 4
MODES = ("lexical", "semantic", "hybrid")


def semantic_text(node: Node) -> str:
    """The words a query looks for, as text to embed (filters and exclusions left out)."""
    if isinstance(node, Term):
        return node.text
    if isinstance(node, Phrase):
        return " ".join(node.words)
    if isinstance(node, Or):
        return " ".join(semantic_text(p) for p in node.parts)
    if isinstance(node, Near):
        return " ".join(semantic_text(p) for p in node.parts)
    return " ".join(semantic_text(p) for p in node.include)


def semantic_weight(text: str) -> float:
    """How much the semantic ranking counts in hybrid: ``SEMANTIC_WEIGHT`` for queries
    of ``FULL_WEIGHT_WORDS`` words or more, less for shorter ones, where a name or a
    keyword is better matched by its words (a static model does not know "Shin Bet")."""
    words = len([t for t in tokens(text) if t not in STOPWORDS])
    return SEMANTIC_WEIGHT * min(1.0, words / FULL_WEIGHT_WORDS)


def relaxed(node: Node) -> Node | None:
    """Any of an AND's words (stopwords dropped) instead of all; None if not an AND."""
    if not isinstance(node, And) or len(node.include) < 2:
        return None
    parts = tuple(
        p for p in node.include if not (isinstance(p, Term) and fold(p.text) in STOPWORDS)
    )
    if len(parts) < 2:
        return None
    return And((Or(parts),), node.exclude) if node.exclude else Or(parts)


def semantic(
    indexes: Indexes,
    node: Node,
    filters: Filters,
    *,
    limit: int,
    offset: int = 0,
) -> list[SearchHit]:
    """Videos whose passages are nearest in meaning to the query, best first."""
    check_time()
    found = indexes.semantic.search(semantic_text(node), filters, offset + limit)[offset:]
    page = [(t, (score, "semantic")) for t, score, _ in found]
    anchors = {t: first for t, _, first in found}
    return build_hits(indexes.store, node, Heard(), page, anchors)


def hybrid(
    indexes: Indexes,
    node: Node,
    filters: Filters,
    *,
    limit: int,
    offset: int = 0,
    exact: bool = False,
) -> list[SearchHit]:
    """Lexical (with sound-alikes) and semantic rankings fused by normalised score.

    A video scores its BM25 over the best BM25 of the query (0..1) plus, if among the
    ``SEMANTIC_DEPTH`` nearest, its cosine scaled between the nearest's and the
    furthest's (0..1) times ``semantic_weight``. Scores keep the lexical margin that
    rank fusion throws away: on bench/search_quality.py MRR 0.88 against 0.78 for
    reciprocal rank fusion (k=10, same weights).
    """
    variants = variants_for(indexes.store, node, exact)
    wanted = max(POOL, offset + limit)
    lexical_ranked = rank(indexes, node, variants, filters, wanted)
    loose = relaxed(node)
    if loose is not None and len(lexical_ranked) < wanted:  # then videos with some words
        seen = {t for t, _ in lexical_ranked}
        more = rank(indexes, loose, variants, filters, wanted)
        lexical_ranked += [item for item in more if item[0] not in seen]
        lexical_ranked = lexical_ranked[:wanted]
    text = semantic_text(node)
    check_time()
    meaning = indexes.semantic.search(text, filters, SEMANTIC_DEPTH)
    weight = semantic_weight(text)
    fused: dict[int, float] = {}
    labels: dict[int, str] = {}
    top = max((score for _, (score, _) in lexical_ranked), default=1.0) or 1.0
    for transcript_id, (score, label) in lexical_ranked:
        fused[transcript_id] = score / top
        labels[transcript_id] = label
    if meaning:
        high, low = meaning[0][1], meaning[-1][1]
        for transcript_id, cosine, _ in meaning:
            part = (cosine - low) / (high - low) if high > low else 1.0
            fused[transcript_id] = fused.get(transcript_id, 0.0) + weight * part
            labels.setdefault(transcript_id, "semantic")
    lexical_rank = {t: n for n, (t, _) in enumerate(lexical_ranked)}
    order = sorted(fused, key=lambda t: (-fused[t], lexical_rank.get(t, wanted), t))
    order = order[offset : offset + limit]
    page = [(t, (round(fused[t], 4), labels[t])) for t in order]
    anchors = {t: first for t, _, first in meaning}
    return build_hits(indexes.store, node, variants, page, anchors)
