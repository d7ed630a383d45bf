"""Value conflict: the same measure, in compatible scopes, with figures that cannot both hold.

Anti-pattern: one article counts "more than 110 attacks" since October, another from the
same week "over 300 attacks" since October.
Best practice: figures that agree once qualifiers are read ("about 2,500" and "some 2,500",
"5 km" and "5,000 m").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable
from typing import Literal

from pydantic import Field

from numcheck.claims import Claim, Interval, Kind, format_number
from numcheck.extract.quantities.qualifiers import shape_of
from numcheck.findings import Category, Finding, Severity
from numcheck.rules.checks.base import PairCheck, PerClaim, Reach, make_finding
from numcheck.rules.checks.compare import editorial_interval, gap, vague_ceiling_of
from numcheck.rules.frames import FrameMatcher
from numcheck.rules.schema import CENTURY_DAYS, Readings, Rule, SameStory, Tolerance, readings_field
from numcheck.rules.scope import Match, ScopeMatcher, StoryKeys
from numcheck.units import base_unit
from numcheck.vocabulary import Vocabulary, lemma

_DECIMAL = re.compile(r"\d[.,]\d")


def _reading_of_a_scale(claim: Claim) -> bool:
    """A count written with decimals and no scale word is a reading, not a number of
    things: "a 7.4 earthquake" is no count of quakes to hold against "two earthquakes";
    it meets other readings ("9.0 magnitude", "8.8-magnitude")."""
    return (
        claim.kind is Kind.COUNT
        and claim.stated is not None
        and claim.stated < 1000
        and _DECIMAL.search(claim.quote) is not None
    )


class ValueConflictOptions(SameStory):
    """How a value-conflict rule reads figures and when two figures are compared."""

    kinds: list[Kind] = Field(
        default_factory=lambda: [Kind.COUNT, Kind.QUANTITY, Kind.MONEY, Kind.PERCENT]
    )
    semantics: Literal["editorial", "strict"] = Field(
        default="editorial",
        description="strict: pure interval logic; editorial: qualifiers read as newsrooms use them",
    )
    tolerance: Tolerance = Field(default_factory=Tolerance)
    readings: Readings = readings_field()
    update_severity: Severity = Field(
        default=Severity.INFO,
        description="severity of a later, higher figure of a count that only grows "
        "(a possible update rather than a conflict)",
    )
    max_days_apart: int | None = Field(
        default=60,
        ge=0,
        le=CENTURY_DAYS,
        description="figures published further apart than this are not compared, "
        "unless both hold for a window that only grows ('since October')",
    )


def _cumulative(claim: Claim) -> bool:
    """A count over a window that is still open ("since October") can only grow."""
    window = claim.scope.window
    return window is not None and window.start is not None


def describe(claim: Claim) -> str:
    """A claim as an explanation names it: quote, stated figure, date and document."""
    stated = format_number(claim.stated) if claim.stated is not None else claim.quote
    when = f" ({claim.as_of.isoformat()})" if claim.as_of else ""
    return f"{claim.quote!r} [{stated}]{when} in {claim.document}"


class ValueConflict(PairCheck):
    """The same measure, in compatible scopes, with figures that cannot both hold."""

    def __init__(self, rule: Rule[ValueConflictOptions], vocabulary: Vocabulary) -> None:
        self.rule = rule
        self.options = rule.options
        self.matcher = ScopeMatcher(vocabulary)
        self.frames = FrameMatcher(vocabulary)
        self._interval = PerClaim(self._read_interval)
        self._reach = PerClaim(self._read_reach)

    def key(self, claim: Claim) -> Hashable | None:
        frame = claim.frame
        if claim.kind not in self.options.kinds or frame is None or claim.value is None:
            return None
        if not self.frames.comparable(frame):
            return None
        if claim.kind is Kind.DURATION and frame.attribute_of != "age":
            return None  # an age of someone named, not "four years after", "took 27 days"
        unit = base_unit(claim.unit)
        if unit is None:
            return None
        return (claim.kind.value, unit[0], self.frames.head(frame), _reading_of_a_scale(claim))

    def _read_interval(self, claim: Claim, *, vague_ceilings: bool = True) -> Interval | None:
        interval = (
            editorial_interval(claim, self.options.readings, vague_ceilings=vague_ceilings)
            if self.options.semantics == "editorial"
            else claim.value
        )
        unit = base_unit(claim.unit)
        if interval is None or unit is None:
            return None
        return interval.scaled(unit[1])

    def reach(self, claim: Claim) -> Reach:
        return self._reach(claim)

    def _read_reach(self, claim: Claim) -> Reach:
        # Intervals that meet have no gap, so they never exceed the tolerance.
        interval = self._interval(claim)
        return Reach(
            day=claim.as_of.toordinal() if claim.as_of else None,
            days=self.options.max_days_apart,
            open_ended=_cumulative(claim),
            # A count that grows is flagged when a later figure differs, even inside the
            # other's interval ("at least two", then "four"): no agreement prunes it.
            valued=interval is not None and not self.grows(claim),
            low=_inward(interval.low, interval.low_inclusive, 1.0) if interval else None,
            high=_inward(interval.high, interval.high_inclusive, -1.0) if interval else None,
        )

    def story_keys(self, claim: Claim) -> StoryKeys | None:
        return self.matcher.story_keys(claim, self.options)

    def compare(self, a: Claim, b: Claim) -> Finding | None:
        if a.document == b.document and not self._same_scope_within(a, b):
            return None
        if not self.reach(a).admits(self.reach(b)):
            return None
        ia, ib = self._interval(a), self._interval(b)
        if ia is None or ib is None:
            return None
        tolerance = max(
            self.options.tolerance.absolute * (base_unit(a.unit) or ("", 1.0))[1],
            self.options.tolerance.relative * max(abs(x) for x in _ends(ia, ib)),
        )
        growing = self.grows(a) and self.grows(b)
        agree = ia.overlaps(ib) or (tolerance > 0 and gap(ia, ib) <= tolerance)
        if agree and not (growing and _bound_below(a, b)):
            return None
        # Frames and scopes last: most figures of a measure agree, and reading them costs more.
        if self.frames.differences(a, b) is not None:
            return None
        earlier, later = sorted((a, b), key=lambda c: c.as_of or dt.date.min)
        match = self.matcher.caveats(earlier, later)
        if not self.matcher.same_story(
            a, b, self.options, self._measure_words(a, b), framed=self._anchored(a, b)
        ):
            return None
        if self._part_within_whole(a, ia, b, ib) or self._part_within_whole(b, ib, a, ia):
            return None
        if self._part_of_the_time(a, ia, b, ib):
            return None
        understated = self._understated(a, b, tolerance)
        if understated is not None and match.caveats:
            return None  # a vague amount's ceiling is no ground where scopes differ at all
        return self._finding(a, b, ia, ib, match, understated)

    def _part_of_the_time(self, a: Claim, ia: Interval, b: Claim, ib: Interval) -> bool:
        """One figure holds over a part of the other's time ("60 on Monday" of "500 this
        week"): an amount that adds up over time (a count, money raised, rain fallen)
        may be lower, never higher; a level or a rate (a percentage, "$84 a barrel") of
        another time is another quantity."""
        shorter = self.frames.time_part(a, b)
        if shorter is None:
            return False
        if a.kind is Kind.PERCENT or "/" in (a.unit or ""):
            return True
        i_short, i_long = (ia, ib) if shorter is a else (ib, ia)
        if i_short.low is None or i_long.high is None:
            return True
        return i_short.low <= i_long.high

    def _understated(self, a: Claim, b: Claim, tolerance: float) -> Claim | None:
        """The vague amount whose loose ceiling alone makes two figures disagree
        ("dozens" against 359: without the ceiling they would meet), if any: the one
        whose ceiling lies below the other figure."""
        if self.options.semantics != "editorial" or "vague" not in (a.qualifier, b.qualifier):
            return None
        ia, ib = (self._read_interval(c, vague_ceilings=False) for c in (a, b))
        if ia is None or ib is None:
            return None
        if not (ia.overlaps(ib) or (tolerance > 0 and gap(ia, ib) <= tolerance)):
            return None
        for vague, other in ((a, b), (b, a)):
            ceiling = vague_ceiling_of(vague)
            read = self._interval(other)
            floor = read.low if read is not None else None
            scale = (base_unit(vague.unit) or ("", 1.0))[1]
            if ceiling is not None and floor is not None and ceiling * scale < floor:
                return vague
        return None

    def _anchored(self, a: Claim, b: Claim) -> bool:
        """Frames that agree on more than a noun and a verb: whose figure it is, what it
        describes, where it holds, a window, or a toll of the story. Two such figures in
        one story measure one thing however their sentences word it; "three runs" and
        "two runs" of one game need their sentences to say more."""
        if a.frame is None or b.frame is None:
            return False
        frame = a.frame
        return bool(frame.owner or frame.attribute_of or frame.places or frame.window) or (
            self.grows(a) and self.grows(b)
        )

    def _part_within_whole(self, part: Claim, ip: Interval, whole: Claim, iw: Interval) -> bool:
        """A figure for a part of the places may be lower than the whole's, never higher."""
        if part.frame is not None and whole.frame is not None:
            split = self.frames.part_and_whole(part, whole)  # the clauses' own places
            if not (split and split[0] is part):
                return False
        elif not self.matcher.part_of(part, whole):
            return False
        return ip.low is None or iw.high is None or ip.low <= iw.high

    def _measure_words(self, a: Claim, b: Claim) -> frozenset[str]:
        """The measure's own words, which say nothing of whether two stories are one."""
        words: set[str] = set()
        for claim in (a, b):
            if claim.measure is not None:
                words.update((claim.measure.head, claim.measure.noun or ""))
                words.update(lemma(w) for w in claim.measure.text.split())
        return frozenset(w.lower() for w in words)

    def _same_scope_within(self, a: Claim, b: Claim) -> bool:
        """Inside one document, different figures of one measure usually describe different
        events; they conflict only where the scope is spelled out the same way, or where
        the headline states a figure the body contradicts."""
        if a.measure is None or b.measure is None:
            return False
        if a.in_headline != b.in_headline:
            return True
        if a.measure.text != b.measure.text:
            return False
        return a.scope.window is not None and a.scope.window == b.scope.window

    def grows(self, claim: Claim) -> bool:
        """A count that only grows as time passes: over an open window ("since October"),
        or a toll ("people killed") whose predicate the vocabulary lists as cumulative."""
        if _cumulative(claim):
            return True
        frame = claim.frame
        if frame is None or claim.kind.value != "count":
            return False
        names = {frame.predicate, frame.noun}
        return bool(names & self.matcher.measures.cumulative)

    def _finding(
        self,
        a: Claim,
        b: Claim,
        ia: Interval,
        ib: Interval,
        match: Match,
        understated: Claim | None = None,
    ) -> Finding:
        caveats = list(match.caveats)
        severity, category = self.rule.severity, self.rule.category
        (earlier, i_earlier), (later, i_later) = sorted(
            [(a, ia), (b, ib)], key=lambda pair: pair[0].as_of or dt.date.min
        )
        dated_apart = a.as_of and b.as_of and a.as_of != b.as_of
        verdict = "the figures cannot both hold"
        if understated is not None:
            # Only the vague amount's loose ceiling parts them: written first, it may be
            # what the other figure grew from; else it understates the other figure.
            if understated is earlier and dated_apart:
                category = Category.POSSIBLE_UPDATE
                severity = self.options.update_severity
                verdict = (
                    f'later figure higher than "{understated.quote}": '
                    "it understated it, or the count grew"
                )
            else:
                severity = severity.lowered()
                verdict = f'"{understated.quote}" understates the other figure'
        elif dated_apart and self.grows(a) and self.grows(b):
            if (later.stated or 0) > (earlier.stated or 0):
                category = Category.POSSIBLE_UPDATE
                severity = self.options.update_severity
                verdict = "later figure higher: it may be an update of a count that only grows"
            else:
                severity = severity.lowered()
                verdict = "later figure lower, though the count only grows"
        if dated_apart:
            assert earlier.as_of and later.as_of
            caveats.insert(
                0,
                f"published on different dates ({earlier.as_of.isoformat()}, "
                f"{later.as_of.isoformat()}): the figure may have changed in between",
            )
        growing = self.grows(a) and self.grows(b)
        if not dated_apart and understated is None and growing and ia.overlaps(ib):
            category = Category.POSSIBLE_UPDATE
            severity = self.options.update_severity
            verdict = "a floor below a larger figure of a count that grows: one may be newer"
        if a.in_headline != b.in_headline:
            caveats.append("the headline's figure against the body's")
        if match.scopes_differ and category is Category.CONFLICT:
            severity = severity.lowered()
        measure = earlier.frame.label() if earlier.frame else "figure"
        if earlier.frame and later.frame and later.frame.label() != measure:
            measure = f"{measure} vs {later.frame.label()}"  # in the order the quotes are
        message = f"{_short(earlier)} vs {_short(later)}: same measure ({measure}), {verdict}" + (
            "; " + "; ".join(match.caveats) if match.caveats else ""
        )
        reading = self.options.semantics
        intervals = (
            f"{describe(earlier)} reads as {i_earlier.describe()} and "
            f"{describe(later)} as {i_later.describe()} "
            f"({reading} reading of the qualifiers, in base units)"
        )
        why = (
            f'"{understated.quote}" is read as at most {vague_ceiling_of(understated):,.0f}'
            " (a vague amount's loose ceiling, data/vague_amounts.yaml), below the other figure"
            if understated is not None
            else "a count that only grows was reported with a different figure"
            if category is Category.POSSIBLE_UPDATE or i_earlier.overlaps(i_later)
            else "the intervals do not overlap within the rule's tolerance"
        )
        frames = f" Both measure {a.frame.label()}." if a.frame and b.frame else ""
        explanation = f"{intervals}; {why}.{frames}"
        return make_finding(
            self.rule,
            (a, b),
            message,
            explanation,
            caveats=tuple(caveats),
            severity=severity,
            category=category,
        )


