"""Read views over the link tables, shared by the CLI (and later the API): plain dicts, JSON-ready."""

from __future__ import annotations

from typing import Any

from ..store import Store
from .index import normalise_dyad

__all__ = ["claims_for_dyad", "clusters_for_dyad"]




def _subject_dyad(subject: str) -> str:
    head = subject.split()[0] if subject.split() else ""
    return normalise_dyad(head) if "-" in head else ""


def claims_for_dyad(store: Store, dyad: str) -> list[dict[str, Any]]:
    """Claim groups whose subject names ``dyad`` (either order), each with its members' evidence."""
    key = normalise_dyad(dyad)
    groups = [g for g in store.query("SELECT * FROM claim_groups ORDER BY subject, measure, date_lo NULLS LAST")
              if _subject_dyad(g["subject"]) == key]
    if not groups:
        return []
    members = store.query(
        'SELECT * FROM claim_group_members WHERE group_id IN (SELECT unnest(?)) ORDER BY published, doc_id, "start"',
        [[g["group_id"] for g in groups]])
    by_group: dict[str, list[dict[str, Any]]] = {}
    for m in members:
        by_group.setdefault(m["group_id"], []).append(m)
    for g in groups:
        g["members"] = by_group.get(g["group_id"], [])
    return groups


def clusters_for_dyad(store: Store, dyad: str) -> list[dict[str, Any]]:
    """Clusters of one dyad, oldest first, with their member documents."""
    key = normalise_dyad(dyad)
    return store.query(
        """SELECT c.*, list(m.doc_id ORDER BY m.doc_id) AS docs
           FROM clusters c JOIN cluster_members m USING (cluster_id)
           WHERE c.dyad = ? GROUP BY ALL ORDER BY c.date_lo NULLS LAST, c.cluster_id""", [key])
