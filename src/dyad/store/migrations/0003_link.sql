-- dyad store, version 3: cross-article links (dyad.link) — event clusters, duplicate documents,
-- claims compared across sources, the monthly dyad index, and the link watermark.
-- Rows are replaced by delete + insert per affected block, so these tables carry no keys.

CREATE TABLE link_state (
    key VARCHAR NOT NULL, value VARCHAR, updated_at TIMESTAMP NOT NULL
);

-- MinHash LSH bands of each document's word shingles: documents sharing a (band, key) are candidates.
CREATE TABLE doc_bands (
    doc_id VARCHAR NOT NULL, band SMALLINT NOT NULL, key BIGINT NOT NULL
);

CREATE TABLE duplicate_docs (
    doc_id VARCHAR NOT NULL, duplicate_of VARCHAR NOT NULL, similarity DOUBLE NOT NULL
);

CREATE TABLE clusters (
    cluster_id VARCHAR NOT NULL, dyad VARCHAR NOT NULL, source VARCHAR NOT NULL, target VARCHAR,
    mutual BOOLEAN NOT NULL, type VARCHAR NOT NULL, mode VARCHAR, quad VARCHAR,
    date VARCHAR, date_lo DATE, date_hi DATE, month VARCHAR, intensity DOUBLE,
    n_events INTEGER NOT NULL, n_sources INTEGER NOT NULL, first_seen VARCHAR, evidence VARCHAR
);

CREATE TABLE cluster_members (
    cluster_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL,
    dyad VARCHAR NOT NULL, grp VARCHAR NOT NULL, date_lo DATE, date_hi DATE, similarity DOUBLE
);

CREATE TABLE claim_groups (
    group_id VARCHAR NOT NULL, subject VARCHAR NOT NULL, measure VARCHAR NOT NULL, unit VARCHAR NOT NULL,
    period VARCHAR, date_lo DATE, date_hi DATE, n_claims INTEGER NOT NULL, n_sources INTEGER NOT NULL,
    status VARCHAR NOT NULL, min_value DOUBLE, max_value DOUBLE, tolerance DOUBLE
);

CREATE TABLE claim_group_members (
    group_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
    value DOUBLE, unit VARCHAR NOT NULL, date VARCHAR, approximate BOOLEAN NOT NULL, evidence VARCHAR,
    outlet VARCHAR, published VARCHAR, agrees BOOLEAN
);

CREATE TABLE dyad_index (
    dyad VARCHAR NOT NULL, month VARCHAR NOT NULL, quad VARCHAR NOT NULL, events INTEGER NOT NULL,
    mean_intensity DOUBLE, sources INTEGER NOT NULL
);

CREATE TABLE dyad_assessments (
    dyad VARCHAR NOT NULL, month VARCHAR NOT NULL, polarity VARCHAR NOT NULL, assessments INTEGER NOT NULL,
    sources INTEGER NOT NULL
);

CREATE INDEX doc_bands_key ON doc_bands (band, key);
CREATE INDEX cluster_members_event ON cluster_members (event_id);
CREATE INDEX cluster_members_cluster ON cluster_members (cluster_id);
CREATE INDEX clusters_dyad ON clusters (dyad);
