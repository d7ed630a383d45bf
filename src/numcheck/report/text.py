"""The human report: file:line:column, the sentence with the number marked, the evidence."""

from __future__ import annotations

from numcheck.findings import Evidence, Finding, Report

_MARK = ("»", "«")


def _sources(report: Report) -> dict[str, str]:
    return {d.id: d.source for d in report.documents}


def marked_sentence(evidence: Evidence) -> str:
    """The evidence sentence with its quote between » and «."""
    claim = evidence.claim
    start = claim.span.start - claim.sentence_start
    end = claim.span.end - claim.sentence_start
    sentence = claim.sentence
    if not (0 <= start <= end <= len(sentence)) or sentence[start:end] != claim.quote:
        return f"{_MARK[0]}{claim.quote}{_MARK[1]}"
    marked = f"{sentence[:start]}{_MARK[0]}{sentence[start:end]}{_MARK[1]}{sentence[end:]}"
    return " ".join(marked.split())  # hard-wrapped source lines read as one line


def _location(evidence: Evidence, sources: dict[str, str]) -> str:
    source = sources.get(evidence.document, evidence.document)
    return f"{source}:{evidence.line}:{evidence.column}"


def _finding(finding: Finding, sources: dict[str, str]) -> list[str]:
    first, *others = finding.evidence
    lines = [
        f"{_location(first, sources)}: {finding.severity.value} [{finding.rule}] "
        f"({finding.category.value}) {finding.message}",
        f"    {marked_sentence(first)}",
    ]
    for other in others:
        lines.append(f"  vs {_location(other, sources)}")
        lines.append(f"    {marked_sentence(other)}")
    lines.append(f"  why: {finding.explanation}")
    lines.extend(f"  caveat: {caveat}" for caveat in finding.caveats)
    lines.append(f"  id: {finding.id}")
    return lines


def render_text(report: Report) -> str:
    lines: list[str] = []
    for finding in report.findings:
        lines.extend(_finding(finding, sources=_sources(report)))
        lines.append("")
    errors = [d for d in report.documents if d.status == "error"]
    lines.extend(f"{d.source}: error: {d.error}" for d in errors)
    checked = sum(1 for d in report.documents if d.status == "checked")
    counts = {
        s: sum(1 for f in report.findings if f.severity.value == s)
        for s in ("error", "warning", "info")
    }
    summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())
    lines.append(
        f"{len(report.findings)} finding{'s' if len(report.findings) != 1 else ''} ({summary}) "
        f"in {checked} checked document{'s' if checked != 1 else ''}"
        + (f", {len(errors)} not readable" if errors else "")
    )
    return "\n".join(lines) + "\n"
