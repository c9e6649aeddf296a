"""Speed of the event-coding step alone (trigger matching, arguments, modality), on parsed
documents with their actor mentions already resolved: events per second and docs per second.

usage: python benchmarks/coding_speed.py [--corpus DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from statistics import median

from dyad import Pipeline
from dyad.ingest import iter_inputs
from dyad.model import RawDocument

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT / "examples" / "corpus")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    pipeline = Pipeline()
    prepared = []
    for raw in iter_inputs([args.corpus], max_bytes=20_000_000):
        if isinstance(raw, RawDocument):
            document = pipeline.prepare_document(raw, pipeline.options)
            doc = pipeline.nlp(document.text)
            prepared.append((doc, pipeline.resolver(doc, document.id, None)))
    times, candidates = [], 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        candidates = sum(len(pipeline.extractor(doc, mentions).candidates) for doc, mentions in prepared)
        times.append(time.perf_counter() - started)
    seconds = median(times)
    print(f"documents: {len(prepared)}   candidate events per pass: {candidates}   passes: {args.repeat}")
    print(f"coding step: {candidates / seconds:,.0f} events/s   {len(prepared) / seconds:,.0f} docs/s   "
          f"({seconds * 1000:.1f} ms a pass, median)")


if __name__ == "__main__":
    main()
