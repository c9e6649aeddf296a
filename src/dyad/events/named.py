"""Named international events: "the annexation of Crimea", "the Hanoi summit", "Resolution 2270".

Articles refer to well-known past events by name, with no actor in the sentence. The knowledge
file ``data/named_events.yaml`` lists such events with their PLOVER type, parties and date; this
module loads and validates it and finds the names in a spaCy ``Doc``::

    named = NamedEvents.load()
    for match in named.find(doc, published="2019-03-01"):
        print(doc.text[match.start:match.end], match.key, match.source, match.target, match.date)

Matching is on lower-cased tokens (a spaCy ``PhraseMatcher``), so any pipeline's ``Doc`` works,
including one from ``spacy.blank("en")``. Rules:

- a leading "the" is optional, in the file and in the text (it is never part of the match);
- the longest name wins where names overlap;
- an event with ``requires`` matches only if one of its context words is in the same sentence
  (the whole text when the doc has no sentence boundaries);
- a year (or month and year) written just before a name is part of the match and must agree
  with the event's date ("the 2018 Singapore summit"); where several events share a name it
  picks one, and so does a year right after the name ("the Vladivostok summit in 2019");
  a shared name that nothing disambiguates is not matched;
- with ``published``, events that began after the publication date are not candidates.

This module does not create events in the store; the extractor decides how matches become
events (they are references to past events, so their dates come from the file, not the text).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date as Day
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..actors.kb import load_kb
from ..errors import ConfigError
from .lexicon import load_lexicon

__all__ = ["NamedEvent", "NamedEventMatch", "NamedEvents", "NamedEventsError", "load_named_events"]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_YEAR_PREPS = {"in", "of", "("}
_MIN_YEAR, _MAX_YEAR = 1900, 2100
_ENTRY_KEYS = {"key", "names", "requires", "type", "mode", "source", "target", "mutual", "date", "note"}


class NamedEventsError(ConfigError):
    """The named-events file is malformed: the message names the entry and the field to fix."""


@dataclass(frozen=True, slots=True)
class NamedEvent:
    """One entry of the named-events file."""

    key: str
    names: tuple[str, ...]
    type: str
    source: str
    target: str | None
    mutual: bool
    date: str
    first: Day  # first day the event covers
    last: Day  # last day it covers (datetime.date.max for an open range)
    mode: str | None = None
    requires: tuple[str, ...] = ()
    note: str = ""

    def overlaps(self, first: Day, last: Day) -> bool:
        return self.first <= last and first <= self.last

    def months(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """The first and last (year, month) the event covers."""
        return (self.first.year, self.first.month), (self.last.year, self.last.month)


@dataclass(frozen=True, slots=True)
class NamedEventMatch:
    """A named event found in a doc: ``start``/``end`` are character offsets into ``doc.text``."""

    start: int
    end: int
    key: str
    type: str
    source: str
    target: str | None
    mutual: bool
    date: str
    mode: str | None = None
    text: str = ""


# --------------------------------------------------------------------------- dates


def _day_bounds(value: str, where: str) -> tuple[Day, Day]:
    """First and last day of a partial ISO date ("2014" → 2014-01-01 .. 2014-12-31)."""
    m = _DATE.match(value)
    if not m:
        raise NamedEventsError(f"{where}: date part {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            return Day(year, 1, 1), Day(year, 12, 31)
        mon = int(month)
        if day is None:
            return Day(year, mon, 1), Day(year, mon, calendar.monthrange(year, mon)[1])
        exact = Day(year, mon, int(day))
    except ValueError as exc:
        raise NamedEventsError(f"{where}: {value!r} is not a calendar date ({exc})") from exc
    return exact, exact


def parse_span(value: str, where: str = "date") -> tuple[Day, Day]:
    """The days a gold-format date covers: a partial Day, or a range ``start/end`` with ``..`` open."""
    if "/" not in value:
        return _day_bounds(value, where)
    start, _, end = value.partition("/")
    if start == ".." and end == "..":
        raise NamedEventsError(f"{where}: range {value!r} is open at both ends")
    first = Day.min if start == ".." else _day_bounds(start, where)[0]
    last = Day.max if end == ".." else _day_bounds(end, where)[1]
    if first > last:
        raise NamedEventsError(f"{where}: range {value!r} ends before it starts")
    return first, last


def _as_date_text(value: Any) -> str:
    """YAML reads an unquoted 2010-03-26 as a date and 2010 as an int: accept both as text."""
    if isinstance(value, Day):
        return value.isoformat()
    return str(value).strip()


# --------------------------------------------------------------------------- loading


def _normalise_name(name: str) -> str:
    name = " ".join(str(name).lower().split())
    return name[4:] if name.startswith("the ") else name


def _strings(value: Any, where: str, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise NamedEventsError(f"{where}: `{field}` must be a list of strings")
    items = tuple(" ".join(str(v).lower().split()) for v in value)
    if any(not item for item in items):
        raise NamedEventsError(f"{where}: `{field}` has an empty item")
    return items


def _entry(raw: Any, index: int, codes: set[str], modes: Mapping[str, tuple[str, ...]]) -> NamedEvent:
    if not isinstance(raw, dict):
        raise NamedEventsError(f"event #{index + 1}: expected a mapping with key, names, type, source, date")
    key = str(raw.get("key") or "").strip()
    where = f"event {key!r}" if key else f"event #{index + 1}"
    if not key:
        raise NamedEventsError(f"{where}: `key` is missing")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise NamedEventsError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}; "
                               f"allowed: {', '.join(sorted(_ENTRY_KEYS))}")
    names = tuple(dict.fromkeys(_normalise_name(n) for n in _strings(raw.get("names"), where, "names")))
    if not names or any(not n for n in names):
        raise NamedEventsError(f"{where}: `names` must list at least one non-empty name")
    type_ = str(raw.get("type") or "")
    if type_ not in modes:
        raise NamedEventsError(f"{where}: type {type_!r} is not a PLOVER type; use one of {', '.join(sorted(modes))}")
    mode = raw.get("mode")
    if mode is not None and str(mode) not in modes[type_]:
        raise NamedEventsError(f"{where}: mode {mode!r} is not a mode of {type_}; "
                               f"use one of {', '.join(modes[type_]) or '(none)'} or leave it out")
    source = str(raw.get("source") or "")
    target = raw.get("target")
    for field, code in (("source", source), ("target", target)):
        if field == "target" and code is None:
            continue
        if str(code) not in codes:
            raise NamedEventsError(f"{where}: {field} {code!r} is not an actor code of the knowledge base "
                                   "(states.yaml or organisations.yaml)")
    if raw.get("date") is None:
        raise NamedEventsError(f"{where}: `date` is missing")
    when = _as_date_text(raw["date"])
    first, last = parse_span(when, where)
    mutual = raw.get("mutual", False)
    if not isinstance(mutual, bool):
        raise NamedEventsError(f"{where}: `mutual` must be true or false")
    return NamedEvent(key=key, names=names, type=type_, source=source, target=None if target is None else str(target),
                      mutual=mutual, date=when, first=first, last=last, mode=None if mode is None else str(mode),
                      requires=_strings(raw.get("requires"), where, "requires"), note=str(raw.get("note") or ""))


def distinguishable(a: NamedEvent, b: NamedEvent) -> bool:
    """Whether two events may share a name: disjoint context words, or dates a month and year tell apart."""
    if a.requires and b.requires and not set(a.requires) & set(b.requires):
        return True
    (a0, a1), (b0, b1) = a.months(), b.months()
    return a1 < b0 or b1 < a0


def _check_shared(by_name: Mapping[str, list[NamedEvent]]) -> None:
    for name, events in by_name.items():
        for i, a in enumerate(events):
            for b in events[i + 1:]:
                if not distinguishable(a, b):
                    raise NamedEventsError(
                        f"name {name!r} is shared by {a.key!r} and {b.key!r}, whose dates fall in the same month "
                        "and whose `requires` lists overlap: remove it from one, or give them disjoint `requires`")


def _read(path: str | Path | None) -> Any:
    if path is None:
        text = resources.files("dyad.events").joinpath("data", "named_events.yaml").read_text(encoding="utf-8")
        where = "named_events.yaml"
    else:
        text, where = Path(path).read_text(encoding="utf-8"), str(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise NamedEventsError(f"{where}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise NamedEventsError(f"{where}: expected a mapping with an `events` list")
    return data["events"]


# --------------------------------------------------------------------------- matching


def _requires_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _year(token: Any) -> int | None:
    text = token.text
    if len(text) == 4 and text.isdigit() and _MIN_YEAR <= int(text) <= _MAX_YEAR:
        return int(text)
    return None


def _month(token: Any) -> int | None:
    return _MONTHS.get(token.lower_.rstrip("."))


@dataclass(frozen=True, slots=True)
class _When:
    first: Day
    last: Day
    start: int  # token index where the expression begins (for a year before the name)


def _when_before(doc: Doc, start: int) -> _When | None:
    """'2018' or 'September 2016' right before the name."""
    if start < 1 or (year := _year(doc[start - 1])) is None:
        return None
    if start >= 2 and (month := _month(doc[start - 2])) is not None:
        return _When(Day(year, month, 1), Day(year, month, calendar.monthrange(year, month)[1]), start - 2)
    return _When(Day(year, 1, 1), Day(year, 12, 31), start - 1)


def _when_after(doc: Doc, end: int) -> _When | None:
    """'in 2019', 'of 2010', 'in April 2019', '(2013)' right after the name."""
    i = end
    if i < len(doc) and doc[i].lower_ in _YEAR_PREPS:
        i += 1
    month = _month(doc[i]) if i < len(doc) else None
    if month is not None:
        i += 1
    if i >= len(doc) or (year := _year(doc[i])) is None:
        return None
    if month is None:
        return _When(Day(year, 1, 1), Day(year, 12, 31), end)
    return _When(Day(year, month, 1), Day(year, month, calendar.monthrange(year, month)[1]), end)


def _published_day(published: str | Day | None) -> Day | None:
    if published is None or isinstance(published, Day):
        return published
    return parse_span(published.strip(), "published")[1]


class NamedEvents:
    """The named-events knowledge base and its phrase matcher; build it with :meth:`load`."""

    def __init__(self, events: list[NamedEvent], nlp: Language | None = None) -> None:
        self.entries: dict[str, NamedEvent] = {}
        for event in events:
            if event.key in self.entries:
                raise NamedEventsError(f"event {event.key!r}: the key is used twice")
            self.entries[event.key] = event
        self.by_name: dict[str, list[NamedEvent]] = {}
        for event in events:
            for name in event.names:
                self.by_name.setdefault(name, []).append(event)
        _check_shared(self.by_name)
        self._requires = {e.key: _requires_pattern(e.requires) for e in events}
        self._nlp = nlp if nlp is not None else spacy.blank("en")
        self._matcher = PhraseMatcher(self._nlp.vocab, attr="LOWER")
        for name in self.by_name:
            self._matcher.add(name, self._patterns(name))

    def _patterns(self, name: str) -> list[Doc]:
        """The name tokenised as written in lower case, Title Case and UPPER case (the tokenizer's
        special cases depend on case: 'Sept.' and 'Mt.' are one token, 'sept.' two), with either
        apostrophe; one pattern per distinct sequence of lower-cased tokens."""
        seen: dict[tuple[str, ...], Doc] = {}
        for variant in {name, name.replace("'", "\u2019")}:
            for cased in (variant, variant.title(), variant.upper()):
                doc = self._nlp.make_doc(cased)
                seen.setdefault(tuple(t.lower_ for t in doc), doc)
        return list(seen.values())

    @classmethod
    def load(cls, path: str | Path | None = None, *, nlp: Language | None = None) -> NamedEvents:
        """Load and validate a named-events file (the shipped one by default).

        ``nlp`` is the pipeline whose tokenizer builds the patterns (a blank English one by
        default); the shipped file with the default tokenizer is loaded once per process.
        """
        if path is None and nlp is None:
            return load_named_events()
        return cls._build(path, nlp)

    @classmethod
    def _build(cls, path: str | Path | None, nlp: Language | None) -> NamedEvents:
        raw = _read(path)
        kb = load_kb()
        codes = set(kb.state_names) | set(kb.organisations)
        modes = {name: t.modes for name, t in load_lexicon().types.items()}
        return cls([_entry(item, i, codes, modes) for i, item in enumerate(raw)], nlp)

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, doc: Doc, *, published: str | Day | None = None) -> list[NamedEventMatch]:
        """Named events mentioned in ``doc``, in text order, without overlaps.

        ``published`` (a date or ``YYYY[-MM[-DD]]``) rules out events that began after it.
        """
        latest = _published_day(published)
        has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        sentences: dict[int, str] = {}

        def sentence_text(i: int) -> str:
            if not has_sents:
                return sentences.setdefault(-1, doc.text.lower())
            sent = doc[i].sent
            return sentences.setdefault(sent.start, sent.text.lower())

        found: list[tuple[int, int, NamedEvent]] = []
        for match_id, start, end in self._matcher(doc):
            name = self._nlp.vocab.strings[match_id]
            candidates = [e for e in self.by_name.get(name, [])
                          if (latest is None or e.first <= latest)
                          and ((pattern := self._requires[e.key]) is None or pattern.search(sentence_text(start)))]
            chosen, first_token = self._choose(doc, start, end, candidates)
            if chosen is not None:
                found.append((first_token, end, chosen))
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        taken: set[int] = set()
        kept: list[tuple[int, int, NamedEvent]] = []
        for start, end, event in found:
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                kept.append((start, end, event))
        kept.sort(key=lambda m: m[0])
        return [self._match(doc, start, end, event) for start, end, event in kept]

    @staticmethod
    def _choose(doc: Doc, start: int, end: int, candidates: list[NamedEvent]) -> tuple[NamedEvent | None, int]:
        """The one event a name refers to, and the token where the match begins (a year before the name
        is part of it)."""
        if not candidates:
            return None, start
        before = _when_before(doc, start)
        if before is not None:
            dated = [e for e in candidates if e.overlaps(before.first, before.last)]
            return (dated[0], before.start) if len(dated) == 1 else (None, start)
        if len(candidates) > 1 and (after := _when_after(doc, end)) is not None:
            candidates = [e for e in candidates if e.overlaps(after.first, after.last)]
        if len(candidates) > 1:  # the only one whose context words are present is the one meant
            candidates = [e for e in candidates if e.requires] or candidates
        return (candidates[0], start) if len(candidates) == 1 else (None, start)

    @staticmethod
    def _match(doc: Doc, start: int, end: int, event: NamedEvent) -> NamedEventMatch:
        span = doc[start:end]
        return NamedEventMatch(start=span.start_char, end=span.end_char, key=event.key, type=event.type,
                               source=event.source, target=event.target, mutual=event.mutual, date=event.date,
                               mode=event.mode, text=span.text)


@lru_cache(maxsize=1)
def load_named_events() -> NamedEvents:
    """The shipped named-events file with a blank English tokenizer, loaded once per process."""
    return NamedEvents._build(None, None)
