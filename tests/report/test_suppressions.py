"""Inline ignore comments: they silence the finding next to them, and say when they do not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsroom import ARCHIVE
from numcheck.cli import main

HEAD = "---\nid: draft\npublished: 2024-03-05\n---\n"
IGNORE = "<!-- numcheck: ignore[value-conflict] count revised by the council -->"
CONFLICT = "The flood destroyed 310 homes."
Capsys = pytest.CaptureFixture[str]


def run(tmp_path: Path, name: str, body: str, capsys: Capsys) -> tuple[int, Any]:
    (tmp_path / "archive").mkdir(exist_ok=True)
    (tmp_path / "archive" / "a.md").write_text(ARCHIVE, encoding="utf-8")
    draft = tmp_path / name
    draft.write_text(body, encoding="utf-8")
    code = main(
        [
            "check",
            str(draft),
            "--against",
            str(tmp_path / "archive"),
            "--format",
            "json",
            "--no-config",
        ]
    )
    return code, json.loads(capsys.readouterr().out)


def rules(report: Any) -> list[str]:
    return [f["rule"] for f in report["findings"]]


def test_markdown_comment_before_the_paragraph_silences_its_finding(
    tmp_path: Path, capsys: Capsys
) -> None:
    body = HEAD + IGNORE + "\n\nThe flood\ndestroyed 310 homes.\n"
    code, report = run(tmp_path, "d.md", body, capsys)
    assert (code, rules(report)) == (0, [])


def test_comment_on_the_same_line_silences(tmp_path: Path, capsys: Capsys) -> None:
    body = (
        HEAD + "The flood destroyed 310 homes. <!-- numcheck: ignore[value-conflict] revised -->\n"
    )
    assert run(tmp_path, "d.md", body, capsys)[1]["findings"] == []


def test_comment_a_paragraph_away_does_not_silence_and_is_reported(
    tmp_path: Path, capsys: Capsys
) -> None:
    body = HEAD + IGNORE + "\nA first paragraph.\n\n" + CONFLICT + "\n"
    code, report = run(tmp_path, "d.md", body, capsys)
    assert code == 1
    assert sorted(rules(report)) == ["unused-suppression", "value-conflict"]
    unused = next(f for f in report["findings"] if f["rule"] == "unused-suppression")
    assert unused["severity"] == "warning"
    assert (unused["evidence"][0]["line"], unused["evidence"][0]["column"]) == (5, 1)


def test_comment_for_another_rule_does_not_silence(tmp_path: Path, capsys: Capsys) -> None:
    body = HEAD + "<!-- numcheck: ignore[weekday-mismatch] -->\nThe flood destroyed 310 homes.\n"
    assert sorted(rules(run(tmp_path, "d.md", body, capsys)[1])) == [
        "unused-suppression",
        "value-conflict",
    ]


def test_html_comment(tmp_path: Path, capsys: Capsys) -> None:
    body = f"<html><body>{IGNORE}\n<p>{CONFLICT}</p></body></html>\n"
    _, report = run(tmp_path, "d.html", body, capsys)
    assert rules(report) == []


def test_plain_text_line_form(tmp_path: Path, capsys: Capsys) -> None:
    body = "numcheck: ignore[value-conflict] revised\nThe flood destroyed 310 homes.\n"
    _, report = run(tmp_path, "d.txt", body, capsys)
    assert rules(report) == []
    body = "# numcheck: ignore[value-conflict] revised\n\nNothing to count.\n"
    _, report = run(tmp_path, "e.txt", body, capsys)
    assert rules(report) == ["unused-suppression"]


def test_unused_suppression_can_be_disabled(tmp_path: Path, capsys: Capsys) -> None:
    (tmp_path / "numcheck.toml").write_text('disable = ["unused-suppression"]\n', encoding="utf-8")
    (tmp_path / "d.md").write_text(
        HEAD + "<!-- numcheck: ignore[value-conflict] -->\nNo numbers.\n", encoding="utf-8"
    )
    assert (
        main(
            [
                "check",
                str(tmp_path / "d.md"),
                "--config",
                str(tmp_path / "numcheck.toml"),
                "--format",
                "json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_star_silences_every_rule(tmp_path: Path, capsys: Capsys) -> None:
    body = HEAD + "<!-- numcheck: ignore[weekday-mismatch, *] -->\n" + CONFLICT + "\n"
    assert rules(run(tmp_path, "d.md", body, capsys)[1]) == []


def test_comment_naming_an_unknown_rule_says_so(tmp_path: Path, capsys: Capsys) -> None:
    typo = "<!-- numcheck: ignore[value-conflict, value-conflcit] revised -->"
    body = HEAD + f"The flood destroyed 310 homes. {typo}\n"
    code, report = run(tmp_path, "d.md", body, capsys)
    assert rules(report) == ["unused-suppression"]  # the real id still silences its finding
    assert "names no rule numcheck has: 'value-conflcit'" in report["findings"][0]["message"]
    assert code == 1
