"""Issue 13, short version of benchmarks/robustness.py: extractors and loaders never raise,
offsets slice to their quotes, intervals are never inverted."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings

from numcheck.api import document
from numcheck.documents.load import load_file, readable, source_text
from numcheck.extract.pipeline import extract_claims
from numcheck.rules.load import load_rules
from numcheck.safe_yaml import YamlProblem, parse_yaml
from numcheck.testing.adversarial import news_like_text, yaml_like_text

SHORT = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SHORT
@given(news_like_text())
@example("Two\r\n5 people were killed")  # found at 100,000 examples: a CRLF before a figure
@example("\ufeff5 people were killed")
def test_issue13_extraction_never_raises_and_slices_to_quotes(text: str) -> None:
    """Offsets are into the text as loaders read it (no BOM, "\\n" line ends, no lone
    surrogate), the text every report quotes."""
    doc = document(text)
    assert doc.text == source_text(readable(text))
    for claim in extract_claims(doc, load_rules().vocabulary):
        assert doc.text[claim.span.start : claim.span.end] == claim.quote
        value = claim.value
        if value is not None and value.low is not None and value.high is not None:
            assert value.low <= value.high


@SHORT
@given(yaml_like_text())
def test_issue13_yaml_reader_returns_data_or_a_problem(text: str) -> None:
    with contextlib.suppress(YamlProblem):
        parse_yaml(text)


@SHORT
@given(front=yaml_like_text(), body=news_like_text())
def test_issue13_markdown_loader_gives_every_file_a_status(
    tmp_path: Path, front: str, body: str
) -> None:
    path = tmp_path / "story.md"
    path.write_bytes(f"---\n{front}---\n{body}".encode("utf-8", "surrogatepass"))
    assert len(load_file(path).statuses) == 1


@SHORT
@given(news_like_text())
def test_issue13_jsonl_loader_gives_every_line_a_status(tmp_path: Path, text: str) -> None:
    good = json.dumps({"id": "a", "text": text})
    path = tmp_path / "wire.jsonl"
    path.write_bytes(f"{good}\n{good[:-2]}{text}\n".encode("utf-8", "surrogatepass"))
    statuses = load_file(path).statuses
    assert [s.source.rsplit(":", 1)[1] for s in statuses][:1] == ["1"]
    assert statuses[0].status == "checked"
