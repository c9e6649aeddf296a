"""Relation assessments and numeric claims: what an article says about the state of a dyad.

Two stages over one parsed document, both driven by the lexicon in ``relations.yaml``:

- :func:`find_assessments` finds statements about the state of a relationship, not acts
  ("ties between X and Y have soured", "X's fondness for Y", "X and Y grew closer"). A
  trigger (a relation noun such as *relations*, *friendship*, *tension*; a role noun such as
  *friend*, *ally*; a relation verb or predicate adjective) must have two distinct resolved
  actors attached to it in the parse: "between X and Y", "X-Y relations", "X's ties with Y",
  the subject of the clause and a *with/for/toward* phrase, or a joint mention ("the two
  countries"). Polarity comes from the trigger's own polarity, evaluative words
  (*amicable*, *strained*), change words (*deepen*, *lose*) and negation in its clause;
  hedges ("little evidence", "only part of") make it mixed. Precision over recall: no
  assessment without two actors.
- :func:`find_claims` turns amounts (from :mod:`dyad.quantities`) and partner ranks
  ("the third largest trading partner") into claims with a normalised ``subject``
  ("RUS-PRK trade") and ``measure`` ("trade volume") from a small vocabulary, so that
  claims from different sources about the same fact line up.

Both give the clause as the evidence span and date it by a date expression in the clause,
resolved against the publication date, else by the publication date itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Token

from . import timeline
from .model import Assessment, Claim, Document, Mention, Polarity, Quantity

__all__ = ["find_assessments", "find_claims", "load_relations_lexicon"]


@cache
def load_relations_lexicon() -> dict[str, Any]:
    """The vocabulary shipped in ``relations.yaml``."""
    text = (Path(__file__).parent / "relations.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


# --------------------------------------------------------------------------- shared helpers

_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "pcomp"}
_SUBORDINATE = {"advcl", "ccomp", "csubj", "parataxis", "conj", "relcl", "mark", "cc", "punct", "prt"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
_CLIMB = {"acomp", "attr", "oprd", "dobj", "xcomp", "acl", "advmod", "pobj", "prep", "appos", "npadvmod"}


def _token_actors(doc: Doc, mentions: Iterable[Mention]) -> dict[int, Mention]:
    """Token index → the mention covering it."""
    by_token: dict[int, Mention] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            by_token.setdefault(tok.i, m)
    return by_token


def _codes(m: Mention) -> list[str]:
    if m.actor.kind == "joint":
        return [c for c in m.actor.code.split("|") if c]
    return [m.actor.code]


def _codes_in(tokens: Iterable[Token], by_token: dict[int, Mention]) -> list[str]:
    """Distinct actor codes of the mentions among ``tokens``, in text order."""
    out: list[str] = []
    seen: set[int] = set()
    for tok in sorted(tokens, key=lambda t: t.i):
        m = by_token.get(tok.i)
        if m is None or id(m) in seen:
            continue
        seen.add(id(m))
        for code in _codes(m):
            if code not in out:
                out.append(code)
    return out


def _clause_head(tok: Token) -> Token:
    """The head of the clause the token belongs to."""
    node = tok
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.dep_ in _CLAUSE_DEPS:
            return node
        if node.head.i == node.i:
            return node
        node = node.head
    return node


_NESTED = {"advcl", "ccomp", "relcl", "parataxis", "csubj"}


def _pruned(tok: Token, *, keep_relcl: bool = False) -> Iterator[Token]:
    """The token's subtree without the clauses nested in it."""
    yield tok
    for child in tok.children:
        if child.dep_ in _NESTED and not (keep_relcl and child.dep_ == "relcl"):
            continue
        if child.dep_ == "acl" and child.pos_ in ("VERB", "AUX") and child.i > tok.i:
            continue
        yield from _pruned(child)


