-- dyad store, version 1: documents and everything extracted from them, runs and quarantine.
CREATE SEQUENCE IF NOT EXISTS run_ids START 1;

CREATE TABLE runs (
    run_id      INTEGER PRIMARY KEY,
    started     TIMESTAMP NOT NULL,
    finished    TIMESTAMP,
    inputs      VARCHAR,
    options     VARCHAR,
    dyad_version VARCHAR,
    n_new       INTEGER DEFAULT 0,
    n_skipped   INTEGER DEFAULT 0,
    n_quarantined INTEGER DEFAULT 0,
    n_events    INTEGER DEFAULT 0
);

CREATE TABLE documents (
    doc_id      VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL UNIQUE,
    source      VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    url         VARCHAR,
    title       VARCHAR,
    byline      VARCHAR,
    outlet      VARCHAR,
    published   VARCHAR,
    published_precision VARCHAR NOT NULL,
    published_estimated BOOLEAN NOT NULL DEFAULT FALSE,
    language    VARCHAR,
    encoding    VARCHAR,
    text        VARCHAR NOT NULL,
    removed     JSON,
    run_id      INTEGER NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);

CREATE TABLE sentences (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE mentions (
    doc_id VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR NOT NULL,
    actor VARCHAR NOT NULL, actor_kind VARCHAR NOT NULL, sector VARCHAR, person VARCHAR, role VARCHAR,
    method VARCHAR NOT NULL, sentence INTEGER
);

CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL,
    source VARCHAR NOT NULL, target VARCHAR, source_sector VARCHAR, target_sector VARCHAR,
    type VARCHAR NOT NULL, mode VARCHAR, cameo VARCHAR, intensity DOUBLE, quad VARCHAR,
    modality VARCHAR NOT NULL, mutual BOOLEAN NOT NULL,
    date VARCHAR, date_precision VARCHAR NOT NULL, date_inferred BOOLEAN NOT NULL,
    "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, evidence VARCHAR NOT NULL,
    trigger VARCHAR NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    sentence INTEGER NOT NULL, confidence DOUBLE NOT NULL, accepted BOOLEAN NOT NULL, rule VARCHAR
);

CREATE TABLE event_mentions (
    event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, sentence INTEGER NOT NULL
);

CREATE TABLE quantities (
    doc_id VARCHAR NOT NULL, event_id VARCHAR, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text VARCHAR NOT NULL, value DOUBLE, unit VARCHAR NOT NULL, approximate BOOLEAN NOT NULL
);

CREATE TABLE claims (
    doc_id VARCHAR NOT NULL, subject VARCHAR NOT NULL, measure VARCHAR NOT NULL, value DOUBLE,
    unit VARCHAR NOT NULL, date VARCHAR, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL
);

CREATE TABLE assessments (
    doc_id VARCHAR NOT NULL, a VARCHAR NOT NULL, b VARCHAR NOT NULL, polarity VARCHAR NOT NULL,
    date VARCHAR, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL
);

CREATE TABLE quarantine (
    input VARCHAR NOT NULL, content_hash VARCHAR, reason VARCHAR NOT NULL, detail VARCHAR,
    run_id INTEGER NOT NULL, quarantined_at TIMESTAMP NOT NULL
);

CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX mentions_doc ON mentions (doc_id);
