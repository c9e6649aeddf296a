"""Estimating when an undated article was written: a window from its content; its earliest day when wide."""

from __future__ import annotations

from datetime import date

import pytest

from dyad import Pipeline, RawDocument
from dyad.published import Landmark, PersonMention, Tenure, estimate_publication, term_landmarks
from dyad.timeline import last_day

SECRETARY = (Tenure("chief executive of an oil company", "2006-01-01", "2016-12-31"),
             Tenure("secretary of state", "2017-02-01", "2018-03-31"))
FOREIGN_MINISTER = (Tenure("vice foreign minister", "2010", "2014-04"),
                    Tenure("foreign minister", "2014-04-09", "2016-05"))


def people(text: str, name: str, tenures: tuple[Tenure, ...]) -> list[PersonMention]:
    """Every occurrence of the name, as the actor stage would give it."""
    found, at = [], text.find(name)
    while at >= 0:
        found.append(PersonMention(at, at + len(name), name, tenures))
        at = text.find(name, at + 1)
    return found


def estimate(text: str, name: str = "Rex Tillerson", tenures: tuple[Tenure, ...] = SECRETARY,
             datelines: tuple[str, ...] = ()) -> tuple[str | None, str, date | None, date | None]:
    result = estimate_publication(text, people(text, name, tenures), datelines)
    return result.value, result.precision, result.lo, result.hi


# --------------------------------------------------------------------------- titled people


def test_a_titled_person_bounds_the_window_by_the_post() -> None:
    text = "US Secretary of State Rex Tillerson said talks were possible. Trade has grown since 2016."
    assert estimate(text) == ("2017-02-01", "unknown", date(2017, 2, 1), date(2018, 3, 31))  # two years: too wide


def test_a_window_inside_one_year_gives_the_year_or_the_month() -> None:
    text = "US Secretary of State Rex Tillerson said talks were possible. Trade fell in January 2018."
    assert estimate(text) == ("2018", "year", date(2018, 1, 1), date(2018, 3, 31))
    text = "Secretary of State Rex Tillerson said talks were possible. Trade fell in March 2018."
    assert estimate(text) == ("2018-03", "month", date(2018, 3, 1), date(2018, 3, 31))


@pytest.mark.parametrize("lead", [
    "Former US Secretary of State Rex Tillerson said",
    "Then-Secretary of State Rex Tillerson said",
    "The former secretary of state, Rex Tillerson, said",
    "Rex Tillerson, the former US secretary of state, said",
    "The ex-Secretary of State Rex Tillerson said",
    "The secretary of state met with Rex Tillerson and said",  # the title is someone else's
    "Rex Tillerson said",
])
def test_former_then_and_untitled_mentions_give_no_window(lead: str) -> None:
    text = f"{lead} talks were possible. Trade fell in January 2018."
    assert estimate(text) == ("2018-01", "unknown", date(2018, 1, 1), None)


def test_a_title_after_the_name_counts_too() -> None:
    text = "Rex Tillerson, the US secretary of state, said talks were possible. Trade fell in January 2018."
    assert estimate(text)[:2] == ("2018", "year")


def test_a_title_of_another_post_does_not_match_a_shorter_one() -> None:
    text = "Vice Foreign Minister Ri Su Yong arrived in Moscow. Trade fell in April 2013."
    # the vice minister's post (to "2014-04"), not the "foreign minister" one (2014-2016)
    assert estimate(text, "Ri Su Yong", FOREIGN_MINISTER) == ("2013-04", "unknown", date(2013, 4, 1), date(2014, 4, 30))


def test_new_puts_the_article_within_a_year_of_the_start_of_the_post() -> None:
    text = "The new Foreign Minister of the DPRK Ri Su Yong is on a visit to Russia."
    assert estimate(text, "Ri Su Yong", FOREIGN_MINISTER)[2:] == (date(2014, 4, 9), date(2015, 4, 10))
    text = "The Foreign Minister of the DPRK Ri Su Yong is on a visit to Russia."
    assert estimate(text, "Ri Su Yong", FOREIGN_MINISTER)[3] == date(2016, 5, 31)  # "2016-05": its last day


def test_contradicting_constraints_are_dropped_not_guessed_between() -> None:
    text = "US Secretary of State Rex Tillerson said talks were possible. Iran freed the ship in September 2019."
    result = estimate_publication(text, people(text, "Rex Tillerson", SECRETARY))
    assert (result.value, result.precision, result.hi) == ("2019-09", "unknown", None)
    assert "contradictory" in result.basis


def test_a_year_that_looks_ahead_is_not_a_lower_bound() -> None:
    text = ("US Secretary of State Rex Tillerson said talks were possible in the spring. "
            "The pipeline will be finished by 2030.")
    assert estimate(text)[2:] == (date(2017, 2, 1), date(2018, 3, 31))  # not after 2030 (and so not contradictory)


# --------------------------------------------------------------------------- bylines


def test_a_byline_month_day_fixes_the_day_when_one_year_of_the_window_has_it() -> None:
    text = "US Secretary of State Rex Tillerson said talks were possible."
    assert estimate(text, datelines=("By Xu Mouquan Updated Apr.27",)) == (
        "2017-04-27", "day", date(2017, 4, 27), date(2017, 4, 27))
    # 3 March falls in the window in 2017 and in 2018: no day, and the window stays too wide
    assert estimate(text, datelines=("By Xu Mouquan Updated Mar.3",))[:2] == ("2017-02-01", "unknown")
    # without a window a byline month-day says nothing
    assert estimate("Trade fell.", datelines=("Updated Apr.27",)) == (None, "unknown", None, None)


