"""Run a parsed query against a store: lexical + sound-alike search, with passages.

See ``rank`` for how exact and sound-alike matches are weighed. Every hit gets its best
passage (snippet, matched words, start time, link); ``passage_rows`` lists every
passage of every matching video.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newsreel.budget import check_time
from newsreel.errors import NotFoundError, QueryError
from newsreel.models import Filters, HitRow, LazyTimes, SearchHit
from newsreel.rows import PassageRow
from newsreel.search import crowding, rerank
from newsreel.search.forms import stemmed
from newsreel.search.occurrences import WIDTH, Found, find_passages
from newsreel.search.passages import (
    Passage,
    best_passage,
    slot_groups,
    title_matches,
    youtube_url,
)
from newsreel.search.query import And, Near, Node, Or, Phrase, Term
from newsreel.search.soundalike import (
    Heard,
    adjacent,
    excluded_words,
    excluding,
    expand,
    find_variants,
    linked_variants,
    query_words,
    shares_context,
    with_linked,
)
from newsreel.text import STOPWORDS, content_words, fold, tokens

if TYPE_CHECKING:
    from newsreel.search.indexes import Indexes
    from newsreel.store.base import Store

SORTS = ("relevance", "date")
SOUND_ALIKE = "sound-alike"
PARTIAL = "partial"  # hybrid: some of the query's words, not all (or not the phrase)
POOL = 50
SOUND_ALIKE_WEIGHT = 0.8
SIDE_BY_SIDE_WEIGHT = 1.5


def mentioning(store: Store, names: Sequence[str]) -> frozenset[int] | None:
    """The transcripts that mention every entity named (``entity:NAME``: a name, a
    spelling or an id, as ``newsreel entity`` takes them), however the captions spelled
    it; None where none is named. An entity the archive does not know is a
    ``QueryError`` naming it (a typo would find nothing)."""
    found: frozenset[int] | None = None
    for name in names:
        hits = frozenset(store.entities.entity_hits(filtered_entity(store, name)[0]))
        found = hits if found is None else found & hits
    return found


def filtered_entity(store: Store, name: str) -> tuple[int, str, str]:
    """(id, name, type) of the entity an ``entity:NAME`` filter names: as ``newsreel
    entity`` finds it, or without a possessive ("Hamas's"); else a ``QueryError`` with
    the names it may mean, and for a one-word name the hint that a name of several words
    is quoted ("entity:Keir Starmer" filters by "Keir" alone)."""
    try:
        return store.entities.find_entity(name)
    except NotFoundError as error:
        bare = _POSSESSIVE_END.sub("", name)
        if bare != name:
            try:
                return store.entities.find_entity(bare)
            except NotFoundError:
                pass
        quoted = f' (a name of several words is quoted: entity:"{name} ...")' * (" " not in name)
        raise QueryError(f"{error}{quoted}") from None


def entity_notes(store: Store, names: Sequence[str]) -> list[str]:
    """What a user should know of a query's ``entity:`` filters: a spelling that is also
    other entities' ("entity:Clinton" is Hillary Clinton; Bill Clinton is heard so too)."""
    notes: list[str] = []
    for name in dict.fromkeys(names):
        entity, canonical, _ = filtered_entity(store, name)
        if name.isdigit() or name.casefold() == canonical.casefold():
            continue  # named as the archive names it, or by id: no doubt
        others = [row for row in store.entities.heard_as(name) if row[0] != entity]
        if others:
            also = ", ".join(f"{other} ({n})" for _, other, _, n in others[:3])
            notes.append(
                f"entity:{name} is {canonical}; {name!r} is also heard as {also}: "
                f'name one in full, e.g. entity:"{others[0][1]}"'
            )
    return notes


_POSSESSIVE_END = re.compile(r"['\u2019]s?$")


