"""Read-only queries behind trends, topics, the overview and outlet comparison."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newsreel.models import Filters
from newsreel.rows import CompareRow, OutletClaim, claim_qualifier
from newsreel.store.sql import filter_clause
from newsreel.store.sqlite_write import LEAD_CHARS, Repository, temp_ids, to_date


class SQLiteAnalytics(Repository):
    """Read-only rows for trends, topics, the overview and comparison."""

    def trend_meta(
        self,
    ) -> list[tuple[int, str | None, str | None, str | None, str | None, int]]:
        """(transcript id, channel, channel code, language, publish date, words) of every
        current transcript."""
        return [
            (int(r[0]), r[1], r[2], r[3], r[4], int(r[5]))
            for r in self.db.execute(
                "SELECT t.id, v.channel, v.channel_code, v.language, v.publish_date, t.words "
                "FROM videos v INDEXED BY videos_trend "
                "JOIN transcripts t INDEXED BY transcripts_words ON t.id = v.current_transcript_id"
            )
        ]

    def videos_per_outlet_month(self) -> list[tuple[str, str, int]]:
        """(channel, month, videos) over the archive."""
        return [
            (r[0], r[1], int(r[2]))
            for r in self.db.execute(
                "SELECT coalesce(channel, '(unknown)'), coalesce(substr(publish_date, 1, 7), "
                "'(undated)'), count(*) FROM videos WHERE current_transcript_id IS NOT NULL "
                "GROUP BY 1, 2 ORDER BY 2, 1"
            )
        ]

    def leads(self, filters: Filters) -> Iterator[tuple[str | None, str, str | None, str | None]]:
        """(title, first words, channel, publish date) of every current transcript."""
        where, params = filter_clause(filters)
        yield from self.db.execute(
            "SELECT v.title, substr(t.text, 1, ?), v.channel, v.publish_date FROM videos v "
            "JOIN transcripts t ON t.id = v.current_transcript_id WHERE 1 = 1" + where,
            [LEAD_CHARS, *params],
        )

    def compare_rows(self, transcript_ids: Sequence[int]) -> list[CompareRow]:
        """Video, outlet, date and repaired (else raw) text of current transcripts."""
        temp_ids(self.db, "chosen_ids", transcript_ids)
        return [
            CompareRow(r[0], r[1], r[2], to_date(r[3]), r[4])
            for r in self.db.execute(
                "SELECT v.video_id, v.title, v.channel, v.publish_date, "
                "coalesce(r.text, t.text) FROM temp.chosen_ids c "
                "JOIN videos v ON v.current_transcript_id = c.id "
                "JOIN transcripts t ON t.id = c.id LEFT JOIN repairs r ON r.transcript_id = c.id"
            )
        ]

    def claims_of(self, transcript_ids: Sequence[int]) -> list[OutletClaim]:
        """Numbers reported in the given transcripts, oldest first, with the outlet."""
        temp_ids(self.db, "chosen_ids", transcript_ids)
        return [
            OutletClaim(
                r[0], to_date(r[1]), r[2], r[3], r[4], r[5], r[6], claim_qualifier(r[4], r[7])
            )
            for r in self.db.execute(
                "SELECT v.channel, v.publish_date, v.video_id, c.value, c.text, c.subject, "
                "c.attribution, c.sentence "
                "FROM temp.chosen_ids i JOIN claims c ON c.transcript_id = i.id "
                "JOIN videos v ON v.current_transcript_id = i.id "
                "ORDER BY v.publish_date IS NULL, v.publish_date, v.video_id, c.start"
            )
        ]
