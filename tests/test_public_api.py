"""What ``import numcheck`` gives: the version from one source, the errors callers catch."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import numcheck
from numcheck.store import ClaimStore

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_version_is_the_one_in_pyproject() -> None:
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    assert numcheck.__version__ == declared


def test_store_error_is_exported_for_callers_of_check_and_index(tmp_path: Path) -> None:
    with pytest.raises(numcheck.StoreError, match="no such claim store"):
        ClaimStore(tmp_path / "none.sqlite")