def variants_for(
    store: Store,
    node: Node,
    exact: bool,
    dropped: Collection[str] = (),
    context: Callable[[str], set[str]] | None = None,
) -> Heard:
    """The heard variants of the query's words, less ``dropped``; none when ``exact``.

    With ``context`` (a word's telling context words in the archive: ``Indexes.context``),
    a variant matches alone only where its context shares enough with the typed word's
    and the query's other words (``soundalike.shares_context``): "karina" (a singer)
    does not stand in for "Karim" (a footballer)."""
    check_time()
    if exact:
        return Heard()
    found = find_variants(node, store.search.sound_variants, store.search.indexed_documents())
    typed = query_words(node)
    words = {w for w in typed if w not in STOPWORDS}
    named = words | {w for w in excluded_words(node) if w not in STOPWORDS}  # "-Rafah" too
    linked = store.entities.linked_spellings(sorted(named)) if named else {}
    # less what the user dropped, and the words typed: "Rafah OR Rafa" hears neither
    found = other_kinds_dropped(store, with_linked(found, linked).without([*dropped, *typed]))
    if context is None or not any(found.alone.values()):
        return found
    taken = {w: set(linked_variants(w, spellings)) for w, spellings in linked.items()}
    return found.keeping(  # the archive's linking already weighed a linked spelling's context
        lambda w, v: v in taken.get(w, ()) or shares_context(context(w), words - {w}, context(v))
    )


def other_kinds_dropped(store: Store, found: Heard) -> Heard:
    """The variants less those that are known names of another kind than the typed
    word's: where enrich linked "Rafah" only as a place and "RAF" only as an
    organisation, "raf" does not stand in for "Rafah" (alone or in a phrase)."""
    pairs = [(w, v) for w, vs in found.in_phrase.items() for v in vs]
    if not pairs:
        return found
    kinds = store.entities.spelling_kinds(sorted({x for pair in pairs for x in pair}))
    if not kinds:
        return found

    def other(word: str, variant: str) -> bool:
        mine, theirs = kinds.get(word), kinds.get(variant)
        return bool(mine and theirs and mine.isdisjoint(theirs))

    gone = {(w, v) for w, v in pairs if other(w, v)}
    if not gone:
        return found
    return Heard(
        {w: [v for v in vs if (w, v) not in gone] for w, vs in found.alone.items()},
        {w: [v for v in vs if (w, v) not in gone] for w, vs in found.in_phrase.items()},
    )


def prepared(node: Node, exact: bool) -> Node:
    """The query as searched: plain words in any of their forms, unless ``exact``."""
    return node if exact else stemmed(node)


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
    dropped: Collection[str] = (),
) -> list[SearchHit]:
    """Ranked hits (exact and sound-alike matches), or the newest first."""
    node = prepared(node, exact)
    variants = variants_for(indexes.store, node, exact, dropped, indexes.context)
    wanted = offset + limit
    query = widest(node, variants)
    if sort == "date":
        found = indexes.match(query, filters, limit, offset, "date")
        exact_ids = _scores(indexes, node, filters, [t for t, _ in found])
        page = [(t, (s, "exact" if t in exact_ids else SOUND_ALIKE)) for t, s in found]
        return build_hits(indexes.store, node, variants, page)
    ranked = dict(rank(indexes, node, variants, filters, wanted + crowding.WINDOW))
    scores = {t: score for t, (score, _) in ranked.items()}
    order = crowding.crowded(list(ranked), scores, indexes.outlets(list(ranked)))
    return build_hits(indexes.store, node, variants, [(t, ranked[t]) for t in order][offset:wanted])


def rank(
    indexes: Indexes,
    node: Node,
    variants: Heard,
    filters: Filters,
    wanted: int,
) -> list[tuple[int, tuple[float, str]]]:
    """The best ``wanted`` transcripts, with score and how they matched.

    One index query (``Indexes.ranked``): a video scores the best of BM25 of the query
    as typed; BM25 of the query with the heard variants OR-ed in (so a video that says
    "Kareem" and "kareim" competes with one that says "Karim" once) x
    ``SOUND_ALIKE_WEIGHT``; and, for words side by side (as typed, or heard so),
    ``SIDE_BY_SIDE_WEIGHT`` x those. How each matched ("exact" or sound-alike) is read
    for the returned videos only.
    """
    node = excluding(node, variants)  # "-Rafah" leaves out "Rafa" in every part
    heard = expand(node, variants)
    side_by_side = adjacent(node)
    parts: list[tuple[Node, float]] = [(node, 1.0)]
    if variants:
        parts.append((heard, SOUND_ALIKE_WEIGHT))
    if side_by_side != node:
        parts.append((side_by_side, SIDE_BY_SIDE_WEIGHT))
        if variants:
            beside = expand(side_by_side, variants)
            parts.append((beside, SIDE_BY_SIDE_WEIGHT * SOUND_ALIKE_WEIGHT))
    found = indexes.ranked(parts, filters, wanted)
    if not variants:
        return [(t, (s, "exact")) for t, s in found]
    exact = _scores(indexes, node, filters, [t for t, _ in found])
    ranked = [(t, (s, "exact" if t in exact else SOUND_ALIKE)) for t, s in found]
    return other_names_dropped(indexes.store, ranked, node, variants)


