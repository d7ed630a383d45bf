"""One run for the API and the CLI: the same inputs and options give the same findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import numcheck
from numcheck.cli import main
from numcheck.run import InputError

Capsys = pytest.CaptureFixture[str]
IGNORE = "<!-- numcheck: ignore[value-conflict] the council revised the count -->\n"
SECOND = "---\nid: second\npublished: 2024-03-06\n---\nThe flood destroyed 400 homes.\n"


def cli_ids(args: list[str], capsys: Capsys) -> list[str]:
    main(["check", *args, "--format", "json"])
    return [f["id"] for f in json.loads(capsys.readouterr().out)["findings"]]


def test_api_and_cli_give_the_same_findings(newsroom: Path, capsys: Capsys) -> None:
    (newsroom / "drafts" / "e.md").write_text(SECOND, encoding="utf-8")
    config = newsroom / "numcheck.toml"
    config.write_text('[severity]\nvalue-conflict = "error"\n', encoding="utf-8")
    from_cli = cli_ids(["drafts", "--against", "archive", "--config", str(config)], capsys)
    report = numcheck.check(["drafts"], against=["archive"], config=config)
    assert len(from_cli) == 3  # d and e against the archive, d against e
    assert [f.id for f in report.findings] == from_cli
    assert {f.severity.value for f in report.findings} == {"error"}


def test_api_honours_ignore_comments_as_the_cli_does(newsroom: Path, capsys: Capsys) -> None:
    draft = newsroom / "drafts" / "d.md"
    head, body = draft.read_text(encoding="utf-8").rsplit("---\n", 1)
    draft.write_text(head + "---\n" + IGNORE + body, encoding="utf-8")
    assert cli_ids(["drafts", "--against", "archive", "--no-config"], capsys) == []
    assert numcheck.check(["drafts"], against=["archive"]).findings == ()


def test_api_honours_a_baseline_as_the_cli_does(newsroom: Path, capsys: Capsys) -> None:
    baseline = newsroom / "accepted.json"
    main(["check", "drafts", "--against", "archive", "--write-baseline", str(baseline)])
    capsys.readouterr()
    (newsroom / "drafts" / "e.md").write_text(SECOND, encoding="utf-8")
    new = cli_ids(["drafts", "--against", "archive", "--baseline", str(baseline)], capsys)
    report = numcheck.check(["drafts"], against=["archive"], baseline=baseline)
    assert len(new) == 2  # e against the archive and against d; d's old one is accepted
    assert [f.id for f in report.findings] == new


def test_api_raises_on_a_path_that_does_not_exist(newsroom: Path) -> None:
    with pytest.raises(InputError, match="The flood destroyed"):
        numcheck.check("The flood destroyed 310 homes.")


def test_text_enters_a_check_through_document(newsroom: Path) -> None:
    draft = numcheck.document(
        "---\npublished: 2024-03-05\ntitle: Flood\n---\nThe flood destroyed 310 homes.\n",
        id="draft",
        format="md",
    )
    assert (draft.published, draft.title, draft.text.strip()) == (
        numcheck.document("x", published="2024-03-05").published,
        "Flood",
        "The flood destroyed 310 homes.",
    )
    report = numcheck.check([draft], against=["archive"])
    assert [f.rule for f in report.findings] == ["value-conflict"]
