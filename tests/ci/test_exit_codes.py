"""Exit codes 0/1/2 and one-line errors; the progress bar only on a terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from numcheck.cli import main
from numcheck.progress import MIN_DOCUMENTS, ProgressBar

Capsys = pytest.CaptureFixture[str]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_missing_draft_is_exit_2_in_one_line(tmp_path: Path, capsys: Capsys) -> None:
    assert main(["check", str(tmp_path / "missing.md"), "--no-config"]) == 2
    err = capsys.readouterr().err
    assert (
        err == f"numcheck: error: {tmp_path / 'missing.md'}: no such file or directory (document)\n"
    )


def test_unreadable_archive_is_exit_2(tmp_path: Path, capsys: Capsys) -> None:
    (tmp_path / "d.txt").write_text("The flood destroyed 310 homes.", encoding="utf-8")
    (tmp_path / "archive.txt").write_bytes(b"\xff\xfe\xfa")
    code = main(["check", str(tmp_path / "d.txt"), "--against", str(tmp_path / "archive.txt")])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("numcheck: error: archive unreadable: ") and err.count("\n") == 1


def test_clean_draft_exits_0_and_conflict_exits_1(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The flood destroyed 120 homes.", encoding="utf-8")
    (tmp_path / "d.txt").write_text("The flood destroyed 120 homes.", encoding="utf-8")
    args = ["check", str(tmp_path / "d.txt"), "--against", str(tmp_path / "a.txt"), "--no-config"]
    assert main(args) == 0
    (tmp_path / "d.txt").write_text("The flood destroyed 310 homes.", encoding="utf-8")
    assert main([*args, "-o", str(tmp_path / "out.txt")]) == 1


def test_a_draft_in_the_archive_is_not_compared_with_itself(tmp_path: Path) -> None:
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "d.txt").write_text("The flood destroyed 310 homes.", encoding="utf-8")
    draft = str(tmp_path / "archive" / "d.txt")
    assert main(["check", draft, "--against", str(tmp_path / "archive"), "--no-config"]) == 0


def test_progress_bar_only_on_a_terminal_and_for_many_documents() -> None:
    assert ProgressBar.maybe(MIN_DOCUMENTS, io.StringIO()) is None
    assert ProgressBar.maybe(MIN_DOCUMENTS - 1, Terminal()) is None
    stream = Terminal()
    bar = ProgressBar.maybe(MIN_DOCUMENTS, stream)
    assert bar is not None
    for _ in range(MIN_DOCUMENTS):
        bar.step()
    bar.close()
    assert f"{MIN_DOCUMENTS}/{MIN_DOCUMENTS} documents" in stream.getvalue()
    assert stream.getvalue().endswith("\r\x1b[2K")
