"""How checks read what claims say and compare it: shared by every check, so none imports
another.

A figure is read as an interval (strictly, or editorially: "more than 110" is a bit above
110), two intervals are compared by the gap between them, and a date by its calendar
value, the days it covers. Checks whose findings need a shared participant block claims
by event and participant.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Hashable, Mapping

from numcheck.claims import Claim, Interval, Kind
from numcheck.extract.quantities.numbers import vague_ceiling
from numcheck.rules.schema import Stretch

_CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_MOMENT_VALUE = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})T(?P<hour>\d{2}):(?P<minute>\d{2})$")
_PERIOD_MONTHS = {"Q": 3, "H": 6}  # months in a quarter, a half year


_ROUNDED = frozenset(["exact", "about"])
_ROUNDING_SHARE = 0.05


def rounding(stated: float) -> float:
    """Half the unit of a round figure's last significant digit, at most 5% of it: "11
    million" may stand for 11.5 million, "2,500" for 2,540, "1,000" for 1,040; figures
    not rounded to the hundred are read as written."""
    if not float(stated).is_integer() or abs(stated) % 100:
        return 0.0  # "120", "70 years", "2,510": figures written to the unit
    whole, unit = int(abs(stated)), 1
    while whole and whole % (unit * 10) == 0:
        unit *= 10
    return min(unit / 2 if unit > 1 else 0.0, _ROUNDING_SHARE * abs(stated))


def precision(claim: Claim) -> float:
    """Half the unit of the last digit a measured figure is written to: "30 percent" may
    stand for 29.7, "2.1 megapixels" for 2.14. Counts are written to the unit and exact."""
    if claim.kind is Kind.COUNT or claim.stated is None:
        return 0.0
    match = re.search(r"\d+(?:\.(\d+))?", claim.quote.replace(",", ""))
    if match is None:
        return 0.0
    return 0.5 * 10.0 ** -len(match.group(1) or "")


def editorial_interval(
    claim: Claim, readings: Mapping[str, Stretch], *, vague_ceilings: bool = False
) -> Interval | None:
    """How a newsroom reads the figure: the strict interval widened by its hedge ("about
    2,500" is within a few percent of it, "nearly seven years" a little under seven) and
    by rounding, never narrowed. A vague amount has no ceiling; with ``vague_ceilings``
    it keeps the loose one its phrase sets ("dozens" may stand for 240, not for 359;
    "several" and money none): ``vague_ceiling``."""
    stated = claim.stated
    strict = claim.value
    if stated is None or strict is None:
        return strict
    if claim.qualifier == "vague":
        ceiling = vague_ceiling_of(claim) if vague_ceilings else None
        return Interval(low=strict.low, low_inclusive=strict.low_inclusive, high=ceiling)
    reading = readings.get(claim.qualifier)
    size = abs(stated)
    below = reading.below * size if reading else 0.0
    above = reading.above * size if reading else 0.0
    rounded_up = False
    if claim.qualifier in _ROUNDED:
        written = max(rounding(stated), precision(claim))
        below = max(below, written)
        rounded_up = written > above
        above = max(above, written)
    low, high = strict.low, strict.high
    if below:
        low = stated - below if low is None else min(low, stated - below)
    if above:
        high = stated + above if high is None else max(high, stated + above)
    return Interval(
        low=low,
        high=high,
        low_inclusive=strict.low_inclusive if strict.low == low else True,
        # "120" stands for 115 up to (not including) 125, which would round to 130.
        high_inclusive=strict.high_inclusive if strict.high == high else not rounded_up,
    )


def vague_ceiling_of(claim: Claim) -> float | None:
    """The loose ceiling of a vague count ("dozens of people"), read in its sentence;
    none for money, whose plurals ("millions of dollars") name any large sum."""
    if claim.qualifier != "vague" or claim.kind is Kind.MONEY:
        return None
    return vague_ceiling(claim.sentence, claim.span.start - claim.sentence_start)


def gap(a: Interval, b: Interval) -> float:
    """Distance between two intervals (0 when they touch or overlap)."""
    if a.overlaps(b):
        return 0.0
    if a.high is not None and b.low is not None and a.high <= b.low:
        return b.low - a.high
    if b.high is not None and a.low is not None and b.high <= a.low:
        return a.low - b.high
    return 0.0


def calendar_value(claim: Claim) -> str | None:
    """The TIMEX3 value of a resolved calendar date (year, month or day), else None."""
    if not claim.resolved or claim.timex is None:
        return None
    return claim.timex if _CALENDAR_VALUE.match(claim.timex) else None


def moment_value(claim: Claim) -> tuple[str, int] | None:
    """The day and the minute of the day of a resolved time of day ("10:15 p.m. on Dec.
    31, 2017" -> ("2017-12-31", 1335)), else None."""
    if not claim.resolved or claim.timex is None:
        return None
    moment = _MOMENT_VALUE.match(claim.timex)
    if moment is None or int(moment["hour"]) > 23 or int(moment["minute"]) > 59:
        return None  # "midnight" is T24:00, the end of a day rather than a time in it
    return moment["day"], int(moment["hour"]) * 60 + int(moment["minute"])


def calendar_days(value: str) -> tuple[int, int] | None:
    """First and last day (ordinals) of a calendar value: 2020 -> Jan 1 to Dec 31, 2020;
    an ISO week (2016-W44) its seven days; a quarter or half (1989-Q3, 1989-H1) its
    months; a time of day (2016-11-10T23:30) its day.

    Two calendar values are the same at the coarser granularity exactly when their days
    overlap (a year holds its months, a month its days).
    """
    parts = value.split("T")[0].split("-")
    try:
        if len(parts) == 2 and parts[1].startswith("W"):
            first = dt.date.fromisocalendar(int(parts[0]), int(parts[1][1:]), 1)
            return first.toordinal(), first.toordinal() + 6
        if len(parts) == 2 and parts[1][:1] in _PERIOD_MONTHS:
            months = _PERIOD_MONTHS[parts[1][0]]
            year, number = int(parts[0]), int(parts[1][1:])
            last_month = number * months
            first = dt.date(year, last_month - months + 1, 1)
            last = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
            return first.toordinal(), last.toordinal()
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            first, last = dt.date(numbers[0], 1, 1), dt.date(numbers[0], 12, 31)
        elif len(numbers) == 2:
            month_days = calendar.monthrange(numbers[0], numbers[1])[1]
            first = dt.date(numbers[0], numbers[1], 1)
            last = dt.date(numbers[0], numbers[1], month_days)
        else:
            first = last = dt.date(numbers[0], numbers[1], numbers[2])
    except (ValueError, calendar.IllegalMonthError):
        return None
    return first.toordinal(), last.toordinal()


def first_day(value: str) -> dt.date | None:
    """The first day a calendar value covers (2020 -> 2020-01-01)."""
    parts = [int(p) for p in value.split("-")]
    try:
        return dt.date(parts[0], *[*parts[1:], 1, 1][:2])
    except ValueError:
        return None


def same_at_coarser(a: str, b: str) -> bool:
    """Two calendar values agree at the coarser one's granularity ("2020-01" and "2020-01-03")."""
    width = min(len(a), len(b))
    return a[:width] == b[:width]


def per_participant(event: Hashable | None, claim: Claim) -> tuple[Hashable, ...]:
    """Blocking keys for checks whose findings need a shared participant: the event with
    each participant, since the event alone ("kill") would put most of an archive in one
    group."""
    if event is None or claim.event is None:
        return ()
    return tuple((event, who) for who in sorted(set(claim.event.modifiers)))