def other_names_dropped(
    store: Store,
    ranked: list[tuple[int, tuple[float, str]]],
    node: Node,
    variants: Heard,
) -> list[tuple[int, tuple[float, str]]]:
    """The ranking less the sound-alike matches where every word heard is inside the
    name of an entity of another kind than the typed words name: "Rafah" (a place)
    does not find a video whose only "Rafa" is in "Rafa Benitez" (a person)."""
    sound = [t for t, (_, label) in ranked if label == SOUND_ALIKE]
    gone = _other_names(store, sound, node, variants)
    return [item for item in ranked if item[0] not in gone]


def _other_names(store: Store, sound: Sequence[int], node: Node, variants: Heard) -> set[int]:
    """Of transcripts matched only by sound, those whose every heard word is inside the
    name of an entity of another kind than the typed word it stands for names. A
    variant of a word that names no known entity is never such ("Claviness" for
    "Klaveness" stays beside "Qatar", a place, in "Klaveness Qatar")."""
    typed = query_words(node)
    kinds = store.entities.spelling_kinds(typed) if sound and typed else {}
    wanted: dict[str, set[str]] = {}  # heard word -> the kinds its typed word names
    for word, heard in variants.alone.items():
        for variant in heard:
            wanted.setdefault(variant, set()).update(kinds.get(word) or {"*"})
    if not any("*" not in k for k in wanted.values()):
        return set()
    mentions = store.entities.transcript_mentions(list(sound))
    rows = store.videos.hit_rows([t for t in sound if t in mentions])
    gone = set()
    for t, row in rows.items():
        said = [
            (i, wanted[v])
            for i, w in enumerate(row.text.split())
            for v in wanted.keys() & set(tokens(w))
        ]
        if said and all(
            "*" not in mine and any(s <= i < e and kind not in mine for s, e, kind in mentions[t])
            for i, mine in said
        ):
            gone.add(t)
    return gone


def hidden(indexes: Indexes, node: Node, variants: Heard, filters: Filters) -> Filters:
    """``filters`` less the videos search leaves out of a query's hits (see
    ``other_names_dropped``), so that totals, facets, exports, compare and trends count
    the videos the hit list shows."""
    if not variants.alone:
        return filters
    sound = set(indexes.matching_ids(widest(node, variants), filters))
    sound -= set(indexes.matching_ids(node, filters))
    gone = _other_names(indexes.store, sorted(sound), node, variants)
    return replace(filters, excluded=filters.excluded | gone) if gone else filters


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
    read: Mapping[int, HitRow] | None = None,
) -> list[SearchHit]:
    """Hits for ranked transcript ids, each with its best passage.

    ``anchors`` gives, per transcript, the first word of a passage chosen elsewhere
    (semantic search) when no query word is in it; ``read``: rows already read.
    """
    known = read or {}
    rows = {**known, **store.videos.hit_rows([t for t, _ in page if t not in known])}
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
        start = _placed(passage, anchor is not None)
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
                start_seconds=start,
                url=youtube_url(row.video_id, start),
            )
        )
    return hits


def _placed(passage: Passage, anchored: bool) -> float | None:
    """Where a hit's passage starts, if it says anything of where the match is: not
    for a video matched by its title alone (its passage is just its opening)."""
    return passage.start_seconds if passage.matched_terms or anchored else None


PASSAGE_CHUNK = 100  # transcripts read at a time when listing passages


