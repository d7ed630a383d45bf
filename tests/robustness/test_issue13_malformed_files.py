"""Issue 13: every malformed rule, vocabulary, meta, config and baseline file is exit 2
with the file (and line) named, never a traceback or a silent pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck.cli import main
from numcheck.testing.adversarial import MALFORMED_FILES, MalformedFile


def test_issue13_at_least_thirty_malformed_files() -> None:
    assert len(MALFORMED_FILES) >= 30
    assert len({case.name for case in MALFORMED_FILES}) == len(MALFORMED_FILES)


@pytest.mark.parametrize("case", MALFORMED_FILES, ids=lambda case: case.name)
def test_issue13_malformed_file_is_exit_2_with_file_and_line(
    case: MalformedFile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, argv = case.write(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    where = f"{path}:{case.line}:" if case.line else f"{path}:"
    assert where in err