def _scope(tok: Token, head: Token) -> set[Token]:
    """The trigger's own phrase plus, for every node from it up to the clause head, the
    node and its dependents that are not separate clauses or the subject of another node."""
    scope: set[Token] = set(_pruned(tok, keep_relcl=True))
    path = [tok]
    node = tok
    while node.i != head.i and node.head.i != node.i:
        node = node.head
        path.append(node)
    on_path = {n.i for n in path}
    for n in path[1:]:
        scope.add(n)
        for child in n.children:
            if child.i in on_path or child.dep_ in _SUBORDINATE:
                continue
            if child.dep_ in _SUBJECTS and n.i == head.i and tok.i not in {t.i for t in child.subtree}:
                continue
            if child.dep_ == "acl" and child.pos_ in ("VERB", "AUX"):
                continue
            scope.update(_pruned(child))
    return scope


def _extent(tok: Token, head: Token) -> list[Token]:
    """The trigger's scope, its clause head and that head's subject: the evidence clause."""
    tokens = _scope(tok, head) | {head}
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            tokens.update(_pruned(child))
    return sorted(tokens, key=lambda t: t.i)


def _trim(tokens: list[Token]) -> tuple[int, int]:
    """Character offsets of the tokens' extent without edge punctuation and conjunctions."""
    toks = sorted(tokens, key=lambda t: t.i)
    doc = toks[0].doc
    lo, hi = toks[0].i, toks[-1].i
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ in ("cc", "mark") or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "cc" or doc[hi].is_space):
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _date(document: Document, dates: list[timeline.DateExpression], start: int, end: int, anchor: int,
          *, future: bool = False) -> str | None:
    """A date expression inside [start, end) nearest the anchor, resolved; else the publication
    date. Unless ``future``, a date after publication is a target, not the fact's date."""
    base = document.published
    inside = [d for d in dates if start <= d.start and d.end <= end]
    for expr in sorted(inside, key=lambda d: abs(d.start - anchor)):
        value, _ = timeline.resolve(expr, base, future=future)
        if value and (future or not base or value.split("/")[0][:4] <= base[:4]):
            return value
    return base  # a wide estimate of the publication date is only a lower bound: no date rather than a guess


# --------------------------------------------------------------------------- assessments


@dataclass(frozen=True, slots=True)
class _AssessLexicon:
    nouns: dict[str, int]
    weak: frozenset[str]
    roles: dict[str, int]
    verbs: dict[str, int]
    adjectives: dict[str, int]
    evaluative: dict[str, int]
    change: dict[str, int]
    negations: tuple[str, ...]
    hedges: tuple[str, ...]
    preps: frozenset[str]
    blocked: frozenset[str]
    acts: frozenset[str]
    aims: frozenset[str]
    noun_preps: dict[str, list[str]]


@cache
def _assess_lexicon() -> _AssessLexicon:
    a = load_relations_lexicon()["assessments"]
    return _AssessLexicon(
        nouns={str(k): int(v) for k, v in a["relation_nouns"].items()},
        weak=frozenset(a["weak_nouns"]),
        roles={str(k): int(v) for k, v in a["role_nouns"].items()},
        verbs={str(k): int(v) for k, v in a["relation_verbs"].items()},
        adjectives={str(k): int(v) for k, v in a["relation_adjectives"].items()},
        evaluative={str(k): int(v) for k, v in a["polarity_words"].items()},
        change={str(k): int(v) for k, v in a["change_words"].items()},
        negations=tuple(a["negation_phrases"]),
        hedges=tuple(a["hedge_phrases"]),
        preps=frozenset(a["partner_preps"]),
        blocked=frozenset(a["blocked_heads"]),
        acts=frozenset(a["act_verbs"]),
        aims=frozenset(a["aim_words"]),
        noun_preps={str(k): list(v) for k, v in a["noun_preps"].items()},
    )


def _lemma(tok: Token) -> str:
    """Lower-case lemma; "co-operation" split by the tokenizer counts as "cooperation"."""
    lemma = tok.lemma_.lower()
    if lemma == "operation" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "co":
        return "cooperation"
    return lemma


@dataclass(frozen=True, slots=True)
class _Trigger:
    token: Token
    kind: str  # noun | role | verb | adjective
    polarity: int
    weak: bool


