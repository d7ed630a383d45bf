"""Laws every check obeys, proved on generated newsrooms (numcheck.testing.strategies)."""

from __future__ import annotations

from hypothesis import given, settings

import numcheck
from numcheck.rules.schema import Selection
from numcheck.testing.strategies import (
    Scenario,
    agreeing_scenarios,
    conflicting_scenarios,
    scenarios,
    shifted_date_scenarios,
    unit_scenarios,
)

LAW = settings(max_examples=60, deadline=None)


def _quotes(report: numcheck.Report) -> list[list[str]]:
    return sorted(sorted(e.quote for e in f.evidence) for f in report.findings)


@LAW
@given(agreeing_scenarios())
def test_agreeing_rewordings_yield_no_finding(scenario: Scenario) -> None:
    report = numcheck.check(list(scenario.documents))
    assert not report.findings, [f.message for f in report.findings]


@LAW
@given(unit_scenarios())
def test_unit_conversions_yield_no_finding(scenario: Scenario) -> None:
    assert not numcheck.check(list(scenario.documents)).findings


@LAW
@given(conflicting_scenarios())
def test_conflicting_figures_yield_their_finding(scenario: Scenario) -> None:
    report = numcheck.check(list(scenario.documents))
    assert _quotes(report) == sorted(sorted(q) for q in scenario.findings)


@LAW
@given(shifted_date_scenarios())
def test_shifted_event_dates_yield_their_finding(scenario: Scenario) -> None:
    report = numcheck.check(list(scenario.documents))
    assert _quotes(report) == sorted(sorted(q) for q in scenario.findings)


@LAW
@given(scenarios())
def test_comparing_a_with_b_equals_comparing_b_with_a(scenario: Scenario) -> None:
    a, b = scenario.documents
    forward = numcheck.check([a], against=[b])
    backward = numcheck.check([b], against=[a])
    assert {f.id for f in forward.findings} == {f.id for f in backward.findings}


@LAW
@given(scenarios())
def test_a_document_compared_with_itself_yields_no_finding(scenario: Scenario) -> None:
    doc = scenario.documents[0]
    twin = numcheck.document(doc.text, id=f"{doc.id}-copy", published=doc.published)
    report = numcheck.check([doc], against=[twin])
    assert not [f for f in report.findings if len({e.document for e in f.evidence}) > 1]


@LAW
@given(scenarios())
def test_finding_ids_survive_unrelated_text_moving(scenario: Scenario) -> None:
    before = numcheck.check(list(scenario.documents))
    moved = [
        numcheck.document("Weather: mild.\n\n" + d.text, id=d.id, published=d.published)
        for d in scenario.documents
    ]
    after = numcheck.check(moved)
    assert [f.id for f in before.findings] == [f.id for f in after.findings]


def _selecting(pack: numcheck.RulePack, selection: Selection) -> numcheck.RulePack:
    rules = tuple(rule.model_copy(update={"select": selection}) for rule in pack.rules)
    return numcheck.RulePack(rules, pack.folders)


@settings(max_examples=30, deadline=None)
@given(conflicting_scenarios())
def test_a_selection_narrows_a_rule_and_never_adds_a_finding(scenario: Scenario) -> None:
    """Selecting every claim kind changes nothing; selecting a measure no claim has
    leaves nothing."""
    pack = numcheck.load_rules()
    documents = list(scenario.documents)
    every_kind = _selecting(pack, Selection(kinds=list(numcheck.Kind)))
    no_measure = _selecting(pack, Selection(measures=["no-such-measure"]))
    plain = _quotes(numcheck.check(documents, rules=pack))
    assert _quotes(numcheck.check(documents, rules=every_kind)) == plain
    assert numcheck.check(documents, rules=no_measure).findings == ()
