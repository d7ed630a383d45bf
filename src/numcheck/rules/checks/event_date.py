"""Event-date conflict: the same event dated differently.

Anti-pattern: one article has the general killed "on January 3, 2020", a draft has him
killed "on January 2, 2020".
Best practice: "January 3, 2020" and "Jan. 3, 2020" (or "2020-01-03"), and a month
("January 2020") against a day inside it: dates are compared at the coarser granularity.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Hashable

from numcheck.claims import Claim, Measure
from numcheck.findings import Finding
from numcheck.rules.checks.base import EVERYWHERE, PairCheck, Reach, make_finding
from numcheck.rules.schema import EventDateRule
from numcheck.rules.scope import ScopeMatcher
from numcheck.vocabulary import Vocabulary

_CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def calendar_value(claim: Claim) -> str | None:
    """The TIMEX3 value of a resolved calendar date (year, month or day), else None."""
    if not claim.resolved or claim.timex is None:
        return None
    return claim.timex if _CALENDAR_VALUE.match(claim.timex) else None


def calendar_days(value: str) -> tuple[int, int] | None:
    """First and last day (ordinals) of a calendar value: 2020 -> Jan 1 to Dec 31, 2020.

    Two calendar values are the same at the coarser granularity exactly when their days
    overlap (a year holds its months, a month its days).
    """
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 1:
            first, last = dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        elif len(parts) == 2:
            month_days = calendar.monthrange(parts[0], parts[1])[1]
            first = dt.date(parts[0], parts[1], 1)
            last = dt.date(parts[0], parts[1], month_days)
        else:
            first = last = dt.date(parts[0], parts[1], parts[2])
    except (ValueError, calendar.IllegalMonthError):
        return None
    return first.toordinal(), last.toordinal()


def per_participant(event: Hashable | None, claim: Claim) -> tuple[Hashable, ...]:
    """Blocking keys for checks whose findings need a shared participant: the event with
    each participant, since the event alone ("kill") would put most of an archive in one
    group."""
    if event is None or claim.event is None:
        return ()
    return tuple((event, who) for who in sorted(set(claim.event.modifiers)))


def first_day(value: str) -> dt.date | None:
    """The first day a calendar value covers (2020 -> 2020-01-01)."""
    parts = [int(p) for p in value.split("-")]
    try:
        return dt.date(parts[0], *[*parts[1:], 1, 1][:2])
    except ValueError:
        return None


def same_at_coarser(a: str, b: str) -> bool:
    width = min(len(a), len(b))
    return a[:width] == b[:width]


class EventDateConflict(PairCheck):
    def __init__(self, rule: EventDateRule, vocabulary: Vocabulary) -> None:
        self.rule = rule
        self.measures = vocabulary.measures
        self.matcher = ScopeMatcher(vocabulary)

    def key(self, claim: Claim) -> Hashable | None:
        if claim.event is None or calendar_value(claim) is None:
            return None
        return self.measures.canonical(claim.event.head)

    def keys(self, claim: Claim) -> tuple[Hashable, ...]:
        return per_participant(self.key(claim), claim)

    def reach(self, claim: Claim) -> Reach:
        """Any publication date; the dates told must differ (a store skips agreeing ones)."""
        value = calendar_value(claim)
        days = calendar_days(value) if value else None
        if days is None:
            return EVERYWHERE
        return Reach(valued=True, low=days[0], high=days[1])

    def _recurs_apart(self, event: Measure, va: str, vb: str) -> bool:
        """Dates far apart of an event that can recur are two occurrences, not a conflict."""
        if self.measures.canonical(event.head) in self.measures.once:
            return False
        da, db = first_day(va), first_day(vb)
        if da is None or db is None:
            return True
        return abs((da - db).days) > self.rule.options.max_days_between

    def compare(self, a: Claim, b: Claim) -> Finding | None:
        va, vb = calendar_value(a), calendar_value(b)
        if va is None or vb is None or a.event is None or b.event is None:
            return None
        if same_at_coarser(va, vb):
            return None
        if not self.rule.options.relative_dates and (a.anchor == "dct" or b.anchor == "dct"):
            return None
        if a.document == b.document and a.sentence_start == b.sentence_start:
            return None  # two dates in one sentence tell of two moments, not one event
        if not self.matcher.same_story(a, b, self.rule.options) or self._recurs_apart(
            a.event, va, vb
        ):
            return None
        shared = set(a.event.modifiers) & set(b.event.modifiers)
        if len(shared) < self.rule.options.min_shared_participants:
            return None
        event = f"{a.event.head} ({', '.join(sorted(shared))})"
        message = (
            f"{a.quote} ({a.document}) vs {b.quote} ({b.document}): "
            f"the same event, {event}, dated differently"
        )
        explanation = (
            f"Both sentences tell of {a.event.head!r} with {', '.join(sorted(shared))}; "
            f"one dates it {va}, the other {vb}, and these differ even at the coarser "
            f"granularity."
        )
        caveats: list[str] = []
        if a.as_of != b.as_of:
            caveats.append("the articles were published on different dates")
        return make_finding(self.rule, (a, b), message, explanation, caveats=tuple(caveats))
