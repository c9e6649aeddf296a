"""When an event happened: the date expression attached to the act's clause, resolved against the
publication date; else, for fresh news, the publication date or the lead news day (marked inferred).

A date belongs to the nearest trigger above it in the parse; a date borrowed from a governing clause
is read in that clause's tense; "a day after X" dates X from the clause's date; "at that time" takes
the time just told; an act that only marks the start of a period ("since the two countries cut
ties") is background and stays undated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from . import timeline
from .events import Candidate, Lexicon
from .events import arguments as arg
from .model import DatePrecision, Document

__all__ = ["LEAD_WINDOW_DAYS", "event_date", "lead_date", "told_in_past"]

LEAD_WINDOW_DAYS = 7  # a news report's events happened within a week before it was printed
_TIME_CLAUSE = ("when", "once", "until", "till", "before", "after", "whenever")  # "when he travels on Friday"


def lead_date(candidates: list[Candidate], dated: dict[int, tuple[str | None, DatePrecision, bool]],
               document: Document) -> str | None:
    """The day of the news the article reports: the first stated day-precision date of an asserted act
    within a week before publication ("voted on Saturday" in a Sunday paper). Undated acts told in the
    past tense after it happened that day more often than on the day of printing."""
    published = timeline.first_day(document.published) if document.published_precision == "day" else None
    if published is None:
        return None
    for cand in sorted(candidates, key=lambda c: c.start):
        value, precision, inferred = dated[id(cand)]
        if cand.date is not None or cand.modality != "asserted" or inferred or precision != "day" or value is None:
            continue
        day = timeline.first_day(value)
        if day is not None and 0 <= (published - day).days <= LEAD_WINDOW_DAYS:
            return value
    return None


def event_date(doc: Doc, cand: Candidate, dates: list[timeline.DateExpression], document: Document, lex: Lexicon,
                triggers: set[int]) -> tuple[str | None, DatePrecision, bool]:
    """The date expression attached to the trigger's clause, resolved; else the publication date
    for asserted acts that are news, not the start of a period (marked inferred); else unknown.

    A date belongs to the nearest trigger above it in the parse: "the brake on a statement about
    a test carried out on April 28" dates the test, not the brake. An estimate of the publication
    date too wide to pin the year is its earliest day: acts fall back to its month only.
    """
    if cand.date is not None:  # a named event: its date is known
        return cand.date, timeline.precision_of(cand.date), False
    sent = cand.token.sent
    in_sentence = [d for d in dates if sent.start_char <= d.start and d.end <= sent.end_char]
    base = document.published  # stated, or estimated (an "unknown" estimate is the earliest day allowed)
    away = _offset(cand.token)
    for scope in _scopes(cand):
        for expr in sorted(in_sentence, key=lambda d: abs(d.start - cand.token.idx)):
            if not (scope.start_char <= expr.start and expr.end <= scope.end_char):
                continue
            if _owned_by_other_trigger(doc, expr, cand.token, triggers, lex):
                continue
            value, precision = timeline.resolve(expr, base, future=_reads_future(doc, expr, cand, lex))
            if value and away is not None and not _holds(away[0], expr):  # "on Friday, a day after he signed"
                value, precision = timeline.shift(value, *away[1:3], approximate=away[3])
            if value:
                return value, precision, False
    earlier = _that_time(doc, cand.token, dates, base)
    if earlier is not None:  # "At that time, Russia expressed the need …": the time just told
        return earlier
    # "the disclosure came a month after Kim visited": counted from the news
    if away is not None and away[2] in ("month", "year") and cand.modality == "asserted" and base \
            and not arg.future_tense(away[0].head, lex):
        value, precision = timeline.shift(base, *away[1:3], approximate=away[3])
        if value:
            return value, precision, False
    # a fresh act, or one that did not happen at the news ("ended without a deal"), is the news's
    if cand.modality in ("asserted", "negated") and base and not _time_reference(cand.token):
        if document.published_precision == "unknown":  # an estimate's earliest day: no finer than the month
            return base[:7], timeline.precision_of(base[:7]), True
        return base, document.published_precision, True
    return None, "unknown", False


def _holds(node: Token, expr: timeline.DateExpression) -> bool:
    """Whether the date expression lies inside the node's phrase."""
    return node.left_edge.idx <= expr.start and expr.end <= node.right_edge.idx + len(node.right_edge)


