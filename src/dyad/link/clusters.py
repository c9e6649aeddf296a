"""Event clusters: accepted events from different documents that describe one real-world act.

Candidates come from blocking, never from all pairs: events are keyed by dyad (direction-free),
type group (``compatible.yaml``) and time — day-precise events only meet events of the same day,
coarser dates (a month, a year, an inferred week) meet the events of the months they cover, and
undated or very wide events meet events that share rare evidence words. Each candidate pair is
checked (direction unless either side is mutual, mode, modality, overlapping dates) and scored by
evidence similarity (rapidfuzz); the vaguer the dates, the higher the similarity required.
Pairs are then merged best first with a union-find whose clusters keep the intersection of their
members' dates and at most one event per document, so a chain of loose dates can never join two
different days (a treaty announced on the 17th and signed on the 19th stay apart).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from .periods import Period, months_between, parse_period, period_label

__all__ = ["ClusterResult", "Compatibility", "LinkEvent", "cluster_events", "dyad_key", "load_compatibility",
           "make_event"]

MAX_MONTHS = 24          # dates wider than this are matched by evidence words, not by months
MAX_POSTING = 500        # evidence words used by more events than this are too common to block on
# (widest date in days, evidence similarity required, score bonus for the date agreement)
TIERS = ((1, 0.20, 0.30), (8, 0.50, 0.20), (31, 0.50, 0.10), (366, 0.60, 0.0), (10**6, 0.75, 0.0))
UNDATED_SIMILARITY = 0.85
MIXED_MODALITY = 0.15    # more similarity needed to merge a planned act with a reported one
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_STOP = frozenset((
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "that", "this", "its",
    "his", "her", "their", "was", "were", "is", "are", "be", "been", "has", "have", "had", "will", "would", "said",
    "says", "after", "before", "during", "into", "over", "under", "as", "it",
))


@dataclass(frozen=True, slots=True)
class Compatibility:
    """Which types, modes and modalities may be merged (from ``compatible.yaml``)."""

    type_group: dict[str, str]
    mode_sets: dict[str, list[frozenset[str]]]
    modality_group: dict[str, int]

    def group(self, etype: str) -> str:
        return self.type_group.get(etype, etype)

    def modes_match(self, etype: str, a: str | None, b: str | None) -> bool:
        if a is None or b is None or a == b:
            return True
        return any(a in s and b in s for s in self.mode_sets.get(etype, ()))

    def modalities_match(self, a: str, b: str) -> bool:
        return a == b or self.modality_group.get(a, -1) == self.modality_group.get(b, -2)


def load_compatibility(path: str | Path | None = None) -> Compatibility:
    """Read the compatibility table; the shipped ``compatible.yaml`` by default."""
    if path is None:
        text = resources.files("dyad.link").joinpath("compatible.yaml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text) or {}
    type_group: dict[str, str] = {}
    for types in data.get("type_groups") or []:
        name = "+".join(sorted(types))
        for t in types:
            type_group[str(t)] = name
    mode_sets = {str(t): [frozenset(str(m) for m in group) for group in groups]
                 for t, groups in (data.get("mode_groups") or {}).items()}
    modality_group = {str(m): i for i, group in enumerate(data.get("modality_groups") or []) for m in group}
    return Compatibility(type_group, mode_sets, modality_group)


@cache
def _default_compatibility() -> Compatibility:
    return load_compatibility()


def dyad_key(source: str, target: str | None) -> str:
    """The direction-free dyad ``A-B`` (codes sorted); a lone actor when there is no target."""
    if not target or target == source:
        return source
    return "-".join(sorted((source, target)))


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


@dataclass(slots=True)
class LinkEvent:
    """What clustering needs to know about one accepted event."""

    event_id: str
    doc_id: str
    order: tuple[int, str]          # (run_id, event_id): the earliest member names the cluster
    source: str
    target: str | None
    type: str
    mode: str | None
    quad: str | None
    intensity: float | None
    modality: str
    mutual: bool
    date: str | None
    period: Period | None
    evidence: str
    published: str | None
    dyad: str = ""
    group: str = ""
    text: str = ""                   # evidence words joined, for the similarity
    tokens: frozenset[str] = frozenset()


def make_event(row: dict[str, Any], compat: Compatibility | None = None) -> LinkEvent:
    """A :class:`LinkEvent` from an events row joined with its document's ``run_id``/``published``."""
    compat = compat or _default_compatibility()
    words = _words(row["evidence"] or "")
    return LinkEvent(
        event_id=row["event_id"], doc_id=row["doc_id"], order=(int(row.get("run_id") or 0), row["event_id"]),
        source=row["source"], target=row["target"], type=row["type"], mode=row["mode"], quad=row["quad"],
        intensity=row["intensity"], modality=row["modality"], mutual=bool(row["mutual"]), date=row["date"],
        period=parse_period(row["date"], inferred=bool(row.get("date_inferred"))), evidence=row["evidence"] or "",
        published=row.get("published"), dyad=dyad_key(row["source"], row["target"]), group=compat.group(row["type"]),
        text=" ".join(words), tokens=frozenset(w for w in words if len(w) > 3))


