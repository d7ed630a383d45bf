"""Behaviour editors rely on: each expression class, resolved as a reader would."""

from __future__ import annotations

import datetime as dt

import pytest

from numcheck.extract.dates import find_dateline, tag_dates
from numcheck.extract.mentions import Timex

JAN_7_2020 = dt.date(2020, 1, 7)
JAN_5_2024 = dt.date(2024, 1, 5)


def one(text: str, dct: dt.date | None = JAN_7_2020) -> Timex:
    found = tag_dates(text, dct)
    assert len(found) == 1, found
    return found[0]


def values(text: str, dct: dt.date | None = JAN_7_2020) -> list[str]:
    return [t.value for t in tag_dates(text, dct)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The strike came on January 3, 2020, at dawn.", "2020-01-03"),
        ("The strike came on 3 Jan 2020 at dawn.", "2020-01-03"),
        ("The strike came on 2020-01-03 at dawn.", "2020-01-03"),
        ("Sales fell in July 2021.", "2021-07"),
        ("The law passed in 2014.", "2014"),
        ("Rents doubled in the 1990s.", "199"),
        ("The plant opens in early 2023.", "2023"),
        ("The deal must close by December 31, 2021.", "2021-12-31"),
    ],
)
def test_absolute_dates(text: str, value: str) -> None:
    assert one(text).value == value


def test_weekday_in_past_tense_clause_is_the_one_before() -> None:
    t = one("On Sunday, the legislators voted to expel the troops.")
    assert (t.value, t.anchor, t.weekday) == ("2020-01-05", "dct", 6)


def test_weekday_in_future_clause_is_the_one_after() -> None:
    assert one("The council will vote on Sunday.").value == "2020-01-12"


def test_weekday_before_dct() -> None:
    assert one("Officials met on Thursday to discuss it.", JAN_5_2024).value == "2024-01-04"


def test_duration_with_qualifier() -> None:
    t = one("The talks lasted nearly four years.")
    assert (t.type, t.value) == ("DURATION", "P4Y")
    assert t.mod in ("APPROX", "LESS_THAN")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Prices rose yesterday.", "2020-01-06"),
        ("Prices rose last month.", "2019-12"),
        ("The mine closed four years ago.", "2016"),
        ("Exports grew this year.", "2020"),
        ("The team travels next week.", "2020-W03"),
        ("Right now the mood is grim.", "PRESENT_REF"),
        ("Profit rose in the third quarter.", "2019-Q3"),  # not begun by the DCT
    ],
)
def test_relative_to_publication_date(text: str, value: str) -> None:
    assert one(text).value == value


def test_relative_to_an_event_in_the_text() -> None:
    text = (
        "The general was killed in a drone attack on January 3, 2020. "
        "Two days after the attack, parliament voted."
    )
    last = tag_dates(text, JAN_7_2020)[-1]
    # TimeML marks the amount as a duration; the window places it after the attack.
    assert (last.text, last.type, last.value) == ("Two days", "DURATION", "P2D")
    assert (last.window_start, last.window_end, last.anchor) == ("2020-01-03", "2020-01-05", "text")


def test_age_is_not_a_duration() -> None:
    assert tag_dates("A 6-year-old boy and his 44-year-old father left.", JAN_7_2020) == []


def test_following_day_counts_from_the_last_date() -> None:
    assert values("Polls closed on March 2, 2021. The following day, results came.")[-1] == (
        "2021-03-03"
    )


def test_since_month_is_a_window_up_to_publication() -> None:
    t = one("Since October, prices have risen.", JAN_5_2024)
    assert (t.value, t.window_start, t.window_end) == ("2023-10", "2023-10", "2024-01-05")


def test_since_mid_month_keeps_the_modifier() -> None:
    t = one("Since mid-October, prices have risen.", JAN_5_2024)
    assert (t.value, t.mod, t.window_start) == ("2023-10", "MID", "2023-10")


def test_between_years_is_a_window() -> None:
    first, second = tag_dates("Troops stayed between 2003 and 2011.", None)
    assert (first.window_start, first.window_end) == ("2003", "2011")
    assert (second.window_start, second.window_end) == ("2003", "2011")


def test_weekday_named_with_a_date_is_reported() -> None:
    t = one("The vote is on Thursday, January 4, 2024.", JAN_5_2024)
    assert (t.value, t.weekday) == ("2024-01-04", 3)


