"""Calendar arithmetic and TIMEX3 value strings, total over any input.

Every function here returns ``None`` instead of raising when a date does not exist
(February 30) or falls outside what ``datetime`` can hold, so that resolution never
raises on odd text. Month arithmetic and Easter come from python-dateutil.
"""

from __future__ import annotations

import calendar
import datetime as dt

from dateutil.easter import easter  # type: ignore[import-untyped]
from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped]

# Granularity a shifted or anchored date is reported at, by TIMEX3 unit letter.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist or is out of range."""
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def year_value(year: int) -> str | None:
    return f"{year:04d}" if 0 <= year <= 9999 else None


def month_value(year: int, month: int) -> str | None:
    """YYYY-MM after normalizing a month that over- or underflowed (month 13 -> next Jan)."""
    y, m = divmod(year * 12 + month - 1, 12)
    return f"{y:04d}-{m + 1:02d}" if 0 <= y <= 9999 else None


def day_value(d: dt.date) -> str:
    return d.isoformat()


def week_value(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_value(year: int, quarter: int) -> str | None:
    """YYYY-Qn after carrying quarters across years (quarter 0 -> previous Q4)."""
    y, q = divmod(year * 4 + quarter - 1, 4)
    return f"{y:04d}-Q{q + 1}" if 0 <= y <= 9999 else None


def add_days(d: dt.date, days: float) -> dt.date | None:
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return None


def add_months(d: dt.date, months: int) -> dt.date | None:
    """``d`` moved by whole months, clamped to the month's end (Jan 31 + 1 -> Feb 28)."""
    try:
        result: dt.date = d + relativedelta(months=months)
    except (OverflowError, ValueError):
        return None
    return result


def shifted(d: dt.date, amount: float, unit: str) -> str | None:
    """``d`` moved by ``amount`` units, as a value at that unit's granularity.

    "four years ago" is a year, "two months ago" a month, "six weeks ago" an ISO week,
    "ten days ago" a day: the precision the text commits to. Hours, minutes and seconds
    from a day give no day (None): the hour the day started from is unknown.
    """
    if unit in ("Y", "E", "C"):
        years = amount * {"Y": 1, "E": 10, "C": 100}[unit]
        if years == int(years):
            return year_value(d.year + int(years))
        moved = add_months(d, round(years * 12))
        return month_value(moved.year, moved.month) if moved else None
    if unit == "Q":
        moved = add_months(d, round(amount * 3))
        return quarter_value(moved.year, (moved.month - 1) // 3 + 1) if moved else None
    if unit == "M":
        moved = add_months(d, round(amount))
        return month_value(moved.year, moved.month) if moved else None
    if unit in ("W", "W2"):
        moved_day = add_days(d, amount * (14 if unit == "W2" else 7))
        return week_value(moved_day) if moved_day else None
    if unit in ("TH", "TM", "TS"):
        return None  # "nine hours later" from a day: that day or the next, at an unknown hour
    moved_day = add_days(d, amount)
    return day_value(moved_day) if moved_day else None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date | None:
    """The n-th ``weekday`` of a month (n = -1: the last one): Thanksgiving, Labor Day."""
    if not 1 <= year <= 9999:
        return None
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month]
    matching = [d for d in days if d.weekday() == weekday]
    return matching[n - 1 if n > 0 else n] if len(matching) >= abs(n) else None


def easter_offset(year: int, days: int) -> dt.date | None:
    if not 1583 <= year <= 4099:
        return None
    sunday: dt.date = easter(year)
    return add_days(sunday, days)


def season_start(year: int, season: str) -> tuple[int, int]:
    """(year, month) a season begins: winter 2023 begins December 2023."""
    return year, SEASON_START[season]
