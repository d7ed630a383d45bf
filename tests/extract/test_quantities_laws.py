"""Laws the quantity extractor keeps for any input, checked with hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numcheck.extract.quantities import find_quantities

ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]  # fmt: skip
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# qualifier -> (low, high) as multiples of the stated figure (None = unbounded)
QUALIFIERS = {
    "": (1, 1), "about ": (1, 1), "around ": (1, 1), "some ": (1, 1), "roughly ": (1, 1),
    "more than ": (1, None), "over ": (1, None), "at least ": (1, None), "just over ": (1, None),
    "nearly ": (None, 1), "almost ": (None, 1), "up to ": (None, 1), "as many as ": (None, 1),
    "fewer than ": (None, 1), "less than ": (None, 1), "under ": (None, 1),
    "just under ": (None, 1),
}  # fmt: skip
# The first call loads pint and quantulum3's lexicon; time limits would only measure that.
laws = settings(deadline=None)
SEPARATORS = [",", " ", "\u202f", "\u2009", "\u00a0"]


def in_words(n: int) -> str:
    """English words for 1 <= n < 1000 ("three hundred and forty-two")."""
    hundreds, rest = divmod(n, 100)
    parts = [f"{ONES[hundreds]} hundred"] if hundreds else []
    if rest:
        tens, ones = divmod(rest, 10)
        below_hundred = (
            TEENS[ones] if tens == 1 else "-".join(w for w in (TENS[tens], ONES[ones]) if w)
        )
        parts.append(below_hundred)
    return " and ".join(parts)


def grouped(n: int, separator: str) -> str:
    return f"{n:,}".replace(",", separator)


def interval(text: str) -> tuple[float | None, float | None]:
    found = [m for m in find_quantities(text) if m.kind != "ordinal"]
    assert len(found) == 1, (text, found)
    return found[0].low, found[0].high


@laws
@given(st.integers(1000, 999_999_999), st.sampled_from(SEPARATORS))
def test_any_separator_style_reads_the_same(n: int, separator: str) -> None:
    assert interval(f"They counted {grouped(n, separator)} ballots.") == (n, n)


@laws
@given(st.integers(1, 999))
def test_words_read_as_their_digits(n: int) -> None:
    assert interval(f"They counted {in_words(n)} ballots.") == (n, n)


@laws
@given(st.integers(1, 999), st.integers(1, 9), st.sampled_from(["m", "bn", " million", " billion"]))
def test_decimal_scales_read_as_their_full_figure(whole: int, tenth: int, scale: str) -> None:
    factor = {"m": 1e6, "bn": 1e9, " million": 1e6, " billion": 1e9}[scale]
    low, high = interval(f"a deal worth ${whole}.{tenth}{scale}")
    expected = (whole * 10 + tenth) * factor / 10
    assert low == pytest.approx(expected)
    assert high == pytest.approx(expected)
    assert interval(f"a deal worth ${grouped(round(expected), ',')}") == (expected, expected)


@laws
@given(st.integers(1, 999), st.sampled_from(["thousand", "million", "billion"]))
def test_scale_words_multiply(n: int, scale: str) -> None:
    factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale]
    assert interval(f"It cost ${n} {scale} last year.") == (n * factor, n * factor)
    assert interval(f"It cost {in_words(n)} {scale} dollars.") == (n * factor, n * factor)


@laws
@given(st.integers(2, 99_999), st.sampled_from(sorted(QUALIFIERS)))
def test_every_qualifier_bounds_the_figure(n: int, qualifier: str) -> None:
    low, high = QUALIFIERS[qualifier]
    expected = (None if low is None else n * low, None if high is None else n * high)
    assert interval(f"Officials said {qualifier}{n:,} people were displaced.") == expected


@laws
@given(
    st.integers(1, 28), st.sampled_from(["January", "March", "October"]), st.integers(1990, 2030)
)
def test_claims_never_overlap_a_date(day: int, month: str, year: int) -> None:
    text = f"On {month} {day}, {year} about {day + 40} people were hurt."
    date = (3, 3 + len(f"{month} {day}, {year}"))
    for m in find_quantities(text, exclude=[date]):
        assert m.end <= date[0] or m.start >= date[1]


@laws
@given(st.text(max_size=200))
def test_never_raises_and_offsets_slice_to_the_quote(text: str) -> None:
    for m in find_quantities(text):
        assert text[m.start : m.end] == m.text
        if m.noun_start is not None and m.noun_end is not None:
            assert text[m.noun_start : m.noun_end] == m.noun


SOUP = ["about", "2,500", "$3m", "-", "to", "between", "and", "5%", "km", "one", "half", "dozens",
        "of", "No.", "Article", "in", "2019", "rose", "by", " ", ",", "(", "a", "from", "aged",
        "March", "pm", "±", "x10^3", "Y=", "US$", "½", "per", "a third", "minus",
        "1/4"]  # fmt: skip


@laws
@given(st.lists(st.sampled_from(SOUP), max_size=16))
def test_never_raises_on_figure_soup(words: list[str]) -> None:
    text = " ".join(words)
    for m in find_quantities(text):
        assert text[m.start : m.end] == m.text
        assert m.low is None or m.high is None or m.low <= m.high


@laws
@given(st.integers(1, 40))
def test_repeated_text_gives_repeated_claims(copies: int) -> None:
    text = "Some 2,500 troops and $3bn, up 5% on March 3, 2020, at 10:30, in 2019. " * copies
    assert len(find_quantities(text)) == 3 * copies
