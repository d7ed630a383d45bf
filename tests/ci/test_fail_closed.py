"""A gate never says "passed" when it did not look: unreadable inputs and empty selections.

Before, a draft that could not be read gave exit 0: pre-commit printed "Passed" and the
GitHub format printed ``::error`` and exited 0.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom import DRAFT
from numcheck.cli import main

Capsys = pytest.CaptureFixture[str]
FORMATS = ["text", "json", "sarif", "github", "html"]
BROKEN = {
    "latin1.md": "---\nid: x\n---\nLe d\xe9luge a d\xe9truit 310 maisons.\n".encode("latin-1"),
    "binary.txt": b"\x00\x01\x02binary\x00",
    "front.md": b"---\nid: [unclosed\n---\nThe flood destroyed 310 homes.\n",
    "impossible.md": b"---\nid: x\npublished: 2024-02-30\n---\nThe flood destroyed 310 homes.\n",
    "notadate.md": b"---\nid: x\npublished: next Tuesday\n---\nThe flood destroyed 310 homes.\n",
}
REASONS = {
    "latin1.md": "not UTF-8",
    "binary.txt": "binary",
    "front.md": "front matter",
    "impossible.md": "front matter",
    "notadate.md": "published is not a date",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
@pytest.mark.parametrize("format", FORMATS)
def test_unreadable_draft_is_exit_2_in_every_format(
    newsroom: Path, capsys: Capsys, name: str, format: str
) -> None:
    (newsroom / "drafts" / "d.md").unlink()
    (newsroom / "drafts" / "clean.md").write_text("The fair drew a crowd.\n", encoding="utf-8")
    (newsroom / "drafts" / name).write_bytes(BROKEN[name])
    assert main(["check", "drafts", "--format", format, "--no-config"]) == 2
    out, err = capsys.readouterr()
    said = out if format == "text" else err
    assert f"drafts/{name}" in said and REASONS[name] in said
    if format in ("json", "sarif", "html", "github"):
        assert f"{name}" in out  # the report itself lists the file too


def test_archives_may_opt_out(newsroom: Path, capsys: Capsys) -> None:
    (newsroom / "archive" / "old.txt").write_bytes(b"\xff\xfe")
    args = ["check", "drafts", "--against", "archive", "--fail-on", "never"]
    assert main([*args, "--no-config"]) == 2
    assert main([*args, "--no-config", "--no-fail-on-unreadable"]) == 0
    (newsroom / "numcheck.toml").write_text("fail-on-unreadable = false\n", encoding="utf-8")
    assert main(args) == 0
    assert "archive/old.txt: error: not UTF-8" in capsys.readouterr().out


def test_an_empty_selection_is_exit_2(newsroom: Path, capsys: Capsys) -> None:
    (newsroom / "empty").mkdir()
    (newsroom / "empty" / "notes.docx").write_bytes(b"PK")
    assert main(["check", "empty", "--no-config"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("numcheck: error: no documents to check: empty (looked for ")


def test_walking_the_repository_skips_tooling_and_the_archive(
    newsroom: Path, capsys: Capsys
) -> None:
    (newsroom / "numcheck.toml").write_text('archive = ["archive"]\n', encoding="utf-8")
    for folder in (".git", ".venv/lib", "node_modules/x"):
        (newsroom / folder).mkdir(parents=True)
        (newsroom / folder / "junk.txt").write_bytes(b"\xff binary \x00")
    (newsroom / "vendor").mkdir()
    (newsroom / "vendor" / "copy.md").write_text(DRAFT, encoding="utf-8")
    (newsroom / ".gitignore").write_text("vendor/\n", encoding="utf-8")
    assert main(["check", ".", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    sources = sorted(
        Path(d["source"]).resolve().relative_to(newsroom.resolve()).as_posix()
        for d in report["documents"]
    )
    assert sources == ["archive/a.md", "drafts/d.md"]  # the archive is read as the archive
    assert {e["document"] for e in report["findings"][0]["evidence"]} == {"draft", "archive"}


def test_exclude_on_the_command_line_and_in_the_config(newsroom: Path, capsys: Capsys) -> None:
    (newsroom / "drafts" / "embargoed").mkdir()
    (newsroom / "drafts" / "embargoed" / "e.txt").write_bytes(b"\xff")
    assert main(["check", "drafts", "--no-config"]) == 2
    assert main(["check", "drafts", "--no-config", "--exclude", "embargoed/"]) == 0
    (newsroom / "numcheck.toml").write_text('extend-exclude = ["drafts/embargoed"]\n')
    assert main(["check", "drafts"]) == 0
    capsys.readouterr()


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        capture_output=True,
        text=True,
    )


def test_pre_commit_fails_on_an_unreadable_draft(tmp_path: Path) -> None:
    """The real pre-commit, with the hook definition of .pre-commit-hooks.yaml."""
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    numcheck = shutil.which("numcheck", path=str(Path(sys.executable).parent))
    if pre_commit is None or numcheck is None or shutil.which("git") is None:
        pytest.skip("pre-commit (a dev dependency), the numcheck script or git not installed")
    import yaml

    root = Path(__file__).resolve().parents[2]
    hook = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    entry = hook["entry"].replace("numcheck", numcheck, 1)
    local = {**hook, "entry": entry, "language": "system"}
    local.pop("minimum_pre_commit_version")
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (tmp_path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "fair.md").write_text("The fair drew a crowd.\n", encoding="utf-8")
    (tmp_path / "drafts" / "broken.md").write_bytes(BROKEN["latin1.md"])
    assert git(tmp_path, "init", "-q").returncode == 0
    git(tmp_path, "add", ".")
    env_home = {"PRE_COMMIT_HOME": str(tmp_path / ".cache"), "HOME": str(tmp_path)}
    result = subprocess.run(
        [pre_commit, "run", "--all-files"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**env_home, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout and "Passed" not in result.stdout
    assert "drafts/broken.md" in result.stdout and "not UTF-8" in result.stdout
    (tmp_path / "drafts" / "broken.md").unlink()
    git(tmp_path, "add", "-A")
    again = subprocess.run(
        [pre_commit, "run", "--all-files"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**env_home, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )
    assert again.returncode == 0 and "Passed" in again.stdout, again.stdout
