"""The actor knowledge base: states (pycountry + our aliases), organisations, people, offices.

Everything is read from the YAML files in ``data/``; this module only loads and indexes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import pycountry
import yaml

from ..timeline import first_day

__all__ = ["Alias", "KnowledgeBase", "Person", "Role", "load_kb"]

SECTORS = {"GOV", "MIL", "DIP", "LEG", "JUD", "BUS", "MED", "SPY", "CVL", "REB", "OPP", "NGO", "EDU", "POL"}
# Aliases that are common English words in lower case are matched only as written (case-sensitive).
STATE_ALIAS_KINDS = ("names", "abbreviations", "adjectives", "people", "capitals", "historical")


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of naming an actor; ``method`` says which kind of name it is (shown in explain)."""

    code: str
    kind: str  # "state" | "organisation" | "person"
    method: str  # names | abbreviations | adjectives | people | capitals | seats | historical | organisation | person
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    state: str
    sector: str
    title: str
    start: date | None
    end: date | None
    period: tuple[str | None, str | None] = (None, None)  # start and end as written ("2014-10", "2016")

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class Person:
    name: str
    aliases: list[str]
    roles: list[Role]

    def role_on(self, day: date | None) -> Role | None:
        """The role held on ``day``; without a day, or out of office, the nearest role in time."""
        if not self.roles:
            return None
        if day is None:
            return max(self.roles, key=lambda r: r.start or date.min)
        held = [role for role in self.roles if role.holds_on(day)]
        if held:  # several posts at once: the political one, then the most recent appointment
            return max(held, key=lambda r: (r.sector == "GOV", r.start or date.min))

        def distance(role: Role) -> int:
            if role.end is not None and role.end < day:
                return (day - role.end).days
            if role.start is not None and role.start > day:
                return (role.start - day).days
            return 0

        return min(self.roles, key=distance)


@dataclass(slots=True)
class KnowledgeBase:
    aliases: dict[str, Alias] = field(default_factory=dict)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)
    ambiguous_context: dict[str, list[str]] = field(default_factory=dict)
    fixed_groups: dict[str, list[str]] = field(default_factory=dict)  # "the two Koreas" -> [PRK, KOR]
    main_dyad_references: list[str] = field(default_factory=list)  # "the two countries", "both sides"
    people: dict[str, Person] = field(default_factory=dict)  # alias -> person
    offices: dict[str, str] = field(default_factory=dict)  # lowercase title phrase -> sector
    state_names: dict[str, str] = field(default_factory=dict)  # code -> display name
    organisations: dict[str, dict[str, Any]] = field(default_factory=dict)
    surnames: dict[str, Person] = field(default_factory=dict)  # unique bare surnames -> person
    family_name_first: set[str] = field(default_factory=set)  # states where "Kim Jong Un" → "Kim"

    def short_names(self, person: Person) -> set[str]:
        """The bare names a person goes by later in an article that named them in full."""
        words = person.name.split()
        names = {words[-1]}
        if person.roles and person.roles[0].state in self.family_name_first:
            names.add(words[0])
        return names

    def name_of(self, code: str) -> str:
        if code in self.state_names:
            return self.state_names[code]
        org = self.organisations.get(code)
        return str(org.get("name", code)) if org else code


def _data(name: str) -> Any:
    text = resources.files("dyad.actors").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _add(kb: KnowledgeBase, alias: str, entry: Alias) -> None:
    alias = alias.strip()
    if not alias or alias in kb.ambiguous:
        return
    kb.aliases.setdefault(alias, entry)


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """Load and index every data file once per process."""
    kb = KnowledgeBase()
    for phrase, entry in (_data("ambiguous.yaml") or {}).items():
        # a list of candidates, each resolved when the article mentions it; or a mapping with a
        # wider context ("the North" is North Korea in any story that names either Korea)
        candidates = entry["candidates"] if isinstance(entry, dict) else entry
        context = (entry.get("context") or candidates) if isinstance(entry, dict) else entry
        kb.ambiguous[str(phrase)] = [str(c) for c in candidates or []]
        kb.ambiguous_context[str(phrase)] = [str(c) for c in context or []]
    groups: dict[str, Any] = _data("groups.yaml") or {}
    fixed: dict[str, list[str]] = groups.get("fixed") or {}
    kb.fixed_groups = {str(k): [str(c) for c in v] for k, v in fixed.items()}
    kb.main_dyad_references = [str(p) for p in groups.get("main_dyad") or []]
    states: dict[str, dict[str, Any]] = _data("states.yaml") or {}
    for code, entry in states.items():
        country = pycountry.countries.get(alpha_3=code)
        display = (entry.get("names") or [None])[0] or (getattr(country, "common_name", None) or
                                                        getattr(country, "name", code) if country else code)
        kb.state_names[code] = str(display)
        for kind in STATE_ALIAS_KINDS:
            for alias in entry.get(kind) or []:
                _add(kb, str(alias), Alias(code, "state", kind, "GOV" if kind == "capitals" else None))
        for alias, sector in (entry.get("seats") or {}).items():
            _add(kb, str(alias), Alias(code, "state", "seats", str(sector)))
        if country is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value and "," not in value:
                    _add(kb, value, Alias(code, "state", "names"))
    # cities, regions and sites coded to their state ("arrived in Vladivostok", "annexation of Crimea")
    for code, places in (_data("places.yaml") or {}).items():
        for place in places or []:
            _add(kb, str(place), Alias(str(code), "state", "places"))
    orgs: dict[str, dict[str, Any]] = _data("organisations.yaml") or {}
    for code, entry in orgs.items():
        kb.organisations[code] = entry
        for alias in [entry.get("name"), *(entry.get("aliases") or [])]:
            if alias:
                _add(kb, str(alias), Alias(code, "organisation", "organisation"))
    for raw in _data("people.yaml") or []:
        roles = [Role(str(r["state"]), str(r.get("sector") or "GOV"), str(r.get("title") or ""),
                      first_day(r.get("start")), first_day(r.get("end")),
                      (_written(r.get("start")), _written(r.get("end")))) for r in raw.get("roles") or []]
        person = Person(str(raw["name"]), [str(a) for a in raw.get("aliases") or []], roles)
        for alias in [person.name, *person.aliases]:
            kb.people.setdefault(alias, person)
    kb.offices = {str(k).lower(): str(v) for k, v in (_data("offices.yaml") or {}).items()}
    naming = _data("naming.yaml") or {}
    kb.family_name_first = {str(c) for c in naming.get("family_name_first") or []}
    kb.surnames = _unique_surnames(kb, int(naming.get("min_unique_surname_length") or 4))
    return kb


def _written(value: Any) -> str | None:
    return None if value is None else str(value)


def _unique_surnames(kb: KnowledgeBase, min_length: int) -> dict[str, Person]:
    """Surnames borne by exactly one person in the knowledge base and by no state or organisation."""
    holders: dict[str, set[str]] = {}
    people = {id(p): p for p in kb.people.values()}
    for person in people.values():
        surname = person.name.split()[-1]
        holders.setdefault(surname, set()).add(person.name)
    unique: dict[str, Person] = {}
    for person in people.values():
        surname = person.name.split()[-1]
        first_state = person.roles[0].state if person.roles else ""
        if (len(surname) >= min_length and len(holders[surname]) == 1 and surname not in kb.aliases
                and surname not in kb.ambiguous and first_state not in kb.family_name_first
                and len(person.name.split()) > 1):
            unique[surname] = person
    return unique
