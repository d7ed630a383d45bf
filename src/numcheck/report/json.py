"""The JSON report: the contract scripts outside the project rely on (version 1)."""

from __future__ import annotations

import json

from numcheck.findings import Report
from numcheck.report.context import ReportContext


def render_json(report: Report, context: ReportContext | None = None) -> str:
    """The report as it is: the context changes nothing, so the contract cannot drift."""
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
