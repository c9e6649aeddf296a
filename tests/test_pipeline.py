"""The per-article pipeline and the whole run on the bundled example corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad import Pipeline, RawDocument, open_store, run
from dyad.export import event_rows

ROOT = Path(__file__).resolve().parents[1]


def _doc(text: str, doc_id: str = "t1", published: str | None = "2014-05-20") -> RawDocument:
    return RawDocument(id=doc_id, source=f"{doc_id}.txt", data=text.encode("utf-8"), published=published)


def test_analysis_points_every_fact_at_its_evidence(pipeline: Pipeline) -> None:
    text = ("Debt deal ratified\n\n"
            "Russia wrote off $10 billion of North Korea's Soviet-era debt on Monday, officials in Moscow said. "
            "The United States and Japan condemned North Korea's missile launch on Sunday.\n")
    analysis = pipeline.analyze(_doc(text))
    body = analysis.document.text
    assert analysis.document.title == "Debt deal ratified"
    for mention in analysis.mentions:
        assert body[mention.start:mention.end] == mention.text
    for quantity in analysis.quantities:
        assert body[quantity.start:quantity.end] == quantity.text
    for event in analysis.events:
        assert body[event.start:event.end] == event.evidence
        assert event.evidence.find(event.trigger) >= 0
    found = {(e.source, e.target, e.type) for e in analysis.events if e.accepted}
    assert ("RUS", "PRK", "AID") in found
    assert {("USA", "PRK", "ACCUSE"), ("JPN", "PRK", "ACCUSE")} <= found  # coordination gives two events
    aid = next(e for e in analysis.events if e.type == "AID")
    assert [(q.value, q.unit) for q in aid.quantities] == [(10_000_000_000, "USD")]
    assert aid.date == "2014-05-19"  # "on Monday" before a Tuesday publication date
    json.dumps(analysis.to_dict())  # the whole analysis serialises


def test_modality_and_unresolved_sources(pipeline: Pipeline) -> None:
    text = ("Talks planned\n\n"
            "China will host talks with South Korea next month. "
            "Seoul refused to sign the agreement with Tokyo. "
            "A local man who lives near the border criticised the plan.\n")
    analysis = pipeline.analyze(_doc(text, "t2"))
    by_type = {(e.source, e.type): e for e in analysis.events}
    assert by_type[("CHN", "CONSULT")].modality == "planned"
    assert by_type[("CHN", "CONSULT")].target == "KOR"
    assert by_type[("KOR", "AGREE")].modality == "negated"
    assert not [e for e in analysis.events if e.type == "ACCUSE"]  # no actor, no event


def test_non_english_document_is_kept_without_events(pipeline: Pipeline) -> None:
    text = "Москва и Пхеньян подписали договор о всеобъемлющем стратегическом партнёрстве в июне."
    analysis = pipeline.analyze(_doc(text, "ru1"))
    assert analysis.document.language == "ru"
    assert analysis.events == []


@pytest.mark.slow
def test_example_corpus_end_to_end(pipeline: Pipeline) -> None:
    with open_store(":memory:") as store:
        summary = run([ROOT / "examples" / "corpus"], db=store, pipeline=pipeline)
        assert summary.quarantined == []
        assert summary.new == store.count("documents") >= 40
        rows = event_rows(store)
        texts = {r["doc_id"]: r["text"] for r in store.query("SELECT doc_id, text FROM documents")}
        again = run([ROOT / "examples" / "corpus"], db=store, pipeline=pipeline)
        assert (again.new, again.skipped) == (0, summary.new)
    for row in rows:
        assert texts[row["doc"]][row["start"]:row["end"]] == row["evidence"]
    treaty = [r for r in rows if r["doc"] == "001_treaty-1961" and r["type"] == "AGREE"]
    assert any({r["source"], r["target"]} == {"RUS", "PRK"} and (r["date"] or "").startswith("1961")
               for r in treaty)
    write_off = [r for r in rows if r["doc"] == "009_debt-writeoff-2012" and r["type"] == "AID"]
    assert any(r["source"] == "RUS" and r["target"] == "PRK"
               and {(q["value"], q["unit"]) for q in r["quantities"]} >= {(90, "percent"), (11e9, "USD")}
               for r in write_off)


def test_reaction_to_an_earlier_event_targets_its_actors(pipeline: Pipeline) -> None:
    text = ("Vetoes at the council\n\n"
            "Russia and China vetoed the draft resolution on Thursday. "
            "The United States criticised the vetoes as reckless. "
            "North Korea launched a ballistic missile on Sunday. Japan condemned the launch.\n")
    analysis = pipeline.analyze(_doc(text, "t3", published="2022-05-28"))
    accusations = {(e.source, e.target) for e in analysis.events if e.type == "ACCUSE" and e.accepted}
    assert {("USA", "RUS"), ("USA", "CHN"), ("JPN", "PRK")} <= accusations


def test_text_over_the_character_limit_is_bad_input_not_a_crash(pipeline: Pipeline) -> None:
    from dyad import BadInput, Options

    small = Pipeline(Options(max_chars=5_000), nlp=pipeline.nlp, kb=pipeline.kb, lexicon=pipeline.lexicon)
    text = "\n\n".join(f"Paragraph {i} says that Moscow and Seoul held talks number {i}." for i in range(400))
    with pytest.raises(BadInput) as info:
        small.analyze(_doc(text, "long"))
    assert info.value.reason == "too large" and "max_chars" in info.value.detail
    results = list(small.pipe([_doc(text, "long"), _doc("Short note\n\nMoscow and Seoul held talks.", "short")]))
    assert [type(r).__name__ for r in results] == ["Rejected", "Analysis"]


def test_reported_hostile_act_is_also_an_accusation(pipeline: Pipeline) -> None:
    text = ("Arms claims\n\n"
            "The United States said on Friday that North Korea had delivered artillery shells to Russia. "
            "Japan said North Korea and Russia held talks in Moscow. Pyongyang denied the charge.\n")
    analysis = pipeline.analyze(_doc(text, "t4", published="2023-10-14"))
    found = {(e.source, e.target, e.type) for e in analysis.events if e.accepted}
    assert ("USA", "PRK", "ACCUSE") in found  # the statement accuses …
    assert ("PRK", "RUS", "AID") in found  # … and the act is coded as reported
    assert ("JPN", "PRK", "ACCUSE") not in found and ("JPN", "RUS", "ACCUSE") not in found  # talks are not wrongdoing
    assert ("PRK", "USA", "REJECT") in found  # the denial answers the accusation


def test_an_offer_is_coded_as_a_request_with_proposed_modality(pipeline: Pipeline) -> None:
    text = "Offer\n\nPyongyang is willing to sell Russia coal and buy Russian oil products.\n"
    analysis = pipeline.analyze(_doc(text, "t5", published="2014-10-20"))
    offers = [e for e in analysis.events if e.source == "PRK" and e.target == "RUS"]
    assert offers and all(e.type == "REQUEST" and e.modality == "proposed" for e in offers)
    assert offers[0].cameo is not None and offers[0].cameo.startswith("03")  # CAMEO: express intent


def test_a_denied_rejection_is_a_possibility_not_a_rejection(pipeline: Pipeline) -> None:
    text = "Arms\n\nRussia did not rule out supplying weapons to North Korea, the Kremlin said on Friday.\n"
    analysis = pipeline.analyze(_doc(text, "t6", published="2024-06-21"))
    assert not [e for e in analysis.events if e.type == "REJECT"]
    supply = [e for e in analysis.events if e.type == "AID" and e.source == "RUS" and e.target == "PRK"]
    assert supply and supply[0].modality == "hypothetical"


def test_undated_past_acts_take_the_day_of_the_news_not_of_printing(pipeline: Pipeline) -> None:
    text = ("Council vote\n\n"
            "The UN Security Council voted on Saturday to impose sanctions on North Korea. "
            "North Korea's ambassador rejected the resolution and walked out of the chamber. "
            "Japan welcomes the decision.\n")
    analysis = pipeline.analyze(_doc(text, "t7", published="2006-10-15"))
    by_type = {e.type: e for e in analysis.events}
    assert by_type["SANCTION"].date == "2006-10-14" and not by_type["SANCTION"].date_inferred
    assert by_type["REJECT"].date == "2006-10-14" and by_type["REJECT"].date_inferred  # past tense: the news day
    assert by_type["SUPPORT"].date == "2006-10-15"  # present tense: the day of printing


def test_an_amount_goes_with_the_act_mentioned_again_in_its_sentence(pipeline: Pipeline) -> None:
    text = ("Aid\n\n"
            "Moscow has provided North Korea with humanitarian aid. "
            "Recently, it announced the delivery of 400,000 tons of wheat flour to the troubled partner.\n")
    analysis = pipeline.analyze(_doc(text, "t8", published="2017-06-23"))
    aid = [e for e in analysis.events if e.type == "AID" and e.accepted]
    assert len(aid) == 1 and len(aid[0].mentions) >= 2
    assert [(q.value, q.unit) for q in aid[0].quantities] == [(400000.0, "t")]


def test_a_dated_mention_without_target_dates_the_same_act_named_with_its_target(pipeline: Pipeline) -> None:
    text = ("UN statement\n\n"
            "Russia raised objections to the UN's denouncement of North Korea's missile tests. "
            "Moscow had earlier backed the UN's April 19 denouncement only in part.\n")
    analysis = pipeline.analyze(_doc(text, "t9", published="2017-04-27"))
    accusations = [e for e in analysis.events if e.type == "ACCUSE" and e.source == "UN"]
    assert len(accusations) == 1 and accusations[0].target == "PRK"
    assert (accusations[0].date, accusations[0].date_inferred) == ("2017-04-19", False)
    assert len(accusations[0].mentions) == 2


def test_amounts_of_a_sentence_without_an_act_go_with_the_previous_act_of_its_paragraph(pipeline: Pipeline) -> None:
    text = ("Pipeline\n\n"
            "Putin and Kim Jong Il agreed on Wednesday to study a gas pipeline across North Korea. "
            "The pipeline would run for roughly 1,100 km.\n\n"
            "Separately, the port handles about 5 million tons of cargo a year.\n")
    analysis = pipeline.analyze(_doc(text, "t10", published="2011-08-25"))
    agree = [e for e in analysis.events if e.type == "AGREE" and e.accepted]
    assert agree and [(q.value, q.unit) for q in agree[0].quantities] == [(1100.0, "km")]
    tons = next(q for q in analysis.quantities if q.unit == "t")
    assert tons.event_id is None  # another paragraph, no act of its own: left unattached


def test_a_mutual_act_named_from_either_side_is_one_event(pipeline: Pipeline) -> None:
    text = ("Summit\n\n"
            "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome on Wednesday. "
            "Later Putin held talks with Kim over dinner.\n")
    analysis = pipeline.analyze(_doc(text, "t11", published="2023-09-14"))
    meetings = [e for e in analysis.events if e.type == "CONSULT" and e.accepted]
    assert len(meetings) == 1 and {meetings[0].source, meetings[0].target} == {"RUS", "PRK"}
    assert len(meetings[0].mentions) == 2
