"""Why did (or didn't) a sentence give events? Per sentence: mentions, triggers and decisions."""

from __future__ import annotations

from dataclasses import dataclass, field

from .events import Extraction
from .model import Document
from .pipeline import Pipeline

__all__ = ["SentenceReport", "explain_document"]


@dataclass(slots=True)
class SentenceReport:
    index: int
    text: str
    mentions: list[str] = field(default_factory=list)  # "Pyongyang → PRK (kb:capitals)"
    decisions: list[str] = field(default_factory=list)  # "'visit' visit/CONSULT: event PRK->RUS …"
    events: list[str] = field(default_factory=list)  # final events after merging, with dates


def explain_document(pipeline: Pipeline, document: Document) -> list[SentenceReport]:
    """Re-run the language stages on a stored (or freshly cleaned) document and report each decision."""
    doc = pipeline.nlp(document.text)
    trace = Extraction()
    analysis = pipeline.finish(document, doc, trace)
    reports = [SentenceReport(index=i, text=s.text) for i, s in enumerate(doc.sents)]
    for mention in analysis.mentions:
        actor = mention.actor
        extra = ", ".join(x for x in (actor.sector, actor.person, actor.role) if x)
        reports[mention.sentence].mentions.append(
            f"{mention.text!r} → {actor.code}{f' [{extra}]' if extra else ''} ({mention.method})")
    for token_index, label, what in trace.notes:
        token = doc[token_index]
        sentence = next(i for i, s in enumerate(doc.sents) if s.start <= token_index < s.end)
        reports[sentence].decisions.append(f"{token.text!r} {label}: {what}")
    for event in analysis.events:
        flag = "" if event.accepted else " (below threshold)"
        reports[event.sentence].events.append(
            f"{event.event_id} {event.source}->{event.target or '-'} {event.type}/{event.mode or '-'} "
            f"{event.modality} date={event.date}{'*' if event.date_inferred else ''} "
            f"conf={event.confidence}{flag} «{event.evidence}»")
    return reports
