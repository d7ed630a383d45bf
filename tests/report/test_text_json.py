"""The text report's colour rules, and the JSON contract that must not move."""

from __future__ import annotations

import io
import json

import pytest

import numcheck
from newsroom import CONTRACT_EVIDENCE, CONTRACT_FINDING, sample_finding, sample_report
from numcheck.report import ReportContext, render
from numcheck.report.context import stream_wants_color
from numcheck.report.json import render_json, write_json


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_when_asked() -> None:
    report = sample_report(sample_finding(0))
    plain = render(report, "text", ReportContext())
    coloured = render(report, "text", ReportContext(color=True))
    assert "\x1b[" not in plain and "\x1b[" in coloured
    assert "»100 homes«" in plain


def test_terminal_wants_colour_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert stream_wants_color(Terminal()) and not stream_wants_color(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not stream_wants_color(Terminal())


def test_json_is_the_contract_whatever_the_context() -> None:
    report = sample_report(sample_finding(0))
    assert render(report, "json", ReportContext(color=True)) == render_json(report)
    data = json.loads(render_json(report))
    assert set(data) == {"version", "documents", "findings"} and data["version"] == 2
    assert set(data["documents"][0]) == {"id", "source", "published", "status", "error"}
    assert set(data["findings"][0]) >= CONTRACT_FINDING
    assert set(data["findings"][0]["evidence"][0]) >= CONTRACT_EVIDENCE


def test_json_text_is_the_dumped_report_as_json_dumps_writes_it() -> None:
    """Serialized without intermediate dictionaries, the text is still the one
    ``json.dumps`` of the dumped report gives: no consumer sees the change."""
    report = numcheck.check(
        [
            numcheck.document(
                f"The flood destroyed {homes} homes in the São Tomé valley — {km} km wide.",
                id=f"report-{day}",
                published=f"2024-03-0{day}",
            )
            for day, homes, km in ((4, 120, 2.5), (5, 310, 7.25))
        ]
    )
    assert report.findings
    for shown in (report, report.model_copy(update={"findings": ()})):
        expected = json.dumps(shown.model_dump(mode="json"), indent=2, ensure_ascii=False)
        assert render_json(shown) == expected + "\n"
        stream = io.StringIO()
        write_json(shown, stream)
        assert stream.getvalue() == expected + "\n"
