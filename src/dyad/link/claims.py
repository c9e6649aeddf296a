"""Claims compared across sources: the same subject and measure for overlapping periods.

Claims are grouped by (subject, measure, unit) — compared case- and space-insensitively — and by
chains of overlapping periods; a claim without a date stands for the year its document was
published (a figure given as current); claims with neither join the only dated group of their
measure, or form a group of their own when there are several. Within a group two values
agree when they differ by no more than a tolerance that respects rounding and hedges:

- relative ``APPROX_TOLERANCE`` (10 %) when either claim is hedged ("about", "nearly", "some", ...),
  otherwise ``EXACT_TOLERANCE`` (2 %);
- never less than half a unit of the last significant digit of either value, so "11 billion"
  and "11.4 billion" agree (the first is rounded) while "1.09" and "1.2 billion" do not;
- ranks (unit ``rank``/``place``/``position``) must be equal.

Claims in duplicate documents are left out, so a syndicated copy does not confirm itself.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..store import Store
from .periods import Period, parse_period, period_label

__all__ = ["APPROX_TOLERANCE", "EXACT_TOLERANCE", "ClaimGroup", "agree", "claim_groups", "is_approximate",
           "normalise", "update_claims"]

APPROX_TOLERANCE = 0.10
EXACT_TOLERANCE = 0.02
RANK_UNITS = frozenset({"rank", "place", "position", "ordinal"})
HEDGE = re.compile(
    r"(?:\b(?:about|around|nearly|almost|roughly|approximately|approx|some|close to|more than|less than|over|"
    r"under|up to|at least|at most|an estimated|estimated|near|circa|upwards of|just over|just under|ca)\b|~|≈)",
    re.IGNORECASE)
_NORM = "lower(trim(regexp_replace({}, '\\s+', ' ', 'g')))"
HEDGE_LOOKBEHIND = 30     # characters before a claim's span searched for a hedge


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def is_approximate(text: str, start: int, end: int) -> bool:
    """Whether the claim's evidence (or the words just before it) hedges its number."""
    return bool(HEDGE.search(text[max(0, start - HEDGE_LOOKBEHIND):end]))


