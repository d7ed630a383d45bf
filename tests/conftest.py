"""Shared fixtures: the real-news corpus beside the project (skipped where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "iraq-us-troops"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not (CORPUS / "expected.yaml").is_file():
        pytest.skip(f"../shared corpus not found at {CORPUS}: it lives beside the checkout")
    return CORPUS
