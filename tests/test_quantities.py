"""Amounts: money, mass, distance, percentages, durations, rates and counts."""

from __future__ import annotations

import pytest

from dyad.model import Quantity
from dyad.quantities import find_quantities, load_units


def quantities(text: str) -> list[tuple[str, float | None, str, bool]]:
    found = find_quantities(text, "doc-1")
    for q in found:
        assert text[q.start:q.end] == q.text
        assert q.doc_id == "doc-1"
    return [(q.text, q.value, q.unit, q.approximate) for q in found]


def single(text: str) -> Quantity:
    found = find_quantities(text, "doc-1")
    assert len(found) == 1, found
    return found[0]


def test_units_file_loads() -> None:
    units = load_units()
    assert units["currency_symbols"]["$"] == "USD"
    assert units["currency_words"]["roubles"] == "RUB"
    assert units["measures"]["tonnes"] == "t"
    assert units["scales"]["billion"] == 1e9
    for section in ("percent", "durations", "approximators", "counted_nouns", "number_words", "vague"):
        assert units[section], section


# --------------------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The bank released $4 million to the ministry.", "$4 million", 4e6, "USD"),
        ("Turnover rose to $6.2 billion last year.", "$6.2 billion", 6.2e9, "USD"),
        ("A loan of US$ 3bn was agreed.", "US$ 3bn", 3e9, "USD"),
        ("A loan of US$3.5bn was agreed.", "US$3.5bn", 3.5e9, "USD"),
        ("They signed a 7-billion-U.S.-dollar package.", "7-billion-U.S.-dollar", 7e9, "USD"),
        ("Investment totalled 12 billion dollars.", "12 billion dollars", 12e9, "USD"),
        ("Trade stood at 250 million USD annually.", "250 million USD", 250e6, "USD"),
        ("Brussels pledged €8 million in grants.", "€8 million", 8e6, "EUR"),
        ("The ministry set aside 6 billion roubles for the port.", "6 billion roubles", 6e9, "RUB"),
        ("The ministry set aside 6 billion rubles for the port.", "6 billion rubles", 6e9, "RUB"),
        ("Seoul offered 30 billion won in aid.", "30 billion won", 30e9, "KRW"),
        ("Beijing lent 2 billion yuan to the bank.", "2 billion yuan", 2e9, "CNY"),
        ("Beijing lent 2 billion renminbi to the bank.", "2 billion renminbi", 2e9, "CNY"),
        ("Tokyo froze 900 million yen in deposits.", "900 million yen", 900e6, "JPY"),
        ("The fund holds $750,000 in cash.", "$750,000", 750000, "USD"),
        ("It costs $2m to run.", "$2m", 2e6, "USD"),
        ("The deal is worth 40 billion euros.", "40 billion euros", 40e9, "EUR"),
        ("The grant was a million dollars.", "a million dollars", 1e6, "USD"),
    ],
)
def test_money(sentence: str, text: str, value: float, unit: str) -> None:
    q = single(sentence)
    assert (q.text, q.value, q.unit, q.approximate) == (text, value, unit, False)


def test_won_as_a_verb_is_not_money() -> None:
    assert quantities("The ruling party won the vote and won again later.") == []
    assert quantities("Their candidate won 52 seats.") == [("52 seats", 52, "seats", False)]


def test_approximate_money() -> None:
    assert quantities("a near-$200 million trade gap") == [("near-$200 million", 200e6, "USD", True)]
    assert quantities("at least $40 billion will be needed") == [("at least $40 billion", 40e9, "USD", True)]
    assert quantities("approximately 300 million USD a year") == [
        ("approximately 300 million USD", 300e6, "USD", True)
    ]


def test_x_out_of_y_money_gives_two_quantities() -> None:
    assert quantities("Banks may withdraw $4 million out of $25 million in frozen funds.") == [
        ("$4 million", 4e6, "USD", False),
        ("$25 million", 25e6, "USD", False),
    ]


def test_x_out_of_y_count_shares_the_unit() -> None:
    assert quantities("Seven out of 10 delegates voted yes.") == [
        ("Seven", 7, "delegates", False),
        ("10 delegates", 10, "delegates", False),
    ]


def test_vague_money() -> None:
    assert quantities("It cost millions of dollars.") == [("millions of dollars", None, "USD", True)]


# --------------------------------------------------------------------------- mass, distance


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ship carried 250,000 tons of rice.", ("250,000 tons", 250000, "t", False)),
        ("The ship carried more than 250,000 tons of rice.", ("more than 250,000 tons", 250000, "t", True)),
        ("The ship carried thousands of tons of rice.", ("thousands of tons", None, "t", True)),
        ("The ship carried hundreds of tonnes of rice.", ("hundreds of tonnes", None, "t", True)),
        ("Output reached 3 million tonnes.", ("3 million tonnes", 3e6, "t", False)),
        ("Output reached 1.5 million metric tons.", ("1.5 million metric tons", 1.5e6, "t", False)),
        ("Customs seized 40 kilograms of gold.", ("40 kilograms", 40, "kg", False)),
        ("Customs seized 40 kg of gold.", ("40 kg", 40, "kg", False)),
        ("The line will run 1,200 kilometres north.", ("1,200 kilometres", 1200, "km", False)),
        ("The line will run 1,200 kilometers north.", ("1,200 kilometers", 1200, "km", False)),
        ("The line will run 85 km north.", ("85 km", 85, "km", False)),
        ("The line will run 85 miles north.", ("85 miles", 85, "mi", False)),
        ("The ferry sails about 300 nautical miles.", ("about 300 nautical miles", 300, "nmi", True)),
    ],
)
def test_mass_and_distance(sentence: str, expected: tuple[str, float | None, str, bool]) -> None:
    assert quantities(sentence) == [expected]


