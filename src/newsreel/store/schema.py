"""Numbered schema migrations for the SQLite archive, applied in order, each recorded."""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "initial archive",
        """
CREATE TABLE raw_files (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    text_offset INTEGER,
    content BLOB NOT NULL
);
CREATE TABLE sources (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    format TEXT,
    records INTEGER NOT NULL,
    complete INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX sources_sha256 ON sources(sha256);
CREATE TABLE videos (
    video_id TEXT PRIMARY KEY,
    title TEXT,
    channel TEXT,
    channel_code TEXT,
    language TEXT,
    publish_date TEXT,
    thumbnail_path TEXT,
    thumbnail_file TEXT,
    duration_seconds REAL,
    id_source TEXT NOT NULL,
    current_transcript_id INTEGER,
    extra TEXT NOT NULL DEFAULT '{}',
    first_seen TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX videos_channel ON videos(channel);
CREATE INDEX videos_publish_date ON videos(publish_date);
CREATE TABLE transcripts (
    id INTEGER PRIMARY KEY,
    video_id TEXT NOT NULL REFERENCES videos(video_id),
    version INTEGER NOT NULL,
    content_sha256 TEXT NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    raw_text TEXT,
    words INTEGER NOT NULL,
    timed INTEGER NOT NULL,
    word_times TEXT,
    source_path TEXT,
    source_format TEXT NOT NULL,
    source_locator TEXT,
    raw_sha256 TEXT REFERENCES raw_files(sha256),
    ingested_at TEXT NOT NULL,
    UNIQUE (video_id, version),
    UNIQUE (video_id, content_sha256)
);
CREATE TABLE segments (
    transcript_id INTEGER NOT NULL REFERENCES transcripts(id),
    seq INTEGER NOT NULL,
    start REAL NOT NULL,
    "end" REAL NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (transcript_id, seq)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE transcripts_fts USING fts5(
    title, text,
    content='transcripts', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO transcripts_fts (transcripts_fts, rank) VALUES ('hashsize', 67108864);
CREATE TABLE fts_pending (
    transcript_id INTEGER PRIMARY KEY REFERENCES transcripts(id)
);
CREATE TABLE quarantine (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    locator TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    line INTEGER,
    byte INTEGER,
    raw_sha256 TEXT REFERENCES raw_files(sha256),
    run_id INTEGER,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    UNIQUE (path, locator)
);
CREATE TABLE ingest_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    paths TEXT NOT NULL,
    status TEXT NOT NULL,
    ingested INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    new_versions INTEGER NOT NULL DEFAULT 0,
    quarantined INTEGER NOT NULL DEFAULT 0,
    skipped_files INTEGER NOT NULL DEFAULT 0
);
""",
    ),
    (
        2,
        "search: full-text index moves to tantivy; sound keys, passages with vectors",
        """
DROP TABLE transcripts_fts;
INSERT OR IGNORE INTO fts_pending
    SELECT current_transcript_id FROM videos WHERE current_transcript_id IS NOT NULL;
CREATE TABLE sound_keys (
    key TEXT NOT NULL,
    term TEXT NOT NULL,
    docs INTEGER NOT NULL,
    PRIMARY KEY (key, term)
) WITHOUT ROWID;
CREATE TABLE passages (
    id INTEGER PRIMARY KEY,
    transcript_id INTEGER NOT NULL REFERENCES transcripts(id),
    first_word INTEGER NOT NULL,
    words INTEGER NOT NULL,
    vector BLOB NOT NULL
);
CREATE INDEX passages_transcript ON passages(transcript_id);
CREATE INDEX videos_current_transcript ON videos(current_transcript_id);
CREATE TABLE search_state (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
""",
    ),
    (
        3,
        "repair: repaired text per transcript (token-aligned), sentences, turns",
        """
CREATE TABLE repairs (
    transcript_id INTEGER PRIMARY KEY REFERENCES transcripts(id),
    model TEXT NOT NULL,
    text TEXT NOT NULL,
    data BLOB NOT NULL,
    sentences INTEGER NOT NULL,
    turns INTEGER NOT NULL,
    repaired_at TEXT NOT NULL
);
CREATE INDEX repairs_model ON repairs(model);
""",
    ),
    (
        4,
        "entities: canonical entities, mentions, claims, user aliases, enrichment state",
        """
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    UNIQUE (name, type)
);
CREATE TABLE mentions (
    transcript_id INTEGER NOT NULL REFERENCES transcripts(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    surface TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    source TEXT NOT NULL,
    PRIMARY KEY (transcript_id, start)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    transcript_id INTEGER NOT NULL REFERENCES transcripts(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value REAL NOT NULL,
    text TEXT NOT NULL,
    subject TEXT,
    attribution TEXT,
    sentence TEXT NOT NULL
);
CREATE INDEX claims_transcript ON claims(transcript_id);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    transcript_id INTEGER NOT NULL REFERENCES transcripts(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker TEXT NOT NULL,
    entity_id INTEGER REFERENCES entities(id),
    text TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE INDEX quotes_transcript ON quotes(transcript_id);
CREATE TABLE entity_aliases (
    spelling TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (spelling, type)
);
CREATE TABLE enrichments (
    transcript_id INTEGER PRIMARY KEY REFERENCES transcripts(id),
    version TEXT NOT NULL,
    enriched_at TEXT NOT NULL
);
""",
    ),
    (
        5,
        "analytics: covering indexes so trends read a million videos' metadata quickly",
        """
CREATE INDEX transcripts_words ON transcripts(id, words);
CREATE INDEX videos_trend ON videos(current_transcript_id, channel, channel_code, language,
    publish_date)
""",
    ),
    (
        6,
        "stories: videos grouped into stories across outlets and days",
        """
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL DEFAULT '',
    start TEXT,
    "end" TEXT,
    videos INTEGER NOT NULL DEFAULT 0,
    channels TEXT NOT NULL DEFAULT '{}',
    centroid TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX stories_end ON stories("end");
CREATE TABLE story_videos (
    transcript_id INTEGER PRIMARY KEY REFERENCES transcripts(id),
    story_id INTEGER NOT NULL REFERENCES stories(id),
    similarity REAL NOT NULL
);
CREATE INDEX story_videos_story ON story_videos(story_id)
""",
    ),
    (
        7,
        "stories: find undated stories by index",
        """
CREATE INDEX stories_start ON stories(start)
""",
    ),
    (
        8,
        "stages: one table of stage versions; passages carry their embedder version",
        """
CREATE TABLE stage_versions (
    stage TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    status TEXT NOT NULL,
    items INTEGER NOT NULL DEFAULT 0,
    started_at TEXT NOT NULL,
    finished_at TEXT
);
INSERT INTO stage_versions (stage, version, status, started_at)
    SELECT 'stories', value, 'done', datetime('now') FROM search_state
    WHERE name = 'stories_version';
DELETE FROM search_state WHERE name = 'stories_version';
ALTER TABLE passages ADD COLUMN version TEXT NOT NULL DEFAULT 'static-minilm-256+w100s75';
CREATE INDEX passages_version ON passages(version, id)
""",
    ),
    (
        9,
        "metadata: where each field came from, user overrides, user outlet aliases",
        """
ALTER TABLE videos ADD COLUMN sources TEXT NOT NULL DEFAULT '{}';
CREATE TABLE video_overrides (
    video_id TEXT NOT NULL REFERENCES videos(video_id),
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (video_id, field)
) WITHOUT ROWID;
CREATE TABLE outlet_aliases (
    spelling TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
)
""",
    ),
    (
        10,
        "outlet groups: named groups of outlets users filter by (channel:group:NAME)",
        """
CREATE TABLE outlet_groups (
    name TEXT NOT NULL COLLATE NOCASE,
    outlet TEXT NOT NULL COLLATE NOCASE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (name, outlet)
) WITHOUT ROWID
""",
    ),
    (
        11,
        "server stores: full text and vector lists in the database (PostgreSQL only)",
        "",
    ),
    (
        12,
        "entities: find the kinds of a spelling by index (search's heard variants)",
        """
CREATE INDEX mentions_surface ON mentions(lower(surface));
CREATE INDEX entities_name ON entities(lower(name))
""",
    ),
    (
        13,
        "stories: ids that outlive a regrouping (the old stories' videos while one runs, "
        "and where each old story that kept no id went)",
        """
CREATE TABLE story_history (
    video_id TEXT NOT NULL,
    story_id INTEGER NOT NULL
);
CREATE TABLE story_moves (
    old_id INTEGER PRIMARY KEY,
    new_id INTEGER
)
""",
    ),
    (
        14,
        'search: caption tags are no words (every transcript indexed again, "[Music]" left out)',
        """
INSERT OR IGNORE INTO fts_pending
    SELECT current_transcript_id FROM videos WHERE current_transcript_id IS NOT NULL
""",
    ),
    (
        15,
        "ingest: an edited record with no video id is found by its file or its text "
        "(a new version, not a second video)",
        """
CREATE INDEX transcripts_place ON transcripts(source_path, source_locator);
CREATE INDEX transcripts_content ON transcripts(content_sha256)
""",
    ),
    (
        16,
        "entities: the places enrich counted no place while one video named them, so a "
        "later run that hears them again makes them places again",
        """
CREATE TABLE entity_demotions (
    name TEXT PRIMARY KEY,
    type TEXT NOT NULL
)
""",
    ),
)

