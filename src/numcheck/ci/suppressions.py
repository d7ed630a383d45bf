"""Inline suppressions: an editor silences a finding in the draft, next to the sentence.

Markdown and HTML take a comment a reader never sees::

    <!-- numcheck: ignore[value-conflict] the archive figure was corrected -->

Plain text (and JSONL texts) take a line of its own, optionally after ``#`` or ``//``::

    numcheck: ignore[value-conflict] the archive figure was corrected

Several rules go in one comment, separated by commas; ``*`` stands for every rule. A
suppression covers its own line and the rest of its paragraph (up to the next blank
line); a comment alone on its line covers the paragraph that follows it, blank lines in
between skipped. It silences every
finding of its rules with evidence in that range of that document. One that silences
nothing is reported as ``unused-suppression`` (a warning): an ignore that outlived its
reason would hide the next real problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from numcheck.claims import Claim, Kind, Span
from numcheck.documents.model import Document, OffsetMap
from numcheck.findings import Category, Evidence, Finding, Report, Severity, finding_id

UNUSED_RULE = "unused-suppression"
UNUSED_SUMMARY = "An inline numcheck ignore comment that silences no finding."
UNUSED_DESCRIPTION = (
    "A `numcheck: ignore[rule]` comment covers its line and the rest of its paragraph "
    "(or, alone on its line, the next paragraph). When no finding of its rules has evidence "
    "there, the comment is stale: remove it, or it will hide the next real problem."
)

_IDS = r"(?P<rules>[a-z0-9*][a-z0-9*,\s-]*)"
# The reason is bounded: an unclosed comment must not make every match scan to the end.
_COMMENT = re.compile(r"<!--\s*numcheck:\s*ignore\[" + _IDS + r"\](?P<reason>.{0,2000}?)-->", re.S)
_LINE = re.compile(
    r"^[ \t]*(?:#|//)?[ \t]*numcheck:[ \t]*ignore\[" + _IDS + r"\](?P<reason>[^\n]*)$", re.M
)
_MARKUP = frozenset({".md", ".markdown", ".html", ".htm"})


@dataclass(frozen=True)
class Suppression:
    """One ignore comment: which rules, why, and which source lines it covers."""

    document: str
    rules: tuple[str, ...]
    reason: str
    text: str
    line: int
    column: int
    text_offset: int
    first_line: int
    last_line: int

    def covers(self, finding: Finding) -> bool:
        if finding.rule not in self.rules and "*" not in self.rules:
            return False
        return any(
            e.document == self.document and self.first_line <= e.line <= self.last_line
            for e in finding.evidence
        )


def _text_offset(mapping: OffsetMap, source_offset: int) -> int:
    """The text offset nearest ``source_offset`` (a removed comment maps to where it was cut)."""
    for segment in mapping.segments:
        span = segment.length if segment.verbatim else 1
        if source_offset < segment.source_start + span:
            if segment.verbatim:
                return segment.text_start + max(0, source_offset - segment.source_start)
            return segment.text_start
    return source_offset if not mapping.segments else sum(s.length for s in mapping.segments)


def _covered_lines(lines: list[str], index: int, alone: bool) -> tuple[int, int]:
    """0-based first and last line a comment on line ``index`` covers."""
    last = index
    if alone:
        while last + 1 < len(lines) and not lines[last + 1].strip():
            last += 1
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1
    return index, last


def find_suppressions(document: Document) -> list[Suppression]:
    """Every ignore comment in the document's source, in order."""
    mapping = document.offsets or OffsetMap(document.text)
    source = mapping.source
    markup = PurePath(document.source).suffix.lower() in _MARKUP
    pattern = _COMMENT if markup else _LINE
    lines = source.split("\n")
    found: list[Suppression] = []
    for match in pattern.finditer(source):
        index = source.count("\n", 0, match.start())
        line_start = source.rfind("\n", 0, match.start()) + 1
        line_end = source.find("\n", match.end())
        rest = (
            source[line_start : match.start()]
            + source[match.end() : len(source) if line_end < 0 else line_end]
        )
        first, last = _covered_lines(lines, index, alone=not rest.strip())
        rules = tuple(r.strip() for r in match.group("rules").split(",") if r.strip())
        found.append(
            Suppression(
                document=document.id,
                rules=rules,
                reason=" ".join(match.group("reason").split()),
                text=match.group(0).strip(),
                line=index + 1 + mapping.line_offset,
                column=match.start() - line_start + 1,
                text_offset=_text_offset(mapping, match.start()),
                first_line=first + 1 + mapping.line_offset,
                last_line=last + 1 + mapping.line_offset,
            )
        )
    return found


