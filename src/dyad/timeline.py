"""Date expressions: find them in text and resolve them against the publication date.

A small regular-expression grammar finds the expressions (absolute dates, dates without a
year, expressions relative to the publication date, ranges, open ranges and decades) and says
which parts they fix. ``dateparser`` does the calendar arithmetic where it is reliable (full
dates in any common layout, weekdays, "yesterday", "three days ago"), with ``RELATIVE_BASE``
set to the publication date. The grammar covers what dateparser gets wrong here ("last
September", "on the 20th (local time)", "on the 2nd", past/future preference for day-of-month).

Values follow the gold format: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a range ``start/end``
where an open end is ``..``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

import dateparser

from dyad.model import DatePrecision

__all__ = ["DateExpression", "find_dates", "first_day", "last_day", "offset", "precision_of", "resolve", "shift"]


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date or time expression: a character span in the text given to :func:`find_dates`."""

    start: int
    end: int
    text: str
    kind: str  # "absolute" | "partial" | "relative" | "range" | "open_range" | "decade"


# --------------------------------------------------------------------------- vocabulary

_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
}
_ORD_WORDS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4,
                              "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_NUM_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 0,
}

# Full month names are matched capitalised only ("may" and "march" are also verbs);
# abbreviations only where a day number follows.
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH_ANY = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_ORD = r"(?:st|nd|rd|th)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_REL = r"(?:last|next|this|past|coming|previous)"
_UNIT = r"(?:day|week|month|year)"
_LOCAL = r"(?:\s*\((?:local|[A-Z]{2,5})\s+time\))?"
_HALF = r"(?:(?:first|second|1st|2nd)\s+half|(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\s+quarter)"
_YEARREF = rf"(?:{_YEAR}|(?:this|last|next|the\s+previous|the\s+current|the\s+coming)\s+year)"

# A point in time usable inside ranges: full date, month-year, month, year, or relative year.
_POINT = (
    rf"(?:{_DAY}{_ORD}?\s+(?:of\s+)?{_MONTH_ANY},?\s+{_YEAR}"
    rf"|{_MONTH_ANY}\s*{_DAY}{_ORD}?,?\s+{_YEAR}"
    rf"|{_MONTH_FULL},?\s+(?:of\s+)?{_YEAR}"
    rf"|{_MONTH_ANY}\s*{_DAY}{_ORD}?(?!\d)"
    rf"|{_DAY}{_ORD}?\s+(?:of\s+)?{_MONTH_FULL}"
    rf"|(?:last|this|next)\s+(?:year|month|{_MONTH_FULL})"
    rf"|(?:(?:early|mid|late)[\s-])?{_MONTH_FULL}"
    rf"|(?:(?:early|mid|late)[\s-])?{_YEAR})"
)

_YEAR_BEFORE_OK = {
    "in", "since", "by", "until", "till", "from", "to", "through", "during", "before", "after",
    "of", "early", "late", "mid", "around", "circa", "year", "between", "and", "or", "the",
    "for", "spring", "summer", "autumn", "fall", "winter", "as", "than", "at", "its",
    "end", "beginning", "start", "throughout", "unlike", "like", "c", "ca",
}
_YEAR_AFTER_OK = {"was", "is", "saw", "marked", "has", "had", "will", "became", "brought", "witnessed"}
_YEAR_BLOCK_BEFORE = {
    "resolution", "resolutions", "no", "number", "nos", "article", "room", "flight", "route",
    "highway", "page", "code", "model", "hill", "unit", "section", "paragraph", "item", "decree",
}

# --------------------------------------------------------------------------- grammar

Handler = Callable[[re.Match[str], "_Ctx"], "tuple[str | None, DatePrecision]"]


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    kind: str
    handler: Handler
    check: Callable[[str, int, int], bool] | None = None


