"""The command line: each command parses its arguments and calls one library function.

Domain errors become CLI errors (a red one-line message, exit code 2) only here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .api import clean_file, load_document
from .api import run as run_paths
from .cli_link import link_app
from .config import load_options
from .errors import DyadError
from .evaluate import evaluate, load_jsonl
from .explain import explain_document
from .export import FORMATS, event_rows, export_events
from .ingest import count_inputs
from .pipeline import Pipeline
from .report import render_report, summary
from .store import open_store

__all__ = ["app", "main"]

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="dyad: who did what to whom, when, with what amounts — from news articles.")
console = Console()
errors = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
ConfigOption = Annotated[Path | None, typer.Option("--config", help="YAML file overriding the shipped defaults.")]


def _fail(exc: Exception) -> typer.Exit:
    errors.print(f"[bold red]error:[/] {exc}")
    return typer.Exit(code=2)


@app.command()
def run(paths: Annotated[list[Path], typer.Argument(help="Files or folders to ingest.")],
        db: DbOption = Path("dyad.duckdb"),
        strict: Annotated[bool, typer.Option(help="Exit non-zero when any input is quarantined.")] = False,
        config: ConfigOption = None) -> None:
    """Ingest and analyse articles into the database; bad inputs are quarantined, the rest goes on."""
    try:
        options = load_options(config)
        total = count_inputs(paths)
        with Progress(TextColumn("[bold]analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=errors, transient=False) as bar:
            task = bar.add_task("run", total=total)
            result = run_paths(paths, db=db, options=options, progress=lambda n: bar.advance(task, n))
        for item in result.quarantined:
            errors.print(f"[yellow]quarantined[/] {item.input}: {item.reason}"
                         + (f" — {item.detail}" if item.detail else ""))
        with open_store(db, read_only=True) as store:
            _print_summary(summary(store), result.new, result.skipped)
    except DyadError as exc:
        raise _fail(exc) from exc
    if result.quarantined:
        errors.print(f"[yellow]{len(result.quarantined)} input(s) quarantined[/] (see the quarantine table)")
        if strict:
            raise typer.Exit(code=1)


def _print_summary(info: dict[str, Any], new: int, skipped: int) -> None:
    console.print(f"[bold]{new}[/] new document(s), {skipped} unchanged input(s) skipped; "
                  f"the database holds [bold]{info['documents']}[/] documents and [bold]{info['events']}[/] events "
                  f"({info['flagged']} flagged below the confidence threshold).")
    types = Table(title="Events by type")
    types.add_column("type")
    types.add_column("events", justify="right")
    for etype, n in info["by_type"]:
        types.add_row(etype, str(n))
    dyads = Table(title="Top dyads")
    dyads.add_column("dyad")
    dyads.add_column("events", justify="right")
    for key, n in info["top_dyads"]:
        dyads.add_row(key, str(n))
    console.print(types, dyads)
    if info["quarantine"]:
        quarantine = Table(title="Quarantined inputs")
        for column in ("input", "reason", "detail"):
            quarantine.add_column(column, overflow="fold")
        for row in info["quarantine"]:
            quarantine.add_row(row["input"], row["reason"], row["detail"] or "")
        console.print(quarantine)


@app.command()
def events(db: DbOption = Path("dyad.duckdb"),
           dyad: Annotated[str | None, typer.Option(help="Pair of actors, e.g. RUS-PRK (either direction).")] = None,
           type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. AID.")] = None,
           since: Annotated[str | None, typer.Option(help="Earliest event date, e.g. 2014 or 2014-06.")] = None,
           limit: Annotated[int, typer.Option(help="Rows to show at most.")] = 200,
           all_events: Annotated[bool, typer.Option("--all", help="Include events below the threshold.")] = False,
           ) -> None:
    """Show events as a readable table with their evidence."""
    where, params = _filters(dyad, type, since)
    try:
        with open_store(db, read_only=True) as store:
            rows = event_rows(store, include_flagged=all_events, where=where, params=params)
    except DyadError as exc:
        raise _fail(exc) from exc
    table = Table(show_lines=True)
    for column in ("date", "source", "target", "type", "modality", "evidence", "doc"):
        table.add_column(column, overflow="fold")
    for row in rows[:limit]:
        table.add_row(row["date"] or "", row["source"], row["target"] or "", row["type"], row["modality"],
                      row["evidence"], row["doc"])
    console.print(table)
    console.print(f"{len(rows)} event(s)" + (f", first {limit} shown" if len(rows) > limit else ""))


def _filters(dyad: str | None, etype: str | None, since: str | None) -> tuple[str, tuple[Any, ...]]:
    clauses: list[str] = []
    params: list[Any] = []
    if dyad:
        parts = [p.strip().upper() for p in dyad.replace("_", "-").split("-") if p.strip()]
        if len(parts) != 2:
            raise _fail(DyadError(f"--dyad takes two codes joined by '-', like RUS-PRK; got {dyad!r}"))
        clauses.append("((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))")
        params += [parts[0], parts[1], parts[1], parts[0]]
    if etype:
        clauses.append("e.type = ?")
        params.append(etype.upper())
    if since:
        clauses.append("e.date IS NOT NULL AND e.date >= ?")
        params.append(since)
    return "".join(f" AND {c}" for c in clauses), tuple(params)


@app.command()
def export(out: Annotated[Path, typer.Option("--out", help="File to write.")],
           db: DbOption = Path("dyad.duckdb"),
           format: Annotated[str, typer.Option("--format", help=f"One of {', '.join(FORMATS)}.")] = "events-jsonl",
           all_events: Annotated[bool, typer.Option("--all", help="Include events below the threshold.")] = False,
           ) -> None:
    """Export events (events-jsonl is what the gold scorer reads)."""
    try:
        with open_store(db, read_only=True) as store:
            n = export_events(store, out, format, include_flagged=all_events)
    except DyadError as exc:
        raise _fail(exc) from exc
    console.print(f"wrote {n} event(s) to {out}")


@app.command()
def clean(file: Annotated[Path, typer.Argument(help="An HTML page, text file or JSON record file.")],
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON (title, byline, …, text).")] = False,
          config: ConfigOption = None) -> None:
    """Print the cleaned document: the article's own text and its metadata."""
    try:
        result = clean_file(file, options=load_options(config))
    except DyadError as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    for key in ("title", "byline", "outlet", "published", "published_precision", "language", "encoding"):
        console.print(f"[bold]{key}:[/] {result.get(key)}")
    console.print()
    console.print(result["text"], markup=False, highlight=False)


