"""Testing helpers users import: rule cases as data, and hypothesis strategies."""

from numcheck.testing.cases import (
    Case,
    LoadedCase,
    assert_case,
    example_cases,
    load_cases,
    run_case,
)
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
