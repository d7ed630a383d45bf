"""What every check offers the engine: a blocking key and a pair or single-claim test."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Hashable, Sequence

from numcheck.claims import Claim
from numcheck.findings import Category, Evidence, Finding, Severity, finding_id
from numcheck.rules.schema import RuleBase


class PairCheck(ABC):
    """Compares two claims that share a blocking key."""

    @abstractmethod
    def key(self, claim: Claim) -> Hashable | None:
        """Claims with equal keys may be compared; None keeps a claim out."""

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
