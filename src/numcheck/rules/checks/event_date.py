"""Event-date conflict: the same event dated differently.

Anti-pattern: one article has the general killed "on January 3, 2020", a draft has him
killed "on January 2, 2020".
Best practice: "January 3, 2020" and "Jan. 3, 2020" (or "2020-01-03"), and a month
("January 2020") against a day inside it: dates are compared at the coarser granularity.
"""

from __future__ import annotations

from collections.abc import Hashable

from pydantic import Field

from numcheck.claims import Claim, Measure
from numcheck.findings import Finding
from numcheck.rules.checks.base import EVERYWHERE, PairCheck, Reach, make_finding
from numcheck.rules.checks.compare import (
    calendar_days,
    calendar_value,
    first_day,
    per_participant,
    same_at_coarser,
)
from numcheck.rules.schema import CENTURY_DAYS, MAX_TERMS, Rule, SameStory
from numcheck.rules.scope import ScopeMatcher, StoryKeys
from numcheck.vocabulary import Vocabulary


class EventDateOptions(SameStory):
    """When two dates tell of one event: shared participants, relative dates, recurrence."""

    min_shared_participants: int = Field(
        default=1,
        ge=1,
        le=MAX_TERMS,
        description="named people or groups both sentences must share",
    )
    relative_dates: bool = Field(
        default=False,
        description="also compare dates read relative to the publication date ('on Sunday', "
        "'yesterday'); off by default, since they are only as right as that date. A month "
        "and day written without a year ('on January 3') is compared either way: only its "
        "year comes from the publication date",
    )
    max_days_between: int = Field(
        default=14,
        ge=0,
        le=CENTURY_DAYS,
        description="dates further apart than this are different occurrences of an event "
        "that can recur (a meeting, a visit); events that happen once to a participant "
        "(the vocabulary's 'once' list: killed, born) are compared at any distance",
    )


class EventDateConflict(PairCheck):
    """The same event dated differently (compared at the coarser granularity)."""

    def __init__(self, rule: Rule[EventDateOptions], vocabulary: Vocabulary) -> None:
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

    def story_keys(self, claim: Claim) -> StoryKeys | None:
        return self.matcher.story_keys(claim, self.rule.options)

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
