"""Folder walks read documents, not a repository's tooling, ignored files or the archive."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from numcheck.documents.select import Selection, selected_files


def tree(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("The flood destroyed 310 homes.\n", encoding="utf-8")


def found(root: Path, selection: Selection | None = None) -> list[str]:
    return [p.relative_to(root).as_posix() for p in selected_files([root], selection)]


def test_hidden_and_tooling_folders_are_skipped(tmp_path: Path) -> None:
    tree(
        tmp_path,
        "drafts/a.md",
        ".git/COMMIT_EDITMSG.txt",
        ".venv/lib/site.txt",
        "node_modules/pkg/README.md",
        "__pycache__/x.txt",
        ".notes.md",
        "drafts/b.txt",
    )
    assert found(tmp_path) == ["drafts/a.md", "drafts/b.txt"]


def test_gitignore_is_honoured_in_a_repository(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("scratch/\n*.tmp.md\n", encoding="utf-8")
    tree(tmp_path, "drafts/a.md", "drafts/old.tmp.md", "scratch/b.md", "drafts/sub/c.md")
    (tmp_path / "drafts" / "sub" / ".gitignore").write_text("c.md\n", encoding="utf-8")
    assert found(tmp_path / "drafts") == ["a.md"]
    assert found(tmp_path, Selection(respect_gitignore=False)) == [
        "drafts/a.md",
        "drafts/old.tmp.md",
        "drafts/sub/c.md",
        "scratch/b.md",
    ]


def test_exclude_replaces_and_extend_exclude_adds(tmp_path: Path) -> None:
    tree(tmp_path, "drafts/a.md", "drafts/embargoed/b.md", "build/c.md")
    assert found(tmp_path, Selection(extend_exclude=("embargoed",), base=tmp_path)) == [
        "drafts/a.md"
    ]
    assert found(tmp_path, Selection(exclude=("drafts/a.md",), base=tmp_path)) == [
        "build/c.md",
        "drafts/embargoed/b.md",
    ]


def test_a_file_named_explicitly_is_always_read(tmp_path: Path) -> None:
    tree(tmp_path, "node_modules/x.md")
    named = tmp_path / "node_modules" / "x.md"
    assert list(selected_files([named])) == [named]


def test_real_git_agrees_on_what_is_ignored(tmp_path: Path) -> None:
    if subprocess.run(["git", "--version"], capture_output=True).returncode != 0:
        pytest.skip("git not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("/out\n!keep.md\n*.md\n", encoding="utf-8")
    tree(tmp_path, "out/a.txt", "keep.md", "drop.md", "notes.txt", "sub/out/b.txt")
    listed = subprocess.run(
        ["git", "-C", str(tmp_path), "ls-files", "--others", "--exclude-standard"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert found(tmp_path) == sorted(p for p in listed if not p.startswith("."))