def _half_unit(value: float) -> float:
    """Half a unit of the last significant digit: the rounding a written number allows."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    magnitude = abs(value)
    if magnitude >= 1000:
        digits = f"{magnitude:.0f}".rstrip("0")
        return 0.5 * 10.0 ** (len(f"{magnitude:.0f}") - len(digits))
    text = f"{magnitude:.6f}".rstrip("0")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10.0 ** (-decimals)


def tolerance(a: float, b: float, *, approximate: bool) -> float:
    """The absolute difference allowed between two values of one measure."""
    relative = APPROX_TOLERANCE if approximate else EXACT_TOLERANCE
    return max(relative * max(abs(a), abs(b)), _half_unit(a), _half_unit(b))


def agree(a: float, b: float, *, unit: str, approximate: bool) -> bool:
    if unit.lower() in RANK_UNITS:
        return a == b
    return abs(a - b) <= tolerance(a, b, approximate=approximate) + 1e-9


@dataclass(slots=True)
class ClaimGroup:
    group_id: str
    subject: str
    measure: str
    unit: str
    period: Period | None
    members: list[dict[str, Any]] = field(default_factory=list)
    status: str = "single"
    tolerance: float | None = None

    @property
    def n_sources(self) -> int:
        return len({m["doc_id"] for m in self.members})


def _components(items: list[dict[str, Any]]) -> list[tuple[Period | None, list[dict[str, Any]]]]:
    dated = sorted((i for i in items if i["period"] is not None), key=lambda i: (i["period"].lo, i["period"].hi))
    out: list[tuple[Period | None, list[dict[str, Any]]]] = []
    for item in dated:
        p = item["period"]
        if out and out[-1][0] is not None and p.lo <= out[-1][0].hi:
            span = out[-1][0]
            out[-1] = (Period(span.lo, max(span.hi, p.hi)), [*out[-1][1], item])
        else:
            out.append((p, [item]))
    undated = [i for i in items if i["period"] is None]
    if undated and len(out) == 1:
        # an undated figure (an article without a publication date) is compared with the only dated
        # period there is; with several periods it cannot be placed and stays apart
        out[0] = (out[0][0], [*out[0][1], *undated])
    elif undated:
        out.append((None, undated))
    return out


def claim_groups(rows: Iterable[dict[str, Any]]) -> list[ClaimGroup]:
    """Group claim rows (with ``text`` of their document) and judge agreement in each group."""
    by_key: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        item = dict(row)
        # an undated figure is taken as current when published: the publication year
        item["period"] = parse_period(row["date"]) or parse_period((row.get("published") or "")[:4] or None)
        item["approximate"] = is_approximate(row["text"], row["start"], row["end"])
        item["evidence"] = row["text"][row["start"]:row["end"]]
        by_key[(normalise(row["subject"]), normalise(row["measure"]), row["unit"])].append(item)
    groups = []
    for (subject, measure, unit), items in sorted(by_key.items()):
        for period, members in _components(items):
            label = period_label(period) or "undated"
            gid = "g" + hashlib.sha1(f"{subject}|{measure}|{unit}|{label}".encode()).hexdigest()[:15]
            members.sort(key=lambda m: (m.get("published") or "", m["doc_id"], m["start"]))
            group = ClaimGroup(gid, subject, measure, unit, period, members)
            _judge(group)
            groups.append(group)
    return groups


def _judge(group: ClaimGroup) -> None:
    values = [m for m in group.members if m["value"] is not None]
    approximate = any(m["approximate"] for m in values)
    for m in group.members:
        m["agrees"] = None
    if group.n_sources < 2 or len(values) < 2:
        group.status = "single"
        return
    ordered = sorted(v["value"] for v in values)
    median = ordered[len(ordered) // 2]
    group.tolerance = tolerance(ordered[0], ordered[-1], approximate=approximate)
    ok = all(agree(a["value"], b["value"], unit=group.unit, approximate=approximate)
             for i, a in enumerate(values) for b in values[i + 1:] if a["doc_id"] != b["doc_id"])
    for m in values:
        m["agrees"] = agree(m["value"], median, unit=group.unit, approximate=approximate)
    group.status = "agree" if ok else "contradict"


def _keys_of_docs(store: Store, doc_ids: Sequence[str]) -> list[tuple[str, str]]:
    rows = store.con.execute(
        "SELECT DISTINCT subject, measure FROM claims WHERE doc_id IN (SELECT unnest(?))",
        [list(doc_ids)]).fetchall()
    return [(normalise(r[0]), normalise(r[1])) for r in rows]


def update_claims(store: Store, doc_ids: Sequence[str] | None) -> int:
    """Recompute the claim groups touched by ``doc_ids`` (all groups when None); return groups written."""
    con = store.con
    base = ("SELECT c.doc_id, c.subject, c.measure, c.value, c.unit, c.date, c.\"start\", c.\"end\", d.text, "
            "d.outlet, CASE WHEN d.published_estimated THEN NULL ELSE d.published END AS published "
            "FROM claims c JOIN documents d USING (doc_id) "
            "WHERE c.doc_id NOT IN (SELECT doc_id FROM duplicate_docs)")
    if doc_ids is None:
        con.execute("DELETE FROM claim_group_members")
        con.execute("DELETE FROM claim_groups")
        rows = store.query(base)
    else:
        keys = _keys_of_docs(store, doc_ids)
        if not keys:
            return 0
        wanted = set(keys)
        subjects = sorted({k[0] for k in keys})
        rows = [r for r in store.query(base + f" AND {_NORM.format('c.subject')} IN (SELECT unnest(?))", [subjects])
                if (normalise(r["subject"]), normalise(r["measure"])) in wanted]
        old = [r[0] for r in con.execute("SELECT group_id, subject, measure FROM claim_groups "
                                         "WHERE subject IN (SELECT unnest(?))", [subjects]).fetchall()
               if (r[1], r[2]) in wanted]
        con.execute("DELETE FROM claim_group_members WHERE group_id IN (SELECT unnest(?))", [old])
        con.execute("DELETE FROM claim_groups WHERE group_id IN (SELECT unnest(?))", [old])
    groups = claim_groups(rows)
    if groups:
        con.executemany("INSERT INTO claim_groups VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        (g.group_id, g.subject, g.measure, g.unit, period_label(g.period), g.period.lo if g.period else None,
         g.period.hi if g.period else None, len(g.members), g.n_sources, g.status,
         min((m["value"] for m in g.members if m["value"] is not None), default=None),
         max((m["value"] for m in g.members if m["value"] is not None), default=None), g.tolerance)
        for g in groups])
    members = [(g.group_id, m["doc_id"], m["start"], m["end"], m["value"], m["unit"], m["date"], m["approximate"],
                m["evidence"], m["outlet"], m["published"], m["agrees"]) for g in groups for m in g.members]
    if members:
        con.executemany("INSERT INTO claim_group_members VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", members)
    return len(groups)
