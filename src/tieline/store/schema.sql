-- tieline knowledge base, schema version 2 (db.SCHEMA_VERSION; older files migrate on open).
-- One SQLite file; Datasette opens it as it is. JSON columns hold lists/objects.
-- Every fact row carries doc_id + [start, end) character offsets into documents.raw_text
-- and the extractor version that produced it.

CREATE TABLE IF NOT EXISTS kb_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id      INTEGER PRIMARY KEY,
    started     TEXT NOT NULL,
    finished    TEXT,
    status      TEXT NOT NULL,            -- running | done | interrupted | failed
    engine      TEXT,
    version     TEXT NOT NULL,
    n_inputs    INTEGER DEFAULT 0,
    n_new       INTEGER DEFAULT 0,
    n_known     INTEGER DEFAULT 0,
    n_duplicate INTEGER DEFAULT 0,
    n_problems  INTEGER DEFAULT 0
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id      TEXT PRIMARY KEY,         -- content hash of raw_text
    name        TEXT NOT NULL UNIQUE,     -- file stem / record id, used in exports
    source      TEXT NOT NULL,
    fmt         TEXT NOT NULL,
    title       TEXT,
    author      TEXT,
    published   TEXT,                     -- ISO 8601 at the page's precision
    language    TEXT,
    url         TEXT,
    site        TEXT,
    raw_text    TEXT NOT NULL,
    body_text   TEXT NOT NULL,
    n_words     INTEGER NOT NULL,
    simhash     TEXT,                     -- 64-bit body fingerprint, hex
    near_dup_of TEXT REFERENCES documents(doc_id),
    run_id      INTEGER REFERENCES runs(run_id),
    notes       TEXT                      -- JSON list
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);

CREATE TABLE IF NOT EXISTS paragraphs (
    doc_id  TEXT NOT NULL REFERENCES documents(doc_id),
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    kept    INTEGER NOT NULL,             -- 1 body, 0 dropped by the cleaner
    text    TEXT NOT NULL,
    PRIMARY KEY (doc_id, kept, idx)
);

-- Every input the builder saw, and what became of it (document, duplicate, problem).
CREATE TABLE IF NOT EXISTS sources (
    source  TEXT PRIMARY KEY,
    doc_id  TEXT,
    status  TEXT NOT NULL,                -- new | known | duplicate | problem
    run_id  INTEGER REFERENCES runs(run_id)
);

CREATE TABLE IF NOT EXISTS problems (
    source  TEXT PRIMARY KEY,
    code    TEXT NOT NULL,
    message TEXT NOT NULL,
    stage   TEXT NOT NULL,
    run_id  INTEGER REFERENCES runs(run_id)
);

CREATE TABLE IF NOT EXISTS events (
    event_id  TEXT PRIMARY KEY,           -- <doc name>#eNN
    doc_id    TEXT NOT NULL REFERENCES documents(doc_id),
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    evidence  TEXT NOT NULL,
    type      TEXT NOT NULL,
    mode      TEXT,
    sector    TEXT,
    status    TEXT NOT NULL,
    date      TEXT,
    countries TEXT NOT NULL,              -- JSON list of ISO3
    source    TEXT NOT NULL,
    target    TEXT NOT NULL,
    amounts   TEXT NOT NULL,              -- JSON list of {value, unit, qualifier?}
    location  TEXT,
    project   TEXT,
    trigger   TEXT,
    extractor TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_type ON events(type);

CREATE TABLE IF NOT EXISTS quotes (
    quote_id    TEXT PRIMARY KEY,         -- <doc name>#qNN
    doc_id      TEXT NOT NULL REFERENCES documents(doc_id),
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    speaker     TEXT,
    affiliation TEXT,
    extractor   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc_id);

CREATE TABLE IF NOT EXISTS figures (
    figure_id   TEXT PRIMARY KEY,         -- <doc name>#fNN
    doc_id      TEXT NOT NULL REFERENCES documents(doc_id),
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    evidence    TEXT NOT NULL,
    indicator   TEXT NOT NULL,
    value       REAL NOT NULL,
    unit        TEXT NOT NULL,
    period      TEXT,
    base_period TEXT,
    countries   TEXT NOT NULL,
    extractor   TEXT NOT NULL,
    qualifier   TEXT
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id    TEXT NOT NULL REFERENCES documents(doc_id),
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    label     TEXT NOT NULL,
    name      TEXT NOT NULL,
    country   TEXT,
    role      TEXT,
    extractor TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

-- Corpus-level results of fusion: rebuilt by `fuse` from the per-document tables.
CREATE TABLE IF NOT EXISTS entities (
    entity_id TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    type      TEXT NOT NULL,
    country   TEXT,
    aliases   TEXT NOT NULL,              -- JSON list
    roles     TEXT NOT NULL               -- JSON list of {title, doc, date}
);

CREATE TABLE IF NOT EXISTS clusters (
    cluster_id    TEXT NOT NULL,
    event_id      TEXT NOT NULL REFERENCES events(event_id),
    canonical     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (cluster_id, event_id)
);
CREATE INDEX IF NOT EXISTS clusters_event ON clusters(event_id);

CREATE TABLE IF NOT EXISTS cluster_info (
    cluster_id   TEXT PRIMARY KEY,
    type         TEXT,
    status       TEXT,
    date         TEXT,
    countries    TEXT,
    amounts      TEXT,
    n_documents  INTEGER NOT NULL,
    n_sources    INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS conflicts (
    conflict_id INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    about       TEXT NOT NULL,
    a_doc       TEXT NOT NULL,
    a_start     INTEGER NOT NULL,
    a_end       INTEGER NOT NULL,
    a_evidence  TEXT NOT NULL,
    b_doc       TEXT NOT NULL,
    b_start     INTEGER NOT NULL,
    b_end       INTEGER NOT NULL,
    b_evidence  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS projects (
    project   TEXT PRIMARY KEY,
    name      TEXT,
    aliases   TEXT NOT NULL,              -- JSON list
    lifecycle TEXT NOT NULL               -- JSON: stages, renames, values, lengths
);

-- Full-text search (FTS5), kept in step by the writer.
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    doc_id UNINDEXED, title, body_text, tokenize = 'unicode61'
);
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(
    event_id UNINDEXED, evidence, tokenize = 'unicode61'
);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
    quote_id UNINDEXED, text, speaker, tokenize = 'unicode61'
);
