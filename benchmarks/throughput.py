"""Throughput of the full pipeline against a plain spaCy ``nlp.pipe`` over the same texts.

usage: python benchmarks/throughput.py [--docs N] [--corpus DIR] [--batch-size B]

Prints docs/s, words/s and peak RSS for (1) the full per-article pipeline plus store writes
into an in-memory DuckDB, and (2) the cleaned texts through ``nlp.pipe`` alone, with the
ratio. The corpus is the bundled examples repeated until it holds N documents.
"""

from __future__ import annotations

import argparse
import resource
import time
from dataclasses import replace
from pathlib import Path

from dyad import Options, Pipeline, open_store
from dyad.ingest import Rejected, iter_inputs
from dyad.model import Analysis, RawDocument

ROOT = Path(__file__).resolve().parents[1]


def corpus(folder: Path, n: int) -> list[RawDocument]:
    base = [i for i in iter_inputs([folder], max_bytes=20_000_000) if isinstance(i, RawDocument)]
    if not base:
        raise SystemExit(f"no documents in {folder}")
    docs = []
    for k in range(n):
        raw = base[k % len(base)]
        copy = k // len(base)
        docs.append(replace(raw, id=f"{raw.id}-{copy}", content_hash=f"{raw.content_hash}-{copy}"))
    return docs


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=ROOT / "examples" / "corpus")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    options = Options(batch_size=args.batch_size)
    pipeline = Pipeline(options)  # model, knowledge base and lexicon loaded before timing
    docs = corpus(args.corpus, args.docs)

    started = time.perf_counter()
    texts: list[str] = []
    events = 0
    with open_store(":memory:") as store:
        run_id = store.start_run(["benchmark"], {}, "bench")
        batch: list[Analysis] = []
        for result in pipeline.pipe(docs):
            if isinstance(result, Rejected):
                continue
            texts.append(result.document.text)
            events += len(result.events)
            batch.append(result)
            if len(batch) >= args.batch_size:
                store.write_batch(batch, [], run_id)
                batch = []
        store.write_batch(batch, [], run_id)
    full_seconds = time.perf_counter() - started
    full_rss = peak_rss_mb()
    words = sum(len(t.split()) for t in texts)

    started = time.perf_counter()
    for _ in pipeline.nlp.pipe(texts, batch_size=args.batch_size):
        pass
    nlp_seconds = time.perf_counter() - started

    n = len(texts)
    print(f"documents: {n}   words: {words}   events: {events}   batch size: {args.batch_size}")
    print(f"full pipeline : {n / full_seconds:8.1f} docs/s {words / full_seconds:10.0f} words/s "
          f"{full_seconds:7.2f} s   peak RSS {full_rss:7.1f} MB")
    print(f"nlp.pipe only : {n / nlp_seconds:8.1f} docs/s {words / nlp_seconds:10.0f} words/s "
          f"{nlp_seconds:7.2f} s   peak RSS {peak_rss_mb():7.1f} MB")
    print(f"ratio (full / nlp.pipe time): {full_seconds / nlp_seconds:.2f}")


if __name__ == "__main__":
    main()
