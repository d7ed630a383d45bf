"""The command-line contract scripts rely on: output formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsroom import CONTRACT_EVIDENCE, CONTRACT_FINDING
from numcheck.cli import main

ARCHIVE = (
    "---\nid: archive-1\npublished: 2024-03-04\n---\nThe flood destroyed 120 homes in the valley.\n"
)
DRAFT = (
    "---\nid: draft-1\npublished: 2024-03-05\n---\nThe flood destroyed 310 homes in the valley.\n"
)


@pytest.fixture()
def newsroom(tmp_path: Path) -> Path:
    (tmp_path / "archive").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "archive" / "a.md").write_text(ARCHIVE, encoding="utf-8")
    (tmp_path / "drafts" / "d.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def test_extract_jsonl_carries_the_contract_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("At least two people were killed on January 3, 2020.", encoding="utf-8")
    assert main(["extract", str(path), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    text = path.read_text(encoding="utf-8")
    for record in records:
        assert text[record["start"] : record["end"]] == record["quote"]
        assert {"document", "start", "end", "quote", "kind"} <= record.keys()
    count = next(r for r in records if r["kind"] == "count")
    assert (count["low"], count["high"], count["stated"]) == (2, None, 2)
    assert count["qualifier"] == "at-least" and count["unit"] is None and "measure" in count
    date = next(r for r in records if r["kind"] == "date")
    assert date["timex"] == "2020-01-03"


def test_check_against_archive_fails_on_conflict(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "check",
            str(newsroom / "drafts"),
            "--against",
            str(newsroom / "archive"),
            "--format",
            "json",
        ]
    )
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert report["version"] == 1
    assert {d["id"] for d in report["documents"]} == {"draft-1", "archive-1"}
    assert all(d["status"] == "checked" for d in report["documents"])
    finding = report["findings"][0]
    assert finding.keys() >= CONTRACT_FINDING
    evidence = finding["evidence"][0]
    assert evidence.keys() >= CONTRACT_EVIDENCE


def test_fail_on_levels(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", str(newsroom / "drafts"), "--against", str(newsroom / "archive")]
    assert main([*args, "--fail-on", "never"]) == 0
    assert main([*args, "--fail-on", "error"]) == 1
    capsys.readouterr()


def test_archive_findings_alone_do_not_fail_a_draft(newsroom: Path) -> None:
    (newsroom / "archive" / "b.md").write_text(
        DRAFT.replace("draft-1", "archive-2"), encoding="utf-8"
    )
    (newsroom / "drafts" / "d.md").write_text("Nothing to count here.\n", encoding="utf-8")
    assert main(["check", str(newsroom / "drafts"), "--against", str(newsroom / "archive")]) == 0


def test_text_report_points_at_file_line_column(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", str(newsroom / "drafts"), "--against", str(newsroom / "archive")])
    out = capsys.readouterr().out
    assert f"{newsroom / 'drafts' / 'd.md'}:5:21: error [value-conflict]" in out
    assert "»310 homes«" in out


def test_bad_rule_file_exits_2_with_file_and_line(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = newsroom / "bad.yaml"
    bad.write_text("id: x\ncheck: value-conflict\nseverity: loud\nsummary: s\n", encoding="utf-8")
    assert main(["check", str(newsroom / "drafts"), "--rules", str(bad)]) == 2
    assert f"{bad}:3:" in capsys.readouterr().err


def test_unreadable_document_is_reported_not_dropped(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "drafts" / "broken.txt").write_bytes(b"\xff\xfe\xfa")
    main(["check", str(newsroom / "drafts"), "--format", "json", "--fail-on", "never"])
    report = json.loads(capsys.readouterr().out)
    statuses = {Path(d["source"]).name: d["status"] for d in report["documents"]}
    assert statuses == {"broken.txt": "error", "d.md": "checked"}


@pytest.mark.parametrize("which", ["claims", "report", "rules"])
def test_schema_prints_json_schema(which: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", which]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].startswith("https://json-schema.org/")


def test_readme_usage_matches_the_parser() -> None:
    """Every option argparse takes is in the README's usage block, and nothing else is."""
    import argparse
    import re

    from numcheck.cli import _parser

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    usage = readme.split("## Use\n", 1)[1].split("```\n", 2)[1]
    documented: dict[str, set[str]] = {}
    command = ""
    for line in usage.splitlines():
        words = line.split()
        if words[:1] == ["numcheck"]:  # a new command; "numcheck --version" is the main parser
            command = "" if words[1].startswith("-") else words[1]
        documented.setdefault(command, set()).update(re.findall(r"--[a-z][a-z-]*", line))
    parser = _parser()
    subparsers = next(
        a for a in parser._actions if isinstance(a, argparse._SubParsersAction)
    ).choices
    for name, sub in [("", parser), *subparsers.items()]:
        options = {
            o
            for a in sub._actions
            for o in a.option_strings
            if o.startswith("--") and o != "--help"
        }
        assert documented.get(name) == options, name
