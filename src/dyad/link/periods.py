"""Dates at their precision as closed intervals of days, shared by event clusters and claims.

``"2024"`` is the whole year, ``"2024-06"`` the month, ``"2024-06-19"`` one day, ``"a/b"`` a range
with ``".."`` for an open end. A date inferred from the publication date (the text gave none)
stands for the week up to that day: the article reports something recent, not necessarily that day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["OPEN_END", "OPEN_START", "Period", "months_between", "parse_period", "period_label"]

OPEN_START = date(1800, 1, 1)
OPEN_END = date(2200, 12, 31)
INFERRED_WINDOW = timedelta(days=7)
_PART = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, slots=True)
class Period:
    """A closed interval of days."""

    lo: date
    hi: date

    @property
    def days(self) -> int:
        return (self.hi - self.lo).days + 1

    def intersect(self, other: Period) -> Period | None:
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        return Period(lo, hi) if lo <= hi else None


def _bounds(part: str) -> tuple[date, date] | None:
    match = _PART.match(part.strip())
    if not match:
        return None
    year = int(match.group(1))
    try:
        if match.group(3):
            day = date(year, int(match.group(2)), int(match.group(3)))
            return day, day
        if match.group(2):
            month = int(match.group(2))
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None
    return date(year, 1, 1), date(year, 12, 31)


def parse_period(value: str | None, *, inferred: bool = False) -> Period | None:
    """The interval a date string covers, or None when undated or unreadable."""
    if not value:
        return None
    if "/" in value:
        left, right = value.split("/", 1)
        lo = OPEN_START if left.strip() in ("", "..") else (_bounds(left) or (None, None))[0]
        hi = OPEN_END if right.strip() in ("", "..") else (_bounds(right) or (None, None))[1]
        if lo is None or hi is None or lo > hi:
            return None
        return Period(lo, hi)
    bounds = _bounds(value)
    if bounds is None:
        return None
    lo, hi = bounds
    if inferred and lo == hi:
        lo = hi - INFERRED_WINDOW
    return Period(lo, hi)


def months_between(period: Period) -> list[str]:
    """The ``YYYY-MM`` months a period touches, in order."""
    out = []
    year, month = period.lo.year, period.lo.month
    while (year, month) <= (period.hi.year, period.hi.month):
        out.append(f"{year:04d}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out


def period_label(period: Period | None) -> str | None:
    """The shortest date string for a period: a day, a month, a year, or ``lo/hi``."""
    if period is None:
        return None
    lo, hi = period.lo, period.hi
    if lo == hi:
        return lo.isoformat()
    if lo.day == 1 and (lo.year, lo.month) == (hi.year, hi.month) and hi.day == calendar.monthrange(
            hi.year, hi.month)[1]:
        return f"{lo.year:04d}-{lo.month:02d}"
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return f"{lo.year:04d}"
    left = ".." if lo == OPEN_START else lo.isoformat()
    right = ".." if hi == OPEN_END else hi.isoformat()
    return f"{left}/{right}"
