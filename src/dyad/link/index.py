"""The dyad index: per direction-free dyad ``A-B`` and month, events counted once per cluster.

Rows are grouped by QuadClass (verbal/material × cooperation/conflict) with the mean intensity of
the clusters and the number of distinct source documents (a duplicate counts as its original).
Relation assessments sit beside it in ``dyad_assessments``, counted by polarity per month.
A cluster whose date is only a year is filed under ``YYYY``; an undated or wider one under
``undated``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..store import Store

__all__ = ["dyad_index", "normalise_dyad", "update_index"]

_CLUSTER_ROWS = """
    WITH member_docs AS (
        SELECT c.dyad, coalesce(c.month, 'undated') AS month, coalesce(c.quad, 'unknown') AS quad,
               coalesce(d.duplicate_of, m.doc_id) AS doc
        FROM clusters c JOIN cluster_members m USING (cluster_id)
        LEFT JOIN duplicate_docs d ON d.doc_id = m.doc_id
        WHERE c.dyad LIKE '%-%' {where}
    ), per_cluster AS (
        SELECT c.dyad, coalesce(c.month, 'undated') AS month, coalesce(c.quad, 'unknown') AS quad,
               count(*) AS events, avg(c.intensity) AS mean_intensity
        FROM clusters c WHERE c.dyad LIKE '%-%' {where}
        GROUP BY ALL
    ), sources AS (
        SELECT dyad, month, quad, count(DISTINCT doc) AS sources FROM member_docs GROUP BY ALL
    )
    SELECT p.dyad, p.month, p.quad, p.events, p.mean_intensity, s.sources
    FROM per_cluster p JOIN sources s USING (dyad, month, quad)
"""

_ASSESSMENT_ROWS = """
    WITH a AS (
        SELECT CASE WHEN x.a <= x.b THEN x.a || '-' || x.b ELSE x.b || '-' || x.a END AS dyad,
               CASE WHEN regexp_matches(coalesce(x.date, d.published, ''), '^[0-9]{{4}}-[0-9]{{2}}')
                    THEN substr(coalesce(x.date, d.published), 1, 7)
                    WHEN regexp_matches(coalesce(x.date, d.published, ''), '^[0-9]{{4}}')
                    THEN substr(coalesce(x.date, d.published), 1, 4)
                    ELSE 'undated' END AS month,
               x.polarity, x.doc_id
        FROM assessments x JOIN documents d USING (doc_id)
        WHERE x.doc_id NOT IN (SELECT doc_id FROM duplicate_docs) AND x.a <> x.b
    )
    SELECT dyad, month, polarity, count(*) AS assessments, count(DISTINCT doc_id) AS sources
    FROM a WHERE TRUE {where} GROUP BY ALL
"""


def normalise_dyad(dyad: str) -> str:
    """``"rus-prk"``, ``"PRK-RUS"`` and ``"PRK RUS"`` all become ``"PRK-RUS"``."""
    parts = [p for p in dyad.upper().replace(" ", "-").replace("_", "-").split("-") if p]
    return "-".join(sorted(parts))


def update_index(store: Store, dyads: Sequence[str] | None) -> int:
    """Recompute the index rows of ``dyads`` (all when None); return the rows written."""
    con = store.con
    if dyads is None:
        where, params_c, params_a = "", [], []
        con.execute("DELETE FROM dyad_index")
        con.execute("DELETE FROM dyad_assessments")
    else:
        if not dyads:
            return 0
        where = "AND dyad IN (SELECT unnest(?))"
        wanted = sorted(set(dyads))
        params_c, params_a = [wanted, wanted], [wanted]
        con.execute("DELETE FROM dyad_index WHERE dyad IN (SELECT unnest(?))", [wanted])
        con.execute("DELETE FROM dyad_assessments WHERE dyad IN (SELECT unnest(?))", [wanted])
    cluster_where = where.replace("dyad", "c.dyad", 1)
    con.execute("INSERT INTO dyad_index " + _CLUSTER_ROWS.format(where=cluster_where), params_c)
    con.execute("INSERT INTO dyad_assessments " + _ASSESSMENT_ROWS.format(where=where), params_a)
    row = con.execute("SELECT count(*) FROM dyad_index" + (" WHERE dyad IN (SELECT unnest(?))" if dyads else ""),
                      [sorted(set(dyads))] if dyads else []).fetchone()
    return int(row[0]) if row else 0


def dyad_index(store: Store, dyad: str) -> list[dict[str, Any]]:
    """The monthly rows of one dyad: quad counts, mean intensity, sources, and assessments by polarity."""
    key = normalise_dyad(dyad)
    rows = store.query(
        """
        WITH m AS (SELECT month FROM dyad_index WHERE dyad = ? UNION SELECT month FROM dyad_assessments WHERE dyad = ?)
        SELECT m.month,
            coalesce(sum(i.events) FILTER (WHERE i.quad = 'verbal_cooperation'), 0) AS verbal_cooperation,
            coalesce(sum(i.events) FILTER (WHERE i.quad = 'material_cooperation'), 0) AS material_cooperation,
            coalesce(sum(i.events) FILTER (WHERE i.quad = 'verbal_conflict'), 0) AS verbal_conflict,
            coalesce(sum(i.events) FILTER (WHERE i.quad = 'material_conflict'), 0) AS material_conflict,
            coalesce(sum(i.events), 0) AS events,
            sum(i.mean_intensity * i.events) / nullif(sum(i.events), 0) AS mean_intensity
        FROM m LEFT JOIN dyad_index i ON i.dyad = ? AND i.month = m.month
        GROUP BY m.month ORDER BY m.month
        """, [key, key, key])
    sources = {r["month"]: r["n"] for r in store.query(
        """SELECT coalesce(c.month, 'undated') AS month, count(DISTINCT coalesce(d.duplicate_of, m.doc_id)) AS n
           FROM clusters c JOIN cluster_members m USING (cluster_id) LEFT JOIN duplicate_docs d ON d.doc_id = m.doc_id
           WHERE c.dyad = ? GROUP BY ALL""", [key])}
    polarity = {(r["month"], r["polarity"]): r["assessments"] for r in store.query(
        "SELECT month, polarity, assessments FROM dyad_assessments WHERE dyad = ?", [key])}
    for row in rows:
        row["sources"] = sources.get(row["month"], 0)
        for p in ("positive", "negative", "mixed"):
            row[p] = polarity.get((row["month"], p), 0)
    return rows