@dataclass(frozen=True, slots=True)
class _Ctx:
    """The publication date as a base: the latest (past) or earliest (future) day it allows."""

    base: date | None
    precision: DatePrecision
    future: bool


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def precision_of(value: str) -> DatePrecision:
    """The precision a gold-format date carries: "2016" year, "2016-05" month, "2016-05-03" day, "a/b" range."""
    if "/" in value:
        return "range"
    precisions: dict[int, DatePrecision] = {4: "year", 7: "month", 10: "day"}
    return precisions.get(len(value), "unknown")


def first_day(value: str | date | None) -> date | None:
    """The first day of a partial ISO date ("2014" → 2014-01-01, "2014-05" → 2014-05-01); None if invalid."""
    if value is None or isinstance(value, date):
        return value
    try:
        parts = [int(p) for p in str(value).split("/")[0].split("-")]
        while len(parts) < 3:
            parts.append(1)
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def last_day(value: str | None) -> date | None:
    """The last day of a partial ISO date ("2014" → 2014-12-31, "2014-05" → 2014-05-31); None if invalid."""
    if value is None:
        return None
    parts = str(value).split("/")[-1].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 12
        d = int(parts[2]) if len(parts) > 2 else calendar.monthrange(y, m)[1]
        return date(y, m, d)
    except (ValueError, IndexError):
        return None


_prec = precision_of


def _truncate(value: str, precision: DatePrecision) -> str:
    """Cut a day/month value to what the publication date allows us to know."""
    if precision == "year":
        return value[:4]
    if precision == "month":
        return value[:7]
    return value


def _ok(value: str | None) -> tuple[str | None, DatePrecision]:
    if value is None:
        return None, "unknown"
    return value, _prec(value)


