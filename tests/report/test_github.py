"""GitHub workflow commands: escaping GitHub needs, and the ten-per-type limit."""

from __future__ import annotations

from newsroom import sample_finding, sample_report
from numcheck.findings import Severity
from numcheck.report.github import command, escape_data, escape_property, render_github


def test_message_escapes_percent_and_line_breaks() -> None:
    assert escape_data("50% up\r\nsince: May, 2024") == "50%25 up%0D%0Asince: May, 2024"


def test_property_also_escapes_colon_and_comma() -> None:
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_command_layout() -> None:
    line = command("warning", "two: figures", file="drafts/a,b.md", line=3, col=7)
    assert line == "::warning file=drafts/a%2Cb.md,line=3,col=7::two: figures"


def test_annotation_for_a_finding_names_the_draft() -> None:
    report = sample_report(
        sample_finding(0, message="100% sure\nno"),
        sources={"draft": "drafts/x:y.md", "archive": "archive/a.md"},
    )
    first = render_github(report).splitlines()[0]
    assert first.startswith("::warning file=drafts/x%3Ay.md,line=1,col=5,")
    assert "::100%25 sure%0Ano" in first


def test_more_than_ten_per_type_are_summarized() -> None:
    findings = [sample_finding(i, Severity.WARNING) for i in range(14)]
    findings.append(sample_finding(99, Severity.ERROR))
    out = render_github(sample_report(*findings)).splitlines()
    warnings = [line for line in out if line.startswith("::warning")]
    errors = [line for line in out if line.startswith("::error")]
    assert len(warnings) == 10 and len(errors) == 1
    assert "5 more numcheck warnings not annotated" in warnings[-1]
    # Every finding is still in the log as a plain line.
    assert sum(1 for line in out if ": warning [value-conflict]" in line) == 14


def test_info_is_a_notice() -> None:
    out = render_github(sample_report(sample_finding(0, Severity.INFO)))
    assert out.startswith("::notice ")
