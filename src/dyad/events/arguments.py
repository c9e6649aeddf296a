"""Arguments of an event from the dependency parse: who acted (subject, agent, possessor, modifier,
"between"), towards whom (object, prepositional object, complement), and the small walks over the
parse that find them. Used by :mod:`dyad.events.extract`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..actors import JOINT
from ..model import Actor, Mention
from ..sentences import sentence_index
from .lexicon import Lexicon

__all__ = [
    "actors_of", "agentless_passive", "condition_party", "expand_joint", "future_tense", "governing_verb",
    "known_actor",
    "noun_sources", "noun_targets", "objects", "occasion_clause", "pairs", "pobjs", "reciprocal", "related",
    "token_index", "unique", "verb_sources", "verb_targets",
]

MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "appos", "npadvmod")
MODIFIER_PRIORITY = {"poss": 0, "compound": 1, "nmod": 2, "appos": 3, "amod": 4, "npadvmod": 5}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
CONTAINER_NOUNS = {"package", "round", "set", "series", "wave", "raft", "batch", "list", "tranche", "slew"}
SCHEDULE_NOUNS = {"date", "preparation", "plan", "arrangement", "agenda", "venue", "ground", "time"}


def token_index(doc: Doc, mentions: list[Mention]) -> dict[int, Mention]:
    index: dict[int, Mention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                index.setdefault(token.i, mention)
    return index


def _phrase_actors(token: Token, index: dict[int, Mention], depth: int = 0,
                   exclude: frozenset[str] = frozenset()) -> list[Mention]:
    """Actors a noun phrase names — the head itself, a possessor/modifier, or an 'of' phrase —
    with the phrases coordinated at that level ("drills of South Korea and the United States")."""
    if token.i in index:
        return unique([index[token.i], *(index[c.i] for c in token.conjuncts if c.i in index)])
    if depth > 3:
        return []
    # the owner before the describer: "a US-drafted Security Council resolution" is the council's
    for child in sorted(token.children, key=lambda c: MODIFIER_PRIORITY.get(c.dep_, 9)):
        if child.dep_ in MODIFIER_DEPS and (child.i in index or child.dep_ in ("poss", "compound", "appos", "amod")):
            found = _phrase_actors(child, index, depth + 1, exclude)
            if found and {m.actor.code for m in found} - exclude:  # "his counterpart Park Jin": not his
                return found
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (found := _phrase_actors(pobj, index, depth + 1, exclude)):
                    return found
    for child in token.children:  # "Asian states, including North Korea": the members named
        such_as = child.lower_ == "as" and any(c.lower_ == "such" for c in token.children)
        if child.dep_ == "prep" and (child.lower_ == "including" or such_as):
            for pobj in pobjs(child):
                if found := actors_of(pobj, index, exclude):
                    return found
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return _phrase_actors(token.head.head, index, depth + 1, exclude)
    for child in token.children:  # "the drills staged by the United States and South Korea": their doers
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for agent in (c for c in child.children if c.dep_ == "agent"):
                for pobj in pobjs(agent):
                    if found := actors_of(pobj, index, exclude):
                        return found
    return []


def actors_of(token: Token, index: dict[int, Mention], exclude: frozenset[str] = frozenset()) -> list[Mention]:
    """Actors of a phrase and of the phrases coordinated with it ("the EU and the US"); a modifier
    naming only ``exclude`` actors is passed over for the next one."""
    found: list[Mention] = []
    for head in (token, *token.conjuncts):
        found.extend(_phrase_actors(head, index, 0, exclude))
    return unique(found)


def unique(mentions: list[Mention]) -> list[Mention]:
    seen: set[int] = set()
    kept = []
    for mention in mentions:
        if id(mention) not in seen:
            seen.add(id(mention))
            kept.append(mention)
    return kept


def objects(token: Token, preps: Collection[str] | None = None) -> Iterator[Token]:
    """Direct and prepositional objects, through "in favour of": "vetoed the draft", "voted for the
    measure", "voted in favour of a resolution"; with ``preps``, only those prepositions (a
    participle such as "following" counts as one)."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            yield child
        elif child.dep_ == "acl" and preps is not None and child.lower_ in preps:
            yield from (c for c in child.children if c.dep_ in ("dobj", "pobj"))
            yield from (p for c in child.children if c.dep_ == "prep" for p in pobjs(c))
        elif child.dep_ == "prep" and (preps is None or child.lower_ in preps):
            for pobj in pobjs(child):
                yield pobj
                for inner in pobj.children:
                    if inner.dep_ == "prep" and inner.lower_ == "of":
                        yield from pobjs(inner)