def _inward(bound: float | None, inclusive: bool, direction: float) -> float | None:
    """An open bound as a closed one a hair inside it: ranges that only touch at an open
    end ("120" reaches up to, not including, 125; "130" starts there) do not agree."""
    if bound is None or inclusive:
        return bound
    return bound + direction * max(abs(bound), 1.0) * 1e-9


def _bound_below(a: Claim, b: Claim) -> bool:
    """One figure is only a floor ("at least two") below the other's figure ("four"), or
    below another floor ("more than 60" and "more than 110"); not a floor stated with or
    after a ceiling it fits under ("up to 32", then "more than 30", agree), while a
    ceiling after a floor may be the count grown ("more than 1,700", then "nearly 5,000")."""
    for low, other in ((a, b), (b, a)):
        floor = shape_of(low.qualifier).startswith("above") and low.stated is not None
        under_ceiling = shape_of(other.qualifier).startswith("below") and not _earlier(low, other)
        above = other.stated is not None and other.stated > (low.stated or 0)
        if floor and above and not under_ceiling:
            return True
    return False


def _earlier(a: Claim, b: Claim) -> bool:
    return a.as_of is not None and b.as_of is not None and a.as_of < b.as_of


def _ends(*intervals: Interval) -> list[float]:
    ends = [x for i in intervals for x in (i.low, i.high) if x is not None]
    return ends or [0.0]


def _short(claim: Claim) -> str:
    when = f" ({claim.as_of.strftime('%b %-d, %Y')})" if claim.as_of else ""
    return f"{claim.quote}{when}"
