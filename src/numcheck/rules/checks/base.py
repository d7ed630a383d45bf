"""What every check offers the engine: a blocking key and a pair or single-claim test."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from numcheck.claims import Claim
from numcheck.findings import Category, Evidence, Finding, Severity, finding_id
from numcheck.rules.schema import RuleBase
from numcheck.rules.scope import StoryKeys


@dataclass(frozen=True)
class Reach:
    """What a claim's partner must be like for the pair to be flagged, in a few numbers.

    A necessary condition only (the comparison has the last word), and cheap enough for a
    claim store to test on stored rows before it reads a single claim: checking a draft
    then reads the few archive claims that could disagree with it, not every claim of
    its measure.
    """

    day: int | None = None
    """The claim's ``as_of`` as a proleptic ordinal; None: no date, any partner will do."""
    days: int | None = None
    """Largest distance in days to a partner; None: unlimited."""
    open_ended: bool = False
    """Two open-ended claims (counts since a date, which only grow) are compared at any
    distance."""
    valued: bool = False
    """With ``valued``, [``low``, ``high``] (None: unbounded) is a range such that two
    claims whose ranges meet, even at one point, agree."""
    low: float | None = None
    high: float | None = None

    def admits(self, other: Reach) -> bool:
        """True unless the pair is too far apart in time or surely agrees."""
        return self.in_time(other) and not self.agrees(other)

    def in_time(self, other: Reach) -> bool:
        if self.days is None or self.day is None or other.day is None:
            return True
        if self.open_ended and other.open_ended:
            return True
        return abs(self.day - other.day) <= self.days

    def agrees(self, other: Reach) -> bool:
        if not (self.valued and other.valued):
            return False
        below = self.low is None or other.high is None or self.low <= other.high
        return below and (other.low is None or self.high is None or other.low <= self.high)


EVERYWHERE = Reach()

T = TypeVar("T")


class PerClaim(Generic[T]):
    """A value computed once per claim object: a draft claim meets hundreds of archive
    claims in one run, and hashing a claim by value would cost more than recomputing.

    The engine empties it after each group (``PairCheck.forget``), so it holds at most
    the largest group; emptying it at a fixed size instead recomputed every value of a
    group larger than that size for every pair.
    """

    def __init__(self, compute: Callable[[Claim], T]) -> None:
        self._compute = compute
        self._known: dict[int, tuple[Claim, T]] = {}

    def __call__(self, claim: Claim) -> T:
        known = self._known.get(id(claim))
        if known is not None and known[0] is claim:  # the claim itself, not a reused id
            return known[1]
        value = self._compute(claim)
        self._known[id(claim)] = (claim, value)
        return value

    def clear(self) -> None:
        self._known.clear()


class PairCheck(ABC):
    """Compares two claims that share a blocking key."""

    @abstractmethod
    def key(self, claim: Claim) -> Hashable | None:
        """Claims with equal keys may be compared; None keeps a claim out."""

    def keys(self, claim: Claim) -> tuple[Hashable, ...]:
        """Every group a claim joins; two claims ``compare`` could flag share at least one.

        One key is the rule; a check whose matches need only share one of several things
        (participants of an event) gives a key per thing, so groups stay small.
        """
        key = self.key(claim)
        return () if key is None else (key,)

    def reach(self, claim: Claim) -> Reach:
        """Partners ``compare`` could accept, by date; the default accepts every date."""
        return EVERYWHERE

    def story_keys(self, claim: Claim) -> StoryKeys | None:
        """Terms of which a claim of another document must share one for ``compare`` to
        accept the pair; None (the default) when any other document may do."""
        return None

    def forget(self) -> None:
        """Drop the values kept per claim (between groups, between files of an index)."""
        for value in vars(self).values():
            if isinstance(value, PerClaim):
                value.clear()

    @abstractmethod
    def compare(self, a: Claim, b: Claim) -> Finding | None:
        """A finding when ``a`` and ``b`` cannot both hold; ``a`` precedes ``b``."""


class SingleCheck(ABC):
    """Inspects one claim on its own."""

    @abstractmethod
    def inspect(self, claim: Claim) -> Finding | None:
        """A finding when the claim contradicts itself or the calendar."""


class DocumentCheck(ABC):
    """Inspects the claims of one document together (totals and their parts)."""

    @abstractmethod
    def inspect_document(self, claims: Sequence[Claim]) -> list[Finding]:
        """Findings among the claims of one document."""


Check = PairCheck | SingleCheck | DocumentCheck
"""What a rule kind builds from a rule: the engine runs each shape its own way."""


class _SelectedPairs(PairCheck):
    def __init__(self, check: PairCheck, admits: Callable[[Claim], bool]) -> None:
        self.check, self.admits = check, admits

    def key(self, claim: Claim) -> Hashable | None:
        return self.check.key(claim) if self.admits(claim) else None

    def keys(self, claim: Claim) -> tuple[Hashable, ...]:
        return self.check.keys(claim) if self.admits(claim) else ()

    def reach(self, claim: Claim) -> Reach:
        return self.check.reach(claim)

    def forget(self) -> None:
        self.check.forget()

    def compare(self, a: Claim, b: Claim) -> Finding | None:
        return self.check.compare(a, b)


class _SelectedSingles(SingleCheck):
    def __init__(self, check: SingleCheck, admits: Callable[[Claim], bool]) -> None:
        self.check, self.admits = check, admits

    def inspect(self, claim: Claim) -> Finding | None:
        return self.check.inspect(claim) if self.admits(claim) else None


class _SelectedDocuments(DocumentCheck):
    def __init__(self, check: DocumentCheck, admits: Callable[[Claim], bool]) -> None:
        self.check, self.admits = check, admits

    def inspect_document(self, claims: Sequence[Claim]) -> list[Finding]:
        return self.check.inspect_document([c for c in claims if self.admits(c)])


def selected(check: Check, admits: Callable[[Claim], bool]) -> Check:
    """``check`` restricted to the claims ``admits`` selects (a rule's ``select``): the
    others join no blocking group, so a claim store does not key them either."""
    if isinstance(check, PairCheck):
        return _SelectedPairs(check, admits)
    if isinstance(check, DocumentCheck):
        return _SelectedDocuments(check, admits)
    return _SelectedSingles(check, admits)


def make_finding(
    rule: RuleBase,
    claims: tuple[Claim, ...],
    message: str,
    explanation: str,
    *,
    caveats: tuple[str, ...] = (),
    severity: Severity | None = None,
    category: Category | None = None,
) -> Finding:
    """The finding of ``rule`` on ``claims``: its id from what the claims say, its message
    through the rule's template; ``severity`` and ``category`` override the rule's."""
    return Finding(
        id=finding_id(rule.id, claims),
        rule=rule.id,
        severity=severity or rule.severity,
        category=category or rule.category,
        message=rule.render_message(message, claims),
        explanation=explanation,
        caveats=caveats,
        evidence=tuple(Evidence.of(c) for c in claims),
    )
