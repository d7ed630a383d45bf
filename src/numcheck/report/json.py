"""The JSON report: the contract scripts outside the project rely on (version 1)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from numcheck.findings import Report
from numcheck.report.context import ReportContext

_NO_FINDINGS = '\n  "findings": []'


def json_pieces(report: Report) -> Iterator[str]:
    """The report's JSON text in pieces, one finding at a time.

    Serialized by pydantic straight to text, the same text ``json.dumps`` of the dumped
    report gives with ``indent=2`` (a test holds them equal), without ever building the
    whole: a batch of 10,000 documents has 200,000 findings, and their dictionaries, or
    the report as one string, held gigabytes at once.
    """
    head, found, tail = (
        report.model_copy(update={"findings": ()}).model_dump_json(indent=2).partition(_NO_FINDINGS)
    )
    assert found, "the report's findings field moved"
    if not report.findings:
        yield head + found + tail + "\n"
        return
    yield head + '\n  "findings": ['
    for i, finding in enumerate(report.findings):
        yield (
            ("," if i else "")
            + "\n    "
            + finding.model_dump_json(indent=2).replace("\n", "\n    ")
        )
    yield "\n  ]" + tail + "\n"


def render_json(report: Report, context: ReportContext | None = None) -> str:
    """The report as it is: the context changes nothing, so the contract cannot drift."""
    return "".join(json_pieces(report))


def write_json(report: Report, stream: TextIO) -> None:
    """The report written to ``stream`` piece by piece (a large batch's report is never
    one string in memory)."""
    for piece in json_pieces(report):
        stream.write(piece)
