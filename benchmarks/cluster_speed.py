"""Speed of event clustering on synthetic event mentions: 10k and 100k rows, growth close to linear.

Synthetic real-world acts (a dyad among 40 states, a PLOVER type, a day between 2000 and 2024) are
each reported by 1–7 documents in different words and at different date precisions (mostly the
day, some the month, the year, an inferred week, a few undated). The rows are inserted straight
into an in-memory store (documents and events tables, through Arrow), then timed:

- ``cluster``: loading the accepted events and clustering them (blocking + scoring + union-find);
- ``update``: the whole ``link.update`` (MinHash duplicates, clusters, claims, index) on a fresh store.

Run: .venv/bin/python benchmarks/cluster_speed.py [--sizes 10000 100000] [--no-update]
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, datetime, timedelta

import pyarrow as pa

from dyad import link
from dyad.link.clusters import cluster_events, make_event
from dyad.link.update import _EVENT_SQL
from dyad.store import Store, open_store

STATES = ["RUS", "PRK", "CHN", "USA", "KOR", "JPN", "UKR", "IRN", "IND", "PAK", "TUR", "SYR", "ISR", "EGY", "SAU",
          "DEU", "FRA", "GBR", "ITA", "POL", "BLR", "KAZ", "MNG", "VNM", "THA", "IDN", "PHL", "MYS", "AUS", "CAN",
          "MEX", "BRA", "ARG", "ZAF", "NGA", "ETH", "KEN", "CUB", "VEN", "AFG"]
TYPES = {"AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation", "SUPPORT": "verbal_cooperation",
         "CONCEDE": "verbal_cooperation", "COOPERATE": "material_cooperation", "AID": "material_cooperation",
         "RETREAT": "material_cooperation", "REQUEST": "verbal_cooperation", "ACCUSE": "verbal_conflict",
         "REJECT": "verbal_conflict", "THREATEN": "verbal_conflict", "PROTEST": "verbal_conflict",
         "SANCTION": "material_conflict", "MOBILIZE": "material_conflict", "COERCE": "material_conflict",
         "ASSAULT": "material_conflict"}
VERBS = {"AGREE": ["signed", "agreed", "concluded"], "CONSULT": ["met", "held talks with", "hosted"],
         "SUPPORT": ["praised", "backed"], "CONCEDE": ["eased", "released"], "COOPERATE": ["traded with"],
         "AID": ["sent aid to", "delivered grain to"], "RETREAT": ["withdrew from"], "REQUEST": ["urged", "called on"],
         "ACCUSE": ["condemned", "criticised"], "REJECT": ["rejected", "vetoed"], "THREATEN": ["warned"],
         "PROTEST": ["protested to"], "SANCTION": ["sanctioned", "imposed sanctions on"],
         "MOBILIZE": ["deployed troops near"], "COERCE": ["seized ships of"], "ASSAULT": ["shelled", "attacked"]}
TOPICS = ["energy", "grain", "ports", "rail", "fisheries", "missiles", "satellites", "debt", "tourism", "labour",
          "border", "shipping", "oil", "coal", "banking", "science", "education", "health", "customs", "aviation"]
PLACES = ["in the capital", "at a summit", "in a border town", "at the UN", "by phone", "during a visit",
          "at a forum", "in a statement", "in talks", "on the sidelines of a meeting"]
DAY0 = date(2000, 1, 1)
SPAN = (date(2024, 12, 31) - DAY0).days


def synth(n_events: int, seed: int = 7) -> tuple[pa.Table, pa.Table]:
    rng = random.Random(seed)
    docs: dict[str, list[object]] = {k: [] for k in ("doc_id", "content_hash", "source", "kind", "published",
                                                     "published_precision", "text", "run_id", "ingested_at")}
    ev: dict[str, list[object]] = {k: [] for k in ("event_id", "doc_id", "source", "target", "type", "mode", "quad",
                                                   "intensity", "modality", "mutual", "date", "date_precision",
                                                   "date_inferred", "start", "end", "evidence", "trigger",
                                                   "trigger_start", "trigger_end", "sentence", "confidence",
                                                   "accepted")}
    n_docs = 0
    act = 0
    while len(ev["event_id"]) < n_events:
        act += 1
        a, b = rng.sample(STATES, 2)
        etype = rng.choice(list(TYPES))
        day = DAY0 + timedelta(days=rng.randrange(SPAN))
        topic, place = rng.choice(TOPICS), rng.choice(PLACES)
        for _ in range(rng.randint(1, 7)):
            if len(ev["event_id"]) >= n_events:
                break
            n_docs += 1
            doc_id = f"d{n_docs:07d}"
            published = day + timedelta(days=rng.randint(0, 5))
            roll = rng.random()
            inferred = False
            if roll < 0.70:
                when, precision, phrase = day.isoformat(), "day", f"on {day:%d %B %Y}"
            elif roll < 0.85:
                when, precision, phrase = day.strftime("%Y-%m"), "month", f"in {day:%B %Y}"
            elif roll < 0.93:
                when, precision, phrase = str(day.year), "year", f"in {day.year}"
            elif roll < 0.97:
                when, precision, phrase, inferred = published.isoformat(), "day", "this week", True
            else:
                when, precision, phrase = None, "unknown", ""
            verb = rng.choice(VERBS[etype])
            extra = rng.choice(["", "officials said", "according to state media", "for the first time",
                                "after months of tension", "the ministry said"])
            evidence = f"{a} {verb} {b} {place} over {topic} {phrase} {extra}".strip()
            for key, value in zip(docs, (doc_id, doc_id, doc_id + ".txt", "text", published.isoformat(), "day",
                                         f"Headline {act}\n\n{evidence}.", 1, datetime(2025, 1, 1)), strict=True):
                docs[key].append(value)
            mutual = etype in ("AGREE", "CONSULT", "COOPERATE")
            row = (f"{doc_id}#e1", doc_id, a, b, etype, None, TYPES[etype], 1.0, "asserted", mutual, when, precision,
                   inferred, 0, len(evidence), evidence, verb.split()[0], 0, 1, 0, 0.9, True)
            for key, value in zip(ev, row, strict=True):
                ev[key].append(value)
    return pa.table(docs), pa.table(ev)


def load(tables: tuple[pa.Table, pa.Table]) -> Store:
    store = open_store(":memory:")
    docs, events = tables
    store.con.execute("SELECT 1").fetchall()        # finish the migration's pending result before register()
    store.con.register("docs_in", docs)
    store.con.register("events_in", events)
    store.con.execute(f"INSERT INTO documents ({', '.join(docs.column_names)}) SELECT * FROM docs_in")
    cols = ", ".join(f'"{c}"' for c in events.column_names)
    store.con.execute(f"INSERT INTO events ({cols}) SELECT * FROM events_in")
    return store


def time_cluster(store: Store) -> tuple[float, int]:
    t0 = time.perf_counter()
    events = [make_event(r) for r in store.query(_EVENT_SQL.format(where="TRUE"))]
    clusters = cluster_events(events)
    return time.perf_counter() - t0, len(clusters)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--no-update", action="store_true", help="time clustering only, not the whole link.update")
    args = parser.parse_args()
    results = []
    for n in args.sizes:
        tables = synth(n)
        store = load(tables)
        seconds, n_clusters = time_cluster(store)
        store.close()
        line = f"{n:>8,} events: cluster {seconds:6.2f} s ({n / seconds:,.0f} events/s), {n_clusters:,} clusters"
        if not args.no_update:
            store = load(tables)
            t0 = time.perf_counter()
            summary = link.update(store)
            total = time.perf_counter() - t0
            store.close()
            line += f"; link.update {total:6.2f} s ({summary.clusters_written:,} clusters)"
        print(line, flush=True)
        results.append((n, seconds))
    if len(results) >= 2:
        (n0, t0_), (n1, t1) = results[0], results[-1]
        print(f"growth: x{n1 / n0:.0f} rows -> x{t1 / t0_:.1f} time")


if __name__ == "__main__":
    main()
