"""Summaries that add up: what --show hid, what the baseline accepted, the rule phase."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from numcheck.cli import main
from numcheck.progress import MIN_DOCUMENTS, ProgressBar
from numcheck.run import RunOptions, run_check

Capsys = pytest.CaptureFixture[str]


def test_show_says_what_it_hid(newsroom: Path, capsys: Capsys) -> None:
    (newsroom / "numcheck.toml").write_text(
        'archive = ["archive"]\n[severity]\nvalue-conflict = "warning"\n', encoding="utf-8"
    )
    assert main(["check", "drafts", "--show", "error"]) == 1  # hidden still fails
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("0 shown of 1 finding (1 hidden by --show): 0 errors")
    assert main(["check", "drafts", "--show", "error", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["findings"] == []
    assert err == "numcheck: 0 shown of 1 finding (1 hidden by --show)\n"


def test_summary_counts_what_the_baseline_accepted(newsroom: Path, capsys: Capsys) -> None:
    baseline = newsroom / "accepted.json"
    args = ["check", "drafts", "--against", "archive", "--no-config"]
    assert main([*args, "--write-baseline", str(baseline)]) == 0
    assert "wrote 1 accepted findings" in capsys.readouterr().err
    assert main([*args, "--baseline", str(baseline)]) == 0
    assert (
        capsys.readouterr()
        .out.splitlines()[-1]
        .startswith("0 findings (1 accepted by the baseline)")
    )


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_covers_the_rule_phase(newsroom: Path) -> None:
    for i in range(MIN_DOCUMENTS):
        (newsroom / "drafts" / f"n{i}.txt").write_text(f"Item {i}.", encoding="utf-8")
    stream = Terminal()
    bar = ProgressBar.on_terminal(stream)
    options = RunOptions.from_config()
    run_check(["drafts"], ["archive"], options, progress=bar)
    drawn = stream.getvalue()
    total = MIN_DOCUMENTS + 2  # with drafts/d.md and archive/a.md
    assert f"{total}/{total} documents" in drawn
    rules = len(options.rules.enabled())
    assert f"{rules}/{rules} rules" in drawn