def test_no_publication_date_leaves_relative_unresolved() -> None:
    t = one("He left yesterday.", None)
    assert not t.resolved
    assert t.anchor is None
    assert "X" in t.value


def test_impossible_date_does_not_raise() -> None:
    assert all(not t.resolved for t in tag_dates("It was due February 30, 2021."))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("date 2020-01-07\nThe ministry said...", dt.date(2020, 1, 7)),
        ("WASHINGTON, Jan. 5, 2024 — The Senate voted.", dt.date(2024, 1, 5)),
        ("Published 5 January 2024\nThe Senate voted.", dt.date(2024, 1, 5)),
        ("The Senate voted on Jan. 5, 2024.", None),
    ],
)
def test_dateline(text: str, day: dt.date | None) -> None:
    assert find_dateline(text) == day


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The plant opened in nineteen ninety-six.", "1996"),
        ("It was built in January nineteen eighty-seven.", "1987-01"),
        ("Nobody expected the year two thousand to go so smoothly.", "2000"),
        ("Rents doubled in the nineties.", "199"),
    ],
)
def test_years_in_words(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the verb group governing the clause decides, not the nearest word
        ("The mayor said the city will start repaving roads on Friday.", "2020-01-10"),
        ("Her coach would be flying to Oslo Thursday.", "2020-01-09"),
        ("Farmers planned a tractor parade on Saturday.", "2020-01-11"),
        ("The hearings, set to reopen Monday in Leeds, drew crowds.", "2020-01-13"),
        ("Officials hope to reopen the road as soon as Tuesday.", "2020-01-14"),
        ("The fire next to the depot on Friday hurt two.", "2020-01-03"),
        ("She will keep her seat even after a panel Thursday rejected the bid.", "2020-01-02"),
        ("On Tuesday, the two clubs signed the transfer in Lyon.", "2020-01-07"),
        # "scheduled" before a noun qualifies it: the clause's own verb tells the tense
        ("The race was stopped after 12 of 60 scheduled laps on Sunday.", "2020-01-05"),
        ("The vote, scheduled for Sunday, drew crowds.", "2020-01-12"),
    ],
)
def test_weekday_takes_the_tense_of_its_clause(text: str, value: str) -> None:
    assert [t.value for t in tag_dates(text, JAN_7_2020) if t.weekday is not None] == [value]


def test_year_ago_quarter_keeps_the_quarter_under_discussion() -> None:
    text = (
        "Earnings climbed in the third quarter, against $2 per share a year earlier. "
        "Year-earlier results included a gain. Sales in the quarter rose."
    )
    assert values(text, dt.date(1989, 10, 26)) == ["1989-Q3", "1988-Q3", "1988-Q3", "1989-Q3"]


def test_quarter_not_yet_begun_is_last_years() -> None:
    assert one("Profit fell in the fourth quarter.", dt.date(1998, 1, 26)).value == "1997-Q4"


@pytest.mark.parametrize(
    "text",
    ["Ms. Okafor, 47 years old, retired.", "The merger will cut $80 million a year in rent."],
)
def test_ages_and_rates_are_not_durations(text: str) -> None:
    assert tag_dates(text, JAN_7_2020) == []


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("Revenue for the year grew 4%.", "DATE", "1989"),
        ("Revenue for the fiscal year ended June 30 grew 4%.", "DURATION", "P1Y"),
        ("Marchers plan protests this summer.", "DATE", "1989-SU"),
    ],
)
def test_year_and_season_of_the_publication(text: str, type_: str, value: str) -> None:
    t = tag_dates(text, dt.date(1989, 3, 2))[0]
    assert (t.type, t.value) == (type_, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The strike was a day-long affair.", "P1D"),
        ("It ended a decades-long feud.", "PXY"),
        ("He will stay for two more weeks.", "P2W"),
        ("Prices may rise in the near term.", "FUTURE_REF"),
    ],
)
def test_more_duration_and_reference_forms(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Repairs take two to three weeks.", "P2W"),  # TimeML: the first amount
        ("Prices rose in recent months.", "PXM"),
    ],
)
def test_ranges_and_vague_amounts(text: str, value: str) -> None:
    t = one(text)
    assert (t.type, t.value) == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The payment is due in February.", "1990-02"),  # four months ahead
        ("The plant closed in March.", "1989-03"),  # seven months back, not five ahead
    ],
)
def test_month_without_year_leans_to_the_past(text: str, value: str) -> None:
    assert one(text, dt.date(1989, 10, 26)).value == value


