"""CLI commands over the cross-article links: ``dyad link``, ``dyad claims A-B``, ``dyad index A-B``.

The commands are plain functions on the Typer app :data:`link_app`; mount them at the top level of
the main CLI with ``app.registered_commands.extend(link_app.registered_commands)`` (or as a group
with ``app.add_typer(link_app, name="links")``). Each command calls one function of :mod:`dyad.link`
and prints Rich tables; ``claims`` and ``index`` link anything new first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import duckdb
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .errors import DyadError
from .link import LinkSummary, claims_for_dyad, dyad_index, normalise_dyad, update
from .store import Store, open_store

__all__ = ["claims", "index", "link", "link_app"]

link_app = typer.Typer(add_completion=False, no_args_is_help=True,
                       help="Cross-article links: event clusters, claims compared, the dyad index.")
console = Console()
errors = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
DyadArgument = Annotated[str, typer.Argument(help="A dyad of actor codes, e.g. RUS-PRK (order does not matter).")]


def _fail(exc: Exception) -> typer.Exit:
    errors.print(f"[bold red]error:[/] {escape(str(exc))}")
    return typer.Exit(code=2)


def _open_linked(db: Path) -> Store:
    """Open the store, linking first when documents arrived since the last link."""
    store = open_store(db)
    update(store)
    return store


@link_app.command("link")
def link(db: DbOption = Path("dyad.duckdb"),
         full: Annotated[bool, typer.Option(help="Recompute every link instead of only what is new.")] = False) -> None:
    """Link documents ingested since the last link: duplicates, event clusters, claims, dyad index."""
    try:
        with open_store(db) as store:
            result = update(store, full=full)
            print_link_summary(result, store)
    except (DyadError, duckdb.Error) as exc:
        raise _fail(exc) from exc


def print_link_summary(result: LinkSummary, store: Store) -> None:
    if result.noop:
        console.print(f"nothing new since run {result.watermark}; links are up to date.")
        return
    console.print(
        f"linked [bold]{result.documents}[/] new document(s) up to run {result.watermark}: "
        f"{len(result.duplicates)} duplicate(s), {result.events} event(s) in "
        f"{result.clusters_written} re-computed cluster(s) (replacing {result.clusters_removed}), "
        f"{result.claim_groups} claim group(s), {result.index_rows} index row(s). "
        f"The database holds [bold]{store.count('clusters')}[/] clusters.")


@link_app.command("claims")
def claims(dyad: DyadArgument, db: DbOption = Path("dyad.duckdb")) -> None:
    """Claims about a dyad compared across sources: agreement or contradiction, with each source's evidence."""
    key, groups = _linked_query(db, dyad, claims_for_dyad)
    if not groups:
        console.print(f"no claims about {key} in {db} (claims come from `dyad run`; none were extracted yet).")
        return
    style = {"agree": "green", "contradict": "bold red", "single": "dim"}
    for g in groups:
        subject = " ".join(w.upper() if w.replace("-", "").isalpha() and "-" in w else w
                           for w in g["subject"].split())  # codes as codes: "RUS-PRK trade"
        title = (f"{escape(subject)} — {escape(g['measure'])} ({escape(g['unit'])}), {g['period'] or 'undated'}: "
                 f"[{style.get(g['status'], '')}]{g['status']}[/] across {g['n_sources']} source(s)")
        table = Table(title=title, title_justify="left", show_lines=True)
        for col, justify in (("value", "right"), ("date", "left"), ("source", "left"), ("evidence", "left"),
                             ("≈", "center"), ("fits", "center")):
            table.add_column(col, justify=justify)  # type: ignore[arg-type]
        for m in g["members"]:
            table.add_row(_number(m["value"]), m["date"] or "", escape(_source(m)), escape(m["evidence"] or ""),
                          "≈" if m["approximate"] else "", _fits(m["agrees"]))
        console.print(table)


def _linked_query(db: Path, dyad: str, query: Callable[[Store, str], list[dict[str, Any]]]
                  ) -> tuple[str, list[dict[str, Any]]]:
    """One dyad's rows from a linked database, with the dyad written as a key ("RUS-PRK")."""
    try:
        with _open_linked(db) as store:
            rows = query(store, dyad)
    except (DyadError, duckdb.Error) as exc:
        raise _fail(exc) from exc
    return normalise_dyad(dyad), rows


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if abs(value) >= 1000 or value == int(value) else f"{value:,.4g}"


def _source(member: dict[str, Any]) -> str:
    parts = [member.get("outlet") or member["doc_id"], member.get("published") or ""]
    return " ".join(p for p in parts if p)


def _fits(agrees: bool | None) -> str:
    return "" if agrees is None else ("[green]✓[/]" if agrees else "[red]✗[/]")


@link_app.command("index")
def index(dyad: DyadArgument, db: DbOption = Path("dyad.duckdb")) -> None:
    """The monthly dyad index: events counted once per cluster by quad class, intensity, sources, assessments."""
    key, rows = _linked_query(db, dyad, dyad_index)
    if not rows:
        console.print(f"no events or assessments for {key} in {db}.")
        return
    table = Table(title=f"{key} by month (events counted once per cluster)")
    for col in ("month", "verbal coop", "material coop", "verbal conflict", "material conflict", "events",
                "mean intensity", "sources", "assess +", "assess −", "assess ±"):
        table.add_column(col, justify="left" if col == "month" else "right")
    for r in rows:
        table.add_row(r["month"], *(str(r[k]) for k in ("verbal_cooperation", "material_cooperation",
                                                         "verbal_conflict", "material_conflict", "events")),
                      "" if r["mean_intensity"] is None else f"{r['mean_intensity']:+.1f}", str(r["sources"]),
                      str(r["positive"]), str(r["negative"]), str(r["mixed"]))
    console.print(table)
