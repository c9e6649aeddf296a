"""The Python API behind every CLI command: run a batch, read events, clean one file."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ._version import __version__
from .clean import Cleaned, clean
from .config import Options
from .errors import BadInput, DyadError
from .ingest import Rejected, decode, iter_inputs
from .link import LinkSummary
from .link import update as link_update
from .model import Analysis, Document, RawDocument, RemovedSpan
from .pipeline import Pipeline
from .store import Store, open_store

__all__ = ["RunSummary", "clean_file", "load_document", "run"]

Progress = Callable[[int], None]


@dataclass(slots=True)
class RunSummary:
    """What one run did. ``quarantined`` holds this run's new quarantine rows."""

    run_id: int
    new: int = 0
    skipped: int = 0
    replaced: int = 0
    events: int = 0
    quarantined: list[Rejected] = field(default_factory=list)
    link: LinkSummary | None = None  # what the cross-article update did (None when nothing was new)


def run(paths: Iterable[str | Path], *, db: str | Path | Store = "dyad.duckdb", options: Options | None = None,
        pipeline: Pipeline | None = None, progress: Progress | None = None) -> RunSummary:
    """Ingest and analyse ``paths`` into the store, one transaction per batch.

    Inputs whose bytes are already stored or quarantined are skipped without any work, so
    re-running on the same input does nothing new. Bad inputs follow ``options.on_bad_input``.
    """
    options = options or Options()
    inputs = [str(p) for p in paths]
    store = db if isinstance(db, Store) else open_store(db)
    try:
        loaded: list[Pipeline] = [pipeline] if pipeline is not None else []

        def get_pipeline() -> Pipeline:  # loaded on first need: a re-run with nothing new loads no model
            if not loaded:
                loaded.append(Pipeline(options))
            return loaded[0]

        run_id = store.start_run(inputs, asdict(options), __version__)
        summary = RunSummary(run_id=run_id)
        for batch in _batches(iter_inputs(inputs, max_bytes=options.max_bytes), options.batch_size):
            _run_batch(batch, store, get_pipeline, options, summary, progress)
        store.finish_run(run_id, new=summary.new, skipped=summary.skipped, quarantined=len(summary.quarantined),
                         events=summary.events)
        if summary.new or summary.replaced:
            summary.link = link_update(store)  # clusters, duplicates, claims, dyad index: what is new only
        return summary
    finally:
        if not isinstance(db, Store):
            store.close()


def _batches(items: Iterator[RawDocument | Rejected], size: int) -> Iterator[list[RawDocument | Rejected]]:
    batch: list[RawDocument | Rejected] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _run_batch(batch: list[RawDocument | Rejected], store: Store, get_pipeline: Callable[[], Pipeline],
               options: Options, summary: RunSummary, progress: Progress | None) -> None:
    known = store.known_hashes(i.content_hash for i in batch if isinstance(i, RawDocument))
    todo: list[RawDocument] = []
    rejected: list[Rejected] = []
    replace: list[str] = []
    ids_in_batch: set[str] = set()

    def refuse(item: Rejected) -> None:
        """Record a verdict once: the same verdict on the same input again is nothing new."""
        if store.quarantined_before(item.input, item.content_hash, item.reason, item.detail):
            summary.skipped += 1
        else:
            rejected.append(item)

    for item in batch:
        if isinstance(item, Rejected):
            refuse(item)
            continue
        if item.content_hash in known:
            summary.skipped += 1
            continue
        stored = store.stored_hash(item.id)
        if stored is not None or item.id in ids_in_batch:
            if options.on_id_conflict == "replace" and item.id not in ids_in_batch:
                replace.append(item.id)
            else:
                refuse(Rejected(input=item.source, reason="id conflict", content_hash=item.content_hash,
                                detail=f"document id {item.id!r} is already stored with other content; "
                                       "set on_id_conflict: replace to update it"))
                continue
        known.add(item.content_hash)
        ids_in_batch.add(item.id)
        todo.append(item)
    analyses: list[Analysis] = []
    for result in get_pipeline().pipe(todo) if todo else ():
        if isinstance(result, Rejected):
            refuse(result)  # e.g. still too large for the same limit
        else:
            analyses.append(result)
            summary.events += sum(1 for e in result.events if e.accepted)
        if progress:
            progress(1)
    if progress:
        progress(len(batch) - len(todo))
    if rejected and options.on_bad_input == "raise":
        first = rejected[0]
        raise BadInput(first.reason, f"{first.input}: {first.detail}")
    rows = [asdict(r) for r in rejected] if options.on_bad_input == "quarantine" else []
    store.write_batch(analyses, rows, summary.run_id, replace=replace)
    summary.new += len(analyses)
    summary.replaced += len(replace)
    summary.quarantined.extend(rejected)


def clean_file(path: str | Path, *, options: Options | None = None) -> dict[str, Any]:
    """Decode and clean one file (the first record of a JSON Lines file) and return it as a dict."""
    options = options or Options()
    for item in iter_inputs([path], max_bytes=options.max_bytes):
        if isinstance(item, Rejected):
            raise BadInput(item.reason, f"{item.input}: {item.detail}")
        text, encoding = decode(item.data, max_bytes=options.max_bytes, kind=item.kind)
        cleaned: Cleaned = clean(text, kind=item.kind, url=item.url, title=item.title, published=item.published)
        result = asdict(cleaned)
        result.update(id=item.id, source=item.source, encoding=encoding)
        return result
    raise BadInput("empty", f"{path}: no input found")


def _removed(stored: str | None) -> list[RemovedSpan]:
    """The cleaner's removed lines as stored (JSON): the publication-date estimate reads bylines there."""
    return [RemovedSpan(text=str(r.get("text", "")), reason=str(r.get("reason", "")), line=r.get("line"))
            for r in json.loads(stored or "[]")]


def load_document(ref: str, *, db: str | Path = "dyad.duckdb", options: Options | None = None) -> Document:
    """A stored document by id, or else a file decoded and cleaned on the fly (for ``explain``)."""
    options = options or Options()
    if Path(db).exists():
        with open_store(db, read_only=True) as store:
            rows = store.query("SELECT * FROM documents WHERE doc_id = ?", [ref])
        if rows:
            row = rows[0]
            return Document(id=row["doc_id"], text=row["text"], content_hash=row["content_hash"],
                            source=row["source"], kind=row["kind"], url=row["url"], title=row["title"],
                            byline=row["byline"], outlet=row["outlet"], published=row["published"],
                            published_precision=row["published_precision"],
                            published_estimated=row["published_estimated"], language=row["language"],
                            encoding=row["encoding"], removed=_removed(row["removed"]))
    if not Path(ref).exists():
        raise DyadError(f"{ref!r} is neither a document id in {db} nor a file")
    for item in iter_inputs([ref], max_bytes=options.max_bytes):
        if isinstance(item, Rejected):
            raise BadInput(item.reason, f"{item.input}: {item.detail}")
        return Pipeline.prepare_document(item, options)
    raise BadInput("empty", f"{ref}: no input found")