def test_following_month_and_year_count_from_the_text() -> None:
    text = "In March, the bakery won a grant. The following month, it opened a second shop."
    assert values(text, dt.date(1989, 10, 27)) == ["1989-03", "1989-04"]
    text = "On May 22, 1995, the bridge opened, and the following year it was widened."
    assert values(text, dt.date(1998, 4, 18)) == ["1995-05-22", "1996"]


def test_previous_and_following_weekday_count_from_the_text() -> None:
    text = "Polls closed on Tuesday, March 2, 2021; the following Monday results came."
    assert values(text)[-1] == "2021-03-08"
    text = "Polls closed on Tuesday, March 2, 2021, up from the previous Friday."
    assert values(text)[-1] == "2021-02-26"


def test_year_end_is_the_end_of_the_publication_year() -> None:
    t = one("The deal should close by year-end.", dt.date(1989, 10, 30))
    assert (t.value, t.mod) == ("1989", "END")


def test_a_coming_holiday_is_the_next_one() -> None:
    assert one("Shops expect crowds at Christmas.", dt.date(2020, 11, 20)).value == "2020-12-25"
    assert one("Shops were full at Christmas.", dt.date(2020, 11, 20)).value == "2019-12-25"


@pytest.mark.parametrize(
    ("text", "values_"),
    [
        ("The ferry sails Monday and Thursday nights.", ["XXXX-WXX-1TNI", "XXXX-WXX-4TNI"]),
        ("The show airs Sunday afternoons.", ["XXXX-WXX-7TAF"]),
        ("The board meets every two weeks.", ["P2W"]),
    ],
)
def test_generic_weekdays_and_frequencies_are_sets(text: str, values_: list[str]) -> None:
    found = tag_dates(text, JAN_7_2020)
    assert [(t.type, t.value) for t in found] == [("SET", v) for v in values_]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ferry docked at 10:40 p.m. on Dec. 30, 2023, the port said.", "2023-12-30T22:40"),
        ("The ferry docked at 6:05 a.m., March 2, 2023.", "2023-03-02T06:05"),
        ("The ferry docked at 7 p.m. on Saturday.", "2024-01-06T19:00"),
        ("The ferry docked at 7 p.m. The storm hit on Dec. 30, 2023.", "2024-01-08T19:00"),
    ],
)
def test_a_time_of_day_falls_on_the_date_that_follows_it(text: str, value: str) -> None:
    """ "at 10:40 p.m. on Dec. 30" is that evening, not the evening of publication; a
    date in the next sentence dates something else."""
    times = [t for t in tag_dates(text, dt.date(2024, 1, 8)) if t.type == "TIME"]
    assert [t.value for t in times] == [value]


def test_a_time_of_day_takes_its_own_date_over_an_earlier_one() -> None:
    """ "left at 11:50 p.m., March 2, and docked at 6:05 a.m. on March 1" (a ferry across
    the date line): the second time is on the date written after it, not the first's."""
    text = "The ferry left at 11:50 p.m., March 2, 2023, and docked at 6:05 a.m. on March 1, 2023."
    times = [t.value for t in tag_dates(text, dt.date(2023, 3, 4)) if t.type == "TIME"]
    assert times == ["2023-03-02T23:50", "2023-03-01T06:05"]


@pytest.mark.parametrize(
    ("text", "times", "years"),
    [
        (
            "The ferry is due in Nassau at 1815 GMT (2:15 p.m. local time).",
            ["T18:15", "T14:15"],
            [],
        ),
        ("The ferry sank at 0340 local time on Tuesday.", ["T03:40"], []),
        ("0520 GMT, 9 June 2023", ["T05:20"], []),
        ("The harbour was built in 1815 by the navy.", [], ["1815"]),
        ("Shares fell 1815 points at the close on Monday.", [], []),
    ],
)
def test_a_wire_clock_time_is_a_time_not_a_year(
    text: str, times: list[str], years: list[str]
) -> None:
    """Wire copy writes "at 1815 GMT": a 24-hour clock, known by its zone; without one
    four digits stay a year or a number."""
    found = tag_dates(text, dt.date(2023, 6, 9))
    assert [t.value[t.value.index("T") :] for t in found if t.type == "TIME"] == times
    assert [t.value for t in found if t.type == "DATE" and len(t.value) == 4] == years
