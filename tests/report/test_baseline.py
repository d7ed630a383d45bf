"""Baselines: accept today's findings by id, fail only on new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsroom import DRAFT
from numcheck.cli import main

CHECK = ["check", "drafts", "--against", "archive", "--no-config"]


def test_round_trip(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*CHECK, "--write-baseline", "baseline.json"]) == 0
    written = json.loads((newsroom / "baseline.json").read_text(encoding="utf-8"))
    assert written["version"] == 1 and len(written["findings"]) == 1
    assert main([*CHECK, "--baseline", "baseline.json", "--format", "json"]) == 0
    capsys.readouterr()
    # Unrelated edits keep the id; a new conflicting figure fails again.
    (newsroom / "drafts" / "d.md").write_text(
        DRAFT.replace("The flood", "Officials said the flood")
        + "Later the flood destroyed 900 homes in the valley.\n",
        encoding="utf-8",
    )
    assert main([*CHECK, "--baseline", "baseline.json", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    quotes = [sorted(e["quote"] for e in f["evidence"]) for f in report["findings"]]
    assert quotes == [["120 homes", "900 homes"]]


def test_malformed_baseline_is_an_error_naming_it(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (newsroom / "baseline.json").write_text("{not json", encoding="utf-8")
    assert main([*CHECK, "--baseline", "baseline.json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("numcheck: error: baseline.json:1: baseline is not valid JSON")
    assert err.count("\n") == 1


def test_missing_baseline_is_an_error(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*CHECK, "--baseline", "nope.json"]) == 2
    assert "nope.json: cannot read baseline" in capsys.readouterr().err
