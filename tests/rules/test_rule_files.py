"""Rule files: the bundled pack is valid, and a bad file is named with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from numcheck import RuleFileError, load_rules
from numcheck.extract.quantities.qualifiers import editorial_readings, qualifier_names
from numcheck.rules.kinds import KINDS, RULE_ADAPTER
from numcheck.rules.reference import render_reference


def test_bundled_pack_loads_every_rule_once() -> None:
    pack = load_rules()
    ids = [r.id for r in pack.rules]
    assert {"value-conflict", "event-date-conflict", "weekday-mismatch"} <= set(ids)
    assert len(ids) == len(set(ids))


def test_every_bundled_rule_documents_itself() -> None:
    for rule in load_rules().rules:
        assert rule.summary and rule.description
        assert rule.examples.fail and rule.examples.passes


@pytest.mark.parametrize(
    ("content", "line", "needle"),
    [
        ("id: x\ncheck: value-conflict\nseverity: loud\nsummary: s\n", 3, "severity"),
        ("id: x\ncheck: no-such-check\nseverity: error\nsummary: s\n", None, "check"),
        (
            "id: x\ncheck: value-conflict\nseverity: error\nsummary: s\noptions:\n"
            "  tolerance:\n    relative: -1\n",
            7,
            "relative",
        ),
        ("id: x\ncheck: value-conflict\n  severity: [\n", None, "invalid YAML"),
        ("- just\n- a list\n", 1, "mapping"),
        ("id: x\ncheck: weekday-mismatch\nseverity: error\nsummary: s\nextra: 1\n", 5, "extra"),
        (
            "id: x\ncheck: totals\nseverity: error\nsummary: s\noptions:\n  readings:\n"
            "    aboot: {below: 0.1}\n",
            7,
            "no qualifier named aboot",
        ),
        (
            "id: x\ncheck: totals\nseverity: error\nsummary: s\nexamples:\n  fail:\n"
            "    - - {text: a, publishd: 2024-01-01}\n",
            7,
            "examples.fail.0.0.publishd: Extra inputs",
        ),
    ],
)
def test_bad_rule_file_names_file_and_line(
    tmp_path: Path, content: str, line: int | None, needle: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rules(path)
    assert str(path) in str(caught.value)
    assert needle in str(caught.value)
    if line is not None:
        assert caught.value.line == line


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_issue_10_bad_option_of_every_kind_names_its_line_and_path(
    tmp_path: Path, kind: str
) -> None:
    """Error locations once dropped only tags ending in -conflict and weekday-mismatch,
    so a bad elapsed-time or totals file was reported at line 1 with a wrong path."""
    path = tmp_path / f"{kind}.yaml"
    path.write_text(
        f"id: x\ncheck: {kind}\nseverity: error\nsummary: s\noptions:\n  no_such: 1\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError) as caught:
        load_rules(path)
    assert caught.value.line == 6
    assert caught.value.message.startswith("options.no_such:")


def test_editorial_readings_come_from_the_qualifier_data() -> None:
    """Every kind that reads qualifiers editorially starts from the data file's readings,
    and every reading there names a qualifier the extractor gives."""
    readings = editorial_readings()
    assert set(readings) <= qualifier_names()
    assert readings["about"] == {"below": 0.05, "above": 0.05}
    assert readings["more-than"] == {}  # a floor has no ceiling: "more than 300" and 412 agree
    for rule in load_rules().rules:
        if "readings" in type(rule.options).model_fields:
            shipped = {k: v.model_dump() for k, v in rule.options.readings.items()}
            assert shipped == {k: {"below": 0.0, "above": 0.0, **v} for k, v in readings.items()}


def test_yaml_tags_that_would_run_code_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("id: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(RuleFileError):
        load_rules(path)


def test_duplicate_rule_ids_are_an_error(tmp_path: Path) -> None:
    rule = "id: same\ncheck: weekday-mismatch\nseverity: error\nsummary: s\n"
    (tmp_path / "a.yaml").write_text(rule, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(rule, encoding="utf-8")
    with pytest.raises(RuleFileError, match="also defined"):
        load_rules(tmp_path)


def test_rule_schema_is_published() -> None:
    schema = RULE_ADAPTER.json_schema()
    assert "value-conflict" in str(schema) and "weekday-mismatch" in str(schema)


def test_rule_reference_in_docs_is_up_to_date() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    assert docs.read_text(encoding="utf-8") == render_reference(), (
        "docs/rules.md is stale: run python -m numcheck.rules.reference > docs/rules.md"
    )


def test_rule_reference_prints_options_as_yaml_with_descriptions() -> None:
    """Each rule's options block reads back as its options (YAML, not Python repr), and
    says what each option means."""
    reference = render_reference()
    for rule in load_rules().rules:
        section = reference.split(f"### `{rule.id}` (v{rule.version})", 1)[1]
        options = rule.options.model_dump(mode="json")
        if not options:
            continue
        block = section.split("Options (as shipped):\n\n```yaml\n", 1)[1].split("```", 1)[0]
        assert yaml.safe_load(block) == options
        assert "# strict: pure interval logic" in block or rule.check != "value-conflict"