def unused_finding(
    suppression: Suppression,
    severity: Severity = Severity.WARNING,
    unknown: tuple[str, ...] = (),
) -> Finding:
    """The finding that reports a suppression silencing nothing, or naming ``unknown`` rule
    ids (a typo silences nothing and would hide it); its evidence is the comment."""
    offset = suppression.text_offset
    claim = Claim(
        document=suppression.document,
        kind=Kind.IDENTIFIER,
        quote=suppression.text,
        span=Span(start=offset, end=offset, line=suppression.line, column=suppression.column),
        sentence=suppression.text,
        sentence_start=offset,
    )
    rules = ", ".join(suppression.rules)
    if unknown:
        names = ", ".join(repr(rule) for rule in unknown)
        message = f"this ignore comment names no rule numcheck has: {names}"
        explanation = "Check the spelling against `numcheck rules`; an unknown id silences nothing."
    else:
        message = f"this ignore comment for {rules} silences no finding"
        explanation = (
            f"No finding of {rules} has evidence on lines {suppression.first_line}"
            f"-{suppression.last_line}; remove the comment or move it next to the sentence."
        )
    return Finding(
        id=finding_id(UNUSED_RULE, (claim,)),
        rule=UNUSED_RULE,
        severity=severity,
        category=Category.INCONSISTENCY,
        message=message,
        explanation=explanation,
        evidence=(Evidence.of(claim),),
    )


@dataclass(frozen=True)
class Suppressed:
    """The report without silenced findings (plus unused-suppression findings)."""

    report: Report
    silenced: tuple[tuple[Finding, Suppression], ...]


def apply_suppressions(
    report: Report,
    documents: Iterable[Document],
    *,
    report_unused_in: frozenset[str] | None = None,
    unused_severity: Severity | None = Severity.WARNING,
    known_rules: frozenset[str] | None = None,
) -> Suppressed:
    """Drop findings an inline comment silences; report comments that silence nothing.

    Unused comments are reported only for documents in ``report_unused_in`` (the drafts;
    None means every document), and not at all when ``unused_severity`` is None (the rule
    is disabled). An archive's comments may serve findings between archive documents,
    which a check against drafts never computes. With ``known_rules``, a comment naming
    another id is reported, whether or not it silences something for its other ids.
    """
    suppressions = [s for doc in documents for s in find_suppressions(doc)]
    used: set[int] = set()
    kept: list[Finding] = []
    silenced: list[tuple[Finding, Suppression]] = []
    for finding in report.findings:
        hit = next((i for i, s in enumerate(suppressions) if s.covers(finding)), None)
        if hit is None:
            kept.append(finding)
            continue
        used.update(i for i, s in enumerate(suppressions) if s.covers(finding))
        silenced.append((finding, suppressions[hit]))
    if unused_severity is not None:
        for i, s in enumerate(suppressions):
            if report_unused_in is not None and s.document not in report_unused_in:
                continue
            unknown = tuple(
                r for r in s.rules if known_rules is not None and r != "*" and r not in known_rules
            )
            if unknown or i not in used:
                kept.append(unused_finding(s, unused_severity, unknown))
    updated = report.model_copy(update={"findings": tuple(kept)})
    return Suppressed(updated, tuple(silenced))
