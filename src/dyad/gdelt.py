"""GDELT-shaped export: one row per event with GDELT 2.0 event-table column names, for tools that
already read GDELT. dyad's own columns (PLOVER type, modality, evidence, date precision) follow.

Dates are the event's date, not the crawl date: SQLDATE is filled only when the event is dated to the
day; MonthYear/Year at their precision; undated events leave them empty rather than guessing.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from .actors import load_kb
from .store import Store

__all__ = ["GDELT_COLUMNS", "export_gdelt", "gdelt_rows"]

QUAD_CLASS = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "DATEADDED", "SOURCEURL",
    # dyad's own
    "DyadEventId", "DyadClusterId", "PloverType", "PloverMode", "Modality", "DatePrecision", "DateInferred",
    "Confidence", "DocId", "EvidenceStart", "EvidenceEnd", "Evidence",
)


def gdelt_rows(store: Store, *, include_flagged: bool = False) -> list[dict[str, Any]]:
    linked = bool(store.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'cluster_members'"))
    cluster_join = ("LEFT JOIN cluster_members cm ON cm.event_id = e.event_id "
                    "LEFT JOIN clusters c ON c.cluster_id = cm.cluster_id") if linked else ""
    cluster_cols = "c.cluster_id, c.n_sources" if linked else "NULL AS cluster_id, NULL AS n_sources"
    rows = store.query(
        f"""
        SELECT e.*, d.url, d.ingested_at, {cluster_cols},
               (SELECT count(*) FROM event_mentions m WHERE m.event_id = e.event_id) AS n_mentions
        FROM events e JOIN documents d USING (doc_id) {cluster_join}
        WHERE {"TRUE" if include_flagged else "e.accepted"}
        ORDER BY e.doc_id, e."start"
        """)
    kb = load_kb()
    codes = {r[c] for r in rows for c in ("source", "target") if r[c]}
    names = {code: kb.name_of(code) for code in codes}
    return [_row(number, r, names) for number, r in enumerate(rows, 1)]


def _actor(code: str | None, sector: str | None, names: dict[str, str]) -> tuple[str, str, str, str]:
    if not code:
        return "", "", "", ""
    country = code if len(code) == 3 and code.isupper() else ""
    return code + (sector or "" if country else ""), names.get(code, code), country, sector or ""


def _row(number: int, r: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    date = (r["date"] or "").split("/")[0]
    cameo = r["cameo"] or ""
    a1 = _actor(r["source"], r["source_sector"], names)
    a2 = _actor(r["target"], r["target_sector"], names)
    return dict(zip(GDELT_COLUMNS, (
        number, date.replace("-", "") if len(date) == 10 else "", date[:7].replace("-", "") if len(date) >= 7 else "",
        date[:4] if len(date) >= 4 and date[:4].isdigit() else "", _fraction(date),
        *a1, *a2,
        1 if r["sentence"] == 0 else 0, cameo, cameo[:3], cameo[:2], QUAD_CLASS.get(r["quad"] or "", ""),
        r["intensity"], r["n_mentions"], r["n_sources"] or 1, r["n_sources"] or 1,
        r["ingested_at"].strftime("%Y%m%d%H%M%S") if r["ingested_at"] else "", r["url"] or "",
        r["event_id"], r["cluster_id"] or "", r["type"], r["mode"] or "", r["modality"], r["date_precision"],
        r["date_inferred"], r["confidence"], r["doc_id"], r["start"], r["end"], r["evidence"],
    ), strict=True))


def _fraction(date: str) -> str:
    """GDELT's FractionDate: year + (day of year) / 365, at day precision only."""
    if len(date) != 10:
        return ""
    from datetime import date as day

    try:
        d = day.fromisoformat(date)
    except ValueError:
        return ""
    return f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"


def export_gdelt(store: Store, out: str | Path, *, include_flagged: bool = False) -> int:
    rows = gdelt_rows(store, include_flagged=include_flagged)
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=GDELT_COLUMNS, delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
