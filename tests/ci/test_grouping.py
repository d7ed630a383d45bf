"""One draft figure, one finding, whatever the number of archive claims it disagrees with."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from numcheck.cli import main

Capsys = pytest.CaptureFixture[str]


def archive_article(folder: Path, day: str, homes: int) -> None:
    (folder / f"{day}.md").write_text(
        f"---\nid: a-{day}\npublished: {day}\n---\nThe flood destroyed {homes} homes.\n",
        encoding="utf-8",
    )


def findings(capsys: Capsys) -> list[dict[str, Any]]:
    assert main(["check", "drafts", "--against", "archive", "--format", "json"]) == 1
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["findings"]
    return found


def test_archive_claims_group_under_the_draft_figure(newsroom: Path, capsys: Capsys) -> None:
    archive = newsroom / "archive"
    (archive / "a.md").unlink()
    for day, homes in (("2024-03-03", 150), ("2024-03-01", 120), ("2024-03-02", 200)):
        archive_article(archive, day, homes)
    [finding] = findings(capsys)
    assert [e["document"] for e in finding["evidence"]] == [
        "draft",
        "a-2024-03-01",
        "a-2024-03-02",
        "a-2024-03-03",
    ]
    assert "(and 2 more archive claims)" in finding["message"]
    archive_article(archive, "2024-03-04", 90)  # one more archive article disagrees
    [again] = findings(capsys)
    assert again["id"] == finding["id"] and len(again["evidence"]) == 5


def test_a_lone_pair_keeps_its_pair_id(newsroom: Path, capsys: Capsys) -> None:
    [finding] = findings(capsys)
    assert [e["document"] for e in finding["evidence"]] == ["draft", "archive"]
    assert main(["check", "archive", "--against", "drafts", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["findings"][0]["id"] == finding["id"]
