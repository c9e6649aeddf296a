"""Named past events ("the annexation of Crimea", "Resolution 2270"): the data file and the matcher."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from dyad import Pipeline
from dyad.actors.kb import load_kb
from dyad.events import NamedEventMatch, NamedEvents, NamedEventsError, load_lexicon
from dyad.events.named import distinguishable, parse_span


@pytest.fixture(scope="module")
def named() -> NamedEvents:
    return NamedEvents.load()


@pytest.fixture(scope="module")
def nlp() -> Language:
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    return blank


def find(named: NamedEvents, nlp: Language, text: str, **kwargs: str) -> list[NamedEventMatch]:
    return named.find(nlp(text), **kwargs)


# --------------------------------------------------------------------------- the data


def test_every_entry_uses_known_codes_types_modes_and_dates(named: NamedEvents) -> None:
    kb = load_kb()
    codes = set(kb.state_names) | set(kb.organisations)
    lexicon = load_lexicon()
    assert 150 <= len(named) <= 300
    for event in named.entries.values():
        assert event.source in codes, (event.key, event.source)
        assert event.target is None or event.target in codes, (event.key, event.target)
        assert event.source != event.target, event.key
        assert event.type in lexicon.types, (event.key, event.type)
        assert event.mode is None or event.mode in lexicon.types[event.type].modes, (event.key, event.mode)
        first, last = parse_span(event.date)
        assert (first, last) == (event.first, event.last)
        assert 1945 <= first.year <= 2025, event.key
        assert last == date.max or last.year <= 2025, event.key
        assert event.names and all(n == n.lower().strip() and not n.startswith("the ") for n in event.names), event.key
        assert event.note, event.key


def test_agreements_and_summits_are_mutual_and_nuclear_tests_have_no_target(named: NamedEvents) -> None:
    for event in named.entries.values():
        if event.type in ("AGREE", "CONSULT"):
            assert event.mutual, event.key
        if event.mode == "nuclear_test":
            assert event.target is None, event.key


def test_names_shared_by_several_events_are_told_apart_by_date_or_context(named: NamedEvents) -> None:
    shared = {name: events for name, events in named.by_name.items() if len(events) > 1}
    assert shared, "the file is expected to use shared names (e.g. the Vladivostok summits)"
    for name, events in shared.items():
        for i, a in enumerate(events):
            for b in events[i + 1:]:
                assert distinguishable(a, b), (name, a.key, b.key)


def test_required_coverage(named: NamedEvents) -> None:
    keys = set(named.entries)
    for resolution in (825, 1695, 1718, 1874, 2087, 2094, 2270, 2321, 2356, 2371, 2375, 2397):
        assert f"unsc_resolution_{resolution}" in keys
        assert named.entries[f"unsc_resolution_{resolution}"].target == "PRK"
    tests = sorted((e.date, e.key) for e in named.entries.values() if e.source == "PRK" and e.mode == "nuclear_test")
    assert [d for d, _ in tests] == ["2006-10-09", "2009-05-25", "2013-02-12", "2016-01-06", "2016-09-09", "2017-09-03"]
    for key in ("korean_armistice", "soviet_dprk_treaty_1961", "russia_dprk_treaty_2000", "russia_dprk_treaty_2024",
                "jcpoa", "new_start", "inf_treaty", "minsk_protocol", "minsk_ii", "agreed_framework",
                "cuban_missile_crisis", "crimea_annexation", "yeonpyeong_shelling", "cheonan_sinking"):
        assert key in keys, key


# --------------------------------------------------------------------------- matching


def test_named_event_with_offsets_parties_and_date(named: NamedEvents, nlp: Language) -> None:
    text = "Seoul cited the sinking of the Cheonan in 2010."
    [match] = find(named, nlp, text)
    assert text[match.start:match.end] == match.text == "sinking of the Cheonan"
    assert (match.key, match.source, match.target, match.type, match.date) == (
        "cheonan_sinking", "PRK", "KOR", "ASSAULT", "2010-03-26")
    assert not match.mutual


def test_leading_article_is_optional_and_not_part_of_the_match(named: NamedEvents, nlp: Language) -> None:
    for text in ("Cuban missile crisis aside, ties held.", "After the Cuban missile crisis, ties held."):
        [match] = find(named, nlp, text)
        assert match.key == "cuban_missile_crisis" and match.text == "Cuban missile crisis"


def test_longest_name_wins(named: NamedEvents, nlp: Language) -> None:
    matches = find(named, nlp, "Veterans marked the Korean War armistice and the end of the Korean War.")
    assert [m.key for m in matches] == ["korean_armistice", "korean_war"]
    assert matches[0].text == "Korean War armistice"


def test_ambiguous_name_needs_its_context_word_in_the_same_sentence(named: NamedEvents, nlp: Language) -> None:
    assert find(named, nlp, "The third nuclear test drew condemnation.") == []
    assert find(named, nlp, "North Korea was warned. The third nuclear test drew condemnation.") == []
    [match] = find(named, nlp, "North Korea's third nuclear test drew condemnation.")
    assert (match.key, match.source, match.target, match.type, match.mode, match.date) == (
        "dprk_nuclear_test_2013", "PRK", None, "MOBILIZE", "nuclear_test", "2013-02-12")
    assert find(named, nlp, "The EU adopted its sixth sanctions package.")[0].key == "eu_sanctions_package_06"
    assert find(named, nlp, "Washington adopted its sixth sanctions package.") == []


def test_a_year_before_a_shared_name_selects_the_event(named: NamedEvents, nlp: Language) -> None:
    [deal] = find(named, nlp, "Trump left the 2015 nuclear deal.")
    assert (deal.key, deal.text, deal.source, deal.target) == ("jcpoa", "2015 nuclear deal", "IRN", "P5P1")
    assert find(named, nlp, "The 1994 nuclear deal froze Yongbyon.")[0].key == "agreed_framework"
    assert find(named, nlp, "The nuclear deal was signed.") == []  # shared, nothing says which
    [summit] = find(named, nlp, "They met at the 2002 Vladivostok summit.")
    assert (summit.key, summit.date) == ("russia_dprk_vladivostok_summit_2002", "2002-08-23")
    [test] = find(named, nlp, "Pyongyang called the January 2016 hydrogen bomb test a success.")
    assert test.key == "dprk_nuclear_test_2016_january" and test.text == "January 2016 hydrogen bomb test"


def test_a_year_after_a_shared_name_selects_the_event(named: NamedEvents, nlp: Language) -> None:
    [summit] = find(named, nlp, "Putin and Kim met at the Vladivostok summit in April 2019.")
    assert summit.key == "russia_dprk_vladivostok_summit_2019" and summit.text == "Vladivostok summit"
    assert find(named, nlp, "Putin and Kim met at the Vladivostok summit.") == []


def test_a_year_that_contradicts_the_event_blocks_the_match(named: NamedEvents, nlp: Language) -> None:
    assert find(named, nlp, "Analysts recalled the 2019 Singapore summit.") == []
    [match] = find(named, nlp, "Analysts recalled the 2018 Singapore summit.")
    assert match.key == "singapore_summit" and match.text == "2018 Singapore summit"


def test_publication_date_rules_out_later_events(named: NamedEvents, nlp: Language) -> None:
    text = "North Korea's hydrogen bomb test alarmed Tokyo."
    assert find(named, nlp, text) == []
    [match] = find(named, nlp, text, published="2016-01-07")
    assert match.key == "dprk_nuclear_test_2016_january"
    assert find(named, nlp, "The Hanoi summit ended early.", published="2018-12") == []


def test_resolutions_case_dependent_tokens_and_curly_apostrophes(named: NamedEvents, nlp: Language) -> None:
    text = ("UN Security Council Resolution 2270 followed. Resolution No. 2397 capped oil. "
            "The Sept. 19 joint statement was cited, and so was Putin’s visit to Pyongyang in 2024.")
    matches = find(named, nlp, text)
    assert [m.key for m in matches] == ["unsc_resolution_2270", "unsc_resolution_2397",
                                        "september_19_joint_statement", "putin_pyongyang_visit_2024"]
    assert [text[m.start:m.end] for m in matches] == ["Resolution 2270", "Resolution No. 2397",
                                                     "Sept. 19 joint statement", "Putin’s visit to Pyongyang"]
    assert matches[0].source == "UNSC" and matches[0].type == "SANCTION" and matches[0].target == "PRK"


def test_matches_on_a_doc_of_the_full_pipeline(named: NamedEvents, pipeline: Pipeline) -> None:
    text = "Moscow has faced Western sanctions since the annexation of Crimea. The Hanoi summit failed."
    matches = named.find(pipeline.nlp(text))
    assert [(m.key, m.source, m.target, m.mutual) for m in matches] == [
        ("crimea_annexation", "RUS", "UKR", False), ("hanoi_summit", "USA", "PRK", True)]
    assert text[matches[0].start:matches[0].end] == "annexation of Crimea"


# --------------------------------------------------------------------------- validation


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "named.yaml"
    path.write_text("events:\n" + body, encoding="utf-8")
    return path


GOOD = """  - key: foo_accord
    names: [the foo accord]
    type: AGREE
    source: RUS
    target: PRK
    mutual: true
    date: "2001-02"
    note: an accord
