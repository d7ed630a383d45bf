"""Testing helpers users import: rule cases as data (``cases``), and hypothesis strategies
(``numcheck.testing.strategies``, with the ``numcheck[testing]`` extra).

The case runner needs nothing beyond numcheck itself, so ``import numcheck.testing``
works where hypothesis is not installed; ``Scenario`` and ``scenarios`` are imported
from the strategies module on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from numcheck.testing.cases import (
    Case,
    LoadedCase,
    assert_case,
    example_cases,
    load_cases,
    run_case,
)

if TYPE_CHECKING:
    from numcheck.testing.strategies import Scenario, scenarios

__all__ = [
    "Case",
    "LoadedCase",
    "Scenario",
    "assert_case",
    "example_cases",
    "load_cases",
    "run_case",
    "scenarios",
]


def __getattr__(name: str) -> Any:
    if name not in ("Scenario", "scenarios"):
        raise AttributeError(f"module 'numcheck.testing' has no attribute {name!r}")
    try:
        from numcheck.testing import strategies
    except ModuleNotFoundError as exc:  # hypothesis is an extra
        raise ImportError(
            f"numcheck.testing.{name} needs hypothesis: pip install 'numcheck[testing]'"
        ) from exc
    return getattr(strategies, name)
