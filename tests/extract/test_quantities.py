"""What a newsroom relies on from the quantity extractor, one behaviour per test."""

from __future__ import annotations

import pytest

from numcheck.extract.mentions import QuantityMention
from numcheck.extract.quantities import find_quantities
from numcheck.extract.quantities.units import to_base_units
from quantities_adapter import quantities


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


def test_fell_to_gives_the_new_level_and_its_direction() -> None:
    m = only("Revenue fell to $7.4 billion.")
    assert (m.stated, m.change) == (7.4e9, "down")
    rise, level = find_quantities("Shares rose 4% to $21.40.")
    assert (rise.change, level.change) == ("up", None)


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
    # a position in a sequence, not a count: "on lap 13", "in the bottom of inning 9"
    assert only("the safety car came out on lap 13").kind == "identifier"
    assert only("he led 40 laps").kind == "count"


def test_dates_years_and_clock_times_are_not_counts() -> None:
    text = "On January 3, 2020 at 10:30 the council met, as in 2003."
    assert find_quantities(text, exclude=[(3, 18)]) == []


def test_scores_are_not_ranges() -> None:
    assert find_quantities("They won 2-1 at home.") == []
    assert find_quantities("a 0-3 defeat") == []


def test_upper_figure_lends_its_scale() -> None:
    assert (only("between 1 and 2 thousand fans").low, only("1 to 2 thousand fans").high) == (
        1000, 2000,
    )  # fmt: skip
    m = only("guidance of US$71 to $75 billion for the year")
    assert (m.low, m.high, m.unit) == (71e9, 75e9, "USD")


def test_about_range_keeps_its_qualifier() -> None:
    m = only("cars that manage about 12-16 mpg")
    assert (m.low, m.high, m.qualifier, m.stated_high) == (12, 16, "about", 16)


def test_conversion_in_brackets_takes_the_qualifier() -> None:
    hp, kw = find_quantities("an engine making just under 150 hp (112 kW)")
    assert (hp.qualifier, kw.qualifier, kw.high, kw.high_inclusive) == (
        "just-under", "just-under", 112, False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("it has 330m users", 330e6, None),
        ("she won the 100m sprint", 100, "meter"),
        ("a third of the voters", 1 / 3, None),
        ("walk two and a half miles", 2.5, "mile"),
        ("a 2 1/2 in pipe", 2.5, "inch"),
        ("chips made at sub-5 nanometre sizes", 5, "nanometer"),
    ],
)
def test_figures_as_writers_spell_them(text: str, value: float, unit: str | None) -> None:
    m = only(text)
    assert (m.stated, m.unit) == (pytest.approx(value), unit)


def test_issue_9_ages_as_plural_nouns() -> None:
    """An age as a plural noun ("the 13-year-olds") used to be quoted as "13-year", no age."""
    m = only("the 13-year-olds were found")
    assert (m.text, m.stated, m.unit) == ("13-year-olds", 13, "year")


def test_several_hundred_is_a_vague_interval() -> None:
    m = only("several hundred residents")
    assert (m.low, m.high, m.qualifier) == (300, 900, "vague")


def test_codes_and_adjectival_durations_are_not_amounts() -> None:
    assert find_quantities("open 24/7 with 3D screens") == []
    assert find_quantities("she won a five-year research award") == []


def test_units_only_quantulum3_knows() -> None:
    m = only("The fossils are about 72 Ma old.")
    assert (m.kind, m.stated, m.unit) == ("quantity", 72, "megayear")


# The benchmark adapter speaks NewsQuant's vocabulary.


def test_counts_carry_their_noun_and_qualifiers_fold_into_modifiers() -> None:
    (prediction,) = quantities("More than 4,200 employees lost their jobs.")
    assert (prediction["value"], prediction["unit"], prediction["modifier"]) == (
        4200, "employee", ">",
    )  # fmt: skip


def test_changes_ranges_and_money() -> None:
    shares, price = quantities("Shares rose 4% to $21.40.")
    assert (shares["unit"], shares["modifier"], price["unit"]) == ("percent", "up", "dollar")
    (span,) = quantities("a fine of between $3 million and $5 million")
    assert span["value"] == [3e6, 5e6]


