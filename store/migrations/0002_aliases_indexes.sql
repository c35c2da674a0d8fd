-- 0002: speaker aliases, indexes for the query filters, and the flag that
-- tells an FTS5-capable binary to rebuild quotes_fts.

-- Every way a speaker was written next to a quote ("West", "the envoy"),
-- when it differs from the canonical name.
CREATE TABLE speaker_aliases (
    id         INTEGER PRIMARY KEY,
    speaker_id INTEGER NOT NULL REFERENCES speakers (id),
    alias      TEXT NOT NULL,  -- as written
    norm       TEXT NOT NULL,  -- normalised
    UNIQUE (speaker_id, alias)
);
CREATE INDEX speaker_aliases_norm ON speaker_aliases (norm);

-- Backfill from the mentions stored before this table existed. SQL has no
-- diffing.Normalize: lower(trim()) is exact for ASCII names, which are
-- what the mentions of version 1 hold.
INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, norm)
SELECT DISTINCT q.speaker_id, q.mention, lower(trim(q.mention))
FROM quotes q
JOIN speakers s ON s.id = q.speaker_id
WHERE trim(q.mention) <> '' AND lower(trim(q.mention)) <> s.norm;

CREATE INDEX quotes_article ON quotes (article_id, start_byte);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
CREATE INDEX articles_outlet ON articles (outlet_id, published);
CREATE INDEX articles_published ON articles (published);

-- Derived indexes that are out of date. quotes_fts (FTS5, created outside
-- the migrations because not every build of SQLite has FTS5) is listed
-- here by a binary without FTS5 when it writes quotes, and rebuilt by the
-- next binary with FTS5. A later migration that rewrites quotes must add
-- the same row.
CREATE TABLE stale_indexes (
    name TEXT PRIMARY KEY
) WITHOUT ROWID;
INSERT INTO stale_indexes (name) VALUES ('quotes_fts');
