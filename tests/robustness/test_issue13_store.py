"""Issue 13: a damaged, empty, locked or incomplete claim store is refused plainly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from numcheck.cli import main
from numcheck.rules.load import load_rules
from numcheck.store import ClaimStore, StoreError
from numcheck.store import sqlite as store_sqlite
from numcheck.store.index import index_paths

STORY = "Rebels attacked the base 110 times, officials said on Friday, January 5, 2024.\n"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    for n in range(3):
        (folder / f"story-{n}.txt").write_text(STORY, encoding="utf-8")
    return folder


@pytest.fixture
def store(tmp_path: Path, archive: Path) -> Path:
    path = tmp_path / "claims.sqlite"
    assert main(["index", str(archive), "--store", str(path), "--no-config"]) == 0
    return path


def _check(store: Path, tmp_path: Path) -> int:
    draft = tmp_path / "draft.txt"
    draft.write_text("Rebels attacked the base 300 times.\n", encoding="utf-8")
    return main(["check", str(draft), "--store", str(store), "--no-config"])


def test_issue13_sqlite_340_false_not_null_is_not_damage(store: Path, tmp_path: Path) -> None:
    # SQLite 3.40 reports NOT NULL violations in claim_keys that a SELECT disproves.
    with ClaimStore(store) as opened:
        assert opened.count("claim_keys") > 0
    assert _check(store, tmp_path) in (0, 1)


def test_issue13_corrupted_pages_are_exit_2_rebuild(
    store: Path, tmp_path: Path, archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with store.open("r+b") as raw:
        raw.seek(4096 * 2)
        raw.write(b"\xde\xad" * 2048)
    assert _check(store, tmp_path) == 2
    assert "re-index with --rebuild" in capsys.readouterr().err
    assert main(["index", str(archive), "--store", str(store), "--no-config"]) == 2
    assert "re-index with --rebuild" in capsys.readouterr().err
    assert main(["index", str(archive), "--store", str(store), "--rebuild", "--no-config"]) == 0
    assert _check(store, tmp_path) in (0, 1)


def test_issue13_empty_file_is_no_store_for_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    assert _check(empty, tmp_path) == 2
    assert "create it with numcheck index" in capsys.readouterr().err
    assert empty.stat().st_size == 0  # check did not turn it into a store


def test_issue13_store_missing_a_table(store: Path) -> None:
    db = sqlite3.connect(store)
    db.execute("DROP TABLE claim_keys")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match=r"missing table claim_keys.*--rebuild"):
        ClaimStore(store)


def test_issue13_locked_store_waits_then_says_so(store: Path, archive: Path) -> None:
    other = sqlite3.connect(store, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another index run is writing
    try:
        with (
            ClaimStore(store, lock_timeout=0.05) as opened,
            pytest.raises(StoreError, match="locked by another numcheck run"),
            opened.writing(load_rules()),
        ):
            pass
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_issue13_index_commits_in_batches(
    tmp_path: Path, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "batched.sqlite"
    seen: list[int] = []
    real = ClaimStore._checkpoint

    def spy(self: ClaimStore, writer: store_sqlite.Writer) -> None:
        real(self, writer)
        reader = sqlite3.connect(path)  # what a killed run would leave
        seen.append(reader.execute("SELECT COUNT(*) FROM files").fetchone()[0])
        reader.close()

    monkeypatch.setattr(ClaimStore, "_checkpoint", spy)
    with ClaimStore(path, create=True) as store:
        index_paths([archive], store, load_rules(), commit_every=1)
    assert seen == [1, 2, 3]


def test_issue13_jsonl_with_a_bad_line_is_not_reextracted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "wire.jsonl").write_text(
        '{"id": "a", "text": "Rebels attacked 110 times."}\n{"id": 5\n', encoding="utf-8"
    )
    path = tmp_path / "claims.sqlite"
    argv = ["index", str(folder), "--store", str(path), "--no-config"]
    assert main(argv) == 2
    capsys.readouterr()
    assert main(argv) == 2  # the bad line is still an error ...
    out, err = capsys.readouterr()
    assert "1 files unchanged; 1 errors" in out and "wire.jsonl:2: error" in err
