"""The publication date of an undated article, estimated from what it says.

An undated article is placed in a window of days by what its content allows: it was written
after the latest date and the latest known event it mentions (in a sentence that does not look
ahead) and after the vote that won a leader's numbered term it names as held ("Putin's fifth
term", terms.yaml), while each person it names with a title held that post (knowledge-base role dates), near
the start of the post for a "new" minister; a month and day without a year in a removed
byline/dateline ("Updated Apr.27") fixes the day when only one year of the window has it. A window
that pins the year gives the year, month or day. A wider one gives its earliest day (precision
"unknown"), moved later by dates written without a year ("on April 28") that fall later in that
year: news is written soon after what it reports and leaves the year off the current year's dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import yaml

from dyad.model import DatePrecision

from .timeline import DateExpression, find_dates, first_day, last_day, resolve

__all__ = ["Landmark", "PersonMention", "PublishedEstimate", "Tenure", "estimate_publication", "term_landmarks"]


def _key(point: str) -> tuple[int, int, int]:
    parts = [int(p) for p in point.split("-")]
    return (parts[0], parts[1] if len(parts) > 1 else 0, parts[2] if len(parts) > 2 else 0)


def _latest_mentioned(text: str, *, past_only: bool = False) -> str | None:
    best: str | None = None
    for expr in find_dates(text):
        if expr.kind not in ("absolute", "range", "open_range", "decade"):
            continue
        if past_only and _looks_ahead(text, expr):
            continue
        value, _ = resolve(expr, None)
        if value is None:
            continue
        if expr.kind == "decade":
            points = [value.split("/")[0]]
        elif value.startswith("../"):
            continue
        else:
            points = [p for p in value.split("/") if p != ".."]
        for p in points:
            if best is None or _key(p) > _key(best):
                best = p
    return best


# --------------------------------------------------------------------------- publication estimate
# (see the module docstring)


@dataclass(frozen=True, slots=True)
class Tenure:
    """A post a person held: its title and its start and end as written ("2014-10", "2016"; None open)."""

    title: str
    start: str | None
    end: str | None


@dataclass(frozen=True, slots=True)
class Landmark:
    """A known, dated event named at ``start:end`` ("Resolution 2270"), which began on ``first``."""

    start: int
    end: int
    name: str
    first: date


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A known person named at ``start:end`` in the text, with every post the person held."""

    start: int
    end: int
    name: str
    tenures: tuple[Tenure, ...]


@dataclass(frozen=True, slots=True)
class PublishedEstimate:
    """A publication date estimated from content: the window ``lo..hi`` (None: open) and its value.

    ``precision`` is "year", "month" or "day" when the window pins at least the year, else
    "unknown" (``value`` is then only the earliest date the content allows). ``basis`` says which
    constraints gave the window.
    """

    value: str | None
    precision: DatePrecision
    lo: date | None
    hi: date | None
    basis: str


_Interval = tuple[date, date]
_FUTURE_CUE = re.compile(r"\b(?:will|would|shall|plans?|planned|planning|scheduled|upcoming|expected|due|aims?|"
                         r"aiming|targets?|forecasts?|projected|next)\b|['’]ll\b", re.I)
_SENTENCE_END = re.compile(r"[.!?\n]")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[()]")
_CLAUSE_END = re.compile(r"[.!?;:,\n\"“”]")
# words just before a title that make it a former, later or other post ("former", "then-", "vice")
_CANCEL = frozenset({"former", "ex", "then", "late", "erstwhile", "onetime", "previous", "future", "incoming",
                     "retired", "designate", "elect"})
_NEW = frozenset({"new", "newly"})
_OTHER_OFFICE = frozenset({"vice", "deputy", "assistant", "under", "acting", "associate", "junior", "senior",
                           "shadow", "first", "co", "sub", "honorary", "special", "chief", "principal", "lieutenant"})