def pobjs(prep: Token) -> Iterator[Token]:
    return (c for c in prep.children if c.dep_ == "pobj")


def verb_sources(verb: Token, index: dict[int, Mention], lex: Lexicon) -> tuple[list[Mention], str]:
    """Subject or passive agent; climbing xcomp/conj/advcl chains (an object-control verb such as
    "urged Russia to withdraw" gives its object as the subject of the complement)."""
    current, rule = verb, "verb:subject"
    via_conj = False
    for _ in range(4):
        for child in current.children:
            if child.dep_ == "agent":
                for pobj in pobjs(child):
                    # "Pyongyang, supported by Russia and China": a participle describing a noun tells a
                    # standing state of affairs more often than an act
                    return actors_of(pobj, index), "verb:participle-agent" if current.dep_ == "acl" else "verb:agent"
        if not any(c.dep_ == "nsubjpass" for c in current.children):
            for child in current.children:
                if child.dep_ in ("nsubj", "csubj"):
                    actors = actors_of(child, index)
                    if not actors and child.lower_ in RELATIVE_PRONOUNS:
                        actors = _relative_antecedent(current, index)
                    if not actors:
                        actors = _named_person(child, index)
                    if not actors and via_conj and current.dep_ == "ccomp" and \
                            current.head.lemma_.lower() in lex.statement_words:
                        # "Zhang said new sanctions would not help and urged Washington to …": the parser hangs
                        # the second verb on the reported clause; its subject is the speaker's
                        return verb_sources(current.head, index, lex)[0], rule
                    return actors, rule
        if current.dep_ == "xcomp":
            objects = [c for c in current.head.children if c.dep_ in ("dobj", "dative") and c.i < current.i]
            if objects and (actors := actors_of(objects[0], index)):
                return actors, "verb:object-control"
            raised = [c for c in current.head.children if c.dep_ == "nsubjpass"]
            # "Kim is scheduled to begin a visit", "Putin is expected to sign": the passive subject
            if (raised and not any(c.dep_ == "agent" for c in current.head.children)
                    and (actors := actors_of(raised[0], index))):
                return actors, "verb:inherited-subject"
        if current.dep_ in ("xcomp", "conj", "advcl", "acomp") and current.head.i != current.i:
            via_conj = current.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children)
            current, rule = current.head, "verb:inherited-subject"
            continue
        if current.dep_ == "relcl":
            if current.tag_ == "VB" and not any(c.dep_ == "nsubj" for c in current.children):
                return _copular_subject(current.head, index), "verb:copular-subject"
            return _relative_antecedent(current, index), "verb:relative"
        if current.dep_ == "acl" and current.tag_ != "VBN":
            actors = actors_of(current.head, index)
            # "it was one of five countries to vote against"
            if not actors and current.tag_ == "VB" and (copular := _copular_subject(current.head, index)):
                return copular, "verb:copular-subject"
            if not actors and current.head.dep_ == "dobj" and current.head.head.pos_ in ("VERB", "AUX"):
                # "X issued a statement denouncing the drills": whoever issued it
                actors, _ = verb_sources(current.head.head, index, lex)
                return actors, "verb:issuer"
            return actors, "verb:participle"
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and current.head.head.pos_ in ("VERB", "AUX"):
            governor = current.head.head
            objects = [c for c in governor.children if c.dep_ == "dobj"]
            if current.head.lower_ in ("of", "for") and objects and (actors := actors_of(objects[0], index)):
                # "accused Pyongyang of shipping shells", "thanked Seoul for sending aid": the object acts
                return actors, "verb:object-control"
            # "responded by closing its airspace", "left after signing": the clause's subject acts
            current, rule = governor, "verb:inherited-subject"
            continue
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            noun = current.head.head  # "the possibility of imposing": whoever holds the possibility
            if noun.pos_ in ("NOUN", "PROPN"):
                actors, _ = noun_sources(noun, index, lex, conflict=False, light_verbs=lex.gerund_verbs)
                return actors, "verb:gerund"
        break
    return [], rule


def known_actor(span: Span, code: str) -> Mention:
    """An actor known from the knowledge base rather than named in the text: it stands on the span
    that implies it ("the annexation of Crimea" implies Russia)."""
    return Mention(doc_id="", start=span.start_char, end=span.end_char, text=span.text,
                   actor=Actor(code=code), method="kb:named-event", sentence=sentence_index(span.doc, span[0]))


