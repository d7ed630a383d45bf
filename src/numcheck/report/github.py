"""GitHub Actions workflow commands: ``::warning file=...,line=...,col=...::message``.

GitHub shows at most ten annotations of each type (error, warning, notice) per step and
drops the rest silently. So past ten, the tenth annotation of a type says how many more
there are, and every finding is also printed as a plain log line.
"""

from __future__ import annotations

from numcheck.findings import Finding, Report, Severity
from numcheck.report.context import ReportContext, Tally, document_sources

ANNOTATIONS_PER_TYPE = 10
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): also ``:`` and ``,``, which end properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _annotation(finding: Finding, sources: dict[str, str], context: ReportContext) -> str:
    lead, *others = context.ordered(finding)
    message = finding.message
    for other in others:
        where = context.relative(sources.get(other.document, other.document))
        message += f"\nvs {where}:{other.line}:{other.column}: {other.quote}"
    message += f"\n{finding.explanation}"
    return command(
        COMMANDS[finding.severity],
        message,
        file=context.relative(sources.get(lead.document, lead.document)),
        line=lead.line,
        col=lead.column,
        endColumn=lead.column + len(lead.quote),
        title=f"numcheck {finding.rule}",
    )


def render_github(report: Report, context: ReportContext | None = None) -> str:
    context = context or ReportContext()
    sources = document_sources(report)
    annotations: dict[Severity, list[str]] = {severity: [] for severity in COMMANDS}
    annotations[Severity.ERROR] = [
        command("error", d.error or "cannot read", file=context.relative(d.source))
        for d in report.documents
        if d.status == "error"
    ]
    for finding in report.findings:
        annotations[finding.severity].append(_annotation(finding, sources, context))
    lines: list[str] = []
    for severity, name in COMMANDS.items():
        pending = annotations[severity]
        if len(pending) <= ANNOTATIONS_PER_TYPE:
            lines.extend(pending)
            continue
        lines.extend(pending[: ANNOTATIONS_PER_TYPE - 1])
        hidden = len(pending) - (ANNOTATIONS_PER_TYPE - 1)
        lines.append(
            command(
                name,
                f"{hidden} more numcheck {severity.value}s not annotated "
                f"(GitHub shows {ANNOTATIONS_PER_TYPE} per type); see the log or the SARIF report",
                title=f"numcheck: {hidden} more",
            )
        )
    for finding in report.findings:
        lead = context.ordered(finding)[0]
        where = context.relative(sources.get(lead.document, lead.document))
        lines.append(
            f"{where}:{lead.line}:{lead.column}: {finding.severity.value} [{finding.rule}] "
            f"{finding.message} ({finding.id})"
        )
    tally = context.tally or Tally(shown=len(report.findings))
    lines.append(f"numcheck: {tally.line()}")
    return "\n".join(lines) + "\n"