_LINKS = frozenset({"of", "the", "for", "to", "in", "on"})
_ARTICLES = frozenset({"the", "a", "an", "appointed", "named", "elected"})
_NEW_IN_POST = timedelta(days=366)  # "the new foreign minister": within a year of taking the post


def _looks_ahead(text: str, expr: DateExpression) -> bool:
    """Is the date a target or plan ("by 2030", a sentence with "will"), not something already past?"""
    before = text[max(0, expr.start - 12):expr.start].lower()
    if re.search(r"\bby\s+$", before):
        return True
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, expr.start)]
    end = _SENTENCE_END.search(text, expr.end)
    sentence = text[starts[-1] if starts else 0:end.start() if end else len(text)]
    return bool(_FUTURE_CUE.search(sentence))


def _words(text: str) -> list[str]:
    return [t.group(0) for t in _TOKEN.finditer(text)]


def _title_words(title: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _words(title)]


def _same(words: list[str], title: list[str]) -> bool:
    return [w.lower().replace("’", "'") for w in words] == title


def _qualifier(word: str) -> bool:
    """A word that may stand between a title and the name: a state or body ("of the DPRK", "(DPRK)")."""
    return word[0].isupper() or word in ("(", ")") or word.lower() in _LINKS


def _title_before(words: list[str], title: list[str]) -> tuple[int, str] | None:
    """The title closing the words before a name ("US Secretary of State" Rex Tillerson), with what the
    words before it say: "", "new" or "cancel"."""
    n = len(title)
    for i in range(len(words) - n, -1, -1):
        if not _same(words[i:i + n], title):
            continue
        if not all(_qualifier(w) for w in words[i + n:]):
            return None
        return i, _marker(words[max(0, i - 3):i])
    return None


def _title_after(words: list[str], title: list[str]) -> str | None:
    """The title of an apposition after a name ("Matsegora, the Russian ambassador to North Korea")."""
    n = len(title)
    if len(words) < n or not _same(words[-n:], title):
        return None
    lead = words[:-n]
    if not all(w.lower() in _ARTICLES | _CANCEL | _NEW or w[0].isupper() for w in lead):
        return None
    return _marker(lead)


def _marker(lead: list[str]) -> str:
    lowered = {w.lower() for w in lead}
    if lowered & _CANCEL:
        return "cancel"
    if lead and lead[-1].lower() in _OTHER_OFFICE:
        return "cancel"  # "Vice Foreign Minister": another post than "foreign minister"
    return "new" if lowered & _NEW else ""


def _tenure_interval(tenure: Tenure, new: bool) -> _Interval | None:
    lo = first_day(tenure.start) if tenure.start else date.min
    hi = last_day(tenure.end) if tenure.end else date.max
    if lo is None or hi is None:
        return None
    if new:
        start_last = last_day(tenure.start)
        if start_last is None:
            return None
        hi = min(hi, start_last + _NEW_IN_POST)
    return lo, hi


def _person_constraint(text: str, person: PersonMention, floor: int, ceiling: int) -> tuple[list[_Interval], str]:
    """The days the text allows for this mention: while the person held the post the title names."""
    before = text[max(floor, person.start - 200):person.start]
    before = re.sub(r",\s*$", "", before)  # "Russia's foreign minister, Sergei Lavrov"
    cut = list(_CLAUSE_END.finditer(before))
    before_words = _words(before[cut[-1].end():] if cut else before)
    after_text = text[person.end:min(ceiling, person.end + 200)]
    appos = re.match(r"\s*,\s*([^.!?;:,\n()\"“”—–]*)", after_text)
    after_words = _words(appos.group(1)) if appos else []
    intervals: list[_Interval] = []
    titles: list[str] = []
    for tenure in person.tenures:
        title = _title_words(tenure.title)
        if not title:
            continue
        found = _title_before(before_words, title)
        marker = found[1] if found else _title_after(after_words, title)
        if marker is None or marker == "cancel":
            continue
        interval = _tenure_interval(tenure, marker == "new")
        if interval is not None:
            intervals.append(interval)
            titles.append(f"{'new ' if marker == 'new' else ''}{tenure.title}")
    return intervals, f"{person.name} as {' or '.join(dict.fromkeys(titles))}" if titles else ""


