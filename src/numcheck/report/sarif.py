"""SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.

Columns follow the SARIF default, ``utf16CodeUnits`` (said explicitly in ``run.columnKind``):
a character outside the Basic Multilingual Plane before a number counts two. numcheck
counts code points elsewhere, so regions are recomputed from the document's source here.
URIs are relative to ``%SRCROOT%`` (the working directory) when the file lies inside it.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from numcheck._version import __version__
from numcheck.documents.model import Document, OffsetMap
from numcheck.findings import Evidence, Finding, Report, Severity
from numcheck.report.context import ReportContext, RuleInfo, document_sources

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://github.com/numcheck/numcheck"
FINGERPRINT = "numcheckFindingId/v1"
SRCROOT = "%SRCROOT%"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units: two for every character beyond U+FFFF."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _line_column(source: str, offset: int, line_offset: int) -> tuple[int, int]:
    line_start = source.rfind("\n", 0, offset) + 1
    line = source.count("\n", 0, offset) + 1 + line_offset
    return line, utf16_length(source[line_start:offset]) + 1


def region(evidence: Evidence, document: Document | None) -> dict[str, Any]:
    """The evidence's region in its source file, columns in UTF-16 code units."""
    snippet = {"snippet": {"text": evidence.quote}}
    if document is None:  # no source to count in: code points, right unless beyond the BMP
        return {"startLine": evidence.line, "startColumn": evidence.column, **snippet}
    mapping = document.offsets or OffsetMap(document.text)
    start = mapping.source_offset(evidence.start)
    end = mapping.source_offset(evidence.end - 1) + 1 if evidence.end > evidence.start else start
    if end == start and mapping.source.startswith(evidence.quote, start):
        end = start + len(evidence.quote)  # evidence cut from the text (an ignore comment)
    start_line, start_column = _line_column(mapping.source, start, mapping.line_offset)
    end_line, end_column = _line_column(mapping.source, max(end, start), mapping.line_offset)
    return {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
        **snippet,
    }


def _artifact(source: str, context: ReportContext) -> dict[str, str]:
    relative = context.relative(source)
    if relative.startswith("/"):
        return {"uri": "file://" + quote(relative)}
    return {"uri": quote(relative), "uriBaseId": SRCROOT}


def _physical(
    evidence: Evidence, sources: dict[str, str], context: ReportContext
) -> dict[str, Any]:
    source = sources.get(evidence.document, evidence.document)
    document = context.documents.get(evidence.document)
    return {
        "physicalLocation": {
            "artifactLocation": _artifact(source, context),
            "region": region(evidence, document),
        }
    }


def _rule(info: RuleInfo) -> dict[str, Any]:
    help_text = info.description.strip() or info.summary
    return {
        "id": info.id,
        "name": "".join(part.capitalize() for part in info.id.split("-")),
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": help_text},
        "help": {"text": help_text, "markdown": f"**{info.summary}**\n\n{help_text}"},
        "defaultConfiguration": {"level": LEVELS[info.severity]},
        "properties": {"tags": ["numcheck", info.category.value]},
    }


def _result(
    finding: Finding, index: int, sources: dict[str, str], context: ReportContext
) -> dict[str, Any]:
    lead, *others = context.ordered(finding)
    related = []
    links = []
    for number, other in enumerate(others, start=1):
        where = sources.get(other.document, other.document)
        location = _physical(other, sources, context)
        location["id"] = number
        location["message"] = {"text": f"{other.quote!r} in {where}"}
        related.append(location)
        links.append(f"[{other.quote}]({number})")
    text = finding.message
    if links:
        text += " (see " + ", ".join(links) + ")"
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [_physical(lead, sources, context)],
        "partialFingerprints": {FINGERPRINT: finding.id},
        "properties": {
            "category": finding.category.value,
            "explanation": finding.explanation,
            "caveats": list(finding.caveats),
        },
    }
    if related:
        result["relatedLocations"] = related
    return result


def sarif_log(report: Report, context: ReportContext | None = None) -> dict[str, Any]:
    """The SARIF log as a dict (one run)."""
    context = context or ReportContext()
    sources = document_sources(report)
    rules = list(context.rules)
    for finding in report.findings:  # a report made without its rule pack still validates
        if all(r.id != finding.rule for r in rules):
            rules.append(RuleInfo(finding.rule, finding.rule, severity=finding.severity))
    index = {r.id: i for i, r in enumerate(rules)}
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{d.source}: {d.error}"},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(d.source, context)}}],
        }
        for d in report.documents
        if d.status == "error"
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "numcheck",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(r) for r in rules],
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": context.root.as_uri().rstrip("/") + "/"}},
        "columnKind": "utf16CodeUnits",
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
        ],
        "results": [_result(f, index[f.rule], sources, context) for f in report.findings],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report, context: ReportContext | None = None) -> str:
    return json.dumps(sarif_log(report, context), indent=2, ensure_ascii=False) + "\n"
