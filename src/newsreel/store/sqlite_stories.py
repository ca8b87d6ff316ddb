"""Stories and their videos in a SQLite archive (the stories stage's rows)."""

from __future__ import annotations

import json
from collections.abc import Container, Mapping, Sequence
from datetime import date
from typing import Any

from newsreel.models import LABEL_JOIN, Filters, StoryState
from newsreel.rows import StoryRow, StoryVideo, UngroupedVideo
from newsreel.store.sql import filter_clause
from newsreel.store.sqlite_write import (
    LEAD_CHARS,
    MAX_ID,
    Repository,
    now,
    rows_in,
    to_date,
)
from newsreel.text import ENTITY_PREFIX, heaviest

_TIES = 50  # rows read past a limit, so that a tie at the cut is broken the same on every store


class SQLiteStories(Repository):
    """Stories (centroid, span, outlets, label) and which story each transcript is in."""

    def ungrouped(self, limit: int, after: tuple[str, int] | None = None) -> list[UngroupedVideo]:
        """Current transcripts in no story yet, oldest first, then the undated; ``after``
        is the (publish date or '', transcript id) of the last row of the previous batch."""
        head = (
            "SELECT t.id, v.video_id, v.title, substr(t.text, 1, ?), v.publish_date, "
            "v.channel FROM videos v JOIN transcripts t ON t.id = v.current_transcript_id "
            "WHERE NOT EXISTS (SELECT 1 FROM story_videos s WHERE s.transcript_id = t.id) "
        )
        rows: list[Any] = []
        day, last = after or ("", 0)
        if day != "~":  # dated videos first, in date order
            rows = self.db.execute(
                head + "AND v.publish_date IS NOT NULL AND (v.publish_date, t.id) > (?, ?) "
                "ORDER BY v.publish_date, t.id LIMIT ?",
                (LEAD_CHARS, day, last, limit),
            ).fetchall()
            last = 0
        if len(rows) < limit:
            rows += self.db.execute(
                head + "AND v.publish_date IS NULL AND t.id > ? ORDER BY t.id LIMIT ?",
                (LEAD_CHARS, last if day == "~" else 0, limit - len(rows)),
            ).fetchall()
        return [UngroupedVideo(r[0], r[1], r[2], r[3], to_date(r[4]), r[5]) for r in rows]

    def recently_grouped(
        self, limit: int, undated_first: bool = False
    ) -> list[tuple[UngroupedVideo, int]]:
        """Current transcripts already in a story, with its id: the latest dated first,
        then the undated, newest first (the undated first when ``undated_first``); a
        small batch places them again beside its own videos (``stories.stage``)."""
        head = (
            "SELECT t.id, v.video_id, v.title, substr(t.text, 1, ?), v.publish_date, "
            "v.channel, s.story_id FROM videos v JOIN transcripts t "
            "ON t.id = v.current_transcript_id JOIN story_videos s ON s.transcript_id = t.id "
        )
        dated = head + "WHERE v.publish_date IS NOT NULL ORDER BY v.publish_date DESC, t.id DESC "
        undated = head + "WHERE v.publish_date IS NULL ORDER BY t.id DESC "
        rows: list[Any] = []
        for sql in (undated, dated) if undated_first else (dated, undated):
            if len(rows) < limit:
                rows += self.db.execute(sql + "LIMIT ?", (LEAD_CHARS, limit - len(rows))).fetchall()
        return [
            (UngroupedVideo(r[0], r[1], r[2], r[3], to_date(r[4]), r[5]), int(r[6])) for r in rows
        ]

    def stories_near(
        self, first: date | None, last: date | None, limit: int, skip: Container[int] = ()
    ) -> list[StoryState]:
        """Stories a batch spanning ``first``..``last`` (None: undated) may join, but
        those in ``skip`` (already held)."""
        if first is None or last is None:
            rows = self.db.execute(
                'SELECT id FROM stories ORDER BY "end" DESC LIMIT ?', (limit,)
            ).fetchall()
        else:  # two indexed reads: an OR of both would scan every story
            rows = self.db.execute(
                'SELECT id FROM stories WHERE "end" >= ? AND start <= ? ORDER BY "end" DESC '
                "LIMIT ?",
                (first.isoformat(), last.isoformat(), limit),
            ).fetchall()
            rows += self.db.execute(
                "SELECT id FROM stories WHERE start IS NULL LIMIT ?", (limit,)
            ).fetchall()
        wanted = [int(r[0]) for r in rows if int(r[0]) not in skip]
        return [
            StoryState(
                int(r["id"]),
                json.loads(r["centroid"]),
                date.fromisoformat(r["start"]) if r["start"] else None,
                date.fromisoformat(r["end"]) if r["end"] else None,
                int(r["videos"]),
            )
            for r in rows_in(self.db, "SELECT * FROM stories WHERE id IN ({})", wanted)
        ]

    def next_story_id(self) -> int:
        """One more than the highest story id ever used (a regrouped story's old id is
        never given to another story)."""
        return 1 + max(
            int(self.db.execute(f"SELECT coalesce(max({column}), 0) FROM {table}").fetchone()[0])
            for table, column in (
                ("stories", "id"),
                ("story_history", "story_id"),
                ("story_moves", "old_id"),
                ("story_moves", "new_id"),
            )
        )

    def remember_stories(self) -> None:
        """Keep which story each video is in before a regrouping forgets them (unless an
        interrupted regrouping kept them already: the stories now are part-made)."""
        with self.db:
            if self.db.execute("SELECT 1 FROM story_history LIMIT 1").fetchone() is None:
                self.db.execute(
                    "INSERT INTO story_history (video_id, story_id) SELECT v.video_id, "
                    "s.story_id FROM story_videos s JOIN videos v "
                    "ON v.current_transcript_id = s.transcript_id"
                )

    def story_videos(self, before: bool = False) -> dict[int, set[str]]:
        """The video ids of each story: now, or (``before``) before the regrouping that
        is under way (empty when none is)."""
        sql = (
            "SELECT story_id, video_id FROM story_history"
            if before
            else "SELECT s.story_id, v.video_id FROM story_videos s JOIN videos v "
            "ON v.current_transcript_id = s.transcript_id"
        )
        out: dict[int, set[str]] = {}
        for story_id, video_id in self.db.execute(sql):
            out.setdefault(int(story_id), set()).add(str(video_id))
        return out

    def carry_story_ids(self, kept: Mapping[int, int], moved: Mapping[int, int | None]) -> None:
        """End a regrouping: each new story in ``kept`` takes its old id, each old id in
        ``moved`` remembers the story its videos went to, and the old stories are
        forgotten."""
        with self.db:
            for new_id, old_id in kept.items():  # copied, moved, dropped: videos refer to it
                if new_id == old_id:
                    continue  # a regrouping stopped before it forgot the stories: as it was
                self.db.execute(
                    'INSERT INTO stories (id, label, start, "end", videos, channels, centroid, '
                    'updated_at) SELECT ?, label, start, "end", videos, channels, centroid, '
                    "updated_at FROM stories WHERE id = ?",
                    (old_id, new_id),
                )
                self.db.execute(
                    "UPDATE story_videos SET story_id = ? WHERE story_id = ?", (old_id, new_id)
                )
                self.db.execute("DELETE FROM stories WHERE id = ?", (new_id,))
                self.db.execute("DELETE FROM story_moves WHERE old_id = ?", (old_id,))
            self._note_moves(moved)
            self.db.execute("DELETE FROM story_history")

    def note_story_moves(self, moved: Mapping[int, int | None]) -> None:
        """Each story id in ``moved`` went: its link leads to the story given (None:
        none holds its videos)."""
        with self.db:
            self._note_moves(moved)

    def _note_moves(self, moved: Mapping[int, int | None]) -> None:
        for gone, heir in moved.items():
            self.db.execute("DELETE FROM story_moves WHERE old_id = ?", (gone,))
            self.db.execute("INSERT INTO story_moves VALUES (?, ?)", (gone, heir))

    def moved_story(self, story_id: int) -> tuple[bool, int | None]:
        """Whether a story id was regrouped away, and the story now holding most of its
        videos (None where none does), followed across regroupings."""
        if not 0 <= story_id <= MAX_ID:
            return False, story_id
        seen: set[int] = set()
        current = story_id
        while current not in seen:
            seen.add(current)
            row = self.db.execute(
                "SELECT new_id FROM story_moves WHERE old_id = ?", (current,)
            ).fetchone()
            if row is None:
                return current != story_id, current
            if row[0] is None:
                break
            current = int(row[0])
        return True, None

    def save_stories(
        self,
        stories: Sequence[StoryState],
        placed: Sequence[tuple[int, int, float]],
        channels: Mapping[int, str | None],
    ) -> None:
        """Store touched stories (centroid, size, span) and (transcript id, story id,
        similarity) placements; ``channels`` gives each placed transcript's outlet, added
        to its story's outlet counts. Every touched story, and those that lost an older
        version of a placed video, is recomputed from the videos it holds."""
        stamp = now()
        with self.db:
            old = list(
                rows_in(
                    self.db,
                    "SELECT DISTINCT s.story_id FROM story_videos s JOIN transcripts t "
                    "ON t.id = s.transcript_id JOIN transcripts n ON n.video_id = t.video_id "
                    "WHERE n.id IN ({}) AND t.id != n.id",
                    [p[0] for p in placed],
                )
            )
            self.db.executemany(
                "DELETE FROM story_videos WHERE transcript_id IN (SELECT t.id FROM transcripts "
                "t JOIN transcripts n ON n.video_id = t.video_id WHERE n.id = ? AND t.id != ?)",
                [(p[0], p[0]) for p in placed],
            )
            kept = [st for st in stories if st.videos > 0]
            outlets = self._outlet_counts([st.story_id for st in kept])
            for tid, story_id, _ in placed:
                counts = outlets.setdefault(story_id, {})
                name = channels.get(tid) or "(unknown)"
                counts[name] = counts.get(name, 0) + 1
            self.db.executemany(
                'INSERT INTO stories (id, centroid, videos, start, "end", channels, updated_at) '
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "centroid = excluded.centroid, videos = excluded.videos, start = excluded.start, "
                '"end" = excluded."end", channels = excluded.channels, '
                "updated_at = excluded.updated_at",
                [
                    (
                        st.story_id,
                        json.dumps(_rounded(st.centroid)),
                        st.videos,
                        st.start.isoformat() if st.start else None,
                        st.end.isoformat() if st.end else None,
                        json.dumps(
                            dict(
                                sorted(
                                    outlets.get(st.story_id, {}).items(),
                                    key=lambda kv: (-kv[1], kv[0]),
                                )
                            )
                        ),
                        stamp,
                    )
                    for st in kept
                ],
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO story_videos VALUES (?, ?, ?)", list(placed)
            )
            self.db.executemany(  # emptied by videos placed elsewhere in the batch
                "DELETE FROM stories WHERE id = ?",
                [(st.story_id,) for st in stories if st.videos <= 0],
            )
            # size, span and outlets from the videos each touched story holds now: a
            # video that moved to another story in the batch's passes leaves its span
            touched = {int(r[0]) for r in old} | {st.story_id for st in kept}
            self._refresh_stories(sorted(touched))

    def rename_in_labels(self, old: str, new: str) -> None:
        """Story labels with an entity's old name as the new one (a rename or merge
        shows at once, not at the next regrouping); a part said twice is said once."""
        rows = self.db.execute(
            "SELECT id, label FROM stories WHERE label LIKE ?", (f"%{old}%",)
        ).fetchall()
        changed = []
        for story_id, label in rows:
            parts = [new if part == old else part for part in str(label).split(LABEL_JOIN)]
            relabelled = LABEL_JOIN.join(dict.fromkeys(parts))
            if relabelled != label:
                changed.append((relabelled, story_id))
        if changed:
            with self.db:
                self.db.executemany("UPDATE stories SET label = ? WHERE id = ?", changed)

    def refresh_spans(self) -> None:
        """Recompute every story's size, date span and outlets from its videos' current
        metadata (after ``newsreel set`` or an outlet merge: a story's listing follows)."""
        ids = [int(r[0]) for r in self.db.execute("SELECT id FROM stories").fetchall()]
        if ids:
            with self.db:
                self._refresh_stories(ids)

    def _outlet_counts(self, story_ids: Sequence[int]) -> dict[int, dict[str, int]]:
        return {
            int(r[0]): json.loads(r[1])
            for r in rows_in(
                self.db, "SELECT id, channels FROM stories WHERE id IN ({})", story_ids
            )
        }

    def _refresh_stories(self, story_ids: Sequence[int]) -> None:
        """Recompute size, span and outlets of stories; drop the empty ones."""
        spans = {
            int(r[0]): (int(r[1]), r[2], r[3])
            for r in rows_in(
                self.db,
                "SELECT s.story_id, count(*), min(v.publish_date), max(v.publish_date) "
                "FROM story_videos s JOIN videos v ON v.current_transcript_id = s.transcript_id "
                "WHERE s.story_id IN ({}) GROUP BY s.story_id",
                story_ids,
            )
        }
        channels: dict[int, dict[str, int]] = {}
        for story_id, channel, count in rows_in(
            self.db,
            "SELECT s.story_id, coalesce(v.channel, '(unknown)'), count(*) FROM story_videos s "
            "JOIN videos v ON v.current_transcript_id = s.transcript_id "
            "WHERE s.story_id IN ({}) GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2",
            story_ids,
        ):
            channels.setdefault(int(story_id), {})[channel] = int(count)
        empty = [(sid,) for sid in story_ids if sid not in spans]
        self.db.executemany("DELETE FROM story_videos WHERE story_id = ?", empty)
        self.db.executemany("DELETE FROM stories WHERE id = ?", empty)
        self.db.executemany(
            'UPDATE stories SET videos = ?, start = ?, "end" = ?, channels = ? WHERE id = ?',
            [
                (n, first, last, json.dumps(channels.get(sid, {})), sid)
                for sid, (n, first, last) in spans.items()
            ],
        )

    def set_story_labels(self, labels: Sequence[tuple[int, str]]) -> None:
        """Name stories: (story id, label)."""
        with self.db:
            self.db.executemany(
                "UPDATE stories SET label = ? WHERE id = ?", [(label, sid) for sid, label in labels]
            )

    def story_entities(self, story_id: int, limit: int) -> list[tuple[str, int]]:
        """The entities mentioned in most of a story's videos, then most often (a lone
        video's label is its most mentioned names, not the first in the alphabet):
        (name, videos)."""
        rows = self.db.execute(
            "SELECT e.name, count(DISTINCT m.transcript_id), count(*) FROM story_videos s "
            "JOIN mentions m ON m.transcript_id = s.transcript_id "
            "JOIN entities e ON e.id = m.entity_id WHERE s.story_id = ? "
            "GROUP BY e.id, e.name ORDER BY 2 DESC, 3 DESC LIMIT ?",
            (story_id, limit + _TIES),
        ).fetchall()
        # ties broken here, by code point: the stores' collations order names apart
        ranked = sorted(rows, key=lambda r: (-int(r[1]), -int(r[2]), str(r[0])))
        return [(str(r[0]), int(r[1])) for r in ranked[:limit]]

    def clear_stories(self) -> None:
        """Forget every story (before regrouping the archive)."""
        with self.db:
            self.db.execute("DELETE FROM story_videos")
            self.db.execute("DELETE FROM stories")

    def story_rows(
        self, filters: Filters, min_videos: int, story_id: int | None = None
    ) -> list[StoryRow]:
        """Stories with their videos, newest first; ``filters`` keep a story when one of
        its videos passes them."""
        if story_id is not None and not 0 <= story_id <= MAX_ID:
            return []  # no row has it (SQLite's integers end at 2**63 - 1)
        where, params = filter_clause(filters)
        sql = (
            'SELECT st.id, st.label, st.start, st."end", st.videos, st.channels, st.centroid '
            "FROM stories st WHERE st.videos >= ?"
        )
        args: list[Any] = [min_videos]
        if story_id is not None:
            sql += " AND st.id = ?"
            args.append(story_id)
        if where:
            sql += (
                " AND EXISTS (SELECT 1 FROM story_videos s JOIN videos v ON "
                "v.current_transcript_id = s.transcript_id WHERE s.story_id = st.id" + where + ")"
            )
            args += params
        sql += ' ORDER BY st."end" IS NULL, st."end" DESC, st.videos DESC, st.id'
        out = []
        for r in self.db.execute(sql, args).fetchall():
            videos = tuple(
                StoryVideo(v[0], v[1], v[2], to_date(v[3]), v[4])
                for v in self.db.execute(
                    "SELECT v.video_id, v.title, v.channel, v.publish_date, s.similarity "
                    "FROM story_videos s JOIN videos v ON v.current_transcript_id = "
                    "s.transcript_id WHERE s.story_id = ? ORDER BY v.publish_date IS NULL, "
                    "v.publish_date, v.video_id",
                    (r[0],),
                )
            )
            channels = json.loads(r[5])
            out.append(
                StoryRow(
                    story_id=int(r[0]),
                    label=r[1],
                    start=to_date(r[2]),
                    end=to_date(r[3]),
                    videos=int(r[4]),
                    channels=tuple(channels),
                    channel_videos=channels,
                    video_ids=tuple(v.video_id for v in videos),
                    items=videos,
                    terms=tuple(
                        t for t in heaviest(json.loads(r[6]), 16) if not t.startswith(ENTITY_PREFIX)
                    )[:8],
                )
            )
        return out

    def story_of(self, video_id: str) -> int | None:
        """The story of a video's current transcript."""
        row = self.db.execute(
            "SELECT s.story_id FROM videos v JOIN story_videos s "
            "ON s.transcript_id = v.current_transcript_id WHERE v.video_id = ?",
            (video_id,),
        ).fetchone()
        return int(row[0]) if row else None

    def story_video_ids(self, story_id: int) -> list[int]:
        """Current transcript ids of a story's videos."""
        if not 0 <= story_id <= MAX_ID:
            return []
        return [
            int(r[0])
            for r in self.db.execute(
                "SELECT s.transcript_id FROM story_videos s JOIN videos v "
                "ON v.current_transcript_id = s.transcript_id WHERE s.story_id = ?",
                (story_id,),
            )
        ]


def _rounded(centroid: dict[str, float]) -> dict[str, float]:
    return {t: round(w, 5) for t, w in centroid.items()}