def _intersect(a: list[_Interval], b: list[_Interval]) -> list[_Interval]:
    return [(max(x[0], y[0]), min(x[1], y[1])) for x in a for y in b if max(x[0], y[0]) <= min(x[1], y[1])]


def _byline_days(lines: Iterable[str], window: list[_Interval]) -> tuple[date, str] | None:
    """A month and day without a year in a byline or dateline that falls in only one year of the window."""
    lo, hi = min(i[0] for i in window), max(i[1] for i in window)
    if lo == date.min or hi == date.max or hi.year - lo.year > 50:
        return None
    fits: dict[date, str] = {}
    for line in lines:
        for expr in find_dates(line):
            if expr.kind != "partial":
                continue
            for year in range(lo.year, hi.year + 1):
                value, precision = resolve(expr, f"{year:04d}-12-31")
                day = first_day(value) if precision == "day" and value and value[:4] == f"{year:04d}" else None
                if day is not None and any(a <= day <= b for a, b in window):
                    fits[day] = expr.text
    if len(fits) != 1:
        return None
    return next(iter(fits.items()))


def _latest_landmark(text: str, landmarks: Iterable[Landmark]) -> Landmark | None:
    """The latest-beginning known event the text names outside a look-ahead sentence."""
    best: Landmark | None = None
    for landmark in landmarks:
        expr = DateExpression(landmark.start, landmark.end, text[landmark.start:landmark.end], "absolute")
        if _looks_ahead(text, expr):
            continue
        if best is None or landmark.first > best.first:
            best = landmark
    return best


def _this_year_dates(text: str, lo: date, hi: date) -> tuple[date, str] | None:
    """Dates written without a year ("on April 28", "since June") in sentences that look back: news
    style leaves the year off dates of the year the text is in (the current one, or one it has just
    named), so such a date that falls later in the year of ``lo`` than ``lo`` moves the estimate to it.
    One earlier in that year ("in July" after "27 September 2019") says nothing: the year was given."""
    best: tuple[date, str] | None = None
    for expr in find_dates(text):
        if expr.kind not in ("partial", "open_range", "range") or re.search(r"\d{4}", expr.text):
            continue
        if _looks_ahead(text, expr):
            continue
        point = re.sub(r"^(?:since|from|after|until|till)\s+", "in ", expr.text, flags=re.I)  # "since June": in June
        value, _ = resolve(point, lo.isoformat(), future=True)
        day = first_day(value.split("/")[0]) if value and not value.startswith("..") else None
        if day is not None and day.year == lo.year and lo <= day <= hi and (best is None or day > best[0]):
            best = (day, expr.text)
    return best


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6,
             "7th": 7, "8th": 8, "9th": 9, "10th": 10}


@lru_cache(maxsize=1)
def _term_patterns() -> tuple[tuple[re.Pattern[str], str, dict[int, date]], ...]:
    """Each leader's "X's Nth term" pattern with the dates of the votes that won the terms (terms.yaml)."""
    raw = yaml.safe_load(resources.files("dyad.actors").joinpath("data", "terms.yaml").read_text(encoding="utf-8"))
    found = []
    ordinals = "|".join(_ORDINALS)
    for entry in raw or []:
        names = "|".join(re.escape(str(n)) for n in sorted(entry["names"], key=len, reverse=True))
        pattern = re.compile(rf"\b(?:{names})['’]s\s+({ordinals})\s+(?:(?:presidential|consecutive|straight|"
                             rf"full|six-year|five-year|four-year)\s+)?term\b", re.I)
        terms = {int(k): v if isinstance(v, date) else date.fromisoformat(str(v)) for k, v in entry["terms"].items()}
        found.append((pattern, str(entry["leader"]), terms))
    return tuple(found)


