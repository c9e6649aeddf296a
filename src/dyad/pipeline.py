"""The per-article pipeline: one pure function from a raw document to its analysis.

decode → clean → language model → actors → events → dates and amounts. The same
:class:`Pipeline` serves the CLI, the API and Spark partitions (:meth:`Pipeline.pipe`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc

from . import quantities as quantity_stage
from . import relations, timeline
from .actors import ActorResolver, KnowledgeBase, load_kb
from .clean import Cleaned, clean
from .config import Options
from .errors import BadInput
from .event_dates import event_date, lead_date, told_in_past
from .events import EventExtractor, Extraction, Lexicon, NamedEventMatch, load_lexicon, load_named_events
from .events.arguments import related
from .ingest import Rejected, decode
from .model import (
    Analysis,
    Document,
    Event,
    EventMention,
    Mention,
    Quantity,
    RawDocument,
    RemovedSpan,
    Sentence,
)
from .nlp import load_language_model
from .published import Landmark, PersonMention, Tenure, estimate_publication, term_landmarks

__all__ = ["Pipeline"]

ANALYSED_LANGUAGES = {"en"}
DATELINE_REASONS = ("date/byline line", "dateline")  # removed lines whose month-day may date the article
log = logging.getLogger(__name__)


@dataclass(slots=True)
class _Prepared:
    raw: RawDocument
    document: Document


class Pipeline:
    """Holds the loaded model, knowledge base and lexicon; analyses documents one by one or in batches."""

    def __init__(self, options: Options | None = None, *, nlp: Language | None = None,
                 kb: KnowledgeBase | None = None, lexicon: Lexicon | None = None) -> None:
        self.options = options or Options()
        self.nlp = nlp or load_language_model(self.options.language_model)
        self.nlp.max_length = max(self.nlp.max_length, self.options.max_chars + 1)
        self.kb = kb or load_kb()
        self.lexicon = lexicon or load_lexicon()
        self.resolver = ActorResolver(self.kb, self.nlp)
        forums = frozenset(code for code, entry in self.kb.organisations.items() if entry.get("kind") == "forum")
        self.extractor = EventExtractor(self.lexicon, forums)
        self.named_events = load_named_events()

    # -- public ---------------------------------------------------------------------------
    def analyze(self, raw: RawDocument) -> Analysis:
        """Analyse one document; raises :class:`BadInput` when it cannot become one."""
        prepared = self.prepare(raw)
        if prepared.document.language not in ANALYSED_LANGUAGES:
            return Analysis(document=prepared.document)
        return self.finish(prepared.document, self.nlp(prepared.document.text))

    def pipe(self, raws: Iterable[RawDocument]) -> Iterator[Analysis | Rejected]:
        """Batch form: bad inputs come out as :class:`Rejected`, in input order with the rest."""
        chunk: list[RawDocument] = []
        for raw in raws:
            chunk.append(raw)
            if len(chunk) >= self.options.batch_size:
                yield from self._pipe_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._pipe_chunk(chunk)

    def prepare(self, raw: RawDocument) -> _Prepared:
        """Decode and clean: everything before the language model."""
        return _Prepared(raw, self.prepare_document(raw, self.options))

    @staticmethod
    def prepare_document(raw: RawDocument, options: Options) -> Document:
        """Decode and clean one raw input into a document (no language model needed)."""
        text, encoding = decode(raw.data, max_bytes=options.max_bytes, kind=raw.kind)
        if len(text) > options.max_chars:
            raise BadInput("too large", f"{len(text)} characters is over the limit of {options.max_chars} "
                                        "(option max_chars)")
        cleaned = clean(text, kind=raw.kind, url=raw.url, title=raw.title, published=raw.published)
        return _document(raw, cleaned, encoding)

    def finish(self, document: Document, doc: Doc, trace: Extraction | None = None) -> Analysis:
        """Everything after the language model, for one parsed document. ``trace``, when given,
        receives the extractor's decisions (for ``dyad explain``)."""
        day = timeline.first_day(document.published)
        sentences = [Sentence(doc_id=document.id, index=i, start=s.start_char, end=s.end_char)
                     for i, s in enumerate(doc.sents)]
        mentions = self.resolver(doc, document.id, day)
        estimated = document.published_estimated or not document.published
        named = self.named_events.find(doc, published=None if estimated else document.published)
        if estimated:  # refined now that the people and known events it names are found
            document = _with_estimate(document, mentions, named, self.kb)
            if document.published_precision in ("year", "month", "day"):  # the window pins the year
                named = self.named_events.find(doc, published=document.published)
        extraction = self.extractor(doc, mentions, named)
        if trace is not None:
            trace.notes.extend(extraction.notes)
        dates = timeline.find_dates(document.text)
        amounts = quantity_stage.find_quantities(document.text, document.id, dates)
        events = self._events(document, doc, extraction, dates, amounts)
        assessments = relations.find_assessments(doc, document, mentions, dates)
        claims = relations.find_claims(doc, document, mentions, amounts, dates)
        return Analysis(document=document, sentences=sentences, mentions=mentions, events=events,
                        quantities=amounts, claims=claims, assessments=assessments)

    # -- internals ------------------------------------------------------------------------
    def _pipe_chunk(self, chunk: list[RawDocument]) -> Iterator[Analysis | Rejected]:
        prepared: list[_Prepared | Rejected] = []
        for raw in chunk:
            try:
                prepared.append(self.prepare(raw))
            except BadInput as exc:
                prepared.append(Rejected(input=raw.source, reason=exc.reason, detail=exc.detail,
                                         content_hash=raw.content_hash))
        english = [p for p in prepared if isinstance(p, _Prepared) and p.document.language in ANALYSED_LANGUAGES]
        parsed = dict(zip((id(p) for p in english),
                          self.nlp.pipe((p.document.text for p in english), batch_size=self.options.batch_size),
                          strict=True))
        for item in prepared:
            if isinstance(item, Rejected):
                yield item
            elif id(item) in parsed:
                yield self.finish(item.document, parsed[id(item)])
            else:
                yield Analysis(document=item.document)

    def _events(self, document: Document, doc: Doc, extraction: Extraction,
                dates: list[timeline.DateExpression], amounts: list[Quantity]) -> list[Event]:
        candidates = extraction.candidates
        events: list[Event] = []
        by_key: dict[tuple[str, str | None, str, str | None], Event] = {}
        threshold = self.options.confidence_threshold
        triggers = extraction.trigger_tokens
        dated = {id(c): event_date(doc, c, dates, document, self.lexicon, triggers) for c in candidates}
        lead = lead_date(candidates, dated, document)
        for cand in sorted(candidates, key=lambda c: (-c.confidence, c.start)):
            date_value, precision, inferred = dated[id(cand)]
            if inferred and lead is not None and told_in_past(cand.token) and cand.start > 0:
                date_value, precision = lead, "day"  # told in the past: the day of the news, not of printing
            # an inferred date tells no two acts apart: "Putin's visit" (dated by publication) and "his visit"
            # (planned, undated) are one act; _merge_inferred joins it to a dated act its words name again
            key = (cand.source.actor.code, cand.target.actor.code if cand.target else None, cand.trigger.type,
                   None if inferred else date_value)
            mention = EventMention(event_id="", doc_id=document.id, start=cand.start, end=cand.end,
                                   trigger_start=cand.token.idx, trigger_end=cand.token.idx + len(cand.token.text),
                                   sentence=cand.sentence)
            if key in by_key:
                twin = by_key[key]
                twin.mentions.append(mention)
                if twin.date is None and date_value is not None:  # dated by inference only: see the key
                    twin.date, twin.date_precision, twin.date_inferred = date_value, precision, inferred
                continue
            event_type = self.lexicon.types.get(cand.trigger.type)
            event = Event(
                event_id="", doc_id=document.id, source=cand.source.actor.code,
                target=cand.target.actor.code if cand.target else None,
                source_sector=cand.source.actor.sector, target_sector=cand.target.actor.sector if cand.target else None,
                type=cand.trigger.type, mode=cand.trigger.mode, cameo=cand.trigger.cameo,
                intensity=self.lexicon.intensity(cand.trigger), quad=event_type.quad if event_type else None,
                modality=cand.modality, mutual=cand.mutual, start=cand.start, end=cand.end,
                evidence=document.text[cand.start:cand.end], trigger=cand.token.text,
                trigger_start=mention.trigger_start, trigger_end=mention.trigger_end, sentence=cand.sentence,
                date=date_value, date_precision=precision, date_inferred=inferred,
                confidence=cand.confidence, accepted=cand.confidence >= threshold, rule=cand.rule,
                mentions=[mention])
            by_key[key] = event
            events.append(event)
        events = _merge_named(_merge_untargeted(doc, _merge_reversed(_merge_inferred(events))))
        events.sort(key=lambda e: (e.start, e.type))
        for number, event in enumerate(events, 1):
            event.event_id = f"{document.id}#e{number}"
            for m in event.mentions:
                m.event_id = event.event_id
        _attach_quantities(doc, events, amounts)
        return events


