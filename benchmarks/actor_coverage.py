"""Issue 4's figure: the share of gold events whose source and target actors the resolver finds
as mentions inside the gold evidence span. A second figure also counts the parties of well-known
events named inside the span ("the annexation of Crimea" implies Russia; events/named.py), which
are knowledge-base actors rather than mentions.

usage: python benchmarks/actor_coverage.py GOLD.jsonl CORPUS_DIR [-v]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dyad import Pipeline
from dyad.events import load_named_events
from dyad.ingest import iter_inputs
from dyad.model import RawDocument


def main(gold_path: str, corpus: str, verbose: bool) -> None:
    pipeline = Pipeline()
    gold = {row["doc"]: row for row in map(json.loads, Path(gold_path).read_text(encoding="utf-8").splitlines())}
    raws = {r.id: r for r in iter_inputs([corpus], max_bytes=20_000_000) if isinstance(r, RawDocument)}
    named = load_named_events()
    total = found = with_named = missing_text = 0
    for doc_id, row in gold.items():
        analysis = pipeline.analyze(raws[doc_id])
        text = analysis.document.text
        parsed = pipeline.nlp.make_doc(text)  # the named-event matcher needs tokens only
        for event in row["events"]:
            at = text.find(event["evidence"])
            if at < 0:
                missing_text += 1
                continue
            end = at + len(event["evidence"])
            codes: set[str] = set()
            for mention in analysis.mentions:
                if at <= mention.start and mention.end <= end:
                    codes.update(mention.actor.code.split("|"))
            wanted = [c for c in (event["source"], event["target"]) if c]
            total += 1
            implied = {code for m in named.find(parsed, published=analysis.document.published)
                       if at <= m.start and m.end <= end for code in (m.source, m.target) if code}
            if all(c in codes for c in wanted):
                found += 1
            if all(c in codes | implied for c in wanted):
                with_named += 1
            elif verbose:
                print(f"{doc_id[:24]:24s} want {wanted} have {sorted(codes)} | {event['evidence'][:90]}")
    print(f"gold events with evidence in the cleaned text: {total} (evidence not found: {missing_text})")
    print(f"both actors found as mentions in the evidence span: {found}/{total} = {found / total:.3f}")
    print(f"… or as parties of a named event in the span: {with_named}/{total} = {with_named / total:.3f}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    main(args[0], args[1], "-v" in sys.argv)
