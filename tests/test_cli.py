"""The CLI end to end on a folder of our own: good files stored, bad ones quarantined, re-run no-op."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from dyad.cli import app
from dyad.store import open_store

runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_mixed_folder_quarantine_and_idempotent_rerun(mixed_folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    code, out = _run("run", str(mixed_folder), "--db", db)
    assert code == 0, out
    assert "3 input(s) quarantined" in out
    with open_store(db, read_only=True) as store:
        docs = {r["doc_id"]: r for r in store.query("SELECT doc_id, language, encoding FROM documents")}
        quarantine = {Path(r["input"]).name: r["reason"] for r in store.query("SELECT * FROM quarantine")}
        counts = {t: store.count(t) for t in ("documents", "events", "mentions", "quarantine")}
    assert set(docs) == {"good-summit", "good-sanctions", "russian"}
    assert docs["russian"]["language"] == "ru"
    assert docs["russian"]["encoding"] in ("cp1251", "windows-1251")
    assert quarantine == {"photo.bin": "binary", "empty.txt": "empty", "broken.html": "no article text"}
    assert counts["events"] > 0

    code, out = _run("run", str(mixed_folder), "--db", db, "--strict")
    assert code == 0, out  # nothing new was quarantined on the second run
    assert "0 new document(s), 6 unchanged input(s) skipped" in out
    with open_store(db, read_only=True) as store:
        assert {t: store.count(t) for t in counts} == counts


def test_strict_exits_non_zero_when_something_is_quarantined(mixed_folder: Path, tmp_path: Path) -> None:
    code, _ = _run("run", str(mixed_folder), "--db", str(tmp_path / "s.duckdb"), "--strict")
    assert code == 1


def test_events_export_and_report(mixed_folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "e.duckdb")
    assert _run("run", str(mixed_folder), "--db", db)[0] == 0
    code, out = _run("events", "--db", db, "--type", "SANCTION")
    assert code == 0 and "SANCTION" in out
    jsonl = tmp_path / "e.jsonl"
    assert _run("export", "--db", db, "--format", "events-jsonl", "--out", str(jsonl))[0] == 0
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    required = {"doc", "event_id", "source", "target", "type", "mode", "cameo", "intensity", "modality", "date",
                "date_precision", "evidence", "start", "end", "quantities", "confidence"}
    assert rows and all(required <= set(r) for r in rows)
    with open_store(db, read_only=True) as store:
        texts = {r["doc_id"]: r["text"] for r in store.query("SELECT doc_id, text FROM documents")}
    for row in rows:  # every event points at its evidence in the stored text
        assert texts[row["doc"]][row["start"]:row["end"]] == row["evidence"]
    sanctions = {(r["source"], r["target"]) for r in rows if r["type"] == "SANCTION"}
    assert {("EU", "RUS"), ("USA", "RUS")} <= sanctions
    assert _run("export", "--db", db, "--format", "gdelt-tsv", "--out", str(tmp_path / "g.tsv"))[0] == 0
    with (tmp_path / "g.tsv").open(encoding="utf-8") as handle:
        gdelt = list(csv.DictReader(handle, delimiter="\t"))
    assert len(gdelt) == len(rows)
    sanction = next(g for g in gdelt if g["PloverType"] == "SANCTION" and g["Actor1CountryCode"] == "USA")
    assert sanction["Actor2CountryCode"] == "RUS" and sanction["QuadClass"] == "4"
    assert sanction["EventRootCode"] == sanction["EventCode"][:2] and sanction["SQLDATE"].startswith("2014")
    for fmt, name in (("csv", "e.csv"), ("parquet", "e.parquet")):
        assert _run("export", "--db", db, "--format", fmt, "--out", str(tmp_path / name))[0] == 0
    with (tmp_path / "e.csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == len(rows)
    assert pq.read_table(tmp_path / "e.parquet").num_rows == len(rows)
    html = tmp_path / "r.html"
    assert _run("report", "--db", db, "--out", str(html))[0] == 0
    page = html.read_text(encoding="utf-8")
    assert "<svg" in page and "EU-RUS" in page and "Quarantined inputs" in page
    assert "Dyad index" in page and page.count("<svg") >= 2


def test_clean_json_and_clear_errors(mixed_folder: Path, tmp_path: Path) -> None:
    code, out = _run("clean", str(mixed_folder / "good-summit.txt"), "--json")
    assert code == 0
    data = json.loads(out)
    assert {"title", "byline", "outlet", "published", "language", "text"} <= set(data)
    assert "Vladivostok" in data["text"]
    code, out = _run("clean", str(mixed_folder / "photo.bin"), "--json")
    assert code == 2 and "binary" in out
    code, out = _run("export", "--db", str(tmp_path / "missing.duckdb"), "--out", str(tmp_path / "x.jsonl"))
    assert code == 2 and "no database" in out
    code, out = _run("export", "--db", str(tmp_path / "missing.duckdb"), "--format", "xml",
                     "--out", str(tmp_path / "x.xml"))
    assert code == 2


def test_too_large_follows_the_limit_in_force(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talks.txt").write_text("Talks held\n\nMarch 3, 2019\n\nRussia and China held talks in Beijing "
                                      "on Sunday about trade and security in the region.\n", encoding="utf-8")
    db = str(tmp_path / "l.duckdb")
    tight, loose = tmp_path / "tight.yaml", tmp_path / "loose.yaml"
    tight.write_text("max_bytes: 50\n", encoding="utf-8")
    loose.write_text("max_bytes: 100000\n", encoding="utf-8")
    assert "1 input(s) quarantined" in _run("run", str(folder), "--db", db, "--config", str(tight))[1]
    assert "0 new document(s), 1 unchanged" in _run("run", str(folder), "--db", db, "--config", str(tight))[1]
    assert "1 new document(s)" in _run("run", str(folder), "--db", db, "--config", str(loose))[1]
    with open_store(db, read_only=True) as store:
        assert store.count("quarantine") == 1 and store.count("documents") == 1


def test_changed_article_with_the_same_id_is_quarantined_then_replaced_on_request(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    article = folder / "summit.txt"
    article.write_text("Summit\n\nApril 25, 2019\n\nPutin and Kim held talks in Vladivostok on Thursday.\n",
                       encoding="utf-8")
    db = str(tmp_path / "c.duckdb")
    assert _run("run", str(folder), "--db", db)[0] == 0
    article.write_text("Summit\n\nApril 25, 2019\n\nPutin and Kim held talks in Vladivostok on Thursday, "
                       "and Putin accepted an invitation to visit Pyongyang.\n", encoding="utf-8")
    assert "id conflict" in _run("run", str(folder), "--db", db)[1]
    assert "0 new document(s), 1 unchanged" in _run("run", str(folder), "--db", db)[1]  # recorded once
    replace = tmp_path / "replace.yaml"
    replace.write_text("on_id_conflict: replace\n", encoding="utf-8")
    assert _run("run", str(folder), "--db", db, "--config", str(replace))[0] == 0
    with open_store(db, read_only=True) as store:
        texts = [r["text"] for r in store.query("SELECT text FROM documents")]
        assert len(texts) == 1 and "invitation" in texts[0]
        assert store.count("quarantine") == 1


def test_explain_a_stored_document_shows_what_run_found(tmp_path: Path) -> None:
    """`dyad explain` re-analyses the stored text; the byline kept among the removed lines must still
    date the article, so the sentences, rules and events agree with what `run` stored."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talks.txt").write_text(
        "Russia and the talks\n\nBy Jane Roe Updated Apr.27\n\n"
        "US Secretary of State Rex Tillerson said on Tuesday that he looked to Russia to help. "
        "Russia condemned North Korea's missile launch on Sunday.\n", encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    code, out = _run("run", str(folder), "--db", db)
    assert code == 0, out
    code, out = _run("explain", "talks", "--db", db)
    assert code == 0, out
    assert "published=2017-04-27 (day)" in out
    assert "Rex Tillerson" in out
    assert "RUS->PRK ACCUSE" in out and "date=2017-04-23" in out
