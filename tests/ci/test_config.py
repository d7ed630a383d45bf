"""Configuration in pyproject.toml or numcheck.toml: settings, overrides, errors with location."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from numcheck.cli import main

Capsys = pytest.CaptureFixture[str]


def pyproject(root: Path, body: str) -> None:
    text = '[project]\nname = "desk"\n\n[tool.numcheck]\n' + body
    (root / "pyproject.toml").write_text(text, encoding="utf-8")


def test_archive_and_severity_from_pyproject(newsroom: Path, capsys: Capsys) -> None:
    pyproject(
        newsroom, 'archive = ["archive"]\n\n[tool.numcheck.severity]\nvalue-conflict = "info"\n'
    )
    assert main(["check", "drafts", "--format", "json"]) == 0  # info does not reach warning
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("value-conflict", "info")]


def test_command_line_overrides_config(newsroom: Path, capsys: Capsys) -> None:
    pyproject(newsroom, 'archive = ["archive"]\nfail-on = "never"\n')
    assert main(["check", "drafts"]) == 0
    assert main(["check", "drafts", "--fail-on", "error"]) == 1
    capsys.readouterr()


def test_config_found_in_a_parent_folder(newsroom: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (newsroom / "numcheck.toml").write_text('archive = ["archive"]\n', encoding="utf-8")
    monkeypatch.chdir(newsroom / "drafts")
    assert main(["check", "d.md", "--format", "json", "-o", str(newsroom / "r.json")]) == 1


def test_disabled_rule_reports_nothing(newsroom: Path) -> None:
    (newsroom / "numcheck.toml").write_text(
        'archive = ["archive"]\ndisable = ["value-conflict"]\n', encoding="utf-8"
    )
    assert main(["check", "drafts"]) == 0


def test_show_hides_but_does_not_change_failure(newsroom: Path, capsys: Capsys) -> None:
    pyproject(newsroom, 'archive = ["archive"]\nseverity = { value-conflict = "warning" }\n')
    assert main(["check", "drafts", "--show", "error", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["findings"] == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('archive = ["archive"]\nfail-on = "loud"\n', "pyproject.toml:6: tool.numcheck.fail-on: "),
        ('fail_on = "error"\n', "pyproject.toml:5: tool.numcheck.fail_on: Extra inputs"),
        (
            "\n[tool.numcheck.severity]\nvalue-conflict = 3\n",
            "pyproject.toml:7: tool.numcheck.severity.value-conflict",
        ),
        (
            'disable = ["value-conflit"]\n',
            "pyproject.toml:5: tool.numcheck.disable: no rule 'value-conflit'",
        ),
        ('archive = ["a" "b"]\nshow = "info"\n', "pyproject.toml:5: invalid TOML"),
    ],
)
def test_invalid_config_is_one_line_with_file_line_and_key(
    newsroom: Path, capsys: Capsys, body: str, expected: str
) -> None:
    pyproject(newsroom, body)
    assert main(["check", "drafts"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("numcheck: error: ") and err.count("\n") == 1
    assert f"{newsroom / 'pyproject.toml'}"[: -len("pyproject.toml")] in err
    assert expected in err


def test_explicit_missing_config_is_an_error(newsroom: Path, capsys: Capsys) -> None:
    assert main(["check", "drafts", "--config", "nope.toml"]) == 2
    assert "nope.toml: no such configuration file" in capsys.readouterr().err


def test_rule_folder_from_config_with_enable_and_disable(newsroom: Path, capsys: Capsys) -> None:
    house = newsroom / "house"
    house.mkdir()
    bundled = (Path(__file__).resolve().parents[2] / "rules" / "value-conflict.yaml").read_text(
        encoding="utf-8"
    )
    (house / "homes.yaml").write_text(
        bundled.replace("id: value-conflict", "id: homes-conflict") + "enabled: false\n",
        encoding="utf-8",
    )
    (newsroom / "numcheck.toml").write_text(
        'rules = ["house"]\narchive = ["archive"]\nenable = ["homes-conflict"]\n'
        '[severity]\nhomes-conflict = "info"\n',
        encoding="utf-8",
    )
    assert main(["check", "drafts", "--format", "json", "--fail-on", "info"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("homes-conflict", "info")]