def test_last_day() -> None:
    assert last_day("2016") == date(2016, 12, 31)
    assert last_day("2016-02") == date(2016, 2, 29)
    assert last_day("2016-05-09") == date(2016, 5, 9)
    assert last_day("spring") is None


def _raw(text: str, doc_id: str) -> RawDocument:
    return RawDocument(id=doc_id, source=f"{doc_id}.txt", data=text.encode("utf-8"), published=None)


def test_pipeline_dates_events_by_a_tight_estimate(pipeline: Pipeline) -> None:
    text = ("Russia and the talks\n\nBy Jane Roe Updated Apr.27\n\n"
            "US Secretary of State Rex Tillerson said on Tuesday that he looked to Russia to help. "
            "Russia condemned North Korea's missile launch on Sunday.\n")
    analysis = pipeline.analyze(_raw(text, "pe1"))
    document = analysis.document
    assert (document.published, document.published_precision, document.published_estimated) == (
        "2017-04-27", "day", True)
    accuse = next(e for e in analysis.events if e.type == "ACCUSE")
    assert accuse.date == "2017-04-23"  # "on Sunday" before Thursday 27 April 2017


def test_pipeline_dates_fresh_acts_by_a_wide_estimate_to_the_month(pipeline: Pipeline) -> None:
    text = ("Russia and the talks\n\nBy Jane Roe Updated Mar.3\n\n"
            "US Secretary of State Rex Tillerson said on Tuesday that he looked to Russia to help. "
            "Russia condemned North Korea's missile launch.\n")
    analysis = pipeline.analyze(_raw(text, "pe2"))
    document = analysis.document
    assert (document.published, document.published_precision, document.published_estimated) == (
        "2017-02-01", "unknown", True)  # the window's start
    accuse = next(e for e in analysis.events if e.type == "ACCUSE")
    assert (accuse.date, accuse.date_precision, accuse.date_inferred) == ("2017-02", "month", True)


def test_pipeline_leaves_an_act_that_starts_a_period_undated(pipeline: Pipeline) -> None:
    text = ("Ties\n\nIt was the first visit since the two countries suspended diplomatic ties. "
            "Russia condemned North Korea's missile launch.\n")
    analysis = pipeline.analyze(RawDocument(id="pe3", source="pe3.txt", data=text.encode(), published="2015-06-10"))
    suspended = next(e for e in analysis.events if e.trigger == "suspended")
    condemned = next(e for e in analysis.events if e.type == "ACCUSE")
    assert suspended.date is None
    assert (condemned.date, condemned.date_inferred) == ("2015-06-10", True)


# --------------------------------------------------------------------------- known events and yearless dates


def landmarks(text: str, name: str, first: date) -> list[Landmark]:
    at = text.find(name)
    return [Landmark(at, at + len(name), name, first)]


def test_a_known_event_named_is_a_lower_bound() -> None:
    text = "Trade grew in 2014. Russia kept shipping flour after Resolution 2270 was adopted."
    result = estimate_publication(text, landmarks=landmarks(text, "Resolution 2270", date(2016, 3, 2)))
    assert (result.value, result.precision, result.lo) == ("2016-03-02", "unknown", date(2016, 3, 2))
    ahead = "Trade grew in 2014. A vote on Resolution 2270 will be held soon."  # a look ahead: no bound
    result = estimate_publication(ahead, landmarks=landmarks(ahead, "Resolution 2270", date(2016, 3, 2)))
    assert result.value == "2014"


def test_a_yearless_date_later_in_the_bound_s_year_moves_the_estimate() -> None:
    text = "Resolution 2270 was adopted. North Korea tested a missile on April 28."
    result = estimate_publication(text, landmarks=landmarks(text, "Resolution 2270", date(2016, 3, 2)))
    assert result.value == "2016-04-28"
    text = "Trade fell in April, 2014. Payments have been made in roubles since June."
    assert estimate_publication(text).value == "2014-06-01"


def test_a_yearless_date_earlier_in_the_bound_s_year_says_nothing() -> None:
    text = "Iran freed the tanker on 27 September 2019. It had been seized in July."
    assert estimate_publication(text).value == "2019-09-27"  # not July 2020


def test_pipeline_resolves_partial_dates_against_a_known_event(pipeline: Pipeline) -> None:
    text = ("Flour\n\nRussia has supplied flour to the North even after Resolution 2270. "
            "The UN Security Council condemned North Korea's missile test carried out on April 28.\n")
    analysis = pipeline.analyze(_raw(text, "pe4"))
    assert analysis.document.published == "2016-04-28"
    test = next(e for e in analysis.events if e.type == "MOBILIZE" and e.rule != "named-event")
    assert test.date == "2016-04-28"


# --------------------------------------------------------------------------- leaders' numbered terms


def test_a_leader_s_numbered_term_named_as_held_bounds_the_publication() -> None:
    text = "Trade grew in 2021. The talks followed the success of Russian President Vladimir Putin’s fifth term."
    landmarks = term_landmarks(text)
    assert [(text[m.start:m.end], m.first) for m in landmarks] == [("Vladimir Putin’s fifth term", date(2024, 3, 17))]
    assert estimate_publication(text, landmarks=landmarks).value == "2024-03-17"


def test_a_bid_for_a_term_is_no_bound() -> None:
    assert term_landmarks("Putin launched his bid for a fifth term; Xi sought a third term.") == []


def test_terms_are_numbered_in_the_order_of_their_votes() -> None:
    from dyad.published import _term_patterns
    for _, leader, terms in _term_patterns():
        ordered = [terms[k] for k in sorted(terms)]
        assert ordered == sorted(ordered) and sorted(terms) == list(range(1, len(terms) + 1)), leader
