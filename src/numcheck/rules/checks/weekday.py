"""Weekday mismatch: a weekday named with a date that falls on another weekday.

Anti-pattern: "on Friday, January 4, 2024" (January 4, 2024 was a Thursday).
Best practice: "on Thursday, January 4, 2024".
"""

from __future__ import annotations

import calendar
import datetime as dt

from numcheck.claims import Claim
from numcheck.findings import Finding
from numcheck.rules.checks.base import SingleCheck, make_finding
from numcheck.rules.checks.compare import calendar_value
from numcheck.rules.schema import NoOptions, Rule
from numcheck.vocabulary import Vocabulary


class WeekdayMismatch(SingleCheck):
    """A weekday named with a date that falls on another weekday."""

    def __init__(self, rule: Rule[NoOptions], vocabulary: Vocabulary) -> None:
        self.rule = rule

    def inspect(self, claim: Claim) -> Finding | None:
        value = calendar_value(claim)
        if claim.weekday is None or value is None or len(value) != 10:
            return None
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return None
        if day.weekday() == claim.weekday:
            return None
        named, actual = calendar.day_name[claim.weekday], calendar.day_name[day.weekday()]
        message = f"{claim.quote}: {day:%B %-d, %Y} was a {actual}, not a {named}"
        explanation = (
            f"The text names {named} with the date {value}, which the calendar puts on a {actual}."
        )
        return make_finding(self.rule, (claim,), message, explanation)
