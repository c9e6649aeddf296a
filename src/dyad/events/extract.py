"""Events from the dependency parse: trigger words, their arguments, modality and evidence.

A trigger (verb or noun from the lexicon) becomes an event when its source resolves to an
actor: the subject or passive agent of a verb, the possessor / "by" / "of" phrase of a noun,
or the subject of the verb it depends on. Targets come from objects and prepositions.
Coordinated actors give one event each; mutual acts between two named sides are marked mutual.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..actors import JOINT
from ..model import Mention, Modality
from ..sentences import sentence_index
from .lexicon import Lexicon, Trigger

__all__ = ["Candidate", "EventExtractor"]

DEFAULT_TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "from", "at", "for", "into",
                        "over", "upon", "between")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "appos", "npadvmod")
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}


@dataclass(slots=True)
class Candidate:
    """An event before dating and storage: actors, trigger, evidence tokens and why it was kept."""

    trigger: Trigger
    token: Token
    source: Mention
    target: Mention | None
    modality: Modality
    mutual: bool
    start: int
    end: int
    confidence: float
    rule: str

    @property
    def sentence(self) -> int:
        return sentence_index(self.token.doc, self.token)


class EventExtractor:
    """Callable: ``extractor(doc, mentions) -> list[Candidate]``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def __call__(self, doc: Doc, mentions: list[Mention]) -> list[Candidate]:
        index = _token_index(doc, mentions)
        found: list[Candidate] = []
        verb_objects: set[tuple[int, str]] = set()
        for token in doc:
            trigger = self.lex.match(token)
            if trigger is None:
                continue
            if token.pos_ == "NOUN" and (token.head.i, trigger.type) in verb_objects:
                continue  # "imposed sanctions": the verb already gave this event
            made = list(self._from_trigger(token, trigger, index))
            if made and token.pos_ in ("VERB", "AUX"):
                verb_objects.add((token.i, trigger.type))
            found.extend(made)
        return found

    # ------------------------------------------------------------------------------------
    def _from_trigger(self, token: Token, trigger: Trigger, index: dict[int, Mention]) -> Iterator[Candidate]:
        is_verb = token.pos_ in ("VERB", "AUX")
        sources, rule = (_verb_sources(token, index) if is_verb else _noun_sources(token, index))
        if not sources:
            return
        preps = trigger.target_preps or DEFAULT_TARGET_PREPS
        targets = _verb_targets(token, index, preps) if is_verb else _noun_targets(token, index, preps, sources)
        mutual_type = self.lex.types[trigger.type].mutual if trigger.type in self.lex.types else False
        modality = self._modality(token)
        for source in sources:
            pairs = _pairs(source, targets, mutual_type)
            for src, tgt, mutual in pairs:
                if tgt is not None and tgt.actor.code == src.actor.code:
                    tgt = None
                if src.actor.sector == "MED":
                    continue  # acts of the media are not events
                start, end = _evidence(token, src, tgt)
                yield Candidate(trigger=trigger, token=token, source=src, target=tgt, modality=modality,
                                mutual=mutual, start=start, end=end,
                                confidence=_confidence(rule, src, tgt, trigger, self.lex), rule=rule)

    def _modality(self, token: Token) -> Modality:
        """From auxiliaries, negation, conditionals, governing words and modifiers (modality.yaml)."""
        cue = self.lex.cues
        chain = _governors(token)
        governors = {t.lemma_.lower() for t in chain[1:]}
        governors |= {c.lemma_.lower() for t in chain for c in t.children if c.dep_ in ("acomp", "oprd")}
        aux = {c.lemma_.lower() for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")}
        aux |= {c.lower_ for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")}
        negations = {c.lower_ for t in chain for c in t.children if c.dep_ == "neg"}
        modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss")}
        modifiers |= {c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "nmod")}
        ancestors = [token, *token.ancestors]
        marks = {c.lower_ for t in ancestors for c in t.children if c.dep_ == "mark"}
        speech = any(t.lemma_.lower() in cue("planned", "speech_verbs") for t in ancestors[1:])
        sent = token.sent
        after = token.doc[token.i + 1:sent.end].text.lower()
        before = token.doc[sent.start:token.i].text.lower()
        own = token.lemma_.lower()

        if negations & set(cue("negated", "negations")) or (governors - {own}) & set(cue("negated", "governors")) \
                or any(p in after for p in cue("negated", "phrases")):
            return "negated"
        conditional = marks & {"if", "unless", "lest"} or any(f"{p} " in before for p in cue("hypothetical", "phrases"))
        modal = aux & {"could", "may", "might", "should"} or ("would" in aux and not speech)
        if conditional or modal or (governors - {own}) & set(cue("hypothetical", "governors")):
            return "hypothetical"
        if (governors - {own}) & set(cue("proposed", "governors")) or modifiers & set(cue("proposed", "modifiers")):
            return "proposed"
        if (aux & set(cue("planned", "aux")) or (governors - {own}) & set(cue("planned", "governors"))
                or modifiers & set(cue("planned", "modifiers"))
                or ("would" in aux and speech)
                or any(before.endswith(p) for p in cue("planned", "phrases"))):
            return "planned"
        return "asserted"


# -- arguments ----------------------------------------------------------------------------
def _token_index(doc: Doc, mentions: list[Mention]) -> dict[int, Mention]:
    index: dict[int, Mention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                index.setdefault(token.i, mention)
    return index


def _phrase_actor(token: Token, index: dict[int, Mention], depth: int = 0) -> Mention | None:
    """The actor a noun phrase names: the head itself, a possessor/modifier, or an 'of' phrase."""
    if token.i in index:
        return index[token.i]
    if depth > 3:
        return None
    for child in token.children:
        if child.dep_ in MODIFIER_DEPS:
            found = index.get(child.i) or (_phrase_actor(child, index, depth + 1)
                                           if child.dep_ in ("poss", "compound", "appos") else None)
            if found is not None:
                return found
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = _phrase_actor(pobj, index, depth + 1)
                    if found is not None:
                        return found
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return _phrase_actor(token.head.head, index, depth + 1)
    return None


def _actors(token: Token, index: dict[int, Mention]) -> list[Mention]:
    """Actors of a phrase and of the phrases coordinated with it ("the EU and the US")."""
    found: list[Mention] = []
    for head in (token, *token.conjuncts):
        mention = _phrase_actor(head, index)
        if mention is not None and all(mention is not f for f in found):
            found.append(mention)
    return found


def _verb_sources(verb: Token, index: dict[int, Mention]) -> tuple[list[Mention], str]:
    current, rule = verb, "verb:subject"
    for _ in range(4):
        passive = any(c.dep_ == "nsubjpass" for c in current.children)
        for child in current.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return _actors(pobj, index), "verb:agent"
        if not passive:
            for child in current.children:
                if child.dep_ in ("nsubj", "csubj"):
                    actors = _actors(child, index)
                    if not actors and child.lower_ in RELATIVE_PRONOUNS:
                        actors = _relative_antecedent(current, index)
                    return actors, rule
        if current.dep_ in ("xcomp", "conj", "advcl") and current.head is not current:
            current, rule = current.head, "verb:inherited-subject"
            continue
        if current.dep_ == "relcl":
            return _relative_antecedent(current, index), "verb:relative"
        break
    return [], rule


def _relative_antecedent(relcl: Token, index: dict[int, Mention]) -> list[Mention]:
    """'countries which call …' → the noun; 'Russia is one of the countries which …' → Russia."""
    noun = relcl.head
    actors = _actors(noun, index)
    if actors:
        return actors
    head = noun
    while head.dep_ in ("pobj", "prep", "attr") and head.head is not head:
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            return _actors(subjects[0], index) if subjects else []
    return []


def _verb_targets(verb: Token, index: dict[int, Mention], preps: tuple[str, ...]) -> list[Mention]:
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "nsubjpass", "attr", "oprd"):
            actors = _actors(child, index)
            if actors:
                return actors
    for holder in (verb, *[c for c in verb.children if c.dep_ in ("dobj", "prt", "advmod", "xcomp")]):
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actors = _actors(pobj, index)
                        if actors:
                            return actors
    return []


def _noun_sources(noun: Token, index: dict[int, Mention]) -> tuple[list[Mention], str]:
    for child in noun.children:
        if child.dep_ == "poss":
            actors = _actors(child, index)
            if actors:
                return actors, "noun:possessor"
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (actors := _actors(pobj, index)):
                    return actors, "noun:by"
    modifiers = [index[c.i] for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i in index]
    modifiers += [index[g.i] for c in noun.children if c.dep_ == "compound" for g in c.children if g.i in index]
    unique = list({id(m): m for m in modifiers}.values())
    if unique:
        return unique[:1], "noun:modifier"
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "between"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (actors := _actors(pobj, index)):
                    return actors[:1], f"noun:{child.lower_}"
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        actors, _ = _verb_sources(head, index)
        if actors:
            return actors, "noun:verb-subject"
    return [], ""


def _noun_targets(noun: Token, index: dict[int, Mention], preps: tuple[str, ...],
                  sources: list[Mention]) -> list[Mention]:
    found: list[Mention] = []
    modifiers = [index[c.i] for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i in index]
    modifiers += [index[g.i] for c in noun.children if c.dep_ == "compound" for g in c.children if g.i in index]
    for child in noun.children:
        if child.dep_ == "prep" and (child.lower_ in preps or child.lower_ == "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend(_actors(pobj, index))
    for mention in modifiers + found:
        if all(mention is not s for s in sources) and all(mention.actor.code != s.actor.code for s in sources):
            return [mention]
    return []


def _pairs(source: Mention, targets: list[Mention], mutual_type: bool) -> list[tuple[Mention, Mention | None, bool]]:
    """Expand joint actors ("the two countries") into a mutual pair; else one event per target."""
    if source.actor.kind == JOINT:
        a, b = source.actor.code.split("|")
        src = _with_code(source, a)
        return [(src, _with_code(source, b), True)]
    if not targets:
        return [(source, None, False)]
    return [(source, t, mutual_type) for t in targets]


def _with_code(mention: Mention, code: str) -> Mention:
    from ..model import Actor

    return Mention(doc_id=mention.doc_id, start=mention.start, end=mention.end, text=mention.text,
                   actor=Actor(code=code), method=mention.method, sentence=mention.sentence)


# -- modality helpers ---------------------------------------------------------------------
def _governors(token: Token) -> list[Token]:
    """The trigger and the words it depends on within its clause (xcomp/conj chains, noun heads)."""
    chain = [token]
    current = token
    for _ in range(4):
        if current.dep_ in ("xcomp", "conj", "dobj", "nsubj", "nsubjpass", "pobj", "prep", "acomp", "ccomp") \
                and current.head is not current:
            current = current.head
            chain.append(current)
            if current.dep_ == "ROOT":
                break
        else:
            break
    return chain


def _ancestors_in_sentence(token: Token) -> list[Token]:
    return [token, *token.ancestors]


# -- evidence and confidence ------------------------------------------------------------------
def _evidence(token: Token, source: Mention, target: Mention | None) -> tuple[int, int]:
    """The clause: the trigger's subtree plus the actors' spans, kept inside the sentence."""
    sent = token.sent
    subtree = list(token.subtree) if token.pos_ not in ("VERB", "AUX") or token.dep_ != "ROOT" else [token]
    if token.pos_ in ("VERB", "AUX") and token.dep_ == "ROOT":
        subtree = [t for t in token.subtree if t.dep_ != "punct" or t.i != sent.end - 1]
    start = min([subtree[0].idx, source.start] + ([target.start] if target else []))
    last = subtree[-1]
    end = max([last.idx + len(last.text), source.end] + ([target.end] if target else []))
    return max(start, sent.start_char), min(end, sent.end_char)


def _confidence(rule: str, source: Mention, target: Mention | None, trigger: Trigger, lex: Lexicon) -> float:
    score = {"verb:subject": 0.8, "verb:agent": 0.8, "noun:possessor": 0.75, "noun:by": 0.75,
             "verb:inherited-subject": 0.7, "verb:relative": 0.65, "noun:modifier": 0.65, "noun:of": 0.6,
             "noun:between": 0.7, "noun:verb-subject": 0.6}.get(rule, 0.5)
    if source.method.startswith("coref:pronoun"):
        score -= 0.1
    if source.method == "kb:adjectives" or source.method == "kb:people":
        score -= 0.1
    if target is None and trigger.type not in ("MOBILIZE", "ASSAULT", "PROTEST", "THREATEN"):
        score -= 0.15
    if trigger.needs:
        score += 0.05
    return round(max(0.0, min(1.0, score)), 3)
