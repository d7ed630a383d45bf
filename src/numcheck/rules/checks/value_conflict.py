"""Value conflict: the same measure, in compatible scopes, with figures that cannot both hold.

Anti-pattern: one article counts "more than 110 attacks" since October, another from the
same week "over 300 attacks" since October.
Best practice: figures that agree once qualifiers are read ("about 2,500" and "some 2,500",
"5 km" and "5,000 m").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping

from numcheck.claims import Claim, Interval, format_number
from numcheck.findings import Category, Finding
from numcheck.rules.checks.base import PairCheck, PerClaim, Reach, make_finding
from numcheck.rules.frames import FrameMatcher
from numcheck.rules.schema import Reading, ValueConflictRule
from numcheck.rules.scope import Match, ScopeMatcher
from numcheck.units import base_unit
from numcheck.vocabulary import Vocabulary, lemma

_ROUNDED = frozenset(["exact", "about"])
_ROUNDING_SHARE = 0.05


def rounding(stated: float) -> float:
    """Half the unit of a round figure's last significant digit, at most 5% of it: "11
    million" may stand for 11.5 million, "2,500" for 2,540, "1,000" for 1,040."""
    if not float(stated).is_integer() or abs(stated) < 10:
        return 0.0
    whole, unit = int(abs(stated)), 1
    while whole and whole % (unit * 10) == 0:
        unit *= 10
    return min(unit / 2 if unit > 1 else 0.0, _ROUNDING_SHARE * abs(stated))


def editorial_interval(claim: Claim, readings: Mapping[str, Reading]) -> Interval | None:
    """How a newsroom reads the figure: the strict interval widened by its hedge ("about
    2,500" is within a few percent of it) and by rounding, never narrowed; vague amounts
    ("several", "dozens", "a number of") have no upper bound."""
    stated = claim.stated
    strict = claim.value
    if stated is None or strict is None:
        return strict
    if claim.qualifier == "vague":
        return Interval(low=strict.low, low_inclusive=strict.low_inclusive)
    reading = readings.get(claim.qualifier)
    size = abs(stated)
    below = max(reading.below * size if reading else 0.0, 0.0)
    above = max(reading.above * size if reading else 0.0, 0.0)
    if claim.qualifier in _ROUNDED:
        below = max(below, rounding(stated))
        above = max(above, rounding(stated))
    low, high = strict.low, strict.high
    if below:  # "nearly seven years": a little under seven, not any number under it
        low = stated - below if low is None else min(low, stated - below)
    if above:
        high = stated + above if high is None else max(high, stated + above)
    return Interval(
        low=low,
        high=high,
        low_inclusive=strict.low_inclusive if strict.low == low else True,
        high_inclusive=strict.high_inclusive if strict.high == high else True,
    )


def gap(a: Interval, b: Interval) -> float:
    """Distance between two intervals (0 when they touch or overlap)."""
    if a.overlaps(b):
        return 0.0
    if a.high is not None and b.low is not None and a.high <= b.low:
        return b.low - a.high
    if b.high is not None and a.low is not None and b.high <= a.low:
        return a.low - b.high
    return 0.0


def _cumulative(claim: Claim) -> bool:
    """A count over a window that is still open ("since October") can only grow."""
    window = claim.scope.window
    return window is not None and window.start is not None


def describe(claim: Claim) -> str:
    stated = format_number(claim.stated) if claim.stated is not None else claim.quote
    when = f" ({claim.as_of.isoformat()})" if claim.as_of else ""
    return f"{claim.quote!r} [{stated}]{when} in {claim.document}"