def _absorb(twin: Event, event: Event) -> None:
    """``event`` is another mention of the act ``twin`` stands for: its mentions join, and the act is
    reported if either was."""
    twin.mentions.extend(event.mentions)
    twin.accepted = twin.accepted or event.accepted


def _merge_inferred(events: list[Event]) -> list[Event]:
    """One act per article: an event dated only by inference ("its nuclear test") is the same act as
    one of the same actors and type with a stated date ("the test on October 9") — keep the stated one."""
    stated: dict[tuple[str, str | None, str], list[Event]] = {}
    for event in events:
        if not event.date_inferred and event.date:
            stated.setdefault((event.source, event.target, event.type), []).append(event)
    kept: list[Event] = []
    for event in events:
        word = event.trigger.lower()
        twins = [t for t in stated.get((event.source, event.target, event.type), [])
                 if t.modality == event.modality and (t.mode == event.mode or None in (t.mode, event.mode))
                 and (t.trigger.lower() == word or word in t.evidence.lower())]
        if event.date_inferred and twins:  # the same thing named again: "the test" … "a test on October 9"
            _absorb(twins[0], event)
            continue
        kept.append(event)
    return kept


def _merge_reversed(events: list[Event]) -> list[Event]:
    """One act per article: a mutual act named from either side ("Kim met Putin" … "Putin held talks with
    Kim") is one event when its type, date and modality agree; the first one found keeps the other's mentions."""
    kept: list[Event] = []
    seen: dict[tuple[str, str, str, str | None, str], Event] = {}
    for event in events:
        if event.mutual and event.target is not None:
            low, high = sorted((event.source, event.target))
            key = (low, high, event.type, event.date, event.modality)
            if key in seen and (seen[key].source, seen[key].target) != (event.source, event.target):
                twin = seen[key]
                _absorb(twin, event)
                continue
            seen.setdefault(key, event)
        kept.append(event)
    return kept


