"""SARIF as GitHub code scanning reads it: schema-valid, columns in UTF-16 code units."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsroom import sample_finding, sample_report
from numcheck.cli import main
from numcheck.report.sarif import FINGERPRINT, sarif_log, utf16_length

SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
# Curly quotes, an em dash and a character beyond the BMP (two UTF-16 units) before the number.
UNUSED = "<!-- numcheck: ignore[weekday-mismatch] no weekday here -->"
LINE = "“Water rose fast,” she said — 🌊 the flood destroyed 310 homes in the valley."


@pytest.fixture(scope="module")
def validator() -> Any:
    if not SCHEMA.is_file():
        pytest.skip(
            f"official SARIF schema not found at {SCHEMA}: ../shared lives beside the checkout"
        )
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


@pytest.fixture()
def sarif(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> dict[str, Any]:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "archive").mkdir()
    (tmp_path / "drafts" / "flood.md").write_text(
        f"---\nid: draft\npublished: 2024-03-05\n---\n# Flood\n\n{LINE}\n\n{UNUSED}\n",
        encoding="utf-8",
    )
    (tmp_path / "archive" / "flood.md").write_text(
        "---\nid: archive\npublished: 2024-03-04\n---\nThe flood destroyed 120 homes.\n",
        encoding="utf-8",
    )
    (tmp_path / "archive" / "broken.txt").write_bytes(b"\xff\xfe\xfa")
    monkeypatch.chdir(tmp_path)
    # An unreadable archive file fails the gate (exit 2), and the report still says why.
    assert main(["check", "drafts", "--against", "archive", "--format", "sarif"]) == 2
    return json.loads(capsys.readouterr().out)


def test_cli_sarif_is_valid_against_the_official_schema(
    sarif: dict[str, Any], validator: Any
) -> None:
    errors = sorted(validator.iter_errors(sarif), key=str)
    assert not errors, errors[0].message


def test_hand_made_report_is_valid_too(validator: Any) -> None:
    log = sarif_log(sample_report(sample_finding(0), sample_finding(1)))
    assert not list(validator.iter_errors(log))


def test_columns_count_utf16_code_units(sarif: dict[str, Any]) -> None:
    run = sarif["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    prefix = LINE[: LINE.index("310 homes")]
    assert region["startLine"] == 7
    assert region["startColumn"] == utf16_length(prefix) + 1 == len(prefix) + 2
    assert region["endColumn"] - region["startColumn"] == len("310 homes")
    assert region["snippet"]["text"] == "310 homes"


def test_result_points_at_the_draft_and_relates_the_archive(sarif: dict[str, Any]) -> None:
    run = sarif["runs"][0]
    result = run["results"][0]
    driver = run["tool"]["driver"]
    assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"] == "value-conflict"
    assert driver["rules"][result["ruleIndex"]]["help"]["text"]
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "drafts/flood.md", "uriBaseId": "%SRCROOT%"}
    related = result["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "archive/flood.md"
    assert "(1)" in result["message"]["text"]
    assert result["partialFingerprints"][FINGERPRINT].startswith("NC-")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_unreadable_file_becomes_a_notification(sarif: dict[str, Any]) -> None:
    invocation = sarif["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes] == [
        "archive/broken.txt"
    ]


def test_levels_follow_severity() -> None:
    from numcheck.findings import Severity

    log = sarif_log(
        sample_report(sample_finding(0, Severity.INFO), sample_finding(1, Severity.ERROR))
    )
    assert [r["level"] for r in log["runs"][0]["results"]] == ["note", "error"]


def test_unused_suppression_region_spans_the_comment(sarif: dict[str, Any]) -> None:
    result = sarif["runs"][0]["results"][1]
    assert result["ruleId"] == "unused-suppression" and result["level"] == "warning"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (9, 1)
    assert (region["endLine"], region["endColumn"]) == (9, len(UNUSED) + 1)
