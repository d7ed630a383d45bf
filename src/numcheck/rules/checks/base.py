"""What every check offers the engine: a blocking key and a pair or single-claim test."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Hashable
from dataclasses import dataclass

from numcheck.claims import Claim
from numcheck.findings import Category, Evidence, Finding, Severity, finding_id
from numcheck.rules.schema import RuleBase


@dataclass(frozen=True)
class Reach:
    """How far apart in time a claim's partners may be published and still be compared.

    A claim store uses it to fetch only the stored claims a comparison could accept,
    so checking a draft reads a few weeks of a large archive, not all of it.
    """

    day: int | None = None
    """The claim's ``as_of`` as a proleptic ordinal; None: no date, any partner will do."""
    days: int | None = None
    """Largest distance in days to a partner; None: unlimited."""
    open_ended: bool = False
    """Two open-ended claims (counts since a date, which only grow) are compared at any
    distance."""

    def admits(self, other: Reach) -> bool:
        if self.days is None or self.day is None or other.day is None:
            return True
        if self.open_ended and other.open_ended:
            return True
        return abs(self.day - other.day) <= self.days


EVERYWHERE = Reach()


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

    @abstractmethod
    def compare(self, a: Claim, b: Claim) -> Finding | None:
        """A finding when ``a`` and ``b`` cannot both hold; ``a`` precedes ``b``."""


class SingleCheck(ABC):
    """Inspects one claim on its own."""

    @abstractmethod
    def inspect(self, claim: Claim) -> Finding | None:
        """A finding when the claim contradicts itself or the calendar."""


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
    return Finding(
        id=finding_id(rule.id, claims),
        rule=rule.id,
        severity=severity or rule.severity,
        category=category or rule.category,
        message=message,
        explanation=explanation,
        caveats=caveats,
        evidence=tuple(Evidence.of(c) for c in claims),
    )
