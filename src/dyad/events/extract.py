"""Events from the dependency parse: trigger words, their arguments, modality and evidence.

A trigger (verb or noun from the lexicon) becomes an event when its source resolves to an
actor: the subject or passive agent of a verb, the possessor / "by" / "of" phrase of a noun,
or the subject of the verb it depends on. Targets come from objects and prepositions.
Coordinated actors give one event each; mutual acts between two named sides are marked mutual.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ..actors import JOINT
from ..model import Mention, Modality
from ..sentences import sentence_index
from . import arguments as arg
from .lexicon import Lexicon, Trigger, needed_words
from .named import NamedEventMatch

__all__ = ["Candidate", "EventExtractor", "Extraction"]


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
    future: bool = False
    date: str | None = None  # a date known from the knowledge base (named events), not read from the text

    @property
    def sentence(self) -> int:
        return sentence_index(self.token.doc, self.token)


@dataclass(slots=True)
class Extraction:
    """What the extractor found in one document, and why (``dyad explain`` shows ``notes``)."""

    candidates: list[Candidate] = field(default_factory=list)
    trigger_tokens: set[int] = field(default_factory=set)  # every token the lexicon matched
    notes: list[tuple[int, str, str]] = field(default_factory=list)  # (token index, trigger, decision)

    def note(self, token: Token, trigger: Trigger, what: str) -> None:
        self.notes.append((token.i, f"{trigger.label}/{trigger.type}", what))


class EventExtractor:
    """Callable: ``extractor(doc, mentions) -> Extraction``. Stateless between documents."""

    def __init__(self, lexicon: Lexicon, forums: frozenset[str] = frozenset()) -> None:
        """``forums``: codes of negotiating formats ("the six-party talks"); their own acts (talks
        suspended, tabled) have no addressee, so a missing target is no weakness there."""
        self.lex = lexicon
        self.forums = forums

    def __call__(self, doc: Doc, mentions: list[Mention], named: Sequence[NamedEventMatch] = ()) -> Extraction:
        """``named``: well-known events found by name ("the annexation of Crimea"); each becomes an
        event with the parties and date of the knowledge base, in place of what a trigger inside the
        name would have given."""
        result = Extraction()
        index = arg.token_index(doc, mentions)
        dyad = main_dyad(mentions)
        verb_objects: set[tuple[int, str]] = set()
        consumed: set[int] = set()  # words a multiword verb trigger needed ("lodged a PROTEST")
        for token in doc:
            trigger = self.lex.match(token)
            if trigger is None:
                continue
            result.trigger_tokens.add(token.i)
            if token.pos_ in ("NOUN", "PROPN") and ((token.head.i, trigger.type) in verb_objects
                                                     or token.i in consumed):
                result.note(token, trigger, "skipped: the governing verb gave this event")
                continue
            if token.pos_ in ("NOUN", "PROPN") and any(
                    c.dep_ == "relcl" and (inner := self.lex.match(c)) is not None and inner.type == trigger.type
                    for c in token.children):
                result.note(token, trigger, "skipped: its relative clause gives this event ('the treaty X signed')")
                continue
            made = list(self._from_trigger(token, trigger, index, result, dyad))
            if (made and len({c.source.actor.code for c in made}) == 1 and not made[0].mutual
                    and self._consents_to_act(token, trigger)):
                result.note(token, trigger, "skipped: one party agreeing to an act is coded as that act")
                made = []
            made = [r for c in made for r in self._reaction_targets(c, result.candidates)]
            made = [self._body_target(c, mentions) for c in made]
            if made and token.pos_ in ("VERB", "AUX"):
                verb_objects.add((token.i, trigger.type))
                consumed.update(t.i for t in needed_words(token) if t.lemma_.lower() in trigger.needs)
            for candidate in made:
                result.note(token, trigger, f"event {candidate.source.actor.code}->"
                            f"{candidate.target.actor.code if candidate.target else '-'} {trigger.type} "
                            f"{candidate.modality} conf={candidate.confidence} rule={candidate.rule}")
            result.candidates.extend(made)
        result.candidates = [self._condition_target(self._cause_target(c, result.candidates), index)
                             for c in result.candidates]
        result.candidates = self._named_events(doc, named, result)
        result.candidates.extend(self._reported_accusations(result, index))
        result.candidates.extend(self._stated_threats(result, index))
        result.candidates.extend(self._judgements(doc, result, index, mentions, dyad))
        result.candidates = [self._answer_accusation(c, result.candidates) for c in result.candidates]
        result.candidates = _double_negatives(result)
        return result

    def _named_events(self, doc: Doc, named: Sequence[NamedEventMatch], result: Extraction) -> list[Candidate]:
        kept = list(result.candidates)
        for match in named:
            span = doc.char_span(match.start, match.end, alignment_mode="expand")
            if span is None:
                continue
            inside = [c for c in kept if match.start <= c.token.idx < match.end]
            kept = [c for c in kept if c not in inside]
            head = span.root
            event_type = self.lex.types.get(match.type)
            trigger = Trigger(lemma=head.lemma_.lower(), pos="NOUN", type=match.type,
                              cameo=event_type.cameo if event_type else "", mode=match.mode)
            source = arg.known_actor(span, match.source)
            target = arg.known_actor(span, match.target) if match.target else None
            rule = "named-event"
            result.trigger_tokens.add(head.i)
            replaced = f" (in place of {len(inside)} from its words)" if inside else ""
            result.note(head, trigger, f"event {match.source}->{match.target or '-'} {match.type} {match.date} "
                        f"named event {match.key!r}{replaced}")
            kept.append(Candidate(trigger=trigger, token=head, source=source, target=target, modality="asserted",
                                  mutual=match.mutual, start=span.start_char, end=span.end_char,
                                  confidence=_confidence(rule, source, target, trigger, self.lex), rule=rule,
                                  date=match.date))
        return [self._reaction_to_named(c, kept) for c in kept]

    def _reaction_to_named(self, cand: Candidate, candidates: list[Candidate]) -> Candidate:
        """"condemned the annexation of Crimea", "sanctions over the Korean War", "sanctions following the
        invasion of Ukraine": a hostile reaction whose object is a named event targets whoever did it.
        Leaving or rejecting a named agreement ("withdrew from the 2015 nuclear deal") targets its other party."""
        if cand.trigger.type in ("RETREAT", "REJECT") and cand.rule != "named-event" and not _named_target(cand):
            for obj in arg.objects(cand.token, ("from", "out", "of")):
                for event in (c for c in candidates if c.rule == "named-event" and c.trigger.type == "AGREE"):
                    if event.start <= obj.idx < event.end and event.target is not None:
                        own = cand.source.actor.code
                        other = event.target if event.source.actor.code == own else event.source
                        if other.actor.code != own:
                            return self._retarget(cand, other, "named-target")
        event_type = self.lex.types.get(cand.trigger.type)
        if cand.rule == "named-event" or event_type is None or not event_type.quad.endswith("conflict"):
            return cand
        named = [c for c in candidates if c.rule == "named-event"]
        holders = [cand.token, *(c for c in cand.token.children if c.dep_ == "dobj")]  # "imposed sanctions over …"
        for obj in (o for h in holders for o in arg.objects(h, self.lex.reaction_preps)):
            for event in named:
                inside = event.start <= obj.idx < event.end
                # "condemned the annexation of Crimea": a target named inside the event's name is not the target
                free = cand.target is None or not _named_target(cand) or event.start <= cand.target.start < event.end
                if inside and free and event.source.actor.code != cand.source.actor.code:
                    return self._retarget(cand, event.source, "named-target")
        return cand

    def _consents_to_act(self, token: Token, trigger: Trigger) -> bool:
        """"agreed to write off the debt": a verb of consent whose complement is an act of another type."""
        if trigger.type not in ("AGREE", "SUPPORT") or token.lemma_.lower() not in self.lex.consent_verbs:
            return False
        acts = [c for c in token.children if c.dep_ in ("xcomp", "dobj")]
        acts += [p for c in acts if c.dep_ == "dobj" for prep in c.children if prep.dep_ == "prep"
                 and prep.lower_ == "of" for p in arg.pobjs(prep)]  # "agreed a package of sanctions"
        for child in acts:
            inner = self.lex.match(child)
            if inner is not None and inner.type != trigger.type:
                return True
        return False

    def _answer_accusation(self, cand: Candidate, candidates: list[Candidate]) -> Candidate:
        """"…, a charge both countries denied": a denial with no one named answers the latest accusation
        against its source; the accuser is the target."""
        if cand.trigger.type != "REJECT" or cand.trigger.lemma not in self.lex.denial_verbs or (
                _named_target(cand)):
            return cand
        accusers = [c.source for c in candidates if c.trigger.type == "ACCUSE" and c.token.i < cand.token.i
                    and c.target is not None and c.target.actor.code == cand.source.actor.code]
        if not accusers:
            return cand
        return self._retarget(cand, accusers[-1], "event-target")

    def _reported_accusations(self, result: Extraction, index: dict[int, Mention]) -> list[Candidate]:
        """"The White House said North Korea had delivered weapons": the statement accuses the actor of
        the reported act when that act is hostile (a conflict type or an alleged act such as arms supply)."""
        made: list[Candidate] = []
        seen: set[tuple[int, str]] = set()
        for cand in list(result.candidates):
            supplies = cand.trigger.type == "AID" and any(
                t.lemma_.lower() in self.lex.alleged_supplies for t in cand.token.subtree)
            if cand.trigger.type not in self.lex.alleged_types and not supplies:
                continue
            verb = _reporting_verb(cand.token, self.lex.accusation_verbs)
            if verb is None or (verb.i, cand.source.actor.code) in seen or verb.i in result.trigger_tokens:
                continue
            speakers, _ = arg.verb_sources(verb, index, self.lex)
            for speaker in speakers:
                if speaker.actor.code in (cand.source.actor.code, "") or speaker.actor.sector == "MED":
                    continue
                seen.add((verb.i, cand.source.actor.code))
                trigger = Trigger(lemma=verb.lemma_.lower(), pos="VERB", type="ACCUSE", cameo="112", mode="allege")
                start, end = _evidence(verb, speaker, cand.source)
                rule = "verb:subject+reported-accusation"
                made.append(Candidate(trigger=trigger, token=verb, source=speaker, target=cand.source,
                                      modality="asserted", mutual=False, start=start, end=end,
                                      confidence=_confidence(rule, speaker, cand.source, trigger, self.lex),
                                      rule=rule))
                result.note(verb, trigger, f"event {speaker.actor.code}->{cand.source.actor.code} ACCUSE "
                            f"(reports {cand.trigger.type} by {cand.source.actor.code})")
        return made

    def _description(self, token: Token) -> str | None:
        """"motive" when a verb of wanting governs the act ("would like to deliver gas"), "habit" when an
        adverb of frequency modifies it or its governors ("usually delays the vote"), else None."""
        chain = _governors(token)
        if any(t.lemma_.lower() in self.lex.motive_verbs for t in chain[1:]):
            return "motive"
        children = [c for t in chain for c in t.children]
        pledged = any(c.dep_ == "aux" and c.lemma_.lower() in ("will", "would", "shall") for c in children)
        if not pledged and any(c.dep_ == "advmod" and c.lower_ in self.lex.habitual_adverbs for c in children):
            return "habit"  # "would always support" is a pledge, not a habit
        return None

    def _judgements(self, doc: Doc, result: Extraction, index: dict[int, Mention], mentions: list[Mention],
                    dyad: tuple[Mention, Mention] | None) -> list[Candidate]:
        """"Iran called the detention an act of piracy", "China said the purchase was illegal": an actor
        judging a thing by a condemning word accuses whoever the thing belongs to — an actor in its
        phrase, the doer of an earlier event of that name, the body that voted a resolution, or
        else the other side of the article's main pair."""
        made: list[Candidate] = []
        for verb in doc:
            if verb.pos_ not in ("VERB", "AUX") or verb.i in result.trigger_tokens:
                continue
            judged = self._judged_thing(verb)
            if judged is None:
                continue
            sources, rule = arg.verb_sources(verb, index, self.lex)
            for source in sources:
                if source.actor.sector == "MED":
                    continue
                target, how = self._owner(judged, source, result.candidates, index, mentions, dyad)
                if target is None:
                    continue
                trigger = Trigger(lemma=verb.lemma_.lower(), pos="VERB", type="ACCUSE", cameo="111", mode="disapprove")
                full = f"{rule}+{how}" if how else rule
                start, end = _evidence(verb, source, None)
                made.append(Candidate(trigger=trigger, token=verb, source=source, target=target,
                                      modality=self._modality(verb), mutual=False, start=start, end=end,
                                      confidence=_confidence(full, source, target, trigger, self.lex), rule=full))
                result.note(verb, trigger, f"event {source.actor.code}->{target.actor.code} ACCUSE "
                            f"(judges {judged.text!r})")
        return made

    def _judged_thing(self, verb: Token) -> Token | None:
        """The thing a verb of naming or saying judges by a condemning word, if it does."""
        def condemning(word: Token) -> bool:
            return any(t.lemma_.lower() in self.lex.judgement_words or t.lower_ in self.lex.judgement_words
                       for t in word.subtree)
        lemma = verb.lemma_.lower()
        if lemma in self.lex.naming_verbs:
            objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            complements = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp", "attr", "ccomp")]
            if objects and not complements:  # "called the resolution political and unconstructive"
                complements = [c for c in objects[0].children if c.dep_ == "amod" and c.i > objects[0].i]
            for comp in complements:
                if objects and condemning(comp):
                    # "what it called the South's hostile attitude": the thing is named by the complement
                    return comp if objects[0].lower_ == "what" else objects[0]
        if lemma in self.lex.accusation_verbs:
            for comp in (c for c in verb.children if c.dep_ == "ccomp"):
                subjects = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
                predicates = [c for c in comp.children if c.dep_ in ("acomp", "attr")]
                if subjects and any(condemning(p) for p in predicates):
                    return subjects[0]
        return None

    def _owner(self, thing: Token, source: Mention, candidates: list[Candidate], index: dict[int, Mention],
               mentions: list[Mention], dyad: tuple[Mention, Mention] | None) -> tuple[Mention | None, str]:
        own = source.actor.code
        actors = [a for a in arg.actors_of(thing, index) if a.actor.code != own]
        if actors:
            return actors[0], ""
        lemma = thing.lemma_.lower()
        earlier = [c for c in candidates if c.token.i < thing.i and c.source.actor.code != own and (
            c.token.lemma_.lower() == lemma or any(t.lemma_.lower() == lemma for t in c.token.children))]
        if earlier:
            return earlier[-1].source, "event-target"
        recent = self._recent_act(candidates, thing, own) if lemma in self.lex.generic_acts else []
        if recent:  # "called the move reckless": the act just reported, by another
            return recent[-1].source, "event-target"
        if lemma in self.lex.body_documents:
            bodies = [m for m in mentions if m.end <= thing.idx and m.actor.code in self.lex.voting_bodies
                      and m.actor.code != own]
            if bodies:
                return bodies[-1], "body-target"
        if dyad is not None and own in {m.actor.code for m in dyad}:
            return next(m for m in dyad if m.actor.code != own), "context-target"
        return None, ""

    def _speculation(self, token: Token, modality: Modality, index: dict[int, Mention]) -> str | None:
        """"Some have analysed that North Korea and Russia would expand their cooperation", "according to
        analysts, their cooperation will create a counterpoise": what unnamed observers expect is analysis,
        not an act (an actor's own statement of intent stays an event)."""
        if modality not in ("planned", "hypothetical"):
            return None
        for ancestor in token.ancestors:
            if ancestor.pos_ in ("VERB", "AUX") and ancestor.lemma_.lower() in self.lex.speculation_verbs:
                subjects = [c for c in ancestor.children if c.dep_ in ("nsubj", "csubj")]
                # unnamed observers ("some", "analysts", "the report") or reasons ("Seoul's push for a summit
                # means that …"), not a pronoun or a name for an actor
                if subjects and all(c.tag_ not in ("PRP", "NNP", "NNPS") for c in subjects) \
                        and not any(c.i in index for c in subjects):
                    return "speculation"
        for word in token.sent:
            if word.lower_ == "according" and any(c.lower_ == "to" for c in word.children):
                sources = [p for c in word.children if c.lower_ == "to" for p in arg.pobjs(c)]
                if sources and not any(t.i in index for p in sources for t in p.subtree):
                    return "speculation"
        return None

    def _requested(self, token: Token, sources: list[Mention], index: dict[int, Mention]) -> str | None:
        """"a resolution demanding that Russia withdraw its troops", "urged Tokyo to lift the curbs": the act
        asked of another is not an event (the guidelines annotate the request only)."""
        for governor in _governors(token)[1:] + ([token.head] if token.dep_ == "ccomp" else []):
            trigger = self.lex.match(governor) if governor.pos_ in ("VERB", "AUX") else None
            if trigger is None or trigger.type != "REQUEST":
                continue
            asking = {m.actor.code for m in arg.verb_sources(governor, index, self.lex)[0]}
            if asking and not asking & {m.actor.code for m in sources}:
                return "requested act"
        return None

    def _stated_threats(self, result: Extraction, index: dict[int, Mention]) -> list[Candidate]:
        """"Beijing announced the possibility of imposing sanctions on Pyongyang", "Trump's declaration
        that … the US may resolve the issue by force": an actor stating its own possible hostile act
        threatens the act's target (the act itself stays, as hypothetical)."""
        made: list[Candidate] = []
        threats = {(c.source.actor.code, c.target.actor.code if c.target else None)
                   for c in result.candidates if c.trigger.type == "THREATEN"}
        for cand in list(result.candidates):
            coded = self.lex.stated_threats.get(cand.trigger.type)
            if coded is None or cand.modality != "hypothetical" or cand.target is None:
                continue
            pair = (cand.source.actor.code, cand.target.actor.code)
            statement = next((t for t in cand.token.ancestors if t.lemma_.lower() in self.lex.statement_words), None)
            if statement is None or pair in threats:
                continue
            speakers, _ = (arg.verb_sources(statement, index, self.lex) if statement.pos_ in ("VERB", "AUX")
                           else arg.noun_sources(statement, index, self.lex, False, self.lex.light_verbs))
            speaker = next((m for m in speakers if m.actor.code == cand.source.actor.code), None)
            if speaker is None:
                continue
            threats.add(pair)
            trigger = Trigger(lemma=statement.lemma_.lower(), pos="VERB", type="THREATEN", cameo=coded[0],
                              mode=coded[1])
            rule = "verb:subject+stated-threat"
            start, end = _evidence(statement, speaker, cand.target)
            made.append(Candidate(trigger=trigger, token=statement, source=speaker, target=cand.target,
                                  modality="asserted", mutual=False, start=start, end=end,
                                  confidence=_confidence(rule, speaker, cand.target, trigger, self.lex), rule=rule))
            result.note(statement, trigger, f"event {pair[0]}->{pair[1]} THREATEN (states a possible "
                        f"{cand.trigger.type})")
            if any(t.lemma_.lower() in self.lex.threat_content for t in _governors(cand.token)[1:]):
                # "announced the possibility of imposing sanctions": the sanctions are the threat's content,
                # not an act of their own (an explicit condition, "if … the US may strike", keeps both)
                penalty = self.lex.confidence_adjustments.get("description", 0.0)
                cand.confidence = round(max(0.0, cand.confidence + penalty), 3)
                result.note(cand.token, cand.trigger, "the content of a threat: kept below the threshold")
        return made

    def _from_trigger(self, token: Token, trigger: Trigger, index: dict[int, Mention],
                      result: Extraction, dyad: tuple[Mention, Mention] | None) -> Iterator[Candidate]:
        is_verb = token.pos_ in ("VERB", "AUX")
        modality = self._modality(token)
        if modality == "proposed" and trigger.type in self.lex.offers:
            # an offer is coded as the act of proposing: a REQUEST to whoever it is made to
            cameo, mode = self.lex.offers[trigger.type]
            trigger = Trigger(lemma=trigger.lemma, pos=trigger.pos, type="REQUEST", cameo=cameo, mode=mode,
                              needs=trigger.needs, target_preps=trigger.target_preps)
        if trigger.type == "REQUEST" and trigger.lemma in self.lex.command_verbs and is_verb and not any(
                c.dep_ in ("xcomp", "ccomp") for c in token.children):
            result.note(token, trigger, "rejected: an order with no one told to act commands one's own side")
            return
        if modality == "negated" and trigger.lemma in self.lex.refusable and not trigger.needs:
            # "will not accept the rice offered by Seoul": refusing what is offered is a rejection
            trigger = Trigger(lemma=trigger.lemma, pos=trigger.pos, type="REJECT", cameo="120", mode=None,
                              target_preps=trigger.target_preps)
            modality = "asserted"
        event_type = self.lex.types.get(trigger.type)
        conflict = event_type is not None and event_type.quad == "material_conflict"
        own = index.get(token.i)
        if own is not None:  # "the six-party talks" names a forum; it is not its own actor
            index = {i: m for i, m in index.items() if m is not own}
        sources, rule = (arg.verb_sources(token, index, self.lex) if is_verb
                         else arg.noun_sources(token, index, self.lex, conflict, self.lex.light_verbs))
        if is_verb and trigger.needs:
            # "pledged North Korea's full support": the possessor of the needed object is the actor
            for obj in (c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in trigger.needs):
                owners = [a for c in obj.children if c.dep_ == "poss" and c.pos_ == "PROPN"
                          for a in arg.actors_of(c, index)]
                if owners:
                    sources = owners
        helped: list[Mention] = []
        if is_verb and token.dep_ in ("ccomp", "xcomp") and token.head.lemma_.lower() in self.lex.help_verbs:
            # "Marines helped authorities detain the tanker", "Moscow could help North Korea build satellites":
            # the helper acts, towards the one it helps
            helpers, _ = arg.verb_sources(token.head, index, self.lex)
            if helpers:
                helped = [m for m in sources if m.actor.code not in {h.actor.code for h in helpers}]
                sources, rule = helpers, "verb:helper"
                if modality == "asserted":
                    modality = self._modality(token.head)
        if rule == "verb:relative" and any(c.dep_ == "auxpass" for c in token.children) and sources \
                and all(m.actor.code in self.forums for m in sources):
            rule = "verb:forum-patient"
        if not sources and is_verb and self.forums:
            # "the six-party talks were suspended", "talks, which have been tabled since 2008": a format's
            # own standstill is coded as the format's act, with no addressee
            patients = [c for c in token.children if c.dep_ == "nsubjpass"]
            if token.dep_ == "relcl":
                patients.append(token.head)
            forum = [m for p in patients for m in arg.actors_of(p, index) if m.actor.code in self.forums]
            if forum:
                sources, rule = forum[:1], "verb:forum-patient"
        occasion = None
        if not sources and not is_verb and trigger.type in self.lex.occasion_types:
            occasion = arg.occasion_clause(token, self.lex.occasion_preps)
            if occasion is not None:
                sources, _ = arg.verb_sources(occasion, index, self.lex)
                rule = "noun:occasion"
                node = occasion  # "will try to set a date for a summit": the modality of the clause's chain
                for _ in range(4):
                    if modality != "asserted":
                        break
                    modality = self._modality(node)
                    if node.dep_ not in ("advcl", "xcomp", "conj") or node.head.i == node.i:
                        break
                    node = node.head
        mutual_type = event_type.mutual if event_type is not None else False
        if not sources and is_verb and mutual_type and dyad is not None and arg.agentless_passive(token):
            # "The agreement was signed in Moscow on Monday": in a two-party story, by the two parties
            yield from self._dyad_event(token, trigger, dyad)
            return
        if (not sources and not is_verb and trigger.type in self.lex.dyad_noun_types and dyad is not None
                and own is None and self._only_dyad(token, dyad, index)):
            # "the mutual defence treaty that took effect in December": in a two-party story, the two parties';
            # unless the story has told such an act of theirs already ("the talks" again)
            pair = {m.actor.code for m in dyad}
            told = any(c.trigger.type == trigger.type and c.target is not None
                       and {c.source.actor.code, c.target.actor.code} == pair for c in result.candidates)
            if told:
                result.note(token, trigger, "skipped: names again an act of the two parties already told")
                return
            yield from self._dyad_event(token, trigger, dyad, "noun:dyad")
            return
        if not sources:
            result.note(token, trigger, "rejected: no actor as source")
            return
        preps = trigger.target_preps or self.lex.target_prepositions
        verbal = event_type is not None and event_type.quad.startswith("verbal")
        own_codes = frozenset(m.actor.code for m in sources)
        targets = helped or (arg.verb_targets(token, index, preps, verbal, own_codes) if is_verb
                             else arg.noun_targets(token, index, preps, sources, conflict, self.lex))
        if not targets and not is_verb and rule == "noun:verb-subject":
            targets = arg.verb_targets(arg.governing_verb(token), index, preps, verbal, own_codes)
        if not targets and not is_verb and rule == "noun:relative-subject":
            for clause in (c for c in token.children if c.dep_ in ("relcl", "acl") and c.i > token.i):
                targets = targets or arg.verb_targets(clause, index, preps, verbal, own_codes)
        if not targets and trigger.type in self.lex.place_target_types:
            # "killed a commander in Damascus", "drills around Taiwan": the state where (or next to which) it was
            # done, by its places — or by its name after "near", "around", "off"
            holders = [token, *(c for c in token.children if c.dep_ == "dobj")]
            allies = {m.actor.code for c in token.children if c.dep_ == "prep" and c.lower_ in ("alongside", "with")
                      for p in arg.pobjs(c) for m in arg.actors_of(p, index)}  # "fought alongside Russian forces"
            places = [m for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in self.lex.place_preps
                      for p in arg.pobjs(c) for m in arg.actors_of(p, index)
                      if (m.method in self.lex.place_methods or (c.lower_ != "in" and m.actor.kind == "state"))
                      and m.actor.code not in own_codes | allies]
            targets = places[:1]
            if targets:
                rule += "+place-target"
        own_partner = any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "to") for c in token.children)
        if not targets and occasion is not None and not own_partner:  # "is due in Vietnam for a visit"
            holder = token.head.head
            while not targets and holder.i != occasion.i:
                targets = arg.verb_targets(holder, index, (*preps, "in"), verbal, own_codes)
                holder = holder.head
            targets = targets or arg.verb_targets(occasion, index, (*preps, "in"), verbal, own_codes)
        future = self._future(token, modality)
        description = (self._description(token) or self._requested(token, sources, index)
                       or self._speculation(token, modality, index))
        if description:
            result.note(token, trigger, f"a {description}, not an act: kept below the threshold")
        joint = any(m.actor.kind == JOINT for m in sources)
        group = {m.actor.code for m in arg.expand_joint(sources)} if joint else set()
        mutual_act = mutual_type or arg.reciprocal(token, self.lex.relation_nouns)
        for src, tgt, mutual in arg.pairs(sources, targets, mutual_act):
            if tgt is not None and (tgt.actor.code == src.actor.code or (not mutual and tgt.actor.code in group)):
                tgt = None  # "which both countries deny": neither denies the other
            pair_rule = rule
            if tgt is None and dyad is not None and trigger.type not in self.lex.undirected_types:
                # "Iran freed the tanker" in an article about Iran and Britain: the other side
                sides = {m.actor.code: m for m in dyad}
                partners = {m.actor.code for m in sources}  # "Moscow and Pyongyang both denied": acting together
                # a co-actor ("the EU and the United States imposed sanctions") is no other candidate target
                others = {index[t.i].actor.code for t in token.sent if t.i in index} - set(sides) - partners
                if src.actor.code in sides and len(sides) == 2 and not others and not set(sides) <= partners:
                    tgt = next(m for code, m in sides.items() if code != src.actor.code)
                    pair_rule = rule + "+context-target"
            if src.actor.sector == "MED":
                result.note(token, trigger, f"rejected: source {src.text!r} is the media")
                continue  # acts of the media are not events
            start, end = _evidence(token, src, tgt if pair_rule == rule else None)
            confidence = _confidence(pair_rule, src, tgt, trigger, self.lex,
                                     undirected=src.actor.code in self.forums)
            if description:
                confidence = round(max(0.0, confidence + self.lex.confidence_adjustments.get("description", 0.0)), 3)
            yield Candidate(trigger=trigger, token=token, source=src, target=tgt, modality=modality,
                            mutual=mutual, start=start, end=end, confidence=confidence, rule=pair_rule,
                            future=future)

    def _cause_target(self, cand: Candidate, candidates: list[Candidate]) -> Candidate:
        """"vowed revenge after Israel killed a commander", "expelled the envoy over Moscow's seizure of the
        ship": a hostile act with no addressee is aimed at whoever did the act given as its cause."""
        if _named_target(cand):
            return cand
        event_type = self.lex.types.get(cand.trigger.type)
        if event_type is None or not event_type.quad.endswith("conflict"):
            return cand
        for clause in cand.token.children:
            marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "prep")}
            if clause.dep_ != "advcl" or not marks & self.lex.cause_marks:
                continue
            left, right = clause.left_edge.i, clause.right_edge.i
            causes = [c for c in candidates if left <= c.token.i <= right
                      and c.source.actor.code != cand.source.actor.code]
            if causes:
                return self._retarget(cand, causes[0].source, "event-target")
        return cand

    def _condition_target(self, cand: Candidate, index: dict[int, Mention]) -> Candidate:
        """"will impose sanctions if Caracas holds the vote", "will consider measures should North Korea
        continue": a hostile act made conditional on another's conduct is aimed at that other."""
        event_type = self.lex.types.get(cand.trigger.type)
        if _named_target(cand) or event_type is None or not event_type.quad.endswith("conflict"):
            return cand
        token = cand.token
        holders = [token, token.head] if token.dep_ in ("dobj", "nsubjpass") else [token]
        for clause in (c for h in holders for c in h.children):
            party = arg.condition_party(clause, index, frozenset({cand.source.actor.code}))
            if party is not None:
                return self._retarget(cand, party, "condition-target")
        return cand

    def _reaction_targets(self, candidate: Candidate, earlier: list[Candidate]) -> list[Candidate]:
        """"Moscow condemned the test", "criticised the vetoes": the object names an event found
        earlier in the article; whoever did it (each of them) is the target of the reaction."""
        if _named_target(candidate):
            return [candidate]
        event_type = self.lex.types.get(candidate.trigger.type)
        if event_type is None or not event_type.quad.startswith("verbal"):
            return [candidate]
        objects = [c for c in candidate.token.children if c.dep_ in ("dobj", "nsubjpass")]
        # "condemned what he called an unprovoked attack": the noun the free relative names
        objects += [n for c in candidate.token.children if c.dep_ == "ccomp"
                    and any(w.lower_ == "what" for w in c.children) for n in c.children if n.dep_ in ("oprd", "attr")]
        for child in objects:
            if child.pos_ not in ("NOUN", "PROPN"):
                continue
            lemma = child.lemma_.lower()
            as_trigger = self.lex.match(child)  # "condemned the drills" after "began exercises": same type
            named = [p for p in earlier if p.token.i < child.i and (
                arg.related(p.token.lemma_.lower(), lemma)
                or (as_trigger is not None and p.trigger.type == as_trigger.type
                    and p.trigger.type not in ("CONSULT", "AGREE", "COOPERATE")))]
            if not named and lemma in self.lex.generic_acts:  # "welcomed the move": the act just reported, by another
                named = self._recent_act(earlier, child, candidate.source.actor.code)
            if not named:
                continue
            latest = named[-1].token.i  # the last such event, with all its (coordinated) actors
            actors = {p.source.actor.code: p.source for p in named if p.token.i == latest}
            for p in named:  # "criticised the agreement" of two parties: both are its doers
                if p.token.i == latest and p.mutual and p.target is not None:
                    actors.setdefault(p.target.actor.code, p.target)
            actors.pop(candidate.source.actor.code, None)
            return [self._retarget(candidate, target, "event-target") for target in actors.values()] or [candidate]
        return [candidate]

    def _recent_act(self, candidates: list[Candidate], word: Token, own: str) -> list[Candidate]:
        """The act another actor did, reported in this sentence or the two before — what "the move", "the
        decision" refer to; a material act (a deployment, a seizure) rather than someone's words about it."""
        sentence = sentence_index(word.doc, word)
        recent = [c for c in candidates if c.token.i < word.i and c.confidence >= 0.5
                  and c.source.actor.code != own and sentence - c.sentence <= 2]
        material = [c for c in recent if (t := self.lex.types.get(c.trigger.type)) is not None
                    and t.quad.startswith("material")]
        return (material or recent)[-1:]

    def _body_target(self, cand: Candidate, mentions: list[Mention]) -> Candidate:
        """"voted in favour of the resolution", "vetoed the draft": the act addresses the voting body,
        named inside the object ("a General Assembly resolution") or else the last one named before."""
        if _named_target(cand) or \
                cand.trigger.type not in self.lex.body_types:
            return cand
        bodies = self.lex.voting_bodies
        token = cand.token
        # "resolutions, which Russia itself voted for": the noun the relative clause hangs on
        for obj in [*arg.objects(token), *([token.head] if token.dep_ == "relcl" else [])]:
            if obj.lemma_.lower() not in self.lex.body_documents:
                continue
            left, right = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
            inside = [m for m in mentions if left <= m.start < right and m.actor.code in bodies]
            before = [m for m in mentions if m.end <= cand.token.idx and m.actor.code in bodies]
            body = inside[0] if inside else (before[-1] if before else None)
            if body is None or body.actor.code == cand.source.actor.code:
                return cand
            return self._retarget(cand, body, "body-target")
        return cand

    def _retarget(self, cand: Candidate, target: Mention, how: str) -> Candidate:
        """The same candidate with a target found outside its sentence's arguments (rule suffix ``how``)."""
        rule = cand.rule.replace("+context-target", "") + f"+{how}"
        start, end = _evidence(cand.token, cand.source, None)
        return replace(cand, target=target, mutual=False, start=start, end=end, rule=rule,
                       confidence=_confidence(rule, cand.source, target, cand.trigger, self.lex))

    def _future(self, token: Token, modality: Modality) -> bool:
        return modality in ("planned", "proposed") or arg.future_tense(token, self.lex)

    @staticmethod
    def _only_dyad(token: Token, dyad: tuple[Mention, Mention], index: dict[int, Mention]) -> bool:
        """A common noun ("the treaty", not "the Non-Proliferation Treaty") that no actor's verb takes
        ("handed him a memorandum", "denied any arms deals" are that actor's), in a sentence naming no actor
        other than the story's two parties (else the act may be theirs)."""
        if token.pos_ != "NOUN":
            return False
        verb = token.head
        if token.dep_ in ("dobj", "nsubjpass", "pobj") and any(
                c.dep_ in ("nsubj", "agent") and any(t.i in index for t in c.subtree)
                for c in (verb.head.children if token.dep_ == "pobj" else verb.children)):
            return False
        codes = {m.actor.code for m in dyad}
        return all(index[t.i].actor.code in codes for t in token.sent if t.i in index)

    def _dyad_event(self, token: Token, trigger: Trigger, dyad: tuple[Mention, Mention],
                    rule: str = "verb:passive-dyad") -> Iterator[Candidate]:
        source, target = dyad
        modality = self._modality(token)
        start, end = _evidence(token, source, None)
        yield Candidate(trigger=trigger, token=token, source=source, target=target, modality=modality,
                        mutual=True, start=start, end=end,
                        confidence=_confidence(rule, source, target, trigger, self.lex), rule=rule,
                        future=self._future(token, modality))

    def _modality(self, token: Token) -> Modality:
        """From auxiliaries, negation, conditionals, governing words and modifiers (modality.yaml)."""
        cue = self.lex.cues
        chain = _governors(token)
        # "push ahead with", "press forward with" is going on with it, not asking for it
        governors = {t.lemma_.lower() for t in chain[1:]
                     if not any(c.dep_ in ("advmod", "prt") and c.lower_ in ("ahead", "forward") for c in t.children)}
        governors |= {c.lemma_.lower() for t in chain for c in t.children if c.dep_ in ("acomp", "oprd")}
        aux = {c.lemma_.lower() for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")}
        aux |= {c.lower_ for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")}
        negations = {c.lower_ for t in chain for c in t.children if c.dep_ == "neg"}
        # "no agreements were signed", "without a deal": the act named is denied (the same negation words)
        negations |= {c.lower_ for c in token.children if c.dep_ == "det"}
        if token.dep_ == "pobj":
            negations.add(token.head.lower_)
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


# -- candidates after extraction -------------------------------------------------------------
def _named_target(cand: Candidate) -> bool:
    """Whether the target was found in the candidate's own words (not guessed from the article's main pair),
    so that rules finding a target elsewhere leave it alone."""
    return cand.target is not None and not cand.rule.endswith("+context-target")


def _double_negatives(result: Extraction) -> list[Candidate]:
    """"Russia did not rule out supplying weapons": a rejection denied is a possibility held open — the
    negated REJECT goes, and the act inside it becomes hypothetical."""
    kept: list[Candidate] = []
    inner: set[int] = set()
    for cand in result.candidates:
        if cand.trigger.type == "REJECT" and cand.modality == "negated":
            nested = [c for c in result.candidates if c is not cand
                      and cand.token.left_edge.i <= c.token.i <= cand.token.right_edge.i
                      and any(a.i == cand.token.i for a in c.token.ancestors)]
            if nested:
                inner.update(id(c) for c in nested)
                result.note(cand.token, cand.trigger, "skipped: a rejection denied (the act inside is possible)")
                continue
        kept.append(cand)
    for cand in kept:
        if id(cand) in inner:
            cand.modality = "hypothetical"
    return kept


def _reporting_verb(token: Token, verbs: frozenset[str]) -> Token | None:
    """The verb of saying whose complement clause is headed by ``token`` ("said [that X had sent troops]");
    an act nested deeper (in a relative clause or an argument) is not what was said."""
    node = token
    while node.dep_ in ("dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr") and node.head.i != node.i:
        node = node.head  # a named act ("behind the attack", "started a trade war"): its clause
    while node.dep_ in ("conj", "xcomp", "aux") and node.head.i != node.i:
        node = node.head
    head = node.head
    if node.dep_ == "ccomp" and head.lemma_.lower() in verbs and head.pos_ in ("VERB", "AUX"):
        return head
    return None


# -- modality helpers ---------------------------------------------------------------------
def _governors(token: Token) -> list[Token]:
    """The trigger and the words governing its clause: for a noun, the verb or adjective it is an
    argument of ("talks are possible", "refused the visit"); then xcomp/conj chains
    ("plans to visit", "is expected to sign")."""
    chain = [token]
    current = token
    if token.dep_ == "pcomp" and token.head.dep_ == "prep":  # "the possibility of imposing sanctions"
        current = token.head.head
        chain.append(current)
    elif token.pos_ not in ("VERB", "AUX"):
        if current.dep_ == "pobj" and current.head.dep_ == "prep":
            current = current.head
        if current.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "prep") and current.head.i != current.i:
            current = current.head
            chain.append(current)
    for _ in range(3):
        # a finite verb carries its own tense and polarity: "said it would not help and urged Washington
        # to …" does not negate "urged" ("will visit and sign" passes the future to the bare "sign")
        finite = current.dep_ == "conj" and current.tag_ in ("VBD", "VBZ", "VBP")
        if current.dep_ in ("xcomp", "conj") and current.head.i != current.i and not finite:
            current = current.head
            chain.append(current)
        else:
            break
    return chain


# -- evidence and confidence ------------------------------------------------------------------
def _evidence(token: Token, source: Mention, target: Mention | None) -> tuple[int, int]:
    """The clause: the trigger's subtree plus the actors' spans, kept inside the sentence."""
    sent = token.sent
    subtree = list(token.subtree)
    if token.pos_ in ("VERB", "AUX") and token.dep_ == "ROOT":  # the whole sentence, less its full stop
        subtree = [t for t in subtree if t.dep_ != "punct" or t.i != sent.end - 1]
    start = min([subtree[0].idx, source.start] + ([target.start] if target else []))
    last = subtree[-1]
    end = max([last.idx + len(last.text), source.end] + ([target.end] if target else []))
    start, end = max(start, sent.start_char), min(end, sent.end_char)
    text = sent.text  # Doc.text would rebuild the whole document's string on every call
    while end > start and text[end - 1 - sent.start_char].isspace():
        end -= 1
    return start, end


def main_dyad(mentions: list[Mention]) -> tuple[Mention, Mention] | None:
    """The article's two most mentioned actors (first mention of each), if two stand out."""
    counts: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    for mention in mentions:
        if mention.actor.kind != JOINT and mention.actor.code:
            counts[mention.actor.code] += 1
            first.setdefault(mention.actor.code, mention)
    ranked = counts.most_common(3)
    if len(ranked) < 2 or (len(ranked) == 3 and ranked[2][1] == ranked[1][1]):
        return None  # no clear second party
    return first[ranked[0][0]], first[ranked[1][0]]


def _confidence(rule: str, source: Mention, target: Mention | None, trigger: Trigger, lex: Lexicon,
                undirected: bool = False) -> float:
    """The rule's measured reliability (arguments.yaml), adjusted for weaker evidence."""
    adjust = lex.confidence_adjustments
    score = lex.rule_confidence.get(rule.split("+")[0], 0.5)
    if source.method.startswith("coref:pronoun"):
        score += adjust.get("pronoun_source", 0.0)
    if "+" in rule:  # a target or act found outside the clause: "+context-target" → context_target
        score += adjust.get(rule.rsplit("+", 1)[1].replace("-", "_"), 0.0)
    elif target is None and trigger.type not in lex.undirected_types and not undirected:
        score += adjust.get("missing_target", 0.0)
    if trigger.needs:
        score += adjust.get("multiword_trigger", 0.0)
    return round(max(0.0, min(1.0, score)), 3)
