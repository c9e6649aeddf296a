"""Throughput of dyad.clean: documents per second for HTML pages and plain-text scrapes.

The test fixtures (tests/fixtures/clean/html) and the shared seeds (../shared/seeds, when present)
are repeated to about 500 documents of each kind. Run: .venv/bin/python benchmarks/clean_speed.py
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from dyad.clean import clean
from dyad.errors import BadInput

ROOT = Path(__file__).resolve().parents[1]
HTML_DIR = ROOT / "tests" / "fixtures" / "clean" / "html"
SEEDS = ROOT.parent / "shared" / "seeds"


def _text_scrapes() -> list[str]:
    if SEEDS.is_dir():
        seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
        if seeds:
            return seeds
    expected = yaml.safe_load((HTML_DIR / "expected.yaml").read_text(encoding="utf-8"))
    return ["Print\nShare\n\n" + spec["title"] + "\n\n" + "\n\n".join(spec["body"]) + "\n\nCopyright © X"
            for spec in expected.values() if "body" in spec]


def _run(label: str, docs: list[str], fn: Callable[[str], object]) -> None:
    fn(docs[0])  # load models and vocabularies outside the timing
    failures = 0
    started = time.perf_counter()
    for doc in docs:
        try:
            fn(doc)
        except BadInput:
            failures += 1
    elapsed = time.perf_counter() - started
    size = sum(len(d) for d in docs) / 1e6
    print(f"{label:<12} {len(docs):>5} docs  {elapsed:6.2f} s  {len(docs) / elapsed:8.1f} docs/s  "
          f"{size / elapsed:6.2f} M chars/s  ({failures} BadInput)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=500, help="documents of each kind (default 500)")
    args = parser.parse_args()
    pages = [p.read_text(encoding="utf-8") for p in sorted(HTML_DIR.glob("*.html"))]
    scrapes = _text_scrapes()
    html_docs = [pages[i % len(pages)] for i in range(args.n)]
    text_docs = [scrapes[i % len(scrapes)] for i in range(args.n)]
    _run("html pages", html_docs, lambda d: clean(d, kind="html", url="https://news.example.org/a"))
    _run("text scrapes", text_docs, lambda d: clean(d, kind="text"))


if __name__ == "__main__":
    main()