def _trigger(tok: Token, lex: _AssessLexicon) -> _Trigger | None:
    lemma = _lemma(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.pos_ == "PROPN" or (tok.text[:1].isupper() and not tok.is_sent_start):
            return None  # part of a name ("the Friendship Bridge")
        if lemma in lex.nouns:
            return _Trigger(tok, "noun", lex.nouns[lemma], lemma in lex.weak)
        if lemma in lex.roles:
            return _Trigger(tok, "role", lex.roles[lemma], False)
        return None
    if tok.pos_ == "VERB" and lemma in lex.verbs and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return _Trigger(tok, "verb", lex.verbs[lemma], False)
    if (tok.pos_ in ("ADJ", "ADV") and lemma in lex.adjectives and tok.dep_ in ("acomp", "advmod", "oprd", "xcomp")
            and tok.head.pos_ in ("VERB", "AUX")):
        return _Trigger(tok, "adjective", lex.adjectives[lemma], False)
    return None


def _blocked(trig: _Trigger, lex: _AssessLexicon) -> bool:
    tok = trig.token
    if tok.dep_ == "compound":
        return True
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in lex.acts:
        return True  # "cut diplomatic relations with Y" is an act (an event), not a state
    head = tok
    for _ in range(3):  # "the treaty on friendship and cooperation", "a partnership agreement"
        if head.dep_ in ("conj", "pobj", "prep"):
            head = head.head
            if head.lemma_.lower() in lex.blocked:
                return True
        else:
            break
    if any(c.lemma_.lower() in lex.blocked and c.dep_ in ("compound",) for c in tok.children):
        return True
    if trig.kind == "role":  # "trading partner" is a ranking, not an assessment
        return any(c.lemma_.lower() in ("trade", "trading", "business", "negotiating") for c in tok.lefts)
    return False


def _subject_codes(tok: Token, by_token: dict[int, Mention]) -> tuple[list[str], Token | None]:
    """Codes of the subject of the verb the trigger hangs from (climbing through objects,
    complements and infinitives), and that verb."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.i == tok.i:
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            if (subjects and node.i != tok.i) or (subjects and tok.pos_ in ("VERB", "AUX")):
                return _codes_in((t for s in subjects for t in s.subtree), by_token), node
        if node.i != tok.i and node.pos_ == "NOUN":  # "Kim's efforts to improve relations"
            owners = [c for c in node.children if c.dep_ == "poss"]
            if owners:
                return _codes_in((t for o in owners for t in o.subtree), by_token), None
        if node.dep_ not in _CLIMB or node.head.i == node.i:
            break
        node = node.head
    return [], None


def _pairs(trig: _Trigger, by_token: dict[int, Mention], lex: _AssessLexicon) -> list[tuple[str, str]]:
    tok = trig.token
    lemma = _lemma(tok)
    preps = set(lex.preps) | set(lex.noun_preps.get(lemma, ()))
    between: list[str] = []
    partner: list[str] = []
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            codes = _codes_in(child.subtree, by_token)
            if child.lower_ in ("between", "among"):
                between.extend(c for c in codes if c not in between)
            else:
                partner.extend(c for c in codes if c not in partner)
        elif child.dep_ == "appos":
            partner.extend(c for c in _codes_in(child.subtree, by_token) if c not in partner)
    if len(between) == 2:
        return [(between[0], between[1])]
    own = _codes_in((tok.doc[i] for i in range(tok.left_edge.i, tok.i)), by_token) if trig.kind in (
        "noun", "role") else []
    if len(own) == 2 and not partner:
        return [(own[0], own[1])]
    subject: list[str] = []
    verb: Token | None = None
    predicate = tok.dep_ in ("attr", "oprd") or (
        tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("prove", "become", "remain", "consider", "call"))
    if (trig.kind in ("verb", "adjective") or (trig.kind == "noun" and tok.dep_ not in ("nsubj", "nsubjpass"))
            or (trig.kind == "role" and predicate)):
        subject, verb = _subject_codes(tok, by_token)
    if verb is not None and not partner and trig.kind != "noun":
        for child in verb.children:  # "for Pyongyang, Moscow is proving a reliable friend"
            if child.dep_ == "prep" and child.lower_ in preps - {"between", "to"}:
                partner.extend(c for c in _codes_in(child.subtree, by_token) if c not in partner)
    pairs: list[tuple[str, str]] = []
    if partner:
        left = own or subject
        pairs = [(x, y) for x in left for y in partner if x != y]
    elif own and subject:
        pairs = [(x, y) for x in subject for y in own if x != y]
    elif len(subject) == 2:  # "X and Y are friends", "the two countries enjoy close ties"
        pairs = [(subject[0], subject[1])]
    unique: list[tuple[str, str]] = []
    for a, b in pairs:
        if (a, b) not in unique and (b, a) not in unique:
            unique.append((a, b))
    return unique if len(unique) <= 2 else []


def _near(tok: Token, head: Token) -> set[int]:
    """Where an evaluative word may sit for a trigger with a polarity of its own: its own
    modifiers, and the predicate of each node above it ("the friendship is strong")."""
    near = {c.i for c in tok.children if c.dep_ in ("amod", "advmod", "acomp", "nmod", "compound")}
    node = tok
    while node.i != head.i and node.head.i != node.i:
        node = node.head
        near.add(node.i)
        for c in node.children:
            if c.dep_ in ("acomp", "oprd", "advmod", "attr"):
                near.add(c.i)
                near.update(g.i for g in c.children if g.dep_ in ("advmod", "amod") and c.dep_ != "attr")
    return near


def _intended(tok: Token, lex: _AssessLexicon) -> bool:
    """A change under a modal, or an infinitive under a verb of promising or wishing
    ("promised to improve relations"): a prospect or an aim, not a state."""
    if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "should") for c in tok.children):
        return True  # "would expand their cooperation": a prospect
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    node = tok
    for _ in range(3):
        if node.head.i == node.i:
            break
        node = node.head
        if node.lemma_.lower() in lex.aims:
            return True
    return False


def _polarity(trig: _Trigger, scope: set[Token], head: Token, text: str, lex: _AssessLexicon) -> Polarity | None:
    tok = trig.token
    base = trig.polarity
    near = _near(tok, head) if base and not trig.weak else None
    signals: list[int] = []
    changes: list[int] = []
    for t in scope:
        if t.i == tok.i:
            continue
        lemma = _lemma(t)
        lower = t.lower_
        if lemma in lex.change and t.pos_ in ("VERB", "NOUN"):
            if not _intended(t, lex):
                changes.append(lex.change[lemma])
        elif near is not None and t.i not in near:
            continue
        elif lemma in lex.evaluative or lower in lex.evaluative:
            signals.append(lex.evaluative.get(lemma, lex.evaluative.get(lower, 0)))
        elif lemma in lex.nouns and lemma not in lex.weak and lex.nouns[lemma] and t.pos_ == "NOUN":
            signals.append(lex.nouns[lemma])  # "a relationship of mutual trust"
    signals.extend((base or 1) * c for c in changes)
    if not signals and base and not trig.weak:
        signals.append(base)
    lower_text = text.lower()
    hedged = any(re.search(rf"\b{re.escape(h)}\b", lower_text) for h in lex.hedges)
    if not signals:
        return "mixed" if hedged else None
    negated = any(t.dep_ == "neg" or t.lower_ in ("never", "hardly", "barely")
                  or (t.lower_ == "no" and t.dep_ == "det") for t in scope)
    negated = negated or any(re.search(rf"\b{re.escape(n)}\b", lower_text) for n in lex.negations)
    concessive = head.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("although", "whereas") for c in head.children)
    if hedged or concessive:
        return "mixed"
    if negated:
        signals = [-s for s in signals]
    if all(s > 0 for s in signals):
        return "positive"
    if all(s < 0 for s in signals):
        return "negative"
    return "mixed"


def find_assessments(doc: Doc, document: Document, mentions: list[Mention],
                     dates: list[timeline.DateExpression] | None = None) -> list[Assessment]:
    """Statements about the state of a relationship between two resolved actors."""
    lex = _assess_lexicon()
    by_token = _token_actors(doc, mentions)
    dates = timeline.find_dates(document.text) if dates is None else dates
    out: list[Assessment] = []
    seen: set[tuple[str, str, int]] = set()
    for tok in doc:
        trig = _trigger(tok, lex)
        if trig is None or _blocked(trig, lex):
            continue
        pairs = _pairs(trig, by_token, lex)
        if not pairs:
            continue
        head = _clause_head(tok)
        scope = _scope(tok, head)
        start, end = _trim(_extent(tok, head))
        polarity = _polarity(trig, scope, head, document.text[start:end], lex)
        if polarity is None:
            continue
        date = _date(document, dates, start, end, tok.idx)
        for a, b in pairs:
            key = (min(a, b), max(a, b), head.i)
            if key in seen:
                continue
            seen.add(key)
            out.append(Assessment(doc_id=document.id, a=a, b=b, polarity=polarity, start=start, end=end, date=date))
    return out


# --------------------------------------------------------------------------- claims


@dataclass(frozen=True, slots=True)
class _Measure:
    measure: str
    topic: str
    units: frozenset[str]
    cues: tuple[re.Pattern[str], ...]
    also: tuple[re.Pattern[str], ...]
    before: tuple[re.Pattern[str], ...]
    unless_before: tuple[re.Pattern[str], ...]
    symmetric: bool
    target: bool


@dataclass(frozen=True, slots=True)
class _ClaimLexicon:
    measures: tuple[_Measure, ...]
    ordinals: dict[str, int]
    rank_nouns: frozenset[str]
    rank_cues: frozenset[str]
    total_cues: tuple[re.Pattern[str], ...]
    owned_nouns: frozenset[str]
    debtor_verbs: frozenset[str]


def _patterns(items: list[str] | None) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in items or [])


@cache
def _claim_lexicon() -> _ClaimLexicon:
    c = load_relations_lexicon()["claims"]
    measures = tuple(
        _Measure(measure=m["measure"], topic=m["topic"], units=frozenset(m["units"]), cues=_patterns(m["cues"]),
                 also=_patterns(m.get("also")), before=_patterns(m.get("before")),
                 unless_before=_patterns(m.get("unless_before")),
                 symmetric=m.get("order") == "symmetric", target=bool(m.get("target")))
        for m in c["measures"])
    return _ClaimLexicon(measures=measures, ordinals={str(k): int(v) for k, v in c["ordinals"].items()},
                         rank_nouns=frozenset(c["rank_nouns"]), rank_cues=frozenset(c["rank_cues"]),
                         total_cues=_patterns(c["total_cues"]), owned_nouns=frozenset(c["owned_nouns"]),
                         debtor_verbs=frozenset(c["debtor_verbs"]))


def _unit_kind(unit: str) -> str:
    if re.fullmatch(r"[A-Z]{3}", unit):
        return "money"
    return unit


def _clause_tokens(tok: Token) -> tuple[Token, list[Token]]:
    head = _clause_head(tok)
    return head, _extent(tok, head)


def _focus(mentions: list[Mention], exclude: str) -> str | None:
    """The document's dominant other actor (mentioned at least three times and twice as often
    as the next), used when a relational number names only one side."""
    counts = Counter(c for m in mentions if m.actor.kind == "state" for c in _codes(m) if c != exclude)
    top = counts.most_common(2)
    if not top or top[0][1] < 3 or (len(top) > 1 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


def _roles(anchor: Token, head: Token, tokens: list[Token],
           by_token: dict[int, Mention]) -> tuple[list[str], list[str]]:
    """(about, other): codes of the clause's subject side (or the noun an apposition hangs
    from: "Russia – the second largest partner (...)"), and the other codes of the clause."""
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects += [g for c in head.children if c.dep_ == "agent" for g in c.subtree]
    about = _codes_in((t for s in subjects for t in s.subtree), by_token) if subjects else []
    if not about:
        node = anchor
        for _ in range(8):
            if node.head.i == node.i:
                break
            if node.dep_ == "appos" and (codes := _codes_in([node.head], by_token)):
                about = codes
                break
            node = node.head
    other = [c for c in _codes_in(tokens, by_token) if c not in about]
    if len(about) >= 2 and not other:  # "the US trade deficit with China reached ..."
        about, other = about[:1], about[1:]
    return about, other


def _owners(tokens: Iterable[Token], by_token: dict[int, Mention], nouns: frozenset[str]) -> list[str]:
    """Codes that own a noun such as debt or funds: its possessor, else an adjective or
    compound before it ("North Korea's debt", "North Korean funds")."""
    for tok in tokens:
        if tok.lemma_.lower() not in nouns:
            continue
        poss = [c for c in tok.children if c.dep_ == "poss"]
        mods = poss or [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
        codes = _codes_in((t for c in mods for t in c.subtree), by_token)
        if codes:
            return codes
    return []


def _ranks(doc: Doc, document: Document, by_token: dict[int, Mention], mentions: list[Mention],
           dates: list[timeline.DateExpression], lex: _ClaimLexicon) -> Iterator[Claim]:
    for tok in doc:
        if tok.lemma_.lower() not in lex.rank_nouns or tok.pos_ != "NOUN":
            continue
        lefts = list(doc[tok.left_edge.i:tok.i])
        if not any(t.lower_ in lex.rank_cues for t in lefts):
            continue
        rank: int | None = None
        for t in lefts:
            m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", t.lower_)
            if m:
                rank = int(m.group(1))
            elif t.lower_ in lex.ordinals and (rank is None or rank == 1):
                rank = lex.ordinals[t.lower_]
        if rank is None:
            continue
        _, tokens = _clause_tokens(tok)
        ranked: list[str] = []
        if tok.dep_ == "appos":
            ranked = _codes_in([tok.head], by_token)
        elif tok.dep_ in ("attr", "oprd"):
            ranked = _codes_in((t for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")
                                for t in c.subtree), by_token)
        if not ranked:  # "Russia – the second largest trading partner"
            i = tok.left_edge.i - 1
            if i > 0 and doc[i].text in ("–", "—", "-", ",", ":"):
                ranked = _codes_in([doc[i - 1]], by_token)
        if not ranked:
            continue
        owner = [c for c in _codes_in(lefts, by_token) if c not in ranked]
        if not owner:
            focus = _focus(mentions, ranked[0])
            owner = [focus] if focus else []
        if not owner:
            continue
        start, end = _trim([*tokens, *tok.subtree])
        yield Claim(doc_id=document.id, subject=f"{ranked[0]}-{owner[0]} trade", measure="rank among trade partners",
                    value=float(rank), unit="rank", start=start, end=end,
                    date=_date(document, dates, start, end, tok.idx))


def _match_measure(q: Quantity, clause: str, before: str, lex: _ClaimLexicon) -> _Measure | None:
    kind = _unit_kind(q.unit)
    lower = clause.lower()
    before = before.lower()
    for m in lex.measures:
        if kind not in m.units:
            continue
        if not any(p.search(lower) for p in m.cues):
            continue
        if m.also and not any(p.search(lower) for p in m.also):
            continue
        if m.before and not any(p.search(before) for p in m.before):
            continue
        if any(p.search(before) for p in m.unless_before):
            continue
        return m
    return None


def _is_total(q: Quantity, anchor: Token, doc: Doc, lex: _ClaimLexicon) -> bool:
    """A money amount that is the whole of which a share is given ("91 per cent of $5.7 billion"),
    or that is called total."""
    if _unit_kind(q.unit) != "money":
        return False
    if re.search(r"(?:%|\bper\s?cent|\bpercent)\s+of\s*$", doc.text[max(0, q.start - 20):q.start].lower()):
        return True
    window = doc.text[max(0, q.start - 40):q.end + 40].lower()
    return any(p.search(window) for p in lex.total_cues)


def find_claims(doc: Doc, document: Document, mentions: list[Mention], amounts: list[Quantity],
                dates: list[timeline.DateExpression] | None = None) -> list[Claim]:
    """Numeric statements about a dyad or an actor (trade, debt, aid, funds, projects, ranks)."""
    lex = _claim_lexicon()
    by_token = _token_actors(doc, mentions)
    dates = timeline.find_dates(document.text) if dates is None else dates
    claims: list[Claim] = list(_ranks(doc, document, by_token, mentions, dates, lex))
    directional = {(c.subject, _sentence_start(doc, c.start)) for c in claims}
    found: list[tuple[Quantity, _Measure, Token, Token, list[Token]]] = []
    for q in amounts:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or _unit_kind(q.unit) not in ("money", "percent", "t"):
            continue
        anchor = span.root
        head, tokens = _clause_tokens(anchor)
        start, end = _trim(tokens)
        before = doc.text[max(anchor.sent.start_char, q.start - 30):q.start]
        measure = _match_measure(q, doc.text[start:end], before, lex)
        if measure is not None:
            found.append((q, measure, anchor, head, tokens))
    for q, measure, anchor, head, tokens in sorted(found, key=lambda f: f[1].symmetric):
        start, end = _trim(tokens)
        sent = anchor.sent
        about, other = _roles(anchor, head, tokens, by_token)
        if measure.topic == "trade" and _is_total(q, anchor, doc, lex):
            owner = _owners(tokens, by_token, frozenset({"trade", "turnover", "volume", "partner"}))
            if not owner:
                continue
            subject, measure_name = f"{owner[0]} trade", "trade volume"
        else:
            if not about and other:
                about, other = other[:1], other[1:]
            if about and not other:
                focus = _focus(mentions, about[0])
                other = [focus] if focus else []
            if about and other and measure.topic in ("debt", "frozen funds", "projects"):
                owned = _owners(tokens, by_token, lex.owned_nouns) + _modifier_codes(head, by_token)
                debtor = head.lemma_.lower() in lex.debtor_verbs
                if (about[0] in owned or debtor) and other[0] not in owned:
                    about, other = other, about  # the creditor, holder or investor first
            if not about or not other:
                continue
            a, b = about[0], other[0]
            if measure.symmetric and (f"{a}-{b} {measure.topic}", sent.start) not in directional:
                # the order a directional claim in the sentence gave, else alphabetical
                if (f"{b}-{a} {measure.topic}", sent.start) not in directional:
                    a, b = sorted((a, b))
                else:
                    a, b = b, a
            subject, measure_name = f"{a}-{b} {measure.topic}", measure.measure
        date = _date(document, dates, start, end, q.start, future=measure.target)
        claims.append(Claim(doc_id=document.id, subject=subject, measure=measure_name, value=q.value,
                            unit=q.unit, start=start, end=end, date=date))
        if not measure.symmetric:
            directional.add((subject, sent.start))
    unique: list[Claim] = []
    keys: set[tuple[str, str, float | None, str]] = set()
    for c in sorted(claims, key=lambda c: c.start):
        key = (c.subject, c.measure, c.value, c.unit)
        if key not in keys:
            keys.add(key)
            unique.append(c)
    return unique


def _sentence_start(doc: Doc, char: int) -> int:
    """Index of the first token of the sentence holding a character offset."""
    for sent in doc.sents:
        if sent.start_char <= char < sent.end_char:
            return int(sent.start)
    return -1


def _modifier_codes(head: Token, by_token: dict[int, Mention]) -> list[str]:
    """Codes that appear in the clause's subject only as modifiers of another noun
    ("the modernisation of North Korean rail"): the owner or host, not the actor."""
    out: list[str] = []
    for subj in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")):
        for tok in subj.subtree:
            m = by_token.get(tok.i)
            if m is None or tok.dep_ not in ("amod", "poss", "compound", "nmod") or tok.head.i in by_token:
                continue
            out.extend(c for c in _codes(m) if c not in out)
    return out
