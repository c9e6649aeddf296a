"""The event lexicon: PLOVER types, the CAMEO table, trigger words and modality cues (data files)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Token

__all__ = ["EventType", "Lexicon", "Trigger", "load_lexicon", "needed_words"]

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad: str
    cameo: str
    intensity: float
    mutual: bool
    modes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word (lemma + part of speech), perhaps with required dependents, that signals an event."""

    lemma: str
    pos: str
    type: str
    cameo: str
    mode: str | None = None
    needs: tuple[str, ...] = ()
    target_preps: tuple[str, ...] | None = None
    intensity: float | None = None

    @property
    def label(self) -> str:
        return " ".join((self.lemma, *self.needs))


@dataclass(slots=True)
class Lexicon:
    types: dict[str, EventType] = field(default_factory=dict)
    cameo: dict[str, tuple[str, float | None]] = field(default_factory=dict)  # code -> (name, intensity)
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    modality: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    target_prepositions: tuple[str, ...] = ()
    light_verbs: frozenset[str] = frozenset()
    undirected_types: frozenset[str] = frozenset()
    dyad_noun_types: frozenset[str] = frozenset()
    goods_nouns: frozenset[str] = frozenset()
    motion_verbs: frozenset[str] = frozenset()
    destination_preps: frozenset[str] = frozenset()
    rule_confidence: dict[str, float] = field(default_factory=dict)
    confidence_adjustments: dict[str, float] = field(default_factory=dict)
    accusation_verbs: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()
    relation_nouns: frozenset[str] = frozenset()
    gerund_verbs: frozenset[str] = frozenset()
    consent_verbs: frozenset[str] = frozenset()
    body_documents: frozenset[str] = frozenset()
    body_types: frozenset[str] = frozenset()
    voting_bodies: tuple[str, ...] = ()
    occasion_preps: frozenset[str] = frozenset()
    statement_words: frozenset[str] = frozenset()
    motive_verbs: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    refusable: frozenset[str] = frozenset()
    judgement_words: frozenset[str] = frozenset()
    speculation_verbs: frozenset[str] = frozenset()
    threat_content: frozenset[str] = frozenset()
    command_verbs: frozenset[str] = frozenset()
    generic_acts: frozenset[str] = frozenset()
    place_target_types: frozenset[str] = frozenset()
    place_preps: frozenset[str] = frozenset()
    place_methods: frozenset[str] = frozenset()
    cause_marks: frozenset[str] = frozenset()
    help_verbs: frozenset[str] = frozenset()
    reaction_preps: frozenset[str] = frozenset()
    habitual_adverbs: frozenset[str] = frozenset()
    stated_threats: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    occasion_types: frozenset[str] = frozenset()
    alleged_types: frozenset[str] = frozenset()
    offers: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # type -> (cameo, REQUEST mode)
    alleged_supplies: frozenset[str] = frozenset()

    def match(self, token: Token) -> Trigger | None:
        """The most specific trigger whose lemma, part of speech and required dependents fit."""
        # a title-cased noun inside a name ("the ASEAN-Russia Summit") is still the noun
        pos = {"AUX": "VERB", "PROPN": "NOUN"}.get(token.pos_, token.pos_)
        candidates = self.triggers.get((token.lemma_.lower(), pos))
        if not candidates:
            return None
        near = {t.lemma_.lower() for t in needed_words(token)}
        for trigger in candidates:  # sorted most specific first
            if all(n in near for n in trigger.needs):
                return trigger
        return None

    def intensity(self, trigger: Trigger) -> float | None:
        if trigger.intensity is not None:
            return trigger.intensity
        known = self.cameo.get(trigger.cameo)
        if known and known[1] is not None:
            return known[1]
        event_type = self.types.get(trigger.type)
        return event_type.intensity if event_type else None

    def cues(self, modality: str, kind: str) -> list[str]:
        return self.modality.get(modality, {}).get(kind, [])


def needed_words(token: Token) -> Iterator[Token]:
    """Where a multiword trigger's needed words stand: the token's dependents and theirs (compounds,
    particles, objects), and the object of a quantity phrase ("shipped millions of shells")."""
    for child in token.children:
        yield child
        for grand in child.children:
            yield grand
            if grand.dep_ == "prep" and grand.lower_ == "of":
                yield from (p for p in grand.children if p.dep_ == "pobj")


_WORD_LISTS = {f.name: str(f.type) for f in fields(Lexicon) if str(f.type) in ("frozenset[str]", "tuple[str, ...]")}


def _read(name: str) -> str:
    return resources.files("dyad.events").joinpath("data", name).read_text(encoding="utf-8")


def _float(value: Any) -> float | None:
    try:
        return None if value in (None, "") else float(value)
    except (TypeError, ValueError):
        return None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lex = Lexicon()
    for name, raw in (yaml.safe_load(_read("plover.yaml")) or {}).items():
        lex.types[name] = EventType(name=name, quad=str(raw["quad"]), cameo=str(raw.get("cameo") or ""),
                                    intensity=float(raw.get("intensity") or 0.0), mutual=bool(raw.get("mutual")),
                                    modes=tuple(str(m) for m in raw.get("modes") or ()))
    for row in csv.DictReader(io.StringIO(_read("cameo.csv"))):
        lex.cameo[row["code"].strip()] = (row.get("name", ""), _float(row.get("intensity")))
    for raw in yaml.safe_load(_read("triggers.yaml")) or []:
        trigger = Trigger(
            lemma=str(raw["lemma"]).lower(), pos=str(raw.get("pos") or "VERB").upper(), type=str(raw["type"]),
            cameo=str(raw.get("cameo") or lex.types[str(raw["type"])].cameo), mode=raw.get("mode"),
            needs=tuple(str(n).lower() for n in raw.get("needs") or ()),
            target_preps=tuple(raw["target_preps"]) if raw.get("target_preps") else None,
            intensity=_float(raw.get("intensity")))
        lex.triggers.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    for entries in lex.triggers.values():
        entries.sort(key=lambda t: -len(t.needs))
    lex.modality = {k: {kk: [str(x) for x in vv or []] for kk, vv in (v or {}).items()}
                    for k, v in (yaml.safe_load(_read("modality.yaml")) or {}).items()}
    arguments = yaml.safe_load(_read("arguments.yaml")) or {}
    for name, kind in _WORD_LISTS.items():  # every list of words or codes in arguments.yaml, by field name
        values = [str(w) for w in arguments.get(name) or ()]
        setattr(lex, name, frozenset(values) if kind == "frozenset[str]" else tuple(values))
    lex.rule_confidence = {str(k): float(v) for k, v in (arguments.get("rule_confidence") or {}).items()}
    lex.stated_threats = {str(t): (str(v["cameo"]), v.get("mode"))
                          for t, v in (arguments.get("stated_threats") or {}).items()}
    lex.offers = {str(t): (str(v["cameo"]), v.get("mode")) for t, v in (arguments.get("offers") or {}).items()}
    lex.confidence_adjustments = {str(k): float(v)
                                  for k, v in (arguments.get("confidence_adjustments") or {}).items()}
    return lex
