"""Stories, outlet comparison, topics and trends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from newsreel.analytics.compare import compare_outlets
from newsreel.analytics.trends import TREND_COLUMNS, TrendRow, Trends
from newsreel.api.base import MAX_TOP, ArchiveBase, Outlets
from newsreel.errors import ConfigError, no_story
from newsreel.models import UNKNOWN_OUTLET, Filters
from newsreel.rows import (
    CompareRow,
    Comparison,
    OutletClaim,
    StoryRow,
    Topics,
)
from newsreel.search.query import GROUP_PREFIX
from newsreel.stories.timeline import first_by_outlet

if TYPE_CHECKING:
    import pandas as pd


class AnalysisMethods(ArchiveBase):
    """Stories, comparison, topics and trends of an archive."""

    def stories(
        self,
        *,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
        min_videos: int = 2,
    ) -> list[StoryRow]:
        """Stories, newest first: ``story_id``, ``label``, ``start``, ``end``, ``videos``,
        ``channels`` (outlets, most videos first), ``channel_videos``, ``video_ids``,
        ``items`` (the videos), ``terms``."""
        _whole_number("min_videos", min_videos, 1)
        return self.store.stories.story_rows(self._filters(channel, lang, since, until), min_videos)

    def story(self, story_id: int) -> StoryRow:
        """One story, with who reported first per outlet (``first_by_outlet``)."""
        _whole_number("a story id", story_id, 1)
        rows = self.store.stories.story_rows(Filters(), 1, story_id)
        if not rows:
            raise no_story(story_id, self.store.stories.moved_story(story_id), self.store.path)
        return replace(rows[0], first_by_outlet=first_by_outlet(rows[0].items))

    def compare(
        self,
        *,
        story: int | None = None,
        entity: str | None = None,
        query: str | None = None,
        top: int = 15,
        channel: Outlets = None,
        since: date | None = None,
        until: date | None = None,
    ) -> Comparison:
        """How outlets covered a story, an entity's videos or a query's matches: per
        outlet the distinctive terms (log-odds, z-scores), its first video, and the
        numbers it reported over time (``top``: distinctive terms per outlet, 1 to
        ``MAX_TOP``); ``channel``, ``since`` and ``until`` keep the videos of those
        outlets (``(unknown)``: of none) and dates only."""
        if not 1 <= top <= MAX_TOP:
            raise ConfigError(f"top must be between 1 and {MAX_TOP}, not {top}")
        chosen = [x for x in (story, entity, query) if x not in (None, "")]
        if len(chosen) != 1:
            raise ConfigError("compare one thing: a story, an entity or a query")
        if story is not None:
            _whole_number("a story id", story, 1)
            tids = self.store.stories.story_video_ids(story)
            if not tids:
                raise no_story(story, self.store.stories.moved_story(story), self.store.path)
            what = f"story {story}"
        elif entity:
            entity_id, name, _ = self.store.entities.find_entity(entity)
            tids = list(self.store.entities.entity_hits(entity_id))
            what = f"entity {name}"
        else:
            node, chosen_filters = self._widest(
                str(query), False, channel=None, lang=None, since=None, until=None
            )
            tids = self.indexes.matching_ids(node, chosen_filters)
            what = f"query {query}"
        rows = self.store.analytics.compare_rows(tids)
        claims = self.store.analytics.claims_of(tids)
        if channel or since or until:
            rows, claims = self._kept(rows, claims, channel, since, until)
        return compare_outlets(what, rows, claims, top=top)

    def _kept(
        self,
        rows: list[CompareRow],
        claims: list[OutletClaim],
        channel: Outlets,
        since: date | None,
        until: date | None,
    ) -> tuple[list[CompareRow], list[OutletClaim]]:
        """The compared videos (and their numbers) of the outlets and dates asked for."""
        filters = self._filters(channel, None, since, until)
        outlets = set(filters.channels)
        kept = [
            r
            for r in rows
            if (not outlets or (r.channel or UNKNOWN_OUTLET) in outlets)
            and (filters.since is None or (r.publish_date and r.publish_date >= filters.since))
            and (filters.until is None or (r.publish_date and r.publish_date <= filters.until))
        ]
        videos = {r.video_id for r in kept}
        return kept, [c for c in claims if c.video_id in videos]

    def topics(
        self,
        *,
        topics: int = 12,
        per: str = "month",
        sample: int = 20_000,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> Topics:
        """Coarse themes of the (filtered) archive and their share of each outlet's videos
        per period: ``topics`` (``topic``, ``label``, ``terms``, ``videos``) and ``rows``
        (``topic``, ``channel``, ``period``, ``videos``, ``total_videos``, ``pct_videos``)."""
        from newsreel.analytics.topics import Lead, topics_over_time

        _whole_number("topics", topics, MIN_TOPICS)
        _whole_number("sample", sample, MIN_SAMPLE)
        if topics > MAX_TOPICS:
            raise ConfigError(f"topics must be at most {MAX_TOPICS}, not {topics}")
        leads = (
            Lead(title, lead, chan, date.fromisoformat(day) if day else None)
            for title, lead, chan, day in self.store.analytics.leads(
                self._filters(channel, lang, since, until)
            )
        )
        return topics_over_time(leads, topics=topics, per=per, sample=sample)

    def per_outlet_month(self) -> list[tuple[str, str, int]]:
        """(outlet, month, videos) over the archive."""
        return self.store.analytics.videos_per_outlet_month()

    def trend_rows(
        self,
        terms: Sequence[str] | str,
        *,
        per: str = "month",
        by_channel: bool = True,
        heard: bool = True,
        channel: Outlets = None,
        lang: str | None = None,
        since: date | None = None,
        until: date | None = None,
        by_group: bool = False,
    ) -> list[TrendRow]:
        """Trend rows: each term (word, "phrase", query, or entity:NAME) per outlet (or
        all outlets) per day, week or month, with hits, videos and the period's totals.
        Counted as search finds them: ``heard`` (default) includes the ways the captions
        misheard the words (``trend_variants`` lists them; ``-heard:WORD`` in a term
        drops one); ``heard=False`` counts the words as typed. ``by_group``: one line
        per outlet group (its outlets counted together; ``channel`` is the group)."""
        terms = [terms] if isinstance(terms, str) else terms  # one term, not its letters
        if self._trends is None:
            self._trends = Trends(self.indexes)
        filters = self._filters(channel, lang, since, until)
        if by_group:
            return self._group_trends(self._trends, terms, per, heard, filters)
        return self._trends.query(
            terms,
            per=per,
            by_channel=by_channel,
            heard=heard,
            filters=filters,
        )

    def _group_trends(
        self, trends: Trends, terms: Sequence[str], per: str, heard: bool, filters: Filters
    ) -> list[TrendRow]:
        """Trend rows per outlet group, of the outlets the filters keep."""
        groups = self.store.metadata.group_members()
        if not groups:
            raise ConfigError(
                "the archive has no outlet groups to count by; make one with 'newsreel group "
                "add NAME OUTLET...'"
            )
        wanted = {c.casefold() for c in filters.channels}
        kept = {
            o.name.casefold()
            for o in self.store.metadata.outlets()
            if not wanted or wanted & {n.casefold() for n in (o.name, *o.codes)}
        }
        rows: list[TrendRow] = []
        for name, outlets in groups.items():
            chosen = tuple(o for o in outlets if o.casefold() in kept)
            if chosen:
                found = trends.query(
                    terms,
                    per=per,
                    by_channel=False,
                    heard=heard,
                    filters=replace(filters, channels=chosen),
                )
                rows += [replace(row, channel=GROUP_PREFIX + name) for row in found]
        return rows

    def trend_variants(self, terms: Sequence[str] | str) -> dict[str, dict[str, list[str]]]:
        """The heard variants ``trend_rows`` counts with each word of each term (term →
        word → variants); drop one with ``-heard:VARIANT`` in the term."""
        if self._trends is None:
            self._trends = Trends(self.indexes)
        return self._trends.heard([terms] if isinstance(terms, str) else terms)

    def trend_undated(
        self,
        terms: Sequence[str] | str,
        *,
        heard: bool = True,
        channel: Outlets = None,
        lang: str | None = None,
    ) -> dict[str, int]:
        """For each term, how many videos that say it (of ``channel`` and ``lang``) have
        no date and so are in no period of ``trend_rows``; terms with none left out."""
        if self._trends is None:
            self._trends = Trends(self.indexes)
        filters = self._filters(channel, lang, None, None)
        terms = [terms] if isinstance(terms, str) else terms
        return self._trends.undated_hits(terms, heard=heard, filters=filters)

    def trends(self, terms: Sequence[str] | str, **options: Any) -> pd.DataFrame:
        """``trend_rows`` as a pandas DataFrame, with ``per_10k_words`` and ``pct_videos``."""
        import pandas as pd

        columns = list(TREND_COLUMNS)
        return pd.DataFrame.from_records(
            [r.to_dict() for r in self.trend_rows(terms, **options)], columns=columns
        )


MIN_TOPICS, MAX_TOPICS = 2, 100  # themes ``topics`` fits (as ``newsreel topics --topics``)
MIN_SAMPLE = 100  # videos the themes are fitted on at least


def _whole_number(name: str, value: object, least: int) -> None:
    """A ``ConfigError`` for an argument that is no whole number from ``least`` (``None``,
    "1", True, 0)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise ConfigError(f"{name} must be a whole number from {least}, not {value!r}")