"""


def test_a_custom_file_loads_and_a_leading_article_in_a_name_is_optional(tmp_path: Path, nlp: Language) -> None:
    named = NamedEvents.load(write(tmp_path, GOOD), nlp=nlp)
    assert [m.key for m in named.find(nlp("Foo accord talks resumed."))] == ["foo_accord"]
    assert [m.text for m in named.find(nlp("Under the Foo Accord, trade grew."))] == ["Foo Accord"]


@pytest.mark.parametrize(("change", "message"), [
    (("type: AGREE", "type: AGREEMENT"), "not a PLOVER type"),
    (("source: RUS", "source: XXX"), "not an actor code"),
    (("target: PRK", "target: SOVIET"), "not an actor code"),
    (('date: "2001-02"', 'date: "2001-13"'), "not a calendar date"),
    (('date: "2001-02"', 'date: "Feb 2001"'), "not YYYY"),
    (('date: "2001-02"', 'date: "2003/2001"'), "ends before it starts"),
    (("    note: an accord\n", "    mode: bombing\n"), "not a mode of AGREE"),
    (("    note: an accord\n", "    parties: [RUS]\n"), "unknown field"),
])
def test_invalid_entries_raise_clear_errors(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    with pytest.raises(NamedEventsError, match=message) as info:
        NamedEvents.load(write(tmp_path, GOOD.replace(*change)))
    assert "foo_accord" in str(info.value)


def test_shared_names_must_be_distinguishable(tmp_path: Path) -> None:
    twin = GOOD.replace("foo_accord", "foo_accord_bis")
    with pytest.raises(NamedEventsError, match="shared by 'foo_accord' and 'foo_accord_bis'"):
        NamedEvents.load(write(tmp_path, GOOD + twin))
    with pytest.raises(NamedEventsError, match="used twice"):
        NamedEvents.load(write(tmp_path, GOOD + GOOD.replace('"2001-02"', '"2005"')))
    later = twin.replace('"2001-02"', '"2001-06"')
    assert len(NamedEvents.load(write(tmp_path, GOOD + later))) == 2
    contexts = (GOOD.replace("    type:", "    requires: [moscow]\n    type:")
                + twin.replace("    type:", "    requires: [pyongyang]\n    type:"))
    assert len(NamedEvents.load(write(tmp_path, contexts))) == 2
