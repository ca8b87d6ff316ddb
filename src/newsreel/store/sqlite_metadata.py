"""What users fix in a SQLite archive: metadata overrides, outlet aliases and groups.

An override (table ``video_overrides``) replaces a field of ``videos`` at once and for
good: ingest only fills fields the archive lacks, so neither a re-ingest nor a new
transcript version brings the old value back. An outlet alias (``outlet_aliases``)
maps a spelling key to an outlet name for every later ingest. Both queue the videos
they change for the full-text index, which holds title and channel. An outlet group
(``outlet_groups``, one row per outlet) names outlets to filter by together.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from newsreel.errors import NotFoundError
from newsreel.models import UNKNOWN_OUTLET
from newsreel.rows import OutletGroup, OutletRow
from newsreel.store.sqlite_write import Repository, now, rows_in, to_json

EDITABLE = ("title", "channel", "publish_date", "language")


class SQLiteMetadata(Repository):
    """User overrides of video metadata, user outlet aliases and outlet groups."""

    def overrides(self, video_id: str) -> dict[str, str]:
        """The fields a user set on a video, with their values."""
        return {
            str(r[0]): str(r[1])
            for r in self.db.execute(
                "SELECT field, value FROM video_overrides WHERE video_id = ? ORDER BY field",
                (video_id,),
            )
        }

    def set_fields(
        self, video_id: str, values: Mapping[str, str], how: str
    ) -> dict[str, str | None]:
        """Override fields of a video (``EDITABLE``), noting ``how`` as where they came
        from; return their values before. NotFoundError for an unknown video."""
        unknown = sorted(set(values) - set(EDITABLE))
        if unknown:
            raise ValueError(f"not an editable field: {', '.join(unknown)}")
        with self.db:
            video = self.db.execute(
                "SELECT * FROM videos WHERE video_id = ?", (video_id,)
            ).fetchone()
            if video is None:
                raise NotFoundError(f"no video {video_id!r} in the archive {self.path}")
            stamp = now()
            self.db.executemany(
                "INSERT OR REPLACE INTO video_overrides VALUES (?, ?, ?, ?)",
                [(video_id, k, v, stamp) for k, v in values.items()],
            )
            sources = json.loads(video["sources"])
            sources.update(dict.fromkeys(values, how))
            assignments = "".join(f"{k} = ?, " for k in values)
            self.db.execute(
                f"UPDATE videos SET {assignments}sources = ?, updated_at = ? WHERE video_id = ?",
                (*values.values(), to_json(sources), stamp, video_id),
            )
            if "channel" in values and video["channel"] != values["channel"]:
                # the old outlet's code ("DW" of a thumbnail path) names it no more: empty,
                # not NULL, so that a re-ingest does not fill it back
                self.db.execute(
                    "UPDATE videos SET channel_code = '' WHERE video_id = ?", (video_id,)
                )
            current = video["current_transcript_id"]
            if current is not None:
                if "title" in values:
                    self.db.execute(
                        "UPDATE transcripts SET title = ? WHERE id = ?", (values["title"], current)
                    )
                self.db.execute("INSERT OR IGNORE INTO fts_pending VALUES (?)", (current,))
        return {k: video[k] for k in values}

    def channels(self) -> dict[str, int]:
        """Every outlet name in the archive, with its videos."""
        return {
            str(r[0]): int(r[1])
            for r in self.db.execute(
                "SELECT channel, count(*) FROM videos WHERE channel IS NOT NULL GROUP BY channel"
            )
        }

    def outlet_names(self, name: str) -> list[str]:
        """The outlets (channel names) that ``name`` names, as a name or a channel code,
        case aside: "dw" -> ["DW News"]; an exact name is found by the index alone."""
        if self.db.execute("SELECT 1 FROM videos WHERE channel = ? LIMIT 1", (name,)).fetchone():
            return [name]
        return [
            str(r[0])
            for r in self.db.execute(
                "SELECT DISTINCT channel FROM videos WHERE lower(channel) = lower(?) "
                "OR lower(channel_code) = lower(?)",
                (name, name),
            )
            if r[0] is not None
        ] or (
            [name]  # videos with this code and no outlet name
            if self.db.execute(
                "SELECT 1 FROM videos WHERE lower(channel_code) = lower(?) LIMIT 1", (name,)
            ).fetchone()
            else []
        )

    def outlet_aliases(self) -> dict[str, str]:
        """Spelling key -> outlet name, as the user merged them."""
        return {
            str(r[0]): str(r[1])
            for r in self.db.execute("SELECT spelling, name FROM outlet_aliases ORDER BY spelling")
        }

    def merge_outlet(self, aliases: Mapping[str, str], spellings: Sequence[str], name: str) -> int:
        """Remember ``aliases`` (spelling key -> outlet name) and relabel the videos (and
        overrides) whose channel is one of ``spellings`` as ``name``; return how many
        videos changed."""
        stamp = now()
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO outlet_aliases VALUES (?, ?, ?)",
                [(key, target, stamp) for key, target in aliases.items()],
            )
            rows = list(
                rows_in(
                    self.db,
                    "SELECT video_id, channel, sources, current_transcript_id FROM videos "
                    "WHERE channel IN ({})",
                    spellings,
                )
            )
            updates = []
            for row in rows:
                sources = json.loads(row["sources"])
                how = sources.get("channel", "source record").split("; ")[0]
                sources["channel"] = f"{how}; outlet alias of {row['channel']!r} (outlet-merge)"
                updates.append((name, to_json(sources), stamp, row["video_id"]))
            self.db.executemany(
                "UPDATE videos SET channel = ?, sources = ?, updated_at = ? WHERE video_id = ?",
                updates,
            )
            self.db.executemany(
                "UPDATE video_overrides SET value = ? WHERE field = 'channel' AND value = ?",
                [(name, spelling) for spelling in spellings],
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO fts_pending VALUES (?)",
                [(r["current_transcript_id"],) for r in rows if r["current_transcript_id"]],
            )
            for spelling in spellings:  # groups follow the outlet to its new name
                if spelling.casefold() == name.casefold():  # the same key: only recased
                    self.db.execute(
                        "UPDATE outlet_groups SET outlet = ? WHERE outlet = ?", (name, spelling)
                    )
                    continue
                self.db.execute(
                    "INSERT OR IGNORE INTO outlet_groups SELECT name, ?, created_at "
                    "FROM outlet_groups WHERE outlet = ?",
                    (name, spelling),
                )
                self.db.execute("DELETE FROM outlet_groups WHERE outlet = ?", (spelling,))
        return len(rows)

    def group_members(self) -> dict[str, tuple[str, ...]]:
        """Group name -> its outlets' names, both sorted case-insensitively."""
        members: dict[str, tuple[str, ...]] = {}
        for name, outlet in self.db.execute(
            "SELECT name, outlet FROM outlet_groups ORDER BY name, outlet"
        ):
            members[str(name)] = (*members.get(str(name), ()), str(outlet))
        return members

    def outlets(self) -> list[OutletRow]:
        """Every outlet of the archive (``UNKNOWN_OUTLET`` for videos without one) with
        its channel codes, videos and groups, most videos first."""
        codes: dict[str, set[str]] = {}
        videos: dict[str, int] = {}
        for channel, code, count in self.db.execute(
            "SELECT channel, channel_code, count(*) FROM videos GROUP BY channel, channel_code"
        ):
            name = str(channel) if channel is not None else UNKNOWN_OUTLET
            codes.setdefault(name, set()).update([str(code)] if code else [])
            videos[name] = videos.get(name, 0) + int(count)
        groups: dict[str, list[str]] = {}
        for group, outlets in self.group_members().items():
            for outlet in outlets:
                groups.setdefault(outlet.casefold(), []).append(group)
        return [
            OutletRow(name, tuple(sorted(codes[name])), n, tuple(groups.get(name.casefold(), ())))
            for name, n in sorted(videos.items(), key=lambda item: (-item[1], item[0]))
        ]

    def outlet_groups(self) -> list[OutletGroup]:
        """Every outlet group with its outlets and their videos, by name."""
        videos = {o.name.casefold(): o.videos for o in self.outlets()}
        return [
            OutletGroup(name, outlets, sum(videos.get(o.casefold(), 0) for o in outlets))
            for name, outlets in self.group_members().items()
        ]

    def add_to_group(self, name: str, outlets: Sequence[str]) -> tuple[str, ...]:
        """Add outlets (names) to the group ``name`` (made if new, keeping an existing
        group's spelling); return those that were not in it yet."""
        with self.db:
            row = self.db.execute(
                "SELECT name FROM outlet_groups WHERE name = ? LIMIT 1", (name,)
            ).fetchone()
            group = str(row[0]) if row else name
            added = []
            for outlet in outlets:
                cursor = self.db.execute(
                    "INSERT OR IGNORE INTO outlet_groups VALUES (?, ?, ?)", (group, outlet, now())
                )
                if cursor.rowcount:
                    added.append(outlet)
        return tuple(added)

    def remove_from_group(self, name: str, outlets: Sequence[str] | None) -> tuple[str, ...]:
        """Remove outlets (names; all when None, which removes the group) from the group
        ``name``; return those removed."""
        with self.db:
            members = self._members(name)
            gone = (
                members
                if outlets is None
                else tuple(m for m in members if m.casefold() in {o.casefold() for o in outlets})
            )
            self.db.executemany(
                "DELETE FROM outlet_groups WHERE name = ? AND outlet = ?",
                [(name, outlet) for outlet in gone],
            )
        return gone

    def _members(self, name: str) -> tuple[str, ...]:
        """The outlets of the group ``name`` (case-insensitive); () for no such group."""
        return tuple(
            str(r[0])
            for r in self.db.execute(
                "SELECT outlet FROM outlet_groups WHERE name = ? ORDER BY outlet", (name,)
            )
        )
