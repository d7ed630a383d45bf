"""Findings: what a rule reports, with the evidence an editor needs to judge it."""

from __future__ import annotations

import hashlib
import json
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from numcheck.claims import Claim
from numcheck.documents.model import DocumentStatus


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    def lowered(self) -> Severity:
        """One step less severe (info stays info)."""
        return {Severity.ERROR: Severity.WARNING}.get(self, Severity.INFO)


class Category(str, Enum):
    CONFLICT = "conflict"
    POSSIBLE_UPDATE = "possible-update"
    INCONSISTENCY = "inconsistency"


class Evidence(BaseModel):
    """One claim a finding rests on, located in its document."""

    model_config = ConfigDict(frozen=True)

    document: str
    start: int
    end: int
    line: int
    column: int
    quote: str
    sentence: str
    claim: Claim

    @classmethod
    def of(cls, claim: Claim) -> Evidence:
        return cls(
            document=claim.document,
            start=claim.span.start,
            end=claim.span.end,
            line=claim.span.line,
            column=claim.span.column,
            quote=claim.quote,
            sentence=claim.sentence,
            claim=claim,
        )


class Finding(BaseModel):
    """A set of claims that cannot all hold (or may not), and why."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="stable: a hash of the rule and the normalized evidence")
    rule: str
    severity: Severity
    category: Category
    message: str
    explanation: str
    caveats: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...]


def finding_id(rule: str, claims: tuple[Claim, ...]) -> str:
    """A hash of the rule and what the claims say, not where they stand.

    Moving unrelated text (which shifts offsets) keeps the id, so a baseline file
    accepting a known finding keeps accepting it.
    """
    parts = sorted(
        json.dumps(
            [c.document, c.kind.value, " ".join(c.quote.split()).lower(), c.timex, c.stated],
            sort_keys=True,
        )
        for c in claims
    )
    digest = hashlib.sha256("\n".join([rule, *parts]).encode("utf-8")).hexdigest()
    return f"NC-{digest[:16]}"


class Report(BaseModel):
    """The result of a check: every input document with its status, and the findings."""

    model_config = ConfigDict(frozen=True)

    version: int = 2  # 2: claims carry their frame; findings explain both frames
    documents: tuple[DocumentStatus, ...] = ()
    findings: tuple[Finding, ...] = ()

    @field_validator("documents")
    @classmethod
    def _in_source_order(cls, documents: tuple[DocumentStatus, ...]) -> tuple[DocumentStatus, ...]:
        """Sorted by source (a JSONL line by its number), so the same inputs in any order
        give byte-identical reports."""
        return tuple(sorted(documents, key=_source_order))

    def at_least(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity.rank >= severity.rank)


def _source_order(status: DocumentStatus) -> tuple[str, int, str]:
    path, _, line = status.source.rpartition(":")
    if path and line.isdigit():
        return path, int(line), status.id
    return status.source, 0, status.id
