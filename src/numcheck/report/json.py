"""The JSON report: the contract scripts outside the project rely on (version 1)."""

from __future__ import annotations

from numcheck.findings import Report
from numcheck.report.context import ReportContext


def render_json(report: Report, context: ReportContext | None = None) -> str:
    """The report as it is: the context changes nothing, so the contract cannot drift.

    Serialized by pydantic straight to JSON text, the same text ``json.dumps`` of the
    dumped dictionaries gives (a test holds them equal), without building those
    dictionaries: a batch report of 200,000 findings held them all in memory at once.
    """
    return report.model_dump_json(indent=2) + "\n"