def _copular_subject(noun: Token, index: dict[int, Mention]) -> list[Mention]:
    """"X was one of five countries to vote", "X became the first state to recognise": the subject of
    the copula whose complement holds the noun."""
    node = noun
    for _ in range(3):
        if node.dep_ in ("attr", "acomp"):
            subjects = [c for c in node.head.children if c.dep_ == "nsubj"]
            return actors_of(subjects[0], index) if subjects else []
        if node.dep_ not in ("pobj", "prep"):
            return []
        node = node.head
    return []


def _named_person(subject: Token, index: dict[int, Mention]) -> list[Mention]:
    """"Minister for the Development of the Far East Alexander Galushka proposed …": a title heading
    the subject phrase, with the person it names further inside."""
    for token in subject.subtree:
        mention = index.get(token.i)
        if mention is not None and mention.actor.person:
            return [mention]
    return []


def _relative_antecedent(relcl: Token, index: dict[int, Mention]) -> list[Mention]:
    """'countries which call …' → the noun; 'Russia is one of the countries which …' → Russia."""
    noun = relcl.head
    actors = actors_of(noun, index)
    if actors:
        return actors
    head = noun
    while head.dep_ in ("pobj", "prep", "attr") and head.head.i != head.i:
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            return actors_of(subjects[0], index) if subjects else []
    return []


def related(a: str, b: str) -> bool:
    """Lemmas of one word family ("agree"/"agreement", "invade"/"invasion", "deploy"/"deployment")."""
    if a == b:
        return True
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return common >= 4 and common >= 0.6 * min(len(a), len(b))


def _prep_targets(holder: Token, index: dict[int, Mention], preps: tuple[str, ...],
                  exclude: frozenset[str] = frozenset()) -> list[Mention]:
    for child in holder.children:
        # spaCy labels "to" in "sent troops to Russia" as dative: a preposition all the same
        if child.dep_ in ("prep", "dative") and child.pos_ == "ADP" and child.lower_ in preps:
            for pobj in pobjs(child):
                if actors := actors_of(pobj, index, exclude):
                    return actors
    return []


def verb_targets(verb: Token, index: dict[int, Mention], preps: tuple[str, ...], verbal: bool = False,
                  exclude: frozenset[str] = frozenset()) -> list[Mention]:
    """Objects, then prepositional phrases, then (for verbal acts) a complement's subject, then the
    complement's prepositional phrases. Actors in
    ``exclude`` (the source) are passed over: in "withdraw its troops from Ukraine" the target is Ukraine."""

    def others(actors: list[Mention]) -> list[Mention]:
        return [a for a in actors if a.actor.code not in exclude]

    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "nsubjpass", "attr", "oprd") and child.pos_ != "ADP" \
                and (actors := others(actors_of(child, index, exclude))):
            return actors
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and (actors := others(actors_of(verb.head, index))):
        return actors  # "Pyongyang, supported by Russia": the modified noun is the target
    for holder in (verb, *[c for c in verb.children if c.dep_ in ("dobj", "prt", "advmod", "xcomp", "acomp")]):
        if actors := others(_prep_targets(holder, index, preps, exclude)):
            return actors
    for thing in (c for c in verb.children if c.dep_ == "dobj"):  # "imposed sanctions that restrict Russian banks"
        for clause in (c for c in thing.children if c.dep_ == "relcl"):
            for child in clause.children:
                if child.dep_ == "dobj" and (actors := others(actors_of(child, index, exclude))):
                    return actors
    if verbal:  # "warned that Iran's steps would …", "demanding that Russia withdraw": whom the words are about
        for child in verb.children:
            if child.dep_ == "ccomp":
                for subject in child.children:
                    if subject.dep_ in ("nsubj", "nsubjpass") and (actors := others(actors_of(subject, index))):
                        return actors
        # "warned that the North would have to arm itself if the Soviet Union went ahead": whose act is the condition
        for clause in (c for child in verb.children if child.dep_ == "ccomp" for c in child.subtree):
            if (party := condition_party(clause, index, exclude)) is not None:
                return [party]
    for holder in (c for c in verb.children if c.dep_ == "ccomp"):  # then the complement's own phrases
        if actors := others(_prep_targets(holder, index, preps, exclude)):
            return actors
    return []


def agentless_passive(verb: Token) -> bool:
    children = [c.dep_ for c in verb.children]
    return "nsubjpass" in children and "agent" not in children


