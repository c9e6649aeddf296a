"""Duplicate documents: syndicated or near-identical copies, found with MinHash LSH (datasketch).

Each document's cleaned text becomes a set of word shingles and a datasketch MinHash. The
signature is cut into the LSH bands datasketch chooses for ``LSH_THRESHOLD`` (``MinHashLSH.b``
bands of ``.r`` rows); each band's hash is stored in ``doc_bands``, so the LSH index lives in the
database and a later update only hashes its new documents and joins their bands against the rest.
A candidate that shares a band is confirmed by the exact Jaccard similarity of the shingle sets
(at least ``THRESHOLD``). A new document that copies an earlier one is recorded in
``duplicate_docs`` against the earliest original; every statistic (cluster sources, index
sources, claims) counts the original only.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from typing import Any

import pyarrow as pa
from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped,unused-ignore]

from ..store import Store

__all__ = ["NUM_PERM", "SHINGLE", "THRESHOLD", "band_keys", "canonical_map", "find_duplicates", "shingles"]

NUM_PERM = 128
SHINGLE = 3             # words per shingle
THRESHOLD = 0.7         # exact Jaccard of shingle sets for a copy
LSH_THRESHOLD = 0.5     # the LSH candidate step is looser, then checked exactly
SEED = 7
SCHEME = "affine32"     # datasketch 2 hashing scheme
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Word ``k``-shingles of the lower-cased text (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


@cache
def _template() -> tuple[MinHash, int, int]:
    """One MinHash whose permutations every signature reuses, and the LSH bands (count, rows)."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME), int(lsh.b), int(lsh.r)


def band_keys(shingle_set: set[str]) -> list[int]:
    """The LSH band hashes (signed 64-bit) of a shingle set's MinHash signature."""
    template, bands, rows = _template()
    sig = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=template.permutations)
    sig.update_batch([s.encode("utf-8") for s in shingle_set])
    values = sig.hashvalues
    return [int.from_bytes(hashlib.blake2b(values[i * rows:(i + 1) * rows].tobytes(), digest_size=8).digest(),
                           "little", signed=True) for i in range(bands)]


def insert_arrow(store: Store, table: str, rows: pa.Table) -> None:
    """Bulk-insert an Arrow table whose columns are ``table``'s, in order (much faster than executemany)."""
    if rows.num_rows:
        store.con.from_arrow(rows).insert_into(table)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def canonical_map(store: Store) -> dict[str, str]:
    """Duplicate document id → the original it copies."""
    return {r[0]: r[1] for r in store.con.execute("SELECT doc_id, duplicate_of FROM duplicate_docs").fetchall()}


def find_duplicates(store: Store, new_doc_ids: Sequence[str]) -> list[tuple[str, str, float]]:
    """Index the new documents, find which copy an earlier document, record and return those rows.

    Earlier means an earlier run, then an earlier publication date, then a smaller id — so the
    first copy ingested stays the original and later updates never reassign it.
    """
    if not new_doc_ids:
        return []
    con = store.con
    ids = list(new_doc_ids)
    con.execute("DELETE FROM doc_bands WHERE doc_id IN (SELECT unnest(?))", [ids])
    con.execute("DELETE FROM duplicate_docs WHERE doc_id IN (SELECT unnest(?))", [ids])
    texts = dict(con.execute("SELECT doc_id, text FROM documents WHERE doc_id IN (SELECT unnest(?))",
                             [ids]).fetchall())
    sh = {d: shingles(t) for d, t in texts.items()}
    bands: dict[str, list[Any]] = {"doc_id": [], "band": [], "key": []}
    for d in texts:
        for i, key in enumerate(band_keys(sh[d])):
            bands["doc_id"].append(d)
            bands["band"].append(i)
            bands["key"].append(key)
    insert_arrow(store, "doc_bands", pa.table({
        "doc_id": pa.array(bands["doc_id"], pa.string()), "band": pa.array(bands["band"], pa.int16()),
        "key": pa.array(bands["key"], pa.int64())}))
    pairs = con.execute(
        """SELECT DISTINCT n.doc_id, o.doc_id FROM doc_bands n JOIN doc_bands o USING (band, key)
           WHERE n.doc_id IN (SELECT unnest(?)) AND o.doc_id <> n.doc_id""", [ids]).fetchall()
    if not pairs:
        return []
    involved = sorted({d for pair in pairs for d in pair})
    order: dict[str, tuple[int, str, str]] = {}
    for doc_id, run_id, published, text in con.execute(
            "SELECT doc_id, run_id, coalesce(published, ''), text FROM documents WHERE doc_id IN (SELECT unnest(?))",
            [involved]).fetchall():
        order[doc_id] = (int(run_id), published, doc_id)
        if doc_id not in sh:
            sh[doc_id] = shingles(text)
    candidates: dict[str, list[str]] = defaultdict(list)
    for new, old in pairs:
        if order[old] < order[new]:
            candidates[new].append(old)
    canonical = canonical_map(store)
    found: list[tuple[str, str, float]] = []
    for d in sorted(candidates, key=order.__getitem__):
        best: tuple[tuple[int, str, str], float] | None = None
        for c in candidates[d]:
            sim = _jaccard(sh[d], sh[c])
            if sim >= THRESHOLD and (best is None or order[c] < best[0]):
                best = (order[c], sim)
        if best is not None:
            original = canonical.get(best[0][2], best[0][2])
            canonical[d] = original
            found.append((d, original, round(best[1], 4)))
    if found:
        con.executemany("INSERT INTO duplicate_docs VALUES (?, ?, ?)", found)
    return found
