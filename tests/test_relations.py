"""Relation assessments and numeric claims, on sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad import Pipeline, RawDocument
from dyad.model import Assessment, Claim
from dyad.relations import find_assessments, find_claims, load_relations_lexicon


def _run(pipeline: Pipeline, text: str) -> tuple[str, list[Assessment], list[Claim]]:
    raw = RawDocument(id="t", source="t", published="2021-03-03",
                      data=f"Test headline\n\nMarch 3, 2021\n\n{text}\n".encode())
    analysis = pipeline.analyze(raw)
    doc = pipeline.nlp(analysis.document.text)
    document = analysis.document
    assessments = find_assessments(doc, document, analysis.mentions)
    claims = find_claims(doc, document, analysis.mentions, analysis.quantities)
    return document.text, assessments, claims


def _assess(pipeline: Pipeline, text: str) -> list[tuple[frozenset[str], str]]:
    _, assessments, _ = _run(pipeline, text)
    return [(frozenset((a.a, a.b)), a.polarity) for a in assessments]


def _claims(pipeline: Pipeline, text: str) -> list[tuple[str, str, float | None, str]]:
    _, _, claims = _run(pipeline, text)
    return [(c.subject, c.measure, c.value, c.unit) for c in claims]


def test_lexicon_loads() -> None:
    lex = load_relations_lexicon()
    assert "relation" in lex["assessments"]["relation_nouns"]
    measures = {m["measure"] for m in lex["claims"]["measures"]}
    assert {"trade volume", "share of trade", "debt written off", "aid delivered", "funds released",
            "project value"} <= measures


@pytest.mark.parametrize(("text", "pair", "polarity"), [
    ("Relations between Japan and South Korea have improved markedly since the new government took office.",
     {"JPN", "KOR"}, "positive"),
    ("Ties between Poland and Hungary soured last year over the war in Ukraine.", {"POL", "HUN"}, "negative"),
    ("The Vietnam-China relationship remains tense.", {"VNM", "CHN"}, "negative"),
    ("Chile's relations with Argentina deteriorated in 2019.", {"CHL", "ARG"}, "negative"),
    ("Hanoi's trust in Washington has grown steadily.", {"VNM", "USA"}, "positive"),
    ("Beijing is losing patience with Pyongyang.", {"CHN", "PRK"}, "negative"),
    ("For Belgrade, Moscow remains a reliable friend.", {"RUS", "SRB"}, "positive"),
    ("Serbia and Russia grew closer after the vote.", {"SRB", "RUS"}, "positive"),
    ("Seoul and Tokyo say the two countries enjoy close ties.", {"KOR", "JPN"}, "positive"),
    ("Tensions between India and China have eased.", {"IND", "CHN"}, "positive"),
])
def test_assessment_patterns(pipeline: Pipeline, text: str, pair: set[str], polarity: str) -> None:
    assert (frozenset(pair), polarity) in _assess(pipeline, text)


@pytest.mark.parametrize(("text", "pair", "polarity"), [
    ("Officials in Ankara said relations between Turkey and Greece were not friendly.", {"TUR", "GRC"}, "negative"),
    ("Germany and France are not truly friends.", {"DEU", "FRA"}, "negative"),
    ("The friendship between Cuba and Venezuela is little more than a piece of theatre.", {"CUB", "VEN"},
     "negative"),
])
def test_negation_flips_polarity(pipeline: Pipeline, text: str, pair: set[str], polarity: str) -> None:
    assert _assess(pipeline, text) == [(frozenset(pair), polarity)]


@pytest.mark.parametrize("text", [
    "There is little evidence of any deeper cooperation between Egypt and Sudan.",
    "The partnership between Kenya and Ethiopia has never gone beyond a few joint statements.",
    "Ghana's most loyal partner, Nigeria, has become uncomfortable with the new tariffs.",
])
def test_hedges_and_contrasts_are_mixed(pipeline: Pipeline, text: str) -> None:
    found = _assess(pipeline, text)
    assert found and all(polarity == "mixed" for _, polarity in found)


@pytest.mark.parametrize("text", [
    "Japan remains cautious about its economy.",                 # no relation word
    "Relations are becoming warmer, diplomats said.",            # no actors
    "Peru's relations have become much warmer this year.",       # one actor only
    "Brazil cut diplomatic relations with Nicaragua on Monday.",  # an act, not a state
    "The two countries signed a friendship treaty in Hanoi.",    # a name of a document
    "The weather in Paris was warm and friendly.",               # polarity words alone
    "Algeria promised to improve its relations with Morocco.",   # an aim, not a state
])
def test_no_assessment(pipeline: Pipeline, text: str) -> None:
    assert _assess(pipeline, text) == []


def test_assessment_span_and_date(pipeline: Pipeline) -> None:
    text, assessments, _ = _run(pipeline, "Chile's relations with Argentina deteriorated in 2019.")
    (a,) = assessments
    assert text[a.start:a.end] == "Chile's relations with Argentina deteriorated in 2019"
    assert a.date == "2019"
    _, (b,), _ = _run(pipeline, "The Vietnam-China relationship remains tense.")
    assert b.date == "2021-03-03"  # no date in the clause: the publication date


@pytest.mark.parametrize(("text", "expected"), [
    ("Germany is Poland's second largest trade partner.", ("DEU-POL trade", "rank among trade partners", 2, "rank")),
    ("Japan has been India's 5th largest trading partner for a decade.",
     ("JPN-IND trade", "rank among trade partners", 5, "rank")),
    ("China is Vietnam's largest trading partner.", ("CHN-VNM trade", "rank among trade partners", 1, "rank")),
    ("Vietnam accounts for 3 percent of China's foreign trade.", ("VNM-CHN trade", "share of trade", 3, "percent")),
    ("Japan delivered 50,000 tons of rice to the Philippines as humanitarian aid in May.",
     ("JPN-PHL aid", "aid delivered", 50000, "t")),
    ("Germany agreed to write off 80 percent of Poland's debt.",
     ("DEU-POL debt", "share of debt written off", 80, "percent")),
    ("Russia agreed to write off $4 billion of Cuba's debt.", ("RUS-CUB debt", "debt written off", 4e9, "USD")),
    ("Cuba will repay Russia the remaining $400 million over ten years.",
     ("RUS-CUB debt", "debt rescheduled", 4e8, "USD")),
    ("Turkey released $60 million of frozen Iranian funds.", ("TUR-IRN frozen funds", "funds released", 6e7, "USD")),
    ("China has pledged to build a railway in Laos worth $6 billion.",
     ("CHN-LAO projects", "project value", 6e9, "USD")),
])
def test_claim_measures(pipeline: Pipeline, text: str, expected: tuple[str, str, float, str]) -> None:
    assert expected in _claims(pipeline, text)


def test_same_fact_same_subject_and_measure(pipeline: Pipeline) -> None:
    wordings = [
        "Trade between Vietnam and China reached $230 billion last year.",
        "China's trade with Vietnam totalled about $230 billion last year.",
        "China is Vietnam's largest trading partner, with trade worth $230 billion last year.",
    ]
    for text in wordings:
        assert ("CHN-VNM trade", "trade volume", 230e9, "USD") in _claims(pipeline, text), text


def test_claim_span_and_date(pipeline: Pipeline) -> None:
    text, _, claims = _run(pipeline, "Trade between Vietnam and China reached $230 billion last year.")
    (c,) = claims
    assert text[c.start:c.end] == "Trade between Vietnam and China reached $230 billion last year"
    assert c.date == "2020"


@pytest.mark.parametrize("text", [
    "The weather was warm in Paris, with temperatures of 30 degrees.",
    "The ministry spent $5 million on new offices in Lima.",
    "Relations between Japan and South Korea have improved markedly.",
])
def test_no_claim(pipeline: Pipeline, text: str) -> None:
    assert _claims(pipeline, text) == []
