"""Date expressions: finding them, resolving them against the publication date."""

from __future__ import annotations

import pytest

from dyad.published import estimate_publication
from dyad.timeline import DateExpression, find_dates, offset, resolve, shift


def found(text: str) -> list[tuple[str, str]]:
    return [(d.text, d.kind) for d in find_dates(text)]


def one(text: str) -> DateExpression:
    dates = find_dates(text)
    assert len(dates) == 1, dates
    return dates[0]


# --------------------------------------------------------------------------- finding


def test_spans_are_substrings_in_order() -> None:
    text = "The envoys met on 3 March 2021, again in May 2022 and finally since 2023."
    dates = find_dates(text)
    assert [d.text for d in dates] == ["3 March 2021", "May 2022", "since 2023"]
    for d in dates:
        assert text[d.start:d.end] == d.text
    assert [d.start for d in dates] == sorted(d.start for d in dates)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministers signed the accord on 19 June 2024 in the capital.", ("19 June 2024", "absolute")),
        ("The ministers signed the accord on June 19, 2024 in the capital.", ("June 19, 2024", "absolute")),
        ("A memo dated 2024-06-19 was leaked.", ("2024-06-19", "absolute")),
        ("The pact goes back to a treaty concluded in 1958.", ("1958", "absolute")),
        ("Talks resumed in November 2019 after a pause.", ("November 2019", "absolute")),
        ("A circular issued in November, 2019 ordered ports closed.", ("November, 2019", "absolute")),
        ("The drill held on March 3 alarmed its neighbours.", ("March 3", "partial")),
        ("The drill held on the 3rd of March alarmed its neighbours.", ("on the 3rd of March", "partial")),
        ("Updated Mar.3 by the desk.", ("Mar.3", "partial")),
        ("The summit ended last October without a statement.", ("last October", "relative")),
        ("The envoy visited the border on the 14th (local time).", ("on the 14th (local time)", "relative")),
        ("The ambassador was recalled on Friday.", ("on Friday", "relative")),
        ("The ambassador was recalled yesterday.", ("yesterday", "relative")),
        ("Tariffs have been raised since 2011.", ("since 2011", "open_range")),
        ("Tariffs were raised in the 1980s.", ("the 1980s", "decade")),
        ("Output fell between 2009 and 2010.", ("between 2009 and 2010", "range")),
    ],
)
def test_find_kinds(sentence: str, expected: tuple[str, str]) -> None:
    assert found(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The council passed Resolution 2231 unanimously.",
        "Exports reached $85 million in value.",
        "Its share was 1.3 per cent of the total.",
        "Its share was 2015 percent of the total.",
        "The minister began a 10-day tour.",
        "In the 60 years since the armistice, little changed.",
        "They deployed 2000 troops to the border.",
        "The plan costs 1999 million roubles.",
        "The agency recently announced new measures.",
        "They rank 3rd among the partners, with 12 missiles tested.",
        "The 20th century saw two world wars.",
    ],
)
def test_numbers_that_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("The embargo started in 2016 after the test.", "2016"),
        ("2015 was a difficult year for the two capitals.", "2015"),
        ("Relations had cooled during 1994 as well.", "1994"),
        ("The 2018 summit in the capital raised hopes.", "2018"),
    ],
)
def test_bare_years_in_context(sentence: str, year: str) -> None:
    d = one(sentence)
    assert d.text == year and d.kind == "absolute"
    assert resolve(d, None) == (year, "year")


# --------------------------------------------------------------------------- absolute


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("19 June 2024", "2024-06-19", "day"),
        ("June 19, 2024", "2024-06-19", "day"),
        ("June 19th 2024", "2024-06-19", "day"),
        ("the 19th of June 2024", "2024-06-19", "day"),
        ("2024-06-19", "2024-06-19", "day"),
        ("Sept. 5, 2023", "2023-09-05", "day"),
        ("April 2014", "2014-04", "month"),
        ("April, 2014", "2014-04", "month"),
        ("1961", "1961", "year"),
        ("mid-2014", "2014", "year"),
    ],
)
def test_absolute_resolve_without_publication(text: str, value: str, precision: str) -> None:
    assert resolve(text, None) == (value, precision)
    assert resolve(text, "2030-01-01", future=True) == (value, precision)


def test_impossible_dates_are_rejected() -> None:
    assert resolve("31 February 2023", None) == (None, "unknown")
    assert resolve("2023-02-30", None) == (None, "unknown")


# --------------------------------------------------------------------------- partial


def test_partial_takes_most_recent_past_day() -> None:
    assert resolve("April 28", "2016-05-10") == ("2016-04-28", "day")
    assert resolve("on the 28th of April", "2016-05-10") == ("2016-04-28", "day")
    assert resolve("28 April", "2016-05-10") == ("2016-04-28", "day")
    assert resolve("Apr.27", "2017-04-27") == ("2017-04-27", "day")  # the publication day itself


