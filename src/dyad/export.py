"""Exports: events as JSON Lines (the gold scorer's input), CSV and Parquet (PyArrow)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import DyadError
from .store import Store

__all__ = ["FORMATS", "event_rows", "export_events"]

FORMATS = ("events-jsonl", "csv", "parquet", "gdelt-tsv")
EXPORT_COLUMNS = ("doc", "event_id", "source", "target", "type", "mode", "cameo", "intensity", "quad", "modality",
                  "mutual", "date", "date_precision", "date_inferred", "evidence", "start", "end", "trigger",
                  "source_sector", "target_sector", "quantities", "confidence", "accepted")


def event_rows(store: Store, *, include_flagged: bool = False, where: str = "", params: tuple[Any, ...] = ()
               ) -> list[dict[str, Any]]:
    """Events with their quantities (amounts inside the evidence span), in document order."""
    condition = "TRUE" if include_flagged else "e.accepted"
    rows = store.query(
        f"""
        SELECT e.doc_id AS doc, e.event_id, e.source, e.target, e.type, e.mode, e.cameo, e.intensity, e.quad,
               e.modality, e.mutual, e.date, e.date_precision, e.date_inferred, e.evidence, e."start", e."end",
               e.trigger, e.source_sector, e.target_sector, e.confidence, e.accepted,
               list({{'text': q.text, 'value': q.value, 'unit': q.unit, 'approximate': q.approximate}}
                    ORDER BY q."start") FILTER (WHERE q.text IS NOT NULL) AS quantities
        FROM events e
        LEFT JOIN event_quantities eq ON eq.event_id = e.event_id
        LEFT JOIN quantities q ON q.doc_id = eq.doc_id AND q."start" = eq."start" AND q."end" = eq."end"
        WHERE {condition} {where}
        GROUP BY ALL
        ORDER BY e.doc_id, e."start", e.event_id
        """, params)
    for row in rows:
        row["quantities"] = row["quantities"] or []
    return rows


def export_events(store: Store, out: str | Path, fmt: str = "events-jsonl", *, include_flagged: bool = False) -> int:
    """Write events to ``out`` in ``fmt``; returns the number of events written."""
    if fmt not in FORMATS:
        raise DyadError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "gdelt-tsv":
        from .gdelt import export_gdelt

        return export_gdelt(store, target, include_flagged=include_flagged)
    rows = [{k: row[k] for k in EXPORT_COLUMNS} for row in event_rows(store, include_flagged=include_flagged)]
    if fmt == "events-jsonl":
        with target.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with target.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=EXPORT_COLUMNS)
            writer.writeheader()
            for row in rows:
                writer.writerow({**row, "quantities": json.dumps(row["quantities"], ensure_ascii=False)})
    else:
        table = pa.Table.from_pylist(rows, schema=_schema())
        pq.write_table(table, target)
    return len(rows)


def _schema() -> pa.Schema:
    quantity = pa.struct([("text", pa.string()), ("value", pa.float64()), ("unit", pa.string()),
                          ("approximate", pa.bool_())])
    types: dict[str, pa.DataType] = {
        "intensity": pa.float64(), "confidence": pa.float64(), "start": pa.int32(), "end": pa.int32(),
        "mutual": pa.bool_(), "date_inferred": pa.bool_(), "accepted": pa.bool_(), "quantities": pa.list_(quantity),
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in EXPORT_COLUMNS])
