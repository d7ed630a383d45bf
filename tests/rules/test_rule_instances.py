"""Rule files configure instances: the claims a rule selects, its message, a case's options."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from numcheck import RuleFileError, load_rules
from numcheck.rules.load import RulePack
from numcheck.store.fingerprint import pack_fingerprint
from numcheck.testing import Case, LoadedCase, run_case
from numcheck.testing.cases import mismatches

RULE = {"id": "homes", "check": "value-conflict", "severity": "error", "summary": "s"}
FLOOD = [
    {"id": "monday", "published": "2024-03-04", "text": "The flood destroyed 120 homes."},
    {"id": "tuesday", "published": "2024-03-05", "text": "The flood destroyed 310 homes."},
    {"id": "wed", "published": "2024-03-06", "text": "The flood killed 12 people."},
    {"id": "thu", "published": "2024-03-07", "text": "The flood killed 31 people."},
]


def pack(tmp_path: Path, **fields: Any) -> RulePack:
    path = tmp_path / "rule.yaml"
    path.write_text(yaml.safe_dump({**RULE, **fields}), encoding="utf-8")
    return load_rules(path)


def case(**fields: Any) -> LoadedCase:
    return LoadedCase(
        rule="homes", case=Case.model_validate({"name": "c", **fields}), source="cases.yaml"
    )


def quotes(rules: RulePack, **fields: Any) -> list[list[str]]:
    found = run_case(case(documents=FLOOD, **fields), rules)
    return sorted(sorted(e.quote for e in f.evidence) for f in found)


def test_a_rule_compares_only_the_measures_it_selects(tmp_path: Path) -> None:
    everything = quotes(pack(tmp_path))
    assert ["120 homes", "310 homes"] in everything and ["12 people", "31 people"] in everything
    homes_only = quotes(pack(tmp_path, select={"measures": ["home"]}))
    assert homes_only == [["120 homes", "310 homes"]]


def test_a_rule_compares_only_the_claim_kinds_it_selects(tmp_path: Path) -> None:
    assert quotes(pack(tmp_path, select={"kinds": ["money"]})) == []
    assert quotes(pack(tmp_path, select={"kinds": ["count"]})) == quotes(pack(tmp_path))


def test_a_rule_carries_its_message_template(tmp_path: Path) -> None:
    rules = pack(tmp_path, message="Check with the desk ($rule): $quotes. $message")
    found = run_case(case(documents=FLOOD[:2]), rules)
    assert len(found) == 1
    message = found[0].message
    assert message.startswith("Check with the desk (homes): 120 homes vs 310 homes. 120 homes")


@pytest.mark.parametrize("template", ["$nope", "${quotes} and $", "cost: $5"])
def test_a_message_template_with_an_unknown_placeholder_names_its_line(
    tmp_path: Path, template: str
) -> None:
    with pytest.raises(RuleFileError, match="placeholder") as caught:
        pack(tmp_path, message=template)
    assert caught.value.line is not None and caught.value.line > 1


def test_a_case_overrides_the_rule_options_for_itself_only(tmp_path: Path) -> None:
    rules = pack(tmp_path)
    loose = {"tolerance": {"relative": 0.9}}
    assert quotes(rules, options=loose) == []
    assert quotes(rules) != []


def test_a_bad_option_in_a_case_names_the_case_file(tmp_path: Path) -> None:
    bad = case(documents=FLOOD, options={"tolerance": {"relativ": 1}})
    with pytest.raises(RuleFileError, match=r"cases\.yaml.*options\.tolerance\.relativ"):
        run_case(bad, pack(tmp_path))


def test_a_flagged_case_fails_when_the_rule_stays_quiet(tmp_path: Path) -> None:
    quiet = case(documents=FLOOD[:1], flagged=True)
    assert list(mismatches(quiet, run_case(quiet, pack(tmp_path)))) == [
        "expected a finding of the rule, got none"
    ]


def test_a_store_re_indexes_when_a_rule_selects_other_claims(tmp_path: Path) -> None:
    """A claim store keys only the claims a rule selects; a message is wording only."""
    plain = pack_fingerprint(pack(tmp_path))
    assert pack_fingerprint(pack(tmp_path, select={"measures": ["home"]})) != plain
    assert pack_fingerprint(pack(tmp_path, message="Desk: $message")) == plain
