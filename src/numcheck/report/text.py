"""The human report: file:line:column, the sentence with the number marked, the evidence.

Colour (ANSI) only when the context asks for it: the CLI sets it for a terminal without
``NO_COLOR``; piped output and files stay plain.
"""

from __future__ import annotations

from numcheck.findings import Evidence, Finding, Report, Severity
from numcheck.report.context import ReportContext, Tally, document_sources

_MARK = ("»", "«")
_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_SEVERITY_COLOR = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.INFO: "\x1b[1;36m",
}


class _Paint:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.enabled else text


def quote_bounds(evidence: Evidence) -> tuple[int, int] | None:
    """Where the quote stands in the evidence sentence, or None when it cannot be found."""
    claim = evidence.claim
    start = claim.span.start - claim.sentence_start
    end = claim.span.end - claim.sentence_start
    if not (0 <= start <= end <= len(claim.sentence)) or claim.sentence[start:end] != claim.quote:
        return None
    return start, end


def marked_sentence(evidence: Evidence, paint: _Paint | None = None) -> str:
    """The evidence sentence with its quote between » and « (and in bold, in colour)."""
    paint = paint or _Paint(False)
    claim = evidence.claim
    bounds = quote_bounds(evidence)
    if bounds is None:
        return paint(f"{_MARK[0]}{claim.quote}{_MARK[1]}", _BOLD)
    start, end = bounds
    sentence = claim.sentence
    marked = paint(f"{_MARK[0]}{sentence[start:end]}{_MARK[1]}", _BOLD)
    # Hard-wrapped source lines read as one line (escape codes hold no whitespace).
    return " ".join(f"{sentence[:start]}{marked}{sentence[end:]}".split())


def _location(evidence: Evidence, sources: dict[str, str]) -> str:
    source = sources.get(evidence.document, evidence.document)
    return f"{source}:{evidence.line}:{evidence.column}"


def _finding(
    finding: Finding, sources: dict[str, str], context: ReportContext, paint: _Paint
) -> list[str]:
    first, *others = context.ordered(finding)
    severity = paint(finding.severity.value, _SEVERITY_COLOR[finding.severity])
    lines = [
        f"{paint(_location(first, sources), _BOLD)}: {severity} [{finding.rule}] "
        f"({finding.category.value}) {finding.message}",
        f"    {marked_sentence(first, paint)}",
    ]
    for other in others:
        lines.append(f"  vs {_location(other, sources)}")
        lines.append(f"    {marked_sentence(other, paint)}")
    lines.append(f"  why: {finding.explanation}")
    lines.extend(f"  caveat: {caveat}" for caveat in finding.caveats)
    lines.append(paint(f"  id: {finding.id}", _DIM))
    return lines


def render_text(report: Report, context: ReportContext | None = None) -> str:
    context = context or ReportContext()
    paint = _Paint(context.color)
    sources = document_sources(report)
    lines: list[str] = []
    for finding in report.findings:
        lines.extend(_finding(finding, sources, context, paint))
        lines.append("")
    errors = [d for d in report.documents if d.status == "error"]
    lines.extend(
        f"{d.source}: {paint('error', _SEVERITY_COLOR[Severity.ERROR])}: {d.error}" for d in errors
    )
    checked = sum(1 for d in report.documents if d.status == "checked")
    counts = {
        s: sum(1 for f in report.findings if f.severity.value == s)
        for s in ("error", "warning", "info")
    }
    summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())
    tally = context.tally or Tally(shown=len(report.findings))
    lines.append(
        f"{tally.line()}: {summary} shown, "
        f"in {checked} checked document{'s' if checked != 1 else ''}"
        + (f", {len(errors)} not readable" if errors else "")
    )
    return "\n".join(lines) + "\n"