def passage_rows(
    indexes: Indexes,
    node: Node,
    filters: Filters,
    *,
    exact: bool = False,
    dropped: Collection[str] = (),
    width: int = WIDTH,
) -> Iterator[PassageRow]:
    """Every passage of every matching video: videos in the order ``lexical`` ranks
    them, passages in transcript order. Ranks at once (under the caller's time budget);
    reads the transcripts ``PASSAGE_CHUNK`` at a time as the rows are consumed."""
    node = prepared(node, exact)
    variants = variants_for(indexes.store, node, exact, dropped, indexes.context)
    total = len(indexes.matching_ids(widest(node, variants), filters))
    ranked = rank(indexes, node, variants, filters, total) if total else []
    scores = {t: score for t, (score, _) in ranked}
    ids = [t for t, _ in ranked]  # in search's order: crowded as its hits are
    order = crowding.crowded(ids, scores, indexes.outlets(ids)) if ids else []
    return _passages(indexes.store, node, variants, order, width)


def _passages(
    store: Store, node: Node, variants: Heard, order: Sequence[int], width: int
) -> Iterator[PassageRow]:
    for begin in range(0, len(order), PASSAGE_CHUNK):
        chunk = order[begin : begin + PASSAGE_CHUNK]
        rows = store.videos.hit_rows(chunk)
        for place, transcript_id in enumerate(chunk, start=begin + 1):
            check_time()
            row = rows.get(transcript_id)
            if row is None:  # pragma: no cover - superseded between the two queries
                continue
            words = row.text.split(" ") if row.text else []
            found = find_passages(words, node, variants, width=width)
            if isinstance(row.word_times, LazyTimes) and len(found) > 1:
                row.word_times.split()
            for passage in found:
                yield _passage_row(row, place, words, row.word_times, passage)


def _passage_row(
    row: HitRow,
    place: int,
    words: Sequence[str],
    times: Sequence[tuple[float, float]] | None,
    passage: Found,
) -> PassageRow:
    start = end = None
    if times and passage.end_word <= len(times):  # times for every word of the passage
        start = float(times[passage.first_word][0])
        end = float(times[passage.end_word - 1][1])
    matched, heard = passage.matched(words)
    return PassageRow(
        video_id=row.video_id,
        title=row.title,
        channel=row.channel,
        language=row.language,
        publish_date=row.publish_date,
        rank=place,
        first_word=passage.first_word,
        end_word=passage.end_word,
        start_seconds=start,
        end_seconds=end,
        url=youtube_url(row.video_id, start),
        text=passage.text(words),
        matched_terms=matched,
        heard_as=heard,
        matches=tuple((a, b + 1) for a, b, _ in passage.runs),
    )


SEMANTIC_DEPTH = 20
# Meaning counts half as much as words at most: a static model does not know names
# ("Shin Bet"), where the words are the better evidence (bench/search_quality.py).
SEMANTIC_WEIGHT = 0.5
# Content words from which a query counts as a description, with meaning at full weight;
# shorter ones are names and keywords (6, was 4: "Savannah Guthrie mother ransom" is a
# keyword query; dev MRR +0.003, test and fresh unchanged; bench/RESULTS.md).
FULL_WEIGHT_WORDS = 6
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
    words = len(content_words(text))
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
    """Videos whose passages are nearest in meaning to the query, best first (none
    that holds a word the query excludes)."""
    check_time()
    out = excluded(indexes, node, filters)
    found = indexes.semantic.search(semantic_text(node), filters, offset + limit + len(out))
    found = [item for item in found if item[0] not in out][offset : offset + limit]
    page = [(t, (score, "semantic")) for t, score, _ in found]
    anchors = {t: first for t, _, first in found}
    return build_hits(indexes.store, node, Heard(), page, anchors)


def excluded(indexes: Indexes, node: Node, filters: Filters) -> set[int]:
    """The videos a query's exclusions ("Gaza -Cairo") rule out: a ranking by meaning
    reads no words, so they are taken out of it."""
    if not isinstance(node, And) or not node.exclude:
        return set()
    parts = node.exclude
    return set(indexes.fulltext.all_ids(parts[0] if len(parts) == 1 else Or(parts), filters))


