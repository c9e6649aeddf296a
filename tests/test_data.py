"""The knowledge base and the lexicon are data files; these tests load and check them."""

from __future__ import annotations

import pycountry
import pytest

from dyad import Pipeline
from dyad.actors.kb import SECTORS, load_kb
from dyad.events import load_lexicon

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_lexicon_covers_the_sixteen_types_with_known_codes_and_modes() -> None:
    lex = load_lexicon()
    assert set(lex.types) == PLOVER_TYPES
    triggers = [t for entries in lex.triggers.values() for t in entries]
    assert {t.type for t in triggers} == PLOVER_TYPES
    for trigger in triggers:
        assert trigger.cameo in lex.cameo, f"{trigger.label}: CAMEO {trigger.cameo} is not in cameo.csv"
        assert trigger.mode is None or trigger.mode in lex.types[trigger.type].modes, trigger.label
        intensity = lex.intensity(trigger)
        assert intensity is not None and -10 <= intensity <= 10
    keys = [(t.lemma, t.pos, t.needs) for t in triggers]
    assert len(keys) == len(set(keys)), "duplicate trigger entries"
    assert {t.quad for t in lex.types.values()} == {"verbal_cooperation", "material_cooperation",
                                                     "verbal_conflict", "material_conflict"}


def test_modality_cues_and_argument_vocabulary_are_present() -> None:
    lex = load_lexicon()
    for modality in ("planned", "proposed", "negated", "hypothetical"):
        assert lex.modality.get(modality), modality
    assert "to" in lex.target_prepositions and "hold" in lex.light_verbs
    assert lex.undirected_types <= PLOVER_TYPES


def test_every_key_of_arguments_yaml_is_read_and_every_word_list_is_filled() -> None:
    """A misspelt key in arguments.yaml would otherwise be ignored without a word."""
    from importlib import resources

    import yaml

    from dyad.events.lexicon import _WORD_LISTS

    data = yaml.safe_load(resources.files("dyad.events").joinpath("data", "arguments.yaml").read_text("utf-8"))
    structured = {"rule_confidence", "confidence_adjustments", "stated_threats", "offers"}
    assert set(data) == set(_WORD_LISTS) | structured
    lex = load_lexicon()
    assert all(getattr(lex, name) for name in _WORD_LISTS)
    assert set(lex.stated_threats) | lex.body_types | lex.occasion_types | lex.alleged_types <= PLOVER_TYPES


def test_states_are_iso_codes_and_every_un_member_is_known() -> None:
    kb = load_kb()
    for code in kb.state_names:
        assert code in ("XKX",) or pycountry.countries.get(alpha_3=code) is not None, code
    assert len(kb.state_names) >= 197
    for code in ("RUS", "PRK", "KOR", "USA", "CHN", "GBR", "FRA", "JPN", "UKR", "IRN", "DEU", "IND", "TWN", "XKX"):
        assert code in kb.state_names


@pytest.mark.parametrize(("alias", "code"), [("Pyongyang", "PRK"), ("the Kremlin", "RUS"), ("DPRK", "PRK"),
                                              ("Zhongnanhai", "CHN"), ("UN Security Council", "UNSC"),
                                              ("six-party talks", "SIXPARTY"), ("the West", "WEST")])
def test_well_known_aliases(alias: str, code: str) -> None:
    assert load_kb().aliases[alias].code == code


def test_people_roles_point_at_known_actors_with_valid_sectors() -> None:
    kb = load_kb()
    people = {id(p): p for p in kb.people.values()}.values()
    assert len(people) >= 150
    for person in people:
        assert person.roles, person.name
        for role in person.roles:
            assert role.state in kb.state_names or role.state in kb.organisations, (person.name, role.state)
            assert role.sector in SECTORS, (person.name, role.sector)
            assert role.start is None or role.end is None or role.start <= role.end, person.name
    assert set(kb.offices.values()) <= SECTORS


def test_ambiguous_forms_are_never_plain_aliases() -> None:
    kb = load_kb()
    assert not set(kb.ambiguous) & set(kb.aliases)
    for phrase, candidates in kb.ambiguous.items():
        assert candidates and set(candidates) <= set(kb.ambiguous_context[phrase]) | set(candidates), phrase


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    ("Russia supplied gas to China.", "supplied", "COOPERATE"),
    ("North Korea supplied shells to Russia.", "supplied", "AID"),
    ("Germany gave tanks to Ukraine in January.", "gave", "AID"),  # "in" of a date is not "give in"
    ("The European Union suspended sanctions on Belarus.", "suspended", "CONCEDE"),
    ("Seoul suspended talks with Tokyo.", "suspended", "SANCTION"),
    ("Putin accepted the invitation.", "accepted", "CONSULT"),
    ("Seoul called in the Japanese ambassador.", "called", "ACCUSE"),
    ("Washington held Moscow responsible for the attack.", "held", "ACCUSE"),
    ("North Korea fired artillery shells at the island.", "fired", "ASSAULT"),
    ("North Korea fired artillery shells into the sea.", "fired", "MOBILIZE"),
    ("The United States slapped anti-dumping duties on Chinese steel.", "duties", "SANCTION"),
])
def test_the_object_decides_the_type_of_an_everyday_trigger(pipeline: Pipeline, sentence: str, word: str,
                                                            expected: str) -> None:
    doc = pipeline.nlp(sentence)
    token = next(t for t in doc if t.text == word)
    trigger = load_lexicon().match(token)
    assert trigger is not None and trigger.type == expected, (sentence, trigger)