def _dp(text: str, ctx: _Ctx) -> date | None:
    """dateparser with the publication date as the relative base."""
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future" if ctx.future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if ctx.base is not None:
        settings["RELATIVE_BASE"] = datetime(ctx.base.year, ctx.base.month, ctx.base.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _month_day(m: int, d: int, ctx: _Ctx) -> str | None:
    """The most recent (or, with future, the next) m/d not after (before) the publication date."""
    if ctx.base is None:
        return None
    b = ctx.base
    y = b.year
    if ctx.future:
        if (m, d) < (b.month, b.day):
            y += 1
    elif (m, d) > (b.month, b.day):
        y -= 1
    while not _valid(y, m, d):  # 29 February
        y += 1 if ctx.future else -1
    return _fmt(y, m, d)


def _month_only(m: int, ctx: _Ctx, *, strict: bool = False) -> str | None:
    """The most recent month m not after the publication month (strictly before with strict)."""
    if ctx.base is None:
        return None
    b = ctx.base
    y = b.year
    if ctx.future:
        if m < b.month or (strict and m == b.month):
            y += 1
    elif m > b.month or (strict and m == b.month):
        y -= 1
    return _fmt(y, m)


def _day_of_month(d: int, ctx: _Ctx, rel: str | None = None) -> str | None:
    """"on the 20th": in the publication month when it fits, else the month before/after."""
    if ctx.base is None:
        return None
    b = ctx.base
    y, m = b.year, b.month
    if rel == "last":
        y, m = _add_months(y, m, -1)
    elif rel == "next":
        y, m = _add_months(y, m, 1)
    elif rel is None and ctx.precision == "day":
        if ctx.future and d < b.day:
            y, m = _add_months(y, m, 1)
        elif not ctx.future and d > b.day:
            y, m = _add_months(y, m, -1)
    if not _valid(y, m, d):
        return None
    if ctx.precision == "year":
        return _fmt(y)
    return _fmt(y, m, d)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _rel_shift(word: str) -> int:
    w = word.lower()
    if w in ("last", "past", "previous"):
        return -1
    if w in ("next", "coming"):
        return 1
    return 0


def _year_of(text: str, ctx: _Ctx) -> int | None:
    """A year given as digits or as "this/last/next year"."""
    t = text.strip().lower()
    if re.fullmatch(r"\d{4}", t):
        return int(t)
    if ctx.base is None:
        return None
    word = t.split()[-2] if len(t.split()) >= 2 else "this"
    return ctx.base.year + _rel_shift(word)


# --- handlers: each returns (value, precision) -------------------------------------------


def _h_iso(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    return _ok(_fmt(y, mo, d) if _valid(y, mo, d) else None)


def _h_full(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    y, mo, d = int(m["y"]), _month(m["mon"]), int(m["d"])
    if not _valid(y, mo, d):
        return None, "unknown"
    parsed = _dp(f"{d} {calendar.month_name[mo]} {y}", ctx)  # dateparser validates the calendar
    return _ok(parsed.isoformat() if parsed else _fmt(y, mo, d))


def _h_month_year(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    return _ok(_fmt(int(m["y"]), _month(m["mon"])))


def _h_year(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    return _ok(_fmt(int(m["y"])))


def _h_month_day(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    mo, d = _month(m["mon"]), int(m["d"])
    if not 1 <= d <= 31:
        return None, "unknown"
    return _ok(_month_day(mo, d, ctx))


def _h_nth(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    rel = m["rel"].lower() if m["rel"] else None
    value = _day_of_month(int(m["d"]), ctx, rel)
    return _ok(value)


def _h_simple_rel(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    if ctx.base is None:
        return None, "unknown"
    word = m["w"].lower()
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[word]
    return _ok(_truncate((ctx.base + timedelta(days=offset)).isoformat(), ctx.precision))


def _h_ago(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    if ctx.base is None:
        return None, "unknown"
    parsed = _dp(m.group(0), ctx)
    if parsed is None:
        return None, "unknown"
    unit = m["u"].lower().rstrip("s")
    value = parsed.isoformat()
    value = {"year": value[:4], "month": value[:7]}.get(unit, value)
    return _ok(_truncate(value, ctx.precision))


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    if ctx.base is None:
        return None, "unknown"
    rel = (m["rel"] or "").lower()
    want = _WEEKDAYS.index(m["wd"].lower())
    b = ctx.base
    diff = (want - b.weekday()) % 7
    if rel == "next" or (ctx.future and rel != "last"):
        day = b + timedelta(days=diff or 7) if rel == "next" else b + timedelta(days=diff)
        if rel != "next" and diff:  # the publication's own weekday is that day ("will start on Sunday"
            parsed = _dp(m["wd"], ctx)  # in a Sunday paper), not a week on as dateparser has it
            day = parsed if parsed is not None and parsed >= b else day
    else:
        day = b - timedelta(days=(b.weekday() - want) % 7 or (7 if rel == "last" else 0))
    return _ok(_truncate(day.isoformat(), ctx.precision))


class _Groups(Protocol):
    def __getitem__(self, key: str) -> Any: ...


def _h_rel_unit(m: _Groups, ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    """last/this/next week|month|year, earlier this year, late last year."""
    if ctx.base is None:
        return None, "unknown"
    b = ctx.base
    shift = _rel_shift(m["rel"])
    unit = m["u"].lower()
    if unit == "year":
        return _ok(_fmt(b.year + shift))
    if unit == "month":
        y, mo = _add_months(b.year, b.month, shift)
        return _ok(_truncate(_fmt(y, mo), ctx.precision))
    if unit == "decade":
        return None, "unknown"
    monday = b - timedelta(days=b.weekday()) + timedelta(weeks=shift)
    sunday = monday + timedelta(days=6)
    if ctx.precision != "day":
        return _ok(_truncate(monday.isoformat(), ctx.precision))
    return _ok(f"{monday.isoformat()}/{sunday.isoformat()}")


def _h_rel_month(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    """last September, this March, next May."""
    if ctx.base is None:
        return None, "unknown"
    mo = _month(m["mon"])
    rel = m["rel"].lower()
    b = ctx.base
    if rel == "this":
        return _ok(_fmt(b.year, mo))
    if rel == "next":
        return _ok(_month_only(mo, _Ctx(b, ctx.precision, True), strict=True))
    return _ok(_month_only(mo, _Ctx(b, ctx.precision, False), strict=True))


def _h_month_alone(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    return _ok(_month_only(_month(m["mon"]), ctx))


def _h_decade(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    digits = m["dec"]
    start = int(digits)
    if len(digits) == 2:
        start += 1900 if start >= 30 else 2000
    if start % 10:
        return None, "unknown"
    part = (m["part"] or "").lower()
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part, (0, 9))
    return _ok(f"{start + lo}/{start + hi}")


def _h_half(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    y = _year_of(m["yr"], ctx)
    if y is None:
        return None, "unknown"
    words = m["part"].lower().split()
    n = _ORD_WORDS[words[0]]
    if words[-1] == "half":
        lo, hi = (1, 6) if n == 1 else (7, 12)
    else:
        lo, hi = 3 * n - 2, 3 * n
    return _ok(f"{_fmt(y, lo)}/{_fmt(y, hi)}")


def _h_season(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    lo, hi = _SEASONS[m["season"].lower()]
    if m["y"]:
        y = int(m["y"])
    elif m["rel"] and ctx.base is not None:
        y = ctx.base.year + _rel_shift(m["rel"])
        if m["rel"].lower() == "last" and ctx.base.month <= hi and lo != 12:
            pass  # "last summer" in May: the summer of the previous year (shift already -1)
        elif m["rel"].lower() == "last" and ctx.base.month > hi and lo != 12:
            y += 1  # "last summer" in October: this year's summer
    else:
        return None, "unknown"
    if lo == 12:
        return _ok(f"{_fmt(y, 12)}/{_fmt(y + 1, 2)}")
    return _ok(f"{_fmt(y, lo)}/{_fmt(y, hi)}")


def _point(text: str, ctx: _Ctx) -> str | None:
    """Resolve one end of a range (a full date, a month, a year, or a relative year/month)."""
    text = re.sub(r"^(?:early|mid|late)[\s-]+", "", text.strip())
    for rule in _POINT_RULES:
        m = rule.pattern.fullmatch(text)
        if m:
            return rule.handler(m, ctx)[0]
    return None


def _h_since(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    p = _point(m["p"], _Ctx(ctx.base, ctx.precision, False))  # "since" always looks back
    if p is None:
        return None, "unknown"
    return f"{p}/..", "range"


def _h_until(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    p = _point(m["p"], ctx)
    return (f"../{p}", "range") if p else (None, "unknown")


def _h_between(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    a_text, b_text = m["a"], m["b"]
    # "from 3 to 5 May 2024", "between March and May 2024": the right end lends its year/month.
    year = re.search(rf"{_YEAR}$", b_text)
    if year and not re.search(_YEAR, a_text):
        if re.fullmatch(rf"{_DAY}{_ORD}?", a_text.strip()):
            mon = re.search(_MONTH_ANY, b_text)
            if mon:
                a_text = f"{a_text.strip()} {mon.group(0)} {year.group(0)}"
        elif re.fullmatch(_MONTH_FULL, a_text.strip()):
            a_text = f"{a_text.strip()} {year.group(0)}"
    a = _point(a_text, ctx)
    if m["b"].strip().isdigit() and len(m["b"].strip()) == 2 and a is not None:
        b: str | None = a[:2] + m["b"].strip()  # 2014-15
    else:
        b = _point(b_text, ctx)
    if a is None or b is None:
        return None, "unknown"
    if a[:4] > b[:4] and len(a) == len(b) == 7 and re.fullmatch(_MONTH_FULL, m["a"].strip()):
        a = _fmt(int(b[:4]), int(a[5:7]))  # "from March to May" resolved across a year boundary
    return f"{a}/{b}", "range"


def _h_day_range(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    """"12-14 June 2024", "June 12-14, 2024"."""
    y, mo = int(m["y"]), _month(m["mon"])
    d1, d2 = int(m["d1"]), int(m["d2"])
    if not (_valid(y, mo, d1) and _valid(y, mo, d2)) or d1 >= d2:
        return None, "unknown"
    return f"{_fmt(y, mo, d1)}/{_fmt(y, mo, d2)}", "range"


def _h_end_of(m: re.Match[str], ctx: _Ctx) -> tuple[str | None, DatePrecision]:
    """the end/beginning of 2014 / of last year."""
    y = _year_of(m["yr"], ctx)
    if y is None:
        return None, "unknown"
    return _ok(_fmt(y, 12 if m["edge"].lower() == "end" else 1))


def _year_context_ok(text: str, start: int, end: int) -> bool:
    """Is a bare 4-digit number a year here? ("in 2016", "2015 was"; not "Resolution 2016")."""
    before = text[max(0, start - 30):start]
    after = text[end:end + 30]
    if re.search(r"[$€£¥₩₽#]\s*$|No\.\s*$|[\d.,]$", before):
        return False
    if re.match(r"\s*(?:%|per\s?cent|percent|[-–]\s*[a-z]|,\d|\.\d)", after, re.I):
        return False
    prev = re.search(r"([A-Za-z]+)[\s,(]*$", before)
    prev_word = prev.group(1).lower() if prev else ""
    if prev_word in _YEAR_BLOCK_BEFORE:
        return False
    nxt = re.match(r"[\s,]*([A-Za-z]+)", after)
    next_word = nxt.group(1).lower() if nxt else ""
    if next_word in _COUNT_BLOCK_AFTER:
        return False
    if prev_word in _YEAR_BEFORE_OK or next_word in _YEAR_AFTER_OK:
        return True
    # at the start of a sentence or clause ("2015, however, ..."), or in brackets "(2016)"
    return bool(re.search(r"(?:^|[.!?;(\u2013\u2014]\s*)$", before)) and not re.match(r"\s*[a-z]", after)


_COUNT_BLOCK_AFTER = {
    "troops", "soldiers", "people", "tons", "tonnes", "km", "kilometres", "kilometers", "miles",
    "million", "billion", "thousand", "dollars", "euros", "won", "yuan", "yen", "roubles", "rubles",
    "workers", "missiles", "shells", "units", "persons", "men", "women", "children", "kg", "barrels",
    "cars", "vehicles", "ships", "aircraft", "rounds", "refugees", "tourists", "students", "meters",
    "metres", "feet", "hectares", "times", "members", "percent", "pieces", "items", "containers",
}


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_B = r"(?<![\w$€£¥₩₽])"  # not inside a word or right after a currency sign
_E = r"(?![\w%])"

# Point rules: used to resolve the ends of ranges (matched with fullmatch).
_POINT_RULES: list[_Rule] = [
    _Rule(_c(rf"(?P<d>{_DAY}){_ORD}?\s+(?:of\s+)?(?P<mon>{_MONTH_ANY}),?\s+(?P<y>{_YEAR})"), "absolute",
          _h_full),
    _Rule(_c(rf"(?P<mon>{_MONTH_ANY})\s*(?P<d>{_DAY}){_ORD}?,?\s+(?P<y>{_YEAR})"), "absolute", _h_full),
    _Rule(_c(rf"(?P<mon>{_MONTH_FULL}),?\s+(?:of\s+)?(?P<y>{_YEAR})"), "absolute", _h_month_year),
    _Rule(_c(rf"(?P<mon>{_MONTH_ANY})\s*(?P<d>{_DAY}){_ORD}?"), "partial", _h_month_day),
    _Rule(_c(rf"(?:the\s+)?(?P<d>{_DAY}){_ORD}?\s+(?:of\s+)?(?P<mon>{_MONTH_FULL})"), "partial",
          _h_month_day),
    _Rule(_c(rf"(?P<rel>last|this|next)\s+(?P<mon>{_MONTH_FULL})"), "relative", _h_rel_month),
    _Rule(_c(r"(?P<rel>last|this|next|the\s+previous|the\s+current)\s+(?P<u>year|month)"), "relative",
          lambda m, c: _h_rel_unit(_RelMatch(m), c)),
    _Rule(_c(rf"(?P<mon>{_MONTH_FULL})"), "partial", _h_month_alone),
    _Rule(_c(rf"(?P<y>{_YEAR})"), "absolute", _h_year),
]

# Search rules: everything find_dates looks for. Longest non-overlapping matches win.
_RULES: list[_Rule] = [
    # ranges and open ranges
    _Rule(_c(rf"(?i:\b(?P<w>since|ever\s+since|starting\s+(?:in|from)|as\s+of))\s+(?P<p>{_POINT}){_E}"),
          "open_range", _h_since),
    _Rule(_c(rf"(?i:\b(?P<w>until|till|through|up\s+to))\s+(?P<p>{_POINT}){_E}"), "open_range", _h_until),
    _Rule(_c(rf"(?i:\b(?:between|from))\s+(?P<a>{_POINT})\s+(?:and|to|until|till|through|[-–])\s+"
             rf"(?P<b>{_POINT}){_E}"), "range", _h_between),
    _Rule(_c(rf"(?i:\bfrom)\s+(?P<a>{_DAY}{_ORD}?)\s+(?:to|until|till|through|[-–])\s+(?P<b>{_POINT}){_E}"),
          "range", _h_between),
    _Rule(_c(rf"(?i:\bin)\s+(?P<a>{_YEAR})\s+and\s+(?P<b>{_YEAR}){_E}"), "range", _h_between),
    _Rule(_c(rf"{_B}(?P<a>{_YEAR})\s*[-–/]\s*(?P<b>{_YEAR}|\d\d){_E}"), "range", _h_between),
    _Rule(_c(rf"{_B}(?P<d1>{_DAY})\s*[-–]\s*(?P<d2>{_DAY})\s+(?P<mon>{_MONTH_FULL}),?\s+(?P<y>{_YEAR}){_E}"),
          "range", _h_day_range),
    _Rule(_c(rf"(?P<mon>{_MONTH_FULL})\s+(?P<d1>{_DAY})\s*[-–]\s*(?P<d2>{_DAY}),?\s+(?P<y>{_YEAR}){_E}"),
          "range", _h_day_range),
    _Rule(_c(rf"(?i:\bthe\s+)(?P<part>(?i:{_HALF}))\s+of\s+(?P<yr>(?i:{_YEARREF})){_E}"), "range", _h_half),
    _Rule(_c(rf"(?i:\b(?:the\s+)?(?:(?P<rel>last|this|next)\s+)?)(?P<season>(?i:spring|summer|autumn|fall|winter))"
             rf"(?:(?i:\s+of)?\s+(?P<y>{_YEAR}))?{_E}"), "range", _h_season),
    # decades
    _Rule(_c(r"(?i:\b(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?)(?P<dec>1[89]\d0|20\d0)'?s\b"), "decade",
          _h_decade),
    _Rule(_c(r"(?i:\bthe\s+(?:(?P<part>early|mid|late)[\s-]+)?)[’'‘](?P<dec>\d0)s\b"), "decade", _h_decade),
    # absolute
    _Rule(_c(rf"{_B}(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d){_E}"), "absolute", _h_iso),
    _Rule(_c(rf"{_B}(?:the\s+)?(?P<d>{_DAY}){_ORD}?\s+(?:of\s+)?(?P<mon>{_MONTH_ANY}),?\s+(?P<y>{_YEAR}){_E}"),
          "absolute", _h_full),
    _Rule(_c(rf"\b(?P<mon>{_MONTH_ANY})\s*(?P<d>{_DAY}){_ORD}?,?\s+(?P<y>{_YEAR}){_E}"), "absolute", _h_full),
    _Rule(_c(rf"\b(?P<mon>{_MONTH_FULL}),?\s+(?:of\s+)?(?P<y>{_YEAR}){_E}"), "absolute", _h_month_year),
    _Rule(_c(rf"(?i:\b(?:the\s+)?(?P<edge>end|beginning|start)\s+of\s+)(?P<yr>{_YEAR}|(?i:(?:this|last|next)\s+year))"
             rf"{_E}"), "relative", _h_end_of),
    _Rule(_c(rf"(?i:\b(?:early|mid|late)[\s-]+)(?P<y>{_YEAR}){_E}"), "absolute", _h_year),
    _Rule(_c(rf"{_B}(?P<y>{_YEAR}){_E}"), "absolute", _h_year, _year_context_ok),
    # partial (no year)
    _Rule(_c(rf"\b(?P<mon>{_MONTH_ANY})\s*(?P<d>{_DAY}){_ORD}?(?![\d:%]|\s*(?:%|per\s?cent|percent)|,?\s+\d)"),
          "partial", _h_month_day),
    _Rule(_c(rf"(?i:\b(?:on\s+)?the\s+)(?P<d>{_DAY}){_ORD}(?i:\s+of\s+)(?P<mon>{_MONTH_FULL}){_E}"),
          "partial", _h_month_day),
    _Rule(_c(rf"{_B}(?P<d>{_DAY}){_ORD}?\s+(?P<mon>{_MONTH_FULL}){_E}"), "partial", _h_month_day),
    _Rule(_c(rf"(?i:\b(?:early|mid|late)[\s-]+)(?P<mon>{_MONTH_FULL}){_E}"), "partial", _h_month_alone),
    _Rule(_c(rf"(?i:\b(?:in|since|by|during|until|from|of|before|after)\s+)(?P<mon>{_MONTH_FULL})(?![\w-])"),
          "partial", _h_month_alone),
    # relative to publication
    _Rule(_c(rf"(?i:\b(?:on\s+)?the\s+)(?P<d>{_DAY}){_ORD}(?:(?i:\s+of\s+)(?P<rel>(?i:this|last|next))(?i:\s+month))?"
             rf"{_LOCAL}(?!\s+(?:of|century|anniversary|[A-Z]))"), "relative", _h_nth, None),
    _Rule(_c(r"(?i:\b(?P<w>yesterday|today|tomorrow)\b)"), "relative", _h_simple_rel),
    _Rule(_c(r"(?i:\b(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)"
             r"\s+(?P<u>days?|weeks?|months?|years?)\s+ago)\b)"), "relative", _h_ago),
    _Rule(_c(rf"(?i:\b(?:on\s+)?(?:(?P<rel>last|next|this)\s+)?)(?P<wd>{_WD}){_LOCAL}\b"), "relative",
          _h_weekday),
    _Rule(_c(r"(?i:\b(?:earlier|later|early|late|(?:at\s+)?the\s+(?:end|start|beginning)\s+of)\s+)?"
             r"(?i:\b(?P<rel>last|next|this|the\s+past|the\s+coming|the\s+previous)\s+(?P<u>week|month|year)\b)"),
          "relative", lambda m, c: _h_rel_unit(_RelMatch(m), c)),
    _Rule(_c(rf"(?i:\b(?P<rel>last|next|this)\s+)(?P<mon>{_MONTH_FULL}){_E}"), "relative", _h_rel_month),
]


class _RelMatch:
    """Adapts "the past/coming year" to the last/next handler."""

    def __init__(self, m: re.Match[str]) -> None:
        self._m = m

    def __getitem__(self, key: str) -> str:
        value = self._m[key]
        if key == "rel":
            return value.lower().replace("the ", "").replace("current", "this").strip()
        return value


# --------------------------------------------------------------------------- public API


def find_dates(text: str) -> list[DateExpression]:
    """Every date or time expression in the text (non-overlapping, longest match, in order)."""
    candidates: list[tuple[int, int, str]] = []
    for rule in _RULES:
        for m in rule.pattern.finditer(text):
            s, e = m.span()
            if e <= s:
                continue
            if rule.check is not None and not rule.check(text, s, e):
                continue
            candidates.append((s, e, rule.kind))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, str]] = []
    for s, e, kind in candidates:
        if all(e <= ts or s >= te for ts, te, _ in taken):
            taken.append((s, e, kind))
    taken.sort()
    return [DateExpression(s, e, text[s:e], kind) for s, e, kind in taken]


def _parse_published(published: str | None, future: bool) -> _Ctx:
    if not published:
        return _Ctx(None, "unknown", future)
    m = re.match(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published.strip())
    if not m:
        return _Ctx(None, "unknown", future)
    y = int(m.group(1))
    if m.group(3):
        mo, d = int(m.group(2)), int(m.group(3))
        if not _valid(y, mo, d):
            return _Ctx(None, "unknown", future)
        return _Ctx(date(y, mo, d), "day", future)
    if m.group(2):
        mo = int(m.group(2))
        if not 1 <= mo <= 12:
            return _Ctx(None, "unknown", future)
        d = 1 if future else calendar.monthrange(y, mo)[1]
        return _Ctx(date(y, mo, d), "month", future)
    return _Ctx(date(y, 1, 1) if future else date(y, 12, 31), "year", future)


def resolve(
    expr: DateExpression | str, published: str | None, *, future: bool = False
) -> tuple[str | None, DatePrecision]:
    """Resolve against the publication date ("YYYY[-MM[-DD]]" or None).

    Returns the value in the gold format ("YYYY", "YYYY-MM", "YYYY-MM-DD" or "start/end" with
    ".." for an open end) and its precision. Relative and partial expressions need the
    publication date; without it they give ``(None, "unknown")``. With ``future`` a date without
    a year is the next such day on or after publication instead of the latest one on or before.
    """
    text = expr.text if isinstance(expr, DateExpression) else expr
    ctx = _parse_published(published, future)
    stripped = text.strip()
    for rule in _RULES:
        m = rule.pattern.fullmatch(stripped)
        if m:
            try:
                return rule.handler(m, ctx)
            except (ValueError, KeyError, OverflowError):
                return None, "unknown"
    found = find_dates(stripped)
    if found:
        return resolve(found[0], published, future=future)
    return None, "unknown"


_APPROXIMATE = {"about", "around", "some", "nearly", "almost", "roughly", "more", "less", "over", "under", "just"}


def offset(measure: str) -> tuple[int, str, bool] | None:
    """The distance a measure phrase gives ("a day", "three days", "about two weeks"): count, unit
    and whether it is approximate; None when it names no count ("days", "several months")."""
    words = measure.lower().replace("-", " ").split()
    if len(words) < 2:
        return None
    unit = words[-1].rstrip("s")
    count = words[-2]
    n = int(count) if count.isdigit() else _NUM_WORDS.get(count, 0)
    if unit not in ("day", "week", "month", "year") or n <= 0:
        return None
    return n, unit, any(w in _APPROXIMATE for w in words[:-2])


def shift(value: str, amount: int, unit: str, *, approximate: bool = False) -> tuple[str | None, DatePrecision]:
    """A date moved by ``amount`` days, weeks, months or years ("a day after", "three days before"),
    no finer than the shift allows: a month's shift says the month, an approximate one ("about two
    weeks") the month too. A range is not moved."""
    precision = _prec(value)
    start = first_day(value)
    if start is None or precision not in ("day", "month", "year"):
        return None, "unknown"
    if unit == "year":
        return _ok(_fmt(start.year + amount))
    if unit == "month":
        if precision == "year":
            return _ok(value)
        return _ok(_fmt(*_add_months(start.year, start.month, amount)))
    if precision != "day":  # a few days or weeks from a month or a year: that month or year
        return _ok(value)
    moved = (start + timedelta(days=amount * (7 if unit == "week" else 1))).isoformat()
    return _ok(moved[:7] if approximate else moved)
