"""Issue 13: one bad field or line is that document's error; the rest is checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from numcheck.documents import DocumentError, load_metadata, load_paths
from numcheck.documents.load import load_file


def _statuses(folder: Path) -> dict[str, str | None]:
    result = load_paths([folder])
    return {s.source.removeprefix(str(folder) + "/"): s.error for s in result.statuses}


def _story(front: str) -> str:
    return f"---\n{front}\n---\nFive people were hurt.\n"


@pytest.mark.parametrize(
    ("front", "error"),
    [
        ("published: 2024-02-30", "line 2: invalid value '2024-02-30'"),
        ("url: [a, b]", "url: Input should be a valid string"),
        ("a: &a [1, 2]\nb: *a", "anchors"),
        ("a: " + "[" * 30_000, "nested more than 64 levels"),
        ("title: A\ntitle: B", "line 3: duplicate key 'title'"),
        ("- a list", "front matter must be a mapping"),
    ],
)
def test_issue13_bad_front_matter_field(tmp_path: Path, front: str, error: str) -> None:
    (tmp_path / "bad.md").write_text(_story(front), encoding="utf-8")
    (tmp_path / "good.md").write_text(_story("published: 2024-02-01"), encoding="utf-8")
    statuses = _statuses(tmp_path)
    assert statuses["good.md"] is None
    assert error in (statuses["bad.md"] or "")


def test_issue13_numeric_title_is_text(tmp_path: Path) -> None:
    (tmp_path / "film.md").write_text(_story("title: 1917"), encoding="utf-8")
    (doc,) = load_paths([tmp_path]).documents
    assert doc.title == "1917"


def test_issue13_jsonl_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "numeric-title", "title": 5, "text": "3 people"}).encode(),
        b'{"id": "bad-byte", "text": "3 \xff people"}',
        b'{"id": "huge", "value": ' + b"9" * 5000 + b', "text": "x"}',
        b"[" * 30_000 + b"]" * 30_000,
        json.dumps({"id": "fine", "text": "Four people died."}).encode(),
        json.dumps({"id": "bad-url", "url": ["a"], "text": "x"}).encode(),
    ]
    (tmp_path / "wire.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    result = load_paths([tmp_path])
    assert [d.id for d in result.documents] == ["numeric-title", "fine"]
    errors = {s.source.rsplit(":", 1)[1]: s.error for s in result.statuses if s.error}
    assert set(errors) == {"2", "3", "4", "6"}
    assert "not UTF-8" in (errors["2"] or "")
    assert "4300 digits" in (errors["3"] or "")


def test_issue13_dangling_symlink_is_reported(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "here.txt").write_text("Five people.", encoding="utf-8")
    statuses = _statuses(tmp_path)
    assert statuses["here.txt"] is None
    assert "cannot read" in (statuses["gone.txt"] or "")


def test_issue13_vanished_input_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "deleted.txt"  # listed, then deleted before it is read
    result = load_file(path)
    assert [s.status for s in result.statuses] == ["error"]


def test_issue13_document_too_large(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text("Five people. " * 100, encoding="utf-8")
    result = load_file(path, max_bytes=1000)
    assert not result.documents
    assert "too large" in (result.statuses[0].error or "")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("a: &a [1]\nb: *a\n", ":1: anchors"),
        ("a.md:\n  title: A\na.md:\n  title: B\n", ":3: duplicate key"),
        ("a.md: [1, 2]\n", ":1: metadata for 'a.md' must be a mapping"),
        ("- a.md\n", ":1: a metadata row must be a mapping"),
        ("a.md:\n  published: 2024-13-01\n", ":2: invalid value"),
    ],
)
def test_issue13_bad_meta_file(tmp_path: Path, text: str, error: str) -> None:
    path = tmp_path / "meta.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DocumentError) as raised:
        load_metadata(path)
    assert str(raised.value).startswith(f"{path}:") and error in str(raised.value)
