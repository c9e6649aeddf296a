"""Resolve every actor mention in a parsed document to a state or organisation code.

Order of evidence: knowledge-base phrases (longest match), demonym/name + office title ("Russian
ambassador", "Russia's foreign minister") giving the sector, titled or appositive persons,
ambiguous short forms by article context, then within-article coreference (surnames, "the
minister", pronouns, "the two countries"). Unknown names stay unresolved.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Mention
from ..sentences import sentence_index
from .kb import Alias, KnowledgeBase, Person

__all__ = ["JOINT", "ActorResolver"]

JOINT: Literal["joint"] = "joint"
FUZZY_CUTOFF = 85.0  # rapidfuzz ratio on lower-cased names of the same shape


def _normal(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").replace(".", " ").split())


def _shape(name: str) -> tuple[int, str]:
    words = name.split()
    return len(words), "".join(w[0] for w in words)


_NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                 "nine": "9", "ten": "10"}
_NUMBER_PATTERN = re.compile(r"\b(" + "|".join([*_NUMBER_WORDS, *_NUMBER_WORDS.values()]) + r")\b")


def _spellings(phrase: str) -> set[str]:
    """The ways a knowledge-base phrase is written in running text: capitalised at a sentence start,
    hyphen or space ("six-party", "six party"), number in words or digits ("6-party talks")."""
    digits = {v: k for k, v in _NUMBER_WORDS.items()}
    forms = {phrase}
    if "-" in phrase:
        forms.add(phrase.replace("-", " "))
    for form in list(forms):
        swapped = _NUMBER_PATTERN.sub(lambda m: _NUMBER_WORDS.get(m[1], digits.get(m[1], m[1])), form)
        forms.add(swapped)
    return forms | {f[:1].upper() + f[1:] for f in forms}


PRONOUNS_STATE = {"it", "its"}
STANCE_PREFIXES = {"anti", "pro", "non"}
STANCE_SUFFIXES = {"backed", "sponsored", "supported", "funded", "aligned", "leaning", "friendly", "speaking",
                   "born", "installed", "appointed", "controlled", "occupied", "held"}
GENERIC_HEADS = {"nations", "states", "countries", "organization", "organisation", "chief", "body"}
ANAPHORIC_DETERMINERS = {"the", "these", "those"}
PRONOUNS_PERSON = {"he", "she", "his", "her"}
PRONOUNS_PLURAL = {"they", "them", "their"}


@dataclass(slots=True)
class _Known:
    """A person found in this article (from the knowledge base or from a title in the text)."""

    actor: Actor
    surname: str
    titles: set[str] = field(default_factory=set)


class ActorResolver:
    """Callable: ``resolver(doc, doc_id, day) -> list[Mention]`` sorted by position."""

    def __init__(self, kb: KnowledgeBase, nlp: Language) -> None:
        self.kb = kb
        self.org_heads = {code: _heads(entry) for code, entry in kb.organisations.items()}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[str, str] = {}
        phrases = (set(kb.aliases) | set(kb.people) | set(kb.ambiguous) | set(kb.main_dyad_references)
                   | set(kb.fixed_groups) | set(kb.surnames))
        patterns = []
        for phrase in sorted(phrases):
            for variant in _spellings(phrase):
                if variant in self.labels:
                    continue
                self.labels[variant] = phrase
                patterns.append(nlp.make_doc(variant))
        self.matcher.add("ACTOR", patterns)
        # variant spellings of known people ("Aleksandr Galushka", "Han Song Riola"): names of the same
        # shape (token count and initials) compared with rapidfuzz under a strict cutoff
        self.people_by_shape: dict[tuple[int, str], list[str]] = {}
        for name in kb.people:
            self.people_by_shape.setdefault(_shape(_normal(name)), []).append(name)
        self.office_lengths: dict[str, list[int]] = {}  # first word -> lengths of titles starting with it
        for office in kb.offices:
            words = office.split()
            self.office_lengths.setdefault(words[0], []).append(len(words))
        for lengths in self.office_lengths.values():
            lengths.sort(reverse=True)

    # ------------------------------------------------------------------------------------
    def __call__(self, doc: Doc, doc_id: str, day: date | None = None) -> list[Mention]:
        spans = self._longest([doc[s:e] for _, s, e in self.matcher(doc)])
        mentions: list[Mention] = []
        people: list[_Known] = []
        pending_ambiguous: list[Span] = []
        plural: list[Span] = []
        for span in spans:
            phrase = self.labels.get(span.text, span.text)
            if phrase in self.kb.main_dyad_references:
                plural.append(span)
            elif phrase in self.kb.fixed_groups:
                mentions.append(_mention(doc_id, span, Actor(code="|".join(self.kb.fixed_groups[phrase]),
                                                             kind=JOINT), "kb:group"))
            elif phrase in self.kb.aliases and self._inside_unknown_name(span):
                continue  # "Denzel Washington": a capital's name inside an unknown person's name
            elif _hyphenated_stance(span):
                continue  # "anti-Japanese protesters", "Russian-backed separatists" are not Japan or Russia
            elif phrase in self.kb.people:
                mentions.append(self._person(doc_id, span, self.kb.people[phrase], day, people))
            elif phrase in self.kb.surnames and span[0].pos_ == "PROPN":
                mention = self._person(doc_id, span, self.kb.surnames[phrase], day, people)
                mention.method = "kb:surname"
                mentions.append(mention)
            elif phrase in self.kb.aliases:
                mentions.append(self._alias(doc_id, span, self.kb.aliases[phrase], people))
            elif phrase in self.kb.ambiguous:
                pending_ambiguous.append(span)
        mentions.extend(self._fuzzy_people(doc, doc_id, day, mentions, people))
        mentioned = Counter(m.actor.code for m in mentions if m.actor.kind == "state")
        for span in pending_ambiguous:
            phrase = self.labels.get(span.text, span.text)
            candidates = self.kb.ambiguous[phrase]
            in_context = [c for c in self.kb.ambiguous_context[phrase] if c in mentioned]
            chosen = [c for c in candidates if c in mentioned] if candidates == self.kb.ambiguous_context[phrase] \
                else (candidates if in_context else [])
            if len(chosen) == 1:
                mentions.append(_mention(doc_id, span, Actor(code=chosen[0]), "context"))
        mentions.extend(self._coreference(doc, doc_id, mentions, people, plural, mentioned))
        mentions.sort(key=lambda m: (m.start, -m.end))
        return _without_overlaps(mentions)

    def _longest(self, spans: list[Span]) -> list[Span]:
        """Non-overlapping matches, longest first; between equals, a plain name beats a phrase that
        needs context ("North Korea" over "the North" in "the North Korea-Russia talks")."""
        def rank(span: Span) -> tuple[int, bool, int]:
            return -len(span), self.labels.get(span.text, span.text) in self.kb.ambiguous, span.start
        kept: list[Span] = []
        taken: set[int] = set()
        for span in sorted(spans, key=rank):
            if not taken.intersection(range(span.start, span.end)):
                kept.append(span)
                taken.update(range(span.start, span.end))
        return sorted(kept, key=lambda s: s.start)

    def _fuzzy_people(self, doc: Doc, doc_id: str, day: date | None, mentions: list[Mention],
                      people: list[_Known]) -> list[Mention]:
        covered = {i for m in mentions for i in range(m.start, m.end)}
        found: list[Mention] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON" or any(i in covered for i in range(ent.start_char, ent.end_char)):
                continue
            name = _normal(ent.text)
            choices = self.people_by_shape.get(_shape(name), [])
            best = process.extractOne(name, choices, scorer=fuzz.ratio, processor=_normal,
                                      score_cutoff=FUZZY_CUTOFF) if choices else None
            if best is not None:
                mention = self._person(doc_id, ent, self.kb.people[best[0]], day, people)
                mention.method = "fuzzy:person"
                found.append(mention)
        return found

    def _inside_unknown_name(self, span: Span) -> bool:
        """A state or capital alias preceded by a capitalised given name of the same compound."""
        if span.start == 0:
            return False
        before = span.doc[span.start - 1]
        return (before.pos_ == "PROPN" and before.is_title and before.dep_ == "compound"
                and before.head.i >= span.start and before.lower_ not in self.kb.offices
                and self.labels.get(before.text, before.text) not in self.kb.aliases
                and before.ent_type_ in ("PERSON", "ORG", ""))

    # ------------------------------------------------------------------------------------
    def _person(self, doc_id: str, span: Span, person: Person, day: date | None, people: list[_Known]) -> Mention:
        role = person.role_on(day)
        in_org = role is not None and role.state in self.kb.organisations
        actor = Actor(code=role.state if role else "", kind="organisation" if in_org else "state",
                      sector=role.sector if role else None, person=person.name, role=role.title if role else None)
        titles = set((role.title if role else "").lower().split())
        people.extend(_Known(actor, short, titles) for short in self.kb.short_names(person))
        return _mention(doc_id, span, actor, "kb:person")

    def _alias(self, doc_id: str, span: Span, alias: Alias, people: list[_Known]) -> Mention:
        """A state/organisation name; extended over a following office title and person name."""
        actor = Actor(code=alias.code, kind="organisation" if alias.kind == "organisation" else "state",
                      sector=alias.sector)
        end = span.end
        doc = span.doc
        nxt = end + 1 if end < len(doc) and doc[end].tag_ == "POS" else end  # "Russia's foreign minister"
        office, office_end = self._office_at(doc, nxt)
        method = f"kb:{alias.method}"
        if office is not None:
            actor.sector = self.kb.offices[office]
            actor.role = office
            end = office_end
            method += "+office"
            name_end = end
            while name_end < len(doc) and doc[name_end].pos_ == "PROPN" and doc[name_end].ent_type_ == "PERSON":
                name_end += 1
            if name_end > end:
                actor.person = doc[end:name_end].text
                people.append(_Known(actor, doc[name_end - 1].text, set(office.split())))
                end = name_end
                method += "+person"
        return _mention(doc_id, doc[span.start:end], actor, method)

    def _office_at(self, doc: Doc, i: int) -> tuple[str | None, int]:
        """The longest office title starting at token ``i`` (lower-cased words)."""
        if i >= len(doc):
            return None, i
        for n in self.office_lengths.get(doc[i].lower_, ()):
            if i + n > len(doc):
                continue
            words = " ".join(t.lower_ for t in doc[i:i + n])
            if words in self.kb.offices:
                return words, i + n
        return None, i

    # ------------------------------------------------------------------------------------
    def _coreference(self, doc: Doc, doc_id: str, mentions: list[Mention], people: list[_Known],
                     plural: list[Span], mentioned: Counter[str]) -> list[Mention]:
        # "the council", "the ministry" first: a later pronoun may refer back through them
        found: list[Mention] = self._organisation_references(doc, doc_id, mentions)
        covered = {i for m in [*mentions, *found] for i in range(m.start, m.end)}
        surnames = {p.surname: p for p in people}
        title_words = {w for p in people for w in p.titles}
        anchors = sorted([*mentions, *found], key=lambda m: m.start)
        for token in doc:
            if token.idx in covered:
                continue
            if token.pos_ == "PROPN" and token.text in surnames:
                known = surnames[token.text]
                found.append(_mention(doc_id, token, _copy(known.actor), "coref:surname"))
            elif (token.lower_ in title_words and token.i > 0 and doc[token.i - 1].lower_ == "the"
                  and token.pos_ == "NOUN"):
                match = [p for p in people if token.lower_ in p.titles and _before(p, anchors, token.idx)]
                if match:
                    found.append(_mention(doc_id, doc[token.i - 1:token.i + 1], _copy(match[-1].actor), "coref:title"))
            elif token.pos_ == "PRON" and token.lower_ in PRONOUNS_STATE | PRONOUNS_PERSON:
                antecedent = _antecedent(doc, token, anchors, want_person=token.lower_ in PRONOUNS_PERSON)
                if antecedent is not None:
                    resolved = _mention(doc_id, token, _copy(antecedent.actor), "coref:pronoun")
                    found.append(resolved)
                    anchors.append(resolved)  # a later pronoun may refer through this one (tokens go left to right)
            elif token.pos_ == "PRON" and token.lower_ in PRONOUNS_PLURAL:
                group = _plural_antecedent(doc, token, anchors)
                if group is not None:
                    resolved = _mention(doc_id, token, group, "coref:pronoun")
                    found.append(resolved)
                    anchors.append(resolved)
        top = [code for code, _ in mentioned.most_common(2)]
        for span in plural:
            pair = _coordinated_pair(doc, span, mentions)
            if pair is not None:
                found.append(_mention(doc_id, span, Actor(code="|".join(pair), kind=JOINT), "coref:pair"))
            elif len(top) == 2:
                found.append(_mention(doc_id, span, Actor(code="|".join(top), kind=JOINT), "coref:dyad"))
        return found


    def _organisation_references(self, doc: Doc, doc_id: str, mentions: list[Mention]) -> list[Mention]:
        """ "the council", "these talks", "the agency": the organisation named last whose name ends in that
        noun ("the UN Security Council", "the six-party talks"); "the military", "the ministry": the state
        body named last that way ("South Korea's military"); unless the same noun came in between with
        words of its own ("the Japan-Russia talks", "a city council")."""
        by_start = {m.start: m for m in mentions if m.actor.code and (
            m.actor.kind == "organisation" or (m.actor.kind == "state" and m.actor.sector and m.actor.person is None
                                               and len(m.text.split()) > 1))}
        covered = {i for m in mentions for i in range(m.start, m.end)}
        found: list[Mention] = []
        last: dict[str, Mention | None] = {}  # head noun -> the organisation it refers back to
        for token in doc:
            if token.idx in by_start:
                mention = by_start[token.idx]
                heads = (self.org_heads.get(mention.actor.code, set()) if mention.actor.kind == "organisation"
                         else {mention.text.split()[-1].lower()})  # "South Korea's military" → "the military"
                for head in heads:
                    last[head] = mention
            head = token.lower_
            if head not in last or token.idx in covered or token.pos_ != "NOUN":
                continue
            modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod", "poss", "nummod")
                         or (c.dep_ == "prep" and c.lower_ in ("between", "with", "on", "over", "of"))]
            determiner = [c for c in token.children if c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS]
            antecedent = last[head]
            if modifiers:
                last[head] = None  # another body of that name: the earlier one is no longer meant
            elif determiner and antecedent is not None:
                span = doc[determiner[0].i:token.i + 1]
                found.append(_mention(doc_id, span, _copy(antecedent.actor), "coref:organisation"))
        return found

def _heads(entry: dict[str, Any]) -> set[str]:
    """The nouns an organisation's names end in ("council", "talks", "agency"): "the council" refers back."""
    names = [str(entry.get("name") or ""), *(str(a) for a in entry.get("aliases") or [])]
    last_words = [n.split()[-1] for n in names if len(n.split()) > 1]
    return {w.lower() for w in last_words if w.isalpha()} - GENERIC_HEADS


