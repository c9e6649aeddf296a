"""Pairwise precision and recall of event clusters against labelled real-world events.

Labels are a YAML file with ``events`` (label → dyad, type, date) and ``docs`` (document id →
labels it reports); see ``tests/fixtures/link/labels.yaml``. Each (document, label) item is
matched to the document's accepted event of that dyad and type group whose date fits the label's
date (an explicit date preferred to an inferred one, an undated event taken last). Over all pairs
of items, precision is the share of same-cluster pairs that carry the same label, recall the
share of same-label pairs put in the same cluster. Items whose event was not extracted count as clusters of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from ..store import Store
from .clusters import load_compatibility
from .index import normalise_dyad
from .periods import parse_period

__all__ = ["PairScore", "load_labels", "score_clusters"]


@dataclass(slots=True)
class PairScore:
    precision: float
    recall: float
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    missing: list[tuple[str, str]] = field(default_factory=list)      # (doc, label) with no matching event
    assignment: dict[tuple[str, str], str | None] = field(default_factory=dict)


def load_labels(path: str | Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return data


def score_clusters(store: Store, labels: dict[str, Any]) -> PairScore:
    compat = load_compatibility()
    rows = store.query(
        """SELECT e.doc_id, e.source, e.target, e.type, e.date, e.date_inferred, m.cluster_id
           FROM events e JOIN cluster_members m USING (event_id) WHERE e.accepted""")
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_doc.setdefault(r["doc_id"], []).append(r)
    assignment: dict[tuple[str, str], str | None] = {}
    missing = []
    for doc, names in labels["docs"].items():
        for name in names:
            spec = labels["events"][name]
            want = parse_period(str(spec["date"]))
            best: tuple[int, str] | None = None
            for r in by_doc.get(doc, []):
                dyad = normalise_dyad(f"{r['source']}-{r['target']}") if r["target"] else r["source"]
                if dyad != normalise_dyad(spec["dyad"]) or compat.group(r["type"]) != compat.group(spec["type"]):
                    continue
                got = parse_period(r["date"], inferred=bool(r["date_inferred"]))
                if want is not None and got is not None and got.intersect(want) is None:
                    continue
                rank = (1 if r["date_inferred"] else 0) + (0 if r["type"] == spec["type"] else 2) + (4 if got is None
                                                                                                     else 0)
                if best is None or rank < best[0]:
                    best = (rank, r["cluster_id"])
            assignment[(doc, name)] = best[1] if best else None
            if best is None:
                missing.append((doc, name))
    items = sorted(assignment)
    true_pairs = predicted = correct = 0
    for a, b in combinations(items, 2):
        same_label = a[1] == b[1]
        same_cluster = assignment[a] is not None and assignment[a] == assignment[b]
        true_pairs += same_label
        predicted += same_cluster
        correct += same_label and same_cluster
    return PairScore(precision=correct / predicted if predicted else 1.0,
                     recall=correct / true_pairs if true_pairs else 1.0,
                     true_pairs=true_pairs, predicted_pairs=predicted, correct_pairs=correct,
                     missing=missing, assignment=assignment)