def _reranked(
    store: Store,
    text: str,
    order: list[int],
    fused: dict[int, float],
    whole: Collection[int],
) -> tuple[list[int], dict[int, HitRow]]:
    """``order`` with its first ``rerank.DEPTH`` re-scored by the transformer encoder:
    a candidate that does not have every query word gains ``RERANK_WEIGHT`` times its
    cosine, scaled between the candidates' best and worst; videos with every word keep
    their places at the top (``fused`` is updated). Also the rows it read."""
    head = order[: rerank.DEPTH]
    loose = [t for t in head if t not in whole]
    if len(loose) < 2:
        return order, {}
    rows = store.videos.hit_rows(loose)
    check_time()
    cosines = rerank.rerank(text, {t: rows[t].text for t in loose if t in rows})
    if not cosines:
        return order, rows
    high, low = max(cosines.values()), min(cosines.values())
    for t, cosine in cosines.items():
        fused[t] += RERANK_WEIGHT * ((cosine - low) / (high - low) if high > low else 1.0)
    kept = [t for t in head if t in whole]
    return kept + sorted(loose, key=lambda t: -fused[t]) + order[rerank.DEPTH :], rows


# The transformer's say among the candidates it reads: as much as the lexical evidence's
# (tuned on the dev split of bench/queries/known_items.json; bench/RESULTS.md).
RERANK_WEIGHT = 1.0


def hybrid(
    indexes: Indexes,
    node: Node,
    filters: Filters,
    *,
    limit: int,
    offset: int = 0,
    exact: bool = False,
    dropped: Collection[str] = (),
) -> list[SearchHit]:
    """Lexical (with sound-alikes) and semantic rankings fused by normalised score, in
    two tiers: videos with every word of the query (or the phrase), as typed or heard,
    then the rest (some of the words, or the meaning only).

    A video scores its BM25 over the best BM25 of the query (0..1) plus, if among the
    ``SEMANTIC_DEPTH`` nearest, its cosine scaled between the nearest's and the
    furthest's (0..1) times ``semantic_weight``. Scores keep the lexical margin that
    rank fusion throws away: on bench/search_quality.py MRR 0.88 against 0.78 for
    reciprocal rank fusion (k=10, same weights). A query that describes (``rerank.wanted``)
    has its first ``rerank.DEPTH`` candidates without every word re-scored by the
    transformer encoder (``_reranked``), which reads paraphrase the static model misses.
    """
    node = prepared(node, exact)
    variants = variants_for(indexes.store, node, exact, dropped, indexes.context)
    wanted = max(POOL, offset + limit)
    lexical_ranked = rank(indexes, node, variants, filters, wanted)
    whole = {t for t, _ in lexical_ranked}  # every word (or the phrase), typed or heard
    loose = relaxed(node)
    if loose is not None and len(lexical_ranked) < wanted:  # then videos with some words
        seen = {t for t, _ in lexical_ranked}
        more = rank(indexes, loose, variants, filters, wanted)
        lexical_ranked += [(t, (s, PARTIAL)) for t, (s, _) in more if t not in seen]
        lexical_ranked = lexical_ranked[:wanted]
    text = semantic_text(node)
    check_time()
    out = excluded(indexes, excluding(node, variants), filters)
    # the SEMANTIC_DEPTH nearest only: by meaning every video is some distance away, and
    # the rest would add a score of 0 (a search had listed the whole archive)
    depth = SEMANTIC_DEPTH
    meaning = [m for m in indexes.semantic.search(text, filters, depth) if m[0] not in out]
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
            part = max(0.0, (cosine - low) / (high - low)) if high > low else 1.0
            if part == 0 and transcript_id not in fused:
                continue  # the furthest of them, by meaning alone: it would score 0
            fused[transcript_id] = fused.get(transcript_id, 0.0) + weight * part
            labels.setdefault(transcript_id, "semantic")
    lexical_rank = {t: n for n, (t, _) in enumerate(lexical_ranked)}
    meaning_rank = {t: n for n, (t, _, _) in enumerate(meaning)}
    # Evidence first: a video with all of the query is never below one with some of it
    # or only its meaning; the fused score orders each tier (then the nearest in meaning).
    order = sorted(
        fused,
        key=lambda t: (
            t not in whole,
            -fused[t],
            lexical_rank.get(t, wanted),
            meaning_rank.get(t, depth),
            t,
        ),
    )
    read: dict[int, HitRow] = {}
    if rerank.wanted(text) and offset < rerank.DEPTH:
        order, read = _reranked(indexes.store, text, order, fused, whole)
    order = order[offset : offset + limit]
    page = [(t, (round(fused[t], 4), labels[t])) for t in order]
    anchors = {t: first for t, _, first in meaning}
    return build_hits(indexes.store, node, variants, page, anchors, read)
