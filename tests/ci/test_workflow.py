"""docs/ci.md's workflow and the pre-commit hook, run on a small repository of drafts.

The commands and the configuration are read from the docs and hook files themselves, so
the copy-paste workflow cannot drift from what numcheck accepts.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsroom import ARCHIVE
from numcheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
DOCS = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)

CONFLICT = "---\nid: flood\npublished: 2024-03-05\n---\nThe flood destroyed 310 homes.\n"
CLEAN = "---\nid: fair\npublished: 2024-03-05\n---\nThe fair drew a crowd.\n"


def blocks(language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(DOCS) if lang == language]


def workflow() -> dict[str, Any]:
    return next(yaml.safe_load(b) for b in blocks("yaml") if "jobs:" in b)


def numcheck_commands() -> list[list[str]]:
    steps = workflow()["jobs"]["numcheck"]["steps"]
    runs = [s["run"] for s in steps if str(s.get("run", "")).startswith("numcheck ")]
    return [shlex.split(run)[1:] for run in runs]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "2024-03-04-flood.md").write_text(ARCHIVE, encoding="utf-8")
    (tmp_path / "drafts" / "fair.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "numcheck.toml").write_text(blocks("toml")[0], encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "start")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_docs_workflow_has_the_commands_we_test() -> None:
    formats = [c[c.index("--format") + 1] for c in numcheck_commands()]
    assert formats == ["github", "sarif", "html"]
    uploads = [
        s for s in workflow()["jobs"]["numcheck"]["steps"] if "upload-sarif" in s.get("uses", "")
    ]
    assert uploads and uploads[0]["with"]["sarif_file"] == "numcheck.sarif"


def test_docs_workflow_on_a_clean_and_a_conflicting_pull_request(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    annotate, sarif, html = numcheck_commands()
    assert main(annotate) == 0
    (repo / "drafts" / "flood.md").write_text(CONFLICT, encoding="utf-8")
    assert main(annotate) == 1
    out = capsys.readouterr().out
    assert "::error file=drafts/flood.md,line=5,col=21," in out
    assert main(sarif) == 0 and main(html) == 0
    log = json.loads((repo / "numcheck.sarif").read_text(encoding="utf-8"))
    results = log["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results] == [
        "drafts/flood.md"
    ]
    assert "310 homes" in (repo / "numcheck.html").read_text(encoding="utf-8")


def test_pre_commit_hook_checks_changed_files_against_the_configured_archive(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert hook["require_serial"] is True
    (repo / "drafts" / "flood.md").write_text(CONFLICT, encoding="utf-8")
    git(repo, "add", ".")
    changed = git(repo, "diff", "--cached", "--name-only").split()
    files = [f for f in changed if re.search(hook["files"], f)]
    assert files == ["drafts/flood.md"]
    entry = shlex.split(hook["entry"])
    assert entry[0] == "numcheck"
    assert main([*entry[1:], *files]) == 1
    assert "drafts/flood.md:5:21: error [value-conflict]" in capsys.readouterr().out
    # An edited archive article is checked against the rest of the archive, not itself.
    assert main([*entry[1:], "archive/2024-03-04-flood.md"]) == 0


def test_action_uploads_sarif_and_propagates_the_exit_code() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    check = next(s for s in steps if s.get("id") == "check")
    assert "--format sarif" in check["run"] and "--format github" in check["run"]
    assert any("upload-sarif" in s.get("uses", "") for s in steps)
    assert steps[-1]["run"] == 'exit "$CODE"'