def term_landmarks(text: str) -> list[Landmark]:
    """A leader's numbered term named as held ("Putin's fifth term"): the text was written after the vote
    that won it (terms.yaml). The possessive form only: "a bid for a fifth term" may come before the vote."""
    found: list[Landmark] = []
    for pattern, leader, terms in _term_patterns():
        for m in pattern.finditer(text):
            won = terms.get(_ORDINALS[m.group(1).lower()])
            if won is not None:
                found.append(Landmark(m.start(), m.end(), f"{leader}'s {m.group(1).lower()} term", won))
    return found


def estimate_publication(text: str, people: Iterable[PersonMention] = (),
                         datelines: Iterable[str] = (), landmarks: Iterable[Landmark] = ()) -> PublishedEstimate:
    """Estimate when an undated text was written from what it says (see the section comment above).

    ``people`` are the known persons the text names (their spans and posts); ``datelines`` the
    byline/dateline lines the cleaner removed; ``landmarks`` the known events it names (their
    spans and first days). Conflicting constraints are dropped, never guessed between: the
    estimate then falls back to the latest date mentioned, as a lower bound only.
    """
    mentioned = _latest_mentioned(text)
    past = _latest_mentioned(text, past_only=True)
    floor = first_day(past) if past else None
    basis = [f"after {past} (latest past date mentioned)"] if past else []
    landmark = _latest_landmark(text, landmarks)
    if landmark is not None and (floor is None or landmark.first > floor):
        floor = landmark.first
        basis = [f"after {landmark.first.isoformat()} ({landmark.name!r}, the latest known event named)"]
    window: list[_Interval] = [(floor or date.min, date.max)]
    found = sorted(people, key=lambda p: p.start)
    with_people = window
    people_basis: list[str] = []
    for k, person in enumerate(found):
        floor_at = found[k - 1].end if k else 0
        ceiling_at = found[k + 1].start if k + 1 < len(found) else len(text)
        intervals, said = _person_constraint(text, person, floor_at, ceiling_at)
        if intervals:
            with_people = _intersect(with_people, intervals)
            people_basis.append(said)
    if with_people:
        window = with_people
        basis.extend(dict.fromkeys(people_basis))
    elif people_basis:
        basis.append(f"ignored as contradictory: {'; '.join(dict.fromkeys(people_basis))}")
    lo, hi = min(i[0] for i in window), max(i[1] for i in window)
    lo_or_none = None if lo == date.min else lo
    hi_or_none = None if hi == date.max else hi
    if hi_or_none:
        basis.append(f"window {lo_or_none or '..'}..{hi_or_none}")
    byline = _byline_days(datelines, window)
    if byline is not None:
        day, said = byline
        basis.append(f"byline {said!r}")
        return PublishedEstimate(day.isoformat(), "day", day, day, "; ".join(basis))
    if lo_or_none and hi_or_none and lo.year == hi.year:
        if lo.month == hi.month:
            return PublishedEstimate(lo.isoformat()[:7], "month", lo, hi, "; ".join(basis))
        return PublishedEstimate(lo.isoformat()[:4], "year", lo, hi, "; ".join(basis))
    # too wide to pin the year: the earliest date the content allows, a lower bound
    if lo_or_none:
        this_year = _this_year_dates(text, lo, hi)
        if this_year is not None and this_year[0] > lo:
            lo = lo_or_none = this_year[0]
            basis.append(f"on or after {lo.isoformat()} ({this_year[1]!r} written without a year)")
    value = mentioned
    if lo_or_none and (value is None or (first_day(value) or date.min) < lo):
        value = lo.isoformat()
    return PublishedEstimate(value, "unknown", lo_or_none, hi_or_none, "; ".join(basis) or "no clue")
