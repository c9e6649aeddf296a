"""A static HTML report: per-dyad timelines of events with their evidence, and a monthly chart.

The chart is drawn with matplotlib (SVG inlined), so the page needs no network to open.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt

from ._version import __version__
from .export import event_rows
from .store import Store
from .timeline import first_day

__all__ = ["dyad_key", "render_report", "summary"]


def dyad_key(a: str | None, b: str | None) -> str | None:
    """Direction-free name of a pair of actors, e.g. ``PRK-RUS``; None for one-sided events."""
    if not a or not b:
        return None
    return "-".join(sorted((a, b)))


def summary(store: Store) -> dict[str, Any]:
    """Counts for the CLI summary and the report header."""
    events = event_rows(store)
    dyads = Counter(k for e in events if (k := dyad_key(e["source"], e["target"])))
    return {
        "documents": store.count("documents"),
        "events": len(events),
        "flagged": store.count("events") - len(events),
        "by_type": Counter(e["type"] for e in events).most_common(),
        "top_dyads": dyads.most_common(10),
        "quarantine": store.query("SELECT input, reason, detail FROM quarantine ORDER BY quarantined_at, input"),
        "languages": store.query("SELECT coalesce(language, '?') AS language, count(*) AS n FROM documents "
                                 "GROUP BY 1 ORDER BY n DESC"),
    }


def render_report(store: Store, out: str | Path, *, max_dyads: int = 12) -> Path:
    events = event_rows(store)
    docs = {r["doc_id"]: r for r in store.query("SELECT doc_id, title, outlet, published, url FROM documents")}
    by_dyad: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        key = dyad_key(event["source"], event["target"])
        if key:
            by_dyad[key].append(event)
    ordered = sorted(by_dyad.items(), key=lambda kv: -len(kv[1]))[:max_dyads]
    timelines = [(key, sorted(rows, key=lambda e: (e["date"] is None, e["date"] or "", e["doc"])))
                 for key, rows in ordered]
    index_charts = [(key, _index_svg(store, key)) for key, _ in timelines[:3]]
    template = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(
        resources.files("dyad").joinpath("templates", "report.html.j2").read_text(encoding="utf-8"))
    html = template.render(summary=summary(store), timelines=timelines, docs=docs, chart=_chart_svg(events),
                           index_charts=index_charts, version=__version__)
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return target


def _month(value: str | None) -> date | None:
    """The first of the month an event's date (or range) starts in."""
    day = first_day(value)
    return day.replace(day=1) if day else None


def _chart_svg(events: list[dict[str, Any]], recent_years: int = 5) -> str:
    """Events per month stacked by type: the whole span by year above, the last years by month below."""
    months: dict[str, Counter[date]] = defaultdict(Counter)
    for event in events:
        month = _month(event["date"])
        if month is not None:
            months[event["type"]][month] += 1
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(11, 6.4), dpi=100)
    if months:
        years: dict[str, Counter[date]] = {t: Counter() for t in months}
        for etype, counter in months.items():
            for month, n in counter.items():
                years[etype][date(month.year, 7, 1)] += n
        last = max(m for c in months.values() for m in c)
        cutoff = date(last.year - recent_years + 1, 1, 1)
        recent = {t: Counter({m: n for m, n in c.items() if m >= cutoff}) for t, c in months.items()}
        _stacked(top, years, width=300, label="events per year (all dated events)", fmt="%Y")
        _stacked(bottom, recent, width=25, label=f"events per month since {cutoff.year}", fmt="%Y-%m")
        top.legend(ncol=8, fontsize=7, loc="upper left", frameon=False)
    else:
        top.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=top.transAxes)
        bottom.set_visible(False)
    return _svg(fig)


def _stacked(ax: Any, counts: dict[str, Counter[date]], *, width: float, label: str, fmt: str) -> None:
    periods = sorted({p for c in counts.values() for p in c})
    base = [0] * len(periods)
    x = mdates.date2num(periods)  # type: ignore[no-untyped-call]
    cmap = plt.get_cmap("tab20")
    for i, etype in enumerate(sorted(counts)):
        heights = [counts[etype].get(p, 0) for p in periods]
        ax.bar(x, heights, bottom=base, width=width, label=etype, color=cmap(i % 20))
        base = [b + h for b, h in zip(base, heights, strict=True)]
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.DateFormatter(fmt))  # type: ignore[no-untyped-call]
    ax.set_ylabel(label, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)


QUAD_STYLE = {"verbal_cooperation": ("#6baed6", 1), "material_cooperation": ("#08519c", 1),
              "verbal_conflict": ("#fc9272", -1), "material_conflict": ("#a50f15", -1)}


def _index_svg(store: Store, dyad: str) -> str:
    """The dyad index by year: clusters of cooperation above the axis, conflict below, by QuadClass;
    relation assessments (positive minus negative) as a line."""
    rows = store.query("SELECT month, quad, events FROM dyad_index WHERE dyad = ? AND month <> 'undated'", [dyad])
    years: dict[int, Counter[str]] = defaultdict(Counter)
    for row in rows:
        years[int(row["month"][:4])][row["quad"]] += row["events"]
    tone: Counter[int] = Counter()
    for row in store.query("SELECT month, polarity, assessments FROM dyad_assessments WHERE dyad = ? "
                           "AND month <> 'undated'", [dyad]):
        tone[int(row["month"][:4])] += {"positive": 1, "negative": -1}.get(row["polarity"], 0) * row["assessments"]
    fig, ax = plt.subplots(figsize=(11, 2.8), dpi=100)
    if years:
        xs = sorted(years)
        for sign in (1, -1):
            base = [0] * len(xs)
            for quad, (colour, side) in QUAD_STYLE.items():
                if side != sign:
                    continue
                heights = [sign * years[x].get(quad, 0) for x in xs]
                ax.bar(xs, heights, bottom=base, color=colour, label=quad.replace("_", " "), width=0.8)
                base = [b + h for b, h in zip(base, heights, strict=True)]
        if tone:
            tx = sorted(tone)
            ax.plot(tx, [tone[x] for x in tx], "k.--", linewidth=1, label="assessments (+/−)")
        ax.axhline(0, color="#444", linewidth=0.8)
        ax.legend(ncol=5, fontsize=7, loc="upper left", frameon=False)
    else:
        ax.text(0.5, 0.5, "no clustered events", ha="center", va="center", transform=ax.transAxes)
    ax.set_ylabel(f"{dyad}: events / year", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def _svg(fig: Any) -> str:
    """The figure as inline SVG markup (no XML prologue), closed after use."""
    fig.tight_layout()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]