def test_labels_ranks_and_small_vague_amounts_are_not_scored() -> None:
    assert quantities("Resolution No. 18 marked the fourth anniversary of several talks.") == []
    (dozens,) = quantities("Dozens of people were hurt.")
    assert dozens["value"] == [12, 120]


def test_time_spans_and_plural_currencies() -> None:
    assert (only("Two days after the vote").kind, only("Two days after the vote").unit) == (
        "duration", "day",
    )  # fmt: skip
    assert only("4.2 million Danish crowns in savings").unit == "DKK"


def test_half_is_a_share_only_where_it_reads_as_one() -> None:
    assert (only("more than half of voters").stated, only("more than half of voters").low) == (
        0.5, 0.5,
    )  # fmt: skip
    assert [m.kind for m in find_quantities("in the second half of the game")] == ["ordinal"]


def test_a_weekday_before_a_count_is_no_label() -> None:
    assert only("Officials said on Tuesday 40 people were hurt.").kind == "count"


def test_south_asian_scales_and_dozens_after_digits() -> None:
    assert only("Rs 5,000 crore for roads").stated == 5e10
    assert only("3 dozen roses").stated == 36
    assert only("several dozen boats").high == 108


def test_ages_in_apposition_and_after_aged() -> None:
    assert only("Okafor, 58, has retired.").unit == "year"
    assert only("a man, aged 34, was arrested").unit == "year"


def test_a_part_takes_the_unit_of_its_whole() -> None:
    part, whole = find_quantities("has collected 300 million of the 2 billion shekels")
    assert (part.kind, part.stated, part.unit, whole.unit) == ("money", 300e6, "ILS", "ILS")


def test_from_to_range_across_a_few_words_but_never_across_a_date() -> None:
    m = only("Mileage rose from 31 miles per gallon in the old model to 38 mpg.")
    assert (m.low, m.high, m.unit) == (31, 38, "mile / gallon")
    text = "The price fell from $41,200 on March 3 to $39,800."
    spans = [(m.start, m.end) for m in find_quantities(text)]
    assert spans == [(15, 27), (42, 49)]


def test_a_share_of_a_unit_takes_the_unit() -> None:
    m = only("rates rose by a quarter of a percentage point")
    assert (m.stated, m.unit, m.kind) == (0.25, "percentage_point", "percent")


def test_issue_9_a_count_of_nobody_is_zero() -> None:
    nobody = only("The council said no one was hurt.")
    assert (nobody.text, nobody.stated, nobody.qualifier) == ("no one", 0, "exact")
    injuries = only("No injuries were reported at the plant.")
    assert (injuries.stated, injuries.noun_lemma) == (0, "injury")
    suspects = only("Detectives have not yet named any suspects in the case.")
    assert (suspects.text, suspects.stated) == ("any suspects", 0)
    assert only("Crews didn't find any survivors.").stated == 0


def test_issue_9_no_before_a_qualifier_or_any_without_a_negation_is_no_zero() -> None:
    assert only("There were no more than 50 people.").stated == 50
    assert find_quantities("Any suspects will be questioned. He no longer works there.") == []


def test_issue_9_a_vague_amounts_ceiling_lies_above_its_bounds() -> None:
    from numcheck.extract.quantities.numbers import vague_amounts, vague_ceiling

    for phrase, (low, high) in vague_amounts().items():
        ceiling = vague_ceiling(phrase)
        assert ceiling is None or ceiling >= high > low, phrase
    assert vague_ceiling("Dozens of robberies") == 240
    assert vague_ceiling("Police counted thousands of robberies.", 15) == 100_000
    assert vague_ceiling("several hundred robberies") is None  # a multiplier before a scale
    assert vague_ceiling("a number of robberies") is None
    assert vague_ceiling("millions of viewers") is None
    for sentence, at in [
        ("Untold thousands fled.", 7),
        ("Thousands more fled.", 0),
        ("Hundreds, if not thousands, fled.", 0),
        ("Hundreds, if not thousands, fled.", 17),
        ("Thousands upon thousands fled.", 0),
        ("Thousands and thousands fled.", 0),
        ("Dozens of other villagers fled.", 0),
    ]:
        assert vague_ceiling(sentence, at) is None, sentence
