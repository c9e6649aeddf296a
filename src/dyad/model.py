"""The data model: one Document owns its cleaned text; everything extracted is a span into it.

Names follow DESIGN.md. Every extracted item carries ``doc_id`` and character offsets
(``start``, ``end``) into ``Document.text``, so any fact can be shown with its evidence.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

DatePrecision = Literal["day", "month", "year", "range", "unknown"]
Modality = Literal["asserted", "planned", "proposed", "negated", "hypothetical"]
Polarity = Literal["positive", "negative", "mixed"]

__all__ = [
    "Actor",
    "Analysis",
    "Assessment",
    "Claim",
    "DatePrecision",
    "Document",
    "Event",
    "EventMention",
    "Mention",
    "Modality",
    "Polarity",
    "Quantity",
    "RawDocument",
    "RemovedSpan",
    "Sentence",
]


@dataclass(slots=True, kw_only=True)
class RawDocument:
    """An input before decoding: bytes from a file or a record, with the hints it came with."""

    id: str
    source: str
    data: bytes
    kind: Literal["text", "html"] = "text"
    url: str | None = None
    title: str | None = None
    published: str | None = None
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            from hashlib import sha256

            self.content_hash = sha256(self.data).hexdigest()


@dataclass(slots=True, kw_only=True)
class RemovedSpan:
    """A piece of the input the cleaner dropped, with the reason, so a user can audit it."""

    text: str
    reason: str
    line: int | None = None


@dataclass(slots=True, kw_only=True)
class Document:
    """A decoded, cleaned article. ``text`` is what every offset points into."""

    id: str
    text: str
    content_hash: str
    source: str
    kind: Literal["text", "html"] = "text"
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_precision: DatePrecision = "unknown"
    published_estimated: bool = False
    language: str | None = None
    encoding: str | None = None
    removed: list[RemovedSpan] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int


@dataclass(slots=True, kw_only=True)
class Actor:
    """A resolved actor: a state (ISO alpha-3) or an organisation code, with a sector."""

    code: str
    kind: Literal["state", "organisation", "joint"] = "state"
    sector: str | None = None
    person: str | None = None
    role: str | None = None


@dataclass(slots=True, kw_only=True)
class Mention:
    """A span of text that refers to an actor, and how the resolver decided who it is."""

    doc_id: str
    start: int
    end: int
    text: str
    actor: Actor
    method: str
    sentence: int = -1


@dataclass(slots=True, kw_only=True)
class Quantity:
    """An amount found in the text, normalised (money in units of its ISO 4217 currency)."""

    doc_id: str
    start: int
    end: int
    text: str
    value: float | None
    unit: str
    approximate: bool = False
    event_id: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "unit": self.unit, "approximate": self.approximate,
                "start": self.start, "end": self.end}


@dataclass(slots=True, kw_only=True)
class EventMention:
    """One place in a document that speaks of an event (an article may repeat it)."""

    event_id: str
    doc_id: str
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    sentence: int


@dataclass(slots=True, kw_only=True)
class Event:
    """Who did what to whom, with the evidence span and how sure we are."""

    event_id: str
    doc_id: str
    source: str
    target: str | None
    type: str
    mode: str | None
    cameo: str | None
    intensity: float | None
    quad: str | None
    modality: Modality
    start: int
    end: int
    evidence: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: int
    date: str | None = None
    date_precision: DatePrecision = "unknown"
    date_inferred: bool = False
    mutual: bool = False
    source_sector: str | None = None
    target_sector: str | None = None
    confidence: float = 0.0
    accepted: bool = True
    rule: str = ""
    quantities: list[Quantity] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Claim:
    """A numeric statement about a dyad or actor that other sources may confirm or contradict."""

    doc_id: str
    subject: str
    measure: str
    value: float | None
    unit: str
    start: int
    end: int
    date: str | None = None


@dataclass(slots=True, kw_only=True)
class Assessment:
    """A statement about the state of a relationship (not an event)."""

    doc_id: str
    a: str
    b: str
    polarity: Polarity
    start: int
    end: int
    date: str | None = None


@dataclass(slots=True, kw_only=True)
class Analysis:
    """Everything the per-article pipeline produced for one document."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
