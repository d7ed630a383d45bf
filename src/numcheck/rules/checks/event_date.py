"""Event-date conflict: the same event dated differently.

Anti-pattern: one article has the general killed "on January 3, 2020", a draft has him
killed "on January 2, 2020".
Best practice: "January 3, 2020" and "Jan. 3, 2020" (or "2020-01-03"), and a month
("January 2020") against a day inside it: dates are compared at the coarser granularity.
Times of day of one event on one day are compared to the minute ("landed at 10:15 a.m."
against "arrived at 10:15 p.m."), within a slack where either is hedged ("about 11:45"
and "around 11:40"), and only in the same time zone as written.
"""

from __future__ import annotations

import re
from collections.abc import Hashable

from pydantic import Field

from numcheck.claims import Claim, Measure
from numcheck.extract.dates.patterns import TIME_ZONES
from numcheck.extract.quantities.qualifiers import qualifier_before
from numcheck.findings import Finding
from numcheck.rules.checks.base import EVERYWHERE, PairCheck, Reach, make_finding
from numcheck.rules.checks.compare import (
    calendar_days,
    calendar_value,
    first_day,
    moment_value,
    per_participant,
    same_at_coarser,
)
from numcheck.rules.schema import CENTURY_DAYS, MAX_TERMS, Rule, SameStory
from numcheck.rules.scope import ScopeMatcher, StoryKeys
from numcheck.vocabulary import Vocabulary

_DAY_MINUTES = 24 * 60
_Moment = tuple[str, int] | None  # a time of day's day and minute (``moment_value``)
# A zone written beside a time of day: two times compare only in the same zone.
_ZONE = re.compile(rf"\A[\s,.]*(?:\(\s*)?(?P<zone>{TIME_ZONES})\b")


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
    time_slack_minutes: int = Field(
        default=30,
        ge=0,
        le=_DAY_MINUTES,
        description="two times of day of one event agree within this many minutes when "
        "either is hedged ('about 11:45 a.m.', 'around 11:40'); unhedged times agree only "
        "to the minute",
    )
    max_days_between: int = Field(
        default=0,
        ge=0,
        le=CENTURY_DAYS,
        description="dates further apart than this are different occurrences of an event "
        "that can recur (a meeting, a visit, a launch, a vote, an arrest: told on two days, "
        "they are two, as 'met again', 'the second round' and 'the runoff' say); events that "
        "happen once to a participant (the vocabulary's 'once' list: killed, born) are "
        "compared at any distance",
    )


class EventDateConflict(PairCheck):
    """The same event dated differently (compared at the coarser granularity)."""

    def __init__(self, rule: Rule[EventDateOptions], vocabulary: Vocabulary) -> None:
        self.rule = rule
        self.measures = vocabulary.measures
        self.matcher = ScopeMatcher(vocabulary)

    def key(self, claim: Claim) -> Hashable | None:
        if claim.event is None or _day_told(claim, moment_value(claim)) is None:
            return None
        return self.measures.canonical(claim.event.head)

    def keys(self, claim: Claim) -> tuple[Hashable, ...]:
        return per_participant(self.key(claim), claim)

    def reach(self, claim: Claim) -> Reach:
        """Any publication date; the dates told must differ (a store skips agreeing ones)."""
        value = calendar_value(claim)
        days = calendar_days(value) if value else None
        if days is None:
            return EVERYWHERE  # also a time of day: one day holds many
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

    def _times_agree(self, a: Claim, ma: _Moment, b: Claim, mb: _Moment) -> bool:
        """Whether two claims' times of day (if both have one) may tell one moment."""
        if ma is None or mb is None or ma[0] != mb[0]:
            return True  # a day against a time in it agrees at the coarser granularity
        if _zone(a) != _zone(b):
            return True  # "1707 GMT" and "0307 local time" are not on one clock
        slack = self.rule.options.time_slack_minutes if _hedged(a) or _hedged(b) else 0
        apart = abs(ma[1] - mb[1])
        return min(apart, _DAY_MINUTES - apart) <= slack

    def compare(self, a: Claim, b: Claim) -> Finding | None:
        ma, mb = moment_value(a), moment_value(b)
        va, vb = _day_told(a, ma), _day_told(b, mb)
        if va is None or vb is None or a.event is None or b.event is None:
            return None
        if same_at_coarser(va, vb) and self._times_agree(a, ma, b, mb):
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
        if not same_at_coarser(va, vb) and not (
            shared == set(a.event.modifiers) or shared == set(b.event.modifiers)
        ):
            # Each sentence names someone the other does not: "Hezbollah commander Fuad
            # Shukr was killed" and "Hezbollah leader Hassan Nasrallah was killed" share
            # the group, not the one it happened to.
            return None
        event = f"{a.event.head} ({', '.join(sorted(shared))})"
        va, vb = _told(va, ma), _told(vb, mb)
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


def _day_told(claim: Claim, moment: _Moment) -> str | None:
    """The calendar value a date claim tells, or the day of its time of day."""
    return moment[0] if moment else calendar_value(claim)


def _told(day: str, moment: _Moment) -> str:
    """The day, with the time of day where one is told ("2017-12-31 22:15")."""
    if moment is None:
        return day
    return f"{day} {moment[1] // 60:02d}:{moment[1] % 60:02d}"


def _zone(claim: Claim) -> str | None:
    """The time zone written right after a time of day ("1707 GMT", "3 p.m. local time")."""
    end = claim.span.end - claim.sentence_start
    after = claim.sentence[end : end + 24]
    zone = _ZONE.match(after) or _ZONE.match(claim.quote[claim.quote.rfind(" ") + 1 :])
    return zone["zone"].lower() if zone else None


def _hedged(claim: Claim) -> bool:
    """A time written with "about", "around", "nearly" before it."""
    start = claim.span.start - claim.sentence_start
    digit = next((i for i, c in enumerate(claim.quote) if c.isdigit()), 0)
    before = claim.sentence[max(0, start + digit - 60) : start + digit]
    qualifier = qualifier_before(before, len(before))
    return qualifier is not None and qualifier.name != "exact"
