"""The DuckDB store: migrations, one transaction per batch, idempotency by content hash."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dyad.model import Actor, Analysis, Document, Event, EventMention, Mention, Quantity
from dyad.store import open_store
from dyad.store.duck import _migrations


def _analysis(doc_id: str = "d1", content_hash: str = "h1") -> Analysis:
    text = "Moscow wrote off $10 billion of Pyongyang's debt."
    doc = Document(id=doc_id, text=text, content_hash=content_hash, source=f"{doc_id}.txt", published="2014-05",
                   published_precision="month", language="en")
    mention = Mention(doc_id=doc_id, start=0, end=6, text="Moscow", actor=Actor(code="RUS", sector="GOV"),
                      method="kb:capitals", sentence=0)
    quantity = Quantity(doc_id=doc_id, start=18, end=29, text="$10 billion", value=1e10, unit="USD")
    event = Event(event_id=f"{doc_id}#e1", doc_id=doc_id, source="RUS", target="PRK", type="AID", mode="economic",
                  cameo="0234", intensity=7.4, quad="material_cooperation", modality="asserted", start=0, end=49,
                  evidence=text, trigger="wrote", trigger_start=7, trigger_end=12, sentence=0, date="2014",
                  date_precision="year", confidence=0.8, quantities=[quantity],
                  mentions=[EventMention(event_id=f"{doc_id}#e1", doc_id=doc_id, start=0, end=49, trigger_start=7,
                                         trigger_end=12, sentence=0)])
    return Analysis(document=doc, mentions=[mention], events=[event], quantities=[quantity])


def test_new_database_is_migrated_to_the_latest_version() -> None:
    with open_store(":memory:") as store:
        assert store.schema_version == max(v for v, _, _ in _migrations())
        tables = {r["table_name"] for r in store.query("SELECT table_name FROM information_schema.tables")}
        assert {"documents", "mentions", "events", "event_mentions", "quantities", "claims", "assessments", "runs",
                "quarantine", "sentences"} <= tables
        assert store.migrate() == store.schema_version  # applying again is a no-op


def test_reopening_keeps_data_and_version(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    with open_store(db) as store:
        run_id = store.start_run(["a"], {}, "test")
        store.write_batch([_analysis()], [], run_id)
    with open_store(db) as store:
        assert store.count("documents") == 1
        assert store.query("SELECT event_id, source, target FROM events") == [
            {"event_id": "d1#e1", "source": "RUS", "target": "PRK"}]
        assert store.known_hashes(["h1", "zzz"]) == {"h1"}


def test_a_failing_batch_writes_nothing() -> None:
    with open_store(":memory:") as store:
        run_id = store.start_run([], {}, "test")
        store.write_batch([_analysis("d1", "h1")], [], run_id)
        with pytest.raises(duckdb.ConstraintException):
            # d2 is fine, but d1 again violates the primary key: the whole batch rolls back
            store.write_batch([_analysis("d2", "h2"), _analysis("d1", "h3")],
                              [{"input": "bad.bin", "reason": "binary"}], run_id)
        assert store.count("documents") == 1
        assert store.count("quarantine") == 0


def test_replace_clears_the_old_analysis() -> None:
    with open_store(":memory:") as store:
        run_id = store.start_run([], {}, "test")
        store.write_batch([_analysis("d1", "h1")], [], run_id)
        store.write_batch([_analysis("d1", "h2")], [], run_id, replace=["d1"])
        assert store.count("documents") == 1
        assert store.count("events") == 1
        assert store.stored_hash("d1") == "h2"


def test_read_only_open_of_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    from dyad.errors import StoreError

    with pytest.raises(StoreError, match="dyad run"):
        open_store(tmp_path / "none.duckdb", read_only=True)


def test_migration_versions_are_unique_and_applied_in_order() -> None:
    versions = [v for v, _, _ in _migrations()]
    assert versions == sorted(set(versions))
    with open_store(":memory:") as store:
        applied = [r["version"] for r in store.query("SELECT version FROM schema_version ORDER BY version")]
        assert applied == versions
