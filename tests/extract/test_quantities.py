"""What a newsroom relies on from the quantity extractor, one behaviour per test."""

from __future__ import annotations

import pytest

from numcheck.extract.mentions import QuantityMention
from numcheck.extract.quantities import find_quantities
from numcheck.extract.units import to_base_units


def only(text: str, exclude: tuple[tuple[int, int], ...] = ()) -> QuantityMention:
    found = find_quantities(text, exclude)
    assert len(found) == 1, found
    return found[0]


def test_about_is_a_point_with_its_qualifier_and_counted_noun() -> None:
    m = only("The ministry sent about 2,500 soldiers to the border.")
    assert (m.kind, m.stated, m.low, m.high, m.qualifier) == ("count", 2500, 2500, 2500, "about")
    assert (m.noun, m.noun_lemma) == ("soldiers", "soldier")
    assert m.text == "about 2,500 soldiers"


def test_more_than_is_open_above() -> None:
    m = only("He was questioned on more than 110 occasions.")
    assert (m.low, m.low_inclusive, m.high, m.qualifier) == (110, False, None, "more-than")
    assert m.noun_lemma == "occasion"


def test_at_least_up_to_and_nearly() -> None:
    at_least, up_to, nearly = find_quantities(
        "At least two people died, up to 400 jobs may go and nearly 100 homes burned."
    )
    assert (at_least.low, at_least.high, at_least.qualifier) == (2, None, "at-least")
    assert at_least.noun == "people"
    assert (up_to.low, up_to.high, up_to.qualifier) == (None, 400, "up-to")
    assert (nearly.high, nearly.high_inclusive, nearly.qualifier) == (100, False, "nearly")


def test_money_with_scale_word_is_not_a_unit_mistake() -> None:
    m = only("Taiwan Buys $85 Billion In U.S. Military Equipment")
    assert (m.kind, m.stated, m.unit) == ("money", 85e9, "USD")


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [
        ("a bill of £3m", 3e6, "GBP"),
        ("priced at 7,199 yuan", 7199, "CNY"),
        ("US$1,062 each", 1062, "USD"),
    ],
)
def test_currencies_before_and_after_the_figure(text: str, value: float, code: str) -> None:
    m = only(text)
    assert (m.kind, m.stated, m.unit) == ("money", value, code)


def test_percent_and_change() -> None:
    m = only("Shares fell 4.5% on Monday.")
    assert (m.kind, m.stated, m.unit, m.change) == ("percent", 4.5, "percent", "down")


def test_rose_to_states_a_level_not_a_change() -> None:
    m = only("Revenue rose to $7.4 billion.")
    assert (m.stated, m.change) == (7.4e9, None)


def test_range_keeps_both_figures() -> None:
    m = only("The new battery extends range from 252 to 287 miles.")
    assert (m.kind, m.low, m.high, m.stated, m.stated_high, m.qualifier, m.unit) == (
        "quantity", 252, 287, 252, 287, "range", "mile",
    )  # fmt: skip


def test_vague_plural_follows_newsquant() -> None:
    m = only("Dozens of residents were evacuated.")
    assert (m.low, m.high, m.qualifier, m.noun_lemma) == (12, 120, "vague", "resident")
    tens = only("tens of thousands of protesters")
    assert (tens.low, tens.high) == (10_000, 100_000)


def test_physical_units_convert_with_pint() -> None:
    m = only("a 5 km run")
    assert m.unit == "kilometer"
    assert to_base_units(m.stated, m.unit) == (5000.0, "meter")


def test_labels_and_ranks_are_kept_apart() -> None:
    assert only("under Resolution No. 18 of the council").kind == "identifier"
    assert only("the new iPhone 11 went on sale").kind == "identifier"
    assert [m.kind for m in find_quantities("Articles 59 and 109 apply.")] == ["identifier"] * 2
    assert only("marking the fourth anniversary").kind == "ordinal"


def test_dates_years_and_clock_times_are_not_counts() -> None:
    text = "On January 3, 2020 at 10:30 the council met, as in 2003."
    assert find_quantities(text, exclude=[(3, 18)]) == []


def test_scores_are_not_ranges() -> None:
    assert find_quantities("They won 2-1 at home.") == []
