"""DuckDB storage. The schema lives in ``migrations/NNNN_*.sql`` files applied in order.

Writes are idempotent by content hash: a document whose bytes are already stored (or already
quarantined) is never analysed or written again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..model import Analysis

__all__ = ["Store", "open_store"]

EVENT_COLUMNS = (
    "event_id", "doc_id", "source", "target", "source_sector", "target_sector", "type", "mode", "cameo",
    "intensity", "quad", "modality", "mutual", "date", "date_precision", "date_inferred", "start", "end",
    "evidence", "trigger", "trigger_start", "trigger_end", "sentence", "confidence", "accepted", "rule",
)
# Tables holding what one document produced; replacing a document clears them first.
DOCUMENT_TABLES = ("event_mentions", "event_quantities", "quantities", "claims", "assessments", "mentions", "sentences",
                   "events", "documents")


# Column order of each table written per batch (quarantine last: it is written even without analyses).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "content_hash", "source", "kind", "url", "title", "byline", "outlet", "published",
                  "published_precision", "published_estimated", "language", "encoding", "text", "removed", "run_id",
                  "ingested_at"),
    "sentences": ("doc_id", "idx", "start", "end"),
    "mentions": ("doc_id", "start", "end", "text", "actor", "actor_kind", "sector", "person", "role", "method",
                 "sentence"),
    "events": EVENT_COLUMNS,
    "event_mentions": ("event_id", "doc_id", "start", "end", "trigger_start", "trigger_end", "sentence"),
    "event_quantities": ("event_id", "doc_id", "start", "end"),
    "quantities": ("doc_id", "event_id", "start", "end", "text", "value", "unit", "approximate"),
    "claims": ("doc_id", "subject", "measure", "value", "unit", "date", "start", "end"),
    "assessments": ("doc_id", "a", "b", "polarity", "date", "start", "end"),
    "quarantine": ("input", "content_hash", "reason", "detail", "run_id", "quarantined_at"),
}


def _collect(a: Analysis, run_id: int, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    """Append one analysis's rows, per table, in TABLE_COLUMNS order."""
    d = a.document
    rows["documents"].append((
        d.id, d.content_hash, d.source, d.kind, d.url, d.title, d.byline, d.outlet, d.published,
        d.published_precision, d.published_estimated, d.language, d.encoding, d.text,
        json.dumps([asdict(r) for r in d.removed], ensure_ascii=False), run_id, _now()))
    rows["sentences"] += [(s.doc_id, s.index, s.start, s.end) for s in a.sentences]
    rows["mentions"] += [(m.doc_id, m.start, m.end, m.text, m.actor.code, m.actor.kind, m.actor.sector,
                          m.actor.person, m.actor.role, m.method, m.sentence) for m in a.mentions]
    rows["events"] += [tuple(getattr(e, c) for c in EVENT_COLUMNS) for e in a.events]
    rows["event_mentions"] += [(m.event_id, m.doc_id, m.start, m.end, m.trigger_start, m.trigger_end, m.sentence)
                               for e in a.events for m in e.mentions]
    rows["event_quantities"] += [(e.event_id, q.doc_id, q.start, q.end) for e in a.events for q in e.quantities]
    rows["quantities"] += [(q.doc_id, q.event_id, q.start, q.end, q.text, q.value, q.unit, q.approximate)
                           for q in a.quantities]
    rows["claims"] += [(c.doc_id, c.subject, c.measure, c.value, c.unit, c.date, c.start, c.end) for c in a.claims]
    rows["assessments"] += [(s.doc_id, s.a, s.b, s.polarity, s.date, s.start, s.end) for s in a.assessments]


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("dyad.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _quoted(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


class Store:
    """A dyad database. Use :func:`open_store`; close it (or use ``with``) when done."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    @property
    def schema_version(self) -> int:
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def migrate(self) -> int:
        """Apply the migrations this database has not seen; return the resulting version."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, name VARCHAR, applied_at TIMESTAMP)")
        current = self.schema_version
        migrations = _migrations()
        versions = [version for version, _, _ in migrations]
        if len(versions) != len(set(versions)):
            raise StoreError(f"two migrations share a version number: {sorted(versions)}")
        for version, name, sql in migrations:
            if version <= current:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [version, name, _now()])
                self.con.execute("COMMIT")
                current = version
            except duckdb.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed on {self.path}: {exc}") from exc
        return self.schema_version

    # -- runs ------------------------------------------------------------------------------
    def start_run(self, inputs: Iterable[str], options: dict[str, Any], version: str) -> int:
        row = self.con.execute("SELECT nextval('run_ids')").fetchone()
        assert row is not None
        run_id = int(row[0])
        self.con.execute(
            "INSERT INTO runs (run_id, started, inputs, options, dyad_version) VALUES (?, ?, ?, ?, ?)",
            [run_id, _now(), json.dumps(list(inputs)), json.dumps(options), version],
        )
        return run_id

    def finish_run(self, run_id: int, *, new: int, skipped: int, quarantined: int, events: int) -> None:
        self.con.execute(
            "UPDATE runs SET finished = ?, n_new = ?, n_skipped = ?, n_quarantined = ?, n_events = ? "
            "WHERE run_id = ?", [_now(), new, skipped, quarantined, events, run_id])

    # -- idempotency -----------------------------------------------------------------------
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The hashes among ``hashes`` already stored as documents or quarantined for what they are.

        "too large" and "id conflict" depend on the options in force (the limit, on_id_conflict), so they
        do not make an input known: they are checked again (cheaply) and the input goes through once the
        options allow it.
        """
        wanted = list(set(hashes))
        if not wanted:
            return set()
        rows = self.con.execute(
            "SELECT content_hash FROM documents WHERE content_hash IN (SELECT unnest(?)) "
            "UNION SELECT content_hash FROM quarantine WHERE content_hash IN (SELECT unnest(?)) "
            "AND reason NOT IN ('too large', 'id conflict')",
            [wanted, wanted]).fetchall()
        return {r[0] for r in rows}

    def quarantined_before(self, input_name: str, content_hash: str | None, reason: str, detail: str) -> bool:
        """The same verdict on the same input (same bytes when known) is already recorded."""
        row = self.con.execute(
            "SELECT 1 FROM quarantine WHERE reason = ? AND coalesce(detail, '') = ? AND "
            "(content_hash = ? OR (content_hash IS NULL AND ? IS NULL AND input = ?))",
            [reason, detail, content_hash, content_hash, input_name]).fetchone()
        return row is not None

    def stored_hash(self, doc_id: str) -> str | None:
        row = self.con.execute("SELECT content_hash FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return str(row[0]) if row else None

    # -- writes ----------------------------------------------------------------------------
    def write_batch(self, analyses: Sequence[Analysis], quarantined: Sequence[dict[str, Any]], run_id: int,
                    *, replace: Sequence[str] = ()) -> None:
        """Write a batch of analyses and quarantine rows in one transaction (all or nothing).

        Rows are gathered per table and inserted column-wise through Arrow: DuckDB's executemany
        row by row cost more than the language model itself.
        """
        rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in TABLE_COLUMNS}
        for analysis in analyses:
            _collect(analysis, run_id, rows)
        now = _now()
        rows["quarantine"] = [(r["input"], r.get("content_hash"), r["reason"], r.get("detail", ""), run_id, now)
                              for r in quarantined]
        self.con.execute("BEGIN TRANSACTION")
        try:
            for doc_id in replace:
                self._delete_document(doc_id)
            for table, table_rows in rows.items():
                self._bulk_insert(table, table_rows)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        finally:  # after COMMIT/ROLLBACK: an aborted transaction refuses even to unregister
            for table, table_rows in rows.items():
                if table_rows:
                    self.con.unregister(f"_dyad_batch_{table}")

    def _delete_document(self, doc_id: str) -> None:
        for table in DOCUMENT_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])

    def _bulk_insert(self, table: str, table_rows: list[tuple[Any, ...]]) -> None:
        if not table_rows:
            return
        columns = TABLE_COLUMNS[table]
        arrow = pa.Table.from_pydict({c: [row[i] for row in table_rows] for i, c in enumerate(columns)})
        view = f"_dyad_batch_{table}"
        self.con.register(view, arrow)
        self.con.execute(f"INSERT INTO {table} ({_quoted(columns)}) SELECT {_quoted(columns)} FROM {view}")

    # -- reads -----------------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def count(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0


def open_store(path: str | Path = "dyad.duckdb", *, read_only: bool = False) -> Store:
    """Open (creating and migrating when needed) a dyad database. ``":memory:"`` works for tests."""
    target = str(path)
    if target != ":memory:" and not read_only:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    if read_only and target != ":memory:" and not Path(target).exists():
        raise StoreError(f"no database at {target}; create one with `dyad run PATH --db {target}`")
    try:
        con = duckdb.connect(target, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"cannot open database {target}: {exc}") from exc
    store = Store(con, target)
    if not read_only:
        store.migrate()
    return store
