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
class Tally:
    """How the findings of a run add up: found = shown + hidden by ``--show``; the
    findings ignore comments and the baseline accepted are not among them."""

    shown: int = 0
    hidden: int = 0
    silenced: int = 0
    accepted: int = 0

    def line(self) -> str:
        """ "N shown of M (K hidden by --show); ..." with only the parts that are not zero."""
        total = self.shown + self.hidden
        parts = [f"{self.shown} shown of {total}" if self.hidden else f"{total}"]
        head = f"{parts[0]} finding{'s' if total != 1 else ''}"
        notes = []
        if self.hidden:
            notes.append(f"{self.hidden} hidden by --show")
        if self.silenced:
            notes.append(f"{self.silenced} silenced by ignore comments")
        if self.accepted:
            notes.append(f"{self.accepted} accepted by the baseline")
        return head + (f" ({'; '.join(notes)})" if notes else "")


@dataclass(frozen=True)
class ReportContext:
    """Everything besides the report that renderers use; every field is optional."""

    rules: tuple[RuleInfo, ...] = ()
    documents: Mapping[str, Document] = field(default_factory=dict)
    claims: tuple[Claim, ...] = ()
    drafts: frozenset[str] | None = None
    root: Path = field(default_factory=Path.cwd)
    color: bool = False
    tally: Tally | None = None

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
        tally: Tally | None = None,
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
            tally=tally,
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


def stream_wants_color(stream: object, mode: str = "auto") -> bool:
    """``--color``: always, never, or (auto) on a terminal unless ``NO_COLOR`` is set
    (no-color.org); ``FORCE_COLOR`` turns it on in auto mode, for CI logs that show ANSI."""
    if mode != "auto":
        return mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
