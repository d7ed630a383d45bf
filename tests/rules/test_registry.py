"""The kinds registry is the one place a rule kind is named: schema and dispatch follow it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from numcheck.rules import checks
from numcheck.rules.kinds import KINDS, RULE_ADAPTER, build_check
from numcheck.vocabulary import load_vocabulary

CHECKS = Path(checks.__file__).parent
SHARED = {"numcheck.rules.checks.base", "numcheck.rules.checks.compare"}


def test_the_rule_schema_offers_exactly_the_registered_kinds() -> None:
    mapping = RULE_ADAPTER.json_schema()["discriminator"]["mapping"]
    assert set(mapping) == set(KINDS)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_rule_of_each_kind_gets_that_kind_s_check(name: str) -> None:
    kind = KINDS[name]
    rule = RULE_ADAPTER.validate_python(
        {"id": "x", "check": name, "severity": "warning", "summary": "s"}
    )
    assert rule.options == kind.options()
    assert rule.applies == kind.applies
    assert isinstance(build_check(rule, load_vocabulary()), kind.check)


@pytest.mark.parametrize("module", sorted(p.name for p in CHECKS.glob("*.py")))
def test_checks_share_helpers_but_never_import_each_other(module: str) -> None:
    tree = ast.parse((CHECKS / module).read_text(encoding="utf-8"))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
        if node.module.startswith("numcheck.rules.checks")
    }
    assert imported <= SHARED, f"{module} imports {sorted(imported - SHARED)}"
