-- An amount may belong to several events ("the EU and the US imposed sanctions worth $5 billion"):
-- a link table replaces the single event_id column as the source of truth for exports.
CREATE TABLE event_quantities (
    event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE INDEX event_quantities_event ON event_quantities (event_id);
