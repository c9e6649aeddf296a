"""Incremental linking: recompute only what documents ingested since the last link touched.

The watermark is the highest ``run_id`` among linked documents, kept in ``link_state``. An update
finds the documents of later runs, records which of them copy earlier documents, re-clusters the
blocks their events fall in (dyad × type group × months, plus the clusters those blocks already
held), regroups the claims with their subjects and measures, and rewrites the index of the dyads
whose clusters or assessments changed — all in one transaction. With nothing new it writes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from ..store import Store
from .claims import update_claims
from .clusters import (
    MAX_MONTHS,
    ClusterResult,
    Compatibility,
    LinkEvent,
    cluster_events,
    load_compatibility,
    make_event,
)
from .duplicates import canonical_map, find_duplicates, insert_arrow
from .index import update_index
from .periods import Period, months_between

__all__ = ["LinkSummary", "update", "watermark"]

WATERMARK = "last_run_id"
_EVENT_SQL = """
    SELECT e.event_id, e.doc_id, e.source, e.target, e.type, e.mode, e.quad, e.intensity, e.modality, e.mutual,
           e.date, e.date_inferred, e.evidence, d.run_id, d.published
    FROM events e JOIN documents d USING (doc_id)
    WHERE e.accepted AND {where}
"""


@dataclass(slots=True)
class LinkSummary:
    """What one update did. ``noop`` is true when nothing was new (and nothing was written)."""

    noop: bool
    watermark: int
    documents: int = 0
    duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    events: int = 0
    clusters_removed: int = 0
    clusters_written: int = 0
    claim_groups: int = 0
    index_rows: int = 0


def watermark(store: Store) -> int:
    """The highest run id already linked (0 before the first link)."""
    row = store.con.execute("SELECT value FROM link_state WHERE key = ?", [WATERMARK]).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def update(store: Store, *, full: bool = False, compat: Compatibility | None = None) -> LinkSummary:
    """Link what is new since the watermark (everything when ``full``); a no-op when nothing is."""
    mark = 0 if full else watermark(store)
    top_row = store.con.execute("SELECT max(run_id) FROM documents").fetchone()
    top = int(top_row[0]) if top_row and top_row[0] is not None else 0
    if top <= mark and not full:
        return LinkSummary(noop=True, watermark=mark)
    compat = compat or load_compatibility()
    con = store.con
    new_docs = [r[0] for r in con.execute("SELECT doc_id FROM documents WHERE run_id > ? ORDER BY doc_id",
                                          [mark]).fetchall()]
    con.execute("BEGIN TRANSACTION")
    try:
        if full:
            for table in ("duplicate_docs", "doc_bands", "cluster_members", "clusters"):
                con.execute(f"DELETE FROM {table}")
        summary = LinkSummary(noop=False, watermark=top, documents=len(new_docs))
        summary.duplicates = find_duplicates(store, new_docs)
        dyads = _update_clusters(store, new_docs, full, compat, summary)
        summary.claim_groups = update_claims(store, None if full else new_docs)
        if not full:
            dyads |= {"-".join(sorted((r[0], r[1]))) for r in con.execute(
                "SELECT a, b FROM assessments WHERE doc_id IN (SELECT unnest(?))", [new_docs]).fetchall()}
        summary.index_rows = update_index(store, None if full else sorted(dyads))
        con.execute("DELETE FROM link_state WHERE key = ?", [WATERMARK])
        con.execute("INSERT INTO link_state VALUES (?, ?, ?)",
                    [WATERMARK, str(top), datetime.now(UTC).replace(tzinfo=None)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return summary


def _load_events(store: Store, where: str, params: Sequence[Any], compat: Compatibility) -> list[LinkEvent]:
    return [make_event(r, compat) for r in store.query(_EVENT_SQL.format(where=where), params)]


def _loose(lo: Any, hi: Any) -> bool:
    return lo is None or len(months_between(Period(lo, hi))) > MAX_MONTHS


def _update_clusters(store: Store, new_docs: list[str], full: bool, compat: Compatibility,
                     summary: LinkSummary) -> set[str]:
    """Re-cluster the blocks the new documents touch; return the dyads whose clusters changed."""
    con = store.con
    if full:
        pool = _load_events(store, "TRUE", [], compat)
        summary.events = len(pool)
        results = cluster_events(pool, compat=compat, canonical=canonical_map(store))
        _write(store, results)
        summary.clusters_written = len(results)
        return {r.dyad for r in results}
    new_events = _load_events(store, "e.doc_id IN (SELECT unnest(?))", [new_docs], compat)
    summary.events = len(new_events)
    # Clusters that lose members: events no longer stored, and earlier versions of replaced documents.
    touched = {r[0] for r in con.execute(
        "SELECT m.cluster_id FROM cluster_members m LEFT JOIN events e ON e.event_id = m.event_id AND e.accepted "
        "WHERE e.event_id IS NULL OR m.doc_id IN (SELECT unnest(?))", [new_docs]).fetchall()}
    months: dict[tuple[str, str], set[str]] = defaultdict(set)
    whole: set[tuple[str, str]] = set()
    for e in new_events:
        key = (e.dyad, e.group)
        if e.period is None or _loose(e.period.lo, e.period.hi):
            whole.add(key)
        else:
            months[key].update(months_between(e.period))
    keys = set(months) | whole
    if keys:
        for cid, dyad, grp, lo, hi in con.execute(
                "SELECT cluster_id, dyad, grp, date_lo, date_hi FROM cluster_members WHERE dyad IN (SELECT unnest(?))",
                [sorted({k[0] for k in keys})]).fetchall():
            key = (dyad, grp)
            if key not in keys or cid in touched:
                continue
            if key in whole or _loose(lo, hi) or months[key].intersection(months_between(Period(lo, hi))):
                touched.add(cid)
    touched_list = sorted(touched)
    old_dyads = {r[0] for r in con.execute("SELECT DISTINCT dyad FROM clusters WHERE cluster_id IN (SELECT unnest(?))",
                                           [touched_list]).fetchall()}
    keep_ids = [r[0] for r in con.execute(
        "SELECT m.event_id FROM cluster_members m WHERE m.cluster_id IN (SELECT unnest(?)) "
        "AND m.doc_id NOT IN (SELECT unnest(?))", [touched_list, new_docs]).fetchall()]
    con.execute("DELETE FROM cluster_members WHERE cluster_id IN (SELECT unnest(?))", [touched_list])
    con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT unnest(?))", [touched_list])
    summary.clusters_removed = len(touched_list)
    pool = _load_events(store, "e.event_id IN (SELECT unnest(?))", [keep_ids], compat) + new_events
    results = cluster_events(pool, compat=compat, canonical=canonical_map(store))
    _write(store, results)
    summary.clusters_written = len(results)
    return old_dyads | {r.dyad for r in results}


def _write(store: Store, results: list[ClusterResult]) -> None:
    if not results:
        return
    columns = ("cluster_id", "dyad", "source", "target", "mutual", "type", "mode", "quad", "date", "lo", "hi", "month",
               "intensity", "n_events", "n_sources", "first_seen", "evidence")
    types = {"mutual": pa.bool_(), "lo": pa.date32(), "hi": pa.date32(), "intensity": pa.float64(),
             "n_events": pa.int32(), "n_sources": pa.int32()}
    insert_arrow(store, "clusters", pa.table({c: pa.array([getattr(r, c) for r in results], types.get(c, pa.string()))
                                              for c in columns}))
    members = [(r.cluster_id, event_id, doc_id, r.dyad, r.group, lo, hi, sim)
               for r in results for event_id, doc_id, sim, lo, hi in r.members]
    names = ("cluster_id", "event_id", "doc_id", "dyad", "grp", "date_lo", "date_hi", "similarity")
    member_types = {"date_lo": pa.date32(), "date_hi": pa.date32(), "similarity": pa.float64()}
    insert_arrow(store, "cluster_members", pa.table({n: pa.array([m[i] for m in members],
                                                                 member_types.get(n, pa.string()))
                                                     for i, n in enumerate(names)}))
