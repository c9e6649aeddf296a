"""Metadata found in the text: dates and their precision, date/byline lines, datelines, bylines
from author bios, the outlet (copyright line, dateline, URL host) and the title hint.

Dates are parsed with dateparser, asking only for the parts the text really gives: a date
without a year ("Updated Apr.27") gives no published date rather than a guessed year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import dateparser

from ..model import DatePrecision
from .lines import WORD_RE, Line, normalise, vocabulary

__all__ = [
    "DateFound",
    "DateLine",
    "Dateline",
    "bio_author",
    "copyright_outlet",
    "date_line",
    "find_date",
    "leading_dateline",
    "outlet_from_url",
    "parse_hint_date",
]

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DATE_PATTERNS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(rf"\b{_YEAR}-[01]\d-[0-3]\d\b"), ("day", "month", "year")),
    (re.compile(rf"\b{_DAY}[./][01]?\d[./]{_YEAR}\b"), ("day", "month", "year")),
    (re.compile(rf"\b{_MONTH}\.?\s*{_DAY}\b(?:\s*,?\s*{_YEAR}\b)?", re.I), ("day", "month")),
    (re.compile(rf"\b{_DAY}\.?\s+{_MONTH}\b\.?(?:\s*,?\s*{_YEAR}\b)?", re.I), ("day", "month")),
    (re.compile(rf"\b{_MONTH}\.?,?\s+{_YEAR}\b", re.I), ("month", "year")),
    # Month names in other languages: a day, a word and a year ("19 июня 2024"); dateparser decides.
    (re.compile(rf"\b{_DAY}\.?\s+[^\W\d_]{{3,12}}\.?,?\s+{_YEAR}\b"), ("day", "month", "year")),
]
_YEAR_RE = re.compile(_YEAR)
_ENGLISH_MONTH_RE = re.compile(rf"\b{_MONTH}\b", re.I)
_MONTH_ONLY_RE = re.compile(_MONTH + r"\.?", re.I)
# a leading time ("09:28, September 19, 2012"), not the start of a numeric date ("19.02.2017")
_TIME_RE = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?![./]\d)(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*[,|-]?\s*", re.I)
_SEPARATORS_RE = re.compile(r"\s+[-–—|·•/]\s+|\s*\|\s*")
_SETTINGS_BASE = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


@dataclass(frozen=True, slots=True)
class DateFound:
    text: str
    start: int
    end: int
    iso: str | None
    precision: DatePrecision


@lru_cache(maxsize=4096)
def _parse(text: str, parts: tuple[str, ...], english: bool) -> str | None:
    settings = {**_SETTINGS_BASE, "REQUIRE_PARTS": list(parts)}
    try:
        value = dateparser.parse(text, languages=["en"] if english else None, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if value is None:
        return None
    return value.strftime({3: "%Y-%m-%d", 2: "%Y-%m", 1: "%Y"}[len(parts)])


def find_date(text: str) -> DateFound | None:
    """The first date expression in ``text`` with the precision it really has."""
    best: tuple[int, re.Match[str], tuple[str, ...], int] | None = None
    for index, (pattern, parts) in enumerate(_DATE_PATTERNS):
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), match, parts, index)
    if best is None:
        return None
    _, match, parts, index = best
    found = match.group(0).strip()
    has_year = bool(_YEAR_RE.search(found))
    wanted = list(parts)
    if has_year and "year" not in wanted:
        wanted.append("year")
    if "year" not in wanted:
        return DateFound(found, match.start(), match.end(), None, "unknown")
    english = index < len(_DATE_PATTERNS) - 1 or bool(_ENGLISH_MONTH_RE.search(found))
    spaced = found.replace(".", ". ") if "." in found and ":" not in found else found
    iso = _parse(spaced, tuple(wanted), english)
    if iso is None:
        iso = _parse(found, tuple(wanted), english)
    if iso is None:
        return None
    precision: DatePrecision = "day" if "day" in wanted else "month"
    return DateFound(found, match.start(), match.end(), iso, precision)


def parse_hint_date(value: str) -> tuple[str | None, DatePrecision]:
    """A published date given by the input record: ISO forms keep their precision."""
    value = value.strip()
    if m := re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ].*)?", value):
        year, month, day = m.groups()
        if day:
            return f"{year}-{month}-{day}", "day"
        if month:
            return f"{year}-{month}", "month"
        return year, "year"
    found = find_date(value)
    if found and found.iso:
        return found.iso, found.precision
    return None, "unknown"


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}


@dataclass(frozen=True, slots=True)
class DateLine:
    date: DateFound | None
    byline: str | None


def _name_from(tokens: list[str]) -> str | None:
    """Two to four capitalised tokens at the start of ``tokens`` (a person's name)."""
    vocab = vocabulary()
    name: list[str] = []
    for token in tokens:
        bare = token.strip(",;:")
        if not bare or not bare[0].isupper() or bare.lower() in vocab.date_cues:
            break
        if _MONTH_ONLY_RE.fullmatch(bare) or any(c.isdigit() for c in bare):
            break
        name.append(bare)
        if token.endswith((",", ";", ":")) or len(name) == 4:
            break
    return " ".join(name) if 2 <= len(name) <= 4 else None


def date_line(line: Line) -> DateLine | None:
    """A line that only gives a date, a time and/or an author ("By X Updated Apr.27")."""
    if line.n_words > 16 or (line.sentence_end and line.n_words > 10 and not line.text.endswith(")")):
        return None
    vocab = vocabulary()
    text = _TIME_RE.sub("", line.text)
    lowered = [w.lower() for w in line.words]
    found = find_date(text)
    byline: str | None = None
    if lowered and lowered[0] in vocab.byline_cues and len(line.words) > 1:
        byline = _name_from(text.split()[1:])
        if byline is None:
            return None
    elif found is None:
        return None
    else:
        head = text[: found.start].strip(" ,:-–|")
        head_words = [w.lower() for w in WORD_RE.findall(head)]
        place = head.replace(",", " ").replace(".", " ").split()
        if place and all(w.isupper() for w in place):
            head_words = []  # a dateline's place: "SINGAPORE, June 12, 2018 (Eurasia Wire)"
        if any(w not in vocab.date_cues and w not in vocab.byline_cues and w not in _WEEKDAYS
               for w in head_words):
            return None
        rest = text[found.end :]
        for segment in _SEPARATORS_RE.split(rest):
            segment = _TIME_RE.sub("", segment.strip(" ,:-–|")).strip()
            if not segment:
                continue
            words = segment.split()
            if words and words[0].lower() in vocab.byline_cues:
                words = words[1:]
            byline = _name_from(words)
            if byline and len(byline.split()) == len(words):
                break
            byline = None
    if found is None:
        found = find_date(text)
    return DateLine(found, byline)


@dataclass(frozen=True, slots=True)
class Dateline:
    prefix: str          # the stripped text, e.g. "MOSCOW, Sept. 18 (Xinhua) -- "
    outlet: str | None
    date: DateFound | None


_PAREN_OUTLET = re.compile(r"^\(\s*([^()\s][^()]{1,38}?)\s*\)\s*(?:--|[-–—:])\s*")
_PLACE_DATELINE = re.compile(
    r"^([A-Z][A-Za-z.'’ -]{1,40}?(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?)?)\s*,?\s*"
    rf"((?:{_MONTH}\.?\s*{_DAY}|{_DAY}\s+{_MONTH}\.?)(?:,?\s*{_YEAR})?)?\s*"
    r"(?:\(([^()]{2,30})\))?\s*(?:--|[-–—])\s*", re.I)


def leading_dateline(text: str) -> Dateline | None:
    """A dateline before the first sentence: "(VOVworld)- ", "MOSCOW, Sept. 18 (Xinhua) -- "."""
    if m := _PAREN_OUTLET.match(text):
        return Dateline(m.group(0), m.group(1).strip(), None)
    m = _PLACE_DATELINE.match(text)
    if not m or len(m.group(0)) > 70:
        return None
    place, when, outlet = m.group(1), m.group(2), m.group(3)
    letters = [c for c in place if c.isalpha()]
    place_is_caps = bool(letters) and all(c.isupper() for c in letters)
    if not (outlet or (place_is_caps and len(letters) >= 3)):
        return None
    return Dateline(m.group(0), outlet.strip() if outlet else None, find_date(when) if when else None)


def bio_author(line: Line, byline: str | None) -> str | None:
    """The author's name when ``line`` is an author bio ("X is an economic analyst with ...")."""
    if line.n_words > 90 or line.n_words < 5:
        return None
    vocab = vocabulary()
    tokens = line.text.split()
    if byline and normalise(line.text).startswith(normalise(byline) + " "):
        return byline
    name = _name_from(tokens[:4])
    if name is None:
        if normalise(" ".join(tokens[:2])) in {"the author", "the writer"}:
            name = ""
        else:
            return None
    after = [w.lower().strip(",.") for w in tokens[len(name.split()) if name else 2 :][:16]]
    if not after or after[0] not in {"is", "was", "has", "teaches", "writes", "covers", "works", "—", "-"}:
        return None
    if not any(w in vocab.bio_roles for w in after):
        return None
    return name or byline


_COPYRIGHT_MARK = re.compile(
    r"(?:©|\bcopy\w{0,3}ight\b|\(c\))\s*(?:©\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?\s*)?", re.I)


def copyright_outlet(text: str) -> str | None:
    """The owner named in a copyright line ("Copyright © BusinessKorea." -> "BusinessKorea")."""
    m = _COPYRIGHT_MARK.search(text)
    if not m:
        return None
    name: list[str] = []
    for token in text[m.end() :].split()[:6]:
        bare = token.strip(".,;:|")
        if not bare or not (bare[0].isupper() or bare[0].isdigit()) or any(c.isdigit() for c in bare):
            break
        if bare.lower() in {"all", "by"}:
            break
        name.append(bare)
        if token.endswith((".", ",", ";", "|")) and bare.lower() not in {"co", "inc", "ltd"}:
            break
    while name and name[-1].lower() in {"the", "and", "of"}:
        name.pop()
    return " ".join(name) if name else None


def outlet_from_url(url: str | None) -> str | None:
    """The host of ``url`` without a leading "www.", as a last resort for the outlet."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host
