"""Event dates: which date expression of a sentence dates which act, and how it is read."""

from __future__ import annotations

from dyad import Event, Pipeline, RawDocument


def _events(pipeline: Pipeline, text: str, published: str) -> list[Event]:
    raw = RawDocument(id="d1", source="d1.txt", data=f"Headline\n\n{text}\n".encode(), published=published)
    return pipeline.analyze(raw).events


def _one(events: list[Event], type_: str) -> Event:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, found
    return found[0]


def test_an_act_a_day_after_another_is_dated_from_it(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Japan lodged a protest with Pyongyang on Friday, two days after North Korea fired "
                               "a ballistic missile into the sea.", "2021-05-08")
    assert _one(events, "ACCUSE").date == "2021-05-07"
    assert _one(events, "MOBILIZE").date == "2021-05-05"  # two days before Friday
    events = _events(pipeline, "Moscow sent a warning to Tbilisi on 3 May, five days before Russian troops "
                               "invaded Georgia.", "2021-05-20")
    assert _one(events, "ASSAULT").date == "2021-05-08"  # five days after 3 May


def test_a_day_after_clause_hanging_on_its_measure_noun(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Lavrov warned Japan on Friday that it would regret sending arms to Kyiv, a day "
                               "after he signed an energy accord with Pyongyang.", "2021-05-08")
    assert _one(events, "AGREE").date == "2021-05-06"


def test_a_month_after_without_a_date_counts_from_the_news(pipeline: Pipeline) -> None:
    events = _events(pipeline, "The new sanctions came a month after Iran tested a ballistic missile.", "2021-05-08")
    test = _one(events, "MOBILIZE")
    assert (test.date, test.date_precision, test.date_inferred) == ("2021-04", "month", False)


def test_a_date_borrowed_from_a_planned_clause_is_read_forward(pipeline: Pipeline) -> None:
    events = _events(pipeline, "The Chinese minister is expected to open a visit to Vietnam on Monday.", "2021-05-08")
    assert _one(events, "REQUEST").date == "2021-05-10"  # the coming Monday, not the past one


def test_a_time_clause_in_the_present_speaks_of_the_future(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Lavrov hopes to settle the dispute when he visits Beijing on Monday.", "2021-05-08")
    visit = next(e for e in events if e.type == "CONSULT" and e.trigger == "visits")
    assert visit.date == "2021-05-10"


def test_an_act_named_as_the_reason_for_another_does_not_take_its_date(pipeline: Pipeline) -> None:
    events = _events(pipeline, "The Security Council voted on Friday to impose sanctions on Iran over its missile "
                               "test.", "2021-05-08")
    assert _one(events, "SANCTION").date == "2021-05-07"
    test = _one(events, "MOBILIZE")
    assert test.date != "2021-05-07" and test.date_inferred


def test_a_clause_coordinated_with_a_planned_one_keeps_its_own_tense(pipeline: Pipeline) -> None:
    events = _events(pipeline, "The talks were expected to resume in Vienna, but Iran announced a boycott of the "
                               "talks on Monday.", "2021-05-08")
    assert _one(events, "PROTEST").date == "2021-05-03"  # announced last Monday: "expected" governs the talks only


def test_acts_told_in_an_adverbial_clause_keep_the_main_clause_date(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Ties between Moscow and Pyongyang warmed in 2014, after the EU imposed sanctions on "
                               "Russia over its aggression in Ukraine.", "2017-05-08")
    assert _one(events, "SANCTION").date == "2014"
    assert _one(events, "ASSAULT").date == "2014"  # background told around the main clause's time


def test_a_clause_that_realises_the_act_dates_its_noun(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Seoul criticised the accord that Russia signed with Pyongyang in March.", "2021-05-08")
    agreements = [e for e in events if e.type == "AGREE"]
    assert [(e.date, e.date_inferred) for e in agreements] == [("2021-03", False)]  # one act, dated by its signing


def test_an_occasion_dates_the_act_done_at_it(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Lavrov signed the accord with Choe during a visit to Pyongyang in March.", "2021-05-08")
    assert (_one(events, "AGREE").date, _one(events, "AGREE").date_inferred) == ("2021-03", False)
    events = _events(pipeline, "Russia and North Korea agreed on gas supplies at talks in Moscow in March.",
                     "2021-05-08")
    assert _one(events, "AGREE").date == "2021-03"
    events = _events(pipeline, "Lavrov signed an accord with Choe on his first visit to Pyongyang since 2018.",
                     "2021-05-08")
    assert _one(events, "AGREE").date == "2021-05-08"  # "since 2018" says how long, not when


def test_an_occasion_does_not_date_an_infinitive_under_another_verb(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Russia and North Korea agreed to build a bridge during a visit to Pyongyang in March.",
                     "2021-05-08")
    assert [e.date for e in events if e.type == "COOPERATE"] != ["2021-03"]  # the occasion may be the agreement's


def test_an_act_that_did_not_happen_at_the_news_takes_the_news_day(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Peru and Chile held talks in Lima on Friday. No agreements were signed.", "2020-05-03")
    agree = _one(events, "AGREE")
    assert (agree.modality, agree.date, agree.date_inferred) == ("negated", "2020-05-01", True)  # the Friday


def test_at_that_time_takes_the_time_just_told(pipeline: Pipeline) -> None:
    text = ("Ties between Chile and Peru warmed in 2009 and 2010. At that time, Chile expressed the need to "
            "strengthen trade with Peru.")
    cooperate = _one(_events(pipeline, text, "2016-03-01"), "COOPERATE")
    assert (cooperate.date, cooperate.date_inferred) == ("2009/2010", False)
