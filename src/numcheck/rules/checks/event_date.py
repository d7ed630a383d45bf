"""Event-date conflict: the same event dated differently.

Anti-pattern: one article has the general killed "on January 3, 2020", a draft has him
killed "on January 2, 2020".
Best practice: "January 3, 2020" and "Jan. 3, 2020" (or "2020-01-03"), and a month
("January 2020") against a day inside it: dates are compared at the coarser granularity.
"""

from __future__ import annotations

import re
from collections.abc import Hashable

from numcheck.claims import Claim
from numcheck.findings import Finding
from numcheck.rules.checks.base import PairCheck, make_finding
from numcheck.rules.schema import EventDateRule
from numcheck.vocabulary import Vocabulary

_CALENDAR_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def calendar_value(claim: Claim) -> str | None:
    """The TIMEX3 value of a resolved calendar date (year, month or day), else None."""
    if not claim.resolved or claim.timex is None:
        return None
    return claim.timex if _CALENDAR_VALUE.match(claim.timex) else None


def same_at_coarser(a: str, b: str) -> bool:
    width = min(len(a), len(b))
    return a[:width] == b[:width]


class EventDateConflict(PairCheck):
    def __init__(self, rule: EventDateRule, vocabulary: Vocabulary) -> None:
        self.rule = rule
        self.measures = vocabulary.measures

    def key(self, claim: Claim) -> Hashable | None:
        if claim.event is None or calendar_value(claim) is None:
            return None
        return self.measures.canonical(claim.event.head)

    def compare(self, a: Claim, b: Claim) -> Finding | None:
        va, vb = calendar_value(a), calendar_value(b)
        if va is None or vb is None or a.event is None or b.event is None:
            return None
        if same_at_coarser(va, vb):
            return None
        if a.document == b.document and a.sentence_start == b.sentence_start:
            return None  # two dates in one sentence tell of two moments, not one event
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