def _merge_untargeted(doc: Doc, events: list[Event]) -> list[Event]:
    """One act per article: "the UN's denouncement of the tests" (its target named, undated) and "the UN's
    April 19 denouncement" (dated, no target) are one act — the targeted event takes the stated date."""
    kept: list[Event] = []
    for event in events:
        untargeted = event.target is None or (event.rule or "").endswith("+context-target")
        if untargeted and event.date and not event.date_inferred:
            word = _lemma_at(doc, event.trigger_start)
            twins = [t for t in events if t is not event and t.target is not None
                     and not (t.rule or "").endswith("+context-target") and t.source == event.source
                     and t.type == event.type and (t.date is None or t.date_inferred)
                     and t.modality == event.modality  # "his first visit since 2000" is not the visit he is due for
                     and related(_lemma_at(doc, t.trigger_start), word)]
            if twins:
                twin = twins[0]
                twin.date, twin.date_precision, twin.date_inferred = event.date, event.date_precision, False
                _absorb(twin, event)
                continue
        described = _described_act(doc, event, events) if event.target is None else None
        if described is not None:  # "began exercises around Taiwan, firing missiles into the sea": one act
            _absorb(described, event)
            continue
        kept.append(event)
    return kept


def _described_act(doc: Doc, event: Event, events: list[Event]) -> Event | None:
    """The targeted act of the same actor and type whose clause a participle adjunct event tells part of."""
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is None or span.root.dep_ != "advcl" or span.root.tag_ != "VBG":
        return None
    clause = span.root.head
    words = {clause.idx, *(c.idx for c in clause.children if c.dep_ in ("dobj", "nsubjpass"))}
    return next((t for t in events if t is not event and t.target is not None and t.source == event.source
                 and t.type == event.type and t.trigger_start in words), None)


def _lemma_at(doc: Doc, offset: int) -> str:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0].lemma_.lower() if span is not None else ""


def _merge_named(events: list[Event]) -> list[Event]:
    """A named event ("the special military operation") that the article also reports in its own words
    ("Russia invaded Ukraine on 24 February") is one act: the reported event keeps it as a mention."""
    kept: list[Event] = []
    for event in events:
        if event.rule == "named-event" and event.date:
            start = event.date.split("/")[0]
            parties = {event.source, event.target} if event.mutual else None
            twins = [t for t in events if t.rule != "named-event" and t.type == event.type
                     and ((t.source, t.target) == (event.source, event.target)
                          or (t.mutual and {t.source, t.target} == parties))
                     and (t.date or "").startswith(start[:7])]
            if twins:
                _absorb(twins[0], event)
                continue
        kept.append(event)
    return kept


