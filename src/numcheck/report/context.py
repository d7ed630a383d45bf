"""What a renderer may know besides the report: rules, documents, claims and which are drafts.

The JSON contract needs only the report; SARIF needs rule help and file URIs, the HTML
report every document's text with its claims. One frozen value carries them, so no
renderer reaches for globals.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from numcheck.claims import Claim
from numcheck.documents.model import Document
from numcheck.findings import Category, Evidence, Finding, Report, Severity
from numcheck.rules.load import RulePack


@dataclass(frozen=True)
class RuleInfo:
    """What a report says about a rule: SARIF ``rules[]``, the HTML rule filter."""

    id: str
    summary: str
    description: str = ""
    severity: Severity = Severity.WARNING
    category: Category = Category.CONFLICT


@dataclass(frozen=True)
class ReportContext:
    """Everything besides the report that renderers use; every field is optional."""

    rules: tuple[RuleInfo, ...] = ()
    documents: Mapping[str, Document] = field(default_factory=dict)
    claims: tuple[Claim, ...] = ()
    drafts: frozenset[str] | None = None
    root: Path = field(default_factory=Path.cwd)
    color: bool = False

    @classmethod
    def build(
        cls,
        pack: RulePack | None = None,
        documents: Iterable[Document] = (),
        claims: Iterable[Claim] = (),
        *,
        drafts: Iterable[str] | None = None,
        extra_rules: Iterable[RuleInfo] = (),
        root: Path | None = None,
        color: bool = False,
    ) -> ReportContext:
        infos = [
            RuleInfo(r.id, r.summary, r.description, r.severity, r.category)
            for r in (pack.rules if pack else ())
        ]
        return cls(
            rules=(*infos, *extra_rules),
            documents={d.id: d for d in documents},
            claims=tuple(claims),
            drafts=frozenset(drafts) if drafts is not None else None,
            root=(root or Path.cwd()).resolve(),
            color=color,
        )

    def rule(self, rule_id: str) -> RuleInfo | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def is_draft(self, document_id: str) -> bool:
        return self.drafts is None or document_id in self.drafts

    def ordered(self, finding: Finding) -> tuple[Evidence, ...]:
        """The finding's evidence with the first piece in a draft leading: that is where the
        editor acts, and where CI annotates."""
        lead = next((e for e in finding.evidence if self.is_draft(e.document)), None)
        if lead is None:
            return finding.evidence
        return (lead, *(e for e in finding.evidence if e is not lead))

    def relative(self, source: str) -> str:
        """``source`` relative to the root when it lies inside it, with forward slashes."""
        path = Path(source)
        try:
            resolved = path.resolve()
            return resolved.relative_to(self.root).as_posix()
        except (ValueError, OSError):
            return path.as_posix()


def document_sources(report: Report) -> dict[str, str]:
    """Document id to the file it came from, as given on the command line."""
    return {d.id: d.source for d in report.documents}


def stream_wants_color(stream: object) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