@app.command()
def report(out: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path("report.html"),
           db: DbOption = Path("dyad.duckdb")) -> None:
    """Write a static HTML page: per-dyad timelines with evidence and a monthly chart."""
    try:
        with open_store(db, read_only=True) as store:
            path = render_report(store, out)
    except DyadError as exc:
        raise _fail(exc) from exc
    console.print(f"wrote {path}")


@app.command()
def explain(doc: Annotated[str, typer.Argument(help="A stored document id, or a file to analyse.")],
            db: DbOption = Path("dyad.duckdb"), config: ConfigOption = None,
            only_events: Annotated[bool, typer.Option("--events", help="Only sentences with triggers.")] = False,
            ) -> None:
    """For one document: each sentence with its mentions, triggers, events and rejected candidates."""
    try:
        options = load_options(config)
        document = load_document(doc, db=db, options=options)
        reports = explain_document(Pipeline(options), document)
    except DyadError as exc:
        raise _fail(exc) from exc
    console.print(f"[bold]{document.id}[/] published={document.published} ({document.published_precision})"
                  f" language={document.language} title={document.title!r}")
    for report in reports:
        if only_events and not report.decisions:
            continue
        console.print(f"\n[bold cyan][{report.index}][/] {escape(report.text)}")
        for line in report.mentions:
            console.print(f"  [green]actor[/]  {escape(line)}")
        for line in report.decisions:
            console.print(f"  [yellow]rule[/]   {escape(line)}")
        for line in report.events:
            console.print(f"  [bold magenta]event[/]  {escape(line)}")


@app.command("eval")
def eval_command(gold: Annotated[Path, typer.Option("--gold", help="Gold JSONL (one article a line).")],
                 db: DbOption = Path("dyad.duckdb"),
                 pred: Annotated[Path | None, typer.Option("--pred", help="events-jsonl file instead of --db.")]
                 = None) -> None:
    """Precision and recall against a gold file, per type, with a confusion table of types."""
    try:
        if pred is not None:
            rows = load_jsonl(pred)
        else:
            with open_store(db, read_only=True) as store:
                rows = event_rows(store)
        result = evaluate(rows, load_jsonl(gold))
    except (DyadError, OSError, ValueError) as exc:
        raise _fail(exc) from exc
    f1 = 2 * result.precision * result.recall / (result.precision + result.recall) if result.matched else 0.0
    console.print(f"gold {result.gold}  predicted {result.pred}  matched {result.matched}  "
                  f"precision {result.precision:.3f}  recall {result.recall:.3f}  F1 {f1:.3f}")
    table = Table(title="By type")
    for column in ("type", "gold", "pred", "tp", "precision", "recall"):
        table.add_column(column, justify="right" if column != "type" else "left")
    for etype, c in sorted(result.by_type.items()):
        precision = f"{c['tp'] / c['pred']:.2f}" if c["pred"] else "-"
        recall = f"{c['tp'] / c['gold']:.2f}" if c["gold"] else "-"
        table.add_row(etype, str(c["gold"]), str(c["pred"]), str(c["tp"]), precision, recall)
    console.print(table)
    confusion = Table(title="Right dyad, wrong type (gold → predicted)")
    confusion.add_column("gold")
    confusion.add_column("predicted")
    confusion.add_column("n", justify="right")
    for (g, p), n in result.confusion.most_common():
        confusion.add_row(g, p, str(n))
    console.print(confusion)
    modality = Table(title="Modality on matched events (gold → predicted)")
    for column in ("gold", "predicted", "n"):
        modality.add_column(column)
    for (g, p), n in sorted(result.modality.items()):
        modality.add_row(g, p, str(n))
    console.print(modality)


# dyad link, dyad claims, dyad index: cross-article commands live in cli_link.py
app.registered_commands.extend(link_app.registered_commands)


def main() -> None:
    app()
