"""Every shipped rule's cases (rules/cases/*.yaml) pass, run by ``numcheck.testing``."""

from __future__ import annotations

import pytest

from numcheck import load_rules
from numcheck.testing import LoadedCase, assert_case, example_cases, load_cases
from numcheck.vocabulary import bundled_rules_dir

CASES = load_cases(bundled_rules_dir() / "cases")
EXAMPLES = example_cases()


def test_every_rule_has_cases() -> None:
    assert {r.id for r in load_rules().rules} <= {c.rule for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case: LoadedCase) -> None:
    assert_case(case)


@pytest.mark.parametrize("case", EXAMPLES, ids=[c.id for c in EXAMPLES])
def test_rule_example(case: LoadedCase) -> None:
    """The examples a rule file shows (and the reference prints) do what they say."""
    assert_case(case)
