"""Laws every check obeys, proved on generated newsrooms (numcheck.testing.strategies)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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


_PLACES = ["Lyon", "Porto", "Gdansk", "Van", "Oslo"]


@LAW
@given(st.integers(2, 5000), st.data())
def test_a_figure_never_conflicts_with_a_part_of_itself(total: int, data: st.DataObject) -> None:
    """ "N people were killed, including M children" (M < N) states one toll and a part."""
    part = data.draw(st.integers(1, total - 1))
    place = data.draw(st.sampled_from(_PLACES))
    text = f"The blast in {place} killed {total:,} people, including {part:,} children."
    other = f"Officials in {place} said the blast killed {total:,} people."
    report = numcheck.check(
        [
            numcheck.document(text, id="a", published="2024-05-06"),
            numcheck.document(other, id="b", published="2024-05-06"),
        ]
    )
    assert not report.findings, [f.message for f in report.findings]


@LAW
@given(conflicting_scenarios(), st.integers(2, 900), st.integers(1990, 2015))
def test_an_unrelated_sentence_about_another_event_adds_no_finding(
    scenario: Scenario, toll: int, year: int
) -> None:
    """A background line about an earlier disaster leaves the findings as they were."""
    before = _quotes(numcheck.check(list(scenario.documents)))
    first, *rest = scenario.documents
    background = f" The {year} flood, which killed {toll:,} people, was worse."
    extended = numcheck.document(first.text + background, id=first.id, published=first.published)
    after = _quotes(numcheck.check([extended, *rest]))
    assert after == before
