"""Every shipped rule's cases (rules/cases/*.yaml) pass, run by ``numcheck.testing``."""

from __future__ import annotations

import pytest

from numcheck import load_rules
from numcheck.testing import LoadedCase, assert_case, load_cases
from numcheck.vocabulary import bundled_rules_dir

CASES = load_cases(bundled_rules_dir() / "cases")


def test_every_rule_has_cases() -> None:
    assert {r.id for r in load_rules().rules} <= {c.rule for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case: LoadedCase) -> None:
    assert_case(case)
