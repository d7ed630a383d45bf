"""Report tests read numbers with the stand-in extractor (see tests/fake_extraction.py)."""

from __future__ import annotations

import pytest

from fake_extraction import extract_homes


@pytest.fixture(autouse=True)
def homes_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("numcheck.api.extract_claims", extract_homes)