def occasion_clause(noun: Token, preps: frozenset[str]) -> Token | None:
    """The verb whose prepositional phrase the noun heads ("arrived for talks", "is due … for a visit")."""
    if noun.dep_ != "pobj" or noun.head.dep_ not in ("prep", "mark") or noun.head.lower_ not in preps:
        return None
    head = noun.head.head
    if head.pos_ == "NOUN" and head.lemma_.lower() in SCHEDULE_NOUNS and head.dep_ in ("dobj", "pobj"):
        head = head.head  # "set a date for a summit", "began preparations for talks"
    for _ in range(2):  # "is due … for a visit", "is in Hanoi next for talks"
        if head.pos_ in ("ADJ", "ADV") and head.dep_ in ("acomp", "advmod"):
            head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def governing_verb(noun: Token) -> Token:
    head = noun.head
    return head.head if noun.dep_ == "pobj" and head.dep_ == "prep" else head


def noun_sources(noun: Token, index: dict[int, Mention], lex: Lexicon, conflict: bool,
                  light_verbs: frozenset[str]) -> tuple[list[Mention], str]:
    """Possessor, "by", modifiers, "between", "of", else the subject of a light verb taking the noun
    (``light_verbs``: the lexicon's, or the narrower gerund list for "the possibility of imposing")."""
    for child in noun.children:
        possessive = child.dep_ == "poss" or any(g.dep_ == "case" and g.tag_ == "POS" for g in child.children)
        if possessive and child.i < noun.i and (actors := actors_of(child, index)):
            return actors, "noun:possessor"  # also "the government’s push" parsed with a subject label
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            for pobj in pobjs(child):
                if actors := actors_of(pobj, index):
                    return actors, "noun:by"
    modifiers = _modifiers(noun, index, conflict)
    if modifiers:
        return modifiers[:1], "noun:modifier"
    for child in noun.children:  # "the loans the Soviet Union extended", "the sanctions Washington imposed"
        if child.dep_ in ("relcl", "acl") and child.tag_ in ("VBD", "VBN", "VBZ", "VBP") and child.i > noun.i:
            subjects = [c for c in child.children if c.dep_ == "nsubj"]
            if subjects and (actors := actors_of(subjects[0], index)) and child.lemma_.lower() in light_verbs:
                return actors, "noun:relative-subject"
    # "talks between X and Y", "a ferry service running between Rajin and Vladivostok"
    for holder in (noun, *(c for c in noun.children if c.dep_ == "acl")):
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in ("between", "among"):
                for pobj in pobjs(child):
                    if actors := actors_of(pobj, index):
                        return actors[:1], "noun:between"
    if not conflict:  # "visits of Russian dignitaries": 'of' names the actor, but not for "annexation of Crimea"
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in pobjs(child):
                    if actors := actors_of(pobj, index):
                        # "a cargo of Russian coal", "shipments of Iranian oil": the goods' origin sends them;
                        # "visits of Russian dignitaries": people with an office do acts
                        if noun.lemma_.lower() in lex.goods_nouns:
                            return actors[:1], "noun:goods-origin"
                        people = actors[0].actor.person is not None or actors[0].actor.role is not None
                        return actors[:1], "noun:of-people" if people else "noun:of"
    head = noun.head
    if (noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in CONTAINER_NOUNS
            and head.head.dep_ in ("dobj", "nsubjpass")):
        noun, head = head.head, head.head.head  # "agreed a new package of sanctions": as if "agreed sanctions"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # "is on a visit to Russia", "arrived for talks"
    elif noun.dep_ not in ("dobj", "nsubjpass", "attr"):
        return [], ""
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in light_verbs:
        actors, _ = verb_sources(head, index, lex)
        if actors:
            return actors, "noun:verb-subject"
    return [], ""


def _modifiers(noun: Token, index: dict[int, Mention], conflict: bool, places: bool = False) -> list[Mention]:
    """State adjectives and name compounds before a noun ("Western sanctions", "North Korea-Russia
    talks"); place names only with ``places`` (as targets: the Rajin end of "the Rajin-Khasan project"
    is North Korea's). For conflict nouns a proper-name compound is where it happened
    ("the Ukraine war")."""
    found: list[Mention] = []
    for child in noun.children:
        if child.dep_ not in ("compound", "amod", "nmod") or child.i > noun.i:
            continue
        if conflict and child.dep_ == "compound" and child.pos_ == "PROPN":
            continue
        # a city or port in the name says where, not who ("the Rajin-Khasan project", "the Vladivostok summit")
        found.extend(index[t.i] for t in child.subtree if t.i in index
                     and (places or index[t.i].method != "kb:places"))
    return unique(found)