def similarity(a: LinkEvent, b: LinkEvent) -> float:
    """Evidence similarity in 0..1: the mean of token-sort and token-set ratios of the content words."""
    if not a.text or not b.text:
        return 0.0
    return (fuzz.token_sort_ratio(a.text, b.text) + fuzz.token_set_ratio(a.text, b.text)) / 200.0


def _direction(e: LinkEvent) -> tuple[str, str | None] | None:
    return None if e.mutual else (e.source, e.target)


def pair_score(a: LinkEvent, b: LinkEvent, compat: Compatibility) -> float | None:
    """A merge score for two events, or None when they cannot be the same act."""
    if a.doc_id == b.doc_id or a.dyad != b.dyad or a.group != b.group:
        return None
    da, db = _direction(a), _direction(b)
    if da is not None and db is not None and da != db:
        return None
    if a.type == b.type and not compat.modes_match(a.type, a.mode, b.mode):
        return None
    if not compat.modalities_match(a.modality, b.modality):
        return None
    if a.period is not None and b.period is not None:
        if a.period.intersect(b.period) is None:
            return None
        widest = max(a.period.days, b.period.days)
        required, bonus = next((t[1], t[2]) for t in TIERS if widest <= t[0])
    else:
        required, bonus = UNDATED_SIMILARITY, 0.0
    if a.modality != b.modality:
        required += MIXED_MODALITY
    sim = similarity(a, b)
    return sim + bonus if sim >= required else None


def candidate_pairs(events: Sequence[LinkEvent]) -> set[tuple[int, int]]:
    """Blocked candidate pairs (indices into ``events``, smaller first)."""
    days: dict[tuple[str, str, Any], list[int]] = defaultdict(list)
    month_days: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    coarse: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    loose: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        p = e.period
        if p is None or len(months := months_between(p)) > MAX_MONTHS:
            loose[(e.dyad, e.group)].append(i)
        elif p.days == 1:
            days[(e.dyad, e.group, p.lo)].append(i)
            month_days[(e.dyad, e.group, p.lo.strftime("%Y-%m"))].append(i)
        else:
            for m in months:
                coarse[(e.dyad, e.group, m)].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in days.values():
        pairs.update(combinations(members, 2))
    for key, members in coarse.items():
        others = month_days.get(key, [])
        pairs.update(combinations(members, 2))
        pairs.update((min(i, j), max(i, j)) for i in members for j in others)
    if loose:
        pairs.update(_token_pairs(events, loose))
    return pairs


def _token_pairs(events: Sequence[LinkEvent], loose: dict[tuple[str, str], list[int]]) -> set[tuple[int, int]]:
    """Pairs for undated and wide events: they share at least two rare evidence words."""
    wanted = {k: set().union(*(events[i].tokens for i in idx)) for k, idx in loose.items()}
    postings: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, e in enumerate(events):
        key = (e.dyad, e.group)
        if key in wanted:
            for tok in e.tokens & wanted[key]:
                postings[key][tok].append(i)
    pairs: set[tuple[int, int]] = set()
    for key, idx in loose.items():
        posting = postings[key]
        for i in idx:
            shared: Counter[int] = Counter()
            for tok in events[i].tokens:
                hits = posting.get(tok, [])
                if len(hits) <= MAX_POSTING:
                    shared.update(hits)
            pairs.update((min(i, j), max(i, j)) for j, n in shared.items() if j != i and n >= 2)
    return pairs