# --------------------------------------------------------------------------- percentages


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Creditors forgave 75% of the debt.", "75%", 75),
        ("Creditors forgave 75 percent of the debt.", "75 percent", 75),
        ("Creditors forgave 75 per cent of the debt.", "75 per cent", 75),
        ("The share was 0.8 per cent of turnover.", "0.8 per cent", 0.8),
        ("The share was 3 percent of turnover.", "3 percent", 3),
        ("The share was 12.5% of turnover.", "12.5%", 12.5),
    ],
)
def test_percentages(sentence: str, text: str, value: float) -> None:
    q = single(sentence)
    assert (q.text, q.value, q.unit) == (text, value, "percent")


def test_percentage_points_are_not_percent() -> None:
    assert quantities("Rates rose 2 percentage points.") == [
        ("2 percentage points", 2, "percentage points", False)
    ]


# --------------------------------------------------------------------------- durations and rates


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He is on a 12-day tour of the region.", ("12-day", 12, "day", False)),
        ("The loan was extended for 15 years.", ("15 years", 15, "years", False)),
        ("The sides held talks for three days.", ("three days", 3, "days", False)),
        ("It was the first visit in the 7 years since.", ("7 years", 7, "years", False)),
        ("A 6-month freeze was agreed.", ("6-month", 6, "month", False)),
        ("Trains run three times a week.", ("three times a week", 3, "per week", False)),
        ("Trains run 5 times per month.", ("5 times per month", 5, "per month", False)),
        ("Trains run twice a day.", ("twice a day", 2, "per day", False)),
        ("Inspectors come once a year.", ("once a year", 1, "per year", False)),
    ],
)
def test_durations_and_rates(sentence: str, expected: tuple[str, float | None, str, bool]) -> None:
    assert quantities(sentence) == [expected]


def test_ages_are_not_durations() -> None:
    assert quantities("A 45-year-old diplomat was expelled.") == []


# --------------------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The army moved 8,000 troops to the coast.", ("8,000 troops", 8000, "troops", False)),
        ("The navy fired 6 missiles into the sea.", ("6 missiles", 6, "missiles", False)),
        ("The navy fired 6 cruise missiles into the sea.", ("6 cruise missiles", 6, "missiles", False)),
        ("The firm hired 300 North Korean labourers.",
         ("300 North Korean labourers", 300, "labourers", False)),
        ("They sent four ships.", ("four ships", 4, "ships", False)),
        ("They sent twenty-five ships.", ("twenty-five ships", 25, "ships", False)),
        ("They sent two dozen drones.", ("two dozen drones", 24, "drones", False)),
        ("They sent a dozen drones.", ("a dozen drones", 12, "drones", False)),
        ("A million people fled.", ("A million people", 1e6, "people", False)),
        ("They sent one hundred and fifty inspectors.",
         ("one hundred and fifty inspectors", 150, "inspectors", False)),
        ("The barrage used 1.2 million shells.", ("1.2 million shells", 1.2e6, "shells", False)),
        ("Some 500 soldiers crossed.", ("Some 500 soldiers", 500, "soldiers", True)),
        ("It sent thousands of troops.", ("thousands of troops", None, "troops", True)),
    ],
)
def test_counts(sentence: str, expected: tuple[str, float | None, str, bool]) -> None:
    assert quantities(sentence) == [expected]


def test_compound_adjectives_are_not_counts() -> None:
    assert quantities("The six-party talks stalled.") == []
    assert quantities("The two-state formula failed.") == []


# --------------------------------------------------------------------------- ranges


def test_range_is_one_quantity_with_the_low_value() -> None:
    assert quantities("It deployed between 2,000 and 4,000 troops.") == [
        ("between 2,000 and 4,000 troops", 2000, "troops", True)
    ]
    assert quantities("It deployed 2,000 to 4,000 troops.") == [
        ("2,000 to 4,000 troops", 2000, "troops", True)
    ]
    assert quantities("It deployed 2,000-4,000 troops.") == [("2,000-4,000 troops", 2000, "troops", True)]


def test_money_range_shares_scale_and_currency() -> None:
    assert quantities("Repairs cost $2-3 billion.") == [("$2-3 billion", 2e9, "USD", True)]
    assert quantities("Repairs cost from $2 billion to $3 billion.") == [
        ("from $2 billion to $3 billion", 2e9, "USD", True)
    ]


def test_list_with_and_is_not_a_range() -> None:
    assert quantities("Shares of 60% and 30% were agreed.") == [
        ("60%", 60, "percent", False),
        ("30%", 30, "percent", False),
    ]


# --------------------------------------------------------------------------- not amounts


@pytest.mark.parametrize(
    "sentence",
    [
        "The council adopted Resolution 2231 on the matter.",
        "It happened on 14 May 2019 in the capital.",
        "It happened on March 3 after the talks.",
        "The country is the 4th largest partner.",
        "The treaty was signed in 1961 and renewed in 2000.",
        "One of the envoys left early.",
        "The G20 met in Osaka.",
    ],
)
def test_not_amounts(sentence: str) -> None:
    assert quantities(sentence) == []


def test_several_in_one_sentence_with_offsets() -> None:
    text = "Of the $3.1 billion in trade, 88 per cent went through one port, moving 120,000 tons."
    found = find_quantities(text, "x")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("$3.1 billion", 3.1e9, "USD"),
        ("88 per cent", 88, "percent"),
        ("120,000 tons", 120000, "t"),
    ]
    assert all(text[q.start:q.end] == q.text for q in found)
    assert found[0].as_json()["unit"] == "USD"