# What a migration adds on PostgreSQL only: search there lives in the database itself
# (``store.postgres_search``), where SQLite keeps it in files beside the archive.
POSTGRES_MIGRATIONS: dict[int, tuple[str, ...]] = {
    10: ("CREATE EXTENSION IF NOT EXISTS citext",),
    11: (
        """CREATE TABLE search_docs (
    video_id TEXT PRIMARY KEY,
    tid BIGINT NOT NULL,
    doc TSVECTOR NOT NULL,
    words BIGINT NOT NULL,
    channel_key TEXT NOT NULL,
    code_key TEXT NOT NULL,
    language_key TEXT NOT NULL,
    channel_facet TEXT NOT NULL,
    language_facet TEXT NOT NULL,
    month TEXT NOT NULL,
    day BIGINT NOT NULL
)""",
        "CREATE INDEX search_docs_doc ON search_docs USING GIN (doc)",
        "CREATE INDEX search_docs_tid ON search_docs (tid)",
        "CREATE INDEX search_docs_channel ON search_docs (channel_key)",
        "CREATE INDEX search_docs_code ON search_docs (code_key)",
        "CREATE INDEX search_docs_day ON search_docs (day)",
        """CREATE TABLE vector_lists (
    version TEXT NOT NULL,
    list BIGINT NOT NULL,
    centroid BYTEA NOT NULL,
    PRIMARY KEY (version, list)
)""",
        "ALTER TABLE passages ADD COLUMN list BIGINT",
        "CREATE INDEX passages_list ON passages (version, list)",
    ),
}
