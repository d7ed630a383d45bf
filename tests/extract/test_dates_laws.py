"""Laws of the tagger, checked on generated dates and text."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from numcheck.extract.dates import tag_dates

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
ABBREV = [
    "Jan.", "Feb.", "March", "April", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


def renderings(d: dt.date) -> list[str]:
    """The same day in every written form the tagger supports."""
    m = d.month - 1
    return [
        f"{MONTHS[m]} {d.day}, {d.year}",
        f"{ABBREV[m]} {d.day}, {d.year}",
        f"{d.day} {MONTHS[m]} {d.year}",
        f"the {d.day} of {MONTHS[m]} {d.year}",
        d.isoformat(),
        f"{d.month}/{d.day}/{d.year}",
        f"{WEEKDAYS[d.weekday()]}, {MONTHS[m]} {d.day}, {d.year}",
    ]


@given(days, st.sampled_from(range(7)), st.one_of(st.none(), days))
def test_every_rendering_resolves_to_the_same_day(
    d: dt.date, form: int, dct: dt.date | None
) -> None:
    text = f"The ministry said the order took effect on {renderings(d)[form]}, officials said."
    found = [t for t in tag_dates(text, dct) if t.type == "DATE"]
    assert [t.value for t in found] == [d.isoformat()]


@given(days, st.sampled_from(WEEKDAYS))
def test_weekday_named_with_a_date_is_reported_for_the_calendar_check(
    d: dt.date, weekday: str
) -> None:
    text = f"The vote was held on {weekday}, {MONTHS[d.month - 1]} {d.day}, {d.year}."
    (t,) = tag_dates(text)
    assert t.value == d.isoformat()
    assert t.weekday == WEEKDAYS.index(weekday)
    assert (t.weekday == d.weekday()) == (weekday == WEEKDAYS[d.weekday()])


@given(
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=31),
    st.integers(min_value=1000, max_value=2099),
    st.one_of(st.none(), st.dates()),
)
def test_impossible_dates_never_raise(month: int, day: int, year: int, dct: dt.date | None) -> None:
    text = f"It happened on {MONTHS[month - 1]} {day}, {year}, and {day} days ago."
    dated = [t for t in tag_dates(text, dct) if MONTHS[month - 1] in t.text]
    assert len(dated) == 1
    assert dated[0].resolved == _exists(year, month, day)


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


@given(st.text(max_size=300), st.one_of(st.none(), st.dates()))
def test_any_text_and_any_publication_date_never_raise(text: str, dct: dt.date | None) -> None:
    for t in tag_dates(text, dct):
        assert text[t.start : t.end] == t.text


phrases = st.sampled_from(
    ["yesterday", "last week", "on Sunday", "four years ago", "next month", "this year",
     "in March", "the third quarter", "last summer", "on Thanksgiving"]
)  # fmt: skip


@given(phrases, st.one_of(st.none(), st.dates()))
def test_relative_expressions_resolve_only_with_an_anchor(phrase: str, dct: dt.date | None) -> None:
    found = tag_dates(f"The council met {phrase} to vote.", dct)
    assert found
    for t in found:
        if dct is None:
            assert not t.resolved and "X" in t.value and t.anchor is None
        elif t.resolved:
            assert t.anchor in ("dct", "year")  # "in March": the year is the DCT's


_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen"]  # fmt: skip
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def year_in_words(year: int) -> str:
    """1996 -> "nineteen ninety-six", 1905 -> "nineteen oh five", 2001 -> "two thousand one"."""
    head, tail = divmod(year, 100)
    if head == 20:
        return "two thousand" + (f" {_UNITS[tail]}" if tail else "")
    if tail == 0:
        return "nineteen hundred"
    if tail < 10:
        return f"nineteen oh {_UNITS[tail]}"
    if tail < 20:
        return f"nineteen {_TEENS[tail - 10]}"
    tens, units = divmod(tail, 10)
    return f"nineteen {_TENS[tens]}" + (f"-{_UNITS[units]}" if units else "")


@given(
    st.integers(min_value=1900, max_value=2009).filter(lambda y: y < 2000 or y % 100 < 10),
    st.sampled_from(range(12)),
    st.one_of(st.none(), days),
)
def test_years_in_words_resolve_like_digits(year: int, month: int, dct: dt.date | None) -> None:
    words = tag_dates(f"It closed in {MONTHS[month]} {year_in_words(year)}.", dct)
    digits = tag_dates(f"It closed in {MONTHS[month]} {year}.", dct)
    assert [t.value for t in words] == [t.value for t in digits] == [f"{year}-{month + 1:02d}"]
