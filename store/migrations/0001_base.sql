-- 0001: the base tables.
--
-- Times are TEXT in UTC, fixed width ("2006-01-02T15:04:05.000000000Z"),
-- so that they sort as strings. Normalised columns (norm) hold
-- diffing.Normalize of the column they follow.

CREATE TABLE outlets (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    outlet_id        INTEGER NOT NULL REFERENCES outlets (id),
    url              TEXT NOT NULL DEFAULT '',
    title            TEXT NOT NULL DEFAULT '',
    byline           TEXT NOT NULL DEFAULT '',
    published        TEXT,                        -- UTC; NULL when unknown
    published_offset INTEGER NOT NULL DEFAULT 0,  -- seconds east of UTC as published
    text             TEXT NOT NULL,
    paragraphs       TEXT NOT NULL DEFAULT '[]',  -- JSON: [[start, end, kind], ...]
    hash             TEXT NOT NULL UNIQUE,        -- hex SHA-256 of text
    origin           TEXT NOT NULL DEFAULT '',
    format           TEXT NOT NULL DEFAULT '',
    ingested_at      TEXT NOT NULL
);

-- One stored version per URL: a new version replaces the old one.
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url <> '';

CREATE TABLE speakers (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,          -- canonical name as first stored
    norm TEXT NOT NULL UNIQUE,   -- normalised name: the speaker's identity
    role TEXT NOT NULL DEFAULT ''
);

-- AUTOINCREMENT: a quote's key is never reused after its article is
-- updated, so a key printed once never names another quote.
CREATE TABLE quotes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    norm       TEXT NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    paragraph  INTEGER NOT NULL,
    kind       TEXT NOT NULL DEFAULT '',
    unclosed   INTEGER NOT NULL DEFAULT 0,
    title      INTEGER NOT NULL DEFAULT 0,
    speaker_id INTEGER REFERENCES speakers (id),  -- NULL when unattributed
    role       TEXT NOT NULL DEFAULT '',
    mention    TEXT NOT NULL DEFAULT '',
    cue        TEXT NOT NULL DEFAULT '',
    channel    TEXT NOT NULL DEFAULT '',
    method     TEXT NOT NULL DEFAULT '',
    confidence REAL NOT NULL DEFAULT 0,
    CHECK (start_byte >= 0 AND end_byte >= start_byte),
    CHECK (paragraph >= 0),
    CHECK (confidence >= 0 AND confidence <= 1)
);
