"""Elapsed time: "nearly seven years after" an event whose date says otherwise.

Anti-pattern: an article of January 2024 says a strike came "nearly seven years after"
the general was killed, while his killing is dated January 3, 2020 (four years before).
Best practice: "nearly four years after" the killing of January 3, 2020, in January 2024.
"""

from __future__ import annotations

from collections.abc import Hashable

from pydantic import Field

from numcheck.claims import Claim, Interval, Kind
from numcheck.findings import Finding
from numcheck.rules.checks.base import PairCheck, make_finding
from numcheck.rules.checks.compare import (
    calendar_value,
    editorial_interval,
    first_day,
    gap,
    per_participant,
)
from numcheck.rules.schema import MAX_TERMS, Readings, Rule, SameStory, Tolerance, readings_field
from numcheck.rules.scope import ScopeMatcher, StoryKeys
from numcheck.vocabulary import Vocabulary

# Days in each unit a span of time is stated in.
_DAYS = {"year": 365.2425, "month": 30.436875, "week": 7.0, "day": 1.0}


class ElapsedTimeOptions(SameStory):
    """How an elapsed-time rule reads a span and how far the calendar may differ."""

    tolerance: Tolerance = Field(
        default_factory=lambda: Tolerance(relative=0.1),
        description="share of the stated span by which the calendar may differ",
    )
    readings: Readings = readings_field()
    min_shared_participants: int = Field(default=1, ge=1, le=MAX_TERMS)


class ElapsedTime(PairCheck):
    """A span of time since an event ("nearly seven years after ...") that the event's
    date, known from this or another document, contradicts."""

    def __init__(self, rule: Rule[ElapsedTimeOptions], vocabulary: Vocabulary) -> None:
        self.rule = rule
        self.options = rule.options
        self.measures = vocabulary.measures
        self.matcher = ScopeMatcher(vocabulary)

    def key(self, claim: Claim) -> Hashable | None:
        if claim.event is None:
            return None
        if claim.kind is Kind.DURATION and claim.unit in _DAYS and claim.as_of is not None:
            return self.measures.canonical(claim.event.head)
        if claim.kind is Kind.DATE and calendar_value(claim) is not None:
            return self.measures.canonical(claim.event.head)
        return None

    def keys(self, claim: Claim) -> tuple[Hashable, ...]:
        return per_participant(self.key(claim), claim)

    def story_keys(self, claim: Claim) -> StoryKeys | None:
        return self.matcher.story_keys(claim, self.options)

    def compare(self, a: Claim, b: Claim) -> Finding | None:
        kinds = {a.kind, b.kind}
        if kinds != {Kind.DURATION, Kind.DATE}:
            return None
        span, date = (a, b) if a.kind is Kind.DURATION else (b, a)
        assert span.event is not None and date.event is not None and span.as_of is not None
        if date.anchor == "dct":
            return None  # "on Thursday" dates this week's news, not the event a span counts from
        if not self.matcher.same_story(a, b, self.options):
            return None
        shared = set(span.event.modifiers) & set(date.event.modifiers)
        if len(shared) < self.options.min_shared_participants:
            return None
        value = calendar_value(date)
        start = first_day(value) if value else None
        stated = editorial_interval(span, self.options.readings)
        if start is None or stated is None or span.unit is None or span.stated is None:
            return None
        # A year or month value covers a stretch of days: the span may start anywhere in it.
        width = {4: 365, 7: 30}.get(len(value or ""), 0)
        per_unit = _DAYS[span.unit]
        elapsed = Interval(
            low=(span.as_of - start).days / per_unit - width / per_unit,
            high=(span.as_of - start).days / per_unit,
        )
        tolerance = self.options.tolerance.relative * abs(span.stated) + (
            self.options.tolerance.absolute
        )
        if gap(stated, elapsed) <= tolerance:
            return None
        years = (span.as_of - start).days / per_unit
        message = (
            f"{span.quote} (as of {span.as_of.isoformat()}) vs {date.quote} ({date.document}): "
            f"the event of {', '.join(sorted(shared))} lies about {years:.1f} {span.unit}s back"
        )
        explanation = (
            f"{span.quote!r} in {span.document} reads as {stated.describe()} {span.unit}s; "
            f"the {date.event.head} it counts from is dated {value} in {date.document}, "
            f"{elapsed.describe()} {span.unit}s before {span.as_of.isoformat()}."
        )
        caveats = (
            "the span is counted to the publication date; the text may count to another day",
        )
        return make_finding(self.rule, (a, b), message, explanation, caveats=caveats)