def _triggers_in(event: Event, lo: int, hi: int) -> list[int]:
    """Where the event's triggers (of any of its mentions) stand between offsets ``lo`` and ``hi``."""
    starts = {event.trigger_start, *(m.trigger_start for m in event.mentions)}
    return [t for t in starts if lo <= t < hi]


def _attach_quantities(doc: Doc, events: list[Event], amounts: list[Quantity]) -> None:
    """Each amount goes to the event whose trigger governs it in the parse ("wrote off $10 billion"),
    else to the events whose evidence holds it, else to the nearest event of its sentence; a sentence
    with no act of its own that goes on about the previous one in the same paragraph ("The pipeline
    would run for 1,100 km") gives its amounts to that sentence's act."""
    for amount in amounts:
        span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
        if span is None:
            continue
        sentence = span.sent
        here = partial(_triggers_in, lo=sentence.start_char, hi=sentence.end_char)
        same = [e for e in events if here(e)]
        if not any(e.accepted for e in same) and sentence.start > 0:
            previous = doc[sentence.start - 1].sent
            if "\n" not in doc.text[previous.end_char:sentence.start_char]:
                before = partial(_triggers_in, lo=previous.start_char, hi=previous.end_char)
                earlier = [e for e in events if e.accepted and before(e)]
                if earlier:
                    last = max(earlier, key=lambda e: max(before(e)))
                    last.quantities.append(amount)
                    amount.event_id = last.event_id
                    continue
        if not same:
            continue
        same = [e for e in same if e.accepted] or same  # an amount belongs with an act we report
        ancestors = {t.idx for t in span.root.ancestors} | {span.root.idx}
        governing = [e for e in same if ancestors.intersection(here(e))]
        holding = [e for e in same if any(lo <= amount.start and amount.end <= hi
                                          for lo, hi in [(e.start, e.end), *((m.start, m.end) for m in e.mentions)])]
        chosen = governing or holding or [min(same, key=lambda e: min(abs(t - amount.start) for t in here(e)))]
        for event in chosen:
            event.quantities.append(amount)
        amount.event_id = chosen[0].event_id


def _document(raw: RawDocument, cleaned: Cleaned, encoding: str) -> Document:
    published, precision, estimated = cleaned.published, cleaned.published_precision, False
    if published is None:  # refined in finish() once the people named are known
        guess = estimate_publication(cleaned.text, datelines=_datelines(cleaned.removed))
        if guess.value:
            published, precision, estimated = guess.value, guess.precision, True
    return Document(
        id=raw.id, text=cleaned.text, content_hash=raw.content_hash, source=raw.source, kind=raw.kind,
        url=raw.url, title=cleaned.title, byline=cleaned.byline, outlet=cleaned.outlet, published=published,
        published_precision=precision, published_estimated=estimated, language=cleaned.language,
        encoding=encoding, removed=cleaned.removed)


def _datelines(removed: list[RemovedSpan]) -> list[str]:
    return [r.text for r in removed if r.reason in DATELINE_REASONS]


def _with_estimate(document: Document, mentions: list[Mention], named: list[NamedEventMatch],
                   kb: KnowledgeBase) -> Document:
    """An undated document with its publication date estimated from its content, now that the
    people it names with a title (and the dates of their posts) and the known events it names are known."""
    people = []
    for m in mentions:
        person = kb.people.get(m.actor.person or "")
        if person is None or m.method in ("coref:pronoun", "coref:title"):
            continue
        at = m.text.rfind(m.actor.person or "")  # "US Secretary of State Rex Tillerson": the name
        people.append(PersonMention(m.start + max(at, 0), m.end, person.name,
                                             tuple(Tenure(r.title, *r.period) for r in person.roles)))
    landmarks = [Landmark(n.start, n.end, n.key, day) for n in named
                 if (day := timeline.first_day(n.date.split("/")[0])) is not None]
    landmarks += term_landmarks(document.text)
    estimate = estimate_publication(document.text, people, _datelines(document.removed), landmarks)
    log.debug("%s: published estimated %s (%s): %s", document.id, estimate.value, estimate.precision, estimate.basis)
    return replace(document, published=estimate.value, published_estimated=estimate.value is not None,
                   published_precision=estimate.precision if estimate.value else "unknown")
