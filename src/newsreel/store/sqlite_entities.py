"""Entities, mentions, claims and quotes in a SQLite archive (the enrich stage's rows)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from rapidfuzz import utils

from newsreel.errors import NotFoundError
from newsreel.rows import (
    ClaimRow,
    CoMention,
    EntityProfile,
    EntityRow,
    EntityVideo,
    MentionRow,
    OutletMonth,
    QuoteRow,
    VideoMention,
    claim_qualifier,
    claim_unit,
)
from newsreel.store.base import ClaimInput, MentionInput, QuoteInput
from newsreel.store.sqlite_write import MAX_ID, Repository, now, rows_in, temp_ids, to_date
from newsreel.text import closest, did_you_mean, name_key

CO_MENTION_VIDEOS = 300  # co-mentions are counted over an entity's newest videos


SAMPLE = 20_000  # mentions read to weigh a spelling in a search (linked_spellings)


class SQLiteEntities(Repository):
    """Entities with their spellings, and the mentions, claims and quotes of transcripts."""

    def unenriched(self, version: str, after: int, limit: int) -> list[tuple[int, str, str | None]]:
        """(id, token-aligned text, repaired when available, the video's title) of
        transcripts to enrich."""
        return [
            (r[0], r[1], r[2])
            for r in self.db.execute(
                "SELECT t.id, coalesce(r.text, t.text), coalesce(v.title, t.title) "
                "FROM videos v JOIN transcripts t "
                "ON t.id = v.current_transcript_id LEFT JOIN repairs r ON r.transcript_id = t.id "
                "LEFT JOIN enrichments e ON e.transcript_id = t.id "
                "WHERE t.id > ? AND (e.version IS NULL OR e.version != ?) ORDER BY t.id LIMIT ?",
                (after, version, limit),
            )
        ]

    def _entity_id(self, name: str, kind: str) -> int:
        self.db.execute("INSERT OR IGNORE INTO entities (name, type) VALUES (?, ?)", (name, kind))
        row = self.db.execute(
            "SELECT id FROM entities WHERE name = ? AND type = ?", (name, kind)
        ).fetchone()
        return int(row[0])

    def save_enrichment(
        self,
        transcript_id: int,
        version: str,
        mentions: Sequence[MentionInput],
        claims: Sequence[ClaimInput],
        quotes: Sequence[QuoteInput] = (),
    ) -> None:
        """Replace a transcript's mentions, claims and quotes; mark it enriched by ``version``."""
        ids: dict[tuple[str, str], int] = {}

        def entity(name: str, kind: str) -> int:
            if (name, kind) not in ids:
                ids[(name, kind)] = self._entity_id(name, kind)
            return ids[(name, kind)]

        # Entities first, in one order: writers enriching other transcripts at once (a
        # cluster's workers) then never wait for each other's new entities in a cycle.
        wanted = {(name, kind) for _, _, _, name, kind, _ in mentions}
        wanted.update(who_is for _, _, _, who_is, _, _ in quotes if who_is)
        for name, kind in sorted(wanted):
            entity(name, kind)
        with self.db:
            for table in ("mentions", "claims", "quotes"):
                self.db.execute(f"DELETE FROM {table} WHERE transcript_id = ?", (transcript_id,))
            self.db.executemany(
                "INSERT OR REPLACE INTO mentions VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (transcript_id, s, e, surface, entity(name, kind), source)
                    for s, e, surface, name, kind, source in mentions
                ],
            )
            self.db.executemany(
                'INSERT INTO claims (transcript_id, start, "end", value, text, subject, '
                "attribution, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(transcript_id, *c) for c in claims],
            )
            self.db.executemany(
                'INSERT INTO quotes (transcript_id, start, "end", speaker, entity_id, text, kind) '
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        transcript_id,
                        s,
                        e,
                        who,
                        entity(*who_is) if who_is else None,
                        text,
                        kind,
                    )
                    for s, e, who, who_is, text, kind in quotes
                ],
            )
            self.db.execute(
                "INSERT OR REPLACE INTO enrichments VALUES (?, ?, ?)",
                (transcript_id, version, now()),
            )

    def sample_texts(self, limit: int) -> list[str]:
        """Up to ``limit`` current transcripts' texts (repaired where available)."""
        return [
            str(r[0])
            for r in self.db.execute(
                "SELECT coalesce(r.text, t.text) FROM videos v JOIN transcripts t "
                "ON t.id = v.current_transcript_id LEFT JOIN repairs r ON r.transcript_id = t.id "
                "ORDER BY t.id LIMIT ?",
                (limit,),
            )
        ]

    def entity_spellings(self, version: str) -> list[tuple[int, str, str, str, int]]:
        """(entity id, name, type, surface, mentions) over this stage version's mentions."""
        return [
            (int(r[0]), str(r[1]), str(r[2]), str(r[3]), int(r[4]))
            for r in self.db.execute(
                "SELECT e.id, e.name, e.type, m.surface, count(*) FROM mentions m "
                "JOIN entities e ON e.id = m.entity_id JOIN enrichments n "
                "ON n.transcript_id = m.transcript_id WHERE n.version = ? "
                "GROUP BY e.id, m.surface",
                (version,),
            )
        ]

    def entity_videos(self, version: str) -> tuple[dict[int, int], int]:
        """(videos mentioning each entity, videos enriched) over this stage version."""
        per_entity = {
            int(r[0]): int(r[1])
            for r in self.db.execute(
                "SELECT m.entity_id, count(DISTINCT m.transcript_id) FROM mentions m "
                "JOIN enrichments n ON n.transcript_id = m.transcript_id WHERE n.version = ? "
                "GROUP BY m.entity_id",
                (version,),
            )
        }
        total = self.db.execute(
            "SELECT count(*) FROM enrichments WHERE version = ?", (version,)
        ).fetchone()
        return per_entity, int(total[0])

    def videos_shared(
        self, ids: Sequence[int], others: Sequence[int], version: str
    ) -> tuple[int, int]:
        """(videos mentioning any of entities ``ids``, those of them that mention any of
        ``others`` too) over this stage version."""
        if not ids or not others:
            return 0, 0
        mine, theirs = ",".join("?" * len(ids)), ",".join("?" * len(others))
        row = self.db.execute(
            "SELECT count(DISTINCT m.transcript_id), count(DISTINCT CASE WHEN EXISTS "
            f"(SELECT 1 FROM mentions o WHERE o.transcript_id = m.transcript_id AND "
            f"o.entity_id IN ({theirs})) THEN m.transcript_id END) FROM mentions m "
            "JOIN enrichments n ON n.transcript_id = m.transcript_id "
            f"WHERE n.version = ? AND m.entity_id IN ({mine})",
            (*others, version, *ids),
        ).fetchone()
        return int(row[0]), int(row[1] or 0)

    def rename_entity(self, entity_id: int, name: str, kind: str) -> int:
        """Give an entity a new name and type, folding it into an existing entity of
        that name and type; returns the id it ends up with."""
        with self.db:
            row = self.db.execute(
                "SELECT id FROM entities WHERE name = ? AND type = ?", (name, kind)
            ).fetchone()
            if row is None:
                self.db.execute(
                    "UPDATE entities SET name = ?, type = ? WHERE id = ?", (name, kind, entity_id)
                )
                return entity_id
            target = int(row[0])
            if target != entity_id:
                for table in ("mentions", "quotes"):
                    self.db.execute(
                        f"UPDATE {table} SET entity_id = ? WHERE entity_id = ?",
                        (target, entity_id),
                    )
                self.db.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
            return target

    def demoted(self) -> dict[str, str]:
        """Entity name -> the type ``settle`` took from it."""
        return {
            str(n): str(t) for n, t in self.db.execute("SELECT name, type FROM entity_demotions")
        }

    def keep_demoted(self, demoted: Mapping[str, str]) -> None:
        """Replace the names ``settle`` holds demoted."""
        with self.db:
            self.db.execute("DELETE FROM entity_demotions")
            self.db.executemany(
                "INSERT INTO entity_demotions (name, type) VALUES (?, ?)", sorted(demoted.items())
            )

    def known_spellings(self, version: str) -> list[tuple[str, str, str, int, int]]:
        """(surface, type, canonical name, mentions, the latest transcript it is heard
        in) of every spelling linked by this stage version, per entity."""
        return [
            (str(r[0]), str(r[1]), str(r[2]), int(r[3]), int(r[4]))
            for r in self.db.execute(
                "SELECT m.surface, e.type, e.name, count(*), max(m.transcript_id) "
                "FROM mentions m "
                "JOIN entities e ON e.id = m.entity_id JOIN enrichments n "
                "ON n.transcript_id = m.transcript_id WHERE n.version = ? "
                "GROUP BY e.id, m.surface",
                (version,),
            )
        ]

    def spelling_kinds(self, words: Sequence[str]) -> dict[str, set[str]]:
        """The entity types each (lower-case) word is a name or a whole spelling of, in
        current transcripts: "raf" -> {"ORG"}; words never linked are left out."""
        out: dict[str, set[str]] = {}
        wanted = sorted({w.lower() for w in words})
        for sql in (
            "SELECT DISTINCT lower(m.surface), e.type FROM mentions m "
            "JOIN entities e ON e.id = m.entity_id "
            "JOIN videos v ON v.current_transcript_id = m.transcript_id "
            "WHERE lower(m.surface) IN ({})",
            "SELECT DISTINCT lower(e.name), e.type FROM entities e "
            "WHERE lower(e.name) IN ({}) AND EXISTS (SELECT 1 FROM mentions m "
            "JOIN videos v ON v.current_transcript_id = m.transcript_id "
            "WHERE m.entity_id = e.id)",
        ):
            for word, kind in rows_in(self.db, sql, wanted):
                out.setdefault(str(word), set()).add(str(kind))
        return out

    def heard_as(self, surface: str, limit: int = 5) -> list[tuple[int, str, str, int]]:
        """(id, name, type, mentions) of the entities current transcripts heard as this
        spelling (case aside), most mentions first."""
        return [
            (int(r[0]), str(r[1]), str(r[2]), int(r[3]))
            for r in self.db.execute(
                "SELECT e.id, e.name, e.type, count(*) FROM mentions m "
                "JOIN entities e ON e.id = m.entity_id "
                "JOIN videos v ON v.current_transcript_id = m.transcript_id "
                "WHERE lower(m.surface) = lower(?) GROUP BY e.id, e.name, e.type "
                "ORDER BY 4 DESC, 2 LIMIT ?",
                (surface, limit),
            )
        ]

    def linked_spellings(self, words: Sequence[str]) -> dict[str, dict[str, tuple[int, int]]]:
        """For each lower-case word said as (most often) one entity, at least twice (once
        where it is the last word of the entity's name), or that is a one-word entity's
        name: that entity's other one-word spellings (lower
        case) with their mentions as it and in all ("kyiv" -> {"kiev": (34, 34)}). Each
        count reads at most ``SAMPLE`` mentions, so a search pays the same for a name
        said a million times."""
        wanted = sorted({w.lower() for w in words if w and " " not in w})
        best: dict[str, int] = {}
        for word in wanted:
            row = self.db.execute(
                "SELECT entity_id, count(*), lower(e.name) FROM (SELECT entity_id FROM mentions "
                f"WHERE lower(surface) = ? LIMIT {SAMPLE}) AS sample "
                "JOIN entities e ON e.id = sample.entity_id GROUP BY entity_id, e.name "
                "ORDER BY 2 DESC LIMIT 1",
                (word,),
            ).fetchone()
            # twice, or once as the surname of the entity's name ("Mandelson" once, as
            # the captions mostly heard Peter Mandelson "Mandlesson")
            if row is not None and (int(row[1]) >= 2 or str(row[2]).endswith(" " + word)):
                best[word] = int(row[0])
        for word, entity_id in rows_in(
            self.db, "SELECT lower(name), id FROM entities WHERE lower(name) IN ({})", wanted
        ):
            best.setdefault(str(word), int(entity_id))
        out: dict[str, dict[str, tuple[int, int]]] = {}
        for word, entity_id in best.items():
            own = {
                str(spelling): int(count)
                for spelling, count in self.db.execute(
                    "SELECT lower(surface), count(*) FROM (SELECT surface FROM mentions "
                    f"WHERE entity_id = ? LIMIT {SAMPLE}) AS sample WHERE surface NOT LIKE '% %' "
                    "GROUP BY 1",
                    (entity_id,),
                )
                if str(spelling) != word
            }
            out[word] = {s: (n, self._said(s, n)) for s, n in own.items()}
        return out

    def _said(self, spelling: str, least: int) -> int:
        """How many mentions say a spelling (at least ``least``; at most ``SAMPLE``)."""
        row = self.db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM mentions WHERE lower(surface) = ? "
            f"LIMIT {SAMPLE}) AS sample",
            (spelling,),
        ).fetchone()
        return max(least, int(row[0]))

    def user_aliases(self) -> list[tuple[str, str, str]]:
        """(spelling key, type, canonical name) the user set by merge or split."""
        return [
            tuple(r) for r in self.db.execute("SELECT spelling, type, name FROM entity_aliases")
        ]

    def set_alias(self, spelling: str, kind: str, name: str) -> None:
        """Remember that a spelling of this type means ``name`` (survives re-runs)."""
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO entity_aliases VALUES (?, ?, ?, ?)",
                (spelling, kind, name, now()),
            )

    def relink(self, source: int, surfaces: Sequence[str], kind: str, name: str) -> int:
        """Point the mentions of entity ``source`` with these surfaces at entity ``name``
        (of type ``kind``; made if new), and its quotes whose speaker says one of them (all
        its quotes when no mention is left to it). Other entities' mentions stay where
        they are."""
        with self.db:
            before = self.db.execute(
                "SELECT name, type FROM entities WHERE id = ?", (source,)
            ).fetchone()
            target = self._entity_id(name, kind)
            moved = 0
            for surface in surfaces:
                moved += self.db.execute(  # of current transcripts: what the user sees
                    "SELECT count(*) FROM mentions m JOIN videos v "
                    "ON v.current_transcript_id = m.transcript_id "
                    "WHERE m.surface = ? AND m.entity_id = ?",
                    (surface, source),
                ).fetchone()[0]
                self.db.execute(
                    "UPDATE mentions SET entity_id = ? WHERE surface = ? AND entity_id = ?",
                    (target, surface, source),
                )
            left = self.db.execute(
                "SELECT 1 FROM mentions WHERE entity_id = ? LIMIT 1", (source,)
            ).fetchone()
            heard = [s.casefold() for s in surfaces]
            for quote_id, speaker, tid, start in self.db.execute(
                "SELECT id, speaker, transcript_id, start FROM quotes WHERE entity_id = ?",
                (source,),
            ).fetchall():
                # the entity's nearest mention before the quote names its speaker: a quote
                # of "Sakir said ..." goes where that mention went
                nearest = self.db.execute(
                    "SELECT entity_id FROM mentions WHERE transcript_id = ? AND start < ? "
                    "AND entity_id IN (?, ?) ORDER BY start DESC LIMIT 1",
                    (tid, start, source, target),
                ).fetchone()
                if (
                    left is None
                    or any(s in str(speaker).casefold() for s in heard)
                    or (nearest is not None and nearest[0] == target)
                ):
                    self.db.execute(  # a speaker named by the entity's name takes the new one
                        "UPDATE quotes SET entity_id = ?, speaker = CASE WHEN speaker = "
                        "(SELECT name FROM entities WHERE id = ?) THEN ? ELSE speaker END "
                        "WHERE id = ?",
                        (target, source, name, quote_id),
                    )
            self.db.execute(
                "DELETE FROM entities WHERE id NOT IN (SELECT DISTINCT entity_id FROM mentions) "
                "AND id NOT IN (SELECT entity_id FROM quotes WHERE entity_id IS NOT NULL)"
            )
            gone = self.db.execute("SELECT 1 FROM entities WHERE id = ?", (source,)).fetchone()
            if before is not None and gone is None:  # its id and old names find the target
                self._moved(str(before[0]), str(before[1]), name, kind)
                self.db.execute(
                    "INSERT OR REPLACE INTO entity_aliases VALUES (?, ?, ?, ?)",
                    (id_key(source), kind, name, now()),
                )
        return moved

    def _moved(self, old: str, old_kind: str, name: str, kind: str) -> None:
        """What the user pointed at ``old`` (spellings, ids of entities merged into it)
        now means ``name``: old names resolve however many renames ago they were."""
        if (name, kind) == (old, old_kind):
            return
        spellings = [
            str(r[0])
            for r in self.db.execute(
                "SELECT spelling FROM entity_aliases WHERE name = ? AND type = ?", (old, old_kind)
            )
        ]
        self.db.execute("DELETE FROM entity_aliases WHERE name = ? AND type = ?", (old, old_kind))
        for spelling in spellings:
            self.db.execute(
                "INSERT OR REPLACE INTO entity_aliases VALUES (?, ?, ?, ?)",
                (spelling, kind, name, now()),
            )

    def rename(self, entity_id: int, name: str, kind: str) -> bool:
        """Give entity ``entity_id`` this name and type in place (its id stays, so links
        to it keep working), quotes shown by its old name taking the new one; False, and
        nothing changed, where another entity has that name and type already."""
        with self.db:
            other = self.db.execute(
                "SELECT id FROM entities WHERE name = ? AND type = ? AND id != ?",
                (name, kind, entity_id),
            ).fetchone()
            if other is not None:
                return False
            self.db.execute(
                "UPDATE quotes SET speaker = ? WHERE entity_id = ? AND speaker = "
                "(SELECT name FROM entities WHERE id = ?)",
                (name, entity_id, entity_id),
            )
            before = self.db.execute(
                "SELECT name, type FROM entities WHERE id = ?", (entity_id,)
            ).fetchone()
            self.db.execute(
                "UPDATE entities SET name = ?, type = ? WHERE id = ?", (name, kind, entity_id)
            )
            if before is not None:
                self._moved(str(before[0]), str(before[1]), name, kind)
        return True

    def named(self, name: str) -> list[tuple[int, str]]:
        """(id, type) of every entity with this name (case aside)."""
        return [
            (int(r[0]), str(r[1]))
            for r in self.db.execute(
                "SELECT id, type FROM entities WHERE name = ? COLLATE NOCASE", (name,)
            )
        ]

    def find_entity(self, name: str) -> tuple[int, str, str]:
        """(id, name, type) of an entity by id, exact name or a spelling; NotFoundError.
        A name is an entity's only while it is mentioned: after a merge or rename the old
        name is a spelling of the entity it went to."""
        row = None
        if name.isdigit() and int(name) <= MAX_ID:
            row = self.db.execute(
                "SELECT id, name, type FROM entities WHERE id = ?", (int(name),)
            ).fetchone() or self._went_to(id_key(int(name)))
        row = (
            row
            or self.db.execute(
                "SELECT id, name, type FROM entities WHERE name = ? COLLATE NOCASE "
                "AND EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id) "
                "ORDER BY (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id) DESC",
                (name,),
            ).fetchone()
        )
        row = (
            row
            or self.db.execute(
                "SELECT e.id, e.name, e.type FROM mentions m JOIN entities e ON e.id = m.entity_id "
                "WHERE m.surface = ? COLLATE NOCASE GROUP BY e.id ORDER BY count(*) DESC",
                (name,),
            ).fetchone()
        )
        row = row or self._went_to(name_key(name))  # a name merged or renamed away
        if row is None:
            raise NotFoundError(f"no entity {name!r} in the archive {self.path}" + self._hint(name))
        return int(row[0]), str(row[1]), str(row[2])

    def moved_to(self, name: str) -> tuple[int, str, str] | None:
        """(id, name, type) of the entity an old name (merged or renamed away) now
        finds, if any."""
        row = self._went_to(name_key(name))
        return (int(row[0]), str(row[1]), str(row[2])) if row else None

    def named_often(self, limit: int) -> list[tuple[str, int]]:
        """(name, mentions) of the ``limit`` entities mentioned most, most first."""
        return [
            (str(name), int(count))
            for name, count in self.db.execute(
                "SELECT e.name, count(*) AS n FROM mentions m JOIN entities e "
                "ON e.id = m.entity_id GROUP BY e.id, e.name ORDER BY n DESC, e.name LIMIT ?",
                (limit,),
            )
        ]

    def _went_to(self, spelling: str) -> Any:
        """The (id, name, type) row of the entity an alias key points at, if mentioned."""
        return self.db.execute(
            "SELECT e.id, e.name, e.type FROM entity_aliases a JOIN entities e "
            "ON e.name = a.name AND e.type = a.type WHERE a.spelling = ? "
            "AND EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)",
            (spelling,),
        ).fetchone()

    def _hint(self, name: str) -> str:
        """What to try instead of an entity name not found: the closest names, or to
        enrich an archive that has no entities yet."""
        names = [
            str(r[0])
            for r in self.db.execute(
                "SELECT DISTINCT e.name FROM entities e "
                "WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)"
            )
        ]
        if not names:
            return " (run 'newsreel enrich'?)"
        # a name holding the typed one as a word first ("Hasina": 'Sheikh Hasina'), then
        # the closest in letters ("Mossadz": 'Mossad')
        typed = utils.default_process(name).split()
        whole = sorted(
            (n for n in names if typed and _holds(utils.default_process(n).split(), typed)),
            key=len,
        )
        # a surname misspelt ("Mandelsen": 'Peter Mandelson')
        last = {utils.default_process(n).split()[-1]: n for n in names if " " in n.strip()}
        surname = (
            [last[s] for s in closest(utils.default_process(name), list(last), cutoff=80, limit=2)]
            if len(typed) == 1 and last
            else []
        )
        return did_you_mean([*whole, *closest(name, names), *surname])

    def entity_rows(
        self, video_id: str | None = None, entity_id: int | None = None
    ) -> list[EntityRow]:
        """Entities with spellings and mention counts: of one video, one entity, or all."""
        where, args = "", ()
        if video_id is not None:
            where = "AND v.video_id = ?"
            args = (video_id,)  # type: ignore[assignment]
        elif entity_id is not None:
            where = "AND e.id = ?"
            args = (entity_id,)  # type: ignore[assignment]
        spellings: dict[int, Counter[str]] = {}
        info: dict[int, tuple[str, str]] = {}
        for eid, name, kind, surface, count in self.db.execute(
            "SELECT e.id, e.name, e.type, m.surface, count(*) FROM mentions m "
            "JOIN entities e ON e.id = m.entity_id JOIN videos v ON v.current_transcript_id = "
            f"m.transcript_id WHERE 1 = 1 {where} GROUP BY e.id, m.surface",
            args,
        ):
            spellings.setdefault(eid, Counter())[surface] += count
            info[eid] = (name, kind)
        rows = [
            EntityRow(
                eid,
                info[eid][0],
                info[eid][1],
                dict(sorted(c.items(), key=lambda s: (-s[1], s[0]))),
                sum(c.values()),
            )
            for eid, c in spellings.items()
        ]
        return sorted(rows, key=lambda r: (-r.mentions, r.name))

    def entity_profile(self, entity: EntityRow, limit: int = 20) -> EntityProfile:
        """The entity with its counts per outlet and month, top co-mentioned entities (at
        most ``limit``), videos and quotes."""
        entity_id = entity.entity_id
        base = (
            "FROM mentions m JOIN videos v ON v.current_transcript_id = m.transcript_id "
            "WHERE m.entity_id = ?"
        )
        per = [
            OutletMonth(r[0], r[1], r[2], r[3])
            for r in self.db.execute(
                "SELECT coalesce(v.channel, '(unknown)'), coalesce(substr(v.publish_date, 1, 7), "
                f"'(undated)'), count(*), count(DISTINCT v.video_id) {base} "
                "GROUP BY 1, 2 ORDER BY 2, 1",
                (entity_id,),
            )
        ]
        co = [
            CoMention(r[0], r[1], r[2], r[3])
            for r in self.db.execute(
                "SELECT e.id, e.name, e.type, count(*) FROM (SELECT DISTINCT o.transcript_id, "
                "o.entity_id FROM mentions o WHERE o.entity_id != ? AND o.transcript_id IN "
                "(SELECT m.transcript_id FROM mentions m JOIN videos v ON "
                "v.current_transcript_id = m.transcript_id WHERE m.entity_id = ? "
                "GROUP BY m.transcript_id "
                "ORDER BY max(v.publish_date) IS NULL, max(v.publish_date) DESC LIMIT ?)) pairs "
                "JOIN entities e ON e.id = pairs.entity_id "
                "GROUP BY e.id ORDER BY 4 DESC, e.name LIMIT ?",
                (entity_id, entity_id, CO_MENTION_VIDEOS, limit),
            )
        ]
        videos = [
            EntityVideo(r[0], r[1], r[2], to_date(r[3]), r[4])
            for r in self.db.execute(
                f"SELECT v.video_id, v.title, v.channel, v.publish_date, count(*) {base} "
                "GROUP BY v.video_id ORDER BY v.publish_date IS NULL, v.publish_date DESC, "
                "v.video_id",
                (entity_id,),
            )
        ]
        return EntityProfile(
            entity.entity_id,
            entity.name,
            entity.type,
            entity.spellings,
            entity.mentions,
            tuple(per),
            tuple(co),
            tuple(videos),
            tuple(self.quote_rows(entity_id=entity_id)),
        )

    def mention_rows(self) -> list[MentionRow]:
        """Every mention of the current transcripts, with its entity."""
        return [
            MentionRow(*r)
            for r in self.db.execute(
                'SELECT v.video_id, m.start, m."end", m.surface, e.id, e.name, e.type, m.source '
                "FROM mentions m JOIN entities e ON e.id = m.entity_id "
                "JOIN videos v ON v.current_transcript_id = m.transcript_id "
                "ORDER BY v.video_id, m.start"
            )
        ]

    def quote_rows(
        self, video_id: str | None = None, entity_id: int | None = None
    ) -> list[QuoteRow]:
        """Quotes of one video, of one speaker entity, or of the archive."""
        sql = (
            "SELECT v.video_id, q.start, q.speaker, e.name, q.text, q.kind, v.channel, "
            'v.publish_date, q."end" FROM quotes q '
            "JOIN videos v ON v.current_transcript_id = q.transcript_id "
            "LEFT JOIN entities e ON e.id = q.entity_id"
        )
        args: tuple[Any, ...] = ()
        if video_id is not None:
            sql, args = sql + " WHERE v.video_id = ?", (video_id,)
        elif entity_id is not None:
            sql, args = sql + " WHERE q.entity_id = ?", (entity_id,)
        order = " ORDER BY v.publish_date IS NOT NULL, v.publish_date, v.video_id, q.start"
        rows = self.db.execute(sql + order, args)  # undated first, in every store
        return [
            QuoteRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], to_date(r[7]), r[8]) for r in rows
        ]

    def claim_rows(
        self, video_id: str | None = None, entity_id: int | None = None, limit: int | None = None
    ) -> list[ClaimRow]:
        """Claims of one video, of the videos mentioning an entity, or of the archive;
        with ``limit``, the newest that many."""
        sql = (
            'SELECT v.video_id, c.start, c."end", c.value, c.text, c.subject, c.attribution, '
            "c.sentence, v.channel, v.publish_date FROM claims c "
            "JOIN videos v ON v.current_transcript_id = c.transcript_id"
        )
        args: tuple[Any, ...] = ()
        if video_id is not None:
            sql += " WHERE v.video_id = ?"
            args = (video_id,)
        elif entity_id is not None:
            sql += (
                " WHERE c.transcript_id IN (SELECT transcript_id FROM mentions WHERE entity_id = ?)"
            )
            args = (entity_id,)
        if limit is None:
            sql += " ORDER BY v.publish_date IS NOT NULL, v.publish_date, v.video_id, c.start"
        else:
            sql += (
                " ORDER BY v.publish_date IS NULL, v.publish_date DESC, v.video_id, c.start"
                f" LIMIT {int(limit)}"
            )
        return [
            ClaimRow(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                r[8],
                to_date(r[9]),
                claim_unit(r[4], r[5], r[7]),
                claim_qualifier(r[4], r[7]),
            )
            for r in self.db.execute(sql, args)
        ]

    def claim_count(self, entity_id: int) -> int:
        """How many claims the current transcripts that mention an entity hold."""
        row = self.db.execute(
            "SELECT count(*) FROM claims c JOIN videos v ON v.current_transcript_id = "
            "c.transcript_id WHERE c.transcript_id IN "
            "(SELECT transcript_id FROM mentions WHERE entity_id = ?)",
            (entity_id,),
        ).fetchone()
        return int(row[0])

    def entity_hits(self, entity_id: int) -> dict[int, int]:
        """Mentions of an entity per transcript."""
        return {
            int(r[0]): int(r[1])
            for r in self.db.execute(
                "SELECT transcript_id, count(*) FROM mentions WHERE entity_id = ? "
                "GROUP BY transcript_id",
                (entity_id,),
            )
        }

    def transcript_mentions(
        self, transcript_ids: Sequence[int]
    ) -> dict[int, list[tuple[int, int, str]]]:
        """(start, end, entity type) of each mention of these transcripts."""
        out: dict[int, list[tuple[int, int, str]]] = {}
        for tid, start, end, kind in rows_in(
            self.db,
            'SELECT m.transcript_id, m.start, m."end", e.type FROM mentions m '
            "JOIN entities e ON e.id = m.entity_id WHERE m.transcript_id IN ({})",
            list(transcript_ids),
        ):
            out.setdefault(int(tid), []).append((int(start), int(end), str(kind)))
        return out

    def video_mentions(self, video_id: str) -> list[VideoMention]:
        """Mentions in a video's current transcript: word range and entity."""
        return [
            VideoMention(*r)
            for r in self.db.execute(
                'SELECT m.start, m."end", m.surface, e.id, e.name, e.type FROM videos v '
                "JOIN mentions m ON m.transcript_id = v.current_transcript_id "
                "JOIN entities e ON e.id = m.entity_id WHERE v.video_id = ? ORDER BY m.start",
                (video_id,),
            )
        ]

    def entity_facet(self, transcript_ids: Sequence[int], limit: int) -> list[tuple[int, str, int]]:
        """The entities mentioned in most of the given transcripts: (id, name, videos)."""
        if not transcript_ids:
            return []
        temp_ids(self.db, "facet_ids", transcript_ids)
        return [
            (int(r[0]), str(r[1]), int(r[2]))
            for r in self.db.execute(
                "SELECT e.id, e.name, count(DISTINCT m.transcript_id) FROM temp.facet_ids f "
                "JOIN mentions m ON m.transcript_id = f.id JOIN entities e ON e.id = m.entity_id "
                "GROUP BY e.id ORDER BY 3 DESC, e.name LIMIT ?",
                (limit,),
            )
        ]

    def transcript_entities(self, transcript_ids: Sequence[int]) -> dict[int, dict[int, int]]:
        """Entity id -> mentions, per transcript (empty where enrich has not run)."""
        out: dict[int, dict[int, int]] = {}
        for tid, entity_id, count in rows_in(
            self.db,
            "SELECT transcript_id, entity_id, count(*) FROM mentions "
            "WHERE transcript_id IN ({}) GROUP BY 1, 2",
            transcript_ids,
        ):
            out.setdefault(int(tid), {})[int(entity_id)] = int(count)
        return out

    def entity_doc_freqs(self, entity_ids: Sequence[int]) -> dict[int, int]:
        """In how many transcripts each entity is mentioned."""
        return {
            int(r[0]): int(r[1])
            for r in rows_in(
                self.db,
                "SELECT entity_id, count(DISTINCT transcript_id) FROM mentions "
                "WHERE entity_id IN ({}) GROUP BY entity_id",
                entity_ids,
            )
        }


def id_key(entity_id: int) -> str:
    """The alias key remembering where a merged-away entity's id went: no spelling has
    it (a name key has no "#")."""
    return f"#id {entity_id}"


def _holds(words: list[str], typed: list[str]) -> bool:
    """Whether ``typed`` stands in ``words`` as a run of whole words."""
    size = len(typed)
    return size < len(words) and any(
        words[i : i + size] == typed for i in range(len(words) - size + 1)
    )
