"""Cross-article links: event clusters against labelled fixtures, duplicates, claims, index, incremental."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import dyad
from dyad import Pipeline, link
from dyad.cli_link import link_app
from dyad.link.claims import agree, claim_groups, is_approximate
from dyad.link.clusters import cluster_events, load_compatibility, make_event
from dyad.link.evaluate import load_labels, score_clusters
from dyad.link.periods import parse_period, period_label
from dyad.store import Store, open_store

FIXTURES = Path(__file__).parent / "fixtures" / "link"
ARTICLES = FIXTURES / "articles"
LINK_TABLES = ("link_state", "doc_bands", "duplicate_docs", "clusters", "cluster_members", "claim_groups",
               "claim_group_members", "dyad_index", "dyad_assessments")


@pytest.fixture(scope="module")
def linked(pipeline: Pipeline) -> Store:
    store = open_store(":memory:")
    dyad.run([ARTICLES], db=store, pipeline=pipeline)
    link.update(store)
    return store


@pytest.fixture(scope="module")
def labels() -> dict[str, Any]:
    return load_labels(FIXTURES / "labels.yaml")


def _partition(store: Store) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for cid, event_id in store.con.execute("SELECT cluster_id, event_id FROM cluster_members").fetchall():
        groups.setdefault(cid, set()).add(event_id)
    return {frozenset(g) for g in groups.values()}


def _snapshot(store: Store) -> dict[str, list[str]]:
    return {t: sorted(repr(r) for r in store.con.execute(f"SELECT * FROM {t}").fetchall()) for t in LINK_TABLES}


# -- clusters against the labelled fixture corpus -----------------------------------------------
def test_fixture_corpus_shape(labels: dict[str, Any]) -> None:
    files = {p.stem for p in ARTICLES.glob("*.txt")}
    assert set(labels["docs"]) == files
    per_event: dict[str, int] = {}
    for names in labels["docs"].values():
        for name in names:
            per_event[name] = per_event.get(name, 0) + 1
    assert sum(1 for n in per_event.values() if n >= 3) >= 6
    assert sum(1 for spec in labels["events"].values() if spec.get("hard_negative_of")) >= 4


def test_pairwise_precision_and_recall(linked: Store, labels: dict[str, Any]) -> None:
    score = score_clusters(linked, labels)
    print(f"\npairwise precision {score.precision:.3f} recall {score.recall:.3f} "
          f"({score.correct_pairs} correct / {score.predicted_pairs} predicted / {score.true_pairs} true pairs); "
          f"missing {score.missing}")
    assert score.precision >= 0.90
    assert score.recall >= 0.90


def test_hard_negatives_stay_apart(linked: Store, labels: dict[str, Any]) -> None:
    score = score_clusters(linked, labels)
    by_label: dict[str, set[str]] = {}
    for (_, name), cid in score.assignment.items():
        if cid:
            by_label.setdefault(name, set()).add(cid)
    checked = 0
    for name, spec in labels["events"].items():
        other = spec.get("hard_negative_of")
        if other and name in by_label and other in by_label:
            assert not by_label[name] & by_label[other], (name, other)
            checked += 1
    assert checked >= 4


def test_cluster_ids_stable_and_members_listed(linked: Store) -> None:
    rows = linked.query("SELECT * FROM clusters WHERE dyad = 'PRK-RUS' AND type = 'AGREE' AND date = '2024-06-19'")
    assert len(rows) == 1
    cluster = rows[0]
    members = linked.query("SELECT doc_id FROM cluster_members WHERE cluster_id = ?", [cluster["cluster_id"]])
    assert {m["doc_id"] for m in members} >= {"treaty2024_a", "treaty2024_b", "treaty2024_d"}
    assert cluster["n_events"] == len(members)
    again = open_store(":memory:")
    # the same events clustered again give the same ids
    events = [make_event(r) for r in linked.query(
        "SELECT e.*, d.run_id, d.published FROM events e JOIN documents d USING (doc_id) WHERE e.accepted")]
    assert {c.cluster_id for c in cluster_events(events)} == {r[0] for r in linked.con.execute(
        "SELECT cluster_id FROM clusters").fetchall()}
    again.close()


def test_syndicated_copy_is_a_duplicate_and_counted_once(linked: Store) -> None:
    dups = linked.query("SELECT * FROM duplicate_docs")
    assert [(d["doc_id"], d["duplicate_of"]) for d in dups] == [("treaty2024_e_syndicated", "treaty2024_a")]
    row = linked.query("SELECT n_events, n_sources FROM clusters WHERE dyad = 'PRK-RUS' AND date = '2024-06-19' "
                       "AND type = 'AGREE'")[0]
    assert row["n_events"] == row["n_sources"] + 1
    june = next(r for r in link.dyad_index(linked, "RUS-PRK") if r["month"] == "2024-06")
    docs = {r[0] for r in linked.con.execute(
        "SELECT DISTINCT m.doc_id FROM clusters c JOIN cluster_members m USING (cluster_id) "
        "WHERE c.dyad = 'PRK-RUS' AND c.month = '2024-06'").fetchall()}
    assert "treaty2024_e_syndicated" in docs
    assert june["sources"] == len(docs) - 1


def test_index_counts_clusters_not_mentions(linked: Store) -> None:
    rows = {r["month"]: r for r in link.dyad_index(linked, "prk-rus")}
    clusters = linked.query("SELECT month, count(*) AS n FROM clusters WHERE dyad = 'PRK-RUS' GROUP BY month")
    for c in clusters:
        assert rows[c["month"] or "undated"]["events"] == c["n"]
    events = linked.query("SELECT count(*) AS n FROM events e JOIN cluster_members m USING (event_id) "
                          "WHERE m.dyad = 'PRK-RUS' AND e.date LIKE '2024-06%'")[0]["n"]
    assert rows["2024-06"]["events"] < events


# -- incremental ------------------------------------------------------------------------------
def test_second_update_is_a_noop(linked: Store) -> None:
    before = _snapshot(linked)
    mark = link.watermark(linked)
    result = link.update(linked)
    assert result.noop and result.watermark == mark
    assert _snapshot(linked) == before


def test_incremental_equals_full(linked: Store, pipeline: Pipeline, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for i, path in enumerate(sorted(ARTICLES.glob("*.txt"))):
        shutil.copy(path, (first if i % 2 else second) / path.name)
    store = open_store(":memory:")
    one = dyad.run([first], db=store, pipeline=pipeline).link  # a run links what it added
    two = dyad.run([second], db=store, pipeline=pipeline).link
    assert one is not None and two is not None
    assert not one.noop and not two.noop and two.watermark > one.watermark
    assert link.update(store).noop
    assert two.clusters_removed < one.clusters_written          # only the touched blocks were recomputed
    assert _partition(store) == _partition(linked)
    assert store.query("SELECT * FROM duplicate_docs") == linked.query("SELECT * FROM duplicate_docs")
    full = link.update(store, full=True)
    assert not full.noop and _partition(store) == _partition(linked)
    store.close()


# -- dates and compatibility ------------------------------------------------------------------
def test_periods() -> None:
    day, month = parse_period("2024-06-19"), parse_period("2024-06")
    assert day is not None and month is not None and day.intersect(month) == day
    assert parse_period("2024-05") is not None and day.intersect(parse_period("2024-05")) is None  # type: ignore[arg-type]
    since = parse_period("2013/..")
    assert since is not None and since.intersect(day) == day
    assert period_label(month) == "2024-06" and period_label(parse_period("2014")) == "2014"
    inferred = parse_period("2024-06-21", inferred=True)
    assert inferred is not None and inferred.days == 8
    assert parse_period(None) is None and parse_period("soon") is None


def test_compatibility_table_loads() -> None:
    compat = load_compatibility()
    assert compat.modes_match("CONSULT", "visit", "host")
    assert compat.modes_match("CONSULT", "visit", None)
    assert not compat.modes_match("CONSULT", "phone", "visit")
    assert compat.group("AID") == compat.group("CONCEDE")
    assert not compat.modalities_match("asserted", "negated")


def _event(eid: str, doc: str, date: str | None, evidence: str, **kw: Any) -> Any:
    row = {"event_id": eid, "doc_id": doc, "source": "RUS", "target": "PRK", "type": "AGREE", "mode": None,
           "quad": "verbal_cooperation", "intensity": 8.0, "modality": "asserted", "mutual": True, "date": date,
           "date_inferred": False, "evidence": evidence, "run_id": 1, "published": None, **kw}
    return make_event(row)


def test_loose_dates_never_chain_two_days() -> None:
    events = [_event("a#1", "a", "2014-04-18", "The Duma ratified the debt agreement with North Korea"),
              _event("b#1", "b", "2014-04", "The Duma ratified the debt agreement with North Korea in April"),
              _event("c#1", "c", "2014-04-05", "The Duma ratified the debt agreement with North Korea")]
    clusters = cluster_events(events)
    for c in clusters:
        docs = {m[1] for m in c.members}
        assert not {"a", "c"} <= docs
    assert len(clusters) == 2


def test_undated_needs_very_similar_evidence() -> None:
    text = "Russia and North Korea signed a comprehensive strategic partnership treaty in Pyongyang"
    events = [_event("a#1", "a", "2024-06-19", text), _event("b#1", "b", None, text + " on Wednesday"),
              _event("c#1", "c", None, "Russia and North Korea agreed to expand trade")]
    clusters = {frozenset(m[1] for m in c.members) for c in cluster_events(events)}
    assert frozenset({"a", "b"}) in clusters and frozenset({"c"}) in clusters


def test_direction_matters_unless_mutual() -> None:
    events = [_event("a#1", "a", "2024-03-28", "Russia vetoed the resolution", type="REJECT", mutual=False),
              _event("b#1", "b", "2024-03-28", "Russia vetoed the resolution", type="REJECT", mutual=False,
                     source="PRK", target="RUS")]
    assert len(cluster_events(events)) == 2


# -- claims -----------------------------------------------------------------------------------
def test_claim_tolerance() -> None:
    assert agree(11e9, 11.4e9, unit="USD", approximate=False)          # "11 billion" is rounded
    assert not agree(1.09e9, 1.2e9, unit="USD", approximate=False)
    assert agree(34e6, 36e6, unit="USD", approximate=True)
    assert not agree(34e6, 36e6, unit="USD", approximate=False)
    assert not agree(2, 3, unit="rank", approximate=True)
    assert is_approximate("trade of about 34 million dollars", 9, 33)
    assert not is_approximate("trade of 34 million dollars", 9, 27)


def _add_doc(store: Store, doc_id: str, text: str, run_id: int, published: str = "2024-02-01") -> None:
    store.con.execute(
        "INSERT INTO documents (doc_id, content_hash, source, kind, outlet, published, published_precision, text, "
        "run_id, ingested_at) VALUES (?, ?, ?, 'text', ?, ?, 'day', ?, ?, ?)",
        [doc_id, doc_id, doc_id + ".txt", doc_id.upper(), published, text, run_id, datetime(2024, 1, 1)])


def _add_claim(store: Store, doc_id: str, needle: str, subject: str, measure: str, value: float, unit: str,
               date: str | None) -> None:
    text = store.con.execute("SELECT text FROM documents WHERE doc_id = ?", [doc_id]).fetchone()[0]  # type: ignore[index]
    start = text.index(needle)
    store.con.execute("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      [doc_id, subject, measure, value, unit, date, start, start + len(needle)])


def test_claims_grouped_compared_and_incremental() -> None:
    store = open_store(":memory:")
    _add_doc(store, "a", "Trade between Russia and North Korea was about 34 million dollars in 2023. "
                         "Russia ranked second among its partners.", 1)
    _add_doc(store, "b", "Russia and North Korea traded goods worth 34.4 million dollars in 2023, customs data show. "
                         "Russia was the third partner.", 1)
    _add_claim(store, "a", "about 34 million dollars in 2023", "RUS-PRK trade", "trade volume", 34e6, "USD", "2023")
    _add_claim(store, "b", "34.4 million dollars in 2023", "RUS-PRK trade", "Trade  volume", 34.4e6, "USD", "2023")
    _add_claim(store, "a", "ranked second", "PRK trade partners", "rank of Russia", 2, "rank", "2023")
    _add_claim(store, "b", "third partner", "PRK trade partners", "rank of Russia", 3, "rank", "2023")
    _add_claim(store, "b", "34.4 million dollars in 2023", "RUS-PRK trade", "trade volume", 34.4e6, "USD", "2019")
    link.update(store)
    groups = {(g["measure"], g["period"]): g for g in store.query("SELECT * FROM claim_groups")}
    assert groups[("trade volume", "2023")]["status"] == "agree"
    assert groups[("trade volume", "2023")]["n_sources"] == 2
    assert groups[("trade volume", "2019")]["status"] == "single"
    assert groups[("rank of russia", "2023")]["status"] == "contradict"
    # a later source contradicting the 2023 figure; its syndicated copy must not count twice
    body = "North Korea's trade with Russia reached 50 million dollars in 2023, a ministry report said on Friday."
    _add_doc(store, "c", body, 2)
    _add_doc(store, "d", body + " (wire copy)", 2, published="2024-02-02")
    _add_claim(store, "c", "50 million dollars in 2023", "RUS-PRK trade", "trade volume", 50e6, "USD", "2023")
    _add_claim(store, "d", "50 million dollars in 2023", "RUS-PRK trade", "trade volume", 50e6, "USD", "2023")
    result = link.update(store)
    assert [(d, o) for d, o, _ in result.duplicates] == [("d", "c")]
    assert result.claim_groups == 2          # the trade-volume groups only; the rank group is untouched
    groups = {(g["measure"], g["period"]): g for g in store.query("SELECT * FROM claim_groups")}
    assert groups[("trade volume", "2023")]["status"] == "contradict"
    assert groups[("trade volume", "2023")]["n_sources"] == 3
    shown = link.claims_for_dyad(store, "prk-rus")
    assert {g["measure"] for g in shown} == {"trade volume"}
    members = next(g for g in shown if g["period"] == "2023")["members"]
    assert [m["doc_id"] for m in members] == ["a", "b", "c"]
    assert all(m["evidence"] for m in members) and members[0]["approximate"]
    store.close()


def test_claim_groups_pure() -> None:
    text = "It was 90 percent in 2012 and 90 percent in 2014."
    rows = [{"doc_id": d, "subject": "PRK debt", "measure": "write-off share", "value": 90.0, "unit": "percent",
             "date": date, "start": 7, "end": 17, "text": text} for d, date in (("a", "2012"), ("b", "2014"))]
    groups = claim_groups(rows)
    assert len(groups) == 2 and all(g.status == "single" for g in groups)


# -- CLI --------------------------------------------------------------------------------------
def test_cli_commands(pipeline: Pipeline, tmp_path: Path) -> None:
    db = tmp_path / "links.duckdb"
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("treaty2024_a.txt", "treaty2024_b.txt", "treaty2024_e_syndicated.txt"):
        shutil.copy(ARTICLES / name, folder / name)
    dyad.run([folder], db=db, pipeline=pipeline)
    runner = CliRunner()
    again = runner.invoke(link_app, ["link", "--db", str(db)])  # dyad.run already linked
    assert again.exit_code == 0 and "up to date" in again.output
    out = runner.invoke(link_app, ["link", "--full", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "1 duplicate" in out.output
    table = runner.invoke(link_app, ["index", "RUS-PRK", "--db", str(db)], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "2024-06" in table.output
    claims = runner.invoke(link_app, ["claims", "RUS-PRK", "--db", str(db)])
    assert claims.exit_code == 0 and "no claims" in claims.output