def _hyphenated_stance(span: Span) -> bool:
    """A name inside a compound adjective that describes others by their stance towards it: "anti-Japanese",
    "pro-Russian", "Russian-backed", "US-led" is kept (the US leads)."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in STANCE_PREFIXES:
        return True
    return (span.end + 1 < len(doc) and doc[span.end].text == "-"
            and doc[span.end + 1].lower_ in STANCE_SUFFIXES)


def _coordinated_pair(doc: Doc, span: Span, mentions: list[Mention]) -> list[str] | None:
    """"Russia and China argued …; the two countries circulated a draft": the last two states named
    together ("X and Y") in this sentence or the one before, when there is such a pair."""
    first = doc[span.sent.start - 1].sent.start_char if span.sent.start > 0 else span.sent.start_char
    states = [m for m in mentions if first <= m.start and m.end <= span.start_char
              and m.actor.kind == "state" and m.actor.code]
    heads: dict[int, Mention] = {}
    for m in states:
        part = doc.char_span(m.start, m.end, alignment_mode="expand")
        if part is not None:
            heads[part.root.i] = m
    best: list[str] | None = None
    for i, m in heads.items():
        head = doc[i].head
        if doc[i].dep_ == "conj" and head.i in heads and heads[head.i].actor.code != m.actor.code:
            best = [heads[head.i].actor.code, m.actor.code]
    return best


def _mention(doc_id: str, span: Span | Token, actor: Actor, method: str) -> Mention:
    if isinstance(span, Token):
        start, end, text, sent = span.idx, span.idx + len(span.text), span.text, sentence_index(span.doc, span)
    else:
        start, end, text, sent = span.start_char, span.end_char, span.text, sentence_index(span.doc, span[0])
    return Mention(doc_id=doc_id, start=start, end=end, text=text, actor=actor, method=method, sentence=sent)


def _copy(actor: Actor) -> Actor:
    return Actor(code=actor.code, kind=actor.kind, sector=actor.sector, person=actor.person, role=actor.role)


def _before(person: _Known, anchors: list[Mention], offset: int) -> bool:
    return any(m.actor.person == person.actor.person and m.start < offset for m in anchors)


def _antecedent(doc: Doc, token: Token, anchors: list[Mention], *, want_person: bool) -> Mention | None:
    """Prefer the subject of the current or previous sentence, else the nearest earlier mention."""
    sent_start = token.sent.start_char
    prev_start = doc[token.sent.start - 1].sent.start_char if token.sent.start > 0 else sent_start
    sent_end = token.sent.end_char
    candidates = [m for m in anchors if m.start >= prev_start and m.start < sent_end and m.start != token.idx
                  and (m.actor.person is not None) == want_person and m.actor.kind != JOINT and m.actor.code]
    nearer = _same_clause_antecedent(doc, token, candidates)
    if nearer is not None:  # "sanctions against Moscow for its aggression": the nearer party
        return nearer
    subject = _clause_subject(token)
    if subject is not None:
        own = [m for m in candidates if m.start <= subject.idx < m.end]
        if own:  # "Pyongyang said it …" → Pyongyang
            return own[0]
        owners = [m for m in candidates for c in subject.children
                  if c.dep_ == "poss" and m.start <= c.idx < m.end]
        if owners:  # "its relations with Beijing deteriorated after its test": the subject's owner
            return owners[0]
        other_kind = any(m.start <= subject.idx < m.end for m in anchors)
        if not want_person and not other_kind and subject.pos_ != "PRON":
            return None  # "North Korea's fondness … has its roots": "its" is the fondness's, not an actor's
        # otherwise look further back: "he" cannot be "the report", nor "it" a person
    candidates = [m for m in candidates if m.start < token.idx]
    if not candidates:
        return None
    subjects = [m for m in candidates if _is_subject(doc, m)]
    same_sentence = [m for m in subjects if m.start >= sent_start]
    if same_sentence:
        return same_sentence[0]
    if subjects:
        return subjects[0]
    return candidates[-1]


def _plural_antecedent(doc: Doc, token: Token, anchors: list[Mention]) -> Actor | None:
    """"they", "them", "their": the last subject of this sentence or the one before that names several
    actors ("Brussels and Washington imposed …; they later urged …", "the two countries") or a group of
    a state's people ("Russian officials", "North Korean soldiers"). A single state or person is not
    "they"; when nothing fits, the pronoun stays unresolved."""
    start = doc[token.sent.start - 1].sent.start_char if token.sent.start > 0 else token.sent.start_char
    roots = {span.root.i: m for m in anchors if start <= m.start < token.idx and m.actor.code
             and (span := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None}
    groups: list[tuple[int, Actor]] = []
    for i, m in roots.items():
        root = doc[i]
        if root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        members = [m, *(roots[c.i] for c in root.conjuncts if c.i in roots)]
        codes = list(dict.fromkeys(code for x in members for code in x.actor.code.split("|")))
        if len(codes) >= 2:
            groups.append((root.i, Actor(code="|".join(codes), kind=JOINT)))
        elif m.actor.kind == JOINT or (root.tag_ in ("NNS", "NNPS") and m.actor.person is None):
            groups.append((root.i, _copy(m.actor)))
    if not groups:
        return None
    return max(groups, key=lambda g: g[0])[1]


def _clause_verb(token: Token) -> Token | None:
    return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _same_clause_antecedent(doc: Doc, token: Token, candidates: list[Mention]) -> Mention | None:
    """For a possessive pronoun, the nearest earlier actor that is an object or prepositional object
    of the same clause (subjects are left to :func:`_clause_subject`)."""
    if token.dep_ != "poss":
        return None
    verb = _clause_verb(token)
    if verb is None:
        return None
    best: Mention | None = None
    for mention in candidates:
        if mention.end > token.idx:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("dobj", "pobj", "dative") or _clause_verb(span.root) != verb:
            continue
        path = [span.root, *span.root.ancestors]
        if any(t.dep_ in ("nsubj", "nsubjpass") for t in path[:path.index(verb)] if t.i != verb.i):
            continue  # inside the subject ("its relations with Beijing deteriorated"): not an object
        best = mention
    return best


def _clause_subject(token: Token) -> Token | None:
    """The subject of the nearest clause above the pronoun that does not hold it: before the
    pronoun, or after it when the pronoun sits in a phrase fronted before that subject
    ("During his visit to Pyongyang, Lavrov said …"). The object of "urged Moscow to withdraw its
    troops" is the subject of the verb the pronoun's phrase hangs from."""
    below = token
    for head in token.ancestors:
        if below.dep_ == "xcomp":
            controller = next((c for c in head.children if c.dep_ == "dobj" and c.i < below.i), None)
            if controller is not None:
                return controller
        below = head
        for child in head.children:
            if child.dep_ not in ("nsubj", "nsubjpass") or child.left_edge.i <= token.i <= child.right_edge.i:
                continue
            if child.i < token.i:
                return child
            fronted = [c for c in head.children
                       if c.i < child.left_edge.i and c.left_edge.i <= token.i <= c.right_edge.i]
            if fronted and fronted[0].dep_ in ("prep", "advcl", "npadvmod", "advmod"):
                return child
    return None


def _is_subject(doc: Doc, mention: Mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and any(t.dep_ in ("nsubj", "nsubjpass") for t in span)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    last_end = -1
    for m in mentions:
        if m.start >= last_end:
            kept.append(m)
            last_end = m.end
    return kept
