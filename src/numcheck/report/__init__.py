"""Report formats, one module each; ``render`` picks one by name."""

from __future__ import annotations

from collections.abc import Callable

from numcheck.findings import Report
from numcheck.report.context import ReportContext, RuleInfo
from numcheck.report.github import render_github
from numcheck.report.html import render_html
from numcheck.report.json import render_json
from numcheck.report.sarif import render_sarif
from numcheck.report.text import render_text

Renderer = Callable[[Report, ReportContext], str]

FORMATS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "html": render_html,
}


def render(report: Report, format: str, context: ReportContext | None = None) -> str:
    try:
        renderer = FORMATS[format]
    except KeyError:
        raise ValueError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}") from None
    return renderer(report, context or ReportContext())


__all__ = ["FORMATS", "ReportContext", "RuleInfo", "render"]