def _offset(token: Token) -> tuple[Token, int, str, bool] | None:
    """The phrase "a day after …", "three days before …" that holds the act: the phrase, and how far
    its act lies from the one it modifies (count, unit, approximate), so a date of that act dates
    this one too, moved back (after) or forward (before)."""
    for node in (token, *token.ancestors):
        if node.dep_ in ("advcl", "relcl"):  # "a day after he signed" (the clause may hang on "day")
            marker = next((c for c in node.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
        elif node.dep_ == "pobj" and node.head.lower_ in ("after", "before"):  # "three days after the test"
            marker = node.head
        else:
            continue
        if marker is None:
            continue
        measure = next((c for c in (*node.children, *marker.children) if c.dep_ == "npadvmod"), None)
        if measure is None and node.dep_ == "relcl":
            measure = node.head
        distance = timeline.offset(token.doc[measure.left_edge.i:measure.i + 1].text) if measure else None
        if measure is None or distance is None:
            return None
        count, unit, approximate = distance
        phrase = measure if measure.i == node.head.i else marker if marker.head.i != node.i else node
        return phrase, -count if marker.lower_ == "after" else count, unit, approximate
    return None


def _reads_future(doc: Doc, expr: timeline.DateExpression, cand: Candidate, lex: Lexicon) -> bool:
    """A date is read in the tense of the clause it modifies: the act's own, or the governing clause's when
    borrowed ("signed on Thursday, committing both to defend …" is past; "is scheduled to begin a visit on
    Friday" is not). A time clause in the simple present speaks of the future ("when he travels to Beijing
    on Friday")."""
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None) if span is not None else None
    if verb is None:
        return cand.future
    future = cand.future if _holds(cand.token, expr) else arg.future_tense(verb, lex)
    return future or (verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
                      and any(c.dep_ in ("mark", "advmod") and c.lower_ in _TIME_CLAUSE for c in verb.children))


_THAT_TIME = re.compile(r"\b(?:at that time|at the time|by then|at that point)\b", re.I)


def _that_time(doc: Doc, token: Token, dates: list[timeline.DateExpression],
               base: str | None) -> tuple[str, DatePrecision, bool] | None:
    """"At that time", "by then" in a sentence with no date of its own: the last date of the sentence before."""
    sent = token.sent
    if not _THAT_TIME.search(sent.text) or sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    for expr in reversed([d for d in dates if previous.start_char <= d.start and d.end <= previous.end_char]):
        value, precision = timeline.resolve(expr, base)
        if value:
            return value, precision, False
    return None


def told_in_past(token: Token) -> bool:
    """A verb in the past tense, or a noun that is the subject or object of one ("no agreements were signed")."""
    verb = token.head if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass", "dobj") else token
    return verb.tag_ in ("VBD", "VBN")


def _time_reference(token: Token) -> bool:
    """An act that only marks the start of a period ("in the 60 years since the two Koreas signed an
    armistice", "the first visit since the two countries cut ties") is background, not the news."""
    clause = next((t for t in (token, *token.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    return clause is not None and any(c.dep_ == "mark" and c.lower_ == "since" for c in clause.children)


def _owned_by_other_trigger(doc: Doc, expr: timeline.DateExpression, token: Token, triggers: set[int],
                            lex: Lexicon) -> bool:
    """True when the date belongs to another event: a trigger lies between the date and the point where
    its path meets the candidate's, or the candidate is an act named inside the arguments of a trigger the
    date passes to ("voted on Saturday to impose sanctions over its nuclear test": the date is the vote's
    and the sanctions', not the test's). A trigger in an adverbial clause has a time of its own that the
    main clause's date tells only roughly ("in 2014, after the EU imposed sanctions over its aggression"):
    it claims no date for itself, and the acts it names keep the main clause's. A clause on the act's
    noun whose verb only realises it ("the accord Russia signed in March") dates the act."""
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None:
        return False
    line = [token, *token.ancestors]
    rank = {t.i: k for k, t in enumerate(line)}
    light = lex.light_verbs
    for node in (span.root, *span.root.ancestors):
        if node.head.i == token.i and node.dep_ in ("relcl", "acl") and node.lemma_.lower() in light:
            return False  # the clause realises the act: "the accord [that Russia signed in March]"
        if node.i in rank:  # where the two paths meet
            if node.i == token.i or token.pos_ not in ("NOUN", "PROPN"):
                return False  # a governing clause's date passes to its verbs
            top = rank[node.i]
            return any(line[k].i in triggers and all(t.dep_ != "advcl" for t in line[k:top])
                       for k in range(1, top + 1))
        if node.i in triggers and not (expr.kind != "open_range" and _occasion_of(node, token, lex)):
            return True  # "on his first visit since 2000" tells no time of the visit
    return False


def _occasion_of(noun: Token, token: Token, lex: Lexicon) -> bool:
    """Whether the trigger noun names the occasion the candidate's act took place at ("signed the accord
    during a visit to Pyongyang in March", "discussed the debt at a summit last year"): its date dates the
    act too. "during" any act; "at", "in", "on" a meeting (the lexicon's occasion types). Not for an
    infinitive: in "agreed to build the bridge during a visit" the occasion may be the agreement's."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head.i != token.i or prep.lower_ not in ("during", "at", "in", "on"):
        return False
    if token.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    return prep.lower_ == "during" or any(t.type in lex.occasion_types
                                           for t in lex.triggers.get((noun.lemma_.lower(), "NOUN"), ()))


def _scopes(cand: Candidate) -> Iterator[Span]:
    """The trigger's own phrase first, then each larger clause up to the sentence."""
    token = cand.token
    doc = token.doc
    seen = 0
    for node in (token, *token.ancestors):
        left, right = node.left_edge.i, node.right_edge.i + 1
        if right - left > seen:
            seen = right - left
            yield doc[left:right]
