"""Estimating when an undated article was written: a window from its content, used only when tight."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from dyad import Pipeline, RawDocument
from dyad.model import DatePrecision
from dyad.published import PersonMention, Tenure, date_base, estimate_publication
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
    assert estimate(text) == ("2017-02", "unknown", date(2017, 2, 1), date(2018, 3, 31))  # two years: too wide


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
    assert estimate(text, datelines=("By Xu Mouquan Updated Mar.3",))[:2] == ("2017-02", "unknown")
    # without a window a byline month-day says nothing
    assert estimate("Trade fell.", datelines=("Updated Apr.27",)) == (None, "unknown", None, None)


# --------------------------------------------------------------------------- what may date events


@dataclass
class _Doc:
    published: str | None
    published_precision: DatePrecision
    published_estimated: bool


def test_only_a_stated_date_or_an_estimate_that_pins_the_year_is_a_base() -> None:
    assert date_base(_Doc("2017-04-27", "day", False)) == "2017-04-27"
    assert date_base(_Doc("2017-04-27", "day", True)) == "2017-04-27"
    assert date_base(_Doc("2018", "year", True)) == "2018"
    assert date_base(_Doc("2017-02", "unknown", True)) is None  # a lower bound only
    assert date_base(_Doc(None, "unknown", False)) is None


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


def test_pipeline_leaves_events_undated_by_a_wide_estimate(pipeline: Pipeline) -> None:
    text = ("Russia and the talks\n\nBy Jane Roe Updated Mar.3\n\n"
            "US Secretary of State Rex Tillerson said on Tuesday that he looked to Russia to help. "
            "Russia condemned North Korea's missile launch on Sunday.\n")
    analysis = pipeline.analyze(_raw(text, "pe2"))
    document = analysis.document
    assert (document.published_precision, document.published_estimated) == ("unknown", True)
    assert document.published == "2017-02"  # the window's start, a lower bound only
    assert analysis.events and all(e.date is None for e in analysis.events)
