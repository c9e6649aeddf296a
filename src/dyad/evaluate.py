"""Score events against a gold file (the format of ../shared/gold) and show where types go wrong.

Matching follows the project's scorer: same document, same source and target (either direction
for mutual gold events), one-to-one, greedily in gold order. On top of the totals this gives
precision and recall per type and a confusion table: gold events whose dyad was found with
another type.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Evaluation", "evaluate", "load_jsonl"]


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _code(value: Any) -> str | None:
    return str(value).strip().upper() or None if value else None


def _keys(gold: dict[str, Any]) -> set[tuple[str | None, str | None]]:
    keys = {(_code(gold.get("source")), _code(gold.get("target")))}
    if gold.get("mutual"):
        keys.add((_code(gold.get("target")), _code(gold.get("source"))))
    return keys


def _match(gold: list[dict[str, Any]], pred: list[dict[str, Any]], typed: bool) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        keys = _keys(g)
        for pi, p in enumerate(pred):
            if pi in used or (_code(p.get("source")), _code(p.get("target"))) not in keys:
                continue
            if typed and _code(p.get("type")) != _code(g.get("type")):
                continue
            used.add(pi)
            pairs.append((gi, pi))
            break
    return pairs


@dataclass(slots=True)
class Evaluation:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    by_type: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))  # tp, gold, pred
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold type, predicted type)
    modality: Counter[tuple[str, str]] = field(default_factory=Counter)  # on typed matches

    @property
    def precision(self) -> float:
        return self.matched / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0


def evaluate(pred_rows: list[dict[str, Any]], gold_rows: list[dict[str, Any]]) -> Evaluation:
    result = Evaluation()
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    gold_docs = {row["doc"] for row in gold_rows}
    for row in pred_rows:
        if row.get("doc") in gold_docs:
            by_doc[row["doc"]].append(row)
    for row in gold_rows:
        gold, pred = row.get("events", []), by_doc.get(row["doc"], [])
        result.gold += len(gold)
        result.pred += len(pred)
        for g in gold:
            result.by_type[str(g["type"])]["gold"] += 1
        for p in pred:
            result.by_type[str(p["type"])]["pred"] += 1
        typed = _match(gold, pred, typed=True)
        result.matched += len(typed)
        for gi, pi in typed:
            result.by_type[str(gold[gi]["type"])]["tp"] += 1
            result.modality[(gold[gi].get("modality") or "asserted", pred[pi].get("modality") or "asserted")] += 1
        matched_gold = {gi for gi, _ in typed}
        rest_gold = [g for i, g in enumerate(gold) if i not in matched_gold]
        matched_pred = {pi for _, pi in typed}
        rest_pred = [p for i, p in enumerate(pred) if i not in matched_pred]
        for gi, pi in _match(rest_gold, rest_pred, typed=False):
            result.confusion[(str(rest_gold[gi]["type"]), str(rest_pred[pi]["type"]))] += 1
    return result