class ValueConflict(PairCheck):
    def __init__(self, rule: ValueConflictRule, vocabulary: Vocabulary) -> None:
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
        unit = base_unit(claim.unit)
        if unit is None:
            return None
        return (claim.kind.value, unit[0], self.frames.head(frame))

    def _read_interval(self, claim: Claim) -> Interval | None:
        interval = (
            editorial_interval(claim, self.options.readings)
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
            low=interval.low if interval else None,
            high=interval.high if interval else None,
        )

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
        if gap(ia, ib) <= tolerance and not (growing and _bound_below(a, b)):
            return None
        # Frames and scopes last: most figures of a measure agree, and reading them costs more.
        if self.frames.differences(a, b) is not None:
            return None
        earlier, later = sorted((a, b), key=lambda c: c.as_of or dt.date.min)
        match = self.matcher.caveats(earlier, later)
        if not self.matcher.same_story(a, b, self.options, self._measure_words(a, b)):
            return None
        if self._part_within_whole(a, ia, b, ib) or self._part_within_whole(b, ib, a, ia):
            return None
        return self._finding(a, b, ia, ib, match)

    def _part_within_whole(self, part: Claim, ip: Interval, whole: Claim, iw: Interval) -> bool:
        """A figure for a part of the places may be lower than the whole's, never higher."""
        if not self.matcher.part_of(part, whole):
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

    def _finding(self, a: Claim, b: Claim, ia: Interval, ib: Interval, match: Match) -> Finding:
        caveats = list(match.caveats)
        severity, category = self.rule.severity, self.rule.category
        (earlier, i_earlier), (later, i_later) = sorted(
            [(a, ia), (b, ib)], key=lambda pair: pair[0].as_of or dt.date.min
        )
        dated_apart = a.as_of and b.as_of and a.as_of != b.as_of
        verdict = "the figures cannot both hold"
        if dated_apart:
            assert earlier.as_of and later.as_of
            grows = (later.stated or 0) > (earlier.stated or 0)
            if self.grows(a) and self.grows(b) and grows:
                category = Category.POSSIBLE_UPDATE
                severity = self.options.update_severity
                verdict = "later figure higher: it may be an update of a count that only grows"
            elif self.grows(a) and self.grows(b):
                severity = severity.lowered()
                verdict = "later figure lower, though the count only grows"
            caveats.insert(
                0,
                f"published on different dates ({earlier.as_of.isoformat()}, "
                f"{later.as_of.isoformat()}): the figure may have changed in between",
            )
        elif self.grows(a) and self.grows(b) and gap(ia, ib) == 0:
            category = Category.POSSIBLE_UPDATE
            severity = self.options.update_severity
            verdict = "a floor below a larger figure of a count that grows: one may be newer"
        if a.in_headline != b.in_headline:
            caveats.append("the headline's figure against the body's")
        if match.scopes_differ and category is Category.CONFLICT:
            severity = severity.lowered()
        measure = a.frame.label() if a.frame else "figure"
        if a.frame and b.frame and b.frame.label() != measure:
            measure = f"{measure} vs {b.frame.label()}"
        message = f"{_short(earlier)} vs {_short(later)}: same measure ({measure}), {verdict}" + (
            "; " + "; ".join(match.caveats) if match.caveats else ""
        )
        reading = self.options.semantics
        explanation = (
            f"{describe(earlier)} reads as {i_earlier.describe()} and "
            f"{describe(later)} as {i_later.describe()} "
            f"({reading} reading of the qualifiers, in base units); the intervals do not "
            f"overlap within the rule's tolerance."
        )
        return make_finding(
            self.rule,
            (a, b),
            message,
            explanation,
            caveats=tuple(caveats),
            severity=severity,
            category=category,
        )


def _bound_below(a: Claim, b: Claim) -> bool:
    """One figure is only a floor ("at least two") below the other's figure ("four")."""
    for low, other in ((a, b), (b, a)):
        if low.qualifier in ("at-least", "more-than") and low.stated is not None:
            if other.stated is not None and other.stated > low.stated:
                return other.qualifier not in ("at-least", "more-than") or (
                    other.stated != low.stated
                )
    return False


def _ends(*intervals: Interval) -> list[float]:
    ends = [x for i in intervals for x in (i.low, i.high) if x is not None]
    return ends or [0.0]


def _short(claim: Claim) -> str:
    when = f" ({claim.as_of.strftime('%b %-d, %Y')})" if claim.as_of else ""
    return f"{claim.quote}{when}"