def test_partial_with_future_takes_next_day() -> None:
    assert resolve("April 28", "2016-05-10", future=True) == ("2017-04-28", "day")
    assert resolve("June 2", "2016-05-10", future=True) == ("2016-06-02", "day")


def test_partial_cross_year() -> None:
    assert resolve("December 20", "2025-01-05") == ("2024-12-20", "day")
    assert resolve("December 20", "2025-01-05", future=True) == ("2025-12-20", "day")
    assert resolve("January 3", "2024-12-28", future=True) == ("2025-01-03", "day")


def test_partial_with_month_precision_publication() -> None:
    # published "2016-05": any day of May may be the publication day
    assert resolve("May 30", "2016-05") == ("2016-05-30", "day")
    assert resolve("June 1", "2016-05") == ("2015-06-01", "day")
    assert resolve("June 1", "2016-05", future=True) == ("2016-06-01", "day")


def test_partial_without_publication_is_unknown() -> None:
    assert resolve("April 28", None) == (None, "unknown")
    assert resolve(one("The probe landed on the 9th of July."), None) == (None, "unknown")


def test_month_alone_after_preposition() -> None:
    d = one("Elections are due in April.")
    assert d.kind == "partial"
    assert resolve(d, "2024-03-15") == ("2023-04", "month")
    assert resolve(d, "2024-03-15", future=True) == ("2024-04", "month")


# --------------------------------------------------------------------------- relative


@pytest.mark.parametrize(
    ("text", "published", "value", "precision"),
    [
        ("last September", "2024-03-11", "2023-09", "month"),
        ("last September", "2024-11-02", "2024-09", "month"),
        ("last March", "2024-03-20", "2023-03", "month"),
        ("next March", "2024-01-20", "2024-03", "month"),
        ("this March", "2024-10-20", "2024-03", "month"),
        ("last month", "2024-01-15", "2023-12", "month"),
        ("last year", "2024-01-15", "2023", "year"),
        ("this year", "2024-07-15", "2024", "year"),
        ("earlier this year", "2024-07-15", "2024", "year"),
        ("later this month", "2024-07-15", "2024-07", "month"),
        ("next year", "2024-07-15", "2025", "year"),
        ("yesterday", "2024-03-01", "2024-02-29", "day"),
        ("today", "2024-03-01", "2024-03-01", "day"),
        ("tomorrow", "2024-12-31", "2025-01-01", "day"),
        ("three days ago", "2024-03-10", "2024-03-07", "day"),
        ("two years ago", "2024-03-10", "2022", "year"),
        ("on the 20th", "2024-03-21", "2024-03-20", "day"),
        ("on the 20th (local time)", "2024-03-21", "2024-03-20", "day"),
        ("on the 20th (local time)", "2024-03", "2024-03-20", "day"),
        ("on the 25th", "2024-03-21", "2024-02-25", "day"),
        ("on the 2nd", "2024-03-21", "2024-03-02", "day"),
        ("on the 2nd", "2024-01-01", "2023-12-02", "day"),
        ("on the 5th of last month", "2024-03-21", "2024-02-05", "day"),
        ("on Tuesday", "2024-03-21", "2024-03-19", "day"),
        ("on Thursday", "2024-03-21", "2024-03-21", "day"),
        ("last Thursday", "2024-03-21", "2024-03-14", "day"),
        ("the end of last year", "2024-03-21", "2023-12", "month"),
    ],
)
def test_relative(text: str, published: str, value: str, precision: str) -> None:
    assert resolve(text, published) == (value, precision)


def test_relative_future() -> None:
    assert resolve("on the 25th", "2024-03-21", future=True) == ("2024-03-25", "day")
    assert resolve("on the 2nd", "2024-03-21", future=True) == ("2024-04-02", "day")
    assert resolve("on Tuesday", "2024-03-21", future=True) == ("2024-03-26", "day")
    assert resolve("next Tuesday", "2024-03-21") == ("2024-03-26", "day")


def test_future_weekday_of_the_publication_day_is_that_day() -> None:
    assert resolve("from Thursday", "2024-03-21", future=True) == ("2024-03-21", "day")
    assert resolve("on Thursday", "2024-03-21") == ("2024-03-21", "day")
    assert resolve("next Thursday", "2024-03-21") == ("2024-03-28", "day")


def test_weeks_are_ranges() -> None:
    assert resolve("next week", "2024-03-21") == ("2024-03-25/2024-03-31", "range")
    assert resolve("last week", "2024-03-21") == ("2024-03-11/2024-03-17", "range")


def test_relative_needs_publication() -> None:
    for text in ("last September", "last month", "yesterday", "on the 20th", "on Tuesday", "this year"):
        assert resolve(text, None) == (None, "unknown"), text


def test_relative_cut_to_publication_precision() -> None:
    assert resolve("yesterday", "2016-05") == ("2016-05", "month")
    assert resolve("on Tuesday", "2016") == ("2016", "year")