def noun_targets(noun: Token, index: dict[int, Mention], preps: tuple[str, ...],
                  sources: list[Mention], conflict: bool, lex: Lexicon) -> list[Mention]:
    """The first phrase naming others than the source: a modifier, else a prepositional object — with the
    actors coordinated in that phrase ("a summit with South Korea, Japan and China" is one with each)."""
    groups: list[list[Mention]] = [_modifiers(noun, index, conflict=False, places=True)]
    for holder in (noun, *[c for c in noun.children if c.dep_ in ("prep", "acl", "relcl")]):
        for child in holder.children if holder is noun else [holder]:
            if child.dep_ == "prep" and (child.lower_ in preps or child.lower_ == "of"):
                for pobj in pobjs(child):
                    groups.append(actors_of(pobj, index))
                    for grand in pobj.children:  # "a visit by a Pyongyang official to Moscow"
                        if grand.dep_ == "prep" and grand.lower_ in preps:
                            groups.append([a for p in pobjs(grand) for a in actors_of(p, index)])
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in lex.motion_verbs:
        # "a cargo … is on its way to Pohang", "the shipment headed for Shanghai": where it goes
        verb = noun.head
        to = lex.destination_preps
        preps_out = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in to]
        preps_out += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for p in pobjs(c)
                      if p.lower_ == "way" for g in p.children if g.dep_ == "prep" and g.lower_ in to]
        groups.extend([a for p in pobjs(prep) for a in actors_of(p, index)] for prep in preps_out)
    codes = {s.actor.code for s in sources}
    for group in groups:
        others = [m for m in unique(group) if m.actor.code not in codes]
        if others:
            return others
    return []


def pairs(sources: list[Mention], targets: list[Mention], mutual_type: bool
           ) -> list[tuple[Mention, Mention | None, bool]]:
    """Source × target pairs. Joint actors ("the two countries", "both sides") stand for each of
    their members, as source or as target; the members of a joint or coordinated subject of a
    mutual act with no object pair up with each other ("Putin and Kim met")."""
    expanded_sources = expand_joint(sources)
    codes = {m.actor.code for m in expanded_sources}
    # "paraded its missiles": an object that is the source itself names no target
    expanded_targets = [t for t in expand_joint(targets) if t.actor.code not in codes or len(codes) > 1]
    if not expanded_targets:
        if mutual_type and len(codes) >= 2:
            first = expanded_sources[0]
            return [(first, other, True) for other in expanded_sources[1:] if other.actor.code != first.actor.code]
        return [(source, None, False) for source in expanded_sources]
    return [(source, target, mutual_type) for source in expanded_sources for target in expanded_targets
            if target.actor.code != source.actor.code]


def reciprocal(token: Token, relation_nouns: frozenset[str]) -> bool:
    """"The two countries suspended diplomatic ties", "… warned each other": an act on their relationship
    (or on each other) by a joint subject is done by each to the other."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in relation_nouns:
            return True
    return "each other" in token.sent.text.lower() or "one another" in token.sent.text.lower()


def expand_joint(mentions: list[Mention]) -> list[Mention]:
    expanded: list[Mention] = []
    for mention in mentions:
        if mention.actor.kind == JOINT:
            expanded.extend(_with_code(mention, code) for code in mention.actor.code.split("|"))
        else:
            expanded.append(mention)
    return expanded


def _with_code(mention: Mention, code: str) -> Mention:
    return replace(mention, actor=Actor(code=code))


def future_tense(token: Token, lex: Lexicon) -> bool:
    """'will not travel', 'is due to brief … when he travels on Friday', 'is scheduled to begin': the
    clause, or a clause above it, speaks of the future (the lexicon's planned auxiliaries and governing
    words), whatever the act's own modality. Not through a coordination: in "were expected to resume,
    but Iran announced", the announcement is not expected."""
    aux, governors = lex.cues("planned", "aux"), lex.cues("planned", "governors")
    for below, node in zip((token, token, *token.ancestors), (token, *token.ancestors), strict=False):
        if node.i != token.i and below.dep_ != "conj" and node.lemma_.lower() in governors:
            return True
        if any(c.dep_ in ("aux", "auxpass") and (c.lemma_.lower() in aux or c.lower_ in aux) for c in node.children):
            return True
    return False


def condition_party(clause: Token, index: dict[int, Mention], exclude: frozenset[str] = frozenset()) -> Mention | None:
    """The party whose conduct a conditional clause names ("if Caracas holds the vote", "should North Korea
    continue"): its subject, when the subject is itself an actor — not a party's effort ("if Xi's mediation
    fails")."""
    if clause.dep_ not in ("advcl", "ccomp"):
        return None
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    conditional = any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children) or any(
        c.dep_ == "aux" and c.lower_ in ("should", "were", "had") and subjects and c.i < subjects[0].i
        for c in clause.children)
    if not conditional:
        return None
    for subject in subjects:
        party = index.get(subject.i)
        if party is not None and party.actor.code and party.actor.code not in exclude:
            return party
    return None