@dataclass(slots=True)
class _Group:
    members: list[int]
    docs: set[str]
    period: Period | None
    direction: tuple[str, str | None] | None


@dataclass(slots=True)
class ClusterResult:
    """One cluster: its stable id, the facts it stands for and its members (event id, document id)."""

    cluster_id: str
    dyad: str
    group: str
    source: str
    target: str | None
    mutual: bool
    type: str
    mode: str | None
    quad: str | None
    date: str | None
    lo: Any
    hi: Any
    month: str | None
    intensity: float | None
    evidence: str
    first_seen: str | None
    # (event_id, doc_id, best similarity to another member, the member's own date bounds)
    members: list[tuple[str, str, float, Any, Any]] = field(default_factory=list)
    n_events: int = 0
    n_sources: int = 0


def cluster_id_for(event_id: str) -> str:
    return "c" + hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15]


def cluster_events(events: Sequence[LinkEvent], *, compat: Compatibility | None = None,
                   canonical: dict[str, str] | None = None) -> list[ClusterResult]:
    """Cluster ``events``; ``canonical`` maps duplicate documents to the document they copy."""
    compat = compat or _default_compatibility()
    canonical = canonical or {}
    scored = []
    for i, j in candidate_pairs(events):
        score = pair_score(events[i], events[j], compat)
        if score is not None:
            scored.append((-score, events[i].order, events[j].order, i, j))
    scored.sort()
    parent = list(range(len(events)))
    groups = {i: _Group([i], {e.doc_id}, e.period, _direction(e)) for i, e in enumerate(events)}
    best: dict[int, float] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for neg, _, _, i, j in scored:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        gi, gj = groups[ri], groups[rj]
        if gi.docs & gj.docs:
            continue
        if gi.direction is not None and gj.direction is not None and gi.direction != gj.direction:
            continue
        period = gi.period
        if gi.period is not None and gj.period is not None:
            period = gi.period.intersect(gj.period)
            if period is None:
                continue
        elif period is None:
            period = gj.period
        keep, drop = (ri, rj) if events[ri].order <= events[rj].order else (rj, ri)
        parent[drop] = keep
        merged = groups.pop(drop)
        kept = groups[keep]
        kept.members.extend(merged.members)
        kept.docs |= merged.docs
        kept.period = period
        kept.direction = kept.direction or merged.direction
        best[i] = max(best.get(i, 0.0), -neg)
        best[j] = max(best.get(j, 0.0), -neg)
    return [_result(events, g, best, canonical) for g in groups.values()]


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v is not None)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _result(events: Sequence[LinkEvent], group: _Group, best: dict[int, float],
            canonical: dict[str, str]) -> ClusterResult:
    members = sorted(group.members, key=lambda i: events[i].order)
    first = events[members[0]]
    items = [events[i] for i in members]
    intensities = [e.intensity for e in items if e.intensity is not None]
    period = group.period
    month = None
    if period is not None:
        months = months_between(period)
        month = months[0] if len(months) == 1 else (str(period.lo.year) if period.lo.year == period.hi.year else None)
    mutual = group.direction is None
    source, target = (first.source, first.target)
    if mutual and first.target:
        source, target = sorted((first.source, first.target))
    published = [e.published for e in items if e.published]
    return ClusterResult(
        cluster_id=cluster_id_for(first.event_id), dyad=first.dyad, group=first.group, source=source, target=target,
        mutual=mutual,
        type=_most_common(e.type for e in items) or first.type, mode=_most_common(e.mode for e in items),
        quad=_most_common(e.quad for e in items), date=period_label(period),
        lo=period.lo if period else None, hi=period.hi if period else None, month=month,
        intensity=sum(intensities) / len(intensities) if intensities else None, evidence=first.evidence,
        first_seen=min(published) if published else None,
        members=[(e.event_id, e.doc_id, round(best.get(i, 1.0 if len(members) == 1 else 0.0), 4),
                  e.period.lo if e.period else None, e.period.hi if e.period else None)
                 for i, e in zip(members, items, strict=True)],
        n_events=len(members), n_sources=len({canonical.get(e.doc_id, e.doc_id) for e in items}))