def test_recently_is_not_a_date() -> None:
    assert find_dates("The two sides recently agreed to expand flights.") == []


def test_relative_in_sentence() -> None:
    text = "The deal reached last September was confirmed on the 20th (local time), officials said."
    assert [resolve(d, "2024-03-22") for d in find_dates(text)] == [
        ("2023-09", "month"),
        ("2024-03-20", "day"),
    ]


# --------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("since 2013", None, "2013/.."),
        ("since April 2014", None, "2014-04/.."),
        ("since June", "2014-10", "2014-06/.."),
        ("since June", "2014-03", "2013-06/.."),
        ("since last September", "2024-03", "2023-09/.."),
        ("between 2014 and 2015", None, "2014/2015"),
        ("in 2014 and 2015", None, "2014/2015"),
        ("from 2011 to 2013", None, "2011/2013"),
        ("2014-15", None, "2014/2015"),
        ("2009–2012", None, "2009/2012"),
        ("from March to May", "2024-08-01", "2024-03/2024-05"),
        ("between March and May 2022", None, "2022-03/2022-05"),
        ("from 3 to 5 May 2024", None, "2024-05-03/2024-05-05"),
        ("12-14 June 2024", None, "2024-06-12/2024-06-14"),
        ("the first half of this year", "2024-03", "2024-01/2024-06"),
        ("the second half of last year", "2024-03", "2023-07/2023-12"),
        ("the first half of 2021", None, "2021-01/2021-06"),
        ("the third quarter of 2022", None, "2022-07/2022-09"),
        ("until 2030", None, "../2030"),
        ("the summer of 2019", None, "2019-06/2019-08"),
    ],
)
def test_ranges(text: str, published: str | None, value: str) -> None:
    assert resolve(text, published) == (value, "range")


def test_range_kinds_in_text() -> None:
    text = (
        "Trade has grown since 2013 and doubled between 2014 and 2015, "
        "mostly in the first half of this year."
    )
    assert found(text) == [
        ("since 2013", "open_range"),
        ("between 2014 and 2015", "range"),
        ("the first half of this year", "range"),
    ]


def test_relative_range_needs_publication() -> None:
    assert resolve("since June", None) == (None, "unknown")
    assert resolve("the first half of this year", None) == (None, "unknown")


def test_from_months_future() -> None:
    assert resolve("from March to May", "2024-08-01", future=True) == ("2025-03/2025-05", "range")


# --------------------------------------------------------------------------- decades


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Aid flowed freely in the 1990s.", "1990/1999"),
        ("Aid flowed freely in the early 2000s.", "2000/2003"),
        ("Aid flowed freely in the late 1970s.", "1977/1979"),
        ("Aid flowed freely in the '80s.", "1980/1989"),
    ],
)
def test_decades(sentence: str, value: str) -> None:
    d = one(sentence)
    assert d.kind == "decade"
    assert resolve(d, None) == (value, "range")


# --------------------------------------------------------------------------- misc


def test_resolve_accepts_expression_or_string() -> None:
    d = one("It happened on 4 July 2020.")
    assert resolve(d, None) == resolve("4 July 2020", None) == ("2020-07-04", "day")
    assert resolve("no date at all", "2020-01-01") == (None, "unknown")
    assert resolve("", "2020-01-01") == (None, "unknown")


def test_bad_publication_date_is_ignored() -> None:
    assert resolve("last year", "not a date") == (None, "unknown")
    assert resolve("1999", "garbage") == ("1999", "year")


def test_estimate_publication_without_people_is_the_latest_date_mentioned() -> None:
    text = (
        "Ties date back to 1961. Talks were held on 19 June 2017 and again on April 3. "
        "Earlier, between 2014 and 2015, visits increased. A target was set until 2030."
    )
    assert estimate_publication(text).value == "2017-06-19"
    assert estimate_publication("Nothing here is dated.").value is None
    assert estimate_publication("Since 2013 trade grew; in 2016 it fell.").value == "2016"
    assert estimate_publication("Aid grew in 2018 and in May 2018.").value == "2018-05"


def test_offset_reads_a_measure_phrase() -> None:
    assert offset("a day") == (1, "day", False)
    assert offset("three weeks") == (3, "week", False)
    assert offset("about two months") == (2, "month", True)
    assert offset("days") is None and offset("several years") is None


def test_shift_keeps_the_precision_the_distance_allows() -> None:
    assert shift("2021-03-01", -1, "day") == ("2021-02-28", "day")
    assert shift("2021-05-07", 3, "week") == ("2021-05-28", "day")
    assert shift("2021-05-07", -2, "week", approximate=True) == ("2021-04", "month")
    assert shift("2021-05-07", -1, "month") == ("2021-04", "month")
    assert shift("2021-05", -2, "day") == ("2021-05", "month")
    assert shift("2021", 1, "year") == ("2022", "year")
    assert shift("2021/..", -1, "day") == (None, "unknown")
