"""Speed of actor resolution alone: mentions per second of ``resolver(doc, doc_id, day)``.

The 44 example articles (examples/corpus: .txt, .html and the wire.jsonl records) are decoded and
cleaned as the pipeline does (``Pipeline.prepare_document``), parsed once by the language model,
and then only the resolver is timed, over several rounds. Run: .venv/bin/python benchmarks/actors_speed.py
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date
from pathlib import Path

from dyad import Options, Pipeline
from dyad.actors import ActorResolver, load_kb
from dyad.ingest import Rejected, iter_inputs
from dyad.nlp import load_language_model

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"


def _day(published: str | None) -> date | None:
    if not published:
        return None
    parts = [int(p) for p in published.split("-")[:3]]
    while len(parts) < 3:
        parts.append(1)
    try:
        return date(*parts)
    except ValueError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20, help="timed passes over the corpus (default 20)")
    args = parser.parse_args()

    options = Options()
    documents = []
    for item in iter_inputs([CORPUS], max_bytes=options.max_bytes):
        if isinstance(item, Rejected):
            print(f"skipped {item.input}: {item.reason}")
            continue
        documents.append(Pipeline.prepare_document(item, options))
    nlp = load_language_model(options.language_model)
    started = time.perf_counter()
    docs = list(nlp.pipe(d.text for d in documents))
    parse_seconds = time.perf_counter() - started
    resolver = ActorResolver(load_kb(), nlp)
    days = [_day(d.published) for d in documents]

    for document, doc, day in zip(documents, docs, days, strict=True):  # warm-up, outside the timing
        resolver(doc, document.id, day)

    rounds: list[float] = []
    mentions = 0
    for _ in range(args.rounds):
        mentions = 0
        started = time.perf_counter()
        for document, doc, day in zip(documents, docs, days, strict=True):
            mentions += len(resolver(doc, document.id, day))
        rounds.append(time.perf_counter() - started)

    best, median = min(rounds), statistics.median(rounds)
    tokens = sum(len(doc) for doc in docs)
    print(f"{len(documents)} documents, {tokens} tokens, {mentions} mentions per pass "
          f"(parse once: {parse_seconds:.2f} s, not counted)")
    print(f"resolver only, {args.rounds} passes: median {median * 1000:.1f} ms/pass, best {best * 1000:.1f} ms/pass")
    print(f"{mentions / median:,.0f} mentions/s (median)   {mentions / best:,.0f} mentions/s (best)   "
          f"{len(documents) / median:,.0f} docs/s (median)")


if __name__ == "__main__":
    main()
